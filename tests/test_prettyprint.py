"""Differential tests of jaggy._prettyprint against Awkward's repr/str/show."""

from __future__ import annotations

import functools
import io
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jaggy import _prettyprint as pp

ak = pytest.importorskip("awkward")

L20 = list(range(20))

ARRAYS: list[Any] = [
    [1, 2, 3],
    [[1, 2, 3], [], [4, 5]],
    list(range(10000)),
    [[i] * i for i in range(30)],
    [1.0, 2.5, 1e10, float("nan"), float("inf"), -float("inf"), -0.0, 1e-5, 123456789.0],
    [0.1 + 0.2, 1e16, 1.5e300, 1234.5, 100.0, 1000.0, -1.5, 5e-324],
    [{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}],
    [(1, 2), (3, 4)],
    ["abc", "d'e", 'x"y', "ünï", "日本語", "", "a\nb\\"],
    [b"abc", b"\x00\xff", b""],
    [None, 1, None],
    [],
    [True, False],
    [1 + 2j, 3.5 - 1j, complex(float("nan"), float("inf")), 0.5j],
    [[[[[1]]]]] * 20,
    [[[[[1]]]]] * 21,
    ["a" * 200, "b"],
    ["a" * 200],
    [["a" * 200]],
    [{"x": "a" * 200}],
    [{f"a{i}": i for i in range(30)}] * 3,
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]] * 30,
    [{"x": L20, "y": L20}] * 5,
    [{"x": 1, "y": L20, "z": 2}] * 30,
    [(L20, 1, L20)] * 3,
    [{"a b": 1, "c": 2, "1x": 3, "é": 4, "a'b": 5}],
    [[1, "a", None, [2], {"x": 1}]],
    [{"x": {"y": {"z": L20}}}] * 4,
    [[{"x": [1.5] * 10}] * 10] * 10,
    [{}],
    [{"x": None}, {"x": [1]}],
    [2**62, -(2**63), 0],
    [[1.0, 2.0], [3.0]],
    [[None, [None, 1]], None],
]

RECORDS: list[Any] = [
    {"x": 1, "y": 2.2},
    {"x": L20, "y": "a" * 100},
    {f"a{i}": [i] * i for i in range(30)},
    (1, 2),
    (L20, L20, "abc"),
    {"x": {"y": L20}},
    {"x": [{"a": 1, "b": L20}] * 10},
    {"x": None},
    {"a b": 1},
    {},
    (1,),
    {"x": 1, "y": "a" * 200, "z": 2},
]

WIDTHS = [10, 17, 24, 31, 33, 40, 53, 61, 68, 80, 97, 120]
ROWS = [0, 1, 2, 3, 4, 5, 20]


def _type_show(tp: Any) -> str:
    stream = io.StringIO()
    tp.show(stream=stream)
    return stream.getvalue()


def _ak_show(obj: Any, **kwargs: Any) -> str:
    stream = io.StringIO()
    obj.show(stream=stream, **kwargs)
    return stream.getvalue()


def _window(array: Any) -> pp.Window:
    calls: list[tuple[int, int]] = []

    def window(start: int, stop: int) -> list:
        assert 0 <= start <= stop <= len(array)
        calls.append((start, stop))
        return array[start:stop].to_list()

    window.calls = calls  # type: ignore[attr-defined]
    return window


def _record_value(record: Any) -> Any:
    value = record.to_list()
    return tuple(value) if record.layout.is_tuple else value


def check_array(array: Any, widths: list[int], rows: list[int]) -> None:
    n = len(array)
    window = _window(array)
    typestr = str(array.type)
    assert pp.array_repr(n, window, typestr) == repr(array)
    assert pp.array_str(n, window) == str(array)
    assert pp.array_show(n, window) == _ak_show(array)
    multiline = _type_show(array.type)
    assert pp.array_show(n, window, multiline) == _ak_show(array, type=True)
    for cols in widths:
        assert pp.array_repr(n, window, typestr, cols) == array._repr(cols), cols
        for nrows in rows:
            expected = _ak_show(array, limit_rows=nrows, limit_cols=cols, type=True)
            got = pp.array_show(n, window, multiline, nrows, cols)
            assert got == expected, (nrows, cols)


def check_record(record: Any, widths: list[int], rows: list[int]) -> None:
    value = _record_value(record)
    typestr = str(record.type)
    assert pp.record_repr(value, typestr) == repr(record)
    assert pp.record_str(value) == str(record)
    assert pp.record_show(value) == _ak_show(record)
    multiline = _type_show(record.type)
    assert pp.record_show(value, multiline) == _ak_show(record, type=True)
    for cols in widths:
        assert pp.record_repr(value, typestr, cols) == record._repr(cols), cols
        for nrows in rows:
            expected = _ak_show(record, limit_rows=nrows, limit_cols=cols, type=True)
            assert pp.record_show(value, multiline, nrows, cols) == expected, (nrows, cols)


@pytest.mark.parametrize("data", ARRAYS, ids=range(len(ARRAYS)))
def test_array_table(data: Any) -> None:
    check_array(ak.Array(data), WIDTHS, ROWS)


@pytest.mark.parametrize("data", RECORDS, ids=range(len(RECORDS)))
def test_record_table(data: Any) -> None:
    check_record(ak.Array([data])[0], WIDTHS, ROWS)


def test_all_widths_nested() -> None:
    for data in ([[i] * i for i in range(30)], [{"x": 1, "y": L20, "z": 2}] * 30):
        check_array(ak.Array(data), list(range(10, 130)), [1, 20])


def test_regular_and_numpy_dtypes() -> None:
    check_array(ak.to_regular(ak.Array([[1, 2], [3, 4]])), WIDTHS, ROWS)
    check_array(ak.Array(np.array([1, 2, 3], dtype=np.uint8)), WIDTHS, ROWS)
    check_array(ak.Array(np.array([0.1, 1 / 3], dtype=np.float32)), WIDTHS, ROWS)
    check_array(ak.Array(np.arange(24.0).reshape(2, 3, 4)), WIDTHS, ROWS)


@pytest.mark.parametrize("unit", ["D", "s", "ms", "ns"])
def test_datetimes_as_numpy_scalars(unit: str) -> None:
    dates = np.array(["2020-01-01", "2021-05-06T12:00"], dtype=f"datetime64[{unit}]")
    deltas = np.array([1, 2, 3], dtype=f"timedelta64[{unit}]")
    for data in (dates, deltas):
        array = ak.Array(data)

        def window(start: int, stop: int, data: Any = data) -> list:
            return list(data[start:stop])

        assert pp.array_repr(len(array), window, str(array.type)) == repr(array)
        assert pp.array_str(len(array), window) == str(array)


def test_bounded_windows() -> None:
    n = 10_000_000
    calls: list[tuple[int, int]] = []

    def window(start: int, stop: int) -> list:
        calls.append((start, stop))
        return list(range(start, stop))

    assert pp.array_repr(n, window, f"{n} * int64").startswith("<Array [0, 1, 2, 3, ")
    pp.array_show(n, window, f"{n} * int64")
    pp.array_str(n, window)
    assert sum(stop - start for start, stop in calls) < 500


def test_precision_and_errors() -> None:
    array = ak.Array([3.14159265, 2.0])
    window = _window(array)
    assert (
        pp.array_str(len(array), window, precision=5)
        == _ak_show(array, limit_rows=1, precision=5)[:-1]
    )
    with pytest.raises(ValueError, match="length"):
        pp.valuestr(-1, window, 80)
    with pytest.raises(ValueError, match="returned"):
        pp.valuestr(3, lambda i, j: [1], 80)


_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**40)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=6)
        | st.fixed_dictionaries({"x": inner, "y": inner})
        | st.fixed_dictionaries({"a b": inner})
    ),
    max_leaves=30,
)
_typed = st.recursive(
    st.integers(0, 1000) | st.floats(-1e6, 1e6),
    lambda inner: st.lists(inner, max_size=12) | st.tuples(inner, inner),
    max_leaves=60,
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_values, max_size=40), st.sampled_from(WIDTHS), st.sampled_from(ROWS))
def test_hypothesis_mixed(data: list, cols: int, nrows: int) -> None:
    check_array(ak.Array(data), [cols], [nrows])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_typed, min_size=1, max_size=60), st.integers(10, 120), st.integers(0, 8))
def test_hypothesis_nested(data: list, cols: int, nrows: int) -> None:
    check_array(ak.Array(data), [cols], [nrows])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.text(min_size=1, max_size=5), _values, max_size=8), st.integers(10, 120))
def test_hypothesis_records(data: dict, cols: int) -> None:
    check_record(ak.Array([data])[0], [cols], [1, 3, 20])


# -- jaggy arrays print like Awkward, and printing is bounded by the output ---------------------
from jaggy.testing.strategies import array_pairs, mixed_data  # noqa: E402


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(array_pairs())
def test_jaggy_repr_matches_awkward(pair: Any) -> None:
    expected, got = pair
    assert repr(got) == repr(expected)
    assert str(got) == str(expected)
    assert got.show(stream=None, type=True) == expected.show(stream=None, type=True)
    for cols in (20, 45):
        assert got.show(stream=None, limit_rows=3, limit_cols=cols) == expected.show(
            stream=None, limit_rows=3, limit_cols=cols
        )


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(array_pairs(mixed_data()))
def test_jaggy_repr_matches_awkward_unions(pair: Any) -> None:
    expected, got = pair
    assert repr(got) == repr(expected)
    assert str(got) == str(expected)


def test_jaggy_record_repr_matches_awkward() -> None:
    import jaggy

    data = [{"x": [1, 2, 3], "y": {"z": "abc"}, "t": (1, None)}, {"x": [], "y": {"z": ""}, "t": (2, 3.5)}]
    expected, got = ak.Array(data)[1], jaggy.Array(data)[1]
    assert repr(got) == repr(expected)
    assert str(got) == str(expected)
    assert got.show(stream=None, type=True) == expected.show(stream=None, type=True)


def _huge_layouts() -> list:
    from jaggy.contents import ListArray, ListOffsetArray, RecordArray, RegularArray
    from jaggy.index import Index64

    big = 2**31
    empty_tuple = RecordArray([], None, length=big)
    empty_record = RecordArray([], [], length=2**40)
    return [
        ListArray(Index64(np.array([0, 5])), Index64(np.array([big, 7])), empty_tuple),
        ListOffsetArray(Index64(np.array([0, big])), empty_tuple),
        RegularArray(RecordArray([], [], length=big), big),
        RegularArray(empty_record, 2**40, zeros_length=1),
        RecordArray([RegularArray(empty_record, 2**20)], ["x"]),
        RecordArray([], None, length=2**62),
    ]


@pytest.mark.parametrize("index", range(6))
def test_huge_elements_without_data_print_quickly(index: int) -> None:
    import jaggy

    array = jaggy.Array(_huge_layouts()[index])
    for text in (repr(array), str(array), array.show(stream=None, type=True)):
        assert "..." in text
        assert len(text.splitlines()[0]) <= 80
    record = array[0]
    if index == 4:  # a record whose field is a huge list
        assert "..." in repr(record)
        assert "..." in str(record)


def test_huge_to_list_raises_memory_error() -> None:
    import jaggy

    for layout in _huge_layouts()[2:]:
        with pytest.raises(MemoryError, match="Python objects"):
            jaggy.Array(layout).to_list()
    with pytest.raises(MemoryError, match="2147483"):
        jaggy.Array(_huge_layouts()[2]).to_list()


def test_invalid_nested_offsets_still_print() -> None:
    import jaggy
    from jaggy.contents import ListArray, NumpyArray
    from jaggy.index import Index64

    layout = ListArray(Index64(np.array([0, 2])), Index64(np.array([1, 99])), NumpyArray(np.arange(3)))
    text = repr(jaggy.Array(layout))
    assert "invalid" in text


# -- big arrays: truncated repr/str and show(type=True) of jaggy arrays equal Awkward's ----------
@functools.lru_cache(maxsize=1)
def _big_pairs() -> list[tuple[Any, Any]]:
    import jaggy

    rng = np.random.default_rng(7)
    n = 200_000
    counts = rng.integers(0, 6, n)
    flat = rng.normal(50, 20, int(counts.sum())).round(3)
    expected = [
        ak.Array(np.arange(1_000_000)),
        ak.from_numpy(np.arange(300_000, dtype=np.float32).reshape(-1, 3) / 7),
        ak.unflatten(flat, counts),
        ak.zip({"pt": ak.unflatten(flat, counts), "n": counts}, depth_limit=1),
        ak.mask(ak.unflatten(flat, counts), counts % 3 == 0),
        ak.Array([f"event-{i}" * (i % 4) for i in range(50_000)]),
        ak.Array([[{"x": i, "y": [i] * (i % 5)}] * (i % 3) for i in range(20_000)]),
        ak.to_regular(ak.unflatten(np.arange(120_000), 4), axis=1),
    ]
    pairs = []
    for array in expected:
        form, length, buffers = ak.to_buffers(array)
        got = jaggy.from_buffers(form.to_dict(), length, buffers)
        pairs.append((array, got))
    return pairs


@pytest.mark.parametrize("index", range(8))
def test_big_arrays_print_like_awkward(index: int) -> None:
    expected, got = _big_pairs()[index]
    assert str(got.type) == str(expected.type)
    assert repr(got) == repr(expected)
    assert str(got) == str(expected)
    assert "..." in repr(got)
    assert got.show(stream=None, type=True) == expected.show(stream=None, type=True)
    for rows, cols in ((1, 30), (4, 50), (12, 100), (30, 200)):
        kwargs = {"limit_rows": rows, "limit_cols": cols}
        assert got.show(stream=None, type=True, **kwargs) == expected.show(stream=None, type=True, **kwargs)
    if got.layout.is_record:
        for at in (0, 1, -1):
            assert repr(got[at]) == repr(expected[at])
            assert str(got[at]) == str(expected[at])
            assert got[at].show(stream=None, type=True) == expected[at].show(stream=None, type=True)


SHOW_OPTIONS = [
    dict(precision=1, type=True), dict(all=True), dict(nbytes=True), dict(named_axis=True),
    dict(backend=True, type=True, limit_cols=20),
    dict(formatter={"float": lambda x: f"<{x:.2f}>"}), dict(formatter={"int": lambda x: f"i{x}"}),
    dict(formatter={"str_kind": lambda x: x.upper(), "bool": lambda x: "B"}),
    dict(formatter={"all": lambda x: "X"}),  # Awkward (unlike NumPy) has no "all" key
]


@pytest.mark.parametrize("options", SHOW_OPTIONS)
@pytest.mark.parametrize("data", [[[1.123456, 2], [], [3]], [["a", None], [True]],
                                  [{"x": 1.5, "y": [1, 2]}], list(range(3000))])
def test_show_options(options: dict, data: list) -> None:
    """``show`` with type/nbytes/backend/all, precision and a formatter dict, as Awkward."""
    import awkward
    import jaggy

    a, j = awkward.Array(data), jaggy.Array(data)
    assert j.show(stream=None, **options) == a.show(stream=None, **options)
    if isinstance(data[0], dict):
        assert j[0].show(stream=None, **options) == a[0].show(stream=None, **options)
