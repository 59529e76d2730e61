"""The ``claimkit`` command: extract, validate, view, eval, schema.

Data goes to stdout (or ``-o``); progress, logs and the summary go to stderr.
Exit codes: 0 all well, 1 some documents failed (or findings at the
``--fail-on`` level), 2 usage error (bad option, missing file, bad settings).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, NoReturn

import click

from claimkit.errors import ClaimkitError, ConfigError, InputError, SchemaError
from claimkit.redact import install_log_filter, redact
from claimkit.schemas import DocumentClaims, Failure

__all__ = ["main"]

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2

#: allocations between young garbage collections during an extraction run (default 700)
_YOUNG_THRESHOLD = 20_000

#: bytes of the output file's buffer: a record is written whole at its flush
_OUTPUT_BUFFER = 1 << 22

log = logging.getLogger("claimkit")


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"claimkit: error: {redact(message)}", err=True)
    sys.exit(code)


def _note(message: str) -> None:
    click.echo(f"claimkit: {redact(message)}", err=True)


class _Group(click.Group):
    """Turn every ClaimkitError into one line and an exit code, never a traceback;
    the traceback of anything else (a bug, a plugin's error) is printed redacted."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ConfigError as exc:
            _fail(str(exc), EXIT_USAGE)
        except InputError as exc:
            _fail(str(exc), EXIT_USAGE)
        except ClaimkitError as exc:
            _fail(str(exc), EXIT_FAILURES)
        except BrokenPipeError:  # `claimkit extract ... | head`
            sys.stderr.close()
            sys.exit(EXIT_OK)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception:  # noqa: BLE001 - an exception's text may echo a key
            import traceback

            click.echo(redact(traceback.format_exc()).rstrip(), err=True)
            sys.exit(EXIT_FAILURES)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimkit")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.option("--plugin", "plugins", multiple=True, metavar="MODULE",
              help="Import a plugin module (claim types, backends, checks); repeatable. "
              "Also CLAIMKIT_PLUGINS=mod1,mod2 and installed claimkit.plugins entry points.")
def main(verbose: int, plugins: tuple[str, ...]) -> None:
    """Turn news articles into typed, grounded claims and check them against each other."""
    from claimkit.plugins import load_plugins

    _setup_logging(verbose)
    install_log_filter()  # keys out of every log line, whichever library logs it
    load_plugins(plugins)


class _OwnWords(logging.Filter):
    """Below -vv, only claimkit's own log lines reach the terminal.

    Dependencies log their internals (trafilatura's "discarding data: None",
    instructor's "Max retries exceeded" for a retry claimkit handles itself);
    claimkit says what went wrong once, in its own words, in one line.
    """

    def __init__(self, verbose: int) -> None:
        super().__init__()
        self.verbose = verbose

    def filter(self, record: logging.LogRecord) -> bool:
        own = record.name == "claimkit" or record.name.startswith("claimkit.")
        return own or self.verbose >= 2


def _setup_logging(verbose: int) -> None:
    """Logging of the command: stderr, ``claimkit: level: message``; others' lines only with -vv."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if any(isinstance(f, _OwnWords) for f in h.filters)]:
        root.removeHandler(old)  # main() run again in one process (tests)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("claimkit: %(levelname)s: %(message)s"))
    handler.addFilter(_OwnWords(verbose))
    root.addHandler(handler)
    root.setLevel(logging.WARNING - 10 * min(verbose, 2))


def _gazetteer_options(files: tuple[str, ...]) -> dict[str, Any]:
    """``gazetteer=`` and ``places=`` built from ``--gazetteer`` files (none: the defaults)."""
    if not files:
        return {}
    from claimkit.normalize import Gazetteer, Places

    return {"gazetteer": Gazetteer.load(*files), "places": Places.load(*files)}


_GAZETTEER = click.option(
    "--gazetteer", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="Extra gazetteer JSON file(s) of people, organisations and places "
    "(added to the files named in CLAIMKIT_GAZETTEER).",
)


@contextlib.contextmanager
def _long_run_gc() -> Iterator[None]:
    """Garbage-collector tuning for one extraction run of the command (never the library's).

    Everything alive when the run starts (modules, the openai/pydantic type
    machinery, the response schemas: ~140k objects) lives as long as the
    process; frozen (``gc.freeze``), a full collection during the run walks
    only what the run allocates instead of stalling every request in flight
    for ~100 ms. The young-generation threshold goes from 700 to 20,000
    allocations, which took young collections from ~60 per 200 documents to
    about one; cycles are still collected, only later. Both are undone after.
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], _YOUNG_THRESHOLD), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


# ------------------------------------------------------------------------ extract


def _to_file(path: str | None) -> bool:
    return path is not None and path != "-"


def _open_output(path: str | None, *, append: bool) -> IO[str]:
    """The output stream. A file gets a 4 MiB buffer, so that each record's
    ``write`` and ``flush`` reach the file as one ``write`` call (a longer record
    bypasses the buffer: also one call); a killed run leaves at most one torn
    last line, which ``--resume`` cuts off."""
    if path is None or path == "-":
        return sys.stdout
    out = Path(path)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    return open(out, "a" if append else "w", encoding="utf-8", buffering=_OUTPUT_BUFFER)


def _count(n: int, noun: str) -> str:
    """``1 document``, ``2 documents``."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _summary(records: Counter[str], claims: Counter[str], backend: str, extra: str = "") -> str:
    by_type = ", ".join(f"{n} {t}" for t, n in sorted(claims.items())) or "none"
    return (
        f"{_count(records['document'], 'document')}, {_count(sum(claims.values()), 'claim')} "
        f"({by_type}), {_count(records['failure'], 'failure')}, backend {backend}{extra}"
    )


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
@click.option("--base-url", default=None, help="OpenAI-compatible endpoint (env CLAIMKIT_BASE_URL).")
@click.option("--concurrency", type=click.IntRange(1, 256), default=4, show_default=True,
              help="Documents extracted at once (openai backend).")
@click.option("--resume", is_flag=True, help="Skip documents already in the output file; append.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the response cache.")
@click.option("--max-cost", type=float, default=None,
              help="Stop starting new documents once the estimated cost (USD) would pass this.")
@click.option("--max-wait", type=click.FloatRange(0), default=None,
              help="Seconds of API retry waits one document may spend in all, then it is a "
              "transient failure (env CLAIMKIT_MAX_WAIT; default 300).")
@_GAZETTEER
@click.option("--max-size", "max_size", type=click.FloatRange(min=0.001), default=10.0,
              show_default=True, metavar="MB",
              help="Document size limit: a larger .txt/.html file (or JSONL line) is reported "
              "and skipped.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def extract(paths: tuple[str, ...], output: str | None, resume: bool, quiet: bool,
            **options: Any) -> None:
    """Extract claims from articles (.txt, .html, .jsonl, directories, or - for stdin).

    Writes one JSONL line per document as each finishes. An output file is
    locked for the run (FILE.lock beside it): a second run on it is refused.
    """
    from claimkit.extract.runner import lock_output, prepare_resume

    if resume and not _to_file(output):
        _fail("--resume needs -o FILE: it continues an existing output file")
    lock = lock_output(output) if output and _to_file(output) else contextlib.nullcontext()
    with lock:
        extractor, workers = _extractor(options, quiet)
        done: set[str] = set()
        if resume and output:
            done = prepare_resume(output)
            _note(f"resuming: {len(done)} documents already in {output}")
        plan = _Plan(output=output, done=done, append=resume, quiet=quiet, concurrency=workers,
                     max_cost=options["max_cost"], max_bytes=int(options["max_size"] * 2**20))
        counts = _run(paths, extractor, plan)
    if counts["failure"]:
        sys.exit(EXIT_FAILURES)


def _types(value: str | None) -> tuple[str, ...] | None:
    """``--types a,b`` as registered type names (checked), or None for all."""
    if value is None:
        return None
    from claimkit.errors import SchemaError
    from claimkit.schemas import claim_model

    names = tuple(dict.fromkeys(t.strip() for t in value.split(",") if t.strip()))
    if not names:
        _fail("--types needs at least one claim type name")
    for name in names:
        try:
            claim_model(name)
        except SchemaError as exc:
            _fail(f"--types: {exc}")
    return names


def _extractor(options: dict[str, Any], quiet: bool = False) -> tuple[Any, int]:
    """The extractor the options ask for, and how many documents to run at once
    (the note naming the backend is left out with ``-q``)."""
    from claimkit.extract.pipeline import Extractor

    extractor = Extractor(
        None if options["backend"] == "auto" else options["backend"],
        types=_types(options["types"]), cache=not options["no_cache"],
        model=options["model"], base_url=options["base_url"], max_wait=options["max_wait"],
        **_gazetteer_options(options["gazetteer"]),
    )
    backend = extractor.backend
    if extractor.backend_name == "rules":
        if not quiet:
            _note("backend: rules (offline baseline); for LLM extraction set OPENAI_API_KEY, "
                  "or pass --backend openai --base-url URL --model NAME")
        return extractor, 1  # offline and CPU-bound: threads would not help
    if not quiet:
        _note(f"backend: {extractor.backend_name} ({backend.describe()}); "
              "--backend rules runs the offline baseline")
    return extractor, options["concurrency"]


class _Sink:
    """Writes records (extraction records and load failures) and counts them."""

    def __init__(self, fh: IO[str], advance: Any) -> None:
        self.fh = fh
        self.advance = advance
        self.counts: Counter[str] = Counter()
        self.claims: Counter[str] = Counter()
        self.load_failures: list[Failure] = []

    def on_load_error(self, err: InputError) -> None:
        _note(f"skipped {err}")
        self.load_failures.append(
            Failure(source=err.source, stage="load", kind=err.kind, message=redact(err))
        )

    def flush_load_failures(self) -> None:
        while self.load_failures:
            failure = self.load_failures.pop(0)
            self.fh.write(failure.model_dump_json() + "\n")
            self.fh.flush()
            self.counts["failure"] += 1

    def on_record(self, record: DocumentClaims | Failure) -> None:
        self.counts[record.record] += 1
        if isinstance(record, DocumentClaims):
            self.claims.update(c.type for c in record.claims)
        self.advance(record)
        self.flush_load_failures()


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


def _run(paths: tuple[str, ...], extractor: Any, plan: _Plan) -> Counter[str]:
    """Load, extract and write every document; print the summary; return record counts."""
    from claimkit.documents import load_documents
    from claimkit.extract.runner import run_extraction

    fh = _open_output(plan.output, append=plan.append)
    try:
        with _progress(plan.quiet) as advance, _long_run_gc():
            sink = _Sink(fh, advance)
            docs = (d for d in load_documents(paths, on_error=sink.on_load_error,
                                              max_bytes=plan.max_bytes)
                    if d.id not in plan.done)
            summary = run_extraction(extractor, docs, fh, concurrency=plan.concurrency,
                                     max_cost=plan.max_cost, on_record=sink.on_record)
            sink.flush_load_failures()
    finally:
        if fh is not sys.stdout:
            fh.close()
    where = f" -> {plan.output}" if plan.output and plan.output != "-" else ""
    _note(_summary(sink.counts, sink.claims, extractor.backend_name, where))
    if extractor.backend_name != "rules":
        _note(summary.describe())
    if summary.not_started:
        _note(f"--max-cost {plan.max_cost} reached: {summary.not_started} documents not "
              "started; rerun with --resume and a higher limit")
    if summary.stopped:
        again = f"-o {plan.output} --resume" if plan.output and plan.output != "-" else (
            "-o FILE --resume (write to a file to resume)")
        _note(f"stopped: {summary.stopped}; {summary.not_started_dead} documents not started; "
              f"fix the endpoint and rerun with {again}")
    return sink.counts


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


# ------------------------------------------------------------------ claims files


_STRICT = click.option("--strict", is_flag=True,
                       help="Stop at the first bad line of a claims file (exit 2) instead of "
                       "reporting it and going on (exit 1 at the end).")


class _ClaimsReader:
    """Records of claims files through the one JSONL reader; bad lines in one line each."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.bad = 0

    def on_error(self, err: InputError) -> None:
        self.bad += 1
        _note(f"skipped {err}")

    def records(self, files: tuple[str, ...]) -> Iterator[DocumentClaims | Failure]:
        from claimkit.io import read_records

        for name in files:
            try:
                yield from read_records(name, strict=self.strict, on_error=self.on_error)
            except InputError as err:  # a whole file: binary, UTF-16, a FIFO
                if self.strict or isinstance(err.__cause__, SchemaError):
                    raise  # --strict, or a plugin not loaded: a usage error (exit 2)
                self.on_error(err)

    def exit_code(self, code: int = EXIT_OK) -> int:
        return EXIT_FAILURES if self.bad else code


# ------------------------------------------------------------------------- schema


@main.command()
@click.option("-o", "--output", "output", default="schemas", show_default=True,
              help="Directory to write the JSON Schema files into.")
@click.option("--check", is_flag=True, help="Exit 1 if the files in the directory differ.")
def schema(output: str, check: bool) -> None:
    """Write the JSON Schema of every claim type and record."""
    import json

    from claimkit.io import export_schemas, schema_documents

    if check:
        stale = []
        for name, doc in schema_documents().items():
            path = Path(output) / name
            if not path.exists() or json.loads(path.read_text(encoding="utf-8")) != doc:
                stale.append(name)
        if stale:
            _fail(f"{output}: out of date: {', '.join(sorted(stale))}; run `claimkit schema -o {output}`", 1)
        _note(f"{output}: up to date")
        return
    for path in export_schemas(output):
        click.echo(str(path))


# --------------------------------------------------------------------------- eval


@main.command(name="eval")
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, file_okay=False),
              help="Directory of gold *.jsonl files.")
@click.argument("predictions", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--events", "events", type=click.Path(exists=True, dir_okay=False), default=None,
              help="An event gold (which gold claims report the same event): also score the "
              "validator's links and findings on the predictions against it.")
@_STRICT
def eval_(gold: str, predictions: str, as_json: bool, events: str | None, strict: bool) -> None:
    """Score predicted claims against gold claims (precision, recall, F1)."""
    import json

    from claimkit.evaluate import evaluate, evaluate_events, format_events, format_table

    reader = _ClaimsReader(strict)
    records = list(reader.records((predictions,)))
    report = evaluate(gold, records)
    ev = evaluate_events(events, gold, records) if events else None
    if as_json:
        out = report.to_dict()
        if ev is not None:
            out["events"] = {"links": ev.links.to_dict(), "findings": ev.findings.to_dict(),
                             "false_findings": ev.false_findings, "unreachable": ev.unreachable}
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        click.echo(format_table(report))
        if ev is not None:
            click.echo("")
            click.echo(format_events(ev))
    if reader.bad:
        sys.exit(reader.exit_code())


# ----------------------------------------------------------------------- validate


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True, help="table: a readable table on stdout; json: the whole report "
              "(groups and findings); jsonl: one finding per line.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
              show_default=True, help="Exit 1 when a finding of this severity or worse is found.")
@_GAZETTEER
@_STRICT
@click.option("--ignore", "ignore", multiple=True, metavar="KIND",
              help="Leave out findings of this kind (e.g. unanchored_date); repeatable.")
def validate(files: tuple[str, ...], fmt: str, fail_on: str, gazetteer: tuple[str, ...],
             strict: bool, ignore: tuple[str, ...]) -> None:
    """Check claims across documents: conflicts, stance changes, corroboration."""
    from rich.console import Console

    from claimkit.consistency import validate as run_validation
    from claimkit.consistency.render import report_table

    reader = _ClaimsReader(strict)
    report = run_validation(reader.records(files), **_gazetteer_options(gazetteer))
    if ignore:
        kept = [f for f in report.findings if f.kind not in set(ignore)]
        report = report.model_copy(update={"findings": kept})
    if fmt == "json":
        click.echo(report.to_json())
    elif fmt == "jsonl":
        for finding in report.findings:
            click.echo(finding.model_dump_json())
    else:
        Console(soft_wrap=False).print(report_table(report))
    c = report.counts()
    _note(f"{report.n_claims} claims, {len(report.groups)} groups: {c['error']} error(s), "
          f"{c['warning']} warning(s), {c['info']} info")
    sys.exit(reader.exit_code(EXIT_FAILURES if report.failed(fail_on) else EXIT_OK))


# --------------------------------------------------------------------------- view


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "output", required=True, help="HTML file to write.")
@click.option("--findings/--no-findings", default=True, show_default=True,
              help="Validate the claims and show the findings; --no-findings keeps memory "
              "flat on very large files (the claims are not held for validation).")
@_GAZETTEER
@_STRICT
def view(files: tuple[str, ...], output: str, findings: bool, gazetteer: tuple[str, ...],
         strict: bool) -> None:
    """Write a self-contained, interactive HTML report of claims, evidence and findings.

    The records are read one at a time (article texts are spooled to a
    temporary file), so a large claims file does not have to fit in memory.
    """
    from claimkit.report import render

    reader = _ClaimsReader(strict)
    options = _gazetteer_options(gazetteer) if findings else {}
    stats = render(reader.records(files), output, validate=findings, **options)
    _note(f"wrote {output}: {stats.documents} document(s), {stats.claims} claim(s), "
          f"{stats.findings} finding(s), {stats.bytes / 1e6:.1f} MB")
    if reader.bad:
        sys.exit(reader.exit_code())


if __name__ == "__main__":  # pragma: no cover
    main()
