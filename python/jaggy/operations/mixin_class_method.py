"""jaggy.mixin_class_method: mark a method of a mixin class as a ufunc override."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any


def _call_transposed(method: Callable, left: Any, right: Any) -> Any:
    return method(right, left)


def mixin_class_method(ufunc: Any, rhs: set | None = None, *, transpose: bool = True) -> Any:
    """A method decorator: ``jaggy.mixin_class`` registers the method as the override of
    ``ufunc`` for its class's records.

    Parameters:
        ufunc: the NumPy ufunc (or other function hooked by behaviors) to override.
        rhs: for binary ufuncs, the set of right-hand-side types accepted besides the class
            itself: record names (strings) or Python/NumPy types (matched by subclass); None
            for a unary override.
        transpose: also register ``(ufunc, other, name)`` calling the method with its arguments
            swapped, so that ``other + record`` works like ``record + other``.

    Returns:
        a decorator that tags the method and returns it unchanged; registration happens when the
        class is decorated with ``jaggy.mixin_class``, also for classes derived from it.

    >>> import numpy as np, jaggy
    >>> behavior = {}
    >>> @jaggy.mixin_class(behavior)
    ... class Money:
    ...     @jaggy.mixin_class_method(np.negative)
    ...     def negate(self):
    ...         return jaggy.zip({"cents": -self.cents}, with_name="Money")
    >>> (np.negative, "Money") in behavior
    True

    Raises:
        ValueError: ``rhs`` is neither a set nor None.
    """
    if rhs is not None and not isinstance(rhs, set):
        msg = "jaggy.mixin_class_method: expected a set of right-hand-side argument types (rhs)"
        raise ValueError(msg)

    def register(method: Callable) -> Callable:
        if transpose and rhs is not None:
            spec: tuple[Any, set | None, Callable | None] = (ufunc, set(rhs), functools.partial(_call_transposed, method))
        else:
            spec = (ufunc, rhs, None)
        method._jaggy_mixin = spec  # type: ignore[attr-defined]
        return method

    return register


__all__ = ["mixin_class_method"]
