"""Mechanisms of the rules backend's speed work and small fixes, in several languages.

The sentences are written for these tests (none comes from the sample articles).
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimkit.extract.rules import RulesBackend
from claimkit.extract.rules.cues import load_cues
from claimkit.extract.rules.support import CueScan
from claimkit.extract.rules.text import segment
from claimkit.normalize import find_actors, find_dates, find_quantities
from claimkit.text import fold_case_loose
from tests._rules_helpers import drafts, of_type

# sentences of our own in several languages and scripts, with cue words, capitals,
# Turkish dotted/dotless i, inflected forms and Arabic proclitics
_TEXTS = [
    "The minister pledged to send 500 troops but Hungary REFUSED TO JOIN; talks may resume.",
    "Le gouvernement a promis d'envoyer des munitions, mais Rome a refusé de participer.",
    "Die Regierung sagte zu, Panzer zu liefern. Berlin lehnte es ab, Truppen zu entsenden.",
    "İSTANBUL'da bakanlar görüştü; Ankara asker göndermeyi REDDETTİ ve yardım sözü verdi.",
    "Москва отказалась участвовать, а Киев пообещал провести переговоры в пятницу.",
    "وتعهدت الحكومة بإرسال مساعدات، ورفضت الوزارة المشاركة في الاجتماع.",
    "中方承诺提供援助，但拒绝派遣军队。双方于周三举行会谈。",
    "政府は支援を約束したが、派兵は拒否した。両首脳は会談した。",
    "정부는 지원을 약속했지만 파병은 거부했다. 양국 정상은 회담했다.",
    "Bộ trưởng cam kết gửi viện trợ nhưng từ chối triển khai quân đội.",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_automaton_scan_gives_the_matches_of_each_pattern(text: str) -> None:
    """The head automaton + ``match`` at each head finds what ``finditer`` finds, in every language."""
    book = load_cues()
    folded = fold_case_loose(text)
    for code in book.languages:
        lc = book.language(code)
        assert lc is not None
        scanned = lc.scan(text, folded)
        for category in lc.patterns:
            expected = [m.span() for m in lc.find(category, text)]
            assert scanned.get(category, []) == expected, (code, category)


def test_cue_scan_answers_windows_from_the_whole_text() -> None:
    book = load_cues()
    en = book.language("en")
    assert en is not None
    text = _TEXTS[0]
    scan = CueScan(text)
    refused = text.index("REFUSED")
    assert scan.has(en, "refusal", refused, len(text))
    assert not scan.has(en, "refusal", 0, refused)
    assert not scan.has(en, "refusal", 5, 5)


def test_fold_case_loose_keeps_offsets() -> None:
    s = "İSTANBUL ſtraße Işık"
    assert len(fold_case_loose(s)) == len(s)
    assert fold_case_loose(s).startswith("istanbul")


@pytest.mark.parametrize(
    ("text", "qualified"),
    [
        ("More than 20 countries signed the statement.", "More than 20 countries"),
        ("Plus de 30 pays ont participé.", "Plus de 30 pays"),
        ("Mehr als 12 Staaten unterzeichneten.", "Mehr als 12 Staaten"),
        ("Около 40 стран поддержали заявление.", "Около 40 стран"),
        ("Ít nhất 15 quốc gia đã tham gia.", "Ít nhất 15 quốc gia"),
    ],
)
def test_a_qualifier_at_sentence_start_is_read(text: str, qualified: str) -> None:
    found = find_quantities(text, language=None)
    assert [m.text for m in found] == [qualified]
    assert found[0].quantity.qualifier.value in ("at_least", "about")


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Die Außenminister trafen sich am 3. März in Wien. Danach reisten sie ab.", 2),
        ("Sastanak je održan 24. ožujka u Splitu. Ministri su potpisali sporazum.", 2),
        ("Die Gespräche finden am 5. und 6. Juni statt. Mehr folgt.", 2),
        ("Spotkanie odbyło się 7. maja w Gdańsku. Delegacje wyjechały.", 2),
        ("The vote count was 3. Then the session closed.", 2),
    ],
)
def test_an_ordinal_day_does_not_end_a_sentence(text: str, sentences: int) -> None:
    assert len(segment(text)) == sentences


def test_an_ordinal_day_is_still_a_date() -> None:
    text = "Die Außenminister trafen sich am 3. März in Wien."
    found = find_dates(text, published=dt.date(2025, 3, 10), language="de")
    assert [m.date.value for m in found] == ["2025-03-03"]


@pytest.mark.parametrize(
    "text",
    ["Le Bélarus a refusé de participer.", "Weißrussland lehnte die Teilnahme ab.",
     "Belarús rechazó la propuesta.", "Beyaz Rusya teklifi reddetti."],
)
def test_belarus_in_other_languages(text: str) -> None:
    assert [m.actor.label for m in find_actors(text)] == ["Belarus"]


def test_dates_found_only_near_anchors_are_the_same_as_a_full_scan() -> None:
    """Windows around anchors miss no date: a long text with dates far apart, in several languages."""
    filler = " Lorem ipsum dolor sit amet consectetur." * 20
    parts = ["on Wednesday", "3 March 2025", "2025年3月5日", "ngày 10/4", "Thứ Hai",
             "yesterday", "am 3. März", "周三", "수요일"]
    text = filler.join(parts)
    found = find_dates(text, published=dt.date(2025, 6, 2), language="en")
    assert {m.text for m in found} >= {"Wednesday", "3 March 2025", "2025年3月5日", "yesterday", "周三"}


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        ("Troops will not be sent to the front line, Emmanuel Macron said on Friday.", "en", "Emmanuel Macron"),
        ("Emmanuel Macron a déclaré que la France refuse d'envoyer des soldats au front.", "fr", "Emmanuel Macron"),
        ("Keir Starmer sagte, Großbritannien weigere sich, Soldaten an die Front zu schicken.", "de", "Keir Starmer"),
        ("Сергей Лавров заявил, что Россия отказывается направлять войска.", "ru", "Sergey Lavrov"),
        ("Pedro Sánchez dijo que España rechaza enviar tropas.", "es", "Pedro Sanchez"),
        ("Emmanuel Macron mengatakan pasukan tidak akan dikirim ke garis depan.", "id", "Emmanuel Macron"),
    ],
)
def test_the_speaker_of_a_reporting_verb_leads_the_actor(backend: RulesBackend, text: str, language: str, speaker: str) -> None:
    found = drafts(backend, text, language, None)
    assert found, text
    assert found[0].fields["actor"][0].label == speaker


def test_a_meeting_keeps_its_participants_not_the_speaker(backend: RulesBackend) -> None:
    text = "France and Germany held talks in Berlin, Keir Starmer said."
    meeting = of_type(backend, text, "en", "meeting", None)
    assert meeting and meeting[0].fields["actor"][0].label != "Keir Starmer"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Die Regierung lehne es ab, Kampfjets zu liefern, hieß es in Berlin.", "refusal"),
        ("Österreich werde keine Soldaten entsenden und werde nicht teilnehmen.", "refusal"),
        ("Polen sage weitere Munition zu, teilte das Ministerium mit.", "pledge"),
    ],
)
def test_german_reported_speech_forms_are_cues(backend: RulesBackend, text: str, kind: str) -> None:
    """Konjunktiv I ("lehne ab", "werde nicht", "sage zu") is how German news reports a stance."""
    assert kind in {d.type for d in drafts(backend, text, "de", None)}


@pytest.mark.parametrize(
    ("text", "language", "actor"),
    [
        ("Hungary said that aid for Ukraine will not be approved.", "en", "Hungary"),
        ("La Hongrie a dit que l'aide pour l'Ukraine, elle la refuse.", "fr", "Hungary"),
        ("Ungarn erklärte, Hilfe für die Ukraine lehne es ab.", "de", "Hungary"),
        ("匈牙利表示，向乌克兰提供援助的计划被拒绝。", "zh", "Hungary"),
        ("Hungaria mengatakan bahwa bantuan untuk Ukraina, pihaknya menolak.", "id", "Hungary"),
    ],
)
def test_a_name_after_a_preposition_is_not_the_actor(backend: RulesBackend, text: str, language: str, actor: str) -> None:
    """'for Ukraine', 'für die Ukraine', '向乌克兰', 'untuk Ukraina': the object, not who refuses."""
    refusals = of_type(backend, text, language, "refusal", None)
    assert refusals, text
    assert "Ukraine" not in [a.label for a in refusals[0].fields["actor"]]
    assert [a.label for a in refusals[0].fields["actor"]][:1] == [actor]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On the 12th, the ministers met in Vienna. Later, Austria refused to send troops.", "en"),
        ("Ngày 12, các bộ trưởng họp tại Viên. Sau đó, Áo từ chối gửi quân.", "vi"),
        ("Pada tanggal 12, para menteri bertemu di Wina. Kemudian, Austria menolak mengirim pasukan.", "id"),
    ],
)
def test_a_claim_without_a_date_takes_the_day_its_paragraph_is_on(backend: RulesBackend, text: str, language: str) -> None:
    refusal = of_type(backend, text, language, "refusal", "2025-03-20")
    assert refusal and refusal[0].fields["date"].value == "2025-03-12"


def test_a_day_in_another_paragraph_is_not_inherited(backend: RulesBackend) -> None:
    # below the lead (whose first dated sentence names the story's day, see
    # test_rules_roles.py), a day named in one paragraph is not the next one's
    lead = "On the 3rd, the ministers met in Vienna. " + "Energy prices rose again. " * 24
    text = lead + "\nOn the 12th, the ministers met in Graz.\nAustria refused to send troops."
    refusal = of_type(backend, text, "en", "refusal", "2025-03-20")
    assert refusal and refusal[0].fields["date"].value == "2025-03-03"


@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("The leaders met on the 27th.", "en", "2025-03-27"),
        ("The 27 countries met.", "en", None),
        ("Ngày 27, các nhà lãnh đạo đã gặp nhau.", "vi", "2025-03-27"),
        ("Pada tanggal 27, para pemimpin bertemu.", "id", "2025-03-27"),
    ],
)
def test_a_day_of_the_month_alone_is_a_date(text: str, language: str, found: str | None) -> None:
    dates = find_dates(text, published=dt.date(2025, 3, 28), language=language)
    assert [m.date.value for m in dates] == ([found] if found else [])
