"""One self-contained HTML page: the collapsible outline beside the source text.

A click on a section or item highlights its span in the source (CSS Custom Highlight API, so
the source is never rewritten); a section with points under it folds with its arrow (▼, ▶) and
only with it, a section with none has no arrow. Warnings and dropped page junk are marked in
the source. The text is set in a named stack of CJK fonts (a browser's default monospace font
for `<pre>` often has no Chinese).
Offsets in the page are UTF-16 code units, as JavaScript counts them.
"""

from __future__ import annotations

import html
from bisect import bisect_left

from .model import Document, Item, Section

CJK_FONTS = (
    '"Noto Sans CJK SC","Source Han Sans SC","Noto Sans SC","PingFang SC","Hiragino Sans GB",'
    '"Microsoft YaHei","WenQuanYi Micro Hei","Heiti SC",SimHei,"Noto Sans CJK TC",'
    '"Microsoft JhengHei",sans-serif'
)
STYLE = f"""
body{{margin:0;font:15px/1.6 {CJK_FONTS};display:flex;height:100vh}}
nav{{width:40%;overflow:auto;padding:1em;border-right:1px solid #ccc;box-sizing:border-box}}
main{{flex:1;overflow:auto;padding:1em}}
pre#src{{white-space:pre-wrap;word-break:break-all;margin:0;font-family:{CJK_FONTS}}}
details,div.leaf{{margin-left:1em}}summary{{list-style:none}}
summary::-webkit-details-marker{{display:none}}
.fold{{display:inline-block;width:1.2em;cursor:pointer;color:#666;user-select:none}}
.fold::before{{content:"▼"}}details:not([open])>summary>.fold::before{{content:"▶"}}
div.leaf{{padding-left:1.2em}}
summary,div.leaf,li.item{{cursor:pointer}}
summary:hover,div.leaf:hover,li.item:hover{{background:#eef}}
.marker{{color:#06c;font-weight:bold;margin-right:.3em}}
li.item{{list-style:none;margin-left:1em;color:#383}}
mark.warn{{background:#fdd;border-bottom:2px solid #c00}}
span.dropped{{color:#999}}
::highlight(sel){{background:#ff0}}
.meta{{color:#666;font-size:90%}}
#selected{{position:sticky;top:0;background:#fff;font-size:90%;color:#333;padding-bottom:.3em}}
"""

SCRIPT = """
function rangeAt(start, end) {
  const src = document.getElementById('src');
  const walk = document.createTreeWalker(src, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let pos = 0, node, began = false;
  while ((node = walk.nextNode())) {
    const len = node.data.length;
    if (!began && start <= pos + len) { range.setStart(node, start - pos); began = true; }
    if (began && end <= pos + len) { range.setEnd(node, end - pos); return range; }
    pos += len;
  }
  return range;
}
function pick(el) {
  const s = +el.dataset.s, e = +el.dataset.e;
  const range = rangeAt(s, e);
  if (window.CSS && CSS.highlights) { CSS.highlights.set('sel', new Highlight(range)); }
  const box = document.getElementById('selected');
  box.textContent = el.dataset.label + '  [' + s + ', ' + e + ')';
  box.dataset.s = s; box.dataset.e = e;
  const rect = range.getBoundingClientRect(), main = document.querySelector('main');
  main.scrollTop += rect.top - main.getBoundingClientRect().top - 40;
}
document.addEventListener('click', ev => {
  const el = ev.target.closest('[data-s]');
  if (!el || !el.closest('nav')) { return; }
  ev.preventDefault();  // a summary folds with its arrow only
  const fold = ev.target.closest('.fold');
  if (fold) { const d = fold.closest('details'); d.open = !d.open; } else { pick(el); }
});
"""


class _Offsets:
    """Python offsets -> offsets in the page's text as JavaScript counts it: UTF-16 code units,
    after the HTML parser has turned each CR LF into one LF."""

    def __init__(self, text: str) -> None:
        self.astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self.crlf = [i for i in range(len(text) - 1) if text[i] == "\r" and text[i + 1] == "\n"]

    def __call__(self, i: int) -> int:
        return i + bisect_left(self.astral, i) - bisect_left(self.crlf, i)


def _attrs(span: tuple[int, int], label: str, js: _Offsets) -> str:
    return (
        f'data-s="{js(span[0])}" data-e="{js(span[1])}" '
        f'data-label="{html.escape(label, quote=True)}"'
    )


def _item(item: Item, js: _Offsets) -> str:
    label = f"{item.marker} {item.heading}"
    return (
        f'<li class="item" {_attrs(item.span, label, js)}>'
        f'<span class="marker">{html.escape(item.marker)}</span>'
        f"{html.escape(item.heading)}</li>"
    )


def _section(s: Section, js: _Offsets) -> str:
    """A section with points under it folds (details, its arrow in the summary); one with
    none is a line without an arrow."""
    attrs = _attrs(s.span, f"{s.marker} {s.heading}", js)
    head = f'<span class="marker">{html.escape(s.marker)}</span>{html.escape(s.heading)}'
    items = "".join(_item(i, js) for p in s.paragraphs for i in p.items)
    children = "".join(_section(c, js) for c in s.children)
    if not items and not children:
        return f'<div class="leaf" {attrs}>{head}</div>'
    return (
        f'<details open><summary {attrs}><span class="fold" title="fold"></span>{head}'
        f"</summary>{f'<ul>{items}</ul>' if items else ''}{children}</details>"
    )


def _source(doc: Document, text: str) -> str:
    """The source with dropped junk and warnings marked (nested; a partial overlap is left out)."""
    marks: list[tuple[int, int, str, str]] = []
    for d in doc.dropped:
        marks.append(
            (
                d.span[0],
                d.span[1],
                "span",
                f'class="dropped" title="{html.escape(d.reason, quote=True)}"',
            )
        )
    for w in doc.warnings:
        if w.span and w.span[1] > w.span[0]:
            title = html.escape(f"{w.code}: {w.message}", quote=True)
            marks.append((w.span[0], w.span[1], "mark", f'class="warn" title="{title}"'))
    marks.sort(key=lambda m: (m[0], -m[1]))
    out: list[str] = []
    pos = 0
    open_marks: list[tuple[int, str]] = []  # (end, tag), innermost last

    def close_until(limit: int) -> None:
        nonlocal pos
        while open_marks and open_marks[-1][0] <= limit:
            end, tag = open_marks.pop()
            out.append(html.escape(text[pos:end]) + f"</{tag}>")
            pos = end

    for start, end, tag, attrs in marks:
        close_until(start)
        if end > len(text) or (open_marks and end > open_marks[-1][0]):
            continue
        out.append(html.escape(text[pos:start]) + f"<{tag} {attrs}>")
        pos = start
        open_marks.append((end, tag))
    close_until(len(text))
    out.append(html.escape(text[pos:]))
    return "".join(out)


def to_html(doc: Document, text: str) -> str:
    """The page for `doc`, parsed from `text`."""
    js = _Offsets(text)
    nav: list[str] = []
    for n, speech in enumerate(doc.speeches):
        title = speech.title or "(untitled)"
        facts = " · ".join(
            v
            for v in (
                speech.subtitle,
                speech.speaker.role,
                speech.speaker.name,
                speech.occasion,
                speech.date,
            )
            if v
        )
        items = "".join(_item(i, js) for p in speech.preamble for i in p.items)
        nav.append(
            f'<h2 {_attrs(speech.span, title, js)} id="speech-{n}">{html.escape(title)}</h2>'
        )
        if facts:
            nav.append(f'<div class="meta">{html.escape(facts)}</div>')
        if items:
            nav.append(f"<ul>{items}</ul>")
        nav.extend(_section(s, js) for s in speech.sections)
    warnings = "".join(
        f"<li>{html.escape(w.code)}: {html.escape(w.message)}</li>" for w in doc.warnings
    )
    name = html.escape(doc.input.path or "speech")
    return (
        f'<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        f"<title>{name}</title><style>{STYLE}</style></head><body>"
        f'<nav><div class="meta">{name} · {html.escape(doc.input.encoding)}</div>'
        f"{''.join(nav)}"
        f"{f'<h3>warnings</h3><ul id=warnings>{warnings}</ul>' if warnings else ''}</nav>"
        f'<main><div id="selected"></div><pre id="src">{_source(doc, text)}</pre></main>'
        f"<script>{SCRIPT}</script></body></html>\n"
    )
