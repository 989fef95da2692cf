#!/usr/bin/env bash
# Runs one libFuzzer target from build-fuzz/ (see README.md) for SECONDS (default 600) with its
# seed corpus and dictionary. New inputs go to build-fuzz/fuzz-work/<target>/ (the committed seeds
# stay as they are); a crash lands in build-fuzz/fuzz-work/ as crash-<sha1> / leak-* / timeout-*.
# Usage: tests/fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${AS_FUZZ_BUILD:-$here/../../build-fuzz}"
target="$1"
seconds="${2:-600}"
shift $(( $# >= 2 ? 2 : 1 ))
case "$target" in
  fuzz_safetensors) dict=safetensors ;;
  fuzz_shard_index|fuzz_config) dict=config ;;
  fuzz_tokenizer_json) dict=tokenizer_json ;;
  fuzz_bpe_files) dict=bpe_files ;;
  fuzz_vocab_txt|fuzz_wordpiece_encode|fuzz_bpe_encode) dict=text ;;
  *) dict="" ;;  # binary formats (pytorch_model.bin): no dictionary
esac
# UBSan findings must stop the run like ASan's do (the build lets UBSan recover).
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
work="$build/fuzz-work/$target"
mkdir -p "$work"
cd "$build/fuzz-work"
dict_flag=()
if [[ -n "$dict" ]]; then dict_flag=(-dict="$here/dict/$dict.dict"); fi
exec "$build/tests/fuzz/$target" "$work" "$here/corpus/$target" "${dict_flag[@]}" \
  -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 "$@"
