"""jaggy.from_parquet: see jaggy.io.parquet."""

from __future__ import annotations

from jaggy.io.parquet import from_parquet

__all__ = ["from_parquet"]
