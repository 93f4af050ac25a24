"""The sample article's GBK one-byte-shift fault, made on purpose: what the repair is measured on.

:func:`shift_fault` damages clean text the way the sample's scraper did, so that a test or an
evaluation on one's own corpus (``scripts/eval_lost_char.py``) can count how much of the text the
repair gets back: the lead byte of one double-byte character is lost (written ``?``); from there the
bytes are read one out of step (GB18030) until a byte below 0x80 comes at a character start; the
garbled run is folded to ASCII (:func:`~zhaoshang.stages.repair.gb18030.fold`), as the scraper did.
"""
from __future__ import annotations

from zhaoshang.stages.repair.gb18030 import fold


class NoFault(ValueError):
    """The fault cannot happen at that point, or would leave nothing to repair from."""


def shift_fault(text: str, index: int) -> str:
    """``text`` with the one-byte-shift fault at ``text[index]``.

    A trail byte left alone before a real ASCII sign (``，`` folded to ``,``) is written ``?``, like
    the lost lead byte. Raises :class:`NoFault` where the fault would not be of the kind repaired
    (not a double-byte character, the decoder never back in step, no byte of the character left)."""
    data = text[index:].encode("gb18030")
    if len(text[index].encode("gb18030")) != 2:
        raise NoFault("not a double-byte character")
    out = []
    i = 1
    while True:
        if i >= len(data):
            raise NoFault("never back in step")
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
            break
        pair = data[i:i + 2]
        if len(pair) < 2:
            raise NoFault("never back in step")
        if pair[1] < 0x40:  # a lone trail byte before real ASCII: written as a mark
            out.append("?")
            i += 1
            continue
        out.append(pair.decode("gb18030"))
        i += 2
        if pair[1] < 0x80:  # a real ASCII letter swallowed: back in step
            break
    if all(c == "?" or c.isascii() and not c.isalpha() for c in out):
        raise NoFault("no byte of the character survives: nothing to repair from")
    try:
        rest = data[i:].decode("gb18030")
    except UnicodeDecodeError as e:
        raise NoFault("the text after the fault does not decode") from e
    return text[:index] + "?" + fold("".join(out)) + rest
