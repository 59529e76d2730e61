"""py3langid's identifier with its feature count vectorised (see :mod:`._lang`).

Imported on the first language detection only: numpy and py3langid are not
loaded by commands that never detect a language.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from py3langid.langid import LanguageIdentifier

#: deeper automata are walked byte by byte (py3langid's own walk)
_MAX_WINDOW = 16
#: automaton rows expanded at once when measuring its depth
_CHUNK = 1024


def _depth(nextmove: np.ndarray, rowbase: np.ndarray) -> int:
    """The number of bytes from the start state to the farthest state (breadth first).

    Each level marks the states it reaches in a boolean array (no sorting), its
    rows expanded :data:`_CHUNK` at a time so the work arrays stay small.
    """
    seen = np.zeros(len(rowbase), dtype=bool)
    seen[0] = True
    frontier, depth = np.array([0]), 0
    byte = np.arange(256)
    row_marks = np.zeros(len(nextmove) // 256 + 1, dtype=bool)
    while True:
        row_marks[:] = False
        row_marks[rowbase[frontier] >> 8] = True  # states share rows: each row once
        rows = np.flatnonzero(row_marks) << 8
        reached = np.zeros(len(rowbase), dtype=bool)
        for i in range(0, len(rows), _CHUNK):
            reached[nextmove[(rows[i : i + _CHUNK, None] + byte).ravel()]] = True
        reached &= ~seen
        if not reached.any():
            return depth
        seen |= reached
        frontier, depth = np.flatnonzero(reached), depth + 1


class WindowIdentifier(LanguageIdentifier):  # type: ignore[misc]
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
