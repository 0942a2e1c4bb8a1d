"""jaggy.enforce_type (not implemented yet in this version of jaggy)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def enforce_type(array: Any, type: Any, *, highlevel: bool = True,
                 behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Convert ``array`` to the given type (a type object or a type string).

    Not implemented yet in this version of jaggy.

    Raises:
        NotImplementedError: always, for now.
    """
    msg = "jaggy.enforce_type is not implemented yet"
    raise NotImplementedError(msg)


__all__ = ["enforce_type"]
