"""The finders' faster forms answer what their plain forms did.

Structural checks, no timing (speed is measured in ``bench/extract.py``): the
root-ordered alias automaton over the marked text finds the hits of a plain
automaton over the text itself; the quarter and half words, each alternative opened
by a character matched as written, match what one case-insensitive alternation did.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import ahocorasick
import pytest

from claimkit.normalize._gazetteer_index import _root_ordered
from claimkit.normalize.actors import Gazetteer
from claimkit.normalize.dates import _SPAN_WORDS, _lang_table
from claimkit.text import fold_case

ROOT = Path(__file__).parent


def _texts(language: str | None = None) -> list[str]:
    """The sample articles and the test sentences (of ``language`` only, when given)."""
    out = [p.read_text(encoding="utf-8") for p in sorted((ROOT.parent / "examples" / "articles").glob("*.txt"))]
    for path in sorted((ROOT / "data" / "rules_sentences").glob(f"{language or '*'}.jsonl")):
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


#: the quarter and half words as one case-insensitive alternation: the form
#: ``claimkit.normalize.dates._SPAN_WORDS`` had before it opened each alternative with a
#: character matched as written
_SPAN_WORDS_PLAIN = re.compile(
    r"(?i:quarter|half|quartal|jahreshälfte|halbjahr|trimestre|semestre|kwarta|półrocz|квартал|"
    r"полугоди|півріч|tromjeseč|kvartal|polugodiš|kuartal|triwulan|semester|quý|çeyre|yarı)"
    r"|季|四半期|半[年期]|분기|반기|الربع|النصف|(?<![\w-])(?:[QH][1-4]|[1-4][QH])"
)


def _span_texts() -> list[str]:
    """The test texts and random strings of the words' characters, of every character
    that matches a word's first letter case-insensitively, of word and other characters."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    firsts = "".join(re.findall(r"(?i:[qhjtskpкпçy])", every))
    assert {"ſ", "K", "S", "Ç"} <= set(firsts)  # the forms beside the plain cases
    letters = "".join(sorted(set("quarterhalfquartaljahreshälftehalbjahrtrimestresemestrekwartapółrocz"
                                 "кварталполугодипівріч tromjesečkvartalpolugodiškuartaltriwulanquýçeyreyarı")))
    alphabet = letters + letters.upper() + firsts + "1234QH-_ 季四半期年분기반الربعالنصف.\n"
    rng = random.Random(11)
    noise = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(20000)]
    words = ["QUARTER", "Quartal", "ſemester", "\u212avartal", "kVARTAL", "ÇEYREK", "H1", "-Q2", "xQ3", "1H", "Q4Q1", "ПІВРІЧЧЯ"]
    return [*_texts(), *noise, " ".join(words), every[:5000]]


def test_the_quarter_words_match_what_one_case_insensitive_alternation_matched() -> None:
    found = 0
    for text in _span_texts():
        got = [m.span() for m in _SPAN_WORDS.finditer(text)]
        assert got == [m.span() for m in _SPAN_WORDS_PLAIN.finditer(text)], text[:80]
        found += len(got)
    assert found > 2000



def _without_lookahead(pattern: str) -> re.Pattern[str]:
    """A date table's pattern without the lookahead before its alternations."""
    return re.compile(pattern[pattern.index("(?:(?P<") :])


@pytest.mark.parametrize("language", [None, *sorted(p.stem for p in (ROOT / "data" / "rules_sentences").glob("*.jsonl"))])
def test_a_date_table_matches_what_its_alternations_match_without_the_lookahead(language: str | None) -> None:
    # the lookahead is a condition every match meets, tried before the alternations: two
    # letters of a word's opening, a period or story day in Latin or Cyrillic at a word
    # start only, fail sooner where no date starts (the matches are the same)
    pattern = _lang_table(language).regex
    assert pattern.pattern.startswith("(?=")
    plain = _without_lookahead(pattern.pattern)
    found = 0
    for text in _texts(language):
        got = [m.span() for m in pattern.finditer(text)]
        assert got == [m.span() for m in plain.finditer(text)], text[:80]
        found += len(got)
    assert found > 20
