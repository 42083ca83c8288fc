// The key a place name is looked up by, the same when the gazetteer is built and when a
// document is read: lower-cased, accents removed, and everything but letters and digits
// dropped. So "Musa Khel", "Musakhel" and "MUSA-KHEL" meet, "Dīdwāna" finds "Didwana", and
// "Dera Ismail Khan" matches however the article spaced or hyphenated it.
#pragma once

#include <string>
#include <string_view>

namespace sitrep::geo {

std::string PlaceKey(std::string_view name);

}  // namespace sitrep::geo
