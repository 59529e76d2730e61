"""The state file of a batch run: what was prepared, uploaded, submitted and downloaded.

A small JSON file beside the request files (``requests.state.json`` for
``requests.jsonl``), rewritten atomically (a temporary file, then
``os.replace``) after every step, so a command stopped at any point can be
run again and go on from the last step it finished. It never holds a
secret: the API key is read from the environment by every command that
needs one; the endpoint is kept without user, password or query.
"""

from __future__ import annotations

import os
import tempfile
import urllib.parse
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from claimkit.errors import ConfigError, InputError
from claimkit.io import read_settings

__all__ = ["TERMINAL", "BatchFile", "State", "public_url", "state_path"]

#: statuses of a batch after which it changes no more
TERMINAL = frozenset({"completed", "failed", "expired", "cancelled"})

STATE_VERSION = 1


def state_path(requests: str | os.PathLike[str]) -> Path:
    """The state file beside a request file: ``requests.jsonl`` -> ``requests.state.json``."""
    path = Path(requests)
    return path.with_name(path.stem + ".state.json")


def public_url(url: str | None) -> str | None:
    """``url`` without user name, password or query (a key may hide there)."""
    if not url:
        return None
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


class BatchFile(BaseModel):
    """One request file and what became of it."""

    path: str = Field(description="The request file, relative to the state file.")
    requests: int
    bytes: int
    input_file_id: str | None = None
    batch_id: str | None = None
    status: str | None = None
    #: request counts the provider reports: total, completed, failed
    counts: dict[str, int] = Field(default_factory=dict)
    output_file_id: str | None = None
    error_file_id: str | None = None
    #: downloaded output and error files, relative to the state file
    output_path: str | None = None
    error_path: str | None = None
    #: the provider's errors for a failed batch (validation errors), one line each
    errors: list[str] = Field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.status in TERMINAL


class State(BaseModel):
    """A batch run: the settings its requests were made with, and its files."""

    version: int = STATE_VERSION
    provider: str = "openai"
    model: str
    #: endpoint (public part only) the batches go to; None: OpenAI's
    base_url: str | None = None
    #: the LLM settings that shape a request (mode, chunking, max_tokens, ...)
    settings: dict[str, Any] = Field(default_factory=dict)
    types: list[str] | None = None
    #: the documents' paths, absolute
    inputs: list[str]
    #: the same paths as given to ``prepare`` (records name their source so)
    given: list[str] = Field(default_factory=list)
    max_bytes: int
    documents: int = 0
    files: list[BatchFile] = Field(default_factory=list)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> State:
        """Read a state file.

        Raises:
            ConfigError: the file cannot be read or is not a state file.
        """
        try:  # bounded, and a FIFO or a device refused without a read
            text = read_settings(path, what="a batch state file")
        except InputError as exc:
            raise ConfigError(f"{exc}; run `claimkit batch prepare` first") from None
        try:
            return cls.model_validate_json(text)
        except ValidationError as exc:
            raise ConfigError(f"{path}: not a batch state file ({exc.error_count()} error(s): "
                              f"{exc.errors()[0]['msg']})") from None

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the state atomically (a reader sees the old file or the new, never half)."""
        target = Path(path)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(self.model_dump_json(indent=2) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def resolve(self, state_file: str | os.PathLike[str], relative: str) -> Path:
        """A path of the state (relative to the state file) as a usable path."""
        return Path(state_file).parent / relative
