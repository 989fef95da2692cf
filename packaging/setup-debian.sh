#!/usr/bin/env bash
# Installs every Debian package AttentionScope needs to build, test and run.
# Idempotent: only packages that are missing are installed, and they are named first.
# Usage (as root, or with sudo available): packaging/setup-debian.sh [--with-bench] [--with-train] [--with-fuzz]
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev libqcustomplot-dev libgl-dev
  libdnnl-dev
  libclblast-dev ocl-icd-opencl-dev opencl-headers pocl-opencl-icd clinfo
  libutf8proc-dev libpcre2-dev nlohmann-json3-dev
  libcurl4-openssl-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
  xvfb xauth fonts-noto-cjk
  ccache
)
# The PyTorch comparison benchmark, the demo-model training recipe (packaging/train/) and the
# libFuzzer targets are optional (large); none is part of the test suite.
for option in "$@"; do
  case "$option" in
    --with-bench) PACKAGES+=(python3-torch python3-numpy libopenblas0-pthread) ;;  # torch uses OpenBLAS via libblas.so.3
    --with-train) PACKAGES+=(python3-torch python3-numpy libopenblas0-pthread python3-regex wordnet-base) ;;
    --with-fuzz) PACKAGES+=(clang libclang-rt-14-dev) ;;  # libFuzzer targets (tests/fuzz/README.md)
    *) echo "setup: unknown option '$option' (known: --with-bench, --with-train, --with-fuzz)" >&2; exit 2 ;;
  esac
done

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: all ${#PACKAGES[@]} required Debian packages are already installed."
  exit 0
fi

echo "setup: installing ${#missing[@]} missing Debian package(s): ${missing[*]}"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done."
