"""Differential checks of the structure functions against Awkward (shared by test_<name>.py)."""

from __future__ import annotations

import math

import awkward as awk
import jaggy
import jaggy.errors
from hypothesis import HealthCheck, settings

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def same(x, y) -> bool:
    if isinstance(x, float) and isinstance(y, float):
        return (math.isnan(x) and math.isnan(y)) or math.isclose(x, y, rel_tol=1e-12, abs_tol=1e-300)
    if isinstance(x, dict) and isinstance(y, dict):
        return x.keys() == y.keys() and all(same(x[k], y[k]) for k in x)
    if isinstance(x, (list, tuple)) and isinstance(y, (list, tuple)):
        return len(x) == len(y) and all(same(a, b) for a, b in zip(x, y))
    if isinstance(x, bool) or isinstance(y, bool):
        return x == y and type(x) is type(y)
    return x == y


# Awkward failures that are defects of Awkward itself (its internals crash or reject a layout it
# built) or cases it leaves unimplemented: Awkward defines no behaviour there, so jaggy's result
# is only checked for validity.
_AWKWARD_DEFECTS = (AttributeError, AssertionError, NotImplementedError)
_AWKWARD_DEFECT_MESSAGES = ("must be >= length", "is not allowed to have parameters",
                            "so its 'content' must be",
                            "try UnionArray.simplified instead")  # an invalid union built inside


def awkward_defect(err: Exception) -> bool:
    if isinstance(err, _AWKWARD_DEFECTS):
        return True
    return isinstance(err, (ValueError, TypeError)) and any(m in str(err) for m in _AWKWARD_DEFECT_MESSAGES)


def compare(ak_call, jg_call, *, allow_not_implemented: bool = False) -> None:
    """Both calls succeed with equal values and types, or both raise (AxisError for AxisError)."""
    try:
        expected = ak_call(awk)
    except Exception as err:
        try:
            got = jg_call(jaggy)
        except NotImplementedError:
            return
        except Exception as ours:
            if isinstance(err, awk.errors.AxisError):
                assert isinstance(ours, jaggy.errors.AxisError), ours
            return
        if awkward_defect(err):
            if isinstance(got, jaggy.Array):
                assert got.layout.validity_error() == ""
            return
        raise AssertionError(f"awkward raised {err!r}, jaggy returned {got!r}") from None
    try:
        got = jg_call(jaggy)
    except NotImplementedError:
        if allow_not_implemented:
            return
        raise
    if isinstance(expected, awk.Array):
        assert isinstance(got, jaggy.Array), got
        assert same(got.to_list(), expected.to_list()), (got.to_list(), expected.to_list())
        assert str(got.type) == str(expected.type), (str(got.type), str(expected.type))
        assert got.layout.validity_error() == ""
    elif isinstance(expected, awk.Record):
        assert same(got.to_list(), expected.to_list())
    else:
        assert same(got, expected), (got, expected)
