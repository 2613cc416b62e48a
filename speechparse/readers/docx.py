"""Word (.docx) input, read with python-docx: paragraphs and tables in order, the text of Word's
automatic list numbering rendered from the numbering definitions (it is not in the paragraph
text), page headers and footers kept as junk lines.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from . import Extracted

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CN_DIGITS = "〇一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
STOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
TITLE_STYLES = ("title", "标题")  # `Title`; a Chinese Word names it 标题 (headings: 标题 1 …)


def chinese(n: int) -> str:
    """1 -> 一, 12 -> 十二, 20 -> 二十 (Word's chineseCounting up to 99).

    >>> [chinese(n) for n in (1, 10, 12, 20, 35)]
    ['一', '十', '十二', '二十', '三十五']
    """
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    """A counter in one of Word's number formats (`w:numFmt`)."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "chineseLegalSimplified",
        "ideographLegalTraditional",
    ):
        return chinese(n)
    if fmt == "ideographDigital":
        return "".join(CN_DIGITS[int(d)] for d in str(n))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and n <= 20:
        return CIRCLED[n - 1]
    if fmt == "decimalEnclosedParen" and n <= 20:
        return PAREN[n - 1]
    if fmt == "decimalEnclosedFullstop" and n <= 20:
        return STOP[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    return str(n)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"


@dataclass
class Numbering:
    """Word's numbering definitions and the counters of the lists as they are read."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def read(cls, part: Any) -> Numbering:
        found = cls()
        if part is None:
            return found
        root = part.element
        abstract: dict[str, dict[int, Level]] = {}
        for node in root.iter(f"{W}abstractNum"):
            lvls: dict[int, Level] = {}
            for lvl in node.iter(f"{W}lvl"):
                level = Level()
                for child, attr in (
                    ("start", "start"),
                    ("numFmt", "fmt"),
                    ("lvlText", "text"),
                    ("suff", "suffix"),
                ):
                    el = lvl.find(f"{W}{child}")
                    if el is not None and el.get(f"{W}val") is not None:
                        value = el.get(f"{W}val")
                        setattr(level, attr, int(value) if attr == "start" else value)
                lvls[int(lvl.get(f"{W}ilvl", "0"))] = level
            abstract[node.get(f"{W}abstractNumId", "")] = lvls
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            base = abstract.get(ref.get(f"{W}val", "") if ref is not None else "", {})
            lvls = {k: Level(v.start, v.fmt, v.text, v.suffix) for k, v in base.items()}
            for override in num.iter(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                ilvl = int(override.get(f"{W}ilvl", "0"))
                if start is not None and ilvl in lvls:
                    lvls[ilvl].start = int(start.get(f"{W}val", "1"))
            found.levels[num.get(f"{W}numId", "")] = lvls
        return found

    def label(self, num_id: str, ilvl: int) -> str:
        """The rendered number of the next paragraph of list `num_id` at level `ilvl`."""
        lvls = self.levels.get(num_id)
        if not lvls or ilvl not in lvls or lvls[ilvl].fmt in ("bullet", "none"):
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, lvls[ilvl].start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a higher level moved on: lower levels start again
        text = lvls[ilvl].text
        for k in range(ilvl + 1):
            value = counts.get(k, lvls[k].start if k in lvls else 1)
            fmt = lvls[k].fmt if k in lvls else "decimal"
            text = text.replace(f"%{k + 1}", format_number(value, fmt))
        return text + (" " if lvls[ilvl].suffix == "space" else "")


def _num_pr(paragraph: Any, styles: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    ppr = paragraph._p.pPr
    num = ppr.find(f"{W}numPr") if ppr is not None else None
    if num is not None:
        num_id = num.find(f"{W}numId")
        ilvl = num.find(f"{W}ilvl")
        if num_id is not None:
            return num_id.get(f"{W}val", ""), int(
                ilvl.get(f"{W}val", "0")
            ) if ilvl is not None else 0
    style = paragraph.style.style_id if paragraph.style is not None else None
    return styles.get(style or "")


def _style_numbering(document: Any) -> dict[str, tuple[str, int]]:
    """Numbering that paragraphs inherit from their style (headings numbered by the style)."""
    found: dict[str, tuple[str, int]] = {}
    for style in document.styles.element.iter(f"{W}style"):
        num = style.find(f"{W}pPr/{W}numPr")
        if num is None or num.find(f"{W}numId") is None:
            continue
        ilvl = num.find(f"{W}ilvl")
        found[style.get(f"{W}styleId", "")] = (
            num.find(f"{W}numId").get(f"{W}val", ""),
            int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0,
        )
    return found


def _blocks(document: Any) -> Iterator[Any]:
    """Paragraphs and tables of the body, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        if child.tag == f"{W}p":
            yield Paragraph(child, document)
        elif child.tag == f"{W}tbl":
            yield Table(child, document)


def extract(data: bytes, source: str) -> Extracted:
    """The text of a .docx file, one paragraph a line, numbering rendered."""
    try:
        import docx
    except ImportError:  # pragma: no cover - depends on the installation
        raise InputError(
            source, "reading .docx needs python-docx: pip install 'speechparse[docx]'"
        ) from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(source, f"is not a readable .docx file ({exc})") from None
    numbering = Numbering.read(document.part.numbering_part)
    styles = _style_numbering(document)
    lines: list[str] = []
    junk: dict[int, str] = {}
    titles: list[int] = []

    def add(text: str, reason: str | None = None) -> None:
        for part in text.split("\n"):
            if reason:
                junk[len(lines)] = reason
            lines.append(part)

    for header in _section_parts(document, "header"):
        add(header, "page-header")
    for block in _blocks(document):
        if hasattr(block, "rows"):
            for row in block.rows:
                add("\t".join(cell.text.replace("\n", " ") for cell in row.cells))
            continue
        num = _num_pr(block, styles)
        label = numbering.label(*num) if num else ""
        style = (block.style.name or "").lower() if block.style is not None else ""
        if style in TITLE_STYLES:
            titles.append(len(lines))
        add(label + block.text)
    for footer in _section_parts(document, "footer"):
        add(footer, "page-footer")
    return Extracted("\n".join(lines), "docx", junk=junk, joins=False, title_lines=tuple(titles))


def _section_parts(document: Any, which: str) -> Iterator[str]:
    seen: set[str] = set()
    for section in document.sections:
        part = getattr(section, which)
        if part.is_linked_to_previous and seen:
            continue
        text = "\n".join(p.text for p in part.paragraphs if p.text.strip())
        if text and text not in seen:
            seen.add(text)
            yield text
