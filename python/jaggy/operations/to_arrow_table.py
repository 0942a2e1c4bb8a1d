"""jaggy.to_arrow_table: see jaggy.io.arrow."""

from __future__ import annotations

from jaggy.io.arrow import to_arrow_table

__all__ = ["to_arrow_table"]
