"""Split long documents into chunks; merge claims found twice or in pieces.

Chunks end on a paragraph break when one is near, else on a sentence end
(Latin, CJK and other full stops), else on whitespace, and only as a last
resort in the middle of a run of characters (text without any break). Each
chunk after the first starts ``overlap`` characters before the previous one
ended (moved forward to a sentence start when there is one), so that a claim
stated across the cut is seen whole by at least one chunk. Chunks are slices
of the text: ``text[chunk.start:chunk.end] == chunk.text``.

A claim seen by two overlapping chunks comes back twice with overlapping
evidence; a claim whose quotes lie in chunks that do not overlap comes back
in pieces, each with its chunk's quotes. :func:`merge_claims` joins both
(the second kind when type, actors and object agree: :func:`same_statement`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from claimkit.schemas import Actor, ClaimBase, DateRef, Span, claim_traits

__all__ = ["Chunk", "chunk_text", "merge_claims", "same_statement", "split_chunk"]

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"\n\s*")
# after a sentence-final mark (and closing quotes/brackets), before the next sentence
_SENTENCE = re.compile(
    r"(?<=[.!?\u2026\u0964\u061f\u06d4])[\"'\u201d\u2019\u00bb)\]]*\s+"
    r"|(?<=[\u3002\uff01\uff1f\uff0e])[\u300d\u300f\u201d\u2019\uff09]*\s*"
)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Chunk:
    """A slice ``[start, end)`` of a document's text."""

    start: int
    end: int
    text: str


def _best_cut(text: str, lo: int, hi: int) -> int:
    """Best cut position in ``(lo, hi]``: paragraph > line > sentence > space > hard."""
    window = text[lo:hi]
    for pattern in (_PARAGRAPH, _LINE, _SENTENCE, _SPACE):
        last = None
        for m in pattern.finditer(window):
            if m.end() > 0:
                last = m
        if last is not None:
            return lo + last.end()
    return hi


def _restart(text: str, lo: int, hi: int) -> int:
    """Where the next chunk starts, in ``[lo, hi)``: the first sentence start, else ``lo``."""
    window = text[lo:hi]
    for pattern in (_PARAGRAPH, _LINE, _SENTENCE):
        m = pattern.search(window)
        if m is not None and lo + m.end() < hi:
            return lo + m.end()
    m = _SPACE.search(window)
    if m is not None and lo + m.end() < hi:
        return lo + m.end()
    return lo


def chunk_text(text: str, max_chars: int, overlap: int = 0, *, offset: int = 0) -> list[Chunk]:
    """Split ``text`` into chunks of at most ``max_chars`` characters.

    Args:
        text: the text to split.
        max_chars: largest chunk size.
        overlap: characters shared by consecutive chunks (at most, roughly).
        offset: added to every chunk's start and end (for sub-chunks).

    Returns:
        One chunk holding the whole text when it fits, else several that
        cover every character at least once.
    """
    if max_chars <= 0:
        raise ValueError("max_chars must be positive")
    overlap = max(0, min(overlap, max_chars // 3))
    if len(text) <= max_chars:
        return [Chunk(offset, offset + len(text), text)]
    chunks: list[Chunk] = []
    start = 0
    while True:
        if len(text) - start <= max_chars:
            chunks.append(Chunk(offset + start, offset + len(text), text[start:]))
            return chunks
        # never cut in the first half: chunks stay reasonably large
        end = _best_cut(text, start + max_chars // 2, start + max_chars)
        chunks.append(Chunk(offset + start, offset + end, text[start:end]))
        nxt = _restart(text, max(start + 1, end - overlap), end) if overlap else end
        start = max(nxt, start + 1)


def split_chunk(chunk: Chunk, overlap: int) -> list[Chunk]:
    """Split a chunk in about two halves (used when a reply was truncated)."""
    size = max(1, len(chunk.text) // 2 + overlap // 2 + 1)
    parts = chunk_text(chunk.text, size, overlap, offset=chunk.start)
    return parts if len(parts) > 1 else [chunk]


def _overlap(a: Span, b: Span) -> bool:
    inter = min(a.end, b.end) - max(a.start, b.start)
    shorter = min(a.end - a.start, b.end - b.start)
    return inter > 0 and inter * 2 >= shorter


def _actor_key(actor: Actor) -> str:
    return " ".join(actor.label.casefold().split())


def _key(value: Any) -> Any:
    """A value as compared when deciding whether two claims state the same thing:
    actors by their sorted names, enums by value, text case- and space-folded."""
    if value is None:
        return None
    if isinstance(value, Actor):
        return frozenset({_actor_key(value)})
    if isinstance(value, list):
        if value and all(isinstance(v, Actor) for v in value):
            return frozenset(_actor_key(v) for v in value)
        return tuple(_key(v) for v in value) or None
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, str):
        return " ".join(value.casefold().split()) or None
    if isinstance(value, DateRef):
        return value.value or _key(value.raw)
    if isinstance(value, BaseModel):
        return json.dumps(value.model_dump(mode="json"), sort_keys=True)
    return value


@lru_cache(maxsize=256)
def _identity_fields(model: type[ClaimBase]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The fields naming what a claim is about (its object; for an event type such
    as a meeting, its date, place and object), and the fields that must not disagree."""
    traits = claim_traits(model)
    names: tuple[str | None, ...] = (traits.object_field,)
    if traits.grouping == "event":
        names = ("date", traits.place_field, traits.object_field)
    return tuple(n for n in names if n), ("date", *traits.conflict_fields)


def same_statement(a: ClaimBase, b: ClaimBase) -> bool:
    """True when two claims state the same thing in different places: same type,
    same actors, the same object, named (for an event type such as a meeting:
    the same date, place and object, one of them named), and no date or conflict field (a pledge's
    quantity, say) on which they disagree. A claim that names no object (or
    a type without one) is never joined this way: six pledges of one actor
    with no object are six claims."""
    if a.type != b.type or type(a) is not type(b):
        return False
    about, must_agree = _identity_fields(type(a))
    thing = tuple(_key(getattr(a, name, None)) for name in about)
    if all(v is None for v in thing) or _key(a.actor) != _key(b.actor):
        return False
    if thing != tuple(_key(getattr(b, name, None)) for name in about):
        return False
    for name in must_agree:
        x, y = _key(getattr(a, name, None)), _key(getattr(b, name, None))
        if x is not None and y is not None and x != y:
            return False
    return True


def _joined(kept: ClaimBase, claim: ClaimBase) -> ClaimBase:
    """``kept`` with ``claim``'s evidence added (a span inside another is dropped),
    its empty fields filled from ``claim``, and the id recomputed."""
    spans: list[Span] = []
    for s in sorted({(s.start, s.end): s for s in [*kept.evidence, *claim.evidence]}.values(),
                    key=lambda s: (s.start, -s.end)):
        if spans and s.end <= spans[-1].end:
            continue  # inside the previous span: the same quote, cut differently
        spans.append(s)
    found = {s.text for s in spans}
    ungrounded = [q for q in dict.fromkeys([*kept.ungrounded, *claim.ungrounded]) if q not in found]
    data = kept.model_dump()
    for name, value in claim.model_dump().items():
        if data.get(name) in (None, [], "") and value not in (None, [], ""):
            data[name] = value
    data.update(id="", evidence=spans, ungrounded=ungrounded)
    return type(kept).model_validate(data)


def merge_claims(per_chunk: Sequence[Sequence[ClaimBase]]) -> list[ClaimBase]:
    """Merge claims found in two chunks: same type and overlapping evidence (a claim
    seen twice where chunks overlap), or the same statement (:func:`same_statement`)
    with its quotes in different chunks.

    Only claims of *different* chunks are merged (two claims of one chunk
    are two claims, even if they share a quote). The earlier claim's fields
    are kept and its empty ones filled from the later claim; evidence and
    ungrounded quotes are united (spans are the document's offsets, so they
    need no moving) and the id is recomputed.

    Args:
        per_chunk: the claims of each chunk, in chunk order.
    """
    merged: list[ClaimBase] = []
    origins: list[set[int]] = []
    for index, claims in enumerate(per_chunk):
        for claim in claims:
            for i, kept in enumerate(merged):
                if index in origins[i] or kept.type != claim.type:
                    continue
                shared = any(_overlap(a, b) for a in kept.evidence for b in claim.evidence)
                if shared or same_statement(kept, claim):
                    merged[i] = _joined(kept, claim)
                    origins[i].add(index)
                    break
            else:
                merged.append(claim)
                origins.append({index})
    return merged
