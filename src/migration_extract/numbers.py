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
import math
import re
from dataclasses import dataclass, field
from decimal import Context, Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from .records import Quantity

__all__ = [
    "NON_AMOUNT_SUBKINDS",
    "OTHER_SUBKINDS",
    "NumberRules",
    "TaggedQuantity",
    "find_quantities",
    "find_quantities_tagged",
    "parse_quantity",
    "rules",
    "words_to_number",
]

_CTX = Context(prec=2000)
_MAX_DIGITS = 1500

# digits with optional separators; words (apostrophes kept); any other single non-space
_TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*|(?<![\w.,])\.\d+)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)?)|(?P<sym>[^\s])",
    re.UNICODE,
)
_PART_RE = re.compile(r"\d+|[.,]")
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
        if kind == "num" and _is_list_of_numbers(s):
            # '192.168.1.2', '22,24,26,31': several numbers, not one with separators
            base = m.start()
            for p in _PART_RE.finditer(s):
                ps = p.group(0)
                out.append(
                    Tok(
                        ps,
                        ps,
                        base + p.start(),
                        base + p.end(),
                        "num" if ps[0].isdigit() else "sym",
                    )
                )
            continue
        out.append(Tok(s, s.lower(), m.start(), m.end(), kind))
    return out


def _is_list_of_numbers(s: str) -> bool:
    dots, commas = s.count("."), s.count(",")
    if dots + commas < 2:
        return False
    if dots and commas:
        return False  # 1,204.5 / 1.204,5 / 12,34,567.89
    groups = s.split("." if dots else ",")
    return not all(len(g) == 3 for g in groups[1:])


def _marker_seqs(items: list[str]) -> tuple[tuple[str, ...], ...]:
    """Markers as token sequences, case kept, longest first ('B.C.E.' before 'B.C.')."""
    seqs = {tuple(t.text for t in tokenize(x)) for x in items}
    return tuple(sorted((q for q in seqs if q), key=lambda q: (-len(q), q)))


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
    cased_suffix_scales: dict[str, int]
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
    era_before: tuple[tuple[str, ...], ...]
    era_after: tuple[tuple[str, ...], ...]
    street_words: frozenset[str]
    max_hedge_len: int
    max_rate_len: int
    # "a week/month/year" before these words is a time ("a week after the quakes")
    rate_blockers_after_long: frozenset[str] = frozenset()
    # hedges that are hedges only before a count at least this large ("near 90,000" but
    # "a town near 5 rivers")
    hedge_min_value: dict[tuple[str, ...], float] = field(default_factory=dict)

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
            units={
                **{w: i for i, w in enumerate(data["units"])},
                **{w: 0 for w in data.get("zero_words", [])},
            },
            tens=dict(data["tens"]),
            scales=dict(data["scales"]),
            suffix_scales=dict(data["suffix_scales"]),
            cased_suffix_scales=dict(data.get("cased_suffix_scales", {})),
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
            era_before=_marker_seqs(data.get("era_markers_before", [])),
            era_after=_marker_seqs(data.get("era_markers_after", [])),
            street_words=frozenset(data.get("street_words", [])),
            rate_blockers_after_long=frozenset(data.get("rate_blockers_after_long", [])),
            hedge_min_value={
                k: float(v) for k, v in _phrase_map(data.get("hedge_min_value", {})).items()
            },
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
    signed: bool = False  # a written minus sign or word ('-1.3%', 'minus five')


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


_GROUP3_RE = re.compile(r"\d{3}(?:\.\d+)?")
# written scale abbreviations: never a number on their own ("BN(O)", "MN")
_SCALE_ABBREVIATIONS = frozenset({"bn", "mn", "mln", "bln", "tln", "bil"})
_DOZEN_WORDS = frozenset({"dozen", "dozens", "doz", "dozs", "dz", "dzs"})
_GENERATIONS = frozenset({2, 3, 4, 5, 6})  # 5G, 4G: mobile generations, not giga


def _suffix_scale(toks: list[Tok], j: int, r: NumberRules, val: Decimal) -> int | None:
    """A scale letter or abbreviation after a digit run: '87k', '2.5m', '1MM', '2mil',
    '10 bln', '2.33 k', '1,674,200.5 M', '10G'. Attached suffixes are read in any case
    except where case decides ('MM' million, 'mm' millimetres); a spaced one only when
    nothing word-like and capitalised follows ('8 B people', not 'Plan 9 B Movie')."""
    t = toks[j]
    if t.kind != "word":
        return None
    attached = t.start == toks[j - 1].end
    after = toks[j + 1] if j + 1 < len(toks) else None
    if not attached:
        if t.start != toks[j - 1].end + 1:
            return None
        if after is not None and after.kind == "word" and after.text[:1].isupper():
            return None
        if after is not None and after.kind == "num":
            return None
    if t.low == "m" and after is not None and _metres_after(toks, j + 1, r):
        return None  # '32m2', '5m²', '37m (121ft)': metres
    sc = r.cased_suffix_scales.get(t.text)
    if sc is not None:
        if t.text == "G" and val in _GENERATIONS:
            return None
        if not attached and t.text in ("m", "b"):
            return None
        return sc
    if not attached:
        return None
    sc = r.suffix_scales.get(t.low)
    if sc is None:
        return None
    return sc


def _metres_after(toks: list[Tok], k: int, r: NumberRules) -> bool:
    """After an 'm' glued to a number: what makes it metres rather than million ('2.5m
    people' is million): a square or a slash ('5m²', '32m2', '3m/s'), 'long', or a
    conversion in brackets ('37m (121ft)')."""
    n = len(toks)
    a = toks[k]
    if a.low in {"²", "³", "2", "3", "/", "long", "-"} and (
        a.low not in ("2", "3", "-") or _glued(toks[k - 1], a)
    ):
        if a.low == "-":
            return k + 1 < n and toks[k + 1].low in ("long", "high", "wide", "deep", "tall")
        return True
    if a.low == "(" and k + 2 < n and toks[k + 1].kind == "num":
        u = toks[k + 2]
        return u.low in r.measure_units and u.low not in ("m", "million")
    return False


_TIMES_SIGNS = frozenset({"x", "X", "×", "*", "·"})
_EXP_SIGNS = {"-": -1, "\u2212": -1, "+": 1}
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SUPERSCRIPT_RE = re.compile(r"[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}")
_MAX_EXPONENT = 400


def _glued(a: Tok, b: Tok) -> bool:
    return a.end == b.start


def _exponent_at(toks: list[Tok], k: int) -> tuple[int, int] | None:
    """A signed integer exponent starting at token k, every part glued to the one before
    it: '6', '-4', '+14', '−30', '--23' is not one. -> (exponent, end index)."""
    n = len(toks)
    if k >= n:
        return None
    sign = 1
    if toks[k].text in _EXP_SIGNS:
        sign = _EXP_SIGNS[toks[k].text]
        if k + 1 >= n or not _glued(toks[k], toks[k + 1]):
            return None
        k += 1
    t = toks[k]
    if t.kind != "num" or not t.text.isdigit() or len(t.text) > 3:
        return None
    e = int(t.text)
    if e > _MAX_EXPONENT:
        return None
    if k + 1 < n and _glued(t, toks[k + 1]) and toks[k + 1].kind in ("word", "num"):
        return None  # '3e5a', '10^6b': a code, not a number
    return sign * e, k + 1


def _power_after(toks: list[Tok], j: int, text: str, val: Decimal) -> tuple[Decimal, int] | None:
    """Scientific notation and powers after a digit run ending at token j-1:
    '3e5', '12.32e+14', '-12e-1' (e glued to both sides); '1.3x10^6', '6.23 × 10^-4',
    '2.998×10−8' (a flattened superscript: the sign and digits glued to the 10),
    '1.5 x 10⁶'; '1.1^23', '2.5^-1' (a power). None when nothing of the kind follows."""
    n = len(toks)
    if j >= n:
        return None
    prev, t = toks[j - 1], toks[j]
    try:
        # 3e5, 1.5E-3
        if t.kind == "word" and t.text in ("e", "E") and _glued(prev, t) and j + 1 < n:
            if _glued(t, toks[j + 1]):
                ex = _exponent_at(toks, j + 1)
                if ex is not None:
                    return _CTX.multiply(val, _CTX.power(Decimal(10), ex[0])), ex[1]
            return None
        # 1.1^23, 10^5
        if t.text == "^" and _glued(prev, t) and j + 1 < n and _glued(t, toks[j + 1]):
            ex = _exponent_at(toks, j + 1)
            if ex is None or (val == 0 and ex[0] < 0):
                return None
            return _CTX.power(val, ex[0]), ex[1]
        # x 10^6, ×10−8, × 10⁶
        if t.text not in _TIMES_SIGNS or j + 1 >= n:
            return None
        if text[prev.end : t.start] not in ("", " ") or j + 1 >= n:
            return None
        ten = toks[j + 1]
        if ten.text != "10" or text[t.end : ten.start] not in ("", " "):
            return None
        k = j + 2
        if k >= n or not _glued(ten, toks[k]):
            return None
        nxt = toks[k]
        if nxt.text == "^" and k + 1 < n and _glued(nxt, toks[k + 1]):
            ex = _exponent_at(toks, k + 1)
        elif nxt.text in _EXP_SIGNS and nxt.text != "+":
            ex = _exponent_at(toks, k)  # '×10−30': a superscript minus, flattened
        elif _SUPERSCRIPT_RE.fullmatch(nxt.text):
            e = int(nxt.text.translate(_SUPERSCRIPTS))
            ex = (e, k + 1) if abs(e) <= _MAX_EXPONENT else None
        else:
            ex = None
        if ex is None:
            return None
        return _CTX.multiply(val, _CTX.power(Decimal(10), ex[0])), ex[1]
    except (ArithmeticError, ValueError):
        return None


def _read_digits(toks: list[Tok], i: int, text: str, r: NumberRules) -> _Num | None:
    t = toks[i]
    raw = t.text
    j = i + 1
    n = len(toks)
    # "1 204" / "12 500 000" / "1 234 567.89": groups of three digits after a 1-3 digit head
    if len(raw) <= 3 and "," not in raw and "." not in raw:
        k = j
        parts = [raw]
        while (
            k < n
            and toks[k].kind == "num"
            and _GROUP3_RE.fullmatch(toks[k].text)
            and toks[k].start == toks[k - 1].end + 1
            and _SPACE_GROUP_RE.match(text[toks[k - 1].end])
            and (k + 1 >= n or toks[k + 1].kind != "num" or _GROUP3_RE.fullmatch(toks[k + 1].text))
        ):
            parts.append(toks[k].text)
            k += 1
            if "." in parts[-1]:
                break
        if len(parts) > 1:
            raw = "".join(parts)
            j = k
    val = _digits_value(raw)
    if val is None:
        return None
    scaled = False
    scale = 1
    dozen = False
    # scientific notation and powers: 3e5, 1.3x10^6, 2.998×10−8, 6.23 × 10^-4, 1.1^23
    power = _power_after(toks, j, text, val)
    if power is not None:
        val, j = power
        return _Num(val, i, j, False, 1, False)
    # suffix: 87k, 2.5m, 3bn, 1MM, 2.33 k
    if j < n:
        sc = _suffix_scale(toks, j, r, val)
        if sc is not None:
            scale = sc
            val = _CTX.multiply(val, Decimal(sc))
            scaled = True
            j += 1
    # scale words: 1.2 million, 20 thousand, 3 hundred thousand
    while j < n and toks[j].low in r.scales:
        s = r.scales[toks[j].low]
        val = _CTX.multiply(val, Decimal(s))
        scale = s
        scaled = True
        j += 1
    if j < n and toks[j].low in _DOZEN_WORDS and not scaled:
        val = val * 12  # "3 dozens", "3 dzs"
        dozen = True
        j += 1
    elif scaled and scale >= 100 and val == val.to_integral_value():
        val, j, scale = _compose_after_scale(toks, j, text, r, val, scale)
    return _Num(val, i, j, scaled, scale, False, dozen=dozen,
                digits=toks[i].text if j == i + 1 else "")  # fmt: skip


def _compose_after_scale(
    toks: list[Tok], j: int, text: str, r: NumberRules, val: Decimal, scale: int
) -> tuple[Decimal, int, int]:
    """'4 thousand 3 hundred and 21', '6 crore and two hundred', '3 hundred and one':
    after a scale word, smaller parts in digits or words add up. A bare '0' after 'and'
    is not a part ('4 thousand 3 hundred and 0 are two numbers')."""
    n = len(toks)
    while j < n:
        k = j
        if toks[k].low == "and":
            k += 1
        if k >= n:
            break
        t = toks[k]
        part: Decimal | None = None
        end = k
        part_scale = 1
        if t.kind == "num" and t.text.isdigit() and len(t.text) <= 3:
            part = Decimal(t.text)
            end = k + 1
            while end < n and toks[end].low in r.scales and r.scales[toks[end].low] < scale:
                part_scale = r.scales[toks[end].low]
                part = part * part_scale
                end += 1
            if part == 0 or (end < n and toks[end].low in r.scales):
                break  # '3 hundred and 2 hundred': two numbers
        elif t.kind == "word" and (t.low in r.units or t.low in r.tens):
            w = _read_words(toks, k, r)
            if w is not None and not w.dozen:
                part, end, part_scale = w.value, w.j, w.scale
        if part is None or part >= scale or part <= 0:
            break
        if part_scale == 1 and toks[j].low != "and" and scale > 100 and k == j:
            # "3 million 20 people" is not 3,000,020; a bare part needs 'and' or a scale
            break
        val += part
        j = end
        scale = part_scale if part_scale > 1 else 1
        if scale < 100:
            break
    return val, j, scale


def _is_num_word(r: NumberRules, w: str) -> bool:
    return w in r.units or w in r.tens or w in r.scales or w in _DOZEN_WORDS


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
    small = Decimal(0)  # what was added since the last hundred/scale word
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
                if nxt == "dozen" and last == "frac":  # half a dozen
                    k += 1
                    continue
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
                small += v
                last = "unit"
                have = True
                k += 1
                end = k
                continue
            break
        if w in r.tens:
            if last in ("", "hundred", "scale", "and"):
                current += r.tens[w]
                small += r.tens[w]
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
            small = Decimal(0)
            last = "hundred"
            have = True
            scaled = True
            scale = 100
            k += 1
            end = k
            continue
        if w in r.scales:
            if not have and current == 0 and w in _SCALE_ABBREVIATIONS:
                break  # "BN(O) visas": an abbreviation is a scale only after a number
            s = Decimal(r.scales[w])
            if last == "scale" and s >= Decimal(scale):
                if w == "crore" and scale == 100000 and current == 0:
                    total = total * s  # three lakh crore
                    scale = int(total) if total else scale
                    k += 1
                    end = k
                    continue
                break
            total += (current or Decimal(1)) * s
            current = Decimal(0)
            small = Decimal(0)
            last = "scale"
            have = True
            scaled = True
            scale = r.scales[w]
            k += 1
            end = k
            continue
        if w in _DOZEN_WORDS:
            if last in ("unit", "tens") and small and current != small:
                current = current - small + small * 12  # three hundred and two dozen
            else:
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
            if (nxt in ("a", "an") and (peek(2) in r.scales or peek(2) == "dozen")) or (
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
    # spoken decimals: 'two hundred point zero three', 'nine point nought four'
    if end < n and toks[end].low == "point" and not dozen:
        digits, k = _spoken_decimals(toks, end + 1, r)
        if digits:
            value = value + Decimal("0." + digits)
            end = k
    return _Num(value, i, end, scaled, scale, True, dozen=dozen)


def _spoken_decimals(toks: list[Tok], k: int, r: NumberRules) -> tuple[str, int]:
    """Digits after 'point': single digit words ('zero three' -> '03') or one number
    below a hundred ('seventy-one' -> '71', 'eleven' -> '11')."""
    n = len(toks)
    digits = ""
    while k < n and toks[k].low in r.units and r.units[toks[k].low] < 10:
        digits += str(r.units[toks[k].low])
        k += 1
    if digits:
        return digits, k
    if k < n and (toks[k].low in r.units or toks[k].low in r.tens):
        v = r.units.get(toks[k].low, r.tens.get(toks[k].low, 0))
        k += 1
        if (
            v >= 20
            and k + 1 < n
            and toks[k].low == "-"
            and toks[k + 1].low in r.units
            and 0 < r.units[toks[k + 1].low] < 10
        ):
            v += r.units[toks[k + 1].low]
            k += 2
        return str(v), k
    return "", k


_MINUS_WORDS = frozenset({"minus", "negative"})
_MINUS_SIGNS = frozenset({"-", "\u2212"})


def _read_number(toks: list[Tok], i: int, text: str, r: NumberRules) -> _Num | None:
    t = toks[i]
    if t.kind == "num":
        return _read_digits(toks, i, text, r)
    if t.kind == "word" and (
        _is_num_word(r, t.low) or t.low in ("a", "an", "half", "quarter", "nought", "naught")
    ):
        return _read_words(toks, i, r)
    if (t.low in _MINUS_WORDS or t.low in _MINUS_SIGNS) and i + 1 < len(toks):
        return _read_signed(toks, i, text, r)
    return None


def _read_signed(toks: list[Tok], i: int, text: str, r: NumberRules) -> _Num | None:
    """'-1.3%', '−5', 'minus one', 'negative ten', 'minus-5 yards'. A hyphen is a minus
    sign only when it opens a word ('Stoxx 50 -1.3%', '<-30'), not inside one ('COVID-19',
    '2-0') and not as a dash with a space after it."""
    t = toks[i]
    k = i + 1
    if t.low in _MINUS_WORDS:
        if (
            toks[k].low == "-"
            and k + 1 < len(toks)
            and toks[k].start == t.end
            and toks[k + 1].start == toks[k].end
        ):
            k += 1  # minus-5
    else:
        nxt = toks[k]
        if nxt.kind != "num" or nxt.start != t.end:
            return None
        if i > 0:
            p = toks[i - 1]
            if p.end == t.start and (p.kind in ("word", "num") or p.low in (")", "%", "-")):
                return None
    if k >= len(toks) or toks[k].low in _MINUS_WORDS or toks[k].low in _MINUS_SIGNS:
        return None
    inner = _read_number(toks, k, text, r)
    if inner is None or inner.value == 0:
        return None
    inner.value = -inner.value
    inner.i = i
    inner.signed = True
    inner.digits = ""
    return inner


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


_INT64 = 2**63


def _plain(v: Decimal | float | int | None) -> int | float | None:
    """A JSON- and msgpack-safe number: ints within 64 bits, else a float; None for what
    no float can hold (a 400-digit count is kept as 1e399 would be: unrepresentable)."""
    if v is None:
        return None
    try:
        if isinstance(v, Decimal):
            if not v.is_finite():
                return None
            if v == v.to_integral_value() and abs(v) < _INT64:
                return int(v)
            f = float(v)
        elif isinstance(v, int):
            if abs(v) < _INT64:
                return v
            f = float(v)
        else:
            f = float(v)
            if f.is_integer() and abs(f) < 1e15:
                return int(f)
    except (OverflowError, ValueError, ArithmeticError):
        return None
    return f if math.isfinite(f) else None


_FIRST_WORDS: dict[int, frozenset[str]] = {}


def _first_words(table: dict[tuple[str, ...], Any]) -> frozenset[str]:
    fw = _FIRST_WORDS.get(id(table))
    if fw is None:
        fw = _FIRST_WORDS[id(table)] = frozenset(k[0] for k in table if k)
    return fw


def _match_phrase(
    toks: list[Tok], i: int, table: dict[tuple[str, ...], Any], maxlen: int
) -> tuple[int, Any] | None:
    """Longest phrase of ``table`` starting at token i -> (length, value)."""
    if i >= len(toks) or toks[i].low not in _first_words(table):
        return None
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
    sub: str | None = None  # what an ``other`` is: year, time, ordinal, money, ...


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
    """A rate phrase in the same clause after token j (at most 12 tokens on; 20 for one
    that says "every" or "each": "Thousands more were still crossing the Naf river and the
    paddy fields along the border every day")."""
    k = j
    limit = min(len(toks), j + 20)
    while k < limit:
        t = toks[k]
        if t.low in _CLAUSE_END or t.low == ",":
            return None
        if t.kind == "num" and k > j:
            return None
        hit = _match_phrase(toks, k, r.rates, r.max_rate_len)
        every = toks[k].low in ("every", "each")
        if hit and (k < j + 12 or every):
            ln, per = hit
            prev = toks[k - 1].low if k > 0 else ""
            nxt = toks[k + ln].low if k + ln < len(toks) else ""
            if toks[k].low in ("a", "an", "per") or ln > 1:
                # ("coming over every week": "over" blocks "over a week", not "every week")
                blocked_before = prev in r.rate_blockers_before and not every
                if blocked_before or nxt in r.rate_blockers_after:
                    after2 = toks[k + ln + 1].low if k + ln + 1 < len(toks) else ""
                    if not (nxt in ("earlier", "later") and after2 in ("this", "last", "that")):
                        return None  # '6,000 a day earlier this month' is still a rate
                if per != "day" and nxt in r.rate_blockers_after_long and not every:
                    return None  # "1.5 million a week after the quakes": a time, not a rate
            elif nxt in r.rate_blockers_after:
                k += ln
                continue
            return per, k + ln
        k += 1
    return None


def _kind_after(
    toks: list[Tok], m: _Mention, text: str, r: NumberRules, first_digits: str
) -> tuple[str, int, str | None]:
    """Classify by the words after the number. Returns (kind, new end token index, sub-kind
    of an ``other``)."""
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
        return "other", j, "measure"
    if nxt is not None and nxt.low in r.thing_nouns:
        return "other", j, "thing"
    if nxt is not None and nxt.low == "-" and nxt2 is not None and nxt2.low in r.time_units:
        third = toks[j + 2] if j + 2 < n else None
        if third is not None and third.low == "-" and j + 3 < n and toks[j + 3].low == "old":
            return "other", j, "age"  # 24-year-old
        return "other", j, "duration"  # 12-hour
    if nxt is not None and nxt.low in r.time_units:
        return "other", j, "duration"
    if nxt is not None and nxt.low in r.currency_words:
        return "other", j, "money"
    # "50,000 Sri Lankan rupees", "400,000 CFA francs": a country's name for its currency
    k = j
    while k < n and k < j + 2 and toks[k].text[:1].isupper() and toks[k].kind == "word":
        k += 1
    if k > j and k < n and toks[k].low in r.currency_words:
        return "other", j, "money"
    if nxt is not None and nxt.low in r.measure_units:
        return "other", j, "measure"
    if (
        nxt is not None
        and nxt.low == "m"
        and _glued(toks[j - 1], nxt)
        and j + 1 < n
        and _metres_after(toks, j + 1, r)
    ):
        return "other", j, "measure"  # '32m2', '37m (121ft)'
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
        return "other", j, "time"
    if (
        nxt is not None
        and nxt.low in ("a", "p")
        and nxt2 is not None
        and nxt2.low == "."
        and j + 2 < n
        and toks[j + 2].low == "m"
    ):
        return "other", j + 3, "time"  # 5 p.m.
    if nxt is not None and nxt.low in (":",) and nxt2 is not None and nxt2.kind == "num":
        return "other", j, "time"  # 17:00
    if nxt is not None and nxt.low in ("st", "nd", "rd", "th") and nxt.start == toks[j - 1].end:
        return "other", j + 1, "ordinal"  # ordinal 21st
    if nxt is not None and nxt.low in r.month_names and m.value is not None:
        return "date", j, "date"
    return "", j, None


def find_quantities(text: str) -> list[Quantity]:
    """Every numeric mention in ``text``, normalised (SPEC section 2 Quantity).

    Never raises on a string; returns ``[]`` for anything else.
    """
    return [t.quantity for t in find_quantities_tagged(text)]


class TaggedQuantity(NamedTuple):
    """A quantity with what its ``other`` kind stands for (``subkind``, one of
    ``OTHER_SUBKINDS``; ``None`` for count, change and share). Not part of the record:
    ``to_dict()`` is the SPEC shape; the sub-kind is for callers that want to tell a year
    from a sum of money (the benchmark, the claims stage's filters)."""

    quantity: Quantity
    subkind: str | None


OTHER_SUBKINDS = frozenset(
    """year time ordinal identifier date money measure age duration percent thing
    other""".split()
)
# sub-kinds that are positions, labels or points in time rather than amounts
NON_AMOUNT_SUBKINDS = frozenset({"year", "time", "ordinal", "identifier", "date"})


def find_quantities_tagged(text: str) -> list[TaggedQuantity]:
    """``find_quantities`` with the sub-kind of each ``other`` mention."""
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


def _scan(text: str, r: NumberRules) -> list[TaggedQuantity]:
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
        elif m.sub == "chain":
            for k in range(m.i, m.j):
                if toks[k].kind == "num":
                    tk = toks[k]
                    v = _digits_value(tk.text)
                    out.append(
                        _Mention(k, k + 1, tk.start, tk.end, v, kind="other", sub="identifier")
                    )
        i = max(m.j, i + 1)
    out = _merge_bound_pairs(toks, out)
    _inherit_rates(toks, out, r)
    _verb_bounds(toks, out)
    # a numeric date ("(20.11.2023)", "27/09/2022"): its numbers are parts of a date
    dates = [d.span() for d in _NUMERIC_DATE.finditer(text)]
    for m in out:
        if any(a <= m.start and m.end <= b for a, b in dates):
            m.kind, m.sub = "other", "date"
    res: list[TaggedQuantity] = []
    for m in out:
        sub = None if m.kind != "other" else (m.sub or "thing")
        q = Quantity(
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
        res.append(TaggedQuantity(q, sub))
    return res


_NUMERIC_DATE = re.compile(
    r"(?<![\d.,])(?:[0-3]?\d)[./](?:[01]?\d)[./](?:19|20)\d\d(?![\d.,]\d)"
)


# "arrivals top 127,000", "crossings passed 450,000", "exceeded 2 million": a verb that
# states a lower bound (the verb stays outside the span, like "from" in a range)
_BOUND_VERBS = frozenset(
    "top tops topped pass passes passed exceed exceeds exceeded surpass surpasses surpassed "
    "overtake overtook overtaken".split()
)


def _verb_bounds(toks: list[Tok], ms: list[_Mention]) -> None:
    for m in ms:
        if (
            m.kind == "count"
            and m.qualifier is None
            and m.value is not None
            and m.low is None
            and m.high is None
            and m.i > 0
            and toks[m.i - 1].low in _BOUND_VERBS
        ):
            _apply_hedge(m, "more_than")


_LOWER_Q = frozenset({"more_than", "at_least"})
_UPPER_Q = frozenset({"less_than", "up_to"})


def _merge_bound_pairs(toks: list[Tok], ms: list[_Mention]) -> list[_Mention]:
    """'above 1000 and below 1500', 'more than 10 and less than 40', 'at most 100 and at
    least 20': a lower and an upper bound joined by 'and'/'but' are one range when the
    lower is below the upper ('more than 40 and less than 10' stays two)."""
    out: list[_Mention] = []
    k = 0
    while k < len(ms):
        a = ms[k]
        b = ms[k + 1] if k + 1 < len(ms) else None
        if (
            b is not None
            and a.value is not None
            and b.value is not None
            and a.kind == b.kind
            and {a.qualifier, b.qualifier} & _LOWER_Q
            and {a.qualifier, b.qualifier} & _UPPER_Q
            and b.i - a.j in (1, 2)
            and toks[a.j].low in ("and", "but", ",")
            and (b.i - a.j == 1 or toks[a.j + 1].low in ("and", "but"))
        ):
            lo_m, hi_m = (a, b) if a.qualifier in _LOWER_Q else (b, a)
            if lo_m.value < hi_m.value:  # type: ignore[operator]
                out.append(
                    _Mention(
                        a.i,
                        b.j,
                        a.start,
                        b.end,
                        None,
                        lo_m.value,
                        hi_m.value,
                        False,
                        None,
                        None,
                        a.kind,
                        a.sub,
                    )  # fmt: skip
                )
                k += 2
                continue
        out.append(a)
        k += 1
    return out


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
    # (a bullet or a menu separator starts an item: "› Record 3,500 Russians entered")
    return p.low in {".", "!", "?", "\n", "“", '"', ":", "-", "–", "—", "›", "»", "•", "·", "|",
                     "►", "▶", "‣", "*"}  # fmt: skip


def _match_at(toks: list[Tok], i: int, text: str, r: NumberRules) -> _Mention | None:
    """Try every reading that starts at token i (hedge, vague, change, share, number)."""
    # 1. a hedge, then something numeric
    hedge = _match_phrase(toks, i, r.hedges, r.max_hedge_len)
    if (
        hedge is not None
        and toks[i].low in ("<", ">")
        and i > 0
        and toks[i - 1].low in ("<", ">", "=")
        and toks[i - 1].end == toks[i].start
    ):
        hedge = None  # '<>30', '=>30': not a comparison we know
    if (
        hedge is not None
        and hedge[1] == "up_to"
        and toks[i].low == "up"
        and i > 0
        and toks[i - 1].low in _MOTION_BEFORE_UP
        # ("taking back up to 30,000 people a month": "back" belongs to "taking")
        and not (toks[i - 1].low == "back" and i > 1 and toks[i - 2].low in _BACK_VERBS)
    ):
        hedge = None  # "inching back up to 4.8 percent", "rose up to": a movement, not a cap
    if hedge is not None:
        ln, q = hedge
        inner = _core_at(toks, i + ln, text, r)
        floor = r.hedge_min_value.get(tuple(t.low for t in toks[i : i + ln]))
        if (
            inner is not None
            and floor is not None
            and (inner.value is None or abs(inner.value) < floor)
        ):
            inner = None  # "a town near 5 rivers": "near" is a hedge only before a large count
        if inner is not None and inner.kind not in ("skip",):
            inner.i = i
            inner.start = toks[i].start
            if inner.qualifier is None or (inner.qualifier == "about" and q != "about"):
                _apply_hedge(inner, q)
            elif q in ("about", "nearly"):
                inner.approximate = True  # 'about five hundred or less'
            # "men over 49", "children under 5": ages
            if (
                ln == 1 and toks[i].low in ("over", "under", "above", "below") and i > 0
                and toks[i - 1].low in _AGE_NOUNS and inner.kind == "count"
                and (inner.j >= len(toks) or toks[inner.j].kind != "word"
                     or toks[inner.j].low in _NON_NOUN_FOLLOWERS
                     or toks[inner.j].low in ("years", "year"))
            ):  # fmt: skip
                inner.kind, inner.sub = "other", "age"
            return inner
    return _core_at(toks, i, text, r)


def _skip_hedge_back(toks: list[Tok], i: int, r: NumberRules) -> int:
    """The index of the first token of the hedge words right before token i (i if none)."""
    k = i
    while k > 0 and i - k < 3 and toks[k - 1].low in _hedge_words(r) and toks[k - 1].low != "of":
        k -= 1
    return k


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
        # the verb may stand before a hedge: "grew more than sixfold"
        k = i - 1
        while k > 0 and i - k <= 3 and toks[k].low in _hedge_words(r):
            k -= 1
        prev = toks[k] if k >= 0 else None
        nxt = toks[j].low if j < n else ""
        if (prev is not None and prev.low in r.increase_verbs) or nxt in r.change_nouns:
            kind = "other" if _thing_subject(toks, i, r) else "change"
            return _Mention(i, j, t.start, toks[j - 1].end, v, kind=kind)
    # "nine out of ten"
    if i + 3 < n and toks[i + 1].low == "out" and toks[i + 2].low == "of":
        a = _read_number(toks, i, text, r)
        b = _read_number(toks, i + 3, text, r)
        if a is not None and b is not None and a.j == i + 1 and b.value > 0 and a.value <= b.value:
            return _Mention(i, b.j, t.start, toks[b.j - 1].end, _frac(float(a.value / b.value)),
                            kind="share")  # fmt: skip
    # change by: "rose by 40%", "fell by a third" ("fell sharply, by nearly two-thirds")
    verb_at = _change_verb_before_by(toks, i, r) if t.low == "by" else None
    if verb_at is not None:
        sign = -1 if toks[verb_at].low in r.decrease_verbs else 1
        # "risen by about 50%", "fallen by roughly 30%": the hedge belongs to the change
        hedge = _match_phrase(toks, i + 1, r.hedges, r.max_hedge_len)
        if hedge is not None:
            hfrac = _fraction_at(toks, i + 1 + hedge[0], r)
            if hfrac is not None:
                # "fallen by roughly half": a hedged fraction
                v, j = hfrac
                kind = "other" if _thing_subject(toks, verb_at, r) else "change"
                m = _Mention(i + 1, j, toks[i + 1].start, toks[j - 1].end, sign * v, kind=kind)
                _apply_hedge(m, hedge[1])
                return m
            inner = _core_at(toks, i + 1 + hedge[0], text, r)
            if inner is not None and inner.value is not None and inner.kind != "skip":
                pct = toks[inner.j - 1].low in ("%", "percent", "pct", "cent")
                if pct or inner.kind in ("count", "change"):
                    kind = "other" if _thing_subject(toks, verb_at, r) else "change"
                    m = _Mention(i + 1, inner.j, toks[i + 1].start, inner.end,
                                 sign * inner.value, kind=kind)  # type: ignore[operator]  # fmt: skip
                    _apply_hedge(m, hedge[1])
                    return m
            return None
        inner = _core_at(toks, i + 1, text, r)
        frac = _fraction_at(toks, i + 1, r)
        if frac is not None:
            v, j = frac
            kind = "other" if _thing_subject(toks, verb_at, r) else "change"
            return _Mention(i + 1, j, toks[i + 1].start, toks[j - 1].end, sign * v, kind=kind)
        if inner is not None and inner.value is not None and inner.kind != "skip":
            pct = toks[inner.j - 1].low in ("%", "percent", "pct", "cent")
            if pct or inner.kind in ("count", "change"):
                kind = "other" if _thing_subject(toks, verb_at, r) else "change"
                return _Mention(i + 1, inner.j, inner.start, inner.end, sign * inner.value,  # type: ignore[operator]
                                kind=kind)  # fmt: skip
        return None
    # "9/27/2022", "12/25": a date written with slashes, left to the dates module
    if (
        t.kind == "num"
        and i + 2 < n
        and toks[i + 1].text == "/"
        and toks[i + 2].kind == "num"
        and toks[i].end == toks[i + 1].start == toks[i + 2].start - 1
        and t.text.isdigit()
        and toks[i + 2].text.isdigit()
        and 1 <= int(t.text) <= 31
        and 1 <= int(toks[i + 2].text) <= 31
        and _slash_fraction(toks, i, text) is None
    ):
        j = i + 3
        if j + 1 < n and toks[j].text == "/" and toks[j + 1].kind == "num":
            j += 2
        return _Mention(i, j, t.start, toks[j - 1].end, None, kind="skip", sub="date")
    # "1/16 inch", "3/4 of the vote": a slash fraction (kept as a share before "of")
    sf = _slash_fraction(toks, i, text)
    if sf is not None:
        v, j = sf
        kind = "share" if j < n and toks[j].low == "of" else "other"
        return _Mention(i, j, t.start, toks[j - 1].end, v, kind=kind)
    # shares: "two-thirds of", "a third of", "half of them", "one in five"
    if (
        t.low in ("half", "halves", "quarter")
        and i > 0
        and (toks[i - 1].low in r.ordinals or toks[i - 1].low in ("last", "final", "latter"))
    ):
        return None  # 'the second half of the game', 'the first quarter of 2023': a period
    frac = _fraction_at(toks, i, r)
    if frac is not None:
        v, j = frac
        of_number = j + 2 < n and toks[j + 1].low in ("a", "an") and toks[j + 2].low in r.scales
        if j < n and toks[j].low == "of" and not of_number:
            return _Mention(i, j, t.start, toks[j - 1].end, v, kind="share")
        if (
            j + 1 < n
            and toks[j].low in ("more", "higher", "fewer", "lower", "less")
            and (toks[j + 1].low == "than" or not toks[j + 1].text[:1].isalnum())
        ):
            # "a third more than in August", "a quarter fewer than last year": a change
            sign = -1 if toks[j].low in ("fewer", "lower", "less") else 1
            kind = "other" if _thing_subject(toks, i, r) else "change"
            return _Mention(i, j, t.start, toks[j - 1].end, sign * v, kind=kind)
        if t.low == "half" and j == i + 1 and j < n and toks[j].low in _HALF_DETERMINERS:
            return _Mention(i, j, t.start, t.end, v, kind="share")  # 'half the condos'
        if (
            t.low == "half"
            and j == i + 1
            and j < n
            and i > 0
            and toks[i - 1].low in _HALF_BEFORE
            and (
                toks[j].low in _HALF_VERBS_AFTER
                or re.fullmatch(r"[a-z]+(?:ing|ed)", toks[j].text) is not None
            )
        ):
            # "874,000 fled, with more than half going to Poland": half of the group
            return _Mention(i, j, t.start, t.end, v, kind="share")
        if j > i + 1 and j < n and toks[j].low in _HALF_VERBS_AFTER:
            # "roughly two-thirds were relatives", "nearly a third came with children":
            # a written fraction as the subject is a share of the group just named
            return _Mention(i, j, t.start, toks[j - 1].end, v, kind="share")
        if (
            j > i + 1
            and j < n
            and i > 0
            and toks[i - 1].low in _FRACTION_LEVEL_BEFORE
            and toks[j].low in ("in", "last", "this", "since", "earlier", "over", "during")
        ):
            # "up from about a third in August", "down from a quarter last year": the level
            # of a share set against another (not "for a third time": an ordinal)
            return _Mention(i, j, t.start, toks[j - 1].end, v, kind="share")
        by_before = any(toks[k].low == "by" for k in range(max(0, i - 2), i))
        if (
            j > i + 1
            and (j >= n or toks[j].low in (",", ".", ";", ")", "—", "–"))
            # (not "cuts funding for the scheme by about a third, to 22 million euros")
            and not by_before
        ):
            # "About two-thirds, officials said", "or roughly a third, of the total": a
            # written fraction closing its phrase is a share (not "two" and an ordinal)
            return _Mention(i, j, t.start, toks[j - 1].end, v, kind="share")
    if (
        (t.low in r.units or (t.kind == "num" and t.text.isdigit()))
        and i + 3 < n
        and toks[i + 1].low == "in"
    ):
        num_v = r.units.get(t.low) if t.kind == "word" else int(t.text)
        d = toks[i + 2]
        den = r.units.get(d.low) or (int(d.text) if d.kind == "num" and d.text.isdigit() else 0)
        if num_v and den and den > num_v and den <= 1000:
            return _Mention(i, i + 3, t.start, d.end, _frac(num_v / den), kind="share")
    # "roughly twice the pre-war level", "almost double the number", "four times the figure"
    if t.low in ("twice", "double", "triple", "treble", "quadruple") and i + 1 < n:
        nxt = toks[i + 1].low
        nxt2 = toks[i + 2] if i + 2 < n else None
        if nxt == "as" and (nxt2 is None or not nxt2.text[:1].islower()):
            nxt = ""  # "scored twice as United confirmed ...": not "twice as many"
        if nxt in ("the", "that", "as", "its", "their", "what", "last", "a", "this"):
            v = {"twice": 2, "double": 2, "triple": 3, "treble": 3, "quadruple": 4}[t.low]
            kind = "other" if _thing_subject(toks, i, r) else "change"
            return _Mention(i, i + 1, t.start, t.end, v, kind=kind)
    # headline verbs in the present: "Sea arrivals more than double", "residence permits
    # triple as ...": a plural subject (hedges skipped), then the end of the line or a
    # preposition or conjunction, never a noun it would modify ("a double blow")
    if t.low in _PRESENT_CHANGE and (
        i + 1 == n
        or toks[i + 1].low in _AFTER_PRESENT_CHANGE
        # "arrivals ... double 2019 levels"
        or (i + 2 < n and _YEAR_RE.fullmatch(toks[i + 1].text) and toks[i + 2].low in
            ("level", "levels", "figures", "numbers", "totals"))
    ):
        k = i - 1
        while k >= 0 and i - k <= 3 and toks[k].low in _hedge_words(r):
            k -= 1
        # ("Sea arrivals in Italy more than double": the plural may stand before a place,
        # "arrivals in Brazil's Roraima double", "arrivals at Finland's south-eastern
        # crossings double")
        subj = None
        j = k
        while j >= 0 and k - j < 7:
            w = toks[j]
            if (
                w.text.isalpha() and w.low.endswith("s") and not w.low.endswith("ss")
                and (w.text[:1].islower() or _is_sentence_start(toks, j))
            ):  # fmt: skip
                subj = w
                break
            if k - j >= 3 and not (
                w.text[:1].isupper()
                or w.low in ("in", "at", "on", "via", "through", "from", "into", "across", "to",
                             "'s", "’s", "-")
                or w.text.endswith(("ern", "ian", "ing"))
            ):  # fmt: skip
                break  # (past the subject's place: only a place phrase may stand between)
            j -= 1
        if subj is not None and "\n" not in text[subj.end : t.start]:
            kind = "other" if _thing_subject(toks, i, r) else "change"
            return _Mention(i, i + 1, t.start, t.end, _PRESENT_CHANGE[t.low], kind=kind)
    # vague magnitudes: "several thousand", "a few hundred", "tens of thousands"
    vm = _match_phrase(toks, i, r.vague_multipliers, 3)
    if vm is not None:
        ln, (lo, hi, inclusive) = vm
        k = i + ln
        sc = 1
        while k < n and toks[k].low in r.scales:
            sc *= r.scales[toks[k].low]
            k += 1
        dozen = False
        if k < n and toks[k].low == "dozen":
            sc *= 12
            k += 1
            dozen = sc == 12
        if dozen and lo == 1:
            # "a few dozen", "several dozen": the SPEC's dozens
            m = _Mention(i, k, t.start, toks[k - 1].end, None, 24, 99, True)
            return _finish(toks, m, text, r)
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
        if not (toks[i].low in ("tens", "scores") and (i + 1 >= n or toks[i + 1].low != "of")):
            m = _Mention(i, i + ln, t.start, toks[i + ln - 1].end, None, lo, hi, True)
            return _finish(toks, m, text, r)
    # ordinals written as words
    if t.low in r.ordinals and t.kind == "word":
        prev = _prev_word(toks, i)
        if prev is not None and (
            prev.low in ("the", "a", "its", "their", "his", "her", "for")
            or prev.low.endswith(("'s", "’s"))
        ):
            return _Mention(i, i + 1, t.start, t.end, r.ordinals[t.low], kind="other",
                            sub="ordinal")  # fmt: skip
        return None
    # currency before the number: $5 million, €200, US$ 1MM, RM79, $800,000 to $1.3 million
    cp = _currency_prefix_end(toks, i, r)
    if cp is not None:
        num = _read_number(toks, cp, text, r)
        if num is not None:
            end_tok = toks[num.j - 1]
            m = _Mention(i, num.j, t.start, end_tok.end, num.value, kind="other", sub="money")
            m = _try_range(toks, num, m, text, r)
            m = _finish(toks, m, text, r, None)
            if m.kind != "skip":
                m.kind, m.sub, m.per = "other", "money", None
            return m
    if t.kind == "num" and i + 2 < n and toks[i + 2].kind == "num":
        sep = toks[i + 1]
        glued = sep.start == t.end and toks[i + 2].start == sep.end
        if glued and sep.text == ":":
            # 17:22, 1:36.6, 10:38:07.190: a clock time or a lap time; value as on the clock
            k = i + 3
            while k + 1 < n and toks[k].text == ":" and toks[k + 1].kind == "num":
                k += 2
            v = _digits_value(t.text)
            return _Mention(i, k, t.start, toks[k - 1].end, v, kind="other", sub="time")
        if glued and sep.text == "-" and (
            (i + 4 < n and toks[i + 3].text == "-" and toks[i + 4].kind == "num"
             and toks[i + 3].start == toks[i + 2].end and toks[i + 4].start == toks[i + 3].end)
            or (i > 0 and toks[i - 1].text == "+" and toks[i - 1].end == t.start)
        ):  # fmt: skip
            # 1-222-2222, +7-495-..., 2022-09-28: phone numbers and ISO dates; each part
            # is kept as an identifier (never a range, never a count)
            k = i + 3
            while k + 1 < n and toks[k].text in ("-", "/") and toks[k + 1].kind == "num":
                k += 2
            return _Mention(i, k, t.start, toks[k - 1].end, None, kind="skip", sub="chain")
        if glued and sep.text == "-" and _is_score(toks, i):
            return _Mention(i, i + 3, t.start, toks[i + 2].end, None, kind="skip")
        if glued and sep.text == "-" and t.text.isdigit() and toks[i + 2].text.isdigit():
            a, b = int(t.text), int(toks[i + 2].text)
            bt = toks[i + 2]
            tail_free = i + 3 >= n or not _glued(bt, toks[i + 3])
            if (
                len(t.text) == 4
                and 1800 <= a <= 2100
                and len(bt.text) == 2
                and a % 100 < b <= a % 100 + 10
                and tail_free
            ):
                # '2014-15', '1998-99': a span of years with the century written once
                return _Mention(i, i + 3, t.start, bt.end, None, a, a - a % 100 + b,
                                kind="other", sub="year")  # fmt: skip
            if a > b and len(t.text) > 3 and tail_free:
                # 'ISO 3888-2': a falling pair that is no score is a code; each part is an
                # identifier
                return _Mention(i, i + 3, t.start, bt.end, None, kind="skip", sub="chain")
    num = _read_number(toks, i, text, r)
    if num is None:
        return None
    if num.written and num.j == i + 1 and t.low in r.scales and i > 0 and toks[i - 1].low == "per":
        return _Mention(i, num.j, t.start, t.end, None, kind="skip")  # 'parts per million'
    if num.written and not num.scaled and num.value == 1 and not num.dozen and not num.signed:
        if not _one_is_numeral(toks, i, num.j, r):
            prev = toks[i - 1].low if i > 0 else ""
            if num.j < len(toks) and toks[num.j].low == "of" and prev not in _ONE_PREV_BLOCKERS:
                # "one of the best": the number 1, kept as `other` (a partitive pronoun is
                # never a count of people on its own)
                return _Mention(i, num.j, t.start, t.end, 1, kind="other", sub="other")
            return _Mention(i, num.j, t.start, toks[num.j - 1].end, None, kind="skip")
    if num.written and num.value == 0 and num.j == i + 1:
        # 'zero tolerance', 'ground zero': kept, but never a count
        return _Mention(i, num.j, t.start, t.end, 0, kind="other", sub="other")
    m = _Mention(i, num.j, t.start, toks[num.j - 1].end, num.value)
    if num.dozen:
        m.approximate = True
        m.qualifier = "about"
    # ranges: five to six thousand; 8,000-9,000; between 1.5 and 2 million; five or six
    m = _try_range(toks, num, m, text, r)
    return _finish(toks, m, text, r, num)


def _is_score(toks: list[Tok], i: int) -> bool:
    """'2-1', '89-89', '9-2 lead': a result, not a range (a range rises: '5-6')."""
    a, b = toks[i].text, toks[i + 2].text
    if not (a.isdigit() and b.isdigit() and len(a) <= 3 and len(b) <= 3):
        return False
    if (
        i + 4 < len(toks)
        and toks[i + 3].text in ("-", "/")
        and toks[i + 3].start == toks[i + 2].end
    ):
        return False  # 1-222-2222: handled as digits elsewhere
    if i > 0 and toks[i - 1].text == "+":
        return False
    return int(a) >= int(b)


def _one_is_numeral(toks: list[Tok], i: int, j: int, r: NumberRules) -> bool:
    """'one man', 'Only one Russian', 'one last time' are the numeral 1; 'No one came',
    'one of the men', 'one another', 'the only one who stayed', 'one said' are pronouns.
    'one or two', 'one to three' open a range."""
    n = len(toks)
    prev = toks[i - 1].low if i > 0 else ""
    if prev in _ONE_PREV_BLOCKERS:
        return False
    if j >= n:
        return False
    nxt = toks[j]
    if nxt.low in ("or", "to") and j + 1 < n and _is_num_word(r, toks[j + 1].low):
        return True
    if nxt.low in ("hand", "side") and prev == "on":
        return False  # 'on one hand', 'on one side'; but 'she put one hand up
    if nxt.kind != "word" or nxt.low in _PRONOUN_FOLLOWERS or nxt.low in _ONE_NEXT_BLOCKERS:
        return False
    return True


def _change_verb_before_by(toks: list[Tok], i: int, r: NumberRules) -> int | None:
    """The index of the change verb a "by" at ``i`` follows: right before it ("rose by"),
    or before an adverb and an optional comma ("fell sharply by", "fell sharply, by")."""
    verbs = r.increase_verbs | r.decrease_verbs
    k = i - 1
    if k >= 0 and toks[k].low == ",":
        k -= 1
    if k >= 0 and toks[k].low.endswith("ly") and toks[k].low not in verbs:
        k -= 1
    if k >= 0 and toks[k].low in verbs and (k == i - 1 or toks[i - 1].low == "," or k == i - 2):
        return k
    return None


# words before a written fraction that make it a level ("from about a third in August")
_FRACTION_LEVEL_BEFORE = frozenset(
    {"from", "to", "about", "around", "roughly", "nearly", "almost", "some", "just", "over",
     "under", "than"}
)


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
        and toks[i + 1].low in ("third", "quarter", "fifth", "half", "tenth", "fourth", "eighth")
    ):
        return _frac(r.fractions[toks[i + 1].low]), i + 2
    if t.low in r.units and 1 < r.units[t.low] < 10:
        k = i + 1
        if k < n and toks[k].low == "-":
            k += 1
        if k < n and toks[k].low in (
            "thirds",
            "quarters",
            "fifths",
            "fourths",
            "eighths",
            "tenths",
        ):
            return _frac(r.units[t.low] * r.fractions[toks[k].low]), k + 1
    if t.text in _VULGAR:
        return _VULGAR[t.text], i + 1
    return None


def _frac(x: float) -> float:
    """A fraction kept to six significant digits (2/3 -> 0.666667, 1/128 -> 0.0078125):
    enough for any share or ratio a text states, without float noise."""
    return float(f"{x:.6g}")


# "half the condos", "half their income": 'half' before a determiner is a share
_CLAUSE_OPENERS = frozenset({",", "and", "while", "that", "but", "said", "says", "whereas"})
_HALF_DETERMINERS = frozenset("the its their his her these those our my your".split())

# "more than half going to Poland", "with half staying": a share of the group just named
_HALF_BEFORE = frozenset("than about nearly almost over around roughly some with just".split())
_HALF_VERBS_AFTER = frozenset(
    "have had has were are was is went left remain remained stayed returned came arrived fled "
    "will would could may might say said want wanted plan plans live lived".split()
)

# "½", "¾": vulgar fraction characters
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 0.333333, "⅔": 0.666667, "⅕": 0.2, "⅛": 0.125}


def _slash_fraction(toks: list[Tok], i: int, text: str) -> tuple[float, int] | None:
    """'1/16', '3/4': a fraction written with a slash (not a date: no second slash).
    '1⁄128', written with the fraction slash (U+2044), is a fraction whatever its
    denominator."""
    n = len(toks)
    if i + 2 >= n or toks[i].kind != "num" or toks[i + 2].kind != "num":
        return None
    if toks[i + 1].text == "\u2044":
        a, b = toks[i].text, toks[i + 2].text
        if (
            _glued(toks[i], toks[i + 1])
            and _glued(toks[i + 1], toks[i + 2])
            and a.isdigit()
            and b.isdigit()
            and len(a) <= 4
            and len(b) <= 4
            and int(b) > 0
        ):
            return _frac(int(a) / int(b)), i + 3
        return None
    if toks[i + 1].text != "/":
        return None
    if not (toks[i].end == toks[i + 1].start and toks[i + 1].end == toks[i + 2].start):
        return None
    if i + 3 < n and toks[i + 3].text == "/" and toks[i + 3].start == toks[i + 2].end:
        return None  # 9/27/2022
    if i > 0 and toks[i - 1].text == "/" and toks[i - 1].end == toks[i].start:
        return None
    a, b = toks[i].text, toks[i + 2].text
    if not (a.isdigit() and b.isdigit()) or len(a) > 3 or len(b) > 3:
        return None
    num, den = int(a), int(b)
    if den < 2 or num >= den or (den > 16 and den not in (32, 64, 100)):
        return None
    return _frac(num / den), i + 3


_RANGE_CONNECTORS = frozenset({"to", "-", "–", "—", "or", "~", "through", "thru"})
_PERCENT_WORDS = frozenset({"%", "percent", "pct"})


def _range_unit(tok: Tok, r: NumberRules) -> bool:
    w = tok.low
    return (
        w in _PERCENT_WORDS
        or w in r.measure_units
        or w in r.currency_words
        or w in r.time_units
        or w in r.scales
    )


def _try_range(toks: list[Tok], num: _Num, m: _Mention, text: str, r: NumberRules) -> _Mention:
    """Two numbers joined by to / - / or / ~ / through (and after 'between'). A unit or
    currency may stand on each end: '5% to 10%', '44 mg to 50 mg', '$800,000 to $1.3
    million', '$10 to $15 billion' (the scale carries across the '$')."""
    n = len(toks)
    j = num.j
    if j >= n:
        return m
    unit: tuple[str, ...] | None = None
    # the word before the number, past an era marker ('between A.D. 1000 and 1260')
    i_prev = m.i - 1
    era0 = _era_before(toks, m.i, r)
    if era0 is not None:
        i_prev = era0 - 1
    prev = toks[i_prev].low if i_prev >= 0 else ""

    def conn_len(k: int) -> int:
        """Length of a range connector at token k (0: none). 'up to' joins a range only
        after 'from' ('from 450 sq ft up to 900 sq ft')."""
        if k >= n:
            return 0
        c = toks[k].low
        if c in _RANGE_CONNECTORS or (c == "and" and prev == "between"):
            return 1
        if c == "up" and prev == "from" and k + 1 < n and toks[k + 1].low == "to":
            return 2
        return 0

    if toks[j].low == "per" and j + 1 < n and toks[j + 1].low == "cent":
        ulen = 2
    elif j + 1 < n and toks[j].low in r.measure_units and toks[j + 1].low in r.measure_units:
        ulen = 2  # 'sq ft', 'square metres'
    else:
        ulen = 1
    if (ulen == 2 or _range_unit(toks[j], r)) and j + ulen < n and conn_len(j + ulen):
        unit = tuple(t.low for t in toks[j : j + ulen])
        j += ulen
    conn = toks[j].low
    clen = conn_len(j)
    ok = clen > 0
    if clen == 2:
        conn, j = "to", j + 1
    if conn == "-" and not _adjacent(text, toks[j - 1], toks[j]):
        ok = False  # "5,000 - a figure" is not a range; "5,000 - 6,000" with spaces is rare
        if j + 1 < n and toks[j + 1].kind == "num" and _adjacent(text, toks[j], toks[j + 1]):
            ok = True
    if not ok or j + 1 >= n:
        return m
    if conn == "-" and m.i > 0 and toks[m.i - 1].low == "+":
        return m  # +1-222-2222: a phone number
    k = j + 1
    cp = _currency_prefix_end(toks, k, r)
    if cp is not None:
        k = cp
    second = _read_number(toks, k, text, r)
    if second is None or second.dozen or (second.signed and conn in ("-", "–", "—")):
        return m
    if unit is not None:
        got = tuple(t.low for t in toks[second.j : second.j + len(unit)])
        if got != unit and not (unit[0] in r.scales and second.scaled):
            return m
    e = second.j
    if (
        conn in ("-", "–", "—")
        and e + 1 < n
        and toks[e].low in ("-", "/")
        and toks[e].start == toks[e - 1].end
        and toks[e + 1].kind == "num"
    ):
        return m  # 1-222-2222, 2022-09-28: phone numbers and dates, not ranges
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
    elif num.digits and len(num.digits) == 4 and 1800 <= lo <= 2100 and second.scaled:
        return m  # "rose 60% in 2018 to 3.9 million": a year, then a figure
    if not lo < hi:
        return m
    if conn == "or" and (num.written != second.written or (num.scaled and second.scaled)):
        return m  # "25k or 40k", "10 bln or 10 tln": two figures
    if (
        conn == "to"
        and prev == "by"
        and i_prev >= 1
        and toks[i_prev - 1].low in (r.increase_verbs | r.decrease_verbs)
        and (
            unit is not None
            or (num.scaled and second.scaled)
            or (m.sub == "money" and cp is not None)
        )
    ):
        # "increased by $43.6 billion to $419.2 billion", "rose by 5% to 12%": the change,
        # then the level it reached; both ends are written in full, so not a range
        return m
    era = era0 is not None or _era_after(toks, second.j, r) is not None
    year_span = 1800 <= lo <= 2100 or (
        lo >= 1000 and hi <= 2100 and (prev in ("between", "from") or era)
    )
    if (
        num.digits
        and second.digits
        and (len(num.digits) == 4 or era)
        and (year_span or era)
        and (lo >= 1800 or era or not _counted_noun_at(toks, second.j, r))
    ):
        # 2021-2022, "between 1600 and 1900", "between A.D. 1000 and 1260": a span of years
        return _Mention(
            m.i, second.j, m.start, toks[second.j - 1].end, None, lo, hi, kind="other",
            sub="year",
        )  # fmt: skip
    start = m.start
    i0 = m.i
    # "between X and Y", "from X to Y" take the preposition (not "up from 5,000-6,000":
    # a dashed range after "from" is the range, "from" belongs to the verb)
    if (
        prev in ("between", "from")
        and i_prev >= 0
        and not (prev == "from" and conn in ("-", "–", "—"))
    ):
        i0 = i_prev
        start = toks[i0].start
    return _Mention(i0, second.j, start, toks[second.j - 1].end, None, lo, hi, m.approximate)


def _counted_noun_at(toks: list[Tok], j: int, r: NumberRules) -> bool:
    """Does a counted noun stand at token j ('2000 hires', '1900 people'), as opposed to
    the words that follow a year ('2000 and', '1990 was', '2019 review')?"""
    if j >= len(toks):
        return False
    t = toks[j]
    if t.kind != "word" or not t.text[:1].islower():
        return False
    w = t.low
    if w in _NON_NOUN_FOLLOWERS or w in _NOT_PLURALS:
        return False
    return _counted_word(w, r)


def _counted_word(w: str, r: NumberRules) -> bool:
    """A word a number can count: a plural, a people/age/count noun, a unit, a currency or
    a scale word."""
    return (
        w.endswith("s")
        or w in _PEOPLE_HINTS
        or w in _AGE_NOUNS
        or w in _COUNT_NOUNS
        or w in r.measure_units
        or w in r.currency_words
        or w in r.scales
    )


def _era_before(toks: list[Tok], i: int, r: NumberRules) -> int | None:
    """The first token of an era marker written just before token i ('A.D. 1000',
    'AD 79'), or None. Markers are matched with their case ('ad' is a word)."""
    for mk in r.era_before:
        k = i - len(mk)
        if k >= 0 and tuple(t.text for t in toks[k:i]) == mk:
            return k
    return None


def _era_after(toks: list[Tok], j: int, r: NumberRules) -> int | None:
    """The end of an era marker written just after token j-1 ('300 BC', '1000 B.C.')."""
    for mk in r.era_after:
        e = j + len(mk)
        if e <= len(toks) and tuple(t.text for t in toks[j:e]) == mk:
            return e
    return None


# codes glued to a number ('RM79', 'AUD1.5m') and those that need a '$' ('US$', 'HK $')
_CURRENCY_CODES = frozenset(
    """RM Rs INR AUD USD EUR GBP CAD NZD HKD SGD JPY CNY RMB CHF SEK NOK DKK ZAR AED KZT
    GEL RUB UAH PLN TRY Rp Dh PS""".split()
)
_DOLLAR_CODES = frozenset("US A AU NZ C CA HK S SG NT R Z".split())


def _currency_prefix_end(toks: list[Tok], i: int, r: NumberRules) -> int | None:
    """The index of the number after a currency prefix starting at token i: '$', '€',
    'US$', '$US', 'HK $', 'A$', 'RM79', 'AUD1.5m', 'PS6m' (a '£' flattened to 'PS')."""
    n = len(toks)
    if i >= n:
        return None
    t = toks[i]
    k = i + 1
    if t.text in r.currency_symbols:
        if (
            k + 1 < n
            and toks[k].kind == "word"
            and (toks[k].text in _DOLLAR_CODES or toks[k].text in _CURRENCY_CODES)
            and toks[k].start == t.end
            and toks[k + 1].kind == "num"
            and toks[k + 1].start == toks[k].end
        ):
            k += 1  # $US113, $A82
    elif t.kind == "word" and (t.text in _DOLLAR_CODES or t.text in _CURRENCY_CODES):
        if k < n and toks[k].text in r.currency_symbols and toks[k].start - t.end <= 1:
            k += 1  # US$, HK $
        elif t.text in _DOLLAR_CODES or not (
            k < n and toks[k].kind == "num" and toks[k].start == t.end
        ):
            return None
        elif t.text == "PS" and not (
            "," in toks[k].text
            or "." in toks[k].text
            or (k + 1 < n and toks[k + 1].kind == "word" and toks[k + 1].start == toks[k].end)
        ):
            return None  # PS5 is a games console
    else:
        return None
    if k < n and toks[k].kind == "num" and toks[k].start - toks[k - 1].end <= 1:
        return k
    return None


def _finish(
    toks: list[Tok], m: _Mention, text: str, r: NumberRules, num: _Num | None = None
) -> _Mention:
    """Kind, percent, suffix hedges and the rate, from the words around the number."""
    n = len(toks)
    j = m.j
    if (
        num is not None
        and not num.written
        and not num.signed
        and not num.scaled
        and m.qualifier is None
        and not any(ch in ",." for ch in text[m.start : m.end])
        and _street_after(toks, j, text, r)
    ):
        m.kind, m.sub = "other", "identifier"  # '575 Wilbraham Road', '16-18 Industrial Avenue'
        return m
    if num is not None and not num.signed and m.qualifier is None and m.low is None:
        sub = _label_sub(toks, m, num, r)
        if sub is not None:
            m.kind, m.sub = "other", sub
            return m
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
        # "up 15%", "down about 40%", "a 40% increase": a change, signed
        k_b = m.i
        for ln in range(min(r.max_hedge_len, m.i), 0, -1):
            if tuple(t.low for t in toks[m.i - ln : m.i]) in r.hedges:
                k_b = m.i - ln  # over a hedge the mention left out: "down about 40%"
                break
        before = toks[k_b - 1].low if k_b > 0 else ""
        if before == "up" and k_b > 1 and toks[k_b - 2].low in ("make", "made", "makes", "making"):
            before = ""  # "Women made up 40% of arrivals": a share, not a rise
        nxt = toks[j2].low if j2 < n else ""
        sign = 0
        if before in r.increase_verbs:
            sign = 1
        elif before in r.decrease_verbs:
            sign = -1
        elif nxt in r.change_nouns:
            sign = r.change_nouns[nxt]
        elif (k_of := _skip_hedge_back(toks, m.i, r)) > 1 and toks[k_of - 1].low == "of" and (
            toks[k_of - 2].low in r.change_nouns
        ):
            sign = r.change_nouns[toks[k_of - 2].low]  # "an increase of about 60%"
        elif nxt in ("more", "higher") or (
            nxt in ("fewer", "less", "lower") and j2 + 1 < n and toks[j2 + 1].low == "than"
        ):
            sign = 1 if nxt in ("more", "higher") else -1  # "about 40% more than on Sunday"
        if sign and out.value is not None:
            out.value = out.value * sign
            out.kind = "other" if _thing_subject(toks, m.i, r) else "change"
            return out
        # "70% of them" is a share; a bare percentage of something else is kept as other
        # "About 80% come from the Lower Juba": a percentage as the subject of a clause is a
        # share of the group just named
        k0 = m.i
        while k0 > 0 and m.i - k0 < 3 and toks[k0 - 1].low in _HALF_BEFORE | {"more", "fewer"}:
            k0 -= 1  # over the hedge: "About 80% come"
        subject = (nxt in _HALF_VERBS_AFTER or nxt == "come") and (
            _is_sentence_start(toks, k0) or toks[k0 - 1].low in _CLAUSE_OPENERS
        )
        if nxt != "of" and not subject and not (
            j2 < n and toks[j2].kind == "word" and toks[j2].low in _PEOPLE_HINTS
        ):
            out.kind = "percent"  # resolved by the caller (change) or to other below
        return _settle_percent(out)
    # "grew 2.5 times", "three times more", "four times the figure a year earlier"
    if j < n and toks[j].low == "times" and m.value is not None:
        before = toks[m.i - 1].low if m.i > 0 else ""
        after = toks[j + 1].low if j + 1 < n else ""
        if after == "as" and (j + 2 >= n or not toks[j + 2].text[:1].islower()):
            after = ""  # "scored three times as Manchester City won": a count of times
        if before in ("scored", "won", "lost", "visited", "met", "married") and after != "more":
            after = "-"  # "scored three times": how often, not a change
            before = ""
        if before in r.increase_verbs or after in (
            "more",
            "higher",
            "larger",
            "as",
            "over",
            "the",
            "that",
            "last",
            "its",
            "their",
        ):
            kind = "other" if _thing_subject(toks, m.i, r) else "change"
            return _Mention(m.i, j + 1, m.start, toks[j].end, m.value, m.low, m.high,
                            m.approximate, m.qualifier, None, kind)  # fmt: skip
    # suffix hedges: "5,000 or so", "200 or more"
    sh = _match_phrase(toks, j, r.suffix_hedges, 2)
    if sh is not None and not _suffix_hedge_ok(toks, j, sh[0], m, r):
        sh = None
    if sh is not None and m.qualifier in (None, "about"):
        ln, q = sh
        m.j = j + ln
        m.end = toks[j + ln - 1].end
        _apply_hedge(m, q)
        j = m.j
    first_digits = num.digits if num is not None else ""
    kind, j_end, sub = _kind_after(toks, m, text, r, first_digits)
    if kind == "date":
        return _Mention(m.i, m.j, m.start, m.end, None, kind="skip")
    if kind == "other":
        if j_end > m.j:
            m.j = j_end
            m.end = toks[j_end - 1].end
        m.kind = "other"
        m.sub = sub
        if sub == "thing" and _identifier_before(toks, m, num, text, r):
            m.sub = "identifier"  # 'the Stoxx 600 index': a name, not 600 things
        return m
    prev = toks[m.i - 1] if m.i > 0 else None
    # currency words before: "USD 300"
    if prev is not None and (prev.low in r.currency_words or prev.low in r.currency_symbols):
        m.kind, m.sub = "other", "money"
        return m
    if prev is not None and prev.low in ("aged", "age", "ages"):
        m.kind, m.sub = "other", "age"
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
        m.kind, m.sub = "other", "age"  # "a man of about 40": an age
        return m
    # a day of the month after the month name: "September 27", "Dec. 21"
    if num is not None and m.value is not None and not num.written:
        k = m.i - 1
        if k >= 0 and toks[k].low == ".":
            k -= 1
        if k >= 0 and toks[k].low in r.month_names and m.low is None and m.value <= 31:
            return _Mention(m.i, m.j, m.start, m.end, None, kind="skip")
    if num is not None and m.value is None and m.high is not None and m.high <= 31:
        k = m.i - 1
        if k >= 0 and toks[k].low == ".":
            k -= 1
        if k >= 0 and toks[k].low in r.month_names:
            return _Mention(m.i, m.j, m.start, m.end, None, kind="skip")  # Sept. 20-24
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
            m.kind, m.sub = "other", "year"
            return m
    # identifiers: Title 42, World War 2, Senda de Vida 1, COVID-19
    if _identifier_before(toks, m, num, text, r):
        m.kind, m.sub = "other", "identifier"
        return m
    # the rate, anywhere in the rest of the clause
    if m.kind == "count":
        rate = _find_rate(toks, j, text, r)
        if rate is not None:
            m.per = rate[0]
        else:
            m.per = _leading_rate(toks, m.i, r)
    return m


def _identifier_before(
    toks: list[Tok], m: _Mention, num: _Num | None, text: str, r: NumberRules
) -> bool:
    """A label before the number makes it an identifier: 'Title 42', 'World War 2',
    'Senda de Vida 1', 'Stoxx 600', 'iPhone 11', 'COVID-19'. A scaled number ('Israel's
    9 billion shekels') or a hedged one is an amount."""
    prev = toks[m.i - 1] if m.i > 0 else None
    signed = num is not None and num.signed
    if num is not None and num.scaled:
        return False
    if prev is not None and m.qualifier is None and m.low is None and m.high is None and not signed:
        if prev.low in r.identifier_words or prev.low == "#":
            return True
        if (
            prev.kind == "word"
            and any(ch.isupper() for ch in prev.text)
            and not _is_sentence_start(toks, m.i - 1)
            and prev.low not in r.month_names
            and prev.low not in _CAPITAL_OK
        ) or (
            prev.low == "-"
            and m.i >= 2
            and toks[m.i - 2].kind == "word"
            and _adjacent(text, toks[m.i - 2], prev)
            and _adjacent(text, prev, toks[m.i])
            # ('TA-35', 'COVID-19'; not a dash set off by spaces: "The survivors - 47
            # Syrians, 43 Egyptians")
            and not (prev.start > toks[m.i - 2].end and toks[m.i].start > prev.end)
        ):
            return True
    return False


def _street_after(toks: list[Tok], j: int, text: str, r: NumberRules) -> bool:
    """A house number: up to three capitalised words (or an ordinal such as '71st') and
    then a street type from the lexicon ('575 Wilbraham Road', '22 Ave Foch', '9 E 71st
    St'), all on one line."""
    n = len(toks)
    k = j
    words = 0
    prev = toks[j - 1] if j > 0 else None
    while k < n and words <= 3:
        t = toks[k]
        if prev is not None and not _adjacent(text, prev, t):
            return False
        if t.kind == "word" and t.text in r.street_words:
            return True
        if t.kind == "word" and t.text[:1].isupper():
            k += 1
        elif (
            t.kind == "num"
            and k + 1 < n
            and toks[k + 1].low in ("st", "nd", "rd", "th")
            and _glued(t, toks[k + 1])
        ):
            k += 2
        else:
            return False
        prev = toks[k - 1]
        words += 1
    return False


def _label_sub(toks: list[Tok], m: _Mention, num: _Num, r: NumberRules) -> str | None:
    """Numbers that name rather than measure: identifiers glued to letters ('S23',
    'cac40', 'TA-35', 'COVID-19', '9AB8') and years ('in 2021 most people', 'the 1988
    horror film', 'the 1970s'). None when the number is an amount."""
    n = len(toks)
    t = toks[m.i]
    if not num.scaled and (
        _era_before(toks, m.i, r) is not None or _era_after(toks, m.j, r) is not None
    ):
        return "year"  # 'A.D. 1000', '300 BC'
    if m.i > 0:
        p = toks[m.i - 1]
        if p.kind == "word" and p.end == t.start:
            return "identifier"
        if (
            p.text == "."
            and p.end == t.start
            and m.i >= 2
            and toks[m.i - 2].kind == "word"
            and toks[m.i - 2].end == p.start
            and any(ch.isupper() for ch in toks[m.i - 2].text)
        ):
            return "identifier"  # 'ID.3', 'No.5'
        if (
            p.low == "-"
            and p.end == t.start
            and m.i >= 2
            and toks[m.i - 2].kind == "word"
            and toks[m.i - 2].end == p.start
            and (toks[m.i - 2].text != toks[m.i - 2].low or toks[m.i - 2].low in r.identifier_words)
        ):
            return "identifier"
    last = toks[m.j - 1]
    nxt = toks[m.j] if m.j < n else None
    if (
        nxt is not None
        and nxt.kind == "word"
        and nxt.start == last.end
        and len(nxt.text) >= 2
        and nxt.text[:1].isupper()
        and nxt.low not in r.measure_units
        and nxt.low not in r.scales
        and nxt.low not in r.suffix_scales
    ):
        return "identifier"  # 9AB8, 3XL
    if num.digits and len(num.digits) == 4 and m.value is not None and 1800 <= m.value <= 2100:
        if nxt is None or nxt.kind != "word" or nxt.start == last.end:
            return "year"  # '2019.', 'the 1970s'
        w = nxt.low
        if not nxt.text[:1].islower() or w in _NON_NOUN_FOLLOWERS or w in _NOT_PLURALS:
            return "year"
        if _counted_word(w, r):
            return None
        return "year"  # '2019 review', 'in 2021 most people'
    return None


_NOT_PLURALS = frozenset("this his its us thus plus less unless across whereas".split())
_COUNT_NOUNS = frozenset("police staff personnel people troops crew".split())


def _suffix_hedge_ok(toks: list[Tok], j: int, ln: int, m: _Mention, r: NumberRules) -> bool:
    """'200 or more' is a hedge; 'less than 10 and more than 40' is not ('more' opens the
    next comparison); 'S23 Plus' is a model name; 'three plus two' is arithmetic."""
    n = len(toks)
    after = toks[j + ln] if j + ln < n else None
    if after is not None and after.low == "of":
        return False
    if after is not None and after.low == "than" and j + ln + 1 < n:
        a2 = toks[j + ln + 1]
        if a2.kind == "num" or _is_num_word(r, a2.low) or a2.low in _MINUS_WORDS:
            return False  # '5000 or more than 4500': 'more than' opens the next bound
    if toks[j].low == "plus":
        if toks[j].text != "plus":
            return False  # 'Galaxy S23 Plus', 'Plus' as a name
        if after is not None and (after.kind == "num" or _is_num_word(r, after.low)):
            return False
        if m.i > 0 and toks[m.i - 1].kind == "word" and toks[m.i - 1].end == toks[m.i].start:
            return False  # glued to letters: an identifier
    return True


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


# counted events of people: their change is no change of things
_COUNTED_EVENTS = frozenset(
    "arrivals crossings number apprehensions encounters departures entries applications "
    "deportations expulsions returns registrations".split()
)


def _thing_subject(toks: list[Tok], i: int, r: NumberRules) -> bool:
    """Is the change about a thing ('Rents in Yerevan tripled')? Looks back a few words
    in the clause for the noun that changed."""
    k = i - 1
    steps = 0
    while k >= 0 and steps < 6:
        w = toks[k].low
        if w in _CLAUSE_END or w == ",":
            return False
        if w in _PEOPLE_HINTS or w.endswith("ians") or w in _COUNTED_EVENTS:
            return False
        if w in r.thing_nouns and not (
            toks[k].text[:1].isupper() and not _is_sentence_start(toks, k)
        ):
            # ("apprehensions in Van have tripled": a place named like a thing)
            return True
        k -= 1
        steps += 1
    return False


_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_PRESENT_CHANGE = {"double": 2, "doubles": 2, "triple": 3, "triples": 3, "treble": 3,
                   "quadruple": 4, "halve": 0.5, "halves": 0.5}  # fmt: skip
_AFTER_PRESENT_CHANGE = frozenset(
    {"in", "as", "since", "to", "after", "amid", "over", "on", "from", "while", "within", "year",
     "again", ",", ".", ";", ":", "|", "-", "–", "—"}
)  # fmt: skip

_HEDGE_WORDS: dict[int, frozenset[str]] = {}


def _hedge_words(r: NumberRules) -> frozenset[str]:
    """Every word that occurs in a hedge phrase ('more', 'than', 'nearly', ...)."""
    hw = _HEDGE_WORDS.get(id(r.hedges))
    if hw is None:
        hw = _HEDGE_WORDS[id(r.hedges)] = frozenset(w for k in r.hedges for w in k)
    return hw


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
        m.kind, m.sub = "other", "percent"
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
    monday tuesday wednesday thursday friday saturday sunday
    """.split()
)
_AGE_NOUNS = frozenset("men women people children those anyone boys girls adults".split())
# "back up to", "rose up to": the words that make "up to" a movement, not a bound
_MOTION_BEFORE_UP = frozenset(
    "back inching inched inch climbed climbing climb rose risen rise rising went go going "
    "came come coming moved move moving grew grown bounced edged ticked crept creep "
    "jumped jump shot surged".split()
)
# verbs whose particle "back" comes before a cap: "taking back up to 30,000 people"
_BACK_VERBS = frozenset(
    "take takes taking took taken send sends sending sent bring brings bringing brought fly "
    "flies flying flew flown turn turns turning turned push pushes pushing pushed".split()
)
# words after "one" that make it a pronoun ("the only one who stayed")
_PRONOUN_FOLLOWERS = frozenset(
    """
    who that which of is was has had to in
    on at and or thing things another more
    """.split()
)
_ONE_PREV_BLOCKERS = frozenset(
    """
    no any every each this that the which what someone anyone everyone another such
    last next other little loved at
    same right wrong new old big small good bad real main latest previous current
    first second third final older newer bigger smaller better worse best worst
    """.split()
)
_ONE_NEXT_BLOCKERS = frozenset(
    """
    said says told would could can will may might must should does did do by else
    after for from with as but if than the a an his her their its our my your this these
    those he she they we i you it not never also just still have are were being been
    gets got knows thinks point way
    """.split()
)
# a few people nouns right after a percentage mark it as a share
_PEOPLE_HINTS = frozenset(
    """
    people men women children migrants refugees russians residents voters respondents
    citizens applicants asylum of them those
    """.split()
)
