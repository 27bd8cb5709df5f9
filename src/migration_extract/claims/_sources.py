"""Source: who reports a figure ("according to X", the subject of a reporting verb, "he
said" resolved to the last official named before), its kind, role and country."""

from __future__ import annotations

import re
from typing import Any

from ..officials import AGENCY_TAG, FULL_NAME
from ..records import Source
from ._base import (
    PTok,
    _ancestors,
    _Ctx,
    _geo_in,
    _segment,
    _sentence_back,
    _subject_of,
    _subtree,
)

_SPEAKER_PRONOUNS = {"he", "she", "they", "it"}


_ACCORDING_RE = re.compile(
    r"\b(?:according\s+to|cited\s+by|reported\s+by|data\s+from|figures\s+from)\s+", re.I
)
# "X, citing Y, put the figure at ...": Y is X's source; used only when X is not found
_CITING_RE = re.compile(r"\bciting\s+", re.I)
_X_CITING_Y = re.compile(
    r"(?P<x>[^,]{3,80}),\s+citing\s+[^,]{3,80},\s+(?:reported|said|says|told|estimated|"
    r"estimates|wrote|added)\b"
)
_ANAPHORIC_SOURCES = re.compile(
    r"^(?:the\s+|its\s+|their\s+)?(?:(?:un|u\.n\.|same|local|national)\s+)?"
    r"(agency|ministry|government|organisation|organization|service|body|office|department|"
    r"police|guard|authorities|officials|group|charity|directorate|commission|council|"
    r"committee|institute|bureau|authority|mission|coastguard|programme|program|foundation|"
    r"association|network|centre|center|federation|union|update|bulletin|statement|"
    r"airline|airport|carrier|company|operator)"
    r"(?:[’']s?(?:\s+(?:[\w-]+\s+){0,2}(?:figures|data|statistics|records|survey|report|"
    r"count|estimates?|update|tally|assessment|tracking|monitoring|year-end|monthly|annual|"
    r"weekly|daily|latest|own|displacement\s+tracking))?)?$",
    re.I,
)
_NAME_CLOSING = re.compile(
    r",\s*([A-Z][\w’'&\-]*(?:\.\w[\w’'&\-]*)*"
    r"(?:\s+(?:[A-Z][\w’'&\-]*(?:\.\w[\w’'&\-]*)*|de|del|la|el|of|for|and)){1,5})\s*[.]?\s*$"
)
_SOURCE_CUT = re.compile(
    r"\s+(?:run|led|operated|published|echoed|based|backed|funded|issued|released|compiled)\s+"
    r"(?:by|in|on)\b.*$|\s+(?:which|who|that|and\s+echoed)\b.*$|,\s+citing\b.*$",
    re.I,
)


def _trailing_attribution(ctx: _Ctx, t: PTok, s: int, e: int) -> bool:
    """", the International Organization for Migration (IOM) said on Friday.", ", officials
    estimate, ...": a reporting clause set off by a comma that the parser hung on the
    sentence's verb as a conjunct; it attributes the whole sentence."""
    if t.dep not in ("conj", "parataxis") or t.pos != "VERB":
        return False
    if not (0 <= t.head < len(ctx.toks)) or ctx.toks[t.head].dep != "ROOT":
        return False
    subj = next(
        (c for c in ctx.toks_in(s, t.start) if c.head == t.i and c.dep == "nsubj"), None
    )
    if subj is None:
        return False
    sub_s, _ = _subtree(ctx, subj, s, e)
    return re.search(r",\s*$", ctx.text[max(s, sub_s - 3) : sub_s]) is not None


def _governing_reporters(ctx: _Ctx, q: dict[str, Any], s: int, e: int) -> list[PTok]:
    """Reporting verbs whose report contains the quantity (or that head the sentence),
    outermost first."""
    toks = ctx.toks_in(s, e)
    qt = ctx.tok_at(q["start"])
    anc = [a.i for a in _ancestors(ctx, qt)] if qt is not None else []
    out = []
    for t in toks:
        if t.lemma.lower() not in ctx.rules.reporting_verbs or t.pos not in ("VERB", "AUX", "NOUN"):
            continue
        if t.pos == "NOUN" and t.dep != "ROOT":
            continue
        rel = _RELATIVE_BEFORE.search(ctx.text, q["end"], t.start) if t.start > q["end"] else None
        if rel is not None and t.start - rel.end() < 40 and t.i not in anc:
            continue  # "..., in neighbouring Kenya, where the Red Cross said at least 46 had died"
        if (
            t.lemma.lower() in ("announce", "declare")
            and _TEMPORAL_CLAUSE_BEFORE.search(ctx.text, max(s, t.start - 50), t.start)
        ):
            # "A year after Russia announced its first mobilisation since World War Two,
            # tens of thousands ...", "Two weeks after Moscow announced its call-up of
            # 300,000 reservists": an announcement that dates the figure, not its report
            # (not "after President Luis Abinader said the country would deport up to
            # 10,000 people a week": a speaker's words)
            continue
        if t.dep == "ROOT" or t.i in anc or _trailing_attribution(ctx, t, s, e):
            depth = anc.index(t.i) if t.i in anc else len(anc)
            # a reporter in another clause ("Kazakhstan says X, Georgia reported Y") comes
            # after the one of the figure's own clause
            seg = abs(_segment(ctx.text, s, e, t.start) - _segment(ctx.text, s, e, q["start"]))
            # (a verb of keeping records, or of expecting, yields to a speaker: "X said ...
            # that the ministry expected at least 8,000 Russians a day")
            recording = (
                t.lemma.lower() in ctx.rules.recording_verbs
                or t.lemma.lower() in ctx.rules.expecting_verbs
            )
            out.append(((recording, min(seg, 1), -depth), t))
    out.sort(key=lambda x: x[0])
    return [t for _, t in out]


# a relative clause opening after the figure: its reporting verb reports that clause
_RELATIVE_BEFORE = re.compile(r",\s+(?:where|which|whose|whom)\b")
# a temporal clause whose verb reports: "A year after Russia announced ..."
_TEMPORAL_CLAUSE_BEFORE = re.compile(
    r"\b(?:[Aa]fter|[Bb]efore|[Ss]ince|[Uu]ntil|[Oo]nce|[Ww]hen)\s+(?:[\w’'-]+\s+){1,4}$"
)
_DATELINE_FULL = re.compile(
    r"[A-Z][A-Z’' ./\-]+(?:,\s+[A-Z][\w .’'\-]{1,30}?)?(?:,\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2})?"
    + AGENCY_TAG
    + r"\s+[–—-]\s+"
)


def _past_the_figure(ctx: _Ctx, a0: int, a1: int, q: dict[str, Any]) -> int | None:
    """Where a subject the parser left unattached starts: ``a0``, or after the last comma
    when the words before the verb hold the figure itself ("More than 1,000 Afghan
    soldiers crossed ..., Tajikistan's State Committee for National Security said")."""
    if not (a0 <= q["start"] < a1):
        return a0
    comma = ctx.text.rfind(", ", q["end"], a1)
    return comma + 2 if comma >= 0 else None


def _source(ctx: _Ctx, q: dict[str, Any], s: int, e: int) -> Source | None:
    """Who the figure is attributed to in its own sentence."""
    text = ctx.text
    sent = text[s:e]
    m = _ACCORDING_RE.search(sent)
    if m:
        # "Buryatia must call up about 4,000 men, according to its regional government,
        # while Dagestan's leadership said its quota was fewer than 2,000": the attribution
        # of another clause yields to a reporter of the figure's own clause
        q_seg = _segment(text, s, e, q["start"])
        own = [
            v
            for v in _governing_reporters(ctx, q, s, e)
            if _segment(text, s, e, v.start) == q_seg
            # "Italy has recorded ..., according to interior ministry figures": a keeper of
            # records yields to the attribution
            and v.lemma.lower() not in ctx.rules.recording_verbs
        ]
        # "according to the Federal Employment Agency, which said ...": the same source
        relative = any(
            (sj := _subject_of(ctx, v, s, e)) is not None
            and sj.text.lower() in ("which", "who", "that")
            for v in own
        )
        if _segment(text, s, e, s + m.start()) != q_seg and own and not relative:
            m = None
    if m:
        a0 = s + m.end()
        cut = re.search(
            # (not the comma inside "31,870": "Data from X showed 31,870 Russian citizens")
            r"(?<!\d)[,.](?!\d)|[;:(\n]|\s+(?:more|at\s+least|some|about|roughly|nearly|over|"
            r"had|have|has|were|was|and\s+echoed|show|shows|showed|indicate|indicates|"
            r"indicated|suggest|suggests|suggested)\b",
            text[a0:e],
        )
        a1 = a0 + (cut.start() if cut else e - a0)
        by = _FIGURES_BY.match(text, a0, e)
        given = _FIGURES_GIVEN.match(text, a0, e)
        if by is not None:
            # "according to figures released on Monday by the International Organization
            # for Migration (IOM)": the body that released them
            a0 = by.end()
            cut = re.search(r"[,.;:(\n]|\s+(?:at|on|in|during)\s", text[a0:e])
            a1 = a0 + (cut.start() if cut else e - a0)
        elif given is not None:
            a0, a1 = given.start("org"), given.end("org")
        listed = _NAME_WITH_COMMAS.match(text, a1, e)
        if listed is not None:
            # "according to Immigration, Refugees and Citizenship Canada (IRCC)": a name with
            # commas, closed by the acronym it defines
            a1 = listed.end("tail")
        owned = _ORG_RECORDS.match(text, a0, a1)
        if owned is not None:
            # "according to a Home Office survey of new arrivals": the body, not its survey
            a0, a1 = owned.start("org"), owned.end("org")
        # "the UN refugee agency, UNHCR," : the acronym in apposition
        app = re.match(r",\s*([A-Z][A-Za-z0-9.&\-]{1,12})\s*[,.]", text[a1 : a1 + 20])
        # "according to the Spanish maritime rescue service, Salvamento Marítimo.": the
        # name in apposition that closes the sentence
        app = app or _NAME_CLOSING.match(text[a1:e])
        src = _make_source(ctx, a0, a1, None, apposition=app.group(1) if app else None)
        if src is not None:
            return src
    for verb in _governing_reporters(ctx, q, s, e):
        acr = _ACRONYM_BEFORE_VERB.search(text, max(s, verb.start - 16), verb.start)
        if (
            acr is not None
            and acr.group(1) in ctx.acronyms.values()
            and _LONG_NAME_OPENING.fullmatch(text, s, acr.start()) is not None
        ):
            # "Immigration, Refugees and Citizenship Canada (IRCC) said": the body by the
            # acronym it defines (the parser cuts such a name at its first comma)
            src = _make_source(ctx, acr.start(1), acr.end(1), None)
            if src is not None:
                return src
        sj = _subject_of(ctx, verb, s, e)
        if (
            sj is None
            and verb.text.lower().endswith("ing")
            and verb.dep in ("advcl", "xcomp", "conj")
            and 0 <= verb.head < len(ctx.toks)
            and re.search(r",\s*$", ctx.text[max(s, verb.start - 3) : verb.start])
        ):
            # "Syria's Interior Ministry gave a different split, saying 83,000 ...": the
            # participle's speaker is the subject of the verb it hangs on
            sj = _subject_of(ctx, ctx.toks[verb.head], s, e)
        if (
            sj is None
            and verb.dep == "conj"
            and 0 <= verb.head < len(ctx.toks)
            and ctx.toks[verb.head].dep == "ROOT"
            and ctx.toks[verb.head].pos == "NOUN"
            and 0 < ctx.toks[verb.head].start - s < 80
        ):
            # "UNHCR disputes that figure and says ...": the parser took the first verb for
            # a noun; the words before it are the shared subject
            src = _make_source(ctx, s, ctx.toks[verb.head].start, None)
            if src is not None:
                return src
        reach = 250 if q["start"] < verb.start else 120  # (the figure is cut off below)
        if sj is None and verb.dep == "ROOT" and 0 < verb.start - s < reach:
            # the parser cut the sentence before the verb: "Data made available by ... (CBP)
            # indicated that ...": the words before the verb are its subject
            a0 = _past_the_figure(ctx, s, verb.start, q)
            if a0 is None:
                continue
            src = _make_source(ctx, a0, verb.start, None)
            if src is not None:
                return src
        if sj is None or (sj.start <= q["start"] < sj.end + 40 and sj.start > q["start"] - 5):
            continue
        # "WASHINGTON – ...", "SAN JOSE, Costa Rica, June 20 – ...": the dateline
        dateline = _DATELINE_FULL.match(ctx.text, s, e)
        in_dateline = dateline is not None and sj.start < dateline.end()
        if sj.text.isupper() and len(sj.text) > 2 and in_dateline:
            assert dateline is not None
            sj_end = dateline.end()
            # "WASHINGTON – US Customs and Border Protection (CBP) recorded ...": the parser
            # took the dateline for the subject; the words after it are
            a0 = _past_the_figure(ctx, sj_end, verb.start, q)
            if a0 is None:
                continue
            src = _make_source(ctx, a0, verb.start, None)
        elif sj.text.lower() == "it" and ctx.last_org is not None:
            # "It said it was preparing for ...": the organisation quoted last
            o = ctx.last_org
            src = Source(o.name, o.kind, o.role, o.country, sj.text, sj.start, sj.end)
        elif sj.text.lower() in _SPEAKER_PRONOUNS:
            src = _pronoun_source(ctx, sj.start, sj.end)
        else:
            sub_s, sub_e = _subtree(ctx, sj, s, e)
            person = next(
                (x for x in ctx.inp.entities if x[2] == "PERSON" and x[0] <= sj.start < x[1]),
                None,
            )
            if sj.i > verb.i and person is not None:
                # "said camp manager Adnan Hodžić of Bosnia's Service ...": the person
                sub_s, sub_e = person[0], person[1]
            if sub_s <= q["start"] < sub_e:
                continue  # "Some 6,000 children had been registered": the figure itself
            fronted = _FRONTED_PLACE_SUBJECT.match(text, sub_s, sub_e)
            rest = re.fullmatch(r",\s+(\S.{2,80}?)\s*", text[sub_e : verb.start])
            if fronted is not None and rest is not None:
                # "Inside Somalia, the United Nations says ...": the parse took the fronted
                # place for the subject; the words between it and the verb are
                sub_s, sub_e = sub_e + rest.start(1), sub_e + rest.end(1)
                head: PTok | None = None
            else:
                head = sj
            # "..., said its director, Ioannis Kostas." / ", Ioannis Kostas, told": the name
            # in apposition (closing the sentence or set off by commas)
            app = re.match(r",\s*([^,]{3,60}?)(?:,|\.(?:\s|$|[”\"])|$)", text[sub_e : sub_e + 70])
            by = _RECORDS_BY.search(text, sub_s, sub_e)
            by_span = (by.start("org"), sub_e) if by is not None else None
            by_app = _APPOSITION_BY.match(app.group(1)) if app is not None else None
            if by_span is None and by_app is not None and app is not None:
                # "The figures, released by Eurostat on Thursday, show": the apposition says
                # who released them
                a_s = sub_e + app.start(1) + by_app.start("org")
                by_span = (a_s, a_s + len(by_app.group("org")))
            if by_span is not None and head is not None and head.text.lower() in _RECORD_NOUNS:
                # "A detailed table released by the ministry showed": who released it
                src = _make_source(ctx, by_span[0], by_span[1], None)
            else:
                src = _make_source(ctx, sub_s, sub_e, head,
                                   apposition=app.group(1) if app else None)  # fmt: skip
        if src is not None:
            return src
    m = re.match(r"\s*([A-Z][\w’'.&\-]*(?:\s+[A-Z][\w’'.&\-]*){0,4}),\s+citing\b", sent)
    if m:  # "Forbes Russia, citing a source in the administration, ..."
        src = _make_source(ctx, s + m.start(1), s + m.end(1), None)
        if src is not None:
            return src
    xc = _X_CITING_Y.match(sent)
    if xc:
        # "The independent Russian outlet Novaya Gazeta Europe, citing a source in the
        # security services, reported ...": the outlet is the source (the parser missed it)
        src = _make_source(ctx, s + xc.start("x"), s + xc.end("x"), None)
        if src is not None:
            return src
    m = _CITING_RE.search(sent)
    if m:
        a0 = s + m.end()
        cut = re.search(r"[,.;:(\n]", text[a0:e])
        src = _make_source(ctx, a0, a0 + (cut.start() if cut else e - a0), None)
        if src is not None:
            return src
    for m3 in _TRAILING_SAID_RE.finditer(sent):
        # "..., Hungarian police said on Monday", "..., the agency's director, Fernando García,
        # told reporters"; not "..., and Erdogan has repeatedly said the country cannot ...":
        # that report is the clause after the verb, not the figure before it
        if re.match(r"(?:and|but|while|or|where|which|whose)\b", m3.group(1), re.I) or re.search(
            r"\b(?:has|have|had|is|was|will|would|\w+ly)\b", m3.group(1)
        ):
            continue
        if q["start"] > s + m3.end() and re.search(
            r"\b(?:after|before|when|since|as)\b", text[s + m3.end() : q["start"]]
        ):
            continue  # "..., IOM said on Tuesday, days after shells ... killed at least 35"
        rest = sent[m3.end() :]
        # "..., IOM said on Tuesday, days after shells struck ...": the day it was said
        # and a closing clause after it
        rest = re.sub(r"^\s+(?:on|late|early)\s+[A-Z]\w+(?:\s+\d{1,2})?(?=[,.;:])", "", rest)
        # "..., told reporters at the crossing, many of them on free buses ...": where it
        # was said, then a closing clause
        rest = re.sub(r"^\s+reporters(?:\s+(?:at|in|on)\s+[^,.;:]{1,40})?(?=[,.;:])", "", rest)
        if not re.match(r"\s*(?:[,.;:]|$)", rest) and (
            re.search(r"\bthat\b", rest) or len(rest.split()) > 7
        ):
            continue
        a0, a1 = s + m3.start(1), s + m3.end(1)
        if m3.group(1).lower() == "it" and ctx.last_org is not None:
            o = ctx.last_org  # "..., it said": the organisation quoted last
            return Source(o.name, o.kind, o.role, o.country, text[a0:a1], a0, a1)
        if m3.group(1).lower() in _SPEAKER_PRONOUNS:
            return _pronoun_source(ctx, a0, a1)
        return _make_source(ctx, a0, a1, None, apposition=m3.group(2) or m3.group(3))
    m5 = _HEADLINE_DASH_SOURCE.search(sent)
    if m5 is not None and q["end"] <= s + m5.start():
        # "Rohingya arrivals in Bangladesh from Myanmar reach 536,000 - aid agencies": a
        # headline's attribution after a dash
        src = _make_source(ctx, s + m5.start(1), s + m5.end(1), None)
        if src is not None:
            return src
    m6 = _COLON_SOURCE.match(sent)
    who = re.sub(r"(?:’s|'s)$", "", m6.group("src")) if m6 is not None else ""
    if (
        m6 is not None
        and q["start"] >= s + m6.end()
        and who.lower() not in _TAGS
        # ("Upper Lars live: nearly 100,000 ...": a live page's title)
        and who.split()[-1].lower() not in _TAGS
        # a speaker, not a topic ("Pakistan floods: half a million in relief camps")
        and (
            who.split()[-1].lower() in ctx.rules.speaker_heads
            or (who.isupper() and len(who) > 1)
            or who in ctx.rr.international
            or who in ctx.rr.international.values()
            or any(x[2] == "PERSON" and x[0] == s + m6.start("src") for x in ctx.inp.entities)
        )
    ):
        # "Semey akimat: about 1,750 Russians registered in a week", "Related: UN: 1.7
        # million have fled Ukraine": a headline or list line's attribution before a colon
        a0 = s + m6.start("src")
        src = _make_source(ctx, a0, a0 + len(who), None)
        if src is not None:
            return src
    m9 = _NUMBERS_FROM_COLON.match(sent)
    if m9 is not None and q["start"] >= s + m9.end():
        # "Official numbers from the interior ministry (MUP) in March: 14,812 Russians held"
        src = _make_source(ctx, s + m9.start("src"), s + m9.end("src"), None)
        if src is not None:
            return src
    m4 = _SAID_NAME_CLOSING.search(sent)
    if m4 is not None:
        # "..., said Javier Salcedo, head of Migraciones' foreigners directorate.": the
        # reporting verb before the person who closes the sentence
        a0, a1 = s + m4.start("name"), s + m4.end("name")
        if any(x[2] == "PERSON" and x[0] <= a0 < x[1] for x in ctx.inp.entities) or any(
            a0 <= ms < a1 for o in ctx.inp.officials for ms, _me in o.mentions
        ):
            return _make_source(ctx, a0, a1, None)
    m8 = _OPENING_SAYS_THAT.match(sent)
    if m8 is not None and q["start"] >= s + m8.end():
        # "Aid workers in Kufra estimate that 300 to 500 people a week reached the town": the
        # subject of a reporting verb that opens the sentence, whatever the parse made of it
        src = _make_source(ctx, s + m8.start("src"), s + m8.end("src"), None)
        if src is not None:
            return src
    m7 = _CLOSING_BRACKET_SOURCE.search(sent)
    if m7 is not None and q["end"] <= s + m7.start():
        # "• 587,600 people living in displacement sites ... as of 10 March (IOM)", "... since
        # 15 April (IOM, 22 May)": a list line's attribution in the bracket that closes it
        who = m7.group("who")
        if who.isupper() or who in ctx.rr.international or who in ctx.rr.international.values():
            a0 = s + m7.start("who")
            return _make_source(ctx, a0, a0 + len(who), None)
    return None


# a sentence opening with who reports, then "that": "Aid workers in Kufra estimate that"
_OPENING_SAYS_THAT = re.compile(
    r"\s*(?P<src>[A-Z][\w’'.&-]*(?:\s+[\w’'.&-]+){0,6}?)\s+(?:say|says|said|estimate|estimates|"
    r"estimated|believe|believes|reported|report|reports)\s+that\s"
)
# a bracket closing the sentence after a lower-case word or a date, holding only a body's
# short name and perhaps a date (not a name's own acronym: "the agency (UNHCR)" is cut
# before a capitalised name only)
_CLOSING_BRACKET_SOURCE = re.compile(
    r"(?<=[a-z0-9])\s+\((?P<who>[A-Z][A-Za-z&.-]{1,12})(?:,\s*[^()]{1,20})?\)\s*[.;]?\s*$"
)


# "• Kazakh officials: almost 15,000 Russians entered ...", "Related: UN: 1.7 million ..."
_COLON_SOURCE = re.compile(
    r"[\s•*·-]*(?:(?:Related|Read\s+more|See\s+also|LIVE|UPDATE)\s*:\s*)?"
    r"(?P<src>[A-Z][\w’'.&-]*(?:\s+[\w’'.&-]+){0,3}?)"
    # its record or the day it posted: "The interior ministry's daily dashboard has
    # updated:", "Border Guard morning update:", "Finnish Border Guard, 25 Sep:"
    r"(?:(?:’s|'s)?(?:\s+(?:daily|morning|evening|weekly|latest|new))?\s+(?:update|dashboard|"
    r"bulletin|figures|data|tally)(?:\s+has\s+(?:been\s+)?updated)?"
    r"|,\s+\d{1,2}\s+[A-Z][a-z]{2,8}\.?)?"
    r"\s*:\s+(?=\S)"
)
# a line that gives its figures' keeper before a colon
_NUMBERS_FROM_COLON = re.compile(
    r"[\s•*·-]*(?:[A-Z][a-z]+\s+)?(?:numbers|figures|data|statistics)\s+(?:from|by)\s+"
    r"(?P<src>[^:;]{3,70}?)(?:\s+(?:in|on|for|as\s+of)\s+[A-Z][\w ]{2,20})?\s*:\s+(?=\S)"
)
# labels a headline or a page puts before a colon, who say nothing
_TAGS = frozenset(
    "live update updated breaking watch exclusive analysis explainer factbox video photos "
    "opinion related timeline correction editor's note q a".split()
)
_SAID_NAME_CLOSING = re.compile(
    r"[,”\"]\s*(?:said|says|added|told\s+reporters)\s+"
    # (", said another agent, Denis Lyubimov.": a role first, then the name)
    r"(?:(?:a|an|another|the|its|his|her|their)\s+[^,;“”\"]{2,40},\s*)?"
    rf"(?P<name>{FULL_NAME})"
    r"(?:,\s*[^;“”\"]{3,90}?)?\s*[.!]?\s*$"
)


_NAME_WITH_COMMAS = re.compile(
    r"(?P<tail>(?:,\s*[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)+,?\s+and\s+[A-Z][\w’'-]*"
    r"(?:\s+[A-Z][\w’'-]*)*)\s+\([A-Z][A-Za-z0-9.&-]{1,11}\)"
)
_FIGURES_BY = re.compile(
    r"(?:the\s+|new\s+|latest\s+|official\s+)*(?:figures|data|statistics|estimates|numbers|"
    r"reports?|records)\s+(?:released|published|issued|compiled|collected|gathered|provided|"
    r"presented|given)"
    r"\b[^,.;:]{0,40}?\bby\s+"
)
# "according to figures the department gave to Congress": the body that gave them
_FIGURES_GIVEN = re.compile(
    r"(?:the\s+|new\s+|latest\s+)*(?:figures|data|statistics|numbers)\s+(?:that\s+)?"
    r"(?P<org>(?:the\s+)?[\w’'.&\-]+(?:\s+[A-Z][\w’'.&\-]*){0,4})\s+"
    r"(?:gave|provided|sent|released|published|presented|submitted|shared)\b"
)
_ORG_RECORDS = re.compile(
    r"(?:an?\s+|the\s+)?(?P<org>[A-Z][\w’'.&\-]*(?:\s+[A-Z][\w’'.&\-]*){0,4})\s+(?:survey|report|"
    r"figures|data|statistics|estimates|analysis|census|count|tally|records)\b"
)


# a record and who released it: "a table released by the ministry", "data compiled by IOM"
_KEEPERS_RECORD = re.compile(
    r"(.+?)(?:’s|'s)\s+(?:[a-z]+\s+){0,2}(?:breakdown|dashboard|bulletin|update|tally|count|"
    r"statistics|estimates)(?:\s+(?:by|of|for)\s+.*)?"
)
_RECORD_NOUNS = frozenset(
    {"table", "tables", "figures", "data", "statistics", "report", "bulletin", "update",
     "survey", "records", "tally", "count", "estimates", "numbers"}
)  # fmt: skip
# an apposition naming who released a record: "released by Eurostat on Thursday"
_APPOSITION_BY = re.compile(
    r"(?:released|published|compiled|issued|provided|gathered|collected|posted)\s+by\s+"
    r"(?P<org>(?:the\s+)?[A-Z][\w’'.&\-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w’'.&\-]*){0,5})"
)
_RECORDS_BY = re.compile(
    r"\b(?:released|published|compiled|issued|provided|gathered|collected|posted)\s+by\s+"
    r"(?P<org>\S.*)$"
)

_TRAILING_SAID_RE = re.compile(
    r"[,”\"]\s*((?:[Tt]he\s+)?[A-Za-z][\w’'.\-]*(?:\s+[\w’'.\-&#;]+){0,5}?|he|she|they)"
    r"(?:,\s*([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3}),|\s+\(([A-Z][A-Za-z0-9.&\-]{1,11})\)|"
    # ", Petty Officer Ana Ruiz, a Coast Guard spokeswoman, said", ", Ion Cebotari, deputy
    # head of the border police, told reporters": a role in apposition
    r",\s*(?:(?:a|an|the)\s+[^,;.“”\"]{3,60}|"
    # (not ", where rents are lower,": a clause, not a role)
    r"(?!(?:where|which|who|whom|whose|when|while|as|after|before|because|although)\b)"
    r"[a-z][^,;.“”\"]{2,60}),)?"
    r"\s+(?:said|says|added|told|estimates|estimated|reported|reports|stated|noted|show|shows|"
    r"showed)\b"
)  # (", the International Organization for Migration (IOM) said": the defined acronym;
# ", interior ministry data show")


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:at|in|near|from|to|via|through|into|(?:town|city|village|camp|province|district|"
    r"region|crossing|port|state)\s+of)\s+$"
)


# a headline closing on its source after a spaced dash, with no full stop
_HEADLINE_DASH_SOURCE = re.compile(r"\s[-–—]\s+([A-Za-z][\w’'.&-]*(?:\s+[\w’'.&-]+){0,3})\s*$")
# "... (IRCC) said": a defined acronym right before the reporting verb
_ACRONYM_BEFORE_VERB = re.compile(r"\(([A-Z][A-Za-z0-9.&-]{1,11})\)\s+$")
# a sentence opening on a long name: "(OTTAWA – )Immigration, Refugees and Citizenship Canada"
_LONG_NAME_OPENING = re.compile(
    r"(?:" + _DATELINE_FULL.pattern + r")?(?:[Tt]he\s+)?"
    r"[A-Z][\w’'-]*(?:(?:,\s*|\s+and\s+|\s+(?:of|for|on|and)\s+|\s+)[A-Z][\w’'-]*)*\s+"
)
# "to Port-au-Prince and ": the second of two places
# a name the tagger took for a person that names a building or a body: "the Gandan
# monastery", "Bali's Ngurah Rai airport", "the refugee rights group Pro Asyl"
_FACILITY_AFTER = re.compile(
    r"\s+(?:airport|monastery|mosque|church|cathedral|station|port|bridge|camp|hospital|"
    r"clinic|school|university|college|hotel|stadium|arena|market|square|street|avenue|"
    r"district|province|region|crossing|checkpoint|cent(?:re|er)|base|airbase|highway|"
    r"road|valley|river|park|foundation|institute|group)\b"
)
_BODY_BEFORE = re.compile(
    r"\b(?:group|organi[sz]ation|charity|agency|NGO|network|foundation|party|company|firm|"
    r"outlet|newspaper|channel|site|website|association|union|movement)\s+$"
)
_LISTED_PLACE_BEFORE = re.compile(
    r"\b(?:at|in|near|from|to|via|through|into)\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}"
    r"\s+(?:and|or)\s+$"
)
_PERSONAL_NAME = re.compile(
    r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?\s+(?:[A-Z][a-zà-ÿ]+\s+)?[A-Z][a-zà-ÿ]+"
)


# a person the text introduces without a name, whom the next "he says" refers to
_UNNAMED_PERSON = re.compile(
    r"\b(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er)\s+(?:uncle|aunt|brother|sister|father|mother|son|"
    r"daughter|cousin|friend|husband|wife|neighbou?r|colleague|boss)\b"
)


# a name with an age and a description in apposition: "Artyom, 33, a game developer"
_NAME_AGE_APPOSITION = re.compile(
    r"(?<![\w’'-])((?:[A-Z][a-zà-ÿ’'-]+)(?:\s+[A-Z][a-zà-ÿ’'-]+){0,2}),\s+\d{1,2},\s+(?:a|an|the|who)\s"
)


def _pronoun_source(ctx: _Ctx, a0: int, a1: int) -> Source | None:
    """'he said' -> the last official named before (else the last person named); the person
    quoted in the sentence just before keeps speaking ("Nazeli Baghdasaryan, press secretary
    to Prime Minister Nikol Pashinyan, said ... Of those, 21,000 ..., she told reporters")."""
    last = ctx.last_source
    if (
        last is not None
        and last.kind == "person"
        and last.start < a0
        and ctx.sent_of(last.start)[0] >= _sentence_back(ctx, ctx.sent_of(a0)[0], 1)
    ):
        return Source(last.name, "person", last.role, last.country, ctx.text[a0:a1], a0, a1)
    prev0 = _sentence_back(ctx, ctx.sent_of(a0)[0], 1)
    if _UNNAMED_PERSON.search(ctx.text, prev0, a0):
        return None  # "My uncle drives a taxi from the post. He says ...": no one named
    best = None
    for o in ctx.inp.officials:
        for ms, me in o.mentions:
            if me <= a0 and (best is None or ms > best[0]):
                best = (ms, o)
    person = None
    for es, ee, lab in ctx.inp.entities:
        if "\n" in ctx.text[es:ee]:
            continue  # a page's crumbs run together ("Zhana Zhol\nComments"): no name
        name_like = lab == "ORG" and _PERSONAL_NAME.fullmatch(ctx.text[es:ee]) is not None and (
            re.match(r",\s+(?:who|a|an|the)\b", ctx.text[ee : ee + 6]) is not None
            # "Sophie Marchand, WFP's country director in Chad, said": a role in apposition
            or (
                (app := re.match(r",\s+([^,;.]{2,50}?)(?:,|\s+said\b)", ctx.text[ee : ee + 60]))
                is not None
                and any(w.lower() in ctx.rr.heads for w in re.findall(r"[A-Za-z]+", app.group(1)))
            )
        )  # "Jean-Baptiste Kambale, who coordinates ...": a person the tagger took for a body
        if (lab == "PERSON" or name_like) and ee <= a0 and (person is None or es > person[0]):
            before = ctx.text[max(0, es - 60) : es]
            if _FACILITY_AFTER.match(ctx.text, ee) or _BODY_BEFORE.search(before[-20:]):
                continue  # the name of a building or a body, not the speaker
            if _LOCATIVE_BEFORE.search(before[-20:]) or _LISTED_PLACE_BEFORE.search(before):
                # "crossing at Islam Qala", "flights to Port-au-Prince and Cap-Haitien": a
                # place the tagger took for a person
                continue
            if any(g[0] < ee and es < g[1] for g in ctx.geo):
                continue  # "the Khan Younis evacuations": a place
            if ctx.text[es:ee] in ctx.place_names:
                continue  # "Goma": tagged as a place elsewhere ("around Goma", "GOMA, ...")
            person = (es, ee)
    back2 = _sentence_back(ctx, ctx.sent_of(a0)[0], 2)
    for m in _NAME_AGE_APPOSITION.finditer(ctx.text, back2, a0):
        # "Artyom, 33, a game developer from Kazan": a person by the age after the name,
        # whatever the tagger or the place gazetteer (a town Artyom) made of it
        es, ee = m.span(1)
        if (person is None or es > person[0]) and not any(
            g[0] < ee and es < g[1] and g[3] == "country" for g in ctx.geo
        ):
            person = (es, ee)
    if best is not None and (person is None or best[0] >= person[0] - 40):
        o = best[1]
        return Source(o.name, "person", o.role, o.country, ctx.text[a0:a1], a0, a1)
    if person is not None:
        name = re.sub(r"(?:’s|'s)$", "", ctx.text[person[0] : person[1]])
        return Source(name, "person", None, None, ctx.text[a0:a1], a0, a1)
    return None


# figures that one body keeps and another cites: "Egyptian government figures cited by ..."
_CITED_BY = re.compile(
    r"(?:the\s+)?(?P<own>[A-Z][^,;()]{1,60}?)\s+(?:figures|data|statistics|estimates|numbers)\s+"
    r"(?:cited|quoted|relayed|reported)\s+by\b"
)
# "UNHCR and the International Organization for Migration" after "a joint count by"
_JOINT_COUNT = re.compile(r"((?:UN\s+)?[A-Z][\w.&-]{1,12})\s+and\s+(?:the\s+)?[A-Z].*")
# "the official MAP news agency", "the state news agency SANA" is handled by _MEDIA_TITLE
_NAMED_NEWS_AGENCY = re.compile(
    r"(?:(?:official|state|state-run|state-owned)\s+)?([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})"
    r"\s+news\s+agency"
)
_SOURCE_PREFIX = re.compile(
    r"^(?:(?:the|a|an|some)\s+)?(?:joint\s+)?(?:data|figures|statistics|numbers|estimates|"
    r"reports?|records|count|tally|assessment|survey)"
    r"(?:\s+(?:made\s+available|published|released|compiled|issued))?\s+(?:by|from|in|of)\s+"
    r"(?:the\s+)?",
    re.I,
)


_MEDIA_TITLE = re.compile(
    r"\b(?:site|website|portal|newspaper|outlet|broadcaster|channel|daily|magazine)\s+"
    r"([A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,2})$"
)


# a body's name right after its description, before the reporting verb
_NAME_AFTER_BODY = re.compile(
    r"\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})(?=,?\s+(?:said|says|told|reported|estimated|"
    r"estimates|counted|recorded|registered|noted|added|warned))"
)
# a body's description closed by its name: "border agency Frontex", "rights group Memorial"
_BODY_CALLED = re.compile(
    r"\b(?:agency|service|office|body|group|watchdog|organi[sz]ation|charity|ministry|"
    r"authority|network|coalition)\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})$"
)


def _name_in_apposition(ctx: _Ctx, a1: int, apposition: str) -> bool:
    """Is the word set off by commas after a body its name ("the UN refugee agency,
    UNHCR,")? Not a place ("the emergency management office of Brownsville, Texas,"), a
    title cut at its full stop ("Arica's police chief, Col. Rodrigo Soto,"), or the next
    item of a name that is a list ("The Department of Children, Equality, Disability,
    Integration and Youth")."""
    at = ctx.text.find(apposition, a1, a1 + 6 + len(apposition))
    if at < 0:
        return True
    end = at + len(apposition)
    if any(g[0] <= at < g[1] and g[2] for g in ctx.geo) or ctx.gaz.code(apposition):
        return False
    if ctx.text[end : end + 1] == "." and re.match(r"\.\s+[A-Z]", ctx.text[end : end + 3]):
        return False
    return not _LISTED_NAME_AFTER.match(ctx.text[at - 2 : end + 80])


# the rest of a name that is a list: ", Equality, Disability, Integration and Youth"
_LISTED_NAME_AFTER = re.compile(r",\s+(?:[A-Z][\w-]*,\s+)+[A-Z][\w-]*,?\s+and\s+[A-Z][\w-]*")


def _make_source(
    ctx: _Ctx, a0: int, a1: int, head: PTok | None, apposition: str | None = None
) -> Source | None:
    text = ctx.text
    raw = text[a0:a1]
    # a dateline before the subject: "BUCHAREST – Romania's border police"
    # (also "SAN JOSE, Costa Rica, June 20 – ")
    dl = _DATELINE_FULL.match(raw)
    if dl:
        a0 += dl.end()
        raw = text[a0:a1]
    a0 += len(raw) - len(raw.lstrip())
    span = raw.strip()
    if not span:
        return None
    a1 = a0 + len(span)
    fronted = _FRONTED_BEFORE_SUBJECT.match(span)
    if fronted is not None:
        # "On the Afghan side, at Spin Boldak, the Taliban administration's Ministry of
        # Refugees and Repatriation said": the parse kept the fronted phrases in the subject
        a0 += fronted.end()
        span = text[a0:a1]
    role_name = _ROLE_THEN_NAME.fullmatch(span)
    if role_name is not None and (
        any(x[2] == "PERSON" and x[0] == a0 + role_name.start("name") for x in ctx.inp.entities)
        # (a personal name the tagger took for a place, after a role)
        or (
            _PERSONAL_NAME.fullmatch(role_name.group("name")) is not None
            and any(w in ctx.rr.heads for w in re.findall(r"[a-z]+", role_name.group("role")))
        )
    ):
        # "UNHCR's representative in Syria, Sivanka Dhanapala": the person in apposition
        return Source(role_name.group("name"), "person", role_name.group("role"), None,
                      span, a0, a1)  # fmt: skip
    named = _NAME_AFTER_BODY.match(text, a1)
    if named is not None and re.search(r"\b(?:agency|service|group|watchdog|body)$", span):
        # "The European Union's border agency Frontex said": the parser left the name out
        a1 = named.end(1)
        span = text[a0:a1]
    # an official in the span (or in apposition right after it)
    inside = [(ms, o) for o in ctx.inp.officials for ms, me in o.mentions if a0 <= ms and me <= a1]
    if not inside and apposition is not None:
        inside = [
            (ms, o)
            for o in ctx.inp.officials
            for ms, me in o.mentions
            if a1 < ms <= a1 + 4 + len(apposition)
        ]
    if inside:
        pick = None
        if head is not None:
            pick = next(
                (o for o in ctx.inp.officials for ms, me in o.mentions if ms <= head.start < me),
                None,
            )
        o = pick or max(inside, key=lambda x: x[0])[1]
        return Source(o.name, "person", o.role, o.country, text[a0:a1], a0, a1)
    low = span.lower()
    if low in _SPEAKER_PRONOUNS or low in ("this", "that", "which", "who", "it"):
        return None
    toks = ctx.toks_in(a0, a1)
    if toks and all(t.pos in ("AUX", "VERB", "ADP", "DET", "PART", "PUNCT", "SCONJ", "CCONJ")
                    for t in toks):  # fmt: skip
        return None  # "numbering about 3.2 million, are counted": no one named
    words = re.findall(r"[\w’'.\-]+", span)
    ents = [x for x in ctx.inp.entities if a0 <= x[0] and x[1] <= a1]
    head_word = (head.text if head is not None else (words[-1] if words else "")).lower()
    if (
        head is not None
        and head.pos != "PROPN"
        and head_word not in ctx.rules.speaker_heads
        # ("The Sollia hotel said": a named place or business speaks)
        and not any(t.pos == "PROPN" for t in ctx.toks_in(a0, head.start))
        and not any(
            x[2] in ("ORG", "PERSON", "NORP", "GPE") and x[0] <= head.start < x[1] for x in ents
        )
        # ("Migri said", after "the Finnish Immigration Service (Migri)": the article's own
        # short name of a body, whatever the tagger calls it)
        and head.text not in ctx.acronyms.values()
    ):
        return None  # "Hostels in Ulaanbaatar said": not a source of record
    # a person named in apposition: "the agency's director, Fernando García, told"
    if apposition is not None and re.fullmatch(
        r"[A-Z][\w’'.\-]+(?:\s+[\w’'.\-]+){1,3}", apposition
    ):
        if any(
            a1 < x[0] <= a1 + 4
            and (
                x[2] == "PERSON"
                # "Ukraine's human rights commissioner, Dmytro Lubinets, said": a personal
                # name the tagger took for an organisation, in apposition to a role
                or (x[2] == "ORG" and _PERSONAL_NAME.fullmatch(text[x[0] : x[1]]) is not None)
            )
            for x in ctx.inp.entities
        ):
            return Source(apposition, "person", span, None, text[a0:a1], a0, a1)
    cited = _CITED_BY.match(span)
    if cited is not None and cited.group("own").strip():
        # "Egyptian government figures cited by the UN refugee agency (UNHCR)": the figures
        # are the government's (fixtures/README: "X estimates ..., said Y" is X's)
        o0 = a0 + cited.start("own")
        return _make_source(ctx, o0, o0 + len(cited.group("own")), None)
    body_named = False
    name = _SOURCE_PREFIX.sub("", span)
    joint = _JOINT_COUNT.match(name) if re.search(r"\bjoint\b", span, re.I) else None
    if joint is not None:
        name = joint.group(1)  # "a joint count by UNHCR and the IOM": the first body named
    # ("..., where the Red Cross said": the relative word is no part of the name)
    name = re.sub(r"^(?:where|which|who|whom|when|while|as)\s+", "", name)
    name = re.sub(r"^according\s+to\s+", "", name, flags=re.I)  # (a span the parse cut)
    name = re.sub(r"^(?:the|The|a|A|an|An)\s+", "", name)
    # ("by official estimates", "Most estimates put the number ...": no one in particular)
    name = re.sub(r"^(?:[Bb]y|[Mm]ost|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Aa]ll)\s+", "", name)
    name = _SOURCE_CUT.sub("", name).rstrip(" ,.;:")
    name = re.sub(r"\s+(?:said|says|told|reported|added|announced)\b.*$", "", name)
    name = re.sub(r"\s+(?:platform|data|figures|statistics|numbers|records)$", "", name)
    # "The ministry's figures show": the ministry (a possessive left by the cut above)
    if re.search(r"(?:’s|'s)\s+(?:figures|data|numbers|records)\b", span):
        name = re.sub(r"(?<=\w)(?:’s|'s)$", "", name)
    keeper = _KEEPERS_RECORD.fullmatch(name)
    if keeper is not None:
        # "The ministry's breakdown by nationality", "the interior ministry's daily
        # dashboard": the body that keeps the record
        name = keeper.group(1)
        words = re.findall(r"[\w’'.\-]+", name)
    elif re.fullmatch(r"(?:[a-z]+\s+){0,2}(?:breakdown|dashboard)", name):
        return None  # "The monthly breakdown shows": a record that names no keeper
    kept = re.sub(r"\s+(?:data|figures|statistics|numbers)\s+(?:published|released|issued)\b.*$",
                  "", name)  # fmt: skip
    if kept != name:
        # "Home Office statistics published alongside the daily figures show": the body
        name = kept
        words = re.findall(r"[\w’'.\-]+", name)
    name = re.sub(r"&#39;|&rsquo;", "’", name)
    if (
        name
        and name.lower() in ("figures", "data", "statistics")
        and re.match(r"(?:the|The)\s+(?:figures|data|statistics)$", span)
        and ctx.last_org is not None
    ):
        # "..., the figures show": the figures the article has already attributed
        o = ctx.last_org
        return Source(o.name, o.kind, o.role, o.country, text[a0:a1], a0, a1)
    if not name or name.lower() in ctx.rules.generic_sources:
        return None  # "according to figures released on Friday": no one named
    titled = _MEDIA_TITLE.search(name)
    if titled is not None:
        name = titled.group(1)  # "the independent news site Mediazona": its name
    agency = _NAMED_NEWS_AGENCY.fullmatch(name)
    if agency is not None:
        name = agency.group(1)  # "the official MAP news agency": MAP
    # the article's own short names: "(CBP)", "UN refugee agency UNHCR", "UN refugee agency"
    acr = re.search(r"\(([A-Z][A-Za-z0-9]{1,8})\)", text[a0 : a1 + 10])
    if acr:
        name = acr.group(1)
    elif apposition is not None and (
        listed := _LISTED_NAME_AFTER.match(text, a1, a1 + 100)
    ):
        # "The Department of Children, Equality, Disability, Integration and Youth": one
        # name that is a list
        name = re.sub(r"^(?:the|The)\s+", "", text[a0 : listed.end()])
    elif apposition is not None and _name_in_apposition(ctx, a1, apposition) and (
        re.fullmatch(r"[A-Z][A-Za-z0-9.&\-]{1,12}", apposition)
        or (_NAME_CLOSING.match(text, a1) and not acr)
    ):
        name = apposition
    else:
        m = re.search(r"\b([A-Z]{2,8})$", name)
        called = _BODY_CALLED.search(name)
        if m and len(name.split()) > 1:
            name = m.group(1)  # "UN refugee agency UNHCR"
        elif called is not None:
            # "the European Union's border agency Frontex": the body's own name
            name = called.group(1)
            words = re.findall(r"[\w’'.\-]+", name)
            body_named = True
        name = ctx.acronyms.get(name, name)
        canon = ctx.rr.international.get(name)
        defined = name in ctx.acronyms.values()  # "(NRC)": the article's own short name
        if (
            canon
            and not defined
            # ("according to the United Nations" stays as written)
            and (name.lower().startswith(("un ", "u.n.")) or (canon in ctx.text and canon != "UN"))
        ):
            name = canon
    # "IOM's teams in Djibouti", "IOM's displacement tracking" (the whole name), "UNHCR's
    # office in Dushanbe ..." (its start): the organisation
    for part in (_ORG_PART.fullmatch(name), _ORG_BRANCH.match(name)):
        if part is not None and (
            part.group("org").isupper() or part.group("org") in ctx.rr.international
        ):
            name = part.group("org")
            break
    anaphoric = _ANAPHORIC_SOURCES.match(name)
    if anaphoric:
        word = anaphoric.group(1).lower()
        # the organisation named just before in the sentence ("The Mexican Commission for
        # Refugee Assistance (COMAR) received ..., the agency said"), else the last one
        # quoted as a source
        here = _org_named_before(ctx, a0)
        if here is None and word in ("agency", "organisation", "organization", "body"):
            # "... a repatriation programme run by UNHCR and the two governments, the agency
            # said": the international body the sentence names
            here = _known_org_before(ctx, a0)
        if re.match(r"(?:its|their)\s", name, re.I):
            # "UNHCR has registered ..., its officials said": the body the sentence names
            owner = here or _known_org_before(ctx, a0)
            if owner is not None:
                return Source(owner.name, owner.kind, owner.role, owner.country,
                              text[a0:a1], a0, a1)  # fmt: skip
        # "the ministry said": the latest organisation quoted whose name has that word
        named = next((o for o in reversed(ctx.orgs_seen) if word in o.name.lower()), None)
        prev = here or named or ctx.last_org
        if prev is not None and word == "agency" and prev.name.lower().endswith("government"):
            prev = None  # a government is no "agency" ("... cited by the UN refugee agency")
        long_names = [f.lower() for f, short in ctx.acronyms.items() if prev and short == prev.name]
        if prev is not None and (
            word in prev.name.lower()
            or any(word in f for f in long_names)  # "The office" after "(UDSC)"
            or word in ctx.rules.generic_body_words
            # "according to the update", "the bulletin": the record of the body quoted last
            or (word in ("update", "bulletin", "statement") and prev.kind == "organization")
        ):
            return Source(prev.name, prev.kind, prev.role, prev.country, text[a0:a1], a0, a1)
        # "The office said" after "Poland's Office for Foreigners (UDSC)" was introduced
        best = max(
            (
                (pos, short)
                for full, short in ctx.acronyms.items()
                if word in full.lower().split() and (pos := text.rfind(f"({short})", 0, a0)) >= 0
            ),
            default=None,
        )
        if best is not None:
            return Source(best[1], "organization", None, None, text[a0:a1], a0, a1)
        # "The Free Buryatia Foundation ... The foundation said": the last organisation the
        # article named with that word
        src = _last_org_named(ctx, a0, a1, word, extend_left=False)
        if src is None and word in _ANY_BODY_WORDS:
            # "the agency's figures show" with no source quoted yet: the last organisation
            # the article named
            src = _last_org_named(ctx, a0, a1, None, extend_left=True)
        if src is not None:
            return src
    if anaphoric and ctx.last_source is not None and ctx.last_source.country:
        # "The ministry said" after the minister spoke: the same country's ministry
        return Source(name, "organization", None, ctx.last_source.country, text[a0:a1], a0, a1)
    kind = "organization"
    known_org = name in ctx.rr.international.values() or name in ctx.acronyms.values()
    if body_named:
        pass  # "the rights group Memorial": a body, whatever the tagger calls its name
    elif name in ctx.rr.media or (
        not known_org and any(w.lower() in ctx.rules.media_words for w in words[-3:])
    ):
        kind = "media"  # "the UN refugee agency" is UNHCR, not a news agency
    elif not (acr and name == acr.group(1)) and any(
        x[2] == "PERSON" and a0 <= x[0] and x[1] <= a1 for x in ctx.inp.entities
    ):
        kind = "person"  # (not a body known by its acronym: "Kazakhstan Temir Zholy (KTZ)")
    country = None
    for g in _geo_in(ctx, a0, a1):
        if g[3] == "country":
            country = g[2]
            break
    if country is None:
        # "Officials in Yerevan say": the country of the place they speak from
        country = next((g[2] for g in _geo_in(ctx, a0, a1) if g[3] == "place" and g[2]), None)
    if country is None and re.match(r"(?:officials|authorities|police)\s+in\s+", span, re.I):
        country = next((c for w in words[2:] if (c := ctx.gaz.metonym(w))), None)
    if country is None:
        o = ctx.rr.org_in(span)
        if o is not None and not o[2]:
            country = o[1]
        elif o is None:
            country = ctx.gaz.metonym(name) or ctx.gaz.code(name)
    if kind == "media" and country is None:
        country = ctx.rr.national.get(name)
    if kind == "person" and _LOWER_WORD.search(name):
        # "Deputy akim of the region Daniyar Sultanov": the name, not the role before it
        who = [
            x for x in ctx.inp.entities
            if x[2] == "PERSON" and a0 < x[0] and x[1] == a1 and " " in text[x[0] : x[1]]
            # ("officials at Jdeidet Yabous": a place the tagger took for a person)
            and not re.search(r"\b(?:at|in|of|from|on|near|for)\s+$", text[a0 : x[0]])
        ]  # fmt: skip
        if who:
            name = re.sub(r"(?:’s|'s)$", "", text[who[-1][0] : who[-1][1]])
    if kind == "organization":
        name = _without_their_post(ctx, name)
    return Source(name, kind, None, country, text[a0:a1], a0, a1)


# a group of people named by a common noun, then where they stand: "Volunteers at the tent
# near the village church", "Rights activists in Iran's Sistan-Baluchestan province"
_GROUP_AT_A_PLACE = re.compile(
    r"(?P<who>(?:[\w’'.-]+\s+){0,3}?(?P<head>[A-Za-z][a-z]+s))"
    r"\s+(?P<prep>at|in|near)\s+\S.*"
)
# bodies the place names ("Officials in Kostanay", "the Russian embassy in Yerevan")
_PLACED_BODIES = frozenset({"officials", "authorities", "police", "embassy", "consulate"})


def _without_their_post(ctx: _Ctx, name: str) -> str:
    """A source that is a group named by a plural common noun, without where it stands
    ("Volunteers at the tent" -> "Volunteers"); officials, authorities and police keep the
    place that names them ("Officials in Astana") unless a nationality already does
    ("Bolivian authorities in Pisiga" -> "Bolivian authorities")."""
    m = _GROUP_AT_A_PLACE.fullmatch(name)
    if m is None:
        return name
    who = m.group("who")
    if m.group("prep") == "in" and m.group("head").lower() in _PLACED_BODIES:
        if not any(ctx.gaz.is_demonym(w) for w in who.split()[:-1]):
            return name
    return who


# a role, then the person's name in apposition: "UNHCR's representative in Syria, Sivanka
# Dhanapala,"
_ROLE_THEN_NAME = re.compile(
    r"(?P<role>[^,]{3,80}),\s+(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){1,2}),?"
)
# an organisation's staff or unit in lower case: "IOM's teams in Djibouti"
_ORG_PART = re.compile(
    r"(?P<org>[A-Z][A-Za-z0-9.&-]{1,12})[’']s\s+[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}"
    r"(?:\s+(?:in|at|for)\s+[A-Z][\w-]*)?"
)
# an organisation's branch somewhere: "UNHCR's office in Dushanbe"
_ORG_BRANCH = re.compile(
    r"(?P<org>[A-Z][A-Za-z0-9.&-]{1,12})[’']s\s+(?:office|mission|delegation|representation|"
    r"branch|sub-office)\s+(?:in|at|for)\s+[A-Z]"
)
# the prepositions of a place phrase fronted before a sentence's subject
_FRONTING_PREPS = r"In|Inside|At|On|From|Across|Along|Near|Outside|Within"
# a fronted place the parse took for the subject: "Inside Somalia, the United Nations says"
_FRONTED_PLACE_SUBJECT = re.compile(
    rf"(?:{_FRONTING_PREPS})\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?$"
)
# prepositional phrases fronted before a subject that starts with "the": "On the Afghan
# side, at Spin Boldak, the ..."
_FRONTED_BEFORE_SUBJECT = re.compile(
    rf"^(?:(?i:{_FRONTING_PREPS})\s+[^,]{{1,40}},\s+)+(?=the\s|[A-Z][\w-]*(?:’s|'s)\s)"
)


# a lower-case word inside a name, other than a particle ("Maria de la Cruz")
_LOWER_WORD = re.compile(r"\s(?!(?:de|da|del|van|von|der|al|bin|ibn|el|la|le)\s)[a-z]")


_ANY_BODY_WORDS = frozenset(
    {"agency", "body", "organisation", "organization", "group", "office", "airline", "carrier"}
)


def _last_org_named(
    ctx: _Ctx, a0: int, a1: int, word: str | None, *, extend_left: bool
) -> Source | None:
    """The last organisation entity before ``a0`` (whose name has ``word``, if given) as the
    source written at ``a0:a1``; ``extend_left`` takes back capitalised words the tagger cut
    off ("US Customs and [Border Protection]")."""
    text = ctx.text
    ents = [
        x for x in ctx.inp.entities
        if x[2] == "ORG" and x[1] <= a0 and (word is None or word in text[x[0] : x[1]].lower())
    ]  # fmt: skip
    if not ents:
        return None
    es, ee, _ = ents[-1]
    if extend_left:
        left = re.search(
            r"(?:[A-Z][\w.&’'-]*\s+(?:(?:and|of|for)\s+)?)+$", text[max(0, es - 60) : es]
        )
        if left is not None:
            es -= len(left.group(0))
    org = re.sub(r"^(?:the|The)\s+", "", text[es:ee])
    org = re.sub(r"(?:’s|'s)$", "", org)
    return Source(ctx.acronyms.get(org, org), "organization", None, None, text[a0:a1], a0, a1)


def _known_org_before(ctx: _Ctx, a0: int) -> Source | None:
    """The first organisation of the roles data that the sentence names before ``a0``."""
    s, _ = ctx.sent_of(a0)
    m = ctx.rr.org_in_span(ctx.text, s, a0)
    if m is None:
        return None
    (name, country, intl), ms, me = m
    return Source(name, "organization", None, None if intl else country,
                  ctx.text[ms:me], ms, me)  # fmt: skip


def _org_named_before(ctx: _Ctx, a0: int) -> Source | None:
    """An organisation the sentence names, with its acronym, before position ``a0``."""
    s, _ = ctx.sent_of(a0)
    found = None
    for m in re.finditer(r"\(([A-Z][A-Za-z]{1,8})\)", ctx.text[s:a0]):
        found = m
    if found is None:
        return None
    name = found.group(1)
    country = None
    o = ctx.rr.org_in(name)
    if o is not None and not o[2]:
        country = o[1]
    fs, fe = s + found.start(1), s + found.end(1)
    return Source(name, "organization", None, country, ctx.text[fs:fe], fs, fe)
