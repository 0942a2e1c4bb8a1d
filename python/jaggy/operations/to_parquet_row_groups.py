"""jaggy.to_parquet_row_groups: see jaggy.io.parquet."""

from __future__ import annotations

from jaggy.io.parquet import to_parquet_row_groups

__all__ = ["to_parquet_row_groups"]
