// Near-duplicate articles: syndicated copies and light rewrites of one original.
//
// Each document's word 5-shingles are summarised by a MinHash signature (64 minima of
// xxHash-derived hashes); LSH banding (16 bands of 4 rows) puts documents whose
// signatures agree on a whole band in one bucket. A document is compared only with the
// first document of each bucket it falls in, never with every other document, so the
// work is linear in the corpus. Pairs whose signatures agree on at least
// `min_similarity` of their rows (an estimate of shingle Jaccard) are copies of each
// other; the copies of one original are the connected groups of such pairs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sitrep {

struct NearDuplicateOptions {
  int shingle_words = 5;
  double min_similarity = 0.7;   // estimated Jaccard of the shingle sets
};

// A document's MinHash signature over its word shingles. Texts shorter than one
// shingle are hashed as a single shingle of all their words.
std::vector<uint64_t> MinHashSignature(const std::vector<std::string>& words, int shingle_words);

// Share of rows on which two signatures agree: an estimate of the Jaccard similarity.
double SignatureSimilarity(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

// For each document, the index of the original it copies, or -1 if it is an original.
// The original of a group is the earliest by `order` (smaller first), ties broken by
// index: pass publication days (or 0) so that the first published copy is the original
// whichever arrived first.
std::vector<int> FindNearDuplicates(const std::vector<std::vector<std::string>>& words,
                                    const std::vector<int64_t>& order, const NearDuplicateOptions& options = {});

}  // namespace sitrep
