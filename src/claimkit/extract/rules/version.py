"""The rules backend's version: what its records and a resumed run tell its output by.

An LLM backend's version is its prompt and schema version; the rules backend's output
depends on claimkit's code and on data: the cue tables, the claim types asked for and
their models, whether repeated mentions merge, and the gazetteer and place tables. Its
version names them all, so that records (and the claim store) made by another claimkit
release or with other cue or gazetteer files are told apart from this run's.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
from collections.abc import Mapping, Sequence
from typing import Any

from claimkit.extract.rules.cues import CueBook

__all__ = ["RULES_VERSION", "rules_version"]

#: the start of every rules version (bumped when the version's form changes)
RULES_VERSION = "rules-1"


@functools.cache
def release() -> str:
    """claimkit's release as installed (its distribution's version; ``0+unknown`` when it
    runs from a source tree that is not installed)."""
    try:
        return importlib.metadata.version("claimkit")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"


def _table_digest(table: Any) -> str:
    """A gazetteer's or place table's digest; another object (a user's finder) is named by
    its class, which is all that can be known of it."""
    digest = getattr(table, "digest", None)
    if isinstance(digest, str):
        return digest
    kind = type(table)
    return f"{kind.__module__}.{kind.__qualname__}"


def rules_version(cues: CueBook, types: Sequence[str], models: Mapping[str, Any], merge: bool,
                  gazetteer: Any, places: Any) -> str:
    """``rules-1-RELEASE-DIGEST``: claimkit's release, then a digest of the cue data,
    the ``types`` asked for, the JSON schemas of the claim ``models`` the cue data
    declares, ``merge``, and the ``gazetteer`` (None: the default one) and ``places``."""
    from claimkit.normalize import Gazetteer

    if gazetteer is None:
        gazetteer = Gazetteer.default()
    parts = {
        "cues": cues.digest,
        "types": sorted(set(types)),  # the backend keeps the types of a set: order tells nothing
        "models": {name: model.model_json_schema() for name, model in sorted(models.items())},
        "merge": merge,
        "gazetteer": _table_digest(gazetteer),
        "places": _table_digest(places),
    }
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{RULES_VERSION}-{release()}-{digest}"
