"""Offline rules backend: multilingual cue words, gazetteer actors, exact spans.

The embedded default when no LLM endpoint is configured. It is a baseline:
deterministic, fast, and honest about what it is (outputs name the ``rules``
backend). It knows no claim type by name: the types it extracts are the
registered claim types that have cues (the built-in ones in the bundled
``claimkit/data/cues.json``, user types in the cue file their model declares
with ``cues = "cues.json"``), and what it does with each comes from the cue
data (see :mod:`.spec` and :mod:`.roles`). Per document:

1. segment the text into sentences and clauses (script-aware punctuation);
2. per sentence, pick the cue languages (script, then frequent function
   words, plus the document's language);
3. in each clause, find the cues of every type; overlapping cues keep the
   longer ("does not rule out" beats "rule out"); a negated cue becomes the
   type its data names (``negated_as``: a negated pledge is a refusal); the
   data's ``precedence`` rules settle types found together in one clause;
4. modality: a hedge cue in the clause makes it ``tentative``, a condition
   cue in the sentence ``conditional``, else ``firm`` (types may have none);
5. fill the actor (nearest before the cue), the date (resolved against the
   publication date) and each field by its role: actors after the cue,
   places, quantities, keyword maps, modifiers;
6. the evidence span is the clause itself, a slice of ``Document.text``.

Repeated statements of one claim (headline and body, "the meeting focused
on ...") are merged into one claim with several evidence spans.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from claimkit.errors import SchemaError
from claimkit.extract.base import Backend, BackendOptions, BackendResult, Draft
from claimkit.extract.rules.cues import CueBook, LanguageCues, load_cues
from claimkit.extract.rules.roles import (
    SPEAKING_KINDS,
    Ctx,
    conditioned,
    fill,
    generic_case,
    in_headline,
    is_hedge,
    is_hedged,
    merge_objects,
    modality,
    nearest,
    quoted,
    story_date,
    story_dates,
    subject_of,
    with_group,
    with_speaker,
)
from claimkit.extract.rules.spec import (
    Precedence,
    TypeSpec,
    build_precedence,
    build_specs,
)
from claimkit.extract.rules.support import (
    Candidate,
    CueScan,
    Hit,
    Mention,
    Scene,
    Site,
    default_finders,
    merge_candidates,
    pair_actors,
    seat_mentions,
    within,
)
from claimkit.extract.rules.text import Sentence, marker_index, pick_languages, segment
from claimkit.normalize.places import Places
from claimkit.schemas import Actor, ClaimBase, Document, Span, claim_model, claim_types

__all__ = ["RulesBackend"]

log = logging.getLogger(__name__)

#: bumped when the rules change in a way that changes outputs
RULES_VERSION = "rules-1"

_NEG_WINDOW = 14
#: how far before a cue a purpose word reaches ("in order to", "nhằm", "untuk")
_PURPOSE_WINDOW = 20
#: how far from a cue a call on others ("urged ... to") or a supposition ("if") reaches
_CALL_WINDOW = 60
_COMMA = re.compile(r"[,，、;；:：]")
#: a sentence that ends with a question mark asks; it states no claim
_QUESTION_END = re.compile(r"[\s\"'”’»」』)）]{0,3}[?？؟]")
#: at most this many characters between the modifier and the action verb of a composed claim
_COMPOSE_GAP = 30
#: how far before a clause a name may start and still hold a cue of the clause
_NAME_REACH = 200
#: how far back in its paragraph a claim without a date of its own looks for one
_PARAGRAPH_REACH = 600
#: how far before a participle its auxiliary may stand ("foi prometida", "zostało już obiecane")
_AUXILIARY_REACH = 16
#: a cue of a ``complement`` type with at most this many words after it in its clause
#: takes the next clause too
_BARE_WORDS = 2
_WORD = re.compile(r"\w+")


class RulesBackend(Backend):
    """Offline, deterministic claim extraction from cue words.

    Args:
        gazetteer: a :class:`claimkit.normalize.Gazetteer` (anything with
            ``find(text, language=)``) to find actors with; default: the
            bundled one via ``claimkit.normalize.find_actors``.
        cues: extra cue lexicons (a JSON file path or a dict in the format of
            ``claimkit/data/cues.json``), merged over the bundled ones and the
            registered types' cue files; or a ready :class:`CueBook`, used as
            it is.
        merge: merge repeated statements of one claim (a headline and the
            body, "the meeting focused on ...") into one claim with several
            spans; see :func:`merge_candidates`.
        places: the :class:`claimkit.normalize.Places` to find meeting
            locations with; default :meth:`Places.default`, plus the
            ``cities`` of a user cue file.
        types: the claim types to extract (names, or one comma-separated
            string); default: every registered type with cues. Cues of the
            other types are still read, so that "refused to send troops" is
            not a pledge when only pledges are asked for.

    Raises:
        SchemaError: ``types`` names an unknown type or one without cues.
        InputError: a cue file cannot be read or does not fit its type's model.
    """

    name = "rules"

    def __init__(
        self,
        gazetteer: Any = None,
        cues: str | os.PathLike[str] | Mapping[str, Any] | CueBook | None = None,
        *,
        merge: bool = True,
        places: Places | None = None,
        types: Iterable[str] | str | None = None,
    ) -> None:
        models = claim_types()
        if isinstance(cues, CueBook):
            self.cues = cues
        else:
            extra = () if cues is None else (cues,)
            self.cues = load_cues(*extra, models=models.values())
        self.specs: dict[str, TypeSpec] = build_specs(self.cues, models)
        self.types: tuple[str, ...] = self._wanted(types)
        self._precedence: list[Precedence] = build_precedence(self.cues, self.specs)
        self._merge_rules = {name: spec.merge for name, spec in self.specs.items()}
        #: the cue categories a clause's hits come from (see :meth:`_clause_hits`)
        #: (a type's own cues, an action verb for a composed claim, a ``conditioned`` cue)
        self._claim_keys = frozenset(
            [*self.specs, "action", *(c for spec in self.specs.values() for c in spec.conditioned)]
        )
        self._finders = default_finders(gazetteer)
        self.merge = merge
        self._places = places or Places.default()
        if self.cues.city_names:
            self._places = self._places.extended(self.cues.city_names)
        self._by_script = self.cues.scripts()
        # the marker words come from the data: each language's patterns are compiled when a
        # sentence first needs them (all 17 take about a second), not here
        self._markers = {
            code: words for code in self.cues.languages if (words := self.cues.markers(code)) is not None
        }
        self._marker_index = marker_index(self._markers)

    @classmethod
    def from_options(cls, options: BackendOptions) -> RulesBackend:
        """The backend from the command's options (gazetteer, places, types)."""
        return cls(gazetteer=options.gazetteer, places=options.places, types=options.types)

    def describe(self) -> str:
        """One line for the command's stderr."""
        return "offline rules baseline"

    def _wanted(self, types: Iterable[str] | str | None) -> tuple[str, ...]:
        if types is None:
            return tuple(self.specs)
        names = types.split(",") if isinstance(types, str) else types
        wanted = tuple(dict.fromkeys(n.strip() for n in names if n.strip()))
        for name in wanted:
            model: type[ClaimBase] = claim_model(name)  # SchemaError for an unknown type
            if name not in self.specs:
                raise SchemaError(
                    f"claim type {name!r} has no cues for the rules backend: declare a cue "
                    f"file on {model.__name__} (cues = 'cues.json'), or pass cues="
                )
        return wanted

    # --------------------------------------------------------------- public API

    def extract(self, document: Document) -> BackendResult:
        """Propose claims for one document; spans are slices of ``document.text``."""
        scene = self._scene(document)
        wanted = set(self.types)
        candidates: list[Candidate] = []
        for si, sentence in enumerate(scene.sentences):
            if _QUESTION_END.match(scene.text, sentence.end):
                continue  # asked, not stated: no language to choose
            langs = self._languages(scene.text, sentence, document.language)
            if not langs:
                continue
            if not self._may_claim(scene.cues, sentence, langs):
                continue  # no clause of it can hold a claim: it is not split into clauses
            span = (sentence.start, sentence.end)
            clauses = sentence.clauses
            for ci, clause in enumerate(clauses):
                hits = [h for h in self._clause_hits(scene, clause, span, langs) if h.type in wanted]
                candidates += [
                    self._candidate(scene, hit, Site(self._reach(scene.text, clauses, ci, hit), span, si, langs))
                    for hit in hits
                ]
        pair_actors(candidates)
        if self.merge:
            candidates = merge_candidates(candidates, self._merge_rules)
        for c in candidates:
            if c.story is not None and c.fields.get("date") is None:
                c.fields["date"] = c.story
        text = scene.text
        drafts = [
            Draft(
                type=c.type,
                fields=c.fields,
                spans=tuple(Span(start=s, end=e, text=text[s:e]) for s, e in [c.span, *c.spans]),
            )
            for c in candidates
        ]
        return BackendResult(drafts=drafts, model=None, version=RULES_VERSION)

    def _scene(self, document: Document) -> Scene:
        text = document.text
        places = [Mention(p.start, p.end, p.name) for p in self._places.find(text, language=document.language)]
        actors = _sorted(self._finders.actors(text, document.language))
        finders = self._finders
        speaks_for: dict[str, Actor] = {}
        for m in actors:  # the first mention naming a group speaks for all ("Katz" after
            # "Israeli Defence Minister Israel Katz")
            if m.value.kind in SPEAKING_KINDS and m.value.label not in speaks_for:
                group = finders.speaks_for(m.value)
                if group is not None:
                    speaks_for[m.value.label] = group
        dates = _sorted(finders.dates(document))
        return Scene(
            text=text,
            sentences=segment(text),
            actors=actors,
            dates=dates,
            quantities=_sorted(finders.quantities(text, document.language)),
            places=_sorted(places),
            cues=CueScan(text),
            published=document.published,
            story=story_dates(text, dates, document.published),
            seats=seat_mentions(_sorted(places), actors, self._places.seat_of, finders.resolve),
            speaks_for=speaks_for,
        )

    def _languages(
        self, text: str, sentence: Sentence, doc_language: str | None
    ) -> list[LanguageCues]:
        codes = pick_languages(
            text[sentence.start : sentence.end],
            doc_language,
            self._by_script,
            self._markers,
            self._marker_index,
            sentence.script,
        )
        return [lc for code in codes if (lc := self.cues.language(code)) is not None]

    # ---------------------------------------------------------------- matching

    def _may_claim(self, scan: CueScan, sentence: Sentence, langs: Sequence[LanguageCues]) -> bool:
        """Whether the sentence holds a cue of a claim type or an action cue (a composed claim)
        in one of its languages: without one, none of its clauses gives a hit."""
        return any(scan.has_any(lc, self._claim_keys, sentence.start, sentence.end) for lc in langs)

    def _clause_hits(
        self,
        scene: Scene,
        clause: tuple[int, int],
        sentence: tuple[int, int],
        langs: Sequence[LanguageCues],
    ) -> list[Hit]:
        """One cue per claim type in the clause (of ``sentence``), after negation and precedence."""
        cs, ce = clause
        scan, names = scene.cues, scene.actors
        found = [(lc, scan.inside(lc, cs, ce)) for lc in langs]
        if any("question" in cues for _, cues in found):
            return []  # "czy ...", "هل ...", "…のだろうか": asked, not stated
        hits = [
            Hit(s, e, type_, lc)
            for lc, cues in found
            for type_ in self.specs
            for s, e in cues.get(type_, ())
        ]
        hits += [h for lc, cues in found for h in self._composed(cues, lc)]
        hits += [h for lc, cues in found for h in self._conditioned(scene, sentence, cues, lc)]
        if not hits:
            return []
        # a cue inside a name is part of the name ("Coalition of the Willing"), and one inside
        # a reporting venue tells where words were said ("記者会見", "họp báo", "مؤتمر صحفي")
        inside = [*within(names, max(0, cs - _NAME_REACH), ce), *_venues(found)]
        hits = [h for h in hits if not any(a.start <= h.start and h.end <= a.end for a in inside)]
        kept = [
            h
            for h in _longest_first(hits)
            if self._negation(scan, h, clause)
            and not _purpose(scan, h, clause)
            and not _not_asserted(scan, h, clause, generic=not self.specs[h.type].conditioned)
            and not (self.specs[h.type].verbal and _nominal(scan, h))
            and not (self.specs[h.type].verbal and not self.specs[h.type].conditioned and _believed(scan, h, clause))
            and not self._voided(scan, h, clause)
        ]
        # one claim per type and clause, at its first cue
        first: dict[str, Hit] = {}
        for h in sorted(kept, key=lambda h: h.start):
            first.setdefault(h.type, h)
        if len(first) > 1:  # a rule needs two types in the clause
            for rule in self._precedence:
                _apply_precedence(rule, scene, first, langs, clause)
        return sorted(first.values(), key=lambda h: h.start)

    def _voided(self, scan: CueScan, hit: Hit, clause: tuple[int, int]) -> bool:
        """The cue's object is a word of one of its type's ``void_objects`` categories
        (``speech``): "declined to comment", "would not say whether", "refused to answer
        questions", "lehnte eine Stellungnahme ab", "拒绝置评", "رفضت الوزارة التعليق",
        "コメントを拒否した", "답변을 거부했다". Refusing to speak states no refusal of
        anything. The word stands after the cue's first word (inside a gapped cue:
        "lehnte ... ab"), at most :data:`_SPOKEN_REACH` characters after the cue with
        no cue of a claim type or action verb between ("refused to send troops or
        comment" stays); in verb-final languages right before the cue (a case ending
        and a space)."""
        categories = self.specs[hit.type].void_objects
        if not categories:
            return False
        lc, (cs, ce) = hit.lang, clause
        for category in categories:
            if lc.negation_after:
                before = scan.spans(lc, category, max(cs, hit.start - _SPOKEN_REACH), hit.start)
                if any(0 <= hit.start - e <= _OBJECT_NEXT for _, e in before):
                    return True
                continue
            for s, _ in scan.spans(lc, category, hit.start + 1, ce):
                if s - hit.end > _SPOKEN_REACH:
                    break
                if s <= hit.end or not scan.has_any(lc, self._claim_keys, hit.end, s):
                    return True
        return False

    def _composed(self, cues: Mapping[str, Sequence[tuple[int, int]]], lc: LanguageCues) -> list[Hit]:
        """Claims stated by a modifier and an action verb, no cue word ("may send", "enviará").

        For each type with ``compose`` categories: a cue of one of them followed
        within :data:`_COMPOSE_GAP` characters of the clause by an ``action`` cue,
        or preceded by one in verb-final languages (派遣を検討, göndermeyi
        değerlendiriyor, 지원을 검토).
        """
        actions = cues.get("action")
        if not actions:
            return []
        out = []
        for name, spec in self.specs.items():
            for category in spec.compose:
                for span in cues.get(category, ()):
                    found = _action_near(actions, span, verb_final=lc.negation_after)
                    if found is not None and not _crosses(cues, found[1]):
                        (start, end), gap = found
                        out.append(Hit(start, end, name, lc, gap=gap))
        return out

    def _conditioned(
        self,
        scene: Scene,
        sentence: tuple[int, int],
        cues: Mapping[str, Sequence[tuple[int, int]]],
        lc: LanguageCues,
    ) -> list[Hit]:
        """Claims stated by a ``conditioned`` cue in a sentence that sets a condition.

        "Washington will impose new sanctions if Moscow refuses", "unless ...,
        we will respond militarily": a threat stated as a consequence, with no
        warning verb. The cue is the threat word.
        """
        out: list[Hit] = []
        for name, spec in self.specs.items():
            spans = [sp for category in spec.conditioned for sp in cues.get(category, ())]
            if spans and (
                conditioned(scene.cues, sentence, [lc]) or generic_case(scene.cues, sentence, spans[0][0], [lc])
            ):
                out.append(Hit(*spans[0], name, lc))
        return out

    def _reach(self, text: str, clauses: Sequence[tuple[int, int]], index: int, hit: Hit) -> tuple[int, int]:
        """The clause of ``hit``, and the next clause of its sentence when the type takes
        a ``complement`` and the cue ends its own clause.

        "Zakharova warned, that ...", "ostrzegła, że ...", "предупредил, что ...",
        "drohte mit Gegenmaßnahmen, falls ...": a cue verb with at most
        :data:`_BARE_WORDS` words after it in its clause states its claim in the
        clause that follows (what is warned of, its condition); the claim's span and
        fields take both. Only in languages written with spaces (a word count means
        nothing in Chinese or Japanese) whose verb comes before its complement (in
        Turkish or Korean what is warned of comes before the verb, in its clause).
        """
        start, end = clauses[index]
        if (
            self.specs[hit.type].complement
            and hit.lang.boundary != "none"
            and not hit.lang.negation_after
            and index + 1 < len(clauses)
            and len(_WORD.findall(text, hit.end, end)) <= _BARE_WORDS
        ):
            return start, clauses[index + 1][1]
        return start, end

    def _negation(self, scan: CueScan, hit: Hit, clause: tuple[int, int]) -> bool:
        """Apply the type's ``negated_as`` to a negated cue; False: the cue states no claim."""
        spec = self.specs[hit.type]
        if spec.negated_as is None and not spec.negated_drops:
            return True
        if not _negated(scan, hit, *clause):
            return True
        # a hedge is no claim negated ("does not rule out"), but a readiness word is
        # one: "not ready to", "nije spremna", "不愿意", "не готовы" refuse
        if is_hedge(scan, hit) and not scan.has(hit.lang, "readiness", hit.start, hit.end):
            return True
        if spec.negated_as is not None:
            hit.type = spec.negated_as
            return True
        return False

    # ------------------------------------------------------------------ fields

    def _candidate(self, scene: Scene, hit: Hit, site: Site) -> Candidate:
        spec = self.specs[hit.type]
        subject, own_actor, hosted = subject_of(scene, hit, site, spec.actor_from)
        if spec.speaker:
            subject = with_group(scene, with_speaker(scene, site, subject))
        fields: dict[str, Any] = {"actor": subject}
        date = nearest(scene.dates, hit.start, site.clause) or nearest(scene.dates, hit.start, site.sentence)
        dated = date is not None
        date = date or _narrative_date(scene, site)
        story = None
        if date is not None:
            fields["date"] = date.value
        else:
            story = story_date(scene, site)
        if spec.modality:
            fields["modality"] = modality(scene, hit, site, hedges=spec.hedges)
        ctx = Ctx(scene, hit, site, subject, fields)
        for rule in spec.fields:
            value = fill(rule, ctx)
            if value is not None:
                fields[rule.field] = value
        objects = [r.object for r in spec.merge if r.object is not None]
        found = merge_objects(scene, hit, site, objects) if objects else {}
        follows = any(r.follow_up is not None for r in spec.merge)
        return Candidate(
            hit.type, site.clause, fields, site.index, own_actor, objects=found, hosted=hosted,
            anaphoric=follows and _anaphoric(scene.cues, hit), dated=dated, story=story,
            headline=in_headline(scene.text, site), quoted=quoted(scene.text, site.sentence[0], hit.start),
            pair=_pair(scene, hit, site),
        )  # fmt: skip


# ------------------------------------------------------------------- helpers


#: how far after a cue the word of speaking that is its object may start: a verb-first
#: clause puts its subject between ("رفضت وزارة الخارجية الأمريكية التعليق")
_SPOKEN_REACH = 32


#: how far a ``joint`` word may stand from the venue it qualifies (a space, a particle)
_JOINT_GAP = 2


#: how far after a verb-first cue its "both sides" subject may end (a space, then the word)
_PAIR_AFTER = 12


def _pair(scene: Scene, hit: Hit, site: Site) -> bool:
    """The claim's subject is "both sides": a ``both`` word before the cue in its sentence
    ("両氏は、...拡大することで一致した": the subject may stand in a clause of its own), or
    right after it in a verb-first clause ("واتفق الجانبان على ...")."""
    return any(
        scene.cues.has(lc, "both", site.sentence[0], hit.start)
        or scene.cues.has(lc, "both", hit.end, min(site.clause[1], hit.end + _PAIR_AFTER))
        for lc in site.langs
    )


def _venues(found: Sequence[tuple[LanguageCues, Mapping[str, Sequence[tuple[int, int]]]]]) -> list[Mention]:
    """The clause's ``venue`` cues (a press conference, a briefing), as mentions; not a
    joint one ("サファディ外相との記者会見", "مؤتمر صحفي مشترك", "họp báo chung"),
    which two sides hold after they met."""
    out = []
    for _, cues in found:
        joint = cues.get("joint", ())
        for s, e in cues.get("venue", ()):
            if not any(0 <= s - je <= _JOINT_GAP or 0 <= js - e <= _JOINT_GAP for js, je in joint):
                out.append(Mention(s, e, None))
    return out


def _sorted(mentions: Sequence[Mention]) -> list[Mention]:
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _narrative_date(scene: Scene, site: Site) -> Mention | None:
    """The last day-precise date earlier in the claim's paragraph: the day the story is on.

    News tells one day's events in a paragraph after naming the day once
    ("On the 27th, leaders met in Paris. They agreed ... Italy refused ...").
    A month or a year alone is background, not the event's date.
    """
    text, ss = scene.text, site.sentence[0]
    para = text.rfind("\n", max(0, ss - _PARAGRAPH_REACH), ss) + 1
    for m in reversed(within(scene.dates, max(para, ss - _PARAGRAPH_REACH), ss)):
        value = m.value.value
        if value is not None and len(value) == len("2025-03-27"):
            return m
    return None


#: how far after a verb cue its object noun may start ("attended the meeting")
_MENTION_OBJECT_REACH = 24
#: what may stand between such a verb and its object: a preposition, a determiner
_OBJECT_GAP = re.compile(r"\s*(?:[\w'’]+\s+){0,3}")
#: what may stand between a determiner and its noun: spaces, an opening quote, an elision
_DETERMINER_GAP = re.compile(r"[\s\"'’«»“”„「」『』]*")


def _anaphoric(scan: CueScan, hit: Hit) -> bool:
    """The cue noun is one the article has already told of: an ``anaphor`` determiner
    right before it ("the meeting", "diese Gespräche", "la réunion", "この会議", "эти
    переговоры", "이번 회담") or an ``anaphor_after`` one right after it ("cuộc họp này",
    "pertemuan tersebut"), nothing but spaces or quotes between. Or the cue is a verb
    whose object is such a noun: "attended the meeting", "took part in these talks"."""
    if _determined(scan, hit.lang, hit.start, hit.end):
        return True
    return any(
        _OBJECT_GAP.fullmatch(scan.text, hit.end, start) and _determined(scan, hit.lang, start, end)
        for start, end in scan.spans(hit.lang, hit.type, hit.end, hit.end + _MENTION_OBJECT_REACH)
    )


def _determined(scan: CueScan, lang: LanguageCues, start: int, end: int) -> bool:
    text = scan.text
    before = scan.spans(lang, "anaphor", max(0, start - 24), start)
    if any(_DETERMINER_GAP.fullmatch(text, e, start) for _, e in before):
        return True
    after = scan.spans(lang, "anaphor_after", end, end + 24)
    return any(_DETERMINER_GAP.fullmatch(text, end, s) for s, _ in after)


def _longest_first(hits: list[Hit]) -> list[Hit]:
    """Overlapping cues: the longer one says more ("not rule out" > "rule out").

    A cue goes when a kept, longer cue of its own type overlaps it, or one of
    any type contains it whole. Cues of different types that only share a few
    words both stay ("declined to" and "to send troops"): the ``precedence``
    rules settle them, so a type's cue does not win for being longer.
    """
    hits = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    kept: list[Hit] = []
    for h in hits:
        if all(_compatible(h, k) for k in kept):
            kept.append(h)
    return kept


def _compatible(h: Hit, k: Hit) -> bool:
    if h.end <= k.start or h.start >= k.end:
        return True
    if h.type != k.type and k.gap is not None and k.gap[0] <= h.start < k.gap[1]:
        return True  # a cue that starts between a composed claim's two words: 보내면 ... 이어질 수 있다
    return h.type != k.type and not (k.start <= h.start and h.end <= k.end)


def _apply_precedence(
    rule: Precedence, scene: Scene, first: dict[str, Hit], langs: Sequence[LanguageCues], clause: tuple[int, int]
) -> None:
    scan = scene.cues
    drop, by = first.get(rule.drop), first.get(rule.by)
    if drop is None or by is None:
        return
    if rule.when == "hedged" and not is_hedged(scan, drop):
        return
    if rule.when == "not_hedged" and is_hedged(scan, drop):
        return
    if rule.when == "after" and not by.start < drop.start:
        return
    if rule.when == "object" and not _object_of(by, drop):
        return
    if rule.when == "hosting" and not _offers_hosting(scan, by, drop, langs):
        return
    if rule.when == "agreed" and not _agreed_on(scene, by, drop, clause):
        return
    del first[rule.drop]


#: how far before an agreement word its object may end in verb-final languages (a verb
#: and its endings between: 会談することで合意, 회담을 열기로 합의)
_AGREED_BEFORE = 12


def _agreed_on(scene: Scene, meeting: Hit, agreement: Hit, clause: tuple[int, int]) -> bool:
    """``agreement`` holds an ``agreement`` word (agreed, vereinbarten, договорились,
    同意, 合意, 합의, nhất trí, sepakat, اتفقا) whose object is ``meeting``: at most three
    words after it besides the names of actors ("agreed to hold talks", "vereinbarten
    ein Treffen", "договорились о встрече", "اتفقت مصر وقطر على عقد اجتماع"), at most
    :data:`_AGREED_BEFORE` characters after it with no punctuation in a language written
    without spaces (同意举行会谈), or ending at most that far before it in verb-final
    languages (会談することで合意, 회담을 열기로 합의); and no ``action`` verb in the
    clause ("agreed at the summit to send troops" is a pledge made at a meeting). Not a
    meeting further on, after the agreement's own object ("acordaron reanudar en julio
    las negociaciones", "اتفق تحالف "أوبك+" خلال اجتماع": agreed during a meeting)."""
    scan, lc = scene.cues, agreement.lang
    if not scan.has(lc, "agreement", agreement.start, agreement.end) or scan.has(lc, "action", *clause):
        return False
    if lc.negation_after:
        return 0 <= agreement.start - meeting.end <= _AGREED_BEFORE
    if meeting.start < agreement.end:
        return False
    if lc.boundary == "none":
        return meeting.start - agreement.end <= _AGREED_BEFORE and not _PUNCTUATION.search(
            scene.text, agreement.end, meeting.start
        )
    gap, at = [], agreement.end
    for m in within(scene.actors, agreement.end, meeting.start):
        gap.append(scene.text[at : m.start])
        at = max(at, m.end)
    gap.append(scene.text[at : meeting.start])
    return bool(_OBJECT_GAP.fullmatch("".join(gap)))


#: punctuation inside a clause of a language written without spaces
_PUNCTUATION = re.compile(r"[\"'“”「」『』（）()、]")


def _offers_hosting(scan: CueScan, offer: Hit, meeting: Hit, langs: Sequence[LanguageCues]) -> bool:
    """``offer`` is a readiness word ("ready to", "spremna", "готова", "hazır olduğunu") and
    a ``host`` word stands between it and the meeting cue, or is the meeting cue:
    "ready to host the talks", "spremna ugostiti konferenciju", "готова прийняти
    наступний раунд переговорів", "müzakerelere ev sahipliği yapmaya hazır" (a host word of any
    language of the clause: a Russian sentence is often read as Ukrainian too)."""
    lo, hi = min(offer.start, meeting.start), max(offer.end, meeting.end)
    return scan.has(offer.lang, "readiness", offer.start, offer.end) and any(
        scan.has(lc, "host", lo, hi) for lc in langs
    )


#: how far from a verb its object may be, for the ``object`` precedence (after the verb;
#: before it, in verb-final languages: a case ending and a space)
_OBJECT_REACH = 40
_OBJECT_NEXT = 4


def _object_of(obj: Hit, verb: Hit) -> bool:
    """``obj`` is on ``verb``'s object side, near it: after it ("vowed a crushing
    **response**"); in verb-final languages the word right before it, where the subject
    and the rest of the clause also stand ("보복을 약속했다", not "tehditlere rağmen
    Finlandiya ... göndereceğini": despite the threats Finland will send)."""
    if verb.lang.negation_after:
        return 0 <= verb.start - obj.end <= _OBJECT_NEXT
    return 0 <= obj.start - verb.end <= _OBJECT_REACH


def _action_near(
    actions: Sequence[tuple[int, int]], modifier: tuple[int, int], *, verb_final: bool
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The span from ``modifier`` to the nearest action cue on its verb side, and the gap between."""
    ms, me = modifier
    for s, e in actions:
        if me <= s <= me + _COMPOSE_GAP:
            return (ms, e), (me, s)
        if verb_final and e <= ms and ms - e <= _COMPOSE_GAP:
            return (s, me), (e, ms)
    return None


def _crosses(cues: Mapping[str, Sequence[tuple[int, int]]], gap: tuple[int, int]) -> bool:
    """A supposition or condition between the modifier and the verb: "will retaliate if
    NATO sends" is no "will send"."""
    lo, hi = gap
    return any(
        lo <= s and e <= hi for category in ("hypothetical", "condition") for s, e in cues.get(category, ())
    )


def _purpose(scan: CueScan, hit: Hit, clause: tuple[int, int]) -> bool:
    """The cue is inside a purpose clause ("in order to send", "nhằm triển khai", "支援するために").

    The purpose word comes before the verb, after it in verb-final languages.
    """
    if hit.lang.negation_after:
        window = (hit.end, min(clause[1], hit.end + _PURPOSE_WINDOW))
    else:
        window = (max(clause[0], hit.start - _PURPOSE_WINDOW), hit.start)
    return scan.has(hit.lang, "purpose", *window)


def _not_asserted(scan: CueScan, hit: Hit, clause: tuple[int, int], *, generic: bool = True) -> bool:
    """The cue is what someone else is called on to do, or a supposition.

    A ``call`` verb before the cue in its clause ("urged Germany to send",
    "呼吁各国提供", "menyerukan ... mengirim"; after it in verb-final languages:
    派遣するよう求めた), or a ``hypothetical`` word before it ("if Europe sends
    troops", "如果派兵", "nếu triển khai"), or a ``partial`` subject ("not all members
    are willing to", "tidak semua", "не все"): no identifiable actor states a claim.
    A ``generic`` quantifier of any case before it ("any deployment", "任何派遣...的计划",
    "setiap operasi ... akan") commits no one, unless ``generic`` is False (threats
    are made of such cases: "any Western troops would be a legitimate target"). A
    partial subject reaches from the clause's start, however long the subject ("not
    all countries taking part in ... are willing to").
    """
    cs, ce = clause
    if hit.lang.negation_after:
        return scan.has(hit.lang, "call", hit.end, min(ce, hit.end + _CALL_WINDOW))
    # a supposition ends at a comma: "if a ceasefire holds, Britain will send troops"
    # (a short clause may have been joined to its neighbour: 如果达成协议，将派遣部队)
    opening = max([cs, *(m.end() for m in _COMMA.finditer(scan.text, cs, hit.start))])
    window = (max(opening, hit.start - _CALL_WINDOW), hit.start)
    if any(scan.has(hit.lang, c, *window) for c in ("call", "hypothetical")):
        return True
    if generic and scan.has(hit.lang, "generic", *window):
        return True
    return scan.has(hit.lang, "partial", opening, hit.start)


def _nominal(scan: CueScan, hit: Hit) -> bool:
    """The cue word is a noun here: "about the pledge", "its commitment", "về cam kết",
    "美国的承诺", 約束について. A ``nominal`` word right before it (right after it in
    verb-final languages); for types whose cues are verbs (``verbal``), not meetings.
    Or an adjective: see :func:`_participle`."""
    if _participle(scan, hit):
        return True
    if hit.lang.negation_after:
        return any(s == hit.end for s, _ in scan.spans(hit.lang, "nominal", hit.end, hit.end + 6))
    text = scan.text
    before = scan.spans(hit.lang, "nominal", max(0, hit.start - 16), hit.start)
    return any(not text[e : hit.start].strip() for _, e in before)


#: how far before its clause the comma after a verb of belief may stand ("oczekuje, że")
_BELIEF_GAP = 3


def _believed(scan: CueScan, hit: Hit, clause: tuple[int, int]) -> bool:
    """The cue is in what someone hopes, expects or believes: a ``belief`` verb before it
    in its clause ("Zagreb očekuje da će Njemačka isporučiti"), or ending the clause before
    it at the comma that opens the complement ("Ukraina oczekuje, że Niemcy dostarczą",
    "Эксперты считают, что ... направит": Polish and Russian write that comma). A
    commitment or refusal there is not the clause's actor's; threats and meetings are
    left alone (a feared threat is still reported, an expected meeting is scheduled).
    In verb-final languages the belief verb comes after the cue in its clause
    (지원할 것으로 보고 있다: they see it supporting; 支援すると見られる)."""
    cs, ce = clause
    if hit.lang.negation_after:
        return scan.has(hit.lang, "belief", hit.end, min(ce, hit.end + _CALL_WINDOW))
    text = scan.text
    comma = text.rfind(",", max(0, cs - _BELIEF_GAP), hit.start)  # the last one before the cue
    lo = max(cs, comma + 1)
    for _, e in scan.spans(hit.lang, "belief", max(0, lo - 40), hit.start):
        if e > lo or (comma >= 0 and not text[e:comma].strip()):
            return True
    return False


def _participle(scan: CueScan, hit: Hit) -> bool:
    """The cue verb qualifies a noun, no claim: a ``participle`` form of it ("a ajuda
    prometida", "wsparcie obiecane", "обещанная помощь"), unless an ``auxiliary`` before
    it makes a passive or a perfect ("foi prometida", "zostało obiecane", "ha sido
    prometida"); an ``adnominal`` ending or particle after it, then the noun (약속한 무기,
    지원하기로 한 예산, 承诺的援助, 約束した支援), unless an ``auxiliary`` bound noun follows
    (약속한 바 있다: has promised; 약속한 것으로: reportedly promised); a ``relative``
    pronoun right before it (المساعدات التي وعدت بها: the aid that ... promised)."""
    lc, text = hit.lang, scan.text
    for s, e in scan.spans(lc, "participle", hit.start, hit.end + _AUXILIARY_REACH):
        if s == hit.start and e >= hit.end:
            return not scan.has(lc, "auxiliary", max(0, s - _AUXILIARY_REACH), s)
    for s, e in scan.spans(lc, "adnominal", hit.end, hit.end + 2):
        if (s == hit.end or text[hit.end].isspace()) and _noun_at(text, e, lc):
            noun = e + (lc.boundary != "none")
            return not any(a == noun for a, _ in scan.spans(lc, "auxiliary", noun, noun + 8))
    return any(not text[e : hit.start].strip() for _, e in scan.spans(lc, "relative", max(0, hit.start - 12), hit.start))


#: kana a Japanese noun does not start with (hiragana: particles and endings)
_HIRAGANA = re.compile(r"[\u3040-\u309f]")


def _noun_at(text: str, pos: int, lc: LanguageCues) -> bool:
    """A noun starts at ``pos``: after one space in a spaced script (약속한 무기), right
    there in an unspaced one, not a particle or an ending (承诺的援助, 約束した支援; not
    約束したと, 約束した。)."""
    if lc.boundary != "none":
        return text[pos : pos + 1] == " " and text[pos + 1 : pos + 2].isalnum()
    char = text[pos : pos + 1]
    return char.isalpha() and not _HIRAGANA.match(char)


def _negated(scan: CueScan, hit: Hit, cs: int, ce: int) -> bool:
    lc = hit.lang
    if hit.gap is not None and scan.has(lc, "negation", *hit.gap):
        return True  # "will not send", "не будет поставлять"
    if _negation_inside(scan, hit):
        return True  # a gapped cue: "werde keine Soldaten schicken"
    if lc.negation_after:
        window = (hit.end, min(ce, hit.end + _NEG_WINDOW))
    else:
        window = (max(cs, hit.start - _NEG_WINDOW), hit.start)
    # a negation character inside a time frame word negates nothing (未来: the future)
    frames = scan.spans(lc, "timeframe", max(0, window[0] - 4), window[1] + 4)
    return any(
        not any(fs <= s and e <= fe for fs, fe in frames) for s, e in scan.spans(lc, "negation", *window)
    )


def _negation_inside(scan: CueScan, hit: Hit) -> bool:
    """A negation inside the cue after its first word, when no hedge is part of the cue
    ("does not rule out" holds the hedge "not rule out")."""
    lc = hit.lang
    inside = [s for s, _ in scan.spans(lc, "negation", hit.start, hit.end) if s > hit.start]
    return bool(inside) and not scan.has(lc, "hedge", hit.start, hit.end)
