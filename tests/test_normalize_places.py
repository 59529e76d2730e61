"""Places: finding city names in running text (one pass) and resolving name variants."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimkit.errors import InputError
from claimkit.normalize import Places, find_places, resolve_place


def names(text: str, language: str | None = None) -> list[str]:
    return [m.name for m in find_places(text, language=language)]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Leaders met in Paris on Thursday.", "en", ["Paris"]),
    ("英法等国领导人在巴黎举行会议。", "zh", ["Paris"]),
    ("欧洲领导人3月2日在伦敦开会，随后前往布鲁塞尔。", "zh", ["London", "Brussels"]),
    ("首脳らはロンドンで会談した。", "ja", ["London"]),
    ("정상들은 런던에서 만났다.", "ko", ["London"]),
    ("Các nhà lãnh đạo đã họp tại Luân Đôn và sau đó tới Hà Nội.", "vi", ["London", "Hanoi"]),
    ("Лидеры встретились в Киеве, затем в Москве.", "ru", ["Kyiv", "Moscow"]),
    ("Зустріч відбулася у Києві.", "uk", ["Kyiv"]),
    ("Spotkanie odbyło się w Warszawie i w Kijowie.", "pl", ["Warsaw", "Kyiv"]),
    ("اجتمع القادة في باريس.", "ar", ["Paris"]),
    ("Talks in Kiev and Washington, D.C. followed.", "en", ["Kyiv", "Washington"]),
])
def test_find_places_in_many_scripts(text: str, language: str, expected: list[str]) -> None:
    assert names(text, language) == expected


def test_offsets_are_slices_of_the_text() -> None:
    text = "Sau cuộc họp ở Hà Nội, ông bay tới 北京 rồi Paris."
    found = find_places(text)
    assert [m.name for m in found] == ["Hanoi", "Beijing", "Paris"]
    for m in found:
        assert text[m.start:m.end] == m.text


def test_word_boundaries_and_case_for_spaced_scripts() -> None:
    # "Parisian" is not Paris, "riga" is not Riga, "Romania" is not Rome
    assert names("A Parisian café; a riga of text; Romania and Romans.") == []
    # an inflected form needs a '*' name ("Київ*" covers "Києві", "Londynie")
    assert names("W Londynie i w Berlinie.", "pl") == ["London", "Berlin"]


def test_katakana_name_not_inside_a_longer_katakana_word() -> None:
    assert names("パリ協定について") == ["Paris"]
    assert names("コンパリゾン") == []
    assert names("モスクワ・クレムリン") == ["Moscow"]


def test_arabic_proclitics_but_not_the_article_before_a_place() -> None:
    # "و" (and), "ب" (in), "ل" (for) glue to a place's name; the article makes another
    # word of it: "السيول" (the floods) is not Seoul, "للسيول" (for the floods) neither
    assert names("وصل الوفد إلى سيول ثم زار بسيول وطوكيو.", "ar") == ["Seoul", "Seoul", "Tokyo"]
    assert names("حذرت الحكومة من السيول، وخصصت أموالا للسيول والفيضانات.", "ar") == []
    assert names("عقد الاجتماع في القاهرة ثم وبالقاهرة.", "ar") == ["Cairo", "Cairo"]


def test_longest_name_wins() -> None:
    found = find_places("They met in New York City last year.")
    assert [(m.text, m.name) for m in found] == [("New York City", "New York")]


@pytest.mark.parametrize(("name", "expected"), [
    ("Kiev", "Kyiv"), ("kiev", "Kyiv"), ("Kyiv", "Kyiv"), ("Київ", "Kyiv"), ("Києві", "Kyiv"),
    ("基辅", "Kyiv"), ("キーウ", "Kyiv"), ("Odessa", "Odesa"), ("Kharkov", "Kharkiv"),
    ("Peking", "Beijing"), ("Bombay", "Mumbai"), ("Den Haag", "The Hague"),
    ("Bruxelles", "Brussels"), ("Genf", "Geneva"), ("München", "Munich"), ("Munchen", "Munich"),
    ("Hà Nội", "Hanoi"), ("Ha Noi", "Hanoi"), ("TP.HCM", "Ho Chi Minh City"),
    ("Washington, D.C.", "Washington"), (" Paris. ", "Paris"),
])
def test_resolve_place_folds_variants(name: str, expected: str) -> None:
    assert resolve_place(name) == expected


@pytest.mark.parametrize("name", ["", "Atlantis", "Paris, France", "somewhere in Europe"])
def test_resolve_place_unknown_is_none(name: str) -> None:
    assert resolve_place(name) is None


def test_extended_and_user_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = Places.default().extended({"Lutsk": ["Lutsk", "Луцьк*"]})
    assert [m.name for m in extra.find("Зустріч у Луцьку та Києві")] == ["Lutsk", "Kyiv"]
    assert "Lutsk" not in Places.default().names

    path = tmp_path / "gaz.json"
    path.write_text(json.dumps({"entries": [], "places": {"Uzhhorod": ["Uzhhorod", "Ужгород*"]}},
                               ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("CLAIMKIT_GAZETTEER", str(path))
    assert resolve_place("Ужгороді") == "Uzhhorod"
    assert resolve_place("Kiev") == "Kyiv"


def test_a_name_given_to_two_places_is_ignored() -> None:
    places = Places([{"places": {"A": ["Springfield", "Aville"], "B": ["Springfield"]}}])
    assert [m.name for m in places.find("Springfield and Aville")] == ["A"]
    assert places.resolve("Springfield") is None


def test_malformed_places_raise_input_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"places": {"Kyiv": "Kiev"}}), encoding="utf-8")
    with pytest.raises(InputError, match="list"):
        Places.load(path)
