"""jaggy.to_arrow: see jaggy.io.arrow."""

from __future__ import annotations

from jaggy.io.arrow import to_arrow

__all__ = ["to_arrow"]
