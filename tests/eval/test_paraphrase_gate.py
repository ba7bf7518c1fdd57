"""Round 14's paraphrase gate (`python -m eval.paraphrase_gate`) and its questions."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from eval.fit_abstention import CORE, PENALTIES, Candidate, Rows, served_form
from eval.paraphrase_gate import Scored, _forms, main, natural, paraphrases, verdict
from search_api.abstention import FEATURES

QUESTIONS = Path(__file__).resolve().parents[2] / "eval" / "questions"


def _scored(answered: list[bool], abstention: float, nat: tuple[int, int]) -> Scored:
    rates = {"ix": (abstention, 0.0)}
    candidate = Candidate(("top_cosine",), 1.0, rates, {})
    return Scored(candidate, np.array(answered), {"ix": nat}, {"ix": nat})


def _question(qid: str, **extra: str) -> dict[str, object]:
    """A question row as the question files hold it (`eval.questions.Question`)."""
    evidence = [{"quote": "officers engage with families", "found_in": ["a.pdf"]}]
    return {"id": qid, "question": "How soon?", "kind": "fact", "evidence": evidence, **extra}


def _rows(y: list[int]) -> Rows:
    n = len(y)
    return Rows(np.zeros((n, 1)), np.array(y, dtype=float), np.array(["ix"] * n), ["g"] * n)


def test_the_gate_reads_natural_rows_abstention_and_net_questions() -> None:
    rows = _rows([1, 1, 1, 1, 0])
    ids = np.array(["a", "b", "c", "d", "u"])
    served = _scored([False, False, False, True, False], 0.60, (1, 15))
    # Answers three more answerable questions, refuses no natural row, abstains as much.
    assert verdict(_scored([True, True, True, True, False], 0.60, (0, 15)), served, rows, ids) == (
        "abcd", 3,
    )  # fmt: skip
    # One paraphrase refused in fifteen is over 0.05; answering an unanswerable question
    # (abstention 0.60 → 0.55) costs more than 0.01; two questions net are too few.
    flags, net = verdict(_scored([True, True, False, True, True], 0.55, (1, 15)), served, rows, ids)
    assert (flags, net) == ("-b--", 2)
    # Two refused in 51 are within 0.05, but not when the served form refuses fewer
    # (round 15: a winner refuses no more natural rows on any index).
    many = _scored([False, False, False, True, False], 0.60, (3, 51))
    assert verdict(_scored([True] * 4 + [False], 0.60, (2, 51)), many, rows, ids)[0][0] == "a"
    assert verdict(_scored([True] * 4 + [False], 0.60, (2, 51)), served, rows, ids)[0][0] == "-"


def test_natural_rows_are_paraphrases_and_the_released_sets() -> None:
    ids = ["k2-001", "k2-401", "k3-012", "kg3-004", "k4-020", "s4-003", "s2-010", "u3-001"]
    assert natural(ids, {"k2-401": "k2-001"}).tolist() == [
        False, True, True, True, True, True, False, False,
    ]  # fmt: skip


def test_paraphrases_are_read_from_the_question_files(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    lines = [_question("k2-001"), _question("k2-401", paraphrase_of="k2-001")]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    assert paraphrases([path]) == {"k2-401": "k2-001"}


def test_a_paraphrase_outside_its_originals_group_is_refused(tmp_path: Path) -> None:
    questions = tmp_path / "q.jsonl"
    questions.write_text(json.dumps(_question("k2-401", paraphrase_of="k2-001")) + "\n")
    feats = dict.fromkeys(FEATURES, 0.5)
    rows = [
        {"id": i, "kind": "fact", "split": "tune", "group": g, "index": "ix",
         "answerable": True, "features": feats}
        for i, g in (("k2-001", "kent/a"), ("k2-401", "kent/b"))
    ]  # fmt: skip
    path = tmp_path / "rows.json"
    path.write_text(json.dumps(rows))
    assert main([str(path), "--questions", str(questions)]) == 2


def test_every_paraphrase_keeps_its_originals_evidence_group_and_tune_split() -> None:
    rows = {}
    for name in ("kent", "seeds", "kingston"):
        for line in (QUESTIONS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            rows[row["id"]] = row
    pairs = [(r, rows[r["paraphrase_of"]]) for r in rows.values() if r.get("paraphrase_of")]
    assert len(pairs) >= 40
    for para, original in pairs:
        assert para["question"] != original["question"]
        assert para["split"] == "tune" == original["split"]
        for key in ("kind", "evidence", "group"):
            assert para[key] == original[key], (para["id"], key)
        assert para.get("key_figures") == original.get("key_figures")


def test_kept_signals_are_held_by_every_compared_form() -> None:
    # Round 18: the gate compares the served form's extras plus each subset of new
    # signals (`--keep`), as `eval.fit_abstention` does, not every subset of all of them.
    forms = _forms(["specific_coverage"], keep=["salient_coverage"])
    compared = [f for f in forms if f != served_form()]
    assert len(compared) == 2 * len(PENALTIES)
    assert all(set(CORE) | {"salient_coverage"} <= set(s) for s, _ in compared)
    assert sum("specific_coverage" in s for s, _ in compared) == len(PENALTIES)
    assert served_form() in forms
