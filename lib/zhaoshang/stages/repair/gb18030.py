"""GB18030 bytes of scraped characters, and the full-width folding done after the damage.

The mojibake pass works on bytes: it re-encodes garbled characters to get
back the byte stream the decoder misread (:func:`double_byte`) and decodes
candidate streams in step (:func:`decode_in_step`). Full-width forms
U+FF01–FF5E were folded to ASCII 0x21–0x7E after the damage, so a garbled
ASCII sign is unfolded before re-encoding, and repaired text is folded the
same way as the rest of the document (:func:`fold`).
"""
from __future__ import annotations

from functools import lru_cache

#: Full-width forms U+FF01–FF5E were folded to ASCII 0x21–0x7E after the damage.
_FOLD_OFFSET = 0xFEE0


def _unfold(ch: str) -> str:
    """Undo the full-width→ASCII folding for one ASCII sign or letter."""
    return chr(ord(ch) + _FOLD_OFFSET) if "!" <= ch <= "~" else ch


def fold(text: str) -> str:
    """Apply the document's full-width→ASCII folding to repaired text."""
    return "".join(chr(ord(c) - _FOLD_OFFSET) if "\uff01" <= c <= "\uff5e" else c for c in text)


@lru_cache(maxsize=65536)
def double_byte(ch: str) -> bytes | None:
    """The two GB18030 bytes of ``ch`` (after unfolding), or None if it has no such form."""
    try:
        raw = _unfold(ch).encode("gb18030")
    except UnicodeEncodeError:
        return None
    if len(raw) == 2 and raw[0] >= 0x81 and raw[1] >= 0x40:
        return raw
    return None


def decode_in_step(data: bytes) -> str | None:
    """Decode ``data`` as GB18030 that is in step from its first byte, or None.

    Bytes below 0x80 at a character start are ASCII; every other character
    must be one valid double-byte code (no four-byte forms occur here)."""
    out = []
    i = 0
    while i < len(data):
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
            continue
        pair = data[i:i + 2]
        if len(pair) < 2 or pair[1] < 0x40 or pair[1] in (0x7F, 0xFF):
            return None
        try:
            ch = pair.decode("gb18030")
        except UnicodeDecodeError:
            return None
        if len(ch) != 1:
            return None
        out.append(ch)
        i += 2
    return "".join(out)

