"""``validate``: build the keys and groups once, run every check, collect a report."""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from claimkit.consistency.checks import (
    check_conflicts,
    check_corroboration,
    check_integrity,
    check_time,
)
from claimkit.consistency.grouping import Context, build_context, to_event_groups
from claimkit.consistency.models import Finding, ValidationReport
from claimkit.consistency.stance import check_stance
from claimkit.normalize.actors import Gazetteer
from claimkit.normalize.places import Places
from claimkit.schemas import ClaimBase, Document, DocumentClaims, Failure

__all__ = ["DEFAULT_CHECKS", "Check", "read_claim_files", "validate"]

log = logging.getLogger(__name__)

#: a check: takes the shared context (keyword ``context``) and returns findings
Check = Callable[..., list[Finding]]

DEFAULT_CHECKS: tuple[Check, ...] = (
    check_integrity,
    check_conflicts,
    check_stance,
    check_time,
    check_corroboration,
)


def validate(
    records_or_claims: Iterable[DocumentClaims | Failure | ClaimBase],
    documents: Mapping[str, Document] | Iterable[Document] | None = None,
    *,
    checks: Sequence[Check] = DEFAULT_CHECKS,
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
        affiliations: extra ``{person: country or organisation}`` entries for
            grouping ("Kaja Kallas" -> "European Union").
        gazetteer: actor names, countries and affiliations used for actor keys
            (``Gazetteer.load(*files)``); default ``Gazetteer.default()``.
        places: place names used for place keys (``Places.load(*files)``);
            default ``Places.default()``.

    Returns:
        The groups and findings. Findings are data: nothing is raised for them.
    """
    # The run allocates millions of small objects and frees almost none; the
    # cyclic collector would rescan all of them again and again (a third of the
    # time at 100k claims). Nothing here makes reference cycles worth collecting.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        ctx = build_context(
            records_or_claims, documents, affiliations=affiliations,
            gazetteer=gazetteer, places=places,
        )
        findings: list[Finding] = []
        for check in checks:
            findings.extend(check(context=ctx))
        report = _report(ctx, findings)
    finally:
        if gc_was_enabled:
            gc.enable()
    log.info(
        "validated %d claims of %d documents: %d groups, %d findings",
        len(ctx.infos), len(ctx.documents), len(ctx.groups), len(findings),
    )
    return report


def _report(ctx: Context, findings: list[Finding]) -> ValidationReport:
    docs = {x.doc for x in ctx.infos} | set(ctx.documents)
    return ValidationReport.model_construct(
        groups=to_event_groups(ctx),
        findings=findings,
        n_claims=len(ctx.infos),
        n_documents=len(docs),
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
