"""jaggy.from_arrow: see jaggy.io.arrow."""

from __future__ import annotations

from jaggy.io.arrow import from_arrow

__all__ = ["from_arrow"]
