"""Split long documents into overlapping chunks; merge claims found twice.

Chunks end on a paragraph break when one is near, else on a sentence end
(Latin, CJK and other full stops), else on whitespace, and only as a last
resort in the middle of a run of characters (text without any break). Each
chunk after the first starts ``overlap`` characters before the previous one
ended (moved forward to a sentence start when there is one), so that a claim
stated across the cut is seen whole by at least one chunk. Chunks are slices
of the text: ``text[chunk.start:chunk.end] == chunk.text``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimkit.schemas import ClaimBase, Span

__all__ = ["Chunk", "chunk_text", "merge_claims", "split_chunk"]

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


def merge_claims(per_chunk: Sequence[Sequence[ClaimBase]]) -> list[ClaimBase]:
    """Merge claims found in two chunks: same type, overlapping evidence.

    Only claims of *different* chunks are merged (two claims of one chunk
    that share a quote are two claims). The earlier claim's fields are kept;
    evidence and ungrounded quotes are united and the id is recomputed.

    Args:
        per_chunk: the claims of each chunk, in chunk order.
    """
    merged: list[ClaimBase] = []
    origin: list[int] = []
    for index, claims in enumerate(per_chunk):
        for claim in claims:
            for i, kept in enumerate(merged):
                if origin[i] == index or kept.type != claim.type:
                    continue
                if not any(_overlap(a, b) for a in kept.evidence for b in claim.evidence):
                    continue
                spans = sorted(
                    {(s.start, s.end): s for s in [*kept.evidence, *claim.evidence]}.values(),
                    key=lambda s: (s.start, s.end),
                )
                ungrounded = list(dict.fromkeys([*kept.ungrounded, *claim.ungrounded]))
                data = kept.model_dump()
                data.update(id="", evidence=spans, ungrounded=ungrounded)
                merged[i] = type(kept).model_validate(data)
                break
            else:
                merged.append(claim)
                origin.append(index)
    return merged
