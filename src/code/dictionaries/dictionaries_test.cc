// The reader of the user's TABARI/PETRARCH dictionaries, the date rule and agent
// composition, on small dictionaries written for these tests.
#include <gtest/gtest.h>

#include "code/dictionaries/code_dictionary.h"
#include "code/dictionaries/dated_code.h"
#include "code/dictionaries/dictionary_reader.h"
#include "code/dictionaries/user_dictionaries.h"

namespace sitrep::code::dictionaries {
namespace {

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> out;
  for (size_t b = 0; b < text.size();) {
    size_t e = text.find(' ', b);
    if (e == std::string::npos) e = text.size();
    if (e > b) out.push_back(text.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

// The code the actor file gives `text` (all its words) on `day`; "-" for none.
std::string CodeOf(const UserDictionaries& d, const std::string& text, std::optional<DayNumber> day = std::nullopt) {
  UserCoding c = d.Read(Words(text), day);
  if (c.actors.empty()) return "-";
  return c.actors.front().code.empty() ? "null" : c.actors.front().code;
}

bool HasWarning(const std::vector<std::string>& warnings, const std::string& part) {
  for (const std::string& w : warnings)
    if (w.find(part) != std::string::npos) return true;
  return false;
}

constexpr char kActors[] =
    "# a test actor file in the TABARI and PETRARCH styles\n"
    "RIVENDALE_  [RVD] ; a country, exact word\n"
    "+RIVENDALIAN_\n"
    "QUARTZ  [QTZ]\n"
    "MARA_OKONJO  ; head of state of Rivendale for a while\n"
    "+PRESIDENT_OKONJO_\n"
    "\t[RVDELI 900101-991231]\n"
    "\t[RVDGOV 20000101-20081231]\n"
    "\t[RVDOPP >090101]\n"
    "TOMAS_VELD_  [RVDGOV 950101-011231] [---]\n"
    "PELL_  [PEL <991231] [PLL]\n"
    "GOLDEN_ISLES_ [GLD/ISL]\n"
    "BROKEN_ENTRY [QQQ 991301-000101]\n"
    "+BROKEN_SYNONYM_\n"
    "NORTHLAND_  [NTH]\n"
    "NORTHLAND_  [STH]\n"
    "<NOUN>\n"
    "NOTANACTOR\n"
    "</NOUN>\n"
    "<!-- a comment block\n"
    "ANOTHER [XXX]\n"
    "-->\n"
    "AL-HADI_ [HAD]\n"
    "~~FINISH 12:00 a time stamp\n"
    "AFTER_THE_END [AFT]\n";

UserDictionaries TestDictionaries(std::vector<std::string>* warnings) {
  UserDictionaries d;
  d.AddActors(kActors, "test.actors", warnings);
  return d;
}

TEST(DatedCodeTest, ParsesBlocks) {
  std::string why;
  auto a = ParseCodeBlock("USAGOV 991201-010114", &why);
  ASSERT_TRUE(a) << why;
  EXPECT_EQ(a->code, "USAGOV");
  EXPECT_EQ(a->when, DatedCode::When::kBetween);
  EXPECT_EQ(a->first, 19991201);
  EXPECT_EQ(a->last, 20010114);
  auto b = ParseCodeBlock("HOB < 950601", &why);
  ASSERT_TRUE(b) << why;
  EXPECT_EQ(b->when, DatedCode::When::kUntil);
  EXPECT_EQ(b->last, 19950601);
  auto c = ParseCodeBlock("hobreb >20130605", &why);
  ASSERT_TRUE(c) << why;
  EXPECT_EQ(c->code, "HOBREB");
  EXPECT_EQ(c->first, 20130605);
  auto n = ParseCodeBlock("---", &why);
  ASSERT_TRUE(n);
  EXPECT_TRUE(n->null());
  EXPECT_FALSE(ParseCodeBlock("991201-010114", &why));  // no code
  EXPECT_FALSE(ParseCodeBlock("AAA950601-990815", &why));
  EXPECT_FALSE(ParseCodeBlock("USA 991301-000101", &why));  // month 13
  EXPECT_NE(why.find("991301"), std::string::npos);
  EXPECT_FALSE(ParseCodeBlock("USA 010101-990101", &why));  // 2001 to 1999
}

TEST(DatedCodeTest, TabariDateRule) {
  std::string why;
  std::vector<DatedCode> codes;
  for (const char* block : {"XXX <920101", "YYY <930101", "ZZZ"}) codes.push_back(*ParseCodeBlock(block, &why));
  bool by_default = false;
  // The first satisfied restriction wins, in file order, even when a later one also holds.
  EXPECT_EQ(ResolveCode(codes, 19910505, &by_default)->code, "XXX");
  EXPECT_FALSE(by_default);
  EXPECT_EQ(ResolveCode(codes, 19920505, &by_default)->code, "YYY");
  // The undated code only when no dated one matches.
  EXPECT_EQ(ResolveCode(codes, 19950505, &by_default)->code, "ZZZ");
  EXPECT_TRUE(by_default);
  // An undated document can only use the default.
  EXPECT_EQ(ResolveCode(codes, std::nullopt, &by_default)->code, "ZZZ");
  // Without a default, no restriction met means no code.
  codes.pop_back();
  EXPECT_EQ(ResolveCode(codes, 19950505, &by_default), nullptr);
  EXPECT_EQ(ResolveCode(codes, std::nullopt, &by_default), nullptr);
  // Bounds are inclusive.
  std::vector<DatedCode> range = {*ParseCodeBlock("AAA 000101-001231", &why)};
  EXPECT_NE(ResolveCode(range, 20000101, &by_default), nullptr);
  EXPECT_NE(ResolveCode(range, 20001231, &by_default), nullptr);
  EXPECT_EQ(ResolveCode(range, 20010101, &by_default), nullptr);
}

TEST(DatedCodeTest, Days) {
  EXPECT_EQ(ParseDictionaryDay("300101"), 20300101);
  EXPECT_EQ(ParseDictionaryDay("310101"), 19310101);
  EXPECT_EQ(ParseDictionaryDay("19991201"), 19991201);
  EXPECT_FALSE(ParseDictionaryDay("9912"));
  EXPECT_EQ(DayOfIsoDate("2024-09-17T17:50"), 20240917);
  EXPECT_FALSE(DayOfIsoDate("2024-09"));
}

TEST(DictionaryReaderTest, PhrasesAndStems) {
  Pattern p = ParsePhrase("JAMES_BYRNES_");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].match, PatternWord::Match::kExact);
  EXPECT_EQ(p[1].match, PatternWord::Match::kPlural);
  EXPECT_EQ(PatternKey(ParsePhrase("ARGENTIN")), "argentin");
  EXPECT_EQ(PatternKey(ParsePhrase("PRESIDENT-ELECT_OBAMA")), "president_ elect_ obama");
  EXPECT_EQ(PatternKey(ParsePhrase("AL GORE")), PatternKey(ParsePhrase("AL_GORE")));

  std::vector<std::string> warnings;
  UserDictionaries d = TestDictionaries(&warnings);
  EXPECT_EQ(CodeOf(d, "Rivendale"), "RVD");
  EXPECT_EQ(CodeOf(d, "Rivendalians"), "RVD");  // synonym, regular plural
  EXPECT_EQ(CodeOf(d, "Rivendaleish"), "-");    // exact word: no stemming
  EXPECT_EQ(CodeOf(d, "Quartzite"), "QTZ");     // a bare word is a stem
  EXPECT_EQ(CodeOf(d, "al-Hadi"), "HAD");       // hyphen read as a blank
  EXPECT_EQ(CodeOf(d, "notanactor"), "-");      // <NOUN> sections carry no codes
  EXPECT_EQ(CodeOf(d, "another"), "-");         // inside <!-- -->
  EXPECT_EQ(CodeOf(d, "after the end"), "-");   // after ~FINISH
}

TEST(DictionaryReaderTest, LongestMatchWins) {
  UserDictionaries d;
  d.AddActors("GREEN_ [GRN]\nGREEN_PARTY_ [GRNPTY]\n", "t.actors", nullptr);
  UserCoding c = d.Read(Words("the Green Party leader"), std::nullopt);
  ASSERT_EQ(c.actors.size(), 1u);
  EXPECT_EQ(c.actors[0].code, "GRNPTY");
  EXPECT_EQ(c.actors[0].first, 1u);
  EXPECT_EQ(c.actors[0].last, 2u);
}

TEST(DictionaryReaderTest, DatedHistory) {
  std::vector<std::string> warnings;
  UserDictionaries d = TestDictionaries(&warnings);
  EXPECT_EQ(CodeOf(d, "Mara Okonjo", 19950101), "RVDELI");
  EXPECT_EQ(CodeOf(d, "President Okonjo", 20040601), "RVDGOV");
  EXPECT_EQ(CodeOf(d, "Mara Okonjo", 20150101), "RVDOPP");
  EXPECT_EQ(CodeOf(d, "Mara Okonjo", 20081231), "RVDGOV");  // bounds are inclusive
  EXPECT_EQ(CodeOf(d, "Mara Okonjo", 20090101), "RVDOPP");
  // No default and the day matches nothing: no code.
  EXPECT_EQ(CodeOf(d, "Mara Okonjo", 19800101), "null");
  EXPECT_EQ(CodeOf(d, "Mara Okonjo"), "null");  // undated document, no default
  // Inline blocks: "[RVDGOV 950101-011231] [---]": the null code is the default.
  EXPECT_EQ(CodeOf(d, "Tomas Veld", 19990101), "RVDGOV");
  EXPECT_EQ(CodeOf(d, "Tomas Veld", 20050101), "null");
  EXPECT_EQ(CodeOf(d, "Pell", 19900101), "PEL");
  EXPECT_EQ(CodeOf(d, "Pell", 20000101), "PLL");
  EXPECT_EQ(CodeOf(d, "Pell"), "PLL");
  UserCoding c = d.Read(Words("Pell"), std::nullopt);
  EXPECT_TRUE(c.actors[0].by_default);
  EXPECT_EQ(c.actors[0].origin, "test.actors:11");
}

TEST(DictionaryReaderTest, MalformedAndAmbiguousLinesAreReported) {
  std::vector<std::string> warnings;
  UserDictionaries d = TestDictionaries(&warnings);
  // Line 13: month 13. Its synonym on line 14 goes with it, without a second warning.
  EXPECT_TRUE(HasWarning(warnings, "test.actors:13: \"991301\" is not a date")) << ::testing::PrintToString(warnings);
  EXPECT_FALSE(HasWarning(warnings, "test.actors:14"));
  EXPECT_EQ(CodeOf(d, "broken entry"), "-");
  EXPECT_EQ(CodeOf(d, "broken synonym"), "-");
  // The rest of the file is loaded.
  EXPECT_EQ(CodeOf(d, "Northland"), "NTH");
  EXPECT_EQ(CodeOf(d, "al-Hadi"), "HAD");
  // The same phrase with another undated code: reported, the first kept.
  EXPECT_TRUE(HasWarning(warnings, "test.actors:16: ambiguous: \"northland*\" is also at test.actors:15"));
  EXPECT_EQ(warnings.size(), 2u) << ::testing::PrintToString(warnings);
}

TEST(DictionaryReaderTest, OtherMalformedLines) {
  std::vector<std::string> warnings;
  UserDictionaries d;
  d.AddActors(
      "GOOD_ [GOD]\n"
      "NO_CLOSE [ABC\n"
      "+ORPHAN_SYNONYM\n"
      "[XYZ]\n"
      "TILDE_ACTOR [~GOV]\n"
      "NOCODE_ENTRY ; nothing\n"
      "JUNK_AFTER [ABC] junk\n"
      "\t[ABC]\n"
      "ALSO_GOOD_ [ALG]\n",
      "m.actors", &warnings);
  EXPECT_TRUE(HasWarning(warnings, "m.actors:2: missing ]")) << ::testing::PrintToString(warnings);
  EXPECT_TRUE(HasWarning(warnings, "m.actors:4: no phrase"));
  EXPECT_TRUE(HasWarning(warnings, "m.actors:5: actor code \"~GOV\""));
  EXPECT_TRUE(HasWarning(warnings, "m.actors:6: entry has no [code]"));
  EXPECT_TRUE(HasWarning(warnings, "m.actors:7: unexpected \"junk\""));
  EXPECT_FALSE(HasWarning(warnings, "m.actors:3"));  // belongs to line 2, already reported
  EXPECT_EQ(CodeOf(d, "good"), "GOD");
  EXPECT_EQ(CodeOf(d, "also good"), "ALG");
}

TEST(DictionaryReaderTest, EntriesWithoutCodesShareTheNextCodes) {
  std::vector<std::string> warnings;
  UserDictionaries d;
  d.AddActors(
      "IVAN_PETROV_\n"
      "PRESIDENT_PETROV_\n"
      "\t[RVDGOV >20100101]\n"
      "\t[RVDELI]\n"
      "LONE_ENTRY_ ; no code, and the next entry has its own\n"
      "NEXT_ [NXT]\n"
      "YAHOO!_INC_ [USABUS]\n",
      "t.actors", &warnings);
  EXPECT_EQ(CodeOf(d, "President Petrov", 20120101), "RVDGOV");
  EXPECT_EQ(CodeOf(d, "Ivan Petrov", 20050101), "RVDELI");
  EXPECT_EQ(CodeOf(d, "lone entry"), "-");
  EXPECT_EQ(CodeOf(d, "next"), "NXT");
  EXPECT_EQ(CodeOf(d, "Yahoo! Inc"), "USABUS");  // "!" in an actor file is part of the name
  ASSERT_EQ(warnings.size(), 1u) << ::testing::PrintToString(warnings);
  EXPECT_EQ(warnings[0], "t.actors:5: entry has no [code]");
}

TEST(AgentTest, ComposeLikeTabari) {
  EXPECT_EQ(ComposeAgent("PAK", "~GOV"), "PAKGOV");
  EXPECT_EQ(ComposeAgent("PAK", "NGO~"), "NGOPAK");
  EXPECT_EQ(ComposeAgent("LKAREB", "~REB"), "LKAREB");        // already there
  EXPECT_EQ(ComposeAgent("USAGOV", "~GOVPRS"), "USAGOVPRS");  // the missing part only
  EXPECT_EQ(ComposeAgent("AREBKK", "~REB"), "AREBKKREB");     // only aligned parts count
  EXPECT_EQ(ComposeAgent("", "~MIL"), "MIL");
  EXPECT_EQ(ComposeAgent("GME/GMW", "~GOV"), "GMEGOV/GMWGOV");
}

TEST(AgentTest, AgentFileFeatures) {
  std::vector<std::string> warnings;
  UserDictionaries d;
  d.AddAgents(
      "!PERSON! = MAN, WOMAN\n"
      "MINISTER [~GOV]\n"
      "FOREIGN_MINISTER_ [~GOVFRM]\n"
      "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n"
      "POLICE {} [~COP]\n"
      "CONGRESS!PERSON! [~LEG]\n"
      "RIGHTS_GROUP_ [NGO~]\n"
      "SOLDIER_ [MIL]\n"
      "SPY!AGENT! [~SPY]\n",
      "t.agents", &warnings);
  auto agent = [&](const std::string& text) {
    UserCoding c = d.Read(Words(text), std::nullopt);
    return c.agents.empty() ? std::string("-") : c.agents.back().code;
  };
  EXPECT_EQ(agent("ministers"), "~GOV");
  EXPECT_EQ(agent("foreign ministers"), "~GOVFRM");
  EXPECT_EQ(agent("attorneys general"), "~JUD");
  EXPECT_EQ(agent("police"), "~COP");
  EXPECT_EQ(agent("congresswoman"), "~LEG");
  EXPECT_EQ(agent("rights groups"), "NGO~");
  EXPECT_EQ(agent("former minister"), "~ELI");
  EXPECT_EQ(agent("soldier"), "-");
  EXPECT_TRUE(HasWarning(warnings, "t.agents:8: agent code \"MIL\" needs a ~")) << ::testing::PrintToString(warnings);
  EXPECT_TRUE(HasWarning(warnings, "t.agents:9: unknown substitution marker"));
}

TEST(DictionaryReaderTest, UnreadableFileIsAnError) {
  CodeDictionary d(DictionaryKind::kActors);
  Status s = d.Load("/nonexistent/dir/none.actors", nullptr);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.ToString().find("/nonexistent/dir/none.actors"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::code::dictionaries
