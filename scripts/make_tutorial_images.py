"""Write the images of docs/tutorial.md from the bundled fixtures.

    .venv/bin/python scripts/make_tutorial_images.py            # all images
    .venv/bin/python scripts/make_tutorial_images.py --no-screenshot

Writes docs/images/flows.png and docs/images/sources.png (matplotlib, Agg backend), and
docs/images/render.png: a screenshot of ``render_html`` for seed-003 taken with headless
Chromium (Debian's ``chromium`` package) when it is installed. Needs the ``notebook``
extra (pandas, matplotlib) and the English model.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "images"
SETS = ("seeds", "team")
SHOWN = "seed-003"  # the article whose rendered page is screenshotted


def records() -> list[dict]:
    """The fixture articles with their publication dates (kept in the gold files)."""
    out = []
    for name in SETS:
        for path in sorted((ROOT / "fixtures" / name).glob("*.txt")):
            gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            text = path.read_text(encoding="utf-8")
            out.append({"doc_id": path.stem, "text": text, "published": gold["published"]})
    return out


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def screenshot(html: str, out: Path, size: str = "1400,1800") -> bool:
    exe = chromium()
    if exe is None:
        print("chromium not found: skipping the screenshot", file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "render.html"
        page.write_text(html, encoding="utf-8")
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-background-networking", "--disable-component-update",
               "--no-first-run", "--hide-scrollbars", f"--screenshot={out}",
               f"--window-size={size}", page.as_uri()]  # fmt: skip
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    return out.exists()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-screenshot", action="store_true")
    args = ap.parse_args()

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from migration_extract import claims_frame, dedupe, extract_many, groups_frame
    from migration_extract.plots import plot_flows, plot_sources
    from migration_extract.render import render_html

    IMAGES.mkdir(parents=True, exist_ok=True)
    results = list(extract_many(records()))
    claims = claims_frame(results)
    groups = groups_frame(dedupe(results))

    ax = plot_flows(groups)
    ax.figure.savefig(IMAGES / "flows.png", dpi=110)
    plt.close(ax.figure)
    ax = plot_sources(claims, top=10)
    ax.figure.savefig(IMAGES / "sources.png", dpi=110)
    plt.close(ax.figure)
    print(f"wrote {IMAGES / 'flows.png'} and {IMAGES / 'sources.png'}")

    if not args.no_screenshot:
        doc = next(r for r in results if r.doc_id == SHOWN)
        if screenshot(render_html([doc]), IMAGES / "render.png"):
            print(f"wrote {IMAGES / 'render.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
