// Speakers as entities: each quote's speaker tied to a PER or ORG mention of the
// "entity" layer, so that a quote names who said it as the entities stage found them.
//
// The entity chosen for a quote is, in this order:
//   - a PER (else ORG, else LOC) entity overlapping the speaker span ("The State
//     Department's spokesperson Matthew Miller" → the PER "Matthew Miller"); the speaker
//     span is already the antecedent for "he said" and the previous quote's speaker for
//     a continuation paragraph;
//   - for a speaker left as a pronoun, the nearest entity ending before the mention:
//     a PER for "he", "she", "I"; an ORG for "it", "they", "we";
//   - none: the speaker is not a named entity ("a senior official").
// Entities are sorted by position, so each look-up is a binary search.
#pragma once

#include <vector>

#include "annotate/quotes.h"
#include "sitrep/doc.h"

namespace sitrep {

// Fills speaker_entity, speaker_entity_label and speaker_entity_text of each quote from
// `entities` (the "entity" layer, sorted by start). Quotes without a match are left alone.
void AttachSpeakerEntities(const Doc& doc, const std::vector<Annotation>& entities, std::vector<Quote>* quotes);

}  // namespace sitrep
