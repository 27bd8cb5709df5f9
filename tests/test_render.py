"""render(): claims drawn where they sit in the text, exactly; the CLI's --html page.

Most tests use hand-built extraction dicts (no model); one renders a real extraction."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from migration_extract.records import Extraction
from migration_extract.render import ROLES, RenderedHTML, format_quantity, render, render_html

from .conftest import ROOT


def _part(text: str, needle: str, nth: int = 0, **extra):
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"text": needle, "start": start, "end": start + len(needle), **extra}


def _claim(text, doc_id, quantity, sentence, **parts):
    q = _part(text, quantity)
    q.update(value=1000, low=None, high=None, approximate=False, qualifier=None, per=None,
             kind="count")  # fmt: skip
    s = _part(text, sentence)
    c = {"id": f"{doc_id}-{q['start']}", "doc_id": doc_id, "quantity": q, "sentence": s,
         "population": None, "event": None, "origin": None, "destination": None,
         "time": None, "source": None, "confidence": 0.8}  # fmt: skip
    c.update(parts)
    return c


TEXT = (
    'Georgia <b>&amp;</b> "the border".\n\n'
    "The Interior Ministry said 10,000 Russians entered Georgia since Sunday.\n"
    "Officials said about 5,000 people\nhad crossed there, a ministry spokesman said.\n\n"
    "<script>alert('x')</script> The end."
)


def _doc(text: str = TEXT, doc_id: str = "d<1>"):
    s1 = "The Interior Ministry said 10,000 Russians entered Georgia since Sunday."
    s2 = "Officials said about 5,000 people\nhad crossed there, a ministry spokesman said."
    c1 = _claim(
        text, doc_id, "10,000", s1,
        population=_part(text, "Russians"),
        event=dict(_part(text, "entered"), type="arrival"),
        origin=dict(_part(text, "Russians"), code="RU"),  # same span as the population
        destination=dict(_part(text, "Georgia", 1), code="GE"),
        time=dict(_part(text, "since Sunday"), **{"from": None, "to": "2022-09-25"}),
        source=dict(_part(text, "The Interior Ministry"), name="Interior Ministry",
                    kind="organization", role=None, country="GE"),
    )  # fmt: skip
    c2 = _claim(
        text, doc_id, "about 5,000", s2,
        population=_part(text, "5,000 people\nhad"),  # overlaps the quantity, crosses a line
        event=dict(_part(text, "crossed"), type="arrival"),
        destination=dict(_part(text, "Georgia", 1), code="GE"),  # outside its sentence
        source=dict(_part(text, "a ministry spokesman"), name="ministry spokesman",
                    kind="person", role="spokesman", country="GE"),
    )  # fmt: skip
    c2["quantity"].update(value=5000, approximate=True, qualifier="about")
    return {"doc_id": doc_id, "published": "2022-09-28", "text": text, "claims": [c1, c2]}


class _TextWalker(HTMLParser):
    """Walks the text block: the characters it shows (labels and fold summaries left
    out) and the character offset at which each element with an id starts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chars: list[str] = []
        self.ids: dict[str, int] = {}
        self.skip = 0  # depth inside a label or a summary
        self.stack: list[bool] = []
        self.in_text = 0
        self.done = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag == "div" and "mex-text" in cls.split():
            self.in_text = 1
            self.stack = []
            return
        if not self.in_text or self.done:
            return
        skipping = "mex-label" in cls.split() or tag == "summary"
        self.stack.append(skipping)
        if skipping:
            self.skip += 1
        if "id" in a and not self.skip:
            self.ids[a["id"]] = len("".join(self.chars))

    def handle_endtag(self, tag):
        if not self.in_text or self.done:
            return
        if not self.stack:  # the closing </div> of the text block
            self.done = True
            return
        if self.stack.pop():
            self.skip -= 1

    def handle_data(self, data):
        if self.in_text and not self.done and not self.skip:
            self.chars.append(data)

    @property
    def text(self) -> str:
        return "".join(self.chars)


def _walk(fragment: str) -> _TextWalker:
    w = _TextWalker()
    w.feed(fragment)
    return w


def _hrefs(fragment: str) -> list[str]:
    return re.findall(r'href="#([^"]+)"', fragment)


def test_text_is_reproduced_exactly_and_every_span_lands_on_its_offset():
    doc = _doc()
    out = render(doc)
    w = _walk(out)
    assert w.text == doc["text"]
    # every link in the table points at an element that starts at that span's offset
    table = out[out.index('<table class="mex-claims"') :]
    rows = table.split("<tr>")[2:]
    assert len(rows) == 2
    for claim, row in zip(doc["claims"], rows, strict=True):
        hrefs = _hrefs(row)
        assert hrefs, row
        starts = {w.ids[h] for h in hrefs}
        expected = {claim[r]["start"] for r in ROLES if claim.get(r)}
        assert starts == expected
        # the row number links to the quantity span
        first = hrefs[0]
        assert w.ids[first] == claim["quantity"]["start"]


def test_overlapping_and_shared_spans_are_all_drawn():
    out = render(_doc())
    # "Russians" is population and origin of claim 1; both labels appear
    assert ">P1<" in out and ">O1<" in out
    # the destination "Georgia" is shared by both claims
    assert ">D1,2<" in out
    # claim 2's destination lies outside its sentence: flagged in the table
    assert "outside the claim" in out
    # each role has its colour
    assert out.count("#ffb703") >= 2  # quantity bars + legend


def test_html_is_escaped():
    out = render(_doc())
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<b>&amp;</b>" not in out  # the article's markup is shown as text
    assert "d&lt;1&gt;" in out  # doc_id
    assert "d<1>" not in out


def test_rendered_is_a_string_that_displays_itself():
    out = render(_doc())
    assert isinstance(out, str) and isinstance(out, RenderedHTML)
    assert out._repr_html_() == str(out) == out.html
    assert "RenderedHTML" in repr(out) and len(repr(out)) < 200
    page = out.page()
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page


def test_an_extraction_object_renders_like_its_dict():
    doc = _doc()
    assert render(Extraction.from_dict(doc)) == render(doc)


def test_spans_that_do_not_match_the_text_are_listed_not_drawn():
    doc = _doc()
    c = doc["claims"][0]
    c["event"] = dict(c["event"], start=c["event"]["start"] + 2, end=c["event"]["end"] + 2)
    c["time"] = dict(c["time"], start=10_000, end=10_005)
    out = render(doc)
    assert _walk(out).text == doc["text"]
    assert "⚠" in out and "2 spans do not match the text" in out
    assert ">E1<" not in out and ">T1<" not in out


def test_no_claims_and_no_text():
    out = render({"doc_id": "x", "text": "Nothing & nobody.", "claims": []})
    assert "No claims" in out and _walk(out).text == "Nothing & nobody."
    out = render({"doc_id": "y", "claims": _doc()["claims"]})
    assert "text is not available" in out and "<table" in out


def test_long_texts_fold_claim_free_paragraphs_but_keep_the_text():
    line = "Background paragraph {} with <nothing> & no numbers.\n\n"
    filler = "".join(line.format(i) for i in range(800))
    doc = _doc(text=TEXT + "\n\n" + filler + "Finally 10,000 Russians left.")
    assert len(doc["text"]) > 20_000
    last = _claim(doc["text"], doc["doc_id"], "10,000", "Finally 10,000 Russians left.")
    last["quantity"] = _part(doc["text"], "10,000", 1) | {
        k: v for k, v in last["quantity"].items() if k not in ("text", "start", "end")
    }
    doc["claims"].append(last)
    out = render(doc)
    assert '<details class="mex-more"' in out and "paragraphs without claims" in out
    w = _walk(out)
    assert w.text == doc["text"]
    assert w.ids[_hrefs(out.split("<tr>")[-1])[0]] == last["quantity"]["start"]
    assert "<details" not in render(doc, collapse=False)


def test_roles_option_and_validation():
    out = render(_doc(), roles=("quantity", "source"))
    assert ">S1<" in out and ">E1<" not in out and "<th" in out
    with pytest.raises(ValueError, match="unknown roles"):
        render(_doc(), roles=("quantity", "colour"))
    with pytest.raises(TypeError):
        render("just a string")


def test_format_quantity():
    q = {"value": None, "low": 5000, "high": 6000, "approximate": False, "qualifier": None,
         "per": "day", "kind": "count"}  # fmt: skip
    assert format_quantity(q) == "5,000–6,000 /day"
    assert format_quantity({"value": 31600, "qualifier": "more_than"}) == "> 31,600"
    assert format_quantity({"value": 0.7, "kind": "share"}) == "70%"
    assert format_quantity({"value": 2, "kind": "change"}) == "×2"


def test_render_html_page_has_an_index_and_every_document():
    a, b = _doc(doc_id="a"), _doc(doc_id="b")
    page = render_html([a, b])
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "2 documents, 4 claims" in page
    assert page.count('<div class="mex" id=') == 2
    ids = re.findall(r'<div class="mex" id="([^"]+)"', page)
    assert len(set(ids)) == 2 and all(f'href="#{i}"' in page for i in ids)


def test_cli_show_writes_the_page(tmp_path):
    from click.testing import CliRunner

    from migration_extract.cli import main

    src = tmp_path / "claims.jsonl"
    src.write_text(json.dumps(_doc(doc_id="seed-x")) + "\n", encoding="utf-8")
    out = tmp_path / "page.html"
    r = CliRunner().invoke(main, ["show", str(src), "--html", str(out)])
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "seed-x" in page
    assert _walk(page).text == TEXT


def test_importing_the_package_stays_light():
    code = (
        "import sys, migration_extract as m\n"
        "assert {'render', 'claims_frame', 'groups_frame'} <= set(m.__all__)\n"
        "heavy = [x for x in ('spacy', 'pandas', 'matplotlib') if x in sys.modules]\n"
        "assert not heavy, heavy\n"
        "from migration_extract import render, claims_frame, groups_frame\n"
        "assert callable(render) and callable(claims_frame) and callable(groups_frame)\n"
        "heavy = [x for x in ('spacy', 'pandas', 'matplotlib') if x in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr


@pytest.mark.model
def test_a_real_extraction_renders_exactly():
    from migration_extract import extract

    text = (ROOT / "fixtures" / "seeds" / "seed-003.txt").read_text(encoding="utf-8")
    res = extract(text, published="2022-09-28", doc_id="seed-003")
    out = render(res)
    w = _walk(out)
    assert w.text == text
    rows = out[out.index('<table class="mex-claims"') :].split("<tr>")[2:]
    assert len(rows) == len(res.claims) > 0
    for claim, row in zip(res.claims, rows, strict=True):
        assert w.ids[_hrefs(row)[0]] == claim.quantity.start
    assert html.escape(res.claims[0].quantity.text) in out
