// CoNLL-U: a line-by-line reader that keeps every byte offset, and a writer.
#include "train/conllu.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace sitrep {

namespace {

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Builds sentences line by line; each error names the line's offset.
class Reader {
 public:
  explicit Reader(const std::string& name) : name_(name) {}

  Status Line(std::string_view line, uint64_t offset) {
    if (line.empty()) return EndSentence(offset);
    if (!open_) {
      cur_ = ConlluSentence();
      cur_.offset = offset;
      open_ = true;
    }
    if (line[0] == '#') {
      if (!cur_.words.empty() || !cur_.ranges.empty())
        return Error("comment line inside a sentence", offset);
      cur_.comments.emplace_back(line);
      return Status::Ok();
    }
    auto f = SplitTabs(line);
    if (f.size() != 10) return Error(fmt::format("{} fields where CoNLL-U has 10", f.size()), offset);
    std::string_view id = f[0];
    if (size_t dash = id.find('-'); dash != std::string_view::npos) return Range(f, dash, offset);
    if (size_t dot = id.find('.'); dot != std::string_view::npos) return Empty(f, dot, offset);
    return Word(f, offset);
  }

  Status EndSentence(uint64_t offset) {
    if (!open_) return Status::Ok();
    open_ = false;
    if (cur_.words.empty()) {
      if (cur_.ranges.empty() && cur_.empty_nodes.empty()) return Status::Ok();  // comments only
      return Error("sentence without words", cur_.offset);
    }
    int n = static_cast<int>(cur_.words.size());
    for (size_t i = 0; i < cur_.words.size(); ++i)
      if (cur_.words[i].head > n)
        return Error(fmt::format("word {} has head {} outside the sentence of {} words", i + 1, cur_.words[i].head, n),
                     cur_.offset);
    for (const ConlluRange& r : cur_.ranges)
      if (r.last > n) return Error(fmt::format("multiword token {}-{} goes past the last word", r.first, r.last), cur_.offset);
    sentences_.push_back(std::move(cur_));
    return Status::Ok();
  }

  std::vector<ConlluSentence> Take() { return std::move(sentences_); }

 private:
  Status Error(std::string message, uint64_t offset) const {
    return Status(Code::kParse, std::move(message)).At(name_, offset);
  }

  Status Word(const std::vector<std::string_view>& f, uint64_t offset) {
    ConlluWord w;
    if (!ParseInt(f[0], &w.id)) return Error(fmt::format("bad word ID '{}'", f[0]), offset);
    if (w.id != static_cast<int>(cur_.words.size()) + 1)
      return Error(fmt::format("word ID {} where {} was expected", w.id, cur_.words.size() + 1), offset);
    if (f[1].empty()) return Error("empty FORM", offset);
    if (f[6] == "_") {
      w.head = -1;
    } else if (!ParseInt(f[6], &w.head) || w.head < 0) {
      return Error(fmt::format("bad HEAD '{}'", f[6]), offset);
    }
    w.form = f[1];
    w.lemma = f[2];
    w.upos = f[3];
    w.xpos = f[4];
    w.feats = f[5];
    w.deprel = f[7];
    w.deps = f[8];
    w.misc = f[9];
    cur_.words.push_back(std::move(w));
    return Status::Ok();
  }

  Status Range(const std::vector<std::string_view>& f, size_t dash, uint64_t offset) {
    ConlluRange r;
    if (!ParseInt(f[0].substr(0, dash), &r.first) || !ParseInt(f[0].substr(dash + 1), &r.last) || r.first < 1 ||
        r.last < r.first)
      return Error(fmt::format("bad multiword token ID '{}'", f[0]), offset);
    if (r.first != static_cast<int>(cur_.words.size()) + 1)
      return Error(fmt::format("multiword token {} does not start at the next word", f[0]), offset);
    r.form = f[1];
    r.misc = f[9];
    cur_.ranges.push_back(std::move(r));
    return Status::Ok();
  }

  Status Empty(const std::vector<std::string_view>& f, size_t dot, uint64_t offset) {
    ConlluEmptyNode e;
    if (!ParseInt(f[0].substr(0, dot), &e.major) || !ParseInt(f[0].substr(dot + 1), &e.minor) || e.major < 0 ||
        e.minor < 1)
      return Error(fmt::format("bad empty node ID '{}'", f[0]), offset);
    if (e.major != static_cast<int>(cur_.words.size()))
      return Error(fmt::format("empty node {} is not after word {}", f[0], e.major), offset);
    for (std::string_view s : f) e.fields.emplace_back(s);
    cur_.empty_nodes.push_back(std::move(e));
    return Status::Ok();
  }

  const std::string& name_;
  std::vector<ConlluSentence> sentences_;
  ConlluSentence cur_;
  bool open_ = false;
};

}  // namespace

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

bool ConlluWord::space_after() const {
  std::string_view m = misc;
  size_t start = 0;
  while (start <= m.size()) {
    size_t bar = m.find('|', start);
    if (m.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start) == "SpaceAfter=No")
      return false;
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return true;
}

std::string ConlluSentence::Comment(std::string_view key) const {
  for (const std::string& c : comments) {
    std::string_view s = c;
    s.remove_prefix(1);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    if (s.substr(0, key.size()) != key) continue;
    s.remove_prefix(key.size());
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    if (s.empty() || s.front() != '=') continue;
    s.remove_prefix(1);
    if (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    return std::string(s);
  }
  return "";
}

std::string ConlluSentence::Text() const {
  std::string text = Comment("text");
  if (!text.empty()) return text;
  size_t r = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    int id = static_cast<int>(i) + 1;
    while (r < ranges.size() && ranges[r].last < id) ++r;
    if (r < ranges.size() && ranges[r].first == id) {
      const ConlluRange& range = ranges[r];
      text += range.form;
      bool space = range.misc.find("SpaceAfter=No") == std::string::npos;
      if (space && range.last < static_cast<int>(words.size())) text += ' ';
      i = range.last - 1;
      continue;
    }
    text += words[i].form;
    if (words[i].space_after() && i + 1 < words.size()) text += ' ';
  }
  return text;
}

Result<std::vector<ConlluSentence>> ParseConllu(std::string_view data, const std::string& name) {
  Reader reader(name);
  size_t pos = 0;
  if (data.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    size_t end = nl == std::string_view::npos ? data.size() : nl;
    std::string_view line = data.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    SITREP_RETURN_IF_ERROR(reader.Line(line, pos));
    pos = end + 1;
  }
  SITREP_RETURN_IF_ERROR(reader.EndSentence(data.size()));
  return reader.Take();
}

Result<std::vector<ConlluSentence>> ReadConlluFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kNotFound, "cannot open the CoNLL-U file").At(path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status(Code::kIo, "cannot read the CoNLL-U file").At(path);
  return ParseConllu(buffer.str(), path);
}

Result<std::string> FindTreebankFile(const std::string& dir, const std::string& split) {
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) return Status(Code::kNotFound, "cannot read the treebank folder: " + ec.message()).At(dir);
  std::string found, suffix = "-ud-" + split + ".conllu";
  for (const auto& entry : it) {
    std::string name = entry.path().filename().string();
    if (!name.ends_with(suffix)) continue;
    if (!found.empty()) return Status(Code::kInvalidArgument, "two files for split '" + split + "'").At(dir);
    found = entry.path().string();
  }
  if (found.empty()) return Status(Code::kNotFound, "no *" + suffix + " file").At(dir);
  return found;
}

void WriteConllu(const ConlluSentence& sent, std::string* out) {
  for (const std::string& c : sent.comments) {
    out->append(c);
    out->push_back('\n');
  }
  auto field = [](const std::string& s) -> const std::string& {
    static const std::string kUnderscore = "_";
    return s.empty() ? kUnderscore : s;
  };
  size_t r = 0, e = 0;
  auto empties_after = [&](int major) {
    for (; e < sent.empty_nodes.size() && sent.empty_nodes[e].major == major; ++e) {
      const auto& fields = sent.empty_nodes[e].fields;
      for (size_t k = 0; k < fields.size(); ++k) {
        if (k) out->push_back('\t');
        out->append(fields[k]);
      }
      out->push_back('\n');
    }
  };
  empties_after(0);
  for (const ConlluWord& w : sent.words) {
    for (; r < sent.ranges.size() && sent.ranges[r].first == w.id; ++r) {
      const ConlluRange& range = sent.ranges[r];
      *out += fmt::format("{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}\n", range.first, range.last, range.form, field(range.misc));
    }
    *out += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", w.id, w.form, field(w.lemma), field(w.upos),
                        field(w.xpos), field(w.feats), w.head < 0 ? std::string("_") : std::to_string(w.head),
                        field(w.deprel), field(w.deps), field(w.misc));
    empties_after(w.id);
  }
  out->push_back('\n');
}

}  // namespace sitrep
