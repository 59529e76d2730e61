"""The provider-neutral half of LLM extraction: :class:`LLMBackend`.

What happens to one document, whatever the provider:

1. the response cache is asked (a hit costs no request);
2. the text is cut into chunks (:func:`~claimkit.extract.llm.chunking.chunk_text`);
3. each chunk gets one *structured call* (:meth:`LLMBackend.structured_call`,
   the provider's job) whose replies go through the grounding check
   (:meth:`ChunkCall.check`, run by the response model's validator);
4. a reply cut off at the output limit (:class:`~claimkit.errors.TruncatedError`)
   splits its chunk in two and each half is asked about, down to
   ``min_chunk_chars``;
5. claims found in two chunks are merged
   (:func:`~claimkit.extract.llm.chunking.merge_claims`);
6. requests and tokens of every attempt are tallied and priced, also for a
   document that fails in the end (the exception's ``usage``).

Adding a provider is one subclass. Implement :meth:`LLMBackend.complete`
(one request, one reply): the default :meth:`~LLMBackend.structured_call`
reads the reply by the step the OpenAI backend's replies go through too
(:meth:`LLMBackend.tidy`, :mod:`~claimkit.extract.llm.tidy`), validates it
against the response model and re-asks with the error
(:meth:`~LLMBackend.reask_messages`, overridable) at most ``max_reasks``
times. Or override :meth:`~LLMBackend.structured_call` to use a provider
SDK's own structured-output loop, as
:class:`~claimkit.extract.llm.openai.OpenAIBackend` does with instructor.

This module imports neither openai nor instructor.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Self

from pydantic import BaseModel, ValidationError

from claimkit.errors import BackendError, ClaimkitError, ContextExceeded, TruncatedError
from claimkit.extract.base import Backend, BackendOptions, BackendResult, Draft, build_claims
from claimkit.extract.llm.cache import ResponseCache
from claimkit.extract.llm.chunking import Chunk, merge_claims, split_chunk
from claimkit.extract.llm.context import Budget, estimate_tokens, fit_chunks, fixed_tokens
from claimkit.extract.llm.examples import example_messages, examples_digest, load_examples
from claimkit.extract.llm.prompts import (
    GROUNDING_CHECK,
    SALVAGE_NOTES,
    SALVAGE_TEXT,
    ActorDraft,
    DateDraft,
    build_messages,
    prompt_version,
    response_model,
)
from claimkit.extract.llm.settings import (
    DEFAULT_CONTEXT_WINDOW,
    LLMSettings,
    context_window_of,
    estimate_cost,
    load_prices,
    resolve_settings,
)
from claimkit.extract.llm.tidy import Said, shorten, tidied
from claimkit.grounding import Aligner
from claimkit.redact import redact
from claimkit.schemas import Actor, ClaimBase, DateRef, DateResolution, Document, Span, Usage

__all__ = [
    "ChunkCall",
    "LLMBackend",
    "Reply",
    "Tally",
    "locate_drafts",
    "reask_message",
    "shorten",
    "without_secrets",
]

log = logging.getLogger(__name__)


@dataclass
class Tally:
    """What one document has cost so far (every HTTP attempt counts)."""

    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    #: what per-claim salvage dropped from the replies (values and claims), named
    warnings: list[str] = field(default_factory=list)
    #: seconds spent waiting between API retries (bounded by ``max_wait``)
    waited: float = 0.0

    def usage(self) -> Usage:
        return Usage(
            requests=self.requests,
            prompt_tokens=self.prompt_tokens,
            completion_tokens=self.completion_tokens,
        )


@dataclass(frozen=True)
class Reply:
    """One reply of the model, as a provider's :meth:`LLMBackend.complete` read it.

    Attributes:
        content: the reply's JSON object, ``{"claims": [...]}``: as JSON text
            or already parsed (a tool call's input, say). Given as the model wrote
            it: the core reads it as a careful reader would (fences, prose,
            thoughts, wrappers, a Python literal; :mod:`.tidy`).
        prompt_tokens: tokens of the request, as the provider counted them.
        completion_tokens: tokens of the reply.
        truncated: the reply was cut off at the output token limit (kept only
            when its JSON is complete as it is; else the chunk is split).
        reasoning: a reasoning model's thoughts, when the API gives them apart
            from the content (read for the answer only when the content is empty).
        refusal: the model's refusal, when the API gives it apart (with no claims
            in the content, the document fails saying so, without a re-ask).
    """

    content: str | Mapping[str, Any]
    prompt_tokens: int = 0
    completion_tokens: int = 0
    truncated: bool = False
    reasoning: str | None = None
    refusal: str | None = None

    def text(self) -> str:
        """The content as JSON text."""
        if isinstance(self.content, str):
            return self.content
        return json.dumps(self.content, ensure_ascii=False)


@dataclass
class ChunkCall:
    """One structured call: one chunk of one document, what to send, and the check
    every reply goes through.

    Attributes:
        document: the document the chunk belongs to.
        chunk: the text asked about (offsets are the document's).
        part: ``(n, total)``: the chunk's place among the document's chunks.
        messages: the chat messages to send (system, then user).
        response_model: the pydantic model a reply must validate against; its
            validator runs :meth:`check` (grounding).
        max_reasks: re-asks allowed; reply number ``max_reasks + 1`` is the last.
        tally: the document's usage, which this call adds to.
        replies: replies received so far (counted by :meth:`received`).
        drafts: the drafts of the last reply that passed the check, with those
            kept from earlier replies.
        kept: grounded drafts of earlier replies (a re-ask asks only about the
            claims whose quotes were not found).
        notes: what salvage dropped from the replies (see :mod:`.salvage`).
    """

    document: Document
    chunk: Chunk
    part: tuple[int, int]
    messages: list[dict[str, Any]]
    response_model: type[BaseModel]
    max_reasks: int
    tally: Tally
    replies: int = 0
    drafts: list[Draft] = field(default_factory=list)
    kept: list[Draft] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    aligner: Aligner = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.aligner = Aligner(self.chunk.text)

    def sent(self) -> None:
        """Count one HTTP attempt (each one counts, retried ones included)."""
        self.tally.requests += 1

    def received(self, prompt_tokens: int, completion_tokens: int) -> None:
        """Count one reply and its tokens."""
        self.replies += 1
        self.tally.prompt_tokens += prompt_tokens
        self.tally.completion_tokens += completion_tokens

    def check(self, reply: BaseModel) -> None:
        """The grounding check (the response model's validator calls it).

        Locates every quote of ``reply`` in the chunk. Quotes that are not in
        the text raise a ``ValueError`` naming them (a validation error: the
        model is re-asked about those claims only; the grounded claims of the
        reply are kept), except on the last reply, which is accepted as it
        is: what still fails is kept in ``claim.ungrounded``.
        """
        drafts, bad = locate_drafts(reply, self.aligner, self.chunk)
        if bad and self.replies <= self.max_reasks:
            log.info("%s: %d quote(s) not in the text; re-asking", self.document.id, len(bad))
            broken = {i for i, _, _ in bad}
            self.kept.extend(d for i, d in enumerate(drafts, 1) if i not in broken)
            raise ValueError(reask_message(bad))
        self.drafts = [*self.kept, *drafts]


class LLMBackend(Backend):
    """Claims from a language model: everything but talking to the provider.

    A subclass implements :meth:`complete` (one request, one reply), or
    overrides :meth:`structured_call` (one chunk, re-asks included); see the
    module docstring and "Another provider" in docs/llm.md.

    Args:
        settings: resolved settings; default: :func:`resolve_settings` of
            ``overrides`` (arguments > ``CLAIMKIT_*`` > ``OPENAI_*``).
        cache: a :class:`ResponseCache`, True for the default directory
            (``CLAIMKIT_CACHE_DIR`` or ``~/.cache/claimkit``), False/None for none.
        types: claim type names to extract (default: every registered type).
        **overrides: settings such as ``model=``, ``chunk_chars=``, ``max_reasks=``.
    """

    name = "llm"
    #: waits on the network: the synchronous API runs it concurrently too
    concurrent = True

    def secrets(self) -> tuple[str, ...]:
        """The API key, for redaction."""
        key = self.settings.api_key
        return (key,) if key else ()

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
            cache = (ResponseCache(self.settings.cache_dir, secrets=(self.settings.api_key,))
                     if self.settings.cache_dir else None)
        self.cache: ResponseCache | None = cache or None
        self.prices = load_prices(self.settings.prices_file)
        examples = self.settings.examples
        self.examples = load_examples(examples) if examples else []
        self._prompt_parts: dict[str, tuple[list[dict[str, str]], int, str]] = {}
        self.budget().check(self.model)  # a window too small is refused before any request

    @classmethod
    def from_options(cls, options: BackendOptions) -> Self:
        """The backend from the command's options (settings resolved from them).

        Raises:
            ConfigError: the settings do not resolve (see :func:`resolve_settings`).
        """
        given = {k: v for k, v in options.settings.items() if v is not None}
        return cls(resolve_settings(**given), cache=options.cache, types=options.types)

    def __repr__(self) -> str:  # the settings' repr leaves the key out
        return f"{type(self).__name__}({self.settings!r})"

    @property
    def model(self) -> str:
        return self.settings.model

    @property
    def version(self) -> str:
        """Prompt/schema version recorded in every output record (and part of the
        cache key): it changes with the prompt, the schema and the examples."""
        version = prompt_version(self.types)
        return version + self._parts(version)[2]

    def _parts(self, base: str | None = None) -> tuple[list[dict[str, str]], int, str]:
        """The few-shot messages, the estimated tokens of a request without its
        article, and the examples' part of the version (made once per prompt version)."""
        base = base or prompt_version(self.types)
        if base not in self._prompt_parts:
            shots = example_messages(self.examples, self.types)
            tag = "-x" + examples_digest(shots) if shots else ""
            self._prompt_parts[base] = (shots, fixed_tokens(self.types, shots), tag)
        return self._prompt_parts[base]

    def budget(self, document: Document | None = None) -> Budget:
        """The token budget of one request of ``document`` (see :mod:`.context`):
        the context window (setting, else the model table, else the default)."""
        s = self.settings
        window = (s.context_window or context_window_of(s.model, self.prices)
                  or DEFAULT_CONTEXT_WINDOW)
        fixed = self._parts()[1]
        if document is not None and document.title:
            fixed += estimate_tokens(document.title)
        # the reply gets max_tokens, at most a quarter of the window (the request's
        # max_tokens is capped alike, so that prompt + reply fit)
        reply = min(s.max_tokens or window // 4, window // 4)
        return Budget(window=window, reply=reply, fixed=fixed)

    def describe(self) -> str:
        """One line naming the backend and the model (never the key)."""
        return f"{self.name} backend, model {self.model}"

    def estimate_cost(self, document: Document) -> float | None:
        """A rough cost in USD of extracting ``document`` before doing it (for --max-cost).

        The estimated tokens of the prompt of every chunk (system prompt,
        examples, schema and text: :mod:`.context`) and a reply of a third of
        the text's; None when the model has no price.
        """
        budget = self.budget(document)
        text = estimate_tokens(document.text)
        requests = max(1, -(-text // max(budget.article, 1)))
        usage = Usage(prompt_tokens=requests * budget.fixed + text, completion_tokens=text // 3)
        return estimate_cost(self.settings.model, usage, self.prices)

    def _priced(self, usage: Usage) -> Usage:
        cost = estimate_cost(self.settings.model, usage, self.prices)
        return usage if cost is None else usage.model_copy(update={"cost_usd": cost})

    # ------------------------------------------------------------------ one document

    def extract(self, document: Document) -> BackendResult:
        """Extract one document (blocking). In async code use :meth:`aextract`."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(self._extract_and_close(document))
        raise BackendError(
            f"{type(self).__name__}.extract was called inside a running event loop; "
            "use `await backend.aextract(doc)` or `await Extractor(...).arun(docs)`"
        )

    async def _extract_and_close(self, document: Document) -> BackendResult:
        try:
            return await self.aextract(document)
        finally:
            await self.aclose()

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
        tally = Tally()
        try:
            claims = await self._chunks(document, tally)
        except ClaimkitError as exc:
            exc.usage = self._priced(tally.usage())  # type: ignore[attr-defined]
            raise
        if self.cache is not None:
            self.cache.put(document, model, version, claims)
        return BackendResult(
            drafts=[], claims=claims, usage=self._priced(tally.usage()), model=model,
            version=version, warnings=tuple(tally.warnings),
        )

    async def _chunks(self, document: Document, tally: Tally) -> list[ClaimBase]:
        """Claims of every chunk of the document, those found twice merged."""
        s = self.settings
        chunks = fit_chunks(document.text, self.budget(document), s.chunk_chars, s.chunk_overlap)
        per_chunk: list[list[ClaimBase]] = []
        for i, chunk in enumerate(chunks, 1):
            per_chunk.extend(await self._chunk(document, chunk, (i, len(chunks)), tally))
        return merge_claims(per_chunk) if len(per_chunk) > 1 else (per_chunk or [[]])[0]

    async def _chunk(
        self, document: Document, chunk: Chunk, part: tuple[int, int], tally: Tally
    ) -> list[list[ClaimBase]]:
        """Claims of one chunk; a truncated reply, or a request refused as longer than the
        context window, splits the chunk and tries the halves."""
        try:
            return [await self._call(document, chunk, part, tally)]
        except TruncatedError as exc:
            halves = split_chunk(chunk, self.settings.chunk_overlap)
            if len(chunk.text) <= self.settings.min_chunk_chars or len(halves) < 2:
                raise type(exc)(self._cut_for_good(exc, len(chunk.text))) from None
            log.info("%s: %s; splitting %d characters in %d", document.id,
                     "request too long" if isinstance(exc, ContextExceeded) else "reply truncated",
                     len(chunk.text), len(halves))
            out: list[list[ClaimBase]] = []
            for i, half in enumerate(halves, 1):
                out.extend(await self._chunk(document, half, (i, len(halves)), tally))
            return out

    def _cut_for_good(self, exc: TruncatedError, size: int) -> str:
        """The message of a document whose smallest chunk's reply was still cut off (or
        whose smallest chunk's request was still refused as too long)."""
        if isinstance(exc, ContextExceeded):
            return (f"{exc} even for a {size}-character chunk; set --context-window to the "
                    "window the server really gives (Ollama: OLLAMA_CONTEXT_LENGTH; vLLM: "
                    "--max-model-len; llama.cpp: -c), use fewer --examples or fewer --types")
        if "inside its JSON" in str(exc):  # the reply did not say it was cut
            return (f"the reply was cut off inside its JSON even for a {size}-character "
                    "chunk, though its finish_reason did not say so; the endpoint or a proxy "
                    "ends replies early: check it, or raise max_tokens")
        return (f"the reply was cut off at max_tokens={self.budget().reply} even for a "
                f"{size}-character chunk; raise max_tokens or use a model with a larger "
                "output limit")

    async def _call(
        self, document: Document, chunk: Chunk, part: tuple[int, int], tally: Tally
    ) -> list[ClaimBase]:
        """One chunk through :meth:`structured_call`: claims of the reply it accepts."""
        call = self.chunk_call(document, chunk, part, tally)
        token = GROUNDING_CHECK.set(call.check)
        notes = SALVAGE_NOTES.set(call.notes)
        text = SALVAGE_TEXT.set(chunk.text)
        try:
            await self.structured_call(call)
        finally:
            GROUNDING_CHECK.reset(token)
            SALVAGE_NOTES.reset(notes)
            SALVAGE_TEXT.reset(text)
        where = f"part {part[0]}/{part[1]}: " if part[1] > 1 else ""
        # the notes quote the reply (an unknown type, a value): through the redactor,
        # as every message built from an endpoint's reply
        said = [where + redact(note, self.secrets()) for note in call.notes]
        for note in said:  # in the record's warnings; on the log with -v, named
            log.info("%s: %s", document.id, note)
        tally.warnings.extend(said)
        return build_claims(document, without_secrets(call.drafts, self.secrets()))

    # ------------------------------------------------------------------ requests (batch mode)
    # What the real-time path sends first for a document, exposed for batch mode
    # (claimkit.batch writes it to request files); _chunks and _call use the same.

    def chunk_calls(self, document: Document) -> list[ChunkCall]:
        """The first structured call of every chunk of ``document``, as :meth:`aextract`
        makes them (same chunking, messages and response model; a fresh tally)."""
        s = self.settings
        chunks = fit_chunks(document.text, self.budget(document), s.chunk_chars, s.chunk_overlap)
        tally = Tally()
        return [self.chunk_call(document, chunk, (i, len(chunks)), tally)
                for i, chunk in enumerate(chunks, 1)]

    def chunk_call(
        self, document: Document, chunk: Chunk, part: tuple[int, int], tally: Tally
    ) -> ChunkCall:
        """The structured call for one chunk (``part``: its place among the chunks)."""
        return ChunkCall(
            document=document,
            chunk=chunk,
            part=part,
            messages=build_messages(document, chunk.text, part=part, types=self.types,
                                    examples=self._parts()[0]),
            response_model=response_model(self.types),
            max_reasks=self.settings.max_reasks,
            tally=tally,
        )

    # ------------------------------------------------------------------ the provider's part

    async def structured_call(self, call: ChunkCall) -> None:
        """Ask about one chunk until a reply validates (grounding included), re-asking
        at most ``call.max_reasks`` times; the accepted reply's drafts end up in
        ``call.drafts`` (the grounding check puts them there).

        This default sends ``call.messages`` with :meth:`complete`, validates
        each reply against ``call.response_model`` and re-asks with
        :meth:`reask_messages`. Override it to use a provider's own loop.

        Raises:
            TruncatedError: a reply was cut off (the chunk is then split).
            BackendError: no reply fitted the schema.
        """
        messages = list(call.messages)
        error: ValidationError | None = None
        for _ in range(call.max_reasks + 1):
            call.sent()
            reply = await self.complete(call, messages)
            call.received(reply.prompt_tokens, reply.completion_tokens)
            read = self.tidy(reply)  # cut off: TruncatedError; a refusal: BackendError
            try:
                self._validate(call, read)
                return
            except ValidationError as exc:
                error = exc
                messages = [*messages, *self.reask_messages(reply, exc)]
        raise BackendError(
            f"the model's reply did not fit the claim schema after {call.max_reasks + 1} "
            f"attempt(s) ({shorten(redact(error or '', (self.settings.api_key,)))}); "
            "try another model or a higher max_reasks"
        )

    def tidy(self, reply: Reply) -> Reply:
        """``reply`` read as a careful reader would, by the step the OpenAI backend's
        replies go through too (:func:`~claimkit.extract.llm.tidy.tidied`): its claims
        as ``{"claims": [...]}`` JSON text, or the reply as it is when it already is
        that object or holds nothing readable (then a re-ask).

        Raises:
            TruncatedError: the reply was cut off (the chunk is then split).
            BackendError: the reply is a refusal with no claims beside it.
        """
        content = reply.content
        text = content if isinstance(content, str) else reply.text()
        said = Said(texts=(text,) if text.strip() else (),
                    reasoning=(reply.reasoning,) if reply.reasoning else (),
                    finish="length" if reply.truncated else None, refusal=reply.refusal)
        merged = tidied(said, None, self.secrets())
        if merged is None:
            return reply
        return replace(reply, content=merged, truncated=False)

    def _validate(self, call: ChunkCall, reply: Reply) -> None:
        strict = self.settings.strict
        if isinstance(reply.content, str):
            call.response_model.model_validate_json(reply.content, strict=strict)
        else:
            call.response_model.model_validate(reply.content, strict=strict)

    async def complete(self, call: ChunkCall, messages: list[dict[str, Any]]) -> Reply:
        """Send ``messages`` (the call's, plus any re-asks) to the model; return its reply.

        The provider's one request: ask for a JSON object that fits
        ``call.response_model`` (its JSON schema:
        ``call.response_model.model_json_schema()``), repeat the request on
        transient API errors as the provider's rules say (calling
        ``call.sent()`` for each repeat: the first attempt is already
        counted), and raise :class:`~claimkit.errors.TransientError` when it
        keeps failing, :class:`~claimkit.errors.BackendError` when the
        endpoint refuses.
        """
        raise NotImplementedError(
            f"{type(self).__name__} implements neither complete() nor structured_call()"
        )

    def reask_messages(self, reply: Reply, error: ValidationError) -> list[dict[str, Any]]:
        """Messages appended after a reply that did not validate (default: the reply as
        the assistant's turn, then the error as the user's)."""
        return [
            {"role": "assistant", "content": reply.text()},
            {
                "role": "user",
                "content": "Correct your JSON reply, based on the following errors:\n"
                f"{error}\nReply with the whole corrected JSON object only.",
            },
        ]


def without_secrets(drafts: list[Draft], secrets: Sequence[str]) -> list[Draft]:
    """``drafts`` with the configured key and anything shaped like a secret
    (:func:`claimkit.redact.redact`) out of what the model wrote: every string of their
    fields and their quotes not found in the text. A model told to repeat its headers,
    or a proxy that injects them, would put the key into a summary, and from there
    into the output file. Evidence spans are the document's own text and stay.

    One redaction of all the strings at once says whether any is touched (a reply
    without a secret costs that one pass)."""
    probe = "\n".join(s for d in drafts for s in (*_strings(list(d.fields.values())), *d.quotes))
    if redact(probe, secrets) == probe:
        return drafts
    return [replace(d, fields={k: _redacted(v, secrets) for k, v in d.fields.items()},
                    quotes=tuple(redact(q, secrets) for q in d.quotes)) for d in drafts]


def _strings(value: Any) -> Iterator[str]:
    """The strings a draft's field holds (in lists and models; enum values are ours)."""
    if isinstance(value, Enum):
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name))


def _redacted(value: Any, secrets: Sequence[str]) -> Any:
    """``value`` (a field's) with :func:`redact` applied to each string it holds."""
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return redact(value, secrets)
    if isinstance(value, list):
        return [_redacted(v, secrets) for v in value]
    if isinstance(value, BaseModel):
        return value.model_copy(update={name: _redacted(getattr(value, name), secrets)
                                        for name in type(value).model_fields})
    return value


def reask_message(bad: list[tuple[int, str, str | None]]) -> str:
    """The error sent back for quotes not found: each named, and how to fix it."""
    lines = [
        (
            "These quotes are not in the article text. Every quote must be copied verbatim "
            "from the article: character for character, in the article's language, not "
            "translated, paraphrased, corrected or shortened. Replace each with the exact "
            "words of the article, or drop the claim if the article does not state it:"
        )
    ]
    lines.append(
        "Reply with these claims only, corrected (the other claims are recorded already)."
    )
    for i, type_, quote in bad:
        lines.append(
            f"- claim {i} ({type_}): no quote given" if quote is None
            else f"- claim {i} ({type_}): {quote!r}"
        )
    return "\n".join(lines)


#: members of a reply's claim that are not claim fields
_NOT_FIELDS = frozenset({"quotes", "type"})


def locate_drafts(
    reply: BaseModel, aligner: Aligner, chunk: Chunk
) -> tuple[list[Draft], list[tuple[int, str, str | None]]]:
    """Drafts with their quotes located in the chunk (offsets moved to the document),
    and the quotes that could not be located: (claim number, type, quote or None
    for a claim without any quote)."""
    drafts: list[Draft] = []
    bad: list[tuple[int, str, str | None]] = []
    shift = chunk.start
    for i, claim in enumerate(getattr(reply, "claims", []), 1):
        # the validated values themselves (frozen models), not a dump of them:
        # the claim model accepts them as they are instead of validating a
        # dump all over again
        data = {
            name: _library_value(value)
            for name in type(claim).model_fields
            if name not in _NOT_FIELDS and (value := getattr(claim, name)) is not None
        }
        spans, rest = _located(claim.quotes, aligner, shift)
        if not spans and not rest:
            bad.append((i, claim.type, None))
        bad.extend((i, claim.type, quote) for quote in rest)
        drafts.append(Draft(type=claim.type, fields=data, quotes=tuple(rest), spans=tuple(spans)))
    return drafts, bad


#: the first spans of a claim that choose between the repeats of its next quote: a
#: claim of thousands of quotes (a model caught in a loop) is grounded in linear time
_NEAR = 16


def _located(quotes: Sequence[str], aligner: Aligner, shift: int) -> tuple[list[Span], list[str]]:
    """The spans of a claim's quotes (each quote once, each span once, offsets moved by
    ``shift`` to the document's), and the quotes not found."""
    spans: list[Span] = []  # in the chunk's offsets, as the aligner's
    seen: set[tuple[int, int]] = set()
    rest: list[str] = []
    for quote in dict.fromkeys(q for q in quotes if q and q.strip()):  # a repeat is one
        found = aligner.align(quote, near=spans[:_NEAR])
        pieces = [found] if found is not None else _joined(quote, aligner, spans[:_NEAR])
        if not pieces:
            rest.append(quote)
        for piece in pieces:
            if (piece.start, piece.end) not in seen:
                seen.add((piece.start, piece.end))
                spans.append(piece)
    if shift:  # the chunk does not start the document: its offsets moved to the document's
        spans = [s.model_copy(update={"start": s.start + shift, "end": s.end + shift})
                 for s in spans]
    return spans, rest


#: where a model joins several quotes into one string: a line break, a bar, a bullet, a
#: semicolon or a slash between spaces
_JOINS = re.compile(r"\s*(?:\n|\s[|•/]\s|;\s)\s*")
#: the least characters of each piece of a joined quote (a word or two is found anywhere)
_MIN_PIECE = 8


def _joined(quote: str, aligner: Aligner, near: list[Span]) -> list[Span]:
    """The spans of a quote that is not in the text as a whole but is several quotes
    joined (``"A; B"``, ``"A\nB"``, ``"A | B"``): each piece found, or none at all (a
    piece not found, or shorter than :data:`_MIN_PIECE`, leaves the quote ungrounded)."""
    pieces = [p for p in _JOINS.split(quote) if p.strip()]
    if len(pieces) < 2 or any(len(p.strip()) < _MIN_PIECE for p in pieces):
        return []
    spans = []
    for piece in pieces:
        found = aligner.align(piece, near=near)
        if found is None:
            return []
        spans.append(found)
    return spans


def _library_value(value: Any) -> Any:
    """A reply's value as the claim model takes it: a :class:`DateDraft` becomes a
    :class:`DateRef` (granularity from the value; resolution ``model`` when the
    model gave a value, else ``unresolved``, for normalisation to resolve the raw
    words; a date with neither is none); an :class:`ActorDraft` (or an actor of a type whose annotation the draft
    did not map) becomes an unconfirmed :class:`Actor` (see :func:`_unconfirmed`)."""
    if isinstance(value, DateDraft):
        if not value.value and not value.raw:  # its value dropped, or none given
            return None
        how = DateResolution.model if value.value else DateResolution.unresolved
        return DateRef(value=value.value, raw=value.raw, resolution=how)
    if isinstance(value, (ActorDraft, Actor)):
        return _unconfirmed(value)
    if isinstance(value, list) and any(isinstance(v, (ActorDraft, Actor)) for v in value):
        return [_unconfirmed(v) if isinstance(v, (ActorDraft, Actor)) else v for v in value]
    return value


def _unconfirmed(actor: ActorDraft | Actor) -> Actor:
    """An actor of a reply as the model gave it (text, name, kind), never ``resolved``
    and without an ISO code: only claimkit's gazetteer confirms a name and gives a
    country's code (a model that claims either would keep its guess from
    normalisation)."""
    if isinstance(actor, Actor) and not actor.resolved and actor.iso_code is None:
        return actor
    return Actor(text=actor.text, name=actor.name, kind=actor.kind)


