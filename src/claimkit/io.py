"""JSONL reading and writing of output records, and JSON Schema export.

An output file holds one JSON object per line: a :class:`DocumentClaims`
(``"record": "document"``) per document that finished, or a :class:`Failure`
(``"record": "failure"``) per document or file that did not.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO, TypeVar, cast

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from claimkit.errors import InputError, SchemaError
from claimkit.schemas import (
    SCHEMA_VERSION,
    ClaimBase,
    Document,
    DocumentClaims,
    Failure,
    Span,
    claim_types,
)

__all__ = [
    "MAX_RECORD_BYTES",
    "MAX_SETTINGS_BYTES",
    "Compactor",
    "JsonLine",
    "LineErrors",
    "Record",
    "cell_text",
    "compact_records",
    "dump_record",
    "export_schemas",
    "format_size",
    "iter_claims",
    "json_lines",
    "missing_reason",
    "one_line",
    "open_input",
    "parse_json",
    "parse_record",
    "read_records",
    "read_settings",
    "safe_name",
    "schema_documents",
    "scrub_surrogates",
    "special_file",
    "spreadsheet_cell",
    "write_csv",
    "write_records",
]

Record = DocumentClaims | Failure
_M = TypeVar("_M", bound=BaseModel)

log = logging.getLogger(__name__)

#: longest line of a claims file read (a record holds its document's text)
MAX_RECORD_BYTES = 64 * 2**20
#: largest settings file read whole (a gazetteer, a cue file, gold claims or events)
MAX_SETTINGS_BYTES = 256 * 2**20
_PIECE = 16 * 2**20
#: line errors reported one by one per file; the rest are counted in one line
MAX_LINE_ERRORS = 20

_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)
#: bidirectional embeddings, overrides and isolates: on a terminal they reorder what
#: follows them ("Trojan Source"), so a name or a field could show a line other than the
#: one printed; the marks (U+200E, U+200F, U+061C) reorder nothing and are kept
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_UNSAFE_NAME = re.compile(f"[\x00-\x1f\x7f\ud800-\udfff{_BIDI_CONTROLS}]")
#: what :func:`one_line` escapes (tab is kept)
_UNSAFE_LINE = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029{_BIDI_CONTROLS}]")
_UNSAFE_CELL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{_BIDI_CONTROLS}]")
_CONTROL_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_SURROGATE = re.compile("[\ud800-\udfff]")
# a \\uD800-\\uDFFF escape in JSON text: the parsed value may hold a lone surrogate
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_BINARY_MAGIC = (b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")


def _escape_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return _CONTROL_ESCAPES.get(match.group(), f"\\x{code:02x}")
    return f"\\u{code:04x}"


def safe_name(name: str) -> str:
    """A file name as printable, valid Unicode on one line.

    Bytes that are not UTF-8 (``os.fsdecode`` keeps them as lone surrogates)
    become ``\\xNN``, other lone surrogates ``\\uNNNN``, control characters
    (a newline) ``\\n``/``\\xNN``, bidirectional overrides and isolates ``\\u202e``;
    any other name is returned unchanged.
    """
    return _UNSAFE_NAME.sub(_escape_char, name)


def one_line(text: str) -> str:
    """``text`` with the characters that would break a message line or drive the terminal
    (control characters but tab, U+2028, U+2029, bidirectional overrides and isolates: a
    newline, an escape sequence or U+202E in a document id, a JSON field) escaped as
    :func:`safe_name` escapes them, so one message is one line."""
    return _UNSAFE_LINE.sub(_escape_char, text)


def cell_text(text: str) -> str:
    """``text`` for a cell of a table printed to a terminal: as :func:`one_line`, but a
    newline and a tab are kept (a cell may hold several lines; an escape sequence it
    may not)."""
    return _UNSAFE_CELL.sub(_escape_char, text)


#: a cell a spreadsheet takes as a formula (or, after a tab or carriage return, may)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: a cell that is a plain number ("-3", "+1.5", "-2e3"): read as the number, no formula
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def spreadsheet_cell(value: Any) -> Any:
    """``value`` for a CSV cell a spreadsheet will open: a string starting with ``=``,
    ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'`` (OWASP's advice
    against CSV formula injection: the cell is then shown as text, never run); a string
    that is a plain number (``-3``) and any non-string value are kept as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def write_csv(fh: IO[str], fieldnames: Iterable[str], rows: Iterable[dict[str, Any]]) -> int:
    """Write ``rows`` as CSV with a header, every cell through :func:`spreadsheet_cell`
    (CSV is the format meant for spreadsheets; JSONL and Parquet stay lossless); the
    number of rows written."""
    import csv

    writer = csv.DictWriter(fh, fieldnames=list(fieldnames))
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: spreadsheet_cell(v) for k, v in row.items()})
        n += 1
    return n


def scrub_surrogates(text: str) -> tuple[str, int]:
    """``text`` with lone surrogates (not encodable as UTF-8) replaced by U+FFFD, and their count."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.subn("\ufffd", text)
    return text, 0


def parse_json(text: str | bytes) -> Any:
    """The JSON value of ``text``, or ValueError whose message says why not in a user's words.

    Besides invalid JSON (``invalid JSON (Expecting value at column 1)``), two things
    valid JSON may hold that Python's parser refuses with its own exception are named:
    nesting past the recursion limit (``JSON nested too deeply``: a RecursionError) and
    an integer of more than ``sys.get_int_max_str_digits()`` digits (a ValueError that
    advised a Python call); every reader of JSON a user wrote calls this, so neither
    reaches the user as a traceback.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}" if exc.lineno > 1 else f"column {exc.colno}"
        raise ValueError(f"invalid JSON ({exc.msg} at {where})") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    except ValueError:  # the integer digit limit (CVE-2020-10735)
        raise ValueError(f"a number of more than {sys.get_int_max_str_digits()} digits") from None


def _special(mode: int) -> str | None:
    return next((what for test, what in _SPECIAL if test(mode)), None)


def open_input(name: str, *, shown: str | None = None, then: str = "skipped without reading it") -> BinaryIO:
    """Open a regular file for reading in binary, never blocking on a special file.

    FIFOs, sockets and devices are refused from their ``stat`` (and checked
    again on the opened descriptor, which is opened non-blocking), so a named
    pipe nobody writes to cannot hang the run.

    Args:
        name: the path.
        shown: the name used in messages (default: :func:`safe_name` of ``name``).
        then: what the message says becomes of a special file (an input is
            skipped, the run goes on; a settings file stops the command).

    Raises:
        InputError: missing, a directory, a special file, or unreadable.
    """
    shown = safe_name(name) if shown is None else shown
    what = special_file(name)
    if what is not None:  # opening a socket fails, a FIFO may block: never try
        raise InputError(shown, f"not a regular file ({what}); {then}")
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(shown, missing_reason(name, "check the path")) from None
    except OSError as exc:
        raise InputError(shown, f"cannot read file ({exc.strerror or exc})") from None
    mode = os.fstat(fd).st_mode
    what = "a directory" if stat.S_ISDIR(mode) else _special(mode)
    if what is not None:
        os.close(fd)
        raise InputError(shown, f"not a regular file ({what}); {then}")
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def standard_input() -> BinaryIO:
    """The process's standard input as bytes.

    Raises:
        InputError: there is none (closed: ``claimkit validate - <&-``, or a service
            started without one); before, an AttributeError traceback.
    """
    stdin = sys.stdin
    if stdin is None or getattr(stdin, "buffer", None) is None:
        raise InputError("-", "standard input is closed; pipe the input in (... | claimkit CMD -) "
                              "or name a file")
    return cast(BinaryIO, stdin.buffer)


def missing_reason(name: str, then: str) -> str:
    """Why a path that does not exist is not read, ending in ``then``: a name with a
    wildcard (``*.txt`` quoted, or on a shell that does not expand it) says claimkit
    does not expand wildcards, instead of only that no such file exists."""
    if any(c in os.path.basename(name) for c in "*?["):
        return ("no such file or directory (claimkit does not expand wildcards such as '*': "
                "let the shell expand them, unquoted, or pass the folder)")
    return f"no such file or directory; {then}"


def read_settings(path: str | os.PathLike[str], *, what: str, limit: int | None = None) -> str:
    """The UTF-8 text of a file read whole (a gazetteer, a cue file, gold), in bounded memory;
    a byte-order mark at its start is dropped.

    Opened with :func:`open_input`, so a FIFO, a socket or a device (a link to
    ``/dev/zero`` or ``/dev/urandom``) is refused without a read that would
    wait or never end; a file over ``limit`` bytes (default :data:`MAX_SETTINGS_BYTES`)
    is refused from its first
    ``limit + 1`` bytes (a file that grows while it is read included).

    Raises:
        InputError: missing, special, unreadable, over the limit or not UTF-8;
            the message names ``what`` the file was meant to be.
    """
    limit = MAX_SETTINGS_BYTES if limit is None else limit
    name = os.fspath(path)
    shown = safe_name(name)
    pieces: list[bytes] = []
    size = 0
    with open_input(name, shown=shown, then=f"refused as {what}, not read") as fh:
        try:  # in pieces: a read of ``limit`` bytes would set that much memory aside
            while size <= limit and (piece := fh.read(min(_PIECE, limit + 1 - size))):
                pieces.append(piece)
                size += len(piece)
        except OSError as exc:
            raise InputError(shown, f"cannot read {what} ({exc.strerror or exc})") from None
    data = b"".join(pieces)
    if len(data) > limit:
        raise InputError(shown, f"{what} larger than {format_size(limit)}; not read")
    try:  # a UTF-8 byte-order mark (Notepad writes one) is no part of the text
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        at = exc.start + len(data) - len(exc.object)  # an offset in the file, its BOM counted
        raise InputError(shown, f"{what} is not UTF-8 text (byte 0x{data[at]:02x} "
                                f"at offset {at})") from None


def special_file(name: str) -> str | None:
    """What a path is when it is a FIFO, socket or device (from ``stat``, no open); else None."""
    try:
        return _special(os.stat(name).st_mode)
    except OSError:
        return None


@dataclass(frozen=True)
class JsonLine:
    """One parsed line of a JSON Lines file.

    Attributes:
        lineno: 1-based line number.
        value: the parsed JSON value (lone surrogates replaced by U+FFFD).
        replaced: how many lone surrogates were replaced.
    """

    lineno: int
    value: Any
    replaced: int = 0


class LineErrors:
    """Reports bad lines: one line each up to a cap, then a count; or raises (strict)."""

    def __init__(
        self, source: str, on_error: Callable[[InputError], None] | None, strict: bool
    ) -> None:
        self.source, self.on_error, self.strict = source, on_error, strict
        self.count = 0

    def __call__(self, lineno: int, reason: str) -> None:
        self.count += 1
        if self.strict:
            raise InputError(self.source, f"line {lineno}: {reason}")
        if self.count <= MAX_LINE_ERRORS:
            self._emit(InputError(self.source, f"line {lineno}: {reason}; line skipped"))

    def _emit(self, err: InputError) -> None:
        if self.on_error is not None:
            self.on_error(err)
        else:
            log.warning("%s", err)

    def finish(self) -> None:
        if self.count > MAX_LINE_ERRORS:
            more = self.count - MAX_LINE_ERRORS
            self._emit(InputError(self.source, f"{more} more bad line(s) skipped (not shown)"))


def format_size(size: int) -> str:
    """A byte count for messages: ``512 bytes``, ``10 kB``, ``10.0 MB``."""
    if size >= 2**20:
        return f"{size / 2**20:.1f} MB"
    return f"{size / 1024:.0f} kB" if size >= 1024 else f"{size} bytes"


#: a first line that only opens a JSON value: the file is one JSON document written over many
#: lines (``json.dump(indent=2)``, ``jq .``, ``JSON.stringify(v, null, 2)``), no JSON Lines line
#: is ever this, and every line of it would be reported as invalid JSON, 20 lines for one mistake
_PRETTY_OPENINGS = frozenset([b"{", b"[", b"[{", b"[ {"])


def check_head(raw: bytes, source: str) -> bytes:
    """The first line without a UTF-8 BOM; a binary or UTF-16/32 file, or one JSON document
    pretty-printed over many lines (its first line a lone ``{`` or ``[``), is refused."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4096]:
        raise InputError(
            source, "binary or UTF-16/32 file (NUL bytes), not JSON Lines; JSON Lines files are UTF-8 text"
        )
    if raw.startswith(_BINARY_MAGIC):
        raise InputError(source, "binary file (a known binary format), not JSON Lines")
    opening = raw.split(b"\n", 1)[0].strip()
    if opening in _PRETTY_OPENINGS:
        what, jq = ("an array", "'.[]'") if opening.startswith(b"[") else ("a value", ".")
        raise InputError(source, f"JSON written over several lines ({what} pretty-printed), not "
                                 f"JSON Lines; write one object a line (jq -c {jq} FILE) and read that")
    return raw


def _parse(raw: bytes) -> tuple[Any, int]:
    """A line's JSON value and how many lone surrogates were replaced; ValueError says why not."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"not UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1}); "
            "JSON Lines files are UTF-8"
        ) from None
    value = parse_json(line)
    if not _SURROGATE_ESCAPE.search(raw):
        return value, 0
    try:
        return _scrub_value(value)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


def _scrub_value(value: Any) -> tuple[Any, int]:
    if isinstance(value, str):
        return scrub_surrogates(value)
    if isinstance(value, list):
        items = [_scrub_value(v) for v in value]
        return [v for v, _ in items], sum(n for _, n in items)
    if isinstance(value, dict):
        pairs = [(_scrub_value(k), _scrub_value(v)) for k, v in value.items()]
        return {k: v for (k, _), (v, _) in pairs}, sum(a + b for (_, a), (_, b) in pairs)
    return value, 0


def _skip_rest(fh: BinaryIO) -> bytes | None:
    """Read past the rest of an over-long line in bounded pieces; what follows a carriage
    return alone met on the way (the file ends its lines in CR), else None."""
    while True:
        piece = fh.readline(2**20)
        at = piece.find(b"\r")
        if at != -1 and piece[at + 1:at + 2] != b"\n":
            return piece[at + 1:]
        if not piece or piece.endswith(b"\n"):
            return None


def _readline(fh: BinaryIO, size: int, source: str, lineno: int) -> bytes:
    """The next line; an error of the system while reading (EIO, a share gone) as an InputError."""
    try:
        return fh.readline(size)
    except OSError as exc:
        where = f" after line {lineno}" if lineno else ""
        raise InputError(source, f"cannot read file ({exc.strerror or exc}){where}") from None


def _read_piece(fh: BinaryIO, source: str) -> bytes:
    """The next megabyte of ``fh``; an error of the system while reading as an InputError."""
    try:
        return fh.read(2**20)
    except OSError as exc:
        raise InputError(source, f"cannot read file ({exc.strerror or exc})") from None


#: a line end where lines may end in a carriage return alone (classic Mac OS, some exports)
_ANY_LINE_END = re.compile(rb"\r\n|\r|\n")


def _lone_cr(raw: bytes) -> bool:
    """Whether a line as ``readline`` gives it holds a carriage return that ends no CR LF.

    JSON allows no raw control character inside a string, so such a CR is a line end
    (or whitespace between tokens, which no JSON writer puts there)."""
    at = raw.find(b"\r")
    return at != -1 and not (at == len(raw) - 2 and raw.endswith(b"\n"))


def _lines(fh: BinaryIO, size: int, source: str) -> Iterator[tuple[bytes, bool]]:
    """(line, whole) for each line of ``fh``; a line over ``size`` bytes comes as its first
    bytes and ``whole`` False, the rest read past in bounded pieces, never held. The first
    piece read goes through :func:`check_head` (a BOM dropped; binary, UTF-16/32 and
    pretty-printed JSON refused).

    Lines end at LF (CR LF included). From the first line holding a carriage return
    alone, the file's lines are taken to end at CR as well: before, a file written
    with CR line ends was one line, every record lost (skipped as invalid JSON, or as
    one line over the limit).
    """
    lineno = 0
    while raw := _readline(fh, size + 1, source, lineno):
        if not lineno:  # the file's head judged first: an endless binary stream stops here
            raw = check_head(raw, source)
        if b"\r" in raw and _lone_cr(raw):
            yield from _cr_lines(raw, fh, size, source)
            return
        lineno += 1
        if len(raw) > size and not raw.endswith(b"\n"):
            yield raw, False  # before the rest is read past: the reader may stop here
            rest = _skip_rest(fh)
            if rest is not None:
                yield from _cr_lines(rest, fh, size, source)
                return
            continue
        yield raw, True


def _cr_lines(start: bytes, fh: BinaryIO, size: int, source: str) -> Iterator[tuple[bytes, bool]]:
    """:func:`_lines` for ``start`` and the rest of ``fh``, split at CR LF, CR and LF, read
    a megabyte at a time; only the line being read is held (at most ``size`` bytes of it)."""
    buf, prefix, eof = bytearray(start), b"", False  # prefix: the start of an over-long line
    while True:
        cut = len(buf) - 1 if buf.endswith(b"\r") and not eof else len(buf)  # CR LF may straddle
        last = max(buf.rfind(b"\r", 0, cut), buf.rfind(b"\n", 0, cut))  # the last line end
        if last >= 0:
            for line in _ANY_LINE_END.split(bytes(buf[: last + 1]))[:-1]:
                if prefix or len(line) > size:
                    yield prefix or line[: size + 1], False
                    prefix = b""
                else:
                    yield line + b"\n", True
            del buf[: last + 1]
        if len(buf) > size:  # no line end within the limit: keep its start, drop the rest
            prefix, buf = prefix or bytes(buf[: size + 1]), bytearray()
        if eof:
            break
        piece = _read_piece(fh, source)
        eof = not piece
        buf += piece
        while piece and not (b"\r" in piece or b"\n" in piece) and len(buf) <= size:
            piece = _read_piece(fh, source)  # no line end: read on without splitting again
            eof = not piece
            buf += piece
    if prefix or buf:
        yield (prefix, False) if prefix else (bytes(buf) + b"\n", True)


#: a file whose first this many non-blank lines are all text (none opens a JSON object or array)
#: is text, not JSON Lines: an article given to ``validate``, notes, a log; each of its lines was
#: reported as invalid JSON (21 lines for one mistake). A claims file with a log line or two
#: before its records (``> claims.jsonl 2>&1``) is still read
TEXT_HEAD_LINES = 3


def _raw_lines(
    fh: BinaryIO, source: str, max_line_bytes: int, errors: LineErrors
) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) of each non-blank line; an over-long line is reported and skipped.

    Raises:
        InputError: the file's first :data:`TEXT_HEAD_LINES` non-blank lines are all text.
    """
    lineno = 0
    head: list[tuple[int, bytes]] | None = []  # the text lines at the top, held until judged
    for raw, whole in _lines(fh, max_line_bytes, source):
        lineno += 1
        if not whole:
            errors(lineno, f"line longer than {format_size(max_line_bytes)}")
            continue
        if not raw.strip():
            continue
        if head is None:
            yield lineno, raw
            continue
        head.append((lineno, raw))
        if raw.lstrip().startswith((b"{", b"[")) or len(head) == TEXT_HEAD_LINES:
            _refuse_text(head, source)
            yield from head
            head = None
    yield from head or ()


def _refuse_text(head: list[tuple[int, bytes]], source: str) -> None:
    """Refuse a file whose first lines (``head``) are :data:`TEXT_HEAD_LINES` lines of text."""
    if len(head) == TEXT_HEAD_LINES and not any(raw.lstrip().startswith((b"{", b"[")) for _, raw in head):
        raise InputError(source, f"text, not JSON Lines (none of its first {TEXT_HEAD_LINES} lines is a "
                                 "JSON object); JSON Lines files hold one JSON object a line (an article "
                                 "is read by `claimkit extract` as .txt)")


def json_lines(
    fh: BinaryIO,
    source: str,
    *,
    max_line_bytes: int = MAX_RECORD_BYTES,
    on_error: Callable[[InputError], None] | None = None,
    strict: bool = False,
) -> Iterator[JsonLine]:
    """The one JSON Lines reader: stream a binary file, one parsed line at a time.

    Memory stays bounded by ``max_line_bytes`` whatever the file's size.
    A bad line (over-long, not UTF-8, invalid JSON, nested too deeply) is
    reported as ``source: line N: reason; line skipped`` (the first
    :data:`MAX_LINE_ERRORS` one by one, the rest counted) and reading goes on;
    with ``strict`` the first bad line raises. Blank lines are skipped. Lone
    surrogate escapes (``"\\ud800"``) become U+FFFD (counted in ``replaced``).

    Raises:
        InputError: the file is binary or UTF-16/32 (judged by its first
            line), or ``strict`` and a line is bad.
    """
    errors = LineErrors(source, on_error, strict)
    for lineno, raw in _raw_lines(fh, source, max_line_bytes, errors):
        try:
            value, replaced = _parse(raw)
        except ValueError as exc:
            errors(lineno, str(exc))
            continue
        yield JsonLine(lineno, value, replaced)
    errors.finish()


def dump_record(record: Record) -> str:
    """One JSONL line (without the newline) for a record.

    A string that is not valid Unicode (a lone surrogate a caller put in a
    record) is written as a JSON escape instead of crashing the writer.
    """
    try:
        return record.model_dump_json()
    except ValueError:  # pydantic_core.PydanticSerializationError: a lone surrogate
        return json.dumps(record.model_dump(mode="json"), ensure_ascii=True)


def parse_record(line: str, *, source: str = "<string>", lineno: int = 0) -> Record:
    """Parse one JSONL line into a record.

    Raises:
        InputError: the line is not JSON or not a claimkit record.
    """
    try:
        value, _ = _parse(line.encode("utf-8", "surrogatepass"))
    except ValueError as exc:
        raise InputError(source, f"line {lineno}: {exc}") from None
    try:
        return _record(value)
    except (ValueError, SchemaError) as exc:
        raise InputError(source, f"line {lineno}: {exc}") from None


def _record(data: Any) -> Record:
    """A parsed JSON value as a record; ValueError says why it is not one."""
    if not isinstance(data, dict):
        raise ValueError("a record must be a JSON object")
    _check_claims(data.get("claims"))
    try:
        if data.get("record") == "failure":
            return Failure.model_validate(data)
        return DocumentClaims.model_validate(data)
    except PydanticValidationError as exc:
        err = exc.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise ValueError(f"not a claimkit record ({loc}: {err['msg']})") from None
    except SchemaError:
        raise
    except Exception as exc:
        raise ValueError(str(exc)) from None


def _check_claims(claims: Any) -> None:
    """ValueError (a bad line) for a claim that is no object or names no type: only a type
    no plugin registered is a :class:`SchemaError` (its plugin not loaded), which stops a read."""
    if not isinstance(claims, list):
        return  # validation says what is wrong with it
    for i, claim in enumerate(claims):
        if not isinstance(claim, dict):
            raise ValueError(f"not a claimkit record (claims.{i}: a claim must be an object, "
                             f"not {type(claim).__name__})")
        type_ = claim.get("type")
        if not isinstance(type_, str) or not type_.strip():
            raise ValueError(f"not a claimkit record (claims.{i}.type: a claim needs a type name, "
                             f"not {type_!r:.40})")


def _fast_record(raw: bytes) -> DocumentClaims | None:
    """A document record parsed and validated in one step by pydantic's own JSON parser.

    About a third faster than ``json.loads`` and validation of the Python
    value, for the common line; None for anything else (a failure record, a
    lone surrogate escape, invalid JSON or a bad record), which the full path
    then reads or reports exactly as before.
    """
    try:
        return DocumentClaims.model_validate_json(raw)
    except (PydanticValidationError, SchemaError, ValueError, TypeError):
        return None


def read_records(
    path: str | os.PathLike[str],
    *,
    strict: bool = True,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[Record]:
    """Yield the records of a JSONL output file, in file order, streaming.

    Args:
        path: the file (``-`` reads standard input).
        strict: raise on the first bad line; when False, report it to
            ``on_error`` (default: a warning on this module's logger) and
            skip it (a truncated last line after a killed run is the usual case).
        on_error: receives each bad line as ``InputError("file", "line N: reason")``.

    Raises:
        InputError: the file is missing, a special file, binary or not UTF-8
            text, a record has a claim type no plugin registered (its
            ``__cause__`` is the :class:`~claimkit.errors.SchemaError`; read
            stops whatever ``strict``), or (strict) a line is not a record.
    """
    name = os.fspath(path)
    shown = safe_name(name)
    stdin = standard_input() if name == "-" else None
    fh = stdin or open_input(name, shown=shown)
    errors = LineErrors(shown, on_error, strict)
    try:
        for lineno, raw in _raw_lines(fh, shown, MAX_RECORD_BYTES, errors):
            record: Record | None = _fast_record(raw)
            if record is None:
                record = _slow_record(raw, lineno, shown, errors)
            if record is not None:
                yield record
        errors.finish()
    finally:
        if fh is not stdin:
            fh.close()


def _slow_record(raw: bytes, lineno: int, source: str, errors: LineErrors) -> Record | None:
    """A line read through ``json.loads`` (lone surrogates repaired) and validated; None: reported."""
    try:
        value, replaced = _parse(raw)
        record = _record(value)
    except ValueError as exc:
        errors(lineno, str(exc))
        return None
    except SchemaError as exc:  # an unknown claim type: a plugin not loaded, not a bad line
        raise InputError(source, f"line {lineno}: {exc}") from exc
    if replaced:  # repaired, not refused: noted once for the line
        log.warning("%s: line %d: %d lone surrogate(s) replaced by U+FFFD", source, lineno, replaced)
    return record


#: short strings (actor names, types, document ids) are shared between records
_SHARED_STR_LEN = 32
#: entries of a Compactor's pool before it starts over (bounds its own memory)
_POOL_LIMIT = 200_000


class Compactor:
    """Records rebuilt to take a quarter of the memory, equal to the originals.

    A record parsed from JSON holds one Python object per value: a pydantic
    model instance with its own ``__dict__`` and its own set of fields set,
    and a new string for every name. Validation holds every claim of a corpus
    at once (about 5 kB each as parsed), so :func:`validate` and ``view`` on a
    large claims file run out of memory on the claims, not on the texts. The
    compact form is equal field by field (``==``, the same JSON) but shares
    what repeats: equal frozen values (actors, dates, quantities) are one
    object, models of one class with the same fields set share one set, and
    short strings are shared (about 1.3 kB per claim).

    By default models are shallow copies (pydantic's ``__copy__``) of
    instances already validated, so nothing is validated twice and the
    records given are left as they are. With ``in_place=True`` the records
    given are compacted themselves (each value replaced by an equal one: only
    object identities change), which saves the copies' time: for a reader's
    fresh records that nothing else holds. The pool of shared values is
    dropped and started over past :data:`_POOL_LIMIT` entries (sharing is
    lost, never correctness).
    """

    def __init__(self, *, in_place: bool = False) -> None:
        self.in_place = in_place
        self._pool: dict[Any, Any] = {}
        self._sets: dict[tuple[type[BaseModel], frozenset[str]], set[str]] = {}
        #: per class: whether equal instances are shared (spans are unique;
        #: mutable or unhashable models are never shared)
        self._shared: dict[type[BaseModel], bool] = {Span: False}

    def _shareable(self, cls: type[BaseModel]) -> bool:
        shared = self._shared.get(cls)
        if shared is None:
            shared = self._shared[cls] = bool(cls.model_config.get("frozen"))
        return shared

    def record(self, rec: DocumentClaims) -> DocumentClaims:
        """``rec`` with its document and claims compacted (equal to ``rec``)."""
        if len(self._pool) > _POOL_LIMIT:
            self._pool.clear()
        return self.model(rec)

    def _pooled(self, m: BaseModel) -> tuple[Any, Any]:
        """(pool key, the equal model already pooled or None); key None: not shareable."""
        try:
            key = (m, tuple(map(type, m.__dict__.values())))  # 1 and 1.0 stay apart
            return key, self._pool.get(key)
        except TypeError:  # a list field: not hashable, never shared
            self._shared[type(m)] = False
            return None, None

    def model(self, m: _M) -> _M:
        """A compact equal model: an equal frozen one already made, else ``m`` compacted."""
        cls = type(m)
        key: Any = None
        if self._shareable(cls):
            key, hit = self._pooled(m)
            if hit is not None:
                return cast(_M, hit)
        out = m if self.in_place else copy.copy(m)  # pydantic's own __copy__: no validation
        values = out.__dict__
        pool = self._pool
        for name, v in values.items():  # replacing values of existing keys: safe while iterating
            kind = type(v)
            if kind is str:  # not a StrEnum member: "exact" of two enums are equal strings
                if len(v) <= _SHARED_STR_LEN and name != "id":
                    values[name] = pool.setdefault(v, v)
            elif kind is list:
                if v:
                    values[name] = self._list(v)
            elif isinstance(v, BaseModel):
                values[name] = self.model(v)
        fields = m.model_fields_set
        shared = self._sets.setdefault((cls, frozenset(fields)), set(fields))
        object.__setattr__(out, "__pydantic_fields_set__", shared)
        if key is not None:
            pool[key] = out
        return out

    def _list(self, items: list[Any]) -> list[Any]:
        out = items if self.in_place else list(items)
        for i, x in enumerate(out):
            if isinstance(x, BaseModel):
                out[i] = self.model(x)
            elif type(x) is str and len(x) <= _SHARED_STR_LEN:
                out[i] = self._pool.setdefault(x, x)
        return out

    def value(self, v: Any) -> Any:
        """A field value, compacted: models, lists of them, short strings."""
        kind = type(v)
        if kind is str:
            return self._pool.setdefault(v, v) if len(v) <= _SHARED_STR_LEN else v
        if kind is list:
            return self._list(v) if v else v
        return self.model(v) if isinstance(v, BaseModel) else v


def compact_records(records: Iterable[Record], *, in_place: bool = False) -> Iterator[Record]:
    """The records with every :class:`DocumentClaims` compacted (:class:`Compactor`); failures as they are.

    For validation of a large claims file: only one full record is alive at a
    time, the rest are held compact. ``in_place``: compact the records given
    themselves instead of copies (for fresh records nothing else holds).
    """
    compactor = Compactor(in_place=in_place)
    for rec in records:
        yield compactor.record(rec) if isinstance(rec, DocumentClaims) else rec


def iter_claims(records: Iterable[Record]) -> Iterator[ClaimBase]:
    """All claims of the document records, in order."""
    for record in records:
        if isinstance(record, DocumentClaims):
            yield from record.claims


def write_records(records: Iterable[Record], fh: IO[str]) -> int:
    """Write records as JSONL, flushing after each so a crash loses nothing written."""
    n = 0
    for record in records:
        fh.write(dump_record(record) + "\n")
        fh.flush()
        n += 1
    return n


def schema_documents() -> dict[str, dict[str, Any]]:
    """JSON Schema documents by file name, for every registered model."""
    out: dict[str, dict[str, Any]] = {}
    models: dict[str, type[BaseModel]] = {
        "document": Document,
        "document_claims": DocumentClaims,
        "failure": Failure,
    }
    for type_name, claim_model in claim_types().items():
        models[f"claim.{type_name}"] = claim_model
    for name, model in models.items():
        out[f"{name}.schema.json"] = _with_id(model.model_json_schema(), name)
    claim_schema = DocumentClaims.model_json_schema()
    union = claim_schema["$defs"]
    out["claim.schema.json"] = _with_id(
        {
            "title": "Claim",
            "description": "Any registered claim type, discriminated by `type`.",
            **claim_schema["properties"]["claims"]["items"],
            "$defs": union,
        },
        "claim",
    )
    return out


def _with_id(schema: dict[str, Any], name: str) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://claimkit.dev/schemas/v{SCHEMA_VERSION}/{name}.schema.json",
        **schema,
    }


def export_schemas(directory: str | os.PathLike[str]) -> list[Path]:
    """Write one JSON Schema file per model into ``directory``; return the paths."""
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, schema in sorted(schema_documents().items()):
        path = target / filename
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
