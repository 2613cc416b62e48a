"""Patterns compiled on first use.

Compiling a pattern of Chinese word lists or wide character classes costs 0.3-2 ms, and a
process that parses one file (the command on one speech) pays for every pattern compiled at
import: ~90 ms for the ~160 patterns the modules make, of which a speech reaches perhaps two
thirds. So every pattern a module makes at import is made with `lazy_re` or `lazy_regex` and
compiled when first used; once compiled, calls go straight to the compiled pattern's methods
(held on the object), with nothing in between (a parse counts the same instructions). A
pattern's `pattern` is there before it is compiled, for patterns built from others."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

import regex

METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")
ATTRIBUTES = ("flags", "groups", "groupindex")


class _Compiled:
    """A lazy pattern once compiled: its methods and attributes are the compiled pattern's."""

    pattern: str


class _Lazy:
    def __init__(self, engine: Callable[[str, int], Any], pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._compile = engine
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # only until compiled: then no longer the class
        compiled = self._compile(self.pattern, self._flags)
        for attribute in METHODS + ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        self.__class__ = _Compiled  # type: ignore[assignment]
        return getattr(compiled, name)


def lazy_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, on first use.

    >>> year = lazy_re(r"(?P<y>\\d{4})年")
    >>> year.pattern, year.search("于2024年").group("y"), year.groupindex["y"]
    ('(?P<y>\\\\d{4})年', '2024', 1)
    """
    return cast("re.Pattern[str]", _Lazy(re.compile, pattern, flags))


def lazy_regex(pattern: str, flags: int = 0) -> Any:
    """`regex.compile(pattern, flags)`, on first use."""
    return _Lazy(regex.compile, pattern, flags)
