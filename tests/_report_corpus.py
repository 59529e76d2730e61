"""Synthetic, real-sized claim records for the report's browser tests and bench/report.py.

Each document is a news-sized article (about 4,000 characters, a dozen
claims) built from sentences about a rotating set of actors, events and dates;
every claim's span is the exact slice of its sentence. Several documents in
different languages report the same meeting (corroborations), a few give a
different participant count (conflicts), and documents without a publication
date keep relative dates unresolved (folded warnings).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from claimkit.schemas import (
    Actor,
    ClaimBase,
    DateRef,
    Document,
    DocumentClaims,
    Meeting,
    Pledge,
    Quantity,
    Refusal,
    WarningClaim,
)

from ._corpus import TextBuilder, country_actor

ACTORS = ["France", "Germany", "Italy", "Poland", "Japan", "Canada", "Ukraine", "Spain", "Norway", "Brazil"]
CITIES = ["Paris", "Berlin", "Rome", "Warsaw", "Tokyo", "Ottawa", "Kyiv", "Madrid"]
LANGS = ["en", "fr", "de", "es", "it", "pl", "ja", "vi"]
OUTLETS = ["example-news.org", "daily.example", "wire.example", "post.example", "herald.example"]
FILLER = ("Officials familiar with the talks said the discussions had been long and at times "
          "difficult, with several delegations asking for more time to consult their capitals. "
          "Analysts noted that public opinion remained divided on the question, and that the "
          "coming weeks would show whether the commitments made so far would hold. ")


def _actor(i: int) -> Actor:
    return country_actor(ACTORS[i % len(ACTORS)])


class _Builder(TextBuilder):
    def __init__(self, doc_id: str) -> None:
        super().__init__()
        self.doc_id = doc_id

    def filler(self, text: str = FILLER) -> None:
        super().filler(text)


def _claims(b: _Builder, n: int, rng: random.Random, day: dt.date, anchored: bool) -> list[ClaimBase]:
    event = n // 5  # five documents report each meeting
    out: list[ClaimBase] = []
    date = DateRef(value=day.isoformat(), granularity="day", raw="on Tuesday",
                   resolution="relative") if anchored else DateRef(raw="on Tuesday", resolution="unresolved")
    a, c = _actor(event), _actor(event + 3)
    count = 26 if rng.random() > 0.05 else 30
    s = b.add(f"Leaders of {count} countries met in {CITIES[event % len(CITIES)]} on Tuesday, "
              f"hosted by {a.text} and {c.text}.")
    out.append(Meeting(doc_id=b.doc_id, actor=[a, c], participants=[a, c], date=date, evidence=[s],
                       location=CITIES[event % len(CITIES)], status="held",
                       participant_count=Quantity(value=count, raw=f"{count} countries")))
    for k in range(11):
        b.filler() if k % 2 == 0 else None
        x = _actor(event + rng.randrange(4))
        kind = k % 3
        if kind == 0:
            s = b.add(f"{x.text} pledged {1000 + 100 * k} troops for the mission, its minister said.")
            out.append(Pledge(doc_id=b.doc_id, actor=[x], what="troops", evidence=[s], date=date,
                              quantity=Quantity(value=1000 + 100 * k, unit="troops", raw=f"{1000 + 100 * k} troops"),
                              modality="firm"))
        elif kind == 1:
            s = b.add(f"{x.text} refused to send ground forces unless a ceasefire holds.")
            out.append(Refusal(doc_id=b.doc_id, actor=[x], what="ground forces", evidence=[s],
                               condition="unless a ceasefire holds", date=date))
        else:
            s = b.add(f"{x.text} warned {c.text} that new sanctions would follow any attack.")
            out.append(WarningClaim(doc_id=b.doc_id, actor=[x], target=[c], evidence=[s],
                                    consequence="new sanctions", date=date))
    return out


def synthetic_records(n_docs: int, seed: int = 0) -> Iterator[DocumentClaims]:
    """``n_docs`` documents of about 4,000 characters and 12 claims each."""
    rng = random.Random(seed)
    base = dt.date(2025, 1, 6)
    for n in range(n_docs):
        doc_id = f"doc-{n:05d}"
        day = base + dt.timedelta(days=7 * (n // 5) % 700)
        anchored = n % 10 != 9
        b = _Builder(doc_id)
        claims = _claims(b, n, rng, day, anchored)
        b.filler()
        text = "".join(b.parts)
        doc = Document(id=doc_id, text=text, title=f"Summit report {n}: leaders meet",
                       url=f"https://{OUTLETS[n % len(OUTLETS)]}/story/{n}",
                       published=day if anchored else None, language=LANGS[n % len(LANGS)])
        yield DocumentClaims(document=doc, claims=claims, backend="synthetic")
