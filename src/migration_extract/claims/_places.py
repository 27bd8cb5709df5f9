"""Origin and destination: country and place mentions read through the preposition or
verb before them, the nationality of the population, the places of the context."""

from __future__ import annotations

import re
from typing import Any

from ..records import Event, Location, Source, Span
from ._base import (
    _OTHER_NOUN_CLAUSE_PLACE,
    _STAY_EVENTS,
    PTok,
    _ancestors,
    _Ctx,
    _geo_in,
    _governs_verb_clause,
    _segment,
    _subject_of,
    _subtree,
)
from ._sources import _DATELINE_FULL, _governing_reporters

# "in north-eastern Libya", "into neighbouring Chad", "from the south of"
_PLACE_MODIFIER = (
    # "in the southeastern Libyan town of", "into the remote north-east of the Central
    # African Republic"
    r"(?:(?:neighbou?ring|the|remote|north|south|east|west|central|northern|southern|eastern|"
    r"western|north-?eastern|north-?western|south-?eastern|south-?western|rural|coastal)\s+)"
    r"{0,2}(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?)?$"
)
# the words that may stand between a preposition and its place, without "the east of"
_PLACE_MODIFIER_NEAR = (
    r"(?:neighbou?ring\s+|the\s+|(?:north|south|east|west|central|northern|southern|eastern|"
    r"western|north-?eastern|north-?western|south-?eastern|south-?western|rural|coastal)\s+)?$"
)
# "flee Sudan's war into South Sudan", "fled the fighting into Chad": the flight's "into"
_FLED_WAR_INTO = re.compile(
    r"\b(?:fled|flee|flees|fleeing|escaped|escaping|escape)\s+(?:the\s+|[A-Z][\w’'-]*[’']s\s+)?"
    r"(?:war|fighting|conflict|violence|clashes|offensive)\s+into\s+(?:neighbou?ring\s+)?$",
    re.I,
)
_LOCATIVE_CONTEXT = re.compile(
    r"\b(?:war|fight|fighting|conflict|invasion|battle|offensive|front|killing|killed|"
    r"troops|army|forces)\s+(?:(?:spreads?|spreading|moves?|reaches|escalates?|intensifies|"
    r"flares?|rages?|continues?)\s+)?(?:in|on|against|with|of|to|into)\s+(?:the\s+)?$",
    re.I,
)
_FROM_RE = re.compile(
    # (not "across from Brownsville", "miles from the border": where a place lies)
    r"(?:(?<!across\s)(?<!away\s)(?<!miles\s)(?<!kilometres\s)(?<!km\s)(?<!far\s)\bfrom|\bout\s+of|\bleaving|\bleft|\bleave|\bfled|\bflee|\bfleeing|\bescaped|"
    r"\bescaping|\bexited|\bexodus\s+from)\s+" + _PLACE_MODIFIER,
    re.I,
)
_OWN_CITIZENS_AFTER = re.compile(r"\s+of\s+(?:its|their)\s+(?:own\s+)?(?:citizens|nationals)\b")
_PLACE_RECORDS = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+|also\s+)?(?:recorded|received|registered|hosts|hosted|took\s+in|"
    r"counted|logged|saw|sheltered)\b"
)
_COUNTRY_COLON = re.compile(r"\s*(?:[›»•·]\s*)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}):\s")
_THING_FROM = re.compile(
    r"\b(?:training|boats|vessels|funding|funds|money|aid|support|equipment|help|pressure|"
    r"criticism|donations|loans?|grants?|weapons|arms|data|figures|statistics|numbers|"
    r"estimates|reports?)\s+from\s+(?:the\s+)?$",
    re.I,
)
_ACROSS_FROM = re.compile(
    r"\b(?:across|opposite)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}from\s+(?:the\s+)?$", re.I
)
# an explicit way towards a place; _TO_MOVE_RE adds the words of passing through or across
# ("crossed", "via", "across": where it happens or passes)
_TOWARD_WORDS = r"\bto|\binto|\btowards?|\bentered|\benter|\bentering|\breached|\breach|\bfor"
_TO_MOVE_RE = re.compile(
    rf"(?:{_TOWARD_WORDS})\s+" + _PLACE_MODIFIER
    # ("Across the east of the country, ... forced from their homes": where it happens)
    + r"|(?:\bcrossed|\bcross|\bcrossing|\bvia|\bacross)\s+" + _PLACE_MODIFIER_NEAR,
    re.I,
)
_TOWARDS_RE = re.compile(rf"(?:{_TOWARD_WORDS})\s+" + _PLACE_MODIFIER, re.I)
# "most of them to return to Ukraine", "in most cases to go back to Ukraine": where a part
# of the group went
_PARTLY_TO_RE = re.compile(
    # ("most heading on by road to Kazakhstan")
    r"\b(?:(?:most|many|some)(?:\s+of\s+them)?|in\s+(?:most|many|some)\s+cases)\b[^,.;:]{0,30}$",
    re.I,
)
_AND_ELSEWHERE = re.compile(
    r"\s+(?:and|or)\s+(?:other|further|elsewhere|beyond|onward)\b", re.I
)
# a part of the group, not the group: "most of them from", "mostly students from"
_PARTLY_FROM_RE = re.compile(
    r"\b(?:most|many|some|several|mostly|mainly|largely|primarily|chiefly|predominantly|"
    r"majority)\b[^,.;:]{0,40}\bfrom\s+(?:the\s+)?$",
    re.I,
)
_IN_RE = re.compile(
    r"(?:\bin|\bat|\bwithin|\binside|\bto|\bon|\baround|\bnear|\boutside|\b(?:island|islands|coast|port|town|city|"
    r"village|province|shores)\s+of)\s+" + _PLACE_MODIFIER,
    re.I,
)
_OPENING_PLACE = re.compile(
    r"(?:[A-Z][A-Z’' .,-]+\s+[–—-]\s+)?(?:In|Inside|Across|Throughout|At)\s+(?:the\s+)?"
    r"(?:neighbou?ring\s+|nearby\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*$"
)
# "the Russian side of", "the Greek port of Kalamata", "the Italian island of Lampedusa"
_DEMONYM_PLACE_AFTER = re.compile(
    r"\s+(?:side|(?:border\s+)?(?:port|town|city|island|islands|capital|village|coast|region|"
    r"province|enclave)\s+of)\b"
)
# "(returned) to their homes", "(gone) back to their villages", "(went) home": home
_HOME_AFTER = re.compile(
    r"(?:\s+(?:back|home))?\s+(?:to\s+their\s+(?:own\s+)?(?:homes?|home\s+(?:towns?|villages?|areas?)|"
    r"villages?|towns|areas?\s+of\s+origin)|home)\b(?!\s+(?:from|to)\b)"
)
_RECEIVING_RE = re.compile(r"\b(?:receiv|welcom|took\s+in|taken\s+in|takes\s+in)", re.I)
# "on to other European Union countries", "to third countries": several destinations
_TO_OTHER_COUNTRIES = re.compile(
    r"(?:\s+to)?\s+(?:other|third|several|various|many)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:countries|states|nations|destinations)\b"
)
# "left the country for", "leaving Port-au-Prince for": a departure from a named place
_LEFT_PLACE_FOR = re.compile(
    r"(?:left|leave|leaves|leaving|departed|depart|departs|departing|exited|exit|exiting)\s+"
    r"(?:the\s+)?[A-Z\w][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}\s+(?:for|to|towards)\s+(?:the\s+)?"
)
# between a place and the event noun named after it: "Canary Islands arrivals", "Lampedusa
# sea arrivals"
_PLACE_BEFORE_EVENT_NOUN = re.compile(
    r"(?:’s|'s)?\s+(?:(?:sea|boat|daily|weekly|monthly|migrant|irregular|new)\s+)?"
)
_NGO_NAME = re.compile(
    r"\b(?:Council|Committee|Foundation|Red\s+Cross|Red\s+Crescent|Caritas|Oxfam|Amnesty|"
    r"Save\s+the\s+Children|Rescue|Relief|Aid|Watch|Doctors|Médecins|Medecins|Mercy|"
    r"Charity|NGO|Society|Alliance|Network|Project|Mission|Church|Crescent)\b"
)
# "hoping to cross into Croatia", "trying to reach Italy": where they aim to go
_INTENT_BEFORE = re.compile(
    r"\b(?:hoping|trying|attempting|seeking|aiming|planning|waiting|intending|wanting)\s+to\s+"
    r"(?:\w+\s+){1,2}(?:\w+\s+)?$",
    re.I,
)
# "waiting on Monday for flights to the United States": a journey still to come
_FOR_TRANSPORT_TO = re.compile(
    r"\bfor\s+(?:\w+\s+)?(?:flights?|buses|boats|transport|passage|onward\s+travel)\s+to\s+$",
    re.I,
)
_FLED_CONFLICT_OF = re.compile(
    r"\b(?:fled|flee|fleeing|flees|escaped|escaping)\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:war|fighting|conflict|violence|clashes|crisis|bombing|bombardment|strikes|offensive)\s+"
    r"(?:in|across|between|by|involving)\s+(?:the\s+)?$",
    re.I,
)
_FLED_WAR_IN = re.compile(
    r"\b(?:fled|flee|fleeing|flees|escaped|escaping)\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:war|fighting|conflict|violence|crisis|floods?|drought|earthquake|bombing|bombardment)\s+"
    r"(?:in|across)\s+(?:the\s+)?$",
    re.I,
)


def _is_demonym_at(ctx: _Ctx, g: tuple[int, int, str | None, str]) -> bool:
    return g[3] == "country" and ctx.text[g[0] : g[1]] in ctx.gaz.demonyms


_TOWN_COMMA_BEFORE = re.compile(
    r"\b(?P<prep>to|into|in|from|at)\s+(?:[A-Z][\w’'.-]*\s+(?:(?:de|del|la|el|al|of)\s+)?){0,3}"
    r"[A-Z][\w’'.-]*,\s+$"
)


def _last_of_list(ctx: _Ctx, s: int, g: tuple[int, int, str | None, str]) -> bool:
    """"from the United States and Mexico", "from Cuba, Haiti, Nicaragua and Venezuela": the
    last item of a list of places (not "KIGOMA, Tanzania": a town and its country)."""
    m = re.search(r"(?:(,)|\band|\bor)\s+(?:the\s+)?$", ctx.text[max(s, g[0] - 9) : g[0]])
    if m is None:
        return False
    if m.group(1) is None:
        return True
    comma = max(s, g[0] - 9) + m.start(1)
    return any(h[1] == comma and h[3] == "country" for h in _geo_in(ctx, s, comma))


def _listed_with_others(ctx: _Ctx, g: tuple[int, int, str | None, str], e: int) -> bool:
    """'to Georgia, Kazakhstan and Mongolia': a destination listed with others."""
    after = ctx.text[g[1] : min(e, g[1] + 40)]
    if _AND_ELSEWHERE.match(after):
        return True  # "to Germany and other EU countries", "to Romania and further west"
    m = re.match(r"\s*(?:,|\band\b|\bor\b)\s*(?:and\s+|or\s+)?(?:the\s+)?", after)
    if not m:
        return False
    nxt = g[1] + m.end()
    # "in Baidoa, the Norwegian Refugee Council said": an adjective starting a name is
    # not a second place
    return any(
        x[0] == nxt
        and x[2]
        # ("landed on Lesbos, Samos and Chios": places of one country are one destination)
        and x[2] != g[2]
        and not (_is_demonym_at(ctx, x) and not ctx.text[x[0] : x[1]].endswith("s"))
        for x in ctx.geo
    )


# "ethnic Armenians": kin of a country, not its citizens
_ETHNIC_BEFORE = re.compile(r"\bethnic(?:ally)?\s+$")


def _nationality(ctx: _Ctx, pop: Span | None) -> tuple[Location | None, bool]:
    """The nationality named in the population, and whether it is an adjective
    ('Russian men') rather than the head noun ('Mongols')."""
    if pop is None:
        return None, False
    if len({g[2] for g in _geo_in(ctx, pop.start, pop.end) if g[3] == "country" and g[2]}) > 1:
        return None, False  # "Cubans, Haitians, Nicaraguans and Venezuelans": several
    for g in _geo_in(ctx, pop.start, pop.end):
        if g[3] == "country" and g[2]:
            if _listed_with_others(ctx, g, min(len(ctx.text), pop.end + 80)):
                return None, False  # "160,000 Cubans, Haitians, Nicaraguans and Venezuelans"
            word = ctx.text[g[0] : g[1]]
            if _ETHNIC_BEFORE.search(ctx.text, max(0, g[0] - 12), g[0]):
                # "ethnic Armenians" from Nagorno-Karabakh: kin of a country, not its citizens
                return None, False
            adjective = g[1] < pop.end and not word.endswith("s")
            return Location(g[2], word, g[0], g[1]), adjective
    return None, False


# "Men made up roughly three in four of ...", "Iranians accounted for 14% of arrivals"
MAKING_UP_BEFORE = re.compile(
    r"\b(?:made|make|makes|making)\s+up\s+$|\b(?:accounted|account|accounts|accounting)\s+for\s+$"
)
_OF_THE_GROUP = re.compile(r"\s+of\s+(?:the\s+|all\s+)?([A-Z][\w’'-]+)\b")


def _group_of_the_part(
    ctx: _Ctx, qd: dict[str, Any], pop: Span | None, e: int
) -> Location | None:
    """"Men accounted for three in four of the Russians who entered": the nationality of
    the group a part of people makes up (the part, the population, names none)."""
    if pop is None or pop.end > qd["start"]:
        return None
    if not MAKING_UP_BEFORE.search(ctx.text[max(0, qd["start"] - 24) : qd["start"]]):
        return None
    m = _OF_THE_GROUP.match(ctx.text, qd["end"], e)
    if m is None or not ctx.gaz.is_demonym(m.group(1)):
        return None
    return Location(ctx.gaz.demonyms[m.group(1)], m.group(1), m.start(1), m.end(1))


_COUNTRY_COMPOUND = re.compile(r"-(?:led|backed|based|funded|run|brokered|made)\b")


def _sentence_countries(
    ctx: _Ctx, s: int, e: int, *, exclude_locative: bool = True
) -> list[tuple[int, int, str | None, str]]:
    out = []
    for g in _geo_in(ctx, s, e):
        if g[2] is None or g[3] != "country":
            continue
        before = ctx.text[max(s, g[0] - 25) : g[0]]
        if exclude_locative and (_LOCATIVE_CONTEXT.search(before) or _TO_MOVE_RE.search(before)):
            continue
        if _COUNTRY_COMPOUND.match(ctx.text, g[1]):
            continue  # "the US-led operation": a modifier, not a place of the figure
        out.append(g)
    return out


def _prev_sentence_place(ctx: _Ctx, s: int) -> Location | None:
    """The single country (or place) named in the previous sentence, if there is one."""
    prev = [x for x in ctx.sents if x[1] <= s]
    if not prev:
        return None
    ps, pe = prev[-1]
    gs = [g for g in _geo_in(ctx, ps, pe) if g[2] and not _is_demonym_at(ctx, g)]
    codes = {g[2] for g in gs}
    if len(codes) == 1:
        g = gs[-1]
        return Location(g[2], ctx.text[g[0] : g[1]], g[0], g[1])
    return None


def _country_subject(
    ctx: _Ctx, ev: Event | None, q: dict[str, Any], s: int, e: int
) -> Location | None:
    """The country named as the subject of the event verb or of the verb reporting it."""
    heads: list[PTok] = []
    if ev is not None:
        t = ctx.tok_at(ev.start)
        if t is not None:
            # the event verb and the verbs above it ("Mongolia sees thousands ... arrive")
            heads += [t, *[a for a in _ancestors(ctx, t) if s <= a.start < e][:2]]
    heads += _governing_reporters(ctx, q, s, e)[:1]
    for h in heads:
        sj = _subject_of(ctx, h, s, e)
        if sj is None:
            continue
        if sj.text.isupper() and len(sj.text) > 2 and _DATELINE_FULL.match(ctx.text, s, e):
            # "PODGORICA/BELGRADE, Feb 14 (Reuters) - Montenegro granted ...": the parser
            # took the dateline for a subject; the verb's other subject is the real one
            other = [
                c for c in ctx.toks_in(s, e)
                if c.head == h.i and c.dep in ("nsubj", "nsubjpass") and c.i not in (sj.i, h.i)
                and c.start > sj.start
            ]  # fmt: skip
            if other:
                sj = other[0]
        if re.match(r"\s*[–—-]\s", ctx.text[sj.end : sj.end + 3]):
            # "LIMA – Peru hosts ...": the parser takes the dateline for the subject
            apps = [x for x in ctx.toks_in(sj.end, e) if x.head == sj.i and x.dep == "appos"]
            sj = apps[0] if apps else sj
        a0, a1 = _subtree(ctx, sj, s, e)
        a1 = max(a1, sj.end)
        if a0 <= q["start"] < a1:
            continue
        for g in _geo_in(ctx, sj.start if a0 > sj.start else a0, a1):
            if _FROM_RE.search(ctx.text[max(s, g[0] - 25) : g[0]]):
                continue  # "Daily arrivals from Ukraine rose": where they came from
            if g[2] and g[3] == "country" and not _is_demonym_at(ctx, g):
                return Location(g[2], ctx.text[g[0] : g[1]], g[0], g[1])
    # "Lebanon, which hosts ..."
    # ("Ireland, a country of about 5 million people that has taken in ...")
    m = re.search(
        r"([A-Z][\w’'-]+),\s+(?:an?\s+[^,;]{3,60}?\s+)?(?:which|that)\s+(?:\w+\s+){0,2}\w+\s*$",
        ctx.text[s : q["start"]],
    )
    if m:
        code = ctx.gaz.code(m.group(1))
        if code:
            return Location(code, m.group(1), s + m.start(1), s + m.end(1))
    return None


# where something was said: "Speaking in Geneva, ...", "told reporters in Yerevan"
_SAID_AT_PLACE = re.compile(
    r"\b(?:[Ss]peaking|[Tt]alking|[Ww]riting|told\s+(?:reporters|journalists|a\s+news\s+"
    r"conference|a\s+press\s+conference|a\s+briefing)|said|says|told\s+\w+)\s+(?:in|at|from)\s+"
    r"(?:the\s+)?$"
)
# a conflict or disaster reaching a place: "if fighting spread to western Ukraine"
_CONFLICT_SPREADS_TO = re.compile(
    r"\b(?:fighting|war|violence|conflict|clashes|floods?|flooding|unrest|drought)\s+"
    r"(?:\w+\s+)?(?:spread|spreads|spreading|reached|reaches|reaching|moved|moves|extends?|"
    r"extended)\s+(?:to|into)\s+(?:the\s+)?(?:[a-z]+\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+)?)?$"
)


def _places(
    ctx: _Ctx,
    q: dict[str, Any],
    ev: Event | None,
    pop: Span | None,
    s: int,
    e: int,
    src: Source | None,
    same_as_before: Location | None = None,
) -> tuple[Location | None, Location | None, str | None]:
    """Origin, destination and (possibly revised) event type. A side read from the
    source's country points at the source's span (where the value was found).
    ``same_as_before`` is the destination of the figure before it in the sentence when
    that figure has the same event and source."""
    source_country = src.country if src is not None else None
    if src is not None and (_NGO_NAME.search(src.name) or _NGO_NAME.search(src.text)):
        # (also when the name is the article's short one: "the Norwegian Refugee Council"
        # written as "NRC")
        source_country = None  # the Norwegian Refugee Council speaks from where it works
    if src is not None and src.kind == "media":
        source_country = None  # "The BBC reported that 3,000 migrants were camped ...": no place

    def from_source(code: str) -> Location:
        assert src is not None
        return Location(code, src.text, src.start, src.end)

    text = ctx.text
    etype = ev.type if ev else None
    nationality, adjective = _nationality(ctx, pop)
    if nationality is None:
        nationality = _group_of_the_part(ctx, q, pop, e)
    origins: list[tuple[int, Location]] = []
    dests: list[tuple[int, Location, bool]] = []
    found_at: dict[int, int] = {}  # where in the sentence a side was read (anaphors)
    anchor = ev.start if ev else q["start"]
    # with several figures in the sentence, only the places of this figure's clause (or of
    # its event's) count: "78,000 had entered since the decree, while about 25,000 had left
    # Georgia" gives Georgia to the second figure only
    crowded = any(s <= c < e and c != q["start"] for c in ctx.claim_starts)
    own_segments = {_segment(text, s, e, q["start"]), _segment(text, s, e, anchor)}
    for g in _geo_in(ctx, s, e):
        gs, ge, code, _kind = g
        if code is None or (pop is not None and pop.start <= gs < pop.end):
            continue
        if any(d.start < gs and ge <= d.end for d in ctx.inp.dates):
            continue  # "since fighting broke out in Khartoum on April 15": a date's place
        if (
            crowded
            and _segment(text, s, e, gs) not in own_segments
            and not _OPENING_PLACE.match(text[s:ge])
        ):
            continue  # ("Inside Lebanon, ...": an opening place covers the whole sentence)
        if gs > q["start"] and _OTHER_NOUN_CLAUSE_PLACE.search(text[q["start"] : gs]):
            # "to Turkey and Armenia, where flights from Russia remain", "fled Ukraine,
            # with more than half going to Poland": another noun's or another part's place
            continue
        if text[ge : ge + 2] in ("’s", "'s") and (
            (
                _FROM_RE.search(text[max(s, gs - 25) : gs])
                # ("Data from Turkey's Presidency of Migration Management": a record's body)
                and not _THING_FROM.search(text[max(s, gs - 25) : gs])
            )
            # "fleeing clashes between Myanmar's army and ...", "flee fighting in Myanmar's
            # Chin state": the country of the conflict they flee
            or _FLED_CONFLICT_OF.search(text[max(s, gs - 60) : gs])
        ):
            # "fled Myanmar's Rakhine state": the country the region belongs to
            origins.append((abs(gs - anchor), Location(code, text[gs:ge], gs, ge)))
            continue
        if text[ge : ge + 2] in ("’s", "'s"):
            # "at Turkey's border": the border of the country they are at
            if (
                (
                    etype in (*_STAY_EVENTS, None)
                    # "flee fighting in Myanmar's Chin state into India's Mizoram"
                    or (
                        etype == "departure"
                        and re.search(r"\b(?:into|to)\s+$", text[max(s, gs - 6) : gs])
                    )
                )
                and (
                    re.match(
                        r"(?:’s|'s)\s+(?:\w+\s+)?(?:border|shores|coast|frontier)",
                        text[ge : ge + 30],
                    )
                    # "landed in Indonesia's Aceh province": a named part of the country
                    or re.match(r"(?:’s|'s)\s+[A-Z]", text[ge : ge + 4])
                    # "arriving in the Una-Sana canton in Bosnia's north-west"
                    or re.match(
                        r"(?:’s|'s)\s+(?:far\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\b",
                        text[ge : ge + 20],
                    )
                )
                and re.search(
                    # ("in neighbouring Niger's Tillabéri region")
                    r"\b(?:at|on|along|to|in|into|of|reached|reach|reaches|reaching)\s+"
                    r"(?:neighbou?ring\s+|nearby\s+)?$",
                    text[max(s, gs - 26) : gs],
                )
            ):
                dests.append((abs(gs - anchor), Location(code, text[gs:ge], gs, ge), False))
            continue  # "Russia's borders", "Georgia's governor"
        before = text[max(s, gs - 25) : gs]
        if not (_TO_MOVE_RE.search(before) or _IN_RE.search(before) or _FROM_RE.search(before)):
            # "into the remote north-east of the Central African Republic": a longer phrase
            before = text[max(s, gs - 45) : gs]
        # "Officials in Niger said they had repatriated 1,500 migrants to Mali": where the
        # speaker is yields to a place the figure's own words name (not "In Port-au-Prince,
        # ..., said his office had received about 1,900 deportees": the only place)
        speaker_at = src is not None and src.start <= gs < src.end and bool(_IN_RE.search(before))
        if _SAID_AT_PLACE.search(text, max(s, gs - 45), gs) and not (
            # (not "told reporters at the Lajas Blancas reception station, where about 3,500
            # migrants were waiting": the place is the figure's own)
            ge <= q["start"] and re.search(r",\s+where\b", text[ge : q["start"]])
        ):
            continue  # "Speaking in Geneva, ...", "told reporters in Yerevan": where it was said
        if (
            src is not None
            and src.end <= gs
            and re.fullmatch(r",\s+(?:a|an|the)\s+[^,.;:]{0,60}\bfrom", text[src.end : gs].rstrip())
            is not None
        ):
            # "said Nino Beridze, a volunteer from Tbilisi": where the speaker is from (not
            # "a spokeswoman for UNHCR in Cox's Bazar": where the speaker is, the story's)
            continue
        if _CONFLICT_SPREADS_TO.search(text, max(s, gs - 60), gs):
            continue  # "if fighting spread to western Ukraine": where the war goes, not who
        town = _TOWN_COMMA_BEFORE.search(text[max(s, gs - 60) : gs])
        if town is not None:
            # "returned 147 people to Bahía de Cabañas, Cuba": the country of the town the
            # figure goes to (or comes from) takes the town's preposition
            before = town.group("prep") + " "
        if _FLED_WAR_IN.search(text[max(s, gs - 45) : gs]):
            origins.append((abs(gs - anchor), Location(code, text[gs:ge], gs, ge)))
            continue  # "people who fled the war in Ukraine": where they came from
        if _LOCATIVE_CONTEXT.search(before) and not _FLED_WAR_INTO.search(
            text[max(s, gs - 60) : gs]
        ):
            continue  # "the war in Ukraine" (not "flee Sudan's war into South Sudan")
        loc = Location(code, text[gs:ge], gs, ge)
        dist = abs(gs - anchor) + (1000 if speaker_at else 0)
        if etype == "arrival" and re.match(r"\s+side\b", text[ge : ge + 6]):
            origins.append((dist, loc))  # "waiting ... on the Myanmar side": where from
            continue
        if _FROM_RE.search(before):
            if _ACROSS_FROM.search(text[max(s, gs - 40) : gs]):
                continue  # "across the Rio Grande from Brownsville": where a place lies
            if _THING_FROM.search(before):
                continue  # "receives training and boats from Italy": what comes, not who
            if _PARTLY_FROM_RE.search(text[max(s, gs - 45) : gs]):
                continue  # "73 people, most of them from Afghanistan": not the group's origin
            if _listed_with_others(ctx, g, e):
                continue  # "from India, Nigeria and Morocco": several origins at once
            origins.append((dist, loc))
        elif _TO_MOVE_RE.search(before) or (
            _IN_RE.search(before) and etype in (*_STAY_EVENTS, None, "other")
        ):
            if _is_demonym_at(ctx, g):
                side = _DEMONYM_PLACE_AFTER.match(text, ge, e)
                if etype in (*_STAY_EVENTS, None) and side is not None:
                    # "waiting on the Russian side of Raja-Jooseppi", "sheltered at the Greek
                    # port of Kalamata": where they are
                    dests.append((dist, loc, False))
                continue
            if etype in ("departure", "onward", "return") and _PARTLY_TO_RE.search(
                text[max(s, gs - 50) : gs]
            ):
                continue  # "left Germany again, most of them to return to Ukraine": some of them
            if _INTENT_BEFORE.search(text[max(s, gs - 40) : gs]) and (
                ev is None or ev.start < gs - 40 or etype == "border_encounter"
            ):
                continue  # "arriving in Bosnia, hoping to cross into Croatia": an aim
            if _FOR_TRANSPORT_TO.search(text[max(s, gs - 40) : gs]):
                continue
            if etype == "border_encounter" and re.match(
                r"(?:n|ian)?\s+(?:border|frontier)\b", text[ge : ge + 14]
            ):
                continue  # "turned back at the Belarus border": the other side (origin)
            dests.append((dist, loc, _listed_with_others(ctx, g, e)))
    # anaphors: "the country", "there"
    for m in re.finditer(
        r"\b(?:the country|there|that country|the nation|the island|the archipelago)\b",
        text[s:e],
        re.I,
    ):
        a0, a1 = s + m.start(), s + m.end()
        word = m.group(0).lower()
        if crowded and _segment(text, s, e, a0) not in own_segments:
            continue
        before = text[max(s, a0 - 25) : a0]
        if word == "there":
            if re.match(r"\s+(?:is|are|was|were|have|has|had|will|would)\b", text[a1 : a1 + 8]):
                continue  # existential "there were"
            is_from, is_to = False, True
        else:
            is_from = bool(_FROM_RE.search(before)) or (
                # "one in ten of the country's 22 million people has fled": its people leave
                etype == "departure" and re.match(r"(?:’s|'s)\s", text[a1 : a1 + 3]) is not None
            )
            is_to = not is_from and bool(
                _TO_MOVE_RE.search(before)
                or _IN_RE.search(before)
                # "The island recorded 380 sea arrivals": the place that counts them
                or _PLACE_RECORDS.match(text, a1, min(e, a1 + 30))
            )
        if not (is_from or is_to):
            continue
        if is_from:
            code = nationality.code if nationality else None
            lived = [
                g for g in _geo_in(ctx, pop.end if pop is not None else s, a0)
                if g[2] is not None and g[3] == "country" and g[2] != code
                and not _is_demonym_at(ctx, g)
                and re.search(r"\bin\s+$", text[max(s, g[0] - 4) : g[0]])
            ] or [
                # "Pakistan's Interior Ministry said about 231,000 Afghans had left the
                # country": the country whose body counts them leaving
                g for g in _geo_in(ctx, s, pop.start if pop is not None else a0)
                if g[2] is not None and g[3] == "country" and g[2] != code
                and not _is_demonym_at(ctx, g)
                and text[g[1] : g[1] + 2] in ("’s", "'s")
            ]  # fmt: skip
            if code is not None and lived:
                # "Russian families who had a baby in Argentina ... have already left the
                # country": the country the counted people were in, not their own
                code = lived[-1][2]
            if code is None:
                cands = _sentence_countries(ctx, s, a0)
                code = cands[0][2] if cands else None
            if code is None:
                prev = _prev_sentence_place(ctx, s)
                code = prev.code if prev else None
            if code is not None:
                origins.append((abs(a0 - anchor), Location(code, text[a0:a1], a0, a1)))
            continue
        # destination anaphor: the last place named before it that is not the origin
        excl = {nationality.code} if nationality else set()
        excl |= {lo.code for _, lo in origins}
        cands = [
            g
            for g in _geo_in(ctx, s, a0)
            if g[2] and g[2] not in excl and not _is_demonym_at(ctx, g)
        ]
        loc = None
        if cands:
            # "crossed into Moldova since Russia invaded ..., and 107,000 of them are still
            # there": a place moved to or stayed in beats a later place of another role
            moved_to = [
                c for c in cands
                if _TO_MOVE_RE.search(text[max(s, c[0] - 25) : c[0]])
                or _IN_RE.search(text[max(s, c[0] - 25) : c[0]])
            ]  # fmt: skip
            g = (moved_to or cands)[-1]
            loc = (
                Location(g[2], text[g[0] : g[1]], g[0], g[1])
                if word == "there"
                else Location(g[2], text[a0:a1], a0, a1)
            )
        elif source_country and source_country not in excl:
            loc = Location(source_country, text[a0:a1], a0, a1)
        else:
            prev = _prev_sentence_place(ctx, s)
            if prev is not None and prev.code not in excl:
                loc = prev if word == "there" else Location(prev.code, text[a0:a1], a0, a1)
        if loc is not None:
            dests.append((abs(a0 - anchor) - 1, loc, False))
            found_at[id(loc)] = a0
    # with several figures in the sentence, a side read in the figure's own clause comes
    # first ("applications from Hondurans had risen ..., while those from Venezuelans had
    # more than doubled")
    q_seg = _segment(text, s, e, q["start"])
    origins.sort(key=lambda x: (crowded and _segment(text, s, e, x[1].start) != q_seg, x[0]))
    dests.sort(key=lambda x: x[0])
    origin = origins[0][1] if origins else None
    dest: Location | None = None
    if dests:
        _, dest, listed = dests[0]
        if listed:
            dest = None  # several destinations at once
    # the event's own rules (SPEC "origin/destination follow the event")
    if etype == "onward":
        # "had passed through Colombia on their way north": the country passed through
        thru = next(
            (g for g in _geo_in(ctx, s, e) if g[2] and re.search(
                r"\bthrough\s+(?:the\s+)?$", text[max(s, g[0] - 10) : g[0]])),
            None,
        )  # fmt: skip
        if thru is not None and not origins:
            origins.append((0, Location(thru[2], text[thru[0] : thru[1]], thru[0], thru[1])))
            origin = origins[0][1]
        # "who came to Kazakhstan have gone to other countries": the first stop is the origin
        first = next((d for d in dests if d[1].start < (ev.start if ev else q["start"])), None)
        if first is not None:
            origin = first[1]
            later = [d for d in dests if d[1].start > (ev.start if ev else q["start"])]
            dest = None if not later or later[0][2] else later[0][1]
        elif origin is None and source_country:
            origin = from_source(source_country)  # "Officials in Astana say ... travelled on"
        elif origin is None and ctx.last_dest is not None:
            origin = ctx.last_dest  # moved on from where the earlier figures arrived
    if origin is None and nationality is not None:
        # casualties take an explicit nationality ("170 Afghans", "Egyptian workers"), not
        # an ethnic name ("Hundreds of Mongols were killed": Mongols live in three states)
        if etype != "casualty" or adjective or nationality.text not in ctx.rules.ethnonyms:
            if etype != "onward":
                origin = nationality
    if etype == "departure" and origin is None:
        cands = [
            g for g in _sentence_countries(ctx, s, e)
            if not _listed_with_others(ctx, g, e)
            and not re.search(r"(?:,|\band|\bor)\s+$", text[max(s, g[0] - 5) : g[0]])
        ]  # fmt: skip
        if cands:
            g = cands[0]
            origin = Location(g[2], text[g[0] : g[1]], g[0], g[1])
    if etype == "mobilization":
        dest = None
        if origin is None:
            # "President Emomali Rahmon ordered the call-up of 20,000 reservists, ... and
            # spoke with Afghan President ...": the official who orders it, named first
            off = min(
                (
                    (ms, me, o)
                    for o in ctx.inp.officials
                    if o.country
                    for ms, me in o.mentions
                    if s <= ms < q["start"]
                ),
                default=None,
                key=lambda x: x[0],
            )
            first_geo = next((g for g in _sentence_countries(ctx, s, e)), None)
            if off is not None and (first_geo is None or first_geo[0] > off[0]):
                ms, me, o = off
                origin = Location(o.country, ctx.text[ms:me], ms, me)
        if origin is None:
            cands = _sentence_countries(ctx, s, e) or [
                g for g in _geo_in(ctx, s, e) if g[2] and ctx.gaz.metonym(text[g[0] : g[1]])
            ]
            if cands:
                g = cands[0]
                origin = Location(g[2], text[g[0] : g[1]], g[0], g[1])
            else:
                off = next((o for o in ctx.inp.officials if o.country and s <= o.start < e), None)
                if off is not None:
                    origin = Location(off.country, off.text, off.start, off.end)
        if origin is None:
            # "The republic of Buryatia must call up about 4,000 men": the region's country
            pl = next((g for g in _geo_in(ctx, s, e) if g[3] == "place" and g[2]), None)
            if pl is not None:
                origin = Location(pl[2], text[pl[0] : pl[1]], pl[0], pl[1])
        if origin is None and ctx.last_mobilizer is not None:
            origin = ctx.last_mobilizer  # the country whose call-up the article reports
        if origin is not None:
            ctx.last_mobilizer = origin
    if etype == "border_encounter" and origin is None:
        # "turned back 5,000 migrants at the Belarus border", "along its border with
        # Belarus": people stopped coming from the other side
        for g in _geo_in(ctx, s, e):
            if g[2] is None or g[3] != "country" or (dest is not None and g[2] == dest.code):
                continue
            if re.search(r"\bborder\s+with\s+$", text[max(s, g[0] - 14) : g[0]]) or (
                re.match(r"(?:n|ian)?\s+(?:border|frontier)\b", text[g[1] : g[1] + 14])
                and re.search(
                    r"\b(?:at|on|along|across|from)\s+(?:the\s+)?$", text[max(s, g[0] - 10) : g[0]]
                )
            ):
                origin = Location(g[2], text[g[0] : g[1]], g[0], g[1])
                break
    if etype == "casualty":
        dest = None
    # "X fled there", "fled ... into Chad": counted where they arrived, an arrival there
    # (several destinations, "have been fleeing to Georgia, Kazakhstan and Mongolia", stay a
    # departure: no one country counts them; tests/data/claims_golden.jsonl)
    left_a_place = (
        ev is not None
        and dest is not None
        and dest.start > ev.end
        and _LEFT_PLACE_FOR.fullmatch(text[ev.start : dest.start]) is not None
    )
    if (
        etype == "departure"
        and dest is not None
        # ("have left the country for Chile", "leaving Port-au-Prince for Nicaragua": the
        # departure from a named place stays one)
        and not left_a_place
        and _segment(text, s, e, found_at.get(id(dest), dest.start)) in own_segments
        # "fled ... into Chad" (not "Floods across Nigeria have forced 1.4 million from
        # their homes": a place before the verb is where it happened)
        and (ev is None or found_at.get(id(dest), dest.start) > ev.start)
        # (not "driven from their homes across north-eastern Libya": where it happened)
        and (
            found_at.get(id(dest)) is not None
            or _TOWARDS_RE.search(text[max(s, dest.start - 25) : dest.start])
        )
    ):
        etype = "arrival"
    # "Chad already hosted around 400,000 Sudanese refugees ... in Darfur": the host
    if (
        ev is not None
        and etype == "stock"
        and ev.text.lower().startswith(
            ("host", "shelter", "accommodat", "hous", "tak", "welcom", "receiv")
        )
    ):
        subj = _country_subject(ctx, ev, q, s, e)
        if subj is not None and (nationality is None or subj.code != nationality.code):
            dest = subj
    # "Peru hosts about 1.3 million", "Kazakhstan says some 200,000 have arrived": the
    # country that is the subject of the clause; "Ecuador ... would give legal status to
    # about 200,000 Venezuelans": the country that regularises them
    ev_tok = ctx.tok_at(ev.start) if ev is not None else None
    placed_by_subject = (
        etype == "other"
        and ev_tok is not None
        and (
            ev_tok.lemma.lower()
            in ctx.rules.granting_verbs | ctx.rules.applying_verbs | ctx.rules.rescuing_verbs
        )
    )
    if dest is None and (etype in _STAY_EVENTS or placed_by_subject):
        # an event borrowed from another clause of a crowded sentence has another subject
        own_ev = (
            ev
            if not crowded
            or _segment(text, s, e, ev.start if ev else q["start"])
            == (_segment(text, s, e, q["start"]))
            else None
        )
        subj = _country_subject(ctx, own_ev, q, s, e)
        if subj is not None and (nationality is None or subj.code != nationality.code):
            own_people = pop is not None and re.search(
                r"\b(?:its|their)\s+(?:own\s+)?(?:citizens|nationals|people)\b", pop.text
            )
            # "Guatemala received nearly 78,000 deportees": the country taking them back
            takes_back = etype == "return" and _RECEIVING_RE.search(
                text, max(s, subj.end), q["start"]
            )
            if etype == "return" and not own_people and not takes_back:
                # "Dominican Republic ... after deporting 14,000": the country sending back
                # (not "Iraq would fly home 430 of its citizens": the country taking back)
                origin = origin or subj
            else:
                dest = subj
    if etype == "departure" and _OWN_CITIZENS_AFTER.match(text, q["end"], min(e, q["end"] + 40)):
        subj = _country_subject(ctx, ev, q, s, e)
        if subj is not None:
            # "Turkey alone has evacuated about 1,800 of its citizens": taken home
            etype, dest = "return", subj
            if origin is not None and origin.code == subj.code:
                origin = None
    m_head = _COUNTRY_COLON.match(text, s, e)
    if dest is None and m_head is not None and etype in (*_STAY_EVENTS, None):
        code = ctx.gaz.code(m_head.group(1))
        if code is not None and (origin is None or origin.code != code):
            # "Malaysia: 145 Rohingya detained after boat lands in Langkawi": a headline's
            # country label
            dest = Location(code, m_head.group(1), m_head.start(1), m_head.end(1))
    # "Libya floods: more than 38,000 displaced in the east": people staying somewhere in the
    # one country the sentence names
    if dest is None and (etype == "stock" or placed_by_subject) and not crowded:
        named = [
            g for g in _geo_in(ctx, s, e)
            if g[3] == "country" and g[2] and not _is_demonym_at(ctx, g)
            and (nationality is None or g[2] != nationality.code)
            and not _FROM_RE.search(text[max(s, g[0] - 25) : g[0]])
            and not (g[0] > q["start"] and _OTHER_NOUN_CLAUSE_PLACE.search(text[q["start"] : g[0]]))
        ]  # fmt: skip
        if len({g[2] for g in named}) == 1:
            g = named[0]
            dest = Location(g[2], text[g[0] : g[1]], g[0], g[1])
    # "Some 12,000 displaced Somalis": people displaced inside their own country
    if (
        dest is None
        and etype == "stock"
        and nationality is not None
        and (
            re.search(r"displac|IDP", pop.text if pop is not None else "")
            or (ev is not None and re.match(r"displac", ev.text, re.I))
        )
    ):
        dest = nationality
    if dest is None and ev is not None and etype in _STAY_EVENTS and etype != "return":
        # "Canary Islands arrivals top 32,000", "Lampedusa arrivals": the place the counted
        # events are named after
        named_for = next(
            (
                g for g in _geo_in(ctx, s, ev.start)
                if g[2] is not None and not _is_demonym_at(ctx, g)
                and _PLACE_BEFORE_EVENT_NOUN.fullmatch(text[g[1] : ev.start])
            ),
            None,
        )  # fmt: skip
        if named_for is not None and (origin is None or origin.code != named_for[2]):
            gs, ge = named_for[0], named_for[1]
            dest = Location(named_for[2], text[gs:ge], gs, ge)
    # arrival-like events with no place of their own: the speaker's country, when it is
    # not the people's own
    # "300,000 Afghans have crossed into Iran ..., with 4,000 to 5,000 people arriving every
    # day": the same movement as the figure before it, told by the same source
    if dest is None and etype in _STAY_EVENTS and same_as_before is not None:
        dest = same_as_before
    if dest is None and etype in _STAY_EVENTS and etype != "return" and source_country:
        if (origin is None or origin.code != source_country) and not dests:
            dest = from_source(source_country)
    if (
        etype == "return"
        and dest is not None
        and origin is None
        and found_at.get(id(dest)) is None
        and _OPENING_PLACE.match(text[s : dest.end])
        # (not "In Port-au-Prince, ... his office had received about 1,900 deportees": the
        # place that takes them back)
        and not _RECEIVING_RE.search(text, dest.end, q["start"])
    ):
        # "In Chile, the government says it expelled 1,900 foreigners": the opening place is
        # where the authority sends them back from
        origin, dest = dest, None
    if etype == "return":
        # back "home": the destination is the people's nationality; the origin is where
        # they are sent back from (the acting authority's country)
        explicit_to = (
            dest is not None
            # (not "Across Pakistan, more than 340,000 Afghans have gone back": where from)
            and _TOWARDS_RE.search(text[max(s, dest.start - 25) : dest.start]) is not None
            and found_at.get(id(dest)) is None
        )
        if nationality is not None and not (explicit_to and dest is not None
                                            and dest.code != nationality.code):  # fmt: skip
            dest = nationality  # (not "expels 4,000 Venezuelans to Mexico": a third country)
        if nationality is not None and origin is not None and origin.code == nationality.code:
            origin = None  # sent back from somewhere else than their own country
        if origin is None:
            cands = [
                g for g in _sentence_countries(ctx, s, e)
                if (not dest or g[2] != dest.code)
                # ("deported from the United States and Mexico": several origins at once)
                and not _listed_with_others(ctx, g, e)
                and not _last_of_list(ctx, s, g)
            ]  # fmt: skip
            if cands:
                g = cands[0]
                origin = Location(g[2], text[g[0] : g[1]], g[0], g[1])
            elif source_country and (dest is None or source_country != dest.code):
                origin = from_source(source_country)
        if dest is None and origin is not None:
            # "Dominican Republic seals Haiti border after deporting 14,000": the other country
            others = [
                g for g in _sentence_countries(ctx, s, e)
                if g[2] != origin.code and not _listed_with_others(ctx, g, e)
                # (not "flown back from the United States ..., and 24,424 were returned
                # overland from Mexico": another country sent back from)
                and not _FROM_RE.search(text[max(s, g[0] - 25) : g[0]])
                # (not "about 60% of them Venezuelans": a part of the people, not a place)
                and not (
                    _is_demonym_at(ctx, g)
                    and re.search(r"\b(?:of\s+them|of\s+those|among\s+them|including)\s+$",
                                  text[max(s, g[0] - 16) : g[0]])
                )
                # (not "children born in Chile and Brazil": the last of a list)
                and not _last_of_list(ctx, s, g)
            ]  # fmt: skip
            if len({g[2] for g in others}) == 1:
                g = others[0]
                dest = Location(g[2], text[g[0] : g[1]], g[0], g[1])
    if (
        etype == "return"
        and ev is not None
        and not origins
        # (not "About 20,400 Burundians have gone home": refugees going back to their own
        # country, a return between two countries)
        and nationality is None
        # (not "fly home some 430 of its citizens from Belarus": from abroad)
        and not re.search(r"\bfrom\s+(?:the\s+)?[A-Z]", text[ev.end : e])
        and (
            _HOME_AFTER.match(text, ev.end, min(e, ev.end + 60))
            # ("have returned home": the phrase trigger holds the word; people who went home
            # themselves, not "send home several million foreigners", a deportation)
            or re.match(r"(?:return|went|gone|go|come|came|head)\w*\s+home$", ev.text, re.I)
            is not None
        )
    ):
        # "about 138,000 people from 11 camps had returned to their home towns", "some
        # 20,000 people had returned to their homes": displaced people going home inside
        # their country (fixtures labels: destination the country, no origin)
        home = dest or origin
        if home is None and source_country:
            home = from_source(source_country)
        if home is None and ctx.last_dest is not None:
            home = ctx.last_dest
        dest, origin = home, None
    # "about 2,500 Afghans a day were arriving from Iran through the Islam Qala crossing":
    # people arriving in their own country are coming back
    if (
        ev_tok is not None
        and ev_tok.lemma.lower() in ctx.rules.relocating_verbs
        and etype in ("arrival", "departure")
        and dest is not None
        and ctx.gaz.code(dest.text) is None
        and dest.text not in ctx.gaz.demonyms
        and dest.text[:1].isupper()
        and (origin is None or origin.code == dest.code)
    ):
        # "had been evacuated from front-line villages to Zaporizhzhia city": moved to a
        # place inside the country, a relocation (fixtures/README: other)
        etype, origin = "other", None
    if (
        etype == "other"
        and ev_tok is not None
        and ev_tok.lemma.lower() in ctx.rules.moved_by_others
        and dest is not None
        and nationality is not None
        and nationality.code != dest.code
        and (origin is None or origin.code != dest.code)
    ):
        # "Three government-chartered flights carried 913 Ukrainians to Winnipeg": carried
        # into another country, an arrival there (not "moving hundreds to Sicily")
        etype = "arrival"
    into = (
        next(
            (g for g in _geo_in(ctx, ev_tok.end, e)
             if g[2] is not None and g[3] == "country"
             and re.search(r"\b(?:into|to)\s+(?:the\s+)?$", text[max(s, g[0] - 10) : g[0]])),
            None,
        )
        if ev_tok is not None and ev_tok.lemma.lower() in ctx.rules.forcing_verbs
        else None
    )  # fmt: skip
    if (
        into is not None
        and ev_tok is not None
        and etype in ("other", "border_encounter", "departure")
        and not _governs_verb_clause(ctx, ev_tok, e)
        and (subj := _subject_of(ctx, ev_tok, s, e)) is not None
        and subj.lemma.lower() in ctx.rules.displacing_causes
    ):
        # "Drought pushes thousands more Somalis into Kenya", "Sudan war sends thousands more
        # across Gallabat bridge into Ethiopia": driven by a cause into a country, they
        # arrive there (no agent pushes them back or carries them; the crossing is on the
        # way)
        etype = "arrival"
        dest = Location(into[2], text[into[0] : into[1]], into[0], into[1])
        if origin is None or origin.code == dest.code:
            # the country the cause is in: "Sudan war", "the war in Sudan"
            origin = next(
                (Location(g[2], text[g[0] : g[1]], g[0], g[1])
                 for g in _geo_in(ctx, s, e)
                 if g[2] is not None and g[2] != dest.code
                 and subj.start - 30 <= g[0] < ev_tok.start and not _is_demonym_at(ctx, g)),
                None,
            )  # fmt: skip
    into_own_country = (
        etype == "arrival"
        and nationality is not None
        and not adjective
        and dest is not None
        and dest.code == nationality.code
        # ("ethnic Armenians crossed into Armenia": _nationality gives kin no nationality)
    )
    if into_own_country and origin is not None and dest is not None and origin.code != dest.code:
        etype = "return"
    elif into_own_country:
        # "Lebanon's General Security said 235,000 Syrians had entered Syria": people
        # entering their own country from the other country of the sentence come back
        others = [g for g in _sentence_countries(ctx, s, e) if g[2] != dest.code]
        if others:
            g = others[0]
            origin, etype = Location(g[2], text[g[0] : g[1]], g[0], g[1]), "return"
        elif source_country and source_country != dest.code:
            origin, etype = from_source(source_country), "return"
    if (
        etype == "departure"
        and origin is None
        and dest is not None
        and found_at.get(id(dest)) is None
        and not _TOWARDS_RE.search(text[max(s, dest.start - 25) : dest.start])
    ):
        # "Floods across Nigeria have ... forced about 1.4 million from their homes": a
        # departure with only a place where it happens leaves that place
        origin, dest = dest, None
    if etype == "departure" and origin is None and dest is None and ev is not None:
        # "the offensive had displaced about 170,000 people in North Kivu province": the
        # place it happened in, right after the figure or the verb
        for g in _geo_in(ctx, ev.start, e):
            if g[2] is None or _segment(text, s, e, g[0]) not in own_segments:
                continue
            if re.search(
                r"\b(?:in|across|inside|within)\s+(?:the\s+)?$", text[max(s, g[0] - 12) : g[0]]
            ):
                origin = Location(g[2], text[g[0] : g[1]], g[0], g[1])
            break
    if (
        etype in ("onward", "departure")
        and ev is not None
        and dest is not None
        and dest.start > ev.end
        and _TO_OTHER_COUNTRIES.match(text, ev.end, dest.start)
    ):
        # "travel on to other European Union countries ..., many of them by ferry to
        # Tallinn": several destinations, the place named after is one of them
        dest = None
    if origin is not None and dest is not None and origin.code == dest.code:
        if etype in ("departure", "onward") or (
            etype == "return"
            and (nationality is None or dest.code != nationality.code)
            and _IN_RE.search(text[max(s, dest.start - 25) : dest.start]) is not None
        ):
            dest = None  # "taken 6,400 migrants home from Libya" (an IOM official in Tripoli)
        elif not (
            etype in ("stock", "arrival")
            and nationality is not None
            and origin is nationality
            and not adjective
        ):
            origin = None
    return origin, dest, etype
