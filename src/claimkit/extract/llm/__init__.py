"""LLM extraction: prompt and response model, chunking, cache, settings, and the backends.

The provider-neutral pieces (:mod:`.prompts`, :mod:`.chunking`, :mod:`.cache`,
:mod:`.settings`) never import openai or instructor; :mod:`.openai` is the
only module that does, and it is imported only when the ``openai`` backend is
chosen (see :mod:`claimkit.extract.registry`).
"""
