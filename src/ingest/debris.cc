#include "ingest/debris.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace sitrep {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Strips white space, and the arrows and guillemets sites hang on links ("Read More »").
std::string_view TrimDecorations(std::string_view s) {
  auto drop_front = [&](std::string_view p) {
    if (s.substr(0, p.size()) == p) { s.remove_prefix(p.size()); return true; }
    return false;
  };
  auto drop_back = [&](std::string_view p) {
    if (s.size() >= p.size() && s.substr(s.size() - p.size()) == p) { s.remove_suffix(p.size()); return true; }
    return false;
  };
  for (bool changed = true; changed;) {
    changed = false;
    while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.front())) || s.front() == '>' || s.front() == '|'))
      s.remove_prefix(1), changed = true;
    while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == '>' || s.back() == '|' ||
                          s.back() == ':'))
      s.remove_suffix(1), changed = true;
    for (std::string_view d : {"\u00BB", "\u203A", "\u2192", "\u00A0", "\u2026", "..."}) {
      changed |= drop_front(d);
      changed |= drop_back(d);
    }
  }
  return s;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool Contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

// Whole lines that are navigation among stories, not story.
constexpr std::array<std::string_view, 12> kReadMore = {
    "read more", "read more here", "continue reading", "read full story", "read the full story",
    "click here to read more", "view more", "load more", "see more", "more", "read on", "full story"};
constexpr std::array<std::string_view, 22> kRelatedHeadings = {
    "related", "related post", "related posts", "related stories", "related articles", "related news",
    "recent", "recent posts", "recent stories", "latest", "latest news", "latest stories",
    "you may also like", "you might also like", "more stories", "more from this section", "trending",
    "most read", "most popular", "recommended", "editor's picks", "top stories"};
constexpr std::array<std::string_view, 13> kShareBar = {
    "share", "share this", "share this article", "share on facebook", "share on twitter", "tweet",
    "facebook", "twitter", "whatsapp", "linkedin", "email", "print", "copy link"};
constexpr std::array<std::string_view, 3> kAdvert = {"advertisement", "sponsored", "ad"};
// Prefixes of lines that credit an image or send the reader elsewhere.
constexpr std::array<std::string_view, 11> kCreditPrefixes = {
    "image credits", "image credit", "image:", "photo credit", "photo:", "photograph:", "file photo",
    "[image via", "[photo", "(photo", "picture:"};
constexpr std::array<std::string_view, 7> kCrossLinkPrefixes = {
    "also see:", "also read:", "see also:", "read more:", "read also:", "also watch:", "related:"};
// Site boilerplate: taglines, disclaimers, subscription prompts.
constexpr std::array<std::string_view, 12> kSitePhrases = {
    "your trusted source", "all rights reserved", "follow us on", "subscribe to our", "sign up for our",
    "for informational purposes only", "this news is sourced from", "published from a wire agency feed",
    "click here to subscribe", "download our app", "we use cookies", "stay informed with our"};
constexpr std::array<std::string_view, 8> kDeskBylines = {
    "news desk", "web desk", "staff reporter", "staff report", "online desk", "monitoring desk",
    "our correspondent", "desk report"};

template <size_t N>
bool IsOneOf(std::string_view s, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}
template <size_t N>
bool StartsWithOneOf(std::string_view s, const std::array<std::string_view, N>& list) {
  return std::any_of(list.begin(), list.end(), [&](std::string_view p) { return StartsWith(s, p); });
}

bool EndsSentence(std::string_view s) {
  s = TrimDecorations(s);
  if (s.empty()) return false;
  char last = s.back();
  if (last == '.' || last == '!' || last == '?' || last == '"' || last == ')') return true;
  return s.size() >= 3 && (s.substr(s.size() - 3) == "\u201D" || s.substr(s.size() - 3) == "\u2019");
}

// Headlines are short and are not sentences, though they may ask a question.
bool LooksLikeHeadline(const TextBlock& b) {
  if (b.heading) return true;
  std::string_view t = TrimDecorations(b.text);
  return !t.empty() && t.size() < 160 && t.back() != '.' && !Contains(t, ". ");
}

}  // namespace

std::optional<std::string> DebrisReason(std::string_view raw) {
  std::string_view trimmed = TrimDecorations(raw);
  std::string line = Lower(trimmed);
  if (line.empty()) return std::nullopt;
  if (IsOneOf(line, kReadMore)) return "debris: read-more link";
  if (IsOneOf(line, kRelatedHeadings)) return "debris: related-stories heading";
  if (IsOneOf(line, kShareBar)) return "debris: share bar";
  if (IsOneOf(line, kAdvert)) return "debris: advertisement";
  if (IsOneOf(line, kDeskBylines)) return "debris: desk byline";
  if (StartsWithOneOf(line, kCreditPrefixes) && line.size() < 200) return "debris: image credit";
  if (StartsWithOneOf(line, kCrossLinkPrefixes) && line.size() < 300) return "debris: link to another story";
  if (line.size() < 400 && std::any_of(kSitePhrases.begin(), kSitePhrases.end(),
                                       [&](std::string_view p) { return Contains(line, p); }))
    return "debris: site boilerplate";
  if ((StartsWith(line, "copyright") || StartsWith(line, "\u00A9")) && line.size() < 200)
    return "debris: copyright notice";
  return std::nullopt;
}

std::optional<size_t> FindTrailingCredit(std::string_view line) {
  // A credit is a short tail, so only the last bytes are looked at: this runs on every
  // paragraph of every article.
  constexpr size_t kTail = 120;
  size_t from = line.size() > kTail ? line.size() - kTail : 0;
  std::string tail = Lower(line.substr(from));
  for (std::string_view marker : {"image credits:", "image credit:", "photo credit:", "[image via", "[photo:",
                                  "(photo:", "[file photo", "(file photo"}) {
    size_t at = tail.rfind(marker);
    if (at != std::string::npos && from + at > 0) return from + at;
  }
  return std::nullopt;
}

std::vector<std::string> ClassifyDebris(const std::vector<TextBlock>& blocks) {
  std::vector<std::string> reasons(blocks.size());
  size_t total = 0;
  for (const TextBlock& b : blocks) total += b.text.size();

  for (size_t i = 0; i < blocks.size(); ++i)
    if (auto reason = DebrisReason(blocks[i].text)) reasons[i] = *reason;

  // A related-stories heading late in the text starts a list of other stories: the
  // rest is theirs, provided it looks like a list (teasers with "Read More", short or
  // link-heavy lines) rather than more article.
  size_t seen = 0;
  for (size_t h = 0; h < blocks.size(); ++h) {
    seen += blocks[h].text.size();
    if (reasons[h] != "debris: related-stories heading" || seen * 3 < total) continue;
    bool has_read_more = false, all_listy = true;
    for (size_t j = h + 1; j < blocks.size(); ++j) {
      has_read_more |= reasons[j] == "debris: read-more link";
      all_listy &= blocks[j].text.size() < 200 || blocks[j].link_density >= 0.5;
    }
    if (has_read_more || all_listy) {
      for (size_t j = h + 1; j < blocks.size(); ++j)
        if (reasons[j].empty()) reasons[j] = "debris: other stories' teasers";
      break;
    }
  }

  // A teaser without a heading above it: a headline (often printed twice), perhaps a
  // summary, then "Read More". Walk back from each "Read More" over that shape.
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (reasons[i] != "debris: read-more link") continue;
    size_t j = i, headlines = 0, summaries = 0;
    while (j > 0 && reasons[j - 1].empty()) {
      const TextBlock& b = blocks[j - 1];
      if (LooksLikeHeadline(b) && headlines < 2) ++headlines;
      else if (headlines == 0 && summaries == 0 && b.text.size() < 600) ++summaries;
      else break;
      --j;
    }
    if (headlines == 0) continue;  // a lone "Read More" after real text: leave the text
    for (size_t k = j; k < i; ++k) reasons[k] = "debris: other stories' teasers";
  }
  return reasons;
}

}  // namespace sitrep
