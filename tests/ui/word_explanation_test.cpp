// The explain popup's text, for WordPiece steps and BPE merges, from the real tokenizers too.
#include "ui/word_explanation.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace as::ui {
namespace {

TEST(WordExplanation, WordPieceListsTheCandidatesTried) {
  WordExplanation e;
  e.word = "playing";
  e.pieces = {"play", "##ing"};
  e.wordpiece_steps = {{0, 7, "playing", false}, {0, 4, "play", true}, {4, 7, "##ing", true}};
  const std::string html = explanation_html(e, false);
  EXPECT_NE(html.find("<code>playing</code>"), std::string::npos);
  EXPECT_NE(html.find("✗ not in the vocabulary"), std::string::npos);
  EXPECT_NE(html.find("<code>##ing</code></td><td><b style=\"color:#1b7a1b\">✓"), std::string::npos);
  EXPECT_NE(html.find("<b>Result:</b> <code>play</code> <code>##ing</code>"), std::string::npos);
}

TEST(WordExplanation, BpeListsMergesReadably) {
  WordExplanation e;
  e.word = "Ġcat";
  e.initial_symbols = {"Ġ", "c", "a", "t"};
  e.merges = {{"a", "t", 7, {"Ġ", "c", "at"}}, {"Ġ", "c", 12, {"Ġc", "at"}}};
  e.pieces = {"Ġc", "at"};
  const std::string html = explanation_html(e, true);
  EXPECT_NE(html.find("How <code>␣cat</code> was split"), std::string::npos);  // Ġ is a space
  EXPECT_NE(html.find("rank 7"), std::string::npos);
  EXPECT_NE(html.find("<b>Result:</b> <code>␣c</code> <code>at</code>"), std::string::npos);
}

TEST(WordExplanation, SpecialTokensAreNeverSplit) {
  const WordExplanation e{"[SEP]", {"[SEP]"}, {}, {}, {}};
  EXPECT_NE(explanation_html(e, false).find("never split"), std::string::npos);
}

TEST(WordExplanation, RealTokenizersExplainKoreanAndLongWords) {
  AS_REQUIRE_SHARED();
  const auto gpt2 = load_tokenizer(as::test::models_dir() / "random-gpt2-L4-H256", "gpt2");
  const auto words = gpt2->explain(" 서울");
  ASSERT_FALSE(words.empty());
  const std::string html = explanation_html(words.front(), true);
  EXPECT_NE(html.find("서"), std::string::npos) << html;  // readable, not "ìĦľ"
  const auto bert = load_tokenizer(as::test::models_dir() / "random-bert-uncased-L4-H256", "bert");
  const auto bert_words = bert->explain("unaffable");
  ASSERT_EQ(bert_words.size(), 1u);
  EXPECT_NE(explanation_html(bert_words.front(), false).find("✓"), std::string::npos);
}

}  // namespace
}  // namespace as::ui
