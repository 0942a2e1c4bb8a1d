"""jaggy.to_parquet: see jaggy.io.parquet."""

from __future__ import annotations

from jaggy.io.parquet import to_parquet

__all__ = ["to_parquet"]
