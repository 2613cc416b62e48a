"""Pages nested deeper than the HTML parser reads: libxml2 stops at 256 levels (2048 with its
`huge` option) and drops the rest of the page without an error. Such a page (in practice
a broken one: thousands of unclosed `<font>` or `<div>` tags) is read flattened: block tags
become line breaks, other tags are removed, so no element nests and all of the text is read;
its layout is lost with them (the article is no longer told from the page chrome).
"""

from __future__ import annotations

import re
from typing import Any

from ..lazy import lazy_re

TAG = lazy_re(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)\b[^>]*>")
BREAKS = lazy_re(r"<br>(?:\s*<br>)+")
# Kept as they are: the page's frame and what holds no visible text (never nested).
KEPT = frozenset(("html", "head", "body", "title", "meta", "link", "base", "script", "style", "br"))


def parse(html: str) -> tuple[Any, bool]:
    """The page's tree with lxml, and whether the parser stopped at its depth limit.

    >>> parse("<div>" * 300 + "x")[1], parse("<div>" * 3 + "x")[1]
    (True, False)
    """
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser()
    root = lxml_html.document_fromstring(html, parser=parser)
    too_deep = any(
        error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT and "depth" in error.message
        for error in parser.error_log
    )
    return root, too_deep


def flatten(html: str, blocks: frozenset[str]) -> str:
    """The page with no element inside another but its frame: `blocks` tags become `<br>`,
    other tags (inline ones, and those of unknown or skipped content) are removed.

    >>> flatten("<div><div><b>甲</b></div>乙<span>丙</span></div>", frozenset(["div"]))
    '<br>甲<br>乙丙<br>'
    """

    def replace(tag: re.Match[str]) -> str:
        name = tag.group(2).lower()
        if name in KEPT:
            return tag.group()
        return "<br>" if name in blocks or name in ("td", "th") else ""

    return BREAKS.sub("<br>", TAG.sub(replace, html))  # empty lines are not read: one is enough
