"""Run an extraction into a JSONL file: streaming writes and resume.

* :func:`run_extraction` writes each record as its document finishes and
  flushes the line, so a killed run keeps what it finished (concurrency,
  budget and totals come from :mod:`claimkit.extract.streaming`).
* **Resume**: :func:`prepare_resume` reads the ids of the documents an output
  file already holds (and cuts off a half-written last line); the caller
  skips them and appends. Failures are not "done": a resumed run retries them.
* **One writer per file**: :func:`lock_output` holds an exclusive lock on an
  output file (``FILE.lock`` beside it, holding the holder's pid) for as long
  as a run writes it; a second run is refused with :class:`OutputLocked`.

Nothing here changes process-wide state (the command line, not the library,
tunes the garbage collector for long runs; see ``claimkit.cli``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from filelock import FileLock, Timeout

from claimkit.errors import ConfigError, InputError
from claimkit.extract.pipeline import Extractor
from claimkit.extract.streaming import Record, RunSummary
from claimkit.schemas import Document, DocumentClaims

__all__ = ["OutputLocked", "RunSummary", "lock_output", "prepare_resume", "run_extraction"]

log = logging.getLogger(__name__)


class OutputLocked(ConfigError):
    """Another run is writing the output file (the command line exits with 2)."""

    kind = "locked"


def lock_path(path: str | os.PathLike[str]) -> Path:
    """The lock file of an output file: ``FILE.lock`` beside it."""
    target = Path(path)
    return target.with_name(target.name + ".lock")


def _holder(lock_file: Path) -> str:
    try:
        pid = lock_file.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        pid = ""
    return f"pid {pid}" if pid.isdigit() else "pid unknown"


@contextlib.contextmanager
def lock_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Hold the exclusive lock of the output file ``path`` for the ``with`` block.

    The lock is the operating system's (``flock``, or ``LockFileEx`` on
    Windows, through filelock) on ``FILE.lock`` beside the file, which holds
    the holder's pid while it is held. It is released when the block ends,
    however it ends (an exception, Ctrl-C), and by the operating system when
    the holder dies (a killed run leaves no stale lock: the next run takes it
    over, whatever pid the file still names). The lock file stays in place
    (removing it while a run waits would let two runs lock two files).

    Raises:
        OutputLocked: another process (or another lock in this one) holds it.
    """
    lock_file = lock_path(path)
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    held: list[int] = []

    def write_pid(fd: int) -> None:  # runs with the lock held, on its descriptor
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        held.append(fd)

    lock = FileLock(lock_file, timeout=0, thread_local=False, preserve_lock_file=True,
                    on_acquired=write_pid)
    try:
        lock.acquire()
    except Timeout:
        raise OutputLocked(
            f"{path}: another claimkit run ({_holder(lock_file)}) is writing this file "
            f"(lock {lock_file}); wait for it to finish, or write to another file"
        ) from None
    try:
        yield lock_file
    finally:
        if held:
            with contextlib.suppress(OSError):
                os.ftruncate(held[0], 0)  # no pid: nobody holds it
        lock.release()


def prepare_resume(path: str | os.PathLike[str]) -> set[str]:
    """Ids of the documents an output file already holds; ready the file for appending.

    A last line cut off by a killed run is removed (its document is redone).
    Failure records are not counted as done, so a resumed run retries them.
    The file is changed only when it is claimkit's output: a binary file, or
    one whose unfinished last line is no record's beginning or is longer than
    a record can be, is refused untouched. Memory stays bounded by the
    longest line, whatever the file's size.

    A FIFO, socket or device (a link to ``/dev/zero``) is refused from ``stat``,
    before a read that would wait or never end.

    Raises:
        InputError: the file is not a claimkit output file (see above).
    """
    from claimkit.io import safe_name, special_file

    target = Path(path)
    if not target.exists():
        return set()
    what = special_file(str(target))
    if what is not None:  # a FIFO's read would wait for a writer for ever; a device never ends
        raise InputError(safe_name(str(target)), f"not a regular file ({what}); --resume reads "
                         "and appends to a file claimkit wrote: choose another -o, or drop --resume")
    cut = _torn_tail(target)
    if cut is not None:
        size = target.stat().st_size
        log.warning("%s: dropping a half-written last line (%d bytes)", target, size - cut)
        with open(target, "r+b") as fh:
            fh.truncate(cut)
    done, records, bad = _records_held(target)
    if bad and not records:  # findings, an articles feed: JSON Lines, but none a record
        raise InputError(safe_name(str(target)), "not a claimkit output file (none of its lines is a "
                         "claimkit record); left untouched: choose another -o, or move it away to "
                         "start anew")
    for err in bad:
        log.warning("%s", err)
    return done


def _records_held(target: Path) -> tuple[set[str], int, list[InputError]]:
    """The ids of the documents an output file holds, how many records it holds, and the
    reports of its bad lines (the first ones and a count of the rest), held until the file
    is judged: a file of no record is refused in one line, not one per line."""
    from claimkit.io import read_records

    bad: list[InputError] = []
    done: set[str] = set()
    records = 0
    for rec in read_records(target, strict=False, on_error=bad.append):
        records += 1
        if isinstance(rec, DocumentClaims):
            done.add(rec.document.id)
    return done, records, bad


#: how claimkit's writers begin a record line (compact, and json.dumps's spaced fallback)
_RECORD_STARTS = (b'{"record":"', b'{"record": "')


def _torn_tail(target: Path) -> int | None:
    """Where an unfinished last line starts (None: the file ends at a line's end), read
    from the file's head and tail only.

    Raises:
        InputError: a binary file, or a last line that no claimkit writer began.
    """
    from claimkit.io import MAX_RECORD_BYTES, check_head, safe_name

    shown = safe_name(str(target))
    with open(target, "rb") as fh:
        check_head(fh.read(4096), shown)
        size = fh.seek(0, os.SEEK_END)
        if size == 0:
            return None
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return None
        start, pos = None, size
        while start is None and pos > 0 and size - pos <= MAX_RECORD_BYTES:
            step = min(2**20, pos)
            pos -= step
            fh.seek(pos)
            newline = fh.read(step).rfind(b"\n")
            start = pos + newline + 1 if newline >= 0 else (0 if pos == 0 else None)
        fh.seek(start or 0)
        head = fh.read(len(_RECORD_STARTS[1]))
    ours = any(s.startswith(head) or head.startswith(s) for s in _RECORD_STARTS)
    if start is None or not ours:
        raise InputError(shown, "not a claimkit output file (its last line is no record and has "
                         "no end); left untouched: choose another -o, or move it away to start anew")
    return start


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

    Every record is one ``write`` of one whole line, flushed at once, so a
    killed run keeps what it finished and leaves at most one torn last line
    (which :func:`prepare_resume` cuts off).

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
