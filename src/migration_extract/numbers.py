"""Pure number normaliser: text in, SPEC section 2 ``Quantity`` records out.

``find_quantities(text)`` scans a text for numeric mentions and returns them with their
value, bounds, hedge, rate and kind. ``parse_quantity(phrase)`` reads one phrase.

How it reads (the lexicon is ``data/quantity_rules.json``):

* a tokenizer splits the text into digit runs, words and symbols, keeping offsets;
* a number is a digit run (``1,204``, ``1 204``, ``1.2``) with an optional suffix or
  scale word (``2.5m``, ``87k``, ``1.2 million``) or a run of written number words
  (``three hundred and fifty``, ``one and a half million``, ``half a million``,
  ``a quarter of a million``, ``two dozen``);
* two numbers joined by ``to``/``-``/``or``/``and`` (after ``between``) form a range; a
  scale written only on the second is carried to the first ("five to six thousand" is
  5,000-6,000), the rule Recognizers-Text's NumberRange spec also follows;
* a hedge before the number (``more than``, ``nearly``, ...) or a few after it
  (``or so``, ``or more``) sets ``qualifier``, ``approximate`` and the open bound, exactly
  as the SPEC table says;
* vague magnitudes ("tens of thousands", "several hundred") get the documented bounds;
* the words after the number decide ``per`` (a rate: "a day", "daily", looked for up to
  the end of the clause) and ``kind``: ``other`` for ages, durations, money, measures,
  years, ordinals, times of day and identifiers ("Title 42"); ``change`` for "doubled",
  "rose by 40%"; ``share`` for "70% of them", "two-thirds of".

The module never raises on text: anything it cannot read is skipped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from typing import Any

from .records import Quantity

__all__ = ["NumberRules", "find_quantities", "parse_quantity", "rules", "words_to_number"]

_CTX = Context(prec=2000)
_MAX_DIGITS = 1500

# digits with optional separators; words (apostrophes kept); any other single non-space
_TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*)|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)?)|(?P<sym>[^\s])",
    re.UNICODE,
)
_SPACE_GROUP_RE = re.compile(r"[ \u00a0\u202f\u2009]")


@dataclass(frozen=True, slots=True)
class Tok:
    text: str
    low: str
    start: int
    end: int
    kind: str  # "num" | "word" | "sym"


def tokenize(text: str) -> list[Tok]:
    """Split ``text`` into digit runs, words and single symbols with their offsets."""
    out: list[Tok] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "sym"
        s = m.group(0)
        out.append(Tok(s, s.lower(), m.start(), m.end(), kind))
    return out


def _phrase_map(d: dict[str, Any]) -> dict[tuple[str, ...], Any]:
    return {tuple(k.split()): v for k, v in d.items()}


@dataclass(frozen=True)
class NumberRules:
    """The lexicon, validated and indexed once."""

    hedges: dict[tuple[str, ...], str]
    suffix_hedges: dict[tuple[str, ...], str]
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    suffix_scales: dict[str, int]
    fractions: dict[str, float]
    vague: dict[tuple[str, ...], tuple[int, int]]
    vague_multipliers: dict[tuple[str, ...], tuple[int, int, bool]]
    thing_nouns: frozenset[str]
    change_nouns: dict[str, int]
    ordinals: dict[str, int]
    rates: dict[tuple[str, ...], str]
    rate_blockers_before: frozenset[str]
    rate_blockers_after: frozenset[str]
    time_units: frozenset[str]
    age_words: frozenset[str]
    currency_symbols: frozenset[str]
    currency_words: frozenset[str]
    measure_units: frozenset[str]
    change_verbs: dict[str, float]
    increase_verbs: frozenset[str]
    decrease_verbs: frozenset[str]
    month_names: frozenset[str]
    identifier_words: frozenset[str]
    max_hedge_len: int
    max_rate_len: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NumberRules:
        required = [
            "hedges", "suffix_hedges", "units", "tens", "scales", "suffix_scales", "fractions",
            "vague", "vague_multipliers", "ordinals", "rates", "rate_blockers_before",
            "rate_blockers_after", "time_units", "age_words", "currency_symbols",
            "currency_words", "measure_units", "change_verbs", "increase_verbs",
            "decrease_verbs", "month_names", "identifier_words",
        ]  # fmt: skip
        missing = [k for k in required if k not in data]
        if missing:
            raise ValueError(f"quantity rules: missing sections {missing}")
        valid_q = {"about", "more_than", "at_least", "up_to", "less_than", "nearly"}
        bad = {v for v in [*data["hedges"].values(), *data["suffix_hedges"].values()]} - valid_q
        if bad:
            raise ValueError(f"quantity rules: unknown qualifiers {sorted(bad)}")
        hedges = _phrase_map(data["hedges"])
        rates = _phrase_map(data["rates"])
        return cls(
            hedges=hedges,
            suffix_hedges=_phrase_map(data["suffix_hedges"]),
            units={w: i for i, w in enumerate(data["units"])},
            tens=dict(data["tens"]),
            scales=dict(data["scales"]),
            suffix_scales=dict(data["suffix_scales"]),
            fractions=dict(data["fractions"]),
            vague={k: (int(v[0]), int(v[1])) for k, v in _phrase_map(data["vague"]).items()},
            vague_multipliers={
                k: (int(v[0]), int(v[1]), bool(v[2]))
                for k, v in _phrase_map(data["vague_multipliers"]).items()
            },
            thing_nouns=frozenset(data.get("thing_nouns", [])),
            change_nouns={k: int(v) for k, v in data.get("change_nouns", {}).items()},
            ordinals=dict(data["ordinals"]),
            rates=rates,
            rate_blockers_before=frozenset(data["rate_blockers_before"]),
            rate_blockers_after=frozenset(data["rate_blockers_after"]),
            time_units=frozenset(data["time_units"]),
            age_words=frozenset(data["age_words"]),
            currency_symbols=frozenset(data["currency_symbols"]),
            currency_words=frozenset(data["currency_words"]),
            measure_units=frozenset(data["measure_units"]),
            change_verbs={k: float(v) for k, v in data["change_verbs"].items()},
            increase_verbs=frozenset(data["increase_verbs"]),
            decrease_verbs=frozenset(data["decrease_verbs"]),
            month_names=frozenset(data["month_names"]),
            identifier_words=frozenset(data["identifier_words"]),
            max_hedge_len=max(len(k) for k in hedges),
            max_rate_len=max(len(k) for k in rates),
        )


@lru_cache(maxsize=1)
def rules() -> NumberRules:
    """The packaged lexicon (read once per process)."""
    raw = (
        resources.files("migration_extract.data")
        .joinpath("quantity_rules.json")
        .read_text(encoding="utf-8")
    )
    return NumberRules.from_json(json.loads(raw))


# --------------------------------------------------------------------------- numbers


@dataclass(slots=True)
class _Num:
    value: Decimal
    i: int  # first token
    j: int  # one past the last token
    scaled: bool  # a scale word/suffix was applied
    scale: int  # the last scale applied (1 if none)
    written: bool
    dozen: bool = False
    digits: str = ""  # the digit run as written, for years/identifiers


def _digits_value(s: str) -> Decimal | None:
    """'1,204' -> 1204; '1.2' -> 1.2; '1.204.000' -> 1204000; '1,5' -> 1.5."""
    if len(s) > _MAX_DIGITS:
        return None
    try:
        if "," in s and "." in s:
            # 1,204.5 (English) or 1.204,5 (continental)
            if s.rfind(".") > s.rfind(","):
                return Decimal(s.replace(",", ""))
            return Decimal(s.replace(".", "").replace(",", "."))
        if "," in s:
            groups = s.split(",")
            if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
                return Decimal(s.replace(",", ""))
            if len(groups) == 2:
                return Decimal(s.replace(",", "."))
            return Decimal(s.replace(",", ""))
        if s.count(".") > 1:
            groups = s.split(".")
            if all(len(g) == 3 for g in groups[1:]):
                return Decimal(s.replace(".", ""))
            return None
        return Decimal(s)
    except InvalidOperation:
        return None


def _read_digits(toks: list[Tok], i: int, text: str, r: NumberRules) -> _Num | None:
    t = toks[i]
    raw = t.text
    j = i + 1
    # "1 204" / "12 500 000": groups of exactly three digits after a 1-3 digit head
    if len(raw) <= 3 and "," not in raw and "." not in raw:
        k = j
        parts = [raw]
        while (
            k < len(toks)
            and toks[k].kind == "num"
            and len(toks[k].text) == 3
            and toks[k].start == toks[k - 1].end + 1
            and _SPACE_GROUP_RE.match(text[toks[k - 1].end])
            and (k + 1 >= len(toks) or toks[k + 1].kind != "num" or len(toks[k + 1].text) == 3)
        ):
            parts.append(toks[k].text)
            k += 1
        if len(parts) > 1:
            raw = "".join(parts)
            j = k
    val = _digits_value(raw)
    if val is None:
        return None
    scaled = False
    scale = 1
    # suffix directly attached: 87k, 2.5m, 3bn
    if j < len(toks) and toks[j].kind == "word" and toks[j].start == toks[j - 1].end:
        suf = toks[j].low
        if suf in r.suffix_scales:
            after = toks[j + 1] if j + 1 < len(toks) else None
            # "5m" followed by a measure-ish symbol is metres; "2.5m people" is million
            if not (suf == "m" and after is not None and after.low in {"²", "2", "/", "long"}):
                scale = r.suffix_scales[suf]
                val = _CTX.multiply(val, Decimal(scale))
                scaled = True
                j += 1
    # scale words: 1.2 million, 20 thousand, 3 hundred thousand
    while j < len(toks) and toks[j].low in r.scales:
        s = r.scales[toks[j].low]
        val = _CTX.multiply(val, Decimal(s))
        scale = s
        scaled = True
        j += 1
    return _Num(val, i, j, scaled, scale, False, digits=toks[i].text if j == i + 1 else "")


def _is_num_word(r: NumberRules, w: str) -> bool:
    return w in r.units or w in r.tens or w in r.scales or w == "dozen"


def _read_words(toks: list[Tok], i: int, r: NumberRules) -> _Num | None:
    """Written numbers: 'three hundred and fifty', 'one and a half million', 'half a
    million', 'a quarter of a million', 'two dozen', 'forty-two'."""
    n = len(toks)
    total = Decimal(0)
    current = Decimal(0)
    have = False  # consumed a number word
    last = ""  # category of the last consumed word: unit|teen|tens|hundred|scale|frac|dozen
    scaled = False
    scale = 1
    dozen = False
    k = i
    end = i

    def peek(o: int) -> str:
        return toks[k + o].low if k + o < n else ""

    while k < n:
        w = toks[k].low
        if w == "," and last == "scale" and (peek(1) in r.units or peek(1) in r.tens):
            k += 1
            continue
        if toks[k].kind != "word" and w != "-":
            break
        if w in ("a", "an"):
            nxt = peek(1)
            if nxt in r.scales or nxt in ("dozen", "half", "quarter", "third"):
                if have and last not in ("frac", "and"):
                    break
                if not have:
                    current = Decimal(1)
                    last = "a"
                k += 1
                continue
            break
        if w == "-":
            if last == "tens" and peek(1) in r.units and 0 < r.units[peek(1)] < 10:
                k += 1
                continue
            break
        if w == "and":
            nxt = peek(1)
            if have and (nxt in r.units or nxt in r.tens) and last in ("hundred", "scale"):
                last = "and"
                k += 1
                continue
            if have and nxt == "a" and peek(2) in ("half", "quarter"):
                k += 2
                frac = Decimal(str(r.fractions[peek(0)]))
                current = current + frac
                last = "frac"
                k += 1
                end = k
                continue
            break
        if w == "of" and last == "frac" and peek(1) in ("a", "an") and peek(2) in r.scales:
            k += 1
            continue
        if w in r.units:
            v = r.units[w]
            if last in ("", "hundred", "scale", "and", "a") or (last == "tens" and 0 < v < 10):
                if last == "tens" and 0 < v < 10:
                    current += v
                else:
                    if last == "a":
                        break
                    current += v
                last = "unit"
                have = True
                k += 1
                end = k
                continue
            break
        if w in r.tens:
            if last in ("", "hundred", "scale", "and"):
                current += r.tens[w]
                last = "tens"
                have = True
                k += 1
                end = k
                continue
            break
        if w == "hundred":
            if last in ("hundred",):
                break
            current = (current or Decimal(1)) * 100
            last = "hundred"
            have = True
            scaled = True
            scale = 100
            k += 1
            end = k
            continue
        if w in r.scales:
            s = Decimal(r.scales[w])
            if last == "scale" and s >= Decimal(scale):
                break
            total += (current or Decimal(1)) * s
            current = Decimal(0)
            last = "scale"
            have = True
            scaled = True
            scale = r.scales[w]
            k += 1
            end = k
            continue
        if w == "dozen":
            current = (current or Decimal(1)) * 12
            dozen = True
            last = "dozen"
            have = True
            k += 1
            end = k
            continue
        if w in ("half", "quarter", "quarters") and (last in ("", "a", "unit")):
            nxt = peek(1)
            # only as part of a larger number: 'half a million', 'a quarter of a million',
            # 'three quarters of a million'
            if (nxt in ("a", "an") and peek(2) in r.scales) or (
                nxt == "of" and peek(2) in ("a", "an") and peek(3) in r.scales
            ):
                f = Decimal(str(r.fractions[w]))
                current = (current or Decimal(1)) * f if last == "unit" else f
                last = "frac"
                have = True
                k += 1
                continue
            break
        break
    if not have:
        return None
    value = total + current
    return _Num(value, i, end, scaled, scale, True, dozen=dozen)


def _read_number(toks: list[Tok], i: int, text: str, r: NumberRules) -> _Num | None:
    t = toks[i]
    if t.kind == "num":
        return _read_digits(toks, i, text, r)
    if t.kind == "word" and (_is_num_word(r, t.low) or t.low in ("a", "an", "half", "quarter")):
        return _read_words(toks, i, r)
    return None


def words_to_number(phrase: str) -> int | float | None:
    """Read a written or digit number ('forty-two', '1.2 million'); None if it is not one."""
    r = rules()
    toks = tokenize(phrase)
    if not toks:
        return None
    num = _read_number(toks, 0, phrase, r)
    if num is None or num.j != len(toks):
        return None
    return _plain(num.value)


# --------------------------------------------------------------------------- helpers


def _plain(v: Decimal | float | int | None) -> int | float | None:
    if v is None:
        return None
    if isinstance(v, Decimal):
        if not v.is_finite():
            return None
        if v == v.to_integral_value():
            return int(v)
        return float(v)
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return int(v)
    return v


def _match_phrase(
    toks: list[Tok], i: int, table: dict[tuple[str, ...], Any], maxlen: int
) -> tuple[int, Any] | None:
    """Longest phrase of ``table`` starting at token i -> (length, value)."""
    for ln in range(min(maxlen, len(toks) - i), 0, -1):
        key = tuple(t.low for t in toks[i : i + ln])
        if key in table:
            return ln, table[key]
    return None


def _match_phrase_ending(
    toks: list[Tok], end: int, table: dict[tuple[str, ...], Any], maxlen: int
) -> tuple[int, Any] | None:
    """Longest phrase of ``table`` ending just before token ``end``."""
    for ln in range(min(maxlen, end), 0, -1):
        key = tuple(t.low for t in toks[end - ln : end])
        if key in table:
            return ln, table[key]
    return None


_CLAUSE_END = {".", "!", "?", ";", ":", "\n", "…", "(", ")", "“", "”", '"'}


def _adjacent(text: str, a: Tok, b: Tok) -> bool:
    """True when nothing but spaces (no newline) lies between two tokens."""
    gap = text[a.end : b.start]
    return "\n" not in gap and gap.strip() == ""


# --------------------------------------------------------------------------- scanner


@dataclass(slots=True)
class _Mention:
    i: int
    j: int
    start: int
    end: int
    value: Decimal | float | None
    low: Decimal | float | None = None
    high: Decimal | float | None = None
    approximate: bool = False
    qualifier: str | None = None
    per: str | None = None
    kind: str = "count"


def _apply_hedge(m: _Mention, q: str) -> None:
    m.qualifier = q
    if q in ("about", "nearly"):
        m.approximate = True
    if m.value is None:
        return
    if q == "more_than" or q == "at_least":
        m.low = m.value
    elif q in ("up_to", "less_than", "nearly"):
        m.high = m.value


def _sentence_bounds(toks: list[Tok], i: int) -> tuple[int, int]:
    a = i
    while a > 0 and toks[a - 1].low not in {".", "!", "?"}:
        a -= 1
    b = i
    while b < len(toks) and toks[b].low not in {".", "!", "?"}:
        b += 1
    return a, b


def _find_rate(toks: list[Tok], j: int, text: str, r: NumberRules) -> tuple[str, int] | None:
    """A rate phrase in the same clause after token j (at most 12 tokens on)."""
    k = j
    limit = min(len(toks), j + 12)
    while k < limit:
        t = toks[k]
        if t.low in _CLAUSE_END or t.low == ",":
            return None
        if t.kind == "num" and k > j:
            return None
        hit = _match_phrase(toks, k, r.rates, r.max_rate_len)
        if hit:
            ln, per = hit
            prev = toks[k - 1].low if k > 0 else ""
            nxt = toks[k + ln].low if k + ln < len(toks) else ""
            if toks[k].low in ("a", "an", "per") or ln > 1:
                if prev in r.rate_blockers_before or nxt in r.rate_blockers_after:
                    return None
            elif nxt in r.rate_blockers_after:
                k += ln
                continue
            return per, k + ln
        k += 1
    return None


def _kind_after(
    toks: list[Tok], m: _Mention, text: str, r: NumberRules, first_digits: str
) -> tuple[str, int]:
    """Classify by the words after the number. Returns (kind, new end token index)."""
    j = m.j
    n = len(toks)
    nxt = toks[j] if j < n else None
    nxt2 = toks[j + 1] if j + 1 < n else None
    # ages: 24-year-old, 30 years old
    if (
        nxt is not None
        and nxt.low == "-"
        and nxt2 is not None
        and (nxt2.low in r.measure_units or nxt2.low in r.currency_words)
    ):
        return "other", j
    if nxt is not None and nxt.low in r.thing_nouns:
        return "other", j
    if nxt is not None and nxt.low == "-" and nxt2 is not None and nxt2.low in r.time_units:
        third = toks[j + 2] if j + 2 < n else None
        if third is not None and third.low == "-":
            return "other", j  # 24-year-old, 12-hour
        return "other", j
    if nxt is not None and nxt.low in r.time_units:
        return "other", j
    if nxt is not None and nxt.low in r.currency_words:
        return "other", j
    if nxt is not None and nxt.low in r.measure_units:
        return "other", j
    if nxt is not None and nxt.low in (
        "a.m",
        "p.m",
        "am",
        "pm",
        "o'clock",
        "o’clock",
        "gmt",
        "utc",
    ):
        return "other", j
    if (
        nxt is not None
        and nxt.low in ("a", "p")
        and nxt2 is not None
        and nxt2.low == "."
        and j + 2 < n
        and toks[j + 2].low == "m"
    ):
        return "other", j + 3  # 5 p.m.
    if nxt is not None and nxt.low in (":",) and nxt2 is not None and nxt2.kind == "num":
        return "other", j  # 17:00
    if nxt is not None and nxt.low in ("st", "nd", "rd", "th") and nxt.start == toks[j - 1].end:
        return "other", j + 1  # ordinal 21st
    if nxt is not None and nxt.low in r.month_names and m.value is not None:
        return "date", j
    return "", j


def find_quantities(text: str) -> list[Quantity]:
    """Every numeric mention in ``text``, normalised (SPEC section 2 Quantity).

    Never raises on a string; returns ``[]`` for anything else.
    """
    if not isinstance(text, str) or not text:
        return []
    try:
        return _scan(text, rules())
    except (ArithmeticError, ValueError, IndexError, RecursionError):  # pragma: no cover
        return []


def parse_quantity(phrase: str) -> dict[str, Any] | None:
    """Read one phrase ('about ten thousand a day') and return the Quantity fields
    (value, low, high, approximate, qualifier, per, kind) of its first mention, preferring
    a count/change/share over an ``other``; None when it holds no number."""
    qs = find_quantities(phrase)
    if not qs:
        return None
    best = next((q for q in qs if q.kind != "other"), qs[0])
    d = best.to_dict()
    for k in ("text", "start", "end"):
        d.pop(k)
    return d


def _scan(text: str, r: NumberRules) -> list[Quantity]:
    toks = tokenize(text)
    n = len(toks)
    out: list[_Mention] = []
    i = 0
    while i < n:
        m = _match_at(toks, i, text, r)
        if m is None:
            i += 1
            continue
        if m.kind != "skip":
            out.append(m)
        i = max(m.j, i + 1)
    _inherit_rates(toks, out, r)
    res: list[Quantity] = []
    for m in out:
        res.append(
            Quantity(
                text=text[m.start : m.end],
                start=m.start,
                end=m.end,
                value=_plain(m.value),  # type: ignore[arg-type]
                low=_plain(m.low),  # type: ignore[arg-type]
                high=_plain(m.high),  # type: ignore[arg-type]
                approximate=m.approximate,
                qualifier=m.qualifier,
                per=m.per,
                kind=m.kind,
            )
        )
    return res


def _inherit_rates(toks: list[Tok], ms: list[_Mention], r: NumberRules) -> None:
    """'from five to six thousand people every day, and now their number has increased to
    about ten thousand': the second figure restates the first one's rate."""
    for a, b in zip(ms, ms[1:], strict=False):
        if a.per and not b.per and a.kind == "count" and b.kind == "count":
            s0, s1 = _sentence_bounds(toks, a.i)
            if not (s0 <= b.i < s1):
                continue
            between = {t.low for t in toks[a.j : b.i]}
            if between & (r.increase_verbs | r.decrease_verbs | {"now", "reached", "number"}):
                b.per = a.per


def _prev_word(toks: list[Tok], i: int) -> Tok | None:
    return toks[i - 1] if i > 0 else None


def _is_sentence_start(toks: list[Tok], i: int) -> bool:
    if i == 0:
        return True
    p = toks[i - 1]
    return p.low in {".", "!", "?", "\n", "“", '"', ":", "-", "–", "—"}


def _match_at(toks: list[Tok], i: int, text: str, r: NumberRules) -> _Mention | None:
    """Try every reading that starts at token i (hedge, vague, change, share, number)."""
    # 1. a hedge, then something numeric
    hedge = _match_phrase(toks, i, r.hedges, r.max_hedge_len)
    if hedge is not None:
        ln, q = hedge
        inner = _core_at(toks, i + ln, text, r)
        if inner is not None and inner.kind not in ("skip",):
            inner.i = i
            inner.start = toks[i].start
            if inner.qualifier is None or (inner.qualifier == "about" and q != "about"):
                _apply_hedge(inner, q)
            # "men over 49", "children under 5": ages
            if (
                ln == 1 and toks[i].low in ("over", "under", "above", "below") and i > 0
                and toks[i - 1].low in _AGE_NOUNS and inner.kind == "count"
                and (inner.j >= len(toks) or toks[inner.j].kind != "word"
                     or toks[inner.j].low in _NON_NOUN_FOLLOWERS
                     or toks[inner.j].low in ("years", "year"))
            ):  # fmt: skip
                inner.kind = "other"
            return inner
    return _core_at(toks, i, text, r)


def _core_at(toks: list[Tok], i: int, text: str, r: NumberRules) -> _Mention | None:
    n = len(toks)
    if i >= n:
        return None
    t = toks[i]
    # change verbs: doubled, tripled, halved
    if t.low in r.change_verbs:
        kind = "other" if _thing_subject(toks, i, r) else "change"
        return _Mention(i, i + 1, t.start, t.end, r.change_verbs[t.low], kind=kind)
    # "increased fivefold", "a threefold increase", "a 3-fold rise"
    fold = _fold_at(toks, i, r)
    if fold is not None:
        v, j = fold
        prev = _prev_word(toks, i)
        nxt = toks[j].low if j < n else ""
        if (prev is not None and prev.low in r.increase_verbs) or nxt in r.change_nouns:
            kind = "other" if _thing_subject(toks, i, r) else "change"
            return _Mention(i, j, t.start, toks[j - 1].end, v, kind=kind)
    # "nine out of ten"
    if i + 3 < n and toks[i + 1].low == "out" and toks[i + 2].low == "of":
        a = _read_number(toks, i, text, r)
        b = _read_number(toks, i + 3, text, r)
        if a is not None and b is not None and a.j == i + 1 and b.value > 0 and a.value <= b.value:
            return _Mention(i, b.j, t.start, toks[b.j - 1].end, round(float(a.value / b.value), 4),
                            kind="share")  # fmt: skip
    # change by: "rose by 40%", "fell by a third"
    if t.low == "by" and i > 0 and toks[i - 1].low in (r.increase_verbs | r.decrease_verbs):
        sign = -1 if toks[i - 1].low in r.decrease_verbs else 1
        inner = _core_at(toks, i + 1, text, r)
        frac = _fraction_at(toks, i + 1, r)
        if frac is not None:
            v, j = frac
            kind = "other" if _thing_subject(toks, i - 1, r) else "change"
            return _Mention(i + 1, j, toks[i + 1].start, toks[j - 1].end, sign * v, kind=kind)
        if inner is not None and inner.value is not None and inner.kind != "skip":
            pct = toks[inner.j - 1].low in ("%", "percent", "pct", "cent")
            if pct or inner.kind in ("count", "change"):
                kind = "other" if _thing_subject(toks, i - 1, r) else "change"
                return _Mention(i + 1, inner.j, inner.start, inner.end, sign * inner.value,  # type: ignore[operator]
                                kind=kind)  # fmt: skip
        return None
    # shares: "two-thirds of", "a third of", "half of them", "one in five"
    frac = _fraction_at(toks, i, r)
    if frac is not None:
        v, j = frac
        of_number = j + 2 < n and toks[j + 1].low in ("a", "an") and toks[j + 2].low in r.scales
        if j < n and toks[j].low == "of" and not of_number:
            return _Mention(i, j, t.start, toks[j - 1].end, v, kind="share")
    if (t.low in r.units or (t.kind == "num" and t.text.isdigit())) and i + 3 < n and toks[
        i + 1
    ].low == "in":
        num_v = r.units.get(t.low) if t.kind == "word" else int(t.text)
        d = toks[i + 2]
        den = r.units.get(d.low) or (int(d.text) if d.kind == "num" and d.text.isdigit() else 0)
        if num_v and den and den > num_v and den <= 1000:
            return _Mention(i, i + 3, t.start, d.end, round(num_v / den, 4), kind="share")
    # "roughly twice the pre-war level", "almost double the number", "four times the figure"
    if t.low in ("twice", "double", "triple", "treble", "quadruple") and i + 1 < n:
        nxt = toks[i + 1].low
        if nxt in ("the", "that", "as", "its", "their", "what", "last", "a", "this"):
            v = {"twice": 2, "double": 2, "triple": 3, "treble": 3, "quadruple": 4}[t.low]
            kind = "other" if _thing_subject(toks, i, r) else "change"
            return _Mention(i, i + 1, t.start, t.end, v, kind=kind)
    # vague magnitudes: "several thousand", "a few hundred", "tens of thousands"
    vm = _match_phrase(toks, i, r.vague_multipliers, 3)
    if vm is not None:
        ln, (lo, hi, inclusive) = vm
        k = i + ln
        sc = 1
        while k < n and toks[k].low in r.scales:
            sc *= r.scales[toks[k].low]
            k += 1
        if k < n and toks[k].low == "dozen":
            sc *= 12
            k += 1
        if sc > 1:
            high = hi * sc if inclusive else hi * sc - 1
            return _finish(
                toks,
                _Mention(i, k, t.start, toks[k - 1].end, None, lo * sc, high, True),
                text,
                r,
            )
    vg = _match_phrase(toks, i, r.vague, 3)
    if vg is not None:
        ln, (lo, hi) = vg
        if not (toks[i].low == "tens" and (i + 1 >= n or toks[i + 1].low != "of")):
            m = _Mention(i, i + ln, t.start, toks[i + ln - 1].end, None, lo, hi, True)
            return _finish(toks, m, text, r)
    # ordinals written as words
    if t.low in r.ordinals and t.kind == "word":
        prev = _prev_word(toks, i)
        if prev is not None and (
            prev.low in ("the", "a", "its", "their", "his", "her", "for")
            or prev.low.endswith(("'s", "’s"))
        ):
            return _Mention(i, i + 1, t.start, t.end, r.ordinals[t.low], kind="other")
        return None
    # currency before the number: $5 million, €200
    if t.low in r.currency_symbols and i + 1 < n and toks[i + 1].kind == "num":
        num = _read_number(toks, i + 1, text, r)
        if num is not None:
            end_tok = toks[num.j - 1]
            return _Mention(i, num.j, t.start, end_tok.end, num.value, kind="other")
    num = _read_number(toks, i, text, r)
    if num is None:
        return None
    if num.written and not num.scaled and num.value == 1 and not num.dozen:
        prev = _prev_word(toks, i)
        nxt = toks[num.j] if num.j < len(toks) else None
        if (
            prev is None
            or prev.low not in ("only", "just", "exactly", "merely", "single")
            or nxt is None
            or nxt.kind != "word"
            or nxt.low in _PRONOUN_FOLLOWERS
        ):
            return _Mention(i, num.j, t.start, toks[num.j - 1].end, None, kind="skip")
    if num.written and num.value == 0:
        return _Mention(i, num.j, t.start, toks[num.j - 1].end, None, kind="skip")
    m = _Mention(i, num.j, t.start, toks[num.j - 1].end, num.value)
    if num.dozen:
        m.approximate = True
        m.qualifier = "about"
    # ranges: five to six thousand; 8,000-9,000; between 1.5 and 2 million; five or six
    m = _try_range(toks, num, m, text, r)
    return _finish(toks, m, text, r, num)


def _fraction_at(toks: list[Tok], i: int, r: NumberRules) -> tuple[float, int] | None:
    """'half', 'a third', 'two-thirds', 'three quarters', '70%' -> (fraction, end index)."""
    n = len(toks)
    if i >= n:
        return None
    t = toks[i]
    if t.low == "half":
        return 0.5, i + 1
    if (
        t.low in ("a", "one")
        and i + 1 < n
        and toks[i + 1].low in ("third", "quarter", "fifth", "half", "tenth")
    ):
        return r.fractions[toks[i + 1].low], i + 2
    if t.low in r.units and 1 < r.units[t.low] < 10:
        k = i + 1
        if k < n and toks[k].low == "-":
            k += 1
        if k < n and toks[k].low in ("thirds", "quarters", "fifths"):
            return round(r.units[t.low] * r.fractions[toks[k].low], 4), k + 1
    return None


def _try_range(toks: list[Tok], num: _Num, m: _Mention, text: str, r: NumberRules) -> _Mention:
    n = len(toks)
    j = num.j
    if j >= n:
        return m
    conn = toks[j].low
    prev = toks[num.i - 1].low if num.i > 0 else ""
    ok = conn in ("to", "-", "–", "—", "or") or (conn == "and" and prev == "between")
    if conn == "-" and not _adjacent(text, toks[j - 1], toks[j]):
        ok = False  # "5,000 - a figure" is not a range; "5,000 - 6,000" with spaces is rare
        if j + 1 < n and toks[j + 1].kind == "num" and _adjacent(text, toks[j], toks[j + 1]):
            ok = True
    if not ok or j + 1 >= n:
        return m
    second = _read_number(toks, j + 1, text, r)
    if second is None or second.dozen:
        return m
    lo, hi = num.value, second.value
    # carry the scale written on the second number to the first
    if second.scaled and not num.scaled and lo < second.value / Decimal(second.scale) + 1:
        lo = _CTX.multiply(lo, Decimal(second.scale))
    elif (
        not num.scaled
        and not second.scaled
        and not num.written
        and lo < 1000
        and second.value >= 1000
        and second.value % 1000 == 0
        and lo * 1000 <= second.value < lo * 10000
    ):
        lo = lo * 1000  # "50-60,000": the thousands written once
    if not lo < hi:
        return m
    if conn == "or" and num.written != second.written:
        return m
    if num.digits and second.digits and len(num.digits) == 4 and 1800 <= lo <= 2100:
        # 2021-2022: a span of years
        return _Mention(
            num.i, second.j, m.start, toks[second.j - 1].end, None, lo, hi, kind="other"
        )
    start = m.start
    i0 = num.i
    if prev in ("between", "from") and num.i > 0:
        i0 = num.i - 1
        start = toks[i0].start
    return _Mention(i0, second.j, start, toks[second.j - 1].end, None, lo, hi, m.approximate)


def _finish(
    toks: list[Tok], m: _Mention, text: str, r: NumberRules, num: _Num | None = None
) -> _Mention:
    """Kind, percent, suffix hedges and the rate, from the words around the number."""
    n = len(toks)
    j = m.j
    # percent
    if (j < n and toks[j].low in ("%", "percent", "pct")) or (
        j + 1 < n and toks[j].low == "per" and toks[j + 1].low == "cent"
    ):
        j2 = j + (2 if toks[j].low == "per" else 1)

        def frac(v: Decimal | float | None) -> Decimal | None:
            return None if v is None else Decimal(v) / 100

        out = _Mention(
            m.i,
            j2,
            m.start,
            toks[j2 - 1].end,
            frac(m.value),
            frac(m.low),
            frac(m.high),
            m.approximate,
            m.qualifier,
            None,
            "share",
        )
        if m.value is not None:
            out.value = frac(m.value)
        if m.qualifier is not None:
            _apply_hedge(out, m.qualifier)
        # "up 15%", "a 40% increase": a change, signed
        before = toks[m.i - 1].low if m.i > 0 else ""
        nxt = toks[j2].low if j2 < n else ""
        sign = 0
        if before in r.increase_verbs:
            sign = 1
        elif before in r.decrease_verbs:
            sign = -1
        elif nxt in r.change_nouns:
            sign = r.change_nouns[nxt]
        if sign and out.value is not None:
            out.value = out.value * sign
            out.kind = "other" if _thing_subject(toks, m.i, r) else "change"
            return out
        # "70% of them" is a share; a bare percentage of something else is kept as other
        if nxt != "of" and not (
            j2 < n and toks[j2].kind == "word" and toks[j2].low in _PEOPLE_HINTS
        ):
            out.kind = "percent"  # resolved by the caller (change) or to other below
        return _settle_percent(out)
    # "grew 2.5 times", "three times more", "four times the figure a year earlier"
    if j < n and toks[j].low == "times" and m.value is not None:
        before = toks[m.i - 1].low if m.i > 0 else ""
        after = toks[j + 1].low if j + 1 < n else ""
        if before in r.increase_verbs or after in (
            "more", "higher", "larger", "as", "over", "the", "that", "last", "its", "their"
        ):
            kind = "other" if _thing_subject(toks, m.i, r) else "change"
            return _Mention(m.i, j + 1, m.start, toks[j].end, m.value, m.low, m.high,
                            m.approximate, m.qualifier, None, kind)  # fmt: skip
    # suffix hedges: "5,000 or so", "200 or more"
    sh = _match_phrase(toks, j, r.suffix_hedges, 2)
    if sh is not None and m.qualifier is None:
        ln, q = sh
        m.j = j + ln
        m.end = toks[j + ln - 1].end
        _apply_hedge(m, q)
        j = m.j
    first_digits = num.digits if num is not None else ""
    kind, j_end = _kind_after(toks, m, text, r, first_digits)
    if kind == "date":
        return _Mention(m.i, m.j, m.start, m.end, None, kind="skip")
    if kind == "other":
        if j_end > m.j:
            m.j = j_end
            m.end = toks[j_end - 1].end
        m.kind = "other"
        return m
    prev = toks[m.i - 1] if m.i > 0 else None
    # currency words before: "USD 300"
    if prev is not None and prev.low in r.currency_words | r.currency_symbols:
        m.kind = "other"
        return m
    if prev is not None and prev.low in ("aged", "age", "ages"):
        m.kind = "other"
        return m
    k = m.i - 1
    if k >= 0 and toks[k].low in ("about", "around", "roughly", "some", "nearly", "almost"):
        k -= 1
    if (
        k >= 1
        and toks[k].low == "of"
        and toks[k - 1].low
        in ("man", "woman", "boy", "girl", "person", "child", "mother", "father")
        and (
            j >= n
            or toks[j].kind != "word"
            or toks[j].low in _NON_NOUN_FOLLOWERS
            or not toks[j].low.endswith("s")
        )
    ):
        m.kind = "other"  # "a man of about 40": an age
        return m
    # a day of the month after the month name: "September 27", "Dec. 21"
    if num is not None and m.value is not None and not num.written:
        k = m.i - 1
        if k >= 0 and toks[k].low == ".":
            k -= 1
        if k >= 0 and toks[k].low in r.month_names and m.low is None and m.value <= 31:
            return _Mention(m.i, m.j, m.start, m.end, None, kind="skip")
        if k >= 0 and toks[k].low in r.month_names and num.digits and len(num.digits) == 4:
            return _Mention(m.i, m.j, m.start, m.end, None, kind="skip")
    # years: a bare four-digit 1800-2100 not followed by a noun it counts
    if num is not None and num.digits and len(num.digits) == 4 and m.value is not None:
        if 1800 <= m.value <= 2100 and (
            j >= n
            or toks[j].kind != "word"
            or not toks[j].text[:1].islower()
            or toks[j].low in _NON_NOUN_FOLLOWERS
        ):
            m.kind = "other"
            return m
    # identifiers: Title 42, World War 2, Senda de Vida 1, COVID-19
    if prev is not None and m.qualifier is None and m.low is None and m.high is None:
        if prev.low in r.identifier_words or prev.low == "#":
            m.kind = "other"
            return m
        if (
            prev.kind == "word"
            and prev.text[:1].isupper()
            and not _is_sentence_start(toks, m.i - 1)
            and prev.low not in r.month_names
            and prev.low not in _CAPITAL_OK
        ) or (
            prev.low == "-"
            and m.i >= 2
            and toks[m.i - 2].kind == "word"
            and _adjacent(text, toks[m.i - 2], prev)
            and _adjacent(text, prev, toks[m.i])
        ):
            m.kind = "other"
            return m
    # the rate, anywhere in the rest of the clause
    if m.kind == "count":
        rate = _find_rate(toks, j, text, r)
        if rate is not None:
            m.per = rate[0]
        else:
            m.per = _leading_rate(toks, m.i, r)
    return m


def _leading_rate(toks: list[Tok], i: int, r: NumberRules) -> str | None:
    """'Every day, thousands of Russians cross...': a rate opening the sentence."""
    a, _ = _sentence_bounds(toks, i)
    hit = _match_phrase(toks, a, r.rates, r.max_rate_len)
    if hit is None:
        return None
    ln, per = hit
    if a + ln < len(toks) and toks[a + ln].low == "," and a + ln < i:
        return str(per)
    return None


def _thing_subject(toks: list[Tok], i: int, r: NumberRules) -> bool:
    """Is the change about a thing ('Rents in Yerevan tripled')? Looks back a few words
    in the clause for the noun that changed."""
    k = i - 1
    steps = 0
    while k >= 0 and steps < 6:
        w = toks[k].low
        if w in _CLAUSE_END or w == ",":
            return False
        if w in r.thing_nouns:
            return True
        if w in _PEOPLE_HINTS or w.endswith("ians") or w in ("arrivals", "crossings", "number"):
            return False
        k -= 1
        steps += 1
    return False


def _fold_at(toks: list[Tok], i: int, r: NumberRules) -> tuple[float, int] | None:
    """'threefold', 'five-fold', '3-fold' -> (factor, end index)."""
    t = toks[i]
    n = len(toks)
    if t.kind == "word" and t.low.endswith("fold") and t.low[:-4] in r.units:
        return r.units[t.low[:-4]], i + 1
    if i + 2 < n and toks[i + 1].low == "-" and toks[i + 2].low == "fold":
        if t.low in r.units:
            return r.units[t.low], i + 3
        if t.kind == "num":
            v = _digits_value(t.text)
            if v is not None:
                return float(v), i + 3
    return None


def _settle_percent(m: _Mention) -> _Mention:
    if m.kind == "percent":
        m.kind = "other"
    return m


# words after a four-digit number that mean it is a year, not a count
_NON_NOUN_FOLLOWERS = frozenset(
    """
    and or to the a an in on at by
    for of from with as when after before since until
    that which who is was were are be been has
    have had will would could
    """.split()
)
# capitalised words that may stand before a count ("Some 200", "About 300" are hedges)
_CAPITAL_OK = frozenset(
    """
    and but or the some about nearly almost over more
    than only just around roughly another all those these its
    their his her our of in on at by for
    with to from
    """.split()
)
_AGE_NOUNS = frozenset("men women people children those anyone boys girls adults".split())
# words after "one" that make it a pronoun ("the only one who stayed")
_PRONOUN_FOLLOWERS = frozenset(
    """
    who that which of is was has had to in
    on at and or thing things another more
    """.split()
)
# a few people nouns right after a percentage mark it as a share
_PEOPLE_HINTS = frozenset(
    """
    people men women children migrants refugees russians residents voters respondents
    citizens applicants asylum of them those
    """.split()
)
