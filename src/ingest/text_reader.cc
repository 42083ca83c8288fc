#include "ingest/text_reader.h"

#include <re2/re2.h>

#include <algorithm>

#include "ingest/dates.h"
#include "ingest/debris.h"

namespace sitrep {

namespace {

struct Block {
  Span span;                      // trimmed, in the input
  std::vector<uint32_t> breaks;   // offsets of line breaks joined inside the block
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Leading white space, including the no-break space web copies are full of.
size_t SkipSpace(std::string_view s, size_t i, size_t end) {
  while (i < end) {
    if (IsSpace(s[i])) ++i;
    else if (s.substr(i, 2) == "\u00A0") i += 2;
    else break;
  }
  return i;
}
size_t TrimBack(std::string_view s, size_t begin, size_t end) {
  while (end > begin) {
    if (IsSpace(s[end - 1])) --end;
    else if (end - begin >= 2 && s.substr(end - 2, 2) == "\u00A0") end -= 2;
    else break;
  }
  return end;
}

struct Line {
  Span span;  // trimmed; empty for a blank line
  bool blank;
};

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    size_t b = SkipSpace(text, pos, nl), e = TrimBack(text, b, nl);
    lines.push_back({{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, b == e});
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  return lines;
}

// Hard-wrapped text (an e-mail, a wire feed at 72 columns) has paragraphs of several
// short lines between blank lines; web copies have one long line per paragraph.
bool LooksHardWrapped(const std::vector<Line>& lines) {
  size_t nonblank = 0, continued = 0, chars = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank) continue;
    ++nonblank;
    chars += lines[i].span.size();
    if (i + 1 < lines.size() && !lines[i + 1].blank) ++continued;
  }
  if (nonblank < 4) return false;
  double mean = static_cast<double>(chars) / nonblank;
  return mean >= 30 && mean <= 100 && continued * 10 >= nonblank * 6;
}

std::vector<Block> MakeBlocks(const std::vector<Line>& lines, bool wrapped) {
  std::vector<Block> blocks;
  bool open = false;
  for (const Line& line : lines) {
    if (line.blank) {
      open = false;
      continue;
    }
    if (wrapped && open) {
      blocks.back().breaks.push_back(blocks.back().span.end);
      blocks.back().span.end = line.span.end;
    } else {
      blocks.push_back({line.span, {}});
    }
    open = true;
  }
  return blocks;
}

bool IsBullet(std::string_view s) {
  for (std::string_view b : {"- ", "* ", "\u2022", "\u2013 ", "\u25CF", "\u25AA"})
    if (s.substr(0, b.size()) == b) return true;
  return false;
}

bool LooksLikeTitle(std::string_view s) {
  if (s.empty() || s.size() > 200 || IsBullet(s) || FindDateline(s)) return false;
  char last = s.back();
  return last != '.' && last != ',' && last != ';' && s.find(". ") == std::string_view::npos;
}

std::string_view TrimView(std::string_view s) {
  size_t b = SkipSpace(s, 0, s.size());
  return s.substr(b, TrimBack(s, b, s.size()) - b);
}

bool IsWeekday(std::string_view s) {
  for (std::string_view day : {"Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Monday",
                               "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
    if (s == day) return true;
  return false;
}

// The name parts of a byline: "By Sara Malik | Indus Evening Post" -> author, source.
void ReadBylineNames(std::string_view names, Metadata* meta) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= names.size();) {
    size_t sep = 0;
    if (i == names.size() || names[i] == '|' || names[i] == ',') sep = 1;
    else if (names.substr(i, 3) == "\u2014" || names.substr(i, 3) == "\u2013") sep = 3;
    else if (names[i] == '-' && i > 0 && names[i - 1] == ' ') sep = 1;
    if (sep == 0) {
      ++i;
      continue;
    }
    if (std::string_view part = TrimView(names.substr(start, i - start)); !part.empty()) parts.push_back(part);
    i += sep;
    start = i;
  }
  for (std::string_view part : parts) {
    if (IsWeekday(part)) continue;  // "Sat, 6 Apr 2024": the weekday belongs to the date
    if (part.substr(0, 3) == "By " || part.substr(0, 3) == "BY " || part.substr(0, 3) == "by ") part.remove_prefix(3);
    part = TrimView(part);
    if (part.empty()) continue;
    if (meta->authors.empty()) meta->authors.emplace_back(part);
    else if (meta->source.empty()) meta->source = std::string(part);
  }
}

// A byline line: short, near the top, with a date in it or opening with "By ".
bool ReadByline(std::string_view text, Span span, Metadata* meta) {
  std::string_view line = text.substr(span.begin, span.size());
  if (line.size() > 160) return false;
  auto date = FindDateInText(line);
  bool by = line.substr(0, 3) == "By " || line.substr(0, 3) == "BY ";
  if (!date && !by) return false;
  if (date) {
    // A sentence that mentions a date is not a byline; a byline has little else.
    size_t other = line.size() - (date->end - date->begin);
    if (!by && other > 60) return false;
    meta->published = date->date;
    meta->published->found_in = "byline";
    meta->evidence["published"] = {span.begin + static_cast<uint32_t>(date->begin),
                                   span.begin + static_cast<uint32_t>(date->end)};
    ReadBylineNames(line.substr(0, date->begin), meta);
  } else {
    ReadBylineNames(line, meta);
  }
  if (!meta->authors.empty()) meta->evidence["author"] = span;
  return true;
}

}  // namespace

std::optional<std::pair<Dateline, Span>> FindDatelineInText(std::string_view text) {
  // The dateline opens the first paragraph of the story proper: skip headings and
  // highlight bullets, look at most a few paragraphs in.
  size_t pos = 0;
  for (int seen = 0; seen < 6 && pos < text.size(); ++seen) {
    size_t end = text.find("\n\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view paragraph = text.substr(pos, end - pos);
    bool heading = LooksLikeTitle(paragraph) && paragraph.size() < 150;
    if (!IsBullet(paragraph) && !heading) {
      auto dateline = FindDateline(paragraph);
      if (!dateline) return std::nullopt;
      auto begin = static_cast<uint32_t>(pos);
      return std::make_pair(*dateline, Span{begin, begin + static_cast<uint32_t>(dateline->size)});
    }
    pos = end + 2;
  }
  return std::nullopt;
}

TextArticle ReadPlainText(std::string_view text, const TextReaderOptions& options) {
  TextArticle out;
  std::vector<Line> lines = SplitLines(text);
  std::vector<Block> blocks = MakeBlocks(lines, LooksHardWrapped(lines));
  std::vector<std::string> reasons(blocks.size());
  auto view = [&](Span s) { return text.substr(s.begin, s.size()); };

  size_t first_body = 0;
  std::optional<size_t> title_block;
  if (options.find_header && blocks.size() > 1) {
    if (LooksLikeTitle(view(blocks[0].span))) {
      title_block = 0;
      out.meta.title = std::string(view(blocks[0].span));
      out.meta.evidence["title"] = blocks[0].span;
      first_body = 1;
    }
    for (size_t i = first_body; i < std::min<size_t>(blocks.size(), first_body + 3); ++i) {
      if (ReadByline(text, blocks[i].span, &out.meta)) {
        reasons[i] = "byline";
        break;
      }
    }
  }

  // Image credits glued to a line's end are cut off; what remains may be a copy of the
  // headline (a caption that repeats it), which is dropped too.
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!reasons[i].empty()) continue;
    if (auto at = FindTrailingCredit(view(blocks[i].span))) {
      uint32_t cut = blocks[i].span.begin + static_cast<uint32_t>(*at);
      out.dropped.push_back({{cut, blocks[i].span.end}, "debris: image credit"});
      blocks[i].span.end = static_cast<uint32_t>(TrimBack(text, blocks[i].span.begin, cut));
      if (blocks[i].span.empty()) reasons[i] = "debris: image credit";
    }
    if (title_block && i != *title_block && view(blocks[i].span) == out.meta.title)
      reasons[i] = "debris: repeated headline";
  }

  std::vector<TextBlock> text_blocks;
  for (const Block& b : blocks) text_blocks.push_back({b.span, view(b.span), false, 0});
  std::vector<std::string> debris = ClassifyDebris(text_blocks);
  for (size_t i = 0; i < blocks.size(); ++i)
    if (reasons[i].empty() && !debris[i].empty() && !options.keep_debris) reasons[i] = debris[i];

  CleanTextBuilder builder(text);
  std::optional<uint32_t> previous_end;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (!reasons[i].empty()) {
      out.dropped.push_back({b.span, reasons[i]});
      continue;
    }
    if (previous_end) {
      // The paragraph break stands for the line break that followed the last paragraph.
      uint32_t nl = *previous_end;
      while (nl < text.size() && text[nl] != '\n') ++nl;
      builder.Replace(nl, nl < text.size() ? 1 : 0, "\n\n");
    }
    uint32_t at = b.span.begin;
    for (uint32_t brk : b.breaks) {
      builder.Copy(at, brk - at);
      uint32_t next = static_cast<uint32_t>(SkipSpace(text, brk, text.size()));
      while (next < text.size() && text[next] == '\n') next = static_cast<uint32_t>(SkipSpace(text, next + 1, text.size()));
      builder.Replace(brk, next - brk, " ");
      at = next;
    }
    builder.Copy(at, b.span.end - at);
    previous_end = b.span.end;
  }
  std::sort(out.dropped.begin(), out.dropped.end(),
            [](const Dropped& a, const Dropped& b) { return a.original.begin < b.original.begin; });
  out.text = builder.TakeText();
  out.map = builder.TakeMap();
  return out;
}

}  // namespace sitrep
