"""Behavior lookup: which Python class wraps a layout, by its ``__list__`` / ``__record__`` name.

``jaggy.behavior`` (global) and an array's own ``behavior`` dict map names to classes, as in
Awkward: ``behavior[name]`` is the Record subclass for records named ``name`` (or the Array
subclass for lists with ``__list__ = name``), and ``behavior["*", name]`` the Array subclass for
arrays of such records at any depth.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def merged(behavior: Mapping | None) -> Mapping:
    import jaggy

    if not behavior:
        return jaggy.behavior
    if not jaggy.behavior:
        return behavior
    return {**jaggy.behavior, **behavior}


def array_class(layout: Any, behavior: Mapping | None) -> type:
    """The Array subclass for ``layout`` (jaggy.Array when no behavior names one)."""
    from jaggy.highlevel import Array

    b = merged(behavior)
    if not b:
        return Array
    name = layout.parameter("__list__")
    if isinstance(name, str) and isinstance(b.get(name), type) and issubclass(b[name], Array):
        return b[name]
    node = layout
    while True:
        if node.is_record:
            name = node.parameter("__record__")
            cls = b.get(("*", name)) if isinstance(name, str) else None
            return cls if isinstance(cls, type) and issubclass(cls, Array) else Array
        if node.is_list or node.is_option or node.is_indexed:
            node = node.content
        else:
            return Array


def record_class(record: Any, behavior: Mapping | None) -> type:
    """The Record subclass for a layout record (jaggy.Record when no behavior names one)."""
    from jaggy.highlevel import Record

    b = merged(behavior)
    name = record.array.parameter("__record__")
    cls = b.get(name) if b and isinstance(name, str) else None
    return cls if isinstance(cls, type) and issubclass(cls, Record) else Record
