"""Minimal re-implementations of HuggingFace's *slow* BertTokenizer (uncased) and GPT2Tokenizer.

Only what the training recipe needs: text -> ids, with the real vocabulary files. Faithfulness is
checked by check_tokenizers.py against the transformers golden files in ../shared/golden/tokenizers.
"""
import json
import unicodedata

import regex

# ----------------------------------------------------------------------------------------- BERT

BERT_SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def _is_whitespace(ch):
    return ch in " \t\n\r" or unicodedata.category(ch) == "Zs"


def _is_control(ch):
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch).startswith("C")


def _is_punctuation(ch):
    cp = ord(ch)
    # BERT treats every non-alphanumeric ASCII character as punctuation, e.g. "$" and "^".
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def _split_on_specials(text, specials):
    """Splits text into (piece, is_special) keeping special-token strings whole (longest first)."""
    pattern = "(" + "|".join(regex.escape(s) for s in sorted(specials, key=len, reverse=True)) + ")"
    for piece in regex.split(pattern, text):
        if piece:
            yield piece, piece in specials


class BertTokenizer:
    def __init__(self, vocab_path, do_lower_case=True):
        with open(vocab_path, encoding="utf-8") as f:
            self.vocab = {line.rstrip("\n"): i for i, line in enumerate(f)}
        self.do_lower_case = do_lower_case
        self.cls_id, self.sep_id = self.vocab["[CLS]"], self.vocab["[SEP]"]
        self.mask_id, self.pad_id = self.vocab["[MASK]"], self.vocab["[PAD]"]
        self.unk_id = self.vocab["[UNK]"]

    def _basic(self, text):
        cleaned = []
        for ch in text:
            cp = ord(ch)
            if cp == 0 or cp == 0xFFFD or _is_control(ch):
                continue
            if _is_whitespace(ch):
                cleaned.append(" ")
            elif _is_cjk(cp):
                cleaned.append(" " + ch + " ")
            else:
                cleaned.append(ch)
        text = unicodedata.normalize("NFC", "".join(cleaned))
        out = []
        for word in text.split():
            if self.do_lower_case:
                word = word.lower()
                word = "".join(c for c in unicodedata.normalize("NFD", word)
                               if unicodedata.category(c) != "Mn")
            current = ""
            for ch in word:
                if _is_punctuation(ch):
                    if current:
                        out.append(current)
                    out.append(ch)
                    current = ""
                else:
                    current += ch
            if current:
                out.append(current)
        return out

    def _wordpiece(self, word):
        if len(word) > 100:
            return ["[UNK]"]
        pieces, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                candidate = word[start:end] if start == 0 else "##" + word[start:end]
                if candidate in self.vocab:
                    found = candidate
                    break
                end -= 1
            if found is None:
                return ["[UNK]"]
            pieces.append(found)
            start = end
        return pieces

    def tokenize(self, text):
        tokens = []
        for piece, special in _split_on_specials(text, BERT_SPECIALS):
            if special:
                tokens.append(piece)
                continue
            if self.do_lower_case:
                piece = "".join(c.lower() for c in piece)  # per code point, as the slow tokenizer does
            for word in self._basic(piece):
                tokens.extend(self._wordpiece(word))
        return tokens

    def encode(self, text):
        """ids without [CLS]/[SEP]."""
        return [self.vocab.get(t, self.unk_id) for t in self.tokenize(text)]


# ----------------------------------------------------------------------------------------- GPT-2

GPT2_PATTERN = regex.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")
GPT2_EOS = "<|endoftext|>"


def _bytes_to_unicode():
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + \
        list(range(ord("®"), ord("ÿ") + 1))
    chars, n = printable[:], 0
    for b in range(256):
        if b not in printable:
            printable.append(b)
            chars.append(256 + n)
            n += 1
    return dict(zip(printable, map(chr, chars)))


class GPT2Tokenizer:
    def __init__(self, vocab_path, merges_path):
        with open(vocab_path, encoding="utf-8") as f:
            self.vocab = json.load(f)
        with open(merges_path, encoding="utf-8") as f:
            lines = f.read().split("\n")[1:]  # first line is "#version: 0.2"
        merges = [tuple(line.split()) for line in lines if line.strip()]
        self.ranks = {pair: i for i, pair in enumerate(merges)}
        self.byte_encoder = _bytes_to_unicode()
        self.eos_id = self.vocab[GPT2_EOS]
        self.cache = {}

    def _bpe(self, token):
        if token in self.cache:
            return self.cache[token]
        word = list(token)
        while len(word) > 1:
            pairs = {(word[i], word[i + 1]) for i in range(len(word) - 1)}
            best = min(pairs, key=lambda p: self.ranks.get(p, float("inf")))
            if best not in self.ranks:
                break
            merged, i = [], 0
            while i < len(word):
                if i < len(word) - 1 and (word[i], word[i + 1]) == best:
                    merged.append(word[i] + word[i + 1])
                    i += 2
                else:
                    merged.append(word[i])
                    i += 1
            word = merged
        self.cache[token] = word
        return word

    def tokenize(self, text):
        tokens = []
        parts = list(_split_on_specials(text, [GPT2_EOS]))
        for k, (piece, special) in enumerate(parts):
            if special:
                tokens.append(piece)
                continue
            # The slow tokenizer strips whitespace on both sides of a special token.
            if k > 0 and parts[k - 1][1]:
                piece = piece.lstrip()
            if k + 1 < len(parts) and parts[k + 1][1]:
                piece = piece.rstrip()
            for chunk in GPT2_PATTERN.findall(piece):
                mapped = "".join(self.byte_encoder[b] for b in chunk.encode("utf-8"))
                tokens.extend(self._bpe(mapped))
        return tokens

    def encode(self, text):
        return [self.vocab[t] for t in self.tokenize(text)]
