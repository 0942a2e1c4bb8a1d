"""jaggy.metadata_from_parquet: see jaggy.io.parquet."""

from __future__ import annotations

from jaggy.io.parquet import metadata_from_parquet

__all__ = ["metadata_from_parquet"]
