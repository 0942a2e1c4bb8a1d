"""jaggy.to_layout: any array-like input as a layout node."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from jaggy.operations._caller import public_caller


def to_layout(
    array: Any,
    *,
    allow_record: bool = True,
    allow_unknown: bool = False,
    none_policy: Any = None,
    use_from_iter: bool = True,
    primitive_policy: str = "promote",
    string_policy: str = "as-characters",
    regulararray: bool = True,
    allow_str: bool = True,
    dict_as_columns: bool = False,
    json_strings: bool = False,
) -> Any:
    """Converts Arrays, Records, layouts, NumPy arrays and Python data to a layout.

    Parameters:
        array: the data; layouts are returned as they are.
        allow_record: accept a single record (else a record raises TypeError).
        allow_unknown, none_policy: accepted for compatibility.
        use_from_iter: convert Python lists, tuples and dicts (with ``jaggy.from_iter``).
        primitive_policy: "promote" makes a length-1 array of a number, "error" refuses it.
        string_policy: accepted for compatibility.
        regulararray: NumPy dimensions become regular dimensions (RegularArray).
        allow_str: accept a single ``str`` or ``bytes``.
        dict_as_columns: a dict of arrays becomes a record array with those columns.
        json_strings: a ``str`` is parsed as JSON.

    Returns:
        A layout node (``jaggy.contents.*``), or a layout record (``jaggy.record.Record``) when
        ``allow_record`` is True and the input is a single record.

    Example:
        >>> import jaggy
        >>> layout = jaggy.to_layout([[1, 2], [], [3]])
        >>> type(layout).__name__, layout.length
        ('ListOffsetArray', 3)
        >>> jaggy.to_layout(jaggy.Array([1.5, 2.5])).data.tolist()
        [1.5, 2.5]

    Raises:
        TypeError: the input cannot be converted (an unknown object, a record where none is
            allowed, a number with ``primitive_policy="error"``, a string with
            ``allow_str=False``).
    """
    from jaggy.highlevel import Array, Record
    from jaggy.layout import Content, RecordArray
    from jaggy.record import Record as LayoutRecord

    if isinstance(array, Array):
        return array.layout
    if isinstance(array, Record):
        array = array.layout
    if isinstance(array, LayoutRecord):
        if allow_record:
            return array
        msg = f"{public_caller('to_layout')}: a Record is not allowed here; an array is needed"
        raise TypeError(msg)
    if isinstance(array, Content):
        return array
    if isinstance(array, np.ndarray):
        from jaggy.operations.from_numpy import from_numpy

        return from_numpy(array, regulararray=regulararray, highlevel=False)
    if type(array).__module__.startswith("cupy") or getattr(type(array), "_jaggy_device_", None):
        from jaggy.operations.from_numpy import from_numpy

        return from_numpy(array, regulararray=regulararray, highlevel=False)
    if isinstance(array, str) and json_strings:
        import json

        return to_layout(json.loads(array), allow_record=allow_record)
    if isinstance(array, (str, bytes)) and not allow_str:
        msg = f"{public_caller('to_layout')}: cannot make an array from a single {type(array).__name__}: wrap it in a list"
        raise TypeError(msg)
    if isinstance(array, Mapping) and dict_as_columns:
        columns = [to_layout(v, allow_record=False, regulararray=regulararray) for v in array.values()]
        return RecordArray(columns, [str(k) for k in array], None if columns else 0)
    if isinstance(array, (Mapping, Iterable)) and use_from_iter:
        from jaggy.operations.from_iter import from_iter

        out = from_iter(array, allow_record=allow_record, highlevel=False)
        return out
    if isinstance(array, (np.generic, int, float, complex, bool)):
        if primitive_policy == "error":
            msg = f"{public_caller('to_layout')}: cannot make an array from a scalar ({type(array).__name__}); wrap it in a list"
            raise TypeError(msg)
        return to_layout(np.asarray([array]), allow_record=False)
    msg = f"{public_caller('to_layout')}: cannot convert {array!r} (type {type(array).__name__}) into an array"
    raise TypeError(msg)

__all__ = ["to_layout"]
