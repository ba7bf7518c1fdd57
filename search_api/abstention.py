"""Knowing when not to answer: several signals of support, one fitted decision.

An extractive answerer always finds *some* sentence; the question is whether the archive
speaks to the topic at all. No one signal tells: a dense cosine is fooled by on-domain
questions about absent topics (anything about "the committee" sits near minutes), word
coverage by words that occur in another sense ("hours" in "out of hours"). So the
decision weighs several, each computed from what the search already returned (nothing
is embedded for it):

* ``top_cosine``: the best dense cosine between the question's topic and a passage;
* ``coverage``: the best share, over the top passages, of the question's content words
  (stems, generic words such as committee or report left out) one passage holds;
* ``joint_coverage``: the share of content words the top passages hold between them;
* ``agreement``: the share of the top fused passages that the dense ranking also puts
  in its own top ten (lexical and dense evidence agreeing on the same passages);
* ``unknown``: the share of content words that no passage of the archive contains at all
  (a question about "graffiti" in an archive that never says it);
* ``weighted_coverage``: as ``coverage``, each word weighted by its rarity in the archive
  (inverse document frequency): missing "Dickerage" matters, missing "council" does not;
* ``sentence_coverage``: the best IDF-weighted share of content words that one *sentence*
  of the top passages holds (set by the answer builder, which splits the sentences):
  the words of an answerable question stand together, an unanswerable one's are scattered;
* ``missing_rare``: the rarity of the rarest content word that none of the top passages
  holds, as a share of the rarest possible (0 when they hold every word).

`AbstentionModel` is a logistic model over these, fitted on the `tune` questions
(answerable and unanswerable) by `python -m eval.fit_abstention`; the procedure, grid and
the numbers it gave are in eval/README.md ("Abstention"). The coefficients below are its
output, copied verbatim.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass

from indexer.models import Hit
from indexer.text import ANALYZER

__all__ = [
    "AbstentionModel",
    "MODEL",
    "SupportFeatures",
    "coverage",
    "held",
    "support_features",
]

TOP_N = 5
"""Passages whose words count for coverage and agreement: what an answer quotes from."""
DENSE_TOP = 10


@dataclass(frozen=True)
class SupportFeatures:
    """The signals abstention decides on, kept on the answer for calibration."""

    top_cosine: float
    coverage: float
    joint_coverage: float = 0.0
    agreement: float = 0.0
    unknown: float = 0.0
    weighted_coverage: float = 0.0
    missing_rare: float = 0.0
    sentence_coverage: float = 0.0
    terms: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """The signals as plain values (the fitting script reads these)."""
        return asdict(self)


def _terms_of(text: str) -> set[str]:
    return {t for t in ANALYZER.terms(text) if t}


MIN_STEM = 4
"""Stems this long or longer match a longer stem they begin ("staf" of "staffing" and
"staff" of "staff"): the stemmer does not always bring a word's forms together."""


def held(term: str, stems: set[str]) -> bool:
    """Whether a text's stems hold the term, or a form of it the stemmer kept apart."""
    if term in stems:
        return True
    if len(term) < MIN_STEM:
        return False
    return any(
        len(x) >= MIN_STEM and (x.startswith(term) or term.startswith(x)) for x in stems
    )


def coverage(terms: Sequence[str], text: str) -> float:
    """Share of the terms that occur among the text's index terms."""
    if not terms:
        return 1.0
    present = _terms_of(text)
    return sum(1 for t in terms if held(t, present)) / len(terms)


def support_features(
    terms: Sequence[str],
    hits: Sequence[Hit],
    cosines: Mapping[int, float],
    known: Callable[[str], bool] | None = None,
    idf: Callable[[str], float] | None = None,
    top_n: int = TOP_N,
) -> SupportFeatures:
    """The signals of support for a question's content `terms` from its search results
    (a question without content words has no support: every coverage is 0).

    `known(term)` says whether any passage of the archive holds the term (the lexical
    index's vocabulary); without it, `unknown` is 0. `idf(term)` is the term's rarity
    (the largest value for a term no passage holds); without it every term weighs 1.
    """
    top = hits[:top_n]
    stems = [_terms_of(f"{h.citation.item_title or ''} {h.text}") for h in top]
    n = len(terms)
    has = {t: [held(t, s) for s in stems] for t in terms}
    best = (
        max((sum(has[t][i] for t in terms) / n for i in range(len(stems))), default=0.0)
        if n
        else 0.0
    )
    joint = (sum(1 for t in terms if any(has[t])) / n) if n else 0.0
    dense_top = {pid for pid, _ in sorted(cosines.items(), key=lambda kv: -kv[1])[:DENSE_TOP]}
    agree = sum(1 for h in top if h.passage_id in dense_top) / len(top) if top else 0.0
    unknown = (sum(1 for t in terms if not known(t)) / n) if (known and n) else 0.0
    weight = {t: (idf(t) if idf else 1.0) for t in terms}
    total = sum(weight.values())
    wcov = (
        max(
            (sum(w for t, w in weight.items() if has[t][i]) / total for i in range(len(stems))),
            default=0.0,
        )
        if total
        else 0.0
    )
    rarest = idf("\x00") if idf else 1.0  # a term no passage holds: the largest rarity
    missing = [weight[t] for t in terms if not any(has[t])]
    missing_rare = max(missing, default=0.0) / rarest if rarest else 0.0
    return SupportFeatures(
        top_cosine=round(max(cosines.values(), default=0.0), 4),
        coverage=round(best, 4),
        joint_coverage=round(joint, 4),
        agreement=round(agree, 4),
        unknown=round(unknown, 4),
        weighted_coverage=round(wcov, 4),
        missing_rare=round(min(missing_rare, 1.0), 4),
        terms=tuple(terms),
    )


FEATURES = (
    "top_cosine",
    "coverage",
    "joint_coverage",
    "agreement",
    "unknown",
    "weighted_coverage",
    "missing_rare",
    "sentence_coverage",
)


@dataclass(frozen=True)
class AbstentionModel:
    """Answer when ``intercept + Σ weight·signal ≥ 0`` (a logistic model's decision at
    probability ½ of "the archive answers this"), and never below the hard floors."""

    intercept: float
    weights: tuple[float, ...]
    min_cosine: float = 0.0
    min_coverage: float = 0.0

    def margin(self, f: SupportFeatures) -> float:
        """The model's log-odds that the archive answers the question."""
        values = [getattr(f, name) for name in FEATURES]
        return self.intercept + sum(w * v for w, v in zip(self.weights, values, strict=True))

    def probability(self, f: SupportFeatures) -> float:
        """The margin as a probability (for display and calibration plots)."""
        return 1 / (1 + math.exp(-self.margin(f)))

    def supported(self, f: SupportFeatures) -> bool:
        """True when the evidence says the archive speaks to the question."""
        if f.top_cosine < self.min_cosine or f.coverage < self.min_coverage:
            return False
        return self.margin(f) >= 0


MODEL = AbstentionModel(
    intercept=-2.761,
    weights=(1.444, 1.617, 0.851, 0.042, -0.230, 2.002, -0.908, 1.460),
)
"""Fitted by `python -m eval.fit_abstention` on the tune split of eval/questions (seeds +
Kent + Kingston index, 96 answerable and 20 unanswerable questions): in-sample
abstention 0.50 at false abstention 0.02; leave-one-group-out 0.45 at 0.02. See
eval/README.md ("Abstention")."""
