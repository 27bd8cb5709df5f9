"""The main loop: every quantity of an article -> ``Claim`` records, in text order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..geo import CountryGazetteer, country_gazetteer
from ..officials import RoleRules, role_rules
from ..records import Claim, Event, Location, Quantity, Source, Span, TimeRef, claim_id
from ._base import (
    _NOW_RE,
    _OF_PRONOUN,
    _STAY_EVENTS,
    _SUBSET_BEFORE_RE,
    EVACUATION_WORDS,
    NO_DESTINATION_EVENTS,
    OF_PRONOUN_WORDS,
    ClaimInput,
    ClaimRules,
    PTok,
    _ancestors,
    _Ctx,
    _geo_in,
    _is_people,
    _segment,
    _sentence_back,
    claim_rules,
    into_a_bloc,
)
from ._events import (
    _change_subject_event,
    _event,
    _ing_form_of_trigger,
    _noun_event,
    _object_of_trigger,
    _participle_event,
    _past_form_of_trigger,
    _subject_of_movement,
)
from ._filters import (
    _HOUSED_BEFORE,
    _counts_a_nationality,
    _is_not_a_claim,
    _migration_story,
)
from ._places import (
    _TO_MOVE_RE,
    MAKING_UP_BEFORE,
    _is_demonym_at,
    _listed_with_others,
    _nationality,
    _places,
)
from ._population import (
    _extend_demonym_list,
    _extend_members_of,
    _in_their_numbers,
    _number_of,
    _number_population,
    _part_population,
    _subject_count,
)
from ._sources import _source
from ._time import _context_time, _dates_another_time, _rate_from_before, _time, _whole_time

_CLAIM_KINDS = ("count", "change", "share")


_AMONG_RE = re.compile(r"\s+(?:are|were|is|was)\s+(?:now\s+|also\s+)?among\s+(?:the\s+)?(\w+)")
# "had entered the bloc", "arrived in Europe": a destination that is no country, so none is
# taken from context
_NOT_A_COUNTRY_DEST = re.compile(
    r"\s+(?:(?:in|into|to|at)\s+)?(?:the\s+)?(?:bloc|EU|European\s+Union|Europe|Schengen|"
    r"continent|region)\b"
)
# events whose place may come from the article's context (relocations and regularisations
# happen where the earlier figures arrived)
_CONTEXT_EVENTS = (*_STAY_EVENTS, "other")


_HEDGE_TAIL = (
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|"
    r"roughly\s+|an\s+estimated\s+)?$"
)
# "as arrivals top 127,000", "Darién crossings pass 450,000": a running total of events
_EVENT_TOTAL_RE = re.compile(
    r"\b(?P<n>arrivals|crossings|departures|encounters|applications|deportations|returns|"
    r"entries|apprehensions|detentions|expulsions|landings|attempts|interceptions|pushbacks|"
    r"removals|exodus|influx|outflow|registrations|evacuations|airlift|claims)\b"
    # ("arrivals at Adré, the main crossing point, had fallen ...": an apposition)
    r"(?:[^,.;:]{0,30}?|[^,.;:]{0,30}?,[^,.;:]{3,70},)\s+(?:(?:have|has|had)\s+)?"
    r"(?:top|tops|topped|pass|passes|passed|exceed|exceeds|exceeded|reach|reaches|reached|"
    r"hit|hits|surpass|surpasses|surpassed|near|nears|neared|approach|approaches|approached|"
    r"total|totals|totalled|totaled|stand\s+at|stood\s+at|rose\s+to|climbed\s+to|"
    r"grew\s+to|rise\s+to|climb\s+to|slowed\s+to|fallen\s+to|fell\s+to|dropped\s+to|"
    r"declined\s+to|risen\s+to|increased\s+to|grown\s+to|eased\s+to|"
    # "have eased this week to between 1,500 and 1,800"
    r"(?:eased|slowed|fallen|fell|dropped|declined|risen|rose|climbed|grown|grew|increased)\s+"
    r"(?:(?:this|last)\s+(?:week|month|year)|sharply|slightly|again|further)\s+to|"
    # headline present tense: "Afghan returns through Torkham slow to 2,000 a day"
    r"(?:slow|slows|fall|falls|drop|drops|ease|eases|rise|rises|climb|climbs|jump|jumps|"
    r"surge|surges|soar|soars)\s+to|"
    # "The exodus — estimated at 260,000 by independent media —"
    r"(?:(?:is|was|been)\s+)?estimated\s+at|put\s+at|"
    # "climb past 650,000", "have fallen from about 1,100 to fewer than 200"
    r"(?:climbs?|climbed|rises?|rose|go|goes|went)\s+past|"
    # "Arrivals peaked at around 6,000 a day", "The crossings took the total since January to"
    # ("Arrivals peaked last week at close to 17,000 a day")
    r"peak(?:ed|ing)?(?:\s+\w+){0,3}?\s+at|"
    # "Arrivals have averaged about 600 a day", "Russian entries averaged about 4,500 a day"
    r"averaged|averaging|"
    r"(?:took|take|takes|taking|brought|bring|brings|pushed|push|pushes)\s+the\s+"
    r"(?:total|tally|number)(?:\s+[\w,]+){0,4}?\s+to|"
    r"(?:fallen|fell|dropped|risen|rose|grown|grew|climbed|eased|slowed)\s+from(?:\s+[\w,.%]+){1,12}?\s+to|"
    # ("arrivals had slowed from a peak of around 20,000 a day")
    r"(?:fallen|fell|dropped|risen|rose|grown|grew|climbed|eased|slowed)\s+from"
    r"(?:\s+an?\s+(?:peak|high|record|daily\s+peak)\s+of)?)\s+" + _HEDGE_TAIL,
    re.I,
)
# "the centre was sheltering more than 15,000": people as the object of a stay verb
_STAY_OBJECT_RE = re.compile(
    r"\b(?:sheltering|hosting|housing|accommodating|holding|sheltered|hosted|housed|"
    r"accommodated|shelters|hosts|houses|accommodates)\s+" + _HEDGE_TAIL,
    re.I,
)
_DEATH_TOLL_RE = re.compile(
    r"\b(?P<t>(?:death|casualty)\s+toll|(?<=[Tt]he\s)toll)\b[^.;]{0,80}?\b(?:reached|rose\s+to|risen\s+to|"
    r"stood\s+at|stands\s+at|climbed\s+to|is|was|hit|topped|passed|exceeded|to)\s+" + _HEDGE_TAIL,
    re.I,
)
_HARMED_AFTER = re.compile(
    r"\s+(?:(?:are|were|remain|remained|still|now|reported|believed)\s+){0,2}"
    r"(missing|dead|injured|wounded|killed)\b",
    re.I,
)
# a sentence opening on the people just counted: "Of those, about 41,000 ...", "Of them,",
# "Of the dead,"
_FRONTED_OF = rf"\W*Of\s+(?:{OF_PRONOUN_WORDS}|the\s+(?:new\s+)?[a-z][\w-]*)"
# a verb that stands for the story's movement: "2,315 had done so", "About 1,300 went
# through on Wednesday alone"
_PRO_VERB_AFTER = re.compile(
    r"\s+(?:(?:have|has|had|were|was)\s+)?(?:(?:already|also|so\s+far)\s+)?(?:done\s+so|did\s+so|"
    r"done\s+the\s+same|did\s+the\s+same|went\s+through|gone\s+through|got\s+through|"
    r"made\s+it\s+(?:across|through|out))\b"
)
_FRONTED_OF_THOSE = re.compile(_FRONTED_OF + r"(?:\s+[\w-]+){0,3}?,\s+(?:[\w-]+\s+){0,2}")
# a list of parts after a fronted "Of the dead,": "18 were from Guatemala, seven from ..."
_FRONTED_OF_SENTENCE = re.compile(_FRONTED_OF + r",\s")
# people described by how they were sent back: "Guatemalans deported from the United States"
_SENT_BACK_AFTER = re.compile(
    r"\s+(?:who\s+(?:had|have|were|was)\s+(?:been\s+)?)?"
    r"(deported|expelled|repatriated|removed|sent\s+back|flown\s+back|returned)\s+"
    r"(?:from|by|under|on)\b"
)


def _lemma_at(ctx: _Ctx, pos: int) -> str:
    t = ctx.tok_at(pos)
    return t.lemma.lower() if t is not None else ""


_NUMBER_OF_BEFORE = re.compile(r"\b(?:number|total|count)\s+of\s+$")
_IN_PLACE_AFTER = re.compile(r"\s+(?:living\s+|staying\s+|sheltering\s+)?in\s+[A-Z]")
# "The displaced now number about 120,000": people counted by the verb "number"
_PEOPLE_NUMBER_RE = re.compile(
    r"\b(?:[Tt]he\s+)?(?P<p>(?:[\w-]+\s+){0,2}?(?:displaced|refugees|migrants|returnees|"
    r"evacuees|IDPs|asylum\s+seekers|people|arrivals))\s+"
    # ("Afghan refugees in Iran number about 3.4 million")
    r"(?:(?:in|at)\s+[A-Z][\w’'-]+\s+)?(?:now\s+)?(?:number|numbered|total|totalled|totaled|"
    # headline: "Ukrainian refugees in Slovakia dip to 104,000"
    r"(?:dip|dips|dipped|fall|falls|fell|drop|drops|dropped|"
    r"rise|rises|rose|climb|climbs|climbed|swell|swells|swelled)\s+to)\s+" + _HEDGE_TAIL
)
# a nationality (or people) that numbers the figure: "Russians registered in Almaty fall to
# 27,600", "Guineans have been the most common nationality ..., numbering about 15,800"
_GROUP_NUMBER_RE = re.compile(
    r"\b(?P<p>[A-Z][\w’'-]+)\s+(?:(?:registered|living|staying|sheltering|housed)\s+)?"
    r"(?:(?:in|at)\s+[A-Z][\w’'-]+\s+)?(?:now\s+)?(?:number|numbered|total|totalled|"
    r"(?:dip|dips|dipped|fall|falls|fell|drop|drops|dropped|rise|rises|rose|climb|climbs|"
    r"climbed|swell|swells|swelled)\s+to)\s+" + _HEDGE_TAIL
    + r"|\b(?P<p2>[A-Z][\w’'-]+)\b[^.;:]{0,100}?,\s+numbering\s+" + _HEDGE_TAIL
)
# "The tally rose to 14,000", "The figure stands at 1.3 million": the running figure of
# the story, a claim when a figure came just before
_TALLY_RE = re.compile(
    r"(?:\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]heir|[Ii]ts)\s+(?:total\s+|overall\s+|official\s+)?"
    # "..., before numbers eased to about 1,500 a day"
    r"|\b(?:before|after|until|while|as|but)\s+)"
    r"(?:number|numbers|tally|figure|figures|total|count|flow)\s+(?:\w+\s+){0,4}?(?:(?:has|have|had)\s+)?"
    r"(?:rose|risen|climbed|grew|grown|swelled|swollen|reached|stands|stood|hit|topped|jumped|"
    r"increased|fell|fallen|dropped|eased|slowed|is\s+now|now\s+stands|was)\s+(?:at\s+|to\s+)?"
    + _HEDGE_TAIL
    # "This week it is down to about 1,500 a day", "On a normal day in August it was about
    # 2,500 a day", "The ministry put it at 8,315 for Sunday": the story's figure as "it"
    + r"|\b[Ii]t\s+(?:(?:is|was|has\s+been|had\s+been)\s+(?:now\s+)?(?:(?:down|up)\s+to\s+)?"
    r"|(?:now\s+)?(?:stands|stood|rose|fell|dropped|climbed|reached)\s+(?:at\s+|to\s+)?)"
    + _HEDGE_TAIL
    + r"|\b(?:put|puts|putting|placed|places)\s+it\s+at\s+" + _HEDGE_TAIL
)


# "of those landing", "of those who crossed", "of those evacuated" (not "of them had",
# "of those who have": a pronoun is no population)
_OF_THOSE_RE = re.compile(
    r"\s+of\s+(those\s+(?:who\s+)?(?!(?:have|has|had|are|were|is|was|still|will|would|can|could|"
    r"to|in|at|on|from|who)\b)[a-z]+)"
)
_BARE_PEOPLE_AFTER = re.compile(
    # "some 41,000 are Cubans": the copula is not part of the noun
    r"\s+(?:(?:are|were|is|was)\s+)?((?:[\w’'-]+\s+){0,3}?[A-Za-z][\w’'-]*s)\b"
)


_COMPARISON_BEFORE = re.compile(
    r"(?:\bcompared\s+(?:with|to)|\bup\s+from|\bdown\s+from|\bfrom|\bthan|\bversus|\bvs\.?|"
    r"\bagainst|\brecord\s+of|\bpeak\s+of|\bto|\bat)\s+(?:the\s+)?(?:only\s+)?$",
    re.I,
)


_PEOPLE_SUBJECT_OPENING = re.compile(
    r"\s*((?:[A-Z][\w’'-]*\s+)?[A-Za-z][\w’'-]*)\s+(?:were|are|was|is|have\s+been|had\s+been)\s+"
    r"(?:still\s+|now\s+)?[a-z]+ing\b"
)
_NUMBER_OF_THINGS = re.compile(
    r"\bnumber\s+of\s+(?:[\w-]+\s+){0,2}?([a-z]+)(?=\s+(?:in|at|on|across|inside|has|have|had|is|"
    r"are|was|were|rose|reached|climbed|fell|stood|grew)\b)[^.;]{0,40}?\b(?:reached|rose|risen|"
    r"climbed|fell|fallen|stood|stands|increased|grew|grown|jumped|dropped|doubled|to|at|from)\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|more\s+than\s+)?$",
    re.I,
)
_NUMBER_OF_PEOPLE = re.compile(r"\bnumber\s+of\s+$", re.I)
# the people words of "Russians entering each day", "displaced people in the town"
_PEOPLE_HEAD_RUN = re.compile(
    r"^(.+?)(?=\s+(?:[a-z]+ing|in|at|on|from|to|who|that|with|across|inside)\b)"
)
_WITH_DEMONYM = re.compile(r"\s+with\s+([A-Z][\w’'-]+)")


# the end of a list before a name: "Haitians, Colombians, Turks and " / "Cubans, "
_IN_A_LIST = re.compile(r"([A-Z][\w’'-]+)(?:,?\s+(?:and|or)|,)\s+$")


def _demonym_subject(
    ctx: _Ctx, q: Quantity, s: int, pattern: re.Pattern[str], reach: int
) -> Location | None:
    """The nationality that is the subject of the verb right before the figure, when
    ``pattern`` finds it within ``reach`` characters and it is not the last of a list."""
    lo = max(s, q.start - reach)
    m = pattern.search(ctx.text[lo : q.start])
    if m is None or _listed_name(ctx, s, lo + m.start(1)) or not ctx.gaz.is_demonym(m.group(1)):
        return None
    ms = lo + m.start(1)
    return Location(ctx.gaz.demonyms[m.group(1)], m.group(1), ms, ms + len(m.group(1)))


def _listed_name(ctx: _Ctx, s: int, pos: int) -> bool:
    """Is the name at ``pos`` the last of a list of nationalities ("Turks and
    Venezuelans"), not a clause after ", and" ("..., and Hondurans accounted for")?"""
    m = _IN_A_LIST.search(ctx.text[max(s, pos - 30) : pos])
    return m is not None and ctx.gaz.is_demonym(m.group(1))
_DEMONYM_FILED_BEFORE = re.compile(
    r"\b([A-Z][\w’'-]+)\s+(?:have\s+|has\s+|had\s+)?(?:filed|lodged|"
    r"submitted|made|registered)\s+(?:about|around|roughly|nearly|almost|some|more\s+than|over)?\s*$"
)
_MAKE_UP_BEFORE = re.compile(
    r"\b([A-Z][\w’'-]+)\s+(?:now\s+|also\s+|still\s+)?"
    r"(?:make|made|makes|account|accounted|"
    r"accounts|represent|represented|represents|comprise|comprised|constitute|constituted)\s+"
    r"(?:up\s+|for\s+)?(?:about|around|roughly|nearly|almost|some|just|over|more\s+than|"
    r"less\s+than|fewer\s+than)?\s*$"
)
# "328,650 of the crossings": a part of a whole named after it
_OF_THE_WHOLE = re.compile(r"\s+of\s+(?:the|all|those|them)\b")
_OF_THEM_ARE = re.compile(r"\s+of\s+\w+(\s+(?:are|were|is|was))\b")
# "at least 40,000 of those crossing this year were children": the group, then who they were
_OF_GROUP_WERE = re.compile(
    r"\s+of\s+(?:those|these|the)\s+(?:[\w’'-]+\s+){1,6}?(?:are|were)\s+"
    r"(?P<np>[\w’'-]+(?:\s+[\w’'-]+){0,4})"
)
_COPULA_DEMONYM = re.compile(r"\s+(?:are|were|is|was)\s+([A-Z][\w’'-]+)\b")
_AND_BEFORE = re.compile(r"\band\s+$")
_PREP_AFTER = re.compile(r"\s+(?:in|on|during|over|for)\s+(?:the\s+)?")


_PUT_FIGURE_RE = re.compile(
    r"\b(?:put|puts|putting|estimated|estimates|placed|places)\s+(?:the|its|their|his|her)\s+"
    r"(?:[\w’'-]+\s+){0,3}?(?:figure|number|total|toll|count|estimate|tally)\s+"
    r"(?:(?:who|of|that)\s+[^,.;]{0,60}?\s+)?at\s+[\"“]?$",
    re.I,
)


_RATE_OF_BEFORE = re.compile(
    r"\bat\s+(?:a|the)\s+(?:\w+\s+)?(?:rate|pace)\s+of\s+(?:about\s+|around\s+|some\s+|"
    r"roughly\s+|nearly\s+|up\s+to\s+|more\s+than\s+)?$|"
    r"\bthe\s+number\s+(?P<what>(?:[\w-]+\s+){1,3}?)(?:could|would|may|might|will|has|had|is|"
    r"was|rose|rise|risen|reach|reached|climb|climbed|grew|grow|stood|stands)\b[^.;]{0,30}$",
    re.I,
)


_TOTAL_WORDS = frozenset("tally total toll count figure figures number numbers sum".split())
_THING_LEVEL_BEFORE = re.compile(
    r"\b([a-z]+)\s+(?:have\s+|has\s+|had\s+)?(?:rose|risen|rise|climbed|reached|jumped|fell|"
    r"fallen|dropped|stood|stands|topped|hit|increased|grew|grown|passed|neared)\s+(?:to\s+|at\s+)?"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?$"
)


def _is_subject_word(ctx: _Ctx, pos: int, s: int, e: int) -> bool:
    """Is the token at ``pos`` the parsed subject of the verb it precedes?"""
    t = ctx.tok_at(pos)
    return t is not None and t.dep in ("nsubj", "nsubjpass")


def _moved_part(ctx: _Ctx, q: Quantity, noun: dict[str, Any] | None, e: int) -> bool:
    """A noun that is not people but counts people by what follows: "about 60% of the
    population had left" (a share that moved), "More than 140,000 cases were awaiting an
    initial decision" (asylum cases)."""
    if noun is None:
        return False
    head = noun["text"].split()[-1].lower()
    after = ctx.text[noun["end"] : min(e, noun["end"] + 40)]
    if head == "population" and q.kind == "share":
        return any(
            t.pos == "VERB"
            and ctx.rules.verb_triggers.get(t.lemma.lower()) in ("departure", "return")
            for t in ctx.toks_in(noun["end"], min(e, noun["end"] + 30))[:4]
        )
    if head == "cases":
        m = re.match(r"\s+(?:were|are|still|now|\s)*", after)
        k = noun["end"] + (m.end() if m else 0)
        hit = ctx.rules._phrase_re.match(ctx.text, k)
        return hit is not None and ctx.rules.phrase_triggers[hit.group(0).lower()] == "asylum"
    return False


def _rate_of_movement(ctx: _Ctx, before: str, at: int) -> bool:
    """'People were still leaving Derna at a rate of about 1,000 a day', 'the number forced
    to leave could rise to 60,000': a figure that measures a movement named just before it
    (a trigger verb in the clause before the figure, or in the words after 'the number')."""
    m = _RATE_OF_BEFORE.search(before)
    if m is None:
        return False
    lo, hi = (m.start("what"), m.end("what")) if m.group("what") else (0, m.start())
    lo, hi = (at + lo, at + hi) if m.group("what") else (max(0, at - 60), at + m.start())
    return any(
        (t.lemma.lower() in ctx.rules.verb_triggers and t.pos == "VERB")
        # "if arrivals continued at the current pace of 10,000 to 15,000 a day"
        or (t.pos == "NOUN" and t.text.lower() in ctx.rules.noun_triggers)
        for t in ctx.toks_in(lo, hi)
    )


def _restates_previous(ctx: _Ctx, q: Quantity, s: int, cands: list[Any]) -> bool:
    """'... compared with about 12,000 on Tuesday', 'up from about 31,000': a figure set
    against an earlier claim of the same sentence; 'X put the figure at 600,000 to
    700,000': a figure restating the article's earlier count."""
    if _PUT_FIGURE_RE.search(ctx.text[max(0, q.start - 100) : q.start]) and cands:
        return True
    if not any(c[4] == s for c in cands):
        return False
    before = ctx.text[max(s, q.start - 30) : q.start]
    if _COMPARISON_BEFORE.search(before):
        return True
    # "encountered more than 187,000 ... in fiscal year 2022, and about 33,000 in September
    # alone": a coordinated figure with no verb of its own, narrowed by a date
    if _AND_BEFORE.search(before):
        m = _PREP_AFTER.match(ctx.text, q.end)
        if m is not None and any(d.start == m.end() for d in ctx.inp.dates):
            return True
    return False


# (quantity dict, quantity, population, population inherited from an earlier figure of the
# sentence, sentence start, sentence end)
_Cand = tuple[dict[str, Any], Quantity, Span | None, bool, int, int]
# a population and whether it is inherited
_Pop = tuple[Span | None, bool]


@dataclass
class _RunState:
    """What the figures of one article pass on to the figures after them."""

    # the claim candidates so far, in text order
    cands: list[_Cand] = field(default_factory=list)
    # the claims built so far, in text order
    out: list[Claim] = field(default_factory=list)
    # the last population each sentence named: a later bare figure of it inherits it
    last_pop: dict[tuple[int, int], Span] = field(default_factory=dict)
    # by quantity start: the running total of events a figure is ("as arrivals top 127,000")
    event_totals: dict[int, Event] = field(default_factory=dict)
    # by quantity start: the event a figure takes when nothing else gives one
    default_events: dict[int, Event] = field(default_factory=dict)
    # where the story is, and the two countries its returns go between
    last_dest: Location | None = None
    last_return: tuple[Location | None, Location | None] = (None, None)
    # the article's flows of arrivals: by destination code, the origins named for them (the
    # last Location per origin code)
    arrival_flows: dict[str, dict[str, Location]] = field(default_factory=dict)
    # by destination code: where that destination country was named for a flow
    flow_dests: dict[str, Location] = field(default_factory=dict)
    # the origins named for the article's refugees ("20,000 Eritrean refugees"), by code
    refugee_origins: dict[str, Location] = field(default_factory=dict)

    def add_candidate(self, cand: _Cand) -> None:
        """Keep a candidate; its own population is the one later bare figures of its
        sentence inherit."""
        _qd, _q, pop, inherited, s, e = cand
        if pop is not None and not inherited:
            self.last_pop[(s, e)] = pop
        self.cands.append(cand)


def resolve_claims(
    inp: ClaimInput,
    rules: ClaimRules | None = None,
    gazetteer: CountryGazetteer | None = None,
    roles: RoleRules | None = None,
) -> list[Claim]:
    """Every claim in one article (SPEC section 2), in text order.

    Two passes over the quantities: which are claim candidates, and whose figures they are
    (``_candidate``); then each candidate's event, source, places and time (``_claim``)."""
    ctx = _Ctx(inp, rules or claim_rules(), gazetteer or country_gazetteer(), roles or role_rules())
    st = _RunState()
    for qd in inp.quantities:
        cand = _candidate(ctx, st, qd)
        if cand is not None:
            st.add_candidate(cand)
    ctx.claim_starts = [c[1].start for c in st.cands]
    for cand in st.cands:
        claim = _claim(ctx, st, cand)
        if claim is not None:
            st.out.append(claim)
            _mark_nationality_breakdown(ctx, st.out)
    return st.out


def _own_nationality(c: Claim) -> str | None:
    """The code of a claim that counts one nationality ("57,250 Ecuadorians"), else None."""
    if c.origin is None or c.population is None or c.origin.start != c.population.start:
        return None
    return c.origin.code


def _mark_nationality_breakdown(ctx: _Ctx, out: list[Claim]) -> None:
    """"... followed by 57,250 Ecuadorians, 46,558 Haitians and 25,344 Chinese nationals":
    figures of several nationalities in one sentence are parts, no story for the figures
    after them ("Children made up about a fifth of those crossing")."""
    last = out[-1]
    code = _own_nationality(last)
    if code is None:
        return
    same = [c for c in out if c.sentence.start == last.sentence.start and _own_nationality(c)]
    if len({_own_nationality(c) for c in same}) >= 2:
        ctx.group_figures.update(c.quantity.start for c in same)


# ---- pass 1: which quantities are claims, and whose figures they are ----------------------


def _candidate(ctx: _Ctx, st: _RunState, qd: dict[str, Any]) -> _Cand | None:
    """One quantity as a claim candidate with its population, or None when it is no claim."""
    qd = _share_baseline(ctx, st.cands, qd)
    if qd.get("kind") not in _CLAIM_KINDS:
        return None
    if any(
        d.start <= qd["start"] and qd["end"] <= d.end and d.date_from is not None
        and (d.start < qd["start"] or qd["end"] < d.end)
        for d in ctx.inp.dates
    ):
        # "on August 15 and 16", "27 September 2022": a day of a date, not a count
        return None
    q = Quantity.from_dict(qd)
    s, e = ctx.sent_of(q.start)
    noun = _noun_for(ctx, qd, q, e)
    found = _population_for(ctx, st, qd, q, noun, s, e)
    if found is None:
        return None
    pop, inherited = found
    if _is_not_a_claim(ctx, q, pop, s, e):
        return None
    return qd, q, pop, inherited, s, e


def _share_baseline(ctx: _Ctx, cands: list[_Cand], qd: dict[str, Any]) -> dict[str, Any]:
    """A percentage after a share of its sentence is a share too: its baseline ("families
    made up about 40% of the Ecuadorians stopped ..., up from about 15% in 2021"), a
    bracketed nationality's share ("followed by Ecuadorians (14%) and Haitians (12%)") or
    the next share with its verb gapped ("..., he said, and men of working age about
    80%")."""
    if not (
        qd.get("kind") == "other"
        and str(qd.get("text", "")).rstrip().endswith(("%", "percent", "per cent"))
        and cands
        and cands[-1][1].kind == "share"
        and cands[-1][4] == ctx.sent_of(qd["start"])[0]
    ):
        return qd
    if (
        _COMPARISON_BEFORE.search(ctx.text[max(0, qd["start"] - 30) : qd["start"]])
        or _parenthesized_group(ctx, qd["start"], qd["end"]) is not None
        or _gapped_after(ctx, cands[-1][1].end, qd["start"]) is not None
    ):
        qd = {**qd, "kind": "share"}
    return qd


# a coordinated clause whose verb is gapped: "..., and men of working age about 80%",
# "..., but about 22% last week", "..., and about 35% from Libya"
_GAPPED_OPENING = re.compile(r"(?:,\s*|\s)(?:and|but|while|whereas)\s+((?:[\w’'-]+\s+){0,4})$")


def _gapped_after(ctx: _Ctx, prev_end: int, pos: int) -> re.Match[str] | None:
    """The opening of a gapped clause between a share and the figure at ``pos`` (no verb of
    its own before the figure), or None."""
    gap = ctx.text[prev_end:pos]
    if re.search(r"[.;:!?]", gap):
        return None
    m = _GAPPED_OPENING.search(gap)
    if m is None:
        return None
    if any(
        t.pos == "AUX" or (t.pos == "VERB" and not t.text.lower().endswith("ing"))
        for t in ctx.toks_in(prev_end + m.start(), pos)
    ):
        return None  # a verb of its own (not "men of working age")
    return m


def _parenthesized_group(ctx: _Ctx, start: int, end: int) -> dict[str, Any] | None:
    """The nationality whose figure (``text[start:end]``) stands in brackets after it
    ("Ecuadorians (14%)"), as a noun, or None."""
    m = re.search(r"\b([A-Z][\w’'-]+)\s*\($", ctx.text[max(0, start - 40) : start])
    if m is None or ctx.text[end : end + 1] != ")":
        return None
    if not ctx.gaz.is_demonym(m.group(1)) or not m.group(1).endswith("s"):
        return None
    ns = max(0, start - 40) + m.start(1)
    return {"text": m.group(1), "start": ns, "end": ns + len(m.group(1)), "head": m.group(1)}


def _candidate_nearby(ctx: _Ctx, cands: list[_Cand], pos: int) -> bool:
    """Is there a candidate figure in this sentence or the two before it?"""
    floor = _sentence_back(ctx, ctx.sent_of(pos)[0], 2)
    return any(floor <= c[1].start < pos for c in cands)


def _noun_for(ctx: _Ctx, qd: dict[str, Any], q: Quantity, e: int) -> dict[str, Any] | None:
    """The noun a quantity counts: the parser's, corrected, or one read after the figure."""
    noun = _parsed_noun(ctx, qd, q)
    if _OF_PRONOUN.match(ctx.text, q.end, q.end + 12):
        # "90% of those landing": the people are "those ...", whatever the parser says;
        # "of them had", "of them to": no noun
        m_th = _OF_THOSE_RE.match(ctx.text[q.end : e])
        if m_th:
            ns, ne = q.end + m_th.start(1), q.end + m_th.end(1)
            noun = {"text": m_th.group(1), "start": ns, "end": ne, "head": "those"}
        elif noun is not None and noun["start"] < q.end + 12:
            noun = None
    if q.kind == "count" and (who := _who_the_group_were(ctx, q, e)) is not None:
        noun = who
    if q.kind == "share" and (group := _parenthesized_group(ctx, q.start, q.end)) is not None:
        noun = group  # "followed by Ecuadorians (14%)"
    elif q.kind == "share" and noun is None:
        prev_share = next(
            (o for o in reversed(ctx.inp.quantities)
             if o["end"] <= q.start and o.get("kind") == "share"
             and ctx.sent_of(o["start"])[0] == ctx.sent_of(q.start)[0]),
            None,
        )  # fmt: skip
        gm = _gapped_after(ctx, prev_share["end"], q.start) if prev_share else None
        if gm is not None and gm.group(1).strip():
            words = gm.group(1).strip()
            ns = prev_share["end"] + gm.start(1)  # the gap is matched from the share's end
            cand_noun = {"text": words, "start": ns, "end": ns + len(words),
                         "head": re.split(r"\s+of\s+", words)[0].split()[-1]}  # fmt: skip
            if _is_people(cand_noun, ctx):
                noun = cand_noun  # "..., and men of working age about 80%"
    if (
        q.kind == "share"
        # "Venezuelans made up 328,650 of the crossings": a count of a part, the same way
        or (q.kind == "count" and _OF_THE_WHOLE.match(ctx.text, q.end, q.end + 12) is not None)
    ) and (part := _part_making_up(ctx, q)) is not None:
        noun = part
    if _BRINGS_TO_BEFORE.search(ctx.text[max(0, q.start - 30) : q.start]):
        m_num = _THE_NUMBER_OF_AFTER.match(ctx.text, q.end, e)
        if m_num is not None:
            # "Their arrival brings to 82 the number of Sri Lankans who have reached ..."
            ns, ne = m_num.span("p")
            noun = {"text": m_num.group("p"), "start": ns, "end": ne,
                    "head": m_num.group("p").split()[-1]}  # fmt: skip
    if noun is None:
        noun = _noun_after_figure(ctx, q, e)
    if noun is not None and " " in noun["text"]:
        # headline grammar: "1,000 Rohingya land in Aceh" parsed as "Rohingya land",
        # "Thousands of Rohingya flee Rakhine fighting" as "Rohingya flee Rakhine": the
        # people end before the first word that is a movement verb
        words = noun["text"].split(" ")
        cut = next(
            (i for i in range(1, len(words)) if words[i].lower() in ctx.rules.verb_triggers),
            None,
        )
        if cut is not None:
            short = " ".join(words[:cut])
            cand = {"text": short, "start": noun["start"], "end": noun["start"] + len(short),
                    "head": short.split()[-1]}  # fmt: skip
            if _is_people(cand, ctx):
                noun = cand
    if noun is not None:
        noun = _extend_demonym_list(ctx, noun)
        noun = _extend_members_of(ctx, noun, e)
    return noun


_TIME_ANCHOR_AFTER = re.compile(
    r"\s+(?:(?:the|a)\s+(?:day|week|month|year)\s+(?:before|earlier)|"
    r"(?:the\s+)?(?:previous|preceding)\s+(?:day|week|month|year))\b"
)


def _parsed_noun(ctx: _Ctx, qd: dict[str, Any], q: Quantity) -> dict[str, Any] | None:
    """The parser's noun for a quantity, cut to the words that name what is counted."""
    inp = ctx.inp
    noun = qd.get("noun")
    if noun is not None and any(d.start < noun["end"] <= d.end for d in inp.dates):
        noun = None  # "rose to between 3,000 and 4,000 last week": a time, not the noun
    if noun is not None and _TIME_ANCHOR_AFTER.match(ctx.text, q.end):
        noun = None  # "down from 6,200 the day before": an anchor, not the counted noun
    if noun is not None and noun["start"] > q.end and any(
        ((t.pos == "VERB" and t.lemma.lower() in ctx.rules.verb_triggers)
         or _past_form_of_trigger(t.text.lower(), ctx.rules.verb_triggers))
        # ("50 and 100 wounded people": a participle that modifies the noun)
        and not (t.dep == "amod" and t.head < len(ctx.toks) and ctx.toks[t.head].start
                 >= noun["start"])
        for t in ctx.toks_in(q.end, noun["start"])
    ):
        noun = None  # "about 2,100 more crossed further west": the verb's object, not the noun
    if noun is not None and (pb := re.search(r"\s+[a-z]+(?:ed|en)\s+by\b", noun["text"])):
        # "companies registered by Russian nationals": the head is before the agent phrase
        noun = {**noun, "text": noun["text"][: pb.start()], "end": noun["start"] + pb.start(),
                "head": noun["text"][: pb.start()].split()[-1]}  # fmt: skip
    if noun is not None:
        inside = next((d for d in inp.dates if d.start <= noun["start"] < d.end), None)
        m_poss = (
            re.match(r"(?:’s|'s)\s+", ctx.text[inside.end : inside.end + 4]) if inside else None
        )
        if inside is not None and m_poss is not None:
            ns = inside.end + m_poss.end()  # "this year's arrivals": the noun after the date
            if ns < noun["end"]:
                noun = {**noun, "text": ctx.text[ns : noun["end"]], "start": ns}
    if noun is not None and _ITEM_BREAK.search(ctx.text[q.end : max(q.end, noun["end"])]):
        # "crossings pass 450,000 this year | US and Mexico agree", "reach 536,000 - aid
        # agencies": another item, a headline's attribution
        noun = None
    if noun is not None:
        inner = next(
            (o for o in inp.quantities if noun["start"] <= o["start"] < o["end"] < noun["end"]),
            None,
        )
        if inner is not None:
            # "About 1.7 million of the 3.4 million Syrians": the noun after the figure
            cut = len(ctx.text[inner["end"] : noun["end"]]) - len(
                ctx.text[inner["end"] : noun["end"]].lstrip()
            )
            ns = inner["end"] + cut
            noun = {**noun, "text": ctx.text[ns : noun["end"]], "start": ns}
    if noun is not None and " " not in noun["text"] and noun["text"].lower() in (
        ctx.rules.verb_triggers
    ) and not _is_people(noun, ctx):
        noun = None  # headline: "More than 300,000 flee Lebanon" (the verb as the noun)
    if (
        noun is not None
        and " " in noun["text"]
        and noun["text"].split()[0] in ctx.rules.verb_triggers
        and re.match(r"\s*$", ctx.text[q.end : noun["start"]])
        and not re.match(r"\S+\s+of\b", noun["text"])  # "730,000 head of livestock"
        # the figure opens its line or sentence, as a headline's subject ("the two land
        # ports" is a noun phrase)
        and (q.start == 0 or re.search(r"[\n.!?]\s*$", ctx.text[max(0, q.start - 4) : q.start]))
        and not _is_people(noun, ctx)
    ):
        # headline: "More than 65,000 flee Nagorno-Karabakh for Armenia", parsed as one
        # noun phrase "flee Nagorno-Karabakh": the verb and its object, not the noun
        noun = None
    return noun


# a break between a figure and a noun: another item of a list, a headline's attribution
_ITEM_BREAK = re.compile(r"[|\n•·]|\s[-–—]\s")
_BRINGS_TO_BEFORE = re.compile(
    r"\b(?:brings?|brought|bringing|takes?|took|taking|pushe[sd]|pushing|raises?|raised|"
    r"raising)\s+to\s+$"
)
_THE_NUMBER_OF_AFTER = re.compile(
    r"\s+the\s+(?:total\s+)?number\s+of\s+(?P<p>(?:[A-Z][\w’'-]*\s+)?[\w’'-]+)"
)


def _part_making_up(ctx: _Ctx, q: Quantity) -> dict[str, Any] | None:
    """"Men made up roughly three in four of the Russians who entered": a share that the
    people of the subject make up of a group counts those people (fixtures/README,
    "Shares"); the subject as the parser reads it, when it names people."""
    before = ctx.text[max(0, q.start - 24) : q.start]
    m = MAKING_UP_BEFORE.search(before)
    if m is None:
        return None
    verb = ctx.tok_at(max(0, q.start - len(before) + m.start()))
    if verb is None:
        return None
    subj = next((t for t in ctx.toks if t.head == verb.i and t.i != verb.i
                 and t.dep in ("nsubj", "nsubjpass")), None)  # fmt: skip
    if subj is None:
        return None
    # the subject's words: it and the tokens before the verb whose head chain reaches it
    toks = [
        t for t in ctx.toks[: verb.i]
        if t.i == subj.i or any(a.i == subj.i for a in _ancestors(ctx, t))
    ]
    while toks and toks[-1].pos in ("ADV", "PUNCT", "AUX"):  # "Senegalese now make up"
        toks.pop()
    if not toks:
        return None
    ns, ne = toks[0].start, toks[-1].end
    noun = {"text": ctx.text[ns:ne], "start": ns, "end": ne, "head": subj.text}
    if subj.text.lower() in ctx.rules.all_event_nouns:
        return None  # "Crossings from Poland accounted for about 60%": events, not people
    return noun if _is_people(noun, ctx) else None


def _who_the_group_were(ctx: _Ctx, q: Quantity, e: int) -> dict[str, Any] | None:
    """"some 27,000 of those who had arrived so far were citizens of other countries": a
    count of part of a group is a count of the people the copula names (a share stays a
    share of the whole group)."""
    m = _OF_GROUP_WERE.match(ctx.text, q.end, e)
    if m is None:
        return None
    words = m.group("np").split()
    for k in range(len(words), 0, -1):
        last = words[k - 1].rstrip(",;:.").lower()
        if last in ("and", "of", "or", "the"):
            continue
        phrase = " ".join(words[:k]).rstrip(",;:.")
        if "," in phrase:
            continue  # ("children, many of them"): the phrase ends at the comma
        if last in ctx.rules.not_people and " of " not in phrase:
            continue
        head = phrase.split(" of ")[0].split()[-1]  # "citizens of other countries"
        if _is_people({"text": phrase, "head": head}, ctx):
            ns = m.start("np")
            return {"text": phrase, "start": ns, "end": ns + len(phrase), "head": head}
    return None


def _noun_after_figure(ctx: _Ctx, q: Quantity, e: int) -> dict[str, Any] | None:
    """A figure with no noun: the people named right after it, if any."""
    # "about 280,000 of them were Syrians going back": who "them" were
    # (a share is of the whole: "roughly a third of them were children" keeps none)
    skip = _OF_THEM_ARE.match(ctx.text, q.end, q.end + 25) if q.kind == "count" else None
    at = skip.start(1) if skip else q.end
    m_n = _BARE_PEOPLE_AFTER.match(ctx.text[at : min(e, at + 40)])
    if m_n and _is_people({"text": m_n.group(1), "head": m_n.group(1).split()[-1]}, ctx):
        ns = at + m_n.start(1)  # "stopped 1,800 would-be migrants"
        return {"text": m_n.group(1), "start": ns, "end": ns + len(m_n.group(1)),
                "head": m_n.group(1).split()[-1]}  # fmt: skip
    if (
        m_d := _COPULA_DEMONYM.match(ctx.text, at, min(e, at + 30))
    ) is not None and ctx.gaz.is_demonym(m_d.group(1)):
        # "and some 120,000 were Lebanese": a nationality that takes no plural
        return {"text": m_d.group(1), "start": m_d.start(1), "end": m_d.end(1),
                "head": m_d.group(1)}  # fmt: skip
    return None


def _population_for(
    ctx: _Ctx,
    st: _RunState,
    qd: dict[str, Any],
    q: Quantity,
    noun: dict[str, Any] | None,
    s: int,
    e: int,
) -> _Pop | None:
    """The population a quantity counts and whether it is inherited, or None when it counts
    no people (no claim)."""
    people = _is_people(noun, ctx)
    if (
        noun is not None
        and not people
        and re.fullmatch(r"those\s+(?:who\s+\w+|[a-z]+(?:ing|ed))(?:\s+\w+)?", noun["text"])
    ):
        people = True  # "one in five of those crossing was a child": the people moving
    if noun is not None and q.kind == "share" and noun["text"].lower() in ("total", "the total"):
        # "More than 91,000 children had entered ..., about a fifth of the total": a share
        # the figure before it makes of all (its people, its event; not a census: "15.1
        # million people, or roughly a quarter of the total")
        prev = [o for o in ctx.inp.quantities if s <= o["start"] and o["end"] <= q.start]
        if not prev or _last_is_no_claim(st, prev):
            return None
        return _population_from_context(ctx, st, qd, q, s, e)
    if noun is not None and people:
        pop = Span(noun["text"], noun["start"], noun["end"])
        # "at two border crossings": a place, not people crossing
        head = noun["text"].split()[-1].lower()
        if head in ("crossing", "crossings", "checkpoints", "checkpoint", "posts") and not noun[
            "text"
        ].lower().startswith("those ") and (
            re.search(
                r"\b(?:at|on|through|near|of|but|the)\s+$",
                ctx.text[max(s, q.start - 12) : q.start],
            )
            # "all but one crossing", "the two Arctic crossings": places, not events
            or (q.value is not None and q.value < 20 and q.qualifier is None)
        ):
            return None
        return pop, False
    if people is False and not _moved_part(ctx, q, noun, e):
        return None
    if people is False:
        return None, False
    return _population_from_context(ctx, st, qd, q, s, e)


def _in_prep_phrase(ctx: _Ctx, pos: int) -> bool:
    """Is the figure at ``pos`` the number of a preposition's object ("on 338 flights")?"""
    t = ctx.tok_at(pos)
    if t is None:
        return False
    if t.dep == "nummod" and 0 <= t.head < len(ctx.toks):
        t = ctx.toks[t.head]
    return t.dep == "pobj"


def _last_is_no_claim(st: _RunState, prev: list[dict[str, Any]]) -> bool:
    """Is the last of the figures before one (in text order) no claim candidate? A change
    or a baseline set against it ("..., up 22%", "up from 18") is then no claim either."""
    return bool(prev) and not any(c[1].start == prev[-1]["start"] for c in st.cands)


_UP_DOWN_BEFORE = re.compile(r",\s+(?:(?:up|down)\s+(?:by\s+)?)?$")


def _population_from_context(
    ctx: _Ctx, st: _RunState, qd: dict[str, Any], q: Quantity, s: int, e: int
) -> _Pop | None:
    """A figure with no noun: its population from "the number of ...", an earlier figure of
    its sentence or the words around it; None when it is a level of things or counts no
    movement."""
    pop: Span | None = None
    inherited = False
    if q.kind == "change" and _UP_DOWN_BEFORE.search(ctx.text[max(s, q.start - 20) : q.start]):
        prev = [
            o for o in ctx.inp.quantities
            if s <= o["start"] and o["end"] <= q.start
            and (
                o.get("kind") == "count"
                # ("a record 290,000 tonnes of grapes ..., up 6%"; not a year, not "the first
                # three months")
                or (o.get("kind") == "other" and (o.get("value") or 0) >= 100
                    and not re.fullmatch(r"(?:1[89]|20)\d\d", o["text"]))
            )
        ]  # fmt: skip
        # (a figure inside a prepositional phrase is not what changed: "46,712 Guatemalans
        # arrived on 338 flights ..., up 18%"; "entered through the city's two airports")
        prev = [o for o in prev if not _in_prep_phrase(ctx, o["start"])] or prev
        if _last_is_no_claim(st, prev):
            # "welcomed a record 312,000 guests last year, up 22%", "reach 210 million
            # crowns for 2023, about 40% more than last year": the change of what is no claim
            return None
    if q.kind == "change":
        pop = _number_of(ctx, qd, s)
    if pop is None and (s, e) in st.last_pop:
        pop = st.last_pop[(s, e)]
        inherited = True
    if pop is None and q.kind == "count":
        pop = _counted_population(ctx, st, q, s, e)
    thing = _THING_LEVEL_BEFORE.search(ctx.text[max(s, q.start - 60) : q.start])
    if (
        pop is None
        and thing is not None
        and thing.group(1).lower() in ctx.rules.not_people
        and thing.group(1).lower() not in _TOTAL_WORDS  # ("the tally rose to")
        # (not "the tally for the year rose to", "the toll from strikes on two camps
        # had risen to": the word must be the verb's subject)
        and _is_subject_word(ctx, max(s, q.start - 60) + thing.start(1), s, e)
    ):
        return None  # "Cholera cases rose to 1,200 in the camps": a level of things
    if (
        pop is None
        and q.kind == "count"
        and st.cands
        and _sentence_back(ctx, s, 1) <= st.cands[-1][4] < s
        and _THAT_IS_OPENING.fullmatch(ctx.text, s, q.start) is not None
    ):
        return None, False  # "That is about 140 a day", "That compares with 1,740 in 2022"
    if pop is None and q.kind not in ("change", "share"):
        return _bare_figure_population(ctx, st, q, s, e)
    if pop is None and q.kind == "change" and _change_of_a_thing(ctx, q, s):
        return None  # "Cargo volumes fell 7%", "exports were up 11%": what changed is no people
    first = pop.text.split()[0] if pop is not None else ""
    if (
        pop is not None
        and not inherited
        and not _is_people({"text": pop.text, "head": pop.text.split()[-1]}, ctx)
        # "the number of Russians holding temporary registration": people, then what they do
        and not (q.kind == "change" and _is_people({"text": first, "head": first}, ctx))
    ):
        return None
    return pop, inherited


def _change_of_a_thing(ctx: _Ctx, q: Quantity, s: int) -> bool:
    """Is a change with no noun set on a subject before it that names things ("Cargo volumes,
    however, fell 7%", "beef production to rise about 4%", "Total attendance was up 11%")?
    People, events ("Arrivals rose 40%") and totals ("the number ... has risen by 75%") keep
    the figure; so does a name ("Georgia's figure"), a pronoun or no parsed subject."""
    t = ctx.tok_at(q.start)
    for _ in range(4):
        if t is None or t.pos in ("VERB", "AUX") or not 0 <= t.head < len(ctx.toks):
            break
        t = ctx.toks[t.head] if t.head != t.i else None
    if t is None or t.pos not in ("VERB", "AUX"):
        return False
    subj = next(
        (c for c in ctx.toks_in(s, t.start) if c.head == t.i and c.dep in ("nsubj", "nsubjpass")),
        None,
    )
    if subj is None or subj.pos != "NOUN" or subj.end > q.start:
        return False
    word = subj.text.lower()
    return not (
        _is_people({"text": word, "head": word}, ctx)
        or word in ctx.rules.all_event_nouns
        or word in ctx.rules.noun_triggers
        or word in _TOTAL_WORDS
        or word in ("flow", "flows", "outflow", "inflow", "pace", "rate", "level", "share",
                    "proportion", "percentage")
    )


def _counted_population(ctx: _Ctx, st: _RunState, q: Quantity, s: int, e: int) -> Span | None:
    """The people a count with no noun counts, read from the words around it (a number of
    people in a place records a stock as the figure's default event)."""
    pop = (
        _number_population(ctx, q, s, e)
        or _in_their_numbers(ctx, q, s, e)
        or _subject_count(ctx, q, s, e)
    )
    if (
        pop is not None
        and not _is_people({"text": pop.text, "head": pop.text.split()[-1]}, ctx)
        and not re.search(r"displaced|evacuated", pop.text)
    ):
        pop = None
    if pop is not None:
        mi = _NUMBER_OF_BEFORE.search(ctx.text[max(s, pop.start - 20) : pop.start])
        loc = _IN_PLACE_AFTER.match(ctx.text[pop.end : q.start])
        if mi and loc:
            # "The number of Afghans in Iran has swelled to about 5 million": a stock
            ms = max(s, pop.start - 20) + mi.start()
            st.default_events[q.start] = Event("stock", ctx.text[ms : ms + 6], ms, ms + 6)
    return pop


# a figure that is a part of the one before it, or the next item of a list of figures
_PART_OR_ITEM_BEFORE = re.compile(
    r"(?:,\s+of\s+which\s+|,\s+(?:and\s+)?[a-z]+s\s+|,\s+and\s+(?:[A-Z][\w-]*\s+){1,2})"
    r"(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$"
)


def _bare_figure_population(
    ctx: _Ctx, st: _RunState, q: Quantity, s: int, e: int
) -> _Pop | None:
    """A count with no noun and no population yet: a claim only when the words before it
    make it one (a running total of events, a number of people, the story's tally, a
    movement it is the subject or object of)."""
    pop: Span | None = None
    before = ctx.text[max(s, q.start - 80) : q.start]
    if re.search(r"\b(?:up|down)\s+from\s+$", before):
        prev = [
            o for o in ctx.inp.quantities
            if s <= o["start"] < q.start and o.get("kind") == "count"
        ]  # fmt: skip
        if _last_is_no_claim(st, prev):
            # "About 130 charter flights flew ..., up from 18 in June": the baseline of a
            # count of things is no claim either
            return None
    things = _NUMBER_OF_THINGS.search(before)
    if things is not None and things.group(1).lower() in ctx.rules.not_people:
        return None  # "The number of displacement sites in the capital has reached 96"
    if _PART_OR_ITEM_BEFORE.search(before):
        prev = [
            o for o in ctx.inp.quantities
            if s <= o["start"] < q.start and o.get("kind") in ("count", "other")
            and (o.get("value") or o.get("high") or 0) >= 100
        ]  # fmt: skip
        if _last_is_no_claim(st, prev):
            # "The census cost about 11 million euros, of which 4.5 million came from the
            # EU", "Buses carried 66.9 million trips, ..., and ferries 6.5 million": a part
            # or the next item of a figure of things
            return None
    first_word = q.text.split(maxsplit=1)[0].lower() if " " in q.text else ""
    if first_word in ctx.rules.hedge_verbs:
        # "arrivals near 90,000": the hedge inside the quantity is the verb of the total
        before = before + q.text[: len(first_word) + 1]
    total = _EVENT_TOTAL_RE.search(before)
    if total is not None:
        pop = _event_total_population(ctx, st, q, s, total)
    elif _STAY_OBJECT_RE.search(before) or _DEATH_TOLL_RE.search(
        ctx.text[max(s, q.start - 120) : q.start]
    ):
        pass  # "was sheltering more than 15,000"; "the death toll had reached 3,958"
    elif (pm := _PEOPLE_NUMBER_RE.search(before)) is not None:
        pop = _people_number_population(ctx, st, q, s, pm)
    elif (
        (wm := re.search(r"\b([A-Z][\w’'-]+)((?:\s+[a-z][\w-]+){0,2})\s*,\s+$", before))
        is not None
        and wm.group(1) in ctx.groups
        and (not wm.group(2) or _is_people({"text": wm.group(2).strip(),
                                             "head": wm.group(2).split()[-1]}, ctx))
        and re.match(r"\s+of\s+whom\b", ctx.text[q.end : q.end + 12]) is not None
    ):
        # "Ukrainians, about 38,000 of whom hold Turkish residence permits", "Sudanese
        # refugees, about 14,350 of whom have arrived since April": a part of the group
        # named just before
        ps = max(s, q.start - 80) + wm.start(1)
        pop = Span(before[wm.start(1) : wm.end(2)], ps, ps + wm.end(2) - wm.start(1))
    elif (
        gm := _GROUP_NUMBER_RE.search(ctx.text, max(s, q.start - 130), q.start)
    ) is not None and (gm.group("p") or gm.group("p2")) in ctx.groups and not re.search(
        # (not "new permits for Russians fell to fewer than 20,000": permits)
        r"\b(?:for|of|by|from|to|with)\s+$", ctx.text[max(s, gm.start() - 6) : gm.start()]
    ):
        g = "p" if gm.group("p") else "p2"
        pop = Span(gm.group(g), gm.start(g), gm.end(g))
    elif (tally := _TALLY_RE.search(before)) is not None and _candidate_nearby(
        ctx, st.cands, q.start
    ):
        if re.search(r"\bit\b", tally.group(0), re.I):
            # "it" is the last figure before it, which must be a claim ("I was answering
            # maybe five calls a day. Now it is fifty": calls, no claim)
            floor = _sentence_back(ctx, s, 2)
            prev = [o for o in ctx.inp.quantities if floor <= o["start"] < q.start]
            if _last_is_no_claim(st, prev):
                return None
        # "The tally rose to 14,000": the figure of the story so far
    elif _FRONTED_OF_SENTENCE.match(ctx.text, s) and any(c[1].start < s for c in st.cands):
        pass  # "Of the dead, 18 were from Guatemala, seven from El Salvador": parts of them
    elif _gapped_country(ctx, q, s) is not None and any(c[4] == s for c in st.cands):
        pass  # "Poland has taken in more than 2 million, and Romania over 500,000"
    elif _PRO_VERB_AFTER.match(ctx.text, q.end) and _candidate_nearby(ctx, st.cands, q.start):
        pass  # "In all of August, 2,315 had done so": the story's movement, said again
    elif (w := _group_with_figure(ctx, q, s)) is not None and any(
        c[1].start < s for c in st.cands
    ):
        # "Guineans, at about 11,000, and Ivorians, at 10,500, were the largest
        # nationalities", "followed by Colombians with about 16,400": a nationality's share
        # of the story's figure
        pop = Span(w.group("g"), w.start("g"), w.end("g"))
    elif not (
        _subject_of_movement(ctx, q)
        or _object_of_trigger(ctx, q)
        or _restates_previous(ctx, q, s, st.cands)
    ):
        if not _rate_of_movement(ctx, before, max(s, q.start - 80)):
            return None
        m_subj = _PEOPLE_SUBJECT_OPENING.match(ctx.text, s, q.start)
        if m_subj is not None and _is_people(
            {"text": m_subj.group(1), "head": m_subj.group(1).split()[-1]}, ctx
        ):
            # "People were still leaving Derna at a rate of about 1,000 a day": the
            # subject of the movement is whom the rate counts
            pop = Span(m_subj.group(1), m_subj.start(1), m_subj.end(1))
        else:
            # "TBILISI - A year after ..., Russians are still crossing into Georgia ... at a
            # rate of about 2,600 a day": the parsed subject of the movement verb
            verb = next(
                (t for t in reversed(ctx.toks_in(s, q.start))
                 if t.pos == "VERB" and t.lemma.lower() in ctx.rules.verb_triggers),
                None,
            )  # fmt: skip
            subj = verb and next(
                (c for c in ctx.toks_in(s, verb.start) if c.head == verb.i and c.dep == "nsubj"),
                None,
            )
            if (
                subj
                and subj.pos in ("NOUN", "PROPN")
                and subj.text.lower() not in ctx.rules.all_event_nouns
                and _is_people({"text": subj.text, "head": subj.text}, ctx)
            ):
                pop = Span(subj.text, subj.start, subj.end)
    return pop, False


# running-total nouns the trigger lexicon leaves to context ("Kabul airlift passes
# 58,000", "Nicaraguan claims near 100,000" in a story of asylum)
_TOTAL_NOUN_TYPES = {"airlift": "departure", "claims": "asylum"}


def _event_total_population(
    ctx: _Ctx, st: _RunState, q: Quantity, s: int, total: re.Match[str]
) -> Span | None:
    """A running total of events ("as arrivals top 127,000"): no population, unless the
    events name the people; records the total as the figure's event."""
    ns = max(s, q.start - 80) + total.start("n")
    n_word = total.group("n").lower()
    typ = ctx.rules.noun_triggers.get(n_word) or _TOTAL_NOUN_TYPES.get(n_word, "other")
    if n_word == "claims" and not re.search(r"\basylum\b", ctx.text, re.I):
        return None  # ("insurance claims pass 10,000": not a story of asylum)
    st.event_totals[q.start] = Event(typ, total.group("n"), ns, ns + len(total.group("n")))
    dm = re.search(r"([A-Z][\w’'-]+)\s+$", ctx.text[max(s, ns - 30) : ns])
    if (
        dm is not None
        and dm.group(1) in ctx.groups
        and n_word not in ctx.rules.event_nouns_not_people
    ):
        # "Sudanese arrivals in Egypt pass 250,000": whose arrivals they are
        ps = ns - len(dm.group(0))
        return Span(ctx.text[ps : ns + len(n_word)], ps, ns + len(n_word))
    if dm is not None and dm.group(1) in ctx.groups and n_word in ("exodus", "influx", "outflow"):
        # "Rohingya exodus nears 380,000": the people of the exodus
        ps = ns - len(dm.group(0))
        return Span(dm.group(1), ps, ps + len(dm.group(1)))
    if re.search(r"\b(?:peak\w*|averag\w+|(?:slowed|eased)\s+from)\b", total.group(0), re.I):
        return None  # "Arrivals peaked last week at close to 17,000 a day": a pace, no people
    if (
        n_word not in ctx.rules.event_nouns_not_people
        and n_word not in _TOTAL_NOUN_TYPES  # ("Kabul airlift passes 58,000": no people)
        and q.kind == "count"
    ):
        # "as arrivals top 127,000": arrivals name the people who arrived
        # (fixtures/README, label corrections: arrivals stay populations)
        return Span(total.group("n"), ns, ns + len(n_word))
    return None


def _people_number_population(
    ctx: _Ctx, st: _RunState, q: Quantity, s: int, pm: re.Match[str]
) -> Span:
    """The people a verb of number counts ("The displaced now number about 120,000"); a group
    that rises or falls to the figure records the level of that group as its event."""
    ps = max(s, q.start - 80) + pm.start("p")
    pop = Span(pm.group("p"), ps, ps + len(pm.group("p")))
    head = pm.group("p").split()[-1]
    typ = ctx.rules.noun_triggers.get(head.lower())
    if typ is not None and not re.search(r"\bnumber", pm.group(0)):
        # "refugees in Slovakia dip to 104,000": the level of that group
        hs = ps + len(pm.group("p")) - len(head)
        st.event_totals[q.start] = Event(typ, head, hs, hs + len(head))
    return pop


# the fewest sentences from which an article's words tell its story
_STORY_SENTENCES = 5


# ---- pass 2: each candidate's event, source, places and time -----------------------------


@dataclass
class _Draft:
    """One candidate on its way to a ``Claim``: what the phases of ``_claim`` settled so far."""

    qd: dict[str, Any]
    q: Quantity
    pop: Span | None
    inherited: bool
    s: int
    e: int
    # the claim before it in its sentence
    prev_claim: Claim | None
    ev: Event | None = None
    # the story's last claim (this sentence or the two before), a "the tally rose to" before
    # the figure, and whether the figure speaks of the story's people ("of them")
    story: Claim | None = None
    tally: re.Match[str] | None = None
    anaphor: bool = False
    src: Source | None = None
    # the source is the previous claim's (or one of them names none)
    same_src: bool = False
    # the figure restates the claim before it (the same people, by the same source)
    restated: bool = False
    origin: Location | None = None
    dest: Location | None = None
    tm: TimeRef | None = None


def _claim(ctx: _Ctx, st: _RunState, cand: _Cand) -> Claim | None:
    """One candidate's claim, or None when it has no event and counts no displaced people."""
    qd, q, pop, inherited, s, e = cand
    prev_claim = next((c for c in reversed(st.out) if c.sentence.start == s), None)
    d = _Draft(qd, q, pop, inherited, s, e, prev_claim)
    _resolve_event(ctx, st, d)
    _resolve_part(ctx, d)
    _resolve_population(ctx, d)
    _story_event(ctx, st, d)
    _passengers_carried(ctx, d)
    _share_of_residents(ctx, st, d)
    _housed(ctx, d)
    _people_at_a_place(ctx, d)
    _residents_of_the_sites(ctx, d)
    if _no_claim_without_event(ctx, d):
        return None
    _event_from_counted_noun(ctx, d)
    _resolve_source(ctx, d)
    _revise_event(ctx, d)
    if _no_one_on_the_move(ctx, d):
        return None
    _resolve_places(ctx, d)
    _moved_within_a_country(ctx, d)
    _origin_from_the_words(ctx, d)
    _origin_of_the_holders(ctx, d)
    _origin_of_the_largest_group(ctx, d)
    _places_from_earlier(ctx, st, d)
    _evacuated_from(ctx, st, d)
    _where_the_arrivals_set_off(ctx, st, d)
    _same_as_restated(ctx, st, d)
    _opposite_direction(ctx, d)
    _across_the_water(ctx, d)
    _places_from_story(ctx, st, d)
    _moved_on_inside(ctx, st, d)
    _origin_of_the_refugees(ctx, st, d)
    _back_to_the_host(ctx, d)
    _onward_from_where_they_arrived(ctx, st, d)
    _into_a_bloc(ctx, d)
    _waiting_to_cross(ctx, d)
    _resolve_time(ctx, st, d)
    _gapped_share_like_the_first(ctx, d)
    return _build_claim(ctx, d)


_OF_THEM_FROM = re.compile(r"\s+of\s+them\s+(?:came|come|were|are|was)\s+from\b")
# a part of the counted people and what it did: ", many of them to go back to Ukraine"
_PART_CLAUSE = re.compile(r",\s+(?:many|most|some|all|half|several)\s+of\s+them\b")
# what became of a share of people, its own event: "about 70% of the arrivals are staying
# with friends", "one in ten Russians arriving at the Narva crossing had been turned back"
_OWN_EVENTS_OF_A_SHARE = ("stock", "return", "onward", "asylum", "border_encounter", "casualty")
# "planning for N refugees to stay": the phrase and the verb of what is expected
_PREPARING_FOR = re.compile(
    r"(?:plan(?:s|ned|ning)?|prepar(?:e|es|ed|ing)|brac(?:e|es|ed|ing))\s+for"
)
_TO_VERB_AFTER = re.compile(r"(?:\s+from\s+[A-Z][\w’'-]+)?\s+to\s+([a-z]+)\b")
# the counted people are the hurt: "wounded people", "injured civilians"
_HURT_PEOPLE = re.compile(r"^(?:[\w-]+\s+)?(wounded|injured)\s+[a-z]")
_MOVES_OF_THE_HURT = ("arrival", "other", "stock")


# an existential "there were": "there were at least 300 people waiting on foot"
_THERE_WERE = re.compile(
    r"\b[Tt]here\s+(?:were|are|was|is|have\s+been|had\s+been)\s+(?:[\w-]+\s+){0,2}$"
)


# where the people of a "there were" stay: "in the line", "in our dormitory", "at the camp"
_THERE_IN_A_PLACE = re.compile(
    r"\s+(?:in|at|inside)\s+(?:the|our|a|one|this|that|his|her|their|my)\s+"
    r"(?!(?:plane|bus|boat|car|train|flight|ship|van|truck|lorry|vessel|dinghy|class|classroom"
    r"|school|team|family)s?\b)[a-z]"
)


def _resolve_event(ctx: _Ctx, st: _RunState, d: _Draft) -> None:
    """The figure's event: its trigger, or what a record-keeping verb, a running total, a
    change's subject, a harm or a death toll says it counts."""
    qd, q, pop, inherited, s, e = d.qd, d.q, d.pop, d.inherited, d.s, d.e
    prev_claim, out = d.prev_claim, st.out
    anchor = pop.start if pop is not None and not inherited else q.start
    ev = _event(ctx, qd, anchor, pop if not inherited else None, s, e, path_only=inherited)
    if ev is None and inherited and prev_claim is not None:
        ev = prev_claim.event  # "now their number has increased to about ten thousand"
    if _PUT_FIGURE_RE.search(ctx.text[max(s, q.start - 100) : q.start]) and out:
        own = _event(ctx, qd, anchor, None, s, e)
        if own is None or own.type == "other":
            ev = out[-1].event  # "Forbes later put the figure at 600,000 to 700,000"
    elif ev is None:
        ev = _event(ctx, qd, anchor, pop if not inherited else None, s, e)
    if q.start in st.event_totals:
        ev = st.event_totals[q.start]
    if pop is not None and not inherited:
        exist = _THERE_WERE.search(ctx.text, max(s, q.start - 30), q.start)
        ing = re.match(r"\s+([a-z]+ing)\b", ctx.text[pop.end : pop.end + 20]) if exist else None
        stem = _ing_form_of_trigger(ing.group(1), ctx.rules.verb_triggers) if ing else None
        if ing is not None and stem:
            # "there were at least 300 people waiting on foot": the participle is what the
            # people there were doing (not "I drove through Kyakhta yesterday")
            ps = pop.end + ing.start(1)
            ev = Event(ctx.rules.verb_triggers[stem], ing.group(1), ps, ps + len(ing.group(1)))
        elif ev is None and exist is not None and _THERE_IN_A_PLACE.match(ctx.text, pop.end, e):
            # "There were maybe forty Russians in the line that morning", "there were 18 men
            # in our dormitory": people staying somewhere, a stock (not "on the plane": a trip)
            w = re.match(r"[Tt]here\s+\w+", exist.group(0))
            if w is not None:
                xs, xe = exist.start(), exist.start() + w.end()
                ev = Event("stock", ctx.text[xs:xe], xs, xe)
    head = pop.text.split()[-1] if pop is not None else ""
    if pop is not None and head.lower() in ("bodies", "corpses"):
        ev = Event("casualty", head, pop.end - len(head), pop.end)  # "recovered 68 bodies"
    if ev is not None and pop is not None and not inherited and ev.end <= q.start:
        m_inf = _PREPARING_FOR.fullmatch(ev.text) and _TO_VERB_AFTER.match(ctx.text, pop.end, e)
        t_inf = ctx.tok_at(m_inf.start(1)) if m_inf else None
        if t_inf is not None and t_inf.lemma.lower() in ctx.rules.verb_triggers:
            # "planning for as many as 300,000 refugees to stay in the country": what the
            # planners expect the people to do
            ev = Event(ctx.rules.verb_triggers[t_inf.lemma.lower()], t_inf.text, t_inf.start,
                       t_inf.end)  # fmt: skip
    part = _PART_CLAUSE.search(ctx.text, q.end, ev.start) if ev is not None else None
    if ev is not None and part is not None:
        # "nearly 4,000 ... had since left the UK, many of them to go back to Ukraine": the
        # part's purpose is not the figure's event; the trigger before it is
        own = next(
            (t for t in ctx.toks_in(q.end, part.start())
             if t.pos in ("VERB", "AUX") and t.lemma.lower() in ctx.rules.verb_triggers
             and t.dep not in ("amod", "relcl", "acl")),
            None,
        )  # fmt: skip
        if own is not None:
            ev = Event(ctx.rules.verb_triggers[own.lemma.lower()], own.text, own.start, own.end)
    if ev is None and pop is not None and _NUMBER_OF_PEOPLE.search(
        ctx.text[max(s, pop.start - 16) : pop.start]
    ):
        # "brought the number of Guatemalans returned by air from the US this year to
        # 41,760": the participle after the counted people says what they did
        m = re.match(r"\s+([a-z]+(?:ed|ing))\b", ctx.text[pop.end : pop.end + 20])
        t = ctx.tok_at(pop.end + m.start(1)) if m is not None else None
        last = pop.text.split()[-1]
        if t is None and len(pop.text.split()) > 1 and last.endswith(("ed", "ing")):
            t = ctx.tok_at(pop.end - len(last))  # "the number of Rohingya living on ..."
        if t is not None and t.pos == "VERB" and t.lemma.lower() in ctx.rules.verb_triggers:
            ev = Event(ctx.rules.verb_triggers[t.lemma.lower()], t.text, t.start, t.end)
    hurt = _HURT_PEOPLE.search(pop.text) if pop is not None and not inherited else None
    if hurt is not None and pop is not None and (ev is None or ev.type in _MOVES_OF_THE_HURT):
        # "receiving between 50 and 100 wounded people a day", "had treated 791 wounded
        # patients": the harm is what is counted, not the hospital's intake
        h0 = pop.start + hurt.start(1)
        ev = Event("casualty", hurt.group(1), h0, h0 + len(hurt.group(1)))
    if (
        q.kind == "change"
        and pop is not None
        and not inherited
        and _NUMBER_OF_PEOPLE.search(ctx.text[max(s, pop.start - 16) : pop.start])
    ):
        # "the number of Venezuelans living in Colombia to rise by about 10%": what the
        # counted people do is the event, not the verb the change hangs on
        inner = next(
            (t for t in ctx.toks_in(pop.start, pop.end)
             if t.pos == "VERB" and t.lemma.lower() in ctx.rules.verb_triggers),
            None,
        )  # fmt: skip
        if inner is not None:
            ev = Event(ctx.rules.verb_triggers[inner.lemma.lower()], inner.text, inner.start,
                       inner.end)  # fmt: skip
    # "logged about 11 million crossings", "registered 128,500 returnees", "received
    # 118,756 asylum applications": a record-keeping verb counts events the noun names
    if (
        ev is not None
        and pop is not None
        and not inherited
        and (_lemma_at(ctx, ev.start) in ctx.rules.counting_verbs or q.kind == "share")
        and not (
            # "about 70% of the arrivals are staying with friends": what then became of
            # them is the share's own event
            q.kind == "share"
            and ev.start >= pop.end
            and ev.type in _OWN_EVENTS_OF_A_SHARE
            # ("had been turned back": a phrase on the verb)
            and (
                _lemma_at(ctx, ev.start) in ctx.rules.verb_triggers
                or ev.text.lower() in ctx.rules.phrase_triggers
            )
            and _segment(ctx.text, s, e, ev.start) == _segment(ctx.text, s, e, q.start)
        )
    ):
        # ... and "About 70% of this year's arrivals set off from Tunisia": a share of
        # arrivals is about arrivals
        ev = _noun_event(ctx, pop) or _participle_event(ctx, pop) or ev
    if q.kind == "change":
        own_subject = _change_subject_event(ctx, q)
        if own_subject is not None:
            ev = own_subject  # "crossings on its eastern frontier more than doubled"
    if (
        q.kind == "change"
        and prev_claim is not None
        and prev_claim.event is not None
        and ev is not None
        and ev.start < prev_claim.quantity.start
    ):
        ev = prev_claim.event  # "registered 128,500 returnees ..., nearly double ..."
    elif (
        prev_claim is not None
        and prev_claim.event is not None
        and _told_with_its_count(ctx, q, prev_claim)
    ):
        # "more than 1,700 people have been caught trying to reach Ceuta by swimming, up
        # nearly 60% on ...": the change of that count, whatever verbs come between
        ev = prev_claim.event
    if pop is not None and not inherited and ev is not None and ev.type in ("arrival", "other"):
        sent_back = _SENT_BACK_AFTER.match(ctx.text, pop.end, e)
        if sent_back is not None:
            # "Guatemala received 77,834 Guatemalans deported from the United States and
            # Mexico": what the received people went through is a return
            ev = Event("return", sent_back.group(1), sent_back.start(1), sent_back.end(1))
    if pop is not None and not inherited:
        hurt = _HARMED_AFTER.match(ctx.text[pop.end : min(e, pop.end + 30)])
        if hurt is not None:  # "more than 9,000 people still missing"
            hs = pop.end + hurt.start(1)
            ev = Event("casualty", hurt.group(1), hs, hs + len(hurt.group(1)))
    toll = _DEATH_TOLL_RE.search(ctx.text[max(s, q.start - 120) : q.start])
    if toll is not None and pop is None:
        ts = max(s, q.start - 120) + toll.start("t")
        ev = Event("casualty", toll.group("t"), ts, ts + len(toll.group("t")))
    if ev is None and pop is not None and not inherited:
        ev = _verb_word_after(ctx, pop, e)
    own = _whole_own_clause(ctx, q, pop, inherited, e)
    if own is not None:
        # "sent back about 7,200 of the roughly 10,000 people who swam or waded into its
        # enclave": the whole's own relative clause says what it did
        t = ctx.tok_at(own.start("v"))
        lem = t.lemma.lower() if t is not None else own.group("v")
        kind = ctx.rules.verb_triggers.get(lem)
        if kind is not None and t is not None and t.pos in ("VERB", "AUX"):
            ev = Event(kind, own.group("v"), own.start("v"), own.end("v"))
    if ev is not None:
        ev = _unless_negated(ctx, ev, s, e)
    left = _LEFT_A_VEHICLE.match(ctx.text, ev.start, e) if ev is not None else None
    if left is not None and _lemma_at(ctx, ev.start) == "leave":
        # "roughly 21,500 left the train in Petropavl": they got off there (arrived)
        ev = Event("arrival", left.group(0), ev.start, ev.start + len(left.group(0)))
    if (
        ev is not None
        and ev.type == "departure"
        and _lemma_at(ctx, ev.start) in ("drive", "fly", "walk", "sail")
        and _IN_AS_A_PARTICLE.match(ctx.text, ev.end)
    ):
        ev = Event("arrival", ev.text, ev.start, ev.end)  # "have driven in over the same period"
    d.ev = ev


def _unless_negated(ctx: _Ctx, ev: Event, s: int, e: int) -> Event:
    """A movement the sentence denies is not what the people did; its conjunct is ("About
    4,000 Venezuelans ... have not gone back and are sleeping in parks": a stock)."""
    t = ctx.tok_at(ev.start)
    if t is None or not any(c.head == t.i and c.dep == "neg" for c in ctx.toks_in(s, e)):
        return ev
    conj = next(
        (c for c in ctx.toks_in(t.end, e)
         if c.head == t.i and c.dep == "conj" and c.pos in ("VERB", "AUX")
         and c.lemma.lower() in ctx.rules.verb_triggers),
        None,
    )  # fmt: skip
    if conj is None:
        return ev
    return Event(ctx.rules.verb_triggers[conj.lemma.lower()], conj.text, conj.start, conj.end)


# "driven in" (a particle, not "in a convoy", "in Moscow")
_IN_AS_A_PARTICLE = re.compile(r"\s+in\b(?!\s+(?:a|an|the|their|his|her|[A-Z]))")
# getting off a vehicle: "left the train in Petropavl"
_LEFT_A_VEHICLE = re.compile(
    r"\w+\s+(?:the|their)\s+(?:train|trains|bus|buses|plane|planes|ship|ships|ferry|ferries|"
    r"boat|boats|flight|flights)\b(?=\s+(?:in|at)\b)"
)
# the whole of a part, with its relative clause: "of the roughly 10,000 people who swam"
_OF_THE_BEFORE = re.compile(r"\b[Oo]f\s+(?:the|those|these|some|all)\s+(?:[a-z]+\s+)?$")
_WHOLE_CLAUSE = re.compile(
    r"\s+(?:who|that)\s+(?:had\s+|have\s+|has\s+|were\s+|was\s+)?(?:already\s+)?"
    r"(?P<v>[a-z]+)\b(?P<rest>[^,;]{0,120})"
)


def _whole_own_clause(
    ctx: _Ctx, q: Quantity, pop: Span | None, inherited: bool, e: int
) -> re.Match[str] | None:
    """The relative clause of a figure that is the whole a part is taken of ("about 7,200
    of the roughly 10,000 people who swam ...", "Of the roughly 190,000 Afghans who entered
    ... since August 15, only about 30% ...")."""
    if pop is None or inherited or pop.start < q.end:
        return None
    if not _OF_THE_BEFORE.search(ctx.text, max(0, q.start - 40), q.start):
        return None
    return _WHOLE_CLAUSE.match(ctx.text, pop.end, e)


# the people, a rate and adverbs, then a movement verb the parser took for a noun:
# "Between 2,500 and 3,000 Russians a week still land at Almaty International Airport"
_VERB_WORD_AFTER = re.compile(
    r"(?:\s+(?:a|per|each|every)\s+(?:day|week|month|night))?"
    r"(?:\s+(?:still|now|also|already|regularly|typically|usually|often))*"
    r"\s+(?P<v>[a-z]+)\s+(?:at|in|into|to|on|across|through|from|back|home)\b"
)


def _verb_word_after(ctx: _Ctx, pop: Span, e: int) -> Event | None:
    """A movement verb right after the counted people, when the parse gave no verb there
    (it read "land" in "... Russians a week still land at ..." as a noun)."""
    m = _VERB_WORD_AFTER.match(ctx.text, pop.end, e)
    if m is None:
        return None
    t = ctx.tok_at(m.start("v"))
    word = m.group("v")
    if t is None or t.pos in ("VERB", "AUX"):
        return None  # a verb the parse saw was already weighed (and not taken)
    kind = ctx.rules.verb_triggers.get(word)
    if kind is None or word in ctx.rules.path_only_verbs:
        return None
    return Event(kind, word, m.start("v"), m.end("v"))


_PART_OF_THE = re.compile(r"\s+of\s+(?:the|these|those)\s+(?:[\w-]+\s+)?$")
# the finite verb right after the group: "... of the new arrivals had already moved on"
_VERB_AFTER_PART = re.compile(
    r"\s+(?:(?:had|have|has|were|was|are)\s+)?(?:already\s+|since\s+|now\s+)?([a-z]+\s+(?:on|back|home))\b"
)


def _part_went_on(ctx: _Ctx, ev: Event | None, group: Span, e: int) -> bool:
    """"40,000 of the new arrivals had already moved on": a part of a group named by an
    event noun, followed by what that part then did (an onward move, a return, a
    departure) - that verb is the event, not the noun naming the group."""
    return (
        ev is not None
        and ev.type in ("onward", "return", "departure")
        and ev.start >= group.end
        and _PART_OF_THE.search(ctx.text[max(0, group.start - 20) : group.start]) is not None
        and _VERB_AFTER_PART.match(ctx.text, group.end, e) is not None
    )


def _resolve_part(ctx: _Ctx, d: _Draft) -> None:
    """A count or share of a part ("four in five of them are returnees"): the part is the
    population, and may name the event."""
    q, e, ev = d.q, d.e, d.ev
    if q.kind in ("count", "share"):
        part = _part_population(ctx, q, e)
        if (
            part is not None
            and q.kind == "share"
            and not re.match(r"\s+of\s+(?:them|these)\b", ctx.text[q.end : q.end + 12])
        ):
            # "about 90% of the newcomers are women and children": a share is of the
            # whole; only "of them are returnees" says who the whole was
            part = None
        if (
            part is not None
            and q.kind == "share"
            and part.text.split()[0].lower() in ctx.rules.demographic_words
        ):
            part = None  # "roughly a third of them were children": an age or sex, not who
        if part is not None:
            d.pop, d.inherited = part, False
            stayed = (
                ev is not None
                and ev.type == "stock"
                and _lemma_at(ctx, ev.start) in ctx.rules.verb_triggers
                and not _OF_THEM_ARE.match(ctx.text, q.end, q.end + 25)
            )  # "about 9,000 of the new arrivals had stayed in Atyrau region": a stay
            if not _part_went_on(ctx, ev, part, e) and not stayed and (
                ev is None
                or ev.start > q.end
                or _OF_THEM_ARE.match(ctx.text, q.end, q.end + 25)
            ):
                # "four in five of them are returnees" (not "would move 1,000 of the new
                # arrivals to reception centres": the verb before the figure acts on it)
                d.ev = _noun_event(ctx, part) or ev


def _resolve_population(ctx: _Ctx, d: _Draft) -> None:
    """The population the claim keeps: none for a bare inherited figure or a change; "of
    those who ..." for a share; the people in "encounters with Venezuelans"."""
    q, inherited, s, e = d.q, d.inherited, d.s, d.e
    pop, ev = d.pop, d.ev
    if inherited and not re.search(
        r"\b(?:their|the|this|that)\s+(?:number|figure|total|count)\b",
        ctx.text[s : q.start],
    ):
        pop = None  # a bare figure keeps no population unless it says "their number"
    people_number = (
        pop is not None
        and not inherited
        and _NUMBER_OF_PEOPLE.search(ctx.text[max(s, pop.start - 16) : pop.start]) is not None
        and _is_people({"text": pop.text.split()[0], "head": pop.text.split()[0]}, ctx)
        and pop.text.split()[-1].lower() not in ctx.rules.all_event_nouns
    )
    if q.kind == "change" and not people_number:
        # (but "the number of Russians entering each day has risen by 75%": a change of
        # those people)
        pop = None
    elif q.kind == "change" and pop is not None:
        cut = _PEOPLE_HEAD_RUN.match(pop.text)
        if cut is not None:
            pop = Span(cut.group(1), pop.start, pop.start + len(cut.group(1)))  # "Russians"
    if pop is None and q.kind == "share":
        m = re.match(
            r"\s+of\s+(those\s+(?:who\s+)?[a-z]+(?:\s+(?:there|here|in|to)\b)?)",
            ctx.text[q.end : e],
        )
        if m:
            ps = q.end + m.start(1)
            pop = Span(m.group(1), ps, ps + len(m.group(1)))
    if pop is not None and re.match(r"more\s+\S", pop.text):
        # "2,010 more Rohingya", "Thousands more people fleeing the war": the people, not
        # the comparison (labels: 2 to 0)
        pop = Span(pop.text[5:].lstrip(), pop.end - len(pop.text[5:].lstrip()), pop.end)
    if pop is not None and re.match(r"(?:of|and)\s", pop.text):
        # "About a third of them were minors", "India with 990,000 and Laos": no noun of
        # the figure's own
        pop = None
    m_ev = re.match(r"(\w+)\s+(?:with|of)\s+(.+)$", pop.text) if pop is not None else None
    if m_ev and m_ev.group(1).lower() in ctx.rules.event_nouns and pop is not None:
        # "Encounters with Venezuelans rose to more than 187,000"
        typ = ctx.rules.noun_triggers.get(m_ev.group(1).lower())
        if typ:
            ev = Event(typ, m_ev.group(1), pop.start, pop.start + len(m_ev.group(1)))
        ps = pop.start + m_ev.start(2)
        pop = Span(m_ev.group(2), ps, ps + len(m_ev.group(2)))
    if (
        ev is not None
        and ev.type == "arrival"
        and ev.text.lower() == "registered"
        and re.search(
            r"\b(?:are|is)\s+(?:\w+\s+)?$", ctx.text[max(s, ev.start - 15) : ev.start]
        )
    ):
        ev = Event("stock", ev.text, ev.start, ev.end)  # "are registered with UNHCR"
    if pop is not None and pop.text.split()[-1].lower() in ("encounters", "apprehensions"):
        m = re.match(r"\s+with\s+((?:[A-Z]\w+\s+)?[a-z]+|[A-Z]\w+)", ctx.text[pop.end : e])
        if m and not _is_people({"text": m.group(1), "head": m.group(1).split()[-1]}, ctx):
            # "with Ecuadorians at"
            m = re.match(r"\s+with\s+([A-Z]\w+)", ctx.text[pop.end : e])
        if m and _is_people({"text": m.group(1), "head": m.group(1).split()[-1]}, ctx):
            ps = pop.end + m.start(1)
            pop = Span(m.group(1), ps, ps + len(m.group(1)))
    if pop is not None and pop.text.split()[-1].lower() in ctx.rules.document_heads:
        pop = None  # "44,600 visas were granted to Ukrainians": papers, not the people
    d.pop, d.ev = pop, ev


def _bare_share_opening(ctx: _Ctx, q: Quantity, s: int) -> bool:
    """Does the share open its sentence or a clause after ", and" / ", while", followed
    by a verb rather than "of"?"""
    before = ctx.text[s : q.start]
    opens = before.strip() == "" or re.search(r",\s+(?:and|while|but)\s+$", before) is not None
    return opens and not re.match(r"\s+of\b", ctx.text[q.end : q.end + 4])


# a sentence that speaks of the figure before it: "That is nearly five times the ...",
# "That compares with 1,740 in ...", "This is up about 40% from a year earlier"
_THAT_IS_OPENING = re.compile(
    r"[\"“]?(?:That|This|It)\s+(?:is|was|compares|compared|represents|marks|means|would\s+be)\b"
    r"[^.;:]{0,60}"
)


def _story_event(ctx: _Ctx, st: _RunState, d: _Draft) -> None:
    """The event a figure takes from the claims before it (the story's tally, "of them", a
    subset) or from the words after it ("are among the arrivals")."""
    q, pop, inherited, s, e = d.q, d.pop, d.inherited, d.s, d.e
    prev_claim, ev = d.prev_claim, d.ev
    # "The tally rose to 14,000", "Nearly half of them are children": a figure about
    # the story's last claim takes its event and places
    story = next(
        (
            c for c in reversed(st.out)
            if c.sentence.start >= _sentence_back(ctx, s, 2)
            and c.quantity.start not in ctx.group_figures
        ),
        None,
    )  # fmt: skip
    tally = _TALLY_RE.search(ctx.text[max(s, q.start - 80) : q.start])
    anaphor = story is not None and (
        tally is not None
        or (
            (
                q.kind == "share"
                or (q.kind == "count" and story.sentence.start == s)
                # "More than 350,000 Ukrainians have crossed into Moldova ... About 97,000
                # of them are still in the country": the same people, staying or applying
                or (
                    q.kind == "count"
                    and re.match(r"\s+of\s+them\b", ctx.text[q.end : q.end + 10]) is not None
                    and ev is not None
                    and ev.type in ("stock", "asylum")
                )
            )
            and _OF_PRONOUN.match(ctx.text, q.end, q.end + 20)
            is not None
        )
        # "Roughly two-thirds live in Almaty or Astana": a bare share opening its clause is
        # a share of the people just counted
        or (q.kind == "share" and pop is None and _bare_share_opening(ctx, q, s))
        # "Guineans, at about 11,000, and Ivorians, at 10,500, were the largest
        # nationalities": a nationality's part of the story's figure
        or (q.kind == "count" and pop is not None and _group_with_figure(ctx, q, s) is not None)
        # "In all of August, 2,315 had done so": the story's movement said again
        or (
            q.kind == "count"
            and pop is None
            and _PRO_VERB_AFTER.match(ctx.text, q.end) is not None
        )
        # "Of those, about 41,000 crossed at ...": a part of the people just counted
        or (
            q.kind in ("count", "share")
            and (pop is None or inherited)
            and _FRONTED_OF_THOSE.fullmatch(ctx.text, s, q.start) is not None
        )
        # "That is almost triple the number displaced by the Gu rains", "That compares with
        # 1,740 in the whole of 2022": a sentence about the figure just told
        or (
            (pop is None or inherited)
            and story.sentence.start < s
            and _THAT_IS_OPENING.fullmatch(ctx.text, s, q.start) is not None
        )
    )  # "750,000 have crossed into Moldova ..., and about 107,000 of them are still there"
    if (
        tally is not None
        and story is not None
        and ev is not None
        and ev.start < max(s, q.start - 80) + tally.start()
    ):
        ev = story.event  # "logged 3,000 arrivals a day ..., before numbers eased to 1,500"
    if ev is None and anaphor and story is not None:
        ev = story.event
    elif (
        anaphor
        and story is not None
        and story.event is not None
        and ev is not None
        and q.kind == "share"
        and story.sentence.start == s
        and (
            ev.start < story.quantity.start
            # "received 61,307 asylum requests ..., and that nine in ten of them came from
            # Nicaraguans": where the part came from, not a movement of its own
            or _OF_THEM_FROM.match(ctx.text, q.end, e) is not None
        )
    ):
        # "Asylum applications reached 99,861 ..., and Haitians and Cubans accounted for
        # nearly half of them": the whole's verb is not the part's event, the whole's is
        ev = story.event
    if ev is None and q.start in st.default_events:
        ev = st.default_events[q.start]
    if ev is None and story is not None and story.event is not None and pop is not None:
        rec = _WORD_BEFORE_FIGURE.search(ctx.text, max(s, q.start - 30), q.start)
        if rec is not None and _lemma_at(ctx, rec.start(1)) in ctx.rules.recording_verbs:
            # "agents encountered about 7,300 Russian nationals ... A year earlier, the
            # agency recorded 611 Russians": the story's events, counted again
            nat, _ = _nationality(ctx, pop)
            if (nat is not None and story.origin is not None and nat.code == story.origin.code) or (
                nat is None and _story_people(ctx, pop)
            ):
                ev = story.event
    after_fig = pop.end if pop is not None and not inherited else q.end
    among = _AMONG_RE.match(ctx.text[after_fig:e])
    if among is not None and among.group(1).lower() in ctx.rules.noun_triggers:
        # "about 95,000 Sudanese refugees are among the arrivals": counted in those events
        a0 = after_fig + among.start(1)
        ev = Event(ctx.rules.noun_triggers[among.group(1).lower()], among.group(1), a0,
                   a0 + len(among.group(1)))  # fmt: skip
    if (
        ev is None
        and prev_claim is not None
        and _SUBSET_BEFORE_RE.search(ctx.text[max(s, q.start - 40) : q.start])
    ):
        ev = prev_claim.event  # "the death toll rose to 1,314, including 458 children"
    d.story, d.tally, d.anaphor, d.ev = story, tally, anaphor, ev


# the word right before a figure (past a hedge): "the agency recorded 611 Russians"
_WORD_BEFORE_FIGURE = re.compile(
    r"\b([A-Za-z]+)\s+(?:about\s+|some\s+|nearly\s+|more\s+than\s+|just\s+|only\s+)?$"
)


# what carries people across borders: airports, airlines, flights, ferries
_TRAVEL_CARRIER = re.compile(
    r"\b(?:airports?|airlines?|flights?|ferry|ferries|sailings?|carriers?|charters?|"
    r"coach\s+operator|border\s+crossings?|trains?)\b",
    re.I,
)
# a border post as the one that handles people: "Qustul ... is handling between 2,000 and
# 2,500 people a day", "border officers at the post have been clearing about 4,900 people"
_BORDER_POINT = re.compile(
    r"\b(?:posts?|checkpoints?|crossing\s+points?|border\s+crossings?|crossings?)\b", re.I
)


def _passengers_carried(ctx: _Ctx, d: _Draft) -> None:
    """"Graz Airport handled 1,064,200 passengers", "the ferry carried about 1,300
    passengers": travellers carried by a port or a line are people moved (fixtures/README:
    the airport and tourism articles). From a named country they arrive; "departing"
    passengers leave; else the movement is ``other``."""
    if d.ev is not None or d.pop is None:
        return
    words = d.pop.text.lower().split()
    if words[-1] not in ("passengers", "travellers", "travelers", "people"):
        return
    noun = ctx.tok_at(d.pop.end - len(words[-1]))
    if noun is None or not 0 <= noun.head < len(ctx.toks):
        return
    if noun.dep == "conj" and ctx.toks[noun.head].pos == "NUM":
        # "handling between 2,000 and 2,500 people a day": the parse hangs the noun on the
        # range's first number, the verb's object
        noun = ctx.toks[noun.head]
        if not 0 <= noun.head < len(ctx.toks):
            return
    verb = ctx.toks[noun.head]
    if noun.dep != "dobj" or verb.pos != "VERB":
        return
    if verb.lemma.lower() not in ctx.rules.carrying_verbs:
        return
    subj = next(
        (c for c in ctx.toks_in(d.s, verb.start) if c.head == verb.i and c.dep == "nsubj"), None
    )
    # the words naming who handles them: the subject and what hangs on it ("border officers
    # at the post", "Qustul, east of Lake Nasser,")
    who = ctx.text[max(d.s, subj.start - 40) : verb.start] if subj is not None else ""
    at_border = _BORDER_POINT.search(who) is not None or (
        # "Qustul, east of Lake Nasser, is handling ...": a named crossing point
        subj is not None
        and any(g[3] == "place" and g[0] <= subj.start < g[1] for g in ctx.geo)
        and verb.lemma.lower() in ("handle", "clear", "process")
        and not _TRAVEL_CARRIER.search(who)  # (not "Graz Airport handled 1,064,200 ...")
    )
    if words[-1] == "people" and not (at_border or _TRAVEL_CARRIER.search(who)):
        return  # "the agency has helped 3,000 people": people handled by no carrier
    if any(
        c.head == verb.i and c.dep == "aux" and c.lemma.lower() in ("can", "could", "may", "might")
        for c in ctx.toks_in(max(d.s, verb.start - 20), verb.start)
    ):
        return  # "Each barge can carry up to 1,400 passengers": a capacity
    if not (at_border or _TRAVEL_CARRIER.search(ctx.text, d.s, d.e)):
        return  # "The city's transit company carried about 1.1 million passengers a day"
    typ = "arrival" if at_border else "other"
    geo = _geo_in(ctx, d.s, d.e)
    frm = next((g[2] for g in geo if _from_just_before(ctx, d.s, g[0])), None)
    to = next(
        (g[2] for g in geo if re.search(r"\bto\s+$", ctx.text[max(d.s, g[0] - 4) : g[0]])), None
    )
    if any(w in ("departing", "outbound", "outgoing") for w in words):
        typ = "departure"
    elif frm is not None and frm == to:
        pass  # "Free trains from Przemysl to Krakow ... carried more than 21,000 people"
    elif (
        any(w in ("arriving", "inbound", "incoming") for w in words)
        # "its flights from Russia carried 2,150 passengers", "handled about 612,000 Russian
        # passengers": people of another country brought in
        or re.search(
            r"\bfrom\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|"
            r"September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
            r"Saturday|Sunday)\b)[A-Z]",
            ctx.text[d.s : d.e],
        )
        or any(ctx.gaz.is_demonym(w) for w in d.pop.text.split()[:-1])
    ):
        typ = "arrival"
    d.ev = Event(typ, verb.text, verb.start, verb.end)


# "Men make up more than half of the Russian permit holders in the city", "Children make up
# more than half of the island's population": a share of the people living somewhere
_OF_RESIDENTS_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?P<w>population|residents|inhabitants|holders|permit\s+holders)\b"
)


def _share_of_residents(ctx: _Ctx, st: _RunState, d: _Draft) -> None:
    """A share that a group makes up of the people living somewhere is a stock, in a story
    of people on the move (not a census: "Women make up 51.5% of the population")."""
    if d.ev is not None or d.q.kind != "share" or not st.out:
        return
    if not MAKING_UP_BEFORE.search(ctx.text[max(d.s, d.q.start - 24) : d.q.start]):
        return
    m = _OF_RESIDENTS_AFTER.match(ctx.text, d.q.end, d.e)
    if m is not None:
        d.ev = Event("stock", m.group("w"), m.start("w"), m.end("w"))


# "about 2,200 people were at Lajas Blancas", "about 1,200 people are now in the centre"
_BE_AT_AFTER = re.compile(
    r"\s+(?P<v>(?:were|are|was|is)\s+(?:now\s+|still\s+|already\s+)?(?:at|in|inside))\s+"
    r"(?:the\s+|a\s+|its\s+|their\s+)?(?:[A-Z]|[a-z]+\s+(?:camp|centre|center|site|shelter|"
    r"hall|hotspot|station|camps|centres|sites|shelters))"
)


def _people_at_a_place(ctx: _Ctx, d: _Draft) -> None:
    """"On Monday about 2,200 people were at Lajas Blancas", "says about 1,200 people are
    now in the centre": people counted where they are (a stock; the labels agree 12 of
    12)."""
    if d.ev is not None or d.pop is None or d.inherited or d.pop.start < d.q.end:
        return
    if not _is_people({"text": d.pop.text, "head": d.pop.text.split()[-1]}, ctx):
        return
    m = _BE_AT_AFTER.match(ctx.text, d.pop.end, d.e)
    if m is not None:
        d.ev = Event("stock", m.group("v"), m.start("v"), m.end("v"))


def _residents_of_the_sites(ctx: _Ctx, d: _Draft) -> None:
    """"The largest sites are Bulengo, with about 93,700 residents, Rusayo, with about
    81,200, ...": the residents of camps or sites named in the sentence are a stock (not
    "Tbilisi, with about 1.2 million residents": no camp or site)."""
    if d.ev is not None or not re.search(
        r",?\s+with\s+$", ctx.text[max(d.s, d.q.start - 8) : d.q.start]
    ):
        return
    if d.pop is not None and d.pop.text.split()[-1].lower() not in ("residents", "people"):
        return
    site = _SITE_WORD.search(ctx.text, d.s, d.q.start)
    if site is not None:
        d.ev = Event("stock", site.group(0), site.start(), site.end())


_SITE_WORD = re.compile(
    r"\b(?:camps?|sites?|settlements?|(?:reception\s+)?cent(?:re|er)s?|shelters?)\b"
)


def _no_one_on_the_move(ctx: _Ctx, d: _Draft) -> bool:
    """"48,900 people were waiting for operations", "The arena holds 19,370", "received a
    record 41,236 applications" in an article with no word of migration, borders or camps
    and no nationality counted: no one on the move ("About 400,000 Syrians are registered
    in Jordan" stays; so do passengers an airport handled; a text of a few sentences says
    too little about its story)."""
    return (
        d.ev is not None
        and d.ev.type in _NOT_TRAVEL_EVENTS
        and len(ctx.sents) >= _STORY_SENTENCES
        and not _migration_story(ctx)
        and not _counts_a_nationality(ctx, d.pop)
        # (an "other" with no noun of its own is the change or the next figure of the
        # people before it: "handled 1,064,200 passengers in 2023, up 18%")
        and not (
            d.ev.type == "other"
            and (d.pop is None or _travellers(d.pop) or _PASS_THROUGH.fullmatch(d.ev.text))
        )
    )


# the events that need a story of migration to be one: people where they are, papers
# applied for, people stopped, moved about inside an institution
_NOT_TRAVEL_EVENTS = frozenset({"stock", "asylum", "border_encounter", "other"})


def _travellers(pop: Span | None) -> bool:
    """Does the population name travellers ("passengers", "foreign visitors")?"""
    return pop is not None and pop.text.split()[-1].lower() in (
        "passengers", "travellers", "travelers", "visitors", "tourists", "guests",
    )


def _housed(ctx: _Ctx, d: _Draft) -> None:
    """"The group had found beds for about 1,200 Russian men": people given beds or housing
    are where they stay (a stock), whose verb is the finding."""
    if d.ev is not None:
        return
    m = _HOUSED_BEFORE.search(ctx.text, max(d.s, d.q.start - 50), d.q.start)
    if m is not None:
        verb = m.group(0).split()[0]  # the pattern opens on the verb ("found", "provided")
        d.ev = Event("stock", verb, m.start(), m.start() + len(verb))


def _no_claim_without_event(ctx: _Ctx, d: _Draft) -> bool:
    """Without an event only a count of displaced people is a claim."""
    if d.ev is not None:
        return False
    q, pop, e = d.q, d.pop, d.e
    head = pop.text.split()[-1].lower() if pop is not None else ""
    return head not in ctx.rules.displaced_heads and not re.search(
        r"\bfrom\s+[A-Z]", ctx.text[q.end : min(e, q.end + 40)]
    )


def _event_from_counted_noun(ctx: _Ctx, d: _Draft) -> None:
    """A population that names events ("daily border crossings"): the events are the event,
    and events are no population."""
    q, inherited = d.q, d.inherited
    pop, ev = d.pop, d.ev
    # a change of "the number of daily border crossings": the crossings are the event
    if pop is not None and pop.text.split()[-1].lower() in ctx.rules.event_nouns:
        head = pop.text.split()[-1]
        hs = pop.end - len(head)
        typ = ctx.rules.noun_triggers.get(head.lower(), "other")
        stays = (
            ev is not None
            and ev.type == "stock"
            and (
                _lemma_at(ctx, ev.start) in ctx.rules.verb_triggers
                # ("1,200 new arrivals spent Tuesday night in the sports hall": a stay phrase)
                or ev.text.lower() in ctx.rules.phrase_triggers
            )
            and _lemma_at(ctx, ev.start) not in ctx.rules.counting_verbs
        )  # "50,000 recent arrivals were living unregistered": where they now are
        if ev is None or (
            q.kind == "count" and not inherited and ev.start > pop.end and not stays
            and not _part_went_on(ctx, ev, pop, d.e)
        ):
            # "sea arrivals top 30,000 as boats keep landing": the counted events are the
            # event, not a verb further on
            ev = Event(typ, head, hs, pop.end)
        if q.kind == "change":
            pop = None  # a change of crossings: no population (fixtures/README)
    if pop is not None and pop.text.split()[-1].lower() in ctx.rules.event_nouns_not_people:
        pop = None  # "logged 11 million crossings": events, not people (fixtures/README)
    d.pop, d.ev = pop, ev


# (not "according to the agency, which said the number had risen by 12%": its report)
_WHO_CLAUSE_OF_SPEAKER = re.compile(
    r",\s+(?:who|which)\s+(?![^,;:]*\b(?:said|says|told|tells|reported|estimated|estimates|"
    r"announced|added|counted|recorded)\b)[^,;:]{0,60}"
)


_REPORTING_BETWEEN = re.compile(
    r"\b(?:said|says|told|tells|according\s+to|reported|estimated|announced)\b|[;:]"
)


# between a figure and its baseline: "6,470 ... on Thursday, up from (about) 4,800"
_BASELINE_AFTER_FIGURE = re.compile(r"[^,;:]{0,60},\s+(?:up|down)\s+from\s+")


def _told_with_its_count(ctx: _Ctx, q: Quantity, prev: Claim) -> bool:
    """Is the change ``q`` set right after the count ``prev`` of its sentence, with no
    report between them ("... 46,500 Russian citizens had entered ..., more than twice
    the usual number")? Then it shares that count's event and source."""
    return (
        q.kind == "change"
        and prev.quantity.end <= q.start
        and _UP_DOWN_BEFORE.search(ctx.text, prev.quantity.end, q.start) is not None
        and not _REPORTING_BETWEEN.search(ctx.text, prev.quantity.end, q.start)
    )


def _baseline_of(ctx: _Ctx, q: Quantity, s: int, prev: Claim) -> bool:
    """Is the count ``q`` the baseline set right after ``prev`` of its sentence, with no
    report between them ("Finland's Border Guard said 6,470 Russians entered the country on
    Thursday, up from about 4,800 on Wednesday")? Then whoever told the figure told it."""
    return (
        prev.sentence.start == s
        and prev.quantity.end <= q.start
        and _BASELINE_AFTER_FIGURE.fullmatch(ctx.text, prev.quantity.end, q.start) is not None
        and not _REPORTING_BETWEEN.search(ctx.text, prev.quantity.end, q.start)
    )


def _resolve_source(ctx: _Ctx, d: _Draft) -> None:
    """Who the figure is attributed to (remembered on ``ctx`` for the figures after it)."""
    src = _source(ctx, d.qd, d.s, d.e)
    if (
        src is not None
        and src.end <= d.q.start
        and _WHO_CLAUSE_OF_SPEAKER.fullmatch(ctx.text, src.end, d.q.start)
    ):
        # "Texas Governor Greg Abbott, who has bused about 17,800 migrants ..., said on
        # Friday that ...": the reporter's own description of the speaker, not his report
        d.src = None
        return
    if src is not None and src.start <= d.q.start < src.end:
        # "About half of those who deregistered said they were going back": the people
        # counted are the ones who said it, not a source
        d.src = None
        return
    prev = d.prev_claim
    if (
        prev is not None
        and prev.source is not None
        and (_told_with_its_count(ctx, d.q, prev) or _baseline_of(ctx, d.q, d.s, prev))
    ):
        # "the interior ministry in Tashkent said ... about 46,500 Russian citizens had
        # entered ..., more than twice the usual number": the change is told with its count
        src = prev.source
    if src is not None and src.kind == "organization":
        ctx.last_org = src
        ctx.orgs_seen.append(src)
    if src is not None:
        ctx.last_source = src
    d.src = src


# a flow of people into a place: "The flow of refugees into Egypt", "the influx of migrants"
_FLOW_OF = re.compile(r"\b(flow|influx|stream)\s+of\s+\w")


# the share's own verb: where they set off from ("... of the arrivals had set off from")
_SET_OFF_FROM = re.compile(
    r"[^.;:,]{0,60}?\b(?:had\s+|have\s+)?(?P<v>(?:set\s+(?:off|out|sail)|sailed|departed)"
    r"\s+from)\b"
)
# what the counted arrivals did next: "had been biometrically registered"
_REGISTERED_AFTER = re.compile(
    r"\s+(?:have\s+|has\s+|had\s+)?(?:been\s+)?(?:\w+ly\s+)?(?P<v>registered)\b"
)
_PASS_THROUGH = re.compile(r"(?i:pass(?:es|ed|ing)?\s+through)")
# a journey going on beyond the place passed through
_ON_THE_WAY = re.compile(
    r"\b(?:on\s+(?:their|the|its|his|her)\s+way|en\s+route|in\s+transit|bound\s+for|"
    r"heading\s+(?:to|for|north|south)|onward|to\s+(?:other|third)\s+countries)\b",
    re.I,
)


def _revise_event(ctx: _Ctx, d: _Draft) -> None:
    """Last readings of the event from the words around it: "people from Russia" (an
    arrival), a coast guard's returns (interceptions), crossings "in both directions"."""
    q, s, e, ev = d.q, d.s, d.e, d.ev
    # "people from Russia every day" with no verb: people arriving where the source is
    if ev is None and re.search(r"\bfrom\s+[A-Z]", ctx.text[q.end : min(e, q.end + 40)]):
        m = re.search(r"\bfrom\s+[A-Z][\w’']+", ctx.text[q.end : min(e, q.end + 40)])
        if m:
            ev = Event("arrival", m.group(0), q.end + m.start(), q.end + m.end())
    flow = _FLOW_OF.search(ctx.text, s, q.start)
    if flow is not None and (ev is None or (ev.type == "stock" and ev.start > flow.start())):
        # "The flow of refugees into Egypt slowed to about 2,000 a day": the people moving,
        # not the refugees as a stock
        ev = Event("arrival", flow.group(1), flow.start(1), flow.end(1))
    if (
        ev is not None
        and ev.type == "return"
        and re.search(r"\bcoast\s*guard\b", ctx.text[s : ev.start], re.I)
    ):
        # "Libya's coast guard returned 32,425 to its shores": an interception (README)
        ev = Event("border_encounter", ev.text, ev.start, ev.end)
    if ev is not None and re.search(
        r"\bin\s+both\s+directions\b", ctx.text[q.end : min(e, q.end + 80)]
    ):
        ev = Event("other", ev.text, ev.start, ev.end)  # crossings both ways: not arrivals
    if ev is not None and ev.type == "asylum" and _papers_not_protection(ctx, ev, s, e):
        # "Montenegro granted temporary residence permits to 7,412 Russians", "received
        # 7,800 applications" in a story of BN(O) visas: papers to stay, not protection
        # (fixtures/README: other)
        ev = Event("other", ev.text, ev.start, ev.end)
    if (
        ev is not None
        and ev.type == "arrival"
        and _lemma_at(ctx, ev.start) == "move"
        and re.match(r"\s+(?:in\s+with|into|in\s+to|out\s+of)\s+(?:the\s+|their\s+|new\s+)?[a-z]",
                     ctx.text[ev.start + len(ev.text.split()[0]) : ev.end + 30])
    ):
        # "only about 6,800 have moved into communities", "moved in with relatives in
        # neighbouring camps": housing, not a crossing (fixtures/README: other)
        ev = Event("other", ev.text, ev.start, ev.end)
    if (
        ev is not None
        and ev.type == "border_encounter"
        and _lemma_at(ctx, ev.start) == "process"
        and not _ENCOUNTER_KEEPERS.search(ctx.text, s, e)
        and not re.search(r"\b(?:regist\w*|biometric\w*)", ctx.text[s:e])  # (registration)
        and not (d.pop is not None and d.pop.text.split()[-1].lower() in ("migrants", "migrant"))
    ):
        # "Kazakh border guards processed about 2,700 people on Sunday", "we processed 2,340
        # passengers with Russian passports at Zvartnots": travellers let in at a crossing
        # (US agents "processed more than 53,000 migrants": encounters)
        ev = Event("arrival", ev.text, ev.start, ev.end)
    if (
        ev is not None
        and ev.type == "onward"
        and _PASS_THROUGH.fullmatch(ev.text)
        and not _ON_THE_WAY.search(ctx.text, ev.end, e)
    ):
        # "about 19,000 people passed through Masnaa", "15,000 to 20,000 people a day were
        # passing through" (Torkham, in a story of returns): the story's crossing, not a
        # stop on the way to somewhere else ("passed through Colombia on their way south")
        story = d.story.event.type if d.story is not None and d.story.event else None
        typ = "return" if story == "return" else "arrival"
        if re.match(r"\s+(?:the\s+|its\s+)?(?:terminals?|airport|station)\b", ctx.text[ev.end :]):
            typ = "other"  # "5,900 people passing through the terminal": a carrier's travellers
        ev = Event(typ, ev.text, ev.start, ev.end)
    reg = (
        _REGISTERED_AFTER.match(ctx.text, d.pop.end, e)
        if ev is not None and ev.type == "arrival" and d.pop is not None and not d.inherited
        and d.pop.start <= ev.start < d.pop.end
        and d.pop.text.split()[-1].lower() in ("arrivals", "newcomers")
        else None
    )  # fmt: skip
    if reg is not None:
        # "About 2,400 newcomers have registered with her office", "200,000 new arrivals had
        # been biometrically registered": the registered stock (labels 3 to 1)
        ev = Event("stock", reg.group("v"), reg.start("v"), reg.end("v"))
    if ev is not None and ev.type == "arrival" and _moved_by_someone(ctx, ev):
        # "83,000 civilians had been moved across the Dnipro", "officials moved 70,000
        # people": a relocation (README), unlike "43,000 Russians moved to Israel"
        ev = Event("other", ev.text, ev.start, ev.end)
    d.ev = ev


# the agencies and places whose processing counts encounters (CBP's definition)
_ENCOUNTER_KEEPERS = re.compile(
    r"\b(?:CBP|Border\s+Patrol|Customs\s+and\s+Border\s+Protection|ICE|ports?\s+of\s+entry|"
    r"agents)\b"
)
_PROTECTION_WORDS = re.compile(r"\b(?:asylum|refugees?|protection|refuge|humanitarian)\b", re.I)
_PAPERS_WORDS = re.compile(
    r"\b(?:visas?|(?:residence|residency|work|stay|temporary)\s+(?:permits?|cards?)|"
    r"residence|residency|citizenship|passports?|naturali[sz]ation)\b",
    re.I,
)


def _papers_not_protection(ctx: _Ctx, ev: Event, s: int, e: int) -> bool:
    """Is an application, grant or permit read as asylum about papers to live or work
    somewhere instead: its sentence names visas, residence or citizenship and no asylum,
    refugee or protection word, or names neither and the article so far has named papers
    and never protection?"""
    if _PROTECTION_WORDS.search(ev.text):
        return False
    sent = ctx.text[s:e]
    if _PROTECTION_WORDS.search(sent):
        return False
    if _PAPERS_WORDS.search(sent):
        return True
    before = ctx.text[:s]
    return bool(_PAPERS_WORDS.search(before)) and not _PROTECTION_WORDS.search(before)


def _moved_by_someone(ctx: _Ctx, ev: Event) -> bool:
    """Is the event the verb "move" in the passive, or with the people as its object?"""
    t = ctx.tok_at(ev.start)
    if t is None or t.lemma.lower() != "move" or t.pos not in ("VERB", "AUX"):
        return False
    deps = {c.dep for c in ctx.toks_in(max(0, t.start - 40), t.end + 60) if c.head == t.i}
    return bool(deps & {"auxpass", "nsubjpass", "dobj"})


def _resolve_places(ctx: _Ctx, d: _Draft) -> None:
    """Origin and destination from the sentence (``_places``), with the event type it may
    revise; "encounters with Venezuelans"; more departures from the same country."""
    qd, pop, s, e, src = d.qd, d.pop, d.s, d.e, d.src
    prev_claim, ev = d.prev_claim, d.ev
    same_src = prev_claim is not None and (
        src is None
        or prev_claim.source is None
        or src.name == prev_claim.source.name
    )
    same_as_before = (
        prev_claim.destination
        if prev_claim is not None
        and same_src
        and ev is not None
        and prev_claim.event is not None
        and prev_claim.event.type == ev.type
        else None
    )
    origin, dest, etype = _places(ctx, qd, ev, pop, s, e, src, same_as_before)
    were = _SHARE_WERE_DEMONYM.match(ctx.text, d.q.end, e) if d.q.kind == "share" else None
    if (
        were is not None
        and ctx.gaz.is_demonym(were.group(1))
        and (origin is None or not (s <= origin.start < e))
    ):
        # "About 80% of those who reached El Hierro this month were Senegalese": whose the
        # part is
        code = ctx.gaz.demonyms[were.group(1)]
        if dest is None or dest.code != code:
            origin = Location(code, were.group(1), were.start(1), were.end(1))
    gap = _GAPPED_DEMONYM.search(ctx.text, max(s, d.q.start - 40), d.q.start)
    if gap is not None and pop is None and ctx.gaz.is_demonym(gap.group(1)):
        # "Haitians lodged 31,420 of the applications, and Cubans about 13,100": the verb
        # left out, the nationality before the figure is whose it is
        code = ctx.gaz.demonyms[gap.group(1)]
        if dest is None or dest.code != code:
            origin = Location(code, gap.group(1), gap.start(1), gap.end(1))
    mw = _WITH_DEMONYM.match(ctx.text, ev.end) if ev is not None and origin is None else None
    if (
        mw is not None
        and ev is not None
        and ev.text.lower().split()[-1] in ctx.rules.all_event_nouns
        and ctx.gaz.is_demonym(mw.group(1))
        # (not "encounters with Cubans, Haitians, Nicaraguans and Venezuelans": several)
        and not re.match(r"\s*(?:,|and\b|or\b)", ctx.text[mw.end(1) : mw.end(1) + 5])
    ):
        # "daily encounters with Venezuelans have fallen from about 1,100": whose they are
        origin = Location(ctx.gaz.demonyms[mw.group(1)], mw.group(1), mw.start(1), mw.end(1))
    if ev is not None and etype != ev.type and etype is not None:
        ev = Event(etype, ev.text, ev.start, ev.end)
    if (
        origin is None
        and etype == "departure"
        and pop is None
        and prev_claim is not None
        and same_src
        and prev_claim.event is not None
        and prev_claim.event.type == "departure"
    ):
        # "8,900 crossed out of the country on Tuesday, ... and that between 6,000 and
        # 9,000 had been leaving every day": the same people leaving the same country
        origin = prev_claim.origin
    if (
        ev is not None
        and ev.type == "departure"
        and dest is None
        and (
            # "about 19,800 Russian citizens flew into Yerevan's Zvartnots airport": into a
            # place the gazetteer does not know (SPEC: "crossed into a destination")
            re.match(r"\s+into\s+(?:the\s+)?[A-Z]", ctx.text[ev.end : ev.end + 12])
            # "thousands of Russian men fly to Tashkent and Bishkek": flying to named places
            # is arriving there, even when no single one is the destination (labels 6 to 0)
            or (
                _lemma_at(ctx, ev.start) == "fly"
                and re.match(r"\s+to\s+(?:the\s+)?[A-Z]", ctx.text[ev.end : ev.end + 12])
            )
        )
    ):
        ev = Event("arrival", ev.text, ev.start, ev.end)
    if (
        ev is not None
        and ev.type == "arrival"
        and re.match(r"\s+back\s+(?:in)?to\b|\s+(?:back\s+)?home\b", ctx.text[ev.end : ev.end + 12])
        and (dest is None or pop is None or (nat := _nationality(ctx, pop)[0]) is None
             or nat.code == dest.code)
    ):
        # "roughly 4,000 people a day were travelling back into Russia": going back (not
        # "Burundians ... crossed back into Tanzania": another country's people)
        ev = Event("return", ev.text, ev.start, ev.end)
    gapped = _gapped_country(ctx, d.q, s) if d.pop is None else None
    if gapped is not None and ev is not None and ev.type in (*_STAY_EVENTS, "arrival"):
        # "Poland has taken in more than 2 million, and Romania over 500,000": the host of
        # the clause with its verb left out
        dest = gapped
        if origin is not None and origin.code == gapped.code:
            origin = None
    d.same_src, d.origin, d.dest, d.ev = same_src, origin, dest, ev


# a share's part named by nationality: "80% of those who reached El Hierro were Senegalese"
_SHARE_WERE_DEMONYM = re.compile(
    r"\s+of\s+[^,.;]{1,80}?\s+(?:were|are|was|is)\s+(?:mostly\s+|all\s+)?([A-Z][\w’'-]+)"
    r"(?!\s+(?:and|or)\b)"
)
# a clause with its verb left out: ", and Cubans about 13,100"
_GAPPED_DEMONYM = re.compile(
    r"(?:,\s*|\s)(?:and|while|but|with)\s+([A-Z][\w’'-]+)\s+"
    r"(?:about|around|roughly|nearly|almost|some|another|just\s+over|more\s+than|over|"
    r"fewer\s+than|less\s+than)?\s*$"
)


# "from Roraima to other Brazilian states", "from the Canaries to the mainland", "from
# Cishemere to Musenyi camp": a move between two places
_FROM_TO_PLACES = re.compile(
    r"\s+(?:\S+\s+){0,6}?from\s+(?:the\s+)?(?P<a>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
    r"(?:\s+(?:camp|camps|islands?|region|province|state))?\s+to\s+(?P<b>[^,.;]{3,40})"
)
_SAME_COUNTRY_WORDS = re.compile(
    r"(?:the\s+)?(?:mainland|other\s+[A-Z]?[\w-]+\s+(?:states|cities|provinces|regions|towns)|"
    r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s+camp)\b"
)
_MOVING_VERBS = frozenset("fly bus move transfer relocate take carry transport ferry".split())


def _moved_within_a_country(ctx: _Ctx, d: _Draft) -> None:
    """A move from one place to another of the same country is `other`, with that country
    as its destination and no origin (fixtures/README): "has flown or bused more than
    55,000 Venezuelans from Roraima to other Brazilian states", "to fly 300 migrants a
    week from the Canaries to the mainland"."""
    ev = d.ev
    if ev is None or ev.type not in ("arrival", "departure", "onward"):
        return
    m = _FROM_TO_PLACES.match(ctx.text, d.q.end, d.e)
    if m is None or not any(
        t.pos == "VERB" and t.lemma.lower() in _MOVING_VERBS
        for t in ctx.toks_in(d.s, m.start("a"))
    ):
        return
    a = [g for g in _geo_in(ctx, m.start("a"), m.end("a")) if g[2] is not None]
    b = [
        g for g in _geo_in(ctx, m.start("b"), m.end("b"))
        if g[2] is not None and g[3] != "country"
    ]  # fmt: skip
    if a and a[0][3] == "country":
        return  # a move from a country is not one inside it
    if a:
        # "from the Canaries to the mainland", "from Roraima to other Brazilian states"
        where = a[0]
        same = _SAME_COUNTRY_WORDS.match(m.group("b")) is not None or (
            bool(b) and b[0][2] == where[2]
        )
    else:
        # "from Cishemere to Musenyi camp in Rutana province": a local name the gazetteer
        # does not know, to a place it does
        where = b[0] if b else None
        same = where is not None and not ctx.gaz.code(m.group("a")) and not (
            ctx.gaz.is_demonym(m.group("a"))
        )
    if not same or where is None:
        return
    d.ev = Event("other", ev.text, ev.start, ev.end)
    d.origin = None
    d.dest = Location(where[2], ctx.text[where[0] : where[1]], where[0], where[1])


_REGION_OF_BEFORE = re.compile(r"\b(?:northern|southern|eastern|western|central)\s+$", re.I)
_TO_AFTER = re.compile(r"\s+(?:\S+\s+){0,5}?to\s+(?P<to>[^,.;]{3,50})")


def _moved_on_inside(ctx: _Ctx, st: _RunState, d: _Draft) -> None:
    """People already in a country, moved by someone to another of its places, are moved
    inside it (`other`): "detained 1,260 migrants in Tamaulipas ... and flown about 300 of
    them to the southern city of Tapachula"; "has flown hundreds more to the mainland"."""
    ev = d.ev
    if ev is None or ev.type not in ("arrival", "departure") or _lemma_at(ctx, ev.start) not in (
        _MOVING_VERBS
    ):
        return
    here = next(
        (c.destination for c in (d.prev_claim, d.story) if c is not None and c.destination),
        None,
    )
    if here is None or (d.origin is not None and d.origin.code != here.code):
        return
    m = _TO_AFTER.match(ctx.text, ev.end, d.e)
    if m is None:
        return
    to = [g for g in _geo_in(ctx, m.start("to"), m.end("to")) if g[2] is not None]
    # (a part of the country, "northern Greece", not the bare country name)
    bare_country = bool(to) and to[0][3] == "country" and not _REGION_OF_BEFORE.search(
        ctx.text, max(0, to[0][0] - 12), to[0][0]
    )
    if to and to[0][2] == here.code and not bare_country:
        g = to[0]
        loc = Location(g[2], ctx.text[g[0] : g[1]], g[0], g[1])
    elif not to and re.match(r"(?:the\s+)?mainland\b", m.group("to")):
        loc = here
    else:
        return
    d.ev = Event("other", ev.text, ev.start, ev.end)
    d.origin, d.dest = None, loc


def _origin_from_the_words(ctx: _Ctx, d: _Draft) -> None:
    """An origin the words around the figure name when the population names none: a
    nationality on the counted events ("40% of Ecuadorian apprehensions", "Arrivals of
    Russians ... have nearly doubled"), or the people a part is listed among ("Eleven Sri
    Lankans, among them four children")."""
    ev, q = d.ev, d.q
    if d.origin is not None or ev is None or ev.type in ("return", "mobilization", "casualty"):
        return
    if ev.text.lower().split()[-1] in ctx.rules.all_event_nouns:
        m_adj = _DEMONYM_BEFORE.search(ctx.text, max(d.s, ev.start - 30), ev.start)
        m_of = _OF_DEMONYM_AFTER.match(ctx.text, ev.end, d.e) or _FILED_BY_DEMONYM.match(
            ctx.text, ev.end, min(d.e, ev.end + 40)
        )  # "nearly 12,000 residence applications were filed by Russians"
        for m in (m_adj, m_of):
            if m is not None and ctx.gaz.is_demonym(m.group(1)):
                code = ctx.gaz.demonyms.get(m.group(1))
                if code and (d.dest is None or d.dest.code != code):
                    d.origin = Location(code, m.group(1), m.start(1), m.end(1))
                    return
    prev = d.prev_claim
    if (
        prev is not None
        and prev.origin is not None
        and prev.quantity.end <= q.start
        and _AMONG_THEM_BEFORE.search(ctx.text[max(d.s, q.start - 30) : q.start])
    ):
        d.origin = prev.origin  # "Eleven Sri Lankans, among them four children"
        return
    if _ITS_CITIZENS.match(ctx.text, q.end, d.e):
        # "The Russian embassy said about 2,000 of its citizens had registered": the
        # country of the body that opens the sentence
        first = next(
            (g for g in _geo_in(ctx, d.s, q.start) if g[2] is not None and g[3] == "country"),
            None,
        )
        if first is not None and (d.dest is None or d.dest.code != first[2]):
            d.origin = Location(first[2], ctx.text[first[0] : first[1]], first[0], first[1])


# ("Russian residence requests": one lower-case word may stand between)
_DEMONYM_BEFORE = re.compile(r"\b([A-Z][\w’'-]+)\s+(?:[a-z][\w-]+\s+)?$")
_OF_DEMONYM_AFTER = re.compile(r"\s+(?:of|by)\s+([A-Z][\w’'-]+)\b")
_FILED_BY_DEMONYM = re.compile(
    r"\s+(?:were|was|had\s+been|have\s+been)\s+(?:filed|made|submitted|lodged)\s+by\s+"
    r"([A-Z][\w’'-]+)\b"
)
_AMONG_THEM_BEFORE = re.compile(r",\s+(?:among\s+them|including)\s+$")
_ITS_CITIZENS = re.compile(r"\s+(?:of\s+)?(?:its|their)\s+(?:own\s+)?(?:citizens|nationals)\b")


# papers issued to people of a country: "7,400 residence permits to Russians", "almost
# 154,000 visas to Hong Kong residents", "2.4 million temporary protection permits for
# Venezuelans"
_PAPERS_FOR = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:permits?|visas?|applications?|passports?|status|cards?)\s+"
    r"(?:to|for)\s+(?:the\s+)?(?P<g>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
    r"(?:\s+(?:residents|nationals|citizens|holders|passport\s+holders))?\b"
)


_ISSUED_TO_THEM = re.compile(
    r"\s+(?:were|was|had\s+been|have\s+been)\s+(?:issued|granted|given)\s+to\s+them\b"
)
_OPENING_GROUP = re.compile(r"\W*(?P<g>[A-Z][\w’'-]+)\s+[a-z]")


def _origin_of_the_holders(ctx: _Ctx, d: _Draft) -> None:
    """The people papers were issued to are the origin: "Montenegro issues 7,400
    residence permits to Russians" (not the destination: "visas to Hong Kong residents")."""
    if d.origin is not None or d.ev is None or d.ev.type not in ("asylum", "other"):
        return
    m = _PAPERS_FOR.match(ctx.text, d.q.end, d.e)
    if m is None and _ISSUED_TO_THEM.match(ctx.text, d.q.end, d.e):
        # "Russians received more first-time residence permits than any other nationality
        # last year, when about 96,500 were issued to them": the nationality that opens
        # the sentence
        m = _OPENING_GROUP.match(ctx.text, d.s, d.q.start)
        if m is None or not ctx.gaz.is_demonym(m.group("g")):
            return
    if m is None:
        return
    g = m.group("g")
    code = ctx.gaz.demonyms.get(g) or ctx.gaz.code(g)
    if code is None:  # a place the geo component read there ("Hong Kong residents")
        code = next((g[2] for g in _geo_in(ctx, m.start("g"), m.end("g")) if g[2]), None)
    if code is None or (_listed_with_others(ctx, (m.start("g"), m.end("g"), code, "country"), d.e)):
        return
    d.origin = Location(code, g, m.start("g"), m.end("g"))
    if d.dest is not None and d.dest.code == code:
        d.dest = None


# "Haitians were the largest group, with 44,239 applications", "Mexicans remained the
# largest single nationality ..., at about 56,000"
_LARGEST_GROUP = re.compile(
    r"(?P<g>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?:were|was|are|is|remained|remain|remains)\s+"
    r"the\s+(?:largest|biggest|(?:second|third|fourth|fifth|sixth)-largest|second\s+largest|main)\s+"
    r"(?:single\s+)?(?:group|nationality)\b"
)


# "Pakistanis, with 5,900 arrivals, and Bangladeshis, with just under 5,500", "Guineans, at
# about 11,000", "followed by Colombians with about 16,400": a nationality's own figure
_GROUP_WITH_FIGURE = re.compile(
    r"(?P<g>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)(?:,?\s+(?:with|at)"
    # "Haitians were the second-largest group, at about 22,000"; "Ecuadorians numbered
    # 29,000"; "Venezuelans made up 150,000 of them"
    r"|\s+(?:were|was)\s+the\s+(?:[\w-]+\s+){0,3}(?:group|nationality),?\s+(?:with|at)"
    r"|\s+(?:numbered|number|made\s+up|make\s+up|accounted\s+for|account\s+for))\s+$"
)


# a clause with its verb left out, a country as its subject: ", and Romania over 500,000"
_GAPPED_COUNTRY = re.compile(
    r"(?:,\s+(?:and\s+)?|\s+and\s+)(?:the\s+)?(?P<c>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+$"
)


def _gapped_country(ctx: _Ctx, q: Quantity, s: int) -> Location | None:
    """The country of a gapped clause before the figure ("..., and Romania over 500,000"),
    or None."""
    m = _GAPPED_COUNTRY.search(ctx.text, max(s, q.start - 40), q.start)
    if m is None or ctx.gaz.is_demonym(m.group("c")):
        return None
    code = ctx.gaz.code(m.group("c"))
    return Location(code, m.group("c"), m.start("c"), m.end("c")) if code else None


def _group_with_figure(ctx: _Ctx, q: Quantity, s: int) -> re.Match[str] | None:
    """"Guineans, at about 11,000": the nationality whose own figure ``q`` is."""
    w = _GROUP_WITH_FIGURE.search(ctx.text, max(s, q.start - 60), q.start)
    if w is None or not ctx.gaz.is_demonym(w.group("g")):
        return None
    if not re.match(r",?\s+(?:with|at)\s+$", ctx.text[w.end("g") : w.end()]) and (
        q.kind != "count"
        # (not "Haitians and Cubans accounted for nearly half of them": several groups)
        or re.search(r"(?:,|\band)\s+$", ctx.text[max(s, w.start("g") - 6) : w.start("g")])
    ):
        return None  # a verb of the group's own figure: counts of one group only
    return w


def _origin_of_the_largest_group(ctx: _Ctx, d: _Draft) -> None:
    """The nationality the sentence names as the largest group, for the figure that
    counts it (the first figure after it, with no other figure between); a nationality
    followed by "with" or "at" and the figure counts that nationality (its population when
    the figure counts no people of its own or only events)."""
    if d.ev is None or d.ev.type in ("casualty", "mobilization"):
        return
    # "followed by Venezuelans at roughly 47,300 and Guatemalans at 24,800": the noun after
    # "and" is the next group's, not the figure's
    next_groups = d.pop is not None and d.pop.start >= d.q.end and re.match(
        r"\s*and\s", ctx.text[d.q.end : d.pop.start + 4]
    ) is not None
    if d.origin is not None and not next_groups:
        return
    w = _group_with_figure(ctx, d.q, d.s)
    if w is None and next_groups:
        return
    if w is not None:
        if next_groups:
            d.pop = None
        g = w.group("g")
        d.origin = Location(ctx.gaz.demonyms[g], g, w.start("g"), w.end("g"))
        ctx.group_figures.add(d.q.start)
        head = d.pop.text.split()[-1].lower() if d.pop is not None else ""
        if d.pop is None or head in ctx.rules.event_nouns_not_people or head == "arrivals":
            d.pop = Span(g, w.start("g"), w.end("g"))
        if d.dest is not None and d.dest.code == d.origin.code:
            d.dest = None
        return
    m = _LARGEST_GROUP.search(ctx.text, d.s, d.q.start)
    if m is None or not ctx.gaz.is_demonym(m.group("g")):
        return
    if any(m.end() <= o["start"] < d.q.start for o in ctx.inp.quantities):
        return  # "... the largest group, with 44,239 ..., and 12,000 ...": the first only
    g = m.group("g")
    d.origin = Location(ctx.gaz.demonyms[g], g, m.start("g"), m.end("g"))
    ctx.group_figures.add(d.q.start)
    if d.pop is None:
        d.pop = Span(g, m.start("g"), m.end("g"))  # "Mexicans remained the largest group"


def _places_from_earlier(ctx: _Ctx, st: _RunState, d: _Draft) -> None:
    """Places (and the event) a figure takes from the claim before it or the story's last
    claim when it speaks of the same people: "more", a part's nationality, a share, "of
    them"; and whether it restates the claim before it ("up from", "their number")."""
    q, inherited, s, same_src = d.q, d.inherited, d.s, d.same_src
    prev_claim, story, tally, anaphor = d.prev_claim, d.story, d.tally, d.anaphor
    ev, origin, dest = d.ev, d.origin, d.dest
    # a figure set against an earlier one of its sentence ("up from about 31,000",
    # "compared with only about 4,100") speaks of the same people and places
    # "530,216 had gone back ..., and about 1,100 more were leaving each week": more of
    # the same movement
    more_of = (
        prev_claim is not None
        and prev_claim.event is not None
        and re.match(r"\s+(?:more|others)\b", ctx.text[q.end : q.end + 8]) is not None
    )
    if (
        more_of
        and prev_claim is not None
        and prev_claim.event is not None
        and prev_claim.event.type == "return"
        and ev is not None
        and ev.type in ("departure", "arrival")
    ):
        ev = Event("return", ev.text, ev.start, ev.end)
        origin, dest = origin or prev_claim.origin, dest or prev_claim.destination
    restated = prev_claim is not None and same_src and (
        inherited
        or q.kind == "change"
        or _restates_previous(ctx, q, s, st.cands)
        or (more_of and ev is not None and prev_claim.event is not None
            and ev.type == prev_claim.event.type)
    )  # fmt: skip
    # "Cubans had filed about 16,600 asylum requests": who filed them; "Senegalese now make
    # up about half of all arrivals", "Hondurans accounted for about 12% of them": the
    # part's nationality
    origin = origin or _demonym_subject(ctx, q, s, _DEMONYM_FILED_BEFORE, 50)
    if q.kind == "share" or (
        q.kind == "count" and _OF_THE_WHOLE.match(ctx.text, q.end, q.end + 12) is not None
    ):
        origin = origin or _demonym_subject(ctx, q, s, _MAKE_UP_BEFORE, 60)
    if (
        q.kind == "share"
        and origin is None
        and prev_claim is not None
        and prev_claim.origin is not None
        and (dest is None or dest.code != prev_claim.origin.code)
        # (not "Colombians, with 18,587 crossings, were the fifth-largest group. Children made
        # up about a fifth of those crossing": a nationality's own figure before, not theirs)
        and not (
            prev_claim.sentence.start != s
            and prev_claim.population is not None
            and prev_claim.population.start == prev_claim.origin.start
        )
    ):
        origin = prev_claim.origin  # "874,000 fled Ukraine, with more than half going to ..."
    if anaphor and story is not None and (
        ev is story.event
        # "Men made up roughly three-quarters of those leaving": the same movement
        or (ev is not None and story.event is not None and ev.type == story.event.type)
    ):
        origin = origin or story.origin
        dest = dest or story.destination
    elif (
        anaphor
        and story is not None
        and q.kind in ("count", "share")
        and tally is None
        and (ev is None or ev.type != "casualty")  # deaths: an explicit nationality only
    ):
        if ev is not None and ev.type == "return" and story.event is not None and (
            story.event.type != "return"
        ):
            # "arrested 41 Russians ... and deported 17 of them": sent back home
            dest = dest or story.origin
        elif (
            ev is not None
            and ev.type in ("departure", "onward")
            and story.event is not None
            and story.event.type in ("arrival", "stock")
            and story.destination is not None
            and (
                re.match(r"\s+again\b", ctx.text[ev.end : ev.end + 8])
                or re.search(r"\bsince\s+$", ctx.text[max(s, ev.start - 8) : ev.start])
            )
            and (origin is None or not _from_just_before(ctx, s, origin.start))
        ):
            # "About 430,000 Russians entered Kazakhstan ... some 356,000 of them have since
            # left again": they left the country they had come to (not "more than half of
            # them set off from Sfax": where the journey began)
            origin = story.destination
            dest = None
        else:
            origin = origin or story.origin  # "107,000 of them are still there": same people
    d.restated, d.ev, d.origin, d.dest = restated, ev, origin, dest


def _same_as_restated(ctx: _Ctx, st: _RunState, d: _Draft) -> None:
    """A figure that restates the claim before it counts what that claim counts, and takes
    its places where it names none."""
    q, s, prev_claim, restated = d.q, d.s, d.prev_claim, d.restated
    ev, origin, dest = d.ev, d.origin, d.dest
    if (
        restated
        and prev_claim is not None
        and prev_claim.event is not None
        and ev is not None
        and ev.start == prev_claim.event.start
        and ev.type != prev_claim.event.type
    ):
        # "about 2,500 Afghans a day were arriving (return) ..., up from about 1,500 a
        # day": the same trigger read for the same people
        ev = prev_claim.event
    if (
        restated
        and prev_claim is not None
        and prev_claim.event is not None
        and ev is not None
        and ev.start < prev_claim.quantity.start
        and ev.type != prev_claim.event.type
        and _restates_previous(ctx, q, s, st.cands)
    ):
        # "had registered about 350 new arrivals a week since May, up from roughly 200 a
        # week in April": the baseline counts what the earlier figure counts
        ev = prev_claim.event
    if (
        restated
        and prev_claim is not None
        and prev_claim.event is not None
        and ev is not None
        and ev.start > q.end
        and ev.type != prev_claim.event.type
        and "," in ctx.text[q.end : ev.start]
        and _COMPARISON_BEFORE.search(ctx.text[max(s, q.start - 30) : q.start])
    ):
        # "More than 75,500 migrants have reached Italy ..., up from about 33,000 in the same
        # period of 2022, and over half of them set off from Tunisia": the baseline counts
        # what the earlier figure counts, not what the clause after it tells
        ev = prev_claim.event
    if restated and prev_claim is not None:
        same_event = ev is None or prev_claim.event is None or ev.type == prev_claim.event.type
        if origin is None and same_event:
            origin = prev_claim.origin
        if dest is None and same_event:
            dest = prev_claim.destination
    d.ev, d.origin, d.dest = ev, origin, dest


# "about 4.2 million in the opposite direction", "and 21,000 the other way"
# "... entered the country on Wednesday and 4,822 left": "and" then the figure
_AND_FIGURE_LEFT = re.compile(
    r"[^,;:]*?\b(?P<w>and|while|whereas)\s+(?:some|about|around|roughly)?\s*$"
)
_OPPOSITE_WAY_AFTER = re.compile(
    r"\s+(?:(?:a|per|each|every)\s+(?:day|week|month)\s+)?(?:(?:were\s+|are\s+)?"
    r"(?:coming|going|crossing|travell?ing|moving|heading|went|came|crossed|moved)\s+)?"
    r"(?:in\s+)?the\s+(?:opposite|other|reverse)\s+(?:direction|way)\b"
)


def _opposite_direction(ctx: _Ctx, d: _Draft) -> None:
    """A figure set against the movement before it in its sentence goes the other way:
    "about 4.4 million crossings from Poland into Ukraine ... and about 4.2 million in the
    opposite direction" reverses it; "about 1,100 Russians entered Georgia daily while some
    1,300 a day left" leaves the place the other figure arrived in."""
    prev, ev = d.prev_claim, d.ev
    if prev is None:
        return
    if _OPPOSITE_WAY_AFTER.match(ctx.text, d.q.end, d.e):
        if prev.origin is not None and prev.destination is not None:
            d.origin, d.dest = prev.destination, prev.origin
        return
    if ev is None or prev.event is None:
        return
    seg = _segment(ctx.text, d.s, d.e, d.q.start)
    # "11,734 Russians entered the country on Wednesday and 4,822 left it": a conjunct
    # with a figure of its own is its own clause
    conj = _AND_FIGURE_LEFT.match(ctx.text, prev.event.end, d.q.start)
    joined = seg == _segment(ctx.text, d.s, d.e, prev.quantity.start) and conj is None
    own = [
        g for g in _geo_in(ctx, conj.start("w") if conj else prev.quantity.end, d.e)
        if _segment(ctx.text, d.s, d.e, g[0]) == seg and g[2] is not None
    ]  # fmt: skip
    if (
        not joined
        and (ev.type == "departure" or re.match(r"(?:left|leav|depart|exit)", ev.text.lower()))
        and prev.event.type == "arrival"
        and prev.destination is not None
        and own
        and d.dest is not None
        and all(g[0] == d.dest.start for g in own)
        and (d.origin is None or d.origin.code != d.dest.code)
    ):
        # "about 38,700 Venezuelans entered Peru ..., while some 45,200 left through it
        # towards Ecuador": its own clause names where they went, not where they left
        d.origin = prev.destination
        return
    if joined or own:
        return  # the figure's own clause names its places
    if ev.type == "departure" and prev.event.type == "arrival" and prev.destination is not None:
        d.origin, d.dest = prev.destination, None
    elif ev.type == "arrival" and prev.event.type == "departure" and prev.origin is not None:
        d.origin, d.dest = prev.destination, prev.origin


def _places_from_story(ctx: _Ctx, st: _RunState, d: _Draft) -> None:
    """Places from the article's context: a possessive country ("Georgia's figures"), the
    countries of its returns, where the story is; then remember where the story is."""
    s, e, ev = d.s, d.e, d.ev
    origin, dest = d.origin, d.dest
    # "Georgia's figures ...: its interior ministry recorded ...": the possessive country
    if dest is None and ev is not None and ev.type in _CONTEXT_EVENTS:
        m = re.search(r"\b([A-Z][\w-]+)(?:’s|'s|&#39;s)\s+(?:figures|data|interior|government|"
                      r"authorities|police|border|ministry|officials|statistics|"
                      r"(?:sea\s+|daily\s+|new\s+)?arrivals)",
                      ctx.text[s:e])  # fmt: skip
        code = ctx.gaz.code(m.group(1)) if m else None
        if m and code and (origin is None or origin.code != code):
            dest = Location(code, m.group(1), s + m.start(1), s + m.end(1))
    if ev is not None and ev.type == "return":
        # returns in one article go between the same two countries unless it says
        # otherwise: "The DGM says it deported about 170,000 Haitians" after "The
        # Dominican Republic deported more than 21,000 Haitians"
        r_origin, r_dest = st.last_return
        if origin is None and r_origin is not None:
            if dest is None or dest.code != r_origin.code:
                origin = r_origin
        if (
            origin is None
            and st.last_dest is not None
            and dest is not None
            and st.last_dest.code != dest.code
            and ev.text.lower().startswith(tuple(ctx.rules.sending_back_stems))
        ):
            # "His office has deported 23 Russians" in a story about Russians in Bali: sent
            # back from where the story is
            origin = st.last_dest
        if dest is None and r_dest is not None:
            if origin is None or origin.code != r_dest.code:
                dest = r_dest
        st.last_return = (origin or r_origin, dest or r_dest)
    elif (
        dest is None
        and ev is not None
        and ev.type in _CONTEXT_EVENTS
        and st.last_dest is not None
        and not _NOT_A_COUNTRY_DEST.match(ctx.text[ev.end : ev.end + 40])
        # ("crossed into Finland, Georgia and Kazakhstan": several destinations; "crossings
        # a year in both directions": no one side)
        and not _BOTH_WAYS.search(ctx.text, s, e)
        and not any(
            g[2] is not None
            and g[0] >= ev.end
            and _TO_MOVE_RE.search(ctx.text[max(s, g[0] - 25) : g[0]]) is not None
            and _listed_with_others(ctx, g, e)
            for g in _geo_in(ctx, s, e)
        )
    ):
        if origin is None or origin.code != st.last_dest.code:
            dest = st.last_dest
    if _onward_from_the_flow(st, ev, origin, dest):
        assert ev is not None
        ev = d.ev = Event("onward", ev.text, ev.start, ev.end)
    if ev is not None and ev.type == "arrival" and dest is not None and _is_place(ctx, dest):
        exits = [
            dc for dc, origins in st.arrival_flows.items()
            if dc != dest.code and dest.code in origins and dc in st.flow_dests
        ]  # fmt: skip
        if len(exits) == 1 and dest.code not in st.arrival_flows:
            # "up to 5,000 people a day at Masnaa" (a Lebanese crossing) in a story of people
            # crossing from Lebanon into Syria: the crossing point is on the side they leave
            if origin is None:
                origin = dest
            dest = st.flow_dests[exits[0]]
    coming_home = ev is not None and re.search(
        r"\b(?:coming|come|came|comes)\s+(?:home|back)\b", ev.text, re.I
    )
    # ("about 12,900 were Ethiopians returning home" in a story of arrivals in Ethiopia:
    # the story stays where it is)
    home_here = dest is not None and st.last_dest is not None and dest.code == st.last_dest.code
    if ev is not None and ev.type == "return" and not coming_home and not home_here:
        if origin is not None:  # the story is where they are sent back from
            st.last_dest = origin
            ctx.last_dest = origin
    elif dest is not None:  # (people coming home: the story is where they arrive)
        st.last_dest = dest
        ctx.last_dest = dest
    if ev is not None and ev.type == "arrival" and dest is not None:
        flow = st.arrival_flows.setdefault(dest.code, {})
        if origin is not None:
            flow[origin.code] = origin
            if not _is_place(ctx, dest) and dest.code != origin.code:
                st.flow_dests[dest.code] = dest
        elif (
            len(flow) == 1
            and (
                _story_people(ctx, d.pop)
                # "men of military age made up nearly nine in ten of those arriving on foot":
                # a share of the flow's people
                or (d.q.kind == "share" and _OF_PRONOUN.match(ctx.text, d.q.end, d.e) is not None)
            )
            and not any(g[2] is not None and g[2] != dest.code for g in _geo_in(ctx, s, e))
            and not _TOTAL_RE.search(ctx.text[s:e])
        ):
            # "Ukrainians fleeing into Poland ... 142,300 people arrived on Monday alone":
            # arrivals into the article's one flow come from where it comes from (SPEC:
            # fill from context where an analyst would be sure; fixtures/README)
            origin = next(iter(flow.values()))
    d.origin, d.dest = origin, dest


def _across_the_water(ctx: _Ctx, d: _Draft) -> None:
    """Arrivals across a stretch of water whose crossing lands in one country (lexicon
    ``sea_crossings``: "Nearly 1,000 migrants cross Channel in one day", "crossed the
    English Channel in small boats") with no destination named arrive in that country,
    unless the sentence says they came from it."""
    if d.dest is not None or d.ev is None or d.ev.type != "arrival":
        return
    hit = ctx.rules.crossing_in(ctx.text, d.s, d.e)
    if hit is None:
        return
    code, ws, we = hit
    if any(
        g[2] == code and _from_just_before(ctx, d.s, g[0]) for g in _geo_in(ctx, we, d.e)
    ):
        return  # "crossed the Channel from Britain": they left it
    d.dest = Location(code, ctx.text[ws:we], ws, we)


def _gapped_share_like_the_first(ctx: _Ctx, d: _Draft) -> None:
    """"About 61% of this summer's arrivals had set off from Tunisia, ..., and 36% from
    Libya", "..., but about 22% last week": a share whose verb is gapped shares the first
    share's whole, so its event, its places and its time, where it names none of its own."""
    first = d.prev_claim
    if (
        d.q.kind != "share"
        or first is None
        or first.quantity.kind != "share"
        or _gapped_after(ctx, first.quantity.end, d.q.start) is None
    ):
        return
    if first.event is not None and (d.ev is None or d.ev.start == first.event.start):
        d.ev = first.event
    own_origin = d.origin is not None and d.origin.start >= d.q.end  # "and 36% from Libya"
    if not own_origin:
        d.origin = first.origin
    d.dest = first.destination
    if not any(d.q.end <= x.start < d.e for x in ctx.inp.dates):
        d.tm = first.time  # (not "but about 22% last week": its own time)


# a place people are taken out of, right before it
_OUT_OF_BEFORE = re.compile(r"\b(?:out\s+of|from|leaving|left)\s+(?:the\s+)?$")


def _evacuated_from(ctx: _Ctx, st: _RunState, d: _Draft) -> None:
    """"US and coalition aircraft have flown some 58,700 people out of Kabul", "Britain said
    it had evacuated nearly 6,000 people", "roughly 4,000 American passport holders had also
    been flown out": the people leave the place they are evacuated from, not the country
    that flies them (no destination from it) nor the one of their passports."""
    ev = d.ev
    if ev is None or ev.type not in ("departure", "arrival") or d.q.kind != "count":
        return
    if not EVACUATION_WORDS.match(ev.text):
        return
    out_of = re.search(
        r"^(?:[^,;.]|[,.](?=\d)){0,40}?\bout\s+of\b|^\s+out\b",
        ctx.text[ev.end : min(d.e, ev.end + 60)],
    )
    if ev.type == "arrival":
        if out_of is None or not ev.text.lower().startswith(("flown", "flew", "fly", "airlift")):
            return
        ev = Event("departure", ev.text, ev.start, ev.end)
    elif not (
        ev.text.lower().startswith(("evacuat", "airlift"))
        or re.search(r"\bout\b", ev.text.lower())
        or out_of is not None
    ):
        return

    def operator(loc: Location | None) -> bool:
        # the country doing it: named before the verb, not as a place left
        return (
            loc is not None
            and loc.start < ev.start
            and not (d.pop is not None and d.pop.start <= loc.start < d.pop.end)
            and not _OUT_OF_BEFORE.search(ctx.text[max(d.s, loc.start - 12) : loc.start])
        )

    named = re.search(r"([A-Z][\w’'-]+)\s+$", ctx.text[max(d.s, ev.start - 30) : ev.start])
    if (
        named is not None
        and ev.text.lower() in ("airlift", "evacuation", "evacuations")
        and (d.origin is None or not d.s <= d.origin.start < ev.start)
    ):
        # "Kabul airlift passes 58,000": the place the airlift flies out of
        code = ctx.gaz.code(named.group(1)) or next(
            (g[2] for g in ctx.geo if g[0] == ev.start - len(named.group(0))), None
        )
        if code is not None:
            a = ev.start - len(named.group(0))
            d.ev, d.dest = ev, None
            d.origin = Location(code, named.group(1), a, a + len(named.group(1)))
            return

    def passport(loc: Location | None) -> bool:
        # "American passport holders": the people's own country
        return loc is not None and d.pop is not None and d.pop.start <= loc.start < d.pop.end
    dest = None if operator(d.dest) else d.dest
    origin = d.origin
    if origin is None or operator(origin) or passport(origin):
        left = next(
            (c.origin for c in reversed(st.out)
             if c.event is not None and c.event.type == "departure" and c.origin is not None
             and EVACUATION_WORDS.match(c.event.text)
             and not (c.population is not None
                      and c.population.start <= c.origin.start < c.population.end)),
            None,
        )  # fmt: skip
        if left is not None and (dest is None or dest.code != left.code):
            origin = left
        elif origin is not None and operator(origin):
            origin = None
    d.ev, d.origin, d.dest = ev, origin, dest


# words of people coming back on their own (not sent back)
_COMING_BACK = re.compile(
    r"(?i)\b(?:c[oa]me|coming|comes|crossed|crossing|gone|went|going|returned|returning)\b"
)
_SENT_BACK_WORDS = re.compile(r"(?i)\b(?:deport|expel|sen[dt]|forced|pushed|flown|flew)")


def _back_to_the_host(ctx: _Ctx, d: _Draft) -> None:
    """"about 21,500 (Syrians) have returned to Türkiye", "1,200 Burundians ... crossed
    back into Tanzania": people coming back to the country they had fled to arrive there
    (fixtures/README: a return goes home); they come from the country of their
    nationality."""
    if d.ev is None or d.ev.type != "return" or d.dest is None:
        return
    if not _COMING_BACK.search(d.ev.text) or _SENT_BACK_WORDS.search(d.ev.text):
        return  # (a deportation sends people to the country it names)
    nat: Location | None = None
    if (
        d.origin is not None
        and d.pop is not None
        and not d.inherited
        and d.pop.start <= d.origin.start < d.pop.end
        and ctx.gaz.is_demonym(d.origin.text)
    ):
        nat = d.origin
    elif d.pop is not None and not d.inherited:
        nat = next(
            (Location(g[2], ctx.text[g[0] : g[1]], g[0], g[1])
             for g in _geo_in(ctx, d.pop.start, d.pop.end)
             if g[2] is not None and ctx.gaz.is_demonym(ctx.text[g[0] : g[1]])),
            None,
        )  # fmt: skip
    if nat is None and d.pop is None and d.story is not None and d.story.event is not None:
        st_o = d.story.origin
        st_p = d.story.population
        if (
            d.story.event.type in ("return", "arrival")
            and st_o is not None
            and st_p is not None
            and st_p.start <= st_o.start < st_p.end
            and ctx.gaz.is_demonym(st_o.text)
            and d.story.destination is not None
            and d.story.destination.code == d.dest.code
        ):
            nat = st_o  # the story's people, coming back where the story has them arrive
    if nat is None or nat.code == d.dest.code or ctx.gaz.is_demonym(d.dest.text):
        return
    d.ev = Event("arrival", d.ev.text, d.ev.start, d.ev.end)
    d.origin = nat


def _where_the_arrivals_set_off(ctx: _Ctx, st: _RunState, d: _Draft) -> None:
    """"About 61% of this summer's arrivals had set off from Tunisia": the share of the
    arrivals that left from a place is a departure from it, towards the country they
    reached (the places were read for the arrivals)."""
    if d.ev is None or d.ev.type != "arrival" or d.q.kind != "share":
        return
    m = _SET_OFF_FROM.match(ctx.text, d.q.end, d.e)
    if m is None:
        return
    d.ev = Event("departure", m.group("v"), m.start("v"), m.end("v"))
    if d.dest is None:
        # the country the story's arrivals reached
        d.dest = next(
            (c.destination for c in reversed(st.out)
             if c.event is not None and c.event.type == "arrival" and c.destination is not None
             and (d.origin is None or c.destination.code != d.origin.code)),
            None,
        )  # fmt: skip


def _from_just_before(ctx: _Ctx, s: int, pos: int) -> bool:
    """Does "from (the)" stand right before ``pos`` ("set off from Sfax")?"""
    return re.search(r"\bfrom\s+(?:the\s+)?$", ctx.text[max(s, pos - 9) : pos]) is not None


def _onward_from_where_they_arrived(ctx: _Ctx, st: _RunState, d: _Draft) -> None:
    """"More than a quarter of those who entered on Sunday travelled on the same day to
    Uzbekistan" in a story of Russians entering Kazakhstan: moving on starts in the country
    the flow arrived in, not in the people's own (their nationality is no origin here);
    "Of those who entered since February 24, about 290,000 have already left Romania for
    Hungary ...": the arrivals leaving the country they arrived in move on."""
    if (
        d.ev is not None
        and d.ev.type == "departure"
        and d.origin is not None
        and d.origin.code in st.arrival_flows
        and (arrivals := _OF_THE_ARRIVALS.match(ctx.text, d.s, d.q.start)) is not None
    ):
        d.ev = Event("onward", d.ev.text, d.ev.start, d.ev.end)
        if d.pop is None:
            d.pop = Span(arrivals.group("who"), arrivals.start("who"), arrivals.end("who"))
        return
    if d.ev is None or d.ev.type != "onward" or d.origin is None:
        return
    if not ctx.gaz.is_demonym(d.origin.text) and d.s <= d.origin.start < d.e:
        return  # "moved on from Moldova": the sentence's own place
    hosts = [
        dc for dc, origins in st.arrival_flows.items()
        if d.origin.code in origins and dc in st.flow_dests and dc != d.origin.code
    ]  # fmt: skip
    if len(hosts) == 1 and (d.dest is None or d.dest.code != hosts[0]):
        d.origin = st.flow_dests[hosts[0]]


# a sentence about the arrivals just counted: "Of those who entered since February 24, ..."
_OF_THE_ARRIVALS = re.compile(
    r"\W*Of\s+(?P<who>(?:those|the\s+\w+)\s+who\s+(?:have\s+|had\s+)?"
    r"(?:entered|arrived|came|crossed))"
    r"\b[^,]*,\s+(?:about|around|some|roughly|nearly|more\s+than|over)?\s*$"
)


def _onward_from_the_flow(
    st: _RunState, ev: Event | None, origin: Location | None, dest: Location | None
) -> bool:
    """"about 1,000 people a day were still being driven from Palanca to Romania" in a story
    of Ukrainians arriving in Moldova: a movement from the country the article's flow
    arrived in to another country (not back to the flow's origin) moves on."""
    return (
        ev is not None
        and ev.type in ("arrival", "departure")
        and origin is not None
        and dest is not None
        and dest.code != origin.code
        and bool(st.arrival_flows.get(origin.code))
        and dest.code not in st.arrival_flows[origin.code]
        and origin.code not in st.arrival_flows.get(dest.code, {})
    )


_BOTH_WAYS = re.compile(r"\b(?:in\s+both\s+directions|both\s+ways)\b", re.I)
def _origin_of_the_refugees(ctx: _Ctx, st: _RunState, d: _Draft) -> None:
    """"About 20,000 Eritrean refugees ... Hitsats held about 11,000 refugees": the
    article's refugees are the ones it named with a nationality, when it named one only."""
    pop, ev = d.pop, d.ev
    if pop is None or ev is None or ev.type == "casualty":
        return
    words = pop.text.split()
    head = words[-1].lower()
    if head not in ctx.rules.refugee_heads:
        return
    if d.origin is not None:
        if pop.start <= d.origin.start < pop.end:  # its own nationality
            st.refugee_origins.setdefault(d.origin.code, d.origin)
        return
    if len(words) <= 2 and len(st.refugee_origins) == 1 and not d.inherited:
        origin = next(iter(st.refugee_origins.values()))
        others = {
            g[2] for g in _geo_in(ctx, d.s, d.e)
            if g[2] is not None and g[3] == "country" and g[2] != origin.code
            and (d.dest is None or g[2] != d.dest.code)
        }  # fmt: skip
        if (d.dest is None or d.dest.code != origin.code) and not others:
            # (not "Including Congolese, Burundians and others, the country shelters about
            # 1.25 million refugees": other peoples named)
            d.origin = origin


# a total over every group ("In total", "Over all"): it may count people of other flows
_TOTAL_RE = re.compile(r"\b(?:in\s+all|over\s*all|in\s+total|all\s+told|altogether)\b", re.I)


def _is_place(ctx: _Ctx, loc: Location) -> bool:
    """Is the location's span a place inside a country (a town, a crossing), not a country
    or a demonym?"""
    return any(g[0] == loc.start and g[1] == loc.end and g[3] != "country" for g in ctx.geo)


def _story_people(ctx: _Ctx, pop: Span | None) -> bool:
    """Does the population name no group (nationality, profession) of its own?"""
    if pop is None:
        return True
    words = pop.text.split()
    if any(w.lower() in ctx.rules.every_origin_words for w in words):
        return False  # "2.2 million foreign arrivals": people of every origin
    if words[0].lower() in ("those", "them", "these"):
        return True
    story = ctx.rules.story_people_words
    return (
        len(words) <= 3
        and words[-1].lower() in story
        # a capital only where it opens the sentence ("Women and children make up")
        and not any(w[0].isupper() and w.lower() not in story for w in words)
    )


# a figure set against the one before it: ", up from fewer than 500", "against roughly 1,400"
_SET_AGAINST_BEFORE = re.compile(
    r"[^.;:]{0,80}?(?:,\s+|\s)(?:up|down)\s+from\s+(?:a\s+peak\s+of\s+)?(?:[a-z]+\s+){0,3}$"
    r"|[^.;:]{0,80}?\b(?:against|compared\s+with|versus)\s+(?:[a-z]+\s+){0,3}$"
)


# a verb conjunct with no subject of its own right before the figure: ", and arrested almost"
_VERB_CONJUNCT_BEFORE = re.compile(
    r",\s+and\s+(?:also\s+|then\s+)?[a-z]+ed\s+(?:(?:about|almost|nearly|some|more\s+than|over"
    r"|at\s+least|another|a\s+further|roughly|around)\s+)?$"
)


_BASELINE_WORD_BEFORE = re.compile(r"\b(?:on|from|than|against|with)\s+(?:the\s+)?$")


def _resolve_time(ctx: _Ctx, st: _RunState, d: _Draft) -> None:
    """A rate stated before a count ("the daily flow had fallen to"), and when the counted
    thing happened."""
    q, s, e, prev_claim = d.q, d.s, d.e, d.prev_claim
    if q.per is None and q.kind == "count":
        per = _rate_from_before(ctx, q, s)
        if (
            per is None
            and prev_claim is not None
            and prev_claim.quantity.per is not None
            and prev_claim.quantity.kind == "count"
            and _SET_AGAINST_BEFORE.match(ctx.text, prev_claim.quantity.end, q.start)
            # (not "against a peak of more than 17,000 on a single day": one day's total)
            and not re.match(r"\s+(?:on|in)\s+(?:a\s+single|one|a)\s+day\b", ctx.text[q.end : e])
        ):
            # "between 3,000 and 4,000 a day last week, up from fewer than 500 before April
            # 15": a figure set against a rate is that rate too
            per = prev_claim.quantity.per
        if per is not None:
            q = Quantity.from_dict({**q.to_dict(), "per": per})
    tm = (
        _whole_time(ctx, q, d.ev, s, st.out)
        or _time(ctx, d.qd, s, e, ctx.claim_starts)
        or _context_time(ctx, q, s, e, st.out)
    )
    if (
        tm is None
        and q.kind == "change"
        and prev_claim is not None
        and prev_claim.time is not None
        and not _NOW_RE.search(ctx.text[q.start : e])
    ):
        tm = prev_claim.time  # "registered 128,500 in July alone, nearly double ..."
    if (
        tm is None
        and q.kind == "share"
        and _OF_THE_COUNTED.match(ctx.text, q.end, e)
        and not _NOW_RE.search(ctx.text[q.start : e])
    ):
        # "about 13,000 people crossed at Adré in July, ..., and that roughly 85% of the new
        # arrivals were women and children": a share of the people just counted
        counted = next(
            (c for c in reversed(st.out) if c.sentence.start == s and c.quantity.kind == "count"),
            None,
        )
        if counted is not None:
            tm = counted.time
    last_count = next(
        (c for c in reversed(st.out) if c.sentence.start == s and c.quantity.kind == "count"),
        None,
    )
    if (
        tm is None
        and q.kind == "count"
        and last_count is not None
        and last_count.time is not None
        and _VERB_CONJUNCT_BEFORE.search(ctx.text, max(s, q.start - 40), q.start)
        and not any(
            max(last_count.quantity.end, last_count.time.end) <= x.start < q.start
            # (a change's baseline between them is no date of theirs: "up 45% on the
            # previous year")
            and not _BASELINE_WORD_BEFORE.search(ctx.text, max(s, x.start - 12), x.start)
            for x in ctx.inp.dates
        )
    ):
        # "prevented nearly 37,000 people from crossing ... in 2023, up about 45% ..., and
        # arrested almost 8,000 who made it across": a verb joined to the dated one shares
        # its subject and its time
        tm = last_count.time
    if tm is None and q.kind in ("count", "share"):
        tm = _time_of_the_listed_figure(ctx, q, s, st.out)
    if q.kind == "change" and tm is not None:
        tm = _time_of_the_changed_figure(ctx, q, s, tm, st.out)
    if tm is not None and _dates_another_time(ctx, q, d.pop, d.inherited, e, tm):
        tm = None
    own = _whole_own_clause(ctx, q, d.pop, d.inherited, e)
    if own is not None and (tm is None or not (own.start() <= tm.start < own.end())):
        # "Of the roughly 190,000 Afghans who entered ... since August 15": its clause's date
        inner = next(
            (x for x in ctx.inp.dates
             if own.start("rest") <= x.start and x.end <= own.end() and x.date_to is not None),
            None,
        )
        if inner is not None:
            tm = TimeRef(inner.text, inner.start, inner.end, inner.date_from, inner.date_to)
    d.q, d.tm = q, tm


# the words that set a baseline against a figure: "up from 191,113 in November", "on the
# two weeks before"
_BASELINE_BEFORE_DATE = re.compile(
    r"\b(?:up|down)\s+from\b|\bfrom\s+(?:about\s+|some\s+|around\s+)?\d[\d,.]*|"
    r"\bcompared\s+(?:with|to)\b|\bagainst\b"
)
_BASELINE_AFTER_CHANGE = re.compile(
    r"\s+(?:on|from|over|against|compared\s+(?:with|to)|"
    # "about 45% more than in the same period of 2020"
    r"(?:more|fewer|less|higher|lower)\s+than(?:\s+in)?)\s+(?:the\s+)?(?:[\w-]+\s+){0,6}$"
)


def _time_of_the_changed_figure(
    ctx: _Ctx, q: Quantity, s: int, tm: TimeRef, out: list[Claim]
) -> TimeRef:
    """A change's time is that of the count it changes, not its baseline's: "made 249,785
    apprehensions in December, up from 191,113 in November, an increase of about 31%";
    "2,915 ... crossed in the two weeks to Sunday, up 55% on the two weeks before ..."."""
    main = next(
        (c for c in out
         if c.sentence.start == s and c.quantity.kind == "count" and c.time is not None
         and c.quantity.end <= q.start),
        None,
    )  # fmt: skip
    if main is None or main.time is None or tm.start == main.time.start:
        return tm
    text = ctx.text
    if main.quantity.end <= tm.start < q.start and _BASELINE_BEFORE_DATE.search(
        text, main.quantity.end, tm.start
    ):
        return main.time
    if tm.start >= q.end and _BASELINE_AFTER_CHANGE.fullmatch(text, q.end, tm.start):
        return main.time
    return tm


_WHILE_FIGURE_BEFORE = re.compile(
    r"\b(?:while|whereas)\s+(?:some|about|around|roughly|nearly|almost|another|only|just|"
    r"more\s+than|fewer\s+than)?\s*$"
)


def _time_of_the_listed_figure(
    ctx: _Ctx, q: Quantity, s: int, out: list[Claim]
) -> TimeRef | None:
    """"43,685 people arriving from Russia during 2022, 15,213 from Ukraine and 2,112 from
    Belarus", "473,000 people had crossed by Sunday: 332,000 Syrians and 141,000 Lebanese":
    a figure with no verb of its own, listed after a figure of its sentence (a conjunct or
    an apposition of it in the parse), shares that figure's time."""
    def noun_of(pos: int) -> PTok | None:
        t = ctx.tok_at(pos)
        nums = [x for x in ctx.toks_in(pos, pos + 40) if x.pos == "NUM"]
        if t is not None and t.pos != "NUM" and nums and nums[0].start < pos + 25:
            t = nums[0]  # "about 47,000": from the number, not its hedge
        for _ in range(3):
            if t is None or t.dep not in ("nummod", "compound", "quantmod", "amod"):
                break
            t = ctx.toks[t.head] if 0 <= t.head < len(ctx.toks) else None
        return t

    if q.kind == "share" and _parenthesized_group(ctx, q.start, q.end):
        # "Venezuelans made up about 55% of this year's crossers, followed by Ecuadorians
        # (14%)": the bracketed share of the same whole, at the same time
        first = next(
            (c for c in out if c.sentence.start == s and c.quantity.kind == "share"
             and c.quantity.start < q.start),
            None,
        )  # fmt: skip
        if first is not None and first.time is not None:
            return first.time
    if q.kind != "count":
        return None
    me = noun_of(q.start)
    if me is None:
        return None
    earlier = {}
    for c in out:
        if c.sentence.start == s and c.quantity.kind == "count" and c.time is not None:
            n = noun_of(c.quantity.start)
            if n is not None:
                earlier[n.i] = c
    if not earlier:
        return None
    last = max(earlier.values(), key=lambda c: c.quantity.start)
    if re.fullmatch(r"[^.;:]*:\s*", ctx.text[last.quantity.end : q.start]):
        return last.time  # the breakdown after a colon
    if _WHILE_FIGURE_BEFORE.search(ctx.text, last.quantity.end, q.start) and not any(
        last.quantity.end <= x.start < q.start for x in ctx.inp.dates
    ):
        # "in December about 1,100 Russians entered Georgia daily while some 1,300 a day
        # left": the figure opening a while-clause (whatever the parse made of it)
        return last.time
    if me.dep == "nsubj" and 0 <= me.head < len(ctx.toks):
        # "21,540 Russians had crossed ... up to Sunday, while 11,260 had left again": the
        # subject of a "while" clause hung on the verb of a counted subject
        verb = ctx.toks[me.head]
        mark = any(c.head == verb.i and c.dep == "mark" and c.text.lower() in ("while", "whereas")
                   for c in ctx.toks_in(s, verb.start))  # fmt: skip
        if mark and verb.dep == "advcl" and 0 <= verb.head < len(ctx.toks):
            for n_i, c in earlier.items():
                if ctx.toks[n_i].dep == "nsubj" and ctx.toks[n_i].head == verb.head:
                    return c.time
        return None
    if me.dep not in ("conj", "appos"):
        return None
    t: PTok | None = me
    for _ in range(6):
        if t is None or t.dep not in ("conj", "appos") or not 0 <= t.head < len(ctx.toks):
            return None
        t = ctx.toks[t.head]
        if t.i in earlier:
            return earlier[t.i].time
    return None


# "of them", "of those ...", "of the new arrivals": the people a share is taken of
_OF_THE_COUNTED = re.compile(rf"\s+of\s+(?:{OF_PRONOUN_WORDS}|the|all)\b")


def _into_a_bloc(ctx: _Ctx, d: _Draft) -> None:
    """"Frontex said 66,000 Russians had entered the bloc": the people went into a group of
    countries, no one of them; no country of the context is their destination."""
    if d.ev is None or d.ev.type not in ("arrival", "border_encounter"):
        return
    if not into_a_bloc(ctx.text, d.ev.end):
        return
    if d.dest is not None and not (d.ev.end <= d.dest.start < d.e):
        d.dest = None


# people waiting for a crossing: "thousands of Russians wait to cross into Kazakhstan"
_WAIT_TO_CROSS = re.compile(
    r"(?:\s+(?:in|at|on)\s+[\w’'-]+(?:\s+[\w’'-]+)?)?\s+(?:to|for\s+(?:a\s+)?(?:chance|turn)\s+to)"
    r"\s+(?:cross|enter|get|go|move)\b(?:\s+(?:over|across|through))?(?:\s+(?:into|to))?\s+"
)


def _waiting_to_cross(ctx: _Ctx, d: _Draft) -> None:
    """"Ciudad Juárez shelters full as 3,000 migrants wait to cross into US", "thousands
    of Russians wait to cross into Kazakhstan": the people stand on this side of the border;
    the country they wait to enter is not where they are. They are where the sentence puts
    them, else (people waiting to leave their own country) in their own country."""
    if d.ev is None or d.ev.type != "stock" or d.dest is None:
        return
    if not d.ev.text.lower().startswith("wait"):
        return
    m = _WAIT_TO_CROSS.match(ctx.text, d.ev.end)
    if m is None or not (m.end() <= d.dest.start <= m.end() + 4):
        return
    there = next(
        (Location(g[2], ctx.text[g[0] : g[1]], g[0], g[1])
         for g in _geo_in(ctx, d.s, d.ev.start)
         if g[2] is not None and g[2] != d.dest.code and not _is_demonym_at(ctx, g)),
        None,
    )  # fmt: skip
    if there is None:
        nat, _ = _nationality(ctx, d.pop)
        there = nat if nat is not None and nat.code != d.dest.code else None
    d.dest = there


def _build_claim(ctx: _Ctx, d: _Draft) -> Claim:
    """The claim record, with a confidence from how many of its fields were found."""
    q, s, e, pop, ev, tm, src = d.q, d.s, d.e, d.pop, d.ev, d.tm, d.src
    if ev is not None and ev.type in NO_DESTINATION_EVENTS:
        d.dest = None
    filled = sum(x is not None for x in (pop, ev, d.origin or d.dest, tm, src))
    conf = 0.35 + 0.12 * filled - (0.1 if d.inherited else 0.0)
    if ev is None or ev.type == "other":
        conf -= 0.1
    return Claim(
        id=claim_id(ctx.inp.doc_id, q.start, q.end),
        doc_id=ctx.inp.doc_id,
        quantity=q,
        sentence=Span(ctx.text[s:e], s, e),
        population=pop,
        event=ev,
        origin=d.origin,
        destination=d.dest,
        time=tm,
        source=src,
        confidence=round(max(0.05, min(0.99, conf)), 2),
    )
