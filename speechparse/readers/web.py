"""Web page (.html) input: the page's text with its block structure kept as lines, the main
article found by trafilatura; the rest of the page is marked as junk lines (`html-chrome`).
The page's declared charset is honoured; its title and publish date become metadata.
"""

from __future__ import annotations

import regex

from ..decode import decode
from ..errors import InputError
from . import Extracted

DECLARED = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", regex.I)
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
SPACES = regex.compile(r"[ \t\r\f\v\u00a0]+")


def _decode(data: bytes, source: str, encoding: str | None) -> tuple[str, str]:
    if encoding is None:
        declared = DECLARED.search(data[:4096])
        if declared is not None:
            name = declared.group(1).decode("ascii").lower()
            name = SUPERSET.get(name, name)
            try:
                return data.decode(name), name
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: detect instead
    decoded = decode(data, source, encoding)
    return decoded.text, decoded.encoding


def page_lines(html: str) -> list[str]:
    """The visible text of a page, a line per block and per `<br>`.

    >>> page_lines("<div>甲<br>乙</div><p>丙 <b>丁</b></p><script>x</script>")
    ['甲', '乙', '丙 丁']
    """
    from lxml import html as lxml_html

    root = lxml_html.document_fromstring(html)
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
    html, used = _decode(data, source, encoding)
    try:
        lines = page_lines(html)
    except ValueError as exc:  # lxml refuses some documents (empty, or only a declaration)
        raise InputError(source, f"is not a readable web page ({exc})") from None
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
        encoding=used,
        junk=junk,
        title=getattr(meta, "title", None) or None,
        published=getattr(meta, "date", None) or None,
        publisher=getattr(meta, "sitename", None) or None,
        url=getattr(meta, "url", None) or None,
    )
