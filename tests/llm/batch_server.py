"""A scripted OpenAI-compatible *Batch API* on loopback (stdlib only), for the batch tests.

THE REPLIES ARE SCRIPTED: each batch item is answered by a
:class:`~scripted_server.ScriptedServer` (the gold responder, or a test's
script for the article), posted to it exactly as the real-time path would
post it; so for the same script, batch mode and real-time mode see the same
replies. This tests claimkit's batch plumbing, never a model.

Endpoints (the subset of OpenAI's that the openai client's ``files`` and
``batches`` use):

* ``POST /v1/files`` (multipart upload), ``GET /v1/files/ID``,
  ``GET /v1/files/ID/content``;
* ``POST /v1/batches``, ``GET /v1/batches/ID``, ``GET /v1/batches``;
* ``POST /v1/chat/completions``: passed on to the scripted chat server
  (real-time re-asks).

Each retrieve of a batch moves it one status on: ``validating`` ->
``in_progress`` -> the final status (``completed`` by default; ``failed``
or ``expired`` when the test says). Items run when the batch reaches
``completed`` or ``expired`` (an expired batch answers only the first
``expire_after`` items); output lines come out of order (shuffled); items
whose article holds a marker of ``fail_markers`` go to the error file.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
import random
import re
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any

from scripted_server import LoopbackServer, ScriptedServer, _Server

__all__ = ["ScriptedBatchServer"]

_ARTICLE = re.compile(r"<<<ARTICLE\n(.*)\nARTICLE>>>", re.DOTALL)


@dataclass
class _Batch:
    id: str
    input_file_id: str
    endpoint: str
    window: str
    metadata: dict[str, Any]
    statuses: list[str]
    status: str = "validating"
    output_file_id: str | None = None
    error_file_id: str | None = None
    counts: dict[str, int] = field(default_factory=lambda: {"total": 0, "completed": 0,
                                                            "failed": 0})

    def as_json(self) -> dict[str, Any]:
        errors = None
        if self.status == "failed":
            errors = {"object": "list", "data": [
                {"code": "invalid_request", "message": "scripted validation failure",
                 "param": None, "line": 1}]}
        return {
            "id": self.id, "object": "batch", "endpoint": self.endpoint, "errors": errors,
            "input_file_id": self.input_file_id, "completion_window": self.window,
            "status": self.status, "output_file_id": self.output_file_id,
            "error_file_id": self.error_file_id, "created_at": 0,
            "request_counts": self.counts, "metadata": self.metadata,
        }


class ScriptedBatchServer(LoopbackServer):
    """The batch endpoint in a daemon thread on 127.0.0.1.

    Args:
        chat: the scripted chat server that answers the items and the re-asks.
        final: the status a batch ends in: ``completed``, ``failed`` or ``expired``.
        expire_after: with ``expired``: items answered before the window closed.
        fail_markers: items whose article contains one of these go to the error file.
        seed: the shuffle of output lines.
        steps: the statuses a batch goes through after ``validating``, before ``final``.
    """

    def __init__(self, chat: ScriptedServer, *, final: str = "completed",
                 expire_after: int = 0, fail_markers: tuple[str, ...] = (),
                 seed: int = 7, steps: tuple[str, ...] = ("in_progress",)) -> None:
        self.chat = chat
        self.steps = steps
        self.final = final
        self.expire_after = expire_after
        self.fail_markers = fail_markers
        self.random = random.Random(seed)
        self.files: dict[str, tuple[str, bytes]] = {}
        self.batches: dict[str, _Batch] = {}
        #: (method, path, headers) of every request, for the key-leak checks
        self.seen: list[tuple[str, str, dict[str, str]]] = []
        self._lock = threading.RLock()
        self._httpd = _Server(("127.0.0.1", 0), self._handler())
        self._thread: threading.Thread | None = None

    # -- the batch's work

    def _new_file(self, purpose: str, data: bytes) -> str:
        with self._lock:
            file_id = f"file-{len(self.files) + 1}"
            self.files[file_id] = (purpose, data)
        return file_id

    def _post_chat(self, body: bytes, key: str) -> tuple[int, Any]:
        request = urllib.request.Request(
            self.chat.base_url + "/chat/completions", data=body, method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {key}"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"{}")

    def _run(self, batch: _Batch, key: str) -> None:
        lines = [json.loads(x) for x in self.files[batch.input_file_id][1].splitlines() if x]
        if batch.status == "expired":
            lines = lines[: self.expire_after]
        out, err = [], []
        for n, line in enumerate(lines):
            # the body as the real-time path serialises it (json.dumps, ensure_ascii off)
            body = json.dumps(line["body"], ensure_ascii=False).encode("utf-8")
            user = next(m["content"] for m in line["body"]["messages"] if m["role"] == "user")
            article = (_ARTICLE.search(user) or re.match("(.*)", user, re.S)).group(1)
            if any(marker in article for marker in self.fail_markers):
                err.append({"id": f"batch_req_{n}", "custom_id": line["custom_id"],
                            "response": {"status_code": 500, "request_id": f"req_{n}",
                                         "body": {"error": {"message": "scripted item failure",
                                                            "type": "server_error"}}},
                            "error": None})
                continue
            status, reply = self._post_chat(body, key)
            target = out if status == 200 else err
            target.append({"id": f"batch_req_{n}", "custom_id": line["custom_id"],
                           "response": {"status_code": status, "request_id": f"req_{n}",
                                        "body": reply}, "error": None})
        self.random.shuffle(out)  # items come back in any order
        dump = lambda rows: "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)  # noqa: E731
        batch.output_file_id = self._new_file("batch_output", dump(out).encode()) if out else None
        batch.error_file_id = self._new_file("batch_output", dump(err).encode()) if err else None
        batch.counts = {"total": len(lines), "completed": len(out), "failed": len(err)}

    def _advance(self, batch: _Batch, key: str) -> None:
        with self._lock:
            if batch.statuses:
                batch.status = batch.statuses.pop(0)
                if batch.status in ("completed", "expired"):
                    self._run(batch, key)

    # -- HTTP

    def _handler(self) -> type[BaseHTTPRequestHandler]:  # noqa: C901 - one route per branch
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _key(self) -> str:
                return (self.headers.get("Authorization") or "").removeprefix("Bearer ")

            def _body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("Content-Length", "0")))

            def do_GET(self) -> None:
                server.seen.append(("GET", self.path, dict(self.headers)))
                path = self.path.split("?")[0]
                if m := re.fullmatch(r"/v1/batches/([\w-]+)", path):
                    batch = server.batches.get(m.group(1))
                    if batch is None:
                        return self._send(404, {"error": {"message": "no such batch"}})
                    server._advance(batch, self._key())
                    return self._send(200, batch.as_json())
                if path == "/v1/batches":
                    data = [b.as_json() for b in server.batches.values()]
                    return self._send(200, {"object": "list", "data": data,
                                            "has_more": False})
                if m := re.fullmatch(r"/v1/files/([\w-]+)/content", path):
                    found = server.files.get(m.group(1))
                    if found is None:
                        return self._send(404, {"error": {"message": "no such file"}})
                    return self._send_bytes(200, found[1], "application/octet-stream")
                if m := re.fullmatch(r"/v1/files/([\w-]+)", path):
                    purpose, data = server.files[m.group(1)]
                    return self._send(200, {"id": m.group(1), "object": "file",
                                            "bytes": len(data), "created_at": 0,
                                            "filename": "x.jsonl", "purpose": purpose,
                                            "status": "processed"})
                return self._send(404, {"error": {"message": f"no route {path}"}})

            def do_POST(self) -> None:
                server.seen.append(("POST", self.path, dict(self.headers)))
                path = self.path.split("?")[0]
                raw = self._body()
                if path == "/v1/chat/completions":
                    status, reply = server._post_chat(raw, self._key())
                    return self._send(status, reply)
                if path == "/v1/files":
                    fields = _multipart(self.headers.get("Content-Type", ""), raw)
                    file_id = server._new_file(fields["purpose"].decode(), fields["file"])
                    return self._send(200, {"id": file_id, "object": "file",
                                            "bytes": len(fields["file"]), "created_at": 0,
                                            "filename": "requests.jsonl",
                                            "purpose": fields["purpose"].decode(),
                                            "status": "processed"})
                if path == "/v1/batches":
                    req = json.loads(raw)
                    with server._lock:
                        batch_id = f"batch_{len(server.batches) + 1}"
                        batch = _Batch(batch_id, req["input_file_id"], req["endpoint"],
                                       req["completion_window"], req.get("metadata") or {},
                                       statuses=[*server.steps, server.final])
                        server.batches[batch_id] = batch
                    return self._send(200, batch.as_json())
                return self._send(404, {"error": {"message": f"no route {path}"}})

            def _send(self, status: int, payload: Any) -> None:
                self._send_bytes(status, json.dumps(payload, ensure_ascii=False).encode(),
                                 "application/json")

            def _send_bytes(self, status: int, data: bytes, content_type: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler


def _multipart(content_type: str, raw: bytes) -> dict[str, bytes]:
    """The fields of a multipart/form-data body, by name."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw)
    fields: dict[str, bytes] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        fields[str(name)] = part.get_payload(decode=True) or b""
    return fields
