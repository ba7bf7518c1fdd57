"""Fast checks of the scale-corpus generator: deterministic, well-formed, realistic shape."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

from bench.generator import FIRST_YEAR, YEARS, generate, load_seed_text, write_documents
from indexer.store import passage_id_for

SEED_TEXT = load_seed_text()


def test_same_seed_same_archive() -> None:
    first = [d.render() for d in generate(600, seed=3, seed_text=SEED_TEXT)]
    again = [d.render() for d in generate(600, seed=3, seed_text=SEED_TEXT)]
    other = [d.render() for d in generate(600, seed=4, seed_text=SEED_TEXT)]
    assert first == again
    assert first != other


def test_passage_count_and_distinct_texts() -> None:
    docs = list(generate(1500, seed=5, seed_text=SEED_TEXT))
    passages = [p for d in docs for p in d.paragraphs]
    assert len(passages) == 1500
    assert len({passage_id_for(p.text) for p in passages}) == 1500
    assert len({d.meta.document_id for d in docs}) == len(docs)


def test_documents_look_like_minutes() -> None:
    docs = list(generate(2000, seed=6, seed_text=SEED_TEXT))
    lengths = sorted(len(p.text) for d in docs for p in d.paragraphs)
    assert 150 < lengths[len(lengths) // 2] < 1200
    for doc in docs:
        meta = doc.meta
        assert meta.committee and meta.council and meta.title
        assert isinstance(meta.meeting_date, date)
        assert FIRST_YEAR <= meta.meeting_date.year < FIRST_YEAR + YEARS
        for chunk, para in zip(doc.chunks(), doc.paragraphs, strict=True):
            assert re.fullmatch(r"\d+\.\d+", para.paragraph)
            assert para.paragraph.split(".")[0] == para.item
            assert chunk.text == para.text and chunk.item_title
        text = doc.render()
        assert meta.committee in text
        assert all(f"{p.paragraph}     " in text for p in doc.paragraphs)
    years = {d.meta.meeting_date.year for d in docs if d.meta.meeting_date}
    assert len(years) >= 10
    assert any(re.search(r"\d", p.text) for d in docs for p in d.paragraphs)
    assert any("Cllr" in p.text for d in docs for p in d.paragraphs)


def test_every_sentence_comes_from_the_seed_pool() -> None:
    pool = set(SEED_TEXT.sentences)
    for doc in generate(300, seed=8, seed_text=SEED_TEXT):
        for para in doc.paragraphs:
            assert para.text == " ".join(SEED_TEXT.sentences[i] for i in para.sentence_ids)
            assert all(SEED_TEXT.sentences[i] in pool for i in para.sentence_ids)


def test_written_files_and_manifest(tmp_path: Path) -> None:
    count = write_documents(generate(400, seed=9, seed_text=SEED_TEXT), tmp_path)
    with (tmp_path / "manifest.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == count == len(list(tmp_path.glob("*.txt")))
    for row in rows:
        assert (tmp_path / row["path"]).read_text(encoding="utf-8").strip()
        assert date.fromisoformat(row["meeting_date"])
        assert row["date_precision"] in {"day", "month", "year"}
