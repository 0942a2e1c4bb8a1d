"""Helpers shared by the operations: unwrapping arguments and wrapping results."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_highlevel: Any = None


def _hl() -> Any:
    global _highlevel
    if _highlevel is None:
        import jaggy.highlevel

        _highlevel = jaggy.highlevel
    return _highlevel


def behavior_attrs(*arrays: Any, behavior: Mapping | None = None,
                   attrs: Mapping | None = None) -> tuple[Mapping | None, Mapping | None]:
    """The behavior and attrs of a result: the explicit ones, else those of the first input."""
    hl = _highlevel or _hl()
    kinds = (hl.Array, hl.Record)
    for a in arrays:
        if isinstance(a, kinds):
            if behavior is None:
                behavior = a._behavior
            if attrs is None:
                attrs = a._attrs
    return behavior, attrs


def finish(layout: Any, highlevel: bool, *inputs: Any, behavior: Mapping | None = None,
           attrs: Mapping | None = None) -> Any:
    """Return a layout as the caller asked: a layout, or an Array/Record with behavior and attrs."""
    if not highlevel:
        return layout
    hl = _highlevel or _hl()
    behavior, attrs = behavior_attrs(*inputs, behavior=behavior, attrs=attrs)
    return hl.wrap(layout, behavior, attrs)
