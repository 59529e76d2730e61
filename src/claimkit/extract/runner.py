"""Run an extraction into a JSONL file: streaming writes and resume.

* :func:`run_extraction` writes each record as its document finishes and
  flushes the line, so a killed run keeps what it finished (concurrency,
  budget and totals come from :mod:`claimkit.extract.streaming`).
* **Resume**: :func:`prepare_resume` reads the ids of the documents an output
  file already holds (and cuts off a half-written last line); the caller
  skips them and appends. Failures are not "done": a resumed run retries them.

Nothing here changes process-wide state (the command line, not the library,
tunes the garbage collector for long runs; see ``claimkit.cli``).
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO

from claimkit.extract.pipeline import Extractor
from claimkit.extract.streaming import Record, RunSummary
from claimkit.schemas import Document, DocumentClaims

__all__ = ["RunSummary", "prepare_resume", "run_extraction"]

log = logging.getLogger(__name__)


def prepare_resume(path: str | os.PathLike[str]) -> set[str]:
    """Ids of the documents an output file already holds; ready the file for appending.

    A last line cut off by a killed run is removed (its document is redone).
    Failure records are not counted as done, so a resumed run retries them.
    """
    from claimkit.io import read_records

    target = Path(path)
    if not target.exists():
        return set()
    data = target.read_bytes()
    if data and not data.endswith(b"\n"):
        cut = data.rfind(b"\n") + 1
        log.warning("%s: dropping a half-written last line (%d bytes)", target, len(data) - cut)
        with open(target, "r+b") as fh:
            fh.truncate(cut)
    return {
        r.document.id for r in read_records(target, strict=False) if isinstance(r, DocumentClaims)
    }


def run_extraction(
    extractor: Extractor,
    documents: Iterable[Document],
    out: IO[str],
    *,
    concurrency: int = 4,
    max_cost: float | None = None,
    on_record: Callable[[Record], None] | None = None,
) -> RunSummary:
    """Extract ``documents`` and write each record to ``out`` (JSONL) as it finishes.

    Every line is flushed at once, so a killed run keeps what it finished.

    Returns:
        The run's totals.
    """
    summary = RunSummary()

    async def main() -> None:
        async for record in extractor.arun(
            documents, concurrency=concurrency, max_cost=max_cost, summary=summary
        ):
            out.write(record.model_dump_json() + "\n")
            out.flush()
            if on_record is not None:
                on_record(record)

    asyncio.run(main())
    summary.elapsed = time.monotonic() - summary.started
    return summary
