"""``claimkit extract``: articles in, one JSONL record per document out."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any, Literal, NoReturn

import click

from claimkit.cli.app import (
    EXIT_FAILURES,
    EXIT_INTERRUPTED,
    GAZETTEER,
    SIZE_MB,
    check_output,
    fail,
    gazetteer_options,
    long_run_gc,
    main,
    note,
    open_output,
    refuse_input_as_output,
    summary_line,
    to_file,
)
from claimkit.errors import InputError
from claimkit.redact import redact
from claimkit.schemas import Document, DocumentClaims, Failure


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "output", default=None, help="Output JSONL file (default: stdout).")
@click.option(
    "--backend", default="auto", show_default=True, metavar="NAME",
    help="rules, openai, or a plugin's backend; auto: openai when an endpoint is configured, "
    "else the offline rules.",
)
@click.option("--types", "types", default=None, metavar="T1,T2",
              help="Claim types to extract, comma-separated (default: every registered type).")
@click.option("--model", default=None, help="Model name (openai backend; env CLAIMKIT_MODEL).")
@click.option("--base-url", "base_url", multiple=True,
              help="OpenAI-compatible endpoint (env CLAIMKIT_BASE_URL); with --cluster, "
              "repeat it to load-balance several endpoints.")
@click.option("--concurrency", type=click.IntRange(1, 256), default=4, show_default=True,
              help="Documents extracted at once (openai backend).")
@click.option("--resume", is_flag=True,
              help="Skip documents already in the output file (or the --db store); append.")
@click.option("--on-mismatch", "on_mismatch", type=click.Choice(["refuse", "redo", "keep"]),
              default="refuse", show_default=True,
              help="With --resume, documents the output file or --db store holds from another "
              "backend, model or prompt version: refuse the run (exit 2), redo them (their "
              "records replaced) or keep them as they are.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the response cache.")
@click.option("--max-cost", type=float, default=None,
              help="Stop starting new documents once the estimated cost (USD) would pass this "
              "(with --cluster: stop sending requests once the cluster's spend would).")
@click.option("--max-wait", type=click.FloatRange(0), default=None,
              help="Seconds of API retry waits one document may spend in all, then it is a "
              "transient failure (env CLAIMKIT_MAX_WAIT; default 300).")
@click.option("--context-window", type=click.IntRange(1), default=None, metavar="TOKENS",
              help="Tokens the model reads and writes per request, as the server gives it "
              "(Ollama: OLLAMA_CONTEXT_LENGTH; vLLM: --max-model-len; llama.cpp: -c); chunks "
              "are sized to fit (env CLAIMKIT_CONTEXT_WINDOW; default: the model table's, "
              "else 32768).")
@click.option("--examples", type=click.Path(exists=True, dir_okay=False), default=None,
              metavar="FILE",
              help="Few-shot examples shown to the model: gold-format JSONL with a "
              '{"doc", "text"} line per example article (env CLAIMKIT_EXAMPLES; see docs/llm.md).')
@GAZETTEER
@click.option("--max-size", "max_size", type=SIZE_MB, default=10.0,
              show_default=True, metavar="MB",
              help="Document size limit: a larger .txt/.html file (or JSONL line) is reported "
              "and skipped.")
@click.option("--published", "published", type=click.DateTime(["%Y-%m-%d"]), default=None,
              metavar="YYYY-MM-DD",
              help="Publication date of documents that state none (an undated .txt file); "
              "relative dates (\"on Thursday\") are resolved against it.")
@click.option("--cluster", default=None, metavar="local[:N]|tcp://HOST:8786",
              help="Run on a Dask cluster (pip install 'claimkit[dask]'): local:N starts N "
              "worker processes here; -o names a directory of shards; a rerun resumes, "
              "under --on-mismatch (docs/scale.md lists the options it honours).")
@click.option("--rpm", type=click.FloatRange(min=0, min_open=True), default=None,
              help="With --cluster: at most this many requests per minute to the endpoint(s), "
              "for the whole cluster.")
@click.option("--tpm", type=click.FloatRange(min=0, min_open=True), default=None,
              help="With --cluster: at most this many tokens per minute (prompt and "
              "completion, as the endpoint reports them), for the whole cluster.")
@click.option("--partition-size", "partition_size", type=click.FloatRange(min=0.001),
              default=1.0, show_default=True, metavar="MB",
              help="With --cluster: input bytes per partition (files are never split).")
@click.option("--shard-format", "shard_format", type=click.Choice(["jsonl", "parquet"]),
              default="jsonl", show_default=True,
              help="With --cluster: the shards' format; parquet: one flat row per claim, "
              "lossless (pip install 'claimkit[parquet]').")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--db", "db", default=None, metavar="URL",
              help="Also store each record in this claim store as it finishes (SQLite path or "
              "SQLAlchemy URL; env CLAIMKIT_DB); JSONL goes only to -o then. A document stored "
              "under the same prompt version is never stored twice; with --resume, those stored "
              "with this run's settings are skipped (see --on-mismatch).")
def extract(paths: tuple[str, ...], output: str | None, resume: bool, quiet: bool,
            db: str | None, on_mismatch: Literal["refuse", "redo", "keep"], **options: Any) -> None:
    """Extract claims from articles (.txt, .html, .jsonl, directories, or - for stdin).

    Writes one JSONL line per document as each finishes. An output file is
    locked for the run (FILE.lock beside it): a second run on it is refused.
    With --cluster, -o is a directory holding one shard per partition.
    """
    from claimkit.extract.runner import RunSettings, lock_output, prepare_resume

    base_urls: tuple[str, ...] = options.pop("base_url")
    options["base_url"] = base_urls[0] if base_urls else None
    if options["cluster"]:
        from claimkit.cli._cluster import extract_on_cluster_command

        _check_paths(paths)
        options["types"] = _types(options["types"])
        options["db"] = db or os.environ.get("CLAIMKIT_DB") or None
        options.update(resume=resume, on_mismatch=on_mismatch)
        if extract_on_cluster_command(paths, output, quiet, options, base_urls):
            sys.exit(EXIT_FAILURES)
        return
    if len(base_urls) > 1 or options["rpm"] is not None or options["tpm"] is not None or (
            options["shard_format"] != "jsonl"):
        fail("several --base-url endpoints, --rpm, --tpm and --shard-format need --cluster")

    _check_paths(paths)
    check_output(output)
    refuse_input_as_output(output, paths)
    db = db or os.environ.get("CLAIMKIT_DB") or None
    if resume and not to_file(output) and db is None:
        fail("--resume needs -o FILE (or --db URL): it continues an existing output")
    if db is not None and output is None:
        output = os.devnull
    lock = lock_output(output) if output and to_file(output) and output != os.devnull else (
        contextlib.nullcontext())
    with lock:
        extractor, workers = _extractor(options, quiet)
        settings = RunSettings.of(extractor)
        done: set[str] = set()
        if resume and output and to_file(output) and output != os.devnull:
            done = prepare_resume(output, settings=settings, on_mismatch=on_mismatch)
            note(f"resuming: {len(done)} documents already in {output}")
        with _db_writer(db, settings, options, on_mismatch if resume else None) as (writer, stored):
            if resume and writer is not None:
                _store_held(output, done - stored, settings, writer)
                _write_stored(output, stored - done, settings, writer)
                done |= stored
                note(f"resuming: {len(done)} documents already stored")
            plan = _Plan(output=output, done=done, append=resume, quiet=quiet,
                         concurrency=workers, max_cost=options["max_cost"],
                         max_bytes=int(options["max_size"] * 2**20), writer=writer,
                         published=options["published"].date() if options["published"] else None)
            counts = _run(paths, extractor, plan)
    if counts["failure"]:
        sys.exit(EXIT_FAILURES)


def _store_held(output: str | None, ids: set[str], settings: Any, writer: Any) -> None:
    """With -o FILE and --db resumed together: store the records of ``ids`` (done in the
    file, with this run's settings, and not in the store so) as the file holds them,
    instead of skipping them for the store too (a document the store holds from other
    settings is replaced, as with --on-mismatch redo; one kept is not among ``ids``)."""
    if not ids or not output or output == os.devnull or not to_file(output):
        return
    from claimkit.extract.runner import RunSettings
    from claimkit.io import read_records, safe_name

    stored = 0
    for record in read_records(output, strict=False, on_error=lambda err: None):
        if (isinstance(record, DocumentClaims) and record.document.id in ids
                and settings.produced(RunSettings.of_record(record))):
            ids.discard(record.document.id)  # its first record, as the store keeps one
            stored += writer.add_one(record)
    if stored:
        note(f"stored {stored} documents {safe_name(output)} holds and the store did not")


def _write_stored(output: str | None, ids: set[str], settings: Any, writer: Any) -> None:
    """With -o FILE and --db resumed together: append to the file the stored records of
    ``ids`` (done in the store with this run's settings and not in the file: never
    written there, or removed from it by --on-mismatch redo), instead of skipping them
    for the file too."""
    if not ids or not output or output == os.devnull or not to_file(output):
        return
    from claimkit.extract.runner import RunSettings
    from claimkit.io import dump_record, safe_name
    from claimkit.store.read import records_of

    written = 0
    with open(output, "a", encoding="utf-8") as fh:
        for record in records_of(writer.engine, set(ids)):
            if record.document.id in ids and settings.produced(RunSettings.of_record(record)):
                ids.discard(record.document.id)
                fh.write(dump_record(record) + "\n")
                written += 1
    if written:
        note(f"wrote {written} documents the store holds and {safe_name(output)} did not")


def _check_paths(paths: tuple[str, ...]) -> None:
    """None of the inputs exists: a usage error (exit 2), before anything is written.

    One missing input among others is a bad input like any other: reported in
    one line, the others extracted, exit 1.
    """
    import os

    from claimkit.io import missing_reason, safe_name

    missing = [p for p in paths if p != "-" and not os.path.lexists(p)]
    if missing and len(missing) == len(paths):
        fail(f"{', '.join(safe_name(p) for p in missing)}: "
             f"{missing_reason(missing[0], 'nothing to extract')}")


def _types(value: str | None) -> tuple[str, ...] | None:
    """``--types a,b`` as registered type names (checked), or None for all."""
    if value is None:
        return None
    from claimkit.errors import SchemaError
    from claimkit.schemas import claim_model

    names = tuple(dict.fromkeys(t.strip() for t in value.split(",") if t.strip()))
    if not names:
        fail("--types needs at least one claim type name")
    for name in names:
        try:
            claim_model(name)
        except SchemaError as exc:
            fail(f"--types: {exc}")
    return names


def _extractor(options: dict[str, Any], quiet: bool = False) -> tuple[Any, int]:
    """The extractor the options ask for, and how many documents to run at once
    (the note naming the backend is left out with ``-q``)."""
    from claimkit.extract.pipeline import Extractor

    extractor = Extractor(
        None if options["backend"] == "auto" else options["backend"],
        types=_types(options["types"]), cache=not options["no_cache"],
        model=options["model"], base_url=options["base_url"], max_wait=options["max_wait"],
        context_window=options["context_window"], examples=options["examples"],
        **gazetteer_options(options["gazetteer"]),
    )
    backend = extractor.backend
    if extractor.backend_name == "rules":
        if not quiet:
            note("backend: rules (offline baseline); for LLM extraction set OPENAI_API_KEY, "
                  "or pass --backend openai --base-url URL --model NAME")
        return extractor, 1  # offline and CPU-bound: threads would not help
    if not quiet:
        note(f"backend: {extractor.backend_name} ({backend.describe()}); "
              "--backend rules runs the offline baseline")
    return extractor, options["concurrency"]


class _Sink:
    """Writes records (extraction records and load failures) and counts them."""

    def __init__(self, fh: IO[str], advance: Any, writer: Any = None) -> None:
        self.fh = fh
        self.writer = writer
        self.advance = advance
        self.settled: Any = lambda: None
        self.counts: Counter[str] = Counter()
        self.claims: Counter[str] = Counter()
        self.load_failures: list[Failure] = []

    def on_load_error(self, err: InputError) -> None:
        note(f"skipped {err}")
        self.load_failures.append(
            Failure(source=err.source, stage="load", kind=err.kind, message=redact(err))
        )

    def flush_load_failures(self) -> None:
        while self.load_failures:
            failure = self.load_failures.pop(0)
            self.fh.write(failure.model_dump_json() + "\n")
            self.fh.flush()
            if self.writer is not None:
                self.writer.add_one(failure)
            self.counts["failure"] += 1

    def on_record(self, record: DocumentClaims | Failure) -> None:
        self.counts[record.record] += 1
        if self.writer is not None:
            self.writer.add_one(record)
        if isinstance(record, DocumentClaims):
            self.claims.update(c.type for c in record.claims)
        self.advance(record)
        self.flush_load_failures()
        self.settled()  # the first record's tables loaded: the collector runs again


@dataclass(frozen=True)
class _Plan:
    """How one ``extract`` run writes its output."""

    output: str | None
    done: set[str]
    append: bool
    quiet: bool
    concurrency: int
    max_cost: float | None
    max_bytes: int
    #: the claim store's writer (--db), or None
    writer: Any = None
    published: dt.date | None = None


def _run(paths: tuple[str, ...], extractor: Any, plan: _Plan) -> Counter[str]:
    """Load, extract and write every document; print the summary; return record counts."""
    from claimkit.documents import load_documents
    from claimkit.extract.runner import run_extraction

    fh = open_output(plan.output, append=plan.append)
    sink = _Sink(fh, lambda record: None, plan.writer)
    try:
        with _progress(plan.quiet) as advance, long_run_gc() as settled:
            sink.advance = advance
            sink.settled = settled
            docs = (_dated(d, plan.published)
                    for d in load_documents(paths, on_error=sink.on_load_error,
                                            max_bytes=plan.max_bytes,
                                            skip=(plan.output,) if plan.output else ())
                    if d.id not in plan.done)
            summary = run_extraction(extractor, docs, fh, concurrency=plan.concurrency,
                                     max_cost=plan.max_cost, on_record=sink.on_record)
            sink.flush_load_failures()
    except BrokenPipeError:
        raise
    except OSError as exc:  # the output cannot take more (a full disk, a closed stream)
        _write_failed(plan, sink, exc)
    except KeyboardInterrupt:  # Ctrl-C: say what is kept (click said only "Aborted!")
        _interrupted(plan, sink)
    finally:
        if fh is not sys.stdout:
            with contextlib.suppress(OSError):  # after a failed write, the buffer's rest fails too
                fh.close()
    where = f" -> {plan.output}" if plan.output and plan.output not in ("-", os.devnull) else ""
    if plan.writer is not None:
        where += f" -> {plan.writer.url}"
    note(summary_line(sink.counts, sink.claims, extractor.backend_name, where))
    if extractor.backend_name != "rules":
        note(summary.describe())
    if summary.not_started:
        note(f"--max-cost {plan.max_cost} reached: {summary.not_started} documents not "
              "started; rerun with --resume and a higher limit")
    if summary.stopped:
        again = f"-o {plan.output} --resume" if plan.output and plan.output != "-" else (
            "-o FILE --resume (write to a file to resume)")
        note(f"stopped: {summary.stopped}; {summary.not_started_dead} documents not started; "
              f"fix the endpoint and rerun with {again}")
    return sink.counts


def _interrupted(plan: _Plan, sink: _Sink) -> NoReturn:
    """One line saying how many whole records the output keeps and how to go on; exit 130
    (the shell's code for a command ended by SIGINT)."""
    from claimkit.io import safe_name

    done = sum(sink.counts.values())
    if plan.output in (None, "-"):
        fail(f"interrupted after {done} record(s) written to standard output; write to a "
             "file (-o FILE) to resume a run", EXIT_INTERRUPTED)
    fail(f"interrupted after {done} record(s) written to {safe_name(str(plan.output))}, each "
         "whole; rerun with --resume to do the rest", EXIT_INTERRUPTED)


def _write_failed(plan: _Plan, sink: _Sink, exc: OSError) -> NoReturn:
    """One line naming the output, the reason and how many records it holds; exit 1."""
    from claimkit.io import safe_name

    done = sum(sink.counts.values())
    to_stdout = plan.output in (None, "-")
    again = "" if to_stdout else "; make room and rerun with --resume"
    name = safe_name("standard output" if to_stdout else str(plan.output))
    fail(f"{name}: cannot write the output ({exc.strerror or exc}); stopped after {done} "
         f"record(s){again}", EXIT_FAILURES)


def _dated(doc: Document, published: dt.date | None) -> Document:
    """``doc`` with ``--published`` as its date when it has none."""
    if published is None or doc.published is not None:
        return doc
    return doc.model_copy(update={"published": published})


class _progress:
    """A rich progress line on stderr, shown only when stderr is a terminal."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self._progress: Any = None

    def __enter__(self) -> Any:
        if not self.enabled:
            return lambda record: None
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.completed} documents"),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._progress.start()
        task = self._progress.add_task("", total=None)

        def advance(record: DocumentClaims | Failure) -> None:
            label = record.document.id if isinstance(record, DocumentClaims) else record.source
            self._progress.update(task, advance=1, description=redact(label))

        return advance

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


@contextlib.contextmanager
def _db_writer(db: str | None, settings: Any, options: dict[str, Any],
               resume: Literal["refuse", "redo", "keep"] | None) -> Iterator[tuple[Any, set[str]]]:
    """The store writer of ``--db`` (None without it), its run (the ``runs`` row) recorded
    with the run's :class:`RunSettings` (the backend's name, model and version, as its
    records carry them), and with ``resume`` (the --on-mismatch choice) the ids of the
    documents the store holds done (those of other settings refused before the writer
    is made, so the store is left untouched, or replaced by the writer as they come:
    :func:`claimkit.store.resume.resume_ids`); the run's totals written at the end."""
    if db is None:
        yield None, set()
        return
    from claimkit.cli.store import open_db
    from claimkit.store import RunInfo
    from claimkit.store.resume import resume_ids

    with open_db(db) as store:
        done, redo = resume_ids(store, settings, resume) if resume else (set(), set())
        run = RunInfo("extract", backend=settings.backend, model=settings.model,
                      version=settings.version)
        writer = store.writer(run, **gazetteer_options(options["gazetteer"]))
        if redo:
            writer.replace(settings, redo)
        try:
            yield writer, done
        finally:
            writer.close()
