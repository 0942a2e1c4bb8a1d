"""jaggy.str substring search, slicing, padding and trimming against awkward.str."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from str_oracle import BYTES, SETTINGS, TEXT, compare, pair, string_pairs

EDGE = [
    [],
    ["", "abcdef", "ÄbÇ", None, "aaa", "  a b "],
    [["hello wORLD", "bab"], [], None, ["ab", "b"]],
    [{"x": "aba", "y": 1}, {"x": None, "y": 2}],
    [b"ab", b"CD", None, b"", b" bab "],
]

SEARCH = [(n, p, ic) for n in ("starts_with", "ends_with", "find_substring", "count_substring", "match_substring")
          for p in ("b", "", "ab", "aa", "Ä") for ic in (False, True)]
REGEX = [(n, p, ic) for n in ("match_substring_regex", "find_substring_regex", "count_substring_regex")
         for p in ("b+", "^a", "[ÄÇ]") for ic in (False, True)] + [("match_like", "a%", False), ("match_like", "_b%", True)]


@pytest.mark.parametrize(("name", "pattern", "ignore_case"), SEARCH + REGEX)
@pytest.mark.parametrize("data", EDGE, ids=range(len(EDGE)))
def test_search_edges(name, pattern, ignore_case, data):
    compare(name, (pair(data),), pattern, ignore_case=ignore_case)


@pytest.mark.parametrize("name", ["starts_with", "ends_with", "find_substring", "count_substring", "match_substring"])
def test_search_random(name):
    @SETTINGS
    @given(string_pairs(TEXT), st.text(alphabet="abAé ", max_size=2), st.booleans())
    def check(arrays, pattern, ignore_case):
        compare(name, (arrays,), pattern, ignore_case=ignore_case and pattern.isascii())

    check()


EDITS = [
    ("slice", (1, 3), {}), ("slice", (-2,), {}), ("slice", (3, 0, -1), {}), ("slice", (0, None, 2), {}),
    ("slice", (-1, None, -2), {}), ("slice", (10,), {}),
    ("reverse", (), {}), ("replace_slice", (1, 2, "ZZ"), {}), ("replace_slice", (-2, 1, "é"), {}),
    ("replace_slice", (4, 2, ""), {}), ("repeat", (3,), {}), ("repeat", (0,), {}), ("repeat", (-1,), {}),
    ("lpad", (4,), {}), ("rpad", (6, "*"), {}), ("center", (5, "x"), {}), ("center", (0,), {}),
    ("lpad", (3, "ab"), {}),
    ("trim", ("ab ",), {}), ("ltrim", (" é",), {}), ("rtrim", ("b",), {}), ("trim", ("",), {}),
    ("trim_whitespace", (), {}), ("ltrim_whitespace", (), {}), ("rtrim_whitespace", (), {}),
]


@pytest.mark.parametrize(("name", "args", "kwargs"), EDITS)
@pytest.mark.parametrize("data", EDGE, ids=range(len(EDGE)))
def test_edit_edges(name, args, kwargs, data):
    compare(name, (pair(data),), *args, **kwargs)


@pytest.mark.parametrize(("name", "args"), [
    ("slice", (1, 4)), ("slice", (-3, None, -1)), ("reverse", ()), ("replace_slice", (1, -1, "é")),
    ("repeat", (2,)), ("center", (5, "_")), ("trim_whitespace", ()), ("rtrim", ("a ",)), ("lpad", (4,)),
])
@pytest.mark.parametrize("leaf", [TEXT, BYTES], ids=["text", "bytes"])
def test_edit_random(name, args, leaf):
    @SETTINGS
    @given(string_pairs(leaf, allow_records=leaf is TEXT))
    def check(arrays):
        compare(name, (arrays,), *args)

    check()


def test_slice_step_zero():
    compare("slice", (pair(["ab", None]),), 0, 0, 0)
    with pytest.raises(ValueError, match="step must not be zero"):
        __import__("jaggy").str.slice(__import__("jaggy").Array([]), 0, 0, 0)
