"""Pure claim resolution: the mentions of an article and its parse -> ``Claim`` records.

The input is plain data (``ClaimInput``): the tokens with their dependency parse, the
sentences, and what the other components found (quantities with their counted noun,
countries, places, officials, dates, NER entities). Nothing here needs spaCy, so it can be
tested on hand-built inputs and runs the same in any process.

For every quantity of kind count/change/share, in order:

1. **population** - the noun it counts; a claim only if that noun is about people
   (``people_nouns``, or a plural demonym such as "Russians"); a quantity with no noun of
   its own takes the population of the figure it restates ("now their number has
   increased to about ten thousand"; "thousands were wounded"), and a change takes the
   noun of "the number of X". Vehicles, buildings, homes and other things are dropped.
2. **event** - the trigger that governs it: the verb on the quantity's path to the root
   of the parse, then multi-word triggers and trigger nouns in the sentence, nearest first.
3. **origin / destination** - country and place mentions read through the preposition
   or verb before them ("from X" -> origin, "to/into/in X" -> destination, "fled X" ->
   origin, "entered X" -> destination), "the country" and "there" resolved to the country
   the context makes certain, the nationality in the population as origin; then SPEC's
   event rules (departure keeps origin; arrival/asylum/stock/border_encounter keep the
   destination; casualty takes an origin only from a nationality). Several destinations
   at once give ``None``.
4. **time** - the date mention in the sentence nearest the figure that is not the date
   it was *said* ("told reporters on September 27"); "since <undated event>" gives
   ``from`` None, ``to`` published; "as of / by X" gives ``from`` None, ``to`` X.
5. **source** - "according to X", the subject of a reporting verb ("X said", "data ...
   indicated"), "he said" resolved to the last official named before; its kind
   (person / organization / media), role and country.
6. **confidence** - a score in [0, 1] from what could be resolved.
"""

from __future__ import annotations

from ._base import ClaimInput, ClaimRules, PTok, claim_rules
from ._resolve import resolve_claims

__all__ = ["ClaimInput", "ClaimRules", "PTok", "claim_rules", "resolve_claims"]
