"""Inter-annotator agreement on claims, and the system against each annotator.

    python bench/agreement.py [--pairs team:team_b ...]

`fixtures/team_b/` is a second, independent annotation of the claims of 12 articles,
team-197 … team-208 (the holdout holdout-013 … holdout-024 until the sixth session retired
it into team): written by a session that saw the article texts, SPEC, fixtures/README.md,
build_gold.py and three example labels, but not the first annotation, the library or its
output (fixtures/README.md, "Second annotation"). Its `countries`, `officials` and `dates`
are empty: only claims are compared, on the articles the second annotation covers.

For each pair (A, B) this scores, with the project's SPEC §4 claim scorer:
* B against A (A as gold) and A against B: how far two careful annotators agree;
* the system against A and against B (the usual bench numbers, claims only);
* the system on the consensus: per field, its accuracy over the matched claims where A and B
  agree on that field; and its exact rate over the claims where A and B agree on every field
  (a claim the system missed counts as wrong). This separates what the system gets wrong
  from what the annotators read differently. The "exact" of the other rows is over all gold
  claims, as `bench` reports it; this row's is over the agreed claims only.
* the system's rate as a share of the annotators' agreement, both measured against A.

Writes docs/benchmarks.md (section "agreement") and bench/out/agreement.json.
Aggregates only: it prints no claim (it was written while these articles were the holdout).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import ROOT, table, update_section, write_json

FIELDS = ("event", "origin", "destination", "time", "source", "population")


def _load(d: Path) -> tuple[dict[str, dict], dict[str, str]]:
    golds, texts = {}, {}
    for f in sorted(d.glob("*.json")):
        if f.name == "groups.json":
            continue
        g = json.loads(f.read_text(encoding="utf-8"))
        golds[g["doc_id"]] = g
        with open(d / f"{g['doc_id']}.txt", encoding="utf-8", newline="") as fh:
            texts[g["doc_id"]] = fh.read()
    return golds, texts


def _claims_only(docs: dict[str, dict]) -> dict[str, dict]:
    return {k: {"claims": v["claims"]} for k, v in docs.items()}


def _as_golds(docs: dict[str, dict]) -> list[dict]:
    return [{"doc_id": k, "claims": v["claims"]} for k, v in docs.items()]


def _row(name: str, r: dict) -> list[object]:
    c = r["claims"]
    return [name, c["f1"], *(c["fields"].get(f, "–") for f in FIELDS), c["exact"]]


def _consensus(a: dict[str, dict], b: dict[str, dict], sysp: dict[str, dict]) -> dict:
    """The system's accuracy where the two annotators agree."""
    from migration_extract.scoring import claim_agreement, match_spans

    per_field = {f: [0, 0] for f in (*FIELDS, "quantity")}
    exact = [0, 0]
    for did, ga in a.items():
        ca, cb = ga["claims"], b.get(did, {}).get("claims", [])
        cs = sysp.get(did, {}).get("claims", [])
        ab = dict(match_spans(ca, cb, key="quantity"))
        asys = dict(match_spans(ca, cs, key="quantity"))
        for ia, ib in ab.items():
            agree = claim_agreement(ca[ia], cb[ib])
            got = claim_agreement(ca[ia], cs[asys[ia]]) if ia in asys else None
            q_agree = all(agree[k] for k in ("value", "low", "high", "per", "qualifier"))
            groups = {f: agree[f] for f in FIELDS} | {"quantity": q_agree}
            for f, ok in groups.items():
                if not ok:
                    continue
                per_field[f][1] += 1
                if got is not None and (
                    all(got[k] for k in ("value", "low", "high", "per", "qualifier"))
                    if f == "quantity"
                    else got[f]
                ):
                    per_field[f][0] += 1
            if all(agree.values()):
                exact[1] += 1
                if got is not None and all(got.values()):
                    exact[0] += 1
    return {
        "fields": {f: (r / n if n else None, n) for f, (r, n) in per_field.items()},
        "exact": (exact[0] / exact[1] if exact[1] else None, exact[1]),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", nargs="*", default=["team:team_b"])
    args = ap.parse_args()
    from migration_extract import extract, load
    from migration_extract.scoring import score_set

    nlp = load()
    out: dict[str, object] = {}
    parts = []
    for pair in args.pairs:
        a_name, b_name = pair.split(":")
        b, b_texts = _load(ROOT / "fixtures" / b_name)
        a, texts = _load(ROOT / "fixtures" / a_name)
        a = {k: v for k, v in a.items() if k in b}  # the articles both annotated
        texts = {k: v for k, v in texts.items() if k in b}
        if any(b_texts.get(k) != t for k, t in texts.items()):
            # spans are matched by offsets: both annotations must be of the same bytes
            sys.exit(f"{b_name}: its texts differ from {a_name}'s")
        sysp = {
            k: extract(texts[k], published=v.get("published"), doc_id=k, nlp=nlp).to_dict()
            for k, v in a.items()
        }
        runs = {
            f"{b_name} against {a_name}": score_set(_as_golds(a), _claims_only(b), texts),
            f"{a_name} against {b_name}": score_set(_as_golds(b), _claims_only(a), texts),
            f"system against {a_name}": score_set(_as_golds(a), _claims_only(sysp), texts),
            f"system against {b_name}": score_set(_as_golds(b), _claims_only(sysp), texts),
        }
        cons = _consensus(a, b, sysp)
        n_claims = sum(len(v["claims"]) for v in a.values())
        rows = [_row(k, r) for k, r in runs.items()]
        def _or_dash(v: float | None) -> object:
            return "–" if v is None else v

        rows.append(
            ["system where both agree", "", *(_or_dash(cons["fields"][f][0]) for f in FIELDS),
             _or_dash(cons["exact"][0])]
        )  # fmt: skip
        # the system's rate as a share of the annotators' agreement (both against A)
        sys_a = runs[f"system against {a_name}"]["claims"]
        b_a = runs[f"{b_name} against {a_name}"]["claims"]

        def _ratio(x: object, y: object) -> object:
            return x / y if isinstance(x, float) and isinstance(y, float) and y > 0 else "–"

        rows.append(
            ["system / annotator agreement (both against A)", "",
             *(_ratio(sys_a["fields"].get(f), b_a["fields"].get(f)) for f in FIELDS),
             _ratio(sys_a["exact"], b_a["exact"])]
        )  # fmt: skip
        counts = ", ".join(f"{f} {cons['fields'][f][1]}" for f in FIELDS)
        parts.append(
            f"**{a_name} ({len(a)} articles, {n_claims} claims: {min(a)} … {max(a)}) and its "
            f"second annotation {b_name}.** Claims only (SPEC §4 claim scorer; a field is right "
            f"when it equals the other side's). Both annotators agree on every field of "
            f"{cons['exact'][1]} claims; the consensus rows count each field over the matched "
            f"claims where the two annotators agree on it "
            f"({counts}).\n\n"
            + table(["comparison", "claim F1", *FIELDS, "exact"], rows)
        )
        out[pair] = {
            "runs": {
                k: {kk: vv for kk, vv in r.items() if kk != "errors"} for k, r in runs.items()
            },
            "consensus": cons,
        }
    body = (
        "## Inter-annotator agreement (`bench/agreement.py`)\n\n"
        "How far two annotators who follow SPEC and fixtures/README.md agree on the same "
        "articles, and where the system stands between them. Both annotations were written "
        "by sessions of the same kind (an LLM annotator following the same written "
        "conventions), so their agreement is an upper bound on what independent human "
        "annotators would reach, not a measurement of it.\n\n" + "\n\n".join(parts)
    )
    update_section("agreement", body)
    write_json("agreement", out)
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
