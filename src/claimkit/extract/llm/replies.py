"""instructor's request for a response model, prepared once.

No openai import (:mod:`claimkit.extract.llm.openai` is the only module that has
one). :func:`tools_request` prepares instructor's request for a response
model once (``handle_response_model``), :func:`request_body` serialises a
request reusing that preparation.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import instructor
from instructor.processing import handle_response_model
from instructor.v2.validation import async_validators
from pydantic import BaseModel

__all__ = [
    "MODES",
    "request_body",
    "structured",
    "tools_request",
]

MODES = {
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}


#: response models claimkit made whose async-validator check instructor already passed
_CHECKED: weakref.WeakSet[type] = weakref.WeakSet()


def _install_checked_shortcut() -> None:
    """Let instructor's async-validator check skip the response models already checked.

    ``retry_async`` walks the whole response model on every call looking for
    instructor's async validators (``reject_async_validators``, ~0.6 ms per
    request for our union of claim models); no option turns it off. Its
    answer depends on the class only, and a pydantic class does not change
    after it is built, so for the models in :data:`_CHECKED` (made by
    :func:`structured`, checked once there with instructor's own function)
    the walk is skipped. Any other model, anyone else's included, still gets
    the full check. instructor looks the function up in its module at call
    time, which is where it is replaced.
    """
    original: Callable[[Any], None] = async_validators.reject_async_validators
    if getattr(original, "claimkit_shortcut", False):
        return

    def reject_async_validators(response_model: Any) -> None:
        if isinstance(response_model, type) and response_model in _CHECKED:
            return
        original(response_model)

    reject_async_validators.claimkit_shortcut = True  # type: ignore[attr-defined]
    reject_async_validators.__wrapped__ = original  # type: ignore[attr-defined]
    async_validators.reject_async_validators = reject_async_validators


_install_checked_shortcut()


@lru_cache(maxsize=16)
def structured(model: type[BaseModel]) -> type[BaseModel]:
    """The response model as instructor's ``OpenAISchema`` subclass, made once.

    Given a plain pydantic model, instructor derives this subclass on every
    call (``create_model``: a full pydantic class build, ~15 ms for our union
    of claim models); given the subclass, it uses it as it is. The subclass
    goes through instructor's async-validator check here, once (raising as
    instructor would), and is then exempt from repeating it per request.
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
