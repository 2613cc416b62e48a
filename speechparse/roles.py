"""What a single paragraph is, by its shape: salutation, subtitle, title, piece header.

Shared by the paragraph and speech stages. Simplified and Traditional forms are both covered.
"""

from __future__ import annotations

import regex

from .junk import probe

ADDRESS = regex.compile(
    r"同志|朋友|代表|委[员員]|[来來][宾賓]|女士|先生|[领領][导導]|各位|老[师師]|同[学學]|[员員]工"
)
SALUTATION_MAX = 40
SUBTITLE = regex.compile(r"^(?:——|--|—|－－)\s*\S")
SUBTITLE_MAX = 80
TITLE_MIN, TITLE_MAX = 2, 40
TITLE_FORBIDDEN = regex.compile(r"[。，,；;！？!?]")
CLOSED_END = regex.compile(r"[。！？!?：:；;…][”’」』\"'）)]*$|[”」』]$")
PIECE_HEADER = regex.compile(
    r"^第(?P<num>[一二三四五六七八九十百零〇]{1,4}|[0-9０-９]{1,3})篇\s*[：:、，,.．]?\s*"
)
# A title that only names the page: "…范文两篇", "…例文兩篇(一)".
COLLECTION = regex.compile(
    r"[范範例]文[两兩二三四五六七八九十\d]+篇|[范範]文[大精]?全|汇编|匯編|合集|集锦|集錦"
)


def is_salutation(text: str) -> bool:
    """`同志们：`, `各位委员，同志们：`, `各位領導、同志們:`.

    >>> is_salutation("各位委员，同志们："), is_salutation("主要表现在：")
    (True, False)
    """
    seen = probe(text)
    return (
        len(seen) <= SALUTATION_MAX
        and seen[-1:] in ("：", ":")
        and "。" not in seen
        and ADDRESS.search(seen) is not None
    )


def is_subtitle(text: str) -> bool:
    """A `——…` line under a title.

    >>> is_subtitle("——市政协主席蒋鸿在全市县市区政协主席座谈会上的讲话")
    True
    """
    return len(text) <= SUBTITLE_MAX and SUBTITLE.match(text) is not None and "。" not in text[:-1]


def is_title_like(text: str) -> bool:
    """Short, with no sentence punctuation: a title, a page headline or an unnumbered heading.

    >>> is_title_like("政协崇川区委员会2014年工作要点"), is_title_like("主要三个方面:")
    (True, False)
    """
    seen = probe(text)
    return (
        TITLE_MIN <= len(seen) <= TITLE_MAX
        and TITLE_FORBIDDEN.search(seen) is None
        and seen[-1] not in "：:"
        and not is_subtitle(seen)
    )


def ends_closed(text: str) -> bool:
    """Does the text end a sentence (so the next line cannot be its continuation)?

    >>> ends_closed("……作出更大贡献。"), ends_closed("第三，要不断拓宽参政议")
    (True, False)
    """
    return CLOSED_END.search(text) is not None


def is_collection_title(text: str) -> bool:
    """A page headline naming a collection of speeches, not one speech."""
    return COLLECTION.search(probe(text)) is not None
