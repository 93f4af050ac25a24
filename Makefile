# Two commands for people: `make report` and `make test`. Both bootstrap .venv
# from pyproject.toml first, so a machine with Python 3.11 and pip needs nothing else.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
CORPUS ?=
OUT    ?=
SHOW_CODE ?=

.PHONY: report test venv clean-reports

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch $(STAMP)

report: $(STAMP)
	$(VENV)/bin/zhaoshang report $(if $(CORPUS),--corpus $(CORPUS)) $(if $(OUT),--out $(OUT)) $(if $(SHOW_CODE),--show-code)

test: $(STAMP)
	$(PY) -m pytest tests --nbval notebooks -p no:cacheprovider

clean-reports:
	rm -rf reports
