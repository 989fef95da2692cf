#!/usr/bin/env bash
# Fresh Debian 12 machine -> installed dependencies, a Release build, and the GUI running.
# Extra arguments are passed to the app (e.g. a model folder).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup-debian.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build --parallel "$(nproc)"
exec ./build/app/attentionscope "$@"
