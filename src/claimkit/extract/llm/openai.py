"""LLM extraction through any OpenAI-compatible endpoint (the only module importing openai).

OpenAI, Azure OpenAI (``https://RESOURCE.openai.azure.com/openai/v1/``), vLLM,
Ollama, llama.cpp server and LM Studio all speak the same chat-completions
API; ``base_url`` picks one. instructor fills the response model of
:mod:`claimkit.extract.llm.prompts` from the reply (a tool call with
``mode="tools"``; a JSON object with ``json``; a fenced JSON block with
``md_json``, for servers that support neither tools nor JSON mode), validates
it and re-asks when it does not validate.

Two policies, two bounds, kept apart on purpose:

* **API retries** (tenacity, here): a rate limit (honouring ``Retry-After``),
  a 5xx, a timeout or a dropped connection repeats the *same* request, with
  exponential backoff and jitter, at most ``max_api_retries`` times. They wrap
  the raw HTTP call that instructor calls (``instructor.patch(create=...)``),
  so a 429 during a re-ask does not throw the re-ask away, and instructor
  never sees an API error as something to re-ask about.
* **Re-asks** (instructor, int ``max_retries`` = ``max_reasks``, so at most
  ``max_reasks + 1`` replies): a reply that is not valid JSON, does not fit the
  schema, or quotes words that are not in the article is sent back with the
  error. Grounding is checked inside the response model's validator (the
  chunk text reaches it through a ContextVar, never instructor's
  ``context=``, which would run the article through Jinja); its error names
  each bad quote and says that quotes must be copied verbatim. The validator
  of the last reply is lenient: quotes that still do not ground are kept in
  ``claim.ungrounded`` rather than failing the document.

Validation is non-strict on purpose (a local model's ``"5"`` for 5 is
accepted, the value is still checked). Usage counts every HTTP attempt,
re-asks and retried requests included.

CPU per request matters at high concurrency (one event loop serves every
request): instructor is handed a response model that is already its
``OpenAISchema`` subclass, made once per model, so it neither derives a new
class per call nor rebuilds the tool schema (``generate_openai_schema`` is
cached per class); the request is posted as JSON we serialise, bypassing the
openai client's per-parameter walk of the 14 kB schema; the reply is read
by pydantic in one pass over its JSON rather than by the client's response
wrapper (see :func:`_completion`); the client's HTTP transport is aiohttp
(``openai.DefaultAioHttpClient``).
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import time
from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import httpx2
import openai
from instructor.core import retry_async
from instructor.core.exceptions import InstructorRetryException
from instructor.processing import handle_response_model
from openai.types.chat import ChatCompletion
from pydantic import BaseModel, ValidationError
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
    wait_random,
)

from claimkit.errors import (
    BackendError,
    ClaimkitError,
    ConfigError,
    TransientError,
    TruncatedError,
)
from claimkit.extract.base import Backend, BackendOptions, BackendResult, Draft, build_claims
from claimkit.extract.llm.cache import ResponseCache
from claimkit.extract.llm.chunking import Chunk, chunk_text, merge_claims, split_chunk
from claimkit.extract.llm.prompts import (
    GROUNDING_CHECK,
    build_messages,
    prompt_version,
    response_model,
)
from claimkit.extract.llm.replies import (
    MODES,
    locate_drafts,
    reask_message,
    request_body,
    structured,
    tools_request,
)
from claimkit.extract.llm.settings import (
    LLMSettings,
    endpoint_configured,
    estimate_cost,
    load_prices,
    resolve_settings,
)
from claimkit.grounding import Aligner
from claimkit.schemas import ClaimBase, Document, Usage

__all__ = ["OpenAIBackend", "is_transient"]

log = logging.getLogger(__name__)

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
    #: drafts of the last reply that passed the grounding check
    drafts: list[Draft] = field(default_factory=list)
    #: the request's members after ``messages`` and their JSON (mode tools)
    tail: dict[str, Any] | None = None
    tail_json: str = ""


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


class OpenAIBackend(Backend):
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
        self._ssl: Any = None

    @classmethod
    def from_options(cls, options: BackendOptions) -> OpenAIBackend:
        """The backend from the command's options: settings resolved, endpoint required.

        Raises:
            ConfigError: no API key or base URL is given or in the environment,
                or the settings do not resolve (see :func:`resolve_settings`).
        """
        given = {k: v for k, v in options.settings.items() if v is not None}
        if not endpoint_configured(**given):
            raise ConfigError(
                "the openai backend needs an endpoint: set OPENAI_API_KEY (or CLAIMKIT_API_KEY), "
                "or pass --base-url for a local server such as Ollama or vLLM"
            )
        return cls(resolve_settings(**given), cache=options.cache, types=options.types)

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
            if self._ssl is None:
                # loading the CA bundle takes ~40 ms: once per backend, not per loop
                self._ssl = httpx2.create_ssl_context()
            self._client = openai.AsyncOpenAI(
                api_key=s.api_key or "not-needed",  # local servers take any key
                base_url=s.base_url,
                timeout=s.timeout,
                max_retries=0,  # retries are ours (tenacity), with our bounds
                default_headers=dict(s.extra_headers) or None,
                # aiohttp as the transport (openai's own option "for improved
                # concurrency performance"): its C HTTP parser costs about 1 ms
                # less CPU per request than httpx2's pure-Python stack
                http_client=openai.DefaultAioHttpClient(verify=self._ssl, timeout=s.timeout),
            )
            self._loop = loop
        return self._client

    def _wait(self, state: RetryCallState) -> float:
        s = self.settings
        exc = state.outcome.exception() if state.outcome else None
        after = _retry_after(exc)
        if after is not None:
            return min(after, s.retry_after_max)
        # exponential backoff plus jitter, from APIs stable across tenacity 8 and 9
        # (wait_exponential_jitter renamed its arguments in 9.2)
        backoff = wait_exponential(multiplier=s.backoff_initial, max=s.backoff_max) + wait_random(
            0, s.backoff_initial
        )
        return float(backoff(state))

    async def _raw_create(self, **kwargs: Any) -> Any:
        """One chat completion for instructor, repeated on transient errors.

        Counts every attempt and its tokens. The body is serialised here and
        posted with the client's ``post`` (as for any custom request): the
        typed ``chat.completions.create`` walks every parameter of every
        request, which for a 14 kB tool schema cost more CPU than the rest.
        """
        call = _CALL.get()
        client = self._http()
        body = request_body(kwargs, call.tail if call else None, call.tail_json if call else "")
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
                    raw = await client.post(
                        "/chat/completions",
                        cast_to=httpx2.Response,
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
        response = _completion(raw.content)
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
        """One chunk through instructor: claims of the reply it accepts."""
        s = self.settings
        aligner = Aligner(chunk.text)
        call = _Call(tally=tally)

        def check(reply: BaseModel) -> None:
            drafts, bad = locate_drafts(reply, aligner, chunk)
            # the last reply is accepted as it is: what still fails is kept and marked
            if bad and call.replies <= s.max_reasks:
                log.info("%s: %d quote(s) not in the text; re-asking", document.id, len(bad))
                raise ValueError(reask_message(bad))
            call.drafts = drafts

        messages = build_messages(document, chunk.text, part=part, types=self.types)
        model = response_model(self.types)
        prepared: type[BaseModel] | None
        if s.mode == "tools":
            prepared, tail, call.tail_json = tools_request(
                model, s.model, s.temperature, s.max_tokens
            )
            call.tail = tail
            kwargs = {"messages": messages, **tail}
        else:  # json/md_json put the schema into the messages: prepared per request
            options: dict[str, Any] = {"model": s.model, "temperature": s.temperature}
            if s.max_tokens:
                options["max_tokens"] = s.max_tokens
            prepared, kwargs = handle_response_model(
                structured(model), mode=MODES[s.mode], messages=messages, **options
            )
        call_token = _CALL.set(call)
        check_token = GROUNDING_CHECK.set(check)
        try:
            # instructor's re-ask loop: parse, validate (grounding included),
            # send the error back, at most max_reasks times
            await retry_async(
                func=self._raw_create,
                response_model=prepared,
                args=(),
                kwargs=kwargs,
                max_retries=s.max_reasks,
                strict=s.strict,
                mode=MODES[s.mode],
            )
        except InstructorRetryException as exc:
            cause = exc.__cause__
            if isinstance(cause, ClaimkitError):
                raise cause from None
            raise BackendError(
                f"the model's reply did not fit the claim schema after {exc.n_attempts} "
                f"attempt(s) ({_short(cause or exc)}); try another model, mode=json, or a "
                "higher max_reasks"
            ) from None
        finally:
            GROUNDING_CHECK.reset(check_token)
            _CALL.reset(call_token)
        return build_claims(document, call.drafts)


def _completion(content: bytes) -> ChatCompletion:
    """The reply as a ChatCompletion, validated in one pass over its JSON.

    The client's own reading of a reply (its response wrapper, then a
    field-by-field ``construct`` in Python) cost ~0.3 ms of CPU per request;
    pydantic reads the JSON in ~0.01 ms. A server that bends the schema
    (a field missing or null) still gets the client's lenient construction.
    """
    try:
        return ChatCompletion.model_validate_json(content)
    except ValidationError:
        pass
    try:
        data = json.loads(content)
    except ValueError as exc:
        raise BackendError(
            f"the endpoint's reply is not JSON ({_short(content.decode('utf-8', 'replace'))!r}); "
            "check base_url: it must be the OpenAI-compatible API root, such as .../v1"
        ) from exc
    if not isinstance(data, dict):
        raise BackendError(f"the endpoint's reply is not a chat completion: {_short(str(data))}")
    return ChatCompletion.construct(**data)


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


