"""The learned place ranker (claims/_learned.py): pure functions on hand-built inputs, the
shipped weights, training, and the component's switch and serialisation. No statistical
model needed."""

from __future__ import annotations

import re

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migration_extract.claims._base import ClaimInput, PTok
from migration_extract.claims._learned import (
    PlaceExample,
    PlaceModel,
    candidate_features,
    default_place_model,
    place_examples,
    rerank_places,
    train_place_model,
)
from migration_extract.geo import country_gazetteer
from migration_extract.records import Claim, Country, Event, Location, Quantity, Span, claim_id

GAZ = country_gazetteer()
_NAMES = {"Chad": "TD", "Sudan": "SD", "France": "FR", "Sudanese": "SD", "Italy": "IT"}


def _input(text: str) -> ClaimInput:
    """A ClaimInput with naive tokens (no parse), sentences split at full stops and
    newlines, and the countries of ``_NAMES``."""
    toks = [
        PTok(i, m.start(), m.end(), m.group(), m.group().lower(), "X", "dep", i)
        for i, m in enumerate(re.finditer(r"\w+|[^\w\s]", text))
    ]
    sents, start = [], 0
    for m in re.finditer(r"[.\n]+", text):
        if text[start : m.end()].strip():
            sents.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        sents.append((start, len(text)))
    countries = [
        Country(m.group(), m.start(), m.end(), _NAMES[m.group()])
        for m in re.finditer(r"\b(?:" + "|".join(_NAMES) + r")\b", text)
    ]
    return ClaimInput(text, "t", None, toks, sents or [(0, len(text))], [], countries)


def _claim(inp: ClaimInput, figure: str, event: str = "arrival", **places: Location) -> Claim:
    s = inp.text.index(figure)
    sent = next((a, b) for a, b in inp.sentences if a <= s < b)
    return Claim(
        id=claim_id("t", s, s + len(figure)),
        doc_id="t",
        quantity=Quantity(figure, s, s + len(figure), 1.0),
        sentence=Span(inp.text[sent[0] : sent[1]], *sent),
        event=Event(event, "arrived", s, s + 1),
        **places,
    )


def _loc(inp: ClaimInput, text: str, code: str) -> Location:
    s = inp.text.index(text)
    return Location(code, text, s, s + len(text))


# a model that likes a country named in the sentence before
PREV = PlaceModel({"d:near=prev1": 5.0, "d:null": 1.0})


def test_fills_an_empty_destination_from_the_sentence_before() -> None:
    inp = _input("Refugees keep crossing into Chad. About 500 people arrived on Monday.")
    cl = _claim(inp, "About 500")
    (new,) = rerank_places(inp, [cl], PREV, GAZ)
    assert new.destination is not None and new.destination.code == "TD"
    assert inp.text[new.destination.start : new.destination.end] == new.destination.text
    assert new.origin is None and new.quantity == cl.quantity


def test_keeps_what_the_rules_read_in_the_sentence() -> None:
    inp = _input("Refugees keep crossing into Chad. About 500 people arrived in France.")
    cl = _claim(inp, "About 500", destination=_loc(inp, "France", "FR"))
    assert rerank_places(inp, [cl], PREV, GAZ) == [cl]


def test_never_empties_a_place_and_never_moves_people_into_their_origin() -> None:
    inp = _input("Refugees keep crossing into Chad. About 500 Sudanese arrived.")
    likes_null = PlaceModel({"d:null": 9.0})
    ctx = _claim(inp, "About 500", destination=_loc(inp, "Chad", "TD"))
    assert rerank_places(inp, [ctx], likes_null, GAZ) == [ctx]
    # the only country the model could pick is the people's own
    likes_named = PlaceModel({"d:at=prev1": 5.0, "d:null": 1.0})
    inp2 = _input("Sudan was shelled. About 500 Sudanese arrived on Monday.")
    cl = _claim(inp2, "About 500")
    assert rerank_places(inp2, [cl], likes_named, GAZ)[0].destination is not None
    cl = _claim(inp2, "About 500", origin=_loc(inp2, "Sudanese", "SD"))
    assert rerank_places(inp2, [cl], likes_named, GAZ) == [cl]


def test_no_single_place_for_a_list_or_a_part() -> None:
    likes_sentence = PlaceModel({"d:near=sent_after": 5.0, "d:null": 1.0})
    inp = _input("About 500 people went on to France, Italy and Chad.")
    cl = _claim(inp, "About 500")
    assert rerank_places(inp, [cl], likes_sentence, GAZ) == [cl]
    inp = _input("About 500 people were expelled, most of them to France.")
    cl = _claim(inp, "About 500")
    assert rerank_places(inp, [cl], likes_sentence, GAZ) == [cl]


def test_an_empty_model_or_no_claims_changes_nothing() -> None:
    inp = _input("Refugees keep crossing into Chad. About 500 people arrived.")
    cl = _claim(inp, "About 500")
    assert rerank_places(inp, [cl], PlaceModel(), GAZ) == [cl]
    assert rerank_places(inp, [], PREV, GAZ) == []


def test_candidates_are_none_and_countries_named_so_far() -> None:
    inp = _input("Chad opened a camp. About 500 people arrived. France sent tents.")
    cl = _claim(inp, "About 500")
    from migration_extract.claims._learned import _doc_view

    cands = candidate_features(_doc_view(inp, GAZ), cl, "destination", [])
    assert set(cands) == {None, "TD"}  # France is named only after the claim
    assert "d:near=prev1" in cands["TD"] and "d:rule=null" in cands["TD"]


def test_training_learns_a_separable_ranking() -> None:
    ex = [
        PlaceExample({None: ["d:null"], "TD": ["d:good"], "FR": ["d:bad"]}, "TD", None),
        PlaceExample({None: ["d:null"], "SD": ["d:bad"]}, None, None),
        PlaceExample({None: ["d:null"], "IT": ["d:good"], "SD": ["d:bad"]}, "IT", "SD"),
    ] * 5
    m = train_place_model(ex, epochs=10, seed=1)
    assert m.score(["d:good"]) > m.score(["d:null"]) > m.score(["d:bad"])
    assert train_place_model(ex, seed=1).weights == m.weights  # deterministic


def test_examples_skip_claims_without_labels_and_unreachable_answers() -> None:
    inp = _input("Refugees keep crossing into Chad. About 500 people arrived.")
    cl = _claim(inp, "About 500")
    assert place_examples(inp, [cl], {}, GAZ) == []
    ex = place_examples(inp, [cl], {cl.quantity.start: {"origin": "SD",
                                                        "destination": "TD"}}, GAZ)  # fmt: skip
    # the origin's answer (SD) is named nowhere: only the destination is an example
    assert [(e.gold, e.rule) for e in ex] == [("TD", None)]


def test_model_data_errors_are_clear() -> None:
    with pytest.raises(ValueError, match="weights"):
        PlaceModel.from_dict({"meta": {}})
    m = PlaceModel({"d:null": 1.5}, {"epochs": 3})
    assert PlaceModel.from_dict(m.to_dict()) == m


def test_the_shipped_model_is_trained_and_documented() -> None:
    m = default_place_model()
    assert len(m.weights) > 100
    assert m.meta.get("script") == "scripts/train_place_model.py"
    assert any(k.startswith("d:") for k in m.weights)


_WORDS = st.sampled_from(["Chad", "Sudan", "France", "Sudanese", "about", "500", "people",
                          "arrived", "into", "and", ",", ".", "\n", "most", "of", "them",
                          "to", "-"])  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, min_size=1, max_size=40))
def test_rerank_never_raises_and_keeps_spans_true(words: list[str]) -> None:
    text = " ".join(words)
    inp = _input(text)
    claims = []
    for m in re.finditer(r"500", text):
        sent = next(((a, b) for a, b in inp.sentences if a <= m.start() < b), (0, len(text)))
        claims.append(Claim(claim_id("t", m.start(), m.end()), "t",
                            Quantity("500", m.start(), m.end(), 500.0),
                            Span(text[sent[0] : sent[1]], *sent)))  # fmt: skip
    out = rerank_places(inp, claims, default_place_model(), GAZ)
    assert len(out) == len(claims)
    for c in out:
        for loc in (c.origin, c.destination):
            if loc is not None:
                assert text[loc.start : loc.end] == loc.text
        assert not (c.origin and c.destination and c.origin.code == c.destination.code)
    assert rerank_places(inp, claims, default_place_model(), GAZ) == out


def test_component_switch_and_serialisation(tmp_path) -> None:
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("migration_claims")
    assert pipe.use_place_model and pipe.place_fields == ("origin", "destination")
    assert pipe.place_model.weights == default_place_model().weights
    off = spacy.blank("en").add_pipe("migration_claims", config={"place_model": False})
    assert not off.use_place_model and not off.place_model.weights
    pipe.place_model = PlaceModel({"d:null": 2.0}, {"note": "custom"})
    nlp.to_disk(tmp_path / "p")
    back = spacy.load(tmp_path / "p").get_pipe("migration_claims")
    assert back.place_model == pipe.place_model
    assert type(pipe).from_bytes(off, pipe.to_bytes()).place_model == pipe.place_model
    dest_only = spacy.blank("en").add_pipe(
        "migration_claims", config={"place_fields": ["destination"]}
    )
    assert dest_only.place_fields == ("destination",)
    with pytest.raises(ValueError, match="place_fields"):
        spacy.blank("en").add_pipe("migration_claims", config={"place_fields": ["nowhere"]})
