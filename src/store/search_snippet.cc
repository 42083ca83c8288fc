// Snippets of search hits for the PostgreSQL store, marked by sitrep's own words
// (search_query.h): ts_headline would read the text with the server's parser, which no
// longer makes the index.
#include <algorithm>

#include "store/search_query.h"
#include "text/search_words.h"

namespace sitrep::sqlite {

namespace {

bool Matches(std::string_view lexeme, const SearchQuery& query) {
  if (std::binary_search(query.terms.begin(), query.terms.end(), lexeme)) return true;
  return std::any_of(query.prefixes.begin(), query.prefixes.end(),
                     [&](const std::string& prefix) { return lexeme.starts_with(prefix); });
}

}  // namespace

std::string MarkSnippet(std::string_view text, const SearchQuery& query, int words) {
  struct Word {
    Span span;
    bool match;
  };
  std::vector<Word> all;
  std::vector<size_t> matches;
  SearchWord word;
  for (SearchWords w(text); w.Next(&word);) {
    const bool match = Matches(word.lexeme, query);
    if (match) matches.push_back(all.size());
    all.push_back({word.span, match});
  }
  if (matches.empty() || words <= 0) return "";
  // The window with the most matches, starting a few words before one of them.
  const size_t width = static_cast<size_t>(words), lead = std::min<size_t>(3, width / 4);
  size_t best_start = 0, best_count = 0;
  for (size_t m : matches) {
    const size_t start = m >= lead ? m - lead : 0;
    const size_t count = static_cast<size_t>(std::lower_bound(matches.begin(), matches.end(), start + width) -
                                             std::lower_bound(matches.begin(), matches.end(), start));
    if (count > best_count) best_start = start, best_count = count;
  }
  const size_t end = std::min(all.size(), best_start + width);
  // Cut before the first word and after the last only where words were left out.
  std::string out = best_start > 0 ? "…" : "";
  size_t at = best_start > 0 ? all[best_start].span.begin : 0;
  for (size_t i = best_start; i < end; ++i) {
    const Word& w = all[i];
    out.append(text.substr(at, w.span.begin - at));
    std::string_view bytes = text.substr(w.span.begin, w.span.size());
    if (w.match) out.append("[").append(bytes).append("]");
    else out.append(bytes);
    at = w.span.end;
  }
  if (end < all.size()) out += "…";
  else out.append(text.substr(at));
  return out;
}

}  // namespace sitrep::sqlite
