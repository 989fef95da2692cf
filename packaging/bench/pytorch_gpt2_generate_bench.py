#!/usr/bin/env python3
"""PyTorch peer for `attentionscope-cli bench --model random:gpt2 --seq-len 32 --new-tokens 64`:
greedy decoding with a KV cache (past keys/values, as transformers' GPT2LMHeadModel with
past_key_values), GPT-2 small shapes (12 layers, 768 wide, 12 heads, vocabulary 50257), attention
probabilities of every step kept (output_attentions). Random weights. Needs Debian's python3-torch.

Prints {"prompt_len","new_tokens","repeat","median_ms","min_ms","new_tokens_per_s","torch"}.
"""
import argparse
import json
import math
import statistics
import time

import torch
from torch import nn
import torch.nn.functional as F

H, L, NH, V, P = 768, 12, 12, 50257, 1024


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln_1, self.ln_2 = nn.LayerNorm(H, eps=1e-5), nn.LayerNorm(H, eps=1e-5)
        self.c_attn, self.c_proj = nn.Linear(H, 3 * H), nn.Linear(H, H)
        self.c_fc, self.mlp_proj = nn.Linear(H, 4 * H), nn.Linear(4 * H, H)

    def forward(self, x, past):
        T = x.shape[0]
        q, k, v = self.c_attn(self.ln_1(x)).split(H, dim=-1)
        q, k, v = (t.view(T, NH, H // NH).transpose(0, 1) for t in (q, k, v))
        if past is not None:
            k, v = torch.cat([past[0], k], dim=1), torch.cat([past[1], v], dim=1)
        S = k.shape[1]
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(H // NH)
        causal = torch.ones(S, S, dtype=torch.bool).tril()[S - T:S, :S]
        scores = torch.where(causal, scores, torch.tensor(torch.finfo(scores.dtype).min))
        probs = torch.softmax(scores, dim=-1)
        a = x + self.c_proj(torch.matmul(probs, v).transpose(0, 1).reshape(T, H))
        return a + self.mlp_proj(F.gelu(self.c_fc(self.ln_2(a)), approximate="tanh")), (k, v), probs


class Gpt2(nn.Module):
    def __init__(self):
        super().__init__()
        self.wte, self.wpe = nn.Embedding(V, H), nn.Embedding(P, H)
        self.h = nn.ModuleList(Block() for _ in range(L))
        self.ln_f = nn.LayerNorm(H, eps=1e-5)

    def forward(self, ids, past, start):
        x = self.wte(ids) + self.wpe(torch.arange(start, start + ids.shape[0]))
        new_past, attentions = [], []
        for i, block in enumerate(self.h):
            x, kv, probs = block(x, past[i] if past else None)
            new_past.append(kv)
            attentions.append(probs)
        return F.linear(self.ln_f(x[-1:]), self.wte.weight), new_past, attentions


def generate(model, prompt, new_tokens):
    logits, past, _ = model(prompt, None, 0)
    pos = prompt.shape[0]
    t0 = time.perf_counter()
    for _ in range(new_tokens):
        nxt = logits[-1].argmax().view(1)
        logits, past, _ = model(nxt, past, pos)
        pos += 1
    return (time.perf_counter() - t0) * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--prompt-len", type=int, default=32)
    ap.add_argument("--new-tokens", type=int, default=64)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    model = Gpt2().eval()
    prompt = torch.randint(1000, V, (a.prompt_len,))
    with torch.no_grad():
        generate(model, prompt, 2)
        times = [generate(model, prompt, a.new_tokens) for _ in range(a.repeat)]
    med = statistics.median(times)
    print(json.dumps({"prompt_len": a.prompt_len, "new_tokens": a.new_tokens, "repeat": a.repeat, "median_ms": med,
                      "min_ms": min(times), "new_tokens_per_s": a.new_tokens * 1000 / med, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
