"""jaggy.is_valid: whether validity_error finds nothing."""

from __future__ import annotations

from typing import Any


def is_valid(array: Any, *, exact: bool = False) -> bool:
    """True if the array's layout is consistent (see ``jaggy.validity_error``)."""
    from jaggy.operations.validity_error import validity_error

    return validity_error(array, exact=exact) == ""

__all__ = ["is_valid"]
