"""Benchmark: the interactive HTML report against the old static page, same run.

For synthetic corpora of real-sized articles (about 3,000 characters and 12
claims each; see tests/_report_corpus.py) of 300, 1,500 and 2,000 documents it
prints, for the new page (``claimkit.report.render``) and the old static one
(bench/_static_report.py, the page ``view`` wrote before):

- file size and build time (validation included in both);
- with Chromium (``/usr/bin/chromium`` and Playwright, extra ``browser``): the
  time from navigation until the page is usable (the script has run / the load
  event), and for the new page the time to apply a language filter and a
  claim-type filter (until the next frame);
- ``claimkit view`` on a large claims file in a subprocess: wall time and peak
  memory (``VmHWM`` of the child process), against the old way (all records in a list, the page
  built as one string), also in a subprocess.

Usage::

    .venv/bin/python bench/report.py
    .venv/bin/python bench/report.py --sizes 300 --stream-docs 2000
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from _static_report import render_html as static_html  # noqa: E402

from claimkit.consistency import validate  # noqa: E402
from claimkit.report import render  # noqa: E402
from tests._report_corpus import synthetic_records  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def build(n: int, folder: Path) -> dict[str, float]:
    records = list(synthetic_records(n))
    new, old = folder / f"new-{n}.html", folder / f"old-{n}.html"
    t0 = time.perf_counter()
    render(records, new)
    t1 = time.perf_counter()
    old.write_text(static_html(records, validate(records)), encoding="utf-8")
    t2 = time.perf_counter()
    return {"new_mb": new.stat().st_size / 1e6, "old_mb": old.stat().st_size / 1e6,
            "new_build": t1 - t0, "old_build": t2 - t1}


_FILTER_JS = """async ([sel, value]) => {
  const frame = () => new Promise(r => requestAnimationFrame(() => r()));
  const el = document.querySelector(sel);
  const t = performance.now();
  if (el.type === 'checkbox') el.checked = value === 'on'; else el.value = value;
  el.dispatchEvent(new Event('change', {bubbles: true}));
  await frame();
  return performance.now() - t;
}"""


def browser_times(folder: Path, sizes: list[int], rounds: int = 3) -> dict[int, dict[str, float]]:
    from playwright.sync_api import sync_playwright

    out: dict[int, dict[str, float]] = {}
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for n in sizes:
            row: dict[str, list[float]] = {"new_load": [], "old_load": [], "script": [],
                                           "filter_lang": [], "filter_type": []}
            for _ in range(rounds):
                for kind in ("new", "old"):
                    page = b.new_page(viewport={"width": 1500, "height": 950})
                    t = time.perf_counter()
                    page.goto((folder / f"{kind}-{n}.html").as_uri(), wait_until="load", timeout=120_000)
                    if kind == "new":
                        page.wait_for_selector("html[data-ready]")
                    row[f"{kind}_load"].append(time.perf_counter() - t)
                    if kind == "new":
                        row["script"].append(float(page.get_attribute("html", "data-ready") or 0) / 1e3)
                        row["filter_lang"].append(page.evaluate(_FILTER_JS, ["#f-lang", "ja"]) / 1e3)
                        row["filter_type"].append(page.evaluate(_FILTER_JS, ["#f-types input", "off"]) / 1e3)
                    page.close()
            out[n] = {k: sorted(v)[len(v) // 2] for k, v in row.items()}  # median
        b.close()
    return out


_STREAM = """
import sys, time
from pathlib import Path
sys.path[:0] = [{root!r}, {bench!r}]
t = time.perf_counter()
if sys.argv[1].startswith("new"):
    from claimkit.consistency import read_claim_files
    from claimkit.report import render
    render(read_claim_files([sys.argv[2]]), sys.argv[3], validate=sys.argv[1] == "new")
else:
    from _static_report import render_html
    from claimkit.consistency import read_claim_files, validate
    records = list(read_claim_files([sys.argv[2]]))
    Path(sys.argv[3]).write_text(render_html(records, validate(records)), encoding="utf-8")
# VmHWM, not ru_maxrss: on Linux ru_maxrss survives exec and would report the parent's peak
hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(time.perf_counter() - t, int(hwm.split()[1]) / 1024)
"""


def streaming(folder: Path, n_docs: int) -> dict[str, float]:
    claims = folder / "claims.jsonl"
    with claims.open("w", encoding="utf-8") as fh:
        for r in synthetic_records(n_docs, seed=1):
            fh.write(r.model_dump_json(exclude_none=True) + "\n")
    code = _STREAM.format(root=str(ROOT), bench=str(ROOT / "bench"))
    out = {"file_mb": claims.stat().st_size / 1e6}
    for kind in ("new", "new-nofind", "old"):
        res = subprocess.run([sys.executable, "-c", code, kind, str(claims), str(folder / f"stream-{kind}.html")],
                             check=True, capture_output=True, text=True)
        secs, mb = res.stdout.split()
        out[f"{kind}_s"], out[f"{kind}_mb"] = float(secs), float(mb)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[300, 1500, 2000])
    ap.add_argument("--stream-docs", type=int, default=5000,
                    help="documents in the claims file for the streaming run (0: skip)")
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (times grow with it)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'docs':>6} {'new MB':>7} {'old MB':>7} {'new build s':>11} {'old build s':>11}")
        for n in args.sizes:
            b = build(n, folder)
            print(f"{n:>6} {b['new_mb']:>7.2f} {b['old_mb']:>7.2f} {b['new_build']:>11.2f} {b['old_build']:>11.2f}"
                  f"   size new/old {b['new_mb'] / b['old_mb']:.2f}, build new/old {b['new_build'] / b['old_build']:.2f}")
        if Path(CHROMIUM).exists():
            try:
                times = browser_times(folder, args.sizes)
            except ImportError:
                print("no Playwright (pip install -e '.[browser]'): load times skipped")
                times = {}
            if times:
                print("\nheadless Chromium, median of 3 (targets: open < 2 s, filter < 0.2 s)")
                print(f"{'docs':>6} {'new open s':>10} {'(script s)':>10} {'old open s':>10} {'old/new':>8} "
                      f"{'filter lang s':>13} {'filter type s':>13}")
            for n, t in times.items():
                print(f"{n:>6} {t['new_load']:>10.2f} {t['script']:>10.2f} {t['old_load']:>10.2f} {t['old_load'] / t['new_load']:>8.1f} "
                      f"{t['filter_lang']:>13.3f} {t['filter_type']:>13.3f}")
        else:
            print(f"\nno {CHROMIUM}: load times skipped (apt-get install chromium)")
        if args.stream_docs:
            s = streaming(folder, args.stream_docs)
            print(f"\nview on a {s['file_mb']:.0f} MB claims file ({args.stream_docs} documents), one process each:")
            print(f"  new (streamed): {s['new_s']:.1f} s, peak {s['new_mb']:.0f} MB;"
                  f" new --no-findings: {s['new-nofind_s']:.1f} s, peak {s['new-nofind_mb']:.0f} MB;"
                  f" old (in memory): {s['old_s']:.1f} s, peak {s['old_mb']:.0f} MB;"
                  f" memory new/old {s['new_mb'] / s['old_mb']:.2f}")


if __name__ == "__main__":
    main()
