"""The date module against golden cases (tests/data/dates_golden.jsonl) and properties.
No model needed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migration_extract.dates import find_dates, resolve_date
from migration_extract.errors import InputTypeError, InvalidDateError

from .conftest import load_jsonl

GOLD = load_jsonl("dates_golden.jsonl")
POSITIVE = [g for g in GOLD if g["date"] is not None]
NEGATIVE = [g for g in GOLD if g["date"] is None]


@pytest.mark.parametrize("case", POSITIVE, ids=[g["id"] for g in POSITIVE])
def test_golden_date(case):
    text = case["text"]
    start = text.index(case["date"])
    end = start + len(case["date"])
    found = find_dates(text, case["published"])
    hits = [d for d in found if d.start < end and start < d.end]
    assert hits, f"nothing found for {case['date']!r}; found {[d.to_dict() for d in found]}"
    d = max(hits, key=lambda h: min(end, h.end) - max(start, h.start))
    assert (d.date_from, d.date_to) == (case["from"], case["to"]), d.to_dict()


@pytest.mark.parametrize("case", NEGATIVE, ids=[g["id"] for g in NEGATIVE])
def test_golden_negative(case):
    found = find_dates(case["text"], case["published"])
    assert not found, [d.to_dict() for d in found]


def test_spans_are_exact_mostly():
    exact = 0
    for case in POSITIVE:
        start = case["text"].index(case["date"])
        found = find_dates(case["text"], case["published"])
        exact += any(d.start == start and d.text == case["date"] for d in found)
    assert exact / len(POSITIVE) >= 0.9


FORMATS = [
    lambda d: d.isoformat(),
    lambda d: f"{d:%B} {d.day}, {d.year}",
    lambda d: f"{d.day} {d:%B} {d.year}",
    lambda d: f"{d:%b}. {d.day}, {d.year}" if d.month != 5 else f"{d:%B} {d.day}, {d.year}",
    lambda d: f"{d.month}/{d.day}/{d.year}",
]


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    st.integers(min_value=0, max_value=4000),
    st.sampled_from(range(len(FORMATS))),
)
def test_formatted_date_parses_back(d, gap, fmt):
    published = d + timedelta(days=gap)
    text = f"The figure was published on {FORMATS[fmt](d)}."
    found = find_dates(text, published)
    assert len(found) == 1, [x.to_dict() for x in found]
    assert found[0].date_from == found[0].date_to == d.isoformat()
    assert resolve_date(FORMATS[fmt](d), published) == (d, d)


@settings(max_examples=400, deadline=None)
@given(
    st.text(),
    st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))),
)
def test_never_raises_and_spans_are_exact(text, published):
    for d in find_dates(text, published):
        assert text[d.start : d.end] == d.text
        if d.date_from and d.date_to:
            assert d.date_from <= d.date_to


def test_relative_dates_need_published():
    (d,) = find_dates("Last week, thousands left.", None)
    assert (d.date_from, d.date_to) == (None, None)


@pytest.mark.parametrize("bad", ["2022-13-01", "yesterday", "28/09/2022x"])
def test_bad_published_is_an_error(bad):
    with pytest.raises(InvalidDateError, match="published"):
        find_dates("Last week", bad)


def test_published_wrong_type():
    with pytest.raises(InputTypeError, match="published"):
        find_dates("Last week", 20220928)


def test_month_list_and_week_back_at_the_ends_of_the_calendar() -> None:
    # fuzz finding: a month list at date.max, a week back from the first days of year 1
    assert find_dates("December\nJune Sunday until December(", date(9999, 12, 31))
    assert find_dates("5 on Monday, against 3 on the same day a week earlier.", date(1, 1, 3))
