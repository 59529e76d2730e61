"""Shared fixtures: paths to the bundled sample articles and their gold claims, the rules
backend."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from claimkit.extract.rules import RulesBackend

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def articles_dir() -> Path:
    """The five sample articles (copies of ../shared/seeds)."""
    return EXAMPLES / "articles"


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """Gold claims of the sample articles (copies of ../shared/gold/dev)."""
    return EXAMPLES / "gold"


@pytest.fixture(scope="module")
def backend() -> RulesBackend:
    """The rules backend, one per test module (a module defining its own ``backend``
    fixture uses that one); ``tests/_rules_helpers.py`` reads sentences with it."""
    from claimkit.extract.rules import RulesBackend

    return RulesBackend()


# --------------------------------------------------------------------------------------
# Span integrity over every output of the test suite.
#
# Every DocumentClaims built in-process by any test (pipeline, backends, CLI through
# CliRunner, report, validation) is recorded, and after each test every span of every
# claim is checked against its document: `span.text == document.text[start:end]`.
# A test that builds bad spans on purpose (to test the integrity check) opts out with
# `@pytest.mark.allow_bad_spans`.

_EMITTED: list[object] = []


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "allow_bad_spans: this test builds records with bad spans on purpose"
    )


def span_problems(record: object) -> list[str]:
    """Spans of a DocumentClaims record whose text is not its document's slice."""
    from claimkit.schemas import DocumentClaims

    if not isinstance(record, DocumentClaims):
        return []
    text = record.document.text
    bad = []
    for claim in record.claims:
        for span in claim.evidence:
            if not (0 <= span.start <= span.end <= len(text)) or text[span.start : span.end] != span.text:
                bad.append(f"{claim.id} {span.start}:{span.end} {span.text!r}")
    return bad


@pytest.fixture(autouse=True)
def _every_emitted_span_is_a_document_slice(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> object:
    from claimkit.schemas import DocumentClaims

    original = DocumentClaims.__init__

    def recording_init(self: DocumentClaims, /, **data: object) -> None:
        original(self, **data)
        _EMITTED.append(self)

    monkeypatch.setattr(DocumentClaims, "__init__", recording_init)
    start = len(_EMITTED)
    yield
    if request.node.get_closest_marker("allow_bad_spans"):
        return
    bad = [p for record in _EMITTED[start:] for p in span_problems(record)]
    assert not bad, f"spans that are not document slices: {bad[:5]}"


@pytest.fixture(scope="session", autouse=True)
def _span_census() -> object:
    """Report how many records and spans the integrity check saw (a check that saw
    nothing would prove nothing)."""
    yield
    spans = sum(
        len(c.evidence) for r in _EMITTED for c in getattr(r, "claims", [])
    )
    print(f"\nspan integrity: {len(_EMITTED)} records, {spans} spans checked")
