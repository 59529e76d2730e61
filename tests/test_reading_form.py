"""Text a reader sees as the same gives the same claims (claimkit.text.reading_form).

Zero-width characters between letters or instead of spaces, soft hyphens,
byte order marks and bidi controls inside the text, no-break and narrow
spaces, tabs and runs of spaces, decomposed accents, full-width Latin,
Arabic tatweel, Cyrillic look-alike letters inside Latin words and lone CR
line breaks change nothing a reader sees; before the reading form each of
them lost claims (a zero-width character between letters lost every claim of
an article) or multiplied them (zero-width spaces written as spaces left
sentences unsplit: one sentence written 500 times gave 501 claims where plain
spaces give 2). Each variant here is compared with the clean text: same
claims (type, actors, evidence as read), and every evidence span a slice of
the document's own text with nothing invisible at its ends.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimkit
from claimkit.documents import documents_from_text
from claimkit.text import INVISIBLE_RANGES, reading_form

from .test_hostile import A_TEXT

ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
INVISIBLE = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in INVISIBLE_RANGES) + "]")
_HOMOGLYPHS = str.maketrans({"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х"})
#: quotes are compared as read: a one-letter word such as "а" has no script of its own to follow
_AS_LATIN = str.maketrans({"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x"})


def _every_space(sep: str) -> Callable[[str], str]:
    return lambda t: re.sub(r"(?<=\S) (?=\S)", sep, t)


def _between_letters(ch: str) -> Callable[[str], str]:
    return lambda t: re.sub(r"(?<=\w)(?=\w)", ch, t)


def _wide(t: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in t)


VARIANTS: dict[str, Callable[[str], str]] = {
    "no-break spaces": _every_space("\u00a0"),
    "narrow no-break spaces": _every_space("\u202f"),
    "zero-width spaces as spaces": _every_space("\u200b"),
    "zero-width space after each space": lambda t: t.replace(" ", " \u200b"),
    "twenty zero-width spaces after each space": _every_space(" " + "\u200b" * 20),
    "zero-width space between letters": _between_letters("\u200b"),
    "zero-width joiner between letters": _between_letters("\u200d"),
    "zero-width non-joiner between letters": _between_letters("\u200c"),
    "soft hyphen between letters": _between_letters("\u00ad"),
    "word joiner between letters": _between_letters("\u2060"),
    "tatweel between letters": _between_letters("\u0640"),
    "byte order marks after spaces": lambda t: t.replace(" ", " \ufeff"),
    "bidi overrides and isolates": lambda t: t.replace(" ", " \u202e", 40).replace(" ", " \u2066", 40),
    "decomposed accents (NFD)": lambda t: unicodedata.normalize("NFD", t),
    "full-width Latin": _wide,
    "Cyrillic look-alikes in Latin words": lambda t: t.translate(_HOMOGLYPHS),
    "lone CR line breaks": lambda t: t.replace("\n", "\r"),
    "line and paragraph separators": lambda t: t.replace("\n\n", "\u2029").replace("\n", "\u2028"),
    "tabs as spaces": _every_space("\t"),
    "five no-break spaces as one": _every_space("\u00a0" * 5),
}


def _claims(text: str, source: str) -> Counter[tuple[object, ...]]:
    """The claims of ``text`` as a reader would compare them, after checking their spans."""
    docs = documents_from_text(text, source=source)
    out: Counter[tuple[object, ...]] = Counter()
    for record in claimkit.extract(docs, backend="rules"):
        doc_text = record.document.text
        for claim in record.claims:
            for span in claim.evidence:
                assert doc_text[span.start:span.end] == span.text
                assert span.text and not INVISIBLE.match(span.text[0]) and not INVISIBLE.match(span.text[-1])
            read = reading_form(claim.evidence[0].text)
            quote = " ".join((read.text if read else claim.evidence[0].text).split()).translate(_AS_LATIN)
            out[(record.document.language, claim.type, tuple(sorted(a.label for a in claim.actor)), quote)] += 1
    return out


@pytest.fixture(scope="module")
def clean() -> dict[str, Counter[tuple[object, ...]]]:
    return {name: _claims((ARTICLES / name).read_text(encoding="utf-8"), name) for name in _ARTICLES}


# a Latin article with many claims (English) and one with accents (Vietnamese)
_ARTICLES = ("001_5789c96dbd9fd13a.txt", "003_186aaba948d91f0e.txt")


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("article", _ARTICLES)
def test_what_reads_the_same_gives_the_same_claims(
        clean: dict[str, Counter[tuple[object, ...]]], article: str, variant: str) -> None:
    text = VARIANTS[variant]((ARTICLES / article).read_text(encoding="utf-8"))
    assert clean[article], "the clean article has claims"
    assert _claims(text, article) == clean[article]


@pytest.mark.parametrize("sep", ["\u200b", " \u200b", "\u00a0", "\u202f"])
def test_a_sentence_repeated_with_odd_spaces_is_one_claim_as_with_spaces(sep: str) -> None:
    # the anomaly: 500 repeats with zero-width spaces gave 501 claims, plain spaces 2
    unit = A_TEXT.split("\n\n")[1]
    plain = _claims(unit * 30, "rep.txt")
    assert sum(plain.values()) == 2
    assert _claims((unit * 30).replace(" ", sep), "rep.txt") == plain


def test_the_loader_reads_titles_dates_and_languages_through_invisible_characters() -> None:
    text = (ARTICLES / "000_ae7343512998c616.txt").read_text(encoding="utf-8")
    clean = documents_from_text(text, source="p.txt")
    odd = documents_from_text(_between_letters("\u200b")(text), source="p.txt")
    assert len(clean) == 3
    assert [(d.id, d.language, d.published) for d in odd] == [(d.id, d.language, d.published) for d in clean]
    assert [d.title for d in odd] == [d.title for d in clean]  # the title as read
    whole = _between_letters("\u200b")(text)
    for d in odd:  # each text a slice of the file, as always
        assert whole[d.source_offset:d.source_offset + len(d.text)] == d.text


@pytest.mark.parametrize(("text", "read"), [
    ("Mac\u200bron", "Macron"),
    ("French\u200bPresident\u200bEmmanuel\u200bMacron\u200bpledged\u200bto\u200bsend", "French President Emmanuel Macron pledged to send"),
    ("a \u200b\u200bb", "a b"),
    ("Mаcron рledged", "Macron pledged"),  # Cyrillic а and р in Latin words
    ("Пyтин", "Путин"),  # a Latin y in a Cyrillic word
    ("НАТО and NATO", None),  # each word in one script: as written
    ("ＰＡＲＩＳ，\u3000２７．", "PARIS, 27."),
    ("北约，周三　会议", None),  # Chinese full-width punctuation and spaces are Chinese
    ("one\rtwo\r\nthree\u2028four", "one\ntwo\r\nthree\nfour"),
    ("a\t b  c", "a b c"),
    (unicodedata.normalize("NFD", "Élysée"), "Élysée"),
    (unicodedata.normalize("NFD", "대통령"), "대통령"),
    ("plain text.", None),
])
def test_reading_form(text: str, read: str | None) -> None:
    form = reading_form(text)
    assert (form.text if form else None) == read


_ODD = st.sampled_from(["\u200b", "\u200d", "\u00ad", "\ufeff", "\u202e", "\u00a0", "\t", "  ", "\r",
                        "\u0301", "\u0640", "ａ", "а", "。", "，"])
_PLAIN = st.sampled_from(list("abcé Жж\n.1"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_ODD, _PLAIN), max_size=40).map("".join))
def test_every_span_of_the_form_maps_to_a_slice_in_order(text: str) -> None:
    form = reading_form(text)
    if form is None:
        return
    n = len(form.text)
    prev = (0, 0)
    for i in range(n):
        a, b = form.span(i, i + 1)
        assert 0 <= a < b <= len(text)
        # characters of the form stand for slices in order, apart (or the same slice: the
        # characters of one rewritten piece, "á" and a second accent composed from three)
        assert a >= prev[1] or (a, b) == prev
        written_as_zwsp = "\u200b" in text[a:b] and all(INVISIBLE.match(c) for c in text[a:b])
        if written_as_zwsp:
            # a space the text wrote as a zero-width space (claimkit.text._CHARS_PER_SPACE)
            # stands for the run of invisible characters holding it
            assert form.text[i] == " "
        else:
            assert not INVISIBLE.match(text[a]) and not INVISIBLE.match(text[b - 1])
        prev = (a, b)
    for s in range(n + 1):
        for e in range(s, n + 1):
            a, b = form.span(s, e)
            assert 0 <= a <= b <= len(text)
            if e > s:
                assert (a, b) == (form.span(s, s + 1)[0], form.span(e - 1, e)[1])
