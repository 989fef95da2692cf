// Byte-level BPE beyond the golden ids: offsets mapped from bytes to code points (derived by hand
// from the UTF-8 bytes of each input and the golden token strings), explain(), streaming decode,
// invalid UTF-8, RoBERTa's special tokens, thread safety and the merge loop itself.
#include <gtest/gtest.h>

#include <climits>
#include <fstream>
#include <map>
#include <random>
#include <thread>

#include "core/error.h"
#include "tokenizers/bpe.h"
#include "tokenizers/bpe_merges.h"
#include "engine/tokenizers/tokenizer_test_util.h"

namespace {

using as::test::Expected;
using as::test::expect_tokens;
using as::test::without_specials;
namespace fs = std::filesystem;

TEST(BpeOffsets, AccentedCharactersMapBytesBackToCodePoints) {
  AS_REQUIRE_SHARED();
  // bytes: C0 a1 f2 é3-4 _5 n6 a7 ï8-9 v10 e11 _12 r13 é14-15 s16 u17 m18 é19-20
  // chars: C0 a1 f2 é3   _4 n5 a6 ï7   v8  e9  _10 r11 é12    s13 u14 m15 é16
  const auto e = as::test::gpt2().encode("Caf\u00e9 na\u00efve r\u00e9sum\u00e9");
  expect_tokens(e, {{"C", 0, 1},
                    {"af", 1, 3},
                    {"\u00c3\u00a9", 3, 4},
                    {"\u0120na\u00c3\u00afve", 4, 10},
                    {"\u0120r\u00c3\u00a9", 10, 13},
                    {"sum", 13, 16},
                    {"\u00c3\u00a9", 16, 17}});
  EXPECT_EQ(e.tokens[0].word, 0);
  EXPECT_TRUE(e.tokens[1].continuation);
  EXPECT_EQ(e.tokens[2].word, 0);
  EXPECT_EQ(e.tokens[3].word, 1);
  EXPECT_FALSE(e.tokens[3].continuation);
}

TEST(BpeOffsets, TokensCoveringPartOfAnEmojiSpanTheWholeEmoji) {
  AS_REQUIRE_SHARED();
  // bytes: I0 _1 love2-5 _6 pizza7-11 _12 🍕13-16 🍕17-20 !21; chars: ... _12 🍕13 🍕14 !15
  // " 🍕🍕!" is one pre-token (space + non-letters); "ĠðŁ" = bytes 12-14 (space + half an emoji).
  const auto e = as::test::gpt2().encode("I love pizza \U0001F355\U0001F355!");
  expect_tokens(e, {{"I", 0, 1},
                    {"\u0120love", 1, 6},
                    {"\u0120pizza", 6, 12},
                    {"\u0120\u00f0\u0141", 12, 14},
                    {"\u012f", 13, 14},
                    {"\u0137", 13, 14},
                    {"\u00f0\u0141", 14, 15},
                    {"\u012f", 14, 15},
                    {"\u0137", 14, 15},
                    {"!", 15, 16}});
  for (size_t i = 3; i < 10; ++i) {
    EXPECT_EQ(e.tokens[i].word, 3) << i;
    EXPECT_EQ(e.tokens[i].continuation, i > 3) << i;
  }
}

TEST(BpeOffsets, KoreanBytePiecesSpanTheirSyllable) {
  AS_REQUIRE_SHARED();
  // 이 = EC 9D B4 -> "ìĿ" + "´"; 순 = EC 88 9C -> "ì" "Ī" "ľ"; 신 = EC 8B A0 -> "ì" "ĭ" "ł"
  const auto e = as::test::gpt2().encode("\uc774\uc21c\uc2e0");
  expect_tokens(e, {{"\u00ec\u013f", 0, 1},
                    {"\u00b4", 0, 1},
                    {"\u00ec", 1, 2},
                    {"\u012a", 1, 2},
                    {"\u013e", 1, 2},
                    {"\u00ec", 2, 3},
                    {"\u012d", 2, 3},
                    {"\u0142", 2, 3}});
  EXPECT_EQ(e.ids(), (std::vector<int32_t>{35975, 112, 168, 230, 250, 168, 233, 254}));
}

TEST(BpeOffsets, WhitespaceRuns) {
  AS_REQUIRE_SHARED();
  // "a   b": the regex gives "a", "  " (\s+(?!\S) leaves the last space to " b"), " b".
  const auto e = as::test::gpt2().encode("a   b");
  expect_tokens(e, {{"a", 0, 1}, {"\u0120", 1, 2}, {"\u0120", 2, 3}, {"\u0120b", 3, 5}});
  EXPECT_EQ(e.tokens[1].word, 1);
  EXPECT_EQ(e.tokens[2].word, 1);
  EXPECT_TRUE(e.tokens[2].continuation);
  EXPECT_EQ(e.tokens[3].word, 2);
}

TEST(BpeSpecialTokens, EndOfTextSwallowsWhitespaceOnBothSides) {
  AS_REQUIRE_SHARED();
  // a0 _1 <|endoftext|>2-14 _15 b16
  const auto e = as::test::gpt2().encode("a <|endoftext|> b");
  expect_tokens(e, {{"a", 0, 1}, {"<|endoftext|>", 2, 15}, {"b", 16, 17}});
  EXPECT_EQ(e.ids(), (std::vector<int32_t>{64, 50256, 65}));
  EXPECT_TRUE(e.tokens[1].special);
  EXPECT_EQ(e.tokens[1].word, 1);
  EXPECT_EQ(e.tokens[2].word, 2);
}

TEST(BpeExplain, TheMergesInRankOrder) {
  AS_REQUIRE_SHARED();
  // merges.txt ranks (0-based after the header): "Ġ t" 0, "h e" 2, "Ġt he" 6, "Ġt h" 38.
  const auto words = as::test::gpt2().explain(" the");
  ASSERT_EQ(words.size(), 1u);
  const auto& w = words[0];
  EXPECT_EQ(w.word, "\u0120the");
  EXPECT_EQ(w.initial_symbols, (std::vector<std::string>{"\u0120", "t", "h", "e"}));
  ASSERT_EQ(w.merges.size(), 3u);
  EXPECT_EQ(w.merges[0].left, "\u0120");
  EXPECT_EQ(w.merges[0].right, "t");
  EXPECT_EQ(w.merges[0].rank, 0);
  EXPECT_EQ(w.merges[0].pieces_after, (std::vector<std::string>{"\u0120t", "h", "e"}));
  EXPECT_EQ(w.merges[1].left, "h");
  EXPECT_EQ(w.merges[1].right, "e");
  EXPECT_EQ(w.merges[1].rank, 2);
  EXPECT_EQ(w.merges[1].pieces_after, (std::vector<std::string>{"\u0120t", "he"}));
  EXPECT_EQ(w.merges[2].left, "\u0120t");
  EXPECT_EQ(w.merges[2].right, "he");
  EXPECT_EQ(w.merges[2].rank, 6);
  EXPECT_EQ(w.merges[2].pieces_after, (std::vector<std::string>{"\u0120the"}));
  EXPECT_EQ(w.pieces, (std::vector<std::string>{"\u0120the"}));
}

TEST(BpeDecode, IncrementalDecoderHoldsBackSplitCharacters) {
  AS_REQUIRE_SHARED();
  as::IncrementalDecoder stream(as::test::gpt2());
  EXPECT_EQ(stream.push(35975), "");  // "ìĿ" = EC 9D: two bytes of the three of 이
  EXPECT_EQ(stream.push(112), "\uc774");  // "´" = B4 completes it
  EXPECT_EQ(stream.push(168), "");    // EC
  EXPECT_EQ(stream.push(230), "");    // 88
  EXPECT_EQ(stream.push(250), "\uc21c");  // 9C: 순
  EXPECT_EQ(stream.push(40), "I");
  EXPECT_EQ(stream.push(35975), "");
  EXPECT_EQ(stream.flush(), "\ufffd");  // an unfinished character at the end becomes U+FFFD
  EXPECT_EQ(stream.flush(), "");
}

TEST(BpeDecode, ExactBytesAndPythonReplacement) {
  AS_REQUIRE_SHARED();
  const std::vector<int32_t> course = {818, 428, 1781, 11, 356, 481, 4545, 345, 703, 284};
  EXPECT_EQ(as::test::gpt2().decode(course), "In this course, we will teach you how to");
  EXPECT_EQ(as::test::gpt2().decode(std::vector<int32_t>{35975}), "\ufffd");  // EC 9D alone
  EXPECT_EQ(as::test::gpt2().decode(std::vector<int32_t>{35975, 40}), "\ufffdI");
  EXPECT_THROW(as::test::gpt2().decode(std::vector<int32_t>{50257}), as::Error);
  EXPECT_THROW(as::test::gpt2().decode(std::vector<int32_t>{-1}), as::Error);
}

TEST(BpeInvalidUtf8, ReplacedByReplacementCharacterWithAWarning) {
  AS_REQUIRE_SHARED();
  // "a\xFFb" -> "a\uFFFDb": "a" (64), "ï¿½" (4210, the bytes EF BF BD), "b" (65)
  const auto e = as::test::gpt2().encode("a\xFF" "b");
  expect_tokens(e, {{"a", 0, 1}, {"\u00ef\u00bf\u00bd", 1, 2}, {"b", 2, 3}});
  EXPECT_EQ(e.ids(), (std::vector<int32_t>{64, 4210, 65}));
  ASSERT_EQ(e.warnings.size(), 1u);
  EXPECT_NE(e.warnings[0].find("1 ill-formed byte sequence"), std::string::npos) << e.warnings[0];
  EXPECT_EQ(as::test::gpt2().decode(e.ids()), "a\ufffd" "b");
}

TEST(BpeTruncation, DropsTheTail) {
  AS_REQUIRE_SHARED();
  as::EncodeOptions options;
  options.max_length = 4;
  const auto e = as::test::gpt2().encode("In this course, we will teach you how to", options);
  EXPECT_EQ(e.ids(), (std::vector<int32_t>{818, 428, 1781, 11}));
  EXPECT_EQ(e.dropped_tokens, 6);
  ASSERT_EQ(e.warnings.size(), 1u);
  EXPECT_NE(e.warnings[0].find("dropped 6"), std::string::npos) << e.warnings[0];
}

TEST(BpeSpecialIds, Gpt2) {
  AS_REQUIRE_SHARED();
  const auto ids = as::test::gpt2().special_ids();
  EXPECT_EQ(ids.bos, 50256);
  EXPECT_EQ(ids.eos, 50256);
  EXPECT_EQ(ids.unk, 50256);
  EXPECT_FALSE(ids.cls.has_value());
  EXPECT_FALSE(ids.pad.has_value());
  EXPECT_EQ(as::test::gpt2().vocab_size(), 50257);
  EXPECT_EQ(as::test::gpt2().id_to_token(262), "\u0120the");
  EXPECT_EQ(as::test::gpt2().kind(), "bpe");
}

TEST(BpeRoberta, KnownIdsWithLstripMask) {
  AS_REQUIRE_SHARED();
  const auto& roberta = as::test::roberta();
  const auto e = roberta.encode("The capital of France is <mask>.");
  EXPECT_EQ(e.ids(), (std::vector<int32_t>{0, 133, 812, 9, 1470, 16, 50264, 4, 2}));
  EXPECT_EQ(e.token_type_ids, std::vector<int32_t>(9, 0));
  EXPECT_EQ(e.tokens[6].text, "<mask>");
  EXPECT_TRUE(e.tokens[6].special);
  EXPECT_EQ(e.tokens[5].text, "\u0120is");
  // The space after <mask> is kept (rstrip=False): " ." -> "Ġ.".
  const auto after = roberta.encode("is <mask> .", without_specials());
  ASSERT_EQ(after.tokens.size(), 3u);
  EXPECT_EQ(after.tokens[2].text, "\u0120.");
  const auto ids = roberta.special_ids();
  EXPECT_EQ(ids.cls, 0);
  EXPECT_EQ(ids.pad, 1);
  EXPECT_EQ(ids.sep, 2);
  EXPECT_EQ(ids.unk, 3);
  EXPECT_EQ(ids.mask, 50264);
  EXPECT_EQ(roberta.vocab_size(), 50265);
}

TEST(BpeRoberta, PairsUseDoubleSeparator) {
  AS_REQUIRE_SHARED();
  const auto& roberta = as::test::roberta();
  const auto e = roberta.encode_pair("Hello", "world");
  const int32_t hello = roberta.token_to_id("Hello").value();
  const int32_t world = roberta.token_to_id("world").value();
  EXPECT_EQ(e.ids(), (std::vector<int32_t>{0, hello, 2, 2, world, 2}));
  EXPECT_EQ(e.token_type_ids, std::vector<int32_t>(6, 0));
}

TEST(BpePrefixSpace, AddPrefixSpaceFromTokenizerConfig) {
  AS_REQUIRE_SHARED();
  const fs::path dir = as::test::temp_dir() / "gpt2-prefix-space";
  fs::create_directories(dir);
  for (const char* f : {"vocab.json", "merges.txt"})
    fs::copy_file(as::test::models_dir() / "random-gpt2-L4-H256" / f, dir / f, fs::copy_options::overwrite_existing);
  as::test::write_file(dir / "tokenizer_config.json", R"({"add_prefix_space": true})");
  const auto tokenizer = as::load_tokenizer(dir, "gpt2");
  const auto e = tokenizer->encode("Hello world");
  expect_tokens(e, {{"\u0120Hello", 0, 5}, {"\u0120world", 5, 11}});
}

TEST(BpeThreads, SharedTokenizerGivesTheSameResultsInParallel) {
  AS_REQUIRE_SHARED();
  std::vector<std::string> texts;
  std::ifstream in(as::test::golden_dir() / "tokenizers" / "gpt2.jsonl");
  std::string line;
  while (std::getline(in, line)) texts.push_back(nlohmann::json::parse(line)["text"].get<std::string>());
  const as::Tokenizer& tokenizer = as::test::gpt2();
  std::vector<std::vector<int32_t>> expected;
  for (const auto& t : texts) expected.push_back(tokenizer.encode(t).ids());
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      for (int round = 0; round < 5; ++round)
        for (size_t i = 0; i < texts.size(); ++i)
          if (tokenizer.encode(texts[(i + static_cast<size_t>(k) * 37) % texts.size()]).ids() !=
              expected[(i + static_cast<size_t>(k) * 37) % texts.size()])
            ++mismatches[static_cast<size_t>(k)];
    });
  }
  for (auto& t : threads) t.join();
  for (int k = 0; k < 4; ++k) EXPECT_EQ(mismatches[static_cast<size_t>(k)], 0) << "thread " << k;
}

// The merge loop exactly as GPT2Tokenizer.bpe() writes it, on symbol ids.
std::vector<int32_t> reference_bpe(std::vector<int32_t> word, const std::map<std::pair<int32_t, int32_t>, std::pair<int32_t, int32_t>>& table,
                                   std::vector<int32_t>* ranks_applied) {
  while (word.size() > 1) {
    int32_t best_rank = INT32_MAX;
    std::pair<int32_t, int32_t> best;
    for (size_t i = 0; i + 1 < word.size(); ++i) {
      auto it = table.find({word[i], word[i + 1]});
      if (it != table.end() && it->second.first < best_rank) {
        best_rank = it->second.first;
        best = it->first;
      }
    }
    if (best_rank == INT32_MAX) break;
    std::vector<int32_t> merged;
    for (size_t i = 0; i < word.size();) {
      if (i + 1 < word.size() && word[i] == best.first && word[i + 1] == best.second) {
        merged.push_back(table.at(best).second);
        i += 2;
      } else {
        merged.push_back(word[i++]);
      }
    }
    word = merged;
    ranks_applied->push_back(best_rank);
  }
  return word;
}

TEST(BpeMerges, MatchesThePythonLoopOnRandomTablesAndWords) {
  // Random merge tables, ranks shuffled so that some merges use symbols made by later ones, and
  // words full of repeats (the cases where merge order and overlap rules matter).
  std::mt19937 rng(12345);
  for (int trial = 0; trial < 200; ++trial) {
    const int32_t base = 2 + static_cast<int32_t>(rng() % 4);
    int32_t next_symbol = base;
    std::map<std::pair<int32_t, int32_t>, std::pair<int32_t, int32_t>> table;
    const int merges = 1 + static_cast<int>(rng() % 12);
    std::vector<int32_t> ranks(static_cast<size_t>(merges));
    for (int i = 0; i < merges; ++i) ranks[static_cast<size_t>(i)] = i;
    std::shuffle(ranks.begin(), ranks.end(), rng);
    as::BpeMerges bpe;
    for (int i = 0; i < merges; ++i) {
      const int32_t a = static_cast<int32_t>(rng() % static_cast<uint32_t>(next_symbol));
      const int32_t b = static_cast<int32_t>(rng() % static_cast<uint32_t>(next_symbol));
      if (table.count({a, b})) continue;
      table[{a, b}] = {ranks[static_cast<size_t>(i)], next_symbol};
      bpe.add(a, b, ranks[static_cast<size_t>(i)], next_symbol);
      ++next_symbol;
    }
    for (int w = 0; w < 20; ++w) {
      std::vector<int32_t> word(1 + rng() % 24);
      for (auto& s : word) s = static_cast<int32_t>(rng() % static_cast<uint32_t>(base));
      std::vector<int32_t> expected_ranks;
      const std::vector<int32_t> expected = reference_bpe(word, table, &expected_ranks);
      std::vector<int32_t> actual = word;
      std::vector<int32_t> actual_ranks;
      const as::BpeMerges::StepObserver observer = [&](int32_t, int32_t, int32_t rank, const std::vector<int32_t>&) {
        actual_ranks.push_back(rank);
      };
      bpe.apply(actual, &observer);
      ASSERT_EQ(actual, expected) << "trial " << trial << " word " << w;
      ASSERT_EQ(actual_ranks, expected_ranks) << "trial " << trial << " word " << w;
    }
  }
}

TEST(BpeMerges, Gpt2ExplanationsMatchThePythonLoopOnLongWords) {
  AS_REQUIRE_SHARED();
  // The real merges.txt, read here independently, against the tokenizer's merge sequence.
  std::ifstream in(as::test::models_dir() / "random-gpt2-L4-H256" / "merges.txt");
  std::string line;
  std::getline(in, line);  // #version
  std::map<std::pair<std::string, std::string>, int32_t> ranks;
  int32_t rank = 0;
  while (std::getline(in, line)) {
    const size_t space = line.find(' ');
    if (space != std::string::npos) ranks[{line.substr(0, space), line.substr(space + 1)}] = rank;
    ++rank;
  }
  const auto& gpt2 = as::test::gpt2();
  for (const std::string word : {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "abababababababababab", "mississippimississippi",
                                 "supercalifragilisticexpialidocious", "Antidisestablishmentarianism"}) {
    const auto words = gpt2.explain(word);
    ASSERT_EQ(words.size(), 1u) << word;
    // Literal Python loop on strings.
    std::vector<std::string> symbols;
    for (char c : word) symbols.emplace_back(1, c);
    std::vector<int32_t> applied;
    while (symbols.size() > 1) {
      int32_t best = INT32_MAX;
      std::pair<std::string, std::string> pair;
      for (size_t i = 0; i + 1 < symbols.size(); ++i) {
        auto it = ranks.find({symbols[i], symbols[i + 1]});
        if (it != ranks.end() && it->second < best) {
          best = it->second;
          pair = it->first;
        }
      }
      if (best == INT32_MAX) break;
      std::vector<std::string> merged;
      for (size_t i = 0; i < symbols.size();) {
        if (i + 1 < symbols.size() && symbols[i] == pair.first && symbols[i + 1] == pair.second) {
          merged.push_back(pair.first + pair.second);
          i += 2;
        } else {
          merged.push_back(symbols[i++]);
        }
      }
      symbols = merged;
      applied.push_back(best);
    }
    EXPECT_EQ(words[0].pieces, symbols) << word;
    std::vector<int32_t> explained;
    for (const auto& m : words[0].merges) explained.push_back(m.rank);
    EXPECT_EQ(explained, applied) << word;
  }
}

}  // namespace
