"""Files, directories and stdin to documents."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from claimkit.documents._decode import decode_bytes, html_charset
from claimkit.documents._html import documents_from_html
from claimkit.documents._jsonl import documents_from_jsonl
from claimkit.documents._split import default_stem, documents_from_text
from claimkit.errors import DecodeError, InputError
from claimkit.schemas import Document

logger = logging.getLogger(__name__)

#: file extensions loaded, and the kind each is read as
EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
KINDS = ("txt", "html", "jsonl")


def _warn(err: InputError) -> None:
    logger.warning("%s", err)


def _sniff(data: bytes) -> str:
    """Kind of untyped input (stdin, unknown extension) from its first bytes."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or (
        head.startswith(b"<") and b"<body" in data[:65536].lower()
    ):
        return "html"
    lines = [line.strip() for line in data[:65536].split(b"\n") if line.strip()]
    if lines and all(line.startswith(b"{") for line in lines[:5]):
        return "jsonl"
    return "txt"


def _kind_of(source: str) -> str | None:
    return EXTENSIONS.get(os.path.splitext(source)[1].lower())


def load_bytes(
    data: bytes,
    source: str,
    *,
    kind: str | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> list[Document]:
    """Decode and parse the bytes of one input.

    Args:
        data: raw bytes of a file or of stdin.
        source: the path as given, or ``-``; used for ids, messages and
            ``Document.source``.
        kind: ``'txt'``, ``'html'`` or ``'jsonl'``; by default from the
            extension of ``source``, else sniffed from the bytes.
        on_error: receives errors of single JSONL lines (the other lines
            still load); default: log a warning.

    Returns:
        The documents in the input, in order.

    Raises:
        DecodeError: empty, binary or undecodable bytes.
        InputError: an unknown ``kind``, an HTML page without article text,
            a JSONL file without one usable line.
    """
    if kind is None:
        kind = _kind_of(source) or _sniff(data)
    if kind not in KINDS:
        raise InputError(source, f"unknown input kind {kind!r}; use one of {', '.join(KINDS)}")
    stem = default_stem(source)
    if kind == "html":
        text, encoding = decode_bytes(data, source, hint=html_charset(data))
        return documents_from_html(text, source, stem=stem, encoding=encoding)
    text, encoding = decode_bytes(data, source)
    if kind == "jsonl":
        return documents_from_jsonl(
            text, source, stem=stem, encoding=encoding, on_error=on_error or _warn
        )
    docs = documents_from_text(text, source, stem=stem, encoding=encoding)
    if not docs:
        raise DecodeError(source, "empty file (no text to read); remove it or add the article text")
    return docs


def _read(path: Path, source: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(source, "no such file or directory; check the path") from None
    except IsADirectoryError:
        raise InputError(
            source, "is a directory; pass it to load_documents to read its files"
        ) from None
    except OSError as exc:
        raise InputError(source, f"cannot read file ({exc.strerror or exc})") from None


def load_path(
    path: str | os.PathLike[str],
    *,
    on_error: Callable[[InputError], None] | None = None,
) -> list[Document]:
    """Load one file (``.txt``, ``.html``/``.htm``, ``.jsonl``).

    Args:
        path: the file; its extension says how it is read.
        on_error: receives errors of single JSONL lines; default: log a warning.

    Returns:
        The file's documents.

    Raises:
        InputError: missing or unreadable file, unsupported extension.
        DecodeError: empty, binary or undecodable file.
    """
    source = os.fspath(path)
    kind = _kind_of(source)
    if kind is None:
        if not os.path.exists(source):
            raise InputError(source, "no such file or directory; check the path")
        if os.path.isdir(source):
            raise InputError(source, "is a directory; pass it to load_documents to read its files")
        ext = os.path.splitext(source)[1] or "(none)"
        raise InputError(
            source,
            f"unsupported file type {ext}; use .txt, .html, .htm or .jsonl "
            "(convert other formats to text first)",
        )
    return load_bytes(_read(Path(source), source), source, kind=kind, on_error=on_error)


def _walk(root: Path) -> list[Path]:
    """Supported files under ``root``, recursively, in a stable sorted order.

    Hidden files and folders (starting with '.') are skipped; other files
    with unsupported extensions are skipped with a debug log line.
    """
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if _kind_of(name) is None:
                logger.debug("skipping %s: unsupported file type", os.path.join(folder, name))
                continue
            found.append(Path(folder) / name)
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def load_documents(
    paths: Iterable[str | os.PathLike[str]],
    *,
    on_error: Callable[[InputError], None] | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Document]:
    """Load documents from files, directories and stdin, lazily.

    Args:
        paths: files, directories (read recursively in sorted order) and
            ``-`` for standard input (read as bytes; kind sniffed).
        on_error: called with each :class:`~claimkit.errors.InputError`
            (a bad file, or a bad JSONL line) before going on; default: log a
            warning.
        stdin: stream read for ``-``; default ``sys.stdin.buffer``.

    Yields:
        Documents, file by file, in the order given. A document id seen
        before in this run is logged as a warning (two files with one stem).
    """
    report = on_error or _warn
    seen: set[str] = set()
    for item in paths:
        source = os.fspath(item)
        if source == "-":
            names = ["-"]
        elif os.path.isdir(source):
            names = [str(p) for p in _walk(Path(source))]
        else:
            names = [source]
        for name in names:
            try:
                if name == "-":
                    stream = stdin if stdin is not None else sys.stdin.buffer
                    docs = load_bytes(stream.read(), "-", on_error=report)
                else:
                    docs = load_path(name, on_error=report)
            except InputError as err:
                report(err)
                continue
            for doc in docs:
                if doc.id in seen:
                    logger.warning("%s: document id %r is used twice in this run", name, doc.id)
                seen.add(doc.id)
                yield doc
