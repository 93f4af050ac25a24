"""How plausible a stretch of Chinese text is: the language score the mojibake pass decides by.

A unigram word model over jieba's dictionary (Simplified) plus the project's
domain lexicon, best segmentation, scored on the text's Simplified view
(:func:`language_score`); characters foreign to the document's script
(:func:`script_penalty`) and punctuation that a slogan or quotation would not
have (:func:`punctuation_penalty`) are penalised on top. All scores are in
natural-log units, so they add.
"""
from __future__ import annotations

import math
from functools import lru_cache

from zhaoshang.text import jieba_dict
from zhaoshang.text.script import to_simplified, to_traditional

_MAX_WORD = 8  # longest dictionary word tried by the segmentation
_DOMAIN_TERM_FREQ = 2000  # jieba-scale count given to a domain term
#: Punctuation a decoded span may plausibly contain (scored like a common word).
_COMMON_PUNCT = frozenset("。，、；：？！“”‘’（）《》〈〉「」『』—…·,.;:?!()%-+/")

# Language-score weights (natural-log units).
_PUNCT_LOGP = math.log(1e-3)
_OOV_CHAR_LOGP = math.log(1e-8)  # a Han character jieba does not list
_JUNK_LOGP = math.log(1e-12)  # symbols, bopomofo, box drawing, private use …
_WRONG_SCRIPT_PENALTY = 6.0  # a Simplified-only character in a Traditional text, or vice versa
_SLOGAN_STOP_PENALTY = 8.0  # 。 closing a short “quoted” phrase
_QUOTE_STOP_BONUS = 4.0  # 。 closing a long quotation, or before an opening “
_SHORT_QUOTE = 10  # characters: a quotation this short is a slogan or a name


def is_han(ch: str) -> bool:
    """True when ``ch`` is a Han character (CJK unified ideographs, extension A, compatibility)."""
    return bool(ch) and (
        "\u3400" <= ch <= "\u4dbf" or "\u4e00" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"
    )


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, float], int]:
    """Word → log probability, and the longest word length considered.

    jieba's dictionary (Simplified, read by :mod:`zhaoshang.text.jieba_dict`
    without initialising jieba), plus the project's domain terms (the
    built-in lexicon) at a common word's frequency: 營商環境 must beat
    麵商環境 in this domain. A word listed on two lines keeps the count of
    the last, as in jieba's own tokenizer."""
    freqs: dict[str, int] = {}
    for word, freq, _tag in jieba_dict.dictionary():
        freqs[word] = freq
    for term in _domain_terms():
        freqs[term] = max(freqs.get(term, 0), _DOMAIN_TERM_FREQ)
    total = sum(freqs.values())
    logp = {w: math.log(f / total) for w, f in freqs.items() if f > 0}
    return logp, _MAX_WORD


def _domain_terms() -> list[str]:
    """Simplified terms of the project's domain lexicon (first column of terms.tsv)."""
    from zhaoshang.text.lexicon import default_lexicon

    return default_lexicon().terms


def _char_logp(ch: str, lex: dict[str, float]) -> float:
    """Score of one character standing alone."""
    if ch in lex:
        return lex[ch]
    if ch in _COMMON_PUNCT or ch.isdigit() or ch.isspace():
        return _PUNCT_LOGP
    if is_han(ch):
        return _OOV_CHAR_LOGP
    if ch.isascii() and ch.isalpha():
        return _PUNCT_LOGP
    return _JUNK_LOGP


@lru_cache(maxsize=65536)
def _simplified_char(ch: str) -> str:
    """Simplified form of one character (the window is converted character by character)."""
    out = to_simplified(ch)
    return out if len(out) == 1 else ch


@lru_cache(maxsize=262144)
def language_score(text: str) -> float:
    """Log probability of ``text`` under a unigram word model (best segmentation).

    ``text`` is scored in its Simplified view, because the dictionary is
    Simplified."""
    lex, longest = _lexicon()
    simp = "".join(_simplified_char(c) for c in text)
    n = len(simp)
    best = [0.0] + [-math.inf] * n
    for i in range(1, n + 1):
        b = best[i - 1] + _char_logp(simp[i - 1], lex)
        for j in range(max(0, i - longest), i - 1):
            w = simp[j:i]
            if w in lex and best[j] + lex[w] > b:
                b = best[j] + lex[w]
        best[i] = b
    return best[n]


@lru_cache(maxsize=65536)
def _forms(ch: str) -> tuple[str, str]:
    """(Simplified, Traditional) forms of one character."""
    return to_simplified(ch), to_traditional(ch)


def script_penalty(chars: str, script: str) -> float:
    """Penalty for characters foreign to the document's script."""
    penalty = 0.0
    for ch in chars:
        if not is_han(ch):
            continue
        simp, trad = _forms(ch)
        if script == "traditional" and trad != ch:
            penalty += _WRONG_SCRIPT_PENALTY
        elif script == "simplified" and simp != ch:
            penalty += _WRONG_SCRIPT_PENALTY
    return penalty


def punctuation_penalty(line_before: str, decoded: str) -> float:
    """Penalty (negative: bonus) from punctuation rules for a decoded span.

    * 。 closing a short quoted phrase is unlikely (``“雙定+雙。”``: a slogan
      rarely ends in 。), while 。 closing a long quotation is the norm;
    * 。 right before an opening “ is a sentence ending before a quotation.
    ``line_before`` is the line up to the span, so an open “ can be seen."""
    penalty = 0.0
    text = line_before + decoded
    offset = len(line_before)
    for i, ch in enumerate(decoded):
        k = offset + i
        nxt = text[k + 1] if k + 1 < len(text) else ""
        if ch != "。":
            continue
        if nxt == "”":
            opened = text.rfind("“", 0, k)
            if opened != -1 and k - opened <= _SHORT_QUOTE:
                penalty += _SLOGAN_STOP_PENALTY
            else:
                penalty -= _QUOTE_STOP_BONUS
        elif nxt == "“":
            penalty -= _QUOTE_STOP_BONUS
    return penalty


CHAR_BIGRAMS_RESOURCE = "lexicon/char_bigrams.tsv"
"""Character and character-pair counts of the model half of the report corpora and the domain
lexicon (built by ``scripts/build_char_bigrams.py``)."""
_PAIR_WEIGHT = 5.0  # how many observations the unigram prior is worth in a pair estimate


@lru_cache(maxsize=1)
def _char_model() -> tuple[dict[str, int], dict[str, int], int]:
    """(character counts, pair counts, total characters) from the package's bigram resource."""
    from zhaoshang import resources

    uni: dict[str, int] = {}
    pairs: dict[str, int] = {}
    total = 0
    for line in resources.read_text(CHAR_BIGRAMS_RESOURCE).splitlines():
        key, _, n = line.partition("\t")
        if key == "#total":
            total = int(n)
        elif len(key) == 1:
            uni[key] = int(n)
        elif len(key) == 2:
            pairs[key] = int(n)
    return uni, pairs, max(total, 1)


_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def _model_char(ch: str) -> str:
    """The form the model counts: Simplified, digits as one class, ASCII signs full-width (the
    damaged text is folded to ASCII, the corpora are not)."""
    ch = _FULL_WIDTH.get(ch, _simplified_char(ch))
    return "0" if ch.isdigit() else ch


def pair_logp(left: str, ch: str) -> float:
    """log P(``ch`` | ``left``): the pair's count, smoothed towards the character's own frequency
    (a character never seen gets the count of one in the whole model)."""
    uni, pairs, total = _char_model()
    a, b = _model_char(left), _model_char(ch)
    prior = (uni.get(b, 0) + 1) / (total + len(uni) + 1)
    return math.log((pairs.get(a + b, 0) + _PAIR_WEIGHT * prior) / (uni.get(a, 0) + _PAIR_WEIGHT))


def char_context_score(left: str, ch: str, right: str) -> float:
    """How well ``ch`` fits between its neighbours under the character bigram model (log units):
    log P(ch | left) + log P(right | ch), either side left out when there is no neighbour."""
    score = 0.0
    if left:
        score += pair_logp(left, ch)
    else:
        uni, _, total = _char_model()
        score += math.log((uni.get(_model_char(ch), 0) + 1) / total)
    if right:
        score += pair_logp(ch, right)
    return score
