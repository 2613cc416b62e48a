"""Page furniture around the body by line features and context (`boilerplate.refine`).

Each case is a page's lines, each written with the reason it should end with: `-` for a line
that must stay text, a reason for a line that must become (or already is) page furniture.
"""

from __future__ import annotations

import pytest

from speechparse import boilerplate, junk
from speechparse.clean import split_lines

PROSE = "今天我们召开全市工作会议，主要任务是总结去年工作，部署今年任务。"
PROSE2 = "过去一年，全市地区生产总值增长6%，一般公共预算收入增长8%，民生持续改善。"
PROSE3 = "同志们，让我们团结一心、真抓实干，奋力完成全年目标任务！"

CASES: dict[str, list[tuple[str, str]]] = {
    # a site's menu one label a line above the title, a `——` motto amid it, the site's name on top
    "menu-above-the-head": [
        ("某某市人民政府门户网站", "nav-menu"),
        ("首页", "nav-menu"),
        ("新闻中心", "nav-menu"),
        ("政务公开", "nav-menu"),
        ("走进某市", "nav-menu"),
        ("——山水之城　魅力某市", "nav-menu"),
        ("办事服务", "nav-menu"),
        ("互动交流", "nav-menu"),
        ("专题专栏", "nav-menu"),
        ("首页 > 领导讲话 > 正文", "breadcrumb"),
        ("在全市经济工作会议上的讲话", "-"),
        ("——在全市经济工作会议上", "-"),
        ("市长　张三", "-"),
        ("（2024年1月8日）", "-"),
        ("同志们：", "-"),
        (PROSE, "-"),
        ("一、认清形势", "-"),
        (PROSE2, "-"),
        (PROSE3, "-"),
    ],
    # the menu right above the title, nothing between them
    "menu-touching-the-title": [
        *[(label, "nav-menu") for label in ("首页", "新闻中心", "政务公开", "办事服务")],
        ("互动交流", "nav-menu"),
        ("走进某县", "nav-menu"),
        ("在全县干部大会上的讲话", "-"),
        ("县委书记　李四", "-"),
        ("同志们：", "-"),
        (PROSE, "-"),
    ],
    # an annotated page's menu: its labels are labels with their pinyin (`首(shǒu)页`)
    "menu-with-pinyin": [
        *[(label, "nav-menu") for label in ("首(shǒu)页", "新(xīn)闻中心", "政务公开", "走进某区")],
        ("办事服务", "nav-menu"),
        ("互动交流", "nav-menu"),
        ("在全市经济工作会议上的讲话", "-"),
        ("同志们：", "-"),
        (PROSE, "-"),
    ],
    # a short title (a label by its shape) right under a menu, above a subtitle
    "short-title-under-a-menu": [
        *[(label, "nav-menu") for label in ("首页", "新闻中心", "政务公开", "办事服务")],
        ("互动交流", "nav-menu"),
        ("政府工作报告", "-"),
        ("——2024年1月10日在市第十六届人民代表大会第三次会议上", "-"),
        ("市长　张三", "-"),
        ("各位代表：", "-"),
        (PROSE, "-"),
    ],
    # a speech's own head is never a menu: short lines, but not five labels
    "head-without-chrome": [
        ("讲话", "-"),
        ("在全市工作会议上的讲话", "-"),
        ("——在全市工作会议上", "-"),
        ("张三", "-"),
        ("（2024年1月8日）", "-"),
        ("同志们：", "-"),
        (PROSE, "-"),
        (PROSE3, "-"),
    ],
    # a footer menu and site lines below the text; a signature and a date right under it kept
    "footer-below-the-signature": [
        (PROSE, "-"),
        (PROSE3, "-"),
        ("某某市人民政府", "-"),
        ("二〇二四年一月八日", "-"),
        ("【打印本页】　【关闭窗口】", "page-control"),
        *[(label, "nav-menu") for label in ("网站首页", "关于我们", "网站地图", "联系我们")],
        ("使用帮助", "nav-menu"),
        ("主办单位：某某市人民政府办公室", "nav-menu"),
        ("网站标识码：3600000000", "nav-menu"),
        ("版权所有：某某市人民政府", "footer"),
        ("承办：某某市大数据中心", "-"),  # after the rules' own chrome: theirs to judge
    ],
    # headings keep their place wherever they are, however short
    "headings-never-junk": [
        *[(label, "nav-menu") for label in ("首页", "新闻中心", "政务公开", "办事服务")],
        ("互动交流", "nav-menu"),
        ("一、总体要求", "-"),
        ("（一）指导思想", "-"),
        (PROSE, "-"),
        (PROSE2, "-"),
        ("二、保障措施", "-"),
        ("1.加强领导", "-"),
        ("2.强化督查", "-"),
        *[(label, "nav-menu") for label in ("网站首页", "关于我们", "网站地图", "联系我们")],
        ("使用帮助", "nav-menu"),
    ],
    # short lines inside the body (slogans, a poem) are the speech's, however menu-like
    "slogans-inside-the-body": [
        ("在全市工作会议上的讲话", "-"),
        ("同志们：", "-"),
        (PROSE, "-"),
        *[(line, "-") for line in ("不忘初心", "牢记使命", "勇于担当", "真抓实干", "奋勇争先")],
        ("春风又绿江南岸", "-"),
        ("明月何时照我还", "-"),
        (PROSE2, "-"),
        (PROSE3, "-"),
    ],
    # slogans closing the speech: right under the text, not between furniture
    "slogans-closing-the-speech": [
        (PROSE, "-"),
        (PROSE3, "-"),
        *[(line, "-") for line in ("中国人民解放万岁！", "打倒侵略者！", "胜利属于人民！")],
        *[(line, "-") for line in ("团结奋斗！", "万众一心！", "勇往直前！")],
    ],
    # WeChat and app furniture: open-in-app lines, an account's id and blurb, a ranking
    "app-furniture": [
        ("在App内打开", "app-chrome"),
        ("在全市工作会议上的讲话", "-"),
        ("原创　某某发布　2024-01-20 08:30　发表于江西", "app-chrome"),
        ("同志们：", "-"),
        (PROSE, "-"),
        (PROSE3, "-"),
        ("- END -", "page-control"),
        ("打开APP", "app-chrome"),
        ("APP内阅读", "app-chrome"),
        ("微信号：moumoufabu", "app-chrome"),
        ("功能介绍：", "app-chrome"),
        ("传播党的声音，服务全市群众，讲好某市故事，发布权威信息。", "app-chrome"),
        ("热榜", "app-chrome"),
        ("1.市委常委会召开会议", "app-chrome"),
        ("2.全市重点项目集中开工", "app-chrome"),
        ("3.某市入选示范市", "app-chrome"),
    ],
    # a WeChat head laid out one field a line: the title stays
    "wechat-head-one-field-a-line": [
        ("在全县三级干部大会上的讲话", "-"),
        ("原创", "app-chrome"),
        ("某某县融媒体中心", "-"),
        ("某某发布", "-"),
        ("2024-01-20 08:30", "publish-line"),
        ("发表于江西", "app-chrome"),
        ("——县委书记　李明", "-"),
        ("（2024年1月18日）", "-"),
        ("同志们：", "-"),
        (PROSE, "-"),
    ],
    # the numbered list of other articles, past the chrome under the text; a title may wrap
    "related-links-past-chrome": [
        (PROSE, "-"),
        (PROSE3, "-"),
        ("（来源：某某日报）", "publish-line"),
        ("1.县委常委会召开会议", "related-links"),
        ("研究部署近期重点工作", "related-links"),
        ("2.我县召开安全生产工作部署会", "related-links"),
        ("3.全县重点项目集中开工", "related-links"),
    ],
    # a numbered list right under the text may be the speech's own: left as it is
    "numbered-lines-under-the-text": [
        (PROSE, "-"),
        (PROSE3, "-"),
        ("1.加强组织领导", "-"),
        ("2.强化督查考核", "-"),
        ("3.营造良好氛围", "-"),
    ],
    # a numbered list after a page break is the text's, not a list of links
    "numbered-lines-after-a-page-number": [
        (PROSE, "-"),
        (PROSE3, "-"),
        ("— 3 —", "page-number"),
        ("1.加强组织领导", "-"),
        ("2.强化督查考核", "-"),
        ("3.营造良好氛围", "-"),
    ],
    # a ranking above the title: its numbered lines, not the title under them
    "ranking-above-the-title": [
        ("热榜", "app-chrome"),
        ("1.市委常委会召开会议", "app-chrome"),
        ("2.全市重点项目集中开工", "app-chrome"),
        ("3.某市入选示范市", "app-chrome"),
        ("在全市工作会议上的讲话", "-"),
        ("同志们：", "-"),
        (PROSE, "-"),
    ],
    # names one a line under a header are a list, not a menu
    "names-under-a-header": [
        ("关于全市安全生产工作的会议纪要", "-"),
        ("出席：", "-"),
        *[(name, "-") for name in ("张明", "李华", "王强", "赵敏", "钱进", "孙立")],
        (PROSE, "-"),
        (PROSE2, "-"),
    ],
    # a legal database's export header, and its citation code at the foot
    "export-header": [
        ("在全省市场监管工作会议上的讲话", "-"),
        ("【法宝引证码】CLI.12.1000001", "export-header"),
        ("【发布部门】某省市场监督管理局", "export-header"),
        ("【时效性】现行有效", "export-header"),
        ("【效力级别】地方工作文件", "export-header"),
        ("在全省市场监管工作会议上的讲话", "-"),
        ("同志们：", "-"),
        (PROSE, "-"),
        (PROSE3, "-"),
        ("【法宝引证码】CLI.12.1000001", "export-header"),
    ],
    # a column tag before the title (`要闻 | 标题`): the line is the title's, never junk
    "column-tag-line": [
        *[(label, "nav-menu") for label in ("首页", "新闻中心", "政务公开", "办事服务")],
        ("互动交流", "nav-menu"),
        ("要闻 | 在全市工作会议上的讲话", "-"),
        ("来源：某某市政府办公室", "publish-line"),
        ("同志们：", "-"),
        (PROSE, "-"),
    ],
    # a table laid out one cell a line after the text: its numbers tell it from a menu
    "table-cells-after-the-text": [
        (PROSE, "-"),
        (PROSE2, "-"),
        ("项目类型", "-"),
        ("项目个数", "-"),
        ("投资规模", "-"),
        ("交通", "-"),
        ("40", "stray"),
        ("0.7828", "-"),
        ("水利", "-"),
        ("19", "stray"),
        ("0.8163", "-"),
        ("公共服务", "-"),
        ("0.5837", "-"),
    ],
}


def _lines(texts: list[str]) -> list[junk.Line]:
    return split_lines("\n".join(texts), unfold=False).lines


def _rules_only(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The reasons of the rules of `junk`, before `refine`."""
    with monkeypatch.context() as patched:
        patched.setattr(boilerplate, "refine", lambda lines, reasons: None)
        return junk.classify(_lines(texts))


@pytest.mark.parametrize("name", sorted(CASES))
def test_refine(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [text for text, _ in CASES[name]]
    expected = [None if reason == "-" else reason for _, reason in CASES[name]]
    before = _rules_only(texts, monkeypatch)
    after = list(before)
    boilerplate.refine(_lines(texts), after)
    assert list(zip(texts, after, strict=True)) == list(zip(texts, expected, strict=True))
    assert all(b == a for b, a in zip(before, after, strict=True) if b)  # None -> reason only
    assert junk.classify(_lines(texts)) == after  # the hook in `junk.classify`


@pytest.mark.parametrize("name", sorted(CASES))
def test_nothing_marked_inside_the_body(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [text for text, _ in CASES[name]]
    before = _rules_only(texts, monkeypatch)
    after = list(before)
    boilerplate.refine(_lines(texts), after)
    good = [
        i
        for i, t in enumerate(texts)
        if boilerplate.features(t, before[i]).cls == boilerplate.GOOD and after[i] is None
    ]  # the prose that stays text (not an account's blurb)
    if good:
        assert after[good[0] : good[-1] + 1] == before[good[0] : good[-1] + 1]


FEATURES = [
    # text, label, link, fixed, first class
    ("政务公开", True, False, False, "bad"),
    ("打开APP", True, False, False, "bad"),
    ("市长张三", False, False, False, "near"),  # a byline: a role word in it
    ("县长　李建国", False, False, False, "near"),
    ("（2024年2月5日）", False, False, False, "near"),
    ("一、总体要求", False, True, True, "near"),
    ("1.县委常委会召开会议", False, True, True, "near"),
    ("要闻 | 在全市工作会议上的讲话", False, False, True, "near"),
    ("在全县经济工作会议上的讲话", False, False, False, "near"),
    (PROSE, False, False, False, "good"),
    (  # prose hard-wrapped in mid-sentence: no full stop, but commas
        "同志们，今天我们召开全县经济工作会议，主要任务是总结去年工作，部署今年",
        False,
        False,
        False,
        "good",
    ),
]


@pytest.mark.parametrize(
    ("text", "label", "link", "fixed", "cls"), FEATURES, ids=[f[0] for f in FEATURES]
)
def test_features(text: str, label: bool, link: bool, fixed: bool, cls: str) -> None:
    f = boilerplate.features(text, None)
    assert (f.label, f.link, f.fixed, f.cls) == (label, link, fixed, cls)


def test_a_line_the_rules_mark_is_bad() -> None:
    assert boilerplate.features("版权所有：某某市人民政府", "footer").cls == boilerplate.BAD


def test_no_prose_no_change() -> None:
    texts = ["首页", "新闻中心", "政务公开", "办事服务", "互动交流", "走进某县"]
    reasons: list[str | None] = [None] * len(texts)
    boilerplate.refine(_lines(texts), reasons)
    assert reasons == [None] * len(texts)
