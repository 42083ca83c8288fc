// Sentences, dates, figures and quotations of the seed corpus as ../shared/seeds/EXPECTED.md
// reads them, through the real default pipeline (the seeds are read at run time, never copied).
// The annotators' own unit tests (src/annotate/*_test.cc) use sentences written for them;
// what the seeds must give is checked here, on the whole system.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "annotate/dct_inference.h"
#include "annotate/timex.h"
#include "annotate/timex_stage.h"
#include "annotate/tokenizer.h"
#include "tests/annotated_seeds.h"

namespace sitrep {
namespace {

using nlohmann::json;

// One annotation of a layer, with its text and attributes.
struct Found {
  std::string text, label;
  json attrs;
};

std::vector<Found> LayerOf(const Doc& doc, const std::string& layer) {
  std::vector<Found> out;
  if (const std::vector<Annotation>* annotations = doc.Layer(layer))
    for (const Annotation& a : *annotations) out.push_back({std::string(doc.Slice(a.span)), a.label, json::parse(a.attrs)});
  return out;
}

std::string SpanText(const Doc& doc, const json& span) {
  if (!span.is_array()) return "";
  return std::string(doc.Slice({span[0].get<uint32_t>(), span[1].get<uint32_t>()}));
}

// The annotation whose text is `text` (figures, dates) or contains it (quotations).
const Found* Exactly(const std::vector<Found>& all, const std::string& text) {
  for (const Found& f : all)
    if (f.text == text) return &f;
  return nullptr;
}
const Found* Containing(const std::vector<Found>& all, const std::string& part) {
  for (const Found& f : all)
    if (f.text.find(part) != std::string::npos) return &f;
  return nullptr;
}

std::string ValueOf(const Doc& doc, const std::string& words) {
  const auto timexes = LayerOf(doc, "timex");
  const Found* t = Exactly(timexes, words);
  return t ? t->attrs.value("value", "") : "<none>";
}

class SeedAnnotations : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { seeds_ = new std::map<std::string, Doc>(testing::AnnotateSeeds()); }
  static void TearDownTestSuite() { delete seeds_; }
  void SetUp() override {
    if (seeds_->size() != 5) GTEST_SKIP() << "no ../shared/seeds";
  }
  static const Doc& Seed(const std::string& number) { return seeds_->at(number); }
  // Seed `number` with its dates resolved again against the DCT EXPECTED.md gives it.
  static Doc Dated(const std::string& number, const std::string& dct) {
    Doc doc = Seed(number);
    doc.mutable_meta().published = DateTime{dct, DateTime::Precision::kDay, std::nullopt, "test"};
    EXPECT_TRUE(TimexStage().Process(doc).ok());
    return doc;
  }
  static std::map<std::string, Doc>* seeds_;
};

std::map<std::string, Doc>* SeedAnnotations::seeds_ = nullptr;

TEST_F(SeedAnnotations, UndatedSeedsKeepDateValuesOpen) {
  const Doc& s000 = Seed("000");
  EXPECT_EQ(ValueOf(s000, "August 26"), "XXXX-08-26");
  EXPECT_EQ(ValueOf(s000, "Monday"), "XXXX-WXX-1");
  EXPECT_EQ(ValueOf(s000, "this month"), "XXXX-XX");
  EXPECT_EQ(ValueOf(s000, "2021"), "2021");
  EXPECT_EQ(ValueOf(s000, "2025-2026"), "2025");
  // The 2025-2026 term bounds the DCT to 2024, which decides "last year" and "June this year".
  EXPECT_EQ(ValueOf(s000, "last year"), "2023");
  EXPECT_EQ(ValueOf(s000, "June this year"), "2024-06");

  const Doc& s002 = Seed("002");
  EXPECT_EQ(ValueOf(s002, "Friday"), "XXXX-WXX-5");
  EXPECT_EQ(ValueOf(s002, "January this year"), "XXXX-01");
  EXPECT_EQ(ValueOf(s002, "A day earlier"), "XXXX-XX-XX");
  EXPECT_EQ(ValueOf(s002, "the last year"), "XXXX");

  const Doc& s003 = Seed("003");
  EXPECT_EQ(ValueOf(s003, "May 10"), "XXXX-05-10");
  EXPECT_EQ(ValueOf(s003, "February 2020"), "2020-02");
  EXPECT_EQ(ValueOf(s003, "September 11, 2001"), "2001-09-11");
  EXPECT_EQ(ValueOf(s003, "this week"), "XXXX-WXX");
  EXPECT_EQ(ValueOf(s003, "Monday"), "XXXX-WXX-1");

  const Doc& s004 = Seed("004");
  EXPECT_EQ(ValueOf(s004, "Thursday"), "XXXX-WXX-4");
  EXPECT_EQ(ValueOf(s004, "April 30"), "XXXX-04-30");
  EXPECT_EQ(ValueOf(s004, "June"), "XXXX-06");
}

TEST_F(SeedAnnotations, DatesResolveAgainstTheStatedCreationTime) {
  // 001 states its own: the byline's date and time, read off the byline line.
  ASSERT_TRUE(Seed("001").meta().published);
  EXPECT_EQ(Seed("001").meta().published->iso, "2024-09-17T17:50");
  // With the DCTs EXPECTED.md gives, the undated seeds' dates resolve as it reads them.
  Doc s003 = Dated("003", "2024-05-20");  // a Monday after May 10
  EXPECT_EQ(ValueOf(s003, "May 10"), "2024-05-10");
  EXPECT_EQ(ValueOf(s003, "Monday"), "2024-05-20");
  EXPECT_EQ(ValueOf(s003, "this month"), "2024-05");
  Doc s004 = Dated("004", "2025-04-03");  // a Thursday in March-April 2025
  EXPECT_EQ(ValueOf(s004, "Thursday"), "2025-04-03");
  EXPECT_EQ(ValueOf(s004, "April 30"), "2025-04-30");  // "will be held": future
  EXPECT_EQ(ValueOf(s004, "June"), "2025-06");
}

TEST_F(SeedAnnotations, FiguresAsTheReaderNormalisesThem) {
  const Doc& d000 = Seed("000");
  auto q000 = LayerOf(d000, "quantity");
  const Found* over50 = Exactly(q000, "over 50 people");
  ASSERT_NE(over50, nullptr);
  EXPECT_EQ(over50->attrs["min"], 50);  // a lower bound, not 50
  EXPECT_TRUE(over50->attrs["value"].is_null());
  EXPECT_EQ(over50->attrs["outcome"], "killed");
  const Found* sec14 = Exactly(q000, "14 security personnel");
  ASSERT_NE(sec14, nullptr);
  EXPECT_EQ(sec14->attrs["value"], 14);
  const Found* civ23 = Exactly(q000, "23 innocent civilians");
  ASSERT_NE(civ23, nullptr);
  EXPECT_EQ(civ23->label, "civilians");
  EXPECT_EQ(civ23->attrs["value"], 23);
  const Found* attacks = Exactly(q000, "At least 170 militant attacks");
  ASSERT_NE(attacks, nullptr);
  EXPECT_EQ(attacks->label, "attacks");
  EXPECT_EQ(attacks->attrs["min"], 170);
  EXPECT_EQ(SpanText(d000, attacks->attrs["source_span"]), "the Pakistan Institute for Conflict and Security Studies");
  const Found* civ151 = Exactly(q000, "151 civilians");
  ASSERT_NE(civ151, nullptr);
  EXPECT_EQ(civ151->attrs["value"], 151);
  EXPECT_EQ(civ151->attrs["outcome"], "killed");
  const Found* sec114 = Exactly(q000, "114 security personnel");
  ASSERT_NE(sec114, nullptr);
  EXPECT_EQ(sec114->label, "security personnel");
  EXPECT_EQ(sec114->attrs["outcome"], "killed");

  auto q002 = LayerOf(Seed("002"), "quantity");
  const Found* fatalities = Exactly(q002, "1,524 violence-related causalities");
  ASSERT_NE(fatalities, nullptr);
  EXPECT_EQ(fatalities->label, "fatalities");
  EXPECT_EQ(fatalities->attrs["value"], 1524);
  const Found* injuries = Exactly(q002, "1,463 injuries");
  ASSERT_NE(injuries, nullptr);
  EXPECT_EQ(injuries->label, "injured");
  const Found* terror = Exactly(q002, "789 terror attacks");
  ASSERT_NE(terror, nullptr);
  EXPECT_EQ(terror->attrs["value"], 789);
  const Found* around = Exactly(q002, "around 1,000 fatalities");
  ASSERT_NE(around, nullptr);
  EXPECT_EQ(around->attrs["value"], 1000);
  EXPECT_EQ(around->attrs["exact"], false);

  auto q003 = LayerOf(Seed("003"), "quantity");
  const Found* four = Exactly(q003, "at least four villagers");
  ASSERT_NE(four, nullptr);
  EXPECT_EQ(four->attrs["min"], 4);
  EXPECT_EQ(four->attrs["outcome"], "killed");
}

// A quotation's content, kind and speaker, read from the quote layer.
struct Quote {
  std::string kind, cue, speaker, mention, from;
  json attrs;
};
std::optional<Quote> QuoteWith(const Doc& doc, const std::string& part) {
  for (const Found& f : LayerOf(doc, "quote"))
    if (SpanText(doc, f.attrs["content"]).find(part) != std::string::npos)
      return Quote{f.label, SpanText(doc, f.attrs["cue"]), SpanText(doc, f.attrs["speaker"]),
                   SpanText(doc, f.attrs["speaker_mention"]), f.attrs.value("speaker_from", ""), f.attrs};
  return std::nullopt;
}

TEST_F(SeedAnnotations, QuotesAndTheirSpeakers) {
  auto condemned = QuoteWith(Seed("000"), "Washington strongly condemned the deadly attacks");
  ASSERT_TRUE(condemned);
  EXPECT_EQ(condemned->kind, "direct");
  EXPECT_NE(condemned->speaker.find("Matthew Miller"), std::string::npos);

  auto gratitude = QuoteWith(Seed("001"), "The under secretary expressed his gratitude");
  ASSERT_TRUE(gratitude);
  EXPECT_EQ(gratitude->kind, "direct");
  EXPECT_NE(gratitude->speaker.find("Miller"), std::string::npos);

  const Doc& d002 = Seed("002");
  auto pleased = QuoteWith(d002, "Pleased to receive a congratulatory telephone call");
  ASSERT_TRUE(pleased);
  EXPECT_EQ(pleased->speaker, "Dar");
  EXPECT_EQ(pleased->cue, "wrote");
  auto partnership = QuoteWith(d002, "We will continue to work to expand the security partnership");
  ASSERT_TRUE(partnership);
  EXPECT_EQ(partnership->kind, "direct");
  EXPECT_NE(partnership->speaker.find("Matthew Miller"), std::string::npos);
  auto killings = QuoteWith(d002, "\u201Cordered killings\u201D");
  ASSERT_TRUE(killings);
  EXPECT_EQ(killings->kind, "mixed");
  EXPECT_NE(killings->speaker.find("Guardian"), std::string::npos);
  EXPECT_FALSE(QuoteWith(d002, "sophisticated and sinister"));  // scare quotes

  // 003: every quote is Vedant Patel's, the speakerless paragraph and "he said" included,
  // and tied to the PER entity that names him.
  const Doc& d003 = Seed("003");
  auto agreed = QuoteWith(d003, "We also agreed about preventing");
  ASSERT_TRUE(agreed);
  EXPECT_EQ(agreed->from, "previous-quote");
  auto nothing = QuoteWith(d003, "have anything for you on that");
  ASSERT_TRUE(nothing);
  EXPECT_EQ(nothing->mention, "he");
  for (const char* words : {"We confirmed with Pakistan today", "We also agreed about preventing",
                            "have anything for you on that", "my colleagues at the Pentagon"}) {
    auto quote = QuoteWith(d003, words);
    ASSERT_TRUE(quote) << words;
    EXPECT_NE(quote->speaker.find("Patel"), std::string::npos) << words;
    if (std::string(words) == "my colleagues at the Pentagon") continue;
    ASSERT_TRUE(quote->attrs["speaker_entity"].is_object()) << words;
    EXPECT_EQ(quote->attrs["speaker_entity"]["text"], "Vedant Patel") << words;
    EXPECT_EQ(quote->attrs["speaker_entity"]["label"], "PER") << words;
  }
}

// Sentences: every sentence of 003 split where a reader splits it, and in no seed a break
// inside a quotation, after an abbreviation ("U.S.", "Gen.") or inside a number.
// EXPECTED.md's places: Musakhail in Balochistan, South Waziristan in Khyber Pakhtunkhwa,
// Islamabad the capital (also as 002's and 003's dateline), Kabul and Washington.
TEST_F(SeedAnnotations, PlacesOnTheMap) {
  auto place = [](const Doc& doc, const std::string& text) -> json {
    for (const Found& f : LayerOf(doc, "place"))
      if (f.text == text) return f.attrs;
    return json::object();
  };
  json musakhail = place(Seed("000"), "Musakhail");
  EXPECT_EQ(musakhail.value("country", ""), "PAK");
  EXPECT_EQ(musakhail.value("admin1", ""), "Balochistan");
  EXPECT_NEAR(musakhail.value("lat", 0.0), 30.86, 0.05);
  EXPECT_NEAR(musakhail.value("lon", 0.0), 69.82, 0.05);
  EXPECT_EQ(place(Seed("000"), "Balochistan").value("admin1", ""), "Balochistan");
  json waziristan = place(Seed("003"), "South Waziristan");
  EXPECT_EQ(waziristan.value("country", ""), "PAK");
  EXPECT_EQ(waziristan.value("admin1", ""), "Khyber Pakhtunkhwa");
  EXPECT_EQ(place(Seed("003"), "Kabul").value("country", ""), "AFG");
  for (const char* seed : {"002", "003"}) {
    json dateline = place(Seed(seed), "ISLAMABAD");
    EXPECT_EQ(dateline.value("geonames_id", 0), 1176615) << seed;  // the capital, not the territory
    EXPECT_TRUE(dateline.value("dateline", false)) << seed;
  }
  EXPECT_EQ(place(Seed("000"), "Washington").value("geonames_id", 0), 4140963);  // D.C.
  // Country names are the countries.
  for (const Found& f : LayerOf(Seed("001"), "place"))
    if (f.text == "Pakistan") EXPECT_EQ(f.label, "country");
}

TEST_F(SeedAnnotations, EverySentenceOf003) {
  const Doc& d003 = Seed("003");
  const std::vector<std::string> expected_starts = {
      "ISLAMABAD: The United States said on Monday",
      "The dialogue was initiated after",
      "The most recent phase of the dialogue",
      "\u201cWe confirmed with Pakistan today",
      "\u201cWe also agreed about preventing",
      "The latest round of the Counterterrorism Dialogue",
      "Officials in Islamabad have frequently complained",
      "The US withdrawal from Afghanistan",
      "The agreement was signed in February 2020",
      "The State Department official was also asked",
      "However, he did not answer the question.",
      "\u201cI don\u2019t have anything for you on that,\u201d he said.",
      "\u201cI\u2019d refer you to my colleagues at the Pentagon.\u201d",
  };
  ASSERT_EQ(d003.sentences().size(), expected_starts.size());
  for (size_t i = 0; i < expected_starts.size(); ++i) {
    std::string_view sentence = d003.Slice(d003.sentences()[i].span);
    EXPECT_TRUE(sentence.starts_with(expected_starts[i])) << "sentence " << i << ": " << sentence;
  }
}

// Byte ranges [open, close] of the quotations in `span` of `text`: curly and straight pairs.
std::vector<Span> Quotations(std::string_view text, Span span) {
  std::vector<Span> quotes;
  size_t curly_open = std::string_view::npos, straight_open = std::string_view::npos;
  for (size_t i = span.begin; i < span.end; ++i) {
    if (text.substr(i, 3) == "\u201c") curly_open = i;
    if (text.substr(i, 3) == "\u201d" && curly_open != std::string_view::npos)
      quotes.push_back({static_cast<uint32_t>(curly_open), static_cast<uint32_t>(i)}), curly_open = std::string_view::npos;
    if (text[i] != '"') continue;
    if (straight_open == std::string_view::npos) {
      straight_open = i;
    } else {
      quotes.push_back({static_cast<uint32_t>(straight_open), static_cast<uint32_t>(i)});
      straight_open = std::string_view::npos;
    }
  }
  return quotes;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

TEST_F(SeedAnnotations, NoBreakInsideQuotationsAbbreviationsOrNumbers) {
  for (const auto& [number, doc] : *seeds_) {
    const std::string& text = doc.text();
    const std::vector<Sentence>& sentences = doc.sentences();
    for (size_t k = 1; k < sentences.size(); ++k) {
      const Sentence &before = sentences[k - 1], &after = sentences[k];
      const uint32_t boundary = after.span.begin;
      const std::string where = number + ": " + text.substr(before.span.begin, 60) + " || " + text.substr(boundary, 40);
      for (const Annotation& paragraph : *doc.Layer("paragraph"))
        if (paragraph.span.Contains(before.span) && paragraph.span.Contains(after.span))
          for (Span quote : Quotations(text, paragraph.span))
            EXPECT_FALSE(quote.begin < boundary && boundary <= quote.end) << "inside a quotation: " << where;
      EXPECT_LT(before.span.end, boundary) << where;
      EXPECT_FALSE(IsDigit(text[before.span.end - 1]) && IsDigit(text[boundary])) << "inside a number: " << where;
      // The sentence before does not end with an abbreviation ("U.S.", "Gen.").
      uint32_t last = before.token_end - 1;
      while (last > before.token_begin) {
        std::string_view token = doc.Slice(doc.tokens()[last].span);
        if (token != "\u201d" && token != "\"" && token != "\u2019" && token != ")") break;
        --last;
      }
      std::string_view final_token = doc.Slice(doc.tokens()[last].span);
      if (final_token == "." && last > before.token_begin)
        EXPECT_EQ(ClassifyAbbreviation(doc.Slice(doc.tokens()[last - 1].span)), AbbreviationKind::kNone)
            << "after an abbreviation: " << where;
      else
        EXPECT_FALSE(final_token.size() > 1 && final_token.back() == '.') << "after an abbreviation: " << where;
    }
  }
}

// 000 and 001 report one visit and 001 is dated: linking them resolves 000's dates.
TEST_F(SeedAnnotations, ADatedTwinResolvesTheUndatedSeedsDates) {
  Doc doc = Seed("000");
  DctEstimate content = EstimateDctFromContent(doc, FindTimexes(doc));
  EXPECT_EQ(content.source, DctEstimate::Source::kContent);
  EXPECT_EQ(content.earliest.year, 2024);
  EXPECT_EQ(content.latest.year, 2024);
  ASSERT_TRUE(Seed("001").meta().published);
  ASSERT_TRUE(ResolveTimexAgainst(doc, TightenWithTwin(content, *Seed("001").meta().published)).ok());
  EXPECT_EQ(ValueOf(doc, "August 26"), "2024-08-26");
  EXPECT_EQ(ValueOf(doc, "Monday"), "2024-09-16");
  EXPECT_EQ(ValueOf(doc, "this month"), "2024-09");
  EXPECT_EQ(ValueOf(doc, "last year"), "2023");
  EXPECT_EQ(ValueOf(doc, "June this year"), "2024-06");
}

}  // namespace
}  // namespace sitrep
