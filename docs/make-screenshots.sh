#!/usr/bin/env bash
# Regenerates the screenshots in docs/screenshots with the app's own --screenshot option, on a
# virtual X display, with fresh settings (nothing from the user's own AttentionScope settings).
# Usage: docs/make-screenshots.sh [BUILD_DIR]   (default: build-gui)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
APP="${ROOT}/${1:-build-gui}/app/attentionscope"
MODELS="${AS_SHARED_DIR:-${ROOT}/../shared}/models"
OUT="${ROOT}/docs/screenshots"
SETTINGS="$(mktemp -d)"
trap 'rm -rf "${SETTINGS}"' EXIT
mkdir -p "${OUT}"

shot() {  # shot NAME [attentionscope arguments...]
  local name="$1"
  shift
  mkdir -p "${SETTINGS}/${name}"
  env -u XDG_CONFIG_HOME -u XDG_DATA_HOME HOME="${SETTINGS}/${name}" \
    xvfb-run -a -s '-screen 0 1600x1000x24' "${APP}" --threads 1 --size "${SIZE:-1400x860}" \
    --screenshot "${OUT}/${name}.png" "$@"
}

shot bert-main "${MODELS}/random-bert-uncased-L4-H256" --text "The man went to the store." \
  --text-b "He bought a gallon of milk." --layer 2 --head 1 --hover 6
shot gpt2-korean "${MODELS}/random-gpt2-L4-H256" --text "Seoul is 서울 in Korean, and the cat sat on the mat." \
  --layer 1 --head mean --colour-map magma --hover 7
shot head-view "${MODELS}/random-gpt2-L4-H256" --text "The cat sat on the mat because it was tired." \
  --layer 2 --view lines
shot model-grid "${MODELS}/random-bert-uncased-L4-H256" --text "The man went to the store." \
  --text-b "He bought a gallon of milk." --layer 3 --head 0 --view grid
shot tokenizer-explain "${MODELS}/random-bert-uncased-L4-H256" --text "Tokenizers split unaffable words." \
  --layer 0 --head 2 --explain 6
shot step-through "${MODELS}/random-gpt2-L4-H256" --text "The animal didn't cross the street because it was tired." \
  --layer 1 --head 2 --view step --hover 10
shot difference "${MODELS}/random-bert-uncased-L4-H256" --text "The cat sat on the mat." --layer 1 --head 1 \
  --view difference
shot positional "${MODELS}/random-gpt2-L4-H256" --text "Positions" --view positional
shot positional-similarity "${MODELS}/random-gpt2-L4-H256" --text "Positions" --view positional:similarity
shot presentation "${MODELS}/random-bert-uncased-L4-H256" --text "start" --layer 1 --head 0 --view present
SIZE=1600x1000 shot fill-mask "${MODELS}/random-bert-uncased-L4-H256" --text "The man went to the [MASK]." \
  --text-b "He bought a gallon of milk." --layer 3 --head mean
SIZE=1600x1000 shot generation "${MODELS}/random-gpt2-L4-H256" --text "In this course, we will teach you how to" \
  --generate "In this course, we will teach you how to" --generate-tokens 12 --step 3 --layer 3 --head mean
# The Korean UI (--language ko) with Hangul token labels in the heatmap and the generation charts.
SIZE=1600x1000 shot korean-ui "${MODELS}/random-gpt2-L4-H256" --language ko --text "어텐션은 무엇인가" \
  --generate "어텐션은 무엇인가" --generate-tokens 8 --step 1 --layer 1 --head mean --colour-map magma
shot welcome
echo "screenshots written to ${OUT}"
ls -l "${OUT}"
