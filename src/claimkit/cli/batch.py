"""``claimkit batch prepare / submit / status / collect``: extraction at batch prices."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from claimkit.cli.app import EXIT_FAILURES, SIZE_MB, ClaimsReader, fail, main, note


@main.group()
def batch() -> None:
    """Batch mode: the requests of `extract --backend openai` through the OpenAI or Azure
    OpenAI Batch API (half price, 24-hour window) or vLLM's `run-batch`.

    prepare -> submit -> status --wait -> collect; see docs/batch.md.
    """


def _money(value: float | None) -> str:
    return "$?" if value is None else f"${value:,.2f}"


@batch.command("prepare")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", required=True, metavar="FILE",
              help="Request file, such as requests.jsonl; past the per-file limits also "
              "requests.2.jsonl... beside it, and the state file requests.state.json.")
@click.option("--provider", type=click.Choice(["openai", "azure", "vllm"]), default="openai",
              show_default=True, help="Who runs the requests (sets each line's url).")
@click.option("--model", default=None,
              help="Model (Azure: the batch deployment's name; env CLAIMKIT_MODEL).")
@click.option("--base-url", default=None,
              help="Endpoint submit/collect talk to (env CLAIMKIT_BASE_URL).")
@click.option("--mode", type=click.Choice(["tools", "json", "md_json"]), default=None,
              help="Structured-output mode, as for extract (env CLAIMKIT_MODE; default tools).")
@click.option("--types", "types", default=None, metavar="T1,T2",
              help="Claim types to extract, comma-separated (default: every registered type).")
@click.option("--examples", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Few-shot examples, as for extract (env CLAIMKIT_EXAMPLES); collect "
              "reads the same file again.")
@click.option("--context-window", type=click.IntRange(1), default=None, metavar="TOKENS",
              help="The model's context window, as for extract (env CLAIMKIT_CONTEXT_WINDOW).")
@click.option("--max-requests", type=click.IntRange(1), default=50_000, show_default=True,
              help="Requests per file (OpenAI's limit).")
@click.option("--max-file-mb", type=click.FloatRange(min=0.001), default=200.0,
              show_default=True, help="Size per file, MB (the providers' limit).")
@click.option("--max-size", "max_size", type=SIZE_MB, default=10.0,
              show_default=True, metavar="MB", help="Document size limit, as for extract.")
def prepare(paths: tuple[str, ...], output: str, **options: Any) -> None:
    """Write the requests real-time extraction would send, one line per chunk, and print
    the estimated tokens and cost at batch prices. Nothing is sent."""
    from claimkit.batch.jobs import Limits
    from claimkit.batch.jobs import prepare as run_prepare
    from claimkit.batch.state import state_path
    from claimkit.cli.extract import _types
    from claimkit.extract.llm.settings import resolve_settings

    settings = resolve_settings(model=options["model"], base_url=options["base_url"],
                                mode=options["mode"], examples=options["examples"],
                                context_window=options["context_window"])
    limits = Limits(options["max_requests"], int(options["max_file_mb"] * 2**20),
                    int(options["max_size"] * 2**20))
    state, prepared = run_prepare(
        paths, output, settings, types=_types(options["types"]), provider=options["provider"],
        limits=limits,
        on_error=lambda err: note(f"skipped {err}"),
    )
    names = ", ".join(f.path for f in prepared.files) or "none (no documents)"
    note(f"{prepared.requests} requests for {prepared.documents} documents in "
         f"{len(prepared.files)} file(s): {names}; state: {state_path(output)}")
    u = prepared.usage
    note(f"estimate (rough): ~{u.prompt_tokens:,} prompt + ~{u.completion_tokens:,} completion "
         f"tokens, {_money(prepared.cost)} at batch prices ({_money(prepared.realtime_cost)} in "
         f"real time), model {state.model}"
         + ("" if prepared.cost is not None else " (no price for it: add one with CLAIMKIT_PRICES)"))


def _client(state_file: str, base_url: str | None) -> tuple[Any, Any]:
    """The state and an API client for it (key from the environment)."""
    from claimkit.batch.remote import client_for
    from claimkit.batch.state import State
    from claimkit.extract.llm.settings import resolve_settings

    state = State.load(state_file)
    settings = resolve_settings(model=state.model, base_url=base_url or state.base_url)
    client = client_for(state, api_key=settings.api_key, base_url=settings.base_url,
                        max_retries=settings.max_api_retries)
    return state, client


STATE = click.argument("state_file", metavar="STATE")
BASE_URL = click.option("--base-url", default=None,
                        help="Endpoint, instead of the one recorded by prepare.")


@batch.command("submit")
@STATE
@BASE_URL
def submit(state_file: str, base_url: str | None) -> None:
    """Upload the request files and start one batch per file (resumable: what is done
    already is not done again)."""
    from claimkit.batch import remote

    state, client = _client(state_file, base_url)
    started = remote.submit(state, Path(state_file), client, on_note=note)
    note(f"{started} batch(es) started; {remote.describe(state)}")


@batch.command("status")
@STATE
@BASE_URL
@click.option("--wait", is_flag=True, help="Poll until every batch has finished.")
@click.option("--poll", type=click.FloatRange(min=0), default=30.0, show_default=True,
              help="First wait between polls, seconds (doubled each time, at most 10 minutes).")
@click.option("--timeout", type=click.FloatRange(min=0), default=None,
              help="With --wait: give up after this many seconds (exit 1).")
def status(state_file: str, base_url: str | None, wait: bool, poll: float,
           timeout: float | None) -> None:
    """Show each batch's status; download the output and error files of finished ones."""
    from claimkit.batch import remote

    state, client = _client(state_file, base_url)
    path = Path(state_file)
    finished = True
    if wait:
        finished = remote.wait(state, path, client, remote.Backoff(initial=poll),
                               timeout=timeout, on_note=note)
    else:
        remote.refresh(state, path, client)
    remote.download(state, path, client)
    for bf in state.files:
        counts = ", ".join(f"{k} {v}" for k, v in bf.counts.items())
        click.echo(f"{bf.path}\t{bf.batch_id or '-'}\t{bf.status or 'not submitted'}\t{counts}")
        for error in bf.errors:
            note(f"{bf.path}: {error}")
    if not finished:
        note("still running: run `claimkit batch status --wait` again later")
        sys.exit(EXIT_FAILURES)


@batch.command("collect")
@STATE
@click.option("-o", "--output", required=True, metavar="FILE",
              help="Output JSONL (appended; documents already in it are skipped).")
@click.option("--from-file", "from_files", multiple=True, type=click.Path(exists=True),
              help="Read this output file (vLLM run-batch's) instead of the downloaded ones; "
              "repeatable.")
@click.option("--no-reask", is_flag=True,
              help="Send nothing in real time: unusable or missing replies become failures.")
@click.option("--concurrency", type=click.IntRange(1, 256), default=4, show_default=True,
              help="Documents handled at once (re-asks are sent meanwhile).")
@BASE_URL
@click.option("--db", "db", default=None, metavar="URL",
              help="Also load the output into this claim store (SQLite path or SQLAlchemy "
              "URL), exactly once per document: a rerun after a crash stores nothing twice.")
def collect(state_file: str, output: str, from_files: tuple[str, ...], no_reask: bool,
            concurrency: int, base_url: str | None, db: str | None) -> None:
    """Turn the batch replies into records (same salvage, grounding and merging as
    real-time extraction); safe to rerun after a crash."""
    from claimkit.batch import remote
    from claimkit.batch.jobs import collect as run_collect

    if not from_files:
        state, client = _client(state_file, base_url)
        waiting = remote.download(state, Path(state_file), client)
        if waiting:
            fail(f"{len(waiting)} batch(es) not finished ({remote.describe(state)}); "
                 "run `claimkit batch status STATE --wait` first")
    result = run_collect(state_file, output, outputs=list(from_files) or None,
                         reask=not no_reask, concurrency=concurrency, on_note=note,
                         base_url=base_url)
    u = result.usage
    cost = "" if u.cost_usd is None else f", ${u.cost_usd:,.4f}"
    note(f"{result.counts['document']} documents, {result.counts['failure']} failures -> "
         f"{output} ({result.skipped} already there); {result.batch_replies} batch replies, "
         f"{result.realtime_requests} real-time requests; usage {u.prompt_tokens:,} prompt + "
         f"{u.completion_tokens:,} completion tokens{cost}")
    if db is not None:
        _store(output, db)
    if result.counts["failure"]:
        sys.exit(EXIT_FAILURES)



def _store(output: str, db: str) -> None:
    """Load the whole output file into the claim store: documents stored by an earlier
    (crashed) collect are skipped by the store's exactly-once rule, so nothing is
    stored twice and nothing collected before the crash is left out."""
    from claimkit.cli.store import open_db
    from claimkit.store import RunInfo

    reader = ClaimsReader(strict=False)
    with open_db(db) as store:
        writer = store.writer(RunInfo("batch collect"))
        try:
            counts = writer.add(reader.records((output,)))
        finally:
            writer.close()
        note(f"{counts.describe()} -> {store.url}")
