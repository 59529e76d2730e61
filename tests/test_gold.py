"""Gold loader: reads the bundled gold files, rejects malformed lines with file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimkit.errors import InputError
from claimkit.gold import GoldClaim, load_gold, load_gold_file


def _write(path: Path, rows: list[object]) -> Path:
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n",
        encoding="utf-8",
    )
    return path


CLAIM = {
    "doc": "a1",
    "type": "pledge",
    "actor": ["Canada"],
    "evidence": ["Canada will send troops"],
    "date": "2025-03-27",
    "modality": "firm",
    "attributes": {"what": "troops"},
}


def test_bundled_gold_loads(gold_dir: Path) -> None:
    claims = load_gold(gold_dir)
    files = sorted(gold_dir.glob("*.jsonl"))
    assert {c.doc for c in claims} == {f.stem for f in files}
    n_lines = sum(1 for f in files for line in f.read_text("utf-8").splitlines() if line.strip())
    assert len(claims) == n_lines
    assert all(c.evidence for c in claims)
    assert any(c.optional for c in claims)


def test_fields_and_defaults(tmp_path: Path) -> None:
    minimal = {"type": "meeting", "evidence": ["they met"]}
    _write(tmp_path / "a1.jsonl", [CLAIM, "", minimal])
    first, second = load_gold(tmp_path)
    assert first == GoldClaim(
        doc="a1",
        type="pledge",
        evidence=("Canada will send troops",),
        actor=("Canada",),
        date="2025-03-27",
        modality="firm",
        attributes={"what": "troops"},
        optional=False,
        source=f"{tmp_path / 'a1.jsonl'}:1",
    )
    # no doc field: the file stem; blank lines are skipped but counted
    assert second.doc == "a1" and second.actor == () and not second.optional
    assert second.source.endswith("a1.jsonl:3")


def test_non_jsonl_files_are_ignored(tmp_path: Path) -> None:
    _write(tmp_path / "b.jsonl", [CLAIM])
    (tmp_path / "GUIDELINES.md").write_text("# not gold", encoding="utf-8")
    assert len(load_gold(tmp_path)) == 1


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "JSON object"),
        (json.dumps({**CLAIM, "evidence": []}), "evidence"),
        (json.dumps({**CLAIM, "type": None}), "type"),
        (json.dumps({**CLAIM, "modality": "sure"}), "modality"),
        (json.dumps({**CLAIM, "optional": "yes"}), "optional"),
    ],
)
def test_malformed_line_names_file_and_line(tmp_path: Path, bad: str, words: str) -> None:
    path = _write(tmp_path / "x.jsonl", [CLAIM, CLAIM, bad])
    with pytest.raises(InputError) as info:
        load_gold_file(path)
    message = str(info.value)
    assert f"{path}:3" in message
    assert words in message


def test_missing_or_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such gold"):
        load_gold(tmp_path / "nope")
    with pytest.raises(InputError, match="no \\*.jsonl"):
        load_gold(tmp_path)
