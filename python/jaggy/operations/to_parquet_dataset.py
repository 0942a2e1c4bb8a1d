"""jaggy.to_parquet_dataset: see jaggy.io.parquet."""

from __future__ import annotations

from jaggy.io.parquet import to_parquet_dataset

__all__ = ["to_parquet_dataset"]
