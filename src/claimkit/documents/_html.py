"""HTML pages: main-text extraction with trafilatura (imported lazily).

trafilatura drops scripts, navigation, comment sections and related-article
boxes and returns the article's main text; its metadata extraction (with
htmldate) gives the title and publication date. The document text is the
extracted text, so ``source_offset`` is ``None`` for HTML documents.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from claimkit.documents._lang import detect_language
from claimkit.documents._split import documents_from_text
from claimkit.errors import InputError
from claimkit.schemas import Document

_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.IGNORECASE)
#: a numeric character reference, decimal or hexadecimal, its ``;`` optional as in HTML
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
#: characters XML 1.0 cannot hold (C0 controls but tab, LF, CR; U+FFFE, U+FFFF): a page
#: that names one by reference (``&#x1b;``, ``&#1;``) made lxml's tree, and so
#: trafilatura's extraction, fail whole ("no article text found" for a full article)
_XML_FORBIDDEN = frozenset([*range(1, 9), 0xB, 0xC, *range(0xE, 0x20), 0xFFFE, 0xFFFF])


def _forbidden_ref(match: re.Match[str]) -> str:
    digits = (match.group(1) or match.group(2)).lstrip("0") or "0"
    if len(digits) > 7:  # past U+10FFFF in either base (and no int() of a huge decimal)
        return match.group(0)
    code = int(digits, 16 if match.group(1) else 10)
    return "\ufffd" if code in _XML_FORBIDDEN else match.group(0)


def xml_safe_refs(html: str) -> str:
    """``html`` with each character reference to a character XML cannot hold replaced
    by U+FFFD (as a decoder shows a byte it cannot read); the rest unchanged."""
    return _CHAR_REF.sub(_forbidden_ref, html) if "&#" in html else html


def _extract(html: str) -> Any:
    import trafilatura  # ~0.3 s import: only when an HTML page is loaded

    return trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        # no guessing from page text: only dates the page states as its own
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _iso_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def documents_from_html(
    html: str, source: str, *, stem: str, encoding: str | None = None
) -> list[Document]:
    """Extract the article(s) of an HTML page.

    Raises:
        InputError: no article text could be found in the page.
    """
    result = _extract(xml_safe_refs(html))
    text = getattr(result, "text", None) if result is not None else None
    if not isinstance(text, str) or not text.strip():
        raise InputError(
            source, "no article text found in the HTML page; save the article as .txt instead"
        )
    docs = documents_from_text(text, source, stem=stem, encoding=encoding)
    match = _HTML_LANG.search(html[:4096])
    declared = match.group(1).lower() if match else None
    out: list[Document] = []
    for doc in docs:
        update: dict[str, object] = {"source_offset": None}
        if len(docs) == 1:
            title = getattr(result, "title", None)
            published = _iso_date(getattr(result, "date", None))
            if isinstance(title, str) and title.strip():
                update["title"] = title.strip()
            if published is not None:
                update["published"] = published
        if declared and len(docs) == 1:
            update["language"] = declared
        elif doc.language is None:
            update["language"] = detect_language(doc.text)
        out.append(doc.model_copy(update=update))
    return out
