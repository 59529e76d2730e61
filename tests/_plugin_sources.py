"""The source of a test plugin that works, shared by the tests that install plugins.

A `visit` claim type and a backend that proposes one visit per sentence with
" visited ": written to a file (``--plugin FILE``) or installed as a module.
"""

from __future__ import annotations

import textwrap

VISIT_PLUGIN = textwrap.dedent('''
    """A test plugin: a `visit` claim type and a backend that proposes visits."""
    from typing import ClassVar, Literal

    from pydantic import Field

    from claimkit import register_backend, register_claim_type
    from claimkit.extract import Backend, Draft
    from claimkit.schemas import Actor, ClaimBase


    @register_claim_type
    class Visit(ClaimBase):
        definition: ClassVar[str] = "An actor visits a place."
        type: Literal["visit"] = "visit"
        place: str | None = Field(default=None, description="Where the actor went.")


    class Visitor(Backend):
        name = "visitor"

        def extract(self, document):
            text = document.text
            return [
                Draft(type="visit", quotes=(s.strip(),),
                      fields={"actor": [Actor(text=s.split()[0])], "place": s.split()[-1]})
                for s in text.split(".") if " visited " in s
            ]


    register_backend("visitor", Visitor)
''')
