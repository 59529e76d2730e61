"""Country adjectives (demonyms) and news outlets in the gazetteer.

A demonym names its country as an actor where it qualifies an actor noun ("the
Polish government", "O Governo português", "Türk yetkililer"), inflected or not,
before or after the noun; never where it qualifies a thing ("American weapons").
A news outlet whose name holds a country ("Voice of America", "France 24") is a
source: its name is covered, so the country inside it is no mention, and it is no
actor itself.

Every sentence is written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.normalize import Gazetteer, find_actors, resolve_actor
from tests._rules_helpers import actors_of

# (language, sentence, the country the adjective names)
_QUALIFIES = [
    ("en", "The Polish government will send two more brigades.", "Poland"),
    ("en", "Japanese officials said the talks would resume.", "Japan"),
    ("en", "The Iranian foreign minister rejected the offer.", "Iran"),
    ("pt", "O Governo português vai enviar ajuda humanitária.", "Portugal"),
    ("pt", "As autoridades portuguesas recusaram o pedido.", "Portugal"),
    ("pt", "O ministro polonês da Defesa prometeu apoio.", "Poland"),
    ("es", "El Ejecutivo italiano aprobó el envío de tropas.", "Italy"),
    ("es", "Las autoridades israelíes rechazaron la propuesta.", "Israel"),
    ("fr", "Le gouvernement néerlandais a promis des avions.", "Netherlands"),
    ("fr", "Les autorités hongroises ont refusé de signer.", "Hungary"),
    ("it", "Il governo portoghese ha promesso nuovi aiuti.", "Portugal"),
    ("de", "Die spanische Regierung kündigte neue Hilfen an.", "Spain"),
    ("de", "Ein Sprecher der kanadischen Regierung bestätigte das.", "Canada"),
    ("pl", "Polski rząd wyśle kolejny pakiet pomocy.", "Poland"),
    ("pl", "Rzecznik węgierskiego rządu odmówił komentarza.", "Hungary"),
    ("pl", "Władze holenderskie zapowiedziały nowe sankcje.", "Netherlands"),
    ("hr", "Talijanska vlada obećala je novu pomoć.", "Italy"),
    ("ru", "Японские официальные лица заявили о переговорах.", "Japan"),
    ("ru", "Представитель израильского правительства отказался комментировать.", "Israel"),
    ("uk", "Іспанський уряд пообіцяв надіслати допомогу.", "Spain"),
    ("uk", "Речник угорського уряду відмовився коментувати.", "Hungary"),
    ("tr", "İspanyol yetkililer yardım göndereceklerini açıkladı.", "Spain"),
    ("tr", "Japon hükümeti yeni yaptırımlar açıkladı.", "Japan"),
    ("ar", "أعلنت الحكومة الإيطالية إرسال مساعدات جديدة.", "Italy"),
    ("ar", "رفضت السلطات الهولندية الطلب.", "Netherlands"),
    ("en", "The Swedish defence ministry confirmed the order.", "Sweden"),
    ("de", "Die österreichische Regierung lehnte den Plan ab.", "Austria"),
    ("fr", "Le ministre grec des Affaires étrangères a démenti.", "Greece"),
    ("es", "El presidente brasileño prometió apoyo.", "Brazil"),
    ("pl", "Czeski rząd zapowiedział dostawy amunicji.", "Czechia"),
    ("tr", "Gürcü yetkililer açıklama yaptı.", "Georgia"),
    ("ar", "أكدت الحكومة المصرية استعدادها.", "Egypt"),
    ("ru", "Норвежское правительство выделит средства.", "Norway"),
    # the noun after an elided article ("l'", "dell'") is an actor noun all the same
    ("it", "L'ambasciatore tedesco ha lasciato la sala.", "Germany"),
    ("it", "Fonti dell'esercito polacco hanno confermato il piano.", "Poland"),
    ("fr", "L'ambassadeur chinois a été convoqué lundi.", "China"),
    ("fr", "Selon l'armée ukrainienne, l'attaque a été repoussée.", "Ukraine"),
    # the Spanish feminine of a short demonym
    ("es", "La embajada rusa negó cualquier implicación.", "Russia"),
]


@pytest.mark.parametrize(("lang", "text", "country"), _QUALIFIES,
                         ids=[f"{s[0]}:{s[2]}" for s in _QUALIFIES])
def test_a_demonym_beside_an_actor_noun_names_its_country(lang: str, text: str,
                                                           country: str) -> None:
    names = [m.actor.name for m in find_actors(text, language=lang)]
    assert country in names, names


# countries of every continent whose adjectives the table lacked, in the languages
# written with country adjectives
_MORE_COUNTRIES = [
    ("en", "His Nepali counterpart promised to reopen the border crossing.", "Nepal"),
    ("en", "The Kenyan side pledged to send 1,000 police officers.", "Kenya"),
    ("en", "Iraqi officials refused to hand over the suspects.", "Iraq"),
    ("en", "The Pakistani foreign ministry warned of retaliation.", "Pakistan"),
    ("fr", "La partie kényane a promis d'envoyer des policiers.", "Kenya"),
    ("fr", "Les autorités irakiennes ont refusé l'extradition.", "Iraq"),
    ("fr", "Le gouvernement thaïlandais a promis une enquête.", "Thailand"),
    ("es", "El gobierno guatemalteco rechazó la propuesta.", "Guatemala"),
    ("es", "Las autoridades filipinas advirtieron del tifón.", "Philippines"),
    ("it", "Il governo etiope ha respinto le accuse.", "Ethiopia"),
    ("pt", "O governo angolano e as autoridades moçambicanas prometeram apoio.", "Angola"),
    ("de", "Die kenianische Regierung sagte weitere Hilfe zu.", "Kenya"),
    ("de", "Der usbekische Außenminister warnte vor Sanktionen.", "Uzbekistan"),
    ("pl", "Rząd nepalski obiecał pomoc dla poszkodowanych.", "Nepal"),
    ("pl", "Pakistańskie władze odmówiły komentarza.", "Pakistan"),
    ("ru", "Узбекская сторона пообещала увеличить поставки газа.", "Uzbekistan"),
    ("ru", "Иракские власти отказались выдать подозреваемых.", "Iraq"),
    ("uk", "Киргизька сторона пообіцяла відкрити кордон.", "Kyrgyzstan"),
]


@pytest.mark.parametrize(("lang", "text", "country"), _MORE_COUNTRIES,
                         ids=[f"{s[0]}:{s[2]}" for s in _MORE_COUNTRIES])
def test_adjectives_of_more_countries(lang: str, text: str, country: str) -> None:
    names = [m.actor.name for m in find_actors(text, language=lang)]
    assert country in names, names


#: countries and territories with no adjective in the table: territories, and the
#: adjectives two states share ("Congolese"; "Dominican" is the Dominican Republic's,
#: "Central African" a region's too)
_NO_ADJECTIVE = frozenset({
    "AW", "AI", "AX", "AS", "AQ", "TF", "BQ", "BL", "BM", "BV", "CF", "CC", "CD", "CG",
    "CK", "CW", "CX", "KY", "DM", "EH", "FK", "FO", "GG", "GI", "GP", "GF", "GU", "HK",
    "HM", "IM", "IO", "JE", "MO", "MF", "MP", "MS", "MQ", "YT", "NC", "NF", "NU", "PN",
    "PF", "RE", "GS", "SH", "SJ", "PM", "SX", "TC", "TK", "UM", "VA", "VG", "VI", "WF",
})


def test_every_state_has_adjectives() -> None:
    import pycountry

    table = json.loads((Path(__file__).parents[1] / "src/claimkit/data/gazetteer.json").read_text("utf-8"))
    have = set(table["demonyms"])
    lacking = sorted(c.alpha_2 for c in pycountry.countries if c.alpha_2 not in have | _NO_ADJECTIVE)
    assert lacking == [], lacking
    assert len(have) > 190


# (language, sentence, the country the adjective must not name): it qualifies a thing
_THINGS = [
    ("en", "Japanese cars were loaded onto the ship.", "Japan"),
    ("en", "Polish territory was violated by a drone.", "Poland"),
    ("pt", "O vinho português é exportado para o Brasil.", "Portugal"),
    ("es", "La cocina italiana es famosa.", "Italy"),
    ("fr", "Le fromage néerlandais se vend bien.", "Netherlands"),
    ("de", "Das spanische Olivenöl wird teurer.", "Spain"),
    ("pl", "Polskie jabłka trafiły do sklepów.", "Poland"),
    ("ru", "Японские автомобили подорожали.", "Japan"),
    ("uk", "Іспанське вино подорожчало.", "Spain"),
    ("tr", "İspanyol mutfağı çok ünlü.", "Spain"),
    ("ar", "ارتفعت أسعار السيارات الإيطالية.", "Italy"),
    ("en", "Danish pastries were served at the reception.", "Denmark"),
    ("de", "Österreichische Skigebiete öffnen früher.", "Austria"),
    ("fr", "Le yaourt grec se vend bien.", "Greece"),
]


# a country's own name and a people's plural noun are no adjectives: they act anywhere
_NAMES = [
    ("en", "Americans pledged to rebuild the bridge.", "United States"),
    ("pl", "Polska wyśle kolejny pakiet pomocy.", "Poland"),
    ("pl", "Rząd Polski odmówił.", "Poland"),
    ("en", "Russia said no.", "Russia"),
    ("ar", "أعلنت بريطانيا إرسال مساعدات.", "United Kingdom"),
    ("tr", "İspanya yardım gönderecek.", "Spain"),
]


@pytest.mark.parametrize(("lang", "text", "country"), _NAMES,
                         ids=[f"{s[0]}:{s[2]}" for s in _NAMES])
def test_a_country_name_needs_no_actor_noun(lang: str, text: str, country: str) -> None:
    names = [m.actor.name for m in find_actors(text, language=lang)]
    assert country in names, names


@pytest.mark.parametrize(("lang", "text", "country"), _THINGS,
                         ids=[f"{s[0]}:{s[2]}" for s in _THINGS])
def test_a_demonym_beside_a_thing_names_no_actor(lang: str, text: str, country: str) -> None:
    names = [m.actor.name for m in find_actors(text, language=lang)]
    assert country not in names, names


# (language, sentence, the country named inside the outlet's name)
_OUTLETS = [
    ("en", "Voice of America reported the strike on Tuesday.", "United States"),
    ("en", "France 24 said the talks had stalled.", "France"),
    ("en", "Russia Today broadcast the speech.", "Russia"),
    ("en", "Radio Free Europe obtained the document.", None),
    ("fr", "Selon l'Agence France-Presse, les négociations reprendront.", "France"),
    ("ru", "Об этом сообщил «Голос Америки».", "United States"),
    ("de", "Die Deutsche Welle berichtete über die Gespräche.", "Germany"),
    ("zh", "据美国之音报道，谈判已经恢复。", "United States"),
]


@pytest.mark.parametrize(("lang", "text", "country"), _OUTLETS,
                         ids=[f"{s[0]}:{s[1][:12]}" for s in _OUTLETS])
def test_a_news_outlet_is_no_actor_and_hides_the_country_in_its_name(
    lang: str, text: str, country: str | None
) -> None:
    mentions = find_actors(text, language=lang)
    assert mentions == [], [(m.text, m.actor.name) for m in mentions]
    assert country is None or country not in [m.actor.name for m in mentions]


def test_an_outlet_does_not_hide_the_actors_beside_it() -> None:
    text = "Agence France-Presse reported that Germany will send tanks."
    assert [m.actor.name for m in find_actors(text, language="en")] == ["Germany"]
    assert Gazetteer.default().lookup("Voice of America") is not None  # known, kind organisation


# the adjective becomes the claim's actor through the whole backend
_CLAIMS = [
    ("pt", "O Governo português prometeu enviar 50 milhões de euros à Ucrânia.", "pledge",
     "Portugal"),
    ("en", "The Dutch government pledged to send two more air defence systems.", "pledge",
     "Netherlands"),
    ("pl", "Polski rząd odmówił podpisania porozumienia.", "refusal", "Poland"),
    ("de", "Die italienische Regierung versprach, weitere Hilfe zu schicken.", "pledge", "Italy"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "actor"), _CLAIMS,
                         ids=[f"{s[0]}:{s[3]}" for s in _CLAIMS])
def test_the_demonym_is_the_claims_actor(backend: RulesBackend, lang: str, text: str,
                                         type_: str, actor: str) -> None:
    assert actor in actors_of(backend, text, lang, type_)


def test_a_user_file_adds_demonyms_and_actor_nouns(tmp_path: Path) -> None:
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"demonyms": {"NO": ["norsk"]},
                                 "actor_nouns": {"no": ["regjering"]}}), "utf-8")
    g = Gazetteer.load(extra)
    assert [m.actor.name for m in g.find("Den norske regjeringen lovet hjelp.",
                                         language="no")] == ["Norway"]
    assert g.find("Norsk laks er dyr.", language="no") == []


@pytest.mark.parametrize(("text", "lang", "country"), [
    ("Polish", "en", "Poland"), ("American", "en", "United States"),
    ("português", "pt", "Portugal"), ("американские", "ru", "United States"),
    ("deutsche", "de", "Germany"),
])
def test_a_demonym_given_alone_to_resolve_names_its_country(text: str, lang: str,
                                                            country: str) -> None:
    assert resolve_actor(text, language=lang).name == country


def test_the_remembered_noun_test_is_per_language() -> None:
    """The noun test is remembered per word (``ActorNouns._opens_noun``) and per
    language's noun set: a word that opens with a Polish actor noun ("rządu") is no
    English one, whichever is asked first, and asking again gives the same answers.
    The two sets hold nouns of one length each, so a memo keyed on lengths would
    mix them up."""
    from claimkit.normalize._demonyms import ActorNouns

    nouns = ActorNouns({"pl": ["rząd"], "en": ["army"]}, titles=[])
    first = [(w, lang, nouns.is_noun(w, lang)) for w in ("rządu", "armyś", "army") for lang in ("pl", "en")]
    again = [(w, lang, nouns.is_noun(w, lang)) for w in ("army", "armyś", "rządu") for lang in ("en", "pl")]
    assert sorted(first) == sorted(again)
    assert [hit for hit in first if hit[2]] == [("rządu", "pl", True), ("armyś", "en", True), ("army", "en", True)]


# a country's name with a case ending is the country, though an adjective of another
# language shares its stem ("Armenije" is "Armenij-e", not "armen-ije" of Italian "armeno";
# "Nepalu" is "Nepal-u" whole, not the stem of "Nepali"); "Polskie jabłka" stays no actor
@pytest.mark.parametrize(("lang", "text", "country"), [
    ("hr", "Ministar vanjskih poslova Armenije sastao se s kolegom.", "Armenia"),
    ("hr", "Ministar vanjskih poslova Slovenije sastao se s kolegom.", "Slovenia"),
    ("hr", "Ministar vanjskih poslova Etiopije sastao se s kolegom.", "Ethiopia"),
    ("hr", "Ministar vanjskih poslova Eritreje sastao se s kolegom.", "Eritrea"),
    ("pl", "Minister spraw zagranicznych Nepalu spotkał się z kolegą.", "Nepal"),
])
def test_a_cased_name_beats_a_demonym_of_its_stem(lang: str, text: str, country: str) -> None:
    assert country in {m.actor.name for m in find_actors(text, language=lang)}


def test_a_demonym_as_long_as_a_stem_stays_no_name() -> None:
    assert not find_actors("Polskie jabłka trafiły na rynek.", language="pl")
