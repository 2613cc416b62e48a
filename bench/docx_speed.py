"""How long the Word reader takes a paragraph, and a table row: a .docx built with python-docx
(a regulation of numbered articles 第%1条 under styled headings, and one long table) is read
with `speechparse.readers.docx.extract` alone, best of `--repeat`, wall-clock seconds.

    PYTHONPATH=. python3 bench/docx_speed.py --paragraphs 20000 --rows 2000

Per-paragraph time must not grow with the document: compare --paragraphs 2000 and 20000.
"""

from __future__ import annotations

import argparse
import io
import time

import docx
from docx.oxml import parse_xml

from speechparse.readers.docx import extract

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def build(paragraphs: int, rows: int, fmt: str = "chineseCounting") -> bytes:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {W_NS} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="第%1条"/>'
            '<w:suff w:val="space"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    document.add_paragraph("某某市管理条例", style="Title")
    for n in range(paragraphs):
        if n % 50 == 0:
            document.add_paragraph(f"第{n // 50 + 1}章", style="Heading 1")
            continue
        paragraph = document.add_paragraph("本条例所称的管理工作，应当遵循依法、公开、公正的原则。")
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
        )
    if rows:
        table = document.add_table(rows=rows, cols=4)
        for row in table.rows:
            for cell in row.cells:
                cell.text = "单元格"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=20_000)
    parser.add_argument("--rows", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--format", default="chineseCounting", help="the articles' w:numFmt")
    args = parser.parse_args()
    data = build(args.paragraphs, args.rows, args.format)
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        extracted = extract(data, "bench.docx")
        best = min(best, time.perf_counter() - start)
    lines = extracted.text.count("\n") + 1
    per = best / max(1, args.paragraphs + args.rows) * 1e3
    print(
        f"{args.paragraphs} paragraphs, {args.rows} table rows ({len(data) / 1e6:.1f} MB): "
        f"{best:.2f} s, {per:.3f} ms a paragraph or row, {lines} lines"
    )


if __name__ == "__main__":
    main()
