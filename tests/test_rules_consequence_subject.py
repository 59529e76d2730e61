"""Whom a consequence befalls is not who warns (review of session 9, item 2).

A warning whose cue is a ``consequence`` (the cue data's class of what befalls the subject
of its clause: "will face", "pay a heavy price", "legitimate target", "consequences",
"einen hohen Preis", "высокую цену", 代价, 대가를 치) names whom it threatens before the
cue; that name is no actor the speaker might only report (``roles._fronted`` leaves it
out, from the last verb of saying before the cue, if any). Before, a special case kept
the speaker of every warning beside the country its clause named, and only when the
subject held no person: "Starmer said Russia would face tougher sanctions" lost
Starmer, while "Russia will retaliate ..., Zelensky said" kept Zelensky, who only
reports Russia's threat. Every sentence is new; each failed before.
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import actors_of

# the speaker warns whom the consequence befalls: both are named, the speaker first
_WARNS = [
    ("en", "Starmer said Russia would face tougher sanctions if it rejected the ceasefire.",
     "Keir Starmer", "Russia"),
    ("en", "Macron said Moscow would pay a heavy price for any attack on Moldova.", "Emmanuel Macron", "Russia"),
    ("en", "Kallas said Russia would face consequences if it attacked Moldova.", "Kaja Kallas", "Russia"),
    ("fr", "Macron a déclaré que la Russie devrait payer le prix de toute escalade.", "Emmanuel Macron", "Russia"),
    ("es", "Sánchez dijo que Rusia tendrá que pagar un alto precio por cualquier ataque.",
     "Pedro Sanchez", "Russia"),
    ("de", "Merz sagte, Russland werde einen hohen Preis zahlen, wenn es die Waffenruhe breche.",
     "Friedrich Merz", "Russia"),
    ("it", "Meloni ha detto che la Russia dovrà pagare un prezzo se attaccherà la Moldavia.",
     "Giorgia Meloni", "Russia"),
    ("it", "Meloni ha detto che la Russia subirà conseguenze se attaccherà la Moldavia.", "Giorgia Meloni", "Russia"),
    ("pt", "Lula disse que Israel sofrerá consequências se atacar o Líbano.", "Luiz Inácio Lula da Silva", "Israel"),
    ("ru", "Макрон заявил, что Россия заплатит высокую цену, если нападет на Молдавию.",
     "Emmanuel Macron", "Russia"),
    ("tr", "Erdoğan, İsrail'in Lübnan'a saldırırsa ağır bedel ödeyeceğini söyledi.",
     "Recep Tayyip Erdogan", "Israel"),
    ("ko", "마크롱 대통령은 러시아가 몰도바를 공격하면 대가를 치르게 될 것이라고 말했다.", "Emmanuel Macron", "Russia"),
    ("vi", "Tổng thống Macron nói rằng Nga sẽ phải trả giá nếu tấn công Moldova.", "Emmanuel Macron", "Russia"),
    ("id", "Prabowo mengatakan Israel akan menghadapi konsekuensi atas setiap serangan.",
     "Prabowo Subianto", "Israel"),
    ("id", "Prabowo mengatakan Israel akan membayar mahal jika menyerang Lebanon.", "Prabowo Subianto", "Israel"),
    ("ar", "قال ماكرون إن روسيا ستدفع ثمنا باهظا لأي هجوم.", "Emmanuel Macron", "Russia"),
]


@pytest.mark.parametrize(("lang", "text", "speaker", "threatened"), _WARNS)
def test_the_speaker_warns_whom_the_consequence_befalls(
    backend: RulesBackend, lang: str, text: str, speaker: str, threatened: str
) -> None:
    actors = actors_of(backend, text, lang, "warning")
    assert speaker in actors and threatened in actors, actors
    assert actors.index(speaker) < actors.index(threatened), actors


# a threat the named country makes (it retaliates, it responds): the foreign leader who
# says so only reports it, as he does another country's pledge or refusal
_REPORTS = [
    ("en", "Russia will retaliate against any attack on its territory, Zelensky said."),
    ("en", "Russia will respond militarily if NATO sends troops, Zelensky said."),
    ("fr", "La Russie ripostera militairement si l'OTAN envoie des troupes, a déclaré Zelensky."),
    ("es", "Rusia responderá militarmente si la OTAN envía tropas, dijo Zelensky."),
    ("de", "Russland werde militärisch zurückschlagen, falls die NATO Truppen schicke, sagte Selenskyj."),
    ("it", "La Russia risponderà militarmente se la Nato invierà truppe, ha detto Zelensky."),
    ("pt", "A Rússia vai retaliar se a NATO enviar tropas, disse Zelensky."),
    ("pl", "Rosja odpowie militarnie, jeśli NATO wyśle wojska, powiedział Zełenski."),
    ("ru", "Россия ответит военным путём, если НАТО направит войска, заявил Зеленский."),
    ("uk", "Росія відповість військовим шляхом, якщо НАТО направить війська, заявив Зеленський."),
]


@pytest.mark.parametrize(("lang", "text"), _REPORTS)
def test_a_foreign_speaker_only_reports_a_countrys_threat(backend: RulesBackend, lang: str, text: str) -> None:
    assert actors_of(backend, text, lang, "warning") == ["Russia"]


def test_a_speaker_of_the_threatening_country_still_says_it(backend: RulesBackend) -> None:
    # guard: his own country's threat (passed before too)
    text = "Iran will respond firmly to any attack, Araghchi said."
    assert actors_of(backend, text, "en", "warning") == ["Abbas Araghchi", "Iran"]


def test_every_consequence_word_is_a_warning_or_threat_word_of_its_language(backend: RulesBackend) -> None:
    # the class marks which of a language's warning and threat cues state what befalls
    # their subject; a word of no such list would never be the cue it is read on
    raw = backend.cues.raw
    langs = sorted(code for code, spec in raw.items() if spec.get("consequence"))
    assert len(langs) == 17, langs
    for code in langs:
        cues = {*raw[code].get("warning", []), *raw[code].get("threat", [])}
        assert set(raw[code]["consequence"]) <= cues, code
