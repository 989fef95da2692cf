#include "ui/headless_export.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "backends/backend.h"
#include "ui/attention_export.h"
#include "ui/figure.h"
#include "ui/grid_figure.h"
#include "ui/head_lines_figure.h"
#include "ui/head_thumbnails.h"
#include "ui/heatmap_figure.h"
#include "ui/run_compute.h"

namespace as::ui {

const char* const kHeadlessUsage =
    "usage: attentionscope-cli export --model DIR --text T [--text-pair T2] --layer L\n"
    "         --head N|mean|max|rollout|grid|lines --out FILE.{png,svg,pdf,csv,json}\n"
    "         [--dpi N] [--size WxH] [--scores] [--fixed-scale] [--colour-map viridis|magma|greys] [--threads K]\n"
    "  grid: every layer x head; lines: the head view of layer L; .json: every attention of the run.\n";

namespace {

struct Parser {
  QCommandLineParser parser;
  QCommandLineOption model{QStringLiteral("model"), QString(), QStringLiteral("DIR")};
  QCommandLineOption text{QStringLiteral("text"), QString(), QStringLiteral("T")};
  QCommandLineOption text_pair{QStringLiteral("text-pair"), QString(), QStringLiteral("T2")};
  QCommandLineOption layer{QStringLiteral("layer"), QString(), QStringLiteral("L")};
  QCommandLineOption head{QStringLiteral("head"), QString(), QStringLiteral("H")};
  QCommandLineOption out{QStringLiteral("out"), QString(), QStringLiteral("FILE")};
  QCommandLineOption dpi{QStringLiteral("dpi"), QString(), QStringLiteral("N")};
  QCommandLineOption size{QStringLiteral("size"), QString(), QStringLiteral("WxH")};
  QCommandLineOption scores{QStringLiteral("scores"), QString()};
  QCommandLineOption fixed_scale{QStringLiteral("fixed-scale"), QString()};
  QCommandLineOption colours{QStringLiteral("colour-map"), QString(), QStringLiteral("NAME")};
  QCommandLineOption threads{QStringLiteral("threads"), QString(), QStringLiteral("K")};

  Parser() {
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({model, text, text_pair, layer, head, out, dpi, size, scores, fixed_scale, colours, threads});
  }
};

std::optional<int> to_int(const QString& text) {
  bool ok = false;
  const int value = text.toInt(&ok);
  return ok ? std::optional<int>(value) : std::nullopt;
}

QStringList tokens_of(const RunResult& result) {
  QStringList labels;
  for (const TokenLabel& label : result.labels) labels << QString::fromStdString(label.text());
  return labels;
}

// Checks the layer and head against the model; an error message, or empty.
QString check_selection(const HeadlessOptions& o, const RunResult& result) {
  if (result.layer_count() == 0) return QStringLiteral("the text has no tokens");
  if (o.layer < 0 || o.layer >= result.layer_count()) {
    return QStringLiteral("--layer %1 is out of range (the model has layers 0..%2)").arg(o.layer).arg(result.layer_count() - 1);
  }
  const auto head = to_int(o.head);
  if (head && (*head < 0 || *head >= result.head_count())) {
    return QStringLiteral("--head %1 is out of range (the model has heads 0..%2)").arg(*head).arg(result.head_count() - 1);
  }
  return {};
}

HeatmapSelection selection_of(const HeadlessOptions& o) {
  HeatmapSelection selection;
  selection.layer = o.layer;
  selection.values = o.scores ? ValueKind::Scores : ValueKind::Probabilities;
  selection.fixed_unit_range = o.fixed_scale;
  if (o.head == QLatin1String("mean")) selection.mode = HeatmapMode::MeanOfHeads;
  else if (o.head == QLatin1String("max")) selection.mode = HeatmapMode::MaxOfHeads;
  else if (o.head == QLatin1String("rollout")) selection.mode = HeatmapMode::Rollout;
  else selection.head = o.head.toInt();
  return selection;
}

std::unique_ptr<Figure> figure_of(const HeadlessOptions& o, const RunResult& result) {
  if (o.head == QLatin1String("grid")) {
    const QString title = QStringLiteral("%1 · all layers × heads").arg(QFileInfo(o.model).fileName());
    return std::make_unique<GridFigure>(head_thumbnails(result, o.colours), title, o.colours);
  }
  if (o.head == QLatin1String("lines")) {
    std::vector<int> heads(static_cast<size_t>(result.head_count()));
    for (size_t h = 0; h < heads.size(); ++h) heads[h] = static_cast<int>(h);
    return std::make_unique<HeadLinesFigure>(tokens_of(result), result.forward.attentions[static_cast<size_t>(o.layer)],
                                             o.layer, heads);
  }
  return std::make_unique<HeatmapFigure>(heatmap_data(result.forward, selection_of(o)), tokens_of(result), o.colours);
}

// The layers the output draws: one for a head, the mean or the max, 0..L for the rollout, all of
// them for the grid and JSON. A BERT-base run at 512 tokens then holds 24 MiB of attention
// instead of 288 MiB. An out-of-range layer asks for all, so check_selection can name the range.
std::optional<std::vector<int64_t>> layers_needed(const HeadlessOptions& o, int64_t model_layers) {
  const bool all = o.head == QLatin1String("grid") || export_format_for(o.out) == ExportFormat::Json || o.layer < 0 ||
                   o.layer >= model_layers;
  if (all) return std::nullopt;
  std::vector<int64_t> layers;
  for (int64_t l = o.head == QLatin1String("rollout") ? 0 : o.layer; l <= o.layer; ++l) layers.push_back(l);
  return layers;
}

QString write_output(const HeadlessOptions& o, const RunResult& result) {
  const auto format = export_format_for(o.out);
  if (format == ExportFormat::Json) return write_text_file(o.out, attentions_json(result));
  if (const QString error = check_selection(o, result); !error.isEmpty()) return error;
  if (format == ExportFormat::Csv) {
    if (o.head == QLatin1String("grid") || o.head == QLatin1String("lines")) {
      return QStringLiteral("CSV holds one matrix: give --head N, mean, max or rollout");
    }
    std::vector<std::string> labels;
    for (const QString& label : tokens_of(result)) labels.push_back(label.toStdString());
    return write_text_file(o.out, matrix_csv(heatmap_data(result.forward, selection_of(o)).matrix, labels, labels));
  }
  return write_figure(*figure_of(o, result), o.out, {o.size, o.dpi});
}

void print_success(const HeadlessOptions& o, const RunResult& result) {
  nlohmann::json line;
  line["out"] = o.out.toStdString();
  line["format"] = suffix_of(*export_format_for(o.out)).toStdString();
  line["tokens"] = result.token_count();
  line["layer"] = o.layer;
  line["head"] = o.head.toStdString();
  if (export_format_for(o.out) == ExportFormat::Png) {
    const QSize pixels = png_pixels({o.size, o.dpi});
    line["width"] = pixels.width();
    line["height"] = pixels.height();
    line["dpi"] = o.dpi;
  }
  std::printf("%s\n", line.dump().c_str());
}

QString validate(const HeadlessOptions& o) {
  if (o.model.isEmpty()) return QStringLiteral("--model is required");
  if (o.out.isEmpty()) return QStringLiteral("--out is required");
  if (!export_format_for(o.out)) return QStringLiteral("--out must end in .png, .svg, .pdf, .csv or .json");
  static const QStringList kNamed = {"mean", "max", "rollout", "grid", "lines"};
  if (!kNamed.contains(o.head) && !to_int(o.head)) return QStringLiteral("--head wants N, mean, max, rollout, grid or lines");
  if (o.dpi < 24 || o.dpi > 2400) return QStringLiteral("--dpi wants a value from 24 to 2400");
  return {};
}

}  // namespace

std::variant<HeadlessOptions, QString> parse_headless_args(const QStringList& arguments) {
  Parser p;
  if (!p.parser.parse(arguments)) return p.parser.errorText();
  if (!p.parser.positionalArguments().isEmpty()) {
    return QStringLiteral("unexpected argument '%1'").arg(p.parser.positionalArguments().front());
  }
  HeadlessOptions o;
  o.model = p.parser.value(p.model);
  o.text = p.parser.value(p.text);
  o.text_pair = p.parser.value(p.text_pair);
  o.out = p.parser.value(p.out);
  o.scores = p.parser.isSet(p.scores);
  o.fixed_scale = p.parser.isSet(p.fixed_scale);
  if (p.parser.isSet(p.head)) o.head = p.parser.value(p.head).toLower();
  const auto number = [&](const QCommandLineOption& option, int fallback) -> std::optional<int> {
    return p.parser.isSet(option) ? to_int(p.parser.value(option)) : std::optional<int>(fallback);
  };
  const auto layer = number(p.layer, 0);
  const auto dpi = number(p.dpi, kLogicalDpi);
  const auto threads = number(p.threads, 0);
  if (!layer || !dpi || !threads) return QStringLiteral("--layer, --dpi and --threads want whole numbers");
  o.layer = *layer;
  o.dpi = *dpi;
  o.threads = *threads;
  if (p.parser.isSet(p.size)) {
    const auto size = parse_size(p.parser.value(p.size), 100);
    if (!size) return QStringLiteral("--size wants WxH, e.g. 1600x1200");
    o.size = *size;
  }
  if (p.parser.isSet(p.colours)) {
    const auto colours = colour_map_from_name(p.parser.value(p.colours).toLower().toStdString());
    if (!colours) return QStringLiteral("--colour-map wants viridis, magma or greys");
    o.colours = *colours;
  }
  if (const QString error = validate(o); !error.isEmpty()) return error;
  return o;
}

int run_headless_export(const HeadlessOptions& o) {
  try {
    const std::filesystem::path dir(QFile::encodeName(o.model).toStdString());
    auto model = load_model(dir, make_cpu_backend(o.threads));
    auto tokenizer = load_tokenizer(dir, model->config().model_type);
    const auto summary = summarise_model(*model, *tokenizer, o.model, 0.0);
    RunRequest request;
    request.generation = 1;
    request.text_a = o.text.toStdString();
    request.text_b = o.text_pair.toStdString();
    request.attention_layers = layers_needed(o, summary->info.layers);
    const RunResultPtr result = compute_run(*model, *tokenizer, summary, request);
    if (const QString error = write_output(o, *result); !error.isEmpty()) {
      std::fprintf(stderr, "error: %s\n", qPrintable(error));
      return 1;
    }
    print_success(o, *result);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}

int headless_export_main(const QStringList& arguments) {
  if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
    std::fputs(kHeadlessUsage, stdout);
    return 0;
  }
  const auto parsed = parse_headless_args(arguments);
  if (const auto* error = std::get_if<QString>(&parsed)) {
    std::fprintf(stderr, "error: %s\n%s", qPrintable(*error), kHeadlessUsage);
    return 2;
  }
  return run_headless_export(std::get<HeadlessOptions>(parsed));
}

}  // namespace as::ui
