"""Typical user mistakes raise an exception whose message names the public function and the
offending argument or value (issue 10)."""

from __future__ import annotations

import awkward
import jaggy
import pytest
from jaggy.errors import AxisError, FieldNotFoundError

LISTS = [[1, 2, 3], [], [4, 5]]
RECORDS = [{"x": 1, "y": [1]}, {"x": 2, "y": []}]


def lists() -> jaggy.Array:
    return jaggy.Array(LISTS)


def records() -> jaggy.Array:
    return jaggy.Array(RECORDS)


# (id, call, exception type, substrings the message must contain)
CASES = [
    ("field-attribute", lambda: records().z, FieldNotFoundError, ["jaggy.Array", "'z'", "x, y"]),
    ("field-getitem", lambda: records()["z"], FieldNotFoundError, ["__getitem__", "'z'", "'x'", "'y'"]),
    ("record-field", lambda: records()[0].z, FieldNotFoundError, ["jaggy.Record", "'z'", "x, y"]),
    ("num-axis", lambda: jaggy.num(lists(), axis=2), AxisError, ["jaggy.num", "axis=2", "did you mean axis=1?"]),
    ("num-axis-far", lambda: jaggy.num(lists(), axis=5), AxisError, ["jaggy.num", "axis=5", "(2)"]),
    ("num-axis-float", lambda: jaggy.num(lists(), axis=1.0), TypeError, ["jaggy.num", "axis", "1.0"]),
    ("sum-axis", lambda: jaggy.sum(lists(), axis=2), AxisError, ["jaggy.sum", "axis=2", "did you mean axis=1?"]),
    ("sum-axis-negative", lambda: jaggy.sum(lists(), axis=-3), AxisError, ["jaggy.sum", "axis=-3"]),
    ("sum-axis-type", lambda: jaggy.sum(lists(), axis="x"), TypeError, ["jaggy.sum", "axis", "'x'"]),
    ("flatten-axis", lambda: jaggy.flatten(lists(), axis=2), AxisError,
     ["jaggy.flatten", "axis=2", "did you mean axis=1?"]),
    ("pad_none-axis", lambda: jaggy.pad_none(lists(), 2, axis=2), AxisError,
     ["jaggy.pad_none", "axis=2", "did you mean axis=1?"]),
    ("pad_none-target-type", lambda: jaggy.pad_none(lists(), "x"), TypeError, ["jaggy.pad_none", "target", "'x'"]),
    ("pad_none-target-negative", lambda: jaggy.pad_none(lists(), -1), ValueError, ["jaggy.pad_none", "target", "-1"]),
    ("argsort-axis", lambda: jaggy.argsort(lists(), axis=3), AxisError, ["jaggy.argsort", "axis=3"]),
    ("local_index-axis", lambda: jaggy.local_index(lists(), axis=2), AxisError,
     ["jaggy.local_index", "axis=2", "did you mean axis=1?"]),
    ("broadcast-lengths", lambda: jaggy.Array([1, 2, 3]) + jaggy.Array([1, 2]), ValueError,
     ["numpy.add", "lengths 2 and 3"]),
    ("broadcast-jagged", lambda: lists() + jaggy.Array([[1], [], [1, 2]]), ValueError,
     ["numpy.add", "index 0", "lengths 3 and 1"]),
    ("broadcast_arrays-lengths", lambda: jaggy.broadcast_arrays(jaggy.Array([1, 2, 3]), jaggy.Array([1, 2])),
     ValueError, ["jaggy.broadcast_arrays", "lengths 2 and 3"]),
    ("index-out-of-range", lambda: lists()[5], IndexError, ["__getitem__", "index 5", "size 3"]),
    ("index-negative", lambda: lists()[-5], IndexError, ["__getitem__", "index -5", "size 3"]),
    ("index-too-many", lambda: lists()[0, 1, 2], IndexError, ["__getitem__", "too many indices"]),
    ("index-float-array", lambda: lists()[1.5], TypeError, ["__getitem__", "float64"]),
    ("slice-step-zero", lambda: lists()[::0], ValueError, ["__getitem__", "step", "zero"]),
    ("mask-length", lambda: lists()[jaggy.Array([True, False])], IndexError, ["__getitem__", "length 2", "length 3"]),
    ("jagged-mask", lambda: lists()[jaggy.Array([[True], [], [True, False]])], IndexError,
     ["__getitem__", "list 0", "length 1", "length 3"]),
    ("sum-records", lambda: jaggy.sum(records()), TypeError, ["jaggy.sum", "records", "x, y"]),
    ("max-records", lambda: jaggy.max(records(), axis=-1), TypeError, ["jaggy.max", "records"]),
    ("concatenate-nothing", lambda: jaggy.concatenate([]), ValueError, ["jaggy.concatenate", "at least one"]),
    ("unflatten-total", lambda: jaggy.unflatten(jaggy.Array([1, 2, 3]), [1, 1]), ValueError,
     ["jaggy.unflatten", "counts", "sum to 2", "3"]),
    ("unflatten-negative", lambda: jaggy.unflatten(jaggy.Array([1, 2, 3]), [-1, 4]), ValueError,
     ["jaggy.unflatten", "counts", "negative"]),
    ("zip-lengths", lambda: jaggy.zip({"x": [1, 2], "y": [1, 2, 3]}), ValueError, ["jaggy.zip", "lengths 2 and 3"]),
    ("zip-jagged", lambda: jaggy.zip({"x": [[1, 2]], "y": [[1]]}), ValueError, ["jaggy.zip", "lengths 2 and 1"]),
    ("from_iter-non-iterable", lambda: jaggy.from_iter(object()), TypeError, ["jaggy.from_iter", "non-iterable"]),
    ("Array-scalar", lambda: jaggy.Array(5), TypeError, ["jaggy", "scalar", "int"]),
    ("num-bad-type", lambda: jaggy.num(object()), TypeError, ["jaggy.num", "object"]),
    ("combinations-n", lambda: jaggy.combinations(lists(), 0), ValueError, ["jaggy.combinations", "n=0"]),
    ("to_numpy-jagged", lambda: jaggy.to_numpy(lists()), ValueError, ["jaggy.to_numpy", "not regular"]),
    ("values_astype-dtype", lambda: jaggy.values_astype(lists(), "notatype"), TypeError,
     ["jaggy.values_astype", "'notatype'"]),
    ("where-lengths", lambda: jaggy.where(jaggy.Array([True, False]), jaggy.Array([1, 2, 3]), 0), ValueError,
     ["jaggy.where", "lengths 2 and 3"]),
]


@pytest.mark.parametrize(("call", "exc", "parts"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_message_names_function_and_value(call, exc, parts):
    with pytest.raises(exc) as info:
        call()
    message = str(info.value)
    for part in parts:
        assert part in message, f"{part!r} not in {message!r}"


def test_at_least_thirty_mistakes():
    assert len(CASES) >= 30


@pytest.mark.parametrize(("name", "call"), [
    ("num", lambda m, a: m.num(a, axis=2)),
    ("sum", lambda m, a: m.sum(a, axis=2)),
    ("flatten", lambda m, a: m.flatten(a, axis=2)),
    ("pad_none", lambda m, a: m.pad_none(a, 2, axis=2)),
    ("unflatten", lambda m, a: m.unflatten(m.flatten(a), [1, 1])),
    ("concatenate", lambda m, a: m.concatenate([])),
    ("zip", lambda m, a: m.zip({"x": [1, 2], "y": [1, 2, 3]})),
    ("field", lambda m, a: a.nope),
])
def test_awkward_also_rejects(name, call):
    """The same mistakes are errors in Awkward too (so jaggy is not stricter than it)."""
    with pytest.raises(Exception):  # noqa: B017 - Awkward's own exception types vary
        call(awkward, awkward.Array(LISTS))
    with pytest.raises(Exception):  # noqa: B017
        call(jaggy, jaggy.Array(LISTS))


def test_hint_only_one_past_the_deepest_axis():
    deep = jaggy.Array([[[1, 2]], [[3]]])
    with pytest.raises(AxisError, match=r"axis=3 exceeds the depth of this array \(3\); did you mean axis=2\?"):
        jaggy.num(deep, axis=3)
    with pytest.raises(AxisError) as info:
        jaggy.num(deep, axis=4)
    assert "did you mean" not in str(info.value)
