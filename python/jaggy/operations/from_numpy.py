"""jaggy.from_numpy: a NumPy array (regular, masked, structured or of strings) as a jaggy array."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from jaggy.operations._wrap import finish


def from_numpy(
    array: Any,
    *,
    regulararray: bool = False,
    recordarray: bool = True,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    primitive_policy: str = "error",
    attrs: Mapping | None = None,
) -> Any:
    """View a NumPy array as a jaggy array (no copy for numeric data).

    Parameters:
        array: a ``numpy.ndarray`` (or anything ``numpy.asarray`` accepts), possibly a
            ``numpy.ma.MaskedArray``, a structured array or an array of ``U``/``S`` strings.
        regulararray: if True, inner dimensions become ``RegularArray`` nodes; otherwise a
            multidimensional ``NumpyArray`` (the type is ``n * m * dtype`` either way).
        recordarray: if True, structured dtypes become records (one field per dtype field);
            if False, a structured array raises ``TypeError``.
        highlevel, behavior, attrs: as everywhere (``highlevel=False`` gives the layout).
        primitive_policy: what to do with a zero-dimensional array: ``"error"`` raises
            ``TypeError``; ``"promote"``, ``"pass-through"``, ``"forbid"`` make it length 1.

    Returns:
        A ``jaggy.Array``. Masked arrays become option types, masked at the innermost
        level (``ByteMaskedArray``; ``UnmaskedArray`` when the mask is ``numpy.ma.nomask``);
        ``U`` arrays become ``string``, ``S`` arrays ``bytes``.

    Raises:
        TypeError: zero-dimensional input (with ``primitive_policy="error"``), ``dtype=object``,
            or a structured array with ``recordarray=False``.

    >>> import jaggy, numpy as np
    >>> str(jaggy.from_numpy(np.zeros((3, 2))).type)
    '3 * 2 * float64'
    >>> jaggy.from_numpy(np.ma.array([1, 2, 3], mask=[0, 1, 0])).to_list()
    [1, None, 3]
    """
    from jaggy.backends import is_device_buffer
    from jaggy.io.nparrays import check_scalar, numpy_to_layout

    if not isinstance(array, np.ndarray) and not is_device_buffer(array):
        array = np.asarray(array)
    array = check_scalar(array, primitive_policy, "jaggy.from_numpy")
    layout = numpy_to_layout(array, regulararray=regulararray, recordarray=recordarray,
                             function="jaggy.from_numpy")
    return finish(layout, highlevel, behavior=behavior, attrs=attrs)


__all__ = ["from_numpy"]
