"""jaggy.from_feather: Feather (Arrow IPC) files through pyarrow.feather (see jaggy.io.feather)."""

from __future__ import annotations

from jaggy.io.feather import from_feather

__all__ = ["from_feather"]
