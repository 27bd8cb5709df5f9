"""Scoring of predictions against gold labels (SPEC sections 3 and 4). Pure: no model.

``score_set(golds, predictions, groups)`` takes gold dicts (the SPEC section 3 files),
predicted ``Extraction``s (or their dicts) and the set's gold ``groups.json`` and returns
a nested dict of metrics; ``format_report`` prints it as tables.

Matching rules (docs/scoring.md):

* mentions (countries, dates, claim quantities): a predicted span matches a gold span of
  the same document when they overlap; pairs are made one-to-one, largest overlap first.
  Precision / recall / F1 over matched pairs, then accuracy of the normalised fields
  over the matched pairs;
* officials: matched by normalised name (case and accents folded) against any mention of
  the other; role counts as right when the role tokens overlap with token-F1 >= 0.5;
  country by equality (null == null);
* claims: matched through their quantity span; then per-field accuracy for event.type,
  origin.code, destination.code, time.from/to, source.name and population (texts compared
  by token-F1 >= 0.5, case and accents folded); "exact claims" is the share of gold
  claims that are matched and have every field right;
* dedupe: predicted groups come from ``dedupe()`` over all predicted claims of the set;
  claims are mapped to gold claims through the quantity span; pairwise precision/recall/F1
  over same-group pairs, and B-cubed F1, over the gold claims that were matched.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Any

from .officials import fold

__all__ = ["claim_agreement", "format_report", "match_spans", "prf", "score_set", "token_f1"]


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "pred": n_pred, "gold": n_gold}


def _toks(s: str | None) -> list[str]:
    return re.findall(r"\w+", fold(s or ""))


def token_f1(a: str | None, b: str | None) -> float:
    ta, tb = _toks(a), _toks(b)
    if not ta and not tb:
        return 1.0
    if not ta or not tb:
        return 0.0
    common = 0
    pool = list(tb)
    for t in ta:
        if t in pool:
            pool.remove(t)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def match_spans(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], key: str | None = None
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) of overlapping spans, largest overlap
    first. ``key`` picks a sub-dict holding the span (``"quantity"`` for claims)."""

    def span(d: dict[str, Any]) -> tuple[int, int]:
        x = d[key] if key else d
        return int(x["start"]), int(x["end"])

    cands = []
    for gi, g in enumerate(gold):
        gs, ge = span(g)
        for pi, p in enumerate(pred):
            ps, pe = span(p)
            ov = min(ge, pe) - max(gs, ps)
            if ov > 0 or (gs == ps and ge == pe):
                cands.append((-ov, abs(gs - ps), gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


class _Acc:
    def __init__(self) -> None:
        self.right: dict[str, int] = {}
        self.total: dict[str, int] = {}

    def add(self, name: str, ok: bool) -> None:
        self.total[name] = self.total.get(name, 0) + 1
        self.right[name] = self.right.get(name, 0) + int(ok)

    def result(self) -> dict[str, float]:
        return {k: self.right[k] / self.total[k] for k in sorted(self.total)}


def _get(d: dict[str, Any] | None, *path: str) -> Any:
    for p in path:
        if d is None:
            return None
        d = d.get(p)
    return d


def _num_eq(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-3 * max(1.0, abs(float(b)))


_CLAIM_FIELDS = ("event", "origin", "destination", "time", "source", "population")


def _claim_fields(g: dict[str, Any], p: dict[str, Any]) -> dict[str, bool]:
    out = {
        "event": _get(g, "event", "type") == _get(p, "event", "type"),
        "origin": _get(g, "origin", "code") == _get(p, "origin", "code"),
        "destination": _get(g, "destination", "code") == _get(p, "destination", "code"),
        "time": (_get(g, "time", "from"), _get(g, "time", "to"))
        == (_get(p, "time", "from"), _get(p, "time", "to")),
        "source": (g.get("source") is None and p.get("source") is None)
        or (
            g.get("source") is not None
            and p.get("source") is not None
            and token_f1(_get(g, "source", "name"), _get(p, "source", "name")) >= 0.5
        ),
        "population": (g.get("population") is None and p.get("population") is None)
        or (
            g.get("population") is not None
            and p.get("population") is not None
            and token_f1(_get(g, "population", "text"), _get(p, "population", "text")) >= 0.5
        ),
    }
    return out


_Q_FIELDS = ("value", "low", "high", "per", "qualifier")


def _quantity_fields(g: dict[str, Any], p: dict[str, Any]) -> dict[str, bool]:
    return {
        "value": _num_eq(g.get("value"), p.get("value")),
        "low": _num_eq(g.get("low"), p.get("low")),
        "high": _num_eq(g.get("high"), p.get("high")),
        "per": g.get("per") == p.get("per"),
        "qualifier": g.get("qualifier") == p.get("qualifier"),
    }


def claim_agreement(g: dict[str, Any], p: dict[str, Any]) -> dict[str, bool]:
    """Per field, whether two claim records whose quantity spans match agree, as SPEC §4
    scores them: the quantity's value/low/high/per/qualifier, then event, origin,
    destination, time, source and population. A claim is exact when every field agrees."""
    return {**_quantity_fields(g["quantity"], p["quantity"]), **_claim_fields(g, p)}


def _official_names(o: dict[str, Any], text: str) -> set[str]:
    names = {fold(o.get("name") or ""), fold(o.get("text") or "")}
    for s, e in o.get("mentions") or []:
        names.add(fold(text[s:e]))
    return {n for n in names if n}


def score_set(
    golds: list[dict[str, Any]],
    predictions: dict[str, dict[str, Any]],
    texts: dict[str, str],
    groups: list[list[dict[str, Any]]] | None = None,
    pred_groups: list[list[tuple[str, int]]] | None = None,
) -> dict[str, Any]:
    """Score one gold set. ``predictions`` maps doc_id -> Extraction dict; ``pred_groups``
    lists predicted dedupe groups as (doc_id, quantity start) members."""
    tallies = {k: [0, 0, 0] for k in ("countries", "dates", "quantities", "claims", "officials")}
    acc = {k: _Acc() for k in ("countries", "dates", "quantities", "claims", "officials")}
    exact = 0
    n_gold_claims = 0
    errors: list[dict[str, Any]] = []
    matched_claims: dict[tuple[str, int], tuple[str, int]] = {}  # gold key -> pred key
    for g in golds:
        did = g["doc_id"]
        p = predictions.get(did, {})
        text = texts.get(did, "")
        # countries and dates
        for kind, fields in (("countries", ("code",)), ("dates", ("from", "to"))):
            gl, pl = g.get(kind, []), p.get(kind, [])
            pairs = match_spans(gl, pl)
            t = tallies[kind]
            t[0] += len(pairs)
            t[1] += len(pl)
            t[2] += len(gl)
            for gi, pi in pairs:
                ok = all(gl[gi].get(f) == pl[pi].get(f) for f in fields)
                acc[kind].add("+".join(fields), ok)
                if not ok:
                    errors.append({"doc_id": did, "kind": kind, "gold": gl[gi], "pred": pl[pi]})
        # claims (and their quantities)
        gc, pc = g.get("claims", []), p.get("claims", [])
        pairs = match_spans(gc, pc, key="quantity")
        for k in ("claims", "quantities"):
            tallies[k][0] += len(pairs)
            tallies[k][1] += len(pc)
            tallies[k][2] += len(gc)
        n_gold_claims += len(gc)
        for gi, pi in pairs:
            gq, pq = gc[gi]["quantity"], pc[pi]["quantity"]
            qf = _quantity_fields(gq, pq)
            for f, ok in qf.items():
                acc["quantities"].add(f, ok)
            acc["quantities"].add("all", all(qf.values()))
            cf = _claim_fields(gc[gi], pc[pi])
            for f, ok in cf.items():
                acc["claims"].add(f, ok)
            if all(cf.values()) and all(qf.values()):
                exact += 1
            else:
                errors.append({"doc_id": did, "kind": "claim", "text": gq["text"],
                               "wrong": [f for f, ok in {**qf, **cf}.items() if not ok],
                               "gold": gc[gi], "pred": pc[pi]})  # fmt: skip
            matched_claims[(did, int(gq["start"]))] = (did, int(pq["start"]))
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for gi, c in enumerate(gc):
            if gi not in matched_g:
                errors.append({"doc_id": did, "kind": "missed_claim", "text": c["quantity"]["text"],
                               "sentence": c["sentence"]["text"][:160]})  # fmt: skip
        for pi, c in enumerate(pc):
            if pi not in matched_p:
                errors.append({"doc_id": did, "kind": "spurious_claim",
                               "text": c["quantity"]["text"],
                               "sentence": c["sentence"]["text"][:160]})  # fmt: skip
        # officials
        go, po = g.get("officials", []), p.get("officials", [])
        used: set[int] = set()
        tp = 0
        for o in go:
            gn = _official_names(o, text)
            for pi, q in enumerate(po):
                if pi in used or not (gn & _official_names(q, text)):
                    continue
                used.add(pi)
                tp += 1
                acc["officials"].add("role", token_f1(o.get("role"), q.get("role")) >= 0.5)
                acc["officials"].add("country", o.get("country") == q.get("country"))
                acc["officials"].add("role+country", token_f1(o.get("role"), q.get("role")) >= 0.5
                                     and o.get("country") == q.get("country"))  # fmt: skip
                break
            else:
                errors.append({"doc_id": did, "kind": "missed_official", "name": o.get("name")})
        for pi, q in enumerate(po):
            if pi not in used:
                errors.append({"doc_id": did, "kind": "spurious_official", "name": q.get("name")})
        tallies["officials"][0] += tp
        tallies["officials"][1] += len(po)
        tallies["officials"][2] += len(go)
    result: dict[str, Any] = {k: {**prf(*tallies[k]), "fields": acc[k].result()} for k in tallies}
    result["claims"]["exact"] = exact / n_gold_claims if n_gold_claims else 1.0
    if groups is not None and pred_groups is not None:
        result["dedupe"] = _dedupe_scores(groups, pred_groups, matched_claims)
    result["errors"] = errors
    return result


def _dedupe_scores(
    gold_groups: list[list[dict[str, Any]]],
    pred_groups: list[list[tuple[str, int]]],
    matched: dict[tuple[str, int], tuple[str, int]],
) -> dict[str, float]:
    gold_of: dict[tuple[str, int], int] = {}
    for gi, grp in enumerate(gold_groups):
        for m in grp:
            gold_of[(m["doc_id"], int(m["start"]))] = gi
    # every matched gold claim not in a gold group is its own gold singleton
    nxt = len(gold_groups)
    for k in matched:
        if k not in gold_of:
            gold_of[k] = nxt
            nxt += 1
    pred_of_pred: dict[tuple[str, int], int] = {}
    for gi, grp in enumerate(pred_groups):
        for m in grp:
            pred_of_pred[(m[0], int(m[1]))] = gi
    items = [k for k in matched if k in gold_of]
    pred_of = {}
    nxt = len(pred_groups)
    for k in items:
        pk = matched[k]
        if pk in pred_of_pred:
            pred_of[k] = pred_of_pred[pk]
        else:
            pred_of[k] = nxt
            nxt += 1
    tp = fp = fn = 0
    for a, b in itertools.combinations(items, 2):
        same_g = gold_of[a] == gold_of[b]
        same_p = pred_of[a] == pred_of[b]
        tp += same_g and same_p
        fp += same_p and not same_g
        fn += same_g and not same_p
    pw = prf(tp, tp + fp, tp + fn)
    # B-cubed
    bp = br = 0.0
    for a in items:
        g_set = {b for b in items if gold_of[b] == gold_of[a]}
        p_set = {b for b in items if pred_of[b] == pred_of[a]}
        inter = len(g_set & p_set)
        bp += inter / len(p_set)
        br += inter / len(g_set)
    n = len(items) or 1
    bp, br = bp / n, br / n
    bf = 2 * bp * br / (bp + br) if bp + br else 0.0
    return {"pairwise_precision": pw["precision"], "pairwise_recall": pw["recall"],
            "pairwise_f1": pw["f1"], "bcubed_precision": bp, "bcubed_recall": br,
            "bcubed_f1": bf, "claims": len(items), "gold_pairs": tp + fn}  # fmt: skip


def format_report(name: str, r: dict[str, Any]) -> str:
    lines = [f"## {name}", "", "| record | P | R | F1 | gold | pred | field accuracy |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    for k in ("claims", "quantities", "countries", "dates", "officials"):
        x = r[k]
        fa = ", ".join(f"{f} {v:.2f}" for f, v in x["fields"].items())
        lines.append(f"| {k} | {x['precision']:.3f} | {x['recall']:.3f} | {x['f1']:.3f} | "
                     f"{x['gold']} | {x['pred']} | {fa} |")  # fmt: skip
    lines.append("")
    lines.append(f"Exact claims: {r['claims']['exact']:.3f}")
    if "dedupe" in r:
        d = r["dedupe"]
        lines.append(
            f"Dedupe: pairwise P {d['pairwise_precision']:.3f} R {d['pairwise_recall']:.3f} "
            f"F1 {d['pairwise_f1']:.3f}; B-cubed F1 {d['bcubed_f1']:.3f} "
            f"({d['claims']} matched claims, {d['gold_pairs']} gold pairs)"
        )
    return "\n".join(lines)


def iter_gold_dir(path: Any) -> Iterable[tuple[dict[str, Any], str]]:
    """(gold dict, text) for every ``<doc_id>.json`` with a ``<doc_id>.txt`` beside it."""
    import json
    from pathlib import Path

    p = Path(path)
    for js in sorted(p.glob("*.json")):
        if js.name == "groups.json":
            continue
        txt = js.with_suffix(".txt")
        if not txt.exists():
            continue
        gold = json.loads(js.read_text(encoding="utf-8"))
        if not isinstance(gold, dict) or "doc_id" not in gold:
            continue
        yield gold, txt.read_text(encoding="utf-8")
