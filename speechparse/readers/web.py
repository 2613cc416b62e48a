"""Web page (.html) input: the page's text with its block structure kept as lines, the main
article found by trafilatura; the rest of the page is marked as junk lines (`html-chrome`).
The page's declared charset is honoured unless the bytes show another (valid UTF-8 beyond ASCII,
or GB18030/Big5 read by common characters) or cannot be read in it: then the bytes win, with a
warning. Its title and publish date become metadata.
"""

from __future__ import annotations

from typing import Any

import regex

from ..decode import decode
from ..errors import InputError
from ..lazy import lazy_regex
from ..legacy import Decoded, best_chinese
from . import Extracted, deep

DECLARED = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", regex.I)
WIDE = ("utf-16", "utf-32", "utf16", "utf32", "ucs-2", "ucs2")
SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "cp950"}
BLOCK = frozenset(
    (
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
    )
)
SKIP = frozenset(("script", "style", "noscript", "template", "head", "title", "svg", "iframe"))
DEEP_NOTE = (
    "the page nests its elements deeper than the HTML parser reads (256 levels); it was read "
    "flattened, all of its text but not its layout (page chrome may be read as text)"
)
SPACES = lazy_regex(r"[ \t\r\f\v\u00a0]+")


def _proven(data: bytes) -> str | None:
    """The encoding the bytes themselves show: UTF-8 when they hold valid UTF-8 beyond ASCII
    (legacy text is almost never valid UTF-8), GB18030 or Big5 when one reads as Chinese.

    >>> _proven("各位代表：".encode("big5")), _proven("讲话".encode()), _proven(b"<p>a</p>")
    ('cp950', 'utf-8', None)
    """
    if data.isascii():
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        found = best_chinese(data, "strict")
        return found.encoding if found is not None else None
    return "utf-8"


def _decode(data: bytes, source: str, encoding: str | None) -> Decoded:
    """The page's text in the charset it declares, unless its bytes show another (then in
    theirs, with a warning) or it cannot be read so (detected, with a warning)."""
    declared = DECLARED.search(data[:4096]) if encoding is None else None
    if declared is None:
        return decode(data, source, encoding)
    said = declared.group(1).decode("ascii").lower()
    name = SUPERSET.get(said, said)
    try:
        if name.startswith(WIDE):  # a declaration read as ASCII is not in UTF-16 or UTF-32
            raise LookupError(name)
        text = data.decode(name)
    except (LookupError, UnicodeDecodeError):
        found = decode(data, source)
        if found.encoding == name:
            return found  # its warnings say what could not be read
        note = f"the page declares charset {said} but is not in it; read as {found.encoding}"
        return Decoded(found.text, found.encoding, (note, *found.warnings))
    proven = _proven(data)
    if proven is None or proven == name or data.decode(proven) == text:
        return Decoded(text, name)
    note = f"the page declares charset {said} but its bytes are {proven}; read as {proven}"
    return Decoded(data.decode(proven), proven, (note,))


def page_lines(html: str) -> list[str]:
    """The visible text of a page, a line per block and per `<br>`.

    >>> page_lines("<div>甲<br>乙</div><p>丙 <b>丁</b></p><script>x</script>")
    ['甲', '乙', '丙 丁']
    """
    return lines_of(deep.parse(html)[0])


def lines_of(root: Any) -> list[str]:
    """The visible text of a parsed page (lxml: nested at most 256 deep), as `page_lines`."""
    parts: list[str] = []

    def walk(el: object) -> None:
        tag = getattr(el, "tag", "")
        if not isinstance(tag, str) or tag in SKIP:
            tail = getattr(el, "tail", None)
            if tail and isinstance(tag, str):
                parts.append(tail)
            return
        block = tag in BLOCK
        if block:
            parts.append("\n")
        if tag == "br":
            parts.append("\n")
        elif tag in ("td", "th"):
            parts.append("\t")
        text = getattr(el, "text", None)
        if text:
            parts.append(text)
        for child in el:  # type: ignore[attr-defined]
            walk(child)
        if block:
            parts.append("\n")
        tail = getattr(el, "tail", None)
        if tail:
            parts.append(tail)

    walk(root)
    lines = (SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _squeeze(text: str) -> str:
    return "".join(text.split())


def extract(data: bytes, source: str, encoding: str | None = None) -> Extracted:
    """The text of a web page, its chrome marked, its title and date as metadata."""
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - depends on the installation
        raise InputError(
            source, "reading web pages needs trafilatura: pip install 'speechparse[html]'"
        ) from None
    decoded = _decode(data, source, encoding)
    html, notes = decoded.text, decoded.warnings
    try:
        root, too_deep = deep.parse(html)
        if too_deep:  # the parser read only the first 256 levels: the page is read flattened
            html = deep.flatten(html, BLOCK)
            root, too_deep = deep.parse(html)
            notes = (*notes, DEEP_NOTE)
        lines = lines_of(root)
    except ValueError as exc:  # lxml refuses some documents (empty, or only a declaration)
        raise InputError(source, f"is not a readable web page ({exc})") from None
    if too_deep:
        raise InputError(source, "nests its elements too deep to be read, even flattened")
    if not lines:
        raise InputError(source, "is a web page with no text")
    main = (
        trafilatura.extract(
            html,
            output_format="txt",
            include_tables=True,
            include_comments=False,
            favor_recall=True,
        )
        or ""
    )
    content = _squeeze(main)
    junk: dict[int, str] = {}
    if content:
        for n, line in enumerate(lines):
            if _squeeze(line) not in content:
                junk[n] = "html-chrome"
    meta = trafilatura.extract_metadata(html)
    return Extracted(
        "\n".join(lines),
        "html",
        encoding=decoded.encoding,
        junk=junk,
        title=getattr(meta, "title", None) or None,
        published=getattr(meta, "date", None) or None,
        publisher=getattr(meta, "sitename", None) or None,
        url=getattr(meta, "url", None) or None,
        warnings=notes,
    )
