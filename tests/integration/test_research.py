"""Panels, the document-term matrix and validation on the reference corpora, checked against
counts made by reading the texts."""
from __future__ import annotations

import openpyxl
import pandas as pd
import pytest
from conftest import shared_corpus
from zhaoshang.cli import main
from zhaoshang.corpus import run
from zhaoshang.research import first_appearance, panel, terms_by_year

# 营商环境 in national-gwr, counted by hand (grep of each report, line breaks and spaces allowed
# inside the phrase; the 2020 report is not in the corpus, and no report before 2014 has it)
BUSINESS_ENVIRONMENT = {2014: 1, 2015: 1, 2018: 4, 2019: 5, 2021: 4, 2022: 3, 2023: 3, 2024: 2, 2025: 1}
# 招商引资 in hailar-gwr-gbk (the GBK bytes decoded and grepped by hand): 2019 has none
INVESTMENT_PROMOTION = {2012: 2, 2013: 1, 2014: 1, 2015: 2, 2016: 3, 2017: 1, 2018: 5, 2019: 0}


@pytest.fixture(scope="module")
def national():
    return run(shared_corpus("national-gwr"), cache=False, progress=False)


def test_national_panel_counts_business_environment_per_year_as_read(national):
    p = panel(national)
    rows = p[p["measure"] == "营商环境"].set_index("year")
    assert list(rows.index) == list(range(1954, 2026))  # every year, the gaps included
    assert set(rows["unit"]) == {"全国"} and set(rows["unit_level"]) == {"country"}
    assert {y: int(n) for y, n in rows["count"].items() if n} == BUSINESS_ENVIRONMENT
    assert rows.loc[2020, "count"] == 0 and rows.loc[2020, "n_docs"] == 0 and pd.isna(rows.loc[2020, "per_10k"])
    assert rows.loc[2019, "n_docs"] == 1
    docs = national.documents.set_index("year")
    report = docs.loc[2019]
    assert rows.loc[2019, "n_chars"] == report["n_chars"] + len(report["title"] if isinstance(report["title"], str) else "")
    assert rows.loc[2019, "per_10k"] == pytest.approx(5e4 / rows.loc[2019, "n_chars"], abs=1e-4)
    # one row per year × measure: balanced
    assert len(p) == p["measure"].nunique() * 72
    assert first_appearance(national, ["营商环境"]).iloc[0]["first_year"] == 2014
    years = terms_by_year(national, ["营商环境"])
    assert years.set_index("year").loc[1961, "gap"] and not years.isna().any().any()


def test_hailar_panel_dta_and_dtm_through_the_cli(tmp_path):
    out = tmp_path / "tables"
    code = main(["analyze", str(shared_corpus("hailar-gwr-gbk")), "--out", str(out), "--quiet", "--no-cache",
                 "--format", "csv,dta", "--dtm", "csv"])
    assert code == 0
    docs = pd.read_csv(out / "documents.csv", dtype=str)
    assert set(docs["place"]) == {"海拉尔区"} and set(docs["province"]) == {"内蒙古自治区"}
    p = pd.read_csv(out / "panel.csv", dtype={"unit_code": str})
    rows = p[p["measure"] == "招商引资"].set_index("year")
    assert set(rows["unit"]) == {"海拉尔区"} and set(rows["unit_code"]) == {"150702"}
    assert rows["count"].to_dict() == INVESTMENT_PROMOTION
    assert (rows["n_docs"] == 1).all()
    with pd.io.stata.StataReader(out / "panel.dta") as reader:
        labels = reader.variable_labels()
        values = reader.value_labels()
        data = reader.read()
    assert labels["per_10k"].startswith("count per 10,000 characters")
    assert values["measure_kind"] == {0: "term", 1: "category", 2: "figure_family"}
    # the reports' figures carry metric families: their rows are <family>_amount / <family>_count
    assert data["measure_kind"].dtype == "category" and set(data["measure_kind"]) == {
        "term", "category", "figure_family"}
    families = set(data.loc[data["measure_kind"] == "figure_family", "measure"])
    assert families and all(m.endswith(("_amount", "_count")) for m in families)
    assert len(data) == len(p)
    dtm = pd.read_csv(out / "dtm.csv", encoding="utf-8-sig", dtype={"doc_id": str})
    assert len(dtm) == 8 and dtm.set_index("doc_id")["招商引资"].to_dict() == {
        str(y): n for y, n in INVESTMENT_PROMOTION.items()}
    assert (dtm.drop(columns="doc_id") >= 0).all().all()


def test_sample_and_score_through_the_cli(tmp_path, capsys):
    coding = tmp_path / "coding.xlsx"
    code = main(["sample", "figures", "--corpus", str(shared_corpus("hailar-gwr-gbk")), "--n", "12",
                 "--seed", "1", "--out", str(coding)])
    assert code == 0
    book = openpyxl.load_workbook(coding)
    assert book.sheetnames == ["coding", "how to code"]
    sheet = book["coding"]
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 12
    text, sentence = header.index("value"), header.index("sentence")
    # each figure as written is in its sentence (the value field starts with the figure's text)
    assert all(r[text].split(" .. ")[0] in r[sentence] for r in rows)
    ok = header.index("ok_value") + 1
    for i in range(2, 14):  # code by hand: the first nine right, the last three wrong
        sheet.cell(row=i, column=ok, value=1 if i < 11 else 0)
    book.save(coding)
    capsys.readouterr()
    assert main(["score", str(coding), "--format", "csv"]) == 0
    scores = pd.read_csv(pd.io.common.StringIO(capsys.readouterr().out)).set_index("field")
    assert scores.loc["value", ["judged", "right", "precision"]].tolist() == [12, 9, 0.75]
    assert scores.loc["place", "judged"] == 0
    assert main(["score", str(tmp_path / "missing.xlsx")]) == 2
