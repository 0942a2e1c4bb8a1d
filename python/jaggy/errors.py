"""Exceptions raised by jaggy.

Every error a user can trigger is one of these (or a plain TypeError for wrong argument types).
They subclass the built-in exception a NumPy or Awkward user would catch, so existing
``except ValueError`` / ``except IndexError`` code keeps working.
"""

from __future__ import annotations

try:
    from numpy.exceptions import AxisError as _NumpyAxisError
except ImportError:  # NumPy < 1.25
    from numpy import AxisError as _NumpyAxisError  # type: ignore[attr-defined,no-redef]


class JaggyError(Exception):
    """Base class of jaggy's own exceptions."""


class KernelError(JaggyError, ValueError):
    """A compiled kernel found invalid data (for example decreasing offsets)."""

    # set by jaggy._kernels when a kernel reports the error
    kernel: str
    index: int
    status: int


class KernelIndexError(JaggyError, IndexError):
    """A compiled kernel found an index out of range."""

    # set by jaggy._kernels when a kernel reports the error
    kernel: str
    index: int
    status: int


class AxisError(JaggyError, _NumpyAxisError):
    """An ``axis`` argument does not exist in the array.

    A ``numpy.exceptions.AxisError`` (so a ValueError and an IndexError), like Awkward's."""

    def __init__(self, msg: str) -> None:
        _NumpyAxisError.__init__(self, msg)


class FieldNotFoundError(JaggyError, KeyError, IndexError, AttributeError):
    """A record field was asked for that the array does not have."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class BackendError(JaggyError, RuntimeError):
    """A backend was asked for that is not available, or arrays on different backends met."""


def axis_depth_error(where: str, axis: int, depth: int) -> AxisError:
    """The AxisError for ``axis`` beyond an array of ``depth`` dimensions, raised by ``where``
    (e.g. ``"jaggy.flatten"``); one past the deepest axis adds a hint naming the deepest one."""
    msg = f"{where}: axis={axis} exceeds the depth of this array ({depth})"
    if depth >= 1 and axis == depth:
        msg += f"; did you mean axis={depth - 1}?"
    return AxisError(msg)
