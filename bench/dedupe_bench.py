"""Dedupe benchmark: quality on the fixtures' gold groups, and scale on synthetic claims.

    .venv/bin/python bench/dedupe_bench.py                  # everything (writes docs + json)
    .venv/bin/python bench/dedupe_bench.py --sizes 10000 --bare-sizes 10000   # a quick run
    .venv/bin/python bench/dedupe_bench.py --no-e2e --no-baseline

Quality (SPEC section 4: pairwise and B-cubed F1 over ``groups.json``):
* *gold claims*: ``dedupe`` on the gold claims of each fixture set (Claim objects built
  from ``fixtures/<set>/<doc_id>.json`` with ids added), so the dedupe step is measured
  apart from extraction errors;
* *end to end*: ``migration-extract bench fixtures/<set>`` (extraction, then dedupe on the
  predicted claims), which moves as the extractors change.

Scale: synthetic extraction records (articles with a ``published`` date, the shape
``migration-extract extract`` writes) and, for comparison, bare claim dicts, as JSON
lines, grouped by ``dedupe_jsonl`` (what ``migration-extract dedupe`` runs) in a fresh
subprocess per size; wall time, CPU time and peak RSS (``ru_maxrss``) of that process.
The generator knows which fact each claim restates, so pairwise precision/recall on the
synthetic set is reported too. Baseline: all-pairs ``rapidfuzz.process.cdist``
(``token_set_ratio``, ``workers=-1``) over the sentences of the 10k set.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import ROOT, table, update_section, write_json

sys.path.insert(0, str(ROOT / "src"))

PY = sys.executable


# ------------------------------------------------------------------------------- quality


def gold_claims(set_name: str) -> tuple[list, list[dict]]:
    """The gold claims of a set, and the same claims as extraction records (doc_id,
    published, claims): what ``migration-extract extract`` writes and dedupe reads."""
    from migration_extract.records import Claim, claim_id

    out, records = [], []
    for p in sorted((ROOT / "fixtures" / set_name).glob("*.json")):
        if p.name == "groups.json":
            continue
        g = json.loads(p.read_text(encoding="utf-8"))
        mine = []
        for c in g["claims"]:
            q = c["quantity"]
            d = {**c, "doc_id": g["doc_id"], "id": claim_id(g["doc_id"], q["start"], q["end"])}
            out.append(Claim.from_dict(d))
            mine.append(out[-1].to_dict())
        records.append({"doc_id": g["doc_id"], "published": g.get("published"), "claims": mine})
    return out, records


def quality_gold(set_name: str) -> dict:
    from migration_extract.dedupe import dedupe
    from migration_extract.scoring import _dedupe_scores

    claims, records = gold_claims(set_name)
    gold = json.loads((ROOT / "fixtures" / set_name / "groups.json").read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    groups = dedupe(records)  # with each article's publication date, as in real use
    dt = time.perf_counter() - t0
    start = {(c.doc_id, c.id): c.quantity.start for c in claims}
    pred = [[(m.doc_id, start[(m.doc_id, m.claim_id)]) for m in g.members] for g in groups]
    keys = {(c.doc_id, c.quantity.start): (c.doc_id, c.quantity.start) for c in claims}
    r = _dedupe_scores(gold, pred, keys)
    r["seconds"] = dt
    return r


def quality_e2e(set_name: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "res.json"
        cmd = [str(ROOT / ".venv" / "bin" / "migration-extract"), "bench",
               str(ROOT / "fixtures" / set_name), "--out", str(out)]  # fmt: skip
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0 or not out.exists():
            return {"error": (p.stderr or p.stdout).strip().splitlines()[-1:]}
        res = json.loads(out.read_text(encoding="utf-8"))
        d = res.get("dedupe", {})
        d["claims_f1"] = res["claims"]["f1"]
        return d


# ------------------------------------------------------------------------------ synthetic

_COUNTRIES = ("RU UA GE KZ AM TR FI PL RO MD HU DE FR IT ES GR MX US CA CO VE PE EC PA BR SD "
              "TD EG SS ET SO AF PK IR IQ SY LB JO BD MM IN CN MN TN LY MA DZ NG NE ML GB "
              "NO SE AT CZ SK RS BA AL KG UZ").split()  # fmt: skip
_DEMONYM = {c: c.lower() + "-nationals" for c in _COUNTRIES}
_EVENTS = ["arrival"] * 30 + ["departure"] * 15 + ["stock"] * 15 + ["border_encounter"] * 10 + \
    ["asylum"] * 8 + ["return"] * 6 + ["onward"] * 4 + ["mobilization"] * 3 + \
    ["casualty"] * 6 + ["other"] * 3  # fmt: skip
_VERBS = {"arrival": ["entered", "arrived in", "crossed into"], "departure": ["left", "fled"],
          "stock": ["are staying in", "are sheltering in"],
          "border_encounter": ["were stopped at the border of", "were apprehended in"],
          "asylum": ["applied for asylum in", "sought protection in"],
          "return": ["were deported to", "returned to"], "onward": ["moved on from"],
          "mobilization": ["were called up in"], "casualty": ["were killed in", "died in"],
          "other": ["were relocated in"]}  # fmt: skip
_POP = ["people", "migrants", "refugees", "men", "citizens", "asylum seekers", "families"]
_SRC = ["UNHCR", "IOM", "Interior Ministry", "border police", "Frontex", "CBP", "UNICEF",
        "the government", "local officials", "Red Cross", "coast guard", "NRC"]  # fmt: skip
_LEAD = [
    "Officials said",
    "According to the ministry,",
    "Figures released on Monday show",
    "The agency reported that",
    "Aid groups estimate",
    "Data published this week show",
]
_VAGUE = [(100, 999, "hundreds"), (1000, 9999, "thousands"), (10000, 99999, "tens of thousands"),
          (100000, 999999, "hundreds of thousands")]  # fmt: skip


def _fmt(v: float) -> str:
    if v >= 1_000_000 and v % 100_000 == 0:
        return f"{v / 1_000_000:g} million"
    return f"{int(v):,}"


def _restate(rng: random.Random, v: float) -> tuple[float, str | None, str]:
    """A reported version of the true value: exact, rounded, hedged."""
    r = rng.random()
    digits = len(str(int(v)))
    if r < 0.3:
        return v, None, _fmt(v)
    if r < 0.6:  # about <rounded to 2 significant digits>
        w = round(v, -max(digits - 2, 0))
        return w, "about", "about " + _fmt(w)
    if r < 0.75:  # more than <rounded down>
        unit = 10 ** max(digits - 2, 0)
        w = (v // unit) * unit
        return w, "more_than", "more than " + _fmt(w)
    if r < 0.9:  # nearly <rounded up>
        unit = 10 ** max(digits - 2, 0)
        w = -(-v // unit) * unit
        return w, "nearly", "nearly " + _fmt(w)
    w = round(v, -max(digits - 3, 0))
    return w, None, _fmt(w)


def _claim_dict(rng: random.Random, fact: dict, did: str, ss: int) -> dict:
    """One reported version of a fact, as ``Claim.to_dict()`` writes it."""
    from migration_extract.records import claim_id

    ev, dest, per, vague, t = fact["ev"], fact["dest"], fact["per"], fact["vague"], fact["t"]
    if vague:
        val, qual, qtext, low, high, approx = None, None, vague[2], vague[0], vague[1], True
    else:
        val, qual, qtext = _restate(rng, fact["v"])
        low = val if qual == "more_than" else None
        high = val if qual == "nearly" else None
        approx = qual in ("about", "nearly")
    o = fact["orig"] if rng.random() < 0.85 else None
    verb = rng.choice(_VERBS[ev])
    lead = rng.choice(_LEAD)
    src = fact["src"]
    popt = (_DEMONYM[o] + " " + fact["pop"]) if o and rng.random() < 0.5 else fact["pop"]
    rate = {"day": " a day", "week": " a week", "month": " a month"}.get(per, "")
    sent = f"{lead} {qtext} {popt} {verb} {dest}{rate} ({src})."
    qs = sent.index(qtext)
    tm = None
    if t is not None and rng.random() < 0.85:
        tm = {"text": "then", "start": ss, "end": ss + 4,
              "from": date.fromordinal(t[0]).isoformat() if t[0] else None,
              "to": date.fromordinal(t[1]).isoformat()}  # fmt: skip
    return {
        "id": f"f{fact['n']}-{claim_id(did, ss + qs, ss + qs + len(qtext))[:8]}",
        "doc_id": did,
        "quantity": {"text": qtext, "start": ss + qs, "end": ss + qs + len(qtext),
                     "value": val, "low": low, "high": high, "approximate": approx,
                     "qualifier": qual, "per": per, "kind": "count"},  # fmt: skip
        "sentence": {"text": sent, "start": ss, "end": ss + len(sent)},
        "population": {"text": popt, "start": ss, "end": ss + len(popt)},
        "event": {"type": ev, "text": verb, "start": ss, "end": ss + len(verb)},
        "origin": {"code": o, "text": o, "start": ss, "end": ss + 2} if o else None,
        "destination": {"code": dest, "text": dest, "start": ss, "end": ss + 2}
        if rng.random() < 0.95 else None,
        "time": tm,
        "source": {"name": src, "kind": "organization", "role": None, "country": None,
                   "text": src, "start": ss, "end": ss + len(src)}
        if rng.random() < 0.7 else None,
        "confidence": round(rng.uniform(0.4, 0.95), 2),
    }  # fmt: skip


def _fact(rng: random.Random, n: int, day: int, last_v: float, span_days: int) -> dict:
    """A fact reported around ``day``: about half carry a time (ending a few days before
    ``day``, spans of a day to a year, 30% open-ended), the others none."""
    ev = rng.choice(_EVENTS)
    dest = rng.choice(_COUNTRIES)
    orig = rng.choice(_COUNTRIES) if rng.random() < 0.7 else None
    # a distractor (5%): same number as the previous fact
    v = last_v if rng.random() < 0.05 else float(int(10 ** rng.uniform(1.3, 6.7)))
    per = rng.choice(["day", "week", "month"]) if rng.random() < 0.12 else None
    vague = next((x for x in _VAGUE if x[0] <= v <= x[1]), None) if rng.random() < 0.05 \
        else None  # fmt: skip
    t = None
    if rng.random() < 0.5:
        t1 = day - rng.randrange(0, 4) if span_days else rng.randrange(day, day + 3650)
        span = rng.choice([0, 6, 30, 90, 365])
        t = (t1 - span, t1) if rng.random() < 0.7 else (None, t1)
    return {"n": n, "ev": ev, "dest": dest, "orig": orig, "v": v, "per": per, "vague": vague,
            "t": t, "pop": rng.choice(_POP), "src": rng.choice(_SRC)}  # fmt: skip


def synth(n: int, path: Path, seed: int = 7) -> dict:
    """Write about ``n`` claims as extraction records (one JSON line per article, the
    shape ``migration-extract extract`` writes: doc_id, published, text, claims, ...).

    Articles are published over two years (2022-2023, fewer at weekends, a burst of
    three times the rate for a month every few months); each holds 1-15 claims (mean
    about 6). Each fact is restated 1..8 times (mean about 2.5) with rounding and hedge
    variation, dropped fields and other wording, by articles published within 0-4 days
    of the first report; 5% are distractors sharing a number with another fact."""
    rng = random.Random(seed)
    day0, days = date(2022, 1, 1).toordinal(), 730
    weight = [(0.5 if date.fromordinal(day0 + d).weekday() >= 5 else 1.0)
              * (3.0 if (d // 30) % 5 == 2 else 1.0) for d in range(days)]  # fmt: skip
    per_day = n / 2.1 / sum(weight)  # facts per unit of weight
    pending: dict[int, list[dict]] = {}  # publication day -> claims waiting for an article
    written = facts = doc = 0
    last_v = 1000.0
    with open(path, "w", encoding="utf-8") as fh:
        d = 0
        while written < n:
            day = day0 + d
            if d < days:
                for _ in range(int(per_day * weight[d] + rng.random())):
                    facts += 1
                    fact = _fact(rng, facts, day, last_v, 1)
                    last_v = fact["v"]
                    for _k in range(min(1 + int(rng.expovariate(1 / 1.6)), 8)):
                        pending.setdefault(day + rng.choice((0, 0, 1, 1, 2, 3, 4)), []).append(fact)
            today = pending.pop(day, [])
            if d >= days and not pending and not today:
                break
            rng.shuffle(today)
            while today and written < n:
                k = min(rng.randint(1, 15), len(today), n - written)
                doc += 1
                did = f"doc-{doc:07d}"
                claims, text, ss = [], [], 0
                for fact in today[:k]:
                    c = _claim_dict(rng, fact, did, ss)
                    claims.append(c)
                    text.append(c["sentence"]["text"])
                    ss += len(c["sentence"]["text"]) + 1
                del today[:k]
                rec = {"doc_id": did, "published": date.fromordinal(day).isoformat(),
                       "text": " ".join(text), "claims": claims, "countries": [],
                       "places": [], "officials": [], "dates": [], "quantities": []}  # fmt: skip
                fh.write(json.dumps(rec) + "\n")
                written += k
            d += 1
    return {"claims": written, "facts": facts, "documents": doc}


def synth_bare(n: int, path: Path, seed: int = 7) -> dict:
    """The earlier scale set: ``n`` bare claim dicts (no article, no publication date),
    facts spread over 10 years, 3-12 claims per document id."""
    rng = random.Random(seed)
    day0 = date(2015, 1, 1).toordinal()
    written = doc = per_doc = facts = 0
    last_v = 1000.0
    with open(path, "w", encoding="utf-8") as fh:
        while written < n:
            facts += 1
            fact = _fact(rng, facts, day0, last_v, 0)
            last_v = fact["v"]
            for _ in range(min(1 + int(rng.expovariate(1 / 1.6)), 8)):
                if written >= n:
                    break
                if per_doc == 0:
                    doc += 1
                    per_doc = rng.randint(3, 12)
                per_doc -= 1
                ss = rng.randrange(0, 3000)
                fh.write(json.dumps(_claim_dict(rng, fact, f"doc-{doc:07d}", ss)) + "\n")
                written += 1
    return {"claims": written, "facts": facts, "documents": doc}


def _pairs(sizes: Counter) -> int:
    return sum(s * (s - 1) // 2 for s in sizes.values())


def run_one(path: str) -> None:
    """In a fresh process: dedupe_jsonl(path); print time, peak RSS and synthetic P/R."""
    from migration_extract.dedupe import dedupe_jsonl

    t0 = time.perf_counter()
    groups = dedupe_jsonl(path)
    dt = time.perf_counter() - t0
    ru = resource.getrusage(resource.RUSAGE_SELF)
    rss = ru.ru_maxrss / 1024
    pred, gold, both = Counter(), Counter(), Counter()
    for gi, g in enumerate(groups):
        for m in g.members:
            fact = m.claim_id.split("-", 1)[0]
            pred[gi] += 1
            gold[fact] += 1
            both[(gi, fact)] += 1
    tp, pp, gp = _pairs(both), _pairs(pred), _pairs(gold)
    cpu = ru.ru_utime + ru.ru_stime
    print(json.dumps({"seconds": dt, "peak_rss_mb": rss, "cpu_seconds": cpu, "groups": len(groups),
                      "multi": sum(1 for g in groups if len(g.members) > 1),
                      "precision": tp / pp if pp else 1.0,
                      "recall": tp / gp if gp else 1.0}))  # fmt: skip


def baseline(path: Path) -> dict:
    code = f"""
import json, time, resource
from rapidfuzz import process, fuzz
sents = [json.loads(l)["sentence"]["text"].lower() for l in open({str(path)!r})]
t0 = time.perf_counter()
m = process.cdist(sents, sents, scorer=fuzz.token_set_ratio, dtype="uint8", workers=-1)
dt = time.perf_counter() - t0
print(json.dumps({{"seconds": dt, "pairs": len(sents) ** 2,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
    p = subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(p.stdout.strip().splitlines()[-1])


def scale(n: int, tmp: Path, series: str = "articles", repeat: int = 1) -> dict:
    """Generate the set once and dedupe it ``repeat`` times, each in a fresh process;
    time and memory are the medians (the machine is shared: single runs vary by about
    15%), with every run's wall and CPU seconds kept in ``runs``."""
    path = tmp / f"synth_{series}_{n}.jsonl"
    t0 = time.perf_counter()
    meta = (synth if series == "articles" else synth_bare)(n, path)
    gen = time.perf_counter() - t0
    runs = []
    for _ in range(max(1, repeat)):
        p = subprocess.run([PY, __file__, "--run-one", str(path)], capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError(p.stderr[-2000:])
        runs.append(json.loads(p.stdout.strip().splitlines()[-1]))
    r = dict(runs[0])
    for k in ("seconds", "cpu_seconds", "peak_rss_mb"):
        r[k] = statistics.median(x[k] for x in runs)
    r["runs"] = [(x["seconds"], x["cpu_seconds"]) for x in runs]
    r.update(meta)
    r["file_mb"] = path.stat().st_size / 2**20
    r["generate_seconds"] = gen
    r["path"] = str(path)
    r["series"] = series
    return r


# --------------------------------------------------------------------------------- report


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--sizes", default="10000,100000,300000,1000000", help="sizes of the articles series"
    )
    ap.add_argument(
        "--bare-sizes",
        default="10000,100000,300000",
        help="sizes of the bare series (1M runs are rationed on a shared machine)",
    )
    ap.add_argument("--no-e2e", action="store_true")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument(
        "--series",
        default="articles,bare",
        help="articles: extraction records with dates; bare: claim dicts",
    )
    ap.add_argument("--note", help="a sentence appended to the section (e.g. runs not redone)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs per size (fresh processes, same file); medians are reported")
    ap.add_argument("--run-one")
    args = ap.parse_args()
    if args.run_one:
        run_one(args.run_one)
        return
    data: dict = {"gold": {}, "e2e": {}, "scale": [], "baseline": None, "note": args.note}
    for s in ("seeds", "team"):
        data["gold"][s] = quality_gold(s)
        if not args.no_e2e:
            data["e2e"][s] = quality_e2e(s)
    with tempfile.TemporaryDirectory(prefix="dedupe_bench_") as tmpd:
        tmp = Path(tmpd)
        for series in args.series.split(","):
            sizes = [int(x) for x in (args.sizes if series == "articles"
                                      else args.bare_sizes).split(",")]  # fmt: skip
            for n in sizes:
                load_before = os.getloadavg()[0]
                r = scale(n, tmp, series, args.repeat)
                r["loadavg_before"] = load_before
                r["loadavg_after"] = os.getloadavg()[0]
                print(f"{series} n={n}: {r['seconds']:.1f}s, {r['cpu_seconds']:.1f}s CPU, "
                      f"{r['peak_rss_mb']:.0f} MB", file=sys.stderr)  # fmt: skip
                data["scale"].append(r)
                if n != sizes[-1] and not (series == "bare" and n == 10000):
                    Path(r["path"]).unlink()  # the bare 10k set is the baseline's input
        small = next((r for r in data["scale"]
                      if r["claims"] == 10000 and r["series"] == "bare"), None)  # fmt: skip
        if small and not args.no_baseline:
            data["baseline"] = baseline(Path(small["path"]))
    for r in data["scale"]:
        r.pop("path", None)
    write_json("dedupe", data)
    update_section("dedupe", render(data))


def render(data: dict) -> str:
    md = ["### Dedupe: gold groups and synthetic scale (`bench/dedupe_bench.py`)", "",
          "Method and rules: docs/dedupe.md. Quality is SPEC section 4's pairwise and B-cubed",
          "F1 over `fixtures/<set>/groups.json`. *Gold claims*: `dedupe` run on the gold",
          "claims themselves, read as extraction records with their articles' publication",
          "dates (the dedupe step alone). *End to end*: `migration-extract bench",
          "fixtures/<set>` (predicted claims, so extraction errors count; only gold claims",
          "matched by a prediction are scored).", ""]  # fmt: skip
    rows = []
    for s in ("seeds", "team"):
        g = data["gold"][s]
        rows.append([s, "gold claims", g["claims"], g["gold_pairs"], g["pairwise_precision"],
                     g["pairwise_recall"], g["pairwise_f1"], g["bcubed_f1"]])  # fmt: skip
        e = data["e2e"].get(s)
        if e and "pairwise_f1" in e:
            rows.append([s, "end to end", e["claims"], e["gold_pairs"], e["pairwise_precision"],
                         e["pairwise_recall"], e["pairwise_f1"], e["bcubed_f1"]])  # fmt: skip
        elif e:
            rows.append(
                [s, "end to end", "error: " + " ".join(e.get("error", [])), "", "", "", "", ""]
            )
    md.append(table(["set", "input", "scored claims", "gold pairs", "pairwise P",
                     "pairwise R", "pairwise F1", "B-cubed F1"], rows))  # fmt: skip
    md += [
        "",
        "**Scale.** `dedupe_jsonl` (what `migration-extract dedupe` runs) in a fresh",
        "process per size; time is the whole call (reading and parsing the file, features,",
        "blocking, scoring, clustering, building the groups and canonical claims), memory the",
        "process's peak RSS; P/R: pairwise against the generator's facts. Facts are",
        "restated 1-8 times (mean about 2.1) with rounding and hedge variation, dropped",
        "fields and other wording; 5% distractor facts share a number with another fact;",
        "about 60 countries, 10 event types; half the facts carry a time. Candidates per",
        "claim are bounded (`DedupeConfig.window`, sorted neighbourhoods: docs/dedupe.md,",
        "section 6).",
        "",
        "* *articles* (the pipeline's input, `extract ... > out.jsonl`): extraction",
        "  records, one per article, published over 2022-2023 (fewer at weekends, a",
        "  three-fold burst one month in five), 1-15 claims each; a fact's restatements",
        "  are published within 0-4 days. Claims without a time get the publication",
        "  window (docs/dedupe.md, rule 7).",
        "* *bare*: claim dicts with no article and no publication date, facts spread",
        "  over 10 years (the earlier scale set): time-less claims match any time.",
        "",
    ]
    for series in ("articles", "bare"):
        rows = []
        prev = None
        for r in data["scale"]:
            if r.get("series", "bare") != series:
                continue
            growth = f"{r['seconds'] / prev['seconds']:.1f}x wall, " \
                     f"{r['cpu_seconds'] / prev['cpu_seconds']:.1f}x CPU, " \
                     f"{r['peak_rss_mb'] / prev['peak_rss_mb']:.1f}x memory for " \
                     f"{r['claims'] / prev['claims']:.0f}x claims" if prev else "—"  # fmt: skip
            rows.append([series, f"{r['claims']:,}", f"{r['file_mb']:.0f} MB",
                         f"{r['seconds']:.1f}", f"{r['cpu_seconds']:.1f}",
                         f"{r['peak_rss_mb']:.0f}", f"{r['groups']:,}", r["precision"],
                         r["recall"], growth])  # fmt: skip
            prev = r
        if rows:
            md.append(table(["input", "claims", "file", "seconds (wall)", "CPU s (process)",
                             "peak RSS MB", "groups", "pairwise P", "pairwise R",
                             "growth vs previous"], rows))  # fmt: skip
            md.append("")
            by_n = {r["claims"]: r for r in data["scale"] if r.get("series", "bare") == series}
            if 100_000 in by_n and 1_000_000 in by_n:
                a, b = by_n[100_000], by_n[1_000_000]
                md += [
                    f"Growth {series} 100k → 1M: {b['seconds'] / a['seconds']:.1f}x wall, "
                    f"{b['cpu_seconds'] / a['cpu_seconds']:.1f}x CPU (target ≤ 12x), medians "
                    f"of {len(a.get('runs', [0]))} and {len(b.get('runs', [0]))} runs; "
                    "single runs (wall s): 100k "
                    + ", ".join(f"{w:.1f}" for w, _ in a.get("runs", []))
                    + "; 1M " + ", ".join(f"{w:.1f}" for w, _ in b.get("runs", [])) + ".",
                    "",
                ]
    b = data.get("baseline")
    if b:
        md += ["", f"All-pairs baseline: `rapidfuzz.process.cdist(token_set_ratio, workers=-1)` "
               f"over the 10k set's sentences: {b['seconds']:.1f} s for {b['pairs']:,} pairs "
               f"(peak RSS {b['peak_rss_mb']:.0f} MB), scoring only, no grouping."]  # fmt: skip
    loads = [(r.get("loadavg_before"), r["loadavg_after"]) for r in data["scale"]
             if "loadavg_after" in r]  # fmt: skip
    md += ["", f"Machine: {os.cpu_count()} cores, shared"
           + (" (1-minute load average before/after each size: "
              + ", ".join(f"{x if x is not None else float('nan'):.1f}/{y:.1f}" for x, y in loads)
              + "; wall time above CPU time means other jobs held the cores)" if loads else "")
           + "." + (" " + data["note"] if data.get("note") else "")]  # fmt: skip
    return "\n".join(md)


if __name__ == "__main__":
    main()
