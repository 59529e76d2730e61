"""LLM extraction through any OpenAI-compatible endpoint (the only module importing openai).

OpenAI, Azure OpenAI (``https://RESOURCE.openai.azure.com/openai/v1/``), vLLM,
Ollama, llama.cpp server and LM Studio all speak the same chat-completions
API; ``base_url`` picks one. The model answers by calling one function whose
parameters are the response model of :mod:`claimkit.extract.prompts`
(``mode="tools"``), or with a JSON object (``json``: ``response_format``
json_object; ``md_json``: a fenced JSON block, for servers that support
neither tools nor JSON mode).

Two policies, two bounds, kept apart on purpose:

* **API retries** (tenacity): a rate limit (honouring ``Retry-After``), a 5xx,
  a timeout or a dropped connection repeats the *same* request, with
  exponential backoff and jitter, at most ``max_api_retries`` times. They wrap
  the single HTTP call, inside the re-ask loop, so a 429 during a re-ask does
  not throw the re-ask away.
* **Re-asks**: a reply that is not valid JSON, does not fit the schema, or
  quotes words that are not in the article is sent back with the error, at
  most ``max_reasks`` times (so at most ``max_reasks + 1`` replies). Grounding
  failures name each bad quote and say that quotes must be copied verbatim.
  On the last reply, quotes that still do not ground are kept in
  ``claim.ungrounded`` rather than failing the document.

Why not instructor's retry loop: it does the same re-ask dance, but in
instructor 1.17 it also walks the whole response model several times per
request and derives a new response class per call; at our schema size that
was ~3.5 ms of CPU per request, which at concurrency 16 kept the event loop
busy enough to cost ~20% of throughput (see docs/llm.md). The loop here is
40 lines, has no templating (the article reaches the model unaltered, no
``context=`` pitfall), validates non-strictly on purpose (a local model's
``"5"`` for 5 is accepted, the value is still checked), and counts tokens of
every attempt, re-asks and retried requests included.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import re
import time
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import openai
from openai.types.chat import ChatCompletion
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

from claimkit.errors import BackendError, ClaimkitError, TransientError, TruncatedError
from claimkit.extract.base import BackendResult, Draft, build_claims
from claimkit.extract.cache import ResponseCache
from claimkit.extract.chunking import Chunk, chunk_text, merge_claims, split_chunk
from claimkit.extract.prompts import build_messages, prompt_version, response_model
from claimkit.extract.settings import LLMSettings, estimate_cost, load_prices, resolve_settings
from claimkit.grounding import Aligner
from claimkit.schemas import ClaimBase, Document, Span, Usage

__all__ = ["OpenAIBackend", "is_transient"]

log = logging.getLogger(__name__)

_TOOL = "record_claims"
_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.S)


@dataclass
class _Tally:
    """What one document has cost so far (every HTTP attempt counts)."""

    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def usage(self) -> Usage:
        return Usage(
            requests=self.requests,
            prompt_tokens=self.prompt_tokens,
            completion_tokens=self.completion_tokens,
        )


@dataclass
class _Call:
    """State of one structured call (one chunk): replies seen so far."""

    tally: _Tally
    replies: int = 0
    log: list[str] = field(default_factory=list)


_CALL: ContextVar[_Call | None] = ContextVar("claimkit_llm_call", default=None)


def is_transient(exc: BaseException) -> bool:
    """True for errors worth repeating the same request for."""
    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in (408, 409, 425, 429) or exc.status_code >= 500
    return False


def _retry_after(exc: BaseException | None) -> float | None:
    """Seconds a 429/503 asks us to wait (``Retry-After``/``retry-after-ms``), if it says."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    ms = headers.get("retry-after-ms")
    if ms:
        try:
            return float(ms) / 1000.0
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


def _describe(exc: BaseException) -> str:
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code}"
    if isinstance(exc, openai.APITimeoutError):
        return "timed out"
    if isinstance(exc, openai.APIConnectionError):
        return "connection failed"
    return type(exc).__name__


class OpenAIBackend:
    """Claims from an OpenAI-compatible chat-completions endpoint.

    Args:
        settings: resolved settings; default: :func:`resolve_settings` of
            ``overrides`` (arguments > ``CLAIMKIT_*`` > ``OPENAI_*``).
        cache: a :class:`ResponseCache`, True for the default directory
            (``CLAIMKIT_CACHE_DIR`` or ``~/.cache/claimkit``), False/None for none.
        types: claim type names to extract (default: every registered type).
        **overrides: settings such as ``model=``, ``base_url=``, ``api_key=``.

    Example::

        backend = OpenAIBackend(model="llama3.1", base_url="http://localhost:11434/v1")
        records = claimkit.extract(docs, backend=backend)
    """

    name = "openai"

    def __init__(
        self,
        settings: LLMSettings | None = None,
        *,
        cache: ResponseCache | bool | None = True,
        types: Sequence[str] | None = None,
        **overrides: Any,
    ) -> None:
        self.settings = settings.with_(**overrides) if settings else resolve_settings(**overrides)
        self.types = list(types) if types is not None else None
        if cache is True:
            cache = ResponseCache(self.settings.cache_dir) if self.settings.cache_dir else None
        self.cache: ResponseCache | None = cache or None
        self.prices = load_prices(self.settings.prices_file)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._client: openai.AsyncOpenAI | None = None

    def __repr__(self) -> str:  # the settings' repr leaves the key out
        return f"OpenAIBackend({self.settings!r})"

    @property
    def model(self) -> str:
        return self.settings.model

    @property
    def version(self) -> str:
        """Prompt/schema version recorded in every output record."""
        return prompt_version(self.types)

    # ------------------------------------------------------------------ client

    def _http(self) -> openai.AsyncOpenAI:
        """The client for the running event loop.

        An async HTTP client is bound to the event loop it first ran on, so
        a new loop (a new ``asyncio.run``) gets a new client.
        """
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop:
            s = self.settings
            self._client = openai.AsyncOpenAI(
                api_key=s.api_key or "not-needed",  # local servers take any key
                base_url=s.base_url,
                timeout=s.timeout,
                max_retries=0,  # retries are ours (tenacity), with our bounds
                default_headers=dict(s.extra_headers) or None,
            )
            self._loop = loop
        return self._client

    def _wait(self, state: RetryCallState) -> float:
        s = self.settings
        exc = state.outcome.exception() if state.outcome else None
        after = _retry_after(exc)
        if after is not None:
            return min(after, s.retry_after_max)
        backoff = wait_exponential_jitter(
            initial=s.backoff_initial, max=s.backoff_max, jitter=s.backoff_initial
        )
        return float(backoff(state))

    async def _raw_create(self, body: bytes) -> Any:
        """One chat completion, repeated on transient errors; counts every attempt.

        The JSON body is built by :func:`_request_body` and posted as it is
        (the client's ``post``, as for any custom request): the openai
        client's typed path walks every parameter of every request, which
        for a 14 kB tool schema cost more CPU than the rest of the request.
        """
        call = _CALL.get()
        client = self._http()
        retrying = AsyncRetrying(
            retry=retry_if_exception(is_transient),
            stop=stop_after_attempt(self.settings.max_api_retries + 1),
            wait=self._wait,
            reraise=True,
            before_sleep=_log_retry,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    if call is not None:
                        call.tally.requests += 1
                    response = await client.post(
                        "/chat/completions",
                        cast_to=ChatCompletion,
                        content=body,
                        options={"headers": {"Content-Type": "application/json"}},
                    )
        except Exception as exc:
            if is_transient(exc):
                raise TransientError(
                    f"{_describe(exc)} after {self.settings.max_api_retries + 1} attempts; "
                    "the endpoint is overloaded or down: rerun with --resume later"
                ) from exc
            if isinstance(exc, openai.APIStatusError):
                raise BackendError(f"the endpoint refused the request: {_describe(exc)}: "
                                   f"{_short(exc)}") from exc
            raise
        if call is not None:
            call.replies += 1
            usage = getattr(response, "usage", None)
            if usage is not None:
                call.tally.prompt_tokens += int(usage.prompt_tokens or 0)
                call.tally.completion_tokens += int(usage.completion_tokens or 0)
        choices = getattr(response, "choices", None) or []
        if choices and choices[0].finish_reason == "length":
            raise TruncatedError("the reply was cut off at the output token limit")
        return response

    # ------------------------------------------------------------------ extraction

    def extract(self, document: Document) -> BackendResult:
        """Extract one document (blocking). In async code use :meth:`aextract`."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(self._extract_and_close(document))
        raise BackendError(
            "OpenAIBackend.extract was called inside a running event loop; "
            "use `await backend.aextract(doc)` or `await Extractor(...).arun(docs)`"
        )

    async def _extract_and_close(self, document: Document) -> BackendResult:
        try:
            return await self.aextract(document)
        finally:
            await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP client (a new one is made on the next call)."""
        client, self._client, self._loop = self._client, None, None
        if client is not None:
            await client.close()

    def estimate_cost(self, document: Document) -> float | None:
        """A rough cost in USD of extracting ``document`` before doing it (for --max-cost).

        About 3 characters per token of prompt (system prompt, schema and
        text) and a reply of a third of that; None when the model has no price.
        """
        prompt_chars = len(document.text) + 4 * len(self.version) + 16000
        usage = Usage(prompt_tokens=prompt_chars // 3, completion_tokens=prompt_chars // 9)
        return estimate_cost(self.settings.model, usage, self.prices)

    def describe(self) -> str:
        """One line naming the model and endpoint (never the key)."""
        return f"openai-compatible endpoint {self.settings.base_url or 'api.openai.com'}, model {self.model}"

    async def aextract(self, document: Document) -> BackendResult:
        """Extract one document: cache, chunks, re-asks, retries, usage.

        Raises:
            TransientError: the endpoint kept failing (``usage`` attribute set).
            TruncatedError: a reply was cut off even for the smallest chunk.
            BackendError: the replies never validated, or the endpoint refused.
        """
        model, version = self.settings.model, self.version
        if self.cache is not None:
            cached = self.cache.get(document, model, version)
            if cached is not None:
                return BackendResult(drafts=[], claims=cached, usage=Usage(), model=model,
                                     version=version)
        tally = _Tally()
        s = self.settings
        try:
            chunks = chunk_text(document.text, s.chunk_chars, s.chunk_overlap)
            per_chunk: list[list[ClaimBase]] = []
            for i, chunk in enumerate(chunks, 1):
                per_chunk.extend(await self._chunk(document, chunk, (i, len(chunks)), tally))
            claims = merge_claims(per_chunk) if len(per_chunk) > 1 else (per_chunk or [[]])[0]
        except ClaimkitError as exc:
            exc.usage = self._priced(tally.usage())  # type: ignore[attr-defined]
            raise
        if self.cache is not None:
            self.cache.put(document, model, version, claims)
        return BackendResult(
            drafts=[], claims=claims, usage=self._priced(tally.usage()), model=model,
            version=version,
        )

    def _priced(self, usage: Usage) -> Usage:
        cost = estimate_cost(self.settings.model, usage, self.prices)
        return usage if cost is None else usage.model_copy(update={"cost_usd": cost})

    async def _chunk(
        self, document: Document, chunk: Chunk, part: tuple[int, int], tally: _Tally
    ) -> list[list[ClaimBase]]:
        """Claims of one chunk; a truncated reply splits the chunk and tries the halves."""
        try:
            return [await self._call(document, chunk, part, tally)]
        except TruncatedError:
            halves = split_chunk(chunk, self.settings.chunk_overlap)
            if len(chunk.text) <= self.settings.min_chunk_chars or len(halves) < 2:
                raise TruncatedError(
                    f"the reply was cut off at max_tokens={self.settings.max_tokens} even for "
                    f"a {len(chunk.text)}-character chunk; raise max_tokens or use a model "
                    "with a larger output limit"
                ) from None
            log.info("%s: reply truncated; splitting %d characters in %d",
                     document.id, len(chunk.text), len(halves))
            out: list[list[ClaimBase]] = []
            for i, half in enumerate(halves, 1):
                out.extend(await self._chunk(document, half, (i, len(halves)), tally))
            return out

    async def _call(
        self, document: Document, chunk: Chunk, part: tuple[int, int], tally: _Tally
    ) -> list[ClaimBase]:
        """One chunk: ask, validate, ground, re-ask on errors; claims of the last good reply."""
        s = self.settings
        model = response_model(self.types)
        aligner = Aligner(chunk.text)
        messages: list[dict[str, Any]] = build_messages(
            document, chunk.text, part=part, types=self.types
        )
        tail = _request_tail(s.model, s.temperature, s.max_tokens, s.mode, model)
        if s.mode != "tools":  # the schema goes into the instructions instead of a tool
            messages[0] = {**messages[0], "content": messages[0]["content"] + _json_instructions(model)}
        call = _Call(tally=tally)
        token = _CALL.set(call)
        try:
            for attempt in range(s.max_reasks + 1):
                response = await self._raw_create(_request_body(messages, tail))
                message = response.choices[0].message
                error: str | None = None
                try:
                    reply = model.model_validate_json(_answer(message, s.mode), strict=s.strict)
                except (PydanticValidationError, ValueError) as exc:
                    error = _validation_message(exc)
                else:
                    drafts, bad = _drafts(reply, aligner, chunk)
                    # the last reply is accepted as it is: what still fails is kept and marked
                    if bad and attempt < s.max_reasks:
                        error = _reask_message(bad)
                    else:
                        return build_claims(document, drafts)
                if attempt == s.max_reasks:
                    raise BackendError(
                        f"the model's reply did not fit the claim schema after {attempt + 1} "
                        f"attempt(s) ({_short(error or '')}); try another model, mode=json, "
                        "or a higher max_reasks"
                    )
                log.info("%s: re-asking (%s)", document.id, _short(error or "", 120))
                messages += _reask(message, s.mode, error or "")
        finally:
            _CALL.reset(token)
        raise AssertionError("unreachable")  # pragma: no cover


@lru_cache(maxsize=64)
def _request_tail(
    model_name: str, temperature: float, max_tokens: int | None, mode: str,
    model: type[BaseModel],
) -> str:
    """The JSON members of a request after ``messages``, serialised once.

    ``tools``/``tool_choice`` (or ``response_format``) carry the 14 kB schema;
    encoding it once instead of per request is most of the client's CPU saving.
    """
    options: dict[str, Any] = {"model": model_name, "temperature": temperature}
    if max_tokens:
        options["max_tokens"] = max_tokens
    if mode == "tools":
        options["tools"] = [{
            "type": "function",
            "function": {
                "name": _TOOL,
                "description": model.__doc__ or "",
                "parameters": model.model_json_schema(),
            },
        }]
        options["tool_choice"] = {"type": "function", "function": {"name": _TOOL}}
    elif mode == "json":
        options["response_format"] = {"type": "json_object"}
    return json.dumps(options, ensure_ascii=False)[1:-1]


def _request_body(messages: list[dict[str, Any]], tail: str) -> bytes:
    """The request as UTF-8 JSON; the article text appears in it unescaped (bar JSON escapes)."""
    head = json.dumps({"messages": messages}, ensure_ascii=False)[:-1]
    return (head + ", " + tail + "}").encode("utf-8")


def _json_instructions(model: type[BaseModel]) -> str:
    schema = json.dumps(model.model_json_schema(), ensure_ascii=False)
    return (
        "\n\nAnswer with one JSON object, and nothing else, that fits this JSON Schema:\n"
        + schema
    )


def _answer(message: Any, mode: str) -> str:
    """The JSON text of a reply: the tool call's arguments, or the message's JSON."""
    if mode == "tools":
        calls = getattr(message, "tool_calls", None) or []
        if not calls:
            raise ValueError(f"no call of the function {_TOOL}; call it with the claims")
        return str(calls[0].function.arguments)
    content = str(getattr(message, "content", None) or "")
    fenced = _FENCE.search(content)
    return fenced.group(1) if fenced else content


def _reask(message: Any, mode: str, error: str) -> list[dict[str, Any]]:
    """The messages that send an error back: the model's reply, then the error."""
    text = f"{error}\nAnswer again in full, with these errors fixed."
    calls = getattr(message, "tool_calls", None) or []
    if mode == "tools" and calls:
        call = calls[0]
        return [
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [{
                    "id": call.id,
                    "type": "function",
                    "function": {"name": call.function.name, "arguments": call.function.arguments},
                }],
            },
            {"role": "tool", "tool_call_id": call.id, "content": text},
        ]
    return [
        {"role": "assistant", "content": str(getattr(message, "content", None) or "")},
        {"role": "user", "content": text},
    ]


def _validation_message(exc: Exception) -> str:
    if isinstance(exc, PydanticValidationError):
        lines = ["The reply does not fit the schema:"]
        for err in exc.errors()[:20]:
            loc = ".".join(str(p) for p in err["loc"]) or "(reply)"
            lines.append(f"- {loc}: {err['msg']}")
        return "\n".join(lines)
    return str(exc)


def _log_retry(state: RetryCallState) -> None:
    exc = state.outcome.exception() if state.outcome else None
    log.info(
        "%s; retrying in %.2fs (attempt %d)",
        _describe(exc) if exc is not None else "error",
        state.next_action.sleep if state.next_action else 0.0,
        state.attempt_number,
    )


def _short(exc: BaseException | str, limit: int = 300) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _reask_message(bad: list[tuple[int, str, str | None]]) -> str:
    lines = [
        "These quotes are not in the article text. Every quote must be copied verbatim from "
        "the article: character for character, in the article's language, not translated, "
        "paraphrased, corrected or shortened. Replace each with the exact words of the "
        "article, or drop the claim if the article does not state it:"
    ]
    for i, type_, quote in bad:
        lines.append(
            f"- claim {i} ({type_}): no quote given" if quote is None
            else f"- claim {i} ({type_}): {quote!r}"
        )
    return "\n".join(lines)


def _drafts(
    reply: BaseModel, aligner: Aligner, chunk: Chunk
) -> tuple[list[Draft], list[tuple[int, str, str | None]]]:
    """Drafts with their quotes located in the chunk (offsets moved to the document),
    and the quotes that could not be located: (claim number, type, quote or None
    for a claim without any quote)."""
    drafts: list[Draft] = []
    bad: list[tuple[int, str, str | None]] = []
    for i, claim in enumerate(getattr(reply, "claims", []), 1):
        data = claim.model_dump(exclude={"quotes", "type"}, exclude_none=True)
        spans: list[Span] = []
        rest: list[str] = []
        quotes = [q for q in claim.quotes if q and q.strip()]
        if not quotes:
            bad.append((i, claim.type, None))
        for quote in quotes:
            found = aligner.align(quote, near=spans)
            if found is None:
                rest.append(quote)
                bad.append((i, claim.type, quote))
            else:
                spans.append(found.model_copy(
                    update={"start": found.start + chunk.start, "end": found.end + chunk.start}
                ))
        drafts.append(Draft(type=claim.type, fields=data, quotes=tuple(rest), spans=tuple(spans)))
    return drafts, bad
