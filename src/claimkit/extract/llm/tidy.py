"""The one reply-tidying step every provider's replies go through.

A provider reads its reply into a :class:`Said` (the texts that hold its JSON and
where they were, the reasoning, the refusal, the finish reason); :func:`tidied` reads
it as a careful reader would (:mod:`~claimkit.extract.llm.lenient`) and gives the
claims as one JSON object of the shape asked for, or says the reply is to be taken
as it is. :class:`~claimkit.extract.llm.openai.OpenAIBackend` builds the ``Said`` from
a chat completion; the core's default re-ask loop
(:meth:`~claimkit.extract.llm.core.LLMBackend.structured_call`) from the
:class:`~claimkit.extract.llm.core.Reply` of a provider that implements
``complete``: both read a reply the same way.

Neither openai nor instructor is imported here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from claimkit.errors import BackendError, TruncatedError
from claimkit.extract.llm.lenient import (
    answer_text,
    claims_payload,
    cut_off,
    last_payload,
    read_json,
    strict_payload,
    surrogates,
    without_surrogates,
)
from claimkit.redact import redact

__all__ = ["Said", "shorten", "tidied"]


@dataclass(frozen=True)
class Said:
    """What one reply holds, wherever the provider put it.

    Attributes:
        texts: the texts that hold the reply's JSON: each tool call's arguments, else
            the content (empty when there is none, or only white space).
        source: where they were: ``calls``, ``content`` or ``parts`` (a content of
            text parts).
        called: the tool calls are all and only one call of the function asked for
            (True when no function was asked for and none was called).
        reasoning: a reasoning model's thoughts, where the provider gives them apart
            (``reasoning_content``, ``reasoning``), in the order to read them.
        finish: why the reply ended (``"length"``: the output token limit;
            ``"content_filter"``), None when the provider does not say.
        refusal: the model's refusal, when the provider gives it apart.
    """

    texts: tuple[str, ...]
    source: str = "content"
    called: bool = True
    reasoning: tuple[str, ...] = ()
    finish: str | None = None
    refusal: str | None = None


def tidied(said: Said, tool: str | None, secrets: Sequence[str] = ()) -> str | None:
    """The claims of a reply as one JSON text ``{"claims": [...]}``, read as a careful
    reader would; None when the reply is to be taken as it is: it is already the
    object asked for where it was asked for (``tool``: one call of that function;
    None: the content), or nothing in it is readable (the caller re-asks).

    Every text is read leniently, thoughts left out (:func:`~.lenient.answer_text`),
    their claims as one list; with no text, the last object of claims in the
    reasoning (unless the reply was cut off at the token limit). A reply cut off at
    the token limit is kept only when what it holds is complete JSON as it is, and
    one whose JSON ends inside a value is cut off whatever ``finish`` says: both
    :class:`~claimkit.errors.TruncatedError` (the chunk is split). Half of a UTF-16
    pair in a string is U+FFFD. A refusal, or a stop by the content filter, with no
    claims beside it is a :class:`~claimkit.errors.BackendError` saying so (asking
    again gets the same). ``secrets`` are redacted from what a message quotes.
    """
    given = list(said.texts)
    arguments = [t for a in given if (t := answer_text(a))]
    source = said.source
    if not arguments and said.finish != "length":  # a reasoning model's answer in its thoughts
        arguments, source = _reasoned(said.reasoning, tool)
    whole = _complete(arguments, said.finish)
    as_asked = (whole and arguments == given and said.finish != "length" and said.called
                and source == ("calls" if tool else "content"))
    if as_asked and not said.refusal and not surrogates(arguments[0]):
        return None  # nothing to tidy
    payloads = [p for a in arguments if (p := claims_payload(read_json(a), tool)) is not None]
    if not payloads:
        _refused(said.refusal, said.finish, secrets)
        return None
    claims = without_surrogates([c for p in payloads for c in p["claims"]])
    return json.dumps({"claims": claims}, ensure_ascii=False)


def _reasoned(reasoning: Sequence[str], tool: str | None) -> tuple[list[str], str]:
    """The answer of a reasoning model that wrote it only into its reasoning (no tool
    call, no content): the last object with a ``claims`` list there, JSON-encoded (the
    drafts come before it); nothing when the reasoning holds none."""
    for text in reasoning:
        if isinstance(text, str) and (payload := last_payload(text, tool)) is not None:
            return [json.dumps(payload, ensure_ascii=False)], "reasoning"
    return [], "content"


def _complete(arguments: list[str], finish: str | None) -> bool:
    """The reply holds one text, the JSON object as it is. Raises
    :class:`~claimkit.errors.TruncatedError` for a reply cut off: at the token limit
    unless what it holds is complete as it is, or inside its JSON whatever ``finish``
    says (json-repair would close it around the cut values)."""
    strict = [strict_payload(a) for a in arguments]
    if finish == "length" and not (len(arguments) == 1 and strict[0]):
        raise TruncatedError("the reply was cut off at the output token limit")
    if any(not ok and cut_off(a) for a, ok in zip(arguments, strict, strict=True)):
        said = f" (finish_reason {finish!r})" if finish else ""
        raise TruncatedError(f"the reply was cut off inside its JSON{said}; "
                             "its last values would be read cut")
    return len(arguments) == 1 and strict[0]


def shorten(text: BaseException | str, limit: int = 300) -> str:
    """``text`` on one line, cut to ``limit`` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _refused(refusal: str | None, finish: str | None, secrets: Sequence[str]) -> None:
    """Raise :class:`~claimkit.errors.BackendError` for a reply that is a refusal or was
    stopped by the endpoint's content filter (asking again gets the same)."""
    if isinstance(refusal, str) and refusal.strip():
        said = shorten(redact(refusal, secrets))
        raise BackendError(f"the model refused to answer: {said!r}; "
                           "the document was not extracted")
    if finish == "content_filter":
        raise BackendError("the endpoint's content filter stopped the reply (finish_reason "
                           "'content_filter'); the document was not extracted")
