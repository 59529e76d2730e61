"""Rules backend on small synthetic sentences (not the sample articles' sentences).

A fake gazetteer supplies actors so these tests exercise the cue rules, not
the normalize package; one test at the end runs the real pipeline on the
bundled articles for span integrity.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimkit.extract.base import Draft
from claimkit.extract.rules import RulesBackend
from claimkit.extract.rules.cues import load_cues
from claimkit.extract.rules.text import segment
from claimkit.normalize.mentions import ActorMention
from claimkit.schemas import ActorKind, Document
from claimkit.text import dominant_script
from tests._fake_gazetteer import FakeGazetteer, drafts, labels, one

NAMES = {
    "Poland": "Poland", "Moldova": "Moldova", "Austria": "Austria", "Spain": "Spain",
    "Norway": "Norway", "Finland": "Finland", "Chile": "Chile", "Peru": "Peru",
    "德国": "Germany", "摩尔多瓦": "Moldova", "奥地利": "Austria", "日本": "Japan",
    "イタリア": "Italy", "Ba Lan": "Poland", "Malaysia": "Malaysia", "Thailand": "Thailand",
    "Belgique": "Belgium", "Österreich": "Austria", "España": "Spain", "Россия": "Russia",
    "مصر": "Egypt", "한국": "South Korea", "Türkiye": "Turkey", "Polska": "Poland",
    "Україна": "Ukraine", "Hrvatska": "Croatia", "Italia": "Italy", "Portugal": "Portugal",
    "Coalition of the Willing": "Coalition of the Willing",
}  # fmt: skip


def _gazetteer() -> FakeGazetteer:
    """A fake gazetteer of the names above."""
    return FakeGazetteer(NAMES, {"Coalition of the Willing": ActorKind.group})


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    return RulesBackend(gazetteer=_gazetteer())


def types(ds: list[Draft]) -> list[str]:
    return [d.type for d in ds]


# ------------------------------------------------------------------ English


def test_pledge_with_actor_recipient_and_what(backend: RulesBackend) -> None:
    d = one(drafts(backend, "Poland pledged troops to Moldova."), "pledge")
    assert labels(d.fields["actor"]) == ["Poland"]
    assert d.fields["recipient"].label == "Moldova"
    assert d.fields["what"] == "troops"
    assert d.fields["modality"] == "firm"


@pytest.mark.parametrize(
    ("text", "type_", "modality"),
    [
        ("Austria will not send weapons to the region.", "refusal", "firm"),
        ("Spain does not rule out sending aircraft to the border.", "pledge", "tentative"),
        ("Norway will provide funding unless the talks collapse.", "pledge", "conditional"),
        ("Chile may offer training to the new force next year.", "pledge", "tentative"),
        ("Peru rejected the proposal until elections are held.", "refusal", "conditional"),
        ("Finland warned that the move could lead to escalation.", "warning", "firm"),
    ],
)
def test_modality_cues(backend: RulesBackend, text: str, type_: str, modality: str) -> None:
    d = one(drafts(backend, text, "en"), type_)
    assert d.fields["modality"] == modality


def test_negated_pledge_is_a_refusal(backend: RulesBackend) -> None:
    ds = drafts(backend, "Finland has not pledged any money to the fund this year.")
    assert types(ds) == ["refusal"]


def test_clause_level_spans(backend: RulesBackend) -> None:
    text = "Poland pledged troops for the mission, but Austria refused to join the mission."
    ds = drafts(backend, text)
    pledge, refusal = one(ds, "pledge"), one(ds, "refusal")
    assert pledge.spans[0].text == "Poland pledged troops for the mission"
    assert refusal.spans[0].text == "but Austria refused to join the mission"
    assert labels(refusal.fields["actor"]) == ["Austria"]


def test_meeting_location_and_format(backend: RulesBackend) -> None:
    d = one(drafts(backend, "The prime ministers of Chile and Peru met in Warsaw."), "meeting")
    assert d.fields["location"] == "Warsaw"
    assert d.fields["format"] == "in_person"
    assert "modality" not in d.fields
    assert set(labels(d.fields["participants"])) == {"Chile", "Peru"}
    d = one(drafts(backend, "Chile and Peru held a video conference on trade."), "meeting")
    assert d.fields["format"] == "virtual"


def test_cue_inside_a_name_is_not_a_cue(backend: RulesBackend) -> None:
    assert drafts(backend, "The Coalition of the Willing was named in the report.") == []


def test_no_cue_no_claim(backend: RulesBackend) -> None:
    assert drafts(backend, "European economies face low growth and high debt.") == []


def test_repeated_meeting_mentions_merge(backend: RulesBackend) -> None:
    text = "Chile and Peru met in Warsaw on trade. The meeting lasted two hours."
    d = one(drafts(backend, text), "meeting")
    assert [s.text for s in d.spans] == [
        "Chile and Peru met in Warsaw on trade",
        "The meeting lasted two hours",
    ]
    unmerged = RulesBackend(gazetteer=_gazetteer(), merge=False)
    assert types(drafts(unmerged, text)) == ["meeting", "meeting"]


# ------------------------------------------------------------- other languages


@pytest.mark.parametrize(
    ("text", "language", "type_", "actor"),
    [
        ("德国承诺向摩尔多瓦提供资金。", "zh", "pledge", "Germany"),
        ("奥地利拒绝派遣部队。", "zh", "refusal", "Austria"),
        ("日本政府警告說，局勢可能惡化。", "zh", "warning", "Japan"),
        ("イタリアは首脳会談を開いた。", "ja", "meeting", "Italy"),
        ("Ba Lan từ chối gửi thêm quân.", "vi", "refusal", "Poland"),
        ("Malaysia menolak usulan itu.", "id", "refusal", "Malaysia"),
        ("Thailand berjanji mengirim bantuan.", "id", "pledge", "Thailand"),
        ("La Belgique a refusé d'envoyer des soldats.", "fr", "refusal", "Belgium"),
        ("Österreich warnt vor einer Eskalation.", "de", "warning", "Austria"),
        ("España enviará tropas.", "es", "pledge", "Spain"),
        ("L'Italia ha rifiutato la proposta.", "it", "refusal", "Italy"),
        ("Portugal rejeitou a proposta.", "pt", "refusal", "Portugal"),
        ("Polska odrzuciła propozycję.", "pl", "refusal", "Poland"),
        ("Україна відкинула пропозицію.", "uk", "refusal", "Ukraine"),
        ("Россия отвергла предложение.", "ru", "refusal", "Russia"),
        ("Hrvatska je odbila prijedlog.", "hr", "refusal", "Croatia"),
        ("رفضت مصر الاقتراح.", "ar", "refusal", "Egypt"),
        ("Türkiye teklifi reddetti.", "tr", "refusal", "Turkey"),
        ("한국은 파병을 약속했다.", "ko", "pledge", "South Korea"),
    ],
)
def test_languages(
    backend: RulesBackend, text: str, language: str, type_: str, actor: str
) -> None:
    d = one(drafts(backend, text, language), type_)
    assert actor in labels(d.fields["actor"])


def test_language_detected_per_sentence_without_document_language(backend: RulesBackend) -> None:
    text = "Malaysia menolak usulan itu. La Belgique a refusé d'envoyer des soldats."
    assert types(drafts(backend, text)) == ["refusal", "refusal"]


def test_chinese_meeting_city_and_virtual(backend: RulesBackend) -> None:
    d = one(drafts(backend, "日本与德国在巴黎举行会谈。"), "meeting")
    assert d.fields["location"] == "Paris"
    d = one(drafts(backend, "日本与德国举行视频会议。"), "meeting")
    assert d.fields["format"] == "virtual"


def test_chinese_hedge_and_condition(backend: RulesBackend) -> None:
    d = one(drafts(backend, "德国不排除向摩尔多瓦派遣部队。"), "pledge")
    assert d.fields["modality"] == "tentative"
    d = one(drafts(backend, "奥地利将阻止该计划,直至摩尔多瓦让步。"), "refusal")
    assert d.fields["modality"] == "conditional"


# ------------------------------------------------------------------ cue data


REQUIRED = ["en", "zh", "ja", "ko", "vi", "id", "fr", "de", "es", "it", "pt", "pl", "uk", "ru", "hr", "ar", "tr"]


def test_every_required_language_has_every_cue_kind() -> None:
    book = load_cues()
    for code in REQUIRED:
        lc = book.language(code)
        assert lc is not None, code
        for cat in ("pledge", "refusal", "warning", "meeting", "negation", "hedge", "condition"):
            assert cat in lc.patterns, (code, cat)


def test_user_cues_extend_the_bundled_ones(backend: RulesBackend, tmp_path: Path) -> None:
    text = "Norway earmarked funds for the mission."
    assert drafts(backend, text) == []
    extra = {"languages": {"en": {"pledge": ["earmark*"]}}}
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(extra), encoding="utf-8")
    for cues in (extra, path):
        extended = RulesBackend(gazetteer=_gazetteer(), cues=cues)
        assert types(drafts(extended, text)) == ["pledge"]


def test_bad_cue_file_is_an_input_error(tmp_path: Path) -> None:
    from claimkit.errors import InputError

    path = tmp_path / "bad.json"
    path.write_text("{nope", encoding="utf-8")
    with pytest.raises(InputError, match="bad.json"):
        RulesBackend(cues=path)


# ------------------------------------------------------------- segmentation


def test_segmentation_keeps_abbreviations_and_numbers() -> None:
    text = "U.S. officials sent 10,000 troops, and Mr. Smith agreed. 他们同意了。我们拒绝！"
    sentences = segment(text)
    assert [text[s.start : s.end] for s in sentences] == [
        "U.S. officials sent 10,000 troops, and Mr. Smith agreed",
        "他们同意了",
        "我们拒绝",
    ]
    first = sentences[0]
    assert [text[a:b] for a, b in first.clauses] == [
        "U.S. officials sent 10,000 troops",
        "and Mr. Smith agreed",
    ]


def test_scripts() -> None:
    assert dominant_script("会談を行った") == "kana"
    assert dominant_script("会议") == "han"
    assert dominant_script("회담") == "hangul"
    assert dominant_script("встреча") == "cyrillic"
    assert dominant_script("Hội nghị") == "latin"


# -------------------------------------------------------------- real pipeline


def test_real_pipeline_spans_equal_document_slices(articles_dir: Path) -> None:
    from claimkit.documents import load_documents
    from claimkit.extract import Extractor
    from claimkit.schemas import DocumentClaims

    records = list(Extractor(RulesBackend()).run(load_documents([articles_dir])))
    claims = 0
    for record in records:
        assert isinstance(record, DocumentClaims), record
        assert record.backend == "rules"
        for claim in record.claims:
            claims += 1
            assert not claim.ungrounded
            for span in claim.evidence:
                assert record.document.text[span.start : span.end] == span.text
    assert claims > 0


class _BrokenGazetteer:
    """A finder whose own code fails to import a library it needs (as a missing dependency would)."""

    def find(self, text: str, *, language: str | None = None) -> list[ActorMention]:
        raise ModuleNotFoundError("No module named 'pypinyin'")


def test_a_finder_that_fails_to_import_stops_the_document_instead_of_finding_no_actor() -> None:
    from claimkit.extract import Extractor
    from claimkit.schemas import DocumentClaims, Failure

    doc = Document(id="d1", text="Poland pledged 5 million euros to Moldova.", language="en")
    # the backend itself raises the import error; it does not degrade to "no actors"
    with pytest.raises(ModuleNotFoundError, match="pypinyin"):
        RulesBackend(gazetteer=_BrokenGazetteer()).extract(doc)
    # and the extractor turns that into this document's error, naming the reason
    records = list(Extractor(RulesBackend(gazetteer=_BrokenGazetteer())).run([doc]))
    assert len(records) == 1
    assert not isinstance(records[0], DocumentClaims)
    assert isinstance(records[0], Failure)
    assert records[0].doc_id == "d1"
    assert "pypinyin" in records[0].message
