// attentionscope-export and `attentionscope-cli export`: arguments, every output kind, and the
// CLI handing over to the exporter next to it, all under QT_QPA_PLATFORM=offscreen.
#include <QFile>
#include <QImage>
#include <QProcess>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "io/safetensors.h"
#include "support/test_support.h"
#include "ui/headless_export.h"
#include "ui_test_support.h"

namespace as::ui {
namespace {

QStringList args(std::initializer_list<const char*> list) {
  QStringList out{QStringLiteral("attentionscope-export")};
  for (const char* a : list) out << QString::fromUtf8(a);
  return out;
}

TEST(HeadlessExport, ParsesTheDocumentedArguments) {
  const auto parsed = parse_headless_args(args({"--model", "/m", "--text", "a b", "--text-pair", "c", "--layer", "2",
                                                "--head", "mean", "--out", "x.pdf", "--dpi", "300", "--size", "800x600"}));
  ASSERT_TRUE(std::holds_alternative<HeadlessOptions>(parsed));
  const auto& o = std::get<HeadlessOptions>(parsed);
  EXPECT_EQ(o.text_pair, QStringLiteral("c"));
  EXPECT_EQ(o.layer, 2);
  EXPECT_EQ(o.head, QStringLiteral("mean"));
  EXPECT_EQ(o.dpi, 300);
  EXPECT_EQ(o.size, QSize(800, 600));
}

TEST(HeadlessExport, RejectsBadArgumentsWithAReason) {
  const auto error = [](std::initializer_list<const char*> list) {
    const auto parsed = parse_headless_args(args(list));
    return std::holds_alternative<QString>(parsed) ? std::get<QString>(parsed).toStdString() : std::string();
  };
  EXPECT_NE(error({"--text", "a", "--out", "x.png"}).find("--model"), std::string::npos);
  EXPECT_NE(error({"--model", "m", "--out", "x.gif"}).find(".png"), std::string::npos);
  EXPECT_NE(error({"--model", "m", "--out", "x.png", "--head", "all"}).find("--head"), std::string::npos);
  EXPECT_NE(error({"--model", "m", "--out", "x.png", "--bogus", "1"}).find("bogus"), std::string::npos);
  EXPECT_NE(error({"--model", "m", "--out", "x.png", "--size", "big"}).find("--size"), std::string::npos);
}

TEST(HeadlessExport, WritesEachKindOfOutput) {
  AS_REQUIRE_SHARED();
  const auto dir = test::scratch("headless");
  HeadlessOptions o;
  o.model = test::model_dir("random-bert-uncased-L4-H256");
  o.text = QStringLiteral("The man went to the store.");
  o.threads = 1;
  o.layer = 3;
  o.size = QSize(640, 480);
  o.dpi = 150;
  for (const char* head : {"1", "rollout", "grid", "lines"}) {
    o.head = QString::fromUtf8(head);
    o.out = test::qpath(dir / (std::string(head) + ".png"));
    ASSERT_EQ(run_headless_export(o), 0) << head;
    EXPECT_EQ(QImage(o.out).size(), QSize(1000, 750)) << head;
  }
  o.head = QStringLiteral("max");
  o.out = test::qpath(dir / "max.csv");
  ASSERT_EQ(run_headless_export(o), 0);
  EXPECT_EQ(as::test::read_file(dir / "max.csv").rfind("query \\ key,[CLS],the,man", 0), 0u);
  o.out = test::qpath(dir / "all.json");
  ASSERT_EQ(run_headless_export(o), 0);
  EXPECT_EQ(as::test::read_json(dir / "all.json")["attentions"].size(), 4u);
  o.head = QStringLiteral("7");
  o.out = test::qpath(dir / "bad.png");
  EXPECT_EQ(run_headless_export(o), 1);  // the model has 4 heads
}

TEST(HeadlessExport, TheCliHandsOverToTheExporter) {
  AS_REQUIRE_SHARED();
  const auto dir = test::scratch("cli-export");
  const QString out = test::qpath(dir / "heatmap.pdf");
  QProcess cli;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  cli.setProcessEnvironment(env);
  cli.start(QStringLiteral(AS_CLI_PATH),
            {"export", "--model", test::model_dir("random-bert-uncased-L4-H256"), "--text", "Hello there.",
             "--text-pair", "General Kenobi.", "--layer", "1", "--head", "2", "--out", out, "--size", "800x600",
             "--threads", "1"});
  ASSERT_TRUE(cli.waitForFinished(30'000));
  EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
  const auto line = nlohmann::json::parse(cli.readAllStandardOutput().toStdString());
  EXPECT_EQ(line["format"], "pdf");
  QFile pdf(out);
  ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
  const QByteArray bytes = pdf.readAll();
  EXPECT_TRUE(bytes.startsWith("%PDF-"));
  EXPECT_TRUE(bytes.contains("/MediaBox [0 0 600"));
}

// One head's CSV needs only its layer's attention (the exporter captures that layer alone); the
// numbers must still be transformers' own (golden plain_en, layer 2, head 1).
TEST(HeadlessExport, OneHeadCapturedAloneMatchesTransformers) {
  AS_REQUIRE_SHARED();
  const auto golden_dir = as::test::golden_dir() / "random-bert-uncased-L4-H256";
  const auto golden_json = as::test::read_json(golden_dir / "plain_en.json");
  HeadlessOptions o;
  o.model = test::model_dir("random-bert-uncased-L4-H256");
  o.text = QString::fromStdString(golden_json["text"].get<std::string>());
  o.threads = 1;
  o.layer = 2;
  o.head = QStringLiteral("1");
  o.out = test::qpath(test::scratch("headless-golden") / "head.csv");
  ASSERT_EQ(run_headless_export(o), 0);
  const Tensor golden = SafetensorsFile::open(golden_dir / "plain_en.safetensors")->load_f32("attentions.2");
  const int64_t T = golden.dim(1);
  std::istringstream csv(as::test::read_file(std::filesystem::path(o.out.toStdString())));
  std::string line;
  std::getline(csv, line);  // header: the key labels
  int64_t row = 0;
  for (; std::getline(csv, line) && !line.empty(); ++row) {
    std::istringstream fields(line);
    std::string field;
    std::getline(fields, field, ',');  // the query's label
    for (int64_t col = 0; col < T; ++col) {
      ASSERT_TRUE(std::getline(fields, field, ',')) << "row " << row;
      EXPECT_NEAR(std::stod(field), golden.at(1, row, col), 1e-4) << "row " << row << " col " << col;
    }
  }
  EXPECT_EQ(row, T);
}

}  // namespace
}  // namespace as::ui
