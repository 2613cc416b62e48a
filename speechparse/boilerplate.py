"""Page furniture around the text, recognised as a boilerplate remover recognises it (jusText).

The rules of `junk` name chrome line by line. What they cannot see is furniture made of lines
that are harmless one at a time: a site's menu laid out one short label a line (首页 / 新闻中心 /
政务公开 …), an app's rankings and account blurb, the list of the day's other articles, a legal
database's export header. So, as jusText does:

1. each line gets its features, computed once (`Features`): its length in Han characters,
   sentence punctuation, a colon at its end, a short label, a numbered link, its digits, and
   whether the rules already call it chrome;
2. a first class from them: `bad` (chrome by the rules, a short label), `good` (connected
   prose: long, with sentence punctuation), `near` (in between: titles, bylines, datelines,
   salutations, headings; a line opening with an outline marker is never bad);
3. context: labels close together make a menu (`MENU_MIN_LABELS` of them at least, so the
   short lines of a speech's own head never do; not a table's cells, nor names under a
   header), numbered links past the furniture under the text make a list of other articles,
   and a run of near lines between furniture found here and other furniture is furniture too.

Only what lies outside the body is marked: before the first good line and after the last one.
The lines directly above the first good line (the speech's head: title, subtitle, byline,
dateline, salutation) and directly below the last (a signature, a date) are kept. Inside the
body nothing is marked here; only what the rules mark. Lines of the body are never looked at,
so the pass costs as much as the furniture it reads.

`refine` only turns a line's None into a reason, never the other way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .clean import HAN, Line, without_pinyin
from .lazy import lazy_re
from .lexicon import ROLE_WORD
from .markers import lead_marker

# --- thresholds -------------------------------------------------------------------------------
# Connected prose: at least this many Han characters, with sentence punctuation (or two commas:
# a prose line hard-wrapped in the middle of a sentence).
GOOD_MIN_HAN = 20
GOOD_MIN_COMMAS = 2
# A short label (a menu entry, an app button): at most this many characters, no punctuation
# and no space in it (`县长　李明` is a byline, not a label).
LABEL_MAX = 8
# A menu: at least this many labels, each at most `MENU_GAP` other lines (not labels, not
# chrome) after the one before (a `—…` subtitle under an entry, a title-like entry).
MENU_MIN_LABELS = 5
MENU_GAP = 2
# A table laid out one cell a line looks like a menu but for its numbers: a cluster with at
# least this many lines of numbers per label is a table's cells, not a menu.
TABLE_NUMBERS_PER_LABEL = 1 / 3
# Chrome with these reasons may stand amid a menu's labels (`首页 | 新闻`, a stray `|`); any
# other (a breadcrumb, a print bar, a source line) ends a menu.
MENU_JOINS = frozenset(("nav-menu", "stray"))
# A link of a list: a numbered line of at most this many characters without a sentence in it;
# the list of other articles after the text has at least `LINK_RUN_MIN` of them, numbered on.
LINK_MAX = 40
LINK_RUN_MIN = 2
# At most this many other lines between two links of a list (a title's second line, a date).
LINK_GAP = 2
# A short line that is mostly digits (a date and time, a count of readers): chrome's filler.
DIGITS_LINE_MAX = 20
DIGIT_RATIO = 0.5
# The speech's head above its first prose line: at most this many lines kept as they are.
HEAD_KEEP = 6
# A signature and a date below the last prose line: at most this many short lines kept.
TAIL_KEEP = 4
SIGNATURE_MAX = 30
# An account's blurb on the line under its `功能介绍：` header: at most this many characters.
BLURB_MAX = 120

# Sentence punctuation (ASCII `?` and `!` are mostly mojibake here).
SENTENCE = lazy_re("[。！？；]")
LABEL = lazy_re(f"^[{HAN}A-Za-z0-9０-９Ａ-Ｚａ-ｚ]{{1,{LABEL_MAX}}}$")
# Runs of Han characters, counted by their lengths (a list of every character costs ~3x more).
HAN_RUN = lazy_re(f"[{HAN}]+")
# Han characters are counted in a line's first characters only: enough to tell short from long.
HAN_WINDOW = 64
DIGIT = lazy_re(r"\d")
ROLE = lazy_re(ROLE_WORD)
# A column tag before a title (`要闻 | 标题…`, `时政 > 标题…`): the line is the title's.
COLUMN_TAG = lazy_re(lexicon.COLUMN_TAG.replace(r"\p{Han}", HAN))

# The rules of this pass (tried only on lines the rules of `junk` left), each at a line's start:
#   app_list      a ranking's header: the short lines under it are the ranking
#   app_blurb     an account blurb's header ending a line: the next line is the blurb
#   app_chrome    open-in-app buttons, account ids and blurbs, WeChat's reading furniture
#   export_header a legal database's export header: citation codes, its record's fields
RULES = lazy_re(
    r"""
      (?P<app_list>(?:今日|实时|實時|24小时|24小時)?
        (?:热榜|熱榜|热搜榜?|熱搜榜?|排行榜|热文榜|熱文榜|热点榜|熱點榜)$)
    | (?P<app_blurb>.{0,40}?(?:功能介绍|功能介紹|账号简介|帳號簡介)\s*[:：]$)
    | (?P<app_chrome>
        (?:打开|打開|下载|下載|安装|安裝|前往|去|在|用)\s*(?:APP|App|app|客户端|客戶端)
      | (?:微信号|微信號|公众号|公眾號|功能介绍|功能介紹|账号主体|帳號主體|视频号|視頻號)\s*[:：]
      | (?:微信扫一扫|微信掃一掃).{0,12}(?:关注|關注|使用|打开|打開)
      | (?:预览时标签不可点|預覽時標籤不可點|继续滑动看下一个|繼續滑動看下一個|向上滑动看下一个
          |向上滑動看下一個|轻触阅读原文|輕觸閱讀原文|展开全文|展開全文|查看全文|阅读全文|閱讀全文
          |收起全文|喜欢此内容的人还喜欢|喜歡此內容的人還喜歡)
      | (?:收录于|收錄於)(?:合集|话题|話題|专辑|專輯)
      | (?:原创|原創)(?:[ \t\u3000]+\S|$)
      | (?:发表于|發表於)[^\W\d_]{2,8}$)
    | (?P<export_header>
        [【\[]?\s*(?:法宝引证码|法寶引證碼|引证码|引證碼)
      | 【(?:发布部门|發布部門|发文字号|發文字號|发布日期|發布日期|实施日期|實施日期
          |施行日期|公布日期|时效性|時效性|效力级别|效力級別|效力位阶|效力位階|法规类别|法規類別
          |失效依据|失效依據|批准部门|批准部門|批准日期|制定机关|制定機關|专题分类|專題分類)】
      | (?:时效性|時效性|效力级别|效力級別|效力位阶|效力位階|法规类别|法規類別|发文字号|發文字號
          |发布部门|發布部門)\s*[:：])""",
    re.VERBOSE,
)
# …and anywhere in a line, once `ANYWHERE_TRIGGER` is found in it.
ANYWHERE = lazy_re(
    r"""
      (?P<app_chrome>(?:APP|App|app|客户端|客戶端)\s*(?:内|內|中)\s*
        (?:打开|打開|阅读|閱讀|查看|观看|觀看|收听|收聽))
    | (?P<export_header>\bCLI\.\d+\.\d+|北大法宝|北大法寶|pkulaw)""",
    re.VERBOSE,
)
ANYWHERE_TRIGGER = lazy_re(r"pp|PP|客户端|客戶端|CLI\.|北大法|pkulaw")
REASON = {
    "app_list": "app-chrome",
    "app_blurb": "app-chrome",
    "app_chrome": "app-chrome",
    "export_header": "export-header",
}

# A line under a title that only a speech's head has: a `——` subtitle, a bracketed dateline or
# occasion, a byline with a role word.
HEAD_LINE = lazy_re(r"^(?:[—－-]|[（(].*[）)]$)")
HEAD_LINE_MAX = 40

BAD, NEAR, GOOD = "bad", "near", "good"
# The furniture this pass finds, in the order a run of lines between two marked ones takes its
# reason from its bounds.
PRIORITY = ("nav-menu", "app-chrome", "related-links", "export-header")
NEW = frozenset(PRIORITY)
# The reasons of a page's furniture, which may bound a run of lines taken by smoothing (not a
# stray mark, nor a document's own parts: page numbers, notes, contents, attachments, colophon).
FURNITURE = frozenset(
    (
        *PRIORITY,
        "breadcrumb",
        "publish-line",
        "page-control",
        "footer",
        "share-bar",
        "source-address",
        "edge",
    )
)


@dataclass(slots=True)
class Features:
    """What a line is made of, computed once per line (and only for lines outside the body)."""

    text: str
    han: int  # Han characters (in its first HAN_WINDOW characters)
    sentence: bool  # has sentence punctuation 。！？；
    colon_end: bool  # ends with a colon (a header, a salutation)
    label: bool  # a short label: at most LABEL_MAX characters, no punctuation, no role word
    link: bool  # a numbered short line without a sentence in it
    digits: float  # the share of digits among its characters (of a short line; else 0)
    blank: bool
    junk: str | None  # the reason the rules give it (those of `junk`, then the ones here)
    fixed: bool  # opens with an outline marker or a column tag: never changed here
    ordinal: int  # the number of its outline marker (0 if none)
    cls: str  # the first class: BAD, NEAR or GOOD
    opens: str = ""  # what the lines under it are: "app_list" (a ranking), "app_blurb"

    @property
    def filler(self) -> bool:
        """A short line of mostly digits (a time, a count of readers, a date)."""
        return len(self.text) <= DIGITS_LINE_MAX and self.digits >= DIGIT_RATIO

    @property
    def head_line(self) -> bool:
        """A line that follows a title: a subtitle, a dateline, a byline."""
        return len(self.text) <= HEAD_LINE_MAX and (
            self.filler
            or HEAD_LINE.match(self.text) is not None
            or ROLE.search(self.text) is not None
        )


BLANK = Features("", 0, False, False, False, False, 0.0, True, None, False, 0, NEAR)


@lru_cache(maxsize=64)
def _chrome(reason: str) -> Features:
    """The features of any line the rules of `junk` call chrome (one record per reason)."""
    return Features("", 0, False, False, False, False, 0.0, False, reason, False, 0, BAD)


def _seen(text: str) -> str:
    """The text with pinyin annotations (`區(qū)`) removed, as the rules of `junk` see it."""
    return text if "(" not in text and "（" not in text else without_pinyin(text)


def rule_reason(text: str) -> tuple[str | None, str]:
    """The reason the rules here give a line (app furniture, a database's export header) and
    the name of the rule.

    >>> rule_reason("在App内打开"), rule_reason("【法宝引证码】CLI.1.12345")
    (('app-chrome', 'app_chrome'), ('export-header', 'export_header'))
    >>> rule_reason("热榜"), rule_reason("同志们：")
    (('app-chrome', 'app_list'), (None, ''))
    """
    if len(text) > BLURB_MAX:
        return None, ""
    seen = _seen(text)
    found = RULES.match(seen)
    if found is None and ANYWHERE_TRIGGER.search(seen) is not None:
        found = ANYWHERE.search(seen)
    if found is None or found.lastgroup is None:
        return None, ""
    return REASON[found.lastgroup], found.lastgroup


def features(text: str, reason: str | None) -> Features:
    """The features of one line (pinyin annotations out, as the rules of `junk` read it), given
    the reason those rules gave it (or None).

    >>> f = features("政务公开", None); (f.label, f.cls)
    (True, 'bad')
    >>> f = features("一、总体要求", None); (f.label, f.fixed, f.cls)
    (False, True, 'near')
    >>> features("今天我们召开全县经济工作会议，主要任务是总结去年工作。", None).cls
    'good'
    """
    if not text:
        return BLANK
    if reason is not None:  # chrome already: nothing else about it is asked
        return _chrome(reason)
    text = _seen(text)  # `首(shǒu)页` is a label
    junk, rule = rule_reason(text)
    marker = lead_marker(text)
    size = len(text)
    fixed = marker is not None or (size > 2 and COLUMN_TAG.match(text) is not None)
    sentence = SENTENCE.search(text) is not None
    han = sum(map(len, HAN_RUN.findall(text, 0, HAN_WINDOW)))
    digits = len(DIGIT.findall(text)) / size if size <= DIGITS_LINE_MAX else 0.0
    label = (
        marker is None
        and size <= LABEL_MAX
        and digits < DIGIT_RATIO
        and LABEL.match(text) is not None
        and ROLE.search(text) is None
    )
    link = marker is not None and size <= LINK_MAX and not sentence
    if junk is not None:
        cls = BAD
    elif han >= GOOD_MIN_HAN and (sentence or text.count("，") >= GOOD_MIN_COMMAS):
        cls = GOOD
    elif label:
        cls = BAD
    else:
        cls = NEAR
    ordinal = marker.ordinal if marker is not None else 0
    colon_end = text[-1] in "：:"
    return Features(
        text, han, sentence, colon_end, label, link, digits, False, junk, fixed, ordinal, cls, rule
    )


def refine(lines: list[Line], reasons: list[str | None]) -> None:
    """Mark the page furniture outside the body that the rules left unmarked (in place: a
    None becomes a reason, a reason is never changed)."""
    if all(len(line.text.text) < GOOD_MIN_HAN for line in lines):
        return  # no line long enough to be prose (a short text): no body to tell furniture from
    head: list[Features] = []
    blurb = False  # under an account blurb's header: the next line is no prose of the text
    for line, reason in zip(lines, reasons, strict=True):  # (the body is never read)
        f = features(line.text.text, reason)
        if f.cls == GOOD and not blurb:
            break
        head.append(f)
        blurb = f.opens == "app_blurb" or (blurb and f.blank)
    first = len(head)
    if first == len(lines):
        return  # no prose at all: nothing to tell a body from its furniture by
    tail: list[Features] = []
    for i in range(len(lines) - 1, first, -1):
        f = features(lines[i].text.text, reasons[i])
        if f.cls == GOOD and not _under_blurb(lines, reasons, i, first):
            break
        tail.append(f)
    tail.reverse()
    _mark(head, reasons, 0, above_body=True)
    _mark(tail, reasons, len(lines) - len(tail), above_body=False)


def _under_blurb(lines: list[Line], reasons: list[str | None], i: int, first: int) -> bool:
    """Whether line `i` is an account's blurb: the line under its header (`功能介绍：`)."""
    j = i - 1
    while j > first and not lines[j].text.text:
        j -= 1
    return j > first and features(lines[j].text.text, reasons[j]).opens == "app_blurb"


def _mark(feats: list[Features], reasons: list[str | None], start: int, above_body: bool) -> None:
    """Mark a region outside the body: `feats` are its lines, from line `start` on; the body
    is below it (`above_body`) or above it."""
    if not feats:
        return
    found: list[str | None] = [f.junk for f in feats]  # the reason each line ends with
    filled = [k for k, f in enumerate(feats) if not f.blank]
    _lists(feats, filled, found)
    menus = _menus(feats, filled)
    kept = _kept(feats, filled, menus, above_body)
    for k in menus:
        if k not in kept and not feats[k].fixed and found[k] is None:
            found[k] = "nav-menu"
    if not above_body:
        _related_links(feats, filled, found)
    _smooth(feats, filled, found, kept, above_body)
    for k in filled:
        if found[k] is not None and reasons[start + k] is None:
            reasons[start + k] = found[k]


def _lists(feats: list[Features], filled: list[int], found: list[str | None]) -> None:
    """The numbered lines under a ranking's header (`热榜`), and an account's blurb on the line
    under its header (`功能介绍：`)."""
    in_list = False
    pending: list[int] = []  # short lines after a link: a title's second line, a count
    for n, k in enumerate(filled):
        f = feats[k]
        if in_list and found[k] is None and f.link:
            for m in (*pending, k):
                found[m] = "app-chrome"
            pending.clear()
            continue
        if in_list and found[k] is None and _between_links(f) and len(pending) < LINK_GAP:
            pending.append(k)
            continue
        pending.clear()
        in_list = f.opens == "app_list"
        if f.opens == "app_blurb" and n + 1 < len(filled):
            nxt = filled[n + 1]
            if found[nxt] is None and len(feats[nxt].text) <= BLURB_MAX:
                found[nxt] = "app-chrome"


def _between_links(f: Features) -> bool:
    """A line that may stand between two links of a list: a title's second line, a date."""
    return f.cls != GOOD and not f.sentence and not f.fixed and len(f.text) <= LINK_MAX


def _menus(feats: list[Features], filled: list[int]) -> set[int]:
    """The lines of the menus: each from its first label to its last, `MENU_MIN_LABELS`
    labels at least, at most `MENU_GAP` other lines between two of them (lines of digits and
    chrome that may stand in a menu do not count); a line with an outline marker, or other
    chrome, ends one. Too many numbers (a table's cells) or a header line ending in a colon
    right above (`出席：` over names) make it no menu."""
    menus: set[int] = set()
    run: list[int] = []  # the current cluster, up to its last label
    after: list[int] = []  # the lines after its last label
    labels = gap = 0
    listed = False  # the cluster follows a header (`出席：`): a list of names, not a menu
    before: Features = BLANK  # the line before the current one

    def close() -> None:
        numbers = sum(1 for k in run if feats[k].filler and feats[k].junk is None)
        if labels >= MENU_MIN_LABELS and numbers < labels * TABLE_NUMBERS_PER_LABEL and not listed:
            menus.update(run)

    for k in filled:
        f, previous, before = feats[k], before, feats[k]
        if f.label and f.junk is None:
            if run and gap <= MENU_GAP:
                run.extend(after)
            else:
                close()
                run, labels = [], 0
                listed = previous.colon_end and previous.junk is None
            run.append(k)
            labels += 1
            after, gap = [], 0
        elif f.fixed or (f.junk is not None and f.junk not in MENU_JOINS):
            close()
            run, labels, after, gap = [], 0, [], 0
        else:
            after.append(k)
            if f.junk is None and not f.filler:
                gap += 1
    close()
    return menus


def _kept(feats: list[Features], filled: list[int], menus: set[int], above_body: bool) -> set[int]:
    """The lines next to the body kept as they are: a speech's head above it (up to
    `HEAD_KEEP` lines), a signature below it (up to `TAIL_KEEP` short lines, up to the page's
    furniture). Other chrome is passed over, and lines of digits (a dateline, a time) are kept
    without being counted. The walk stops at a menu's line that has another line of the menu
    beyond it, unless it stands right above a subtitle, dateline or byline (a short title under
    a menu)."""
    order = filled[::-1] if above_body else filled
    limit = HEAD_KEEP if above_body else TAIL_KEEP
    kept: set[int] = set()
    counted = 0
    last: Features | None = None  # the line kept before (nearer the body)
    for n, k in enumerate(order):
        f = feats[k]
        if f.junk is not None:
            if not above_body and f.junk in FURNITURE:
                break  # a signature comes right under the text, before the page's furniture
            continue
        if f.filler:
            kept.add(k)
            last = f
            continue
        if not above_body and f.han > SIGNATURE_MAX:
            break
        beyond = order[n + 1] if n + 1 < len(order) else None
        if k in menus and beyond in menus:
            if above_body and last is not None and last.head_line and not last.label:
                kept.add(k)  # the title
            break
        kept.add(k)
        last = f
        counted += 1
        if counted >= limit:
            break
    return kept


def _related_links(feats: list[Features], filled: list[int], found: list[str | None]) -> None:
    """Below the body and past the page's furniture: numbered links numbered on (`1.` `2.` …),
    the list of other articles, with a title's second line or a date between two of them. (A
    numbered line right under the text may still be the speech's own.)"""
    past_chrome = False
    links: list[int] = []  # the numbered lines of the current list
    lines: list[int] = []  # and every line of it
    pending: list[int] = []  # lines after its last link: the list's if another link follows

    def close() -> None:
        if len(links) >= LINK_RUN_MIN:
            for k in lines:
                found[k] = found[k] or "related-links"
        links.clear()
        lines.clear()
        pending.clear()

    for k in filled:
        f = feats[k]
        if f.link and past_chrome and found[k] is None:
            if links and f.ordinal != feats[links[-1]].ordinal + 1:
                close()
            links.append(k)
            lines.extend(pending)
            lines.append(k)
            pending.clear()
        elif found[k] is not None:
            past_chrome = past_chrome or found[k] in FURNITURE
            pending.append(k)  # chrome between two links leaves the list open
        elif links and _between_links(f) and len(pending) < LINK_GAP:
            pending.append(k)
        else:
            close()
    close()


def _smooth(
    feats: list[Features],
    filled: list[int],
    found: list[str | None],
    kept: set[int],
    above_body: bool,
) -> None:
    """A run of unmarked lines between two lines of furniture, one of them found here (a menu,
    app furniture, a list of links, an export header), is furniture too; so is one between such
    a line and the end of the text, or between the top of the text and a menu (a site's
    banner). A run between two lines the rules of `junk` mark is theirs to judge (it may be the
    rest of a hard-wrapped line). Kept lines and lines with an outline marker are never taken;
    they end a run unmarked."""
    n = len(filled)
    a = 0
    while a < n:
        if not _open(feats, found, kept, filled[a]):
            a += 1
            continue
        b = a
        while b + 1 < n and _open(feats, found, kept, filled[b + 1]):
            b += 1
        top = "edge" if above_body and b + 1 < n and found[filled[b + 1]] == "nav-menu" else None
        before = found[filled[a - 1]] if a > 0 else top
        after = found[filled[b + 1]] if b + 1 < n else (None if above_body else "edge")
        if before in FURNITURE and after in FURNITURE and (before in NEW or after in NEW):
            bounds = (before, after)
            reason = next((r for r in PRIORITY if r in bounds), None)
            reason = reason or (before if before != "edge" else after)
            for m in range(a, b + 1):
                found[filled[m]] = reason
        a = b + 1


def _open(feats: list[Features], found: list[str | None], kept: set[int], k: int) -> bool:
    """A line that smoothing may take: unmarked, not kept, without an outline marker."""
    return found[k] is None and k not in kept and not feats[k].fixed
