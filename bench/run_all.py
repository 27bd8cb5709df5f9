"""Run every benchmark in turn; each rewrites its own section of docs/benchmarks.md.

    python bench/run_all.py [--peer PATH] [--only numbers dates ...]

The scale runs (dedupe at 1M claims, throughput) take minutes; pass --only to pick."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = {
    "numbers": "numbers_bench.py",
    "dates": "dates_bench.py",
    "geo": "geo_bench.py",
    "claims": "claims_bench.py",
    "agreement": "agreement.py",
    "place_model": "place_model.py",
    "dedupe": "dedupe_bench.py",
    "throughput": "throughput.py",
    "fuzz": "fuzz.py",
}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--peer", default=None)
    ap.add_argument("--only", nargs="*", choices=sorted(SCRIPTS))
    args = ap.parse_args()
    failed = []
    for name in args.only or list(SCRIPTS):
        script = HERE / SCRIPTS[name]
        if not script.exists():
            print(f"skip {name}: {script.name} not found")
            continue
        cmd = [sys.executable, str(script)]
        if args.peer and name in ("numbers", "dates", "geo", "claims"):
            cmd += ["--peer", args.peer]
        t0 = time.perf_counter()
        print(f"== {name}: {' '.join(cmd[1:])}", flush=True)
        rc = subprocess.call(cmd)
        print(f"== {name}: exit {rc} in {time.perf_counter() - t0:.0f}s", flush=True)
        if rc:
            failed.append(name)
    if failed:
        print("failed:", ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
