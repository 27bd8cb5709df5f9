"""Pure dedupe: claims from many articles -> one ``ClaimGroup`` per reported fact.

Design (see docs/dedupe.md for the measurements behind it):

* **Blocking.** Each claim is indexed under (kind, rate, coarse event family, country) for
  every country it names (origin and destination), and inside a block the claims are
  sorted by the logarithm of their magnitude; only claims whose magnitudes lie within
  ``tolerance`` of each other are compared (a sliding window). The cost is
  O(n log n + n * w) with w the window occupancy, not O(n^2).
* **Scoring.** A pair must have compatible numbers (value intervals that overlap after
  widening for hedges and rounding; vague magnitudes only match the same vague wording),
  the same ``per``, no conflicting origin/destination, overlapping time when both have
  one, and not two different event families. It then scores on population and sentence
  similarity (rapidfuzz ``token_set_ratio``) and a shared source.
* **Clustering.** Pairs are merged best-first with union-find, but only when the merged
  group's value intervals still have a common intersection and its event types and
  countries still agree: no transitive drift from 5,000 to 50,000.

Two different facts that share a number (300,000 reservists called up vs 300,000 people
who left) differ in event family or place and stay apart.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from rapidfuzz import fuzz

from .errors import InvalidRecordError
from .records import Claim, ClaimGroup, Extraction, GroupMember

__all__ = ["DedupeConfig", "block_keys", "dedupe", "to_claims"]

_FAMILY = {
    "departure": "move", "arrival": "move", "onward": "move", "stock": "move", "other": "move",
    None: "move", "border_encounter": "encounter", "asylum": "asylum",
    "mobilization": "mobilization", "casualty": "casualty", "return": "return",
}  # fmt: skip


@dataclass(frozen=True)
class DedupeConfig:
    # magnitudes further apart than this ratio are never compared (the widest interval a
    # hedge gives is 'more than X' = X..1.35X, so 0.6 loses no compatible pair)
    tolerance: float = 0.6
    min_score: float = 0.45  # minimum pair score to merge
    time_slack_days: int = 3


@dataclass(slots=True)
class _Item:
    idx: int
    claim: Claim
    lo: float
    hi: float
    mag: float
    vague: bool
    family: str
    per: str | None
    kind: str
    origin: str | None
    dest: str | None
    t0: int | None
    t1: int | None
    pop: str
    sent: str
    source: str


def to_claims(items: Iterable[Any]) -> list[Claim]:
    """Extractions, Claims, claim dicts or extraction dicts -> Claims.

    Raises ``InvalidRecordError`` naming the record (its position and doc_id)."""
    out: list[Claim] = []
    for n, it in enumerate(items):
        if isinstance(it, Claim):
            out.append(it)
        elif isinstance(it, Extraction):
            out.extend(it.claims)
        elif isinstance(it, dict):
            try:
                if "claims" in it and "quantity" not in it:
                    out.extend(Claim.from_dict(c) for c in it["claims"])
                else:
                    out.append(Claim.from_dict(it))
            except (InvalidRecordError, KeyError, TypeError, ValueError) as exc:
                did = it.get("doc_id")
                raise InvalidRecordError(
                    f"record {n}" + (f" (doc_id {did!r})" if did else "") + f": {exc}",
                    field=getattr(exc, "field", None),
                    record=n,
                ) from exc
        else:
            raise InvalidRecordError(
                f"record {n}: expected an Extraction, a Claim or a dict, got {type(it).__name__}",
                record=n,
            )
    return out


def _interval(c: Claim) -> tuple[float, float, bool] | None:
    q = c.quantity
    v = q.value
    if v is None and q.low is None and q.high is None:
        return None
    vague = v is None and q.approximate
    if v is not None:
        v = float(v)
        if q.qualifier == "more_than" or q.qualifier == "at_least":
            return v, v * 1.35, False
        if q.qualifier in ("up_to", "less_than"):
            return v * 0.6, v, False
        if q.qualifier == "nearly":
            return v * 0.85, v, False
        if q.approximate:
            return v * 0.9, v * 1.1, False
        return v * 0.97, v * 1.03, False
    lo = float(q.low) if q.low is not None else float(q.high) * 0.5  # type: ignore[arg-type]
    hi = float(q.high) if q.high is not None else lo * 1.5
    return lo, hi, vague


def _day(s: str | None) -> int | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s).toordinal()
    except ValueError:
        return None


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def _item(idx: int, c: Claim) -> _Item | None:
    iv = _interval(c)
    if iv is None:
        return None
    lo, hi, vague = iv
    mag = (
        math.sqrt(max(lo, 1e-9) * max(hi, 1e-9))
        if lo > 0 and hi > 0
        else max(abs(lo), abs(hi), 1e-9)
    )
    t = c.time
    return _Item(
        idx, c, lo, hi, mag, vague,
        _FAMILY.get(c.event.type if c.event else None, "move"),
        c.quantity.per, c.quantity.kind,
        c.origin.code if c.origin else None,
        c.destination.code if c.destination else None,
        _day(t.date_from) if t else None, _day(t.date_to) if t else None,
        _norm(c.population.text if c.population else ""), _norm(c.sentence.text),
        _norm(c.source.name if c.source else ""),
    )  # fmt: skip


def block_keys(it: _Item) -> list[tuple[Any, ...]]:
    """The blocks a claim is indexed under (one per country it names)."""
    codes = {c for c in (it.origin, it.dest) if c} or {"-"}
    return [(it.kind, it.per, it.family, code) for code in sorted(codes)]


def _compatible(a: _Item, b: _Item, cfg: DedupeConfig) -> bool:
    if a.kind != b.kind or a.per != b.per or a.family != b.family:
        return False
    if a.vague or b.vague:
        if not (a.vague and b.vague and a.lo == b.lo and a.hi == b.hi):
            return False
    if a.hi < b.lo or b.hi < a.lo:
        return False
    if a.dest and b.dest and a.dest != b.dest:
        return False
    if a.origin and b.origin and a.origin != b.origin:
        return False
    if None not in (a.t0, a.t1, b.t0, b.t1):
        if a.t1 + cfg.time_slack_days < b.t0 or b.t1 + cfg.time_slack_days < a.t0:  # type: ignore[operator]
            return False
    elif a.t1 is not None and b.t1 is not None and abs(a.t1 - b.t1) > 45:
        return False
    return True


def _score(a: _Item, b: _Item) -> float:
    s = 0.35
    if a.pop and b.pop:
        s += 0.25 * fuzz.token_set_ratio(a.pop, b.pop) / 100
    else:
        s += 0.1
    s += 0.25 * fuzz.token_set_ratio(a.sent, b.sent) / 100
    if a.source and b.source and fuzz.token_set_ratio(a.source, b.source) >= 80:
        s += 0.15
    if a.dest and a.dest == b.dest:
        s += 0.05
    if a.origin and a.origin == b.origin:
        s += 0.05
    if (a.claim.event and b.claim.event) and a.claim.event.type != b.claim.event.type:
        s -= 0.05
    return s


class _Groups:
    """Union-find that keeps, per group, the common value interval and the countries."""

    def __init__(self, items: list[_Item]):
        self.parent = list(range(len(items)))
        self.lo = [it.lo for it in items]
        self.hi = [it.hi for it in items]
        self.dest = [it.dest for it in items]
        self.origin = [it.origin for it in items]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return True
        lo, hi = max(self.lo[a], self.lo[b]), min(self.hi[a], self.hi[b])
        if lo > hi:
            return False  # would chain numbers that no single value satisfies
        for side in (self.dest, self.origin):
            if side[a] and side[b] and side[a] != side[b]:
                return False
        self.parent[b] = a
        self.lo[a], self.hi[a] = lo, hi
        self.dest[a] = self.dest[a] or self.dest[b]
        self.origin[a] = self.origin[a] or self.origin[b]
        return True


def _specificity(c: Claim) -> tuple[float, ...]:
    q = c.quantity
    exact = 1.0 if q.value is not None and not q.approximate and q.qualifier is None else 0.0
    filled = sum(
        x is not None for x in (c.population, c.event, c.origin, c.destination, c.time, c.source)
    )
    return (1.0 if c.source else 0.0, exact, filled, c.confidence)


def dedupe(items: Iterable[Any], config: DedupeConfig | None = None) -> list[ClaimGroup]:
    """Group claims that report the same fact; every claim ends up in exactly one group
    (singletons included), groups ordered by their first member's input position."""
    cfg = config or DedupeConfig()
    claims = to_claims(items)
    its: list[_Item] = []
    loose: list[int] = []
    for i, c in enumerate(claims):
        it = _item(i, c)
        if it is None:
            loose.append(i)
        else:
            its.append(it)
    blocks: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for k, it in enumerate(its):
        for key in block_keys(it):
            blocks[key].append(k)
    pairs: list[tuple[float, int, int]] = []
    seen: set[tuple[int, int]] = set()
    logtol = math.log1p(cfg.tolerance)
    for members in blocks.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda k: (math.log(its[k].mag), k))
        logs = [math.log(its[k].mag) for k in members]
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                if logs[y] - logs[x] > logtol:
                    break
                a, b = members[x], members[y]
                key = (a, b) if a < b else (b, a)
                if key in seen:
                    continue
                seen.add(key)
                if not _compatible(its[a], its[b], cfg):
                    continue
                sc = _score(its[a], its[b])
                if sc >= cfg.min_score:
                    pairs.append((sc, key[0], key[1]))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    uf = _Groups(its)
    for _, a, b in pairs:
        uf.union(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for k, it in enumerate(its):
        groups[uf.find(k)].append(it.idx)
    all_groups = list(groups.values()) + [[i] for i in loose]
    all_groups.sort(key=lambda g: min(g))
    out: list[ClaimGroup] = []
    for g in all_groups:
        g.sort()
        members = [claims[i] for i in g]
        canonical = max(members, key=_specificity)
        ids = ",".join(sorted(f"{c.doc_id}:{c.id}" for c in members))
        gid = hashlib.blake2b(ids.encode(), digest_size=8).hexdigest()
        out.append(
            ClaimGroup(
                id=gid,
                canonical=canonical,
                members=tuple(GroupMember(c.doc_id, c.id) for c in members),
                documents=len({c.doc_id for c in members}),
            )
        )
    return out
