// The analyst's desk: what the store answers about events, actors, places and stories,
// and the corrections an analyst makes to coded events.
//
// These are the value types of the Store calls that `sitrep serve` and `sitrep export`
// use (store.h declares the calls). Dates are ISO 8601 text compared as text, so a
// filter's "2024-09" matches every day of that month; countries are ISO 3166-1
// alpha-3 codes; actor codes are CAMEO-style (PAKGOV = Pakistan + government).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/span.h"

namespace sitrep {

// What an event list, an aggregate or an export is restricted to. Every field is
// optional; all that are given must hold.
struct EventFilter {
  std::string date_from;              // inclusive, compared on the first 10 characters
  std::string date_to;                // inclusive
  std::vector<std::string> types;     // PLOVER types: any of them
  std::string cameo_root;             // two digits: "19" = fight
  std::string actor;                  // actor code: as source or target (see actor_role)
  std::string actor_role = "any";     // "any", "source" or "target"
  std::optional<int64_t> actor_id;    // a person or organisation of the actors table
  std::string country;                // where it happened
  std::optional<double> latitude, longitude, radius_km;  // all three, or none
  std::optional<int64_t> story_id;
  std::string source;                 // outlet: documents.source of a mentioning document
  std::optional<int64_t> doc_id;      // mentioned in this document
  std::string text;                   // FTS5 query over the mentioning documents
  bool include_rejected = false;      // also events marked wrong or merged into another
};

// One event as the desk shows it: the coder's fields with the analyst's corrections
// applied (corrections are kept apart too, in the corrections layer).
struct DeskEvent {
  int64_t id = 0;
  std::string date;                   // ISO 8601, as precise as known
  std::string date_precision;
  std::string type;                   // PLOVER
  std::string mode, context;
  std::string cameo;
  int quad_class = 0;                 // 1 verbal cooperation .. 4 material conflict; 0 unknown
  std::optional<double> goldstein;
  std::string source_actor, target_actor;
  std::string place, country, admin1;
  std::optional<double> latitude, longitude;
  std::optional<int64_t> killed, injured;
  double confidence = 0;
  std::optional<int64_t> story_id;
  std::string status = "coded";       // coded, corrected, wrong, merged
  std::optional<int64_t> merged_into;
  // When consolidation (not an analyst) merged it: why, as JSON (story, key, dates).
  std::string merge_note;
  std::string coded_by = "coder";     // coder, analyst, synthetic, fixture
  std::string created_at;
  int64_t mentions = 0;               // mention rows, merged events' included (in lists: own only)
};

// One report of an event: a sentence of a stored document.
struct DeskMention {
  int64_t event_id = 0;               // the event the row belongs to (a merged one, maybe)
  int64_t doc_id = 0;
  Span sentence;                      // clean-text bytes; empty when unknown
  Span evidence;
  double confidence = 0;
  std::string title, source, url, published, text_hash;
  std::string path;                   // the input file it was read from
  std::string evidence_text;          // the evidence bytes themselves
  int64_t doc_bytes = 0;              // length of the document's clean text
};

// An event to insert, with its mentions and the actors of the actors table it involves.
struct NewEvent {
  DeskEvent event;                    // id, status, merged_into, mentions are ignored
  std::vector<DeskMention> mentions;  // doc_id, sentence, evidence, confidence
  std::vector<std::pair<int64_t, std::string>> actors;  // actor id, "source" or "target"
};

struct Page {
  int64_t offset = 0;
  int limit = 50;                     // 1..1000
};

struct EventPage {
  std::vector<DeskEvent> events;
  int64_t total = 0;                  // matching events, counted up to kCountCap
  bool total_capped = false;
  static constexpr int64_t kCountCap = 100'000;
};

// A cell of the event-count cube: period x type x country.
struct CountCell {
  std::string period;                 // "2024-09-16", "2024-W38" start day "2024-09-16", "2024-09"
  std::string type;
  std::string country;
  int64_t events = 0;
};

struct CasualtyCell {
  std::string country, admin1, month;
  int64_t killed = 0, injured = 0, events = 0;
};

struct NetworkEdge {
  std::string source, target;         // actor codes
  int quad_class = 0;
  int64_t events = 0;
};

struct PlaceCell {
  std::string place, country, admin1;
  double latitude = 0, longitude = 0;
  int64_t events = 0, killed = 0;
};

struct ActorRole {
  std::string role;                   // "Foreign Minister"
  std::string code;                   // the actor code the role carries
  std::string start, end;             // ISO dates; empty when unknown or still held
  std::optional<int64_t> doc_id;      // where it was read
};

struct Actor {
  int64_t id = 0;
  std::string code, name;
  std::string kind = "organization";  // person, organization, country, group
  std::string country;
  std::string added_by = "coder";     // coder, analyst, synthetic, fixture
  std::vector<ActorRole> roles;
  int64_t as_source = 0, as_target = 0;  // events (by this actor's code, or linked to it)
};

// The events behind one actor code (PAKGOV): counts, partners and the named actors.
struct ActorCode {
  std::string code;
  int64_t as_source = 0, as_target = 0;
  std::vector<NetworkEdge> partners;  // busiest first
  std::vector<Actor> members;         // actors with that code or a role carrying it
};

struct Story {
  int64_t id = 0;
  std::string label, created_at;
  std::vector<int64_t> doc_ids;
  int64_t events = 0;
};

struct DocumentRow {
  int64_t id = 0;
  std::string title, source, url, published, ingested_at;
  std::string path;                   // the input file it was read from
  int64_t events = 0;
};

// One analyst's correction of one event. `action` is one of
//   mark_wrong, restore            payload {}
//   set_type                       payload {"type", "cameo"?}
//   set_actors                     payload {"source_actor"?, "target_actor"?}
//   set_date                       payload {"date"}
//   merge                          payload {"into": event id}
//   split                          payload {"mentions": [[doc_id, begin, end], ...]}
// `before` holds the values replaced; `anchor` the event's evidence as
// [[text_hash, begin, end], ...], which finds the event again after re-coding.
struct Correction {
  int64_t id = 0;
  int64_t event_id = 0;
  std::string action;
  std::string payload = "{}";         // JSON
  std::string before = "{}";          // JSON
  std::string anchor = "[]";          // JSON
  std::string author;
  std::string note;
  std::string created_at;
  std::optional<int64_t> result_event;  // split: the new event
};

// PLOVER quad class of a PLOVER event type (1..4), or 0 for an unknown type.
int QuadClassOf(const std::string& plover_type);

}  // namespace sitrep
