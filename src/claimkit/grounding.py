"""Quote -> Span alignment. PLACEHOLDER: exact match only; replaced by the grounding engine."""

from __future__ import annotations

from collections.abc import Sequence

from claimkit.schemas import Alignment, Span

__all__ = ["align_quote", "align_quotes"]


def align_quote(text: str, quote: str) -> Span | None:
    """Return the span of ``quote`` in ``text``, or None when it is not there."""
    if not quote or not quote.strip():
        return None
    i = text.find(quote)
    if i < 0:
        return None
    return Span(start=i, end=i + len(quote), text=quote, alignment=Alignment.exact)


def align_quotes(text: str, quotes: Sequence[str], *, near: Sequence[Span] = ()) -> list[Span | None]:
    """Align many quotes of one document; see :func:`align_quote`."""
    return [align_quote(text, q) for q in quotes]
