"""Old and new forms of named functions in one process, alternated (a benchmark, not a test).

``bench/extract.py --against REV`` times two whole trees in child processes; on a
shared machine their rounds differ by ±10-20 % with the load, so a step worth a
few per cent cannot be seen there. This runs the working tree in one process and
swaps in, for the "old" rounds, the forms that git revision ``REV`` had of the
functions named on the command line (each loaded from ``git archive REV`` with its
own module's globals, so it calls the helpers it called then); everything else is
the working tree's. The rounds alternate (the first of each round alternates too),
each times the rules backend over the same bench documents (``bench/extract.py``'s
corpus, after its warm-up) with ``time.process_time``, and the drafts of both forms
are compared.

    .venv/bin/python bench/swap.py REV [--rounds K] [--docs N] MODULE:NAME [MODULE:NAME ...]

``NAME`` is a module attribute (``merge_candidates``) or a class attribute
(``RulesBackend._clause_hits``). A name the working tree imports from another
module (``claimkit.extract.rules.backend:merge_candidates``) is swapped where it is
looked up: name that module.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import io
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extract import corpus, warm_up  # noqa: E402  (bench/extract.py: the same documents)

from claimkit.extract.rules import RulesBackend  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _old_module(tree: Path, module: str, cache: dict[str, ModuleType]) -> ModuleType:
    """``module`` as the old tree has it, loaded under a private name (its imports of other
    claimkit modules get the working tree's: only its own functions are old)."""
    if module not in cache:
        path = tree.joinpath(*module.split(".")).with_suffix(".py")
        name = "_old_" + module.replace(".", "_")
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            raise SystemExit(f"{module}: not in the old tree ({path})")
        loaded = importlib.util.module_from_spec(spec)
        sys.modules[name] = loaded  # dataclasses look their module up while the class is built
        spec.loader.exec_module(loaded)
        cache[module] = loaded
    return cache[module]


def _holder_and_attr(module: ModuleType, name: str) -> tuple[Any, str]:
    *path, attr = name.split(".")
    holder: Any = module
    for part in path:
        holder = getattr(holder, part)
    return holder, attr


def _forms(tree: Path, names: list[str]) -> list[tuple[Any, str, Any, Any]]:
    """For each ``MODULE:NAME``: where it lives in the working tree, its new and its old form."""
    cache: dict[str, ModuleType] = {}
    out = []
    for spec in names:
        module, _, name = spec.partition(":")
        holder, attr = _holder_and_attr(importlib.import_module(module), name)
        old_holder, _ = _holder_and_attr(_old_module(tree, module, cache), name)
        new, old = holder.__dict__[attr], old_holder.__dict__[attr]
        out.append((holder, attr, new, old))
    return out


def _use(forms: list[tuple[Any, str, Any, Any]], old: bool) -> None:
    for holder, attr, new_form, old_form in forms:
        setattr(holder, attr, old_form if old else new_form)


def _run(backend: RulesBackend, docs: list[Any]) -> tuple[float, list[str]]:
    gc.collect()
    start = time.process_time()
    results = [backend.extract(d) for d in docs]
    seconds = time.process_time() - start
    return seconds, ["\n".join(repr(x) for x in r.drafts) for r in results]


def _tree(rev: str, tmp: Path) -> Path:
    done = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, "src"], capture_output=True)
    if done.returncode != 0:
        raise SystemExit(f"git archive {rev} failed: {done.stderr.decode(errors='replace').strip()[:200]}")
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as tar:
        tar.extractall(tmp, filter="data")
    return tmp / "src"


def main(argv: list[str]) -> None:
    if not argv or argv[0].startswith("-"):
        raise SystemExit(__doc__)
    rev, rest = argv[0], argv[1:]
    rounds = int(rest[rest.index("--rounds") + 1]) if "--rounds" in rest else 8
    n = int(rest[rest.index("--docs") + 1]) if "--docs" in rest else 400
    names = [a for i, a in enumerate(rest) if ":" in a and (i == 0 or rest[i - 1] not in ("--rounds", "--docs"))]
    with tempfile.TemporaryDirectory() as name:
        forms = _forms(_tree(rev, Path(name)), names)
        backend = RulesBackend()
        warm_up(backend)
        docs = corpus(n)
        times: dict[bool, list[float]] = {False: [], True: []}
        drafts: dict[bool, list[str]] = {}
        print(f"load average before: {os.getloadavg()[0]:.1f}")
        for r in range(rounds):
            for old in (False, True) if r % 2 == 0 else (True, False):
                _use(forms, old)
                seconds, drafts[old] = _run(backend, docs)
                times[old].append(seconds)
        _use(forms, False)
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    print(f"{len(names)} functions swapped, {n} documents, {rounds} rounds alternated in one process (s of CPU):")
    for old, label in ((False, "working tree"), (True, f"{rev}'s forms")):
        print(f"  {label:<20} " + "  ".join(f"{t:.3f}" for t in times[old]) + f"  (min {min(times[old]):.3f})")
    ratios = [o / w for w, o in zip(times[False], times[True], strict=True)]
    print(f"  {rev} / working tree, per round: " + "  ".join(f"x{x:.3f}" for x in ratios)
          + f" (median x{statistics.median(ratios):.3f}; faster in {sum(x > 1 for x in ratios)} of {rounds};"
          f" ratio of the minimums x{min(times[True]) / min(times[False]):.3f})")
    print(f"  drafts: {'identical' if drafts[False] == drafts[True] else 'DIFFERENT'} ({n} documents)")


if __name__ == "__main__":
    main(sys.argv[1:])
