"""German "der Bund" (the federal level: the federal government of Germany, of Switzerland,
of Austria) is a home noun as "die Regierung" is: the government of the country the
article is at home in ("BERLIN (dpa) - Der Bund hat zugesagt, ...": Germany; "BERN (sda)
- ...": Switzerland). Before, such a claim had no actor. Only the nominative "der Bund"
(a subject), not "dem Bund", "vom Bund", nor an association named "Bund der ..." or "Bund
für ..." ("der Bund der Steuerzahler": the taxpayers' association).

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_of


@pytest.mark.parametrize(("text", "type_", "wanted"), [
    ("BERLIN (dpa) - Der Bund hat zugesagt, die Kosten des Ausbaus zu übernehmen.", "pledge", ["Germany"]),
    ("BERLIN (dpa) - Der Bund werde sich mit 50 Millionen Euro an den Kosten beteiligen, sagte die "
     "Ministerin.", "pledge", ["Germany"]),
    ("BERN (sda) - Der Bund hat zugesagt, die Kosten des Ausbaus zu übernehmen.", "pledge", ["Switzerland"]),
])
def test_der_bund_is_the_home_government(backend: RulesBackend, text: str, type_: str, wanted: list[str]) -> None:
    assert actors_of(backend, text, "de", type_) == wanted


@pytest.mark.parametrize(("text", "type_"), [
    ("BERLIN (dpa) - Der Bund der Steuerzahler warnte, die Kosten könnten sich verdoppeln.", "warning"),
    ("BERLIN (dpa) - Die Länder verlangen, dass die Kosten dem Bund zufallen. Bayern sagte zu, die "
     "Hälfte zu tragen.", "pledge"),
])
def test_no_government_from_an_association_or_an_object(backend: RulesBackend, text: str, type_: str) -> None:
    assert "Germany" not in actors_of(backend, text, "de", type_)
