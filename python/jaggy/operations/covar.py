"""jaggy.covar: the covariance of x and y along an axis (not implemented yet)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["covar"]


def covar(
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
    """The covariance of x and y along an axis, like Awkward's.

    Not implemented yet: it needs element-wise broadcasting between arrays (issue 4, part 1),
    which this version of jaggy lacks.

    Example:
        >>> import jaggy as ak
        >>> ak.covar  # doctest: +ELLIPSIS
        <function covar at ...>

    Raises:
        NotImplementedError: always, in this version.
    """
    msg = "jaggy.covar is not implemented yet (it needs broadcasting between arrays)"
    raise NotImplementedError(msg)
