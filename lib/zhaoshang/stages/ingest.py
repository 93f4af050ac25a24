"""Ingestion: files on disk → :class:`Document` records, or a reason why not.

Accepted inputs: a file, a folder (read recursively) or a glob pattern.
Formats by suffix:

* ``.txt`` / ``.md`` – any common encoding, detected and reported
* ``.html`` / ``.htm`` – page title and main text; scripts, styles, navigation dropped
* ``.docx`` – paragraph text
* ``.jsonl`` / ``.csv`` – one document per record (a text field, optional
  title/date/url/site fields); doc_id ``file#N`` with N the 1-based record number

Every input ends either as a document or as a :class:`Failure` with a reason a
person understands; nothing raises out of :func:`read_source`.
"""
from __future__ import annotations

import codecs
import csv
import glob
import io
import json
import os
import re
import stat
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from zhaoshang.model import Document, IngestError

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
DOCX_SUFFIXES = {".docx"}
RECORD_SUFFIXES = {".jsonl", ".csv"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES | RECORD_SUFFIXES

# Field names accepted in jsonl/csv records, in order of preference.
TEXT_FIELDS = ("text", "content", "body", "article", "content:encoded", "description", "summary",
               "正文", "内容", "內容")
TITLE_FIELDS = ("title", "headline", "标题", "標題")
DATE_FIELDS = ("published", "date", "pubdate", "time", "publish_time", "日期", "时间", "時間")
URL_FIELDS = ("url", "link", "href", "网址", "網址")
SITE_FIELDS = ("site", "source", "来源", "來源", "媒体", "媒體")

# Encodings tried for undeclared text, in order, after BOMs and strict UTF-8.
# GB18030 is a superset of GBK/GB2312; Big5 is tried too and the detector's
# judgement decides between them when both decode.
_CJK_ENCODINGS = ("gb18030", "big5")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Failure:
    """An input that did not become a document: ``path`` (relative) and why."""

    path: str
    error: str


# --------------------------------------------------------------------------- files


def _glob_root(pattern: str) -> Path:
    """The folder part of a glob pattern before its first wildcard."""
    parts = Path(pattern).parts
    fixed = []
    for part in parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def _is_entry(path: Path) -> bool:
    """Anything in a folder that is not a folder: regular files, links (broken ones too),
    FIFOs, sockets, devices. Each becomes a document or an errors row, never silence."""
    try:
        return not stat.S_ISDIR(path.stat().st_mode)
    except OSError:  # a broken link, or an entry that vanished: still accounted for
        return path.is_symlink() or os.path.lexists(path)


def iter_files(source: str | Path) -> tuple[Path, list[Path]]:
    """The corpus root and the entries under ``source`` (file, folder or glob).

    Entries are returned sorted, so that every run sees the same order. Hidden
    files and folders (``.git``, ``.ipynb_checkpoints``) are skipped. Entries
    that are not regular files (broken links, FIFOs, sockets, devices) are
    listed too: :func:`read_file` turns them into failures without opening them."""
    src = str(source)
    p = Path(src)
    if p.is_dir():
        files = [f for f in p.rglob("*") if _is_entry(f)
                 and not any(part.startswith(".") for part in f.relative_to(p).parts)]
        return p, sorted(files, key=lambda f: f.relative_to(p).as_posix())
    if os.path.lexists(p):
        return p.parent, [p]
    if glob.has_magic(src):
        root = _glob_root(src)
        files = [Path(f) for f in glob.glob(src, recursive=True) if _is_entry(Path(f))]
        return root, sorted(files, key=lambda f: f.as_posix())
    raise FileNotFoundError(f"{src}: no such file, folder or matching glob")


def relative_name(path: Path, root: Path) -> str:
    """``path`` relative to the corpus root, as listed (a link is named where it stands, not where it points)."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return path.as_posix()


def doc_id_for(rel: str) -> str:
    """doc_id of a file: its path relative to the corpus root, without suffix."""
    return rel.rsplit(".", 1)[0] if "." in Path(rel).name else rel


# ------------------------------------------------------------------------ decoding


# Control characters other than \t \n \x0c \r \x1b (ESC): a text or byte stream full of them is not text.
_CONTROLS = "".join(chr(c) for c in range(32) if c not in (9, 10, 12, 13, 27))
_CONTROL_CHARS = re.compile(f"[{re.escape(_CONTROLS)}]")
_CONTROL_BYTES = re.compile(f"[{re.escape(_CONTROLS)}]".encode("ascii"))
_HAN_CHARS = re.compile("[\u4e00-\u9fff]")


def _control_share(text: str) -> float:
    sample = text[:20000]
    ctrl = len(_CONTROL_CHARS.findall(sample))  # counted in C: this runs on every input
    return ctrl / max(1, len(sample))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    ctrl = len(_CONTROL_BYTES.findall(sample))
    return ctrl > max(8, len(sample) // 50)


def _plausible(text: str) -> bool:
    """Decoded text a person could have written: few controls, no replacement chars."""
    if not text:
        return True
    bad = len(_CONTROL.findall(text[:20000])) + text[:20000].count("\ufffd")
    return bad <= max(2, len(text[:20000]) // 200)


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes of unknown encoding; returns (text, encoding name).

    Order: a BOM wins (UTF-8, UTF-16 LE/BE, UTF-32); then strict UTF-8; then
    charset-normalizer's best guess, accepted when it is plausible Chinese or
    ASCII text; then GB18030 and Big5 strictly. Line ends become ``\\n``.
    Raises IngestError when the bytes are empty, binary or undecodable."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise IngestError("empty file (no text)")
    boms = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
            (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
            (codecs.BOM_UTF16_BE, "utf-16"))
    text = enc = None
    for bom, codec in boms:
        if data.startswith(bom):
            try:
                text, enc = data.decode(codec), codec
            except UnicodeDecodeError as e:
                raise IngestError(f"undecodable: starts with a {codec} byte-order mark "
                                  f"but is not valid {codec} ({e.reason} at byte {e.start})") from None
            break
    if text is None:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text = enc = None
        if text is not None:
            if _control_share(text) > 0.10:
                raise IngestError("binary file, not text (mostly control characters)")
        elif _looks_binary(data):
            raise IngestError("binary file, not text (contains NUL or control bytes)")
        else:
            # UTF-8 with a handful of broken bytes (a truncated last character, a
            # bad copy) is still UTF-8: keep it, mark the damage with U+FFFD. A
            # file in another encoding breaks UTF-8 everywhere and goes to detection.
            lenient = data.decode("utf-8", errors="replace")
            n_bad = lenient.count("\ufffd")
            if n_bad <= max(1, len(data) // 2000):
                text, enc = lenient, f"utf-8 ({n_bad} invalid byte sequence{'s' if n_bad > 1 else ''} replaced)"
            else:
                text, enc = _detect(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError("empty file (only whitespace)")
    return text, enc


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    candidates: list[tuple[str, str]] = []
    best = from_bytes(data[:200_000]).best()
    if best is not None:
        enc = best.encoding.lower()
        enc = {"gb2312": "gb18030", "gbk": "gb18030", "cp950": "big5", "big5hkscs": "big5hkscs"}.get(enc, enc)
        try:
            candidates.append((data.decode(enc), enc))
        except (UnicodeDecodeError, LookupError):
            pass
    for enc in _CJK_ENCODINGS:
        try:
            candidates.append((data.decode(enc), enc))
        except UnicodeDecodeError:
            continue
    for text, enc in candidates:
        if _plausible(text) and _han_share(text) >= 0.05:
            return text, _narrowest(data, enc)
    for text, enc in candidates:
        if _plausible(text):
            return text, enc
    raise IngestError("undecodable: not UTF-8, GB18030/GBK or Big5, and no encoding detected")


def _narrowest(data: bytes, enc: str) -> str:
    """Report GBK rather than GB18030 when the bytes stay inside it."""
    if enc == "gb18030":
        for narrower in ("gbk",):
            try:
                data.decode(narrower)
                return narrower
            except UnicodeDecodeError:
                continue
    return enc


def _han_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    han = len(_HAN_CHARS.findall(sample))
    return han / len(sample)


# ------------------------------------------------------------------------- formats


def _read_text(data: bytes, rel: str) -> list[Document]:
    text, enc = decode_bytes(data, name=rel)
    fmt = Path(rel).suffix.lower().lstrip(".") or "txt"
    return [Document(doc_id_for(rel), rel, text, enc, fmt)]


_JUNK_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
              "iframe", "template", "svg", "button", "select", "object", "embed", "canvas")
_BLOCK_TAGS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
               "section", "article", "blockquote", "pre", "table", "dd", "dt")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


def decode_html(data: bytes, rel: str) -> tuple[str, str]:
    m = _META_CHARSET.search(data[:4096])
    if m and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        declared = m.group(1).decode("ascii").lower()
        codec = {"gb2312": "gb18030", "gbk": "gb18030"}.get(declared, declared)  # pages under-declare
        try:
            return data.decode(codec).replace("\r\n", "\n").replace("\r", "\n"), declared
        except (UnicodeDecodeError, LookupError):
            pass  # a lying declaration: fall back to detection
    return decode_bytes(data, name=rel)


# Server-side template code left in saved pages (JSP/ASP <%@ … %>, PHP <?php … ?>): never text.
_TEMPLATE_CODE = re.compile(r"<%.*?%>|<\?php.*?\?>", re.S)


def _page_title(soup) -> str:
    og = soup.find("meta", attrs={"property": "og:title"})
    if og and og.get("content"):
        return og["content"].strip()
    if soup.title and soup.title.string:
        return soup.title.string.strip()
    return ""


def _block_text(root) -> str:
    """The text of ``root`` with one line per block element and line break, spaces squeezed."""
    for br in root.find_all("br"):
        br.replace_with("\n")
    for block in root.find_all(list(_BLOCK_TAGS)):
        block.insert_before("\n")
        block.insert_after("\n")
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in root.get_text().split("\n")]
    return "\n".join(ln for ln in lines if ln)


def _strip_junk(soup) -> None:
    for tag in soup(list(_JUNK_TAGS)):
        tag.decompose()
    for node in soup.find_all(string=lambda s: s.__class__.__name__ in ("Comment", "CData", "ProcessingInstruction", "Doctype")):
        node.extract()


def _whole_page_text(soup) -> str:
    """The fallback main text: <article>, <main> or the whole body, navigation tags dropped."""
    _strip_junk(soup)
    return _block_text(soup.find("article") or soup.find("main") or soup.body or soup)


def _readability_text(html: str) -> str:
    """The main text as readability-lxml finds it (the block with most prose, its siblings kept
    when they read as prose too): a portal's navigation, sidebars and link lists are left out."""
    from bs4 import BeautifulSoup
    from readability import Document as Readable

    try:
        summary = Readable(html).summary(html_partial=True)
    except Exception:  # readability raises on pages it cannot score (empty, no body)
        return ""
    soup = BeautifulSoup(summary, "lxml")
    _strip_junk(soup)
    return _block_text(soup)


MIN_MAIN_SHARE = 0.05
"""When the extracted main text is shorter than this share of the page's text (or empty), the
extractor missed the article (pages that are one list of short paragraphs): the whole page is kept
and cleaning takes the furniture lines out."""


def html_to_text(html: str) -> tuple[str, str]:
    """(title, main text) of an HTML page; scripts, styles and navigation never reach the text.

    The main text is readability-lxml's: on news-dev's portal pages it keeps the article and leaves
    navigation and sidebars (measured against hand-labelled bodies, scripts/eval_quotes.py
    --cleaning). Short pages whose text readability cannot find fall back to the page body."""
    from bs4 import BeautifulSoup

    html = _TEMPLATE_CODE.sub("", html)
    soup = BeautifulSoup(html, "lxml")
    title = _page_title(soup)
    whole = _whole_page_text(soup)
    main = _readability_text(html)
    if not main or len(main) < MIN_MAIN_SHARE * len(whole):
        main = whole
    if not title:
        h1 = soup.find("h1")
        if h1:
            title = h1.get_text(" ", strip=True)
    return title, main


def _read_html(data: bytes, rel: str) -> list[Document]:
    html, enc = decode_html(data, rel)
    title, body = html_to_text(html)
    if not body.strip():
        raise IngestError("HTML page with no main text (only markup, scripts or navigation)")
    raw = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return [Document(doc_id_for(rel), rel, raw, enc, "html", {"title": title} if title else {})]


def _read_docx(data: bytes, rel: str) -> list[Document]:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise IngestError("corrupt .docx: not a ZIP archive")
    try:
        import docx

        d = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises several kinds for broken packages
        raise IngestError(f"corrupt .docx: {type(e).__name__}: {e}") from None
    paras = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            paras.append(" ".join(c.text for c in row.cells))
    text = "\n".join(paras).strip()
    if not text:
        raise IngestError("empty .docx (no paragraph text)")
    meta = {}
    if d.core_properties.title:
        meta["title"] = d.core_properties.title
    return [Document(doc_id_for(rel), rel, text, "docx", "docx", meta)]


def _pick(record: dict, names: tuple[str, ...]) -> str | None:
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for n in names:
        v = lowered.get(n)
        if v is not None and str(v).strip():
            return str(v)
    return None


_HTML_MARKUP = re.compile(r"<(?:p|br|div|img|a|span|strong|b|em|table|tr|td|li|ul|ol|h[1-6]|section|article)\b[^>]*>", re.I)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")


def field_text(value: str) -> str:
    """The text of a record field: HTML (RSS ``description``, a CMS's ``content``) read as a page
    fragment, one line per paragraph; HTML entities in plain text (``&mdash;``) decoded."""
    import html as html_lib

    if _HTML_MARKUP.search(value):
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(_TEMPLATE_CODE.sub("", value), "lxml")
        _strip_junk(soup)
        return _block_text(soup)
    if _ENTITY.search(value):
        return html_lib.unescape(value)
    return value


def _record_to_doc(record, rel: str, n: int) -> Document | Failure:
    rid = f"{rel}#{n}"
    if not isinstance(record, dict):
        return Failure(rid, f"malformed record: expected an object with a text field, got {type(record).__name__}")
    text = _pick(record, TEXT_FIELDS)
    if text is None:
        return Failure(rid, f"record has no text field (looked for {', '.join(TEXT_FIELDS[:4])}…)")
    meta = {k: v for k, v in (("title", _pick(record, TITLE_FIELDS)), ("published", _pick(record, DATE_FIELDS)),
                               ("url", _pick(record, URL_FIELDS)), ("site", _pick(record, SITE_FIELDS))) if v}
    fmt = Path(rel).suffix.lower().lstrip(".")
    raw = field_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not raw.strip():
        return Failure(rid, "record's text field holds only markup (no text)")
    return Document(f"{doc_id_for(rel)}#{n}", rid, raw, "utf-8", fmt, meta)


def _read_jsonl(data: bytes, rel: str) -> list[Document | Failure]:
    text, _ = decode_bytes(data, name=rel)
    out: list[Document | Failure] = []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            out.append(Failure(f"{rel}#{n}", f"malformed JSON on line {n}: {e.msg} (column {e.colno})"))
            continue
        out.append(_record_to_doc(record, rel, n))
    if not out:
        raise IngestError("empty .jsonl (no records)")
    return out


def _read_csv(data: bytes, rel: str) -> list[Document | Failure]:
    text, _ = decode_bytes(data, name=rel)
    csv.field_size_limit(1 << 30)
    try:
        reader = csv.DictReader(io.StringIO(text))
        fields = reader.fieldnames or []
        if not any(str(f).strip().lower() in TEXT_FIELDS for f in fields):
            raise IngestError(f"CSV has no text column (columns: {', '.join(map(str, fields))[:200]})")
        out: list[Document | Failure] = []
        for n, row in enumerate(reader, start=1):
            if None in row:  # more cells than header columns
                out.append(Failure(f"{rel}#{n}", f"malformed CSV row {n}: more cells than columns"))
                continue
            out.append(_record_to_doc(row, rel, n))
    except csv.Error as e:
        raise IngestError(f"malformed CSV: {e}") from None
    if not out:
        raise IngestError("empty .csv (header only, no records)")
    return out


_READERS = {**{s: _read_text for s in TEXT_SUFFIXES}, **{s: _read_html for s in HTML_SUFFIXES},
            **{s: _read_docx for s in DOCX_SUFFIXES}, ".jsonl": _read_jsonl, ".csv": _read_csv}


MAX_FILE_MB = 256
"""Inputs larger than this (``ZHAOSHANG_MAX_FILE_MB``) are refused with a reason rather than read into
memory: no article or report is that large, and one such file must not cost the whole run its memory."""

_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _not_readable(path: Path) -> str | None:
    """Why ``path`` is not a regular file that can be read, without opening it (None: it can)."""
    try:
        st = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            return f"broken link (points to {os.readlink(path)}, which does not exist)"
        return "vanished between listing and reading"
    except OSError as e:
        return f"cannot read file: {e.strerror or e}"
    if not stat.S_ISREG(st.st_mode):
        kind = next((name for test, name in _KINDS if test(st.st_mode)), "not a regular file")
        return f"not a regular file: {kind}; not read"
    limit = float(os.environ.get("ZHAOSHANG_MAX_FILE_MB", MAX_FILE_MB))
    if st.st_size > limit * 2**20:
        return f"too large to read ({st.st_size / 2**20:.0f} MB, the limit is {limit:g} MB: ZHAOSHANG_MAX_FILE_MB)"
    return None


def read_file(path: Path, rel: str | None = None) -> list[Document | Failure]:
    """Documents (or failures) from one file; never raises for bad content, never opens
    what is not a regular file (a FIFO would hang the run)."""
    rel = rel or path.name
    problem = _not_readable(path)
    if problem is not None:
        return [Failure(rel, problem)]
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is None:
        return [Failure(rel, f"unsupported file type {suffix or '(no suffix)'}; "
                             f"supported: {', '.join(sorted(SUPPORTED))}")]
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return [Failure(rel, "vanished between listing and reading")]
    except OSError as e:
        return [Failure(rel, f"cannot read file: {e.strerror or e}")]
    try:
        return list(reader(data, rel))
    except IngestError as e:
        return [Failure(rel, str(e))]
    except Exception as e:  # a parser bug must not stop the run; say what happened
        return [Failure(rel, f"could not parse {suffix} file: {type(e).__name__}: {e}")]


SIDECAR_NAMES = ("index.tsv", "index.csv", "metadata.tsv", "metadata.csv")
SIDECAR_KEYS = ("file", "path", "filename")


def read_sidecar(root: Path) -> tuple[Path | None, dict[str, dict]]:
    """Corpus metadata kept beside the documents: a table at the corpus root
    named index/metadata (.tsv/.csv) with a ``file`` column and any of
    title, published/date, year, url, site. Returns (its path, {file: meta})."""
    for name in SIDECAR_NAMES:
        p = root / name
        if not p.is_file():
            continue
        try:
            text, _ = decode_bytes(p.read_bytes(), name=name)
            rows = list(csv.DictReader(io.StringIO(text), delimiter="\t" if name.endswith(".tsv") else ","))
        except (IngestError, csv.Error):
            return None, {}
        key = next((k for k in SIDECAR_KEYS if rows and k in rows[0]), None)
        if key is None:
            return None, {}  # not a sidecar: a data file that happens to have this name
        out = {}
        for r in rows:
            meta = {k: v for k, v in r.items() if k != key and k and v not in (None, "")}
            if "date" in meta and "published" not in meta:
                meta["published"] = meta.pop("date")
            out[r[key]] = meta
        return p, out
    return None, {}


def read_source(source: str | Path) -> Iterator[Document | Failure]:
    """Every document and failure under ``source``, in a stable order.

    A metadata sidecar at the corpus root (see :func:`read_sidecar`) is not a
    document: its fields are attached to the documents it names."""
    root, files = iter_files(source)
    sidecar, meta = read_sidecar(root) if Path(source).is_dir() else (None, {})
    seen: dict[str, int] = {}
    for f in files:
        if sidecar is not None and f == sidecar:
            continue
        rel = relative_name(f, root)
        for item in read_file(f, rel):
            if isinstance(item, Document) and rel in meta:
                item = replace(item, meta={**meta[rel], **item.meta})
            if isinstance(item, Document):
                seen[item.doc_id] = seen.get(item.doc_id, 0) + 1
                if seen[item.doc_id] > 1:  # a.txt and a.html: both kept, distinctly
                    item = replace(item, doc_id=f"{item.doc_id}~{seen[item.doc_id]}")
            yield item
