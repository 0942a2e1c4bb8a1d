"""jaggy.with_name: give the outermost records a name (the ``__record__`` parameter)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def _rename(layout: Any, name: str | None) -> Any:
    """``layout`` with the first records met on every path renamed (other nodes are kept)."""
    if layout.is_record:
        params = dict(layout.parameters)
        if name is None:
            params.pop("__record__", None)
        else:
            params["__record__"] = name
        return layout.copy(parameters=params)
    if layout.is_union:
        return layout.copy(contents=[_rename(c, name) for c in layout.contents])
    if layout.is_numpy or layout.is_unknown:
        return layout
    content = _rename(layout.content, name)
    return layout if content is layout.content else layout.copy(content=content)


def with_name(array: Any, name: str | None, *, highlevel: bool = True,
              behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Name the outermost records of ``array`` (their ``__record__`` parameter).

    Parameters:
        array: an Array, Record, layout or anything ``jaggy.to_layout`` accepts.
        name: the new record name, or None to remove it.
        highlevel: return an Array/Record (True) or a layout (False).
        behavior: behavior of the result (default: the input's); with a behavior naming
            ``name`` the result takes its classes (``behavior[name]``, ``behavior["*", name]``).
        attrs: attrs of the result (default: the input's).

    Returns:
        ``array`` with every record reached through lists, options, indexes and unions (but not
        records nested inside records) named ``name``; arrays without records are unchanged.

    >>> import jaggy
    >>> str(jaggy.with_name(jaggy.Array([{"x": 1}, {"x": 2}]), "Point").type)
    '2 * Point[x: int64]'

    Raises:
        TypeError: ``name`` is neither a string nor None.
    """
    from jaggy.operations.to_layout import to_layout
    from jaggy.record import Record as LayoutRecord

    if name is not None and not isinstance(name, str):
        msg = f"jaggy.with_name: name must be a string or None, not {type(name).__name__}"
        raise TypeError(msg)
    layout = to_layout(array, allow_record=True)
    if isinstance(layout, LayoutRecord):
        out = LayoutRecord(_rename(layout.array, name), layout.at)
    else:
        out = _rename(layout, name)
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)

__all__ = ["with_name"]
