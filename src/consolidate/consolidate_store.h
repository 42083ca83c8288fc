// Consolidating what a store holds: every stored document is read back (text, tokens,
// layers), consolidated (consolidate.h), and the results written back: the stories
// (Store::ReplaceStories, under their stable labels), the layers of undated documents
// dated through a twin and of documents re-coded with the corpus's people
// (Store::RewriteLayers), the people as actors with their offices and the dates they
// were read (Store::UpsertActor) and linked to the events they take part in
// (Store::WriteEventActors), and the event merges (Store::WriteEventMerges).
#pragma once

#include <cstddef>

#include "consolidate/consolidate.h"
#include "sitrep/store.h"

namespace sitrep {

struct StoreConsolidation {
  size_t documents = 0;
  size_t copies = 0;          // documents found to copy another
  size_t stories = 0;
  size_t multi_doc_stories = 0;
  size_t dct_tightened = 0;   // undated documents dated through a twin (their layers rewritten)
  size_t event_mentions = 0;  // coded events of the documents' "events" layers
  size_t merged_events = 0;   // what they merge into (event_merge.h)
  size_t corroborated = 0;    // merged events reported by more than one source
  MergeWriteStats merges;     // what the store made of the merges
  size_t recoded = 0;         // documents re-coded with what other articles say of their people
  size_t actors = 0;          // people written to the actors table, with their offices
  size_t actor_links = 0;     // coder events linked to the people among their sources and targets
};

Result<StoreConsolidation> ConsolidateStore(Store& store, const ConsolidateOptions& options = {});

}  // namespace sitrep
