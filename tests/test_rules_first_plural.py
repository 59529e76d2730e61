"""Polish and Ukrainian perfective verbs of the future table in the first person plural
("nie wyślemy", "не направимо": we will not send) are futures whose subject is the
speaker, as Russian "не откроем" is (pymorphy3 tags it) and as the table's third-person
forms are. Every refusal case failed before (``tense._third_person``)."""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.extract.rules.tense import futures
from tests._rules_helpers import actors_of


@pytest.mark.parametrize(
    ("lang", "text", "actor"),
    [
        ("pl", "– Nie wyślemy wojsk na Ukrainę – powiedział Viktor Orbán.", "Viktor Orbán"),
        ("pl", "– Nie otworzymy granicy – zapowiedział premier Donald Tusk.", "Donald Tusk"),
        ("pl", "– Nie przekażemy samolotów – oświadczył Mark Rutte.", "Mark Rutte"),
        ("uk", "«Ми не направимо війська», – заявив Віктор Орбан.", "Viktor Orbán"),
        ("uk", "«Не передамо зброю», – заявив Віктор Орбан.", "Viktor Orbán"),
        ("uk", "«Ми не підпишемо цю угоду», – сказав Роберт Фіцо.", "Robert Fico"),
    ],
)
def test_we_will_not(backend: RulesBackend, lang: str, text: str, actor: str) -> None:
    assert actor in actors_of(backend, text, lang, "refusal", "2026-05-03")


@pytest.mark.parametrize(
    ("lang", "text", "infinitive"),
    [("pl", "nie wyślemy wojsk", "wysłać"), ("uk", "не направимо війська", "направити"),
     ("uk", "не погодимося на це", "погодитися")],
)
def test_first_person_plural_is_read(lang: str, text: str, infinitive: str) -> None:
    (future,) = futures(lang, text, 0, len(text))
    assert future.first_person and infinitive in future.infinitives and future.negation is not None


@pytest.mark.parametrize(("lang", "text"), [("pl", "nie wiemy nic"), ("uk", "не знаємо")])
def test_other_verbs_are_not(lang: str, text: str) -> None:
    """A first person of a verb outside the table is no future read by form."""
    assert futures(lang, text, 0, len(text)) == []
