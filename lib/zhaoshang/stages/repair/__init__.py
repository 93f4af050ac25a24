"""Repair of converter damage in scraped Chinese text, every edit logged.

Two faults are repaired (see DESIGN.md, "Domain notes"):

* **Pinyin readings** glued after characters by a Simplified→Traditional
  converter: ``產(chǎn)業(yè)`` → ``產業``. A reading is removed only when the
  text in parentheses is one real pinyin syllable carrying a tone mark in
  the right place, so ``(人民幣,下同)``, ``(齊河)`` or ``(GDP)`` stay.

* **GB18030/GBK one-byte-shift mojibake.** A decoder lost step at the lead
  byte ``L`` of a double-byte character; from there every pair it read was
  (trail of one character, lead of the next) until a trail byte in the ASCII
  range (0x40–0x7E) came out as a Latin letter or sign and re-synchronised
  it. The out-of-step character that swallowed ``L`` was written as ``?``
  (with its own pinyin reading still glued on when the converter had
  annotated it: ``?shù)`` is ``數(shù)``, bytes 94 B5 = trail of ``當`` + lead
  of ``地``). Full-width forms were later folded to ASCII (``！``→``!``),
  so they are unfolded before re-encoding (and the repaired text is folded
  the same way, like the rest of the document). A damaged span reads

      ``?`` [reading] G₁ … Gₖ T      →  bytes  L + gb18030(G₁…Gₖ) + T

  and decodes, in step, to k+1 characters. (Two other ways back in step are
  handled too: the last garbled character swallowed a real ASCII letter, or
  a lone trail byte met a real ASCII sign and was written ``?``, so that
  byte is unknown as well.) Otherwise only ``L`` is unknown: it is
  pinned by the glued reading where there is one, otherwise chosen by a
  language score (jieba's dictionary on the Simplified view, the
  document's script, punctuation rules). A span is repaired only when the
  decoded text scores far better than the garbled text, so a genuine
  ``?`` (``你好嗎?``, ``What?``) is left alone; a ``?`` with nothing
  garbled after it (a lone ``?`` line of site boilerplate) is left for the
  cleaning stage. When ``L`` cannot be told apart, the first character
  becomes U+FFFD and is counted as unrecovered.

The passes run to a fixpoint, so ``repair`` is idempotent, and edits are
composed so that each one's offsets point into the *raw* input.

Modules, lower first (none imports one listed after it):

* :mod:`.scoring` — the language score: jieba's dictionary and the domain
  lexicon, script and punctuation penalties;
* :mod:`.gb18030` — bytes of characters, decoding in step, full-width folding;
* :mod:`.pinyin` — what a glued reading is, the pinyin pass, a character's readings;
* :mod:`.mojibake` — damaged spans, candidate decodings, the choice, the mojibake pass;
* :mod:`.apply` — :func:`repair` and :class:`RepairResult`: the passes to a
  fixpoint, edits composed in raw coordinates, unrecoverable spans relabelled.
"""
from __future__ import annotations

from zhaoshang.stages.repair.apply import RepairResult, repair

__all__ = ["RepairResult", "repair"]
