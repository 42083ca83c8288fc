// JSON-LD: the schema.org description of the article that many pages carry in a
// <script type="application/ld+json">: headline, dates, authors, publisher.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sitrep/span.h"

namespace sitrep::html {

// A value read from the page and the page bytes it was read from.
struct Found {
  std::string value;
  Span where;
};

struct JsonLdArticle {
  std::optional<Found> headline, published, modified, publisher;
  std::vector<Found> authors;
};

// What the first script that describes an article (NewsArticle, BlogPosting, ... alone,
// in an array, or in an @graph) says. Scripts that do not parse are skipped, never fatal;
// evidence spans point at each value's bytes in the script when they can be found.
JsonLdArticle ReadJsonLd(const std::vector<Found>& scripts);

}  // namespace sitrep::html
