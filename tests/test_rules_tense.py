"""Future-tense verbs the cue lists cannot hold (claimkit.extract.rules.tense), read one
clause at a time: which verb, whether negated, the infinitive it stands for."""

from __future__ import annotations

import pytest

from claimkit.extract.rules.tense import futures, may_hold


def _read(lang: str, text: str) -> list[tuple[str, bool, tuple[str, ...]]]:
    return [
        (text[f.verb[0] : f.verb[1]], f.negation is not None, f.infinitives)
        for f in futures(lang, text, 0, len(text))
    ]


@pytest.mark.parametrize(
    ("lang", "text", "verb", "infinitive"),
    [
        ("fr", "La Belgique ne prolongera pas la fermeture", "prolongera", "prolonger"),
        ("fr", "Le Maroc ne la rouvrira jamais", "rouvrira", "rouvrir"),
        ("es", "México no levantará los aranceles", "levantará", "levantar"),
        ("es", "Chile no los extraditará", "extraditará", "extraditar"),
        ("it", "L'Italia non ritirerà i suoi soldati", "ritirerà", "ritirare"),
        ("pt", "O Brasil não retirará as tropas", "retirará", "retirar"),
        ("de", "Österreich wird die Nachtfahrverbote nicht aufheben", "aufheben", "aufheben"),
        ("de", "dass Tschechien die Kontrollen nicht abschaffen wird", "abschaffen", "abschaffen"),
        ("pl", "Polska nie otworzy przejścia", "otworzy", "otworzyć"),
        ("pl", "Czechy nie będą przedłużać kontroli", "przedłużać", "przedłużać"),
        ("uk", "Україна не відкриє кордон", "відкриє", "відкрити"),
        ("ru", "Грузия не откроет границу", "откроет", "открыть"),
    ],
)
def test_a_negated_future_is_read(lang: str, text: str, verb: str, infinitive: str) -> None:
    found = _read(lang, text)
    assert [(v, neg) for v, neg, _ in found] == [(verb, True)]
    assert infinitive in found[0][2]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La France ne sera pas présente"),  # copula
        ("es", "El Gobierno no podrá aprobar el presupuesto"),  # modal
        ("it", "L'Italia non potrà ritirare i soldati"),
        ("pt", "O Brasil não terá tempo"),
        ("de", "Es wird keine Einigung geben"),  # "there will be": a forecast
        ("de", "Die Grenze wird nicht geschlossen"),  # a passive
        ("ru", "Россия не сможет выполнить план"),  # can
        ("ru", "Россия не открывает границу"),  # imperfective present: no future
        ("ru", "Граница закрыта, пока Украина не выведет войска"),  # until: a condition
        ("it", "Resterà chiuso finché la Russia non ritirerà le truppe"),
        ("pl", "Granica zamknięta, dopóki Rosja nie wycofa wojsk"),
    ],
)
def test_no_decision_is_read(lang: str, text: str) -> None:
    assert [f for f in futures(lang, text, 0, len(text)) if f.negation is not None] == []


def test_unnegated_futures_give_their_infinitives() -> None:
    assert _read("es", "Chile transferirá 20 millones")[0][1:] == (
        False,
        ("transferirá", "transferir"),
    )
    assert "trasferire" in _read("it", "L'Italia trasferirà 50 milioni")[0][2]
    assert _read("de", "Norwegen wird den Wiederaufbau finanzieren") == [
        ("finanzieren", False, ("finanzieren",))
    ]
    assert _read("pl", "Polska udostępni lotniska") == [("udostępni", False, ("udostępnić",))]


def test_other_languages_and_sentences_without_an_auxiliary_hold_none() -> None:
    assert futures("en", "Austria will not lift the bans", 0, 30) == []
    assert not may_hold("de", "Österreich hob die Verbote auf", 0, 30)
    assert may_hold("de", "Österreich wird die Verbote nicht aufheben, sagte er", 0, 52)


@pytest.mark.parametrize(
    ("lang", "text", "first"),
    [
        ("fr", "Nous ne lèverons pas les sanctions", True),
        ("fr", "La France ne lèvera pas les sanctions", False),
        ("es", "No levantaremos las sanciones", True),
        ("it", "Non ritireremo i nostri soldati", True),
        ("de", "Wir werden die Sanktionen nicht aufheben", True),
        ("de", "Berlin wird die Sanktionen nicht aufheben", False),
        ("ru", "Мы не откроем границу", True),
        ("ru", "Грузия не откроет границу", False),
        ("pl", "Nie będziemy otwierać przejścia", True),
    ],
)
def test_the_first_person_is_told(lang: str, text: str, first: bool) -> None:
    found = futures(lang, text, 0, len(text))
    assert [f.first_person for f in found] == [first]


@pytest.mark.parametrize(
    ("lang", "text", "verb", "first"),
    [
        ("ru", "Литва и Латвия не станут закрывать границу", "закрывать", False),
        ("ru", "Мы не станем отзывать посла", "отзывать", True),
        ("uk", "Литва і Латвія не стануть закривати кордон", "закривати", False),
        ("uk", "Ми не станемо відкликати посла", "відкликати", True),
        ("pl", "Czechy nie będą przedłużać kontroli", "przedłużać", False),
        ("pl", "Nie będziemy przedłużać kontroli", "przedłużać", True),
    ],
)
def test_a_negated_future_auxiliary_and_infinitive_is_read(lang: str, text: str, verb: str, first: bool) -> None:
    found = futures(lang, text, 0, len(text))
    assert [(text[f.verb[0] : f.verb[1]], f.negation is not None, f.first_person) for f in found] == [
        (verb, True, first)
    ]
