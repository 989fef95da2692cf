// The numbers exported for scripts: CSV of one matrix and JSON of every attention, read back.
#include "ui/attention_export.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "ui_test_support.h"

namespace as::ui {
namespace {

TEST(MatrixCsv, HeaderRowLabelsAndBlankMaskedCells) {
  const Matrix m{2, 2, {0.25f, std::nanf(""), 0.5f, 0.125f}};
  const std::string csv = matrix_csv(m, {"a,b", "say \"hi\""}, {"x", "y"});
  EXPECT_EQ(csv, "query \\ key,x,y\r\n\"a,b\",0.25,\r\n\"say \"\"hi\"\"\",0.5,0.125\r\n");
}

TEST(MatrixCsv, FloatsRoundTripExactly) {
  const float value = 0.1f + 1e-8f;
  const std::string csv = matrix_csv(Matrix{1, 1, {value}}, {"a"}, {"a"});
  const std::string field = csv.substr(csv.rfind(',') + 1, csv.size() - csv.rfind(',') - 3);
  EXPECT_EQ(std::stof(field), value);
}

TEST(AttentionsJson, ParsesBackWithEveryLayerHeadAndWeight) {
  const auto result = test::synthetic_run(5, 2, 3, true);
  const auto json = nlohmann::json::parse(attentions_json(*result));
  EXPECT_EQ(json["layers"], 2);
  EXPECT_EQ(json["heads"], 3);
  EXPECT_EQ(json["tokens"].size(), 5u);
  EXPECT_EQ(json["tokens"][4], "t4");
  EXPECT_EQ(json["token_ids"][0], 1000);
  ASSERT_EQ(json["attentions"].size(), 2u);
  ASSERT_EQ(json["attentions"][1].size(), 3u);
  for (int l = 0; l < 2; ++l) {
    for (int h = 0; h < 3; ++h) {
      for (int r = 0; r < 5; ++r) {
        for (int c = 0; c < 5; ++c) {
          EXPECT_EQ(json["attentions"][l][h][r][c].get<float>(), result->forward.attentions[l].at(h, r, c));
        }
      }
    }
  }
}

}  // namespace
}  // namespace as::ui
