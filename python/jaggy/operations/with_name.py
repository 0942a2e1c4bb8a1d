"""jaggy.with_name: give the outermost records a name (the ``__record__`` parameter)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def _rename(layout: Any, name: str | None) -> Any:
    if layout.is_record:
        params = dict(layout.parameters)
        if name is None:
            params.pop("__record__", None)
        else:
            params["__record__"] = name
        return layout.copy(parameters=params)
    if layout.is_union:
        return layout.copy(contents=[_rename(c, name) for c in layout.contents])
    if hasattr(layout, "content") and not layout.is_numpy:
        return layout.copy(content=_rename(layout.content, name))
    msg = f"with_name: the array has no records to name (type {layout.form.type})"
    raise ValueError(msg)


def with_name(array: Any, name: str | None, *, highlevel: bool = True,
              behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Set ``__record__`` = ``name`` on the outermost records (``None`` removes it)."""
    from jaggy.operations.to_layout import to_layout

    return finish(_rename(to_layout(array, allow_record=False), name), highlevel, array,
                  behavior=behavior, attrs=attrs)

__all__ = ["with_name"]
