"""jaggy.to_cupy: a regular numeric jaggy array as a CuPy array (on the GPU)."""

from __future__ import annotations

from typing import Any


def to_cupy(array: Any) -> Any:
    """Convert an array whose dimensions are all regular to a ``cupy.ndarray``.

    Parameters:
        array: a jaggy array (on any backend) of numbers in regular dimensions.

    Returns:
        A ``cupy.ndarray`` with the array's shape and dtype.

    Raises:
        ModuleNotFoundError: CuPy is not installed.
        jaggy.errors.BackendError: CuPy finds no GPU.
        ValueError: variable-length lists or missing values (CuPy has no masked arrays).

    >>> import jaggy  # doctest: +SKIP
    >>> jaggy.to_cupy(jaggy.Array([[1, 2], [3, 4]])).shape  # doctest: +SKIP
    (2, 2)
    """
    from jaggy.io.cupy import import_cupy
    from jaggy.io.nparrays import layout_to_device, layout_to_numpy
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    if layout.backend.name == "cuda":
        return layout_to_device(layout, "jaggy.to_cupy")
    cupy = import_cupy("jaggy.to_cupy")
    return cupy.asarray(layout_to_numpy(layout, allow_missing=False))


__all__ = ["to_cupy"]
