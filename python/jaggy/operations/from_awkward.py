"""jaggy.from_awkward: see jaggy.io.awkward."""

from __future__ import annotations

from jaggy.io.awkward import from_awkward

__all__ = ["from_awkward"]
