"""Numbers as they appear in outline markers: Chinese numerals, digits, circled digits.

Markers only ever carry small whole numbers, so a dedicated library (cn2an: ~250 ms to import,
~27 µs a call) buys nothing over the few lines here (well under 1 µs a call).
"""

from __future__ import annotations

CN_DIGITS = "零〇一二三四五六七八九两"
_CN_VALUE = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNIT = {"十": 10, "百": 100}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# One-character forms that word processors substitute for `（一）`, `（1）` and `1.`.
GLYPH_SERIES = ("㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩", "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇", "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛")
SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": 0, "最後": 0}
# The formal (financial) numerals of `壹、貳、參、` headings, Simplified and Traditional forms.
FORMAL = "壹贰貳貮叁參叄肆伍陆陸柒捌玖拾"
_FORMAL = str.maketrans(FORMAL, "一二二二三三三四五六六七八九十")


def cn_to_int(text: str) -> int | None:
    """Value of a Chinese numeral, or None if `text` is not one.

    >>> [cn_to_int(n) for n in ("三", "十", "十二", "二十三", "一百零五")]
    [3, 10, 12, 23, 105]
    >>> cn_to_int("二三") is None, cn_to_int("") is None, cn_to_int("十十") is None
    (True, True, True)
    """
    if not text:
        return None
    total = 0
    digit: int | None = None
    last_unit = 1000
    for ch in text:
        if ch in _CN_VALUE:
            if digit is not None and digit != 0:
                return None  # two digits in a row: a list such as 二三, not a number
            digit = _CN_VALUE[ch]
        elif ch in _CN_UNIT:
            unit = _CN_UNIT[ch]
            if unit >= last_unit:
                return None
            total += (digit if digit else 1) * unit
            digit = None
            last_unit = unit
        else:
            return None
    return total + (digit or 0)


def to_int(text: str) -> int | None:
    """Ordinal of a marker number in any script: Chinese, ASCII or full-width digits, circled.

    >>> to_int("12"), to_int("１２"), to_int("④"), to_int("十一"), to_int("首先"), to_int("㈢")
    (12, 12, 4, 11, 1, 3)
    >>> to_int("參"), to_int("拾貳"), to_int("贰拾壹")
    (3, 12, 21)
    """
    found = _TABLE.get(text)
    return found if found is not None else _to_int(text)


def _to_int(text: str) -> int | None:
    if text in SEQUENCE_WORDS:
        return SEQUENCE_WORDS[text]
    if len(text) == 1:
        for series in (CIRCLED, *GLYPH_SERIES):
            if text in series:
                return series.index(text) + 1
    if text.isdigit():
        try:
            return int(text)
        except ValueError:
            return None
    return cn_to_int(text.translate(_FORMAL))


def _table() -> dict[str, int]:
    """The numbers markers carry (1-99) in every way they are written, looked up in one step."""
    table: dict[str, int] = dict(SEQUENCE_WORDS)
    for n in range(1, 100):
        tens, ones = divmod(n, 10)
        written = (_CN_DIGITS_BY_VALUE[tens] if tens > 1 else "") + ("十" if tens else "")
        written += _CN_DIGITS_BY_VALUE[ones] if ones else ""
        table[written] = n
        table[str(n)] = n
        table[str(n).translate(_FULL_WIDTH)] = n
    for series in (CIRCLED, *GLYPH_SERIES):
        for i, ch in enumerate(series):
            table[ch] = i + 1
    return table


_CN_DIGITS_BY_VALUE = "〇一二三四五六七八九"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_TABLE = _table()
