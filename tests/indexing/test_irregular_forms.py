"""Irregular forms share their base word's term (analyser 2, round 52): a question asking
when a committee will "hold" a meeting finds the passage saying it "was held", the page
marks "held", and an index whose postings analyser 1 made is refused, then re-scored.

On the seed index (copied where a test changes it) with the real model and store."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from eval import irregular_forms
from indexer import text
from indexer.builder import Indexer
from indexer.embedding import Embedder
from indexer.errors import IndexMismatchError
from indexer.irregular import IRREGULAR, LIGHT_VERB_FORMS
from indexer.lexical import LEXICAL_DIR, LexicalIndex
from indexer.settings import Settings
from indexer.snapshot import INFO_FILE, VECTORS_FILE, IndexDir, IndexInfo
from indexer.store import PassageStore
from indexer.text import ANALYZER, STOPWORDS, Analyzer, highlights
from search_api.archive import Archive
from tests.indexes import as_published_before
from tests.searching import search


def test_an_irregular_form_has_its_base_words_term() -> None:
    term = ANALYZER.term
    assert term("held") == term("hold") == term("holding") == "hold"
    assert term("met") == term("meet")
    assert term("spent") == term("spend") == term("spending")
    assert term("paid") == term("pay")
    assert term("children") == term("child")
    assert term("women") == term("woman")
    assert term("chairmen") == term("chairman")
    assert term("criteria") == term("criterion")
    assert term("began") == term("begun") == term("begin")
    assert ANALYZER.terms("Meetings Held") == ["meet", "hold"]  # case folded first


def test_homographs_keep_their_own_term() -> None:
    """A form with another reading stays apart when that reading is a name ("LED", "Kent",
    the "Fed"), a spelling variant of its base ("programmes" of "programme") or commoner in
    SemCor than its base ("data" not "datum", "ground" not "grind"); a stem collision is no
    reading ("indices" joins "index", parting from "indicate")."""
    term = ANALYZER.term
    apart = [("led", "lead"), ("data", "datum"), ("kent", "ken"), ("ground", "grind"),
             ("fed", "feed"), ("rent", "rend")]  # fmt: skip
    for form, other in apart:
        assert term(form) != term(other), form
    assert term("programmes") == term("programme") != term("program")
    assert term("indices") == term("index") != term("indicate")
    assert term("lives") == term("life")  # SemCor: life 256 against live (verb) 240
    assert term("found") == term("find") and term("left") == term("leave")
    assert not (IRREGULAR.keys() | set(IRREGULAR.values())) & STOPWORDS


def test_light_verbs_forms_keep_porters_term() -> None:
    """take, get, go, make, come, give frame a question; their forms stay Porter's."""
    term = ANALYZER.term
    light = [("taken", "take"), ("took", "take"), ("made", "make"), ("got", "get"),
             ("went", "go"), ("goes", "go"), ("came", "come"), ("given", "give")]  # fmt: skip
    for form, base in light:
        assert form in LIGHT_VERB_FORMS and form not in IRREGULAR
        assert term(form) != term(base), form
    assert not set(IRREGULAR.values()) & irregular_forms.LIGHT_VERBS
    assert term("making") == term("make")  # Porter's, as before


def test_modal_verbs_forms_keep_porters_term() -> None:
    """A modal's form is not joined to its base (round 54): "might" is no form of "may",
    the one modal the analyser keeps as a word, which papers write as the month."""
    term = ANALYZER.term
    assert term("might") != term("may") and ANALYZER.terms("May") == [term("may")]
    assert "might" not in IRREGULAR
    assert not (IRREGULAR.keys() | set(IRREGULAR.values())) & irregular_forms.MODAL_VERBS
    assert term("spent") == term("spend")  # other verbs' forms still joined


def _said(settings: Settings, word: str) -> set[int]:
    """The passages whose text or titles (what BM25 reads) say `word`, case-blind."""
    return {
        pid
        for pid, *fields in _rows(settings)
        if re.search(rf"\b{word}\b", " ".join(f or "" for f in fields), re.IGNORECASE)
    }


def test_might_finds_the_seed_passages_saying_might_not_the_month_may(
    seed_settings: Settings, embedder: Embedder
) -> None:
    """The seed minutes say children "might be being inappropriately held", and a paper
    dates a meeting "May 2019": BM25's "might" finds the first kind only (analyser 2 found
    both, "might" being read as "may")."""
    might, may = _said(seed_settings, "might"), _said(seed_settings, "may")
    assert might and may and not might & may
    lexical = Archive.open(seed_settings, embedder).snapshot.retriever.lexical_index
    assert {pid for pid, _ in lexical.search("might", 20)} == might
    assert {pid for pid, _ in lexical.search("may", 20)} == may


WORDNET = Path("/usr/share/wordnet")


@pytest.mark.skipif(not (WORDNET / "verb.exc").exists(), reason="wordnet-base not installed")
def test_the_list_is_what_the_generator_makes_from_wordnet() -> None:
    """indexer/irregular.py is `python -m eval.irregular_forms`'s output, not edited by hand."""
    kept, why = irregular_forms.generate(WORDNET)
    assert kept == IRREGULAR
    assert irregular_forms.render(kept, why) == irregular_forms.TARGET.read_text()
    assert "kent:ken (kent)" in why["homograph: a name"]
    assert any(h.startswith("ground:grind ") for h in why["homograph: commoner"])
    assert why["modal verb"] == ["might:may"]


def test_switched_off_the_analyser_is_porters_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text, "IRREGULAR_FORMS", False)
    porter = Analyzer()  # a fresh cache: the shared one keeps the terms it made
    assert porter.term("held") == "held" != porter.term("hold")
    assert porter.term("children") != porter.term("child")


def _rows(settings: Settings) -> list[tuple[int, str, str | None, str | None]]:
    store = PassageStore(IndexDir(settings.index_dir).current() / "passages.sqlite", readonly=True)
    try:
        return list(store.lexical_rows())
    finally:
        store.close()


def test_hold_finds_the_seed_passages_saying_held(
    seed_settings: Settings, embedder: Embedder
) -> None:
    """The seed minutes say children were "held in police cells"; a question asking who
    may "hold" children in police cells finds those passages by BM25 first, and the page
    marks the word they write ("held"), not the question's."""
    held = _said(seed_settings, "held")
    assert len(held) >= 2
    archive = Archive.open(seed_settings, embedder)
    lexical = archive.snapshot.retriever.lexical_index
    assert {pid for pid, _ in lexical.search("hold", 20)} == held
    hits = search(archive, "Are children hold in police cells overnight?", k=5, mode="lexical")
    assert hits and hits[0].passage_id in held
    assert "held" in hits[0].highlights and "hold" not in hits[0].highlights
    assert "held" in highlights(hits[0].text, ANALYZER.query_terms("hold"))


def test_porter_alone_missed_them(seed_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same rows under analyser 1: "hold" finds none of the passages saying "held"."""
    held = _said(seed_settings, "held")
    rows = _rows(seed_settings)
    monkeypatch.setattr(text, "IRREGULAR_FORMS", False)
    porter = LexicalIndex.build(rows)
    assert not {pid for pid, _ in porter.search("hold", 20)} & held


def test_an_index_of_analyser_1_is_refused_then_rescored(
    tmp_path: Path, seed_settings: Settings, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `make serve` meets on an index built before irregular forms: the server refuses
    it with the build that fixes it, the build re-scores the postings without re-embedding,
    and "hold" then finds the passages saying "held"."""
    index_dir = tmp_path / "index"
    shutil.copytree(seed_settings.index_dir, index_dir)
    settings = seed_settings.model_copy(update={"index_dir": index_dir})
    version = IndexDir(index_dir).current()
    rows = _rows(settings)
    with monkeypatch.context() as m:
        m.setattr(text, "IRREGULAR_FORMS", False)
        old = LexicalIndex.build(rows)
    shutil.rmtree(version / LEXICAL_DIR)
    old.save(version / LEXICAL_DIR)
    info = IndexInfo.model_validate_json((version / INFO_FILE).read_text())
    assert info.bm25 is not None
    info.bm25 = {**info.bm25, "analyzer": 1}
    (version / INFO_FILE).write_text(info.model_dump_json(indent=2))
    as_published_before(version)  # digests recomputed, nothing else changed

    with pytest.raises(IndexMismatchError, match=r"terms were made by analyser 1, not 3.*build"):
        Archive.open(settings, embedder)

    report = Indexer(settings, embedder).build()
    assert report.version is not None and report.new_passages == 0 and not report.changed
    rescored = IndexDir(index_dir).current()
    assert rescored != version
    assert (rescored / VECTORS_FILE).read_bytes() == (version / VECTORS_FILE).read_bytes()
    archive = Archive.open(settings, embedder)
    found = {pid for pid, _ in archive.snapshot.retriever.lexical_index.search("hold", 20)}
    assert found == _said(settings, "held")
