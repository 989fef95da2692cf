"""WordNet 3.0 (Debian wordnet-base) as a corpus: one entry per synset with its lemmas, definitions
and example sentences, and a fixed validation split chosen by synset."""
import os
import zlib

WORDNET_DIR = "/usr/share/wordnet"
PARTS_OF_SPEECH = ["noun", "verb", "adj", "adv"]
VALIDATION_EVERY = 50  # 1 synset in 50 (2 %) is held out, chosen by a hash of its id


def _split_gloss(gloss):
    """Splits a gloss on '; ' outside double quotes (examples may contain ';')."""
    parts, current, quoted = [], "", False
    i = 0
    while i < len(gloss):
        ch = gloss[i]
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
        i += 1
    parts.append(current.strip())
    return [p for p in parts if p]


def _lemmas(fields):
    count = int(fields[3], 16)
    words = fields[4:4 + 2 * count:2]
    out = []
    for w in words:
        w = w.split("(")[0]  # adjective markers like "(a)", "(p)", "(ip)"
        w = w.replace("_", " ")
        if w not in out:
            out.append(w)
    return out


def parse_synset(line, pos):
    head, _, gloss = line.partition(" | ")
    fields = head.split()
    definitions, examples = [], []
    for part in _split_gloss(gloss.strip()):
        if part.startswith('"'):
            text = part.strip('"').strip()
            if text:
                examples.append(text)
        else:
            definitions.append(part)
    return {"id": f"{pos}:{fields[0]}", "lemmas": _lemmas(fields), "definitions": definitions,
            "examples": examples, "gloss": gloss.strip()}


def load_synsets(wordnet_dir=WORDNET_DIR):
    synsets = []
    for pos in PARTS_OF_SPEECH:
        with open(os.path.join(wordnet_dir, "data." + pos), encoding="ascii") as f:
            for line in f:
                if line.startswith("  "):  # the licence header
                    continue
                synsets.append(parse_synset(line.rstrip("\n"), pos))
    return synsets


def is_validation(synset):
    return zlib.crc32(synset["id"].encode()) % VALIDATION_EVERY == 0


def bert_segments(synset):
    """Consecutive segments of one synset, used as sentence pairs for next-sentence prediction:
    the lemma list, then each definition, then each example sentence."""
    return [", ".join(synset["lemmas"])] + synset["definitions"] + synset["examples"]


def gpt2_document(synset):
    """One synset as a short document: 'lemma, lemma: gloss' with WordNet's own gloss text."""
    return ", ".join(synset["lemmas"]) + ": " + synset["gloss"]
