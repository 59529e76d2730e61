"""Offline rules backend: multilingual cue words, gazetteer actors, exact spans.

The embedded default when no LLM endpoint is configured. It is a baseline:
deterministic, fast, and honest about what it is (outputs name the ``rules``
backend). How it works, per document:

1. segment the text into sentences and clauses (script-aware punctuation);
2. per sentence, pick the cue languages (script, then frequent function
   words, plus the document's language);
3. in each clause, find claim cues (pledge / refusal / warning / meeting);
   overlapping cues keep the longer ("does not rule out" beats "rule out");
   a negated pledge cue becomes a refusal;
4. modality: a hedge cue in the clause makes it ``tentative``, a condition
   cue in the sentence ``conditional``, else ``firm`` (meetings have none);
5. fill fields from what the normalize package finds in the text: actors
   (nearest before the cue), recipient / target (after it), dates resolved
   against the publication date, quantities, places
   (:func:`claimkit.normalize.find_places`, one pass over the text); plus the
   cue data's pledge-``what`` keywords and meeting format words;
6. the evidence span is the clause itself, a slice of ``Document.text``.

Repeated statements of one claim (headline and body, "the meeting focused
on ...") are merged into one claim with several evidence spans.

Cue lexicons live in ``claimkit/data/cues.json``; pass ``cues=`` a file (or a
dict) in the same format to extend them.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from claimkit.extract.base import Backend, BackendOptions, BackendResult, Draft
from claimkit.extract.rules.cues import CLAIM_CUES, CueBook, LanguageCues, load_cues
from claimkit.extract.rules.support import (
    Candidate,
    Mention,
    default_finders,
    merge_candidates,
)
from claimkit.extract.rules.text import Sentence, pick_languages, segment
from claimkit.normalize.places import Places
from claimkit.schemas import Actor, ActorKind, Document, Quantity, Span

__all__ = ["RulesBackend"]

log = logging.getLogger(__name__)

#: bumped when the rules change in a way that changes outputs
RULES_VERSION = "rules-1"

_NEG_WINDOW = 14
_COUNT_UNITS = frozenset(
    {"countries", "country", "nations", "states", "people", "leaders", "participants",
     "members", "delegations", "chiefs", "ministers", "heads"}
)  # fmt: skip


@dataclass
class _Hit:
    start: int
    end: int
    type: str
    lang: LanguageCues


class RulesBackend(Backend):
    """Offline, deterministic claim extraction from cue words.

    Args:
        gazetteer: a :class:`claimkit.normalize.Gazetteer` (anything with
            ``find(text, language=)``) to find actors with; default: the
            bundled one via ``claimkit.normalize.find_actors``.
        cues: extra cue lexicons (a JSON file path or a dict in the format of
            ``claimkit/data/cues.json``), merged over the bundled ones; or a
            ready :class:`CueBook`.
        merge: merge repeated statements of one claim (a headline and the
            body, "the meeting focused on ...") into one claim with several
            spans; see :func:`merge_candidates`.
        places: the :class:`claimkit.normalize.Places` to find meeting
            locations with; default :meth:`Places.default`, plus the
            ``cities`` of a user cue file.
    """

    name = "rules"

    def __init__(
        self,
        gazetteer: Any = None,
        cues: str | os.PathLike[str] | Mapping[str, Any] | CueBook | None = None,
        *,
        merge: bool = True,
        places: Places | None = None,
    ) -> None:
        if isinstance(cues, CueBook):
            self.cues = cues
        else:
            self.cues = load_cues(cues) if cues is not None else load_cues()
        self._finders = default_finders(gazetteer)
        self.merge = merge
        self._places = places or Places.default()
        if self.cues.city_names:
            self._places = self._places.extended(self.cues.city_names)
        self._by_script = self.cues.scripts()
        self._markers = {
            code: lc.markers for code in self.cues.languages if (lc := self.cues.language(code))
        }

    @classmethod
    def from_options(cls, options: BackendOptions) -> RulesBackend:
        """The backend from the command's options (gazetteer and places; no model, no key)."""
        return cls(gazetteer=options.gazetteer, places=options.places)

    def describe(self) -> str:
        """One line for the command's stderr."""
        return "offline rules baseline"

    # --------------------------------------------------------------- public API

    def extract(self, document: Document) -> BackendResult:
        """Propose claims for one document; spans are slices of ``document.text``."""
        text = document.text
        sentences = segment(text)
        actors = self._finders.actors(text, document.language)
        dates = self._finders.dates(document)
        quantities = self._finders.quantities(text, document.language)
        cities = [
            Mention(p.start, p.end, p.name)
            for p in self._places.find(text, language=document.language)
        ]
        candidates: list[Candidate] = []
        for si, sentence in enumerate(sentences):
            langs = [
                lc
                for code in pick_languages(
                    text[sentence.start : sentence.end],
                    document.language,
                    self._by_script,
                    self._markers,
                )
                if (lc := self.cues.language(code)) is not None
            ]
            if not langs:
                continue
            for clause in sentence.clauses:
                for hit in self._clause_hits(text, clause, langs, actors):
                    cand = self._candidate(
                        text, hit, clause, sentence, si, sentences, langs,
                        actors, dates, quantities, cities,
                    )
                    candidates.append(cand)
        if self.merge:
            candidates = merge_candidates(candidates)
        drafts = [
            Draft(
                type=c.type,
                fields=c.fields,
                spans=tuple(Span(start=s, end=e, text=text[s:e]) for s, e in [c.span, *c.spans]),
            )
            for c in candidates
        ]
        return BackendResult(drafts=drafts, model=None, version=RULES_VERSION)

    # ---------------------------------------------------------------- matching

    def _clause_hits(
        self,
        text: str,
        clause: tuple[int, int],
        langs: Sequence[LanguageCues],
        names: Sequence[Mention],
    ) -> list[_Hit]:
        cs, ce = clause
        hits: list[_Hit] = []
        for lc in langs:
            for type_ in CLAIM_CUES:
                hits.extend(_Hit(m.start(), m.end(), type_, lc) for m in lc.find(type_, text, cs, ce))
        # a cue inside a name is part of the name ("Coalition of the Willing")
        hits = [h for h in hits if not any(a.start <= h.start and h.end <= a.end for a in names)]
        # overlapping cues: the longer one says more ("not rule out" > "rule out")
        hits.sort(key=lambda h: (-(h.end - h.start), h.start))
        kept: list[_Hit] = []
        for h in hits:
            if all(h.end <= k.start or h.start >= k.end for k in kept):
                kept.append(h)
        for h in kept:
            if h.type == "pledge" and not _is_hedge(text, h) and _negated(text, h, cs, ce):
                h.type = "refusal"
        # one claim per type and clause, at its first cue
        first: dict[str, _Hit] = {}
        for h in sorted(kept, key=lambda h: h.start):
            first.setdefault(h.type, h)
        # "refuses to send troops": what is refused is not also pledged
        if "refusal" in first and "pledge" in first and not _is_hedge(text, first["pledge"]):
            del first["pledge"]
        # "willing to meet": a proposed meeting, not a pledge
        if "meeting" in first and "pledge" in first and _is_hedge(text, first["pledge"]):
            del first["pledge"]
        # "threatened to block the loan": the blocking is the content of the threat
        if "warning" in first and "refusal" in first and (
            first["warning"].start < first["refusal"].start
        ):
            del first["refusal"]
        return sorted(first.values(), key=lambda h: h.start)

    # ------------------------------------------------------------------ fields

    def _candidate(
        self,
        text: str,
        hit: _Hit,
        clause: tuple[int, int],
        sentence: Sentence,
        si: int,
        sentences: Sequence[Sentence],
        langs: Sequence[LanguageCues],
        actors: Sequence[Mention],
        dates: Sequence[Mention],
        quantities: Sequence[Mention],
        cities: Sequence[Mention],
    ) -> Candidate:
        cs, ce = clause
        ss, se = sentence.start, sentence.end
        in_clause = [a for a in actors if cs <= a.start and a.end <= ce]
        in_sentence = [a for a in actors if ss <= a.start and a.end <= se]
        before = [a for a in in_clause if a.end <= hit.start]
        own_actor = bool(before)
        subject = _distinct(before)
        if not subject:
            earlier = [a for a in in_sentence if a.end <= cs]
            subject = _distinct(earlier[-1:])
        if not subject:  # verb-first clauses ("رفضت مصر"), passives
            subject = _distinct([a for a in in_clause if a.start >= hit.end][:1])
        if not subject and si > 0:
            prev = sentences[si - 1]
            subject = _distinct([a for a in actors if prev.start <= a.start < prev.end][:1])
        after = [a for a in in_clause if a.start >= hit.end and a.value not in subject]
        fields: dict[str, Any] = {"actor": subject}
        date = _nearest(dates, hit.start, (cs, ce)) or _nearest(dates, hit.start, (ss, se))
        if date is not None:
            fields["date"] = date.value
        if hit.type == "meeting":
            participants = _distinct(in_sentence)
            if participants:
                fields["participants"] = participants
            city = _nearest(cities, hit.start, (cs, ce)) or _nearest(cities, hit.start, (ss, se))
            fmt = _format(text, (ss, se), langs)
            if city is not None:
                fields["location"] = city.value
            if fmt is None and city is not None:
                fmt = "in_person"
            if fmt is not None:
                fields["format"] = fmt
            count = _count(quantities, (ss, se))
            if count is not None:
                fields["participant_count"] = count
            fields["status"] = "scheduled" if _any(text, (cs, ce), langs, "future") else "held"
        else:
            fields["modality"] = _modality(text, hit, (cs, ce), (ss, se), langs)
        if hit.type == "pledge":
            recipient = next((a.value for a in after if a.value.kind == ActorKind.country), None)
            if recipient is not None:
                fields["recipient"] = recipient
            fields["what"] = _what(text, hit, (cs, ce), (ss, se), langs)
            qty = _pledge_quantity(quantities, (cs, ce))
            if qty is not None:
                fields["quantity"] = qty
        elif hit.type == "warning":
            targets = _distinct(after)
            if targets:
                fields["target"] = targets
        return Candidate(hit.type, (cs, ce), fields, si, own_actor)


# ------------------------------------------------------------------- helpers


def _is_hedge(text: str, hit: _Hit) -> bool:
    return any(
        m.start() <= hit.start and m.end() >= hit.end
        for m in hit.lang.find("hedge", text, hit.start, hit.end)
    )


def _negated(text: str, hit: _Hit, cs: int, ce: int) -> bool:
    lc = hit.lang
    if lc.negation_after:
        window = (hit.end, min(ce, hit.end + _NEG_WINDOW))
    else:
        window = (max(cs, hit.start - _NEG_WINDOW), hit.start)
    return any(True for _ in lc.find("negation", text, *window))


def _any(text: str, span: tuple[int, int], langs: Sequence[LanguageCues], category: str) -> bool:
    return any(any(True for _ in lc.find(category, text, *span)) for lc in langs)


def _modality(
    text: str,
    hit: _Hit,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    langs: Sequence[LanguageCues],
) -> str:
    # warnings speak of what could happen: "could" there is not a hedge
    if hit.type != "warning" and (_is_hedge(text, hit) or _any(text, clause, langs, "hedge")):
        return "tentative"
    if _any(text, sentence, langs, "condition"):
        return "conditional"
    return "firm"


def _what(
    text: str,
    hit: _Hit,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    langs: Sequence[LanguageCues],
) -> str:
    # the first keyword after the cue in the clause, then anywhere in the clause / sentence
    for lo, hi in ((hit.end, clause[1]), clause, sentence):
        best: tuple[int, str] | None = None
        for lc in langs:
            for what, pattern in lc.what.items():
                m = pattern.search(text, lo, hi)
                if m and (best is None or m.start() < best[0]):
                    best = (m.start(), what)
        if best is not None:
            return best[1]
    return "other"


def _format(text: str, sentence: tuple[int, int], langs: Sequence[LanguageCues]) -> str | None:
    for fmt in ("virtual", "phone"):
        for lc in langs:
            pattern = lc.formats.get(fmt)
            if pattern is not None and pattern.search(text, *sentence):
                return fmt
    return None


def _nearest(mentions: Sequence[Mention], anchor: int, span: tuple[int, int]) -> Mention | None:
    inside = [m for m in mentions if span[0] <= m.start and m.end <= span[1]]
    if not inside:
        return None
    return min(inside, key=lambda m: abs(m.start - anchor))


def _distinct(mentions: Sequence[Mention]) -> list[Actor]:
    out: list[Actor] = []
    labels: set[str] = set()
    for m in mentions:
        actor: Actor = m.value
        if actor.label.casefold() not in labels:
            labels.add(actor.label.casefold())
            out.append(actor)
    return out


def _count(quantities: Sequence[Mention], span: tuple[int, int]) -> Quantity | None:
    for m in quantities:
        q: Quantity = m.value
        if span[0] <= m.start and m.end <= span[1] and (q.unit or "").casefold() in _COUNT_UNITS:
            return q
    return None


def _pledge_quantity(quantities: Sequence[Mention], span: tuple[int, int]) -> Quantity | None:
    for m in quantities:
        if span[0] <= m.start and m.end <= span[1] and m.value.unit:
            return m.value  # type: ignore[no-any-return]
    return None
