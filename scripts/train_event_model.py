#!/usr/bin/env python3
"""Train the event-type model (``claims/_event_model.py``) from the blind team batches.

The examples are the rules' readings of the blind batches by the code that had not seen
them (``scripts/data/rule_outputs_oof.json.gz``, see ``scripts/oof_rule_outputs.py``):
each rule claim with an event whose figure the gold labels as a claim with an event, the
gold type being the answer. No parse is needed; the features read the claim dicts and the
article's text.

    .venv/bin/python scripts/train_event_model.py          # write data/event_model.json
    .venv/bin/python scripts/train_event_model.py --cv     # leave one blind batch out

The margin the shipped model uses (``MARGIN``) was chosen with ``--cv``: the type changes
only when the model prefers another by more than it. Only ``fixtures/team`` is read: the
holdout never trains or tunes anything.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from migration_extract.claims._event_model import (  # noqa: E402
    EventExample,
    event_examples,
    train_event_model,
)

OOF = ROOT / "scripts" / "data" / "rule_outputs_oof.json.gz"
MODEL = ROOT / "src" / "migration_extract" / "data" / "event_model.json"
TEAM = ROOT / "fixtures" / "team"
EPOCHS, SEED, MARGIN = 10, 13, 10.0
# types the model never changes: the rules read "onward" from explicit phrases ("passed
# through X on their way north", "have gone on to other countries") that the labels follow;
# in leave-one-batch-out the model's changes away from it fixed 1 claim and broke none but
# 2 went wrong either way, and it broke three golden sentences and a seed claim; nor
# "mobilization", read from the call-up's own words (draft, summonses, "ordering 300,000
# draftees"): retrained on 24 batches the model turned seed-003's call-up into an arrival;
# keeping it costs 5 of 59 leave-one-batch-out fixes (0.856 -> 0.854), no breaks
KEEP = ("mobilization", "onward")
MARGINS = (0.0, 2.0, 5.0, 10.0, 15.0, 20.0)


def _batches() -> dict[str, str]:
    spec = importlib.util.spec_from_file_location("oof", ROOT / "scripts" / "oof_rule_outputs.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return {f"team-{n:03d}": commit for commit, a, b in mod.BATCHES for n in range(a, b + 1)}


def load_examples() -> dict[str, list[EventExample]]:
    """The examples of every blind batch, by the commit that added it."""
    oof = json.loads(gzip.decompress(OOF.read_bytes()))
    batch = _batches()
    out: dict[str, list[EventExample]] = {}
    for doc_id in sorted(oof):
        text = (TEAM / f"{doc_id}.txt").read_text(encoding="utf-8")
        gold = json.loads((TEAM / f"{doc_id}.json").read_text(encoding="utf-8"))["claims"]
        out.setdefault(batch[doc_id], []).extend(
            event_examples(text, oof[doc_id]["claims"], gold)
        )
    return out


def cross_validate(by_batch: dict[str, list[EventExample]]) -> dict[str, object]:
    """Leave one blind batch out: event-type accuracy of the rules and of the model at
    each margin, with the examples fixed and broken."""
    res = {m: [0, 0, 0] for m in MARGINS}
    n = rules_right = 0
    for held in by_batch:
        train = [ex for b, exs in by_batch.items() if b != held for ex in exs]
        model = train_event_model(train, EPOCHS, SEED, keep=KEEP)
        for ex in by_batch[held]:
            n += 1
            rules_right += ex.rule == ex.gold
            for m in MARGINS:
                p = model.decide(ex.feats, ex.rule, m)
                res[m][0] += p == ex.gold
                res[m][1] += p == ex.gold and ex.rule != ex.gold
                res[m][2] += p != ex.gold and ex.rule == ex.gold
    return {
        "examples": n,
        "batches": len(by_batch),
        "rules": round(rules_right / n, 4),
        "by_margin": {
            str(m): {"accuracy": round(r / n, 4), "fixed": f, "broken": b}
            for m, (r, f, b) in res.items()
        },
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cv", action="store_true", help="leave one blind batch out and report")
    args = ap.parse_args()
    by_batch = load_examples()
    if args.cv:
        print(json.dumps(cross_validate(by_batch), indent=1))
        return 0
    examples = [ex for exs in by_batch.values() for ex in exs]
    model = train_event_model(examples, EPOCHS, SEED, MARGIN, KEEP)
    cv = cross_validate(by_batch)
    model.meta.update({
        "batches": len(by_batch),
        "trained_on": "blind team batches, rules unseen",
        "cv_leave_one_batch_out": {"rules": cv["rules"],
                                   "model": cv["by_margin"][str(MARGIN)]},  # type: ignore[index]
    })  # fmt: skip
    MODEL.write_text(json.dumps(model.to_dict(), ensure_ascii=False, indent=0) + "\n",
                     encoding="utf-8")  # fmt: skip
    print(f"wrote {MODEL} ({len(model.weights)} weights, {len(examples)} examples)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
