"""Pass rates of the rules backend on the actor sentences, per mechanism and language.

Reads ``tests/data/rules_actors.jsonl`` (see ``tests/_rules_actors.py``) and
prints how many sentences get the expected actors, ignoring the ``known_gap``
marks; ``-v`` lists each failing sentence with what went wrong.

    .venv/bin/python bench/rules_actors.py [-v]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimkit.extract.rules import RulesBackend  # noqa: E402
from tests._rules_actors import check_actor, load_actor_cases  # noqa: E402


def main(argv: list[str]) -> None:
    backend = RulesBackend()
    total: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    for case in load_actor_cases():
        problem = check_actor(backend, case)
        for key in (f"mechanism {case.mechanism}", f"lang {case.lang}", "all"):
            total[key] += 1
            passed[key] += problem is None
        if problem and "-v" in argv:
            print(f"FAIL {case.id}: {case.text}\n     {problem}")
    for key in sorted(total, key=lambda k: (k == "all", k)):
        print(f"{key:<26} {passed[key]:>3}/{total[key]:<3} {passed[key] / total[key]:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
