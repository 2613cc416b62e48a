"""Decoding: byte-order marks, legacy Chinese encodings, and clear errors for non-text."""

from __future__ import annotations

import pytest

from speechparse.decode import decode
from speechparse.errors import InputError

TEXT = "同志们：\n一、加强学习。\n"


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
