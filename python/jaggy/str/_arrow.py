"""The pyarrow bridge used by jaggy.str's regular-expression functions (imported lazily).

Regular expressions follow RE2's syntax (as in Awkward, which calls Arrow); jaggy has no regex
kernels, so these functions hand the packed string buffers to ``pyarrow.compute`` without copying
and turn the results back into layout nodes. pyarrow is imported only when such a function is
called: ``import jaggy.str`` works without it.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from jaggy.str._util import lists_of, make_strings, numbers, packed


def compute(name: str) -> Any:
    """``pyarrow.compute``, or an ImportError naming the jaggy.str function that needs it."""
    try:
        import pyarrow.compute as pc
    except ImportError as err:
        msg = f"jaggy.str.{name} uses pyarrow for regular expressions: pip install pyarrow"
        raise ImportError(msg) from err
    return pc


def to_arrow(node: Any, kind: str, name: str) -> Any:
    """The strings of a string node as a pyarrow large_string (or large_binary) array, zero copy."""
    compute(name)
    import pyarrow as pa

    offsets, chars = packed(node)
    typ = pa.large_string() if kind == "string" else pa.large_binary()
    return pa.Array.from_buffers(typ, len(offsets) - 1, [None, pa.py_buffer(np.ascontiguousarray(offsets)),
                                                         pa.py_buffer(np.ascontiguousarray(chars))])


def from_arrow(array: Any, kind: str, backend: Any) -> Any:
    """A layout node from a null-free pyarrow result: booleans/integers, strings, or lists of strings."""
    import pyarrow as pa

    typ = array.type
    if pa.types.is_struct(typ):
        return _from_struct(array, kind, backend)
    if pa.types.is_boolean(typ) or pa.types.is_integer(typ):
        return numbers(np.asarray(array.to_numpy(zero_copy_only=False)), backend)
    if pa.types.is_list(typ) or pa.types.is_large_list(typ):
        array = array.cast(pa.large_list(array.type.value_type))
        offsets = np.asarray(array.offsets.to_numpy(), dtype=np.int64)
        values = array.values
        base = int(offsets[0])
        inner = from_arrow(values.slice(base, int(offsets[-1]) - base), kind, backend)
        return lists_of(offsets - base, inner, backend)
    array = array.cast(pa.large_string() if kind == "string" else pa.large_binary())
    bufs = array.buffers()
    n = len(array)
    offsets = np.frombuffer(bufs[1], dtype=np.int64, count=n + 1, offset=array.offset * 8).copy()
    data = np.frombuffer(bufs[2], dtype=np.uint8) if bufs[2] is not None else np.zeros(0, np.uint8)
    chars = data[int(offsets[0]):int(offsets[-1])].copy()
    return make_strings(offsets - offsets[0], chars, kind, backend)


def _from_struct(array: Any, kind: str, backend: Any) -> Any:
    """An optional record (None where the struct is null) of optional-typed string fields."""
    from jaggy.index import Index64
    from jaggy.layout import IndexedOptionArray, RecordArray, UnmaskedArray

    valid = np.asarray(array.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
    kept = array.filter(array.is_valid())
    fields = [typ.name for typ in array.type]
    contents = [UnmaskedArray(from_arrow(kept.field(i), kind, backend)) for i in range(len(fields))]
    record = RecordArray(contents, fields, length=len(kept))
    index = np.full(len(valid), -1, dtype=np.int64)
    index[valid] = np.arange(int(valid.sum()), dtype=np.int64)
    return IndexedOptionArray(Index64._wrap(index, backend), record)


def regex_function(name: str, pc_name: str, **options: Any) -> Any:
    """A string-node function applying ``pyarrow.compute.<pc_name>`` with the given options."""
    def fn(node: Any, kind: str) -> Any:
        pc = compute(name)
        result = getattr(pc, pc_name)(to_arrow(node, kind, name), **options)
        return from_arrow(result, kind, node.backend)

    return fn


__all__ = ["compute", "from_arrow", "regex_function", "to_arrow"]
