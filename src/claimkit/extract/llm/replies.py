"""instructor's side of a structured call: the request prepared once, the re-ask loop.

No openai import (:mod:`claimkit.extract.llm.openai` is the only module that has
one). :func:`structured` makes instructor's ``OpenAISchema`` subclass of a
response model once (and runs instructor's async-validator check on it, once),
:func:`tools_request` prepares instructor's request for it once
(``handle_response_model``), :func:`request_body` serialises a request reusing
that preparation, and :func:`reask_loop` is instructor's parse / validate /
re-ask loop around the raw call.

Nothing of instructor is replaced or patched: the per-request CPU saving of
:func:`reask_loop` applies to claimkit's own calls only, and only with an
instructor release it was checked against (:data:`TESTED_INSTRUCTOR`); with
any other, it is instructor's ``retry_async`` as it is.
"""

from __future__ import annotations

import importlib.metadata
import json
import weakref
from collections.abc import Awaitable, Callable
from functools import lru_cache
from typing import Any

import instructor
from instructor.core import retry_async
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from instructor.processing import handle_response_model
from instructor.v2.validation import async_validators
from pydantic import BaseModel

__all__ = [
    "DIRECT",
    "MODES",
    "TESTED_INSTRUCTOR",
    "reask_loop",
    "request_body",
    "structured",
    "tools_request",
]

MODES = {
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}

#: instructor releases (major.minor) whose ``retry_async`` loop :func:`reask_loop`
#: repeats over instructor's own mode handlers; any other runs ``retry_async`` itself
TESTED_INSTRUCTOR = ("1.17",)


def _instructor_tested() -> bool:
    try:
        version = importlib.metadata.version("instructor")
    except importlib.metadata.PackageNotFoundError:
        return False
    return ".".join(version.split(".")[:2]) in TESTED_INSTRUCTOR


try:  # instructor's internals that its retry_async uses (1.17)
    from instructor.v2.core.providers import Provider
    from instructor.v2.core.registry import mode_registry
    from instructor.v2.core.retry import _RETRYABLE_PARSE_ERRORS
except ImportError:  # pragma: no cover - another instructor layout: retry_async only
    _INTERNALS = False
else:
    _INTERNALS = True

#: True when :func:`reask_loop` runs its own copy of instructor's loop (a tested
#: instructor release), False when it calls instructor's ``retry_async``
DIRECT = _INTERNALS and _instructor_tested()

#: response models made by :func:`structured`: instructor's async-validator check passed
_CHECKED: weakref.WeakSet[type] = weakref.WeakSet()


@lru_cache(maxsize=16)
def structured(model: type[BaseModel]) -> type[BaseModel]:
    """The response model as instructor's ``OpenAISchema`` subclass, made once.

    Given a plain pydantic model, instructor derives this subclass on every
    call (``create_model``: a full pydantic class build, ~15 ms for our union
    of claim models); given the subclass, it uses it as it is. The subclass
    goes through instructor's async-validator check here, once (raising as
    instructor would), which :func:`reask_loop` then need not repeat per request.
    """
    schema: type[BaseModel] = instructor.openai_schema(model)
    async_validators.reject_async_validators(schema)
    _CHECKED.add(schema)
    return schema


@lru_cache(maxsize=16)
def tools_request(
    model: type[BaseModel], model_name: str, temperature: float, max_tokens: int | None
) -> tuple[type[BaseModel], dict[str, Any], str]:
    """instructor's request for ``mode=tools`` without the messages, prepared once.

    ``tools``/``tool_choice`` depend on the response model only, so
    ``handle_response_model`` (schema, tool definition) runs once per model
    instead of on every request, where it (and the patched ``create``, which
    also walks the whole model six times checking for async validators) cost
    ~4 ms of CPU per request. The third item is that request, JSON-encoded
    (the members after ``messages``), so the 14 kB schema is encoded once too.
    """
    options: dict[str, Any] = {"model": model_name, "temperature": temperature}
    if max_tokens:
        options["max_tokens"] = max_tokens
    prepared, kwargs = handle_response_model(
        structured(model), mode=instructor.Mode.TOOLS, **options
    )
    kwargs.pop("messages", None)
    assert prepared is not None
    return prepared, kwargs, json.dumps(kwargs, ensure_ascii=False)[1:-1]


def request_body(kwargs: dict[str, Any], tail: dict[str, Any] | None, tail_json: str) -> bytes:
    """The request as UTF-8 JSON; the prepared members JSON-encoded once (see tools_request).

    instructor passes the prepared members on unchanged (the same objects,
    re-asks included: they only add messages); anything else is encoded in full.
    """
    if (
        tail is not None
        and len(kwargs) == len(tail) + 1
        and "messages" in kwargs
        and all(kwargs.get(k) is v for k, v in tail.items())
    ):
        head = json.dumps({"messages": kwargs["messages"]}, ensure_ascii=False)[:-1]
        return (head + ", " + tail_json + "}").encode("utf-8")
    return json.dumps(kwargs, ensure_ascii=False).encode("utf-8")


async def reask_loop(
    func: Callable[..., Awaitable[Any]],
    response_model: type[BaseModel],
    kwargs: dict[str, Any],
    *,
    max_reasks: int,
    strict: bool,
    mode: instructor.Mode,
) -> None:
    """instructor's parse / validate / re-ask loop around ``func``, the raw call.

    At most ``max_reasks + 1`` calls: each reply is parsed and validated by
    instructor's response parser for ``mode``; one that does not validate is
    sent back by instructor's re-ask handler for ``mode``.

    instructor's ``retry_async`` runs this loop after walking the whole
    response model looking for its async validators, on every call (~0.3-0.6
    ms of CPU per request for our union of claim models). The walk's answer
    depends on the class only, and :func:`structured` ran it once on each
    model it made, so for those, with a tested instructor release
    (:data:`DIRECT`), the loop below is ``retry_async_v2``'s (instructor
    1.17: the same handlers, the same errors, no hooks, no token budget)
    without the walk. Any other model, or another instructor release, goes
    through ``retry_async`` itself. Nothing of instructor is modified.

    Raises:
        InstructorRetryException: as ``retry_async`` raises it: ``func`` failed
            (its exception is the cause), or no reply validated (the last
            validation error is the cause).
    """
    if not (DIRECT and response_model in _CHECKED):
        await retry_async(func=func, response_model=response_model, args=(), kwargs=kwargs,
                          max_retries=max_reasks, strict=strict, mode=mode)
        return
    handlers = mode_registry.get_handlers(Provider.OPENAI, mode)
    attempts = max(max_reasks, 0) + 1
    for attempt in range(1, attempts + 1):
        try:
            response = await func(**kwargs)
        except IncompleteOutputException:
            raise
        except Exception as exc:
            raise InstructorRetryException(str(exc), n_attempts=attempt, total_usage=None) from exc
        try:
            handlers.response_parser(response=response, response_model=response_model,
                                     validation_context=None, strict=strict, stream=False,
                                     is_async=True)
            return
        except _RETRYABLE_PARSE_ERRORS as exc:
            if attempt == attempts:
                raise InstructorRetryException(
                    str(exc), last_completion=response, n_attempts=attempt, total_usage=None
                ) from exc
            kwargs = handlers.reask_handler(kwargs=kwargs, response=response, exception=exc)
