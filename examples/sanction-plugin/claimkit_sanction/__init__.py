"""claimkit-sanction: a ``sanction`` claim type for claimkit, as a plugin.

Importing this module registers :class:`Sanction` with claimkit, so it is
parsed, validated, exported to JSON Schema, scored by ``claimkit eval`` and
extracted: by the LLM backend from the field descriptions below, and by the
offline rules backend from the cue lexicons in ``cues.json`` (declared with
``cues = "cues.json"``, found next to this module when installed).

claimkit finds the plugin through the ``claimkit.plugins`` entry point when
the distribution is installed (``pip install examples/sanction-plugin``); or
import it yourself::

    import claimkit_sanction  # registers the type
    from claimkit.extract.rules import RulesBackend
    records = claimkit.extract(documents, backend=RulesBackend(types=["sanction"]))
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from claimkit.schemas import Actor, ClaimBase, register_claim_type

__all__ = ["Sanction"]


@register_claim_type
class Sanction(ClaimBase):
    """An actor imposes, extends or lifts sanctions on a target."""

    definition: ClassVar[str] = (
        "An actor (a government, the EU, the UN Security Council, a treasury or foreign "
        "ministry) imposes, extends or lifts sanctions on a target: asset freezes, travel "
        "bans, trade or arms embargoes, export bans, blacklisting. A sanction threatened, "
        "demanded or blocked is not a sanction claim (it is a warning or a refusal)."
    )
    cues: ClassVar[str | None] = "cues.json"

    type: Literal["sanction"] = "sanction"
    target: list[Actor] = Field(
        default_factory=list,
        description="Who the sanctions hit: the countries, people, companies, banks or bodies "
        "named as their target, as the article names them (not the ones who impose them).",
    )
    action: Literal["impose", "extend", "lift"] | None = Field(
        default=None,
        description="impose (new or additional sanctions, including a new package or new "
        "listings under an existing regime), extend (prolong or renew sanctions already in "
        "force, or widen them to more targets), lift (remove, suspend or ease them). Null "
        "when the article does not say which.",
    )
