"""jaggy: nested, variable-length data with NumPy-like idioms.

Arrays of lists, records and missing values are held column-wise (offsets, content, masks) and
processed by compiled kernels. The API is Awkward Array 2.x's, so ``import jaggy as ak`` runs
code written for Awkward.
"""

from __future__ import annotations

import os as _os
from typing import TYPE_CHECKING, Any

# OpenMP threads that finish a parallel loop early spin before they sleep. When another process
# holds the second core, the spinning thread and the one it waits for share a core and the wait
# lasts a scheduler tick (4-8 ms for a 0.4 ms kernel, measured). A short spin avoids that and
# costs a few microseconds per loop on an idle machine. Read by libgomp when jaggy._ext loads;
# the user's own OMP_WAIT_POLICY / GOMP_SPINCOUNT win.
if "OMP_WAIT_POLICY" not in _os.environ:
    _os.environ.setdefault("GOMP_SPINCOUNT", "1000")

if TYPE_CHECKING:  # the jaggy.<operation> functions are collected when jaggy.operations loads
    import builtins

    def __getattr__(name: builtins.str) -> Any: ...
else:
    def __getattr__(name: str) -> Any:
        """``jaggy.numba`` loads on first use (as ``ak.numba`` is there after ``import awkward``),
        so ``import jaggy`` itself never imports Numba."""
        if name == "numba":
            import jaggy.numba as numba_module

            return numba_module
        msg = f"module 'jaggy' has no attribute {name!r}"
        raise AttributeError(msg)

from jaggy import behaviors, contents, errors, forms, index, layout, record, types
from jaggy import str as str  # jaggy.str (ak.str); not in __all__, so "import *" keeps builtins.str
from jaggy._threads import _init_from_environment, get_num_threads, set_num_threads
from jaggy.builder import ArrayBuilder
from jaggy.highlevel import Array, Record
from jaggy.io.buffers import from_buffers, to_buffers
from jaggy.operations import *  # noqa: F403  (one public function per module)
from jaggy.operations import __all__ as _operations

__version__ = "0.1.0"


_init_from_environment()

#: Global behaviors (record and array classes by name, ufunc overloads); Awkward's ak.behavior.
behavior: dict = {}

__all__ = [
    "Array", "ArrayBuilder", "Record", "behavior", "behaviors", "contents", "errors", "forms", "from_buffers",
    "get_num_threads", "index", "layout", "record", "set_num_threads", "to_buffers", "types",
    *_operations,
]
