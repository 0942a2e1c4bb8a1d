"""jaggy.without_field (to be completed with the structure operations)."""

from __future__ import annotations

from typing import Any


def without_field(array: Any, where: Any, *, highlevel: bool = True, behavior: Any = None,
                  attrs: Any = None) -> Any:
    """Remove a field. Not implemented yet in this version of jaggy."""
    msg = "jaggy.without_field is not implemented yet"
    raise NotImplementedError(msg)

__all__ = ["without_field"]
