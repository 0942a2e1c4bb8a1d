"""array[where] on every node type (Hypothesis-drawn layouts) with option-typed integer indexes,
jagged integer and boolean indexes (also option-typed) and field + index tuples, against Awkward."""

from __future__ import annotations

import awkward as awk
import jaggy
import pytest
from _compare import assert_same, same_values
from hypothesis import given
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, mixed_data, nested_data
from structure_oracle import SETTINGS


def check(a, j, where_a, where_j=None) -> None:
    """jaggy[where] equals awkward[where]; where Awkward raises, jaggy raises a Python error."""
    where_j = where_a if where_j is None else where_j
    try:
        expected = a[where_a]
    except Exception:
        with pytest.raises((IndexError, ValueError, TypeError, KeyError)):
            j[where_j]
        return
    got = j[where_j]
    if isinstance(expected, awk.Array):
        assert_same(expected, got)
    else:
        got = got.to_list() if hasattr(got, "to_list") else got
        assert same_values(expected.to_list() if hasattr(expected, "to_list") else expected, got)


@SETTINGS
@given(array_pairs(nested_data()), st.data())
def test_option_typed_index(pair, data):
    a, j = pair
    n = len(a)
    values = data.draw(st.lists(st.one_of(st.none(), st.integers(-n - 1, n)), max_size=6))
    check(a, j, awk.Array(values), jaggy.Array(values))
    if values and all(v is not None for v in values):  # a masked index without any None
        check(a, j, awk.mask(awk.Array(values), [True] * len(values)),
              jaggy.mask(jaggy.Array(values), [True] * len(values)))


@SETTINGS
@given(array_pairs(nested_data()), st.booleans())
def test_jagged_indexes(pair, reverse):
    a, j = pair
    if a.ndim < 2 or awk.fields(a):
        return
    index_a, index_j = awk.local_index(a, axis=1), jaggy.local_index(j, axis=1)
    if reverse:
        index_a, index_j = index_a[:, ::-1], index_j[:, ::-1]
    check(a, j, index_a, index_j)
    check(a, j, index_a % 2 == 0, index_j % 2 == 0)
    check(a, j, awk.firsts(index_a, axis=1), jaggy.firsts(index_j, axis=1))


@SETTINGS
@given(array_pairs(nested_data(allow_none=True)), st.data())
def test_fields_with_indexes(pair, data):
    a, j = pair
    fields = awk.fields(a)
    n = len(a)
    if not fields:
        return
    field = data.draw(st.sampled_from(fields))
    rest = data.draw(st.lists(st.one_of(st.integers(-1, 1), st.slices(3), st.just(None)), max_size=2))
    head = data.draw(st.one_of(st.slices(max(n, 1)), st.integers(-n, max(n - 1, 0)) if n else st.just(slice(None))))
    for where in ((head, field, *rest), (field, head, *rest), (head, [field], *rest)):
        check(a, j, where)


@SETTINGS
@given(array_pairs(mixed_data()), st.data())
def test_unions(pair, data):
    a, j = pair
    n = len(a)
    if "string" in str(a.type):
        return  # characters of strings cannot be listed by Awkward itself
    where = data.draw(st.one_of(st.slices(max(n, 1)), st.lists(st.integers(-n, max(n - 1, 0)), max_size=4)
                                if n else st.just(slice(None))))
    check(a, j, where)
