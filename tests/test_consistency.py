"""Each check on small hand-made claim sets, positive and negative."""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

import pytest

from claimkit.consistency import (
    Finding,
    ValidationReport,
    check_conflicts,
    check_corroboration,
    check_integrity,
    check_stance,
    check_time,
    group_events,
    quantity_interval,
    validate,
)
from claimkit.schemas import (
    Actor,
    DateRef,
    Document,
    DocumentClaims,
    Meeting,
    Pledge,
    Quantity,
    Refusal,
    Span,
)


def country(name: str, iso: str, text: str | None = None) -> Actor:
    return Actor(text=text or name, name=name, kind="country", iso_code=iso, resolved=True)


def person(name: str, text: str | None = None) -> Actor:
    return Actor(text=text or name, name=name, kind="person", resolved=True)


FR, GB, RU, UA, IT = (country("France", "FR"), country("United Kingdom", "GB"),
                      country("Russia", "RU"), country("Ukraine", "UA"), country("Italy", "IT"))


def record(doc_id: str, text: str, claims: list[dict[str, Any]], *, published: str | None = "2025-03-28",
           language: str = "en", url: str | None = None) -> DocumentClaims:
    """A record whose claims' evidence is the quoted part of ``text`` (located by find)."""
    doc = Document(id=doc_id, text=text, language=language, url=url,
                   published=dt.date.fromisoformat(published) if published else None)
    built = []
    for spec in claims:
        spec = dict(spec)
        quote = spec.pop("quote")
        i = text.find(quote)
        assert i >= 0, quote
        cls = {"meeting": Meeting, "pledge": Pledge, "refusal": Refusal}[spec.pop("kind")]
        if isinstance(spec.get("date"), str):
            spec["date"] = DateRef(value=spec["date"], resolution="explicit")
        built.append(cls(doc_id=doc_id, evidence=[Span(start=i, end=i + len(quote), text=quote)], **spec))
    return DocumentClaims(document=doc, claims=built)


def summit(doc_id: str, count: Quantity | None, *, date: str = "2025-03-27", location: str = "Paris",
           language: str = "en", published: str | None = "2025-03-28", actor: Actor = FR,
           participants: tuple[Actor, ...] = (FR, GB, UA)) -> DocumentClaims:
    text = f"Leaders met in {location} on that day. Other news follows."
    return record(doc_id, text, [{"kind": "meeting", "quote": f"Leaders met in {location}", "actor": [actor],
                                      "participants": list(participants), "participant_count": count,
                                      "location": location, "date": date, "status": "held"}],
                  published=published, language=language)


def kinds(findings: list[Finding], kind: str) -> list[Finding]:
    return [f for f in findings if f.kind == kind]


# ----------------------------------------------------------------- grouping


def test_two_reports_of_one_summit_group_and_agree() -> None:
    recs = [summit("a", Quantity(value=27, unit="countries")),
            summit("b", Quantity(value=27, unit="countries"), language="vi", actor=GB)]
    report = validate(recs)
    groups = [g for g in report.groups if g.type == "meeting"]
    assert len(groups) == 1 and sorted(groups[0].doc_ids) == ["a", "b"]
    assert kinds(report.findings, "conflict") == []
    corr = kinds(report.findings, "corroboration")
    assert len(corr) == 1 and corr[0].details["languages"] == ["en", "vi"]


def test_at_least_26_is_no_conflict_with_26() -> None:
    recs = [summit("a", Quantity(value=26, unit="countries")),
            summit("b", Quantity(value=26, unit="countries", qualifier="at_least"))]
    assert check_conflicts(recs) == []


def test_26_vs_27_for_the_same_summit_is_a_conflict() -> None:
    recs = [summit("a", Quantity(value=26, unit="countries")), summit("b", Quantity(value=27))]
    conflicts = check_conflicts(recs)
    assert len(conflicts) == 1
    assert conflicts[0].details["field"] == "participant_count"
    assert conflicts[0].severity == "warning" and len(conflicts[0].claims) == 2


def test_at_least_28_vs_27_conflicts_and_about_30_vs_27_does_not() -> None:
    assert check_conflicts([summit("a", Quantity(value=28, qualifier="at_least")),
                            summit("b", Quantity(value=27))])
    assert not check_conflicts([summit("a", Quantity(value=30, qualifier="about")),
                                summit("b", Quantity(value=27))])


def test_different_units_are_not_compared() -> None:
    assert not check_conflicts([summit("a", Quantity(value=27, unit="countries")),
                                summit("b", Quantity(value=40, unit="leaders"))])


def test_summits_in_different_years_or_places_never_merge() -> None:
    recs = [summit("a", Quantity(value=27), date="2025-03-27"),
            summit("b", Quantity(value=26), date="2025-09-04", published="2025-09-05"),
            summit("c", Quantity(value=26), date="2025-03-27", location="London", actor=GB,
                   participants=(GB, IT)),
            summit("d", Quantity(value=26), date="2026-03-27", published="2026-03-28")]
    groups = [g for g in group_events(recs) if g.type == "meeting"]
    assert len(groups) == 4
    assert check_conflicts(recs) == []


def test_same_people_same_day_two_places_is_a_location_conflict() -> None:
    recs = [summit("a", None), summit("b", None, location="London")]
    found = check_conflicts(recs)
    assert [f.details["field"] for f in found] == ["location"]


def test_undated_meeting_does_not_join_a_dated_one() -> None:
    recs = [summit("a", Quantity(value=27)), summit("b", Quantity(value=26), date=None, published=None)]  # type: ignore[arg-type]
    assert len([g for g in group_events(recs) if g.type == "meeting"]) == 2
    assert check_conflicts(recs) == []


def test_one_article_two_meetings_a_day_apart_stay_apart() -> None:
    text = "Zelensky met Macron at the Elysee. The next day leaders met in Paris."
    rec = record("a", text, [
        {"kind": "meeting", "quote": "Zelensky met Macron at the Elysee", "actor": [person("Volodymyr Zelensky")],
             "participants": [person("Emmanuel Macron")], "location": "Paris", "date": "2025-03-26"},
        {"kind": "meeting", "quote": "leaders met in Paris", "actor": [FR], "location": "Paris", "date": "2025-03-27"},
    ])
    assert len(group_events([rec])) == 2


def test_one_day_apart_across_articles_groups_with_an_info_date_finding() -> None:
    recs = [summit("a", None, date="2025-03-27"), summit("b", None, date="2025-03-28")]
    report = validate(recs)
    assert len([g for g in report.groups if g.type == "meeting"]) == 1
    dates = [f for f in report.findings if f.details.get("field") == "date"]
    assert len(dates) == 1 and dates[0].severity == "info"


def test_placeless_report_joins_by_participants_and_date() -> None:
    a = summit("a", None)
    text = "The French, British and Ukrainian leaders talked."
    b = record("b", text, [{"kind": "meeting", "quote": "leaders talked", "actor": [FR],
                                "participants": [GB, UA], "date": "2025-03-27"}])
    assert len([g for g in group_events([a, b]) if g.type == "meeting"]) == 1


def test_office_holders_group_with_their_country_across_spellings() -> None:
    recs = [
        record("a", "Russia will not accept NATO troops in Ukraine.", [
            {"kind": "refusal", "quote": "Russia will not accept NATO troops", "actor": [RU],
                 "what": "NATO troops in Ukraine"}], published="2026-02-25"),
        record("b", "Путин не хочет видеть европейские войска.", [
            {"kind": "refusal", "quote": "Путин не хочет видеть европейские войска",
                 "actor": [person("Vladimir Putin", "Путин")], "what": "European troops in Ukraine"}],
               published="2026-02-20", language="ru"),
    ]
    groups = [g for g in group_events(recs) if g.type == "refusal"]
    assert len(groups) == 1 and sorted(groups[0].doc_ids) == ["a", "b"]


@pytest.mark.parametrize("variant", ["Kiev", "Київ", "基辅", "kyiv", "Kyjiw"])
def test_place_variants_in_any_script_are_one_place(variant: str) -> None:
    recs = [summit("a", None, location="Kyiv"), summit("b", None, location=variant)]
    meetings = [g for g in group_events(recs) if g.type == "meeting"]
    assert len(meetings) == 1 and sorted(meetings[0].doc_ids) == ["a", "b"]
    assert kinds(validate(recs).findings, "conflict") == []


def refusals(first: Actor, second: Actor) -> list[DocumentClaims]:
    return [
        record(doc_id, "They will not send troops.", [
            {"kind": "refusal", "quote": "They will not send troops", "actor": [actor],
                 "what": "sending troops"}], published="2025-03-28")
        for doc_id, actor in (("a", first), ("b", second))
    ]


def test_gazetteer_affiliation_puts_office_holders_with_their_organisation() -> None:
    nato = Actor(text="NATO", name="NATO", kind="organisation", resolved=True)
    groups = [g for g in group_events(refusals(person("Mark Rutte", "Рютте"), nato))
              if g.type == "refusal"]
    assert len(groups) == 1 and sorted(groups[0].doc_ids) == ["a", "b"]


def test_affiliations_argument_overrides_and_extends_the_gazetteer() -> None:
    recs = refusals(person("Ada Example"), FR)
    assert len([g for g in group_events(recs) if g.type == "refusal"]) == 2
    grouped = group_events(recs, affiliations={"Ada Example": "France"})
    assert len([g for g in grouped if g.type == "refusal"]) == 1
    # an override beats the gazetteer: Starmer no longer speaks for the UK here
    recs = refusals(person("Keir Starmer"), GB)
    assert len([g for g in group_events(recs) if g.type == "refusal"]) == 1
    moved = group_events(recs, affiliations={"Keir Starmer": "NATO"})
    assert len([g for g in moved if g.type == "refusal"]) == 2


def test_positions_of_different_years_do_not_merge() -> None:
    recs = [
        record("a", "Italy will not send troops.", [{"kind": "refusal", "quote": "Italy will not send troops",
                                                         "actor": [IT], "what": "sending troops"}], published="2024-01-02"),
        record("b", "Italy will not send troops.", [{"kind": "refusal", "quote": "Italy will not send troops",
                                                         "actor": [IT], "what": "sending troops"}], published="2025-01-02"),
        record("c", "Italy will not send troops.", [{"kind": "refusal", "quote": "Italy will not send troops",
                                                         "actor": [IT], "what": "sending troops"}], published=None),
    ]
    groups = [g for g in group_events(recs) if g.type == "refusal"]
    assert sorted(len(g.doc_ids) for g in groups) == [1, 1, 1]
    assert check_corroboration(recs) == []


# --------------------------------------------------------------------- stance


def stance_records(p_date: str | None, r_date: str | None, *, what: str = "sending troops to Ukraine",
                   p_modality: str = "firm") -> list[DocumentClaims]:
    return [
        record("p", "France will send troops to Ukraine.", [
            {"kind": "pledge", "quote": "France will send troops", "actor": [FR], "what": "troops", "recipient": UA,
                 "modality": p_modality, "date": p_date}]),
        record("r", "Macron ruled out troops.", [
            {"kind": "refusal", "quote": "Macron ruled out troops", "actor": [person("Emmanuel Macron", "Macron")],
                 "what": what, "modality": "firm", "date": r_date}]),
    ]


def test_same_day_pledge_and_refusal_is_a_contradiction() -> None:
    found = check_stance(stance_records("2025-03-27", "2025-03-27"))
    assert [f.kind for f in found] == ["contradiction"] and found[0].severity == "warning"


def test_validate_runs_the_stance_check_by_default() -> None:
    """validate() itself, not only check_stance, reports stance findings."""
    from claimkit.consistency import DEFAULT_CHECKS, validate

    assert check_stance in DEFAULT_CHECKS
    report = validate(stance_records("2025-03-27", "2025-09-04"))
    assert "stance_change" in {f.kind for f in report.findings}


def test_hedged_pledge_makes_the_contradiction_info() -> None:
    found = check_stance(stance_records("2025-03-27", "2025-03-27", p_modality="tentative"))
    assert [(f.kind, f.severity.value) for f in found] == [("contradiction", "info")]


def test_pledge_then_refusal_months_apart_is_a_change_of_position() -> None:
    found = check_stance(stance_records("2025-03-27", "2025-09-04"))
    assert [f.kind for f in found] == ["stance_change"]
    assert "later refused" in found[0].message


def test_narrower_or_reversed_refusals_are_not_stance_findings() -> None:
    assert check_stance(stance_records("2025-03-27", "2025-03-27",
                                       what="deploying the force on the front line")) == []
    recs = [
        record("p", "The UK keeps sanctions on Russia.", [
            {"kind": "pledge", "quote": "The UK keeps sanctions", "actor": [GB], "what": "sanctions", "date": "2025-03-27"}]),
        record("r", "The UK opposed lifting sanctions.", [
            {"kind": "refusal", "quote": "The UK opposed lifting sanctions", "actor": [GB],
                 "what": "lifting sanctions against Russia", "date": "2025-03-27"}]),
    ]
    assert check_stance(recs) == []


def test_undated_positions_in_different_articles_are_not_compared() -> None:
    assert check_stance(stance_records(None, None)) == []


# ----------------------------------------------------------------------- time


def test_unanchored_relative_date_is_flagged() -> None:
    rec = record("a", "They met on Thursday in Paris.", [
        {"kind": "meeting", "quote": "They met on Thursday", "actor": [FR], "location": "Paris",
             "date": DateRef(raw="on Thursday")}], published=None)
    found = check_time([rec])
    assert [f.kind for f in found] == ["unanchored_date"]
    assert "no publication date" in found[0].message
    anchored = record("b", "They met on Thursday in Paris.", [
        {"kind": "meeting", "quote": "They met on Thursday", "actor": [FR], "location": "Paris",
             "date": DateRef(value="2025-03-27", raw="on Thursday", resolution="relative")}])
    assert check_time([anchored]) == []


def test_relative_resolution_without_publication_date_is_flagged() -> None:
    rec = record("a", "They met on Thursday.", [
        {"kind": "meeting", "quote": "They met on Thursday", "actor": [FR],
             "date": DateRef(value="2025-03-27", raw="on Thursday", resolution="relative")}], published=None)
    assert [f.kind for f in check_time([rec])] == ["unanchored_date"]


def test_held_meeting_after_publication_is_future_past() -> None:
    late = summit("a", None, date="2025-04-02", published="2025-03-28")
    assert [f.kind for f in check_time([late])] == ["future_past"]
    assert check_time([summit("b", None, date="2025-03-27")]) == []


# ------------------------------------------------------------------ integrity


def test_integrity_passes_on_good_claims_and_catches_bad_ones() -> None:
    good = summit("a", Quantity(value=27))
    assert check_integrity([good]) == []
    claim = good.claims[0]
    bad_span = Span.model_construct(start=0, end=6, text="XXXXXX", alignment="exact")
    bad_date = DateRef.model_construct(value="2025-02-30", granularity="day", raw=None, resolution="explicit")
    bad = claim.model_copy(update={
        "evidence": [bad_span], "date": bad_date,
        "participant_count": Quantity.model_construct(value=math.nan, value_max=None, unit=None,
                                                      qualifier="exact", raw=None),
        "ungrounded": ["a quote that is not there"]})
    found = check_integrity([bad], [good.document])
    errors = [f for f in found if f.severity == "error"]
    assert len(errors) == 1
    assert "text differs" in errors[0].message and "calendar date" in errors[0].message
    assert "finite number" in errors[0].message
    assert any("not found in the article" in f.message for f in found if f.severity == "warning")


def test_claims_without_their_document_are_reported_once() -> None:
    rec = summit("a", None)
    found = check_integrity(rec.claims, [Document(id="other", text="x")])
    assert [f.severity.value for f in found] == ["info"]


# --------------------------------------------------------------- corroboration


def test_same_outlet_is_not_independent() -> None:
    recs = [summit("a#1", None), summit("a#2", None, date="2025-03-27")]
    # both halves of one page: same source, and one article never holds two reports
    recs = [summit("x", None), summit("y", None)]
    recs[1] = recs[1].model_copy(update={"document": recs[1].document.model_copy(
        update={"url": "https://www.example.org/b"})})
    recs[0] = recs[0].model_copy(update={"document": recs[0].document.model_copy(
        update={"url": "https://example.org/a"})})
    found = check_corroboration(recs)
    assert len(found) == 1
    assert found[0].details["documents"] == 2 and found[0].details["independent"] == 1


# --------------------------------------------------------------------- report


def test_report_json_and_fail_levels() -> None:
    recs = [summit("a", Quantity(value=26)), summit("b", Quantity(value=27))]
    report = validate(recs)
    data = json.loads(report.to_json())
    assert data["counts"]["warning"] == 1 and data["n_claims"] == 2
    again = ValidationReport.model_validate({k: v for k, v in data.items() if k != "counts"})
    assert again.findings == report.findings
    assert report.failed("warning") and not report.failed("error") and not report.failed("never")
    assert validate([]).worst() is None


def test_quantity_interval() -> None:
    assert quantity_interval(Quantity(value=26, qualifier="at_least")) == (26, math.inf)
    assert quantity_interval(Quantity(value=5, qualifier="up_to")) == (0, 5)
    assert quantity_interval(Quantity(value=10000, value_max=30000)) == (10000, 30000)
    assert quantity_interval(Quantity(value=None)) is None


@pytest.mark.parametrize("fmt", ["json", "jsonl", "table"])
def test_cli_validate(tmp_path: Any, fmt: str) -> None:
    from click.testing import CliRunner

    from claimkit.cli import main

    path = tmp_path / "claims.jsonl"
    recs = [summit("a", Quantity(value=26)), summit("b", Quantity(value=27))]
    path.write_text("".join(r.model_dump_json() + "\n" for r in recs), encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(main, ["validate", str(path), "--format", fmt, "--fail-on", "warning"])
    assert res.exit_code == 1, res.output
    assert ("participant counts disagree" if fmt != "table" else "conflict") in res.output
    res = runner.invoke(main, ["validate", str(path), "--format", fmt])
    assert res.exit_code == 0


def test_hosts_with_no_one_in_common_conflict() -> None:
    def hosted(doc_id: str, host: Actor) -> DocumentClaims:
        text = "Leaders met in Paris on that day."
        return record(doc_id, text, [{"kind": "meeting", "quote": "Leaders met in Paris", "actor": [host],
                                      "hosts": [host], "participants": [FR, GB, UA], "location": "Paris",
                                      "date": "2025-03-27"}])
    found = check_conflicts([hosted("a", FR), hosted("b", GB)])
    assert [f.details["field"] for f in found] == ["hosts"]
    assert check_conflicts([hosted("a", FR), hosted("b", FR)]) == []


def test_pledge_amounts_conflict_only_on_the_same_day() -> None:
    def money(doc_id: str, amount: float, date: str) -> DocumentClaims:
        text = "Canada pledged more aid for drones."
        return record(doc_id, text, [{"kind": "pledge", "quote": "Canada pledged more aid",
                                      "actor": [country("Canada", "CA")], "what": "money",
                                      "quantity": Quantity(value=amount, unit="USD"), "date": date}])
    assert [f.details["field"] for f in check_conflicts([money("a", 5e8, "2025-08-24"),
                                                          money("b", 6e8, "2025-08-24")])] == ["quantity"]
    assert check_conflicts([money("a", 5e8, "2025-08-24"), money("b", 6e8, "2025-09-24")]) == []


# ----------------------------------------------------------------- table output


def _table_text(report: Any, width: int, max_rows: int = 2000) -> str:
    import io

    from rich.console import Console

    from claimkit.consistency.render import report_table

    out = io.StringIO()
    Console(file=out, width=width, soft_wrap=False).print(report_table(report, max_rows=max_rows))
    return out.getvalue()


def test_the_table_shows_every_finding_whole_at_any_width() -> None:
    recs = [summit("a", Quantity(value=26, unit="countries")), summit("b", Quantity(value=27)),
            summit("c", Quantity(value=30), location="Londres", language="fr")]
    report = validate(recs)
    assert len(report.findings) >= 2
    for width in (200, 100, 60, 40):  # 40: too narrow for fixed widths, rich measures them
        lines = _table_text(report, width).splitlines()
        assert max(len(line) for line in lines) <= width
        cells = [line.split("│") for line in lines if line.count("│") == 5]
        finding_column = "".join(c[4].strip() for c in cells).replace(" ", "")
        for f in report.findings:
            assert f.message.replace(" ", "") in finding_column, (width, f.message)
        assert "3claims,3documents,1groups" in "".join(lines[-3:]).replace(" ", "")
    capped = _table_text(report, 200, max_rows=1)
    assert "(first 1 rows shown)" in capped
    assert sum(f.message in capped for f in report.findings) == 1
