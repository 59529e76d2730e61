"""How the rules backend fills a claim's fields: the subject and field roles (the
modality: :mod:`.modality`).

A claim type's cue data gives each field a *role* (``"recipient": {"role":
"actor_after", "kind": "country"}``); fields a type does not declare get one
derived from their annotation (see :mod:`.spec`). The roles:

``actors_after``
    the distinct actors after the cue in the clause (not the subject);
    ``inside_cue``: also actors inside a gapped cue ("a frappé la Russie de
    sanctions").
``actor_after``
    the first of those; ``kind``: only actors of that kind (``country``).
``actors``
    every distinct actor of the ``scope`` (``sentence`` or ``clause``).
``place``
    the place nearest the cue in the clause, else in the sentence (canonical
    English name, from :func:`claimkit.normalize.find_places`).
``quantity``
    the first quantity with a unit in the clause.
``count``
    the first quantity in the sentence counted in ``units`` (countries,
    leaders, participants, ...).
``keywords``
    the value of the type's keyword map (``"fields"`` of each language) that
    matches: ``scope`` is a list of places tried in turn (``cue``, ``after``
    the cue in the clause, ``clause``, ``sentence``); ``pick`` ``first`` (the
    earliest keyword) or ``order`` (the first value, in ``order`` or the
    field's own order, with a keyword anywhere there); else ``default_if``
    (``{"location": "in_person"}``: that value when that field is filled),
    else ``default``.
``modifier``
    ``values[0]`` when a ``modifier`` cue (``future``, ``hedge``, ...) is in the
    ``scope``, else ``values[1]``.
``none``
    left empty (free text such as ``condition``).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice, pairwise
from operator import attrgetter
from typing import Any, NamedTuple

from claimkit.extract.rules.coref import holders, office_stem
from claimkit.extract.rules.cues import LanguageCues
from claimkit.extract.rules.modality import any_cue
from claimkit.extract.rules.story import in_headline
from claimkit.extract.rules.support import CueScan, Hit, Mention, Scene, Site, within
from claimkit.extract.rules.text import Sentence
from claimkit.schemas import Actor, ActorKind, DateRef, DateResolution, Quantity

__all__ = [
    "ACTOR_SOURCES",
    "ACTOR_SOURCE_NAMES",
    "DEFAULT_KEYWORD_SCOPE",
    "ROLE_OPTIONS",
    "ROLE_SHAPES",
    "SCOPES",
    "SPEAKING_KINDS",
    "Ctx",
    "FieldRule",
    "Memo",
    "fill",
    "nearest",
    "quoted",
    "story_choice",
    "story_date",
    "subject_of",
    "with_group",
    "with_speaker",
]

#: where the actor of a claim is looked for, in turn (see :func:`subject_of`)
ACTOR_SOURCES = ("before_cue", "earlier_in_sentence", "after_cue", "previous_sentence")
#: every source a type may list in ``actor_from``: ``host`` (the names next to a ``host``
#: word of the sentence: "chaired by", "co-chaired", 主持, "chủ trì"), ``cue_owner`` (the
#: names owning the cue noun: "Putin and Zelensky's meeting", "the summit of the coalition")
#: and ``people`` (the people named up to the end of the cue's clause: "X met his Lithuanian
#: counterpart Y") only when asked for
ACTOR_SOURCE_NAMES = ("host", "cue_owner", "people", *ACTOR_SOURCES)
#: the places a role looks in (see :func:`_scope`)
SCOPES = ("cue", "after", "clause", "sentence")
#: where a derived keyword field looks, in turn
DEFAULT_KEYWORD_SCOPE = ("cue", "clause", "sentence")
_COUNT_UNITS = (
    "countries", "country", "nations", "states", "people", "leaders", "participants",
    "members", "delegations", "chiefs", "ministers", "heads",
)  # fmt: skip
_ANY = frozenset({"actors", "actor", "quantity", "choice", "text", "date", "other"})
#: the field shapes (see :func:`claimkit.extract.rules.spec.field_shape`) each role can fill
ROLE_SHAPES: dict[str, frozenset[str]] = {
    "actors_after": frozenset({"actors"}),
    "actor_after": frozenset({"actor"}),
    "actors": frozenset({"actors"}),
    "place": frozenset({"text"}),
    "quantity": frozenset({"quantity"}),
    "count": frozenset({"quantity"}),
    "keywords": frozenset({"choice", "text"}),
    "modifier": frozenset({"choice", "text"}),
    "none": _ANY,
}
#: the options each role takes
ROLE_OPTIONS: dict[str, frozenset[str]] = {
    "actors_after": frozenset({"inside_cue"}),
    "actor_after": frozenset({"kind", "inside_cue"}),
    "actors": frozenset({"scope"}),
    "place": frozenset(),
    "quantity": frozenset({"scope"}),
    "count": frozenset({"scope", "units"}),
    "keywords": frozenset({"scope", "pick", "order", "default", "default_if"}),
    "modifier": frozenset({"modifier", "scope", "values"}),
    "none": frozenset(),
}


@dataclass(frozen=True)
class FieldRule:
    """How one field of one claim type is filled.

    Attributes:
        type: the claim type.
        field: the field name.
        role: one of :data:`ROLE_SHAPES`.
        options: the role's options from the cue data (``kind``, ``scope``, ...).
        choices: the values the field accepts (Literal or Enum), if limited.
    """

    type: str
    field: str
    role: str
    options: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    choices: tuple[str, ...] | None = None

    @functools.cached_property
    def keyword_plan(self) -> tuple[str, tuple[str, ...], bool]:
        """For a ``keywords`` role, read once: the keyword map (``type.field``), the
        scopes tried in turn and whether the value is picked by ``order``."""
        scopes = self.options.get("scope", DEFAULT_KEYWORD_SCOPE)
        names = (scopes,) if isinstance(scopes, str) else tuple(scopes)
        by_order = self.options.get("pick", "first") == "order"
        return f"{self.type}.{self.field}", tuple(str(n) for n in names), by_order

    @functools.cached_property
    def count_units(self) -> frozenset[str]:
        """For a ``count`` role, read once: the units counted, case-folded."""
        return frozenset(str(u).casefold() for u in self.options.get("units", _COUNT_UNITS))


class Memo:
    """What the candidates of one document share, built once for the document.

    A sentence holds about one claim, so what its candidates share saves little; what
    every candidate of the document asks is built here once: each keyword map's
    matches in one table (:class:`_Keywords`), the actors merged with the capitals
    that stand for a government (:func:`_named`), and whether a name may make a claim
    read in a language (:func:`_may_act`, a pure function of the name's place and the
    language).
    """

    __slots__ = ("_acts", "_keywords", "_published", "named", "scene", "shared")

    def __init__(self, scene: Scene) -> None:
        self.scene = scene
        #: the actors and the capitals that may stand for a government ("Moscow said"),
        #: by start: what :func:`_named` looks in (a capital naming a thing, "the Paris
        #: Summit", left out)
        self.named: Sequence[Mention] = _with_seats(scene)
        self._keywords: dict[tuple[str, tuple[str, ...]], _Keywords] = {}
        self._acts: dict[tuple[str, int, int], bool] = {}
        self._published: DateRef | None = None
        #: what the backend computes once per document for its candidates, by name
        #: (the dates not after publication)
        self.shared: dict[str, Any] = {}

    def keywords(self, key: str, langs: Sequence[LanguageCues]) -> _Keywords:
        """The table of the keyword map ``key`` in those of ``langs`` that have it."""
        codes = (key, tuple(lc.code for lc in langs))
        table = self._keywords.get(codes)
        if table is None:
            table = self._keywords[codes] = _Keywords(self.scene.cues, key, [lc for lc in langs if key in lc.fields])
        return table

    def publication(self) -> DateRef | None:
        """The publication day as a date of the claim: one for the document, which the
        candidates share; :meth:`claim_date` copies it for each claim that keeps it."""
        pub = self.scene.published
        if pub is None:
            return None
        if self._published is None:
            self._published = DateRef(value=pub.isoformat(), resolution=DateResolution.publication)
        return self._published

    def claim_date(self, ref: DateRef) -> DateRef:
        """``ref`` as the date of one claim: the publication day copied (claims do not share
        it; a copy costs more than the rest of a candidate's date, and most candidates that
        take it are merged into others first), any other date as it is."""
        return ref.model_copy() if ref is self._published else ref

    def may_act(self, hit: Hit, m: Mention) -> bool:
        """:func:`_may_act`, once per name and language."""
        key = (hit.lang.code, m.start, m.end)
        found = self._acts.get(key)
        if found is None:
            found = self._acts[key] = _may_act(self.scene, hit, m)
        return found


class Ctx(NamedTuple):
    """What a role filler sees: the document, the cue, its place, the claim so far (a
    tuple: one is made per claim)."""

    scene: Scene
    hit: Hit
    site: Site
    subject: Sequence[Actor]
    fields: Mapping[str, Any]
    memo: Memo


# ------------------------------------------------------------- subject, modality


def subject_of(
    memo: Memo, hit: Hit, site: Site, sources: Sequence[str] = ACTOR_SOURCES
) -> tuple[list[Actor], bool, bool]:
    """Who makes the claim, whether the clause names them before the cue, and whether
    they are the hosts a ``host`` word names (see :func:`_hosts`).

    ``sources`` are tried in turn (a type's ``actor_from``): ``before_cue``
    (the actors before the cue in the clause), ``earlier_in_sentence`` (the
    nearest one in an earlier clause), ``after_cue`` (the first after the cue
    in the clause: verb-first clauses, passives), ``previous_sentence`` (the
    first actor of the previous sentence: a pronoun subject).
    """
    scene, may_act = memo.scene, memo.may_act
    cs, ce = site.clause
    ss, _ = site.sentence
    in_clause = _named(memo, cs, ce)
    before = [a for a in in_clause if a.end <= hit.start]
    thanked = _thanked(memo, hit, site) or _passive_agent(memo, hit, site)
    if thanked:
        return _distinct(thanked), True, False
    subject: list[Actor] = []
    for source in sources:
        if source in _HOLDER_SOURCES:
            found = _HOLDER_SOURCES[source](memo, hit, site)
            if found:
                return _distinct(found), bool(before), source == "host"
        elif source == "before_cue":
            acting = _topic_over_embedded(memo, hit, site, [a for a in before if may_act(hit, a)])
            opening = _opening_subject(memo, hit, site)
            opening = _with_content_subject(memo, hit, opening, acting) or _auxiliary_subject(memo, hit, site, acting)
            subject = _distinct(opening or acting)
        elif source == "earlier_in_sentence":
            earlier = [a for a in _named(memo, ss, cs) if may_act(hit, a)]
            subject = _distinct(_first_subject(scene.text, earlier) if _verb_first(scene.text, site, hit)
                                else _last(earlier))
        elif source == "after_cue":
            inner = [a for a in _inner_names(memo, hit, ce) if may_act(hit, a)]
            after = inner or [a for a in in_clause if a.start >= _after_verb(hit) and may_act(hit, a)
                              and not _sent_to(scene, hit, a)]
            subject = _distinct(_titled(scene.text, after) or _inside_verb(scene.text, hit, in_clause, may_act))
        elif source == "previous_sentence" and site.index > 0:
            subject = _distinct(_previous_subject(memo, hit, site))
        if subject:
            break
    if not subject and memo.scene.people:
        # no country or group makes it: a person named before the cue speaks for himself,
        # an official whose title names no country included ("Ombudsman X warned")
        subject = _distinct([m for m in within(memo.scene.people, cs, hit.start) if may_act(hit, m)][:1])
    if "people" in sources:
        subject = _with_counterparts(memo, hit, site, subject)
    return subject, bool(before), False


#: Japanese and Korean: a name's topic particle (with a government word between: "日本政府は",
#: "정부는"; or the word for its side: "中国側は", "미국 측은") and its subject particle, as
#: they follow the name ("ポーランド側が", "중국 측이")
_TOPIC_MARK = {"ja": re.compile(r"(?:政府|当局|外務省|側)?[はも]"),
               "ko": re.compile(r"(?:\s?(?:정부|측))?(?:은|는|도)(?![가-힣])")}
_SUBJECT_MARK = {"ja": re.compile(r"側?が"), "ko": re.compile(r"(?:\s?측)?(?:이|가)(?![가-힣])")}


def _topic_over_embedded(memo: Memo, hit: Hit, site: Site, acting: list[Mention]) -> list[Mention]:
    """``acting`` without the subjects of clauses inside a Japanese or Korean sentence's
    object, when a topic before them states the claim: "日本政府は、インドが求めている追加支援には
    応じない" (the government will not grant the aid *India asks for*), "国連安保理は、ロシアが
    提出した決議案の採択を拒否した"; the topic may stand in an earlier clause of the sentence
    ("一方、日本政府は、…"), and may be a person ("木村防衛相は、ポーランド側が求めていた戦車の移転
    には「応じられない」と述べた": what he says is his, whatever follows the cue). A subject
    marked by が / 이·가 after the topic that closes no such clause stays ("日本政府は、中国が
    拒否したと述べた")."""
    code = hit.lang.code
    if code not in _TOPIC_MARK or not acting:
        return acting
    text, ss = memo.scene.text, site.sentence[0]
    named = [m for m in _named(memo, ss, hit.start) if memo.may_act(hit, m)]
    topic = min((m for m in [*named, *within(memo.scene.people, ss, hit.start)]
                 if _TOPIC_MARK[code].match(text, m.end)), key=attrgetter("start"), default=None)
    if topic is None:
        return acting
    kept = [m for m in acting if m.start < topic.end or not _embedded(code, text, m, hit.start)]
    return kept if kept else [topic]


#: a verb that closes a clause modifying the noun after it: "提出した決議案", "求めている追加",
#: "제안한 공동성명" (the resolution Russia submitted, the statement China proposed)
_ADNOMINAL = {
    "ja": re.compile(r"(?:た|る|ている|ていた|ない)[\u4e00-\u9fff\u30a0-\u30ff]"),
    "ko": re.compile(r"[가-힣](?:한|된|던|하는|했던) [가-힣]"),
}


def _embedded(code: str, text: str, m: Mention, cue: int) -> bool:
    """``m`` is the subject (が, 이·가) of a clause that modifies a noun before the cue."""
    mark = _SUBJECT_MARK[code].match(text, m.end)
    return mark is not None and _ADNOMINAL[code].search(text, mark.end(), cue) is not None


def _with_counterparts(memo: Memo, hit: Hit, site: Site, subject: list[Actor]) -> list[Actor]:
    """A meeting's subject with the people its clause names as the other side ("The
    Japanese prime minister held a phone call *with President Donald Trump*", "Szef
    francuskiej dyplomacji spotkał się *z ministrem Radosławem Sikorskim*",
    フランスの外相は*岩屋外相と*会談した): the guidelines name a meeting by the people
    who met, and a side named only by its title or country leaves the other the one
    named. Not a possessor ("Y's envoy"), nor who reports it ("said X")."""
    cs, ce = site.clause
    scene = memo.scene
    said = scene.cues.spans(hit.lang, "reporting", cs, ce)
    labels = {a.label for a in subject}
    found = [m for m in within(scene.people, cs, ce) if m.value.label not in labels
             and not _possessor(scene, (hit.lang,), m) and not _reported_by(m, said)]
    return subject + _distinct(found) if found else subject


def _reported_by(m: Mention, said: Sequence[tuple[int, int]]) -> bool:
    """The person stands right before or after a verb of saying ("毛宁说", "said X")."""
    return any(0 <= rs - m.end <= _REPORTER_GAP or 0 <= m.start - re_ <= _REPORTER_GAP for rs, re_ in said)


def _previous_subject(memo: Memo, hit: Hit, site: Site) -> list[Mention]:
    """The subject a clause that names none takes from the previous sentence: its first
    actor (a pronoun subject: "He warned ..."), or, when a ``both`` word stands before
    the cue ("the two leaders met", "les deux dirigeants se sont entretenus", "два
    лидера провели переговоры", 両首脳は…会談した) or right after a verb that opens its
    clause ("واجتمع الزعيمان"), every person named there ("Meloni and Zelensky arrived
    in Rome. The two leaders met ..."): the two it stands for."""
    prev = memo.scene.sentences[site.index - 1]
    named = _named(memo, prev.start, prev.end)
    if _both_subject(memo.scene, hit, site):
        # the people coordinated there, whatever joins them: と is "and" as well as "with"
        people = [m for m in named if m.value.kind == ActorKind.person]
        return people if len(people) > 1 else _two_sides(memo, hit, named)
    return [a for a in named if memo.may_act(hit, a)][:1]


#: the kinds of actor a "both sides" subject stands for when no two people are named
_SIDE_KINDS = (ActorKind.country, ActorKind.organisation, ActorKind.group)


def _two_sides(memo: Memo, hit: Hit, named: Sequence[Mention]) -> list[Mention]:
    """The two countries or bodies a ``both`` word ("both sides", "the two countries", 双方,
    両国, 양국, البلدان, "обе стороны", "iki ülke") stands for: exactly two distinct ones
    that may act in the sentence before, else exactly two named there in any role ("Trade
    between Vietnam and Cambodia rose ... Both sides pledged", 日本とフィリピンの貿易額);
    the one named when only one is (one of the two); none when more are (a wrong pair is
    worse than none)."""
    sides = [m for m in named if m.value.kind in _SIDE_KINDS]
    acting = [m for m in sides if memo.may_act(hit, m)]
    for group in (acting, sides):
        distinct = {m.value.label: m for m in reversed(group)}
        if len(distinct) == 2:
            return sorted(distinct.values(), key=_start)
    return acting[:1] if len({m.value.label for m in sides}) == 1 else []


#: how far after a verb that opens its clause its "both sides" subject may end
_BOTH_AFTER = 14


def _both_subject(scene: Scene, hit: Hit, site: Site) -> bool:
    """A ``both`` word ("the two leaders", "beide Seiten", 両首脳, الزعيمان) is the
    subject of the cue's clause: before the cue in it, or right after a cue that opens
    it (Arabic puts the verb first)."""
    cs, ce = site.clause
    return scene.cues.has(hit.lang, "both", cs, hit.start) or scene.cues.has(
        hit.lang, "both", hit.end, min(ce, hit.end + _BOTH_AFTER))


def _opening_subject(memo: Memo, hit: Hit, site: Site) -> list[Mention]:
    """The subject a verb-final language sets off with a comma at the head of the sentence:
    "Cumhurbaşkanı Erdoğan, İngiltere Başbakanı Starmer'ı kabul etti", "Türkiye, AB'nin
    yaptırımlarına katılmayacak", "Dışişleri Bakanı Fidan, Rus mevkidaşı Lavrov ile bir
    araya geldi". The sentence's first clause ends with a name that may act (at most one
    short word after it: "ise"), holds at most :data:`_OPENING_WORDS` words and no other
    name; the verb that ends the sentence is that name's, and the names of the later
    clauses before it are its objects ("Starmer'ı", "Lavrov ile")."""
    ss, cs = _after_dateline(memo.scene, site.sentence[0], site.clause[0]), site.clause[0]
    if not hit.lang.negation_after or hit.lang.boundary == "none" or cs <= ss:
        return []
    text = memo.scene.text
    comma = text.find(",", ss, cs)
    if comma < 0 or len(_WORD.findall(text, ss, comma)) > _OPENING_WORDS:
        return []
    names = _named(memo, ss, comma)
    if len(names) != 1 or not memo.may_act(hit, names[0]):
        return []
    if not _opening_tail(text[names[0].end : comma]):
        return []
    return [names[0]]


def _after_dateline(scene: Scene, start: int, clause: int) -> int:
    """Where a sentence starting at ``start`` begins past a dateline that opens it before
    the clause at ``clause`` ("ANKARA, 18 Haziran 2026 (AA) – Dışişleri Bakanı Hakan
    Fidan, ...": the sentence's subject opens after the dash, not with the place the
    story was filed from); ``start`` when no dateline opens it."""
    for s, e in scene.datelines:
        if start <= s < e <= clause and not scene.text[start:s].strip():
            return e
    return start


#: a name in the genitive: the subject of a Turkish nominalised clause ("Türkiye'nin ...
#: artırmayacağını söyledi": that Turkey will not raise)
_GENITIVE_NAME = re.compile(r"['’](?:n?[ıiuü]n)(?!\w)")


def _with_content_subject(memo: Memo, hit: Hit, opening: list[Mention], acting: Sequence[Mention]) -> list[Mention]:
    """An opening subject that is a person speaking for no one known ("Tarım Bakanı İbrahim
    Yumaklı, Türkiye'nin su salımını artırmayacağını söyledi"), with the names in the
    genitive after it in the clause: the subject of the clause the person states ("that
    Turkey will not"), as "Minister X said that Canada will not" names both. Not the
    subject of a condition before it ("AB'nin kotaları kaldırmaması halinde Türkiye'nin
    ... uygulayacağı": a ``condition`` word after the name, before the next one or the cue)."""
    if len(opening) != 1 or opening[0].value.kind != ActorKind.person:
        return opening
    if opening[0].value.label in memo.scene.speaks_for:
        return opening
    text = memo.scene.text
    owners = [m for m in acting if m.start > opening[0].end and _GENITIVE_NAME.match(text, m.end)]
    return [*opening, *(m for m, end in zip(owners, _clause_ends(text, owners, hit.start), strict=True)
                        if not memo.scene.cues.has(hit.lang, "condition", m.end, end))]


#: what joins two Turkish names as one subject ("Rusya'nın ve Çin'in")
_TR_AND = re.compile(r"\s*(?:,|ve|veya|ile)\s*")


def _clause_ends(text: str, names: Sequence[Mention], cue: int) -> list[int]:
    """For each of ``names`` (each in the genitive), where the clause it is the subject of
    may end: the next name not coordinated with it, else ``cue``."""
    ends = [cue] * len(names)
    for i in range(len(names) - 2, -1, -1):
        case = _GENITIVE_NAME.match(text, names[i].end)
        after = case.end() if case else names[i].end
        joined = _TR_AND.fullmatch(text, after, names[i + 1].start) is not None
        ends[i] = ends[i + 1] if joined else names[i + 1].start
    return ends


#: how many capitalised words may follow the name that opens a sentence, the rest of an
#: institution's name ("ABD *Hazine Bakanlığı*,", "Rusya *Dışişleri Bakanlığı*,")
_INSTITUTION_WORDS = 3


def _opening_tail(tail: str) -> bool:
    """What may follow the name of an opening subject before its comma: at most one short
    word ("ise"), or the capitalised rest of an institution's name it opens."""
    words = _WORD.findall(tail)
    if len(words) <= 1 and len(tail.strip()) <= 4:
        return True
    return len(words) <= _INSTITUTION_WORDS and all(w[0].isupper() for w in words)


def _auxiliary_subject(memo: Memo, hit: Hit, site: Site, acting: Sequence[Mention]) -> list[Mention]:
    """The names that open the clause right before its ``auxiliary``, when more names stand
    between it and the cue at the clause's end: "Frankreich hat *Polen* weitere
    Militärhilfe zugesagt" (France has promised Poland more military aid): German puts
    the object of a verb that ends its clause after the auxiliary, the subject before it.
    German only: in French or Italian the names after an auxiliary may open a clause of
    their own ("L'Italia ha fatto sapere che la Spagna è disposta ...": Spain offers)."""
    if len(acting) < 2 or hit.lang.code not in _AUXILIARY_BRACKET:
        return []
    text, cs = memo.scene.text, site.clause[0]
    if not _ARTICLE_GAP.fullmatch(text, cs, acting[0].start):
        return []
    aux = memo.scene.cues.spans(hit.lang, "auxiliary", acting[0].end, acting[-1].start)
    if not aux:
        return []
    s, e = aux[0]
    chain = [m for m in acting if m.end <= s]
    coordinated = all(_COORDINATED.fullmatch(text, a.end, b.start) for a, b in pairwise(chain))
    if coordinated and text[chain[-1].end : s].isspace() and any(m.start >= e for m in acting):
        return chain
    return []


#: languages whose clause puts a verb's objects between the auxiliary and the verb at its end
_AUXILIARY_BRACKET = frozenset({"de"})


#: at most this many words in a clause that only sets off the sentence's subject (a
#: title of several words and a name: "Enerji ve Tabii Kaynaklar Bakanı Alparslan Bayraktar")
_OPENING_WORDS = 8


#: a word, for counting the words after a cue in its clause
_WORD = re.compile(r"\w+")
#: what joins a cue noun's owner to it: "Putin's", "Rusya'nın", プーチンの, 푸틴의, 普京的
#: (a written mark: a name right before a noun is often its subject), then at most one
#: short modifier ("face-to-face", 対面, 直接, 정상)
_OWNS_CUE = re.compile(
    r"(?:['’][^\W\d_]{0,4}\s?|[の의的之]\s?)"
    r"(?:[^\W\d_][\w-]{0,15}\s|[\u30a0-\u30ff\u4e00-\u9fff\uac00-\ud7af]{1,4})?"
)
#: what joins two owners: a comma or a short lower-case word ("and", "und", "et", "và",
#: "dan", "и", "ve"), or と 和 与 及 과 와 و (Arabic writes "and" onto the next word); then an article ("and the", "et l'", "y la")
_COORDINATED = re.compile(
    r"\s*(?:[,、・&/]|[a-zà-ɏа-яёіїєґ]{1,3}|[と和与及과와و])\s*(?:[a-zà-ɏ]{1,3}(?:\s+|['’]))?"
)


#: how far from a ``host`` word its names may be ("Germany and France co-chaired",
#: "chaired by Germany and France", "do Anh và Đức đồng chủ trì", 由英国和德国共同主持)
_HOST_REACH = 30


def _hosts(memo: Memo, site: Site) -> list[Mention]:
    """The names a ``host`` word of the sentence gives: the chain of coordinated names
    ending within :data:`_HOST_REACH` characters before it ("Germany and the UK
    co-chaired", "do Anh và Đức đồng chủ trì", 英国和德国共同主持, 日本が主催), else the
    chain starting within that reach after it ("chaired by Germany", "под
    председательством Германии"); only the one after it for a ``host_after`` phrase,
    which names its host after it ("sous la présidence de", "برئاسة", "hosted by": "à
    Paris sous la présidence d'Emmanuel Macron" is no host Paris). Readers and gold name
    a meeting by its hosts or chairs when the article names them."""
    ss, se = site.sentence
    text = memo.scene.text
    named = _named(memo, ss, se)
    for lc in site.langs if named else ():
        for hs, he in memo.scene.cues.spans(lc, "host", ss, se):
            before = [] if _host_after(memo.scene, lc, hs, he) else _hosts_before(memo, lc, site, hs, named)
            if before:
                return before
            after = [m for m in named if he <= m.start <= he + _HOST_REACH]
            if after:
                first = _titled_host(memo, after[0]) or after[0]
                return _chain_after(text, first, [m for m in named if m.start >= first.end])
    return []


def _hosts_before(memo: Memo, lc: LanguageCues, site: Site, hs: int, named: Sequence[Mention]) -> list[Mention]:
    """The hosts named before a ``host`` word at ``hs`` (:func:`_hosts`): the people
    (:func:`_host_people`), else the chain of names ending within reach before it."""
    text = memo.scene.text
    people = _host_people(memo, lc, site.sentence[0], hs)
    if people:
        return people
    before = [m for m in named if hs - _HOST_REACH <= m.end <= hs and "," not in text[m.end : hs]]
    if before:
        return _chain_before(text, before[-1], reversed([m for m in named if m.end <= before[-1].start]))
    return []


#: how far a ``host_after`` phrase may start before its ``host`` word, or end after it
_HOST_AFTER_REACH = 30


def _host_after(scene: Scene, lc: LanguageCues, hs: int, he: int) -> bool:
    """The ``host`` word at ``hs``-``he`` is part of a ``host_after`` phrase."""
    return any(s < he and hs < e for s, e in scene.cues.spans(
        lc, "host_after", max(0, hs - _HOST_AFTER_REACH), he + _HOST_AFTER_REACH))


#: how many words of a title may stand between a country and the person after it
_HOST_TITLE_WORDS = 4


def _titled_host(memo: Memo, first: Mention) -> Mention | None:
    """The person a country named first after a ``host`` word is the title of ("برئاسة
    الرئيس *المصري* عبد الفتاح السيسي", "under the chairmanship of Egypt's President Abdel
    Fattah el-Sisi"): the person right after it, a few title words and no punctuation
    between; None when none is (the country hosts: "chaired by Germany")."""
    if first.value.kind != ActorKind.country:
        return None
    text = memo.scene.text
    for m in within(memo.scene.people, first.end, first.end + 2 * _HOST_REACH):
        gap = text[first.end : m.start]
        if any(c in gap for c in _TITLE_BREAKS) or len(_WORD.findall(gap)) > _HOST_TITLE_WORDS:
            return None
        return m
    return None


def _chain_after(text: str, first: Mention, later: Iterable[Mention],
                 joined: Callable[[str, int, int], object] = _COORDINATED.fullmatch) -> list[Mention]:
    """``first`` and the names of ``later`` (those after it, in order) that follow it, each
    joined to the one before by a coordinator alone (``joined`` of the text between:
    "Germany and the UK", "Norway, Sweden and Denmark"): the hosts after a ``host`` word,
    the thanked after ``thanks``, the agents after ``agent``, the sides after ``between``."""
    chain = [first]
    for m in later:
        if not joined(text, chain[-1].end, m.start):
            break
        chain.append(m)
    return chain


def _chain_before(text: str, last: Mention, earlier: Iterable[Mention]) -> list[Mention]:
    """The names of ``earlier`` (those before ``last``, the nearest first) that precede it,
    each joined to the one after by a coordinator alone, and ``last``: the hosts before a
    ``host`` word, the owners before a cue noun ("Putin and Zelensky's meeting")."""
    chain = [last]
    for m in earlier:
        if not _COORDINATED.fullmatch(text, m.end, chain[0].start):
            break
        chain.insert(0, m)
    return chain


#: how many words may stand between two people who host together ("X *and his Lao
#: counterpart* Y", "X *và Thứ trưởng Ngoại giao Lào* Y")
_PEER_WORDS = 8


def _host_people(memo: Memo, lc: LanguageCues, ss: int, hs: int) -> list[Mention]:
    """The people before a ``host`` word who host: the last within :data:`_HOST_REACH`
    characters before it, no comma between, and the people before that one with no
    punctuation and at most :data:`_PEER_WORDS` words between ("Deputy Foreign Minister
    X and his Lao counterpart Y co-chaired"; officials no gazetteer holds included):
    the guidelines name the hosts by their names, not the country of a title between."""
    text = memo.scene.text
    said = memo.scene.cues.spans(lc, "reporting", ss, hs)
    people = [m for m in within(memo.scene.people, ss, hs) if not _reported_by(m, said)]
    if not people or hs - people[-1].end > _HOST_REACH or "," in text[people[-1].end : hs]:
        return []
    chain = [people[-1]]
    for m in reversed(people[:-1]):
        gap = text[m.end : chain[0].start]
        if any(c in gap for c in _TITLE_BREAKS) or len(_WORD.findall(gap)) > _PEER_WORDS:
            break
        chain.insert(0, m)
    return chain


#: how far before a cue a verb of thanking reaches ("thanked Norway for pledging")
_THANKS_REACH = 60


def _thanked(memo: Memo, hit: Hit, site: Site) -> list[Mention]:
    """Who is thanked for the claim is who makes it, not who thanks: "Zelensky thanked
    Norway for pledging $1bn", "a remercié la Norvège d'avoir promis", "поблагодарил
    Норвегию за обещание", 感谢挪威承诺 -> Norway. The ``thanks`` verb comes within
    :data:`_THANKS_REACH` characters before the cue in its sentence, and the coordinated
    names right after it (an article apart) are the thanked; the one thanking (the
    subject) receives. Verb-first and verb-middle languages: in the verb-final ones the
    thanked stands elsewhere (ノルウェーに感謝した) and no list is given."""
    ss, _ = site.sentence
    text = memo.scene.text
    for _, te in memo.scene.cues.spans(hit.lang, "thanks", max(ss, hit.start - _THANKS_REACH), hit.start):
        after = [m for m in _named(memo, te, hit.start) if _ARTICLE_GAP.fullmatch(text, te, m.start)]
        if after:
            return _chain_after(text, after[0], _named(memo, after[0].end, hit.start))
    return []


#: how far before a cue the auxiliary of a passive may end (a space, a short adverb)
_PASSIVE_GAP = 8


def _passive_agent(memo: Memo, hit: Hit, site: Site) -> list[Mention]:
    """Who makes a claim stated in the passive: the names after an ``agent`` word after the
    cue, when a ``passive`` auxiliary stands right before it ("Ukraine was promised new air
    defence systems *by Germany*", "Ucrania fue advertida *por Rusia*", "l'Ukraine a été
    mise en garde *par la Russie*"); the subject before it is the recipient, the one
    warned. Not in verb-final languages, whose passives put the agent before the verb."""
    cs, ce = site.clause
    lc, text = hit.lang, memo.scene.text
    if lc.negation_after or "agent" not in lc.patterns:
        return []
    aux = memo.scene.cues.spans(lc, "passive", max(cs, hit.start - _PASSIVE_GAP - 12), hit.start)
    if not aux or len(_WORD.findall(text, aux[-1][1], hit.start)) > 1:
        return []
    for _, ae in memo.scene.cues.spans(lc, "agent", hit.end, ce):
        after = [m for m in _named(memo, ae, ce) if _ARTICLE_GAP.fullmatch(text, ae, m.start)]
        if after:
            return _chain_after(text, after[0], _named(memo, after[0].end, ce))
    return []


def _cue_owners(memo: Memo, hit: Hit, site: Site) -> list[Mention]:
    """The names owning the cue noun, with the names coordinated with them: before it with
    a possessive mark ("Putin and Zelensky's meeting", プーチンとゼレンスキーの対面会議,
    푸틴과 젤렌스키의 회담, 普京和泽连斯基的会晤), or after it with a ``genitive`` word of
    the cue's language ("the summit of the Coalition", "la réunion de l'OTAN"; not in a
    language that marks no genitive with a word, where a name after a verb is its object:
    "bertemu Trump"). A meeting's actor is who holds it, not who reports or arranges it
    ("Trump said he began arranging a meeting of Putin and Zelensky")."""
    scene = memo.scene
    text = scene.text
    cs, ce = site.clause
    named = _named(memo, cs, ce)
    before = [m for m in named if m.end <= hit.start]
    lc = hit.lang
    # a name made an adjective ("NATO'lu mevkidaşları": his NATO counterparts) owns nothing,
    # nor a name in an oblique case ("Kahire'de bir araya gelecek": meet in Cairo), written
    # with an ending or followed by an ``oblique`` word before the cue
    if before and _OWNS_CUE.fullmatch(text, before[-1].end, hit.start) and (
            _qualified(scene, lc, before[-1]) is None) and not _oblique_suffix(scene, lc, before[-1]) and not any(
            before[-1].end < e <= hit.start for _, e in scene.cues.spans(lc, "oblique", before[-1].start, hit.start)):
        return _chain_before(text, before[-1], reversed(before[:-1]))
    # a cue written in two parts ends in its object ("принял ... президента", "a reçu ...
    # le président"): the name after it is that object's, no owner of a meeting noun
    after = [m for m in named if m.start >= hit.end] if hit.gap is None and not _inner_names(memo, hit, ce) else []
    if not after or "genitive" not in lc.patterns or not _owned_by(scene, lc, hit.end, after[0].start):
        return []
    return _chain_after(text, after[0], after[1:])


#: how far from a meeting noun a compound of country adjectives naming its sides may stand
#: ("Следующий раунд *российско-турецких* консультаций", "sommet *franco-allemand*")
_COMPOUND_REACH = 40


def _compound_sides(memo: Memo, hit: Hit, site: Site) -> list[Mention]:
    """The countries a compound of country adjectives next to the meeting noun names, in
    a clause that names no one else: "Российско-турецкие переговоры пройдут в Анкаре",
    "засідання українсько-польської міжурядової комісії відбудеться", "Russian-Turkish
    talks were held", "polsko-ukraińskie konsultacje odbędą się": the sides that meet
    (:attr:`Scene.compounds`)."""
    scene = memo.scene
    cs, ce = site.clause
    if any(memo.may_act(hit, m) for m in _named(memo, cs, ce)) or within(scene.people, cs, ce):
        return []
    for parts in scene.compounds:
        s, e = parts[0].start, parts[-1].end
        if cs <= s and e <= ce and (0 <= hit.start - e <= _COMPOUND_REACH or 0 <= s - hit.end <= _COMPOUND_REACH):
            return list(parts)
    return []


#: how far after the meeting noun its ``between`` word may start (a space, an adjective:
#: "talks between", "direct talks between", "переговоры между")
_BETWEEN_REACH = 12


def _between(memo: Memo, hit: Hit, site: Site) -> list[Mention]:
    """The sides a ``between`` word names after the meeting noun: "talks between Macron
    and Scholz", "la rencontre entre Barrot et Wadephul", "Gespräche zwischen X und Y",
    "переговоры между Лавровым и Рубио", "cuộc hội đàm giữa Tô Lâm và Tập Cận Bình",
    "محادثات بين ماكرون وشولتس" -> the coordinated names right after it (an article
    apart). The guidelines name a meeting by its participants when no host is named;
    the first after the cue alone would be one side."""
    cs, ce = site.clause
    text = memo.scene.text
    for _, be in memo.scene.cues.spans(hit.lang, "between", hit.end, min(ce, hit.end + _BETWEEN_REACH)):
        after = [m for m in _named(memo, be, ce) if _joined(_ARTICLE_GAP, text, be, m.start)]
        if after:
            chain = _chain_after(text, after[0], _named(memo, after[0].end, ce),
                                 functools.partial(_joined, _COORDINATED))
            return chain if len(chain) > 1 else []
    return []


#: a given name the gazetteer's mention leaves out, before a surname it holds
#: ("Сергеем *Лавровым*", "Andreja *Plenkovića*": inflected given names are not aliases)
_GIVEN_NAME = re.compile(r"\s*[^\W\d_]+\s+$")


def _joined(gap: re.Pattern[str], text: str, lo: int, hi: int) -> bool:
    """``gap`` is all of ``text[lo:hi]``, or all but a capitalised given name before ``hi``."""
    if gap.fullmatch(text, lo, hi):
        return True
    given = _GIVEN_NAME.search(text, lo, hi)
    return given is not None and text[given.start():hi].strip()[:1].isupper() and gap.fullmatch(
        text, lo, given.start()) is not None


#: a case ending written after an apostrophe ("Kahire'de", "Moskova'dan")
_APOSTROPHE_SUFFIX = re.compile(r"['’][^\W\d_]+")


def _oblique_suffix(scene: Scene, lc: LanguageCues, m: Mention) -> bool:
    """The name carries an ``oblique`` case ending after an apostrophe ("Kahire'de": in
    Cairo), which no owner's genitive is ("Putin'in", "Putin's")."""
    word = _APOSTROPHE_SUFFIX.match(scene.text, m.end)
    return word is not None and any(e == word.end() for _, e in scene.cues.spans(lc, "oblique", m.start, word.end()))


def _people(memo: Memo, hit: Hit, site: Site) -> list[Mention]:
    """The people named from the sentence's start to the end of the cue's clause, one of
    them before the cue, officials whose title names no group included: "Italian Interior Minister X met Tunisian
    Foreign Minister Y", "X and his Slovenian counterpart Y met", "X traf ... den
    tunesischen Außenminister Y", "X встретился с министром Y". The guidelines name a
    meeting by its participants when it names no host, people by their names: their
    countries (the titles' adjectives) and a name governed by "with" are no less
    participants. Not a possessor ("Y's envoy met ..."): the one who meets is the envoy; nor
    who reports it, right before or after a ``reporting`` verb ("毛宁说，峰会...", "said X")."""
    scene = memo.scene
    lo, hi = site.sentence[0], site.clause[1]
    # a name set off by a comma after the clause is in apposition to its last words:
    # "... avec son homologue marocain, Karim Benali, ...", "con su homólogo, Martín Pérez"
    apposed = _APPOSED.match(scene.text, hi, site.sentence[1])
    people = within(scene.people, lo, site.sentence[1] if apposed else hi)
    if apposed:
        people = [m for m in people if m.end <= hi or m.start == apposed.end()]
    if not people or people[0].end > hit.start:
        return []  # nobody meets before the cue: "EU summits ... the threats posed by Trump"
    first = next((m for m in _named(memo, lo, hit.start) if memo.may_act(hit, m)), None)
    if first is not None and first.value.kind != ActorKind.person and first.end <= people[0].start:
        return []  # a group leads: "NATO防衛チーフスは、トランプ会議後の...協議"
    langs = (hit.lang,)
    said = scene.cues.spans(hit.lang, "reporting", lo, hi)
    found = [m for m in people if not _possessor(scene, langs, m) and not _reports(memo, hit, m, said, people)]
    last = max((m.end for m in found if m.end <= hit.start), default=hit.start)
    # the group that names the meeting, right before its noun, stays: "Fidan ... NATO
    # dışişleri bakanları toplantısına katılacak", "X will attend the NATO summit"; not a
    # place ("Ankara'da bir araya geldi") nor a person's own country ("바로 프랑스 외무장관과")
    groups = {g.label for m in found if (g := scene.speaks_for.get(m.value.label)) is not None}
    return found + [m for m in _named(memo, last, hit.start) if m.value.kind != ActorKind.person
                    and m.value.label not in groups and memo.may_act(hit, m)
                    and len(_WORD.findall(scene.text, m.end, hit.start)) <= _OWNER_WORDS]


def _reports(memo: Memo, hit: Hit, m: Mention, said: Sequence[tuple[int, int]], people: Sequence[Mention]) -> bool:
    """The person only reports the meeting: right before a verb of saying, unless he says
    it of himself (:func:`_says_of_self`), or right after one that no person stands
    before ("said Peskov"; not "Peskov said *Putin* is ready to meet Zelensky": Putin is
    the subject of what Peskov says)."""
    for rs, re_ in said:
        if 0 <= rs - m.end <= _REPORTER_GAP:
            return not _says_of_self(memo, hit, m, said)
        if 0 <= m.start - re_ <= _REPORTER_GAP and not any(0 <= rs - p.end <= _REPORTER_GAP for p in people):
            return True
    return False


def _says_of_self(memo: Memo, hit: Hit, m: Mention, said: Sequence[tuple[int, int]]) -> bool:
    """The person before a verb of saying says the meeting of himself: the clause it
    introduces opens with a ``pronoun`` ("Zelensky said *he* is ready to meet Putin",
    "Selenskyj sagte, *er* sei bereit, ...", "a déclaré qu'*il* était prêt à rencontrer")
    or, with its subject left out, with a ``readiness`` word ("заявил, что *готов*
    встретиться с Путиным", "dijo que está *dispuesto a* reunirse con", "powiedział, że
    jest *gotów* spotkać się z"), and names no one else before the cue. Who declares
    himself ready to meet another is one of the two who would meet; who reports another's
    readiness ("Peskov said Putin is ready to meet ...") is not."""
    scene = memo.scene
    for rs, re_ in said:
        if not 0 <= rs - m.end <= _REPORTER_GAP or re_ > hit.start:
            continue
        if any(_AUX_GAP.fullmatch(scene.text, re_, ps) for ps, _ in scene.cues.spans(hit.lang, "pronoun", re_, hit.start)):
            return True
        ready = scene.cues.spans(hit.lang, "readiness", re_, hit.start)
        if ready and len(_WORD.findall(scene.text, re_, ready[0][0])) <= _SELF_WORDS and not _named(
                memo, re_, ready[0][0]):
            return True
    return False


#: how many words may open a clause of saying before its ``readiness`` word, its subject
#: left out ("что", "que está", "di essere", "że jest")
_SELF_WORDS = 3


#: the sources of a meeting's actor that name who holds it (see :data:`ACTOR_SOURCE_NAMES`)
_HOLDER_SOURCES: dict[str, Callable[[Memo, Hit, Site], list[Mention]]] = {
    "host": lambda memo, hit, site: _hosts(memo, site),
    "cue_owner": lambda memo, hit, site: _cue_owners(memo, hit, site) or _between(memo, hit, site) or _compound_sides(
        memo, hit, site),
    "people": _people,
}


#: how many words may stand between a group and the meeting noun it names ("NATO
#: *defence ministers'* meeting", "NATO *dışişleri bakanları* toplantısı")
_OWNER_WORDS = 2


#: what sets off a name in apposition after a clause: a comma and a space
_APPOSED = re.compile(r"[,،、，] ?")
#: how far a reporting verb may stand from who reports (a space, a particle: 毛宁说, "X said")
_REPORTER_GAP = 3


def _inside_verb(text: str, hit: Hit, named: Sequence[Mention], may_act: Callable[[Hit, Mention], bool]) -> list[Mention]:
    """The name right after the first word of a cue written in two parts, an article
    apart: the subject after a verb in second place ("Im Streit mit Polen lehnte *Ungarn*
    die Öffnung der Grenze ab", "Am Montag sagte *Schweden* weitere Hilfe zu")."""
    first = _WORD.match(text, hit.start)
    if first is None or hit.gap is not None or hit.lang.negation_after:
        return []
    return [m for m in named if first.end() < m.start and m.end <= hit.end
            and _ARTICLE_GAP.fullmatch(text, first.end(), m.start) and may_act(hit, m)][:1]


def _inner_names(memo: Memo, hit: Hit, clause_end: int) -> list[Mention]:
    """The actors and people whose names start inside the cue, by start: a cue written in
    two parts around a name, a verb and its object ("استقبل وزير الخارجية المصري نظيره
    التركي": received the Egyptian foreign minister his Turkish counterpart; "a reçu ...
    le président"). The name inside is the verb's subject (the host), the one after the
    cue the object's (the guest), no owner of the cue."""
    lo = hit.start + 1
    inside = [*_named(memo, lo, clause_end), *within(memo.scene.people, lo, clause_end)]
    return sorted([m for m in inside if m.start < hit.end], key=_start)


def _sent_to(scene: Scene, hit: Hit, m: Mention) -> bool:
    """The name after the cue is governed by a ``dative`` preposition of the cue's language,
    an article apart: whom the claim's verb sends or gives to, whom it warns ("No
    enviaremos tropas *a Ucrania*", "Non daremo armi *a Israele*", "enviará ajuda *a
    Moçambique*"), never who makes it. A preposition that is also an article ("a" in
    Portuguese, "A Suécia comprometeu-se") is read so only after the cue, where the claim
    types' verbs take their objects: a subject after its verb stands after a verb of saying
    ("garantiu a Suécia"), not after one of sending."""
    if m.start <= hit.end:
        return False
    text = scene.text
    return any(_ARTICLE_GAP.fullmatch(text, e, m.start)
               for _, e in scene.cues.spans(hit.lang, "dative", max(hit.end, m.start - 12), m.start))


def _after_verb(hit: Hit) -> int:
    """Where a subject after the verb may start: after the cue, or inside the gap of a
    composed claim, which in verb-first languages holds it ("قررت قطر إرسال": decided
    Qatar to send)."""
    if hit.gap is not None and not hit.lang.negation_after:
        return hit.gap[0]
    return hit.end


#: what may stand between the country of a title and the person who holds it, in words
#: ("الرئيس المصري *عبد الفتاح* السيسي": a given name no alias holds)
_TITLE_WORDS = 3


def _titled(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The first mention, or the person it is the title of: a verb-first clause names its
    subject with the title first ("استقبل الرئيس المصري عبد الفتاح السيسي": received the
    Egyptian President Abdel Fattah el-Sisi), the country an adjective of the title; the
    person follows within :data:`_TITLE_WORDS` words, no punctuation between."""
    if not mentions:
        return []
    first = mentions[0]
    if len(mentions) > 1 and first.value.kind != ActorKind.person and mentions[1].value.kind == ActorKind.person:
        gap = text[first.end : mentions[1].start]
        if len(_WORD.findall(gap)) <= _TITLE_WORDS and not any(c in gap for c in _TITLE_BREAKS):
            return [mentions[1]]
    return [first]


#: marks that end a title before a name: a comma, a dash, a bracket, a full stop
_TITLE_BREAKS = ",،、，;:()-–—.。"


def _last(mentions: Sequence[Mention]) -> list[Mention]:
    """The last mention, or the person it is written right after: the country in
    "ドナルド・トランプ米大統領" (Donald Trump, US President) is his title, not a second actor."""
    if not mentions:
        return []
    last = mentions[-1]
    if len(mentions) > 1 and last.value.kind != ActorKind.person:
        person = mentions[-2]
        if person.value.kind == ActorKind.person and 0 <= last.start - person.end <= 1:
            return [person]
    return [last]


#: what may open a clause whose verb shares the sentence's subject: nothing, or up to
#: two short words ("and", "et a", "und", "и", "dan", "và", 并)
_SHARED_SUBJECT = re.compile(
    r"[\W_]*(?:(?:[^\W\d_]{1,4}[\W_]+){0,2}|[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af][\W_]*)"
)


def _verb_first(text: str, site: Site, hit: Hit) -> bool:
    """The cue's clause opens with its verb ("..., and warned that", "Trump, who ...,
    warned"): its subject is the sentence's, the first actor named, not the nearest
    (an object or a name in a relative clause). Not in verb-final languages."""
    if hit.lang.negation_after:
        return False
    return _SHARED_SUBJECT.fullmatch(text, site.clause[0], hit.start) is not None


def _first_subject(text: str, earlier: Sequence[Mention]) -> list[Mention]:
    """The first actor of ``earlier`` (the sentence's subject, :func:`_verb_first`), or the
    person whose title, as written before the name, holds it: "Il portavoce del *governo*,
    Alexei Rossi, ha avvertito", "L'ambasciatore russo a *Roma*, Ivan Sokolov, ha avvertito":
    the body or capital the title names is no subject, the title's holder is."""
    first = list(earlier[:1])
    for m in earlier[1:]:
        if m.value.kind != ActorKind.person or not first:
            continue
        written = m.value.text
        start = m.end - len(written)
        if start <= first[0].start and text[start : m.end] == written:
            return [m]
    return first


def _named(memo: Memo, lo: int, hi: int) -> Sequence[Mention]:
    """The actors named in ``[lo, hi)``, with the capitals that may stand for a government."""
    return within(memo.named, lo, hi)


def _with_seats(scene: Scene) -> Sequence[Mention]:
    """The document's actors and the capitals that may stand for a government, by start
    (an actor before a capital starting where it does): :attr:`Memo.named`."""
    seats = [m for m in scene.seats if not _ATTRIBUTIVE.match(scene.text, m.end)]
    if not seats:
        return scene.actors
    return sorted([*scene.actors, *seats], key=_start)


#: a mention's start, for sorting and bisecting
_start = attrgetter("start")


#: a capital naming a thing, not acting: "the Paris Summit", "the Washington Post",
#: "the Moscow format", 巴黎峰会, パリ会議, "Москва-Сити"
_ATTRIBUTIVE = re.compile(
    r"\s?[A-Z\u0410-\u042f]|-|(?i:\s(?:summit|conference|talks|format|process|agreement|accords?"
    r"|declaration|meeting|times|post)\b)|[峰会會議谈談協协条條宣首]|サミット|会議|会談|협정|회의|회담|정상"
)


#: the kinds of actor that speak for a country (the gazetteer's ``affiliation``): people,
#: and the offices that stand for a government ("the Kremlin", "the White House")
SPEAKING_KINDS = (ActorKind.person, ActorKind.organisation)


def with_group(scene: Scene, subject: list[Actor]) -> list[Actor]:
    """``subject`` with, after each person or office, the country or organisation they
    speak for.

    "Lavrov said Russia would not accept", "Trump ruled out sending troops", "the
    Kremlin warned": an official or an office states a claim for their government;
    readers and gold name one or the other, so both are given, the speaker first. A
    person beside a body of no state (a union, an alliance, an armed group) speaks for
    that body (:func:`_stateless`), and his country is not added.
    """
    if not scene.speaks_for or not any(a.kind in SPEAKING_KINDS for a in subject):
        return subject
    out: list[Actor] = []
    labels = {a.label.casefold() for a in subject}
    # a person saying what a body of no state will do speaks for it, not for his country
    # ("Abdul-Malik al-Houthi said the Houthis will not stop ...": no Yemen)
    body = any(_stateless(scene, a) for a in subject)
    for a in subject:
        out.append(a)
        group = scene.speaks_for.get(a.label) if a.kind in SPEAKING_KINDS else None
        if group is not None and body and a.kind == ActorKind.person and group.kind == ActorKind.country:
            continue
        if group is not None and group.label.casefold() not in labels:
            labels.add(group.label.casefold())
            out.append(group)
    return out


def _stateless(scene: Scene, actor: Actor) -> bool:
    """``actor`` is a body of no state a person may lead: an armed group or a movement
    (the gazetteer's groups: "Houthis", "Hamas"), or a body found by its shape that speaks
    for no country (a union, an association, a company); not an alliance or a union of
    states ("NATO", "ASEAN", "European Union"), whose members' officials speak for their
    countries."""
    if actor.kind == ActorKind.group:
        return True
    return actor.kind == ActorKind.organisation and not actor.resolved and _state_of(scene, actor) is None


#: what may stand between a preposition and the name it governs ("to the", "für die", "pour
#: l'"); an acronym is no article ("в МИД Киргизии": the ministry, not the country, is governed)
_ARTICLE_GAP = re.compile(r"\s*(?:(?![A-ZА-ЯЁЄІЇҐ]{2})[^\W\d_]{1,4}(?:\s+|['’]))?")
#: the rest of the noun phrase between a name and its postposition, in one word: a
#: compound (米軍を, ロシア連邦なしでは, 미군을) or a title and a name joined by の
#: (ヨルダン外務大臣のアイマン・サファディとの, オーストラリアの指導者との)
_COMPOUND_TAIL = re.compile(r"(?:[\u30a0-\u30ff\u4e00-\u9fff\uac00-\ud7af・]|の|의){0,24}")
#: what joins a possessor to the noun it owns: "Ukraine's", "Ukrayna'nın", "Ukraines",
#: ウクライナの, 우크라이나의, 乌克兰的, or nothing at all (乌克兰领土, ウクライナ領土); a
#: space alone does not ("Fransa bölgeye asker gönderecek": France sends to the region)
_OWNER_SUFFIX = re.compile(r"['’][^\W\d_]{0,4}\s?|s\s|[の의的之]\s?|")
#: how far from a name the noun it owns may start or end
_OWNED_REACH = 40
#: scripts whose noun compounds are written with a space, the owner first: Korean
#: "우크라이나 영토" (Ukraine's territory) is "우크라이나의 영토"; Turkish marks the owned
#: noun with a suffix instead, and "Fransa bölgeye" is France sending to the region
_SPACED_COMPOUNDS = frozenset({"hangul"})
#: the scripts of the cue lists (``script``) whose countries join their titles with no
#: space or with a particle ("加拿大总理", "カナダの首相", "튀르키예의 외무장관")
_UNSPACED_SCRIPTS = frozenset({"han", "kana", "hangul"})


def _may_act(scene: Scene, hit: Hit, m: Mention) -> bool:
    """The name may be who makes the claim: neither governed by a preposition nor a possessor.

    Read in the language of the cue that states the claim, not in every language the
    sentence may be in: Portuguese "O Canadá decidiu" holds the Polish preposition "o"
    ("about") only for a reader of Polish.
    """
    langs = (hit.lang,)
    if _impersonal_body(scene.text, hit.lang.code, m):
        return True  # "В МИД Кыргызстана заявили", "В Кремле предупредили": the body speaks
    if m.start in scene.governed:
        return False  # "Китаю Россия пообещала", "Ukrajini je Njemačka obećala": to China, to Ukraine
    return not _oblique(scene, langs, m) and not _possessor(scene, langs, m) and not _case_object(scene, hit.lang, m)


#: what may stand between a clause's subject and a ``case_article`` after it: words, no
#: clause mark ("Japan der Ukraine", "Deutschland hat dem Libanon")
_SUBJECT_GAP = re.compile(r"[^,;:.!?()\"„“”«»–—]{1,60}")


def _case_object(scene: Scene, lc: LanguageCues, m: Mention) -> bool:
    """The name follows a ``case_article`` (German "dem", "den", "der": dative or
    accusative) and another actor or person is named before the article in its clause,
    not joined to it by a ``coordinator``: that name is the subject, this one whom it
    gives to or speaks to ("dass Japan *der Ukraine* weitere Hilfe zusagte", "Frankreich
    hat *dem Libanon* Hilfe zugesagt"). "Der Iran sagte zu" has no name before it and
    keeps its subject; "Japan und der Iran" are both subjects, and so is "der Iran" after
    a name that is no subject (:func:`_may_be_subject`)."""
    text, scan = scene.text, scene.cues
    for s, e in scan.spans(lc, "case_article", max(0, m.start - 5), m.start):
        if not text[e : m.start].isspace() or scan.has(lc, "coordinator", max(0, s - 8), s):
            continue
        before = [b for found in (scene.actors, scene.people) for b in within(found, max(0, s - 60), s)]
        if any(b.end < s and _SUBJECT_GAP.fullmatch(text, b.end, s) and _may_be_subject(scene, lc, b) for b in before):
            return True
    return False


def _may_be_subject(scene: Scene, lc: LanguageCues, m: Mention) -> bool:
    """The name before a ``case_article`` may be its clause's subject: governed by no
    preposition ("nach dem Treffen *mit Scholz* sagte der Iran") and said by no
    ``reporting`` word before it ("*Laut Scholz* hat der Iran zugesagt")."""
    return not _oblique(scene, (lc,), m) and not any(
        scene.text[e : m.start].isspace() for _, e in scene.cues.spans(lc, "reporting", max(0, m.start - 12), m.start))


#: the impersonal reporting construction of Russian and Ukrainian: "в"/"у" and a body (a
#: word between: "в МИД", "в правительстве"), then, after at most two words of the body's
#: name, a plural past verb with no subject ("заявили", "пообещали", "отказались")
_IMPERSONAL_BEFORE = re.compile(r"(?:^|(?<=[\s«\"(„]))(?:[ВвУу]|[Вв]о)\s+(?:[^\W\d_][\w'’-]*\s+)?$")
_IMPERSONAL_AFTER = re.compile(r"(?:\s+[^\W\d_][\w'’-]*){0,2}?\s+[а-яёіїєґ'’]+[аеиоуяюыіїє]ли(?:сь)?(?![\w'’])")
_IMPERSONAL_LANGUAGES = frozenset({"ru", "uk"})


def _impersonal_body(text: str, lang: str, m: Mention) -> bool:
    """The name is the body of an impersonal report ("В МИД Кыргызстана заявили, что ...",
    "В Кремле предупредили о ...", "У МЗС Польщі заявили"): "in the ministry of X they
    said" is the body speaking, though "в" governs it."""
    if lang not in _IMPERSONAL_LANGUAGES:
        return False
    if _IMPERSONAL_BEFORE.search(text, max(0, m.start - 30), m.start) is None:
        return False
    return _IMPERSONAL_AFTER.match(text, m.end) is not None


def _oblique(scene: Scene, langs: Sequence[LanguageCues], m: Mention) -> bool:
    """The name is governed by a preposition ("troops to Ukraine", "支持向乌克兰"), or in
    verb-final languages followed by a postposition ("ウクライナに", "우크라이나에"; also
    after a compound's tail: 米軍を; Turkish writes the case after an apostrophe:
    "Ukrayna'ya", "Brüksel'de"): an object or a place, not who makes the claim.

    In a language written with spaces, the postposition ends its word: "우크라이나에는"
    and "Rusya'dan" are obliques, but a longer ending is not the listed one
    ("Rusya'nın", a genitive, is not the accusative "'ı": possessors are :func:`_possessor`'s).
    """
    text = scene.text
    for lc in langs:
        if lc.negation_after:
            if _attributive_oblique(scene, lc, m):
                return True
            for s, e in scene.cues.spans(lc, "oblique", m.end, m.end + 30):
                if _COMPOUND_TAIL.fullmatch(text, m.end, s) and (
                    lc.boundary == "none" or e >= len(text) or not text[e].isalnum()
                ):
                    return True
            continue
        for s, e in scene.cues.spans(lc, "oblique", max(0, m.start - 16), m.start):
            if _ARTICLE_GAP.fullmatch(text, e, m.start) and not _SPEAKS_FOR.search(text, max(0, s - 24), s):
                return True
    return False


#: a spokesperson's title before "for", "of" and their kin: the body named after it speaks
#: ("a spokesperson for the ministry said", "un porte-parole du ministère", "el portavoz
#: de la empresa", "المتحدث باسم الوزارة"), not an object
_SPEAKS_FOR = re.compile(
    r"(?:spokes(?:person|man|woman)|representative|porte-parole|portavo(?:z|ce)|porta-voz"
    r"|представител\w*|речни\w*|juru bicara|người phát ngôn|المتحدث|الناطق)\s*$",
    re.IGNORECASE,
)


#: the word after an attributive name: the noun it qualifies
_NEXT_WORD = re.compile(r"\s+(\w+)")


def _attributive_oblique(scene: Scene, lc: LanguageCues, m: Mention) -> bool:
    """The name is made an adjective by an ``attributive`` suffix (Turkish "NATO'lu
    mevkidaşlarıyla": with his NATO counterparts; "ABD'li yetkililer": US officials) and
    the noun it qualifies ends in a ``head_case`` ending of an object (-yla, -e, -de,
    -den): the name shares its noun's role, so it is an object there, while "ABD'li
    yetkililer" (the subject) keeps the name a possible actor."""
    word = _qualified(scene, lc, m)
    return word is not None and any(
        end == word.end(1) for _, end in scene.cues.spans(lc, "head_case", word.start(1), word.end(1)))


def _qualified(scene: Scene, lc: LanguageCues, m: Mention) -> re.Match[str] | None:
    """The noun a name made an adjective by an ``attributive`` suffix qualifies: the
    suffix after the name ("NATO'lu"), or ending it when the gazetteer lists the
    adjective as a name of its own ("Mısırlı"); None when the name is no adjective."""
    for s, e in scene.cues.spans(lc, "attributive", max(m.start, m.end - 4), m.end + 6):
        word = _NEXT_WORD.match(scene.text, e) if m.start < s == m.end or e == m.end else None
        if word is not None:
            return word
    return None


def _possessor(scene: Scene, langs: Sequence[LanguageCues], m: Mention) -> bool:
    """The name owns a thing the claim is about ("the territory of Ukraine", "Ukraine's
    security", "keamanan Kyiv", "территория Украины", "die Sicherheit der Ukraine",
    ウクライナの領土, 우크라이나의 영토, "Ukrayna'nın toprakları"): not who makes it.

    The owned nouns are the ``possessed`` class of each language (territory, security,
    sovereignty, borders, allies, ...), so "Russia's foreign minister" or "the
    government of France" keep their country.
    """
    text = scene.text
    for lc in langs:
        for s, _ in scene.cues.spans(lc, "possessed", m.end, m.end + _OWNED_REACH):
            if s - m.end <= 6 and (
                _OWNER_SUFFIX.fullmatch(text, m.end, s)
                or (lc.script in _SPACED_COMPOUNDS and text[m.end : s] == " ")
            ):
                return True
        for _, e in scene.cues.spans(lc, "possessed", max(0, m.start - _OWNED_REACH), m.start):
            if _owned_by(scene, lc, e, m.start):
                return True
    return False


def _owned_by(scene: Scene, lc: LanguageCues, head_end: int, name_start: int) -> bool:
    """The name at ``name_start`` owns the noun ending at ``head_end``: after a
    ``genitive`` word ("territory of the", "territoire de l'", "Sicherheit der"), or in
    a language with no such words right after it ("keamanan Kyiv", "территория
    Украины", "أمن أوكرانيا"; Vietnamese writes "của" into its nouns: "lãnh thổ của")."""
    text = scene.text
    gap = text[head_end:name_start]
    if gap and gap.isspace() and "genitive" not in lc.patterns:
        return True  # a language that marks no genitive with a word puts the owner after the noun
    for s, e in scene.cues.spans(lc, "genitive", head_end, name_start):
        if text[head_end:s].isspace() and _ARTICLE_GAP.fullmatch(text, e, name_start):
            return True
    return False


#: how far after a verb of saying the speaker may come ("said Prime Minister X"; a day and
#: a place between in Romance news: "ha detto lunedì a margine del Consiglio il ministro X")
_SPEAKER_AFTER = 60


def with_speaker(scene: Scene, site: Site, subject: list[Actor], hit: Hit | None = None) -> list[Actor]:
    """``subject`` led by the person who says the claim, when it names no person.

    The speaker is the person nearest before a ``reporting`` verb of the
    sentence ("Macron said", "Lavrov は ... と述べた"), else the first within
    :data:`_SPEAKER_AFTER` characters after it ("said Macron", "according to X"),
    else the person a headline names after a dash or colon ("... – Merz"), else the
    speaker of a quote, of a pronoun or title, of a verb of saying with its subject
    left out ("Afirmó que", "وقال إن"), or of the next sentence's words about this one
    ("Об этом заявил X"). Gold and readers name the speaker ("Macron: troops will not
    be deployed on the front line"), and the group the clause names stays after him.
    Not a person who only reports another country's claim ("Zelensky said Germany will
    send ...": :func:`_agrees`), nor an analyst or a journalist (:func:`_analyst`).
    """
    fronted = _fronted(scene, site, subject, hit)
    if any(a.kind == ActorKind.person for a in subject):
        return _without_reporter(scene, site, subject, fronted)
    ss, se = site.sentence
    named = [m for m in within(scene.actors, ss, se) if m.value.kind == ActorKind.person]
    persons = [m for m in named if not _analyst(scene, site.langs, m)]
    speaker = _reported_speaker(scene, site, persons, fronted) or _tagged(scene, site, persons, hit)
    if speaker is None:
        speaker = _quote_speaker(scene, site)
    if speaker is None and not named:
        speaker = _continued_quote(scene, site, fronted) or (None if fronted else _reported_on(scene, site, hit))
    if speaker is None and (topic := _topic_speaker(scene, site, persons)) is not None:
        return [topic, *(a for a in subject if a.label != topic.label)]  # what he says names others
    if speaker is None and not named:
        speaker = _pronoun_speaker(scene, site, fronted, hit) or _attributed(scene, site, fronted)
    if speaker is None and not subject:
        speaker = _reporting_group(scene, site) or (None if named else _titled_home(scene, site))
    if speaker is None:
        return _with_next_speaker(scene, site, subject)
    if speaker.kind == ActorKind.person and not _agrees(scene, speaker, fronted):
        return subject
    return [speaker, *(a for a in subject if a.label != speaker.label)]


def _with_next_speaker(scene: Scene, site: Site, subject: list[Actor]) -> list[Actor]:
    """``subject``, a country alone, followed by the person who speaks for it in the next
    sentence, when that sentence reports what he or she said: a lead that tells a country's
    claim and a sentence that gives its words ("북한이 … 경고했다. 김여정 노동당 부부장은 …
    담화에서 "…"이라고 밝혔다", "Russia warned ... Foreign Minister Sergey Lavrov said ...").
    The country stays first: the claim is said in its name."""
    if len(subject) != 1 or subject[0].kind != ActorKind.country:
        return subject
    following = site.index + 1
    if following >= len(scene.sentences):
        return subject
    start, end = scene.sentences[following].start, scene.sentences[following].end
    if not any(scene.cues.has(lc, "reporting", start, end) for lc in site.langs):
        return subject
    persons = [m for m in within(scene.actors, start, end) if m.value.kind == ActorKind.person]
    if not persons or _analyst(scene, site.langs, persons[0]):
        return subject
    group = scene.speaks_for.get(persons[0].value.label)
    return [*subject, persons[0].value] if group is not None and group.label == subject[0].label else subject


def _fronted(scene: Scene, site: Site, subject: Sequence[Actor], hit: Hit | None) -> list[Actor]:
    """The actors of ``subject`` named in the claim's clause before its cue (a capital
    standing for its government included), no preposition governing them: the ones
    :func:`_agrees` weighs. A country the subject took from after the cue, from an earlier
    clause or from another sentence may be an object read as the actor ("«Não
    retiraremos as tropas do Haiti», disse o ministro"; "He emphasized that the Ukrainian
    military will ..., and the troops will not be deployed ..."): it decides nothing. Nor
    does the subject of a consequence (:func:`_consequence_subject`): whom a warning
    threatens is not who warns."""
    if not subject:
        return []
    cs, ce = site.clause
    end = hit.start if hit is not None else ce
    named = [*within(scene.actors, cs, end), *within(scene.seats, cs, end)]
    suffers = _consequence_subject(scene, site, hit) if hit is not None else end
    wanted = {a.label for a in subject}  # only a name of the subject's is asked whether it is governed
    labels = {
        m.value.label
        for m in named
        if m.value.label in wanted and m.start < suffers and not _oblique(scene, site.langs, m)
    }
    return [a for a in subject if a.label in labels]  # not "for Ukraine"


def _consequence_subject(scene: Scene, site: Site, hit: Hit) -> int:
    """Where the subject of a consequence clause starts, when the claim's cue is a
    ``consequence``, what befalls its subject ("Moscow will pay a heavy price for any
    escalation, Kallas said", "Starmer said Russia would face tougher sanctions",
    "Зеленський заявив, що Росія заплатить високу ціну"): after the last verb of saying
    before the cue in its clause, else at the clause's start; the names from there to the
    cue are whom the claim threatens. Else the cue's start: no name before it is one."""
    if not scene.cues.has(hit.lang, "consequence", hit.start, hit.end):
        return hit.start
    said = scene.cues.spans(hit.lang, "reporting", site.clause[0], hit.start)
    return said[-1][1] if said else site.clause[0]


def _without_reporter(scene: Scene, site: Site, subject: list[Actor], fronted: Sequence[Actor]) -> list[Actor]:
    """``subject`` without the person who only reports the claim of the country it also
    names ("Keir Starmer said Russia refused ...", "Zelensky said Germany will send ...",
    "Germany told Zelensky it will send ...": Russia's, Germany's), nor an analyst
    (:func:`_analyst`); both stood before the cue with the country."""
    ss, se = site.sentence
    persons = [m for m in within(scene.actors, ss, se) if m.value.kind == ActorKind.person]
    analysts = {m.value.label for m in persons if _analyst(scene, site.langs, m)}
    reporter = _beside_report(scene, site, persons)
    rest = [a for a in fronted if a.kind != ActorKind.person]
    drop = {a.label for a in subject if a.label in analysts or (
        reporter is not None and a.label == reporter.label and not _agrees(scene, a, rest))}
    kept = [a for a in subject if a.label not in drop]
    return kept if kept and drop else subject


def _beside_report(scene: Scene, site: Site, persons: Sequence[Mention]) -> Actor | None:
    """The person nearest before a ``reporting`` verb of the sentence, else the first within
    :data:`_SPEAKER_AFTER` characters after it, unless a pronoun says it ("He said Germany
    would send Patriots to Zelensky": Zelensky is no speaker)."""
    found = _report_candidates(scene, site, persons)
    speaker: Actor | None = found[0].value if found else None
    return speaker


def _report_candidates(scene: Scene, site: Site, persons: Sequence[Mention]) -> list[Mention]:
    """The people who may say the sentence, by the first ``reporting`` verb that has any: those
    before it, the nearest first, then those within :data:`_SPEAKER_AFTER` characters
    after it (none when a pronoun says it): :func:`_beside_report` takes the first."""
    ss, se = site.sentence
    for lc in site.langs if persons else ():
        for rs, re_ in scene.cues.spans(lc, "reporting", ss, se):
            before = [m for m in persons if m.end <= rs]
            after = [] if _said_by_pronoun(scene, lc, ss, rs) else [
                m for m in persons if re_ <= m.start <= re_ + _SPEAKER_AFTER and _may_say(scene, lc, (rs, re_), m)]
            if before or after:
                return [*reversed(before), *after]
    return []


def _may_say(scene: Scene, lc: LanguageCues, verb: tuple[int, int], m: Mention) -> bool:
    """A person after a verb of saying may be its speaker: named in no oblique case
    (:attr:`Scene.governed`: "Premier zapewnił *Zełenskiego*, że ...": whom he assured),
    or after a ``reporting_genitive`` phrase, which puts the speaker in the genitive
    ("według Zełenskiego", "по словам Зеленского")."""
    return m.start not in scene.governed or scene.cues.has(lc, "reporting_genitive", *verb)


def _reported_speaker(scene: Scene, site: Site, persons: Sequence[Mention], fronted: Sequence[Actor]) -> Actor | None:
    """:func:`_beside_report`'s speaker, or when he may not say the claim (:func:`_agrees`:
    another country's leader), the next person beside the verb of saying who may, named
    with no preposition: "Merz, speaking alongside Macron, said Germany ...", "Sánchez,
    que se reunió con Macron, aseguró que España ...", "Nach einem Treffen mit Macron
    sagte Merz, Deutschland ...", "Tusk po spotkaniu z Macronem powiedział, że Polska ..."."""
    found = _report_candidates(scene, site, persons)
    if not found:
        return None
    first: Actor = found[0].value
    if _agrees(scene, first, fronted):
        return first
    for m in found[1:]:
        if _agrees(scene, m.value, fronted) and not _oblique(scene, site.langs, m):
            other: Actor = m.value
            return other
    return first


def _said_by_pronoun(scene: Scene, lc: LanguageCues, ss: int, rs: int) -> bool:
    """A ``pronoun`` of ``lc`` stands right before the verb of saying at ``rs``."""
    return any(_AUX_GAP.fullmatch(scene.text, pe, rs) for _, pe in _pronouns(scene.cues, lc, max(ss, rs - _PRONOUN_REACH), rs))


def _agrees(scene: Scene, person: Actor, subject: Sequence[Actor]) -> bool:
    """Whether ``person`` may say a claim of ``subject``: the subject is his own country or
    body, a country's office speaking for it ("the Kremlin"), a body of no state (a union, an
    alliance, an armed group: he may lead it), or nothing ("We will not ..."); or nothing
    says whom he speaks for. A person speaking for one country who says another country
    will act only reports its claim ("Zelensky said Germany will send ...": Germany's)."""
    group = scene.speaks_for.get(person.label)
    states = [s for a in subject if (s := _state_of(scene, a)) is not None]
    if group is None or not states:
        return True
    state = group if group.kind == ActorKind.country else _state_of(scene, group)
    return any(s.label == group.label or (state is not None and s.label == state.label) for s in states)


def _state_of(scene: Scene, actor: Actor) -> Actor | None:
    """The country ``actor`` is or speaks for (a person's or an office's group that is a
    country), or None for a body of no state (a union, an alliance, an armed group)."""
    if actor.kind == ActorKind.country:
        return actor
    group = scene.speaks_for.get(actor.label)
    return group if group is not None and group.kind == ActorKind.country else None


#: how far before a person an ``analyst`` word may stand ("Chatham House analyst Tom Harrison")
_ANALYST_BEFORE = 30
#: how far after a person an ``analyst`` word in apposition may stand ("Tom Harrison, a
#: senior analyst at ...")
_ANALYST_AFTER = 30
#: what stands between a person and an ``analyst`` word after him: a comma and up to three
#: words ("X, a senior analyst"), or nothing (Han, Kana, Hangul: "王明 分析师", "홍길동 기자")
_APPOSITION = re.compile(r"\s*(?:[,،，、]\s*(?:[^\W\d_]+\s+){0,3})?")
#: what may stand between an ``analyst`` word and the person after it: no punctuation
_TITLE_RUN = re.compile(r"[^\W_]*(?:[ \u00a0\-][^\W_]+){0,3}[ \u00a0]*")


def _analyst(scene: Scene, langs: Sequence[LanguageCues], m: Mention) -> bool:
    """The person is an analyst, an expert, an observer or a journalist (an ``analyst``
    word of his title before him or in apposition after him): who comments on a claim or
    reports it does not make it ("..., said Tom Harrison, an analyst at ...")."""
    text, scan = scene.text, scene.cues
    for lc in langs:
        for s, e in scan.spans(lc, "analyst", max(0, m.start - _ANALYST_BEFORE), min(len(text), m.end + _ANALYST_AFTER)):
            if s <= m.start and (e > m.start or _TITLE_RUN.fullmatch(text, e, m.start)):
                return True
            if s >= m.end and _APPOSITION.fullmatch(text, m.end, s):
                return True
    return False


#: a headline's speaker after its claim: a dash or a colon (Japanese "＝"), then the
#: title and the name that end it ("... – Merz", "...: Chancellor Friedrich Merz", "……——王毅")
_TAG = re.compile(r"(?:\s[–—-]+|[:：＝]|——)\s*[^,.;:!?，。；：、\"“”«»]{0,40}$")
#: what may follow a headline's speaker: punctuation up to the sentence's end
_TAG_END = re.compile(r"[\W_]*")


def _tagged(scene: Scene, site: Site, persons: Sequence[Mention], hit: Hit | None) -> Actor | None:
    """The person who ends the sentence after a dash or a colon when the claim comes before
    it: a headline's speaker ("Germany will not send troops to Ukraine – Merz", "Россия не
    примет эти условия — Песков", "中国将向巴基斯坦提供援助——王毅")."""
    text = scene.text
    ss, se = site.sentence
    last = persons[-1] if persons else None
    if last is None or not _TAG_END.fullmatch(text, last.end, se):
        return None
    lo = max(ss, last.start - 48, hit.end if hit is not None else ss)
    if _TAG.search(text, lo, last.start) is None:
        return None
    speaker: Actor = last.value
    return speaker


#: a Japanese topic marker after a person ("岩屋外相は、…")
_JA_TOPIC = re.compile(r"は[、,]?")


def _topic_speaker(scene: Scene, site: Site, persons: Sequence[Mention]) -> Actor | None:
    """The person a Japanese sentence opens with as its topic when the claim is what he or
    she says: "岩屋毅外相は、中国の海洋進出が…おそれがあると警告した" (the minister warns; China
    is named in what he says), "防衛省の山本報道官は、日本が…供与すると約束した". The person is
    the sentence's first, marked by は, before the cue's clause ends, and a quotative と
    follows in the sentence; None otherwise, and in any other language (a Korean title
    stands between the name and 은/는, where the officials finder reads it)."""
    if not persons:
        return _topic_title(scene, site) or _topic_body(scene, site)
    if not any(lc.code == "ja" for lc in site.langs):
        return None
    first, text = persons[0], scene.text
    if first.start >= site.clause[1] or _JA_TOPIC.match(text, first.end) is None:
        return None
    if text.find("と", first.end, site.sentence[1]) < 0:
        return None
    speaker: Actor = first.value
    return speaker


#: the quotative that closes what a Japanese or Korean topic says ("…と約束した",
#: "…겠다고 약속했다", "…있다고 경고했다", "…이라고 밝혔다"), by language
_QUOTATIVE = {"ja": re.compile("と"), "ko": re.compile(r"[다라]고(?![\uac00-\ud7a3])")}


def _topic_title(scene: Scene, site: Site) -> Actor | None:
    """The person named before whom a bare title opening a Japanese or Korean sentence as
    its topic or subject stands for, when a quotative follows it: "外相は、中国の…おそれが
    あると警告した", "장관은 북한이 추가 도발을 할 수 있다고 경고했다" (the minister named in
    the sentences before warns, whoever his words name: :func:`_antecedent` with no subject
    to agree with). None when no person was named before (the article's country then
    speaks: :func:`_titled_home`)."""
    ss, se = site.sentence
    text, scan = scene.text, scene.cues
    for lc in site.langs:
        quotative = _QUOTATIVE.get(lc.code)
        if quotative is None:
            continue
        titles = scan.spans(lc, "title_anaphor", ss, min(se, ss + _PRONOUN_REACH))
        if titles and _OPENING.fullmatch(text, ss, titles[0][0]) and quotative.search(text, titles[0][1], se):
            return _antecedent(scene, site)
    return None


#: a Japanese state body after its country, marked as the topic: "中国*外務省は*",
#: "日本の*防衛省は*", "ロシア*国防省は*", "米*国務省は*", "韓国*政府は*"
_JA_BODY_TOPIC = re.compile(r"の?[\u4e00-\u9fff]{0,5}(?:省|部|庁|政府|当局)は")
#: how far into its sentence the country of such a topic may stand
_TOPIC_REACH = 12


def _topic_body(scene: Scene, site: Site) -> Actor | None:
    """The country whose state body opens a Japanese sentence as its topic when the claim
    is what the body says (a quotative と follows): "中国外務省は、日本が…介入すれば…招くと警告
    した" (China warns Japan; the が-subject of its words is whom it warns), "日本の防衛省は、
    北朝鮮が…と警告した"; or the body itself when the gazetteer knows it as one state's
    ("ロシア国防省は"). None in another language or shape."""
    if not any(lc.code == "ja" for lc in site.langs):
        return None
    ss, se = site.sentence
    text = scene.text
    first = next((m for m in within(scene.actors, ss, min(se, ss + _TOPIC_REACH))), None)
    if first is None or not _OPENING.fullmatch(text, ss, first.start):
        return None
    if first.value.kind == ActorKind.country:
        topic = _JA_BODY_TOPIC.match(text, first.end)
    elif first.value.kind == ActorKind.organisation and first.value.label in scene.speaks_for:
        topic = _JA_TOPIC.match(text, first.end)  # a state body the gazetteer knows: "ロシア国防省は"
    else:
        return None
    if topic is None or text.find("と", topic.end(), se) < 0:
        return None
    body: Actor = first.value
    return body


def _reporting_group(scene: Scene, site: Site) -> Actor | None:
    """For a claim that names no actor of its own, the country or organisation that says it:
    the name right after a ``reporting`` verb of the sentence, an article apart ("...,
    garantiu a Suécia", "..., said Sweden"; not one in an oblique case, :func:`_may_say`:
    "Premier zapewnił Zełenskiego": whom he assured), else the one right before it ("..., Sweden
    said"): the one who says it, not a name further on ("said it will send troops to
    Poland")."""
    ss, se = site.sentence
    text = scene.text
    named = within(scene.actors, ss, se)
    for lc in site.langs if named else ():
        for rs, re_ in scene.cues.spans(lc, "reporting", ss, se):
            after = [m for m in named if m.start >= re_ and _ARTICLE_GAP.fullmatch(text, re_, m.start)
                     and _may_say(scene, lc, (rs, re_), m)]
            before = [m for m in named if m.end <= rs and _ARTICLE_GAP.fullmatch(text, m.end, rs)]
            found = after[:1] or before[-1:]
            if found:
                group: Actor = found[0].value
                return group
    return None


#: what may stand between a bare title and its verb of saying: the title's portfolio ("Il
#: ministro *degli Esteri* ha detto", "Министр *иностранных дел* заявил", "Le ministre *des
#: Affaires étrangères* a déclaré"), at most four words and no punctuation
_PORTFOLIO_GAP = re.compile(r"\s*(?:[^\W\d_][\w'’-]*\s+){0,4}")
#: how far before its verb of saying a bare title may start, its portfolio between
_TITLE_REACH = 60


def _portfolio(scan: CueScan, lc: LanguageCues, title: tuple[int, int], verb: int) -> bool:
    """``title`` is a ``title_anaphor`` (not a pronoun) whose portfolio alone stands
    between it and the verb of saying at ``verb`` (:data:`_PORTFOLIO_GAP`)."""
    ts, te = title
    return any(s == ts for s, _ in scan.spans(lc, "title_anaphor", ts, te)) and _PORTFOLIO_GAP.fullmatch(
        scan.text, te, verb) is not None


def _titled_home(scene: Scene, site: Site) -> Actor | None:
    """For a claim that names no actor and no person: the article's own country
    (:attr:`Scene.home`) when the one who says it is named by a bare title, the
    ``title_anaphor`` of a verb of saying ("The foreign minister said the country will
    send troops", "Il ministro degli Esteri ha detto che ...", "Министр иностранных дел
    заявил, что ...", "..., said the defence minister"; in verb-final languages the title
    before the verb, "Dışişleri Bakanı, ... söyledi") and no person named before
    stands for it (:func:`_pronoun_speaker`): the official of the article's own government
    speaks for it. None when the article's country is not known (a title naming its country,
    "the Italian foreign minister", names it as a mention of its own)."""
    if scene.home is None:
        return None
    ss, se = site.sentence
    text, scan = scene.text, scene.cues
    for lc in site.langs:
        for rs, re_ in scan.spans(lc, "reporting", ss, se):
            if lc.negation_after:  # the verb ends the sentence, its subject anywhere before
                if scan.has(lc, "title_anaphor", ss, rs):
                    return scene.home
                continue
            titles = scan.spans(lc, "title_anaphor", max(ss, rs - _TITLE_REACH), rs)
            if any(_PORTFOLIO_GAP.fullmatch(text, te, rs) for _, te in titles) or any(
                    _ARTICLE_GAP.fullmatch(text, re_, ts) for ts, _ in scan.spans(lc, "title_anaphor", re_, se)):
                return scene.home
    return None


#: quotation marks: opening -> closing
_QUOTES = {"「": "」", "『": "』", "“": "”", "«": "»", "„": "“"}
#: any mark in :data:`_QUOTES` that opens a quote
_QUOTE_OPENERS = re.compile("[" + "".join(_QUOTES) + "]")
#: how far a quote that runs over several sentences may go on
_QUOTE_REACH = 800
#: how far after a closing quote its speaker may be named ("," said Macron, 」とラブロフは)
_QUOTE_SPEAKER = 40


def _quote_speaker(scene: Scene, site: Site) -> Actor | None:
    """The speaker of a quotation that runs over several sentences: "“We will not send
    troops. This is final,” Macron said.", 「…できません。これはうまくいきません」とラブロフは述べた.

    The sentence opens a quote it does not close; the person named within
    :data:`_QUOTE_SPEAKER` characters after the closing mark, in a sentence with a
    ``reporting`` verb, is the speaker.
    """
    _, se = site.sentence
    text = scene.text
    ss = scene.sentences[site.index - 1].end if site.index else 0  # sentences are trimmed of quotes
    if _QUOTE_OPENERS.search(text, ss, se) is None:
        return None  # no quote opened: none left open
    opener = next((q for q in _QUOTES if text.count(q, ss, se) > text.count(_QUOTES[q], ss, se)), None)
    if opener is None:
        return None
    close = text.find(_QUOTES[opener], se, se + _QUOTE_REACH)
    if close < 0:
        return None
    after = [
        m
        for m in within(scene.actors, close, close + _QUOTE_SPEAKER)
        if m.value.kind == ActorKind.person
    ]
    if not after:
        return None
    end = next((s.end for s in _from(scene.sentences, site.index, close) if close < s.end), se)
    if not any(scene.cues.has(lc, "reporting", close, end) for lc in site.langs):
        return None
    person: Actor = after[0].value
    return person


#: the marks that open a quoted sentence (a dash opens a quote in Polish and Croatian news)
_QUOTE_MARKS = "\"“«„‘‹-–—"
#: how many quoted sentences of a paragraph a speaker's words may run on after his
#: verb of saying
_QUOTE_RUN = 3


def _quote_opens(text: str, previous_end: int, start: int) -> bool:
    """The sentence at ``start`` opens with a quotation mark (or a dash), the text before it
    since the previous sentence's end in the same paragraph."""
    gap = text[previous_end:start]
    if "\n" in gap:
        return False
    return text[start : start + 1] in tuple(_QUOTE_MARKS) or gap.rstrip()[-1:] in tuple(_QUOTE_MARKS)


def _continued_quote(scene: Scene, site: Site, subject: Sequence[Actor]) -> Actor | None:
    """The speaker of a quote that goes on in a sentence of its own, after the sentence
    that names him beside a verb of saying in the same paragraph: "\u201cWe are doing
    everything we can,\u201d Merz said on Monday. \u201cGermany will not deliver Taurus
    missiles.\u201d", "- Robimy wszystko - powiedział premier Donald Tusk. - Polska nie
    wyśle ...". The claim's sentence opens with a quotation mark and holds no verb of
    saying; up to :data:`_QUOTE_RUN` such sentences back."""
    text, sentences = scene.text, scene.sentences
    index = site.index
    if index == 0 or any(scene.cues.has(lc, "reporting", *site.sentence) for lc in site.langs):
        return None
    for i in range(index - 1, max(-1, index - 1 - _QUOTE_RUN), -1):
        if not _quote_opens(text, sentences[i].end, sentences[i + 1].start):
            return None
        prev = sentences[i]
        persons = [m for m in within(scene.actors, prev.start, prev.end) if m.value.kind == ActorKind.person]
        span = (prev.start, prev.end)
        speaker = _beside_report(scene, Site(span, span, i, site.langs), persons)
        if speaker is not None:
            return speaker if _agrees(scene, speaker, subject) and not _analyst_named(scene, site, persons, speaker) else None
        if any(scene.cues.has(lc, "reporting", *span) for lc in site.langs):
            return None  # said by someone no person names
    return None


def _reported_on(scene: Scene, site: Site, hit: Hit | None) -> Actor | None:
    """The speaker of the sentence before, in the same paragraph, when it is reported speech
    (a verb of saying and its person, or a pronoun standing for one) and the claim's
    sentence goes on with it, naming no one before its cue and no verb of saying of its
    own: "He emphasized that after the ceasefire the Ukrainian army will remain the first
    guarantee. As a reserve force, this unit will be deployed ..." (his words)."""
    index = site.index
    if index == 0 or hit is None or within(scene.actors, site.sentence[0], hit.start):
        return None
    if any(scene.cues.has(lc, "reporting", *site.sentence) for lc in site.langs):
        return None
    prev = scene.sentences[index - 1]
    if "\n" in scene.text[prev.end : site.sentence[0]]:
        return None
    span = (prev.start, prev.end)
    if not any(scene.cues.has(lc, "reporting", *span) for lc in site.langs):
        return None
    before = Site(span, span, index - 1, site.langs)
    persons = [m for m in within(scene.actors, prev.start, prev.end) if m.value.kind == ActorKind.person]
    if persons:
        return _reported_speaker(scene, before, persons, ())
    return _pronoun_speaker(scene, before, ())


def _analyst_named(scene: Scene, site: Site, persons: Sequence[Mention], speaker: Actor) -> bool:
    """The speaker is named as an analyst or a journalist (:func:`_analyst`)."""
    return any(m.value.label == speaker.label and _analyst(scene, site.langs, m) for m in persons)


#: what may open a sentence before its pronoun subject (quotes, a dash)
_OPENING = re.compile(r"[\W_]*")
#: the adverbs Chinese puts between a subject and its verb, written with no space
#: ("他*还*表示", "她*同时*强调", "他*也*警告说")
_HAN_ADVERBS = ("还", "還", "也", "又", "并", "並", "则", "則", "亦", "更", "再次", "再度", "同时", "同時",
                "随后", "隨後", "随即", "隨即", "进一步", "進一步", "一再", "多次", "同样", "同樣", "明确",
                "明確", "特别", "特別", "当天", "當天", "还特别", "也再次")
#: what may stand between a pronoun and its verb of saying: an auxiliary or an adverb
#: ("he has said", "il a déclaré", "он также заявил", "他还表示")
_HAN_ADVERB = "|".join(sorted(_HAN_ADVERBS, key=len, reverse=True))
_AUX_GAP = re.compile(rf"[\W_]*(?:[^\W\d_]{{1,5}}[\W_]+|(?:{_HAN_ADVERB})\s*)?")
#: how many sentences back the person a pronoun stands for may be named
_ANTECEDENT_REACH = 2
#: how long a ``pronoun`` may be: a pronoun, or a ``title_anaphor``, a title standing for
#: the person named before with it ("The minister said", "Le porte-parole a affirmé",
#: "Министр заявил")
_PRONOUN_REACH = 40


def _pronouns(scan: CueScan, lc: LanguageCues, start: int, end: int) -> list[tuple[int, int]]:
    """The ``pronoun`` and ``title_anaphor`` matches of ``lc`` in ``[start, end)``, by start,
    as one class would give them: at one place the longer, none inside another."""
    out: list[tuple[int, int]] = []
    both = [*scan.spans(lc, "pronoun", start, end), *scan.spans(lc, "title_anaphor", start, end)]
    for s, e in sorted(both, key=lambda p: (p[0], -p[1])):
        if not out or s >= out[-1][1]:
            out.append((s, e))
    return out


def _from(sentences: Sequence[Sentence], index: int, at: int) -> Iterator[Sentence]:
    """The sentences from ``index`` on that start at ``at`` or before (they come in
    order: the walk stops at the first one after ``at``, not at the text's end)."""
    for i in range(index, len(sentences)):
        sentence = sentences[i]
        if sentence.start > at:
            return
        yield sentence


def _pronoun_speaker(scene: Scene, site: Site, subject: Sequence[Actor], hit: Hit | None = None) -> Actor | None:
    """The person a pronoun speaker stands for: "Macron met the press. He stressed that
    the troops will not be deployed on the front line" -> Emmanuel Macron. A bare title
    is such a pronoun ("Foreign Minister Penny Wong visited Jakarta. *The minister* said
    Australia would send two aircraft"; the ``title_anaphor`` lists hold them).

    The sentence opens with a ``pronoun`` or ``title_anaphor`` of its language followed by a ``reporting``
    verb (anywhere later in verb-final languages: 彼は…と述べた) or by the claim's own cue
    ("She warned that ..."), or opens with a verb of saying whose subject is left out
    (:func:`_opening_report`: "Afirmó que", "Zapowiedział, że", "وقال إن"), or ends in
    one (:func:`_trailing_report`), and names no person; the pronoun stands for the last
    person named in the sentences before (:func:`_antecedent`).
    """
    ss, se = site.sentence
    text, scan = scene.text, scene.cues
    for lc in site.langs:
        pronoun = _opening_pronoun(scene, lc, site.sentence)
        stem, said = None, subject
        if pronoun is None and (titled := _demonym_title(scene, lc, site.sentence)) is not None:
            pronoun, stem, country = titled
            said = [*subject, country]  # the title's country: its holder, no other country's
        if pronoun is not None:
            pe = pronoun[1]
            starts = [rs for rs, _ in scan.spans(lc, "reporting", pe, se)]
            if hit is not None and hit.lang is lc and hit.start >= pe:
                starts.append(hit.start)  # the pronoun is the claim's own subject
            if any(lc.negation_after or _AUX_GAP.fullmatch(text, pe, rs) or _portfolio(scan, lc, pronoun, rs)
                   for rs in starts):
                return _office_antecedent(scene, lc, site, pronoun, said, stem) or _antecedent(scene, site, said)
        if (inverted := _inverted_pronoun(scene, lc, site.sentence, hit)) is not None:
            return _office_antecedent(scene, lc, site, inverted, subject) or _antecedent(scene, site, subject)
        if _opening_report(scene, lc, site.sentence, hit) or _closing_report(scene, lc, site, hit):
            return _antecedent(scene, site, subject)
    if any(_trailing_report(scene, lc, site.sentence) for lc in site.langs):
        return _antecedent(scene, site, subject)
    return None


#: a phrase that may open a sentence before its pronoun subject, up to a comma: "On
#: Tuesday, he said", "In Kyiv, the chancellor said", "Speaking in Brussels, she added",
#: "Ese mismo día, la ministra afirmó" (no sentence punctuation, no quote)
_FRONTED = re.compile(r"[\W_]*[^\W\d_][^,.;:!?\n\"“”«»„]{0,44},\s*")
#: how far into the sentence a verb of saying with its pronoun or title after it may start
#: ("Am Dienstag sagte der Kanzler", "Dort kündigte er an")
_INVERTED_REACH = 48


def _opening_pronoun(scene: Scene, lc: LanguageCues, sentence: tuple[int, int]) -> tuple[int, int] | None:
    """The ``pronoun`` or ``title_anaphor`` the sentence opens with, after its punctuation
    or after a phrase and a comma (:data:`_FRONTED`: "On Tuesday, he said ..."), else None."""
    ss, se = sentence
    text = scene.text
    found = _pronouns(scene.cues, lc, ss, min(se, ss + _PRONOUN_REACH + _INVERTED_REACH))
    for p in found[:2]:  # the fronted phrase may hold a word that reads as a pronoun
        if _OPENING.fullmatch(text, ss, p[0]) or _FRONTED.fullmatch(text, ss, p[0]):
            return p
    return None


#: a short word before a country that opens a title: the article of "*the* French
#: president", "*der* französische Präsident"
_TITLE_ARTICLE = re.compile(r"(?:^|(?<=\W))([^\W\d_]{1,3})\s+$")
#: what may follow a country before its title: a possessive ("Poland*'s* prime minister")
_TITLE_POSSESSIVE = re.compile(r"(?:['’]s?)?\s+")
#: the same in the languages written without spaces: nothing ("加拿大总理", "튀르키예
#: 외무장관은" after a space), or the genitive particle ("カナダ*の*首相は", "튀르키예*의* 외무장관은")
_TITLE_PARTICLE = re.compile(r"\s*(?:の|의|的)?\s*")


def _demonym_title(
    scene: Scene, lc: LanguageCues, sentence: tuple[int, int]
) -> tuple[tuple[int, int], str, Actor] | None:
    """A title a country names that opens the sentence, the country between its article and
    its office ("The French president said ...", "Der französische Präsident sagte ...",
    "Polski premier zapowiedział ...", "Poland's prime minister said ...", "加拿大总理表示",
    "カナダの首相は", "튀르키예 외무장관은"): its span, the office's stem
    (:func:`claimkit.extract.rules.coref.office_stem`) and the country, else None. The
    country cut out, article and office read as a ``title_anaphor`` ("the president")."""
    pattern = lc.patterns.get("title_anaphor")
    ss, se = sentence
    text = scene.text
    first = next(iter(within(scene.actors, ss, min(se, ss + _INVERTED_REACH))), None)
    if pattern is None or first is None or first.value.kind != ActorKind.country:
        return None
    article = _TITLE_ARTICLE.search(text, ss, first.start)
    start = article.start(1) if article is not None else first.start
    if not (_OPENING.fullmatch(text, ss, start) or _FRONTED.fullmatch(text, ss, start)):
        return None
    unspaced = lc.script in _UNSPACED_SCRIPTS
    gap = (_TITLE_PARTICLE if unspaced else _TITLE_POSSESSIVE).match(text, first.end, se)
    rest = gap.end() if gap is not None else first.end
    country: Actor = first.value
    if unspaced:
        office = _portfolio_title(pattern, text, rest, se)
        return None if office is None else ((start, office[1]), office_stem(text, office), country)
    head = article.group(1) + " " if article is not None else ""
    if not head and gap is not None and gap.group().strip():
        head = "the "  # a possessive stands for the article ("Poland's prime minister")
    found = pattern.match(head + text[rest : min(se, rest + _PRONOUN_REACH)])
    if found is None or found.end() <= len(head):
        return None
    return (start, rest + found.end() - len(head)), office_stem(found.group(), (0, len(found.group()))), country


#: how many letters of a portfolio or a posting may stand between a country and its title
#: in the languages written without spaces ("中国*商务*部长", "中国*驻美*大使", "튀르키예 *외무*장관은")
_UNSPACED_PORTFOLIO = 4


def _portfolio_title(pattern: re.Pattern[str], text: str, rest: int, end: int) -> tuple[int, int] | None:
    """The span of the ``title_anaphor`` that ``pattern`` finds at ``rest`` or after at most
    :data:`_UNSPACED_PORTFOLIO` letters of its portfolio, else None."""
    window = text[rest : min(end, rest + _UNSPACED_PORTFOLIO + _PRONOUN_REACH)]
    found = pattern.search(window)
    if found is None or found.start() > _UNSPACED_PORTFOLIO or not window[: found.start()].isalpha() and found.start():
        return None
    return rest + found.start(), rest + found.end()


def _inverted_pronoun(
    scene: Scene, lc: LanguageCues, sentence: tuple[int, int], hit: Hit | None = None
) -> tuple[int, int] | None:
    """The ``pronoun`` or ``title_anaphor`` right after a verb of saying or the claim's own
    verb (:func:`_said_spans`) near the sentence's start, its subject put after it ("Am
    Dienstag sagte der Kanzler, ...", "Dort kündigte er an, ...", "Así lo dijo el ministro",
    "Zugleich warnte er, ..."), else None."""
    ss, se = sentence
    text, scan = scene.text, scene.cues
    for _, re_ in _said_spans(scene, lc, hit, ss, min(se, ss + _INVERTED_REACH)):
        after = _pronouns(scan, lc, re_, min(se, re_ + _PRONOUN_REACH))
        if after and text[re_ : after[0][0]].isspace():
            return after[0]
    return None


#: what may open a sentence before a verb of saying whose subject is left out: a short
#: adverb or conjunction ("Также заявил", "Dodał też"), Arabic "و" or "ف" written onto it
_VERB_OPENS = re.compile(r"[\W_]*(?:[^\W\d_]{1,6}[\W_]+)?(?:[وف])?")
#: what may follow such a verb: a comma, a colon or a dash ("Zapowiedział, że", "Dodał:")
_DROPPED_AFTER = re.compile(r"\s*[,:：،—–]")
#: what may stand between such a verb and its complementizer or title: a space and an
#: adverb ("Afirmó además que", "Рекао је также да")
_COMPLEMENT_GAP = re.compile(r"\s+(?:[^\W\d_]{1,8}\s+)?")


def _opening_report(scene: Scene, lc: LanguageCues, sentence: tuple[int, int], hit: Hit | None = None) -> bool:
    """The sentence opens with a verb of saying or the claim's own verb (:func:`_said_spans`)
    whose subject is left out (the person just named): "Afirmó que España enviará ...", "Ha
    detto che ...", "Zapowiedział, że ...", "Rekao je da ...", "وقال إن ...", "Según la
    ministra, ...", "Advirtió que Rusia ...", "Ostrzegł, że ...", "وتعهد بأن ...". The verb is followed by a
    comma, a colon, a ``complementizer`` ("que", "che", "że", "da", "что", "إن", "bahwa")
    or a ``pronoun`` (a title: "وأكد الوزير أن"), not by a name or a noun of its own
    ("Según fuentes diplomáticas": the sources say it)."""
    ss, se = sentence
    text, scan = scene.text, scene.cues
    for rs, re_ in _said_spans(scene, lc, hit, ss, min(se, ss + _PRONOUN_REACH)):
        if not _VERB_OPENS.fullmatch(text, ss, rs):
            continue
        if _DROPPED_AFTER.match(text, re_):
            return True
        for category in ("complementizer", "pronoun", "title_anaphor"):
            follow = scan.spans(lc, category, re_, min(se, re_ + _PRONOUN_REACH))
            if follow and _COMPLEMENT_GAP.fullmatch(text, re_, follow[0][0]):
                return True
        return False
    return False


def _said_spans(scene: Scene, lc: LanguageCues, hit: Hit | None, lo: int, hi: int) -> list[tuple[int, int]]:
    """The ``reporting`` verbs of ``lc`` in ``[lo, hi)``, with the claim's own cue when it
    starts there: a verb that warns, pledges or refuses says the claim as a verb of saying
    does, its subject as often left out ("Advirtió que ...", "Upozorio je da ...") or put
    after it ("Zugleich warnte er, ...")."""
    spans = scene.cues.spans(lc, "reporting", lo, hi)
    if hit is None or hit.lang is not lc or not lo <= hit.start < hi:
        return list(spans)
    return sorted({*spans, (hit.start, hit.end)})


#: the mark of a name that is the subject of the reported words, not of the verb of saying,
#: in the verb-final languages: Turkish genitive ("Türkiye'nin ... göndereceğini söyledi"),
#: Japanese が ("日本が…供与すると述べた"), Korean 이/가 ("한국이 … 지원할 것이라고 말했다")
_REPORTED_SUBJECT = {
    "tr": re.compile(r"['’]n?[ıiuü]n(?!\w)"),
    "ja": re.compile("が"),
    "ko": re.compile(r"[이가](?!\w)"),
}


def _closing_report(scene: Scene, lc: LanguageCues, site: Site, hit: Hit | None) -> bool:
    """A verb-final sentence that ends in a verb of saying whose subject is left out, the
    first name before the claim's cue marked as the subject of the reported words: "Türkiye'nin
    Azerbaycan'a ... göndereceğini söyledi.", "日本がフィリピンに巡視船を供与すると述べた。",
    "한국이 필리핀에 초계함을 지원할 것이라고 말했다." (the speaker is the person just named)."""
    mark = _REPORTED_SUBJECT.get(lc.code)
    if mark is None or hit is None or hit.lang is not lc:
        return False
    ss, se = site.sentence
    text = scene.text
    reports = scene.cues.spans(lc, "reporting", hit.end, se)
    if not reports or not _REPORT_ENDS.fullmatch(text, reports[-1][1], se):
        return False
    named = within(scene.actors, ss, hit.start)
    return bool(named) and mark.match(text, named[0].end) is not None  # the objects after it aside


#: what opens a trailing reporting clause: a comma, a closing quote or a dash
_REPORT_OPENS = re.compile(r"[,”\"»」』–—]\s*$")
#: what may follow a trailing reporting clause's verb up to the sentence's end
_REPORT_ENDS = re.compile(r"[\W_]*")
#: how far before the sentence's end a trailing reporting clause may start
_TRAILING_REACH = 30
#: whom a trailing reporting clause tells, up to three words ("..., he told reporters.",
#: "..., she told a news conference.", "..., заявил он журналистам.")
_REPORT_OBJECT = re.compile(r"(?:[ \u00a0]+[^\W\d_]+){1,3}(?=[\W_]*$)")


def _trailing_report(scene: Scene, lc: LanguageCues, sentence: tuple[int, int]) -> bool:
    """The sentence ends in a reporting clause whose subject is a pronoun or left out:
    "..., she said.", "..., sagte er.", "..., заявил он.", "..., dijo." (the speaker is
    then the person the pronoun stands for, as for an opening "He said that ...").

    The clause opens after a comma, a closing quote or a dash; it holds the
    ``reporting`` verb and at most a ``pronoun`` (or ``title_anaphor``) of the language right before or
    after it, and nothing else but punctuation up to the sentence's end.
    """
    ss, se = sentence
    text, scan = scene.text, scene.cues
    reports = scan.spans(lc, "reporting", max(ss, se - _TRAILING_REACH), se)
    if not reports:
        return False  # most sentences: no pronoun to look up
    pronouns = _pronouns(scan, lc, max(ss, se - _TRAILING_REACH - _PRONOUN_REACH), se)
    for rs, re_ in reports:
        lo = next((ps for ps, pe in pronouns if pe <= rs and _AUX_GAP.fullmatch(text, pe, rs)), rs)
        hi = next((pe for ps, pe in pronouns if ps >= re_ and text[re_:ps].strip(" -") == ""), re_)
        told = _REPORT_OBJECT.match(text, hi, se)
        hi = _when_said(scene, told.end() if told else hi, se)
        if _REPORT_ENDS.fullmatch(text, hi, se) and _REPORT_OPENS.search(text, ss, lo):
            return True
    return False


#: what may stand between a reporting clause and the date it names: a space and a short
#: preposition ("said *on* Monday", "sagte er *am* Freitag", "заявил он *в* понедельник")
_DATE_GAP = re.compile(r"\s+(?:[^\W\d_]{1,3}\s+)?")


def _when_said(scene: Scene, at: int, end: int) -> int:
    """The end of the date that follows a reporting clause at ``at`` ("..., she said on
    Monday."), or ``at`` when none does before ``end``."""
    for m in within(scene.dates, at, end):
        if _DATE_GAP.fullmatch(scene.text, at, m.start):
            return m.end
    return at


def _antecedent(scene: Scene, site: Site, subject: Sequence[Actor] = ()) -> Actor | None:
    """The last person named in the sentences before the claim's (up to
    :data:`_ANTECEDENT_REACH`, across paragraphs: agency copy runs a sentence a paragraph) who may say it (:func:`_agrees`: "Macron
    met Zelensky in Paris. He said France would send ..." is Macron's), no analyst, none
    named in an oblique case (:attr:`Scene.governed`: "sastao se s ministrom *Markom
    Perkovićem*. Ministar je naglasio ...": the one who met him)."""
    index = site.index
    for i in range(index - 1, max(-1, index - 1 - _ANTECEDENT_REACH), -1):
        sentence = scene.sentences[i]
        persons = [m for m in within(scene.actors, sentence.start, sentence.end) if m.value.kind == ActorKind.person]
        for m in reversed(persons):
            if _agrees(scene, m.value, subject) and not _analyst(scene, site.langs, m) and m.start not in scene.governed:
                person: Actor = m.value
                return person
    return None


def _office_antecedent(
    scene: Scene, lc: LanguageCues, site: Site, title: tuple[int, int], subject: Sequence[Actor] = (),
    stem: str | None = None,
) -> Actor | None:
    """The person a bare title stands for when it is a ``title_anaphor`` (not a pronoun), or
    the office ``stem`` of a title a country names (:func:`_demonym_title`): the last one
    named before the sentence with that office beside him, however far back
    (:func:`claimkit.extract.rules.coref.holders`: "Defence Minister Margarita Robles
    visited Rota. [...] The minister warned ..."), who may say the claim, no analyst, none
    named in an oblique case (:attr:`Scene.governed`)."""
    if stem is None:
        if not any(s == title[0] for s, _ in scene.cues.spans(lc, "title_anaphor", title[0], title[1])):
            return None
        stem = office_stem(scene.text, title)
    for m in holders(scene, stem, site.sentence[0]):
        if _agrees(scene, m.value, subject) and not _analyst(scene, site.langs, m) and m.start not in scene.governed:
            person: Actor = m.value
            return person
    return None


#: how far into the next sentence its words about the claim's may start ("Об этом заявил",
#: "Lo ha annunciato", "This was announced by")
_ATTRIBUTED_REACH = 60


def attribution_sentence(scene: Scene, site: Site) -> tuple[int, int] | None:
    """The next sentence of the claim's paragraph when an ``attribution`` word near its
    start (within :data:`_ATTRIBUTED_REACH`) tells who said the claim's sentence, and
    when ("Об этом заявил ...", "Lo ha annunciato ieri ...", "Hal itu disampaikan ..."):
    its ``(start, end)``, else None. Its person says the claim (:func:`_attributed`), its
    day dates it (``backend._reported_date``)."""
    following = site.index + 1
    if following >= len(scene.sentences):
        return None
    start, end = scene.sentences[following].start, scene.sentences[following].end
    if "\n" in scene.text[site.sentence[1] : start]:
        return None  # another paragraph
    if not any(s < start + _ATTRIBUTED_REACH for lc in site.langs for s, _ in scene.cues.spans(lc, "attribution", start, end)):
        return None
    return start, end


def _attributed(scene: Scene, site: Site, subject: Sequence[Actor]) -> Actor | None:
    """The person the next sentence of the paragraph names as having said this one (an
    ``attribution`` word near its start): "Россия поставит ... ракеты. Об этом заявил
    министр обороны Андрей Белоусов", "L'Italia invierà ... Lo ha annunciato il ministro
    ...", "Hal itu disampaikan Menteri ...", "This was announced by ..."."""
    found = attribution_sentence(scene, site)
    if found is None:
        return None
    start, end = found
    for m in within(scene.actors, start, end):
        if m.value.kind == ActorKind.person and not _analyst(scene, site.langs, m):
            person: Actor = m.value
            return person if _agrees(scene, person, subject) else None
    return None


def story_date(memo: Memo, site: Site) -> DateRef | None:
    """The date of the story, for a claim with no date of its own nearby
    (:func:`story_choice`'s date)."""
    return story_choice(memo, site)[0]


def story_choice(memo: Memo, site: Site, subject: Sequence[Actor] | None = None) -> tuple[DateRef | None, str]:
    """The date of the story, for a claim with no date of its own nearby, and which day it
    is: ``story`` (the lead's), ``publication`` (the day the article was published, or
    the day it was filed: :attr:`Scene.published`) or ``none`` (no publication date).

    News names the day of its events once, in the lead ("On March 27th, leaders
    of 27 countries met in Paris ...") and tells the rest after it; the headline
    above it tells the same day's story. So: the first day-precise date of a
    sentence in the lead (not a date line such as "Agency · 2025-03-28 12:39";
    a month or a year is background, not the day), when the claim comes after it
    or stands in the headline and the date is not after publication; else the
    publication date: a report names no other day for what it tells ("Hungary
    refused ...", "the embassy warned ...") when it tells of the day it is published.
    A claim of the paragraph that names the story's day later is of that day too: the
    lead's first sentence tells the news, the next when it was made ("Sweden will hand
    Ukraine two more aircraft. The prime minister announced this on Tuesday during ...").
    When the lead names a day after its dateline's ("MOSCOW, April 8 - ... Lavrov said
    after talks with Mirzoyan on Tuesday"), the claims of that sentence's actors are of
    that day, and those of a ``subject`` it does not name (a reaction), or told before
    that day is named, of the dateline's (:attr:`Scene.filed`).
    """
    scene = memo.scene
    first = scene.story
    if first is not None and (
        first.end <= site.sentence[0] or in_headline(scene.text, site) or _dated_later(scene.text, site, first)
    ):
        if scene.filed is not None and (
            first.end > site.sentence[0] or not {a.label for a in subject or ()} & scene.story_actors
        ):
            first = scene.filed  # told before the lead's day is named, or by another actor
        ref: DateRef = first.value
        return ref, "story"
    published = memo.publication()
    return published, "none" if published is None else "publication"


def _dated_later(text: str, site: Site, first: Mention) -> bool:
    """The story's day ``first`` stands after the claim's sentence in its paragraph."""
    return site.sentence[1] <= first.start and "\n" not in text[site.sentence[1] : first.start]


#: quotation marks that open and close a quote (the straight one does both)
_QUOTE_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"), ("「", "」"), ("‘", "’"))
#: any mark that may open a quote (:func:`quoted`)
_OPENS_QUOTE = re.compile("[\"" + "".join(o for o, _ in _QUOTE_PAIRS) + "]")


def quoted(text: str, start: int, at: int) -> bool:
    """``at`` stands inside quotation marks opened in its sentence (from ``start``; a
    sentence may begin after its opening mark)."""
    if _OPENS_QUOTE.search(text, max(0, start - 2), at) is None:
        return False  # no mark that opens a quote: the test below would find none open
    before = text[max(0, start - 2) : at]
    if before.count('"') % 2:
        return True
    return any(before.rfind(o) > before.rfind(c) for o, c in _QUOTE_PAIRS)


def nearest(mentions: Sequence[Mention], anchor: int, span: tuple[int, int]) -> Mention | None:
    """The mention inside ``span`` nearest to ``anchor``."""
    inside = within(mentions, span[0], span[1])
    if len(inside) < 2:
        return inside[0] if inside else None
    return min(inside, key=lambda m: abs(m.start - anchor))


# ------------------------------------------------------------------------ roles


def fill(rule: FieldRule, ctx: Ctx) -> Any:
    """The value of ``rule.field`` for this cue, or None to leave it empty."""
    return _FILLERS[rule.role](rule, ctx)


def _after(ctx: Ctx, inside_cue: bool) -> list[Mention]:
    """The actors after the cue in its clause, not the subject: from its start with
    ``inside_cue``; from the gap of a composed claim whose action verb comes last (the
    objects between the modifier and the verb: "wird *der Ukraine* Panzer liefern", "ist
    bereit, *der Ukraine* Ausrüstung zu liefern"); else from its end."""
    cs, ce = ctx.site.clause
    hit = ctx.hit
    lo = hit.start if inside_cue else hit.gap[0] if hit.gap is not None and not hit.lang.negation_after else hit.end
    return [a for a in within(ctx.scene.actors, max(cs, lo), ce) if a.value not in ctx.subject]


def _actors_after(rule: FieldRule, ctx: Ctx) -> Any:
    return _distinct(_after(ctx, bool(rule.options.get("inside_cue")))) or None


def _actor_after(rule: FieldRule, ctx: Ctx) -> Any:
    kind = rule.options.get("kind")
    found = _after(ctx, bool(rule.options.get("inside_cue")))
    return next((a.value for a in found if kind is None or a.value.kind == kind), None)


def _actors(rule: FieldRule, ctx: Ctx) -> Any:
    lo, hi = _scope(ctx, str(rule.options.get("scope", "sentence")))
    found = within(ctx.scene.actors, lo, hi)
    # the officials whose title names no country are named too ("met Tunisian Foreign
    # Minister Samir Haddad"): a meeting's participants are its people
    scene = ctx.scene
    unnamed = [m for m in within(scene.people, lo, hi) if not m.value.resolved and m.value.label not in scene.speaks_for]
    return _distinct(sorted([*found, *unnamed], key=_start) if unnamed else found) or None


def _place(rule: FieldRule, ctx: Ctx) -> Any:
    places, anchor = ctx.scene.places, ctx.hit.start
    found = nearest(places, anchor, ctx.site.clause) or nearest(places, anchor, ctx.site.sentence)
    return found.value if found is not None else None


def _quantity(rule: FieldRule, ctx: Ctx) -> Any:
    lo, hi = _scope(ctx, str(rule.options.get("scope", "clause")))
    for m in within(ctx.scene.quantities, lo, hi):
        if m.value.unit:
            return m.value
    return None


def _count(rule: FieldRule, ctx: Ctx) -> Any:
    lo, hi = _scope(ctx, str(rule.options.get("scope", "sentence")))
    found = within(ctx.scene.quantities, lo, hi)
    units = rule.count_units if found else frozenset()
    for m in found:
        q: Quantity = m.value
        if (q.unit or "").casefold() in units:
            return q
    return None


def _keywords(rule: FieldRule, ctx: Ctx) -> Any:
    key, scopes, by_order = rule.keyword_plan
    table = ctx.memo.keywords(key, ctx.site.langs)
    order = _order(rule, table.maps) if by_order else ()
    for name in scopes:
        lo, hi = _scope(ctx, name)
        found = table.first_of(order, lo, hi) if by_order else table.earliest(lo, hi)
        if found is not None:
            return found
    for other, value in (rule.options.get("default_if") or {}).items():
        if other in ctx.fields:
            return value
    return rule.options.get("default")


def merge_objects(memo: Memo, hit: Hit, site: Site, keys: Sequence[str]) -> dict[str, str]:
    """For merge rules with an ``object``: each keyword map's value whose keyword comes
    first between the cue and the clause's end ("refused to send **troops**" -> troops);
    when none does and the cue ends its clause (:func:`_verb_last`), the last one before
    the cue in its clause: a verb that ends its clause has its object before it ("hat das Sanktionspaket blockiert", "yaptırımları
    engelledi")."""
    out: dict[str, str] = {}
    span = (hit.start, site.clause[1])
    before = (site.clause[0], hit.start)
    for key in keys:
        table = memo.keywords(key, site.langs)
        value = table.earliest(*span)
        if value is None and _verb_last(memo.scene.text, hit, site.clause):
            value = table.last(*before)
        if value is not None:
            out[key] = value
    return out


def _modifier(rule: FieldRule, ctx: Ctx) -> Any:
    values = rule.options["values"]  # two values, checked when the spec is built
    span = _scope(ctx, str(rule.options.get("scope", "clause")))
    found = any_cue(ctx.scene.cues, span, ctx.site.langs, str(rule.options.get("modifier")))
    return values[0] if found else values[1]


def _none(rule: FieldRule, ctx: Ctx) -> Any:
    return None


_FILLERS: dict[str, Callable[[FieldRule, Ctx], Any]] = {
    "actors_after": _actors_after,
    "actor_after": _actor_after,
    "actors": _actors,
    "place": _place,
    "quantity": _quantity,
    "count": _count,
    "keywords": _keywords,
    "modifier": _modifier,
    "none": _none,
}


# ---------------------------------------------------------------------- helpers


def _scope(ctx: Ctx, name: str) -> tuple[int, int]:
    """``cue``, ``after`` (the cue's end to the clause's end), ``clause`` or ``sentence``."""
    if name == "cue":
        return ctx.hit.start, ctx.hit.end
    if name == "after":
        return ctx.hit.end, ctx.site.clause[1]
    if name == "clause":
        return ctx.site.clause
    return ctx.site.sentence


class _Keywords:
    """Where each value's keywords of one keyword map match in one document, in one table:
    the rows (start, order, end, value), sorted by start and then by the order in which
    the languages and their values are listed (the first listed wins a tie).

    Built once per document and map (:meth:`Memo.keywords`) from the scan's matches of
    every value (one category each, ``key=value``), so that the value whose keyword
    comes first (or last) in a span is a bisect and a few rows, not a lookup of every
    value of every language per claim. A category's matches do not overlap, so a
    value's first match starting in a span lies inside it or none of its matches does:
    the first row starting in the span that ends in it is the answer; at most one row
    per value crosses the span's end.
    """

    __slots__ = ("maps", "rows", "starts")

    def __init__(self, scan: CueScan, key: str, langs: Sequence[LanguageCues]) -> None:
        #: the map of each language that has it, in order
        self.maps: list[Mapping[str, Any]] = [lc.fields[key] for lc in langs]
        rows: list[tuple[int, int, int, str]] = []
        whole = len(scan.text)
        order = 0
        for lc in langs:
            for value in lc.fields[key]:
                rows += [(s, order, e, value) for s, e in scan.spans(lc, f"{key}={value}", 0, whole)]
                order += 1
        rows.sort()  # (start, order) is unique: a value's matches do not overlap
        self.rows = rows
        self.starts = [r[0] for r in rows]

    def _inside(self, lo: int, hi: int) -> Iterator[str]:
        """The values of the keywords inside ``[lo, hi)``, by start (the table's order)."""
        rows = self.rows
        for i in range(bisect_left(self.starts, lo), len(rows)):
            s, _, e, value = rows[i]
            if s > hi:
                break
            if e <= hi:
                yield value

    def earliest(self, lo: int, hi: int) -> str | None:
        """The value whose keyword comes first in ``[lo, hi)``."""
        return next(self._inside(lo, hi), None)

    def first_of(self, order: Sequence[str], lo: int, hi: int) -> str | None:
        """The first value in ``order`` with a keyword inside ``[lo, hi)``."""
        if lo >= hi:
            return None
        present = set(self._inside(lo, hi))
        return next((v for v in order if v in present), None) if present else None

    def last(self, lo: int, hi: int) -> str | None:
        """The value whose keyword comes last in ``[lo, hi)`` (of two starting together,
        the one listed first)."""
        rows = self.rows
        best: str | None = None
        at = -1
        for i in range(bisect_right(self.starts, hi) - 1, -1, -1):
            s, _, e, value = rows[i]
            if s < lo or s < at:
                break
            if e <= hi:
                best, at = value, s
        return best


def _verb_last(text: str, hit: Hit, clause: tuple[int, int]) -> bool:
    """The cue ends its clause (at most two words after it), or the language puts its verbs
    last: what comes before it in the clause is its object (the words are counted up to
    the third, not to the clause's end)."""
    return hit.lang.negation_after or next(islice(_WORD.finditer(text, hit.end, clause[1]), 2, None), None) is None


def _order(rule: FieldRule, maps: Sequence[Mapping[str, Any]]) -> list[str]:
    declared = rule.options.get("order") or rule.choices
    if declared:
        return [str(v) for v in declared]
    return list(dict.fromkeys(v for patterns in maps for v in patterns))


def _distinct(mentions: Sequence[Mention]) -> list[Actor]:
    if len(mentions) < 2:
        return [m.value for m in mentions]  # nothing to tell apart
    out: list[Actor] = []
    labels: set[str] = set()
    for m in mentions:
        actor: Actor = m.value
        if actor.label.casefold() not in labels:
            labels.add(actor.label.casefold())
            out.append(actor)
    return out
