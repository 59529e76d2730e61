"""On-disk cache of LLM extraction results, so that a rerun costs no tokens.

The key is a hash of (document text, title, publication date, language: all
that the model reads), the model name and the prompt/schema version (see
:func:`claimkit.extract.llm.prompts.prompt_version`). A changed prompt, schema,
registered claim type or model therefore misses the cache; nothing needs
invalidating by hand. Delete the directory to empty it.

Entries are small JSON files written atomically (write to a temporary file,
then rename), so concurrent runs and a killed run never leave a half-written
entry behind.

A cached reply is trusted no more than a fresh one: on every hit each claim
is validated against its claim model again and every evidence span must be
the document's slice at its offsets (the checks a fresh reply goes through).
An entry that fails (edited, planted, or written by an older version) is
deleted with one warning and the document is asked about again. An entry
that would hold the configured key, or anything shaped like a secret
(:mod:`claimkit.redact`), is not written.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claimkit.extract.base import verify_span
from claimkit.redact import redact
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
        secrets: keys that must never be written to an entry (the configured
            API key; those in the environment are always checked).
    """

    def __init__(
        self, directory: str | os.PathLike[str], *, secrets: Iterable[str | None] = ()
    ) -> None:
        self.directory = Path(directory)
        self.secrets = tuple(s for s in secrets if s)

    def _path(self, key: str) -> Path:
        return self.directory / "extract" / key[:2] / f"{key}.json"

    def get(self, document: Document, model: str, version: str) -> list[ClaimBase] | None:
        """The cached claims for ``document`` re-issued under its id, or None on a miss.

        An entry that does not pass the checks of a fresh reply (see the
        module docstring) is deleted, with one warning, and is a miss.
        """
        path = self._path(cache_key(document, model, version))
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("%s: cannot read the cache entry %s: %s", document.id, path, exc.strerror)
            return None
        try:
            claims, problem = _checked(json.loads(text), document, model, version)
        except Exception as exc:  # noqa: BLE001 - anything unreadable is a bad entry
            claims, problem = [], f"unreadable: {' '.join(str(exc).split())[:200]}"
        if problem:
            log.warning("%s: cached reply %s dropped, asking again: %s",
                        document.id, path.name, redact(problem, self.secrets))
            self._drop(path)
            return None
        log.debug("cache hit for %s (%s)", document.id, path.name)
        return claims

    def _drop(self, path: Path) -> None:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            log.debug("could not delete the cache entry %s: %s", path, exc)

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
        text = json.dumps(payload, ensure_ascii=False)
        if redact(text, self.secrets) != text:
            log.info("%s: not cached: the reply holds something shaped like a secret",
                     document.id)
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, path)
        except OSError as exc:
            log.warning("could not write the cache entry %s: %s", path, exc)


def _checked(
    data: Any, document: Document, model: str, version: str
) -> tuple[list[ClaimBase], str | None]:
    """The entry's claims re-issued for ``document``, and what is wrong with them (None: nothing).

    The checks of a fresh reply: the entry is for this model and version,
    every claim validates against its model, every evidence span is the
    document's text at its offsets.
    """
    if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
        return [], "not a cache entry (no list of claims)"
    if data.get("model") != model or data.get("version") != version:
        return [], "written for another model or prompt version"
    claims = [parse_claim({**c, "doc_id": document.id, "id": ""}) for c in data["claims"]]
    for i, claim in enumerate(claims, 1):
        for span in claim.evidence:
            if not verify_span(document, span):
                return [], (f"claim {i} ({claim.type}): evidence {span.start}-{span.end} "
                            "is not that text of the document")
    return claims, None
