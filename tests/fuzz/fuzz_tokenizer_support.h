#pragma once
// Shared by the two encode targets: the long-text route of the tokenizers.
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "tokenizers/tokenizer.h"

namespace as::fuzz {

// Texts of 16 KiB and more reuse, within one call, what they have seen earlier in it. `part` (a
// text ending in a separator no token crosses) repeated into such a text must give the ids of one
// `part` (`part_ids`) repeated.
inline void require_repeats_keep_their_ids(const Tokenizer& tokenizer, const std::string& part,
                                           const std::vector<int32_t>& part_ids) {
  std::string long_text;
  std::vector<int32_t> expected;
  while (long_text.size() < 16384) {
    long_text += part;
    expected.insert(expected.end(), part_ids.begin(), part_ids.end());
  }
  fuzz_require(tokenizer.encode(long_text, {false, 0}).ids() == expected, "a long text's ids are its parts' ids");
}

}  // namespace as::fuzz
