"""Datelines: the date a speech was given or a document signed, read from the line that states it
(`（一九二七年三月）`, `——2024年1月8日在全市工作会议上`, `1953年1月2日 政务院修正公布`,
`中華民國八十二年九月十八日`, `（一九四○•二•一）`) into an ISO string exactly as precise as written
(`1927-03`, `2024-01-08`, `1993-09-18`, `1940-02-01`), with where the date stands in the line and
what else the line says; `find_date` reads the first date anywhere in a text, `dateline` also
decides whether the whole line is a dateline rather than prose that mentions a date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from .grammar import UNITS
from .lazy import lazy_re

YEAR_MIN, YEAR_MAX = 1900, 2100  # plausible years of a modern speech or document
ROC_MAX = 200  # 中華民國 years 1..200
ROC_OFFSET = 1911  # 中華民國元年 = 1912
DATELINE_MAX = 80  # characters in a whole dateline
LEAD_MAX = 20  # a name, place or title before the date
TAIL_MAX = 60  # an occasion or a publication phrase after the date
PLAIN_TAIL_MAX = 15  # a name or place after the date, with nothing to say what it is

# Digits of a year written digit by digit: Arabic (half and full width) and Chinese, with the
# zeros that typists substitute for 〇 (○ U+25CB, ◯, Latin and full-width O, Greek Ο).
_YEAR_CHARS = "0-9０-９〇○◯零OＯΟ一二三四五六七八九"
_YEAR_DIGITS = str.maketrans(
    "０１２３４５６７８９〇○◯零OＯΟ一二三四五六七八九",
    "0123456789" + "0" * 7 + "123456789",
)
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
_SP = r"[ \t\u3000\xa0]*"
_YEAR = rf"(?<![{_YEAR_CHARS}十百千])[{_YEAR_CHARS}]{{4}}(?![{_YEAR_CHARS}])"
_ROC = r"(?:中華民國|中华民国|民國|民国)"
_ROC_YEAR = r"[0-9０-９]{1,3}(?![0-9０-９])|[〇○零一二三四五六七八九十百]{1,6}|元"
# Too many digits are taken on purpose, so that `13月` or `一二月` is read and rejected rather
# than left behind while the year alone is read.
_MONTH = r"[0-9０-９]{1,3}|元|[一二三四五六七八九十]{1,3}"
_DAY = r"[0-9０-９]{1,3}|[〇○零一二三四五六七八九十廿卅]{1,3}"
_SEPS = "•·．.\\-/、－／・‧∙"
_RANGE = r"(?:至|到|[—–－~～\-]{1,2}|―{1,2})"

DATE = lazy_re(
    # The look-ahead on the first character lets the scan skip most positions (3x faster).
    rf"""(?=[{_YEAR_CHARS}公中民])
    (?: (?:公元{_SP})?
        (?: {_ROC}{_SP}(?P<roc>{_ROC_YEAR}){_SP}年
          | (?P<y>{_YEAR}){_SP}年 )
        (?: {_SP}(?P<m>{_MONTH}){_SP}月 (?: {_SP}(?P<d>{_DAY}){_SP}[日号號] | 份 )? )?
      | (?P<sy>{_YEAR}){_SP}(?P<sep>[{_SEPS}]){_SP}(?P<sm>{_MONTH})
        {_SP}(?P=sep){_SP}(?P<sd>{_DAY})(?![0-9０-９])(?!(?P=sep)[0-9０-９])
      | (?<![0-9０-９])(?P<ry>1[0-4][0-9]){_SP}年{_SP}(?P<rm>{_MONTH}){_SP}月
        {_SP}(?P<rd>{_DAY}){_SP}[日号號] )""",
    re.VERBOSE,
)
# The second end of a range, by the precision of the first: `至十四日`, `—9日`, `至4月`, `至1945年`.
_RANGE_TAIL = {
    "day": lazy_re(
        rf"{_SP}{_RANGE}{_SP}(?:(?:{_YEAR}{_SP}年{_SP})?(?:{_MONTH}){_SP}月{_SP})?"
        rf"(?:{_DAY}){_SP}[日号號]"
    ),
    "month": lazy_re(rf"{_SP}{_RANGE}{_SP}(?:{_YEAR}{_SP}年{_SP})?(?:{_MONTH}){_SP}月"),
    "year": lazy_re(rf"{_SP}{_RANGE}{_SP}{_YEAR}{_SP}年"),
}
_PRECHECK_SEP = lazy_re(rf"[{_YEAR_CHARS}]{_SP}[{_SEPS}]")

_OPEN, _CLOSE = "（(〔[【［", "）)〕]】］"
_SPACE = " \t\u3000\xa0"
_DASHES = "—–－―-~～"
_EDGE = _SPACE + "，,：:" + _DASHES  # trimmed from the edges of what is left of a dateline
_SEPARATORS = frozenset(_SPACE + "，,：:" + _DASHES)  # between a date and a name or a place
_SENTENCE = frozenset("。！？!?；;")
_PUBLICATION = (
    r"(?:公布|公佈|通过|通過|施行|实施|實施|发布|發布|發佈|印发|印發|修正|修订|修訂|批准|签发|簽發|"
    r"颁布|頒布|生效|签署|簽署|制定|下发|下發)"
)
_OCCASION = (
    r"(?:上|讲话|講話|报告|報告|发言|發言|演讲|演講|演说|演說|谈话|談話|说明|說明|辞|辭|词|詞|"
    r"讲|講|致信|贺信|賀信)"
)
_FORMAL_END = lazy_re(rf"(?:{_PUBLICATION}|{_OCCASION})$")
_AT = frozenset("在于於")
# Words of a sentence, never of a name, a place, an occasion or a publication phrase.
_PROSE = lazy_re(r"我们|我們|咱们|咱們|大家|了|是|把")
# A weekday or a time of day right after the date: `（星期一）`, `上午`, `10:00`, `九时`.
_WHEN = lazy_re(
    r"^(?:[ \t\u3000（(]*(?:(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]"
    r"|上午|下午|中午|晚上|凌晨|早上|[0-9０-９]{1,2}[:：][0-9０-９]{2}|[一二三四五六七八九十0-9０-９]{1,3}[时時点點]"
    r"(?:[0-9０-９一二三四五六七八九十]{1,3}分|半)?)[ \t\u3000）)]*)+"
)
_MARKER_LEAD = lazy_re(rf"^第.{{1,6}}(?:{UNITS}|[款编編])$")  # a division's number, no date


@dataclass(frozen=True, slots=True)
class Dateline:
    iso: str  # "1927-03", "1993-09-18", "1938-10-12"
    start: int  # where the date expression starts in the text
    end: int  # where it ends (exclusive); the second end of a range is included
    rest: str  # the text outside the date and its brackets, stripped


def to_iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """Validated ISO string; None if month/day out of range.

    >>> to_iso(1927), to_iso(1927, 3), to_iso(2024, 2, 29), to_iso(2023, 2, 29), to_iso(2024, 13)
    ('1927', '1927-03', '2024-02-29', None, None)
    """
    if not 1 <= year <= 9999:
        return None
    if month is None:
        return None if day is not None else f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _digits(text: str) -> int:
    """A year written digit by digit: `一九二七`, `二OO五`, `２００９`."""
    return int(text.translate(_YEAR_DIGITS))


def _small(text: str, day: bool = False) -> int | None:
    """A month or a day: `3`, `１２`, `十二`, `二十五`, `廿五`, `卅一`, `元` (month 1); a day also
    digit by digit (`二四`: a month so written, `一二月`, is one month or two)."""
    if text[0] in "0123456789０１２３４５６７８９":
        return int(text)
    if text == "元":
        return 1
    text = text.replace("廿", "二十").replace("卅", "三十")
    tens, ten, ones = text.partition("十")
    if not ten:
        if day and len(text) == 2 and text[0] in _CN_DIGIT and text[1] in _CN_DIGIT:
            return _CN_DIGIT[text[0]] * 10 + _CN_DIGIT[text[1]]  # digit by digit: `二四` = 24
        return _CN_DIGIT.get(text) if len(text) == 1 else None
    if len(tens) > 1 or len(ones) > 1:
        return None
    high = _CN_DIGIT.get(tens) if tens else 1
    low = _CN_DIGIT.get(ones) if ones else 0
    if not high or low is None or (ones and not low):
        return None  # `〇十`, `十十`, `二十〇`
    return high * 10 + low


def _roc_year(text: str) -> int | None:
    """A 中華民國 year: `82`, `八十二`, `一百零八`, `一〇八`, `元`."""
    if text == "元":
        return 1
    if text[0] in "0123456789０１２３４５６７８９":
        return int(text)
    if "十" not in text and "百" not in text:
        return int("".join(str(_CN_DIGIT[c]) for c in text))
    hundreds, hundred, rest = text.partition("百")
    if not hundred:
        hundreds, rest = "", text
    elif len(hundreds) > 1 or "百" in rest:
        return None
    value = (_CN_DIGIT[hundreds] if hundreds else 1) * 100 if hundred else 0
    rest = rest.lstrip("〇○零")
    if not rest:
        return value
    if "十" not in rest:
        return value + _CN_DIGIT[rest] if len(rest) == 1 else None
    tens, _, ones = rest.partition("十")
    if len(tens) > 1 or len(ones) > 1 or ones == "十":
        return None
    return value + (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)


def _read(match: re.Match[str]) -> tuple[str, str] | None:
    """The ISO date of a match and its precision (year, month or day), if it is a valid date."""
    if match["sy"] is not None:
        year, month, day = _digits(match["sy"]), _small(match["sm"]), _small(match["sd"], day=True)
        if month is None or day is None:
            return None
    elif match["ry"] is not None:  # `110年4月30日`: a bare three-digit year is an ROC year
        year = int(match["ry"]) + ROC_OFFSET
        month, day = _small(match["rm"]), _small(match["rd"], day=True)
        if month is None or day is None:
            return None
    else:
        if match["roc"] is not None:
            roc = _roc_year(match["roc"])
            if roc is None or not 1 <= roc <= ROC_MAX:
                return None
            year = roc + ROC_OFFSET
        else:
            year = _digits(match["y"])
        month = day = None
        if match["m"] is not None:
            month = _small(match["m"])
            if month is None:
                return None
        if match["d"] is not None:
            day = _small(match["d"], day=True)
            if day is None:
                return None
    if not YEAR_MIN <= year <= YEAR_MAX:
        return None
    iso = to_iso(year, month, day)
    if iso is None:
        return None
    return iso, ("day" if day is not None else "month" if month is not None else "year")


def _split(text: str, start: int, end: int) -> tuple[str, bool, str, bool]:
    """The text before and after a date, without the brackets around the date; whether each is
    set off from the date (by a bracket, a space, a comma or a dash)."""
    before, tail = text[:start], text[end:]
    lead = before.rstrip(_SPACE)
    lead_apart = not lead.strip(_EDGE) or before[-1] in _SEPARATORS or lead[-1] in _OPEN
    tail_apart = not tail or tail[0] in _SEPARATORS
    if lead and lead[-1] in _OPEN:
        lead = lead[:-1]
        depth = 0
        for i, ch in enumerate(tail):
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE:
                if depth:
                    depth -= 1
                    continue
                inner, outer = tail[:i].strip(_EDGE), tail[i + 1 :]
                if not inner:
                    tail, tail_apart = outer, True
                else:
                    tail = inner + (" " + outer.strip(_EDGE) if outer.strip(_EDGE) else "")
                break
    elif tail and tail[0] in _CLOSE:
        tail_apart = True
    return lead.strip(_EDGE), lead_apart, tail.strip(_EDGE), tail_apart


def _make(text: str, match: re.Match[str]) -> Dateline | None:
    read = _read(match)
    if read is None:
        return None
    iso, precision = read
    end = match.end()
    if match["sy"] is None:
        more = _RANGE_TAIL[precision].match(text, end)
        if more is not None:
            end = more.end()
    lead, _, tail, _ = _split(text, match.start(), end)
    rest = f"{lead} {tail}" if lead and tail else lead or tail
    return Dateline(iso, match.start(), end, rest)


def _maybe_date(text: str) -> bool:
    """Cheap test before the pattern: a `年`, or a digit followed by a date separator."""
    return "年" in text or _PRECHECK_SEP.search(text) is not None


def find_date(text: str) -> Dateline | None:
    """The first full date expression (year + optional month + optional day) anywhere in text.

    >>> find_date("（一九二七年三月）")
    Dateline(iso='1927-03', start=1, end=8, rest='')
    >>> find_date("2024年是全面贯彻落实党的二十大精神的关键之年。").iso
    '2024'
    >>> find_date("中華民國八十二年九月十八日").iso, find_date("（一九四○•二•一）").iso
    ('1993-09-18', '1940-02-01')
    >>> find_date("2024年13月") is None, find_date("八十年代以来") is None
    (True, True)
    """
    if not _maybe_date(text):
        return None
    for match in DATE.finditer(text):
        found = _make(text, match)
        if found is not None:
            return found
    return None


MONTH_DAY = lazy_re(rf"^(?P<m>{_MONTH}){_SP}月{_SP}(?P<d>{_DAY}){_SP}[日号號]")


def month_day(text: str, year: str | None) -> str | None:
    """The day a text opening with a month and a day names (`一月十八日的讲话`), in the year
    of `year` (an ISO date), or None.

    >>> month_day("一月二十七日的讲话", "1957-01"), month_day("一月二十七日的讲话", None)
    ('1957-01-27', None)
    """
    found = MONTH_DAY.match(text)
    if found is None or year is None:
        return None
    month, day = _small(found["m"]), _small(found["d"], day=True)
    if month is None or day is None:
        return None
    return to_iso(int(year[:4]), month, day)


def _lead_ok(lead: str, apart: bool) -> bool:
    """A name, a place or a title before the date: `北京，`, `李四　`, `政府工作报告（`."""
    if not lead:
        return True
    return (
        apart
        and len(lead) <= LEAD_MAX
        and not any(c.isdigit() or c in "、，,：:" for c in lead)
        and _MARKER_LEAD.match(lead) is None
        and _PROSE.search(lead) is None
    )


def _tail_ok(tail: str, apart: bool, precision: str) -> bool:
    """What follows the date: a name or a place set off from it, an occasion (`在…上`, `…的讲话`)
    or a publication phrase (`…会议通过`)."""
    when = _WHEN.match(tail)
    if when is not None:
        tail, apart = tail[when.end() :].strip(_EDGE), True
    if not tail:
        return True
    if len(tail) > TAIL_MAX or _PROSE.search(tail) is not None:
        return False
    formal = tail[0] in _AT or _FORMAL_END.search(tail) is not None
    if apart:
        return formal or (len(tail) <= PLAIN_TAIL_MAX and not any(c in tail for c in "，,、：:"))
    return formal and precision != "year"  # `2023年工作回顾`, `2024年工作报告` are titles


def dateline(text: str) -> Dateline | None:
    """The text IS a dateline: a date, optionally in brackets （…）/(…)/〔…〕, optionally with
    a short tail/lead such as a name, a place, an occasion phrase (在…上/会议上/的讲话/报告),
    or a publication verb (公布/通过/施行/发布/印发/修正/批准/签发/颁布). Returns None for prose
    (a sentence that merely mentions a date: has 。 or is long with a date in the middle).

    >>> dateline("（二OO五年五月四日）李四")
    Dateline(iso='2005-05-04', start=1, end=10, rest='李四')
    >>> dateline("——2003年3月5日在第十届全国人民代表大会第一次会议上").rest
    '在第十届全国人民代表大会第一次会议上'
    >>> dateline("1953年1月2日 政务院修正公布").iso
    '1953-01-02'
    >>> dateline("2024年是全面贯彻落实党的二十大精神的关键之年。") is None
    True
    >>> dateline("一、2023年工作回顾") is None, dateline("政府工作报告") is None
    (True, True)
    """
    line = text.strip()
    if len(line) > DATELINE_MAX or not _maybe_date(line) or not _SENTENCE.isdisjoint(line):
        return None
    found = find_date(text)
    if found is None:
        return None
    lead, lead_apart, tail, tail_apart = _split(text, found.start, found.end)
    precision = ("year", "month", "day")[found.iso.count("-")]
    if not (_lead_ok(lead, lead_apart) and _tail_ok(tail, tail_apart, precision)):
        return None
    return found
