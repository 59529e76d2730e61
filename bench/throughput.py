"""Throughput of the LLM backend against the scripted server (no model, no network).

N documents (the sample articles, repeated under distinct ids) go through the
whole pipeline (prompt, HTTP on 127.0.0.1, parse, grounding, claims) with
concurrency C while the scripted server waits L seconds before every answer.
Prints the wall time against the ideal N x L / C, and requests and tokens
per document. With ``--failure-rate`` the server answers that share of
requests with a random 429 (Retry-After: 0), 500 or a stall past the client
timeout; the script then checks that every document ended as claims or as a
failure record, none lost and none duplicated.

The replies are SCRIPTED (from the gold annotations): this measures
claimkit's plumbing, not a model.

With ``--e2e`` the whole command is measured instead: the documents are
written as files, ``claimkit extract DIR -o -`` runs as a subprocess, and in
the same run a bare async openai client (another subprocess: no loading, no
parsing of claims, no grounding, no output) sends the same number of requests
with the same prompt and tool schema at the same concurrency. It prints both
wall times (process start to exit), documents per second, the time to the
first output line (the bare client: to its first reply) and the ratio of the
two walls (target: at most 1.10).

    .venv/bin/python bench/throughput.py                       # N=200 C=16 L=0.25
    .venv/bin/python bench/throughput.py --failure-rate 0.2
    .venv/bin/python bench/throughput.py --e2e -n 400          # the CLI vs a bare client
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import math
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

from claimkit.extract.llm.openai import OpenAIBackend
from claimkit.extract.pipeline import Extractor
from claimkit.extract.runner import run_extraction
from claimkit.schemas import Document

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    p = argparse.ArgumentParser(description="LLM backend throughput against a scripted server")
    p.add_argument("-n", "--documents", type=int, default=200)
    p.add_argument("-c", "--concurrency", type=int, default=16)
    p.add_argument("-l", "--latency", type=float, default=0.25, help="seconds per answer")
    p.add_argument("--failure-rate", type=float, default=0.0,
                   help="share of requests answered with a 429, a 500 or a timeout")
    p.add_argument("--timeout", type=float, default=1.0, help="client timeout (s) per request")
    p.add_argument("--max-retries", type=int, default=3, help="API retries per request")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--sloppy", type=float, default=None, metavar="RATE",
                   help="sloppy-model mode: the server fills every field of the tool schema, "
                   "enums at random, this share of values invalid")
    p.add_argument("--e2e", action="store_true",
                   help="end to end: the claimkit extract command (a subprocess, documents "
                   "from files) against a bare async openai client, same server, same run")
    p.add_argument("--bare-client", type=Path, default=None, help=argparse.SUPPRESS)
    p.add_argument("--base-url", default=None, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.bare_client is not None:  # the baseline's own process (see _bare_client)
        asyncio.run(_bare_client(args.bare_client, args.base_url, args.concurrency))
        return 0

    articles = sorted((ROOT / "examples" / "articles").glob("*.txt"))
    texts = [a.read_text(encoding="utf-8") for a in articles]
    # distinct ids and texts, so that no answer can come from a cache
    docs = [
        Document(id=f"bench-{i:04d}", text=texts[i % len(texts)] + f"\n[{i}]")
        for i in range(args.documents)
    ]
    # The server runs in its own process, as a real endpoint would: in this
    # process its threads would compete with the client for the GIL.
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "llm" / "scripted_server.py"), "--port", "0",
         "--latency", str(args.latency), "--failure-rate", str(args.failure_rate),
         "--timeout-seconds", str(args.timeout + 0.5), "--seed", str(args.seed),
         "--gold", str(ROOT / "examples" / "gold"),
         *(["--sloppy", str(args.sloppy)] if args.sloppy is not None else [])],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        line = server.stdout.readline() if server.stdout else ""
        base_url = line.split(" on ", 1)[1].split()[0]
        return _end_to_end(args, docs, base_url) if args.e2e else _run(args, docs, base_url)
    finally:
        server.terminate()
        server.wait()


def _stats(base_url: str) -> tuple[int, float]:
    """Requests the server has seen, and the CPU seconds it has used."""
    with urllib.request.urlopen(base_url.rsplit("/v1", 1)[0] + "/stats") as response:
        data = json.load(response)
    return int(data["requests"]), float(data["cpu_seconds"])


def _run(args: argparse.Namespace, docs: list[Document], base_url: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        backend = OpenAIBackend(
            model="scripted-model", base_url=base_url, api_key="bench", cache=False,
            cache_dir=Path(tmp), timeout=args.timeout, max_api_retries=args.max_retries,
            backoff_initial=0.05, backoff_max=0.5,
        )
        # warm-up outside the timing: lazy imports of the openai client, schema build
        warm = Document(id="warm-up", text=docs[0].text + "\n[warm-up]")
        run_extraction(Extractor(backend, normalize=False), [warm], io.StringIO())
        before, server_cpu = _stats(base_url)
        out = io.StringIO()
        cpu = time.process_time()
        start = time.perf_counter()
        summary = run_extraction(
            Extractor(backend, normalize=False), docs, out, concurrency=args.concurrency
        )
        wall = time.perf_counter() - start
        cpu = time.process_time() - cpu
    after, server_cpu_after = _stats(base_url)
    requests = after - before
    server_cpu = server_cpu_after - server_cpu

    records = [json.loads(line) for line in out.getvalue().splitlines()]
    ids = Counter(r["document"]["id"] if r["record"] == "document" else r["doc_id"] for r in records)
    lost = sorted({d.id for d in docs} - set(ids))
    duplicated = sorted(i for i, n in ids.items() if n > 1)
    kinds = Counter(r.get("kind", "ok") if r["record"] == "failure" else "claims" for r in records)
    ideal = args.documents * args.latency / args.concurrency
    u = summary.usage
    print(f"documents N={args.documents}  concurrency C={args.concurrency}  "
          f"latency L={args.latency:.3f}s  injected failure rate={args.failure_rate:.0%}")
    print(f"wall time        {wall:.2f}s")
    print(f"ideal N x L / C  {ideal:.2f}s")
    print(f"ratio            {wall / ideal:.3f} x ideal (floor: ceil(N/C) x L = "
          f"{math.ceil(args.documents / args.concurrency) * args.latency / ideal:.3f} x ideal)")
    print(f"server requests  {requests} ({requests / args.documents:.2f} per document)")
    print(f"CPU              client {cpu:.2f}s ({cpu / args.documents * 1000:.1f} ms/document), "
          f"scripted server {server_cpu:.2f}s")
    print(f"tokens/document  {u.prompt_tokens / args.documents:.0f} prompt + "
          f"{u.completion_tokens / args.documents:.0f} completion (scripted counts)")
    print(f"outcomes         {dict(kinds)}")
    if args.sloppy is not None:
        kept = [r for r in records if r["record"] == "document"]
        warnings = [w for r in kept for w in r.get("warnings", [])]
        print(f"sloppy model     invalid-value rate {args.sloppy:.0%}: documents failed "
              f"{sum(1 for r in records if r['record'] == 'failure')}, claims kept "
              f"{sum(len(r['claims']) for r in kept)}, values dropped "
              f"{sum(' dropped (' in w for w in warnings)}, claims dropped "
              f"{sum(' dropped:' in w for w in warnings)}, claims with a value dropped "
              f"{len({(r['document']['id'], w.split(':')[0]) for r in kept for w in r.get('warnings', []) if ' dropped (' in w})}")
    print(f"lost             {len(lost)}  duplicated {len(duplicated)}")
    ok = not lost and not duplicated and len(records) == args.documents
    print("every document ended as claims or a failure record: " + ("yes" if ok else "NO"))
    return 0 if ok else 1


# ---------------------------------------------------------------- end to end


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float, list[str]]:
    """Run ``command``; wall time to its exit, time to its first stdout line, its lines."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", env=env)
    assert proc.stdout is not None
    first = None
    lines = []
    for line in proc.stdout:
        if first is None:
            first = time.perf_counter() - start
        lines.append(line)
    stderr = proc.stderr.read() if proc.stderr else ""
    proc.wait()
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{command[0]} exited {proc.returncode}: {stderr[-2000:]}")
    return wall, first if first is not None else wall, lines


def _bodies(docs: list[Document], base_url: str) -> list[dict[str, Any]]:
    """The request bodies of the documents as the library words them (prompt, tool
    schema, max_tokens), for the bare client."""
    from claimkit.extract.llm.prompts import build_messages, response_model
    from claimkit.extract.llm.replies import tools_request

    backend = OpenAIBackend(model="scripted-model", base_url=base_url, api_key="bench",
                            cache=False)
    _, tail, _ = tools_request(response_model(None), backend.model, 0.0, backend.budget().reply)
    return [{"messages": build_messages(d, d.text), **tail} for d in docs]


async def _bare_client(path: Path, base_url: str, concurrency: int) -> None:
    """The baseline: the same requests through a bare AsyncOpenAI client, C at once;
    one stdout line per reply (the first one timed by the parent)."""
    import openai

    bodies = json.loads(path.read_text(encoding="utf-8"))
    client = openai.AsyncOpenAI(base_url=base_url, api_key="bench", max_retries=0)
    gate = asyncio.Semaphore(concurrency)

    async def one(body: dict[str, Any]) -> None:
        async with gate:
            reply = await client.chat.completions.create(**body)
        print(reply.id, flush=True)

    await asyncio.gather(*(one(b) for b in bodies))
    await client.close()


def _end_to_end(args: argparse.Namespace, docs: list[Document], base_url: str) -> int:
    env = {**os.environ, "CLAIMKIT_API_KEY": "bench", "CLAIMKIT_TIMEOUT": str(args.timeout),
           "CLAIMKIT_MAX_RETRIES": str(args.max_retries)}
    claimkit = Path(sys.executable).with_name("claimkit")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for d in docs:
            (folder / f"{d.id}.txt").write_text(d.text, encoding="utf-8")
        # the documents the command will extract (a page holding several articles is
        # several documents): the bare client asks about the same ones
        from claimkit.documents import load_documents

        loaded = list(load_documents([str(folder)]))
        bodies = Path(tmp) / "bodies.json"
        bodies.write_text(json.dumps(_bodies(loaded, base_url), ensure_ascii=False), "utf-8")
        before, _ = _stats(base_url)
        cli = _timed([str(claimkit), "extract", str(folder), "-o", "-", "--base-url", base_url,
                      "--model", "scripted-model", "--concurrency", str(args.concurrency),
                      "--no-cache", "-q"], env)
        middle, _ = _stats(base_url)
        bare = _timed([sys.executable, __file__, "--bare-client", str(bodies), "--base-url",
                       base_url, "-c", str(args.concurrency)], env)
        after, _ = _stats(base_url)
    records = [json.loads(line) for line in cli[2]]
    failed = sum(1 for r in records if r["record"] == "failure")
    counts = (len(docs), len(loaded), len(records), failed)
    return _report_e2e(args, cli, bare, (middle - before, after - middle), counts)


def _report_e2e(args: argparse.Namespace, cli: tuple[float, float, list[str]],
                bare: tuple[float, float, list[str]], requests: tuple[int, int],
                counts: tuple[int, int, int, int]) -> int:
    files, n, records, failed = counts
    ideal = n * args.latency / args.concurrency
    print(f"end to end: {files} files, documents N={n} (a page may hold several articles)  "
          f"concurrency C={args.concurrency}  latency L={args.latency:.3f}s")
    print(f"{'':24}{'wall':>9}{'docs/s':>9}{'first line':>12}{'requests':>10}{'x ideal':>9}")
    for name, (wall, first, _), count in (("claimkit extract (CLI)", cli, requests[0]),
                                          ("bare openai client", bare, requests[1])):
        print(f"{name:24}{wall:8.2f}s{n / wall:9.1f}{first:11.2f}s{count:10d}"
              f"{wall / ideal:9.3f}")
    print(f"ratio CLI / bare client  {cli[0] / bare[0]:.3f} (target <= 1.10)")
    print(f"ideal N x L / C          {ideal:.2f}s (both walls include interpreter start-up "
          "and imports)")
    ok = records == n and failed == 0
    print(f"CLI records {records}, failures {failed}: " + ("ok" if ok else "NOT OK"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
