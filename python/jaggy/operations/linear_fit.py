"""jaggy.linear_fit: the least-squares line fit of y against x along an axis (not implemented yet)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["linear_fit"]


def linear_fit(
    x: Any,
    y: Any,
    weight: Any = None,
    axis: int | None = None,
    *,
    keepdims: bool = False,
    mask_identity: bool = False,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """The least-squares line fit of y against x along an axis, like Awkward's.

    Not implemented yet: it needs element-wise broadcasting between arrays (issue 4, part 1),
    which this version of jaggy lacks.

    Example:
        >>> import jaggy as ak
        >>> ak.linear_fit  # doctest: +ELLIPSIS
        <function linear_fit at ...>

    Raises:
        NotImplementedError: always, in this version.
    """
    msg = "jaggy.linear_fit is not implemented yet (it needs broadcasting between arrays)"
    raise NotImplementedError(msg)
