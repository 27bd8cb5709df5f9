"""dedupe: grouping rules, input types, errors, determinism (no model needed)."""

from __future__ import annotations

import json

import pytest

from migration_extract.dedupe import dedupe, dedupe_jsonl
from migration_extract.errors import InvalidRecordError
from migration_extract.records import Claim, Extraction

_N = 0


def claim(doc: str, qtext: str, *, value=None, low=None, high=None, qualifier=None,
          approximate=False, per=None, kind="count", event="arrival", origin="RU",
          dest="GE", pop="Russians", source=None, t=None, sentence=None,
          sstart=0) -> dict:  # fmt: skip
    global _N
    _N += 1
    sent = sentence or f"Officials said {qtext} {pop or 'people'} entered the country."
    qs = sstart + sent.index(qtext) if qtext in sent else sstart
    loc = lambda c: None if c is None else {"code": c, "text": c, "start": 0, "end": 2}  # noqa: E731
    return {
        "id": f"c{_N}",
        "doc_id": doc,
        "quantity": {
            "text": qtext,
            "start": qs,
            "end": qs + len(qtext),
            "value": value,
            "low": low,
            "high": high,
            "approximate": approximate,
            "qualifier": qualifier,
            "per": per,
            "kind": kind,
        },  # fmt: skip
        "sentence": {"text": sent, "start": sstart, "end": sstart + len(sent)},
        "population": {"text": pop, "start": 0, "end": len(pop)} if pop else None,
        "event": {"type": event, "text": "entered", "start": 0, "end": 7} if event else None,
        "origin": loc(origin),
        "destination": loc(dest),
        "time": None
        if t is None
        else {"text": "then", "start": 0, "end": 4, "from": t[0], "to": t[1]},  # fmt: skip
        "source": None
        if source is None
        else {
            "name": source,
            "kind": "organization",
            "role": None,
            "country": None,
            "text": source,
            "start": 0,
            "end": len(source),
        },  # fmt: skip
        "confidence": 0.8,
    }


def together(groups, *ids) -> bool:
    where = {m.claim_id: g.id for g in groups for m in g.members}
    return len({where[i] for i in ids}) == 1


def test_roughly_98000_and_nearly_100000_group():
    a = claim("a", "roughly 98,000", value=98000, qualifier="about", approximate=True, dest="KZ")
    b = claim("b", "nearly 100,000", value=100000, high=100000, qualifier="nearly",
              approximate=True, dest="KZ")  # fmt: skip
    groups = dedupe([a, b])
    assert len(groups) == 1 and groups[0].documents == 2


def test_261000_and_a_quarter_of_a_million_group():
    a = claim("a", "about 261,000", value=261000, qualifier="about", approximate=True,
              event="departure", dest=None, pop="men", source="Novaya Gazeta")  # fmt: skip
    b = claim("b", "more than a quarter of a million", value=250000, low=250000,
              qualifier="more_than", event="departure", dest=None,
              source="Novaya Gazeta")  # fmt: skip
    assert len(dedupe([a, b])) == 1


def test_five_to_six_thousand_a_day_and_5000_6000_daily_group():
    a = claim("a", "five to six thousand", low=5000, high=6000, per="day", pop="people")
    b = claim("b", "5,000-6,000", low=5000, high=6000, per="day", pop="arrivals")
    c = claim("c", "between 5,000 and 6,000", low=5000, high=6000, per="day", pop="people")
    assert len(dedupe([a, b, c])) == 1


def test_no_drift_from_5000_to_50000():
    # a ladder where each step is a plausible restatement of the previous one
    vals = [5000, 5500, 6000, 6600, 7300, 8000, 8800, 9700, 10700, 11800, 13000, 14300,
            15700, 17300, 19000, 21000, 23000, 25000, 28000, 31000, 34000, 37000, 41000,
            45000, 50000]  # fmt: skip
    items = [claim(f"d{k}", f"about {v:,}", value=v, qualifier="about", approximate=True)
             for k, v in enumerate(vals)]  # fmt: skip
    groups = dedupe(items)
    assert not together(groups, items[0]["id"], items[-1]["id"])
    for g in groups:  # no group spans more than one value interval
        vs = [vals[int(m.claim_id[1:]) - int(items[0]["id"][1:])] for m in g.members]
        assert max(vs) / min(vs) < 1.25


def test_same_number_different_place_or_event_stays_apart():
    a = claim("a", "100,000", value=100000, dest="KZ")
    b = claim("b", "100,000", value=100000, origin="UA", dest="MD", pop="Ukrainians")
    c = claim("c", "300,000", value=300000, event="mobilization", dest=None, pop="reservists")
    d = claim("d", "300,000", value=300000, event="departure", dest=None, pop="people")
    e = claim("e", "10,000", value=10000, per="day", dest="GE")
    f = claim("f", "10,000", value=10000, event="asylum", origin=None, dest="HU")
    groups = dedupe([a, b, c, d, e, f])
    assert len(groups) == 6


def test_same_number_disjoint_times_stay_apart():
    a = claim("a", "66,000", value=66000, dest="FI", t=("2022-09-26", "2022-10-02"))
    b = claim("b", "66,000", value=66000, dest="FI", t=("2022-09-19", "2022-09-25"))
    c = claim("c", "66,000", value=66000, dest="FI", t=("2022-09-27", "2022-09-28"))
    groups = dedupe([a, b, c])
    assert not together(groups, a["id"], b["id"])
    assert together(groups, a["id"], c["id"])


def test_caption_repeated_within_one_article_groups():
    sent = "Hundreds of thousands of military-age Russian men have fled the country."
    a = claim("a", "Hundreds of thousands", low=100000, high=999999, approximate=True,
              event="departure", dest=None, sentence=sent, sstart=100)  # fmt: skip
    b = claim("a", "Hundreds of thousands", low=100000, high=999999, approximate=True,
              event="departure", dest=None, sentence=sent, sstart=900)  # fmt: skip
    groups = dedupe([a, b])
    assert len(groups) == 1 and groups[0].documents == 1 and len(groups[0].members) == 2


def test_headline_vague_magnitude_joins_its_lead_only_within_the_article():
    a = claim("a", "thousands", low=1000, high=9999, approximate=True, dest="MN", sstart=0)
    b = claim("a", "More than 3,000", value=3000, low=3000, qualifier="more_than", dest="MN",
              sstart=200)  # fmt: skip
    c = claim("c", "More than 3,000", value=3000, low=3000, qualifier="more_than", dest="MN")
    d = claim("d", "thousands", low=1000, high=9999, approximate=True, dest="MN", pop="men")
    assert together(dedupe([a, b, c]), a["id"], b["id"], c["id"])
    assert len(dedupe([c, d])) == 2  # across articles "thousands" is no particular number


def test_vague_magnitudes_and_shares_join_only_within_their_article():
    """Rule 14: "more than half" in two articles is no fact that can be checked as the
    same, and "tens of thousands" only when both name the place of their event."""
    kw = dict(low=10000, high=99999, approximate=True, dest=None)
    head = claim("a", "Tens of thousands", sstart=0, **kw)
    lead = claim("a", "tens of thousands", sstart=120, **kw)
    other = claim("b", "Tens of thousands", **{**kw, "dest": "UZ"})
    groups = dedupe([head, lead, other])
    assert together(groups, head["id"], lead["id"])  # an arrival with no destination
    assert not together(groups, head["id"], other["id"])
    # seed-000/002/004: "tens of thousands" fled Russia, in three articles
    fled = dict(low=10000, high=99999, approximate=True, event="departure", dest=None)
    assert len(dedupe([claim("a", "Tens of thousands", **fled),
                       claim("b", "tens of thousands", **fled)])) == 1  # fmt: skip
    share = dict(value=0.5, low=0.5, qualifier="more_than", kind="share", pop="children")
    s1 = claim("a", "more than half", **share)
    s2 = claim("b", "more than half", **share)
    assert len(dedupe([s1, s2])) == 2


def test_vague_magnitude_in_the_body_does_not_join_a_precise_figure():
    """Rule 10: inside one article's body "tens of thousands" is not "about 40,000"."""
    a = claim("a", "About 40,000", value=40000, qualifier="about", approximate=True,
              dest="AM", sstart=120)  # fmt: skip
    b = claim("a", "tens of thousands", low=10000, high=99999, approximate=True, dest="AM",
              sstart=900)  # fmt: skip
    assert len(dedupe([a, b])) == 2


def test_two_numbers_of_one_sentence_stay_apart():
    sent = "At least 31 people drowned and dozens are missing off Sfax."
    a = claim("a", "At least 31", value=31, low=31, qualifier="at_least", event="casualty",
              origin=None, dest=None, sentence=sent)  # fmt: skip
    b = claim("a", "dozens", low=24, high=99, approximate=True, event="casualty", origin=None,
              dest=None, sentence=sent)  # fmt: skip
    assert len(dedupe([a, b])) == 2


def test_input_types_agree():
    d1 = claim("a", "about 78,000", value=78000, qualifier="about", approximate=True)
    d2 = claim("b", "78,000", value=78000, source="Interior Ministry")
    c1, c2 = Claim.from_dict(d1), Claim.from_dict(d2)
    ext = [Extraction("a", None, "", claims=[c1]), Extraction("b", None, "", claims=[c2])]
    ext_dicts = [x.to_dict() for x in ext]
    want = [[(m.doc_id, m.claim_id) for m in g.members] for g in dedupe([d1, d2])]
    assert want == [[("a", d1["id"]), ("b", d2["id"])]]
    for items in ([c1, c2], ext, ext_dicts, [json.loads(json.dumps(d1)), d2]):
        got = dedupe(items)
        assert [[(m.doc_id, m.claim_id) for m in g.members] for g in got] == want
        assert isinstance(got[0].canonical, Claim)
        assert got[0].canonical.id == d2["id"]  # sourced and exact: the canonical claim


def test_claim_dict_without_id_or_doc_id_in_extraction_dict():
    d = claim("x", "78,000", value=78000)
    del d["id"], d["doc_id"]
    groups = dedupe([{"doc_id": "x", "text": "", "claims": [d]}])
    assert groups[0].members[0].doc_id == "x" and groups[0].canonical.doc_id == "x"


@pytest.mark.parametrize(
    "bad, field",
    [
        ({"doc_id": "z", "sentence": {"text": "s", "start": 0, "end": 1}}, "quantity"),
        ({"doc_id": "z", "quantity": 5, "sentence": {"text": "s", "start": 0, "end": 1}},
         "quantity"),
        ("not a claim", None),
    ],
)  # fmt: skip
def test_malformed_input_names_the_record(bad, field):
    good = claim("a", "78,000", value=78000)
    with pytest.raises(InvalidRecordError) as ei:
        dedupe([good, bad])
    assert "record 1" in str(ei.value)
    if field:
        assert field in str(ei.value) and "'z'" in str(ei.value)


def test_malformed_value_and_date_are_named():
    a = claim("a", "78,000", value="78000")
    with pytest.raises(InvalidRecordError, match=r"quantity\.value"):
        dedupe([a])
    b = claim("b", "78,000", value=78000, t=("yesterday", None))
    with pytest.raises(InvalidRecordError, match=r"time\.from"):
        dedupe([b])


def test_every_claim_in_exactly_one_group_and_deterministic():
    import random

    rng = random.Random(3)
    items = []
    for k in range(300):
        v = rng.choice([5000, 5200, 10000, 98000, 100000, 300000])
        items.append(claim(f"d{k % 40}", f"about {v:,}", value=v, qualifier="about",
                           approximate=True, dest=rng.choice(["GE", "KZ", None]),
                           event=rng.choice(["arrival", "departure", None]),
                           sstart=k * 100))  # fmt: skip
    items.append(claim("q", "hundreds", low=None, high=None))  # no number: its own group
    g1 = dedupe(items)
    ids = [m.claim_id for g in g1 for m in g.members]
    assert sorted(ids) == sorted(d["id"] for d in items)
    g2 = dedupe(list(items))
    assert [g.to_dict() for g in g1] == [g.to_dict() for g in g2]
    assert all(g.documents == len({m.doc_id for m in g.members}) for g in g1)


def test_dedupe_jsonl_matches_dedupe_and_names_the_line(tmp_path):
    items = [claim("a", "about 78,000", value=78000, qualifier="about", approximate=True),
             claim("b", "78,000", value=78000), claim("c", "5,000", value=5000)]  # fmt: skip
    p = tmp_path / "c.jsonl"
    p.write_text("\n".join(json.dumps(d) for d in items) + "\n\n")
    assert [g.to_dict() for g in dedupe_jsonl(str(p))] == [g.to_dict() for g in dedupe(items)]
    p.write_text(json.dumps(items[0]) + "\n{broken\n")
    with pytest.raises(InvalidRecordError, match="line 2"):
        dedupe_jsonl(str(p))
    p.write_text(json.dumps(items[0]) + "\n" + json.dumps({"doc_id": "q", "quantity": {}}) + "\n")
    with pytest.raises(InvalidRecordError, match="line 2") as ei:
        dedupe_jsonl(str(p))
    assert ei.value.record == 2


def test_consistent_component_shortcut_matches_ordered_merging(monkeypatch):
    """Components whose members all agree skip the best-first loop: same groups as
    running the loop on every component."""
    import importlib
    import random

    import numpy as np

    dd = importlib.import_module("migration_extract.dedupe")  # the module, not the function
    rng = random.Random(3)
    items = []
    for k in range(300):
        v = rng.choice([5000, 5200, 5400, 9000, 9100, 20000])
        qual = rng.choice([None, "about"])
        t = rng.choice([None, ("2022-09-20", "2022-09-26"), (None, "2022-09-28")])
        items.append(claim(f"d{k // 4}", f"{v:,}", value=v, qualifier=qual,
                           approximate=qual is not None, event=rng.choice(["arrival", None]),
                           origin=rng.choice(["RU", None]), dest=rng.choice(["GE", "KZ"]),
                           pop=rng.choice(["Russians", "men", None]), t=t,
                           source=rng.choice([None, "UNHCR", "IOM"]),
                           sstart=100 * (k % 4)))  # fmt: skip
    fast = [g.to_dict() for g in dd.dedupe(items)]
    monkeypatch.setattr(dd, "_consistent", lambda f, lab, lag: np.zeros(len(lab), dtype=bool))
    slow = [g.to_dict() for g in dd.dedupe(items)]
    assert fast == slow
    assert any(len(g["members"]) > 1 for g in fast)


def _article(doc: str, published: str | None, *claims_: dict) -> dict:
    return {"doc_id": doc, "published": published, "text": "...",
            "claims": [{**c, "doc_id": None} for c in claims_]}  # fmt: skip


def test_publication_window_for_claims_without_time(tmp_path):
    """A claim without a time in an article stands for the month before publication:
    the same figure published two years apart is two facts, within days one."""
    kw = dict(value=78000, qualifier="about", approximate=True, dest="PL")
    a, b, c = (claim(x, "about 78,000", **kw) for x in ("a", "b", "c"))
    items = [_article("a", "2022-03-10", a), _article("b", "2024-03-12", b),
             _article("c", "2022-03-14", c)]  # fmt: skip
    groups = dedupe(items)
    assert together(groups, a["id"], c["id"]) and not together(groups, a["id"], b["id"])
    # the same through Extraction objects and through a JSON-lines file
    ex = [Extraction(doc_id=d["doc_id"], published=d["published"], text="...",
                     claims=[Claim.from_dict({**c, "doc_id": d["doc_id"]}) for c in d["claims"]])
          for d in items]  # fmt: skip
    p = tmp_path / "x.jsonl"
    p.write_text("\n".join(json.dumps(d) for d in items) + "\n")
    want = [g.to_dict() for g in groups]
    assert [g.to_dict() for g in dedupe(ex)] == want
    assert [g.to_dict() for g in dedupe_jsonl(str(p))] == want
    # without a publication date (bare claims, or published null): any time, as before
    assert len(dedupe([a, b, c])) == 1
    assert len(dedupe([_article(x["doc_id"], None, x) for x in (a, b, c)])) == 1


def test_publication_window_meets_explicit_times_and_bucket_edges():
    kw = dict(value=5000, dest="MD", event="arrival")
    # 2022-01-31 and 2022-02-02: windows straddle a month (and a bucket) boundary
    a, b = claim("a", "5,000", **kw), claim("b", "5,000", **kw)
    assert together(dedupe([_article("a", "2022-01-31", a), _article("b", "2022-02-02", b)]),
                    a["id"], b["id"])  # fmt: skip
    # an explicit time inside the month before publication matches; one a year older not
    c = claim("c", "5,000", t=("2022-01-10", "2022-01-16"), **kw)
    d = claim("d", "5,000", t=("2021-01-10", "2021-01-16"), **kw)
    g = dedupe([_article("a", "2022-01-31", a), c, d])
    assert together(g, a["id"], c["id"]) and not together(g, a["id"], d["id"])
    with pytest.raises(InvalidRecordError, match="published"):
        dedupe([_article("a", "last week", a)])


def test_time_bucket_blocking_finds_every_compatible_pair():
    """Blocking with time buckets (and the open rows paired with the whole block) yields
    exactly the pairs that pass the hard rules among all pairs."""
    import importlib
    import random

    import numpy as np

    dd = importlib.import_module("migration_extract.dedupe")
    rng = random.Random(5)
    items = []
    for k in range(400):
        v = rng.choice([5000, 5100, 5300])
        day = 738000 + rng.randrange(200)
        t = rng.choice([None, None, "closed", "open", "long"])
        iso = lambda x: __import__("datetime").date.fromordinal(x).isoformat()  # noqa: E731
        tt = {None: None, "closed": (iso(day - rng.choice([0, 6, 30])), iso(day)),
              "open": (None, iso(day)), "long": (iso(day - 200), iso(day))}[t]  # fmt: skip
        c = claim(f"d{k}", f"{v:,}", value=v, dest=rng.choice(["GE", "KZ"]), t=tt,
                  event=rng.choice(["arrival", None]))  # fmt: skip
        items.append(_article(f"d{k}", rng.choice([iso(day + rng.randrange(5)), None]), c))
    rows, _ = dd._read(((n, d, doc, d, pub) for n, d, doc, pub in dd._iter_refs(items)),
                       dd.DedupeConfig())  # fmt: skip
    f = dd._features(rows)
    a, b = dd._candidates(f, 3)  # unbounded (no window)
    n = len(f["lo"])
    ia, ib = np.triu_indices(n, 1)
    ok = dd._compatible(f, ia, ib, 3)
    got = sorted(zip(a.tolist(), b.tolist(), strict=True))
    assert got == sorted(zip(ia[ok].tolist(), ib[ok].tolist(), strict=True))
    assert len(a) > 100


def test_mobilization_quota_without_time_gets_no_publication_window():
    """A call-up quota is restated as background months later (seeds: seed-001)."""
    kw = dict(value=300000, event="mobilization", origin="RU", dest=None, pop="reservists")
    a = claim("a", "300,000", t=("2022-09-21", "2022-09-21"), **kw)
    b = claim("b", "300,000", **kw)
    assert together(dedupe([a, _article("b", "2022-12-29", b)]), a["id"], b["id"])


def _iso(day: int) -> str:
    from datetime import date

    return date.fromordinal(day).isoformat()


def test_window_gives_the_unbounded_groups_when_blocks_are_small():
    """The candidate window (DedupeConfig.window) only binds in a crowded block: with
    claims spread over many blocks, bounded and unbounded give the same pairs and groups."""
    import importlib
    import random

    from migration_extract.dedupe import DedupeConfig

    dd = importlib.import_module("migration_extract.dedupe")
    rng = random.Random(11)
    items = []
    for k in range(120):
        v = rng.choice([5000, 5100, 5300, 20000, 21000, 98000, 100000])
        day = 738000 + rng.randrange(400)
        t = rng.choice([None, "closed", "open", "long"])
        tt = {None: None, "closed": (_iso(day - 6), _iso(day)), "open": (None, _iso(day)),
              "long": (_iso(day - 200), _iso(day))}[t]  # fmt: skip
        qual = rng.choice([None, "about"])
        c = claim(f"d{k // 3}", f"{v:,}", value=v, qualifier=qual, approximate=qual is not None,
                  dest=rng.choice(["GE", "KZ", "AM", "TR", "FI", "PL", "DE", "MD"]), t=tt,
                  event=rng.choice(["arrival", "departure", "stock"]), sstart=100 * k)  # fmt: skip
        items.append(_article(f"d{k // 3}", rng.choice([_iso(day + 2), None]), c))
    rows, _ = dd._read(((n, d, doc, d, pub) for n, d, doc, pub in dd._iter_refs(items)),
                       DedupeConfig())  # fmt: skip
    f = dd._features(rows)
    w = DedupeConfig().window
    assert [x.tolist() for x in dd._candidates(f, 3, w)] == \
        [x.tolist() for x in dd._candidates(f, 3, None)]  # fmt: skip
    bounded = [g.to_dict() for g in dedupe(items)]
    assert bounded == [g.to_dict() for g in dedupe(items, DedupeConfig(window=None))]
    assert any(len(g["members"]) > 1 for g in bounded)


def _crowded_block(n_days: int = 120, per_day: int = 4, seed: int = 2) -> list[dict]:
    """One block (count, arrival, PL) crowded with daily figures of similar size: each
    day's figure (a closed one-day time) is restated by 2-3 articles of that day."""
    import random

    rng = random.Random(seed)
    items = []
    for d in range(n_days):
        for f in range(per_day):
            v = rng.choice([4800, 5000, 5100, 5200, 5300, 5500])
            for r in range(rng.choice([2, 3])):
                doc = f"n{d}-{f}-{r}"
                c = claim(doc, f"{v:,}", value=v, dest="PL", origin="UA", pop="Ukrainians",
                          t=(_iso(738000 + d), _iso(738000 + d)))  # fmt: skip
                c["id"] = f"f{d}.{f}-{r}"
                items.append(_article(doc, _iso(738001 + d), c))
    return items


def test_window_bounds_candidates_in_a_crowded_block():
    """In a crowded block each claim meets at most a bounded number of others (nearest
    in time within its value band), the bounded pairs are a subset of the unbounded ones,
    and a figure's same-day restatements are still found: same groups as unbounded."""
    import importlib

    import numpy as np

    from migration_extract.dedupe import DedupeConfig

    dd = importlib.import_module("migration_extract.dedupe")
    items = _crowded_block()
    rows, _ = dd._read(((n, d, doc, d, pub) for n, d, doc, pub in dd._iter_refs(items)),
                       DedupeConfig())  # fmt: skip
    f = dd._features(rows)
    w = DedupeConfig().window
    a, b = dd._candidates(f, 3, w)
    ua, ub = dd._candidates(f, 3, None)
    got = set(zip(a.tolist(), b.tolist(), strict=True))
    full = set(zip(ua.tolist(), ub.tolist(), strict=True))
    assert got <= full and len(got) < len(full)
    per_claim = np.bincount(np.concatenate([a, b]), minlength=len(f["lo"]))
    assert per_claim.max() <= 2 * w * dd._MAX_BANDS
    bounded = [g.to_dict() for g in dedupe(items)]
    assert bounded == [g.to_dict() for g in dedupe(items, DedupeConfig(window=None))]
    assert max(len(g["members"]) for g in bounded) >= 2


def test_bounded_dedupe_is_deterministic(tmp_path):
    items = _crowded_block(60, 6, seed=4)
    first = [g.to_dict() for g in dedupe(items)]
    assert first == [g.to_dict() for g in dedupe([dict(x) for x in items])]
    p = tmp_path / "crowded.jsonl"
    p.write_text("\n".join(json.dumps(x) for x in items) + "\n")
    assert [g.to_dict() for g in dedupe_jsonl(str(p))] == first


def test_inverted_or_infinite_range_does_not_break_blocking():
    """A range with its low above its high (an empty interval) matches nothing; the
    blocking must still run (it sorts and bands every interval)."""
    a = claim("a", "10-5", low=10, high=5, t=("2022-01-01", "2022-01-02"))
    b = claim("b", "5,000", low=5000, high=float("inf"), t=("2022-01-01", "2022-01-02"))
    c = claim("c", "5", value=5, t=("2022-01-01", "2022-01-02"))
    d = claim("d", "5", value=5, t=("2022-01-01", "2022-01-02"))
    groups = dedupe([a, b, c, d])
    assert len(groups) == 3 and together(groups, c["id"], d["id"])


def _together(groups, a: dict, b: dict) -> bool:
    return any({m.claim_id for m in g.members} >= {a["id"], b["id"]} for g in groups)


def test_snapshots_of_a_running_total_are_two_facts():
    """Rule 8: 'more than 123,000 so far this year' (to 14 September) and '127,000' (to 18
    September) are two snapshots; the same number a day later, or written to a coarser
    rounding ('more than 44,000' / '44,239'), is one fact."""
    kw = dict(event="arrival", origin=None, dest="IT", pop="migrants")
    a = claim("a", "more than 123,000", value=123000, low=123000, qualifier="more_than",
              t=("2023-01-01", "2023-09-14"), **kw)  # fmt: skip
    b = claim("b", "127,000", value=127000, t=("2023-01-01", "2023-09-18"), **kw)
    c = claim("c", "127,207", value=127207, t=("2023-01-01", "2023-09-19"), **kw)
    d = claim("d", "more than 44,000", value=44000, low=44000, qualifier="more_than",
              t=("2023-01-01", "2023-11-14"), **{**kw, "dest": "MX"})  # fmt: skip
    e = claim("e", "44,239", value=44239, t=("2023-01-01", "2023-10-31"), **{**kw, "dest": "MX"})
    groups = dedupe([a, b, c, d, e])
    assert not _together(groups, a, b) and not _together(groups, a, c)
    assert _together(groups, b, c)
    assert _together(groups, d, e)


def test_a_projection_is_not_a_count_of_the_past():
    kw = dict(event="arrival", origin=None, dest="SS", pop=None)
    past = claim("a", "More than 300,000", value=300000, low=300000, qualifier="more_than",
                 t=("2023-04-15", "2023-10-10"), **kw)  # fmt: skip
    plan = claim("a", "up to 400,000", value=400000, high=400000, qualifier="up_to",
                 t=(None, "2023-12-31"), **kw)  # fmt: skip
    plan["sentence"] = {**plan["sentence"], "start": 500}
    groups = dedupe([_article("a", "2023-10-10", past, plan)])
    assert not _together(groups, past, plan)


def test_undated_caption_restates_a_dated_figure_of_its_own_article():
    """The publication window keeps undated figures of other articles apart from old
    dated ones, but inside one article a caption restates the lead."""
    kw = dict(value=None, low=100000, high=999999, approximate=True, event="departure",
              origin="RU", dest=None, pop="men")  # fmt: skip
    lead = claim("x", "hundreds of thousands", t=("2022-09-01", "2022-09-30"), **kw)
    cap = claim("x", "Hundreds of thousands", sstart=900, **kw)
    other = claim("y", "Hundreds of thousands", **kw)
    groups = dedupe([_article("x", "2022-12-29", lead, cap), _article("y", "2022-12-29", other)])
    assert _together(groups, lead, cap)


def test_undated_figure_is_a_snapshot_of_its_publication_day():
    """An undated headline of another article stands for its publication day when it
    meets a dated running total: '127,000' on 18 September is not 'more than 123,000 so
    far this year' to 14 September, but 'about 21,700' still restates 21,763."""
    kw = dict(event="arrival", origin=None, dest="IT", pop="migrants")
    dated = claim("a", "more than 123,000", value=123000, low=123000, qualifier="more_than",
                  t=("2023-01-01", "2023-09-14"), **kw)  # fmt: skip
    head = claim("b", "127,000", value=127000, **kw)
    groups = dedupe([_article("a", "2023-09-14", dated), _article("b", "2023-09-18", head)])
    assert not _together(groups, dated, head)
    kw = dict(event="border_encounter", origin="RU", dest="US", pop="Russians")
    fy = claim("c", "About 21,700", value=21700, qualifier="about", approximate=True,
               t=("2021-10-01", "2022-09-30"), **kw)  # fmt: skip
    bare = claim("d", "21,763", value=21763, **kw)
    groups = dedupe([_article("c", "2022-10-05", fy), _article("d", "2022-10-22", bare)])
    assert _together(groups, fy, bare)


def test_infinite_value_is_a_clear_error():
    from migration_extract.errors import InvalidRecordError

    c = claim("a", "x", value=5)
    c["quantity"]["value"] = float("inf")
    with pytest.raises(InvalidRecordError, match=r"quantity\.value"):
        dedupe([c])


def test_event_only_population_scores_as_missing():
    """Rule 11: 'arrivals' (a headline's running total) says nothing about who; it is
    scored like a missing population, so the headline still restates its lead."""
    from migration_extract.dedupe import _norm_pop

    assert _norm_pop("Sea arrivals") == "" and _norm_pop("arrivals") == ""
    assert _norm_pop("Sudanese refugees") == "sudanese refugees"
    kw = dict(event="arrival", origin=None, dest=None, t=("2023-01-01", "2023-10-31"))
    lead = claim("a", "32,436", value=32436, pop="people",
                 sentence="A total of 32,436 people reached the Canary Islands by sea "
                          "between January 1 and October 31, the interior ministry said.",
                 sstart=60, **kw)  # fmt: skip
    for pop in ("arrivals", None):
        head = claim("a", "32,000", value=32000, low=32000, qualifier="more_than", pop=pop,
                     sentence="Canary Islands arrivals top 32,000, beating 2006 record",
                     **kw)  # fmt: skip
        assert _together(dedupe([_article("a", "2023-11-02", head, lead)]), head, lead), pop


def test_a_stock_as_of_a_day_is_that_days_level():
    """Rule 12: 'about 985,000 held protection as of July 1' is the level on 1 July, not at
    any time before it, so an undated 'some 960,000' published in February is another fact;
    the same level a few days before the as-of date is the same one."""
    kw = dict(event="stock", origin="UA", dest="PL", pop="Ukrainians")
    july = claim("a", "about 985,000", value=985000, qualifier="about", approximate=True,
                 t=(None, "2023-07-01"), **kw)  # fmt: skip
    feb = claim("b", "some 960,000", value=960000, qualifier="about", approximate=True, **kw)
    late_june = claim("c", "about 980,000", value=980000, qualifier="about", approximate=True,
                      t=("2023-06-28", "2023-06-28"), **kw)  # fmt: skip
    groups = dedupe([_article("a", "2023-07-18", july), _article("b", "2023-02-24", feb),
                     _article("c", "2023-06-30", late_june)])  # fmt: skip
    assert not _together(groups, july, feb)
    assert _together(groups, july, late_june)



def test_any_figure_as_of_a_day_is_that_days_count():
    """Rule 12, for every event but a call-up (sixteenth session): 'about 42,500' people
    entered Armenia 'by Wednesday' (27 September 2023) is the count as of that day, not at
    any time before it, so it is not the 'about 42,500' of an article of a year before;
    the same count restated the next day still joins."""
    kw = dict(event="arrival", origin=None, dest="AM", pop="people", value=42500,
              qualifier="about", approximate=True)  # fmt: skip
    by_wed = claim("a", "about 42,500", t=(None, "2023-09-27"), **kw)
    year_before = claim("b", "about 42,500", **kw)
    next_day = claim("c", "about 42,500", **kw)
    groups = dedupe([_article("a", "2023-09-28", by_wed),
                     _article("b", "2022-10-06", year_before),
                     _article("c", "2023-09-29", next_day)])  # fmt: skip
    assert not _together(groups, by_wed, year_before)
    assert _together(groups, by_wed, next_day)


# --------------------------------------------------------------- rule 13: group consistency


def test_counting_periods_of_very_different_lengths_are_two_facts():
    """Rule 13: a count for October is not the count since January, even with the same
    number; periods of similar length (a total to 31 October and one to 3 November) are."""
    kw = dict(event="arrival", origin=None, dest="ES", pop="migrants")
    october = claim("a", "14,976", value=14976, t=("2023-10-01", "2023-10-31"), **kw)
    year = claim("b", "Some 15,000", value=15000, qualifier="about", approximate=True,
                 t=("2023-01-01", "2023-11-03"), **kw)  # fmt: skip
    assert len(dedupe([october, year])) == 2
    to_oct = claim("c", "32,436", value=32436, t=("2023-01-01", "2023-10-31"), **kw)
    to_nov = claim("d", "more than 32,000", value=32000, low=32000, qualifier="more_than",
                   t=("2023-01-01", "2023-11-03"), **kw)  # fmt: skip
    assert len(dedupe([to_oct, to_nov])) == 1
    # shorter closed times are often one event's date at another precision: no rule
    kw = dict(event="mobilization", origin="RU", dest=None, pop="reservists")
    month = claim("e", "300,000", value=300000, t=("2022-09-01", "2022-09-30"), **kw)
    day = claim("f", "300,000", value=300000, t=("2022-09-21", "2022-09-21"), **kw)
    assert len(dedupe([month, day])) == 1


def _chain_cases() -> list[tuple[list[dict], dict, dict]]:
    """Chains A ~ B ~ C (each link passes the hard rules and scores above the bar) whose
    ends A and C are clearly incompatible, as articles: (records, A, C)."""
    cases = []
    # two closed weeks that do not meet (rule 7), linked by an undated figure of another
    # article whose publication window covers both (the group's times met with the lag)
    kw = dict(value=66000, dest="FI", origin="RU", pop="Russians")
    a = claim("a", "66,000", t=("2022-09-19", "2022-09-25"), **kw)
    b = claim("b", "66,000", **kw)
    c = claim("c", "66,000", t=("2022-09-28", "2022-10-04"), **kw)
    cases.append(([_article("a", "2022-09-26", a), _article("b", "2022-10-05", b),
                   _article("c", "2022-10-05", c)], a, c))  # fmt: skip
    # two numbers of one sentence (rule 6), linked by a figure of another article
    sent = "About 40,000 Russians arrived in September, up from 38,000 in August."
    a = claim("a", "About 40,000", value=40000, qualifier="about", approximate=True,
              sentence=sent, sstart=100, dest="AM")  # fmt: skip
    c = claim("a", "38,000", value=38000, sentence=sent, sstart=100, dest="AM")
    b = claim("b", "about 39,000", value=39000, qualifier="about", approximate=True,
              dest="AM")  # fmt: skip
    cases.append(([_article("a", "2022-10-06", a, c), _article("b", "2022-10-06", b)], a, c))
    # a month and (nearly) a year (rule 13), linked by an undated headline whose article
    # restates its own year-to-date figure (team-044 / team-045's shape)
    kw = dict(event="arrival", origin=None, dest="ES", pop="migrants")
    a = claim("a", "14,976", value=14976, t=("2023-10-01", "2023-10-31"), sstart=300, **kw)
    b = claim("b", "15,000", value=15000, sstart=0, **kw)
    c = claim("b", "Some 15,000", value=15000, qualifier="about", approximate=True,
              t=("2023-01-01", "2023-11-03"), sstart=800, **kw)  # fmt: skip
    cases.append(([_article("a", "2023-11-02", a), _article("b", "2023-11-03", b, c)], a, c))
    # a vague magnitude and a number of one article's body (rule 10), linked through the
    # headline (which may round its lead) and another article's vague figure
    kw = dict(origin="RU", dest="AM", pop="Russians")
    head = claim("a", "About 40,000", value=40000, qualifier="about", approximate=True,
                 sstart=0, **kw)  # fmt: skip
    a = claim("a", "about 40,000", value=40000, qualifier="about", approximate=True,
              sstart=80, **kw)  # fmt: skip
    c = claim("a", "tens of thousands", low=10000, high=99999, approximate=True, sstart=900,
              **kw)  # fmt: skip
    other = claim("b", "Tens of thousands", low=10000, high=99999, approximate=True, **kw)
    cases.append(([_article("a", "2022-10-06", head, a, c), _article("b", "2022-10-06", other)],
                  a, c))  # fmt: skip
    return cases


@pytest.mark.parametrize("case", range(4))
def test_a_chain_does_not_join_incompatible_claims(case):
    """Rule 13 (group consistency): A ~ B and B ~ C are each one fact, but A and C are
    clearly two (disjoint closed times, one sentence, a month and a year, a vague figure
    and a number of one body): they never end in one group, and B still joins one of
    them."""
    records, a, c = _chain_cases()[case]
    groups = dedupe(records)
    assert not _together(groups, a, c)
    assert any(len(g.members) > 1 for g in groups)
    # the same in the other input order
    assert not _together(dedupe(list(reversed(records))), a, c)


def _clearly_incompatible(x: dict, y: dict) -> str | None:
    """The pair checks of rule 13, written out on claim dicts (independently of the
    module): the reason two members may not share a group, or None."""
    from datetime import date

    def closed(c):
        t = c["time"]
        return t and t["from"] and t["to"] and (date.fromisoformat(t["from"]).toordinal(),
                                                date.fromisoformat(t["to"]).toordinal())

    cx, cy = closed(x), closed(y)
    if cx and cy:
        if max(cx[0], cy[0]) > min(cx[1], cy[1]):
            return "disjoint closed times"
        lx, ly = cx[1] - cx[0] + 1, cy[1] - cy[0] + 1
        if min(lx, ly) >= 28 and max(lx, ly) > 2 * min(lx, ly):
            return "counting periods"
    if x["doc_id"] == y["doc_id"]:
        sx, sy = x["sentence"]["start"], y["sentence"]["start"]
        if sx == sy:
            return "one sentence"
        vx = x["quantity"]["value"] is None and x["quantity"]["approximate"]
        vy = y["quantity"]["value"] is None and y["quantity"]["approximate"]
        if vx != vy and sx != 0 and sy != 0:
            return "vague and number in one body"
    return None


def test_no_group_holds_a_clearly_incompatible_pair(monkeypatch):
    """Property: on random articles built to make chains (similar numbers, closed and open
    times of many lengths, shared sentences, vague figures next to numbers), no group
    holds a pair that rule 13 calls clearly incompatible, and the consistent-component
    shortcut gives the groups of the ordered merging."""
    import importlib
    import random

    import numpy as np

    dd = importlib.import_module("migration_extract.dedupe")
    for seed in range(6):
        rng = random.Random(seed)
        records = []
        for d in range(40):
            doc = f"d{d}"
            day = 738800 + rng.randrange(20)
            cl = []
            for k in range(rng.randint(1, 5)):
                if rng.random() < 0.25:
                    q = dict(low=10000, high=99999, approximate=True)
                    text = "tens of thousands"
                else:
                    v = rng.choice([38000, 39000, 40000, 41000, 42000])
                    qual = rng.choice([None, "about"])
                    q = dict(value=v, qualifier=qual, approximate=qual is not None)
                    text = f"{v:,}"
                span = rng.choice([None, 0, 6, 30, 31, 90, 200, 365])
                t = None
                if span is not None:
                    end = day - rng.randrange(4)
                    t = (_iso(end - span), _iso(end))
                elif rng.random() < 0.3:
                    t = (None, _iso(day))
                sstart = 0 if k == 0 else rng.choice([100, 100, 300, 500, 700])
                cl.append(claim(doc, text, t=t, sstart=sstart, dest="AM",
                                pop=rng.choice(["Russians", "people", None]), **q))  # fmt: skip
            records.append(_article(doc, _iso(day), *cl))
        by_id = {c["id"]: {**c, "doc_id": r["doc_id"]} for r in records for c in r["claims"]}
        fast = dd.dedupe(records)
        for g in fast:
            ms = [by_id[m.claim_id] for m in g.members]
            for i, x in enumerate(ms):
                for y in ms[i + 1 :]:
                    assert _clearly_incompatible(x, y) is None, (seed, x, y)
        assert any(len(g.members) > 2 for g in fast)
        with monkeypatch.context() as m:
            m.setattr(dd, "_consistent", lambda f, lab, lag: np.zeros(len(lab), dtype=bool))
            slow = dd.dedupe(records)
        assert [g.to_dict() for g in fast] == [g.to_dict() for g in slow]


# ----------------------------------------------- 2026-11-23: rules 15-17 (thirteenth session)


def test_intervals_that_only_touch_are_two_numbers():
    """Rule 15: 'nearly 300,000' (at most 300,000) and 'more than 300,000' (above it) meet
    only at 300,000, and '12,000' and '13,000' only at 12,500: two numbers. Overlapping
    intervals ('about 300,000') still join, and a chain through one does not put the two
    touching figures in one group."""
    kw = dict(event="departure", origin="SY", dest=None, pop="people")
    nearly = claim("a", "nearly 300,000", value=300000, high=300000, qualifier="nearly",
                   approximate=True, **kw)  # fmt: skip
    more = claim("b", "more than 300,000", value=300000, low=300000, qualifier="more_than", **kw)
    about = claim("c", "about 300,000", value=300000, qualifier="about", approximate=True, **kw)
    assert len(dedupe([nearly, more])) == 2
    assert len(dedupe([nearly, about])) == 1 and len(dedupe([more, about])) == 1
    groups = dedupe([nearly, about, more])
    assert not _together(groups, nearly, more)
    twelve = claim("d", "12,000", value=12000, **kw)
    thirteen = claim("e", "13,000", value=13000, **kw)
    assert len(dedupe([twelve, thirteen])) == 2
    # a single-point interval (a zero) still meets an interval that starts at it
    zero = claim("f", "no", value=0, **kw)
    zero2 = claim("g", "none", value=0, **kw)
    assert len(dedupe([zero, zero2])) == 1


def test_relative_changes_told_with_different_counts_are_two_facts():
    """Rule 16: a change ('more than twice as many') qualifies the count told in its
    sentence. Across articles two changes whose sentences state counts that are not the
    same number compare different figures; told with the same count, or without any,
    they may still be one fact."""
    kw = dict(event="arrival", origin="RU", dest="UZ", pop=None, t=("2022-09-21", "2022-10-04"))

    def told(doc: str, count: str, value: float, qual=None) -> tuple[dict, dict]:
        sent = f"The ministry said {count} Russians entered, more than twice as many as usual."
        n = claim(doc, count, value=value, qualifier=qual, approximate=qual is not None,
                  sentence=sent, **{**kw, "pop": "Russians"})  # fmt: skip
        c = claim(doc, "more than twice", value=2, low=2, qualifier="more_than", kind="change",
                  sentence=sent, **kw)  # fmt: skip
        return n, c

    n1, c1 = told("a", "36,700", 36700)
    n2, c2 = told("b", "about 46,500", 46500, "about")
    n3, c3 = told("c", "about 36,700", 36700, "about")
    groups = dedupe([n1, c1, n2, c2, n3, c3])
    assert not _together(groups, c1, c2) and not _together(groups, c2, c3)
    assert _together(groups, c1, c3) and _together(groups, n1, n3)
    bare = claim("d", "more than twice", value=2, low=2, qualifier="more_than", kind="change",
                 sentence="Arrivals from Russia were more than twice the usual number.", **kw)
    assert _together(dedupe([n1, c1, bare]), c1, bare)


def test_stock_levels_of_days_apart_are_two_facts():
    """Rule 17: a stock is a level on a day. Across articles, 'about 80,000 remained as of
    Sunday' (13 March) and an undated 'around 80,000 remain' published on 7 March are two
    counts, although the number is the same; the undated figure published the next day
    restates it, and two undated levels are left to the publication window. (A pair rule,
    like rule 8: an undated level between the two can still chain them.)"""
    kw = dict(event="stock", origin="UA", dest="RO", pop="Ukrainians")
    dated = claim("a", "About 80,000", value=80000, qualifier="about", approximate=True,
                  t=(None, "2022-03-13"), **kw)  # fmt: skip
    early = claim("b", "Around 80,000", value=80000, qualifier="about", approximate=True, **kw)
    next_day = claim("c", "about 80,000", value=80000, qualifier="about", approximate=True, **kw)
    # (attributed: two undated levels with no source on either side are rule 25's background)
    later = claim("d", "some 80,000", value=80000, qualifier="about", approximate=True,
                  source="UNHCR", **kw)  # fmt: skip
    groups = dedupe([_article("a", "2022-03-15", dated), _article("b", "2022-03-07", early)])
    assert not _together(groups, dated, early)
    groups = dedupe([_article("a", "2022-03-15", dated), _article("c", "2022-03-14", next_day)])
    assert _together(groups, dated, next_day)
    groups = dedupe([_article("b", "2022-03-07", early), _article("d", "2022-03-27", later)])
    assert _together(groups, early, later)
    # arrivals are not levels: an undated flow is still read over its publication window
    kw = {**kw, "event": "arrival"}
    flow = claim("e", "About 80,000", value=80000, qualifier="about", approximate=True,
                 t=(None, "2022-03-13"), **kw)  # fmt: skip
    flow_early = claim("f", "Around 80,000", value=80000, qualifier="about", approximate=True,
                       **kw)  # fmt: skip
    groups = dedupe([_article("e", "2022-03-15", flow), _article("f", "2022-03-12", flow_early)])
    assert _together(groups, flow, flow_early)


def test_hundreds_and_thousands_identify_no_fact_across_articles():
    """Rule 18: 'thousands of Russians cross into Kazakhstan' fits any crowd at any
    crossing on any day: two articles' 'thousands' stay apart even with the place named
    on both sides, while 'tens of thousands' who fled Russia still join (rule 14), and a
    headline's 'Thousands' still restates its own article's lead."""
    kw = dict(value=None, low=1000, high=9999, approximate=True, event="arrival", origin="RU",
              dest="KZ", pop="Russians")  # fmt: skip
    a = claim("a", "Thousands", **kw)
    b = claim("b", "thousands", **kw)
    b2 = claim("b", "thousands", sstart=0, **kw)
    b_lead = claim("b", "thousands", sstart=200, **kw)
    assert len(dedupe([a, b])) == 2
    assert _together(dedupe([b2, b_lead]), b2, b_lead)
    kw = {**kw, "low": 10000, "high": 99999, "event": "departure", "dest": None}
    c = claim("c", "tens of thousands", **kw)
    d = claim("d", "Tens of thousands", **kw)
    assert len(dedupe([c, d])) == 1


# ----------------------------------------------- rules 19- (fourteenth session)


def test_one_sided_hedges_round_to_the_digits_written():
    """Rule 19: 'more than 1,500' is written to the hundred: the figure is 1,500 up to
    1,600, so another article's 'more than 1,600' is another count; 'at least 84' and 'at
    least 87' dead are two tolls. A coarser figure still restates a finer one ('more than
    14,000' / '14,406'; 'nearly 15,000' / 'more than 14,500'; 'nearly 100,000' / '98,000')."""
    kw = dict(event="arrival", origin="MM", dest="ID", pop="Rohingya")
    a = claim("a", "more than 1,500", value=1500, low=1500, qualifier="more_than", **kw)
    b = claim("b", "More than 1,600", value=1600, low=1600, qualifier="more_than", **kw)
    assert len(dedupe([a, b])) == 2
    tk = dict(event="casualty", origin="EG", dest=None, pop="Egyptians")
    c = claim("c", "at least 84", value=84, low=84, qualifier="at_least", **tk)
    d = claim("d", "At least 87", value=87, low=87, qualifier="at_least", **tk)
    assert len(dedupe([c, d])) == 2
    e = claim("e", "more than 14,000", value=14000, low=14000, qualifier="more_than", **kw)
    f = claim("f", "14,406", value=14406, **kw)
    assert len(dedupe([e, f])) == 1
    g = claim("g", "nearly 15,000", value=15000, high=15000, qualifier="nearly",
              approximate=True, **kw)  # fmt: skip
    h = claim("h", "more than 14,500", value=14500, low=14500, qualifier="more_than", **kw)
    assert len(dedupe([g, h])) == 1
    i = claim("i", "nearly 100,000", value=100000, high=100000, qualifier="nearly",
              approximate=True, **kw)  # fmt: skip
    j = claim("j", "98,000", value=98000, **kw)
    assert len(dedupe([i, j])) == 1
    k = claim("k", "nearly 8,600", value=8600, high=8600, qualifier="nearly",
              approximate=True, **kw)  # fmt: skip
    m = claim("m", "8,314", value=8314, **kw)
    assert len(dedupe([k, m])) == 2


def test_vague_magnitudes_across_articles_are_facts_of_a_day():
    """Rule 20: across articles, 'tens of thousands' identifies a fact only as of a day
    (the end of its time, else its article's publication day): the same wording a week
    later, or as of a later day, is another report; published the next day, or stated for
    the same period, it restates the first."""
    kw = dict(value=None, low=10000, high=99999, approximate=True, event="departure",
              origin="RU", dest=None, pop="Russian men")  # fmt: skip
    a = claim("a", "Tens of thousands", **kw)
    b = claim("b", "tens of thousands", **kw)
    c = claim("c", "tens of thousands", **kw)
    groups = dedupe([_article("a", "2022-09-27", a), _article("b", "2022-09-28", b)])
    assert _together(groups, a, b)
    groups = dedupe([_article("a", "2022-09-27", a), _article("c", "2022-10-04", c)])
    assert not _together(groups, a, c)
    d = claim("d", "tens of thousands", t=("2022-09-21", "2022-09-29"), **kw)
    e = claim("e", "Tens of thousands", t=("2022-09-21", "2022-10-06"), **kw)
    f = claim("f", "tens of thousands", t=("2022-09-21", "2022-09-29"), **kw)
    groups = dedupe([_article("d", "2022-09-30", d), _article("e", "2022-10-07", e),
                     _article("f", "2022-10-20", f)])  # fmt: skip
    assert not _together(groups, d, e) and _together(groups, d, f)


def test_a_period_that_has_begun_is_counted_so_far():
    """Rule 21: 'More than 40,000 cross Channel this year' in a headline of 24 November is
    the count so far (to the publication day), as its lead's 'so far this year' says, not
    a projection to 31 December (rule 9); a figure 'by the end of the year' still is one."""
    kw = dict(event="arrival", origin=None, dest="GB", pop="people")
    head = claim("a", "More than 40,000", value=40000, low=40000, qualifier="more_than",
                 t=("2022-01-01", "2022-12-31"), **kw)  # fmt: skip
    lead = claim("a", "More than 40,000", value=40000, low=40000, qualifier="more_than",
                 t=("2022-01-01", "2022-11-24"), sstart=91, **kw)  # fmt: skip
    plan = claim("b", "up to 45,000", value=45000, high=45000, qualifier="up_to",
                 t=(None, "2022-12-31"), **kw)  # fmt: skip
    groups = dedupe([_article("a", "2022-11-24", head, lead), _article("b", "2022-11-25", plan)])
    assert _together(groups, head, lead)
    assert not _together(groups, head, plan) and not _together(groups, lead, plan)


def test_a_range_restates_only_the_same_range():
    """Rule 22: 'between 5,000 and 6,000 a day' is restated by 'five to six thousand a
    day', and by 'up to 6,000' (its top) or 'more than 5,000' (its bottom) in its own
    article, but 'about 5,500' or 'between 4,000 and 7,000' is another statement, as is
    a range inside the range ('600,000 to 700,000' / 'between 500,000 and 1 million')."""
    kw = dict(per="day", event="arrival", origin="RU", dest="GE", pop="Russians")
    a = claim("a", "between 5,000 and 6,000", low=5000, high=6000, **kw)
    b = claim("b", "five to six thousand", low=5000, high=6000, **kw)
    c = claim("c", "about 5,500", value=5500, qualifier="about", approximate=True, **kw)
    d = claim("d", "between 4,000 and 7,000", low=4000, high=7000, **kw)
    groups = dedupe([a, b, c, d])
    assert _together(groups, a, b)
    assert not any(_together(groups, x, y) for x in (a, b) for y in (c, d))
    assert not _together(groups, c, d)
    e = claim("e", "Up to 6,000", value=6000, high=6000, qualifier="up_to", sstart=0, **kw)
    e2 = claim("e", "between 5,000 and 6,000", low=5000, high=6000, sstart=90, **kw)
    f = claim("f", "more than 5,000", value=5000, low=5000, qualifier="more_than", sstart=0,
              **kw)  # fmt: skip
    f2 = claim("f", "between 5,000 and 6,000", low=5000, high=6000, sstart=90, **kw)
    assert _together(dedupe([e, e2]), e, e2) and _together(dedupe([f, f2]), f, f2)


def test_a_ceiling_restates_only_the_same_ceiling():
    """Rule 23: 'up to 120,000' (a bound or a plan) is not the count 'more than 100,000'
    nor 'around 120,000'; 'up to 400,000' and 'up to 300,000' are two plans; the same
    ceiling in two articles ('as many as 20,000' / 'up to 20,000') is one statement."""
    kw = dict(event="arrival", origin="AZ", dest="AM", pop="refugees")
    up = claim("a", "up to 120,000", value=120000, high=120000, qualifier="up_to", **kw)
    more = claim("b", "more than 100,000", value=100000, low=100000, qualifier="more_than",
                 **kw)  # fmt: skip
    about = claim("c", "around 120,000", value=120000, qualifier="about", approximate=True,
                  **kw)  # fmt: skip
    up2 = claim("d", "as many as 120,000", value=120000, high=120000, qualifier="up_to", **kw)
    groups = dedupe([up, more, about, up2])
    assert not _together(groups, up, more) and not _together(groups, up, about)
    assert _together(groups, up, up2)
    p4 = claim("e", "up to 400,000", value=400000, high=400000, qualifier="up_to", **kw)
    p3 = claim("f", "up to 300,000", value=300000, high=300000, qualifier="up_to", **kw)
    assert len(dedupe([p4, p3])) == 2


def test_two_numbers_written_to_the_same_unit_differ():
    """Rule 24: 'about 1,300' and 'About 1,200', 'about 108,000' and 'about 106,000',
    'about 2,500' and 'about 2,600' are two figures (the finer one does not round to the
    coarser); '256,000' and a headline's '250,000', '21,763' and 'About 21,700', '98,000'
    and 'roughly 98,000' are one."""
    kw = dict(event="stock", origin="RU", dest="KZ", pop="Russians")

    def num(doc: str, text: str, v: int, about: bool = True, **extra) -> dict:
        return claim(doc, text, value=v, qualifier="about" if about else None,
                     approximate=about, **{**kw, **extra})  # fmt: skip

    assert len(dedupe([num("a", "about 1,300", 1300), num("b", "About 1,200", 1200)])) == 2
    assert len(dedupe([num("a", "about 108,000", 108000),
                       num("b", "about 106,000", 106000)])) == 2  # fmt: skip
    assert len(dedupe([num("a", "about 2,500", 2500), num("b", "about 2,600", 2600)])) == 2
    assert len(dedupe([num("a", "21,763", 21763, False),
                       num("b", "About 21,700", 21700)])) == 1  # fmt: skip
    assert len(dedupe([num("a", "98,000", 98000, False),
                       num("b", "roughly 98,000", 98000)])) == 1  # fmt: skip
    head = num("c", "250,000", 250000, False, event="arrival", sstart=0)
    lead = num("c", "About 256,000", 256000, event="arrival", sstart=80)
    assert len(dedupe([head, lead])) == 1


def test_two_background_stocks_are_no_report():
    """Rule 25: 'Nearly a million Rohingya live in the camps' in two articles, with no
    date and no source on either side, is background, not one reported count; the same
    level attributed on one side ('some 43,000 stranded in Yemen, IOM says') still joins
    an undated restatement."""
    kw = dict(value=1000000, high=1000000, qualifier="nearly", approximate=True,
              event="stock", origin="MM", dest="BD", pop="Rohingya")  # fmt: skip
    a = claim("a", "Nearly a million", **kw)
    b = claim("b", "nearly a million", **kw)
    groups = dedupe([_article("a", "2023-03-07", a), _article("b", "2023-03-16", b)])
    assert not _together(groups, a, b)
    kw = dict(value=43000, qualifier="about", approximate=True, event="stock", origin=None,
              dest="YE", pop="migrants")  # fmt: skip
    c = claim("c", "some 43,000", source="IOM", **kw)
    d = claim("d", "An estimated 43,000", **kw)
    groups = dedupe([_article("c", "2023-05-01", c), _article("d", "2023-05-20", d)])
    assert _together(groups, c, d)


# ----------------------------------------------- fifteenth session


def test_a_title_line_is_a_headline_wherever_it_stands():
    """Rule 10 with rule 26: a headline is the article's first sentence or a title line
    (no full stop at its end), as a noisy page repeats its title under the navigation. Its
    'Thousands' restates the lead's 'about 4,600' (a number inside a vague magnitude's
    bounds is scored as close as can be), while a body sentence's 'thousands' does not."""
    kw = dict(event="arrival", origin="RU", dest="KZ", pop="Russians")
    vague = dict(value=None, low=1000, high=9999, approximate=True, **kw)
    title = "Thousands of Russians cross into Kazakhstan at Zhana Zhol border post"
    head = claim("a", "Thousands", sentence=title, sstart=0, **vague)
    again = claim("a", "Thousands", sentence=title, sstart=180, **vague)
    lead = claim("a", "about 4,600", value=4600, qualifier="about", approximate=True,
                 sentence="Border guards processed about 4,600 Russians arriving on Sunday, "
                 "the Border Service said.", sstart=260, source="Border Service", **kw)  # fmt: skip
    groups = dedupe([head, again, lead])
    assert _together(groups, head, again) and _together(groups, again, lead)
    body = claim("b", "thousands", sentence="Officials said thousands more were waiting.",
                 sstart=180, **vague)  # fmt: skip
    lead_b = {**lead, "id": "lead-b", "doc_id": "b"}
    assert not _together(dedupe([body, lead_b]), body, lead_b)


def test_a_headlines_short_attribution_is_not_a_second_source():
    """Rule 26: 'US border encounters fall by half, officials say' over the lead's 'fallen by
    roughly half ..., Mayorkas said': a headline's short attribution is not another source
    of its article (no two-sources penalty), so the two join."""
    kw = dict(kind="change", event="border_encounter", origin=None, dest="US", pop=None)
    head = claim("a", "half", value=-0.5, source="officials", sstart=0,
                 sentence="US border encounters fall by half after Title 42 ends, officials say",
                 **kw)  # fmt: skip
    lead = claim("a", "roughly half", value=-0.5, qualifier="about", approximate=True,
                 source="Alejandro Mayorkas", sstart=70, t=("2023-05-11", "2023-05-16"),
                 sentence="The number of migrants stopped has fallen by roughly half since "
                 "the rules lapsed, Alejandro Mayorkas said.", **kw)  # fmt: skip
    assert _together(dedupe([_article("a", "2023-05-16", head, lead)]), head, lead)


def test_a_bare_round_multiple_identifies_no_fact_across_articles():
    """Rule 27: 'traffic at Altanbulag had tripled' and 'Russians crossing at Altanbulag
    have tripled' in two articles, with no count in either sentence and no closed period,
    are no report of one figure; the same change told over one closed period ('five times'
    the interceptions of the first quarter), or a specific change ('up 40%'), still
    joins, and a headline's 'double' still restates its own lead."""
    kw = dict(kind="change", event="arrival", origin="RU", dest="MN", pop=None)

    def chg(doc: str, text: str, v: float, **extra) -> dict:
        return claim(doc, text, value=v, **{**kw, **extra})

    a, b = chg("a", "tripled", 3), chg("b", "tripled", 3)
    groups = dedupe([_article("a", "2022-09-27", a), _article("b", "2022-09-28", b)])
    assert not _together(groups, a, b)
    q1 = ("2023-01-01", "2023-03-31")
    c, d = chg("c", "five times", 5, t=q1), chg("d", "five times", 5, t=q1)
    groups = dedupe([_article("c", "2023-04-24", c), _article("d", "2023-04-27", d)])
    assert _together(groups, c, d)
    e = chg("e", "40%", 0.4, event="stock", source="NDMA")
    g = chg("g", "40%", 0.4, event="stock")
    groups = dedupe([_article("e", "2022-09-05", e), _article("g", "2022-09-06", g)])
    assert _together(groups, e, g)
    head = chg("h", "double", 2, sstart=0, sentence="Russian arrivals double 2019 levels")
    lead = chg("h", "doubled", 2, sstart=60)
    assert _together(dedupe([_article("h", "2022-09-28", head, lead)]), head, lead)


def test_figures_of_the_same_unit_days_apart_are_two_counts():
    """Rule 28: across articles, 'more than 11,000' sheltered (published 24 May) and 'about
    12,000' (published 11 May) are written to the thousand with other digits, days apart:
    two counts, whatever their hedges. The same pair published on one day is left to the
    value intervals, and a figure repeated with its digits days later still joins."""
    kw = dict(event="stock", origin=None, dest="SS", pop="people")
    a = claim("a", "more than 11,000", value=11000, low=11000, qualifier="more_than",
              source="IOM", **kw)  # fmt: skip
    b = claim("b", "about 12,000", value=12000, qualifier="about", approximate=True,
              source="Lam Ajak Chol", **kw)  # fmt: skip
    groups = dedupe([_article("a", "2023-05-24", a), _article("b", "2023-05-11", b)])
    assert not _together(groups, a, b)
    groups = dedupe([_article("a", "2023-05-24", a), _article("b", "2023-05-23", b)])
    assert _together(groups, a, b)
    c = claim("c", "more than 11,000", value=11000, low=11000, qualifier="more_than", **kw)
    groups = dedupe([_article("a", "2023-05-24", a), _article("c", "2023-05-11", c)])
    assert _together(groups, a, c)


def test_the_same_digits_for_an_ended_period_and_a_later_day_are_two_counts():
    """Rule 29: 'more than 34,000' stopped in the first half of the year (published 24 July)
    and 'more than 34,000' since January (published 8 August) count two periods; a finer
    figure to a stated end that the later 'so far' figure rounds ('44,239' between January
    and October / 'more than 44,000' so far this year) still joins."""
    kw = dict(event="border_encounter", origin=None, dest="TN", pop="people")
    half = claim("a", "more than 34,000", value=34000, low=34000, qualifier="more_than",
                 t=("2023-01-01", "2023-06-30"), source="National Guard", **kw)  # fmt: skip
    since = claim("b", "more than 34,000", value=34000, low=34000, qualifier="more_than",
                  t=("2023-01-01", "2023-08-08"), source="Mourad Turki", **kw)  # fmt: skip
    groups = dedupe([_article("a", "2023-07-24", half), _article("b", "2023-08-08", since)])
    assert not _together(groups, half, since)
    kw = dict(event="asylum", origin="HT", dest="MX", pop="Haitians")
    exact = claim("c", "44,239", value=44239, t=("2023-01-01", "2023-10-31"), **kw)
    so_far = claim("d", "more than 44,000", value=44000, low=44000, qualifier="more_than",
                   t=("2023-01-01", "2023-11-14"), source="COMAR", **kw)  # fmt: skip
    groups = dedupe([_article("c", "2023-11-08", exact), _article("d", "2023-11-14", so_far)])
    assert _together(groups, exact, so_far)


def test_a_weeks_count_is_not_a_count_over_a_much_longer_period():
    """Rule 30: 'About 40,000' Russians since 21 September (published 6 October: 16 days)
    and 'some 43,000' since February (to 29 September: 241 days) count different things,
    even through the article's undated headline (group check); 'last week' and 'in
    September' for one call-up (30 / 7 days) and a day's date are left alone."""
    kw = dict(event="arrival", origin="RU", dest="AM", pop="Russians")
    head = claim("a", "About 40,000", value=40000, qualifier="about", approximate=True,
                 sstart=0, sentence="About 40,000 Russians reach Armenia as rents soar", **kw)
    lead = claim("a", "About 40,000", value=40000, qualifier="about", approximate=True,
                 sstart=60, t=("2022-09-21", "2022-10-06"), **kw)  # fmt: skip
    since = claim("b", "some 43,000", value=43000, qualifier="about", approximate=True,
                  t=("2022-02-01", "2022-09-29"), **kw)  # fmt: skip
    groups = dedupe([_article("b", "2022-09-29", since), _article("a", "2022-10-06", lead)])
    assert not _together(groups, lead, since)
    groups = dedupe([_article("b", "2022-09-29", since),
                     _article("a", "2022-10-06", head, lead)])  # fmt: skip
    assert _together(groups, head, lead) and not _together(groups, lead, since)
    kw = dict(event="mobilization", origin="RU", dest=None, pop="reservists")
    month = claim("c", "300,000", value=300000, t=("2022-09-01", "2022-09-30"), **kw)
    week = claim("d", "300,000", value=300000, t=("2022-09-19", "2022-09-25"), **kw)
    assert len(dedupe([month, week])) == 1


def test_two_people_giving_two_numbers_are_two_statements():
    """Rule 31: across articles, 'some 43,000' (the deputy economy minister) and 'about
    42,500' (the prime minister's spokeswoman) are each person's own figure: two counts.
    The same person, or an organisation on one side, is left to the other rules."""
    kw = dict(event="arrival", origin="RU", dest="AM", pop="Russians", approximate=True,
              qualifier="about", t=("2022-09-21", "2022-09-29"))  # fmt: skip

    def said(c: dict, kind: str = "person") -> dict:
        c["source"]["kind"] = kind
        return c

    a = said(claim("a", "some 43,000", value=43000, source="Narek Avetisyan", **kw))
    b = said(claim("b", "about 42,500", value=42500, source="Nazeli Baghdasaryan", **kw))
    groups = dedupe([_article("a", "2022-09-29", a), _article("b", "2022-09-30", b)])
    assert not _together(groups, a, b)
    c = said(claim("c", "about 42,500", value=42500, source="Avetisyan", **kw))
    groups = dedupe([_article("a", "2022-09-29", a), _article("c", "2022-09-30", c)])
    assert _together(groups, a, c)
    d = said(claim("d", "about 42,500", value=42500, source="Armenian officials", **kw),
             "organization")  # fmt: skip
    groups = dedupe([_article("a", "2022-09-29", a), _article("d", "2022-09-30", d)])
    assert _together(groups, a, d)


def test_a_finer_figure_of_a_later_day_is_a_newer_count():
    """Rule 32: of two snapshots of one running total, 'at least 40,000' so far this year
    (to 15 September) and '41,300' between January and October (to 31 October), the figure
    written to the finer unit is the later one: a newer count, not a restatement. An
    undated finer figure published days later (a copy that dropped the date) and two
    figures of periods that had both ended still join."""
    kw = dict(event="arrival", origin=None, dest="PA", pop="people")
    floor = claim("a", "at least 40,000", value=40000, low=40000, qualifier="at_least",
                  t=("2023-01-01", "2023-09-15"), **kw)  # fmt: skip
    later = claim("b", "41,300", value=41300, t=("2023-01-01", "2023-10-31"), **kw)
    groups = dedupe([_article("a", "2023-09-15", floor), _article("b", "2023-11-07", later)])
    assert not _together(groups, floor, later)
    copy = claim("c", "41,300", value=41300, **kw)
    groups = dedupe([_article("a", "2023-09-15", floor), _article("c", "2023-09-19", copy)])
    assert _together(groups, floor, copy)
    kw = dict(event="arrival", origin=None, dest="IT", pop="migrants")
    exact = claim("d", "66,237", value=66237, t=("2022-01-01", "2022-09-19"), **kw)
    rough = claim("e", "roughly 66,000", value=66000, qualifier="about", approximate=True,
                  t=("2022-01-01", "2022-09-14"), **kw)  # fmt: skip
    groups = dedupe([_article("d", "2023-09-19", exact), _article("e", "2023-09-14", rough)])
    assert _together(groups, exact, rough)
