"""The one redactor: secrets out of every message before it leaves the process.

Endpoints echo what they were sent: a 401 body says ``Incorrect API key
provided: sk-...``, a proxy error repeats the ``Authorization`` header, an
exception names the URL it failed on, credentials included. Every message
built from an endpoint's reply, an exception or a URL goes through
:func:`redact` before it reaches a log line, a progress line, a failure
record, a cache file or a cassette. It removes:

* the configured keys: those passed in ``secrets`` and those in the
  environment variables the settings read (``CLAIMKIT_API_KEY``,
  ``OPENAI_API_KEY``), also URL-encoded;
* anything shaped like a secret, configured or not: ``Bearer <token>``,
  ``sk-...`` keys (OpenAI, Anthropic, most OpenAI-compatible servers),
  Google ``AIza...`` keys, a value after ``api_key``/``api-key``/
  ``authorization``/``token``/``password`` (``=``, ``:`` or JSON), and the
  ``user:password@`` part and key-like query parameters of a URL.

What is removed becomes ``[REDACTED]``; the rest of the message stays as it
is, so the error still says what went wrong.

:class:`RedactingFilter` is the same for log records: the command line puts
it on its log handlers (:func:`install_log_filter`). The library itself
installs nothing (no process-wide side effects).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from urllib.parse import quote

__all__ = ["MASK", "RedactingFilter", "install_log_filter", "redact"]

MASK = "[REDACTED]"

#: environment variables that hold the configured key (see extract/llm/settings.py)
KEY_VARIABLES = ("CLAIMKIT_API_KEY", "OPENAI_API_KEY")

#: keys shorter than this are not replaced literally (a one-letter "key" for a
#: local server would otherwise blank out every such letter)
_MIN_LITERAL = 6

_TOKEN = r"[A-Za-z0-9._~+/=-]"
#: (what the lower-cased text must contain for the pattern to be tried, pattern, replacement):
#: the cheap substring test keeps a long log line that holds no secret fast
_PATTERNS: tuple[tuple[tuple[str, ...], re.Pattern[str], str], ...] = (
    # Authorization: Bearer <token>, Basic <token> (a token: 8+ characters with a
    # digit, or 16+; "bearer bonds" stays)
    (
        ("bearer", "basic"),
        re.compile(rf"(?i)\b(bearer|basic)(\s+)(?:(?={_TOKEN}*\d){_TOKEN}{{8,}}|{_TOKEN}{{16,}})"),
        rf"\1\2{MASK}",
    ),
    # OpenAI/Anthropic-style keys: sk-..., sk-proj-..., sk-ant-...
    (("sk-",), re.compile(r"\bsk-[A-Za-z0-9_\-*]{6,}"), MASK),
    # Google API keys
    (("aiza",), re.compile(r"\bAIza[0-9A-Za-z_\-]{30,}"), MASK),
    # user:password@ in a URL
    (("@",), re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^/\s:@]+:[^/\s@]*@"), rf"\1{MASK}@"),
    # key-like query parameters: ?key=..., &api_key=..., &access_token=...
    (
        ("key=", "token=", "sig=", "signature=", "password=", "secret="),
        re.compile(r"(?i)([?&](?:api[_-]?key|key|access[_-]?token|token|sig|signature|"
                   r"password|secret)=)[^&#\s\"']+"),
        rf"\1{MASK}",
    ),
    # name: value / name=value / "name": "value" for secret-like names
    (
        ("key", "authorization", "token", "secret", "password"),
        re.compile(r"(?i)([\"']?\b(?:x-)?(?:api[_-]?key|authorization|access[_-]?token|"
                   r"client[_-]?secret|password)[\"']?\s*[:=]\s*[\"']?)"
                   r"(?!\[REDACTED\])(?!bearer\s)(?!basic\s)[^\s\"',;}&]+"),
        rf"\1{MASK}",
    ),
)


def _literals(secrets: Iterable[str | None]) -> list[str]:
    """The configured keys (given and from the environment), longest first."""
    found = {s for s in secrets if s and len(s) >= _MIN_LITERAL}
    for name in KEY_VARIABLES:
        value = os.environ.get(name)
        if value and len(value) >= _MIN_LITERAL:
            found.add(value)
    forms = found | {quote(s, safe="") for s in found}
    return sorted(forms, key=len, reverse=True)


def redact(text: object, secrets: Iterable[str | None] = ()) -> str:
    """``text`` (a string, an exception, anything with a ``str``) with secrets masked.

    Args:
        text: the message to clean.
        secrets: keys to remove wherever they occur (None and empty ones are
            skipped); the keys in ``CLAIMKIT_API_KEY``/``OPENAI_API_KEY`` are
            always removed too.
    """
    out = str(text)
    for literal in _literals(secrets):
        if literal in out:
            out = out.replace(literal, MASK)
    lowered = out.lower()
    for needles, pattern, replacement in _PATTERNS:
        if any(needle in lowered for needle in needles):
            out = pattern.sub(replacement, out)
    return out


class RedactingFilter(logging.Filter):
    """A logging filter that passes every record through :func:`redact`.

    Put it on a *handler* (a logger's filters do not see the records of its
    children): the message, its arguments and any formatted traceback are
    redacted before the handler formats them.
    """

    def __init__(self, secrets: Iterable[str | None] = ()) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage(), self.secrets)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self.secrets)
        return True


def install_log_filter(
    logger: logging.Logger | None = None, secrets: Iterable[str | None] = ()
) -> RedactingFilter:
    """Put one :class:`RedactingFilter` on every handler of ``logger`` (default: the root).

    For programs (the command line calls it after setting up logging); a
    library never calls it. Handlers that already have one are left alone.
    """
    target = logger or logging.getLogger()
    filt = RedactingFilter(secrets)
    for handler in target.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(filt)
    return filt
