"""Event: the trigger that governs a figure (verbs on its path to the root, trigger
nouns and participles, the subject or object of a movement verb)."""

from __future__ import annotations

import re
from typing import Any

from ..numbers import rules as number_rules
from ..records import Event, Quantity, Span
from ._base import (
    _OF_PRONOUN,
    PTok,
    _ancestors,
    _Ctx,
    _governs_verb_clause,
    _is_people,
    _segment,
    _subject_of,
)

# another report in the same sentence: "..., and that some 800,000 ...", "according to
# UNICEF, which warned that more than a million children were out of school"
_AND_THAT = re.compile(
    r",\s+(?:and\s+that|(?:which|who)\s+(?:also\s+)?(?:warned|said|added|noted|reported|"
    r"estimated|says|warns|adds|notes|reports|estimates)\s+that)\b"
)


# a capitalised word inside a multi-word name ("Relief and Repatriation Commissioner")
_IN_A_NAME = re.compile(r"[A-Z][\w’'-]+(?:\s+(?:and|of|for|&)\s+|\s+)[A-Z][\w’'-]+")


def _word_after(
    ctx: _Ctx, verb: PTok, e: int, words: frozenset[str], *, chars: int, toks: int
) -> bool:
    """Is one of ``words`` among the first ``toks`` tokens within ``chars`` after the verb
    (what the verb receives or grants: "a protection permit", "the payments")?"""
    after = ctx.toks_in(verb.end, min(e, verb.end + chars))[:toks]
    return any(t.text.lower() in words for t in after)


def _what_the_verb_moves(ctx: _Ctx, verb: PTok, lem: str, e: int) -> str | None:
    """The event type a giving, receiving or reaching verb takes from what follows it, in
    order: "applied for temporary residence", "received the two-year visa", "give legal
    status to" (regularisation: other); "received or applied for a temporary protection
    permit" (asylum); "reach 1 million people with food aid" and "were receiving the
    payments" (supported where they live: stock)."""
    r = ctx.rules
    if lem in r.granting_verbs | r.applying_verbs and _word_after(
        ctx, verb, e, r.regularisation_objects, chars=45, toks=7
    ):
        return "other"
    if lem in r.granting_verbs and _word_after(ctx, verb, e, r.asylum_objects, chars=70, toks=12):
        return "asylum"
    if lem in r.recognising_verbs and re.search(
        r"\bas\s+refugees\b", ctx.text[verb.end : min(e, verb.end + 70)]
    ):
        return "asylum"  # "has recognised about 46,000 Venezuelans as refugees": decisions
    if lem == "reach" and _AID_AFTER.search(ctx.text[verb.end : min(e, verb.end + 60)]):
        return "stock"
    if lem in r.receiving_verbs and _word_after(ctx, verb, e, r.benefit_objects, chars=40, toks=5):
        return "stock"
    return None


_AID_AFTER = re.compile(r"\bwith\s+(?:\w+\s+)?(?:food|aid|assistance|cash|rations)\b")


def _object_of(ctx: _Ctx, anchor: PTok, verb: PTok) -> bool:
    """Is the figure (through its noun) the direct object of ``verb``?"""
    t: PTok | None = anchor
    for _ in range(4):
        if t is None or t.head == t.i:
            return False
        if t.head == verb.i:
            return t.dep in ("dobj", "obj")
        t = ctx.toks[t.head] if 0 <= t.head < len(ctx.toks) else None
    return False


_INJURY_AFTER = re.compile(
    r"\bfor\b[^.;]{0,60}?\b(?:wounds|injuries|burns|gunshots?|trauma|smoke\s+inhalation|"
    r"hypothermia|dehydration|exhaustion|heatstroke)\b",
    re.I,
)


def _sent_back(ctx: _Ctx, verb: PTok, e: int) -> bool:
    """Does the verb carry its object back or home ("sends 3,500 migrants back to")?"""
    return any(
        c.head == verb.i and c.text.lower() in ("back", "home") and c.dep in ("prt", "advmod")
        for c in ctx.toks_in(verb.end, min(e, verb.end + 60))
    )


def _brought(ctx: _Ctx, anchor: PTok, verb: PTok, e: int) -> str | None:
    """The movement of people that ``verb`` ("bring") carries: back or home a return,
    out a departure, to or into a place an arrival; None when the figure is not what it
    brings somewhere."""
    if re.match(r"\s+to\s+(?:[a-z]+\s+){0,2}[\d.,]+(?:\s+(?:million|thousand))?\s+the\b",
                ctx.text[verb.end : verb.end + 40]):
        return None  # "brings to about 30,600 the number of Rohingya living ...": a total
    if _sent_back(ctx, verb, e):
        return "return" if _object_of(ctx, anchor, verb) or _carried(ctx, anchor, verb, e) else None
    brought_in = any(
        p.text.lower() == "in" and p.head == verb.i and p.dep == "prt"
        for p in ctx.toks_in(verb.end, min(e, verb.end + 12))
    )
    if brought_in and _object_of(ctx, anchor, verb):
        return "arrival"  # "the scheme has brought in just over 500 people"
    if not _carried(ctx, anchor, verb, e):
        return None
    out = any(
        p.text.lower() == "out" and p.head == verb.i and p.dep in ("prt", "prep", "advmod")
        for p in ctx.toks_in(verb.end, min(e, verb.end + 80))
    )
    return "departure" if out else "arrival"


_COUNTED_NOUN_AFTER = re.compile(r"\s+(?:more\s+)?(?:[A-Z][\w’'-]+\s+|[a-z-]+\s+){0,2}?([a-z]+)\b")
_VISITOR_WORDS = frozenset({"visitors", "tourists", "travellers", "travelers", "passengers"})


def _counted_event_noun(ctx: _Ctx, q: dict[str, Any], e: int) -> Event | None:
    """The event a figure's own noun names ("10,000 applications": asylum; "1 million
    Russian visitors": arrival), for a verb that only expects or plans it."""
    m = _COUNTED_NOUN_AFTER.match(ctx.text, q["end"], e)
    if m is None:
        return None
    word = m.group(1)
    kind = ctx.rules.noun_triggers.get(word)
    if kind is None and word in _VISITOR_WORDS:
        kind = "arrival"
    if kind is None:
        return None
    return Event(kind, word, m.start(1), m.end(1))


def _carried(ctx: _Ctx, anchor: PTok, verb: PTok, e: int) -> bool:
    """Is the figure what ``verb`` carries somewhere ("moving hundreds of others to Sicily",
    "46,000 have been moved into containers", "400 people a day were being taken by barge
    to Malakal"): its object or passive subject, with a destination after the verb."""
    t: PTok | None = anchor
    chain = {verb.i}
    for _ in range(4):
        if t is None or t.head == t.i:
            return False
        chain.add(t.i)
        if t.head == verb.i:
            break
        t = ctx.toks[t.head] if 0 <= t.head < len(ctx.toks) else None
    else:
        return False
    if t is None or t.dep not in ("dobj", "obj", "nsubjpass"):
        return False
    return any(
        # "move 1,000 of the new arrivals to reception centres" ("to" under "arrivals")
        (p.text.lower() in ("to", "into", "onto") and p.dep == "prep" and p.head in chain)
        # "had moved about 3,500 people there"
        or (p.text.lower() == "there" and p.head in chain and p.dep == "advmod")
        # "moved more than 120,000 people out of Renk" (not "carried out 2.8 million expulsions")
        or (
            p.text.lower() == "out"
            and p.head == verb.i
            and p.dep in ("prt", "prep", "advmod")
            and verb.lemma.lower() != "carry"
        )
        for p in ctx.toks_in(verb.end, min(e, verb.end + 80))
    )


def _event(
    ctx: _Ctx,
    q: dict[str, Any],
    anchor_pos: int,
    pop: Span | None,
    s: int,
    e: int,
    path_only: bool = False,
) -> Event | None:
    """The trigger that governs the quantity: the verbs on its path to the root first
    (a participle modifying the counted noun yields to the verb above it), then the
    nearest multi-word, verb or noun trigger in the sentence."""
    r = ctx.rules
    anchor = ctx.tok_at(anchor_pos) or ctx.tok_at(q["start"])
    sent_text = ctx.text[s:e]
    phrase_hits = [
        (m.start() + s, m.end() + s, r.phrase_triggers[m.group(0).lower()])
        for m in r._phrase_re.finditer(sent_text)
        # "going to Poland" moves people; "increases going to housing" does not: these
        # phrases move people only towards a named place (lexicon `place_bound_phrases`)
        if not (
            m.group(0).lower() in r.place_bound_phrases
            and not re.match(
                r"\s+(?:the\s+)?[A-Z]|\s+the\s+(?:country|city|capital|town|camps?)\b",
                sent_text[m.end() : m.end() + 13],
            )
        )
    ]

    def inside_pop(pos: int) -> bool:
        # "those who crossed", "those evacuated": the verb inside is the event; "the number
        # of Russians entering each day has risen by 75%": a change of the people doing it
        if pop is not None and pop.text.split()[0].lower() in ("those", "them", "these"):
            return False
        if (
            q["kind"] == "change"
            and pop is not None
            and _is_people({"text": pop.text.split()[0], "head": pop.text.split()[0]}, ctx)
        ):
            return False
        return pop is not None and pop.start <= pos < pop.end

    if anchor is not None and re.fullmatch(
        r"\s*[Oo]f\s+(?:the|those|some|about|around|roughly|nearly|more\s+than|\s)*",
        ctx.text[s : q["start"]],
    ):
        # "Of the roughly 4,000 Russians who have arrived in Dubai ..., about a third have
        # moved on": the figure fronting its sentence is counted by its own clause
        rel = next(
            (t for t in ctx.toks_in(anchor.end, e)
             if t.head == anchor.i and t.dep in ("relcl", "acl") and t.pos == "VERB"),
            None,
        )  # fmt: skip
        if rel is not None:
            hit = next(((ps, pe, ty) for ps, pe, ty in phrase_hits if ps <= rel.start < pe), None)
            if hit is not None:
                return Event(hit[2], ctx.text[hit[0] : hit[1]], hit[0], hit[1])
            if rel.lemma.lower() in r.verb_triggers:
                return Event(r.verb_triggers[rel.lemma.lower()], rel.text, rel.start, rel.end)
    num = next((t for t in reversed(ctx.toks_in(q["start"], q["end"])) if t.pos == "NUM"), None)
    if num is not None and pop is None and num.dep in ("conj", "nsubj"):
        # "..., and roughly 31,500 left over the same period": the parse hangs the verb on
        # the bare figure as a participle; it is the figure's own predicate
        pred = next(
            (t for t in ctx.toks_in(num.end, min(e, num.end + 12))
             if t.head == num.i and t.dep == "acl" and t.pos == "VERB"
             and re.fullmatch(r"\s*(?:had\s+|have\s+)?", ctx.text[num.end : t.start])
             and t.lemma.lower() in r.verb_triggers),
            None,
        )  # fmt: skip
        if pred is not None:
            return Event(r.verb_triggers[pred.lemma.lower()], pred.text, pred.start, pred.end)
    path: list[Event] = []
    attempted = False  # the first trigger is what the people tried to do
    if anchor is not None and (pop is None or pop.end <= q["start"]):
        own = _verb_hung_under_the_figure(ctx, q, e)
        if own is not None:
            path.append(own)
    if anchor is not None and not path:
        for a in _ancestors(ctx, anchor):
            if not (s <= a.start < e):
                break
            lo_, hi_ = sorted((a.start, anchor.start))
            if _AND_THAT.search(ctx.text[lo_:hi_]):
                break  # "flying in tents, and that some 800,000 ...": another report
            if a.pos not in ("VERB", "AUX", "NOUN") or inside_pop(a.start):
                continue
            lem = a.lemma.lower()
            if a.pos == "VERB" and lem in r.aspect_verbs:
                # "hundreds a day continued to walk across the border": the verb it governs
                inner = next(
                    (c for c in ctx.toks_in(a.end, e) if c.head == a.i and c.dep == "xcomp"),
                    None,
                )
                if inner is not None:
                    if not path and lem in ("try", "attempt", "seek"):
                        attempted = True
                    a = inner
                    lem = a.lemma.lower()
            hit = next(((ps, pe, t) for ps, pe, t in phrase_hits if ps <= a.start < pe), None)
            if hit is not None:
                path.append(Event(hit[2], ctx.text[hit[0] : hit[1]], hit[0], hit[1]))
            elif (
                a.pos == "VERB"
                and lem in r.treating_verbs
                and _INJURY_AFTER.search(ctx.text[a.end : min(e, a.end + 90)])
            ):
                # "its clinics had treated 39 people for gunshot and shrapnel wounds"
                path.append(Event("casualty", a.text, a.start, a.end))
            elif (
                a.pos == "VERB"
                and lem in r.displacing_verbs
                and anchor is not None
                and _object_of(ctx, anchor, a)
            ):
                # "the M23 offensive had displaced about 170,000 people": made to leave
                path.append(Event("departure", a.text, a.start, a.end))
            elif (
                a.pos == "VERB"
                and lem in r.forcing_verbs
                and anchor is not None
                and _object_of(ctx, anchor, a)
                and not _sent_back(ctx, a, e)
                # (not "has driven millions of people to leave the country": the verb after)
                and not _governs_verb_clause(ctx, a, e)
                and (subj := _subject_of(ctx, a, s, e)) is not None
                and subj.lemma.lower() in r.displacing_causes
            ):
                # "Russia's partial mobilisation sent hundreds of thousands of men abroad":
                # driven out by a cause (into a named country: an arrival there, _places)
                path.append(Event("departure", a.text, a.start, a.end))
            elif (
                a.pos == "VERB"
                and r.verb_triggers.get(lem) in ("departure", "arrival", "onward")
                and anchor is not None
                and _object_of(ctx, anchor, a)
                and _sent_back(ctx, a, e)
            ):
                # "Guinea and Côte d'Ivoire flew several hundred of their citizens home"
                path.append(Event("return", a.text, a.start, a.end))
            elif a.pos == "VERB" and lem in r.moved_by_others and _sent_back(ctx, a, e):
                # "Guatemala sends 3,500 caravan migrants back to Honduras"
                path.append(Event("return", a.text, a.start, a.end))
            elif a.pos == "VERB" and lem in r.moved_by_others and _carried(ctx, anchor, a, e):
                path.append(Event("other", a.text, a.start, a.end))
            elif (
                a.pos == "VERB"
                and lem in r.bringing_verbs
                and anchor is not None
                and (brought := _brought(ctx, anchor, a, e)) is not None
            ):
                # "had been brought to Germany on charter flights", "Trains from Lviv bring
                # thousands a day to Przemysl", "brought 4,100 Afghans out of Kabul" (not
                # "bringing the total to 1,388": the people are not what is brought)
                path.append(Event(brought, a.text, a.start, a.end))
            elif a.pos == "VERB" and (given := _what_the_verb_moves(ctx, a, lem, e)):
                path.append(Event(given, a.text, a.start, a.end))
            elif a.pos in ("VERB", "AUX") and lem in r.verb_triggers:
                if _not_a_movement(ctx, a) or _reaches_the_figure(ctx, a, q):
                    continue  # "the charter flights, which run up to 50 a week"
                path.append(Event(r.verb_triggers[lem], a.text, a.start, a.end))
            elif a.pos == "NOUN" and a.text.lower() in r.noun_triggers and (
                a.dep == "ROOT"
                # "registered the arrival of more than 220,000 Russian citizens": the event
                # noun whose "of" names the counted people
                or re.fullmatch(r"\s+of\s+(?:the\s+|some\s+|about\s+|more\s+than\s+)*",
                                ctx.text[a.end : q["start"]]) is not None
            ):
                path.append(Event(r.noun_triggers[a.text.lower()], a.text, a.start, a.end))
            if len(path) == 2 or (a.dep == "relcl" and a.pos in ("VERB", "AUX")):
                # ("In Obock, where the government says some 150 migrants a day arrive ...,
                # a centre has sheltered 3,000": a figure inside a relative clause takes no
                # trigger of the main clause)
                break
    if path and pop is not None:
        finite = _finite_verb_after_participle(ctx, path[0], pop, s, e)
        if finite is not None:
            path = [finite]
    if attempted and len(path) > 1:
        return path[1]  # "detained 3,472 Haitians trying to cross the river": the stop
    if path:
        first = path[0]
        ftok = ctx.tok_at(first.start)
        if ftok is not None and ftok.lemma.lower() in r.expecting_verbs:
            # "Ethiopia expects up to 60,000 of its citizens to come back": the movement
            # expected, when the verb names one
            inner = _expected_movement(ctx, ftok, phrase_hits, e)
            if inner is None:
                # "expects between 10,000 and 15,000 asylum applications": the events counted
                inner = next(
                    (Event(ty, ctx.text[ps:pe], ps, pe) for ps, pe, ty in phrase_hits
                     if q["end"] <= ps <= q["end"] + 2),
                    None,
                )  # fmt: skip
            if inner is None:
                # "expects more than 10,000 applications from Russian citizens", "expects
                # about 1 million Russian visitors": what is counted names the event
                inner = _counted_event_noun(ctx, q, e)
            if inner is not None:
                return inner
        if ftok is not None and ftok.lemma.lower() in r.leaving_in_state_verbs:
            # "fire leaves 12,000 without shelter": the state it leaves them in
            end_fig = max(q["end"], pop.end if pop is not None else q["end"])
            state = next(
                (h for h in phrase_hits if end_fig <= h[0] <= end_fig + 3 and h[2] == "stock"),
                None,
            )
            if state is not None:
                return Event(state[2], ctx.text[state[0] : state[1]], state[0], state[1])
            if ftok.lemma.lower() == "leave" and re.match(
                r"\s+(?:still\s+)?in\s+(?:the\s+)?[A-Z]", ctx.text[end_fig : end_fig + 20]
            ):
                # "That leaves roughly 74,000 Russians in Kazakhstan": the ones who stay
                return Event("stock", first.text, first.start, first.end)
            nxt = ctx.tok_at(end_fig + 1)
            if nxt is not None and r.noun_triggers.get(nxt.text.lower()) == "stock":
                # "Fire leaves 12,000 Rohingya homeless"
                return Event("stock", nxt.text, nxt.start, nxt.end)
        pop_heads = {anchor.i, anchor.head} if anchor is not None else set()
        if (
            len(path) > 1
            and ftok is not None
            and (
                (ftok.dep in ("acl", "relcl", "amod") and ftok.head in pop_heads)
                # (the same, parsed as a clausal subject: "about 300 Russians arriving at
                # the crossing had been turned back")
                # (or hung on a dateline: "DUBLIN, Feb 2 – More than 74,000 people fleeing
                # the war in Ukraine have arrived in Ireland")
                or (
                    ftok.dep in ("csubj", "csubjpass", "acl")
                    and ftok.text.lower().endswith("ing")
                    and any(t.head == ftok.i and t.i in pop_heads and t.dep == "nsubj"
                            for t in ctx.toks_in(s, ftok.start))
                )
            )
        ):
            return path[1]  # "31,600 Russians crossing the border": a modifier of the noun
        if (
            len(path) > 1
            and ftok is not None
            and ftok.dep in ("advcl", "xcomp")
            and ftok.text.lower().endswith("ing")
            and ftok.lemma.lower() not in r.moved_by_others
            # (not "..., killing dozens of people": the figure is what the verb acts on)
            and not (anchor is not None and _object_of(ctx, anchor, ftok))
        ):
            return path[1]  # "encountered 31,600 Russians crossing ...": a small clause
        second = ctx.tok_at(path[1].start) if len(path) > 1 else None
        if (
            first.type == "other"
            and ftok is not None
            and ftok.lemma.lower() not in r.moved_by_others
            and second is not None
            and ((ftok.dep == "conj" and ftok.head == second.i) or second.head == ftok.i)
        ):
            return path[1]  # "intercepted or rescued": the specific reading wins
        return first
    if path_only:
        return None
    cands: list[tuple[int, str, int, int]] = []
    for ps, pe, typ in phrase_hits:
        if not inside_pop(ps):
            cands.append((abs(ps - q["start"]), typ, ps, pe))
    for t in ctx.toks_in(s, e):
        lem = t.lemma.lower()
        if inside_pop(t.start) and not (pop and t.text.lower() in r.noun_triggers):
            continue
        if any(d.start <= t.start < d.end for d in ctx.inp.dates) or re.match(
            r"(?:coming|following|next)\s+(?:few\s+)?(?:days|weeks|months|years|hours)\b",
            ctx.text[t.start : t.start + 30],
            re.I,
        ):
            continue  # "in the coming weeks": a time, not an arrival
        if t.pos == "VERB" and lem in r.verb_triggers and lem not in ctx.rules.path_only_verbs:
            if _not_a_movement(ctx, t) or _reaches_the_figure(ctx, t, q):
                continue
            cands.append((abs(t.start - q["start"]) + 5, r.verb_triggers[lem], t.start, t.end))
        elif (
            t.pos in ("NOUN", "PROPN")
            and t.text.lower().endswith("s")
            and r.verb_triggers.get(t.text.lower()[:-1]) == "stock"
            and ctx.tok_at(t.end + 1) is not None
            and any(o["start"] in (t.end + 1,) or t.end < o["start"] <= t.end + 8
                    for o in ctx.inp.quantities)
        ):
            # "Ecuador, a country of 18 million, hosts about 475,000 Venezuelans": the verb
            # the tagger read as a plural noun
            typ = r.verb_triggers[t.text.lower()[:-1]]
            cands.append((abs(t.start - q["start"]) + 5, typ, t.start, t.end))
        elif (
            t.pos == "NOUN"
            and (stem := _progressive_stem(ctx, t, r.verb_triggers)) is not None
        ):
            # "it was housing about 56,000 Ukrainians": a progressive the tagger read as a
            # noun
            typ = r.verb_triggers[stem]
            cands.append((abs(t.start - q["start"]) + 5, typ, t.start, t.end))
        elif t.pos in ("ADV", "ADJ") and (stem := _verb_read_as_adjective(t, r.verb_triggers)):
            # a verb the tagger missed ("800,000 of the refugees ... live in districts", "about
            # 13,800 more crossed, many of them after ...")
            typ = r.verb_triggers[stem]
            cands.append((abs(t.start - q["start"]) + 8, typ, t.start, t.end))
        elif (
            t.start == (pop.end if pop is not None else q["end"]) + 1
            and t.pos in ("NOUN", "PROPN")
            and t.text.lower() in r.verb_triggers
        ):
            # headline grammar: "More than 1,000 Rohingya land in Aceh", "Hundreds of
            # migrants queue outside ...": the tagger read the verb as a noun
            typ = r.verb_triggers[t.text.lower()]
            cands.append((abs(t.start - q["start"]) + 5, typ, t.start, t.end))
        elif t.pos in ("NOUN", "PROPN", "ADJ", "VERB") and t.text.lower() in r.noun_triggers:
            if _TIME_ANCHOR_BEFORE.search(ctx.text[max(s, t.start - 20) : t.start]):
                continue  # "twice the number before the mobilisation": a time, not the event
            if (
                t.dep == "compound"
                and 0 <= t.head < len(ctx.toks)
                and ctx.toks[t.head].lemma.lower() in _BODY_HEADS
            ):
                continue  # "who runs a relocation agency": the name of a business
            if t.start > s and t.text[:1].isupper() and _IN_A_NAME.search(
                ctx.text, max(s, t.start - 30), min(e, t.end + 30)
            ) is not None and any(
                x[2] in ("ORG", "FAC", "PERSON", "WORK_OF_ART") and x[0] <= t.start < x[1]
                for x in ctx.inp.entities
            ):
                continue  # "the Refugee Relief and Repatriation Commissioner": a name
            typ = r.noun_triggers[t.text.lower()]
            far = 15
            if t.text.lower() == "flight" and not _FLEEING_AFTER.match(ctx.text, t.end):
                far = 500  # "passengers on my flight": a plane, not fleeing (a last resort)
            cands.append((abs(t.start - q["start"]) + far, typ, t.start, t.end))
    cands = [
        c for c in cands
        if not _AND_THAT.search(ctx.text[min(c[2], q["start"]) : max(c[2], q["start"])])
    ]  # fmt: skip
    # a trigger in a clause of its own after the figure ("fell to about 8,600 ..., as
    # authorities flew hundreds of Haitians back") yields to one before it
    cands = [
        (c[0] + 40, *c[1:])
        if c[2] > q["end"] and _OTHER_CLAUSE.search(ctx.text, q["end"], c[2])
        else c
        for c in cands
    ]
    if anchor is not None and len(cands) > 1 and anchor.text.lower() not in ("those", "these"):
        # (not "those arriving": the clause is all the counted people are)
        # "about 1.06 million people who fled Ukraine are recorded as living in Germany": a
        # clause on the counted noun says who they are; the stay outside it is the event
        mods = {t.i for t in ctx.toks_in(s, e) if t.dep in ("relcl", "acl") and t.head == anchor.i}

        def in_modifier(pos: int) -> bool:
            t = ctx.tok_at(pos)
            return t is not None and any(a.i in mods for a in (t, *_ancestors(ctx, t)))

        if mods and any(not in_modifier(c[2]) for c in cands):
            cands = [(c[0] + 60, *c[1:]) if in_modifier(c[2]) else c for c in cands]
    if not cands:
        return None
    cands.sort()
    _, typ, ps, pe = cands[0]
    return Event(typ, ctx.text[ps:pe], ps, pe)


# what a capacity or a fleet is counted in (the numbers module's thing nouns add vehicles,
# prices, rents, ...)


# the opening of another clause: ", as ...", ", while ..."
_OTHER_CLAUSE = re.compile(r",\s+(?:as|while|whereas|because|although|though)\s")


def _verb_read_as_adjective(t: PTok, triggers: dict[str, str]) -> str | None:
    """The trigger verb of a word the tagger read as an adjective or adverb: the word itself
    ("live") or its past form ("crossed"), or None."""
    w = t.text.lower()
    return w if w in triggers else _past_form_of_trigger(w, triggers)


def _progressive_stem(ctx: _Ctx, t: PTok, triggers: dict[str, str]) -> str | None:
    """The trigger verb of an "-ing" word right after "is/was/were/are/been" ("was housing"),
    or None."""
    if not re.search(
        r"\b(?:is|are|was|were|been|be)\s+$", ctx.text[max(0, t.start - 8) : t.start], re.I
    ):
        return None
    return _ing_form_of_trigger(t.text.lower(), triggers)


def _ing_form_of_trigger(word: str, triggers: dict[str, str]) -> str | None:
    """The trigger lemma of a "waiting", "housing"-like "-ing" form, or None."""
    if not word.endswith("ing"):
        return None
    return next((v for v in (word[:-3], word[:-3] + "e") if v in triggers), None)


def _verb_hung_under_the_figure(ctx: _Ctx, q: dict[str, Any], e: int) -> Event | None:
    """"while some 1,300 a day left": the figure is the subject of the trigger verb the
    parser hung under it (only rate words between them; not "left behind", "left over")."""
    r = ctx.rules
    q_heads = {t.i for t in ctx.toks_in(q["start"], q["end"])}
    for c in ctx.toks_in(q["end"], e):
        if c.head not in q_heads or c.dep != "acl" or c.pos != "VERB":
            continue
        lem = c.lemma.lower()
        if (
            lem in r.verb_triggers
            and _RATE_WORDS_ONLY.fullmatch(ctx.text[q["end"] : c.start])
            and not re.match(r"\s+(?:behind|over)\b", ctx.text[c.end : c.end + 8])
            and not _not_a_movement(ctx, c)
        ):
            return Event(r.verb_triggers[lem], c.text, c.start, c.end)
        return None  # (the first such verb only)
    return None


def _finite_verb_after_participle(
    ctx: _Ctx, first: Event, pop: Span, s: int, e: int
) -> Event | None:
    """"About 2,100 Afghans evacuated from Kabul in August are still living in beach
    hotels": a participle right after the people modifies them; the finite trigger verb of
    the same clause after it is the event."""
    first_tok = ctx.tok_at(first.start)
    if first_tok is None or first_tok.start != pop.end + 1:
        return None
    if not re.search(r"(?:ed|en)$", first_tok.text):
        return None
    m_fin = _FINITE_AFTER.search(ctx.text, first_tok.end, e)
    fin = ctx.tok_at(m_fin.start(1)) if m_fin is not None else None
    verbs = ctx.rules.verb_triggers
    if (
        fin is None
        or fin.pos != "VERB"
        or fin.lemma.lower() not in verbs
        or _segment(ctx.text, s, e, fin.start) != _segment(ctx.text, s, e, first_tok.start)
    ):
        return None
    return Event(verbs[fin.lemma.lower()], fin.text, fin.start, fin.end)


# the finite verb of a clause after a participle: "... are still living", "were sheltering"
_FINITE_AFTER = re.compile(
    r"[^,;.]*?\b(?:are|were|is|was|remain|remained|have\s+been|had\s+been)\s+"
    r"(?:still\s+|now\s+)?([a-z]+ing|[a-z]+ed)\b"
)
# "flight from", "flight of": fleeing, not a plane
_FLEEING_AFTER = re.compile(r"\s+(?:from|of)\b")
# what may stand between a figure and its verb: "1,300 a day left", "200 more arrived"
_RATE_WORDS_ONLY = re.compile(
    r"\s+(?:(?:a|per|each|every)\s+(?:day|week|month|year|night)\s+|more\s+|others\s+)?"
)


_TIME_ANCHOR_BEFORE = re.compile(
    r"\b(?:before|after|since|following|until|ahead\s+of|prior\s+to)\s+(?:the\s+|its\s+|this\s+)?$",
    re.I,
)


# the heads of a business or an office that an event noun can name ("a relocation agency",
# "an immigration lawyer")
_BODY_HEADS = frozenset(
    "agency company firm business office department ministry service lawyer officer "
    "official minister consultant".split()
)
_WHICH_BEFORE = re.compile(r"\b([a-z]+),?\s+(?:which|that)\s+(?:now\s+|still\s+)?$")


_REACHED_LEVEL = re.compile(
    r"\s+(?:an?\s+(?:new\s+)?(?:record|high|peak|total)\s+(?:(?:high\s+)?of\s+)?)?$"
)


def _reaches_the_figure(ctx: _Ctx, t: PTok, q: dict[str, Any]) -> bool:
    """"The number of people displaced ... reached 2,062,534", "Employment reached a record
    2.7 million": a level that reaches the figure, not people reaching a place."""
    return (
        t.lemma.lower() == "reach"
        and t.end <= q["start"]
        and _REACHED_LEVEL.match(ctx.text[t.end : q["start"]]) is not None
    )


def _expected_movement(
    ctx: _Ctx, verb: PTok, phrase_hits: list[tuple[int, int, str]], e: int
) -> Event | None:
    """The trigger of the clause an expecting verb governs ("expects 60,000 to come back")."""
    for t in ctx.toks_in(verb.end, e):
        if t.head != verb.i or t.dep not in ("xcomp", "ccomp"):
            continue
        hit = next(((ps, pe, ty) for ps, pe, ty in phrase_hits if ps <= t.start < pe), None)
        if hit is not None:
            return Event(hit[2], ctx.text[hit[0] : hit[1]], hit[0], hit[1])
        typ = ctx.rules.verb_triggers.get(t.lemma.lower())
        if typ is not None and t.pos == "VERB":
            return Event(typ, t.text, t.start, t.end)
    return None


def _not_a_movement(ctx: _Ctx, t: PTok) -> bool:
    """A trigger verb that moves no one here: a passive participle describing a thing ("the
    regional platform run by UN agencies"), or "refused to join" (a refusal of an act,
    not of entry)."""
    if t.dep in ("acl", "amod") and 0 <= t.head < len(ctx.toks):
        head = ctx.toks[t.head]
        by = ctx.tok_at(t.end + 1)
        if (
            by is not None
            and by.text.lower() == "by"
            and head.pos in ("NOUN", "PROPN")
            and not _is_people({"text": head.text, "head": head.text}, ctx)
        ):
            return True  # "the platform run by UN agencies"
    if t.dep == "amod" and 0 <= t.head < len(ctx.toks) and ctx.toks[t.head].text.lower() in (
        ctx.rr.heads
    ):
        return True  # "state returning officer Thomas Gößl": part of a title
    which = _WHICH_BEFORE.search(ctx.text[max(0, t.start - 40) : t.start])
    if (
        which is not None
        and which.group(1).lower() in ctx.rules.not_people
        # (not "the earthquakes in Herat province, which killed more than 1,400 people":
        # things kill)
        and ctx.rules.verb_triggers.get(t.lemma.lower()) != "casualty"
    ):
        return True  # "the charter flights, which run up to 50 a week": the flights run
    if any(
        c.head == t.i and c.dep == "nsubj" and c.text.lower() in ctx.rules.non_mover_subjects
        for c in ctx.toks_in(max(0, t.start - 40), t.start)
    ):
        return True  # "The rise comes days after ...": a thing, not people, comes
    # "refused to join" (a refusal of an act, not of entry), "after their sailboat ran aground"
    nxt = ctx.tok_at(t.end + 1)
    return nxt is not None and f"{t.lemma.lower()} {nxt.text.lower()}" in (
        ctx.rules.non_movement_phrases
    )


_BUILT_FOR_AFTER = re.compile(
    r"\s+(?:the\s+)?(?:number|capacity)\s+(?:it|they|the\s+\w+)\s+(?:was|were|is|are)\s+"
    r"(?:built|designed|meant|intended|planned)\s+(?:for|to)\b"
)
_PREP_OR_DATE_WORDS = frozenset("in on at for of since from by during last this".split())


def _changed_thing(ctx: _Ctx, q: Quantity, e: int) -> bool:
    """'double their capacity', 'double the number of expulsion flights': a change whose
    object is a thing, not people or their movements."""
    after = ctx.text[q.end : min(e, q.end + 60)]
    if _BUILT_FOR_AFTER.match(after):
        return True  # "more than five times the number it was built for": a capacity
    m = re.match(
        r"\s+(?:the|their|its|his|her|our)\s+(?:number\s+of\s+)?((?:[\w-]+\s+)?[\w-]+)",
        after,
    )
    if m is None:
        return False
    words = m.group(1).lower().split()
    if len(words) == 2 and words[1] in _PREP_OR_DATE_WORDS:
        words = words[:1]  # "nearly double its price in October": the head is "price"
    head = words[-1]
    return head in ctx.rules.things_changed or head in number_rules().thing_nouns


def _change_subject_event(ctx: _Ctx, q: Quantity) -> Event | None:
    """The counted events that a change is said of, when they are the subject of its verb
    ("crossings on its eastern frontier more than doubled", "Daily arrivals rose by 40%")."""
    verb = next((t for t in ctx.toks_in(q.start, q.end) if t.pos == "VERB"), None)
    if verb is None:
        t = ctx.tok_at(q.start)
        verb = next(
            (a for a in (_ancestors(ctx, t)[:3] if t is not None else []) if a.pos == "VERB"),
            None,
        )
    if verb is None:
        return None
    subj = next(
        (c for c in ctx.toks_in(max(0, verb.start - 200), verb.start)
         if c.head == verb.i and c.dep in ("nsubj", "nsubjpass")),
        None,
    )  # fmt: skip
    if subj is None or subj.text.lower() not in ctx.rules.noun_triggers:
        return None
    return Event(ctx.rules.noun_triggers[subj.text.lower()], subj.text, subj.start, subj.end)


def _participle_event(ctx: _Ctx, pop: Span) -> Event | None:
    """'registered 27,429 migrants entering the country': the participle after the counted
    noun says what they did."""
    m = re.match(r"\s+(?:[a-z]+\s+)?([a-z]+ing)\b", ctx.text[pop.end : pop.end + 30])
    if m is None:
        return None
    t = ctx.tok_at(pop.end + m.start(1))
    if t is None or t.pos != "VERB" or t.lemma.lower() not in ctx.rules.verb_triggers:
        return None
    return Event(ctx.rules.verb_triggers[t.lemma.lower()], t.text, t.start, t.end)


def _noun_event(ctx: _Ctx, pop: Span) -> Event | None:
    """The event a counted noun names: 'crossings' (arrival), 'returnees' (return),
    'asylum applications' (asylum); None for people nouns with no event."""
    words = pop.text.split()
    head = words[-1].lower() if words else ""
    if re.search(r"\brefugees\s+(?:and|or)\s+asylum[\s-]seekers$", pop.text):
        return None  # "182,960 refugees and asylum seekers": who they are, not an event
    for m0 in ctx.rules._phrase_re.finditer(ctx.text, pop.start, pop.end):
        if m0.end() == pop.end:  # "25,000 new asylum requests"
            typ0 = ctx.rules.phrase_triggers[m0.group(0).lower()]
            return Event(typ0, m0.group(0), m0.start(), m0.end())
    typ = ctx.rules.noun_triggers.get(head)
    if typ is None:
        return None
    hs = pop.end - len(words[-1])
    m = ctx.rules._phrase_re.match(ctx.text, hs)
    if m is not None:  # "about 9.4 million crossings back into Ukraine": a return
        return Event(ctx.rules.phrase_triggers[m.group(0).lower()], m.group(0), hs, m.end())
    if len(words) > 1 and words[-2].lower() in ctx.rules.noun_triggers and head in (
        "applications", "claims", "requests", "seekers"
    ):
        typ = ctx.rules.noun_triggers[words[-2].lower()]  # "asylum applications"
        return Event(typ, " ".join(words[-2:]), pop.end - len(" ".join(words[-2:])), pop.end)
    if typ == "stock" and head in ("refugees", "displaced"):
        return None  # "registered 1.6 million refugees": who they are, not what happened
    return Event(typ, words[-1], pop.end - len(words[-1]), pop.end)


def _subject_of_movement(ctx: _Ctx, q: Quantity) -> bool:
    """'About 80,000 remained in Romania', 'up to 4 million could leave': a figure with no
    noun that is the subject of a movement verb."""
    r = ctx.rules
    after = ctx.text[q.end : q.end + 60]
    m = _OF_PRONOUN.match(after)
    off = q.end + (m.end() if m else 0)
    if m and re.match(r"\s+who\b", ctx.text[off : off + 6]):
        return True  # "some 100,000 of those who crossed"
    rate = _RATE_AFTER.match(ctx.text[off : off + 20])
    if rate:
        off += rate.end()  # "about 6,000 a day were reaching the town"
    pp = _PLACE_PP.match(ctx.text[off : off + 50])
    if pp:
        off += pp.end()  # "1.9 million in Türkiye still live in tents"
    if _IN_CAMPS_AFTER.match(ctx.text[off : off + 60]):
        return True  # "half a million in relief camps"
    for t in ctx.toks_in(off, off + 40)[:6]:
        if t.pos in ("VERB",) and t.lemma.lower() in r.verb_triggers:
            return True
        if t.start == off + 1 and t.text.lower() in r.verb_triggers:
            return True  # headline: "More than 300,000 flee Lebanon" (tagged as a noun)
        if r._phrase_re.match(ctx.text, t.start):
            return True
        if t.text.lower() == "more" and t.start == off + 1:
            continue  # "thousands more were waiting at Wadi Halfa"
        if t.pos in ("ADJ", "VERB") and t.text.lower() in r.noun_triggers:
            return True  # "Tens of thousands are still missing", "are displaced"
        if t.pos == "ADJ" and _past_form_of_trigger(t.text.lower(), r.verb_triggers):
            return True  # "about 2,100 more crossed further west" (tagged as an adjective)
        if t.text.lower() == "since":
            continue  # "roughly 325,000 have since left Kazakhstan"
        if t.pos not in ("AUX", "ADV", "PART", "VERB"):
            return False
    return False


def _past_form_of_trigger(word: str, triggers: dict[str, str]) -> str | None:
    """The trigger lemma of a 'crossed', 'arrived'-like past form, or None."""
    stems = (word[: -len(suf)] for suf in ("ed", "d") if word.endswith(suf))
    return next((st for st in stems if st in triggers), None)


_RATE_AFTER = re.compile(r"\s+(?:a|per|each|every)\s+(?:day|week|month|year|fortnight)\b")
_PLACE_PP = re.compile(r"\s+(?:in|at|inside)\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")
_IN_CAMPS_AFTER = re.compile(
    r"\s+(?:(?:are|were|now|still|remain|living|sheltering|staying)\s+)*(?:in|at)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:camps|shelters|tents|evacuation\s+cent(?:re|er)s|schools|mosques|reception\s+cent(?:re|er)s)\b",
    re.I,
)


def _object_of_trigger(ctx: _Ctx, q: Quantity) -> bool:
    """'Officials have relocated about 30,000 of them', 'stopped 1,800 would-be migrants':
    a figure with no noun (or one the parser missed) that is the object of an event verb."""
    t = ctx.tok_at(q.start)
    if t is None:
        return False
    for a in [t, *_ancestors(ctx, t)][:4]:
        if a.pos == "VERB" and a.start < q.start:
            # (not "Goats remained the largest group at 27.9 million": things, not people)
            subj = next(
                (c for c in ctx.toks_in(max(0, a.start - 60), a.start)
                 if c.head == a.i and c.dep in ("nsubj", "nsubjpass")),
                None,
            )  # fmt: skip
            if subj is not None and subj.lemma.lower() in ctx.rules.animals:
                return False
            if a.dep in ("amod", "acl"):
                return False
            # ("Poland alone has taken in more than 2 million": a phrase trigger's verb)
            return a.lemma.lower() in ctx.rules.verb_triggers or bool(
                ctx.rules._phrase_re.match(ctx.text, a.start)
            )
    return False
