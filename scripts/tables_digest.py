"""Print a SHA-256 per table for the sample and the reference corpora.

Used to show that a refactoring changes no output: run it before and after and
compare (``diff``). Writes the CSVs through the same export as ``analyze``.

    .venv/bin/python scripts/tables_digest.py [--jobs 2] > digests.txt
"""
from __future__ import annotations

import argparse
import hashlib
import tempfile
from pathlib import Path

from zhaoshang import paths
from zhaoshang.corpus import analyze
from zhaoshang.outputs.export import save_tables

CORPORA = {"data/raw": paths.RAW,
           "national-gwr": paths.SHARED_CORPUS / "national-gwr",
           "hailar-gwr-gbk": paths.SHARED_CORPUS / "hailar-gwr-gbk"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("corpora", nargs="*", default=list(CORPORA))
    args = ap.parse_args()
    for label in args.corpora:
        source = CORPORA.get(label, Path(label))
        tables = analyze(source, jobs=args.jobs, cache=False, progress=False)
        with tempfile.TemporaryDirectory() as tmp:
            for f in sorted(save_tables(tables, tmp, formats=("csv",))):
                print(f"{label}\t{f.name}\t{hashlib.sha256(f.read_bytes()).hexdigest()[:16]}")


if __name__ == "__main__":
    main()
