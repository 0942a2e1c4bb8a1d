"""jaggy.array_equal: whether two arrays are equal in structure and values."""

from __future__ import annotations

from typing import Any


def array_equal(a1: Any, a2: Any, equal_nan: bool = False, dtype_exact: bool = True,
                same_content_types: bool = True, check_parameters: bool = True,
                check_regular: bool = True, check_named_axis: bool = True) -> bool:
    """True if ``a1`` and ``a2`` have the same structure and exactly the same values.

    ``equal_nan`` counts NaN equal to NaN; ``dtype_exact`` requires equal dtypes;
    ``check_parameters`` equal parameters; ``check_regular`` the same regular/var dimensions; ``check_named_axis`` is accepted for
    Awkward compatibility (jaggy arrays carry no named axes).
    Returns a Python bool (also for ``numpy.array_equal`` on jaggy arrays).

    Example: ``jaggy.array_equal([[1, 2], []], [[1, 2], []])`` → ``True``.

    Errors: ``TypeError`` for inputs that are not arrays.
    """
    from jaggy.operations.almost_equal import _leaf_equal, nodes_equal
    from jaggy.operations.to_layout import to_layout

    a = to_layout(a1, allow_record=False)
    b = to_layout(a2, allow_record=False)
    return nodes_equal(a, b, _leaf_equal(0.0, 0.0, equal_nan, True), dtype_exact=dtype_exact,
                       check_parameters=check_parameters, check_regular=check_regular,
                       same_content_types=same_content_types)


__all__ = ["array_equal"]
