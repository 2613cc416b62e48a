"""Decoding: byte-order marks, legacy Chinese encodings, and clear errors for non-text."""

from __future__ import annotations

import codecs
import random
import re
from pathlib import Path

import opencc
import pytest

import speechparse
from speechparse.decode import decode
from speechparse.errors import InputError

TEXT = "同志们：\n一、加强学习。\n"
SAMPLE = Path(__file__).parent.parent / "fixtures" / "samples" / "000_8767edf5a6fd688c.txt"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-8-sig"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "gb18030"],
)
def test_decodes_to_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode(data, "speech.txt")
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_binary_is_refused() -> None:
    with pytest.raises(InputError, match=r"^logo\.png: looks binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "logo.png")


def test_given_encoding_is_used_and_errors_name_the_source() -> None:
    assert decode("區委".encode("big5"), "a.txt", "big5").text == "區委"
    with pytest.raises(InputError, match=r"^a\.txt: cannot be decoded as utf-8"):
        decode("區委".encode("big5"), "a.txt", "utf-8")


def test_empty_and_blank_inputs_are_refused() -> None:
    for data in (b"", b" \r\n\t", "\u3000\n".encode()):
        with pytest.raises(InputError, match=r"^blank\.txt: is empty$"):
            decode(data, "blank.txt")


def test_truncated_utf8_is_decoded_with_a_warning() -> None:
    data = TEXT.encode("utf-8") + "二".encode()[:2]
    decoded = decode(data, "cut.txt")
    assert decoded.text == TEXT
    assert decoded.warnings == (
        "the input ends inside a UTF-8 character (2 bytes left out); was the file cut short?",
    )


def test_a_few_nul_bytes_are_ignored_with_a_warning() -> None:
    decoded = decode(TEXT.encode("utf-8").replace("：".encode(), "：\x00".encode()), "nul.txt")
    assert decoded.warnings == ("the input holds 1 NUL character; they are ignored",)
    doc = speechparse.parse_bytes(TEXT.encode("utf-8").replace(b"\n", b"\x00\n"), path="nul.txt")
    assert doc.speeches[0].sections[0].heading == "加强学习"
    assert [w.code for w in doc.warnings] == ["decode"]


def test_utf16_without_bom_is_recognised() -> None:
    for codec in ("utf-16-le", "utf-16-be"):
        decoded = decode(TEXT.encode(codec), "wide.txt")
        assert (decoded.text, decoded.encoding) == (TEXT, codec)


def test_big5_is_recognised() -> None:
    text = "同志們：\n一、強化政治引領，堅定正確方向。\n"
    decoded = decode(text.encode("big5"), "big5.txt")
    assert decoded.text == text
    assert decoded.encoding == "cp950"


def test_random_binary_is_refused() -> None:
    data = bytes(range(256)) * 8
    with pytest.raises(InputError, match=r"^noise\.bin: looks binary"):
        decode(data, "noise.bin")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", "is a PDF, not text: read it as one"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "is a legacy Office file"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=rf"^speech\.doc: {problem}"):
        decode(data, "speech.doc")


@pytest.mark.parametrize("codec", ["gb18030", "big5"])
@pytest.mark.parametrize("script", ["simplified", "traditional"])
@pytest.mark.parametrize("length", [8, 40, 100_000])
def test_gb18030_and_big5_are_told_apart(codec: str, script: str, length: int) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    if script == "traditional":
        text = opencc.OpenCC("s2t").convert(text)
    text = text[:length]
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        data = text.encode(codec, errors="ignore")
        text = data.decode(codec)
    decoded = decode(data, "legacy.txt")
    assert decoded.text == text
    assert decoded.encoding == {"gb18030": "gb18030", "big5": "cp950"}[codec]


@pytest.mark.parametrize(("script", "codec"), [("simplified", "gb18030"), ("traditional", "cp950")])
def test_a_legacy_file_with_a_few_bad_bytes_is_read_in_its_codec(script: str, codec: str) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    if script == "traditional":
        text = opencc.OpenCC("s2t").convert(text)
    data = text.encode(codec, errors="replace")
    damaged = data[:3000] + b"\xff" + data[3000:6000] + b"\xff" + data[6000:]
    doc = speechparse.parse_bytes(damaged, path="damaged.txt")
    assert doc.input.encoding == codec
    assert any("could not be read as" in w.message for w in doc.warnings)
    clean = speechparse.parse_bytes(data, path="clean.txt")
    assert [s.heading for s in doc.speeches[0].walk()] == [
        s.heading for s in clean.speeches[0].walk()
    ]


SINGLE_BYTE = ("ibm855", "cp737", "cp875", "cp720", "cp862", "cp500", "cp1252", "latin-1")


@pytest.mark.parametrize("end", ["\n", "\r", "\r\n"], ids=["lf", "cr", "crlf"])
@pytest.mark.parametrize("seed", range(6))
def test_utf8_with_a_stray_byte_is_utf8_with_a_warning_naming_where(end: str, seed: int) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("\n", end)
    data = text.encode()
    # a place between two characters, the stray byte one of those that sent files astray
    char = random.Random(seed).randrange(len(text))
    offset = len(text[:char].encode())
    stray = b"\xff\x80\xc3\xfe\xa0\xe4"[seed]
    decoded = decode(data[:offset] + bytes([stray]) + data[offset:], "stray.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text == text[:char] + "\ufffd" + text[char:]
    line = len(re.split("\r\n|\r|\n", text[:char]))
    assert decoded.warnings == (
        f"1 byte is not valid UTF-8 and stands as U+FFFD (line {line}, byte offset {offset})",
    )


def test_utf8_with_stray_bytes_on_one_line_of_a_cr_file_is_utf8() -> None:
    """All of a CR-only file is one line to a reader of lines: it was read as a code page."""
    text = SAMPLE.read_text(encoding="utf-8").replace("\n", "\r")
    a, b, c = text[:100].encode(), text[100:2000].encode(), text[2000:].encode()
    decoded = decode(a + b"\xff" + b + b"\x80\x80" + c, "cr.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text == text[:100] + "\ufffd" + text[100:2000] + "\ufffd\ufffd" + text[2000:]
    assert "3 bytes are not valid UTF-8" in decoded.warnings[0]


@pytest.mark.parametrize("codec", ["gb18030", "big5"])
def test_no_single_byte_code_page_for_a_damaged_chinese_file(codec: str) -> None:
    text = SAMPLE.read_text(encoding="utf-8")[:3000]
    if codec == "big5":
        text = opencc.OpenCC("s2t").convert(text)
    chunks = [text[i : i + 50].encode(codec, errors="replace") for i in range(0, len(text), 50)]
    decoded = decode(b"\xff".join(chunks), "damaged.txt")
    assert decoded.encoding == {"gb18030": "gb18030", "big5": "cp950"}[codec]
    assert decoded.text.replace("\ufffd", "") == b"".join(chunks).decode(decoded.encoding)
    assert decoded.warnings


@pytest.mark.parametrize("stray", [b"\xff", b"\xc3", b"\x80"])
def test_utf8_that_is_mostly_ascii_with_a_stray_byte_is_utf8(stray: bytes) -> None:
    text = "Speech of the Minister\n" + "We will work hard and build together. " * 40
    decoded = decode(text[:500].encode() + stray + text[500:].encode(), "ascii.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.encoding not in SINGLE_BYTE
    assert decoded.text == text[:500] + "\ufffd" + text[500:]


def test_a_nul_byte_in_a_gb18030_file_is_a_warning_as_in_utf8() -> None:
    text = SAMPLE.read_text(encoding="utf-8")[:2000]
    for codec in ("utf-8", "gb18030"):
        data = text.encode(codec)
        cut = len(text[:500].encode(codec))
        decoded = decode(data[:cut] + b"\x00" + data[cut:], "nul.txt")
        assert decoded.text == text[:500] + "\x00" + text[500:]
        assert decoded.warnings == ("the input holds 1 NUL character; they are ignored",)


def test_utf8_with_a_byte_order_mark_and_a_stray_byte_is_read() -> None:
    data = codecs.BOM_UTF8 + TEXT.encode()
    decoded = decode(data[:16] + b"\xff" + data[16:], "bom.txt")
    assert (decoded.text, decoded.encoding) == ("同志们：\n\ufffd一、加强学习。\n", "utf-8")
    assert decoded.warnings == (
        "1 byte is not valid UTF-8 and stands as U+FFFD (line 2, byte offset 16)",
    )
