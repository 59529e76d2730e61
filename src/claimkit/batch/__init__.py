"""Batch mode: the real-time requests at batch prices (OpenAI / Azure OpenAI Batch APIs,
vLLM ``run-batch``).

* :func:`~claimkit.batch.jobs.prepare` writes the requests the real-time path
  would send, one line per chunk (:mod:`claimkit.batch.requests`), and a
  state file (:mod:`claimkit.batch.state`);
* :mod:`claimkit.batch.remote` submits them and follows the batches
  (imports openai; the command line imports it only for submit/status);
* :func:`~claimkit.batch.jobs.collect` turns the replies into records
  through the real-time reply handling (:mod:`claimkit.batch.collect`).

See docs/batch.md.
"""

from __future__ import annotations

__all__: list[str] = []
