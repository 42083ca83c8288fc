#include <glob.h>
#include <unistd.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "ingest/containers.h"
#include "sitrep/ingest.h"

namespace sitrep {

namespace fs = std::filesystem;

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string LowerName(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

// The format a file's name says it has; kAuto when the name does not say.
Format FormatFromName(const std::string& path) {
  std::string name = LowerName(path);
  if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
  if (EndsWith(name, ".warc")) return Format::kWarc;
  if (EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson")) return Format::kJsonl;
  if (EndsWith(name, ".html") || EndsWith(name, ".htm") || EndsWith(name, ".xhtml")) return Format::kHtml;
  if (EndsWith(name, ".txt") || EndsWith(name, ".text")) return Format::kText;
  if (EndsWith(name, ".conllu")) return Format::kConllu;
  if (EndsWith(name, ".iob2")) return Format::kIob2;
  return Format::kAuto;
}

// Inside a directory only files that name an article format are taken, so READMEs,
// images and editor backups in a corpus folder are not ingested as articles.
bool TakeFromDirectory(const fs::path& path) {
  std::string name = path.filename().string();
  if (name.empty() || name[0] == '.') return false;
  Format f = FormatFromName(path.string());
  return f == Format::kText || f == Format::kHtml || f == Format::kJsonl || f == Format::kWarc;
}

bool HasGlobChars(const std::string& s) { return s.find_first_of("*?[") != std::string::npos; }

Status ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(Code::kIo, "cannot open for reading").At(path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status(Code::kIo, "read error").At(path);
  *out = std::move(buffer).str();
  return Status::Ok();
}

}  // namespace

struct RecordSource::Impl {
  struct Input {
    std::string path;  // "-" for standard input
    uint64_t size = 0;
    std::optional<Status> problem;  // an input that cannot be read at all
  };

  IngestOptions options;
  std::vector<Input> inputs;
  size_t next_input = 0;
  std::deque<Record> pending;
  std::deque<Failure> pending_failures;
  uint64_t done = 0, total = 0;

  // Line-by-line reading of an uncompressed JSON Lines file, so a large feed is never
  // held in memory whole.
  std::ifstream jsonl;
  std::string jsonl_path;
  uint64_t jsonl_offset = 0;

  void Expand(const std::vector<std::string>& args) {
    for (const std::string& arg : args) {
      if (arg == "-") {
        inputs.push_back({"-", 0, std::nullopt});
        continue;
      }
      std::error_code ec;
      if (fs::is_directory(arg, ec)) {
        std::vector<std::string> found;
        for (auto it = fs::recursive_directory_iterator(arg, fs::directory_options::skip_permission_denied, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec)) {
          if (ec) break;
          if (it->is_regular_file(ec) && TakeFromDirectory(it->path())) found.push_back(it->path().string());
        }
        std::sort(found.begin(), found.end());
        for (auto& f : found) AddFile(f);
        continue;
      }
      if (!fs::exists(arg, ec) && HasGlobChars(arg)) {
        glob_t g{};
        if (glob(arg.c_str(), 0, nullptr, &g) == 0) {
          for (size_t i = 0; i < g.gl_pathc; ++i) AddFile(g.gl_pathv[i]);
        } else {
          inputs.push_back({arg, 0, Status(Code::kNotFound, "no file matches this pattern").At(arg)});
        }
        globfree(&g);
        continue;
      }
      AddFile(arg);
    }
    for (const Input& in : inputs) total += in.size;
  }

  void AddFile(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      inputs.push_back({path, 0, Status(Code::kNotFound, "no such file or directory").At(path)});
      return;
    }
    uint64_t size = fs::file_size(path, ec);
    inputs.push_back({path, ec ? 0 : size, std::nullopt});
  }

  Record MakeRecord(const std::string& path, uint64_t offset, Format format, std::string bytes) {
    Record r;
    r.origin = {path, offset, std::string(FormatName(format))};
    r.format = format;
    r.bytes = std::move(bytes);
    return r;
  }

  // Cuts one input into records (or sets it up for line-by-line reading).
  void Open(const Input& input) {
    if (input.problem) {
      pending_failures.push_back({{input.path, 0, ""}, "ingest", *input.problem});
      done += input.size;
      return;
    }
    Format format = options.format != Format::kAuto ? options.format : FormatFromName(input.path);
    bool gz = EndsWith(LowerName(input.path), ".gz");
    if (format == Format::kJsonl && !gz && input.path != "-") {
      jsonl.open(input.path, std::ios::binary);
      jsonl_path = input.path;
      jsonl_offset = 0;
      if (!jsonl) pending_failures.push_back({{input.path, 0, "jsonl"}, "ingest", Status(Code::kIo, "cannot open").At(input.path)});
      return;
    }
    // A whole-file article larger than the limit is refused before it is read.
    if ((format == Format::kText || format == Format::kHtml) && !gz && input.size > options.max_record_bytes) {
      pending_failures.push_back({{input.path, 0, std::string(FormatName(format))}, "ingest",
                                  Status(Code::kTooLarge, fmt::format("{} bytes, over the limit of {} for one article",
                                                                      input.size, options.max_record_bytes))
                                      .At(input.path, 0)});
      done += input.size;
      return;
    }
    std::string bytes;
    Status read = input.path == "-" ? ReadStdin(&bytes) : ReadWholeFile(input.path, &bytes);
    done += input.size;
    if (!read.ok()) {
      pending_failures.push_back({{input.path, 0, std::string(FormatName(format))}, "ingest", read});
      return;
    }
    if (format == Format::kWarc) {
      ReadWarc(bytes, input.path, options.max_record_bytes, [&](Record r) { pending.push_back(std::move(r)); },
               [&](Failure f) { pending_failures.push_back(std::move(f)); });
      return;
    }
    if (format == Format::kJsonl) {  // compressed, or from standard input
      if (LooksGzip(bytes)) {
        auto inflated = Gunzip(bytes, 16ull << 30);
        if (!inflated.ok()) {
          pending_failures.push_back({{input.path, 0, "jsonl"}, "ingest", Status(inflated.status()).InFile(input.path)});
          return;
        }
        bytes = std::move(inflated).value();
      }
      SplitLines(input.path, bytes);
      return;
    }
    // Text and HTML are one record a file; ReadRecord inflates and sniffs them.
    pending.push_back(MakeRecord(input.path, 0, format, std::move(bytes)));
  }

  static Status ReadStdin(std::string* out) {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    *out = std::move(buffer).str();
    return Status::Ok();
  }

  void SplitLines(const std::string& path, const std::string& bytes) {
    size_t pos = 0;
    while (pos < bytes.size()) {
      size_t nl = bytes.find('\n', pos);
      size_t end = nl == std::string::npos ? bytes.size() : nl;
      AddJsonLine(path, pos, std::string_view(bytes).substr(pos, end - pos));
      pos = end + 1;
    }
  }

  void AddJsonLine(const std::string& path, uint64_t offset, std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) return;  // blank lines are allowed
    if (line.size() > options.max_record_bytes) {
      pending_failures.push_back({{path, offset, "jsonl"}, "ingest",
                                  Status(Code::kTooLarge, fmt::format("JSON line of {} bytes", line.size())).At(path, offset)});
      return;
    }
    pending.push_back(MakeRecord(path, offset, Format::kJsonl, std::string(line)));
  }

  bool NextJsonLine() {
    std::string line;
    if (!std::getline(jsonl, line)) {
      jsonl.close();
      return false;
    }
    uint64_t offset = jsonl_offset;
    jsonl_offset += line.size() + 1;
    done += line.size() + 1;
    AddJsonLine(jsonl_path, offset, line);
    return true;
  }
};

RecordSource::RecordSource(std::vector<std::string> inputs, IngestOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->Expand(inputs);
}
RecordSource::~RecordSource() = default;
RecordSource::RecordSource(RecordSource&&) noexcept = default;

bool RecordSource::Next(Record* record, std::optional<Failure>* failure) {
  Impl& s = *impl_;
  failure->reset();
  for (;;) {
    if (!s.pending_failures.empty() && (s.pending.empty() || s.pending_failures.front().origin.offset <= s.pending.front().origin.offset)) {
      *failure = std::move(s.pending_failures.front());
      s.pending_failures.pop_front();
      return true;
    }
    if (!s.pending.empty()) {
      *record = std::move(s.pending.front());
      s.pending.pop_front();
      return true;
    }
    if (s.jsonl.is_open()) {
      s.NextJsonLine();
      continue;
    }
    if (s.next_input >= s.inputs.size()) return false;
    s.Open(s.inputs[s.next_input++]);
  }
}

uint64_t RecordSource::bytes_done() const { return impl_->done; }
uint64_t RecordSource::bytes_total() const { return impl_->total; }

}  // namespace sitrep
