// IOB2 reading and writing, span conversion and span scoring.
#include "annotate/iob2.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "train/conllu.h"  // SplitTabs

namespace sitrep {

namespace {

bool ValidTag(std::string_view tag) {
  if (tag == "O") return true;
  return tag.size() > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-';
}

}  // namespace

std::string Iob2Sentence::Comment(std::string_view key) const {
  for (const std::string& c : comments) {
    std::string_view s(c);
    s.remove_prefix(std::min<size_t>(1, s.size()));
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    if (s.substr(0, key.size()) != key) continue;
    s.remove_prefix(key.size());
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    if (s.empty() || s.front() != '=') continue;
    s.remove_prefix(1);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    return std::string(s);
  }
  return "";
}

Result<std::vector<Iob2Sentence>> ParseIob2(std::string_view data, const std::string& name) {
  std::vector<Iob2Sentence> out;
  Iob2Sentence cur;
  bool open = false;
  auto flush = [&] {
    if (!cur.words.empty()) out.push_back(std::move(cur));
    cur = Iob2Sentence();
    open = false;
  };
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    size_t end = nl == std::string_view::npos ? data.size() : nl;
    std::string_view line = data.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    uint64_t offset = pos;
    pos = end + 1;
    if (line.empty()) {
      if (open) flush();
      else cur.comments.clear();  // comments followed by a blank line belong to nothing
      continue;
    }
    if (!open) cur.offset = offset;
    if (line.front() == '#' && cur.words.empty()) {
      cur.comments.emplace_back(line);
      continue;
    }
    open = true;
    std::vector<std::string_view> cols = SplitTabs(line);
    std::string_view id, word, tag = "O";
    if (cols.size() == 1) {
      word = cols[0];
    } else if (cols.size() == 2) {
      word = cols[0], tag = cols[1];
    } else {
      id = cols[0], word = cols[1], tag = cols[2];
    }
    if (word.empty()) return Status(Code::kParse, "a token line without a token").At(name, offset);
    if (!ValidTag(tag))
      return Status(Code::kParse, fmt::format("'{}' is not an IOB2 tag (O, B-TYPE or I-TYPE)", tag)).At(name, offset);
    cur.ids.emplace_back(id);
    cur.words.emplace_back(word);
    cur.tags.emplace_back(tag);
  }
  flush();
  return out;
}

Result<std::vector<Iob2Sentence>> ReadIob2File(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, "cannot open this IOB2 file").At(path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status(Code::kIo, "cannot read this IOB2 file").At(path);
  return ParseIob2(buffer.str(), path);
}

Result<std::string> FindIob2Split(const std::string& dir, const std::string& split) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) names.push_back(entry.path().filename().string());
  if (ec) return Status(Code::kNotFound, "cannot list this folder").At(dir);
  std::sort(names.begin(), names.end());
  std::string exact = "-" + split + ".iob2", partial = "-" + split + ".";
  for (int pass = 0; pass < 3; ++pass) {
    for (const std::string& n : names) {
      if (!n.ends_with(".iob2")) continue;
      bool hit = pass == 0   ? n.ends_with(exact)
                 : pass == 1 ? n.find(partial) != std::string::npos && n.ends_with("cleaned.iob2")
                             : n.find(partial) != std::string::npos;
      if (hit) return dir + "/" + n;
    }
  }
  return Status(Code::kNotFound, fmt::format("no *-{}.iob2 file in this folder", split)).At(dir);
}

std::vector<std::pair<size_t, size_t>> Iob2Documents(const std::vector<Iob2Sentence>& sents) {
  std::vector<std::pair<size_t, size_t>> docs;
  bool marked = false;
  for (const Iob2Sentence& s : sents) marked |= !s.Comment("newdoc id").empty() || !s.Comment("newdoc").empty();
  for (size_t i = 0; i < sents.size(); ++i) {
    bool starts = !marked || docs.empty() || !sents[i].Comment("newdoc id").empty() || !sents[i].Comment("newdoc").empty();
    if (starts) docs.emplace_back(i, i + 1);
    else docs.back().second = i + 1;
  }
  return docs;
}

void WriteIob2(const Iob2Sentence& sent, const std::vector<std::string>& tags, std::string* out) {
  for (const std::string& c : sent.comments) out->append(c).push_back('\n');
  for (size_t i = 0; i < sent.words.size(); ++i) {
    std::string id = i < sent.ids.size() && !sent.ids[i].empty() ? sent.ids[i] : std::to_string(i + 1);
    out->append(fmt::format("{}\t{}\t{}\t-\t-\n", id, sent.words[i], i < tags.size() ? tags[i] : "O"));
  }
  out->push_back('\n');
}

std::vector<TokenSpan> SpansFromIob2(const std::vector<std::string>& tags) {
  std::vector<TokenSpan> spans;
  bool in = false;
  for (uint32_t i = 0; i < tags.size(); ++i) {
    std::string_view tag = tags[i];
    if (tag.size() < 3 || tag[1] != '-') {
      in = false;
      continue;
    }
    std::string_view type = tag.substr(2);
    if (tag[0] == 'I' && in && spans.back().type == type) {
      spans.back().end = i + 1;
      continue;
    }
    spans.push_back({i, i + 1, std::string(type)});
    in = true;
  }
  return spans;
}

std::vector<std::string> Iob2FromSpans(const std::vector<TokenSpan>& spans, size_t num_words) {
  std::vector<std::string> tags(num_words, "O");
  for (const TokenSpan& s : spans)
    for (uint32_t i = s.begin; i < s.end && i < num_words; ++i) tags[i] = (i == s.begin ? "B-" : "I-") + s.type;
  return tags;
}

void NerScores::AddSentence(const std::vector<TokenSpan>& gold, const std::vector<TokenSpan>& predicted,
                            const std::vector<std::string>& keep) {
  auto kept = [&](const TokenSpan& s) {
    return keep.empty() || std::find(keep.begin(), keep.end(), s.type) != keep.end();
  };
  for (const TokenSpan& g : gold) {
    if (!kept(g)) continue;
    SpanCounts& c = by_type[g.type];
    bool found = std::find(predicted.begin(), predicted.end(), g) != predicted.end();
    (found ? c.tp : c.fn)++;
    (found ? all.tp : all.fn)++;
  }
  for (const TokenSpan& p : predicted) {
    if (!kept(p)) continue;
    if (std::find(gold.begin(), gold.end(), p) != gold.end()) continue;
    ++by_type[p.type].fp;
    ++all.fp;
  }
}

}  // namespace sitrep
