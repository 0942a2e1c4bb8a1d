"""jaggy.zip_no_broadcast: records from same-shaped arrays, without broadcasting."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_NAME = "jaggy.zip_no_broadcast"


def zip_no_broadcast(arrays: Any, *, parameters: Mapping | None = None, with_name: str | None = None,
                     highlevel: bool = True, behavior: Mapping | None = None,
                     attrs: Mapping | None = None) -> Any:
    """Combine arrays of one shape into an array of records without broadcasting them.

    Args:
        arrays: a dict of arrays (named fields) or a sequence (a tuple). All must be flat
            (NumpyArray layouts) of one length, or all lists (ListOffsetArray layouts over
            NumPy data) with identical offsets.
        parameters: parameters of the new RecordArray.
        with_name: the record name (``__record__`` parameter).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        An array of records (``{x: ..., y: ...}`` or a tuple), or lists of records.

    Example:
        >>> jaggy.zip_no_broadcast({"x": [1, 2], "y": [1.5, 2.5]}).to_list()
        [{'x': 1, 'y': 1.5}, {'x': 2, 'y': 2.5}]

    Raises:
        ValueError: lengths or offsets differ, or the layouts are not all flat or all lists.
    """
    from jaggy.layout import Content, ListOffsetArray, NumpyArray, RecordArray
    from jaggy.operations._wrap import finish
    from jaggy.operations.to_layout import to_layout

    if isinstance(arrays, Mapping):
        fields = [str(k) for k in arrays]
        items = list(arrays.values())
    else:
        fields = None
        items = list(arrays)
    if not items:
        msg = f"{_NAME}: need at least one array"
        raise ValueError(msg)
    layouts = [to_layout(x, allow_record=False) for x in items]
    params = dict(parameters) if parameters else {}
    if with_name is not None:
        params["__record__"] = with_name
    record_params = params or None
    if all(isinstance(x, NumpyArray) for x in layouts):
        length = _same_length(layouts)
        out: Content = RecordArray(layouts, fields, length, parameters=record_params, backend=layouts[0].backend)
    elif all(isinstance(x, ListOffsetArray) for x in layouts):
        contents = []
        for x in layouts:
            if not isinstance(x.content, NumpyArray):
                msg = f"{_NAME}: cannot (unsafely) zip lists whose contents are not NumPy data"
                raise ValueError(msg)
            contents.append(x.content)
        first = layouts[0].offsets.data
        for x in layouts[1:]:
            other = x.offsets.data
            if len(other) != len(first) or not bool((other == first).all()):
                msg = f"{_NAME}: all lists must have the same offsets"
                raise ValueError(msg)
        length = _same_length(contents)
        inner = RecordArray(contents, fields, length, parameters=record_params, backend=layouts[0].backend)
        out = ListOffsetArray(layouts[0].offsets, inner)
    else:
        msg = f"{_NAME}: all array layouts must be either NumpyArrays or ListOffsetArrays"
        raise ValueError(msg)
    return finish(out, highlevel, *items, behavior=behavior, attrs=attrs)


def _same_length(layouts: list) -> int:
    length = layouts[0].length
    for i, x in enumerate(layouts):
        if x.length != length:
            msg = f"{_NAME}: all arrays must have the same length (array {i} has {x.length}, not {length})"
            raise ValueError(msg)
    return length


__all__ = ["zip_no_broadcast"]
