// Exports of the event record for other tools, each written as it is read: one event
// at a time from Store::ForEachEvent to `write`, so memory stays flat however many
// events there are.
//
//   plover          PLOVER JSON Lines (the PLOVER manual's "Data Fields" chapter)
//   gdelt           GDELT 2.0 event table: 61 tab-separated columns, no header
//   gdelt-mentions  GDELT 2.0 mentions table: 16 columns, one row per mention
//   csv             one row per event with a header, for spreadsheets, R and pandas
//   geojson         a FeatureCollection of the events that have coordinates
//   graphml         the actor network (actor codes, edges by quad class) for Gephi
//   corrections     the analyst's corrections layer, JSON Lines
// docs/formats/exports.md says what each column holds.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "sitrep/store.h"

namespace sitrep::exporting {

enum class ExportFormat { kPlover, kGdelt, kGdeltMentions, kCsv, kGeojson, kGraphml, kCorrections };

Result<ExportFormat> ParseExportFormat(std::string_view name);
std::string_view ContentType(ExportFormat format);
std::string_view FileExtension(ExportFormat format);

// Receives the output in pieces; returns false to stop (a closed connection).
using Writer = std::function<bool(std::string_view)>;

// Writes every event matching `filter` in `format`. Stops without error when `write`
// returns false.
Status Export(Store& store, const EventFilter& filter, ExportFormat format, const Writer& write);

// GDELT geography: the FIPS 10-4 country code GDELT uses for an ISO 3166-1 alpha-3
// code ("" when not in the table), and the country's name.
std::string_view FipsOf(std::string_view iso3);
std::string_view CountryName(std::string_view iso3);
// The FIPS ADM1 code ("PK02") of a province, "" when not in the table.
std::string_view FipsAdm1(std::string_view iso3, std::string_view admin1);

}  // namespace sitrep::exporting
