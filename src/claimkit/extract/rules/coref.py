"""Who a title stands for: coreference by office.

News name an official once with title and name ("Defence Minister Margarita Robles",
"Bundeskanzler Friedrich Merz", "Minister obrony narodowej Władysław Kosiniak-Kamysz",
"Emmanuel Macron, the French president") and go on with the title alone, often
sentences later: "The minister warned ...", "Der Kanzler sagte ...", "Minister ostrzegł,
że ...", "the French president said ...". The title names the person last named with
that office, not whoever was named last: "Robles met Spanish Foreign Minister José
Manuel Albares ... The defence minister said ..." is Robles's.

A person *holds* an office when its word stands just before the name (within the
sentence and after any other person named before him: "President Macron and Chancellor
Merz", the chancellor is Merz) or in apposition just after it ("Merz, the chancellor,").
Words are compared folded, the title's last word cut to a stem ("minist", "ministr",
"kanzl"): gender and case endings aside ("la ministra" / "el ministro", "premier" /
"premiera", "ministar" / "ministra").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from itertools import pairwise
from operator import attrgetter

from claimkit.extract.rules.support import Mention, Scene
from claimkit.text import fold_case

__all__ = ["holders", "office_stem"]

#: the articles a bare title opens with ("*the* minister", "*der* Kanzler", "*la* ministra")
_ARTICLES = frozenset({
    "the", "der", "die", "das", "le", "la", "les", "l'", "l’", "el", "il", "lo", "o", "a", "os",
})  # fmt: skip
#: a word at least this long loses its last two letters to its stem (an ending)
_STEMMED = 6
#: how far before a name its title may start ("French President Emmanuel Macron",
#: "la ministra de Defensa, Margarita Robles")
_BEFORE = 48
#: how far after a name a title in apposition may end ("Merz, the German chancellor,")
_AFTER = 32
#: where a sentence ends: no title beyond it belongs to the name
_ENDS = ".!?\n"


def office_stem(text: str, span: tuple[int, int]) -> str:
    """The folded office a bare title names, its article dropped and its last word cut to a
    stem: "The Prime Minister" -> "prime minist", "la ministra" -> "minist", "Der Kanzler"
    -> "kanzl"."""
    words = fold_case(text[span[0] : span[1]]).split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    elif words and words[0][:2] in ("l'", "l’"):
        words[0] = words[0][2:]
    if words and len(words[-1]) >= _STEMMED:
        words[-1] = words[-1][:-2]
    return " ".join(words)


def _window(text: str, lo: int, hi: int, *, before: bool) -> str:
    """The folded text of ``[lo, hi)`` cut at a sentence end: the part after the last one
    (``before``) or before the first."""
    part = fold_case(text[lo:hi])
    cut = [i for i in (part.rfind(c) if before else part.find(c) for c in _ENDS) if i >= 0]
    if not cut:
        return part
    return part[max(cut) + 1 :] if before else part[: min(cut)]


def _holds(text: str, m: Mention, stem: str, others: tuple[int, int]) -> bool:
    """The person of ``m`` is named with the office ``stem`` beside him (see the module),
    not beyond the people named before and after him (``others``: the end of the one
    before, the start of the one after)."""
    lo = max(others[0], m.start - _BEFORE, 0)
    hi = min(others[1], m.end + _AFTER, len(text))
    # the mention may hold its title ("ministro della Difesa Guido Crosetto")
    return stem in _window(text, lo, m.end, before=True) or stem in _window(text, m.end, hi, before=False)


def holders(scene: Scene, stem: str, before: int) -> Iterator[Mention]:
    """The mentions of people named before ``before`` with the office ``stem`` beside them,
    the last first (each name's own mention: "Merz" later names Friedrich Merz).

    Whether each person holds ``stem`` is read once per document (:func:`_holding`, kept in
    :attr:`Scene.held`), not again for every bare title after him: a long text's many
    titles cost each name one reading. When the people's ends are not in order (names
    that overlap), each title reads them as :func:`_read_holders` does."""
    if not stem:
        return
    if stem not in scene.held:
        scene.held[stem] = _holding(scene, stem)
    holding = scene.held[stem]
    if holding is None:
        yield from _read_holders(scene, stem, before)
        return
    everyone = scene.people
    named = bisect_right(everyone, before, key=_end)  # the people ending by ``before``: a prefix
    for i in reversed(holding[: bisect_left(holding, named)]):
        yield everyone[i]


def _holding(scene: Scene, stem: str) -> list[int] | None:
    """The indices of :attr:`Scene.people` who hold the office ``stem`` (:func:`_holds`, each
    between the person before and the one after), in order; None when the people's ends are
    not in order, so that those ending before a place are no prefix of them."""
    everyone, text = scene.people, scene.text
    if any(a.end > b.end for a, b in pairwise(everyone)):
        return None
    last = len(everyone) - 1
    return [i for i, m in enumerate(everyone)
            if _holds(text, m, stem, (everyone[i - 1].end if i else 0, everyone[i + 1].start if i < last else len(text)))]


def _read_holders(scene: Scene, stem: str, before: int) -> Iterator[Mention]:
    """:func:`holders` for people whose ends are not in order: each person ending before
    ``before`` read, the last first."""
    everyone: Sequence[Mention] = scene.people  # by start: those before ``before`` come first
    people = [m for m in everyone if m.end <= before]
    for i in range(len(people) - 1, -1, -1):
        previous_end = people[i - 1].end if i else 0
        next_start = everyone[i + 1].start if i + 1 < len(everyone) else len(scene.text)
        if _holds(scene.text, people[i], stem, (previous_end, next_start)):
            yield people[i]


#: a mention's end, for bisect
_end = attrgetter("end")
