"""Who a meeting is named by when its hosts or chairs are named in a later mention of it
(support.py ``_fill_from``): the guidelines name a meeting by its hosts or chairs when the
article names them, else by its participants. A headline or lead that names the meeting by
its subject or its participants ("Sudan aid conference", "Siria, la conferenza dei
donatori") takes the hosts a restatement names ("hosted by Britain and the African
Union", "ospitata dall'Unione europea"), unless the restatement gives another day. A
``host_after`` phrase ("under the chairmanship of", "sous la présidence de", "unter dem
Vorsitz von", "под председательством", "برئاسة", roles.py ``_hosts``) names its host after
it, never the place or subject before it ("in Berlin unter dem Vorsitz von X" is no
Germany's); a country there that is the title of the person after it is that person's
("برئاسة الرئيس المصري عبد الفتاح السيسي").

Every sentence is written for these tests (none comes from an article or a gold file);
each positive case failed before the mechanism, the guards are what it must not do.
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actor_names, of_type

#: (language, the hosts or chairs, text): a headline naming the meeting, then its hosts
_HOSTED = [
    ("en", ["United Kingdom", "African Union"],
     "Sudan aid conference raises $2 billion\n\nLondon, June 2, 2025 -\n\nThe conference on Sudan, hosted by "
     "Britain and the African Union, opened in London on Monday with delegates from 40 countries."),
    ("it", ["European Union"],
     "Siria, la conferenza dei donatori raccoglie 5 miliardi\n\nBRUXELLES, 2 giugno 2025 -\n\nLa conferenza per "
     "la Siria, ospitata oggi a Bruxelles dall'Unione europea, ha raccolto 5 miliardi di euro."),
]


@pytest.mark.parametrize(("lang", "hosts", "text"), _HOSTED, ids=[f"{c[0]}-{i}" for i, c in enumerate(_HOSTED)])
def test_a_meeting_is_named_by_the_hosts_a_restatement_names(
        backend: RulesBackend, lang: str, hosts: list[str], text: str) -> None:
    found = of_type(backend, text, lang, "meeting")
    assert len(found) == 1, text
    assert sorted(actor_names(found[0])) == sorted(hosts)


def test_hosts_named_first_stay(backend: RulesBackend) -> None:
    # the first mention names its host; a later one naming another chair does not replace it
    text = ("Nairobi, June 2, 2025 -\n\nThe summit, hosted by Kenya, opened in Nairobi on Monday. "
            "The summit was also co-chaired by Ethiopia.")
    found = of_type(backend, text, "en", "meeting")
    assert found
    assert actor_names(found[0])[0] == "Kenya"


#: (language, the chair, text): a ``host_after`` phrase after a place or the meeting's subject
_CHAIRED = [
    ("ar", ["Abdel Fattah el-Sisi"],
     "مصر تستقبل القمة الأفريقية في القاهرة\n\nالقاهرة، 2 يونيو 2025 -\n\nافتتحت في القاهرة، الاثنين، أعمال القمة "
     "الأفريقية برئاسة الرئيس المصري عبد الفتاح السيسي."),
    ("fr", ["Emmanuel Macron"],
     "Liban : la conférence des donateurs s'ouvre à Paris\n\nParis, 2 juin 2025 -\n\nLa conférence pour le Liban "
     "s'est ouverte lundi à Paris sous la présidence d'Emmanuel Macron."),
    ("de", ["Friedrich Merz"],
     "Berlin, 2. Juni 2025 -\n\nDie Konferenz zum Wiederaufbau der Ukraine begann am Montag in Berlin unter dem "
     "Vorsitz von Bundeskanzler Friedrich Merz."),
    ("ru", ["Vladimir Putin"],
     "Москва, 2 июня 2025 -\n\nЗаседание Совета безопасности прошло в понедельник в Москве под председательством "
     "Владимира Путина."),
    ("en", ["Abdel Fattah el-Sisi"],
     "Cairo, June 2, 2025 -\n\nThe African Union summit opened in Cairo on Monday under the chairmanship of "
     "Egyptian President Abdel Fattah el-Sisi."),
    ("en", ["Germany", "France"],
     "Berlin, June 2, 2025 -\n\nThe conference on Sudan was co-chaired by Germany and France in Berlin on Monday."),
    ("pl", ["Donald Tusk"],
     "Warszawa, 2 czerwca 2025 -\n\nSpotkanie w Warszawie odbyło się pod przewodnictwem premiera Donalda Tuska."),
    ("hr", ["Andrej Plenković"],
     "Zagreb, 2. lipnja 2025. -\n\nSastanak u Zagrebu održan je pod predsjedanjem premijera Andreja Plenkovića."),
    ("id", ["Prabowo Subianto"],
     "Jakarta, 2 Juni 2025 -\n\nRapat kabinet di Jakarta dipimpin oleh Presiden Prabowo Subianto pada Senin."),
    ("pt", ["Luiz Inácio Lula da Silva"],
     "Brasília, 2 de junho de 2025 -\n\nA cúpula em Brasília foi presidida pelo presidente Luiz Inácio Lula da Silva."),
    ("it", ["Giorgia Meloni"],
     "Roma, 2 giugno 2025 -\n\nIl vertice a Roma è stato presieduto da Giorgia Meloni."),
    ("es", ["Pedro Sanchez"],
     "Madrid, 2 de junio de 2025 -\n\nLa cumbre celebrada en Madrid fue presidida por Pedro Sánchez."),
]


@pytest.mark.parametrize(("lang", "chairs", "text"), _CHAIRED, ids=[f"{c[0]}-{i}" for i, c in enumerate(_CHAIRED)])
def test_a_host_after_phrase_names_who_follows_it(
        backend: RulesBackend, lang: str, chairs: list[str], text: str) -> None:
    found = of_type(backend, text, lang, "meeting")
    assert found, text
    assert sorted(actor_names(found[0])) == sorted(chairs)


def test_hosts_before_a_host_verb_stay(backend: RulesBackend) -> None:
    text = "Berlin, June 2, 2025 -\n\nGermany and France co-chaired the conference on Sudan in Berlin on Monday."
    assert sorted(actor_names(of_type(backend, text, "en", "meeting")[0])) == ["France", "Germany"]
