"""Load a generator under tools/ as its script run would, and check its ``--check`` mode."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"


def load_tool(name: str) -> ModuleType:
    """``tools/NAME.py`` as a module; tools/ is on the path while it loads, as when it runs as a script."""
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(TOOLS))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(TOOLS))
    return module


def assert_check_mode(name: str, tmp_path: Path) -> None:
    """``--check`` exits 1 on a stale page and 0, run as a script, on the page in the tree."""
    tool = load_tool(name)
    page = tmp_path / tool.PAGE.name
    tool.ROOT, tool.PAGE = tmp_path, page
    page.write_text("stale\n", encoding="utf-8")
    argv, sys.argv = sys.argv, [f"{name}.py", "--check"]
    try:
        assert tool.main() == 1
    finally:
        sys.argv = argv
    assert page.read_text(encoding="utf-8") == "stale\n", "--check must not rewrite the page"
    result = subprocess.run([sys.executable, str(TOOLS / f"{name}.py"), "--check"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
