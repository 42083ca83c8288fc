// ISO 3166-1 alpha-3 country codes to the FIPS 10-4 codes GDELT uses in its geography
// fields, with English names, and the FIPS first-level codes of the provinces the seeds
// and the synthetic corpus use. Written for sitrep from the public code lists (FIPS
// 10-4 as published by the US government; ISO 3166-1); the two differ often (Germany is
// DEU and GM, the United Kingdom GBR and UK, Iraq IRQ and IZ), which is why GDELT
// readers need this rather than the first two letters.
#include "store/export/export.h"

namespace sitrep::exporting {

namespace {

struct Country {
  const char* iso3;
  const char* fips;
  const char* name;
};

// Sorted by iso3.
constexpr Country kCountries[] = {
    {"AFG", "AF", "Afghanistan"},   {"AGO", "AO", "Angola"},        {"ALB", "AL", "Albania"},
    {"ARE", "AE", "United Arab Emirates"}, {"ARG", "AR", "Argentina"}, {"ARM", "AM", "Armenia"},
    {"AUS", "AS", "Australia"},     {"AUT", "AU", "Austria"},       {"AZE", "AJ", "Azerbaijan"},
    {"BEL", "BE", "Belgium"},       {"BFA", "UV", "Burkina Faso"},  {"BGD", "BG", "Bangladesh"},
    {"BGR", "BU", "Bulgaria"},      {"BHR", "BA", "Bahrain"},       {"BLR", "BO", "Belarus"},
    {"BRA", "BR", "Brazil"},        {"CAN", "CA", "Canada"},        {"CHE", "SZ", "Switzerland"},
    {"CHL", "CI", "Chile"},         {"CHN", "CH", "China"},         {"CMR", "CM", "Cameroon"},
    {"COD", "CG", "Democratic Republic of the Congo"}, {"COG", "CF", "Republic of the Congo"},
    {"COL", "CO", "Colombia"},      {"CUB", "CU", "Cuba"},          {"CYP", "CY", "Cyprus"},
    {"CZE", "EZ", "Czechia"},       {"DEU", "GM", "Germany"},       {"DNK", "DA", "Denmark"},
    {"DZA", "AG", "Algeria"},       {"EGY", "EG", "Egypt"},         {"ESP", "SP", "Spain"},
    {"ETH", "ET", "Ethiopia"},      {"FIN", "FI", "Finland"},       {"FRA", "FR", "France"},
    {"GBR", "UK", "United Kingdom"}, {"GEO", "GG", "Georgia"},      {"GRC", "GR", "Greece"},
    {"HUN", "HU", "Hungary"},       {"IDN", "ID", "Indonesia"},     {"IND", "IN", "India"},
    {"IRL", "EI", "Ireland"},       {"IRN", "IR", "Iran"},          {"IRQ", "IZ", "Iraq"},
    {"ISR", "IS", "Israel"},        {"ITA", "IT", "Italy"},         {"JOR", "JO", "Jordan"},
    {"JPN", "JA", "Japan"},         {"KAZ", "KZ", "Kazakhstan"},    {"KEN", "KE", "Kenya"},
    {"KGZ", "KG", "Kyrgyzstan"},    {"KHM", "CB", "Cambodia"},      {"KOR", "KS", "South Korea"},
    {"KWT", "KU", "Kuwait"},        {"LBN", "LE", "Lebanon"},       {"LBY", "LY", "Libya"},
    {"LKA", "CE", "Sri Lanka"},     {"MAR", "MO", "Morocco"},       {"MEX", "MX", "Mexico"},
    {"MLI", "ML", "Mali"},          {"MMR", "BM", "Burma"},         {"MOZ", "MZ", "Mozambique"},
    {"MYS", "MY", "Malaysia"},      {"NER", "NG", "Niger"},         {"NGA", "NI", "Nigeria"},
    {"NLD", "NL", "Netherlands"},   {"NOR", "NO", "Norway"},        {"NPL", "NP", "Nepal"},
    {"NZL", "NZ", "New Zealand"},   {"OMN", "MU", "Oman"},          {"PAK", "PK", "Pakistan"},
    {"PHL", "RP", "Philippines"},   {"POL", "PL", "Poland"},        {"PRK", "KN", "North Korea"},
    {"PRT", "PO", "Portugal"},      {"PSE", "WE", "Palestine"},     {"QAT", "QA", "Qatar"},
    {"ROU", "RO", "Romania"},       {"RUS", "RS", "Russia"},        {"SAU", "SA", "Saudi Arabia"},
    {"SDN", "SU", "Sudan"},         {"SEN", "SG", "Senegal"},       {"SOM", "SO", "Somalia"},
    {"SRB", "RI", "Serbia"},        {"SSD", "OD", "South Sudan"},   {"SWE", "SW", "Sweden"},
    {"SYR", "SY", "Syria"},         {"TCD", "CD", "Chad"},          {"THA", "TH", "Thailand"},
    {"TJK", "TI", "Tajikistan"},    {"TKM", "TX", "Turkmenistan"},  {"TUN", "TS", "Tunisia"},
    {"TUR", "TU", "Turkey"},        {"TWN", "TW", "Taiwan"},        {"TZA", "TZ", "Tanzania"},
    {"UGA", "UG", "Uganda"},        {"UKR", "UP", "Ukraine"},       {"USA", "US", "United States"},
    {"UZB", "UZ", "Uzbekistan"},    {"VEN", "VE", "Venezuela"},     {"VNM", "VM", "Vietnam"},
    {"YEM", "YM", "Yemen"},         {"ZAF", "SF", "South Africa"},  {"ZMB", "ZA", "Zambia"},
    {"ZWE", "ZI", "Zimbabwe"},
};

struct Province {
  const char* iso3;
  const char* name;
  const char* fips;
};

constexpr Province kProvinces[] = {
    {"PAK", "Federally Administered Tribal Areas", "PK01"}, {"PAK", "Balochistan", "PK02"},
    {"PAK", "Khyber Pakhtunkhwa", "PK03"},                  {"PAK", "Punjab", "PK04"},
    {"PAK", "Sindh", "PK05"},                               {"PAK", "Azad Kashmir", "PK06"},
    {"PAK", "Gilgit-Baltistan", "PK07"},                    {"PAK", "Islamabad Capital Territory", "PK08"},
    {"PAK", "Islamabad", "PK08"},
};

const Country* Find(std::string_view iso3) {
  for (const Country& c : kCountries)
    if (iso3 == c.iso3) return &c;
  return nullptr;
}

}  // namespace

std::string_view FipsOf(std::string_view iso3) {
  const Country* c = Find(iso3);
  return c ? c->fips : "";
}

std::string_view CountryName(std::string_view iso3) {
  const Country* c = Find(iso3);
  return c ? c->name : "";
}

std::string_view FipsAdm1(std::string_view iso3, std::string_view admin1) {
  for (const Province& p : kProvinces)
    if (iso3 == p.iso3 && admin1 == p.name) return p.fips;
  return "";
}

}  // namespace sitrep::exporting
