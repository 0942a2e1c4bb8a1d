"""Analysis code written for Awkward (coffea / scikit-hep style) runs unchanged on jaggy.

Each test runs the same snippet with ``ak`` bound to Awkward and to jaggy and compares the
results (values and types) or the exception classes.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import awkward
import jaggy
import numpy as np
import pytest

from tests.operations._compare import assert_same

LIBS = (awkward, jaggy)


def vector_behavior(ak: Any) -> dict:
    """A behavior with a ThreeVector record (pt/phi/eta properties, + and abs overloads)."""
    behavior: dict = {}

    @ak.mixin_class(behavior)
    class ThreeVector:
        @property
        def pt(self: Any) -> Any:
            return np.hypot(self.x, self.y)

        @property
        def phi(self: Any) -> Any:
            return np.arctan2(self.y, self.x)

        @property
        def eta(self: Any) -> Any:
            return np.arcsinh(self.z / self.pt)

        def delta_r(self: Any, other: Any) -> Any:
            dphi = (self.phi - other.phi + np.pi) % (2 * np.pi) - np.pi
            return np.hypot(self.eta - other.eta, dphi)

        @ak.mixin_class_method(np.add, {"ThreeVector"})
        def add(self: Any, other: Any) -> Any:
            return ak.zip({"x": self.x + other.x, "y": self.y + other.y, "z": self.z + other.z},
                          with_name="ThreeVector", behavior=self.behavior)

    del ThreeVector
    return behavior


def events(ak: Any) -> Any:
    """Four events with jagged muons/electrons (ThreeVector records) and a flat met."""
    behavior = vector_behavior(ak)
    mu = ak.zip({"x": [[1.0, 2.0, -3.0], [], [4.0, 0.5], [1.5]],
                 "y": [[0.5, -1.0, 2.0], [], [1.0, 3.0], [-2.5]],
                 "z": [[3.0, 1.0, 0.2], [], [-1.0, 2.0], [10.0]],
                 "charge": [[1, -1, 1], [], [1, 1], [-1]]}, with_name="ThreeVector",
                behavior=behavior)
    el = ak.zip({"x": [[2.0], [1.0, 1.0], [], [3.0, -2.0]],
                 "y": [[1.0], [2.0, -2.0], [], [0.1, 0.2]],
                 "z": [[0.0], [1.0, 5.0], [], [-3.0, 2.0]]}, with_name="ThreeVector",
                behavior=behavior)
    return ak.zip({"muons": mu, "electrons": el, "met": [10.0, 60.0, 55.0, 20.0]},
                  depth_limit=1, behavior=behavior)


def same(fn: Callable[[Any], Any]) -> None:
    """``fn(ak)`` gives the same array (or the same exception class) for Awkward and jaggy."""
    outs: list = []
    for ak in LIBS:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", RuntimeWarning)
                outs.append(fn(ak))
        except Exception as err:
            outs.append(err)
    expected, got = outs
    if isinstance(expected, Exception):
        assert isinstance(got, type(expected)), (expected, got)
        return
    assert not isinstance(got, Exception), got
    assert_same(expected, got)


def test_weighted_std_with_negative_variance_is_nan_without_warning() -> None:
    same(lambda ak: ak.std(events(ak).muons.pt, weight=events(ak).muons.z, axis=1))


@pytest.mark.parametrize("call", [
    lambda ak, a: ak.flatten(a, axis=3),
    lambda ak, a: ak.num(a, axis=3),
    lambda ak, a: ak.local_index(a, axis=3),
    lambda ak, a: ak.pad_none(a, 1, axis=3),
    lambda ak, a: ak.combinations(a, 2, axis=3),
    lambda ak, a: ak.firsts(a, axis=3),
    lambda ak, a: ak.fill_none(a, 0, axis=3),
])
def test_axis_errors_are_numpy_axis_errors(call: Callable) -> None:
    # user code catches numpy.exceptions.AxisError (or IndexError) around Awkward calls
    for ak in LIBS:
        with pytest.raises(np.exceptions.AxisError):
            call(ak, ak.Array([[1, 2], [3]]))
    with pytest.raises(IndexError):
        jaggy.num(jaggy.Array([[1, 2], [3]]), axis=3)


@pytest.mark.parametrize("value", [
    {"x": 0.0, "y": 0.0, "z": 0.0, "charge": 0},
    {"x": 0.0},
    {"q": "none"},
    "record",
])
def test_pad_then_fill_none_with_a_record(value: Any) -> None:
    def run(ak: Any) -> Any:
        padded = ak.pad_none(events(ak).muons, 2, clip=True)
        fill = ak.Record({"x": 0.0, "y": 1.0, "z": 2.0}) if value == "record" else value
        return ak.fill_none(padded, fill)

    same(run)
    same(lambda ak: ak.fill_none(ak.Array([1, None, 2]), {"x": 1}))
    same(lambda ak: ak.fill_none(ak.Array([[{"x": 1}, None]]), ak.Array([{"x": 5}, {"x": 2}])[1]))
    same(lambda ak: ak.fill_none(ak.Array([1, None, 2]), None))


def test_to_numpy_of_a_union_is_a_type_error() -> None:
    def run(ak: Any) -> Any:
        mu = ak.without_field(events(ak).muons, "charge")
        return ak.to_numpy(ak.fill_none(ak.pad_none(mu, 1, clip=True), {"x": 0.0, "y": 0.0, "z": 0.0}))

    same(run)
    same(lambda ak: ak.to_numpy(ak.Array([1, "a"])))
    same(lambda ak: np.asarray(ak.Array([[1], "a"])))
    with pytest.raises(TypeError, match=r"^jaggy\.to_numpy: a union"):
        jaggy.to_numpy(jaggy.Array([1, "a"]))


@pytest.mark.parametrize("data", [[1], [0], [[1, 2]], [[]], [None], [], [{"a": 1}], [""], [[0]]])
def test_truth_value_of_an_array(data: list) -> None:
    # "if events.muons.pt > 20:" must fail, as in Awkward and NumPy, not be silently True
    same(lambda ak: ak.Array([bool(ak.Array(data))]))


def test_in_operator_on_jagged_arrays() -> None:
    same(lambda ak: ak.Array([3 in ak.Array([1, 3]), 2 in ak.Array([3])]))
    same(lambda ak: ak.Array([3 in ak.Array([[1, 2, 3], [], [4, 5]])]))
    same(lambda ak: ak.Array([bool(ak.Array([{"x": 1}])[0])]))


ROUNDING = [
    lambda ak: ak.round(ak.Array([[1.25, -2.5, None], [], [3.75]]), 1),
    lambda ak: np.round(ak.Array([[1.5, 2.5, None], []])),
    lambda ak: np.around(ak.Array([[1.26], [2.0]]), 1),
    lambda ak: np.round(ak.Array([[1, 2], [3]]), -1),
    lambda ak: np.round(ak.Array([True, False])),
    lambda ak: ak.round(ak.zip({"pt": [[1.26], []], "n": [[1], []]}), 1),
    lambda ak: np.real(ak.Array([[1 + 2j, None], [3.5]])),
    lambda ak: ak.imag(ak.Array([[1 + 2j], [3.5]])),
    lambda ak: np.angle(ak.Array([[1j, -1.0], []]), deg=True),
    lambda ak: ak.angle(ak.Array([[1j, None]])),
    lambda ak: np.amin(ak.Array([[3, 1], [], [2]]), axis=1),
    lambda ak: np.amax(ak.Array([[3.5, 1], [], [2]]), axis=-1, keepdims=True),
]


@pytest.mark.parametrize("call", ROUNDING)
def test_round_real_imag_angle_amin_amax(call: Callable) -> None:
    same(call)


NUMPY_FALLBACK = [
    lambda ak: np.histogram(ak.flatten(ak.Array([[1, 2, 3], [], [4, 5]])), bins=3),
    lambda ak: np.histogram(ak.Array([0.5, 1.5, 2.5]), bins=[0, 1, 2, 3], weights=ak.Array([1.0, 2.0, 3.0]))[0],
    lambda ak: np.searchsorted([0, 2, 4], ak.flatten(ak.Array([[1, 2, 3], [], [4, 5]]))),
    lambda ak: np.interp(ak.Array([0.5, 2.0]), [0, 10], [0, 1]),
    lambda ak: np.stack([ak.Array([1, 2]), ak.Array([3, 4])], axis=1),
    lambda ak: np.broadcast_to(ak.Array([1, 2]), (3, 2)),
    lambda ak: np.nonzero(ak.Array([0, 1, 2, 0])),
    lambda ak: np.where(ak.Array([0, 1, 2, 0]) > 0),
    lambda ak: np.where(ak.Array([[0, 1], [2]]) > 0),
    lambda ak: np.digitize(ak.Array([[1, 2, 3], [], [4, 5]]), [2, 4]),
    lambda ak: np.clip(ak.Array(np.array([[1.5, -2.0], [0.5, 3.0]])), 0, 1),
    lambda ak: np.median(ak.Array([1.0, 5.0, 2.0])),
    lambda ak: np.cumsum(ak.Array([1, 2, 3])),
    lambda ak: np.add.reduce(ak.Array([[1, 2, 3], [], [4, 5]]), axis=1),
    lambda ak: ak.Array([[1.0, 2.0]]) @ ak.Array([[1.0], [2.0]]),
]


def _as_arrays(x: Any, ak: Any) -> Any:
    """Results of NumPy functions (arrays, tuples of arrays, scalars) as one array to compare."""
    if isinstance(x, tuple):
        return ak.zip({str(i): v for i, v in enumerate(x)}, depth_limit=1)
    if isinstance(x, ak.Array):
        return x
    return ak.Array([x])


@pytest.mark.parametrize("call", NUMPY_FALLBACK)
def test_other_numpy_functions_run_on_converted_arrays(call: Callable) -> None:
    same(lambda ak: _as_arrays(call(ak), ak))
