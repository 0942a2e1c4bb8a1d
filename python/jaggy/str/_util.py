"""Shared machinery of jaggy.str: finding the strings in a layout and rebuilding string nodes.

A string node is a list node with parameter ``__array__`` ``"string"`` (UTF-8 text over uint8
``"char"`` content) or ``"bytestring"`` (bytes over ``"byte"`` content). Every jaggy.str function
walks the layout to its string nodes (through options, indexes, records, unions and lists of
strings) and replaces each of them with a node of the same length; the walk is proportional to the
number of layout nodes. Inside a string node the work is done on packed ``(offsets, chars)``
buffers by the kernels of ``kernels/spec/strings.yaml`` and vectorized NumPy.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

CHAR_PARAMETER = {"string": "char", "bytestring": "byte"}


def kind_of(node: Any) -> str | None:
    """``"string"``, ``"bytestring"`` or None for a node that is not a list of characters."""
    if node.is_list:
        kind = node.parameter("__array__")
        if kind in CHAR_PARAMETER:
            return kind
    return None


def packed(node: Any) -> tuple[np.ndarray, np.ndarray]:
    """The strings of ``node`` as int64 offsets starting at 0 and the uint8 characters they span."""
    xp = node.backend.xp
    lo = node.to_ListOffsetArray64()
    offsets = xp.asarray(lo.offsets.data, dtype=xp.int64)
    chars = xp.asarray(lo.content.data).view(xp.uint8).reshape(-1)
    first, last = int(offsets[0]), int(offsets[-1])
    if first != 0 or last != len(chars):
        chars = chars[first:last]
        offsets = offsets - first
    return offsets, chars


def make_strings(offsets: Any, chars: Any, kind: str, backend: Any) -> Any:
    """A ListOffsetArray of strings (or bytestrings) over packed offsets and characters."""
    from jaggy.index import Index64
    from jaggy.layout import ListOffsetArray, NumpyArray

    xp = backend.xp
    content = NumpyArray(xp.asarray(chars, dtype=xp.uint8), parameters={"__array__": CHAR_PARAMETER[kind]},
                         backend=backend)
    return ListOffsetArray(Index64._wrap(xp.asarray(offsets, dtype=xp.int64), backend), content,
                           parameters={"__array__": kind})


def numbers(values: Any, backend: Any) -> Any:
    """A NumpyArray node of ``values``."""
    from jaggy.layout import NumpyArray

    return NumpyArray(values, backend=backend)


def lists_of(offsets: Any, content: Any, backend: Any) -> Any:
    """A ListOffsetArray of ``content`` with int64 ``offsets`` (no parameters)."""
    from jaggy.index import Index64
    from jaggy.layout import ListOffsetArray

    return ListOffsetArray(Index64._wrap(backend.xp.asarray(offsets, dtype=backend.xp.int64), backend), content)


def encode_text(value: Any, kind: str, name: str, what: str = "pattern") -> np.ndarray:
    """A str or bytes argument as a uint8 array (text is encoded as UTF-8)."""
    if isinstance(value, str):
        return np.frombuffer(value.encode("utf-8"), dtype=np.uint8)
    if isinstance(value, (bytes, bytearray)):
        return np.frombuffer(bytes(value), dtype=np.uint8)
    msg = f"jaggy.str.{name}: {what} must be a str or bytes, not {type(value).__name__}"
    raise TypeError(msg)


def rewalk(layout: Any, fn: Callable[[Any, str], Any], with_option: bool = False,
           stop: Callable[[Any], str | None] = kind_of) -> Any:
    """``layout`` with every string node replaced by ``fn(node, kind)`` (a node of the same length).

    With ``with_option``, an option or indexed node directly over strings is handed to ``fn`` whole.
    """
    from jaggy.layout.options import simplified_indexed

    kind = stop(layout)
    if kind is not None:
        return fn(layout, kind)
    if with_option and (layout.is_option or layout.is_indexed):
        kind = kind_of(layout.content)
        if kind is not None:
            return fn(layout, kind)
    if layout.is_record:
        contents = [rewalk(c._getitem_range(0, layout.length), fn, with_option, stop) for c in layout.contents]
        return layout.copy(contents=contents, length=layout.length)
    if layout.is_union:
        return layout.copy(contents=[rewalk(c, fn, with_option, stop) for c in layout.contents])
    if layout.is_list:
        return layout.copy(content=rewalk(layout.content, fn, with_option, stop))
    if layout.is_option or layout.is_indexed:
        content = rewalk(layout.content, fn, with_option, stop)
        if content.is_option or content.is_indexed:
            node = layout.to_IndexedOptionArray64() if layout.is_option else layout
            xp = layout.backend.xp
            return simplified_indexed(xp.asarray(node.index.data, dtype=xp.int64), content, layout.is_option,
                                      parameters=layout.parameters or None)
        return layout.copy(content=content)
    return layout


def apply(array: Any, fn: Callable[[Any, str], Any], highlevel: bool, behavior: Mapping | None,
          attrs: Mapping | None, with_option: bool = False, stop: Callable[[Any], str | None] = kind_of) -> Any:
    """Run ``fn`` on every string node of ``array`` and wrap the result like the input."""
    from jaggy.operations._wrap import finish
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    return finish(rewalk(layout, fn, with_option, stop), highlevel, array, behavior=behavior, attrs=attrs)


def decode(chars: Any, backend: Any) -> tuple[Any, Any]:
    """Code points of UTF-8 ``chars`` and the byte position where each begins (kernel utf8_decode)."""
    xp = backend.xp
    out = xp.empty(len(chars), dtype=xp.int32)
    backend.kernels.utf8_decode(chars, out, len(chars))
    lead = out >= 0
    return out[lead], xp.nonzero(lead)[0]


def encode(codepoints: Any, backend: Any) -> tuple[Any, Any]:
    """UTF-8 bytes of ``codepoints`` and the byte offsets of every code point (kernel utf8_encode)."""
    xp = backend.xp
    cps = xp.asarray(codepoints, dtype=xp.int32)
    sizes = 1 + (cps >= 0x80).astype(xp.int64) + (cps >= 0x800) + (cps >= 0x10000)
    byte_offsets = xp.zeros(len(cps) + 1, dtype=xp.int64)
    xp.cumsum(sizes, out=byte_offsets[1:])
    nbytes = int(byte_offsets[-1])
    chars = xp.empty(nbytes, dtype=xp.uint8)
    backend.kernels.utf8_encode(cps, byte_offsets, chars, len(cps), nbytes)
    return chars, byte_offsets


def units(node: Any, kind: str, as_text: bool = False) -> tuple[Any, Any, Any, Any]:
    """The strings of ``node`` as units: code points for text, bytes for bytestrings (code points
    too with ``as_text``, for the functions that read bytestrings as UTF-8).

    Returns ``(offsets, chars, unit_offsets, units)``: the packed byte offsets and characters,
    and the offsets (in units) and the int32 units of the same strings.
    """
    backend = node.backend
    xp = backend.xp
    offsets, chars = packed(node)
    if (kind == "bytestring" and not as_text) or not bool((chars >= 0x80).any()):
        return offsets, chars, offsets, chars.astype(xp.int32)
    cps, starts = decode(chars, backend)
    unit_offsets = xp.searchsorted(starts, offsets).astype(xp.int64)
    return offsets, chars, unit_offsets, cps


def from_units(unit_offsets: Any, values: Any, kind: str, backend: Any, as_text: bool = False) -> Any:
    """A string node from units (code points for text, bytes for bytestrings unless ``as_text``)."""
    xp = backend.xp
    if (kind == "bytestring" and not as_text) or not bool((values >= 0x80).any()):
        return make_strings(unit_offsets, values.astype(xp.uint8), kind, backend)
    chars, byte_offsets = encode(values, backend)
    return make_strings(byte_offsets[unit_offsets], chars, kind, backend)


def segments(lengths: Any, xp: Any) -> tuple[Any, Any]:
    """For lists of the given lengths: the list number and the position within it of every item."""
    lengths = xp.asarray(lengths, dtype=xp.int64)
    total = int(lengths.sum())
    owner = xp.repeat(xp.arange(len(lengths), dtype=xp.int64), lengths)
    starts = xp.cumsum(lengths) - lengths
    return owner, xp.arange(total, dtype=xp.int64) - starts[owner]


def offsets_of(lengths: Any, xp: Any) -> Any:
    """Offsets (int64, from 0) of lists with the given lengths."""
    out = xp.zeros(len(lengths) + 1, dtype=xp.int64)
    xp.cumsum(lengths, out=out[1:])
    return out


__all__ = ["apply", "decode", "encode", "encode_text", "from_units", "kind_of", "lists_of", "make_strings",
           "numbers", "offsets_of", "packed", "rewalk", "segments", "units"]
