"""A Ukrainian body named by a head and a noun in the genitive that ends in -и ("Міністерство
оборони", "Міністерство культури", "Державна служба статистики") is one organisation, a
state body speaking for the article's country; on main the -ни and -ри genitives ended the
name at its head, and "Міністерство оборони попередило ..." had no actor. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_by_type


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend()


@pytest.mark.parametrize(("text", "type_", "actors"), [
    ("Міністерство оборони попередило мешканців, що навчання триватимуть до ранку.", "warning",
     ["Ministry of Defence", "Ukraine"]),
    ("Міністерство культури пообіцяло музеям нові гранти.", "pledge", ["Ministry of Culture", "Ukraine"]),
    ("Міністерство інфраструктури пообіцяло відновити міст до зими.", "pledge",
     ["Ministry of Infrastructure", "Ukraine"]),
    ("Державна служба статистики попередила про затримку даних.", "warning",
     ["State Statistics Service", "Ukraine"]),
])
def test_a_body_with_a_genitive_in_i_is_one_state_body(backend: RulesBackend, text: str, type_: str,
                                                      actors: list[str]) -> None:
    assert actors_by_type(backend, text, "uk") == {type_: actors}
