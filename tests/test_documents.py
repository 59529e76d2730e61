"""Tests of claimkit.documents: formats, decoding, bad input, splitting, metadata."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import logging
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimkit.documents import (
    decode_bytes,
    detect_language,
    documents_from_text,
    load_bytes,
    load_documents,
    load_path,
)
from claimkit.documents._dates import date_line
from claimkit.errors import DecodeError, InputError
from claimkit.schemas import Document

DATA = Path(__file__).parent / "data" / "documents"
ARTICLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
SAMPLES = sorted(ARTICLES.glob("*.txt"))


def _gold_file(stem: str) -> Path | None:
    """Gold claims of a sample: examples/gold, else ../shared/gold/dev beside the repo."""
    root = Path(__file__).resolve().parent.parent
    for folder in (root / "examples" / "gold", root.parent / "shared" / "gold" / "dev"):
        if (folder / f"{stem}.jsonl").exists():
            return folder / f"{stem}.jsonl"
    return None


def _assert_slices(docs: list[Document], decoded: str) -> None:
    for doc in docs:
        assert doc.source_offset is not None
        off = doc.source_offset
        assert decoded[off : off + len(doc.text)] == doc.text


# ------------------------------------------------------------------ sample articles


def test_samples_are_there() -> None:
    assert len(SAMPLES) == 5


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_documents_are_slices_of_the_source(path: Path) -> None:
    decoded = path.read_text(encoding="utf-8")
    docs = load_path(path)
    assert docs
    _assert_slices(docs, decoded)
    for doc in docs:
        assert doc.source == str(path)
        assert doc.encoding == "utf-8"
        assert doc.id.split("#")[0] == path.stem


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_gold_quote_is_in_a_document(path: Path) -> None:
    gold = _gold_file(path.stem)
    if gold is None:
        pytest.skip(f"no gold file for {path.stem}")
    texts = [doc.text for doc in load_path(path)]
    quotes = [
        quote
        for line in gold.read_text(encoding="utf-8").splitlines()
        if line.strip()
        for quote in json.loads(line)["evidence"]
    ]
    assert quotes
    missing = [q for q in quotes if not any(q in text for text in texts)]
    assert missing == []


def test_multi_article_page_is_split_with_own_dates() -> None:
    path = ARTICLES / "000_ae7343512998c616.txt"
    decoded = path.read_text(encoding="utf-8")
    docs = load_path(path)
    assert [d.id for d in docs] == [f"{path.stem}#{k}" for k in range(1, len(docs) + 1)]
    assert len(docs) == 3
    # each article starts at its headline and carries the date of its own date line
    lines = decoded.splitlines()
    for doc in docs:
        assert doc.title is not None and doc.text.startswith(doc.title)
        date_text = lines[lines.index(doc.title) + 1]
        assert doc.published is not None
        assert doc.published.isoformat() in date_text
    assert len({d.published for d in docs}) == 3
    # page chrome before the first headline is cut
    assert "Search documents" not in docs[0].text
    assert docs[0].language == "zh"


def test_single_article_with_date_line() -> None:
    path = ARTICLES / "001_5789c96dbd9fd13a.txt"
    (doc,) = load_path(path)
    assert doc.published == dt.date(2025, 3, 28)
    assert doc.title is not None and doc.title.startswith("The Paris Summit")
    assert doc.language == "en"
    # the related-articles list (titles with a date under each) is not split off
    assert "2025-03-12 17:17" in doc.text
    assert "\ufffd" in doc.text  # broken characters of the source are kept


@pytest.mark.parametrize(
    ("stem", "language"),
    [
        ("002_3674af07f950556f", "ja"),
        ("003_186aaba948d91f0e", "vi"),
        ("004_029c872e45ff0bb8", "id"),
    ],
)
def test_samples_without_date_line(stem: str, language: str) -> None:
    (doc,) = load_path(ARTICLES / f"{stem}.txt")
    assert doc.published is None  # "Ngày 10/4" and the like are not publication dates
    assert doc.language == language
    assert doc.title is not None and doc.text.startswith(doc.title)


def test_label_line_before_title_is_cut() -> None:
    path = ARTICLES / "002_3674af07f950556f.txt"
    decoded = path.read_text(encoding="utf-8")
    (doc,) = load_path(path)
    first_line = decoded.splitlines()[0]
    assert doc.source_offset is not None and doc.source_offset > 0
    assert first_line not in doc.text[: len(first_line) + 1]


# --------------------------------------------------------------------- splitting

_PAGE = """World news
Search
Leaders agree to send monitors to the border region
Example Wire · 12.03.2025 09:15
The leaders of eleven countries agreed on Tuesday to send civilian monitors to the border region, \
officials said after a meeting that lasted late into the night in the capital.
The monitors would report to a joint commission and start work within a month.

Parliament rejects the budget for a second time

Published March 3, 2025
Lawmakers voted down the government's spending plan again on Monday, deepening a crisis that has \
left ministries without new money since January and forced cuts to several programmes.
The finance minister said she would present a revised plan next week.
Related
  Storm closes ports along the coast
  2025-03-01 10:00
  Central bank holds rates
  2025-02-27 16:45
"""


def test_generic_page_split() -> None:
    docs = documents_from_text(_PAGE, "page.txt")
    _assert_slices(docs, _PAGE)
    assert [d.id for d in docs] == ["page#1", "page#2"]
    assert [d.title for d in docs] == [
        "Leaders agree to send monitors to the border region",
        "Parliament rejects the budget for a second time",
    ]
    assert [d.published for d in docs] == [dt.date(2025, 3, 12), dt.date(2025, 3, 3)]
    assert "Search" not in docs[0].text  # chrome before the first headline is cut
    assert docs[1].text.endswith("2025-02-27 16:45")  # link list stays with its article
    assert all(d.language == "en" for d in docs)


def test_no_split_on_dates_inside_sentences() -> None:
    text = (
        "Ministers meet again in Brussels next week\n"
        "On 10.04.2025 the ministers met in Brussels and agreed to meet again next week.\n"
        "The next meeting will discuss the size of the force and its mandate, "
        "diplomats said, adding that no decision had been taken yet on its command.\n"
    )
    (doc,) = documents_from_text(text, "x.txt")
    assert doc.id == "x"
    assert doc.published is None
    assert doc.title == "Ministers meet again in Brussels next week"


def test_byline_between_title_and_date() -> None:
    text = (
        "Home\n"
        "Ministers agree on a plan for border monitors\n"
        "By A. Writer\n"
        "March 3, 2025\n"
        "Ministers from nine countries agreed on Monday on a plan to send civilian monitors "
        "to the border, officials said after talks that lasted late into the night.\n"
    )
    (doc,) = documents_from_text(text, "b.txt")
    assert doc.title == "Ministers agree on a plan for border monitors"
    assert doc.text.startswith(doc.title)
    assert doc.published == dt.date(2025, 3, 3)


def test_stem_and_encoding_arguments() -> None:
    docs = documents_from_text(_PAGE, "-", stem="feed", encoding="gb18030")
    assert [d.id for d in docs] == ["feed#1", "feed#2"]
    assert {d.encoding for d in docs} == {"gb18030"}
    assert documents_from_text(" \n\t\n", "x.txt") == []


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["", "Headline of some news story here", "Wire · 2025-03-28 12:39", "x" * 130]
            ),
            st.text(max_size=80),
        ),
        max_size=12,
    )
)
def test_documents_are_always_slices(lines: list[str]) -> None:
    text = "\n".join(lines)
    docs = documents_from_text(text, "h.txt")
    _assert_slices(docs, text)
    for doc in docs:
        assert doc.text.strip() == doc.text
        assert doc.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sou Hu Cai Jing· 2026-02-25 23:08", dt.date(2026, 2, 25)),
        ("2025年3月28日 12:39 来源：新华社", dt.date(2025, 3, 28)),
        ("2025년 3월 28일 오후 12:39", dt.date(2025, 3, 28)),
        ("Thứ năm, 28/3/2025 14:30 (GMT+7)", dt.date(2025, 3, 28)),
        ("Veröffentlicht am 28. März 2025, 12:39 Uhr", dt.date(2025, 3, 28)),
        ("Updated: March 28, 2025 at 12:39 p.m.", dt.date(2025, 3, 28)),
        ("04/03/2025", dt.date(2025, 3, 4)),
        # a Korean byline: Korean words are spaced words, not pairs of characters
        ("(부산=연합뉴스) 김민준 기자 | 입력 2024.09.12 오후 3:05", dt.date(2024, 9, 12)),
        ("헤럴드경제 세종=정윤아 기자 | 수정 2024-09-12 15:05:10", dt.date(2024, 9, 12)),
        # Levantine Arabic month names, alone or with the Egyptian one
        ("بيروت، الخميس 12 أيلول/سبتمبر 2024", dt.date(2024, 9, 12)),
        ("عمّان - 3 كانون الثاني 2024", dt.date(2024, 1, 3)),
        ("دمشق، 21 آذار 2024", dt.date(2024, 3, 21)),
    ],
)
def test_date_lines(line: str, expected: dt.date) -> None:
    parsed = date_line(line, None)
    assert parsed is not None and parsed.date == expected


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        # Spanish and Portuguese join the parts with "de"
        ("Madrid, 18 de febrero de 2025 (EFE).-", "es", dt.date(2025, 2, 18)),
        ("Bruxelas, 23 de outubro de 2025", "pt", dt.date(2025, 10, 23)),
        ("Sevilla, 3 de marzo del 2024", "es", dt.date(2024, 3, 3)),
        # Brazilian papers write the parts with dots and no spaces
        ("BRASÍLIA, 14.ago.2025 —", "pt", dt.date(2025, 8, 14)),
        ("São Paulo, 2.set.2024 às 18h20", "pt", dt.date(2024, 9, 2)),
        # a dateline closed by a period: a place, a comma, a weekday
        ("Bruxelles, jeudi 5 février 2026.", "fr", dt.date(2026, 2, 5)),
        ("Genève, le 12 mai 2025.", "fr", dt.date(2025, 5, 12)),
        ("OTTAWA, Nov. 4, 2025 —", "en", dt.date(2025, 11, 4)),
    ],
)
def test_date_lines_of_news_agencies(line: str, language: str, expected: dt.date) -> None:
    parsed = date_line(line, language)
    assert parsed is not None and parsed.date == expected


@pytest.mark.parametrize(
    "line",
    [
        "In Paris, leaders met on 5 March 2025.",  # a sentence: a verb after the comma
        "Los líderes se reunieron el 18 de febrero de 2025.",
    ],
)
def test_sentences_closed_by_a_date_are_no_date_lines(line: str) -> None:
    assert date_line(line, None) is None


@pytest.mark.parametrize(
    "line",
    [
        "Ngày 10/4",  # no year: not a publication date
        "(GLO)- Ngày 10/4, bộ trưởng quốc phòng từ các quốc gia đã nhóm họp tại Brussels.",
        "The summit was held on 2025-03-27 in Paris with leaders from many countries.",
        "Meeting on 2025-03-27.",
        "2023年3月",  # no day
        "بيروت، 12 أيلول وزراء الخارجية 2024",  # a month, but no day-month-year date
    ],
)
def test_not_date_lines(line: str) -> None:
    assert date_line(line, None) is None


def test_ambiguous_english_numeric_date_is_not_guessed() -> None:
    parsed = date_line("Posted 04/03/2025", "en")
    assert parsed is not None and parsed.date is None
    assert date_line("Posted 24/03/2025", "en").date == dt.date(2025, 3, 24)  # type: ignore[union-attr]


# ---------------------------------------------------------------------- decoding

_ZH = (
    "当地时间2月24日，俄乌冲突四周年之际，乌克兰总统在基辅欢迎了欧洲多国领导人，并参加了线上会议。"
    * 3
)
_ZH_TW = (
    "當地時間2月24日，俄烏衝突四週年之際，烏克蘭總統在基輔歡迎了歐洲多國領導人，並參加了線上會議。"
    * 3
)
_JA = (
    "NATOの防衛首長は、水曜日に率直な議論を行い、キエフに提供することができる安全保障について話し合った。"
    * 3
)
_KO = (
    "우크라이나 대통령은 키이우에서 유럽 여러 나라 지도자들을 환영했으며 화상 회의에 참석했다. " * 3
)
_FR = "Le président français a déclaré jeudi que vingt-six pays s’étaient engagés à envoyer des troupes — « force de réassurance »."


@pytest.mark.parametrize(
    ("text", "codec", "family"),
    [
        (_ZH, "utf-8", {"utf-8"}),
        (_ZH, "gb18030", {"gb18030", "gbk", "gb2312"}),
        (_ZH, "gbk", {"gb18030", "gbk", "gb2312"}),
        (_ZH_TW, "big5", {"big5", "big5hkscs", "cp950"}),
        (_JA, "shift_jis", {"shift_jis", "cp932"}),
        (_KO, "euc_kr", {"euc_kr", "cp949"}),
        (_FR, "cp1252", {"cp1252"}),
    ],
)
def test_decode_encodings(text: str, codec: str, family: set[str]) -> None:
    decoded, encoding = decode_bytes(text.encode(codec), "f.txt")
    assert decoded == text
    assert encoding in family


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_decode_bom(bom: bytes, codec: str, tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + _PAGE.encode(codec))
    decoded, encoding = decode_bytes(path.read_bytes(), str(path))
    assert decoded == _PAGE  # the BOM is not part of the text
    docs = load_path(path)
    _assert_slices(docs, decoded)
    assert {d.encoding for d in docs} == {encoding}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b" \n\t\r\n", "empty"),
        (b"hello\x00world\x00" * 20, "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"ok text \x01\x02\x03\x04\x05\x06\x07\x08 more \x0e\x0f\x10\x11\x12", "binary"),
        (bytes(range(0x80, 0x100)) * 3, "undecodable"),
    ],
)
def test_bad_bytes(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(data, "bad.txt")
    assert info.value.source == "bad.txt"
    assert reason in info.value.reason
    assert "\n" not in str(info.value)


# ---------------------------------------------------------------- files and errors


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_path(tmp_path / "nope.txt")


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7")
    with pytest.raises(InputError, match="unsupported file type .pdf"):
        load_path(path)


def test_directory_given_to_load_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        load_path(tmp_path)


def test_empty_file_raises_decode_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(DecodeError, match="empty"):
        load_path(path)


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    (root / "b" / "z.txt").write_text(_PAGE, encoding="utf-8")
    (root / "a" / "y.txt").write_bytes(_FR.encode("cp1252"))
    (root / "a" / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (root / "a" / "empty.txt").write_bytes(b"")
    (root / "x.jsonl").write_text(
        '{"text": "Erster Text über ein Treffen der Minister in Brüssel.", "id": "j1"}\nnot json\n',
        encoding="utf-8",
    )
    (root / "notes.md").write_text("skipped", encoding="utf-8")
    (root / ".hidden" / "h.txt").write_text("skipped", encoding="utf-8")
    return root


def test_directory_recursive_sorted_and_errors_go_on(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    errors: list[InputError] = []
    docs = list(load_documents([root], on_error=errors.append))
    # a/ before b/ before x.jsonl; sorted by path parts, hidden and .md skipped
    assert [d.id for d in docs] == ["y", "z#1", "z#2", "j1"]
    assert [Path(d.source or "").name for d in docs] == ["y.txt", "z.txt", "z.txt", "x.jsonl"]
    assert docs[0].text == _FR and docs[0].encoding == "cp1252"
    sources = sorted((Path(e.source).name, type(e).__name__) for e in errors)
    assert sources == [
        ("bin.txt", "DecodeError"),
        ("empty.txt", "DecodeError"),
        ("x.jsonl", "InputError"),
    ]
    jsonl_error = next(e for e in errors if e.source.endswith("x.jsonl"))
    assert "line 2" in jsonl_error.reason


def test_default_on_error_logs_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    good = tmp_path / "good.txt"
    good.write_text(_PAGE, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="claimkit.documents"):
        docs = list(load_documents([tmp_path / "missing.txt", good]))
    assert len(docs) == 2
    assert any(
        "missing.txt" in r.getMessage() and "no such file" in r.getMessage() for r in caplog.records
    )


def test_load_documents_is_lazy(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(_PAGE, encoding="utf-8")
    errors: list[InputError] = []
    stream = load_documents([good, tmp_path / "missing.txt"], on_error=errors.append)
    first = next(stream)
    assert first.id == "good#1" and errors == []
    rest = list(stream)
    assert len(rest) == 1 and len(errors) == 1


# ------------------------------------------------------------------------- JSONL


def test_jsonl_fields_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(
            {
                "id": "a",
                "text": "Der Kanzler sagte am Montag, Deutschland werde keine Soldaten entsenden.",
                "title": "Kein Einsatz",
                "url": "https://example.org/a",
                "published": "2025-03-28T12:39:00Z",
                "language": "de-DE",
            }
        ),
        "{broken json",
        json.dumps({"id": "b", "title": "no text"}),
        "",
        json.dumps(
            {
                "text": "The prime minister said the country would not rule out "
                "sending ground troops.",
                "published": "2025-08-24",
            }
        ),
        json.dumps({"id": "a", "text": "duplicate id"}),
        json.dumps({"text": "x", "published": "yesterday"}),
        json.dumps(["not", "an", "object"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors: list[InputError] = []
    docs = load_path(path, on_error=errors.append)
    assert [d.id for d in docs] == ["a", "feed#5"]
    first, second = docs
    assert first.title == "Kein Einsatz" and first.url == "https://example.org/a"
    assert first.published == dt.date(2025, 3, 28) and first.language == "de"
    assert first.source_offset is None and first.source == str(path)
    assert second.published == dt.date(2025, 8, 24) and second.language == "en"
    assert [e.reason.split(":")[0] for e in errors] == [
        "line 2",
        "line 3",
        "line 6",
        "line 7",
        "line 8",
    ]
    assert all(e.source == str(path) for e in errors)


def test_jsonl_without_any_good_line(tmp_path: Path) -> None:
    """Each bad line is reported once; no second message about the whole file."""
    path = tmp_path / "bad.jsonl"
    path.write_text("{}\n[1]\n", encoding="utf-8")
    errors: list[InputError] = []
    assert load_path(path, on_error=errors.append) == []
    assert [e.reason.split(":")[0] for e in errors] == ["line 1", "line 2"]
    path.write_text("\n  \n", encoding="utf-8")  # no line of text: said once, for the file
    with pytest.raises(InputError, match=r"no documents in JSONL file \(no lines with text\)"):
        load_path(path, on_error=errors.append)
    assert len(errors) == 2


# ------------------------------------------------------------------------- stdin


def test_stdin_text() -> None:
    data = _PAGE.encode("utf-16")  # with BOM
    docs = list(load_documents(["-"], stdin=io.BytesIO(data)))
    assert [d.id for d in docs] == ["stdin#1", "stdin#2"]
    assert all(d.source == "-" for d in docs)
    _assert_slices(docs, _PAGE)


def test_stdin_jsonl_and_html_are_sniffed() -> None:
    feed = b'{"id": "s1", "text": "A short text about a meeting of ministers."}\n'
    (doc,) = list(load_documents(["-"], stdin=io.BytesIO(feed)))
    assert doc.id == "s1"
    html = (DATA / "article.html").read_bytes()
    (page,) = load_bytes(html, "-")
    assert page.source_offset is None and "Brüssel" in page.text


# -------------------------------------------------------------------------- HTML


def test_html_main_text_and_metadata() -> None:
    (doc,) = load_path(DATA / "article.html")
    assert doc.id == "article"
    assert "Friedenstruppe für die Ukraine" in doc.text
    for marker in ("SCRIPTMARKER", "NAVMARKER", "RELATEDMARKER", "COMMENTMARKER", "FOOTERMARKER"):
        assert marker not in doc.text
    assert doc.title == "Verteidigungsminister beraten in Brüssel über Friedenstruppe"
    assert doc.published == dt.date(2025, 4, 10)
    assert doc.language == "de"
    assert doc.source_offset is None
    assert doc.encoding == "utf-8"


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    html = (DATA / "article.html").read_text(encoding="utf-8")
    html = html.replace('charset="utf-8"', 'charset="windows-1252"')
    path = tmp_path / "legacy.htm"
    path.write_bytes(html.encode("cp1252"))
    (doc,) = load_path(path)
    assert "Großbritannien" in doc.text
    assert doc.encoding == "cp1252"


def test_html_without_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text(
        "<html><head><script>var a = 'code only';</script></head><body></body></html>", "utf-8"
    )
    with pytest.raises(InputError, match="no article text"):
        load_path(path)


#: where a page states its publication date (each written for this test): the head's meta,
#: a ``<time datetime>`` in the body, JSON-LD in the body; and a page that states none
_DATED_PAGES = [
    ('<meta property="article:published_time" content="2025-03-04T10:00:00Z">', "", "2025-03-04"),
    ("", '<time datetime="2025-03-05T08:30">5 March 2025</time>', "2025-03-05"),
    ("", '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
         '"headline": "Aid pledged", "datePublished": "2025-03-06T09:00:00Z"}</script>', "2025-03-06"),
    ("", "", None),
]


def _dated_page(head: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>Paragraph {i}: the government pledged aid to the flooded region on Monday, "
                         "the minister told reporters in the capital.</p>" for i in range(12))
    return (f"<html lang='en'><head><title>Aid pledged</title>{head}</head><body><article>"
            f"<h1>Aid pledged</h1>{body}{paragraphs}</article></body></html>").encode()


@pytest.mark.parametrize(("head", "body", "date"), _DATED_PAGES, ids=["meta", "time", "json-ld", "none"])
def test_both_html_readers_read_the_same_date(
    head: str, body: str, date: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same page through trafilatura's reader and through the linear one (used past
    MANY_PARAGRAPHS ``<p>``, here forced by a bound of 5): one date, from one function
    (``page_date``). Before (dtl6), the linear reader read the head alone and found no
    date in a ``<time>`` or JSON-LD of the body."""
    from claimkit.documents import _html

    linear_reads: list[str] = []
    read_linearly = _html._linear_reading
    monkeypatch.setattr(_html, "_linear_reading", lambda html: linear_reads.append(html) or read_linearly(html))
    (whole,) = load_bytes(_dated_page(head, body), "page.html")
    assert not linear_reads
    monkeypatch.setattr(_html, "MANY_PARAGRAPHS", 5)
    (linear,) = load_bytes(_dated_page(head, body), "page.html")
    assert len(linear_reads) == 1 and linear.text == whole.text  # the other reader, the same text
    expected = dt.date.fromisoformat(date) if date else None
    assert (whole.published, linear.published) == (expected, expected)


# ---------------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (_ZH, "zh"),
        (_JA, "ja"),
        (_KO, "ko"),
        (_FR, "fr"),
        ("Mỹ đứng ngoài Hội nghị liên minh tự nguyện ủng hộ Kiev về kế hoạch hòa bình", "vi"),
    ],
)
def test_detect_language(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   ", "12345 67 89", "ok"])
def test_detect_language_needs_letters(text: str) -> None:
    assert detect_language(text) is None


def test_an_overlong_article_is_read_in_parts_at_its_best_breaks() -> None:
    from claimkit.documents._split import MAX_CHARS

    para = "Le président a parlé jeudi à Paris. " * 50 + "\n\n"
    text = "Un titre assez long pour être un titre\n\n" + para * 300 + "a" * (MAX_CHARS + 10)
    docs = documents_from_text(text, "book.txt")
    assert len(docs) > 2 and all(0 < len(d.text) <= MAX_CHARS for d in docs)
    for doc in docs:  # exact slices of the file, nothing lost but the spaces between parts
        assert doc.source_offset is not None
        assert text[doc.source_offset : doc.source_offset + len(doc.text)] == doc.text
        assert doc.notes == [f"a part of an article longer than {MAX_CHARS} characters (read in parts)"]
    assert sum(len("".join(d.text.split())) for d in docs) == len("".join(text.split()))
    assert docs[0].title == "Un titre assez long pour être un titre" and docs[1].title is None
    prose = [d for d in docs if "président" in d.text]
    assert all(d.text.endswith("Paris.") for d in prose)  # cut at paragraph breaks
    assert docs[-1].text == "a" * 10 and docs[-2].text == "a" * MAX_CHARS  # no break at all: mid-word
    (short,) = documents_from_text(para * 10, "short.txt")
    assert short.notes == [] and short.id == "short"
