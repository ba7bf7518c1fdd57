"""The context line embedded in front of a passage (`Settings.embed_context`).

Fast: token counts from the session model's tokenizer, one seed document parsed, no
index built."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.compatibility import chunking_settings, index_mismatches
from indexer.embed_context import document_topic, embedding_input
from indexer.embedding import Embedder
from indexer.ingest import discover, ingest_file
from indexer.parse_embed import model_inputs
from indexer.settings import Settings
from indexer.snapshot import IndexInfo

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("Printed minutes 13th-Mar-2025 10.00 County Council", "County Council"),
        ("Agenda frontsheet 30th-Jan-2025 10.00 Cabinet", "Cabinet"),
        ("Appendix 1", None),
        ("Appendix D 21.01.25", None),
        ("Minutes of the meeting held on 9th January 2025", None),
        ("24-00108 - Finance Monitoring Report - Q3 - November 2024-25",
         "Finance Monitoring Report Q3"),
        ("Appendix L - Treasury Management Strategy 2025-26",
         "Treasury Management Strategy 2025-26"),
        ("Scrutiny Committee - call-in Family Hubs Report to Cabinet - FINAL",
         "Scrutiny Committee call-in Family Hubs Report to Cabinet"),
        (None, None),
    ],
)  # fmt: skip
def test_document_topic_drops_file_name_noise(title: str | None, topic: str | None) -> None:
    assert document_topic(title) == topic


def test_item_mode_is_the_item_title_only(embedder: Embedder) -> None:
    text = "The overspend was reduced to £2.1m by the end of the quarter."
    assert (
        embedding_input(
            text,
            "Revenue Monitoring",
            embedder.count_tokens,
            256,
            title="Finance Monitoring Report Q3",
        )  # fmt: skip
        == f"Revenue Monitoring: {text}"
    )


def test_document_mode_puts_the_document_topic_first(embedder: Embedder) -> None:
    text = "The overspend was reduced to £2.1m by the end of the quarter."
    made = embedding_input(
        text, "Revenue Monitoring", embedder.count_tokens, 256,
        title="24-00108 - Finance Monitoring Report - Q3 - November 2024-25", context="document",
    )  # fmt: skip
    assert made == f"Finance Monitoring Report Q3 — Revenue Monitoring: {text}"
    untitled = embedding_input(
        text, None, embedder.count_tokens, 256, title="Budget Risk Register", context="document"
    )
    assert untitled == f"Budget Risk Register: {text}"


def test_document_mode_skips_a_title_that_adds_no_word(embedder: Embedder) -> None:
    """A title whose words the passage already has, or that is only noise, is left out."""
    text = "The Cabinet agreed the budget risk register for 2025-26."
    for title in ("Appendix I Budget Risk Register 22.01.25", "Appendix 1", "Cabinet"):
        made = embedding_input(
            text, None, embedder.count_tokens, 256, title=title, context="document"
        )
        assert made == text, title


def test_document_mode_never_pushes_the_passage_out_of_the_window(embedder: Embedder) -> None:
    """When the full line would not fit, the item title alone goes in front; then nothing."""
    text = " ".join(["The committee noted the report on school transport."] * 8)
    base = embedder.count_tokens(text)
    item = embedder.count_tokens(f"Transport: {text}")
    title = "Home to School Transport Feasibility Study"
    kwargs = {"title": title, "context": "document"}
    assert embedding_input(text, "Transport", embedder.count_tokens, item, **kwargs) == (
        f"Transport: {text}"
    )
    assert embedding_input(text, "Transport", embedder.count_tokens, base, **kwargs) == text
    for made in (
        embedding_input(text, "Transport", embedder.count_tokens, limit, **kwargs)
        for limit in (base, item, item + 20, 256)
    ):
        assert made.endswith(text)


def test_model_inputs_read_the_document_title(embedder: Embedder) -> None:
    """The builder's inputs for a real seed document carry its cleaned title in document mode."""
    source = next(s for s in discover(CORPUS) if s.path.name.startswith("000_"))
    document = ingest_file(source, embedder.count_tokens)
    assert document.meta.title and document.meta.title.startswith("Chair's report")
    old = model_inputs(document, embedder.count_tokens, embedder.max_tokens)
    new = model_inputs(document, embedder.count_tokens, embedder.max_tokens, "document")
    assert len(old) == len(new) == len(document.chunks)
    assert all(n.endswith(o.split(": ", 1)[-1]) for o, n in zip(old, new, strict=True))
    titled = [n for n in new if n.startswith("Chair's report Ofsted monitoring visit")]
    assert titled, new[:3]
    assert all(embedder.count_tokens(n) <= embedder.max_tokens for n in new)


def test_index_records_the_context_mode(embedder: Embedder) -> None:
    """An index embedded one way is refused (rebuilt) under the other; item-mode indexes
    built before the setting existed keep matching."""
    item, document = Settings(), Settings(embed_context="document")
    assert "embed_context" not in chunking_settings(item)
    assert chunking_settings(document)["embed_context"] == "document"
    info = IndexInfo(
        package_version="0", model=embedder.name, dim=embedder.dim,
        chunking=chunking_settings(item), vector_kind="flat", corpora=[], passages=0, documents=0,
    )  # fmt: skip
    assert index_mismatches(info, item, embedder) == []
    (problem,) = index_mismatches(info, document, embedder)
    assert "chunked with" in problem


def test_leadin_mode_carries_a_lists_lead_in_into_its_items(embedder: Embedder) -> None:
    """A passage that continues a list is embedded with the lead-in that names the list
    ("Workforce development:"), which stands at the end of the passage before; the
    passage before and every other passage read as in item mode, and all fit the window."""
    source = next(s for s in discover(CORPUS) if s.path.name.startswith("004_"))
    document = ingest_file(source, embedder.count_tokens)
    item = model_inputs(document, embedder.count_tokens, embedder.max_tokens)
    leadin = model_inputs(document, embedder.count_tokens, embedder.max_tokens, "leadin")
    changed = [i for i, (a, b) in enumerate(zip(item, leadin, strict=True)) if a != b]
    assert changed, "no passage got a lead-in"
    first = changed[0]
    title = document.chunks[first].item_title
    assert leadin[first].startswith(f"{title}: Workforce development: … - ")
    assert leadin[first].endswith(item[first].split(": ", 1)[-1])
    assert item[first - 1] == leadin[first - 1]
    assert "Workforce development:" in item[first - 1]
    assert len(changed) < len(item) // 4
    assert all(embedder.count_tokens(t) <= embedder.max_tokens for t in leadin)
    assert chunking_settings(Settings(embed_context="leadin"))["embed_context"] == "leadin"
