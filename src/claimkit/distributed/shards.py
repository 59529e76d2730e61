"""Partitions of the input and their output shards, committed exactly once (no Dask here).

* **Plan**: the input files (directories expanded in sorted order) are cut
  into partitions of about ``target_bytes``; a file is never split (a JSONL
  file is a shard of its own: give large corpora as many JSONL shards). Each
  partition has a deterministic shard name, ``part-NNNNN-HASH.jsonl`` (or
  ``.parquet``: :mod:`claimkit.distributed.parquet`), where HASH covers the
  partition's files and sizes: the same inputs give the same names, so a rerun
  finds the shards it already wrote.
* **Commit**: a partition is written to a hidden partial file
  (``.part-NNNNN-HASH.jsonl.partial``) under the operating system's lock on it
  (released when the writer dies), flushed line by line, then fsynced and
  renamed (``os.replace``, atomic) to its shard name. A shard name exists only
  for a complete partition. A Parquet shard is written from the complete
  partial file to a hidden temporary file, fsynced and renamed the same way;
  the partial file is removed after (or, if its worker died in between, by the
  next attempt, which finds the shard).
* **Exactly once**: an attempt that finds a partial file (its worker was
  killed) keeps the documents already extracted there (each id once; a torn
  last line and failure records are dropped) and extracts only the rest. A
  second attempt of the same partition waits for the first one's lock. A
  committed shard without failure records is skipped by a rerun; one with
  failures is redone for its failed documents only, like ``--resume``. Given a
  ``keep`` test (``--on-mismatch redo``), a record it rejects (another backend,
  model or version made it) is dropped too, and its document redone.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from claimkit.documents import EXTENSIONS
from claimkit.errors import ConfigError
from claimkit.schemas import DocumentClaims, Failure

__all__ = [
    "SHARD_FORMATS",
    "Partition",
    "ShardWriter",
    "check_directory",
    "earlier_records",
    "expand_inputs",
    "plan_partitions",
]

Record = DocumentClaims | Failure

#: default bytes of input per partition
TARGET_BYTES = 1 << 20

#: the formats of output shards (their file suffixes)
SHARD_FORMATS = ("jsonl", "parquet")


@dataclass(frozen=True)
class Partition:
    """One unit of work: input files, and the shard name its records go to."""

    index: int
    files: tuple[str, ...]
    name: str  # part-NNNNN-HASH.jsonl (or .parquet)

    @property
    def partial_name(self) -> str:
        return f".{self.name}.partial"


def expand_inputs(paths: Iterable[str], skip: str | os.PathLike[str] | None = None) -> list[str]:
    """Files of ``paths`` (directories walked in sorted order, hidden entries and
    unsupported extensions skipped), in the order given. ``-`` (stdin) is refused:
    workers cannot read the client's standard input. ``skip``: a directory never walked
    into (the run's shard directory inside an input directory: its shards are output,
    and read back as input they would change the partitions of a rerun)."""
    out: list[str] = []
    skipped = os.path.realpath(skip) if skip is not None else None
    for item in paths:
        if item == "-":
            raise ConfigError("--cluster cannot read stdin (-): the workers read the input "
                              "files; pass files or directories on a filesystem they share")
        if not os.path.isdir(item):
            out.append(item)
            continue
        for folder, dirs, files in os.walk(item):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                             and os.path.realpath(os.path.join(folder, d)) != skipped)
            out.extend(
                os.path.join(folder, name) for name in sorted(files)
                if not name.startswith(".") and os.path.splitext(name)[1].lower() in EXTENSIONS
            )
    return out


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # a missing file: its task writes the load failure


def plan_partitions(paths: Iterable[str], target_bytes: int = TARGET_BYTES,
                    shard_format: str = "jsonl",
                    skip: str | os.PathLike[str] | None = None) -> list[Partition]:
    """Cut the input files into partitions of about ``target_bytes`` (whole files), each
    with its shard's name (suffix ``shard_format``: one of :data:`SHARD_FORMATS`); the
    directory ``skip`` (the shards' own) is not walked into."""
    if shard_format not in SHARD_FORMATS:
        raise ConfigError(f"shard format must be one of {', '.join(SHARD_FORMATS)}, not {shard_format!r}")
    groups: list[list[tuple[str, int]]] = [[]]
    filled = 0
    for path in expand_inputs(paths, skip):
        size = _size(path)
        if groups[-1] and filled + size > target_bytes:
            groups.append([])
            filled = 0
        groups[-1].append((path, size))
        filled += size
    out = []
    for i, group in enumerate(g for g in groups if g):
        digest = hashlib.sha256(
            "\n".join(f"{os.path.abspath(p)}\t{s}" for p, s in group).encode("utf-8",
                                                                              "surrogateescape")
        ).hexdigest()[:10]
        out.append(Partition(i, tuple(p for p, _ in group), f"part-{i:05d}-{digest}.{shard_format}"))
    return out


def check_directory(directory: Path, partitions: list[Partition]) -> None:
    """Refuse an output directory holding shards of other inputs (they would mix)."""
    wanted = {p.name for p in partitions}
    other = sorted(p.name for f in SHARD_FORMATS for p in directory.glob(f"part-*.{f}")
                   if p.name not in wanted)
    if other:
        raise ConfigError(
            f"{directory} holds {len(other)} shard(s) of other inputs (e.g. {other[0]}); "
            "write to an empty directory, or rerun with the same inputs to resume"
        )


def _read(path: Path) -> list[Record]:
    from claimkit.io import parse_record

    out: list[Record] = []
    data = path.read_text(encoding="utf-8", errors="surrogateescape")
    lines = data.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    elif lines:
        lines.pop()  # a torn last line (its writer was killed): redone
    for n, line in enumerate(lines, 1):
        with contextlib.suppress(Exception):  # a damaged line: its document is redone
            out.append(parse_record(line, source=str(path), lineno=n))
    return out


def earlier_records(directory: Path, partition: Partition) -> list[Record]:
    """The records earlier attempts left for ``partition`` in ``directory``: its committed
    shard's, else its partial file's (a torn last line dropped), else none. Read without
    the lock (a look, as ``--on-mismatch`` takes before a run)."""
    final, partial = directory / partition.name, directory / partition.partial_name
    if final.exists():
        return _read_final(final)
    return _read(partial) if partial.exists() else []


def _read_final(final: Path) -> list[Record]:
    if final.suffix == ".parquet":
        from claimkit.distributed.parquet import read_shard

        return read_shard(final)
    return _read(final)


class ShardWriter:
    """Writes one partition's shard exactly once (see the module docstring).

    Use as a context manager: it takes the partition's lock; :meth:`done_ids`
    and :meth:`kept` say what earlier attempts finished; :meth:`write` appends a
    record; :meth:`commit` makes the shard. ``keep``: which earlier document
    records count as done (default: all); the others are dropped and redone.
    """

    def __init__(self, directory: Path, partition: Partition, *, lock_timeout: float = 600.0,
                 keep: Callable[[DocumentClaims], bool] | None = None):
        self.directory = directory
        self.keep = keep
        self.partition = partition
        self.final = directory / partition.name
        self.partial = directory / partition.partial_name
        self.lock_timeout = lock_timeout
        self._lock: contextlib.ExitStack | None = None
        self._fh: IO[str] | None = None
        self.kept: list[DocumentClaims] = []
        self.complete = False  # the committed shard has no failures: nothing to do

    def __enter__(self) -> ShardWriter:
        self._lock = contextlib.ExitStack()
        self._lock.enter_context(_wait_for_lock(self.partial, self.lock_timeout))
        self._load_earlier()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fh is not None:
            self._fh.close()
        if self._lock is not None:
            self._lock.close()

    def _load_earlier(self) -> None:
        source = self.final if self.final.exists() else self.partial
        if not source.exists():
            return
        if source == self.final and self.partial.exists():
            self.partial.unlink()  # its attempt died after committing the (Parquet) shard
        records = _read_final(self.final) if source == self.final else _read(source)
        dropped = self.keep is not None and any(
            isinstance(r, DocumentClaims) and not self.keep(r) for r in records)
        if source == self.final and not dropped and not any(isinstance(r, Failure)
                                                            for r in records):
            self.complete = True
            self.kept = [r for r in records if isinstance(r, DocumentClaims)]
            return
        seen: set[str] = set()
        for r in records:
            if (isinstance(r, DocumentClaims) and r.document.id not in seen
                    and (self.keep is None or self.keep(r))):
                seen.add(r.document.id)
                self.kept.append(r)

    def done_ids(self) -> set[str]:
        return {r.document.id for r in self.kept}

    def open(self) -> IO[str]:
        """The partial file, for appending (made on first use from what is kept)."""
        if self._fh is None:
            from claimkit.io import dump_record

            # a fresh partial holding what is kept, then appended to
            tmp = self.partial.with_name(self.partial.name + ".tmp")
            with open(tmp, "w", encoding="utf-8") as fh:
                fh.writelines(dump_record(r) + "\n" for r in self.kept)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.partial)
            self._fh = open(self.partial, "a", encoding="utf-8", buffering=1 << 22)  # noqa: SIM115 - closed by __exit__ or commit
        return self._fh

    def write(self, record: Record) -> None:
        """Append one record as one flushed line."""
        from claimkit.io import dump_record

        fh = self.open()
        fh.write(dump_record(record) + "\n")
        fh.flush()

    def commit(self) -> None:
        """fsync the partial file and rename it to the shard name (atomic)."""
        fh = self.open()
        fh.flush()
        os.fsync(fh.fileno())
        fh.close()
        self._fh = None
        if self.final.suffix == ".parquet":
            from claimkit.distributed.parquet import write_shard

            tmp = self.final.with_name(f".{self.final.name}.tmp")
            write_shard(_read(self.partial), tmp)
            os.replace(tmp, self.final)
            self.partial.unlink()
        else:
            os.replace(self.partial, self.final)
        self.complete = True

    def records(self) -> Iterator[Record]:
        """The committed shard's records."""
        yield from _read_final(self.final)


@contextlib.contextmanager
def _wait_for_lock(path: Path, timeout: float,
                   sleep: Callable[[float], None] = time.sleep) -> Iterator[None]:
    """The partition's lock (claimkit's one-writer lock), waiting while another
    attempt of the same partition holds it."""
    from claimkit.extract.runner import OutputLocked, lock_output

    deadline = time.monotonic() + timeout
    while True:
        try:
            with lock_output(path):
                yield
            return
        except OutputLocked:
            if time.monotonic() > deadline:
                raise
            sleep(0.2)
