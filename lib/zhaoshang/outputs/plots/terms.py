"""Pictures of term frequency: word cloud, terms by category, over time, dispersion.

Every picture renders Chinese on a machine with no CJK fonts installed: the
font is the Noto Sans CJK face shipped on PyPI (see :mod:`zhaoshang.outputs.fonts`),
Simplified (SC) or Traditional (TC) to match the text. Matplotlib charts are
made with ``pyplot`` so that Jupyter shows each exactly once; assign the
returned figure (``fig = ...``) rather than ending a cell with it.

The word cloud is seeded and drawn with Pillow only, so the same words give
a byte-identical PNG run to run.
"""
from __future__ import annotations

import io
from collections.abc import Mapping

from zhaoshang.outputs.fonts import face_for_script, font_path, use_script_font
from zhaoshang.outputs.plots.style import finish
from zhaoshang.text.lexicon import Lexicon, as_lexicon, default_stopwords
from zhaoshang.text.script import to_script, to_simplified


def _frequencies(words, stopwords: frozenset[str] | None) -> dict[str, int]:
    """word -> count from a words table (word, count[, simplified]) or a mapping,
    stopwords (matched in Simplified) removed."""
    sw = default_stopwords() if stopwords is None else stopwords
    if isinstance(words, Mapping):
        items = [(w, to_simplified(w), n) for w, n in words.items()]
    else:  # a DataFrame like words.csv
        keys = words["simplified"] if "simplified" in words.columns else words["word"].map(to_simplified)
        items = list(zip(words["word"], keys, words["count"]))
    freqs: dict[str, int] = {}
    for w, key, n in items:
        if n > 0 and key not in sw and w.strip():
            freqs[w] = freqs.get(w, 0) + int(n)
    return freqs


def word_cloud(words, *, script: str = "simplified", seed: int = 42, width: int = 900,
               height: int = 500, max_words: int = 150, stopwords: frozenset[str] | None = None,
               background: str = "white", colormap: str = "viridis"):
    """A word cloud image (PIL) of ``words`` (words table or word -> count mapping).

    ``script`` picks the SC or TC face; ``seed`` fixes layout and colours, so the
    same input gives the same pixels. Stopwords are removed (again) here."""
    from wordcloud import WordCloud

    freqs = _frequencies(words, stopwords)
    if not freqs:
        raise ValueError("no words to draw (all filtered out as stopwords?)")
    wc = WordCloud(font_path=str(font_path(face_for_script(script))), width=width, height=height,
                   max_words=max_words, random_state=seed, background_color=background,
                   colormap=colormap, prefer_horizontal=0.9, collocations=False,
                   include_numbers=True, normalize_plurals=False, margin=4)
    # ordered input: equal counts are laid out in the same order every run
    ordered = dict(sorted(freqs.items(), key=lambda kv: (-kv[1], kv[0])))
    wc.generate_from_frequencies(ordered)
    return wc.to_image()


def word_cloud_png(words, **kw) -> bytes:
    """:func:`word_cloud` as PNG bytes (deterministic for a given input and seed)."""
    buf = io.BytesIO()
    word_cloud(words, **kw).save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def save_word_cloud(words, path, **kw):
    """Write :func:`word_cloud_png` to ``path``; returns the path."""
    from pathlib import Path

    p = Path(path)
    p.write_bytes(word_cloud_png(words, **kw))
    return p


# --------------------------------------------------------------------------- charts

def _category_colours(lex: Lexicon) -> dict[str, tuple]:
    import matplotlib as mpl

    cmap = mpl.colormaps["tab20"] if len(lex.categories) > 10 else mpl.colormaps["tab10"]
    return {c: cmap(i % cmap.N) for i, c in enumerate(lex.categories)}


def _label(term: str, script: str, display: Mapping[str, str] | None) -> str:
    """How to write a Simplified lexicon term on a chart: as the texts write it
    (``display``, see :func:`zhaoshang.analyses.terms.surface_forms`), else converted to ``script``;
    a term a user typed in Traditional stays as typed."""
    if display and term in display:
        return display[term]
    return to_script(term, script) if to_simplified(term) == term else term


def category_chart(term_counts, lexicon: Lexicon | None = None, *, top: int = 25,
                   script: str = "simplified", display: Mapping[str, str] | None = None,
                   title: str | None = None):
    """Top terms as bars coloured by category (left) and hits per category (right).

    ``term_counts``: doc_id, term, count (term_counts.csv); terms are drawn as
    ``display`` maps them (their spelling in the texts) or converted to ``script``.
    Returns the matplotlib Figure."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    use_script_font(script)
    lex = as_lexicon(lexicon)
    colours = _category_colours(lex)
    tc = term_counts.groupby("term", as_index=False)["count"].sum()
    tc["category"] = tc["term"].map(lex.category)
    tc = tc.dropna(subset=["category"])
    tc = tc.sort_values(["count", "term"], ascending=[False, True], kind="stable").head(top)
    cats = tc.groupby("category")["count"].sum()
    # category totals over all terms, not only the top ones
    allc = term_counts.assign(category=term_counts["term"].map(lex.category)).groupby("category")["count"].sum()
    allc = allc.reindex([c for c in lex.categories if c in allc.index])
    allc = allc.sort_values(ascending=True, kind="stable")

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, max(4.0, 0.32 * len(tc) + 1.2)),
                                   gridspec_kw={"width_ratios": [3, 2]})
    labels = [_label(t, script, display) for t in tc["term"]][::-1]
    ax1.barh(labels, tc["count"].tolist()[::-1], color=[colours[c] for c in tc["category"]][::-1])
    ax1.set_xlabel("occurrences (title + body)")
    ax1.set_title(f"Top {len(tc)} lexicon terms")
    handles = [Patch(color=colours[c], label=c) for c in lex.categories if c in cats.index]
    ax1.legend(handles=handles, loc="lower right", fontsize=8, frameon=False)
    ax2.barh(list(allc.index), allc.tolist(), color=[colours[c] for c in allc.index])
    ax2.set_xlabel("occurrences of all terms in the category")
    ax2.set_title("Hits by category")
    return finish(fig, (ax1, ax2), title)


def terms_over_time(freq, *, x: str = "year", value: str = "per_10k", script: str = "simplified",
                    display: Mapping[str, str] | None = None, title: str | None = None, ncols: int = 2):
    """Small multiples: one panel per term of ``value`` (per_10k, count, doc_share …) by year.

    ``freq`` is a :func:`zhaoshang.analyses.terms.frequency_by` table by ``year``. The year axis is
    continuous and shared by every panel; a year with documents but no occurrence is a 0 on the line,
    a year without documents is a gap (the line is not drawn across it), so a trend is never
    interpolated over years nobody wrote about. Returns the Figure."""
    import math

    import matplotlib.pyplot as plt

    from zhaoshang.outputs.plots.style import year_axis, year_series

    use_script_font(script)
    terms = list(dict.fromkeys(freq["term"]))
    n = max(len(terms), 1)
    ncols = min(ncols, n)
    nrows = math.ceil(n / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(5.2 * ncols, 1.9 * nrows + 0.9), sharex=True, squeeze=False)
    flat = [a for row in axes for a in row]
    years = sorted({int(y) for y in freq[x]}) if len(freq) else []
    labels = {"per_10k": "per 10,000 characters", "count": "occurrences",
              "doc_share": "share of documents", "docs": "documents"}
    for ax, term in zip(flat, terms):
        g = freq[freq["term"] == term]
        xs, ys = year_series(g[x], g[value], first=years[0], last=years[-1])
        ax.plot(xs, ys, color="#4c72b0", linewidth=1.4)
        ax.plot(xs, ys, linestyle="none", marker="o", markersize=2.5, color="#4c72b0")
        ax.set_title(_label(term, script, display), fontsize=10, loc="left")
        if not g[value].astype(float).any():
            ax.set_ylim(0, 1)
            ax.text(0.5, 0.6, "never occurs", ha="center", va="center", color="0.4", fontsize=9, transform=ax.transAxes)
        else:
            ax.set_ylim(bottom=0)
        ax.spines[["top", "right"]].set_visible(False)
    for ax in flat[len(terms):]:
        ax.set_axis_off()
    if years:
        year_axis(flat[0], years[0], years[-1])
    for ax in flat[:len(terms)]:
        ax.tick_params(labelbottom=True, labelsize=8)
    fig.supylabel(labels.get(value, value), fontsize=9)
    fig.supxlabel("year (gaps: no documents that year)", fontsize=9)
    fig.suptitle(title or f"Terms over time ({labels.get(value, value)})")
    fig.tight_layout()
    return fig


def dispersion_plot(positions, *, terms: list[str] | None = None, doc_labels: list[str] | None = None,
                    script: str = "simplified", display: Mapping[str, str] | None = None,
                    title: str | None = None):
    """Where terms occur through the documents (a lexical dispersion plot).

    ``positions`` is a :func:`zhaoshang.analyses.explore.term_positions` table: each
    occurrence is a tick at ``corpus_position`` (one unit per document, in the
    order the documents were given), one row per term. Returns the Figure."""
    import matplotlib.pyplot as plt

    use_script_font(script)
    terms = terms or list(dict.fromkeys(positions["term"]))
    n_docs = len(doc_labels) if doc_labels is not None else int(positions["doc_index"].max() + 1 if len(positions) else 1)
    fig, ax = plt.subplots(figsize=(10, 0.55 * len(terms) + 1.6))
    for i, t in enumerate(terms):
        xs = positions.loc[positions["term"] == t, "corpus_position"]
        ax.scatter(xs, [i] * len(xs), marker="|", s=250, linewidths=1.2)
    ax.set_yticks(range(len(terms)))
    ax.set_yticklabels([_label(t, script, display) for t in terms])
    ax.set_ylim(len(terms) - 0.5, -0.5)
    ax.set_xlim(0, n_docs)
    for b in range(1, n_docs):
        ax.axvline(b, color="0.85", linewidth=0.6, zorder=0)
    if n_docs == 1:
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1])
        ax.set_xticklabels(["start", "", "middle", "", "end"])
        ax.set_xlabel("position in the text" + (f" ({doc_labels[0]})" if doc_labels else ""))
    elif doc_labels is not None and n_docs <= 60:
        step = max(1, n_docs // 20)
        ax.set_xticks([i + 0.5 for i in range(0, n_docs, step)])
        ax.set_xticklabels([str(doc_labels[i]) for i in range(0, n_docs, step)], rotation=90, fontsize=8)
    else:
        ax.set_xlabel("position in the text" if n_docs == 1 else "documents, in order")
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title or "Where the terms occur")
    fig.tight_layout()
    return fig


def keyness_chart(keywords, *, top: int = 25, script: str = "simplified", title: str | None = None):
    """Bars of Log Ratio (the effect size) for the top keywords of a :func:`zhaoshang.analyses.keyness.keyness`
    table, which ranks them by log-likelihood G² (the evidence); the title says both."""
    import matplotlib.pyplot as plt

    use_script_font(script)
    k = keywords.head(top)
    fig, ax = plt.subplots(figsize=(8, 0.3 * len(k) + 1.4))
    ax.barh(k["word"].tolist()[::-1], k["log_ratio"].tolist()[::-1], color="#4c72b0")
    ax.set_xlabel("Log Ratio: log2 of the word's relative frequency here over the reference's")
    ax.set_title(title or f"Top {len(k)} keywords (chosen by log-likelihood G²; bars show Log Ratio)")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig
