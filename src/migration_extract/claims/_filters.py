"""Which people-counts are no claims: capacities, samples, ages, anecdotes, censuses,
opinions, needs, members of an institution, and stocks in an article with no migration
story. Pure functions over the resolver's context (``claims._base._Ctx``), used by the
first pass of ``claims._resolve``."""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import Quantity, Span
from ._base import _Ctx, _geo_in
from ._events import _changed_thing

# a number of people that is a capacity, a population or a workforce, not a movement
# the hedges a bounded amount may carry after the words that bound it ("built for about",
# "can hold up to", "sent more than"): shared by the not-a-claim patterns below
_BOUND_HEDGE = r"(?:about\s+|some\s+|around\s+|nearly\s+|more\s+than\s+|up\s+to\s+|over\s+)?$"
_NOT_A_CLAIM_BEFORE = re.compile(
    r"(?:\b(?:country|nation|city|town|region|population|capacity|home|island|village|"
    r"county|province|district|municipality|settlement|hamlet|suburb)\s+of|"
    r"\bpopulation\s+(?:\w+\s+)?(?:fell|rose|dropped|shrank|grew|declined|stood|stands)\s+"
    r"(?:to|at|by)|"
    r"\b(?:shelters?|housing|homes|room|space|beds?|places)\s+for|"
    r"\b(?:built|designed|meant|intended|equipped|planned|set\s+up|laid\s+out)\s+"
    r"(?:to\s+\w+\s+)?for|"
    # "built to handle 45 million passengers a year", "Each flight carries up to 135"
    r"\b(?:built|designed|able|equipped)\s+to\s+(?:handle|hold|house|accommodate|take|carry|seat)|"
    r"\b(?:each|every|per|one)\s+(?:flight|plane|aircraft|bus|boat|ship|train|vessel|ferry|trip)"
    r"\s+(?:can\s+|could\s+)?(?:carries|carry|carried|holds|hold|seats|takes|take)|"
    r"\b(?:employs|employing|employed|employ|hires|hired|staff\s+of|workforce\s+of)|"
    r"\bpopulation\s+(?:is|was|of|stands\s+at)|\binhabitants?\s+of)"
    r"\s+" + _BOUND_HEDGE,
    re.I,
)
# people given beds or housing are housed, not a capacity: "the group had found beds for
# about 1,200 Russian men", "has found temporary housing for 1,780 of the arrivals"
_HOUSED_BEFORE = re.compile(
    r"\b(?:found|find|finds|finding|provided|provides|provide|arranged|secured)\s+"
    r"(?:[\w-]+\s+){0,2}(?:beds?|housing|homes|rooms?|places|shelter)\s+for\s+" + _BOUND_HEDGE,
    re.I,
)
# supplies for a number of people: what is sent or set up, not who came
_SUPPLIES_FOR_BEFORE = re.compile(
    r"\b(?:tents?|blankets|kits|kitchen\s+sets|supplies|rations|mattresses)\s+"
    r"(?:[\w,-]+\s+){0,4}?for\s+" + _BOUND_HEDGE,
    re.I,
)
# "move on within a day or two", "for a week or two": a duration
_PERIOD_OR_BEFORE = re.compile(r"\b(?:a|an|one)\s+(?:day|night|week|month|year|hour)\s+or\s+$")
_NAMED_APPOSITION = re.compile(r",\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?,")
# a share that says what people think or want is an opinion, not a count of them
_ATTITUDE_AFTER = re.compile(
    r"\s+of\s+[^.;,:]{0,50}?\b(?:hoped|hope|hopes|want|wanted|wants|plan|planned|plans|"
    r"believe|believed|believes|think|thought|thinks|intend|intended|intends|wish|wished|"
    r"wishes|expect|expected|expects|fear|feared|fears|support|supported|supports|oppose|"
    r"opposed|opposes|prefer|preferred|prefers|said\s+they|say\s+they|feel|felt)\b"
    # (not "had said they were Syrian", "said they were going back to Russia": who they are
    # or what they did; not "the refugees it believes are in the country": an estimate)
    r"(?!\s+(?:(?:were|are|had\s+been|have\s+been)\s+(?:going|heading|travell?ing|moving|"
    r"returning|from\b|[A-Z])|are\b|is\b))",
    re.I,
)
_SURVEY_RE = re.compile(r"\b(?:survey|poll|polls|polling|questionnaire)\b", re.I)
_DEMOGRAPHIC_AFTER = re.compile(
    r"(?:\s+of\s+(?!respondents\b)[\w\s-]{1,40}?)?\s+(?:are|were|is|was)\s+(?:\w+\s+)?"
    r"(?:children|women|men|minors|girls|boys|adults|elderly|aged|under|over)\b|"
    r"\s+came\s+with\b",
    re.I,
)
_NOT_A_CLAIM_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?(?:\s+of\s+them)?\s+(?:already\s+|now\s+)?(?:(?:have|has|had)\s+)?"
    r"(?:have|had|hold|held|found|find|got|get|taken|took)\s+"
    r"(?:(?:a|full-time|part-time|regular|formal)\s+)?(?:jobs?|work|employment)\b|"
    # "About 9.4 million people were eligible to vote": voters (fixtures/README)
    r"(?:\s+[\w-]+){0,2}\s+(?:were|are|was|is|will\s+be)\s+eligible\s+to\s+vote\b|"
    # "six asylum seekers, two of them aged 17": ages
    r"(?:\s+of\s+them)?,?\s+aged\s+(?:\d|between|under|over)|"
    # "people in need of food aid": a need, not a movement
    r"(?:\s+[\w-]+){0,2}\s+in\s+need\s+of\b|"
    # "7.8 million people in South Sudan already faced severe hunger", "Some 3.3 million
    # people face crisis levels of hunger", "more than half the population needs aid"
    r"(?:\s+(?:of\s+)?[\w-]+){0,4}?\s+(?:already\s+|now\s+|still\s+)?(?:face|faces|faced|"
    r"facing|need|needs|needed|needing|require|requires|required)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:hunger|food|aid|assistance|famine|starvation|malnutrition)\b|"
    # "more than 40% of children under five were acutely malnourished", "fewer than a quarter
    # of households had a proper shelter": living conditions
    r"(?:\s+of\s+[\w\s-]{1,40}?)?\s+(?:are|were|is|was)\s+(?:\w+\s+)?malnourished\b|"
    r"(?:\s+of\s+[\w\s-]{1,40}?)?\s+(?:had|have|has|lacked|lack)\s+(?:a\s+)?(?:proper|adequate|"
    r"any|no)\s+(?:shelter|toilets?|water|latrines?|food)\b",
    re.I,
)
# "said Marlon, 31,": an age after a name; "  2. Weather: ...": a list number
_AGE_AFTER_NAME = re.compile(r"\b[A-Z][a-z’'-]+,\s+$")
# "with her three children", "five of her seven children": one family's story
_FAMILY_BEFORE = re.compile(
    r"\b(?:her|his|my|our|their|your)\s+$|\b(?:I|we)\s+(?:have|had)\s+$|"
    # "with his wife and five children"
    r"\b(?:her|his|my|our|their|your)\s+(?:wife|husband|partner|mother|father|parents)\s+"
    r"and\s+$|"
    r"\b(?:each|every|a|per|the\s+average)\s+(?:family|household)\s+(?:\w+\s+)?(?:has|had|have)\s+$",
    re.I,
)
# suspects of a crime: "arrested three men who had forced ...", "arrested two men in
# connection with the sinking" (people arrested for crossing stay claims)
_SUSPECTS = re.compile(r"\b(?:arrest|detain|charg|held)\w*\s+(?:[\w-]+\s+){0,2}$", re.I)
_SUSPECTED_OF = re.compile(
    r"[^.;]{0,80}?\b(?:on\s+suspicion\s+of|in\s+connection\s+with|suspected\s+of|"
    r"accused\s+of|charged\s+with|who\s+had\s+forced)\b",
    re.I,
)
# a crowd: "About 200 people protested outside ...", "Hundreds of students stormed"
_PROTESTED_AFTER = re.compile(
    r"(?:\s+(?:of\s+)?[\w-]+){0,3}?\s+(?:protested|rallied|demonstrated|stormed|marched|"
    r"staged\s+a\s+protest)\b",
    re.I,
)
# care given, food for: "had vaccinated more than 38,000 migrants", "enough food in the area
# to feed 60,000 people"
_CARE_OR_FOOD_BEFORE = re.compile(
    r"(?:\bvaccinat\w*\s+(?:[\w-]+\s+){0,2}|\benough\s+[^.;]{0,40}?\bto\s+feed\s+)"
    + _BOUND_HEDGE,
    re.I,
)
_FAMILY_AFTER = re.compile(r"\s+of\s+(?:her|his|my|our|their|your)\b", re.I)
# "the Pentagon has sent 1,500 active-duty troops": a deployment, not people on the move
_DEPLOYED_BEFORE = re.compile(
    r"\b(?:sent|send|sends|sending|deployed|deploy|deploys|deploying|dispatched|dispatch|"
    r"stationed|station|posted|mobilised\s+an\s+extra)\s+(?:an?\s+)?(?:additional\s+|extra\s+|"
    r"further\s+|another\s+)?" + _BOUND_HEDGE,
    re.I,
)
_LIST_NUMBER = re.compile(r"(?:^|\n|[ \t]{2})[ \t]*$")
# "the two centres can hold up to 1,000 people at a time": a capacity
# "the average dinghy carried about 44 people": a typical load, not a count of people
_AVERAGE_LOAD_BEFORE = re.compile(
    r"\baverage\s+[\w-]+\s+(?:carried|carries|carrying|held|holds|had|has)\s+" + _BOUND_HEDGE,
    re.I,
)
_CAPACITY_BEFORE = re.compile(
    r"(?:\bcan\s+(?:hold|house|accommodate|sleep|shelter|host|take|carry|seat)|"
    # "wooden sloops that carry 100 people or more", "The buses, each carrying up to 50"
    r"\b(?:boats?|sloops?|dinghies|dinghy|buses|bus|planes?|trucks?|lorries|vans?|"
    r"vessels?|ships?|ferries|ferry|trains?)\s+(?:that\s+|which\s+)?"
    r"(?:can\s+|could\s+)?(?:carry|carries|hold|holds|seat|seats)|"
    r"\bcould\s+(?:hold|house|accommodate|sleep)|"
    # "a camp set up in August to hold 400 people"
    r"\bto\s+hold|"
    # "built to hold about 3,000 people", "would each carry up to 250 passengers"
    r"\b(?:built|designed|meant|intended|equipped|planned)\s+to\s+(?:hold|house|accommodate|"
    r"sleep|shelter|host|take|carry|seat)|"
    r"\beach\s+(?:carry|carries|hold|holds|seat|seats|take|takes|accommodate))\s+" + _BOUND_HEDGE,
    re.I,
)
_TRIP_AFTER = re.compile(r"\s+more\b|[^.;,]{0,40}?\b(?:to|from)\s+(?:the\s+)?[A-Z]")
# "a city survey of 1,500 households", "a poll of 2,000 adults": the sample, not a count
_SAMPLE_BEFORE = re.compile(
    r"\b(?:survey|surveys|poll|polls|study|sample|questionnaire)\s+(?:of|among)\s+" + _BOUND_HEDGE,
    re.I,
)
# "pensioners over 70 and children under 15 travel free": ages of a group
# "under 18", "over five": an age bound
_AGE_BOUND = re.compile(
    r"(?:under|over|below|above)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen)",
    re.I,
)
_AGE_OF_GROUP = re.compile(
    r"\b(?:children|kids|pensioners|people|adults|men|women|boys|girls|those|minors|"
    r"teenagers|students|anyone|everyone|of\s+them|of\s+whom)\s+(?:aged\s+)?$",
    re.I,
)
_SHARE_OF_MONEY_OR_NEED = re.compile(
    r"\s+of\s+(?:which\b|(?:(?:the|its|their|an?)\s+)?(?:[$€£¥]|US\$|what\b|(?:estimated\s+)?\d[\d,.]*"
    r"(?:\s+(?:million|billion|bn|m))?\s+(?:dollars|euros|pounds|francs|rupees|shillings)\b))"
)


def _is_not_a_claim(ctx: _Ctx, q: Quantity, pop: Span | None, s: int, e: int) -> bool:
    """A figure of people that is no claim: a capacity, a sample, an age, an anecdote, a
    census, an opinion, a need."""
    if _is_capacity_sample_or_age(ctx, q, s) or _is_anecdote_or_census(ctx, q, pop, s, e):
        return True
    if (
        q.kind == "share"
        and (
            _ATTITUDE_AFTER.match(ctx.text[q.end : min(e, q.end + 80)])
            or (
                _SURVEY_RE.search(ctx.text[s:e])
                # (a survey's demographic share is a claim: "about half of those who stayed
                # are children, according to a survey by UNHCR")
                and not _DEMOGRAPHIC_AFTER.match(ctx.text[q.end : min(e, q.end + 80)])
                # (and so is a share that moved or is housed: "found that four in five displaced
                # families were being hosted", "about a third ... had gone back by the summer")
                and not _share_moved(ctx, q, e)
            )
        )
    ):
        return True  # "a survey found that 77% of refugees hoped to go home": an opinion
    if (
        pop is not None
        and pop.text.split()[-1].lower() in ("patients", "patient")
        and re.match(
            r"\s+(?:(?:were|are|was|is|had\s+been|have\s+been)\s+)?waiting\b",
            ctx.text[pop.end : pop.end + 30],
        )
    ):
        # "96 patients were waiting on trolleys": a hospital's list, not people on the move
        # (not "about 65 patients were moved from the city's hospital to a ferry")
        return True
    if q.kind == "share" and _SHARE_OF_MONEY_OR_NEED.match(ctx.text, q.end, min(e, q.end + 40)):
        return True  # "received only 31% of the $242 million", "less than half of what is needed"
    if q.kind == "change" and re.search(
        r"\bnumber\s+of\s+(?:[\w-]+\s+){0,2}in\s+need\s+of\b", ctx.text[s : q.start]
    ):
        return True  # "the number of people in need of food aid has doubled"
    if q.kind == "change" and _changed_thing(ctx, q, e):
        return True  # "double their capacity", "double the number of expulsion flights"
    if (
        q.value == 1
        and q.qualifier is None
        and pop is not None
        and _NAMED_APPOSITION.match(ctx.text[pop.end : pop.end + 40])
    ):
        return True  # "One man, Aleksey, told Reuters ...": an anecdote, not a count
    return False


# what a share of people did or where they are, not what they think
_SHARE_MOVES = frozenset({"arrival", "departure", "return", "onward"})
_SHARE_HOUSED = frozenset({"host", "house", "shelter", "accommodate"})


def _share_moved(ctx: _Ctx, q: Quantity, e: int) -> bool:
    """Is the verb after a share ("... had gone back", "were being hosted") a movement or a
    housing of the people, rather than an attitude or a condition?"""
    for t in ctx.toks_in(q.end, e):
        if t.pos == "VERB":
            lem = t.lemma.lower()
            return lem in _SHARE_HOUSED or (
                ctx.rules.verb_triggers.get(lem) in _SHARE_MOVES
                # (not a verb of seeing, receiving or expecting: "69% of Georgians see
                # Russia as a threat")
                and lem not in ("see", "expect", "receive", "welcome", "admit")
                and lem not in ctx.rules.counting_verbs
            )
    return False


def _is_capacity_sample_or_age(ctx: _Ctx, q: Quantity, s: int) -> bool:
    """The words before the figure make it a capacity, a population, a sample, an average
    load or an age."""
    before = ctx.text[max(s, q.start - 50) : q.start]
    if _NOT_A_CLAIM_BEFORE.search(before[-40:]) and not _HOUSED_BEFORE.search(before):
        return True
    if _PERIOD_OR_BEFORE.search(before):
        return True  # "within a day or two": a duration
    if q.qualifier == "up_to" and re.search(r"\beach\s+carrying\s+$", before):
        return True  # "The buses, each carrying up to 50 passengers": a capacity
    if _SUPPLIES_FOR_BEFORE.search(before):
        return True  # "pitched tents for 5,000 people", "blankets and kitchen sets for 6,000"
    if _CAPACITY_BEFORE.search(ctx.text[max(s, q.start - 40) : q.start]) and not (
        # "navy ships carry 2,010 more Rohingya to Bhasan Char": a trip made, not a capacity
        _TRIP_AFTER.match(ctx.text, q.end)
    ):
        return True
    if _SAMPLE_BEFORE.search(ctx.text[max(s, q.start - 30) : q.start]):
        return True
    if _AGE_BOUND.fullmatch(q.text) and _AGE_OF_GROUP.search(
        ctx.text[max(s, q.start - 20) : q.start]
    ):
        return True
    if _AVERAGE_LOAD_BEFORE.search(ctx.text[max(s, q.start - 40) : q.start]):
        return True
    if re.match(
        r"\s+head\b(?!\s+(?:to|for|into|home|back|north|south|east|west|towards|out))",
        ctx.text[q.end : q.end + 20],
    ):
        return True  # "herds top 71 million head": livestock
    if _AGE_BOUND.fullmatch(q.text) and re.search(
        r"\b(?:are|were|aged|is|was)\s+$", ctx.text[max(s, q.start - 8) : q.start]
    ):
        return True  # "46% of them are under 18": an age
    return False


def _migration_story(ctx: _Ctx) -> bool:
    """Does the article use any word of migration, borders or camps (lexicon
    `migration_words`)? Read once per article."""
    if ctx.migration_story is None:
        found = _story_words_re(ctx.rules.migration_words).search(ctx.text)
        ctx.migration_story = found is not None
    return ctx.migration_story


@lru_cache(maxsize=4)
def _story_words_re(words: frozenset[str]) -> re.Pattern[str]:
    """The lexicon's word stems (regular-expression fragments) matched at a word start."""
    return re.compile(r"\b(?:" + "|".join(sorted(words)) + ")", re.I)


def _counts_a_nationality(ctx: _Ctx, pop: Span | None) -> bool:
    """Does the population name a country's people ("Venezuelan pupils", "Syrians")?"""
    return pop is not None and any(g[2] for g in _geo_in(ctx, pop.start, pop.end))


def _members_of_an_institution(ctx: _Ctx, pop: Span | None, s: int, e: int) -> bool:
    """Students, applicants or voters counted by their school or poll in an article with
    no word of migration and no nationality in their sentence: "enrolled 41,615 students"
    is no claim; "9,400 Venezuelan pupils" and, in a story of temporary protection,
    "receiving 300 to 400 applicants a day" are."""
    if pop is None or pop.text.split()[-1].lower() not in ctx.rules.institution_people:
        return False
    if _counts_a_nationality(ctx, pop):
        return False
    return not _migration_story(ctx) and not any(
        g[2] and ctx.gaz.is_demonym(ctx.text[g[0] : g[1]]) for g in _geo_in(ctx, s, e)
    )


def _is_anecdote_or_census(ctx: _Ctx, q: Quantity, pop: Span | None, s: int, e: int) -> bool:
    """One family's story, a deployment, a census, an age after a name, a list number, jobs
    or living conditions, a place's population."""
    if (
        q.value is not None
        and q.value < 100  # (not "in their tens of thousands")
        and (
            _FAMILY_BEFORE.search(ctx.text[max(s, q.start - 30) : q.start])
            or _FAMILY_AFTER.match(ctx.text[q.end : q.end + 12])
        )
    ):
        return True  # "with her three children": an anecdote
    if (
        pop is not None
        and pop.text.split()[-1].lower() in ctx.rules.forces
        and _DEPLOYED_BEFORE.search(ctx.text[max(s, q.start - 40) : q.start])
    ):
        return True  # "has sent 1,500 active-duty troops"
    sus = _SUSPECTS.search(ctx.text[max(s, q.start - 40) : q.start]) and _SUSPECTED_OF.match(
        ctx.text, q.end, min(e, q.end + 90)
    )
    if sus and not re.search(r"\b(?:cross|enter|arriv|migrant)", sus.group(0), re.I):
        # "arrested three men ... on suspicion of people smuggling": suspects (not "detained
        # dozens of men crossing the border on suspicion of links to armed groups")
        return True
    if _PROTESTED_AFTER.match(ctx.text, pop.end if pop is not None else q.end, e):
        return True  # "About 200 people protested outside ...": a crowd, not people moving
    if _CARE_OR_FOOD_BEFORE.search(ctx.text[max(s, q.start - 60) : q.start]):
        return True  # "vaccinated more than 38,000 migrants", "enough food to feed 60,000"
    if _members_of_an_institution(ctx, pop, s, e):
        return True  # "The University of Georgia enrolled 41,615 students"
    if (
        pop is not None
        and pop.text.split()[-1].lower() in ("people", "residents", "inhabitants")
        and re.search(r"\b(?:most|least|more|less)\s+populous\b|\bpopulation\s+of\b", ctx.text[s:e])
    ):
        return True  # "the most populous province with 15.1 million people": a census
    if (
        _AGE_AFTER_NAME.search(ctx.text[max(s, q.start - 30) : q.start])
        and ctx.text[q.end : q.end + 1] == ","
    ) or (
        _LIST_NUMBER.search(ctx.text[max(0, q.start - 10) : q.start])
        and re.match(r"\.\s", ctx.text[q.end : q.end + 2])
    ):
        return True
    if _NOT_A_CLAIM_AFTER.match(ctx.text[q.end : min(e, q.end + 90)]):
        return True  # "some 180,000 of them already have jobs"; "home to about 11,000 people"
    if re.search(
        r"\bhome\s+to\s+(?:about\s+|some\s+|around\s+|nearly\s+|more\s+than\s+)?$",
        ctx.text[max(s, q.start - 30) : q.start],
    ) and re.match(r"\s+(?:people|residents|inhabitants|souls)\b", ctx.text[q.end : q.end + 14]):
        return True  # a place's population
    if (
        pop is not None
        and pop.text.lower() in ("people", "residents", "inhabitants", "citizens", "souls")
        and re.search(
            r"\bof\s+(?:the\s+)?[\w-]+(?:’s|'s)\s+"
            r"(?:entire\s+|whole\s+|total\s+|estimated\s+|roughly\s+|some\s+)?$",
            ctx.text[max(s, q.start - 40) : q.start],
        )
    ):
        # "one in ten of the country's 22 million people": the base of a share, a place's
        # population (not "the town's 6,000 residents were evacuated")
        return True
    return False
