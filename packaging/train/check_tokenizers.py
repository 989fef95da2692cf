"""Checks tokenizers_py.py against transformers' golden tokenizer outputs (458 inputs per file).

Usage: python3 packaging/train/check_tokenizers.py [SHARED_DIR]   (default ../shared)
"""
import json
import os
import sys

from tokenizers_py import BertTokenizer, GPT2Tokenizer


def check(name, tokenizer, path, field):
    total = bad = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            case = json.loads(line)
            total += 1
            got = tokenizer.encode(case["text"])
            if got != case[field]:
                bad += 1
                if bad <= 5:
                    print(f"  {name} differs on {case['text']!r}: {got[:12]} vs {case[field][:12]}")
    print(f"{name}: {total - bad}/{total} inputs give transformers' ids")
    return bad == 0


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../../shared")
    models, golden = os.path.join(shared, "models"), os.path.join(shared, "golden/tokenizers")
    bert = BertTokenizer(os.path.join(models, "random-bert-uncased-L4-H256/vocab.txt"))
    gpt2 = GPT2Tokenizer(os.path.join(models, "random-gpt2-L4-H256/vocab.json"),
                         os.path.join(models, "random-gpt2-L4-H256/merges.txt"))
    ok = check("bert-base-uncased", bert, os.path.join(golden, "bert-base-uncased.jsonl"), "ids")
    ok &= check("gpt2", gpt2, os.path.join(golden, "gpt2.jsonl"), "ids")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
