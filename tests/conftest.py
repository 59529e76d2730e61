"""Shared fixtures: paths to the bundled sample articles and their gold claims."""

from __future__ import annotations

from pathlib import Path

import pytest

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
