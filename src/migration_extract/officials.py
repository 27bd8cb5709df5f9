"""Pure officials resolver: person mentions + context -> one ``Official`` per person.

Input: the text, the person-name spans (from the NER, plus names that follow a title this
module finds itself, plus well-known office holders found by name), and the country
mentions. For each name it reads

* a title before it: the longest run of role words ending at the name ("Georgian Interior
  Minister X" -> role "Interior Minister", country GE from the demonym before the role;
  "White House press secretary X" -> "press secretary", US from the metonym;
  "Russia's defence minister X");
* "ROLE of COUNTRY, X" ("the President of Mongolia, Tsakhiyagin Elbegdorj"),
  "ROLE of BODY of COUNTRY, [rank] X" (role "head of the Migration Service", KZ) and
  "OWNER's ROLE, X" ("Peru's migration superintendent, Roxana del Águila"; "the agency's
  director, X" -> the organisation named last before);
* an apposition after it ("X, the head of US Central Command," -> role "head of US
  Central Command", US; "X, NRC's secretary general"; "X, a spokeswoman for the Border
  Guard");
* a military rank or honorific before the name ("Colonel", "General") is the role only
  when the article states no other one;
* an organisation: international bodies get ``organization`` and ``country`` None
  (SPEC); national agencies keep their country.

A person with a role but no country named anywhere takes the article's home country
(``home``: the dateline's country, else the most mentioned one).

Mentions are folded per article: a later mention whose surname matches (rapidfuzz ratio
>= 80, so "Peksov"/"Peskov" fold) or that is a single name equal to a part of a full name
("Jean-Pierre") joins the earlier person. A person becomes an official only if some
mention carries a role, or the name is a well-known office holder (``data/roles.json``,
which gives the country only, never a role); private people (a migrant named Igor, "the
Rev. X", an analyst) are left out.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz

from .geo import CountryGazetteer
from .records import Country, Official

__all__ = [
    "RoleRules",
    "dateline_countries",
    "find_known_names",
    "find_officials",
    "find_titled_names",
    "home_country",
    "role_rules",
]

_UPPER = "A-ZÀ-ÖØ-ÞĆČĐŁŃŘŚŞŠŢŽŹŻ"
_NAME_TOKEN = rf"[{_UPPER}][\w’'\-]*(?:\.)?"
_POSS = re.compile(r"(?:’s|'s|’|')$")
_GLUE = frozenset({"of", "for", "and", "the"})
_NOT_NAME_WORDS = frozenset(
    "The A An And But Or In On At Of For From To By With As After Before Since During "
    "When While If Then Also He She It They We I His Her Its Their Our This That These "
    "Those There Here Mr Mrs Ms Dr Sir January February March April May June July August "
    "September October November December Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday Photo Read More Share Local Officials Police League Cup Party Council "
    "Court Ministry Office House Department Agency Service Guard Commission Committee "
    "Republic Union Federation Army Forces Command Bank Club Group Assembly Parliament "
    "Government Authority Authorities Board Directorate Directorate-General".split()
)
_ORG_WORDS = frozenset(
    "League Cup Party Council Court Ministry Office Department Agency Service Commission "
    "Committee Republic Union Federation Army Forces Command Bank Club Assembly Parliament "
    "Government Authority Board Directorate Directorate-General Organization Organisation "
    "Institute University Airport Station Border".split()
)
# lower-case particles inside personal names ("Roxana del Águila", "Lula da Silva")
_PARTICLES = (
    r"(?:de|del|della|di|da|dos|das|do|van|von|der|den|la|le|al|bin|ibn|el|ould|ben|ter|zu)"
)
# a full name: two to four name words, with particles between them ("Ursula von der Leyen");
# shared with the claims' source reading
FULL_NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_PARTICLES}\s+){{0,2}}{_NAME_TOKEN}){{1,3}}"


@dataclass
class RoleRules:
    heads: frozenset[str]
    modifiers: frozenset[str]
    abbreviations: dict[str, str]
    not_roles: frozenset[str]
    international: dict[str, str]
    national: dict[str, str | None]
    media: frozenset[str]
    known: dict[str, str | None]
    ranks: frozenset[str] = frozenset()
    role_orgs: dict[str, str] = field(default_factory=dict)
    owner_nouns: frozenset[str] = frozenset()
    # "the Aceh provincial government", "the governor of Podkarpackie province": a body of a
    # region, whose country the place index knows
    regional_words: frozenset[str] = frozenset()
    # "X, who heads IOM's operations": the verbs of such a clause and the role each gives;
    # what a public body is called ("ministry", "operations") and what a facility is
    # ("clinic", "hostel"), to tell an official's clause from a private person's
    heading_verbs: dict[str, str] = field(default_factory=dict)
    office_words: frozenset[str] = frozenset()
    facility_words: frozenset[str] = frozenset()
    raw: dict[str, Any] = field(repr=False, default_factory=dict)
    _title_re: re.Pattern[str] = field(init=False, repr=False)
    _comma_title_re: re.Pattern[str] = field(init=False, repr=False)
    _org_re: re.Pattern[str] = field(init=False, repr=False)
    _known_re: re.Pattern[str] | None = field(init=False, repr=False)
    _known_surnames: dict[str, str] = field(init=False, repr=False)
    _who_heads_re: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        verbs = "|".join(re.escape(v) for v in sorted(self.heading_verbs)) or r"(?!)"
        self._who_heads_re = re.compile(rf"who\s+(?P<verb>{verbs})\s+(?P<obj>.+)$", re.I)
        heads = sorted(self.heads | {a.lower() for a in self.abbreviations},
                       key=len, reverse=True)  # fmt: skip
        alt = "|".join(re.escape(h) for h in heads)
        # a title directly before a capitalised name (for names the NER missed)
        self._title_re = re.compile(
            # ("President Ursula von der Leyen": particles inside the name)
            rf"\b(?P<title>(?i:{alt}))\s+(?P<name>{_NAME_TOKEN}"
            rf"(?:\s+(?:{_PARTICLES}\s+){{0,2}}{_NAME_TOKEN}){{0,4}})"
        )
        self._comma_title_re = re.compile(
            rf"\b(?i:{alt}),\s+(?P<name>{_NAME_TOKEN}(?:\s+(?:{_PARTICLES}\s+)?{_NAME_TOKEN}){{1,3}})"
            r"(?=\s*,|\s+(?:said|says|told|added)\b)"
        )
        orgs = sorted(set(self.international) | set(self.national), key=len, reverse=True)
        self._org_re = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(o) for o in orgs) + r")(?!\w)")
        # surnames of well-known office holders ("Meloni" for "Giorgia Meloni"), when the
        # surname is not itself a common word and belongs to one person only
        sur: dict[str, str] = {}
        clash: set[str] = set()
        for full in self.known:
            parts = full.split()
            if len(parts) > 1 and len(parts[-1]) >= 4:
                last = parts[-1]
                if last in sur and sur[last] != full:
                    clash.add(last)
                sur.setdefault(last, full)
        self._known_surnames = {k: v for k, v in sur.items() if k not in clash}
        # a surname alone followed by another capitalised word is part of another name
        # ("Khan Younis", "Trump Tower")
        full_alt = "|".join(re.escape(n) for n in sorted(self.known, key=len, reverse=True))
        sur_alt = "|".join(
            re.escape(n) for n in sorted(self._known_surnames, key=len, reverse=True)
            if n not in self.known
        )  # fmt: skip
        alts = [f"(?:{full_alt})(?![\\w\\-])" if full_alt else "",
                f"(?:{sur_alt})(?![\\w\\-])(?!\\s+[A-Z][a-z])" if sur_alt else ""]  # fmt: skip
        alts = [a for a in alts if a]
        self._known_re = (
            re.compile(r"(?<![\w’'\-])(?:" + "|".join(alts) + ")") if alts else None
        )

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> RoleRules:
        for key in ("role_heads", "role_modifiers", "international_orgs", "national_orgs"):
            if key not in d:
                raise ValueError(f"roles data: missing section {key!r}")
        known: dict[str, str | None] = {}
        for k, v in d.get("known_officials", {}).items():
            # older files wrote [country, role]: only the country is used (the role is
            # what the article states)
            code = v[0] if isinstance(v, list) else v
            if code is not None and not (isinstance(code, str) and len(code) == 2):
                raise ValueError(f"roles data: known_officials[{k!r}] has a bad code {code!r}")
            known[k] = code
        return cls(
            heads=frozenset(h.lower() for h in d["role_heads"]),
            modifiers=frozenset(m.lower() for m in d["role_modifiers"]),
            abbreviations=dict(d.get("title_abbreviations", {})),
            not_roles=frozenset(d.get("not_roles", [])),
            international=dict(d["international_orgs"]),
            national=dict(d["national_orgs"]),
            media=frozenset(d.get("media", [])),
            known=known,
            ranks=frozenset(r.lower() for r in d.get("ranks", [])),
            role_orgs={k.lower(): v for k, v in d.get("role_orgs", {}).items()},
            owner_nouns=frozenset(n.lower() for n in d.get("owner_nouns", [])),
            regional_words=frozenset(n.lower() for n in d.get("regional_words", [])),
            heading_verbs={k.lower(): v for k, v in d.get("heading_verbs", {}).items()},
            office_words=frozenset(n.lower() for n in d.get("office_words", [])),
            facility_words=frozenset(n.lower() for n in d.get("facility_words", [])),
            raw=d,
        )

    def org_in(self, text: str) -> tuple[str, str | None, bool] | None:
        """First organisation named in ``text`` -> (name, country, international)."""
        hit = self.org_in_span(text, 0, len(text))
        return hit[0] if hit is not None else None

    def org_in_span(
        self, text: str, start: int, end: int
    ) -> tuple[tuple[str, str | None, bool], int, int] | None:
        """First organisation named in ``text[start:end]``, with where it was written."""
        m = self._org_re.search(text, start, end)
        if not m:
            return None
        return self._org(m.group(0)), m.start(), m.end()

    def last_org_before(self, text: str, pos: int) -> tuple[str, str | None, bool] | None:
        """The organisation named last before ``pos`` ("the agency's director")."""
        last = None
        for m in self._org_re.finditer(text, 0, pos):
            if m.group(0) not in self.media:
                last = m
        return self._org(last.group(0)) if last else None

    def _org(self, name: str) -> tuple[str, str | None, bool]:
        if name in self.international:
            return self.international[name], None, True
        return name, self.national.get(name), False

    def known_country(self, name: str) -> tuple[bool, str | None]:
        """(is a known office holder, their country) for a full name or a surname."""
        if name in self.known:
            return True, self.known[name]
        full = self._known_surnames.get(name)
        if full is not None:
            return True, self.known[full]
        parts = name.split()
        if len(parts) > 1 and parts[-1] in self._known_surnames:
            full = self._known_surnames[parts[-1]]
            if fuzz.ratio(fold(parts[0]), fold(full.split()[0])) >= 70:
                return True, self.known[full]
        return False, None

    def known_holder(self, surname: str) -> str | None:
        """The full name of the known office holder a lone surname names, if any."""
        return self._known_surnames.get(surname)

    def is_rank(self, role: str | None) -> bool:
        if not role:
            return False
        if role.lower() in self.ranks:  # "Petty Officer"
            return True
        words = [w.lower() for w in role.split()]
        return all(w in self.ranks or w.rstrip(".") in self.ranks for w in words)

    def org_of_role(self, role: str) -> str | None:
        rl = role.lower()
        for k, v in self.role_orgs.items():
            if k in rl:
                return v
        return None


@lru_cache(maxsize=1)
def role_rules() -> RoleRules:
    raw = resources.files("migration_extract.data").joinpath("roles.json").read_text("utf-8")
    return RoleRules.from_json(json.loads(raw))


def fold(s: str) -> str:
    """Case- and accent-folded form used to compare names."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch)).lower().strip()


def _clean_name(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim possessives, titles and punctuation the NER may have included."""
    span = text[s:e]
    m = _POSS.search(span)
    if m:
        e -= len(m.group(0))
    while e > s and text[e - 1] in ' ,.;:"“”)':
        e -= 1
    while s < e and text[s] in ' "“(':
        s += 1
    return s, e


@dataclass
class _Person:
    mentions: list[tuple[int, int]]
    name: str
    role: str | None = None
    country: str | None = None
    organization: str | None = None
    country_explicit: bool = False
    rank_only: bool = False


@dataclass
class _Reading:
    """What the words around one mention say about the person."""

    role: str | None = None
    country: str | None = None
    org: str | None = None
    intl: bool = False
    private: bool = False

    def merge_missing(self, other: _Reading) -> None:
        if self.country is None and not self.intl:
            self.country = other.country
        if self.org is None:
            self.org, self.intl = other.org, other.intl or self.intl


_WORD_RE = re.compile(r"[\w’'.\-]+")


def _is_role_word(w: str, rr: RoleRules, first: bool) -> str | None:
    """The word as it goes into a role, or None: heads always, modifiers only after a head
    has been seen (reading right to left), "then-President"-style compounds."""
    wl = w.lower().rstrip(".")
    abbr = rr.abbreviations.get(w)
    if abbr:
        return abbr
    if wl in rr.heads:
        return w
    if not first and wl in rr.modifiers and wl not in _GLUE:
        return w
    pre, _, post = wl.partition("-")
    if post and pre in ("then", "ex", "former") and post in rr.heads:
        return w
    return None


def _owner(
    owner: str, text: str, pos: int, rr: RoleRules, gaz: CountryGazetteer
) -> tuple[str | None, str | None, bool]:
    """Who 'X' is in "X's spokesman": a country, a known body, or "the agency" (the body
    named last before)."""
    owner = owner.strip()
    low = re.sub(r"^(?:the|its|their)\s+", "", owner.lower())
    o = rr.org_in(owner)
    if o is not None:
        name, c, intl = o
        return (None, name, True) if intl else (c or gaz.metonym(name), name, False)
    code = gaz.code(owner) or gaz.metonym(owner)
    if code is None:
        found = gaz.find(owner)
        code = found[-1].code if found else None
    if code:
        return code, None, False
    if low in ("", "its", "their") or (low.split()[-1:] and low.split()[-1] in rr.owner_nouns):
        # "the agency's director", "its head": the body named last before
        last = _nearest_body(text, pos, rr, gaz, low.split()[-1] if low else None)
        if last is not None:
            name, c, intl = last
            return (None, name, True) if intl else (c, name, False)
        return None, None, False
    # a region or city ("Buryatia's leader", "after West Darfur's governor"): its country
    mp = re.search(r"[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*$", owner)
    words = mp.group(0).split() if mp is not None else []
    for i in range(len(words)):  # (the longest run of words that names a place)
        code = _place_country(" ".join(words[i:]))
        if code:
            return code, None, False
    return None, None, False


def _place_country(name: str) -> str | None:
    """The country of a region or city the place index knows."""
    from .geo import place_gazetteer

    hit = place_gazetteer().lookup(name)
    return hit[1] if hit is not None else None


def _read_before(text: str, s: int, rr: RoleRules, gaz: CountryGazetteer) -> _Reading:
    """Role, country and organisation read from the words right before a name."""
    line_start = max(text.rfind("\n", 0, s), text.rfind(". ", 0, s) + 1, 0)
    left = text[line_start:s]
    words = list(_WORD_RE.finditer(left))
    role_words: list[str] = []
    k = len(words) - 1
    touching = bool(words) and left[words[-1].end() :].strip() == ""
    while touching and k >= 0:
        gap_end = words[k + 1].start() if k + 1 < len(words) else len(left)
        if re.search(r"[,;:\"“”()]", left[words[k].end() : gap_end]):
            break  # '"... border guard," Interior Minister X': the title starts after the quote
        w = _is_role_word(words[k].group(0), rr, first=not role_words)
        if w is None:
            break
        role_words.insert(0, w)
        k -= 1
    if role_words and role_words[0].lower().rstrip(".") in rr.not_roles:
        return _Reading(private=True)
    if not role_words:
        if touching and words and words[-1].group(0).lower().rstrip(".") in rr.not_roles:
            return _Reading(private=True)
        return _pattern_before(text, line_start, left, rr, gaz)
    title_start = words[k + 1].start()
    title = _title_reading(text, line_start, left, title_start, role_words, rr, gaz)
    if rr.is_rank(title.role):
        # "the head of the Migration Service of Kazakhstan, Colonel Aslan Atalikov"
        pat = _pattern_before(text, line_start, left[:title_start], rr, gaz)
        if pat.role:
            pat.merge_missing(title)
            return pat
    return title


def _title_reading(
    text: str, line_start: int, left: str, title_start: int, role_words: list[str],
    rr: RoleRules, gaz: CountryGazetteer,
) -> _Reading:  # fmt: skip
    role = " ".join(role_words)
    prefix = left[:title_start]
    r = _affiliation(text, line_start + title_start, prefix[-60:], rr, gaz)
    # organisations written inside the role ("UNHCR spokesperson", "CBP Commissioner"),
    # or begun by the word before it ("European" + "Commission President")
    o = rr.org_in(role)
    mw = re.search(r"([A-Z][\w’'.\-]*)\s+$", prefix)
    if o is None and mw is not None:
        o2 = rr.org_in(f"{mw.group(1)} {role}")
        if o2 is not None and o2[0].startswith(mw.group(1)) and o2[2]:
            o = o2
            r = _Reading()
            role = f"{mw.group(1)} {role}"
    if o is not None:
        r.org, c2, r.intl = o
        r.country = r.country or c2
        if role.startswith(o[0] + " "):
            role = role[len(o[0]) + 1 :]
    for low in ("white house ", "kremlin ", "un ", "u.n. "):
        if role.lower().startswith(low):
            rest = role[len(low) :]
            r.country = r.country or gaz.metonym(role[: len(low) - 1])
            if low in ("un ", "u.n. "):
                r.org, r.intl = "UN", True
            role = rest
    r.role = role.strip() or None
    return r


def _affiliation(
    text: str, pos: int, prefix: str, rr: RoleRules, gaz: CountryGazetteer
) -> _Reading:
    """Country / organisation named just before a role ("Georgian", "White House",
    "Russia's", "the agency's")."""
    tail = prefix.rstrip()
    m = re.search(r"((?:[Tt]he\s+|[Ii]ts\s+)?[\w’'.\-]+(?:\s+[A-Z][\w’'.\-]*){0,3})$", tail)
    if not m:
        return _Reading()
    phrase = m.group(1)
    poss = bool(_POSS.search(phrase))
    phrase_np = _POSS.sub("", phrase)
    if poss:
        c, org, intl = _owner(phrase_np, text, pos, rr, gaz)
        return _Reading(country=c, org=org, intl=intl)
    if not phrase_np[:1].isupper():
        # "the", "its", or a word of the clause before ("..., as Israeli Prime Minister")
        phrase_np = re.sub(r"^(?:[a-z][\w’'.\-]*\s+)+", "", phrase_np)
        phrase = phrase_np
        if not phrase_np[:1].isupper():
            return _Reading()
    o = rr.org_in(phrase)
    if o is not None:
        name, c, intl = o
        if intl:
            return _Reading(org=name, intl=True)
        return _Reading(country=c or gaz.metonym(name), org=name)
    for cand in (phrase_np, phrase_np.split()[-1]):
        code = gaz.code(cand) or gaz.metonym(cand)
        if code:
            return _Reading(country=code)
        is_known, kc = rr.known_country(cand)
        if is_known and kc:
            return _Reading(country=kc)
    return _Reading()


def _role_of(role: str, what: str, rr: RoleRules, gaz: CountryGazetteer) -> _Reading:
    """'head' + 'Migration Service of Kazakhstan' -> role 'head of the Migration Service',
    KZ; 'President' + 'Mongolia' -> 'President', MN; 'head' + 'UNHCR' -> 'head', UNHCR."""
    what = what.strip()
    bare = re.sub(r"^the\s+", "", what, flags=re.I)
    o = rr.org_in(bare)
    mo = rr._org_re.match(bare)
    if o is not None and o[2] and mo is not None and mo.end() == len(bare):
        return _Reading(role=role, org=o[0], intl=True)
    code = gaz.code(bare) or gaz.metonym(bare)
    if code:
        return _Reading(role=role, country=code)
    m = re.match(r"^(?P<body>.+?)\s+(?:of|in)\s+(?:the\s+)?(?P<c>[A-Z][\w’'.\- ]*)$", what)
    if m and (gaz.code(m.group("c")) or gaz.metonym(m.group("c"))):
        body = m.group("body")
        code = gaz.code(m.group("c")) or gaz.metonym(m.group("c"))
        ob = rr.org_in(body)
        if ob is not None and ob[2]:
            return _Reading(role=f"{role} of {body}", org=ob[0], intl=True)
        return _Reading(role=f"{role} of {body}", country=code, org=re.sub(r"^the\s+", "", body))
    found = gaz.find(bare)
    r = _Reading(role=f"{role} of {what}")
    if o is not None:
        r.org, c2, r.intl = o
        r.country = None if r.intl else c2
    elif bare[:1].isupper():
        r.org = bare
    if found and not r.intl:
        r.country = r.country or found[0].code
    if r.country is None and not r.intl:
        r.country = _regional_country(bare, rr)  # "of the Lapland Border Guard District"
    return r


_OF_ROLE_CACHE: dict[int, re.Pattern[str]] = {}


def _of_role_re(rr: RoleRules) -> re.Pattern[str]:
    """'ROLE of X,' before a name, compiled once per rule set."""
    pat = _OF_ROLE_CACHE.get(id(rr))
    if pat is None:
        heads = "|".join(re.escape(h) for h in sorted(rr.heads, key=len, reverse=True))
        pat = re.compile(
            rf"\b(?P<role>(?:[A-Za-z\-]+\s+)?(?:{heads}))\s+of\s+(?P<what>(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+(?:of\s+|in\s+)?(?:the\s+)?[A-Z][\w’'.\-]*){{0,5}})\s*,\s*$",
            re.I,
        )
        _OF_ROLE_CACHE[id(rr)] = pat
    return pat


def _pattern_before(
    text: str, line_start: int, left: str, rr: RoleRules, gaz: CountryGazetteer
) -> _Reading:
    """'the President of Mongolia, X' / 'the head of UNHCR, X' / "Peru's migration
    superintendent, X" / "the agency's director, X"."""
    m = _of_role_re(rr).search(left)
    if m:
        role = m.group("role")
        if role.split()[0].lower() in ("the", "a", "an", "its", "his", "her", "their"):
            role = role.split(None, 1)[1]
        return _role_of(role, m.group("what"), rr, gaz)
    m = re.search(
        r"(?P<owner>(?:\b[Tt]he\s+|\b[Ii]ts\s+)?[\w’'.\-]+(?:\s+[A-Z][\w’'.\-]*){0,3})"
        r"(?:’s|'s)\s+(?P<role>[\w’'.\- ]{2,60}?)\s*,\s*$"
        r"|\b(?P<owner2>[Ii]ts|[Tt]heir)\s+(?P<role2>[\w’'.\- ]{2,60}?)\s*,\s*$",
        left,
    )
    if m:
        owner = m.group("owner") or m.group("owner2")
        words = (m.group("role") or m.group("role2")).split()
        if (
            words
            and all(_is_role_word(w, rr, first=False) for w in words)
            and any(w.lower().rstrip(".") in rr.heads for w in words)
        ):
            c, org, intl = _owner(owner, text, line_start + m.start(), rr, gaz)
            return _Reading(role=" ".join(words), country=c, org=org, intl=intl)
    return _Reading()


_APP_RE = re.compile(
    r"\s*,\s*(?:(?:the|his|her|its|their|a|an)\s+)?"
    r"(?P<app>[^,;:\n“”\"()]{3,110}?)(?=\s*(?:[,;:\n()]|\.(?:\s|$)|$|\s+(?:said|says|told|added)\b))"
)


def _heads_a_public_body(obj: str, rr: RoleRules) -> bool:
    """'who heads IOM's operations in Renk', 'who coordinates the displacement sites for the
    provincial government' (a public body) vs 'who runs a clinic for the NRC' (a facility)."""
    words = [w.strip(",.’'").lower() for w in obj.split()]
    if any(w in rr.facility_words for w in words[:4]):
        return False
    return rr.org_in(obj) is not None or any(w in rr.office_words for w in words)


def _read_after(text: str, e: int, rr: RoleRules, gaz: CountryGazetteer) -> _Reading:
    """'X, the head of US Central Command, said' / 'X, NRC's secretary general' / 'X, a
    spokeswoman for the Border Guard' / 'X, his defence minister'."""
    m = _APP_RE.match(text, e)
    if not m:
        return _Reading()
    app = m.group("app").strip()
    app_pos = m.start("app")
    if re.search(r"\b(?:a|an)\s+$", text[m.start() : app_pos]) and re.match(
        r"\s+(?:said|says|told|added)\b", text[m.end("app") :]
    ):
        return _Reading()  # "at Khawmawi and Rihkhawdar, an Assam Rifles officer told": another
    who = rr._who_heads_re.match(app)
    if who is not None and not _heads_a_public_body(who.group("obj"), rr):
        return _Reading()  # "who runs a hostel near the airport": a private person
    if who is not None:
        # "X, who heads IOM's operations in Renk": the head of what the clause names
        noun = rr.heading_verbs[who.group("verb").lower()]
        obj = who.group("obj")
        mo = re.match(r"^(?:the\s+)?(?P<o>[\w’'.\-]+(?:\s+[A-Z][\w’'.\-]*){0,3})(?:’s|'s)\s+", obj)
        app = (f"{mo.group('o')}'s {noun} of {obj[mo.end():]}" if mo
               else f"{noun} of {obj}")  # fmt: skip
    owner = None
    # "X, its acting chief of mission": the body named last before
    md = re.search(r"\b(its|their)\s+$", text[m.start() : app_pos], re.I)
    if md is not None:
        owner = md.group(1)
    mo = re.match(r"^(?P<o>[\w’'.\-]+(?:\s+[A-Z][\w’'.\-]*){0,3})(?:’s|'s)\s+", app)
    if mo:
        owner = mo.group("o")
        app = app[mo.end() :]
    words = app.split()
    role_words: list[str] = []
    fillers = 0
    for i, w in enumerate(words):
        wl = w.lower()
        if wl in rr.heads or (wl in rr.modifiers and wl not in _GLUE) or w in gaz.demonyms:
            role_words.append(w)
            continue
        if rr.org_in(w) is not None and w[:1].isupper():  # "the CBP commissioner"
            role_words.append(w)
            continue
        if (
            fillers < 2
            and w.isalpha()
            and (w.islower() or (w[:1].isupper() and w[1:].islower()))
            and wl not in _GLUE
            and wl not in rr.not_roles
            and any(x.lower() in rr.heads for x in words[i + 1 : i + 3])
        ):
            # "a UNHCR field officer", "the environment minister": a plain word of the title
            role_words.append(w)
            fillers += 1
            continue
        break
    if not role_words or not any(w.lower() in rr.heads for w in role_words):
        return _Reading()
    if role_words[0].lower() in rr.not_roles:
        return _Reading(private=True)
    # the run must end on a head ("the border police" is not a role)
    while role_words and role_words[-1].lower() not in rr.heads:
        role_words.pop()
    rest = app[len(" ".join(role_words)) :].strip() if app.startswith(" ".join(role_words)) else ""
    r = _Reading()
    if owner is not None:
        r.country, r.org, r.intl = _owner(owner, text, app_pos, rr, gaz)
    demonyms = [w for w in role_words if w in gaz.demonyms]
    if demonyms:
        r.country = r.country or gaz.demonyms[demonyms[0]]
        role_words = [w for w in role_words if w not in gaz.demonyms]
    role = " ".join(role_words)
    o = rr.org_in(role)
    if o is not None:
        r.org, c2, r.intl = o
        r.country = r.country or c2
        # "a UNHCR field officer": the body is the organisation, the role is the rest
        rest_words = [w for w in role_words if rr.org_in(w) is None]
        if rest_words:
            role = " ".join(rest_words)
    mr = re.match(r"^(?P<prep>of|at|for|in|with|to)\s+(?P<what>.+)$", rest)
    anaphoric = mr is not None and re.fullmatch(
        r"(?:the|its)\s+([\w’'-]+)", mr.group("what").strip(" ,.")
    )
    if anaphoric and anaphoric.group(1).lower() in rr.owner_nouns:
        # "a spokesman for the force" after "Tunisia's National Guard says ...": the body
        # named just before, with its country
        body = _last_national_body(text, app_pos, rr, gaz)
        if body is not None:
            r.country = r.country or body[0]
            r.org = r.org or body[1]
            mr = None
    if mr:
        prep, what = mr.group("prep"), mr.group("what")
        # "head of international affairs at the Border Guard": "of" stays in the role
        # up to the next preposition; "of Kazakhstan" gives the country
        if prep == "of":
            m2 = re.match(r"^(?P<of>.+?)\s+(?P<p2>at|for|in|with)\s+(?P<w2>.+)$", what)
            of_part = m2.group("of") if m2 else what
            sub = _role_of(role, of_part, rr, gaz)
            role = sub.role or role
            if m2:
                sub.merge_missing(_where(m2.group("p2"), m2.group("w2"), rr, gaz))
            r.merge_missing(sub)
        else:
            r.merge_missing(_where(prep, what, rr, gaz))
    r.role = role or None
    return r


def _last_national_body(
    text: str, pos: int, rr: RoleRules, gaz: CountryGazetteer, reach: int = 400
) -> tuple[str, str] | None:
    """(country, name) of the last national body named before ``pos``, within ``reach``
    characters: "Tunisia's National Guard", "the Czech interior ministry", "Polish Border
    Guard". The body's head word must be one of the owner nouns (agency, ministry, guard,
    service, police ...) and come within four words of the country."""
    lo = max(0, pos - reach)
    # (within the name's own paragraph: a body named in the paragraph before titles no one
    # here, "Venezuela's foreign ministry said ...\n\n... Mayor Cruz Pérez Cuéllar said")
    para = text.rfind("\n\n", lo, pos)
    if para >= 0:
        lo = para
    best = None
    for _start, _end, code, name in _national_bodies(text, lo, pos, rr, gaz):
        best = (code, name)
    return best


def _national_bodies(
    text: str, lo: int, pos: int, rr: RoleRules, gaz: CountryGazetteer, regions: bool = False
) -> list[tuple[int, int, str, str]]:
    """(start, end, country, name) of the national bodies named in ``text[lo:pos]``; with
    ``regions`` a region's body too ("Aceh's social affairs agency" -> ID)."""
    out: list[tuple[int, int, str, str]] = []
    for m in _OWNER_RE.finditer(text, lo, pos):
        owner = m.group("owner")
        code = gaz.code(owner) or gaz.metonym(owner) or gaz.demonyms.get(owner)
        if code is None and regions and m.group(0) != owner:
            code = _place_country(owner)
        if code is None:
            continue
        tail = re.split(r"[,.;:()\"“”]", text[m.end() : min(pos, m.end() + 60)], maxsplit=1)[0]
        words = tail.split()[:4]
        for k, w in enumerate(words):
            if w.lower() in _GLUE or w.lower() in _BODY_BREAK:
                break  # "Belarus since the government": not one noun phrase
            if w.lower() in rr.owner_nouns:
                name = " ".join(words[: k + 1])
                end = text.index(name, m.end()) + len(name)
                out.append((m.start(), end, code, name))
                break
    return out


def _nearest_body(
    text: str, pos: int, rr: RoleRules, gaz: CountryGazetteer, noun: str | None = None
) -> tuple[str, str | None, bool] | None:
    """What "the agency" / "its" before ``pos`` refers to: the body named last before it,
    a known organisation ("IOM") or a national body ("Libya's Government of National
    Unity", "Aceh's social affairs agency"), whichever is nearer. A government is no
    agency: "the agency's" skips "the Armenian government" for the UNHCR before it."""
    last = None
    for m in rr._org_re.finditer(text, 0, pos):
        if m.group(0) not in rr.media:
            last = m
    bodies = [
        b for b in _national_bodies(text, 0, pos, rr, gaz, regions=True)
        if noun in (None, "its", "their", "government")
        or b[3].split()[-1].lower() != "government"
    ]  # fmt: skip
    # (an organisation written inside the body is the body: "Latvia's State Border Guard")
    if bodies and (last is None or bodies[-1][1] >= last.end()):
        _s, _e, code, name = bodies[-1]
        return name, code, False
    return rr._org(last.group(0)) if last is not None else None


_BODY_BREAK = frozenset(
    "since and or to from in on at by with for of that which who as after before while the a an "
    "its their his her has have had is was are were said says".split()
)
_OWNER_RE = re.compile(r"\b(?P<owner>[A-Z][\w-]+)(?:’s|'s)?(?=\s)")


def _where(prep: str, what: str, rr: RoleRules, gaz: CountryGazetteer) -> _Reading:
    """'for the Border Guard', 'at UNHCR', 'in Lebanon', 'for South Sudan'."""
    bare = re.sub(r"^the\s+", "", what.strip(), flags=re.I)
    hit = rr.org_in_span(bare, 0, len(bare))
    if hit is not None:
        (name, c, intl), os_, oe = hit
        if not intl and c is None:
            # a body the lexicon gives no country: the country before it ("Ukraine's State
            # Border Guard Service", "the Armenian Migration Service"), else its place
            # ("the Border Guard in Przemyśl")
            found = gaz.find(bare[:os_])
            c = found[-1].code if found else _place_after(bare[oe:], gaz)
        return _Reading(org=name, intl=intl, country=None if intl else c)
    code = gaz.code(bare) or gaz.metonym(bare)
    if code is None:
        found = gaz.find(bare)
        code = found[0].code if found else None
    if code is not None:
        return _Reading(country=code)
    code = _regional_country(bare, rr) or _place_after(bare, gaz)
    if prep in ("at", "for") and bare[:1].isupper():
        return _Reading(org=bare, country=code)
    return _Reading(country=code)


_IN_PLACE = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?(?P<p>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})\s*$"
)


def _place_after(what: str, gaz: CountryGazetteer) -> str | None:
    """The country of the place that ends a body's description ("the border police in
    Michalovce", "the coast guard in Benghazi"), from the place index."""
    m = _IN_PLACE.search(what)
    return _place_country(m.group("p")) if m is not None else None


_CAP_RUN = re.compile(r"[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)*")


def _regional_country(what: str, rr: RoleRules) -> str | None:
    """'Aceh provincial government' -> ID, 'the governor of Podkarpackie province' -> PL:
    the country of a region or city named in a body's description (place index), only
    when a regional word says the name is a place."""
    if not rr.regional_words or not any(
        w.strip(",.").lower() in rr.regional_words for w in what.split()
    ):
        return None
    from .geo import place_gazetteer

    places = place_gazetteer()
    for m in _CAP_RUN.finditer(what):
        words = m.group(0).split()[:5]
        # "Lapland Border Guard District": the longest run of words that names a place
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                hit = places.lookup(" ".join(words[i : i + n]))
                if hit is not None and hit[1] is not None:
                    return hit[1]
    return None


_SAID_NAME_ROLE = re.compile(
    rf"\b(?:said|says|told\s+reporters|added)\s+"
    rf"(?P<name>{FULL_NAME}),"
    r"\s+(?:a|an|the)\s+(?P<role>(?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:for|of|at|with|in)\b"
)


# "Othman Abduljaleel, the health minister in the eastern-based government, said": a name
# opening its sentence, its role in apposition, then the speech verb
_NAME_APPOSITION = re.compile(
    # (also after a closing quote: '"... a day," Abror Yusupov, a deputy head of ...')
    rf"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=[“\"])|(?<=[,.!?][”\"]\s))(?P<name>{FULL_NAME}),\s+"
    r"(?P<app>(?:a|an|the|who)\s+[^,;.\n]{3,90}?),\s+(?:said|says|told|added)\b"
)


def find_titled_names(text: str) -> list[tuple[int, int]]:
    """Names that follow a title ('Colonel Aslan Atalikov'), for names the NER missed."""
    rr = role_rules()
    out: list[tuple[int, int]] = []
    # "Peru's migration superintendent, Roxana del Águila, said": a role word, a comma,
    # then a name of two or more words closed by a comma or a speech verb
    for m in rr._comma_title_re.finditer(text):
        s = m.start("name")
        e = m.end("name")
        if text[s:e].split()[0] in _NOT_NAME_WORDS:
            continue
        out.append(_clean_name(text, s, e))
    # "..., said Nino Lomidze, a spokeswoman for the Public Service Hall": a name after a
    # speech verb, followed by its role in apposition (the NER may tag it as a place)
    for m in _SAID_NAME_ROLE.finditer(text):
        role_words = m.group("role").lower().split()
        if any(w.rstrip(",.") in rr.heads for w in role_words):
            out.append(_clean_name(text, m.start("name"), m.end("name")))
    for m in _NAME_APPOSITION.finditer(text):
        if text[m.start("name") : m.end("name")].split()[0] in _NOT_NAME_WORDS:
            continue
        app_words = [w.lower() for w in m.group("app").split()[1:6]]
        if rr._who_heads_re.match(m.group("app")) or any(w in rr.heads for w in app_words):
            out.append(_clean_name(text, m.start("name"), m.end("name")))
    for m in rr._title_re.finditer(text):
        title = m.group("title")
        if title[:1].islower() and title.lower() not in ("spokesman", "spokeswoman",
                                                          "spokesperson", "secretary"):  # fmt: skip
            continue
        name = m.group("name")
        parts = name.split()
        # stop at words that are not name-like (a role word, a month, a weekday)
        keep: list[str] = []
        for p in parts:
            if p.lower().rstrip(".") in rr.heads or p.lower() in rr.modifiers:
                break
            if p in _NOT_NAME_WORDS:
                break
            keep.append(p)
            if p.endswith(("'s", "’s")):
                break  # "Premier Boris Rhein's Christian Democrats": the name ends here
        if not keep:
            continue
        s = m.start("name")
        e = s + len(" ".join(keep))
        out.append(_clean_name(text, s, e))
    return out


def find_known_names(text: str, rules: RoleRules | None = None) -> list[tuple[int, int]]:
    """Occurrences of well-known office holders' names (full names and distinctive
    surnames), for mentions the NER did not tag as PERSON ("Read more: Meloni calls …")."""
    rr = rules or role_rules()
    if rr._known_re is None:
        return []
    return [(m.start(), m.end()) for m in rr._known_re.finditer(text)]


# a news agency's tag between a dateline and its dash: "HELSINKI, Nov 23 (Reuters) -"
AGENCY_TAG = r"(?:\s*\([A-Za-z.]{1,20}\))?"
# capitals for a dateline's city: ASCII, Latin-1 and Latin Extended-A/B ("KUŹNICA",
# "VYŠNÉ NEMECKÉ")
_CAPS = "A-ZÀ-ÖØ-Þ" + "".join(chr(c) for c in range(0x100, 0x250) if chr(c).isupper())
_DATELINE_RE = re.compile(
    # (capitals with accents too: "CIUDAD JUÁREZ, Mexico –", "DAJABÓN")
    rf"(?m)^\W{{0,3}}(?P<city>[{_CAPS}][{_CAPS}’'.\- ]{{1,40}}?[{_CAPS}])"
    rf"(?P<city2>/[{_CAPS}][{_CAPS}’'.\- ]+?)?"
    r"(?:,\s*(?P<country>[A-Z][\w .’'\-]{1,30}?))?"
    # the date: "Sept 17", "Oct. 4", "4 October 2022", "October 4, 2022"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?"
    + AGENCY_TAG
    + r"\s+[–—-]{1,2}\s"
)
# how far into the text a dateline is looked for: web pages put menus, cookie notices and
# share bars before it ("Home > World > Asia > Mongolia ... ALTANBULAG, Mongolia -")
_DATELINE_REACH = 2000


def home_country(
    text: str,
    countries: Sequence[Country] = (),
    places: Sequence[Any] = (),
    gazetteer: CountryGazetteer | None = None,
    place_lookup: Callable[[str], tuple[str, str | None] | None] | None = None,
) -> str | None:
    """The article's own country: the dateline's ("BUCHAREST –", "CHAMAN, Pakistan –"),
    else the code mentioned most often among countries and places (earliest on a tie)."""
    from .geo import country_gazetteer

    gaz = gazetteer or country_gazetteer()
    head = text[:_DATELINE_REACH]
    for m in _DATELINE_RE.finditer(head):
        if m.group("country"):
            # "BUCHAREST, Romania –"; a region the place index knows ("GAMBELL, Alaska")
            code = gaz.code(m.group("country"))
            if code is None and place_lookup is not None:
                hit = place_lookup(m.group("country"))
                code = hit[1] if hit else None
            if code:
                return code
        code = _city_code(m.group("city"), gaz, place_lookup)
        if code:
            return code
    code = _byline_country(head, gaz, place_lookup)
    if code:
        return code
    # (people on the move are no home: "Ukrainians", "Afghans" are the article's subject
    # in a host country, whose name the article writes less often)
    return _most_mentioned([c for c in countries if not _is_people(c, gaz)], places)


def _is_people(c: Any, gaz: CountryGazetteer) -> bool:
    """A plural demonym ("Afghans", "Haitians"): people, not a country ("Philippines")."""
    text = c.get("text", "") if isinstance(c, dict) else getattr(c, "text", "")
    return text not in gaz.names and text.endswith("s") and text[:-1] in gaz.demonyms


# a web byline of fields split by bars: "By Jelena Pavlović | Balkan Wire | Belgrade |
# 24 November 2022", "By Our Correspondent in Medyka | Published 4 March 2022"
_BYLINE_RE = re.compile(r"(?m)^By\s+[^\n|]{2,80}(?:\|[^\n]*)+$")
_CORRESPONDENT_IN = re.compile(
    r"\b[Cc]orrespondents?\s+in\s+([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})\s*$"
)
_BARE_PLACE = re.compile(r"[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2}")


def _byline_country(
    head: str,
    gaz: CountryGazetteer,
    place_lookup: Callable[[str], tuple[str, str | None] | None] | None,
) -> str | None:
    """The country of the place a web byline files from: a field that is only a place
    name ("| Belgrade |") or the correspondent's town ("By Correspondent in Tapachula")."""
    m = _BYLINE_RE.search(head)
    if m is None:
        return None
    fields = [f.strip() for f in m.group(0).split("|")]
    for i, part in enumerate(fields):
        name = None
        if (c := _CORRESPONDENT_IN.search(part)) is not None:
            name = c.group(1)
        elif i > 0 and _BARE_PLACE.fullmatch(part):
            name = part
        if name is None:
            continue
        code = gaz.code(name) or gaz.metonym(name)
        if code is None and place_lookup is not None:
            hit = place_lookup(name)
            code = hit[1] if hit else None
        if code:
            return code
    return None


def dateline_city_country(
    text: str, gazetteer: CountryGazetteer | None = None
) -> tuple[str, str] | None:
    """The city of a dateline that names its country, and that country's code
    ("TORKHAM, Pakistan, Nov 14 (AP) —" -> ("TORKHAM", "PK")); None without one."""
    from .geo import country_gazetteer

    gaz = gazetteer or country_gazetteer()
    m = _DATELINE_RE.search(text[:600])
    if m is None or not m.group("country") or m.group("city2"):
        return None
    code = gaz.code(m.group("country"))
    return (m.group("city"), code) if code else None


def _city_code(
    raw: str,
    gaz: CountryGazetteer,
    place_lookup: Callable[[str], tuple[str, str | None] | None] | None,
) -> str | None:
    """The country of a dateline's city written in capitals ("VALLETTA" -> MT)."""
    city = " ".join(w[:1] + w[1:].lower() for w in raw.split())
    code = gaz.code(city) or gaz.metonym(city)
    if code is None and place_lookup is not None:
        hit = place_lookup(city)
        code = hit[1] if hit else None
    return code


def dateline_countries(
    text: str,
    gazetteer: CountryGazetteer | None = None,
    place_lookup: Callable[[str], tuple[str, str | None] | None] | None = None,
) -> list[str]:
    """The countries of every city of a shared dateline ("VALLETTA/ROME -" -> MT, IT), in
    order; empty when the dateline names one city or none."""
    from .geo import country_gazetteer

    gaz = gazetteer or country_gazetteer()
    m = _DATELINE_RE.search(text[:_DATELINE_REACH])
    if m is None or not m.group("city2"):
        return []
    out: list[str] = []
    for raw in (m.group("city"), m.group("city2")[1:]):
        code = _city_code(raw, gaz, place_lookup)
        if code and code not in out:
            out.append(code)
    return out if len(out) > 1 else []


def _most_mentioned(countries: Sequence[Country], places: Sequence[Any]) -> str | None:
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for c in [*countries, *places]:
        code = c.get("code") if isinstance(c, dict) else getattr(c, "code", None)
        start = c.get("start") if isinstance(c, dict) else getattr(c, "start", 0)
        if code:
            counts[code] += 1
            first[code] = min(first.get(code, 10**9), int(start or 0))
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -first[k]))


def _extend_left(text: str, s: int, e: int, rr: RoleRules, gaz: CountryGazetteer) -> int:
    """'Matti Pitkäniitty' when the NER tagged only 'Pitkäniitty': take in capitalised
    name words right before the span (one space apart) that are no role, title, month,
    country or function word."""
    for _ in range(3):
        m = re.search(r"(?<![\w’'.\-])([A-ZÀ-Ý][\w’'\-]+)\s$", text[max(0, s - 30) : s])
        if not m:
            break
        w = m.group(1)
        wl = w.lower()
        if (w in _NOT_NAME_WORDS or wl in rr.heads or wl in rr.modifiers or wl in rr.ranks
                or wl in rr.not_roles or gaz.code(w) or gaz.metonym(w) or rr.org_in(w)
                or w.isupper()):  # fmt: skip
            break
        s = s - len(m.group(0))
    return s


def find_officials(
    text: str,
    persons: list[tuple[int, int]],
    countries: list[Country] | None = None,
    gazetteer: CountryGazetteer | None = None,
    rules: RoleRules | None = None,
    home: str | None = None,
    homes: Sequence[str] = (),
    places: Sequence[tuple[int, int, str]] = (),
    dated: bool = False,
) -> list[Official]:
    """Resolve person spans into officials (SPEC section 2), folding later mentions.
    ``home`` is the article's own country (see ``home_country``), given to an official
    whose role the article states without any country; ``places`` (start, end, country
    code of the cities and regions found) give the country of a regional role ("Orenburg
    governor Denis Pasler", "Sergei Menyaylo, the head of North Ossetia"). ``dated`` says
    that ``home`` is the dateline's or byline's country; without one, a bare title takes
    the country its own sentence (or the one before) is about before ``home``."""
    from .geo import country_gazetteer

    gaz = gazetteer or country_gazetteer()
    rr = rules or role_rules()
    spans: list[tuple[int, int]] = []
    # the longest span first where two start together ("Ursula von der" from the NER,
    # "Ursula von der Leyen" after her title)
    for s, e in sorted(set(persons), key=lambda se: (se[0], -se[1])):
        s, e = _clean_name(text, s, e)
        if e - s < 2 or not text[s:e][:1].isupper():
            continue
        s = _extend_left(text, s, e, rr, gaz)
        # "Captain Ibrahim Traoré" tagged whole: the title is read as a title
        while True:
            mt = re.match(r"([\w.\-]+)\s+(?=\S)", text[s:e])
            if not mt:
                break
            w = mt.group(1).lower()
            if w in ("sheikh", "emir", "king", "queen") or not (
                w.rstrip(".") in rr.heads or w in rr.ranks or mt.group(1) in rr.abbreviations
            ):  # "Sheikh Hasina", "Sheikh Rashid Ahmed": part of the name
                break
            s += mt.end()
        name = text[s:e]
        if any(w in _ORG_WORDS for w in name.split()):
            continue
        o = rr.org_in(name)
        if gaz.code(name) or gaz.metonym(name) or (o is not None and o[0] == name):
            continue
        if any(not (e <= a or s >= b) for a, b in spans):
            continue
        spans.append((s, e))
    spans.sort()
    people: list[_Person] = []
    for s, e in spans:
        name = text[s:e]
        toks = name.split()
        target = None
        for p in people:
            if _same_person(p, toks, text):
                target = p
                break
        if target is None:
            target = _Person([], name)
            people.append(target)
        target.mentions.append((s, e))
        if len(name) > len(target.name) and len(toks) > len(target.name.split()):
            target.name = name
        before = _read_before(text, s, rr, gaz)
        if before.private:
            continue
        r = before
        if before.role is None or rr.is_rank(before.role):
            after = _read_after(text, e, rr, gaz)
            if after.role is not None and not after.private:
                if before.role:
                    after.merge_missing(before)
                r = after
        if r.role is not None and r.org is None:
            ro = rr.org_of_role(r.role)
            if ro is not None:
                r.org, r.intl, r.country = rr.international.get(ro, ro), True, None
        better = target.role is None or (target.rank_only and not rr.is_rank(r.role))
        if r.role is not None and better:
            target.role = r.role
            target.rank_only = rr.is_rank(r.role)
        if r.intl:
            target.organization = target.organization or r.org
        elif r.org and target.organization is None:
            target.organization = r.org
        if r.country and not target.country_explicit and not r.intl:
            target.country = r.country
            target.country_explicit = True
    out: list[Official] = []
    for p in people:
        is_known, kc = rr.known_country(p.name)
        if not is_known:
            for a, b in p.mentions:
                full = rr.known_holder(text[a:b]) if " " not in text[a:b] else None
                if (
                    full is not None
                    and len(p.name.split()) > 1
                    and fuzz.ratio(fold(p.name.split()[0]), fold(full.split()[0])) < 70
                ):
                    # "Mohammed al-Sharif ... Sharif said": a surname shared with a known
                    # office holder of another first name does not make him that holder
                    continue
                is_known, kc = rr.known_country(text[a:b])
                if is_known:
                    break
        if p.role is None and not is_known:
            continue
        intl = p.organization is not None and p.organization in rr.international.values()
        if p.country is None and not intl:
            s0 = p.mentions[0][0]
            body = _last_national_body(text, s0, rr, gaz, reach=200)
            p.country = (
                kc if is_known
                # "the Czech interior ministry said ... Radek Horák, a deputy interior
                # minister": a bare title after a national body takes that body's country
                else (
                    _local_country(text, s0, gaz)
                    or _role_place_country(text, p, places)
                    or (body[0] if body else None)
                    or _nearest_home(countries or [], homes, s0)
                    or _subject_country(text, p.mentions[0], countries or [], gaz)
                    # (a dateline's country is right for nearly every bare title; the
                    # most mentioned one often is the migrants', not the office's)
                    or (None if dated else
                        _sentence_country(text, p.mentions[0], countries or [], gaz))
                    or home
                )
            )  # fmt: skip
        if intl:
            p.country = None
        s, e = p.mentions[0]
        out.append(
            Official(
                name=p.name,
                role=p.role,
                country=p.country,
                organization=p.organization,
                text=text[s:e],
                start=s,
                end=e,
                mentions=tuple(p.mentions),
            )
        )
    return out


def _nearest_home(countries: Sequence[Country], homes: Sequence[str], s: int) -> str | None:
    """Of a shared dateline's countries ("VALLETTA/ROME"), the one named last before ``s``
    ("Italy ... is struggling far more. ... Interior Minister Matteo Piantedosi")."""
    if len(homes) < 2:
        return None
    before = [c for c in countries if c.code in homes and c.end <= s]
    return max(before, key=lambda c: c.start).code if before else None


_SENT_END = re.compile(r"[.!?][”\"]?\s+(?=[A-Z“\"])|\n")
# a country after these is where people go or come from, not whose office is speaking
_MOVE_PREP = re.compile(
    r"\b(?:from|to|into|towards?|across|via|through|for|of|with)\s+(?:the\s+)?$"
    # "people who fled the war in Ukraine": the place of the conflict, not of the office
    r"|\b(?:war|fighting|conflict|violence|invasion|crisis|clashes)\s+in\s+(?:the\s+)?$"
)


def _sentence_and_previous(text: str, s: int, e: int) -> tuple[int, int, int]:
    """(start of the sentence before, start of the sentence, end of the sentence) of the
    span ``s:e``, sentences cut at ``_SENT_END``."""
    starts = [m.end() for m in _SENT_END.finditer(text, 0, s)]
    m_end = _SENT_END.search(text, e)
    return (
        starts[-2] if len(starts) > 1 else 0,
        starts[-1] if starts else 0,
        m_end.start() if m_end else len(text),
    )


def _sentence_country(
    text: str, span: tuple[int, int], countries: Sequence[Country], gaz: CountryGazetteer
) -> str | None:
    """For a bare title ("Interior Minister X"), the country its own sentence is about,
    else the sentence before: the first country named there that is neither people
    ("Afghans", "Haitians": the migrants, not the office) nor the end of a movement
    ("departures from Tunisia", "fled to Poland"). "Turkey, already home to ..., has kept
    its border closed. Interior Minister X said ..." -> TR."""
    s, e = span
    prev_start, sent_start, sent_end = _sentence_and_previous(text, s, e)
    for lo, hi in ((sent_start, sent_end), (prev_start, sent_start)):
        if hi <= lo:
            continue
        for c in sorted(countries, key=lambda c: c.start):
            if not (lo <= c.start and c.end <= hi) or (s <= c.start < e):
                continue
            if _is_people(c, gaz):
                continue  # people: "Afghans"
            if _MOVE_PREP.search(text, max(lo, c.start - 30), c.start):
                continue
            return c.code
    return None


_SAID_THAT = re.compile(
    r"[^.;:“”\"]{0,80}?\b(?:said|says|told|added|warned|announced)\b[^.;:“”\"]{0,50}?$"
)
# (what the country would do is its own office's policy; "that Russia was steering
# migrants", "Morocco had agreed" report on another country)
_SUBJECT_VERB = re.compile(r"^\s+(?:would|will)\b")
_SENTENCE_OPENER = re.compile(r"^(?:(?:In|Neighbouring|Neighboring|Meanwhile,?)\s+)?$")


def _subject_country(
    text: str, span: tuple[int, int], countries: Sequence[Country], gaz: CountryGazetteer
) -> str | None:
    """For a bare title, a country its sentence is plainly about, even against the
    dateline: the subject of what the person said ("X said Hungary would seal its
    border"), or the country that opens the person's sentence or the one before ("Sri
    Lanka, a country of 22 million, has run out of currency. Prime Minister X warned")."""
    s, e = span
    prev_start, sent_start, sent_end = _sentence_and_previous(text, s, e)
    for c in countries:
        if e <= c.start < sent_end and c.text in gaz.names:
            if _SAID_THAT.match(text, e, c.start) and _SUBJECT_VERB.match(text[c.end : c.end + 20]):
                return c.code
    # the person's own sentence opens with the country and its verb or a comma ("Haiti is
    # still reeling from the assassination of President X"); the sentence before with the
    # country and a comma ("Turkey, already home to ..., has kept its border closed.")
    for lo, after in ((sent_start, _OPENER_OWN), (prev_start, _OPENER_PREV)):
        for c in countries:
            if (lo <= c.start < s and c.text in gaz.names
                    and _SENTENCE_OPENER.match(text[lo : c.start])
                    and after.match(text[c.end : c.end + 12])):  # fmt: skip
                return c.code
    return None


_OPENER_OWN = re.compile(r",|\s+(?:is|has|had|was|were|are|would|will|says|said)\b")
_OPENER_PREV = re.compile(r",")


# between a place and the name it titles: role words only ("Orenburg governor ",
# "Saratov regional governor ")
_ROLE_WORDS_ONLY = re.compile(r"(?:’s|'s)?\s+(?:[a-z][\w-]*\s+){1,3}$")


def _role_place_country(
    text: str, p: _Person, places: Sequence[tuple[int, int, str]]
) -> str | None:
    """The country of a region or city that the person's role names: just before the
    name with role words between ("Orenburg governor Denis Pasler"), or as the
    organization of the role ("the head of North Ossetia")."""
    for s0, _ in p.mentions:
        for _a, b, code in places:
            if b <= s0 and s0 - b <= 40 and _ROLE_WORDS_ONLY.fullmatch(text, b, s0):
                return code
    if p.organization:
        for a, b, code in places:
            if text[a:b] == p.organization:
                return code
    return None


def _local_country(text: str, s: int, gaz: CountryGazetteer) -> str | None:
    """A place named at the head of the name's own sentence ("In Baku, presidential
    adviser X told ..."): its country, for a bare title."""
    start = max(text.rfind("\n", 0, s), text.rfind(". ", 0, s) + 1, 0)
    m = re.match(r"\s*(?:In|At|From)\s+([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)\s*,", text[start:s])
    if not m:
        return None
    # (a city or region too: "In New York, Mayor X said")
    return gaz.metonym(m.group(1)) or gaz.code(m.group(1)) or _place_country(m.group(1))


def _same_person(p: _Person, toks: list[str], text: str) -> bool:
    full = p.name.split()
    if not toks or not full:
        return False
    a, b = fold(toks[-1]), fold(full[-1])
    if len(toks) == 1:
        # a single name: equal to (or a near-spelling of) any part of the full name
        return any(fuzz.ratio(fold(toks[0]), fold(f)) >= 80 for f in full if len(f) > 2)
    if len(full) == 1:
        # the earlier mention was a single name: it is a part of this full name
        return any(fuzz.ratio(fold(full[0]), fold(t)) >= 80 for t in toks if len(t) > 2)
    if fuzz.ratio(a, b) < 80:
        return False
    # both have first names: they must agree
    return fuzz.ratio(fold(toks[0]), fold(full[0])) >= 70
