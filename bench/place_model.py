"""The learned place ranker (claims/_learned.py) against the rules alone.

    python bench/place_model.py [--sets seeds team holdout] [--no-cv]

1. **Leave one blind batch out** on `fixtures/team`: for each blind batch, a model trained
   on every other article re-decides the destinations of the batch's claims (a) as the
   rules read the batch before any rule was written for it (the out-of-fold readings in
   scripts/data/rule_outputs_oof.json.gz: how the rules read new text) and (b) as the
   current rules read it (they were tuned on it). Origins are scored too; the model does
   not re-decide them by default.
2. **Rules alone against rules + model** on whole fixture sets, with the SPEC §4 claim
   scorer (the pipeline with `migration_claims`' `place_model` off and on), and the time the
   model adds. On `team` the shipped model is scored on the articles it was trained on.

Writes docs/benchmarks.md (section "place_model") and bench/out/place_model.json.
Aggregates only (it prints no claim of the holdout).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import ROOT, table, update_section, write_json


def _trainer():
    spec = importlib.util.spec_from_file_location(
        "train_place_model", ROOT / "scripts" / "train_place_model.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["train_place_model"] = mod
    spec.loader.exec_module(mod)
    return mod


def _cv_rows(cv: dict[str, Counter]) -> tuple[list[list[object]], dict[str, dict]]:
    def cells(c: Counter) -> list[object]:
        n = max(1, c["n"])
        return [c["n"], *(f"{c[f'rules_{f}'] / n:.3f} → {c[f'model_{f}'] / n:.3f}"
                          for f in ("origin", "destination", "both")),
                c["fixed"], c["broken"]]  # fmt: skip

    rows, unseen, current = [], Counter(), Counter()
    for k, c in cv.items():
        if k.endswith("/current"):
            current += c
        else:
            unseen += c
            rows.append([k, *cells(c)])
    rows.append(["**all blind batches, read unseen**", *cells(unseen)])
    rows.append(["all blind batches, current rules (tuned on them)", *cells(current)])
    summary = {"unseen": dict(unseen), "current": dict(current)}
    return rows, summary


def _score(nlp, golds: list[dict], texts: dict[str, str]) -> tuple[dict, float]:
    from migration_extract import extract
    from migration_extract.scoring import score_set

    t0 = time.perf_counter()
    pred = {
        g["doc_id"]: extract(texts[g["doc_id"]], published=g.get("published"),
                             doc_id=g["doc_id"], nlp=nlp).to_dict()
        for g in golds
    }  # fmt: skip
    secs = time.perf_counter() - t0
    return score_set(golds, pred, texts)["claims"], secs


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", nargs="*", default=["seeds", "team", "holdout"])
    ap.add_argument("--no-cv", action="store_true")
    args = ap.parse_args()
    from migration_extract import load
    from migration_extract.claims._learned import default_place_model
    from migration_extract.scoring import iter_gold_dir

    out: dict[str, object] = {}
    parts = []
    meta = default_place_model().meta
    if not args.no_cv:
        T = _trainer()
        docs = T.load_docs(ROOT / "fixtures" / "team", T.load_oof())
        cv = T.cross_validate(docs)
        rows, summary = _cv_rows(cv)
        out["cv"] = {"batches": {k: dict(v) for k, v in cv.items()}, **summary}
        newest = {k: v for k, v in cv.items() if k == "17d601c"}
        n_new = newest["17d601c"]["n"] if newest else 0
        parts.append(
            "**Leave one blind batch out** (team, "
            f"{sum(d.oof is not None for d in docs)} articles in "
            f"{len([k for k in cv if not k.endswith('/current')])} blind batches; a batch is "
            "named by the commit that added it, whose parent read it unseen). Share of the "
            "matched claims whose origin / destination / both are right, rules → rules + "
            "model; *fixed* and *broken* count claims whose two places became right / wrong. "
            f"Batch 17d601c (team-209 … 232, {n_new} claims) was read by the current rules "
            "(3ef64af) before anything was changed for it: it is the only batch where the "
            "model meets the rules as they read new text today.\n\n"
            + table(["held-out batch", "claims", "origin", "destination", "both", "fixed",
                     "broken"], rows)  # fmt: skip
        )
    nlp = load()  # one pipeline (load() is cached): the model is switched per run
    pipe = nlp.get_pipe("migration_claims")
    rows = []
    for name in args.sets:
        golds, texts = [], {}
        for g, t in iter_gold_dir(ROOT / "fixtures" / name):
            golds.append(g)
            texts[g["doc_id"]] = t
        _score(nlp, golds[:3], texts)  # warm up
        pipe.use_place_model, pipe.use_event_model = False, False
        off, t_off = _score(nlp, golds, texts)
        pipe.use_place_model = True
        on, t_on = _score(nlp, golds, texts)
        pipe.use_event_model = True
        both, t_both = _score(nlp, golds, texts)
        out[name] = {"rules": off, "rules+model": on, "rules+place+event": both,
                     "seconds": [t_off, t_on, t_both]}  # fmt: skip
        for label, r, secs in (("rules", off, t_off), ("rules + place model", on, t_on),
                               ("rules + place + event models", both, t_both)):  # fmt: skip
            f = r["fields"]
            rows.append([f"{name}: {label}", len(golds), r["f1"], f.get("event"),
                         f.get("origin"), f.get("destination"), r["exact"],
                         f"{secs:.1f}"])  # fmt: skip
        rows.append([f"{name}: ratio (both models / rules)", "",
                     both["f1"] / max(off["f1"], 1e-9),
                     both["fields"]["event"] / max(off["fields"]["event"], 1e-9),
                     both["fields"]["origin"] / max(off["fields"]["origin"], 1e-9),
                     both["fields"]["destination"] / max(off["fields"]["destination"], 1e-9),
                     both["exact"] / max(off["exact"], 1e-9),
                     f"{t_both / max(t_off, 1e-9):.2f}"])  # fmt: skip
    parts.append(
        "**Rules alone against rules + the learned models** (SPEC §4 claim scorer, the whole "
        "pipeline; the place ranker, then the event model of claims/_event_model.py; "
        "seconds are the wall time of `extract` over the set on this machine, model loaded "
        "once). The shipped models were trained on `team`, so its team rows are in-sample; "
        "`seeds` and `holdout` were never trained on.\n\n"
        + table(["set", "articles", "claim F1", "event", "origin", "destination", "exact",
                 "seconds"], rows)  # fmt: skip
    )
    from migration_extract.claims._learned import APPLIED_FIELDS

    body = (
        "## Learned place ranker (`bench/place_model.py`)\n\n"
        f"The model re-decides a claim's {' and '.join(APPLIED_FIELDS)} where the rules did "
        "not read them in the figure's own sentence (claims/_learned.py; docs/decisions.md, "
        "seventh and ninth sessions). "
        f"Shipped weights: {meta.get('trained_on', '?')}, {meta.get('examples', '?')} "
        f"examples, {meta.get('epochs', '?')} epochs.\n\n" + "\n\n".join(parts)
    )
    update_section("place_model", body)
    print(body)
    write_json("place_model", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
