"""What the generated docs pages share: write the page, or check that it has not drifted.

``tools/cli_reference.py`` and ``tools/schema_reference.py`` each render one
page; both are run the same way (``--check`` exits 1 when the page on disk
differs from what they render, as the tests and ``make`` targets expect).
"""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(page: Path, root: Path, text: str, target: str, argv: list[str]) -> int:
    """Write ``text`` to ``page``, or with ``--check`` in ``argv`` compare them (exit code 1 on drift)."""
    name = page.relative_to(root)
    if "--check" in argv:
        current = page.read_text(encoding="utf-8") if page.exists() else ""
        if current != text:
            print(f"{name} is out of date: run `make {target}`", file=sys.stderr)
            return 1
        return 0
    page.write_text(text, encoding="utf-8")
    print(name)
    return 0
