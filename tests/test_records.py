"""Records: to_dict/from_dict round trips, pickling, validation. No model needed."""

from __future__ import annotations

import json
import pickle

import pytest

from migration_extract import (
    Claim,
    Extraction,
    InvalidRecordError,
)
from migration_extract.records import Country, DateMention, Official, Quantity, claim_id

CLAIM = {
    "id": "abc",
    "doc_id": "seed-003",
    "quantity": {
        "text": "some 78,000",
        "start": 10,
        "end": 21,
        "value": 78000,
        "low": None,
        "high": None,
        "approximate": True,
        "qualifier": "about",
        "per": None,
        "kind": "count",
    },
    "sentence": {
        "text": "The Georgian government said some 78,000 Russians had entered.",
        "start": 0,
        "end": 60,
    },
    "population": {"text": "Russians", "start": 22, "end": 30},
    "event": {"type": "arrival", "text": "entered", "start": 40, "end": 47},
    "origin": {"code": "RU", "text": "Russians", "start": 22, "end": 30},
    "destination": {"code": "GE", "text": "the country", "start": 48, "end": 59},
    "time": {
        "text": "since the mobilization was announced",
        "start": 61,
        "end": 97,
        "from": None,
        "to": "2022-09-28",
    },
    "source": {
        "name": "Georgian government",
        "kind": "organization",
        "role": None,
        "country": "GE",
        "text": "The Georgian government",
        "start": 0,
        "end": 23,
    },
    "confidence": 0.82,
}


def test_claim_round_trip():
    c = Claim.from_dict(CLAIM)
    assert c.to_dict() == CLAIM
    assert Claim.from_dict(json.loads(json.dumps(c.to_dict()))) == c


def test_claim_without_optional_parts():
    d = {k: CLAIM[k] for k in ("doc_id", "quantity", "sentence")}
    c = Claim.from_dict(d)
    assert c.population is None and c.source is None
    assert c.id == claim_id("seed-003", 10, 21)


@pytest.mark.parametrize(
    "bad, field",
    [
        ({"doc_id": "x", "sentence": CLAIM["sentence"]}, "quantity"),
        ({"quantity": CLAIM["quantity"]}, "sentence"),
        ({**CLAIM, "quantity": {**CLAIM["quantity"], "start": "ten"}}, "start"),
        ({**CLAIM, "confidence": "high"}, "confidence"),
        ({**CLAIM, "event": {"type": "arrival"}}, "event"),
        ("not a dict", "object"),
    ],
)
def test_claim_from_dict_names_the_problem(bad, field):
    with pytest.raises(InvalidRecordError, match=field):
        Claim.from_dict(bad)


def test_extraction_round_trip_and_pickle():
    text = "Some 78,000 Russians entered Georgia on 27 September 2022."
    x = Extraction(
        doc_id="d1",
        published="2022-09-28",
        text=text,
        claims=[Claim.from_dict(CLAIM)],
        countries=[Country("Georgia", 29, 36, "GE")],
        officials=[Official("A B", "Minister", "GE", None, "A B", 0, 3, ((0, 3),))],
        dates=[DateMention("27 September 2022", 40, 57, "2022-09-27", "2022-09-27")],
        quantities=[Quantity("Some 78,000", 0, 11, 78000, approximate=True, qualifier="about")],
    )
    d = x.to_dict()
    assert Extraction.from_dict(json.loads(json.dumps(d))).to_dict() == d
    y = pickle.loads(pickle.dumps(x))
    assert y.to_dict() == d
    assert y.doc is None
    for rec in (*x.claims, *x.countries, *x.officials, *x.dates, *x.quantities):
        assert pickle.loads(pickle.dumps(rec)) == rec


def test_records_are_frozen():
    q = Quantity("5", 0, 1, 5)
    with pytest.raises(AttributeError):
        q.value = 6  # type: ignore[misc]
