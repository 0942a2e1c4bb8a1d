"""Awkward-compatible name for the layout node classes (``jaggy.contents.ListOffsetArray`` ...)."""

from __future__ import annotations

from jaggy.layout import *  # noqa: F403
from jaggy.layout import __all__  # noqa: F401
