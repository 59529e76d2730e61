"""Bytes to text: BOMs, a strict UTF-8 fast path, then charset detection."""

from __future__ import annotations

import codecs
import re
import unicodedata

from claimkit.errors import DecodeError

# Signatures of binary formats people drop into an article folder by mistake.
# Checked before decoding so the message can say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x7fELF", "an executable"),
)

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)

# Share of control characters (other than tab/newline/CR/FF) above which decoded
# "text" is really binary data that happened to decode.
_MAX_CONTROL_SHARE = 0.01


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    controls = sum(
        1 for ch in sample if ch not in "\t\n\r\f\v" and unicodedata.category(ch) == "Cc"
    )
    return controls > max(2, _MAX_CONTROL_SHARE * len(sample))


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag of its first 4 kB."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _refuse_empty_or_binary(data: bytes, source: str) -> None:
    if not data.strip():
        raise DecodeError(source, "empty file (no text to read); remove it or add the article text")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(source, f"binary file ({what}), not text; convert it to .txt first")


def _decode_with_bom(data: bytes, bom: tuple[str, int], source: str) -> tuple[str, str]:
    name, size = bom
    try:
        text = data[size:].decode(name.replace("-sig", ""))
    except UnicodeDecodeError as exc:
        raise DecodeError(
            source,
            f"starts with a {name} byte-order mark but is not valid {name} ({exc.reason})",
        ) from None
    return _checked(text, source), name


def decode_bytes(data: bytes, source: str, *, hint: str | None = None) -> tuple[str, str]:
    """Decode the bytes of a text file.

    Order: a byte-order mark (UTF-8/16/32) wins; then strict UTF-8 (the common
    case, and cheap); then ``hint`` (an HTML page's declared charset) if the
    bytes decode strictly with it; then charset-normalizer's best guess
    (GB18030/GBK, Big5, Shift-JIS, EUC-KR, Windows-1252, ...).

    Args:
        data: the raw bytes.
        source: file name used in error messages.
        hint: an encoding to try before detection (optional).

    Returns:
        ``(text, encoding)``; a UTF-8 BOM is not part of ``text`` and the
        encoding is reported as ``"utf-8-sig"``.

    Raises:
        DecodeError: the bytes are empty, binary (NUL bytes, a known binary
            signature, control characters) or fit no text encoding.
    """
    _refuse_empty_or_binary(data, source)
    bom = _bom(data)
    if bom is not None:
        return _decode_with_bom(data, bom, source)
    if b"\x00" in data:
        raise DecodeError(
            source,
            "binary file (contains NUL bytes), not text; convert it to .txt first "
            "(UTF-16 text needs a byte-order mark)",
        )
    try:
        return _checked(data.decode("utf-8"), source), "utf-8"
    except UnicodeDecodeError:
        pass
    if hint is not None and hint != "utf-8":
        try:
            return _checked(data.decode(hint), source), hint
        except (UnicodeDecodeError, LookupError):
            pass
    from charset_normalizer import from_bytes  # fast import, used only off the fast path

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError(
            source,
            "undecodable bytes: not UTF-8 and no known text encoding fits; "
            "re-save the file as UTF-8",
        )
    return _checked(str(best), source), best.encoding


def _checked(text: str, source: str) -> str:
    if not text.strip():
        raise DecodeError(source, "empty file (only whitespace); remove it or add the article text")
    if _looks_binary(text):
        raise DecodeError(
            source, "binary file (control characters), not text; convert it to .txt first"
        )
    return text
