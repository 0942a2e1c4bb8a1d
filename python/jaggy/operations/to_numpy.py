"""jaggy.to_numpy: a regular array as a NumPy array (masked where values are missing)."""

from __future__ import annotations

from typing import Any


def to_numpy(array: Any, *, allow_missing: bool = True) -> Any:
    """Convert an array whose dimensions are all regular to NumPy.

    Parameters:
        array: a jaggy array (or anything ``jaggy.to_layout`` accepts).
        allow_missing: if True, missing values give a ``numpy.ma.MaskedArray``; if False,
            they raise ``ValueError``.

    Returns:
        A ``numpy.ndarray``: variable-length lists must all have the same length within a
        dimension; records give a structured array (masked per field when fields have
        missing values); strings give ``U`` arrays and bytestrings ``S`` arrays.

    Raises:
        ValueError: lists of different lengths in one dimension, or missing values with
            ``allow_missing=False``.
        TypeError: the array contains a union of types (as in Awkward).

    >>> import jaggy
    >>> jaggy.to_numpy(jaggy.Array([[1, 2], [3, 4]])).tolist()
    [[1, 2], [3, 4]]
    >>> jaggy.to_numpy(jaggy.Array(["a", "bc"]))
    array(['a', 'bc'], dtype='<U2')
    """
    from jaggy.io.nparrays import layout_to_numpy
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    try:
        return layout_to_numpy(layout, allow_missing)
    except (ValueError, TypeError) as err:
        if str(err).startswith("jaggy."):
            raise
        text = str(err).removeprefix("to_numpy: ")
        msg = f"jaggy.to_numpy: {text}"
        raise (TypeError if isinstance(err, TypeError) else ValueError)(msg) from None


__all__ = ["to_numpy"]
