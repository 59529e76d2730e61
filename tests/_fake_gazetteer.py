"""What the rules tests with a fake gazetteer share (``test_rules.py``,
``test_rules_types.py``): a gazetteer that finds a fixed table of names, so the
tests exercise the cue rules and not the normalize package, and the checks every
draft of such a test passes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claimkit.extract.base import BackendResult, Draft, build_claims, verify_span
from claimkit.extract.rules import RulesBackend
from claimkit.normalize.mentions import ActorMention
from claimkit.schemas import Actor, ActorKind, Document


class FakeGazetteer:
    """Finds the names of ``names`` (as written -> English name), as ``Gazetteer.find``
    would: a longer name hides the names inside it. An English name is a country
    unless ``kinds`` gives its kind."""

    def __init__(self, names: Mapping[str, str], kinds: Mapping[str, ActorKind] | None = None) -> None:
        self.names = names
        self.kinds = kinds or {}

    def find(self, text: str, *, language: str | None = None) -> list[ActorMention]:
        found = []
        for surface, name in self.names.items():
            start = text.find(surface)
            while start >= 0:
                actor = Actor(text=surface, name=name, kind=self.kinds.get(name, ActorKind.country),
                              resolved=True)
                found.append(ActorMention(start, start + len(surface), surface, actor))
                start = text.find(surface, start + 1)
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        out: list[ActorMention] = []
        for m in found:
            if not out or m.start >= out[-1].end:
                out.append(m)
        return out


def drafts(backend: RulesBackend, text: str, language: str | None = None) -> list[Draft]:
    """The drafts of ``text``; each has spans, each span is its document's slice (exact by
    construction), and every draft validates as its claim model."""
    doc = Document(id="t", text=text, language=language)
    result = backend.extract(doc)
    assert isinstance(result, BackendResult)
    for d in result.drafts:
        assert d.spans, d
        for span in d.spans:
            assert verify_span(doc, span), span
    build_claims(doc, result.drafts)
    return list(result.drafts)


def one(ds: list[Draft], type_: str) -> Draft:
    """The one draft of ``type_`` (the test fails if there are none or several)."""
    found = [d for d in ds if d.type == type_]
    assert len(found) == 1, [(d.type, d.spans[0].text) for d in ds]
    return found[0]


def labels(value: Any) -> list[str]:
    """The labels of a list of actors (empty for anything else)."""
    return [a.label for a in value] if isinstance(value, list) else []
