"""Synthetic claim records for the store's tests and ``bench/store.py``.

Real-sized records built through the models' validation (each its own
objects, nothing shared): documents of ~10 claims with verbatim spans into
their text; meetings reported by several outlets (hosts differ) in several
languages, some with a wrong participant count; pledges, refusals and
warnings of recurring actors and objects over several years, some actors
pledging and refusing the same thing.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from claimkit.schemas import DocumentClaims

LANGS = ["en", "fr", "de", "ru", "zh", "ja", "es", "ar"]
COUNTRIES = [
    ("Russia", "RU"), ("Ukraine", "UA"), ("United States", "US"), ("France", "FR"),
    ("Germany", "DE"), ("United Kingdom", "GB"), ("Poland", "PL"), ("China", "CN"),
    ("Japan", "JP"), ("Hungary", "HU"), ("Turkey", "TR"), ("India", "IN"), ("Italy", "IT"),
    ("Spain", "ES"), ("Canada", "CA"), ("Brazil", "BR"), ("Estonia", "EE"), ("Finland", "FI"),
    ("Sweden", "SE"), ("Norway", "NO"), ("Greece", "GR"), ("Romania", "RO"),
    ("South Korea", "KR"), ("Mexico", "MX"),
]
CITIES = ["Paris", "London", "Berlin", "Rome", "Warsaw", "Kyiv", "Moscow", "Beijing", "Tokyo",
          "Washington", "Brussels", "Geneva", "Istanbul", "Vienna", "Helsinki", "Madrid"]
WHATS = ["troops", "money", "weapons", "training", "sanctions", "guarantee"]
REFUSED = ["sending troops to Ukraine", "new sanctions against Russia", "weapons deliveries",
           "a ceasefire deal", "more money for the fund"]


def _actor(i: int) -> dict[str, object]:
    name, iso = COUNTRIES[i]
    return {"text": name, "name": name, "kind": "country", "iso_code": iso, "resolved": True}


class _Doc:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def span(self, sentence: str) -> dict[str, object]:
        start = self.pos
        self.parts.append(sentence)
        self.pos += len(sentence) + 1
        return {"start": start, "end": start + len(sentence), "text": sentence,
                "alignment": "exact"}


def records(n_claims: int, *, seed: int = 1, days: int = 3 * 365, outlets: int = 50,
            start: int = 0) -> Iterator[DocumentClaims]:
    """About ``n_claims`` claims in records of 10; ids from document ``start`` on."""
    rng = random.Random(seed)
    base = dt.date(2024, 1, 1).toordinal()
    n_events = max(1, n_claims * 3 // 10 // 5)
    events = [(base + rng.randrange(days), rng.choice(CITIES),
               rng.sample(range(len(COUNTRIES)), rng.randint(2, 4)), rng.randint(3, 30))
              for _ in range(n_events)]
    made, d = 0, start
    while made < n_claims:
        doc_id = f"doc{d:07d}"
        outlet = f"https://news{rng.randrange(outlets)}.example/{doc_id}"
        lang = rng.choice(LANGS)
        ev = events[rng.randrange(n_events)]
        published = dt.date.fromordinal(ev[0] + rng.randint(0, 2))
        doc = _Doc()
        claims = []
        for j in range(min(10, n_claims - made)):
            claims.append(_claim(rng, doc, doc_id, j, ev if j == 0 else rng.choice(events), base,
                                 days))
            made += 1
        document = {"id": doc_id, "text": " ".join(doc.parts), "url": outlet,
                    "published": published.isoformat(), "language": lang, "title": f"Title {d}"}
        yield DocumentClaims.model_validate({
            "document": document, "claims": claims, "backend": "synthetic",
            "version": "synthetic-1", "usage": {"requests": 1, "prompt_tokens": 900,
                                                "completion_tokens": 300, "cost_usd": 0.0004},
        })
        d += 1


def _claim(rng: random.Random, doc: _Doc, doc_id: str, j: int,
           ev: tuple[int, str, list[int], int], base: int, days: int) -> dict[str, object]:
    r = rng.random()
    cid = f"{doc_id}-{j}"
    if r < 0.3:
        day, city, members, count = ev
        if rng.random() < 0.03:
            count += 1
        sent = f"Leaders of {count} countries met in {city} on {dt.date.fromordinal(day)} ({cid})."
        when = dt.date.fromordinal(day + (1 if rng.random() < 0.03 else 0)).isoformat()
        kind = rng.random()  # some reports name no place, a month only, or no date
        date = (None if kind < 0.04 else {"value": when[:7], "granularity": "month"}
                if kind < 0.08 else {"value": when, "granularity": "day"})
        members = members if rng.random() > 0.1 else members[: rng.randint(1, len(members))]
        return {"type": "meeting", "id": f"mee-{cid}", "doc_id": doc_id,
                "actor": [_actor(members[0])], "evidence": [doc.span(sent)], "date": date,
                "participants": [_actor(m) for m in members],
                "participant_count": {"value": count, "unit": "countries"},
                "location": None if rng.random() < 0.08 else city, "status": "held"}
    who = rng.randrange(len(COUNTRIES))
    when = base + rng.randrange(days)
    date = ({"value": dt.date.fromordinal(when).isoformat(), "granularity": "day"}
            if rng.random() < 0.6 else None)
    sent = f"{COUNTRIES[who][0]} made its position known ({cid})."
    common = {"doc_id": doc_id, "actor": [_actor(who)], "evidence": [doc.span(sent)],
              "date": date, "modality": "firm"}
    if r < 0.65:
        return {"type": "pledge", "id": f"ple-{cid}", "what": rng.choice(WHATS), **common}
    if r < 0.9:
        return {"type": "refusal", "id": f"ref-{cid}", "what": rng.choice(REFUSED), **common}
    return {"type": "warning", "id": f"war-{cid}", "target": [_actor(rng.randrange(len(COUNTRIES)))],
            "consequence": "new sanctions", **common}
