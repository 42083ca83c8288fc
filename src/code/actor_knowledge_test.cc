#include "code/actor_knowledge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

namespace sitrep::code {
namespace {

// A document that names one person, with the actor layer the actor stage would write.
Doc Naming(const std::string& name, const std::string& code, const std::string& how, double confidence) {
  const std::string text = name + " spoke.";
  Doc doc({}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), {});
  nlohmann::json attrs = {{"person", 0},
                          {"name", name},
                          {"code", code},
                          {"how", how},
                          {"office", code.empty() ? "" : "Minister"},
                          {"confidence", confidence},
                          {"mention", "name"}};
  doc.SetLayer("actor", {Annotation{Span{0, static_cast<uint32_t>(name.size())}, "PER", attrs.dump()}});
  return doc;
}

std::set<std::string> People(const ActorKnowledge& k) {
  std::set<std::string> out;
  for (const KnownPerson& p : k.people()) out.insert(p.name + "/" + p.code + "/" + std::to_string(p.docs.size()));
  return out;
}

TEST(ActorKnowledge, OnePersonPerNameAndCountry) {
  std::vector<Doc> docs;
  docs.push_back(Naming("Ali Khan", "PAKGOV", "phrase", 0.9));
  docs.push_back(Naming("Ali Khan", "AFGGOV", "phrase", 0.9));
  docs.push_back(Naming("Khan", "", "", 0));                           // two Ali Khans fit: neither
  docs.push_back(Naming("Joe Biden", "PERGOV", "home-country", 0.4));  // "LIMA — President Joe Biden"
  docs.push_back(Naming("Joe Biden", "USAGOV", "phrase", 0.9));
  docs.push_back(Naming("Mohammad Ishaq Dar", "PAKGOV", "phrase", 0.9));
  docs.push_back(Naming("Ishaq Dar", "", "", 0));
  std::vector<Doc*> ptrs;
  for (Doc& d : docs) ptrs.push_back(&d);
  const ActorKnowledge k = ActorKnowledge::Learn(ptrs);
  EXPECT_EQ(People(k), (std::set<std::string>{"Ali Khan/PAKGOV/1", "Ali Khan/AFGGOV/1", "Khan//1", "Joe Biden/USAGOV/2",
                                              "Mohammad Ishaq Dar/PAKGOV/2"}));
  // What the corpus tells the articles that name them without an office.
  EXPECT_EQ(k.KnownNames(3), (NameCodes{{"biden", "USAGOV"}, {"joe", "USAGOV"}}));
  EXPECT_EQ(k.KnownNames(6), (NameCodes{{"dar", "PAKGOV"}, {"ishaq", "PAKGOV"}}));
  EXPECT_TRUE(k.KnownNames(2).empty());
  EXPECT_TRUE(k.KnownNames(4).empty());  // stated there already

  // The same people whatever the order of the documents.
  std::reverse(ptrs.begin(), ptrs.end());
  EXPECT_EQ(People(ActorKnowledge::Learn(ptrs)), People(k));
}

}  // namespace
}  // namespace sitrep::code
