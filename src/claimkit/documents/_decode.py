"""Bytes to text: BOMs, a strict UTF-8 fast path, then charset detection."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

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


#: the control characters (Unicode category Cc: C0, DEL, C1) other than tab, newline,
#: vertical tab, form feed and carriage return
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    controls = len(_CONTROL.findall(sample))  # one C pass, not a Python loop per character
    return controls > max(2, _MAX_CONTROL_SHARE * len(sample))


#: bytes a charset declared in a ``<meta>`` tag must read as themselves: the tag was
#: found by reading the page as ASCII, so a declared encoding that reads ASCII otherwise
#: (UTF-16/32, EBCDIC, UTF-7, Python's ``unicode_escape`` or ``punycode``) is a lie
_ASCII_PROBE = bytes(range(0x20, 0x7F)).replace(b"\\", b"") + b"\t\n\r \\u0041 \\x41 +- a.xn--bcher-kva.de"
#: declared names a browser reads as Windows-1252 (the WHATWG encoding standard's labels):
#: pages that say ISO-8859-1 or ASCII write curly quotes and dashes in its 0x80-0x9F bytes
_AS_WINDOWS_1252 = frozenset(["latin-1", "iso8859-1", "ascii"])


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag of its first 4 kB, when it
    can be true: a text encoding that reads ASCII as ASCII (ISO-8859-1 and ASCII as
    Windows-1252, as browsers do); None for none or any other."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        codec = codecs.lookup(name)
        ascii_compatible = _ASCII_PROBE.decode(codec.name) == _ASCII_PROBE.decode("ascii")
    except (LookupError, UnicodeError):
        return None
    if not ascii_compatible or not getattr(codec, "_is_text_encoding", True):
        return None
    return "cp1252" if codec.name in _AS_WINDOWS_1252 else codec.name


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


#: below this confidence a detected legacy encoding is reported, not guessed
MIN_CONFIDENCE = 0.9
#: a UTF-8 file may hold at most this many bad bytes per valid multi-byte
#: character to be read as UTF-8 with replacement characters (valid multi-byte
#: sequences are rare in legacy single-byte text, so they are strong evidence)
_MAX_BAD_UTF8_SHARE = 0.5
#: how much more "mess" (charset-normalizer's chaos) the language's usual code
#: page may show than the detector's pick and still be preferred
_LANGUAGE_TOLERANCE = 0.02
_HIGH_BYTES = bytes(range(0x80, 0x100))
#: characters of a candidate decoding its mess ratio is measured on
_MESS_SAMPLE = 65_536

# The legacy single-byte code page each language was written in before UTF-8
# (the Windows code pages of the WHATWG "suggested default encoding" by
# locale). Languages not listed have no single-byte legacy (CJK: multi-byte,
# found by charset-normalizer) or use the Western page (cp1252).
_LEGACY_PAGE: dict[str, str] = {
    **dict.fromkeys(("cs", "sk", "pl", "hu", "sl", "hr", "bs", "ro", "sq"), "cp1250"),
    **dict.fromkeys(("ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "tg", "mn"), "cp1251"),
    "el": "cp1253",
    **dict.fromkeys(("tr", "az"), "cp1254"),
    **dict.fromkeys(("he", "yi"), "cp1255"),
    **dict.fromkeys(("ar", "fa", "ur"), "cp1256"),
    **dict.fromkeys(("lt", "lv", "et"), "cp1257"),
    "vi": "cp1258",
    "th": "cp874",
}
_WESTERN = "cp1252"


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how it was decoded.

    Attributes:
        text: the text (a BOM is not part of it).
        encoding: the codec name the bytes were decoded with.
        confidence: 1.0 for a byte-order mark or valid UTF-8; below 1.0 for
            UTF-8 with replaced bytes and for detected legacy encodings.
        notes: warnings worth keeping with the document (bytes replaced).
    """

    text: str
    encoding: str
    confidence: float = 1.0
    notes: tuple[str, ...] = ()


def decode_bytes(data: bytes, source: str, *, hint: str | None = None) -> tuple[str, str]:
    """Decode the bytes of a text file; ``(text, encoding)`` of :func:`decode`."""
    decoded = decode(data, source, hint=hint)
    return decoded.text, decoded.encoding


def decode(
    data: bytes, source: str, *, hint: str | None = None, min_confidence: float = MIN_CONFIDENCE
) -> Decoded:
    """Decode the bytes of a text file, preferring the truth to a guess.

    Order: a byte-order mark (UTF-8/16/32) wins; then strict UTF-8 (the common
    case, and cheap); then UTF-8 with replacement characters when only a few
    bytes are bad (noted, with their count); then ``hint`` (an HTML page's
    declared charset) if the bytes decode strictly with it; then
    charset-normalizer's detection, with the document's language deciding
    between single-byte code pages that fit equally well.

    Args:
        data: the raw bytes.
        source: file name used in error messages.
        hint: an encoding to try before detection (optional).
        min_confidence: a detected legacy encoding below this confidence
            is reported instead of used.

    Raises:
        DecodeError: the bytes are empty, binary (NUL bytes, a known binary
            signature, control characters), fit no text encoding, or fit one
            only below ``min_confidence``.
    """
    _refuse_empty_or_binary(data, source)
    bom = _bom(data)
    if bom is not None:
        text, name = _decode_with_bom(data, bom, source)
        return Decoded(text, name)
    if b"\x00" in data:
        raise DecodeError(
            source,
            "binary file (contains NUL bytes), not text; convert it to .txt first "
            "(UTF-16 text needs a byte-order mark)",
        )
    try:
        return Decoded(_checked(data.decode("utf-8"), source), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return Decoded(_checked(mostly.text, source), "utf-8", mostly.confidence, mostly.notes)
    if hint is not None and hint != "utf-8":
        try:  # a declaration that gives control characters is wrong: detection decides
            return Decoded(_checked(data.decode(hint), source), hint)
        except (UnicodeError, LookupError, DecodeError):
            pass
    return _detect(data, source, min_confidence)


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with replacement characters, when the bad bytes are a small minority.

    Counted at C speed: ASCII bytes decode one to one, so the non-ASCII
    characters and the bytes the valid ones use follow from a few lengths.
    """
    text = data.decode("utf-8", "replace")
    ascii_bytes = len(data.translate(None, _HIGH_BYTES))
    replaced_runs = text.count("\ufffd") - data.count("\ufffd".encode())
    valid_chars = len(text) - ascii_bytes - replaced_runs
    valid_bytes = len(text.encode("utf-8")) - ascii_bytes - 3 * replaced_runs
    bad_bytes = len(data) - ascii_bytes - valid_bytes
    if valid_chars <= 0 or bad_bytes > _MAX_BAD_UTF8_SHARE * valid_chars:
        return None
    note = (
        f"decoded as UTF-8 with {bad_bytes} invalid byte(s) replaced by U+FFFD "
        f"({replaced_runs} place(s))"
    )
    confidence = round(valid_chars / (valid_chars + bad_bytes), 3)
    return Decoded(text, "utf-8", confidence, (note,))


def _detect(data: bytes, source: str, min_confidence: float) -> Decoded:
    from charset_normalizer import from_bytes  # fast import, used only off the fast path

    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.encoding is None:
        raise DecodeError(
            source,
            "undecodable bytes: not UTF-8 and no known text encoding fits; "
            "re-save the file as UTF-8",
        )
    text, encoding, chaos = str(best), best.encoding, best.chaos
    if not _is_multi_byte(encoding):
        text, encoding, chaos = _by_language(data, text, encoding, chaos, best.could_be_from_charset)
    confidence = round(1.0 - chaos, 3)
    if confidence < min_confidence:
        raise DecodeError(
            source,
            f"unsure encoding: not UTF-8, best guess {encoding} at confidence {confidence:.2f} "
            f"(floor {min_confidence:.2f}); re-save the file as UTF-8",
        )
    return Decoded(_checked(text, source), encoding, confidence)


def _is_multi_byte(encoding: str) -> bool:
    from charset_normalizer.utils import is_multi_byte_encoding

    return bool(is_multi_byte_encoding(encoding))


def _by_language(
    data: bytes, text: str, encoding: str, chaos: float, same_text: list[str]
) -> tuple[str, str, float]:
    """The code page of the text's language, when it fits (nearly) as well as the pick.

    Single-byte code pages decode the letters of many languages alike, and
    charset-normalizer may name the first of several that fit (cp1250 for a
    German or French text). The language of the decoded text names the page
    it was most likely written in; that page wins when it decodes the bytes
    with at most a little more mess.
    """
    from charset_normalizer.md import mess_ratio

    from claimkit.documents._lang import detect_language

    language = detect_language(text)
    if language is None:
        return text, encoding, chaos
    page = _LEGACY_PAGE.get(language, _WESTERN)
    if codecs.lookup(page).name == codecs.lookup(encoding).name:
        return text, encoding, chaos
    if page in same_text:  # charset-normalizer: the same text comes from both
        return text, page, chaos
    try:
        candidate = data.decode(page)
    except UnicodeDecodeError:
        return text, encoding, chaos
    candidate_chaos = float(mess_ratio(candidate[:_MESS_SAMPLE], 1.0))  # pure Python: a sample
    if candidate_chaos <= chaos + _LANGUAGE_TOLERANCE and detect_language(candidate) == language:
        return candidate, page, candidate_chaos
    return text, encoding, chaos


def _checked(text: str, source: str) -> str:
    if not text.strip():
        raise DecodeError(source, "empty file (only whitespace); remove it or add the article text")
    if _looks_binary(text):
        raise DecodeError(
            source, "binary file (control characters), not text; convert it to .txt first"
        )
    return text
