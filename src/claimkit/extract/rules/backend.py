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
   words, plus the document's language); a sentence with no cue of a claim
   type (or action verb) in them is left there, and a document with no such
   sentence runs none of the finders (actors, dates, quantities, places);
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

import datetime as dt
import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import pairwise
from operator import attrgetter
from typing import Any

from claimkit.errors import SchemaError
from claimkit.extract.base import Backend, BackendOptions, BackendResult, Draft
from claimkit.extract.rules.cues import CueBook, LanguageCues, load_cues
from claimkit.extract.rules.dateline import (
    Dateline,
    article_dateline,
    dated,
    filed_day,
    filed_from,
    read_datelines,
)
from claimkit.extract.rules.home import (
    central_bank_mentions,
    home_country,
    home_mentions,
    state_bodies,
)
from claimkit.extract.rules.modality import conditioned, generic_case, is_hedge, is_hedged, modality
from claimkit.extract.rules.partners import comitative_people
from claimkit.extract.rules.reading import as_read
from claimkit.extract.rules.reported import reported_people
from claimkit.extract.rules.roles import (
    SPEAKING_KINDS,
    Ctx,
    Memo,
    attribution_sentence,
    fill,
    merge_objects,
    nearest,
    quoted,
    story_choice,
    subject_of,
    with_group,
    with_speaker,
)
from claimkit.extract.rules.short_names import short_repeats
from claimkit.extract.rules.spec import (
    Precedence,
    TypeSpec,
    build_precedence,
    build_specs,
)
from claimkit.extract.rules.story import dateline_day, in_headline, story_dates
from claimkit.extract.rules.subjects import proper_subjects
from claimkit.extract.rules.support import (
    Candidate,
    CueScan,
    Finders,
    Hit,
    Mention,
    Scene,
    Site,
    acting,
    default_finders,
    merge_candidates,
    pair_actors,
    seat_mentions,
    within,
)
from claimkit.extract.rules.tense import LANGUAGES as FUTURE_LANGUAGES
from claimkit.extract.rules.tense import Future, futures, may_hold
from claimkit.extract.rules.text import Sentence, marker_index, pick_languages, segment
from claimkit.extract.rules.version import RULES_VERSION, rules_version
from claimkit.normalize import country_name
from claimkit.normalize._names import romanised
from claimkit.normalize.dates import calendar_words, is_term, next_week
from claimkit.normalize.places import Places
from claimkit.schemas import Actor, ActorKind, ClaimBase, Document, Span, claim_model, claim_types
from claimkit.text import fold_case_loose, reading_form

__all__ = ["RULES_VERSION", "RulesBackend"]

log = logging.getLogger(__name__)


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
#: or at most this many words, whatever their length, in a language written with spaces
_COMPOSE_WORDS = 4
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
#: at most this many words after the actor's name in a clause that repeats the claim of
#: the clause before with its verb left out ("а Норвегія – 90 мільйонів євро")
_GAPPED_WORDS = 8
#: what ends a clause inside a sentence
_CLAUSE_MARK = re.compile(r"[,;:–—]")
#: the same in a language written without spaces (Chinese): a verb of saying, 称, 说
_BARE_CHARS = 2
#: a complement clause opening with one of these (in its first characters) states a
#: condition: its consequence is in the clause after it
_IF = frozenset({"condition", "hypothetical"})
_IF_REACH = 8
#: how far after a cue a condition may open its complement inside its clause ("warned
#: that if", "advirtió que si", "memperingatkan bahwa jika")
_THAT_IF_REACH = 14


#: a comma inside a Chinese clause (a clause too short to stand alone is joined to the next)
_CJK_COMMA = re.compile(r"[,，]")


def _complement_start(text: str, hit: Hit, clauses: Sequence[tuple[int, int]], index: int) -> int | None:
    """Where the complement of a cue verb opens: the next clause when at most
    :data:`_BARE_WORDS` words follow the cue in its own; in Chinese (no spaces) when at
    most :data:`_BARE_CHARS` characters stand between the cue and a comma, right after
    that comma, inside the clause when the splitter joined a short clause to the next
    ("王毅警告说，如果 ..."). None: the cue has an object of its own."""
    end = clauses[index][1]
    if hit.lang.boundary == "none":
        comma = _CJK_COMMA.search(text, hit.end, end)
        if len(text[hit.end : comma.start() if comma else end].strip()) > _BARE_CHARS:
            return None
        if comma is not None:
            return comma.end()
    elif len(_WORD.findall(text, hit.end, end)) > _BARE_WORDS:
        return None
    return clauses[index + 1][0] if index + 1 < len(clauses) else None


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
        self._index_specs()
        self._finders = default_finders(gazetteer)
        self._gazetteer = gazetteer
        self._version: str | None = None
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

    def _index_specs(self) -> None:
        """The tables read from the type specs once, not per document or claim."""
        #: the (dropped, kept) type pairs whose dropped noun is "named again" later
        #: (:meth:`_named_again`), read once, not per document
        self._noun_drops = frozenset(
            (r.drop, r.by) for r in self._precedence if r.when == "after" and not self.specs[r.drop].verbal
        )
        self._merge_rules = {name: spec.merge for name, spec in self.specs.items()}
        #: each type's keyword maps its merge rules compare (:func:`merge_objects`), and
        #: whether a rule of it joins follow-ups (both read once, not per claim)
        self._objects = {
            name: ([r.object for r in spec.merge if r.object is not None], any(r.follow_up is not None for r in spec.merge))
            for name, spec in self.specs.items()
        }
        #: the cue categories a clause's hits come from (see :meth:`_clause_hits`)
        #: (a type's own cues, an action verb for a composed claim, a ``conditioned`` cue)
        self._claim_keys = frozenset(
            [*self.specs, "action", *(c for spec in self.specs.values() for c in spec.conditioned)]
        )
        #: every category a clause's hits are read from (:meth:`_clause_hits`): the claim
        #: keys, the ``compose`` modifiers, what a composed claim may not cross
        #: (:func:`_crosses`), questions and reporting venues (:func:`_venues`), and the
        #: words :func:`_purpose` and :func:`_not_asserted` look for inside the clause
        #: (:meth:`_stands` skips them when the clause has none)
        self._clause_keys = self._claim_keys | _UNASSERTED | frozenset(
            [*(c for spec in self.specs.values() for c in spec.compose), *_CROSSING, "question", "venue", "joint", "purpose",
             "outcome", "credit"]
        )
        #: the types with ``conditioned`` categories and those categories, in type order
        #: (:meth:`_conditioned` looks at no other type)
        self._conditioned_types = [(name, spec.conditioned) for name, spec in self.specs.items() if spec.conditioned]
        #: the claim types whose cues are verbs: a proper name opening their sentence is their subject
        self._verbal_types = [name for name, spec in self.specs.items() if spec.verbal]
        #: the types a future-tense verb states (:mod:`.tense`): those composed with ``future``
        self._future_types = [name for name, spec in self.specs.items() if "future" in spec.compose]
        #: what those types become when negated ("will not": a refusal), read as a forecast
        #: in a complement of its own subject (:func:`_forecast_complement`)
        self._negated_futures = frozenset(
            spec.negated_as for name, spec in self.specs.items() if name in self._future_types and spec.negated_as
        )

    @classmethod
    def from_options(cls, options: BackendOptions) -> RulesBackend:
        """The backend from the command's options (gazetteer, places, types)."""
        return cls(gazetteer=options.gazetteer, places=options.places, types=options.types)

    def describe(self) -> str:
        """One line for the command's stderr."""
        return "offline rules baseline"

    @property
    def version(self) -> str:
        """The version recorded in every output record, as an LLM backend's prompt version
        is: ``rules-1-`` and claimkit's release, then a digest of what the output depends on
        besides the code: the cue data (bundled, the types' cue files, ``cues=``), the
        types asked for, ``merge``, and the gazetteer and place tables (their
        :attr:`~claimkit.normalize.Gazetteer.digest`). Made once per backend. A resumed run
        (``--resume``, ``--db``) compares it with the records it holds."""
        if self._version is None:
            models = {name: claim_model(name) for name in self.specs}
            self._version = rules_version(self.cues, self.types, models, self.merge,
                                          self._gazetteer, self._places)
        return self._version

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
        return as_read(self._extract, document)  # in the text a reader sees (.reading)

    def date_paths(self, document: Document) -> list[tuple[list[tuple[int, int]], str]]:
        """Which rule dated each claim :meth:`extract` proposes, for the date bench
        (``bench/rules_dates.py``): its evidence spans on ``document.text`` and the
        path (:attr:`Candidate.date_path`; a merged claim's date may be a joining
        mention's). The publication's day is told apart: ``filed`` (a dateline's day
        before publication), ``dateline`` (no publication date: the dateline's),
        ``brief`` (the text names no day) or ``publication``. Changes no claim."""
        form = reading_form(document.text)
        read = document if form is None else document.model_copy(update={"text": form.text})
        scene, candidates = self._candidates(read)
        out = []
        for c in candidates:
            path = c.date_path
            if scene is not None:
                path = _path_named(path, document, scene)
            spans = [c.span, *c.spans]
            out.append((spans if form is None else [form.span(*span) for span in spans], path))
        return out

    def _extract(self, document: Document) -> BackendResult:
        text = document.text
        _, candidates = self._candidates(document)
        drafts = [
            Draft(
                type=c.type,
                fields=c.fields,
                spans=tuple(Span(start=s, end=e, text=text[s:e]) for s, e in [c.span, *c.spans]),
            )
            for c in candidates
        ]
        return BackendResult(drafts=drafts, model=None, version=self.version)

    def _candidates(self, document: Document) -> tuple[Scene | None, list[Candidate]]:
        """The document's claims as candidates, merged and dated, and the scene they were
        read in (None: no sentence holds a cue)."""
        text = document.text
        sentences, scan = segment(text), CueScan(text)
        claiming = self._claiming(document, sentences, scan)
        if not claiming:  # no sentence holds a cue: no actor, date, quantity or place is looked for
            return None, []
        scene = self._scene(document, sentences, scan)
        memo = Memo(scene)
        wanted = set(self.types)
        candidates: list[Candidate] = []
        for si, sentence, langs in claiming:
            candidates += self._sentence_candidates(memo, sentence, si, langs, wanted)
        candidates = self._named_again(scan, candidates, {lc.code: lc for _, _, langs in claiming for lc in langs})
        pair_actors(candidates, scene.speaks_for, scene.home)
        if self.merge:
            joined = {id(c.fields.get("date")): c.date_path for c in candidates if c.fields.get("date") is not None}
            candidates = merge_candidates(candidates, self._merge_rules)
            for c in candidates:  # a date a joining mention gave: its path
                if c.fields.get("date") is not None and c.date_path not in _DATED_PATHS:
                    c.date_path = joined.get(id(c.fields["date"]), c.date_path)
        for c in candidates:
            if c.story is not None and c.fields.get("date") is None:
                c.fields["date"] = memo.claim_date(c.story)
        return scene, candidates

    def _named_again(
        self, scan: CueScan, candidates: list[Candidate], langs: Mapping[str, LanguageCues]
    ) -> list[Candidate]:
        """A noun a claim of another type outranked (an ``after`` precedence rule whose
        dropped type is no ``verbal`` one: "will not attend the summit", "中方将不出席 ...
        和平峰会" refuses, no meeting) names that refused thing when the article says it
        again later with no date of its own and no person of its own: "Mao said the summit
        arrangements fell short", "中方缺席将削弱峰会的代表性" report no meeting either
        ("外相会合には代わりに宮路拓馬外務副大臣が出席する": another attends it, a meeting)."""
        pairs = self._noun_drops
        named: dict[str, list[tuple[int, str, frozenset[str]]]] = {}
        for c in candidates:
            for drop, by in pairs:
                if c.type == by:
                    labels = frozenset(a.label for a in c.fields.get("actor") or ())
                    named.setdefault(drop, []).extend(
                        (e, fold_case_loose(scan.text[s:e]), labels)
                        for lc in langs.values()
                        for s, e in scan.spans(lc, drop, *c.span)
                        if _governed_noun(scan, lc, by, (s, e), c.span)
                    )
        if not named:
            return candidates
        return [c for c in candidates if c.dated or not _told_again(scan, c, named.get(c.type, ()), langs)]

    def _claiming(
        self, document: Document, sentences: Sequence[Sentence], scan: CueScan
    ) -> list[tuple[int, Sentence, list[LanguageCues]]]:
        """The sentences that may state a claim, with their index and cue languages: not a
        question, with a cue language, and a cue of a claim type or an action verb in one
        of those (:meth:`_may_claim`). Only the cue scan runs for the others."""
        text, out = document.text, []
        for si, sentence in enumerate(sentences):
            if _QUESTION_END.match(text, sentence.end):
                continue  # asked, not stated: no language to choose
            langs = self._languages(text, sentence, document.language)
            if langs and self._may_claim(scan, sentence, langs):
                out.append((si, sentence, langs))  # else no clause of it can hold a claim
        return out

    def _scene(
        self, document: Document, sentences: Sequence[Sentence] | None = None, scan: CueScan | None = None
    ) -> Scene:
        """The document's text, sentences and cue scan (made here when not given) and what
        the finders find in it: actors, dates, quantities, places."""
        text = document.text
        places = _sorted([Mention(p.start, p.end, p.name) for p in self._places.find(text, language=document.language)])
        scan = CueScan(text) if scan is None else scan
        finders = self._finders
        dates = _sorted(finders.dates(document))
        found = self._people_and_actors(document, scan, places, dates)
        speaks_for: dict[str, Actor] = {}
        for m in found:  # the first mention naming a group speaks for all ("Katz" after
            # "Israeli Defence Minister Israel Katz")
            if m.value.kind in SPEAKING_KINDS and m.value.label not in speaks_for:
                group = finders.speaks_for(m.value)
                if group is not None:
                    speaks_for[m.value.label] = group
        named = acting(found, speaks_for)
        datelines = read_datelines(text, self._seat_in_text, [p.start for p in places])  # once per document
        home = self._home(document, named, speaks_for, article_dateline(datelines))
        actors = self._with_home(document, named, places, speaks_for, home)
        published = document.published
        if published is None:
            published = dateline_day(dates)  # no publication date given: the dateline's day is
            # when "on Tuesday" was; a dateline of a day before publication is when it was written
        elif (filed := filed_day(datelines, text, published, document.language)) is not None:
            published = filed
        if published != document.published:
            dates = _sorted(finders.dates(document.model_copy(update={"published": published})))
        dateline = frozenset(m.start for m in dates if dated(datelines, m.start))
        undated = [m for m in dates if m.start not in dateline] if dateline else dates
        sentences = segment(text) if sentences is None else sentences
        story, filed_story, story_actors = _story_days(text, sentences, (dates, undated), published, [*actors, *found])
        return Scene(
            text=text,
            sentences=sentences,
            actors=actors,
            # the dateline's date is when the article was written (the story date below, the
            # publication), not the date of the claims of its first sentence
            dates=undated,
            quantities=_sorted(finders.quantities(text, document.language)),
            places=places,
            cues=scan,
            published=published,
            story=story,
            filed=filed_story,
            story_actors=story_actors,
            # a capital opening a dateline is where the story was filed, no government acting
            seats=[m for m in seat_mentions(places, actors, self._places.seat_of, finders.resolve)
                   if not filed_from(datelines, m.start, m.end)],
            datelines=tuple(d.span for d in datelines),
            compounds=_compound_sides(text, finders.resolve),
            speaks_for=speaks_for,
            home=home,
            people=[m for m in found if m.value.kind == ActorKind.person],
            governed=_case_governed(finders, text, [*named, *found], document.language),  # the home nouns are
            # written in the nominative (HOME_NOUNS)
        )

    def _people_and_actors(
        self, document: Document, scan: CueScan, places: Sequence[Mention], dates: Sequence[Mention]
    ) -> list[Mention]:
        """The finders' actors and the people in no gazetteer named beside a verb of saying
        or after "with" (:func:`.partners.comitative_people`), by start; no person whose name
        is a date (:func:`_dated_names`)."""
        text = document.text
        found = _sorted(self._finders.actors(text, document.language))
        lc = self.cues.language(document.language) if document.language else None
        if lc is not None:  # people in no gazetteer named beside a verb of saying
            found = _sorted([*found, *reported_people(
                text, scan, lc, [*found, *places], document.language, self._finders.resolve,
                self._finders.honorifics(document.language))])
        if lc is not None:  # bodies in no gazetteer named as the subject opening a claim's sentence
            found = _sorted([*found, *proper_subjects(
                text, scan, lc, self._verbal_types, [*found, *places, *dates], self._finders.resolve,
                self._finders.actor_nouns(document.language))])
        partners = comitative_people(text, document.language, [*found, *places], self._finders.resolve)
        if partners:
            found = _sorted([*found, *partners])
        repeats = short_repeats(text, found, [*places, *dates], document.language)
        if repeats:  # a person named again by the surname or the given name alone
            found = _sorted([*found, *repeats])
        return _dated_names(text, found, dates) if dates else found

    def _home(
        self, document: Document, actors: Sequence[Mention], speaks_for: Mapping[str, Actor], dateline: Dateline | None
    ) -> Actor | None:
        """The country the article is at home in (:func:`.home.home_country`), as an actor;
        None when it cannot tell."""
        officials = [g.label for m in actors if m.value.kind == ActorKind.person
                     and (g := speaks_for.get(m.value.label)) is not None and g.kind == ActorKind.country]
        home = home_country(document, dateline, officials)
        actor = self._finders.resolve(country_name(home) or home if len(home) == 2 else home) if home else None
        return actor if actor is not None and actor.kind == ActorKind.country else None

    def _with_home(
        self, document: Document, actors: list[Mention], places: Sequence[Mention], speaks_for: dict[str, Actor],
        actor: Actor | None,
    ) -> list[Mention]:
        """``actors`` with the article's own government where the text names it without a
        country ("the government", 外交部, "Rząd"; see :mod:`.home`): as the country the
        article is at home in (``actor``), if it can tell; a spokesperson of that ministry is
        the country, and a state body in no gazetteer ("Ministerio de Agricultura") speaks for it."""
        if actor is None:
            return actors
        for label, country in state_bodies(actors, document.language, actor).items():
            speaks_for.setdefault(label, country)
        others = _sorted([*actors, *places])
        found, replaced = home_mentions(document.text, document.language, actor, others)
        for m in replaced:  # the ministry's spokesperson named after it speaks for the country
            if m.value.kind == ActorKind.person and m.value.label not in speaks_for:
                speaks_for[m.value.label] = actor
        replaced = [m for m in replaced if m.value.kind != ActorKind.person]
        bank = self._finders.central_bank(actor.iso_code) if actor.iso_code else None
        if bank is not None:  # "the central bank": the home country's
            found = _sorted([*found, *central_bank_mentions(document.text, document.language, bank, others)])
        if not found:
            return actors
        return _sorted([*(m for m in actors if all(m is not r for r in replaced)), *found])

    def _seat_in_text(self, written: str) -> str | None:
        """The government seated in the place written ``written`` ("SEOUL", "القاهرة"), if any."""
        name = self._places.resolve(written)
        return self._places.seat_of(name) if name else None

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
        if any(scan.has_any(lc, self._claim_keys, sentence.start, sentence.end) for lc in langs):
            return True
        return bool(self._future_types) and any(
            lc.code in FUTURE_LANGUAGES and may_hold(lc.code, scan.text, sentence.start, sentence.end) for lc in langs
        )

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
        # the clause's matches of every category read below, one lookup per language
        found = [(lc, scan.grouped(lc, self._clause_keys, cs, ce)) for lc in langs]
        # every hit below comes from a cue of a claim key (a type's own, an action verb, a
        # conditioned cue): a clause without one gives none (as _may_claim for a sentence)
        future = self._future_hits(scene, clause, sentence, found)
        if not future and all(self._claim_keys.isdisjoint(cues) for _, cues in found):
            return []
        if any("question" in cues for _, cues in found):
            return []  # "czy ...", "هل ...", "…のだろうか": asked, not stated
        hits = self._hits(scene, sentence, found) + future
        if not hits:
            return []
        # a cue inside a name is part of the name ("Coalition of the Willing"), and one inside
        # a reporting venue tells where words were said ("記者会見", "họp báo", "مؤتمر صحفي")
        inside = [*within(names, max(0, cs - _NAME_REACH), ce), *_venues(found)]
        if inside:
            hits = [h for h in hits if not any(a.start <= h.start and h.end <= a.end for a in inside)]
        by_code = {lc.code: cues for lc, cues in found}
        kept = [h for h in _longest_first(hits, scan.text) if self._stands(scan, h, clause, sentence, by_code[h.lang.code])]
        kept = [
            h for h in kept
            if not _uncommitted(scene, h, sentence, by_code[h.lang.code])
            and not _objectless(scene, h, clause)
            and not _forecast_complement(scene, h, sentence, self._negated_futures)
            and not (self.specs[h.type].verbal and _said_of_a_thing(scene, h))
        ]
        # "declined to comment on the meeting": neither the refusal to speak nor what
        # was not spoken about (after it in the clause) is a claim
        silent = [h.start for h in kept if self._voided(scan, h, clause, sentence[1], names)]
        if silent:
            kept = [h for h in kept if h.start < min(silent)]
        # one claim per type and clause, at its first cue
        first: dict[str, Hit] = {}
        for h in sorted(kept, key=_START):
            first.setdefault(h.type, h)
        if len(first) > 1:  # a rule needs two types in the clause
            for rule in self._precedence:
                _apply_precedence(rule, scene, first, langs, clause)
        return sorted(first.values(), key=_START)

    def _hits(
        self,
        scene: Scene,
        sentence: tuple[int, int],
        found: Sequence[tuple[LanguageCues, Mapping[str, Sequence[tuple[int, int]]]]],
    ) -> list[Hit]:
        """The clause's cues of each type, composed claims and ``conditioned`` cues, by
        language (``found``: each language's matches in the clause, by category)."""
        hits = [
            Hit(s, e, type_, lc)
            for lc, cues in found
            for type_ in self.specs
            for s, e in cues.get(type_, ())
        ]
        for lc, cues in found:
            if "action" in cues:  # a composed claim needs an action verb
                hits += self._composed(scene.text, cues, lc)
        if self._conditioned_types:
            for lc, cues in found:
                hits += self._conditioned(scene, sentence, cues, lc)
        return hits

    def _future_hits(
        self,
        scene: Scene,
        clause: tuple[int, int],
        sentence: tuple[int, int],
        found: Sequence[tuple[LanguageCues, Mapping[str, Sequence[tuple[int, int]]]]],
    ) -> list[Hit]:
        """Claims stated by a future-tense verb no cue word marks (:mod:`.tense`): "ne
        lèvera pas", "wird ... nicht aufheben", "не откроет" (negated: the types composed
        with ``future``, whose negation makes them a refusal), "enviará", "wird ...
        entsenden" (an ``action`` verb: a composed claim, as "will send"). Only where an
        actor able to decide is named before the verb in the clause ("Die Preise werden
        nicht sinken" forecasts), or the verb is in the first person in a sentence that
        names a person ("« Nous ne lèverons pas les sanctions », a déclaré le ministre
        X": the speaker), and not on a cue of a claim type (which says what it states:
        "n'enverra pas", "не примет")."""
        out: list[Hit] = []
        for lc, cues in found:
            if lc.code not in FUTURE_LANGUAGES or not self._future_types:
                continue
            for f in futures(lc.code, scene.text, *clause):
                if (f.negation is None and not _action_verb(lc, f)) or _on_cue(cues, self.specs, f):
                    continue
                if _decides(scene, lc, clause, sentence, f):
                    out += [Hit(f.start, f.end, name, lc, gap=f.negation) for name in self._future_types]
        return out

    def _stands(
        self,
        scan: CueScan,
        h: Hit,
        clause: tuple[int, int],
        sentence: tuple[int, int],
        cues: Mapping[str, Sequence[tuple[int, int]]],
    ) -> bool:
        """Whether the cue states a claim of its clause: not negated away (:meth:`_negation`,
        which may give it the type its negation names), no purpose, call, supposition,
        noun, belief or calling off. ``cues``: the clause's matches in the cue's language
        (:meth:`CueScan.grouped`); :func:`_purpose` and :func:`_not_asserted` look only
        inside the clause, so a clause without their words needs neither."""
        if not self._negation(scan, h, clause):
            return False
        if "purpose" in cues and _purpose(scan, h, clause, sentence[0]):
            return False
        spec = self.specs[h.type]  # after _negation: the type it states
        if not _UNASSERTED.isdisjoint(cues) and _not_asserted(scan, h, clause, generic=not spec.conditioned):
            return False
        if spec.verbal and _nominal(scan, h):
            return False
        if "outcome" in cues and _announced(scan, h, clause):
            return False  # "Bakan seçim sonuçlarını açıkladı": the minister announced the results
        if not spec.conditioned and _believed(scan, h, clause, scheduled=not spec.verbal):
            return False  # a meeting noun too: "Analysts expect Brazil to pledge more at the summit"
        return not self._called_off(scan, h, clause, sentence[1])

    def _called_off(self, scan: CueScan, hit: Hit, clause: tuple[int, int], sentence_end: int) -> bool:
        """A word of one of the type's ``void_clauses`` categories in the cue's clause, or
        later in its sentence with no cue of a claim type between: "Засідання Ради,
        заплановане на вівторок, перенесли" (the meeting, planned for Tuesday, was
        postponed: the verb after the participle clause)."""
        cs, ce = clause
        for category in self.specs[hit.type].void_clauses:
            if scan.has(hit.lang, category, cs, ce):
                return True
            later = scan.spans(hit.lang, category, ce, sentence_end)
            if later and not scan.has_any(hit.lang, self._claim_keys, hit.end, later[0][0]):
                return True
        return False

    def _voided(
        self, scan: CueScan, hit: Hit, clause: tuple[int, int], sentence_end: int, names: Sequence[Mention] = ()
    ) -> bool:
        """The cue's object is a word of one of its type's ``void_objects`` categories
        (``speech``): "declined to comment", "would not say whether", "refused to answer
        questions", "lehnte eine Stellungnahme ab", "拒绝置评", "رفضت الوزارة التعليق",
        "コメントを拒否した", "답변을 거부했다". Refusing to speak states no refusal of
        anything. The word stands after the cue's first word (inside a gapped cue:
        "lehnte ... ab"), at most :data:`_SPOKEN_REACH` characters after the cue with
        no cue of a claim type or action verb between ("refused to send troops or
        comment" stays); in verb-final languages right before the cue (a case ending
        and a space); the names of actors between count for nothing (a verb-first clause puts
        its subject there: "رفض المتحدث باسم الكرملين دميتري بيسكوف التعليق"). In the others
        also just before the cue (:meth:`_spoken_before`:
        "комментировать отказались", "від коментарів відмовилися"), and, when the
        cue ends its clause, in the next clause ("weigerte sich, die Berichte zu
        kommentieren"): see :func:`_spoken_next`."""
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
            for s, _ in _unreported(scan, lc, scan.spans(lc, category, hit.start + 1, ce)):
                if s - hit.end - sum(m.end - m.start for m in within(names, hit.end, s)) > _SPOKEN_REACH:
                    break
                if s <= hit.end or not scan.has_any(lc, self._claim_keys, hit.end, s):
                    return True
            before = _unreported(scan, lc, scan.spans(lc, category, max(cs, hit.start - _SPOKEN_REACH), hit.start))
            if any(self._spoken_before(scan, hit, e) for _, e in before):
                return True
            if self._spoken_next(scan, hit, category, ce, sentence_end):
                return True
        return False

    def _spoken_before(self, scan: CueScan, hit: Hit, end: int) -> bool:
        """A word of speaking ending at ``end`` is the object of the cue after it: at
        most :data:`_BARE_WORDS` words between, none a clause mark, cue of a claim
        type or action verb ("комментировать отказались", "коментувати ці дані
        відмовився")."""
        between = scan.text[end : hit.start]
        return (
            end < hit.start
            and len(_WORD.findall(between)) <= _BARE_WORDS
            and not _CLAUSE_MARK.search(between)
            and not scan.has_any(hit.lang, self._claim_keys, end, hit.start)
        )

    def _spoken_next(self, scan: CueScan, hit: Hit, category: str, ce: int, sentence_end: int) -> bool:
        """The cue ends its clause (at most :data:`_BARE_WORDS` words after it there) and
        the next clause is what was not said: a word of ``category`` in it, not its
        first word (", bestätigte ein Sprecher" reports), before any other clause
        mark and with no cue of a claim type or action verb between
        ("weigerte sich, Berichte über Waffenlieferungen zu kommentieren"). Only in
        languages written with spaces."""
        lc, text = hit.lang, scan.text
        if lc.boundary == "none" or len(_WORD.findall(text, hit.end, ce)) > _BARE_WORDS:
            return False
        for s, _ in scan.spans(lc, category, ce, sentence_end):
            between = text[ce + 1 : s]
            return (
                _WORD.search(between) is not None  # not a reporting verb: ", bestätigte ein Sprecher"
                and not _CLAUSE_MARK.search(between)
                and not scan.has_any(lc, self._claim_keys, ce, s)
            )
        return False

    def _composed(self, text: str, cues: Mapping[str, Sequence[tuple[int, int]]], lc: LanguageCues) -> list[Hit]:
        """Claims stated by a modifier and an action verb, no cue word ("may send", "enviará").

        For each type with ``compose`` categories: a cue of one of them followed
        closely (:func:`_action_near`) in the clause by an ``action`` cue, or preceded
        by one in verb-final languages (派遣を検討, göndermeyi değerlendiriyor, 지원을 검토).
        """
        actions = cues.get("action")
        if not actions:
            return []
        out = []
        for name, spec in self.specs.items():
            for category in spec.compose:
                for span in cues.get(category, ()):
                    found = _action_near(text, actions, span, lc)
                    if found is not None and not _crosses(cues, found[1]) and not self._own_cue(cues, name, *found):
                        (start, end), gap = found
                        out.append(Hit(start, end, name, lc, gap=gap))
        return out

    def _own_cue(
        self, cues: Mapping[str, Sequence[tuple[int, int]]], name: str, span: tuple[int, int], gap: tuple[int, int]
    ) -> bool:
        """The action verb of a composed claim is a cue of another claim type itself, which
        says what it states: "gelecek hafta yapılacak zirveye katılmayacağını" (will not
        attend the summit to be held next week) refuses; "yapılacak ... katıl-" composes
        no pledge."""
        verb = (gap[1], span[1]) if gap[1] < span[1] else (span[0], gap[0])
        return any(
            s < verb[1] and verb[0] < e
            for other in self.specs
            if other != name
            for s, e in cues.get(other, ())
        )

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
        for name, categories in self._conditioned_types:  # the types that have such cues
            spans = [sp for category in categories for sp in cues.get(category, ())]
            if spans and (
                conditioned(scene.cues, sentence, [lc]) or generic_case(scene.cues, sentence, spans[0][0], [lc])
            ):
                out.append(Hit(*spans[0], name, lc))
        return out

    def _gapped(self, scene: Scene, clause: tuple[int, int], previous: Sequence[Hit]) -> list[Hit]:
        """The clause states the claim of the clause before again, for another actor, its
        verb left out (gapping): "Japan pledged $40m, and Norway 20 million",
        "Німеччина надасть 150 мільйонів євро, а Норвегія – 90 мільйонів євро". It opens
        with a ``coordinator`` word and an actor's name, then a dash or a number and at
        most :data:`_GAPPED_WORDS` words, with no ``auxiliary`` ("a Nizozemska je
        kritizirala odluku" has a verb of its own); the clause before holds one claim
        of a ``verbal`` type. The hit is the clause after the name."""
        if len(previous) != 1 or not self.specs[previous[0].type].verbal:
            return []
        lc, (cs, ce), text, scan = previous[0].lang, clause, scene.text, scene.cues
        opener = next((e for s, e in scan.spans(lc, "coordinator", cs, ce) if not text[cs:s].strip()), None)
        if opener is None:
            return []
        name = next((m for m in within(scene.actors, opener, ce) if not text[opener : m.start].strip()), None)
        if name is None:
            return []
        rest = text[name.end : ce]
        if (
            len(_WORD.findall(rest)) > _GAPPED_WORDS
            or not (rest.lstrip()[:1] in "–—-" or any(c.isdigit() for c in rest))
            or scan.has(lc, "auxiliary", name.end, ce)
        ):
            return []
        return [Hit(name.end, ce, previous[0].type, lc)]

    def _outranked(self, hit: Hit, carried: Sequence[Hit]) -> bool:
        """``hit`` stands in the complement clause of a cue of the clause before
        (:meth:`_reach`), whose type drops its type by an ``after`` precedence rule:
        "ostrzegł, że Budapeszt zawetuje budżet" (warned that it would veto) is the
        warning's content, no refusal of its own."""
        return any(
            rule.when == "after" and rule.drop == hit.type and rule.by == c.type
            for c in carried
            for rule in self._precedence
        )

    def _sentence_candidates(
        self, memo: Memo, sentence: Sentence, si: int, langs: Sequence[LanguageCues], wanted: set[str]
    ) -> list[Candidate]:
        """The claims of one sentence, clause by clause. A cue inside the complement an
        earlier cue of its type took (:meth:`_reach`) is part of that claim; a cue its
        type's precedence outranks there is none (:meth:`_outranked`); a clause that
        repeats the claim before with its verb left out states it again (:meth:`_gapped`)."""
        scene = memo.scene
        span = (sentence.start, sentence.end)
        clauses = sentence.clauses
        out: list[Candidate] = []
        taken: dict[str, int] = {}  # per type, where the last claim's reach ends
        carried: list[Hit] = []  # cues of the clause before that take this one as complement
        previous: list[Hit] = []
        for ci, clause in enumerate(clauses):
            hits = [h for h in self._clause_hits(scene, clause, span, langs) if h.type in wanted]
            if carried:  # nothing to outrank in a clause no cue before takes as complement
                hits = [h for h in hits if not self._outranked(h, carried)]
            hits = hits or self._gapped(scene, clause, previous)
            previous, carried = hits, []
            for hit in hits:
                if hit.start < taken.get(hit.type, -1):
                    continue
                reach = self._reach(scene, clauses, ci, hit)
                taken[hit.type] = reach[1]
                c = self._candidate(memo, hit, Site(reach, span, si, langs))
                c.span = _with_subject(scene, clauses, ci, hit, c.span)
                out.append(c)
                if reach[1] > clause[1]:
                    carried.append(hit)
        return out

    def _reach(self, scene: Scene, clauses: Sequence[tuple[int, int]], index: int, hit: Hit) -> tuple[int, int]:
        """The clause of ``hit``, and the next clause of its sentence when the type takes
        a ``complement`` and the cue ends its own clause.

        "Zakharova warned, that ...", "ostrzegła, że ...", "предупредил, что ...",
        "drohte mit Gegenmaßnahmen, falls ...": a cue verb with at most
        :data:`_BARE_WORDS` words after it in its clause states its claim in the
        clause that follows (what is warned of, its condition); the claim's span and
        fields take both, and a clause opening with a condition after that one
        ("ostrzegł, że zawetuje budżet, jeśli ..."). Only in languages written with
        spaces (a word count means nothing in Chinese, so there at most :data:`_BARE_CHARS` characters:
        "毛宁警告，如果 ...", "协会警告称，...") whose verb comes before its complement
        (in Japanese, Turkish or Korean what is warned of comes before the verb, in its
        clause). Only a cue of the type's own list: a threat word stated as a
        consequence (``conditioned``) is its own clause. A complement that opens with a
        condition ("warned that if ..., ...") takes the clause after it too.
        """
        start, end = clauses[index]
        if (
            not self.specs[hit.type].complement
            or hit.lang.negation_after
            or not scene.cues.has(hit.lang, hit.type, hit.start, hit.end)
        ):
            return start, end
        opens = _complement_start(scene.text, hit, clauses, index)
        if opens is None:
            # "warned that if the talks fail, tariffs will return", "cảnh báo rằng nếu ...,
            # ...": the complement opens with a condition in the cue's clause; what is
            # warned of is the clause after it
            if index + 1 < len(clauses) and scene.cues.has_any(hit.lang, _IF, hit.end, hit.end + _THAT_IF_REACH):
                return start, clauses[index + 1][1]
            return start, end
        last = index if opens < end else index + 1  # the clause the complement is
        if last + 1 < len(clauses) and scene.cues.has_any(hit.lang, _IF, opens, opens + _IF_REACH):
            last += 1
        # and the condition after it: "warned that Budapest will veto the budget, if
        # Brussels does not ...", "ostrzegł, że zawetuje budżet, jeśli ..."
        nxt = clauses[last + 1][0] if last + 1 < len(clauses) else None
        if nxt is not None and last > index and scene.cues.has_any(hit.lang, _IF, nxt, nxt + _IF_REACH):
            last += 1
        return start, clauses[last][1]

    def _negation(self, scan: CueScan, hit: Hit, clause: tuple[int, int]) -> bool:
        """Apply the type's ``negated_as`` to a negated cue; False: the cue states no claim.

        No negation from :data:`_NEG_WINDOW` before the clause or the cue to
        :data:`_GAP_REACH` after them (every window :func:`_denied_hedge` and
        :func:`_negated` read lies there): the cue stands as it is, one lookup."""
        lo, hi = max(0, min(clause[0], hit.start - _NEG_WINDOW)), max(clause[1], hit.end + _GAP_REACH)
        if not scan.has(hit.lang, "negation", lo, hi):
            return True
        spec = self.specs[hit.type]
        if _denied_hedge(scan, hit, own=spec.negated_as is not None):
            return False  # "schloss nicht aus", "не исключил", "nie wyklucza": no refusal
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

    def _candidate(self, memo: Memo, hit: Hit, site: Site) -> Candidate:
        scene = memo.scene
        spec = self.specs[hit.type]
        subject, own_actor, hosted = subject_of(memo, hit, site, spec.actor_from)
        if spec.speaker:
            subject = with_group(scene, with_speaker(scene, site, subject, hit))
        fields: dict[str, Any] = {"actor": subject}
        objects, follows = self._objects[hit.type]
        anaphoric = follows and _anaphoric(scene.cues, hit)
        ahead = (spec.dated_ahead and not _agreed(scene, site)) or not spec.modality
        date, path = _own_date(memo, hit, site, ahead=ahead, anaphoric=anaphoric, term=bool(spec.modality))
        dated = path in _OWN_PATHS
        story = None
        if date is not None:
            fields["date"] = date.value
        elif spec.undated_ahead and _told_ahead(scene, site, spec.undated_ahead):
            path = "ahead"  # "will meet next week": not on the day it was announced, in
            week = next_week(scene.text, *site.clause, scene.published)  # next week's month
            if week is not None:
                fields["date"] = week
        else:
            story, path = story_choice(memo, site, subject)
        if spec.modality:
            fields["modality"] = modality(scene, hit, site, hedges=spec.hedges)
        ctx = Ctx(scene, hit, site, subject, fields, memo)
        for rule in spec.fields:
            value = fill(rule, ctx)
            if value is not None:
                fields[rule.field] = value
        found = merge_objects(memo, hit, site, objects) if objects else {}
        pair, sides = _pair(scene, hit, site)
        return Candidate(
            hit.type, site.clause, fields, site.index, own_actor, objects=found, hosted=hosted,
            anaphoric=anaphoric, dated=dated, story=story, date_path=path,
            headline=in_headline(scene.text, site), quoted=quoted(scene.text, site.sentence[0], hit.start),
            pair=pair, sides=sides,
        )  # fmt: skip


# ------------------------------------------------------------------- helpers


def _story_days(
    text: str,
    sentences: Sequence[Sentence],
    dates: tuple[Sequence[Mention], Sequence[Mention]],
    published: dt.date | None,
    actors: Sequence[Mention],
) -> tuple[Mention | None, Mention | None, frozenset[str]]:
    """The story's day (:attr:`Scene.story`), the dateline's day when the lead names
    another after it (:attr:`Scene.filed`), and the labels of the actors of the story
    day's sentence. ``dates`` are all the dates and those outside the dateline:
    "PALERMO, 29 luglio 2026 (...) - L'intesa raggiunta ieri da Tajani e Nafti" tells of
    the 28th (what Tajani and Nafti say later in it, with no day of its own, was said
    then), while another actor's word later in it was said on the 29th."""
    every, undated = dates
    story = story_dates(text, undated, published)
    filed = story_dates(text, every, published) if len(undated) < len(every) else None
    if story is None or filed is None or filed.start == story.start:
        return story or filed, None, frozenset()
    sentence = next((st for st in sentences if st.start <= story.start < st.end), None)
    if sentence is None:
        return story, None, frozenset()
    named = within(actors, sentence.start, sentence.end)  # a country is named in every lead
    return story, filed, frozenset(m.value.label for m in named if m.value.kind != ActorKind.country)


#: languages whose nouns carry their case, nominative the name's own form: a country
#: written with another ending is an object, a recipient or a complement, not a subject
_CASE_LANGUAGES = frozenset({"ru", "uk", "be", "pl", "cs", "sk", "hr", "sr", "bs", "sl"})


def _unreported(scan: CueScan, lc: LanguageCues, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` less those inside a ``reporting`` phrase: "nach Angaben des Ministeriums"
    (according to) tells who says the claim, it is no information refused ("Österreich
    wird nach Angaben des Außenministeriums keine Soldaten entsenden" refuses troops)."""
    if not spans:
        return spans
    phrases = scan.spans(lc, "reporting", max(0, spans[0][0] - _REPORTING_LEAD), spans[-1][1])
    return [(s, e) for s, e in spans if not any(rs <= s and e <= re_ for rs, re_ in phrases)]


#: how far before a word of speaking a reporting phrase holding it may start ("nach Angaben")
_REPORTING_LEAD = 24


def _case_governed(finders: Finders, text: str, actors: Sequence[Mention], language: str | None) -> frozenset[int]:
    """The starts of the one-word country names written in an oblique case, and of the
    people's names whose last word is (:func:`_oblique_person`) (:attr:`Scene.governed`)."""
    if language not in _CASE_LANGUAGES:
        return frozenset()
    return frozenset(
        m.start for m in actors
        if (m.value.kind == ActorKind.country and finders.governed(text, m.start, m.end, language))
        or (m.value.kind == ActorKind.person and _oblique_person(finders, text, m, language))
    )


#: the dative, accusative and instrumental endings of a man's surname ("Zełenskiego",
#: "Sikorskiemu", "Tuskowi", "Зеленскому", "Макроном", "Зеленському", "Zelenskom"); the
#: genitive "-a" and "-у" endings are left out (nominatives end so too: "Duda", "Шойгу")
_PERSON_CASE_ENDINGS = {
    "pl": ("ego", "emu", "owi", "ewi"),
    "ru": ("ого", "ому", "ему", "ым", "ом", "ем", "ову", "еву", "ину"),
    "uk": ("ого", "ому", "ему", "им", "ом", "ем", "ові", "еві", "ину"),
    "hr": ("om", "em", "ću"),
}


def _oblique_person(finders: Finders, text: str, m: Mention, language: str) -> bool:
    """A person of the gazetteer named with a case ending on the last word of the name
    (:data:`_PERSON_CASE_ENDINGS`), a form no alias lists ("Premier zapewnił
    *Zełenskiego*, że ...", "obiecał *Sikorskiemu*", "пообещал *Зеленскому*"): an object
    or a recipient in a language with cases, never a subject. A person in no gazetteer so
    named whose name was put back in the nominative ("с министром *Иваном Петровым*",
    "s ministrom *Ivanom Horvatom*": the name's last word is not the one written) is too."""
    last = text[m.start : m.end].split()[-1] if text[m.start : m.end].split() else ""
    if not last.lower().endswith(_PERSON_CASE_ENDINGS.get(language, ())):
        return False
    if finders.resolve(m.value.label) is None:
        name = m.value.label.split()
        return bool(name) and (romanised(last, language) or last).casefold() != name[-1].casefold()
    end = m.end
    return finders.governed(text, end - len(last), end, language)


def _with_subject(
    scene: Scene, clauses: Sequence[tuple[int, int]], index: int, hit: Hit, span: tuple[int, int]
) -> tuple[int, int]:
    """The evidence span of a cue verb that opens a later clause of its sentence (at
    most :data:`_OPENING_WORDS` words before it there: a pronoun, an auxiliary) starts
    with the sentence's first clause, where its subject stands: "El presidente ..., Pedro Sánchez, y el presidente
    argelino, Abdelmadjid Tebboune, se reunieron", "les ministres ..., la France,
    l'Allemagne et la Pologne, s'étaient réunis". Only in languages written with spaces
    whose subject comes before the verb; the fields keep the clause. Not when a name or
    a ``coordinator`` stands before the cue in its clause: "but Austria refused" has its
    subject, "but refused" is a second predicate whose first is another claim."""
    lc, opening = hit.lang, clauses[index][0]
    if index == 0 or lc.boundary == "none" or lc.negation_after:
        return span
    if len(_WORD.findall(scene.text, opening, hit.start)) > _OPENING_WORDS:
        return span
    if within(scene.actors, opening, hit.start) or scene.cues.has(lc, "coordinator", opening, hit.start):
        return span
    return clauses[0][0], span[1]


#: how many words may stand before a cue that opens its clause (a pronoun and an
#: auxiliary: "s'étaient réunis", "si sono riuniti")
_OPENING_WORDS = 2


#: how far after a cue the word of speaking that is its object may start, names of actors
#: aside: a verb-first clause puts its subject between ("رفضت وزارة الخارجية الأمريكية
#: التعليق", "رفض المتحدث باسم وزارة الخارجية الفرنسية كريستوف لوموان التعليق")
_SPOKEN_REACH = 48


#: how far a ``joint`` word may stand from the venue it qualifies (a space, a particle)
_JOINT_GAP = 2


#: how far after a verb-first cue its "both sides" subject may end (a space, then the word)
_PAIR_AFTER = 12


def _own_subject(scene: Scene, lc: LanguageCues, site: Site, both_end: int, cue: int) -> bool:
    """The cue's clause, after the one of a ``both`` word, names someone before the cue:
    its own subject ("根据双方达成的共识，中方将派出": by the consensus both sides reached,
    China will send; "The two countries signed ... - Carney expressed support"). Not in a language that puts its objects before the verb (Japanese,
    Korean, Turkish: "両氏は、北朝鮮への制裁を...で一致した")."""
    cs = site.clause[0]
    if both_end > cs or lc.negation_after:
        return False
    return bool(within(scene.actors, cs, cue) or within(scene.people, cs, cue))


def _pair(scene: Scene, hit: Hit, site: Site) -> tuple[bool, bool]:
    """Whether the claim's subject is "both sides": a ``both`` word before the cue in its
    sentence ("両氏は、...拡大することで一致した": the subject may stand in a clause of its
    own; "стороны подписали": the word may be written with the cue), or right after it in
    a verb-first clause ("واتفق الجانبان على ..."); and whether that word, the nearest
    before the cue else the first after it, is a ``sides`` word ("both sides", 双方: the
    two countries or bodies), not one for two people ("the two leaders", 两国元首), and
    the subject: not when the cue's clause names its own (:func:`_own_subject`)."""
    for lc in site.langs:
        before = [span for span in scene.cues.spans(lc, "both", site.sentence[0], hit.end) if span[0] < hit.start]
        found = before[-1:] or scene.cues.spans(lc, "both", hit.end, min(site.clause[1], hit.end + _PAIR_AFTER))[:1]
        if found:
            sides = found[0] in scene.cues.spans(lc, "sides", *found[0])
            return True, sides and not (before and _own_subject(scene, lc, site, before[-1][1], hit.start))
    return False, False


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


#: a hit's start, the order of a clause's hits (C: no Python call per hit)
_START = attrgetter("start")


#: how far a date holding a name may start before it or end after it ("Dienstag, 3. Juni 2025")
_DATE_REACH = 40


def _dated_names(text: str, found: list[Mention], dates: Sequence[Mention]) -> list[Mention]:
    """``found`` without the people in no gazetteer whose name, as written, lies inside a
    date the date finder reads: a month, a weekday or any date phrase after a title is when,
    not who ("Treffen mit seinem Amtskollegen *für Juni*", "mit dem Kanzler *Anfang Juni*",
    "le président *Lundi*", "o seu homólogo *para Junho*")."""
    out = []
    for m in found:
        a = m.value
        if a.kind == ActorKind.person and not a.resolved:
            at = text.rfind(a.label, m.start, m.end)
            near = within(dates, max(0, at - _DATE_REACH), at + len(a.label) + _DATE_REACH) if at >= 0 else ()
            if any(d.start <= at and at + len(a.label) <= d.end for d in near):
                continue
        out.append(m)
    return out


#: a word of parts joined by hyphens, each of three letters or more ("российско-турецких",
#: "українсько-польської", "Russian-Turkish", "polsko-ukraińskie")
_COMPOUND = re.compile(r"[^\W\d_]{3,}(?:-[^\W\d_]{3,})+")
_COMPOUND_PART = re.compile(r"[^\W\d_]+")


def _compound_sides(text: str, resolve: Callable[[str], Actor | None]) -> tuple[tuple[Mention, ...], ...]:
    """The compounds of ``text`` whose every part names a different country (a country
    adjective's combining form, "российско-", "polsko-", or any form of it), each part as
    a mention of its country: the sides of the talks such a word qualifies
    (:attr:`Scene.compounds`). Names joined by hyphens that are not all countries
    ("Jean-Pierre", "Guinea-Bissau") are none."""
    out: list[tuple[Mention, ...]] = []
    for m in _COMPOUND.finditer(text):
        parts = [Mention(p.start(), p.end(), resolve(p.group())) for p in _COMPOUND_PART.finditer(text, m.start(), m.end())]
        actors = [p.value for p in parts if p.value is not None and p.value.kind == ActorKind.country]
        if len(actors) == len(parts) and len({a.label for a in actors}) == len(actors):
            out.append(tuple(parts))
    return tuple(out)


def _sorted(mentions: Sequence[Mention]) -> list[Mention]:
    return sorted(mentions, key=_START_END)


#: a mention's (start, end), the order of a scene's mentions (C: no Python call per mention)
_START_END = attrgetter("start", "end")


def _reported_date(scene: Scene, site: Site) -> Mention | None:
    """The day-precise date of the next sentence of the claim's paragraph when it tells who
    said this one, and when: an ``attribution`` word near its start ("... 105 milioni di euro.
    Lo ha annunciato ieri la presidente ...", "Об этом заявил во вторник ...", "Hal itu
    disampaikan Menteri ..., Minggu (15/11)"). The article's first sentences are dated by
    the day they were said, not by the dateline."""
    found = attribution_sentence(scene, site) or _next_paragraph_attribution(scene, site)
    if found is None:
        return None
    for m in within(scene.dates, *found):
        if m.value.value is not None and len(m.value.value) == len("2025-03-27"):
            return m
    return None


#: how far into the next paragraph's first sentence its attribution word may start: it
#: opens it ("Lo ha annunciato", "Об этом заявил", "Hal itu disampaikan")
_OPENING_ATTRIBUTION = 24


def _next_paragraph_attribution(scene: Scene, site: Site) -> tuple[int, int] | None:
    """The first sentence of the next paragraph when the claim's sentence is the whole of
    its own and that sentence opens with an ``attribution`` word: agencies write a lead of
    one sentence and say who said it, and when, in the next ("La Francia invierà ...
    all'Ucraina.\\n\\nLo ha annunciato ieri ..."). Its ``(start, end)``, else None."""
    following = site.index + 1
    if following >= len(scene.sentences):
        return None
    start, end = scene.sentences[following].start, scene.sentences[following].end
    text = scene.text
    if "\n" not in text[site.sentence[1] : start] or text[text.rfind("\n", 0, site.sentence[0]) + 1 : site.sentence[0]].strip():
        return None  # the same paragraph (attribution_sentence's), or not the whole of its own
    reach = start + _OPENING_ATTRIBUTION
    if any(s < reach for lc in site.langs for s, _ in scene.cues.spans(lc, "attribution", start, min(end, reach + 40))):
        return start, end
    return None


#: the paths of a date found in the claim's own clause or sentence (:attr:`Candidate.dated`)
_OWN_PATHS = frozenset({"clause", "sentence"})
#: the paths of a date mention near the claim (before the story's day is given)
_DATED_PATHS = _OWN_PATHS | {"reported", "paragraph", "setting"}


def _path_named(path: str, document: Document, scene: Scene) -> str:
    """A story's or publication's path named by the day it gave (:meth:`RulesBackend.date_paths`):
    the story's day the lead's dateline gives (``story dateline``), a sentence of the lead
    (``story``); the publication's (:func:`_publication_path`)."""
    if path == "story" and scene.story is not None and all(m.start != scene.story.start for m in scene.dates):
        return "story dateline"
    return _publication_path(document, scene) if path == "publication" else path


def _told_ahead(scene: Scene, site: Site, categories: Sequence[str]) -> bool:
    """The claim's clause tells of an event still to happen (:attr:`TypeSpec.undated_ahead`):
    a word of one of the modifier ``categories`` ("will", "sẽ", "将", 予定) in it, or a
    future-tense verb (:func:`.tense.futures`: "rencontrera", "se reunirá", "incontrerà")."""
    if any(scene.cues.has(lc, category, *site.clause) for category in categories for lc in site.langs):
        return True
    return "future" in categories and any(
        lc.code in FUTURE_LANGUAGES and futures(lc.code, scene.text, *site.clause) for lc in site.langs
    )


def _publication_path(document: Document, scene: Scene) -> str:
    """Which day the publication path gave (:meth:`RulesBackend.date_paths`)."""
    if document.published is None:
        return "dateline"
    if scene.published != document.published:
        return "filed"
    return "publication" if any(m.value.value and len(m.value.value) >= len("2025-03") for m in scene.dates) else "brief"


def _own_date(
    memo: Memo, hit: Hit, site: Site, *, ahead: bool, anaphoric: bool, term: bool = True
) -> tuple[Mention | None, str]:
    """The date mention that dates the claim from the text around it, and the path that
    chose it (:attr:`Candidate.date_path`): the nearest in its clause (``clause``), else in
    its sentence (``sentence``), else the next sentence's attribution (``reported``), else
    the last day earlier in its paragraph (``paragraph``); ``(None, "none")`` when none does.

    A refusal or warning (not ``ahead``) is dated by the day it was made: a date after
    publication is the threatened event's ("entro aprile", "bulan depan"); a pledge
    (dated_ahead) by when what it promises is to happen ("by 2030", "2028年までに"); a
    meeting (not ``term``) by no term (:func:`_dates_no_term`)."""
    scene = memo.scene
    dates = (scene.dates if term else _dates_no_term(memo)) if ahead else _dates_not_ahead(memo)
    if not term and (date := _relative_date(scene, site, dates)) is not None:
        return date, "clause"
    date = nearest(dates, hit.start, site.clause)
    if date is not None:
        return date, "clause"
    if not anaphoric:
        # a meeting named again ("nakon razgovora", "after the talks") takes no date of
        # another clause: "will send aid on Tuesday, he announced after the call"
        date = nearest(dates, hit.start, site.sentence)
        if date is not None:
            return date, "sentence"
        date = _reported_date(scene, site)
        if date is not None:
            return date, "reported"
    date = _narrative_date(scene, site)
    if date is not None:
        return date, "paragraph"
    date = _setting_date(scene, site, hit.start)
    return (date, "setting") if date is not None else (None, "none")


def _agreed(scene: Scene, site: Site) -> bool:
    """The claim's sentence tells of an agreement signed (a ``signing`` word of its
    language: "signed", "accord", "assinaram um acordo", "подписали соглашение", "签署",
    "ký thỏa thuận"): the promise was made that day, and a year or month ahead in it is
    the agreement's term ("signed a deal to supply gas until 2040"), not the pledge's date.
    A verb of agreeing alone ("agreed to", "погодилася", "同意") is no such sign: its gold
    dates by the term as often as by the day."""
    return any(scene.cues.has(lc, "signing", *site.sentence) for lc in site.langs)


#: how far after its clause's end a relative pronoun opening the next clause may stand
_RELATIVE_GAP = 3


def _relative_date(scene: Scene, site: Site, dates: Sequence[Mention]) -> Mention | None:
    """The first date of the relative clause right after a meeting's clause (a
    ``subject_relative`` word opening it: "po spotkaniu ..., które odbyło się we wtorek",
    "после встречи ..., которая прошла в понедельник", "the talks, which were held on
    Monday"): when that meeting was held, though the clause that names it tells of another
    day ("Porozumienie ogłoszono po spotkaniu, które ... odbył w poniedziałek")."""
    end, stop = site.clause[1], site.sentence[1]
    for lc in site.langs:
        opening = scene.cues.spans(lc, "subject_relative", end, min(stop, end + _RELATIVE_GAP + 12))
        if opening and opening[0][0] - end <= _RELATIVE_GAP:
            comma = scene.text.find(",", opening[0][1], stop)
            inside = within(dates, opening[0][1], stop if comma < 0 else comma)
            return inside[0] if inside else None
    return None


def _dates_no_term(memo: Memo) -> Sequence[Mention]:
    """The document's dates but the terms (:func:`normalize.dates.is_term`: "ab Oktober",
    "до конца июня", "do 2027"), what dates a meeting: a meeting named again next to a
    deadline ("after the meeting, Iraq pledged to cut output by the end of June") is not
    held then. Made once per document (:attr:`Memo.shared`)."""
    found: Sequence[Mention] | None = memo.shared.get("no_term")
    if found is None:
        found = memo.shared["no_term"] = [m for m in memo.scene.dates if not is_term(m.value)]
    return found


def _dates_not_ahead(memo: Memo) -> Sequence[Mention]:
    """:func:`_not_ahead` of the document's dates, made once per document (:attr:`Memo.shared`)."""
    found: Sequence[Mention] | None = memo.shared.get("not_ahead")
    if found is None:
        ranged = _ranges(memo.scene.text, memo.scene.dates)
        dates = [m for m in memo.scene.dates if m.start not in ranged] if ranged else memo.scene.dates
        found = memo.shared["not_ahead"] = _not_ahead(dates, memo.scene.published)
    return found


#: what joins the two ends of a period ("from 1 May to 16 August", "du 1er mai au 16
#: août", "vom 1. Mai bis 16. August", "с 1 мая по 16 августа", "từ ngày 1/5 đến ngày 16/8")
_RANGE_JOIN = re.compile(
    r"\s*(?:-|–|—|to|until|till|through|au|jusqu['’]au|bis|bis zum|al|hasta el|hasta|a|ao|até|fino al|"
    r"по|до|do|đến|hingga|sampai|إلى|حتى)\s*(?:the\s+|le\s+|el\s+|o\s+|ngày\s+|tanggal\s+)?",
    re.IGNORECASE,
)


def _ranges(text: str, dates: Sequence[Mention]) -> frozenset[int]:
    """The starts of the dates that are the ends of a period: when what the claim tells
    of runs ("a fishing ban from 1 May to 16 August"), not when a refusal or a warning
    was made."""
    out: set[int] = set()
    for a, b in pairwise(dates):
        if b.start - a.end <= _RANGE_GAP and _RANGE_JOIN.fullmatch(text, a.end, b.start):
            out.update((a.start, b.start))
    return frozenset(out)


#: how many characters may join the two ends of a period
_RANGE_GAP = 16


def _not_ahead(dates: Sequence[Mention], published: dt.date | None) -> Sequence[Mention]:
    """The dates that do not lie after publication: a period or a day ahead ("next month",
    "by April", "2028年までに") dates what is promised or threatened, not the claim, which
    is dated by the day it was made. No publication date: all of them."""
    if published is None:
        return dates
    day = published.isoformat()
    return [m for m in dates if not _after(m.value.value, day)]


def _after(value: str | None, day: str) -> bool:
    """Whether the ISO date or period ``value`` starts after the ISO day ``day``
    ("2026-04" after "2026-02-05"; "2026-02", the month of that day, is not)."""
    return value is not None and value[:10] > day[: len(value[:10])]


def _setting_date(scene: Scene, site: Site, cue: int) -> Mention | None:
    """The last day-precise date before the claim's sentence (up to :data:`_PARAGRAPH_REACH`
    characters back, across paragraphs) when a meeting the article told of before is where
    the claim was made: a ``meeting`` noun with an ``anaphor`` before it or an
    ``anaphor_after`` after it between the sentence's start and the cue ("Dalam pertemuan
    tersebut, Uni Eropa berjanji ...", "At the meeting, Japan pledged ...", "В ходе этой
    встречи ... пообещал"); that meeting was held on the day the article named for it."""
    start = site.sentence[0]
    if not any(_determined(scene.cues, lc, s, e) for lc in site.langs for s, e in scene.cues.spans(lc, "meeting", start, cue)):
        return None
    for m in reversed(within(scene.dates, max(0, start - _PARAGRAPH_REACH), start)):
        value = m.value.value
        if value is not None and len(value) == len("2025-03-27"):
            return m
    return None


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
#: what may stand between a determiner and its noun: spaces, an opening quote, an elision,
#: the Arabic article the noun's cue match leaves out ("هذه المحادثات", "عقب الاجتماع")
_DETERMINER_GAP = re.compile(r"[\s\"'’«»“”„「」『』]*(?:ال)?")


def _anaphoric(scan: CueScan, hit: Hit) -> bool:
    """The cue noun is one the article has already told of: an ``anaphor`` determiner
    right before it ("the meeting", "diese Gespräche", "la réunion", "この会議", "эти
    переговоры", "이번 회담") or an ``anaphor_after`` one right after it ("cuộc họp này",
    "pertemuan tersebut"), nothing but spaces or quotes between; or a word that makes the
    meeting the setting of what is said ("会談で、", "통화에서", "usai pertemuan", "عقب
    المحادثات": at, after the talks), which the article has told of before. Or the cue is a verb
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


def _action_verb(lc: LanguageCues, future: Future) -> bool:
    """One of the infinitives a future verb stands for is an ``action`` cue of its language."""
    pattern = lc.patterns.get("action")
    return pattern is not None and any(pattern.fullmatch(word) for word in future.infinitives)


def _decides(
    scene: Scene, lc: LanguageCues, clause: tuple[int, int], sentence: tuple[int, int], future: Future
) -> bool:
    """Whoever states a future verb may decide it: an actor named before the verb in the
    clause with no complement of a subject of its own between (:func:`_speaks_for_future`), a
    capital opening the clause or a complement (:func:`_opening_seat`), the speaker of a complement that
    leaves its subject out (:func:`_reported_decider`), or a person named in the sentence
    who speaks in the first person."""
    lo, hi = clause[0], future.verb[0]
    named = [*within(scene.actors, lo, hi), *within(scene.people, lo, hi)]
    if any(_speaks_for_future(scene, lc, m.end, future) for m in named) or _opening_seat(scene, lc, lo, future):
        return True
    if _reported_decider(scene, lc, sentence, future):
        return True
    return future.first_person and (
        bool(within(scene.people, *sentence))
        or any(m.value.kind == ActorKind.person for m in within(scene.actors, *sentence))
    )


#: how many words may stand between a verb of saying and the complementizer it opens
#: ("anunció anoche ante sus simpatizantes que ...")
_REPORTED_GAP_WORDS = 6


def _reported_decider(scene: Scene, lc: LanguageCues, sentence: tuple[int, int], future: Future) -> bool:
    """A future with its subject left out right after the complementizer of a verb of
    saying whose subject is named before it: "Quispe anunció que no reconocerá los
    resultados", "Министр заявил, что не признает ...", "rekao je da neće priznati": the
    speaker decides it. Not a clause with a subject of its own ("dijo que los precios no
    bajarán": words between the complementizer and the future)."""
    text, scan = scene.text, scene.cues
    lo = sentence[0]
    comp = [(s, e) for s, e in scan.spans(lc, "complementizer", lo, future.start) if not text[e : future.start].strip()]
    if not comp:
        return False
    cs = comp[-1][0]
    for rs, re_ in scan.spans(lc, "reporting", lo, cs):
        gap = text[re_:cs]
        if len(_WORD.findall(gap)) <= _REPORTED_GAP_WORDS and "." not in gap:
            return bool(within(scene.actors, lo, rs) or within(scene.people, lo, rs))
    return False


def _speaks_for_future(scene: Scene, lc: LanguageCues, end: int, future: Future) -> bool:
    """A name ending at ``end`` may decide the future after it: no complement of a subject
    of its own stands between, or that subject is someone (:func:`_names_no_one`: "dijo
    que él no ...", "a déclaré qu'il ne ...", "que Paris ne reconnaîtra pas"). "Pedro
    Castillo dijo que los precios no bajarán": prices, no one."""
    subject = _complement_subject(scene, lc, end, future.start)
    return subject is None or not _names_no_one(scene, lc, subject)


def _complement_subject(scene: Scene, lc: LanguageCues, lo: int, verb: int) -> tuple[int, int] | None:
    """The subject of its own that a complement clause gives the verb at ``verb``: the
    words from the end of the last ``complementizer`` in ``lo .. verb`` (else of the last
    ``reporting`` verb there) to the verb. "Pedro Castillo dijo que los precios no
    bajarán", "Castillo said prices will not fall": prices, not Castillo. None when the
    verb follows the complement's start directly ("Quispe anunció que no reconocerá", "said
    it would never": "it" is a word, so a subject) or nothing opens a complement there."""
    scan = scene.cues
    opens = [e for _, e in scan.spans(lc, "complementizer", lo, verb)]
    opens = opens or [e for _, e in scan.spans(lc, "reporting", lo, verb)]
    if not opens or _WORD.search(scene.text, opens[-1], verb) is None:
        return None
    return opens[-1], verb


#: how many words a complement's subject that names no one may have
_SUBJECT_WORDS = 6


def _names_no_one(scene: Scene, lc: LanguageCues, span: tuple[int, int]) -> bool:
    """A complement's subject (:func:`_complement_subject`) names no one who could decide:
    no actor, person or capital (the government seated there: "que Paris ne reconnaîtra
    pas") named in it, no ``pronoun`` or ``actor_subject`` word ("il", "it", "the
    government"): "los precios", "inflation", "les prix"."""
    scan = scene.cues
    return not (
        within(scene.actors, *span) or within(scene.people, *span) or within(scene.seats, *span)
        or scan.has(lc, "pronoun", *span) or scan.has(lc, "actor_subject", *span)
    )


def _forecast_complement(scene: Scene, hit: Hit, sentence: tuple[int, int], negated: frozenset[str]) -> bool:
    """A cue of a type in ``negated`` (what a type composed with ``future`` becomes when
    negated: its data's ``negated_as``) that opens with a ``future`` word of its language
    and holds a ``negation`` ("will not", "would never"), whose :func:`_complement_subject`
    names no one (:func:`_names_no_one`) in one to :data:`_SUBJECT_WORDS` words with no
    clause mark and no capitalised word among them (a name no finder knows: "that Kathmandu
    would not"; a weekday or month, :func:`~claimkit.normalize.dates.calendar_words`, names
    no one: "said on Monday prices will not fall"). "Castillo said inflation would not ease": a forecast, no one's refusal (the
    futures no cue word marks, in every language, are read so by :func:`_decides`). Only in
    a language that lists ``actor_subject`` words (English, where such a future is a cue
    word). "Castillo said that Peru will not recognise the vote", "... said that he will
    not", "... said the government will not" stay refusals."""
    lc, scan, text = hit.lang, scene.cues, scene.text
    if hit.type not in negated or "actor_subject" not in lc.patterns:
        return False
    if not scan.has(lc, "negation", hit.start, hit.end) or all(
        s != hit.start for s, _ in scan.spans(lc, "future", hit.start, hit.end)
    ):
        return False
    subject = _complement_subject(scene, lc, sentence[0], hit.start)
    if subject is None or _CLAUSE_MARK.search(text, *subject):
        return False
    words = _WORD.findall(text, *subject)
    calendar = calendar_words(lc.code)
    proper = any(w[:1].isupper() and w.lower() not in calendar for w in words)
    return len(words) <= _SUBJECT_WORDS and not proper and _names_no_one(scene, lc, subject)


#: a mark that ends a clause between a complement's start and its verb
_CLAUSE_MARK = re.compile(r"[,;:()\"“”«»]")


def _opening_seat(scene: Scene, lc: LanguageCues, lo: int, future: Future) -> bool:
    """A capital opens the clause or a complement in it (right after a ``complementizer``:
    "заявил, что Бишкек не откроет границу"), right before its future ("Warszawa nie
    zniesie embarga", "Братислава не відновить поставки"): the government seated there
    decides it. Not a capital after a preposition ("W Warszawie nie zniosą ...", "что в
    Москве не отменят ...": in Warsaw, someone)."""
    text = scene.text
    opens = [lo, *(e for _, e in scene.cues.spans(lc, "complementizer", lo, future.start))]
    return any(
        not text[m.end : future.start].strip()
        and any(o <= m.start and not _WORD.search(text, o, m.start) for o in opens)
        for m in within(scene.seats, lo, future.start)
    )


def _on_cue(cues: Mapping[str, Sequence[tuple[int, int]]], types: Iterable[str], future: Future) -> bool:
    """A cue of a claim type overlaps the future's verb (or its negation)."""
    lo = future.negation[0] if future.negation else future.verb[0]
    return any(s < future.verb[1] and lo < e for name in types for s, e in cues.get(name, ()))


def _governed_noun(scan: CueScan, lc: LanguageCues, by: str, noun: tuple[int, int], span: tuple[int, int]) -> bool:
    """A cue of type ``by`` stands at most :data:`_GOVERNED_REACH` characters before the
    noun in ``span`` (after it in a verb-final language), no clause mark between: the noun
    is its object ("will not attend the peace summit", "外相会合に出席しない"), not a word
    further on ("suspended aid to push Kyiv to the negotiating table")."""
    text = scan.text
    if lc.negation_after:
        return any(
            0 <= s - noun[1] <= _GOVERNED_REACH and not _CLAUSE_MARK.search(text, noun[1], s)
            for s, _ in scan.spans(lc, by, noun[1], span[1])
        )
    return any(
        0 <= noun[0] - e <= _GOVERNED_REACH and not _CLAUSE_MARK.search(text, e, noun[0])
        for _, e in scan.spans(lc, by, span[0], noun[0])
    )


#: how far a refusal cue may stand from the meeting noun it governs
_GOVERNED_REACH = 30


def _told_again(
    scan: CueScan, c: Candidate, named: Sequence[tuple[int, str, frozenset[str]]], langs: Mapping[str, LanguageCues]
) -> bool:
    """One of the cues of ``c``'s type in its span is a word ``named`` before it (each an
    end offset, the folded word and the actors of the claim that named it), and ``c``
    names no person those actors leave out: the same thing told again."""
    if not named:
        return False
    words = {fold_case_loose(scan.text[s:e]) for lc in langs.values() for s, e in scan.spans(lc, c.type, *c.span)}
    people = {a.label for a in c.fields.get("actor") or () if a.kind == ActorKind.person}
    return any(end <= c.span[0] and word in words and people <= labels for end, word, labels in named)


def _uncommitted(
    scene: Scene, hit: Hit, sentence: tuple[int, int], cues: Mapping[str, Sequence[tuple[int, int]]]
) -> bool:
    """A ``credit`` word (lend, prêter, leihen, 融資, سيقرض: money lent or granted) in the
    cue, and no actor or person named before it in its sentence, nor right after it (the
    subject of a verb-first clause: "سيقرض صندوق النقد الدولي مصر"): whoever lends is no
    one who commits ("Banks will lend more to small firms", "Los bancos prestarán más").
    So is a pledge whose clause opens with a ``common_subject`` (:func:`_common_subject`)."""
    if not any(hit.start <= s and e <= hit.end for s, e in cues.get("credit", ())) and not _common_subject(
        scene, hit, sentence
    ):
        return False
    for mentions in (scene.actors, scene.people):
        if within(mentions, sentence[0], hit.start):
            return False
        if any(0 <= m.start - hit.end <= _CREDIT_AFTER for m in within(mentions, hit.end, sentence[1])):
            return False
    return True


#: how far after a ``credit`` cue its subject may start in a verb-first clause
_CREDIT_AFTER = 2


#: the words that may stand before a ``common_subject`` at the start of its sentence or
#: clause ("Many local doctors", "Les médecins"), and after it up to a pledge cue, no
#: clause mark ("will", "окажут", "werden am Montag")
_COMMON_BEFORE = re.compile(r"(?:^|[,;:!?(«\"„“]\s*)(?:[^\W\d_][\w'’-]*\s+){0,2}$")
_COMMON_GAP = re.compile(r"[^,;:.!?()«»\"„“”–—]{0,40}")


def _common_subject(scene: Scene, hit: Hit, sentence: tuple[int, int]) -> bool:
    """A pledge cue whose clause opens with a ``common_subject`` (a plural common noun of
    people or firms: "doctors", "volunteers", "companies", "врачи", "Ärzte", "médecins"),
    at most two words before it and no clause mark between it and the cue:
    "Doctors will provide aid", "Врачи окажут помощь" commit no one (who lends or gives
    then is no one named, :func:`_uncommitted`)."""
    if hit.type != "pledge":
        return False
    text, lo = scene.text, max(sentence[0], hit.start - 80)
    for s, e in scene.cues.spans(hit.lang, "common_subject", lo, hit.start):
        if _COMMON_GAP.fullmatch(text, e, hit.start) and _COMMON_BEFORE.search(text[sentence[0] : s]):
            return True
    return False


def _said_of_a_thing(scene: Scene, hit: Hit) -> bool:
    """The cue verb opens a relative clause on a thing: a ``subject_relative`` pronoun right
    before it ("qui", "which", "которая") whose antecedent, the word before it (a comma
    apart), ends no actor's or person's name. "une mesure qui menace notre
    approvisionnement", "a move that threatens the truce": the measure endangers, no one
    warns; "la Russie, qui menace ..." stays."""
    scan = scene.cues
    text = scan.text
    for s, e in scan.spans(hit.lang, "subject_relative", max(0, hit.start - _RELATIVE_REACH), hit.start):
        if text[e : hit.start].strip():
            continue
        before = len(text[:s].rstrip().rstrip(",").rstrip())
        names = [m for found in (scene.actors, scene.people) for m in within(found, max(0, before - 200), before)
                 if m.end == before]
        return not names or all(_complement(scene, hit.lang, m.start) for m in names)
    return False


#: a lower-case word right before a name, and the space after it: the noun a name in the
#: genitive complements in a language with cases ("sankcjom *Unii Europejskiej*")
_HEAD_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]+)$")
#: the shortest head noun read so (shorter words are conjunctions and prepositions: "że",
#: "и", "da", "przez" aside, which take no genitive name as a complement of a noun)
_HEAD_LETTERS = 4


def _complement(scene: Scene, lc: LanguageCues, start: int) -> bool:
    """The name at ``start`` complements a noun before it, and a relative clause after the
    name is that noun's, a thing's: after a ``genitive`` word ("the rules *of* the EU,
    which threaten", "les règles *de l'*Union africaine qui menacent", "le regole *della*
    Banca mondiale che"), or in a language with cases right after a lower-case noun of
    :data:`_HEAD_LETTERS` letters or more ("sankcjom Unii Europejskiej, które grożą",
    "санкций Европейского союза, которые угрожают"). Not when that noun is someone (an
    ``object_lead`` or ``title_anaphor`` word: "le porte-parole du Kremlin, qui menace",
    "prezydent Rosji, który grozi")."""
    text, scan = scene.text, scene.cues
    head_end = -1
    for s, e in scan.spans(lc, "genitive", max(0, start - _GENITIVE_REACH), start):
        if _ARTICLE_AFTER.fullmatch(text, e, start):
            head_end = len(text[:s].rstrip())
    if head_end < 0 and lc.code in _CASE_LANGUAGES and text[start - 1 : start] == " ":
        head_end = start - 1
    head = _HEAD_BEFORE.search(text, max(0, head_end - 40), head_end) if head_end > 0 else None
    if head is None or not head.group(1)[0].islower() or len(head.group(1)) < _HEAD_LETTERS:
        return False
    hs, he = head.span(1)
    return not (scan.has(lc, "object_lead", hs, he) or scan.has(lc, "title_anaphor", max(0, hs - 4), he))


#: how far before a name its ``genitive`` word may start ("of the", "de l'", "della")
_GENITIVE_REACH = 8
#: what may stand between a ``genitive`` word and the name: a space, an article
_ARTICLE_AFTER = re.compile(r"\s*(?:(?:the|la|le|les|l['’])\s*)?")


def _objectless(scene: Scene, hit: Hit, clause: tuple[int, int]) -> bool:
    """The cue is an ``actor_object`` word ("meet", "se encontrará con") and its object, up to
    the next clause mark (after a ``comitative`` word opening it: "meet with"), is no one:
    no person named in its first :data:`_PERSON_WORDS` words, no ``object_lead`` word
    ("counterpart", "officials", "the president") in its first :data:`_LEAD_WORDS`, and no
    actor's name opening it that the next word does not make a modifier (:func:`_named_object`).
    "Macron will meet Merz", "is set to meet his Chinese counterpart", "to meet with Ukrainian
    officials" meet; "Britain will meet its NATO spending target", "supplies due to meet
    the needs of 50,000 people", "will meet with resistance" do not."""
    scan, lc = scene.cues, hit.lang
    if (hit.start, hit.end) not in scan.spans(lc, "actor_object", hit.start, hit.end):
        return False
    text = scan.text
    mark = _CLAUSE_MARK.search(text, hit.end, clause[1])
    start, end = hit.end, mark.start() if mark else clause[1]
    if _met_together(scene, hit, clause, end):
        return False
    opening = scan.spans(lc, "comitative", start, end)
    if opening and not text[start : opening[0][0]].strip():
        start = opening[0][1]
    words = list(_WORD.finditer(text, start, end))
    if not words:
        return True
    reach = words[min(len(words), _PERSON_WORDS) - 1].end()
    people = within(scene.people, start, end)
    if people and people[0].start < reach:
        return False
    if scan.has(lc, "object_lead", start, words[min(len(words), _LEAD_WORDS) - 1].end()):
        return False
    return not any(m.start == words[0].start() and _named_object(scene, lc, m, end) for m in within(scene.actors, start, end))


def _met_together(scene: Scene, hit: Hit, clause: tuple[int, int], end: int) -> bool:
    """An ``actor_object`` verb with no object, said of several people who meet one another:
    nothing after it up to ``end`` (the next clause mark), or an ``adverbial`` word or a date
    first ("again", "next month", "in April", "on Monday"), and before it in its clause a
    ``group`` word ("the ministers", "the two leaders") or two names joined by a
    ``coordinator`` ("Putin and Trump"). "The ministers will meet again in April" is a
    meeting; "The target will meet again" (no one) and "Britain will meet its target" (an
    object) are none."""
    scan, lc, text = scene.cues, hit.lang, scene.cues.text
    first = _WORD.search(text, hit.end, end)
    if first is not None and not (
        any(s == first.start() for s, _ in scan.spans(lc, "adverbial", first.start(), end))
        or any(m.start == first.start() for m in within(scene.dates, first.start(), end))
    ):
        return False
    if scan.has(lc, "group", clause[0], hit.start):
        return True
    names = sorted([*within(scene.actors, clause[0], hit.start), *within(scene.people, clause[0], hit.start)],
                   key=lambda m: m.start)
    return any(
        not text[a.end : s].strip() and not text[e : b.start].strip()
        for a, b in zip(names, names[1:], strict=False)
        if a.end <= b.start
        for s, e in scan.spans(lc, "coordinator", a.end, b.start)
    )


def _named_object(scene: Scene, lc: LanguageCues, name: Mention, end: int) -> bool:
    """The actor's name is the object itself, not a modifier of the noun after it ("meet
    Ukraine on Friday", not "meet Chinese demand"): nothing after it in its clause, or a
    capitalised word, a preposition (``oblique``), a ``coordinator`` or a date next."""
    text, scan = scene.cues.text, scene.cues
    nxt = _WORD.search(text, name.end, end)
    if nxt is None or nxt.group()[0].isupper() or any(m.start == nxt.start() for m in within(scene.dates, nxt.start(), end)):
        return True
    return any(
        s == nxt.start() for category in ("oblique", "coordinator") for s, _ in scan.spans(lc, category, nxt.start(), end)
    )


#: how many words of a meeting verb's object a person's name may start in ("meet his
#: Russian counterpart Sergei Lavrov")
_PERSON_WORDS = 5
#: and an ``object_lead`` word ("meet the prime minister", "meet his Chinese counterpart")
_LEAD_WORDS = 3


def _longest_first(hits: list[Hit], text: str) -> list[Hit]:
    """Overlapping cues: the longer one says more ("not rule out" > "rule out").

    A cue goes when a kept, longer cue of its own type overlaps it, or one of
    any type contains it whole, unless it lies in the other's gap, between its
    first and last words (:func:`_in_gap`). Cues of different types that only share a few
    words both stay ("declined to" and "to send troops"): the ``precedence``
    rules settle them, so a type's cue does not win for being longer.
    """
    hits = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    kept: list[Hit] = []
    for h in hits:
        if all(_compatible(h, k, text) for k in kept):
            kept.append(h)
    return kept


def _compatible(h: Hit, k: Hit, text: str) -> bool:
    if h.end <= k.start or h.start >= k.end:
        return True
    if h.type != k.type and k.gap is not None and k.gap[0] <= h.start < k.gap[1]:
        return True  # a cue that starts between a composed claim's two words: 보내면 ... 이어질 수 있다
    return h.type != k.type and (not (k.start <= h.start and h.end <= k.end) or _in_gap(h, k, text))


def _in_gap(h: Hit, k: Hit, text: str) -> bool:
    """``h`` lies in the middle field of the gapped cue ``k``, after its first word and before
    its last: "Merz kündigte nach einem *Treffen* mit Selenskyj ... Milliarden Euro an" (a
    meeting inside a pledge's verb bracket), "will send troops after *meeting* Rutte";
    not a word of the cue itself. Only in languages written with spaces."""
    if k.lang.boundary == "none":
        return False
    first, last = _WORD.match(text, k.start, k.end), _LAST_WORD.search(text, k.start, k.end)
    return first is not None and last is not None and first.end() < h.start and h.end < last.start()


#: the last word of a text up to its end (``search(text, start, end)``)
_LAST_WORD = re.compile(r"\w+\Z")


def _apply_precedence(
    rule: Precedence, scene: Scene, first: dict[str, Hit], langs: Sequence[LanguageCues], clause: tuple[int, int]
) -> None:
    scan = scene.cues
    drop, by = first.get(rule.drop), first.get(rule.by)
    if drop is None or by is None:
        return
    if rule.when not in ("agreed", "hosting") and _coordinated(scan, drop, by):
        return
    if rule.when == "hedged" and not is_hedged(scan, drop):
        return
    if rule.when == "not_hedged" and is_hedged(scan, drop):
        return
    if rule.when == "after" and not _governed(by, drop):
        return
    if rule.when == "threat" and not _negated_threat(scan, by, drop):
        return
    if rule.when == "object" and not _object_of(by, drop):
        return
    if rule.when == "hosting" and not _offers_hosting(scan, by, drop, langs):
        return
    if rule.when == "agreed" and not _agreed_on(scene, by, drop, clause):
        return
    if rule.when == "recurring" and not _recurring(scan, by, clause):
        return
    del first[rule.drop]


def _negated_threat(scan: CueScan, refusal: Hit, threat: Hit) -> bool:
    """``threat`` is a threat word (no cue of its own type's list) on the object side of a
    refusal that holds a negation: "neće uvesti sankcije dok ...", "will not impose
    sanctions until ..." refuses to act and threatens nothing."""
    return (
        not scan.has(threat.lang, threat.type, threat.start, threat.end)
        and _governed(refusal, threat)
        and scan.has(refusal.lang, "negation", refusal.start, refusal.end)
    )


def _coordinated(scan: CueScan, drop: Hit, other: Hit) -> bool:
    """A ``coordinator`` word ("but", "and", "mais", "pero", "ma", "mas") stands between
    the two cues, whichever comes first: two predicates, two claims ("pledged $100
    million but refused to join the call", "a promis des fonds et refusé", "warned Russia
    and pledged more air defence"), not one cue inside the other's reach ("refused to
    send troops", "warned that it would impose tariffs")."""
    first, last = (drop, other) if drop.end <= other.start else (other, drop)
    return first.end <= last.start and scan.has(drop.lang, "coordinator", first.end, last.start)


def _governed(by: Hit, drop: Hit) -> bool:
    """``drop`` stands where the object of ``by`` stands: after it, before it in verb-final
    languages ("zirvesine katılmayacağını", "会合には出席しない")."""
    return drop.start < by.start if by.lang.negation_after else by.start < drop.start


#: how far before an agreement word its object may end in verb-final languages (a verb
#: and its endings between: 会談することで合意, 회담을 열기로 합의)
_AGREED_BEFORE = 12


def _recurring(scan: CueScan, agreement: Hit, clause: tuple[int, int]) -> bool:
    """``agreement`` holds an ``agreement`` word and the clause a ``recurring`` one:
    "agreed to consult regularly", "договорились регулярно проводить консультации",
    "vereinbarten regelmäßige Treffen" commit to a practice, they set no meeting."""
    lc = agreement.lang
    return scan.has(lc, "agreement", agreement.start, agreement.end) and scan.has(lc, "recurring", *clause)


def _agreed_on(scene: Scene, meeting: Hit, agreement: Hit, clause: tuple[int, int]) -> bool:
    """``agreement`` holds an ``agreement`` word (agreed, vereinbarten, договорились,
    同意, 合意, 합의, nhất trí, sepakat, اتفقا) whose object is ``meeting``: at most three
    words after it besides the names of actors ("agreed to hold talks", "vereinbarten
    ein Treffen", "договорились о встрече", "اتفقت مصر وقطر على عقد اجتماع"), at most
    :data:`_AGREED_AFTER` characters after it with no punctuation in a language written
    without spaces (同意举行会谈, 同意年内在巴黎举行对话), or ending at most
    :data:`_AGREED_BEFORE` characters before it, bracketed asides aside, in verb-final
    languages (会談することで合意, 회담을 열기로 합의); and no ``action`` verb in the
    clause ("agreed at the summit to send troops" is a pledge made at a meeting). Not a
    meeting further on, after the agreement's own object ("acordaron reanudar en julio
    las negociaciones", "اتفق تحالف "أوبك+" خلال اجتماع": agreed during a meeting)."""
    scan, lc = scene.cues, agreement.lang
    if not scan.has(lc, "agreement", agreement.start, agreement.end) or scan.has(lc, "action", *clause):
        return False
    if _recurring(scan, agreement, clause):
        return False
    if lc.negation_after:
        return 0 <= _unbracketed(scene.text, meeting.end, agreement.start) <= _AGREED_BEFORE
    if meeting.start < agreement.end:
        return False
    if lc.boundary == "none":
        return meeting.start - agreement.end <= _AGREED_AFTER and not _PUNCTUATION.search(
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
#: how far after an agreement word its object may start in a language written without
#: spaces whose verb comes first: a time, a place and a verb between (同意年内在巴黎举行对话)
_AGREED_AFTER = 24
#: a bracketed aside ("（2プラス2）", "(MOU)"): no words between an agreement word and its object
_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")


def _unbracketed(text: str, start: int, end: int) -> int:
    """How many characters lie from ``start`` to ``end`` besides bracketed asides (-1 if
    ``end`` comes first): "協議（2プラス2）を開催することで合意" has the meeting's object
    case and verb only between the two."""
    if end < start:
        return -1
    return end - start - sum(len(m.group()) for m in _BRACKETED.finditer(text, start, end))


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
    text: str, actions: Sequence[tuple[int, int]], modifier: tuple[int, int], lc: LanguageCues
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The span from ``modifier`` to the nearest action cue after it, or before it in
    verb-final languages, within :data:`_COMPOSE_GAP` characters, or on the verb's own side
    of the language (after; before in verb-final ones) within :data:`_COMPOSE_WORDS` words
    (:func:`_few_words`); and the gap between."""
    ms, me = modifier
    final, spaced = lc.negation_after, lc.boundary != "none"
    for s, e in actions:
        if me <= s and (s - me <= _COMPOSE_GAP or (not final and _few_words(text, me, s, spaced=spaced))):
            return (ms, e), (me, s)
        if final and e <= ms and (ms - e <= _COMPOSE_GAP or _few_words(text, e, ms, spaced=spaced)):
            return (s, me), (e, ms)
    return None


#: what the words between a modifier and its action verb may not hold (:func:`_few_words`)
_GAP_BREAK = re.compile(r"[\"“”„«»‹›()\[\]:;–—]")


def _few_words(text: str, lo: int, hi: int, *, spaced: bool) -> bool:
    """The gap ``text[lo:hi]`` between a modifier and its action verb holds at most
    :data:`_COMPOSE_WORDS` words however long they are, and no quote, bracket, dash or colon, in a language
    written with spaces: a compound noun is one word ("könnte der Ukraine
    Aufklärungsflugzeuge liefern", "će Ukrajini u narednim mjesecima isporučiti"), and a
    character bound alone let a long word block the claim. Not across a quotation mark
    ("će izostanak premijera \"poslati lošu poruku\"": the absence will send a message)."""
    return spaced and len(_WORD.findall(text, lo, hi)) <= _COMPOSE_WORDS and not _GAP_BREAK.search(text, lo, hi)


def _crosses(cues: Mapping[str, Sequence[tuple[int, int]]], gap: tuple[int, int]) -> bool:
    """A supposition, a condition or a call on others between the modifier and the verb:
    "will retaliate if NATO sends" is no "will send"; "计划署呼吁各国提供" (a Programme
    calls on countries to provide: the modifier is a word of a name) is no "计划 ... 提供"."""
    lo, hi = gap
    return any(lo <= s and e <= hi for category in _CROSSING for s, e in cues.get(category, ()))


#: what a composed claim's modifier and verb may not have between them (:func:`_crosses`)
_CROSSING = ("hypothetical", "condition", "call")
#: the categories :func:`_not_asserted` looks for, all inside the cue's clause
_UNASSERTED = frozenset({"call", "hypothetical", "generic", "partial"})


def _purpose(scan: CueScan, hit: Hit, clause: tuple[int, int], start: int) -> bool:
    """The cue is inside a purpose clause ("in order to send", "nhằm triển khai", "支援するために").

    The purpose word comes before the verb, after it in verb-final languages. A
    one-word purpose preposition right before a determiner opens a noun phrase, no
    purpose clause: "per il vertice", "para la cumbre", "pour le sommet" (for the
    summit) against "per inviare", "para enviar", "pour envoyer". Right
    after an ``agreement`` word it opens what was agreed, no purpose ("sepakat untuk
    menggelar pertemuan": agreed to hold a meeting). The trip verb may stand in the
    sentence (from ``start``) before a purpose clause set off by a comma ("отправится
    в Берлин, чтобы встретиться", "uda się do Berlina, aby spotkać się").
    """
    if hit.lang.negation_after:
        return scan.has(hit.lang, "purpose", hit.end, min(clause[1], hit.end + _PURPOSE_WINDOW))
    window = (max(clause[0], hit.start - _PURPOSE_WINDOW), hit.start)
    return any(
        not _preposition(scan, hit.lang, s, e) and not _trip(scan, hit, start, s) and not _agreed_to(scan, hit.lang, s)
        for s, e in scan.spans(hit.lang, "purpose", *window)
    )


def _trip(scan: CueScan, hit: Hit, opening: int, purpose: int) -> bool:
    """A meeting cue whose purpose clause follows a ``travel`` verb: the trip is made
    to meet ("viajará a Washington para reunirse con", "se rendra à Berlin pour
    rencontrer", "si recherà a Kiev per incontrare"): the meeting is stated, scheduled."""
    return hit.type == "meeting" and scan.has(hit.lang, "travel", opening, purpose)


def _agreed_to(scan: CueScan, lc: LanguageCues, purpose: int) -> bool:
    """The purpose word at ``purpose`` follows an ``agreement`` word with nothing between:
    it opens what was agreed ("sepakat untuk menggelar pertemuan")."""
    text = scan.text
    return any(not text[e:purpose].strip() for _, e in scan.spans(lc, "agreement", max(0, purpose - _PURPOSE_WINDOW), purpose))


def _preposition(scan: CueScan, lc: LanguageCues, start: int, end: int) -> bool:
    """The purpose word at ``start:end`` is one word and a determiner (an ``anaphor``
    word) follows it after one space: a preposition before a noun phrase."""
    if " " in scan.text[start:end] or scan.text[end : end + 1] != " ":
        return False
    return any(s == end + 1 for s, _ in scan.spans(lc, "anaphor", end + 1, end + 12))


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
    if scan.has(hit.lang, "call", *window) or scan.has(hit.lang, "hypothetical", *window):
        return True
    if generic and scan.has(hit.lang, "generic", *window):
        return True
    return scan.has(hit.lang, "partial", opening, hit.start)


#: the Arabic definite article, which a word after a clitic boundary may carry
_ARTICLE = "ال"


def _nominal(scan: CueScan, hit: Hit) -> bool:
    """The cue word is a noun here: "about the pledge", "its commitment", "về cam kết",
    "美国的承诺", 約束について. A ``nominal`` word right before it (right after it in
    verb-final languages), or the Arabic article on it; for types whose cues are verbs
    (``verbal``), not meetings.
    Or an adjective: see :func:`_participle`."""
    if _participle(scan, hit):
        return True
    if hit.lang.boundary == "clitic" and scan.text[max(0, hit.start - 2) : hit.start] == _ARTICLE:
        return True  # the article is on it: "التوافق على" (the consensus on), never a verb
    if hit.lang.negation_after:
        return any(s == hit.end for s, _ in scan.spans(hit.lang, "nominal", hit.end, hit.end + 6))
    text = scan.text
    before = scan.spans(hit.lang, "nominal", max(0, hit.start - 16), hit.start)
    return any(not text[e : hit.start].strip() for _, e in before)


#: at most this many words between a verb of announcing and the outcome noun it makes public
#: after it ("annoncé les premières conséquences"), and, where the verb ends its clause,
#: between the noun and that verb ("hat die Konsequenzen der Reform vorgestellt")
_ANNOUNCED_BEFORE = 2
_ANNOUNCED_AFTER = {"de": 3}
#: what may not stand between a verb of announcing and its object
_ANNOUNCED_BREAK = re.compile(r"[^\w\s'’-]")


def _announced(scan: CueScan, hit: Hit, clause: tuple[int, int]) -> bool:
    """The cue is an ``outcome`` noun (consequences, results: "sonuçlar", "conséquences",
    "consecuencias") that a verb of ``announcing`` makes public: its object, neutral ("Bakan
    seçim sonuçlarını açıkladı": the minister announced the election results; "a annoncé
    les conséquences de la réforme"), no threat. The verb stands right before the noun, a
    determiner or an adjective apart; in verb-final languages right after it; in German
    after it at the clause's end ("die Konsequenzen der Reform vorgestellt"). Not a noun
    in what the verb reports ("announced that there would be consequences": a complement
    is no object) nor a warning verb's ("warned of the consequences")."""
    lc, text = hit.lang, scan.text
    if not any(s == hit.start for s, _ in scan.spans(lc, "outcome", hit.start, hit.end + 20)):
        return False
    cs, ce = clause
    if lc.boundary == "none":  # 公布其后果: a character or two apart
        return scan.has(lc, "announcing", max(cs, hit.start - 4), hit.start) or any(
            s - hit.end <= 2 for s, _ in scan.spans(lc, "announcing", hit.end, ce))
    if lc.negation_after:  # the verb right after its object: "sonuçlarını açıkladı"
        return any(not text[hit.end : s].strip() for s, _ in scan.spans(lc, "announcing", hit.end, ce))
    for _, e in scan.spans(lc, "announcing", max(cs, hit.start - 40), hit.start):
        if _plain_words(text, e, hit.start, _ANNOUNCED_BEFORE):
            return True
    words = _ANNOUNCED_AFTER.get(lc.code, -1)
    return words >= 0 and any(_plain_words(text, hit.end, s, words)
                              for s, _ in scan.spans(lc, "announcing", hit.end, min(ce, hit.end + 60)))


def _plain_words(text: str, lo: int, hi: int, most: int) -> bool:
    """``text[lo:hi]`` is at most ``most`` words and no punctuation."""
    return not _ANNOUNCED_BREAK.search(text, lo, hi) and len(_WORD.findall(text, lo, hi)) <= most


#: how far before its clause the comma after a verb of belief may stand ("oczekuje, że")
_BELIEF_GAP = 3


def _believed(scan: CueScan, hit: Hit, clause: tuple[int, int], *, scheduled: bool = False) -> bool:
    """The cue is in what someone hopes, expects or believes: a ``belief`` verb before it
    in its clause ("Zagreb očekuje da će Njemačka isporučiti"), or ending the clause before
    it at the comma that opens the complement ("Ukraina oczekuje, że Niemcy dostarczą",
    "Эксперты считают, что ... направит": Polish and Russian write that comma). A
    commitment, refusal or meeting there is not the clause's actor's ("Analysts expect
    Brazil to pledge more at the summit", "Diplomats hope Iran will return to the talks";
    the belief words are active verbs: "are expected to meet", a meeting scheduled, has
    none); threats are left alone (a feared threat is still reported).
    In verb-final languages the belief verb comes after the cue in its clause
    (지원할 것으로 보고 있다: they see it supporting; 支援すると見られる). ``scheduled``:
    an impersonal ``expected`` form does not count ("Oczekuje się, że przywódcy spotkają
    się", "ожидается", 会談するとみられる: a meeting the press says is scheduled)."""
    cs, ce = clause
    lc = hit.lang
    if lc.negation_after:
        found = scan.spans(lc, "belief", hit.end, min(ce, hit.end + _CALL_WINDOW))
        return any(not (scheduled and _expected(scan, lc, s, e)) for s, e in found)
    text = scan.text
    comma = text.rfind(",", max(0, cs - _BELIEF_GAP), hit.start)  # the last one before the cue
    lo = max(cs, comma + 1)
    for s, e in scan.spans(lc, "belief", max(0, lo - 40), hit.start):
        if (e > lo or (comma >= 0 and not text[e:comma].strip())) and not (scheduled and _expected(scan, lc, s, e)):
            return True
    return False


def _expected(scan: CueScan, lc: LanguageCues, start: int, end: int) -> bool:
    """The belief word at ``start:end`` is part of an impersonal ``expected`` form."""
    return any(s < end and start < e for s, e in scan.spans(lc, "expected", max(0, start - 12), end + 12))


def _participle(scan: CueScan, hit: Hit) -> bool:
    """The cue verb qualifies a noun, no claim: a ``participle`` form of it ("a ajuda
    prometida", "wsparcie obiecane", "обещанная помощь"), unless an ``auxiliary`` before
    it makes a passive or a perfect ("foi prometida", "zostało obiecane", "ha sido
    prometida"); an ``adnominal`` ending or particle after it, then the noun (약속한 무기,
    지원하기로 한 예산, 承诺的援助, 約束した支援), unless an ``auxiliary`` bound noun follows
    (약속한 바 있다: has promised; 약속한 것으로: reportedly promised); a ``relative``
    pronoun right before it (المساعدات التي وعدت بها: the aid that ... promised)."""
    lc, text = hit.lang, scan.text
    if not scan.has_any(lc, _ADJECTIVAL, max(0, hit.start - _RELATIVE_REACH), hit.end + _AUXILIARY_REACH):
        return False  # none of the three words near it (every window below lies there): one lookup
    for s, e in scan.spans(lc, "participle", hit.start, hit.end + _AUXILIARY_REACH):
        if s == hit.start and e >= hit.end:
            return not scan.has(lc, "auxiliary", max(0, s - _AUXILIARY_REACH), s)
    for s, e in scan.spans(lc, "adnominal", hit.end, hit.end + 2):
        if (s == hit.end or text[hit.end].isspace()) and _noun_at(text, e, lc):
            noun = e + (lc.boundary != "none")
            return not any(a == noun for a, _ in scan.spans(lc, "auxiliary", noun, noun + 8))
    return any(
        not text[e : hit.start].strip()
        for _, e in scan.spans(lc, "relative", max(0, hit.start - _RELATIVE_REACH), hit.start)
    )


#: what makes a cue verb an adjective (:func:`_participle`), and how far before it a relative pronoun may end
_ADJECTIVAL = frozenset({"participle", "adnominal", "relative"})
_RELATIVE_REACH = 12


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


def _denied_hedge(scan: CueScan, hit: Hit, *, own: bool) -> bool:
    """The cue is the verb of a negated hedge that overlaps it: "does not rule out",
    "schloss eine Beteiligung nicht aus", "не исключил", "nie wykluczył", "nije
    isključio" hold a refusal verb ("rule out", "ausschließen", "исключить") and refuse
    nothing: they hedge what follows. ``own``: the cue's type negated is another type
    (a pledge), so a hedge that is exactly the cue ("не исключает" in a pledge list: a
    tentative pledge) is the cue's own."""
    for s, e in scan.spans(hit.lang, "hedge", max(0, hit.start - _NEG_WINDOW), hit.end + _GAP_REACH):
        if own and s == hit.start:
            continue  # the cue's own hedge, or the one it is composed of ("nije isključio ... uputiti")
        if s < hit.end and hit.start < e and _negations(scan, hit.lang, (s, e)):
            return True
    return False


#: how far after a cue's start a gapped hedge holding it may end ("schließt ... nicht aus")
_GAP_REACH = 90


def _negated(scan: CueScan, hit: Hit, cs: int, ce: int) -> bool:
    lc = hit.lang
    if hit.gap is not None and _negations(scan, lc, hit.gap):
        return True  # "will not send", "не будет поставлять"
    if _negation_inside(scan, hit):
        return True  # a gapped cue: "werde keine Soldaten schicken"
    if lc.negation_after:
        window = (hit.end, min(ce, hit.end + _NEG_WINDOW))
    else:
        window = (max(cs, hit.start - _NEG_WINDOW), hit.start)
    return _negations(scan, lc, window)


def _negations(scan: CueScan, lc: LanguageCues, window: tuple[int, int]) -> bool:
    """A negation in ``window``, not inside a ``timeframe`` word: a negation there negates
    nothing (未来: the future; 차질이 없도록: so that there is no disruption)."""
    negations = scan.spans(lc, "negation", *window)
    if not negations:  # most windows: no time frame to look up
        return False
    frames = scan.spans(lc, "timeframe", max(0, window[0] - 4), window[1] + 4)
    return any(not any(fs <= s and e <= fe for fs, fe in frames) for s, e in negations)


def _negation_inside(scan: CueScan, hit: Hit) -> bool:
    """A negation inside the cue after its first word, when no hedge is part of the cue
    ("does not rule out" holds the hedge "not rule out")."""
    lc = hit.lang
    if not _negations(scan, lc, (hit.start + 1, hit.end)):
        return False
    return not scan.has(lc, "hedge", hit.start, hit.end)
