"""jaggy.from_iter: Python data (lists, dicts, None, numbers, strings) to a columnar array."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from jaggy.operations._caller import public_caller
from jaggy.operations._wrap import finish


def from_iter(
    iterable: Iterable | Mapping,
    *,
    allow_record: bool = True,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
    initial: int = 1024,
    resize: float = 8,
) -> Any:
    """Build an array from nested Python data in one pass of compiled code.

    Types are discovered as in ``jaggy.ArrayBuilder``: ints widen to floats and complex numbers,
    ``None`` makes an option type, and incompatible values make a union. A dict at the top level
    gives a ``Record`` (unless ``allow_record=False``).

    >>> import jaggy
    >>> jaggy.from_iter([[1, 2], [], [3.5]]).to_list()
    [[1.0, 2.0], [], [3.5]]
    """
    from jaggy._builder_layout import layout_from_builder
    from jaggy.builder import _from_iter_layout

    if isinstance(iterable, Mapping) and not allow_record:
        msg = f"{public_caller('from_iter')}: a dict at top level is a single record, but allow_record=False"
        raise ValueError(msg)
    if isinstance(iterable, (str, bytes)):
        msg = f"{public_caller('from_iter')}: cannot make an array from a single {type(iterable).__name__}; wrap it in a list"
        raise TypeError(msg)
    from jaggy._small_lists import small_lists_of_floats

    fast = small_lists_of_floats(iterable) if type(iterable) is list else None
    if fast is not None:  # lists of floats, the commonest input, read in one compiled pass
        return finish(fast, highlevel, behavior=behavior, attrs=attrs)
    try:
        form, length, buffers = _from_iter_layout(iterable, allow_record=allow_record)
    except TypeError as err:
        if not str(err).startswith("cannot produce an array"):
            raise
        msg = f"{public_caller('from_iter')}: {err}"
        raise TypeError(msg) from None
    layout = layout_from_builder(form, length, buffers)
    if isinstance(iterable, Mapping):
        layout = layout._getitem_at(0)  # a single record
    return finish(layout, highlevel, behavior=behavior, attrs=attrs)

__all__ = ["from_iter"]
