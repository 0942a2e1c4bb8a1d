"""jaggy.array_equal: whether two arrays are equal in structure and values."""

from __future__ import annotations

from typing import Any


def array_equal(a1: Any, a2: Any, equal_nan: bool = False, dtype_exact: bool = True,
                same_content_types: bool = True, check_parameters: bool = True,
                check_regular: bool = True, check_named_axis: bool = True) -> bool:
    """True if ``a1`` and ``a2`` have the same structure and exactly the same values.

    Also what ``numpy.array_equal`` returns for jaggy arrays.

    Parameters:
        a1, a2: the arrays to compare (anything ``jaggy.Array`` accepts).
        equal_nan: count NaN as equal to NaN.
        dtype_exact: require the same dtypes (else only the same kind: integers, floats, ...).
        same_content_types: require the same option node classes (e.g. a ByteMaskedArray is not
            equal to an IndexedOptionArray with the same values).
        check_parameters: require the same parameters (e.g. ``__record__`` names).
        check_regular: require regular and variable-length dimensions at the same places.
        check_named_axis: accepted for compatibility (jaggy arrays carry no named axes).

    Returns:
        A Python bool.

    Example:
        >>> import jaggy
        >>> jaggy.array_equal([[1, 2], [], [None]], [[1, 2], [], [None]])
        True
        >>> jaggy.array_equal([1.0, float("nan")], [1.0, float("nan")], equal_nan=True)
        True

    Raises:
        TypeError: an input cannot be converted to an array.
    """
    from jaggy.operations.almost_equal import _leaf_equal, nodes_equal
    from jaggy.operations.to_layout import to_layout

    a = to_layout(a1, allow_record=False)
    b = to_layout(a2, allow_record=False)
    return nodes_equal(a, b, _leaf_equal(0.0, 0.0, equal_nan, True), dtype_exact=dtype_exact,
                       check_parameters=check_parameters, check_regular=check_regular,
                       same_content_types=same_content_types)


__all__ = ["array_equal"]
