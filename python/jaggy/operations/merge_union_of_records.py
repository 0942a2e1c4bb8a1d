"""jaggy.merge_union_of_records (not implemented yet in this version of jaggy)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def merge_union_of_records(array: Any, axis: int = -1, *, highlevel: bool = True,
                           behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Turn a union of records at ``axis`` into one record type (missing fields as None).

    Not implemented yet in this version of jaggy.

    Raises:
        NotImplementedError: always, for now.
    """
    msg = "jaggy.merge_union_of_records is not implemented yet"
    raise NotImplementedError(msg)


__all__ = ["merge_union_of_records"]
