"""Pass rates of the rules backend on the per-language test sentences.

Reads ``tests/data/rules_sentences/<lang>.jsonl`` (see
``tests/_rules_sentences.py``) and prints, per language and per expected type,
how many sentences the backend gets fully right (type, and actor / modality
where the sentence names them), ignoring the ``known_gap`` marks. ``-v``
lists every failing sentence with the reason. ``--heldout`` reads
``tests/data/rules_sentences_heldout`` instead: sentences written after the
lexicons and mechanisms were tuned on the first set (a few per language after
each round), never tuned on and not part of the test suite (an honest estimate
of how the tuning generalises).

    .venv/bin/python bench/rules_sentences.py [-v] [--heldout]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimkit.extract.rules import RulesBackend  # noqa: E402
from tests._rules_sentences import DATA, check, load_cases  # noqa: E402


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    backend = RulesBackend()
    total: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    directory = DATA.with_name("rules_sentences_heldout") if "--heldout" in argv else DATA
    for case in load_cases(directory):
        problem = check(backend, case)
        for key in (f"lang {case.lang}", f"type {case.type or 'none'}", "all"):
            total[key] += 1
            passed[key] += problem is None
        if problem and verbose:
            print(f"FAIL {case.id}: {case.text}\n     {problem}")
    for key in sorted(total, key=lambda k: (k == "all", k)):
        print(f"{key:<14} {passed[key]:>4}/{total[key]:<4} {passed[key] / total[key]:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
