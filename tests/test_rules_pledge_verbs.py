"""Pledges stated by a future or decision word and a verb of imposing (sanctions) or
of cooperating, with no pledge word: "The EU will impose new sanctions", "Japan will
cooperate with NATO", "España impondrá nuevas sanciones". Their nouns and past forms
state nothing: "80 years of cooperation could end", "sanctions imposed last year".

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts


def _types(backend: RulesBackend, text: str, lang: str) -> list[str]:
    return sorted({d.type for d in drafts(backend, text, lang)})


_PLEDGES = [
    ("en", "The EU will impose new sanctions on Belarus next month."),
    ("en", "Japan will cooperate with NATO on cyber defence."),
    ("fr", "La France imposera de nouvelles sanctions à l'Iran."),
    ("fr", "Le Japon va coopérer avec l'OTAN dans la cyberdéfense."),
    ("es", "España impondrá nuevas sanciones a Irán."),
    ("es", "Japón va a cooperar con la OTAN en ciberdefensa."),
    ("it", "L'Italia imporrà nuove sanzioni all'Iran."),
    ("ru", "Евросоюз введёт новые санкции против Белоруссии."),
    ("ru", "Япония будет сотрудничать с НАТО в сфере киберобороны."),
    ("id", "Uni Eropa akan menjatuhkan sanksi baru terhadap Belarus."),
    ("id", "Jepang akan bekerja sama dengan NATO dalam pertahanan siber."),
    ("id", "Norwegia bertekad memberikan sistem pertahanan udara kepada Ukraina."),
    ("vi", "Liên minh châu Âu sẽ áp đặt các lệnh trừng phạt mới đối với Belarus."),
    ("ja", "EUはベラルーシに新たな制裁を科す方針だ。"),
]


@pytest.mark.parametrize(("lang", "text"), _PLEDGES, ids=[f"{t[0]}:{i}" for i, t in enumerate(_PLEDGES)])
def test_future_verb_of_imposing_or_cooperating_is_a_pledge(backend: RulesBackend, lang: str, text: str) -> None:
    assert _types(backend, text, lang) == ["pledge"]


_NOT_PLEDGES = [
    ("en", "The dispute could end 80 years of cooperation between the allies."),
    ("en", "The sanctions imposed last year have hurt the economy."),
    ("fr", "Les sanctions imposées l'an dernier ont pesé sur l'économie."),
    ("zh", "这一分歧可能终结两国八十年的合作。"),
    ("ja", "協力の可能性について専門家が議論した。"),
]


@pytest.mark.parametrize(("lang", "text"), _NOT_PLEDGES, ids=[f"{t[0]}:{i}" for i, t in enumerate(_NOT_PLEDGES)])
def test_noun_or_past_form_states_no_pledge(backend: RulesBackend, lang: str, text: str) -> None:
    assert "pledge" not in _types(backend, text, lang)
