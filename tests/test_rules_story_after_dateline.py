"""The day a story tells of, when its lead opens with a dateline and names another day
after it: "BERLIN, March 12, 2026 (Reuters) - X met Y on Wednesday." The dateline's date
is when the story was filed; the lead's own day is when its events were. A later claim of
the lead sentence's people, with no day of its own, was made that day (what the ministers
said at the talks); a claim of anyone else (a government, an embassy reacting) on the day
the story was filed. A lead that names no other day leaves the dateline's day for all.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import dates_of

#: (language, published, text, type, the date wanted): the lead's people speak on the
#: lead's day (a Wednesday, a "yesterday"), the day before the dateline's
_LEAD_PEOPLE = [
    ("en", dt.date(2026, 3, 12),
     "BERLIN, March 12, 2026 (Reuters) - German Foreign Minister Johann Wadephul met his Polish "
     "counterpart Radoslaw Sikorski in Berlin on Wednesday.\n\nWadephul ruled out sending "
     "German troops to Ukraine.", "refusal", "2026-03-11"),
    ("it", dt.date(2026, 3, 12),
     "ROMA, 12 marzo 2026 (Agenzia Italia) - Il ministro degli Esteri Antonio Tajani ha "
     "incontrato ieri a Roma il ministro Radoslaw Sikorski.\n\nTajani ha escluso l'invio di "
     "soldati italiani in Ucraina.", "refusal", "2026-03-11"),
    ("de", dt.date(2026, 3, 12),
     "BERLIN, 12. März 2026 (dpa) - Verteidigungsminister Boris Pistorius hat am Mittwoch in "
     "Berlin seinen Amtskollegen Radoslaw Sikorski getroffen.\n\nPistorius sagte der Ukraine "
     "weitere Flugabwehrsysteme zu.", "pledge", "2026-03-11"),
    ("es", dt.date(2026, 3, 12),
     "MADRID, 12 de marzo de 2026 (EFE) - El ministro de Asuntos Exteriores José Manuel Albares "
     "se reunió ayer en Madrid con su homólogo Radoslaw Sikorski.\n\nAlbares descartó el envío "
     "de tropas españolas a Ucrania.", "refusal", "2026-03-11"),
    ("ru", dt.date(2026, 3, 12),
     "МОСКВА, 12 марта 2026 г. (ИА) - Министр иностранных дел Сергей Лавров провел в среду "
     "переговоры с министром Араратом Мирзояном.\n\nЛавров исключил вывод российских войск из "
     "региона.", "refusal", "2026-03-11"),
]

#: the same leads, and a claim of another actor (a country, an embassy): the dateline's day
_OTHERS = [
    ("en", dt.date(2026, 3, 12),
     "BERLIN, March 12, 2026 (Reuters) - German Foreign Minister Johann Wadephul met his Polish "
     "counterpart Radoslaw Sikorski in Berlin on Wednesday.\n\nRussia warned that any new "
     "deliveries of weapons would have consequences.", "warning", "2026-03-12"),
    ("it", dt.date(2026, 3, 12),
     "ROMA, 12 marzo 2026 (Agenzia Italia) - Il ministro degli Esteri Antonio Tajani ha "
     "incontrato ieri a Roma il ministro Radoslaw Sikorski.\n\nLa Russia ha avvertito che "
     "nuove forniture di armi avrebbero conseguenze.", "warning", "2026-03-12"),
]

#: a lead with no day of its own after the dateline: the dateline's day for every claim
_DATELINE_ONLY = [
    ("en", dt.date(2026, 3, 12),
     "BERLIN, March 12, 2026 (Reuters) - Germany will send two more air defence systems to "
     "Ukraine, the government said.\n\nDefence Minister Boris Pistorius ruled out sending "
     "Taurus missiles.", "refusal", "2026-03-12"),
]


def _ids(cases: list[tuple[str, dt.date, str, str, str]]) -> list[str]:
    return [f"{c[0]}-{c[3]}" for c in cases]


@pytest.mark.parametrize(("lang", "published", "text", "kind", "want"), _LEAD_PEOPLE, ids=_ids(_LEAD_PEOPLE))
def test_the_lead_sentences_people_speak_on_the_leads_day(
    backend: RulesBackend, lang: str, published: dt.date, text: str, kind: str, want: str
) -> None:
    assert dates_of(backend, text, lang, kind, published) == [want]


@pytest.mark.parametrize(("lang", "published", "text", "kind", "want"), _OTHERS, ids=_ids(_OTHERS))
def test_another_actor_speaks_on_the_datelines_day(
    backend: RulesBackend, lang: str, published: dt.date, text: str, kind: str, want: str
) -> None:
    assert dates_of(backend, text, lang, kind, published) == [want]


@pytest.mark.parametrize(("lang", "published", "text", "kind", "want"), _DATELINE_ONLY, ids=_ids(_DATELINE_ONLY))
def test_a_lead_with_no_other_day_keeps_the_datelines(
    backend: RulesBackend, lang: str, published: dt.date, text: str, kind: str, want: str
) -> None:
    assert dates_of(backend, text, lang, kind, published) == [want]
