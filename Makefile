# Each target creates the virtual environment it needs (.venv) on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-test
CHROMIUM := /usr/bin/chromium
OUT    := out

.PHONY: demo test bench schemas cassettes live lint clean chromium postgresql docs cli-reference schema-reference

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,browser,docs]'
	touch $(STAMP)

## demo: extract the bundled sample articles offline, score, validate and render them
demo: $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/claimkit extract examples/articles -o $(OUT)/claims.jsonl
	$(BIN)/claimkit eval --gold examples/gold $(OUT)/claims.jsonl
	$(BIN)/claimkit validate --fail-on never $(OUT)/claims.jsonl
	$(BIN)/claimkit view $(OUT)/claims.jsonl -o $(OUT)/report.html
	@echo "Results: $(OUT)/claims.jsonl (claims, JSONL) and $(OUT)/report.html (open in a browser)"

## chromium: Debian's Chromium for the report's browser tests (apt-get, as root; never a downloaded browser)
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing chromium (apt-get) for the browser tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "chromium could not be installed: the browser tests will skip"; \
	  else echo "no $(CHROMIUM) and not root: the browser tests will skip (apt-get install chromium)"; fi; \
	fi

## postgresql: Debian's PostgreSQL server for the claim store's tests (apt-get, as root); the
## tests start it on 127.0.0.1 in a temporary directory and stop it
postgresql:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing postgresql (apt-get) for the claim store's tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
	      || echo "postgresql could not be installed: the PostgreSQL tests will skip"; \
	  else echo "no PostgreSQL server and not root: the PostgreSQL tests will skip (apt-get install postgresql)"; fi; \
	fi

## test: the whole test suite, offline (LLM tests replay recorded cassettes; browser tests use
## Chromium; store tests a PostgreSQL server of their own)
test: $(STAMP) chromium postgresql
	$(BIN)/python -m pytest -q

## bench: the benchmarks under bench/ (not tests); they print their figures
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/grounding.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/validate.py
	$(BIN)/python bench/report.py

## docs: the documentation site (mkdocs, Material theme) into site/
docs: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

## cli-reference: regenerate docs/cli-reference.md from the commands' --help
cli-reference: $(STAMP)
	$(BIN)/python tools/cli_reference.py

## schema-reference: regenerate docs/schema-reference.md from the models
schema-reference: $(STAMP)
	$(BIN)/python tools/schema_reference.py

## schemas: regenerate the JSON Schema files under schemas/
schemas: $(STAMP)
	$(BIN)/claimkit schema -o schemas

## cassettes: re-record the LLM test cassettes against the scripted server (no model, no key)
cassettes: $(STAMP)
	rm -f tests/cassettes/*.yaml
	$(BIN)/python -m pytest tests/llm --record-mode=once -q

## live: the LLM tests against a real endpoint (CLAIMKIT_LIVE=1 and OPENAI_API_KEY, or CLAIMKIT_BASE_URL and CLAIMKIT_MODEL)
live: $(STAMP)
	CLAIMKIT_LIVE=1 $(BIN)/python -m pytest tests/llm -m live -q

lint: $(STAMP)
	$(BIN)/python -m pip install --quiet mypy ruff
	$(BIN)/python -m ruff check src tests bench examples tools
	$(BIN)/python -m mypy

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache site
