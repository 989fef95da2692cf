#include "tokenizers/post_processor.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace as {

namespace {

TemplatePiece special(const std::string& token, int32_t id, int32_t type_id) {
  return {TemplatePiece::Kind::kSpecial, token, id, type_id};
}
TemplatePiece first(int32_t type_id) { return {TemplatePiece::Kind::kFirst, "", 0, type_id}; }
TemplatePiece second(int32_t type_id) { return {TemplatePiece::Kind::kSecond, "", 0, type_id}; }

// HF truncate_sequences: one sequence loses its tail; a pair loses one token at a time from the
// longer one (the second on ties). Returns how many tokens each lost.
struct Dropped {
  size_t first = 0;
  size_t second = 0;
};

Dropped truncate_longest_first(std::vector<Token>& a, std::vector<Token>* b, size_t to_remove) {
  Dropped dropped;
  for (size_t i = 0; i < to_remove; ++i) {
    const bool from_first = b == nullptr || a.size() > b->size();
    std::vector<Token>& victim = from_first ? a : *b;
    if (victim.empty()) break;
    victim.pop_back();
    (from_first ? dropped.first : dropped.second) += 1;
  }
  return dropped;
}

Token special_token(const TemplatePiece& piece) {
  Token t;
  t.id = piece.id;
  t.text = piece.token;
  t.special = true;
  return t;
}

// Lays out the template. The first text's tokens are moved as a block (the vector is reused, the
// leading special tokens are inserted in front of it) because texts can be megabytes long.
void build_from_template(const std::vector<TemplatePiece>& pieces, std::vector<Token> a, std::vector<Token>* b,
                         Encoding& encoding) {
  size_t leading = 0;
  while (leading < pieces.size() && pieces[leading].kind == TemplatePiece::Kind::kSpecial) ++leading;
  const bool first_text_follows = leading < pieces.size() && pieces[leading].kind == TemplatePiece::Kind::kFirst;
  std::vector<Token>& tokens = encoding.tokens;
  std::vector<int32_t>& types = encoding.token_type_ids;
  size_t next = 0;
  if (first_text_follows) {
    tokens = std::move(a);
    tokens.reserve(tokens.size() + pieces.size() + (b ? b->size() : 0));
    std::vector<Token> prefix;
    for (size_t i = 0; i < leading; ++i) prefix.push_back(special_token(pieces[i]));
    tokens.insert(tokens.begin(), std::make_move_iterator(prefix.begin()), std::make_move_iterator(prefix.end()));
    for (size_t i = 0; i < leading; ++i) types.push_back(pieces[i].type_id);
    types.resize(tokens.size(), pieces[leading].type_id);
    next = leading + 1;
  }
  for (size_t i = next; i < pieces.size(); ++i) {
    const TemplatePiece& piece = pieces[i];
    std::vector<Token>* sequence = piece.kind == TemplatePiece::Kind::kFirst ? &a
                                   : piece.kind == TemplatePiece::Kind::kSecond ? b
                                                                                 : nullptr;
    if (piece.kind == TemplatePiece::Kind::kSpecial) {
      tokens.push_back(special_token(piece));
      types.push_back(piece.type_id);
    } else if (sequence) {
      std::move(sequence->begin(), sequence->end(), std::back_inserter(tokens));
      types.resize(tokens.size(), piece.type_id);
    }
  }
}

}  // namespace

std::string invalid_utf8_warning(size_t replaced_sequences) {
  return "invalid UTF-8 in the text: " + std::to_string(replaced_sequences) + " ill-formed byte sequence" +
         (replaced_sequences == 1 ? "" : "s") + " replaced by U+FFFD";
}

void reserve_tokens(std::vector<Token>& tokens, size_t count) {
  tokens.reserve(count);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr size_t kHugePage = size_t{2} << 20;
  const size_t bytes = count * sizeof(Token);
  if (bytes < 4 * kHugePage) return;
  const auto begin = reinterpret_cast<uintptr_t>(tokens.data());
  const uintptr_t aligned_begin = (begin + kHugePage - 1) & ~(uintptr_t{kHugePage} - 1);
  const uintptr_t aligned_end = (begin + bytes) & ~(uintptr_t{kHugePage} - 1);
  if (aligned_end > aligned_begin)  // only a hint: failure changes nothing
    madvise(reinterpret_cast<void*>(aligned_begin), aligned_end - aligned_begin, MADV_HUGEPAGE);
#endif
}

PostProcessor PostProcessor::bert(const std::string& cls, int32_t cls_id, const std::string& sep, int32_t sep_id) {
  return from_templates({special(cls, cls_id, 0), first(0), special(sep, sep_id, 0)},
                        {special(cls, cls_id, 0), first(0), special(sep, sep_id, 0), second(1), special(sep, sep_id, 1)});
}

PostProcessor PostProcessor::roberta(const std::string& cls, int32_t cls_id, const std::string& sep, int32_t sep_id) {
  return from_templates({special(cls, cls_id, 0), first(0), special(sep, sep_id, 0)},
                        {special(cls, cls_id, 0), first(0), special(sep, sep_id, 0), special(sep, sep_id, 0),
                         second(0), special(sep, sep_id, 0)});
}

PostProcessor PostProcessor::plain() { return from_templates({first(0)}, {first(0), second(1)}); }

PostProcessor PostProcessor::from_templates(std::vector<TemplatePiece> single, std::vector<TemplatePiece> pair) {
  PostProcessor p;
  p.single_ = std::move(single);
  p.pair_ = std::move(pair);
  return p;
}

size_t PostProcessor::added_tokens(bool pair) const {
  const auto& pieces = pair ? pair_ : single_;
  return static_cast<size_t>(std::count_if(pieces.begin(), pieces.end(), [](const TemplatePiece& p) {
    return p.kind == TemplatePiece::Kind::kSpecial;
  }));
}

Encoding PostProcessor::assemble(std::vector<Token> a, std::vector<Token>* b, const EncodeOptions& options,
                                 std::vector<std::string> warnings) const {
  Encoding encoding;
  const bool pair = b != nullptr;
  const size_t added = options.add_special_tokens ? added_tokens(pair) : 0;
  const size_t total = a.size() + (pair ? b->size() : 0) + added;
  if (options.max_length > 0 && total > static_cast<size_t>(options.max_length)) {
    const size_t limit = static_cast<size_t>(options.max_length);
    const size_t to_remove = total - limit;
    // HF refuses to truncate a single text to nothing (and leaves it whole); so do we, loudly.
    if (limit <= added || (!pair && a.size() <= to_remove)) {
      warnings.push_back("not truncated: max_length " + std::to_string(limit) + " leaves no room for text (" +
                         std::to_string(total) + " tokens, " + std::to_string(added) + " of them special)");
    } else {
      const Dropped dropped = truncate_longest_first(a, b, to_remove);
      encoding.dropped_tokens = static_cast<int64_t>(dropped.first + dropped.second);
      encoding.dropped_from_second = static_cast<int64_t>(dropped.second);
      std::string message = "truncated to max_length " + std::to_string(limit) + ": dropped " +
                            std::to_string(encoding.dropped_tokens) + " of " + std::to_string(total) + " tokens";
      if (pair)
        message += " (" + std::to_string(dropped.first) + " from the first text, " + std::to_string(dropped.second) +
                   " from the second)";
      warnings.push_back(message);
    }
  }

  if (!options.add_special_tokens) {
    // HF prepare_for_model without special tokens: every type id is 0, even for a pair.
    encoding.tokens = std::move(a);
    if (pair) std::move(b->begin(), b->end(), std::back_inserter(encoding.tokens));
    encoding.token_type_ids.assign(encoding.tokens.size(), 0);
  } else {
    build_from_template(pair ? pair_ : single_, std::move(a), b, encoding);
  }
  encoding.warnings = std::move(warnings);
  return encoding;
}

}  // namespace as
