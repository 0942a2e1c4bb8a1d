"""The public function a user called, for error messages raised deep inside shared helpers.

``to_layout`` and ``from_iter`` are used by nearly every operation; when they reject an input,
the message should name the function the user called (``jaggy.ravel: cannot convert ...``), not
the helper. The stack is only inspected on that error path, so calls that succeed pay nothing.
"""

from __future__ import annotations

import sys
from types import FrameType

_PREFIX = "jaggy.operations."


def public_caller(default: str) -> str:
    """``jaggy.<name>`` of the outermost public operation on the stack, else ``jaggy.<default>``."""
    name = default
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.startswith(_PREFIX):
            short = module[len(_PREFIX):]
            if frame.f_code.co_name == short or frame.f_code.co_name in frame.f_globals.get("__all__", ()):
                name = frame.f_code.co_name
        frame = frame.f_back
    return f"jaggy.{name}"
