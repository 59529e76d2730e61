"""``extract --cluster`` resumed under the rule of a one-process ``--resume``.

A rerun always resumes its shards (:mod:`claimkit.distributed.shards`). With
``on_mismatch`` set (the command line always sets it), the documents the shards
hold from another backend, model or prompt version than the run's are refused
before anything is written, redone (their records dropped from the shards and
extracted again) or kept, as ``--on-mismatch`` says
(:func:`claimkit.extract.runner.settle_mismatch`, the same words as without
``--cluster``). With ``resume`` and ``db`` (``--resume --db URL``), the documents the
claim store holds with the run's settings are not extracted: each partition
writes their stored records into its shard; those it holds only from other
settings are refused, redone (their stored rows replaced) or kept
(:func:`claimkit.store.resume.resume_ids`).

The run's settings are those a worker's extractor declares (the client need not
be able to build it: an API key lives on the workers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimkit.distributed.shards import Partition, earlier_records
from claimkit.distributed.spec import ExtractSpec, open_worker_store, worker_extractor
from claimkit.extract.runner import Held, RunSettings, settle_mismatch
from claimkit.schemas import DocumentClaims

if TYPE_CHECKING:
    from claimkit.distributed.shards import ShardWriter

__all__ = ["check_before_run", "from_store", "run_settings"]


def run_settings(spec: ExtractSpec) -> RunSettings:
    """The settings the records of ``spec``'s extractor carry (in a worker process)."""
    return RunSettings.of(worker_extractor(spec))


def _survey(partition: Partition, directory: str, settings: RunSettings) -> Held:
    """What a partition's shard (or partial file) holds, by the settings that made it."""
    held = Held()
    for record in earlier_records(Path(directory), partition):
        if isinstance(record, DocumentClaims):
            held.records += 1
            held.add(record.document.id, RunSettings.of_record(record), settings)
    return held


def _merge(parts: Iterable[Held]) -> Held:
    out = Held()
    for part in parts:
        out.done |= part.done
        out.other_ids |= part.other_ids
        out.other.update(part.other)
        out.records += part.records
    return out


def check_before_run(client: Any, partitions: list[Partition], out: Path,
                     spec: ExtractSpec) -> None:
    """Build the run's extractor on one worker (a setting it refuses, such as a context
    window too small for the prompt, stops the run here in one error, not once per
    task), then settle, before any partition runs, the documents of other settings
    the shards in ``out`` and (with ``spec.resume``) the claim store hold, as
    ``spec.on_mismatch`` says.

    Raises:
        SettingsMismatch: ``refuse`` and such documents (nothing written).
    """
    settings: RunSettings = client.submit(run_settings, spec, pure=False).result()
    choice = spec.on_mismatch or "refuse"
    begun = [p for p in partitions
             if (out / p.name).exists() or (out / p.partial_name).exists()]
    if spec.on_mismatch is not None and begun:
        from claimkit.io import safe_name

        held = _merge(client.gather(client.map(
            _survey, begun, directory=str(out.resolve()), settings=settings, pure=False)))
        if held.other_ids:
            settle_mismatch(f"{safe_name(str(out))}/", held, settings, choice, lambda: None,
                            where="-o DIR", redone="dropping from the shards")
    if spec.resume and spec.db is not None:
        from claimkit.store import open_store
        from claimkit.store.resume import resume_ids

        with open_store(spec.db) as opened:
            resume_ids(opened, settings, choice)


def from_store(spec: ExtractSpec, partition: Partition, shard: ShardWriter,
               count: Callable[[DocumentClaims], None], settings: RunSettings) -> tuple[set[str], set[str]]:
    """``--resume --db``: write into the shard the stored records of the partition's
    documents the store holds with ``settings`` (and the shard does not); the ids to
    skip (those, and with ``keep`` those stored only with other settings) and the ids
    whose stored rows of other settings are replaced (``redo``). A committed shard
    is not added to: only the ids to replace are looked up, for its documents."""
    from claimkit.documents import load_documents

    if shard.complete:
        if spec.on_mismatch != "redo":
            return set(), set()
        return set(), _split(spec, shard.done_ids(), settings)[1]
    ids = {d.id for d in load_documents(partition.files, on_error=lambda err: None,
                                        max_bytes=spec.max_bytes)} - shard.done_ids()
    stored, others = _split(spec, ids, settings)
    for record in stored:
        shard.write(record)
        count(record)
    skip = {r.document.id for r in stored}
    if spec.on_mismatch == "redo":
        return skip, others
    return skip | others, set()


def _split(spec: ExtractSpec, ids: set[str],
           settings: RunSettings) -> tuple[list[DocumentClaims], set[str]]:
    """The stored records of ``ids`` made with ``settings`` (one per document), and the
    ids the store holds only from other settings."""
    from claimkit.store.read import records_of

    assert spec.db is not None
    mine: dict[str, DocumentClaims] = {}
    others: set[str] = set()
    for record in records_of(open_worker_store(spec.db).engine, ids):
        doc_id = record.document.id
        if doc_id in mine:
            continue
        if settings.produced(RunSettings.of_record(record)):
            mine[doc_id] = record
            others.discard(doc_id)
        else:
            others.add(doc_id)
    return list(mine.values()), others
