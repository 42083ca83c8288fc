#include "eval/event_validation_eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

namespace sitrep {

namespace {

// "19950101" or TABARI's "950101" (years 00-30 are 2000-2030, as its dictionaries read them).
std::optional<int> ParseDay(const nlohmann::json& j) {
  if (!j.is_string()) return std::nullopt;
  const std::string s = j.get<std::string>();
  if (!std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  if (s.size() == 8) return std::stoi(s);
  // TABARI reads YYMMDD in a fixed width: "9501201" (a typo in its suite) is 950120.
  if (s.size() == 6 || s.size() == 7) {
    const int yy = std::stoi(s.substr(0, 2));
    return (yy <= 30 ? 2000 + yy : 1900 + yy) * 10000 + std::stoi(s.substr(2, 4));
  }
  return std::nullopt;
}

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The expected events of one record; false when the record is not scored.
bool ReadExpected(const nlohmann::json& expected, ValidationSuite suite, std::vector<CodedTriple>* out) {
  bool scored = false;
  for (const nlohmann::json& e : expected) {
    if (!e.is_object()) continue;
    if (suite == ValidationSuite::kPetrarch) {
      if (e.contains("eventcode")) {
        out->push_back({Str(e, "sourcecode"), Str(e, "targetcode"), Str(e, "eventcode")});
        scored = true;
      } else if (e.contains("noevents") || e.contains("error")) {
        scored = true;
      }
    } else {
      if (e.contains("code")) {
        scored = true;
        if (Str(e, "flag") != "-") out->push_back({Str(e, "source"), Str(e, "target"), Str(e, "code")});
      } else if (e.contains("special")) {
        const std::string s = Str(e, "special");
        if (s == "---" || s == "###" || s == "+++") scored = true;
      }
    }
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
  return scored;
}

}  // namespace

Result<std::vector<ValidationRecord>> ReadValidationRecords(const std::string& path, ValidationSuite suite) {
  std::ifstream in(path);
  if (!in) return Status(Code::kNotFound, fmt::format("{}: cannot open the records", path));
  std::vector<ValidationRecord> out;
  std::vector<std::string> options;  // switched so far
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j.contains("expected") || !j["expected"].is_array())
      return Status(Code::kInvalidArgument, fmt::format("{}:{}: not a validation record (id, text, expected)", path, n));
    ValidationRecord r;
    r.id = Str(j, "id");
    r.text = Str(j, "text");
    if (j.contains("date")) r.day = ParseDay(j["date"]);
    for (const nlohmann::json& e : j["expected"])
      if (e.is_object() && e.contains("option")) options.push_back(Str(e, "option"));
    if (!ReadExpected(j["expected"], suite, &r.expected)) continue;
    r.options = options;
    out.push_back(std::move(r));
  }
  if (in.bad()) return Status(Code::kIo, fmt::format("{}: cannot read the records", path));
  return out;
}

ValidationScores ScoreValidation(const std::vector<ValidationRecord>& records, const TripleCoder& code) {
  return ScoreValidationRecords(records, [&](const ValidationRecord& r) { return code(r.text, r.day); });
}

ValidationScores ScoreValidationRecords(const std::vector<ValidationRecord>& records, const RecordCoder& code) {
  ValidationScores s;
  for (const ValidationRecord& r : records) {
    std::vector<CodedTriple> got = code(r);
    std::sort(got.begin(), got.end());
    got.erase(std::unique(got.begin(), got.end()), got.end());
    std::vector<CodedTriple> both;
    std::set_intersection(got.begin(), got.end(), r.expected.begin(), r.expected.end(), std::back_inserter(both));
    ++s.records;
    s.expected += r.expected.size();
    s.coded += got.size();
    s.correct += both.size();
    if (got == r.expected) ++s.passed;
    else s.failures.push_back({r.id, r.expected, std::move(got)});
  }
  return s;
}

std::string FormatTriples(const std::vector<CodedTriple>& triples) {
  std::string out;
  for (const CodedTriple& t : triples) out += fmt::format("{}{}/{}/{}", out.empty() ? "" : " ", t.source, t.target, t.code);
  return out.empty() ? "(none)" : out;
}

}  // namespace sitrep
