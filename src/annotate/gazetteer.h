// The gazetteer: names of places, countries, nationalities, people, organisations and
// languages, and the common words of English, each with the kinds of thing it names, for
// the entity recogniser's features (annotate/ner.h).
//
// The file (models/gazetteer.bin, kind "gazetteer", built by `sitrep train gazetteer` from
// Debian's iso-codes and WordNet and from npm's GeoNames cities, nationality, first-name
// and brand lists; see models/README.md) holds the names sorted, lower-cased, with their
// type bits. Loading
// builds a hash table over them and over every prefix of a multi-word name, so matching a
// sentence costs a few probes per token.
//
// Matching is on lower-cased text with the whitespace between tokens removed, and names
// are cut into tokens at whitespace and around every ASCII punctuation mark, so a name
// matches however the tokenizer split its punctuation ("Guinea-Bissau" as one token or
// three). A Gazetteer is immutable once built: one instance serves every thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/status.h"
#include "train/model_file.h"

namespace sitrep {

inline constexpr std::string_view kGazetteerKind = "gazetteer";

// What a name can be. A name may carry several bits ("georgia": country, region, city,
// first name).
enum GazetteerBit : uint16_t {
  kGazPerson = 1 << 0,       // a person (WordNet instances of people)
  kGazFirstName = 1 << 1,    // a given name
  kGazOrganization = 1 << 2, // WordNet instances of groups and organisations
  kGazCountry = 1 << 3,      // ISO 3166-1 names
  kGazRegion = 1 << 4,       // ISO 3166-2 subdivisions
  kGazCity = 1 << 5,         // GeoNames populated places
  kGazBigCity = 1 << 6,      // ... of 100,000 people or more
  kGazLocation = 1 << 7,     // other places (WordNet: rivers, mountains, continents)
  kGazNationality = 1 << 8,  // nationality adjectives and demonyms ("French", "Iraqis")
  kGazLanguage = 1 << 9,     // ISO 639 language names
  kGazCommon = 1 << 10,      // a lower-case English word (WordNet lemma)
  kGazBrand = 1 << 11,       // companies, products and websites (Simple Icons brand names)
  kGazPrefix = 1 << 15,      // internal: the start of a longer name
};
inline constexpr int kGazetteerTypes = 12;  // bits 0 .. 11 are types
inline constexpr uint16_t kGazNameBits = 0x0FFF & ~kGazCommon;  // every type but kGazCommon

// Lower-cases UTF-8 text (full Unicode simple case mapping); bad bytes are kept as they are.
std::string LowerUtf8(std::string_view text);

// A name found in a sentence: tokens [begin, end) and what it can be.
struct GazetteerMatch {
  uint32_t begin = 0, end = 0;
  uint16_t bits = 0;
};

class Gazetteer {
 public:
  static constexpr size_t kMaxNameTokens = 8;

  // Builds from (name, bits) pairs; names are lower-cased and their spaces normalised
  // here, duplicates merged (bits or-ed).
  static Gazetteer FromNames(std::vector<std::pair<std::string, uint16_t>> names);
  // Loads and verifies a gazetteer file. Errors: Code::kModel (kNotFound) naming the file.
  static Result<std::shared_ptr<const Gazetteer>> Load(const std::string& path);
  static Result<Gazetteer> FromFile(const ModelFile& file);
  Status Write(const std::string& path) const;

  size_t size() const { return bits_.size(); }
  // The bits of a name as written (any case, spacing as the tokens would join), or 0.
  uint16_t Lookup(std::string_view name) const;
  // The bits of a token sequence given as matching keys (MatchKey of each token).
  uint16_t LookupKeys(const std::vector<std::string>& keys, size_t begin, size_t end) const;

  // The matching key of one token: lower-cased, whitespace removed.
  static std::string MatchKey(std::string_view token);
  // Every name in the sentence (keys from MatchKey), longest first at each start token;
  // at most kMaxNameTokens tokens long. Names that are only common words are left out.
  void FindAll(const std::vector<std::string>& keys, std::vector<GazetteerMatch>* matches) const;

  // The i-th name in sorted order and its bits (for tests and tools).
  std::string_view name(size_t i) const {
    return std::string_view(blob_).substr(offsets_[i], offsets_[i + 1] - offsets_[i] - 1);
  }
  uint16_t bits(size_t i) const { return bits_[i]; }

 private:
  void BuildIndex();
  void Insert(uint64_t hash, uint16_t bits);
  uint16_t Probe(uint64_t hash) const;

  std::string blob_;               // sorted names, each followed by '\n'
  std::vector<uint32_t> offsets_;  // start of each name in blob_, plus the end
  std::vector<uint16_t> bits_;
  // Open-addressing index: slot = hash & mask; the high 32 bits are a fingerprint.
  struct Slot {
    uint32_t fingerprint;
    uint16_t bits;  // 0: empty
    uint16_t pad;
  };
  std::vector<Slot> slots_;
};

}  // namespace sitrep
