# Two commands for a newcomer:  `make serve`  and  `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup serve test test-slow lint browser bench bench-quick reliability eval eval-converted clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# The CPU build of torch lies on this machine's disk; pinning it keeps pip from
	# pulling a multi-GB CUDA build.
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

## Index the corpus (incrementally; an unchanged corpus is reused) and serve on 127.0.0.1:8000.
serve: setup
	HF_HUB_OFFLINE=1 $(PY) -m search_api serve

## Lint, type-check and run the default test suite (includes the browser tests).
test: setup browser
	$(PY) -m ruff check indexer search_api eval bench deploy reliability tests
	$(PY) -m ruff format --check indexer search_api eval bench deploy reliability tests
	$(PY) -m mypy
	HF_HUB_OFFLINE=1 $(PY) -m pytest -m "not slow"

lint: setup
	$(PY) -m ruff check indexer search_api eval bench deploy reliability tests
	$(PY) -m ruff format --check indexer search_api eval bench deploy reliability tests
	$(PY) -m mypy

# Debian's Chromium for the browser tests (Playwright's own browser download does not work here),
# and axe-core from the npm registry, pinned by tests/browser/package-lock.json, which the
# accessibility test injects into the page.
# Only what is missing is installed: where Node.js came from elsewhere (NodeSource's nodejs
# brings its own npm), Debian's npm package conflicts with it and apt refuses the lot.
browser:
	@missing="$$(command -v chromium >/dev/null || echo chromium chromium-driver) \
		$$(command -v npm >/dev/null || echo npm)"; \
	if [ -n "$$(echo $$missing)" ]; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; fi
	@[ tests/browser/node_modules/.package-lock.json -nt tests/browser/package-lock.json ] || \
		npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error

## Slow checks and benchmarks, kept out of `make test`.
test-slow: setup
	HF_HUB_OFFLINE=1 $(PY) -m pytest -m slow

## Benchmarks (long; `make bench-quick` for a few minutes). Results go to bench/RESULTS.md.
bench: setup
	HF_HUB_OFFLINE=1 $(PY) -m bench all

bench-quick: setup
	HF_HUB_OFFLINE=1 $(PY) -m bench all --quick

## Long reliability campaigns (kill loops, load, fuzzing). Results go to reliability/RESULTS.md.
reliability: setup
	HF_HUB_OFFLINE=1 $(PY) -m reliability all

# Regenerates every committed results folder. dev and seeds are in-sample (the constants
# were tuned on them); heldout holds the tune/test split of eval/questions/ (report `test`).
# Indexes are cached under .cache/ so a re-run reuses them.
EVAL_RUN = HF_HUB_OFFLINE=1 $(PY) -m eval run
# The shared folder (archives, development questions) as the tests and the bench find it:
# beside the checkout or above it (a worktree), or SCRUTINY_SHARED (eval/shared.py).
SHARED = $(shell $(PY) -m eval.shared)
HELDOUT_CORPUS = corpus $(SHARED)/archives/kent $(SHARED)/archives/kingston

eval: setup
	$(EVAL_RUN) --questions $(SHARED)/eval/dev_questions.jsonl --corpus corpus \
		--index .cache/eval-seeds-index --out-dir eval/results/dev
	$(EVAL_RUN) --questions eval/questions.jsonl --corpus corpus \
		--index .cache/eval-seeds-index --out-dir eval/results/seeds
	$(EVAL_RUN) --questions eval/questions/kent.jsonl eval/questions/seeds.jsonl \
		eval/questions/kingston.jsonl eval/questions/unanswerable.jsonl \
		--corpus $(HELDOUT_CORPUS) --index .cache/eval-heldout-index --out-dir eval/results/heldout

# The heldout questions on the Kent papers as a council's converted archive would arrive:
# PDF-to-Markdown (pymupdf4llm) text with the same manifest (eval/ANALYSIS.md "Round 6").
# Not part of `make eval`: converting the 129 PDFs takes minutes on 2 cores (files already
# converted from the same PDF bytes are reused), and the index is built apart from the PDF one.
CONVERTED_CORPUS = corpus .cache/converted/kent $(SHARED)/archives/kingston

eval-converted: setup
	HF_HUB_OFFLINE=1 $(PY) -m eval.convert $(SHARED)/archives/kent .cache/converted/kent --jobs 2
	$(EVAL_RUN) --questions eval/questions/kent.jsonl eval/questions/seeds.jsonl \
		eval/questions/kingston.jsonl eval/questions/unanswerable.jsonl --mode hybrid \
		--corpus $(CONVERTED_CORPUS) --index .cache/eval-converted-index \
		--out-dir eval/results/converted

clean:
	rm -rf data .cache .pytest_cache .mypy_cache .ruff_cache
