"""The day of the lead: a claim of the article's first paragraph is dated by the day
the paragraph names after it, not by the publication ("Sweden will send two more
aircraft. The prime minister told reporters on Tuesday ..."), and a next sentence that
tells who said the claim dates it even with the day between its words ("Об этом в
среду заявил ...", "Про це у вівторок повідомив ...", "O tym we wtorek poinformował").

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import dates_of

#: published on Wednesday 8 April 2026: "on Tuesday" is 2026-04-07
_PUBLISHED = "2026-04-08"

#: (language, text, type, the claim's date): the lead's day named later in its paragraph
_LEAD_CASES = [
    ("en", "Sweden to send Ukraine two more aircraft\n\nStockholm\n\nSweden will send Ukraine two more surveillance aircraft. "
     "Prime Minister Ulf Kristersson told reporters in Kyiv on Tuesday that the planes would arrive in spring.",
     "pledge", "2026-04-07"),
    ("de", "Schweden liefert weitere Flugzeuge\n\nStockholm\n\nSchweden wird der Ukraine zwei weitere Aufklärungsflugzeuge liefern. "
     "Ministerpräsident Ulf Kristersson sagte am Dienstag in Kiew, die Maschinen kämen im Frühjahr.",
     "pledge", "2026-04-07"),
    ("es", "Suecia enviará más aviones a Ucrania\n\nEstocolmo\n\nSuecia enviará a Ucrania dos aviones de vigilancia más. "
     "El primer ministro Ulf Kristersson explicó el martes en Kiev que los aparatos llegarán en primavera.",
     "pledge", "2026-04-07"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "date"), _LEAD_CASES, ids=[f"{c[0]}:{i}" for i, c in enumerate(_LEAD_CASES)])
def test_a_lead_claim_takes_the_day_its_paragraph_names_after_it(
    backend: RulesBackend, lang: str, text: str, type_: str, date: str
) -> None:
    assert dates_of(backend, text, lang, type_, _PUBLISHED)[:1] == [date]


#: (language, text, type, the claim's date); the dateline is Wednesday 8 April 2026
_ATTRIBUTED_CASES = [
    ("ru", "МОСКВА, 8 апреля 2026 г. - Россия направит гуманитарную помощь в Армению. Об этом во вторник заявил министр иностранных дел Сергей Лавров.",
     "pledge", "2026-04-07"),
    ("ru", "МОСКВА, 8 апреля 2026 г. - Россия не будет участвовать в саммите. Об этом во вторник сообщила официальный представитель МИД Мария Захарова.",
     "refusal", "2026-04-07"),
    ("uk", "КИЇВ, 8 квітня 2026 року - Норвегія передасть Україні ще два літаки. Про це у вівторок повідомив прем'єр-міністр Норвегії.",
     "pledge", "2026-04-07"),
    ("pl", "WARSZAWA, 8 kwietnia 2026 (PAP) - Polska przekaże Ukrainie kolejny pakiet pomocy. O tym we wtorek poinformował minister obrony.",
     "pledge", "2026-04-07"),
    ("hr", "ZAGREB, 8. travnja 2026. - Hrvatska će Ukrajini poslati novu pomoć. To je u utorak izjavio premijer Andrej Plenković.",
     "pledge", "2026-04-07"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "date"), _ATTRIBUTED_CASES, ids=[f"{c[0]}:{i}" for i, c in enumerate(_ATTRIBUTED_CASES)])
def test_an_attribution_with_its_day_inside_dates_the_claim(
    backend: RulesBackend, lang: str, text: str, type_: str, date: str
) -> None:
    assert dates_of(backend, text, lang, type_, None) == [date]
