"""Round four of the sloppy model: the field-by-field grid (field_grid.py), and the
mechanisms that keep a claim whole when one of its values is written badly.

THE REPLIES ARE SCRIPTED: no model and no real endpoint. The values are hand-written
for these tests (none is copied from an article or a gold file).
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import BUILTIN_TYPES, FAKE_KEY, MODEL, salvaged
from field_grid import cells, run_grid, run_top_level

from claimkit.extract.llm.coerce import canonical_members, says_nothing
from claimkit.extract.llm.lenient import claims_payload
from claimkit.extract.llm.prompts import response_model


def _backend(server: Any) -> Any:
    from claimkit.extract.llm.openai import OpenAIBackend

    return OpenAIBackend(model=MODEL, base_url=server.base_url, api_key=FAKE_KEY, cache=False,
                         max_reasks=2, max_api_retries=0, types=BUILTIN_TYPES)


def test_the_grid_covers_every_field_of_every_claim_type_and_each_kind_of_value() -> None:
    grid = cells()
    fields = {(c.type, ".".join(map(str, c.path))) for c in grid}
    for type_, model in [(t, response_model([t]).model_fields["claims"].annotation)
                         for t in BUILTIN_TYPES]:
        draft = model.__args__[0]  # list[XDraft]
        for name in draft.model_fields:
            if name not in ("type", "quotes"):
                assert (type_, name) in fields, (type_, name)
    assert {c.expect for c in grid} >= {"same", "empty", "dropped"}
    assert len(grid) > 1000


def test_one_sloppy_value_in_any_field_keeps_the_claim_and_everything_else() -> None:
    """Each cell alone through the whole LLM path: the claim kept, the field read (or
    emptied, or dropped with one warning line), every other field as in the base claim."""
    outcomes = run_grid(_backend)
    wrong = [f"{o.cell.type} {'.'.join(map(str, o.cell.path))} {o.cell.label}: expected "
             f"{o.cell.expect}, got claims={o.claims} field={o.field!r} others={o.others_lost} "
             f"warnings={o.warnings} failure={o.failure}" for o in outcomes if not o.ok()]
    assert not wrong, f"{len(wrong)} of {len(outcomes)} cells:\n" + "\n".join(wrong[:40])


def test_replies_written_sloppily_around_the_claims_lose_none() -> None:
    rows = run_top_level(_backend)
    lost = [row for row in rows if row[1] != row[2] or row[3] is not None]
    assert not lost, lost


# ------------------------------------------------------------------ the mechanisms


def _validated(*claims: dict[str, Any], text: str = "x") -> tuple[list[Any], list[str]]:
    return salvaged({"claims": list(claims)}, text)


@pytest.mark.parametrize("word", [
    "N/A", "n.a.", "Unknown", "NOT SPECIFIED", "tbd", "-", "—", "?", "...",
    "неизвестно", "не вказано", "未知", "なし", "알 수 없음", "bilinmiyor", "không rõ",
    "غير معروف", "unbekannt", "non précisé", "desconocido", "não especificado",
    "sconosciuto", "nie podano", "nepoznato", "tidak diketahui",
])
def test_a_word_for_no_value_is_no_value_in_any_field(word: str) -> None:
    assert says_nothing(word)
    (claim,), notes = _validated({
        "type": "meeting", "quotes": ["q"], "location": word, "topic": word,
        "actor": [word, {"text": word, "name": "Chile"}], "date": {"value": word, "raw": word},
        "participant_count": {"value": 9, "unit": word}, "format": word})
    assert notes == []
    assert claim.location is None and claim.topic is None and claim.date is None
    assert [a.text for a in claim.actor] == ["Chile"]  # the actor's text filled from its name
    assert claim.participant_count.unit is None and claim.format is None


@pytest.mark.parametrize("value", ["Unknown Soldier Memorial", "Nonetheless", "N/A-2 line",
                                   "没有问题", "0"])
def test_a_value_that_only_contains_such_a_word_is_kept(value: str) -> None:
    assert not says_nothing(value)


def test_member_names_in_another_case_or_form_are_the_fields() -> None:
    given = {"Type": "pledge", "QUOTES": ["Chile will send two ships"], "attributedTo": "aides",
             "actors": [{"Text": "Chile", "NAME": "Chile"}], "Recipient": "Peru",
             "quantity": {"Value": 2, "Unit": "ships"}}
    (claim,), notes = _validated(given)
    assert notes == []
    assert claim.quotes == ["Chile will send two ships"] and claim.attributed_to == "aides"
    assert [a.name for a in claim.actor] == ["Chile"] and claim.recipient.text == "Peru"
    assert claim.quantity.value == 2 and claim.quantity.unit == "ships"
    # the quotes as "evidence" or one "quote"; the field's own name wins over another form
    (a, b), _ = _validated({"type": "refusal", "evidence": ["Peru declined"]},
                           {"type": "refusal", "quote": "Peru declined", "quotes": ["Peru said no"]})
    assert a.quotes == ["Peru declined"] and b.quotes == ["Peru said no"]
    assert canonical_members({"Quotes": 1, "notes": 2}, {"quotes"}) == {"quotes": 1, "notes": 2}


def test_claims_grouped_by_type_nested_in_lists_or_null_are_read() -> None:
    grouped = {"pledges": [{"quotes": ["a"]}], "Meetings": [{"quotes": ["b"]}]}
    assert claims_payload(grouped) == {"claims": [{"quotes": ["a"], "type": "pledges"},
                                                  {"quotes": ["b"], "type": "Meetings"}]}
    got, _ = _validated(*claims_payload({"claims": {"refusal": [{"quotes": ["c"]}]}})["claims"])
    assert [c.type for c in got] == ["refusal"]
    assert claims_payload({"claims": None}) == {"claims": []}
    assert claims_payload({"claims": "N/A"}) == {"claims": []}
    # an object of several members that are no lists of objects is no group of claims
    assert claims_payload({"status": "ok", "items": [{"quotes": ["a"]}]}) is None
    got, _ = _validated([{"type": "pledge", "quotes": ["a"]}, {"type": "warning",  # type: ignore[arg-type]
                                                              "quotes": ["b"]}])
    assert [c.type for c in got] == ["pledge", "warning"]


@pytest.mark.parametrize(("written", "value", "value_max", "unit", "qualifier"), [
    ("about 300 tanks", 300, None, "tanks", "about"),
    ("at least 12", 12, None, None, "at_least"),
    ("€4bn", 4e9, None, "EUR", "exact"),
    ("40 million dollars", 4e7, None, "USD", "exact"),
    ("800-900 soldiers", 800, 900, "troops", "exact"),
    ("environ 600 soldats", 600, None, "troops", "about"),
    ("约300名士兵", 300, None, "troops", "about"),
    ("около 70 стран", 70, None, "countries", "about"),
    ("en az 15 ülke", 15, None, "countries", "at_least"),
    ("2000 children", 2000, None, "children", "exact"),  # a unit the reader does not know
    ("500000000 EUR", 5e8, None, "EUR", "exact"),
])
def test_a_quantity_written_as_a_phrase_is_read_as_the_rules_read_it(
        written: str, value: float, value_max: float | None, unit: str | None,
        qualifier: str) -> None:
    (claim,), notes = _validated({"type": "pledge", "quotes": ["q"],
                                  "quantity": {"value": written}})
    q = claim.quantity
    assert (q.value, q.value_max, q.unit, q.qualifier.value) == (value, value_max, unit, qualifier)
    assert q.raw == written and notes == []


@pytest.mark.parametrize("written", ["2,000 troops", "up to 3.500 soldiers", "many tanks",
                                     "300 tanks and 20 jets"])
def test_a_phrase_that_reads_two_ways_or_is_no_quantity_is_dropped_and_named(
        written: str) -> None:
    (claim,), notes = _validated({"type": "pledge", "quotes": ["q"],
                                  "quantity": {"value": written, "unit": "troops"}})
    assert claim.quantity.value is None and claim.quantity.unit == "troops"
    assert len(notes) == 1 and "quantity.value dropped" in notes[0]


@pytest.mark.parametrize("written", [True, False, "NaN", "-Infinity", "inf", float("nan"),
                                     float("inf")])
def test_a_boolean_or_a_number_that_is_not_finite_is_no_count(written: Any) -> None:
    (claim,), notes = _validated({"type": "meeting", "quotes": ["q"], "location": "Lima",
                                  "participant_count": {"value": written, "unit": "states"}})
    assert claim.participant_count.value is None and claim.location == "Lima"
    assert len(notes) == 1 and "participant_count.value dropped" in notes[0]


@pytest.mark.parametrize(("written", "names"), [
    ("Chile, Peru; Bolivia", ["Chile", "Peru", "Bolivia"]),
    ("中国、日本", ["中国", "日本"]),
    ("مصر، الأردن", ["مصر", "الأردن"]),
    ("Chile", ["Chile"]),
    ("Chile, N/A", ["Chile"]),
])
def test_a_list_of_actors_written_as_one_string_is_its_names(written: str,
                                                            names: list[str]) -> None:
    (claim,), notes = _validated({"type": "meeting", "quotes": ["q"], "participants": written})
    assert [a.text for a in claim.participants] == names and notes == []


def test_an_actor_whose_text_is_unusable_keeps_its_name_or_is_one_warning_line() -> None:
    (a, b), notes = _validated(
        {"type": "warning", "quotes": ["q"], "target": [{"text": 7, "name": "Peru"}]},
        {"type": "warning", "quotes": ["q"], "target": [{"text": {"es": "Perú", "en": "Peru"}},
                                                        "Chile"]})
    assert [t.text for t in a.target] == ["Peru"]
    assert [t.text for t in b.target] == ["Chile"]
    assert notes == ["claim 2 (warning): target[0] dropped (target[0].text: Input should be a "
                     "valid string)"]


@pytest.mark.parametrize(("written", "expected"), [
    ("approximately", "about"), ("Around", "about"), ("more than", "at_least"),
    ("minimum", "at_least"), ("max", "up_to"), ("exactly", "exact"), ("около", "about"),
    ("至少", "at_least"), ("bis zu", "up_to"),
])
def test_a_qualifier_in_other_words_is_read(written: str, expected: str) -> None:
    (claim,), notes = _validated({"type": "pledge", "quotes": ["q"],
                                  "quantity": {"value": 5, "qualifier": written}})
    assert claim.quantity.qualifier.value == expected and notes == []


def test_nothing_in_a_field_that_takes_no_null_is_its_default_without_a_warning() -> None:
    (claim,), notes = _validated({"type": "pledge", "quotes": ["q"],
                                  "quantity": {"value": 5, "qualifier": "N/A"}})
    assert claim.quantity.qualifier.value == "exact" and notes == []


def test_a_reply_that_echoes_the_key_in_its_values_puts_it_in_no_warning_or_log(
        caplog: pytest.LogCaptureFixture) -> None:
    import asyncio
    import logging

    from field_grid import ARTICLE, BASE
    from scripted_server import ScriptedServer, reply

    from claimkit.extract.pipeline import aextract
    from claimkit.schemas import Document

    echoed = [{"type": FAKE_KEY, "quotes": BASE["pledge"]["quotes"], "actor": ["Norway"]},
              {**BASE["pledge"], "date": {"value": FAKE_KEY}, "modality": f"Bearer {FAKE_KEY}"}]
    doc = Document(id="echo", text=ARTICLE, language="en")
    with ScriptedServer({}) as server, caplog.at_level(logging.INFO, logger="claimkit"):
        server.script("Oslo", reply(echoed))
        (record,) = asyncio.run(aextract([doc], backend=_backend(server),
                                         normalize=False)).records
    assert len(record.claims) == 1  # the claim of no type is dropped, the other kept
    assert len(record.warnings) >= 2  # each named ...
    assert not any(FAKE_KEY in w or "DO-NOT-LEAK" in w for w in record.warnings)  # ... masked
    assert "DO-NOT-LEAK" not in caplog.text
