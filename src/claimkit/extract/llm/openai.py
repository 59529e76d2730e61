"""LLM extraction through any OpenAI-compatible endpoint (the only module importing openai).

OpenAI, Azure OpenAI (``https://RESOURCE.openai.azure.com/openai/v1/``), vLLM,
Ollama, llama.cpp server and LM Studio all speak the same chat-completions
API; ``base_url`` picks one. This module holds only what is specific to
them: the HTTP client, API retries, and instructor's structured call. Cache,
chunks, truncation, merging, usage and cost are the provider-neutral
:class:`~claimkit.extract.llm.core.LLMBackend`'s.

instructor fills the response model of :mod:`claimkit.extract.llm.prompts`
from the reply (a tool call with ``mode="tools"``; a JSON object with
``json``; a fenced JSON block with ``md_json``, for servers that support
neither tools nor JSON mode), validates it and re-asks when it does not
validate. Two policies, two bounds, kept apart on purpose:

* **API retries** (tenacity, here): a rate limit (honouring ``Retry-After``),
  a 5xx, a timeout or a dropped connection repeats the *same* request, with
  exponential backoff and jitter, at most ``max_api_retries`` times. They wrap
  the raw HTTP call that instructor's loop calls, so a 429 during a re-ask
  does not throw the re-ask away, and instructor never sees an API error as
  something to re-ask about.
* **Re-asks** (instructor's, ``max_reasks``, so at most ``max_reasks + 1``
  replies; see :func:`~claimkit.extract.llm.replies.reask_loop`): a reply that
  is not valid JSON, does not fit the schema, or quotes words that are not in
  the article is sent back with the error. Grounding is checked inside the
  response model's validator (the core's
  :meth:`~claimkit.extract.llm.core.ChunkCall.check`, reached through a
  ContextVar, never instructor's ``context=``, which would run the article
  through Jinja).

Validation is non-strict on purpose (a local model's ``"5"`` for 5 is
accepted, the value is still checked). Usage counts every HTTP attempt,
re-asks and retried requests included.

CPU per request matters at high concurrency (one event loop serves every
request): instructor is handed a response model that is already its
``OpenAISchema`` subclass, made once per model, so it neither derives a new
class per call nor rebuilds the tool schema; the request is posted as JSON
we serialise, bypassing the openai client's per-parameter walk of the 14 kB
schema; the reply is read by pydantic in one pass over its JSON rather than
by the client's response wrapper (see :func:`_completion`); the client's
HTTP transport is aiohttp (``openai.DefaultAioHttpClient``).
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import math
import re
import socket
import ssl
import time
import urllib.parse
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, NoReturn, Self

import httpx2
import openai
from instructor.core.exceptions import InstructorRetryException
from instructor.processing import handle_response_model
from openai.lib.streaming.chat import ChatCompletionStreamState
from openai.types.chat import ChatCompletion, ChatCompletionChunk
from pydantic import BaseModel, ValidationError
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    stop_any,
    wait_exponential,
    wait_random,
)
from tenacity.stop import stop_base

from claimkit.errors import (
    BackendError,
    ClaimkitError,
    ConfigError,
    ContextExceeded,
    EndpointError,
    TransientError,
    WaitBudgetExceeded,
)
from claimkit.extract.base import BackendOptions
from claimkit.extract.llm.core import ChunkCall, LLMBackend, shorten
from claimkit.extract.llm.lenient import SSE_STARTS, sse_data, sse_error, strict_payload
from claimkit.extract.llm.replies import (
    MODES,
    reask_loop,
    request_body,
    structured,
    tools_request,
)
from claimkit.extract.llm.settings import endpoint_configured
from claimkit.extract.llm.tidy import Said, tidied
from claimkit.redact import redact

__all__ = ["OpenAIBackend", "context_exceeded", "dead_endpoint", "is_transient"]

log = logging.getLogger(__name__)


@dataclass
class _Request:
    """The structured call a raw HTTP call serves (instructor calls it with kwargs only)."""

    call: ChunkCall
    #: the request's members after ``messages`` and their JSON (mode tools)
    tail: dict[str, Any] | None = None
    tail_json: str = ""


_REQUEST: ContextVar[_Request | None] = ContextVar("claimkit_openai_request", default=None)


#: what each dead-endpoint reason suggests
_DEAD_HINTS = {
    "connection refused": "nothing listens there: is the server running, on that port?",
    "DNS lookup failed": "the host name does not resolve: check base_url",
    "TLS failure": "the TLS handshake failed: check https vs http and the certificate",
    "authentication failed (HTTP 401)": "check the API key (CLAIMKIT_API_KEY / OPENAI_API_KEY)",
    "permission denied (HTTP 403)": "the key may not use this model or endpoint",
}

#: aiohttp's names for DNS and TLS failures (matched by name: no aiohttp import)
_DNS_ERRORS = frozenset({"ClientConnectorDNSError"})
_TLS_ERRORS = frozenset({"ClientConnectorCertificateError", "ClientConnectorSSLError",
                         "ClientSSLError", "ServerFingerprintMismatch"})


def dead_endpoint(exc: BaseException) -> str | None:
    """Why no request to this endpoint can succeed, or None: ``connection refused``,
    ``DNS lookup failed``, ``TLS failure``, ``authentication failed (HTTP 401)``,
    ``permission denied (HTTP 403)``.

    The HTTP stack reports a refused connection as a timeout or a connection
    error; the cause it wraps (``ConnectionRefusedError``, ``socket.gaierror``,
    ``ssl.SSLError``) says which.
    """
    if isinstance(exc, openai.AuthenticationError):
        return "authentication failed (HTTP 401)"
    if isinstance(exc, openai.PermissionDeniedError):
        return "permission denied (HTTP 403)"
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        name = type(current).__name__
        if isinstance(current, ConnectionRefusedError):
            return "connection refused"
        if isinstance(current, socket.gaierror) or name in _DNS_ERRORS:
            return "DNS lookup failed"
        if isinstance(current, ssl.SSLError) or name in _TLS_ERRORS:
            return "TLS failure"
        current = current.__cause__ or current.__context__
    return None


def public_url(url: str | None) -> str:
    """The endpoint's URL for a message: no user name, password or query (a key may
    hide there)."""
    parts = urllib.parse.urlsplit(url or "https://api.openai.com/v1")
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def is_transient(exc: BaseException) -> bool:
    """True for errors worth repeating the same request for (never a dead endpoint)."""
    if dead_endpoint(exc) is not None:
        return False
    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in (408, 409, 425, 429) or exc.status_code >= 500
    return False


#: how servers say a request is longer than the model's context window: OpenAI's and
#: Azure's error code, OpenAI's and vLLM's message ("This model's maximum context length
#: is 4096 tokens"), llama.cpp's ("the request exceeds the available context size"), LM
#: Studio's and others' ("context length exceeded", "exceeds the context window")
_CONTEXT_WORDS = re.compile(
    r"context_length_exceeded|exceed_context_size|maximum context length"
    r"|exceeds? (?:the )?(?:available |model'?s? )?context(?: size| length| window)?"
    r"|context (?:length|size|window) (?:is )?exceeded|(?:prompt|input) is too long",
    re.IGNORECASE)


def context_exceeded(exc: BaseException) -> bool:
    """``exc`` is an endpoint's refusal of a request longer than the model's context
    window: HTTP 400 or 413 whose error body says so (the chunk is then split)."""
    if not isinstance(exc, openai.APIStatusError) or exc.status_code not in (400, 413):
        return False
    said = f"{exc.message} {exc.body!r} {getattr(exc, 'code', '')}"
    return _CONTEXT_WORDS.search(said) is not None


def _retry_after(exc: BaseException | None) -> float | None:
    """Seconds a 429/503 asks us to wait (``Retry-After``/``retry-after-ms``), if it says;
    None when it says nothing readable (``"soon"``, ``"NaN"``, a date of no calendar):
    the usual backoff then."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    ms = _seconds(headers.get("retry-after-ms"))
    if ms is not None:
        return ms / 1000.0
    value = headers.get("retry-after")
    seconds = _seconds(value)
    if seconds is not None or not value:
        return seconds
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(0.0, parsed.timestamp() - time.time())


def _seconds(value: str | None) -> float | None:
    """A header's number of seconds, at least 0 (an infinity stays: it is capped), or
    None when it is no number (or NaN)."""
    try:
        seconds = float(value) if value else math.nan
    except ValueError:
        return None
    return None if math.isnan(seconds) else max(0.0, seconds)


class StreamedError(openai.APIStatusError):
    """An error a server reported in an event of its reply's stream, after it began to
    answer (HTTP 200): read as the HTTP error its kind is (``status_code``: a rate
    limit 429, a request too long or invalid 400, anything else 500), so it is retried,
    splits the chunk or fails the document as that error would."""


#: the kinds of an error event, by the words of its ``type``, ``code`` and message, and
#: the HTTP status each is read as (the first that matches; none: 500, a server error)
_STREAMED_KINDS = (
    (_CONTEXT_WORDS, 400),
    (re.compile(r"rate.?limit|too many requests|quota|throttl", re.IGNORECASE), 429),
    (re.compile(r"overloaded|capacity|unavailable", re.IGNORECASE), 503),
    (re.compile(r"invalid.?request|bad.?request|validation|not.?found", re.IGNORECASE), 400),
)


#: how a body of server-sent events starts, as bytes (a reply that starts otherwise is
#: not read for error events: one look at its first bytes)
_SSE_PREFIXES = tuple(mark.encode() for mark in SSE_STARTS)


def _raise_streamed_error(raw: bytes, request: httpx2.Request) -> None:
    """Raise :class:`StreamedError` when ``raw`` is a body of server-sent events that
    reports an error (:func:`~.lenient.sse_error`): the events before it, arguments cut
    where the server failed, are no reply."""
    if not raw[:64].lstrip().startswith(_SSE_PREFIXES):
        return
    error = sse_error(raw.decode("utf-8", "replace"))
    if error is None:
        return
    status = _streamed_status(error)
    raise StreamedError(f"error event in the reply's stream: {error['message'] or error}",
                        response=httpx2.Response(status, request=request), body=error)


def _streamed_status(error: dict[str, Any]) -> int:
    """The HTTP status an error event stands for: the one it gives (``code`` or
    ``status`` of 400-599, as vLLM and llama.cpp give it), else its kind's by its words
    (:data:`_STREAMED_KINDS`), else 500."""
    for member in ("code", "status", "status_code"):
        value = error.get(member)
        if isinstance(value, str) and value.isdigit():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool) and 400 <= value <= 599:
            return value
    said = " ".join(str(error.get(m) or "") for m in ("type", "code", "error_type", "message"))
    return next((status for words, status in _STREAMED_KINDS if words.search(said)), 500)


class ReplyTooLarge(openai.APIConnectionError):
    """The endpoint's reply passed ``max_reply_bytes``: it was not read further (no
    claim reply is that long; a broken server or proxy). Retried like a dropped
    connection."""


def _describe(exc: BaseException) -> str:
    if isinstance(exc, ReplyTooLarge):
        return exc.message
    if isinstance(exc, StreamedError):
        return f"an error event in the reply's stream (read as HTTP {exc.status_code})"
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code}"
    if isinstance(exc, openai.APITimeoutError):
        return "timed out"
    if isinstance(exc, openai.APIConnectionError):
        return "connection failed"
    return type(exc).__name__


class _OutOfTime(stop_base):
    """Stops retrying once the document has waited ``limit`` seconds in all."""

    def __init__(self, tally: Any, limit: float) -> None:
        self.tally = tally
        self.limit = limit

    def __call__(self, retry_state: RetryCallState) -> bool:
        return self.tally is not None and bool(self.tally.waited >= self.limit)


class OpenAIBackend(LLMBackend):
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
    #: the client, made on first use in the running event loop and remade in another
    #: loop (the constructor is LLMBackend's: these start as None on every instance)
    _loop: asyncio.AbstractEventLoop | None = None
    _client: openai.AsyncOpenAI | None = None
    #: the SSL context, made once (it takes tens of milliseconds) and kept across loops
    _ssl: Any = None

    @classmethod
    def from_options(cls, options: BackendOptions) -> Self:
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
        return super().from_options(options)

    def describe(self) -> str:
        """One line naming the model and endpoint (never the key)."""
        return f"openai-compatible endpoint {self.settings.base_url or 'api.openai.com'}, model {self.model}"

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

    async def aclose(self) -> None:
        """Close the HTTP client (a new one is made on the next call)."""
        client, self._client, self._loop = self._client, None, None
        if client is not None:
            await client.close()

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

    async def _raw_create(self, **kwargs: Any) -> ChatCompletion:
        """One chat completion for instructor's loop, repeated on transient errors.

        Counts every attempt, and every reply with its tokens. The body is
        serialised here and posted with the client's ``post`` (as for any
        custom request): the typed ``chat.completions.create`` walks every
        parameter of every request, which for a 14 kB tool schema cost more
        CPU than the rest.
        """
        request = _REQUEST.get()
        call = request.call if request is not None else None
        body = request_body(kwargs, request.tail if request else None,
                            request.tail_json if request else "")
        # a reply without choices (a server's hiccup) is asked for again, as an API error is
        for _ in range(self.settings.max_api_retries + 1):
            response = _completion(await self.send(body, call))
            if call is not None:
                call.received(*_token_counts(response))
            if _answered(response):
                break
            log.info("the endpoint's reply has no choices; asking again")
        else:
            raise TransientError(
                "the endpoint's reply had no choices (or a choice without a message), "
                f"{self.settings.max_api_retries + 1} "
                f"time(s) (max_api_retries){_error_said(response, self.settings.api_key)}; "
                "rerun with --resume later")
        tools = kwargs.get("tools") or []
        name = tools[0].get("function", {}).get("name") if tools else None
        return tidy_reply(response, name, self.secrets())

    # ------------------------------------------------------------------ transport
    # Two documented hooks for subclasses: ``send`` (a whole request, retries
    # included: batch mode answers some from a file) and ``post`` (one HTTP
    # attempt: claimkit.distributed waits for the cluster's limits there and
    # picks an endpoint). Nothing else of the HTTP client is meant to be used.

    async def send(self, body: bytes, call: ChunkCall | None) -> bytes:
        """One chat-completions request, with API retries; the reply's bytes.

        Calls :meth:`post` once per attempt. Override it to answer a request
        from elsewhere (call ``super().send`` for the ones that go to the
        endpoint); ``call`` is the chunk's call, or None outside one.

        Raises:
            EndpointError: connection refused, DNS or TLS failure, 401/403 (not retried).
            TransientError: still a transient error after ``max_api_retries`` retries,
                or once the document's retry waits reach ``max_wait`` seconds.
            BackendError: the endpoint refused the request (a 4xx that is not transient).
        """
        s = self.settings
        tally = call.tally if call is not None else None

        def wait(state: RetryCallState) -> float:
            seconds = self._wait(state)
            if tally is not None:  # the document's total wait stays within max_wait
                seconds = max(0.0, min(seconds, s.max_wait - tally.waited))
                tally.waited += seconds
            return seconds

        retrying = AsyncRetrying(
            retry=retry_if_exception(is_transient),
            stop=stop_any(stop_after_attempt(s.max_api_retries + 1), _OutOfTime(tally, s.max_wait)),
            wait=wait,
            reraise=True,
            before_sleep=_log_retry,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    if call is not None:
                        call.sent()
                    raw = await self.post(body)
                    _raise_streamed_error(raw, self._request_of(None))  # retried as its kind says
        except Exception as exc:
            self._raise(exc, tally)
        return raw

    async def post(self, body: bytes) -> bytes:
        """One HTTP attempt: POST ``body`` (a chat-completions request as JSON) to this
        backend's ``/chat/completions``; the reply's bytes.

        The transport hook: :meth:`send` calls it for every attempt, retries
        included, so an override sees each request that reaches an endpoint.
        It may wait first (a rate limit), post to another endpoint (another
        backend's ``post``), or read the reply (its ``usage``). It raises the
        openai client's errors (``openai.APIStatusError``,
        ``openai.APIConnectionError``): they decide whether to retry; a
        :class:`~claimkit.errors.ClaimkitError` it raises ends the request.

        The attempt is bounded in all, not only between two reads: the whole reply
        within ``timeout`` seconds (a server that trickles it a few bytes at a time
        times out like a silent one) and at most ``max_reply_bytes`` bytes
        (:class:`ReplyTooLarge`, read no further).
        """
        s = self.settings
        try:
            async with asyncio.timeout(s.timeout or None):
                raw = await self._http().post(
                    "/chat/completions",
                    cast_to=httpx2.Response,
                    content=body,
                    # the body unread: read below, up to max_reply_bytes
                    options={"headers": {"Content-Type": "application/json",
                                         RAW_RESPONSE_HEADER: "stream"}},
                )
                return await _read_bounded(raw, s.max_reply_bytes)
        except (TimeoutError, httpx2.TimeoutException) as exc:
            raise openai.APITimeoutError(request=self._request_of(exc)) from exc
        except httpx2.HTTPError as exc:  # the body broke off while it was read
            raise openai.APIConnectionError(request=self._request_of(exc)) from exc

    def _request_of(self, exc: BaseException | None) -> httpx2.Request:
        """The request an error of :meth:`post` names (its URL without credentials)."""
        request = getattr(exc, "_request", None)
        if isinstance(request, httpx2.Request):
            return request
        url = public_url(self.settings.base_url).rstrip("/") + "/chat/completions"
        return httpx2.Request("POST", url)

    def _raise(self, exc: Exception, tally: Any) -> NoReturn:
        """The exception a failed request ends in, saying why in one line."""
        reason = dead_endpoint(exc)
        if reason is not None:
            raise EndpointError(
                f"{reason} at {public_url(self.settings.base_url)}: {_DEAD_HINTS[reason]}"
            ) from exc
        if is_transient(exc) and tally is not None and tally.waited >= self.settings.max_wait:
            raise WaitBudgetExceeded(
                f"{_describe(exc)}: {WaitBudgetExceeded.MARK} ({self.settings.max_wait:g}s of "
                "waits for this document); the endpoint is overloaded: rerun with --resume "
                "later, or raise --max-wait"
            ) from exc
        if is_transient(exc):
            waited = tally.waited if tally is not None else 0.0
            raise TransientError(
                f"{_describe(exc)}, still after {self.settings.max_api_retries + 1} attempt(s) "
                f"or {waited:.0f}s of retry waits (max_api_retries, max_wait); the endpoint "
                "is overloaded: rerun with --resume later"
            ) from exc
        if context_exceeded(exc):
            raise ContextExceeded(
                f"the endpoint refused the request as longer than the model's context window "
                f"({_describe(exc)}: {shorten(redact(exc, (self.settings.api_key,)), 200)})"
            ) from exc
        if isinstance(exc, openai.APIStatusError):
            raise BackendError(f"the endpoint refused the request: {_describe(exc)}: "
                               f"{shorten(redact(exc, (self.settings.api_key,)))}") from exc
        raise exc

    # ------------------------------------------------------------------ one chunk

    async def structured_call(self, call: ChunkCall) -> None:
        """One chunk through instructor's re-ask loop (parse, validate with the
        grounding check, send the error back, at most ``max_reasks`` times)."""
        request, prepared, kwargs = self._prepare(call)
        token = _REQUEST.set(request)
        try:
            await reask_loop(
                self._raw_create,
                prepared,
                kwargs,
                max_reasks=call.max_reasks,
                strict=self.settings.strict,
                mode=MODES[self.settings.mode],
            )
        except InstructorRetryException as exc:
            cause = exc.__cause__
            if isinstance(cause, ClaimkitError):
                raise cause from None
            raise BackendError(
                f"the model's reply did not fit the claim schema after {exc.n_attempts} "
                f"attempt(s) ({shorten(redact(cause or exc, (self.settings.api_key,)))}); "
                "try another model, mode=json, or a "
                "higher max_reasks"
            ) from None
        finally:
            _REQUEST.reset(token)

    def request_json(self, call: ChunkCall) -> bytes:
        """The body of the first request for ``call``, byte for byte as
        :meth:`structured_call` posts it (batch mode writes it to request files)."""
        request, _, kwargs = self._prepare(call)
        return request_body(kwargs, request.tail, request.tail_json)

    def _prepare(self, call: ChunkCall) -> tuple[_Request, type[BaseModel], dict[str, Any]]:
        """instructor's request for the call: the response model it parses replies
        with and the arguments of the raw call."""
        s = self.settings
        request = _Request(call=call)
        # the reply's share of the context window (max_tokens, capped to fit)
        max_tokens = self.budget().reply if s.max_tokens else None
        if s.mode == "tools":
            prepared, request.tail, request.tail_json = tools_request(
                call.response_model, s.model, s.temperature, max_tokens
            )
            return request, prepared, {"messages": call.messages, **request.tail}
        # json/md_json put the schema into the messages: prepared per request
        options: dict[str, Any] = {"model": s.model, "temperature": s.temperature}
        if max_tokens:
            options["max_tokens"] = max_tokens
        model, kwargs = handle_response_model(
            structured(call.response_model), mode=MODES[s.mode], messages=call.messages,
            **options,
        )
        assert model is not None
        return request, model, kwargs


#: asks the openai client for the reply unread (its header for "raw response, streamed")
RAW_RESPONSE_HEADER = "X-Stainless-Raw-Response"


async def _read_bounded(response: httpx2.Response, limit: int) -> bytes:
    """The body of ``response``, read up to ``limit`` bytes; past that (or when its
    ``Content-Length`` says so) :class:`ReplyTooLarge`, the rest unread."""
    try:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise ReplyTooLarge(message=_too_large(limit, f"it announced {int(declared):,}"),
                                request=response.request)
        pieces: list[bytes] = []
        size = 0
        async for piece in response.aiter_bytes():
            size += len(piece)
            if size > limit:
                raise ReplyTooLarge(message=_too_large(limit, "read no further"),
                                    request=response.request)
            pieces.append(piece)
        return b"".join(pieces)
    finally:
        await response.aclose()


def _too_large(limit: int, detail: str) -> str:
    return (f"the endpoint's reply passed {limit:,} bytes (max_reply_bytes; {detail}): no claim "
            "reply is that long")


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
    text = content.decode("utf-8", "replace")
    events = sse_data(text)
    try:
        data = json.loads(content) if events is None else _gathered(events)
    except ValueError as exc:
        raise BackendError(
            f"the endpoint's reply is not JSON "
            f"({shorten(redact(text))!r}); "
            "check base_url: it must be the OpenAI-compatible API root, such as .../v1"
        ) from exc
    if not isinstance(data, dict):
        raise BackendError(
            f"the endpoint's reply is not a chat completion: {shorten(redact(data))}"
        )
    return ChatCompletion.construct(**_listed(data))


def _listed(data: dict[str, Any]) -> dict[str, Any]:
    """A completion whose ``choices``, or a choice's ``tool_calls``, is the one object
    where the API has a list of them, with the list of that one."""
    choices = data.get("choices")
    if isinstance(choices, dict):
        choices = [choices]
    if not isinstance(choices, list):
        return data
    listed = []
    for choice in choices:
        message = choice.get("message") if isinstance(choice, dict) else None
        if isinstance(message, dict) and isinstance(message.get("tool_calls"), dict):
            choice = {**choice, "message": {**message, "tool_calls": [message["tool_calls"]]}}
        listed.append(choice)
    return {**data, "choices": listed}


def _gathered(events: list[Any]) -> Any:
    """A reply sent as server-sent events to a request that did not ask to stream, as
    the one completion they make: the last event that is a whole completion (a choice
    with a ``message``), else the ``chat.completion.chunk`` deltas gathered by the
    openai client's own accumulator (a tool call's delta without its ``index`` is taken
    at its place in the list). None when the events hold no completion (no JSON).

    Raises:
        ValueError: the chunks cannot be gathered (their deltas contradict each other).
    """
    objects = [e for e in events if isinstance(e, dict)]
    whole = [e for e in objects if any(isinstance(c, dict) and "message" in c
                                       for c in e.get("choices") or ())]
    if whole:
        return whole[-1]
    chunks = [e for e in objects if "choices" in e or "usage" in e]
    if not chunks:
        return objects[-1] if objects else None  # an error event, say: read as the body
    state: ChatCompletionStreamState[Any] = ChatCompletionStreamState()
    try:
        for chunk in chunks:
            state.handle_chunk(ChatCompletionChunk.construct(**_indexed(chunk)))
        usage = next((c["usage"] for c in reversed(chunks) if c.get("usage")), None)
        return {**state.current_completion_snapshot.to_dict(), "usage": usage}
    except (TypeError, KeyError, IndexError, AttributeError, AssertionError) as exc:
        raise ValueError(f"stream chunks that do not add up ({exc})") from exc


def _indexed(chunk: dict[str, Any]) -> dict[str, Any]:
    """A stream chunk with each tool call's delta given its ``index`` (its place in
    the delta's list) where the server left it out."""
    for choice in chunk.get("choices") or ():
        calls = (choice.get("delta") or {}).get("tool_calls") if isinstance(choice, dict) else None
        for i, call in enumerate(calls if isinstance(calls, list) else ()):
            if isinstance(call, dict) and not isinstance(call.get("index"), int):
                call["index"] = i
    return chunk


#: the most tokens one reply is believed to count (a larger count is no count)
_MAX_TOKENS = 100_000_000


def _token_counts(response: ChatCompletion) -> tuple[int, int]:
    """The reply's prompt and completion tokens; a count that is no count (``"N/A"``,
    ``-5``, ``1e30``, NaN, null) is 0, never a failure (the usage is the server's
    say-so, the claims are what matters)."""
    usage = getattr(response, "usage", None)
    return (_count(getattr(usage, "prompt_tokens", None)),
            _count(getattr(usage, "completion_tokens", None)))


def _count(value: Any) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 0
    if not math.isfinite(value) or not 0 <= value <= _MAX_TOKENS:
        return 0
    return int(value)


def _answered(response: ChatCompletion) -> bool:
    """The reply has a first choice with a message (else it is asked for again)."""
    choices: Any = getattr(response, "choices", None)
    return bool(choices) and getattr(choices[0], "message", None) is not None


def _error_said(response: ChatCompletion, key: str | None) -> str:
    """What an ``error`` member of a reply without choices says (a server that answers
    its errors with HTTP 200), for the failure's message; "" when there is none."""
    error = getattr(response, "error", None)
    message = error.get("message") if isinstance(error, dict) else error
    if not message:
        return ""
    return f" (it said: {shorten(redact(message, (key,)), 200)!r})"


def tidy_reply(response: ChatCompletion, tool: str | None,
               secrets: tuple[str, ...] = ()) -> ChatCompletion:
    """The reply with its claims where instructor looks for them, read as a careful
    reader would: the chat completion's first choice as a :class:`~.tidy.Said`, read by
    :func:`~.tidy.tidied`, the step every provider's replies go through.

    With a ``tool`` (mode tools): every tool call, whatever its function's name,
    or else the message content (a string, or a list of text parts), read
    leniently, their claims as one call of ``tool``; arguments cut into pieces
    over several calls (a stream gathered badly) are read joined when only the
    whole is JSON. Without (the JSON modes): the content read leniently, as JSON.
    With neither a tool call nor a content (only white space), a reasoning model's
    ``reasoning_content`` or ``reasoning``. A reply cut off is a
    :class:`~claimkit.errors.TruncatedError`, a refusal or a stop by the content
    filter a :class:`~claimkit.errors.BackendError` (see :func:`~.tidy.tidied`). A
    reply with nothing readable is left as it is (instructor re-asks).
    """
    choice = response.choices[0]
    message = getattr(choice, "message", None)
    calls = list(getattr(message, "tool_calls", None) or [])
    functions: list[Any] = [getattr(c, "function", None) for c in calls]
    given, source = _arguments(functions, getattr(message, "content", None))
    names = [getattr(f, "name", None) for f in functions if f is not None]
    finish = getattr(choice, "finish_reason", None)
    refusal = getattr(message, "refusal", None)
    said = Said(texts=tuple(given), source=source, called=names == ([tool] if tool else []),
                reasoning=tuple(t for m in _REASONING
                                if isinstance(t := getattr(message, m, None), str)),
                finish=finish if isinstance(finish, str) else None,
                refusal=refusal if isinstance(refusal, str) else None)
    merged = tidied(said, tool, secrets)
    if merged is None:
        return response
    call_id = getattr(calls[0], "id", None) if calls else None
    return _rebuilt(response, merged, tool, call_id or "call_0")


def _arguments(functions: list[Any], content: Any) -> tuple[list[str], str]:
    """The texts of a reply that hold its JSON, and where they are (``calls``,
    ``content``, ``parts``): each tool call's arguments (an object given for the
    string encoded; pieces of one JSON text joined), else the content (a string, or
    the text of its parts joined)."""
    arguments: list[str] = []
    for f in functions:
        given = getattr(f, "arguments", None)
        if isinstance(given, (dict, list)):
            given = json.dumps(given, ensure_ascii=False)
        if isinstance(given, str):
            arguments.append(given)
    if len(arguments) > 1 and not all(strict_payload(a) for a in arguments):
        joined = "".join(arguments)
        if strict_payload(joined):
            arguments = [joined]
    if arguments:
        return arguments, "calls"
    if isinstance(content, str):
        return ([content] if content.strip() else []), "content"
    parts = [p.get("text") if isinstance(p, dict) else getattr(p, "text", None)
             for p in content or () if isinstance(content, list)]
    text = "".join(t for t in parts if isinstance(t, str))
    return ([text] if text else []), "parts"


#: where servers put a reasoning model's thoughts: vLLM's and DeepSeek's reasoning
#: parsers (``reasoning_content``); OpenRouter, Ollama and LM Studio (``reasoning``)
_REASONING = ("reasoning_content", "reasoning")


def _rebuilt(response: ChatCompletion, merged: str, tool: str | None,
             call_id: str) -> ChatCompletion:
    """``response`` with its first choice's message holding ``merged``: as one call of
    ``tool``, else as the content."""
    data = response.model_dump(warnings=False)  # a server's content of parts: no warning
    first = data["choices"][0]
    first["finish_reason"] = "tool_calls" if tool else "stop"
    message = first.get("message") or {"role": "assistant"}
    if tool:
        message["tool_calls"] = [{"id": call_id, "type": "function",
                                  "function": {"name": tool, "arguments": merged}}]
        message["content"] = None
    else:
        message["content"] = merged
    message["refusal"] = None  # claims came beside it: they are the answer
    first["message"] = message
    try:
        return ChatCompletion.model_validate(data)
    except ValidationError:  # a server that bends the schema elsewhere (see _completion)
        return ChatCompletion.construct(**data)


def _log_retry(state: RetryCallState) -> None:
    exc = state.outcome.exception() if state.outcome else None
    log.info(
        "%s; retrying in %.2fs (attempt %d)",
        _describe(exc) if exc is not None else "error",
        state.next_action.sleep if state.next_action else 0.0,
        state.attempt_number,
    )
