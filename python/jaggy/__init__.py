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
from jaggy.operations import *  # noqa: F403  (one public function per module)
from jaggy.operations import __all__ as _operations

__version__ = "0.1.0"

#: Global behaviors (record and array classes by name, ufunc overloads); Awkward's ak.behavior.
behavior: dict = {}

__all__ = [
    "Array", "ArrayBuilder", "Record", "behavior", "contents", "errors", "forms", "from_buffers",
    "index", "layout", "record", "to_buffers", "types", *_operations,
]
