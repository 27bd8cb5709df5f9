"""The plain-data input, the rules, the per-article context and the helpers every part
of claim resolution shares."""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from ..geo import CountryGazetteer
from ..officials import RoleRules
from ..records import Country, DateMention, Event, Location, Official, Place, Source


@dataclass(frozen=True, slots=True)
class PTok:
    """One token of the parse, as plain data."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int


@dataclass
class ClaimInput:
    text: str
    doc_id: str | None
    published: date | None
    tokens: list[PTok]
    sentences: list[tuple[int, int]]
    quantities: list[dict[str, Any]]
    countries: list[Country] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    entities: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass
class ClaimRules:
    verb_triggers: dict[str, str]
    phrase_triggers: dict[str, str]
    noun_triggers: dict[str, str]
    people: frozenset[str]
    not_people: frozenset[str]
    reporting_verbs: frozenset[str]
    reporting_nouns: frozenset[str]
    media_words: frozenset[str]
    future_words: frozenset[str]
    ethnonyms: frozenset[str] = frozenset()
    speaker_heads: frozenset[str] = frozenset()
    generic_sources: frozenset[str] = frozenset()
    recording_verbs: frozenset[str] = frozenset()
    counting_verbs: frozenset[str] = frozenset()
    path_only_verbs: frozenset[str] = frozenset()
    displaced_heads: frozenset[str] = frozenset()
    things_changed: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()
    event_nouns_not_people: frozenset[str] = frozenset()
    moved_by_others: frozenset[str] = frozenset()
    displacing_verbs: frozenset[str] = frozenset()
    asylum_objects: frozenset[str] = frozenset()
    regularisation_objects: frozenset[str] = frozenset()
    benefit_objects: frozenset[str] = frozenset()
    forces: frozenset[str] = frozenset()
    list_people_words: frozenset[str] = frozenset()
    granting_verbs: frozenset[str] = frozenset()
    applying_verbs: frozenset[str] = frozenset()
    rescuing_verbs: frozenset[str] = frozenset()
    relocating_verbs: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()
    treating_verbs: frozenset[str] = frozenset()
    leaving_in_state_verbs: frozenset[str] = frozenset()
    # subjects that make a movement verb no movement: "The rise comes days after ..."
    non_mover_subjects: frozenset[str] = frozenset()
    # phrase triggers that move people only towards a named place ("going to Poland")
    place_bound_phrases: frozenset[str] = frozenset()
    # hedge words of a quantity that are also the verb of a running total ("arrivals near 90,000")
    hedge_verbs: frozenset[str] = frozenset()
    # people words that name no group of their own ("people", "arrivals", "families"): such
    # arrivals into an article's one flow are that flow's people
    story_people_words: frozenset[str] = frozenset()
    # an age or sex ("a third of them were children"): a share of the whole, no population
    demographic_words: frozenset[str] = frozenset()
    # verbs expecting a movement named in the clause they govern ("expects 60,000 to come back")
    expecting_verbs: frozenset[str] = frozenset()
    # verbs whose "N as refugees" is an asylum decision ("recognised 46,000 as refugees")
    recognising_verbs: frozenset[str] = frozenset()
    # a trigger's lemma and the word after it that make it move no one ("refuse to", "run aground")
    non_movement_phrases: frozenset[str] = frozenset()
    # verbs of phase or attempt whose complement is the movement ("continued to walk across")
    aspect_verbs: frozenset[str] = frozenset()
    # stems of verbs that send people out of the country a story is in ("deported 23")
    sending_back_stems: frozenset[str] = frozenset()
    # population heads that name refugees ("held about 11,000 refugees")
    refugee_heads: frozenset[str] = frozenset()
    # words that make a population people of every origin ("2.2 million foreign arrivals")
    every_origin_words: frozenset[str] = frozenset()
    # words that name any body ("the agency said", "the department said"): they refer back to
    # the body quoted last, whatever its name
    generic_body_words: frozenset[str] = frozenset()
    # counted animals, not people ("Goats remained the largest group at 27.9 million")
    animals: frozenset[str] = frozenset()
    # verbs by which a port or a line carries passengers ("Graz Airport handled 1,064,200
    # passengers")
    carrying_verbs: frozenset[str] = frozenset()
    # verbs that bring their object somewhere ("had been brought to Germany")
    bringing_verbs: frozenset[str] = frozenset()
    # people counted by their school, poll or institution ("enrolled 41,615 students")
    institution_people: frozenset[str] = frozenset()
    # word stems (regular-expression fragments) of migration, borders and camps
    migration_words: frozenset[str] = frozenset()
    # papers counted in the people's place, no population ("44,600 visas were granted")
    document_heads: frozenset[str] = frozenset()
    # verbs by which a cause drives people somewhere, and the causes ("Drought pushes
    # thousands more Somalis into Kenya": an arrival, not a pushback)
    forcing_verbs: frozenset[str] = frozenset()
    displacing_causes: frozenset[str] = frozenset()
    # a stretch of water (a regular-expression fragment) -> the country its crossing lands in
    sea_crossings: dict[str, str] = field(default_factory=dict)
    _phrase_re: re.Pattern[str] = field(init=False, repr=False)
    # "crossed the (English) Channel": the crossing of one of the sea_crossings
    _crossing_re: re.Pattern[str] | None = field(init=False, repr=False)
    # every noun that names counted events (event_nouns and event_nouns_not_people)
    all_event_nouns: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        alt = "|".join(re.escape(p) for p in sorted(self.phrase_triggers, key=len, reverse=True))
        object.__setattr__(self, "_phrase_re", re.compile(rf"\b(?:{alt})\b", re.I))
        object.__setattr__(self, "all_event_nouns", self.event_nouns | self.event_nouns_not_people)
        waters = "|".join(f"(?P<w{k}>{w})" for k, w in enumerate(self.sea_crossings))
        object.__setattr__(
            self,
            "_crossing_re",
            re.compile(rf"\bcross(?:es|ed|ing)?\s+(?:the\s+)?(?:{waters})\b") if waters else None,
        )

    def crossing_in(self, text: str, s: int, e: int) -> tuple[str, int, int] | None:
        """The country a crossing of one of the ``sea_crossings`` in ``text[s:e]`` lands in,
        with the span of the water's name; None without one."""
        if self._crossing_re is None:
            return None
        m = self._crossing_re.search(text, s, e)
        if m is None:
            return None
        k = next(i for i in range(len(self.sea_crossings)) if m.group(f"w{i}") is not None)
        code = list(self.sea_crossings.values())[k]
        return code, m.start(f"w{k}"), m.end(f"w{k}")

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ClaimRules:
        types = {"departure", "arrival", "border_encounter", "asylum", "mobilization", "onward",
                 "return", "stock", "casualty", "other"}  # fmt: skip
        for key in ("verb_triggers", "phrase_triggers", "noun_triggers"):
            bad = set(d[key].values()) - types
            if bad:
                raise ValueError(f"claims rules: {key} has unknown event types {sorted(bad)}")
        return cls(
            verb_triggers=dict(d["verb_triggers"]),
            phrase_triggers={k.lower(): v for k, v in d["phrase_triggers"].items()},
            noun_triggers=dict(d["noun_triggers"]),
            people=frozenset(d["people_nouns"]),
            not_people=frozenset(d["not_people"]),
            reporting_verbs=frozenset(d["reporting_verbs"]),
            reporting_nouns=frozenset(d["reporting_nouns"]),
            media_words=frozenset(d["media_words"]),
            future_words=frozenset(d["future_words"]),
            **{key: frozenset(d.get(key, [])) for key in _LEXICONS},
            sea_crossings=dict(d.get("sea_crossings", {})),
        )


# the optional word lists of data/claims_rules.json: every ClaimRules field that defaults to
# an empty set (a rules file of one's own may leave them out)
_LEXICONS = tuple(
    f.name for f in fields(ClaimRules) if f.default == frozenset()
)


@lru_cache(maxsize=1)
def claim_rules() -> ClaimRules:
    raw = resources.files("migration_extract.data").joinpath("claims_rules.json").read_text("utf-8")
    return ClaimRules.from_json(json.loads(raw))


# --------------------------------------------------------------------------- helpers


class _Ctx:
    """Indexes over one article's input, built once per call."""

    def __init__(self, inp: ClaimInput, rules: ClaimRules, gaz: CountryGazetteer, rr: RoleRules):
        self.inp = inp
        self.rules = rules
        self.gaz = gaz
        self.rr = rr
        self.text = inp.text
        self.toks = inp.tokens
        self.sents = _split_lines(inp.text, inp.sentences)
        self.geo: list[tuple[int, int, str | None, str]] = sorted(
            [(c.start, c.end, c.code, "country") for c in inp.countries]
            + [(p.start, p.end, code, "place") for p, code in claim_place_codes(inp, gaz)]
        )
        self._tok_starts = [t.start for t in self.toks]
        # the words the article writes as a place somewhere (a name the tagger also took
        # for a person elsewhere is still that place)
        self.place_names = frozenset(self.text[g[0] : g[1]] for g in self.geo)
        # "US Customs and Border Protection (CBP)": the article's own short names
        self.acronyms = {
            m.group(1): m.group(2)
            for m in re.finditer(
                r"((?:[A-Z][\w.’'-]*\s+)*(?:(?:of|for|and|the)\s+(?:[A-Z][\w.’'-]*\s+)*)*[A-Z][\w.’'-]*)\s+\(([A-Z][A-Za-z]{1,8})\)",
                inp.text,
            )
            # not a dateline's agency tag: "URALSK, Kazakhstan (Reuters) - "
            if m.group(2) not in rr.media
            and not re.match(r"\s*[-–—]", inp.text[m.end() : m.end() + 4])
        }
        for full, short in list(self.acronyms.items()):
            parts = full.split()
            for k in range(1, len(parts)):
                self.acronyms.setdefault(" ".join(parts[k:]), short)
        # nationalities and stateless peoples, as words a population can end on
        self.groups: frozenset[str] = frozenset(gaz.demonyms.keys() | gaz.peoples)
        self.last_org: Source | None = None
        self.last_dest: Location | None = None
        self.last_source: Source | None = None
        self.last_mobilizer: Location | None = None
        self.orgs_seen: list[Source] = []
        # figures counting one nationality of several ("Colombians, with 18,587 crossings"):
        # no story for the figures after them
        self.group_figures: set[int] = set()
        self.claim_starts: list[int] = []
        # does the article use any word of migration (lexicon `migration_words`)? read once
        self.migration_story: bool | None = None

    def sent_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.sents:
            if s <= pos < e:
                return s, e
        return 0, len(self.text)

    def tok_at(self, pos: int) -> PTok | None:
        k = bisect.bisect_right(self._tok_starts, pos) - 1
        if 0 <= k < len(self.toks) and self.toks[k].start <= pos < max(self.toks[k].end, pos + 1):
            return self.toks[k]
        return None

    def toks_in(self, s: int, e: int) -> list[PTok]:
        k = bisect.bisect_left(self._tok_starts, s)
        out = []
        while k < len(self.toks) and self.toks[k].start < e:
            if self.toks[k].end <= e:
                out.append(self.toks[k])
            k += 1
        return out


# a country that holds a place: "Azerbaijan retook the breakaway region", "part of Azerbaijan"
_HOLDS_AFTER = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:retook|seized|took|regained|recaptured|captured|controls|controlled"
    r"|took\s+control|retaken|seized\s+control)\b"
)
_PART_OF_BEFORE = re.compile(r"\b(?:part\s+of|inside|within)\s+$")


def claim_place_codes(inp: ClaimInput, gaz: CountryGazetteer) -> list[tuple[Place, str | None]]:
    """Each place with the country it gives a claim: its own, except that a contested place
    ("Nagorno-Karabakh", geo_rules.json) gives one only when its sentence places it in that
    country ("crossed into Armenia from Nagorno-Karabakh ... after Azerbaijan retook the
    breakaway region", "part of Azerbaijan"; not "after Azerbaijan's offensive")."""
    sents = _split_lines(inp.text, inp.sentences)
    out: list[tuple[Place, str | None]] = []
    for p in inp.places:
        code = gaz.claim_code(p.text, p.code)
        if code is None and p.code is not None:
            s, e = next(((a, b) for a, b in sents if a <= p.start < b), (p.start, p.end))
            if any(
                c.code == p.code and s <= c.start < e
                and (_HOLDS_AFTER.match(inp.text, c.end)
                     or _PART_OF_BEFORE.search(inp.text, 0, c.start))
                for c in inp.countries
            ):
                code = p.code
        out.append((p, code))
    return out


def _split_lines(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parser sentences, cut again at line breaks (headlines and captions have no full
    stop), trimmed of surrounding white space."""
    out: list[tuple[int, int]] = []
    if not sents:
        sents = [(0, len(text))]
    # the parser sometimes cuts after an abbreviation or a bracket: "(CBP) indicated that"
    merged: list[tuple[int, int]] = []
    for s, e in sents:
        # (or before a comma: "At least 61 migrants drowned on Saturday | , the IOM said.")
        first = text[s : s + 1]
        if merged and "\n" not in text[merged[-1][1] : s + 1] and (
            first.islower() or first in ",;:)"
        ):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    for s, e in merged:
        pos = s
        for part in re.split(r"(\n+)", text[s:e]):
            ps, pe = pos, pos + len(part)
            pos = pe
            if not part.strip() or part.startswith("\n"):
                continue
            lead = len(part) - len(part.lstrip())
            trail = len(part) - len(part.rstrip())
            out.append((ps + lead, pe - trail))
    return out


def _is_people(noun: dict[str, Any] | None, ctx: _Ctx) -> bool | None:
    """True/False when the counted noun decides it, None when there is no noun."""
    if noun is None:
        return None
    head = (noun.get("head") or "").lower()
    words = noun["text"].split()
    if len(words) > 1 and words[-1].endswith("ing") and head == words[-1].lower():
        # "Rohingya living (on the island)": a participle the parse took for the head
        words = words[:-1]
        head = words[-1].lower()
    last = words[-1].lower() if words else ""
    # "men of military age": the head is the word before "of"
    if " of " in noun["text"]:
        last = noun["text"].split(" of ")[0].split()[-1].lower()
    r = ctx.rules
    if last in r.not_people or head in r.not_people:
        return False
    if last in r.people or head in r.people:
        return True
    groups = ctx.groups
    if words and (words[-1] in groups or words[-1].rstrip("s") in groups):
        return True
    # a nationality of two words: "Sri Lankans", "South Sudanese"
    if len(words) > 1 and any(" ".join(words[k:]) in groups for k in range(len(words) - 1)):
        return True
    # "Rohingya Muslims", "Afghan Sikhs": a nationality or ethnic group before a plural noun
    if len(words) > 1 and last.endswith("s") and any(w in groups for w in words[:-1]):
        return True
    return False


def _ancestors(ctx: _Ctx, t: PTok) -> list[PTok]:
    out = []
    seen = {t.i}
    cur = t
    for _ in range(12):
        h = ctx.toks[cur.head] if 0 <= cur.head < len(ctx.toks) else cur
        if h.i in seen:
            break
        out.append(h)
        seen.add(h.i)
        cur = h
    return out


_OTHER_NOUN_CLAUSE = re.compile(
    r",\s+(?:where|which|whose|with|(?:most|many|some|all|half)\s+of\s+whom)\b"
)
# the same for places, and a relative clause inside an "including" part: "1.1 million refugees
# in the country, including Sudanese who fled earlier conflicts in Darfur"
_OTHER_NOUN_CLAUSE_PLACE = re.compile(
    _OTHER_NOUN_CLAUSE.pattern + r"|,\s+including\s+[^,;.]*?\b(?:who|that|which)\b"
    # a clause of cause or circumstance after the figure's: "rescued 254 migrants ..., as
    # the number of people crossing from Turkey rose", "because Russia did not allow ..."
    r"|,\s+as\s+(?!many\b|much\b|well\b|part\b|of\b|a\s+result\b)(?=\w+\s+\w)|\bbecause\b"
)
_STAY_EVENTS = ("arrival", "stock", "asylum", "border_encounter", "return")
# events with no destination: where people died is not where they went (fixtures/README);
# the rules and the learned place ranker both leave it empty
NO_DESTINATION_EVENTS = frozenset({"casualty"})
# a movement into a group of countries, which names no one country: "had entered the bloc",
# "arrived in the European Union", "entered the Schengen area"
INTO_A_BLOC = re.compile(
    r"\s+(?:(?:in|into|to|inside)\s+(?:the\s+)?|the\s+)(?:bloc|European\s+Union|EU|Schengen\s+(?:area|zone)"
    r"|Schengen|European\s+bloc|27-nation\s+bloc|Europe)\b(?![’']s|\s+(?:via|through|from)\s+[A-Z])"
)


def into_a_bloc(text: str, ev_end: int) -> bool:
    """Whether the movement whose words end at ``ev_end`` goes into a group of countries:
    its own destination words name no country."""
    return INTO_A_BLOC.match(text, ev_end) is not None


# the words of an evacuation: what a country or an air force does to take people out
EVACUATION_WORDS = re.compile(r"(?i:evacuat|airlift|flown|flew|fly|flying)")


def an_evacuation(ev: Event | None) -> bool:
    """Whether the event is people taken out by air or evacuated (fixtures/README: a
    departure, with no destination unless its own sentence names one)."""
    return (
        ev is not None
        and ev.type == "departure"
        and EVACUATION_WORDS.match(ev.text) is not None
    )


def _geo_in(ctx: _Ctx, s: int, e: int) -> list[tuple[int, int, str | None, str]]:
    return [g for g in ctx.geo if g[0] >= s and g[1] <= e]


# "the daily flow is now around 10,000": a figure said to hold now takes no date from
# another clause of its sentence
_NOW_RE = re.compile(
    r"\b(?:is|are|was|stands?|remains?)\s+now\b|\bnow\s+(?:stands?|is|are)\b|"
    # "the camp now shelters more than 100,000", "about 107,000 of them are still there"
    r"\bnow\s+(?:shelters|hosts|houses|holds|has|have|lives?|numbers?)\b|"
    r"\b(?:is|are|was|were)\s+still\b|"
    # "the 5,000-6,000 daily seen before the call-up": a time of its own, undated
    r"\b(?:before|prior\s+to|ahead\s+of)\s+(?:the|its|their|last)\s+[\w-]+",
    re.I,
)
# a part of the figure before it ("among them about 5,000", "including about 8,000
# Afghans", "about 150,000 of them Venezuelans"): it shares the whole's time
_SUBSET_BEFORE_RE = re.compile(
    r"\b(?:among\s+them|among\s+whom|of\s+whom|of\s+which|including|includ(?:es|ed))"
    r"\s+(?:(?:an\s+estimated|some|about|around|roughly|nearly|almost|more\s+than|"
    r"over|at\s+least|up\s+to|fewer\s+than|less\s+than)\s+)?$",
    re.I,
)
# "N of them / those / these": a part of a group named before
# the pronouns a part is taken of: "of them", "of those", "of these"
OF_PRONOUN_WORDS = r"them|those|these"
_OF_PRONOUN = re.compile(rf"\s+of\s+(?:{OF_PRONOUN_WORDS})\b")


_SEGMENT_BREAK = re.compile(
    # (a comma inside a list of words is no break: "32,425 men, women and children")
    r"(?:,(?=\s)(?!\s+[\w-]+(?:\s+[\w-]+)?,?\s+(?:and|or)\s+[\w-]+\b(?!\s+(?:said|says|told)))|"
    r"[;:](?=\s)|[()–—])\s*|\s+(?:and\s+that|while|whereas|but|compared\s+with|up\s+from|"
    r"down\s+from)\s+"
)


def _segment(text: str, s: int, e: int, pos: int) -> int:
    """Index of the clause-like segment of the sentence [s, e) that holds ``pos``."""
    return sum(1 for m in _SEGMENT_BREAK.finditer(text, s, e) if m.end() <= pos)


def _governs_verb_clause(ctx: _Ctx, verb: PTok, e: int) -> bool:
    """Does a verb clause after ``verb`` depend on it ("has driven millions of people to
    leave the country")?"""
    return any(
        c.head == verb.i and c.dep in ("xcomp", "advcl") and c.pos == "VERB"
        for c in ctx.toks_in(verb.end, e)
    )


def _sentence_back(ctx: _Ctx, s: int, n: int) -> int:
    """Start of the sentence ``n`` sentences before the one starting at ``s``."""
    starts = [a for a, _ in ctx.sents if a <= s]
    return starts[max(0, len(starts) - 1 - n)] if starts else s


def _subject_of(ctx: _Ctx, verb: PTok, s: int, e: int) -> PTok | None:
    toks = ctx.toks_in(s, e)
    subj = [
        c for c in toks if c.head == verb.i and c.dep in ("nsubj", "nsubjpass") and c.i != verb.i
    ]
    if len(subj) > 1 and verb.lemma.lower() in ctx.rules.reporting_verbs:
        # "..., most of them men from Afghanistan, said camp manager Adnan Hodžić": the
        # parser gave the verb two subjects; the speaker is the one after it
        after = [c for c in subj if c.i > verb.i]
        if after:
            return after[0]
        # "..., a more than tenfold increase, deputy government spokesman Michalis Georgiou
        # told reporters": of two subjects before it, a name next to the verb speaks when
        # the first is a lone determiner the parser cut from its noun
        lone = subj[0].text.lower() in ("a", "an") and subj[0].pos in ("DET", "PRON")
        if lone and subj[-1].pos == "PROPN":
            return subj[-1]
    if subj:
        return subj[0]
    # "UNHCR disputes that figure and says ...": a conjoined verb shares the subject
    if verb.dep == "conj" and 0 <= verb.head < len(ctx.toks):
        head = ctx.toks[verb.head]
        subj = [c for c in toks if c.head == head.i and c.dep in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0]
    return None


def _subtree(ctx: _Ctx, t: PTok, s: int, e: int) -> tuple[int, int]:
    """Character extent of a token's subtree within its sentence, cut at the first comma
    or dash (apposition, dateline)."""
    toks = ctx.toks_in(s, e)
    members = {t.i}
    changed = True
    while changed:
        changed = False
        for x in toks:
            if x.head in members and x.i not in members and x.i != x.head:
                members.add(x.i)
                changed = True
    idx = sorted(members)
    lo, hi = idx[0], idx[-1]
    for k in range(t.i + 1, hi + 1):
        if ctx.toks[k].text in (",", "(", "—", "–"):
            hi = k - 1
            break
    closed = 0
    for k in range(t.i - 1, lo - 1, -1):
        w = ctx.toks[k].text
        if w == ")":
            closed += 1
        elif w == "(" and closed:
            # "US Customs and Border Protection (CBP) data show": a bracket closed before
            # the head is part of the phrase
            closed -= 1
        elif w in (",", "(", "“", '"', "—", "–"):
            lo = k + 1
            break
    return ctx.toks[lo].start, ctx.toks[hi].end
