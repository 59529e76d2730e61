"""The periphrastic futures of French, Spanish and Portuguese in every person and in the
past ("future in the past" of reported speech) compose a pledge with an action verb, as
"va", "va a", "vai" did: "vont envoyer", "allait déployer", "iba a enviar", "ia enviar".
Every case failed before."""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_of


@pytest.mark.parametrize(
    ("lang", "text", "actor"),
    [
        ("fr", "Les Pays-Bas vont envoyer 200 soldats en Lituanie.", "Netherlands"),
        ("fr", "La France a annoncé qu'elle allait déployer 3000 soldats en Roumanie.", "France"),
        ("fr", "Le Canada allait envoyer 200 soldats en Lettonie, a indiqué le ministre.", "Canada"),
        ("fr", "Les Pays-Bas allaient fournir des avions de surveillance à la Moldavie.", "Netherlands"),
        ("es", "El Gobierno de Chile anunció que iba a enviar 200 bomberos a Bolivia.", "Chile"),
        ("es", "Noruega y Suecia iban a donar 30 millones de euros, según el comunicado.", "Norway"),
        ("pt", "O Canadá ia enviar 200 soldados para a Letónia, disse o ministro.", "Canada"),
        ("pt", "A Noruega e a Suécia iam doar 30 milhões de euros ao fundo.", "Norway"),
    ],
)
def test_periphrastic_future_pledge(backend: RulesBackend, lang: str, text: str, actor: str) -> None:
    assert actor in actors_of(backend, text, lang, "pledge", "2026-05-03")
