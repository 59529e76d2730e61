"""docs/cli-reference.md is what the commands' --help says (make cli-reference rewrites it)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "tools" / "cli_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
    tool = _tool()
    tool.PAGE = tmp_path / "cli-reference.md"
    tool.PAGE.write_text("stale\n", encoding="utf-8")
    sys.argv = ["cli_reference.py", "--check"]
    try:
        tool.ROOT = tmp_path
        assert tool.main() == 1
    finally:
        sys.argv = sys.argv[:1]
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "cli_reference.py"), "--check"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
