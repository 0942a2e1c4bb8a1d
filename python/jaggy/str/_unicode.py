"""Unicode properties and case mappings of code points, computed once per distinct code point.

The per-character work is vectorized: an array's code points are reduced to their distinct
values with ``np.unique`` and each distinct non-ASCII code point is looked up with Python's own
Unicode database (``str.isalpha``, ``str.upper``, ...). That lookup is a Python loop over the
distinct characters of the data (at most a few thousand), never over strings or elements; it is
the documented fallback for non-ASCII case mapping and classification, which the kernels do not
carry Unicode tables for. ASCII code points are computed without that loop.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from jaggy.backends import backend_of_buffer, is_device_buffer

# property bits
ALNUM, ALPHA, DECIMAL, DIGIT, NUMERIC, PRINTABLE, SPACE, UPPER, LOWER, TITLE, CASED = (1 << k for k in range(11))

# single code points whose full case mapping is several characters but whose simple mapping is one
_SIMPLE_UPPER = {0xDF: 0x1E9E}


def _props_of(c: int) -> int:
    ch = chr(c)
    bits = 0
    for bit, test in ((ALNUM, ch.isalnum), (ALPHA, ch.isalpha), (DECIMAL, ch.isdecimal), (DIGIT, ch.isdigit),
                      (NUMERIC, ch.isnumeric), (PRINTABLE, ch.isprintable), (SPACE, ch.isspace),
                      (UPPER, ch.isupper), (LOWER, ch.islower)):
        if test():
            bits |= bit
    if ch.istitle() and not ch.isupper():
        bits |= TITLE
    if bits & (UPPER | LOWER | TITLE):
        bits |= CASED
    return bits


def _upper_of(c: int) -> int:
    if c in _SIMPLE_UPPER:
        return _SIMPLE_UPPER[c]
    u = chr(c).upper()
    return ord(u) if len(u) == 1 else c


def _lower_of(c: int) -> int:
    u = chr(c).lower()
    return ord(u) if len(u) == 1 else c


_ASCII_TABLES: dict = {}


def _table(cps: Any, fn: Any, dtype: Any) -> Any:
    """``fn`` of every code point: ASCII through a cached 128-entry table, the others looked up
    once per distinct value."""
    device = is_device_buffer(cps)
    xp = backend_of_buffer(cps).xp if device else np
    if not device:
        cps = np.asarray(cps)
    table = _ASCII_TABLES.get(fn)
    if table is None:
        table = _ASCII_TABLES[fn] = np.fromiter((fn(c) for c in range(128)), dtype=dtype, count=128)
    nonascii = cps >= 0x80
    out = (xp.asarray(table) if device else table)[xp.where(nonascii, 0, cps)].astype(dtype)
    if bool(nonascii.any()):
        values, inverse = xp.unique(cps[nonascii], return_inverse=True)
        host = values.get() if device else values  # the distinct values, looked up on the host
        mapped = np.fromiter((fn(int(c)) for c in host), dtype=dtype, count=len(values))
        out[nonascii] = (xp.asarray(mapped) if device else mapped)[inverse.reshape(-1)]
    return out


def properties(cps: Any) -> Any:
    """Property bits (module constants) of every code point."""
    return _table(cps, _props_of, np.int32)


def upper(cps: Any) -> Any:
    """Simple uppercase mapping of every code point."""
    return _table(cps, _upper_of, np.int32)


def lower(cps: Any) -> Any:
    """Simple lowercase mapping of every code point."""
    return _table(cps, _lower_of, np.int32)




def ascii_properties(units: Any) -> Any:
    """Property bits of bytes read as ASCII (bytestrings): bytes >= 0x80 have none, and whitespace
    is only ``" \\t\\n\\v\\f\\r"``."""
    units = np.asarray(units)
    props = properties(np.where(units < 0x80, units, 0))
    props = np.where(units < 0x80, props, 0)
    separators = (units >= 0x1C) & (units <= 0x1F)
    return np.where(separators, props & ~SPACE, props).astype(np.int32)


__all__ = ["ALNUM", "ALPHA", "CASED", "DECIMAL", "DIGIT", "LOWER", "NUMERIC", "PRINTABLE", "SPACE", "TITLE",
           "UPPER", "ascii_properties", "lower", "properties", "upper"]
