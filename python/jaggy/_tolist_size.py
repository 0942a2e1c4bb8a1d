"""A lower bound on the memory ``to_list`` needs, checked before converting anything.

Some layouts describe far more elements than they store: a RecordArray without fields or a
RegularArray of size 0 has a length but no buffer, and lists of such nodes can span billions of
elements in a few bytes. ``to_list`` of such a layout would spend minutes creating Python
objects and then be killed; ``check_to_list_size`` raises ``MemoryError`` first, naming the
number of objects and bytes asked for, when even a lower bound of what the result needs exceeds
the memory available.

The walk follows the requested elements through the plan of ``_tolist.py``: exactly while they
form a range (the common ListOffsetArray/RecordArray/NumpyArray case costs O(1) per node) or a
short array of positions, and as a count with a lower bound per element after that. Python work
is proportional to the number of nodes; data work is vectorized NumPy.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

__all__ = ["check_to_list_size"]

_CAP = 1 << 20  # positions tracked exactly up to this many; beyond, counts with lower bounds
_SLOT = 8  # a pointer in the enclosing list, tuple or dict
_LIST = 56  # sys.getsizeof([])
_DICT = 64  # sys.getsizeof({})
_TUPLE = 40  # sys.getsizeof((0,)) less one slot, so 40 + 8 * fields
_STR = 49  # sys.getsizeof("")
_FLOAT = 24
_COMPLEX = 32


def _memory() -> int:
    """The memory available now (Linux's MemAvailable), else the physical memory."""
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return int(os.sysconf("SC_PHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (ValueError, OSError, AttributeError):
        return 1 << 42


def check_to_list_size(plan: tuple, start: int, stop: int, budget: int | None = None) -> None:
    """Raises ``MemoryError`` if elements ``[start, stop)`` of ``plan`` cannot fit in memory."""
    acc = _Acc(budget)
    try:
        _walk(plan, (start, stop), acc)
    except (IndexError, ValueError, TypeError, OverflowError):
        return  # invalid buffers: the conversion itself reports them
    except _TooBig:
        pass
    if acc.bytes > acc.budget:
        budget = acc.budget
        msg = (
            f"to_list: the result needs at least {acc.objects} Python objects taking at least "
            f"{acc.bytes} bytes ({acc.bytes / 2**30:.1f} GiB), more than the memory "
            f"available ({budget} bytes)"
        )
        raise MemoryError(msg)


class _TooBig(Exception):
    pass


class _Acc:
    """Objects and bytes counted so far; the memory is read only once they pass 256 MiB."""

    def __init__(self, budget: int | None) -> None:
        self.budget = budget if budget is not None else 1 << 28
        self.measured = budget is not None
        self.bytes = 0
        self.objects = 0

    def add(self, n: int, each: int) -> None:
        self.objects += n
        self.bytes += n * each
        if self.bytes > self.budget and not self.measured:
            self.budget, self.measured = _memory(), True
        if self.bytes > self.budget:
            raise _TooBig


def _count(sel: Any) -> int:
    if isinstance(sel, tuple):
        return max(0, sel[1] - sel[0])
    if isinstance(sel, np.ndarray):
        return len(sel)
    return sel


def _expand(starts: np.ndarray, stops: np.ndarray, content_length: int) -> Any:
    """Positions covered by the lists [starts, stops): an array if short, else their count."""
    nonempty = stops > starts
    if nonempty.any() and (starts[nonempty].min() < 0 or stops[nonempty].max() > content_length):
        msg = "invalid layout"
        raise ValueError(msg)
    lengths = np.maximum(stops.astype(np.int64) - starts.astype(np.int64), 0)
    total = int(lengths.sum(dtype=np.float64)) if len(lengths) else 0
    if total > _CAP:
        return total
    lengths = lengths.astype(np.int64)
    firsts = np.cumsum(lengths) - lengths
    return np.repeat(starts.astype(np.int64) - firsts, lengths) + np.arange(total, dtype=np.int64)


def _take(buffer: np.ndarray, sel: Any) -> Any:
    """``buffer`` at the selected positions, or None in count mode."""
    if isinstance(sel, tuple):
        return buffer[sel[0] : sel[1]]
    if isinstance(sel, np.ndarray):
        return buffer[sel]
    return None


def _checked(sel: Any, child: tuple) -> Any:
    """``sel`` if it selects elements that ``child`` has; ValueError (stop estimating) if not."""
    length = child[1]
    if isinstance(sel, tuple):
        ok = 0 <= sel[0] <= sel[1] <= length
    elif isinstance(sel, np.ndarray):
        ok = len(sel) == 0 or (int(sel.min()) >= 0 and int(sel.max()) < length)
    else:
        ok = sel >= 0
    if not ok:
        msg = "invalid layout"
        raise ValueError(msg)
    return sel


def _walk(plan: tuple, sel: Any, acc: _Acc) -> None:
    from jaggy import _tolist as t

    kind = plan[0]
    n = _count(sel)
    if n == 0 or kind == t.EMPTY:
        return
    if kind in (t.LEAF, t.OBJLEAF):
        extra = {"f": _FLOAT, "c": _COMPLEX}.get(plan[2].dtype.kind, 0)
        acc.add(n, _SLOT + extra)
        return
    if kind in (t.REGULAR, t.LISTOFFSET, t.LIST):
        if plan[-1]:  # strings: one object each, the characters are data
            acc.add(n, _SLOT + _STR)
            return
        acc.add(n, _SLOT + _LIST)
        _walk(plan[-2], _checked(_list_children(plan, sel, n), plan[-2]), acc)
        return
    if kind == t.RECORD:
        fields, contents = plan[2], plan[3]
        if fields is not None:
            acc.add(n, _SLOT + _DICT)
        else:
            acc.add(n, _SLOT + (_TUPLE + _SLOT * len(contents) if contents else 0))
        for content in contents:
            _walk(content, _checked(sel, content), acc)
        return
    if kind in (t.INDEXED, t.INDEXEDOPTION):
        index = _take(plan[2], sel)
        if index is None:
            missing = int((plan[2] < 0).sum()) if kind == t.INDEXEDOPTION else 0
            _walk(plan[3], max(0, n - missing), acc)
            return
        if kind == t.INDEXEDOPTION:
            acc.add(int((index < 0).sum()), _SLOT)
            index = index[index >= 0]
        index = index.astype(np.int64) if len(index) <= _CAP else len(index)
        _walk(plan[3], _checked(index, plan[3]), acc)
        return
    if kind in (t.BYTEMASKED, t.BITMASKED):
        _walk(plan[-1], _checked(_valid_positions(plan, sel, n, acc), plan[-1]), acc)
        return
    if kind == t.UNION:
        tags, index = _take(plan[2], sel), _take(plan[3], sel)
        if tags is None:
            return  # count mode: no useful lower bound per content
        for tag, content in enumerate(plan[4]):
            chosen = index[tags == tag]
            chosen = chosen.astype(np.int64) if len(chosen) <= _CAP else len(chosen)
            _walk(content, _checked(chosen, content), acc)


def _list_children(plan: tuple, sel: Any, n: int) -> Any:
    from jaggy import _tolist as t

    kind = plan[0]
    if kind == t.REGULAR:
        size = plan[2]
        if isinstance(sel, tuple):
            return (sel[0] * size, sel[1] * size)
        if isinstance(sel, np.ndarray) and n * size <= _CAP:
            return (sel[:, None] * size + np.arange(size, dtype=np.int64)).reshape(-1)
        return n * size
    if kind == t.LISTOFFSET:
        offsets = plan[2]
        if isinstance(sel, tuple):
            lo, hi = int(offsets[sel[0]]), int(offsets[sel[1]])
            return (lo, hi) if lo <= hi else 0
        if isinstance(sel, np.ndarray):
            return _expand(offsets[sel], offsets[sel + 1], plan[-2][1])
        lengths = offsets[1:].astype(np.int64) - offsets[:-1].astype(np.int64)
    else:
        starts, stops = plan[2], plan[3]
        if not isinstance(sel, int):
            return _expand(_take(starts, sel), _take(stops, sel), plan[-2][1])
        lengths = stops[: len(starts)].astype(np.int64) - starts[: len(stops)].astype(np.int64)
    shortest = int(lengths.min()) if len(lengths) else 0
    if shortest > plan[-2][1]:
        msg = "invalid layout"
        raise ValueError(msg)
    return n * max(shortest, 0)  # count mode: every selected list is at least this long


def _valid_positions(plan: tuple, sel: Any, n: int, acc: _Acc) -> Any:
    from jaggy import _tolist as t

    mask, valid_when = plan[2], plan[3]
    if isinstance(sel, int):
        if plan[0] == t.BITMASKED:
            return 0
        return max(0, n - int(((mask != 0) != valid_when).sum()))
    positions = np.arange(sel[0], sel[1], dtype=np.int64) if isinstance(sel, tuple) else sel
    if len(positions) > _CAP:
        return 0  # too many to test one by one cheaply; no lower bound below
    if plan[0] == t.BYTEMASKED:
        valid = (mask[positions] != 0) == valid_when
    else:
        bits = mask[positions >> 3].astype(np.int64)
        shift = positions & 7 if plan[4] else 7 - (positions & 7)
        valid = ((bits >> shift) & 1).astype(bool) == valid_when
    acc.add(int((~valid).sum()), _SLOT)
    return positions[valid]
