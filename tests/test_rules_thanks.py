"""Who is thanked for a claim makes it; who thanks receives it: "Zelensky thanked Norway
for pledging $1bn" is Norway's pledge, not Zelensky's or Ukraine's.

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_of

_THANKED = [
    ("en", "Zelensky thanked Norway for pledging $1bn in aid.", "pledge", ["Norway"]),
    ("en", "Zelensky thanked Denmark and Sweden for promising more air defence.", "pledge",
     ["Denmark", "Sweden"]),
    ("fr", "Zelensky a remercié la Norvège d'avoir promis un milliard de dollars.", "pledge", ["Norway"]),
    ("es", "Zelenski agradeció a Noruega por prometer mil millones de dólares.", "pledge", ["Norway"]),
    ("de", "Selenskyj dankte Norwegen für die Zusage von einer Milliarde Dollar.", "pledge", ["Norway"]),
    ("ru", "Зеленский поблагодарил Норвегию за обещание выделить миллиард долларов.", "pledge", ["Norway"]),
    ("zh", "泽连斯基感谢挪威承诺提供10亿美元援助。", "pledge", ["Norway"]),
    ("en", "Macron thanked Poland for hosting the summit in Warsaw.", "meeting", ["Poland"]),
]


_NOT_THANKED = [
    # the thanks come after the claim, or in another sentence: the subject stays
    ("en", "Germany pledged more tanks, and Zelensky thanked Berlin.", "pledge", ["Germany"]),
    ("en", "Zelensky thanked the soldiers. Norway pledged $1bn in aid.", "pledge", ["Norway"]),
]


_CASES = [("thanked", *t) for t in _THANKED] + [("elsewhere", *t) for t in _NOT_THANKED]


@pytest.mark.parametrize(("case", "lang", "text", "type_", "actors"), _CASES,
                         ids=[f"{t[0]}:{t[1]}:{i}" for i, t in enumerate(_CASES)])
def test_the_thanked_make_the_claim_and_thanks_elsewhere_change_nothing(
    backend: RulesBackend, case: str, lang: str, text: str, type_: str, actors: list[str]
) -> None:
    assert actors_of(backend, text, lang, type_) == actors, case
