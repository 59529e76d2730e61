"""A long text costs the rules backend work linear in its length, with the same answers.

A page written as one long line (a scraped page, a live blog: every sentence on one
line) of English prose took 4.1 s of CPU a MB at 0.25 MB, 8.2 s at 1 MB and 28 s at
4 MB. Five places compared every item of a growing list with every other one; each now
reads each item a bounded number of times:

- the people named again by one word (:func:`short_repeats`) tested each word against
  every mention found; the mentions are now a mask of the text (``Occupied``);
- the proper names opening a claim's sentence (:func:`proper_subjects`) tested each cue's
  name against every mention (a mask too), and looked each single-word name up in the
  whole text again for every cue it opens (now once per word and document);
- whether a person holds the office a bare title names (:func:`holders`, "the minister
  said") was read again for every person before each such title (now once per person,
  office and document: :attr:`Scene.held`);
- the meetings within reach of a "both sides" claim (:func:`pair_actors`) were gathered
  for every claim, not only for those.

Each test counts the work a long text costs (comparisons of offsets, calls) and checks
the answer. Every text is written for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from claimkit.extract.rules import RulesBackend, coref, subjects
from claimkit.extract.rules.short_names import short_repeats
from claimkit.extract.rules.subjects import proper_subjects
from claimkit.extract.rules.support import Candidate, CueScan, Mention, Scene, pair_actors
from claimkit.schemas import Actor, ActorKind
from tests._rules_helpers import drafts


class _Offset(int):
    """An offset that counts the comparisons made with it."""

    compared = 0

    def __lt__(self, other: Any) -> bool:
        _Offset.compared += 1
        return int(self) < other

    def __gt__(self, other: Any) -> bool:
        _Offset.compared += 1
        return int(self) > other

    def __le__(self, other: Any) -> bool:
        _Offset.compared += 1
        return int(self) <= other

    def __ge__(self, other: Any) -> bool:
        _Offset.compared += 1
        return int(self) >= other


def _places(text: str, word: str) -> list[Mention]:
    """Each occurrence of ``word`` as a mention whose offsets count their comparisons."""
    out, at = [], text.find(word)
    while at >= 0:
        out.append(Mention(_Offset(at), _Offset(at + len(word)), word))
        at = text.find(word, at + 1)
    return out


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


def test_a_surname_named_again_on_a_long_page_is_compared_with_each_mention_a_few_times() -> None:
    first = "Chancellor Friedrich Merz arrived. "
    text = first + "Merz said talks in Lisboa would go on. " * 400
    merz = Mention(first.index("Friedrich"), first.index(" arrived"),
                   Actor(text="Friedrich Merz", name="Friedrich Merz", kind=ActorKind.person))
    taken = _places(text, "Lisboa")
    _Offset.compared = 0
    found = short_repeats(text, [merz], taken, "en")
    assert _Offset.compared <= 4 * len(taken)  # each word against every place: 400 x 400 x 2
    assert len(found) == 400 and {text[m.start : m.end] for m in found} == {"Merz"}
    assert all(m.value.name == "Friedrich Merz" for m in found)


def _subjects(backend: RulesBackend, text: str, taken: list[Mention]) -> list[str]:
    lc = backend.cues.language("en")
    assert lc is not None
    found = proper_subjects(text, CueScan(text), lc, backend._verbal_types, taken, lambda name: None)  # noqa: SLF001
    return [text[m.start : m.end] for m in found]


def test_the_names_opening_many_claims_are_compared_with_each_mention_a_few_times(backend: RulesBackend) -> None:
    text = "Talks with Acme Widgets went on. " + "Acme Widgets pledged to send aid to Lisboa. " * 300
    taken = _places(text, "Lisboa")
    _Offset.compared = 0
    assert _subjects(backend, text, taken) == ["Acme Widgets"] * 300
    assert _Offset.compared <= 4 * len(taken)  # each cue's name against every place: 300 x 300 x 2


def test_a_one_word_name_opening_many_claims_is_looked_for_in_the_text_once(
        backend: RulesBackend, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    real = subjects._inside_sentence  # noqa: SLF001

    def counted(text: str, written: str) -> bool:
        asked.append(written)
        return real(text, written)

    monkeypatch.setattr(subjects, "_inside_sentence", counted)
    text = "Talks with Acme went on. " + "Acme pledged to send aid to the region. " * 200
    assert _subjects(backend, text, []) == ["Acme"] * 200  # after "with": a name inside a sentence
    assert asked == ["Acme"]
    asked.clear()
    assert _subjects(backend, "Acme pledged to send aid to the region. " * 3, []) == []  # never inside: no name
    assert asked == ["Acme"]


@pytest.mark.parametrize(("written", "inside"), [
    ("Acme", True), ("Talks", False), ("Ac", False), ("cme", False), ("Acme-Corp", False),
])
def test_a_word_is_inside_a_sentence_only_after_a_lower_case_word_and_whole(written: str, inside: bool) -> None:
    text = "Talks with Acme went on. Acme-Corp agreed. Ac said so.Talks"
    assert subjects._inside_sentence(text, written) is inside  # noqa: SLF001
    assert subjects._inside_sentence("the " + written, written) is True  # noqa: SLF001


def test_a_bare_title_on_a_long_page_reads_each_person_once(
        backend: RulesBackend, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = [0]
    real = coref._holds  # noqa: SLF001

    def counted(*args: Any) -> bool:
        calls[0] += 1
        return real(*args)

    monkeypatch.setattr(coref, "_holds", counted)
    mayors = [f"{given} {family}" for given in ("Ana", "Luis", "Marta", "Pablo", "Elena", "Jorge")
              for family in ("Lopez", "Garcia", "Moreno", "Ruiz", "Navarro", "Romero", "Torres", "Vega")]
    lead = "Defence Minister Margarita Robles visited Rota on Monday. "
    text = lead + "".join(f"Talks with Mayor {m} went on. The minister warned that Spain will send troops. "
                          for m in mayors)
    claims = drafts(backend, text, "en", "2026-03-02")
    warned = [c for c in claims if c.type == "warning"]
    assert len(warned) == len(mayors)
    assert all(c.fields["actor"][0].name == "Margarita Robles" for c in warned)  # no mayor is "the minister"
    assert calls[0] <= 2 * (len(mayors) + 1)  # each title read every person before it: 48 x 48 / 2


class _Counted(Candidate):
    """A candidate that counts the reads of its sentence's index."""

    reads = 0

    def __getattribute__(self, name: str) -> Any:
        if name == "sentence":
            _Counted.reads += 1
        return super().__getattribute__(name)


def _candidate(kind: str, sentence: int, actors: list[str], *, pair: bool = False) -> _Counted:
    people = [Actor(text=a, name=a, kind=ActorKind.country) for a in actors]
    return _Counted(kind, (0, 1), {"actor": people}, sentence, True, pair=pair)


def test_the_meetings_before_a_claim_are_gathered_only_for_a_both_sides_claim() -> None:
    claims = [_candidate("meeting", i, ["France", "Germany"]) for i in range(300)]
    claims += [_candidate("pledge", 300 + i, ["Spain"]) for i in range(300)]
    _Counted.reads = 0
    pair_actors(claims)
    assert _Counted.reads <= 2 * len(claims)  # every claim against every meeting: 600 x 300
    assert all([a.name for a in c.fields["actor"]] == ["Spain"] for c in claims[300:])
    both = _candidate("pledge", 301, ["Spain"], pair=True)
    pair_actors([claims[299], both])
    assert [a.name for a in both.fields["actor"]] == ["France", "Germany"]


def _scene(text: str, people: list[tuple[int, int]]) -> Scene:
    mentions = [Mention(s, e, Actor(text=text[s:e], name=text[s:e], kind=ActorKind.person)) for s, e in people]
    return Scene(text=text, sentences=[], actors=mentions, dates=[], quantities=[], places=[], cues=CueScan(text),
                 people=mentions)


_OFFICES = ("Defence Minister Ana Lopez met Mayor Luis Ruiz. Foreign Minister Marta Vega spoke. "
            "Ruiz, the mayor, left. The minister said so.")


@pytest.mark.parametrize("stem", ["minist", "mayor", "defence minist", "kanzl"])
@pytest.mark.parametrize("nested", [False, True])
def test_the_holders_read_once_are_those_each_title_reads(stem: str, nested: bool) -> None:
    names = ["Ana Lopez", "Luis Ruiz", "Marta Vega", "Ruiz"]
    spans = [(_OFFICES.index(n), _OFFICES.index(n) + len(n)) for n in names]
    spans[3] = (_OFFICES.index("Ruiz, the"), _OFFICES.index("Ruiz, the") + 4)
    if nested:  # a name inside another, ending before it: the ends are not in order
        spans.insert(1, (spans[0][0], spans[0][0] + 3))  # "Ana" inside "Ana Lopez"
    for before in range(len(_OFFICES) + 1):
        read_once = [m.start for m in coref.holders(_scene(_OFFICES, spans), stem, before)]
        each = [m.start for m in coref._read_holders(_scene(_OFFICES, spans), stem, before)]  # noqa: SLF001
        assert read_once == each, before
    scene = _scene(_OFFICES, spans)
    assert [m.value.name for m in coref.holders(scene, "minist", len(_OFFICES))] == ["Marta Vega", "Ana Lopez"]
    assert (scene.held["minist"] is None) is nested
