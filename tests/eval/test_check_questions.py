"""The gold-question checker, on the seed corpus extracted by the engine's own ingestion."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from eval.check_questions import Corpus, check_question, expected_group, main
from eval.documents import manifest_dates
from eval.extracted import extract_corpus
from eval.questions import Question, load_questions
from eval.split import split_of
from indexer.embedding import Embedder

from .helpers import CORPUS, EVAL_DIR, KINGSTON

M18 = "001_3bf3cecc07ef430f.txt"  # 21 November 2018, agenda and minutes (item 41 cut short)
M18_ITEM = "003_315652f360b52df6.txt"  # the same meeting, item 41 in full
R22 = "004_a3ad42d7930c8b10.txt"  # July 2022 report


@pytest.fixture(scope="module")
def seeds(embedder: Embedder) -> Corpus:
    return Corpus("seeds", extract_corpus(CORPUS, embedder.count_tokens), manifest_dates([CORPUS]))


def _q(**fields: Any) -> Question:
    row: dict[str, Any] = {"id": "t-1", "question": "?", "kind": "fact"} | fields
    if "group" not in fields and row.get("evidence"):
        first = row["evidence"][0]["found_in"][0]
        row["group"] = {M18: "seeds/2018-11-21", M18_ITEM: "seeds/2018-11-21"}.get(
            first, "seeds/2022-07-14"
        )
    if "split" not in fields and row.get("group"):
        row["split"] = split_of(row["group"])
    return Question.model_validate(row)


def _ev(quote: str, *files: str) -> dict[str, Any]:
    return {"quote": quote, "found_in": list(files)}


def test_sound_question_passes(seeds: Corpus) -> None:
    q = _q(evidence=[_ev("currently about 40% of the workforce was agency staff", M18, M18_ITEM)])
    assert check_question(q, [seeds]) == []


def test_quote_missing_from_a_listed_file(seeds: Corpus) -> None:
    q = _q(evidence=[_ev("currently about 41% of the workforce was agency staff", M18, M18_ITEM)])
    problems = check_question(q, [seeds])
    assert len(problems) == 2 and all("not in" in p for p in problems)


def test_unlisted_repeat_is_reported(seeds: Corpus) -> None:
    q = _q(evidence=[_ev("currently about 40% of the workforce was agency staff", M18)])
    assert check_question(q, [seeds]) == [
        "quote 'currently about 40% of the workforce was agency staff' also stands in "
        f"{M18_ITEM}, which found_in does not list"
    ]


def test_quote_across_a_passage_boundary(seeds: Corpus) -> None:
    doc = seeds.files[R22]
    tail = " ".join(doc.passages[0].split()[-4:])
    head = " ".join(doc.passages[1].split()[:4])
    q = _q(evidence=[_ev(f"{tail} {head}", R22)])
    assert doc.passage_holding(f"{tail} {head}") is None
    assert any("straddles a passage boundary" in p for p in check_question(q, [seeds]))


def test_unknown_file_and_short_quote(seeds: Corpus) -> None:
    q = _q(evidence=[_ev("agency staff", M18, "nowhere.txt")], group="seeds/2018-11-21")
    problems = check_question(q, [seeds])
    assert any("has 2 words" in p for p in problems)
    assert any("'nowhere.txt' is not a file of seeds" in p for p in problems)
    assert any("also stands in" in p for p in problems)  # 003 holds it too


def test_group_and_split_must_follow_the_rule(seeds: Corpus) -> None:
    ev = [_ev("the next scheduled monitoring visit was 30 april 2019", "000_2725e8365af33fe2.txt")]
    assert expected_group(_q(evidence=ev), seeds) == "seeds/2019-03-01"
    wrong_group = check_question(_q(evidence=ev, group="seeds/2018-11-21"), [seeds])
    assert wrong_group == ["group 'seeds/2018-11-21' should be 'seeds/2019-03-01'"]
    other = "test" if split_of("seeds/2019-03-01") == "tune" else "tune"
    wrong_split = check_question(_q(evidence=ev, group="seeds/2019-03-01", split=other), [seeds])
    assert len(wrong_split) == 1 and "eval.split" in wrong_split[0]
    assert check_question(_q(evidence=ev, group=None, split=None), [seeds]) == ["no `group`"]


def test_figures_and_trends(seeds: Corpus) -> None:
    ends = [
        _ev("currently about 40% of the workforce was agency staff", M18, M18_ITEM),
        _ev("reduction in the rate of agency social workers to 33.3% recently", R22),
    ]
    assert (
        check_question(_q(kind="trend", evidence=ends, key_figures=["40%", "33.3 %"]), [seeds])
        == []
    )
    missing = check_question(_q(kind="trend", evidence=ends, key_figures=["45%"]), [seeds])
    assert missing == ["key figure '45%' is in none of its evidence documents"]
    assert check_question(_q(kind="figure", evidence=ends[1:]), [seeds]) == [
        "figure question without key_figures"
    ]
    one_meeting = check_question(_q(kind="trend", evidence=ends[:1], key_figures=["40%"]), [seeds])
    assert one_meeting == ["trend evidence comes from fewer than 2 meeting dates"]
    assert check_question(_q(evidence=ends[:1], key_figures=["40%"]), [seeds]) == [
        "key_figures on a question that is neither figure nor trend"
    ]


def test_unanswerable_terms_must_be_absent(seeds: Corpus) -> None:
    base = {"id": "u-1", "kind": "unanswerable", "group": "unanswerable/u-1"}
    base["split"] = split_of(base["group"])
    assert check_question(_q(**base, checked_absent=["bus route 42"]), [seeds]) == []
    hit = check_question(_q(**base, checked_absent=["Police Cells"]), [seeds])
    assert len(hit) == 1 and "'Police Cells' occurs in seeds" in hit[0]
    assert check_question(_q(**base), [seeds]) == [
        "unanswerable question without checked_absent terms"
    ]
    assert "should be 'unanswerable/u-1'" in check_question(
        _q(**base | {"group": "unanswerable/x", "split": split_of("unanswerable/x")},
           checked_absent=["bus route 42"]),
        [seeds],
    )[0]  # fmt: skip


def test_committed_seed_questions_pass(seeds: Corpus) -> None:
    questions = load_questions(EVAL_DIR / "questions" / "seeds.jsonl")
    assert len(questions) >= 30
    assert {q.kind for q in questions} >= {"fact", "list", "multi", "trend", "action", "figure"}
    problems = [f"{q.id}: {p}" for q in questions for p in check_question(q, [seeds])]
    assert problems == []


@pytest.mark.skipif(not KINGSTON.is_dir(), reason="no ../shared/archives/kingston")
def test_committed_kingston_questions_pass(embedder: Embedder) -> None:
    kingston = Corpus(
        "kingston", extract_corpus(KINGSTON, embedder.count_tokens), manifest_dates([KINGSTON])
    )
    questions = load_questions(EVAL_DIR / "questions" / "kingston.jsonl")
    assert len(questions) >= 10
    assert [f"{q.id}: {p}" for q in questions for p in check_question(q, [kingston])] == []


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "The committee agreed to extend the cleaning contract for a further two years.\n",
        encoding="utf-8",
    )
    row = {
        "id": "c-1", "question": "What happened to the cleaning contract?", "kind": "action",
        "evidence": [_ev("extend the cleaning contract for a further two years", "a.txt")],
        "group": "corpus/x", "split": split_of("corpus/x"),
    }  # fmt: skip
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert main(["--corpus", str(corpus), str(good)]) == 0
    bad = tmp_path / "bad.jsonl"
    row["evidence"] = [_ev("extend the cleaning contract for a further three years", "a.txt")]
    bad.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert main(["--corpus", str(corpus), str(bad)]) == 1
    assert "not in a.txt" in capsys.readouterr().out
    assert main(["--corpus", str(tmp_path / "none"), str(good)]) == 2
    assert main(["--corpus", str(corpus), str(tmp_path / "missing.jsonl")]) == 2
