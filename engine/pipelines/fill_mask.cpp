#include "pipelines/fill_mask.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "pipelines/generation.h"
#include "pipelines/sampling.h"

namespace as {

namespace {

// Target words -> vocabulary ids; a word of several pieces uses its first piece (as HF warns).
std::vector<int32_t> target_ids(const Tokenizer& tok, const std::vector<std::string>& targets,
                                std::vector<std::string>& warnings) {
  std::vector<int32_t> ids;
  EncodeOptions no_specials;
  no_specials.add_special_tokens = false;
  for (const auto& word : targets) {
    if (auto id = tok.token_to_id(word)) {
      ids.push_back(*id);
      continue;
    }
    Encoding enc = tok.encode(word, no_specials);
    if (enc.tokens.empty()) throw Error("target '" + word + "' produces no token");
    if (enc.tokens.size() > 1)
      warnings.push_back("the target '" + word + "' is not a single token in the vocabulary; using its first piece '" +
                         enc.tokens.front().text + "'");
    ids.push_back(enc.tokens.front().id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// transformers' clean_up_tokenization (on by default for BERT's decode, which the fill-mask
// pipeline uses for `sequence`): removes the space the WordPiece join leaves before punctuation.
std::string clean_up_tokenization(std::string text) {
  static const std::pair<const char*, const char*> kRules[] = {
      {" .", "."}, {" ?", "?"}, {" !", "!"}, {" ,", ","}, {" ' ", "'"}, {" n't", "n't"},
      {" 'm", "'m"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"}};
  for (const auto& [from, to] : kRules) {
    const std::string f = from, t = to;
    for (size_t pos = text.find(f); pos != std::string::npos; pos = text.find(f, pos + t.size()))
      text.replace(pos, f.size(), t);
  }
  return text;
}

// The input with `id` at `position`, special tokens dropped, decoded.
std::string completed_sequence(const Tokenizer& tok, std::vector<int32_t> ids, int64_t position, int32_t id) {
  ids[static_cast<size_t>(position)] = id;
  const auto sp = tok.special_ids();
  std::vector<int32_t> kept;
  for (int32_t t : ids)
    if (t != sp.cls && t != sp.sep && t != sp.pad && t != sp.bos && t != sp.eos) kept.push_back(t);
  const std::string text = tok.decode(kept);
  return tok.kind() == "wordpiece" ? clean_up_tokenization(text) : text;
}

}  // namespace

FillMaskResult fill_mask_ids(Model& model, const Tokenizer& tok, const std::vector<int32_t>& ids,
                             const FillMaskOptions& options) {
  if (!model.info().has_mlm_head)
    throw Error("this checkpoint has no masked-LM head (" + model.info().architecture + "); fill-mask needs one");
  if (options.top_k < 1) throw Error("top-k must be at least 1");
  const auto mask_id = tok.special_ids().mask;
  if (!mask_id) throw Error("the tokenizer has no mask token");
  FillMaskResult result;
  result.ids = ids;
  std::vector<int64_t> positions;
  for (size_t i = 0; i < ids.size(); ++i)
    if (ids[i] == *mask_id) positions.push_back(static_cast<int64_t>(i));
  if (positions.empty()) throw Error("the input has no " + tok.id_to_token(*mask_id) + " token to fill");
  const auto targets = target_ids(tok, options.targets, result.warnings);
  ForwardInput in;
  in.ids = ids;
  ForwardOptions fo;
  fo.logits_positions = positions;
  result.forward = model.forward(in, fo);
  for (size_t m = 0; m < positions.size(); ++m) {
    const std::span<const float> row(result.forward.logits.data() + m * static_cast<size_t>(result.forward.logits.dim(1)),
                                     static_cast<size_t>(result.forward.logits.dim(1)));
    std::vector<double> probs = softmax(row);
    if (!targets.empty()) {
      // Only the targets compete, but each keeps its probability over the whole vocabulary.
      std::vector<double> only(probs.size(), -1.0);
      for (int32_t t : targets) only[static_cast<size_t>(t)] = probs[static_cast<size_t>(t)];
      probs.swap(only);
    }
    const int64_t k = targets.empty() ? options.top_k : std::min<int64_t>(options.top_k, static_cast<int64_t>(targets.size()));
    MaskPrediction pred;
    pred.position = positions[m];
    for (const auto& tp : top_tokens(probs, k, &tok)) {
      MaskCandidate c;
      c.id = tp.id;
      c.token = tp.token;
      c.probability = tp.probability;
      c.token_str = tok.decode(std::vector<int32_t>{tp.id});
      c.sequence = completed_sequence(tok, ids, pred.position, tp.id);
      pred.candidates.push_back(std::move(c));
    }
    result.masks.push_back(std::move(pred));
  }
  return result;
}

FillMaskResult fill_mask(Model& model, const Tokenizer& tok, const std::string& text, const FillMaskOptions& options) {
  EncodeOptions eo;
  eo.max_length = model.info().max_positions;
  Encoding enc = tok.encode(text, eo);
  FillMaskResult r = fill_mask_ids(model, tok, enc.ids(), options);
  r.warnings.insert(r.warnings.begin(), enc.warnings.begin(), enc.warnings.end());
  return r;
}

double next_sentence_probability(Model& model, const Tokenizer& tok, const std::string& a, const std::string& b) {
  if (!model.info().has_nsp_head)
    throw Error("this checkpoint has no next-sentence head (pooler + cls.seq_relationship); NSP needs a BertForPreTraining checkpoint");
  EncodeOptions eo;
  eo.max_length = model.info().max_positions;
  Encoding enc = tok.encode_pair(a, b, eo);
  ForwardInput in;
  in.ids = enc.ids();
  in.token_type_ids = enc.token_type_ids;
  ForwardOptions fo;
  fo.capture_attention = fo.capture_hidden = false;
  fo.logits_positions = std::vector<int64_t>{};
  const ForwardResult r = model.forward(in, fo);
  const float l0 = (*r.nsp_logits)[0], l1 = (*r.nsp_logits)[1];
  return 1.0 / (1.0 + std::exp(static_cast<double>(l1) - static_cast<double>(l0)));
}

}  // namespace as
