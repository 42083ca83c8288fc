#include <string>

#include <gtest/gtest.h>

#include "ingest/containers.h"

namespace sitrep {
namespace {

// The bytes of `line` that the clean range [begin, begin + size) of the text maps to.
std::string_view Original(std::string_view line, const JsonArticle& article, size_t begin, size_t size) {
  Span span = article.map.ToOriginal({static_cast<uint32_t>(begin), static_cast<uint32_t>(begin + size)});
  return line.substr(span.begin, span.size());
}

std::string_view Evidence(std::string_view line, const JsonArticle& article, const std::string& field) {
  auto it = article.meta.evidence.find(field);
  if (it == article.meta.evidence.end()) return "<none>";
  return line.substr(it->second.begin, it->second.size());
}

Result<JsonArticle> Parse(std::string_view line) { return ParseJsonArticle(line); }

TEST(JsonlTest, ReadsAllFields) {
  std::string line = R"({"id": 7, "title": " Talks resume ", "url": "https://example.com/a",)"
                     R"( "published": "2024-05-14T08:30:00+05:00", "modified": "2024-05-15",)"
                     R"( "author": "Farah Naz", "source": {"@type": "Organization", "name": "Monitor"},)"
                     R"( "language": "en", "description": "Short.", "text": "Body here."})";
  Result<JsonArticle> article = Parse(line);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  const Metadata& meta = article->meta;
  EXPECT_EQ(article->text, "Body here.");
  EXPECT_EQ(meta.title, "Talks resume");
  EXPECT_EQ(meta.url, "https://example.com/a");
  ASSERT_TRUE(meta.published.has_value());
  EXPECT_EQ(meta.published->found_in, "json:published");
  EXPECT_EQ(meta.published->iso.substr(0, 10), "2024-05-14");
  ASSERT_TRUE(meta.modified.has_value());
  EXPECT_EQ(meta.modified->iso.substr(0, 10), "2024-05-15");
  EXPECT_EQ(meta.authors, std::vector<std::string>{"Farah Naz"});
  EXPECT_EQ(meta.source, "Monitor");
  EXPECT_EQ(meta.language, "en");
  EXPECT_EQ(meta.description, "Short.");

  EXPECT_EQ(Evidence(line, *article, "title"), R"(" Talks resume ")");
  EXPECT_EQ(Evidence(line, *article, "url"), R"("https://example.com/a")");
  EXPECT_EQ(Evidence(line, *article, "published"), R"("2024-05-14T08:30:00+05:00")");
  EXPECT_EQ(Evidence(line, *article, "authors"), R"("Farah Naz")");
  EXPECT_EQ(Evidence(line, *article, "source"), R"("Monitor")");
  EXPECT_EQ(Evidence(line, *article, "language"), R"("en")");
  EXPECT_EQ(Original(line, *article, 0, article->text.size()), "Body here.");
}

TEST(JsonlTest, EscapesMapBackToTheirEscapedForm) {
  std::string line =
      R"({"text": "He said \"no\".\nIt\u2019s \ud83d\ude00 over\\done \/ caf\u00e9 and ’ raw."})";
  Result<JsonArticle> article = Parse(line);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  const std::string& text = article->text;
  EXPECT_EQ(text, "He said \"no\".\nIt\u2019s \U0001F600 over\\done / caf\u00e9 and ’ raw.");

  auto original_of = [&](std::string_view clean) {
    size_t at = text.find(clean);
    EXPECT_NE(at, std::string::npos) << clean;
    return std::string(Original(line, *article, at, clean.size()));
  };
  EXPECT_EQ(original_of("\""), R"(\")");
  EXPECT_EQ(original_of("\n"), R"(\n)");
  EXPECT_EQ(original_of("\u2019s"), R"(\u2019s)");
  EXPECT_EQ(original_of("\U0001F600"), R"(\ud83d\ude00)");
  EXPECT_EQ(original_of("\\"), R"(\\)");
  EXPECT_EQ(original_of("/"), R"(\/)");
  EXPECT_EQ(original_of("caf\u00e9"), R"(caf\u00e9)");
  EXPECT_EQ(original_of("said"), "said");
  EXPECT_EQ(original_of("and ’ raw."), "and ’ raw.");  // raw UTF-8 is copied byte for byte
  // Part of a multi-byte escape maps to the whole escape, never into its middle.
  EXPECT_EQ(Original(line, *article, text.find("\U0001F600") + 1, 1), R"(\ud83d\ude00)");
  // The whole text maps to the whole string token between its quotes.
  size_t open = line.find("He said");
  EXPECT_EQ(Original(line, *article, 0, text.size()), line.substr(open, line.rfind('"') - open));
}

TEST(JsonlTest, EveryCleanByteMapsInsideTheToken) {
  std::string line = R"({"text": "a\tb\u00e9c\ud83d\ude00d\"e"})";
  Result<JsonArticle> article = Parse(line);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->map.clean_size(), article->text.size());
  for (size_t i = 0; i < article->text.size(); ++i) {
    Span span = article->map.ToOriginal({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)});
    EXPECT_GE(span.begin, 10u);
    EXPECT_LE(span.end, line.size() - 2);
    EXPECT_FALSE(span.empty()) << i;
  }
}

TEST(JsonlTest, BadEscapesAndLoneSurrogatesBecomeReplacementCharacters) {
  std::string line = R"({"text": "a\ud800b\udc00c\qd\u12zze\ud83dx"})";
  Result<JsonArticle> article = Parse(line);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->text, "a\uFFFDb\uFFFDc\uFFFDd\uFFFD12zze\uFFFDx");
  size_t first = article->text.find("\uFFFD");
  EXPECT_EQ(Original(line, *article, first, 3), R"(\ud800)");
  size_t third = article->text.find("\uFFFDd");
  EXPECT_EQ(Original(line, *article, third, 3), R"(\q)");
  size_t last = article->text.rfind("\uFFFD");
  EXPECT_EQ(Original(line, *article, last, 3), R"(\ud83d)");
}

TEST(JsonlTest, NotJsonIsAParseErrorWithAnOffset) {
  Result<JsonArticle> prose = Parse("this line is prose, not JSON");
  ASSERT_FALSE(prose.ok());
  EXPECT_EQ(prose.status().code(), Code::kParse);
  EXPECT_EQ(prose.status().offset(), 0u);
  EXPECT_NE(prose.status().message().find("not JSON"), std::string::npos) << prose.status().message();

  std::string bad_member = R"({"text": "abc", oops: 1})";
  Result<JsonArticle> member = Parse(bad_member);
  ASSERT_FALSE(member.ok());
  EXPECT_EQ(member.status().code(), Code::kParse);
  EXPECT_EQ(member.status().offset(), bad_member.find("oops"));

  std::string unclosed = R"({"title": "x", "text": "abc)";
  Result<JsonArticle> open = Parse(unclosed);
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.status().code(), Code::kParse);
  EXPECT_EQ(open.status().offset(), unclosed.find("\"abc"));
  EXPECT_NE(open.status().message().find("never closed"), std::string::npos);

  std::string trailing = R"({"text": "abc"} {"text": "def"})";
  Result<JsonArticle> two = Parse(trailing);
  ASSERT_FALSE(two.ok());
  EXPECT_EQ(two.status().code(), Code::kParse);
  EXPECT_EQ(two.status().offset(), 16u);

  Result<JsonArticle> cut = Parse(R"({"text": "abc", "title": )");
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.status().code(), Code::kParse);

  Result<JsonArticle> empty = Parse("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), Code::kParse);
}

TEST(JsonlTest, ValuesOtherThanObjectsAreParseErrors) {
  Result<JsonArticle> array = Parse(R"([{"text": "abc"}])");
  ASSERT_FALSE(array.ok());
  EXPECT_EQ(array.status().code(), Code::kParse);
  EXPECT_NE(array.status().message().find("an array, not a JSON object"), std::string::npos)
      << array.status().message();

  for (std::string_view scalar : {R"("text")", "42", "null", "true"}) {
    Result<JsonArticle> out = Parse(scalar);
    ASSERT_FALSE(out.ok()) << scalar;
    EXPECT_EQ(out.status().code(), Code::kParse);
    EXPECT_NE(out.status().message().find("not a JSON object"), std::string::npos) << out.status().message();
  }
}

TEST(JsonlTest, MissingTextNamesTheFieldsTried) {
  Result<JsonArticle> article = Parse(R"({"title": "Only a title", "url": "https://example.com"})");
  ASSERT_FALSE(article.ok());
  EXPECT_EQ(article.status().code(), Code::kMissingField);
  for (const char* name : {"text", "body", "content", "articleBody", "article", "maintext"}) {
    EXPECT_NE(article.status().message().find(name), std::string::npos) << name;
  }
}

TEST(JsonlTest, TextThatIsNotAStringIsMissingAndSaysWhy) {
  Result<JsonArticle> number = Parse(R"({"title": "x", "text": 42})");
  ASSERT_FALSE(number.ok());
  EXPECT_EQ(number.status().code(), Code::kMissingField);
  EXPECT_NE(number.status().message().find("text is a number"), std::string::npos) << number.status().message();

  Result<JsonArticle> blank = Parse(R"({"text": " \n ", "body": null})");
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.status().code(), Code::kMissingField);
  EXPECT_NE(blank.status().message().find("text is empty"), std::string::npos) << blank.status().message();
  EXPECT_NE(blank.status().message().find("body is null"), std::string::npos) << blank.status().message();
}

TEST(JsonlTest, FirstUsableTextFieldInOrderWins) {
  Result<JsonArticle> fallback = Parse(R"({"text": 42, "maintext": "later", "articleBody": "schema.org body"})");
  ASSERT_TRUE(fallback.ok()) << fallback.status().ToString();
  EXPECT_EQ(fallback->text, "schema.org body");

  Result<JsonArticle> both = Parse(R"({"content": "second", "text": "first"})");
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->text, "first");
}

TEST(JsonlTest, NestedFieldsAndDuplicateKeysDoNotConfuseTheMap) {
  std::string line = R"({"meta": {"text": "inner", "title": "inner title"}, "title": "outer title",)"
                     R"( "text": "outer", "text": "duplicate"})";
  Result<JsonArticle> article = Parse(line);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->text, "outer");
  EXPECT_EQ(article->meta.title, "outer title");
  EXPECT_EQ(Original(line, *article, 0, 5), "outer");
  EXPECT_EQ(article->map.ToOriginal({0, 5}).begin, line.find("outer\""));
}

TEST(JsonlTest, AuthorsAsArrayOfObjects) {
  std::string line = R"({"text": "t", "authors": [{"@type": "Person", "name": "Ayesha Khan"},)"
                     R"( {"name": ""}, {"url": "x"}, {"name": "Imran \u00c1li"}]})";
  Result<JsonArticle> article = Parse(line);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->meta.authors, (std::vector<std::string>{"Ayesha Khan", "Imran \u00c1li"}));
  std::string_view evidence = Evidence(line, *article, "authors");
  EXPECT_EQ(evidence.substr(0, 13), R"("Ayesha Khan")");
  EXPECT_EQ(evidence.substr(evidence.size() - 16), R"("Imran \u00c1li")");
}

TEST(JsonlTest, AuthorsAsArrayOfStrings) {
  Result<JsonArticle> article = Parse(R"({"text": "t", "author": ["A. One", "B. Two"]})");
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->meta.authors, (std::vector<std::string>{"A. One", "B. Two"}));
}

TEST(JsonlTest, AliasesAndTheirOrder) {
  std::string line = R"({"link": "https://b.example", "url": "https://a.example", "lang": "ur",)"
                     R"( "publisher": {"name": "Daily"}, "site_name": "Daily Site", "body": "text",)"
                     R"( "date": "no date here", "pubDate": "Mon, 16 Sep 2024 14:30:00 GMT"})";
  Result<JsonArticle> article = Parse(line);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->meta.url, "https://a.example");
  EXPECT_EQ(article->meta.language, "ur");
  EXPECT_EQ(article->meta.source, "Daily Site");
  ASSERT_TRUE(article->meta.published.has_value());  // "date" does not parse; pubDate does
  EXPECT_EQ(article->meta.published->iso.substr(0, 10), "2024-09-16");
  EXPECT_EQ(Evidence(line, *article, "published"), R"("Mon, 16 Sep 2024 14:30:00 GMT")");
}

TEST(JsonlTest, UnparsableDateLeavesPublishedEmpty) {
  Result<JsonArticle> article = Parse(R"({"text": "t", "published": "sometime"})");
  ASSERT_TRUE(article.ok());
  EXPECT_FALSE(article->meta.published.has_value());
  EXPECT_EQ(article->meta.evidence.count("published"), 0u);
}

TEST(JsonlTest, LongTextWithManyEscapes) {
  std::string raw, expected;
  for (int i = 0; i < 5000; ++i) {
    raw += "line " + std::to_string(i) + R"(\n\u2014 )";
    expected += "line " + std::to_string(i) + "\n\u2014 ";
  }
  std::string line = R"({"text": ")" + raw + R"("})";
  Result<JsonArticle> article = Parse(line);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->text, expected);
  size_t dash = article->text.rfind("\u2014");
  EXPECT_EQ(Original(line, *article, dash, 3), R"(\u2014)");
}

}  // namespace
}  // namespace sitrep
