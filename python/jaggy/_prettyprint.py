"""Text rendering of arrays and records (``repr``, ``str``, ``show``).

The printer never materializes a whole array: it works on a top-level *length* and a
``window(start, stop)`` callable that returns the Python values (as ``to_list`` gives them)
of a few elements at a time.  Nested values (lists, dicts, tuples) are plain Python objects.

Layout rules (observed from Awkward 2.x output):

* horizontal form: lists show elements alternately from the front and the back, each
  element given the columns that remain, and ``...`` stands for the elements left out;
* records show their fields in order until the columns run out;
* floats use ``.{precision}g``; complex numbers ``{real}+{imag}j``;
* the vertical form (``show``) puts one top-level element (or record field) per row.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = [
    "array_repr",
    "array_show",
    "array_str",
    "layout_window",
    "record_repr",
    "record_show",
    "record_str",
    "record_value",
    "valuestr",
]

Window = Callable[[int, int], list]
Formatter = Callable[[Any], str]

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z_0-9]*$")
_CHUNK = 16


class _LazyList(Sequence):
    """A read-only sequence over ``window`` that fetches small chunks on demand."""

    def __init__(self, length: int, window: Window) -> None:
        if length < 0:
            msg = f"length must be non-negative, not {length}"
            raise ValueError(msg)
        self._length = length
        self._window = window
        self._cache: dict[int, Any] = {}

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index: Any) -> Any:
        if not isinstance(index, int):
            msg = "_LazyList only supports integer indexes"
            raise TypeError(msg)
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            msg = f"index {index} out of range for length {self._length}"
            raise IndexError(msg)
        if index not in self._cache:
            start = (index // _CHUNK) * _CHUNK
            stop = min(start + _CHUNK, self._length)
            values = list(self._window(start, stop))
            if len(values) != stop - start:
                msg = f"window({start}, {stop}) returned {len(values)} values"
                raise ValueError(msg)
            for i, value in enumerate(values):
                self._cache[start + i] = value
        return self._cache[index]


# ---------------------------------------------------------------------------------------------
# lazy views of a layout: the printer converts only the items it shows
# ---------------------------------------------------------------------------------------------
def layout_window(layout: Any) -> Window:
    """A ``window(start, stop)`` over ``layout`` whose nested lists stay lazy.

    Each top-level element becomes a Python value in which every (non-string) list is a
    ``_LazyList`` over a bounded slice of its content, so printing touches only the items that
    fit in the output, whatever the lengths in the layout (a list of 2**40 empty records prints
    as fast as a short one).
    """
    from jaggy._tolist import _plan

    plan = _plan(layout)
    return lambda start, stop: _plan_window(plan, start, stop)


def record_value(record: Any) -> Any:
    """The record ``record`` (``.array`` and ``.at``) as a dict or tuple of lazy values."""
    from jaggy._tolist import _plan

    return _element(_plan(record.array), record.at)


def _plan_window(plan: tuple, start: int, stop: int) -> list:
    from jaggy import _ext
    from jaggy._tolist import EMPTY, LEAF, LIST, LISTOFFSET, OBJLEAF, REGULAR

    kind = plan[0]
    if kind == OBJLEAF and plan[2].dtype.kind in "mM":
        # dates and durations print as NumPy's scalars do (``5 seconds``, ``...T10:20:30.5``),
        # whatever their unit (Python's datetime objects cannot hold nanoseconds)
        return list(plan[2][start:stop])
    if kind in (LEAF, OBJLEAF, EMPTY) or (kind in (REGULAR, LISTOFFSET, LIST) and plan[-1]):
        return _ext.to_list(plan, start, stop)  # scalars and strings: one call for the chunk
    return [_element(plan, i) for i in range(start, stop)]


def _invalid(what: str) -> ValueError:
    return ValueError(f"cannot print this array: {what}")


def _at(buffer: Any, i: int, what: str) -> int:
    if not 0 <= i < len(buffer):
        msg = f"{what} has {len(buffer)} entries, position {i} is needed"
        raise _invalid(msg)
    return int(buffer[i])


def _element(plan: tuple, i: int) -> Any:
    """Element ``i`` of the plan's node with every list lazy (see ``layout_window``)."""
    from jaggy import _ext
    from jaggy._tolist import (
        BITMASKED,
        BYTEMASKED,
        INDEXED,
        INDEXEDOPTION,
        LIST,
        LISTOFFSET,
        RECORD,
        REGULAR,
        UNION,
    )

    kind, length = plan[0], plan[1]
    if not 0 <= i < length:
        msg = f"element {i} is outside a node of length {length}"
        raise _invalid(msg)
    if kind in (REGULAR, LISTOFFSET, LIST):
        if plan[-1]:  # a string or bytestring
            return _ext.to_list(plan, i, i + 1)[0]
        child = plan[-2]
        if kind == REGULAR:
            start, stop = i * plan[2], (i + 1) * plan[2]
        elif kind == LISTOFFSET:
            start, stop = _at(plan[2], i, "offsets"), _at(plan[2], i + 1, "offsets")
        else:
            start, stop = _at(plan[2], i, "starts"), _at(plan[3], i, "stops")
        if not 0 <= start <= stop <= child[1]:
            msg = f"list {i} spans [{start}, {stop}) in a content of length {child[1]}"
            raise _invalid(msg)
        return _LazyList(stop - start, lambda a, b: _plan_window(child, start + a, start + b))
    if kind == RECORD:
        values = [_element(c, i) for c in plan[3]]
        return tuple(values) if plan[2] is None else dict(zip(plan[2], values))
    if kind in (INDEXED, INDEXEDOPTION):
        j = _at(plan[2], i, "index")
        if j < 0 and kind == INDEXEDOPTION:
            return None
        return _element(plan[3], j)
    if kind == BYTEMASKED:
        valid = (_at(plan[2], i, "mask") != 0) == plan[3]
        return _element(plan[4], i) if valid else None
    if kind == BITMASKED:
        byte = _at(plan[2], i >> 3, "mask")
        bit = (byte >> (i & 7)) & 1 if plan[4] else (byte >> (7 - (i & 7))) & 1
        return _element(plan[5], i) if bool(bit) == plan[3] else None
    if kind == UNION:
        tag, j = _at(plan[2], i, "tags"), _at(plan[3], i, "index")
        if not 0 <= tag < len(plan[4]):
            msg = f"tag {tag} of element {i} names no content ({len(plan[4])} contents)"
            raise _invalid(msg)
        return _element(plan[4][tag], j)
    return _plan_window(plan, i, i + 1)[0]  # a scalar


def _is_list(value: Any) -> bool:
    return isinstance(value, (list, _LazyList))


def _format_float(value: float, precision: int) -> str:
    return f"{value:.{precision}g}"


def default_formatter(precision: int = 3) -> Formatter:
    """The scalar formatter Awkward uses by default."""

    def fmt(value: Any) -> str:
        if value is None:
            return "None"
        if isinstance(value, bool):
            return repr(value)
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            return _format_float(value, precision)
        if isinstance(value, complex):
            real = _format_float(value.real, precision)
            imag = _format_float(value.imag, precision)
            return f"{real}+{imag}j"
        if isinstance(value, (str, bytes)):
            return repr(value)
        if isinstance(value, datetime.datetime):
            return value.isoformat()
        if isinstance(value, datetime.date):
            return value.isoformat()
        if hasattr(value, "dtype"):  # NumPy scalars: datetime64, timedelta64, numbers
            kind = value.dtype.kind
            if kind == "f":
                return _format_float(float(value), precision)
            if kind == "c":
                return fmt(complex(value))
            if kind == "b":
                return repr(bool(value))
        return str(value)

    return fmt


def _key_str(key: str) -> str:
    if _IDENTIFIER.match(key) is None:
        return repr(key) + ": "
    return key + ": "


def _record_items(value: Any) -> tuple[bool, list[tuple[str, Any]]]:
    if isinstance(value, dict):
        return False, [(_key_str(str(k)), v) for k, v in value.items()]
    return True, [("", v) for v in value]


def _horiz(value: Any, limit: int, fmt: Formatter) -> tuple[int, list[str]]:
    """Render ``value`` on one line within about ``limit`` columns."""
    if _is_list(value):
        return _horiz_list(value, limit, fmt)
    if isinstance(value, (dict, tuple)):
        return _horiz_record(value, limit, fmt)
    text = fmt(value)
    return len(text), [text]


def _horiz_list(value: Sequence, limit: int, fmt: Formatter) -> tuple[int, list[str]]:
    limit -= 2
    n = len(value)
    if n == 0:
        return 2, ["[", "]"]
    if n == 1:
        taken, strs = _horiz(value[0], limit, fmt)
        return taken + 2, ["[", *strs, "]"]
    limit -= 5  # room for ", ..."
    front: list[str] = []
    back: list[str] = []
    nfront = nback = 0
    for i in range(n):
        if i % 2 == 0:
            comma = 0 if nfront == 0 else 2
            taken, strs = _horiz(value[nfront], limit - comma, fmt)
            if limit - comma - taken < 0:
                break
            if comma:
                front.append(", ")
                limit -= 2
            front.extend(strs)
            limit -= taken
            nfront += 1
        else:
            taken, strs = _horiz(value[n - 1 - nback], limit - 2, fmt)
            if limit - 2 - taken < 0:
                break
            back[:0] = [", ", *strs]
            limit -= 2 + taken
            nback += 1
    if nfront + nback < n:
        if nfront == 0:
            middle = ["..."]
            if back:
                back = back[1:]
                middle = ["...", ", "]
        else:
            middle = [", ..."]
        parts = ["[", *front, *middle, *back, "]"]
    else:
        parts = ["[", *front, *back, "]"]
    return sum(len(p) for p in parts), parts


def _horiz_record(value: Any, limit: int, fmt: Formatter) -> tuple[int, list[str]]:
    is_tuple, items = _record_items(value)
    opening, closing = ("(", ")") if is_tuple else ("{", "}")
    limit -= 2
    limit -= 5  # room for ", ..."
    parts = [opening]
    shown = 0
    truncated = False
    for key, item in items:
        comma = 0 if shown == 0 else 2
        if limit - (comma + len(key) + 3) < 0:
            break
        if shown != 0:
            parts.append(", ")
            limit -= 2
        parts.append(key)
        limit -= len(key)
        budget = limit if len(items) == 1 else limit - limit // 2
        taken, strs = _horiz(item, budget, fmt)
        shown += 1
        if limit - taken >= 0:
            parts.extend(strs)
            limit -= taken
        else:
            parts.append("...")
            limit -= 3
            truncated = True
            break
    if truncated or shown < len(items):
        parts.append(", ..." if shown != 0 else "...")
    parts.append(closing)
    return sum(len(p) for p in parts), parts


def _resolve(precision: int, formatter: Formatter | Mapping[str, Formatter] | None) -> Formatter:
    """The scalar formatter: the default one, a callable, or a dict of callables by kind with
    NumPy printoptions' keys ("bool", "int", "float", "complex", "str", "bytes", "datetime",
    "timedelta" and the "*_kind" groups; as in Awkward, not "all"); kinds not in the dict use
    the default."""
    default = default_formatter(precision)
    if formatter is None:
        return default
    if callable(formatter):
        return formatter
    table = dict(formatter)

    def fmt(value: Any) -> str:
        for key in _formatter_keys(value):
            if key in table:
                return str(table[key](value))
        return default(value)

    return fmt


def _formatter_keys(value: Any) -> tuple[str, ...]:
    kind = getattr(getattr(value, "dtype", None), "kind", None)
    if isinstance(value, bool) or kind == "b":
        return ("bool",)
    if isinstance(value, int) or kind in ("i", "u"):
        return ("int", "int_kind")
    if isinstance(value, float) or kind == "f":
        return ("float", "float_kind")
    if isinstance(value, complex) or kind == "c":
        return ("complex", "complex_kind")
    if isinstance(value, str):
        return ("str", "str_kind")
    if isinstance(value, bytes):
        return ("bytes", "str_kind")
    if isinstance(value, datetime.timedelta) or kind == "m":
        return ("timedelta",)
    if isinstance(value, (datetime.date, datetime.datetime)) or kind == "M":
        return ("datetime",)
    return ()


def valuestr(
    length: int,
    window: Window,
    limit_cols: int,
    *,
    precision: int = 3,
    formatter: Formatter | None = None,
) -> str:
    """One-line rendering of a top-level array of ``length`` elements."""
    _, strs = _horiz(_LazyList(length, window), limit_cols, _resolve(precision, formatter))
    return "".join(strs)


def record_valuestr(
    value: Any, limit_cols: int, *, precision: int = 3, formatter: Formatter | None = None
) -> str:
    """One-line rendering of a record given as a dict (or a tuple for tuple-records)."""
    _, strs = _horiz_record(value, limit_cols, _resolve(precision, formatter))
    return "".join(strs)


def _vert_list(
    length: int, window: Window, limit_rows: int, limit_cols: int, fmt: Formatter
) -> str:
    data = _LazyList(length, window)
    if limit_rows <= 1:
        return "".join(_horiz(data, limit_cols, fmt)[1])
    if length == 0:
        return ""
    if length <= limit_rows:
        nfront, nback = length, 0
    else:
        nfront = (limit_rows + 1) // 2
        nback = limit_rows - 1 - nfront
    rows = ["".join(_horiz(data[i], limit_cols - 2, fmt)[1]) for i in range(nfront)]
    if nfront + nback < length:
        rows.append("...")
    rows.extend(
        "".join(_horiz(data[i], limit_cols - 2, fmt)[1]) for i in range(length - nback, length)
    )
    return _join_rows(rows, "[", "]")


def _join_rows(rows: list[str], opening: str, closing: str) -> str:
    lines = []
    for i, row in enumerate(rows):
        start = opening if i == 0 else " "
        end = closing if i == len(rows) - 1 else ","
        lines.append(start + row + end)
    return "\n".join(lines)


def _vert_record(value: Any, limit_rows: int, limit_cols: int, fmt: Formatter) -> str:
    if limit_rows <= 1:
        return "".join(_horiz_record(value, limit_cols, fmt)[1])
    is_tuple, items = _record_items(value)
    opening, closing = ("(", ")") if is_tuple else ("{", "}")
    if len(items) == 0:
        return ""
    shown = items if len(items) <= limit_rows else items[: limit_rows - 1]
    rows = [key + "".join(_horiz(item, limit_cols - 2 - len(key), fmt)[1]) for key, item in shown]
    if len(shown) < len(items):
        rows.append("...")
    return _join_rows(rows, opening, closing)


def _type_budget(typestr: str, pytype: str, valuewidth: int, limit_cols: int) -> str:
    room = max(3, limit_cols - len(pytype) - len("<  type=''>") - valuewidth)
    if len(typestr) > room:
        return "'" + typestr[: room - 3] + "...'"
    return "'" + typestr + "'"


def _value_budget(typestr: str, pytype: str, limit_cols: int) -> int:
    # everything but the value: "<" + pytype + " " + value + " type='" + typestr + "'>"
    overhead = len(pytype) + len(typestr) + len("<  type=''>")
    if overhead < limit_cols // 2:
        return limit_cols - overhead
    return max(0, min(limit_cols // 2, limit_cols - len(pytype) - len("type='...'>") - 3))


def _quote_type(typestr: str) -> str:
    return repr(typestr)[1:-1]


def array_repr(
    length: int,
    window: Window,
    typestr: str,
    limit_cols: int = 80,
    *,
    pytype: str = "Array",
    precision: int = 3,
    formatter: Formatter | None = None,
) -> str:
    """``repr(ak.Array)``: ``<Array [1, 2, 3] type='3 * int64'>``."""
    typestr = _quote_type(typestr)
    width = _value_budget(typestr, pytype, limit_cols)
    text = valuestr(length, window, width, precision=precision, formatter=formatter)
    return f"<{pytype} {text} type={_type_budget(typestr, pytype, len(text), limit_cols)}>"


def record_repr(
    value: Any,
    typestr: str,
    limit_cols: int = 80,
    *,
    pytype: str = "Record",
    precision: int = 3,
    formatter: Formatter | None = None,
) -> str:
    """``repr(ak.Record)``: ``<Record {x: 1, y: 2.2} type='{x: int64, y: float64}'>``."""
    typestr = _quote_type(typestr)
    width = _value_budget(typestr, pytype, limit_cols)
    text = record_valuestr(value, width, precision=precision, formatter=formatter)
    return f"<{pytype} {text} type={_type_budget(typestr, pytype, len(text), limit_cols)}>"


def array_str(
    length: int,
    window: Window,
    limit_rows: int = 1,
    limit_cols: int = 80,
    *,
    precision: int = 3,
    formatter: Formatter | None = None,
) -> str:
    """``str(ak.Array)``: one line of at most ``limit_cols`` columns."""
    return _vert_list(length, window, limit_rows, limit_cols, _resolve(precision, formatter))


def record_str(
    value: Any,
    limit_rows: int = 1,
    limit_cols: int = 80,
    *,
    precision: int = 3,
    formatter: Formatter | None = None,
) -> str:
    """``str(ak.Record)``."""
    return _vert_record(value, limit_rows, limit_cols, _resolve(precision, formatter))


def _show_type(typestr: str, limit_cols: int) -> str:
    text = "type: " + typestr
    if len(text) > limit_cols:
        return text[: limit_cols - 3] + "..."
    return text


def array_show(
    length: int,
    window: Window,
    typestr: str | None = None,
    limit_rows: int = 20,
    limit_cols: int = 80,
    *,
    precision: int = 3,
    formatter: Formatter | None = None,
    header: Sequence[str] = (),
) -> str:
    """What ``ak.Array.show(type=typestr is not None)`` prints (with the final newline).

    ``typestr`` is the multi-line form of the type (what ``array.type.show()`` prints);
    ``header`` lines (nbytes, backend) follow it.
    """
    body = _vert_list(length, window, limit_rows, limit_cols, _resolve(precision, formatter))
    return _with_header(body, typestr, header, limit_cols)


def _with_header(body: str, typestr: str | None, header: Sequence[str], limit_cols: int) -> str:
    lines = [] if typestr is None else [_show_type(typestr.rstrip("\n"), limit_cols)]
    return "\n".join([*lines, *header, body]) + "\n"


def bytes_text(nbytes: int) -> str:
    """``nbytes`` as ``show(nbytes=True)`` prints it: B up to 1000, then kB/MB/GB with one decimal."""
    for scale, unit in ((1e9, "GB"), (1e6, "MB"), (1e3, "kB")):
        if nbytes > scale:
            return f"{nbytes / scale:,.1f} {unit}"
    return f"{nbytes:,} B"


def record_show(
    value: Any,
    typestr: str | None = None,
    limit_rows: int = 20,
    limit_cols: int = 80,
    *,
    precision: int = 3,
    formatter: Formatter | None = None,
    header: Sequence[str] = (),
) -> str:
    """What ``ak.Record.show(type=typestr is not None)`` prints (with the final newline)."""
    body = _vert_record(value, limit_rows, limit_cols, _resolve(precision, formatter))
    return _with_header(body, typestr, header, limit_cols)
