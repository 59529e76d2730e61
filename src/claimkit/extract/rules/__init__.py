"""The offline rules backend: cue lexicons, script-aware segmentation, gazetteer actors.

:class:`RulesBackend` (in :mod:`.backend`) is the embedded default when no
LLM endpoint is configured. :mod:`.cues` loads and compiles the cue
lexicons (bundled ``data/cues.json`` plus the cue files of registered claim
types and user files), :mod:`.spec` turns the cue data's per-type
declarations and the types' models into type specs, :mod:`.roles` fills a
claim's actor, modality and fields, :mod:`.text` segments sentences and
clauses, and :mod:`.support` holds the mention and cue records and claim
merging.
"""

from claimkit.extract.rules.backend import RULES_VERSION, RulesBackend

__all__ = ["RULES_VERSION", "RulesBackend"]
