"""Training and validation batches from the tokenised WordNet corpus (deterministic given a seed)."""
import random

import torch

import corpus


# ----------------------------------------------------------------------------------------- BERT

class BertPairs:
    """Sentence pairs for MLM + NSP. A is a segment of a synset; B is, with probability 1/2, the next
    segment of the same synset (label 0 = IsNext, as in HF) or a segment of another synset (label 1)."""

    def __init__(self, synsets, tokenizer, max_len):
        self.tok, self.max_len = tokenizer, max_len
        self.segments = [[tokenizer.encode(s) for s in corpus.bert_segments(x)] for x in synsets]
        self.flat = [seg for segs in self.segments for seg in segs]
        # (synset index, segment index) of every A that has a next segment
        self.starts = [(i, j) for i, segs in enumerate(self.segments) for j in range(len(segs) - 1)]

    def pair(self, rng, synset, k):
        a = self.segments[synset][k]
        if rng.random() < 0.5:
            return a, self.segments[synset][k + 1], 0
        while True:
            other = rng.randrange(len(self.segments))
            if other != synset:
                segs = self.segments[other]
                return a, segs[rng.randrange(len(segs))], 1

    def encode_pair(self, a, b):
        a, b = list(a), list(b)
        while len(a) + len(b) > self.max_len - 3:  # HF's longest-first truncation
            (a if len(a) > len(b) else b).pop()
        ids = [self.tok.cls_id] + a + [self.tok.sep_id] + b + [self.tok.sep_id]
        types = [0] * (len(a) + 2) + [1] * (len(b) + 1)
        return ids, types

    def batch(self, rng, generator, size):
        picks = [self.starts[rng.randrange(len(self.starts))] for _ in range(size)]
        return self.collate([self.pair(rng, i, k) for i, k in picks], generator)

    def collate(self, pairs, generator):
        encoded = [self.encode_pair(a, b) for a, b, _ in pairs]
        width = max(len(ids) for ids, _ in encoded)
        ids = torch.full((len(pairs), width), self.tok.pad_id, dtype=torch.long)
        types = torch.zeros((len(pairs), width), dtype=torch.long)
        mask = torch.zeros((len(pairs), width), dtype=torch.long)
        for r, (i, t) in enumerate(encoded):
            ids[r, :len(i)], types[r, :len(t)], mask[r, :len(i)] = torch.tensor(i), torch.tensor(t), 1
        nsp = torch.tensor([label for _, _, label in pairs])
        inputs, labels = mask_tokens(ids, mask, self.tok, len(self.tok.vocab), generator)
        return inputs, types, mask, labels, nsp


def mask_tokens(ids, attention_mask, tok, vocab_size, generator):
    """HF's DataCollatorForLanguageModeling: 15 % of the real tokens are predicted; of those 80 % become
    [MASK], 10 % a random token, 10 % stay. labels = -100 where nothing is predicted."""
    special = (ids == tok.cls_id) | (ids == tok.sep_id) | (attention_mask == 0)
    chosen = (torch.rand(ids.shape, generator=generator) < 0.15) & ~special
    if not chosen.any():  # always predict something
        first_real = (~special).nonzero()[0]
        chosen[first_real[0], first_real[1]] = True
    labels = torch.where(chosen, ids, torch.full_like(ids, -100))
    inputs = ids.clone()
    to_mask = chosen & (torch.rand(ids.shape, generator=generator) < 0.8)
    inputs[to_mask] = tok.mask_id
    to_random = chosen & ~to_mask & (torch.rand(ids.shape, generator=generator) < 0.5)
    inputs[to_random] = torch.randint(vocab_size, ids.shape, generator=generator)[to_random]
    return inputs, labels


# ----------------------------------------------------------------------------------------- GPT-2

class GPT2Windows:
    """Synset documents joined by <|endoftext|> (in a seeded shuffled order) and cut into windows of
    n_positions tokens; every position of the model is trained."""

    def __init__(self, synsets, tokenizer, window, seed):
        docs = [tokenizer.encode(corpus.gpt2_document(x)) for x in synsets]
        random.Random(seed).shuffle(docs)
        stream = []
        for d in docs:
            stream.extend(d)
            stream.append(tokenizer.eos_id)
        self.num_tokens = len(stream)
        n = len(stream) // window
        self.windows = torch.tensor(stream[:n * window], dtype=torch.long).view(n, window)
        self.order, self.cursor, self.epoch = [], 0, 0

    def batch(self, rng, size):
        rows = []
        while len(rows) < size:
            if self.cursor == len(self.order):
                self.order = list(range(len(self.windows)))
                rng.shuffle(self.order)
                self.cursor, self.epoch = 0, self.epoch + 1
            rows.append(self.order[self.cursor])
            self.cursor += 1
        return self.windows[rows]
