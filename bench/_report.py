"""Shared helpers for the benchmarks: each script owns one section of docs/benchmarks.md,
delimited by HTML comments, and rewrites only that section."""

from __future__ import annotations

import json
import platform
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
OUT = ROOT / "bench" / "out"
PEER = ROOT.parent / "shared" / "peer"

HEADER = """# Benchmarks

Every section below is written by a script under `bench/` (named in the section) and
rewritten whole each time that script runs; do not edit the sections by hand. Peer data
comes from `../shared/peer/` (see its README); nothing of it is copied into this repo.
"""


def machine() -> str:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        commit = "?"
    return (
        f"{datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}, commit {commit}, "
        f"Python {platform.python_version()}, {platform.machine()}"
    )


def update_section(name: str, body: str) -> None:
    """Replace (or append) the section called ``name`` in docs/benchmarks.md."""
    DOC.parent.mkdir(parents=True, exist_ok=True)
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else HEADER
    begin, end = f"<!-- bench:{name}:begin -->", f"<!-- bench:{name}:end -->"
    block = f"{begin}\n{body.rstrip()}\n\n_Run: {machine()}_\n{end}"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _m: block, text)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")


def write_json(name: str, data: object) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    p = OUT / f"{name}.json"
    p.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    return p


def peer_dir(arg: str | None = None) -> Path:
    p = Path(arg) if arg else PEER
    if not p.exists():
        sys.exit(f"peer data not found at {p}: pass its path (see ../shared/peer/README.md)")
    return p


def table(headers: list[str], rows: list[list[object]]) -> str:
    def fmt(v: object) -> str:
        if isinstance(v, float):
            return f"{v:.3f}" if abs(v) < 10 else f"{v:,.1f}"
        return str(v)

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(fmt(v) for v in r) + " |" for r in rows]
    return "\n".join(lines)
