# The archive's commands. Each target bootstraps .venv itself (python3 and make are all it needs).
# `make help` lists them.

PYTHON      ?= python3
VENV        := .venv
BIN         := $(VENV)/bin
SOURCEDIR   := docs
BUILDDIR    := _build
SPHINXOPTS  ?= -W --keep-going -n
SPHINXBUILD := $(BIN)/sphinx-build
HOST        ?= 127.0.0.1
PORT        ?= 8000

.DEFAULT_GOAL := help
.PHONY: help html test test-fast serve linkcheck clean bench-build bench

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  make \1\t/' | expand -t 20

# The stamp files record what was installed and are remade whenever pyproject.toml changes.
$(VENV)/.stamp-docs: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[site]'
	touch $@

$(VENV)/.stamp-test: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[site,test]'
	touch $@ $(VENV)/.stamp-docs

html: $(VENV)/.stamp-docs ## build the site into _build/html (warnings are errors)
	$(SPHINXBUILD) -b html $(SPHINXOPTS) $(SOURCEDIR) $(BUILDDIR)/html

# The browser tests' npm tools (axe-core, vnu-jar), exactly as package-lock.json pins them. Install
# scripts are not run: vnu-jar's would fetch a Java runtime, and the machine's Java serves.
BROWSER_TOOLS := tests/browser/node_modules/.package-lock.json
$(BROWSER_TOOLS): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --ignore-scripts --no-audit --no-fund
	touch $@

test: $(VENV)/.stamp-test $(BROWSER_TOOLS) ## run every test, as CI does
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: $(VENV)/.stamp-test ## the tests that need only Python (no browser, no npm; about a minute)
	$(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS)

serve: $(VENV)/.stamp-test ## live-reloading preview on http://127.0.0.1:8000
	$(BIN)/sphinx-autobuild --host $(HOST) --port $(PORT) --watch editions --watch ext \
		--watch references.bib $(SOURCEDIR) $(BUILDDIR)/serve

linkcheck: $(VENV)/.stamp-docs ## check every external link
	$(SPHINXBUILD) -b linkcheck $(SOURCEDIR) $(BUILDDIR)/linkcheck

# The benchmarks share the test support code (tests/support: the synthetic archive, site copies).
bench-build: $(VENV)/.stamp-test ## time full, one-edit and -j 2 builds of 10, 50 and 200 synthetic editions
	PYTHONPATH=tests $(BIN)/python benchmarks/build_scale.py $(BENCH_SIZES)

bench: $(VENV)/.stamp-test ## reader speed (Lighthouse, bytes, requests per page kind) and build times
	PYTHONPATH=tests $(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

clean: ## remove build output (keeps .venv)
	rm -rf $(BUILDDIR)
