"""unzip, zip_no_broadcast, without_field, values_astype, strings_astype, parameters,
full_like/zeros_like/ones_like, is_tuple, merge_option_of_records against Awkward."""

from __future__ import annotations

import awkward as awk
import jaggy
import numpy as np
import pytest
from _compare import assert_same, same_values
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, mixed_data, nested_data, scalars

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))


@SETTINGS
@given(array_pairs(nested_data()))
def test_unzip(pair):
    expected, got = awk.unzip(pair[0]), jaggy.unzip(pair[1])
    assert len(expected) == len(got)
    for e, g in zip(expected, got):
        assert_same(e, g)
    assert list(jaggy.unzip(pair[1], how=dict)) == list(awk.unzip(pair[0], how=dict))


@SETTINGS
@given(array_pairs(mixed_data()), st.sampled_from(["float32", "int64", "bool", np.int8]))
def test_values_astype(pair, to):
    with np.errstate(all="ignore"):
        expected = awk.values_astype(pair[0], to)
        assert_same(expected, jaggy.values_astype(pair[1], to))


@SETTINGS
@given(st.one_of(array_pairs(mixed_data()).map(lambda p: (p, None)),
                array_pairs(nested_data()).map(lambda p: (p, "int16")),
                array_pairs(nested_data()).map(lambda p: (p, "float64"))),
       st.sampled_from([0, 1, 2.5, True, "ab"]))
def test_full_like(pair_dtype, value):
    pair, dtype = pair_dtype
    if isinstance(value, str) and dtype is not None:
        return
    with np.errstate(all="ignore"):
        try:
            expected = awk.full_like(pair[0], value, dtype=dtype)
        except Exception:
            with pytest.raises(Exception):  # noqa: B017
                jaggy.full_like(pair[1], value, dtype=dtype)
            return
        assert_same(expected, jaggy.full_like(pair[1], value, dtype=dtype))
        assert_same(awk.zeros_like(pair[0]), jaggy.zeros_like(pair[1]))
        assert_same(awk.ones_like(pair[0]), jaggy.ones_like(pair[1]))


@SETTINGS
@given(array_pairs(mixed_data()))
def test_without_parameters_and_parameters(pair):
    assert_same(awk.without_parameters(pair[0]), jaggy.without_parameters(pair[1]))
    assert jaggy.parameters(pair[1]) == awk.parameters(pair[0])
    assert jaggy.is_tuple(pair[1]) == awk.is_tuple(pair[0])
    try:
        expected = awk.with_parameter(pair[0], "u", [1, "m"])
    except TypeError:  # Awkward: an unknown-type array cannot hold parameters
        return
    assert_same(expected, jaggy.with_parameter(pair[1], "u", [1, "m"]))


@SETTINGS
@given(array_pairs(nested_data(st.from_regex(r"-?[0-9]{1,4}", fullmatch=True))))
def test_strings_astype(pair):
    if "string[" in str(pair[0].type):  # Awkward fails on regular strings
        return
    assert_same(awk.strings_astype(pair[0], np.int64), jaggy.strings_astype(pair[1], np.int64))
    assert_same(awk.strings_astype(pair[0], np.float64), jaggy.strings_astype(pair[1], np.float64))


@SETTINGS
@given(array_pairs(nested_data(scalars("numeric"))))
def test_merge_option_of_records(pair):
    try:
        expected = awk.merge_option_of_records(pair[0])
    except Exception:
        with pytest.raises(Exception, match="merge_option_of_records"):
            jaggy.merge_option_of_records(pair[1])
        return
    assert_same(expected, jaggy.merge_option_of_records(pair[1]))


def test_without_field():
    data = [{"x": {"a": 1, "b": [2]}, "y": 2.5}, None]
    for where in ("y", "x", ("x", "a"), ["x", "b"]):
        assert_same(awk.without_field(awk.Array(data), where), jaggy.without_field(jaggy.Array(data), where))
    lists = [[{"x": 1, "y": 2}], []]
    assert_same(awk.without_field(awk.Array(lists), "x"), jaggy.without_field(jaggy.Array(lists), "x"))
    arr = jaggy.Array([{"x": 1, "y": 2}])
    del arr["y"]
    assert arr.to_list() == [{"x": 1}]
    with pytest.raises(KeyError, match=r"jaggy\.without_field: no field 'z'"):
        jaggy.without_field(jaggy.Array([{"x": 1}]), "z")
    with pytest.raises(TypeError, match=r"jaggy\.without_field: where must be"):
        jaggy.without_field(jaggy.Array([{"x": 1}]), 3)


def test_zip_no_broadcast():
    a, b = [1, 2], [3.5, 4.5]
    for args in ({"x": a, "y": b}, (a, b)):
        expected = awk.zip_no_broadcast({k: awk.Array(v) for k, v in args.items()} if isinstance(args, dict)
                                        else [awk.Array(v) for v in args], with_name="P")
        got = jaggy.zip_no_broadcast({k: jaggy.Array(v) for k, v in args.items()} if isinstance(args, dict)
                                     else [jaggy.Array(v) for v in args], with_name="P")
        assert_same(expected, got)
    lists = [[1], [2, 3]], [[1.5], [2.5, 3.5]]
    assert_same(awk.zip_no_broadcast([awk.Array(x) for x in lists]),
                jaggy.zip_no_broadcast([jaggy.Array(x) for x in lists]))
    with pytest.raises(ValueError, match=r"jaggy\.zip_no_broadcast: all arrays must have the same length"):
        jaggy.zip_no_broadcast([jaggy.Array([1, 2]), jaggy.Array([1])])
    with pytest.raises(ValueError, match=r"jaggy\.zip_no_broadcast: all lists must have the same offsets"):
        jaggy.zip_no_broadcast([jaggy.Array([[1], [2]]), jaggy.Array([[1, 2], []])])
    with pytest.raises(ValueError, match=r"jaggy\.zip_no_broadcast: all array layouts"):
        jaggy.zip_no_broadcast([jaggy.Array([1, 2]), jaggy.Array([[1], []])])


def test_edge_cases():
    for data in ([], [[]], [None], [[], None], ["ab", None, ""]):
        a, j = awk.Array(data), jaggy.Array(data)
        assert_same(awk.zeros_like(a), jaggy.zeros_like(j))
        assert_same(awk.full_like(a, 3, dtype="int8", including_unknown=True),
                    jaggy.full_like(j, 3, dtype="int8", including_unknown=True))
        assert_same(awk.values_astype(a, "float32", including_unknown=True),
                    jaggy.values_astype(j, "float32", including_unknown=True))
    assert same_values(awk.unzip(awk.Array([1, 2]))[0].to_list(), jaggy.unzip(jaggy.Array([1, 2]))[0].to_list())
    with pytest.raises(ValueError, match=r"jaggy\.strings_astype: cannot convert"):
        jaggy.strings_astype(jaggy.Array(["x1"]), np.int64)
    with pytest.raises(TypeError, match=r"jaggy\.values_astype"):
        jaggy.values_astype(jaggy.Array([1]), "no-such-type")
    assert jaggy.enforce_type(jaggy.Array([1]), "int64").to_list() == [1]
    assert jaggy.merge_union_of_records(jaggy.Array([1])).to_list() == [1]
