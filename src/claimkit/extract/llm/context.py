"""How much article fits in one request: the context window, less the prompt,
the schema, the examples and the reply.

A model reads the system prompt, the tool schema (about 4,000 tokens for the
built-in claim types), the few-shot examples and the article, and writes
its reply, all inside its context window. An endpoint that gets more either
refuses the request (vLLM, OpenAI) or cuts the prompt without a word (Ollama,
llama.cpp's server): the article loses its end, or the model loses its
instructions. So the backend sizes chunks to fit (:func:`fit_chunks`) and
refuses to start (:class:`~claimkit.errors.ConfigError`) when even the fixed
part of the prompt leaves too little room.

Tokens are estimated, not counted (no tokenizer of an unknown model is at
hand): an ASCII character counts a third of a token and any other character
a whole one, which overestimates the tokenizers of current models for
Latin, Cyrillic, Arabic and CJK text alike; a margin covers the chat
template and the tool-call wrapping.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from claimkit.errors import ConfigError
from claimkit.extract.llm.chunking import Chunk, chunk_text
from claimkit.extract.llm.prompts import build_messages, response_model
from claimkit.schemas import Document

__all__ = ["MIN_ARTICLE_TOKENS", "Budget", "estimate_tokens", "fit_chunks", "fixed_tokens"]

#: below this many tokens for the article a request is not worth sending
MIN_ARTICLE_TOKENS = 512


def estimate_tokens(text: str) -> int:
    """An upper estimate of the tokens of ``text`` (a third per ASCII character,
    one per other character)."""
    ascii_chars = len(text.encode("ascii", "ignore"))
    return -(-ascii_chars // 3) + (len(text) - ascii_chars)


def fixed_tokens(types: Sequence[str] | None, examples: Sequence[dict[str, str]] = ()) -> int:
    """Estimated tokens of a request without its article: system prompt, few-shot
    examples, the user message's frame (title aside) and the claim schema."""
    frame = build_messages(Document(id="-", text=""), "", part=(99, 99), types=types,
                           examples=examples)
    schema = json.dumps(response_model(types).model_json_schema(), ensure_ascii=False)
    return sum(estimate_tokens(m["content"]) + 8 for m in frame) + estimate_tokens(schema)


@dataclass(frozen=True)
class Budget:
    """The token budget of one request.

    Attributes:
        window: the model's context window (tokens).
        reply: tokens kept for the reply (the request's ``max_tokens``).
        fixed: tokens of everything but the article: system prompt, message
            frame, tool schema, few-shot examples.
    """

    window: int
    reply: int
    fixed: int

    @property
    def margin(self) -> int:
        """Tokens kept free for the chat template and estimate error."""
        return 256 + self.window // 20

    @property
    def article(self) -> int:
        """Tokens left for the article text of one request."""
        return self.window - self.reply - self.fixed - self.margin

    def check(self, model: str) -> None:
        """Refuse a window too small for the fixed part of the prompt and the reply.

        Raises:
            ConfigError: fewer than :data:`MIN_ARTICLE_TOKENS` tokens are left for
                the article; the message says what takes the room and what to change.
        """
        if self.article >= MIN_ARTICLE_TOKENS:
            return
        raise ConfigError(
            f"model {model}: a context window of {self.window} tokens leaves {self.article} "
            f"for the article (prompt, schema and examples take about {self.fixed}, the "
            f"reply {self.reply}, margin {self.margin}); set --context-window to the window "
            "the server really gives (Ollama: OLLAMA_CONTEXT_LENGTH; vLLM: --max-model-len; "
            "llama.cpp: -c), lower max_tokens, use fewer --examples or fewer --types"
        )


def fit_chunks(text: str, budget: Budget, max_chars: int, overlap: int) -> list[Chunk]:
    """Chunks of ``text`` of at most ``max_chars`` characters whose estimated tokens
    each fit ``budget.article`` (a chunk that does not is cut again, smaller).

    Raises:
        ConfigError: the budget leaves too little room (see :meth:`Budget.check`).
    """
    room = budget.article
    if room < MIN_ARTICLE_TOKENS:
        raise ConfigError(f"only {room} tokens of the context window are left for the article")
    per_char = max(estimate_tokens(text) / max(len(text), 1), 1 / 3)
    size = max(1, min(max_chars, int(room / per_char)))
    chunks = chunk_text(text, size, overlap)
    out: list[Chunk] = []
    while chunks:
        chunk = chunks.pop(0)
        tokens = estimate_tokens(chunk.text)
        if tokens <= room or len(chunk.text) <= 1:
            out.append(chunk)
            continue
        smaller = max(1, len(chunk.text) * room // tokens)
        chunks[:0] = chunk_text(chunk.text, smaller, min(overlap, smaller // 3),
                                offset=chunk.start)
    return out
