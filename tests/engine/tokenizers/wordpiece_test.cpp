// WordPiece behaviour beyond the golden ids: offsets into the original text (derived by hand from
// the code points of each input), word indices, explain(), invalid UTF-8, truncation, decoding.
#include <gtest/gtest.h>

#include "engine/tokenizers/tokenizer_test_util.h"
#include "tokenizers/wordpiece.h"

namespace {

using as::test::Expected;
using as::test::expect_tokens;
using as::test::without_specials;

TEST(WordPieceOffsets, PrecomposedAccentsSpanTheirCharacters) {
  AS_REQUIRE_SHARED();
  // C0 a1 f2 é3 _4 n5 a6 ï7 v8 e9 _10 r11 é12 s13 u14 m15 é16
  const auto e = as::test::bert_uncased().encode("Caf\u00e9 na\u00efve r\u00e9sum\u00e9", without_specials());
  expect_tokens(e, {{"cafe", 0, 4}, {"naive", 5, 10}, {"resume", 11, 17}});
}

TEST(WordPieceOffsets, DecomposedAccentsKeepTheirCombiningMarksInTheSpan) {
  AS_REQUIRE_SHARED();
  // C0 a1 f2 e3 ◌́4 _5 n6 a7 i8 ◌̈9 v10 e11 _12 r13 e14 ◌́15 s16 u17 m18 e19 ◌́20
  const auto e =
      as::test::bert_uncased().encode("Cafe\u0301 nai\u0308ve re\u0301sume\u0301", without_specials());
  expect_tokens(e, {{"cafe", 0, 5}, {"naive", 6, 12}, {"resume", 13, 21}});
}

TEST(WordPieceOffsets, DottedCapitalIExpandsButSpansOneCharacter) {
  AS_REQUIRE_SHARED();
  // İ lower-cases to "i" + U+0307 (both from character 0); the mark is stripped.
  const auto e = as::test::bert_uncased().encode("\u0130stanbul", without_specials());
  expect_tokens(e, {{"istanbul", 0, 8}});
}

TEST(WordPieceOffsets, HangulJamoPiecesSpanTheirSyllable) {
  AS_REQUIRE_SHARED();
  // Uncased: NFD splits each syllable into jamo; every jamo piece points back to its syllable.
  // 이0 순1 신2 은3 _4 조5 선6
  const auto e = as::test::bert_uncased().encode("\uc774\uc21c\uc2e0\uc740 \uc870\uc120", without_specials());
  expect_tokens(e, {{"\u110b", 0, 1},    {"##\u1175", 0, 1}, {"##\u1109", 1, 2}, {"##\u116e", 1, 2},
                    {"##\u11ab", 1, 2},  {"##\u1109", 2, 3}, {"##\u1175", 2, 3}, {"##\u11ab", 2, 3},
                    {"##\u110b", 3, 4},  {"##\u1173", 3, 4}, {"##\u11ab", 3, 4}, {"\u110c", 5, 6},
                    {"##\u1169", 5, 6},  {"##\u1109", 6, 7}, {"##\u1165", 6, 7}, {"##\u11ab", 6, 7}});
  EXPECT_EQ(e.tokens[0].word, 0);
  EXPECT_EQ(e.tokens[10].word, 0);
  EXPECT_EQ(e.tokens[11].word, 1);
  EXPECT_FALSE(e.tokens[0].continuation);
  EXPECT_TRUE(e.tokens[1].continuation);
}

TEST(WordPieceOffsets, CasedHangulKeepsSyllables) {
  AS_REQUIRE_SHARED();
  const auto e = as::test::mbert().encode("\uc774\uc21c\uc2e0\uc740", without_specials());
  expect_tokens(e, {{"\uc774", 0, 1}, {"##\uc21c", 1, 2}, {"##\uc2e0", 2, 3}, {"##\uc740", 3, 4}});
}

TEST(WordPieceOffsets, CjkIdeographsAreWordsOfTheirOwn) {
  AS_REQUIRE_SHARED();
  const auto e = as::test::bert_uncased().encode("\u5317\u4eac\u6b22\u8fce\u4f60", without_specials());
  expect_tokens(e, {{"\u5317", 0, 1}, {"\u4eac", 1, 2}, {"[UNK]", 2, 3}, {"[UNK]", 3, 4}, {"[UNK]", 4, 5}});
  for (int i = 0; i < 5; ++i) EXPECT_EQ(e.tokens[static_cast<size_t>(i)].word, i);
}

TEST(WordPieceOffsets, EmojiWordBecomesOneUnknownToken) {
  AS_REQUIRE_SHARED();
  // I0 _1 l2 o3 v4 e5 _6 p7 i8 z9 z10 a11 _12 🍕13 🍕14 !15 (each emoji is one code point)
  const auto e = as::test::bert_uncased().encode("I love pizza \U0001F355\U0001F355!", without_specials());
  expect_tokens(e, {{"i", 0, 1}, {"love", 2, 6}, {"pizza", 7, 12}, {"[UNK]", 13, 15}, {"!", 15, 16}});
}

TEST(WordPieceOffsets, WhitespaceRunsAreSkipped) {
  AS_REQUIRE_SHARED();
  // _0 _1 h2 e3 l4 l5 o6 _7 \t8 \n9 _10 w11 o12 r13 l14 d15 _16 _17
  const auto e = as::test::bert_uncased().encode("  hello \t\n world  ", without_specials());
  expect_tokens(e, {{"hello", 2, 7}, {"world", 11, 16}});
}

TEST(WordPieceOffsets, SpecialTokensGetEmptySpansAndTypedOnesTheirOwn) {
  AS_REQUIRE_SHARED();
  // T0 h1 e2 _3 [4 M5 A6 S7 K8 ]9 .10
  const auto e = as::test::bert_uncased().encode("The [MASK].");
  expect_tokens(e, {{"[CLS]", 0, 0}, {"the", 0, 3}, {"[MASK]", 4, 10}, {".", 10, 11}, {"[SEP]", 0, 0}});
  EXPECT_TRUE(e.tokens[0].special);
  EXPECT_EQ(e.tokens[0].word, -1);
  EXPECT_TRUE(e.tokens[2].special);
  EXPECT_EQ(e.tokens[2].id, 103);
  EXPECT_EQ(e.tokens[2].word, 1);
  EXPECT_EQ(e.tokens[3].word, 2);
  EXPECT_FALSE(e.tokens[1].special);
}

TEST(WordPieceOffsets, ContinuationPiecesSplitTheWordSpan) {
  AS_REQUIRE_SHARED();
  // t0 o1 k2 e3 n4 i5 z6 a7 t8 i9 o10 n11
  const auto e = as::test::bert_uncased().encode("tokenization", without_specials());
  expect_tokens(e, {{"token", 0, 5}, {"##ization", 5, 12}});
  EXPECT_FALSE(e.tokens[0].continuation);
  EXPECT_TRUE(e.tokens[1].continuation);
  EXPECT_EQ(e.tokens[0].word, e.tokens[1].word);
}

TEST(WordPieceExplain, PlayingIsOneWholeWordMatch) {
  AS_REQUIRE_SHARED();
  const auto words = as::test::bert_uncased().explain("playing");
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(words[0].word, "playing");
  EXPECT_EQ(words[0].pieces, std::vector<std::string>{"playing"});
  ASSERT_EQ(words[0].wordpiece_steps.size(), 1u);
  EXPECT_EQ(words[0].wordpiece_steps[0].candidate, "playing");
  EXPECT_EQ(words[0].wordpiece_steps[0].start, 0);
  EXPECT_EQ(words[0].wordpiece_steps[0].end, 7);
  EXPECT_TRUE(words[0].wordpiece_steps[0].matched);
}

TEST(WordPieceExplain, UnaffableListsEveryCandidateTried) {
  AS_REQUIRE_SHARED();
  // Derived by hand from vocab.txt: "una" (14477), "##ffa" (20961) and "##ble" (3468) exist,
  // none of the longer candidates does.
  const auto words = as::test::bert_uncased().explain("unaffable");
  ASSERT_EQ(words.size(), 1u);
  EXPECT_EQ(words[0].pieces, (std::vector<std::string>{"una", "##ffa", "##ble"}));
  const std::vector<std::tuple<std::string, int64_t, int64_t, bool>> expected = {
      {"unaffable", 0, 9, false}, {"unaffabl", 0, 8, false}, {"unaffab", 0, 7, false}, {"unaffa", 0, 6, false},
      {"unaff", 0, 5, false},     {"unaf", 0, 4, false},     {"una", 0, 3, true},      {"##ffable", 3, 9, false},
      {"##ffabl", 3, 8, false},   {"##ffab", 3, 7, false},   {"##ffa", 3, 6, true},    {"##ble", 6, 9, true}};
  ASSERT_EQ(words[0].wordpiece_steps.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& step = words[0].wordpiece_steps[i];
    EXPECT_EQ(step.candidate, std::get<0>(expected[i])) << i;
    EXPECT_EQ(step.start, std::get<1>(expected[i])) << i;
    EXPECT_EQ(step.end, std::get<2>(expected[i])) << i;
    EXPECT_EQ(step.matched, std::get<3>(expected[i])) << i;
  }
}

TEST(WordPieceExplain, WordsFollowPunctuationSplitting) {
  AS_REQUIRE_SHARED();
  const auto words = as::test::bert_uncased().explain("Hello, World!");
  ASSERT_EQ(words.size(), 4u);
  EXPECT_EQ(words[0].word, "hello");
  EXPECT_EQ(words[1].word, ",");
  EXPECT_EQ(words[2].word, "world");
  EXPECT_EQ(words[3].word, "!");
}

TEST(WordPieceInvalidUtf8, ReplacedAndWarnedNeverThrown) {
  AS_REQUIRE_SHARED();
  // "hello\xFF world": the byte becomes U+FFFD (character 5), which BERT's clean-up drops.
  const auto e = as::test::bert_uncased().encode("hello\xFF world", without_specials());
  expect_tokens(e, {{"hello", 0, 5}, {"world", 7, 12}});
  ASSERT_EQ(e.warnings.size(), 1u);
  EXPECT_NE(e.warnings[0].find("U+FFFD"), std::string::npos) << e.warnings[0];
  // Truncated and overlong sequences, lone continuation bytes, a surrogate: still no exception.
  const auto garbage = as::test::bert_uncased().encode("\xE3\x81 a \xC0\xAF b \x80\x80 \xED\xA0\x80 c \xF4\x90\x80\x80");
  EXPECT_EQ(garbage.ids(), (std::vector<int32_t>{101, 1037, 1038, 1039, 102}));
  EXPECT_FALSE(garbage.warnings.empty());
}

TEST(WordPieceTruncation, SingleTextLosesItsTailWithAWarning) {
  AS_REQUIRE_SHARED();
  as::EncodeOptions options;
  options.max_length = 5;
  // 5 words + [CLS] + [SEP] = 7 tokens -> 2 dropped.
  const auto e = as::test::bert_uncased().encode("the quick brown fox jumps", options);
  EXPECT_EQ(e.ids(), (std::vector<int32_t>{101, 1996, 4248, 2829, 102}));
  EXPECT_EQ(e.dropped_tokens, 2);
  ASSERT_EQ(e.warnings.size(), 1u);
  EXPECT_NE(e.warnings[0].find("dropped 2"), std::string::npos) << e.warnings[0];
}

TEST(WordPieceTruncation, PairsAreTruncatedLongestFirst) {
  AS_REQUIRE_SHARED();
  as::EncodeOptions options;
  options.max_length = 7;
  // A has 4 tokens, B 2: 9 in all with [CLS] [SEP] [SEP]; both removals hit the longer A.
  auto e = as::test::bert_uncased().encode_pair("the quick brown fox", "hello world", options);
  EXPECT_EQ(e.ids(), (std::vector<int32_t>{101, 1996, 4248, 102, 7592, 2088, 102}));
  EXPECT_EQ(e.token_type_ids, (std::vector<int32_t>{0, 0, 0, 0, 1, 1, 1}));
  EXPECT_EQ(e.dropped_tokens, 2);
  // 3 and 3: a tie removes from the second text first (HF: len(ids) > len(pair_ids) is false).
  e = as::test::bert_uncased().encode_pair("the quick brown", "hello big world", options);
  EXPECT_EQ(e.ids(), (std::vector<int32_t>{101, 1996, 4248, 102, 7592, 2502, 102}));
  EXPECT_EQ(e.dropped_tokens, 2);
  ASSERT_EQ(e.warnings.size(), 1u);
  EXPECT_NE(e.warnings[0].find("dropped 2"), std::string::npos) << e.warnings[0];
}

TEST(WordPieceTruncation, NothingHappensWithinTheLimit) {
  AS_REQUIRE_SHARED();
  as::EncodeOptions options;
  options.max_length = 7;
  const auto e = as::test::bert_uncased().encode("the quick brown fox jumps", options);
  EXPECT_EQ(e.tokens.size(), 7u);
  EXPECT_EQ(e.dropped_tokens, 0);
  EXPECT_TRUE(e.warnings.empty());
}

TEST(WordPieceDecode, JoinsContinuationPieces) {
  AS_REQUIRE_SHARED();
  const std::vector<int32_t> ids = {101, 19204, 3989, 2003, 4569, 102};  // [CLS] token ##ization is fun [SEP]
  EXPECT_EQ(as::test::bert_uncased().decode(ids), "[CLS] tokenization is fun [SEP]");
  as::IncrementalDecoder stream(as::test::bert_uncased());
  std::string text;
  for (int32_t id : std::vector<int32_t>{19204, 3989, 2003}) text += stream.push(id);
  text += stream.flush();
  EXPECT_EQ(text, "tokenization is");
}

TEST(WordPieceSpecialIds, BertUncased) {
  AS_REQUIRE_SHARED();
  const auto ids = as::test::bert_uncased().special_ids();
  EXPECT_EQ(ids.pad, 0);
  EXPECT_EQ(ids.unk, 100);
  EXPECT_EQ(ids.cls, 101);
  EXPECT_EQ(ids.sep, 102);
  EXPECT_EQ(ids.mask, 103);
  EXPECT_FALSE(ids.bos.has_value());
  EXPECT_EQ(as::test::bert_uncased().vocab_size(), 30522);
  EXPECT_EQ(as::test::bert_uncased().kind(), "wordpiece");
  EXPECT_EQ(as::test::bert_uncased().id_to_token(7592), "hello");
  EXPECT_EQ(as::test::bert_uncased().token_to_id("hello"), 7592);
}

TEST(WordPieceNeverSplit, ListedWordsStayWhole) {
  AS_REQUIRE_SHARED();
  as::WordPieceConfig config;
  config.basic.do_lower_case = false;
  config.basic.never_split = {"hello!"};
  const as::WordPieceTokenizer tokenizer(
      as::WordPieceTokenizer::read_vocab_txt(as::test::models_dir() / "random-bert-uncased-L4-H256" / "vocab.txt"),
      config);
  // "hello!" is not in the vocabulary, so the unsplit word maps to [UNK]; "world!" is split.
  const auto e = tokenizer.encode("hello! world!", without_specials());
  expect_tokens(e, {{"hello!", 0, 6}, {"world", 7, 12}, {"!", 12, 13}});
  EXPECT_EQ(e.ids(), (std::vector<int32_t>{100, 2088, 999}));
}

TEST(WordPieceWordLimit, WordsOver100CharactersBecomeUnknown) {
  AS_REQUIRE_SHARED();
  const std::string word100(100, 'a');
  const std::string word101(101, 'a');
  const auto e100 = as::test::bert_uncased().encode(word100, without_specials());
  EXPECT_NE(e100.tokens.size(), 1u);  // split into pieces, not [UNK]
  EXPECT_NE(e100.tokens[0].id, 100);
  const auto e101 = as::test::bert_uncased().encode(word101, without_specials());
  expect_tokens(e101, {{"[UNK]", 0, 101}});
}

}  // namespace
