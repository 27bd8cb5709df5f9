"""Pure dedupe: claims from many articles -> one ``ClaimGroup`` per reported fact.

Every rule below is written out, with the reasons and the measurements, in docs/dedupe.md.

* **Features.** Each claim is read once into a compact row (numpy arrays: kind, rate,
  event type, origin, destination, value interval, time interval, document; plus three
  short strings for scoring). Claim objects are built only for the canonical claims, so
  1M claim dicts cost tens of bytes each on top of the input, not another Claim object.
* **Value intervals.** A number stands for an interval: its rounding unit (``78,000`` is
  77,500..78,500, capped at +-5%), widened by the hedge (about/some +-5%, nearly -10%,
  more than +10%, up to -20%, fewer than -50%); ranges are their bounds; vague
  magnitudes ("tens of thousands") are their bounds and flagged vague.
* **Blocking.** Rows are indexed under (kind, rate, event type, country) for every
  country the claim names (vague magnitudes only with the same vague wording). Inside a
  block, a row with an "as of" day meets, in each value band its interval spans, the
  rows nearest to it in time; a row with neither a time nor a publication date (or a
  very wide range) meets the rows whose intervals overlap its own, nearest in value
  first; within one document, overlapping values meet.
  Each of these sorted neighbourhoods holds at most ``DedupeConfig.window`` rows on
  either side, so the candidates per claim are bounded however crowded a block gets
  (all numpy, no Python loop over pairs).
* **Compatibility** (hard, vectorised): same kind and rate, event types equal (unknown
  matches any), no conflicting origin/destination, overlapping value intervals, vague only
  with the same vague wording (or, inside one article, with a number in its range),
  overlapping time (strictly for two closed intervals; 3 days of reporting lag when one
  end is open). A claim without a time in an article with a ``published`` date stands
  for the 30 days up to publication; without publication context it matches any time.
  Two counting periods of four weeks or more whose lengths differ more than twice are
  two facts (rule 13).
* **Scoring** (soft): numeric closeness, population and sentence similarity (rapidfuzz
  ``token_set_ratio``), a shared source, agreeing countries and event type.
* **Clustering.** Pairs are merged best-first with union-find, but only when the merged
  group still has one common value interval, one event type, one origin, one destination
  and one common time: no transitive drift from 5,000 to 50,000. Nor may a merge put a
  clearly incompatible pair in one group (group consistency: two closed times that do
  not meet, two numbers of one sentence, a vague figure and a number of one article
  body, a month's count and a year's), whatever chain of compatible pairs links them.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import math
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from .errors import InvalidRecordError
from .records import Claim, ClaimGroup, Extraction, GroupMember, claim_id

__all__ = ["DedupeConfig", "dedupe", "dedupe_jsonl", "to_claims"]

_KINDS = {"count": 0, "change": 1, "share": 2, "other": 3}
_PERS = {None: 0, "day": 1, "week": 2, "month": 3, "year": 4}
_EVENTS = {
    None: 0, "departure": 1, "arrival": 2, "border_encounter": 3, "asylum": 4,
    "mobilization": 5, "onward": 6, "return": 7, "stock": 8, "casualty": 9, "other": 10,
}  # fmt: skip
_N_EVENTS = 11
# events whose place is where people leave (SPEC: departure and onward keep the origin)
_LEAVES = np.zeros(_N_EVENTS, dtype=bool)
_LEAVES[[_EVENTS["departure"], _EVENTS["onward"], _EVENTS["mobilization"]]] = True
# an announced call-up quota ("300,000 reservists") is restated as background for months
# ("when Putin announced a draft of 300,000 in September", written in December): a
# mobilization claim without a time gets no publication window (docs/dedupe.md, rule 7)
_MOBILIZATION = _EVENTS["mobilization"]
_STOCK = _EVENTS["stock"]
_CHANGE = _KINDS["change"]
_OPEN_LO, _OPEN_HI = -(10**8), 10**8  # open ends of a time interval (day ordinals)


@dataclass(frozen=True)
class DedupeConfig:
    """The tunable constants (each explained in docs/dedupe.md)."""

    round_cap: float = 0.05  # rounding half-unit, at most this share of the value
    about: float = 0.01  # about / some / roughly / an estimated: +- this share
    nearly: float = 0.05  # nearly / almost X: X*(1-nearly) .. X
    more_than: float = 0.05  # more than / at least X: X .. X*(1+more_than)
    up_to: float = 0.20  # up to / as many as X: X*(1-up_to) .. X
    less_than: float = 0.50  # fewer than X: X*(1-less_than) .. X
    lag_days: int = 3  # reporting lag allowed when a time interval has an open end
    pub_window_days: int = 30  # a time-less claim: the days before its article's publication
    min_score: float = 0.58  # minimum pair score to merge
    # candidates: in each sorted pass a row meets at most this many following rows of its
    # block (a sorted neighbourhood; None: unbounded). docs/dedupe.md, section 6
    window: int | None = 4


# ---------------------------------------------------------------------------- input


def to_claims(items: Iterable[Any]) -> list[Claim]:
    """Extractions, Claims, claim dicts or extraction dicts -> Claims.

    Raises ``InvalidRecordError`` naming the record (its position and doc_id)."""
    out: list[Claim] = []
    for n, ref, _doc, _pub in _iter_refs(items):
        out.append(ref if isinstance(ref, Claim) else _claim(ref, n))
    return out


class _Line(int):
    """A record number that is a line of a JSON-lines file."""

    def __str__(self) -> str:
        return f"line {int(self)}"


def _where(n: Any, d: Any) -> str:
    did = d.get("doc_id") if isinstance(d, dict) else None
    return (str(n) if isinstance(n, _Line) else f"record {n}") + (
        f" (doc_id {did!r})" if did else ""
    )


def _claim(d: dict[str, Any], n: Any) -> Claim:
    try:
        return Claim.from_dict(d)
    except (InvalidRecordError, KeyError, TypeError, ValueError) as exc:
        raise InvalidRecordError(
            f"{_where(n, d)}: {exc}", field=getattr(exc, "field", None), record=n
        ) from exc


def _iter_refs(items: Iterable[Any]) -> Iterator[tuple[Any, Any, str | None, Any]]:
    """Yield (record number, claim or claim dict, doc_id and ``published`` of the enclosing
    extraction)."""
    for n, it in enumerate(items):
        if isinstance(it, Claim):
            yield n, it, None, None
        elif isinstance(it, Extraction):
            for c in it.claims:
                yield n, c, it.doc_id, it.published
        elif isinstance(it, dict):
            if "quantity" not in it and "claims" in it:
                cl = it["claims"]
                if not isinstance(cl, list):
                    raise InvalidRecordError(
                        f"{_where(n, it)}: field 'claims' must be a list", field="claims", record=n
                    )
                doc, pub = it.get("doc_id"), it.get("published")
                for c in cl:
                    yield n, c, doc, pub
            else:
                yield n, it, None, None
        else:
            raise InvalidRecordError(
                f"record {n}: expected an Extraction, a Claim or a dict, got {type(it).__name__}",
                record=n,
            )


def _bad(n: Any, d: Any, msg: str, fld: str) -> InvalidRecordError:
    return InvalidRecordError(f"{_where(n, d)}: {msg}", field=fld, record=n)


def _part(d: dict[str, Any], key: str, n: Any, owner: Any) -> dict[str, Any] | None:
    v = d.get(key)
    if v is None or isinstance(v, dict):
        return v
    raise _bad(n, owner, f"field {key!r} must be an object or null, got {v!r}", key)


def _num(q: dict[str, Any], key: str, n: Any, owner: Any) -> float | None:
    v = q.get(key)
    if v is None:
        return None
    # NaN is never a number; an infinite bound is an open end, an infinite value is not
    if isinstance(v, bool) or not isinstance(v, (int, float)) or v != v or (
        key == "value" and not math.isfinite(v)
    ):
        raise _bad(
            n, owner, f"quantity.{key} must be a number or null (a value finite), got {v!r}",
            f"quantity.{key}",
        )  # fmt: skip
    return float(v)


def _day(t: dict[str, Any], key: str, n: Any, owner: Any) -> int | None:
    s = t.get(key)
    if s is None:
        return None
    try:
        return date.fromisoformat(s).toordinal()
    except (TypeError, ValueError):
        raise _bad(
            n, owner, f"time.{key} must be an ISO date or null, got {s!r}", f"time.{key}"
        ) from None


def _published(s: Any, n: Any, owner: Any, cache: dict[Any, int | None]) -> int | None:
    """An article's publication date (ISO date, or the date part of an ISO datetime) as a
    day ordinal; None when absent."""
    if s is None:
        return None
    try:
        return cache[s]
    except (KeyError, TypeError):
        pass
    try:
        v = date.fromisoformat(s[:10]).toordinal()
    except (TypeError, ValueError):
        raise _bad(n, owner, f"published must be an ISO date or null, got {s!r}",
                   "published") from None  # fmt: skip
    cache[s] = v
    return v


def _half_unit(v: float, cap: float) -> float:
    """Half the rounding unit the number was written to ("78,000" -> 500), capped."""
    a = abs(v)
    if a >= 10 and a == int(a):
        k = int(a)
        unit = 1
        while k % 10 == 0:
            k //= 10
            unit *= 10
        return min(unit / 2, cap * a)
    return cap * a if a < 1 else min(0.5, cap * a)


def _unit(v: float) -> float:
    """The rounding unit of a whole number as written ("1,500" -> 100, "84" -> 1,
    "1.2 million" -> 100,000); 0 for a fraction or a negative number (no digit bound)."""
    if v < 1 or v != int(v):
        return 0.0
    k, unit = int(v), 1
    while k % 10 == 0:
        k //= 10
        unit *= 10
    return float(unit)


def interval(q: dict[str, Any], cfg: DedupeConfig, n: Any = None, owner: Any = None
             ) -> tuple[float, float, bool] | None:  # fmt: skip
    """The value interval a quantity dict stands for: (low, high, vague) or None."""
    v, lo, hi = _num(q, "value", n, owner), _num(q, "low", n, owner), _num(q, "high", n, owner)
    qual = q.get("qualifier")
    if v is not None:
        r = _half_unit(v, cfg.round_cap)
        # a one-sided hedge rounds to the digits written: "more than 1,500" is 1,500 up to
        # the next hundred, "at least 84" is 84 (rule 19)
        u = _unit(v) or math.inf
        if qual in ("more_than", "at_least"):
            return v, v + min(r + cfg.more_than * v, u), False
        if qual == "nearly":
            return v - min(r + cfg.nearly * v, u), v, False
        if qual == "up_to":
            return v - r - cfg.up_to * v, v + r, False
        if qual == "less_than":
            return v - cfg.less_than * v, v, False
        if qual == "about" or q.get("approximate"):
            return v - r - cfg.about * v, v + r + cfg.about * v, False
        return v - r, v + r, False
    if lo is None and hi is None:
        return None
    vague = bool(q.get("approximate"))
    if lo is not None and hi is not None:
        return lo, hi, vague
    if lo is not None:
        return lo, lo + _half_unit(lo, cfg.round_cap) + cfg.more_than * lo, vague
    return hi - cfg.up_to * hi, hi, vague  # type: ignore[operator]


_CLOSERS = "\"'\u201d\u2019)]\u00bb "
_ENDS = frozenset(".!?:;\u2026")


def _is_title(text: str) -> bool:
    """A sentence that ends without sentence-final punctuation (closing quotes and
    brackets aside) is a title or headline line, not a sentence of the body (rule 10)."""
    t = text.rstrip().rstrip(_CLOSERS)
    return bool(t) and t[-1] not in _ENDS


def _norm(s: Any) -> str:
    return " ".join(s.lower().split()) if isinstance(s, str) else ""


# a population that only names the counted events ("arrivals", "sea arrivals") says nothing
# about who: scored like a missing one (docs/dedupe.md, rule 11)
_EVENT_ONLY_POP = frozenset(
    "arrivals arrival departures departure returns entries crossings encounters".split()
)


def _norm_pop(s: Any) -> str:
    t = _norm(s)
    words = t.split()
    return "" if words and len(words) <= 2 and words[-1] in _EVENT_ONLY_POP else t


_I8 = ("kind", "per", "event", "vague", "tclosed", "future", "dayed", "form", "head",
       "round", "ended", "person")
_I32 = ("origin", "dest", "vid", "t0", "t1", "anchor", "doc", "sstart", "pop_id", "sent_id",
        "src_id")  # fmt: skip
_F64 = ("lo", "hi", "rlo", "rhi", "wv", "wu")
_PART_TYPES = frozenset({dict, type(None)})


class _Rows:
    """Columnar features of every claim read (compact: arrays and interned strings).

    The numeric features are appended row by row into three interleaved arrays (one call
    per type and claim: 1-byte codes ``_I8``, 4-byte ids and days ``_I32``, the value
    interval ``_F64``) and split into numpy columns by ``_features``."""

    def __init__(self) -> None:
        self.i8 = array("b")
        self.i32 = array("i")
        self.f64 = array("d")
        self.spec = array("d")  # canonical preference
        # population, sentence and source as ids into string tables (0 = ""): identical
        # strings are stored and compared once
        self.strings: dict[str, list[str]] = {"pop": [""], "sent": [""], "src": [""]}
        self._sids: dict[str, dict[str, int]] = {"pop": {"": 0}, "sent": {"": 0}, "src": {"": 0}}
        self.doc_ids: list[str | None] = []
        self.ids: list[str] = []
        self.refs: list[Any] = []  # Claim, claim dict or file offset (for canonicals)
        self._intern: dict[Any, Any] = {}
        self._codes: dict[str | None, int] = {None: 0}
        self._docs: dict[str | None, int] = {}
        self._vids: dict[tuple[float, float], int] = {}
        self._pubs: dict[Any, int | None] = {}
        self._days: dict[Any, int] = {}
        self._raw_pop: dict[str, int] = {}  # population text as written -> its string id
        self._raw_src: dict[str, int] = {}  # source name as written -> its string id

    def _day(self, tm: dict[str, Any], key: str, n: Any, d: Any) -> int | None:
        s = tm.get(key)
        if s is None:
            return None
        try:
            return self._days[s]
        except (KeyError, TypeError):
            v = self._days[s] = _day(tm, key, n, d)  # type: ignore[assignment]
            return v

    def add(self, d: Any, n: Any, doc: str | None, ref: Any, cfg: DedupeConfig,
            pub: Any = None) -> bool:  # fmt: skip
        """Read one claim (a Claim or claim dict); False if it has no usable number.

        ``pub``: the enclosing article's ``published`` date, if any: a claim without a
        time then stands for the ``pub_window_days`` before it (docs/dedupe.md, rule 7)."""
        if type(d) is not dict:
            if isinstance(d, Claim):
                d = d.to_dict()
            elif not isinstance(d, dict):
                raise _bad(n, None, f"a claim must be an object, got {type(d).__name__}", "claim")
        get = d.get
        q = get("quantity")
        if not isinstance(q, dict):
            raise _bad(n, d, "missing field 'quantity'" if q is None else
                       f"field 'quantity' must be an object, got {q!r}", "quantity")  # fmt: skip
        s = get("sentence")
        if not isinstance(s, dict) or not isinstance(s.get("text"), str):
            raise _bad(n, d, "missing or malformed field 'sentence'", "sentence")
        qget = q.get
        qs, qe = qget("start"), qget("end")
        if not isinstance(qs, int) or not isinstance(qe, int) or isinstance(qs, bool):
            raise _bad(n, d, "quantity.start/end must be integer offsets", "quantity.start")
        kind = _KINDS.get(qget("kind", "count"))
        if kind is None:
            raise _bad(n, d, f"quantity.kind {qget('kind')!r} is not a SPEC kind", "quantity.kind")
        per = _PERS.get(qget("per"), -1)
        if per < 0:
            raise _bad(n, d, f"quantity.per {qget('per')!r} is not a SPEC rate", "quantity.per")
        iv = interval(q, cfg, n, d)
        ev, org, dst = get("event"), get("origin"), get("destination")
        pop, src, tm = get("population"), get("source"), get("time")
        pt = _PART_TYPES
        if not (type(ev) in pt and type(org) in pt and type(dst) in pt and type(pop) in pt
                and type(src) in pt and type(tm) in pt):  # fmt: skip
            ev = _part(d, "event", n, d)  # a dict subclass passes, anything else raises
        et = _EVENTS.get(ev.get("type") if ev else None)
        if et is None:
            raise _bad(n, d, f"event.type {ev.get('type')!r} is not a SPEC type", "event.type")  # type: ignore[union-attr]
        if not (type(org) in pt and type(dst) in pt and type(pop) in pt and type(src) in pt
                and type(tm) in pt):  # fmt: skip
            org, dst = _part(d, "origin", n, d), _part(d, "destination", n, d)
            pop, src = _part(d, "population", n, d), _part(d, "source", n, d)
            tm = _part(d, "time", n, d)
        t0 = self._day(tm, "from", n, d) if tm else None
        t1 = self._day(tm, "to", n, d) if tm else None
        did = get("doc_id") or doc
        cid = get("id") or claim_id(did, qs, qe)
        intern = self._intern
        self.doc_ids.append(intern.setdefault(did, did))
        self.ids.append(cid if type(cid) is str else str(cid))
        self.refs.append(ref)
        if iv is None:
            return False
        # canonical preference: sourced, then an exact number, then filled fields, confidence
        exact = qget("value") is not None and not qget("approximate") and not qget("qualifier")
        filled = ((pop is not None) + (ev is not None) + (org is not None) + (dst is not None)
                  + (tm is not None) + (src is not None))  # fmt: skip
        conf = get("confidence", 0.5)
        tc = type(conf)
        if tc is not float and tc is not int:
            conf = conf if isinstance(conf, (int, float)) and not isinstance(conf, bool) else 0.0
        lo, hi, vague = iv
        codes = self._codes
        oc = org.get("code") if org else None
        dc = dst.get("code") if dst else None
        ocode = codes.get(oc)
        if ocode is None:
            ocode = codes[oc] = len(codes)
        dcode = codes.get(dc)
        if dcode is None:
            dcode = codes[dc] = len(codes)
        vid = self._vids.setdefault((lo, hi), len(self._vids) + 1) if vague else 0
        pday = _published(pub, n, d, self._pubs) if pub is not None else None
        if t0 is not None and t1 is not None and pday is not None and t0 <= pday < t1 - 1:
            # a period that has begun ("this year", "this week") is counted so far: the
            # count as of the publication day, not a projection to its end (rule 21)
            t1 = pday
        if t0 is None and t1 is None and pday is not None and et != _MOBILIZATION:
            w0, w1, closed = pday - cfg.pub_window_days, pday, 2  # the publication window
        elif t0 is None and t1 is None:
            w0, w1, closed = _OPEN_LO, _OPEN_HI, -1  # no time at all
        else:
            w0 = _OPEN_LO if t0 is None else t0
            w1 = _OPEN_HI if t1 is None else t1
            closed = t0 is not None and t1 is not None
            if t0 is None and t1 is not None and et != _MOBILIZATION:
                # a stock "as of July 1" is the level on that day, not at any time before
                # it: it stands for the month up to it (docs/dedupe.md, rule 12)
                w0 = t1 - cfg.pub_window_days
        # the day the figure is "as of", used only to order candidates (never a rule)
        anchor = t1 if t1 is not None else pday if pday is not None \
            else t0 if t0 is not None else _OPEN_LO  # fmt: skip
        docs = self._docs
        dno = docs.get(did)
        if dno is None:
            dno = docs[did] = len(docs)
        ss = s.get("start")
        if type(ss) is not int:
            ss = ss if isinstance(ss, int) and not isinstance(ss, bool) else -1
        sids, strings = self._sids, self.strings
        raw = pop.get("text") if pop else None
        pid = self._raw_pop.get(raw) if type(raw) is str else None  # the same text again
        if pid is None:
            ptext = _norm_pop(raw)
            pid = sids["pop"].get(ptext)
            if pid is None:
                pid = sids["pop"][ptext] = len(strings["pop"])
                strings["pop"].append(ptext)
            if type(raw) is str:
                self._raw_pop[raw] = pid
        stext = s["text"].lower()
        sid = sids["sent"].get(stext)
        if sid is None:
            sid = sids["sent"][stext] = len(strings["sent"])
            strings["sent"].append(stext)
        raw = src.get("name") if src else None
        rid = self._raw_src.get(raw) if type(raw) is str else None
        if rid is None:
            rtext = _norm(raw)
            rid = sids["src"].get(rtext)
            if rid is None:
                rid = sids["src"][rtext] = len(strings["src"])
                strings["src"].append(rtext)
            if type(raw) is str:
                self._raw_src[raw] = rid
        # a figure "by December" in an article of October is a projection, not a count
        # (a period that has begun was cut at the publication day above: rule 21)
        future = 1 if t1 is not None and pday is not None and t1 > pday + 1 else 0
        # the number as written, widened by its rounding only (no hedge): "44,239" and
        # "more than 44,000" are one number to the thousand, "123,000" and "127,000" are not
        v = qget("value")
        if (
            isinstance(v, (int, float))
            and not isinstance(v, bool)
            and math.isfinite(v)
            and qget("qualifier") != "about"
            and not qget("approximate")
        ):
            r = _half_unit(float(v), cfg.round_cap)
            rlo, rhi = v - r, v + r
        else:
            rlo, rhi = lo, hi  # "about 21,700" stands for its whole hedge
        # the anchor is a day the figure is "as of" (the end of its time, or its article's
        # publication day), not only a start (rule 20)
        dayed = 1 if t1 is not None or pday is not None else 0
        # the form of the figure: a number, a floor ("more than"), a ceiling ("up to"), a
        # range or a vague magnitude (rules 22-23)
        if vague:
            form = _VAGUE_FORM
        elif v is None:
            has_lo, has_hi = qget("low") is not None, qget("high") is not None
            form = _RANGE if has_lo and has_hi else _FLOOR if has_lo else _CEILING
        else:
            form = _FORMS.get(qget("qualifier"), _NUMBER)
        # a headline: the article's first sentence, or a title line that ends without a
        # full stop (a page's title, a headline repeated under the navigation of a noisy
        # page, "Related: ..." links), rule 10
        head = 1 if ss == 0 or _is_title(s["text"]) else 0
        # a relative change that is a round multiple or a half ("doubled", "five times",
        # "halved"), rule 27
        rnd = 1 if kind == _CHANGE and v is not None and math.isfinite(v) and (
            (abs(v) >= 2 and v == int(v)) or abs(v) == 0.5) else 0  # fmt: skip
        # a period that had ended before its article was written ("in the first half of
        # the year", published in August), rule 29
        ended = 1 if t1 is not None and pday is not None and t1 < pday - 1 else 0
        # a figure attributed to a named person (rule 31)
        person = 1 if src and src.get("kind") == "person" else 0
        self.i8.extend((kind, per, et, vague, closed, future, dayed, form, head, rnd, ended,
                        person))  # fmt: skip
        self.i32.extend((ocode, dcode, vid, w0, w1, anchor, dno, ss, pid, sid, rid))
        # the number as written and its rounding unit (rule 24)
        # (kept for every figure with a value; rule 24 reads those of the number form only)
        wv = float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else math.nan
        self.f64.extend((lo, hi, rlo, rhi, wv, _unit(wv) if wv == wv else 0.0))
        self.spec.append((1000 if src else 0) + (100 if exact else 0) + 10 * filled + float(conf))
        return True


# ---------------------------------------------------------------------------- pairs


# candidate pairs generated (and filtered) at a time: a few megabytes per column, so that
# the temporaries of a step are reused from the heap and stay in cache (at 1M claims,
# steps of a million pairs made every step fault in fresh memory)
_CHUNK = 1 << 18
_BAND = math.log(1.5)  # value bands of the time-ordered pass (on the signed log1p scale)
_MAX_BANDS = 8  # a row spanning more bands (a wide range) goes to the value-ordered pass


def _vkey(x: np.ndarray) -> np.ndarray:
    """A monotone log scale for values (negative values included; an infinite value, which
    JSON's ``Infinity`` can give, becomes a large finite key)."""
    x = np.clip(x, -1e300, 1e300)
    return np.sign(x) * np.log1p(np.abs(x))


def _sweep(block: np.ndarray, key: np.ndarray, probe: np.ndarray | None, rows: np.ndarray,
           accept: Any, bounds: tuple[np.ndarray, np.ndarray], query: np.ndarray | None = None,
           cap: int | None = None) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Pairs of rows in one block, kept where ``accept(a, b)`` (the hard rules) holds.

    Rows sorted by (block, key): row i pairs with the following rows j of its block while
    key[j] <= probe[i] (``probe`` None: to the end of the block), and with at most ``cap``
    of them (a sorted neighbourhood: each row meets at most ``cap`` rows on either side);
    with ``query`` (a mask), only the pairs with at least one query row are made. The
    pairs are generated without a Python loop, ``_CHUNK`` at a time, so that memory holds
    the accepted pairs, not the candidates. Ties in ``key`` keep the input order.
    ``bounds``: the value interval (low, high) of every row; with a ``cap`` and no
    ``query``, pairs whose intervals do not meet (they fail ``accept``'s first rule) are
    dropped before ``accept`` sees them (``_near``)."""
    e = np.empty(0, np.int64)
    if len(rows) < 2:
        return e, e
    order = np.lexsort((key, block))
    b, k, r = block[order], key[order], rows[order]
    m = len(b)
    pos = np.arange(m)
    new = np.r_[True, b[1:] != b[:-1]]
    bid = np.cumsum(new) - 1
    bend = np.r_[np.flatnonzero(new)[1:], m][bid]  # end of each row's block
    if probe is None:
        end = bend
    else:
        p = probe[order]
        # one sortable number per row: the block's rank times a span wider than any key,
        # plus the key (rounding is monotone: a partner is never lost, extras are filtered)
        kmin = float(k.min())
        span = float(max(p.max(), k.max())) - kmin + 1.0
        base = bid.astype(np.float64) * span
        end = np.searchsorted(base + (k - kmin), base + (p - kmin), side="right")
        end = np.minimum(np.maximum(end, pos + 1), bend)
    if cap is not None:
        end = np.minimum(end, pos + 1 + cap)
        if query is None:
            return _near(r, end - pos - 1, cap, accept, bounds)
    if query is None:
        target = pos  # row i's partners: target[start[i] : start[i] + cnt[i]]
        start = pos + 1
        cnt = end - pos - 1
    else:
        q = query[order]
        qpos = np.flatnonzero(q)
        cq = np.r_[0, np.cumsum(q)]  # query rows before each position
        target = np.concatenate([pos, qpos])
        start = np.where(q, pos + 1, m + cq[pos + 1])
        cnt = np.where(q, end - pos - 1, cq[end] - cq[pos + 1])
    total = int(cnt.sum())
    if total == 0:
        return e, e
    cum = np.cumsum(cnt)
    outa, outb = [], []
    s0 = 0
    while s0 < m:
        s1 = int(np.searchsorted(cum, (cum[s0 - 1] if s0 else 0) + _CHUNK, side="right"))
        s1 = max(s1, s0 + 1)
        c = cnt[s0:s1]
        tot = int(c.sum())
        if tot:
            ii = np.repeat(np.arange(s0, s1), c)
            first = np.cumsum(c) - c
            jj = target[np.repeat(start[s0:s1] - first, c) + np.arange(tot)]
            a, bb = r[ii], r[jj]
            a, bb = np.minimum(a, bb), np.maximum(a, bb)
            ok = accept(a, bb) & (a != bb)
            outa.append(a[ok])
            outb.append(bb[ok])
        s0 = s1
    if not outa:
        return e, e
    return np.concatenate(outa), np.concatenate(outb)


def _near(r: np.ndarray, cnt: np.ndarray, cap: int, accept: Any,
          bounds: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """``_sweep``'s pairs for a bounded neighbourhood: the row at sorted position i (row
    ``r[i]``) and the one at i + d, for 1 <= d <= ``cnt[i]`` (at most ``cap``), kept
    where ``accept`` holds. One vectorised step per distance d compares neighbouring
    entries of the sorted arrays, in order: the value intervals are tested there first
    (in a crowded block most neighbours fail the overlap), and only the pairs whose
    intervals meet are looked up by row and passed to ``accept``, ``_CHUNK`` at a time.
    The same pairs as the general path, in another order (the caller sorts them)."""
    lo, hi = bounds[0][r], bounds[1][r]
    outa, outb = [], []
    for d in range(1, min(cap, len(r) - 1) + 1):
        # (the test is looser than accept's: touching intervals are left to it)
        meet = (cnt[:-d] >= d) & (np.maximum(lo[:-d], lo[d:]) <= np.minimum(hi[:-d], hi[d:]))
        i = np.flatnonzero(meet)
        del meet
        a, b = r[i], r[i + d]
        a, b = np.minimum(a, b), np.maximum(a, b)
        i = np.flatnonzero(a != b)  # one claim's two rows (two bands, two countries)
        a, b = a[i], b[i]
        for k in range(0, len(a), _CHUNK):
            ca, cb = a[k : k + _CHUNK], b[k : k + _CHUNK]
            ok = accept(ca, cb)
            outa.append(ca[ok])
            outb.append(cb[ok])
    if not outa:
        e = np.empty(0, np.int64)
        return e, e
    return np.concatenate(outa), np.concatenate(outb)


def _candidates(f: dict[str, np.ndarray], lag: int, window: int | None = None
                ) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Pairs (a < b, unique) that pass every hard rule, among the claims that share a
    block (kind, rate, event type, country, vague wording) or a document.

    Two sorted passes per block, and one per document. Rows with an "as of" day (the
    anchor: the end of their time, else the publication date, else the start) and a
    value interval of at most _MAX_BANDS bands are copied into each value band they span
    (two overlapping intervals share a band) and sorted by anchor: a row meets the rows
    nearest to it in time within its band. The other rows (no time and no publication
    date, a very wide range) meet their whole block sorted by value: a row meets the rows
    whose intervals overlap its own, nearest in value first. With ``window`` None a row
    meets every row of its band / every overlapping row (all compatible pairs; quadratic
    in a crowded block, for tests); with a ``window`` at most that many following rows in
    each pass (so at most twice that many per band and pass), however crowded the block:
    a band or an overlap run of at most ``window`` + 1 rows gives exactly the unbounded
    pairs. Inside a document, rows meet the rows whose values overlap theirs, with the
    same window."""
    n = len(f["lo"])

    def accept(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return _compatible(f, a, b, lag)

    bounds = (f["lo"], f["hi"])

    idx = np.arange(n, dtype=np.int64)
    # one row per (claim, country named); a claim naming no country is blocked under 0
    ro_c, rd_c = f["origin"], f["dest"]
    two = (ro_c != 0) & (rd_c != 0) & (ro_c != rd_c)
    rows = np.concatenate([idx, idx[two]])
    country = np.concatenate([np.where(rd_c != 0, rd_c, ro_c), ro_c[two]])
    # unknown event type: a row in every event block
    ev = f["event"][rows].astype(np.int64)
    unk = ev == 0
    if unk.any():
        extra_rows = np.repeat(rows[unk], _N_EVENTS - 1)
        extra_ev = np.tile(np.arange(1, _N_EVENTS), int(unk.sum()))
        extra_c = np.repeat(country[unk], _N_EVENTS - 1)
        rows = np.concatenate([rows[~unk], extra_rows])
        ev = np.concatenate([ev[~unk], extra_ev])
        country = np.concatenate([country[~unk], extra_c])
    key = (f["kind"][rows].astype(np.int64) * 8 + f["per"][rows]) * 16 + ev
    key = key * (int(country.max(initial=0)) + 1) + country
    vid = f["vid"][rows].astype(np.int64)
    key = key * (int(vid.max(initial=0)) + 1) + vid  # vague wordings block apart
    key = np.unique(key, return_inverse=True)[1].ravel().astype(np.int64)  # dense ids
    v0 = _vkey(f["lo"][rows])
    v1 = _vkey(f["hi"][rows]) + 1e-9  # borderline extras are filtered by the rules
    anc = f["anchor"][rows].astype(np.int64)
    bmin = np.floor(v0 / _BAND).astype(np.int64)
    # a vague block holds one interval: one band is enough
    bmax = np.where(f["vague"][rows] != 0, bmin, np.floor(v1 / _BAND).astype(np.int64))
    nb = bmax - bmin + 1
    # (an empty interval, low above high, matches nothing: it goes to the value pass)
    anchored = (anc > _OPEN_LO) & (nb >= 1) & (nb <= _MAX_BANDS)
    parts_a, parts_b = [], []
    sel = np.flatnonzero(anchored)
    if len(sel):  # time order inside (block, value band)
        cnt = nb[sel]
        rep = np.repeat(sel, cnt)
        band = bmin[rep] + (np.arange(len(rep)) - np.repeat(np.cumsum(cnt) - cnt, cnt))
        # sorted by anchor day, and inside one day by value (same-day restatements of one
        # figure sit together)
        frac = np.clip((v0[rep] - band * _BAND) / _BAND, 0.0, 0.99)
        band -= band.min()
        bkey = key[rep] * (int(band.max()) + 1) + band
        a1, b1 = _sweep(bkey, anc[rep] + frac, None, rows[rep], accept, bounds, cap=window)
        parts_a.append(a1)
        parts_b.append(b1)
        del rep, band, bkey
    free = ~anchored
    if free.any():  # value order inside the block, pairs with at least one free row
        has = np.zeros(int(key.max()) + 1, dtype=bool)
        has[key[free]] = True
        sel = np.flatnonzero(has[key])
        a2, b2 = _sweep(key[sel], v0[sel], v1[sel], rows[sel], accept, bounds,
                        query=free[sel], cap=window)  # fmt: skip
        parts_a.append(a2)
        parts_b.append(b2)
    # pairs inside one document (a caption repeated, a headline restating its lead): the
    # overlapping values of the document, nearest in value first
    a3, b3 = _sweep(f["doc"].astype(np.int64), _vkey(f["lo"]), _vkey(f["hi"]) + 1e-9, idx,
                    accept, bounds, cap=window)  # fmt: skip
    parts_a.append(a3)
    parts_b.append(b3)
    pair = np.sort(np.concatenate(parts_a) * n + np.concatenate(parts_b))
    pair = pair[np.r_[True, pair[1:] != pair[:-1]]] if len(pair) else pair
    return pair // n, pair % n


def _compatible(f: dict[str, np.ndarray], a: np.ndarray, b: np.ndarray, lag: int) -> np.ndarray:
    """The hard rules (docs/dedupe.md, section 2) on pairs a[k]-b[k]: a boolean mask."""
    # the value overlap first (most candidates of a sorted pass fail it), the rest on the
    # pairs that pass it. Intervals that only touch ("nearly 500,000" ends where "more
    # than half a million" starts; "82,000" and "83,000" meet at 82,500) are two numbers,
    # unless one of them is a single point (rule 15)
    # (built pass by pass and freed at once: at 1M claims there are tens of millions of
    # candidate pairs, and four gathered arrays of them cost about half a gigabyte)
    lo, hi = f["lo"], f["hi"]
    x0 = np.maximum(lo[a], lo[b])
    x1 = np.minimum(hi[a], hi[b])
    ok = x0 < x1
    touch = np.flatnonzero(x0 == x1)
    del x0, x1
    if len(touch):
        ta, tb = a[touch], b[touch]
        ok[touch] = (lo[ta] == hi[ta]) | (lo[tb] == hi[tb])
    keep = np.flatnonzero(ok)
    a, b = a[keep], b[keep]
    good = (f["kind"][a] == f["kind"][b]) & (f["per"][a] == f["per"][b])
    ea, eb = f["event"][a], f["event"][b]
    good &= (ea == eb) | (ea == 0) | (eb == 0)
    for side in ("origin", "dest"):
        xa, xb = f[side][a], f[side][b]
        good &= (xa == xb) | (xa == 0) | (xb == 0)
    va, vb = f["vid"][a], f["vid"][b]
    same_doc = f["doc"][a] == f["doc"][b]
    good &= (va == vb) | same_doc
    # across articles a share ("more than half") identifies no fact, and a vague magnitude
    # ("tens of thousands") only with the place its event happens at on both sides
    # ("tens of thousands fled Russia" in two articles; not "tens of thousands of Russians
    # arrived" with no destination on one side): rule 14
    if not same_doc.all():
        side = np.where(_LEAVES[ea], f["origin"][a], f["dest"][a])
        side_b = np.where(_LEAVES[eb], f["origin"][b], f["dest"][b])
        placed = (side != 0) & (side_b != 0)
        # "hundreds" and "thousands" (a vague magnitude below _VAGUE_FACT) fit any crowd
        # at any crossing on any day: across articles they identify no fact (rule 18)
        small = (va != 0) & (f["hi"][a] < _VAGUE_FACT)
        good &= same_doc | (
            (f["kind"][a] != _KINDS["share"]) & (((va == 0) & (vb == 0)) | (placed & ~small))
        )
    # across articles a vague magnitude is a fact as of a day: two "tens of thousands"
    # whose days (the end of the time, else the publication day) are more than the lag
    # apart are two reports, whatever their periods (rule 20)
    vv = ~same_doc & (va != 0) & (vb != 0)
    if vv.any():
        anc = f["anchor"]
        far = np.abs(anc[a].astype(np.int64) - anc[b]) > lag
        good &= ~(vv & (f["dayed"][a] == 1) & (f["dayed"][b] == 1) & far)
    # inside one article's body a vague magnitude restates only a vague figure ("tens of
    # thousands" is not "about 40,000" of the same story), though a headline may round its
    # lead ("Thousands flee" over "More than 3,000"; docs/dedupe.md, rule 10)
    headline = (f["head"][a] == 1) | (f["head"][b] == 1)
    good &= ~(same_doc & ((va == 0) != (vb == 0)) & ~headline)
    # two numbers of one sentence are two facts ("at least 31 drowned and dozens missing")
    good &= ~(same_doc & (f["sstart"][a] == f["sstart"][b]) & (f["sstart"][a] >= 0))
    ca, cb = f["tclosed"][a], f["tclosed"][b]
    slack = np.where((ca == 1) & (cb == 1), 0, lag)
    t_ok = np.maximum(f["t0"][a], f["t0"][b]) <= np.minimum(f["t1"][a], f["t1"][b]) + slack
    # within one article an undated restatement (a caption, a headline) may meet a dated
    # figure: the publication window (rule 7) is for figures from other articles
    good &= t_ok | (ca < 0) | (cb < 0) | (same_doc & ((ca == 2) | (cb == 2)))
    good &= f["future"][a] == f["future"][b]  # a projection is not a count of the past
    # a relative change ("doubled", "five times as many") qualifies the count told with
    # it: across articles, two changes whose sentences each state a count, and no count
    # of one is the same number as a count of the other, compare different figures
    # ("more than 118,000 ..., almost double" / "more than 123,000 ..., almost double";
    # rule 16)
    chg = good & ~same_doc & (f["kind"][a] == _KINDS["change"])
    if chg.any():
        told = _sentence_counts(f)
        doc, ss = f["doc"], f["sstart"]
        for k in np.flatnonzero(chg).tolist():
            x, y = told.get((doc[a[k]], ss[a[k]])), told.get((doc[b[k]], ss[b[k]]))
            differ = bool(x and y) and not any(
                p == q and max(l0, m0) <= min(l1, m1) for p, l0, l1 in x for q, m0, m1 in y
            )
            # a round multiple ("doubled", "tripled", "five times", "halved") told with
            # neither a count in its sentence nor a closed period fits every surge of
            # every week: across articles it identifies no fact (rule 27)
            bare = bool(f["round"][a[k]] and f["round"][b[k]]) and not (
                (x or f["tclosed"][a[k]] == 1) and (y or f["tclosed"][b[k]] == 1)
            )
            if differ or bare:
                good[k] = False
    # a count over a month is not the count over a year: two counting periods (closed,
    # at least _PERIOD_DAYS long) of lengths more than _PERIOD_RATIO apart (rule 13)
    pa, pb = _period(f)[a], _period(f)[b]
    good &= ~((pa > 0) & (pb > 0) & ((pa > _PERIOD_RATIO * pb) | (pb > _PERIOD_RATIO * pa)))
    # a count over a week or two is not the count over a period many times longer: a
    # closed time of at least _SPAN_DAYS (shorter than a counting period) and a counting
    # period more than _SPAN_RATIO times as long are two facts ("About 40,000 since 21
    # September" in an article of 6 October / "some 43,000 since February"; rule 30)
    k = np.flatnonzero(good & ((pa > 0) | (pb > 0)))
    del pa, pb
    if len(k):
        per, span, ka, kb = _period(f), _span(f), a[k], b[k]
        pa, pb, sa, sb = per[ka], per[kb], span[ka], span[kb]
        good[k] = ~(((pa > 0) & (sb > 0) & (pa > _SPAN_RATIO * sb))
                    | ((pb > 0) & (sa > 0) & (pb > _SPAN_RATIO * sa)))  # fmt: skip
    # snapshots of one running total ("123,000 so far this year" to 14 September, "127,000"
    # to 18 September): the same start, "as of" days more than _ASOF_SLACK apart, are two
    # facts unless a count states the same number (docs/dedupe.md, rule 8)
    t1a, t1b = f["t1"][a], f["t1"][b]
    as_of = (ca >= 0) & (ca != 2) & (cb >= 0) & (cb != 2) & (t1a != _OPEN_HI) & (t1b != _OPEN_HI)
    snap = as_of & (f["t0"][a] == f["t0"][b]) & (np.abs(t1a - t1b) > _ASOF_SLACK)
    # the same digits for a period that had ended before its article was written ("more
    # than 34,000 in the first half") and for the same start to another day ("more than
    # 34,000 since January", in August) count two periods: across articles the number
    # alone does not make them one (rule 29)
    wva, wvb = f["wv"][a], f["wv"][b]
    ident = (wva == wvb) & (f["wu"][a] == f["wu"][b])
    stale = snap & ~same_doc & ident & ((f["ended"][a] == 1) | (f["ended"][b] == 1))
    # an undated figure of another article stands for its publication day here: the
    # headline "127,000" of 18 September is not "more than 123,000 so far" to 14 September
    pub_a = (ca == 2) & (cb >= 0) & (cb != 2) & (f["t0"][b] != _OPEN_LO) & (t1b != _OPEN_HI)
    pub_b = (cb == 2) & (ca >= 0) & (ca != 2) & (f["t0"][a] != _OPEN_LO) & (t1a != _OPEN_HI)
    snap |= ~same_doc & (pub_a | pub_b) & (np.abs(t1a - t1b) > _ASOF_SLACK)
    if snap.any():
        rlo, rhi = f["rlo"], f["rhi"]
        same_number = (np.maximum(rlo[a], rlo[b]) <= np.minimum(rhi[a], rhi[b])) & (
            f["kind"][a] == _KINDS["count"]
        )
        good &= ~(snap & ~same_number) & ~stale
        # a restatement rounds a figure already published: of two snapshots, the one
        # written to the finer unit is a newer count when it is the later one ("at least
        # 40,000" this year to 15 September / "41,300" to 31 October; "Over 8,000" since
        # Wednesday / "some 8,200" three days later), unless both count periods that had
        # ended ("66,237" / "roughly 66,000" in the same months of last year; rule 32)
        k = np.flatnonzero(good & snap & ~same_doc)
        if len(k):
            ka, kb, wv, wu, t1 = a[k], b[k], f["wv"], f["wu"], f["t1"]
            ua, ub = wu[ka], wu[kb]
            fine_a = (ua > 0) & (ua < ub)
            fine_b = (ub > 0) & (ub < ua)
            # (the finer figure's day must be a stated one: an undated restatement of a
            # precise figure published days later is a copy that dropped the date)
            dated = f["tclosed"] != 2
            later = np.where(fine_a, (t1[ka] > t1[kb]) & dated[ka], (t1[kb] > t1[ka]) & dated[kb])
            both_ended = (f["ended"][ka] == 1) & (f["ended"][kb] == 1)
            newer = (fine_a | fine_b) & later & (wv[ka] != wv[kb]) & ~both_ended
            good[k[newer]] = False
    # a stock is a level on a day: across articles, a stock stated as of a day and one
    # as of a day more than the lag away (another dated level, or an undated one of an
    # article published then) are two counts, whatever the numbers ("about 80,000 remain"
    # published on 7 March / "about 80,000 remained as of Sunday", 13 March; rule 17).
    # Two undated stocks are left to the publication window.
    lvl = good & ~same_doc & (ea == _STOCK) & (eb == _STOCK)
    if lvl.any():
        dated_a = (ca >= 0) & (ca != 2) & (t1a != _OPEN_HI)
        dated_b = (cb >= 0) & (cb != 2) & (t1b != _OPEN_HI)
        day_a, day_b = dated_a | (ca == 2), dated_b | (cb == 2)
        far = np.abs(t1a.astype(np.int64) - t1b) > lag
        good &= ~(lvl & (dated_a | dated_b) & day_a & day_b & far)
        # an undated stock that no one is said to have counted (no time, no source) is
        # background, the standing size of a population ("Nearly a million Rohingya live
        # in the camps"): two such figures of two articles are no report of one count
        # (rule 25)
        bg_a = (ca == 2) & (f["src_id"][a] == 0)
        bg_b = (cb == 2) & (f["src_id"][b] == 0)
        good &= ~(lvl & bg_a & bg_b)
    # a range restates only the same range ("between 5,000 and 6,000" / "five to six
    # thousand"), or a ceiling at its top / a floor at its bottom; a ceiling ("up to", "as
    # many as": a bound or a plan) restates only the same ceiling, not a count of its size
    # (rules 22-23)
    fa, fb = f["form"][a], f["form"][b]
    odd = good & ((fa == _RANGE) | (fb == _RANGE) | (fa == _CEILING) | (fb == _CEILING))
    if odd.any():
        k = np.flatnonzero(odd)
        ka, kb, xa, xb = a[k], b[k], fa[k], fb[k]
        lo_, hi_, rlo, rhi = f["lo"], f["hi"], f["rlo"], f["rhi"]

        def at(bound: np.ndarray, other: np.ndarray) -> np.ndarray:
            return (rlo[other] <= bound) & (bound <= rhi[other])  # the number as written

        same = ((xa == _RANGE) & (xb == _RANGE) & (lo_[ka] == lo_[kb]) & (hi_[ka] == hi_[kb]))
        same |= (xa == _RANGE) & (xb == _CEILING) & at(hi_[ka], kb)
        same |= (xb == _RANGE) & (xa == _CEILING) & at(hi_[kb], ka)
        same |= (xa == _RANGE) & (xb == _FLOOR) & at(lo_[ka], kb)
        same |= (xb == _RANGE) & (xa == _FLOOR) & at(lo_[kb], ka)
        same |= ((xa == _CEILING) & (xb == _CEILING)
                 & (np.maximum(rlo[ka], rlo[kb]) <= np.minimum(rhi[ka], rhi[kb])))  # fmt: skip
        good[k] = same
    # two numbers (plain or "about") restate each other only when the finer one, rounded
    # or cut to the coarser one's unit, is the coarser one: "about 1,300" and "About
    # 1,200", "about 9,600" and "about 9,000" are two figures; "256,000" / "250,000" and
    # "21,763" / "about 21,700" are one (rule 24)
    num = good & (fa == _NUMBER) & (fb == _NUMBER)
    if num.any():
        k = np.flatnonzero(num)
        wa, wb = f["wv"][a[k]], f["wv"][b[k]]
        ua, ub = f["wu"][a[k]], f["wu"][b[k]]
        fine = (ua > 0) & (ub > 0) & (wa != wb)
        coarse_a = ua >= ub
        c = np.where(coarse_a, wa, wb)
        x = np.where(coarse_a, wb, wa)
        u = np.maximum(ua, ub)
        good[k] = ~fine | ((c - u / 2 <= x) & (x < c + u))
    # a figure repeated days later is copied, not estimated again: across articles, two
    # figures "as of" days more than the lag apart (the end of the time; an undated
    # figure's publication day) that are written to the same unit with other digits are
    # two counts, whatever their hedges ("more than 11,000" / "about 12,000" two weeks
    # apart; "More than 1.1 million" in June / "about 1.2 million" in October; rule 28)
    wa, wb = f["wu"][a], f["wu"][b]
    digits = good & ~same_doc & (wa > 0) & (wa == wb) & (f["wv"][a] != f["wv"][b])
    if digits.any():
        k = np.flatnonzero(digits)
        ka, kb = a[k], b[k]
        ta, tb = f["t1"][ka].astype(np.int64), f["t1"][kb].astype(np.int64)
        dated_a = (f["tclosed"][ka] >= 0) & (ta != _OPEN_HI)
        dated_b = (f["tclosed"][kb] >= 0) & (tb != _OPEN_HI)
        good[k] = ~(dated_a & dated_b & (np.abs(ta - tb) > lag))
    # two people, two statements: across articles, two figures that two different named
    # people gave ("some 43,000", the deputy economy minister; "about 42,500", the prime
    # minister's spokeswoman) and that differ as written are two counts (rule 31)
    person = f["person"]
    k = np.flatnonzero(good & ~same_doc & (person[a] == 1) & (person[b] == 1))
    if len(k):
        ka, kb, wv, sid = a[k], b[k], f["wv"], f["src_id"]
        k = k[(sid[ka] != sid[kb]) & (wv[ka] != wv[kb]) & ~np.isnan(wv[ka]) & ~np.isnan(wv[kb])]
        if len(k):
            same = _tsr_ids(f["_src"], sid[a[k]], sid[b[k]]) >= 80
            good[k[~same]] = False
    ok[keep] = good
    return ok


# the form of a figure (rules 22-23)
_NUMBER, _FLOOR, _CEILING, _RANGE, _VAGUE_FORM, _BELOW = 0, 1, 2, 3, 4, 5
_FORMS = {"more_than": _FLOOR, "at_least": _FLOOR, "up_to": _CEILING, "nearly": _BELOW,
          "less_than": _BELOW}  # fmt: skip


# rule 18: across articles a vague magnitude whose upper bound is below this ("hundreds",
# "thousands") identifies no fact; "tens of thousands" and more still may (rule 14)
_VAGUE_FACT = 10_000
_ASOF_SLACK = 2  # days: one report restated by the next day's papers keeps its group
# rule 13: a closed time at least this long is a counting period ("in September", "in
# fiscal 2022", "since January 1" to a day), and two periods whose lengths differ more
# than _PERIOD_RATIO times count different things; a shorter closed time is too often the
# date of one event written at another precision ("on September 21" / "last week")
_PERIOD_DAYS = 28
_PERIOD_RATIO = 2
# rule 30: a closed time of a week or more (shorter than a counting period) and a counting
# period more than _SPAN_RATIO times as long count different things; a closed time shorter
# than a week is left alone (a day's date at another precision: "on September 21" / "in
# September")
_SPAN_DAYS = 7
_SPAN_RATIO = 8


def _sentence_counts(f: dict[str, Any]) -> dict[tuple[int, int], list[tuple[int, float, float]]]:
    """For each sentence (document, sentence start) that holds a relative change, the
    counts stated in it: (rate, the number as written widened by its rounding only). Built
    once, only for the sentences of change claims (rule 16)."""
    if "_told" not in f:
        told: dict[tuple[int, int], list[tuple[int, float, float]]] = {}
        kind, ss = f["kind"], f["sstart"].astype(np.int64)
        ch = np.flatnonzero((kind == _KINDS["change"]) & (ss >= 0))
        if len(ch):
            doc = f["doc"].astype(np.int64)
            key = doc * (int(ss.max()) + 1) + ss
            cnt = np.flatnonzero((kind == _KINDS["count"]) & (ss >= 0) & np.isin(key, key[ch]))
            for i, p, lo, hi in zip(cnt.tolist(), f["per"][cnt].tolist(),
                                    f["rlo"][cnt].tolist(), f["rhi"][cnt].tolist(),
                                    strict=True):  # fmt: skip
                told.setdefault((f["doc"][i], f["sstart"][i]), []).append((p, lo, hi))
        f["_told"] = told
    return f["_told"]


def _period(f: dict[str, np.ndarray]) -> np.ndarray:
    """The length in days of each claim's counting period (rule 13), 0 for none."""
    if "period" not in f:
        n = (f["t1"].astype(np.int64) - f["t0"] + 1) * (f["tclosed"] == 1)
        f["period"] = np.where(n >= _PERIOD_DAYS, n, 0)
    return f["period"]


def _span(f: dict[str, np.ndarray]) -> np.ndarray:
    """The length in days of each claim's closed time when it is at least _SPAN_DAYS and
    shorter than a counting period (rule 30), 0 otherwise."""
    if "span" not in f:
        n = (f["t1"].astype(np.int64) - f["t0"] + 1) * (f["tclosed"] == 1)
        f["span"] = np.where((n >= _SPAN_DAYS) & (n < _PERIOD_DAYS), n, 0)
    return f["span"]


def _closeness(f: dict[str, np.ndarray], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """1 for the same number, 0 at a ratio of 1.25 (interval midpoints, log scale)."""
    lo, hi = f["lo"], f["hi"]
    ma = np.sqrt(np.abs(lo[a] * hi[a])) + 1e-12
    mb = np.sqrt(np.abs(lo[b] * hi[b])) + 1e-12
    c = np.clip(1 - np.abs(np.log(ma / mb)) / math.log(1.25), 0, 1)
    # a number inside a vague magnitude's bounds is what the magnitude says ("Thousands"
    # over "about 4,600"): as close as can be (only inside one article, rules 5 and 10)
    va, vb = f["vid"][a] != 0, f["vid"][b] != 0
    inside = (va & ~vb & (lo[a] <= lo[b]) & (hi[b] <= hi[a])) | (
        vb & ~va & (lo[b] <= lo[a]) & (hi[a] <= hi[b]))
    c[inside] = 1.0
    return c


_SCORE_CHUNK = 1_000_000  # pairs whose sentences are compared per rapidfuzz call


def _tsr_ids(strings: list[str], ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """token_set_ratio of strings[ia[k]] and strings[ib[k]], each distinct (ia, ib) pair
    of ids computed once (rapidfuzz ``cpdist`` on both cores)."""
    if len(ia) == 0:
        return np.zeros(0)
    m = len(strings)
    key, inv = np.unique(ia.astype(np.int64) * m + ib, return_inverse=True)
    tab = np.asarray(strings, dtype=object)
    out = process.cpdist(tab[key // m], tab[key % m], scorer=fuzz.token_set_ratio,
                         dtype=np.float64, workers=-1)  # fmt: skip
    return out[inv.ravel()]


def score_pairs(rows: _Rows, f: dict[str, np.ndarray], a: np.ndarray, b: np.ndarray,
                decide: float | None = None, defer: bool = False) -> Any:  # fmt: skip
    """Soft evidence that two compatible claims are the same fact (0..1).

    Vectorised: numpy for the numeric terms, rapidfuzz ``cpdist`` for the string
    similarities (each distinct population / source pair once). The additions are made in
    the order of the per-pair formula (population, source, numeric, sentence), so the
    floating-point result is the same as scoring one pair at a time."""
    s = 0.25 + 0.15 * _closeness(f, a, b)
    for side in ("origin", "dest"):
        s += 0.05 * ((f[side][a] == f[side][b]) & (f[side][a] != 0))
    s += 0.05 * ((f["event"][a] == f["event"][b]) & (f["event"][a] != 0))
    same_doc = f["doc"][a] == f["doc"][b]
    # population: 0.2 * token_set_ratio, 0.08 when either is missing
    pa, pb = f["pop_id"][a], f["pop_id"][b]
    both = (pa != 0) & (pb != 0)
    x = np.full(len(a), 0.08)
    x[both] = 0.2 * _tsr_ids(rows.strings["pop"], pa[both], pb[both]) / 100
    # source: +0.1 when shared; -0.1 for two named sources in one article
    sa, sb = f["src_id"][a], f["src_id"][b]
    both = (sa != 0) & (sb != 0)
    shared = np.zeros(len(a), dtype=bool)
    diff = both & (sa != sb)
    shared[diff] = _tsr_ids(rows.strings["src"], sa[diff], sb[diff]) >= 80
    shared |= both & (sa == sb)
    x[shared] += 0.1
    # (a headline's attribution is a short form, "officials say", "UN says": no penalty)
    head = (f["head"][a] == 1) | (f["head"][b] == 1)
    x[both & ~shared & same_doc & ~head] -= 0.1
    x += s
    # the sentence term (0..0.2) is skipped where the pair cannot reach the bar, and
    # with ``defer`` where it passes anyway (``deferred``: add it later if the order of
    # the pairs matters, with _add_sentence)
    deferred = np.zeros(len(a), dtype=bool)
    if decide is None:
        need = np.arange(len(a))
    elif defer:
        deferred = x >= decide
        need = np.flatnonzero((x >= decide - 0.2) & ~deferred)
    else:
        need = np.flatnonzero(x >= decide - 0.2)
    _add_sentence(rows, f, a, b, x, need)
    return (x, deferred) if defer else x


def _add_sentence(rows: _Rows, f: dict[str, np.ndarray], a: np.ndarray, b: np.ndarray,
                  x: np.ndarray, need: np.ndarray) -> None:  # fmt: skip
    """x[need] += the sentence term (0.2 * token_set_ratio of the lower-cased sentences)."""
    if not len(need):
        return
    sent = np.asarray(rows.strings["sent"], dtype=object)
    ta, tb = f["sent_id"][a[need]], f["sent_id"][b[need]]
    for k in range(0, len(need), _SCORE_CHUNK):
        sl = slice(k, k + _SCORE_CHUNK)
        r = process.cpdist(sent[ta[sl]], sent[tb[sl]], scorer=fuzz.token_set_ratio,
                           dtype=np.float64, workers=-1)  # fmt: skip
        x[need[sl]] += 0.2 * r / 100


# ---------------------------------------------------------------------------- groups


def _components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Connected components of the graph (n nodes, edges a-b): each node's label is the
    smallest node of its component (vectorised hooking and pointer jumping)."""
    lab = np.arange(n, dtype=np.int64)
    while len(a):
        la, lb = lab[a], lab[b]
        diff = la != lb
        if not diff.any():
            break
        a, b, la, lb = a[diff], b[diff], la[diff], lb[diff]
        np.minimum.at(lab, np.maximum(la, lb), np.minimum(la, lb))
        while True:
            nxt = lab[lab]
            if np.array_equal(nxt, lab):
                break
            lab = nxt
    return lab


def _consistent(f: dict[str, np.ndarray], lab: np.ndarray, lag: int) -> np.ndarray:
    """Per component label: can all its members be one group? They must share a value,
    one event type, one origin, one destination and a common time (with the lag), and no
    pair of them may be clearly incompatible (``_group_keys``). Such a component becomes
    one group whatever the merge order: every subset of it passes the merge checks (for
    intervals, pairwise overlap of all members is a common point), so best-first merging
    along its edges joins all of it."""
    n = len(lab)
    big = np.iinfo(np.int64).max
    lo = np.full(n, -np.inf)
    np.maximum.at(lo, lab, f["lo"])
    hi = np.full(n, np.inf)
    np.minimum.at(hi, lab, f["hi"])
    # a common value of positive width, or a single point that is a member's value (rule 15)
    point = np.zeros(n, dtype=bool)
    np.logical_or.at(point, lab, f["lo"] == f["hi"])
    ok = (lo < hi) | ((lo == hi) & point)
    g = _group_keys(f)
    for k0, k1, slack in (("gt0", "gt1", lag), ("ct0", "ct1", 0)):
        t0 = np.full(n, -big)
        np.maximum.at(t0, lab, g[k0])
        t1 = np.full(n, big)
        np.minimum.at(t1, lab, g[k1])
        ok &= t0 <= t1 + slack
    for side in ("event", "origin", "dest"):
        v = f[side].astype(np.int64)
        mx = np.zeros(n, dtype=np.int64)
        np.maximum.at(mx, lab, v)
        mn = np.full(n, big)
        np.minimum.at(mn, lab, np.where(v == 0, big, v))
        ok &= (mx == 0) | (mn == mx)
    per = g["period"]
    mn = np.full(n, _OPEN_HI, dtype=np.int64)  # no counting period: no bound
    np.minimum.at(mn, lab, np.where(per > 0, per, _OPEN_HI))
    mx = np.zeros(n, dtype=np.int64)
    np.maximum.at(mx, lab, per)
    ok &= mx <= _PERIOD_RATIO * mn
    # a week's count and a counting period more than _SPAN_RATIO times as long (rule 30)
    sp = g["span"]
    smn = np.full(n, _OPEN_HI, dtype=np.int64)
    np.minimum.at(smn, lab, np.where(sp > 0, sp, _OPEN_HI))
    ok &= mx <= _SPAN_RATIO * smn
    # cannot-link tags: two members of one sentence; a vague figure and a number in the
    # body of one article
    for col in ("stag", "btag"):
        ok[lab[_tag_conflicts(lab, g[col], col == "stag")]] = False
    return ok


def _partner(tag: np.ndarray) -> np.ndarray:
    """The tag a group holding ``tag`` must not meet (``_group_keys``): a sentence tag
    (``tag % 4 == 0``) itself, an article-body tag (``4 * doc + 2 + vague``) its other
    kind."""
    return np.where(tag % 4 == 0, tag, tag ^ 1)


def _tag_conflicts(comp: np.ndarray, tag: np.ndarray, sentence: bool) -> np.ndarray:
    """Which claims have a cannot-link tag that another claim of their component (label
    ``comp``) excludes: a second member of the same sentence (``sentence``), or a member
    of the other kind (vague / number) in the same article body."""
    out = np.zeros(len(tag), dtype=bool)
    idx = np.flatnonzero(tag >= 0)
    if not len(idx):
        return out
    c, t = comp[idx], tag[idx]
    key, kind = (t, np.zeros_like(t)) if sentence else (t >> 1, t & 1)
    o = np.lexsort((kind, key, c))
    c, key, kind = c[o], key[o], kind[o]
    new = np.r_[True, (c[1:] != c[:-1]) | (key[1:] != key[:-1])]
    starts = np.flatnonzero(new)
    ends = np.r_[starts[1:], len(c)]
    bad = (ends - starts > 1) if sentence else (kind[starts] != kind[ends - 1])
    out[idx[o]] = bad[np.cumsum(new) - 1]
    return out


def _group_keys(f: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """What the members of one group must agree on beyond a value, an event type and the
    countries (docs/dedupe.md, section 4, rule 13), as columns. Each is a pairwise hard
    rule that a chain of pairs could otherwise break, kept so that a group's summary
    decides a merge exactly as testing every pair across the two groups would:

    * ``gt0``/``gt1``: a common time (with the lag). A publication window (rule 7) is
      left out, since it only stands for "recent" when two articles are compared: inside
      one article an undated caption may restate a dated figure. Pairs across articles
      still meet the window (``_compatible``).
    * ``ct0``/``ct1``: the closed times only (both ends known; open otherwise), which
      must meet with no lag (rule 7: two closed times that do not overlap are two facts).
    * ``period``: counting periods (rule 13): the longest at most _PERIOD_RATIO times
      the shortest.
    * ``stag``, ``btag``: cannot-link tags (-1: none); a group may not hold a tag and its
      ``_partner``. ``stag``: a claim that shares its sentence with another claim, tagged
      with the sentence (``4 * key``; rule 6: two numbers of one sentence are two facts).
      ``btag``: a claim in the body (not a headline: ``head``) of an article whose body has
      both a vague magnitude and a number (``4 * doc + 2 + vague``; rule 10: in one body,
      "tens of thousands" is not "about 40,000").

    Rules that are an equivalence (same kind and rate, rule 1; projection or not, rule 9)
    need no check: every accepted pair agrees, so every component does."""
    if "gt0" in f:
        return f
    pub = f["tclosed"] == 2
    f["gt0"] = np.where(pub, _OPEN_LO, f["t0"]).astype(np.int64)
    f["gt1"] = np.where(pub, _OPEN_HI, f["t1"]).astype(np.int64)
    closed = f["tclosed"] == 1
    f["ct0"] = np.where(closed, f["t0"], _OPEN_LO).astype(np.int64)
    f["ct1"] = np.where(closed, f["t1"], _OPEN_HI).astype(np.int64)
    f["period"] = _period(f)
    f["span"] = _span(f)
    doc = f["doc"].astype(np.int64)
    ss = f["sstart"].astype(np.int64)
    key = np.where(ss >= 0, doc * (int(ss.max(initial=0)) + 1) + ss, -1)
    o = np.argsort(key, kind="stable")
    ks = key[o]
    dup = (ks[1:] == ks[:-1]) & (ks[1:] >= 0)
    shared = np.zeros(len(key), dtype=bool)
    shared[o[1:][dup]] = True
    shared[o[:-1][dup]] = True
    f["stag"] = np.where(shared, 4 * key, -1)
    vague = (f["vid"] != 0).astype(np.int64)
    body = f["head"] == 0  # not a headline or title line (rule 10)
    nd = int(doc.max(initial=0)) + 1
    has_v = np.bincount(doc[body & (vague == 1)], minlength=nd) > 0
    has_n = np.bincount(doc[body & (vague == 0)], minlength=nd) > 0
    both = body & has_v[doc] & has_n[doc]
    f["btag"] = np.where(both, 4 * doc + 2 + vague, -1)
    return f


def _greedy(f: dict[str, np.ndarray], a: np.ndarray, b: np.ndarray, lag: int,
            parent: np.ndarray) -> None:  # fmt: skip
    """Best-first union-find over the pairs in the given order; ``parent`` holds the
    component labels of ``_components`` and is updated in place (roots the smallest
    index). A merge is refused when the merged group would have no common value, two
    event types, two origins, two destinations or disjoint times, or would hold a clearly
    incompatible pair (``_group_keys``). Each root keeps its group's summary (common
    value and time; event type and countries; for groups with a closed time, the common
    closed time and the shortest and longest counting period; the cannot-link tags, for
    the few claims that need them), so a merge is decided in constant time and exactly as
    testing every pair across the two groups would. Works on the nodes of the pairs only
    (renumbered in order, so the smallest stays the smallest), as Python lists."""
    nodes, inv = np.unique(np.concatenate([a, b]), return_inverse=True)
    inv = inv.ravel()
    a_l, b_l = inv[: len(a)].tolist(), inv[len(a) :].tolist()
    par = list(range(len(nodes)))
    lo, hi = f["lo"][nodes].tolist(), f["hi"][nodes].tolist()
    point = (f["lo"][nodes] == f["hi"][nodes]).tolist()  # a group holding a single-point value
    g = _group_keys(f)
    t0, t1 = g["gt0"][nodes].tolist(), g["gt1"][nodes].tolist()
    ev, org = f["event"][nodes].tolist(), f["origin"][nodes].tolist()
    dst = f["dest"][nodes].tolist()
    # closed times: (common closed time, shortest and longest counting period, shortest
    # span of one to four weeks: rule 30), or None
    cl: list[tuple[int, int, int, int, int] | None] = [None] * len(nodes)
    per, spn = g["period"][nodes], g["span"][nodes]
    sel = np.flatnonzero(f["tclosed"][nodes] == 1)
    ns = nodes[sel]
    for i, x, y, p, w in zip(sel.tolist(), g["ct0"][ns].tolist(), g["ct1"][ns].tolist(),
                             per[sel].tolist(), spn[sel].tolist(), strict=True):  # fmt: skip
        cl[i] = (x, y, p or _OPEN_HI, p, w or _OPEN_HI)
    # cannot-link tags and the tags they exclude, kept only for the claims whose tag
    # another claim of their component excludes
    tags: list[tuple[set[int], set[int]] | None] = [None] * len(nodes)
    for col in ("stag", "btag"):
        t = g[col][nodes]
        sel = np.flatnonzero(_tag_conflicts(parent[nodes], t, col == "stag"))
        for i, x, y in zip(sel.tolist(), t[sel].tolist(), _partner(t[sel]).tolist(), strict=True):
            own = tags[i]
            tags[i] = ({x}, {y}) if own is None else (own[0] | {x}, own[1] | {y})
    for i, j in zip(a_l, b_l, strict=True):
        while par[i] != i:
            par[i] = i = par[par[i]]
        while par[j] != j:
            par[j] = j = par[par[j]]
        if i == j:
            continue
        x0 = lo[i] if lo[i] > lo[j] else lo[j]
        x1 = hi[i] if hi[i] < hi[j] else hi[j]
        pt = point[i] or point[j]
        if x0 > x1 or (x0 == x1 and not pt):  # no common value; two intervals that only touch
            continue
        y0 = t0[i] if t0[i] > t0[j] else t0[j]
        y1 = t1[i] if t1[i] < t1[j] else t1[j]
        if y0 > y1 + lag:
            continue
        ei, ej, oi, oj, di, dj = ev[i], ev[j], org[i], org[j], dst[i], dst[j]
        if (ei and ej and ei != ej) or (oi and oj and oi != oj) or (di and dj and di != dj):
            continue
        ci, cj = cl[i], cl[j]
        if ci is not None and cj is not None:
            z0 = ci[0] if ci[0] > cj[0] else cj[0]
            z1 = ci[1] if ci[1] < cj[1] else cj[1]
            q0 = ci[2] if ci[2] < cj[2] else cj[2]
            q1 = ci[3] if ci[3] > cj[3] else cj[3]
            w0 = ci[4] if ci[4] < cj[4] else cj[4]
            if z0 > z1 or q1 > _PERIOD_RATIO * q0 or q1 > _SPAN_RATIO * w0:
                continue  # disjoint closed times; a month and a year; a week and a season
            ci = (z0, z1, q0, q1, w0)
        elif ci is None:
            ci = cj
        ti, tj = tags[i], tags[j]
        if ti is not None and tj is not None:
            if not (ti[1].isdisjoint(tj[0]) and tj[1].isdisjoint(ti[0])):
                continue  # two numbers of one sentence; a vague figure and a number of one body
            ti[0].update(tj[0])
            ti[1].update(tj[1])
        elif ti is None:
            ti = tj
        if i > j:
            i, j = j, i
        par[j] = i
        lo[i], hi[i], t0[i], t1[i], cl[i], tags[i], point[i] = x0, x1, y0, y1, ci, ti, pt
        ev[i], org[i], dst[i] = ei or ej, oi or oj, di or dj
    for k in range(len(par)):
        r = k
        while par[r] != r:
            r = par[r]
        par[k] = r
    parent[nodes] = nodes[np.asarray(par, dtype=np.int64)]


def _features(rows: _Rows) -> dict[str, np.ndarray]:
    """The feature columns as contiguous numpy arrays."""
    out: dict[str, np.ndarray] = {}
    for names, buf in ((_I8, rows.i8), (_I32, rows.i32), (_F64, rows.f64)):
        m = np.frombuffer(buf, dtype=buf.typecode).reshape(-1, len(names))
        for j, k in enumerate(names):
            out[k] = np.ascontiguousarray(m[:, j])
    out["_src"] = rows.strings["src"]  # the source names (rule 31 compares a few pairs)
    return out


def _cluster(rows: _Rows, cfg: DedupeConfig) -> tuple[np.ndarray, np.ndarray]:
    """Group root of each usable row (row order) and the row -> claim index map."""
    f = _features(rows)
    rows.i8 = rows.i32 = rows.f64 = None  # type: ignore[assignment]  # the columns hold them
    n = len(f["lo"])
    a, b = _candidates(f, cfg.lag_days, cfg.window)
    # pairs that pass the bar without the sentence term get it only if their order
    # matters (an inconsistent component, below): same scores, fewer string comparisons
    sc, partial = score_pairs(rows, f, a, b, cfg.min_score, defer=True)
    good = sc >= cfg.min_score
    a, b, sc, partial = a[good], b[good], sc[good], partial[good]
    del good
    lab = _components(n, a, b)
    ok = _consistent(f, lab, cfg.lag_days)
    # only components that are not consistent as a whole need the ordered merging
    hard = ~ok[lab[a]]
    a, b, sc, partial = a[hard], b[hard], sc[hard], partial[hard]
    if len(a):
        _add_sentence(rows, f, a, b, sc, np.flatnonzero(partial))
        order = np.lexsort((b, a, -sc))
        _greedy(f, a[order], b[order], cfg.lag_days, lab)
    return lab, f["lo"]


def _dedupe_rows(rows: _Rows, usable: list[int], cfg: DedupeConfig, build: Any) -> list[ClaimGroup]:
    n = len(rows.ids)
    root_of = np.arange(n, dtype=np.int64)  # claims without a number stay alone
    spec = np.zeros(n)
    if usable:
        roots, _ = _cluster(rows, cfg)
        # the string tables (a sentence per claim) served the scoring: free them before
        # the canonical claims are built
        rows.strings, rows._sids = {}, {}
        u = np.asarray(usable, dtype=np.int64)
        root_of[u] = u[roots]
        spec[u] = np.frombuffer(rows.spec, dtype=np.float64)
    # members in input order, groups by their first member; canonical: highest
    # preference, then the earliest member
    order = np.lexsort((np.arange(n), root_of))
    r = root_of[order]
    starts = np.flatnonzero(np.r_[True, r[1:] != r[:-1]])
    ends = np.r_[starts[1:], n]
    gorder = np.argsort(order[starts], kind="stable")
    corder = np.lexsort((np.arange(n), -spec, root_of))
    canon_all = corder[starts].tolist()  # same group sequence as ``starts``
    canon = [canon_all[g] for g in gorder.tolist()]
    claims = build(canon)
    out: list[ClaimGroup] = []
    ids, docs = rows.ids, rows.doc_ids
    order_l, starts_l, ends_l = order.tolist(), starts.tolist(), ends.tolist()
    blake = hashlib.blake2b
    new_member = GroupMember
    for g, c in zip(gorder.tolist(), canon, strict=True):
        mem = order_l[starts_l[g] : ends_l[g]]
        if len(mem) == 1:
            i = mem[0]
            key = f"{docs[i]}:{ids[i]}"
            members: tuple[GroupMember, ...] = (new_member(docs[i], ids[i]),)
            ndoc = 1
        else:
            key = ",".join(sorted(f"{docs[i]}:{ids[i]}" for i in mem))
            members = tuple(new_member(docs[i], ids[i]) for i in mem)
            ndoc = len({docs[i] for i in mem})
        out.append(ClaimGroup(id=blake(key.encode(), digest_size=8).hexdigest(),
                              canonical=claims[c], members=members, documents=ndoc))  # fmt: skip
    return out


def _read(items: Iterable[tuple[Any, Any, str | None, Any, Any]], cfg: DedupeConfig
          ) -> tuple[_Rows, list[int]]:  # fmt: skip
    rows = _Rows()
    usable: list[int] = []
    for ci, (n, d, doc, ref, pub) in enumerate(items):
        if rows.add(d, n, doc, ref, cfg, pub):
            usable.append(ci)
    return rows, usable


def _no_gc(fn: Any) -> Any:
    """Run ``fn`` with the cyclic garbage collector paused: dedupe allocates millions of
    acyclic containers (parsed JSON, records), and the collector's full passes over them
    cost a fifth of the run at 300k claims, growing with N. Restored afterwards."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        was = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was:
                gc.enable()

    return run


@_no_gc
def dedupe(items: Iterable[Any], config: DedupeConfig | None = None) -> list[ClaimGroup]:
    """Group claims that report the same fact.

    ``items``: Extractions, Claims, claim dicts as ``Claim.to_dict()`` writes them, or
    extraction dicts. Every claim ends up in exactly one group (singletons included);
    groups are ordered by their first member's input position, members by input order.
    A claim without a time inside an Extraction or extraction dict with a ``published``
    date stands for the ``pub_window_days`` before publication (docs/dedupe.md, rule 7).
    Malformed input raises ``InvalidRecordError`` naming the record."""
    cfg = config or DedupeConfig()
    rows, usable = _read(((n, d, doc, d, pub) for n, d, doc, pub in _iter_refs(items)), cfg)

    def build(canon: list[int]) -> dict[int, Claim]:
        out = {}
        for ci in canon:
            ref = rows.refs[ci]
            if isinstance(ref, Claim):
                out[ci] = ref
            else:
                if not ref.get("doc_id") and rows.doc_ids[ci]:
                    ref = {**ref, "doc_id": rows.doc_ids[ci]}
                out[ci] = _claim(ref, ci)
        return out

    return _dedupe_rows(rows, usable, cfg, build)


_SCAN = json.JSONDecoder().scan_once  # the C scanner: (value, end) of the JSON at an index
_WS = re.compile(r"[ \t\n\r]*").match
_SHIFT = 32  # a claim read from a file: line number << _SHIFT | offset of the claim in it


def _scan_extraction(s: str) -> tuple[dict[str, Any], list[int]] | None:
    """A JSON object line whose ``claims`` array is read element by element, so that the
    offset of each claim object in the line is known (the second pass then decodes only
    the canonical claims, not the line). None when the line is not such an object (the
    caller falls back to ``json.loads``, which reports any error)."""
    try:
        i = _WS(s, 0).end()
        if s[i] != "{":
            return None
        d: dict[str, Any] = {}
        offs: list[int] = []
        i = _WS(s, i + 1).end()
        if s[i] == "}":
            return None
        while True:
            if s[i] != '"':
                return None
            key, i = _SCAN(s, i)
            i = _WS(s, i).end()
            if s[i] != ":":
                return None
            i = _WS(s, i + 1).end()
            if key == "claims" and s[i] == "[":
                claims: list[Any] = []
                offs = []
                i = _WS(s, i + 1).end()
                if s[i] == "]":
                    i += 1
                else:
                    while True:
                        c, j = _SCAN(s, i)
                        claims.append(c)
                        offs.append(i)
                        i = _WS(s, j).end()
                        if s[i] == ",":
                            i = _WS(s, i + 1).end()
                        elif s[i] == "]":
                            i += 1
                            break
                        else:
                            return None
                d[key] = claims
            else:
                d[key], i = _SCAN(s, i)
            i = _WS(s, i).end()
            if s[i] == ",":
                i = _WS(s, i + 1).end()
            elif s[i] == "}":
                break
            else:
                return None
        if _WS(s, i + 1).end() != len(s):
            return None
        return d, offs
    except (StopIteration, IndexError, ValueError):
        return None


@_no_gc
def dedupe_jsonl(path: str, config: DedupeConfig | None = None) -> list[ClaimGroup]:
    """``dedupe`` over a JSON-lines file of claims or extractions (each extraction's
    ``published`` date is used as in ``dedupe``), streamed: each line is read once for
    its features, and the canonical claims are decoded again from their offsets in a
    second sequential pass, so memory does not hold the parsed input. Errors name the
    line (``record`` is the line number)."""
    cfg = config or DedupeConfig()

    rows = _Rows()
    usable: list[int] = []  # claims with a number (input positions)
    add, use = rows.add, usable.append
    ci = 0  # claims read so far
    loads = json.loads
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            base = n << _SHIFT
            ln = _Line(n)
            if b'"claims"' in raw:  # probably an extraction: keep the claims' offsets
                try:
                    got = _scan_extraction(raw.decode())
                except UnicodeDecodeError:
                    got = None  # json.loads below reports it
                if got is not None and "quantity" not in got[0] and got[1]:
                    d, offs = got
                    doc, pub = d.get("doc_id"), d.get("published")
                    for c, off in zip(d["claims"], offs, strict=True):
                        if add(c, ln, doc, base | off, cfg, pub):
                            use(ci)
                        ci += 1
                    continue
            try:
                d = loads(raw)
            except ValueError as exc:
                if not raw.strip():
                    continue
                raise InvalidRecordError(f"line {n}: malformed JSON ({exc})", record=ln) from exc
            if not isinstance(d, dict):
                raise InvalidRecordError(f"line {n}: expected a JSON object", record=ln)
            if "quantity" in d:  # a bare claim dict
                if add(d, ln, None, base, cfg, None):
                    use(ci)
                ci += 1
                continue
            for _k, c, doc, pub in _iter_refs([d]):
                if add(c, ln, doc, base, cfg, pub):
                    use(ci)
                ci += 1

    def build(canon: list[int]) -> dict[int, Claim]:
        # one sequential pass: a canonical claim is decoded from its offset in the line;
        # a line read whole the first time (a claim, an unusual extraction) is parsed again
        want: dict[int, list[int]] = {}
        for ci in canon:
            want.setdefault(rows.refs[ci] >> _SHIFT, []).append(ci)
        mask = (1 << _SHIFT) - 1
        out: dict[int, Claim] = {}
        with open(path, "rb") as fh:
            for n, raw in enumerate(fh, 1):
                if n not in want:
                    continue
                s = raw.decode()
                whole: Any = None
                for ci in want[n]:
                    off = rows.refs[ci] & mask
                    if off:
                        c = _SCAN(s, off)[0]
                    else:
                        if whole is None:
                            whole = json.loads(s)
                        c = whole
                        if "quantity" not in whole and "claims" in whole:  # find the claim
                            c = _find_claim(whole, rows.ids[ci])
                    if not c.get("doc_id") and rows.doc_ids[ci]:
                        c = {**c, "doc_id": rows.doc_ids[ci]}
                    out[ci] = _claim(c, _Line(n))
        return out

    return _dedupe_rows(rows, usable, cfg, build)


def _find_claim(ex: dict[str, Any], cid: str) -> Any:
    doc = ex.get("doc_id")
    for x in ex["claims"]:
        q = x.get("quantity") or {}
        xid = x.get("id") or claim_id(x.get("doc_id") or doc, q.get("start"), q.get("end"))
        if str(xid) == cid:
            return x
    raise KeyError(cid)  # the file changed between the two passes
