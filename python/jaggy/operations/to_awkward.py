"""jaggy.to_awkward: see jaggy.io.awkward."""

from __future__ import annotations

from jaggy.io.awkward import to_awkward

__all__ = ["to_awkward"]
