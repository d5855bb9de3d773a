# Two entry points: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: run test lint bench bundle clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/quiz-app

test: $(STAMP)
	$(BIN)/ruff check quiz_app tests bench
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check quiz_app tests bench

bench: $(STAMP)
	$(BIN)/python bench/run.py

# The trainer bundle (docs: packaging/, README): a one-folder app in dist/KuisASN-<version>/
# and a tarball, built from a clean venv so no system PySide6 slips in.
BUNDLE_VENV := .venv-bundle
bundle:
	test -x $(BUNDLE_VENV)/bin/python || $(PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BUNDLE_VENV)/bin/python -m pip install --quiet '.[bundle]'
	PYINSTALLER_CONFIG_DIR=$(CURDIR)/build/pyinstaller-cache $(BUNDLE_VENV)/bin/pyinstaller \
		--noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/kuis_asn.spec
	$(BUNDLE_VENV)/bin/python packaging/linux/make_tarball.py

clean:
	rm -rf $(VENV) $(BUNDLE_VENV) build dist *.egg-info
