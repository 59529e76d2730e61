"""The finders' faster forms answer what their plain forms did.

Structural checks, no timing (speed is measured in ``bench/extract.py``): the
root-ordered alias automaton over the marked text finds the hits of a plain
automaton over the text itself; the remembered verdict of an automaton hit is
the one worked out afresh.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import ahocorasick

from claimkit.normalize._gazetteer_index import _root_ordered
from claimkit.normalize.actors import Gazetteer
from claimkit.text import fold_case

ROOT = Path(__file__).parent


def _texts() -> list[str]:
    out = [p.read_text(encoding="utf-8") for p in sorted((ROOT.parent / "examples" / "articles").glob("*.txt"))]
    for path in sorted((ROOT / "data" / "rules_sentences").glob("*.jsonl")):
        out.append("\n".join(json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()))
    return out


def _plain(words: dict[str, object]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for w, v in words.items():
        automaton.add_word(w, v)
    automaton.make_automaton()
    return automaton


def _hits(automaton: ahocorasick.Automaton, text: str) -> list[tuple[int, object]]:
    return sorted(((end, id(v)) for end, v in automaton.iter(text)), key=lambda h: h[0])


def test_the_root_ordered_automaton_finds_what_a_plain_one_does() -> None:
    # every alias key of the default gazetteer, over every test text folded and random
    # strings of key characters, other characters and the spare characters the mark and
    # the never-seen character are drawn from ("\0", "\1")
    keys = Gazetteer.default()._built().automata.keys  # noqa: SLF001 - the index's own keys
    words: dict[str, object] = {k: (len(k), k) for k in keys if k}
    ordered, not_key, mark = _root_ordered(words)
    plain = _plain(words)
    rng = random.Random(5)
    alphabet = "\0\1 ausinerokm.-'中国美한국ロシアрусія9,"
    noise = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(5000)]
    found = 0
    for text in [*(fold_case(t) for t in _texts()), *noise]:
        got = sorted(_hits(ordered, not_key.sub(mark, text)), key=lambda h: (h[0], h[1]))
        assert got == sorted(_hits(plain, text), key=lambda h: (h[0], h[1])), text[:80]
        found += len(got)
    assert found > 5000


def test_a_small_root_ordered_automaton_with_spare_characters_in_its_words() -> None:
    # the mark and the never-seen character are chosen outside the words' characters
    words: dict[str, object] = {"\0a": 1, "a\1": 2, "ab": 3, "b": 4}
    ordered, not_key, mark = _root_ordered(words)
    assert mark not in "\0\1ab"
    for text in ["\0a\1ab", "xab\0a", "\1\0a\1", "bbb", ""]:
        assert sorted(ordered.iter(not_key.sub(mark, text))) == sorted(_plain(words).iter(text))


def test_a_remembered_hit_verdict_is_the_one_worked_out_afresh() -> None:
    # each test text in each language: found with the memo emptied (every hit worked out
    # afresh), then again from the memo, then with the memo holding the other languages'
    # verdicts too: the same mentions
    gazetteer = Gazetteer.default()
    memo = gazetteer._built().hit_memo  # noqa: SLF001 - the memo under test
    langs = ["en", "fr", "ru", "pl", "uk", "tr", "ja", "zh", "ko", "ar", None]
    for text in _texts():
        for lang in langs:
            memo.clear()
            fresh = gazetteer.find(text, language=lang)
            assert memo
            assert gazetteer.find(text, language=lang) == fresh
        for lang in langs:
            memo.clear()
            fresh = gazetteer.find(text, language=lang)
            for other in ("en", "ru", None):
                gazetteer.find(text[: len(text) // 2], language=other)
            assert gazetteer.find(text, language=lang) == fresh


#: (language, sentence): names written whole and the same letters inside longer words,
#: after a word character, with an ending, next to a katakana or Korean suffix
_CONTEXTS = [
    ("en", "France said on Monday it would act."),
    ("en", "Francesca Rossi said on Monday it would act."),
    ("en", "The Iranian and Iran delegations met in Oman."),
    ("en", "Stop-France and xFrance are no countries."),
    ("en", "France are champions."),
    ("en", "AntiFrance are champions."),
    ("pl", "Polska obiecała pomoc, a Polską rządzi koalicja."),
    ("pl", "Polskie jabłka i Polski rząd."),
    ("ru", "Россия заявила, что Россией правит Кремль."),
    ("ru", "Россиянин сказал, что Росси не приедет."),
    ("ja", "ロシア政府は声明を出した。"),
    ("ja", "ロシアンルーレットの話。"),
    ("ko", "인도 정부는 인도적 지원을 약속했다."),
    ("ko", "인도주의 단체가 인도에 도착했다."),
    ("ar", "قالت فرنسا وفرنسا وبفرنسا."),
    ("ar", "قالت وفرنسا قالت."),
    ("ar", "قالت ووفرنسا قالت."),
    ("tr", "Türkiye'nin ve Türkiyeli yetkililer."),
]


def test_a_hit_verdict_depends_only_on_the_context_its_key_holds() -> None:
    # a verdict remembered from one sentence is used in another only where the characters
    # around the hit are the same: every sentence after every other (memo warmed by the
    # first) is read as with an empty memo
    gazetteer = Gazetteer.default()
    memo = gazetteer._built().hit_memo  # noqa: SLF001 - the memo under test
    alone = {}
    for lang, text in _CONTEXTS:
        memo.clear()
        alone[text] = gazetteer.find(text, language=lang)
    for lang_a, a in _CONTEXTS:
        for lang_b, b in _CONTEXTS:
            memo.clear()
            gazetteer.find(a, language=lang_b)
            gazetteer.find(a, language=lang_a)
            assert gazetteer.find(b, language=lang_b) == alone[b], (a, b)
