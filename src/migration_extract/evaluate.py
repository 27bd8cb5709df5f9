"""Run the pipeline over a gold directory and score it (SPEC sections 3 and 4).

Used by ``migration-extract bench DIR`` and ``bench/claims_bench.py``. Loads the model (it
calls ``extract``); the scoring itself is in the pure module ``scoring.py``."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from .errors import InputValueError

__all__ = ["evaluate_dir"]


def evaluate_dir(gold_dir: str | Path, nlp: Any = None) -> dict[str, Any]:
    """Extract every ``<doc_id>.txt`` of ``gold_dir`` with its gold ``published`` date,
    dedupe the claims of the whole set, and score against the gold files and
    ``groups.json``. Returns the metrics dict of ``scoring.score_set`` plus
    ``documents`` and ``seconds``."""
    from .api import extract
    from .dedupe import dedupe
    from .scoring import iter_gold_dir, score_set

    golds, texts, preds, extractions = [], {}, {}, []
    t0 = time.perf_counter()
    for gold, text in iter_gold_dir(gold_dir):
        did = gold["doc_id"]
        res = extract(text, published=gold.get("published"), doc_id=did, nlp=nlp)
        golds.append(gold)
        texts[did] = text
        preds[did] = res.to_dict()
        extractions.append(res)
    if not golds:
        raise InputValueError(
            f"gold_dir: no gold files (<doc_id>.txt + <doc_id>.json) in {gold_dir}",
            field="gold_dir",
        )
    dt = time.perf_counter() - t0
    groups_file = Path(gold_dir) / "groups.json"
    gold_groups = (
        json.loads(groups_file.read_text(encoding="utf-8")) if groups_file.exists() else None
    )
    pred_groups = None
    if gold_groups is not None:
        by_id = {(c.doc_id, c.id): c for x in extractions for c in x.claims}
        pred_groups = [
            [(m.doc_id, by_id[(m.doc_id, m.claim_id)].quantity.start) for m in g.members]
            for g in dedupe(extractions)
        ]
    result = score_set(golds, preds, texts, gold_groups, pred_groups)
    result["documents"] = len(golds)
    result["seconds"] = dt
    return result
