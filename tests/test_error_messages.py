"""Thirty typical mistakes: each raises a clear Python exception whose message names the public
function and the offending argument (and, where it helps, a hint)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jaggy
import numpy as np
import pytest
from jaggy.errors import AxisError, FieldNotFoundError

X = jaggy.Array([[1.0, 2.0], [], [3.0]])
R = jaggy.Array([{"px": 1, "py": 2, "pz": 3}])

CASES: list[tuple[str, Callable[[], Any], type[Exception], list[str]]] = [
    # wrong field (with the list of fields as a hint)
    ("field attribute", lambda: R.pt, FieldNotFoundError, ["jaggy.Array", "'pt'", "px, py, pz"]),
    ("field string", lambda: R["pt"], FieldNotFoundError, ["__getitem__", "'pt'", "px", "pz"]),
    ("nested field", lambda: jaggy.Array([[{"px": 1}]])["pt"], FieldNotFoundError, ["'pt'", "px"]),
    ("without_field", lambda: jaggy.without_field(R, "pt"), FieldNotFoundError,
     ["jaggy.without_field", "'pt'", "px"]),
    # wrong axis (with "did you mean" when the depth is exceeded by one)
    ("sum axis", lambda: jaggy.sum(X, axis=2), AxisError, ["jaggy.sum", "axis=2", "did you mean axis=1?"]),
    ("num axis", lambda: jaggy.num(X, axis=2), AxisError, ["jaggy.num", "axis=2", "did you mean axis=1?"]),
    ("flatten axis", lambda: jaggy.flatten(X, axis=2), AxisError, ["jaggy.flatten", "axis=2", "axis=1?"]),
    ("sort axis", lambda: jaggy.sort(X, axis=2), AxisError, ["jaggy.sort", "axis=2", "axis=1?"]),
    ("argmax axis", lambda: jaggy.argmax(X, axis=2), AxisError, ["jaggy.argmax", "axis=2", "axis=1?"]),
    ("pad_none axis", lambda: jaggy.pad_none(X, 2, axis=2), AxisError, ["jaggy.pad_none", "axis=2"]),
    ("combinations axis", lambda: jaggy.combinations(X, 2, axis=2), AxisError,
     ["jaggy.combinations", "axis=2"]),
    ("firsts axis", lambda: jaggy.firsts(X, axis=2), AxisError, ["jaggy.firsts", "axis=2"]),
    ("count negative axis", lambda: jaggy.count(X, axis=-3), AxisError, ["jaggy.count", "axis=-3", "depth"]),
    ("is_none far axis", lambda: jaggy.is_none(X, axis=3), AxisError, ["jaggy.is_none", "axis=3", "depth"]),
    ("axis not an integer", lambda: jaggy.sum(X, axis=1.5), TypeError, ["jaggy.sum", "axis", "1.5"]),
    # mismatched lengths / incompatible broadcasting
    ("ufunc lengths", lambda: X + jaggy.Array([1, 2]), ValueError, ["numpy.add", "lengths 2 and 3"]),
    ("ufunc nested lengths", lambda: X + jaggy.Array([[1], [], [1, 2]]), ValueError,
     ["numpy.add", "index 0", "lengths 2 and 1"]),
    ("zip lengths", lambda: jaggy.zip({"a": X, "b": jaggy.Array([1, 2])}), ValueError,
     ["jaggy.zip", "lengths 2 and 3"]),
    ("cartesian lengths", lambda: jaggy.cartesian([X, jaggy.Array([[1]])]), ValueError,
     ["jaggy.cartesian", "lengths"]),
    ("concatenate lengths", lambda: jaggy.concatenate([X, jaggy.Array([[1]])], axis=1), ValueError,
     ["jaggy.concatenate", "axis=1", "length"]),
    ("unflatten counts", lambda: jaggy.unflatten(jaggy.Array([1, 2, 3]), [1, 1]), ValueError,
     ["jaggy.unflatten", "counts"]),
    ("mask lengths", lambda: jaggy.mask(X, jaggy.Array([True, False])), ValueError,
     ["jaggy.mask", "mask", "length"]),
    # bad index
    ("index out of bounds", lambda: X[5], IndexError, ["__getitem__", "index 5", "size 3"]),
    ("nested index out of range", lambda: X[:, 5], IndexError, ["__getitem__", "index 5", "list 0", "axis 1"]),
    ("float index", lambda: X[1.5], TypeError, ["__getitem__", "float64"]),
    ("boolean mask length", lambda: X[jaggy.Array([True, False])], IndexError,
     ["__getitem__", "boolean index", "length 2", "length 3"]),
    ("jagged mask length", lambda: X[jaggy.Array([[True], [], [True, False]])], IndexError,
     ["__getitem__", "list 0", "length 1"]),
    # unsupported dtype / type
    ("object dtype", lambda: jaggy.from_numpy(np.array([object()], dtype=object)), TypeError,
     ["jaggy.from_numpy", "dtype=object", "from_iter"]),
    ("unknown dtype name", lambda: jaggy.values_astype(X, "foo"), TypeError,
     ["jaggy.values_astype", "'foo'"]),
    ("non-boolean mask", lambda: jaggy.mask(X, X), ValueError, ["jaggy.mask", "mask", "boolean", "float64"]),
    ("reduce records", lambda: jaggy.sum(R, axis=0), TypeError, ["jaggy.sum", "records", "px"]),
    ("ragged to_numpy", lambda: jaggy.to_numpy(X), ValueError, ["jaggy.to_numpy", "list 0", "length 2"]),
    ("negative k", lambda: jaggy.top_k(X, -1), ValueError, ["jaggy.top_k", "k=-1"]),
    ("enforce_type target", lambda: jaggy.enforce_type(X, "var * string"), TypeError,
     ["jaggy.enforce_type", "string"]),
    ("bad JSON", lambda: jaggy.from_json("[1, 2"), ValueError, ["from_json", "line 1", "column"]),
]


@pytest.mark.parametrize(("fn", "kind", "parts"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_message_names_function_and_argument(fn: Callable[[], Any], kind: type[Exception],
                                              parts: list[str]) -> None:
    with pytest.raises(kind) as info:
        fn()
    message = str(info.value)
    for part in parts:
        assert part in message, f"{part!r} not in {message!r}"


def test_at_least_thirty_cases() -> None:
    assert len(CASES) >= 30
    assert len({c[0] for c in CASES}) == len(CASES)


def test_axis_hint_only_when_one_too_deep() -> None:
    with pytest.raises(AxisError) as info:
        jaggy.sum(X, axis=3)
    assert "did you mean" not in str(info.value)


def test_errors_subclass_the_builtin_exceptions() -> None:
    with pytest.raises(ValueError):  # AxisError is a ValueError, as in Awkward/NumPy
        jaggy.sum(X, axis=2)
    with pytest.raises((KeyError, AttributeError)):
        R.pt
