"""German infinitive groups after a comma ("sagte zu, 24 Kampfjets zu liefern") belong to
the verb before them: one clause for the claim's span and its composition (a future or
announcing word with an action verb), not two (``extract.rules.text._join_infinitives``).
Every case failed before the clauses were joined."""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.extract.rules.text import segment
from tests._rules_helpers import actor_names, drafts


def _claims(backend: RulesBackend, text: str) -> list[tuple[str, list[str], str]]:
    return [(d.type, actor_names(d), d.spans[0].text) for d in drafts(backend, text, "de", "2026-05-03")]


@pytest.mark.parametrize(
    ("text", "kind", "actor", "span_end"),
    [
        # the span takes the group: what was promised, refused or threatened
        ("Die Niederlande sagten zu, 24 Kampfjets an Kiew zu liefern.", "pledge", "Netherlands", "zu liefern"),
        ("Ungarn weigerte sich, dem neuen Sanktionspaket zuzustimmen.", "refusal", "Hungary", "zuzustimmen"),
        ("Italien hat sich bereit erklärt, weitere Flüchtlinge aufzunehmen.", "pledge", "Italy", "aufzunehmen"),
        ("Polen verpflichtete sich gestern, zwei Feldlazarette bereitzustellen.", "pledge", "Poland", "bereitzustellen"),
        # an announcing or planning word with an action verb in the group composes a pledge
        ("Frankreich kündigte an, 3000 Soldaten nach Rumänien zu verlegen.", "pledge", "France", "zu verlegen"),
        ("Kanada plant, 300 Soldaten nach Lettland zu schicken.", "pledge", "Canada", "zu schicken"),
        ("Schweden hat beschlossen, der Ukraine zwei Kampfjets zu liefern.", "pledge", "Sweden", "zu liefern"),
    ],
)
def test_infinitive_group_is_part_of_the_claim(backend: RulesBackend, text: str, kind: str, actor: str,
                                               span_end: str) -> None:
    hits = [c for c in _claims(backend, text) if c[0] == kind]
    assert hits, _claims(backend, text)
    assert actor in hits[0][1]
    assert hits[0][2].endswith(span_end), hits[0][2]


def test_refused_hosting_is_no_pledge(backend: RulesBackend) -> None:
    """"lehnte es ab, ... aufzunehmen": the refusal takes the group, and the action verb in
    it makes no pledge of its own (it did, read as a clause apart)."""
    claims = _claims(backend, "Österreich lehnte es ab, weitere Flüchtlinge aufzunehmen.")
    assert [c[0] for c in claims] == ["refusal"], claims
    assert claims[0][2].endswith("aufzunehmen")


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Die Regierung sagte zu, 50 Millionen Euro bereitzustellen.", 1),
        ("Die Regierung sagte zu, die Hilfe zu erhöhen.", 1),
        # a group of its own stays apart: purpose, manner
        ("Die Regierung sagte 50 Millionen Euro zu, um den Wiederaufbau zu beschleunigen.", 2),
        ("Die Armee zog ab, ohne die Brücke zu sprengen.", 2),
        # no infinitive at the end: a noun after "zu" is capitalised
        ("Die Minister trafen sich in Berlin, zu Gesprächen über den Zugang zu Wasser.", 2),
        # not German: nothing joined
        ("The ministers met in Paris, to discuss the agreement.", 2),
    ],
)
def test_clauses(text: str, n: int) -> None:
    (sentence,) = segment(text)
    assert len(sentence.clauses) == n, [text[s:e] for s, e in sentence.clauses]
