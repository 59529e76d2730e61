"""The ``claimkit`` command: extract, validate, view, eval, schema.

Data goes to stdout (or ``-o``); progress, logs and the summary go to stderr.
Exit codes: 0 all well, 1 some documents failed (or findings at the
``--fail-on`` level), 2 usage error (bad option, missing file, bad settings).
"""

from __future__ import annotations

import logging
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, NoReturn

import click

from claimkit.errors import ClaimkitError, ConfigError, InputError
from claimkit.schemas import DocumentClaims, Failure

__all__ = ["main"]

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2

log = logging.getLogger("claimkit")


def _fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"claimkit: error: {message}", err=True)
    sys.exit(code)


def _note(message: str) -> None:
    click.echo(f"claimkit: {message}", err=True)


class _Group(click.Group):
    """Turn every ClaimkitError into one line and an exit code, never a traceback."""

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


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimkit")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
def main(verbose: int) -> None:
    """Turn news articles into typed, grounded claims and check them against each other."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="claimkit: %(levelname)s: %(name)s: %(message)s")
    if verbose < 2:
        # instructor logs every API failure as ERROR ("Max retries exceeded. Total
        # attempts: 1") even when claimkit's own retries handle it; claimkit reports
        # what failed itself, in one line per document.
        logging.getLogger("instructor").setLevel(logging.CRITICAL)


# ------------------------------------------------------------------------ extract


def _open_output(path: str | None, *, append: bool) -> IO[str]:
    if path is None or path == "-":
        return sys.stdout
    out = Path(path)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    return open(out, "a" if append else "w", encoding="utf-8")


def _summary(records: Counter[str], claims: Counter[str], backend: str, extra: str = "") -> str:
    by_type = ", ".join(f"{n} {t}" for t, n in sorted(claims.items())) or "none"
    return (
        f"{records['document']} documents, {sum(claims.values())} claims ({by_type}), "
        f"{records['failure']} failures, backend {backend}{extra}"
    )


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", "output", default=None, help="Output JSONL file (default: stdout).")
@click.option(
    "--backend",
    type=click.Choice(["auto", "rules", "openai"]),
    default="auto",
    show_default=True,
    help="auto: openai when an endpoint is configured, else the offline rules.",
)
@click.option("--model", default=None, help="Model name (openai backend; env CLAIMKIT_MODEL).")
@click.option("--base-url", default=None, help="OpenAI-compatible endpoint (env CLAIMKIT_BASE_URL).")
@click.option("--concurrency", type=click.IntRange(1, 256), default=4, show_default=True,
              help="Documents extracted at once (openai backend).")
@click.option("--resume", is_flag=True, help="Skip documents already in the output file; append.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the response cache.")
@click.option("--max-cost", type=float, default=None,
              help="Stop starting new documents once the estimated cost (USD) would pass this.")
@click.option("--gazetteer", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra gazetteer JSON file(s) of people and organisations.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def extract(
    paths: tuple[str, ...],
    output: str | None,
    backend: str,
    model: str | None,
    base_url: str | None,
    concurrency: int,
    resume: bool,
    no_cache: bool,
    max_cost: float | None,
    gazetteer: tuple[str, ...],
    quiet: bool,
) -> None:
    """Extract claims from articles (.txt, .html, .jsonl, directories, or - for stdin).

    Writes one JSONL line per document as each finishes.
    """
    from claimkit.documents import load_documents
    from claimkit.extract.llm.settings import select_backend
    from claimkit.extract.pipeline import Extractor
    from claimkit.extract.runner import prepare_resume, run_extraction

    if gazetteer:
        import os

        prev = os.environ.get("CLAIMKIT_GAZETTEER")
        os.environ["CLAIMKIT_GAZETTEER"] = os.pathsep.join([*(gazetteer), *([prev] if prev else [])])
    if resume and (output is None or output == "-"):
        _fail("--resume needs -o FILE: it continues an existing output file")

    chosen = select_backend(
        None if backend == "auto" else backend, model=model, base_url=base_url,
        cache=not no_cache,
    )
    describe = getattr(chosen, "describe", None)
    if callable(describe):
        _note(f"backend: openai ({describe()}); --backend rules runs the offline baseline")
        workers = concurrency
    else:
        _note(
            "backend: rules (offline baseline); for LLM extraction set OPENAI_API_KEY, "
            "or pass --backend openai --base-url URL --model NAME"
        )
        workers = 1  # offline and CPU-bound: threads would not help
    extractor = Extractor(chosen)
    done: set[str] = set()
    if resume and output:
        done = prepare_resume(output)
        _note(f"resuming: {len(done)} documents already in {output}")

    load_failures: list[Failure] = []

    def on_error(err: InputError) -> None:
        _note(f"skipped {err}")
        load_failures.append(Failure(source=err.source, stage="load", kind=err.kind, message=str(err)))

    docs = (d for d in load_documents(paths, on_error=on_error) if d.id not in done)
    records: Counter[str] = Counter()
    claims: Counter[str] = Counter()
    fh = _open_output(output, append=resume)

    def flush_load_failures() -> None:
        while load_failures:
            failure = load_failures.pop(0)
            fh.write(failure.model_dump_json() + "\n")
            fh.flush()
            records["failure"] += 1

    try:
        with _progress(quiet) as advance:

            def on_record(record: DocumentClaims | Failure) -> None:
                records[record.record] += 1
                if isinstance(record, DocumentClaims):
                    claims.update(c.type for c in record.claims)
                advance(record)
                flush_load_failures()

            summary = run_extraction(
                extractor, docs, fh, concurrency=workers, max_cost=max_cost, on_record=on_record
            )
            flush_load_failures()
    finally:
        if fh is not sys.stdout:
            fh.close()
    where = f" -> {output}" if output and output != "-" else ""
    _note(_summary(records, claims, extractor.backend_name, where))
    if callable(describe):
        _note(summary.describe())
    if summary.not_started:
        _note(f"--max-cost {max_cost} reached: {summary.not_started} documents not started; "
              "rerun with --resume and a higher limit")
    if records["failure"]:
        sys.exit(EXIT_FAILURES)


def _interleave(
    records: Iterator[DocumentClaims | Failure], pending: list[Failure]
) -> Iterator[DocumentClaims | Failure]:
    """Yield extraction records, slipping in load failures as they are reported."""
    for record in records:
        while pending:
            yield pending.pop(0)
        yield record
    while pending:
        yield pending.pop(0)


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
            self._progress.update(task, advance=1, description=str(label))

        return advance

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


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
def eval_(gold: str, predictions: str, as_json: bool) -> None:
    """Score predicted claims against gold claims (precision, recall, F1)."""
    import json

    from claimkit.evaluate import evaluate, format_table
    from claimkit.io import read_records

    report = evaluate(gold, list(read_records(predictions)))
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_table(report))


# ----------------------------------------------------------------------- validate


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table",
              show_default=True)
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error",
              show_default=True, help="Exit 1 when a finding of this severity or worse is found.")
def validate(files: tuple[str, ...], fmt: str, fail_on: str) -> None:
    """Check claims across documents: conflicts, stance changes, corroboration."""
    from rich.console import Console

    from claimkit.consistency import read_claim_files
    from claimkit.consistency import validate as run_validation
    from claimkit.consistency.render import report_table

    report = run_validation(read_claim_files(files))
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
    sys.exit(EXIT_FAILURES if report.failed(fail_on) else EXIT_OK)


# --------------------------------------------------------------------------- view


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", "output", required=True, help="HTML file to write.")
def view(files: tuple[str, ...], output: str) -> None:
    """Write a self-contained HTML report of claims, evidence and findings."""
    from claimkit.consistency import read_claim_files
    from claimkit.consistency import validate as run_validation
    from claimkit.report import render_html

    records = list(read_claim_files(files))
    page = render_html(records, run_validation(records))
    Path(output).write_text(page, encoding="utf-8")
    _note(f"wrote {output} ({len(records)} record(s))")


if __name__ == "__main__":  # pragma: no cover
    main()
