"""jaggy.enforce_type: convert an array to a given type."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def enforce_type(array: Any, type: Any, *, highlevel: bool = True,
                 behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Convert ``array`` to the given type (a type object or a type string).

    The conversions allowed are: changing parameters; adding an option (``T`` to ``?T``) or
    removing one (only if nothing is missing); changing a number's dtype; ``var * T`` to
    ``N * T`` (all lists of length ``N``) and back; adding option-type fields to a record
    (filled with None), dropping fields, reordering them, adding option-type slots to the end
    of a tuple; unknown to any type and any type to ``?unknown`` (all None); a union to one
    of its contents' types (converting every content, or projecting out the one content
    that is used), to a union with one changed content, with more contents or with fewer
    (unused) contents; a non-union to a union that has its type among its contents.

    Args:
        array: any array (or record).
        type: a low-level ``jaggy.types.Type`` or a type string such as ``"var * ?float64"``
            (without the array's length).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The array with type ``type``.

    Example:
        >>> print(jaggy.enforce_type(jaggy.Array([[1, 2], [3, 4]]), "2 * float64").type)
        2 * 2 * float64

    Raises:
        TypeError: the conversion is impossible for these types (a high-level
            ``ArrayType`` is given, records to numbers, adding a non-option field...).
        ValueError: the data does not allow it (missing values where the option is removed,
            lists of other lengths than a regular size, union entries that would be lost).
    """
    from jaggy import types as _t
    from jaggy._enforce_type import convert
    from jaggy.operations._wrap import finish
    from jaggy.operations.to_layout import to_layout
    from jaggy.record import Record

    target = type
    if isinstance(target, str):
        target = _t.from_datashape(target, highlevel=False)
    if isinstance(target, (_t.ArrayType, _t.ScalarType)):
        msg = ("jaggy.enforce_type: high-level types (ArrayType, ScalarType) are not supported; "
               "pass the low-level type instead (for example array.type.content)")
        raise TypeError(msg)
    if not isinstance(target, _t.Type):
        msg = f"jaggy.enforce_type: type must be a jaggy type or a type string, not {target!r}"
        raise TypeError(msg)
    layout = to_layout(array, allow_record=True)
    if isinstance(layout, Record):
        out = Record(convert(layout.array._getitem_range(layout.at, layout.at + 1), target), 0)
    else:
        out = convert(layout, target)
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["enforce_type"]
