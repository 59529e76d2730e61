"""Run an extraction into a JSONL file: streaming writes and resume.

* :func:`run_extraction` writes each record as its document finishes and
  flushes the line, so a killed run keeps what it finished (concurrency,
  budget and totals come from :mod:`claimkit.extract.streaming`).
* **Resume**: :func:`prepare_resume` reads the ids of the documents an output
  file already holds (and cuts off a half-written last line); the caller
  skips them and appends. Failures are not "done": a resumed run retries them.
  Given the run's :class:`RunSettings` (backend, model, prompt version), it
  finds the documents the file holds from other settings and refuses the
  file, redoes them (their records removed) or keeps them, as asked
  (:func:`settle_mismatch`, which ``claimkit.store.resume`` applies to a store).
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
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from filelock import FileLock, Timeout

from claimkit.errors import ConfigError, InputError
from claimkit.extract.pipeline import Extractor
from claimkit.extract.streaming import Record, RunSummary
from claimkit.schemas import Document, DocumentClaims

__all__ = ["Held", "Mismatch", "OutputLocked", "RunSettings", "RunSummary", "SettingsMismatch",
           "lock_output", "prepare_resume", "run_extraction", "settle_mismatch"]

log = logging.getLogger(__name__)


class OutputLocked(ConfigError):
    """Another run is writing the output file (the command line exits with 2)."""

    kind = "locked"


class SettingsMismatch(InputError):
    """A resumed output file holds documents extracted with another backend, model or
    prompt version than the run's (the command line exits with 2)."""

    kind = "mismatch"


#: what a resumed run does with the documents an output holds from other settings
Mismatch = Literal["refuse", "redo", "keep"]


@dataclass(frozen=True)
class RunSettings:
    """What produced an output record: the backend's name, its model and its prompt/schema
    version (as a :class:`~claimkit.schemas.DocumentClaims` records them).

    ``model`` and ``version`` None mean "not declared": a backend that names no model
    (``rules``) or no version up front is compared by what it declares only.
    """

    backend: str
    model: str | None = None
    version: str | None = None

    @classmethod
    def of(cls, extractor: Extractor) -> RunSettings:
        """The settings an extractor's records will carry, as far as its backend declares
        them (an LLM backend: its ``model`` and ``version``)."""
        return cls(extractor.backend_name, _declared(extractor.backend, "model"),
                   _declared(extractor.backend, "version"))

    @classmethod
    def of_record(cls, record: DocumentClaims) -> RunSettings:
        """The settings a document record says it was extracted with."""
        return cls(record.backend or "unknown", record.model, record.version)

    def produced(self, other: RunSettings) -> bool:
        """Whether a record extracted with ``other`` is what this run would write: the same
        backend, and the same model and version where this run declares them."""
        return other.backend == self.backend and all(
            mine is None or mine == theirs
            for mine, theirs in ((self.model, other.model), (self.version, other.version)))

    def __str__(self) -> str:
        parts = [f"model {self.model}" if self.model else "", f"version {self.version}" if
                 self.version else ""]
        shown = ", ".join(p for p in parts if p)
        return f"backend {self.backend!r}" + (f" ({shown})" if shown else "")


def _declared(backend: Any, attribute: str) -> str | None:
    """A backend's ``model`` or ``version`` when it declares one as a string, else None."""
    try:
        value = getattr(backend, attribute, None)
    except Exception:  # noqa: BLE001 - a plugin's property that raises declares nothing
        return None
    return value if isinstance(value, str) and value else None


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


def prepare_resume(
    path: str | os.PathLike[str],
    *,
    settings: RunSettings | None = None,
    on_mismatch: Mismatch = "refuse",
) -> set[str]:
    """Ids of the documents an output file already holds; ready the file for appending.

    A last line cut off by a killed run is removed (its document is redone).
    Failure records are not counted as done, so a resumed run retries them.
    The file is changed only when it is claimkit's output: a binary file, or
    one whose unfinished last line is no record's beginning or is longer than
    a record can be, is refused untouched. Memory stays bounded by the
    longest line, whatever the file's size.

    A FIFO, socket or device (a link to ``/dev/zero``) is refused from ``stat``,
    before a read that would wait or never end.

    Args:
        path: the output file.
        settings: the resumed run's backend, model and prompt version; None: any
            record counts as done, whatever produced it.
        on_mismatch: what to do with documents the file holds from other settings:
            ``refuse`` (raise :class:`SettingsMismatch`, the file untouched),
            ``redo`` (their records are removed from the file and their ids not
            returned, so the run extracts them again) or ``keep`` (done as they are).

    Raises:
        InputError: the file is not a claimkit output file (see above).
        SettingsMismatch: ``on_mismatch="refuse"`` and documents of other settings.
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
    held = _records_held(target, settings)
    if held.bad and not held.records:  # findings, an articles feed: JSON Lines, but none a record
        raise InputError(safe_name(str(target)), "not a claimkit output file (none of its lines is a "
                         "claimkit record); left untouched: choose another -o, or move it away to "
                         "start anew")
    for err in held.bad:
        log.warning("%s", err)
    if settings is None or not held.other_ids:
        return held.done
    return _settle_mismatch(target, held, settings, on_mismatch)


@dataclass
class Held:
    """What an output (a file, a claim store) holds: the ids of the documents done (with
    the run's settings, when given), the ids and settings of those done with others, the
    number of records, and the reports of its bad lines (the first ones and a count of the
    rest), held until the file is judged: a file of no record is refused in one line, not
    one per line."""

    done: set[str] = field(default_factory=set)
    other_ids: set[str] = field(default_factory=set)
    other: Counter[RunSettings] = field(default_factory=Counter)
    records: int = 0
    bad: list[InputError] = field(default_factory=list)

    def add(self, doc_id: str, made_with: RunSettings, settings: RunSettings | None) -> None:
        """Count one document record made with ``made_with`` (done when ``settings`` is None
        or produced it)."""
        if settings is None or settings.produced(made_with):
            self.done.add(doc_id)
        else:
            self.other_ids.add(doc_id)
            self.other[made_with] += 1


def _records_held(target: Path, settings: RunSettings | None = None) -> Held:
    """Read an output file's records once (see :class:`Held`)."""
    from claimkit.io import read_records

    held = Held()
    for rec in read_records(target, strict=False, on_error=held.bad.append):
        held.records += 1
        if isinstance(rec, DocumentClaims):
            held.add(rec.document.id, RunSettings.of_record(rec), settings)
    return held


def _settle_mismatch(target: Path, held: Held, settings: RunSettings, choice: Mismatch) -> set[str]:
    """The ids a resumed run skips when ``target`` holds documents of other settings:
    refused, redone (their records removed from the file) or kept, as ``choice`` says."""
    from claimkit.io import safe_name

    def redo() -> None:
        _drop_records(target, settings, held.other_ids, sum(held.other.values()))

    return settle_mismatch(safe_name(str(target)), held, settings, choice, redo)


def settle_mismatch(shown: str, held: Held, settings: RunSettings, choice: Mismatch,
                    redo: Callable[[], None], *, where: str = "-o",
                    redone: str = "removed the records of") -> set[str]:
    """The ids a resumed run skips when the output ``shown`` holds documents of other
    settings (``held.other_ids``): refused (:class:`SettingsMismatch`, naming ``where``
    to write to instead), redone (``redo`` readies their replacement; the log says
    ``redone``) or kept, as ``choice`` says."""
    others = len(held.other_ids - held.done)
    (top, _), *rest = held.other.most_common()
    also = f" (and {len(rest)} other setting(s))" if rest else ""
    what = f"{others or len(held.other_ids)} of its {len(held.done | held.other_ids)} documents"
    if choice == "keep":
        log.warning("%s: keeping %s extracted with %s%s, not %s (--on-mismatch keep)",
                    shown, what, top, also, settings)
        return held.done | held.other_ids
    if choice == "redo":
        redo()
        log.warning("%s: %s %s extracted with %s%s; extracting them again with %s",
                    shown, redone, what, top, also, settings)
        return held.done
    raise SettingsMismatch(shown, f"{what} were extracted with {top}{also}, not with this run's "
                           f"{settings}; --resume would skip them as if done: pass --on-mismatch "
                           "redo to extract them again (their records are replaced), --on-mismatch "
                           f"keep to leave them as they are, or write to another {where}; left "
                           "untouched")


def _drop_records(target: Path, settings: RunSettings, ids: set[str], expected: int) -> None:
    """Rewrite ``target`` without the document records of ``ids`` that other settings
    produced, every other line kept byte for byte (a line too long to be a record is
    copied in pieces), through a file beside it that replaces it only when whole.

    Raises:
        SettingsMismatch: the lines found are not the ``expected`` records (the file
            left untouched).
    """
    import shutil

    from claimkit.io import MAX_RECORD_BYTES, safe_name

    real = target.resolve()
    temp = real.with_name(real.name + ".resume-tmp")
    dropped = 0
    try:
        with open(real, "rb") as src, open(temp, "wb") as dst:
            for line, whole in _line_pieces(src, MAX_RECORD_BYTES + 1):
                if whole and _made_otherwise(line, settings, ids):
                    dropped += 1
                else:
                    dst.write(line)
            dst.flush()
            os.fsync(dst.fileno())
        if dropped != expected:
            raise SettingsMismatch(safe_name(str(target)), f"{expected} records of other settings "
                                   f"were read but {dropped} found to remove (line ends other than "
                                   "LF?); left untouched: write to another -o")
        shutil.copymode(real, temp)
        os.replace(temp, real)
    finally:
        temp.unlink(missing_ok=True)


def _line_pieces(fh: IO[bytes], limit: int) -> Iterator[tuple[bytes, bool]]:
    """The lines of ``fh`` as (bytes, whole): a line longer than ``limit`` comes in pieces,
    none of them whole (never held at once)."""
    inside = False  # in a line longer than the limit
    while piece := fh.readline(limit):
        ends = piece.endswith(b"\n")
        yield piece, not inside and (ends or len(piece) < limit)
        inside = not ends and len(piece) == limit


def _made_otherwise(line: bytes, settings: RunSettings, ids: set[str]) -> bool:
    """Whether ``line`` is the record of a document of ``ids`` that ``settings`` did not produce."""
    import json

    if b'"document"' not in line:
        return False
    try:
        value = json.loads(line)
    except ValueError:
        return False
    if not isinstance(value, dict) or value.get("record") != "document":
        return False
    document = value.get("document")
    doc_id = document.get("id") if isinstance(document, dict) else None
    if not isinstance(doc_id, str) or doc_id not in ids:
        return False
    made_with = RunSettings(str(value.get("backend") or "unknown"), value.get("model"),
                            value.get("version"))
    return not settings.produced(made_with)


#: how claimkit's writers begin a record line (compact, and json.dumps's spaced fallback)
_RECORD_STARTS = (b'{"record":"', b'{"record": "')


def _torn_tail(target: Path) -> int | None:
    """Where an unfinished last line starts (None: the file ends at a line's end, LF or CR
    alone: a file whose lines end in CR was, before round 9, one torn line, all of it cut
    off), read from the file's head and tail only.

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
        if fh.read(1) in (b"\n", b"\r"):  # CR alone ends lines too (read since round 8)
            return None
        start, pos = None, size
        while start is None and pos > 0 and size - pos <= MAX_RECORD_BYTES:
            step = min(2**20, pos)
            pos -= step
            fh.seek(pos)
            piece = fh.read(step)
            newline = max(piece.rfind(b"\n"), piece.rfind(b"\r"))
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
