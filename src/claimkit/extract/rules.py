"""Offline rules backend. PLACEHOLDER: returns no claims until the real one lands."""

from __future__ import annotations

from claimkit.extract.base import Draft
from claimkit.schemas import Document

__all__ = ["RulesBackend"]


class RulesBackend:
    name = "rules"

    def extract(self, document: Document) -> list[Draft]:
        return []
