"""Time loading the sample articles (not a test: prints its figures).

Run from the repo root:  .venv/bin/python bench/documents.py

Each case runs in a fresh interpreter so import and model-loading costs are
counted the way a command-line run sees them.
"""

from __future__ import annotations

import os
import subprocess
import sys

CASE = r"""
import time
t0 = time.perf_counter()
from claimkit.documents import load_documents
t1 = time.perf_counter()
docs = list(load_documents(["examples/articles"]))
t2 = time.perf_counter()
for _ in range(20):
    list(load_documents(["examples/articles"]))
t3 = time.perf_counter()
print(f"{len(docs)} documents; import {t1 - t0:.3f} s; first load {t2 - t1:.3f} s; "
      f"warm load {(t3 - t2) / 20:.3f} s")
"""

#: HTML pages: tests/data/documents/article.html and each sample article as a news page (a
#: head with its date in meta, JSON-LD or a <time> element, navigation, related links, a
#: footer), read by trafilatura; the time per page, warm, and the documents' fields
CASE_HTML = r"""
import hashlib, html, json, pathlib, tempfile, time
from claimkit.documents import load_documents
pages = [pathlib.Path("tests/data/documents/article.html").read_text("utf-8")]
dates = ['<meta property="article:published_time" content="2025-03-0{i}T10:00:00Z">',
         '<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": "2025-03-0{i}"}}</script>',
         '', '<meta name="date" content="2025-03-0{i}">']
body_dates = ['', '', '<time datetime="2025-03-0{i}">March {i}</time>', '']
for i, path in enumerate(sorted(pathlib.Path("examples/articles").glob("*.txt")), 1):
    title, _, text = path.read_text("utf-8").partition("\n")
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    related = "".join(f'<li><a href="/a{k}">Related story {k}</a></li>' for k in range(30))
    pages.append(f'<!DOCTYPE html><html lang="en"><head><title>{html.escape(title)}</title>'
                 f'{dates[i % 4].format(i=i)}</head><body><nav><ul>{related}</ul></nav><main><article>'
                 f'<h1>{html.escape(title)}</h1>{body_dates[i % 4].format(i=i)}{paragraphs}</article></main>'
                 f'<aside><ul>{related}</ul></aside><footer>(c) Example News</footer></body></html>')
with tempfile.TemporaryDirectory() as tmp:
    for i, page in enumerate(pages):
        pathlib.Path(tmp, f"{i:02d}.html").write_text(page, "utf-8")
    docs = list(load_documents([tmp]))
    t0 = time.process_time()
    for _ in range(20):
        list(load_documents([tmp]))
    t1 = time.process_time()
fields = json.dumps([[d.title, str(d.published), d.language, d.text] for d in docs], ensure_ascii=False)
print(f"{len(pages)} HTML pages; warm load {(t1 - t0) / 20 / len(pages) * 1000:.1f} ms CPU a page; "
      f"dates {[str(d.published) for d in docs]}; fields sha256 {hashlib.sha256(fields.encode()).hexdigest()[:12]}")
"""


def main() -> None:
    for label, case in (("fresh process", CASE), ("html pages", CASE_HTML)):
        out = subprocess.run(
            [sys.executable, "-c", case],
            env=os.environ,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        print(f"{label}: {out}")


if __name__ == "__main__":
    main()
