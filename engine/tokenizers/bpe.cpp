#include "tokenizers/bpe.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "tokenizers/byte_level.h"
#include "tokenizers/unicode.h"

namespace as {

namespace {

std::string read_text_file(const std::filesystem::path& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open " + path.string() + " (expected " + what + ")");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Maps byte offsets of a valid UTF-8 text to code point indices. Queries are expected in
// non-decreasing order (tokens come left to right); an earlier query restarts from the beginning.
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view text) : text_(text) {}

  // Index of the code point that contains byte `b` (the code point count when b == size()).
  int64_t containing(size_t b) {
    if (b < pos_) {
      pos_ = 0;
      index_ = 0;
    }
    while (pos_ < text_.size()) {
      const size_t next = pos_ + sequence_length(static_cast<unsigned char>(text_[pos_]));
      if (next > b) break;
      pos_ = next;
      ++index_;
    }
    return index_;
  }

  // The code point span [start, end) of bytes [begin, end).
  std::pair<int64_t, int64_t> span(size_t begin, size_t end) {
    const int64_t start = containing(begin);
    if (end <= begin) return {start, start};
    return {start, containing(end - 1) + 1};
  }

 private:
  static size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    return 2;
  }
  std::string_view text_;
  size_t pos_ = 0;
  int64_t index_ = 0;
};

// Python's str.split(): pieces separated by runs of whitespace.
std::vector<std::string> split_python_whitespace(std::string_view line) {
  std::vector<std::string> parts;
  std::string current;
  size_t pos = 0;
  while (pos < line.size()) {
    size_t n = unicode::valid_sequence_length(line, pos);
    if (n == 0) n = 1;
    const char32_t cp = n == 1 ? static_cast<unsigned char>(line[pos]) : unicode::decode_valid_sequence(line, pos, n);
    if (unicode::is_python_space(cp)) {
      if (!current.empty()) parts.push_back(std::move(current));
      current.clear();
    } else {
      current.append(line.substr(pos, n));
    }
    pos += n;
  }
  if (!current.empty()) parts.push_back(std::move(current));
  return parts;
}

}  // namespace

ByteLevelBpeTokenizer::ByteLevelBpeTokenizer(Vocab vocab, const MergeList& merges, BpeConfig config)
    : vocab_(std::move(vocab)), config_(std::move(config)), specials_(config_.special_tokens) {
  const ByteLevelMap& bytes = ByteLevelMap::instance();
  for (int b = 0; b < 256; ++b) {
    const std::string& symbol = bytes.encode(static_cast<uint8_t>(b));
    const auto id = vocab_.find(symbol);
    if (!id)
      throw Error("byte-level BPE vocabulary lacks the symbol '" + symbol + "' for byte " + std::to_string(b) +
                  " (every one of the 256 byte symbols must be in the vocabulary)");
    byte_symbol_[static_cast<size_t>(b)] = *id;
  }
  for (size_t rank = 0; rank < merges.size(); ++rank) {
    const auto& [left, right] = merges[rank];
    const auto left_id = vocab_.find(left), right_id = vocab_.find(right);
    // A pair with a side outside the vocabulary can never form (every merge result is checked below).
    if (!left_id || !right_id) continue;
    const auto merged = vocab_.find(left + right);
    if (!merged)
      throw Error("BPE merge " + std::to_string(rank + 1) + " ('" + left + "' + '" + right + "') produces '" + left +
                  right + "', which is not in the vocabulary");
    merges_.add(*left_id, *right_id, static_cast<int32_t>(rank), *merged);
  }
  raw_bytes_.resize(static_cast<size_t>(vocab_.id_limit()));
  for (int32_t id = 0; id < vocab_.id_limit(); ++id)
    if (const std::string* token = vocab_.token(id)) raw_bytes_[static_cast<size_t>(id)] = bytes.decode_token(*token);
}

Vocab ByteLevelBpeTokenizer::read_vocab_json(const std::filesystem::path& path) {
  return parse_vocab_json(read_text_file(path, "a BPE vocab.json"), path.string());
}

Vocab ByteLevelBpeTokenizer::parse_vocab_json(std::string_view text, const std::string& label) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw Error(label + " is not valid JSON: " + e.what());
  }
  if (!json.is_object()) throw Error(label + ": expected a JSON object {\"token\": id, ...}");
  Vocab vocab;
  for (const auto& [token, id] : json.items()) {
    if (!id.is_number_integer() || id.get<int64_t>() < 0 || id.get<int64_t>() > Vocab::kMaxId)
      throw Error(label + ": " + Vocab::id_range_error(token, id.dump()));
    vocab.add(token, id.get<int32_t>());
  }
  if (vocab.size() == 0) throw Error(label + " is empty (expected a BPE vocabulary)");
  return vocab;
}

MergeList ByteLevelBpeTokenizer::read_merges_txt(const std::filesystem::path& path) {
  return parse_merges_txt(read_text_file(path, "a BPE merges.txt"));
}

MergeList ByteLevelBpeTokenizer::parse_merges_txt(std::string_view text) {
  // Text mode with universal newlines: "\r\n" and "\r" read as "\n".
  std::string normalized;
  normalized.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      normalized.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      normalized.push_back(text[i]);
    }
  }
  // merges_handle.read().split("\n")[1:-1]
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (true) {
    const size_t end = normalized.find('\n', pos);
    if (end == std::string::npos) {
      lines.emplace_back(normalized.data() + pos, normalized.size() - pos);
      break;
    }
    lines.emplace_back(normalized.data() + pos, end - pos);
    pos = end + 1;
  }
  MergeList merges;
  for (size_t i = 1; i + 1 < lines.size(); ++i) {
    std::vector<std::string> parts = split_python_whitespace(lines[i]);
    // A line that is not exactly a pair still takes a rank but can never match (a tuple of
    // another length is never a pair of symbols): keep its place with an impossible pair.
    if (parts.size() != 2) parts = {std::string(), std::string()};
    merges.emplace_back(std::move(parts[0]), std::move(parts[1]));
  }
  return merges;
}

const std::string& ByteLevelBpeTokenizer::raw_bytes(int32_t id) const {
  if (id < 0 || id >= vocab_.id_limit())
    throw Error("token id " + std::to_string(id) + " is outside the vocabulary (0.." +
                std::to_string(vocab_.id_limit() - 1) + ")");
  return raw_bytes_[static_cast<size_t>(id)];
}

void ByteLevelBpeTokenizer::pieces_of(std::string_view pre_token, std::vector<BpePiece>& out, BpeCallCache* recent,
                                      WordExplanation* explanation) const {
  if (pre_token.size() == 1 && !explanation) {  // a single byte has nothing to merge
    out.assign(1, {byte_symbol_[static_cast<uint8_t>(pre_token[0])], 1});
    return;
  }
  const uint64_t hash = hash_token(pre_token);
  if (!explanation) {
    if (recent) {
      if (const auto hit = recent->find(pre_token, hash); !hit.empty()) {
        out.assign(hit.begin(), hit.end());
        return;
      }
    }
    if (cache_.find(pre_token, hash, out)) {
      if (recent) recent->remember(pre_token, hash, out);
      return;
    }
  }
  std::vector<int32_t> symbols;
  symbols.reserve(pre_token.size());
  for (char c : pre_token) symbols.push_back(byte_symbol_[static_cast<uint8_t>(c)]);

  if (explanation) {
    const ByteLevelMap& bytes = ByteLevelMap::instance();
    explanation->word.clear();
    bytes.encode_into(pre_token, explanation->word);
    for (char c : pre_token) explanation->initial_symbols.push_back(bytes.encode(static_cast<uint8_t>(c)));
    const BpeMerges::StepObserver observer = [&](int32_t left, int32_t right, int32_t rank,
                                                 const std::vector<int32_t>& after) {
      BpeMerge step;
      step.left = id_to_token(left);
      step.right = id_to_token(right);
      step.rank = rank;
      for (int32_t id : after) step.pieces_after.push_back(id_to_token(id));
      explanation->merges.push_back(std::move(step));
    };
    merges_.apply(symbols, &observer);
    for (int32_t id : symbols) explanation->pieces.push_back(id_to_token(id));
  } else {
    merges_.apply(symbols);
  }
  out.clear();
  for (int32_t id : symbols)
    out.push_back({id, static_cast<uint32_t>(raw_bytes_[static_cast<size_t>(id)].size())});
  if (!explanation) {
    cache_.insert(pre_token, hash, out);
    if (recent) recent->remember(pre_token, hash, out);
  }
}

std::vector<Token> ByteLevelBpeTokenizer::tokenize(std::string_view text, std::vector<std::string>& warnings,
                                                   std::vector<WordExplanation>* explanations) const {
  size_t replaced = 0;
  std::string repaired;
  const std::string_view valid = unicode::valid_utf8_view(text, repaired, &replaced);
  if (replaced > 0) warnings.push_back(invalid_utf8_warning(replaced));
  // prepare_for_tokenization: add_prefix_space puts a space before the text; it is no part of
  // the original, so offsets shift back by one byte and clamp at 0.
  std::string prefixed;
  if (config_.add_prefix_space) {
    prefixed.reserve(valid.size() + 1);
    prefixed.push_back(' ');
    prefixed.append(valid);
  }
  const std::string_view processed = config_.add_prefix_space ? std::string_view(prefixed) : std::string_view(valid);
  const size_t shift = config_.add_prefix_space ? 1 : 0;
  const auto original_byte = [&](size_t b) { return b < shift ? size_t{0} : b - shift; };

  if (processed.size() > UINT32_MAX) throw Error("text too long to tokenize (over 4 GiB)");
  // First a compact plan (20 bytes a token), then the tokens in a vector of exactly the right
  // size: tokens are 40 bytes each, and a 1 MB text can have half a million of them.
  const std::vector<PlannedToken> plan = plan_tokens(processed, explanations);

  CodePointCursor cursor(valid);
  std::vector<Token> tokens;
  reserve_tokens(tokens, plan.size() + kRoomForSpecialTokens);
  for (const PlannedToken& p : plan) {
    const auto [start, end] = cursor.span(original_byte(p.begin), original_byte(p.end));
    // Filled in place: a temporary Token moved into the vector would copy its text twice.
    Token& token = tokens.emplace_back();
    token.word = p.word;
    token.start = start;
    token.end = end;
    if (p.special) {
      const SpecialToken& special = specials_.tokens()[static_cast<size_t>(p.id)];
      token.id = special.id;
      token.text = special.content;
      token.special = true;
    } else {
      token.id = p.id;
      token.text = token_text(p.id);
      token.continuation = p.continuation;
    }
  }
  return tokens;
}

std::vector<ByteLevelBpeTokenizer::PlannedToken> ByteLevelBpeTokenizer::plan_tokens(
    std::string_view text, std::vector<WordExplanation>* explanations) const {
  std::vector<PlannedToken> plan;
  // Every token covers at least one byte, so this never reallocates (a reallocation would copy
  // and fault the plan twice); pages of the reserve that are never written are never touched.
  plan.reserve(text.size() + 1);
  std::vector<BpePiece> pieces;
  BpeCallCache recent;
  BpeCallCache* const recent_if_long = text.size() >= 16384 ? &recent : nullptr;  // not worth it for short texts
  int32_t word_index = 0;
  for (const TextPart& part : specials_.split(text)) {
    if (part.special >= 0) {
      plan.push_back({part.special, static_cast<uint32_t>(part.begin), static_cast<uint32_t>(part.end), word_index++,
                      false, true});
      if (explanations) {
        const std::string& content = specials_.tokens()[static_cast<size_t>(part.special)].content;
        explanations->push_back({content, {content}, {}, {}, {}});
      }
      continue;
    }
    const std::string_view segment = text.substr(part.begin, part.end - part.begin);
    pre_tokenizer_.split(segment, [&](size_t begin, size_t end) {
      WordExplanation* explanation = explanations ? &explanations->emplace_back() : nullptr;
      pieces_of(segment.substr(begin, end - begin), pieces, recent_if_long, explanation);
      auto byte = static_cast<uint32_t>(part.begin + begin);
      for (size_t i = 0; i < pieces.size(); ++i) {
        plan.push_back({pieces[i].id, byte, byte + pieces[i].bytes, word_index, i > 0, false});
        byte += pieces[i].bytes;
      }
      ++word_index;
    });
  }
  return plan;
}

Encoding ByteLevelBpeTokenizer::encode(std::string_view text, const EncodeOptions& options) const {
  std::vector<std::string> warnings;
  std::vector<Token> tokens = tokenize(text, warnings, nullptr);
  return config_.post.assemble(std::move(tokens), nullptr, options, std::move(warnings));
}

Encoding ByteLevelBpeTokenizer::encode_pair(std::string_view text_a, std::string_view text_b,
                                            const EncodeOptions& options) const {
  std::vector<std::string> warnings;
  std::vector<Token> a = tokenize(text_a, warnings, nullptr);
  std::vector<std::string> warnings_b;
  std::vector<Token> b = tokenize(text_b, warnings_b, nullptr);
  for (auto& w : warnings_b) warnings.push_back("second text: " + w);
  return config_.post.assemble(std::move(a), &b, options, std::move(warnings));
}

std::vector<WordExplanation> ByteLevelBpeTokenizer::explain(std::string_view text) const {
  std::vector<std::string> warnings;
  std::vector<WordExplanation> explanations;
  tokenize(text, warnings, &explanations);
  return explanations;
}

std::string ByteLevelBpeTokenizer::decode(std::span<const int32_t> ids) const {
  // convert_tokens_to_string: the tokens' bytes, decoded with errors="replace".
  std::string bytes;
  for (int32_t id : ids) bytes += raw_bytes(id);
  return unicode::make_valid_utf8(bytes, nullptr);
}

std::string ByteLevelBpeTokenizer::decode_stream_piece(int32_t id, bool) const { return raw_bytes(id); }

std::string ByteLevelBpeTokenizer::id_to_token(int32_t id) const {
  const std::string* token = vocab_.token(id);
  if (!token)
    throw Error("token id " + std::to_string(id) + " is not in the vocabulary (0.." +
                std::to_string(vocab_.id_limit() - 1) + ")");
  return *token;
}

SpecialTokenIds ByteLevelBpeTokenizer::special_ids() const {
  const auto id_of = [&](const std::string& name) -> std::optional<int32_t> {
    if (name.empty()) return std::nullopt;
    return vocab_.find(name);
  };
  SpecialTokenIds ids;
  ids.cls = id_of(config_.cls_token);
  ids.sep = id_of(config_.sep_token);
  ids.mask = id_of(config_.mask_token);
  ids.pad = id_of(config_.pad_token);
  ids.unk = id_of(config_.unk_token);
  ids.bos = id_of(config_.bos_token);
  ids.eos = id_of(config_.eos_token);
  return ids;
}

}  // namespace as
