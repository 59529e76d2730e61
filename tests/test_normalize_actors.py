"""Actor resolution and finding across languages (gazetteer + CLDR countries)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimkit.errors import InputError
from claimkit.normalize import Gazetteer, find_actors, resolve_actor
from claimkit.schemas import ActorKind


@pytest.mark.parametrize(
    ("text", "language", "name", "code"),
    [
        ("Britain", "en", "United Kingdom", "GB"),
        ("UK", "en", "United Kingdom", "GB"),
        ("U.S.", "en", "United States", "US"),
        ("US", "en", "United States", "US"),
        ("America", "en", "United States", "US"),
        ("英国", "zh", "United Kingdom", "GB"),
        ("英國", "zh", "United Kingdom", "GB"),
        ("英", "zh", "United Kingdom", "GB"),
        ("美国", "zh", "United States", "US"),
        ("美", "zh", "United States", "US"),
        ("俄罗斯", "zh", "Russia", "RU"),
        ("俄", "zh", "Russia", "RU"),
        ("Mỹ", "vi", "United States", "US"),
        ("Anh", "vi", "United Kingdom", "GB"),
        ("Nga", "vi", "Russia", "RU"),
        ("AS", "id", "United States", "US"),
        ("Amerika Serikat", "id", "United States", "US"),
        ("Inggris", "id", "United Kingdom", "GB"),
        ("ロシア", "ja", "Russia", "RU"),
        ("米国", "ja", "United States", "US"),
        ("Великобритания", "ru", "United Kingdom", "GB"),
        ("Сполучені Штати", "uk", "United States", "US"),
        ("Wielka Brytania", "pl", "United Kingdom", "GB"),
        ("Njemačka", "hr", "Germany", "DE"),
        ("المملكة المتحدة", "ar", "United Kingdom", "GB"),
        ("Türkiye", "tr", "Turkey", "TR"),
        ("Royaume-Uni", "fr", "United Kingdom", "GB"),
        ("Vereinigtes Königreich", "de", "United Kingdom", "GB"),
        ("Estados Unidos", "es", "United States", "US"),
        ("Regno Unito", "it", "United Kingdom", "GB"),
        ("Reino Unido", "pt", "United Kingdom", "GB"),
        ("영국", "ko", "United Kingdom", "GB"),
        ("Russian Federation", None, "Russia", "RU"),
    ],
)
def test_country_names_in_many_languages(
    text: str, language: str | None, name: str, code: str
) -> None:
    actor = resolve_actor(text, language=language)
    assert actor.resolved, text
    assert (actor.name, actor.iso_code, actor.kind) == (name, code, ActorKind.country)
    assert actor.text == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Keir Starmer", "Keir Starmer"),
        ("Стармер", "Keir Starmer"),
        ("斯塔默", "Keir Starmer"),
        ("施凱爾", "Keir Starmer"),
        ("スターマー", "Keir Starmer"),
        ("Stamer", "Keir Starmer"),  # misspelling within the fuzzy floor
        ("British Prime Minister Stamer", "Keir Starmer"),
        ("英国首相斯塔默", "Keir Starmer"),
        ("Presiden Prancis Emmanuel Macron", "Emmanuel Macron"),
        ("マクロン大統領", "Emmanuel Macron"),
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("Зеленський", "Volodymyr Zelensky"),
        ("Maria Zakharova", "Maria Zakharova"),
        ("Песков", "Dmitry Peskov"),
        ("NATO", "NATO"),
        ("北约", "NATO"),
        ("Coalition of the Willing", "Coalition of the Willing"),
        ("意愿联盟", "Coalition of the Willing"),
        ("liên minh tự nguyện", "Coalition of the Willing"),
        ("koalisi Willing", "Coalition of the Willing"),
        ("Volunteer Alliance", "Coalition of the Willing"),
        ("有志連合", "Coalition of the Willing"),
        ("Коалиция желающих", "Coalition of the Willing"),
        ("Europäische Union", "European Union"),
    ],
)
def test_people_and_organisations(text: str, name: str) -> None:
    actor = resolve_actor(text)
    assert actor.resolved and actor.name == name, (text, actor)


@pytest.mark.parametrize(
    "text",
    ["Foo Barington", "French President", "President", "us", "as", "Macro", "Mark", "the", "",
     "Ministry of Silly Walks", "Trumpet"],
)
def test_unknown_or_bare_titles_stay_unresolved(text: str) -> None:
    actor = resolve_actor(text)
    assert not actor.resolved
    assert actor.name is None
    assert actor.text == text


def test_language_specific_alias_only_in_its_language() -> None:
    assert resolve_actor("AS", language="id").resolved
    assert not resolve_actor("AS", language="en").resolved
    # Indonesian news writes its own country "RI" (Republik Indonesia): "Menlu RI"
    assert resolve_actor("RI", language="id").name == "Indonesia"
    assert not resolve_actor("RI", language="en").resolved


def test_japanese_short_name_of_australia() -> None:
    # Japanese news writes Australia 豪州 as often as オーストラリア
    found = find_actors("豪州政府は声明を出した。", language="ja")
    assert [m.actor.name for m in found] == ["Australia"]


def test_find_returns_exact_spans_and_absorbs_titles() -> None:
    text = "French President Macron and British Prime Minister Stamer met in Paris; Russia said no."
    found = find_actors(text, language="en")
    for m in found:
        assert text[m.start:m.end] == m.text
    names = [m.actor.name for m in found]
    assert names == ["Emmanuel Macron", "Keir Starmer", "Russia"]  # Paris is a place, not an actor
    assert found[0].text == "French President Macron"


def test_find_cjk_single_character_abbreviations_only_in_context() -> None:
    found = find_actors("英法主导的意愿联盟讨论俄乌冲突", language="zh")
    assert [m.actor.name for m in found] == [
        "United Kingdom", "France", "Coalition of the Willing", "Russia", "Ukraine"]
    # 法 in 方法 (method), 美 in 美丽 (beautiful), 日 after a number: never countries
    assert find_actors("这种方法很美丽，2月24日开会", language="zh") == []


def test_find_does_not_match_inside_words() -> None:
    assert find_actors("Ngay sau đó, anh ấy nói", language="vi") == []
    assert [m.actor.name for m in find_actors("Anh và Nga", language="vi")] == [
        "United Kingdom", "Russia"]


def test_inflected_forms_with_language() -> None:
    found = find_actors("Встреча Путина и Лаврова", language="ru")
    assert [m.actor.name for m in found] == ["Vladimir Putin", "Sergey Lavrov"]


def test_no_fuzzy_match_for_short_or_unrelated_words() -> None:
    text = "Macro trends matter. Tramps and Stammer, Lavender and Putting."
    names = {m.actor.name for m in find_actors(text, language="en")}
    assert "Emmanuel Macron" not in names
    assert "Sergey Lavrov" not in names
    assert "Vladimir Putin" not in names


def test_user_gazetteer_file_extends_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = {"entries": [{"name": "Kdang Commune People's Committee", "kind": "organisation",
                         "aliases": ["UBND xã Kdang"]}],
            "countries": {"GB": ["Albion"]}}
    path = tmp_path / "extra.json"
    path.write_text(json.dumps(data), "utf-8")
    gaz = Gazetteer.load(path)
    assert gaz.resolve("UBND xã Kdang").name == "Kdang Commune People's Committee"
    assert gaz.resolve("Albion").iso_code == "GB"
    assert gaz.resolve("Britain").iso_code == "GB"  # default data still there
    alone = Gazetteer.load(path, include_default=False)
    assert not alone.resolve("Keir Starmer").resolved
    monkeypatch.setenv("CLAIMKIT_GAZETTEER", str(path))
    assert Gazetteer.default().resolve("UBND xã Kdang").resolved


def test_bad_gazetteer_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        Gazetteer.load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"countries": {"XX1": ["x"]}}', "utf-8")
    with pytest.raises(InputError):
        Gazetteer.load(bad)


def test_gazetteer_has_general_coverage() -> None:
    gaz = Gazetteer.default()
    kinds = {e.kind for e in gaz.entries}
    assert {ActorKind.person, ActorKind.country, ActorKind.organisation, ActorKind.group} <= kinds
    people = [e for e in gaz.entries if e.kind == ActorKind.person]
    assert len(people) >= 100


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("マーク・カーニー首相が支援を約束した", ["Mark Carney"]),  # a family name after the dot
        ("ロシア・ウクライナ戦争の終結", ["Russia", "Ukraine"]),  # two names joined by the dot
        ("トルコ・イスタンブールで会談", ["Turkey"]),
    ],
)
def test_katakana_names_joined_by_a_dot_are_found(text: str, names: list[str]) -> None:
    assert [m.actor.name for m in find_actors(text, language="ja")] == names


def test_a_katakana_name_inside_a_longer_katakana_word_is_not_found() -> None:
    assert find_actors("カーニバルが始まった", language="ja") == []


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("유엔은 수단에 인도적 지원을 늘리기로 했다", "India"),  # humanitarian, not India
        ("인도주의 단체들이 휴전을 촉구했다", "India"),  # humanitarian groups
        ("중국적 특색의 외교", "China"),  # Chinese-style
    ],
)
def test_a_korean_name_made_an_adjective_or_an_ism_names_no_actor(text: str, absent: str) -> None:
    assert absent not in {m.actor.name for m in find_actors(text, language="ko")}


def test_a_korean_name_with_a_particle_still_names_its_actor() -> None:
    assert {m.actor.name for m in find_actors("인도적 지원에 인도와 중국이 참여했다", language="ko")} == {"India", "China"}
