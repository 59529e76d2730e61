"""The speed bench's one-line English page: English news with no line break, about the size asked.

``bench/extract.py`` times one long document of news prose in every language (read with no
language) and, since several English stages were quadratic on a page written as one line
(tests/test_rules_long_text.py), the same size of English news on one line read as English.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

_BENCH = Path(__file__).resolve().parent.parent / "bench" / "extract.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_extract_long_line", _BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_english_page_is_one_line_of_english_pieces_of_about_the_size_asked() -> None:
    bench = _bench()
    text = bench.english_line(20_000)
    assert "\n" not in text
    assert 20_000 <= len(text.encode("utf-8")) < 25_000
    english = {t.replace("\n", " ") for lang, t in bench.pieces() if lang == "en"}
    others = {t for lang, t in bench.pieces() if lang not in ("en",) and t not in english}
    assert any(piece in text for piece in english)
    assert not any(piece in text for piece in list(others)[:200] if len(piece) > 40)
    assert bench.english_line(20_000) == text  # seeded: the same page every run
