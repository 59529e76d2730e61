"""Exceptions raised by claimkit.

Every error claimkit raises on purpose derives from :class:`ClaimkitError`, so
callers can catch one type. Messages say how to fix the problem. The command
line turns a ``ClaimkitError`` into one line on stderr and an exit code.

::

    ClaimkitError
    ├── ConfigError            bad or missing settings (API key, base URL, model)
    ├── InputError             a file or record that cannot be read
    │   └── DecodeError        bytes that are binary, empty or undecodable
    ├── SchemaError            an unknown claim type or a bad claim record
    ├── GroundingError         a quote that cannot be placed in the document
    ├── BackendError           an extraction backend failed for a document
    │   ├── TransientError     worth retrying (rate limit, 5xx, timeout)
    │   │   └── WaitBudgetExceeded  the document's retry waits reached max_wait
    │   ├── EndpointError      the endpoint cannot serve any request (refused, DNS, TLS, 401/403)
    │   ├── TruncatedError     the model's output was cut off (finish_reason=length)
    │       └── ContextExceeded  the request was refused as longer than the context window
    └── BudgetExceeded         the run's --max-cost would be passed
"""

from __future__ import annotations

__all__ = [
    "BackendError",
    "BudgetExceeded",
    "ClaimkitError",
    "ConfigError",
    "ContextExceeded",
    "DecodeError",
    "EndpointError",
    "GroundingError",
    "InputError",
    "SchemaError",
    "TransientError",
    "TruncatedError",
    "WaitBudgetExceeded",
]


class ClaimkitError(Exception):
    """Base class of every error claimkit raises on purpose."""

    #: short machine-readable name used in failure records
    kind: str = "error"


class ConfigError(ClaimkitError):
    """Settings are missing or contradictory."""

    kind = "config"


class InputError(ClaimkitError):
    """An input file or record cannot be used.

    Args:
        source: the file name (or ``-`` for stdin) the problem is in.
        reason: one line saying what is wrong.
    """

    kind = "input"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class DecodeError(InputError):
    """Bytes that are binary, empty or in no encoding we can detect."""

    kind = "decode"


class SchemaError(ClaimkitError):
    """A claim type or record does not fit the registered schemas."""

    kind = "schema"


class GroundingError(ClaimkitError):
    """A quote could not be aligned to the document text."""

    kind = "grounding"


class BackendError(ClaimkitError):
    """An extraction backend failed on a document."""

    kind = "backend"


class TransientError(BackendError):
    """A failure that may go away on retry (rate limit, 5xx, timeout)."""

    kind = "transient"


class EndpointError(BackendError):
    """The endpoint cannot serve any request: connection refused, DNS or TLS failure,
    401/403. Not worth retrying the request; a run stops starting documents after a
    few in a row (see :mod:`claimkit.extract.streaming`)."""

    kind = "endpoint"


class WaitBudgetExceeded(TransientError):
    """The document's retry waits reached their budget (``max_wait``): a transient failure.

    Its message always holds :attr:`MARK`, so a run's summary can count the
    documents that hit the budget from their failure records.
    """

    MARK = "retry waits reached max_wait"


class TruncatedError(BackendError):
    """The model stopped because it reached its output token limit."""

    kind = "truncated"


class ContextExceeded(TruncatedError):
    """The endpoint refused the request as longer than the model's context window
    (HTTP 400 ``context_length_exceeded``, vLLM's "maximum context length", llama.cpp's
    "exceeds the available context size"): the chunk is split like a cut-off reply's."""

    kind = "context"


class BudgetExceeded(ClaimkitError):
    """Starting another document would pass the run's cost limit."""

    kind = "budget"
