"""Plugins: modules that register claim types, backends or validation checks.

A plugin is any importable module that, when imported, registers what it
brings: :func:`claimkit.register_claim_type` (a claim type, with its cue
lexicons for the offline backend), :func:`claimkit.register_backend` (a
backend), :func:`claimkit.consistency.register_check` (a validation check).
claimkit imports plugins from three places, in this order:

1. ``claimkit --plugin MODULE`` (repeatable) on the command line, or
   ``load_plugins(["MODULE"])`` in Python;
2. the environment variable ``CLAIMKIT_PLUGINS=mod1,mod2``;
3. installed distributions that declare an entry point in the group
   ``claimkit.plugins``, loaded automatically::

       [project.entry-points."claimkit.plugins"]
       sanction = "claimkit_sanction"

   An entry point may also name a function (``"pkg.module:setup"``), which
   is called once after its module is imported.

Every command loads them before it reads anything, so a user's claim type is
extracted, validated, scored, shown and exported like a built-in one.

A plugin named on purpose (``--plugin``, ``CLAIMKIT_PLUGINS``, ``load_plugins``)
that fails is an error (:class:`PluginError`). An *installed* one that fails (it
raises while imported, or its entry point names something that cannot be
called) is not: it is logged as one warning naming it and the reason, the
others are loaded, and the failure is kept (:func:`plugin_failures`), so that
asking for a claim type or backend no plugin registered names the plugins that
failed. In the
library, the entry-point plugins are loaded the first time a claim type is
looked up that is not registered (reading a file of ``sanction`` claims just
works once the plugin is installed); call :func:`load_plugins` to load them
up front. A module is imported once however often it is named.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Iterable
from importlib.metadata import EntryPoint, entry_points

from claimkit.errors import ConfigError

__all__ = ["ENTRY_POINT_GROUP", "ENV_VAR", "PluginError", "failed_plugins_note",
           "load_entry_point_plugins", "load_plugins", "plugin_failures"]

log = logging.getLogger(__name__)

#: entry-point group of installed plugins
ENTRY_POINT_GROUP = "claimkit.plugins"
#: environment variable naming plugin modules, comma-separated
ENV_VAR = "CLAIMKIT_PLUGINS"

_loaded: set[str] = set()
_entry_points_loaded = False
#: the installed plugins that failed to load, in the order met
_failures: list[PluginError] = []


class PluginError(ConfigError):
    """A plugin module cannot be imported, or fails while it registers."""

    kind = "plugin"


def _import(module: str, origin: str) -> None:
    if module in _loaded:
        return
    try:
        importlib.import_module(module)
    except ImportError as exc:
        raise PluginError(f"plugin {module!r} ({origin}) cannot be imported: {exc}") from None
    except PluginError:
        raise
    except ConfigError as exc:  # a registration refused (a backend name taken): name the plugin
        raise PluginError(f"plugin {module!r} ({origin}) failed while loading: {exc}") from None
    except Exception as exc:  # a plugin's own bug: name it in one line
        raise PluginError(
            f"plugin {module!r} ({origin}) failed while loading: {type(exc).__name__}: {exc}"
        ) from None
    except SystemExit as exc:  # a script given as a plugin (``sys.exit(main())`` at import)
        raise PluginError(
            f"plugin {module!r} ({origin}) called sys.exit({exc.code!r}) while loading; a plugin "
            "module registers types, backends or checks and returns (is it a script?)"
        ) from None
    _loaded.add(module)
    log.debug("loaded plugin %s (%s)", module, origin)


def _load_entry_point(ep: EntryPoint) -> None:
    key = f"{ep.value}"
    if key in _loaded:
        return
    origin = f"entry point {ep.name!r} of {ep.dist.name if ep.dist else 'an installed package'}"
    module, _, attr = ep.value.partition(":")
    _import(module.strip(), origin)
    if attr:
        try:
            setup = ep.load()
            if not callable(setup):
                raise TypeError(f"it names a {type(setup).__name__}, not a function to call")
            setup()
        except (Exception, SystemExit) as exc:
            raise PluginError(
                f"plugin {ep.value!r} ({origin}) failed: {type(exc).__name__}: {exc}"
            ) from None
    _loaded.add(key)


def load_entry_point_plugins() -> None:
    """Import the plugins installed under the ``claimkit.plugins`` entry-point group (once).

    One that fails is logged as a warning naming it and the reason (once per
    process) and kept for :func:`plugin_failures`; the others are loaded.
    """
    global _entry_points_loaded
    if _entry_points_loaded:
        return
    _entry_points_loaded = True
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            _load_entry_point(ep)
        except PluginError as exc:
            _failures.append(exc)
            log.warning("%s; skipped, the other plugins are loaded", exc)


def plugin_failures() -> list[PluginError]:
    """The installed plugins that failed to load in this process (see the module's docstring)."""
    return list(_failures)


def failed_plugins_note() -> str:
    """``"; installed plugins that failed to load may bring it: ..."`` for the message of a
    claim type or backend no plugin registered ("" when every plugin loaded)."""
    if not _failures:
        return ""
    return "; installed plugins that failed to load may bring it: " + "; ".join(
        str(exc) for exc in _failures)


def load_plugins(
    modules: Iterable[str] = (),
    *,
    environment: bool = True,
    installed: bool = True,
) -> None:
    """Import plugin modules: ``modules``, then ``CLAIMKIT_PLUGINS``, then installed ones.

    Args:
        modules: module names (``"claimkit_sanction"``, ``"mypkg.plugin"``).
        environment: also the modules named in ``CLAIMKIT_PLUGINS`` (comma-separated).
        installed: also the ``claimkit.plugins`` entry points of installed distributions.

    Raises:
        PluginError: a module of ``modules`` or ``CLAIMKIT_PLUGINS`` cannot be imported
            or fails while loading (one line that names it and why); an installed one
            that fails is a warning (:func:`load_entry_point_plugins`).
    """
    for module in modules:
        _import(module.strip(), "--plugin")
    if environment:
        for module in os.environ.get(ENV_VAR, "").split(","):
            if module.strip():
                _import(module.strip(), ENV_VAR)
    if installed:
        load_entry_point_plugins()
