"""``migration_countries``: country mentions (ISO alpha-2) and places."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..geo import CountryGazetteer, PlaceGazetteer, _data, country_gazetteer, place_gazetteer
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
        text = doc.text
        taken = [(c.start, c.end) for c in countries]
        out: list[Place] = []
        idx = self.place_index
        for s, e, _label in ents_of(doc, *_PLACE_LABELS):
            # trim a leading "the" and a possessive
            span = text[s:e]
            if span.lower().startswith("the "):
                s += 4
            if text[s:e].endswith(("’s", "'s")):
                e -= 2
            if any(not (e <= a or s >= b) for a, b in taken):
                continue
            hit = idx.lookup(text[s:e])
            if hit is None:
                continue
            out.append(Place(text[s:e], s, e, hit[0], hit[1]))
            taken.append((s, e))
        return sorted(out, key=lambda p: p.start)


@Language.factory("migration_countries", default_config={"places": True})
def make_countries(nlp: Language, name: str, *, places: bool = True) -> CountriesComponent:
    return CountriesComponent(nlp, name, places=places)
