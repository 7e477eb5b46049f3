# The habits of this project: a newcomer and CI run the same commands.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test index eval clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,serve]'
	touch $(STAMP)

## make run: build the index if needed, then answer Q="…" or open the terminal app
run: install
	@if [ -n "$(Q)" ]; then $(BIN)/kexie-ask "$(Q)"; else $(BIN)/kexie; fi

test: install
	$(BIN)/python -m pytest

index: install
	$(BIN)/kexie index

eval: install
	$(BIN)/python scripts/score.py

## make tui-check: try the terminal app as a person would, in tmux at 80x24 (needs tmux)
.PHONY: tui-check
tui-check: install
	$(BIN)/python scripts/tui_check.py

## make bench [CORPUS=build/scale-1000] [INGEST=file.pdf]: build (and after one document added, and kexie ingest),
## index size, one-shot and in-process answer times
.PHONY: bench scale-corpus
CORPUS ?= corpus
bench: install
	$(BIN)/python scripts/bench.py --corpus $(CORPUS) $(if $(INGEST),--ingest "$(INGEST)")

## make scale-corpus N=1000: a synthetic corpus of N disclosures in build/scale-N (never corpus/)
N ?= 100
scale-corpus: install
	$(BIN)/python scripts/scale_corpus.py $(N)

clean:
	rm -rf $(VENV) index/*.db .pytest_cache

## make roundtrip [DB=other.db]: ask every fact of an index its canonical question; the rate and the failures by reason
.PHONY: roundtrip
roundtrip: install
	$(BIN)/python scripts/roundtrip.py $(if $(DB),--db $(DB))

## make paraphrases [DB=other.db]: ~5,000 seeded paraphrases of the canonical questions; the rate by kind
.PHONY: paraphrases
paraphrases: install
	$(BIN)/python scripts/paraphrases.py $(if $(DB),--db $(DB))
