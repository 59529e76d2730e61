"""The HTML report in a real browser: Debian's Chromium driven by Playwright.

Skipped, with the reason, when Playwright (extra ``browser``) or
``/usr/bin/chromium`` is missing; ``make test`` installs both (Chromium with
apt-get when run as root). Playwright's own browser download is never used.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimkit.report import render
from claimkit.schemas import Actor, DateRef, Document, DocumentClaims, Refusal, Span

from ._gold_claims import gold_records
from ._report_corpus import synthetic_records
from .test_report import page_data

CHROMIUM = os.environ.get("CLAIMKIT_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(os.environ.get("CLAIMKIT_SCREENSHOTS", "")) if os.environ.get("CLAIMKIT_SCREENSHOTS") else None

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed: pip install -e '.[browser]'"
)
if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
    pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium (make test does it as root)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


class Page:
    """A report opened in a fresh page that records console errors, dialogs and requests."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.path = path
        self.page = browser.new_page(viewport={"width": 1500, "height": 950})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("html[data-ready]")

    def open_doc(self, doc_id: str) -> None:
        """Find a document by its id with the document filter, open it, clear the filter."""
        self.page.fill("#f-doc", doc_id)
        self.page.locator(f'.row[data-doc="{doc_id}"]').click()
        self.page.fill("#f-doc", "")
        meta = str(self.page.text_content("#doc .meta"))
        assert meta.startswith(doc_id + " ·") or meta == doc_id, meta

    def marks(self) -> list[tuple[list[int], int, int, bool]]:
        """(claim indexes, start, end, selected) of every highlight of the open document."""
        raw = self.page.eval_on_selector_all(
            "#doc mark", "ms => ms.map(m => [m.dataset.c, +m.dataset.s, +m.dataset.e, m.classList.contains('sel')])")
        return [([int(x) for x in c.split(",")], s, e, sel) for c, s, e, sel in raw]

    def count(self) -> str:
        return str(self.page.text_content("#doc-count"))

    def shot(self, name: str) -> None:
        if SHOTS:
            SHOTS.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(SHOTS / f"{name}.png"))

    def close(self) -> None:
        assert self.errors == [], self.errors
        outside = [u for u in self.requests if u != self.path.as_uri()]
        assert outside == [], outside
        self.page.close()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory, gold_dir: Path, articles_dir: Path) -> tuple[Path, dict[str, Any]]:
    records = gold_records(gold_dir, articles_dir)
    path = tmp_path_factory.mktemp("report") / "report.html"
    render(records, path)
    return path, page_data(path.read_text(encoding="utf-8"))


def _covered(ranges: list[tuple[int, int]]) -> set[int]:
    return {i for s, e in ranges for i in range(s, e)}


def test_highlights_are_exactly_the_grounded_spans(browser: Any, sample: tuple[Path, dict[str, Any]]) -> None:
    path, data = sample
    p = Page(browser, path)
    p.shot("report-sample")
    n_spans = n_checked = 0
    for d in data["docs"]:
        p.open_doc(d["id"])
        marks = p.marks()
        for ci, c in enumerate(d["claims"]):
            spans = [(s[0], s[1]) for s in c["sp"] if len(s) == 3 and s[1] > s[0]]
            n_spans += len(spans)
            shown = [(s, e) for cs, s, e, _ in marks if ci in cs]
            assert _covered(shown) == _covered(spans), (d["id"], c["id"])
            n_checked += 1
        # each highlight shows the article's own characters
        text = p.page.text_content("#doc .text")
        assert text == d["text"]
    assert n_spans > 50 and n_checked > 50
    p.close()


def test_card_click_selects_its_spans_and_highlight_click_selects_its_card(
    browser: Any, sample: tuple[Path, dict[str, Any]]
) -> None:
    path, data = sample
    p = Page(browser, path)
    d = max(data["docs"], key=lambda d: len(d["claims"]))
    p.open_doc(d["id"])
    ci = len(d["claims"]) - 1  # the last card: its spans are far down the text
    p.page.locator(f'.card[data-ci="{ci}"]').click()
    marks = p.marks()
    selected = {(s, e) for cs, s, e, sel in marks if sel}
    assert selected and selected == {(s, e) for cs, s, e, _ in marks if ci in cs}
    first = p.page.locator("#doc mark.sel").first
    assert first.is_visible()
    box, view = first.bounding_box(), p.page.locator("#doc").bounding_box()
    assert box and view and view["y"] <= box["y"] <= view["y"] + view["height"]  # scrolled into view
    # and back: a highlight selects its claim's card
    other = next(cs[0] for cs, *_ in marks if cs[0] != ci)
    p.page.locator("#doc mark").nth([i for i, m in enumerate(marks) if m[0][0] == other][0]).click()
    assert p.page.locator(".card.sel").get_attribute("data-ci") == str(other)
    p.close()


def _expected(data: dict[str, Any], keep: Any) -> int:
    return sum(1 for d in data["docs"] if any(keep(d, c) for c in d["claims"]))


def test_each_filter_narrows_the_list(browser: Any, sample: tuple[Path, dict[str, Any]]) -> None:
    path, data = sample
    p = Page(browser, path)
    total = len(data["docs"])
    assert p.count().startswith(f"({total} of {total}")
    # type: only warnings
    for t in data["types"]:
        if t != "warning":
            p.page.locator(f'#f-types input[value="{t}"]').uncheck()
    want = _expected(data, lambda d, c: c["t"] == "warning")
    assert 0 < want < total and p.count().startswith(f"({want} of {total}")
    assert all(c.get_attribute("data-claim") for c in p.page.locator(".card").all())
    assert {p.page.locator(".card .badge").nth(i).text_content()
            for i in range(p.page.locator(".card").count())} <= {"warning"}
    p.page.click("#f-reset")
    # country (the gold actors carry no ISO codes: the list offers none)
    isos = sorted({a[2] for d in data["docs"] for c in d["claims"] for a in c["a"] if a[2]})
    assert p.page.locator("#f-country option").count() == 1 + len(isos)
    # language
    lang = data["docs"][0]["lang"]
    p.page.select_option("#f-lang", lang)
    want = sum(1 for d in data["docs"] if d["lang"] == lang)
    assert p.count().startswith(f"({want} of {total}")
    p.page.click("#f-reset")
    # actor words
    p.page.fill("#f-actor", "macron")
    want = _expected(data, lambda d, c: any("macron" in (a[0] + " " + (a[1] or "")).lower() for a in c["a"]))
    assert 0 < want < total and p.count().startswith(f"({want} of {total}")
    p.page.click("#f-reset")
    # date range: March 2025
    p.page.fill("#f-from", "2025-03-01")
    p.page.fill("#f-to", "2025-03-31")
    p.page.dispatch_event("#f-to", "change")
    want = _expected(data, lambda d, c: bool(c["d"] and c["d"]["v"] and "2025-03" <= c["d"]["v"][:7] <= "2025-03"))
    assert 0 < want < total and p.count().startswith(f"({want} of {total}")
    p.page.click("#f-reset")
    # finding kind
    p.page.select_option("#f-kind", "corroboration")
    involved = {doc for f in data["findings"] if f["kind"] == "corroboration" for doc in f["docs"]}
    assert p.count().startswith(f"({len(involved)} of {total}")
    p.page.click("#tabs button[data-tab=findings]")
    kinds = {k.get_attribute("data-kind") for k in p.page.locator("#findings .find").all()}
    assert kinds == {"corroboration"}
    p.close()


def test_a_finding_link_lands_on_its_span_in_another_document(
    browser: Any, sample: tuple[Path, dict[str, Any]]
) -> None:
    path, data = sample
    p = Page(browser, path)
    p.page.click("#tabs button[data-tab=findings]")
    first_doc = data["docs"][0]["id"]
    link = p.page.locator(f'#findings .find:not(.fold) .links button:not([data-doc="{first_doc}"])').first
    doc, s, e = link.get_attribute("data-doc"), int(str(link.get_attribute("data-s"))), int(str(link.get_attribute("data-e")))
    link.click()
    assert str(p.page.text_content("#doc .meta")).startswith(str(doc))
    flashed = p.page.eval_on_selector_all("#doc mark.flash", "ms => ms.map(m => [+m.dataset.s, +m.dataset.e])")
    assert flashed and _covered([tuple(x) for x in flashed]) == set(range(s, e))  # type: ignore[misc]
    assert p.page.locator("#doc mark.flash").first.is_visible()
    p.shot("report-finding")
    p.close()


PROBES = [
    "<script>window.__pwned = 1; alert(1)</script>",
    "<img src=x onerror=\"window.__pwned = 2; alert(2)\">",
    "<svg onload=\"window.__pwned = 3; alert(3)\"></svg>",
    "</script><script>window.__pwned = 4</script>",
    "\"'><img src=x onerror=alert(5)>",
    "<a href=\"javascript:alert(6)\">click</a>",
    "<!-- <script>alert(7)</script>",
]


def test_xss_probes_do_not_fire(browser: Any, tmp_path: Path) -> None:
    text = " ".join(PROBES) + " The minister refused to sign the accord. " + " ".join(PROBES)
    quote = "The minister refused to sign the accord"
    i = text.find(quote)
    claim = Refusal(doc_id="x", actor=[Actor(text=PROBES[1], name=PROBES[2], iso_code="IT")],
                    what=PROBES[0], condition=PROBES[3], summary=PROBES[4],
                    date=DateRef(raw=PROBES[6], resolution="unresolved"), ungrounded=[PROBES[5]],
                    evidence=[Span(start=i, end=i + len(quote), text=quote)])
    rec = DocumentClaims(document=Document(id="x" + PROBES[4], text=text, title=PROBES[0],
                                           url="javascript:alert(8)", language="en"), claims=[claim])
    path = tmp_path / "xss.html"
    render([rec], path, title=PROBES[1])
    p = Page(browser, path)
    p.page.locator(".card").first.click()
    p.page.locator("#doc mark").first.click()
    p.page.click("#tabs button[data-tab=findings]")
    p.page.wait_for_timeout(200)
    assert p.page.evaluate("window.__pwned") is None and p.dialogs == []
    assert p.page.locator("img, svg, a[href], iframe").count() == 0
    assert PROBES[0] in str(p.page.text_content("#doc .text"))  # shown as text
    assert p.page.title() == PROBES[1]
    p.close()


def test_1500_documents_open_and_work(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    stats = render(synthetic_records(1500), path)
    assert stats.documents == 1500
    p = Page(browser, path)
    assert p.count().startswith("(1500 of 1500")
    # the list is virtual: a few dozen rows exist, not 1,500
    assert p.page.locator(".row").count() < 60
    p.open_doc("doc-01234")
    assert p.page.locator("#doc mark").count() >= 12
    data = page_data(path.read_text(encoding="utf-8"))
    p.page.select_option("#f-lang", "ja")
    want = sum(1 for d in data["docs"] if d["lang"] == "ja")
    assert 150 < want < 200 and p.count().startswith(f"({want} of 1500")
    p.page.click("#f-reset")
    p.page.select_option("#f-country", "JP")
    want = _expected(data, lambda d, c: any(a[2] == "JP" for a in c["a"]))
    assert 0 < want < 1500 and p.count().startswith(f"({want} of 1500")
    rows = p.page.eval_on_selector_all(".row", "rs => rs.map(r => r.dataset.doc)")
    jp = {d["id"] for d in data["docs"] if any(a[2] == "JP" for c in d["claims"] for a in c["a"])}
    assert rows and set(rows) <= jp
    p.shot("report-1500")
    p.close()


def test_docs_screenshot_is_current(browser: Any, sample: tuple[Path, dict[str, Any]], repo_root: Path) -> None:
    """The screenshot in docs/img is taken from the sample articles' report."""
    path, _ = sample
    p = Page(browser, path)
    p.page.locator(".card").nth(1).click()
    out = repo_root / "docs" / "img" / "report.png"
    if os.environ.get("CLAIMKIT_UPDATE_SCREENSHOT"):
        out.parent.mkdir(exist_ok=True)
        p.page.screenshot(path=str(out))
    assert out.exists(), "CLAIMKIT_UPDATE_SCREENSHOT=1 pytest tests/test_report_browser.py writes it"
    p.close()


