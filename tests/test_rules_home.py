"""The article's own country (``claimkit.extract.rules.home``): which evidence names it,
and where an unqualified government noun is that country. The sentences through the
whole backend are in ``tests/data/rules_actors.jsonl`` (mechanism ``home_government``)."""

from __future__ import annotations

import pytest

from claimkit.extract.rules.dateline import article_dateline, read_datelines
from claimkit.extract.rules.home import home_country, home_mentions, outlet_country
from claimkit.extract.rules.support import Mention
from claimkit.normalize import Places, resolve_actor
from claimkit.schemas import Actor, ActorKind, Document

PLACES = Places.default()


def _seat(written: str) -> str | None:
    name = PLACES.resolve(written)
    return PLACES.seat_of(name) if name else None


@pytest.mark.parametrize(("url", "code"), [
    ("https://www.abc.net.au/news/2025-06-02/x/1", "AU"),
    ("https://www1.folha.uol.com.br/mundo/2025/06/x.shtml", "BR"),
    ("https://www.theguardian.co.uk/world/x", "GB"),
    ("https://www.koreaherald.com/view.php?ud=1", "KR"),
    ("https://edition.news.cn/x.html", "CN"),
    ("https://www.bbc.co.uk/news/world-asia-1", None),  # a world broadcaster
    ("https://www.rfi.fr/fr/afrique/x", None),
    ("https://www.reuters.com/world/x", None),  # a generic domain
    ("https://www.tempo.co/politik/x", None),  # .co is used as a generic domain
    ("articles/ko-1.txt", None),  # a file, no address
])
def test_outlet_country(url: str, code: str | None) -> None:
    assert outlet_country(url) == code


def _doc(text: str, language: str, url: str | None = None) -> Document:
    return Document(id="d", text=text, language=language, url=url)


def _home(document: Document, officials: list[str]) -> str | None:
    """home_country with the document's dateline read as the backend reads it."""
    return home_country(document, article_dateline(read_datelines(document.text, _seat)), officials)


def test_home_country_order_and_conflicts() -> None:
    # a language spoken in one country, unless the address names another
    assert _home(_doc("정부는 ...", "ko"), []) == "KR"
    assert _home(_doc("Il governo ...", "it", "https://www.rsi.ch/news/x"), []) is None
    # English: no evidence, no home; the dateline before the outlet
    assert _home(_doc("The government ...", "en"), []) is None
    dated = _doc("DAKAR, 2 June (AFP) - The government ...", "en", "https://www.lemonde.fr/x")
    assert _home(dated, []) == "Senegal"
    # the outlet's country, unless nearly all officials speak for another
    au = _doc("The government ...", "en", "https://www.abc.net.au/news/x")
    assert _home(au, ["Australia", "Australia"]) == "AU"
    assert _home(au, ["Ukraine"] * 4) is None
    # officials alone: three of them and three in four
    assert _home(_doc("The government ...", "en"), ["Ukraine"] * 3 + ["Russia"]) == "Ukraine"
    assert _home(_doc("The government ...", "en"), ["Ukraine", "Ukraine", "Russia"]) is None


POLAND = resolve_actor("Poland")


def _found(text: str, language: str) -> list[tuple[str, str]]:
    from claimkit.normalize import find_actors, find_places

    others = sorted([*(Mention(m.start, m.end, m.actor) for m in find_actors(text, language=language)),
                     *(Mention(p.start, p.end, p.name) for p in find_places(text, language=language))],
                    key=lambda m: m.start)
    found, replaced = home_mentions(text, language, POLAND, others)
    return [(text[m.start:m.end], m.value.label) for m in found] + [
        (text[m.start:m.end], "replaced") for m in replaced]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("The government pledged more aid.", "en", [("government", "Poland")]),
    # the same ministry read as a body in no gazetteer by its shape gives way to the country
    ("The Foreign Ministry warned Russia.", "en", [("Foreign Ministry", "Poland"), ("Foreign Ministry", "replaced")]),
    ("The government of Kenya pledged more aid.", "en", []),  # a country after it
    ("Kenya's government pledged more aid.", "en", []),  # a country before it
    ("The government in Kyiv pledged more aid.", "en", []),  # a capital after it
    ("Its government pledged more aid.", "en", []),  # someone else's
    ("Anti-government protesters warned of strikes.", "en", []),  # part of a word
    ("Le gouvernement français a promis", "fr", []),  # an adjective of a country after it
    ("러시아 정부는 경고했다", "ko", []),
    ("양국 정부는 합의했다", "ko", []),  # both governments
    ("外交部长王毅会见了法国外长", "zh", []),  # a minister's title
    ("外交部发言人毛宁警告说", "zh", [("外交部发言人毛宁", "Poland"), ("外交部发言人毛宁", "replaced")]),
    ("Rządu nie ma", "pl", []),  # a case language: the nominative only
])
def test_home_mentions(text: str, language: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text, language) == expected


def test_home_mentions_need_a_country_actor_only_for_their_value() -> None:
    union = Actor(text="x", name="X", kind=ActorKind.organisation)
    found, _ = home_mentions("Rząd zapowiedział", "pl", union, [])
    assert [m.value for m in found] == [union]
    assert home_mentions("The government said", "xx", union, []) == ([], [])


BANK = Actor(text="NBP", name="National Bank of Poland", kind=ActorKind.organisation)


def _banks(text: str, language: str) -> list[str]:
    from claimkit.extract.rules.home import central_bank_mentions
    from claimkit.normalize import find_actors, find_places

    others = sorted([*(Mention(m.start, m.end, m.actor) for m in find_actors(text, language=language)),
                     *(Mention(p.start, p.end, p.name) for p in find_places(text, language=language))],
                    key=lambda m: m.start)
    return [text[m.start:m.end] for m in central_bank_mentions(text, language, BANK, others)]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("The central bank refused to cut rates.", "en", ["central bank"]),
    ("Bank centralny odmówił obniżki stóp.", "pl", ["Bank centralny"]),
    ("Merkez Bankası faizi düşürmeyecek.", "tr", ["Merkez Bankası"]),
    ("중앙은행은 금리를 동결했다.", "ko", ["중앙은행"]),
    ("The European Central Bank refused to cut rates.", "en", []),  # a bank's own name
    ("Turkey's central bank refused to cut rates.", "en", []),  # a country before it
    ("Its central bank refused to cut rates.", "en", []),  # someone else's
    ("Central banks warned of inflation.", "en", []),  # a plural: no one bank
    ("Piyasalar Merkez Bankası'nın faizi sabit bırakmasını bekliyor.", "tr", []),  # "of the bank"
    ("미국 중앙은행은 금리를 동결했다.", "ko", []),
    ("유럽중앙은행은 금리를 동결했다.", "ko", []),
])
def test_central_bank_mentions(text: str, language: str, expected: list[str]) -> None:
    assert _banks(text, language) == expected


@pytest.mark.parametrize(("text", "language", "code"), [
    ("VALPARAÍSO, 3 de marzo de 2026 (Diario del Puerto) - El Gobierno descartó ...", "es", "CL"),
    ("GUAYAQUIL, 3 de marzo (Agencia) - El Gobierno anunció ...", "es", "EC"),
    ("PORTO ALEGRE, 3 de março de 2026 - O governo prometeu ...", "pt", "BR"),
    ("MOMBASA, March 3 (Reuters) - The government pledged ...", "en", "KE"),
    ("АЛМАТЫ, 3 марта. Правительство заявило ...", "ru", "KZ"),
    ("Mandalay, 3 mars (AFP) - Le gouvernement a refusé ...", "fr", "MM"),
])
def test_a_dateline_city_no_place_table_lists_is_its_countrys(text: str, language: str, code: str) -> None:
    """A dateline's city that is no capital in the place table: its country from GeoNames
    (the most populous city written so), the article's home."""
    assert _home(_doc(text, language), []) == code


def test_a_dateline_that_names_no_city_gives_no_home() -> None:
    assert _home(_doc("WELTSPIEGEL, 3. März (dpa) - Die Regierung ...", "de"), []) is None


@pytest.mark.parametrize(("text", "language"), [
    ("Argel, 21 abr (EFE).- El presidente del Gobierno ...", "es"),
    ("MAPUTO — O chefe do Governo ...", "pt"),
])
def test_a_capital_the_place_table_does_not_list_gives_no_home(text: str, language: str) -> None:
    """A correspondent abroad files from the capital: "the government" there is his own,
    so a capital GeoNames knows and the place table does not gives no home."""
    assert _home(_doc(text, language), []) is None
