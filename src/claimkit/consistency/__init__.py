"""Cross-document validation: group claims by event, then check them.

Findings are data (:class:`Finding`), never exceptions::

    from claimkit.consistency import validate
    report = validate(records)          # DocumentClaims records and/or claims
    for f in report.findings:
        print(f.severity, f.kind, f.message)

Checks (each also callable alone as ``check_<name>(claims, documents)``):
integrity, conflicts, stance, time, corroboration; a plugin adds its own with
:func:`register_check`. How each claim type is grouped and compared is declared
on its model (:class:`claimkit.schemas.ClaimBase`). See ``docs/validation.md``.
"""

from claimkit.consistency.checks import (
    check_conflicts,
    check_corroboration,
    check_integrity,
    check_limits,
    check_time,
    quantity_interval,
)
from claimkit.consistency.engine import (
    DEFAULT_CHECKS,
    Check,
    paused_gc,
    read_claim_files,
    register_check,
    registered_checks,
    unregister_check,
    validate,
)
from claimkit.consistency.grouping import (
    ClaimInfo,
    Context,
    build_context,
    group_events,
    placement_of,
)
from claimkit.consistency.links import link_components, link_keys
from claimkit.consistency.models import (
    EventGroup,
    Finding,
    FindingKind,
    Severity,
    ValidationReport,
)
from claimkit.consistency.placement import Placement
from claimkit.consistency.stance import check_stance

__all__ = [
    "DEFAULT_CHECKS",
    "Check",
    "ClaimInfo",
    "Context",
    "EventGroup",
    "Finding",
    "FindingKind",
    "Placement",
    "Severity",
    "ValidationReport",
    "build_context",
    "check_conflicts",
    "check_corroboration",
    "check_integrity",
    "check_limits",
    "check_stance",
    "check_time",
    "group_events",
    "link_components",
    "link_keys",
    "paused_gc",
    "placement_of",
    "quantity_interval",
    "read_claim_files",
    "register_check",
    "registered_checks",
    "unregister_check",
    "validate",
]
