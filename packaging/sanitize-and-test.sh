#!/usr/bin/env bash
# The engine and tokenizer tests (ctest label "engine") built with AddressSanitizer +
# UndefinedBehaviorSanitizer in build-asan/. CI runs it after build-and-test.sh. Any sanitizer
# report fails the run: the code is built with -fno-sanitize-recover=all and both runtimes halt on
# the first error (a report turns into a failing test, and ctest into a non-zero exit).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DAS_SANITIZE=ON \
  -DAS_BUILD_GUI=OFF -DAS_BUILD_BENCHMARKS=OFF
cmake --build build-asan --parallel "$(nproc)" --target engine_tests
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:strict_init_order=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
cd build-asan
ctest --output-on-failure --parallel "$(nproc)" --timeout 900 -L engine
