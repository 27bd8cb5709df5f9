"""Pure officials resolver: person mentions + context -> one ``Official`` per person.

Input: the text, the person-name spans (from the NER, plus names that follow a title this
module finds itself), and the country mentions. For each name it reads

* a title before it: the longest run of role words ending at the name ("Georgian Interior
  Minister X" -> role "Interior Minister", country GE from the demonym before the role;
  "White House press secretary X" -> "press secretary", US from the metonym);
* "ROLE of COUNTRY, X" ("the President of Mongolia, Tsakhiyagin Elbegdorj");
* an apposition after it ("X, the head of the Migration Service of Kazakhstan," -> role
  "head", organisation "Migration Service of Kazakhstan", country KZ);
* an organisation: international bodies get ``organization`` and ``country`` None
  (SPEC); national agencies keep their country.

Mentions are folded per article: a later mention whose surname matches (rapidfuzz ratio
>= 80, so "Peksov"/"Peskov" fold) or that is a single name equal to a part of a full name
("Jean-Pierre") joins the earlier person. A person becomes an official only if some
mention carries a role, or the name is a well-known office holder (``data/roles.json``);
private people (a migrant named Igor, "the Rev. X", an analyst) are left out.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz

from .geo import CountryGazetteer
from .records import Country, Official

__all__ = ["RoleRules", "find_officials", "find_titled_names", "role_rules"]

_NAME_TOKEN = r"[A-Z][\w’'\-]*(?:\.)?"
_POSS = re.compile(r"(?:’s|'s|’|')$")


@dataclass
class RoleRules:
    heads: frozenset[str]
    modifiers: frozenset[str]
    abbreviations: dict[str, str]
    not_roles: frozenset[str]
    international: dict[str, str]
    national: dict[str, str | None]
    media: frozenset[str]
    known: dict[str, tuple[str | None, str]]
    raw: dict[str, Any] = field(repr=False, default_factory=dict)
    _title_re: re.Pattern[str] = field(init=False, repr=False)
    _org_re: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        heads = sorted(self.heads | {a.lower() for a in self.abbreviations},
                       key=len, reverse=True)  # fmt: skip
        alt = "|".join(re.escape(h) for h in heads)
        # a title directly before a capitalised name (for names the NER missed)
        self._title_re = re.compile(
            rf"\b(?P<title>(?:{alt}))\s+(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}})",
            re.I,
        )
        orgs = sorted(set(self.international) | set(self.national), key=len, reverse=True)
        self._org_re = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(o) for o in orgs) + r")(?!\w)")

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> RoleRules:
        for key in ("role_heads", "role_modifiers", "international_orgs", "national_orgs"):
            if key not in d:
                raise ValueError(f"roles data: missing section {key!r}")
        return cls(
            heads=frozenset(h.lower() for h in d["role_heads"]),
            modifiers=frozenset(m.lower() for m in d["role_modifiers"]),
            abbreviations=dict(d.get("title_abbreviations", {})),
            not_roles=frozenset(d.get("not_roles", [])),
            international=dict(d["international_orgs"]),
            national=dict(d["national_orgs"]),
            media=frozenset(d.get("media", [])),
            known={k: (v[0], v[1]) for k, v in d.get("known_officials", {}).items()},
            raw=d,
        )

    def org_in(self, text: str) -> tuple[str, str | None, bool] | None:
        """First organisation named in ``text`` -> (name, country, international)."""
        m = self._org_re.search(text)
        if not m:
            return None
        name = m.group(0)
        if name in self.international:
            return self.international[name], None, True
        return name, self.national.get(name), False


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


_WORD_RE = re.compile(r"[\w’'.\-]+")


def _title_before(
    text: str, s: int, rr: RoleRules, gaz: CountryGazetteer
) -> tuple[str | None, str | None, str | None, bool]:
    """Role, country, organisation and whether the org is international, read from the
    words right before a name."""
    line_start = max(text.rfind("\n", 0, s), text.rfind(". ", 0, s) + 1, 0)
    left = text[line_start:s]
    words = list(_WORD_RE.finditer(left))
    role_words: list[str] = []
    k = len(words) - 1
    # the words must touch the name: nothing but spaces between
    if words and left[words[-1].end() :].strip() not in ("",):
        return _pattern_of_country(left, rr, gaz)
    while k >= 0:
        w = words[k].group(0)
        wl = w.lower().rstrip(".")
        abbr = rr.abbreviations.get(w)
        if wl in rr.heads or abbr or (role_words and wl in rr.modifiers and wl not in
                                       ("of", "for", "and", "the")):  # fmt: skip
            role_words.insert(0, abbr or w)
            k -= 1
            continue
        if wl.startswith(("then-", "ex-", "former-")) and wl.split("-", 1)[1] in rr.heads:
            role_words.insert(0, w)
            k -= 1
            continue
        break
    if not role_words:
        return _pattern_of_country(left, rr, gaz)
    if role_words[0].lower() in rr.not_roles:
        return None, None, None, False
    # drop leading modifiers that are really organisations ("White House", "Kremlin")
    role = " ".join(role_words)
    prefix = left[: words[k + 1].start()] if k + 1 < len(words) else left
    country, org, intl = _affiliation(prefix[-60:], rr, gaz)
    # organisations written inside the role ("UNHCR spokesperson", "CBP Commissioner")
    o = rr.org_in(role)
    if o is not None:
        org, c2, intl = o
        country = country or c2
        role = re.sub(rf"^{re.escape(o[0])}\s+", "", role) if role.startswith(o[0]) else role
    for low in ("white house ", "kremlin ", "un ", "u.n. "):
        if role.lower().startswith(low):
            rest = role[len(low) :]
            country = country or gaz.metonym(role[: len(low) - 1])
            if low in ("un ", "u.n. "):
                org, intl = "UN", True
            role = rest
    return role.strip() or None, country, org, intl


def _affiliation(
    prefix: str, rr: RoleRules, gaz: CountryGazetteer
) -> tuple[str | None, str | None, bool]:
    """Country / organisation named just before a role ("Georgian", "White House")."""
    tail = prefix.rstrip()
    m = re.search(r"([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})$", tail)
    if not m:
        return None, None, False
    phrase = m.group(1)
    phrase_np = _POSS.sub("", phrase)
    o = rr.org_in(phrase)
    if o is not None:
        name, c, intl = o
        if intl:
            return None, name, True
        return c or gaz.metonym(name), name, False
    for cand in (phrase_np, phrase_np.split()[-1]):
        code = gaz.code(cand) or gaz.metonym(cand)
        if code:
            return code, None, False
        known = rr.known.get(cand)
        if known and known[0]:
            return known[0], None, False
    return None, None, False


def _pattern_of_country(
    left: str, rr: RoleRules, gaz: CountryGazetteer
) -> tuple[str | None, str | None, str | None, bool]:
    """'the President of Mongolia, X' / 'the head of UNHCR, X'."""
    heads = "|".join(re.escape(h) for h in sorted(rr.heads, key=len, reverse=True))
    m = re.search(
        rf"\b(?P<role>(?:[A-Za-z\-]+\s+)?(?:{heads}))\s+of\s+(?:the\s+)?(?P<what>[A-Z][\w’'.\-]*(?:\s+(?:of\s+)?[A-Z][\w’'.\-]*){{0,4}})\s*,\s*$",
        left,
        re.I,
    )
    if not m:
        return None, None, None, False
    role = m.group("role")
    if role.split()[0].lower() in ("the", "a", "an"):
        role = role.split(None, 1)[1]
    what = m.group("what")
    o = rr.org_in(what)
    if o is not None and o[2]:
        return role, None, o[0], True
    code = gaz.code(what) or gaz.metonym(what)
    if code:
        return role, code, None, False
    countries = gaz.find(what)
    return role, countries[0].code if countries else None, what, False


def _apposition_after(
    text: str, e: int, rr: RoleRules, gaz: CountryGazetteer
) -> tuple[str | None, str | None, str | None, bool]:
    """'X, the head of the Migration Service of Kazakhstan, said' / 'X, his defence minister'."""
    m = re.match(
        r"\s*,\s*(?:the|his|her|its|their|a|an|Russia’s|Russia's)?\s*(?P<app>[^,.;:\n“”\"]{3,90})(?=[,.;:\n])",
        text[e : e + 120],
    )
    if not m:
        return None, None, None, False
    app = m.group("app").strip()
    words = app.split()
    if not words:
        return None, None, None, False
    # the role is the run of role words at the start; "head of X" keeps X as organisation
    role_words: list[str] = []
    for w in words:
        wl = w.lower()
        if wl in rr.heads or wl in rr.modifiers - {"of", "for", "and", "the"} or w in gaz.demonyms:
            role_words.append(w)
            continue
        break
    if not role_words or not any(w.lower() in rr.heads for w in role_words):
        return None, None, None, False
    if role_words[0].lower() in rr.not_roles:
        return None, None, None, False
    rest = app[len(" ".join(role_words)) :].strip()
    country = None
    org = None
    intl = False
    demonyms = [w for w in role_words if w in gaz.demonyms]
    if demonyms:
        country = gaz.demonyms[demonyms[0]]
        role_words = [w for w in role_words if w not in gaz.demonyms]
    if rest.lower().startswith(("of ", "at ", "for ")):
        what = re.sub(r"^(?:of|at|for)\s+(?:the\s+)?", "", rest, flags=re.I)
        o = rr.org_in(what)
        if o is not None:
            org, c2, intl = o
            country = country or c2
        else:
            code = gaz.code(what) or gaz.metonym(what)
            if code:
                country = country or code
            else:
                org = what if what[:1].isupper() else None
                found = gaz.find(what)
                if found:
                    country = country or found[0].code
    return " ".join(role_words) or None, country, org, intl


def find_titled_names(text: str) -> list[tuple[int, int]]:
    """Names that follow a title ('Colonel Aslan Atalikov'), for names the NER missed."""
    rr = role_rules()
    out: list[tuple[int, int]] = []
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
            keep.append(p)
        if not keep:
            continue
        s = m.start("name")
        e = s + len(" ".join(keep))
        out.append(_clean_name(text, s, e))
    return out


def find_officials(
    text: str,
    persons: list[tuple[int, int]],
    countries: list[Country] | None = None,
    gazetteer: CountryGazetteer | None = None,
    rules: RoleRules | None = None,
) -> list[Official]:
    """Resolve person spans into officials (SPEC section 2), folding later mentions."""
    from .geo import country_gazetteer

    gaz = gazetteer or country_gazetteer()
    rr = rules or role_rules()
    spans: list[tuple[int, int]] = []
    for s, e in sorted(set(persons)):
        s, e = _clean_name(text, s, e)
        if e - s < 2 or not text[s:e][:1].isupper():
            continue
        name = text[s:e]
        if gaz.code(name) or gaz.metonym(name) or (rr.org_in(name) and rr.org_in(name)[0] == name):  # type: ignore[index]
            continue
        if any(not (e <= a or s >= b) for a, b in spans):
            continue
        spans.append((s, e))
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
        role, country, org, intl = _title_before(text, s, rr, gaz)
        if role is None:
            role, country, org, intl = _apposition_after(text, e, rr, gaz)
        if role is not None and target.role is None:
            target.role = role
        if intl:
            target.organization = target.organization or org
        elif org and target.organization is None:
            target.organization = org
        if country and not target.country_explicit and not intl:
            target.country = country
            target.country_explicit = True
    out: list[Official] = []
    for p in people:
        known = rr.known.get(p.name) or next(
            (rr.known[text[a:b]] for a, b in p.mentions if text[a:b] in rr.known), None
        )
        if p.role is None and known is None:
            continue
        if p.role is None and known is not None:
            p.role = known[1]
        if p.country is None and known is not None and p.organization is None:
            p.country = known[0]
        if p.organization is not None and p.organization in rr.international.values():
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


def _same_person(p: _Person, toks: list[str], text: str) -> bool:
    full = p.name.split()
    if not toks or not full:
        return False
    a, b = fold(toks[-1]), fold(full[-1])
    if len(toks) == 1:
        # a single name: equal to (or a near-spelling of) any part of the full name
        return any(fuzz.ratio(fold(toks[0]), fold(f)) >= 80 for f in full if len(f) > 2)
    if fuzz.ratio(a, b) < 80:
        return False
    # both have first names: they must agree
    if len(full) > 1 and len(toks) > 1:
        return fuzz.ratio(fold(toks[0]), fold(full[0])) >= 70
    return True
