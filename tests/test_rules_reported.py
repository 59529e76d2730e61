"""People in no gazetteer named beside a verb of saying (extract/rules/reported.py)."""

from __future__ import annotations

from typing import Any

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.extract.rules.reported import reported_people
from claimkit.extract.rules.support import CueScan, Mention
from claimkit.normalize import Gazetteer, resolve_actor
from claimkit.schemas import Actor, ActorKind

BACKEND = RulesBackend()


def _known(text: str) -> Actor | None:
    actor = resolve_actor(text)
    return actor if actor.resolved else None


def _names(text: str, lang: str) -> list[str]:
    lc = BACKEND.cues.language(lang)
    assert lc is not None
    found = reported_people(text, CueScan(text), lc, [], lang, _known, Gazetteer.default().honorifics(lang))
    return [m.value.name for m in found]


@pytest.mark.parametrize(("lang", "text", "name"), [
    ("en", "Prices will rise, Jane Porter said.", "Jane Porter"),
    ("en", "Jane Porter said prices would rise.", "Jane Porter"),
    ("fr", "Les prix vont augmenter, a déclaré Paul Girard.", "Paul Girard"),
    ("ru", "Цены вырастут, заявил Олег Петренко.", "Oleg Petrenko"),
    ("id", "Harga akan naik, kata Pak Budi Hartono.", "Budi Hartono"),  # a courtesy title left out
])
def test_a_bare_name_beside_a_verb_of_saying_is_a_person(lang: str, text: str, name: str | None) -> None:
    assert _names(text, lang) == ([name] if name else [])


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Prices will rise, an official told The Associated Press."),  # an article opens it
    ("en", "Prices will rise, an official told Agence France Presse."),  # the gazetteer knows it
    ("en", "Prices will rise, officials said in Paris."),  # one capitalised word
    ("de", "Die Preise steigen, sagte Regierungssprecher Stefan Kern."),  # German capitalises nouns
    ("en", "Prices will rise, said Foreign Minister Tom Harrison."),  # a title before: the officials finder's
])
def test_no_person_where_the_words_name_none(lang: str, text: str) -> None:
    assert _names(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "name"), [
    # the gazetteer's courtesy titles (``honorifics``), not a copy of some of them, are left
    # out of the name: each of these gave no name, or one with the title in it, before
    ("fr", "Paris ne changera pas de position, a affirmé M. Laurent Ferrand.", "Laurent Ferrand"),
    ("fr", "Les frontières resteront fermées, a précisé Monsieur Hugo Brissac.", "Hugo Brissac"),
    ("ru", "Переговоры продолжатся, сообщил г-н Пётр Волков.", "Pyotr Volkov"),
    ("pl", "Rozmowy będą kontynuowane, powiedział pan Tomasz Wrona.", "Tomasz Wrona"),
    ("vi", "Hà Nội sẽ không thay đổi lập trường, cho biết ông Trần Quốc Bảo.", "Trần Quốc Bảo"),
    # an honorific of some languages only ({"text": "Bu", "lang": ["id", "ms"]})
    ("id", "Anggaran akan ditambah, kata Bu Ratna Sari.", "Ratna Sari"),
])
def test_a_courtesy_title_of_the_gazetteer_is_left_out(lang: str, text: str, name: str) -> None:
    assert _names(text, lang) == [name]


def test_an_honorific_of_one_language_is_no_title_in_another() -> None:
    # Indonesian "Bu" (Mrs) is Turkish "bu" (this): not read as a title, in Turkish or anywhere
    gazetteer = Gazetteer.default()
    assert "Bu" in gazetteer.honorifics("id") and "Bu" not in gazetteer.honorifics("tr")
    found = gazetteer.find("Bu Cuma Ankara'da bakanlar bir araya gelecek.", language="tr")
    assert [m.actor.kind.value for m in found if m.actor.kind is not None] == []


def test_the_genitive_after_a_reporting_word_comes_from_the_cue_data() -> None:
    # "со слов" (from the words of) takes the genitive too; a cue file that lists it as a
    # reporting word of that kind gets the name in the nominative, as "по словам" does
    text = "Со слов Игоря Смирнова, Россия не откроет границу."
    extra = {"languages": {"ru": {"reporting": ["со слов"], "reporting_genitive": ["со слов"]}}}
    for cues, name in ((BACKEND.cues, None), (RulesBackend(cues=extra).cues, "Igor Smirnov")):
        lc = cues.language("ru")
        assert lc is not None
        found = reported_people(text, CueScan(text), lc, [], "ru", _known, Gazetteer.default().honorifics("ru"))
        assert [m.value.name for m in found] == ([name] if name else [])
    extra_plain = {"languages": {"ru": {"reporting": ["со слов"]}}}  # a reporting word alone: as written
    lc = RulesBackend(cues=extra_plain).cues.language("ru")
    assert lc is not None
    found = reported_people(text, CueScan(text), lc, [], "ru", _known, Gazetteer.default().honorifics("ru"))
    assert [m.value.name for m in found] == ["Igorya Smirnova"]


class _CountedMention(Mention):
    """A mention that counts the reads of its start."""

    reads = 0

    def __getattribute__(self, name: str) -> Any:
        if name == "start":
            _CountedMention.reads += 1
        return super().__getattribute__(name)


def test_the_names_beside_verbs_of_saying_are_checked_without_a_loop_over_every_mention() -> None:
    """A long text has many verbs of saying and many mentions found before: the ones a name
    overlaps (and the ones inside the name after the verb) are looked up by their starts,
    not by a loop over all of them for each verb (quadratic). What is found is the same."""
    sentence = "The talks will go on in Geneva, said Maria Kowalczyk. "
    text = sentence * 200
    lc = BACKEND.cues.language("en")
    assert lc is not None
    geneva = Actor(text="Geneva", name="Geneva", kind=ActorKind.country)
    taken = [_CountedMention(i + sentence.index("Geneva"), i + sentence.index("Geneva") + 6, geneva)
             for i in range(0, len(text), len(sentence))]
    _CountedMention.reads = 0
    found = reported_people(text, CueScan(text), lc, taken, "en", _known, Gazetteer.default().honorifics("en"))
    assert _CountedMention.reads < 20 * len(taken)
    assert [m.value.name for m in found[:2]] == ["Maria Kowalczyk"] * 2
