"""One paper saved in two formats (a council's .doc beside its .pdf, both named alike) is
indexed once, from the PDF, whose pages a citation names; the other file is noted, not
failed. Two different papers under one name fail with a message that says so. Real files
(the legacy .doc fixture and a PDF of the same seed text), model, FAISS and SQLite."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path
from typing import IO, Any

import pytest

from indexer import builder
from indexer import cli as indexer_cli
from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.ingest import ZipLimits, document_id_for, manifest
from indexer.ingest.twins import Paper, paper_text
from indexer.settings import Settings
from indexer.snapshot import IndexDir
from search_api.archive import Archive
from tests.conftest import CORPUS
from tests.documents import (
    LEGACY_DOC,
    legacy_doc_paragraphs,
    one_name_two_formats,
    paper_pdf,
)
from tests.searching import search


def _seed(name: str) -> str:
    return next(CORPUS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the build reads to compare a pair, in order: `paper_text` itself runs."""
    read: list[Path] = []

    def counted(path: Path, limits: ZipLimits | None = None) -> Paper:
        read.append(path)
        return paper_text(path, limits)

    monkeypatch.setattr(builder, "paper_text", counted)
    return read


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files opened for reading bytes (as `Path.read_bytes` does too), in order: the
    real `Path.open` runs."""
    paths: list[Path] = []
    real = Path.open

    def counted(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> IO[Any]:
        if mode == "rb":
            paths.append(self)
        return real(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", counted)
    return paths


def test_one_paper_in_two_formats_is_indexed_once_from_the_pdf(
    tmp_path: Path, embedder: Embedder
) -> None:
    corpus = one_name_two_formats(tmp_path / "corpus", legacy_doc_paragraphs(_seed("003")))
    settings = Settings(corpus=str(corpus), index_dir=tmp_path / "index")
    report = Indexer(settings, embedder).build()
    assert report.added == ["minutes-1"] and not report.failed
    note = f"the same paper as {corpus / 'Minutes 1.pdf'} (kept)"
    assert report.same_paper == [(str(corpus / "Minutes 1.doc"), note)]
    assert "kept once of two formats" in report.summary()
    engine = Archive.open(settings, embedder)
    assert engine.reader().stats().documents == 1
    top = search(engine, "staff morale was good with social workers talking positively", k=1)[0]
    assert top.citation.document_id == "minutes-1" and top.citation.page == 1  # the PDF's page

    again = Indexer(settings, embedder).build()
    assert again.unchanged == 1 and not (again.changed or again.failed)
    assert again.same_paper == report.same_paper


def test_two_different_papers_under_one_name_fail_saying_so(
    tmp_path: Path, embedder: Embedder
) -> None:
    other = [line for line in _seed("000").splitlines() if line.strip()]
    corpus = one_name_two_formats(tmp_path / "corpus", other)
    settings = Settings(corpus=str(corpus), index_dir=tmp_path / "index")
    report = Indexer(settings, embedder).build()
    assert report.added == ["minutes-1"] and not report.same_paper
    [(path, reason)] = report.failed
    assert path == str(corpus / "Minutes 1.pdf")
    assert reason.startswith("duplicate document id 'minutes-1'")
    assert "holds a different paper" in reason and "rename one of the files" in reason


def test_the_cli_notes_the_second_format_and_strict_does_not_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = one_name_two_formats(tmp_path / "corpus", legacy_doc_paragraphs(_seed("003")))
    args = [str(corpus), "--strict", "--index", str(tmp_path / "index")]
    assert indexer_cli.main(["build", *args]) == 0
    err = capsys.readouterr().err
    assert f"note: {corpus / 'Minutes 1.doc'}: the same paper as {corpus / 'Minutes 1.pdf'}" in err
    assert "error:" not in err


def test_a_long_named_paper_in_two_formats_has_one_id_and_is_indexed_once(
    tmp_path: Path, embedder: Embedder
) -> None:
    """An id over 100 characters is cut to 90 plus a hash: of the name without its
    extension, so the two formats of a long-named paper share the id as short names do."""
    name = "Item 7 - Supplementary - Transfer of the section of the Independence Service " * 2
    assert document_id_for(f"{name}.pdf") == document_id_for(f"{name}.doc")
    assert len(document_id_for(f"{name}.pdf")) == 99  # 90 letters, '-', 8 of the hash
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(LEGACY_DOC, corpus / f"{name}.doc")
    (corpus / f"{name}.pdf").write_bytes(paper_pdf(legacy_doc_paragraphs(_seed("003"))))
    settings = Settings(corpus=str(corpus.resolve()), index_dir=tmp_path / "index")
    report = Indexer(settings, embedder).build()
    assert report.added == [document_id_for(f"{name}.pdf")] and not report.failed
    [(path, note)] = report.same_paper
    assert path.endswith(".doc") and note.endswith(".pdf (kept)")
    assert Archive.open(settings, embedder).reader().stats().documents == 1


def _round_31_id(relative: str) -> str:
    """A file's id before round 32: a long name's hash was of the name with its extension."""
    text = re.sub(r"[^a-z0-9_]+", "-", str(Path(relative).with_suffix("")).lower()).strip("-")
    if len(text) <= 100:
        return text
    return f"{text[:90]}-{hashlib.sha1(relative.encode()).hexdigest()[:8]}"


@pytest.mark.parametrize("how", ["add", "build"])
def test_a_long_named_file_indexed_under_its_round_31_id_is_indexed_once_under_the_new(
    tmp_path: Path, embedder: Embedder, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """An index built before round 32 holds a long-named file under the id that hashed
    its extension. Adding that file again (`indexer add`, as an upload does) or building
    replaces the old id by the new one: the file is indexed once, and its passages, whose
    text did not change, are not embedded again."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    name = f"{'Item 7 - Supplementary - Transfer of the section of the Service ' * 2}.txt"
    shutil.copy(next(CORPUS.glob("000_*.txt")), corpus / name)  # two of the smaller seeds
    shutil.copy(next(CORPUS.glob("003_*.txt")), corpus / "Minutes 2.txt")
    settings = Settings(corpus=str(corpus.resolve()), index_dir=tmp_path / "index")
    old, new = _round_31_id(name), document_id_for(name)
    assert old != new
    with monkeypatch.context() as before:  # the build of round 31, its ids by that rule
        before.setattr(manifest, "document_id_for", _round_31_id)
        built = Indexer(settings, embedder).build()
    assert sorted(built.added) == sorted([old, "minutes-2"])

    indexer = Indexer(settings, embedder)
    report = indexer.add([corpus / name]) if how == "add" else indexer.build()
    assert report.added == [new] and report.removed == [old]
    assert report.new_passages == 0  # the same passages, under the new id
    reader = Archive.open(settings, embedder).reader()
    assert sorted(d.document_id for d in reader.documents()) == sorted([new, "minutes-2"])
    again = Indexer(settings, embedder).add([corpus / name])
    assert again.unchanged == 1 and not again.changed


@pytest.mark.parametrize("paper", ["same", "different"])
def test_an_unchanged_pair_is_not_read_again_and_still_reported(
    tmp_path: Path, embedder: Embedder, reads: list[Path], opened: list[Path], paper: str
) -> None:
    """A pair of files of one id is remembered with both files' fingerprints and the
    reader version, as a failed read is, whether they hold one paper (a note) or two (a
    failure; round 33): the next build reports it without reading either file and
    publishes nothing, and hashes each file's bytes once (the file keeping the id is
    checked as a pair and as a document from one read; round 34); a changed file is read,
    and compared, again, and the build after that reads nothing."""
    other = [line for line in _seed("000").splitlines() if line.strip()]
    paragraphs = legacy_doc_paragraphs(_seed("003")) if paper == "same" else other
    corpus = one_name_two_formats(tmp_path / "corpus", paragraphs)
    settings = Settings(corpus=str(corpus), index_dir=tmp_path / "index")
    first = Indexer(settings, embedder).build()
    told = (first.same_paper, first.failed)
    assert told[paper == "different"] and first.added == ["minutes-1"]
    assert sorted(p.name for p in reads) == ["Minutes 1.doc", "Minutes 1.pdf"]
    reads.clear()
    version = IndexDir(settings.index_dir).current_name()
    opened.clear()
    again = Indexer(settings, embedder).build()
    assert reads == []  # neither file read to compare them
    assert sorted(p.name for p in opened if p.parent == corpus) == [
        "Minutes 1.doc",
        "Minutes 1.pdf",
    ]
    assert (again.same_paper, again.failed) == told and not again.changed
    assert IndexDir(settings.index_dir).current_name() == version  # nothing to publish

    (corpus / "Minutes 1.pdf").write_bytes(paper_pdf(paragraphs[:-1]))  # the PDF revised
    changed = Indexer(settings, embedder).build()
    assert sorted(p.name for p in reads) == ["Minutes 1.doc", "Minutes 1.pdf"]
    assert (changed.same_paper, changed.failed) == told
    assert changed.updated == (["minutes-1"] if paper == "same" else [])  # the PDF kept
    reads.clear()
    last = Indexer(settings, embedder).build()
    assert (last.same_paper, last.failed) == told and reads == []


def test_index_stats_lists_the_same_paper_notes_as_it_lists_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The notes are stored with the index: `python -m indexer stats` lists each beside
    the failed files, read from the live version alone."""
    corpus = one_name_two_formats(tmp_path / "corpus", legacy_doc_paragraphs(_seed("003")))
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    index = ["--index", str(tmp_path / "index")]
    assert indexer_cli.main(["build", str(corpus), *index]) == 0
    capsys.readouterr()
    assert indexer_cli.main(["stats", *index]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"failed     {corpus / 'broken.pdf'}" in "\n".join(out)
    kept = f"the same paper as {corpus / 'Minutes 1.pdf'} (kept)"
    assert f"note       {corpus / 'Minutes 1.doc'}: {kept}" in out
