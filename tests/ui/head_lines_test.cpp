// The head view's lines: which are drawn, in which order, and the cap that keeps 512 tokens fast.
#include "ui/head_lines.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "ui_test_support.h"

namespace as::ui {
namespace {

Tensor two_heads() {
  Tensor t({2, 2, 2});
  const float values[] = {0.9f, 0.1f, 0.005f, 0.995f,   // head 0
                          0.5f, 0.5f, 0.3f, 0.7f};      // head 1
  std::copy(std::begin(values), std::end(values), t.mutable_data());
  return t;
}

TEST(HeadLines, KeepsTheChosenHeadsAboveTheThresholdFaintestFirst) {
  const auto lines = head_lines(two_heads(), {0}, {.min_weight = 0.01f});
  ASSERT_EQ(lines.size(), 3u);  // 0.005 is below the threshold
  EXPECT_FLOAT_EQ(lines[0].weight, 0.1f);
  EXPECT_FLOAT_EQ(lines[2].weight, 0.995f);
  EXPECT_EQ(lines[2].from, 1);
  EXPECT_EQ(lines[2].to, 1);
  for (const auto& line : lines) EXPECT_EQ(line.head, 0);
  EXPECT_EQ(head_lines(two_heads(), {0, 1}).size(), 7u);
  EXPECT_TRUE(head_lines(two_heads(), {}).empty());
  EXPECT_TRUE(head_lines(two_heads(), {5}).empty());  // no such head
}

TEST(HeadLines, CapKeepsTheStrongestLines) {
  const auto lines = head_lines(two_heads(), {0, 1}, {.min_weight = 0.0f, .max_lines = 3});
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_FLOAT_EQ(lines[0].weight, 0.7f);
  EXPECT_FLOAT_EQ(lines[1].weight, 0.9f);
  EXPECT_FLOAT_EQ(lines[2].weight, 0.995f);
}

TEST(HeadLines, ATokensLinesOnEitherSide) {
  const auto from = lines_of_token(two_heads(), {0, 1}, 1, LineSide::Query);
  ASSERT_EQ(from.size(), 4u);  // 2 heads x 2 keys, the faint 0.005 included
  for (const auto& line : from) EXPECT_EQ(line.from, 1);
  EXPECT_FLOAT_EQ(from.front().weight, 0.005f);
  const auto to = lines_of_token(two_heads(), {1}, 0, LineSide::Key);
  ASSERT_EQ(to.size(), 2u);
  for (const auto& line : to) EXPECT_EQ(line.to, 0);
  EXPECT_TRUE(lines_of_token(two_heads(), {0}, 2, LineSide::Query).empty());
}

TEST(HeadLines, At512TokensTheThresholdBoundsTheWork) {
  const auto result = test::synthetic_run(512, 1, 4, false);
  const auto lines = head_lines(result->forward.attentions[0], {0, 1, 2, 3});
  // Rows sum to 1, so at most 100 lines per row and head reach 0.01; the cap holds the rest.
  EXPECT_LE(lines.size(), HeadLinesOptions{}.max_lines);
  EXPECT_TRUE(std::is_sorted(lines.begin(), lines.end(),
                             [](const HeadLine& a, const HeadLine& b) { return a.weight < b.weight; }));
}

}  // namespace
}  // namespace as::ui
