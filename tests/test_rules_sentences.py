"""The rules backend on hand-written sentences in each of its 17 languages.

One test per sentence of ``tests/data/rules_sentences/<lang>.jsonl`` (see
``tests/_rules_sentences.py``), named ``<lang>:<line>:<type>`` so a failing
sentence names itself. Sentences the backend is known to get wrong carry a
``known_gap`` and are strict xfails. ``bench/rules_sentences.py`` prints the
pass rate per language and per type.
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_sentences import Case, check, load_cases

CASES = load_cases()
LANGUAGES = ["en", "zh", "ja", "ko", "vi", "id", "fr", "de", "es", "it", "pt", "pl", "hr", "tr", "ru", "uk", "ar"]


def _param(case: Case) -> object:
    marks = [pytest.mark.xfail(reason=case.known_gap, strict=True)] if case.known_gap else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_sentence(backend: RulesBackend, case: Case) -> None:
    problem = check(backend, case)
    assert problem is None, f"{case.id} {case.text!r}: {problem}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_twenty_sentences_of_every_kind(lang: str) -> None:
    mine = [c for c in CASES if c.lang == lang]
    assert len(mine) >= 20, f"{lang}: {len(mine)} sentences"
    kinds = {c.type for c in mine}
    assert kinds >= {"pledge", "refusal", "warning", "meeting", None}, f"{lang}: {kinds}"
