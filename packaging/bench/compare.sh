#!/usr/bin/env bash
# 1) BERT-base at 128 tokens, 2 threads, full attention capture: AttentionScope's forward against
# (a) the same computation in PyTorch and (b) oneDNN's GEMMs alone for the same matrix products
# (interleaved with the forward passes, so both see the same machine load).
# 2) GPT-2-shaped greedy generation with KV cache against PyTorch's.
# Needs a Release build in build/ and Debian's python3-torch (packaging/setup-debian.sh --with-bench).
set -euo pipefail
cd "$(dirname "$0")/../.."
SEQ=${SEQ:-128}; REPEAT=${REPEAT:-10}; THREADS=${THREADS:-2}
ours=$(./build/app/attentionscope-cli bench --model random:bert-base --seq-len "$SEQ" --repeat "$REPEAT" \
       --threads "$THREADS" --gemm-baseline yes)
torch=$(OMP_NUM_THREADS=$THREADS /usr/bin/python3 packaging/bench/pytorch_bert_bench.py --seq-len "$SEQ" --repeat "$REPEAT" --threads "$THREADS")
echo "attentionscope: $ours"
echo "pytorch:        $torch"
/usr/bin/python3 - "$ours" "$torch" <<'PY'
import json, sys
ours, torch = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(json.dumps({"ours_median_ms": ours["median_ms"], "pytorch_median_ms": torch["median_ms"],
                  "gemm_only_median_ms": ours["gemm_only_median_ms"],
                  "ratio_vs_pytorch": ours["median_ms"] / torch["median_ms"],
                  "ratio_vs_gemm_only": ours["ratio_vs_gemm_only"],
                  "ratio_vs_pytorch_min": ours["min_ms"] / torch["min_ms"],
                  "ratio_vs_gemm_only_min": ours["ratio_vs_gemm_only_min"],
                  "targets": {"ratio_vs_pytorch": "<= 0.8", "ratio_vs_gemm_only": "<= 1.3"}}))
PY

# Generation: GPT-2-shaped model, 32-token prompt, 64 new tokens, KV cache on both sides.
gen_ours=$(./build/app/attentionscope-cli bench --model random:gpt2 --seq-len 32 --new-tokens 64 --repeat 5 --threads "$THREADS")
gen_torch=$(OMP_NUM_THREADS=$THREADS /usr/bin/python3 packaging/bench/pytorch_gpt2_generate_bench.py --prompt-len 32 --new-tokens 64 --repeat 5 --threads "$THREADS")
echo "attentionscope generate: $gen_ours"
echo "pytorch generate:        $gen_torch"
/usr/bin/python3 - "$gen_ours" "$gen_torch" <<'PY'
import json, sys
ours, torch = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(json.dumps({"ours_new_tokens_per_s": ours["new_tokens_per_s"], "pytorch_new_tokens_per_s": torch["new_tokens_per_s"],
                  "speedup_vs_pytorch": ours["new_tokens_per_s"] / torch["new_tokens_per_s"], "target": ">= 1.5"}))
PY
