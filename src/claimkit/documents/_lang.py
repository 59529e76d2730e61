"""Language identification with py3langid, whose model ships in the package.

The model is unpacked on first use in a process (about 0.7 s) and kept for
the rest of the process. No network, no download, nothing written to disk.

py3langid counts its byte n-gram features by walking its automaton over the
text one byte at a time in a Python loop (about 0.3 µs a byte: a third of
what loading a folder of articles costs). The automaton is an Aho-Corasick
one: the state after a byte is fixed by the last few bytes (at most the
depth of its deepest state, 6 in the shipped model). :class:`_WindowIdentifier`
computes every position's state at once with numpy, one vectorised step per
byte of that window, and feeds the same feature counts, in the same order, to
py3langid's own scoring: the same labels and confidences, bit for bit
(``tests/test_documents_lang.py`` compares it with py3langid's walk).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import numpy as np
from py3langid.langid import LanguageIdentifier

logger = logging.getLogger(__name__)

# py3langid labels that are not ISO 639-1 but have a macrolanguage that is.
_ALIASES = {"ary": "ar", "arz": "ar", "yue": "zh", "wuu": "zh", "gug": "gn", "uzs": "uz"}
# Below this probability the guess is too weak to report.
_MIN_CONFIDENCE = 0.5
# Enough text to decide; more only costs time.
_MAX_CHARS = 4000
_MIN_LETTERS = 12
#: deeper automata are walked byte by byte (py3langid's own walk)
_MAX_WINDOW = 16

_lock = threading.Lock()
_identifier: Any = None


def _depth(nextmove: np.ndarray, rowbase: np.ndarray) -> int:
    """The number of bytes from the start state to the farthest state (breadth first)."""
    seen = np.zeros(len(rowbase), dtype=bool)
    seen[0] = True
    frontier, depth = np.array([0]), 0
    byte = np.arange(256)
    while True:
        rows = np.unique(rowbase[frontier])  # states share rows: each row once
        reached = np.unique(nextmove[(rows[:, None] + byte).ravel()])
        reached = reached[~seen[reached]]
        if not len(reached):
            return depth
        seen[reached] = True
        frontier, depth = reached, depth + 1


class _WindowIdentifier(LanguageIdentifier):  # type: ignore[misc]
    """py3langid's identifier, its feature walk vectorised (see the module's docstring)."""

    __slots__ = ("_next", "_out", "_rows", "_window")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._next = np.frombuffer(self.tk_nextmove, dtype=f"u{self.tk_nextmove.itemsize}")
        self._rows = np.asarray(self._rowbase, dtype=np.int64)
        self._out = np.asarray(self.tk_output, dtype=np.int64)
        self._window = _depth(self._next, self._rows)

    def _raw_score(self, text: bytes) -> Any:
        if self._window > _MAX_WINDOW:
            return super()._raw_score(text)
        data = np.frombuffer(text, dtype=np.uint8)
        n = len(data)
        state = np.zeros(n, dtype=np.int64)
        # the state after byte p: the walk from the start over bytes p-w+1 .. p
        for back in range(min(self._window, n) - 1, -1, -1):
            step = self._next[self._rows[state[back:]] + data[: n - back]]
            state[back:] = step
        found = self._out[state]
        found = found[found >= 0]
        if not len(found):
            return super()._raw_score(b"")
        # the features in the order they first occur, as py3langid's Counter has them
        features, first, counts = np.unique(found, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        idx = features[order].astype(np.intp)
        return np.log1p(counts[order].astype(np.float32)) @ self.nb_ptc[idx] + self.nb_pc


def _load() -> Any:
    from py3langid.langid import MODEL_FILE

    try:
        return _WindowIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    except (AttributeError, TypeError, ValueError) as exc:  # another py3langid's internals
        logger.debug("py3langid's own feature walk (%s)", exc)
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _get() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            _identifier = _load()
        return _identifier


def _has_letters(sample: str) -> bool:
    """At least :data:`_MIN_LETTERS` letters (stops counting there: most texts decide at once)."""
    letters = 0
    for ch in sample:
        if ch.isalpha():
            letters += 1
            if letters >= _MIN_LETTERS:
                return True
    return False


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
    if not _has_letters(sample):
        return None
    label, confidence = _get().classify(sample)
    label = str(label)
    if confidence < _MIN_CONFIDENCE or label in ("zxx", "und"):
        return None
    return _ALIASES.get(label, label)
