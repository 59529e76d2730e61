"""Dates written with another script's digits: Arabic-Indic ("٣ مارس ٢٠٢٦"), Persian
("۳ مارس ۲۰۲۶"), full-width ("２０２６年３月５日"). The date finder reads them as ASCII
digits; spans and raw words stay those of the text as written."""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.normalize import find_dates, resolve_date
from claimkit.schemas import Document

PUB = dt.date(2025, 6, 2)


@pytest.mark.parametrize(("text", "language", "written", "value"), [
    ("وقالت الوزارة في ١٢ أبريل ٢٠٢٦ إنها سترد.", "ar", "١٢ أبريل ٢٠٢٦", "2026-04-12"),
    ("وأعلن الجيش في ۱۲ أبريل ۲۰۲۶ انسحابه.", "ar", "۱۲ أبريل ۲۰۲۶", "2026-04-12"),
    ("閣議は２０２６年４月１２日に開かれた。", "ja", "２０２６年４月１２日", "2026-04-12"),
    ("会议于２０２６年４月１２日举行。", "zh", "２０２６年４月１２日", "2026-04-12"),
])
def test_other_digits_are_read_with_spans_as_written(text: str, language: str, written: str,
                                                     value: str) -> None:
    found = [m for m in find_dates(text, published=PUB, language=language) if m.date.value == value]
    assert len(found) == 1, find_dates(text, published=PUB, language=language)
    m = found[0]
    assert text[m.start:m.end] == m.text == written
    assert m.date.raw == written
    assert m.date.resolution.value == "explicit"


def test_resolve_date_reads_other_digits_and_keeps_raw() -> None:
    ref = resolve_date("٣ مارس ٢٠٢٦", published=PUB, language="ar")
    assert (ref.value, ref.raw) == ("2026-03-03", "٣ مارس ٢٠٢٦")


def test_a_claim_is_dated_by_a_date_in_arabic_indic_digits() -> None:
    text = "وتعهدت الحكومة المصرية في ٣ مارس ٢٠٢٦ بتقديم مساعدات بقيمة ٥٠٠ مليون دولار للسودان."
    doc = Document(id="d", text=text, language="ar", published=PUB)
    pledges = [d for d in RulesBackend().extract(doc).drafts if d.type == "pledge"]
    assert pledges, "no pledge read"
    date = pledges[0].fields["date"]
    assert (date.value, date.raw) == ("2026-03-03", "٣ مارس ٢٠٢٦")
