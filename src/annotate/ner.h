// The named-entity recogniser: PER, ORG and LOC names in a sentence of tokens, from the
// averaged-perceptron model in models/ner.model and the gazetteer in models/gazetteer.bin.
//
// The model (NerModel) is shared by the trainer (train/ner_trainer.h) and the runtime
// recogniser, so a model scores the same in `sitrep train ner` and here. Labels are BILOU
// (Begin, Inside, Last, Unit, O) per type. Decoding is greedy, left to right, with the two
// previous labels as features, and only transitions that keep spans well formed are
// allowed (no I- after O, no span left open at the end of the sentence).
//
// Features of a word: its form and lower case (words rare in training count as one unknown
// word, so what is learnt for them is learnt from their spelling), prefixes and suffixes,
// word shape over Unicode letter classes (so "Москва" looks like "Moscow"), case flags,
// distributional word classes (train/word_clusters.h), the gazetteer's verdict on the word
// alone and on the longest name that covers it, the neighbouring words, shapes and classes
// within two places, the sentence's case ("ALL CAPS", "all lower", "Title Case") crossed
// with the word's shape, how the same word is written elsewhere in the document (a
// capital inside an ordinary sentence marks a name; this is what tells "Apple" at the
// start of a sentence or in a headline), and optionally the word's part-of-speech tag.
//
// Thread safety: models and recognisers are immutable once loaded.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "annotate/gazetteer.h"
#include "sitrep/status.h"
#include "train/model_file.h"
#include "train/perceptron.h"
#include "train/word_clusters.h"

namespace sitrep {

inline constexpr std::string_view kNerKind = "ner";

// What the features look at in one word, computed once per token.
struct NerWord {
  uint64_t form = 0, lower = 0, shape = 0, short_shape = 0;
  uint64_t prefix[4] = {0, 0, 0, 0};
  uint64_t suffix[4] = {0, 0, 0, 0};
  uint64_t upos = 0;                // hash of the UPOS tag, 0 when not known
  uint16_t cluster[3] = {0, 0, 0};  // word classes, coarse to fine; 0: unknown
  uint32_t flags = 0;               // NerFlag bits
  uint16_t gaz_word = 0;            // gazetteer bits of the word alone
  uint16_t gaz_name = 0;            // bits of the longest name covering the word
  uint8_t gaz_pos = 0;              // the word's place in that name: 0 none, 1 B, 2 I, 3 L, 4 U
  uint8_t doc_case = 0;             // how the word is written elsewhere in the document: bit 0
                                    // capitalised inside a sentence, bit 1 in lower case
};

enum NerFlag : uint32_t {
  kNerTitle = 1,        // first letter upper case, some lower case letter after
  kNerAllUpper = 2,     // cased letters, all upper case
  kNerLower = 4,        // cased letters, all lower case
  kNerMixed = 8,        // upper case after the first letter, and lower case too ("McCain")
  kNerDigit = 16,
  kNerHyphen = 32,
  kNerPeriod = 64,
  kNerNonAscii = 128,
  kNerUncased = 256,    // letters without case (CJK, Arabic, ...)
  kNerNoLetter = 512,
  kNerOneChar = 1024,
};

// The sentence's case, which changes what a capital letter means.
enum class SentenceCase : uint8_t { kNormal = 0, kTitle = 1, kUpper = 2, kLower = 3 };

// The form and lower-case hashes of a word outside the model's vocabulary.
inline constexpr uint64_t kNerUnknownWord = 0x6A09E667F3BCC909ULL;

// Describes one word (everything but the gazetteer, which looks at the sentence).
void DescribeNerWord(std::string_view word, const WordClusters& clusters, NerWord* info);
SentenceCase ClassifySentenceCase(const std::vector<NerWord>& words);
// Fills NerWord::doc_case of every word from the other words of `sentences`. REQUIRES:
// NerWord::lower not yet masked.
void SetDocCase(const std::vector<std::vector<NerWord>*>& sentences);

// BILOU labels: 0 is O; type t (0-based) has B = 1 + 4t, I = 2 + 4t, L = 3 + 4t, U = 4 + 4t.
inline int NerLabel(int type, int part) { return 1 + 4 * type + part; }  // part: 0 B, 1 I, 2 L, 3 U
inline int NerType(int label) { return label == 0 ? -1 : (label - 1) / 4; }
inline int NerPart(int label) { return label == 0 ? -1 : (label - 1) % 4; }
// Whether `next` may follow `prev` (-1: sentence start).
bool NerAllowed(int prev, int next);

// Features of word `i`; `labels` holds the labels decided for words before i.
void NerFeatures(const std::vector<NerWord>& words, SentenceCase sentence_case, const std::vector<int>& labels,
                 size_t i, bool use_pos, std::vector<uint64_t>* out);

class NerModel {
 public:
  const std::vector<std::string>& types() const { return types_; }
  int num_labels() const { return 1 + 4 * static_cast<int>(types_.size()); }
  // "O", "B-PER", "I-PER", "L-PER", "U-PER", ...
  std::string LabelName(int label) const;
  bool uses_pos() const { return use_pos_; }

  // Describes a sentence: words, optional UPOS tags (empty: none) and the gazetteer.
  void Describe(const std::vector<std::string_view>& words, const std::vector<std::string_view>& upos,
                const Gazetteer* gazetteer, std::vector<NerWord>* out) const;
  // Describes the sentences of one document together (NerWord::doc_case sees them all).
  // `upos` is empty or has one entry (possibly empty) per sentence.
  void DescribeDoc(const std::vector<std::vector<std::string_view>>& sentences,
                   const std::vector<std::vector<std::string_view>>& upos, const Gazetteer* gazetteer,
                   std::vector<std::vector<NerWord>>* out) const;
  // Greedy constrained decoding. `probs` (optional) gets, per word, the probability the
  // model gives its label among the labels allowed there.
  void Decode(const std::vector<NerWord>& words, std::vector<int>* labels, std::vector<float>* probs) const;
  // The same with other weights (the trainer's path).
  void DecodeWith(const SparseWeights& weights, const std::vector<NerWord>& words, std::vector<int>* labels,
                  std::vector<float>* probs) const;

  Status Write(const std::string& path) const;
  static Result<NerModel> Load(const std::string& path);
  static Result<NerModel> FromFile(const ModelFile& file);

  // Construction by the trainer.
  void set_types(std::vector<std::string> types) { types_ = std::move(types); }
  void set_vocab(std::unordered_set<uint64_t> vocab) { vocab_ = std::move(vocab); }
  void set_clusters(WordClusters clusters) { clusters_ = std::move(clusters); }
  void set_weights(SparseWeights weights) { weights_ = std::move(weights); }
  void set_use_pos(bool use_pos) { use_pos_ = use_pos; }
  void set_temperature(float t) { temperature_ = t; }
  float temperature() const { return temperature_; }
  // The gazetteer the model was trained with (its fingerprint; 0: none).
  void set_gazetteer_fingerprint(uint64_t fp) { gazetteer_fingerprint_ = fp; }
  uint64_t gazetteer_fingerprint() const { return gazetteer_fingerprint_; }
  const WordClusters& clusters() const { return clusters_; }
  const SparseWeights& weights() const { return weights_; }

 private:
  // Describe without the vocabulary mask and without doc_case.
  void DescribeRaw(const std::vector<std::string_view>& words, const std::vector<std::string_view>& upos,
                   const Gazetteer* gazetteer, std::vector<NerWord>* out) const;
  void MaskRare(std::vector<NerWord>* words) const;

  std::vector<std::string> types_;
  std::unordered_set<uint64_t> vocab_;  // lower-case hashes of words frequent in training
  WordClusters clusters_;
  SparseWeights weights_;
  bool use_pos_ = false;
  float temperature_ = 1.0f;  // score units per nat, for the probabilities
  uint64_t gazetteer_fingerprint_ = 0;
};

// A fingerprint of a gazetteer's contents, stored in the model trained with it.
uint64_t GazetteerFingerprint(const Gazetteer& gazetteer);

// An entity found in a sentence: words [begin, end).
struct NamedEntity {
  uint32_t begin = 0, end = 0;
  std::string_view type;  // "PER", "ORG", "LOC"; points into the model
  float confidence = 0;   // the lowest probability of its words' labels
};

class NamedEntityRecognizer {
 public:
  NamedEntityRecognizer(NerModel model, std::shared_ptr<const Gazetteer> gazetteer)
      : model_(std::move(model)), gazetteer_(std::move(gazetteer)) {}

  // Loads the model and the gazetteer; the model must have been trained with this
  // gazetteer. Errors: Code::kModel (or kNotFound) naming the file.
  static Result<std::shared_ptr<const NamedEntityRecognizer>> Load(const std::string& model_path,
                                                                   const std::string& gazetteer_path);
  // ner.model and gazetteer.bin of `dir`.
  static Result<std::shared_ptr<const NamedEntityRecognizer>> LoadDir(const std::string& dir);
  // Those of DefaultModelDir() ($SITREP_MODELS, else the source tree's models/), loaded on
  // the first call and shared by later calls (thread-safe); a failure is remembered.
  static Result<std::shared_ptr<const NamedEntityRecognizer>> LoadDefault();

  // The entities of one sentence, in order, not overlapping. `upos` may be empty. Any input
  // (empty, very long, any bytes) is safe. Thread-safe.
  void Recognize(const std::vector<std::string_view>& words, const std::vector<std::string_view>& upos,
                 std::vector<NamedEntity>* entities) const;
  // The same as IOB2 tags ("B-PER", "I-PER", "O").
  void Tag(const std::vector<std::string_view>& words, const std::vector<std::string_view>& upos,
           std::vector<std::string>* tags) const;
  // The sentences of one document together (better: each sees how its words are written in
  // the others). `upos` is empty or has one entry per sentence.
  void RecognizeDoc(const std::vector<std::vector<std::string_view>>& sentences,
                    const std::vector<std::vector<std::string_view>>& upos,
                    std::vector<std::vector<NamedEntity>>* entities) const;
  void TagDoc(const std::vector<std::vector<std::string_view>>& sentences,
              const std::vector<std::vector<std::string_view>>& upos, std::vector<std::vector<std::string>>* tags) const;

  const NerModel& model() const { return model_; }
  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  void RecognizeSentence(const std::vector<std::string_view>& words, const std::vector<std::string_view>& upos,
                         bool confidence, std::vector<NamedEntity>* entities) const;
  void RecognizeDocument(const std::vector<std::vector<std::string_view>>& sentences,
                         const std::vector<std::vector<std::string_view>>& upos, bool confidence,
                         std::vector<std::vector<NamedEntity>>* entities) const;
  // `probs` may be empty (no confidence: 1).
  void EntitiesFromLabels(const std::vector<int>& labels, const std::vector<float>& probs,
                          std::vector<NamedEntity>* entities) const;

  NerModel model_;
  std::shared_ptr<const Gazetteer> gazetteer_;
};

}  // namespace sitrep
