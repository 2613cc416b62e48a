"""Where a text switches script: a translation appended to a speech is a run of prose in
another script; a few paragraphs of English or a name in kana in a Chinese speech are not."""

from __future__ import annotations

import pytest

from speechparse.latin import ANY_KANA, KANA, LATIN, MAY_SWITCH, RUN_MIN, switches
from speechparse.paragraphs import Block
from speechparse.textmap import Mapped

ZH = "今天我们在这里召开会议，研究部署下一阶段的工作任务，大家要认真学习领会会议精神。"
EN = "Today we meet here to study the tasks of the next stage of our work and our plans."
JA = "今日は国家統一委員会改組後の第一回会議であり、皆様とともに今後の課題を話し合います。"


def _blocks(lines: list[str]) -> list[Block]:
    return [Block(Mapped.verbatim(t, 0), n, n) for n, t in enumerate(lines)]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([ZH] * 4 + ["Address", "by"] + [EN] * RUN_MIN, {4}),
        ([ZH] * 4 + [JA] * RUN_MIN, {4}),
        ([ZH] * 4 + [EN] * RUN_MIN + [JA] * RUN_MIN, {4, 4 + RUN_MIN}),
        ([ZH] * 4 + [EN] * (RUN_MIN - 1), set()),  # a quotation in English, not a translation
        ([ZH] * 3 + [EN] * RUN_MIN + [ZH] * 3, {3, 3 + RUN_MIN}),
        ([ZH + " WTO APEC"] * 8, set()),
        ([ZH] * 8, set()),
    ],
)
def test_switches(lines: list[str], expected: set[int]) -> None:
    assert switches(_blocks(lines)) == expected


def test_the_prefilter_lets_every_letter_through() -> None:
    """A paragraph `MAY_SWITCH` passes over has no letter `script` counts as Latin or kana."""
    every = "".join(map(chr, range(0x110000))).encode("utf-8", "surrogatepass").decode(
        "utf-8", "replace"
    )
    letters = LATIN.findall(every) + KANA.findall(every)
    assert letters
    assert all(MAY_SWITCH.match(c) for c in letters)
    kana = KANA.findall(every)
    assert kana  # and a paragraph `ANY_KANA` passes over has no kana
    assert all(ANY_KANA.match(c) for c in kana)
