"""The rules backend reads a document as a reader sees it (:func:`claimkit.text.reading_form`).

Zero-width spaces between letters, soft hyphens, bidi controls, no-break
spaces, full-width letters and decomposed accents change no word a reader
sees, but every cue, name and date pattern would miss the words they touch
(a zero-width space in every word left no claim of an article; zero-width
spaces written instead of spaces left sentences unsplit, so each repeat of a
sentence became a claim of its own). So the backend runs on the reading form
and its evidence spans are mapped back: each is a slice of ``Document.text``
again, invisible characters inside it included, none at its ends.
"""

from __future__ import annotations

from collections.abc import Callable

from claimkit.extract.base import BackendResult, Draft
from claimkit.schemas import Document, Span
from claimkit.text import ReadingForm, reading_form

__all__ = ["as_read"]


def as_read(extract: Callable[[Document], BackendResult], document: Document) -> BackendResult:
    """``extract(document)``, run on the document's reading form when it has one,
    with the spans of its drafts put back on ``document.text``."""
    form = reading_form(document.text)
    if form is None:
        return extract(document)
    result = extract(document.model_copy(update={"text": form.text}))
    drafts = [_on_text(d, form, document.text) for d in result.drafts]
    return BackendResult(drafts=drafts, usage=result.usage, model=result.model, version=result.version,
                         claims=result.claims, warnings=result.warnings)


def _on_text(draft: Draft, form: ReadingForm, text: str) -> Draft:
    spans = []
    for span in draft.spans:
        start, end = form.span(span.start, span.end)
        spans.append(Span(start=start, end=end, text=text[start:end]))
    return Draft(type=draft.type, fields=draft.fields, quotes=draft.quotes, spans=tuple(spans))
