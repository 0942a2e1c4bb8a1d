"""jaggy.broadcast_fields: give the records of several arrays the same fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def _missing(n: int, backend: Any) -> Any:
    from jaggy.index import Index64
    from jaggy.layout import EmptyArray, IndexedOptionArray

    xp = backend.xp
    return IndexedOptionArray(Index64._wrap(xp.full(n, -1, xp.int64), backend), EmptyArray(backend=backend))


def _merge(layouts: list) -> list:
    from jaggy._broadcasting import is_string
    from jaggy.layout import RecordArray

    if not layouts:
        return layouts
    if all(x.is_record for x in layouts):
        names: list[str] = []
        for x in layouts:
            names += [f for f in x.fields if f not in names]
        per_field = {}
        for name in names:
            having = [x for x in layouts if name in x.fields]
            merged = iter(_merge([x.content(name) for x in having]))
            per_field[name] = {id(x): next(merged) for x in having}
        return [RecordArray([per_field[f].get(id(x)) or _missing(x.length, x.backend) for f in names],
                            names, x.length, parameters=x.parameters or None, backend=x.backend)
                for x in layouts]
    descend = {id(x) for x in layouts if not x.is_record and not is_string(x)
               and (x.is_list or x.is_option or x.is_indexed)}
    if not descend:
        return layouts
    inner = _merge([x.content if id(x) in descend else x for x in layouts])
    return [x.copy(content=i) if id(x) in descend else i for x, i in zip(layouts, inner)]


def broadcast_fields(*arrays: Any, highlevel: bool = True, behavior: Mapping | None = None,
                     attrs: Mapping | None = None) -> list:
    """The ``arrays`` with every record given the union of the fields found at its level.

    Missing fields are added as all-None (type ``?unknown``); lists are not broadcast, and the
    records need not sit at the same depth in every array.

    Parameters:
        *arrays: arrays (anything ``jaggy.Array`` accepts) containing records.
        highlevel, behavior, attrs: as everywhere (return Arrays, or layouts).

    Returns:
        A list with one array per input.

    Example:
        >>> import jaggy
        >>> a, b = jaggy.broadcast_fields([{"x": 1}], [{"y": 2}])
        >>> a.to_list(), b.to_list()
        ([{'x': 1, 'y': None}], [{'x': None, 'y': 2}])

    Raises:
        TypeError: an input cannot be converted to an array.
    """
    from jaggy.operations.broadcast_arrays import _as_layout

    layouts = [_as_layout(x) for x in arrays]
    return [finish(o, highlevel, *arrays, behavior=behavior, attrs=attrs) for o in _merge(layouts)]


__all__ = ["broadcast_fields"]
