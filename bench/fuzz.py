"""Bounded fuzz run of the pure number and date parsers (hypothesis, many examples).

    .venv/bin/python bench/fuzz.py [--examples N] [--seed S] [--target NAME ...]

Targets (each gets ``--examples`` generated inputs; a target that holds a date takes a
random ``published``: None, any date from 0001-01-01 to 9999-12-31, or a recent one):

* ``find_quantities`` / ``parse_quantity`` (numbers.py) on random Unicode (lone
  surrogates included), on phrases built from the number grammar's own vocabulary
  (hedges, number words, scales, rates, 400-digit runs, ``1e308``...) and on a mix;
* ``digits_value``: ``f"{n:,} people"`` for n up to 10**400 must read back as n (an int
  below 2**63; beyond it the nearest float; past the float range null or finite);
* ``find_dates`` / ``resolve_date`` (dates.py, both ``forward`` readings) on random
  Unicode and on phrases built from the date vocabulary (months, weekdays, relative
  words, ISO and slash dates, impossible days, years 1799-2101).

Invariants checked on every example: no exception; every span is exact
(``text[start:end] == record.text`` with ``0 <= start < end <= len(text)``); numbers
are int/float, finite, ``low <= high``; enums hold (qualifier, per, kind); dates are ISO
and ``from <= to``; ``to_dict()`` is strict JSON (no NaN/Infinity); a second call gives
the same result. Failures are counted by (target, kind, where) and the shortest input of
each is kept. Nothing stops at the first failure; shrinking is off.

Writes bench/out/fuzz.json and the "fuzz" section of docs/benchmarks.md. The exit status
is 1 when any invariant failed.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import table, update_section, write_json
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hseed
from hypothesis import strategies as st

from migration_extract.dates import find_dates, resolve_date
from migration_extract.numbers import find_quantities, parse_quantity

QUALIFIERS = {None, "about", "more_than", "at_least", "up_to", "less_than", "nearly"}
PERS = {None, "day", "week", "month", "year"}
KINDS = {"count", "change", "share", "other"}
ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# --------------------------------------------------------------------------- strategies

ANY_CHAR = st.characters(exclude_categories=())  # includes lone surrogates (Cs)
SEPS = st.sampled_from([" ", " ", " ", "", "-", ",", ", ", ".", ". ", "\n", "\n\n", "\t",
                        "\u00a0", "\u200b", "/", "(", ")", "'", "’", "–", "\x00"])  # fmt: skip

NUM_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen twenty "
    "thirty forty fifty ninety hundred hundreds thousand thousands million millions billion "
    "trillion dozen dozens score scores half quarter third thirds a an and of tens"
).split()
HEDGES = [
    "about", "around", "roughly", "some", "an estimated", "nearly", "almost", "more than",
    "over", "at least", "up to", "as many as", "fewer than", "under", "between", "to", "or",
    "from", "several", "a few", "just under", "well over", "no fewer than", "at most",
    "or so", "or more", "close to", "upwards of", "in excess of", "as few as", "less than",
]  # fmt: skip
AFTER = [
    "people", "Russians", "refugees", "migrants", "a day", "per week", "daily", "every month",
    "a year", "hours", "years old", "-year-old", "dollars", "$", "€", "£", "%", "percent",
    "per cent", "doubled", "tripled", "halved", "fivefold", "times", "rose by", "fell by",
    "of them", "out of", "in", "k", "m", "bn", "p.m.", "st", "nd", "th", "Title", "COVID-19",
    "on Wednesday alone", "in a single day", "crossed", "said", "e308", "e-400", "1e308",
]  # fmt: skip


def _digits() -> st.SearchStrategy[str]:
    big = st.integers(min_value=0, max_value=10**400)
    return st.one_of(
        big.map(str),
        big.map(lambda n: f"{n:,}"),
        big.map(lambda n: f"{n:,}".replace(",", ".")),
        big.map(lambda n: f"{n:,}".replace(",", " ")),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
        st.sampled_from(
            [
                "1e308",
                "1e309",
                "-1e308",
                "1.7976931348623157e308",
                "9" * 400,
                "0" * 400,
                "1" + "0" * 399,
                "0.5",
                ".5",
                "5.",
                "1,2,3,4",
                "1..2",
                "00",
                "007",
                "1/2",
                "3/4",
                "½",
                "٥٠٠٠",
                "５，０００",
                "Ⅻ",
                "²",
            ]
        ),  # fmt: skip
    )


NUM_TOKEN = st.one_of(_digits(), st.sampled_from(NUM_WORDS), st.sampled_from(HEDGES),
                      st.sampled_from(AFTER))  # fmt: skip

MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec Jan. Feb. Sept. Dec. may march"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Tue Thurs".split()
DATE_WORDS = (
    "since between and from to until last next this past the week weeks month months year "
    "years day days ago earlier later weekend over early mid late mid- Q1 Q2 Q3 Q4 Q5 H1 H2 "
    "H3 fiscal FY first second half of spring summer autumn fall winter 1990s 2020s decade "
    "start beginning end will would said yesterday today tomorrow a an one two three ten "
    "twenty thirty in on by as of st nd rd th , . - / ' morning night"
).split()


def _date_atom() -> st.SearchStrategy[str]:
    y = st.integers(min_value=1799, max_value=2101)
    m = st.integers(min_value=0, max_value=13)
    d = st.integers(min_value=0, max_value=32)
    return st.one_of(
        st.sampled_from(MONTHS), st.sampled_from(WEEKDAYS), st.sampled_from(DATE_WORDS),
        y.map(str), d.map(str),
        st.tuples(y, m, d).map(lambda t: f"{t[0]:04d}-{t[1]:02d}-{t[2]:02d}"),
        st.tuples(m, d, y).map(lambda t: f"{t[0]}/{t[1]}/{t[2]}"),
        st.tuples(m, d, st.integers(0, 99)).map(lambda t: f"{t[0]}/{t[1]}/{t[2]:02d}"),
        st.tuples(st.sampled_from(MONTHS), d, y).map(lambda t: f"{t[0]} {t[1]}, {t[2]}"),
        st.tuples(d, st.sampled_from(MONTHS)).map(lambda t: f"{t[0]} {t[1]}"),
        st.integers(min_value=0, max_value=10**6).map(str),
    )  # fmt: skip


def _phrase(atom: st.SearchStrategy[str], max_size: int) -> st.SearchStrategy[str]:
    return st.lists(st.tuples(atom, SEPS), max_size=max_size).map(
        lambda parts: "".join(a + s for a, s in parts)
    )


RANDOM_TEXT = st.text(alphabet=ANY_CHAR, max_size=120)
NUM_TEXT = st.one_of(
    _phrase(NUM_TOKEN, 12),
    RANDOM_TEXT,
    _phrase(st.one_of(NUM_TOKEN, st.text(ANY_CHAR, max_size=3)), 10),
)
DATE_TEXT = st.one_of(
    _phrase(_date_atom(), 10),
    RANDOM_TEXT,
    _phrase(st.one_of(_date_atom(), st.text(ANY_CHAR, max_size=3)), 8),
)
PUBLISHED = st.one_of(
    st.none(),
    st.sampled_from([date.min, date(1, 1, 7), date(9999, 12, 25), date.max]),
    st.dates(),  # 0001-01-01 .. 9999-12-31
    st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)).map(date.isoformat),
)

# --------------------------------------------------------------------------- invariants


class Broken(AssertionError):
    """An invariant did not hold (the message names it)."""


def _check_number(v: Any, where: str) -> None:
    if v is None:
        return
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise Broken(f"{where} is {type(v).__name__}")
    if isinstance(v, float) and not math.isfinite(v):
        raise Broken(f"{where} is not finite")


def _check_quantity_fields(d: dict[str, Any]) -> None:
    for k in ("value", "low", "high"):
        _check_number(d.get(k), k)
    if d.get("low") is not None and d.get("high") is not None and d["low"] > d["high"]:
        raise Broken("low > high")
    if d.get("qualifier") not in QUALIFIERS:
        raise Broken(f"qualifier {d.get('qualifier')!r}")
    if d.get("per") not in PERS:
        raise Broken(f"per {d.get('per')!r}")
    if d.get("kind") not in KINDS:
        raise Broken(f"kind {d.get('kind')!r}")
    if not isinstance(d.get("approximate"), bool):
        raise Broken("approximate not bool")
    try:
        json.dumps(d, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise Broken(f"to_dict not strict JSON: {exc}") from exc


def _check_span(text: str, rec: Any) -> None:
    if not (0 <= rec.start < rec.end <= len(text)):
        raise Broken(f"bad offsets {rec.start}..{rec.end} of {len(text)}")
    if text[rec.start : rec.end] != rec.text:
        raise Broken("span text != text[start:end]")


def t_find_quantities(text: str) -> None:
    qs = find_quantities(text)
    for q in qs:
        _check_span(text, q)
        for k in ("value", "low", "high"):  # the record itself, not only its JSON form
            _check_number(getattr(q, k), f"Quantity.{k}")
        _check_quantity_fields(q.to_dict())
    if [q.to_dict() for q in find_quantities(text)] != [q.to_dict() for q in qs]:
        raise Broken("not deterministic")


def t_parse_quantity(text: str) -> None:
    d = parse_quantity(text)
    if d is None:
        return
    if not isinstance(d, dict) or not {"value", "low", "high", "kind"} <= set(d):
        raise Broken("parse_quantity result shape")
    _check_quantity_fields(d)


def t_digits_value(n: int, style: str) -> None:
    s = {"plain": str(n), "commas": f"{n:,}"}[style]
    text = f"{s} people crossed the border."
    qs = find_quantities(text)
    hits = [q for q in qs if q.start == 0]
    if not hits:
        raise Broken("number not found")
    q = hits[0]
    _check_span(text, q)
    if q.text != s:
        raise Broken("span is not the number")
    if n < 2**63:  # exact int (msgpack's range: numbers.py keeps ints up to int64)
        if q.value != n or not isinstance(q.value, int):
            raise Broken("value != number as written (int64 range)")
    elif n < 10**308:  # beyond int64 numbers.py gives a float: the nearest one
        if not isinstance(q.value, float) or q.value != float(n):
            raise Broken("value != float(number) beyond int64")
    elif q.value is not None:
        _check_number(q.value, "value")


def _check_iso(v: Any, where: str) -> date | None:
    if v is None:
        return None
    if not isinstance(v, str) or not ISO_RE.match(v):
        raise Broken(f"{where} not ISO: {v!r}")
    return date.fromisoformat(v)


def t_find_dates(text: str, published: Any) -> None:
    ms = find_dates(text, published)
    for m in ms:
        _check_span(text, m)
        a, b = _check_iso(m.date_from, "from"), _check_iso(m.date_to, "to")
        if a and b and a > b:
            raise Broken("from > to")
        json.dumps(m.to_dict(), allow_nan=False)
    if [m.to_dict() for m in find_dates(text, published)] != [m.to_dict() for m in ms]:
        raise Broken("not deterministic")


def t_resolve_date(text: str, published: Any, forward: bool) -> None:
    iv = resolve_date(text, published, forward=forward)
    if iv is None:
        return
    if not (isinstance(iv, tuple) and len(iv) == 2):
        raise Broken("resolve_date result shape")
    a, b = iv
    for v in iv:
        if v is not None and not isinstance(v, date):
            raise Broken("resolve_date gave a non-date")
    if a and b and a > b:
        raise Broken("from > to")


# --------------------------------------------------------------------------- runner


class Stats:
    def __init__(self) -> None:
        self.examples: dict[str, int] = {}
        self.seconds: dict[str, float] = {}
        self.failures: dict[tuple[str, str, str], dict[str, Any]] = {}

    def record(self, target: str, exc: BaseException, args: tuple[Any, ...]) -> None:
        tb = traceback.extract_tb(exc.__traceback__)
        frames = [f for f in tb if "migration_extract" in f.filename] or tb[-1:]
        where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
        kind = f"{type(exc).__name__}: {exc}" if isinstance(exc, Broken) else type(exc).__name__
        key = (target, kind[:120], where)
        rep = repr(args)
        f = self.failures.setdefault(key, {"count": 0, "example": rep, "message": str(exc)[:300]})
        f["count"] += 1
        if len(rep) < len(f["example"]):
            f["example"], f["message"] = rep, str(exc)[:300]


def _runner(stats: Stats, name: str, fn: Callable[..., None]) -> Callable[..., None]:
    def run(args: tuple[Any, ...]) -> None:
        stats.examples[name] = stats.examples.get(name, 0) + 1
        try:
            fn(*args)
        except Exception as exc:  # every failure is recorded, none stops the run
            stats.record(name, exc, args)

    return run


def targets(stats: Stats) -> dict[str, tuple[Callable[..., None], tuple[Any, ...]]]:
    return {
        "find_quantities": (_runner(stats, "find_quantities", t_find_quantities), (NUM_TEXT,)),
        "parse_quantity": (_runner(stats, "parse_quantity", t_parse_quantity), (NUM_TEXT,)),
        "digits_value": (
            _runner(stats, "digits_value", t_digits_value),
            (st.integers(min_value=0, max_value=10**400), st.sampled_from(["plain", "commas"])),
        ),
        "find_dates": (_runner(stats, "find_dates", t_find_dates), (DATE_TEXT, PUBLISHED)),
        "resolve_date": (
            _runner(stats, "resolve_date", t_resolve_date),
            (DATE_TEXT, PUBLISHED, st.booleans()),
        ),
    }


def run(examples: int, seed: int, names: list[str] | None) -> dict[str, Any]:
    stats = Stats()
    all_targets = targets(stats)
    for name, (fn, strategies) in all_targets.items():
        if names and name not in names:
            continue
        test = settings(
            max_examples=examples,
            deadline=None,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )(hseed(seed)(given(st.tuples(*strategies))(fn)))
        t0 = time.perf_counter()
        test()
        stats.seconds[name] = time.perf_counter() - t0
        n_fail = sum(v["count"] for k, v in stats.failures.items() if k[0] == name)
        print(f"{name:16s} {stats.examples.get(name, 0):>8,} examples "
              f"{stats.seconds[name]:7.1f}s  {n_fail} failing", flush=True)  # fmt: skip
    findings = [
        {"target": t, "kind": k, "where": w, **v}
        for (t, k, w), v in sorted(stats.failures.items(), key=lambda kv: -kv[1]["count"])
    ]
    return {
        "seed": seed,
        "examples_per_target": examples,
        "examples": stats.examples,
        "seconds": {k: round(v, 1) for k, v in stats.seconds.items()},
        "total_examples": sum(stats.examples.values()),
        "findings": findings,
        "clean": not findings,
    }


def report(res: dict[str, Any]) -> str:
    rows = []
    for name, n in res["examples"].items():
        fails = [f for f in res["findings"] if f["target"] == name]
        rows.append([name, f"{n:,}", res["seconds"].get(name, 0.0), sum(f["count"] for f in fails),
                     len(fails)])  # fmt: skip
    md = [
        "## Fuzz run (numbers and dates)",
        "",
        "Written by `bench/fuzz.py` (hypothesis, generate phase only, seed "
        f"{res['seed']}, {res['examples_per_target']:,} examples per target). Invariants: no "
        "exception, exact spans, finite numbers with `low <= high`, valid enums, ISO dates "
        "with `from <= to`, strict-JSON `to_dict()`, same result on a second call; "
        '`digits_value` reads `f"{n:,} people"` back as n for n up to 10**400 (an exact int '
        "below 2**63, else the nearest float, or null past the float range).",
        "",
        table(["target", "examples", "seconds", "failing examples", "distinct findings"], rows),
        "",
    ]
    if res["findings"]:
        md.append("Findings (shortest failing input of each):")
        md.append("")
        for f in res["findings"]:
            ex = f["example"] if len(f["example"]) < 160 else f["example"][:157] + "..."
            md.append(f"- `{f['target']}` {f['kind']} at `{f['where']}` "
                      f"({f['count']}x): `{ex}`")  # fmt: skip
    else:
        md.append(f"Clean: {res['total_examples']:,} examples, no invariant failed.")
    return "\n".join(md)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=20_000, help="examples per target")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--target", action="append", help="run only these targets")
    ap.add_argument("--no-report", action="store_true", help="do not touch docs/bench outputs")
    a = ap.parse_args()
    t0 = time.perf_counter()
    res = run(a.examples, a.seed, a.target)
    res["total_seconds"] = round(time.perf_counter() - t0, 1)
    print(f"total: {res['total_examples']:,} examples in {res['total_seconds']}s, "
          f"{len(res['findings'])} distinct findings")  # fmt: skip
    for f in res["findings"]:
        print(f"  [{f['target']}] {f['kind']} at {f['where']} x{f['count']}\n"
              f"      e.g. {f['example'][:300]}")  # fmt: skip
    if not a.no_report:
        write_json("fuzz", res)
        update_section("fuzz", report(res))
    return 0 if res["clean"] else 1


if __name__ == "__main__":
    sys.exit(main())
