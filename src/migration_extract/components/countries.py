"""``migration_countries``: country mentions (ISO alpha-2) and places."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..geo import (
    CountryGazetteer,
    PlaceGazetteer,
    _data,
    country_gazetteer,
    cue_places,
    fold_place,
    place_gazetteer,
)
from ..officials import dateline_city_country
from ..records import Country, Place
from . import ents_of, install_extensions, set_group
from ._base import JsonRulesMixin

_PLACE_LABELS = ("GPE", "LOC", "FAC")


class CountriesComponent(JsonRulesMixin):
    """Finds country mentions with the country gazetteer, and places (cities, regions,
    border crossings) among the NER's GPE/LOC/FAC entities and the hand-kept place table,
    each with its country. Writes ``doc.spans["migration_countries"]`` (label = code),
    ``doc.spans["migration_places"]``, ``doc._.migration_countries`` and
    ``doc._.migration_places``."""

    rules_file = "countries.json"

    def __init__(self, nlp: Language, name: str, *, places: bool = True) -> None:
        self.name = name
        self.use_places = places
        self.rules_data: dict[str, Any] = {}
        self._gaz: CountryGazetteer | None = None
        self._places: PlaceGazetteer | None = None
        install_extensions()

    def _build(self) -> None:
        self._gaz = CountryGazetteer.from_data(self.rules_data["countries"], self.rules_data["geo"])
        self._places = None

    @property
    def gazetteer(self) -> CountryGazetteer:
        if self._gaz is None:
            if self.rules_data:
                self._build()
            else:
                self._gaz = country_gazetteer()
        assert self._gaz is not None
        return self._gaz

    @property
    def place_index(self) -> PlaceGazetteer:
        if self._places is None:
            if self.rules_data:
                self._places = PlaceGazetteer.build(self.rules_data["geo"])
            else:
                self._places = place_gazetteer()
        return self._places

    def to_disk(self, path: Any, *, exclude: Any = ()) -> None:
        if not self.rules_data:
            self.rules_data = {"countries": _data("countries.json"), "geo": _data("geo_rules.json")}
        super().to_disk(path, exclude=exclude)

    def __call__(self, doc: Doc) -> Doc:
        install_extensions()
        text = doc.text
        countries = self.gazetteer.find(text)
        doc._.migration_countries = [c.to_dict() for c in countries]
        set_group(doc, "migration_countries", doc._.migration_countries, "code")
        places = self._find_places(doc, countries) if self.use_places else []
        doc._.migration_places = [p.to_dict() for p in places]
        set_group(doc, "migration_places", doc._.migration_places, "code")
        return doc

    def _find_places(self, doc: Doc, countries: list[Country]) -> list[Place]:
        """Places: the NER's GPE/LOC/FAC entities, names a place word marks ("Borno
        state", "the town of Chibok") and hand-table places and cities over a million
        matched in the text (unless inside a PERSON/ORG/NORP entity); each resolved
        through the place gazetteer, preferring a reading in a country the text names."""
        text = doc.text
        taken = [(c.start, c.end) for c in countries]
        idx = self.place_index
        prefer = frozenset(c.code for c in countries)
        blocked = [(s, e) for s, e, _ in ents_of(doc, "PERSON", "ORG", "NORP")]
        cands: list[tuple[int, int, bool]] = []  # (start, end, from the NER)
        for s, e, _label in ents_of(doc, *_PLACE_LABELS):
            cands.append((s, e, True))
        for s, e in cue_places(text):
            cands.append((s, e, False))
        # "camps around Goma", "GOMA, Democratic Republic of Congo –": a place name the
        # tagger took for a person, read as a place after a locative word or as a dateline
        for s, e, _label in ents_of(doc, "PERSON"):
            if len(text[s:e].split()) <= 2 and (
                _LOCATIVE_WORD.search(text[max(0, s - 12) : s])
                or text[:60].lstrip().startswith(text[s:e].upper() + ",")
            ):
                cands.append((s, e, False))
        for s, e, curated in idx.find_direct(text):
            if curated or not any(a <= s and e <= b for a, b in blocked):
                cands.append((s, e, False))
        spans: list[tuple[int, int]] = []
        for s, e, _ner in sorted(cands, key=lambda c: (c[0], -c[1])):
            # trim a leading "the" and a possessive
            if text[s:e].lower().startswith("the "):
                s += 4
            if text[s:e].endswith(("’s", "'s")):
                e -= 2
            if e <= s or any(not (e <= a or s >= b) for a, b in taken):
                continue
            if not text[s].isupper():
                continue  # "across the gulf": a common noun the tagger took for a place
            if not idx.candidates(text[s:e]):
                continue
            spans.append((s, e))
            taken.append((s, e))
        hits = idx.resolve([text[s:e] for s, e in spans], prefer)
        dl = dateline_city_country(text)
        if dl is not None:
            # "TORKHAM, Pakistan, Nov 14 (AP) —": the article says which country its
            # dateline's city is in, for every mention of that city
            city = fold_place(dl[0])
            for i, ((s, e), h) in enumerate(zip(spans, hits, strict=True)):
                if h and h[1] != dl[1] and fold_place(text[s:e]) == city:
                    hits[i] = (h[0], dl[1])
        out = [
            Place(text[s:e], s, e, h[0], h[1]) for (s, e), h in zip(spans, hits, strict=True) if h
        ]
        return sorted(out, key=lambda p: p.start)


_LOCATIVE_WORD = re.compile(
    r"\b(?:in|at|around|near|outside|into|towards|to|from|reached|reach)\s+$"
)


@Language.factory("migration_countries", default_config={"places": True})
def make_countries(nlp: Language, name: str, *, places: bool = True) -> CountriesComponent:
    return CountriesComponent(nlp, name, places=places)
