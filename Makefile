# Two commands for people: `make report` and `make test`. Both bootstrap .venv from
# pyproject.toml at the exact versions of constraints.txt (those the committed notebook
# outputs were made with, so nbval compares like with like), so a machine with Python 3.11
# and pip needs nothing else.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
CORPUS ?=
OUT    ?=
SHOW_CODE ?=
MB     ?= 50
WRITE  ?=
# matplotlib's font cache lives in the venv and is built during set-up: on a fresh machine
# its "building the font cache" message would otherwise land in a notebook's stderr (nbval).
export MPLCONFIGDIR := $(CURDIR)/$(VENV)/mplconfig

.PHONY: report test bench venv notebooks clean-reports

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[report,test,eval,dask]' -c constraints.txt
	$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	$(PY) -c "import matplotlib.pyplot; from zhaoshang.outputs.fonts import font_path; font_path('sc'); font_path('tc')"
	touch $(STAMP)

report: $(STAMP)
	$(VENV)/bin/zhaoshang report $(if $(CORPUS),--corpus $(CORPUS)) $(if $(OUT),--out $(OUT)) $(if $(SHOW_CODE),--show-code)

test: $(STAMP)
	$(PY) -m pytest tests --nbval notebooks -p no:cacheprovider

# The corpus benchmark (bench/corpus_bench.py, its docstring says what each number means): throughput
# next to jieba.lcut, jobs 2 against jobs 1, peak memory at 5 MB and MB megabytes, stages, pathological
# documents; a Markdown report on stdout, also bench/results.md with WRITE=1. Several minutes at the
# default MB=50 on two cores; MB=10 for a quick run. PYTHONPATH: this checkout's code, whatever the venv.
bench: $(STAMP)
	PYTHONPATH=$(CURDIR)/lib $(PY) bench/corpus_bench.py --mb $(MB) $(if $(WRITE),--write)

# For maintainers: re-execute the committed notebooks (their outputs are nbval's baseline)
# after a library change, without execution timestamps.
notebooks: $(STAMP)
	$(PY) -c "from zhaoshang.outputs.report import notebooks, execute_in_place; [print(execute_in_place(p)) for p in notebooks()]"

clean-reports:
	rm -rf reports
