#!/usr/bin/python3
"""Trains AttentionScope's demo models on WordNet 3.0 and exports HuggingFace folders.

  nice -n 5 /usr/bin/python3 packaging/train/train.py --model bert --steps N --out resources/models/attentionscope-bert-wordnet
  nice -n 5 /usr/bin/python3 packaging/train/train.py --model gpt2 --steps N --out resources/models/attentionscope-gpt2-wordnet

Needs only Debian's python3-torch, python3-regex and wordnet-base. Tokenizer files are read from the
test checkpoints in ../shared/models (the real bert-base-uncased and GPT-2 vocabularies).
"""
import argparse
import json
import math
import os
import platform
import random
import sys
import time

import torch
from torch.nn import functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402
import data  # noqa: E402
import export  # noqa: E402
import models  # noqa: E402
from tokenizers_py import BertTokenizer, GPT2Tokenizer  # noqa: E402

BERT_CONFIG = {
    "architectures": ["BertForPreTraining"], "model_type": "bert",
    "attention_probs_dropout_prob": 0.1, "hidden_act": "gelu", "hidden_dropout_prob": 0.1,
    "hidden_size": 256, "initializer_range": 0.02, "intermediate_size": 1024, "layer_norm_eps": 1e-12,
    "max_position_embeddings": 128, "num_attention_heads": 4, "num_hidden_layers": 4, "pad_token_id": 0,
    "position_embedding_type": "absolute", "torch_dtype": "float16", "type_vocab_size": 2,
    "use_cache": True, "vocab_size": 30522,
}
GPT2_CONFIG = {
    "architectures": ["GPT2LMHeadModel"], "model_type": "gpt2", "activation_function": "gelu_new",
    "attn_pdrop": 0.1, "bos_token_id": 50256, "embd_pdrop": 0.1, "eos_token_id": 50256,
    "initializer_range": 0.02, "layer_norm_epsilon": 1e-05, "n_ctx": 128, "n_embd": 256, "n_head": 4,
    "n_inner": None, "n_layer": 4, "n_positions": 128, "resid_pdrop": 0.1, "scale_attn_weights": True,
    "tie_word_embeddings": True, "torch_dtype": "float16", "use_cache": True, "vocab_size": 50257,
}
BERT_TOKENIZER_DIR = "models/random-bert-uncased-L4-H256"
GPT2_TOKENIZER_DIR = "models/random-gpt2-L4-H256"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", choices=["bert", "gpt2"], required=True)
    p.add_argument("--steps", type=int, required=True, help="optimizer steps")
    p.add_argument("--out", required=True, help="folder to write the HuggingFace checkpoint to")
    p.add_argument("--batch-size", type=int, default=None, help="default: bert 64 pairs, gpt2 16 windows")
    p.add_argument("--lr", type=float, default=None, help="peak learning rate (default: bert 5e-4, gpt2 1e-3)")
    p.add_argument("--seed", type=int, default=1234)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--log-every", type=int, default=25)
    p.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared"),
                   help="folder holding models/ with the tokenizer files (default: ../shared)")
    return p.parse_args()


def lr_at(step, steps, peak):
    """Linear warm-up over the first 5 % of steps, then linear decay to zero."""
    warmup = max(1, steps // 20)
    if step < warmup:
        return peak * (step + 1) / warmup
    return peak * max(0.0, (steps - step) / max(1, steps - warmup))


def make_optimizer(model, lr):
    decay = [p for n, p in model.named_parameters() if p.dim() > 1]
    no_decay = [p for n, p in model.named_parameters() if p.dim() <= 1]
    return torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}],
                             lr=lr, betas=(0.9, 0.98), eps=1e-6)


# ----------------------------------------------------------------------------------------- BERT

def bert_losses(model, batch):
    ids, types, mask, labels, nsp = batch
    hidden, _ = model.bert(ids, types, mask)
    last = hidden[-1]
    picked = labels != -100
    mlm = F.cross_entropy(model.mlm_logits(last[picked]), labels[picked])  # vocabulary only where masked
    nsp_logits = model.nsp_logits(last)
    return mlm, F.cross_entropy(nsp_logits, nsp), (nsp_logits.argmax(-1) == nsp).float().mean()


def bert_validation_batches(pairs, seed):
    """A fixed set of validation pairs and masks: every A segment of every validation synset once."""
    rng, gen = random.Random(seed), torch.Generator().manual_seed(seed)
    starts = pairs.starts
    return [pairs.collate([pairs.pair(rng, i, k) for i, k in starts[b:b + 64]], gen) for b in range(0, len(starts), 64)]


def bert_evaluate(model, batches):
    model.eval()
    mlm_sum = nsp_sum = correct = n_tok = n_seq = 0
    with torch.no_grad():
        for ids, types, mask, labels, nsp in batches:
            hidden, _ = model.bert(ids, types, mask)
            picked = labels != -100
            mlm_sum += F.cross_entropy(model.mlm_logits(hidden[-1][picked]), labels[picked], reduction="sum").item()
            logits = model.nsp_logits(hidden[-1])
            nsp_sum += F.cross_entropy(logits, nsp, reduction="sum").item()
            correct += (logits.argmax(-1) == nsp).sum().item()
            n_tok += picked.sum().item()
            n_seq += len(nsp)
    model.train()
    mlm = mlm_sum / n_tok
    return {"mlm_loss": mlm, "mlm_perplexity": math.exp(mlm), "nsp_loss": nsp_sum / n_seq,
            "nsp_accuracy": correct / n_seq, "masked_tokens": n_tok, "pairs": n_seq}


def train_bert(args, train_synsets, val_synsets, log):
    tok = BertTokenizer(os.path.join(args.shared, BERT_TOKENIZER_DIR, "vocab.txt"))
    train = data.BertPairs(train_synsets, tok, BERT_CONFIG["max_position_embeddings"])
    val = data.BertPairs(val_synsets, tok, BERT_CONFIG["max_position_embeddings"])
    log(f"bert: {len(train.starts)} training pair starts, {len(val.starts)} validation pairs, "
        f"{sum(map(len, train.flat))} training tokens")
    model = models.BertForPreTraining(BERT_CONFIG)
    models.init_weights(model)
    val_batches = bert_validation_batches(val, args.seed + 1)
    opt = make_optimizer(model, args.lr)
    rng, gen = random.Random(args.seed), torch.Generator().manual_seed(args.seed)
    history, window, start = [], [], time.time()
    for step in range(args.steps):
        for g in opt.param_groups:
            g["lr"] = lr_at(step, args.steps, args.lr)
        mlm, nsp, acc = bert_losses(model, train.batch(rng, gen, args.batch_size))
        opt.zero_grad()
        (mlm + nsp).backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        window.append((mlm.item(), nsp.item(), acc.item()))
        if (step + 1) % args.log_every == 0 or step + 1 == args.steps:
            m = [sum(x[i] for x in window) / len(window) for i in range(3)]
            elapsed = time.time() - start
            history.append({"step": step + 1, "mlm_loss": m[0], "nsp_loss": m[1], "nsp_accuracy": m[2],
                            "seconds": elapsed})
            log(f"step {step + 1}/{args.steps} mlm {m[0]:.4f} nsp {m[1]:.4f} nsp_acc {m[2]:.3f} "
                f"lr {lr_at(step, args.steps, args.lr):.2e} {elapsed:.0f}s ({(step + 1) / elapsed:.2f} steps/s)")
            window = []
    wall = time.time() - start
    after = bert_evaluate(model, val_batches)
    log(f"validation after training: {json.dumps(after)}")
    return model, tok, {"train_seconds": wall, "history": history, "validation": after,
                        "final_train": history[-1]}


# ----------------------------------------------------------------------------------------- GPT-2

def gpt2_loss(model, windows):
    logits, _, _ = model(windows)
    return F.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]), windows[:, 1:].reshape(-1))


def gpt2_evaluate(model, windows):
    model.eval()
    total = count = 0
    with torch.no_grad():
        for b in range(0, len(windows), 16):
            w = windows[b:b + 16]
            total += gpt2_loss(model, w).item() * w[:, 1:].numel()
            count += w[:, 1:].numel()
    model.train()
    loss = total / count
    return {"loss": loss, "perplexity": math.exp(loss), "predicted_tokens": count}


def train_gpt2(args, train_synsets, val_synsets, log):
    shared = os.path.join(args.shared, GPT2_TOKENIZER_DIR)
    tok = GPT2Tokenizer(os.path.join(shared, "vocab.json"), os.path.join(shared, "merges.txt"))
    n = GPT2_CONFIG["n_positions"]
    train = data.GPT2Windows(train_synsets, tok, n, args.seed)
    val = data.GPT2Windows(val_synsets, tok, n, args.seed + 1)
    log(f"gpt2: {train.num_tokens} training tokens in {len(train.windows)} windows of {n}; "
        f"{len(val.windows)} validation windows")
    model = models.GPT2LMHeadModel(GPT2_CONFIG)
    models.init_weights(model, n_layer=GPT2_CONFIG["n_layer"])
    opt = make_optimizer(model, args.lr)
    rng = random.Random(args.seed)
    history, window, start = [], [], time.time()
    for step in range(args.steps):
        for g in opt.param_groups:
            g["lr"] = lr_at(step, args.steps, args.lr)
        loss = gpt2_loss(model, train.batch(rng, args.batch_size))
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        window.append(loss.item())
        if (step + 1) % args.log_every == 0 or step + 1 == args.steps:
            elapsed = time.time() - start
            m = sum(window) / len(window)
            history.append({"step": step + 1, "loss": m, "seconds": elapsed, "epoch": train.epoch})
            log(f"step {step + 1}/{args.steps} loss {m:.4f} lr {lr_at(step, args.steps, args.lr):.2e} "
                f"epoch {train.epoch} {elapsed:.0f}s ({(step + 1) / elapsed:.2f} steps/s)")
            window = []
    wall = time.time() - start
    after = gpt2_evaluate(model, val.windows)
    log(f"validation after training: {json.dumps(after)}")
    return model, tok, {"train_seconds": wall, "history": history, "validation": after,
                        "final_train": history[-1], "train_tokens": train.num_tokens,
                        "epochs_started": train.epoch}


# ----------------------------------------------------------------------------------------- main

def main():
    args = parse_args()
    args.batch_size = args.batch_size or (64 if args.model == "bert" else 16)
    args.lr = args.lr or (5e-4 if args.model == "bert" else 1e-3)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)
    os.makedirs(args.out, exist_ok=True)
    log_file = open(os.path.join(args.out, "training_log.txt"), "w")

    def log(msg):
        line = time.strftime("%H:%M:%S ") + msg
        print(line, flush=True)
        log_file.write(line + "\n")
        log_file.flush()

    log("command: " + " ".join([os.path.basename(sys.executable)] + sys.argv))
    started = time.time()
    synsets = corpus.load_synsets()
    train_synsets = [s for s in synsets if not corpus.is_validation(s)]
    val_synsets = [s for s in synsets if corpus.is_validation(s)]
    log(f"WordNet: {len(synsets)} synsets, {len(train_synsets)} training, {len(val_synsets)} validation")
    trainer = train_bert if args.model == "bert" else train_gpt2
    model, tok, metrics = trainer(args, train_synsets, val_synsets, log)
    metrics.update({
        "model": args.model, "steps": args.steps, "batch_size": args.batch_size, "peak_lr": args.lr,
        "seed": args.seed, "threads": args.threads, "total_seconds": time.time() - started,
        "command": "nice -n 5 /usr/bin/python3 packaging/train/train.py " + " ".join(sys.argv[1:]),
        "machine": export.machine_description(), "torch": torch.__version__, "python": platform.python_version(),
        "synsets": {"train": len(train_synsets), "validation": len(val_synsets)},
    })
    config = BERT_CONFIG if args.model == "bert" else GPT2_CONFIG
    tok_dir = os.path.join(args.shared, BERT_TOKENIZER_DIR if args.model == "bert" else GPT2_TOKENIZER_DIR)
    export.write_folder(args.out, model, config, tok, tok_dir, metrics, log)
    log("done")


if __name__ == "__main__":
    main()
