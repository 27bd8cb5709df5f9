"""``migration_officials``: people who speak or act for a state or institution."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..geo import country_gazetteer, place_gazetteer
from ..officials import (
    RoleRules,
    dateline_countries,
    find_known_names,
    find_officials,
    find_titled_names,
    home_country,
    role_rules,
)
from ..records import Country
from . import ents_of, install_extensions, set_group
from ._base import JsonRulesMixin


class OfficialsComponent(JsonRulesMixin):
    """Resolves the NER's PERSON entities (and names right after a title, and well-known
    office holders found by name) into officials with role, country and organisation, all
    mentions folded (``officials.py``); the article's home country (dateline, else the
    most mentioned) fills the country of an official whose role names none. Writes
    ``doc.spans["migration_officials"]`` (every mention, label = name) and
    ``doc._.migration_officials``."""

    rules_file = "roles.json"

    def __init__(self, nlp: Language, name: str, *, titled_names: bool = True) -> None:
        self.name = name
        self.titled_names = titled_names
        self.rules_data: dict[str, Any] = {}
        self._rules: RoleRules | None = None
        install_extensions()

    def _build(self) -> None:
        self._rules = RoleRules.from_json(self.rules_data)

    @property
    def rules(self) -> RoleRules:
        if self._rules is None:
            self._rules = RoleRules.from_json(self.rules_data) if self.rules_data else role_rules()
        return self._rules

    def to_disk(self, path: Any, *, exclude: Any = ()) -> None:
        if not self.rules_data:
            raw = resources.files("migration_extract.data").joinpath("roles.json")
            self.rules_data = json.loads(raw.read_text("utf-8"))
        super().to_disk(path, exclude=exclude)

    def __call__(self, doc: Doc) -> Doc:
        install_extensions()
        text = doc.text
        persons = [(s, e) for s, e, _ in ents_of(doc, "PERSON")]
        if self.titled_names:
            persons += find_titled_names(text)
        persons += find_known_names(text, self.rules)
        countries = [Country.from_dict(c) for c in (doc._.migration_countries or [])]
        gaz = country_gazetteer()
        home = home_country(
            text, countries, doc._.migration_places or [], gaz, place_gazetteer().lookup
        )
        homes = dateline_countries(text, gaz, place_gazetteer().lookup)
        # (the home country read from the dateline or byline alone, not the most mentioned)
        dated = home is not None and home == home_country(
            text, (), (), gaz, place_gazetteer().lookup
        )
        places = [
            (int(pl["start"]), int(pl["end"]), pl["code"])
            for pl in doc._.migration_places or []
            if pl.get("code")
        ]
        officials = find_officials(
            text, persons, countries, gaz, self.rules, home=home, homes=homes, places=places,
            dated=dated,
        )
        doc._.migration_officials = [o.to_dict() for o in officials]
        mentions = [
            {"start": s, "end": e, "name": o.name} for o in officials for s, e in o.mentions
        ]
        set_group(doc, "migration_officials", mentions, "name")
        return doc


@Language.factory("migration_officials", default_config={"titled_names": True})
def make_officials(nlp: Language, name: str, *, titled_names: bool = True) -> OfficialsComponent:
    return OfficialsComponent(nlp, name, titled_names=titled_names)
