"""jaggy.from_arrow_schema: see jaggy.io.arrow."""

from __future__ import annotations

from jaggy.io.arrow import from_arrow_schema

__all__ = ["from_arrow_schema"]
