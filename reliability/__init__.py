"""Long reliability campaigns (kill loops, load, fuzzing), kept out of the default tests.

Run from the repository root: `python -m reliability --help`. Each campaign appends its
figures to `reliability/RESULTS.md`. The fast versions live in `tests/reliability/`.
"""
