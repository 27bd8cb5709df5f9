"""The number normaliser against golden phrases (tests/data/numbers_golden.jsonl) and
properties. No model needed."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migration_extract.numbers import find_quantities, parse_quantity, words_to_number

from .conftest import load_jsonl

GOLD = load_jsonl("numbers_golden.jsonl")
POSITIVE = [g for g in GOLD if g["quantity"] is not None]
NEGATIVE = [g for g in GOLD if g["quantity"] is None]


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-3, abs_tol=1e-3)


def _find(case):
    start = case["text"].index(case["quantity"])
    end = start + len(case["quantity"])
    hits = [q for q in find_quantities(case["text"]) if q.start < end and start < q.end]
    return hits, start, end


@pytest.mark.parametrize("case", POSITIVE, ids=[g["id"] for g in POSITIVE])
def test_golden_quantity(case):
    hits, start, end = _find(case)
    assert hits, f"nothing found for {case['quantity']!r} in {case['text']!r}"
    q = max(hits, key=lambda h: min(end, h.end) - max(start, h.start))
    got = q.to_dict()
    for f in ("value", "low", "high"):
        assert _close(got[f], case[f]), f"{f}: got {got[f]!r}, want {case[f]!r} ({got})"
    for f in ("approximate", "qualifier", "per", "kind"):
        assert got[f] == case[f], f"{f}: got {got[f]!r}, want {case[f]!r} ({got})"


@pytest.mark.parametrize("case", NEGATIVE, ids=[g["id"] for g in NEGATIVE])
def test_golden_negative(case):
    found = [q for q in find_quantities(case["text"]) if q.kind != "other"]
    assert not found, f"unexpected {[q.to_dict() for q in found]}"


def test_spec_table_rows_are_all_present():
    rows = [g for g in GOLD if g["id"].startswith("tbl-")]
    assert len(rows) >= 16


def test_golden_spans_are_exact_for_counts():
    """Span boundaries: the mention covers the hedge and the number, not the noun."""
    exact = 0
    counts = [g for g in POSITIVE if g["kind"] == "count"]
    for case in counts:
        hits, start, end = _find(case)
        if any(h.start == start and h.end == end for h in hits):
            exact += 1
    assert exact / len(counts) >= 0.95


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999))
def test_written_and_digit_forms_parse_back(n):
    from num2words import num2words

    words = num2words(n)
    assert words_to_number(words) == n, words
    assert words_to_number(f"{n:,}") == n
    assert words_to_number(str(n)) == n


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_never_raises_and_spans_are_exact(text):
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
    parse_quantity(text)


@pytest.mark.parametrize(
    "text",
    [
        "1" * 400 + " people",
        "1e308 people",
        "9" * 5000,
        "",
        "   ",
        "-",
        "$",
        "1,2,3,4,5",
        "one and and a half",
        "a a a million",
        "between and",
        "up to up to up to 5",
    ],
)
def test_strange_inputs(text):
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "subkind"),
    [
        ("In 2021 most people worked from home.", "year"),
        ("The bus left at 17:22 on Friday.", "time"),
        ("It was the 22nd amendment.", "ordinal"),
        ("Samsung improved the Galaxy S23 with more storage.", "identifier"),
        ("The plan costs RM79 a month.", "money"),
        ("They walked 30 km to the border.", "measure"),
    ],
)
def test_other_subkinds(text, subkind):
    from migration_extract.numbers import OTHER_SUBKINDS, find_quantities_tagged

    tagged = find_quantities_tagged(text)
    assert [q for q, _ in tagged] == find_quantities(text)
    assert any(q.kind == "other" and s == subkind for q, s in tagged), tagged
    assert all((s is None) == (q.kind != "other") for q, s in tagged)
    assert all(s is None or s in OTHER_SUBKINDS for _, s in tagged)


def test_fractions_keep_six_significant_digits():
    """A fraction is not cut to four decimals: 1/128 stays 0.0078125, 2/3 is 0.666667."""
    got = {q.text: q.value for q in find_quantities("1⁄128 of the budget and two-thirds of them")}
    assert got["1⁄128"] == 0.0078125
    assert got["two-thirds"] == 0.666667
    assert parse_quantity("one out of three")["value"] == 0.333333


def test_scientific_notation_never_breaks_offsets():
    text = "Values: 3e5, 1.3x10^6, 2.5^-1, 6.23 × 10^-4, 4e999, 10^^5, 1e, x10^6 and 7 x 10."
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
    vals = [q.value for q in find_quantities(text)]
    assert 300000 in vals and 1300000 in vals and 0.4 in vals and 0.000623 in vals
