"""jaggy.str case mapping, character-class predicates and length against awkward.str."""

from __future__ import annotations

import pytest
from hypothesis import given
from str_oracle import ASCII_BYTES, BYTES, SETTINGS, TEXT, compare, pair, string_pairs

CASE = ["lower", "upper", "swapcase", "capitalize", "title"]
PREDICATES = ["is_alnum", "is_alpha", "is_ascii", "is_decimal", "is_digit", "is_lower", "is_numeric",
              "is_printable", "is_space", "is_title", "is_upper"]
ALL = [*CASE, *PREDICATES, "length"]

EDGE = [
    [],
    ["", "a", None],
    [None, None],
    [["hello wORLD", "ǅx", "ß"], [], None, ["Ab3c", "a\tb\n", "١٢", "  "]],
    [{"x": "aB", "y": 1}, {"x": None, "y": 2}],
    [[["é", "ÀB"]], [[], None]],
    [b"ab", b"CD", None, b""],
    [1, 2, 3],
]


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("data", EDGE, ids=range(len(EDGE)))
def test_edge_cases(name, data):
    compare(name, (pair(data),))


@pytest.mark.parametrize("name", ALL)
def test_text(name):
    @SETTINGS
    @given(string_pairs(TEXT))
    def check(arrays):
        compare(name, (arrays,))

    check()


@pytest.mark.parametrize("name", ["upper", "title", "is_alpha", "is_lower", "length"])
def test_bytestrings(name):
    @SETTINGS
    @given(string_pairs(BYTES, allow_records=False))
    def check(arrays):
        compare(name, (arrays,))

    check()


@pytest.mark.parametrize("name", ["lower", "swapcase", "is_space", "is_printable", "is_ascii", "length"])
def test_ascii_bytes(name):
    @SETTINGS
    @given(string_pairs(ASCII_BYTES, allow_records=False))
    def check(arrays):
        compare(name, (arrays,))

    check()
