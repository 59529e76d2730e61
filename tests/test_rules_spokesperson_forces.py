"""Spokespeople of a service, a force or a prosecutor in Russian and Ukrainian news
("Речник Військово-морських сил ЗСУ Олег Петренко", "Официальный представитель
Следственного комитета Олег Петров"): the body is one the person speaks for, so the
officials finder steps over it to the name. Before, the body's first word was read as the
person's name ("Sukhoputnykh", "Natsionalnoi", "Pogransluzhby Oleg Petrov") or the speaker
was lost behind the body ("Armed Forces of Ukraine").

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_of

_UK = "Речник {} Олег Петренко попередив, що ризик атак залишається високим."
_RU = "Официальный представитель {} Олег Петров предупредил, что риск атак остается высоким."


@pytest.mark.parametrize(("text", "lang", "wanted"), [
    (_UK.format("Військово-морських сил ЗСУ"), "uk", "Oleh Petrenko"),
    (_UK.format("Сухопутних військ"), "uk", "Oleh Petrenko"),
    (_UK.format("Національної гвардії"), "uk", "Oleh Petrenko"),
    (_UK.format("Держприкордонслужби"), "uk", "Oleh Petrenko"),
    (_RU.format("Сухопутных войск"), "ru", "Oleg Petrov"),
    (_RU.format("Следственного комитета"), "ru", "Oleg Petrov"),
    (_RU.format("Погранслужбы"), "ru", "Oleg Petrov"),
    (_RU.format("Генеральной прокуратуры"), "ru", "Oleg Petrov"),
])
def test_the_spokesperson_leads(backend: RulesBackend, text: str, lang: str, wanted: str) -> None:
    got = actors_of(backend, text, lang, "warning")
    assert got[:1] == [wanted], got


#: guards: bodies read before still give the person; a body that speaks alone is the actor
@pytest.mark.parametrize(("text", "lang", "wanted"), [
    (_UK.format("Повітряних сил"), "uk", ["Oleh Petrenko"]),
    (_RU.format("МИД"), "ru", ["Oleg Petrov"]),
    ("Міністерство оборони попередило мешканців, що навчання триватимуть до ранку.", "uk",
     ["Ministry of Defence", "Ukraine"]),
])
def test_known_bodies_as_before(backend: RulesBackend, text: str, lang: str, wanted: list[str]) -> None:
    assert actors_of(backend, text, lang, "warning") == wanted
