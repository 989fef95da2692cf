#!/usr/bin/python3
"""Checks that models.py computes what HuggingFace transformers computes: loads the random test
checkpoints of ../shared/models into our BertForPreTraining / GPT2LMHeadModel (every tensor name must
match, strictly) and compares with transformers' golden outputs in ../shared/golden.

Usage: python3 packaging/train/check_architecture.py [SHARED_DIR]   (default ../shared)
"""
import json
import os
import struct
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import models  # noqa: E402
import train  # noqa: E402

DTYPES = {"F32": torch.float32, "F16": torch.float16}
TOLERANCE = {"hidden": 2e-4, "attention": 1e-4, "logits": 5e-4}  # ../shared/golden/README.md


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    out = {}
    for name, v in header.items():
        if name == "__metadata__":
            continue
        b, e = v["data_offsets"]
        out[name] = torch.frombuffer(bytearray(raw[8 + n + b:8 + n + e]), dtype=DTYPES[v["dtype"]]) \
            .reshape(v["shape"]).float()
    return out


def compare(failures, what, got, want, tol):
    err = (got - want).abs().max().item()
    print(f"  {what}: max |ours - transformers| = {err:.2e} (tolerance {tol:.0e})")
    if err > tol:
        failures.append(what)


def check_bert(shared, failures):
    model = models.BertForPreTraining(dict(train.BERT_CONFIG, max_position_embeddings=512))
    model.load_state_dict(read_safetensors(f"{shared}/models/random-bert-uncased-L4-H256/model.safetensors"))
    model.eval()
    for case in ["pair", "mask_two", "long_500"]:
        base = f"{shared}/golden/random-bert-uncased-L4-H256/{case}"
        with open(base + ".json") as f:
            g = json.load(f)
        t = read_safetensors(base + ".safetensors")
        ids, types = torch.tensor([g["input_ids"]]), torch.tensor([g["token_type_ids"]])
        with torch.no_grad():
            hidden, attentions = model.bert(ids, types, torch.ones_like(ids))
            for i in g["hidden_state_indices_stored"]:
                compare(failures, f"bert {case} hidden_states.{i}", hidden[i][0], t[f"hidden_states.{i}"], TOLERANCE["hidden"])
            for layer in g["attention_layers_stored"]:
                compare(failures, f"bert {case} attentions.{layer}", attentions[layer][0], t[f"attentions.{layer}"],
                        TOLERANCE["attention"])
            if "logits" in t:
                logits = model.mlm_logits(hidden[-1][0][g["logits_positions"]])
                compare(failures, f"bert {case} logits", logits, t["logits"], TOLERANCE["logits"])
            if "nsp" in g:
                compare(failures, f"bert {case} nsp", model.nsp_logits(hidden[-1])[0], torch.tensor(g["nsp"]["logits"]),
                        TOLERANCE["logits"])


def check_gpt2(shared, failures):
    model = models.GPT2LMHeadModel(dict(train.GPT2_CONFIG, n_positions=1024))
    weights = read_safetensors(f"{shared}/models/random-gpt2-L4-H256/model.safetensors")
    model.load_state_dict({"transformer." + k: v for k, v in weights.items()})  # GPT2Model names in that file
    model.eval()
    for case in ["course", "whitespace", "long_400"]:
        base = f"{shared}/golden/random-gpt2-L4-H256/{case}"
        with open(base + ".json") as f:
            g = json.load(f)
        t = read_safetensors(base + ".safetensors")
        with torch.no_grad():
            logits, hidden, attentions = model(torch.tensor([g["input_ids"]]))
            for i in g["hidden_state_indices_stored"]:
                compare(failures, f"gpt2 {case} hidden_states.{i}", hidden[i][0], t[f"hidden_states.{i}"], TOLERANCE["hidden"])
            for layer in g["attention_layers_stored"]:
                compare(failures, f"gpt2 {case} attentions.{layer}", attentions[layer][0], t[f"attentions.{layer}"],
                        TOLERANCE["attention"])
            if "logits" in t:
                compare(failures, f"gpt2 {case} logits", logits[0, g["logits_positions"]], t["logits"], TOLERANCE["logits"])


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared")
    torch.set_num_threads(1)
    failures = []
    check_bert(shared, failures)
    check_gpt2(shared, failures)
    print("FAILED: " + ", ".join(failures) if failures else "all outputs within the golden tolerances")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
