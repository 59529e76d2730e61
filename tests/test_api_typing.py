"""The library API type-checks in a user's own script (mypy --strict, as a user runs it)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

USER_SCRIPT = textwrap.dedent('''
    import asyncio

    import claimkit
    from claimkit.extract import BackendOptions, create_backend
    from claimkit.schemas import ClaimBase, DocumentClaims, Failure


    def main() -> int:
        docs = claimkit.load_documents(["examples/articles"])
        result: claimkit.ExtractionResult = claimkit.extract(docs, backend="rules")
        for record in result:  # DocumentClaims only: a failure cannot reach this loop
            for claim in record.claims:
                print(claim.type, [a.label for a in claim.actor], claim.evidence[0].text)
        failures: list[Failure] = result.failures
        claims: list[ClaimBase] = result.claims
        again = asyncio.run(claimkit.aextract(["Canada will send troops."], concurrency=2))
        first: DocumentClaims = again.documents[0]
        backend = create_backend("rules", BackendOptions(types=("pledge",)))
        report = claimkit.validate(result.records)
        return len(claims) + len(failures) + len(first.claims) + len(report.findings) + len(backend.name)


    if __name__ == "__main__":
        main()
''')

BROKEN_SCRIPT = textwrap.dedent('''
    import claimkit

    result = claimkit.extract(["text"])
    for record in result.records:
        print(record.claims)  # a Failure has no claims: mypy must say so
''')


def _mypy(tmp_path: Path, script: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "user_script.py"
    path.write_text(script, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental",
         "--cache-dir", str(tmp_path / "cache"), str(path)],
        capture_output=True, text=True, timeout=600,
    )


def test_a_users_script_passes_mypy_strict_and_runs(tmp_path: Path, repo_root: Path) -> None:
    result = _mypy(tmp_path, USER_SCRIPT)
    assert result.returncode == 0, result.stdout + result.stderr
    run = subprocess.run([sys.executable, str(tmp_path / "user_script.py")], cwd=repo_root,
                         capture_output=True, text=True, timeout=300,
                         env={"PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert "pledge" in run.stdout


def test_mypy_catches_a_loop_that_would_crash_on_a_failure(tmp_path: Path) -> None:
    result = _mypy(tmp_path, BROKEN_SCRIPT)
    assert result.returncode == 1
    assert 'Item "Failure" of "DocumentClaims | Failure" has no attribute "claims"' in result.stdout
