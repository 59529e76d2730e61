"""HTML pages: main-text extraction with trafilatura (imported lazily).

trafilatura drops scripts, navigation, comment sections and related-article
boxes and returns the article's main text; its metadata extraction (with
htmldate) gives the title and publication date. The document text is the
extracted text, so ``source_offset`` is ``None`` for HTML documents.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from claimkit.documents._lang import detect_language
from claimkit.documents._split import documents_from_text
from claimkit.errors import InputError
from claimkit.schemas import Document

logger = logging.getLogger("claimkit.documents")
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.IGNORECASE)
#: a numeric character reference, decimal or hexadecimal, its ``;`` optional as in HTML
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
#: characters XML 1.0 cannot hold (C0 controls but tab, LF, CR; U+FFFE, U+FFFF): a page
#: that names one by reference (``&#x1b;``, ``&#1;``) made lxml's tree, and so
#: trafilatura's extraction, fail whole ("no article text found" for a full article)
_XML_FORBIDDEN = frozenset([*range(1, 9), 0xB, 0xC, *range(0xE, 0x20), 0xFFFE, 0xFFFF])


#: a document type declaration's internal subset (``<!DOCTYPE html [<!ENTITY a "...">]>``):
#: HTML has none; its entity declarations are never expanded, but the parser closed the
#: declaration at the first ``>`` inside it, and the page's head (title, date) was lost
_INTERNAL_SUBSET = re.compile(r"<!DOCTYPE([^\[>]*)\[[^\]]*\]\s*>", re.IGNORECASE)


def without_internal_subset(html: str) -> str:
    """``html`` with the internal subset of its document type declaration left out
    (``<!DOCTYPE html [...]>`` -> ``<!DOCTYPE html>``); the rest unchanged."""
    return _INTERNAL_SUBSET.sub(r"<!DOCTYPE\1>", html, count=1) if "[" in html[:65536] else html


#: attributes one element keeps: libxml2 checks each attribute of an element against all
#: those before it, so one element of n attributes costs time growing with n squared
#: (10,000: ~0.12 s of CPU, 40,000: ~2.9 s, 100,000: ~18 s); a real element has a few dozen
MAX_ATTRIBUTES = 1_000
#: one attribute (``name``, ``name=value``, ``name="value"``), or one character no attribute
#: starts with (a stray quote, ``=``, ``/``): libxml2 skips those and reads on, so they count
_ATTRIBUTE = r"""(?:[^\s"'>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?+|[^\s>])"""
#: a start tag: its name, its first MAX_ATTRIBUTES attributes (``kept``), then the rest
#: (``rest``); every quantifier possessive, so a tag is read once, whole, from its ``<`` (no
#: ``<`` inside a quoted value starts a second reading): linear in the page
_START_TAG = re.compile(
    rf"<(?P<name>[A-Za-z][^\s/>]*+)(?P<kept>(?:\s*+{_ATTRIBUTE}){{0,{MAX_ATTRIBUTES}}}+)"
    rf"(?P<rest>(?:\s*+{_ATTRIBUTE})*+)"
)
#: elements whose content is text, not tags (a ``<`` in a script is no tag): their end tags
_RAW_TEXT = {name: re.compile(f"</{name}", re.IGNORECASE)
             for name in ("script", "style", "textarea", "title", "xmp", "noscript")}


_ATTRIBUTES_NOTE = ("{} element(s) with more than {} attributes: the attributes past those "
                    "left out (an element has a few dozen; their parsing costs time growing with "
                    "the square of their number)")


def bounded_attributes(html: str) -> tuple[str, int]:
    """``html`` with each element's attributes past the first :data:`MAX_ATTRIBUTES` left
    out, and how many elements lost some; the rest unchanged (a script's or style's content
    is not read as tags). Linear in the page: libxml2's parsing is quadratic in one
    element's attributes (:data:`MAX_ATTRIBUTES`)."""
    parts: list[str] = []
    done = cut = 0
    match = _START_TAG.search(html)
    while match is not None:
        if match.end("rest") > match.start("rest"):
            parts += (html[done:match.start("rest")],)
            done = match.end("rest")
            cut += 1
        resume = match.end()
        end_tag = _RAW_TEXT.get(match.group("name").lower())
        if end_tag is not None:  # on after its end tag (or nowhere, as a browser reads it)
            end = end_tag.search(html, resume)
            resume = len(html) if end is None else end.start()
        match = _START_TAG.search(html, resume)
    return ("".join(parts) + html[done:], cut) if cut else (html, 0)


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


#: dates the page states as its own, no guessing from its text
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
#: ``<p>`` elements past which a page is read by :func:`_linear_reading`, not trafilatura:
#: trafilatura's main extraction evaluates the XPath ``//p//text()``, and libxml2 merges its
#: node sets with a duplicate check that is quadratic in the paragraphs (10,000 ``<p>``:
#: ~1 s of CPU, 80,000: ~19 s); an article has a few hundred at most
MANY_PARAGRAPHS = 5_000
_P_OPEN = re.compile(r"<p[\s>/]", re.IGNORECASE)
#: elements of any kind past which a page is read by :func:`_linear_reading` too:
#: trafilatura cleans and copies the whole tree several times over, in memory some 160
#: times the page's size (a 9.5 MB page of 500,000 one-cell table rows: 70 s and 1.6 GB;
#: read linearly, 4 s and 0.5 GB); a news page has a few thousand elements
MANY_ELEMENTS = 50_000
_TAG_OPEN = re.compile(r"<[A-Za-z]")
#: elements whose text is one line of the linear reading (the outermost of them)
_BLOCKS = frozenset(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th",
                     "dd", "dt", "figcaption"])
#: elements the linear reading leaves out, with all they hold
_DROPPED = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
            "form", "button", "select")


def _over(pattern: re.Pattern[str], text: str, limit: int) -> bool:
    """Whether ``pattern`` occurs more than ``limit`` times in ``text`` (stops counting there)."""
    return any(n > limit for n, _ in enumerate(pattern.finditer(text), 1))


def _parse(html: str) -> Any:
    """The page's tree as trafilatura's ``load_html`` makes it (its repairs, its parser's
    options), but with libxml2's ``huge_tree``: elements nested up to 2,048 deep, not 255.
    Past 255 levels (300 unclosed ``<font>`` tags in an old page) libxml2 stopped reading
    the page, and its article was lost: 'no article text found'. None: no tree to read
    (trafilatura's own reading of the string then decides)."""
    from lxml.etree import ParserError
    from lxml.html import HTMLParser, fromstring
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                        remove_pis=True, huge_tree=True)
    beginning = html[:50].lower()
    text = repair_faulty_html(html, beginning)
    try:
        try:
            tree = fromstring(text, parser=parser)
        except ValueError:  # an XML declaration naming an encoding: lxml takes bytes only
            tree = fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (ParserError, ValueError):
        return None
    if len(tree) < 1 or (is_dubious_html(beginning) and len(tree) < 2):
        return None
    return tree


def _tree(html: str) -> Any:
    """The page's tree (:func:`_parse`), else trafilatura's own reading of the string;
    None: no page to read."""
    from trafilatura.utils import load_html

    tree = _parse(html)
    return load_html(html) if tree is None else tree


def _extract(html: str) -> Any:
    if _over(_P_OPEN, html, MANY_PARAGRAPHS) or _over(_TAG_OPEN, html, MANY_ELEMENTS):
        return _linear_reading(html)
    import trafilatura  # ~0.3 s import: only when an HTML page is loaded

    tree = _tree(html)
    if tree is None:
        return None
    # the date is trafilatura's metadata reading: htmldate over the whole tree before any
    # cleaning, with _DATE_PARAMS and the page's address, which is :func:`page_date`
    return trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        date_extraction_params=_DATE_PARAMS,
    )


def page_date(tree: Any, url: str | None) -> str | None:
    """The publication date a page states as its own (``YYYY-MM-DD``), for the linear
    reader: htmldate over the whole page as trafilatura's metadata reads it for the other
    reader (the same call: one reading for both), with no guessing from the text (:data:`_DATE_PARAMS`):
    the head's meta (``article:published_time``, ``date``), JSON-LD ``datePublished``
    wherever it stands, ``<time datetime>`` and date elements of the body, the page's
    address. Linear in the page (one pass per expression; 100,000 ``<p>``: ~0.2 s)."""
    from htmldate import find_date

    found = find_date(tree, url=url, extensive_search=False, original_date=True)  # _DATE_PARAMS
    return found if isinstance(found, str) else None


def _linear_reading(html: str) -> Any:
    """The text of a page of many paragraphs in time linear in its size: the outermost
    block elements' text (:data:`_BLOCKS`), one line each, in page order, without scripts,
    styles, navigation, headers, footers, asides and forms; the title from the page's head
    (trafilatura's metadata reading, which is linear, on the head alone), the date from the
    whole page as the other reader reads it (:func:`page_date`). None: no page to read."""
    from types import SimpleNamespace

    from lxml import etree
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    tree = _tree(html)
    if tree is None:
        return None
    body = re.search(r"<body[\s>]", html, re.IGNORECASE)
    head = load_html(html[:body.start()] + "</html>") if body else None
    meta = extract_metadata(head, date_config=_DATE_PARAMS, extensive=False) if head is not None else None
    date = page_date(tree, getattr(meta, "url", None))  # before the scripts (JSON-LD) and headers go
    etree.strip_elements(tree, *_DROPPED, with_tail=False)
    lines, open_blocks = [], 0
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        if element.tag not in _BLOCKS:
            continue
        if event == "start":
            if open_blocks == 0:
                lines.append(" ".join(element.text_content().split()))
            open_blocks += 1
        else:
            open_blocks -= 1
    return SimpleNamespace(text="\n".join(ln for ln in lines if ln), title=getattr(meta, "title", None), date=date)


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
    page, cut = bounded_attributes(html)
    result = _extract(xml_safe_refs(without_internal_subset(page)))
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
        if cut:
            update["notes"] = [*doc.notes, _ATTRIBUTES_NOTE.format(cut, MAX_ATTRIBUTES)]
        out.append(doc.model_copy(update=update))
    if cut:
        logger.warning("%s: %s", source, _ATTRIBUTES_NOTE.format(cut, MAX_ATTRIBUTES))
    return out
