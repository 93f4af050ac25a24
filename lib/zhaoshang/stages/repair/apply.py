"""``repair()``: the passes run to a fixpoint, their edits composed in raw coordinates.

Readings are stripped first (so that the mojibake pass sees the byte
neighbours as they were), then damaged spans are decoded; the two passes
repeat until nothing changes, which makes :func:`repair` idempotent. Each
pass returns edits into the text as it is now; :func:`_apply` merges an edit
that touches earlier output with that earlier edit, so every edit of the
result still points into the *raw* input (``raw[start:end] == before``).
"""
from __future__ import annotations

from dataclasses import dataclass

from zhaoshang.model import Edit
from zhaoshang.stages.repair.mojibake import SPAN_MARKS, mojibake_edits
from zhaoshang.stages.repair.pinyin import pinyin_edits


@dataclass(frozen=True)
class RepairResult:
    """The repaired text, the edits that made it (offsets into the raw text), and how many
    characters could not be recovered (written as U+FFFD)."""

    text: str
    edits: tuple[Edit, ...]
    n_unrecovered: int


@dataclass(frozen=True)
class _Piece:
    """``raw[raw_start:raw_end]`` now reads ``text``; ``edit`` is None when unchanged."""

    raw_start: int
    raw_end: int
    text: str
    edit: Edit | None


def _apply(raw: str, pieces: list[_Piece], edits: list[Edit]) -> list[_Piece]:
    """Apply ``edits`` (non-overlapping, offsets into the current text) to ``pieces``.

    An edit that touches text produced by an earlier pass is merged with that
    earlier edit, so every resulting edit still covers a raw range with
    ``raw[start:end] == before``."""
    if not edits:
        return pieces
    edits = sorted(edits, key=lambda e: e.start)
    cuts = sorted({e.start for e in edits} | {e.end for e in edits})
    # 1. Split unchanged pieces at every edit border (they map 1:1 to raw).
    split: list[_Piece] = []
    cur = 0
    for piece in pieces:
        a, b = cur, cur + len(piece.text)
        cur = b
        if piece.edit is not None:
            split.append(piece)
            continue
        inner = [c for c in cuts if a < c < b]
        last = a
        for c in inner + [b]:
            if c > last:
                off = last - a
                split.append(_Piece(piece.raw_start + off, piece.raw_start + c - a, piece.text[off:c - a], None))
            last = c
    # 2. Current-text range of each piece.
    ranges = []
    cur = 0
    for piece in split:
        ranges.append((cur, cur + len(piece.text)))
        cur += len(piece.text)
    # 3. Group each edit with the pieces it overlaps; merge groups that share a piece.
    groups: list[tuple[int, int, list[Edit]]] = []
    for e in edits:
        idx = [k for k, (a, b) in enumerate(ranges)
               if (a < e.end and b > e.start) or (a == b and e.start < a < e.end)]
        if not idx:
            continue
        lo, hi = idx[0], idx[-1]
        if groups and lo <= groups[-1][1]:
            plo, phi, pe = groups[-1]
            groups[-1] = (plo, max(phi, hi), pe + [e])
        else:
            groups.append((lo, hi, [e]))
    # 4. Rebuild.
    out: list[_Piece] = []
    k = 0
    for lo, hi, group_edits in groups:
        out.extend(split[k:lo])
        k = hi + 1
        g_start = ranges[lo][0]
        text = "".join(p.text for p in split[lo:hi + 1])
        for e in sorted(group_edits, key=lambda e: -e.start):
            text = text[:e.start - g_start] + e.after + text[e.end - g_start:]
        r_start, r_end = split[lo].raw_start, split[hi].raw_end
        earlier = [p.edit for p in split[lo:hi + 1] if p.edit is not None]
        kinds = {e.kind for e in group_edits} | {e.kind for e in earlier}
        kind = "mojibake" if "mojibake" in kinds else sorted(kinds)[0]
        confidence = min(e.confidence for e in group_edits + earlier)
        edit = Edit(r_start, r_end, raw[r_start:r_end], text, kind, confidence)
        out.append(_Piece(r_start, r_end, text, edit))
    out.extend(split[k:])
    return out


_MAX_PASSES = 4


def _pinyin_pass(text: str) -> list[Edit]:
    """The pinyin pass, leaving a reading right after a damage mark to the mojibake pass."""
    return pinyin_edits(text, keep_after=SPAN_MARKS)


def repair(raw: str) -> RepairResult:
    """Return the repaired text and the edits (offsets into ``raw``).

    Readings are stripped first (so that the mojibake pass sees the byte
    neighbours as they were), then damaged spans are decoded; the two passes
    repeat until nothing changes, which makes the function idempotent."""
    pieces = [_Piece(0, len(raw), raw, None)] if raw else []
    for _ in range(_MAX_PASSES):
        changed = False
        for pass_ in (_pinyin_pass, mojibake_edits):
            text = "".join(p.text for p in pieces)
            edits = pass_(text)
            if edits:
                pieces = _apply(raw, pieces, edits)
                changed = True
        if not changed:
            break
    text = "".join(p.text for p in pieces)
    edits = tuple(_relabel(p.edit) for p in pieces if p.edit is not None)
    return RepairResult(text, edits, sum(e.after.count("\ufffd") for e in edits))


def _relabel(edit: Edit) -> Edit:
    """Mark a span that came out wholly as U+FFFD as 'unrecoverable'."""
    if edit.after and set(edit.after) == {"\ufffd"}:
        return Edit(edit.start, edit.end, edit.before, edit.after, "unrecoverable", edit.confidence)
    return edit
