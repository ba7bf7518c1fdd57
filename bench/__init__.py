"""Performance benchmarks at archive scale: `python -m bench --help`.

Kept out of `make test`; see bench/RESULTS.md for the numbers and how they were made.
"""
