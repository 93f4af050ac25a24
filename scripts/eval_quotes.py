"""Score quotation finding, speaker attribution and roles against the hand-labelled dev gold.

    PYTHONPATH=lib python scripts/eval_quotes.py [--corpus ../shared/corpus] [--errors]

Gold: ``lib/zhaoshang/resources/gold/quotes_dev.jsonl`` (see the README there). A gold item is
matched to a row of the same document whose text starts with the gold prefix (quotation marks
excluded). Speech items: *found* when a quotes row matches; speaker accuracy and role accuracy are
measured on found items (a speaker is right when the row's speaker and the gold speaker are equal or
one contains the other, spaces ignored). Slogan items: *found* when a slogans row matches.

The gold is not exhaustive (not every quotation of a document is labelled), so precision is measured
on the labelled items: quotes precision = of the labelled items that came out as quotes rows, the
share that are speech; slogan precision = of those that came out as slogans rows, the share that are
slogans.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

import zhaoshang
from zhaoshang import resources
from zhaoshang.analyses.rhetoric import analyse

GOLD = "gold/quotes_dev.jsonl"
BODIES = "gold/bodies_dev.jsonl"
"""Article bodies as they should be after cleaning, as anchored spans of the page's visible text."""
"""Package data, read only here (no per-document analysis reads it)."""
CHECK = "gold/quotes_check.jsonl"
"""A small check set labelled after the rules were written, from pages not used to write them."""


def _norm(s):
    return "".join((s or "").split())


def speaker_ok(pred, gold):
    p, g = _norm(pred), _norm(gold)
    return bool(p) and bool(g) and (p == g or g in p or p in g)


def _match(rows, prefix, used):
    for i, r in enumerate(rows):
        key = (id(rows), i)
        if key not in used and r["quote"].startswith(prefix):
            used.add(key)
            return r
    return None


def page_text(path: Path) -> str:
    """Every visible line of an HTML page (scripts and styles dropped), trimmed: the text a body
    gold span is anchored in. Deliberately simpler than the pipeline, so the gold does not depend
    on the code it scores."""
    from bs4 import BeautifulSoup
    from zhaoshang.stages.ingest import decode_html

    html, _ = decode_html(path.read_bytes(), path.name)
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "template"]):
        tag.decompose()
    lines = (" ".join(ln.split()) for ln in soup.get_text("\n").split("\n"))
    return "\n".join(ln for ln in lines if ln)


def gold_body(item: dict, corpus: Path) -> str:
    """The labelled body: each span runs from its first anchor to its end anchor (the end anchor's
    occurrence after the start, skipping the optional count), spans joined by newlines."""
    text = page_text(corpus / item["source"])
    parts = []
    for span in item["spans"]:
        start, end, skip = (span + [0])[:3]
        i = text.index(start)
        j = i
        for _ in range(skip + 1):
            j = text.index(end, j) + len(end)
        parts.append(text[i:j])
    return "\n".join(parts)


def lcs_length(a: str, b: str) -> int:
    """Length of the longest common subsequence of ``a`` and ``b`` (bit-parallel, Allison–Dix)."""
    masks: dict[str, int] = {}
    for i, ch in enumerate(a):
        masks[ch] = masks.get(ch, 0) | (1 << i)
    full = (1 << len(a)) - 1
    row = full
    for ch in b:
        u = row & masks.get(ch, 0)
        row = ((row + u) | (row - u)) & full
    return len(a) - bin(row).count("1")


def char_error_rate(pred: str, gold: str) -> float:
    """Insertions + deletions turning ``pred`` into ``gold``, over the gold's length; whitespace
    ignored (line breaks are layout, not text). Cleaning only deletes, so this counts furniture
    left in and article text lost."""
    p, g = _norm(pred), _norm(gold)
    return (len(p) + len(g) - 2 * lcs_length(p, g)) / max(1, len(g))


def cleaning_table(corpus: Path, gold_name: str = BODIES, show_worst: int = 0) -> None:
    gold = [json.loads(x) for x in resources.read_text(gold_name).splitlines() if x.strip()]
    rates = []
    for item in gold:
        doc = zhaoshang.load_document(str(corpus / item["source"]))
        want = gold_body(item, corpus)
        rates.append((char_error_rate(doc.body, want), item["source"], len(_norm(doc.body)), len(_norm(want))))
    by_site = defaultdict(list)
    for r in rates:
        by_site[Path(r[1]).name.split("_")[0]].append(r[0])
    mean = sum(r[0] for r in rates) / len(rates)
    pooled = sum(r[0] * r[3] for r in rates) / sum(r[3] for r in rates)
    print(f"cleaning: {len(rates)} labelled bodies ({gold_name}), character error rate "
          f"{pooled:.3f} over all gold characters, {mean:.3f} mean per document (0 = exactly the article)")
    for site, xs in sorted(by_site.items()):
        print(f"  {site:<12}{len(xs):>4} docs  CER {sum(xs) / len(xs):.3f}  worst {max(xs):.3f}")
    for rate, src, n_pred, n_gold in sorted(rates, reverse=True)[:show_worst]:
        print(f"  {rate:.3f} {src} (body {n_pred} chars, gold {n_gold})")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--errors", action="store_true", help="list the items scored wrong")
    ap.add_argument("--gold", default=GOLD, help=f"a gold resource (default {GOLD}; {CHECK}: the check set)")
    ap.add_argument("--cleaning", action="store_true", help="only the cleaning table")
    args = ap.parse_args(argv)
    if args.cleaning:
        cleaning_table(Path(args.corpus), show_worst=8 if args.errors else 0)
        return
    gold = [json.loads(x) for x in resources.read_text(args.gold).splitlines() if x.strip()]
    tables = {}
    for src in sorted({g["source"] for g in gold}):
        doc = zhaoshang.load_document(str(Path(args.corpus) / src))
        res = analyse(doc)
        tables[src] = (res["quotes"], [{**r, "quote": r["slogan"]} for r in res["slogans"]
                                       if not r["nested"]])
    used: set = set()
    c = Counter()
    per_role = defaultdict(Counter)
    errors = []
    for g in gold:
        quotes, slogans = tables[g["source"]]
        q = _match(quotes, g["quote"], used)
        s = _match(slogans, g["quote"], used) if q is None else None
        if g["kind"] == "speech":
            pr = per_role[g["role"]]
            for k in (c, pr):
                k["speech"] += 1
            if q is None:
                errors.append(("missed" if s is None else "as slogan", g, None))
                c["speech_as_slogan"] += s is not None
                continue
            for k in (c, pr):
                k["found"] += 1
            sp_ok = speaker_ok(q["speaker"], g["speaker"])
            ro_ok = q["role"] == g["role"]
            for k in (c, pr):
                k["speaker"] += sp_ok
                k["role"] += ro_ok
            if not (sp_ok and ro_ok):
                errors.append(("speaker" if not sp_ok else "role", g, q))
        else:
            c["slogan"] += 1
            if s is not None:
                c["slogan_found"] += 1
            else:
                errors.append(("slogan as speech" if q is not None else "slogan missed", g, q))
                c["slogan_as_speech"] += q is not None
    f = lambda a, b: f"{a / b:.2f}" if b else "  - "
    n, found = c["speech"], c["found"]
    print(f"gold: {n} quotations, {c['slogan']} slogans in {len(tables)} documents ({args.gold})")
    print(f"quotations found (recall)      {f(found, n)}  ({found}/{n})")
    print(f"quotations precision (labelled) {f(found, found + c['slogan_as_speech'])}"
          f"  ({c['slogan_as_speech']} slogans came out as quotes)")
    print(f"speaker right (of found)       {f(c['speaker'], found)}  ({c['speaker']}/{found})")
    print(f"role right (of found)          {f(c['role'], found)}  ({c['role']}/{found})")
    print(f"slogans recall                 {f(c['slogan_found'], c['slogan'])}  ({c['slogan_found']}/{c['slogan']})")
    print(f"slogans precision (labelled)   {f(c['slogan_found'], c['slogan_found'] + c['speech_as_slogan'])}"
          f"  ({c['speech_as_slogan']} quotations came out as slogans)")
    print()
    print(f"{'role':<12}{'gold':>6}{'found':>8}{'speaker':>9}{'role':>7}")
    for role in ("official", "enterprise", "other", "unknown"):
        k = per_role.get(role)
        if not k:
            continue
        print(f"{role:<12}{k['speech']:>6}{f(k['found'], k['speech']):>8}{f(k['speaker'], k['found']):>9}"
              f"{f(k['role'], k['found']):>7}")
    if args.errors:
        print()
        for what, g, q in errors:
            got = f"{q['speaker']!r} {q['role']} ({q.get('pattern')})" if q and "speaker" in q else ""
            print(f"{what:<16} {g['source'][9:]:<11} {g['quote'][:14]:<16} gold {g['speaker']!r} {g['role']}  got {got}")
    if args.gold == GOLD:
        print()
        cleaning_table(Path(args.corpus))


if __name__ == "__main__":
    main()
