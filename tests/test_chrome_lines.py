"""Page chrome line by line: each line and the reason it is dropped for (or none: kept text)."""

from __future__ import annotations

import pytest

import speechparse
from speechparse.audit import audit
from speechparse.junk import _RULES, block_reason, line_reason

LINES = [
    ("信息来源:荆州市政协 | 发布时间:2023-05-22 11:15", "publish-line"),
    ("首页 > 讲话稿 > 正文", "breadcrumb"),
    ("抄送：市委办公室，市人大常委会办公室。", "colophon"),
    ("— 1 —", "page-number"),
    ("- 12 -", "page-number"),
    ("－3－", "page-number"),
    ("第 3 页 共 4 页", "page-number"),
    ("第2页", "page-number"),
    ("共10页 第2页", "page-number"),
    ("Page 3 of 10", "page-number"),
    # a WeChat article's furniture
    ("点击上方蓝字关注我们", "page-control"),
    ("- END -", "page-control"),
    ("阅读原文", "page-control"),
    ("在看", "page-control"),
    ("往期推荐", "related-links"),
    ("长按识别二维码关注", "page-control"),
    ("精彩推荐", "related-links"),
    # a news page's editor and source lines, bracketed or not
    ("（责编：王某、李某）", "publish-line"),
    ("【责任编辑：王某】", "publish-line"),
    ("（来源：新华社）", "publish-line"),
    ("新华社北京2006年3月15日电", "publish-line"),
    ("（中新社北京３月５日电）", "publish-line"),
    ("原文链接：https://www.gov.cn/zhengce/content/a.htm", "source-address"),
    ("https://example.org/news/1.html", "source-address"),
    ("本文来源：某县政府网", "publish-line"),
    ("原标题：在全县干部大会上的讲话", "publish-line"),
    ("版权声明：本文版权归原作者所有", "footer"),
    ("分享到：", "share-bar"),
    ("微信 微博 QQ空间", "share-bar"),
    ("首页 | 新闻中心 | 政务公开 | 办事服务", "nav-menu"),
    # look-alikes: text
    ("——这是我们多年来坚持的经验。", None),
    ("第一，要提高认识。", None),
    ("第3页的表格列出了各项指标。", None),
    ("同志们：", None),
    ("我们要在看清形势的基础上，点击要害、精准发力。", None),
]


def test_every_rule_has_an_example_through_the_prefilter() -> None:
    """Each rule of the chrome table is tried on a line only when the prefilter (`TRIGGERS`,
    short lines, spaces, a leading digit) lets it through: every rule has an example here,
    and `test_line_reason` finds each through the prefilter, so a trigger missing from the
    prefilter fails."""
    assert set(_RULES) <= {reason for _, reason in LINES}


@pytest.mark.parametrize(("line", "reason"), LINES, ids=[t for t, _ in LINES])
def test_line_reason(line: str, reason: str | None) -> None:
    assert line_reason(line) == reason


BLURBS = [
    ("《在…上的讲话》来源于某网，欢迎阅读在…上的讲话。", "source-blurb"),
    ("年终总结会议讲话范文两篇，欢迎阅读参考。", "source-blurb"),
    ("以上内容仅供参考。", "source-blurb"),
    ("本文供大家学习借鉴！", "source-blurb"),
    ("欢迎各位领导莅临指导。", None),
    ("这些经验值得大家学习借鉴。", None),
    ("以上发言，仅供大家参考。", None),  # a speaker's own modest closing
]


@pytest.mark.parametrize(("text", "reason"), BLURBS, ids=[t for t, _ in BLURBS])
def test_block_reason(text: str, reason: str | None) -> None:
    assert block_reason(text) == reason


def test_a_sentence_reads_on_past_a_page_number() -> None:
    text = (
        "在全市会议上的讲话\n同志们：\n一、认清形势\n近年来，我市持续深化\n— 1 —\n"
        "“放管服”改革，营商环境明显改善。\n二、压实责任\n要压实责任。\n"
    )
    doc = speechparse.parse_text(text)
    first = doc.speeches[0].sections[0]
    joined = "近年来，我市持续深化“放管服”改革，营商环境明显改善。"
    assert [p.text for p in first.paragraphs][1] == joined
    assert [(d.reason, d.text) for d in doc.dropped] == [("page-number", "— 1 —")]


def test_other_articles_titles_after_the_text_are_links() -> None:
    text = (
        "在全市经济工作会议上的讲话\n同志们：\n今天开会。\n一、认清形势\n形势严峻。\n"
        "同志们，让我们团结一心，再创佳绩！\n谢谢大家！\n"
        "在全市安全生产会议上的讲话\n县委书记在全县经济工作会议上的讲话稿\n"
    )
    doc = speechparse.parse_text(text)
    assert [p.text for p in doc.speeches[0].closing][-1] == "谢谢大家！"
    assert [d.reason for d in doc.dropped] == ["related-links", "related-links"]


def test_a_documents_attachments_and_signature() -> None:
    """`附件：1.… 2.…` is the list of attachments (dropped), the issuer's name the closing."""
    text = (
        "关于印发行动方案的通知\n各县（市、区）人民政府：\n现将方案印发给你们。\n"
        "一、总体要求\n扎实推进。\n二、保障措施\n加强领导。\n"
        "附件：1.行动任务分工表\n2.行动考核办法\n某市人民政府办公室\n"
    )
    doc = speechparse.parse_text(text)
    speech = doc.speeches[0]
    assert [s.marker for s in speech.walk()] == ["一、", "二、"]
    assert [d.reason for d in doc.dropped] == ["attachments", "attachments"]
    assert [p.text for p in speech.closing] == ["某市人民政府办公室"]


def test_a_running_head_after_a_page_number_is_dropped() -> None:
    """A PDF repeats the title at the top of each page: next to the page number it is chrome."""
    title = "在全市会议上的讲话"
    text = (
        f"{title}\n同志们：\n一、认清形势\n近年来，我市持续深化\n— 1 —\n{title}\n"
        "“放管服”改革，营商环境明显改善。\n二、压实责任\n要压实责任。\n"
    )
    doc = speechparse.parse_text(text)
    assert doc.speeches[0].title == title and len(doc.speeches) == 1
    joined = "近年来，我市持续深化“放管服”改革，营商环境明显改善。"
    assert doc.speeches[0].sections[0].paragraphs[1].text == joined
    assert [d.reason for d in doc.dropped] == ["page-number", "page-header"]


@pytest.mark.parametrize("chrome", ["※", "【打印】【关闭】"])
def test_a_title_is_not_joined_across_a_chrome_line(chrome: str) -> None:
    """A title's two halves with chrome between them are not one title: it would hold the
    chrome's characters in its span (a page number between them is read past, as in prose)."""
    title = f"在2024中国国际数字经济博览会\n{chrome}\n开幕式上的致辞\n"
    text = title + "同志们：\n今天开会。\n一、认清形势\n形势严峻。\n"
    doc = speechparse.parse_text(text)
    assert doc.speeches[0].title == "开幕式上的致辞"
    assert audit(doc) == []
    doc = speechparse.parse_text(text.replace(chrome, "— 1 —"))
    assert doc.speeches[0].title == "在2024中国国际数字经济博览会开幕式上的致辞"
    assert audit(doc) == []


def test_anywhere_prefilter_loses_no_match() -> None:
    """`ANYWHERE_FIRST` lists the characters the rules that match anywhere in a line open with:
    with it as a prefilter, every line of the fixtures and the real corpus matches as without."""
    import re
    from pathlib import Path

    from speechparse import junk

    unfiltered = re.compile(junk._rules(junk._ANYWHERE), re.VERBOSE)
    root = Path(__file__).resolve().parent.parent / "fixtures"
    lines = {
        line.strip()
        for path in root.rglob("*.txt")
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    }
    found = 0
    for line in lines:
        want = unfiltered.search(line)
        got = junk.ANYWHERE_RULE.search(line)
        assert (got and got.span()) == (want and want.span()), line
        found += want is not None
    assert found > 0
