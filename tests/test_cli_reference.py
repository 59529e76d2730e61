"""docs/cli-reference.md is what the commands' --help says (make cli-reference rewrites it)."""

from __future__ import annotations

from pathlib import Path

from tests._tools import assert_check_mode, load_tool

ROOT = Path(__file__).resolve().parent.parent


def _tool():  # type: ignore[no-untyped-def]
    return load_tool("cli_reference")


def test_the_cli_reference_has_not_drifted() -> None:
    page = (ROOT / "docs" / "cli-reference.md").read_text(encoding="utf-8")
    assert page == _tool().render(), "docs/cli-reference.md is out of date: run `make cli-reference`"


def test_every_command_and_option_is_on_the_page() -> None:
    from claimkit.cli import main

    page = (ROOT / "docs" / "cli-reference.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"## `claimkit {name}`" in page
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert opt in page, f"{name} {opt}"


def test_the_check_mode_fails_on_a_drifted_page(tmp_path: Path) -> None:
    assert_check_mode("cli_reference", tmp_path)
