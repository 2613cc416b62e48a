"""Stage: page chrome around the text, recognised by shape and vocabulary, never by site name.

Each rule is a named pattern; the name is the `reason` recorded in `dropped`. Simplified and
Traditional forms are both written out. A line is tested with pinyin annotations (`區(qū)`)
removed, so annotated Traditional pages are read like plain ones.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from . import boilerplate, lexicon
from .clean import HAN, Line, without_pinyin
from .collapsed import NOT_CREDIT_BEFORE as LAST_NOT_CREDIT
from .grammar import LEAD_FIRST as MARKER_FIRST
from .grammar import PIECE_UNITS
from .lazy import lazy_re, lazy_regex
from .markers import lead_marker
from .numerals import CHINESE

DATE = lazy_regex(
    r"(?P<y>(?:19|20)\d\d)\s*[-/年.．]\s*(?P<m>\d{1,2})\s*[-/月.．]\s*(?P<d>\d{1,2})日?"
    r"(?:\s*(?P<H>\d{1,2})[:：](?P<M>\d{2})(?:[:：](?P<S>\d{2}))?)?"
)

# (reason, pattern) — tried in order on a whole line. Each alternative stands on a line of its own.
# Here the rules' alternatives that match at a line's start (`^`); in `_ANYWHERE` those that
# may match anywhere in it (a rule is the union of both).
_RULES = {
    "breadcrumb": r"""
        ^(?:您|你)?(?:现在|當前|当前|所处|所處|現在)?的?(?:位置|所在位置)\s*[:：]
      | ^.{0,20}首[页頁]\s*(?:>|＞|»|→|/)""",
    "publish-line": r"""
        ^[（(【\[]?(?:(?:信息|文章|稿件|本文)?(?:来源|來源|出处|出處)|作者|编辑|編輯
           |责任编辑|責任編輯|责编|責編|审核|審核|校对|校對|点击|點擊|浏览|瀏覽|阅读|閱讀
           |发稿单位|發稿單位|发布单位|發布單位|发布人|發布人|发布机构|發布機構
           |原标题|原標題)
        (?:次数|次數|量|数|數)?\s*[:：].{0,30}$
      | ^[（(]?[\p{Han}]{1,4}社[\p{Han}]{0,8}?(?:[0-9０-９]{4}年)?
        [0-9０-９]{1,2}月[0-9０-９]{1,2}日电[）)]?$
      | ^(?:19|20)\d\d[-/年.]\d{1,2}[-/月.]\d{1,2}日?(?:\s+\d{1,2}:\d\d(?::\d\d)?)?
        \s*(?:来源|來源|作者|浏览|瀏覽|点击|點擊|$)""",
    "page-control": r"""
        ^(?:[【\[][^】\]]{1,8}[】\]]\s*){2,}$
      | ^[-—–_\s]*END[-—–_\s]*$
      | ^(?:点赞|點讚|在看|阅读原文|閱讀原文|写留言|寫留言|留言|转发|轉發|赞赏|讚賞)$
      | ^[【\[]?\s*(?:打印|關閉|关闭|收藏|分享到?|返回顶部|返回頂部|纠错|糾錯)
        (?:\s*[|｜/\]】]?\s*(?:打印|關閉|关闭|收藏|分享到?|本页|本頁|窗口))*
        \s*[\]】]?$""",
    "footer": r"""
        ^(?:地址|通讯地址|通訊地址)\s*[:：].{0,60}
        (?:邮编|郵編|邮政编码|郵政編碼|电话|電話)""",
    "related-links": r"""
        ^(?:相关|相關)(?:热词|熱詞|文章|阅读|閱讀|推荐|推薦|链接|鏈接|搜索)
      | ^(?:看过|看過).{0,60}(?:还看了|還看了)
      | ^(?:推荐|推薦|延伸|猜你|热门|熱門|更多)
        (?:阅读|閱讀|喜欢|喜歡|文章|推荐|推薦)
      | ^(?:上一篇|下一篇)
      | ^(?:往期|精彩)(?:推荐|推薦|回顾|回顧|阅读|閱讀)
      | ^(?:热门|熱門|热点|熱點)?
        (?:搜索|搜尋|标签|標籤|关键词|關鍵詞|热词|熱詞|TAG|Tags?)\s*[:：]""",
    "share-bar": r"""
        ^(?:分享到|分享至|分享)\s*[:：]?
      | ^(?:(?:微信|微博|新浪微博|腾讯微博|騰訊微博|QQ空间|QQ空間|QQ好友|朋友圈|豆瓣|人人网)
           [\s|｜/,，、]*){2,}$""",
    "page-number": r"""
        ^[-－—–―~～]+[ \t\u3000]*\d{1,4}[ \t\u3000]*[-－—–―~～]+$
      | ^第[ \t\u3000]*\d{1,4}[ \t\u3000]*[页頁]
        (?:[ \t\u3000]*[,，/]?[ \t\u3000]*共[ \t\u3000]*\d{1,4}[ \t\u3000]*[页頁])?$
      | ^共[ \t\u3000]*\d{1,4}[ \t\u3000]*[页頁][ \t\u3000]*[,，]?[ \t\u3000]*
        第[ \t\u3000]*\d{1,4}[ \t\u3000]*[页頁]$
      | ^(?:Page|PAGE|page)[ \t]*\d{1,4}(?:[ \t]*(?:of|/)[ \t]*\d{1,4})?$""",
    "colophon": r"""
        ^(?:抄送|抄报|抄報|分送)\s*[:：]""",
    "source-address": r"""
        ^[（(【\[]?(?:原文|原始|来源|來源|本文|文章|网页|網頁)?
        (?:链接|鏈接|网址|網址|地址|出处|出處|URL|url|Url)\s*[:：]\s*(?:https?://|www\.)\S+$
      | ^(?:https?://|www\.)\S+$""",
    "nav-menu": r"""
        ^(?:[\p{Han}A-Za-z]{2,6}[ \t\u3000]*[|｜/·•]+[ \t\u3000]*){3,}[\p{Han}A-Za-z]{2,6}$
      | ^(?:[\p{Han}]{2,6}[ \t\u3000]+){4,}[\p{Han}]{2,6}$""",
}
_ANYWHERE = {
    "publish-line": r"""
        (?:发布|發布|发表|發表|更新|录入|錄入|发稿|發稿)(?:时间|時間|日期)\s*[:：]
      | (?:信息)?(?:来源|來源|出处|出處)\s*[:：].{0,40}
        (?:时间|時間|日期|点击|點擊|作者)""",
    "page-control": r"""
        字[体體号號]\s*[:：]?\s*【
      | 字[体體号號]\s*[:：]\s*[大中小]
      | 【\s*[大中小]\s*】
      | 扫一扫 | 掃一掃 | 手机打开 | 手機打開 | 扫描二维码 | 掃描二維碼
      | 点击上方.{0,8}关注 | 點擊上方.{0,8}關注 | 长按.{0,10}关注 | 長按.{0,10}關注""",
    "footer": r"""
        版[权權]所有 | 版[权權][声聲]明 | Copyright | ©
      | ICP\s*[备備]?\s*\d | 公网安备 | 公網安備 | 技术支持 | 技術支持""",
    "colophon": r"""
        (?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:印发|印發)$""",
}
# The characters an alternative of `_ANYWHERE` opens with: where in a line one may match (a
# test before the alternatives, which would otherwise be tried at every character).
ANYWHERE_FIRST = "发發更录錄信来來出字【扫掃手点點长長版C©I公技12"
# A line of at most three punctuation marks, symbols or digits: tried last (it needs Unicode
# categories, which only `regex` has; the other rules run on the faster standard engine).
STRAY = lazy_regex(r"^[\p{P}\p{S}\d\s]{1,3}$")
STRAY_MAX = 3

def _rules(table: dict[str, str]) -> str:
    return "|".join(
        f"(?P<{name.replace('-', '_')}>{pattern})" for name, pattern in table.items()
    ).replace(r"\p{Han}", HAN)


# every rule, each the union of its two parts (in the order of `_RULES`): matched at the start
ANY_RULE = lazy_re(
    _rules(
        {
            name: f"{pattern}\n|{_ANYWHERE[name]}" if name in _ANYWHERE else pattern
            for name, pattern in _RULES.items()
        }
    ),
    re.VERBOSE,
)
# …and, past the start, only the rules that may match anywhere
ANYWHERE_RULE = lazy_re(f"(?=[{ANYWHERE_FIRST}])(?:{_rules(_ANYWHERE)})", re.VERBOSE)
# Blurbs are tested on whole paragraphs, once broken lines are joined again.
SOURCE_BLURB = lazy_regex(
    r"""
        来源于.{0,40}欢迎阅读 | 來源於.{0,40}歡迎閱讀
      | (?:欢迎|歡迎)
        (?:阅读|閱讀|参考|參考|借鉴|借鑒|下载|下載|收藏|学习|學習|[和与與、])+[!！。.]?$""",
    regex.VERBOSE,
)
# `…仅供参考。` ends a speaker's modest closing too: a blurb only when it speaks of the page.
PAGE_OFFER = ("仅供", "僅供", "供大家", "供您", "供各位")  # what the page offers its text for
PAGE_WORDS = (  # what names the page's text
    *("本文", "本篇", "以上内容", "以上內容", "文章"),
    *("范文", "範文", "资料", "資料", "全文"),
)
PAGE_LEAD_MAX = 30  # characters before the word naming the page's text
PAGE_GAP_MAX = 20  # characters between that word and what the page offers it for
PAGE_BLURB = lazy_regex(
    rf"^.{{0,{PAGE_LEAD_MAX}}}(?:{'|'.join(PAGE_WORDS)}).{{0,{PAGE_GAP_MAX}}}"
    rf"(?:{'|'.join(PAGE_OFFER)})"
    r"""(?:阅读|閱讀|参考|參考|借鉴|借鑒|下载|下載|收藏|学习|學習|[和与與、])+[!！。.]?$""",
    regex.VERBOSE,
)
# One of them is in every PAGE_BLURB, ending by `OFFER_END`: a search for them there spares most
# paragraphs the pattern (its spans of any characters are tried in every length, ~4 µs a
# paragraph) and the search the rest of a long paragraph.
OFFER = lazy_re("|".join(PAGE_OFFER))
OFFER_END = PAGE_LEAD_MAX + max(map(len, PAGE_WORDS)) + PAGE_GAP_MAX + max(map(len, PAGE_OFFER))

SPAM_WORD = lazy_re(
    r"精品|视频|視頻|免费|免費|在线播放|在線播放|午夜|福利|国产|國產|一区二区|一區二區|丝袜|絲襪|久久"
)
SPAM_MIN_WORDS = 3
# A news photo's caption: what it shows, then the credit (`新华社记者 姚大伟/摄`).
CAPTION = lazy_regex(rf"{lexicon.PHOTO_CREDIT}$")
CAPTION_MAX = 200
CAPTION_LAST = "摄攝)）"  # (a string: a character is looked for in it without being hashed)


def _caption(text: str) -> bool:
    if len(text) > CAPTION_MAX:
        return False
    seen = probe(text)
    last = LAST_NOT_CREDIT.search(seen)  # a credit that ends the line begins after it
    return CAPTION.search(seen, last.end() if last is not None else 0) is not None


# Chrome is short and is not prose.
CHROME_MAX = 100

# Notes and glossaries appended after the text: the header and everything under it.
NOTES_HEADER = lazy_regex(
    r"^(?:注释|註釋|注解|註解|注|註|名词解释|名詞解釋|参考文献|參考文獻|附注|附註)\s*[:：]?$"
)
PIECE_START = lazy_regex(rf"^第{CHINESE.pattern}(?:{'|'.join(PIECE_UNITS)})")  # `第二篇`
# A turn of a record (`陳偉業議員：主席，…`): the notes of the answer before it have ended.
TURN = lazy_regex(lexicon.SPEAKER_LABEL + r"\S")
TURN_HEADING_MAX = 40  # an agenda heading over the turn that ends the notes

# After a related-links header, the short lines that follow are the links.
LINK_LINE_MAX = 40
# A table of contents (a Word file's, a PDF's): a `目录` line, then short heading lines (with dot
# leaders and page numbers, or not), up to the first prose line or the first heading that comes
# again (the body has begun).
CONTENTS_HEADER = lazy_regex(r"^目\s*(?:录|錄|次)$")
CONTENTS_LINE_MAX = 60
PAGE_LEADER = lazy_regex(r"(?:[.．·•…⋯\-—_]{2,}|\s)\s*\d{1,4}\s*$")


@lru_cache(maxsize=8192)
def probe(text: str) -> str:
    """The text as junk rules see it: pinyin annotations removed.

    >>> probe("相關(guān)熱詞搜索")
    '相關熱詞搜索'
    """
    if "(" not in text and "（" not in text:
        return text
    return without_pinyin(text)  # (`PINYIN.sub`, tried only at the brackets)


# Every rule needs one of these (or a short line, a leading digit, or spaces between words):
# testing for them first spares most lines the rules themselves.
TRIGGERS = (
    "抄送",
    "抄报",
    "抄報",
    "分送",
    "印发",
    "印發",
    "位置",
    "首页",
    "首頁",
    "时间",
    "時間",
    "日期",
    "来源",
    "來源",
    "出处",
    "出處",
    "作者",
    "编辑",
    "編輯",
    "责编",
    "責編",
    "审核",
    "審核",
    "点击",
    "點擊",
    "浏览",
    "瀏覽",
    "阅读",
    "閱讀",
    "字",
    "【",
    "[",
    "扫",
    "掃",
    "手机",
    "手機",
    "打印",
    "关闭",
    "關閉",
    "收藏",
    "分享",
    "返回",
    "纠错",
    "糾錯",
    "版权",
    "版權",
    "Copyright",
    "©",
    "ICP",
    "公网",
    "公網",
    "技术支持",
    "技術支持",
    "地址",
    "通讯",
    "通訊",
    "相关",
    "相關",
    "看过",
    "看過",
    "推荐",
    "推薦",
    "延伸",
    "猜你",
    "热",
    "熱",
    "更多",
    "上一篇",
    "下一篇",
    "搜索",
    "搜尋",
    "标签",
    "標籤",
    "关键词",
    "關鍵詞",
    "TAG",
    "Tag",
    "微信",
    "微博",
    "QQ",
    "朋友圈",
    "豆瓣",
    "人人网",
    "|",
    "｜",
    "/",
    "·",
    "•",
    "欢迎",
    "歡迎",
    "原标题",
    "原標題",
    "校对",
    "校對",
    "长按",
    "長按",
    "留言",
    "转发",
    "轉發",
    "赞赏",
    "讚賞",
    "END",
    "往期",
    "精彩",
    "声明",
    "聲明",
    "http",
    "日电",
    "单位",
    "單位",
    "发布",
    "發布",
    "www.",
    "链接",
    "鏈接",
    "网址",
    "網址",
)


def _any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern that finds any of `words` (whether one is there: not which), the words grouped
    by their first character: where a character that opens one stands, the engine tries one
    alternative for each first character, not one for each word (~2x faster). A word of one
    character stands for every word it opens.

    >>> [m.group() for m in _any_word(("来源", "来稿", "字")).finditer("来稿字来")]
    ['来稿', '字']
    """
    rests: dict[str, set[str]] = {}
    for word in words:
        rests.setdefault(word[0], set()).add(word[1:])
    return re.compile(
        "|".join(
            re.escape(first)
            if "" in after
            else f"{re.escape(first)}(?:{'|'.join(map(re.escape, sorted(after)))})"
            for first, after in rests.items()
        )
    )


# One scan for all of them (the standard library's engine: ~10x faster than testing each word).
TRIGGER = _any_word(TRIGGERS)
NOTES_FIRST = "注註名参參附"  # (a string, as CAPTION_LAST)
# A document's list of attachments: `附件：1.…分工表` and the names under it (`2.…办法`).
ATTACHMENTS_HEADER = lazy_re(r"^附件[ \t\u3000]*(?:[0-9０-９]{1,2}[ \t\u3000]*)?[:：]")
ATTACHMENT_MAX = 60
# What a page break leaves: its number (`— 3 —`, `第3页 共9页`), a running head next to it, a
# running foot (a PDF reader marks those).
PAGE_BREAK = ("page-number", "page-header", "page-footer")
RUNNING_HEAD_MAX = 40
RUNNING_HEAD_TOP = 5  # lines at the top of a text that hold its title


def _may_be_chrome(seen: str) -> bool:
    if len(seen) <= 3 or seen[0].isdigit() or " " in seen or "\t" in seen or "\u3000" in seen:
        return True
    return TRIGGER.search(seen) is not None


def line_reason(text: str, numbered: bool | None = None) -> str | None:
    """Why a line is page chrome, or None (`numbered`: whether it opens with a marker, if the
    line's record knows it already).

    >>> line_reason("信息来源:荆州市政协 | 发布时间:2023-05-22 11:15"), line_reason("同志们：")
    ('publish-line', None)
    >>> line_reason("抄送：市委办公室，市人大常委会办公室。")
    'colophon'
    >>> line_reason("某市人民政府办公室 2024年1月5日印发")
    'colophon'
    """
    if text[-1:] in CAPTION_LAST and _caption(text):
        return "caption"
    if numbered is None:
        numbered = text[0] in MARKER_FIRST and lead_marker(text) is not None
    if numbered or text.find("。", 0, len(text) - 1) >= 0:
        return None  # prose or a numbered heading, not chrome (`。` before its last character)
    seen = text if "(" not in text and "（" not in text else probe(text)  # (`probe`, inline)
    if len(seen) > CHROME_MAX or not _may_be_chrome(seen):
        return None
    found = ANY_RULE.match(seen)
    if found is not None and found.lastgroup is not None:
        return found.lastgroup.replace("_", "-")  # at the start: no later rule comes first
    if len(seen) <= STRAY_MAX and STRAY.match(seen):
        return "stray"
    found = ANYWHERE_RULE.search(seen, 1)  # the first rule of those that match furthest left
    return found.lastgroup.replace("_", "-") if found and found.lastgroup else None


def block_reason(text: str) -> str | None:
    """Why a whole paragraph is page junk (a source blurb, a spam keyword line), or None.

    >>> block_reason("《在…上的讲话》来源于某网，欢迎阅读在…上的讲话。")
    'source-blurb'
    """
    seen = text if "(" not in text and "（" not in text else probe(text)  # (`probe`, inline)
    return seen_reason(seen)


def seen_reason(seen: str) -> str | None:
    """`block_reason` of a paragraph as the rules see it (pinyin annotations out already, or
    a text with no bracket: none to take out)."""
    # (`迎`, in both words, is one character to look for: ~6x faster than a word)
    if "迎" in seen and ("欢迎" in seen or "歡迎" in seen) and SOURCE_BLURB.search(seen):
        return "source-blurb"
    if "供" in seen and OFFER.search(seen, 0, OFFER_END) and PAGE_BLURB.match(seen):
        return "source-blurb"
    if seen[-1:] in CAPTION_LAST and _caption(seen):
        return "caption"
    if "。" not in seen and len(SPAM_WORD.findall(seen)) >= SPAM_MIN_WORDS:
        return "spam"
    return None


def _contents_entry(text: str) -> str | None:
    """The heading a table-of-contents line names (dot leaders and page number taken off), or
    None if the line is prose.

    >>> _contents_entry("一、总体要求……………… 1"), _contents_entry("以人民为中心，推进改革。")
    ('一、总体要求', None)
    """
    if len(text) > CONTENTS_LINE_MAX or "。" in text:
        return None
    return PAGE_LEADER.sub("", probe(text)).strip() or None


def _attachment_entry(text: str) -> bool:
    """A numbered line of a document's list of attachments: a short name, no sentence in it.

    >>> _attachment_entry("2.全市行动考核办法"), _attachment_entry("某市人民政府")
    (True, False)
    """
    seen = probe(text)
    return (
        len(seen) <= ATTACHMENT_MAX
        and not any(c in seen for c in "。；;！？，,")
        and lead_marker(seen) is not None
    )


def classify(lines: list[Line]) -> list[str | None]:
    """A reason for each line that is page chrome (None for text and blank lines).

    A related-links header takes the short link lines under it, up to the next long line; a
    notes header takes everything under it, up to the next piece header; a contents header the
    heading lines under it (see `CONTENTS_HEADER`); an attachments header (`附件：`) the short
    names under it.
    """
    reasons: list[str | None] = []
    in_links = in_notes = in_attachments = False
    contents: set[str] | None = None  # the entries of the table of contents being read
    for n, line in enumerate(lines):
        text = line.text.text
        if not text:
            reasons.append(None)
            continue
        if in_attachments and _attachment_entry(text):
            reasons.append("attachments")
            continue
        first = text[0]
        in_attachments = first == "附" and ATTACHMENTS_HEADER.match(probe(text)) is not None
        if in_attachments:
            reasons.append("attachments")
            continue
        if contents is not None:
            entry = _contents_entry(text)
            if entry is not None and entry not in contents:
                contents.add(entry)
                reasons.append("contents")
                continue
            contents = None
        if first == "目" and CONTENTS_HEADER.match(probe(text)):
            contents = set()
            reasons.append("contents")
            continue
        if in_notes and (PIECE_START.match(text) or _turn_ahead(lines, n)):
            in_notes = False
        in_notes = in_notes or (
            first in NOTES_FIRST and NOTES_HEADER.match(probe(text)) is not None
        )
        reason = "notes" if in_notes else line_reason(text, line.marker is not None)
        if (
            reason is None
            and in_links
            and len(probe(text)) <= LINK_LINE_MAX
            and "。" not in text[:-1]
        ):
            reason = "related-links"
        in_links = reason == "related-links"
        reasons.append(reason)
    if "page-number" in reasons:
        _mark_running_heads(lines, reasons)
    boilerplate.refine(lines, reasons)  # menus, app furniture, link lists around the body
    return reasons


def _turn_ahead(lines: list[Line], n: int) -> bool:
    """In a record, does a speaker's turn open at line `n`, or under the agenda heading that
    line `n` is (`設置公眾暖水游泳池` / `陳偉業議員：主席，…`)? Notes end there."""
    text = lines[n].text.text
    if TURN.match(text):
        return True
    if len(text) > TURN_HEADING_MAX or any(c in text for c in "。，,；;：:！？"):
        return False
    after = next((ln.text.text for ln in lines[n + 1 :] if ln.text.text), "")
    return TURN.match(after) is not None


def _mark_running_heads(lines: list[Line], reasons: list[str | None]) -> None:
    """A PDF's running head or foot: a short line next to a page number that repeats the
    title (one of the first lines) or stands next to another page number too."""
    text = [ln.text.text for ln in lines]
    filled = [i for i, t in enumerate(text) if t]
    beside: dict[str, list[int]] = {}  # short lines next to a page number, and where
    numbers = [k for k, i in enumerate(filled) if reasons[i] == "page-number"]
    nearby = sorted({n for k in numbers for n in (k - 1, k + 1) if 0 <= n < len(filled)})
    for k in nearby:  # (the lines next to a page number: not every line asked)
        i = filled[k]
        if reasons[i] is not None or len(text[i]) > RUNNING_HEAD_MAX or lines[i].marker:
            continue  # (a heading `（一）加强领导` may recur next to a page number by chance)
        beside.setdefault(text[i], []).append(i)
    top = {text[i] for i in filled[:RUNNING_HEAD_TOP]}
    for head, where in beside.items():
        if len(where) >= 2 or (head in top and where[0] not in filled[:RUNNING_HEAD_TOP]):
            for i in where:
                reasons[i] = "page-header"
