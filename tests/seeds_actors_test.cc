// People, offices, acronyms and actor identity on the seed corpus, through the real
// pipeline (../shared/seeds/EXPECTED.md): each named person found with the right country
// and sector, coreferent mentions linked within a document, one actor per person across
// documents, and a name with no office coded from what other articles say of it.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "code/actor_knowledge.h"
#include "code/sentence_graph.h"
#include "consolidate/consolidate.h"
#include "tests/annotated_seeds.h"

namespace sitrep {
namespace {

using nlohmann::json;

class SeedActors : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { seeds_ = new std::map<std::string, Doc>(testing::AnnotateSeeds()); }
  static void TearDownTestSuite() { delete seeds_; }
  void SetUp() override {
    if (seeds_->size() != 5) GTEST_SKIP() << "no ../shared/seeds";
  }

  // The actor-layer mentions of seed `seed` whose text is `text`, as attrs.
  static std::vector<json> Mentions(const std::string& seed, const std::string& text) {
    std::vector<json> out;
    const Doc& doc = seeds_->at(seed);
    for (const Annotation& a : *doc.Layer("actor"))
      if (doc.Slice(a.span) == text) out.push_back(json::parse(a.attrs));
    return out;
  }
  // The code the actor layer gives the person named `name` in seed `seed`.
  static std::string CodeOf(const std::string& seed, const std::string& name) {
    for (const Annotation& a : *seeds_->at(seed).Layer("actor")) {
      json j = json::parse(a.attrs);
      if (j["name"] == name) return j["code"];
    }
    return "(not found)";
  }
  static std::map<std::string, Doc>* seeds_;
};

std::map<std::string, Doc>* SeedActors::seeds_ = nullptr;

TEST_F(SeedActors, PeopleHaveTheCountryAndSectorOfTheirOffice) {
  EXPECT_EQ(CodeOf("000", "John Bass"), "USAGOV");
  EXPECT_EQ(CodeOf("000", "Matthew Miller"), "USAGOV");
  EXPECT_EQ(CodeOf("000", "Ishaq Dar"), "PAKGOV");
  EXPECT_EQ(CodeOf("000", "Asim Munir"), "PAKMIL");
  EXPECT_EQ(CodeOf("001", "Amna Baloch"), "PAKGOV");
  EXPECT_EQ(CodeOf("002", "Antony Blinken"), "USAGOV");
  EXPECT_EQ(CodeOf("002", "Syrus Qazi"), "PAKGOV");
  EXPECT_EQ(CodeOf("002", "Joe Biden"), "USAGOV");
  EXPECT_EQ(CodeOf("003", "Elizabeth Richards"), "USAGOV");
  EXPECT_EQ(CodeOf("003", "Vedant Patel"), "USAGOV");  // "State Department's ... Spokesperson"
  EXPECT_EQ(CodeOf("004", "Mohsin Naqvi"), "PAKGOV");
  EXPECT_EQ(CodeOf("004", "Natalie Baker"), "USAGOV");
}

TEST_F(SeedActors, OfficesAreReadWhereTheTextStatesThem) {
  const std::vector<json> bass = Mentions("000", "John Bass");
  ASSERT_FALSE(bass.empty());
  EXPECT_EQ(bass[0]["office"], "US Acting Under Secretary of State for Political Affairs");
  const std::vector<json> qazi = Mentions("002", "Syrus Qazi");
  ASSERT_FALSE(qazi.empty());
  EXPECT_NE(qazi[0]["office"].get<std::string>().find("Foreign Secretary"), std::string::npos);
}

TEST_F(SeedActors, MentionsOfOnePersonAreLinked) {
  // 001: "Mohammad Ishaq Dar" is one name (not "Mohammad" and "Ishaq Dar"), and "Dar" is him.
  const std::vector<json> full = Mentions("001", "Mohammad Ishaq Dar");
  const std::vector<json> dar = Mentions("001", "Dar");
  ASSERT_FALSE(full.empty());
  ASSERT_FALSE(dar.empty());
  EXPECT_EQ(dar[0]["person"], full[0]["person"]);
  // 002: "PM Shehbaz" is Shehbaz Sharif.
  const std::vector<json> shehbaz = Mentions("002", "Shehbaz");
  ASSERT_FALSE(shehbaz.empty());
  EXPECT_EQ(shehbaz[0]["name"], "Shehbaz Sharif");
  // 001: "the under secretary" is John Bass.
  const Doc& doc = seeds_->at("001");
  bool described = false;
  for (const Annotation& a : *doc.Layer("actor")) {
    json j = json::parse(a.attrs);
    if (j["mention"] == "description" && code::LowerAscii(doc.Slice(a.span)) == "the under secretary") {
      EXPECT_EQ(j["name"], "John Bass");
      described = true;
    }
  }
  EXPECT_TRUE(described);
}

TEST_F(SeedActors, DefinedAcronymsAreExpanded) {
  const Doc& doc = seeds_->at("000");
  const std::vector<Annotation>* acronyms = doc.Layer("acronym");
  ASSERT_NE(acronyms, nullptr);
  auto coas = std::find_if(acronyms->begin(), acronyms->end(), [](const Annotation& a) { return a.label == "COAS"; });
  ASSERT_NE(coas, acronyms->end());
  EXPECT_EQ(json::parse(coas->attrs)["expansion"], "Chief of Army Staff");
  // "ISLAMABAD (PEN)" in 002 defines nothing.
  for (const Annotation& a : *seeds_->at("002").Layer("acronym")) EXPECT_NE(a.label, "PEN");
}

TEST_F(SeedActors, OnePersonIsOneActorAcrossTheCorpus) {
  std::vector<Doc*> docs;
  for (auto& [name, doc] : *seeds_) docs.push_back(&doc);
  const code::ActorKnowledge knowledge = code::ActorKnowledge::Learn(docs);
  auto find = [&](const std::string& surname) {
    std::vector<const code::KnownPerson*> found;
    for (const code::KnownPerson& p : knowledge.people())
      if (p.name.ends_with(surname)) found.push_back(&p);
    return found;
  };
  const auto dar = find(" Dar");
  ASSERT_EQ(dar.size(), 1u);
  EXPECT_EQ(dar[0]->docs, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(dar[0]->code, "PAKGOV");
  const auto miller = find("Matthew Miller");
  ASSERT_EQ(miller.size(), 1u);
  EXPECT_EQ(miller[0]->docs, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(miller[0]->code, "USAGOV");
  EXPECT_FALSE(miller[0]->offices.empty());
}

// Articles written for this test: two name a leader with an office, the third names
// them bare, from a dateline in a third country.
TEST(CorpusKnowledge, ANameWithNoOfficeIsCodedFromOtherArticles) {
  testing::TempDir dir("knowledge");
  const std::map<std::string, std::string> texts = {
      {"a.txt", "US President Joe Biden spoke to reporters in Washington on Monday about trade.\n"},
      {"b.txt", "Chinese President Xi Jinping visited Moscow on Tuesday for talks on energy.\n"},
      {"c.txt", "LIMA — Joe Biden and Xi Jinping agreed on Saturday that their countries would keep talking.\n"}};
  for (const auto& [name, text] : texts) {
    std::ofstream out(dir.path() / name);
    out << text;
  }
  PipelineOptions options;
  options.threads = 1;
  auto pipeline = MakeDefaultPipeline(options);
  ASSERT_TRUE(pipeline.ok());
  std::map<std::string, Doc> docs;
  RecordSource source({dir.path().string()}, options.ingest);
  ASSERT_TRUE((*pipeline)
                  ->Run(source,
                        [&](std::vector<Outcome>& batch) {
                          for (Outcome& o : batch)
                            if (o.doc)
                              docs.emplace(std::filesystem::path(o.doc->origin().path).filename().string(),
                                           std::move(*o.doc));
                          return Status::Ok();
                        })
                  .ok());
  ASSERT_EQ(docs.size(), 3u);
  auto codes_of_agreement = [&] {
    std::set<std::string> codes;
    for (const Annotation& e : *docs.at("c.txt").Layer("events")) {
      const json attrs = json::parse(e.attrs);
      for (const json& a : attrs["sources"]) codes.insert(a["code"].get<std::string>());
    }
    return codes;
  };
  EXPECT_FALSE(codes_of_agreement().contains("USAGOV"));  // alone, c.txt does not say who they are

  std::vector<Doc*> ptrs = {&docs.at("c.txt"), &docs.at("a.txt"), &docs.at("b.txt")};
  auto result = Consolidate(ptrs);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->recoded, (std::vector<int>{0}));
  EXPECT_EQ(codes_of_agreement(), (std::set<std::string>{"USAGOV", "CHNGOV"}));
  // Each leader is one actor, seen in two articles, with the office read in one.
  for (const code::KnownPerson& p : result->actors.people()) {
    EXPECT_EQ(p.docs.size(), 2u) << p.name;
    EXPECT_EQ(p.offices.size(), 1u) << p.name;
  }
}

}  // namespace
}  // namespace sitrep
