#include "ui/model_facts.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace as::ui {
namespace {

TEST(ModelFacts, SharedTestCheckpointsAreRecognisedAsRandom) {
  AS_REQUIRE_SHARED();
  for (const char* name : {"random-bert-uncased-L4-H256", "random-gpt2-L4-H256"}) {
    const auto note = random_weights_note(test::models_dir() / name);
    ASSERT_TRUE(note.has_value()) << name;
    EXPECT_NE(note->find("RANDOM"), std::string::npos);
  }
}

TEST(ModelFacts, OrdinaryConfigsAreNotFlagged) {
  const auto dir = test::temp_dir() / "ui-model-facts";
  std::filesystem::create_directories(dir);
  test::write_file(dir / "config.json", R"({"model_type": "bert", "_comment": "fine-tuned on reviews"})");
  EXPECT_FALSE(random_weights_note(dir).has_value());
  test::write_file(dir / "config.json", R"({"model_type": "bert", "_comment": "random init, for tests"})");
  EXPECT_TRUE(random_weights_note(dir).has_value());
  test::write_file(dir / "config.json", "{ not json");
  EXPECT_FALSE(random_weights_note(dir).has_value());
  EXPECT_FALSE(random_weights_note(dir / "missing").has_value());
}

TEST(ModelFacts, ParameterCountsAreExactAndRounded) {
  EXPECT_EQ(format_parameter_count(11'267'900), "11,267,900 (11.3 M)");
  EXPECT_EQ(format_parameter_count(124'439'808), "124,439,808 (124.4 M)");
  EXPECT_EQ(format_parameter_count(1'500'000'000), "1,500,000,000 (1.50 B)");
  EXPECT_EQ(format_parameter_count(30'522), "30,522 (30.5 k)");
  EXPECT_EQ(format_parameter_count(999), "999");
  EXPECT_EQ(format_count(1'000), "1,000");
}

}  // namespace
}  // namespace as::ui
