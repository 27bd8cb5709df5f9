"""``migration_paragraphs``: a blank line ends a sentence.

News text puts a headline, a byline or a caption on a line of its own, often without a
full stop. The statistical parser reads "Ukrainian refugees in Slovakia dip to 104,000 as
more families head home" and the dateline sentence after the blank line as one sentence,
so the lead's verbs hang off the headline. This component runs before the parser and
marks the first token after a blank line as a sentence start; the parser keeps preset
boundaries. It changes no text and writes no extension.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphsComponent:
    """Sentence starts after whitespace tokens holding ``min_newlines`` line breaks."""

    def __init__(self, *, min_newlines: int = 2) -> None:
        if min_newlines < 1:
            raise ValueError(f"min_newlines must be at least 1, got {min_newlines}")
        self.min_newlines = min_newlines

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        for i, t in enumerate(doc):
            if i + 1 < n and t.is_space and t.text.count("\n") >= self.min_newlines:
                doc[i + 1].is_sent_start = True
        # a full stop after a figure ends its sentence ("daytime temperatures reach 41C.
        # Ethiopia is itself hosting ..."): the tagger may read "41C. Ethiopia" as one run
        for i in range(n - 1):
            t, nxt = doc[i], doc[i + 1]
            figure_stop = (  # "41C." as one token, or "1,200" then "."
                len(t.text) > 1 and t.text.endswith(".") and any(c.isdigit() for c in t.text)
            ) or (
                t.text == "."
                and i > 0
                and any(c.isdigit() for c in doc[i - 1].text)
                and doc[i - 1].idx + len(doc[i - 1].text) == t.idx
            )
            if figure_stop and t.whitespace_ and nxt.is_alpha and nxt.is_title:
                nxt.is_sent_start = True
                if i + 2 < n and not doc[i + 2].is_punct:
                    doc[i + 2].is_sent_start = False  # (no one-word sentence after it)
        # a dateline stays with its sentence ("HELSINKI, Oct 3 – Finland has closed ..."):
        # no sentence starts inside it or right after its dash
        for m in _DATELINE.finditer(doc.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None:
                continue
            for t in doc[span.start + 1 : min(n, span.end + 1)]:
                t.is_sent_start = False
        return doc


# a line opening with a capitalised place, up to its dash: "HELSINKI, Oct 3 – ",
# "IPIALES, Colombia, Aug 29 – ", "BELGRADE/ISTANBUL, Oct 6 (Reuters) - "
_DATELINE = re.compile(
    r"(?m)^[A-Z][A-Z’'./ -]{2,40}(?:,[^\n–—]{1,60}?)?\s+[–—-]\s+"
)


@Language.factory("migration_paragraphs", default_config={"min_newlines": 2})
def make_paragraphs(nlp: Language, name: str, *, min_newlines: int = 2) -> ParagraphsComponent:
    return ParagraphsComponent(min_newlines=min_newlines)
