"""CPU per request of instructor's structured-output path, without HTTP.

A canned chat completion (the gold claims of one sample article as a tool
call) is answered by an in-process fake ``create``; the loop measures the
CPU (time.process_time) that each way of calling instructor adds around it:

* bare validation: ``model_validate_json`` of the tool call's arguments
  (what a hand-written loop does), plus building and serialising the request;
* ``instructor.patch(create=...)`` given the plain response model: instructor
  derives an ``OpenAISchema`` subclass on every call;
* the same, given the subclass made once (``instructor.openai_schema``);
* the tools request prepared once per model (``handle_response_model``) and
  ``instructor.core.retry_async`` per call (which walks the response model
  looking for async validators on every call);
* what claimkit does: the same preparation, and
  ``claimkit.extract.llm.replies.reask_loop`` per call (instructor's loop
  over its own handlers, the walk done once per model; ``retry_async``
  itself with an untested instructor release).

The grounding check is not set, so none of these include it.

    .venv/bin/python bench/llm_request_cpu.py            # 300 requests each
    .venv/bin/python bench/llm_request_cpu.py --profile  # cProfile of claimkit's way
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "llm"))

import instructor  # noqa: E402
from instructor.core import retry_async  # noqa: E402
from openai.types.chat import ChatCompletion  # noqa: E402
from scripted_server import gold_reply_claims, load_gold_claims  # noqa: E402

from claimkit.extract.llm.prompts import build_messages, response_model  # noqa: E402
from claimkit.extract.llm.replies import DIRECT, reask_loop, structured, tools_request  # noqa: E402
from claimkit.schemas import Document  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("-n", type=int, default=300, help="requests per variant")
    p.add_argument("--profile", action="store_true")
    args = p.parse_args()

    gold = load_gold_claims(ROOT / "examples" / "gold")
    doc_id = sorted(gold)[1]
    text = (ROOT / "examples" / "articles" / f"{doc_id}.txt").read_text(encoding="utf-8")
    doc = Document(id="d", text=text)
    arguments = json.dumps({"claims": gold_reply_claims(gold[doc_id])}, ensure_ascii=False)
    completion = ChatCompletion.model_validate({
        "id": "x", "object": "chat.completion", "created": 0, "model": "m",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {
            "role": "assistant", "content": None,
            "tool_calls": [{"id": "c", "type": "function",
                            "function": {"name": "ExtractedClaims", "arguments": arguments}}]}}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    })

    async def fake_create(**kwargs: Any) -> ChatCompletion:
        json.dumps(kwargs, ensure_ascii=False)  # claimkit's raw call serialises the body
        return completion

    plain = response_model(None)
    patched = instructor.patch(create=fake_create, mode=instructor.Mode.TOOLS)

    def bare() -> None:
        for _ in range(args.n):
            json.dumps({"messages": build_messages(doc, text), "model": "m"}, ensure_ascii=False)
            plain.model_validate_json(arguments, strict=False)

    async def via_patch(model: Any) -> None:
        for _ in range(args.n):
            await patched(response_model=model, messages=build_messages(doc, text),
                          max_retries=2, strict=False, model="m", temperature=0.0)

    async def instructor_loop() -> None:
        prepared, tail, _ = tools_request(plain, "m", 0.0, None)
        for _ in range(args.n):
            await retry_async(func=fake_create, response_model=prepared, args=(),
                              kwargs={"messages": build_messages(doc, text), **tail},
                              max_retries=2, strict=False, mode=instructor.Mode.TOOLS)

    async def claimkit_way() -> None:
        prepared, tail, _ = tools_request(plain, "m", 0.0, None)
        for _ in range(args.n):
            await reask_loop(fake_create, prepared, {"messages": build_messages(doc, text), **tail},
                             max_reasks=2, strict=False, mode=instructor.Mode.TOOLS)

    variants = [
        ("bare validation (no instructor)", bare),
        ("instructor.patch, plain model", lambda: asyncio.run(via_patch(plain))),
        ("instructor.patch, OpenAISchema made once",
         lambda: asyncio.run(via_patch(structured(plain)))),
        ("handle_response_model once + retry_async", lambda: asyncio.run(instructor_loop())),
        (f"... + reask_loop (claimkit{'' if DIRECT else ': retry_async'})",
         lambda: asyncio.run(claimkit_way())),
    ]
    for name, run in variants:
        run()  # warm-up: schema builds, lazy imports
        start = time.process_time()
        run()
        print(f"{name:44s} {(time.process_time() - start) / args.n * 1000:6.2f} ms CPU/request")
    if args.profile:
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        asyncio.run(claimkit_way())
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(15)


if __name__ == "__main__":
    main()
