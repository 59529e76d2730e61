"""Files, directories and stdin to documents."""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from claimkit.documents._decode import decode, html_charset
from claimkit.documents._html import documents_from_html
from claimkit.documents._jsonl import documents_from_jsonl
from claimkit.documents._split import default_stem, documents_from_text
from claimkit.errors import DecodeError, InputError
from claimkit.io import format_size, missing_reason, open_input, safe_name, standard_input
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
#: an input named by a URL (``https://...``, ``file:///...``): not read, reported
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]{1,15}://")
#: default document size limit in bytes: a larger text or HTML file, or JSONL line, is refused
MAX_BYTES = 10 * 2**20
#: bytes read at once from a text or HTML file or standard input
_PIECE = 16 * 2**20


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
    if lines and (lines[0] == b"{" or re.match(rb"\[\s*\{", head)):  # JSON objects, not one a line:
        return "jsonl"  # the JSON Lines reader says so in one line (never extracted as an article)
    return "txt"


def _kind_of(source: str) -> str | None:
    return EXTENSIONS.get(os.path.splitext(source)[1].lower())


def _too_big(source: str, size: int | None, max_bytes: int) -> InputError:
    # a stream (standard input) has no size to give: it went on past the limit
    what = (f"is {format_size(size)}, over" if size is not None else "goes on past")
    return InputError(
        source,
        f"{what} the document size limit of {format_size(max_bytes)}; split it into "
        "smaller files or raise the limit (--max-size MB, max_bytes=)",
    )


def _finish(
    docs: list[Document], source: str, confidence: float | None, notes: Sequence[str]
) -> list[Document]:
    """Record how the input was decoded (and anything to note) on its documents."""
    for note in notes:
        logger.warning("%s: %s", source, note)
    update: dict[str, object] = {"encoding_confidence": confidence}
    return [
        doc.model_copy(update={**update, "notes": [*doc.notes, *notes]} if notes else update)
        for doc in docs
    ]


def load_bytes(
    data: bytes,
    source: str,
    *,
    kind: str | None = None,
    on_error: Callable[[InputError], None] | None = None,
    max_bytes: int = MAX_BYTES,
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
        max_bytes: the document size limit: a text or HTML input, or one
            JSONL line, larger than this is refused.

    Returns:
        The documents in the input, in order.

    Raises:
        DecodeError: empty, binary or undecodable bytes.
        InputError: an unknown ``kind``, an input over ``max_bytes``, an HTML
            page without article text, a JSONL file without a line of text.
    """
    if kind is None:
        kind = _kind_of(source) or _sniff(data)
    if kind not in KINDS:
        raise InputError(source, f"unknown input kind {kind!r}; use one of {', '.join(KINDS)}")
    stem = default_stem(source)
    if kind == "jsonl":
        return list(
            documents_from_jsonl(
                BytesIO(data), source, stem=stem, on_error=on_error or _warn, max_bytes=max_bytes
            )
        )
    if len(data) > max_bytes:
        raise _too_big(source, len(data), max_bytes)
    if kind == "html":
        decoded = decode(data, source, hint=html_charset(data))
        docs = documents_from_html(decoded.text, source, stem=stem, encoding=decoded.encoding)
        return _finish(docs, source, decoded.confidence, decoded.notes)
    decoded = decode(data, source)
    docs = documents_from_text(decoded.text, source, stem=stem, encoding=decoded.encoding)
    if not docs:
        if decoded.text.strip():  # characters, but none a reader sees (zero-width, bidi controls)
            raise DecodeError(source, "no visible text (only zero-width, format or bidi control "
                                      "characters); remove it or add the article text")
        raise DecodeError(source, "empty file (no text to read); remove it or add the article text")
    return _finish(docs, source, decoded.confidence, decoded.notes)


def _read_capped(fh: BinaryIO, source: str, max_bytes: int) -> bytes:
    """All bytes of an open file, refusing (before reading) one over ``max_bytes``."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        size = os.fstat(fh.fileno()).st_size
        if size > max_bytes:
            raise _too_big(source, size, max_bytes)
    pieces: list[bytes] = []  # read in pieces: read(n) sets aside n bytes at once (n of 1 TB)
    total = 0
    while total <= max_bytes and (piece := fh.read(min(_PIECE, max_bytes + 1 - total))):
        pieces.append(piece)
        total += len(piece)
    if total > max_bytes:
        raise _too_big(source, None, max_bytes)
    return b"".join(pieces)


def _iter_path(
    source: str, on_error: Callable[[InputError], None] | None, max_bytes: int
) -> Iterator[Document]:
    """The documents of one file, lazily (a JSONL file is streamed line by line)."""
    shown = safe_name(source)
    if _URL.match(source) and not os.path.lexists(source):
        raise InputError(shown, "is a URL, not a file: claimkit reads local files only (no "
                         "network); save the page or article and pass the saved file")
    kind = _kind_of(shown)
    if kind is None:
        if not os.path.exists(source):
            raise InputError(shown, missing_reason(source, "check the path"))
        if os.path.isdir(source):
            raise InputError(shown, "is a directory; pass it to load_documents to read its files")
        ext = os.path.splitext(shown)[1] or "(none)"
        raise InputError(
            shown,
            f"unsupported file type {ext}; use .txt, .html, .htm or .jsonl "
            "(convert other formats to text first)",
        )
    if os.path.isdir(source):
        raise InputError(shown, "is a directory; pass it to load_documents to read its files")
    renamed: list[str] = []
    if shown != source:
        renamed.append("file name is not valid text (bytes that are not UTF-8, or control "
                       "characters); recorded with escapes")
        logger.warning("%s: %s", shown, renamed[0])
    with open_input(source, shown=shown) as fh, _read_errors(shown):
        if kind == "jsonl":
            stem = default_stem(shown)
            for doc in documents_from_jsonl(
                fh, shown, stem=stem, on_error=on_error or _warn, max_bytes=max_bytes
            ):
                yield _renamed(doc, renamed)
            return
        data = _read_capped(fh, shown, max_bytes)
    for doc in load_bytes(data, shown, kind=kind, on_error=on_error, max_bytes=max_bytes):
        yield _renamed(doc, renamed)


@contextlib.contextmanager
def _read_errors(shown: str) -> Iterator[None]:
    """An error of the system while reading an open file (EIO, a file gone on a network
    share, a directory the system lets open) as one :class:`InputError` naming it."""
    try:
        yield
    except OSError as exc:
        raise InputError(shown, f"cannot read file ({exc.strerror or exc})") from None


def _renamed(doc: Document, notes: list[str]) -> Document:
    if not notes:
        return doc
    return doc.model_copy(update={"notes": [*notes, *doc.notes]})


def load_path(
    path: str | os.PathLike[str],
    *,
    on_error: Callable[[InputError], None] | None = None,
    max_bytes: int = MAX_BYTES,
) -> list[Document]:
    """Load one file (``.txt``, ``.html``/``.htm``, ``.jsonl``).

    Args:
        path: the file; its extension says how it is read.
        on_error: receives errors of single JSONL lines; default: log a warning.
        max_bytes: the document size limit (a text or HTML file, or one
            JSONL line); default :data:`MAX_BYTES`.

    Returns:
        The file's documents.

    Raises:
        InputError: missing or unreadable file, a FIFO, socket or device
            (never opened for a blocking read), unsupported extension, a file
            over ``max_bytes``.
        DecodeError: empty, binary or undecodable file.
    """
    return list(_iter_path(os.fspath(path), on_error, max_bytes))


def _walk(root: Path, report: Callable[[InputError], None]) -> list[Path]:
    """Supported files under ``root``, recursively, in a stable sorted order.

    Hidden files and folders (starting with '.') are skipped; other files
    with unsupported extensions are skipped with a debug log line. Symbolic
    links to folders are not followed (a link back up cannot loop), and the
    walk keeps its own stack (a folder nested thousands deep is no recursion).
    A folder that cannot be listed (no permission) is reported and skipped;
    a folder with no file to read is reported once.
    """
    found: list[Path] = []
    others = 0
    stack = [os.fspath(root)]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            report(InputError(safe_name(folder), f"cannot read folder ({exc.strerror or exc}); "
                              "the files in it are skipped"))
            continue
        folders: list[str] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if _is_directory(entry):
                if not entry.is_symlink():
                    folders.append(entry.path)
            elif _kind_of(entry.name) is None:
                others += 1
                logger.debug("skipping %s: unsupported file type", safe_name(entry.path))
            else:
                found.append(Path(entry.path))
        stack.extend(reversed(folders))
    if not found:
        report(InputError(safe_name(os.fspath(root)), "no .txt, .html, .htm or .jsonl file in "
                          f"this folder ({others} other file(s) skipped); nothing to read"))
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _is_directory(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a link into a folder that cannot be searched
        return False


def load_documents(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    on_error: Callable[[InputError], None] | None = None,
    stdin: BinaryIO | None = None,
    max_bytes: int = MAX_BYTES,
    skip: Iterable[str | os.PathLike[str]] = (),
) -> Iterator[Document]:
    """Load documents from files, directories and stdin, lazily.

    Args:
        paths: files, directories (read recursively in sorted order) and
            ``-`` for standard input (read as bytes; kind sniffed); one path
            alone is one path, not the characters of a string.
        on_error: called with each :class:`~claimkit.errors.InputError`
            (a bad file, or a bad JSONL line) before going on; default: log a
            warning.
        stdin: stream read for ``-``; default ``sys.stdin.buffer``.
        max_bytes: the document size limit (a text or HTML file, stdin, or
            one JSONL line); default :data:`MAX_BYTES` (10 MB).
        skip: files not to read: the run's own output (``claimkit extract
            articles/ -o articles/claims.jsonl`` does not read its claims as
            articles); one named in ``paths`` is reported, one in a folder passed over.

    Yields:
        Documents, file by file, in the order given (a JSONL file streamed
        line by line). A document id seen before in this run is logged as a
        warning (two files with one stem).
    """
    report = on_error or _warn
    seen: set[str] = set()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # "articles/" is one folder, not eleven one-character paths ("/" among them)
    for name in _names(paths, report, _real_paths(skip)):
        try:
            for doc in _iter_one(name, report, stdin, max_bytes):
                if doc.id in seen:
                    logger.warning("%s: document id %r is used twice in this run", doc.source, doc.id)
                seen.add(doc.id)
                yield doc
        except InputError as err:
            report(err)


def _names(
    paths: Iterable[str | os.PathLike[str]], report: Callable[[InputError], None], skip: frozenset[str]
) -> Iterator[str]:
    for item in paths:
        source = os.fspath(item)
        if source != "-" and os.path.isdir(source):
            yield from (str(p) for p in _walk(Path(source), report) if not skip or os.path.realpath(p) not in skip)
        elif source != "-" and skip and os.path.realpath(source) in skip:
            report(InputError(safe_name(source), "is this run's output file; not read as input"))
        else:
            yield source


def _real_paths(paths: Iterable[str | os.PathLike[str]]) -> frozenset[str]:
    """The real paths of ``paths`` (``-`` and empty names left out)."""
    names = [os.fspath(p) for p in paths]
    return frozenset(os.path.realpath(p) for p in names if p and p != "-")


def _iter_one(
    name: str, report: Callable[[InputError], None], stdin: BinaryIO | None, max_bytes: int
) -> Iterator[Document]:
    if name != "-":
        return _iter_path(name, report, max_bytes)
    stream = stdin if stdin is not None else standard_input()
    data = _read_capped(stream, "-", max_bytes)
    return iter(load_bytes(data, "-", on_error=report, max_bytes=max_bytes))
