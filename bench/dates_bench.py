"""Date benchmark: our pure finder, our full pipeline and dateparser, side by side, on
MEANTIME English (NewsReader, Wikinews) and the TempEval-3 platinum test set.

    .venv/bin/python bench/dates_bench.py [--peer ../shared/peer] [--no-pipeline]

Reads the peer data in place (nothing of it is copied into the repo), prints a compact
table, writes bench/out/dates.json (every miss, wrong value and false positive with its
context) and rewrites the "dates" section of docs/benchmarks.md.

Scoring (documented again in the docs section this script writes):

* Gold = TIMEX3 in the article text, minus the document creation time (DCT). Three
  classes: ``specific`` = type DATE whose value maps to an interval (the main set);
  ``nonspecific`` = type DATE with PRESENT_REF/PAST_REF/FUTURE_REF, X-filled values,
  P-durations mis-typed as DATE, company fiscal years; ``other`` = TIME, DURATION, SET.
* Detection by character-span overlap. A prediction overlapping a specific gold is a TP;
  one overlapping only a nonspecific or other-type gold is *neutral* (counted, not scored:
  the SPEC's date mention and TimeML's TIMEX3 disagree there by design); one overlapping
  no TIMEX3 at all is a FP. A gold is found when any prediction overlaps it.
* Value: each found specific gold is paired with the overlapping prediction of largest
  overlap; ours matches when (from, to) equals the gold interval; dateparser (a point)
  matches only on day-valued golds when its point is that day; "inside" is the lenient
  rate (our interval inside the gold interval / dateparser's point inside it).
"""

from __future__ import annotations

import argparse
import calendar
import html
import re
import sys
import time
import traceback
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import peer_dir, table, update_section, write_json

F1_TARGET = 0.90
VALUE_TARGET = 0.85

# ------------------------------------------------------------------------ data model


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str
    kind: str  # specific | nonspecific | other
    iv: tuple[date, date] | None
    gran: str | None


@dataclass
class Doc:
    corpus: str
    doc_id: str
    text: str
    published: date
    gold: list[Gold]
    ignore: list[tuple[int, int]] = field(default_factory=list)  # the DCT's own span
    scored_end: int | None = None  # predictions starting at or after this are not scored


@dataclass
class Pred:
    start: int
    end: int
    text: str
    lo: date | None
    hi: date | None


# ------------------------------------------------------------------- value -> interval


def _mend(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


_SEASON = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def _apply_mod(iv: tuple[date, date], gran: str, mod: str) -> tuple[tuple[date, date], str]:
    """START/MID/END on a month or a year, split as the library splits early/mid/late:
    days 1-10 / 11-20 / 21-end, and Jan-Apr / May-Aug / Sep-Dec. Other mods are ignored."""
    lo, hi = iv
    if mod not in ("START", "MID", "END") or gran not in ("month", "year"):
        return iv, gran
    if gran == "month":
        parts = {"START": (1, 10), "MID": (11, 20), "END": (21, hi.day)}
        a, b = parts[mod]
        return (lo.replace(day=a), lo.replace(day=b)), f"month-{mod.lower()}"
    parts_y = {"START": (1, 4), "MID": (5, 8), "END": (9, 12)}
    a, b = parts_y[mod]
    return (date(lo.year, a, 1), _mend(lo.year, b)), f"year-{mod.lower()}"


def value_interval(value: str, mod: str = "") -> tuple[tuple[date, date], str] | None:
    """A TIMEX3 value as an inclusive (from, to) interval and its granularity, or None."""
    v = value.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return (d, d), "day"
        if m := re.fullmatch(r"(\d{4})-(\d{2})(?:-XX)?", v):
            y, mo = int(m[1]), int(m[2])
            return _apply_mod((date(y, mo, 1), _mend(y, mo)), "month", mod)
        if m := re.fullmatch(r"(\d{4})", v):
            y = int(m[1])
            return _apply_mod((date(y, 1, 1), date(y, 12, 31)), "year", mod)
        if m := re.fullmatch(r"(\d{4})-W(\d{2})-WE", v):
            sat = date.fromisocalendar(int(m[1]), int(m[2]), 6)
            return (sat, sat + timedelta(days=1)), "weekend"
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", v):
            mon = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return (mon, mon + timedelta(days=6)), "week"
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            return (date(y, 3 * q - 2, 1), _mend(y, 3 * q)), "quarter"
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m[1]), int(m[2])
            return (date(y, 6 * h - 5, 1), _mend(y, 6 * h)), "half"
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y = int(m[1])
            a, b = _SEASON[m[2]]
            if m[2] == "WI":  # winter of Y = Dec Y - Feb Y+1 (the library's convention)
                return (date(y, 12, 1), _mend(y + 1, 2)), "season"
            return (date(y, a, 1), _mend(y, b)), "season"
        if m := re.fullmatch(r"(\d{3})X?", v):
            y = int(m[1]) * 10
            return (date(y, 1, 1), date(y + 9, 12, 31)), "decade"
        if m := re.fullmatch(r"(\d{2})(?:XX)?", v):
            y = int(m[1]) * 100
            return (date(y, 1, 1), date(y + 99, 12, 31)), "century"
    except ValueError:
        return None
    return None


def make_gold(start: int, end: int, text: str, typ: str, value: str, mod: str) -> Gold:
    if typ == "DATE":
        r = value_interval(value, mod)
        if r is not None:
            return Gold(start, end, text, typ, value, mod, "specific", r[0], r[1])
        return Gold(start, end, text, typ, value, mod, "nonspecific", None, None)
    return Gold(start, end, text, typ, value, mod, "other", None, None)


# --------------------------------------------------------------------------- loaders

_NO_SPACE_BEFORE = {",", ".", ";", ":", "%", ")", "]", "?", "!", "...", "''", "'s", "'re",
                    "'ve", "n't", "'ll", "'d", "'m", "'", "’", "”", "’s"}  # fmt: skip
_NO_SPACE_AFTER = {"(", "[", "$", "US$", "CA$", "AU$", "£", "``", "“", "`", "#"}


def _dct(v: str) -> date:
    """One MEANTIME DCT is written DD-MM-YYYY ("03-02-2009" for February 03, 2009)."""
    if m := re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", v):
        return date(int(m[3]), int(m[2]), int(m[1]))
    return date.fromisoformat(v[:10])


def load_meantime(peer: Path) -> list[Doc]:
    """CAT standoff XML: rebuild the text from the tokens (light detokenisation: no space
    before punctuation and clitics, `` '' as straight quotes; a newline after the title
    and after the dateline) and map each TIMEX3's token anchors to character offsets."""
    docs = []
    for f in sorted((peer / "meantime-en" / "intra-doc_annotation").glob("*/*.xml")):
        root = ET.parse(f).getroot()
        parts: list[str] = []
        offs: dict[str, tuple[int, int]] = {}
        sent_of: dict[str, int] = {}
        sent_end: dict[int, int] = {}
        pos = 0
        prev_tok, prev_sent, dq_open = None, None, False
        for t in root.iter("token"):
            tok = t.text or ""
            sent = t.get("sentence")
            surf = '"' if tok in ("``", "''") else tok
            if prev_tok is None:
                sep = ""
            elif sent != prev_sent and prev_sent in ("0", "1"):
                sep = "\n"
            elif tok in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER:
                sep = ""
            elif tok == '"':
                sep = "" if dq_open else " "
            elif prev_tok == '"' and dq_open:
                sep = ""
            else:
                sep = " "
            if tok == '"':
                dq_open = not dq_open
            parts.append(sep)
            pos += len(sep)
            offs[t.get("t_id")] = (pos, pos + len(surf))
            parts.append(surf)
            pos += len(surf)
            sent_of[t.get("t_id")] = int(sent or 0)
            sent_end[int(sent or 0)] = pos
            prev_tok, prev_sent = tok, sent
        text = "".join(parts)
        pub, gold, ignore = None, [], []
        timexes = list(root.iter("TIMEX3"))
        has_dct = any(tx.get("functionInDocument") == "CREATION_TIME" for tx in timexes)
        # only the title, the dateline and the first sentences are annotated (sentences
        # 0-5 in every file): predictions after the last annotated sentence are not scored
        anchors = [a for el in root.iter() for a in el.findall("token_anchor")]
        annotated = [sent_of[a.get("t_id")] for a in anchors]
        last_sent = max([5, *annotated])
        scored_end = sent_end.get(last_sent, len(text))
        for tx in timexes:
            ids = [a.get("t_id") for a in tx.findall("token_anchor")]
            span = (min(offs[i][0] for i in ids), max(offs[i][1] for i in ids)) if ids else None
            # two files mark their dateline TIMEX3 functionInDocument="NONE": it is the DCT
            is_dateline = (not has_dct and ids and tx.get("type") == "DATE"
                           and all(sent_of[i] == 1 for i in ids))  # fmt: skip
            if tx.get("functionInDocument") == "CREATION_TIME" or is_dateline:
                pub = _dct(tx.get("value") or "")
                if span:
                    ignore.append(span)
                continue
            if span is None:  # non-textual TIMEX3 (a begin/end point), nothing to find
                continue
            gold.append(make_gold(span[0], span[1], text[span[0] : span[1]], tx.get("type"),
                                  tx.get("value") or "", tx.get("mod") or ""))  # fmt: skip
        docs.append(Doc("meantime", root.get("doc_name") or f.stem, text, pub, gold, ignore,
                        scored_end))  # fmt: skip
    return docs


_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def load_tempeval(peer: Path) -> list[Doc]:
    """TimeML inline XML: the scored text is the TEXT element with tags stripped and
    entities unescaped; the DCT is the TIMEX3 with functionInDocument=CREATION_TIME."""
    docs = []
    for f in sorted((peer / "tempeval3-platinum").glob("*.tml")):
        raw = f.read_text(encoding="utf-8")
        dct = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
        pub = date.fromisoformat(dict(_ATTR.findall(dct.group(0)))["value"][:10])
        body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
        out: list[str] = []
        pos, last = 0, 0
        open_tx: tuple[int, dict[str, str]] | None = None
        gold = []
        for m in _TAG.finditer(body):
            chunk = html.unescape(body[last : m.start()])
            out.append(chunk)
            pos += len(chunk)
            last = m.end()
            if m[2] != "TIMEX3":
                continue
            if not m[1]:
                open_tx = (pos, dict(_ATTR.findall(m[3])))
            elif open_tx is not None:
                s, at = open_tx
                open_tx = None
                text = "".join(out)
                gold.append(make_gold(s, pos, text[s:pos], at.get("type", ""),
                                      at.get("value", ""), at.get("mod", "")))  # fmt: skip
        out.append(html.unescape(body[last:]))
        text = "".join(out)
        docs.append(Doc("tempeval3", f.stem, text, pub, gold))
    return docs


# --------------------------------------------------------------------------- systems


def run_pure(doc: Doc) -> list[Pred]:
    from migration_extract.dates import find_dates

    return [_pred(m) for m in find_dates(doc.text, doc.published)]


_NLP: Any = None


def run_pipeline(doc: Doc) -> list[Pred]:
    global _NLP
    from migration_extract import extract, load

    if _NLP is None:
        _NLP = load()
    ex = extract(doc.text, published=doc.published.isoformat(), doc_id=doc.doc_id, nlp=_NLP)
    return [_pred(m) for m in ex.dates]


def _pred(m: Any) -> Pred:
    lo = date.fromisoformat(m.date_from) if m.date_from else None
    hi = date.fromisoformat(m.date_to) if m.date_to else None
    return Pred(m.start, m.end, m.text, lo, hi)


def run_dateparser(doc: Doc) -> list[Pred]:
    """search_dates returns (substring, datetime) pairs without offsets: each substring is
    located left to right from the end of the previous one."""
    from dateparser.search import search_dates

    base = datetime(doc.published.year, doc.published.month, doc.published.day)
    res = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    preds, cursor = [], 0
    for sub, dt in res:
        i = doc.text.find(sub, cursor)
        if i < 0:
            i = doc.text.find(sub)
        if i < 0:
            continue
        cursor = i + len(sub)
        preds.append(Pred(i, i + len(sub), sub, dt.date(), dt.date()))
    return preds


SYSTEMS = {
    "ours (pure find_dates)": run_pure,
    "ours (pipeline extract().dates)": run_pipeline,
    "dateparser.search_dates": run_dateparser,
}
POINT_SYSTEMS = {"dateparser.search_dates"}


# --------------------------------------------------------------------------- scoring


def _ov(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _ctx(text: str, s: int, e: int, w: int = 45) -> str:
    a, b = max(0, s - w), min(len(text), e + w)
    return (text[a:s] + "[[" + text[s:e] + "]]" + text[e:b]).replace("\n", " ")


def _iv(lo: date | None, hi: date | None) -> str:
    if lo is None and hi is None:
        return "None"
    return f"{lo}..{hi}" if lo != hi else str(lo)


def diagnose(p: Pred, g: Gold, doc: Doc, n_gold_covered: int) -> str:
    """A short label for a wrong value (ours)."""
    glo, ghi = g.iv  # type: ignore[misc]
    t = p.text.lower()
    if p.lo is None and p.hi is None:
        return "unresolved (None)"
    if t.startswith("since"):
        return "since X -> X..published (SPEC)"
    if n_gold_covered > 1 or re.match(r"(between|from)\b", t):
        return "range joined into one mention"
    if p.lo is None or p.hi is None:
        return "open interval"
    plen, glen = (p.hi - p.lo).days, (ghi - glo).days
    if p.lo <= glo and ghi <= p.hi:
        return f"ours wider than gold {g.gran}"
    if glo <= p.lo and p.hi <= ghi:
        return f"ours narrower than gold {g.gran}"
    if plen == glen:
        dy = p.lo.year - glo.year
        if (p.lo.month, p.lo.day) == (glo.month, glo.day) and dy:
            return f"right unit, year off by {dy:+d}"
        return f"right length, shifted {(p.lo - glo).days:+d} days"
    return f"different interval (gold {g.gran})"


def spec_ok(p: Pred, g: Gold, doc: Doc) -> bool:
    """A value that differs from TimeML only where the SPEC says so: 'since X' runs to
    published, 'between/from X to Y' is one interval covering both golds."""
    if p.lo is None or p.hi is None:
        return False
    glo, ghi = g.iv  # type: ignore[misc]
    t = p.text.lower()
    if t.startswith("since") and p.lo == glo and p.hi == doc.published:
        return True
    covers = p.lo <= glo and ghi <= p.hi and (p.lo == glo or p.hi == ghi)
    joined = re.match(r"(between|from)\b", t) or re.fullmatch(r"\d{4}\s*[-–/]\s*\d{2,4}", t)
    return bool(joined) and covers


def signature(s: str) -> str:
    """A pattern key for grouping failures: months, weekdays and digits abstracted."""
    s = s.strip().lower()
    s = re.sub(r"\b(january|february|march|april|may|june|july|august|september|october|"
               r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?",
               "<month>", s)  # fmt: skip
    s = re.sub(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", "<wday>", s)
    s = re.sub(r"\d", "9", s)
    return re.sub(r"\s+", " ", s)


def score(docs: list[Doc], preds: dict[str, list[Pred]], point: bool) -> dict[str, Any]:
    c: Counter[str] = Counter()
    neutral: Counter[str] = Counter()
    misses, wrong, fps, nonspec_found, other_found = [], [], [], [], []
    for doc in docs:
        end = doc.scored_end if doc.scored_end is not None else len(doc.text)
        ps = [
            p
            for p in preds.get(doc.doc_id, [])
            if p.start < end and not any(_ov(p.start, p.end, a, b) for a, b in doc.ignore)
        ]
        spec = [g for g in doc.gold if g.kind == "specific"]
        nons = [g for g in doc.gold if g.kind == "nonspecific"]
        c["gold"] += len(spec)
        c["gold_nonspecific"] += len(nons)
        c["pred"] += len(ps)
        for p in ps:
            hit = [g for g in doc.gold if _ov(p.start, p.end, g.start, g.end)]
            kinds = {g.kind for g in hit}
            if "specific" in kinds:
                c["tp"] += 1
                c["tp_all"] += 1
            elif "nonspecific" in kinds:
                neutral["DATE (non-specific value)"] += 1
                c["tp_all"] += 1
            elif hit:
                neutral[hit[0].type] += 1
            else:
                c["fp"] += 1
                c["fp_all"] += 1
                fps.append({"doc": doc.doc_id, "text": p.text, "ours": _iv(p.lo, p.hi),
                            "context": _ctx(doc.text, p.start, p.end)})  # fmt: skip
        for g in nons:
            if any(_ov(p.start, p.end, g.start, g.end) for p in ps):
                c["nonspec_found"] += 1
                nonspec_found.append(f"{g.text} ({g.value})")
        for g in doc.gold:
            if g.kind == "other" and any(_ov(p.start, p.end, g.start, g.end) for p in ps):
                other_found.append(f"{g.text} ({g.type} {g.value})")
        for g in spec:
            ov = [(p, _ov(p.start, p.end, g.start, g.end)) for p in ps]
            ov = [(p, o) for p, o in ov if o > 0]
            if not ov:
                misses.append({
                    "doc": doc.doc_id, "text": g.text, "value": g.value, "mod": g.mod,
                    "gold": _iv(*g.iv), "context": _ctx(doc.text, g.start, g.end),
                })  # fmt: skip
                continue
            c["found"] += 1
            p = max(ov, key=lambda po: (po[1], -po[0].start))[0]
            glo, ghi = g.iv  # type: ignore[misc]
            is_day = g.gran == "day"
            c["pairs"] += 1
            c["pairs_day"] += is_day
            if point:
                ok = is_day and p.lo == glo
                inside = p.lo is not None and glo <= p.lo <= ghi
                sok = ok
            else:
                ok = (p.lo, p.hi) == (glo, ghi)
                inside = p.lo is not None and p.hi is not None and glo <= p.lo and p.hi <= ghi
                sok = ok or spec_ok(p, g, doc)
            c["val_ok"] += ok
            c["val_spec_ok"] += sok
            c["val_inside"] += inside
            c["day_ok"] += is_day and ok
            if not ok:
                n_cov = sum(1 for gg in spec if _ov(p.start, p.end, gg.start, gg.end))
                wrong.append({
                    "doc": doc.doc_id, "text": p.text, "gold_text": g.text, "value": g.value,
                    "mod": g.mod, "ours": _iv(p.lo, p.hi), "gold": _iv(glo, ghi),
                    "diag": "point" if point else diagnose(p, g, doc, n_cov),
                    "spec_ok": sok, "context": _ctx(doc.text, p.start, p.end),
                })  # fmt: skip
    prec = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    rec = c["found"] / c["gold"] if c["gold"] else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    all_gold = c["gold"] + c["gold_nonspecific"]
    prec_a = c["tp_all"] / (c["tp_all"] + c["fp_all"]) if c["tp_all"] + c["fp_all"] else 0.0
    rec_a = (c["found"] + c["nonspec_found"]) / all_gold if all_gold else 0.0
    f1_a = 2 * prec_a * rec_a / (prec_a + rec_a) if prec_a + rec_a else 0.0
    strict_p = c["tp"] / c["pred"] if c["pred"] else 0.0
    pairs = c["pairs"] or 1
    return {
        "counts": dict(c), "neutral": dict(neutral),
        "precision": prec, "recall": rec, "f1": f1,
        "precision_neutral_as_fp": strict_p,
        "f1_all_date": f1_a, "precision_all_date": prec_a, "recall_all_date": rec_a,
        "value_acc": c["val_ok"] / pairs, "value_acc_spec": c["val_spec_ok"] / pairs,
        "value_inside": c["val_inside"] / pairs,
        "day_acc": c["day_ok"] / c["pairs_day"] if c["pairs_day"] else 0.0,
        "misses": misses, "wrong": wrong, "fps": fps,
        "nonspecific_found": nonspec_found, "other_type_found": other_found,
    }  # fmt: skip


# ------------------------------------------------------------------------ robustness

_ODD = [
    "", " ", "\n\n\n", "since", "between and", "from to", "Q5 2022", "the 45th quarter",
    "February 30, 2022", "31/31/31", "99/99/9999", "0/0/00", "FY99", "fiscal year 0000",
    "the winter of 2023", "last week of", "13 weeks ago", "999 days ago", "the past 0 days",
    "9999999999 years ago", "May May May", "since since since February", "mid-", "late-2022",
    "between May 2022 and", "from Monday to", "\u200b\u202eMonday\u202c", "Ｍａｙ ５",
    "Tuesday" * 500, "2022-02-29", "1800-01-01 to 2099-12-31", "the 1900s and the 2090s",
    "\x00\x01March 3\x02", "Montag", "🙂 last Friday 🙂", "a" * 20000 + " since May",
    "Sept. 31", "31st of February", "the first half of the year 3000",
    "between 2022-13-01 and 2022-12-40",
]
_PUBS: list[Any] = [None, "2022-09-28", date(2000, 2, 29), datetime(1999, 12, 31, 23, 59),
                    "2024-02-29T10:00:00Z", date(1, 1, 1), date(9999, 12, 31)]  # fmt: skip


def robustness(with_pipeline: bool) -> dict[str, Any]:
    from migration_extract.dates import find_dates

    crashes: list[str] = []
    n = 0
    for s in _ODD:
        for pub in _PUBS:
            n += 1
            try:
                for m in find_dates(s, pub):
                    if s[m.start : m.end] != m.text:
                        crashes.append(f"find_dates offsets {s[:40]!r} {pub!r}: {m}")
            except Exception as e:
                crashes.append(f"find_dates({s[:40]!r}, {pub!r}): {type(e).__name__}: {e}")
            if with_pipeline and pub in (None, "2022-09-28", date(9999, 12, 31)):
                from migration_extract import extract

                n += 1
                try:
                    extract(s, published=pub, nlp=_NLP)
                except Exception as e:
                    if type(e).__name__ not in ("InputTypeError", "InvalidDateError"):
                        crashes.append(f"extract({s[:40]!r}, {pub!r}): {type(e).__name__}: {e}")
    return {"inputs": n, "crashes": crashes}


# ---------------------------------------------------------------------------- report


def group(items: list[dict[str, Any]], key: Any, top: int = 10, ex: int = 3) -> list[list[Any]]:
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for it in items:
        by[key(it)].append(it)
    rows = []
    for k, its in sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]:
        rows.append([len(its), k, "; ".join(list(dict.fromkeys(_short(i) for i in its))[:ex])])
    return rows


def _short(it: dict[str, Any]) -> str:
    if "ours" in it and "gold" in it:
        return f"“{it['text']}” → {it['ours']} (gold {it['gold']})"
    if "gold" in it:
        return f"“{it['text']}” ({it['value']})"
    return f"“{it['text']}”"


def _esc(s: str) -> str:
    return s.replace("|", "\\|")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--peer", help="path to shared/peer (default ../shared/peer)")
    ap.add_argument("--no-pipeline", action="store_true", help="skip extract() (no spaCy)")
    args = ap.parse_args()
    peer = peer_dir(args.peer)

    corpora = {"meantime": load_meantime(peer), "tempeval3": load_tempeval(peer)}
    systems = {k: v for k, v in SYSTEMS.items() if not (args.no_pipeline and "pipeline" in k)}

    preds: dict[str, dict[str, dict[str, list[Pred]]]] = {s: {} for s in systems}
    crashes: dict[str, list[str]] = {s: [] for s in systems}
    secs: dict[str, float] = {}
    offset_errors: dict[str, int] = {s: 0 for s in systems}
    for sname, fn in systems.items():
        if "pipeline" in sname:
            run_pipeline(Doc("warmup", "warmup", "Warm up on Monday.", date(2022, 1, 1), []))
        t0 = time.perf_counter()
        for cname, docs in corpora.items():
            out = preds[sname].setdefault(cname, {})
            for d in docs:
                try:
                    ps = fn(d)
                except Exception as e:
                    crashes[sname].append(f"{cname}/{d.doc_id}: {type(e).__name__}: {e}")
                    traceback.print_exc(limit=2)
                    ps = []
                if sname not in POINT_SYSTEMS:
                    offset_errors[sname] += sum(d.text[p.start : p.end] != p.text for p in ps)
                out[d.doc_id] = ps
        secs[sname] = time.perf_counter() - t0

    results: dict[str, dict[str, dict[str, Any]]] = {}
    for sname in systems:
        results[sname] = {}
        for cname, docs in corpora.items():
            results[sname][cname] = score(docs, preds[sname][cname], sname in POINT_SYSTEMS)
        alld = corpora["meantime"] + corpora["tempeval3"]
        allp = {**preds[sname]["meantime"], **preds[sname]["tempeval3"]}
        results[sname]["both"] = score(alld, allp, sname in POINT_SYSTEMS)

    robust = robustness(not args.no_pipeline)

    # -------------------------------------------------------------- tables
    heads = [
        "corpus", "system", "gold", "pred", "P", "R", "F1", "neutral", "F1 all-DATE",
        "pairs", "value exact", "value SPEC-adj", "day-valued exact", "inside (lenient)",
    ]  # fmt: skip
    rows = []
    for cname in ("meantime", "tempeval3", "both"):
        for sname in systems:
            r = results[sname][cname]
            c = r["counts"]
            pt = sname in POINT_SYSTEMS
            rows.append([cname, sname, c.get("gold", 0), c.get("pred", 0), r["precision"],
                         r["recall"], r["f1"], sum(r["neutral"].values()), r["f1_all_date"],
                         c.get("pairs", 0), r["value_acc"], "n/a" if pt else r["value_acc_spec"],
                         r["day_acc"], r["value_inside"]])  # fmt: skip
    main_table = table(heads, rows)
    print(main_table)

    dp = "dateparser.search_dates"
    ratio_rows = []
    for sname in systems:
        if sname == dp or dp not in systems:
            continue
        for cname in ("meantime", "tempeval3", "both"):
            a, b = results[sname][cname], results[dp][cname]

            def rt(k: str, a: dict[str, Any] = a, b: dict[str, Any] = b) -> Any:
                return a[k] / b[k] if b[k] else "n/a"

            ratio_rows.append([cname, sname, rt("precision"), rt("recall"), rt("f1"),
                               rt("day_acc"), rt("value_inside")])  # fmt: skip
    ratio_table = table(["corpus", "system", "P ratio", "R ratio", "F1 ratio",
                         "day-valued exact ratio", "inside ratio"], ratio_rows)  # fmt: skip
    print()
    print(ratio_table)

    # -------------------------------------------------------------- targets
    target_rows = []
    for sname in systems:
        if sname in POINT_SYSTEMS:
            continue
        r = results[sname]["both"]
        no_crash = not crashes[sname] and not robust["crashes"] and not offset_errors[sname]
        target_rows += [
            [sname, f"DATE detection F1 ≥ {F1_TARGET}", r["f1"],
             "PASS" if r["f1"] >= F1_TARGET else "FAIL"],
            [sname, f"value accuracy ≥ {VALUE_TARGET} (exact)", r["value_acc"],
             "PASS" if r["value_acc"] >= VALUE_TARGET else "FAIL"],
            [sname, f"value accuracy ≥ {VALUE_TARGET} (SPEC-adjusted)", r["value_acc_spec"],
             "PASS" if r["value_acc_spec"] >= VALUE_TARGET else "FAIL"],
            [sname, "no crash (corpora + odd inputs), offsets exact",
             f"{len(crashes[sname])} doc crashes, {len(robust['crashes'])} odd-input crashes, "
             f"{offset_errors[sname]} offset errors", "PASS" if no_crash else "FAIL"],
        ]  # fmt: skip
    target_table = table(["system", "target", "value", "result"], target_rows)
    print()
    print(target_table)
    for s, cl in crashes.items():
        for line in cl[:5]:
            print(f"CRASH {s}: {line}")
    for line in robust["crashes"][:10]:
        print(f"CRASH odd input: {line}")

    # -------------------------------------------------------------- failures (ours)
    fail_md = []
    fail_json: dict[str, Any] = {}
    for sname in systems:
        if sname in POINT_SYSTEMS:
            continue
        r = results[sname]["both"]
        g_wrong = group(r["wrong"], lambda it: it["diag"], top=8)
        g_wrong_sig = group(r["wrong"], lambda it: f"{signature(it['text'])} → {it['diag']}", 12)
        g_miss = group(r["misses"], lambda it: signature(it["text"]), top=12)
        g_fp = group(r["fps"], lambda it: signature(it["text"]), top=10)
        fail_json[sname] = {"wrong_by_diag": g_wrong, "wrong_by_pattern": g_wrong_sig,
                            "missed_by_pattern": g_miss, "fp_by_pattern": g_fp}  # fmt: skip
        if "pipeline" in sname and len(systems) > 2:
            continue  # the docs show the pure finder's failures; the pipeline's are in the JSON
        fail_md += [
            f"#### Failures of {sname} (both corpora)",
            "",
            f"Wrong values ({len(r['wrong'])} of {r['counts'].get('pairs', 0)} pairs), by kind:",
            "",
            table(["n", "kind", "examples (ours → interval, gold interval)"],
                  [[n, _esc(k), _esc(e)] for n, k, e in g_wrong]),
            "",
            f"Missed specific DATE expressions ({len(r['misses'])} of "
            f"{r['counts'].get('gold', 0)}), by pattern (digits → 9):",
            "",
            table(["n", "pattern", "examples (gold value)"],
                  [[n, _esc(k), _esc(e)] for n, k, e in g_miss]),
            "",
            f"False positives ({len(r['fps'])}: overlap no TIMEX3 of any type), by pattern:",
            "",
            table(["n", "pattern", "examples"], [[n, _esc(k), _esc(e)] for n, k, e in g_fp]),
            "",
        ]  # fmt: skip

    # -------------------------------------------------------------- gold stats
    gstats: Counter[tuple[str, str]] = Counter()
    gran: Counter[str] = Counter()
    for cname, docs in corpora.items():
        for d in docs:
            for g in d.gold:
                gstats[(cname, g.kind if g.kind != "other" else g.type)] += 1
                if g.kind == "specific":
                    gran[g.gran or "?"] += 1
    gold_rows = [[cn, len(corpora[cn]),
                  gstats[(cn, "specific")], gstats[(cn, "nonspecific")],
                  gstats[(cn, "TIME")], gstats[(cn, "DURATION")], gstats[(cn, "SET")]]
                 for cn in corpora]  # fmt: skip
    nons_rows = []
    for sname in systems:
        r = results[sname]["both"]
        nons_rows.append([
            sname, r["counts"].get("nonspec_found", 0), r["counts"].get("gold_nonspecific", 0),
            ", ".join(f"{k} {v}" for k, v in sorted(r["neutral"].items())) or "-",
            r["precision_neutral_as_fp"],
        ])  # fmt: skip
    gold_table = table(
        ["corpus", "docs", "DATE specific (scored)", "DATE non-specific", "TIME", "DURATION",
         "SET"],
        gold_rows,
    )  # fmt: skip
    nons_table = table(
        ["system", "non-specific DATE found", "of", "neutral predictions by gold type",
         "P if neutral counted as FP"],
        nons_rows,
    )  # fmt: skip

    md = f"""### Dates: MEANTIME English and TempEval-3 platinum (`bench/dates_bench.py`)

Three systems, one run, same texts and anchors: our pure pattern finder
`migration_extract.dates.find_dates(text, published)`, our full pipeline
`extract(text, published=..., doc_id=...).dates` (patterns plus spaCy NER DATE hints read
by dateparser), and `dateparser.search.search_dates(text, languages=['en'],
settings={{'RELATIVE_BASE': dct}})` alone. `published`/`RELATIVE_BASE` is the document
creation time (DCT).

**Data** (read from `../shared/peer/`, not copied). MEANTIME English intra-document
annotation: 120 Wikinews articles in CAT standoff XML; the text is rebuilt from the tokens
(no space before punctuation and clitics, PTB quotes as `"`, a newline after the title and
the dateline) and each TIMEX3's token anchors become character offsets; the DCT is the
TIMEX3 with `functionInDocument="CREATION_TIME"`, which is also the dateline in the text
(predictions overlapping it are ignored; two files mark their dateline TIMEX3
`functionInDocument="NONE"` and one writes its DCT `03-02-2009` for February 03, 2009 —
both handled as the DCT); TIMEX3 without tokens (begin/end points) are skipped. MEANTIME
annotates only the title, the dateline and the first four body sentences (sentences 0–5
of every file: no TIMEX3, event or entity lies later), so every system gets the whole
article but only predictions starting in those sentences are scored. TempEval-3
platinum: 20 TimeML files; the text is the `TEXT` element with tags stripped; the DCT is
the TIMEX3 with `functionInDocument="CREATION_TIME"` (outside `TEXT`).

{gold_table}

Scored DATE values by granularity: {", ".join(f"{k} {v}" for k, v in gran.most_common())}.

**Method.**
* *Gold set.* TIMEX3 of type DATE in the text, minus the DCT, whose value maps to an
  interval ("specific"). DATE values that do not (PRESENT_REF, PAST_REF, FUTURE_REF,
  `XXXX-XX-XX`-style, durations mis-typed as DATE such as `P1D`, company fiscal years
  `FY2007`) are "non-specific"; TIME, DURATION and SET are excluded from the main score.
  Both are reported below, not dropped.
* *Detection* is by character-span overlap. A prediction overlapping a specific DATE is a
  TP; one overlapping only a non-specific DATE or a TIME/DURATION/SET is *neutral* (not
  counted in P: SPEC section 2 and TimeML disagree there — "the past week" is a date
  mention for us and a DURATION in TimeML, "now" a PRESENT_REF DATE there and not a date
  mention for us); one overlapping no TIMEX3 is a FP. R = specific golds overlapped by any
  prediction / specific golds. "F1 all-DATE" also counts the non-specific DATEs as gold.
* *Value.* Each found gold is paired with the overlapping prediction of largest overlap.
  TIMEX3 value → inclusive interval: `YYYY-MM-DD` (and `…THH`, `…TMO`) the day; `YYYY-MM`
  (and `YYYY-MM-XX`) the month; `YYYY` the year; `YYYY-Www` the ISO week Monday–Sunday;
  `YYYY-Www-WE` its Saturday–Sunday; `YYYY-Qn` the calendar quarter; `YYYY-H1/H2` the
  half; `YYYY-SP/SU/FA/WI` meteorological northern seasons (Mar–May, Jun–Aug, Sep–Nov,
  Dec Y–Feb Y+1); `199`/`199X` the decade 1990–1999; `19`/`19XX` the century 1900–1999.
  `mod` START/MID/END on a month gives days 1–10/11–20/21–end and on a year Jan–Apr/
  May–Aug/Sep–Dec (the library's early/mid/late); other mods (APPROX, BEFORE, …) are
  ignored. *value exact*: our (from, to) equals the gold interval. *value SPEC-adj*: also
  accepts the two documented SPEC differences — "since X" = start of X..published, and
  "between/from X and/to Y" (or a year range written "1957-58") as one interval where
  TimeML has two TIMEX3. dateparser
  returns points: *value exact* for it counts a pair only when the gold is a day and the
  point is that day (a point never equals a month); *day-valued exact* is the same rate
  restricted to day-valued golds for every system; *inside (lenient)* is point inside the
  gold interval for dateparser and our interval inside the gold interval for ours.

**Results** (P, R, F1 on specific DATEs; value rates over the found pairs):

{main_table}

Ratios ours / dateparser (same corpus, same scoring):

{ratio_table}

**Targets** (both corpora pooled):

{target_table}

Robustness: {robust['inputs']} odd inputs × anchors (empty, invalid calendar dates, huge
numbers, control and bidi characters, 20 kB strings, anchors at year 1 and 9999) through
`find_dates` and `extract`, plus every corpus document through each system.
Crashes: {len(robust['crashes'])} on odd inputs; per system on the corpora:
{", ".join(f"{s} {len(c)}" for s, c in crashes.items())}. Offsets checked
(`text[start:end] == text`) on every prediction of ours: {sum(offset_errors.values())} errors.
Time for the 140 documents: {", ".join(f"{s} {t:.1f} s" for s, t in secs.items())}.

Non-specific DATE and other types (neutral predictions, pooled):

{nons_table}

{chr(10).join(fail_md)}
*Hand check* (at the time this benchmark was written, on the pure finder's output): of the
wrong values, the "since X" and "between/from X and Y" ones are the SPEC's documented
choice; several are gold errors where our interval is the right one (MEANTIME ISO weeks one
week late — "this week" in an article of Thursday 2008-10-09 annotated `2008-W42`; a
"Wednesday" annotated as the publication Thursday; "by 2012" annotated `2010`), and
MEANTIME has no `mod` attribute, so "early 2009" or "late 2006" are gold whole years while
we give the early/late third (the *inside* rate counts those). Among the "false
positives", "last year" and "March" in one GM article and "the 1953 team" / "the 2010
commando raid" in TempEval-3 are dates the annotators left out, and "September 11, 2001"
is a real date not annotated as a TIMEX3. The decisions behind the remaining value
differences (rolling "the last week/year" and "the past decade", US federal "this fiscal
year", "the end of X" = X, early/late thirds where MEANTIME has no `mod`, joined year
ranges) are listed in `docs/dates.md`.

Full lists (every miss, wrong value and FP with its context, for the pipeline too) are in
`bench/out/dates.json`.

**Published TempEval-3 figures.** TempEval-3 Task A (UzZaman et al. 2013, SemEval-2013
Task 1) scored all TIMEX3 types (DATE, TIME, DURATION, SET) on this same platinum set,
with strict/relaxed span F1 and value/type F1 where value F1 = relaxed F1 × value
accuracy over exact TimeML value strings. Our numbers above cover DATE only, score spans
by overlap (≈ their relaxed match), and compare intervals rather than value strings, so
they are not directly comparable: a system that finds durations and sets is rewarded
there and neither rewarded nor penalised here. We could not verify the paper's results
table from an accessible copy while writing this benchmark, and a second search of
stored public pages and documentation found the paper's abstract and metadata but not
its results table, so no per-system figure (HeidelTime, NavyTime, SUTime, ClearTK,
UzFuzzy, ManTIME, ATT, …) is quoted here; see the paper's Task A table
(https://aclanthology.org/S13-2001/).
"""
    update_section("dates", md)
    path = write_json("dates", {
        "systems": list(systems), "seconds": secs, "crashes": crashes,
        "robustness": robust, "offset_errors": offset_errors,
        "results": {s: {c: r for c, r in v.items()} for s, v in results.items()},
        "failure_groups": fail_json,
    })  # fmt: skip
    print(f"\nwrote {path} and the 'dates' section of docs/benchmarks.md")


if __name__ == "__main__":
    main()
