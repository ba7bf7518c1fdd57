"""`python -m bench all` (what `make bench` and `make bench-quick` run) is the documented
way to benchmark: each of its steps must be a command line the real parser takes, with
every option its sub-command reads, or the run stops at that step after minutes of work."""

from __future__ import annotations

from bench.cli import all_steps, build_parser, cmd_indexing


def test_every_step_of_bench_all_is_a_command_line_the_parser_takes() -> None:
    parser = build_parser()
    for quick in (True, False):
        steps = [parser.parse_args(argv) for argv in all_steps(quick, runs=1)]
        assert [s.command for s in steps] == ["indexing", "latency", "real-scale", "report"]
        assert all(callable(s.func) and s.quick == quick for s in steps if "quick" in s)
    indexing = parser.parse_args(all_steps(True, runs=1)[0])
    # What `cmd_indexing` reads of its namespace; `configs` None runs every pipeline.
    assert indexing.func is cmd_indexing and indexing.kent == "all" and indexing.runs == 1
    assert indexing.configs is None and indexing.generated == 0
