// GDELT 2.0: the event table (61 tab-separated columns, no header, in the order of the
// GDELT 2.0 Event Database codebook) and the mentions table (16 columns). Geography
// uses FIPS 10-4 country codes as GDELT does (fips.cc). What sitrep does not know is
// left empty, or 0 where GDELT readers expect a number (AvgTone, Geo_Type of actors).
//
// Event columns: GlobalEventID, Day, MonthYear, Year, FractionDate; Actor1 Code, Name,
// CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1Code,
// Type2Code, Type3Code; the same ten for Actor2; IsRootEvent, EventCode,
// EventBaseCode, EventRootCode, QuadClass, GoldsteinScale, NumMentions, NumSources,
// NumArticles, AvgTone; Actor1Geo, Actor2Geo and ActionGeo with Type, FullName,
// CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID each; DATEADDED, SOURCEURL.
#include <fmt/format.h>

#include <set>
#include <vector>

#include "store/export/export_internal.h"

namespace sitrep::exporting {

namespace {

// GDELT fields are tab-separated with no quoting: tabs and newlines become spaces.
std::string Field(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

// The ten actor columns from an actor code such as PAKGOV: Code, Name, CountryCode,
// KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code.
void AddActor(const std::string& code, std::vector<std::string>* cols) {
  std::string country = code.substr(0, 3);
  std::string_view name = code.empty() ? "" : CountryName(country);
  cols->push_back(Field(code));
  cols->push_back(Field(name.empty() ? code : std::string(name)));
  cols->push_back(name.empty() ? "" : country);
  for (int i = 0; i < 4; ++i) cols->push_back("");
  cols->push_back(code.size() > 3 ? code.substr(3, 3) : "");
  cols->push_back(code.size() > 6 ? code.substr(6, 3) : "");
  cols->push_back("");
}

double FractionDate(const std::string& date) {
  int y = std::atoi(date.substr(0, 4).c_str());
  int m = date.size() >= 7 ? std::atoi(date.substr(5, 2).c_str()) : 1;
  int d = date.size() >= 10 ? std::atoi(date.substr(8, 2).c_str()) : 1;
  return y + ((m - 1) * 30.4167 + d) / 365.0;
}

// Eight geography columns: Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long,
// FeatureID. Type: 0 unknown, 1 country, 4 world city, 5 world state (province).
void AddGeo(const DeskEvent* e, std::vector<std::string>* cols) {
  if (!e || !e->latitude || !e->longitude) {
    cols->push_back("0");
    for (int i = 0; i < 7; ++i) cols->push_back("");
    return;
  }
  std::string country(CountryName(e->country));
  int type = e->place.empty() || e->place == country ? 1 : e->place == e->admin1 ? 5 : 4;
  std::string full = e->place.empty() ? country : e->place;
  if (!e->admin1.empty() && e->admin1 != full) full += ", " + e->admin1;
  if (!country.empty() && country != full) full += ", " + country;
  std::string fips(FipsOf(e->country)), adm1(FipsAdm1(e->country, e->admin1));
  cols->push_back(std::to_string(type));
  cols->push_back(Field(full));
  cols->push_back(fips);
  cols->push_back(type == 1 || adm1.empty() ? fips : adm1);
  cols->push_back("");
  cols->push_back(fmt::format("{:.4f}", *e->latitude));
  cols->push_back(fmt::format("{:.4f}", *e->longitude));
  cols->push_back("");
}

std::string Joined(const std::vector<std::string>& cols) {
  std::string line;
  for (size_t i = 0; i < cols.size(); ++i) line += (i ? "\t" : "") + cols[i];
  return line + "\n";
}

}  // namespace

Status ExportGdeltEvents(Store& store, const EventFilter& filter, const Writer& write) {
  Buffered out(write);
  Status inner;
  Status status = store.ForEachEvent(filter, [&](const DeskEvent& e) {
    Result<std::vector<DeskMention>> mentions = store.EventMentions(e.id);
    if (!mentions.ok()) return inner = mentions.status(), false;
    std::set<std::string> sources;
    std::set<int64_t> articles;
    bool root = false;
    for (const DeskMention& m : *mentions) {
      sources.insert(m.source), articles.insert(m.doc_id);
      root = root || m.evidence.begin < 600;  // in the article's opening: GDELT's "first paragraph"
    }
    std::string url = mentions->empty() ? "" : (*mentions)[0].url;
    if (url.empty() && !mentions->empty()) url = fmt::format("sitrep:document/{}", (*mentions)[0].doc_id);
    const std::string day = CompactDay(e.date), cameo = e.cameo;
    std::vector<std::string> cols = {std::to_string(e.id), day, day.substr(0, 6), day.substr(0, 4),
                                     fmt::format("{:.4f}", FractionDate(e.date))};
    AddActor(e.source_actor, &cols);
    AddActor(e.target_actor, &cols);
    cols.insert(cols.end(), {root ? "1" : "0", cameo, cameo.substr(0, std::min<size_t>(3, cameo.size())),
                             cameo.substr(0, std::min<size_t>(2, cameo.size())),
                             e.quad_class ? std::to_string(e.quad_class) : "",
                             e.goldstein ? fmt::format("{:.1f}", *e.goldstein) : "", std::to_string(mentions->size()),
                             std::to_string(sources.size()), std::to_string(articles.size()), "0"});
    AddGeo(nullptr, &cols);  // where the actors are from: not coded yet
    AddGeo(nullptr, &cols);
    AddGeo(&e, &cols);
    cols.push_back(CompactTime(e.created_at));
    cols.push_back(Field(url));
    return out.Add(Joined(cols));
  });
  return inner.ok() ? status : inner;
}

// Mention columns: GlobalEventID, EventTimeDate, MentionTimeDate, MentionType (1 =
// web), MentionSourceName, MentionIdentifier, SentenceID, Actor1CharOffset,
// Actor2CharOffset, ActionCharOffset, InRawText, Confidence (percent), MentionDocLen,
// MentionDocTone, MentionDocTranslationInfo, Extras.
Status ExportGdeltMentions(Store& store, const EventFilter& filter, const Writer& write) {
  Buffered out(write);
  Status inner;
  Status status = store.ForEachEvent(filter, [&](const DeskEvent& e) {
    Result<std::vector<DeskMention>> mentions = store.EventMentions(e.id);
    if (!mentions.ok()) return inner = mentions.status(), false;
    for (const DeskMention& m : *mentions) {
      std::string id = m.url.empty() ? fmt::format("sitrep:document/{}", m.doc_id) : m.url;
      out.Add(fmt::format("{}\t{}\t{}\t1\t{}\t{}\t0\t-1\t-1\t{}\t1\t{}\t{}\t0\t\t\n", e.id, CompactTime(e.date),
                          m.published.empty() ? CompactTime(e.created_at) : CompactTime(m.published),
                          Field(m.source), Field(id), m.evidence.begin, static_cast<int>(m.confidence * 100 + 0.5),
                          m.doc_bytes));
    }
    return out.open();
  });
  return inner.ok() ? status : inner;
}

}  // namespace sitrep::exporting
