"""jaggy.to_backend: a copy of an array on another device ("cpu" or "cuda")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def to_backend(array: Any, backend: str, *, highlevel: bool = True, behavior: Mapping | None = None,
               attrs: Mapping | None = None) -> Any:
    """Move the array's buffers to ``backend``; arrays already there are returned as they are.

    ``"cuda"`` needs CuPy and a GPU: without them it raises ``jaggy.errors.BackendError``
    saying which is missing. Importing jaggy never imports CuPy.
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
