#!/usr/bin/python3
"""What the trained demo models do, for their cards and the issue's report: fill-mask top-5 on five
held-out WordNet example sentences (a lemma of the synset masked), and greedy and sampled
continuations of five held-out glosses' headwords. Everything runs through attentionscope-cli, so
these are the engine's outputs (the engine test checks that they equal the recipe's PyTorch).

  /usr/bin/python3 packaging/train/report.py --cli build/app/attentionscope-cli
"""
import argparse
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
BERT = os.path.join(ROOT, "resources/models/attentionscope-bert-wordnet")
GPT2 = os.path.join(ROOT, "resources/models/attentionscope-gpt2-wordnet")


def cli(binary, *args):
    out = subprocess.run([binary, *args], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def masked_examples(synsets, count):
    """Held-out example sentences of 5-14 words containing a one-word lemma of their synset."""
    found = []
    for s in synsets:
        found.extend(first_maskable_example(s)[:1])
        if len(found) == count:
            break
    return found


def first_maskable_example(synset):
    for example in synset["examples"]:
        if not 5 <= len(example.split()) <= 14:
            continue
        for lemma in synset["lemmas"]:
            if " " in lemma or "_" in lemma:
                continue
            pattern = re.compile(r"\b" + re.escape(lemma) + r"\b")
            if pattern.search(example):
                return [(example, pattern.sub("[MASK]", example, count=1), lemma)]
    return []


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cli", default=os.path.join(ROOT, "build/app/attentionscope-cli"))
    args = p.parse_args()
    held_out = [s for s in corpus.load_synsets() if corpus.is_validation(s)]

    print("## Fill-mask (BERT), top 5 on held-out example sentences\n")
    for original, text, lemma in masked_examples(held_out, 5):
        result = cli(args.cli, "fill-mask", "--model", BERT, "--text", text, "--top-k", "5")
        masks = result["masks"] if "masks" in result else [result]
        cands = masks[0]["candidates"]
        listing = ", ".join(f"`{c['token']}` {c['probability']:.3f}" for c in cands)
        print(f"- {text}  (was: {lemma})  \n  {listing}")

    print("\n## Generation (GPT-2), 24 new tokens\n")
    prompts = [f"{s['lemmas'][0].replace('_', ' ')}:" for s in held_out[:3]]
    for prompt in prompts:
        r = cli(args.cli, "generate", "--model", GPT2, "--prompt", prompt, "--max-new-tokens", "24", "--greedy")
        print(f"- greedy `{prompt}` → {json.dumps(r['text'], ensure_ascii=False)}")
    for seed, prompt in zip((1, 2, 3), prompts):
        r = cli(args.cli, "generate", "--model", GPT2, "--prompt", prompt, "--max-new-tokens", "24", "--temperature", "0.8",
                "--top-k", "40", "--seed", str(seed))
        print(f"- sampled (T 0.8, top-k 40, seed {seed}) `{prompt}` → "
              f"{json.dumps(r['text'], ensure_ascii=False)}")


if __name__ == "__main__":
    main()
