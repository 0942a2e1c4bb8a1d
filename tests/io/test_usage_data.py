"""Everyday data-handling snippets (construction, conversion, printing) run with Awkward and jaggy.

Each case is user code written once and run with ``ak`` bound to each library; the printed
results (lists, types, repr/str) must be the same.
"""

from __future__ import annotations

import awkward as awk
import jaggy
import numpy as np
import pytest

pa = pytest.importorskip("pyarrow")


def both(run):
    """``run(ak)`` for Awkward and for jaggy."""
    return run(awk), run(jaggy)


def check(run):
    theirs, ours = both(run)
    assert ours == theirs


def test_arrow_table_metadata_without_parameters():
    check(lambda ak: ak.to_arrow_table(ak.Array([{"x": 1, "y": [1.5]}])).schema.metadata)
    check(lambda ak: ak.to_arrow_table(ak.Array([[1.5], []])).schema.metadata)


def test_arrow_table_metadata_with_parameters():
    check(lambda ak: ak.to_arrow_table(ak.with_parameter(ak.Array([{"x": 1}]), "p", 1)).schema.metadata)
    check(lambda ak: ak.to_arrow_table(ak.Array([{"x": 1}, None])).schema.metadata)


@pytest.mark.parametrize("unit", ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns"])
def test_repr_of_dates_and_durations(unit):
    def run(ak):
        deltas = ak.Array(np.array([1, 2, -3, "NaT"], dtype=f"timedelta64[{unit}]"))
        dates = ak.Array(np.array([1, 2, -3, "NaT"], dtype=f"datetime64[{unit}]"))
        nested = ak.Array([{"t": [np.timedelta64(3, unit)], "d": np.datetime64(7, unit)}])
        return [str(deltas), repr(deltas), str(dates), repr(dates), str(nested), repr(nested[0])]

    check(run)


@pytest.mark.parametrize(
    "data",
    [
        [np.datetime64("2020-01-01T10:20:30", "s"), np.datetime64("NaT")],
        [np.datetime64("NaT")],
        [[np.timedelta64("NaT"), None], [np.timedelta64(3, "s")]],
        [np.datetime64("NaT", "s"), np.datetime64(1, "s")],
    ],
)
def test_from_iter_unitless_not_a_time(data):
    check(lambda ak: (str(ak.Array(data).type), ak.Array(data).to_list(), repr(ak.Array(data))))


def test_builder_unitless_not_a_time():
    def run(ak):
        b = ak.ArrayBuilder()
        b.datetime(np.datetime64("NaT"))
        b.append(np.timedelta64("NaT"))
        return str(b.type), b.snapshot().to_list()

    check(run)


def test_type_of_a_layout_is_an_array_type():
    def run(ak):
        array = ak.Array([{"x": 1, "y": [1.5]}, {"x": 2, "y": []}])
        values = [array.layout, array.layout.content("y"), array[0].layout]
        return [(type(ak.type(v)).__name__, str(ak.type(v))) for v in values]

    check(run)


@pytest.mark.parametrize(
    "get",
    [
        lambda a: a["w"],
        lambda a: a.w,
        lambda a: a[["x", "w"]],
        lambda a: a["y", "w"],
        lambda a: a[0]["w"],
        lambda a: a[0].w,
        lambda a: a.y["x"],
    ],
)
@pytest.mark.parametrize("catch", [IndexError, AttributeError, LookupError])
def test_missing_field_is_caught_as_in_awkward(get, catch):
    def run(ak):
        array = ak.Array([{"x": 1, "y": {"z": 2}}])
        try:
            get(array)
        except catch:
            return "caught"
        except Exception as err:
            return type(err).__mro__
        return "no error"

    theirs, ours = both(run)
    if theirs == "caught":
        assert ours == "caught"


@pytest.mark.parametrize(
    "data",
    [
        {"x": 1, "y": [1, 2], "z": "hi"},
        {"x": [[1], [2, 3]], "y": []},
        {"x": None, "y": b"b", "r": {"a": 1, "b": [1]}},
        {"t": (1, 2.5), "n": np.arange(6).reshape(2, 3)},
        {"x": [None, 1], "y": [{"a": 1}]},
    ],
)
def test_record_from_dict_has_regular_sequences(data):
    def run(ak):
        record = ak.Record(data)
        return str(record.type), record.to_list(), repr(record), repr(record[record.fields[-1]])

    check(run)


@pytest.mark.parametrize(
    "data",
    [
        np.arange(24).reshape(2, 3, 4),
        np.zeros((2, 0)),
        np.zeros((0, 3), np.float32),
        {"x": np.arange(6).reshape(3, 2), "y": [1, 2, 3]},
        np.arange(6).reshape(3, 2).T,
    ],
)
def test_array_of_multidimensional_numpy_keeps_inner_shape(data):
    def run(ak):
        array = ak.Array(data)
        return (str(array.type), array.to_list(), repr(array), array.layout.form.to_dict(),
                ak.to_buffers(array)[0].to_dict(), ak.to_list(array[1:, ...]))

    check(run)


def test_categorical_strings_compare_with_strings():
    def run(ak):
        flat = ak.Array(["a", "b", "a"])
        jagged = ak.Array([["a", "b"], [], ["a"]])
        c, cj = ak.str.to_categorical(flat), ak.str.to_categorical(jagged)
        picked = flat[[0, 1, 0]]
        return [x.to_list() for x in (c == "a", c != "b", c == flat, flat == c, cj == "a", cj == jagged,
                                      picked == "a", picked == flat[[1, 1, 0]])]

    check(run)


@pytest.mark.parametrize("pick", [None, [3, 0, 0, 1]])
def test_to_categorical_of_indexed_strings_is_not_optional(pick):
    def run(ak):
        array = ak.Array(["a", "b", "a", "c"])
        array = array if pick is None else array[pick]
        once = ak.str.to_categorical(array)
        twice = ak.str.to_categorical(once)
        return [(str(x.type), x.to_list(), x.layout.form.to_dict()) for x in (once, twice)]

    check(run)


@pytest.mark.parametrize(
    "data", [["b", "a", "b"], ["a", None, "a"], [["a", "b"], [], ["a"]], [1, 2, 1], [[1.5], [], [1.5, 2.5]]]
)
def test_categorical_functions(data):
    def run(ak):
        plain = ak.Array(data)
        cat = ak.str.to_categorical(plain)
        back = ak.from_categorical(cat)
        return (ak.is_categorical(cat), ak.is_categorical(plain), ak.is_categorical(back),
                ak.to_list(ak.categories(cat)), ak.categories(cat, highlevel=False) is None,
                ak.categories(plain), str(back.type), back.to_list(), repr(back),
                str(ak.from_categorical(plain).type))

    check(run)


def test_categories_inside_records():
    def run(ak):
        array = ak.zip({"y": ak.Array([1, 2, 3]), "x": ak.str.to_categorical(ak.Array(["b", "a", "b"]))})
        return ak.categories(array).to_list(), ak.is_categorical(array), str(ak.from_categorical(array).type)

    check(run)


def test_records_inside_python_data_are_values():
    def run(ak):
        array = ak.Array([{"x": [1], "y": "a"}, {"x": [2, 3], "y": "b"}])
        pairs = ak.Array([(1, 2.5)])
        builder = ak.ArrayBuilder()
        builder.append(array[0])
        with builder.list():
            builder.append(array[1])
        out = [ak.Array([array[0], array[1]]), ak.Array([[array[0]], [array[1], None]]),
               ak.Array([pairs[0], pairs[0]]), ak.Array([{"r": ak.Record({"x": 1})}]), ak.from_iter(array)]
        return [(str(x.type), x.to_list()) for x in out], str(builder.type), builder.snapshot().to_list()

    check(run)
