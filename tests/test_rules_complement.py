"""A warning verb that ends its clause says what it warns of in the next clause:
"Ankara warned, that ...", "Rzecznik ostrzegł, że ...", "Минобороны предупредило, что
...", "Wien drohte mit Konsequenzen, falls ...". The claim's evidence is both clauses
(the clause with the verb alone, "the spokesman warned", states nothing a reader can
check), and its modality reads the condition there.

In Chinese (no spaces) the verb may have at most two characters after it in its clause
("警告称，", "警告说，"); a complement opening with a condition ("警告，如果 ...，...") takes
the consequence after it too.

A verb with an object of its own in its clause keeps its clause, and so does a threat
word stated as a consequence with no warning verb; in languages whose verb comes after
what it says (Japanese, Turkish, Korean), nothing changes.

Every sentence is written for these tests (none comes from the sample or test articles).
"""

from __future__ import annotations

import pytest

from claimkit.extract.rules import RulesBackend
from tests._rules_helpers import of_type


def _warnings(backend: RulesBackend, text: str, lang: str) -> list[tuple[str, object]]:
    return [(d.spans[0].text, d.fields.get("modality")) for d in of_type(backend, text, lang, "warning")]


# (language, sentence, words the evidence must hold, modality)
_COMPLEMENT = [
    ("pl", "Minister obrony Litwy ostrzegł, że manewry przy granicy zwiększą napięcie.",
     "zwiększą napięcie", "firm"),
    ("pl", "Ambasador Rosji zagroził wczoraj, że Moskwa odpowie na każdą nową dostawę rakiet.",
     "odpowie na każdą", "firm"),
    ("ru", "Пресс-секретарь президента Белоруссии предупредила, что учения у границы продолжатся.",
     "учения у границы продолжатся", "firm"),
    ("uk", "Міністр оборони Польщі попередив, що Варшава посилить охорону кордону.",
     "посилить охорону кордону", "firm"),
    ("hr", "Glasnogovornik Kremlja upozorio je, da bi nove sankcije mogle pogoršati odnose.",
     "pogoršati odnose", None),
    ("de", "Der Sprecher des Außenministeriums warnte, dass neue Zölle den Handel belasten würden.",
     "den Handel belasten", "firm"),
    ("de", "Moskau drohte mit Vergeltung, falls die Raketen geliefert werden.",
     "falls die Raketen geliefert", "conditional"),
    ("en", "The Kremlin spokesman warned, however, that new sanctions would prolong the war.",
     "prolong the war", "firm"),
    # a condition after the complement is part of the warning too
    ("pl", "Premier Słowacji ostrzegł, że Bratysława zablokuje pakiet, jeśli Kijów nie wznowi tranzytu.",
     "jeśli Kijów nie wznowi", "conditional"),
    ("ru", "Глава МИД Венгрии предупредил, что Будапешт наложит вето, если Брюссель не разморозит средства.",
     "если Брюссель не разморозит", "conditional"),
    # Chinese: at most two characters (称, 说) after the verb; a complement that opens with
    # a condition takes its consequence too
    ("zh", "俄罗斯外交部发言人周一在莫斯科发出警告，北约东扩将给欧洲安全带来严重后果。", "严重后果", None),  # modality: "在 ... 后" reads 后果 as "after" (not mended)
    ("zh", "王毅警告说，如果日方一意孤行，必将付出沉重代价。", "付出沉重代价", "conditional"),
    ("zh", "欧洲钢铁协会警告称，关税战持续下去将导致数万人失业。", "数万人失业", "firm"),
    ("zh", "伊朗总统佩泽希齐扬警告，倘若以色列再次发动袭击，伊朗将作出强硬回应。", "强硬回应", "conditional"),
]


@pytest.mark.parametrize(("lang", "text", "words", "modality"), _COMPLEMENT,
                         ids=[f"{c[0]}:{i}" for i, c in enumerate(_COMPLEMENT)])
def test_a_warning_verb_ending_its_clause_takes_the_next_clause(
    backend: RulesBackend, lang: str, text: str, words: str, modality: str | None
) -> None:
    found = _warnings(backend, text, lang)
    assert len(found) == 1, found
    evidence, got = found[0]
    assert words in evidence, evidence
    if modality is not None:
        assert got == modality, found


# the verb has its own object: its clause is the evidence; no spaces or verb-final: unchanged
_OWN_CLAUSE = [
    ("pl", "Polska ostrzegła Rosję przed eskalacją konfliktu, a rozmowy w Genewie trwają dalej.",
     "rozmowy w Genewie"),
    ("de", "Berlin warnte Moskau vor einer weiteren Eskalation des Konflikts, die Gespräche in Genf "
     "gehen dennoch weiter.", "Gespräche in Genf"),
    ("tr", "Dışişleri Bakanı Ankara'da uyardı, toplantı yarın Brüksel'de yapılacak.", "toplantı yarın"),
    # a threat word stated as a consequence (no warning verb) is its own clause
    ("zh", "如果欧方执意加征关税，中方将采取一切必要措施，坚决维护中国企业的合法权益。", "坚决维护"),
]


@pytest.mark.parametrize(("lang", "text", "outside"), _OWN_CLAUSE,
                         ids=[f"{c[0]}:{i}" for i, c in enumerate(_OWN_CLAUSE)])
def test_a_warning_verb_with_its_own_object_or_in_other_scripts_keeps_its_clause(
    backend: RulesBackend, lang: str, text: str, outside: str
) -> None:
    found = _warnings(backend, text, lang)
    assert found, text
    # no evidence runs over the comma into the other clause
    assert all(outside not in evidence or not ({",", "，"} & set(evidence)) for evidence, _ in found), found
