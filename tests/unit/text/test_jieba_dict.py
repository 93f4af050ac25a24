"""Tests for zhaoshang.text.jieba_dict: one quiet reader of jieba's dictionary."""
from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from zhaoshang.resources import ResourceError
from zhaoshang.text import jieba_dict


def test_location_is_the_installed_jiebas_dict_txt():
    path = jieba_dict.location()
    assert path.name == "dict.txt" and path.parent.name == "jieba" and path.is_file()


def test_read_once_without_importing_jieba_or_writing_to_stderr():
    code = ("import sys; from zhaoshang.text import jieba_dict as d; "
            "assert d.dictionary() is d.dictionary() and len(d.dictionary()) > 300000; "
            "assert 'jieba' not in sys.modules, 'jieba was imported'")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"PYTHONPATH": ":".join(sys.path)})
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_columns_and_frequencies(tmp_path):
    f = tmp_path / "dict.txt"
    f.write_text("产业 500 n\nB超 3 n\n\n招商 20\nB超 3 n\n", encoding="utf-8")
    d = jieba_dict.read(f)
    assert list(d) == [("产业", 500, "n"), ("B超", 3, "n"), ("招商", 20, ""), ("B超", 3, "n")]
    assert len(d) == 4 and d.path == f
    freqs = jieba_dict.frequencies()
    assert freqs["产业"] == sum(n for w, n, _ in jieba_dict.dictionary() if w == "产业")
    assert freqs["B超"] == 6  # listed twice in jieba's file: the lines add up


def test_missing_dictionary_names_the_path(tmp_path):
    missing = tmp_path / "jieba" / "dict.txt"
    with pytest.raises(ResourceError, match="missing") as err:
        jieba_dict.read(missing)
    assert str(missing) in str(err.value)


def test_malformed_line_names_file_and_line(tmp_path):
    f = tmp_path / "dict.txt"
    f.write_text("产业 500 n\n招商 many n\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="line 2") as err:
        jieba_dict.read(f)
    assert str(f) in str(err.value)


def test_jieba_not_installed(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "jieba" else real(name, *a))
    with pytest.raises(ResourceError, match="jieba/dict.txt"):
        jieba_dict.location()
