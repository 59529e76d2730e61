"""Language identification with py3langid, whose model ships in the package.

py3langid keeps its model as an xz-compressed npz; unpacking it takes about
0.7 s, longer than loading every sample article. The unpacked arrays are
therefore cached once as plain ``.npy`` files (about 66 MB) under
``$CLAIMKIT_CACHE_DIR`` (default ``$XDG_CACHE_HOME/claimkit`` or
``~/.cache/claimkit``) and memory-mapped afterwards (about 0.04 s). Set
``CLAIMKIT_NO_MODEL_CACHE=1`` to skip the cache; any cache problem falls back
to py3langid's own loader.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from importlib import metadata
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
# py3langid labels that are not ISO 639-1 but have a macrolanguage that is.
_ALIASES = {"ary": "ar", "arz": "ar", "yue": "zh", "wuu": "zh", "gug": "gn", "uzs": "uz"}
# Below this probability the guess is too weak to report.
_MIN_CONFIDENCE = 0.5
# Enough text to decide; more only costs time.
_MAX_CHARS = 4000
_MIN_LETTERS = 12

_lock = threading.Lock()
_identifier: Any = None


def cache_dir() -> Path:
    """Directory where claimkit caches unpacked models."""
    explicit = os.environ.get("CLAIMKIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "claimkit"


def _model_dir() -> Path:
    return cache_dir() / f"py3langid-{metadata.version('py3langid')}"


def _from_cache(folder: Path) -> Any:
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in _ARRAYS}
    return LanguageIdentifier(
        arrays["ptc"],
        np.asarray(arrays["pc"]),
        arrays["classes"].tolist(),
        _to_array(arrays["nextmove"]),
        arrays["out_feat"].tolist(),
        norm_probs=True,
        tk_row=_to_array(arrays["nextmove_row"]),
    )


def _write_cache(folder: Path) -> None:
    import lzma

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".py3langid-", dir=folder.parent))
    try:
        npz = tmp / "model.npz"
        with lzma.open(MODEL_DIR / MODEL_FILE) as packed, npz.open("wb") as out:
            shutil.copyfileobj(packed, out, length=1 << 20)
        with np.load(npz, allow_pickle=False) as data:
            for name in _ARRAYS:
                np.save(tmp / f"{name}.npy", data[name], allow_pickle=False)
        npz.unlink()
        os.replace(tmp, folder)  # atomic: readers see all arrays or none
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _load() -> Any:
    if os.environ.get("CLAIMKIT_NO_MODEL_CACHE") != "1":
        folder = _model_dir()
        try:
            if not folder.is_dir():
                _write_cache(folder)
            return _from_cache(folder)
        except Exception as exc:  # noqa: BLE001 - any cache trouble: use the packed model
            logger.debug("language model cache unusable (%s); loading the packed model", exc)
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _get() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            _identifier = _load()
        return _identifier


def detect_language(text: str) -> str | None:
    """Detect the language of ``text``.

    Args:
        text: any text; only its first few thousand characters are read.

    Returns:
        An ISO 639-1 code ('en', 'zh', 'ja', 'vi', 'id', ...), a three-letter
        ISO 639-3 code for the few languages py3langid knows that have no
        two-letter code, or ``None`` when the text is too short, has no
        letters, or the guess is not confident.
    """
    sample = text[:_MAX_CHARS]
    if sum(1 for ch in sample if ch.isalpha()) < _MIN_LETTERS:
        return None
    label, confidence = _get().classify(sample)
    label = str(label)
    if confidence < _MIN_CONFIDENCE or label in ("zxx", "und"):
        return None
    return _ALIASES.get(label, label)
