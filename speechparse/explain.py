"""Why the parser read each paragraph as it did: its class, its title score and the named
features behind them (`speechparse explain FILE`).

The classes come from the same stages as a parse (junk reasons, the line record of
`facts.py`, the speeches found by `speeches.py`); nothing here decides anything of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import outline, speeches
from .facts import facts, title_score
from .pipeline import _forget_lines, read_blocks
from .readers import Extracted


@dataclass(frozen=True, slots=True)
class Explained:
    line: int  # first source line (0-based) of the paragraph
    role: str  # junk reason, or title / subtitle / salutation / dateline / byline / … / body
    score: float  # the paragraph's title score
    # the named features that gave the score, the line's facts, and a transition's reading
    features: tuple[str, ...]
    text: str


def explain_text(text: str, hints: Extracted | None = None) -> list[Explained]:
    """Every paragraph of `text` with the role the parser gave it.

    >>> rows = explain_text("在全市工作会议上的讲话\\n（2024年1月8日）\\n同志们：\\n今年很关键。")
    >>> [(r.role, r.score) for r in rows]
    [('title', 1.5), ('dateline 2024-01-08', -9.0), ('salutation', -10.0), ('body', 0.0)]
    """
    _forget_lines()
    hints = hints or Extracted(text, "text")
    _, blocks, _ = read_blocks(text, hints)
    split = speeches.split(blocks)
    heads: dict[int, str] = {}
    for piece in split.pieces:
        for name, mapped in (
            ("title", piece.title),
            ("subtitle", piece.subtitle),
            ("salutation", piece.salutation),
        ):
            if mapped is not None and mapped.text:
                heads.setdefault(mapped.span[0], name)
    scopes: dict[int, str] = {}  # what each transition did to the run after it, by its start
    for piece in split.pieces:
        tree = outline.build([b.text for b in piece.body], records=[facts(b) for b in piece.body])
        scopes.update((span[0], reason) for span, reason in tree.transitions)
    rows = []
    for block in blocks:
        text_of = block.text.text
        if block.junk:
            rows.append(Explained(block.first_line, block.junk, 0.0, (), text_of))
            continue
        f = facts(block)
        score, named = title_score(f)
        role = heads.get(block.text.span[0]) if block.text.text else None
        if role is None:
            role = _shape(f)
        if role == "title" and f.dateline is not None:
            role = "dateline"
        if f.dateline is not None and role == "dateline":
            role = f"dateline {f.dateline.iso}"
        if role == "body" and f.transition is not None:
            named.append(scopes.get(block.text.span[0], f"transition: {f.transition}"))
        rows.append(Explained(block.first_line, role, score, tuple(named), text_of))
    for mapped, reason in split.dropped:  # title-like lines above a title, a label, a repeat
        for n, row in enumerate(rows):
            if row.role in ("body", "title-like") and row.text == mapped.text:
                rows[n] = Explained(row.line, reason, row.score, row.features, row.text)
    return rows


def explain_bytes(data: bytes, path: str, encoding: str | None = None) -> list[Explained]:
    """As `explain_text`, for a file's bytes: a Word file or web page is read first, as a
    parse reads it."""
    from .decode import decode
    from .readers import sniff

    fmt = sniff(data, path)
    if fmt == "docx":
        from .readers import docx

        extracted = docx.extract(data, path)
    elif fmt == "html":
        from .readers import web

        extracted = web.extract(data, path, encoding)
    else:
        decoded = decode(data, path, encoding)
        return explain_text(decoded.text)
    return explain_text(extracted.text, extracted)


def _shape(f: object) -> str:
    from .facts import Facts

    assert isinstance(f, Facts)
    if f.dateline is not None:
        return "dateline"
    for name, flag in (
        ("salutation", f.salutation),
        ("turn", bool(f.speaker_label)),  # a record's `陳偉業議員：…`
        ("subtitle", f.subtitle or f.paren_subtitle),
        ("stage-direction", f.aside),  # a record's `（陳偉業議員離席）`
        ("byline", f.byline),
        ("document-number", f.doc_number),
        ("source-address", f.url),
        ("heading", f.marker),
        ("title-like", f.title_like),
    ):
        if flag:
            return name
    return "body"


def render(rows: list[Explained], width: int = 60) -> str:
    """One line per paragraph: source line, role, title score, features, text."""
    out = []
    for row in rows:
        text = row.text if len(row.text) <= width else row.text[: width - 1] + "…"
        why = ",".join(row.features)
        out.append(f"{row.line + 1:>5}  {row.role:<22} {row.score:>6.1f}  {why:<36} {text}")
    return "\n".join(out) + "\n"
