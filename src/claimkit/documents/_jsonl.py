"""JSON Lines input: one document per line.

Each line is an object with ``text`` (required) and optional ``id``,
``title``, ``url``, ``published`` (ISO date or date-time) and ``language``.
A bad line is reported with its line number and skipped; the others load.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator
from typing import BinaryIO

from claimkit.documents._dates import date_line
from claimkit.documents._lang import detect_language
from claimkit.errors import InputError
from claimkit.io import LineErrors, json_lines
from claimkit.schemas import Document

logger = logging.getLogger(__name__)

_FIELDS = ("id", "text", "title", "url", "published", "language")


def _published(value: object) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("'published' must be an ISO date string like '2025-03-28'")
    try:
        return dt.datetime.fromisoformat(value.strip()).date()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise ValueError(f"'published' is not an ISO date: {value!r}") from None


def _optional_str(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{key!r} must be a string, not {type(value).__name__}")
    return value.strip() or None


def _record(record: object, lineno: int, source: str, stem: str, encoding: str) -> Document:
    if not isinstance(record, dict):
        raise TypeError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("missing or empty 'text' field")
    raw_id = record.get("id")
    if raw_id is not None and not isinstance(raw_id, (str, int)):
        raise TypeError("'id' must be a string or an integer")
    doc_id = str(raw_id) if raw_id not in (None, "") else f"{stem}#{lineno}"
    language = _optional_str(record, "language")
    if language is not None:
        language = language.replace("_", "-").split("-")[0].lower()
    else:
        language = detect_language(text)
    published = _published(record.get("published"))
    if published is None:
        # a date line among the first lines, as for text files
        for line in text.strip().splitlines()[:6]:
            parsed = date_line(line, language)
            if parsed is not None:
                published = parsed.date
                break
    return Document(
        id=doc_id,
        text=text,
        source=source,
        source_offset=None,
        title=_optional_str(record, "title"),
        url=_optional_str(record, "url"),
        published=published,
        language=language,
        encoding=encoding,
    )


def documents_from_jsonl(
    fh: BinaryIO,
    source: str,
    *,
    stem: str,
    on_error: Callable[[InputError], None],
    max_bytes: int,
) -> Iterator[Document]:
    """Stream JSON Lines from a binary file; bad lines go to ``on_error`` with their number.

    Read with the shared reader (:func:`claimkit.io.json_lines`): UTF-8, one
    line at a time, a line over ``max_bytes`` skipped without being held in
    memory. Documents without an ``id`` get ``stem#<line number>`` (1-based).

    Raises:
        InputError: the file is binary or not UTF-8, or has no line with
            text (a file whose lines are all bad raises nothing more: each
            bad line went to ``on_error``).
    """
    seen: set[str] = set()
    bad = [0]

    def report(err: InputError) -> None:
        bad[0] += 1
        on_error(err)

    errors = LineErrors(source, report, strict=False)
    good = 0
    for line in json_lines(fh, source, max_line_bytes=max_bytes, on_error=report):
        try:
            doc = _record(line.value, line.lineno, source, stem, "utf-8")
            if doc.id in seen:
                raise ValueError(f"duplicate id {doc.id!r}; ids must be unique in a file")
        except (ValueError, TypeError) as exc:
            errors(line.lineno, str(exc))
            continue
        seen.add(doc.id)
        good += 1
        if line.replaced:
            note = f"line {line.lineno}: {line.replaced} lone surrogate(s) replaced by U+FFFD"
            logger.warning("%s: %s", source, note)
            doc = doc.model_copy(update={"notes": [note]})
        yield doc
    errors.finish()
    if not good and not bad[0]:  # bad lines were each reported already: no second line
        raise InputError(
            source,
            "no documents in JSONL file (no lines with text); each line needs an object "
            "with a 'text' field",
        )
