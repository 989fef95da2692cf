#include "ui/token_labels.h"

#include <gtest/gtest.h>

namespace as::ui {
namespace {

Token token(std::string text, bool continuation = false, bool special = false) {
  Token t;
  t.text = std::move(text);
  t.continuation = continuation;
  t.special = special;
  return t;
}

TEST(TokenLabels, WordPieceContinuationKeepsItsMarkerApart) {
  const TokenLabel label = wordpiece_label(token("##ing", true));
  EXPECT_EQ(label.marker, "##");
  EXPECT_EQ(label.body, "ing");
  EXPECT_EQ(label.kind, TokenKind::Continuation);
  EXPECT_EQ(label.text(), "##ing");
}

TEST(TokenLabels, SpecialTokensAreMarkedSpecial) {
  const TokenLabel label = wordpiece_label(token("[CLS]", false, true));
  EXPECT_EQ(label.kind, TokenKind::Special);
  EXPECT_EQ(label.text(), "[CLS]");
  const auto gpt = byte_level_labels({token("<|endoftext|>", false, true)}, {""});
  EXPECT_EQ(gpt[0].kind, TokenKind::Special);
  EXPECT_EQ(gpt[0].text(), "<|endoftext|>");
}

TEST(TokenLabels, ByteLevelLeadingSpaceBecomesTheGMarker) {
  const auto labels = byte_level_labels({token("Hello"), token("Ġworld")}, {"Hello", " world"});
  EXPECT_EQ(labels[0].text(), "Hello");
  EXPECT_EQ(labels[1].marker, "Ġ");
  EXPECT_EQ(labels[1].body, "world");
  EXPECT_EQ(labels[1].bytes_hex, "20 77 6F 72 6C 64");
}

TEST(TokenLabels, ByteLevelNamesACharacterSplitAcrossTokens) {
  // "안" is EC 95 88 in UTF-8; GPT-2 may cut it after two bytes.
  const auto labels = byte_level_labels({token("ìķ"), token("Ī", true), token("Ġa")}, {"\xEC\x95", "\x88", " a"});
  EXPECT_EQ(labels[0].body, "안…");
  EXPECT_EQ(labels[1].body, "…안");
  EXPECT_TRUE(labels[0].partial_character);
  EXPECT_TRUE(labels[1].partial_character);
  EXPECT_FALSE(labels[2].partial_character);
  EXPECT_EQ(labels[0].bytes_hex, "EC 95");
}

TEST(TokenLabels, ByteLevelWholeKoreanCharactersAreShownAsText) {
  const auto labels = byte_level_labels({token("ìķĪëħķ")}, {"안녕"});
  EXPECT_EQ(labels[0].body, "안녕");
  EXPECT_FALSE(labels[0].partial_character);
}

TEST(TokenLabels, PrintableMakesInvisibleCharactersVisible) {
  EXPECT_EQ(printable("a b\n\t"), "a␣b↵⇥");
  bool invalid = false;
  EXPECT_EQ(printable("x\xFFy", &invalid), "x⟨FF⟩y");
  EXPECT_TRUE(invalid);
  EXPECT_EQ(printable("\x01"), "⟨01⟩");
}

}  // namespace
}  // namespace as::ui
