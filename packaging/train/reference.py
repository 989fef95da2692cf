"""Reference outputs of an exported model on fixed sentences, for the engine test
(tests/engine/models/demo_models_test.cpp). Computed in float32 from the F16 weights."""
import json

import torch

BERT_CASES = [
    {"name": "plain", "text": "the quick brown fox jumps over the lazy dog."},
    {"name": "mask", "text": "a [MASK] is a domesticated animal that barks."},
    {"name": "pair", "text": "dog, domestic dog", "text_pair": "a member of the genus canis that has been domesticated by man"},
    {"name": "pair_mask", "text": "piano, pianoforte", "text_pair": "a keyboard [MASK] with strings"},
]
GPT2_CASES = [
    {"name": "lemma", "text": "dog, domestic dog:"},
    {"name": "definition", "text": "a member of the genus"},
    {"name": "sentence", "text": "In the morning, the river was"},
    {"name": "example", "text": "piano: a keyboard instrument that"},
]
ATTENTION_HEADS = [(0, 0), (1, 2), (3, 3)]  # (layer, head) pairs stored in full
GREEDY_STEPS = 8


def f32(x):
    """A float32 value as the shortest decimal that still reads back as the same float32."""
    return float(f"{float(x):.9g}")


def rows(t):
    return [[f32(x) for x in r] for r in t]


def top10(logits):
    values, ids = torch.topk(logits, 10)
    return {"ids": ids.tolist(), "logits": [f32(v) for v in values]}


def dump(refs, path):
    """Compact JSON, one case per line."""
    head = {k: v for k, v in refs.items() if k != "cases"}
    with open(path, "w") as f:
        f.write(json.dumps(head)[:-1] + ', "cases": [\n')
        f.write(",\n".join(json.dumps(c, separators=(",", ":")) for c in refs["cases"]))
        f.write("\n]}\n")


def bert_reference(model, tok):
    cases = []
    with torch.no_grad():
        for case in BERT_CASES:
            a = tok.encode(case["text"])
            b = tok.encode(case["text_pair"]) if "text_pair" in case else None
            ids = [tok.cls_id] + a + [tok.sep_id] + ((b + [tok.sep_id]) if b is not None else [])
            types = [0] * (len(a) + 2) + ([1] * (len(b) + 1) if b is not None else [])
            t_ids, t_types = torch.tensor([ids]), torch.tensor([types])
            hidden, attentions = model.bert(t_ids, t_types, torch.ones_like(t_ids))
            last = hidden[-1][0]
            out = dict(case, input_ids=ids, token_type_ids=types, last_hidden_state=rows(last),
                       attentions=[{"layer": l, "head": h, "probs": rows(attentions[l][0, h])} for l, h in ATTENTION_HEADS],
                       nsp_logits=[f32(x) for x in model.nsp_logits(hidden[-1])[0]])
            out["mask_logits"] = [dict(position=p, **top10(model.mlm_logits(last[p])))
                                  for p, i in enumerate(ids) if i == tok.mask_id]
            cases.append(out)
    return {"model_type": "bert", "computed_by": "packaging/train/reference.py (PyTorch, float32 from the F16 weights)",
            "cases": cases}


def gpt2_reference(model, tok):
    cases = []
    with torch.no_grad():
        for case in GPT2_CASES:
            ids = tok.encode(case["text"])
            logits, hidden, attentions = model(torch.tensor([ids]))
            generated = list(ids)
            for _ in range(GREEDY_STEPS):  # full prefix recomputed each step (no cache)
                generated.append(int(model(torch.tensor([generated]))[0][0, -1].argmax()))
            cases.append(dict(case, input_ids=ids, last_hidden_state=rows(hidden[-1][0]),
                              attentions=[{"layer": l, "head": h, "probs": rows(attentions[l][0, h])}
                                          for l, h in ATTENTION_HEADS],
                              next_token=top10(logits[0, -1]), greedy_ids=generated[len(ids):]))
    return {"model_type": "gpt2", "computed_by": "packaging/train/reference.py (PyTorch, float32 from the F16 weights)",
            "cases": cases}
