#include "annotate/quotes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "annotate/entity_stage.h"
#include "annotate/paragraphs.h"
#include "annotate/quantity_stage.h"
#include "annotate/quote_stage.h"
#include "annotate/token_stage.h"
#include "sitrep/ingest.h"

namespace sitrep {
namespace {

void RunStages(Doc& doc) {
  EXPECT_TRUE(ParagraphStage().Process(doc).ok());
  EXPECT_TRUE(TokenStage().Process(doc).ok());
  EXPECT_TRUE(QuoteStage().Process(doc).ok());
}

Doc Annotate(const std::string& text) {
  Doc doc({}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), {});
  RunStages(doc);
  return doc;
}

// A quote of the layer with its spans as text, for readable expectations.
struct Q {
  std::string kind, content, cue, cue_lemma, speaker, mention, from;
  nlohmann::json attrs;
};

std::string Text(const Doc& doc, const nlohmann::json& span) {
  if (!span.is_array()) return "";
  return std::string(doc.Slice({span[0].get<uint32_t>(), span[1].get<uint32_t>()}));
}

std::vector<Q> Quotes(const Doc& doc) {
  std::vector<Q> out;
  for (const Annotation& a : *doc.Layer("quote")) {
    nlohmann::json j = nlohmann::json::parse(a.attrs);
    out.push_back({a.label, Text(doc, j["content"]), Text(doc, j["cue"]), j["cue_lemma"], Text(doc, j["speaker"]),
                   Text(doc, j["speaker_mention"]), j["speaker_from"], j});
  }
  return out;
}

const Q* WithContent(const std::vector<Q>& quotes, const std::string& part) {
  for (const Q& q : quotes)
    if (q.content.find(part) != std::string::npos) return &q;
  return nullptr;
}

TEST(Quotes, DirectWithTrailingCue) {
  Doc doc = Annotate("\u201CWe will not back down,\u201D the minister said on Tuesday.");
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[0].content, "\u201CWe will not back down,\u201D");
  EXPECT_EQ(q[0].cue, "said");
  EXPECT_EQ(q[0].cue_lemma, "say");
  EXPECT_EQ(q[0].speaker, "the minister");
  EXPECT_EQ(q[0].from, "subject");
  EXPECT_TRUE(q[0].attrs["speaker_entity"].is_null());
}

TEST(Quotes, InvertedSpeakerAndStraightQuotes) {
  Doc doc = Annotate("\"The talks went well,\" said Ahmed Khan, a senior official.");
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[0].speaker, "Ahmed Khan");
  EXPECT_EQ(q[0].from, "inverted-subject");
}

TEST(Quotes, LeadingCueWithColon) {
  Doc doc = Annotate("The spokesman for the ministry said: \u201COur position has not changed.\u201D");
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "direct");
  EXPECT_EQ(q[0].content, "\u201COur position has not changed.\u201D");
  EXPECT_EQ(q[0].speaker, "The spokesman for the ministry");
}

TEST(Quotes, QuoteOverSeveralSentences) {
  Doc doc = Annotate("\u201CThis is one sentence. This is another one,\u201D Khan told reporters.");
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].content, "\u201CThis is one sentence. This is another one,\u201D");
  EXPECT_EQ(q[0].cue_lemma, "tell");
  EXPECT_EQ(q[0].speaker, "Khan");
}

TEST(Quotes, DatelineIsNotASpeaker) {
  Doc doc = Annotate("ISLAMABAD: Pakistan’s foreign ministry said on Monday that talks with India would resume.");
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_NE(q[0].speaker, "ISLAMABAD");
  EXPECT_EQ(q[0].cue_lemma, "say");
  EXPECT_EQ(q[0].content, "that talks with India would resume");
  // In a headline, a short name before a colon still speaks.
  Doc headline = Annotate("Trump: I Will Win\n\nThe candidate spoke in Ohio on Monday.");
  ASSERT_FALSE(Quotes(headline).empty());
  EXPECT_EQ(Quotes(headline)[0].speaker, "Trump");
}

TEST(Quotes, MixedQuoteInsideReportedClause) {
  Doc doc = Annotate("The governor said the plan would \u201Cbring peace to the valley\u201D within a year.");
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "mixed");
  EXPECT_EQ(q[0].content, "the plan would \u201Cbring peace to the valley\u201D within a year");
  EXPECT_EQ(q[0].speaker, "The governor");
}

TEST(Quotes, ReportedSpeech) {
  Doc doc = Annotate(
      "Police chief Imran Aziz, speaking at a press conference, said that the suspects had fled across the border. "
      "The bridge was destroyed, according to local officials.");
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].kind, "indirect");
  EXPECT_EQ(q[0].speaker, "Police chief Imran Aziz");
  EXPECT_EQ(q[0].content, "that the suspects had fled across the border");
  EXPECT_EQ(q[1].cue_lemma, "according to");
  EXPECT_EQ(q[1].speaker, "local officials");
  EXPECT_EQ(q[1].from, "according-to");
  EXPECT_EQ(q[1].content, "The bridge was destroyed");
}

TEST(Quotes, ScareQuotesAreNotQuotations) {
  Doc doc = Annotate("The so-called \u201Cpeace dividend\u201D never arrived in the \u201Cnew\u201D districts.");
  EXPECT_TRUE(Quotes(doc).empty());
}

TEST(Quotes, PronounResolvedToTitledName) {
  Doc doc = Annotate(
      "Foreign Minister Sara Ahmed arrived in Kabul on Sunday for two days of talks.\n\n"
      "\u201CWe came to listen,\u201D she said.");
  auto q = Quotes(doc);
  const Q* listen = WithContent(q, "We came to listen");
  ASSERT_NE(listen, nullptr);
  EXPECT_EQ(listen->mention, "she");
  EXPECT_EQ(listen->from, "pronoun");
  EXPECT_EQ(listen->speaker, "Sara Ahmed");
}

TEST(Quotes, QuoteParagraphContinuesThePreviousSpeaker) {
  Doc doc = Annotate(
      "\u201CThe first part of the statement is here,\u201D Spokesman Omar Rauf said.\n\n"
      "\u201CA second paragraph carries on with the statement at some length.\u201D\n\n"
      "Rauf said: \u201CA quote that runs on\n\n"
      "\u201Cand is closed in the paragraph after.\u201D");
  auto q = Quotes(doc);
  const Q* second = WithContent(q, "A second paragraph");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->from, "previous-quote");
  EXPECT_EQ(second->speaker, "Spokesman Omar Rauf");
  EXPECT_TRUE(second->attrs["cue"].is_null());
  EXPECT_EQ(Text(doc, second->attrs["continues"]), "\u201CThe first part of the statement is here,\u201D");
  const Q* runs = WithContent(q, "A quote that runs on");
  ASSERT_NE(runs, nullptr);
  EXPECT_EQ(runs->speaker, "Rauf");
  const Q* closed = WithContent(q, "and is closed");
  ASSERT_NE(closed, nullptr);
  EXPECT_EQ(closed->from, "previous-quote");
  EXPECT_EQ(closed->speaker, "Rauf");
}

TEST(Quotes, InterruptedQuoteSharesItsCue) {
  Doc doc = Annotate("\u201CWe are ready,\u201D Khan said, \u201Cbut the other side is not.\u201D");
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].speaker, "Khan");
  EXPECT_EQ(q[1].speaker, "Khan");
  EXPECT_EQ(q[0].attrs["cue"], q[1].attrs["cue"]);
}

TEST(Quotes, UnbalancedMarksWarnAndNeverCrash) {
  Doc doc = Annotate(
      "He said \u201Cthis is wrong and more words follow here.\n\nAnother \u201D paragraph \u201D.\n\n"
      "A third \u201C one \u201C and \" another \" \" \".");
  const auto* warnings = doc.Layer("quote_warning");
  ASSERT_NE(warnings, nullptr);
  EXPECT_FALSE(warnings->empty());
  bool summary = false;
  for (const Annotation& w : *warnings) summary |= w.label.find("unbalanced") != std::string::npos;
  EXPECT_TRUE(summary);
  // Every quote the layer does hold points inside the text.
  for (const Annotation& a : *doc.Layer("quote")) EXPECT_LE(a.span.end, doc.text().size());

  std::string marks;
  for (int i = 0; i < 5000; ++i) marks += i % 3 ? "\u201C " : "word \u201D ";
  Doc many = Annotate(marks);
  EXPECT_NE(many.Layer("quote_warning"), nullptr);
  Doc empty = Annotate("");
  EXPECT_TRUE(Quotes(empty).empty());
}

// Documents made of the pieces that steer the quote and quantity readers, shuffled:
// every run must end, and every span must lie inside the text.
TEST(Quotes, RandomDocumentsStayInBounds) {
  const std::vector<std::string> pieces = {
      "\u201C", "\u201D", "\"", "''", "said", "told", "according to", ",", ".", ":", "\n\n", "he", "she",
      "Minister Ali Khan", "that", "and", "but", "who", "the", "report", "over", "50", "1,524", "dozens of",
      "people", "killed", "attacks", "at least", "four", "1234567890123456789012345678901234567890", "-",
      "\u2014", "(", ")", "Rauf", "says", "adding", "called", "for", "on Monday", "\u00A0", "\xC3", "\xE2\x80"};
  std::mt19937 random(20240917);
  for (int doc_no = 0; doc_no < 300; ++doc_no) {
    std::string text;
    int n = static_cast<int>(random() % 400);
    for (int i = 0; i < n; ++i) {
      text += pieces[random() % pieces.size()];
      text += random() % 4 ? " " : "";
    }
    Doc doc = Annotate(text);
    ASSERT_TRUE(QuantityStage().Process(doc).ok());
    for (const char* layer : {"quote", "quantity"})
      for (const Annotation& a : *doc.Layer(layer)) {
        EXPECT_LE(a.span.begin, a.span.end);
        EXPECT_LE(a.span.end, doc.text().size());
        EXPECT_FALSE(nlohmann::json::parse(a.attrs, nullptr, false).is_discarded());
      }
  }
}

TEST(Quotes, UsesTheParseWhenThereIsOne) {
  std::string text = "Officials in Kabul said the road was closed.";
  Doc doc({}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), {});
  ASSERT_TRUE(ParagraphStage().Process(doc).ok());
  ASSERT_TRUE(TokenStage().Process(doc).ok());
  auto& t = doc.mutable_tokens();
  ASSERT_EQ(t.size(), 9u);
  // Officials in Kabul said the road was closed .
  const char* upos[] = {"NOUN", "ADP", "PROPN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"};
  const int heads[] = {3, 2, 0, -1, 5, 7, 7, 3, 3};
  const char* rels[] = {"nsubj", "case", "nmod", "root", "det", "nsubj:pass", "aux:pass", "ccomp", "punct"};
  for (size_t i = 0; i < t.size(); ++i) {
    t[i].upos = upos[i];
    t[i].head = heads[i];
    t[i].deprel = rels[i];
  }
  ASSERT_TRUE(QuoteStage().Process(doc).ok());
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Officials in Kabul");
  EXPECT_EQ(q[0].content, "the road was closed");
}

TEST(Quotes, PollOpeningTheSentenceIsTheSource) {
  auto q = Quotes(Annotate("In a Des Moines Register poll released Monday, Cruz had a 10-point lead over Trump."));
  const Q* poll = WithContent(q, "Cruz had a 10-point lead");
  ASSERT_NE(poll, nullptr);
  EXPECT_EQ(poll->cue, "In");
  EXPECT_EQ(poll->mention, "a Des Moines Register poll");
  EXPECT_EQ(poll->from, "poll");
  // A poll at the end is where a lead stands, and a statement is no poll.
  EXPECT_TRUE(Quotes(Annotate("Cruz has a strong lead over Trump in the latest poll.")).empty());
  auto statement = Quotes(Annotate("In a statement released Monday, the senator said the vote was rigged."));
  ASSERT_EQ(statement.size(), 1u);
  EXPECT_EQ(statement[0].cue, "said");
}

TEST(Quotes, QuoteInsideATrailingCuesContentIsMixed) {
  auto q = Quotes(Annotate(
      "\u201CFor teachers, he is saying a lot of the right things\u201D about fixing inequality, said Marla "
      "Kilfoyle, a union leader."));
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, "mixed");
  EXPECT_EQ(q[0].speaker, "Marla Kilfoyle");
  EXPECT_NE(q[0].content.find("about fixing inequality"), std::string::npos);
}

TEST(Quotes, ColonAfterANameLabelsTheQuote) {
  std::string text = "Frank Newport and Jim Harter: \u201CWe found that leadership matters.\u201D";
  Doc doc({}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), {});
  ASSERT_TRUE(ParagraphStage().Process(doc).ok());
  ASSERT_TRUE(TokenStage().Process(doc).ok());
  auto& t = doc.mutable_tokens();
  ASSERT_EQ(t.size(), 14u);
  // Frank Newport and Jim Harter : “ We found that leadership matters . ”
  const char* upos[] = {"PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PUNCT", "PUNCT",
                        "PRON",  "VERB",  "SCONJ", "NOUN",  "VERB",  "PUNCT", "PUNCT"};
  const int heads[] = {1, -1, 4, 4, 1, 1, 8, 8, 1, 11, 11, 8, 8, 8};
  const char* rels[] = {"flat", "root", "cc", "flat", "conj", "punct", "punct",
                        "nsubj", "parataxis", "mark", "nsubj", "ccomp", "punct", "punct"};
  for (size_t i = 0; i < t.size(); ++i) {
    t[i].upos = upos[i];
    t[i].head = heads[i];
    t[i].deprel = rels[i];
  }
  ASSERT_TRUE(QuoteStage().Process(doc).ok());
  auto q = Quotes(doc);
  const Q* labelled = WithContent(q, "We found");
  ASSERT_NE(labelled, nullptr);
  EXPECT_EQ(labelled->kind, "direct");
  EXPECT_EQ(labelled->cue, ":");
  EXPECT_EQ(labelled->speaker, "Frank Newport and Jim Harter");
}

TEST(Quotes, EntitySeamFillsSpeakerEntity) {
  Doc doc = Annotate("\u201CWe will not back down,\u201D the minister said.");
  ResolveSpeakerEntities(doc, [&](Span speaker) -> std::optional<std::string> {
    return doc.Slice(speaker) == "the minister" ? std::optional<std::string>("XXXGOV") : std::nullopt;
  });
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].attrs["speaker_actor"], "XXXGOV");
}

// An entity layer written by hand around the tokens, as the entities stage would.
Doc AnnotateWithEntities(const std::string& text, const std::vector<std::pair<std::string, std::string>>& ents) {
  Doc doc({}, text, text, OffsetMap::Identity(static_cast<uint32_t>(text.size())), {});
  EXPECT_TRUE(ParagraphStage().Process(doc).ok());
  EXPECT_TRUE(TokenStage().Process(doc).ok());
  std::vector<Annotation> layer;
  for (const auto& [words, label] : ents) {
    size_t at = text.find(words);
    EXPECT_NE(at, std::string::npos) << words;
    layer.push_back({{static_cast<uint32_t>(at), static_cast<uint32_t>(at + words.size())}, label, "{}"});
  }
  std::sort(layer.begin(), layer.end(), [](const Annotation& a, const Annotation& b) { return a.span.begin < b.span.begin; });
  doc.SetLayer("entity", layer);
  EXPECT_TRUE(QuoteStage(/*with_entities=*/true).Process(doc).ok());
  return doc;
}

TEST(QuoteSpeakers, NamedSpeakerPrefersThePerson) {
  Doc doc = AnnotateWithEntities(
      "The State Department spokesperson Matthew Miller said the talks would resume next week.",
      {{"State Department", "ORG"}, {"Matthew Miller", "PER"}});
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 1u);
  ASSERT_TRUE(q[0].attrs["speaker_entity"].is_object());
  EXPECT_EQ(q[0].attrs["speaker_entity"]["text"], "Matthew Miller");
  EXPECT_EQ(q[0].attrs["speaker_entity"]["label"], "PER");
}

TEST(QuoteSpeakers, PronounTakesTheNearestPersonBefore) {
  Doc doc = AnnotateWithEntities(
      "Ishaq Dar met officials from the United Nations on Monday.\n\n\u201CWe will not accept this,\u201D he said.",
      {{"Ishaq Dar", "PER"}, {"United Nations", "ORG"}});
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].mention, "he");
  ASSERT_TRUE(q[0].attrs["speaker_entity"].is_object());
  EXPECT_EQ(q[0].attrs["speaker_entity"]["text"], "Ishaq Dar");
}

TEST(QuoteSpeakers, NoEntityForAnUnnamedSpeaker) {
  Doc doc = AnnotateWithEntities("A senior official said the road was closed after the attack in Quetta.",
                                 {{"Quetta", "LOC"}});
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_TRUE(q[0].attrs["speaker_entity"].is_null());
}

TEST(Quotes, TellTakesAnAddresseeBeforeItsClause) {
  Doc doc = Annotate("The senator told reporters that he would vote against the bill.");
  auto q = Quotes(doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "The senator");
  EXPECT_EQ(q[0].cue, "told");
}

}  // namespace
}  // namespace sitrep
