"""The abstention fit (`python -m eval.fit_abstention`): rows of several indexes, the
per-index and per-kind false-abstention constraints, and clear refusals."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from eval.answer_diagnose import abstention_summary, answerable_here
from eval.fit_abstention import (
    CANDIDATES,
    CORE,
    MARGIN,
    MAX_FALSE_ABSTENTION,
    MIN_GAIN,
    PENALTIES,
    SEEDS_ONLY_SERVED,
    STEP,
    Candidate,
    Rows,
    _shift,
    allowed,
    candidate_sets,
    cross_validate,
    decided,
    fit,
    kind_refusals,
    load,
    main,
    rates,
    replaces_served,
    select,
    served_fit,
    served_form,
    within_target,
)
from eval.questions import Evidence, Question
from eval.topic_saliency import auc, separation
from search_api.abstention import (
    FEATURES,
    MODEL,
    MODEL_PENALTY,
    AbstentionModel,
    SupportFeatures,
)


def _rows(index: str, shift: float, n: int, seed: int) -> list[dict]:
    """Answerable rows score high on every signal, unanswerable ones low; `shift` moves
    every signal of the index (as an archive's size moves a raw score)."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        answerable = i % 3 != 0
        base = 0.7 if answerable else 0.35
        feats = {f: float(base + shift + rng.normal(0, 0.08)) for f in FEATURES}
        rows.append({
            "id": f"{index}-{i}", "kind": "fact" if answerable else "unanswerable",
            "split": "tune", "group": f"g{i % 15}", "index": index,
            "answerable": answerable, "features": feats,
        })  # fmt: skip
    return rows


def test_false_abstention_holds_on_each_index() -> None:
    rows = load(_rows("small", -0.15, 90, 1) + _rows("large", 0.1, 90, 2))
    model = fit(rows)
    per_index = rates(model.answers(rows.x), rows)
    assert set(per_index) == {"small", "large"}
    for acc, fa in per_index.values():
        assert fa <= MAX_FALSE_ABSTENTION
        assert acc > 0.5
    cv = cross_validate(rows)
    assert set(cv) == {"small", "large"}


def test_answerable_depends_on_the_index() -> None:
    q = Question(
        id="k", question="?", kind="fact",
        evidence=[Evidence(quote="x", found_in=["kent/a.pdf"])],
    )  # fmt: skip
    assert answerable_here(q, {"kent/a.pdf", "seed.txt"})
    assert not answerable_here(q, {"seed.txt"})
    assert not answerable_here(Question(id="u", question="?", kind="unanswerable"), {"seed.txt"})
    summary = abstention_summary([
        {"answerable": True, "abstained": False}, {"answerable": True, "abstained": True},
        {"answerable": False, "abstained": True},
    ])  # fmt: skip
    assert summary == {"unanswerable": 1, "abstention": 1.0, "answerable": 2,
                       "false_abstention": 0.5}  # fmt: skip


def test_refuses_test_rows_and_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    rows = _rows("small", 0.0, 30, 3)
    rows[0]["split"] = "test"
    path = tmp_path / "rows.json"
    path.write_text(json.dumps(rows))
    assert main([str(path)]) == 2
    assert "tune" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert main([str(bad)]) == 2
    assert "cannot read rows" in capsys.readouterr().err
    rows[0]["split"] = None  # an in-sample question outside the split may join the fit
    path.write_text(json.dumps(rows))
    assert main([str(path), "--candidates", "cosine_z"]) == 0
    out = capsys.readouterr().out
    assert "MODEL = AbstentionModel(" in out
    assert "cosine_z" in out and "salient_coverage   " not in out.split("chosen:")[0]


def test_selection_takes_a_signal_only_for_an_out_of_fold_gain() -> None:
    # Round 4's signals barely tell the rows apart; `specific_coverage` does.
    raw = _rows("small", 0.0, 60, 4) + _rows("large", 0.0, 60, 5)
    rng = np.random.default_rng(6)
    for r in raw:
        for f in CORE:
            r["features"][f] = float(0.5 + rng.normal(0, 0.2))
        r["features"]["cosine_z"] = float(0.5 + rng.normal(0, 0.2))
        r["features"]["specific_coverage"] = 0.9 if r["answerable"] else 0.2
    assert set(CANDIDATES) >= {"specific_coverage", "cosine_z"}
    chosen, compared = select(load(raw), ("specific_coverage", "cosine_z"))
    assert len(compared) == 4 * len(PENALTIES)
    assert "specific_coverage" in chosen.signals and chosen.feasible
    # A feasible reference (round 4's signals, penalty 1.0) gives way only to a gain.
    reference = compared[0]
    assert reference.signals == CORE and reference.penalty == 1.0
    assert not reference.feasible or chosen.abstention >= reference.abstention + MIN_GAIN


def test_refuses_rows_without_the_signals(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    rows = _rows("small", 0.0, 30, 7)
    for r in rows:
        del r["features"]["cosine_z"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(rows))
    assert main([str(path)]) == 2
    assert "cosine_z" in capsys.readouterr().err


def test_a_named_set_of_signals_skips_the_selection(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "rows.json"
    path.write_text(json.dumps(_rows("small", 0.0, 30, 8) + _rows("large", 0.1, 30, 9)))
    assert main([str(path), "--signals", *CORE, "--penalty", "0.3"]) == 0
    out = capsys.readouterr().out
    assert "selection" not in out and "penalty 0.3" in out
    assert "specific_coverage  +0.000" in out
    assert "served form, leave-one-group-out (tune)" in out and "step 6: " in out


def test_separation_reports_what_one_cut_abstains_on() -> None:
    values = [0.9, 0.8, 0.7, 0.6, 0.2, 0.5, 0.75]
    answerable = [True, True, True, True, False, False, False]
    s = separation(values, answerable)
    # Pairs with the answerable row above: 3 + 3 + 2 + 2 of 12.
    assert s["auc"] == pytest.approx(10 / 12)
    # Refusing none of 4 answerable rows (0.05 of 4 rounds down to 0): cut at 0.6.
    assert s["abstention_at_cut"] == pytest.approx(2 / 3)
    assert s["answerable_median"] == pytest.approx(0.75)
    assert auc([1.0], [1.0]) == 0.5


def test_selection_refuses_a_model_that_fails_a_kind_of_question() -> None:
    # Round 7: `specific_coverage` tells the rows apart within each index's false-
    # abstention target, but by refusing every list question of the large index (the
    # generic noun a list asks for is no item's word): the per-kind gate rejects it.
    raw = _rows("small", 0.0, 60, 4) + _rows("large", 0.0, 60, 5)
    rng = np.random.default_rng(6)
    for i, r in enumerate(raw):
        for f in CORE:
            r["features"][f] = float(0.5 + rng.normal(0, 0.2))
        r["features"]["specific_coverage"] = 0.9 if r["answerable"] else 0.2
        if r["answerable"] and r["index"] == "large" and i % 20 == 1:
            r["kind"], r["features"]["specific_coverage"] = "list", 0.2
    chosen, compared = select(load(raw), ("specific_coverage",))
    reference, specific = compared[0], compared[len(PENALTIES)]
    assert "specific_coverage" in specific.signals
    assert specific.feasible and specific.abstention >= reference.abstention + MIN_GAIN
    assert specific.kinds[("large", "list")] == (2, 2)
    assert not specific.within_kinds(reference)
    assert chosen.signals == CORE and chosen.within_kinds(reference)


def test_a_kind_may_refuse_what_its_size_allows_or_the_reference_does() -> None:
    assert [allowed(n) for n in (6, 12, 19, 20, 26, 40)] == [0, 0, 0, 1, 1, 2]
    ref = Candidate(CORE, 1.0, {}, {("i", "fact"): (1, 19), ("i", "list"): (0, 12)})
    same = Candidate(CORE, 0.3, {}, {("i", "fact"): (1, 19), ("i", "list"): (0, 12)})
    worse = Candidate(CORE, 0.3, {}, {("i", "fact"): (2, 19), ("i", "list"): (0, 12)})
    one_list = Candidate(CORE, 0.3, {}, {("i", "fact"): (0, 19), ("i", "list"): (1, 12)})
    assert same.within_kinds(ref)
    assert not worse.within_kinds(ref) and not one_list.within_kinds(ref)
    answered = np.array([True, False, False, True])
    rows = load([
        {"id": str(i), "kind": k, "split": "tune", "index": "i", "answerable": a,
         "features": dict.fromkeys(FEATURES, 0.5)}
        for i, (k, a) in enumerate([("list", True), ("list", True), ("fact", True),
                                    ("unanswerable", False)])
    ])  # fmt: skip
    assert kind_refusals(answered, rows) == {("i", "fact"): (1, 1), ("i", "list"): (1, 2)}


def test_step_6_compares_out_of_fold_rates_of_both_forms() -> None:
    # Round 9: both sides are out-of-fold `Candidate`s on the same folds; the chosen one
    # must beat the served form by MIN_GAIN, within the target on every index and the
    # per-kind gate against the served form.
    kinds = {("large", "fact"): (0, 30), ("large", "list"): (0, 12)}
    served = Candidate(CORE, 1.0, {"large": (0.40, 0.008), "small": (0.80, 0.029)}, kinds)
    extra = (*CORE, "salient_sentence_coverage")

    def cand(large: float, fa: float = 0.0, k: dict | None = None) -> Candidate:
        return Candidate(extra, 0.3, {"large": (large, fa), "small": (0.80, 0.0)}, k or kinds)

    gain = 2 * MIN_GAIN  # the mean over two indexes moves by half the large index's gain
    assert replaces_served(cand(0.40 + gain), served)
    assert not replaces_served(cand(0.40 + gain - 0.01), served)  # under MIN_GAIN
    assert not replaces_served(cand(0.9, fa=MAX_FALSE_ABSTENTION + 0.01), served)
    assert not replaces_served(cand(0.9, k={**kinds, ("large", "list"): (1, 12)}), served)
    # The served form itself never "replaces" the served coefficients, however it scores.
    assert not replaces_served(Candidate(CORE, 1.0, {"large": (0.9, 0.0)}, kinds), served)


def test_step_6_uses_the_served_form_out_of_fold(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    signals, penalty = served_form()
    assert penalty == MODEL_PENALTY
    assert signals == tuple(f for f, w in zip(FEATURES, MODEL.weights, strict=True) if w)
    assert served_form(AbstentionModel(0.0, (1.0,) + (0.0,) * (len(FEATURES) - 1)), 0.3) == (
        ("top_cosine",), 0.3
    )  # fmt: skip
    # Fitting the served form itself: its out-of-fold rates are the chosen one's, so the
    # verdict is to keep the served coefficients whatever their in-sample rates are.
    path = tmp_path / "rows.json"
    path.write_text(json.dumps(_rows("small", 0.0, 30, 8) + _rows("large", 0.1, 30, 9)))
    assert main([str(path), "--signals", *signals, "--penalty", str(penalty)]) == 0
    out = capsys.readouterr().out
    oof = out.split("leave-one-group-out (tune) ")[1].splitlines()[0]
    served_oof = out.split("served form, leave-one-group-out (tune) ")[1].splitlines()[0]
    assert oof == served_oof
    assert "step 6: the served MODEL stays" in out


def test_the_served_model_decides_diagnose_rows_as_ask_does() -> None:
    rows = load(_rows("small", 0.0, 30, 10))
    model = served_fit()
    assert model.weights.tolist() == list(MODEL.weights)
    assert model.partial_cosine == MODEL.partial_cosine
    for x, margin in zip(rows.x, model.margins(rows.x), strict=True):
        signals = SupportFeatures(**dict(zip(FEATURES, x.tolist(), strict=True)))
        assert MODEL.margin(signals) == pytest.approx(margin)
    # A model weighing no signal answers nothing when its intercept is below 0.
    silent = AbstentionModel(intercept=-1.0, weights=(0.0,) * len(FEATURES))
    assert not served_fit(silent).answers(rows.x).any()


def _margin_rows(answerable: np.ndarray, unanswerable: np.ndarray) -> Rows:
    """Rows of one index whose margins are given (the signals do not matter to step 2)."""
    y = np.r_[np.ones(len(answerable)), np.zeros(len(unanswerable))]
    n = len(y)
    return Rows(np.zeros((n, len(FEATURES))), y, np.array(["ix"] * n), [f"g{i}" for i in range(n)])


def test_the_threshold_is_set_by_the_target_not_by_an_empty_band() -> None:
    """Round 17: with many answerable rows, a tail of them fills every 0.25-wide band (one
    every 0.1 log-odds from −3 to 0.5), so round 4's rule (no answerable row within
    `MARGIN` below the cut) found its first empty band below the whole tail, at +3.0,
    abstaining on little. The target allows 50 of the 1,000 refused: the cut goes where
    the target holds with the cut moved `MARGIN` toward abstaining (−0.25: the 35 tail
    rows under +0.5 refused there; at −0.5 the main body's first rows join them)."""
    tail = np.round(np.arange(-3.0, 0.55, 0.1), 2)
    body = np.linspace(0.5, 6.0, 1000 - len(tail))
    rows = _margin_rows(np.r_[tail, body], np.linspace(-6.0, 2.0, 200))
    margins = np.r_[tail, body, np.linspace(-6.0, 2.0, 200)]
    shift = _shift(margins, rows)
    assert shift == pytest.approx(-0.25)
    assert within_target(margins + shift - MARGIN >= 0, rows)
    assert not within_target(margins + shift - STEP - MARGIN >= 0, rows)


def test_a_small_index_keeps_every_answerable_row_margin_clear_of_the_cut() -> None:
    """The minimum-count condition: of fewer than 20 answerable rows none may be refused,
    nor stand within `MARGIN` above the cut (round 4's rule let the cut sit a hair under
    the one at +0.1: shift 0)."""
    answerable = np.r_[0.1, np.linspace(2.0, 4.0, 18)]
    unanswerable = np.linspace(-4.0, 1.0, 30)
    rows = _margin_rows(answerable, unanswerable)
    assert allowed(19) == 0
    assert _shift(np.r_[answerable, unanswerable], rows) == pytest.approx(0.25)


def test_kept_signals_are_in_every_form_of_the_selection() -> None:
    """`--keep` (round 17): step 5 compares `CORE` and the kept signals plus each subset of
    the candidates, in `FEATURES` order (the served form's order, so step 6 finds it)."""
    sets = candidate_sets(("apart_salience", "cosine_z"), keep=("salient_coverage",))
    assert len(sets) == 4
    assert all(s[: len(CORE)] == CORE and "salient_coverage" in s for s in sets)
    assert all(list(s) == sorted(s, key=FEATURES.index) for s in sets)
    assert sets[0] == (*CORE, "salient_coverage")
    assert served_form()[0] in candidate_sets(
        ("apart_salience",), keep=("salient_coverage", "absent_salience")
    )


def _two_index_rows(
    small_served_refuses: int, held: bool, asked: int = 40
) -> tuple[Rows, np.ndarray]:  # fmt: skip
    """A deployed index whose answerable rows all stand clear of a cut near 0, and a small
    index of 40 answerable rows three of which sit far on the abstaining side (`allowed(40)`
    is 2, so the target alone pushes the cut of both past −3); if `held`, the small index is
    held to a recorded served figure of `small_served_refuses` refused of `asked`."""
    deployed_a, deployed_u = np.linspace(1.0, 6.0, 100), np.linspace(-6.0, 2.0, 50)
    small_a = np.r_[-3.0, -2.5, -2.0, np.linspace(1.0, 6.0, 37)]
    small_u = np.linspace(-6.0, 2.0, 50)
    margins = np.r_[deployed_a, deployed_u, small_a, small_u]
    y = np.r_[np.ones(100), np.zeros(50), np.ones(40), np.zeros(50)]
    index = np.array(["deployed"] * 150 + ["small"] * 90)
    rows = Rows(
        np.zeros((len(y), len(FEATURES))), y, index, [f"g{i}" for i in range(len(y))],
        held={"small": (small_served_refuses, asked)} if held else None,
    )  # fmt: skip
    return rows, margins


def test_an_index_held_to_the_served_model_does_not_set_the_cut() -> None:
    """Round 29's policy: the seeds-only index may refuse as many answerable rows as the
    served model does; then the deployed index's target alone places the cut, one where the
    small index would have pushed it toward answering far beyond."""
    strict, margins = _two_index_rows(3, held=False)
    held, _ = _two_index_rows(3, held=True)
    assert strict.limit("small") == allowed(40) == 2
    assert held.limit("small") == 3
    assert held.limit("deployed") == strict.limit("deployed") == allowed(100)
    strict_shift, held_shift = _shift(margins, strict), _shift(margins, held)
    # Strict: the third low row (−2.0) must clear the cut by MARGIN, so the shift is +2.25.
    assert strict_shift == pytest.approx(2.25)
    # Held to the served model's three, the three low rows are let go: the next
    # answerable rows (+1.0) bind on both indexes, and the cut moves to −0.75.
    assert held_shift == pytest.approx(-0.75)
    # A served figure no more than the target allows relaxes nothing.
    same, _ = _two_index_rows(2, held=True)
    assert same.limit("small") == 2
    assert _shift(margins, same) == pytest.approx(strict_shift)


def test_an_index_held_to_the_served_model_is_read_in_sample() -> None:
    """Round 32: the held index's limit is a count of served decisions, so the cut reads
    that index on the margins of the fit being cut (in sample), the deployed index still
    out of fold. Out of fold the small index's third low row sits at −2.0 (the cut must
    move to +2.25 to let it through, as the target alone does); in sample the fit has
    seen it at +1.0, so only two rows fall below and the limit of 2 holds at −0.75."""
    rows, out_of_fold_margins = _two_index_rows(2, held=True)
    assert rows.limit("small") == 2
    in_sample = out_of_fold_margins.copy()
    third_low = np.flatnonzero((rows.index == "small") & (rows.y == 1))[2]
    in_sample[third_low] = 1.0
    assert _shift(out_of_fold_margins, rows) == pytest.approx(2.25)
    assert _shift(out_of_fold_margins, rows, in_sample) == pytest.approx(-0.75)
    # The deployed index never reads in-sample margins: moving its rows there moves nothing.
    deployed = in_sample.copy()
    deployed[rows.index == "deployed"] += 3.0
    assert _shift(out_of_fold_margins, rows, deployed) == pytest.approx(-0.75)
    # Not held, the small index is read out of fold like any other.
    strict, _ = _two_index_rows(2, held=False)
    assert _shift(out_of_fold_margins, strict, in_sample) == pytest.approx(2.25)


def test_steps_5_and_6_read_the_held_index_in_sample() -> None:
    """Round 32: a candidate's feasibility reads the held index's false abstention from
    the form fitted on all the rows (what would be served), the others out of fold; and
    `decided` records that in-sample figure, equal to the fitted form's on the rows."""
    limits = {"small": 0.07, "large": 0.05}
    out_of_fold = {"small": (0.9, 0.09), "large": (0.5, 0.04)}
    assert not Candidate(CORE, 0.1, out_of_fold, limits=limits).feasible
    assert Candidate(CORE, 0.1, out_of_fold, limits=limits, in_sample={"small": 0.06}).feasible
    over = {"small": (0.9, 0.06), "large": (0.5, 0.06)}
    assert not Candidate(CORE, 0.1, over, limits=limits, in_sample={"small": 0.0}).feasible
    rows = load(_rows("small", -0.15, 60, 3) + _rows("large", 0.1, 60, 4), ["small"])
    candidate, _ = decided(rows, CORE, 1.0)
    sub = rows.columns(CORE)
    whole = rates(fit(sub, 1.0).answers(sub.x), sub)
    assert candidate.in_sample == {"small": whole["small"][1]}
    assert decided(load(_rows("small", -0.15, 60, 3)), CORE, 1.0)[0].in_sample == {}


def test_the_recorded_figure_is_a_rate_read_on_the_rows_at_hand() -> None:
    """The recorded figure was counted on the whole index; a fold holds a few rows fewer,
    and keeps the nearest count of the same rate (3 of 40 recorded: 3 on 39 or 35 rows,
    2 on 26, 1 on 10, where the target alone allows none)."""
    rows, _ = _two_index_rows(3, held=True)
    small = np.flatnonzero((rows.index == "small") & (rows.y == 1))
    for dropped, limit in ((0, 3), (1, 3), (5, 3), (14, 2), (30, 1)):
        keep = np.ones(len(rows), dtype=bool)
        keep[small[:dropped]] = False
        assert rows.subset(keep).limit("small") == limit
    # The same three refused of a larger recorded set are a smaller rate.
    assert _two_index_rows(3, held=True, asked=80)[0].limit("small") == allowed(40)


def test_the_limit_is_the_recorded_figure_not_the_installed_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Round 30: the limit of an index held to the served model is `SEEDS_ONLY_SERVED`,
    recorded, so installing a refit as `MODEL` (here one that refuses every row) leaves it
    where it was; it travels with folds and column sets into `Candidate.feasible`."""
    import search_api.abstention as abstention

    raw = _rows("small", -0.15, 60, 3) + _rows("large", 0.1, 60, 4)
    n = sum(r["answerable"] for r in raw if r["index"] == "small")
    refused, asked = SEEDS_ONLY_SERVED
    expected = max(allowed(n), int(refused * n / asked + 0.5))
    rows = load(raw, ["small"])
    assert rows.limit("small") == expected
    refuse_all = AbstentionModel(intercept=-1e6, weights=MODEL.weights, partial_cosine=1.0)
    monkeypatch.setattr(abstention, "MODEL", refuse_all)
    monkeypatch.setattr("eval.fit_abstention.MODEL", refuse_all)
    assert load(raw, ["small"]).limit("small") == expected
    assert load(raw, ["small"], served=(n, n)).limit("small") == n
    fold = rows.subset(np.array([g != "g0" for g in rows.groups])).columns(CORE)
    assert fold.held == rows.held == {"small": SEEDS_ONLY_SERVED}
    assert load(raw).held == {}
    over = Candidate(CORE, 0.1, {"small": (0.9, 0.06), "large": (0.5, 0.0)})
    assert not over.feasible
    held = Candidate(CORE, 0.1, over.rates, limits={"small": 0.07, "large": 0.05})
    assert held.feasible
