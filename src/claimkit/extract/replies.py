"""Grounding of a validated reply: its quotes located in the text, and the re-ask message.

Pure functions, no openai or instructor import. Used by the grounding check
that :mod:`claimkit.extract.openai` runs inside the response model's
validator: :func:`locate_drafts` finds every quote in the chunk,
:func:`reask_message` is the error instructor sends back for the quotes it
could not find.
"""

from __future__ import annotations

from pydantic import BaseModel

from claimkit.extract.base import Draft
from claimkit.extract.chunking import Chunk
from claimkit.grounding import Aligner
from claimkit.schemas import Span

__all__ = ["locate_drafts", "reask_message"]


def reask_message(bad: list[tuple[int, str, str | None]]) -> str:
    """The error sent back for quotes not found: each named, and how to fix it."""
    lines = [
        (
            "These quotes are not in the article text. Every quote must be copied verbatim "
            "from the article: character for character, in the article's language, not "
            "translated, paraphrased, corrected or shortened. Replace each with the exact "
            "words of the article, or drop the claim if the article does not state it:"
        )
    ]
    for i, type_, quote in bad:
        lines.append(
            f"- claim {i} ({type_}): no quote given" if quote is None
            else f"- claim {i} ({type_}): {quote!r}"
        )
    return "\n".join(lines)


def locate_drafts(
    reply: BaseModel, aligner: Aligner, chunk: Chunk
) -> tuple[list[Draft], list[tuple[int, str, str | None]]]:
    """Drafts with their quotes located in the chunk (offsets moved to the document),
    and the quotes that could not be located: (claim number, type, quote or None
    for a claim without any quote)."""
    drafts: list[Draft] = []
    bad: list[tuple[int, str, str | None]] = []
    for i, claim in enumerate(getattr(reply, "claims", []), 1):
        data = claim.model_dump(exclude={"quotes", "type"}, exclude_none=True)
        spans: list[Span] = []
        rest: list[str] = []
        quotes = [q for q in claim.quotes if q and q.strip()]
        if not quotes:
            bad.append((i, claim.type, None))
        for quote in quotes:
            found = aligner.align(quote, near=spans)
            if found is None:
                rest.append(quote)
                bad.append((i, claim.type, quote))
            else:
                spans.append(found.model_copy(
                    update={"start": found.start + chunk.start, "end": found.end + chunk.start}
                ))
        drafts.append(Draft(type=claim.type, fields=data, quotes=tuple(rest), spans=tuple(spans)))
    return drafts, bad
