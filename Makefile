# The two quick-start targets (`make events`, `make test`) create .venv and install
# everything on first use, so a fresh clone needs only Python 3.10+ and make.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SEED := seeds/000_7d62ded530ff2750.txt
export EVENTX_DATA ?= $(abspath ../shared/data)

.PHONY: events test docs bench evaluate clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned: a CPU build lies on the build machines, and an unpinned
	# torch would pull a multi-GB CUDA build
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e ".[test,geo,docs,bench]"
	touch $@

## events: print the events of the seed article
events: $(BIN)/.installed
	$(BIN)/eventx $(SEED) --reference-date 2025-02-17 --format table

## test: the test suite, then the docs built with warnings as errors and their doctests
test: $(BIN)/.installed
	$(BIN)/python -m pytest
	$(BIN)/sphinx-build -q -W -n --keep-going -b html docs docs/_build/html
	$(BIN)/sphinx-build -q -W -n -b doctest docs docs/_build/doctest

docs: $(BIN)/.installed
	$(BIN)/sphinx-build -W -n --keep-going -b html docs docs/_build/html

## bench: speed benchmarks, then the performance page's table and plot
bench: $(BIN)/.installed
	# eventx's bytecode, as pip writes it when it installs the wheel: an editable checkout
	# run with PYTHONDONTWRITEBYTECODE set (as on the build machines) would otherwise
	# compile eventx's sources on every cold start (~0.2 s of it)
	$(BIN)/python -m compileall -q src/eventx
	# three rounds of the corpus benchmarks: single runs on a shared VM move by up to 30 %
	EVENTX_BENCH_ROUNDS=$${EVENTX_BENCH_ROUNDS:-3} $(BIN)/python -m pytest benchmarks --benchmark-only --benchmark-json=build/benchmarks.json
	$(BIN)/python benchmarks/report.py build/benchmarks.json

## evaluate: every accuracy evaluation (minutes each on 2 cores)
evaluate: $(BIN)/.installed
	for name in tempeval plover meantime ud; do $(BIN)/python -m eventx.evaluate $$name || exit 1; done

clean:
	rm -rf $(VENV) docs/_build build/benchmarks.json
