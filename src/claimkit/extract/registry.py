"""Backends by name: the built-in ones, those of plugins, and how one is chosen.

Every backend is a :class:`~claimkit.extract.base.Backend` class registered
under a name. The built-in ones are ``rules`` (offline) and ``openai`` (any
OpenAI-compatible endpoint); they are named here by import path and imported
only when chosen, so choosing ``rules`` never imports openai. A plugin adds
its own with :func:`register_backend`, or a distribution declares one in the
entry-point group ``claimkit.backends``::

    [project.entry-points."claimkit.backends"]
    mybackend = "mypackage.backend:MyBackend"

The library (:class:`~claimkit.extract.pipeline.Extractor` with no backend)
and the command line (``claimkit extract`` without ``--backend``) choose by
the same rule, :func:`default_backend_name`: ``openai`` when an API key or a
base URL is given or in the environment, else ``rules``.
"""

from __future__ import annotations

import importlib
import logging
from importlib.metadata import entry_points

from claimkit.errors import ClaimkitError, ConfigError
from claimkit.extract.base import Backend, BackendOptions
from claimkit.extract.llm.settings import endpoint_configured

__all__ = [
    "ENTRY_POINT_GROUP",
    "backend_class",
    "backend_names",
    "create_backend",
    "default_backend_name",
    "register_backend",
]

log = logging.getLogger(__name__)

#: entry-point group of installed backends
ENTRY_POINT_GROUP = "claimkit.backends"

#: name -> a Backend class, or "module:Class" until it is first asked for
_REGISTRY: dict[str, type[Backend] | str] = {
    "rules": "claimkit.extract.rules.backend:RulesBackend",
    "openai": "claimkit.extract.llm.openai:OpenAIBackend",
}
#: name -> where a backend read from an entry point comes from (for messages)
_ORIGINS: dict[str, str] = {}
_entry_points_read = False


def register_backend(name: str, backend: type[Backend] | str) -> None:
    """Register a backend class (or its ``"module:Class"`` path) under ``name``.

    Raises:
        ConfigError: the name is taken by another backend, or ``backend`` is
            neither a Backend subclass nor an import path.
    """
    if isinstance(backend, str):
        if ":" not in backend:
            raise ConfigError(f"backend {name!r}: {backend!r} is not a 'module:Class' path")
    elif not _is_backend_class(backend):
        raise ConfigError(f"backend {name!r}: {backend!r} is not a subclass of Backend")
    existing = _REGISTRY.get(name)
    if existing is not None and existing != backend:
        raise ConfigError(f"backend name {name!r} is already taken by {_describe(existing)}")
    _REGISTRY[name] = backend


def _is_backend_class(obj: object) -> bool:
    # a declared subclass (issubclass does not work on a protocol with data members)
    return isinstance(obj, type) and Backend in obj.__mro__


def _describe(entry: type[Backend] | str) -> str:
    return entry if isinstance(entry, str) else f"{entry.__module__}:{entry.__qualname__}"


def _read_entry_points() -> None:
    global _entry_points_read
    if _entry_points_read:
        return
    _entry_points_read = True
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name not in _REGISTRY:
            _REGISTRY[ep.name] = ep.value
            dist = ep.dist.name if ep.dist else "an installed package"
            _ORIGINS[ep.name] = f"entry point {ep.name!r} of {dist}"


def _where(name: str, entry: str) -> str:
    """``mod:Class``, and the entry point and distribution it was declared by, if any."""
    origin = _ORIGINS.get(name)
    return f"{entry}, {origin}" if origin else entry


def backend_names() -> list[str]:
    """Names of every registered backend (built-in, plugins, installed entry points)."""
    _read_entry_points()
    return sorted(_REGISTRY)


def backend_class(name: str) -> type[Backend]:
    """The backend class registered as ``name``, imported on first use.

    Raises:
        ConfigError: no backend of that name, or its module cannot be imported.
    """
    _read_entry_points()
    entry = _REGISTRY.get(name)
    if entry is None:
        from claimkit.plugins import failed_plugins_note

        raise ConfigError(
            f"unknown backend {name!r}; known: {', '.join(backend_names())} "
            f"(a plugin may add more: --plugin MODULE){failed_plugins_note()}"
        )
    if isinstance(entry, str):
        _REGISTRY[name] = entry = _import_backend(name, entry)
    return entry


def _import_backend(name: str, entry: str) -> type[Backend]:
    """The class a ``"module:Class"`` path names.

    Raises:
        ConfigError: the path names no class, its module fails while imported, or the
            class is no Backend (one line naming the backend, its entry point and why).
    """
    where = _where(name, entry)
    module_name, colon, attr = entry.partition(":")
    if not colon or not attr.strip():
        raise ConfigError(f"backend {name!r} ({where}) cannot be loaded: not a 'module:Class' path")
    try:
        cls = getattr(importlib.import_module(module_name.strip()), attr.strip())
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"backend {name!r} ({where}) cannot be loaded: {exc}") from None
    except (Exception, SystemExit) as exc:  # the module's own bug, met when it is imported
        raise ConfigError(
            f"backend {name!r} ({where}) failed while loading: {type(exc).__name__}: {exc}"
        ) from None
    if not _is_backend_class(cls):
        what = cls.__name__ if isinstance(cls, type) else f"a {type(cls).__name__}"
        raise ConfigError(f"backend {name!r} ({where}) is not a subclass of Backend ({attr.strip()} "
                          f"is {what})")
    backend: type[Backend] = cls
    return backend


def default_backend_name(options: BackendOptions | None = None) -> str:
    """``openai`` when an API key or base URL is given or in the environment, else ``rules``."""
    settings = options.settings if options is not None else {}
    given = {k: v for k, v in settings.items() if v is not None}
    return "openai" if endpoint_configured(**given) else "rules"


def create_backend(name: str | None = None, options: BackendOptions | None = None) -> Backend:
    """The backend ``name`` (None or ``"auto"``: :func:`default_backend_name`), built
    from ``options`` by its class's :meth:`~claimkit.extract.base.Backend.from_options`.

    Raises:
        ConfigError: an unknown name, or settings the backend cannot run with.
    """
    options = options or BackendOptions()
    if name in (None, "auto"):
        name = default_backend_name(options)
    cls = backend_class(name)
    try:
        backend = cls.from_options(options)
    except ClaimkitError:  # said in claimkit's own words already (a bad examples or cue file)
        raise
    except (Exception, SystemExit) as exc:  # a plugin backend's own bug while it starts
        raise ConfigError(f"backend {name!r} ({_where(name, _describe(cls))}) failed while "
                          f"starting: {type(exc).__name__}: {exc}") from None
    if not callable(getattr(backend, "extract", None)):
        raise ConfigError(f"backend {name!r} ({_where(name, _describe(cls))}): from_options "
                          f"returned a {type(backend).__name__}, not a backend")
    log.debug("backend %s: %s", name, backend.describe())
    return backend
