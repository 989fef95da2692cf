"""Writes a trained model as a HuggingFace folder: F16 model.safetensors (standard-library writer),
config.json, tokenizer files, reference outputs of the F16 weights and a model card."""
import json
import math
import os
import platform
import shutil
import struct

import torch

import models
import reference

BERT_TOKENIZER_FILES = ["vocab.txt", "tokenizer_config.json"]
GPT2_TOKENIZER_FILES = ["vocab.json", "merges.txt", "tokenizer_config.json", "special_tokens_map.json"]


def machine_description():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores (shared with other jobs), {platform.system()} {platform.release()}"


def write_safetensors(path, tensors):
    """safetensors: u64 LE header length, JSON header (keys sorted, padded to 8 bytes), raw LE data."""
    header, blobs, offset = {"__metadata__": {"format": "pt"}}, [], 0
    for name in sorted(tensors):
        t = tensors[name].contiguous()
        blob = t.numpy().tobytes()
        header[name] = {"dtype": {torch.float16: "F16", torch.float32: "F32"}[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def f16_state(model):
    state = {k: v.detach().to(torch.float16) for k, v in model.state_dict().items()}
    for k, v in state.items():
        if not torch.isfinite(v).all():
            raise ValueError(f"{k} does not fit in float16")
    return state


def reload_from_f16(config, state):
    """A fresh model holding the F16 weights upcast exactly to F32 (what HF and our engine compute with)."""
    cls = models.BertForPreTraining if config["model_type"] == "bert" else models.GPT2LMHeadModel
    model = cls(config)
    model.load_state_dict({k: v.to(torch.float32) for k, v in state.items()}, strict=True)
    return model.eval()


def write_folder(out, model, config, tok, tokenizer_dir, metrics, log):
    state = f16_state(model)
    write_safetensors(os.path.join(out, "model.safetensors"), state)
    metrics["parameters"] = sum(v.numel() for v in state.values())
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(config, f, indent=2, sort_keys=True)
        f.write("\n")
    is_bert = config["model_type"] == "bert"
    for name in BERT_TOKENIZER_FILES if is_bert else GPT2_TOKENIZER_FILES:
        shutil.copyfile(os.path.join(tokenizer_dir, name), os.path.join(out, name))
    if not is_bert:
        with open(os.path.join(out, "generation_config.json"), "w") as f:
            json.dump({"bos_token_id": 50256, "eos_token_id": 50256}, f, indent=2)
            f.write("\n")
    f16_model = reload_from_f16(config, state)
    refs = reference.bert_reference(f16_model, tok) if is_bert else reference.gpt2_reference(f16_model, tok)
    reference.dump(refs, os.path.join(out, "reference_outputs.json"))
    with open(os.path.join(out, "training_metrics.json"), "w") as f:
        json.dump(metrics, f, indent=1)
        f.write("\n")
    with open(os.path.join(out, "README.md"), "w") as f:
        f.write(model_card(config, metrics))
    log(f"wrote {out}: {metrics['parameters']} parameters in F16")


WORDNET_NOTICE = """WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.

Permission to use, copy, modify and distribute this software and database and its documentation for
any purpose and without fee or royalty is hereby granted, provided that you agree to comply with the
following copyright notice and statements, including the disclaimer, and that the same appear on ALL
copies of the software, database and documentation, including modifications that you make for
internal use or for distribution.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO
REPRESENTATIONS OR WARRANTIES OF MERCHANT- ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE
USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS,
COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.

The name of Princeton University or Princeton may not be used in advertising or publicity pertaining
to distribution of the software and/or database. Title to copyright in this software, database and
any associated documentation shall at all times remain with Princeton University and LICENSEE agrees
to preserve same."""


def model_card(config, m):
    is_bert = config["model_type"] == "bert"
    v = m["validation"]
    if is_bert:
        title = "attentionscope-bert-wordnet — a small BERT trained on WordNet glosses"
        arch = (f"BERT (HF `BertForPreTraining`): {config['num_hidden_layers']} layers, hidden "
                f"{config['hidden_size']}, {config['num_attention_heads']} heads, intermediate "
                f"{config['intermediate_size']}, {config['max_position_embeddings']} positions, 2 token types, "
                "post-LayerNorm, GELU (erf), LayerNorm eps 1e-12, pooler + NSP head, MLM decoder tied to the "
                "word embeddings")
        objective = ("masked LM (15 % of the real tokens; 80 % `[MASK]`, 10 % random token, 10 % unchanged; the "
                     "vocabulary projection is computed only at those positions) + next-sentence prediction "
                     "(50 % the true next segment of the same synset, 50 % a segment of a random other synset). "
                     "Segments of a synset, in order: its lemma list (`dog, domestic dog, Canis familiaris`), "
                     "each definition, each example sentence. Pairs are truncated longest-first to 128 tokens.")
        tok = ("bert-base-uncased WordPiece (`vocab.txt`, 30,522 entries, `do_lower_case: true`), copied from "
               "the test checkpoint folder. The corpus was tokenised by `packaging/train/tokenizers_py.py`, a "
               "minimal Python port of transformers' slow `BertTokenizer`; `check_tokenizers.py` shows it "
               "gives transformers' ids on all 458 golden inputs.")
        final = (f"training (mean of the last {m['history'][-1]['step'] - m['history'][-2]['step'] if len(m['history']) > 1 else 1} "
                 f"steps): MLM loss {m['final_train']['mlm_loss']:.4f}, NSP loss {m['final_train']['nsp_loss']:.4f}, "
                 f"NSP accuracy {m['final_train']['nsp_accuracy']:.3f}  \n"
                 f"validation ({v['pairs']} pairs, {v['masked_tokens']} masked tokens, fixed masks): MLM loss "
                 f"**{v['mlm_loss']:.4f}** (perplexity **{v['mlm_perplexity']:.1f}**), NSP loss {v['nsp_loss']:.4f}, "
                 f"NSP accuracy **{v['nsp_accuracy']:.3f}** "
                 "(an untrained model: MLM loss ≈ ln 30522 = 10.33, NSP accuracy 0.5)")
        unit = f"{m['batch_size']} sentence pairs"
    else:
        title = "attentionscope-gpt2-wordnet — a small GPT-2 trained on WordNet glosses"
        arch = (f"GPT-2 (HF `GPT2LMHeadModel`): {config['n_layer']} layers, hidden {config['n_embd']}, "
                f"{config['n_head']} heads, inner 1024, {config['n_positions']} positions, pre-LayerNorm, "
                "gelu_new (tanh), LayerNorm eps 1e-5, Conv1D weights stored [in, out], LM head tied to `wte`")
        objective = (f"causal LM over one document per synset, `lemma, lemma: gloss` (WordNet's gloss text with "
                     f"its definitions and quoted examples), documents joined by the end-of-text token (id 50256) in a seeded "
                     f"shuffled order and cut into windows of {config['n_positions']} tokens "
                     f"({m['train_tokens']} training tokens; {m['epochs_started']} epoch(s) started).")
        tok = ("GPT-2 byte-level BPE (`vocab.json`, `merges.txt`, 50,257 ids), copied from the test checkpoint "
               "folder. The corpus was tokenised by `packaging/train/tokenizers_py.py`, a minimal Python port of "
               "transformers' slow `GPT2Tokenizer`; `check_tokenizers.py` shows it gives transformers' ids on "
               "all 458 golden inputs.")
        final = (f"training (mean of the last logged steps): loss {m['final_train']['loss']:.4f}  \n"
                 f"validation ({v['predicted_tokens']} predicted tokens): loss **{v['loss']:.4f}**, perplexity "
                 f"**{v['perplexity']:.1f}** (an untrained model: loss ≈ ln 50257 = 10.82)")
        unit = f"{m['batch_size']} windows of {config['n_positions']} tokens"
    return f"""# {title}

A demo model for AttentionScope, **trained from scratch on this project's machine** with the recipe in
`packaging/train/` (no pretrained weights were available). It is small and had only
{m['steps']} optimizer steps ({m['train_seconds'] / 60:.0f} minutes on {m['threads']} thread(s) of a 2-core CPU
that other jobs shared), so it is **very weak**: compare its validation loss below with an untrained model's. Its weights,
and so its attention patterns, are the result of that training, not a random initialisation; its
predictions are honestly what the recipe produced.

| | |
|---|---|
| architecture | {arch} |
| parameters | {m['parameters']:,} (stored as **F16**; `model.safetensors`, exact HF tensor names) |
| corpus | WordNet 3.0 glosses and example sentences (Debian `wordnet-base`, `/usr/share/wordnet/data.{{noun,verb,adj,adv}}`): {m['synsets']['train']} training synsets; {m['synsets']['validation']} synsets (2 %, chosen by CRC-32 of the synset id) held out for validation |
| objective | {objective} |
| tokenizer | {tok} |
| optimiser | AdamW (β 0.9/0.98, eps 1e-6, weight decay 0.01 on matrices), peak LR {m['peak_lr']}, 5 % linear warm-up then linear decay, gradient clipping 1.0, dropout 0.1 |
| steps × batch | {m['steps']} × {unit} |
| seed | {m['seed']} (`torch.manual_seed`, seeded Python RNG for data order, deterministic algorithms) |
| wall time | {m['train_seconds'] / 60:.1f} min training ({m['total_seconds'] / 60:.1f} min in all) on {m['threads']} thread(s) |
| machine | {m['machine']}; torch {m['torch']} (Debian python3-torch), Python {m['python']} |

## Results
{final}

`training_log.txt` has the loss every few steps; `training_metrics.json` the same figures as JSON.

## Reproduce
```sh
{m['command']}
```
(from the repository root; needs Debian `python3-torch python3-regex wordnet-base`, installed by
`packaging/setup-debian.sh --with-train`, and `../shared/models` for the tokenizer files).

`reference_outputs.json` holds outputs of the PyTorch model computed in float32 **from the F16 weights in
this folder** (token ids, last hidden states, a few attention heads, top-10 logits); the engine test
`tests/engine/models/demo_models_test.cpp` compares AttentionScope against it.

## Licence
Model weights: derived from WordNet 3.0 and distributed under the WordNet 3.0 licence, whose notice follows.
Tokenizer files: those of bert-base-uncased / GPT-2 (Apache-2.0 / MIT).

```
{WORDNET_NOTICE}
```
"""


def rewrite_card(out):
    """Writes a folder's README.md again from its config.json and training_metrics.json (after the
    card's wording changed; the weights and figures stay as trained)."""
    with open(os.path.join(out, "config.json")) as f:
        config = json.load(f)
    with open(os.path.join(out, "training_metrics.json")) as f:
        metrics = json.load(f)
    with open(os.path.join(out, "README.md"), "w") as f:
        f.write(model_card(config, metrics))


if __name__ == "__main__":
    import sys
    for folder in sys.argv[1:]:  # export.py DIR...: rewrite those folders' model cards
        rewrite_card(folder)
