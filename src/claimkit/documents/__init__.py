"""Load articles: files, directories, stdin and JSONL, decoded, cleaned and split.

::

    from claimkit.documents import load_documents

    for doc in load_documents(["examples/articles"]):
        print(doc.id, doc.published, doc.language, doc.title)

* ``.txt`` files are decoded (UTF-8 with or without BOM, UTF-16/32 with BOM,
  else detected by charset-normalizer: GB18030/GBK, Big5, Shift-JIS, EUC-KR,
  Windows-1252, ...), page chrome at the top is cut and pages holding several
  articles (headline, then a source+date line) are split into one document
  each. A document's text is a contiguous slice of the decoded file starting
  at ``Document.source_offset``; characters are never rewritten.
* ``.html``/``.htm`` pages go through trafilatura (main text only; title and
  date from the page's metadata); ``source_offset`` is ``None``.
* ``.jsonl`` files hold one document per line (``text`` plus optional ``id``,
  ``title``, ``url``, ``published``, ``language``).

Bad inputs raise :class:`~claimkit.errors.InputError` /
:class:`~claimkit.errors.DecodeError` from :func:`load_path` and
:func:`load_bytes`; :func:`load_documents` reports them to ``on_error`` and
goes on. See ``docs/documents.md``.
"""

from __future__ import annotations

from claimkit.documents._decode import decode_bytes as _decode_bytes
from claimkit.documents._lang import detect_language
from claimkit.documents._load import EXTENSIONS, load_bytes, load_documents, load_path
from claimkit.documents._split import documents_from_text

__all__ = [
    "EXTENSIONS",
    "decode_bytes",
    "detect_language",
    "documents_from_text",
    "load_bytes",
    "load_documents",
    "load_path",
]


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Decode the bytes of a text file.

    A byte-order mark wins (UTF-8, UTF-16, UTF-32); then strict UTF-8; then
    charset-normalizer's best guess.

    Args:
        data: the raw bytes.
        source: file name used in error messages.

    Returns:
        ``(text, encoding name)``. A BOM is not part of the text.

    Raises:
        DecodeError: empty, binary (NUL bytes, a known binary format,
            control characters) or undecodable bytes.
    """
    return _decode_bytes(data, source)
