// The Unicode building blocks: Python's UTF-8 replacement rule, NFC chunking, the character
// classes of BERT and Python, and GPT-2's pre-tokenisation regex with Python's \s.
#include <gtest/gtest.h>

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "support/test_support.h"
#include "tokenizers/pretokenizer.h"
#include "tokenizers/unicode.h"

namespace {

namespace u = as::unicode;

std::string replaced(std::string_view bytes) {
  size_t count = 0;
  return u::make_valid_utf8(bytes, &count);
}

TEST(TokenizerUnicode, InvalidUtf8IsReplacedLikePythonDecodeReplace) {
  // Expected strings are bytes.decode("utf-8", "replace") in CPython.
  EXPECT_EQ(replaced("\xE3\x81" "a"), "\uFFFD" "a");          // truncated 3-byte sequence: one U+FFFD
  EXPECT_EQ(replaced("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");  // surrogate: every byte
  EXPECT_EQ(replaced("\xF0\x9F\x8D"), "\uFFFD");              // 3 of 4 bytes of an emoji
  EXPECT_EQ(replaced("\xC0\xAF"), "\uFFFD\uFFFD");            // overlong
  EXPECT_EQ(replaced("\x80\x80"), "\uFFFD\uFFFD");            // lone continuation bytes
  EXPECT_EQ(replaced("\xF4\x90\x80\x80"), "\uFFFD\uFFFD\uFFFD\uFFFD");  // above U+10FFFF
  EXPECT_EQ(replaced("\xE0\x80\xAF"), "\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(replaced("\xF0\x9F\x8D\x95\x95"), "\U0001F355\uFFFD");
  size_t count = 0;
  EXPECT_EQ(u::make_valid_utf8("a\xFF" "b", &count), "a\uFFFD" "b");
  EXPECT_EQ(count, 1u);
  EXPECT_EQ(u::make_valid_utf8("valid \u00e9\U0001F355", &count), "valid \u00e9\U0001F355");
  EXPECT_EQ(count, 0u);
}

TEST(TokenizerUnicode, PythonWhitespaceSet) {
  // str.isspace() is true for exactly these (CPython 3.11).
  const std::vector<char32_t> spaces = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0,
                                        0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
                                        0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};
  size_t count = 0;
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    if (u::is_python_space(cp)) {
      ++count;
      EXPECT_NE(std::find(spaces.begin(), spaces.end(), cp), spaces.end()) << std::hex << static_cast<uint32_t>(cp);
    }
  }
  EXPECT_EQ(count, spaces.size());
}

TEST(TokenizerUnicode, BertCharacterClasses) {
  EXPECT_TRUE(u::is_bert_punctuation(U'$'));       // ASCII symbol, though category Sc
  EXPECT_TRUE(u::is_bert_punctuation(U'^'));
  EXPECT_TRUE(u::is_bert_punctuation(U'\u00BF'));  // ¿ Po
  EXPECT_TRUE(u::is_bert_punctuation(U'\u2014'));  // — Pd
  EXPECT_FALSE(u::is_bert_punctuation(U'\u20AC'));  // € Sc outside ASCII
  EXPECT_FALSE(u::is_bert_punctuation(U'a'));
  EXPECT_TRUE(u::is_bert_control(U'\u200B'));   // ZWSP Cf
  EXPECT_TRUE(u::is_bert_control(U'\uFEFF'));   // BOM Cf
  EXPECT_TRUE(u::is_bert_control(U'\u0085'));   // NEL Cc
  EXPECT_TRUE(u::is_bert_control(U'\uE000'));   // private use Co
  EXPECT_FALSE(u::is_bert_control(U'\t'));
  EXPECT_FALSE(u::is_bert_control(U'\u2028'));  // Zl: not a control, but Python splits on it
  EXPECT_TRUE(u::is_bert_whitespace(U'\u3000'));
  EXPECT_TRUE(u::is_bert_whitespace(U'\u00A0'));
  EXPECT_FALSE(u::is_bert_whitespace(U'\u2028'));
  EXPECT_TRUE(u::is_cjk_ideograph(U'\u4E2D'));
  EXPECT_TRUE(u::is_cjk_ideograph(U'\U00020000'));  // Extension B
  EXPECT_FALSE(u::is_cjk_ideograph(U'\u3042'));      // hiragana
  EXPECT_FALSE(u::is_cjk_ideograph(U'\uAC00'));      // Hangul
}

TEST(TokenizerUnicode, PythonLowerCaseOfSingleCharacters) {
  const auto lower = [](char32_t c) {
    std::u32string out;
    u::append_python_lower(c, out);
    return out;
  };
  EXPECT_EQ(lower(U'\u0130'), U"i\u0307");  // İ
  EXPECT_EQ(lower(U'\u03A3'), U"\u03C3");   // Σ -> σ (never the final ς one character at a time)
  EXPECT_EQ(lower(U'\u212A'), U"k");        // KELVIN SIGN
  EXPECT_EQ(lower(U'\u00DF'), U"\u00DF");   // ß has no lower-case change
  EXPECT_EQ(lower(U'\u01C5'), U"\u01C6");   // ǅ
}

TEST(TokenizerUnicode, NoCompositionSecondaryStartsAnNfcChunk) {
  // Every code point that appears after the first one in some canonical decomposition can combine
  // with what precedes it, so starting an independent NFC chunk there would be wrong.
  size_t checked = 0;
  for (char32_t cp = 0xC0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::u32string d;
    u::append_canonical_decomposition(cp, d);
    for (size_t i = 1; i < d.size(); ++i) {
      EXPECT_FALSE(u::starts_nfc_chunk(d[i])) << std::hex << static_cast<uint32_t>(d[i]);
      ++checked;
    }
  }
  EXPECT_GT(checked, 2000u);
  for (char32_t jamo : {U'\u1161', U'\u1175', U'\u11A8', U'\u11C2'}) EXPECT_FALSE(u::starts_nfc_chunk(jamo));
  EXPECT_TRUE(u::starts_nfc_chunk(U'\u1100'));  // a leading consonant only composes forwards
  EXPECT_TRUE(u::starts_nfc_chunk(U'a'));
}

TEST(TokenizerUnicode, NfcOfChunksEqualsNfcOfTheWhole) {
  const std::vector<char32_t> pool = {U'a',      U'e',      U'A',      U'\u0301', U'\u0323', U'\u0302', U'\u0308',
                                      U'\u1100', U'\u1161', U'\u11A8', U'\uAC00', U'\u0B47', U'\u0B3E', U'\u0F71',
                                      U'\u0F72', U'\u0F73', U'\u212B', U'\u00C5', U'\u0344', U' ',      U'\u3099',
                                      U'\u304B', U'\u0958', U'\u1E0A', U'\u0307'};
  std::mt19937 rng(7);
  for (int trial = 0; trial < 3000; ++trial) {
    std::u32string text;
    const size_t length = 1 + rng() % 12;
    for (size_t i = 0; i < length; ++i) text.push_back(pool[rng() % pool.size()]);
    std::u32string by_chunks;
    size_t start = 0;
    for (size_t i = 1; i <= text.size(); ++i) {
      if (i == text.size() || u::starts_nfc_chunk(text[i])) {
        by_chunks += u::nfc(std::u32string_view(text).substr(start, i - start));
        start = i;
      }
    }
    ASSERT_EQ(by_chunks, u::nfc(text)) << u::to_utf8(text);
    // and u::nfc agrees with utf8proc's own NFC of the whole string
    const std::string utf8 = u::to_utf8(text);
    utf8proc_uint8_t* reference = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(utf8.c_str()));
    ASSERT_NE(reference, nullptr);
    EXPECT_EQ(u::to_utf8(u::nfc(text)), std::string(reinterpret_cast<const char*>(reference))) << utf8;
    std::free(reference);
  }
  EXPECT_EQ(u::nfc(U"e\u0301"), U"\u00E9");
  EXPECT_EQ(u::nfc(U"\u1100\u1161\u11A8"), U"\uAC01");
  EXPECT_EQ(u::nfc(U"\u212B"), U"\u00C5");  // ANGSTROM SIGN is a singleton
}

std::vector<std::string> pre_tokens(const std::string& text) {
  static const as::Gpt2PreTokenizer pre_tokenizer;
  std::vector<std::string> out;
  pre_tokenizer.split(text, [&](size_t b, size_t e) { out.push_back(text.substr(b, e - b)); });
  return out;
}

TEST(TokenizerUnicode, PreTokenizerUsesPythonRegexWhitespace) {
  // Expected lists are regex.findall() of the GPT-2 pattern in Python's `regex` module.
  using V = std::vector<std::string>;
  EXPECT_EQ(pre_tokens("!\u0085"), (V{"!", "\u0085"}));  // NEL is \s for Python, not for PCRE2's \s
  EXPECT_EQ(pre_tokens("!\uFEFF"), (V{"!\uFEFF"}));
  EXPECT_EQ(pre_tokens("!\u200B"), (V{"!\u200B"}));
  EXPECT_EQ(pre_tokens("!\u3000"), (V{"!", "\u3000"}));
  EXPECT_EQ(pre_tokens("!\x1C"), (V{"!\x1C"}));
  EXPECT_EQ(pre_tokens("!\u2028"), (V{"!", "\u2028"}));
  EXPECT_EQ(pre_tokens("!\u180E"), (V{"!\u180E"}));
  EXPECT_EQ(pre_tokens("!\x0B"), (V{"!", "\x0B"}));
  EXPECT_EQ(pre_tokens("a\u00A0b"), (V{"a", "\u00A0", "b"}));
  EXPECT_EQ(pre_tokens("DON'T we'd've"), (V{"DON", "'", "T", " we", "'d", "'ve"}));
  EXPECT_EQ(pre_tokens("x  \n\n y"), (V{"x", "  \n\n", " y"}));
  EXPECT_TRUE(pre_tokens("").empty());
  // Every code point: a tab followed by a White_Space character is one piece, by anything else two.
  const std::vector<char32_t> white_space = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680,
                                             0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
                                             0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};
  for (char32_t cp = 1; cp <= 0x10FFFF; cp += (cp < 0x10000 ? 1 : 97)) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string text = "\t";
    u::append_utf8(text, cp);
    const bool expected_space = std::find(white_space.begin(), white_space.end(), cp) != white_space.end();
    ASSERT_EQ(pre_tokens(text).size(), expected_space ? 1u : 2u) << std::hex << static_cast<uint32_t>(cp);
  }
  // A long whitespace run must not exhaust the JIT stack.
  const std::string spaces(1 << 20, ' ');
  EXPECT_EQ(pre_tokens(spaces + "x"), (V{std::string((1 << 20) - 1, ' '), " x"}));
}

TEST(TokenizerUnicode, ScannerAgreesWithTheRegexEverywhere) {
  // split() scans by hand with code point classes PCRE2 decided; split_with_regex_only() runs the
  // PCRE2 pattern itself for every piece.
  const as::Gpt2PreTokenizer pre_tokenizer;
  const auto both = [&](const std::string& text) {
    std::vector<std::pair<size_t, size_t>> fast, reference;
    pre_tokenizer.split(text, [&](size_t b, size_t e) { fast.emplace_back(b, e); });
    pre_tokenizer.split_with_regex_only(text, [&](size_t b, size_t e) { reference.emplace_back(b, e); });
    return std::make_pair(fast, reference);
  };
  const std::vector<std::string> pool = {"a", "Z", "q", "0", "7", " ", " ", " ", "\t", "\n", "\r", "\x0B", "\x0C",
                                         "'", "s", "t", "r", "e", "v", "l", "m", "d", "!", ".", "-", "\x01", "\x7F",
                                         "\u00e9", "\u00b2", "\u00a0", "\u3000", "\u0085", "\u4e2d", "\U0001F600",
                                         "\u200b", "\u2028", "\u0661", "\u0301", "\x1C", "\uD55C", "\u1100",
                                         "\u2163", "\u0E01", "\u05D0", "\U0001F44D", "\u2000", "\uFF01"};
  std::mt19937 rng(99);
  for (int trial = 0; trial < 20000; ++trial) {
    std::string text;
    const size_t length = rng() % 16;
    for (size_t i = 0; i < length; ++i) text += pool[rng() % pool.size()];
    const auto [fast, reference] = both(text);
    ASSERT_EQ(fast, reference) << "text: " << nlohmann::json(text).dump();
  }
  std::ifstream in(as::test::golden_dir() / "tokenizers" / "gpt2.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    const std::string text = nlohmann::json::parse(line)["text"].get<std::string>();
    const auto [fast, reference] = both(text);
    ASSERT_EQ(fast, reference) << "text: " << nlohmann::json(text).dump();
  }
  // Every code point, next to a letter, a digit, itself, a space before and after, and whitespace.
  for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string c;
    u::append_utf8(c, cp);
    const std::string text = "a" + c + c + " " + c + "1" + c + "\t" + c + " '" + c;
    const auto [fast, reference] = both(text);
    ASSERT_EQ(fast, reference) << std::hex << static_cast<uint32_t>(cp);
  }
}

}  // namespace
