"""JSON Lines input: one document per line.

Each line is an object with ``text`` (required) and optional ``id``,
``title``, ``url``, ``published`` (ISO date or date-time) and ``language``.
A bad line is reported with its line number and skipped; the others load.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from claimkit.documents._dates import date_line
from claimkit.documents._lang import detect_language
from claimkit.errors import InputError
from claimkit.schemas import Document

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
    text: str,
    source: str,
    *,
    stem: str,
    encoding: str,
    on_error: Callable[[InputError], None],
) -> list[Document]:
    """Parse JSON Lines; bad lines go to ``on_error`` with their line number.

    Documents without an ``id`` get ``stem#<line number>`` (1-based).

    Raises:
        InputError: not a single line held a usable document.
    """
    docs: list[Document] = []
    seen: set[str] = set()
    failures = 0
    # split on "\n" only: JSON strings may hold U+2028 and friends unescaped
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
            doc = _record(record, lineno, source, stem, encoding)
            if doc.id in seen:
                raise ValueError(f"duplicate id {doc.id!r}; ids must be unique in a file")
        except (ValueError, TypeError) as exc:
            failures += 1
            on_error(InputError(source, f"line {lineno}: {exc}; line skipped"))
            continue
        seen.add(doc.id)
        docs.append(doc)
    if not docs:
        what = f"all {failures} lines are bad" if failures else "no lines with text"
        raise InputError(
            source,
            f"no documents in JSONL file ({what}); each line needs an object with a 'text' field",
        )
    return docs
