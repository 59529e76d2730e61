"""A line's opening words followed by a dash are a dateline only when the dash is a
dateline's dash and the words may be a place (``claimkit.extract.rules.dateline``): a
suspended compound's hyphen ("Staats- und Regierungschefs", "Ein-, Aus- und Durchfuhr")
opens no story, and a phrase opening with a determiner or written in lower case names no
place. Real datelines with dashes, in several languages, are still read.

Every text is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules.dateline import read_datelines
from tests._datelines import article as _article
from tests._datelines import seat as _seat

#: the first half of a suspended compound opening a line, its hyphen glued to it and followed
#: by a conjunction or a comma (German, Dutch, Polish, Croatian, Czech, Finnish, Hungarian,
#: Swedish, English); each was read as a dateline before
_SUSPENDED = [
    "Der Gipfel der Staats- und Regierungschefs findet im Juni in Brüssel statt.",
    "Ein- und Ausfuhr von Waffen bleiben verboten, sagte der Minister.",
    "Ein-, Aus- und Durchfuhr sind genehmigungspflichtig.",
    "Klein- oder Großbetriebe erhalten keine Hilfe mehr.",
    "Land- en tuinbouw krijgen volgend jaar minder subsidie.",
    "Wschodnio- i zachodnioeuropejscy przywódcy spotkali się w Pradze.",
    "Srednje- i dugoročni ciljevi Vlade ostaju isti, rekao je ministar.",
    "Malo- a středoobchodníci žádají pomoc.",
    "Kesä- ja talvikauden liikenne kasvoi.",
    "Kis- és középvállalkozások támogatást kapnak.",
    "Små- och medelstora företag får stöd.",
    "Pre- and post-war Europe differed.",
]


@pytest.mark.parametrize("text", _SUSPENDED, ids=[t.split()[0] for t in _SUSPENDED])
def test_a_suspended_compounds_hyphen_is_no_dateline_dash(text: str) -> None:
    assert read_datelines(text, _seat) == ()


#: a phrase that is no place opening a line, before a dash that sets off an aside: it opens
#: with a determiner, or with or in a lower-case word (the rest of a sentence broken by a line)
_NO_PLACE = [
    "Die Regierung – so der Sprecher – will sparen.",
    "Das ist gut - sagte der Kanzler.",
    "Eine Mehrheit – knapp, aber sicher – stimmte zu.",
    "Deze keer - zei de minister - is het anders.",
    "This time - the minister said - it is different.",
    "Ten projekt – powiedział premier – jest gotowy.",
    "Ovaj zakon – rekao je ministar – stupa na snagu.",
    "und dann kam er – viel zu spät – in Berlin an.",
    "Premier Tusk powiedział – i to było jasne – że nie.",
]


@pytest.mark.parametrize("text", _NO_PLACE, ids=[" ".join(t.split()[:2]) for t in _NO_PLACE])
def test_a_determiner_or_lower_case_phrase_names_no_dateline_place(text: str) -> None:
    assert read_datelines(text, _seat) == ()


#: datelines with dashes, spaced or glued, in several languages and with places that have an
#: article, a lower-case word inside or a hyphen: still read, with the government seated there
_DASHED = [
    ("BERLIN - Die Bundesregierung hat ...", "BERLIN", "Germany"),
    ("BERLIN- Die Bundesregierung hat ...", "BERLIN", "Germany"),
    ("KYIV — Ukraine's parliament ...", "KYIV", "Ukraine"),
    ("Warszawa – Rząd przyjął ...", "Warszawa", "Poland"),
    ("ZAGREB, 3. ožujka - Vlada je ...", "ZAGREB", "Croatia"),
    ("PRAHA - Vláda schválila ...", "PRAHA", "Czechia"),
    ("Den Haag - Het kabinet wil ...", "Den Haag", None),
    ("RIO DE JANEIRO, 3 nov (EFE).- El Gobierno ...", "RIO DE JANEIRO", None),
    ("Frankfurt am Main - Die Bank ...", "Frankfurt am Main", None),
    ("PORT-AU-PRINCE (AP) — Haiti's ...", "PORT-AU-PRINCE", None),
    ("A CORUÑA, 3 nov (EFE).- El alcalde ...", "A CORUÑA", None),
    ("Kiev - Und wieder ...", "Kiev", "Ukraine"),  # a spaced dash before a conjunction
]


@pytest.mark.parametrize(("text", "place", "country"), _DASHED, ids=[d[1] for d in _DASHED])
def test_a_dateline_with_a_dash_is_still_read(text: str, place: str, country: str | None) -> None:
    found = _article(text)
    assert found is not None and found.place == place
    if country is not None:
        assert found.country == country
