"""The ``claimkit`` command: extract, validate, view, eval, schema, batch.

Data goes to stdout (or ``-o``); progress, logs and the summary go to stderr.
Exit codes: 0 all well, 1 some documents failed (or findings at the
``--fail-on`` level), 2 usage error (bad option, missing file, bad settings).

``app`` holds the command group and what the commands share; each command
lives in a module of its own, imported here so that it registers on ``main``.
"""

from __future__ import annotations

from claimkit.cli import batch, evaluate, extract, schema, store, validate, view
from claimkit.cli.app import main

__all__ = ["main"]

_COMMANDS = (batch, evaluate, extract, schema, store, validate, view)  # imported for their registration
