"""The learned event-type model (claims/_event_model.py): pure functions on hand-built
claims, training, the shipped weights, and the component's switch and serialisation. No
statistical model needed."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migration_extract.claims._event_model import (
    EVENT_TYPES,
    EventExample,
    EventModel,
    claim_features,
    default_event_model,
    event_examples,
    event_features,
    retype_events,
    train_event_model,
)
from migration_extract.claims._learned import PlaceModel
from migration_extract.records import Claim, Event, Location, Quantity, Span, claim_id

TEXT = "About 2,000 Afghans went back home from Pakistan on Monday, officials said."


def _claim(text: str, figure: str, event: str, trigger: str, **places: Location) -> Claim:
    s = text.index(figure)
    t = text.index(trigger)
    return Claim(
        id=claim_id("t", s, s + len(figure)),
        doc_id="t",
        quantity=Quantity(figure, s, s + len(figure), 2000.0),
        sentence=Span(text, 0, len(text)),
        event=Event(event, trigger, t, t + len(trigger)),
        **places,
    )


def test_features_read_the_rules_type_trigger_and_cues() -> None:
    c = _claim(TEXT, "About 2,000", "arrival", "went back").to_dict()
    f = event_features(TEXT, c, None)
    assert "rt=arrival" in f and "tw=went back" in f and "prev=NONE" in f
    assert "cue=back" in f and "cue=home" in f and "rt_cue=arrival_back" in f
    assert event_features(TEXT, c, None) == f  # same input, same output


def test_decide_keeps_the_rules_type_unless_the_model_wins_by_the_margin() -> None:
    feats = ["rt=arrival", "cue=back"]
    model = EventModel({"return|cue=back": 5.0}, {"margin": 0.0})
    assert model.decide(feats, "arrival") == "return"
    assert model.decide(feats, "arrival", margin=10.0) == "arrival"
    assert EventModel().decide(feats, "arrival") == "arrival"  # no weights: the rules
    assert model.decide(feats, "not-a-type") == "not-a-type"


def test_retype_changes_the_type_only_and_a_casualty_has_no_destination() -> None:
    text = "At least 40 migrants died off Lampedusa in Italy, officials said."
    dest = Location("IT", "Italy", text.index("Italy"), text.index("Italy") + 5)
    c = _claim(text, "At least 40", "arrival", "died", destination=dest)
    model = EventModel({"casualty|cue=died": 3.0}, {"margin": 0.0})
    (out,) = retype_events([c], claim_features(text, [c]), model)
    assert c.event is not None
    assert out.event == Event("casualty", "died", c.event.start, c.event.end)
    assert out.destination is None and out.quantity == c.quantity
    with pytest.raises(ValueError, match="feature lists"):
        retype_events([c], [], model)


def test_a_retyped_return_goes_home_to_the_nationality() -> None:
    text = "About 2,000 Afghans left through Torkham on Monday, officials said."
    nat = Location("AF", "Afghans", text.index("Afghans"), text.index("Afghans") + 7)
    c = _claim(text, "About 2,000", "departure", "left", origin=nat)
    c = replace(c, population=Span("Afghans", nat.start, nat.end))
    model = EventModel({"return|rt=departure": 3.0}, {"margin": 0.0})
    (out,) = retype_events([c], claim_features(text, [c]), model)
    assert out.event is not None and out.event.type == "return"
    assert (out.origin, out.destination) == (None, nat)
    # an origin named elsewhere than in the population stays the origin
    elsewhere = replace(c, population=None)
    (out,) = retype_events([elsewhere], claim_features(text, [elsewhere]), model)
    assert (out.origin, out.destination) == (nat, None)


def test_training_learns_a_convention_and_examples_match_gold_by_figure() -> None:
    home = EventExample(("rt=arrival", "cue=home"), "return", "arrival")
    plain = EventExample(("rt=arrival", "cue=entered"), "arrival", "arrival")
    model = train_event_model([home, plain] * 20, epochs=5, seed=1)
    assert model.decide(home.feats, "arrival") == "return"
    assert model.decide(plain.feats, "arrival") == "arrival"
    c = _claim(TEXT, "About 2,000", "arrival", "went back").to_dict()
    gold = [{**c, "event": {**c["event"], "type": "return"}}]
    (ex,) = event_examples(TEXT, [c], gold)
    assert (ex.gold, ex.rule) == ("return", "arrival")
    assert event_examples(TEXT, [c], []) == []


def test_shipped_weights() -> None:
    model = default_event_model()
    assert model.weights and model.margin > 0
    assert {k.split("|", 1)[0] for k in model.weights} <= set(EVENT_TYPES)
    cv = model.meta["cv_leave_one_batch_out"]
    assert cv["model"]["accuracy"] >= cv["rules"]  # what the margin was chosen for
    assert EventModel.from_dict(model.to_dict()) == model
    with pytest.raises(ValueError, match="weights"):
        EventModel.from_dict({"meta": {}})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="abc home back died fled 12,0.", min_size=12, max_size=80))
def test_retype_never_moves_a_span(text: str) -> None:
    text = "About 2,000 " + text
    c = _claim(text, "About 2,000", "arrival", "About")
    (out,) = retype_events([c], claim_features(text, [c]), default_event_model())
    assert out.event is not None and out.event.type in EVENT_TYPES
    assert text[out.event.start : out.event.end] == out.event.text
    assert text[out.quantity.start : out.quantity.end] == out.quantity.text


def test_component_switch_and_serialisation(tmp_path) -> None:
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("migration_claims")
    assert pipe.use_event_model and pipe.event_model == default_event_model()
    off = spacy.blank("en").add_pipe("migration_claims", config={"event_model": False})
    assert not off.use_event_model and not off.event_model.weights
    pipe.event_model = EventModel({"return|cue=home": 1.0}, {"margin": 0.5})
    nlp.to_disk(tmp_path / "p")
    back = spacy.load(tmp_path / "p").get_pipe("migration_claims")
    assert back.event_model == pipe.event_model and back.place_model == pipe.place_model
    restored = type(pipe).from_bytes(off, pipe.to_bytes())
    assert restored.event_model == pipe.event_model
    # bytes of the place model alone (written before the event model) still load
    old_bytes = json.dumps(PlaceModel({"d:null": 1.0}).to_dict()).encode("utf-8")
    old = type(pipe).from_bytes(off, old_bytes)
    assert old.place_model == PlaceModel({"d:null": 1.0})
    margin = spacy.blank("en").add_pipe("migration_claims", config={"event_margin": 3.0})
    assert margin.event_margin == 3.0
