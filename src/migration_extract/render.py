"""See an article's claims where they sit in the text: HTML built on displaCy.

    >>> from migration_extract import extract, render
    >>> result = extract(text, published="2022-09-28", doc_id="seed-003")
    >>> render(result)            # in Jupyter: displays itself
    >>> html = str(render(result)) # elsewhere: it is an HTML string

Every role of a claim (quantity, population, event, origin, destination, time, source) is
underlined in its colour at its exact character offsets, with displaCy's span renderer
(``style="span"``), which stacks overlapping spans. Under the text a compact table lists
the claims; the number in each row links to its quantity span, and every other cell to
the span it was read from.

Provenance is the point, so the text is reproduced exactly: displaCy's span renderer
normally joins tokens with single spaces, which moves characters and loses paragraphs.
Here the text is cut only at span boundaries (and at whitespace inside spans, so long
spans wrap), displaCy's ``SpanRenderer`` assigns the stacking slots and draws the bars and
labels, and the pieces are written back with their original whitespace
(``white-space: pre-wrap``). Stripping the tags from the text block gives back the exact
input text. A span whose offsets do not match the text is never drawn somewhere else: it
is listed in the table with a warning.

``render_html(docs)`` writes a standalone page (used by ``migration-extract show --html``).
spaCy is imported only when something is rendered.
"""

from __future__ import annotations

import hashlib
import html as _html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

__all__ = ["ABBR", "COLORS", "ROLES", "RenderedHTML", "render", "render_html"]

#: the roles of a claim, in the order they are drawn and listed
ROLES: tuple[str, ...] = (
    "quantity",
    "population",
    "event",
    "origin",
    "destination",
    "time",
    "source",
)

#: the letter that stands for each role in the labels under the text
ABBR: dict[str, str] = {
    "quantity": "Q",
    "population": "P",
    "event": "E",
    "origin": "O",
    "destination": "D",
    "time": "T",
    "source": "S",
}

#: one light colour per role, distinct in hue; labels are drawn in black on them
COLORS: dict[str, str] = {
    "quantity": "#ffb703",
    "population": "#8ecae6",
    "event": "#ff8fa3",
    "origin": "#95d5b2",
    "destination": "#2ec4b6",
    "time": "#c8b6ff",
    "source": "#d4a373",
}

#: texts longer than this collapse their claim-free paragraphs by default
COLLAPSE_CHARS = 20_000
_QUIET_MIN = 1_500  # a claim-free stretch shorter than this is never collapsed

# displaCy templates without layout whitespace (the text block keeps whitespace as is).
# {attrs} is ours: an id for link targets and a title listing the spans on the token.
_TPL_SPAN = (
    '<span class="mex-tok"{attrs} style="display:inline-block;position:relative;'
    'height:{total_height}px">{text}{span_slices}{span_starts}</span>'
)
_TPL_SLICE = (
    '<span style="background:{bg};top:{top_offset}px;height:4px;left:-1px;'
    'width:calc(100% + 2px);position:absolute"></span>'
)
_TPL_START = (
    '<span style="background:{bg};top:{top_offset}px;height:4px;border-top-left-radius:3px;'
    'border-bottom-left-radius:3px;left:-1px;width:calc(100% + 2px);position:absolute">'
    '<span class="mex-label" style="background:{bg}">{label}{kb_link}</span></span>'
)

_CSS = """
.mex{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
 color:#1d1d1f;max-width:72rem;margin:0 0 2rem 0;font-size:15px}
.mex *{box-sizing:border-box}
.mex h2{font-size:1.15rem;margin:0 0 .2rem 0}
.mex .mex-meta{color:#5f6368;font-size:.85rem;margin:0 0 .6rem 0}
.mex .mex-legend{display:flex;flex-wrap:wrap;gap:.35rem;margin:.2rem 0 .8rem 0;font-size:.78rem}
.mex .mex-chip{padding:.1rem .45rem;border-radius:3px;color:#000}
.mex .mex-chip b{font-weight:800;margin-right:.15rem}
.mex .mex-text{white-space:pre-wrap;overflow-wrap:break-word;line-height:1.75;font-size:15px;
 padding:.6rem 1rem 1rem 1rem;border:1px solid #e3e3e3;border-radius:6px;background:#fff;
 font-family:Georgia,"Times New Roman",serif}
.mex .mex-text.mex-scroll{overflow-y:auto}
.mex .mex-tok{font-weight:600;line-height:1.5;scroll-margin-top:6rem}
.mex .mex-par{display:block;height:.7em;overflow:hidden}
.mex .mex-tok:target{outline:2px solid #1d1d1f;outline-offset:1px;border-radius:2px}
.mex .mex-mark{scroll-margin-top:6rem}
.mex .mex-label{z-index:10;color:#000;top:.35em;padding:1px 3px;position:absolute;
 font:600 10px/1.15 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;
 white-space:nowrap;border-radius:3px;letter-spacing:.01em}
.mex details.mex-more{display:block;color:#5f6368;margin:.2rem 0}
.mex details.mex-more summary{display:block;cursor:pointer;text-align:center;
 font:italic .85rem/1.6 system-ui,sans-serif;
 background:#f1f3f4;border-radius:3px;padding:.1rem .6rem}
.mex details.mex-more[open] summary{display:none}
.mex table.mex-claims{border-collapse:collapse;width:100%;margin-top:.9rem;font-size:12.5px;
 line-height:1.3}
.mex table.mex-claims th{text-align:left;font-weight:600;padding:.3rem .45rem;
 border-bottom:2px solid #c8c8c8;white-space:nowrap;background:#fafafa}
.mex table.mex-claims th.mex-role{border-bottom-width:4px}
.mex table.mex-claims td{padding:.28rem .45rem;border-bottom:1px solid #ececec;
 vertical-align:top}
.mex table.mex-claims tr:nth-child(even) td{background:#fafafa}
.mex table.mex-claims tr:hover td{background:#fff6dc}
.mex table.mex-claims a{color:inherit;text-decoration:none}
.mex table.mex-claims a:hover{text-decoration:underline}
.mex td.mex-n a{display:inline-block;min-width:1.6rem;text-align:center;font-weight:700;
 border-radius:3px;padding:0 .25rem}
.mex td .mex-v{font-weight:600}
.mex td .mex-s{display:block;color:#6b6b6b;font-size:11.5px}
.mex td.mex-num{white-space:nowrap;font-variant-numeric:tabular-nums}
.mex td.mex-nw .mex-s{white-space:nowrap}
.mex td.mex-conf{text-align:right;font-variant-numeric:tabular-nums;color:#444}
.mex .mex-warn{color:#b3261e;font-weight:700;cursor:help}
.mex .mex-out{color:#7a5900;cursor:help}
.mex .mex-none{color:#bbb}
.mex .mex-note{color:#5f6368;font-size:.8rem;margin:.35rem 0 0 0}
"""


class RenderedHTML(str):
    """An HTML fragment that displays itself in Jupyter (``_repr_html_``) and is an
    ordinary ``str`` everywhere else (``.html`` is the same string)."""

    __slots__ = ()

    @property
    def html(self) -> str:
        return str.__str__(self)

    def __str__(self) -> str:
        return str.__str__(self)

    def _repr_html_(self) -> str:
        return str.__str__(self)

    def __repr__(self) -> str:
        docs = self.count('<div class="mex" ')
        return f"<RenderedHTML: {docs} document(s), {len(self):,} characters of HTML>"

    def page(self, title: str = "migration_extract") -> str:
        """The fragment wrapped as a standalone HTML page."""
        return _page(self.html, title)

    def save(self, path: Any, title: str = "migration_extract") -> None:
        """Write the standalone page to ``path`` (UTF-8)."""
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(self.page(title))


# --------------------------------------------------------------------------- inputs


def _as_doc(obj: Any) -> dict[str, Any]:
    if hasattr(obj, "to_dict") and hasattr(obj, "claims") and hasattr(obj, "text"):
        return obj.to_dict()
    if isinstance(obj, Mapping):
        return dict(obj)
    raise TypeError(
        f"render: expected an Extraction or its to_dict() dict, got {type(obj).__name__}"
    )


def _as_docs(obj: Any) -> list[dict[str, Any]]:
    if isinstance(obj, (str, bytes)):
        raise TypeError("render: expected an Extraction or a dict, got a string (extract it first)")
    if isinstance(obj, Mapping) or hasattr(obj, "to_dict"):
        return [_as_doc(obj)]
    if isinstance(obj, Iterable):
        return [_as_doc(x) for x in obj]
    return [_as_doc(obj)]


# --------------------------------------------------------------------------- helpers


def _esc(x: Any) -> str:
    return _html.escape("" if x is None else str(x), quote=True)


def _num(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int) or (isinstance(v, float) and v.is_integer() and abs(v) >= 1):
        return f"{int(v):,}"
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


_QUAL = {
    "about": "~",
    "more_than": ">",
    "at_least": "≥",
    "up_to": "≤",
    "less_than": "<",
    "nearly": "≲",
}


def format_quantity(q: Mapping[str, Any]) -> str:
    """A quantity as an analyst reads it: "~98,000", "5,000–6,000", "> 31,600 /day"."""
    kind = q.get("kind") or "count"
    value, low, high = q.get("value"), q.get("low"), q.get("high")

    def show(v: Any) -> str:
        if kind == "share" and isinstance(v, (int, float)):
            return f"{v * 100:g}%"
        if kind == "change" and isinstance(v, (int, float)):
            return f"×{v:g}" if v >= 1 else f"{v * 100:+g}%"
        return _num(v)

    if value is not None:
        qual = _QUAL.get(q.get("qualifier") or "", "")
        if not qual and q.get("approximate"):
            qual = "~"
        out = f"{qual}{' ' if qual in ('>', '<', '≥', '≤', '≲') else ''}{show(value)}"
    elif low is not None and high is not None:
        out = f"{'~' if q.get('approximate') else ''}{show(low)}–{show(high)}"
    elif low is not None:
        out = f"≥ {show(low)}"
    elif high is not None:
        out = f"≤ {show(high)}"
    else:
        out = "?"
    if q.get("per"):
        out += f" /{q['per']}"
    return out


def _span_ok(text: str | None, part: Mapping[str, Any]) -> bool:
    s, e = part.get("start"), part.get("end")
    if text is None or not isinstance(s, int) or not isinstance(e, int):
        return False
    if isinstance(s, bool) or isinstance(e, bool) or not (0 <= s < e <= len(text)):
        return False
    t = part.get("text")
    return t is None or text[s:e] == t


def _short_numbers(nums: Sequence[int]) -> str:
    if len(nums) <= 3:
        return ",".join(map(str, nums))
    return ",".join(map(str, nums[:2])) + f"+{len(nums) - 2}"


# --------------------------------------------------------------------------- text block


class _Span:
    __slots__ = ("anchor", "claims", "end", "role", "start")

    def __init__(self, start: int, end: int, role: str, anchor: str):
        self.start, self.end, self.role, self.anchor = start, end, role, anchor
        self.claims: list[int] = []

    @property
    def label(self) -> str:  # short, so that labels of neighbouring spans do not collide
        return f"{ABBR[self.role]}{_short_numbers(self.claims)}"

    @property
    def description(self) -> str:
        nums = ", ".join(map(str, self.claims))
        return f"{self.role} of claim{'s' if len(self.claims) > 1 else ''} {nums}"


_MISMATCH = "the quantity span does not match the text; not highlighted"
_WS = re.compile(r"\s+")


def _renderer(colors: Mapping[str, str]) -> Any:
    from spacy.displacy.render import SpanRenderer

    return SpanRenderer(
        options={
            "colors": {r.upper(): c for r, c in colors.items()},
            "top_offset": 27,
            "span_label_offset": 14,
            "top_offset_step": 15,
            "template": {"span": _TPL_SPAN, "slice": _TPL_SLICE, "start": _TPL_START},
        }
    )


def _render_cluster(renderer: Any, text: str, spans: list[_Span], a: int, b: int) -> str:
    """Text [a, b) covered by overlapping spans, through displaCy's span stacking."""
    cuts = {a, b}
    for s in spans:
        cuts.add(s.start)
        cuts.add(s.end)
    for m in _WS.finditer(text, a, b):  # word by word (with the space after), so long
        cuts.add(m.end())  # spans wrap like text and their bars run on under the spaces
    bounds = sorted(cuts)
    index = {c: i for i, c in enumerate(bounds)}
    tokens = [text[x:y] for x, y in zip(bounds, bounds[1:], strict=False)]
    dspans = [
        {
            "start_token": index[s.start],
            "end_token": index[s.end],
            "label": _esc(s.label),  # displaCy writes labels unescaped
            "_span": s,
        }
        for s in spans
    ]
    described = {d["label"]: d["_span"].description for d in dspans}
    starts: dict[int, list[_Span]] = {}
    for d in dspans:
        starts.setdefault(d["start_token"], []).append(d["_span"])
    for s in spans:  # displaCy picks a span's colour by its label
        renderer.colors[_esc(s.label).upper()] = renderer.colors.get(
            s.role.upper(), renderer.default_color
        )
    info = renderer._assemble_per_token_info(tokens, dspans)
    out: list[str] = []
    for i, tok in enumerate(info):
        ents = sorted(tok["entities"], key=lambda d: d["render_slot"])
        marks = ""
        attrs = ""
        for s in starts.get(i, []):
            if s.role == "quantity" and not attrs:
                attrs = f' id="{s.anchor}"'
            else:
                marks += f'<span class="mex-mark" id="{s.anchor}"></span>'
        if not ents or not tok["text"].strip():
            if attrs:  # a span that starts on whitespace still gets its link target
                marks += f'<span class="mex-mark"{attrs}></span>'
            out.append(marks + _esc(tok["text"]))
            continue
        total = (
            renderer.top_offset
            + renderer.span_label_offset
            + renderer.offset_step * (len(ents) - 1)
        )
        title = "; ".join(described[e["label"]] for e in ents)
        attrs += f' title="{_esc(title)}"'
        out.append(
            marks
            + renderer.span_template.format(
                attrs=attrs,
                text=_esc(tok["text"]),
                span_slices=renderer._get_span_slices(ents),
                span_starts=renderer._get_span_starts(ents),
                total_height=total,
            )
        )
    return "".join(out)


_PARBREAK = re.compile(r"[ \t\r\f\v]*\n(?:[ \t\r\f\v]*\n)+")


def _plain(text: str) -> str:
    """Escaped text; a blank-line paragraph break becomes a short gap (the characters stay,
    inside a fixed-height block), not two full lines of the tall span line height."""
    out = []
    pos = 0
    for m in _PARBREAK.finditer(text):
        out.append(_esc(text[pos : m.start()]))
        out.append(f'<span class="mex-par">{_esc(m.group())}</span>')
        pos = m.end()
    out.append(_esc(text[pos:]))
    return "".join(out)


def _render_plain(text: str, a: int, b: int, collapse: bool) -> str:
    """Text [a, b) with no span: escaped, claim-free paragraphs folded when collapsing."""
    if not collapse or b - a < _QUIET_MIN:
        return _plain(text[a:b])
    # keep the paragraph the previous span ends in and the one the next span starts in;
    # the folded part runs from the start of a line to the end of a line
    first = text.find("\n", a, b) + 1 if a > 0 else a
    last = text.rfind("\n", a, b) if b < len(text) else b
    if first <= 0 or last < 0 or last - first < _QUIET_MIN:
        return _plain(text[a:b])
    hidden = text[first:last]
    n_par = sum(1 for p in re.split(r"\n\s*\n|\n", hidden) if p.strip())
    summary = (
        f"⋯ {n_par} paragraph{'s' if n_par != 1 else ''} without claims "
        f"({len(hidden):,} characters)"
    )
    return (
        _plain(text[a:first])
        + f'<details class="mex-more"><summary>{_esc(summary)}</summary>{_plain(hidden)}</details>'
        + _plain(text[last:b])
    )


def _text_block(
    renderer: Any, text: str, spans: list[_Span], collapse: bool, max_height: str | None
) -> str:
    spans = sorted(spans, key=lambda s: (s.start, -s.end))
    parts: list[str] = []
    pos = 0
    i = 0
    while i < len(spans):  # clusters of overlapping spans are stacked independently
        a, b = spans[i].start, spans[i].end
        j = i + 1
        while j < len(spans) and spans[j].start < b:
            b = max(b, spans[j].end)
            j += 1
        parts.append(_render_plain(text, pos, a, collapse))
        parts.append(_render_cluster(renderer, text, spans[i:j], a, b))
        pos = b
        i = j
    parts.append(_render_plain(text, pos, len(text), collapse))
    style = f' style="max-height:{_esc(max_height)}"' if max_height else ""
    cls = "mex-text mex-scroll" if max_height else "mex-text"
    return f'<div class="{cls}"{style}>' + "".join(parts) + "</div>"


# --------------------------------------------------------------------------- table


def _role_cell(
    role: str, part: Mapping[str, Any] | None, href: str | None, claim: Mapping[str, Any]
) -> str:
    if not part:
        return '<td><span class="mex-none">–</span></td>'
    surface = part.get("text") or ""
    if role == "event":
        main = part.get("type") or ""
    elif role in ("origin", "destination"):
        main = part.get("code") or "?"
    elif role == "time":
        f, t = part.get("from"), part.get("to")
        if f and f == t:
            main = f
        elif f or t:
            main = f"{f or '…'} → {t or '…'}"
        else:
            main = "unresolved"
    elif role == "source":
        main = part.get("name") or surface
        kind = part.get("kind")
        if kind and kind != "organization":
            main += f" ({kind})"
    else:
        main = surface
    sub = "" if role == "population" else surface
    flag = ""
    if href is None:
        flag = (
            ' <span class="mex-warn" title="the span '
            f"[{_esc(part.get('start'))}:{_esc(part.get('end'))}] does not match the text; "
            'not highlighted">⚠</span>'
        )
    else:
        sent = claim.get("sentence") or {}
        ss, se = sent.get("start"), sent.get("end")
        if (
            isinstance(ss, int)
            and isinstance(se, int)
            and not (ss <= part["start"] and part["end"] <= se)
        ):
            flag = (
                ' <span class="mex-out" title="read outside the claim\'s sentence, '
                f'at characters {part["start"]}–{part["end"]}">↗</span>'
            )
    body = f'<span class="mex-v">{_esc(main)}</span>'
    if sub and sub != main:
        body += f'<span class="mex-s">“{_esc(sub)}”</span>'
    if href:
        body = f'<a href="#{href}">{body}</a>'
    cls = ' class="mex-nw"' if role in ("event", "origin", "destination") else ""
    return f"<td{cls}>{body}{flag}</td>"


def _table(
    claims: list[dict[str, Any]], hrefs: list[dict[str, str | None]], text: str | None,
    colors: Mapping[str, str], roles: Sequence[str],
) -> str:  # fmt: skip
    def th(r: str) -> str:
        return f'<th class="mex-role" style="border-bottom-color:{_esc(colors[r])}">{r}</th>'

    head = ["<th>#</th>", th("quantity"), "<th>value</th>"]
    head += [th(r) for r in roles if r != "quantity"]
    head.append('<th style="text-align:right">conf.</th>')
    rows = []
    for n, (c, h) in enumerate(zip(claims, hrefs, strict=True), 1):
        q = c.get("quantity") or {}
        qh = h.get("quantity")
        num = f'<a href="#{qh}" style="background:{colors["quantity"]}">{n}</a>' if qh else str(n)
        qtext = f'<span class="mex-v">{_esc(q.get("text"))}</span>'
        if qh:
            where = f"characters {q.get('start')}–{q.get('end')}"
            qtext = f'<a href="#{qh}" title="{where}">{qtext}</a>'
        else:
            qtext += f' <span class="mex-warn" title="{_MISMATCH}">⚠</span>'
        kind = q.get("kind") or "count"
        value = _esc(format_quantity(q)) + (
            f'<span class="mex-s">{_esc(kind)}</span>' if kind != "count" else ""
        )
        cells = [
            f'<td class="mex-n">{num}</td>',
            f"<td>{qtext}</td>",
            f'<td class="mex-num">{value}</td>',
        ]
        for r in roles:
            if r != "quantity":
                cells.append(_role_cell(r, c.get(r), h.get(r), c))
        conf = c.get("confidence")
        cells.append(
            f'<td class="mex-conf">{conf:.2f}</td>'
            if isinstance(conf, (int, float))
            else "<td></td>"
        )
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<table class="mex-claims"><thead><tr>' + "".join(head) + "</tr></thead><tbody>"
        + "".join(rows) + "</tbody></table>"
    )  # fmt: skip


# --------------------------------------------------------------------------- assembly


def _legend(colors: Mapping[str, str], roles: Sequence[str]) -> str:
    chips = "".join(
        f'<span class="mex-chip" style="background:{colors[r]}"><b>{ABBR[r]}</b> {r}</span>'
        for r in roles
    )
    return f'<div class="mex-legend">{chips}</div>'


def _render_doc(
    doc: dict[str, Any], *, renderer: Any, colors: Mapping[str, str], roles: Sequence[str],
    table: bool, collapse: bool | None, max_height: str | None, legend: bool, seq: int,
) -> str:  # fmt: skip
    text = doc.get("text")
    if text is not None and not isinstance(text, str):
        raise TypeError(f"render: field 'text' must be a string, got {type(text).__name__}")
    claims = [c for c in (doc.get("claims") or []) if isinstance(c, Mapping)]
    did = doc.get("doc_id")
    key = f"{seq}\x1f{did}\x1f{len(text or '')}\x1f{(text or '')[:2000]}"
    prefix = "mex-" + hashlib.blake2b(key.encode(), digest_size=5).hexdigest()

    spans: dict[tuple[int, int, str], _Span] = {}
    hrefs: list[dict[str, str | None]] = []
    bad = 0
    for n, c in enumerate(claims, 1):
        h: dict[str, str | None] = {}
        for role in roles:
            part = c.get(role)
            if not isinstance(part, Mapping):
                continue
            if not _span_ok(text, part):
                h[role] = None
                bad += 1
                continue
            k = (part["start"], part["end"], role)
            sp = spans.get(k)
            if sp is None:
                sp = spans[k] = _Span(k[0], k[1], role, f"{prefix}-{role[0]}{len(spans)}")
            if n not in sp.claims:
                sp.claims.append(n)
            h[role] = sp.anchor
        hrefs.append(h)

    title = _esc(did) if did is not None else "(no doc_id)"
    meta = []
    if doc.get("published"):
        meta.append(f"published {_esc(doc['published'])}")
    meta.append(f"{len(claims)} claim{'s' if len(claims) != 1 else ''}")
    if text is not None:
        meta.append(f"{len(text):,} characters")
    out = [f'<div class="mex" id="{prefix}">', "<h2>" + title + "</h2>",
           f'<p class="mex-meta">{" · ".join(meta)}</p>']  # fmt: skip
    if legend:
        out.append(_legend(colors, roles))
    if text is None:
        out.append('<p class="mex-note">The text is not available: spans cannot be shown.</p>')
    else:
        do_collapse = len(text) > COLLAPSE_CHARS if collapse is None else collapse
        out.append(_text_block(renderer, text, list(spans.values()), do_collapse, max_height))
    if table and claims:
        out.append(_table(claims, hrefs, text, colors, roles))
    elif table:
        out.append('<p class="mex-note">No claims were found in this text.</p>')
    if bad and text is not None:
        out.append(
            f'<p class="mex-note"><span class="mex-warn">⚠</span> {bad} span'
            f"{'s do' if bad != 1 else ' does'} not match the text and "
            f"{'are' if bad != 1 else 'is'} listed but not highlighted.</p>"
        )
    out.append("</div>")
    return "".join(out)


def render(
    extraction: Any,
    *,
    roles: Sequence[str] = ROLES,
    colors: Mapping[str, str] | None = None,
    table: bool = True,
    collapse: bool | None = None,
    max_height: str | None = None,
    legend: bool = True,
) -> RenderedHTML:
    """Claims coloured where they sit in the text, with a table of the claims under it.

    ``extraction``: an ``Extraction``, its ``to_dict()`` dict (as the CLI writes it), or a
    list of them. ``roles`` limits which roles are drawn; ``colors`` overrides
    :data:`COLORS`; ``collapse`` folds claim-free paragraphs of long texts (default: for
    texts over 20,000 characters; folded text stays in the page behind a toggle);
    ``max_height`` (a CSS length, e.g. ``"30em"``) makes the text block scroll.

    Returns a :class:`RenderedHTML`: a ``str`` holding the HTML fragment, which Jupyter
    displays as HTML."""
    roles = tuple(roles)
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise ValueError(f"render: unknown roles {unknown}; choose from {list(ROLES)}")
    if "quantity" not in roles:
        roles = ("quantity", *roles)
    cols = {k: _esc(v) for k, v in {**COLORS, **(colors or {})}.items()}
    docs = _as_docs(extraction)
    renderer = _renderer(cols)
    parts = [f"<style>{_CSS}</style>"]
    for k, d in enumerate(docs):
        parts.append(
            _render_doc(
                d, renderer=renderer, colors=cols, roles=roles, table=table,
                collapse=collapse, max_height=max_height, legend=legend, seq=k,
            )
        )  # fmt: skip
    return RenderedHTML("".join(parts))


def _page(fragment: str, title: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n"
        "<style>body{margin:1.5rem 2rem;background:#f6f6f4}"
        ".mex-index{font:13px/1.7 system-ui,sans-serif;margin:0 0 1rem 0;max-width:72rem}"
        ".mex-index a{color:#0b57d0;text-decoration:none}"
        ".mex{background:#fff;padding:1rem 1.25rem;border-radius:8px;"
        "box-shadow:0 1px 3px rgba(0,0,0,.08)}</style>\n"
        f"</head>\n<body>\n{fragment}\n</body>\n</html>\n"
    )


def render_html(docs: Iterable[Any], title: str | None = None, **options: Any) -> str:
    """A standalone HTML page for several extractions (dicts as ``extract`` writes them, or
    ``Extraction`` objects); what ``migration-extract show FILE --html OUT`` writes."""
    docs = [_as_doc(d) for d in docs]
    if title is None:
        ids = [str(d.get("doc_id")) for d in docs[:3]]
        title = "claims: " + ", ".join(ids) + (" …" if len(docs) > 3 else "")
    body = render(docs, **options).html
    if len(docs) > 1:  # an index: one link per document, with its number of claims
        ids = re.findall(r'<div class="mex" id="([^"]+)">', body)
        links = " · ".join(
            f'<a href="#{i}">{_esc(d.get("doc_id"))}</a>&nbsp;({len(d.get("claims") or [])})'
            for i, d in zip(ids, docs, strict=False)
        )
        n = sum(len(d.get("claims") or []) for d in docs)
        body = (
            f'<nav class="mex-index"><b>{len(docs)} documents, {n} claims</b>: {links}</nav>' + body
        )
    return _page(body, title)
