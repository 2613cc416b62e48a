"""Stage: metadata — the page's publish date and outlet, each speech's speaker and occasion.

Speaker, role and occasion are read from the title or the `——` subtitle:
`市政协主席蒋鸿在全市县市区政协主席座谈会上的讲话` -> role 市政协主席, name 蒋鸿,
occasion 全市县市区政协主席座谈会.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

import regex

from . import latin, lexicon
from .dates import find_date
from .junk import DATE, probe
from .lazy import lazy_re, lazy_regex
from .lexicon import AT, CATEGORY_WORD, GATHERING, SPEECH_WORD

QUALIFIER = r"\p{Han}{0,4}?"  # 上的表态发言, 上的工作报告, 上的重要讲话
HOSTED = r"(?:主持|出席|參加|参加|蒞臨|莅临)"  # an office at an event
TITLE_PARTS = lazy_regex(
    rf"^(?P<who>[^在於于]*?)\s*{AT}(?P<occ>.+?)(?:结束|結束)?(?:上|时|時)的?{QUALIFIER}{SPEECH_WORD}|"
    rf"^(?P<who>[^在於于]*?)\s*{AT}(?P<occ>.+?)的{SPEECH_WORD}|"
    rf"^(?P<who>[^在於于]*?)\s*{AT}(?P<occ>[^在於于]+?{GATHERING})(?:上|时|時)$|"
    # `總統主持…餐會講話參考資料`: an office at an event, and what it said there
    rf"^(?P<who>[^在於于]{{0,12}}?{lexicon.ROLE_WORD}){HOSTED}"
    rf"(?P<occ>[^在於于]+?{GATHERING}){SPEECH_WORD}"
)
# Each of TITLE_PARTS's first three ways holds an AT, the fourth a HOSTED: a title holding
# neither (most that name no speaker) is answered by one search (`re`: both are literal words
# and a one-character lookbehind, the same in either engine).
MAY_TITLE_PARTS = lazy_re(rf"{AT}|{HOSTED}")
# `全县…推进会主持词`, `开学典礼致辞`: the gathering, then what was said there (no `在`)
GATHERING_TITLE = lazy_regex(
    rf"^(?P<occ>[^在於于]{{2,40}}?{GATHERING})"
    r"(?:主持词|主持詞|讲话稿|講話稿|讲话|講話|致辞|致辭|致詞|发言|發言)$"
)
CATEGORY = lazy_regex(CATEGORY_WORD + "$")
ROLE_WORD = lazy_regex(lexicon.ROLE_WORD)
NAME = lazy_regex(r"^\p{Han}{2,4}$")
HONORIFIC = lazy_regex(lexicon.HONORIFIC + "$")
ORGANISATION = lazy_regex(lexicon.ORGANISATION_END + "$")  # a body, not a person
PUBLISHER = lazy_regex(
    r"(?:信息)?(?:来源|來源|出处|出處|发布单位|發布單位|发稿单位|發稿單位|发布机构|發布機構|发文机关|發文機關)"
    r"\s*[:：]\s*(?P<v>[^|｜\s）)】\]]+)"
)
URL = lazy_regex(r"(?:https?://|www\.)[^\s<>\"'）】]+", regex.IGNORECASE)
# A news agency's dispatch line: `新华社北京2006年3月15日电`, `（中新社北京3月5日电）`.
DISPATCH = lazy_regex(r"^[（(]?(?P<v>\p{Han}{1,4}社)\p{Han}{0,8}?[0-9０-９年]*[0-9０-９]{1,2}月")
WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
EDGE_PUNCT = " ：:—-"  # trimmed from the edges of a title's speaker part
PLACEHOLDER = lazy_regex(r"^[xX×＊*]+$")
# `王副县长`, `李书记`: a surname and an office, as a byline names a speaker by courtesy
SURNAME_ROLE = lazy_regex(
    rf"^(?P<sur>[^\P{{Han}}副常代总總])(?P<role>(?:副|常务|常務)?{lexicon.ROLE_WORD})$"
)
SIGNATURE = lazy_regex(r"^[\p{Han}\s、·]{2,30}$")  # roles and a name, nothing else


@dataclass(frozen=True, slots=True)
class SpeechMeta:
    name: str | None = None
    role: str | None = None
    occasion: str | None = None
    date: str | None = field(default=None, repr=False)  # ISO, when a note dates the speech


def _who(who: str) -> tuple[str | None, str | None]:
    """(name, role) of the speaker part of a title.

    >>> _who("市政协主席蒋鸿"), _who("区长"), _who("蒋鸿同志"), _who("王县长")
    (('蒋鸿', '市政协主席'), (None, '区长'), ('蒋鸿', None), (None, '县长'))
    """
    who = HONORIFIC.sub("", who.strip(EDGE_PUNCT))
    if not who:
        return None, None
    roles = list(ROLE_WORD.finditer(who))
    if not roles:
        person = NAME.match(who) is not None and ORGANISATION.search(who) is None
        return (who if person else None), None
    role = who[: roles[-1].end()]
    rest = who[roles[-1].end() :]
    name = rest if NAME.match(rest) and not PLACEHOLDER.match(rest) else None
    courtesy = SURNAME_ROLE.match(role) if name is None else None
    if courtesy is not None:
        role = courtesy["role"]  # `习总书记`, `王县长`: a surname is no name
    return name, role or None


# An editor's note or a lead-in sentence above a speech names who gave it and where:
# `这是毛泽东在中国共产党第七次全国代表大会上的闭幕词。`, `毛泽东此文是为了…`,
# `委员会副主任李四在第三次会议上作说明。`
NOTE_OPEN = lazy_regex(r"^[>＞※\s]*[（(]?(?:[【〔\[(（]?编者按[】〕\]）)]?[：:]?)?\s*")
NOTE_WHO = lazy_regex(
    rf"^(?:这是|這是)(?![为為爲在于於从從给給])(?P<who>\p{{Han}}{{2,3}}?)(?P<role>{lexicon.ROLE_WORD})?(?:同志)?"
    r"(?=在|于|於|为|為|爲|写|寫|从|從|给|給|起草|一九|[12]\d{3}|[0-9〇一二三四五六七八九○]{4}年)"
    r"(?P<rest>[^。；;]{0,100}?)的(?:[^的上\s]{0,10}?)"
    r"(?:讲演|講演|讲话|講話|演说|演說|报告|報告|闭幕词|閉幕詞|开幕词|開幕詞|结论|結論|指示|讲稿|總結|总结"
    r"|发言|發言|说明|說明|致辞|致詞|文章|著作|决定|決定|献词|獻詞|社论|社論|评论|評論|电报|電報"
    r"|决议|決議|按语|按語|提纲|提綱|通知|指示信|信)"
    r"|^(?P<who>\p{Han}{2,3}?)(?:同志)?(?:此文|这篇|這篇|本文)"
)
# NOTE_WHO's first way opens with one of these; its second has `此文`, `这篇`, `這篇` or `本文`
# after 2-3 characters and perhaps `同志`, so a `文` or `篇` among its 4th to 7th: a paragraph
# with neither is not tried.
NOTE_OPENS = ("这是", "這是")
LEAD_IN_WORD = r"(?:说明|說明|报告|報告|讲话|講話|致辞|致詞|演讲|演講)"
LEAD_IN = lazy_regex(
    rf"^(?P<who>[^，。,在]{{2,24}}?)\s*{AT}(?P<occ>[^，。,]{{2,60}}?)(?:上|时|時)?"
    rf"(?:作|做|發表|发表)(?:了)?[^，。,]{{0,16}}?{LEAD_IN_WORD}"
)
# A news lead opening with who acted and when: `蔡英文總統今（27）日…`, `李總統登輝先生今天…`.
NEWS_LEAD_DAY = (
    r"今天|今日|今[（(]\d{1,2}[）)]日|昨天|昨日|日前|近日|上午|下午|晚上|[0-9０-９]{1,2}日[上下]?午?在"
)
NEWS_LEAD = lazy_regex(
    r"^(?!有關|有关|關於|关于)(?P<who>[^，。,、及和與与暨在]{2,24}?)"
    r"(?:先生|女士|伉儷|伉俪|夫婦|夫妇)?(?:[及和與与暨][^，。,]{1,16}?)?"
    rf"(?={NEWS_LEAD_DAY})"
)
# Each of the two is tried at up to 24 places (then its report word or day at each): a paragraph
# holding no report word, or no such day, is answered by one search (exactly: both must occur).
# Neither holds a `，`, `。` or `,` up to its report word's or day's end, so only the paragraph's
# first clause, up to the first of those, is searched.
MAY_LEAD_IN = lazy_re(LEAD_IN_WORD)
MAY_NEWS_LEAD = lazy_regex(NEWS_LEAD_DAY)  # (the same engine: `re` knows fewer digits as `\d`)
# …and NEWS_LEAD's day starts after its name's 2 characters, within its first 43 (a name of at
# most 24, a title of 2, a companion of 1 + 16), and is at most 6 long (`今（27）日`,
# `15日下午在`): only the first clause's characters from the third to the 49th are searched.
NEWS_LEAD_REACH = 24 + 2 + 1 + 16 + 6
# A news lead opening with its day (`今(4)日，市議會舉行…，市議員蔡旺詮指出，…`) and the
# first one it reports as saying something.
DAY_FIRST_LEAD = lazy_regex(
    rf"^{lexicon.NEWS_DAY}[，,][^。]*?[，,]"  # (a speech opens `今天，我们…`, `昨天，…`)
    r"(?P<who>[^，。,、]{3,16}?)(?:指出|表示|強調|强调|認為|认为)[，,：:]"
)
# A news lead naming whom the gathering heard on a subject: `…並聽取教育部部長郭為藩的專題報告`
# (not a speech's `大会听取了市长张三的报告`).
HEARD = lazy_regex(
    r"(?:聽取|听取)(?!了)(?P<who>[^，。、的]{3,30}?)的(?:專題|专题)"
    r"(?:報告|报告|演講|演讲|講話|讲话|簡報|简报)"
)
# …and the event it tells of: `出席「東亞和平與安全」國際研討會`, `在…國慶典禮中發表`,
# `今天舉行國父紀念月會`.
LEAD_EVENT = lazy_regex(
    r"(?:主持|出席|參加|参加|蒞臨|莅临|參與|参与|在|舉行|举行)"
    r"(?:由[^，。]{1,16}?(?:舉辦|举办|主辦|主办)的|在?[^，。]{1,20}?(?:舉行|举行|召開|召开)的?)?"
    rf"(?P<occ>[「“﹁]?[^，。；「」“”﹁﹂]{{2,30}}?(?:[」”﹂][^，。；、「」“”﹁﹂]{{0,12}}?)?"
    rf"(?:{GATHERING}|活動|活动|研討會|研讨会|記者會|记者会)[」”﹂]?)"
    r"(?=時|时|中|上|並|并|，|。|致詞|致辞|發表|发表|$)"
)
# `李總統登輝`: surname, office, given name (the Taiwan news style)
SURNAME_ROLE_NAME = lazy_regex(
    rf"^(?P<body>\p{{Han}}{{0,12}}?)(?P<sur>\p{{Han}})(?P<role>{lexicon.ROLE_WORD})"
    rf"(?P<given>\p{{Han}}{{1,2}})$"
)
SIGNED_TO = r"(?:給|给|致|對|对)"  # `…廣平給校友們`
TITLE_SIGNER = lazy_regex(
    rf"(?P<sur>\p{{Han}})(?P<role>{lexicon.ROLE_WORD})(?P<given>\p{{Han}}{{1,2}}?)"
    rf"(?={SIGNED_TO})"
)
MAY_TITLE_SIGNER = lazy_re(SIGNED_TO)  # (TITLE_SIGNER tries its office at every character)
NAME_ROLE = lazy_regex(
    rf"^(?P<name>\p{{Han}}{{2,3}})(?P<role>{lexicon.ROLE_WORD})$"
)
ADOPTED = lazy_regex(
    rf"^\s*(?P<occ>[^，。,（）()]{{2,60}}?{GATHERING})(?:上)?(?:通过|通過|批准|审议通过|審議通過)"
)
NOTE_AT = lazy_regex(rf"{AT}(?P<occ>[^，。,在於于]{{2,60}}?)(?:上|时|時)?(?:所作|所做|作|做)?$")
NOT_A_NAME = lazy_regex(
    r"^(?:我们|我們|你们|你們|他们|他們|大家|中央|这|這|我|本)"
    # a body, not a person (`这是省委为…作出的重大决定`, `这是县委给全县人民的一封信`)
    r"|^\p{Han}{0,2}(?:委|府|院|部|局|厅|廳|中央)$"
)


def _spoken(sentence: str) -> bool:
    """Whether `sentence` is a speaker's own words (`我`, `刚才`, `剛才`): a note, a news lead
    tell of others in the third person."""
    return "我" in sentence or "刚才" in sentence or "剛才" in sentence


ANNOUNCED = lazy_regex(lexicon.FULL_TEXT_FOLLOWS + r"\s*[:：]$")
SPEECH_WORDS = lazy_regex(
    rf"{SPEECH_WORD}|[賀贺祝致][詞词辞辭]|書面|书面|演[說说]|[談谈][話话]|[講讲][詞词]|全文"
)
ANNOUNCED_NAME_MAX = 3
OFFICE_ALONE = lazy_regex(rf"^{lexicon.ROLE_WORD}$")
ANNOUNCE_TAIL = lazy_regex(r"(?:的|之)?(?:專題|专题|發表|发表)?$")
SOURCE_NOTE = lazy_regex(rf"^{lexicon.SOURCE_KEY}\s*[：:]\s*")
LEAD_IN_MAX = 300  # characters of a paragraph where a note or lead-in stands
LEAD_EVENT_PARAGRAPHS = 3  # a news report's paragraphs that may tell of the event
EVENT_MIN = 4  # characters of an event's name: `國慶大會`, `畢業典禮`


def title_parts(title: str) -> regex.Match[str] | None:
    """TITLE_PARTS searched for in `title`, where it may match."""
    return TITLE_PARTS.search(title) if MAY_TITLE_PARTS.search(title) is not None else None


def first_clause(seen: str) -> str:
    """`seen` up to its first `，`, `。` or `,`: where a lead-in's report word or a news lead's
    day must stand, for their patterns hold none of those up to it."""
    return seen.partition("，")[0].partition("。")[0].partition(",")[0]


def may_be_note(seen: str) -> bool:
    """Whether NOTE_WHO may match `seen`: not unless it opens with `NOTE_OPENS` or holds its
    `文` or `篇` where the pattern puts it (the 4th to 7th character)."""
    return seen.startswith(NOTE_OPENS) or "文" in seen[3:7] or "篇" in seen[3:7]


def _note(found: regex.Match[str]) -> SpeechMeta:
    """What an editor's note says of the speech: who (and as what), when and where."""
    rest = found["rest"] or ""
    at = NOTE_AT.search(rest)
    occasion = (at["occ"].strip() or None) if at is not None else None
    dated = find_date(rest[: at.start()] if at is not None else rest)
    return SpeechMeta(found["who"], found["role"], occasion, dated.iso if dated else None)


def _taken_from(source: str) -> SpeechMeta:
    """Who, where and when from the speech a text was taken from (`习总书记2017年6月23日在…上的
    讲话精神`)."""
    found = title_parts(source)
    if found is None:
        return SpeechMeta()
    who = found.group("who")
    dated = find_date(who)
    if dated is not None:
        who = who[: dated.start] + who[dated.end :]
    name, role = _who(who.strip())
    return SpeechMeta(name, role, found.group("occ").strip() or None, dated.iso if dated else None)


def _event(paragraphs: list[str]) -> str | None:
    """The event a news lead tells of (`出席「…」國際研討會`), in its first sentence or, failing
    that, in the first sentence of one of the report's next paragraphs that tells of one."""
    for text in paragraphs[:LEAD_EVENT_PARAGRAPHS]:
        event = LEAD_EVENT.search(probe(text[:LEAD_IN_MAX]).split("。", 1)[0])
        if event is not None and len(event["occ"]) >= EVENT_MIN:  # not `在場答禮`
            return str(event["occ"])
    return None


def closing_note(paragraphs: list[str]) -> SpeechMeta:
    """Speaker, occasion and date from an editor's note after a speech (`※这是习近平总书记
    2020年6月2日在专家学者座谈会上的讲话。`).

    >>> told = closing_note(["※这是习近平总书记2020年6月2日在专家学者座谈会上的讲话。"])
    >>> told, told.date
    (SpeechMeta(name='习近平', role='总书记', occasion='专家学者座谈会'), '2020-06-02')
    """
    for text in reversed(paragraphs):
        seen = probe(text[:LEAD_IN_MAX])
        opening = NOTE_OPEN.match(seen)
        seen = seen[opening.end() :] if opening is not None else seen
        found = NOTE_WHO.match(seen) if may_be_note(seen) else None
        if (
            found is not None
            and found["rest"] is not None
            and not NOT_A_NAME.match(found["who"])
            and not _spoken(seen.split("。", 1)[0])
        ):
            return _note(found)
    return SpeechMeta()


def announcer(line: str) -> tuple[str | None, str | None]:
    """(name, role) of whose text a report's line announces (`國策顧問孫治平專題報告內容為：`,
    `郭部長專題報告全文為：`, `總統致詞全文為：`).

    >>> announcer("國策顧問孫治平專題報告內容為："), announcer("總統致詞全文為：")
    (('孫治平', '國策顧問'), (None, '總統'))
    >>> announcer("郭部長專題報告全文為："), announcer("總統書面賀詞全文為：")
    ((None, None), (None, '總統'))
    """
    found = ANNOUNCED.search(probe(line))
    if found is None:
        return None, None
    who = probe(line)[: found.start()].strip("，, ")
    who = who.split("，")[-1].split(",")[-1]  # `…，總統致詞全文為：`: the clause's subject
    who = ANNOUNCE_TAIL.sub("", who)
    if not who:
        return None, None
    split = SURNAME_ROLE_NAME.match(who)
    if split is not None:
        return split["sur"] + split["given"], split["body"] + split["role"]
    if SURNAME_ROLE.match(who):
        return None, None  # `郭部長`: a surname and an office (the report says more)
    name, role = _who(who)
    if name is not None and (len(name) > ANNOUNCED_NAME_MAX or SPEECH_WORDS.search(name)):
        name = None  # `總統書面賀詞`: what was written, not who
    return name, role


def lead_in(paragraphs: list[str]) -> SpeechMeta:
    """Speaker and occasion from an editor's note or a lead-in sentence among a speech's first
    paragraphs.

    >>> lead_in(["> 这是毛泽东在中国共产党第七次全国代表大会上的闭幕词。"])
    SpeechMeta(name='毛泽东', role=None, occasion='中国共产党第七次全国代表大会')
    >>> lead_in(["全国人大常委会法制工作委员会副主任李四在第三次会议上作说明。"])
    SpeechMeta(name='李四', role='全国人大常委会法制工作委员会副主任', occasion='第三次会议')
    >>> lead_in(["这是我们在会上的讲话。"]).name is None
    True
    >>> lead_in(["> 这是毛泽东为新华社写的一九四九年新年献词。"]).name
    '毛泽东'
    >>> lead_in(["这是为中央起草的党内指示。"]).name is None
    True
    >>> lead_in(["李總統登輝先生今天強調：…"]).name, lead_in(["蔡英文總統今（27）日表示…"]).name
    ('李登輝', '蔡英文')
    >>> lead_in(["馬英九總統上午出席「東亞和平與安全」國際研討會，並致詞。"]).occasion
    '「東亞和平與安全」國際研討會'
    >>> lead_in(["李總統登輝先生今天表示，教育是根本。", "上午在台中舉行全國校長會議。"]).occasion
    '全國校長會議'
    >>> lead_in(["今(4)日，市議會舉行第八次定期會，市議員蔡旺詮指出，藝文團體減少。"])
    SpeechMeta(name='蔡旺詮', role='市議員', occasion='第八次定期會')
    >>> lead_in(["今天，我们召开全市大会，市委书记李明强调，要抓好落实。"]).name is None
    True
    >>> lead_in(["昨天，省委召开常委会议，省委书记王建军强调，要抓好落实。"]).name is None
    True
    >>> lead_in(["刚才，我们听取市发改委主任李华的专题报告，很受启发。"]).name is None
    True
    >>> lead_in(["这是习近平总书记在视察我省时的重要讲话，为我们指明了方向。"]).name is None
    True
    >>> lead_in(["这是省委为全面推进乡村振兴作出的重大决定。"]).name is None
    True
    >>> lead_in(["總統府今天舉行紀念月會，並聽取教育部部長郭為藩的專題報告。"])
    SpeechMeta(name='郭為藩', role='教育部部長', occasion='紀念月會')
    """
    for n, text in enumerate(paragraphs):
        seen = probe(text[:LEAD_IN_MAX])  # a note may run into the next paragraph
        opening = NOTE_OPEN.match(seen)
        seen = seen[opening.end() :] if opening is not None else seen
        source = SOURCE_NOTE.match(seen)
        if source is not None:  # `摘自：习总书记2017年6月23日在…座谈会上的讲话精神`
            return _taken_from(seen[source.end() :])
        sentence = seen.split("。", 1)[0]
        spoken = _spoken(sentence)  # a speech's own opening
        found = NOTE_WHO.match(seen) if may_be_note(seen) else None
        if found is not None and not NOT_A_NAME.match(found["who"]) and not spoken:
            return _note(found)
        clause = first_clause(seen)
        found = LEAD_IN.match(seen) if MAY_LEAD_IN.search(clause) else None
        if found is not None:
            name, role = _who(found["who"])
            if name is not None:
                return SpeechMeta(name, role, found["occ"].strip() or None)
        heard = "聽取" in sentence or "听取" in sentence  # (HEARD opens with one of them)
        found = HEARD.search(sentence) if heard and not spoken else None
        if found is not None:
            name, role = _who(found["who"])
            if name is not None:
                return SpeechMeta(name, role, _event(paragraphs[n:]))
        found = DAY_FIRST_LEAD.match(seen) if not spoken else None
        if found is not None:
            name, role = _who(found["who"])
            if name is not None and role is not None:
                return SpeechMeta(name, role, _event(paragraphs[n:]))
        found = NEWS_LEAD.match(seen) if MAY_NEWS_LEAD.search(clause[2:NEWS_LEAD_REACH]) else None
        if found is not None:
            who = found["who"]
            occasion = _event([seen[found.end() :], *paragraphs[n + 1 :]])
            split = SURNAME_ROLE_NAME.match(who)
            if split is not None:
                role = split["body"] + split["role"]
                return SpeechMeta(split["sur"] + split["given"], role, occasion)
            split = NAME_ROLE.match(who)  # `蔡英文總統`
            if split is not None and ROLE_WORD.match(split["name"]) is None:
                return SpeechMeta(split["name"], split["role"], occasion)
            name, role = _who(who)
            if name is not None and role is not None:
                return SpeechMeta(name, role, occasion)
            if OFFICE_ALONE.match(who):
                return SpeechMeta(None, who, occasion)  # `總統今天上午主持…`
    return SpeechMeta()


LOST_SPACE = lazy_regex(rf"(?<=\p{{Han}})[{lexicon.LOST}](?=\p{{Han}})")


def lost_spaces(text: str) -> str:
    """A byline's space lost in a change of encoding is a space again.

    >>> lost_spaces("国务院总理?李克强")
    '国务院总理 李克强'
    """
    return LOST_SPACE.sub(" ", text) if "?" in text or "？" in text else text


PERSON_TITLED = lazy_regex(rf"^(?P<name>\p{{Han}}{{2,3}}?)(?P<role>{lexicon.PERSON_TITLE})$")


def label_speaker(label: str) -> tuple[str | None, str | None]:
    """(name, role) of a record's speaker label: a name and a member's title, or an office.

    >>> label_speaker("行政長官"), label_speaker("陳偉業議員"), label_speaker("財政司司長")
    ((None, '行政長官'), ('陳偉業', '議員'), (None, '財政司司長'))
    >>> label_speaker("李四委員"), label_speaker("王副县长")
    (('李四', '委員'), (None, '副县长'))
    """
    label = probe(label).strip()
    titled = PERSON_TITLED.match(label)
    if titled is not None and not ROLE_WORD.search(titled["name"]):
        return titled["name"], titled["role"]
    courtesy = SURNAME_ROLE.match(label)
    if courtesy is not None:
        return None, courtesy["role"]  # `王副县长`: the office; a surname is no name
    return None, label or None


def _byline_speaker(bylines: list[str]) -> tuple[str | None, str | None]:
    """(name, role) from a byline such as `市委书记　王明` or `王　明`."""
    for line in bylines:
        parts = lost_spaces(probe(line)).split()
        courtesy = SURNAME_ROLE.match(parts[0]) if len(parts) == 1 else None
        if courtesy is not None:
            return None, courtesy["role"]  # `王副县长`: the office; a surname is no name
        if not parts or any(not NAME.match(p) and not ROLE_WORD.search(p) for p in parts):
            continue
        if all(len(p) == 1 for p in parts):
            return "".join(parts), None
        name, role = _who("".join(parts))
        if (
            name is None
            and len(parts) == 1
            and NAME.match(parts[0])
            and len(parts[0]) <= 3
            and ORGANISATION.search(parts[0]) is None
        ):
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
    >>> speech_meta("在全会结束时的讲话", None).occasion  # the meeting, not its end
    '全会'
    >>> speech_meta("全县重点工作推进会主持词", None).occasion
    '全县重点工作推进会'
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
    >>> speech_meta("創辦人汪校長廣平給校友們的勉勵與祝福", None)  # surname, office, given name
    SpeechMeta(name='汪廣平', role='校長', occasion=None)
    """
    name = role = occasion = None
    for source in (subtitle, title):
        if not source:
            continue
        found = title_parts(probe(source).strip(EDGE_PUNCT + "（）()"))
        if found is None:
            continue
        name, role = _who(found.group("who"))
        occasion = found.group("occ").strip() or None
        break
    if occasion is None and title and (named := GATHERING_TITLE.match(probe(title))):
        occasion = named["occ"]  # `全县…推进会主持词`
    if (
        name is None
        and title
        and MAY_TITLE_SIGNER.search(seen := probe(title)) is not None
        and (signed := TITLE_SIGNER.search(seen)) is not None
    ):
        # `創辦人汪校長廣平給校友們的勉勵與祝福`: surname, office, given name, then to whom
        name, role = signed["sur"] + signed["given"], role or signed["role"]
    if occasion is None and subtitle:  # `（一九四五年四月二十日…全体会议通过）`
        dated = find_date(subtitle)
        adopted = ADOPTED.search(probe(subtitle)[dated.end if dated else 0 :])
        if adopted is not None:
            occasion = adopted["occ"]
    # a subtitle that names no occasion may be a byline (`——某某省人民政府副省长 张某`)
    signed = probe(subtitle).strip(EDGE_PUNCT) if subtitle else ""
    lines = [*(bylines or []), *([signed] if SIGNATURE.match(signed) else [])]
    if lines and name is None:
        by_name, by_role = _byline_speaker(lines)
        if by_name is None and by_role is None:
            by_name, by_role = latin.speaker(lines)  # `by` / `Lee Teng-hui` / `President`
        name, role = by_name, role or by_role
    return SpeechMeta(name, role, occasion)


def published(lines: list[str]) -> str | None:
    """ISO date (or date-time) of the first date in the page's publish lines.

    >>> published(["信息来源:荆州市政协 | 发布时间:2023-05-22 11:15"])
    '2023-05-22T11:15'
    >>> published(["新华社北京２００７年３月１７日电"]), published(["發稿時間：110年4月30日18:25"])
    ('2007-03-17', '2021-04-30')
    """
    for line in lines:
        line = line.translate(WIDE_DIGITS)
        found = DATE.search(line)
        if found is None:
            written = find_date(line)  # `發稿時間：110年4月30日` (an ROC year), `二〇二四年…`
            if written is not None and written.iso.count("-") == 2:
                return written.iso
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


# A page's record fields (`发文日期：2023-04-18`), a label perhaps standing on a line of its own
# with its value on the next (`发布机构：` / `宜春市统计局`): a page's table of fields read as text.
FIELD_LABEL = lazy_regex(
    r"^(?:发文日期|發文日期|成文日期|生成日期|发布日期|發布日期|发布时间|發布時間|发布机构|發布機構"
    r"|发文机关|發文機關|来源|來源|信息来源|信息來源)\s*[:：]\s*"
)
FIELD = lazy_regex(r"^[^：:]{1,8}[：:]")  # any `key：` (`访问量：199` is no field's value)


def labelled(lines: list[str]) -> list[str]:
    """The page's record fields among `lines` (the rest is left out: a page's chrome holds
    other dates), each label standing alone joined with the value on the line after it.

    >>> labelled(["索 引 号：", "014717475N", "发文日期：", "2023-04-18", "访问量：4859"])
    ['发文日期：2023-04-18']
    >>> labelled(["来源：", "访问量：199", "发布日期：2017-05-15 10:49:00"])
    ['发布日期：2017-05-15 10:49:00']
    """
    found: list[str] = []
    for line, after in pairwise([*lines, ""]):
        label = FIELD_LABEL.match(line.strip())
        if label is None:
            continue
        if label.end() < len(line.strip()):
            found.append(line.strip())  # the value on the label's line
        elif after.strip() and not FIELD.match(after.strip()):
            found.append(line.strip() + after.strip())
    return found


def publisher(lines: list[str]) -> str | None:
    """The stated source outlet of the page.

    A site's category in the source line (`來源: 工作計劃`, `来源：讲话稿`) names no outlet.

    >>> publisher(["信息来源:荆州市政协 | 发布时间:2023-05-22"]), publisher(["来源: 工作计划"])
    ('荆州市政协', None)
    >>> publisher(["（来源：新华社）"]), publisher(["新华社北京3月5日电"])
    ('新华社', '新华社')
    """
    for line in lines:
        agency = DISPATCH.match(line)
        if agency is not None:
            return str(agency["v"])  # `新华社北京3月5日电`: the agency that filed it
        found = PUBLISHER.search(line)
        if found is not None:
            value = str(found["v"]).strip()
            if value and not DATE.match(value) and not CATEGORY.search(probe(value)):
                return value
    return None


def source_url(lines: list[str]) -> str | None:
    """The source address a file states (`原文链接：https://…`).

    >>> source_url(["原文链接：https://www.gov.cn/zhengce/a.htm"])
    'https://www.gov.cn/zhengce/a.htm'
    """
    for line in lines:
        found = URL.search(line)
        if found is not None:
            return str(found.group()).rstrip("）)】]。，,")
    return None


SITE_SUFFIX = lazy_regex(r"\s*(?:[_|｜]|\s[-—–]\s).{0,30}$")


def page_title(title: str | None) -> str | None:
    """A page's <title> without the site's name after it.

    >>> page_title("万载县2022年国民经济和社会发展统计公报 _ 万载县人民政府")
    '万载县2022年国民经济和社会发展统计公报'
    """
    if not title:
        return None
    return SITE_SUFFIX.sub("", title.strip()) or title.strip()
