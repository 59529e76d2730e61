"""Language identification with py3langid, whose model ships in the package.

The model is unpacked on first use in a process (about 0.7 s) and kept for
the rest of the process. No network, no download, nothing written to disk.

py3langid counts its byte n-gram features by walking its automaton over the
text one byte at a time in a Python loop (about 0.3 µs a byte: a third of
what loading a folder of articles costs). The automaton is an Aho-Corasick
one: the state after a byte is fixed by the last few bytes (at most the
depth of its deepest state, 6 in the shipped model). :class:`._langwindow.WindowIdentifier`
computes every position's state at once with numpy, one vectorised step per
byte of that window, and feeds the same feature counts, in the same order, to
py3langid's own scoring: the same labels and confidences, bit for bit
(``tests/test_documents_lang.py`` compares it with py3langid's walk).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

logger = logging.getLogger(__name__)

# py3langid labels that are not ISO 639-1 but have a macrolanguage that is.
_ALIASES = {"ary": "ar", "arz": "ar", "yue": "zh", "wuu": "zh", "gug": "gn", "uzs": "uz"}
# Below this probability the guess is too weak to report.
_MIN_CONFIDENCE = 0.5
# Enough text to decide; more only costs time.
_MAX_CHARS = 4000
_MIN_LETTERS = 12

_lock = threading.Lock()
_identifier: Any = None


def _load() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from claimkit.documents._langwindow import WindowIdentifier

    try:
        return WindowIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
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
