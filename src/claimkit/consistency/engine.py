"""``validate``: build the keys and groups once, run every check, collect a report.

Checks are a registry: the built-in ones (:data:`DEFAULT_CHECKS`) and any a
plugin adds with :func:`register_check` run by default.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from claimkit.consistency.checks import (
    check_conflicts,
    check_corroboration,
    check_integrity,
    check_limits,
    check_time,
)
from claimkit.consistency.grouping import Context, build_context, to_event_groups
from claimkit.consistency.models import Finding, ValidationReport
from claimkit.consistency.stance import check_stance
from claimkit.normalize.actors import Gazetteer
from claimkit.normalize.places import Places
from claimkit.schemas import ClaimBase, Document, DocumentClaims, Failure

__all__ = [
    "DEFAULT_CHECKS",
    "Check",
    "read_claim_files",
    "register_check",
    "registered_checks",
    "unregister_check",
    "validate",
]

log = logging.getLogger(__name__)

#: a check: takes the shared context (keyword ``context``) and returns findings
Check = Callable[..., list[Finding]]

#: the built-in checks, in the order they run
DEFAULT_CHECKS: tuple[Check, ...] = (
    check_integrity,
    check_conflicts,
    check_stance,
    check_time,
    check_corroboration,
    check_limits,
)

_CHECKS: dict[str, Check] = {}


def _check_name(fn: Check) -> str:
    return str(getattr(fn, "__name__", "")).removeprefix("check_") or repr(fn)


def register_check(fn: Check, *, name: str | None = None) -> Check:
    """Add a check that :func:`validate` runs by default (after those registered before).

    Usable as a decorator. A check is called as ``fn(context=ctx)`` with the
    shared :class:`~claimkit.consistency.grouping.Context` (claims, keys,
    groups, documents) and returns a list of :class:`Finding`.

    Args:
        fn: the check.
        name: its name in :func:`registered_checks`; defaults to the function's
            name without a ``check_`` prefix.

    Raises:
        ValueError: another check is registered under that name.
    """
    key = name or _check_name(fn)
    existing = _CHECKS.get(key)
    if existing is not None and existing is not fn:
        raise ValueError(f"a check named {key!r} is already registered")
    _CHECKS[key] = fn
    return fn


def unregister_check(name_or_fn: str | Check) -> Check | None:
    """Remove a registered check (by name or function); the check removed, or None."""
    if isinstance(name_or_fn, str):
        return _CHECKS.pop(name_or_fn, None)
    for key, fn in _CHECKS.items():
        if fn is name_or_fn:
            return _CHECKS.pop(key)
    return None


def registered_checks() -> dict[str, Check]:
    """The checks :func:`validate` runs by default, by name, in order (built-in ones first)."""
    return dict(_CHECKS)


for _check in DEFAULT_CHECKS:
    register_check(_check)


def validate(
    records_or_claims: Iterable[DocumentClaims | Failure | ClaimBase],
    documents: Mapping[str, Document] | Iterable[Document] | None = None,
    *,
    checks: Sequence[Check] | None = None,
    affiliations: Mapping[str, str] | None = None,
    gazetteer: Gazetteer | None = None,
    places: Places | None = None,
) -> ValidationReport:
    """Check claims against their documents and against each other.

    Args:
        records_or_claims: output records (``DocumentClaims``; ``Failure``
            records are skipped) and/or bare claims, from any number of files.
        documents: documents by id, or an iterable of them, for claims given
            without their record (spans are checked against their text).
        checks: the checks to run; each is called as ``check(context=ctx)``.
            Default: the registered checks (:func:`registered_checks`: the
            built-in :data:`DEFAULT_CHECKS` and any added by :func:`register_check`).
        affiliations: extra ``{person: country or organisation}`` entries for
            grouping ("Kaja Kallas" -> "European Union").
        gazetteer: actor names, countries and affiliations used for actor keys
            (``Gazetteer.load(*files)``); default ``Gazetteer.default()``.
        places: place names used for place keys (``Places.load(*files)``);
            default ``Places.default()``.

    Returns:
        The groups and findings. Findings are data: nothing is raised for them.
    """
    to_run = tuple(_CHECKS.values()) if checks is None else tuple(checks)
    ctx = build_context(
        records_or_claims, documents, affiliations=affiliations,
        gazetteer=gazetteer, places=places,
    )
    findings: list[Finding] = []
    for check in to_run:
        findings.extend(check(context=ctx))
    report = _report(ctx, findings)
    log.info(
        "validated %d claims of %d documents: %d groups, %d findings",
        report.n_claims, len(ctx.documents), len(report.groups), len(findings),
    )
    return report


def _report(ctx: Context, findings: list[Finding]) -> ValidationReport:
    """The report of a context whose checks have run; ``ctx`` is spent (its groups and
    claims let go while the report's groups are made: see :func:`to_event_groups`)."""
    n_claims, n_documents = len(ctx.infos), len({x.doc for x in ctx.infos} | set(ctx.documents))
    groups = to_event_groups(ctx, release=True)
    return ValidationReport.model_construct(
        groups=groups, findings=findings, n_claims=n_claims, n_documents=n_documents,
    )


def read_claim_files(
    paths: Iterable[str | os.PathLike[str]],
) -> Iterator[DocumentClaims | Failure]:
    """The records of several JSONL claim files, in order (``-`` is stdin).

    Raises:
        InputError: a file is missing or holds a line that is not a record.
    """
    from claimkit.io import read_records

    for path in paths:
        yield from read_records(path)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cyclic garbage collector paused for the block, restored after: for the
    application that runs a large validation, never done by the library itself.

    A validation allocates millions of small objects and frees almost none; the
    collector would rescan all of them again and again (a third of the time at
    100k claims in one process, three quarters of a Dask task's CPU). Nothing
    in a validation makes reference cycles worth collecting. The collector is a
    process-wide setting, so :func:`validate` and the claim store never touch it:
    ``claimkit validate`` wraps its run in this, and a program may do the same::

        with paused_gc():
            report = validate(records)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
