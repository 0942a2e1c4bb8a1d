"""jaggy.with_field (to be completed with the structure operations)."""

from __future__ import annotations

from typing import Any


def with_field(array: Any, what: Any, where: Any = None, *, highlevel: bool = True,
               behavior: Any = None, attrs: Any = None) -> Any:
    """Add or replace a field. Not implemented yet in this version of jaggy."""
    msg = "jaggy.with_field is not implemented yet"
    raise NotImplementedError(msg)

__all__ = ["with_field"]
