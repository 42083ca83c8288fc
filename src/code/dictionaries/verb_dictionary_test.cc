// The reader of PETRARCH-2 and TABARI verb dictionaries, on small dictionaries written
// for these tests.
#include "code/dictionaries/verb_dictionary.h"

#include <gtest/gtest.h>

namespace sitrep::code::dictionaries {
namespace {

bool HasWarning(const std::vector<std::string>& warnings, const std::string& part) {
  for (const std::string& w : warnings)
    if (w.find(part) != std::string::npos) return true;
  return false;
}

std::string Words(const std::vector<VerbToken>& tokens) {
  std::string out;
  for (const VerbToken& t : tokens) {
    if (!out.empty()) out += ' ';
    if (t.adjacent) out += '_';
    switch (t.kind) {
      case VerbToken::Kind::kSource: out += '$'; break;
      case VerbToken::Kind::kTarget: out += '+'; break;
      case VerbToken::Kind::kCompound: out += '%'; break;
      case VerbToken::Kind::kSkip: out += '^'; break;
      default: out += t.word + (t.stem ? "~" : "");
    }
  }
  return out;
}

constexpr char kPetrarchVerbs[] =
    "# a verb file in the PETRARCH-2 style\n"
    "&MONEY\n"
    "+CASH\n"
    "+HARD_CURRENCY\n"
    "\n"
    "--- PLEDGE [051] ---\n"
    "PLEDGE\n"
    "VOW {VOWS VOWED VOWING} [050]\n"
    "+HAND_OVER {+HANDED_OVER +HANDS_OVER}\n"
    "- * (FOR {CEASE FIRE})  [0356]  # a prepositional phrase\n"
    "- * &MONEY  [071]\n"
    "- $ * (TO +) [057:058]\n"
    "- * [bad code!x]\n"
    "* (WITHOUT DASH) [010]\n"
    "- * UNKNOWN &NOSUCHSET [010]\n"
    "~ a (a b PLEDGE) SAY = a b 138\n"
    "\n"
    "--- DENOUNCE [---] ---\n"
    "DENOUNCE\n"
    "- % * [110]\n";

TEST(VerbDictionaryTest, ReadsPetrarchBlocks) {
  VerbDictionary d;
  std::vector<std::string> warnings;
  d.Add(kPetrarchVerbs, "test.verbs", &warnings);
  EXPECT_EQ(d.entries(), 4u);

  auto pledge = d.Candidates("pledged", "pledge");
  ASSERT_EQ(pledge.size(), 1u);
  EXPECT_EQ(pledge[0]->code.code, "051");
  const auto& patterns = d.Patterns(*pledge[0]);
  // Synonym sets are expanded: CASH and HARD CURRENCY; longest patterns first.
  ASSERT_EQ(patterns.size(), 4u);
  EXPECT_EQ(Words(patterns[0].after), "for cease fire");  // as long as the next: file order
  EXPECT_EQ(patterns[0].code.code, "0356");
  EXPECT_EQ(Words(patterns[1].after), "hard _currency");
  EXPECT_EQ(patterns[1].code.code, "071");
  // "$ * (TO +)": a designated source and target, and a paired code.
  const VerbPattern* paired = nullptr;
  for (const VerbPattern& p : patterns)
    if (p.code.code == "057") paired = &p;
  ASSERT_NE(paired, nullptr);
  EXPECT_EQ(Words(paired->before), "$");
  EXPECT_EQ(Words(paired->after), "to +");
  EXPECT_EQ(paired->code.paired, "058");

  // A verb line's own code wins over the block's; its irregular forms are looked up.
  auto vowed = d.Candidates("vowed", "vow");
  ASSERT_EQ(vowed.size(), 1u);
  EXPECT_EQ(vowed[0]->code.code, "050");
  EXPECT_EQ(&d.Patterns(*vowed[0]), &d.Patterns(*pledge[0]));  // the block's patterns
  // A multi-word verb: the "+" word is the verb, the other words must follow it.
  auto handed = d.Candidates("handed", "hand");
  ASSERT_EQ(handed.size(), 1u);
  EXPECT_EQ(Words(handed[0]->after), "_over");

  auto denounce = d.Candidates("denounce", "denounce");
  ASSERT_EQ(denounce.size(), 1u);
  EXPECT_TRUE(denounce[0]->code.null());
  ASSERT_EQ(d.Patterns(*denounce[0]).size(), 1u);
  EXPECT_EQ(Words(d.Patterns(*denounce[0])[0].before), "%");

  // Malformed lines are warnings with the file and line; the rest loaded.
  EXPECT_TRUE(HasWarning(warnings, "test.verbs:13: ")) << ::testing::PrintToString(warnings);  // bad code
  EXPECT_TRUE(HasWarning(warnings, "test.verbs:14: ")) << ::testing::PrintToString(warnings);  // no "-"
  EXPECT_TRUE(HasWarning(warnings, "test.verbs:15: unknown synonym set &NOSUCHSET"))
      << ::testing::PrintToString(warnings);
  EXPECT_EQ(warnings.size(), 3u) << ::testing::PrintToString(warnings);
}

constexpr char kTabariVerbs[] =
    "<SYNSETS>\n"
    "&TIES\n"
    "+MILITARY\n"
    "+TRADE\n"
    "</SYNSETS>\n"
    "<TIME>\n"
    "YESTERDAY [-1]\n"
    "</TIME>\n"
    "RESTOR  [---] ;a stem\n"
    "- * { FULL | DIPLOMATIC }_TIES  [064]\n"
    "- * &TIES LINKS [065]\n"
    "- + WAS * BY_$  [066]\n"
    "BREAK_ [1717]\n"
    "{ BROKE_ BROKEN_ }\n"
    "- IN_* [075]\n"
    "BURN DOWN  [222]\n"
    "ACCUSE  [112\n"
    "~FINISH\n"
    "IGNORED [999]\n";

TEST(VerbDictionaryTest, ReadsTabariVerbs) {
  VerbDictionary d;
  std::vector<std::string> warnings;
  d.Add(kTabariVerbs, "demo.verbs", &warnings);
  EXPECT_EQ(d.entries(), 3u);
  // A root without "_" is a stem.
  auto restored = d.Candidates("restored", "restore");
  ASSERT_EQ(restored.size(), 1u);
  EXPECT_TRUE(restored[0]->code.null());
  const auto& patterns = d.Patterns(*restored[0]);
  ASSERT_EQ(patterns.size(), 5u);
  EXPECT_EQ(Words(patterns[0].after), "diplomatic~ _ties~");  // the longest alternative first
  EXPECT_EQ(patterns[0].code.code, "064");

  auto broke = d.Candidates("broke", "break");
  ASSERT_EQ(broke.size(), 1u);
  EXPECT_FALSE(broke[0]->stem);
  ASSERT_EQ(d.Patterns(*broke[0]).size(), 1u);
  EXPECT_TRUE(d.Patterns(*broke[0])[0].verb_adjacent);
  EXPECT_EQ(d.Candidates("breaking", "").size(), 1u);  // a regular ending (TABARI 5.2.3)
  EXPECT_TRUE(d.Candidates("breakfast", "breakfast").empty());  // BREAK_ is no stem

  auto burn = d.Candidates("burned", "burn");
  ASSERT_EQ(burn.size(), 1u);
  EXPECT_EQ(Words(burn[0]->after), "down~");
  EXPECT_EQ(burn[0]->code.code, "222");

  EXPECT_TRUE(HasWarning(warnings, "demo.verbs:17: missing ] after [")) << ::testing::PrintToString(warnings);
  EXPECT_EQ(warnings.size(), 1u) << ::testing::PrintToString(warnings);
  EXPECT_TRUE(d.Candidates("ignored", "ignore").empty());  // after ~FINISH
}

TEST(VerbDictionaryTest, MissingFileIsAnError) {
  VerbDictionary d;
  std::vector<std::string> warnings;
  Status s = d.Load("/nonexistent/dir/x.verbs", &warnings);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("/nonexistent/dir/x.verbs"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::code::dictionaries
