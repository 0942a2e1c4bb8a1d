"""jaggy.str split/replace/join, set lookups and categoricals against awkward.str; signatures."""

from __future__ import annotations

import inspect

import awkward as ak
import jaggy
import pytest
from hypothesis import given
from hypothesis import strategies as st
from str_oracle import BYTES, SETTINGS, TEXT, compare, pair, string_pairs

EDGE = [
    [],
    ["", "  a b ", "x y  z", "ÄbÇ", None, "a\tb\n", "bab", "\u3000a\xa0b"],
    [["hello wORLD", "bab b"], [], None, ["ab", "b"]],
    [{"x": "a b", "y": 1}, {"x": None, "y": 2}],
    [b"ab", b"C D", None, b"", b" bab ", b"\x1ca\x1cb"],
]

SPLITS = [("split_whitespace", (), kw) for kw in ({}, {"max_splits": 1}, {"max_splits": 1, "reverse": True},
                                                   {"max_splits": 0})]
SPLITS += [(n, (p,), kw) for n in ("split_pattern", "split_pattern_regex") for p in (" ", "b", "y ")
           for kw in ({}, {"max_splits": 1}, {"max_splits": 1, "reverse": True})]
SPLITS += [(n, (p, r), kw) for n in ("replace_substring", "replace_substring_regex") for p in (" ", "b", "ÄbÇ")
           for r in ("", "XYZ", "é") for kw in ({}, {"max_replacements": 1})]
SPLITS += [("split_pattern", ("",), {})]


@pytest.mark.parametrize(("name", "args", "kwargs"), SPLITS)
@pytest.mark.parametrize("data", EDGE, ids=range(len(EDGE)))
def test_split_replace_edges(name, args, kwargs, data):
    compare(name, (pair(data),), *args, **kwargs)


@pytest.mark.parametrize(("name", "args", "kwargs"), [
    ("split_whitespace", (), {}), ("split_whitespace", (), {"max_splits": 1, "reverse": True}),
    ("split_pattern", ("a",), {}), ("split_pattern", ("b",), {"max_splits": 2}),
    ("replace_substring", ("a", "xy"), {}), ("replace_substring", ("é", ""), {"max_replacements": 1}),
])
@pytest.mark.parametrize("leaf", [TEXT, BYTES], ids=["text", "bytes"])
def test_split_replace_random(name, args, kwargs, leaf):
    @SETTINGS
    @given(string_pairs(leaf, allow_records=leaf is TEXT))
    def check(arrays):
        compare(name, (arrays,), *args, **kwargs)

    check()


JOINS = [
    ([["a", "b"], [], None, ["c"]], "-"),
    ([["a", None], ["b", "c"], []], "-"),
    ([[["a"], ["b", "c"]], [], None], "--"),
    ([["a", "b"], [], None, ["c"]], ["-", "+", "*", "é"]),
    ([[b"a", b"b"], []], b"-"),
]


@pytest.mark.parametrize(("data", "separator"), JOINS)
def test_join(data, separator):
    sep = pair(separator) if isinstance(separator, list) else separator
    compare("join", (pair(data), sep))


@pytest.mark.parametrize("arrays", [
    (["a", "b", None, "c"], ["x", "yy", "z", None], ["-", "+", "*", ":"]),
    ([["a", "b"], None, ["c"]], ["-", "+", "*"]),
    (["a", "é"], ["-", "+"]),
])
def test_join_element_wise(arrays):
    compare("join_element_wise", tuple(pair(a) for a in arrays))


@SETTINGS
@given(string_pairs(TEXT, allow_records=False), st.text(alphabet="-é,", max_size=2))
def test_join_random(arrays, separator):
    compare("join", (arrays,), separator)


@pytest.mark.parametrize(("data", "counts"), [(["a", "b", None, "c"], [1, 2, 0, 3]), ([["a", "b"], None, ["c"]],
                                                                                     [1, 2, 3])])
def test_repeat_array(data, counts):
    compare("repeat", (pair(data), pair(counts)))


VALUE_SETS = [["ab", "x"], [b"ab"], ["abc", None, "ab"], ["", "ab", ""], [None], []]
DATA = [["abc", "ab", None, "", "x"], [["ab", None], None, ["x", ""]], [b"ab", None, b""],
        [{"a": "ab", "b": 1}, {"a": None, "b": 2}]]


@pytest.mark.parametrize("name", ["is_in", "index_in"])
@pytest.mark.parametrize("value_set", VALUE_SETS, ids=range(len(VALUE_SETS)))
@pytest.mark.parametrize("data", DATA, ids=range(len(DATA)))
@pytest.mark.parametrize("skip_nones", [False, True])
def test_sets(name, value_set, data, skip_nones):
    compare(name, (pair(data),), value_set, skip_nones=skip_nones)


@pytest.mark.parametrize("name", ["is_in", "index_in"])
def test_sets_random(name):
    @SETTINGS
    @given(string_pairs(TEXT), st.lists(st.one_of(st.none(), st.text(alphabet="abé", max_size=2)), min_size=1,
                                        max_size=4).filter(lambda v: any(x is not None for x in v)))
    def check(arrays, value_set):
        compare(name, (arrays,), value_set)

    check()


@pytest.mark.parametrize("data", [["abc", "ab", None, "", "x", "ab"], [["ab", None], None, ["x", "", "ab"]],
                                  [b"ab", None, b""], ["b", "a", "b"], []])
def test_to_categorical(data):
    compare("to_categorical", (pair(data),))


@SETTINGS
@given(string_pairs(TEXT))
def test_to_categorical_random(arrays):
    compare("to_categorical", (arrays,))


def test_signatures_match_awkward():
    names = [n for n in dir(ak.str) if not n.startswith("_") and callable(getattr(ak.str, n))]
    assert sorted(names) == sorted(jaggy.str.__all__)
    def shape(f):
        return [(p.name, p.kind, p.default) for p in inspect.signature(f).parameters.values()]

    for name in names:
        assert shape(getattr(jaggy.str, name)) == shape(getattr(ak.str, name)), name


def test_regex_imports_lazily():
    import subprocess
    import sys

    code = ("import sys; sys.modules['pyarrow'] = None; import jaggy\n"
            "assert jaggy.str.upper(jaggy.Array(['a'])).to_list() == ['A']\n"
            "try:\n    jaggy.str.match_substring_regex(jaggy.Array(['a']), 'a')\n"
            "except ImportError as e:\n    assert 'match_substring_regex' in str(e)\n"
            "else:\n    raise SystemExit(1)\n")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(("data", "pattern"), [
    (["ab", "x", None, "a"], "(?P<x>a)(?P<y>b)?"), ([["a1"], None, []], "(?P<d>[0-9])"), ([], "(?P<d>a)"),
])
def test_extract_regex(data, pattern):
    compare("extract_regex", (pair(data),), pattern)


@pytest.mark.parametrize("data", [["ab", "c"], [[1, 2]], [{"x": ["a", "b"]}], []])
def test_join_leaves_other_data(data):
    compare("join", (pair(data),), "-")
