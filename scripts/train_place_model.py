#!/usr/bin/env python3
"""Train the place ranker (``claims/_learned.py``) from the team fixtures.

Each team article is parsed by the current pipeline with the place model switched off.
A claim's candidates and features come from that parse; the rules' own reading of the
claim (a feature, and the fallback) comes from ``scripts/data/rule_outputs_oof.json.gz``
when the article belongs to a blind batch (the code that had not seen it, see
``scripts/oof_rule_outputs.py``) and from the current rules otherwise. The labelled
origin and destination of the gold claim at the same figure are the answers.

    .venv/bin/python scripts/train_place_model.py            # write data/place_model.json
    .venv/bin/python scripts/train_place_model.py --cv       # leave one blind batch out

Only ``fixtures/team`` is read: the holdout never trains or tunes anything.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from migration_extract.claims._base import ClaimInput  # noqa: E402
from migration_extract.claims._learned import (  # noqa: E402
    FIELDS,
    PlaceExample,
    PlaceModel,
    place_examples,
    rerank_places,
    train_place_model,
)
from migration_extract.geo import country_gazetteer  # noqa: E402
from migration_extract.records import Claim  # noqa: E402
from migration_extract.scoring import iter_gold_dir, match_spans  # noqa: E402

OOF = ROOT / "scripts" / "data" / "rule_outputs_oof.json.gz"
MODEL = ROOT / "src" / "migration_extract" / "data" / "place_model.json"
EPOCHS, SEED = 10, 13


@dataclass
class TrainDoc:
    doc_id: str
    inp: ClaimInput
    rules: list[Claim]  # the current rules' claims
    oof: list[Claim] | None  # the rules that had not seen the article (blind batches)
    batch: str  # the commit whose parent read it unseen, or "dev" (written with the code)
    gold: list[dict[str, Any]]

    def rule_claims(self, unseen: bool = True) -> list[Claim]:
        return self.oof if unseen and self.oof is not None else self.rules


def load_oof(path: Path = OOF) -> dict[str, dict[str, Any]]:
    if not path.exists():
        return {}
    data: dict[str, dict[str, Any]] = json.loads(gzip.decompress(path.read_bytes()))
    return data


def load_docs(fixtures: Path, oof: dict[str, dict[str, Any]] | None = None) -> list[TrainDoc]:
    """Every article of a gold directory, parsed with the place model off."""
    from migration_extract import load
    from migration_extract.api import _make_doc
    from migration_extract.components.claims import claim_input

    nlp = load()
    nlp.get_pipe("migration_claims").use_place_model = False  # type: ignore[attr-defined]
    nlp.get_pipe("migration_claims").use_event_model = False  # type: ignore[attr-defined]
    oof = oof or {}
    docs = []
    for gold, text in iter_gold_dir(fixtures):
        doc = nlp(_make_doc(nlp, text, gold.get("published"), gold["doc_id"]))
        o = oof.get(gold["doc_id"])
        docs.append(TrainDoc(
            gold["doc_id"],
            claim_input(doc),
            [Claim.from_dict(c) for c in doc._.migration_claims],
            [Claim.from_dict(c) for c in o["claims"]] if o else None,
            o["commit"] if o else "dev",
            gold.get("claims", []),
        ))  # fmt: skip
    return docs


def gold_places(claims: list[Claim], gold: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """The labelled origin/destination codes of each claim's figure (SPEC section 4's
    one-to-one span matching), keyed by the claim's quantity start."""
    pred = [c.to_dict() for c in claims]
    out: dict[int, dict[str, Any]] = {}
    for gi, pi in match_spans(gold, pred, "quantity"):
        g = gold[gi]
        out[claims[pi].quantity.start] = {
            f: (g.get(f) or {}).get("code") for f in FIELDS
        }
    return out


def examples(docs: list[TrainDoc], unseen: bool = True) -> list[PlaceExample]:
    gaz = country_gazetteer()
    out: list[PlaceExample] = []
    for d in docs:
        cl = d.rule_claims(unseen)
        out += place_examples(d.inp, cl, gold_places(cl, d.gold), gaz)
    return out


def field_counts(
    docs: list[TrainDoc], model: PlaceModel | None, unseen: bool = True, margin: float = 0.0
) -> Counter[str]:
    """Right answers of the rules and of rules + model, per field and for both fields."""
    gaz = country_gazetteer()
    c: Counter[str] = Counter()
    for d in docs:
        cl = d.rule_claims(unseen)
        gm = gold_places(cl, d.gold)
        new = rerank_places(d.inp, cl, model, gaz, margin=margin) if model else cl
        for a, b in zip(cl, new, strict=True):
            g = gm.get(a.quantity.start)
            if g is None:
                continue
            c["n"] += 1
            ok = {}
            for who, x in (("rules", a), ("model", b)):
                oks = [((loc.code if (loc := getattr(x, f)) else None) == g[f]) for f in FIELDS]
                for f, o in zip(FIELDS, oks, strict=True):
                    c[f"{who}_{f}"] += o
                c[f"{who}_both"] += all(oks)
                ok[who] = all(oks)
            c["fixed"] += ok["model"] and not ok["rules"]
            c["broken"] += ok["rules"] and not ok["model"]
    return c


def cross_validate(
    docs: list[TrainDoc], *, epochs: int = EPOCHS, seed: int = SEED
) -> dict[str, Counter[str]]:
    """Leave one blind batch out: train on every other article, score the held-out
    batch as the rules read it unseen (``unseen``) and as the current rules read it
    (``current``, which were tuned on it)."""
    out: dict[str, Counter[str]] = {}
    for b in sorted({d.batch for d in docs if d.batch != "dev"}):
        train = [d for d in docs if d.batch != b]
        test = [d for d in docs if d.batch == b]
        m = train_place_model(examples(train), epochs=epochs, seed=seed)
        out[b] = field_counts(test, m, unseen=True)
        out[b + "/current"] = field_counts(test, m, unseen=False)
    return out


def cv_table(cv: dict[str, Counter[str]]) -> str:
    def row(name: str, c: Counter[str]) -> str:
        n = max(1, c["n"])
        cells = [f"{c[f'rules_{f}'] / n:.3f} → {c[f'model_{f}'] / n:.3f}"
                 for f in (*FIELDS, "both")]  # fmt: skip
        return f"| {name} | {c['n']} | " + " | ".join(cells) + f" | {c['fixed']} | {c['broken']} |"

    lines = ["| held-out batch | claims | origin | destination | both right | fixed | broken |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    unseen: Counter[str] = Counter()
    current: Counter[str] = Counter()
    for k, c in cv.items():
        if k.endswith("/current"):
            current += c
        else:
            unseen += c
            lines.append(row(k, c))
    lines.append(row("**all, rules unseen**", unseen))
    lines.append(row("all, current rules (tuned on them)", current))
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--fixtures", type=Path, default=ROOT / "fixtures" / "team")
    ap.add_argument("--oof", type=Path, default=OOF)
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--cv", action="store_true", help="leave-one-batch-out report only")
    a = ap.parse_args()
    if "holdout" in a.fixtures.parts:
        ap.error("the holdout is never used for training")
    docs = load_docs(a.fixtures, load_oof(a.oof))
    if a.cv:
        print(cv_table(cross_validate(docs, epochs=a.epochs, seed=a.seed)))
        return 0
    ex = examples(docs)
    model = train_place_model(ex, epochs=a.epochs, seed=a.seed)
    model.meta.update({
        "trained_on": f"{a.fixtures.name}: {len(docs)} articles, "
                      f"{sum(d.oof is not None for d in docs)} read by the rules unseen",
        "script": "scripts/train_place_model.py",
    })  # fmt: skip
    a.out.write_text(json.dumps(model.to_dict(), indent=0, ensure_ascii=False) + "\n",
                     encoding="utf-8")  # fmt: skip
    print(f"wrote {a.out}: {len(model.weights)} weights from {len(ex)} examples")
    return 0


if __name__ == "__main__":
    sys.exit(main())
