#!/usr/bin/env python3
"""Out-of-fold rule outputs: each blind team batch read by the code that had not seen it.

Every blind batch of ``fixtures/team`` was committed before any rule was written for it
(fixtures/README.md gives each batch's first measurement). The code of the commit before
the one that added a batch therefore reads that batch the way the rules read an unseen
article. ``scripts/train_place_model.py`` learns from those readings, so that the place
model learns how the rules fail on new text and not how they read the text they were
tuned on.

For each batch this script checks the older commit out into a temporary git worktree,
runs ``extract`` of that commit over the batch's current texts and keeps the claims; the
result is ``scripts/data/rule_outputs_oof.json.gz`` (``{doc_id: {"commit", "claims"}}``).
It needs the git history and takes a few minutes; the file it writes is committed, so
training does not need to run it again.

    .venv/bin/python scripts/oof_rule_outputs.py
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "scripts" / "data" / "rule_outputs_oof.json.gz"

# (commit that added the batch, first and last team number): the code of its parent had
# not seen the batch (fixtures/README.md, "first measured")
BATCHES = [
    ("83a1e52", 31, 42), ("e487a98", 43, 54), ("e9c28ca", 55, 64), ("3f4d47b", 65, 76),
    ("beacb55", 77, 88), ("b98e61b", 89, 100), ("7a15770", 101, 112), ("f7d34d9", 113, 124),
    ("59d7716", 125, 136), ("54564c3", 137, 148), ("ee1c6a0", 149, 160),
    ("3abd67b", 161, 172), ("9e462f3", 173, 184), ("18ac847", 185, 196),
    ("e7f66d6", 197, 208), ("17d601c", 209, 232), ("42d5777", 233, 244),
    ("d44568c", 245, 256), ("36f14db", 257, 268), ("e5cc0c9", 269, 280), ("eeb90b7", 281, 304),
    ("b528d77", 305, 328), ("2fdc129", 329, 352), ("6b0a1e9", 353, 376),
    ("eaf7400", 377, 400), ("e0d9398", 401, 424), ("d4b23a9", 425, 448),
]  # fmt: skip

# run inside the old worktree: old code, current texts; entry points of the installed
# (current) package are switched off so that they do not import modules the old code lacks
_DUMP = """
import json, sys
import catalogue
catalogue.Registry.get_entry_points = lambda self: {}
import migration_extract as me
nlp = me.load()
# the rules alone: a later commit's learned models are switched off
nlp.get_pipe("migration_claims").use_place_model = False
# (and a later commit's event model: an attribute the older code does not read)
nlp.get_pipe("migration_claims").use_event_model = False
out = {}
for path in sys.argv[2:]:
    gold = json.load(open(path[:-4] + ".json", encoding="utf-8"))
    text = open(path, encoding="utf-8").read()
    ex = me.extract(text, published=gold["published"], doc_id=gold["doc_id"], nlp=nlp)
    out[gold["doc_id"]] = ex.to_dict()["claims"]
json.dump(out, open(sys.argv[1], "w", encoding="utf-8"))
"""


def main() -> int:
    result: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for commit, first, last in BATCHES:
            wt = Path(tmp) / commit
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach",
                            str(wt), f"{commit}^"], check=True)  # fmt: skip
            try:
                files = [str(ROOT / "fixtures" / "team" / f"team-{i:03d}.txt")
                         for i in range(first, last + 1)]  # fmt: skip
                out = Path(tmp) / f"{commit}.json"
                env = {**os.environ, "PYTHONPATH": str(wt / "src")}
                subprocess.run([sys.executable, "-c", _DUMP, str(out), *files], check=True,
                               cwd=tmp, env=env)  # fmt: skip
                for doc_id, claims in json.loads(out.read_text(encoding="utf-8")).items():
                    result[doc_id] = {"commit": commit, "claims": claims}
                print(f"{commit}: team-{first:03d} … team-{last:03d}", file=sys.stderr)
            finally:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                                str(wt)], check=False)  # fmt: skip
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(gzip.compress(json.dumps(result, sort_keys=True).encode("utf-8"), mtime=0))
    print(f"wrote {OUT} ({len(result)} articles)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
