"""jaggy.from_cupy: a CuPy array as a jaggy array on the 'cuda' backend."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from jaggy.operations._wrap import finish

if TYPE_CHECKING:
    from jaggy.layout.content import Content


def from_cupy(
    array: Any,
    *,
    regulararray: bool = False,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    primitive_policy: str = "error",
    attrs: Mapping | None = None,
) -> Any:
    """View a CuPy array as a jaggy array whose buffers stay on the GPU (``"cuda"`` backend).

    Parameters:
        array: a ``cupy.ndarray`` (anything ``cupy.asarray`` accepts).
        regulararray: if True, inner dimensions become ``RegularArray`` nodes.
        highlevel, behavior, attrs: as everywhere.
        primitive_policy: ``"error"`` rejects zero-dimensional arrays; the other policies
            (``"promote"``, ``"pass-through"``, ``"forbid"``) make them length 1.

    Returns:
        A ``jaggy.Array`` on the ``"cuda"`` backend (``jaggy.backend(result) == "cuda"``).

    Raises:
        ModuleNotFoundError: CuPy is not installed.
        jaggy.errors.BackendError: CuPy finds no GPU.
        TypeError: zero-dimensional input with ``primitive_policy="error"``.

    >>> import cupy, jaggy  # doctest: +SKIP
    >>> jaggy.from_cupy(cupy.arange(3)).to_list()  # doctest: +SKIP
    [0, 1, 2]
    """
    from jaggy.backends.cuda import cuda_backend
    from jaggy.io.cupy import import_cupy
    from jaggy.io.nparrays import check_scalar
    from jaggy.layout import NumpyArray

    cupy = import_cupy("jaggy.from_cupy")
    array = check_scalar(cupy.asarray(array), primitive_policy, "jaggy.from_cupy")
    layout: Content = NumpyArray(array, backend=cuda_backend())
    if regulararray and array.ndim > 1:
        layout = layout.to_RegularArray()
    return finish(layout, highlevel, behavior=behavior, attrs=attrs)


__all__ = ["from_cupy"]
