// The entity stage: names of people (PER), organisations (ORG) and places (LOC) in every
// sentence, and nationality and group words (NORP: "Iraqi", "Americans") that are not part
// of a name. Reads the token and sentence layers, and the part-of-speech tags when the
// model uses them and an earlier stage filled them; writes the "entity" layer: one
// Annotation per entity, spanning its first to its last token, labelled with its type,
// attrs {"confidence": 0.93} (the lowest label probability of its tokens; a fixed 0.9 for
// NORP, which comes from the gazetteer).
//
// The recogniser is loaded once per process (NamedEntityRecognizer::LoadDefault: ner.model
// and gazetteer.bin of $SITREP_MODELS, else of the source tree's models/) and shared
// read-only by every worker thread.
#pragma once

#include <memory>

#include "annotate/ner.h"
#include "sitrep/pipeline.h"

namespace sitrep {

struct EntityStageOptions {
  bool nationalities = true;  // add NORP annotations from the gazetteer
};

class EntityStage : public Stage {
 public:
  explicit EntityStage(std::shared_ptr<const NamedEntityRecognizer> ner, EntityStageOptions options = {})
      : ner_(std::move(ner)), options_(options) {}
  // With the default models; Code::kModel naming the file when one is missing or damaged.
  static Result<std::unique_ptr<EntityStage>> MakeDefault(EntityStageOptions options = {});

  std::string name() const override { return "entities"; }
  std::vector<std::string> reads() const override { return {"token", "sentence"}; }
  std::vector<std::string> writes() const override { return {"entity"}; }
  // REQUIRES: sentences index doc.tokens() (checked: a bad range is Code::kInternal).
  Status Process(Doc& doc) const override;

 private:
  std::shared_ptr<const NamedEntityRecognizer> ner_;
  EntityStageOptions options_;
};

// A person's name goes on through the capitalised words the parser hangs on it as parts of
// one name ("Asif Ali Zardari": Zardari is `flat` under Asif), even where the recogniser cut
// it short or read the rest as another entity; the words taken leave that entity. Needs
// the syntax layer (heads index doc tokens). Used by the stage; declared for its tests.
void JoinFlatNames(std::string_view doc_text, const std::vector<Token>& tokens, const Sentence& sent,
                   std::vector<NamedEntity>* entities);

}  // namespace sitrep
