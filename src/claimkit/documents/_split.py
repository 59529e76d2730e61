"""Page cleaning and splitting: from decoded text to one or more articles.

Everything here works by choosing *slices* of the decoded text; no character
that is kept is ever changed, so a document's text is always
``decoded[offset:offset + len(text)]``.

Splitting rule (generic, not tuned to one site):

* a **header** is a short *title line* followed (after at most one blank line)
  by a *date line* (a byline may sit between the two when the title line is
  title-like and the byline is not): a short line holding a full date and little else, such as
  ``Sou Hu Cai Jing· 2026-02-25 23:08`` (see :mod:`._dates`);
* a header counts only if at least :data:`MIN_BODY` non-space characters of
  body follow it before the next header, so lists of related links with a date
  under each title do not become articles;
* two or more headers: one article per header, starting at its title line;
  one header: one article starting at its title line;
* what precedes the first header is cut when it is page chrome (at most
  :data:`MAX_CHROME` non-space characters in lines shorter than a title, e.g.
  a section name and "Search documents"), else kept in the first article;
* without a header, short label lines before the first title-like line are cut
  (e.g. "プレスリリース", a section name) and that line is the title;
* an article longer than :data:`MAX_CHARS` characters (a book, a data dump,
  a page of one endless line) is cut into parts of at most that many: at the
  last paragraph break of each window, else the last line break, sentence end
  or space, else mid-word. Each part is a document of its own (offsets stay
  exact, work per document stays bounded) and says so in its notes.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from claimkit.documents._dates import date_line, word_count
from claimkit.documents._front import FrontMatter, front_matter
from claimkit.documents._lang import detect_language
from claimkit.schemas import Document
from claimkit.text import reading_form

logger = logging.getLogger("claimkit.documents")

#: non-space characters of body a header needs to start an article
MIN_BODY = 120
#: longest title line, in characters
MAX_TITLE = 200
#: a title has at least this many words (two CJK characters count as one)
MIN_TITLE_WORDS = 5
#: chrome before the first header: at most this many non-space characters ...
MAX_CHROME = 200
#: ... in lines shorter than a title (fewer than MIN_TITLE_WORDS words)
#: the title of an article without a header is among its first lines
TITLE_SEARCH_LINES = 3
#: a publication date is looked for in the first lines of an article
DATE_SEARCH_LINES = 6
#: longest document, in characters: a longer article is cut into parts (about 60 pages of
#: text; work per document grows faster than its length, so parts keep a run linear)
MAX_CHARS = 200_000
#: where a part may end, best first: a paragraph break, a line break, a sentence end, a space
_BREAKS = ("\n\n", "\n", ". ", "。", "! ", "? ", " ")

_SENTENCE_END = (".", "。", "．", ";", "；", ":", "：", ",", "，")


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    text: str  # stripped content

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(frozen=True)
class _Header:
    title: int  # index of the title line
    date: int  # index of the date line
    published: dt.date | None


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        stripped = body.strip()
        lead = len(body) - len(body.lstrip())
        start = pos + lead
        out.append(_Line(start, start + len(stripped), stripped))
        pos += len(raw)
    return out


#: ``\s`` is ``str.isspace`` (tests/test_documents_lang.py checks every code point)
_SPACES = re.compile(r"\s+")


def _non_space(text: str) -> int:
    return len(text) - sum(map(len, _SPACES.findall(text)))


def _title_like(line: _Line) -> bool:
    return (
        0 < len(line.text) <= MAX_TITLE
        and word_count(line.text) >= MIN_TITLE_WORDS
        and not line.text.endswith(_SENTENCE_END)
    )


def _candidates(lines: list[_Line], language: str | None) -> list[_Header]:
    found: list[_Header] = []
    for i, line in enumerate(lines):
        if line.blank:
            continue
        parsed = date_line(line.text, language)
        if parsed is None:
            continue
        j = i - 1
        if j >= 0 and lines[j].blank:
            j -= 1  # one blank line between title and date line is fine
        if j < 0 or lines[j].blank or not (0 < len(lines[j].text) <= MAX_TITLE):
            continue
        if date_line(lines[j].text, language) is not None:
            continue
        if not _title_like(lines[j]):
            # "Headline / By A. Writer / date": the headline is one line further up
            k = j - 1
            if k >= 0 and lines[k].blank:
                k -= 1
            if k >= 0 and _title_like(lines[k]) and date_line(lines[k].text, language) is None:
                j = k
        if found and j <= found[-1].date:
            continue
        found.append(_Header(title=j, date=i, published=parsed.date))
    return found


def _headers(text: str, lines: list[_Line], language: str | None) -> list[_Header]:
    cands = _candidates(lines, language)
    kept: list[_Header] = []
    for k, head in enumerate(cands):
        body_start = lines[head.date].end
        body_end = lines[cands[k + 1].title].start if k + 1 < len(cands) else len(text)
        if _non_space(text[body_start:body_end]) >= MIN_BODY:
            kept.append(head)
    return kept


def _is_chrome(lines: list[_Line]) -> bool:
    content = [line for line in lines if not line.blank]
    return (
        sum(_non_space(line.text) for line in content) <= MAX_CHROME
        and all(word_count(line.text) < MIN_TITLE_WORDS for line in content)
        and all(not line.text.endswith(_SENTENCE_END[:2]) for line in content)
    )


def _published(lines: list[_Line], first: int, language: str | None) -> dt.date | None:
    seen = 0
    for line in lines[first:]:
        if line.blank:
            continue
        parsed = date_line(line.text, language)
        if parsed is not None:
            return parsed.date
        seen += 1
        if seen >= DATE_SEARCH_LINES:
            break
    return None


def _untitled_start(lines: list[_Line]) -> tuple[int, str | None]:
    """First content line index and title of a page without a header."""
    content = [i for i, line in enumerate(lines) if not line.blank]
    if not content:
        return 0, None
    for n, i in enumerate(content[:TITLE_SEARCH_LINES]):
        line = lines[i]
        if _title_like(line) and n + 1 < len(content):
            # lines before the title are labels ("Press release") only if all short
            if all(word_count(lines[p].text) < MIN_TITLE_WORDS for p in content[:n]):
                return i, line.text
            break
        if word_count(line.text) >= MIN_TITLE_WORDS:
            break  # a long first line: body text, no title
    return content[0], None


def _slice_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


_ArticleSpan = tuple[int, int, str | None, dt.date | None]


def _article_spans(
    text: str, lines: list[_Line], headers: list[_Header], page_language: str | None
) -> list[_ArticleSpan]:
    """(start, end, title, published) of each article on the page, in page order."""
    if not headers:
        first, title = _untitled_start(lines)
        return [(lines[first].start, len(text), title, _published(lines, first, page_language))]
    spans: list[_ArticleSpan] = []
    first = headers[0].title
    start = lines[first].start
    if not _is_chrome(lines[:first]):
        start = next(line.start for line in lines if not line.blank)
    bounds = [start] + [lines[h.title].start for h in headers[1:]] + [len(text)]
    for k, head in enumerate(headers):
        spans.append((bounds[k], bounds[k + 1], lines[head.title].text, head.published))
    return spans


def documents_from_text(
    text: str,
    source: str,
    *,
    stem: str | None = None,
    encoding: str | None = None,
    max_chars: int = MAX_CHARS,
) -> list[Document]:
    """Split decoded page text into articles and fill their metadata.

    Args:
        text: the decoded text of one file.
        source: where it came from (path as given, or ``-``); stored in
            ``Document.source``.
        stem: id prefix; defaults to the file name of ``source`` without its
            extension (``stdin`` for ``-``).
        encoding: encoding the text was decoded from, stored on each document.
        max_chars: longest document; a longer article is cut into parts of
            at most this many characters (at paragraph breaks where it can),
            one document each, noted on each part and in one warning.

    A header of ``key: value`` lines at the top (front matter: title, url,
    published, language; see :mod:`._front`) is read into the documents'
    fields and is not part of their text.

    Returns:
        One document per article, in page order. A single article gets the id
        ``stem``; several get ``stem#1``, ``stem#2``, ... (1-based). Each
        ``text`` is a contiguous slice of ``text`` starting at
        ``source_offset``. Empty if ``text`` holds no non-space character.
    """
    if stem is None:
        stem = default_stem(source)
    fm = front_matter(text)
    if fm.end:
        for note in fm.notes:
            logger.warning("%s: %s", source, note)
        docs = _split(text[fm.end :], source, stem, encoding, max_chars)
        return [_with_front_matter(d, fm, len(docs) == 1) for d in docs]
    return _split(text, source, stem, encoding, max_chars)


def _with_front_matter(doc: Document, fm: FrontMatter, single: bool) -> Document:
    """A document of a text with a header: its offset in the file, the header's values."""
    update: dict[str, object] = {
        k: v for k, v in fm.values.items() if single or k != "title"
    }
    update["source_offset"] = (doc.source_offset or 0) + fm.end
    if fm.notes:
        update["notes"] = [*doc.notes, *fm.notes]
    return doc.model_copy(update=update)


def _cut(text: str, start: int, limit: int) -> int:
    """Where a part starting at ``start`` ends: the best break in its second half, else ``limit``."""
    floor = start + (limit - start) // 2
    for mark in _BREAKS:
        at = text.rfind(mark, floor, limit)
        if at > floor:
            return at + len(mark)
    return limit


def _parts(text: str, span: _ArticleSpan, max_chars: int) -> list[_ArticleSpan]:
    """An article span, or the parts of at most ``max_chars`` characters it is cut into."""
    start, end, title, published = span
    end = _slice_end(text, start, end)
    if end - start <= max_chars:
        return [(start, end, title, published)]
    parts: list[_ArticleSpan] = []
    while start < end:
        stop = end if end - start <= max_chars else _cut(text, start, start + max_chars)
        parts.append((start, _slice_end(text, start, stop), title if not parts else None, published))
        start = stop
        while start < end and text[start].isspace():
            start += 1
    return parts


def _split(
    text: str, source: str, stem: str, encoding: str | None, max_chars: int = MAX_CHARS
) -> list[Document]:
    # Titles, date lines, breaks and languages are read in the text a reader sees (no
    # zero-width characters between letters, composed accents: claimkit.text.reading_form);
    # each document's text is then the slice of ``text`` the form's slice stands for.
    form = reading_form(text)
    seen = text if form is None else form.text
    lines = _lines(seen)
    if not any(not line.blank for line in lines):
        return []
    # A first guess of the language helps read dates like 03/04/2025.
    page_language = detect_language(seen)
    headers = _headers(seen, lines, page_language)

    articles = _article_spans(seen, lines, headers, page_language)
    spans: list[tuple[_ArticleSpan, bool]] = []  # (span, a part of a longer article)
    for article in articles:
        parts = _parts(seen, article, max_chars)
        spans.extend((part, len(parts) > 1) for part in parts)
    if len(spans) > len(articles):
        logger.warning(
            "%s: text longer than %d characters without article breaks: read in parts, "
            "%d documents in all", source, max_chars, len(spans),
        )
    docs: list[Document] = []
    many = len(spans) > 1
    for k, ((start, end, title, published), cut) in enumerate(spans, start=1):
        language = detect_language(seen[start:end]) if many else page_language
        if form is not None:
            start, end = form.span(start, end)
        docs.append(
            Document(
                id=f"{stem}#{k}" if many else stem,
                text=text[start:end],
                source=source,
                source_offset=start,
                title=title,
                published=published,
                language=language,
                encoding=encoding,
                notes=[_PART_NOTE.format(max_chars)] if cut else [],
            )
        )
    return docs


_PART_NOTE = "a part of an article longer than {} characters (read in parts)"


def default_stem(source: str) -> str:
    """Id prefix for a source: the file name without extension; ``stdin`` for ``-``."""
    if source == "-":
        return "stdin"
    name = source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    return stem or "document"
