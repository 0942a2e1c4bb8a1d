"""jaggy.almost_equal: whether two arrays have the same structure and (nearly) the same values."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _leaf_equal(rtol: float, atol: float, equal_nan: bool, exact: bool) -> Callable:
    def compare(a: Any, b: Any, xp: Any) -> bool:
        if a.shape != b.shape:
            return False
        if exact or (a.dtype.kind not in "fc" and b.dtype.kind not in "fc"):
            if equal_nan and a.dtype.kind in "fc":
                return bool(xp.all((a == b) | (xp.isnan(a) & xp.isnan(b))))
            return bool(xp.all(a == b))
        return bool(xp.all(xp.isclose(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan)))

    return compare


def _packed_list(x: Any) -> tuple[Any, Any]:
    """(counts, content range) of a list node."""
    lx = x.to_ListOffsetArray64()
    o = lx.offsets.data
    return o[1:] - o[:-1], lx.content._getitem_range(int(o[0]), int(o[-1]))


# dtype families for dtype_exact=False: signed and unsigned integers are one family; booleans,
# floats, complex numbers, datetimes and timedeltas are each their own.
_FAMILY = {"u": "i"}


def nodes_equal(a: Any, b: Any, leaf: Callable, *, dtype_exact: bool, check_parameters: bool,
                check_regular: bool, same_content_types: bool) -> bool:
    """Recursive comparison of two layouts (vectorised per node)."""
    kw = dict(dtype_exact=dtype_exact, check_parameters=check_parameters,
              check_regular=check_regular, same_content_types=same_content_types)
    xp = a.backend.xp
    if a.length != b.length:
        return False
    if a.is_indexed and not a.is_option:
        a = a.project()
    if b.is_indexed and not b.is_option:
        b = b.project()
    if check_parameters and {k: v for k, v in a.parameters.items()} != dict(b.parameters):
        return False
    if a.is_unknown or b.is_unknown:
        return a.is_unknown and b.is_unknown  # like Awkward: unknown only equals unknown
    if a.is_option != b.is_option:
        return False
    if a.is_option:
        if same_content_types and type(a) is not type(b):
            return False  # Awkward's array_equal: the option node classes must match
        ma, mb = a.mask_as_bool(True), b.mask_as_bool(True)
        if not bool(xp.all(ma == mb)):
            return False
        return nodes_equal(a.project(), b.project(), leaf, **kw)
    if a.is_union or b.is_union:
        if not (a.is_union and b.is_union) or len(a.contents) != len(b.contents):
            return False
        ta, tb = a.tags.data[: a.length], b.tags.data[: b.length]
        if not bool(xp.all(ta == tb)):
            return False
        from jaggy.index import Index64

        for t in range(len(a.contents)):
            sel = ta == t
            ca = a.contents[t]._carry(Index64._wrap(a.index.data[: a.length][sel].astype(xp.int64), a.backend))
            cb = b.contents[t]._carry(Index64._wrap(b.index.data[: b.length][sel].astype(xp.int64), b.backend))
            if not nodes_equal(ca, cb, leaf, **kw):
                return False
        return True
    if a.is_list != b.is_list or a.is_record != b.is_record or a.is_numpy != b.is_numpy:
        return False
    if a.is_list:
        if check_regular and a.is_regular != b.is_regular:
            return False
        if a.is_regular and b.is_regular and a.size != b.size:
            return False
        counts_a, ca = _packed_list(a)
        counts_b, cb = _packed_list(b)
        if not bool(xp.all(counts_a == counts_b)):
            return False
        return nodes_equal(ca, cb, leaf, **kw)
    if a.is_record:
        if a.is_tuple != b.is_tuple or set(a.fields) != set(b.fields):
            return False
        return all(nodes_equal(a.content(f), b.content(f), leaf, **kw) for f in a.fields)
    if dtype_exact and a.data.dtype != b.data.dtype:
        return False
    if _FAMILY.get(a.data.dtype.kind, a.data.dtype.kind) != _FAMILY.get(b.data.dtype.kind, b.data.dtype.kind):
        return False  # without dtype_exact, the dtypes still belong to one family (like Awkward)
    return leaf(a.data, b.data, xp)


def almost_equal(left: Any, right: Any, *, rtol: float = 1e-05, atol: float = 1e-08,
                 dtype_exact: bool = True, check_parameters: bool = True,
                 check_regular: bool = True, check_named_axis: bool = True) -> bool:
    """True if ``left`` and ``right`` have the same structure and values within tolerance.

    Parameters:
        left, right: the arrays to compare (anything ``jaggy.Array`` accepts).
        rtol, atol: relative and absolute tolerance for floating-point values, as in
            ``numpy.isclose``; other values must be equal.
        dtype_exact: require the same dtypes (else only the same kind: integers, floats, ...).
        check_parameters: require the same parameters (e.g. ``__record__`` names).
        check_regular: require regular and variable-length dimensions at the same places.
        check_named_axis: accepted for compatibility (jaggy arrays carry no named axes).

    Returns:
        A Python bool.

    Example:
        >>> import jaggy
        >>> jaggy.almost_equal([[1.0, 2.0], []], [[1.0, 2.0 + 1e-12], []])
        True
        >>> jaggy.almost_equal([[1.0, 2.0], []], [[1.0], [2.0]])
        False

    Raises:
        TypeError: an input cannot be converted to an array.
    """
    from jaggy.operations.to_layout import to_layout

    a = to_layout(left, allow_record=False)
    b = to_layout(right, allow_record=False)
    return nodes_equal(a, b, _leaf_equal(rtol, atol, False, False),
                       dtype_exact=dtype_exact, check_parameters=check_parameters,
                       check_regular=check_regular, same_content_types=False)


__all__ = ["almost_equal"]

