"""Texts that look like what the rules reading the document around the speeches look for (a
news headline glued to its lead, a signed release after a speech, a news lead or an editor's
note naming the speaker, a Markdown `# ` title), and the texts those rules are for."""

from __future__ import annotations

import pytest

import speechparse
from speechparse.pipeline import parse_text

LONG = "各级各部门要切实提高政治站位，把各项工作做在前头，确保各项任务落到实处、取得实效。" * 2

# (text, the titles of its pieces, the speaker's name of each)
CASES = [
    pytest.param(  # a clause before the subject and its day, the lead goes on from it
        "黃市長出席防颱整備會議致詞\n為因應今年第五號颱風來襲，台南市長黃偉哲今(4)日，在市府永華中"
        f"心主持防颱整備會議，要求各局處首長嚴陣以待。{LONG}\n各位同仁：\n請大家提高警覺。\n謝謝大家。",
        ["黃市長出席防颱整備會議致詞"],
        [None],
        id="news-day-inside-a-sentence",
    ),
    pytest.param(
        "為因應今年第五號颱風來襲，台南市長黃偉哲今(4)日，在市府永華中心主持防颱整備會議，要求"
        f"各局處首長嚴陣以待。{LONG}\n市長指出，抽水機要提前預布。",
        [None],
        [None],
        id="news-day-inside-a-first-line",
    ),
    pytest.param(
        "議長在第八次定期會開幕典禮致詞\n各位議員先進、各位鄉親：\n大家好，本會第三屆第八次定期會"
        f"今(4)日，正式開議。{LONG}\n謝謝大家。",
        ["議長在第八次定期會開幕典禮致詞"],
        [None],
        id="news-day-in-a-speech-paragraph",
    ),
    pytest.param(
        "新春團拜致詞\n各位同仁：\n新春伊始，萬象更新，本府新春團拜今(4)日，在市府大禮堂舉行。"
        f"{LONG}\n謝謝大家。",
        ["新春團拜致詞"],
        [None],
        id="news-day-under-a-salutation",
    ),
    pytest.param(
        "縣府推動長照據點倍增，議員籲加強偏鄉服務量能今(12)日，縣議會舉行第五次定期會，縣議員林志明"
        f"指出，縣內長照據點不足。{LONG}\n校園午餐食材把關，議員要求提高在地農產比例昨(11)日，縣議會"
        f"教育部門質詢，縣議員陳美玲指出，學校午餐仍使用外地食材。{LONG}",
        [
            "縣府推動長照據點倍增，議員籲加強偏鄉服務量能",
            "校園午餐食材把關，議員要求提高在地農產比例",
        ],
        ["林志明", "陳美玲"],
        id="news-items-one-a-line",
    ),
    pytest.param(  # the thanks end the opening paragraph; the speaker signs at the foot
        f"在全县教师节表彰大会上的致辞\n老师们、同志们：\n在此，我代表县委、县政府向全县教师致以节日的"
        f"问候，谢谢大家！\n{LONG}\n{LONG}\n县委书记　王强\n二〇二四年九月十日",
        ["在全县教师节表彰大会上的致辞"],
        [None],
        id="speech-signed-by-its-speaker",
    ),
    pytest.param(
        f"在春节团拜会上的讲话\n各位老领导、同志们：\n我代表市委向大家拜个早年，谢谢各位。\n{LONG}\n"
        f"{LONG}\n中共某某市委办公室\n中華民國一一三年二月五日",
        ["在春节团拜会上的讲话"],
        [None],
        id="speech-signed-by-an-office",
    ),
    pytest.param(
        f"元旦祝詞\n各位同胞：\n{LONG}\n並祝身體健康！謝謝各位。\n有關總統明令公布組織法一事，發言人室"
        f"指出，總統應於收到法律案後十日內公布。{LONG}\n總統府發言人室　提供\n八二、十二、卅一",
        ["元旦祝詞", None],
        [None, None],
        id="release-handed-over",
    ),
    pytest.param(
        "# 在全县农村工作会议上的讲话\n\n同志们：\n\n今天召开全县农村工作会议。\n\n# 总体要求\n\n"
        "坚持农业农村优先发展。\n\n# 重点任务\n\n要抓好粮食生产。\n\n谢谢大家。\n",
        ["在全县农村工作会议上的讲话"],
        [None],
        id="markdown-headings-in-a-speech",
    ),
    pytest.param(
        "# 在全县农村工作会议上的讲话\n\n同志们：\n\n今天召开全县农村工作会议。\n\n"
        "# 在全县农村工作会议结束时的讲话\n\n同志们：\n\n这次会议开得很好。\n",
        ["在全县农村工作会议上的讲话", "在全县农村工作会议结束时的讲话"],
        [None, None],
        id="markdown-titles-of-two-speeches",
    ),
]


@pytest.mark.parametrize(("text", "titles", "speakers"), CASES)
def test_pieces_titles_and_speakers(
    text: str, titles: list[str | None], speakers: list[str | None]
) -> None:
    fmt = "markdown" if text.startswith("# ") else "text"
    doc = (
        speechparse.parse_bytes(text.encode(), path="x.md")
        if fmt == "markdown"
        else parse_text(text)
    )
    assert [s.title for s in doc.speeches] == titles
    assert [s.speaker.name if s.speaker else None for s in doc.speeches] == speakers


# A speech's first paragraph telling of others (`昨天，…省委书记…强调`, `刚才，我们听取…`), a
# body's decision or letter, a quoted speech: the speaker is not named by them.
OPENINGS = [
    "昨天，省委召开常委会议，传达学习全国两会精神，省委书记王建军强调，要把思想统一到中央决策部署上来。",
    "昨日，市政府召开常务会议，专题研究防汛工作，市长李红指出，今年汛期形势复杂严峻。",
    "刚才，我们听取市发改委主任李华的专题报告，大家很受启发。",
    "这是省委为全面推进乡村振兴作出的重大决定，我们必须坚决贯彻落实。",
    "这是县委给全县人民的一封信，希望大家认真阅读。",
    "这是习近平总书记在视察我省时的重要讲话，为我们做好新时代工作指明了方向。",
]


@pytest.mark.parametrize("opening", OPENINGS)
def test_speech_openings_name_no_speaker(opening: str) -> None:
    doc = parse_text(f"在全市干部大会上的讲话\n同志们：\n{opening}\n{LONG}\n谢谢大家。")
    (speech,) = doc.speeches
    assert speech.speaker is None or speech.speaker.name is None
