"""Hypothesis strategies: speeches built from an outline, so the outline is the expected parse.

`speeches()` draws a clean speech (title, salutation, preamble with an optional inline run, a
section tree of random marker families — parts, 一、, （一）, spoken points, 1., （1）, ① —
at random depths, arabic runs sometimes numbered on across parents, inline item runs, a
closing; now and then a space entity, a line-break tag or pinyin inside a marker, as pages
leave them: `二&nbsp;、`, `（四<br>）`, `一(yī)是`) and gives its text with its outline.
`noisy()` wraps one in what real files carry: page chrome and blocks of junk (links, notes,
attachments, blurbs), with annotations and markup inside them too, look-alike lines, lines
broken mid-sentence, blank lines, CRLF or CR alone, other encodings, stray bytes.
`stray_utf8()` is a speech in UTF-8 with stray bytes between characters.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

CN = "零一二三四五六七八九"


def cn(n: int) -> str:
    """Chinese numeral for 1..99."""
    if n < 10:
        return CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN[tens]) + "十" + (CN[ones] if ones else "")


# marker writers by family, in the order a speech nests them (rank never decreases downwards)
FORMS = {
    "part": lambda n: f"第{cn(n)}部分　",
    "cn_dun": lambda n: f"{cn(n)}、",
    "cn_paren": lambda n: f"（{cn(n)}）",
    "shi": lambda n: f"{cn(n)}是",
    "yao": lambda n: f"{cn(n)}要",
    "di": lambda n: f"第{cn(n)}，",
    "ar_dot": lambda n: f"{n}.",
    "ar_paren": lambda n: f"（{n}）",
    "zhua": lambda n: f"{cn(n)}抓",
    "circled": lambda n: "①②③④⑤⑥⑦⑧⑨⑩"[n - 1],
}
RANK = {
    "part": 0,
    "cn_dun": 1,
    "cn_paren": 2,
    "shi": 3,
    "yao": 3,
    "di": 3,
    "zhua": 3,
    "ar_dot": 3,
    "ar_paren": 4,
    "circled": 5,
}
SPOKEN = ("shi", "yao", "di", "zhua")
CONTINUOUS = ("ar_dot", "ar_paren")  # may be numbered on across parents
WORDS = (
    "加强",
    "党的",
    "领导",
    "推进",
    "改革",
    "发展",
    "服务",
    "民生",
    "创新",
    "建设",
    "落实",
    "责任",
    "提高",
    "质量",
    "坚持",
    "统筹",
    "协调",
    "基层",
    "治理",
    "作风",
    "队伍",
    "能力",
    "制度",
    "监督",
    "协商",
    "团结",
    "群众",
    "工作",
    "机制",
    "保障",
    "安全",
    "生态",
    "文化",
)
CHROME = (
    "首页 > 领导讲话 > 正文",
    "发布时间：2024-03-01 来源：区政府办公室",
    "【字体：大 中 小】【打印】【关闭】",
    "版权所有 某某区人民政府 ICP备12345678号",
    "相关文章：",
    "1.在全区工作会议上的讲话",
    "2.区长讲话稿范文",
)
PROSE = "今天我们召开全区工作会议，主要任务是总结去年工作，部署今年任务。"
# Page junk above a speech's title: chrome lines, a menu one label a line or on one line.
HEADS = (
    CHROME[:3],
    ("首页", "新闻中心", "政务公开", "走进某区", "办事服务", "互动交流"),
    ("首页 | 新闻中心 | 政务公开 | 办事服务",),
)
# Blocks of junk after the text: a list of other articles (under a header or not, numbered or
# not), notes, a document's attachments, a site's blurb, a footer.
TAILS = (
    CHROME[3:],
    ("1.在全区工作会议上的讲话", "2.在区会议闭幕会上的讲话"),
    ("在全区安全生产会议上的讲话", "县委书记在全县经济工作会议上的讲话稿"),
    ("注释：", "〔1〕区委，指中共某区委员会。", "〔2〕见本书第三卷。"),
    ("附件：1.行动任务分工表", "2.行动考核办法"),
    ("《在全区工作会议上的讲话》来源于某网，欢迎阅读在全区工作会议上的讲话。",),
)
# What a page leaves inside a marker or a line: a space entity, a line-break tag, pinyin.
MARKUP = ("&nbsp;", "<br>", "<br/>\n")
PINYIN = ("(yī)", "(èr)", "(shì)", "(qū)", "(jiǎng)")
NUMERALS = frozenset("0123456789" + CN + "十")
LOOKALIKES = (
    "二、三产业协调发展，成效明显。",
    "发展是第一要务，必须牢牢把握。",
    "1.5亿元资金已经到位。",
    "打通服务群众最后一公里。",
    "——这是多年来的经验。",
    "统一是基础，团结是保障。",
)


LINE_ENDS = ("\n", "\r\n", "\r")
# Bytes that are never UTF-8 alone, and the lead bytes of its 2-, 3- and 4-byte characters.
STRAY = (0xFF, 0xFE, 0x80, 0xBF, 0xC3, 0xE4, 0xF0)


@dataclass
class Built:
    text: str
    outline: str


def _phrase(draw: st.DrawFn, lo: int = 2, hi: int = 4) -> str:
    return "".join(draw(st.lists(st.sampled_from(WORDS), min_size=lo, max_size=hi)))


def _sentence(draw: st.DrawFn) -> str:
    return f"{_phrase(draw, 3, 6)}，{_phrase(draw, 3, 6)}。"


@st.composite
def families(draw: st.DrawFn) -> list[str]:
    """Families from the top level down: ranks never decrease, no family twice."""
    depth = draw(st.integers(1, 4))
    chosen: list[str] = []
    pool = sorted(FORMS, key=lambda f: RANK[f])
    for _ in range(depth):
        options = [
            f for f in pool if f not in chosen and (not chosen or RANK[f] >= RANK[chosen[-1]])
        ]
        if not options:
            break
        chosen.append(draw(st.sampled_from(options)))
    return chosen


@st.composite
def speeches(draw: st.DrawFn) -> Built:
    levels = draw(families())
    title = f"在全区{_phrase(draw)}工作会议上的讲话"
    lines = [title, "同志们：", f"今天召开会议，{_sentence(draw)}"]
    outline = [f"= {title}", "@ salutation: 同志们："]
    if draw(st.booleans()):
        family = draw(st.sampled_from(SPOKEN))
        lines.append(_inline_run(draw, family, outline, ""))

    counters: dict[str, int] = {}
    continuous = {f for f in levels if f in CONTINUOUS and draw(st.booleans())}

    def nodes(depth: int) -> None:
        family = levels[depth]
        count = draw(st.integers(2, 3))
        first = counters.get(family, 0) + 1 if family in continuous and depth > 0 else 1
        for n in range(first, first + count):
            counters[family] = n
            marker, heading = FORMS[family](n), _phrase(draw)
            outline.append(f"{'  ' * depth}{marker.strip()} {heading}")
            marker = draw(inside_marker(marker))
            if family in SPOKEN or draw(st.booleans()):
                lines.append(f"{marker}{heading}。{_sentence(draw)}")
            else:
                lines.extend([f"{marker}{heading}", _sentence(draw)])
            if draw(st.integers(0, 4)) == 0:
                inline = draw(
                    st.sampled_from([f for f in SPOKEN if f not in levels] or ["circled"])
                )
                if inline != "circled" or "circled" not in levels:
                    lines.append(_inline_run(draw, inline, outline, "  " * (depth + 1)))
            if depth + 1 < len(levels):
                nodes(depth + 1)

    nodes(0)
    lines.append(f"同志们，{_sentence(draw)}")
    return Built("\n".join(lines) + "\n", "\n".join(outline) + "\n")


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@st.composite
def inside_marker(draw: st.DrawFn, marker: str, tags: bool = True) -> str:
    """Now and then, `marker` with a space entity, a line-break tag (with `tags`: not inside a
    paragraph, nor inside a number, `1<br>2.` is two lines) or a pinyin annotation (after a
    Han character) inside it."""
    body = marker.rstrip("\u3000")
    if len(body) < 2 or draw(st.integers(0, 3)):
        return marker
    at = draw(st.integers(1, len(body) - 1))
    options = [MARKUP[0]]
    if tags and not (body[at - 1] in NUMERALS and body[at] in NUMERALS):
        options += MARKUP[1:]
    if _han(body[at - 1]):
        options += PINYIN
    return body[:at] + draw(st.sampled_from(options)) + body[at:] + marker[len(body) :]


@st.composite
def annotated(draw: st.DrawFn, line: str, tags: bool = True) -> str:
    """`line` as it is, or with a pinyin annotation after one of its Han characters, or a space
    entity (or, with `tags`, a line-break tag) somewhere inside it."""
    roll = draw(st.integers(0, 3))
    han = [i + 1 for i, ch in enumerate(line) if _han(ch)]
    if roll == 0 and han:
        at = draw(st.sampled_from(han))
        return line[:at] + draw(st.sampled_from(PINYIN)) + line[at:]
    if roll == 1 and len(line) > 1:
        at = draw(st.integers(1, len(line) - 1))
        return line[:at] + draw(st.sampled_from(MARKUP if tags else MARKUP[:1])) + line[at:]
    return line


@st.composite
def framed(draw: st.DrawFn) -> Built:
    """A clean speech between blocks of page junk (chrome or a menu above its title; links,
    notes, attachments, a blurb after its text) with pinyin and space entities inside them:
    the junk is dropped, its annotations with it, and the outline is the speech's."""
    built = draw(speeches())
    head = draw(st.sampled_from(HEADS)) if draw(st.booleans()) else ()
    tail = draw(st.sampled_from(TAILS))
    above = [draw(annotated(line, tags=False)) for line in head]
    below = [draw(annotated(line, tags=False)) for line in tail]
    title, salutation, rest = built.text.split("\n", 2)
    # a line of real prose: what tells a page's furniture from the body it stands around
    body = [title, salutation, PROSE, rest.rstrip("\n")]
    return Built("\n".join([*above, *body, *below]) + "\n", built.outline)


def _inline_run(draw: st.DrawFn, family: str, outline: list[str], indent: str) -> str:
    count = draw(st.integers(2, 4))
    parts = []
    for n in range(1, count + 1):
        marker = "①②③④"[n - 1] if family == "circled" else FORMS[family](n)
        heading = _phrase(draw)
        outline.append(f"{indent}> {marker} {heading}")
        parts.append(f"{draw(inside_marker(marker, tags=False))}{heading}")
    return f"主要有{cn(count)}个方面：" + "；".join(parts) + "。"


@st.composite
def noisy(draw: st.DrawFn) -> bytes:
    """A speech as files carry it, for properties that must hold whatever the input."""
    built = draw(speeches())
    lines = built.text.split("\n")
    out: list[str] = []
    if draw(st.booleans()):
        out += [draw(annotated(line)) for line in CHROME[:3]]
    for line in lines:
        roll = draw(st.integers(0, 9))
        if roll == 0 and len(line) > 6:
            cut = draw(st.integers(1, len(line) - 1))
            out += [line[:cut], "" if draw(st.booleans()) else None, line[cut:]]  # type: ignore[list-item]
        elif roll == 1:
            out += [draw(st.sampled_from(LOOKALIKES)), line]
        elif roll == 2:
            out += [line, draw(st.text(min_size=0, max_size=30))]
        else:
            out.append(line)
        if draw(st.integers(0, 5)) == 0:
            out.append("")
    if draw(st.booleans()):
        out += [draw(annotated(line)) for line in CHROME[3:]]
    if draw(st.booleans()):
        out += [draw(annotated(line)) for line in draw(st.sampled_from(TAILS))]
    text = "\n".join(x for x in out if x is not None)
    text = text.replace("\n", draw(st.sampled_from(LINE_ENDS)))
    encoding = draw(st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-8-sig"]))
    data = (
        text.encode(encoding, errors="replace")
        if encoding != "utf-8"
        else text.encode("utf-8", errors="surrogatepass")
    )
    return draw(strays(data)) if draw(st.integers(0, 3)) == 0 else data


@st.composite
def strays(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with a few stray bytes put in anywhere (a file damaged on its way)."""
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + bytes([draw(st.sampled_from(STRAY))]) + data[at:]
    return data


@dataclass
class Damaged:
    text: str  # what was encoded
    data: bytes  # as UTF-8, stray bytes put in between its characters


@st.composite
def stray_utf8(draw: st.DrawFn) -> Damaged:
    """A speech in UTF-8 with any line ends and a few stray bytes between its characters."""
    text = draw(speeches()).text.replace("\n", draw(st.sampled_from(LINE_ENDS)))
    places = st.lists(st.integers(1, len(text) - 1), min_size=1, max_size=4, unique=True)
    cuts = sorted(draw(places))
    data = b"".join(
        text[a:b].encode() + (bytes([draw(st.sampled_from(STRAY))]) if b < len(text) else b"")
        for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)
    )
    return Damaged(text, data)
