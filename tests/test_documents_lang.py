"""The vectorised language identifier gives py3langid's own scores, bit for bit."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from claimkit.documents import _dates
from claimkit.documents._dates import _ANY_YEAR, find_date
from claimkit.documents._decode import _CONTROL
from claimkit.documents._lang import _get

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def walk() -> LanguageIdentifier:
    """py3langid's identifier, which walks its automaton byte by byte."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _texts() -> list[str]:
    rng = random.Random(5)
    out = [p.read_text(encoding="utf-8")[:4000] for p in sorted((ROOT / "examples" / "articles").iterdir())]
    rules = ROOT / "tests" / "data" / "rules_sentences"
    out += [p.read_text(encoding="utf-8")[:4000] for p in sorted(rules.glob("*.jsonl"))]
    # random code points of every plane's common blocks, in runs of any length
    for _ in range(200):
        out.append("".join(chr(rng.randrange(1, 0x3400)) for _ in range(rng.randrange(0, 400))))
    out += ["", "a", "ab", "abc", "HELLO, WORLD", "\x00\x01\x02", "é" * 7, "日本語"]
    return out


def test_window_identifier_equals_the_byte_walk(walk: LanguageIdentifier) -> None:
    fast = _get()
    assert fast._window >= 1
    for text in _texts():
        assert np.array_equal(fast._decide(text), walk._decide(text)), text[:60]
        assert fast.classify(text) == walk.classify(text)


def test_window_identifier_walks_deep_automata(walk: LanguageIdentifier) -> None:
    """A model deeper than the window limit falls back to the byte walk (same scores)."""
    fast = _get()
    window = fast._window
    try:
        fast._window = 10_000
        text = "Die Regierung hat am Montag neue Sanktionen angekündigt."
        assert np.array_equal(fast._decide(text), walk._decide(text))
    finally:
        fast._window = window


def test_control_pattern_is_category_cc() -> None:
    wanted = {
        chr(i) for i in range(0x110000) if unicodedata.category(chr(i)) == "Cc" and chr(i) not in "\t\n\r\f\v"
    }
    found = {chr(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF and _CONTROL.match(chr(i))}
    assert found == wanted


def test_space_pattern_is_isspace() -> None:
    """documents/_split.py counts non-space characters with ``\\s``: the same set as ``str.isspace``."""
    pattern = re.compile(r"\s")
    assert all(bool(pattern.match(chr(i))) == chr(i).isspace() for i in range(0x110000))


def test_every_date_line_pattern_holds_a_year() -> None:
    """find_date skips a line with no year (``_ANY_YEAR``): right while each of its patterns needs one."""
    for pattern in (_dates._YMD, _dates._XXY, _dates._D_MON_Y, _dates._MON_D_Y):
        assert _dates._YEAR in pattern.pattern
    for line in ("28.03.2025", "March 28, 2025", "2025年3月28日", "28 mars 2025 à 10:00"):
        assert find_date(line) is not None and _ANY_YEAR.search(line) is not None
