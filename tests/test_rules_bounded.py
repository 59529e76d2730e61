"""Bounded work in the rules backend: windows for overlong sentences, linear cue patterns.

Structural checks (no timing: speed is measured in ``bench/extract.py``).
"""

from __future__ import annotations

import re

from claimkit.extract.rules import RulesBackend
from claimkit.extract.rules.cues import _pattern
from claimkit.extract.rules.text import MAX_CLAUSE, MAX_SENTENCE, segment
from claimkit.schemas import Document


def test_an_unpunctuated_han_text_is_cut_into_bounded_windows() -> None:
    text = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可" * 400
    sentences = segment(text)
    assert len(sentences) >= len(text) // MAX_SENTENCE
    assert all(s.end - s.start <= MAX_SENTENCE for s in sentences)
    assert all(e - s <= MAX_CLAUSE for sent in sentences for s, e in sent.clauses)
    covered = sum(e - s for sent in sentences for s, e in sent.clauses)
    assert covered == len(text)  # nothing lost between windows


def test_a_line_without_spaces_is_cut_and_spaced_text_is_cut_at_a_space() -> None:
    assert all(s.end - s.start <= MAX_SENTENCE for s in segment("a" * 50_000))
    words = " ".join(["troops"] * 2_000)
    for s in segment(words):
        assert words[s.start : s.end].split(" ")[0] == "troops"  # no word cut in two


def test_a_long_text_still_yields_its_claims() -> None:
    filler = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可" * 200
    doc = Document(id="long", text=filler + "法国承诺向乌克兰提供援助" + filler, language="zh")
    assert [d.type for d in RulesBackend().extract(doc).drafts] == ["pledge"]


def test_a_leading_star_compiles_to_no_unbounded_prefix() -> None:
    # "\w*" before a literal backtracks over a whole long word (quadratic)
    regex = _pattern("*mayacak*", "start")
    assert not regex.startswith(r"\w*")
    assert re.search(regex, "katılmayacak") is not None


def test_a_star_on_any_word_of_a_cue_allows_more_letters() -> None:
    regex = re.compile(_pattern("declin* to", "word"), re.IGNORECASE)
    assert regex.search("Italy declined to send troops") is not None
    assert regex.search("she declines to comment") is not None
    assert regex.search("declin* to") is None  # the star is no literal asterisk


def test_declined_to_send_troops_is_a_refusal_not_a_pledge() -> None:
    doc = Document(id="d", text="Italy declined to send troops to the region.", language="en")
    assert [d.type for d in RulesBackend().extract(doc).drafts] == ["refusal"]
