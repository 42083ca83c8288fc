// CoNLL-U reading and writing (https://universaldependencies.org/format.html).
//
// A sentence is its comment lines, its syntactic words (integer IDs 1..n), its multiword
// token ranges ("3-4  don't") and its empty nodes ("5.1"). Ranges and empty nodes are kept
// so a file can be written back as it was read; the taggers and the parser work on the
// words. Reading is strict about what the trainers rely on (ten columns, IDs in order,
// heads inside the sentence) and lenient about the rest (FEATS, DEPS, MISC are opaque).
// Errors are Code::kParse with the file name and the byte offset of the offending line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

struct ConlluWord {
  int id = 0;  // 1-based
  std::string form, lemma, upos, xpos, feats;
  int head = -1;  // 0 for the root, -1 when the file says "_"
  std::string deprel, deps, misc;

  bool space_after() const;  // false when MISC has SpaceAfter=No
};

// A multiword token: words [first, last] written together as `form` ("don't").
struct ConlluRange {
  int first = 0, last = 0;
  std::string form, misc;
};

// An empty node of the enhanced graph, "major.minor"; kept verbatim (its ten fields).
struct ConlluEmptyNode {
  int major = 0, minor = 0;
  std::vector<std::string> fields;
};

struct ConlluSentence {
  std::vector<std::string> comments;  // the comment lines as written, with their '#'
  std::vector<ConlluWord> words;
  std::vector<ConlluRange> ranges;
  std::vector<ConlluEmptyNode> empty_nodes;
  uint64_t offset = 0;  // byte offset of the sentence's first line in its file

  // The value of a "# key = value" comment, or "" when there is none.
  std::string Comment(std::string_view key) const;
  // The sentence text: "# text" when present, else the forms joined by SpaceAfter.
  std::string Text() const;
};

// Parses CoNLL-U `data`; `name` is the file name used in errors.
Result<std::vector<ConlluSentence>> ParseConllu(std::string_view data, const std::string& name);
Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path);

// The file of one split of a UD treebank folder: the one named *-ud-SPLIT.conllu
// ("en_ewt-ud-dev.conllu" for split "dev").
Result<std::string> FindTreebankFile(const std::string& dir, const std::string& split);

// Appends `sent` in CoNLL-U, ending with the blank line.
void WriteConllu(const ConlluSentence& sent, std::string* out);

// The fields of a tab-separated line (CoNLL-U, IOB2 columns); a line without a tab is
// one field.
std::vector<std::string_view> SplitTabs(std::string_view line);

}  // namespace sitrep
