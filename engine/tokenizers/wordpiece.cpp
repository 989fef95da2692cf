#include "tokenizers/wordpiece.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "tokenizers/call_cache.h"
#include "tokenizers/unicode.h"

namespace as {

namespace {

// The text's code points, each spanning itself.
SpannedText spanned_code_points(std::string_view valid_text) {
  SpannedText out;
  out.chars = unicode::decode_utf8(valid_text);
  out.spans.resize(out.chars.size());
  for (size_t i = 0; i < out.spans.size(); ++i)
    out.spans[i] = {static_cast<int32_t>(i), static_cast<int32_t>(i + 1)};
  return out;
}

std::vector<SpecialToken> special_tokens_of(const WordPieceConfig& config, const Vocab& vocab, int32_t unk_id) {
  // HF's all_special_tokens order; BertTokenizer keeps them as plain strings, which
  // PreTrainedTokenizer.tokenize strips on both sides (whitespace never reaches WordPiece anyway).
  std::vector<std::string> names = {config.unk_token, config.sep_token, config.pad_token, config.cls_token,
                                    config.mask_token};
  names.insert(names.end(), config.additional_special_tokens.begin(), config.additional_special_tokens.end());
  std::vector<SpecialToken> tokens;
  for (const auto& name : names) {
    if (name.empty()) continue;
    if (std::any_of(tokens.begin(), tokens.end(), [&](const SpecialToken& t) { return t.content == name; })) continue;
    tokens.push_back({name, vocab.find(name).value_or(unk_id), true, true});
  }
  return tokens;
}

BasicTokenizerOptions basic_options(const WordPieceConfig& config) {
  BasicTokenizerOptions options = config.basic;
  for (const std::string* name : {&config.unk_token, &config.sep_token, &config.pad_token, &config.cls_token,
                                  &config.mask_token})
    options.protected_words.push_back(*name);
  options.protected_words.insert(options.protected_words.end(), config.additional_special_tokens.begin(),
                                 config.additional_special_tokens.end());
  return options;
}

}  // namespace

struct WordPieceTokenizer::Scratch {
  std::string word_utf8;
  std::vector<size_t> offsets;  // byte offset of each code point of the word, plus the end
  std::string candidate;
  struct Piece {
    size_t begin;  // code points of the word
    size_t end;
    int32_t id;
  };
  std::vector<Piece> pieces;
};

WordPieceTokenizer::WordPieceTokenizer(Vocab vocab, WordPieceConfig config)
    : vocab_(std::move(vocab)), config_(std::move(config)), basic_(basic_options(config_)) {
  const auto unk = vocab_.find(config_.unk_token);
  if (!unk) throw Error("WordPiece vocabulary has no entry for the unknown token '" + config_.unk_token + "'");
  unk_id_ = *unk;
  unk_text_ = TokenText(config_.unk_token);
  const auto cls = vocab_.find(config_.cls_token);
  const auto sep = vocab_.find(config_.sep_token);
  if (!cls || !sep)
    throw Error("WordPiece vocabulary lacks '" + config_.cls_token + "' or '" + config_.sep_token +
                "' needed to build [CLS] A [SEP] sequences");
  post_ = config_.post_processor.value_or(PostProcessor::bert(config_.cls_token, *cls, config_.sep_token, *sep));
  specials_ = SpecialTokenMatcher(special_tokens_of(config_, vocab_, unk_id_));
  split_before_lowering_ = special_tokens_survive_lower_casing(specials_.tokens());

  trie_ = WordPieceTrie(vocab_);
  for (int32_t id = 0; id < vocab_.id_limit(); ++id)
    if (const std::string* token = vocab_.token(id)) longest_entry_bytes_ = std::max(longest_entry_bytes_, token->size());
  continuation_root_ = trie_.walk(trie_.root(), config_.continuing_subword_prefix);
}

Vocab WordPieceTokenizer::read_vocab_txt(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open " + path.string() + " (expected a WordPiece vocab.txt, one token per line)");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_vocab_txt(buffer.str(), path.string());
}

Vocab WordPieceTokenizer::parse_vocab_txt(std::string_view data, const std::string& label) {
  // Python's readlines() in text mode: "\r\n" and "\r" end lines too; rstrip("\n") removes the end.
  Vocab vocab;
  int32_t id = 0;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t end = data.find_first_of("\r\n", pos);
    if (end == std::string::npos) end = data.size();
    vocab.add(std::string(data.substr(pos, end - pos)), id++);
    if (end < data.size() && data[end] == '\r' && end + 1 < data.size() && data[end + 1] == '\n') ++end;
    pos = end + 1;
  }
  if (vocab.size() == 0) throw Error(label + " is empty (expected a WordPiece vocabulary)");
  return vocab;
}

Token& WordPieceTokenizer::add_token(std::vector<Token>& out, const TokenText& piece, int32_t id, Span span,
                                     bool continuation, int32_t word) {
  Token& t = out.emplace_back();
  t.id = id;
  t.text = piece;
  t.continuation = continuation;
  t.start = span.start;
  t.end = span.end;
  t.word = word;
  return t;
}

// A token of a cached run of text, relative to the run: its first character and word are 0.
struct WordPieceTokenizer::RunToken {
  TokenText text;
  int32_t id;
  int32_t word;
  int32_t start;
  int32_t end;
  bool continuation;
};

// What tokenize() builds, passed down to the steps.
struct WordPieceTokenizer::Output {
  std::vector<Token> tokens;
  std::vector<WordExplanation>* explanations = nullptr;
  int32_t word_index = 0;
  Scratch scratch;
  CallCache<RunToken>* runs = nullptr;  // long texts only (see tokenize_runs)
  std::vector<RunToken> run_tokens;     // the tokens of the run being remembered
};

std::vector<Token> WordPieceTokenizer::tokenize(std::string_view text, std::vector<std::string>& warnings,
                                                std::vector<WordExplanation>* explanations) const {
  size_t replaced = 0;
  std::string repaired;
  const std::string_view valid = unicode::valid_utf8_view(text, repaired, &replaced);
  if (replaced > 0) warnings.push_back(invalid_utf8_warning(replaced));
  if (valid.size() > static_cast<size_t>(INT32_MAX)) throw Error("text too long to tokenize (over 2 GiB)");

  Output out;
  out.explanations = explanations;
  CallCache<RunToken> runs;
  if (!explanations && valid.size() >= 16384) out.runs = &runs;  // not worth it for short texts
  reserve_tokens(out.tokens, valid.size() / 4 + kRoomForSpecialTokens);
  // BertTokenizer lower-cases the text first and looks for special tokens after; when that cannot
  // matter (no lower-casing, or special tokens lower-casing cannot create or hide) the faster
  // order is used: find them in the UTF-8 text, lower-case word by word.
  if (!config_.basic.do_lower_case || (config_.split_special_tokens_from_text && split_before_lowering_)) {
    split_then_lower(valid, out);
  } else {
    lower_then_split(valid, out);
  }
  return std::move(out.tokens);
}

BasicTokenizer::WordSink WordPieceTokenizer::to_wordpiece(Output& out) const {
  return [this, &out](const SpannedText& word, size_t begin, size_t end, bool never_split) {
    WordExplanation* explanation = out.explanations ? &out.explanations->emplace_back() : nullptr;
    wordpiece(word, begin, end, never_split, out.word_index++, out.scratch, out.tokens, explanation);
  };
}

void WordPieceTokenizer::add_special(Output& out, int special, Span span) const {
  const SpecialToken& token = specials_.tokens()[static_cast<size_t>(special)];
  add_token(out.tokens, token.content, token.id, span, false, out.word_index++).special = true;
  if (out.explanations) out.explanations->push_back({token.content, {token.content}, {}, {}, {}});
}

void WordPieceTokenizer::split_then_lower(std::string_view valid, Output& out) const {
  // Special tokens found in the original UTF-8 text; each other part is lower-cased character by
  // character inside BasicTokenizer. Same result as lower_then_split (special_tokens_survive_lower_casing).
  const std::vector<TextPart> parts = config_.split_special_tokens_from_text
                                          ? specials_.split(valid)
                                          : std::vector<TextPart>{{0, valid.size(), -1}};
  const BasicTokenizer::WordSink sink = to_wordpiece(out);
  size_t counted_bytes = 0;
  int32_t counted_chars = 0;
  const auto char_index = [&](size_t byte) {  // parts come in order: count forward only
    counted_chars += static_cast<int32_t>(unicode::count_code_points(valid.substr(counted_bytes, byte - counted_bytes)));
    counted_bytes = byte;
    return counted_chars;
  };
  for (const TextPart& part : parts) {
    const int32_t first = char_index(part.begin);
    if (part.special >= 0) {
      add_special(out, part.special, {first, char_index(part.end)});
      continue;
    }
    tokenize_runs(valid.substr(part.begin, part.end - part.begin), first, out, sink);
  }
}

void WordPieceTokenizer::tokenize_runs(std::string_view text, int32_t first_index, Output& out,
                                       const BasicTokenizer::WordSink& sink) const {
  if (!out.runs) {
    basic_.tokenize_utf8(text, first_index, config_.basic.do_lower_case, sink);
    return;
  }
  // BasicTokenizer's words of a run of characters between separators depend on that run alone
  // (a separator ends every word), so each run goes through it once per call and repeats of it
  // copy its tokens.
  size_t run_begin = 0;
  int32_t run_index = first_index;
  bool in_run = false;
  size_t pos = 0;
  int32_t index = first_index;
  while (pos < text.size()) {
    const auto [c, length] = unicode::code_point_at(text, pos);
    if (BasicTokenizer::separates_words(c)) {
      if (in_run) tokenize_run(text.substr(run_begin, pos - run_begin), run_index, out, sink);
      in_run = false;
    } else if (!in_run) {
      in_run = true;
      run_begin = pos;
      run_index = index;
    }
    pos += length;
    ++index;
  }
  if (in_run) tokenize_run(text.substr(run_begin), run_index, out, sink);
}

void WordPieceTokenizer::tokenize_run(std::string_view run, int32_t first_index, Output& out,
                                      const BasicTokenizer::WordSink& sink) const {
  constexpr size_t kLongestCachedRun = 1024;  // longer runs rarely repeat
  const bool cacheable = run.size() <= kLongestCachedRun;
  const uint64_t hash = cacheable ? hash_token(run) : 0;
  if (cacheable) {
    if (const auto hit = out.runs->find(run, hash); !hit.empty()) {
      for (const RunToken& r : hit) {
        Token& t = out.tokens.emplace_back();
        t.id = r.id;
        t.word = out.word_index + r.word;
        t.text = r.text;
        t.start = first_index + r.start;
        t.end = first_index + r.end;
        t.continuation = r.continuation;
      }
      out.word_index += hit.back().word + 1;
      return;
    }
  }
  const size_t first_token = out.tokens.size();
  const int32_t first_word = out.word_index;
  basic_.tokenize_utf8(run, first_index, config_.basic.do_lower_case, sink);
  if (!cacheable || out.tokens.size() == first_token) return;
  out.run_tokens.clear();
  for (size_t i = first_token; i < out.tokens.size(); ++i) {
    const Token& t = out.tokens[i];
    out.run_tokens.push_back({t.text, t.id, t.word - first_word, static_cast<int32_t>(t.start - first_index),
                              static_cast<int32_t>(t.end - first_index), t.continuation});
  }
  // A hit advances the word index by the last token's word + 1: true when every word had a token.
  if (out.run_tokens.back().word + 1 == out.word_index - first_word) out.runs->remember(run, hash, out.run_tokens);
}

void WordPieceTokenizer::lower_then_split(std::string_view valid, Output& out) const {
  // Literally PreTrainedTokenizer.tokenize: lower-case the whole text outside the special tokens
  // (protected even when they are not split out), then look for them in the lower-cased text.
  SpannedText chars = spanned_code_points(valid);
  std::vector<std::pair<size_t, size_t>> protect;
  for (const TextPart& p : specials_.find_all(chars.chars)) protect.emplace_back(p.begin, p.end);
  lower_case_outside(chars, protect);
  const std::vector<TextPart> parts = config_.split_special_tokens_from_text
                                          ? specials_.split(chars.chars)
                                          : std::vector<TextPart>{{0, chars.size(), -1}};
  const BasicTokenizer::WordSink sink = to_wordpiece(out);
  for (const TextPart& part : parts) {
    if (part.special >= 0) {
      add_special(out, part.special, chars.cover(part.begin, part.end));
      continue;
    }
    basic_.tokenize(chars, part.begin, part.end, sink);
  }
}

void WordPieceTokenizer::wordpiece(const SpannedText& text, size_t word_begin, size_t word_end, bool never_split,
                                   int32_t word_index, Scratch& scratch, std::vector<Token>& out,
                                   WordExplanation* explanation) const {
  const size_t length = word_end - word_begin;
  scratch.word_utf8.resize(length);
  scratch.offsets.resize(length + 1);
  size_t bytes = 0;
  for (size_t i = 0; i < length; ++i) {  // ASCII stays in place; the first other character switches to appending
    const char32_t c = text.chars[word_begin + i];
    scratch.offsets[i] = bytes;
    if (c < 0x80 && bytes == i) {
      scratch.word_utf8[bytes++] = static_cast<char>(c);
      continue;
    }
    scratch.word_utf8.resize(bytes);
    unicode::append_utf8(scratch.word_utf8, c);
    bytes = scratch.word_utf8.size();
  }
  scratch.word_utf8.resize(bytes);
  scratch.offsets[length] = bytes;
  const Span whole = text.cover(word_begin, word_end);
  if (explanation) explanation->word = scratch.word_utf8;

  const auto emit_whole = [&](const TokenText& piece, int32_t id) {
    add_token(out, piece, id, whole, false, word_index);
    if (explanation) explanation->pieces.emplace_back(piece);
  };
  if (never_split) {  // BertTokenizer._tokenize keeps never_split words whole
    emit_whole(TokenText(scratch.word_utf8), vocab_.find(scratch.word_utf8).value_or(unk_id_));
    return;
  }
  if (length > config_.max_input_chars_per_word) {
    emit_whole(unk_text_, unk_id_);
    return;
  }

  const std::string& prefix = config_.continuing_subword_prefix;
  scratch.pieces.clear();
  size_t start = 0;
  while (start < length) {
    size_t end = 0;
    const int32_t found = explanation ? match_listing_candidates(scratch, start, *explanation, &end)
                                      : longest_match(scratch, start, &end);
    if (found < 0) {  // no piece matches at `start`: the whole word becomes [UNK]
      emit_whole(unk_text_, unk_id_);
      return;
    }
    scratch.pieces.push_back({start, end, found});
    start = end;
  }
  for (const auto& piece : scratch.pieces) {
    const Span span = text.cover(word_begin + piece.begin, word_begin + piece.end);
    if (vocab_.token(piece.id)) {
      add_token(out, vocab_.text(piece.id), piece.id, span, piece.begin > 0, word_index);
    } else {  // a repeated vocabulary line: rebuild the string that matched
      std::string matched = piece.begin > 0 ? prefix : std::string();
      matched.append(scratch.word_utf8, scratch.offsets[piece.begin],
                     scratch.offsets[piece.end] - scratch.offsets[piece.begin]);
      add_token(out, TokenText(matched), piece.id, span, piece.begin > 0, word_index);
    }
    if (explanation) explanation->pieces.push_back(out.back().text);
  }
}

int32_t WordPieceTokenizer::longest_match(Scratch& scratch, size_t start, size_t* end) const {
  // The longest vocabulary entry equal to (prefix +) characters [start, e) of the word, for some e.
  // Usually the whole rest of the word is one (one hash lookup); otherwise walk the trie along the
  // word's bytes, remembering the last entry that ends on a character boundary.
  const size_t length = scratch.offsets.size() - 1;
  const std::string_view rest = std::string_view(scratch.word_utf8).substr(scratch.offsets[start]);
  std::optional<int32_t> whole;
  if (rest.size() + (start > 0 ? config_.continuing_subword_prefix.size() : 0) > longest_entry_bytes_) {
    // longer than every vocabulary entry: go straight to the walk
  } else if (start == 0) {
    whole = vocab_.find(rest);
  } else {
    scratch.candidate.assign(config_.continuing_subword_prefix);
    scratch.candidate.append(rest);
    whole = vocab_.find(scratch.candidate);
  }
  if (whole) {
    *end = length;
    return *whole;
  }
  int32_t node = start == 0 ? trie_.root() : continuation_root_;
  int32_t found = -1;
  size_t chars = start;
  const size_t byte_end = scratch.offsets.back();
  for (size_t b = scratch.offsets[start]; b < byte_end && node != WordPieceTrie::kNone; ++b) {
    node = trie_.child(node, static_cast<uint8_t>(scratch.word_utf8[b]));
    if (node == WordPieceTrie::kNone) break;
    if (b + 1 != scratch.offsets[chars + 1]) continue;  // inside a multi-byte character
    ++chars;
    const int32_t id = trie_.token(node);
    if (id != WordPieceTrie::kNone) {
      found = id;
      *end = chars;
    }
  }
  return found;
}

int32_t WordPieceTokenizer::match_listing_candidates(Scratch& scratch, size_t start, WordExplanation& explanation,
                                                     size_t* end) const {
  // The Python loop itself: every candidate from the longest down, each looked up in the vocabulary.
  const size_t length = scratch.offsets.size() - 1;
  for (size_t e = length; e > start; --e) {
    scratch.candidate.clear();
    if (start > 0) scratch.candidate = config_.continuing_subword_prefix;
    scratch.candidate.append(scratch.word_utf8, scratch.offsets[start], scratch.offsets[e] - scratch.offsets[start]);
    const auto id = vocab_.find(scratch.candidate);
    explanation.wordpiece_steps.push_back({static_cast<int64_t>(scratch.offsets[start]),
                                           static_cast<int64_t>(scratch.offsets[e]), scratch.candidate,
                                           id.has_value()});
    if (id) {
      *end = e;
      return *id;
    }
  }
  return -1;
}

Encoding WordPieceTokenizer::encode(std::string_view text, const EncodeOptions& options) const {
  std::vector<std::string> warnings;
  std::vector<Token> tokens = tokenize(text, warnings, nullptr);
  return post_.assemble(std::move(tokens), nullptr, options, std::move(warnings));
}

Encoding WordPieceTokenizer::encode_pair(std::string_view text_a, std::string_view text_b,
                                         const EncodeOptions& options) const {
  std::vector<std::string> warnings;
  std::vector<Token> a = tokenize(text_a, warnings, nullptr);
  std::vector<std::string> warnings_b;
  std::vector<Token> b = tokenize(text_b, warnings_b, nullptr);
  for (auto& w : warnings_b) warnings.push_back("second text: " + w);
  return post_.assemble(std::move(a), &b, options, std::move(warnings));
}

std::vector<WordExplanation> WordPieceTokenizer::explain(std::string_view text) const {
  std::vector<std::string> warnings;
  std::vector<WordExplanation> explanations;
  tokenize(text, warnings, &explanations);
  return explanations;
}

std::string WordPieceTokenizer::id_to_token(int32_t id) const {
  const std::string* token = vocab_.token(id);
  if (token) return *token;
  if (id < 0 || id >= vocab_.id_limit())
    throw Error("token id " + std::to_string(id) + " is outside the vocabulary (0.." +
                std::to_string(vocab_.id_limit() - 1) + ")");
  return config_.unk_token;  // HF: ids_to_tokens.get(index, unk_token)
}

std::string WordPieceTokenizer::decode(std::span<const int32_t> ids) const {
  // HF convert_tokens_to_string: " ".join(tokens).replace(" ##", "").strip()
  std::string joined;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) joined.push_back(' ');
    joined += id_to_token(ids[i]);
  }
  const std::string glue = " " + config_.continuing_subword_prefix;
  std::string text;
  text.reserve(joined.size());
  size_t pos = 0;
  while (pos < joined.size()) {
    if (!config_.continuing_subword_prefix.empty() && joined.compare(pos, glue.size(), glue) == 0) {
      pos += glue.size();
      continue;
    }
    text.push_back(joined[pos++]);
  }
  const std::u32string chars = unicode::decode_utf8(text);
  size_t first = 0, last = chars.size();
  while (first < last && unicode::is_python_space(chars[first])) ++first;
  while (last > first && unicode::is_python_space(chars[last - 1])) --last;
  return unicode::to_utf8(std::u32string_view(chars).substr(first, last - first));
}

std::string WordPieceTokenizer::decode_stream_piece(int32_t id, bool first) const {
  const std::string token = id_to_token(id);
  const std::string& prefix = config_.continuing_subword_prefix;
  if (!prefix.empty() && token.compare(0, prefix.size(), prefix) == 0) return token.substr(prefix.size());
  return first ? token : " " + token;
}

SpecialTokenIds WordPieceTokenizer::special_ids() const {
  SpecialTokenIds ids;
  ids.cls = vocab_.find(config_.cls_token);
  ids.sep = vocab_.find(config_.sep_token);
  ids.mask = vocab_.find(config_.mask_token);
  ids.pad = vocab_.find(config_.pad_token);
  ids.unk = unk_id_;
  return ids;
}

}  // namespace as
