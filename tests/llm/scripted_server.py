"""A scripted OpenAI-compatible chat-completions server on loopback (stdlib only).

THE REPLIES ARE SCRIPTED. This server answers from the gold annotations or
from a per-test script; it tests claimkit's plumbing (requests, parsing,
grounding, re-asks, retries, chunking, resume, cache), never a model's
quality.

Default reply: the *gold responder*: for each request it returns, as a tool
call, every gold claim with a quote in the article text of the request,
carrying only the quotes that lie in that text (so a chunk gets the claims,
and the parts of claims, stated inside it; merging them is the library's job). Tests
push steps for a given article (found by a marker string in the request's
article text) to script errors, hallucinated quotes, truncation and so on.

*Sloppy mode* (``sloppy=RATE``) stands in for a careless model: the claims
are still the gold responder's (type and quotes), but every other field the
request's tool schema allows is filled from that schema, enums at random,
and each value that can be invalid (an enum, a patterned string, a number, a
boolean) is invalid with probability RATE. It reads the schema of each
request, so it follows whatever the library asks for.

Also usable as a stand-alone program for the benchmark and for trying the
command line without a model::

    python tests/llm/scripted_server.py --port 8765 --gold examples/gold \
        --articles examples/articles
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self

__all__ = [
    "ScriptedServer",
    "Step",
    "drop",
    "echo_key",
    "error",
    "gold_reply_claims",
    "load_gold_claims",
    "malformed",
    "raw",
    "reply",
    "sloppy_claims",
    "slow",
    "truncated",
]

class _Server(ThreadingHTTPServer):
    request_queue_size = 256  # the default 5 stalls bursts of concurrent connects
    daemon_threads = True


_ARTICLE = re.compile(r"<<<ARTICLE\n(.*)\nARTICLE>>>", re.DOTALL)


@dataclass
class Step:
    """One scripted answer."""

    kind: str  # reply | error | drop | slow | truncated | malformed | raw
    claims: list[dict[str, Any]] | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    delay: float = 0.0


def reply(claims: list[dict[str, Any]] | None = None, delay: float = 0.0) -> Step:
    """A tool call with these claims (None: the gold responder's claims)."""
    return Step("reply", claims=claims, delay=delay)


def error(status: int, headers: dict[str, str] | None = None, message: str = "scripted") -> Step:
    body = {"error": {"message": message, "type": "scripted_error", "code": status}}
    return Step("error", status=status, headers=headers or {}, body=body)


#: in an error's message or a raw body, replaced by the key the request was sent with
KEY = "{key}"


def echo_key(status: int = 401) -> Step:
    """An error whose body echoes the request's API key, as real providers word it."""
    messages = {
        401: f"Incorrect API key provided: {KEY}. You can find your API key at "
        "https://platform.openai.com/account/api-keys.",
        403: f"Project access denied for key {KEY}: you are not allowed to sample from this model",
    }
    message = messages.get(status, f"internal error while authorising {KEY}; please retry")
    return error(status, message=message)


def raw(status: int, text: str) -> Step:
    """A reply that is not JSON (a proxy's page); ``{key}`` is replaced by the request's key."""
    return Step("raw", status=status, body=text)


def drop() -> Step:
    """Close the connection without answering."""
    return Step("drop")


def slow(seconds: float) -> Step:
    """Answer only after ``seconds`` (longer than the client timeout: a timeout)."""
    return Step("slow", delay=seconds)


def truncated() -> Step:
    """A reply cut off at the token limit (finish_reason=length, broken JSON)."""
    return Step("truncated")


def malformed() -> Step:
    """A tool call whose arguments are not JSON."""
    return Step("malformed")


# ------------------------------------------------------------------------ gold


def load_gold_claims(gold_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Gold lines by document stem."""
    out: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(Path(gold_dir).glob("*.jsonl")):
        out[path.stem] = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return out


def _actor(name: str) -> dict[str, Any]:
    return {"text": name, "name": name}


def gold_reply_claims(gold: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Gold lines turned into the reply shape the model is asked for."""
    claims = []
    for g in gold:
        a = g.get("attributes", {})
        c: dict[str, Any] = {
            "type": g["type"],
            "quotes": list(g["evidence"]),
            "actor": [_actor(n) for n in g.get("actor", [])],
            "summary": f"Scripted {g['type']} claim (not written by a model).",
        }
        if g.get("date"):
            c["date"] = {"value": g["date"]}
        if g.get("modality"):
            c["modality"] = g["modality"]
        if g["type"] == "pledge":
            if a.get("recipient"):
                c["recipient"] = _actor(a["recipient"])
            for k in ("what", "condition"):
                if a.get(k):
                    c[k] = a[k]
            if a.get("amount") is not None:
                c["quantity"] = {"value": a["amount"], "unit": a.get("unit")}
        elif g["type"] == "refusal":
            for k in ("what", "condition"):
                if a.get(k):
                    c[k] = a[k]
        elif g["type"] == "warning":
            c["target"] = [_actor(n) for n in a.get("target", [])]
            for k in ("consequence", "condition"):
                if a.get(k):
                    c[k] = a[k]
        elif g["type"] == "meeting":
            c["participants"] = [_actor(n) for n in a.get("participants", [])]
            if a.get("participant_count") is not None:
                c["participant_count"] = {
                    "value": a["participant_count"],
                    "qualifier": a.get("count_qualifier", "exact"),
                }
            for k in ("location", "format", "topic"):
                if a.get(k):
                    c[k] = a[k]
        else:  # a user's claim type: names in lists become actors, the rest as written
            for k, v in a.items():
                names = isinstance(v, list) and all(isinstance(x, str) for x in v)
                c[k] = [_actor(x) for x in v] if names else v
        claims.append(c)
    return claims


# ---------------------------------------------------------------------- sloppy

#: values tried for a string with a ``pattern`` (the first that matches is used)
_PATTERNED = ["2025-03-14", "2025-03", "2025", "GB", "EUR", "x"]


def sloppy_claims(
    tool_schema: dict[str, Any], gold: list[dict[str, Any]], rate: float, rng: random.Random
) -> list[dict[str, Any]]:
    """``gold`` claims (type, quotes) with every other field of ``tool_schema`` filled:
    enums at random, each value that can be invalid invalid with probability ``rate``."""
    defs = tool_schema.get("$defs", {})
    items = tool_schema.get("properties", {}).get("claims", {}).get("items", {})
    variants = [_resolve(v, defs) for v in items.get("oneOf", items.get("anyOf", [items]))]
    out = []
    for claim in gold:
        schema = next((v for v in variants if _const(v) == claim["type"]), None)
        if schema is None:
            out.append(claim)
            continue
        filled = _fill(schema, claim, defs, rate, rng)
        filled["type"], filled["quotes"] = claim["type"], claim["quotes"]
        out.append(filled)
    return out


def _resolve(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _const(schema: dict[str, Any]) -> Any:
    t = schema.get("properties", {}).get("type", {})
    return t.get("const", (t.get("enum") or [None])[0])


def _fill(schema: dict[str, Any], given: Any, defs: dict[str, Any], rate: float,
          rng: random.Random) -> Any:  # noqa: C901 - one branch per JSON-schema kind
    schema = _resolve(schema, defs)
    if "anyOf" in schema:
        options = [o for o in schema["anyOf"] if _resolve(o, defs).get("type") != "null"]
        return _fill(rng.choice(options), given, defs, rate, rng) if options else None
    bad = rng.random() < rate
    if "enum" in schema:
        return "not-" + str(schema["enum"][0]) if bad else rng.choice(schema["enum"])
    if "const" in schema:
        return schema["const"]
    kind = schema.get("type")
    if kind == "object":
        given = given if isinstance(given, dict) else {}
        return {name: _fill(prop, given.get(name), defs, rate, rng)
                for name, prop in schema.get("properties", {}).items()}
    if kind == "array":
        values = given if isinstance(given, list) and given else [None]
        return [_fill(schema.get("items", {}), v, defs, rate, rng) for v in values]
    if kind == "string":
        pattern = schema.get("pattern")
        if pattern:
            return "sometime" if bad else next(
                (v for v in _PATTERNED if re.fullmatch(pattern, v)), "x")
        return given if isinstance(given, str) else "sloppy"
    if kind in ("number", "integer"):
        return "a few" if bad else (given if isinstance(given, (int, float)) else rng.randint(1, 99))
    if kind == "boolean":
        return "perhaps" if bad else rng.random() < 0.5
    return given


# ---------------------------------------------------------------------- server


class LoopbackServer:
    """Life cycle of a scripted HTTP server on 127.0.0.1 (``self._httpd``), run in a
    daemon thread: ``with Server(...) as s:`` starts and stops it."""

    _httpd: _Server
    _thread: threading.Thread | None

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> Self:
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class ScriptedServer(LoopbackServer):
    """The server, run in a daemon thread on 127.0.0.1.

    Args:
        gold: gold claims by document stem; the gold responder answers an
            article with the claims whose quotes it contains.
        port: 0 picks a free port (cassettes match on path, not host/port).
        latency: seconds every answer waits (the benchmark's L).
        failure_rate: share of requests answered by a random 429/500/timeout
            (benchmark); ``timeout_seconds`` is how long a "timeout" stalls.
        sloppy: None, or the rate of invalid values of sloppy mode (see the
            module docstring).
    """

    def __init__(
        self,
        gold: dict[str, list[dict[str, Any]]] | None = None,
        *,
        port: int = 0,
        latency: float = 0.0,
        failure_rate: float = 0.0,
        timeout_seconds: float = 2.0,
        seed: int = 0,
        sloppy: float | None = None,
    ) -> None:
        self.sloppy = sloppy
        self.in_flight = 0
        self.max_in_flight = 0  # most requests answered at once (the client's concurrency)
        self.gold_claims = [c for claims in (gold or {}).values() for c in gold_reply_claims(claims)]
        self.latency = latency
        self.failure_rate = failure_rate
        self.timeout_seconds = timeout_seconds
        self.random = random.Random(seed)
        self.scripts: list[tuple[str, list[Step]]] = []
        self.requests: list[dict[str, Any]] = []
        #: (time.monotonic(), total tokens) of every completion answered
        self.usage_log: list[tuple[float, int]] = []
        self.raw_requests: list[tuple[dict[str, str], bytes]] = []
        self.responder: Callable[[str], list[dict[str, Any]]] = self.gold_responder
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", port), self._handler())
        self._thread: threading.Thread | None = None

    # -- scripting

    def script(self, marker: str, *steps: Step) -> None:
        """Answer the next requests whose article text contains ``marker`` with ``steps``."""
        self.scripts.append((marker, list(steps)))

    def gold_responder(self, article: str) -> list[dict[str, Any]]:
        """Every gold claim with a quote in ``article``, with only the quotes found there.

        A chunk of a long article thus gets the part of a claim it states: a
        claim whose quotes lie in two chunks comes back twice, each time with
        the quotes of that chunk (the library has to merge them).
        """
        out = []
        for claim in self.gold_claims:
            quotes = [q for q in claim["quotes"] if q in article]
            if quotes:
                out.append({**claim, "quotes": quotes})
        return out

    def _next_step(self, article: str) -> Step:
        with self._lock:
            for marker, steps in self.scripts:
                if steps and marker in article:
                    return steps.pop(0)
            if self.failure_rate and self.random.random() < self.failure_rate:
                kind = self.random.choice(["429", "500", "timeout"])
                if kind == "429":
                    return error(429, {"Retry-After": "0"}, "rate limited (injected)")
                if kind == "500":
                    return error(500, message="server error (injected)")
                return slow(self.timeout_seconds)
        return reply(delay=self.latency)

    # -- HTTP

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # headers and body go out in two writes: without TCP_NODELAY, Nagle's
            # algorithm and the client's delayed ACK add ~40 ms to every answer
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                """``/stats``: how many requests the server has seen (for the benchmark)."""
                with server._lock:
                    stats = {"requests": len(server.requests), "cpu_seconds": time.process_time()}
                self._send(200, stats)

            def do_POST(self) -> None:
                with server._lock:
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    self._answer()
                finally:
                    with server._lock:
                        server.in_flight -= 1

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                body = json.loads(raw)
                with server._lock:
                    server.requests.append(body)
                    server.raw_requests.append((dict(self.headers), raw))
                # the article asked about: the last user message that holds one (few-shot
                # examples come before it, re-asks after it)
                users = [m["content"] for m in body["messages"] if m["role"] == "user"]
                found = [a.group(1) for u in users if (a := _ARTICLE.search(u or ""))]
                article = found[-1] if found else (users[0] if users else "")
                step = server._next_step(article)
                if step.kind == "drop":
                    self.close_connection = True
                    self.connection.close()
                    return
                if step.kind == "slow":
                    time.sleep(step.delay)
                    step = reply()
                if step.delay:
                    time.sleep(step.delay)
                key = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
                if step.kind == "raw":
                    return self._send_bytes(step.status, step.body.replace(KEY, key).encode(),
                                            "text/html")
                if step.kind == "error":
                    body = json.loads(json.dumps(step.body).replace(KEY, key))
                    return self._send(step.status, body, step.headers)
                claims = step.claims if step.claims is not None else server.responder(article)
                if step.claims is None and server.sloppy is not None and body.get("tools"):
                    with server._lock:
                        claims = sloppy_claims(body["tools"][0]["function"]["parameters"],
                                               claims, server.sloppy, server.random)
                args = json.dumps({"claims": claims}, ensure_ascii=False)
                finish = "tool_calls"
                if step.kind == "truncated":
                    args, finish = args[: max(10, len(args) // 2)], "length"
                elif step.kind == "malformed":
                    args = args.replace('"claims":', "claims:", 1) + ",}"
                completion = _completion(body, args, finish, len(raw))
                with server._lock:  # the tokens the server bills, when it bills them
                    server.usage_log.append((time.monotonic(),
                                             completion["usage"]["total_tokens"]))
                self._send(200, completion)

            def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                self._send_bytes(status, data, "application/json", headers)

            def _send_bytes(self, status: int, data: bytes, content_type: str,
                            headers: dict[str, str] | None = None) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                    self.close_connection = True

        return Handler


def _completion(request: dict[str, Any], args: str, finish: str, request_bytes: int) -> dict[str, Any]:
    n = len([m for m in request["messages"] if m["role"] == "assistant"])
    message: dict[str, Any] = {"role": "assistant", "content": None}
    if request.get("tools"):
        name = request["tools"][0]["function"]["name"]
        message["tool_calls"] = [
            {"id": f"call_{n}", "type": "function", "function": {"name": name, "arguments": args}}
        ]
    else:
        message["content"] = args
    # deterministic stand-in token counts (about 4 bytes per token)
    prompt, completion = request_bytes // 4, len(args.encode("utf-8")) // 4
    return {
        "id": f"chatcmpl-scripted-{n}",
        "object": "chat.completion",
        "created": 0,
        "model": request.get("model", "scripted"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion},
    }


def main() -> None:  # pragma: no cover - manual use
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    p.add_argument("--gold", type=Path, default=Path("examples/gold"))
    p.add_argument("--latency", type=float, default=0.0)
    p.add_argument("--failure-rate", type=float, default=0.0)
    p.add_argument("--timeout-seconds", type=float, default=2.0)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--sloppy", type=float, default=None,
                   help="sloppy mode: fill every field from the schema, this share invalid")
    args = p.parse_args()
    server = ScriptedServer(
        load_gold_claims(args.gold), port=args.port, latency=args.latency,
        failure_rate=args.failure_rate, timeout_seconds=args.timeout_seconds, seed=args.seed,
        sloppy=args.sloppy,
    )
    print(f"scripted server on {server.base_url} (Ctrl-C to stop)", flush=True)
    server.start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()
    finally:
        sys.stdout.flush()


if __name__ == "__main__":  # pragma: no cover
    main()
