"""Pinyin annotations (`區(qū)`) and markup residue (`&nbsp;`, `<br>`) wherever they stand — in
page chrome, in a block of junk, inside a marker — are kept somewhere: `audit` finds nothing."""

from __future__ import annotations

import pytest

import speechparse
from speechparse.audit import audit
from speechparse.clean import split_lines
from speechparse.outline_format import write

BODY = (
    "在全区工作会议上的讲话\n同志们：\n今天召开会议，加强党的领导，推进改革发展。\n"
    "一、加强领导\n我们要加强领导，推进改革，提高质量。\n"
    "二、推进改革\n我们要推进改革，服务民生，建设队伍。\n"
)


def test_pinyin_in_a_trailing_list_of_related_links_is_kept() -> None:
    doc = speechparse.parse_text(BODY + "1.在全区工作会议上的讲(qū)话\n2.在区会议闭幕会上的讲话\n")
    assert [(d.reason, d.text) for d in doc.dropped if d.reason == "pinyin"] == [("pinyin", "(qū)")]
    assert audit(doc) == []


# A speech, and the pieces to put page junk around it.
TITLE = "在全区工作会议上的讲话"
HEAD = f"{TITLE}\n同志们：\n"
PROSE = "今天我们召开全区工作会议，主要任务是总结去年工作，部署今年任务。\n"
POINTS = (
    "一、加强领导\n我们要加强领导，推进改革，提高质量，服务民生，建设一支过硬的队伍。\n"
    "二、推进改革\n我们要推进改革，服务民生，建设队伍，落实责任，统筹协调各方面的工作。\n"
)
END = "同志们，让我们团结一心、真抓实干，奋力完成全年目标任务！\n"
SPEECH = HEAD + PROSE + POINTS + END
WRAPPED = "\n".join(  # hard-wrapped at 20 characters: a chrome line that long was broken too
    ("今天我们召开全区工作会议，主要任务是总结去年工作，部署今年任务，" * 6)[i : i + 20]
    for i in range(0, 192, 20)
)
A = "@"  # where the annotation goes
# (kind of junk, a text with a block of it holding annotations)
JUNK = [
    ("related-links", SPEECH + f"1.在全区工作会议上的讲{A}话\n2.在区会议闭幕会上的{A}讲话\n"),
    (
        "related-links",
        SPEECH + f"在全区安全生产会议上的讲{A}话\n县委书记在全县经济工作会议上的讲话稿\n",
    ),
    ("related-links", SPEECH + f"相关文章{A}：\n在全区安全生产会议上的讲{A}话\n区长讲话稿范文\n"),
    (
        "related-links",
        SPEECH + f"（来源：某某日报）\n1.区委常委会召开会{A}议\n研究部署近期重{A}点工作\n"
        "2.我区召开安全生产工作部署会\n3.全区重点项目集中开工\n",
    ),
    ("breadcrumb", f"首页 > 领导讲话 > 正{A}文\n" + SPEECH),
    ("publish-line", f"发布时间：2024-03-01 来源：区政府办公{A}室\n" + SPEECH),
    ("page-control", SPEECH + f"【打印】【关闭窗{A}口】\n"),
    ("footer", SPEECH + f"版权所有 某某区人民政{A}府 ICP备12345678号\n"),
    ("footer", HEAD + WRAPPED + f"\n版权所有：某某区人民政府办公室　备案号：12345678\n承{A}办\n"),
    ("share-bar", SPEECH + f"分享到：微信 微{A}博\n"),
    ("page-number", HEAD + f"近年来，我区持续深化\n第{A}3页\n改革，营商环境明显改善。\n" + END),
    (
        "page-header",
        HEAD + f"近年来，我区持续深化\n— 1 —\n{TITLE[:-1]}{A}话\n改革，营商环境明显改善。\n"
        f"要压实责任，加强督查，推动\n— 2 —\n{TITLE[:-1]}{A}话\n工作落实。\n",
    ),
    ("colophon", SPEECH + f"抄送：区委办公室，区人大常委会办公{A}室。\n"),
    ("source-address", SPEECH + f"原文链{A}接：https://www.gov.cn/a.htm\n"),
    ("nav-menu", f"首页 | 新闻中心 | 政务公{A}开 | 办事服务\n" + SPEECH),
    ("nav-menu", f"首页\n新闻中心\n政务公开\n走进某{A}区\n办事服务\n互动交流\n" + SPEECH),
    ("caption", SPEECH + f"图为会议现场。新华社记者 姚大{A}伟/摄\n"),
    ("caption", SPEECH + f"图为全区工作会议现场。新华社记者李{A}明、\n王{A}强 摄\n"),
    ("notes", SPEECH + f"注{A}释：\n〔1〕区{A}委，指中共某区委员会。\n〔2〕见本书第三卷。\n"),
    (
        "contents",
        f"{TITLE}\n目{A}录\n一、加强领{A}导……1\n二、推进改革……2\n同志们：\n" + PROSE + POINTS,
    ),
    ("attachments", SPEECH + f"附件：1.行动任务分工{A}表\n2.行动考核办{A}法\n"),
    ("attachments", SPEECH + f"附{A}件：1.行动任务分工表\n2.行动考核办法\n"),
    ("source-blurb", SPEECH + f"《{TITLE}》来源于某网，欢迎阅读{TITLE[:-1]}{A}话。\n"),
    ("spam", SPEECH + f"精品视频免费在线播{A}放午夜福利\n"),
    (
        "app-chrome",
        f"在App内打{A}开\n" + SPEECH + "- END -\n微信号：moumoufabu\n功能介绍：\n"
        f"传播党的声音，服务全区群{A}众，讲好某区故事，发布权威信息。\n"
        f"热榜\n1.区委常委会召开会{A}议\n2.全区重点项目集中开工\n",
    ),
    (
        "export-header",
        f"{TITLE}\n【法宝引证码】CLI.12.1000001\n【发布部门】某区市场监督管理{A}局\n" + SPEECH,
    ),
    ("front-matter", f"---\ntitle: {TITLE[:-1]}{A}话\ndate: 2024-01-08\n---\n" + SPEECH),
    (
        "piece-header",
        f"第一篇：{TITLE}\n同志们：\n{POINTS}第二{A}篇：在闭幕会上的讲话\n同志们：\n{POINTS}",
    ),
    (
        "collection-head",
        f"{TITLE[:-1]}{A}话\n（二〇二四年一月）\n一　一月十八日的讲话\n{PROSE}"
        f"二　一月二十七日的讲话\n{PROSE}",
    ),
    ("title-label", f"【讲话{A}稿】{TITLE}\n同志们：\n" + PROSE + POINTS),
    ("speaker-prefix", f"张{A}三：{TITLE}\n同志们：\n" + PROSE + POINTS),
    ("speaker-suffix", f"{TITLE}\u3000县长　张{A}三\n同志们：\n" + PROSE + POINTS),
    ("stray", SPEECH + f"※{A}※\n"),  # no Han character in it: no pinyin either
]
ANNOTATIONS = {"pinyin": "(qū)", "entity": "&nbsp;"}


# every kind with every annotation, but pinyin in a stray line (pinyin follows a Han character)
CASES = [
    pytest.param(kind, text, annotation, id=f"{kind}-{annotation}")
    for kind, text in JUNK
    for annotation in sorted(ANNOTATIONS)
    if not (kind == "stray" and annotation == "pinyin")
]


@pytest.mark.parametrize(("kind", "text", "annotation"), CASES)
def test_an_annotation_inside_page_junk_is_kept(kind: str, text: str, annotation: str) -> None:
    """Every kind of junk block (by line, by paragraph, around the body, cut off a title) with
    an annotation inside: the block is found, the annotation lies inside it, nothing is lost."""
    mark = ANNOTATIONS[annotation]
    text = text.replace(A, mark)
    doc = speechparse.parse_text(text)
    spans = [d.span for d in doc.dropped if d.reason == kind]
    found = [i for i in range(len(text)) if text.startswith(mark, i)]
    assert found and all(any(s <= i < e for s, e in spans) for i in found)
    assert audit(doc) == []


MARKERS = [
    ("二&nbsp;、推进改革\n我们要推进改革。\n", "二、"),
    ("（一）推进改革\n我们要推进改革。\n（二<br>）服务民生\n我们要服务民生。\n", "（二）"),
    ("二(èr)是推进改革。我们要推进改革，服务民生。\n三是服务民生。我们要服务民生。\n", "二是"),
]


@pytest.mark.parametrize(("text", "marker"), MARKERS, ids=[m for _, m in MARKERS])
def test_markup_or_pinyin_inside_a_marker_is_read_through(text: str, marker: str) -> None:
    """The marker is read as if nothing stood inside it, its section's span starts at it, and
    what stood inside it is in `dropped`: no alarm from `audit`."""
    head = "在全区工作会议上的讲话\n同志们：\n今天召开会议。\n一、加强领导\n我们要加强领导。\n"
    doc = speechparse.parse_text(head + text)
    assert marker in [s.marker for s in doc.speeches[0].walk()]
    assert audit(doc) == []


def test_audit_still_sees_a_span_that_misses_its_marker() -> None:
    head = "在全区工作会议上的讲话\n同志们：\n今天召开会议。\n一、加强领导\n我们要加强领导。\n"
    doc = speechparse.parse_text(head + MARKERS[0][0])
    section = doc.speeches[0].sections[1]
    section.span = (section.span[0] + 1, section.span[1])  # `&nbsp;、…`: past the `二`
    assert "二、推进改革: span does not start with its marker" in audit(doc)


# A marker broken by a page's line-break tag, and the marker as written whole.
BROKEN = [
    ("（<br>2）", "（2）"),
    ("（2<br>）", "（2）"),
    ("2<br>.", "2."),
    ("2<br/>\n.", "2."),
    ("（<br>二）", "（二）"),
    ("第<br>二部分　", "第二部分　"),
    ("第二部<BR>分　", "第二部分　"),
]


@pytest.mark.parametrize(("broken", "whole"), BROKEN, ids=[b for b, _ in BROKEN])
def test_a_tag_break_inside_a_marker_is_markup_not_a_line_break(broken: str, whole: str) -> None:
    """`（<br>2）加强领导`: the page broke the marker, not the text; read as `（2）加强领导` (a
    break there would leave `（` or `2` alone on a line, page junk by its shape)."""
    first = whole.replace("2", "1").replace("二", "一")

    def speech(second: str) -> str:
        return (
            "在全区工作会议上的讲话\n同志们：\n今天召开会议。\n"
            f"{first}加强领导\n我们要加强领导，提高质量。\n"
            f"{second}推进改革\n我们要推进改革，服务民生。\n"
        )

    doc = speechparse.parse_text(speech(broken))
    assert write(doc) == write(speechparse.parse_text(speech(whole)))
    assert [d.reason for d in doc.dropped] == ["markup"]
    assert audit(doc) == []


@pytest.mark.parametrize(
    "text", ["1<br>2.推进改革", "二<br>、三产业协调发展", "我们要<br>（2）推进改革"]
)
def test_a_tag_break_next_to_a_marker_stays_a_line_break(text: str) -> None:
    lines = split_lines(text).lines
    assert len(lines) == 2
