"""Stage: metadata — the page's publish date and outlet, each speech's speaker and occasion.

Speaker, role and occasion are read from the title or the `——` subtitle:
`市政协主席蒋鸿在全市县市区政协主席座谈会上的讲话` -> role 市政协主席, name 蒋鸿,
occasion 全市县市区政协主席座谈会.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .junk import DATE, probe

SPEECH_WORD = (
    r"(?:讲话稿|講話稿|讲话|講話|发言|發言|致辞|致辭|报告|報告"
    r"|总结|總結|动员|動員|主持词|主持詞|演讲|演講)"
)
AT = r"(?<![关關对對由属屬基等])(?:在|於|于)"  # not the 于 of 关于, 对于, 由于 …
QUALIFIER = r"\p{Han}{0,4}?"  # 上的表态发言, 上的工作报告, 上的重要讲话
# A meeting, ceremony or course: what `在…上` names when no speech word follows (the subtitle
# of a work report: `——2024年1月15日在某市第十七届人民代表大会第三次会议上`).
GATHERING = r"(?:会|會|议|議|式|礼|禮|坛|壇|班|节|節)"
TITLE_PARTS = regex.compile(
    rf"^(?P<who>[^在於于]*?)\s*{AT}(?P<occ>.+?)(?:上|时|時)的?{QUALIFIER}{SPEECH_WORD}|"
    rf"^(?P<who>[^在於于]*?)\s*{AT}(?P<occ>.+?)的{SPEECH_WORD}|"
    rf"^(?P<who>[^在於于]*?)\s*{AT}(?P<occ>[^在於于]+?{GATHERING})(?:上|时|時)$"
)
# What a site files its texts under: a kind of document, not an outlet.
CATEGORY = regex.compile(
    r"(?:计划|計劃|总结|總結|范文|範文|讲话|講話|讲稿|講稿|发言|發言|心得|体会|體會|材料|方案|致辞|致辭"
    r"|演讲|演講|稿件?|汇报|匯報|述职|述職|报告|報告|大全|精选|精選)$"
)
ROLE_WORD = regex.compile(
    r"(?:总书记|總書記|书记|書記|主席|市长|市長|区长|區長|县长|縣長|省长|省長|镇长|鎮長|乡长|鄉長|"
    r"部长|部長|主任|局长|局長|厅长|廳長|院长|院長|校长|校長|秘书长|秘書長|常委|委员|委員|负责人|負責人|"
    r"总理|總理|理事长|理事長|会长|會長|董事长|董事長|总经理|總經理|组长|組長|处长|處長|司长|司長|"
    r"政委|行长|行長|所长|所長|党组成员|黨組成員|代表)"
)
NAME = regex.compile(r"^\p{Han}{2,4}$")
HONORIFIC = regex.compile(r"(?:同志|先生|女士)$")
PUBLISHER = regex.compile(
    r"(?:信息)?(?:来源|來源|出处|出處|发布单位|發布單位)\s*[:：]\s*(?P<v>[^|｜\s）)】\]]+)"
)
EDGE_PUNCT = " ：:—-"  # trimmed from the edges of a title's speaker part
PLACEHOLDER = regex.compile(r"^[xX×＊*]+$")
SIGNATURE = regex.compile(r"^[\p{Han}\s、·]{2,30}$")  # roles and a name, nothing else


@dataclass(frozen=True, slots=True)
class SpeechMeta:
    name: str | None = None
    role: str | None = None
    occasion: str | None = None


def _who(who: str) -> tuple[str | None, str | None]:
    """(name, role) of the speaker part of a title.

    >>> _who("市政协主席蒋鸿"), _who("区长"), _who("蒋鸿同志")
    (('蒋鸿', '市政协主席'), (None, '区长'), ('蒋鸿', None))
    """
    who = HONORIFIC.sub("", who.strip(EDGE_PUNCT))
    if not who:
        return None, None
    roles = list(ROLE_WORD.finditer(who))
    if not roles:
        return (who if NAME.match(who) else None), None
    role = who[: roles[-1].end()]
    rest = who[roles[-1].end() :]
    name = rest if NAME.match(rest) and not PLACEHOLDER.match(rest) else None
    return name, role or None


def _byline_speaker(bylines: list[str]) -> tuple[str | None, str | None]:
    """(name, role) from a byline such as `市委书记　王明` or `王　明`."""
    for line in bylines:
        parts = probe(line).split()
        if not parts or any(not NAME.match(p) and not ROLE_WORD.search(p) for p in parts):
            continue
        if all(len(p) == 1 for p in parts):
            return "".join(parts), None
        name, role = _who("".join(parts))
        if name is None and len(parts) == 1 and NAME.match(parts[0]) and len(parts[0]) <= 3:
            name = parts[0]
        if name or role:
            return name, role
    return None, None


def speech_meta(
    title: str | None, subtitle: str | None, bylines: list[str] | None = None
) -> SpeechMeta:
    """Speaker and occasion from the subtitle if it names them, else from the title; a byline
    under the title supplies what they leave out.

    >>> speech_meta("区长在区委政协工作会议上的讲话", None)
    SpeechMeta(name=None, role='区长', occasion='区委政协工作会议')
    >>> speech_meta("在全市经济工作会议上的讲话", None, ["市委书记　王明"])
    SpeechMeta(name='王明', role='市委书记', occasion='全市经济工作会议')
    >>> speech_meta("政府工作报告", "——2024年1月15日在某市第十七届人民代表大会第三次会议上")
    SpeechMeta(name=None, role=None, occasion='某市第十七届人民代表大会第三次会议')
    >>> speech_meta("在新征程上奋勇前进", None).occasion is None
    True
    >>> speech_meta("县长在全县经济工作会议上的工作报告", None)
    SpeechMeta(name=None, role='县长', occasion='全县经济工作会议')
    >>> speech_meta("在博览会开幕式上的致辞", "——某某省人民政府副省长 张某")
    SpeechMeta(name='张某', role='某某省人民政府副省长', occasion='博览会开幕式')
    """
    name = role = occasion = None
    for source in (subtitle, title):
        if not source:
            continue
        found = TITLE_PARTS.search(probe(source).strip(EDGE_PUNCT + "（）()"))
        if found is None:
            continue
        name, role = _who(found.group("who"))
        occasion = found.group("occ").strip() or None
        break
    # a subtitle that names no occasion may be a byline (`——某某省人民政府副省长 张某`)
    signed = probe(subtitle).strip(EDGE_PUNCT) if subtitle else ""
    lines = [*(bylines or []), *([signed] if SIGNATURE.match(signed) else [])]
    if lines and name is None:
        by_name, by_role = _byline_speaker(lines)
        name, role = by_name, role or by_role
    return SpeechMeta(name, role, occasion)


def published(lines: list[str]) -> str | None:
    """ISO date (or date-time) of the first date in the page's publish lines.

    >>> published(["信息来源:荆州市政协 | 发布时间:2023-05-22 11:15"])
    '2023-05-22T11:15'
    """
    for line in lines:
        found = DATE.search(line)
        if found is None:
            continue
        y, m, d = int(found["y"]), int(found["m"]), int(found["d"])
        if not (1 <= m <= 12 and 1 <= d <= 31):
            continue
        date = f"{y:04d}-{m:02d}-{d:02d}"
        if found["H"] is not None and int(found["H"]) < 24:
            date += f"T{int(found['H']):02d}:{found['M']}"
            if found["S"] is not None:
                date += f":{found['S']}"
        return date
    return None


def publisher(lines: list[str]) -> str | None:
    """The stated source outlet of the page.

    A site's category in the source line (`來源: 工作計劃`, `来源：讲话稿`) names no outlet.

    >>> publisher(["信息来源:荆州市政协 | 发布时间:2023-05-22"]), publisher(["来源: 工作计划"])
    ('荆州市政协', None)
    >>> publisher(["（来源：新华社）"])
    '新华社'
    """
    for line in lines:
        found = PUBLISHER.search(line)
        if found is not None:
            value = str(found["v"]).strip()
            if value and not DATE.match(value) and not CATEGORY.search(probe(value)):
                return value
    return None
