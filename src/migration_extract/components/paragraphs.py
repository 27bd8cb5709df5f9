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
