"""German verb brackets: a separable verb's prefix ("sagte ... zu", "lehnte ... ab",
"schloss ... aus", "sicherte ... zu") or the noun of a verb phrase ("stellte ... in
Aussicht") closes its clause, however long the middle field between the finite verb and
it. The language's ``bracket`` words are those closers: a gapped cue ending in one
reaches its whole clause (``bracket_gap``) and matches only where the closer ends the
clause (punctuation, the end of a line or the text, or a coordinator: "und"), so
"sagte am Montag zu Journalisten" (said to journalists) is no pledge. A comma or point
between two digits is part of a number in every gap ("4,5 Milliarden"), not a clause's
end. A word after a gap starts a word ("sagte nichts dazu" closes no "sagte ... zu").
The subordinate clause joins prefix and verb ("dass Japan ... zusagte", "dass die
Regierung ... ausschließt").

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import drafts

_CLAIMS = [
    ("Japan sagte der Ukraine am Rande des Gipfels im italienischen Apulien am Donnerstag "
     "weitere Hilfen für den Wiederaufbau des Energienetzes zu.", "pledge"),
    ("Schweden sicherte Kiew am Rande des Nato-Treffens ein weiteres Paket im Wert von "
     "1,2 Milliarden Kronen zu.", "pledge"),
    ("Merz sicherte Selenskyj in Berlin weitere Unterstützung zu.", "pledge"),
    ("Spanien stellte der Ukraine weitere Kampfflugzeuge in Aussicht.", "pledge"),
    ("Die USA haben Kiew weitere Patriot-Systeme in Aussicht gestellt.", "pledge"),
    ("Es wurde bekannt, dass Japan der Ukraine weitere Hilfen zusagte.", "pledge"),
    ("Der Kanzler lehnte die Forderung der ukrainischen Regierung nach einer Lieferung von "
     "Marschflugkörpern am Rande des Treffens in Ramstein erneut ab.", "refusal"),
    ("Die Regierung in Wien schloss eine Entsendung von Soldaten in die Ukraine auch für die "
     "Zeit nach einem möglichen Waffenstillstand aus.", "refusal"),
    ("Der Minister betonte, dass Polen eine Entsendung von Soldaten ausschließt.", "refusal"),
    ("Dänemark sagte weitere 4,5 Millionen Euro zu und kündigte neue Sanktionen an.", "pledge"),
    # "anbieten", "zurückweisen", "ausschlagen" split in the simple past
    ("Frankreich bot der Ukraine am Dienstag weitere Ausbildungsmissionen für Piloten an.", "pledge"),
    ("Der Kreml wies die Forderung nach einer Waffenruhe am Montag entschieden zurück.", "refusal"),
    ("Ungarn schlug das Angebot der EU-Kommission aus.", "refusal"),
]


@pytest.mark.parametrize(("text", "type_"), _CLAIMS, ids=[f"de:{i}" for i in range(len(_CLAIMS))])
def test_a_verb_bracket_closing_its_clause_states_its_claim(backend: RulesBackend, text: str, type_: str) -> None:
    assert type_ in [d.type for d in drafts(backend, text, "de")]


_NO_CLAIMS = [
    "Merz sagte am Montag zu Journalisten in Berlin, die Lage sei ernst.",
    "Der Minister sagte der Zeitung zu den Vorwürfen nichts.",
    "Die Armee sicherte die Grenze zu Belarus.",
    "Die Regierung stellte ihren Haushaltsplan am Montag in Berlin vor.",
    # a word after a cue's gap starts a word: "zu" in "dazu", "aus" in "daraus" close nothing
    "Der Minister sagte nichts dazu.",
    "Der Kanzler schloss daraus, dass die Lage ernst sei.",
]


@pytest.mark.parametrize("text", _NO_CLAIMS, ids=[f"de:{i}" for i in range(len(_NO_CLAIMS))])
def test_a_preposition_after_the_verb_closes_no_bracket(backend: RulesBackend, text: str) -> None:
    assert drafts(backend, text, "de") == []
