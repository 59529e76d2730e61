"""Per-language test sentences of the rules backend: loading and checking.

Each ``tests/data/rules_sentences/<lang>.jsonl`` line is one hand-written
sentence (written from general knowledge of the language, not from the sample
articles) with what the backend should say about it:

- ``type``: the claim type it states (``pledge``, ``refusal``, ``warning``,
  ``meeting``), or null: it states none (a question, background, a hope, a
  report of fighting, a call on others);
- ``actor`` (optional): a canonical English name that must be among the
  actors of that claim;
- ``modality`` (optional): the claim's modality;
- ``absent`` (optional): claim types the sentence must not state besides
  (``["pledge"]`` for "agreed to hold talks": a meeting, nothing promised);
- ``known_gap`` (optional): the backend is known to fail this sentence, and
  why; the test is then a strict xfail (it fails when the gap closes, so the
  mark is removed with the fix).

Used by ``tests/test_rules_sentences.py`` and ``bench/rules_sentences.py``
(per-language pass rates).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimkit.extract.base import Backend
from tests._rules_helpers import actor_names, drafts

DATA = Path(__file__).parent / "data" / "rules_sentences"


@dataclass(frozen=True)
class Case:
    lang: str
    line: int
    text: str
    type: str | None
    actor: str | None
    modality: str | None
    known_gap: str | None
    absent: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.lang}:{self.line}:{self.type or 'none'}"


def load_cases(directory: Path = DATA) -> list[Case]:
    cases = []
    for path in sorted(directory.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row: dict[str, Any] = json.loads(line)
            cases.append(
                Case(
                    lang=path.stem,
                    line=n,
                    text=row["text"],
                    type=row.get("type"),
                    actor=row.get("actor"),
                    modality=row.get("modality"),
                    known_gap=row.get("known_gap"),
                    absent=tuple(row.get("absent") or ()),
                )
            )
    return cases


def check(backend: Backend, case: Case) -> str | None:
    """None when the backend does what the case expects, else what went wrong."""
    found = drafts(backend, case.text, case.lang, doc_id=case.id)
    types = sorted({d.type for d in found})
    if case.type is None:
        return f"expected no claim, got {types}" if found else None
    if extra := sorted(set(types) & set(case.absent)):
        return f"expected no {extra}, got {types}"
    hits = [d for d in found if d.type == case.type]
    if not hits:
        return f"expected a {case.type}, got {types or 'nothing'}"
    draft = hits[0]
    if case.actor is not None:
        actors = actor_names(draft)
        if case.actor not in actors:
            return f"expected actor {case.actor!r}, got {actors}"
    if case.modality is not None and draft.fields.get("modality") != case.modality:
        return f"expected modality {case.modality!r}, got {draft.fields.get('modality')!r}"
    return None
