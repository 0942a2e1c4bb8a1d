"""The public jaggy.* functions, one per module."""

from __future__ import annotations

from jaggy.operations.backend import backend
from jaggy.operations.copy import copy
from jaggy.operations.fields import fields
from jaggy.operations.from_iter import from_iter
from jaggy.operations.from_numpy import from_numpy
from jaggy.operations.is_valid import is_valid
from jaggy.operations.to_backend import to_backend
from jaggy.operations.to_layout import to_layout
from jaggy.operations.to_list import to_list
from jaggy.operations.to_numpy import to_numpy
from jaggy.operations.to_packed import to_packed
from jaggy.operations.type import type
from jaggy.operations.validity_error import validity_error
from jaggy.operations.with_name import with_name

__all__ = [
    "backend", "copy", "fields", "from_iter", "from_numpy", "is_valid", "to_backend",
    "to_layout", "to_list", "to_numpy", "to_packed", "type", "validity_error", "with_name",
]
