"""Support code of the rules backend: mention and cue records, finders, claim merging."""

from __future__ import annotations

import datetime as dt
import logging
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from claimkit.extract.rules.cues import LanguageCues, mark_word_starts
from claimkit.extract.rules.text import Sentence
from claimkit.normalize._officials import NAME_PARTICLES
from claimkit.schemas import Actor, ActorKind, DateRef, Document, Quantity
from claimkit.text import drop_arabic_marks, fold_case_loose

__all__ = [
    "LOOKUP_MEMO",
    "Candidate",
    "CueScan",
    "Finders",
    "GazetteerLookups",
    "Hit",
    "Mention",
    "MergeRule",
    "Scene",
    "Site",
    "acting",
    "default_finders",
    "merge_candidates",
    "pair_actors",
    "seat_mentions",
    "within",
]

log = logging.getLogger("claimkit.extract.rules")


@dataclass(frozen=True)
class Mention:
    """A found thing (actor, date, quantity, city) with offsets into the text."""

    start: int
    end: int
    value: Any


def within(mentions: Sequence[Mention], lo: int, hi: int) -> Sequence[Mention]:
    """The mentions inside ``[lo, hi)`` of a list sorted by start (a slice: O(log n)).

    Mentions starting in the range but running past ``hi`` are left out.
    """
    i = bisect_left(mentions, lo, key=_start)
    j = bisect_left(mentions, hi, lo=i, key=_start)
    if i == j:
        return []  # most ranges asked about (a clause, a window before a cue) hold no mention
    return [m for m in mentions[i:j] if m.end <= hi]


#: a mention's start, for bisect (C: no Python call per step)
_start = attrgetter("start")


@dataclass
class Finders:
    actors: Callable[[str, str | None], list[Mention]]
    dates: Callable[[Document], list[Mention]]
    quantities: Callable[[str, str | None], list[Mention]]
    #: the gazetteer's actor for a canonical name ("Russia"), or None
    resolve: Callable[[str], Actor | None] = field(default=lambda name: None)
    #: whom a person speaks for (their country or organisation), or None
    speaks_for: Callable[[Actor], Actor | None] = field(default=lambda actor: None)
    #: whether the name at ``text[start:end]`` is written in an oblique case (text, start,
    #: end, language): "Францию", "Україні", not "Франция" nor "правительство Франции"
    governed: Callable[[str, int, int, str | None], bool] = field(default=lambda text, s, e, lang: False)
    #: the central bank of the country with an ISO 3166-1 alpha-2 code, or None
    central_bank: Callable[[str], Actor | None] = field(default=lambda code: None)
    #: the gazetteer's courtesy titles (``honorifics``: Mr, M., pan, Pak) of a language, as written
    honorifics: Callable[[str | None], frozenset[str]] = field(default=lambda language: frozenset())
    #: the gazetteer's nouns of a home body or an office (``actor_nouns``: "gobierno",
    #: "ministr") of a language, as written
    actor_nouns: Callable[[str | None], tuple[str, ...]] = field(default=lambda language: ())


@dataclass
class Hit:
    """A claim cue found in a clause: its offsets, claim type and language."""

    start: int
    end: int
    type: str
    lang: LanguageCues
    #: made of a modifier and an action cue ("may send"): the text between the two,
    #: where a negation counts ("will not send")
    gap: tuple[int, int] | None = None


class CueScan:
    """Where each (language, category) of cues matches in one document.

    Each category is scanned once over the whole text, the first time a
    sentence of that language asks (one compiled pattern, C speed, linear:
    the patterns have no unbounded part before a literal); clauses then look
    their matches up by offset (bisect), instead of running every pattern
    again on every clause. A language's matches are kept in a table of their
    own (category -> starts, ends and spans), so a lookup is two dictionary
    reads and two bisects, and a category without matches in the text answers
    at once. One category's matches never overlap (:meth:`LanguageCues.scan`
    goes on after a match's end), so their ends rise with their starts: the
    matches inside ``[start, end)`` are one slice, from the first starting at
    ``start`` or later to the last ending at ``end`` or before.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None
        self._marked: str | None = None
        #: the text the cues are matched in: ``text`` without Arabic vowel marks and tatweel
        #: (:func:`~claimkit.text.drop_arabic_marks`; cues are compiled without them too),
        #: and where each of its characters is in ``text`` (None: they are the same)
        self._plain = text
        self._at: list[int] | None = None
        self._tables: dict[str, dict[str, tuple[list[int], list[int], list[tuple[int, int]]]]] = {}
        self._any: dict[tuple[str, frozenset[str]], tuple[list[int], list[int], list[str]]] = {}

    def _table(self, lc: LanguageCues) -> dict[str, tuple[list[int], list[int], list[tuple[int, int]]]]:
        """Every category's matches of ``lc`` (scanned in one pass the first time)."""
        table = self._tables.get(lc.code)
        if table is None:
            if self._folded is None:
                dropped = drop_arabic_marks(self.text)
                self._plain, self._at = dropped if dropped else (self.text, None)
                self._folded = fold_case_loose(self._plain)
                self._marked = mark_word_starts(self._folded)
            scanned = lc.scan(self._plain, self._folded, self._marked)
            at = self._at
            if at is not None:  # spans of the text without vowel marks, back on the text
                scanned = {cat: [(at[s], at[e]) for s, e in spans] for cat, spans in scanned.items()}
            table = self._tables[lc.code] = {
                cat: ([s for s, _ in spans], [e for _, e in spans], spans)
                for cat, spans in scanned.items()
                if spans
            }
        return table

    def spans(self, lc: LanguageCues, category: str, start: int, end: int) -> list[tuple[int, int]]:
        """The matches of ``category`` in ``lc`` lying inside ``[start, end)``."""
        table = self._tables.get(lc.code)
        found = (self._table(lc) if table is None else table).get(category)
        if found is None:
            return []
        starts, ends, spans = found
        i = bisect_left(starts, start)
        return spans[i : bisect_right(ends, end, i)]

    def has(self, lc: LanguageCues, category: str, start: int, end: int) -> bool:
        """Whether a match of ``category`` in ``lc`` lies inside ``[start, end)``."""
        if start >= end:
            return False
        table = self._tables.get(lc.code)
        found = (self._table(lc) if table is None else table).get(category)
        if found is None:
            return False
        i = bisect_left(found[0], start)
        return i < len(found[1]) and found[1][i] <= end

    def has_any(self, lc: LanguageCues, categories: frozenset[str], start: int, end: int) -> bool:
        """Whether a match of one of ``categories`` in ``lc`` lies inside ``[start, end)``
        (:meth:`grouped` and a test of its keys, without building the lookup)."""
        starts, ends, _ = self._merged(lc, categories)
        i, j = bisect_left(starts, start), bisect_left(starts, end)
        # the matches starting in range, by start: any of them may end before ``end``
        return i < j and min(ends[i:j]) <= end

    def grouped(
        self, lc: LanguageCues, categories: frozenset[str], start: int, end: int
    ) -> dict[str, list[tuple[int, int]]]:
        """The matches of ``categories`` in ``lc`` lying inside ``[start, end)``, by category,
        each category's in order (what :meth:`spans` answers for each of them), as a
        plain dict made from one slice of the document's matches of all of them (one
        lookup for a clause, not one per category asked)."""
        starts, ends, cats = self._merged(lc, categories)
        out: dict[str, list[tuple[int, int]]] = {}
        for k in range(bisect_left(starts, start), bisect_left(starts, end)):
            e = ends[k]
            if e <= end:
                found = out.get(cats[k])
                if found is None:
                    out[cats[k]] = [(starts[k], e)]
                else:
                    found.append((starts[k], e))
        return out

    def _merged(self, lc: LanguageCues, categories: frozenset[str]) -> tuple[list[int], list[int], list[str]]:
        """The matches of ``categories`` in ``lc`` in one list by start: starts, ends and
        categories (built the first time a set of categories is asked)."""
        key = (lc.code, categories)
        found = self._any.get(key)
        if found is None:
            rows = sorted(
                (s, e, cat) for cat, (_, _, spans) in self._table(lc).items() if cat in categories for s, e in spans
            )
            found = self._any[key] = ([s for s, _, _ in rows], [e for _, e, _ in rows], [c for _, _, c in rows])
        return found


@dataclass(frozen=True)
class Scene:
    """One document's text, sentences and what the finders found in it."""

    text: str
    sentences: Sequence[Sentence]
    actors: Sequence[Mention]
    dates: Sequence[Mention]
    quantities: Sequence[Mention]
    places: Sequence[Mention]
    cues: CueScan
    #: capitals standing for their government ("Moscow said" -> Russia): the places
    #: with a ``seats`` entry that are no actor's name, valued as that actor
    seats: Sequence[Mention] = ()
    #: the spans of the text's datelines ("ANKARA, 18 Haziran 2026 (AA) –"): where a story
    #: was filed, no part of the sentence that follows
    datelines: Sequence[tuple[int, int]] = ()
    #: the compounds of country adjectives ("российско-турецкие", "Russian-Turkish"), each
    #: as its parts' country mentions: the sides of the talks they qualify
    compounds: Sequence[tuple[Mention, ...]] = ()
    #: whom each person actor of the text speaks for, by label
    speaks_for: Mapping[str, Actor] = field(default_factory=dict)
    #: the starts of the country names written in an oblique case in a language with
    #: cases ("Китаю Россия пообещала": to China), which no claim's subject is
    governed: frozenset[int] = frozenset()
    #: every person named, officials whose title names no group included ("Foreign
    #: Minister Paolo Rinaldi"): who a meeting's actor may be (:data:`actors` leaves those out)
    people: Sequence[Mention] = ()
    #: the country the article is at home in (:mod:`.home`), None when it cannot tell: whom a
    #: speaker named only by a title speaks for ("The foreign minister said ...")
    home: Actor | None = None
    #: the document's publication date
    published: dt.date | None = None
    #: the first day-precise date of a sentence in the lead (not a date line): what
    #: :func:`~claimkit.extract.rules.roles.story_date` needs, found once per document
    #: (:func:`~claimkit.extract.rules.roles.story_dates`)
    story: Mention | None = None
    #: the dateline's day when the lead names another after it (:attr:`story`): the day
    #: of what its other actors say (:func:`~claimkit.extract.rules.roles.story_choice`)
    filed: Mention | None = None
    #: the labels of the actors of :attr:`story`'s sentence, when :attr:`filed` is set
    story_actors: frozenset[str] = frozenset()
    #: who holds each office a bare title names, by the office's stem: the indices of
    #: :attr:`people` (:func:`~claimkit.extract.rules.coref.holders`), read once per document,
    #: not again for every title after them (None: the people's ends are not in order)
    held: dict[str, list[int] | None] = field(default_factory=dict, init=False, compare=False, repr=False)


@dataclass(frozen=True)
class Site:
    """Where a cue sits: its clause, its sentence (and index) and the sentence's languages."""

    clause: tuple[int, int]
    sentence: tuple[int, int]
    index: int
    langs: Sequence[LanguageCues]


@dataclass
class Candidate:
    type: str
    span: tuple[int, int]
    fields: dict[str, Any]
    sentence: int
    own_actor: bool
    spans: list[tuple[int, int]] = field(default_factory=list)
    #: merge-only keys: a keyword map's value after the cue (``pledge.what`` -> "troops"),
    #: by map, for merge rules with an ``object`` (not a field of the claim)
    objects: dict[str, str] = field(default_factory=dict)
    #: the actor is the hosts a ``host`` word names ("co-chaired by ..."): they lead the
    #: claim this mention joins
    hosted: bool = False
    #: the cue noun is determined as one already told of ("the meeting", "this summit",
    #: "このサミット", "cuộc họp này"): a restatement even when it names an actor of its own
    anaphoric: bool = False
    #: the date was found in the mention's own sentence (not the story's day before it)
    dated: bool = False
    #: the story's or the publication day, for a claim no date mention dates: given after
    #: restatements are merged (a headline's claim takes its lead's own date)
    story: DateRef | None = None
    #: the mention is the article's headline (its first line, no sentence): it tells in
    #: short a claim the body tells again
    headline: bool = False
    #: the cue stands inside quotation marks: a speaker's own words, which often say
    #: again what the sentence before reported ("Hungary refused ... 'We will not ...'")
    quoted: bool = False
    #: the claim's subject is "both sides" (양측, 双方, hai bên, kedua pihak, الجانبان), before
    #: any name in the clause: the two who met, not a name the clause goes on to give
    pair: bool = False
    #: that ``pair`` word names the two sides, not two people ("both sides", "the two
    #: countries", "les deux parties", 双方, 양국, "стороны подписали", the ``sides`` class;
    #: not "the two leaders", 両首脳): the countries or bodies of the two who met
    sides: bool = False
    #: which rule dated the mention (``clause``, ``sentence``, ``reported``, ``paragraph``,
    #: ``story``, ``publication``, ``none``): for the date bench
    #: (:meth:`~claimkit.extract.rules.backend.RulesBackend.date_paths`), not a claim field
    date_path: str = "none"


@dataclass(frozen=True)
class MergeRule:
    """When a later candidate of a type joins an earlier one (the ``merge`` list of a type).

    Attributes:
        same: join an earlier candidate whose fields of these names are all
            filled and equal (quantities compare by value and unit, actors by name).
        dates_agree: with ``same``: only when the dates do not differ.
        follow_up: join the previous candidate of the type when this one
            names no actor of its own and is at most this many sentences later
            (with ``same``: and those fields are equal).
        without: with ``follow_up``: only when this field is empty.
        agree: only when these fields do not differ (each empty on one side, or equal):
            a follow-up "video call" is not the summit before it.
        apart: with ``follow_up``: a mention that does not point back with an anaphor
            ("the talks") joins only when these fields do not differ: "the next summit
            will be held in December" (scheduled) is not the talks just held.
        object: with ``same``: a keyword map (``pledge.what``) whose value between the
            cue and the clause's end must be found on both and equal: "refused to send
            troops" restates "will not send soldiers", not "blocked the sanctions".
    """

    same: tuple[str, ...] = ()
    agree: tuple[str, ...] = ()
    dates_agree: bool = False
    follow_up: int | None = None
    without: str | None = None
    object: str | None = None
    apart: tuple[str, ...] = ()


def merge_candidates(
    candidates: list[Candidate],
    rules: Mapping[str, Sequence[MergeRule]] | None = None,
) -> list[Candidate]:
    """Fold repeated statements of one claim into one claim with several spans.

    Articles repeat a claim (headline, lead, body); gold and users want it
    once, with every quote. Merged into an earlier candidate of the same type:

    * a later clause of the same sentence that names no actor of its own
      before its cue (the sentence goes on about the same claim), any type;
    * what the type's :class:`MergeRule` list allows (from the cue data): for
      meetings a mention in the same city (unless the dates differ) or one with
      no actor and no place within two sentences of the previous meeting ("The
      meeting focused on ..."); for pledges the same stated quantity.
    """
    rules = rules or {}
    candidates = _join_headlines(candidates)
    out: list[Candidate] = []
    index = _MergeIndex(out, rules)
    recent: dict[str, list[Candidate]] = {}  # per type, the claims a follow-up may still join
    for c in candidates:
        own = rules.get(c.type, ())
        near = recent.setdefault(c.type, [])
        target = index.earlier_match(c) or _follow_up(near, c, own) or _quote_restates(near, c)
        if target is None:
            out.append(c)
            index.add(len(out) - 1)
            near.append(c)
            continue
        target.spans.append(c.span)
        _fill_from(target, c)
        for key, obj in c.objects.items():
            target.objects.setdefault(key, obj)
        target.sentence = max(target.sentence, c.sentence)
        index.add(index.position(target))  # a new sentence, keys newly filled
        if not any(t is target for t in near):
            near.append(target)
    return out


#: how far into the text (characters) the lead a headline sums up may begin
HEADLINE_REACH = 800


#: how many sentences after a reported claim a quote may say it again
QUOTE_REACH = 2


def _quote_restates(near: list[Candidate], c: Candidate) -> Candidate | None:
    """The claim a quote says again in the speaker's words: the latest of its type at
    most :data:`QUOTE_REACH` sentences before, sharing an actor (or any, when the quote
    names none), of the same modality and not of another object ("Hungary refused to
    back the sanctions. 'We will not support measures that hurt us,' he said")."""
    if not c.quoted:
        return None
    for t in reversed(near):
        if c.sentence - t.sentence > QUOTE_REACH:
            break
        if _restates(c, t, headline=True) and all(c.objects.get(k) in (None, v) for k, v in t.objects.items()):
            return t
    return None


def _join_headlines(out: list[Candidate]) -> list[Candidate]:
    """A headline's claim joins the first claim of the body of its type that shares an
    actor with it (or any, when the headline names none) and no other object: the
    headline says in short what the lead says ("Budapest blocks sanctions" / "Hungary
    vetoed the package on Thursday"), so it joins a claim of the lead
    (:data:`HEADLINE_REACH`) that opens its sentence (the statement, not an aside after
    it), of the same modality, naming the same object when it names one. Done before
    the other merges, on each mention's own fields. The body's mention keeps its own fields (the
    headline's words are clipped: "Kyiv: France to send ..." names a topic, not an
    actor) and takes the headline's span and what it left empty."""
    heads = [c for c in out if c.headline]
    if not heads:
        return out
    firsts: dict[tuple[int, str], Candidate] = {}  # the first of each type in a sentence
    for c in out:
        if not c.headline and c.span[0] < HEADLINE_REACH:
            firsts.setdefault((c.sentence, c.type), c)
    joined: set[int] = set()
    for h in heads:
        body = next(
            (c for c in firsts.values() if c.type == h.type and _restates(h, c, headline=True)), None
        )
        if body is None:
            continue
        body.spans.append(h.span)
        for key, value in h.fields.items():
            if body.fields.get(key) in (None, [], ""):
                body.fields[key] = value
        # the claim's first mention names no actor: hosts named later lead it, as they
        # would had the headline been merged into ("Talks held in Istanbul" / "Ukraine and
        # Russia met ..." / "Turkey organised the meeting")
        body.own_actor = body.own_actor and bool(h.fields.get("actor"))
        joined.add(id(h))
    return [c for c in out if id(c) not in joined]


def _restates(head: Candidate, body: Candidate, *, headline: bool = False) -> bool:
    own = {_key(a) for a in head.fields.get("actor") or []}
    theirs = {_key(a) for a in body.fields.get("actor") or []}
    # a headline names whom a lead's statement with no actor found is about ("Mishustin
    # and Bektenov sign a gas deal" / "Gazprom undertakes to supply ..."); not a meeting
    # (no modality), where a lead's meeting with no actor is often another one
    if own and not own & theirs and not (headline and not theirs and "modality" in body.fields):
        return False
    a, b = head.fields.get("modality"), body.fields.get("modality")
    # a headline leaves conditions out ("Iraq rejects cuts" for "will not agree before
    # ..."): there, conditional agrees with any modality; firm and tentative differ
    # ..., and a quote may give the terms a report left out ("rejected sending troops" /
    # "'we will not take part without a UN mandate'"): firm and conditional agree there
    same_modality = (
        a == b
        or (headline and (a is None or b is None or "conditional" in (a, b)))
        or {a, b} == {"firm", "conditional"}
    )
    return same_modality and all(body.objects.get(k) == v for k, v in head.objects.items())


#: how many sentences after a meeting "both sides" may still stand for its participants
PAIR_REACH = 6


def pair_actors(
    candidates: Sequence[Candidate], speaks_for: Mapping[str, Actor] | None = None, home: Actor | None = None
) -> None:
    """A claim whose subject is "both sides" (``pair``) is made by the participants of the
    meeting reported last, within :data:`PAIR_REACH` sentences before it: "X called Y.
    Both sides agreed to coordinate sanctions" is X's and Y's pledge, not a name its
    clause gives later ("...the North's funds"). A ``sides`` word ("both sides", "the two
    countries", 双方, "стороны") stands for the two countries or bodies of the latest of
    those meetings that names two (:func:`_sides_of`: not "the meeting" restated by one
    side, nor its host alone); "the two leaders", or sides not known, for the people."""
    meetings: list[Candidate] = []
    for c in candidates:
        # the meetings within reach, looked for only for a pair word (not for every claim
        # of a long text)
        recent = [m for m in meetings if c.sentence - m.sentence <= PAIR_REACH] if c.pair else []
        if c.pair and not (recent and _own_meeting(c, recent[-1])):
            who = _pair_who(c, recent, meetings, speaks_for or {}, home)
            if len(who) >= 2:
                c.fields["actor"] = who
        if c.type == "meeting":
            meetings.append(c)


def _pair_who(
    c: Candidate, recent: Sequence[Candidate], meetings: Sequence[Candidate], speaks_for: Mapping[str, Actor],
    home: Actor | None,
) -> list[Actor]:
    """Whom the ``pair`` word of ``c`` stands for (:func:`pair_actors`): the sides or the
    participants of the ``recent`` meetings; with none, for a word of two people ("les deux
    présidents se retrouveront en novembre", paragraphs after their talks), the two people
    of the latest meeting of the article that names two."""
    if recent:
        sides = next((s for m in reversed(recent) if len(s := _sides_of(m, speaks_for, home)) == 2), [])
        return sides if c.sides and sides else _pair_of(recent[-1])
    if c.sides:
        return []
    for m in reversed(meetings):
        people = [a for a in _pair_of(m) if a.kind == ActorKind.person]
        if len(people) == 2:
            return people
    return []


def _own_meeting(c: Candidate, last: Candidate) -> bool:
    """``c`` is a meeting that names participants of its own, none of them one of the
    meeting before: the one "both sides" agreed to hold or attend, named by who takes
    part ("两国元首同意年内举行中法高级别对话": China and France; "Hai bên nhất trí phối hợp
    tại Hội nghị ASEAN": ASEAN), not by the two who agreed."""
    if c.type != "meeting":
        return False
    own = [a for a in c.fields.get("participants") or [] if isinstance(a, Actor)]
    if not own or {_key(a) for a in own} & {_key(a) for a in _pair_of(last)}:
        return False
    c.fields["actor"] = own
    return True


def _pair_of(meeting: Candidate) -> list[Actor]:
    seen: dict[Any, Actor] = {}
    for a in [*(meeting.fields.get("actor") or []), *(meeting.fields.get("participants") or [])]:
        if isinstance(a, Actor):
            seen.setdefault(_key(a), a)
    return list(seen.values())


def _sides_of(meeting: Candidate, speaks_for: Mapping[str, Actor], home: Actor | None) -> list[Actor]:
    """The two sides of ``meeting``: its participants, else its actors and participants,
    each person as whom it speaks for (:func:`_side_states`); none unless exactly two."""
    parts = [a for a in meeting.fields.get("participants") or [] if isinstance(a, Actor)]
    actors = [a for a in meeting.fields.get("actor") or [] if isinstance(a, Actor)]
    for group in (parts, [*actors, *parts]):
        sides = _side_states(group, speaks_for, home)
        if len(sides) == 2:
            return sides
    return []


def _side_states(group: Sequence[Actor], speaks_for: Mapping[str, Actor], home: Actor | None) -> list[Actor]:
    """The distinct countries or bodies ``group`` stands for: a country or body itself, a
    person whom they speak for ("Foreign Minister of Slovakia Juraj Blanár": Slovakia);
    one person speaking for no one known is the article's home country when no other of
    the group is ("Außenministerin Beate Meinl-Reisinger empfing ihren slowakischen
    Amtskollegen" in a paper of Vienna: Austria and Slovakia); none when more are unknown."""
    seen: dict[Any, Actor | None] = {}
    unknown = None
    for a in group:
        side = speaks_for.get(a.label) if a.kind == ActorKind.person else a
        if side is None and unknown not in (None, a.label):
            return []
        if side is None:
            unknown = a.label
        seen.setdefault(_key(side) if side is not None else None, side)
    if unknown is not None:
        if home is None or _key(home) in seen:
            return []
        seen[None] = home
    return [a for a in seen.values() if a is not None]


def _fill_from(target: Candidate, c: Candidate) -> None:
    """What a joining mention adds to the claim it restates: the fields the earlier
    mentions left empty, and the new items of a list an ``anaphoric`` mention names
    (participants: "Meloni also attended the meeting"); its hosts ("The meeting was
    co-chaired by Britain and Germany") when the claim named no hosts, and no actor of its
    own before its cue or was a headline's of no other date; and, in the same sentence,
    its actor when it names one in its own clause and the claim's came from elsewhere
    (another sentence, or a clause before): "The day before the meeting, Zelensky ... had
    a meeting with Macron" is Zelensky's; and anywhere, its actors when they add a speaker
    to the same groups ("Russia" restated as "Lavrov, Russia"); and a condition a
    restatement states (firm becomes conditional)."""
    for key, value in c.fields.items():
        known = target.fields.get(key)
        if known in (None, [], ""):
            target.fields[key] = value
        elif c.anaphoric and key != "actor" and isinstance(known, list) and isinstance(value, list):
            # "Meloni also attended the meeting": one more participant of it
            seen = {_key(v) for v in known}
            target.fields[key] = known + [v for v in value if _key(v) not in seen]
    if target.fields.get("modality") == "firm" and c.fields.get("modality") == "conditional":
        # "refused to attend" restated "will not take part while Hungary blocks the aid":
        # the fuller statement gives the terms
        target.fields["modality"] = "conditional"
    ta, ca = target.fields.get("actor"), c.fields.get("actor")
    if (isinstance(ta, list) and isinstance(ca, list) and len(ca) > len(ta)
            and _field_key(target, "actor") == _field_key(c, "actor")):
        target.fields["actor"] = ca  # "Russia" restated as "Lavrov, Russia": the speaker too
    if c.hosted and not target.hosted and (not target.own_actor or (target.headline and _same_day(target, c))):
        # "The meeting was co-chaired by X"; hosts or chairs named in a restatement of the
        # same day name a meeting a headline named by its subject or participants ("Libano,
        # la conferenza dei donatori" / "ospitata dall'Unione europea"), the guidelines'
        # first choice; not one the body's own sentence named ("France and Italy met")
        target.fields["actor"] = c.fields["actor"]
        target.hosted = True
    elif c.own_actor and not target.own_actor and c.sentence == target.sentence and c.fields.get("actor"):
        target.fields["actor"] = c.fields["actor"]
        target.own_actor = True


class _MergeIndex:
    """:func:`_earlier_match` over ``out`` by lookup, not by a scan of every earlier candidate.

    The answer is the latest earlier candidate of the type that is in the same
    sentence (when the new one names no actor of its own) or that a ``same``
    rule joins; both are looked up: the latest candidate per (type, sentence),
    and per (type, rule, values of the rule's fields) the candidates in order,
    the latest whose date agrees being the one. Linear in the candidates where
    the scan was quadratic (a 1 MB text spent minutes there). Candidates come
    in sentence order; otherwise, or with a field value that cannot be hashed,
    the scan is used, which gives the same answer.
    """

    def __init__(self, out: list[Candidate], rules: Mapping[str, Sequence[MergeRule]]) -> None:
        self.out = out
        self.rules = {t: [r for r in rs if r.same and r.follow_up is None] for t, rs in rules.items()}
        self.by_sentence: dict[tuple[str, int], int] = {}
        self.by_key: dict[tuple[str, int, Any], list[int]] = {}
        self.positions: dict[int, int] = {}  # id(candidate) -> its index in out
        self.scan = False
        self.latest = -1  # the latest sentence asked about
        #: the candidate :meth:`earlier_match` last keyed, and its key per rule: a candidate
        #: that joins nothing is added next, unchanged, and is not keyed twice
        self._keyed: tuple[Candidate, list[Any]] | None = None

    def position(self, c: Candidate) -> int:
        return self.positions[id(c)]

    def add(self, pos: int) -> None:
        """Index ``out[pos]`` (again, after a merge changed its sentence or fields)."""
        c = self.out[pos]
        self.positions[id(c)] = pos
        at = (c.type, c.sentence)
        self.by_sentence[at] = max(pos, self.by_sentence.get(at, -1))
        keyed, self._keyed = self._keyed, None
        keys = keyed[1] if keyed is not None and keyed[0] is c else self._keys(c)
        for i, key in enumerate(keys):
            if key is not None:
                found = self.by_key.setdefault((c.type, i, key), [])
                if pos not in found:
                    insort(found, pos)

    def _keys(self, c: Candidate) -> list[Any]:
        """:meth:`_key` of ``c`` for each ``same`` rule of its type, in order."""
        return [self._key(c, rule) for rule in self.rules.get(c.type, ())]

    def _key(self, c: Candidate, rule: MergeRule) -> Any:
        values = [_field_key(c, name) for name in rule.same]
        if rule.object is not None:
            values.append(c.objects.get(rule.object))
        if any(v is None for v in values):
            return None
        key = tuple(v if isinstance(v, _ActorKey) else _key(v) for v in values)
        try:
            hash(key)
        except TypeError:
            self.scan = True
            return None
        return key

    def earlier_match(self, c: Candidate) -> Candidate | None:
        self.scan = self.scan or c.sentence < self.latest
        self.latest = max(self.latest, c.sentence)
        if self.scan:
            return _earlier_match(self.out, c, self.rules.get(c.type, ()))
        best = -1
        if not c.own_actor:
            best = self.by_sentence.get((c.type, c.sentence), -1)
        keys = self._keys(c)
        self._keyed = (c, keys)
        for i, (rule, key) in enumerate(zip(self.rules.get(c.type, ()), keys, strict=True)):
            for pos in reversed(self.by_key.get((c.type, i, key), ()) if key is not None else ()):
                if pos <= best:
                    break
                if (not rule.dates_agree or _dates_agree(self.out[pos], c)) and _agree(self.out[pos], c, rule.agree):
                    best = pos
                    break
        if self.scan:  # a value that cannot be hashed: the lookup may have missed it
            return _earlier_match(self.out, c, self.rules.get(c.type, ()))
        return self.out[best] if best >= 0 else None


def _earlier_match(
    out: Sequence[Candidate], c: Candidate, rules: Sequence[MergeRule]
) -> Candidate | None:
    for prev in reversed(out):
        if prev.type != c.type:
            continue
        if prev.sentence == c.sentence and not c.own_actor:
            return prev
        if any(
            r.same
            and r.follow_up is None
            and _same(prev, c, r.same, r.dates_agree)
            and _same_object(prev, c, r.object)
            and _agree(prev, c, r.agree)
            for r in rules
        ):
            return prev
    return None


def _follow_up(
    near: list[Candidate], c: Candidate, rules: Sequence[MergeRule]
) -> Candidate | None:
    """The earlier claim a follow-up mention restates: one a ``follow_up`` rule lets it
    join, sharing the most with it (participants and other actors, place, date), the
    latest of those otherwise. A mention that names an actor of its own follows up only
    when ``anaphoric`` ("Meloni also attended the meeting"), and then its ``without``
    field may be filled when the claim's is empty or the same ("this summit could take
    place in Geneva" names the place of the meeting being arranged)."""
    reach = max((r.follow_up for r in rules if r.follow_up is not None), default=None)
    if reach is None or (c.own_actor and not c.anaphoric):
        return None
    near[:] = [t for t in near if c.sentence - t.sentence <= reach]
    best: tuple[int, int, int] | None = None
    found = None
    for order, t in enumerate(near):
        if not any(_follows(t, c, r) for r in rules):
            continue
        rank = (_shared(t, c), t.sentence, order)
        if best is None or rank > best:
            best, found = rank, t
    return found


def _follows(last: Candidate, c: Candidate, r: MergeRule) -> bool:
    if r.follow_up is None or c.sentence - last.sentence > r.follow_up:
        return False
    if r.without is not None and c.fields.get(r.without) is not None:
        own = last.fields.get(r.without)
        if not c.anaphoric or (own is not None and _key(own) != _key(c.fields[r.without])):
            return False
    return (
        (not r.same or _same(last, c, r.same, r.dates_agree))
        and (not (c.anaphoric and c.dated) or _dates_agree(last, c))
        and not (c.dated and last.dated and _later(last, c))
        and _same_object(last, c, r.object)
        and _agree(last, c, r.agree)
        and (c.anaphoric or _agree(last, c, r.apart))
    )


def _shared(a: Candidate, b: Candidate) -> int:
    """How many of the actors, places and (own) dates of ``b`` ``a`` names too."""

    def labels(c: Candidate) -> set[Any]:
        found: set[Any] = set()
        for name, value in c.fields.items():
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, Actor) or (isinstance(v, str) and v):
                    found.add((name, _key(v)) if isinstance(v, str) else _key(v))
                elif isinstance(v, DateRef) and c.dated:
                    found.add(_key(v))
        return found

    return len(labels(a) & labels(b))


def _same(a: Candidate, b: Candidate, names: Sequence[str], dates_agree: bool) -> bool:
    for name in names:
        va, vb = _field_key(a, name), _field_key(b, name)
        if va is None or vb is None or (va if isinstance(va, _ActorKey) else _key(va)) != (
            vb if isinstance(vb, _ActorKey) else _key(vb)
        ):
            return False
    return not dates_agree or _dates_agree(a, b)


class _ActorKey(tuple[str, ...]):
    """The actor of a claim as the merge rules compare it (:func:`_field_key`)."""


def _field_key(c: Candidate, name: str) -> Any:
    """A field's value for the ``same`` rules; the actor as the groups it names: a speaker
    and the country he speaks for ("Lavrov, Russia") state the claim the country states
    ("Russia"), so their restatements join. Persons count only when no group is named."""
    value = c.fields.get(name)
    if name == "actor" and value == []:
        return None  # two claims whose actor is unknown are not known to be one actor's
    if name != "actor" or not isinstance(value, list) or not value:
        return value
    actors = [a for a in value if isinstance(a, Actor)]
    groups = [a for a in actors if a.kind != ActorKind.person] or actors
    return _ActorKey(sorted({a.label.casefold() for a in groups}))


def _same_object(a: Candidate, b: Candidate, key: str | None) -> bool:
    if key is None:
        return True
    va, vb = a.objects.get(key), b.objects.get(key)
    return va is not None and va == vb


def _later(a: Candidate, b: Candidate) -> bool:
    """``b``'s date is after ``a``'s (neither contains the other): a mention dated after a
    meeting is another one ("they agreed to meet again in October")."""
    da, db = a.fields.get("date"), b.fields.get("date")
    if da is None or db is None:
        return False
    va, vb = str(da.value), str(db.value)
    return not va.startswith(vb) and not vb.startswith(va) and vb > va


def _dates_agree(a: Candidate, b: Candidate) -> bool:
    da, db = a.fields.get("date"), b.fields.get("date")
    return da is None or db is None or da.value == db.value


def _same_day(a: Candidate, b: Candidate) -> bool:
    """No two dates given, or the same: :func:`_dates_agree`, and two dates left unresolved
    (no year known) the same only when written the same ("hôm 2/3" is no "ngày 10/4")."""
    da, db = a.fields.get("date"), b.fields.get("date")
    if da is None or db is None:
        return True
    return da.value == db.value and (da.value is not None or da.raw == db.raw)


def _agree(a: Candidate, b: Candidate, names: Sequence[str]) -> bool:
    for name in names:
        va, vb = a.fields.get(name), b.fields.get(name)
        if va is not None and vb is not None and _key(va) != _key(vb):
            return False
    return True


def _key(value: Any) -> Any:
    if isinstance(value, DateRef):
        return value.value
    if isinstance(value, Quantity):
        return (value.value, value.unit)
    if isinstance(value, Actor):
        return value.label.casefold()
    if isinstance(value, list):
        return tuple(_key(v) for v in value)
    return value


# ------------------------------------------------------------------- finders


def full_name(label: str) -> bool:
    """``label`` is written as a person's full name: two to five words, each capitalised
    (in a script with capitals) or a name particle (``NAME_PARTICLES``, the officials
    finder's: "Luiz Inácio Lula da Silva", "Ursula von der Leyen")."""
    words = label.split()
    return 2 <= len(words) <= 5 and all(
        (w[:1].isupper() and not w.isupper()) or w in NAME_PARTICLES or _particle_joined(w) for w in words
    ) and words[0] not in NAME_PARTICLES


def _particle_joined(word: str) -> bool:
    """A particle joined by a hyphen to a capitalised name ("al-Ansari", "el-Sisi")."""
    particle, _, rest = word.partition("-")
    return particle in NAME_PARTICLES and rest[:1].isupper()


def default_finders(gazetteer: Any) -> Finders:
    """Bind the normalize package's finders; degrade to none if it is missing."""

    def actors(text: str, language: str | None) -> list[Mention]:
        # the finder's own errors (a missing romanisation library included) are raised, not
        # taken for "no actors": a backend that silently finds no actor is worse than a stop
        if gazetteer is not None:
            found = gazetteer.find(text, language=language)
        else:
            from claimkit.normalize import find_actors

            found = find_actors(text, language=language)
        return [Mention(m.start, m.end, m.actor) for m in found]

    def dates(document: Document) -> list[Mention]:
        try:
            from claimkit.normalize import find_dates

            found = find_dates(
                document.text, published=document.published, language=document.language
            )
        except Exception as exc:  # noqa: BLE001 - a date-finder failure must not lose the claims
            log.warning("%s: dates not found (%s: %s)", document.id, type(exc).__name__, exc)
            return []
        return [Mention(m.start, m.end, m.date) for m in found]

    def quantities(text: str, language: str | None) -> list[Mention]:
        try:
            from claimkit.normalize import find_quantities

            found = find_quantities(text, language=language)
        except Exception as exc:  # noqa: BLE001 - as above: claims without quantities beat no claims
            log.warning("quantities not found (%s: %s)", type(exc).__name__, exc)
            return []
        return [Mention(m.start, m.end, m.quantity) for m in found]

    lookups = GazetteerLookups(gazetteer)
    gaz = gazetteer if hasattr(gazetteer, "governed") else None

    def governed(text: str, start: int, end: int, language: str | None) -> bool:
        if gaz is None:
            from claimkit.normalize import Gazetteer

            return Gazetteer.default().governed(text, start, end, language=language)
        return bool(gaz.governed(text, start, end, language=language))

    return Finders(
        actors=actors, dates=dates, quantities=quantities, resolve=lookups.resolve,
        speaks_for=lookups.speaks_for,
        governed=governed, central_bank=_central_banks(gazetteer), honorifics=_honorifics(gazetteer),
        actor_nouns=_actor_nouns(gazetteer),
    )


def _honorifics(gazetteer: Any) -> Callable[[str | None], frozenset[str]]:
    """Language -> the courtesy titles of ``gazetteer`` when it has them (``honorifics``),
    else of the bundled gazetteer; memoised."""
    memo: dict[str | None, frozenset[str]] = {}

    def honorifics(language: str | None) -> frozenset[str]:
        if language not in memo:
            from claimkit.normalize import Gazetteer

            gaz = gazetteer if hasattr(gazetteer, "honorifics") else Gazetteer.default()
            memo[language] = frozenset(gaz.honorifics(language))
        return memo[language]

    return honorifics


def _actor_nouns(gazetteer: Any) -> Callable[[str | None], tuple[str, ...]]:
    """Language -> the ``actor_nouns`` of ``gazetteer`` when it has them, else of the
    bundled gazetteer; memoised."""
    memo: dict[str | None, tuple[str, ...]] = {}

    def actor_nouns(language: str | None) -> tuple[str, ...]:
        if language not in memo:
            from claimkit.normalize import Gazetteer

            gaz = gazetteer if hasattr(gazetteer, "actor_nouns") else Gazetteer.default()
            memo[language] = tuple(gaz.actor_nouns(language))
        return memo[language]

    return actor_nouns


def _central_banks(gazetteer: Any) -> Callable[[str], Actor | None]:
    """Country code -> its central bank, memoised; from ``gazetteer`` when it can
    (``central_bank``), else the bundled gazetteer."""
    banks: dict[str, Actor | None] = {}

    def central_bank(code: str) -> Actor | None:
        if code not in banks:
            from claimkit.normalize import Gazetteer

            banks[code] = (gazetteer if hasattr(gazetteer, "central_bank") else Gazetteer.default()).central_bank(code)
        return banks[code]

    return central_bank


def acting(found: Sequence[Mention], speaks_for: Mapping[str, Actor]) -> list[Mention]:
    """The mentions that may act in a claim of any type: an official in no gazetteer only
    when a title says whom they speak for (``speaks_for``, by label: else the name as
    written would replace the country a pledge is scored on) or when written as a full
    name in capitals ("O ministro da Fazenda, Fernando Haddad, ...": a lone surname or a
    run of words after a title is too often no name); every other mention."""
    return [m for m in found if m.value.resolved or m.value.kind != ActorKind.person
            or m.value.label in speaks_for or full_name(m.value.label)]


#: how many distinct names, and officials as written, a backend remembers the gazetteer's
#: answer for (:class:`GazetteerLookups`): past it the memo starts again, so a process that
#: reads page after page does not grow with the names it has met (an entry, its key
#: included, takes 0.1-0.15 KB: at most some 30 MB for the two), like the gazetteer's own
LOOKUP_MEMO = 100_000


class GazetteerLookups:
    """Name -> actor (:meth:`resolve`) and person or office -> whom they speak for
    (:meth:`speaks_for`), memoised, at most ``size`` entries each (:data:`LOOKUP_MEMO`
    when None); from ``gazetteer`` when it can (``resolve``, ``affiliation``,
    ``lookup``), else the bundled gazetteer."""

    def __init__(self, gazetteer: Any, size: int | None = None) -> None:
        from claimkit.normalize import Gazetteer

        self._gaz = gazetteer if hasattr(gazetteer, "resolve") else Gazetteer.default()
        self.size = LOOKUP_MEMO if size is None else size
        self.names: dict[str, Actor | None] = {}
        self.persons: dict[str, Actor | None] = {}

    def resolve(self, name: str) -> Actor | None:
        """The gazetteer's actor named ``name``, or None when it resolves to none."""
        names = self.names
        if name not in names:
            found: Actor = self._gaz.resolve(name)
            if len(names) >= self.size:
                names.clear()
            names[name] = found if found.resolved else None
        return names[name]

    def speaks_for(self, actor: Actor) -> Actor | None:
        """The gazetteer's actor ``actor`` speaks for (a country or an organisation), or None."""
        # an official in no gazetteer speaks for the country their title names, as written
        key = actor.label if actor.resolved or actor.kind is None else f"{actor.text}\0{actor.label}"
        persons = self.persons
        if key not in persons:
            found = self._speaks_for(actor)
            if len(persons) >= self.size:
                persons.clear()
            persons[key] = found
        return persons[key]

    def _speaks_for(self, actor: Actor) -> Actor | None:
        from claimkit.normalize import country_name

        gaz = self._gaz
        code = gaz.affiliation(actor) if hasattr(gaz, "affiliation") else None
        if code is None and actor.kind == ActorKind.organisation and hasattr(gaz, "lookup"):
            # an office that stands for its government: "the Kremlin", "the White House"
            entry = gaz.lookup(actor.name or actor.text)
            code = getattr(entry, "affiliation", None) if entry is not None else None
        name = (country_name(code) or code) if code else None
        return self.resolve(name) if name else None


def seat_mentions(
    places: Sequence[Mention], actors: Sequence[Mention], seat_of: Callable[[str], str | None],
    resolve: Callable[[str], Actor | None],
) -> list[Mention]:
    """The places that may stand for the government seated there, as that actor.

    "Moscow said", "Washington refused", "Париж заявил": the capital is the
    country acting. A place inside an actor's name is left out; whether the
    name is governed by a preposition ("in Moscow") is the caller's test.
    """
    out = []
    for p in places:
        name = seat_of(p.value)
        actor = resolve(name) if name else None
        if actor is not None and not _covered(actors, p):
            out.append(Mention(p.start, p.end, actor))
    return out


def _covered(actors: Sequence[Mention], p: Mention) -> bool:
    i = bisect_left(actors, p.start, key=_start)
    return any(a.start < p.end and p.start < a.end for a in actors[max(0, i - 3) : i + 3])
