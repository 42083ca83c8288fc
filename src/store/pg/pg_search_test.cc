// sitrep's full-text vectors and queries (pg_search_vector.h, store/search_query.h)
// handed to a real PostgreSQL server: the binary vector reads back as its text form,
// every query made from hostile text is a valid tsquery, and phrases, prefixes and
// stopwords match on the server as the builder means them to.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "store/pg/pg_search_vector.h"
#include "store/pg/test_postgres.h"
#include "store/search_query.h"

namespace sitrep::pg {
namespace {

class PgSearch : public ::testing::Test {
 public:
  static void SetUpTestSuite() {
    if (!TestPostgres::Available()) return;
    Result<std::unique_ptr<TestPostgres>> started = TestPostgres::Start();
    if (!started.ok()) return;
    server_ = started->release();
    Result<std::string> uri = server_->NewDatabase("search");
    if (uri.ok()) uri_ = new std::string(*uri);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete uri_;
    server_ = nullptr, uri_ = nullptr;
  }

 protected:
  void SetUp() override {
    if (!TestPostgres::Available()) GTEST_SKIP() << "no PostgreSQL server binaries in " << TestPostgres::BinDir();
    ASSERT_NE(uri_, nullptr) << "the server did not start";
    conn_ = std::make_unique<pqxx::connection>(*uri_);
  }

  // Whether the document (title, text) matches the search box's `text` on the server.
  bool Matches(std::string_view title, std::string_view text, std::string_view query) {
    const std::string vector = SearchVector::Of(title, text).Binary();
    const std::string tsquery = sqlite::ParseSearchQuery(query).tsquery;
    EXPECT_FALSE(tsquery.empty()) << query;
    pqxx::nontransaction tx(*conn_);
    return tx.exec_params1("SELECT $1::tsvector @@ $2::tsquery", pqxx::binarystring(vector.data(), vector.size()),
                           tsquery)[0]
        .as<bool>();
  }

  static inline TestPostgres* server_ = nullptr;
  static inline std::string* uri_ = nullptr;
  std::unique_ptr<pqxx::connection> conn_;
};

TEST_F(PgSearch, TheBinaryVectorIsWhatItsTextFormSays) {
  for (const auto& [title, text] : std::vector<std::pair<std::string, std::string>>{
           {"Flood talks in Multan", "Relief officials met in Multan.\n\nThe talks went on."},
           {"", "Café Ürümqi Straße پاکستان नमस्ते 東京 3.5 km"},
           {"Only a title", ""},
           {"", ""}}) {
    const SearchVector vector = SearchVector::Of(title, text);
    const std::string binary = vector.Binary();
    pqxx::nontransaction tx(*conn_);
    EXPECT_EQ(tx.exec_params1("SELECT $1::tsvector::text", pqxx::binarystring(binary.data(), binary.size()))[0]
                  .as<std::string>(),
              vector.Text());
    // The server reads the text form to the same vector.
    EXPECT_EQ(tx.exec_params1("SELECT $1::tsvector::text", vector.Text())[0].as<std::string>(), vector.Text());
  }
}

TEST_F(PgSearch, ALongDocumentStaysWithinTheServersLimits) {
  std::string text;
  for (int i = 0; i < 60000; ++i) text += "w" + std::to_string(i % 7000) + " the ";
  const std::string binary = SearchVector::Of("", text).Binary();
  pqxx::nontransaction tx(*conn_);
  EXPECT_EQ(tx.exec_params1("SELECT length($1::tsvector)", pqxx::binarystring(binary.data(), binary.size()))[0]
                .as<int>(),
            7000);
}

TEST_F(PgSearch, HostileQueriesAreValidTsqueries) {
  const std::vector<std::string> hostile = {
      "'", "''", "'; DROP TABLE documents; --", ":", "a:*", "&", "|", "!", "!!x", "x & y | !z", "<->", "x <-> y",
      "\\", "\\'", "x\\", "'x'", "\"", "\"\"\"", "\"a\" \"b", "(", ")", ")(", "((x)", "x OR", "OR x", "NOT", "-",
      "--x", "-(x)", "x NOT -y", "*", "x*", "**x**", "\"the of\"* x", "ütf-8 \xFF\xFE bytes", "x:A", "x:1",
      "'x':*B", "$1", "%", "_", "\x01\x02 x", std::string(300, '(') + "x", "a AND AND OR NOT b"};
  for (const std::string& text : hostile) {
    const std::string tsquery = sqlite::ParseSearchQuery(text).tsquery;
    if (tsquery.empty()) continue;
    pqxx::nontransaction tx(*conn_);
    try {
      EXPECT_GT(tx.exec_params1("SELECT numnode($1::tsquery)", tsquery)[0].as<int>(), 0) << text;
    } catch (const std::exception& e) {
      ADD_FAILURE() << text << " -> " << tsquery << ": " << e.what();
    }
  }
}

TEST_F(PgSearch, PhrasesPrefixesAndStopwordsMatchOnTheServer) {
  const std::string text = "The minister of the interior met flood victims in Sukkur. Negotiations resumed.";
  EXPECT_TRUE(Matches("", text, "minister interior"));
  EXPECT_TRUE(Matches("", text, "\"minister of the interior\""));
  EXPECT_TRUE(Matches("", text, "\"Minister of the Interior\" -cricket"));
  EXPECT_FALSE(Matches("", text, "\"minister interior\""));  // not adjacent
  EXPECT_FALSE(Matches("", text, "\"interior minister\""));
  EXPECT_TRUE(Matches("", text, "negotiat*"));
  EXPECT_TRUE(Matches("", text, "cricket OR sukkur"));
  EXPECT_FALSE(Matches("", text, "flood -sukkur"));
  EXPECT_FALSE(Matches("", text, "flood NOT victims"));
  EXPECT_TRUE(Matches("", "Le café de Lahore", "CAFE lahore"));
  EXPECT_TRUE(Matches("", "al-Qaeda's claim", "al-qaeda"));
  // No phrase runs from the title into the text.
  EXPECT_TRUE(Matches("Floods", "Hit Sindh", "\"hit sindh\""));
  EXPECT_FALSE(Matches("Floods", "Hit Sindh", "\"floods hit\""));
}

}  // namespace
}  // namespace sitrep::pg
