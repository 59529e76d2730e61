"""What the hostile-input tests share: two small articles, their records as ``claimkit
extract`` writes them, a gold folder for ``eval``, and a test environment with no LLM
endpoint, price table, gazetteer, plugin or store configured.

``tests/test_hostile.py``, ``test_hostile_round5.py`` and ``test_hostile_terminal.py`` use
these; a module takes the fixture by importing it (``from tests._hostile import
no_endpoint as no_endpoint``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimkit.cli import main

A_TEXT = (
    "Macron pledges more air defence for Ukraine\n\n"
    "PARIS, 27 March 2025. French President Emmanuel Macron pledged on Thursday to send "
    "additional air defence systems to Ukraine, and said France would provide 2 billion "
    "euros in military aid this year.\n"
)
Z_TEXT = (
    "Kremlin rejects ceasefire plan\n\n"
    "MOSCOW, 28 March 2025. Russia rejected the proposed ceasefire plan on Friday, Kremlin "
    "spokesman Dmitry Peskov said, warning that European troops in Ukraine would be a "
    "legitimate target.\n"
)

#: the variables that point a command at an endpoint, a price table, a gazetteer, plugins or a store
SETTINGS_VARIABLES = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "CLAIMKIT_API_KEY", "CLAIMKIT_BASE_URL",
                      "CLAIMKIT_PRICES", "CLAIMKIT_GAZETTEER", "CLAIMKIT_PLUGINS", "CLAIMKIT_DB")


@pytest.fixture(autouse=True)
def no_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test of a module that imports this runs with none of ``SETTINGS_VARIABLES`` set."""
    for var in SETTINGS_VARIABLES:
        monkeypatch.delenv(var, raising=False)


def two_article_lines(folder: Path) -> list[str]:
    """The JSONL lines ``claimkit extract --backend rules`` writes for ``A_TEXT`` and ``Z_TEXT``
    (saved in ``folder`` as a.txt and z.txt): document a, then z, each with claims."""
    (folder / "a.txt").write_text(A_TEXT, encoding="utf-8")
    (folder / "z.txt").write_text(Z_TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(folder / "a.txt"), str(folder / "z.txt"),
                                       "--backend", "rules"])
    assert result.exit_code == 0, result.stderr
    lines = sorted(result.stdout.splitlines(), key=lambda ln: json.loads(ln)["document"]["id"])
    assert len(lines) == 2 and all(json.loads(ln)["claims"] for ln in lines), lines
    return lines


def gold_dir(folder: Path) -> str:
    """A gold folder (``folder/gold``) with one pledge of document a, for ``claimkit eval``."""
    gold = folder / "gold"
    gold.mkdir(exist_ok=True)
    (gold / "a.jsonl").write_text(json.dumps({"doc": "a", "type": "pledge", "actor": ["France"],
                                              "evidence": ["would provide 2 billion euros"]}) + "\n",
                                  encoding="utf-8")
    return str(gold)
