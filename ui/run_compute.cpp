#include "ui/run_compute.h"

#include "models/backend_selection.h"

#include <QFile>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "tokenizers/byte_level.h"
#include "ui/model_facts.h"

namespace as::ui {
namespace {

using Clock = std::chrono::steady_clock;

double millis_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

ForwardOptions attention_only() {
  ForwardOptions options;
  options.capture_attention = true;
  options.capture_hidden = false;  // no view shows hidden states yet: skip the copies
  // The step-through view recomputes one head from them; a third of the size of the attentions.
  options.capture_qkv = true;
  options.logits_positions = std::vector<int64_t>{};
  options.next_sentence = false;
  return options;
}

// Bytes a run keeping every layer would hold: probabilities and scores, and Q, K, V.
uint64_t full_capture_bytes(const ModelInfo& info, int64_t tokens) {
  const auto L = static_cast<uint64_t>(info.layers), NH = static_cast<uint64_t>(info.heads);
  const auto T = static_cast<uint64_t>(tokens), H = static_cast<uint64_t>(info.hidden);
  return sizeof(float) * (2 * L * NH * T * T + 3 * L * T * H);
}

// The focus layers that exist, in order, without repeats; layer 0 when none does.
std::vector<int64_t> focus_layers_of(const RunRequest& request, int64_t layers) {
  std::vector<int64_t> focus;
  for (int64_t l : request.focus_layers)
    if (l >= 0 && l < layers && std::find(focus.begin(), focus.end(), l) == focus.end()) focus.push_back(l);
  if (focus.empty()) focus.push_back(0);
  std::sort(focus.begin(), focus.end());
  return focus;
}

}  // namespace

std::vector<TokenLabel> token_labels_for(const std::vector<Token>& tokens, const Tokenizer& tokenizer) {
  if (tokenizer.kind() == "bpe") {
    // Tokenizer::decode replaces the bytes of a split character with U+FFFD; the byte map gives
    // each token's exact bytes, so the label can name the character it holds part of.
    std::vector<std::string> bytes;
    bytes.reserve(tokens.size());
    for (const Token& token : tokens) bytes.push_back(ByteLevelMap::instance().decode_token(token.text));
    return byte_level_labels(tokens, bytes);
  }
  std::vector<TokenLabel> labels;
  labels.reserve(tokens.size());
  for (const Token& token : tokens) labels.push_back(wordpiece_label(token));
  return labels;
}

const WordExplanation* RunResult::explanation_of(size_t index) const {
  if (index >= encoding.tokens.size()) return nullptr;
  const int32_t word = encoding.tokens[index].word;
  const auto& words = in_second_sentence(index) ? explanations_b : explanations_a;
  if (word < 0 || static_cast<size_t>(word) >= words.size()) return nullptr;
  return &words[static_cast<size_t>(word)];
}

ModelSummaryPtr summarise_model(const Model& model, const Tokenizer& tokenizer, const QString& dir,
                                double load_millis) {
  auto summary = std::make_shared<ModelSummary>();
  summary->info = model.info();
  // The engine leaves ModelInfo::path empty; the panel and the title need the folder.
  if (summary->info.path.empty()) summary->info.path = dir.toStdString();
  summary->backend = model.backend().name();
  summary->fallback_reason = fallback_reason(model);
  summary->backend_device = model.backend().device_name();
  summary->tokenizer_kind = tokenizer.kind();
  if (const auto mask = tokenizer.special_ids().mask) summary->mask_token = tokenizer.id_to_token(*mask);
  summary->random_note = random_weights_note(std::filesystem::path(QFile::encodeName(dir).toStdString()));
  summary->load_millis = load_millis;
  summary->position_embeddings = std::make_shared<const Tensor>(model.position_embeddings());
  return summary;
}

RunResultPtr compute_run(Model& model, const Tokenizer& tokenizer, const ModelSummaryPtr& summary,
                         const RunRequest& request) {
  const auto started = Clock::now();
  auto result = std::make_shared<RunResult>();
  result->generation = request.generation;
  result->model = summary;
  result->request = request;

  EncodeOptions encode_options;
  encode_options.max_length = summary->info.max_positions;  // longer input would not fit the positions
  const bool pair = summary->takes_sentence_pairs() && !request.text_b.empty();
  result->encoding = pair ? tokenizer.encode_pair(request.text_a, request.text_b, encode_options)
                          : tokenizer.encode(request.text_a, encode_options);
  result->labels = token_labels_for(result->encoding.tokens, tokenizer);
  // Cheap next to the forward pass, and it lets the tokens view explain any word at once.
  result->explanations_a = tokenizer.explain(request.text_a);
  if (pair) result->explanations_b = tokenizer.explain(request.text_b);
  result->tokenize_millis = millis_since(started);

  ForwardInput input;
  input.ids = result->encoding.ids();
  if (summary->takes_sentence_pairs()) input.token_type_ids = result->encoding.token_type_ids;
  ForwardOptions options = attention_only();
  options.cancel = request.cancel.get();
  options.on_layer = request.on_layer;
  options.attention_layers = request.attention_layers;
  std::optional<AttentionOverviewBuilder> overview;
  const int64_t T = static_cast<int64_t>(input.ids.size());
  if (!request.attention_layers && full_capture_bytes(summary->info, T) > request.full_capture_limit) {
    options.attention_layers = focus_layers_of(request, summary->info.layers);
    overview.emplace();
    options.on_attention = [&overview](size_t layer, const Tensor& probabilities, const Tensor& scores) {
      overview->add(layer, probabilities, scores);
    };
  }
  if (!input.ids.empty()) result->forward = model.forward(input, options);
  if (overview && !input.ids.empty()) result->overview = overview->finish();
  result->total_millis = millis_since(started);
  return result;
}

}  // namespace as::ui
