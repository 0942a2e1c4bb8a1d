"""jaggy.is_valid: whether validity_error finds nothing."""

from __future__ import annotations

from typing import Any


def is_valid(array: Any, *, exception: bool = False) -> bool:
    """True if the array's layout is consistent (see ``jaggy.validity_error``).

    Parameters: ``array``; ``exception``: raise a ``ValueError`` describing the first problem
    instead of returning False.

    Example: ``jaggy.is_valid(jaggy.Array([[1, 2], []]))`` → ``True``.

    Errors: ``ValueError`` (prefixed ``jaggy.is_valid:``) with ``exception=True`` when the layout
    is not valid; ``TypeError`` for inputs that are not arrays.
    """
    from jaggy.operations.validity_error import validity_error

    error = validity_error(array)
    if error and exception:
        msg = f"jaggy.is_valid: {error}"
        raise ValueError(msg)
    return error == ""


__all__ = ["is_valid"]
