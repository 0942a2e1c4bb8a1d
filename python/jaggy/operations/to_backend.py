"""jaggy.to_backend: a copy of an array on another device ("cpu" or "cuda")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def to_backend(array: Any, backend: str, *, highlevel: bool = True, behavior: Mapping | None = None,
               attrs: Mapping | None = None) -> Any:
    """Moves the array's buffers to ``backend``; an array already there is returned as it is.

    Importing jaggy never imports CuPy; ``"cuda"`` needs CuPy and a GPU.

    Parameters:
        array: an Array, Record or layout (or anything ``jaggy.Array`` accepts).
        backend: ``"cpu"`` or ``"cuda"``.
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        The same data on ``backend`` (see ``jaggy.backend``).

    Example:
        >>> import jaggy
        >>> a = jaggy.to_backend(jaggy.Array([[1, 2], [], [3]]), "cpu")
        >>> jaggy.backend(a), a.to_list()
        ('cpu', [[1, 2], [], [3]])

    Raises:
        jaggy.errors.BackendError: ``"cuda"`` without CuPy or without a GPU (the message says
            which is missing).
        ValueError: an unknown backend name.
    """
    from jaggy.backends import backend_by_name
    from jaggy.operations.to_layout import to_layout
    from jaggy.record import Record

    target = backend_by_name(backend)
    layout = to_layout(array, allow_record=True)
    if isinstance(layout, Record):
        layout = Record(layout.array.to_backend(target), layout.at)
    else:
        layout = layout.to_backend(target)
    return finish(layout, highlevel, array, behavior=behavior, attrs=attrs)

__all__ = ["to_backend"]
