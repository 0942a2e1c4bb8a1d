"""Forms: the structure of a layout without its buffers, serialisable as Awkward Form JSON.

Each layout node class has a Form class with the same structure (its index types,
children, parameters and ``form_key``). ``to_dict``/``to_json``/``from_dict``/
``from_json`` use exactly Awkward Array 2.x's Form JSON.
"""

from __future__ import annotations

from jaggy.forms._base import Form, index_to_dtype, reserved_nominal_parameters
from jaggy.forms._convert import from_dict, from_json, from_type
from jaggy.forms._nodes import (
    BitMaskedForm,
    ByteMaskedForm,
    EmptyForm,
    IndexedForm,
    IndexedOptionForm,
    ListForm,
    ListOffsetForm,
    NumpyForm,
    RecordForm,
    RegularForm,
    UnionForm,
    UnmaskedForm,
    from_dtype,
)
from jaggy.types import dtype_to_primitive, primitive_to_dtype, unknown_length

__all__ = [
    "BitMaskedForm",
    "ByteMaskedForm",
    "EmptyForm",
    "Form",
    "IndexedForm",
    "IndexedOptionForm",
    "ListForm",
    "ListOffsetForm",
    "NumpyForm",
    "RecordForm",
    "RegularForm",
    "UnionForm",
    "UnmaskedForm",
    "dtype_to_primitive",
    "from_dict",
    "from_dtype",
    "from_json",
    "from_type",
    "index_to_dtype",
    "primitive_to_dtype",
    "reserved_nominal_parameters",
    "unknown_length",
]
