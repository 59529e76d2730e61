"""On-disk cache of LLM extraction results, so that a rerun costs no tokens.

The key is a hash of (document text, title, publication date, language: all
that the model reads), the model name and the prompt/schema version (see
:func:`claimkit.extract.llm.prompts.prompt_version`). A changed prompt, schema,
registered claim type or model therefore misses the cache; nothing needs
invalidating by hand. Delete the directory to empty it.

Entries are small JSON files written atomically (write to a temporary file,
then rename), so concurrent runs and a killed run never leave a half-written
entry behind.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from claimkit.schemas import ClaimBase, Document, parse_claim

__all__ = ["ResponseCache", "cache_key"]

log = logging.getLogger(__name__)


def cache_key(document: Document, model: str, version: str) -> str:
    """Hex key of what the model reads of ``document``, the model and the version."""
    h = hashlib.sha256()
    for part in (
        document.text,
        document.title or "",
        document.published.isoformat() if document.published else "",
        document.language or "",
        model,
        version,
    ):
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


class ResponseCache:
    """Extraction results on disk, one JSON file per key.

    Args:
        directory: where entries live (created on first write).
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)

    def _path(self, key: str) -> Path:
        return self.directory / "extract" / key[:2] / f"{key}.json"

    def get(self, document: Document, model: str, version: str) -> list[ClaimBase] | None:
        """The cached claims for ``document`` re-issued under its id, or None on a miss."""
        path = self._path(cache_key(document, model, version))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            claims = [
                parse_claim({**c, "doc_id": document.id, "id": ""}) for c in data["claims"]
            ]
        except FileNotFoundError:
            return None
        except Exception as exc:  # noqa: BLE001 - a corrupt or outdated entry is a miss
            log.warning("ignoring unreadable cache entry %s: %s", path, exc)
            return None
        log.debug("cache hit for %s (%s)", document.id, path.name)
        return claims

    def put(
        self, document: Document, model: str, version: str, claims: list[ClaimBase]
    ) -> None:
        """Store the claims of ``document``; failures to write are logged, not raised."""
        path = self._path(cache_key(document, model, version))
        payload: dict[str, Any] = {
            "model": model,
            "version": version,
            "claims": [
                c.model_dump(mode="json", exclude={"id", "doc_id"}) for c in claims
            ],
        }
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(payload, fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError as exc:
            log.warning("could not write the cache entry %s: %s", path, exc)
