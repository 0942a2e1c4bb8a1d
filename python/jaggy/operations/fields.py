"""jaggy.fields: the record field names of an array."""

from __future__ import annotations

from typing import Any


def fields(array: Any) -> list[str]:
    """Field names of the records in ``array`` (``[]`` if it has none; "0", "1", ... for tuples)."""
    from jaggy.operations.to_layout import to_layout

    return to_layout(array).fields

__all__ = ["fields"]
