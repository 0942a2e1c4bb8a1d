"""jaggy.softmax: the softmax of the values along an axis: exp(x) / sum(exp(x)) (not implemented yet)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["softmax"]


def softmax(
    x: Any,
    axis: int | None = None,
    *,
    keepdims: bool = False,
    mask_identity: bool = False,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """The softmax of the values along an axis: exp(x) / sum(exp(x)), like Awkward's.

    Not implemented yet: it needs element-wise broadcasting between arrays (issue 4, part 1),
    which this version of jaggy lacks.

    Example:
        >>> import jaggy as ak
        >>> ak.softmax  # doctest: +ELLIPSIS
        <function softmax at ...>

    Raises:
        NotImplementedError: always, in this version.
    """
    msg = "jaggy.softmax is not implemented yet (it needs broadcasting between arrays)"
    raise NotImplementedError(msg)
