"""jaggy.to_feather: Feather (Arrow IPC) files through pyarrow.feather (see jaggy.io.feather)."""

from __future__ import annotations

from jaggy.io.feather import to_feather

__all__ = ["to_feather"]
