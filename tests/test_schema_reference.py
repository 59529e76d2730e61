"""docs/schema-reference.md is what the models declare (make schema-reference rewrites it)."""

from __future__ import annotations

from pathlib import Path

from tests._tools import assert_check_mode, load_tool

ROOT = Path(__file__).resolve().parent.parent


def _tool():  # type: ignore[no-untyped-def]
    return load_tool("schema_reference")


def test_the_schema_reference_has_not_drifted() -> None:
    page = (ROOT / "docs" / "schema-reference.md").read_text(encoding="utf-8")
    assert page == _tool().render(), "docs/schema-reference.md is out of date: run `make schema-reference`"


def test_every_field_of_every_claim_type_is_on_the_page() -> None:
    page = (ROOT / "docs" / "schema-reference.md").read_text(encoding="utf-8")
    types = _tool().builtin_types()
    assert {"pledge", "refusal", "warning", "meeting"} <= set(types)
    for name, model in types.items():
        section = page.split(f"### `{name}`: `{model.__name__}`", 1)[1].split("\n### ", 1)[0]
        for field, info in model.model_fields.items():
            assert f"| `{field}` |" in section, f"{name}.{field}"
            if info.description:
                assert " ".join(info.description.split())[:40] in section, f"{name}.{field}"


def test_a_plugin_type_loaded_in_the_process_does_not_change_the_page() -> None:
    from claimkit.schemas import ClaimBase, register_claim_type, unregister_claim_type

    before = _tool().render()
    from typing import Literal

    class Embargo(ClaimBase):
        type: Literal["embargo_ref_test"] = "embargo_ref_test"

    register_claim_type(Embargo)
    try:
        assert _tool().render() == before
    finally:
        unregister_claim_type("embargo_ref_test")


def test_the_check_mode_fails_on_a_drifted_page(tmp_path: Path) -> None:
    assert_check_mode("schema_reference", tmp_path)
