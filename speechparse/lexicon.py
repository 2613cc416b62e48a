"""The words and character classes the stages read: one place, Simplified and Traditional forms
written out side by side.

Character classes are strings (for `in` tests and for building classes in patterns); word lists
are regular-expression alternations without a group, so a stage composes them into its own
patterns. Marker knowledge is not here: it lives in `grammar.py`.
"""

from __future__ import annotations

# -- characters -----------------------------------------------------------------------------

FULL_STOPS = "。！？!?"  # what ends a sentence
CLAUSE_STOPS = "；;：:"  # what ends a clause or announces what follows
SENTENCE_END = FULL_STOPS + "：:；;"  # after one of these a new sentence (or point) may open
COLONS = "：:"
CLOSERS = "”’」』\"'）)"  # quotes and brackets that may follow a sentence end
OPEN_BRACKETS = "（(〔[【"
CLOSE_BRACKETS = "）)〕]】"
DASHES = "—-－―"  # a subtitle's lead (`——在…上的讲话`)
ZERO_DIGITS = "〇○OoΟ０0零"  # zero as written in a Chinese-digit year (一九五○, 二OO五)
SPACES = " \t\u3000\u00a0"
# A character lost in a change of encoding, written `?` in its place: between the words of a
# byline it stood for a space (`国务院总理?李克强`).
LOST = "?？"
PLACEHOLDERS = "xXｘＸ×＊*"  # a template's name or place left to fill (`XX镇`, `×××`)
BULLETS = "·•●○■□◆◇▪▫►▶★☆※-*＊"  # what opens an item of a list (never a title)

# -- words ----------------------------------------------------------------------------------

# What a speech or report is called in its title or subtitle.
SPEECH_WORD = (
    r"(?:讲话稿|講話稿|讲话|講話|发言|發言|致辞|致辭|致詞|报告|報告|总结|總結|动员|動員|主持词|主持詞"
    r"|演讲|演講|讲演|講演)"
)
# The kind of document a title names (wider than a speech: plans, notices, regulations …).
DOCUMENT_WORD = (
    SPEECH_WORD[:-1]
    + r"|规划|規劃|计划|計劃|方案|要点|要點|意见|意見|通知|通告|公告|公报|公報|决定|決定|决议|決議"
    r"|说明|說明|声明|聲明|条例|條例|办法|辦法|规定|規定|规则|規則|细则|細則|章程|纲要|綱要|纲领|綱領"
    r"|贺词|賀詞|祝词|祝詞|献词|獻詞|书|書|信|文告|谈话|談話|答问|答問|问答|問答|论|論)"
)
# A place or time the speech was given at: `在…上`, `於…時`; not the 于 of 关于, 对于, 由于 ….
AT = r"(?<![关關对對由属屬基等])(?:在|於|于)"
# A meeting, ceremony or course: what `在…上` names when no speech word follows.
GATHERING = r"(?:会|會|议|議|式|礼|禮|坛|壇|班|节|節|典|营|營)"
ROLE_WORD = (
    r"(?:总书记|總書記|书记|書記|主席|市长|市長|区长|區長|县长|縣長|省长|省長|镇长|鎮長|乡长|鄉長|"
    r"部长|部長|主任|局长|局長|厅长|廳長|院长|院長|校长|校長|秘书长|秘書長|常委|委员|委員|负责人|負責人|"
    r"总理|總理|理事长|理事長|会长|會長|董事长|董事長|总经理|總經理|组长|組長|处长|處長|司长|司長|"
    r"政委|行长|行長|所长|所長|党组成员|黨組成員|代表|总统|總統|副总统|副總統|发言人|發言人|"
    r"科长|科長|股长|股長|队长|隊長|馆长|館長|站长|站長|经理|經理|主管|委员长|委員長|顾问|顧問|"
    r"议员|議員)"
)
HONORIFIC = r"(?:同志|先生|女士)"
# Who a salutation addresses (and a report's addressee: 县人大常委会：).
ADDRESS_WORD = (
    r"同志|朋友|代表(?!人)|委[员員]|[来來][宾賓]|女士|先生|[领領][导導]|各位|老[师師]|同[学學]|[员員]工"
    r"|常委[会會]|人大|政[协協]|政府|[党黨][委组組]|大家好"
)
# What a site files its texts under: a kind of document, not an outlet.
CATEGORY_WORD = (
    r"(?:计划|計劃|总结|總結|范文|範文|讲话|講話|讲稿|講稿|发言|發言|心得|体会|體會|材料|方案|致辞|致辭"
    r"|演讲|演講|稿件?|汇报|匯報|述职|述職|报告|報告|大全|精选|精選)"
)
# A site's label for a sample text (`参考范文：`, `【讲话稿】`): not a speaker, not a title.
LABEL_WORD = (
    r"范文|範文|例文|模板|材料|讲话稿|講話稿|参考|參考|精选|精選|全文|原文|标题|標題"
)
# What an official does with a document on a dated line under its title (`… 公布`).
# A speech's record set out as fields above or under its title (`讲话人：王五`,
# `讲话时间：2023年3月2日`, `会议：…`, `地点：…`): each key, by what its value tells.
SPEECH_FIELD_KEYS = {
    "speaker": r"(?:讲话|講話|主讲|主講|发言|發言|报告|報告|演讲|演講|致辞|致辭|致詞)人",
    "date": r"(?:讲话|講話|报告|報告|会议|會議)?(?:时间|時間|日期)",
    "occasion": r"(?:会议|會議|活动|活動)(?:名称|名稱)?|场合|場合",
    "place": r"(?:会议|會議|讲话|講話)?(?:地点|地點)",
}
# The words that head a document appended to another (`附件1`, `附录：`, `附表二`).
APPENDED_WORD = r"(?:附件|附録|附录|附錄|附表)"
# What an issuer writes after its name, signing a text it hands over (`新闻办公室　提供`).
SIGN_OFF = r"(?:提供|敬啟|敬启|謹啟|谨启)"
PUBLICATION_VERB = (
    r"(?:公布|公佈|通过|通過|施行|发布|發布|發佈|印发|印發|修正|修订|修訂|批准|签发|簽發|颁布|頒布|頒佈"
    r"|实施|實施|修改|废止|廢止|制定|备查|備查)"
)
# How a speech ends.
THANKS = r"(?:谢谢|謝謝)(?:大家|各位)?"
THANKS_FIRST = "谢謝"  # what THANKS opens with
# A title line ending in one of these goes on; one opening with these carries one on.
TITLE_OPEN_END = "的和与與及在"
TITLE_OPEN_START = "的之"
# A line announcing that the full text of a speech or document follows (`致詞全文如下：`).
FULL_TEXT_FOLLOWS = (
    r"(?:(?:全文|原文|讲话稿|講話稿|致[词詞辞辭]稿?|讲话|講話|谈话|談話|祝[词詞辞辭])"
    r"(?:全文|重点|重點|要点|要點|摘要|内容|內容)?|(?:报告|報告)(?:全文|内容|內容))"
    r"(?:如下|如后|如後|為|为|是|如次)?"
)
# The day a news report's lead opens with, as the Taiwan press writes it: `今(4)日`, `昨（3）日`.
NEWS_DAY = r"[今昨本][（(][0-9０-９]{1,2}[）)]日"
NEWS_DAY_ENDS = ("）日", ")日")  # every NEWS_DAY match holds one of these
# What a lead-in sentence says of its speaker; never in a salutation (`總統今天強調：`).
SAYS = r"(?:今天|今日|昨天|日前|表示|强调|強調|指出|说|說|认为|認為|提出|宣布|宣佈|致[词詞辞辭]時?)"
# What the name of an issuing body ends in (`万载县统计局`, `国家统计局万载调查队`); a line of two
# or more such names is an issuer line (one alone may be a title: `论联合政府`).
ORGANISATION_END = (
    r"(?:局|队|隊|委员会|委員會|政府|办公室|辦公室|办公厅|辦公廳|厅|廳|部|署|院|中心|协会|協會"
    r"|学会|學會|研究会|研究會|公司|集团|集團|总队|總隊|支队|支隊|联合会|聯合會)"
)
# One term of address (`同志们`, `尊敬的各位领导`, `亲爱的同学们`), as a salutation strings them.
ADDRESS_TERM = (
    r"(?:尊敬的|亲爱的|親愛的|敬爱的|敬愛的)?(?:各位|全体|全體)?\p{Han}{0,6}?"
    r"(?:同志|朋友|代表|委[员員]|[来來][宾賓]|嘉[宾賓]|女士|先生|老[师師]|同[学學]|同事|家[长長]|校友"
    r"|[战戰]友|[乡鄉]亲|[乡鄉]親|青年|少年|[员員]工|[领領][导導]|同胞)(?:们|們)?"
)
# A greeting that closes an address line without a colon (`…全體國人同胞，大家好。`).
GREETING = r"大家(?:好|早上好|上午好|下午好|晚上好)"
GREETING_LAST = "好"  # what every GREETING ends in
# The name of a part of a work, standing alone as its title (`引　　言`, `结论`): never a name.
SECTION_TITLE_WORD = (
    r"(?:引言|导言|導言|前言|序言|绪论|緒論|绪言|緒言|结论|結論|结语|結語|结束语|結束語|后记|後記"
    r"|附录|附錄|总论|總論|序)"
)
# What a notice does with the documents it sends (`现将《…》印发给你们`).
ISSUING_VERB = r"(?:印发|印發|转发|轉發|发布|發布|颁布|頒布|下发|下發|公布|公佈)"
# A site's column tag before a title (`要闻 | `, `时政 > `): a pattern (`\\p{Han}` for the
# `regex` engine; stages on the standard engine put their own Han class in its place).
COLUMN_TAG = r"^(?P<tag>[\p{Han}A-Za-z]{2,6})\s*[|｜>＞»]\s*(?=\S)"
# A news photo's credit, which ends its caption (`新华社记者 姚大伟/摄`, `本报记者 张三 摄`).
PHOTO_CREDIT = (
    r"(?:\p{Han}{0,6}(?:记者|記者)[ \t\u3000]*\p{Han}{2,4}(?:[ \t\u3000、]+\p{Han}{2,4})*"
    r"[ \t\u3000]*[/／]?"
    r"|\p{Han}{2,4}[ \t\u3000]*[/／])[ \t\u3000]*[摄攝][）)]?"
)
# Every character of a PHOTO_CREDIT is one of these: a credit lies inside a run of them.
PHOTO_CREDIT_CHARS = r"\p{Han} \t\u3000、/／）)"
# The key of a line that names where a text was taken from (`摘自：…的讲话`): never a title.
SOURCE_KEY = (
    r"(?:摘自|选自|選自|节选自|節選自|摘编自|摘編自|出自|转自|轉自|原载|原載|来源|來源|出处|出處)"
)
# -- transitions between runs of points (read by transitions.py) ----------------------------
# What opens a paragraph that sums up what was said before it (`以上是…`, `总之，…`).
SUMMING_UP = (  # (not `以上率下`, "leading by example")
    r"(?:以上(?!率下)|综上|綜上|总之|總之|总而言之|總而言之|总的来说|總的來說|总的来看|總的來看)"
)
# The speaker announcing points: a verb of saying (`讲`, `强调`, `提几点`) …
SAYING_VERB = (
    r"(?:讲|講|谈|談|强调|強調|说|說|补充|補充|重申|交代|交待|提醒|提出|提(?=[几幾两兩三四五六七八九十]))"
)
# … and a count of the points to come (`三点`, `几个方面`, `两个问题`, `几条`).
POINT_COUNT = (
    r"[几幾两兩二三四五六七八九十](?:点|點|个方面|個方面|方面|个问题|個問題|问题|問題|条|條|项|項|层意思|層意思)"
)
# The speaker, or a word that makes the points another list (`下面`, `再`, `另外`): the points to
# come are not those of the point just made.
ANOTHER_LIST = r"(?:下面|以下|接下来|接下來|再|另外|此外|还|還|最后|最後)"
# Words that point back to the point just made (`就这个问题`, `对这项工作`): its own points follow.
THIS_POINT = (
    r"(?:这个问题|這個問題|这一问题|這一問題|这方面|這方面|这项工作|這項工作|这一点|這一點|对此|對此"
    r"|就此|这件事|這件事|这个方面|這個方面)"
)

# -- words of a text in a Latin script (a translation appended to a Chinese one) -------------

# The months, as an English dateline writes them (`April 8, 1995`, `8 April 1995`, `Apr. 8`).
MONTHS_EN = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
BY_WORD = r"(?:by|By|BY)"  # a byline's lead: `by` on its own line, or `By Lee Teng-hui`

# -- a verbatim record of a sitting (a legislature's record, a meeting's transcript) ---------

# What a speaker's label ends in, before the colon that opens what was said (`行政長官：`,
# `財政司司長：`, `陳偉業議員：`, `李四委員：`, `主席：`): an office, or a member's title.
SPEAKER_TITLE = (
    ROLE_WORD[:-1]
    + r"|议员|議員|长官|長官|议长|議長|主持人|秘书|秘書|先生|女士|同志|部長|局長)"
)
# A speaker's label and its colon opening a turn of a record (`陳偉業議員：`): a pattern for the
# `regex` engine (at most 16 characters of label).
SPEAKER_LABEL = (
    r"^(?P<label>\p{Han}{0,14}?" + SPEAKER_TITLE + r")[ \t\u3000]*[：:][ \t\u3000]*"
)
# The titles that follow a person's name in a label (`陳偉業議員`, `李四委員`, `王五先生`).
PERSON_TITLE = r"(?:议员|議員|委员|委員|代表|先生|女士|同志)"
# The voices that run a sitting rather than speak in it: its chair and its clerk.
PRESIDING = (
    r"(?:(?:代理|副)?(?:主席|议长|議長|主持人)|全[委体體][会會]主席|秘书|秘書)"
)
