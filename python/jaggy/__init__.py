"""jaggy: nested, variable-length data with NumPy-like idioms.

Arrays of lists, records and missing values are held column-wise (offsets, content, masks) and
processed by compiled kernels. The API is Awkward Array 2.x's, so ``import jaggy as ak`` runs
code written for Awkward.
"""

from __future__ import annotations

from jaggy import contents, errors, forms, index, layout, record, types
from jaggy.builder import ArrayBuilder
from jaggy.highlevel import Array, Record
from jaggy.io.buffers import from_buffers, to_buffers
from jaggy.operations import (
    backend,
    copy,
    fields,
    from_iter,
    from_numpy,
    is_valid,
    to_backend,
    to_layout,
    to_list,
    to_numpy,
    to_packed,
    type,
    validity_error,
    with_name,
)

__version__ = "0.1.0"

#: Global behaviors (record and array classes by name, ufunc overloads); Awkward's ak.behavior.
behavior: dict = {}

__all__ = [
    "Array", "ArrayBuilder", "Record", "backend", "behavior", "contents", "copy", "errors",
    "fields", "forms", "from_buffers", "from_iter", "from_numpy", "index", "is_valid", "layout",
    "record", "to_backend", "to_buffers", "to_layout", "to_list", "to_numpy", "to_packed",
    "type", "types", "validity_error", "with_name",
]
