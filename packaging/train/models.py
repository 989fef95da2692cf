"""Small BERT and GPT-2 in plain PyTorch, laid out so that state_dict() names, shapes and numerics
are those of HuggingFace's BertForPreTraining and GPT2LMHeadModel (transformers 4.31, eager attention).
"""
import math

import torch
from torch import nn
from torch.nn import functional as F


def gelu_erf(x):  # BERT "gelu"
    return F.gelu(x)


def gelu_new(x):  # GPT-2 "gelu_new": the tanh approximation, written as HF writes it
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


# ----------------------------------------------------------------------------------------- BERT

class BertEmbeddings(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.word_embeddings = nn.Embedding(c["vocab_size"], c["hidden_size"], padding_idx=c["pad_token_id"])
        self.position_embeddings = nn.Embedding(c["max_position_embeddings"], c["hidden_size"])
        self.token_type_embeddings = nn.Embedding(c["type_vocab_size"], c["hidden_size"])
        self.LayerNorm = nn.LayerNorm(c["hidden_size"], eps=c["layer_norm_eps"])
        self.dropout = nn.Dropout(c["hidden_dropout_prob"])

    def forward(self, ids, token_types):
        positions = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
        x = self.word_embeddings(ids) + self.token_type_embeddings(token_types) + self.position_embeddings(positions)
        return self.dropout(self.LayerNorm(x))


class BertSelfAttention(nn.Module):
    def __init__(self, c):
        super().__init__()
        h = c["hidden_size"]
        self.heads = c["num_attention_heads"]
        self.query, self.key, self.value = nn.Linear(h, h), nn.Linear(h, h), nn.Linear(h, h)
        self.dropout = nn.Dropout(c["attention_probs_dropout_prob"])

    def split(self, x):
        b, t, h = x.shape
        return x.view(b, t, self.heads, h // self.heads).transpose(1, 2)

    def forward(self, x, additive_mask):
        q, k, v = self.split(self.query(x)), self.split(self.key(x)), self.split(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1]) + additive_mask
        probs = torch.softmax(scores, dim=-1)
        ctx = (self.dropout(probs) @ v).transpose(1, 2).reshape(x.shape)
        return ctx, probs


class BertSelfOutput(nn.Module):
    def __init__(self, c, width_in):
        super().__init__()
        self.dense = nn.Linear(width_in, c["hidden_size"])
        self.LayerNorm = nn.LayerNorm(c["hidden_size"], eps=c["layer_norm_eps"])
        self.dropout = nn.Dropout(c["hidden_dropout_prob"])

    def forward(self, x, residual):
        return self.LayerNorm(self.dropout(self.dense(x)) + residual)


class BertAttention(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.self = BertSelfAttention(c)
        self.output = BertSelfOutput(c, c["hidden_size"])

    def forward(self, x, mask):
        ctx, probs = self.self(x, mask)
        return self.output(ctx, x), probs


class BertIntermediate(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.dense = nn.Linear(c["hidden_size"], c["intermediate_size"])

    def forward(self, x):
        return gelu_erf(self.dense(x))


class BertLayer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.attention = BertAttention(c)
        self.intermediate = BertIntermediate(c)
        self.output = BertSelfOutput(c, c["intermediate_size"])

    def forward(self, x, mask):
        a, probs = self.attention(x, mask)
        return self.output(self.intermediate(a), a), probs


class BertEncoder(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.layer = nn.ModuleList(BertLayer(c) for _ in range(c["num_hidden_layers"]))


class BertPooler(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.dense = nn.Linear(c["hidden_size"], c["hidden_size"])

    def forward(self, h):
        return torch.tanh(self.dense(h[:, 0]))


class BertModel(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.embeddings = BertEmbeddings(c)
        self.encoder = BertEncoder(c)
        self.pooler = BertPooler(c)

    def forward(self, ids, token_types, attention_mask):
        # HF: (1 - mask) * finfo(float32).min added to the scores of padded keys.
        additive = (1.0 - attention_mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
        x = self.embeddings(ids, token_types)
        hidden, attentions = [x], []
        for layer in self.encoder.layer:
            x, probs = layer(x, additive)
            hidden.append(x)
            attentions.append(probs)
        return hidden, attentions


class BertPredictionHeadTransform(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.dense = nn.Linear(c["hidden_size"], c["hidden_size"])
        self.LayerNorm = nn.LayerNorm(c["hidden_size"], eps=c["layer_norm_eps"])

    def forward(self, x):
        return self.LayerNorm(gelu_erf(self.dense(x)))


class BertLMPredictionHead(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.transform = BertPredictionHeadTransform(c)
        self.bias = nn.Parameter(torch.zeros(c["vocab_size"]))


class BertPreTrainingHeads(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.predictions = BertLMPredictionHead(c)
        self.seq_relationship = nn.Linear(c["hidden_size"], 2)


class BertForPreTraining(nn.Module):
    """The decoder is tied to the word embeddings, so only cls.predictions.bias is a separate tensor."""

    def __init__(self, c):
        super().__init__()
        self.config = c
        self.bert = BertModel(c)
        self.cls = BertPreTrainingHeads(c)

    def mlm_logits(self, h):
        """Vocabulary logits for hidden states h [..., hidden] (callers pass only the rows they need)."""
        t = self.cls.predictions.transform(h)
        return t @ self.bert.embeddings.word_embeddings.weight.t() + self.cls.predictions.bias

    def nsp_logits(self, last_hidden):
        return self.cls.seq_relationship(self.bert.pooler(last_hidden))


# ----------------------------------------------------------------------------------------- GPT-2

class Conv1D(nn.Module):
    """HF's Conv1D: a linear layer whose weight is stored [in, out]."""

    def __init__(self, n_in, n_out):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(n_in, n_out))
        self.bias = nn.Parameter(torch.zeros(n_out))

    def forward(self, x):
        return x @ self.weight + self.bias


class GPT2Attention(nn.Module):
    def __init__(self, c):
        super().__init__()
        h = c["n_embd"]
        self.heads = c["n_head"]
        self.c_attn, self.c_proj = Conv1D(h, 3 * h), Conv1D(h, h)
        self.attn_dropout, self.resid_dropout = nn.Dropout(c["attn_pdrop"]), nn.Dropout(c["resid_pdrop"])

    def forward(self, x):
        b, t, h = x.shape
        q, k, v = self.c_attn(x).split(h, dim=2)
        q, k, v = (z.view(b, t, self.heads, h // self.heads).transpose(1, 2) for z in (q, k, v))
        scores = q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1])
        causal = torch.ones(t, t, dtype=torch.bool, device=x.device).tril()
        scores = torch.where(causal, scores, torch.tensor(torch.finfo(scores.dtype).min, dtype=scores.dtype))
        probs = torch.softmax(scores, dim=-1)
        ctx = (self.attn_dropout(probs) @ v).transpose(1, 2).reshape(b, t, h)
        return self.resid_dropout(self.c_proj(ctx)), probs


class GPT2MLP(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c_fc, self.c_proj = Conv1D(c["n_embd"], 4 * c["n_embd"]), Conv1D(4 * c["n_embd"], c["n_embd"])
        self.dropout = nn.Dropout(c["resid_pdrop"])

    def forward(self, x):
        return self.dropout(self.c_proj(gelu_new(self.c_fc(x))))


class GPT2Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        eps = c["layer_norm_epsilon"]
        self.ln_1, self.ln_2 = nn.LayerNorm(c["n_embd"], eps=eps), nn.LayerNorm(c["n_embd"], eps=eps)
        self.attn, self.mlp = GPT2Attention(c), GPT2MLP(c)

    def forward(self, x):
        a, probs = self.attn(self.ln_1(x))
        x = x + a
        return x + self.mlp(self.ln_2(x)), probs


class GPT2Model(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.wte = nn.Embedding(c["vocab_size"], c["n_embd"])
        self.wpe = nn.Embedding(c["n_positions"], c["n_embd"])
        self.drop = nn.Dropout(c["embd_pdrop"])
        self.h = nn.ModuleList(GPT2Block(c) for _ in range(c["n_layer"]))
        self.ln_f = nn.LayerNorm(c["n_embd"], eps=c["layer_norm_epsilon"])

    def forward(self, ids):
        positions = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
        x = self.drop(self.wte(ids) + self.wpe(positions))
        hidden, attentions = [x], []
        for block in self.h:
            x, probs = block(x)
            attentions.append(probs)
            hidden.append(x)
        hidden[-1] = self.ln_f(x)  # HF appends the last hidden state after ln_f
        return hidden, attentions


class GPT2LMHeadModel(nn.Module):
    """lm_head is tied to wte (not stored)."""

    def __init__(self, c):
        super().__init__()
        self.config = c
        self.transformer = GPT2Model(c)

    def forward(self, ids):
        hidden, attentions = self.transformer(ids)
        return hidden[-1] @ self.transformer.wte.weight.t(), hidden, attentions


# ----------------------------------------------------------------------------------------- init

def init_weights(model, std=0.02, n_layer=None):
    """HF's _init_weights: N(0, 0.02) for weights and embeddings, zero biases, LayerNorm (1, 0);
    GPT-2 also scales c_proj by 1/sqrt(2 * n_layer)."""
    for name, p in model.named_parameters():
        if p.dim() == 1:
            nn.init.ones_(p) if ("LayerNorm.weight" in name or ".ln_" in name) and name.endswith("weight") \
                else nn.init.zeros_(p)
        else:
            nn.init.normal_(p, 0.0, std)
            if n_layer and name.endswith("c_proj.weight"):
                nn.init.normal_(p, 0.0, std / math.sqrt(2 * n_layer))
    for m in model.modules():  # the padding row of BERT's word embeddings starts at zero, as in HF
        if isinstance(m, nn.Embedding) and m.padding_idx is not None:
            with torch.no_grad():
                m.weight[m.padding_idx].zero_()
