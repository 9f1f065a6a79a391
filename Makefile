# claim-pipeline: `make extract` and `make test` do everything on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared
WORKERS ?= 2

.DEFAULT_GOAL := help
.PHONY: help setup extract test lint eval bench train report clean checks speakers

help: ## List the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP) ## Create .venv and install the pinned dependencies

extract: $(STAMP) ## Extract claims from corpus/ into out/claims.jsonl and print a summary
	@mkdir -p out
	$(BIN)/claims extract corpus/ -o out/claims.jsonl --errors out/errors.jsonl --workers $(WORKERS)

test: $(STAMP) ## Run the test suite
	$(BIN)/pytest

lint: $(STAMP) ## ruff and mypy
	$(BIN)/ruff check pipeline tests scripts
	$(BIN)/mypy

eval: $(STAMP) ## Score dates, quantities, attributions, check-worthiness, claims, standalone claims on ../shared (skips if absent)
	$(BIN)/python scripts/eval.py --shared $(SHARED)

checks: $(STAMP) ## Precision (read verdicts) and recall (mutation) of the in-article checks
	$(BIN)/python scripts/eval_checks.py --shared $(SHARED)

speakers: $(STAMP) ## Speakers of wire copy on ../shared Reuters-21578 (per cues, pronoun/company sources)
	$(BIN)/python scripts/eval_speakers.py --shared $(SHARED)

bench: $(STAMP) ## Throughput and memory against bare spaCy and the naive combination
	$(BIN)/python scripts/bench.py --shared $(SHARED)

train: $(STAMP) ## Retrain the check-worthiness model from ../shared/data/claimbuster
	$(BIN)/python scripts/train_checkworthiness.py

report: $(STAMP) ## Write the review page of corpus/ to out/report.html
	@mkdir -p out
	$(BIN)/claims report corpus/ -o out/report.html

clean: ## Remove outputs (keeps .venv)
	rm -rf out
