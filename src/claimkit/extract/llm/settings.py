"""Settings of the LLM backend, where they come from, and backend selection.

Each setting is resolved in this order: an explicit argument, then a
``CLAIMKIT_*`` environment variable, then the provider's own variable
(``OPENAI_API_KEY``, ``OPENAI_BASE_URL``), then a default.

| setting          | environment variable(s)                    | default          |
|------------------|--------------------------------------------|------------------|
| api_key          | CLAIMKIT_API_KEY, OPENAI_API_KEY           | none             |
| base_url         | CLAIMKIT_BASE_URL, OPENAI_BASE_URL         | OpenAI's         |
| model            | CLAIMKIT_MODEL                             | gpt-4o-mini [1]_ |
| mode             | CLAIMKIT_MODE (tools, json, md_json)       | tools            |
| timeout          | CLAIMKIT_TIMEOUT (seconds per request)     | 120              |
| max_reasks       | CLAIMKIT_MAX_REASKS                        | 2                |
| max_api_retries  | CLAIMKIT_MAX_RETRIES                       | 6                |
| max_wait         | CLAIMKIT_MAX_WAIT (retry waits, s per doc) | 300              |
| chunk_chars      | CLAIMKIT_CHUNK_CHARS                       | 16000            |
| context_window   | CLAIMKIT_CONTEXT_WINDOW (tokens)           | model table [2]_ |
| examples         | CLAIMKIT_EXAMPLES (gold-format JSONL)      | none             |
| cache_dir        | CLAIMKIT_CACHE_DIR                         | ~/.cache/claimkit|
| prices           | CLAIMKIT_PRICES (a JSON file)              | bundled table    |
| max_reply_bytes  | (an argument only)                         | 16 MiB           |

.. [1] only when talking to OpenAI itself; any other ``base_url`` needs a model.
.. [2] the ``context`` of the model in the bundled model table (prices.json, or
   ``CLAIMKIT_PRICES``'s), else :data:`DEFAULT_CONTEXT_WINDOW`.

This module never imports openai or instructor (the backend registry,
:mod:`claimkit.extract.registry`, reads :func:`endpoint_configured` to choose
a backend without importing one).
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from claimkit.errors import ConfigError, InputError
from claimkit.io import parse_json, read_settings
from claimkit.schemas import Usage

__all__ = [
    "DEFAULT_CONTEXT_WINDOW",
    "LLMSettings",
    "context_window_of",
    "endpoint_configured",
    "estimate_cost",
    "load_prices",
    "resolve_settings",
]

#: model used when only an OpenAI key is configured
DEFAULT_OPENAI_MODEL = "gpt-4o-mini"

_MODES = ("tools", "json", "md_json")

#: context window (tokens) assumed for a model the table does not know: what
#: local servers commonly give a mid-sized model; set ``context_window`` to
#: the server's real figure (Ollama's default is smaller: see docs/llm.md)
DEFAULT_CONTEXT_WINDOW = 32768


@dataclass(frozen=True)
class LLMSettings:
    """Resolved settings of the OpenAI-compatible backend.

    The API key is kept out of ``repr`` so that it never reaches a log line.
    """

    model: str
    api_key: str | None = field(default=None, repr=False)
    base_url: str | None = None
    #: instructor mode: ``tools`` (function calling), ``json`` or ``md_json``
    #: for servers whose models do not call tools
    mode: str = "tools"
    timeout: float = 120.0
    #: re-asks after a reply whose quotes are not in the text or that does not validate
    max_reasks: int = 2
    #: retries of one request after a rate limit, 5xx, timeout or dropped connection
    max_api_retries: int = 6
    backoff_initial: float = 1.0
    backoff_max: float = 60.0
    #: longest Retry-After honoured; a longer one is capped
    retry_after_max: float = 120.0
    #: seconds of retry waits one document may spend in all; then it is a
    #: ``transient`` failure (rerun with --resume)
    max_wait: float = 300.0
    chunk_chars: int = 16000
    #: tokens the model reads and writes in one request (prompt + reply); None:
    #: the model table's figure, else DEFAULT_CONTEXT_WINDOW. Chunks are sized to fit.
    context_window: int | None = None
    #: gold-format JSONL of annotated example articles shown to the model (few-shot)
    examples: Path | None = None
    chunk_overlap: int = 600
    #: below this size a truncated chunk is not split again but fails
    min_chunk_chars: int = 1500
    max_tokens: int | None = 8192
    #: the longest reply body read (bytes); a longer one is refused unread past this
    #: (a reply of max_tokens tokens is far shorter: a broken server or proxy)
    max_reply_bytes: int = 16 * 1024 * 1024
    temperature: float = 0.0
    #: pydantic strict mode for the model's reply; off so that local models
    #: that send "5" for 5 are accepted (the value is still validated)
    strict: bool = False
    cache_dir: Path | None = None
    prices_file: Path | None = None
    extra_headers: Mapping[str, str] = field(default_factory=dict, repr=False)

    def with_(self, **changes: Any) -> LLMSettings:
        """A copy with some settings changed."""
        return replace(self, **changes)


def _env(*names: str) -> str | None:
    for name in names:
        value = os.environ.get(name)
        if value:
            return value
    return None


def endpoint_configured(**overrides: Any) -> bool:
    """True when an argument or the environment names an API key or a base URL."""
    return bool(
        overrides.get("api_key")
        or overrides.get("base_url")
        or _env("CLAIMKIT_API_KEY", "OPENAI_API_KEY", "CLAIMKIT_BASE_URL", "OPENAI_BASE_URL")
    )


def _number(name: str, value: str, kind: type[float | int]) -> float | int:
    try:
        return kind(value)
    except ValueError:
        what = "an integer" if kind is int else "a number"
        raise ConfigError(f"{name}={value!r} is not {what}; fix or unset it") from None


def resolve_settings(**overrides: Any) -> LLMSettings:
    """Resolve the backend settings: argument > CLAIMKIT_* > OPENAI_* > default.

    Args:
        **overrides: any :class:`LLMSettings` field; ``None`` means "not given".

    Raises:
        ConfigError: no model can be chosen, an unknown setting or mode, or a
            variable that is not a number.
    """
    known = {f.name for f in fields(LLMSettings)}
    unknown = set(overrides) - known
    if unknown:
        raise ConfigError(
            f"unknown LLM setting(s) {sorted(unknown)}; known: {', '.join(sorted(known))}"
        )
    given = {k: v for k, v in overrides.items() if v is not None}
    values: dict[str, Any] = {}
    values["api_key"] = given.get("api_key") or _env("CLAIMKIT_API_KEY", "OPENAI_API_KEY")
    values["base_url"] = given.get("base_url") or _env("CLAIMKIT_BASE_URL", "OPENAI_BASE_URL")
    model = given.get("model") or _env("CLAIMKIT_MODEL")
    if not model:
        if values["base_url"] and "api.openai.com" not in values["base_url"]:
            raise ConfigError(
                f"no model for the endpoint {values['base_url']}: pass --model NAME "
                "(or model=..., or set CLAIMKIT_MODEL)"
            )
        model = DEFAULT_OPENAI_MODEL
    values["model"] = model
    for name, env, kind in (
        ("mode", "CLAIMKIT_MODE", str),
        ("timeout", "CLAIMKIT_TIMEOUT", float),
        ("max_reasks", "CLAIMKIT_MAX_REASKS", int),
        ("max_api_retries", "CLAIMKIT_MAX_RETRIES", int),
        ("max_wait", "CLAIMKIT_MAX_WAIT", float),
        ("chunk_chars", "CLAIMKIT_CHUNK_CHARS", int),
        ("context_window", "CLAIMKIT_CONTEXT_WINDOW", int),
    ):
        raw = os.environ.get(env)
        if raw and name not in given:
            values[name] = raw if kind is str else _number(env, raw, kind)  # type: ignore[arg-type]
    cache_dir = given.get("cache_dir") or _env("CLAIMKIT_CACHE_DIR")
    values["cache_dir"] = Path(cache_dir) if cache_dir else Path.home() / ".cache" / "claimkit"
    prices = given.get("prices_file") or _env("CLAIMKIT_PRICES")
    values["prices_file"] = Path(prices) if prices else None
    examples = given.get("examples") or _env("CLAIMKIT_EXAMPLES")
    values["examples"] = Path(examples) if examples else None
    for key, value in given.items():
        values.setdefault(key, value)
    settings = LLMSettings(**values)
    if settings.mode not in _MODES:
        raise ConfigError(f"unknown mode {settings.mode!r}; use one of {', '.join(_MODES)}")
    if settings.chunk_overlap * 2 >= settings.chunk_chars:
        raise ConfigError("chunk_overlap must be less than half of chunk_chars")
    if settings.context_window is not None and settings.context_window <= 0:
        raise ConfigError(f"context_window={settings.context_window}: give a number of tokens")
    return settings


# --------------------------------------------------------------------------- prices


@lru_cache(maxsize=8)
def _read_prices(path: str | None) -> dict[str, dict[str, float]]:
    """The price table of ``path`` (None: the bundled one), its shape checked.

    Any JSON that is not ``{"models": {name: {key: number}}}`` (or the models
    object itself), and any price or context that is not a finite number of at
    least zero, is a ``ConfigError`` naming the file: before, a list, a number of
    4,301 digits or 10**5 brackets were tracebacks, ``1e999`` a context window
    of infinity (an OverflowError later) and ``NaN`` a price no ``--max-cost``
    ever stopped.
    """
    shown = path or "prices.json"
    if path is None:
        text = resources.files("claimkit.data").joinpath("prices.json").read_text("utf-8")
    else:
        try:  # bounded, and a FIFO or a device refused without a read
            text = read_settings(path, what="a price table")
        except InputError as exc:
            raise ConfigError(f"price table {exc}; fix CLAIMKIT_PRICES") from None
    try:
        data = parse_json(text)
    except ValueError as exc:
        raise ConfigError(f"price table {shown} is not JSON: {exc}") from None
    models = data.get("models", data) if isinstance(data, dict) else None
    if not isinstance(models, dict):
        raise ConfigError(f"price table {shown}: expected an object of models, "
                          '{"models": {"gpt-4o-mini": {"input": 0.15, "output": 0.6}}}; fix CLAIMKIT_PRICES')
    return {str(name): _price_entry(shown, str(name), entry)
            for name, entry in models.items() if isinstance(entry, dict)}


def _price_entry(shown: str, name: str, entry: dict[str, Any]) -> dict[str, float]:
    """A model's prices and context window as floats: each a finite number >= 0."""
    out: dict[str, float] = {}
    for key in _PRICE_KEYS:
        value = entry.get(key)
        if value is None:
            continue
        try:
            number = float(value) if not isinstance(value, bool) else math.nan
        except (TypeError, ValueError, OverflowError):
            number = math.nan
        if not math.isfinite(number) or number < 0:
            raise ConfigError(f"model table {shown}: {name}: {key} is {str(value)[:40]!r}; "
                              "input, output and context must be numbers of at least 0")
        out[key] = number
    return out


#: per model: list prices (input, output), the context window and, when the provider has
#: them, batch prices
_PRICE_KEYS = ("input", "output", "context", "batch_input", "batch_output")


def load_prices(path: str | os.PathLike[str] | None = None) -> dict[str, dict[str, float]]:
    """Prices in USD per million tokens (``input``, ``output``) and context windows in
    tokens (``context``) by model: the bundled table, or ``path``'s.

    A file given by ``path`` (or ``CLAIMKIT_PRICES``) is merged over the bundled table.
    """
    table = dict(_read_prices(None))
    chosen = path if path is not None else _env("CLAIMKIT_PRICES")
    if chosen:  # merged entry by entry: a file may add a context to a bundled price
        for name, entry in _read_prices(os.fspath(chosen)).items():
            table[name] = {**table.get(name, {}), **entry}
    return table


def _price_for(
    model: str, table: Mapping[str, Mapping[str, float]], key: str
) -> Mapping[str, float] | None:
    """The table's entry for ``model`` that has ``key``: the model's own, else the
    longest name the model starts with (dated snapshots "gpt-4o-mini-2024-07-18",
    provider prefixes "openai/gpt-4o")."""
    if key in table.get(model, {}):
        return table[model]
    base = model.rsplit("/", 1)[-1]
    best = max((k for k in table if base.startswith(k) and key in table[k]), key=len,
               default=None)
    return table[best] if best else None


def context_window_of(
    model: str, table: Mapping[str, Mapping[str, float]] | None = None
) -> int | None:
    """The context window (tokens) the model table gives ``model``, or None."""
    entry = _price_for(model, table if table is not None else load_prices(), "context")
    return int(entry["context"]) if entry else None


def estimate_cost(
    model: str, usage: Usage, prices: Mapping[str, Mapping[str, float]] | None = None,
    *, batch: bool = False,
) -> float | None:
    """Estimated cost in USD of ``usage`` on ``model``; None for a model not in the table.

    ``batch``: at the provider's batch prices (``batch_input``/``batch_output``
    in the table; half the list prices for a model without them, the rule of
    OpenAI's and Azure's batch APIs).
    """
    price = _price_for(model, prices if prices is not None else load_prices(), "input")
    if price is None or "output" not in price:
        return None
    unit_in, unit_out = price["input"], price["output"]
    if batch:
        unit_in = price.get("batch_input", unit_in / 2)
        unit_out = price.get("batch_output", unit_out / 2)
    return (usage.prompt_tokens * unit_in + usage.completion_tokens * unit_out) / 1e6
