#!/usr/bin/env bash
# Fresh Debian 12 machine -> installed dependencies, a Release build, and the whole test suite
# (ctest). Golden tests read ../shared (checkpoints + transformers' reference outputs) beside the
# repository. The build folder is reused between runs, so a second run only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup-debian.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build --parallel "$(nproc)"
cd build
ctest --output-on-failure --parallel "$(nproc)" --timeout 900
