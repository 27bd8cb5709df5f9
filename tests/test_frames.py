"""claims_frame / groups_frame (pandas) and the two plots (matplotlib, Agg); no model."""

from __future__ import annotations

import io
import os

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")
pd = pytest.importorskip("pandas")

from migration_extract import claims_frame, dedupe, groups_frame  # noqa: E402
from migration_extract.frames import CLAIM_COLUMNS, GROUP_COLUMNS  # noqa: E402
from migration_extract.records import Claim, Extraction  # noqa: E402

from .test_render import _doc  # noqa: E402


def _second_article():
    d = _doc(doc_id="other")
    d["claims"][0]["quantity"]["value"] = 10000  # the same fact as _doc()'s first claim
    for c in d["claims"]:
        c["id"] = "other-" + c["id"]
    return d


def test_claims_frame_columns_and_values():
    doc = _doc()
    df = claims_frame([doc])
    assert list(df.columns) == list(CLAIM_COLUMNS)
    assert len(df) == 2
    r = df.iloc[0]
    c = doc["claims"][0]
    assert r["doc_id"] == doc["doc_id"] and r["claim_id"] == c["id"]
    assert r["value"] == 1000 and pd.isna(r["low"]) and pd.isna(r["high"])
    assert r["population"] == "Russians" and r["event"] == "arrival"
    assert r["origin"] == "RU" and r["destination"] == "GE"
    assert pd.isna(r["time_from"]) and r["time_to"] == pd.Timestamp("2022-09-25")
    assert r["source"] == "Interior Ministry" and r["source_kind"] == "organization"
    assert r["sentence"] == c["sentence"]["text"]
    assert (r["start"], r["end"]) == (c["quantity"]["start"], c["quantity"]["end"])
    assert doc["text"][r["start"] : r["end"]] == c["quantity"]["text"]
    assert r["confidence"] == pytest.approx(0.8)
    second = df.iloc[1]
    assert bool(second["approximate"]) and second["qualifier"] == "about"
    assert pd.isna(second["origin"]) and pd.isna(second["time_to"])
    assert df["value"].dtype == "float64" and df["approximate"].dtype == bool
    assert pd.api.types.is_datetime64_any_dtype(df["time_to"])


def test_claims_frame_accepts_extractions_claims_and_claim_dicts():
    doc = _doc()
    ref = claims_frame(doc)
    x = Extraction.from_dict(doc)
    pd.testing.assert_frame_equal(claims_frame(x), ref)
    pd.testing.assert_frame_equal(claims_frame([x]), ref)
    pd.testing.assert_frame_equal(claims_frame(x.claims), ref)
    pd.testing.assert_frame_equal(claims_frame(doc["claims"]), ref)
    assert isinstance(x.claims[0], Claim)


def test_empty_and_bad_inputs():
    df = claims_frame([])
    assert list(df.columns) == list(CLAIM_COLUMNS) and len(df) == 0
    assert len(claims_frame([{"doc_id": "x", "text": "", "claims": []}])) == 0
    with pytest.raises(TypeError):
        claims_frame("not a result")
    with pytest.raises(ValueError, match="neither a claim"):
        claims_frame([{"doc_id": "x"}])
    with pytest.raises(TypeError, match="canonical"):
        groups_frame([{"doc_id": "x"}])


def test_groups_frame_from_groups_and_from_their_dicts():
    docs = [_doc(), _second_article()]
    groups = dedupe(docs)
    gf = groups_frame(groups)
    assert list(gf.columns) == list(GROUP_COLUMNS + CLAIM_COLUMNS)
    assert len(gf) == len(groups)
    assert gf["claims"].sum() == 4
    assert (gf["documents"] == [g.documents for g in groups]).all()
    for row, g in zip(gf.itertuples(), groups, strict=True):
        assert row.group_id == g.id and row.claim_id == g.canonical.id
        assert set(row.doc_ids) == {m.doc_id for m in g.members}
    pd.testing.assert_frame_equal(groups_frame([g.to_dict() for g in groups]), gf)


def test_plots_draw_headless():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from migration_extract.plots import plot_flows, plot_sources

    docs = [_doc(), _second_article()]
    gf = groups_frame(dedupe(docs))
    ax = plot_flows(gf)
    assert ax.get_title() and ax.get_yscale() == "log"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any(label.startswith("GE") for label in labels)
    buf = io.BytesIO()
    ax.figure.savefig(buf, format="png")
    assert buf.getvalue()[:4] == b"\x89PNG"
    plt.close(ax.figure)

    ax = plot_sources(docs)  # what claims_frame accepts works too
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert "Interior Ministry" in names and "ministry spokesman" in names
    plt.close(ax.figure)

    # nothing to plot: an empty chart, not an exception
    fig, ax = plt.subplots()
    plot_flows(claims_frame([]), ax=ax)
    plot_sources(claims_frame([]), ax=ax)
    plt.close(fig)
