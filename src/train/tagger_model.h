// The part-of-speech model: features, greedy decoding and the model file layout, shared
// by the trainer (train/tagger_trainer.cc) and the runtime Tagger (annotate/tagger.h), so
// the scores seen while training are the scores the shipped model gets.
//
// Each class is a pair "XPOS|UPOS" seen in training (EWT has about a hundred), so one
// decision gives both tags and they never disagree. Decoding is greedy, left to right,
// with the two previous predicted tags as features, and two passes: the second pass also
// sees the first pass's tags of the next two words (a cheap form of lookahead).
// Frequent words that always had one tag in training skip the classifier (tag dictionary).
// Words seen fewer than twice in training are described by their spelling alone, plus what
// WordNet says they can be (train/wordnet.h).
// Features: word form and lower case, prefixes and suffixes up to four bytes, word
// shape, neighbouring words and their suffixes and shapes, and distributional word
// clusters (train/word_clusters.h) of the word and its neighbours.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "train/model_file.h"
#include "train/perceptron.h"
#include "train/word_clusters.h"
#include "train/wordnet.h"

namespace sitrep {

inline constexpr std::string_view kTaggerKind = "tagger";

// What the features look at in one word, computed once per token.
struct WordInfo {
  uint64_t form = 0, lower = 0, shape = 0, short_shape = 0;
  uint64_t prefix[3] = {0, 0, 0};
  uint64_t suffix[4] = {0, 0, 0, 0};
  uint64_t cluster[3] = {0, 0, 0};  // cluster bit-string prefixes of three lengths
  uint32_t flags = 0;
  uint32_t amb = 0;  // the word's tags in training (TaggerModel::Lexicon), 0 when unseen
  uint32_t sentence_case = 0;  // the casing of the whole sentence (MarkSentenceCase)
  uint32_t wordnet = 0;        // WordNet signature of a word outside the vocabulary
};

// The form and lower-case hashes of a word outside the model's vocabulary.
inline constexpr uint64_t kUnknownWord = 0x2545F4914F6CDD1DULL;

// Fills `info` for `word`; `clusters` may be empty.
void DescribeWord(std::string_view word, const WordClusters& clusters, WordInfo* info);
// Sets WordInfo::sentence_case of every word: 1 when most words are capitalised (a
// headline or title), 2 when most are in capitals, 3 when none has a capital letter,
// else 0. Web text is full of such sentences, where capitals say little about names.
void MarkSentenceCase(std::vector<WordInfo>* words);
// The lower-cased form with every digit written 0 ("Covid-19" -> "covid-00").
std::string NormalizeWord(std::string_view word);

// Tag features of word `i`. `tags` holds the tags decided so far (index < i) and, in the
// second pass, the first pass's tags (index > i); kNoTag marks unknown positions.
inline constexpr int kNoTag = -1;
void TaggerFeatures(const std::vector<WordInfo>& words, const std::vector<int>& prev_tags,
                    const std::vector<int>* first_pass, size_t i, std::vector<uint64_t>* out);

// A sentence's tags: the best class of each word and, when the tagger was unsure (the
// runner-up within kAlternativeMargin update units), the runner-up, else kNoTag. The parser
// reads both, so it can hedge where the tagger hesitated.
inline constexpr float kAlternativeMargin = 25.0f;
// The second pass re-tags only the words whose first-pass margin is below this (update
// units): the others it would hardly ever change, and skipping them halves its cost.
inline constexpr float kSecondPassMargin = 30.0f;
struct TagChoice {
  std::vector<int> best, alternative;
};

class TaggerModel {
 public:
  // One class per XPOS|UPOS pair.
  const std::vector<std::string>& xpos() const { return xpos_; }
  const std::vector<std::string>& upos() const { return upos_; }
  int num_classes() const { return static_cast<int>(xpos_.size()); }

  // Tags a sentence. `tags` gets one class per word. With `second`, it also gets each
  // word's runner-up class and how far behind it was (in perceptron update units; the
  // runner-up of a dictionary word is kNoTag). Thread-safe.
  void Tag(const std::vector<std::string_view>& words, std::vector<int>* tags, std::vector<int>* second = nullptr,
           std::vector<float>* margins = nullptr) const;
  void Tag(const std::vector<std::string_view>& words, TagChoice* choice) const;
  void TagWords(const std::vector<WordInfo>& words, const std::vector<uint64_t>& dict_keys, TagChoice* choice) const;
  // The same from described words (the trainer's path).
  void TagWords(const std::vector<WordInfo>& words, const std::vector<uint64_t>& dict_keys, std::vector<int>* tags,
                std::vector<int>* second = nullptr, std::vector<float>* margins = nullptr) const;

  // Describes the words of a sentence (DescribeWord plus the lexicon).
  void Describe(const std::vector<std::string_view>& words, std::vector<WordInfo>* infos) const;
  // The ambiguity signature of a word: its most frequent training class + 1 and the
  // second most frequent + 1 (0 if none), packed in 16 bits each; 0 for unseen words.
  uint32_t Lexicon(uint64_t lower_hash) const {
    auto it = lexicon_.find(lower_hash);
    return it == lexicon_.end() ? 0 : it->second;
  }

  bool InVocab(uint64_t lower_hash) const { return vocab_.empty() || vocab_.count(lower_hash) > 0; }

  // The tag a frequent unambiguous word always gets, or kNoTag.
  int DictTag(uint64_t form_hash) const {
    auto it = dict_.find(form_hash);
    return it == dict_.end() ? kNoTag : it->second;
  }

  Status Write(const std::string& path) const;
  static Result<TaggerModel> Load(const std::string& path);
  static Result<TaggerModel> FromFile(const ModelFile& file);

  // Construction by the trainer.
  void set_classes(std::vector<std::string> xpos, std::vector<std::string> upos) {
    xpos_ = std::move(xpos);
    upos_ = std::move(upos);
  }
  void set_dict(std::unordered_map<uint64_t, int> dict) { dict_ = std::move(dict); }
  void set_lexicon(std::unordered_map<uint64_t, uint32_t> lexicon) { lexicon_ = std::move(lexicon); }
  void set_vocab(std::unordered_set<uint64_t> vocab) { vocab_ = std::move(vocab); }
  void set_wordnet(WordNetLexicon wordnet) { wordnet_ = std::move(wordnet); }
  // Fills the lexicon-dependent parts of `info` (ambiguity signature, vocabulary, WordNet)
  // for `word`, whose DescribeWord is already in `info`.
  void Complete(std::string_view word, WordInfo* info) const;
  void set_weights(SparseWeights first, SparseWeights second) {
    first_ = std::move(first);
    second_ = std::move(second);
  }
  void set_clusters(WordClusters clusters) { clusters_ = std::move(clusters); }
  const WordClusters& clusters() const { return clusters_; }
  const SparseWeights& first_weights() const { return first_; }
  const SparseWeights& second_weights() const { return second_; }
  void set_second_pass_margin(float m) { second_pass_margin_ = m; }  // for experiments

 private:
  // One greedy pass; `first_pass` is null in the first.
  void Pass(const SparseWeights& w, const std::vector<WordInfo>& words, const std::vector<uint64_t>& dict_keys,
            const std::vector<int>* first_pass, std::vector<int>* tags, std::vector<int>* second,
            std::vector<float>* margins, const std::vector<float>* first_margins = nullptr) const;

  std::vector<std::string> xpos_, upos_;
  std::unordered_map<uint64_t, int> dict_;  // HashString(form) -> class
  std::unordered_map<uint64_t, uint32_t> lexicon_;  // WordInfo::lower -> ambiguity signature
  // Words seen at least twice in training (WordInfo::lower). Others, in training and
  // after, are described as one unknown word, so that the weights learnt for rare
  // training words are those of their spelling, which is all an unseen word has.
  std::unordered_set<uint64_t> vocab_;
  WordNetLexicon wordnet_;  // may be empty
  float second_pass_margin_ = kSecondPassMargin;
  SparseWeights first_, second_;
  WordClusters clusters_;
};

}  // namespace sitrep
