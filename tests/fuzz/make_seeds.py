#!/usr/bin/env python3
"""Builds the seed corpora in corpus/<target>/ from ../shared (run from anywhere; needs only the
standard library). Seeds are kept small: trimmed vocabularies, a few tensors, short texts."""
import hashlib
import json
import pathlib
import struct
import sys

HERE = pathlib.Path(__file__).resolve().parent
SHARED = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared"
MODELS = SHARED / "models"
CORPUS = HERE / "corpus"


def put(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (folder / name).write_bytes(data)


def safetensors(tensors, metadata=None):
    """tensors: name -> (dtype, shape, raw bytes)."""
    header, blob = {}, b""
    if metadata is not None:
        header["__metadata__"] = metadata
    for name, (dtype, shape, raw) in tensors.items():
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(blob), len(blob) + len(raw)]}
        blob += raw
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * ((8 - (8 + len(text)) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + blob


def safetensors_seeds():
    put("fuzz_safetensors", "zoo", safetensors({
        "f32": ("F32", [2, 3], struct.pack("<6f", 0, 1, -2, 3.5, 1e-3, -0.0)),
        "f16": ("F16", [3], struct.pack("<3H", 0x3C00, 0x7BFF, 0x8001)),
        "bf16": ("BF16", [2], struct.pack("<2H", 0x3F80, 0x7F80)),
        "f64": ("F64", [1], struct.pack("<d", 3.25)),
        "i64": ("I64", [1, 1], struct.pack("<q", -7)),
        "scalar": ("F32", [], struct.pack("<f", 2.0)),
        "empty": ("F32", [0, 4], b""),
    }, {"format": "pt"}))
    put("fuzz_safetensors", "one-tensor", safetensors({"w": ("F32", [1], struct.pack("<f", 1.0))}))
    put("fuzz_safetensors", "empty-header", safetensors({}))
    # The header of a real checkpoint (tensor bytes cut off: exercises the "past the data area" checks).
    real = (MODELS / "random-bert-uncased-L2-H64-bf16" / "model.safetensors").read_bytes()
    n = struct.unpack("<Q", real[:8])[0]
    put("fuzz_safetensors", "bert-bf16-header-only", real[:8 + n])


def json_seeds():
    index = MODELS / "random-gpt2-L2-H64-sharded" / "model.safetensors.index.json"
    put("fuzz_shard_index", "gpt2-sharded", index.read_bytes())
    for model in ["random-bert-uncased-L4-H256", "random-distilbert-uncased-L2-H64-f16", "random-roberta-L2-H64-f16",
                  "random-gpt2-L4-H256", "random-gpt2-L2-H64-sharded", "random-bert-uncased-L2-H64-bin"]:
        put("fuzz_config", model, (MODELS / model / "config.json").read_bytes())


def tokenizer_json_seeds():
    bert = json.loads((MODELS / "random-bert-uncased-L4-H256" / "tokenizer.json").read_text())
    vocab = bert["model"]["vocab"]
    keep = {t: i for t, i in vocab.items() if i < 120 or 1996 <= i < 2100 or t in ("##ing", "##s", "un", "##aff", "##able")}
    bert["model"]["vocab"] = keep
    put("fuzz_tokenizer_json", "bert-trimmed", json.dumps(bert, ensure_ascii=False))
    gpt2 = json.loads((MODELS / "random-gpt2-L4-H256" / "tokenizer.json").read_text())
    gpt2["model"]["vocab"] = {t: i for t, i in gpt2["model"]["vocab"].items() if i < 400 or i == 50256}
    gpt2["model"]["merges"] = gpt2["model"]["merges"][:144]
    put("fuzz_tokenizer_json", "gpt2-trimmed", json.dumps(gpt2, ensure_ascii=False))


def small_tokenizer_json_seeds():
    """Tiny files that reach every branch quickly: templates, normaliser, added tokens, 2020 format."""
    vocab = {t: i for i, t in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "un", "##aff", "##able", "!"])}
    template = {"type": "TemplateProcessing",
                "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                           {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
                "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                         {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                         {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
                "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                                   "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}}}
    put("fuzz_tokenizer_json", "tiny-wordpiece-template", json.dumps({
        "added_tokens": [{"id": 4, "content": "[MASK]", "lstrip": False, "rstrip": False, "special": True}],
        "normalizer": {"type": "BertNormalizer", "lowercase": True, "handle_chinese_chars": True, "strip_accents": None},
        "post_processor": template,
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": vocab}}))
    put("fuzz_tokenizer_json", "tiny-wordpiece-2020", json.dumps({
        "post_processor": {"type": "BertProcessing", "cls": ["[CLS]", 2], "sep": ["[SEP]", 3]},
        "model": {"unk_token": "[UNK]", "continuing_subword_prefix": "##", "vocab": vocab}}))
    gpt2 = json.loads((MODELS / "random-gpt2-L4-H256" / "tokenizer.json").read_text())
    byte_vocab = {t: i for t, i in gpt2["model"]["vocab"].items() if i < 260}
    byte_vocab["<s>"], byte_vocab["</s>"] = 300, 301
    put("fuzz_tokenizer_json", "tiny-bpe-roberta", json.dumps({
        "added_tokens": [{"id": 300, "content": "<s>"}, {"id": 301, "content": "</s>", "lstrip": True}],
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [{"type": "ByteLevel", "add_prefix_space": True}]},
        "post_processor": {"type": "RobertaProcessing", "cls": ["<s>", 300], "sep": ["</s>", 301]},
        "model": {"type": "BPE", "vocab": byte_vocab,
                  "merges": [m if isinstance(m, str) else " ".join(m) for m in gpt2["model"]["merges"][:4]]}},
        ensure_ascii=False))


def slow_tokenizer_seeds():
    lines = (MODELS / "random-bert-uncased-L4-H256" / "vocab.txt").read_text(encoding="utf-8").split("\n")
    put("fuzz_vocab_txt", "bert-first-300", "\n".join(lines[:300]) + "\n")
    put("fuzz_vocab_txt", "bert-words", "\n".join(lines[:104] + lines[1996:2200]) + "\n")
    put("fuzz_vocab_txt", "crlf", "[PAD]\r\n[UNK]\r\n[CLS]\r\n[SEP]\r\n[MASK]\r\nthe\r\n##ing\r\nun\r\n")
    vocab = json.loads((MODELS / "random-gpt2-L4-H256" / "vocab.json").read_text())
    small = {t: i for t, i in vocab.items() if i < 400 or i == 50256}
    merges = (MODELS / "random-gpt2-L4-H256" / "merges.txt").read_text(encoding="utf-8").split("\n")
    put("fuzz_bpe_files", "gpt2-trimmed",
        json.dumps(small, ensure_ascii=False).encode() + b"\0" + ("\n".join(merges[:145]) + "\n").encode())


def text_seeds():
    texts = set()
    for name, target in [("bert-base-uncased.jsonl", "fuzz_wordpiece_encode"), ("gpt2.jsonl", "fuzz_bpe_encode")]:
        rows = [json.loads(l) for l in (SHARED / "golden" / "tokenizers" / name).read_text(encoding="utf-8").split("\n") if l]
        # Every 12th golden text: a spread of scripts, accents, emoji and whitespace, kept small.
        for row in rows[::12]:
            text = row["text"]
            if isinstance(text, str) and len(text.encode()) <= 400:
                put(target, hashlib.sha1(text.encode()).hexdigest()[:12], text)
    for target in ["fuzz_wordpiece_encode", "fuzz_bpe_encode"]:
        put(target, "pair", "The capital of France is [MASK].\tParis is nice, isn't it?")
        put(target, "invalid-utf8", b"caf\xc3 \xff\xfe \xed\xa0\x80 ok \xf0\x9f\x98")
        put(target, "specials", "<|endoftext|>[CLS] hi [SEP]<|endoftext|>")


def torch_seeds():
    for case in sorted((MODELS / "pickle-attacks").iterdir()):
        if case.is_dir():
            put("fuzz_torch_checkpoint", case.name, (case / "pytorch_model.bin").read_bytes())


if __name__ == "__main__":
    safetensors_seeds()
    json_seeds()
    tokenizer_json_seeds()
    small_tokenizer_json_seeds()
    slow_tokenizer_seeds()
    text_seeds()
    torch_seeds()
