"""Bad input to the structure functions and to ``__getitem__``/``__setitem__``: a clear Python
exception of the documented type whose message names the public function (for indexing,
``jaggy.Array.__getitem__`` and the position), never a crash or a silent result."""

from __future__ import annotations

import re

import jaggy
import numpy as np
import pytest
from jaggy.errors import AxisError, FieldNotFoundError

J = jaggy.Array([[1, 2], [], [3]])
R = jaggy.Array([{"x": 1, "y": [1]}, {"x": 2, "y": []}])
F = jaggy.Array([[1.5, np.nan], []])
S = jaggy.Array(["ab", "c"])
OBJ = object()

# functions taking an ``axis``: each must reject axis=5 and axis=-5 on a depth-2 array
AXIS_FUNCTIONS = {
    "num": lambda a, axis: jaggy.num(a, axis=axis),
    "count": lambda a, axis: jaggy.count(a, axis=axis),
    "count_nonzero": lambda a, axis: jaggy.count_nonzero(a, axis=axis),
    "flatten": lambda a, axis: jaggy.flatten(a, axis=axis),
    "unflatten": lambda a, axis: jaggy.unflatten(a, 1, axis=axis),
    "concatenate": lambda a, axis: jaggy.concatenate([a, a], axis=axis),
    "firsts": lambda a, axis: jaggy.firsts(a, axis=axis),
    "singletons": lambda a, axis: jaggy.singletons(a, axis=axis),
    "local_index": lambda a, axis: jaggy.local_index(a, axis=axis),
    "to_regular": lambda a, axis: jaggy.to_regular(a, axis=axis),
    "from_regular": lambda a, axis: jaggy.from_regular(a, axis=axis),
    "pad_none": lambda a, axis: jaggy.pad_none(a, 2, axis=axis),
    "fill_none": lambda a, axis: jaggy.fill_none(a, 0, axis=axis),
    "is_none": lambda a, axis: jaggy.is_none(a, axis=axis),
    "drop_none": lambda a, axis: jaggy.drop_none(a, axis=axis),
    "merge_option_of_records": lambda a, axis: jaggy.merge_option_of_records(a, axis=axis),
}


@pytest.mark.parametrize("axis", [5, -5])
@pytest.mark.parametrize("name", sorted(AXIS_FUNCTIONS))
def test_axis_out_of_range(name, axis):
    if axis < 0 and name in ("drop_none", "merge_option_of_records"):
        # like Awkward: a negative axis only selects option (record) levels, and an array with
        # none of them is returned unchanged whatever the axis
        assert AXIS_FUNCTIONS[name](J, axis).to_list() == J.to_list()
        return
    with pytest.raises(AxisError, match=rf"jaggy\.{name}: axis={axis}"):
        AXIS_FUNCTIONS[name](J, axis)


@pytest.mark.parametrize("name", ["num", "flatten", "firsts", "local_index", "pad_none", "is_none"])
def test_axis_of_wrong_type(name):
    fn = {"pad_none": lambda: jaggy.pad_none(J, 1, axis="x")}.get(name, lambda: getattr(jaggy, name)(J, axis="x"))
    with pytest.raises(TypeError, match=rf"jaggy\.{name}: 'axis' must be an integer"):
        fn()


NOT_ARRAY = ["ravel", "unzip", "fields", "nan_to_none", "nan_to_num", "copy", "to_packed",
             "without_parameters", "zeros_like", "ones_like", "is_tuple", "type", "validity_error",
             "is_valid", "values_astype", "num", "flatten", "firsts", "singletons", "local_index",
             "run_lengths", "is_none", "drop_none", "to_regular", "from_regular"]


@pytest.mark.parametrize("name", NOT_ARRAY)
def test_not_an_array(name):
    args = {"values_astype": (OBJ, "int64")}.get(name, (OBJ,))
    with pytest.raises(TypeError, match=rf"jaggy\.{name}: cannot convert"):
        getattr(jaggy, name)(*args)


# (expected exception, message pattern, call)
CASES = [
    (TypeError, r"jaggy\.unflatten: ", lambda: jaggy.unflatten(J, "x")),
    (ValueError, r"jaggy\.unflatten: structure imposed by 'counts'", lambda: jaggy.unflatten(J, [5])),
    (TypeError, r"jaggy\.concatenate: 'arrays' must be a sequence", lambda: jaggy.concatenate(5)),
    (ValueError, r"jaggy\.concatenate: all arrays must have the same length",
     lambda: jaggy.concatenate([J, J[:2]], axis=1)),
    (ValueError, r"jaggy\.concatenate: need at least one array", lambda: jaggy.concatenate([])),
    (ValueError, r"jaggy\.zip: cannot broadcast arrays of lengths 2 and 3", lambda: jaggy.zip({"a": J, "b": J[:2]})),
    (ValueError, r"jaggy\.zip: cannot broadcast nested list", lambda: jaggy.zip([J, jaggy.Array([[1], [2], [3]])])),
    (TypeError, r"jaggy\.zip: 'arrays' must be a dict or a sequence", lambda: jaggy.zip(5)),
    (ValueError, r"jaggy\.zip_no_broadcast: all lists must have the same offsets",
     lambda: jaggy.zip_no_broadcast({"a": J, "b": jaggy.Array([[1], [2], [3]])})),
    (ValueError, r"jaggy\.zip_no_broadcast: all (arrays must have the same length|lists must have the same offsets)",
     lambda: jaggy.zip_no_broadcast({"a": J, "b": J[:2]})),
    (FieldNotFoundError, r"jaggy\.with_field: .*no field 'z'", lambda: jaggy.with_field(R, 1, ("z", "q"))),
    (TypeError, r"jaggy\.with_field: 'where' must be", lambda: jaggy.with_field(R, 1, 5)),
    (ValueError, r"jaggy\.with_field: no tuples or records", lambda: jaggy.with_field(J, 1, "x")),
    (ValueError, r"jaggy\.with_field: cannot broadcast", lambda: jaggy.with_field(R, J, "z")),
    (FieldNotFoundError, r"jaggy\.without_field: no field 'z'", lambda: jaggy.without_field(R, "z")),
    (FieldNotFoundError, r"jaggy\.without_field: no field 'q'",
     lambda: jaggy.without_field(jaggy.Array([{"x": {"a": 1}}]), ("x", "q"))),
    (TypeError, r"jaggy\.without_field: where must be", lambda: jaggy.without_field(R, 3)),
    (ValueError, r"jaggy\.to_regular: cannot convert to RegularArray", lambda: jaggy.to_regular(J, axis=1)),
    (TypeError, r"jaggy\.pad_none: 'target' must be an integer", lambda: jaggy.pad_none(J, "x")),
    (ValueError, r"jaggy\.mask: the mask has length 2", lambda: jaggy.mask(J, [True, False])),
    (TypeError, r"jaggy\.mask: ", lambda: jaggy.mask(J, "x")),
    (TypeError, r"jaggy\.nan_to_num: 'nan' must be a number", lambda: jaggy.nan_to_num(F, nan="x")),
    (TypeError, r"jaggy\.nan_to_num: 'posinf' must be a number", lambda: jaggy.nan_to_num(F, posinf="x")),
    (ValueError, r"jaggy\.where: cannot broadcast", lambda: jaggy.where(J > 1, J, J[:2])),
    (TypeError, r"jaggy\.where needs a condition and two arrays", lambda: jaggy.where(J > 1, J)),
    (TypeError, r"jaggy\.values_astype: cannot convert to 'nope'", lambda: jaggy.values_astype(J, "nope")),
    (ValueError, r"jaggy\.strings_astype: cannot convert a string", lambda: jaggy.strings_astype(S, np.int64)),
    (TypeError, r"jaggy\.with_name: name must be a string", lambda: jaggy.with_name(R, 5)),
    (TypeError, r"jaggy\.with_parameter: parameter must be a string", lambda: jaggy.with_parameter(J, 5, 1)),
    (ValueError, r"jaggy\.broadcast_arrays: cannot broadcast arrays of lengths",
     lambda: jaggy.broadcast_arrays(J, J[:2])),
    (ValueError, r"jaggy\.broadcast_arrays: cannot broadcast nested list at index 0 \(lengths 2 and 1\)",
     lambda: jaggy.broadcast_arrays(J, jaggy.Array([[1], [2], [3]]))),
    (TypeError, r"jaggy\.full_like: dtype='nope'", lambda: jaggy.full_like(J, 1, dtype="nope")),
    (TypeError, r"jaggy\.ones_like: dtype='nope'", lambda: jaggy.ones_like(J, dtype="nope")),
    (ValueError, r"jaggy\.isclose: cannot broadcast", lambda: jaggy.isclose(J, J[:2])),
    (TypeError, r"jaggy\.array_equal: cannot convert", lambda: jaggy.array_equal(OBJ, J)),
    (TypeError, r"jaggy\.almost_equal: cannot convert", lambda: jaggy.almost_equal(J, OBJ)),
    (TypeError, r"jaggy\.transform: 'transformation' must be callable", lambda: jaggy.transform(5, J)),
    (ValueError, r"jaggy\.transform: return_value must be",
     lambda: jaggy.transform(lambda layout, **kw: None, J, return_value="bad")),
    (RuntimeError, r"jaggy\.transform: expect_return_value",
     lambda: jaggy.transform(lambda layout, **kw: None, J, expect_return_value=True)),
    (ValueError, r"jaggy\.transform: cannot broadcast",
     lambda: jaggy.transform(lambda layouts, **kw: None, J, J[:2])),
    (ValueError, r"jaggy\.validity_error: .*offsets|jaggy\.validity_error: ",
     lambda: jaggy.validity_error(jaggy.contents.ListOffsetArray(
         jaggy.index.Index64(np.array([0, 3, 1])), jaggy.contents.NumpyArray(np.arange(3.0))), exception=True)),
    (ValueError, r"jaggy\.is_valid: ",
     lambda: jaggy.is_valid(jaggy.contents.IndexedArray(
         jaggy.index.Index64(np.array([0, 7])), jaggy.contents.NumpyArray(np.arange(3.0))), exception=True)),
]


@pytest.mark.parametrize("case", range(len(CASES)))
def test_bad_arguments(case):
    exc, pattern, call = CASES[case]
    with pytest.raises(exc, match=pattern):
        call()


# ``array[where]`` and ``array[field] = value``: the message names __getitem__ and the position
GETITEM = [
    (FieldNotFoundError, r"__getitem__: no field 'z'", R, "z"),
    (FieldNotFoundError, r"__getitem__: no field 'z'", R, (slice(None), "z")),
    (FieldNotFoundError, r"no field 'z'", R, ["x", "z"]),
    (IndexError, r"__getitem__: index 10 is out of bounds for axis 0 with size 3", J, 10),
    (IndexError, r"__getitem__: index -4 is out of bounds for axis 0 with size 3", J, -4),
    (IndexError, r"__getitem__: index 5 is out of range for list 0 of length 2 \(axis 1\)", J, (slice(None), 5)),
    (IndexError, r"__getitem__: too many indices", J, (slice(None), slice(None), 0)),
    (IndexError, r"__getitem__: too many indices", J, (slice(None), slice(None), slice(None), None)),
    (IndexError, r"__getitem__: cannot fit a jagged index of length 2", J, jaggy.Array([[0], [0]])),
    (IndexError, r"__getitem__: index 0 is out of range for list 1 of length 0", J, jaggy.Array([[0], [0], [5]])),
    (IndexError, r"__getitem__: .*mask list 0", J, jaggy.Array([[True], [], [True, False]])),
    (IndexError, r"__getitem__: index 7 is out of bounds for axis 0 with size 3", J, jaggy.Array([0, None, 7])),
    (IndexError, r"__getitem__: boolean index has length 2 but the array has length 3", J, [True, False]),
    (IndexError, r"__getitem__: index 3 is out of bounds", J, [0, 3]),
    (TypeError, r"__getitem__: an index array must contain integers or booleans", J, 1.5),
    (TypeError, r"__getitem__: an index array must contain integers or booleans", J, np.array([1.5])),
    (TypeError, r"__getitem__: cannot use <object", J, OBJ),
    (TypeError, r"__getitem__: cannot use an array of type union", J, ["a", 1]),
    (ValueError, r"__getitem__: slice step cannot be zero", J, slice(None, None, 0)),
    (ValueError, r"__getitem__: slice step cannot be zero", J, (slice(None), slice(None, None, 0))),
    (ValueError, r"__getitem__: slice step cannot be zero",
     jaggy.to_regular(jaggy.Array([[1, 2], [3, 4]]), axis=1), (slice(None), slice(None, None, 0))),
    (IndexError, r"__getitem__: an index can only have a single ellipsis", J, (Ellipsis, Ellipsis)),
]


@pytest.mark.parametrize("case", range(len(GETITEM)))
def test_getitem_errors(case):
    exc, pattern, array, where = GETITEM[case]
    with pytest.raises(exc, match=r"jaggy\.Array\." + pattern if pattern.startswith("__") else pattern):
        array[where]


def test_setitem_errors():
    j = jaggy.Array(J)
    with pytest.raises(ValueError, match=r"jaggy\.with_field: no tuples or records"):
        j["x"] = 1
    r = jaggy.Array(R)
    with pytest.raises(TypeError, match=r"jaggy\.Array\.__setitem__: only fields may be assigned"):
        r[5] = 1
    with pytest.raises(ValueError, match=r"jaggy\.with_field: cannot broadcast"):
        r["z"] = J
    with pytest.raises(FieldNotFoundError, match=r"jaggy\.without_field: no field 'q'"):
        del r["q"]
    assert r.to_list() == R.to_list()  # unchanged after the failed assignments


def test_messages_name_the_function():
    """Every AXIS_FUNCTIONS/NOT_ARRAY message starts with 'jaggy.<name>:' (checked above); the
    helpers they share never leak their own names."""
    for name in NOT_ARRAY:
        args = {"values_astype": (OBJ, "int64")}.get(name, (OBJ,))
        try:
            getattr(jaggy, name)(*args)
        except TypeError as err:
            assert re.match(rf"jaggy\.{name}: ", str(err)), (name, str(err))
