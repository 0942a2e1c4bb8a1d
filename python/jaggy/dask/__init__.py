"""jaggy.dask: jaggy arrays partitioned along axis 0 and computed by Dask.

Dask is imported only here (``import jaggy`` does not import it). A ``jaggy.dask.Array`` is a Dask
collection: each partition is a jaggy.Array computed by one task, and its ``meta`` (a length-0
jaggy.Array) gives the type without computing.

Example:
    >>> import jaggy, jaggy.dask
    >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[1.0, 2.0], [], [3.0]]), npartitions=2)
    >>> jaggy.dask.sum(arr, axis=1).compute().to_list()
    [3.0, 0.0, 3.0]
"""

from __future__ import annotations

from jaggy.dask._core import Array, Scalar, map_partitions
from jaggy.dask._io import from_jaggy, from_parquet
from jaggy.dask._operations import combinations, count, firsts, max, mean, min, num, sum

__all__ = [
    "Array", "Scalar", "combinations", "count", "firsts", "from_jaggy", "from_parquet", "map_partitions",
    "max", "mean", "min", "num", "sum",
]
