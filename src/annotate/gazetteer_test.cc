#include "annotate/gazetteer.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace sitrep {
namespace {

Gazetteer Small() {
  return Gazetteer::FromNames({{"New York", kGazCity | kGazBigCity},
                               {"York", kGazCity},
                               {"new", kGazCommon},
                               {"Guinea-Bissau", kGazCountry},
                               {"Москва", kGazCity},
                               {"United  States of America", kGazCountry},
                               {"French", kGazNationality}});
}

std::vector<std::string> Keys(const std::vector<std::string>& words) {
  std::vector<std::string> keys;
  for (const auto& w : words) keys.push_back(Gazetteer::MatchKey(w));
  return keys;
}

TEST(GazetteerTest, LooksUpNamesInAnyCase) {
  Gazetteer g = Small();
  EXPECT_EQ(g.Lookup("NEW YORK"), kGazCity | kGazBigCity);
  EXPECT_EQ(g.Lookup("new york"), kGazCity | kGazBigCity);
  EXPECT_EQ(g.Lookup("МОСКВА"), kGazCity);  // other scripts are lower-cased too
  EXPECT_EQ(g.Lookup("united states of america"), kGazCountry);
  EXPECT_EQ(g.Lookup("Boston"), 0);
  EXPECT_EQ(g.Lookup("new"), kGazCommon);
}

TEST(GazetteerTest, FindsLongestNamesFirstWhateverTheTokenization) {
  Gazetteer g = Small();
  std::vector<GazetteerMatch> m;
  g.FindAll(Keys({"in", "New", "York", "and", "Guinea", "-", "Bissau", "or", "Guinea-Bissau"}), &m);
  ASSERT_EQ(m.size(), 5u);
  EXPECT_EQ(m[0].begin, 1u);  // "new" alone (a common word) after "new york"
  EXPECT_EQ(m[0].end, 3u);
  EXPECT_EQ(m[1].end, 2u);
  EXPECT_EQ(m[1].bits, kGazCommon);
  EXPECT_EQ(m[2].begin, 2u);  // "york"
  EXPECT_EQ(m[3].begin, 4u);
  EXPECT_EQ(m[3].end, 7u);
  EXPECT_EQ(m[3].bits, kGazCountry);
  EXPECT_EQ(m[4].begin, 8u);
  EXPECT_EQ(m[4].end, 9u);
}

TEST(GazetteerTest, AnyInputIsSafe) {
  Gazetteer g = Small();
  std::vector<GazetteerMatch> m;
  g.FindAll(Keys({"", "\xff\xfe", "new", ""}), &m);
  EXPECT_EQ(m.size(), 1u);
  g.FindAll({}, &m);
  EXPECT_TRUE(m.empty());
  Gazetteer empty;
  EXPECT_EQ(empty.Lookup("york"), 0);
  empty.FindAll(Keys({"york"}), &m);
  EXPECT_TRUE(m.empty());
  EXPECT_EQ(LowerUtf8("\xff" "ABC"), "\xff" "abc");
}

TEST(GazetteerTest, WritesAndReadsBack) {
  std::string path = (std::filesystem::temp_directory_path() / "sitrep_gazetteer_test.bin").string();
  Gazetteer g = Small();
  ASSERT_TRUE(g.Write(path).ok());
  auto loaded = Gazetteer::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->size(), g.size());
  EXPECT_EQ((*loaded)->Lookup("guinea-bissau"), kGazCountry);
  std::filesystem::remove(path);
}

TEST(GazetteerTest, DamagedOrMissingFileIsAnError) {
  auto missing = Gazetteer::Load("/nonexistent/gazetteer.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().ToString().find("gazetteer.bin"), std::string::npos);
  std::string bytes = [] {
    ModelWriter w(std::string{kGazetteerKind});
    SectionWriter names;
    names.U64(2);
    names.String("b\na\n");  // out of order
    names.Array(std::vector<uint16_t>{1, 1});
    w.AddSection("names", names.Take());
    return w.Serialize();
  }();
  auto file = ModelFile::Parse(bytes, "bad.bin", kGazetteerKind);
  ASSERT_TRUE(file.ok());
  auto g = Gazetteer::FromFile(*file);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), Code::kModel);
}

}  // namespace
}  // namespace sitrep
