"""jaggy.dask: jaggy arrays partitioned along axis 0 and computed by Dask.

Dask is imported only here (``import jaggy`` does not import it). A ``jaggy.dask.Array`` is a Dask
collection: each partition is a jaggy.Array computed by one task, and its ``meta`` (a length-0
jaggy.Array) gives the type without computing.

Before running, ``__dask_optimize__`` (``_projection.optimize``) reads from each Parquet source only
the (possibly nested) fields that the result depends on (never zero columns), and fuses chains of
partition-wise operations into one task per partition (``_fusion``). Reductions along axis 0/None
are tree reductions (``_tree``, ``_reductions``); other jaggy functions run partition-wise
(``_operations``, ``_functions``, ``map_partitions``); errors name the partition.

Example:
    >>> import jaggy, jaggy.dask
    >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[1.0, 2.0], [], [3.0]]), npartitions=2)
    >>> jaggy.dask.sum(arr, axis=1).compute().to_list()
    [3.0, 0.0, 3.0]
"""

from __future__ import annotations

from jaggy.dask._core import Array, Scalar, map_partitions
from jaggy.dask._functions import (
    argcartesian,
    argcombinations,
    argsort,
    cartesian,
    concatenate,
    count_nonzero,
    drop_none,
    fill_none,
    flatten,
    from_regular,
    is_none,
    isclose,
    local_index,
    mask,
    moment,
    nan_to_num,
    pad_none,
    ptp,
    ravel,
    run_lengths,
    singletons,
    softmax,
    sort,
    strings_astype,
    to_packed,
    to_regular,
    unflatten,
    unzip,
    values_astype,
    where,
    with_field,
    with_name,
    with_parameter,
    without_field,
    without_parameters,
    zip,
)
from jaggy.dask._io import from_jaggy, from_parquet
from jaggy.dask._operations import combinations, count, firsts, max, mean, min, num, sum
from jaggy.dask._reductions import all, any, argmax, argmin, prod, std, var
from jaggy.dask._sources import from_delayed, from_json, from_map
from jaggy.dask._writers import to_parquet

__all__ = [
    "Array",
    "Scalar",
    "all",
    "any",
    "argcartesian",
    "argcombinations",
    "argmax",
    "argmin",
    "argsort",
    "cartesian",
    "combinations",
    "concatenate",
    "count",
    "count_nonzero",
    "drop_none",
    "fill_none",
    "firsts",
    "flatten",
    "from_delayed",
    "from_jaggy",
    "from_json",
    "from_map",
    "from_parquet",
    "from_regular",
    "is_none",
    "isclose",
    "local_index",
    "map_partitions",
    "mask",
    "max",
    "mean",
    "min",
    "moment",
    "nan_to_num",
    "num",
    "pad_none",
    "prod",
    "ptp",
    "ravel",
    "run_lengths",
    "singletons",
    "softmax",
    "sort",
    "std",
    "strings_astype",
    "sum",
    "to_packed",
    "to_parquet",
    "to_regular",
    "unflatten",
    "unzip",
    "values_astype",
    "var",
    "where",
    "with_field",
    "with_name",
    "with_parameter",
    "without_field",
    "without_parameters",
    "zip",
]
