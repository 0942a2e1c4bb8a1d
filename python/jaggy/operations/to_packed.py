"""jaggy.to_packed: the same array with its buffers compacted (no unreachable data)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def to_packed(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
              attrs: Mapping | None = None) -> Any:
    """Rewrite the layout so that offsets start at 0, gathers are applied and buffers hold only
    the data the array can reach."""
    from jaggy.operations.to_layout import to_layout

    return finish(to_layout(array, allow_record=True).to_packed(), highlevel, array,
                  behavior=behavior, attrs=attrs)

__all__ = ["to_packed"]
