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
# Too slow under ASan + Debug for CI (each took 2.5 to over 10 minutes here; the Release run covers
# them): thousands of sampling draws over GPT-2's 50k logits, and mutating the whole BERT .bin.
slow='^(Sampling\.(NeverLeavesTheTopKSet|NeverLeavesTheTopPNucleus|SameSeedSameTokens)|TorchCheckpointFuzz\.BertBinMutantsOnlyRaiseAsError)$'
ctest --output-on-failure --parallel "$(nproc)" --timeout 900 -L engine -E "$slow|OpenCl"
# OpenCL tests run without LeakSanitizer: after a GPT-2 forward on PoCL passes, LSan's own tracer
# crashes at exit inside PoCL's threads ("Tracer caught signal 11"), which is no finding about this
# code. Address and UB checks stay on for them.
ASAN_OPTIONS="${ASAN_OPTIONS/detect_leaks=1/detect_leaks=0}" \
  ctest --output-on-failure --parallel "$(nproc)" --timeout 900 -L engine -R OpenCl -E "$slow"
