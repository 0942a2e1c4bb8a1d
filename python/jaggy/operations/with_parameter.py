"""jaggy.with_parameter: set one parameter on the outermost node of an array."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def with_parameter(array: Any, parameter: str, value: Any, *, highlevel: bool = True,
                   behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Return ``array`` with ``parameter`` set to ``value`` on its outermost layout node.

    Args:
        array: any array.
        parameter: the parameter name (e.g. ``"__array__"``, ``"__record__"`` or your own).
        value: any JSON-like value; None removes the parameter.
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The same data with the new parameter (no data is copied).

    Example:
        >>> jaggy.parameters(jaggy.with_parameter([1, 2], "unit", "m"))
        {'unit': 'm'}

    Raises:
        TypeError: ``parameter`` is not a string.
    """
    from jaggy.operations._wrap import finish
    from jaggy.operations.to_layout import to_layout

    if not isinstance(parameter, str):
        msg = f"jaggy.with_parameter: parameter must be a string, not {type(parameter).__name__}"
        raise TypeError(msg)
    layout = to_layout(array, allow_record=False)
    if layout.is_unknown:  # an unknown type holds no parameters (Awkward leaves it as is)
        return finish(layout, highlevel, array, behavior=behavior, attrs=attrs)
    return finish(layout.with_parameter(parameter, value), highlevel, array, behavior=behavior,
                  attrs=attrs)


__all__ = ["with_parameter"]
