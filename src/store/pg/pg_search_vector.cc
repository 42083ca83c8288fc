#include "store/pg/pg_search_vector.h"

#include <fmt/format.h>

#include <algorithm>

#include "store/search_query.h"
#include "text/search_words.h"

namespace sitrep::pg {

namespace {

constexpr int kWeightA = 3, kWeightB = 2;  // as setweight stores them
constexpr int kMaxPosition = 16383;        // MAXENTRYPOS - 1
constexpr size_t kMaxPositions = 255;      // what to_tsvector keeps of MAXNUMPOS
// The server refuses a vector whose lexemes and positions take more than 1 MB
// (MAXSTRPOS), where to_tsvector failed the whole insert; words past half that are left
// out of the index instead. No article comes near: 600 words make about 3 kB.
constexpr size_t kMaxDataBytes = size_t{1} << 19;

void PutUint16(uint16_t v, std::string* out) {
  out->push_back(static_cast<char>(v >> 8));
  out->push_back(static_cast<char>(v & 0xff));
}

// One indexed word of the document: its lexeme in the pool and its position, weighted.
struct Occurrence {
  uint32_t offset, size;
  uint16_t position;
};

void Collect(std::string_view text, int weight, int* position, std::string* pool, std::vector<Occurrence>* out) {
  SearchWord word;
  for (SearchWords words(text); words.Next(&word);) {
    *position = std::min(*position + 1, kMaxPosition);
    if (word.stopword) continue;
    out->push_back({static_cast<uint32_t>(pool->size()), static_cast<uint32_t>(word.lexeme.size()),
                    static_cast<uint16_t>(weight << 14 | *position)});
    pool->append(word.lexeme);
  }
}

}  // namespace

SearchVector SearchVector::Of(std::string_view title, std::string_view text) {
  SearchVector v;
  std::vector<Occurrence> words;
  words.reserve((title.size() + text.size()) / 6 + 8);
  v.pool_.reserve(title.size() + text.size());
  int position = 0;
  Collect(title, kWeightA, &position, &v.pool_, &words);
  if (position > 0) ++position;  // one empty position: no phrase runs from the title into the text
  Collect(text, kWeightB, &position, &v.pool_, &words);
  if (words.empty()) return v;

  // Each word's lexeme number, through an open-addressing table of first occurrences.
  auto lexeme = [&](const Occurrence& w) { return std::string_view(v.pool_).substr(w.offset, w.size); };
  size_t slots = 16;
  while (slots < 2 * words.size()) slots *= 2;
  std::vector<uint32_t> table(slots, 0);  // 1 + the index in `firsts`, 0 when free
  std::vector<uint32_t> firsts;           // a lexeme's first occurrence
  std::vector<uint32_t> ids(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view key = lexeme(words[i]);
    size_t slot = std::hash<std::string_view>()(key) & (slots - 1);
    while (table[slot] != 0 && lexeme(words[firsts[table[slot] - 1]]) != key) slot = (slot + 1) & (slots - 1);
    if (table[slot] == 0) {
      firsts.push_back(static_cast<uint32_t>(i));
      table[slot] = static_cast<uint32_t>(firsts.size());
    }
    ids[i] = table[slot] - 1;
  }

  // The positions each lexeme keeps, within the server's limits, in position order.
  std::vector<uint32_t> counts(firsts.size(), 0);
  std::vector<uint16_t> last(firsts.size(), 0);
  std::vector<bool> admitted(firsts.size(), false);
  std::vector<bool> kept(words.size(), false);
  for (size_t i = 0; i < words.size(); ++i) {
    const uint32_t id = ids[i];
    const uint16_t at = words[i].position & 0x3fff;
    if (!admitted[id]) {
      const size_t cost = words[i].size + 8;  // the lexeme, its entry, alignment
      if (v.data_bytes_ + cost + 2 > kMaxDataBytes) continue;
      v.data_bytes_ += cost;
      admitted[id] = true;
    } else if (counts[id] >= kMaxPositions || at <= last[id] || v.data_bytes_ + 2 > kMaxDataBytes) {
      continue;  // past the last position every word is at it: once is enough
    }
    ++counts[id];
    last[id] = at;
    kept[i] = true;
    v.data_bytes_ += 2;
  }

  // Lexemes sorted as the server sorts them; positions laid out in that order.
  std::vector<uint32_t> order;
  for (uint32_t id = 0; id < firsts.size(); ++id)
    if (admitted[id]) order.push_back(id);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return lexeme(words[firsts[a]]) < lexeme(words[firsts[b]]); });
  std::vector<uint32_t> start(firsts.size(), 0);
  uint32_t next = 0;
  for (uint32_t id : order) {
    const Occurrence& first = words[firsts[id]];
    v.entries_.push_back({first.offset, first.size, next, counts[id]});
    start[id] = next;
    next += counts[id];
  }
  v.positions_.resize(next);
  for (size_t i = 0; i < words.size(); ++i)
    if (kept[i]) v.positions_[start[ids[i]]++] = words[i].position;
  return v;
}

std::string SearchVector::Binary() const {
  std::string out;
  out.reserve(4 + data_bytes_);
  const uint32_t count = static_cast<uint32_t>(entries_.size());
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((count >> shift) & 0xff));
  for (const Entry& e : entries_) {
    out += Lexeme(e);
    out.push_back('\0');
    PutUint16(static_cast<uint16_t>(e.count), &out);
    for (uint32_t i = e.first; i < e.first + e.count; ++i) PutUint16(positions_[i], &out);
  }
  return out;
}

std::string SearchVector::Text() const {
  std::string out;
  for (const Entry& e : entries_) {
    if (!out.empty()) out += ' ';
    out += sqlite::QuoteLexeme(Lexeme(e));
    for (uint32_t i = e.first; i < e.first + e.count; ++i) {
      const int weight = positions_[i] >> 14;
      fmt::format_to(std::back_inserter(out), "{}{}{}", i == e.first ? ":" : ",", positions_[i] & 0x3fff,
                     weight == kWeightA ? "A" : weight == kWeightB ? "B" : weight == 1 ? "C" : "");
    }
  }
  return out;
}

}  // namespace sitrep::pg
