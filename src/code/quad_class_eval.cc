#include "code/quad_class_eval.h"

#include <fmt/format.h>

#include <fstream>

#include <nlohmann/json.hpp>

namespace sitrep::code {

int QuadClassResult::right() const {
  int n = 0;
  for (int q = 0; q <= 4; ++q) n += confusion[q][q];
  return n;
}

int QuadClassResult::predicted() const {
  int n = 0;
  for (int g = 0; g <= 4; ++g)
    for (int p = 0; p <= 4; ++p) n += confusion[g][p];
  return n;
}

int QuadClassResult::gold() const {
  int n = 0;
  for (int g = 0; g <= 4; ++g)
    for (int p = 0; p <= kNone; ++p) n += confusion[g][p];
  return n;
}

int PhoenixQuadClass(std::string_view cameo) {
  if (cameo.size() < 2 || cameo[0] < '0' || cameo[0] > '2' || cameo[1] < '0' || cameo[1] > '9') return -1;
  const int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
  if (root < 1 || root > 20) return -1;
  if (root <= 2) return 0;
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13 || root == 16) return 3;
  return 4;
}

namespace {

// The class of the document's most confident event (the first of equals), kNone if none.
int PredictedClass(const Doc& doc) {
  const std::vector<Annotation>* events = doc.Layer("events");
  if (!events) return QuadClassResult::kNone;
  int predicted = QuadClassResult::kNone;
  double best = -1;
  for (const Annotation& e : *events) {
    const nlohmann::json j = nlohmann::json::parse(e.attrs, nullptr, false);
    if (!j.is_object()) continue;
    const double confidence = j.value("confidence", 0.0);
    const int q = PhoenixQuadClass(j.value("cameo", ""));
    if (q >= 0 && confidence > best) best = confidence, predicted = q;
  }
  return predicted;
}

}  // namespace

Result<QuadClassResult> EvalQuadClasses(const std::string& dir, const std::string& split,
                                        const SentenceAnnotator& annotate) {
  const std::string path = dir + "/cameo_class/" + split + ".tsv";
  std::ifstream in(path);
  if (!in) return Status(Code::kNotFound, fmt::format("{}: cannot open the sentences", path));
  QuadClassResult r;
  int line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();  // the files have CRLF line ends
    if (line.empty()) continue;
    const size_t tab = line.rfind('\t');
    const std::string label = tab == std::string::npos ? "" : line.substr(tab + 1);
    if (label.size() != 1 || label[0] < '0' || label[0] > '4')
      return Status(Code::kInvalidArgument, fmt::format("{}:{}: expected sentence<TAB>label 0-4", path, line_no));
    const std::optional<Doc> doc = annotate(fmt::format("{}:{}", path, line_no), line.substr(0, tab));
    ++r.sentences;
    ++r.confusion[label[0] - '0'][doc ? PredictedClass(*doc) : QuadClassResult::kNone];
  }
  return r;
}

}  // namespace sitrep::code
