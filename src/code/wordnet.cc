#include "code/wordnet.h"

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string_view>

#include "code/lexicon.h"

namespace sitrep::code {

namespace {

// Verbs too general to code an event by themselves, whatever synset they come from.
const std::set<std::string, std::less<>>& GeneralVerbs() {
  static const std::set<std::string, std::less<>> kWords = {
      "be", "have", "do", "get", "make", "take", "give", "go", "come", "see", "say", "tell", "run", "put",
      "set", "find", "hold", "keep", "know", "look", "turn", "bring", "let", "use", "work", "play", "move",
      "live", "show", "try", "leave", "call", "ask", "meet", "need", "feel", "become", "seem", "mean", "pay",
      "stand", "hear", "lead", "read", "open", "close", "change", "follow", "note", "state", "receive",
      "encounter", "see", "ring", "discourse", "hash_out", "reason", "talk_over", "fill", "satisfy", "match",
      "gather", "assemble", "forgather", "foregather", "converge", "adjoin", "contact", "touch", "abut",
      "get_together", "come_across", "run_into", "run_across", "sit", "go_through", "sustain",
      // Synonyms whose everyday sense is not the event's (checked by reading the grown list):
      "proclaim", "herald", "excuse", "justify", "rationalize", "rationalise", "knock", "bang", "kick", "plain",
      "decline", "endanger", "jeopardize", "jeopardise", "imperil", "peril", "aver", "press", "glorify", "exalt"};
  return kWords;
}

// The synset offsets of `lemma` in an index file line, most frequent sense first.
std::vector<long> SynsetOffsets(const std::string& line) {
  std::istringstream in(line);
  std::string lemma, pos;
  int synsets = 0, pointers = 0;
  in >> lemma >> pos >> synsets >> pointers;
  std::string skip;
  for (int i = 0; i < pointers; ++i) in >> skip;
  int senses = 0, tagged = 0;
  in >> senses >> tagged;
  std::vector<long> offsets;
  long offset = 0;
  while (in >> offset) offsets.push_back(offset);
  return offsets;
}

std::vector<std::string> SynsetWords(std::ifstream& data, long offset) {
  data.clear();
  data.seekg(offset);
  std::string line;
  std::getline(data, line);
  std::istringstream in(line);
  std::string off, lexfile, type, count_hex;
  in >> off >> lexfile >> type >> count_hex;
  int count = static_cast<int>(std::strtol(count_hex.c_str(), nullptr, 16));
  std::vector<std::string> words;
  for (int i = 0; i < count && i < 32; ++i) {
    std::string word, lex_id;
    in >> word >> lex_id;
    words.push_back(word);
  }
  return words;
}

}  // namespace

std::string DefaultWordNetDir() {
  const char* dir = std::getenv("SITREP_WORDNET");
  return dir && *dir ? dir : "/usr/share/wordnet";
}

int GrowWithWordNet(PredicateLexicon* lexicon, const std::string& dir) {
  std::ifstream index(dir + "/index.verb"), data(dir + "/data.verb");
  if (!index || !data) return 0;
  std::map<std::string, std::string> first_line;  // lemma -> its index line
  std::set<std::string> wanted;
  for (const std::string& lemma : lexicon->Lemmas('V')) wanted.insert(lemma);
  std::string line;
  while (std::getline(index, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::string lemma = line.substr(0, line.find(' '));
    if (wanted.count(lemma)) first_line[lemma] = line;
  }
  int added = 0;
  for (const auto& [lemma, index_line] : first_line) {
    const std::vector<PredicateEntry> entries = lexicon->Find('V', lemma);
    const PredicateEntry* plain = nullptr;
    for (const PredicateEntry& e : entries)
      if (e.pattern.empty() && e.source == "lexicon") plain = &e;
    // Only verbs of saying grow: their synonyms keep the sense ("condemn", "decry"); for
    // acts, a synset drifts ("sanction" is also "approve").
    if (!plain) continue;
    static const std::set<std::string, std::less<>> kVerbal = {"ACCUSE", "SUPPORT", "REQUEST", "THREATEN", "REJECT"};
    if (!kVerbal.count(plain->type)) continue;
    std::vector<long> offsets = SynsetOffsets(index_line);
    if (offsets.empty()) continue;
    for (const std::string& word : SynsetWords(data, offsets.front())) {
      if (word.find('_') != std::string::npos || GeneralVerbs().count(word) || lexicon->Has('V', word)) continue;
      PredicateEntry grown = *plain;
      grown.lemma = word;
      grown.source = "wordnet:" + lemma;
      lexicon->Add(std::move(grown));
      ++added;
    }
  }
  return added;
}

}  // namespace sitrep::code
