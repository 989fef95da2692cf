#!/usr/bin/env python3
"""PyTorch peer for `attentionscope-cli bench`: the same BERT-base MLM forward (12 layers, hidden 768,
12 heads, FFN 3072, vocabulary 30522) written the way transformers' eager BertForMaskedLM computes
it (nn.Linear, explicit softmax(QK^T/sqrt(d)) V, erf GELU, post-LayerNorm, tied decoder over every
position), returning every layer's attention probabilities and hidden states. Random weights:
speed does not depend on their values. Not part of the test suite (needs Debian's python3-torch).

Usage: pytorch_bert_bench.py [--seq-len 128] [--repeat 10] [--threads 2]
Prints one JSON line: {"seq_len", "repeat", "median_ms", "min_ms", "threads", "torch"}.
"""
import argparse
import json
import math
import statistics
import time

import torch
from torch import nn
import torch.nn.functional as F

H, L, NH, I, V, P = 768, 12, 12, 3072, 30522, 512


class Layer(nn.Module):
    def __init__(self):
        super().__init__()
        self.q, self.k, self.v, self.o = (nn.Linear(H, H) for _ in range(4))
        self.ln1, self.ln2 = nn.LayerNorm(H, eps=1e-12), nn.LayerNorm(H, eps=1e-12)
        self.up, self.down = nn.Linear(H, I), nn.Linear(I, H)

    def heads(self, x):  # [T, H] -> [NH, T, D]
        return x.view(x.shape[0], NH, H // NH).transpose(0, 1)

    def forward(self, h):
        q, k, v = self.heads(self.q(h)), self.heads(self.k(h)), self.heads(self.v(h))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(H // NH)
        probs = torch.softmax(scores, dim=-1)
        ctx = torch.matmul(probs, v).transpose(0, 1).reshape(h.shape[0], H)
        a = self.ln1(self.o(ctx) + h)
        return self.ln2(self.down(F.gelu(self.up(a))) + a), probs


class BertMlm(nn.Module):
    def __init__(self):
        super().__init__()
        self.word, self.pos, self.token_type = nn.Embedding(V, H), nn.Embedding(P, H), nn.Embedding(2, H)
        self.ln = nn.LayerNorm(H, eps=1e-12)
        self.layers = nn.ModuleList(Layer() for _ in range(L))
        self.transform, self.tln = nn.Linear(H, H), nn.LayerNorm(H, eps=1e-12)
        self.bias = nn.Parameter(torch.zeros(V))

    def forward(self, ids):
        T = ids.shape[0]
        h = self.ln(self.word(ids) + self.pos(torch.arange(T)) + self.token_type(torch.zeros_like(ids)))
        hidden, attentions = [h], []
        for layer in self.layers:
            h, p = layer(h)
            hidden.append(h)
            attentions.append(p)
        logits = F.linear(self.tln(F.gelu(self.transform(h))), self.word.weight, self.bias)
        return logits, hidden, attentions


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seq-len", type=int, default=128)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    model = BertMlm().eval()
    ids = torch.randint(1000, V, (a.seq_len,))
    times = []
    with torch.no_grad():
        model(ids)  # warm-up
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            model(ids)
            times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({"seq_len": a.seq_len, "repeat": a.repeat, "median_ms": statistics.median(times),
                      "min_ms": min(times), "threads": a.threads, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
