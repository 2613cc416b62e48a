"""YAML front matter at the top of a Markdown file: metadata, not text.

```
---
title: 在全市工作会议上的讲话
date: 2024-01-08
author: 张三
url: https://example.org/a.html
---
```

Only the flat `key: value` form is read (what site exporters and static-site generators
write); the lines are page metadata, kept in `dropped` as `front-matter`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice

from .lazy import lazy_re

FENCE = lazy_re(r"^\s*-{3}\s*$")
FIELD = lazy_re(r"^\s*([A-Za-z_][\w-]{0,30})\s*:\s*(.*?)\s*$")
LIST_ENTRY = lazy_re(r"^\s*-\s+\S")  # `tags:` followed by `- a` lines
URL_VALUE = lazy_re(r"^(?:https?://|www\.)", re.IGNORECASE)
MAX_LINES = 60  # a front matter is a short header
QUOTES = "\"'"
KEYS = {  # the names exporters use, and what they mean here
    "title": "title",
    "date": "date",
    "published": "date",
    "pubdate": "date",
    "author": "author",
    "authors": "author",
    "speaker": "author",
    "url": "url",
    "link": "url",
    "source_url": "url",
    "permalink": "url",
    "source": "source",
}


@dataclass(slots=True)
class FrontMatter:
    first: int  # line numbers of the fences
    last: int
    fields: dict[str, str] = field(default_factory=dict)  # title, date, author, url, source


def find(lines: Iterable[str]) -> FrontMatter | None:
    """The front matter at the top of `lines` (blank lines before it allowed), or None.
    `lines` is read only as far as needed (to its first line with text, when that is no fence:
    most texts), so a parse hands the lines over one by one, with no list made of them.

    >>> fm = find(["---", "title: 讲话", "date: 2024-01-08", "url: http://a.cn/1", "---", "正文"])
    >>> fm.first, fm.last, fm.fields["title"], fm.fields["url"]
    (0, 4, '讲话', 'http://a.cn/1')
    >>> find(["---", "一、总体要求", "---"]) is None
    True
    """
    rest = iter(lines)
    first = 0  # the first line with text
    for line in rest:
        if line.strip():
            break
        first += 1
    else:
        return None
    if not FENCE.match(line):
        return None
    fields: dict[str, str] = {}
    # the MAX_LINES lines after the first fence (fewer where the text ends)
    for n, line in enumerate(islice(rest, MAX_LINES), first + 1):
        if FENCE.match(line):
            return FrontMatter(first, n, fields) if fields else None
        if not line.strip() or LIST_ENTRY.match(line) or line.lstrip().startswith("#"):
            continue
        found = FIELD.match(line)
        if found is None:
            return None  # prose between two rules: not a front matter
        key = KEYS.get(found[1].lower())
        value = found[2].strip(QUOTES).strip()
        if key == "source" and URL_VALUE.match(value):
            key = "url"  # `source: https://…` names the address, not an outlet
        if key is not None and value and key not in fields:
            fields[key] = value
    return None
