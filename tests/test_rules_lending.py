"""Pledges of money lent or granted: "The IMF said it would lend Egypt $1.2 billion",
"Le FMI prêtera ...", "El FMI prestará ...", "wird ... einen Kredit gewähren", "融資する",
"سيقرض". The lending verb is an ``action`` verb (composed with a future or decision
word) or a future form in the language's pledge cues, and a ``credit`` word: it commits
only an actor or person named before it in its sentence (or right after it, the subject
of a verb-first clause). A generic subject lends and commits nothing: "Banks will lend
more to small firms", "Los bancos prestarán más".

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts

_LENDING = [
    ("en", "The IMF said it would lend Egypt $1.2 billion."),
    ("en", "The World Bank will lend Kenya 500 million dollars."),
    ("en", "Japan said it would grant Vietnam a loan of 300 million dollars."),
    ("fr", "Le FMI prêtera 1,2 milliard de dollars à l'Égypte."),
    ("fr", "La Banque mondiale va prêter 500 millions de dollars au Kenya."),
    ("es", "El FMI prestará 1.200 millones de dólares a Egipto."),
    ("pt", "O FMI vai emprestar 1,2 mil milhões de dólares ao Egito."),
    ("de", "Die Weltbank will Kenia 500 Millionen Dollar leihen."),
    ("pl", "Bank Światowy pożyczy Kenii 500 mln dolarów."),
    ("ru", "МВФ выдаст Египту кредит на 1,2 млрд долларов."),
    ("id", "Bank Dunia akan meminjamkan 500 juta dolar kepada Kenya."),
    ("vi", "Ngân hàng Thế giới sẽ cho Kenya vay 500 triệu USD."),
    ("ja", "国際通貨基金はエジプトに12億ドルを融資する。"),
    ("ar", "سيقرض صندوق النقد الدولي مصر 1.2 مليار دولار."),
]


@pytest.mark.parametrize(("lang", "text"), _LENDING, ids=[f"{t[0]}:{i}" for i, t in enumerate(_LENDING)])
def test_an_actor_that_will_lend_pledges(backend: RulesBackend, lang: str, text: str) -> None:
    assert [d.type for d in drafts(backend, text, lang)] == ["pledge"]


_GENERIC = [
    ("en", "Banks lend money to companies at high rates."),
    ("en", "Banks will lend more to small firms as interest rates fall."),
    ("en", "The court will grant the appeal next month."),
    ("fr", "Les banques prêteront davantage aux entreprises si les taux baissent."),
    ("es", "Los bancos prestarán más a las pymes este año."),
    ("pt", "Os bancos vão emprestar mais às empresas este ano."),
    ("de", "Die Banken werden mehr Kredite gewähren, wenn die Zinsen sinken."),
    ("pl", "Banki pożyczą więcej firmom, gdy stopy spadną."),
    ("id", "Bank-bank akan meminjamkan lebih banyak dana kepada usaha kecil."),
    ("vi", "Các ngân hàng sẽ cho vay nhiều hơn khi lãi suất giảm."),
    ("ja", "銀行は中小企業に融資する。"),
]


@pytest.mark.parametrize(("lang", "text"), _GENERIC, ids=[f"{t[0]}:{i}" for i, t in enumerate(_GENERIC)])
def test_lending_with_no_actor_is_no_pledge(backend: RulesBackend, lang: str, text: str) -> None:
    assert "pledge" not in {d.type for d in drafts(backend, text, lang)}


# money invested is committed the same way: a ``credit`` word, an actor before it
_INVESTING = [
    ("en", "Japan will invest $550 billion in the United States, Trump said."),
    ("es", "Japón invertirá 550.000 millones de dólares en Estados Unidos."),
    ("fr", "Les Émirats arabes unis investiront 30 milliards d'euros en France."),
    ("de", "Katar will 10 Milliarden Euro in Deutschland investieren."),
    ("pl", "Polska zainwestuje 10 mld zł w obronność."),
    ("ja", "日本は米国に5500億ドルを投資する。"),
    ("ar", "ستستثمر الإمارات 30 مليار يورو في فرنسا."),
    ("id", "Jepang akan berinvestasi 5 miliar dolar di Indonesia."),
]


@pytest.mark.parametrize(("lang", "text"), _INVESTING, ids=[f"{t[0]}:{i}" for i, t in enumerate(_INVESTING)])
def test_an_actor_that_will_invest_pledges(backend: RulesBackend, lang: str, text: str) -> None:
    assert [d.type for d in drafts(backend, text, lang)] == ["pledge"]


_INVESTORS = [
    ("en", "Investors will invest more in bonds as rates fall."),
    ("es", "Las empresas invertirán más en tecnología este año."),
    ("it", "Gli investitori investiranno di più in obbligazioni."),
]


@pytest.mark.parametrize(("lang", "text"), _INVESTORS, ids=[f"{t[0]}:{i}" for i, t in enumerate(_INVESTORS)])
def test_investing_with_no_actor_is_no_pledge(backend: RulesBackend, lang: str, text: str) -> None:
    assert "pledge" not in {d.type for d in drafts(backend, text, lang)}
