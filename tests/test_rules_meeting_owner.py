"""A meeting's actor is who holds it: the names owning the meeting noun ("Putin and
Zelensky's meeting", "the summit of NATO"), not who reports or arranges it; and a
country whose name is an article and a noun ("La Réunion") is no name in lower case
("la réunion": the French for "the meeting").

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.normalize import Gazetteer
from tests._rules_helpers import actors_of

# the owners of the meeting noun, before it with a possessive mark or after it with a
# genitive word, are its actor; the reporter or arranger is not
_OWNED = [
    ("en", "Trump said he had begun arranging Putin and Zelensky's face-to-face meeting.",
     ["Vladimir Putin", "Volodymyr Zelensky"]),
    ("en", "Macron said the summit of the Coalition of the Willing will take place in Paris.",
     ["Coalition of the Willing"]),
    ("ja", "トランプ氏は、プーチンとゼレンスキーの対面会議の手配を始めたと述べた。",
     ["Vladimir Putin", "Volodymyr Zelensky"]),
    ("zh", "特朗普表示,他已开始安排普京和泽连斯基的会晤。", ["Vladimir Putin", "Volodymyr Zelensky"]),
    ("ko", "트럼프는 푸틴과 젤렌스키의 회담을 준비하기 시작했다고 말했다.",
     ["Vladimir Putin", "Volodymyr Zelensky"]),
    ("es", "Sánchez anunció que la cumbre de la OTAN se celebrará en Madrid.", ["NATO"]),
    ("it", "Meloni ha detto che il vertice della NATO si terrà a Roma.", ["NATO"]),
    ("fr", "Macron a annoncé que la réunion de l'OTAN aura lieu à Bruxelles.", ["NATO"]),
]


@pytest.mark.parametrize(("lang", "text", "actors"), _OWNED, ids=[f"{t[0]}:{i}" for i, t in enumerate(_OWNED)])
def test_meeting_owner_is_the_actor(backend: RulesBackend, lang: str, text: str, actors: list[str]) -> None:
    assert actors_of(backend, text, lang, "meeting") == actors


# a meeting verb's object, a name before "with" (と, との, 와), or a name right after a
# meeting word in a language with no genitive word is no owner: the subject stays first,
# and a person met is named after it (the guidelines: a meeting with no host named is
# named by its participants, people by their names)
_NOT_OWNED = [
    ("en", "Macron met Starmer in London.", ["Emmanuel Macron", "Keir Starmer"]),
    ("en", "Trump's meeting with Putin ended without a deal.", ["Donald Trump"]),
    ("ja", "トランプ大統領はプーチン大統領との会談を終えた。", ["Donald Trump", "Vladimir Putin"]),
    ("id", "Macron bertemu Trump di Paris.", ["Emmanuel Macron", "Donald Trump"]),
    ("de", "Merz traf Macron in Berlin.", ["Friedrich Merz", "Emmanuel Macron"]),
]


@pytest.mark.parametrize(("lang", "text", "actors"), _NOT_OWNED, ids=[f"{t[0]}:{i}" for i, t in enumerate(_NOT_OWNED)])
def test_meeting_subject_stays(backend: RulesBackend, lang: str, text: str, actors: list[str]) -> None:
    assert actors_of(backend, text, lang, "meeting") == actors


def test_article_noun_names_need_their_capital() -> None:
    gazetteer = Gazetteer.default()
    found = {t: [m.text for m in gazetteer.find(t, language="fr")] for t in (
        "Macron a participé à la réunion à Bruxelles.",
        "La Réunion a voté.",
        "El Salvador a voté.",
    )}
    assert found["Macron a participé à la réunion à Bruxelles."] == ["Macron"]
    assert found["La Réunion a voté."] == ["La Réunion"]
    assert found["El Salvador a voté."] == ["El Salvador"]


def test_lower_case_la_reunion_is_a_meeting(backend: RulesBackend) -> None:
    assert actors_of(backend, "Macron a participé à la réunion à Bruxelles.", "fr", "meeting") == ["Emmanuel Macron"]


# a restatement joining a claim gives it its actor when it names one in its own clause
# and the claim's was borrowed (from the sentence before): the first clause mentions the
# meeting, the second says who held it (the people who met)
_JOINED = [
    ("en", "Germany sent a delegation. The day before the summit, Zelensky met Macron in Paris."),
    ("fr", "L'Allemagne a envoyé une délégation. La veille du sommet, Zelensky a rencontré Macron à Paris."),
    ("es", "Alemania envió una delegación. La víspera de la cumbre, Zelenski se reunió con Macron en París."),
    ("id", "Jerman mengirim delegasi. Sehari sebelum pertemuan puncak, Zelensky bertemu Macron di Paris."),
]


@pytest.mark.parametrize(("lang", "text"), _JOINED, ids=[t[0] for t in _JOINED])
def test_restatement_brings_its_own_actor(backend: RulesBackend, lang: str, text: str) -> None:
    assert actors_of(backend, text, lang, "meeting") == ["Volodymyr Zelensky", "Emmanuel Macron"]


def test_restatement_in_another_sentence_keeps_the_claims_actor(backend: RulesBackend) -> None:
    # a later sentence's own actor does not replace the first mention's: "The United
    # States did not attend the Paris summit" is not who held it
    text = ("Macron hosted a summit in Paris on Thursday. The United States did not send "
            "representatives to the Paris summit.")
    assert actors_of(backend, text, "en", "meeting")[0] == "Emmanuel Macron"


# a meeting's hosts or chairs lead it: named next to a host word in the meeting's own
# sentence, or in a later mention that joins it ("The meeting was co-chaired by ...")
_HOSTED = [
    ("en", "Defence ministers met in Brussels on Thursday. The meeting was co-chaired by Britain and Germany.",
     ["United Kingdom", "Germany"]),
    ("en", "Germany hosted a meeting of NATO ministers in Berlin.", ["Germany"]),
    ("vi", "Các bộ trưởng họp tại Brussels. Hội nghị diễn ra ngày 10/4 do Anh và Đức đồng chủ trì.",
     ["United Kingdom", "Germany"]),
    ("zh", "各国外长在巴黎举行会议。会议由英国和德国共同主持。", ["United Kingdom", "Germany"]),
    ("ru", "Министры встретились в Брюсселе. Встреча прошла под председательством Германии.", ["Germany"]),
    ("ja", "各国の国防相がブリュッセルで会合を開いた。会合は英国とドイツが共同議長を務めた。",
     ["United Kingdom", "Germany"]),
    ("fr", "Les ministres se sont réunis à Bruxelles. La réunion était coprésidée par la France et l'Allemagne.",
     ["France", "Germany"]),
    ("es", "Los ministros se reunieron en Bruselas. La reunión fue copresidida por Francia y Alemania.",
     ["France", "Germany"]),
]


@pytest.mark.parametrize(("lang", "text", "actors"), _HOSTED, ids=[f"{t[0]}:{i}" for i, t in enumerate(_HOSTED)])
def test_hosts_lead_the_meeting(backend: RulesBackend, lang: str, text: str, actors: list[str]) -> None:
    assert actors_of(backend, text, lang, "meeting") == actors


def test_hosts_of_a_later_mention_do_not_replace_a_named_actor(backend: RulesBackend) -> None:
    text = "France and Italy met in Rome on Monday. The meeting was chaired by Germany."
    assert actors_of(backend, text, "en", "meeting") == ["France", "Italy"]
