"""Quote -> Span alignment: find the words a model quoted in the article.

The public API is :func:`align_quote`, :func:`align_quotes` and
:class:`Aligner` (see :mod:`claimkit.grounding.align` for the stages);
``_normalize`` (the matching form, mapped back to source offsets) and
``_fuzzy`` (seeded character-level alignment) are private helpers.
Depends on :mod:`claimkit.schemas` only.
"""

from claimkit.grounding.align import Aligner, align_quote, align_quotes

__all__ = ["Aligner", "align_quote", "align_quotes"]
