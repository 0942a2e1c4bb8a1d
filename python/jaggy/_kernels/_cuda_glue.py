"""Steps around the CUDA launches of the kernels whose spec entry names a ``glue`` function.

Each function is called by the generated method as ``glue(kernels, entry, threads, args)``:
``kernels`` is the ``CudaKernels`` object (``kernels.xp``, ``kernels._launch``), ``entry`` the
entry point of the dtypes at hand (None for a kernel without one), ``threads`` the spec's thread
count and ``args`` the spec's arguments (arrays of ``xp``, NumPy scalars). It returns the error
slot's value (``index << 8 | code``, the smallest failing index as on the CPU) or None. Every step
is a device operation (a launch, or an ``xp`` call such as ``cumsum``, a CUB scan on CuPy); the
only transfers to the host are error slots and, on an error, the failing list.
"""

from __future__ import annotations

from typing import Any

import numpy as np

KMISSING = np.iinfo(np.int64).min


def _first(err: int | None, key: int | None) -> int | None:
    if key is None:
        return err
    return key if err is None else min(err, key)


def _host(x: Any) -> np.ndarray:
    return x.get() if hasattr(x, "get") else np.asarray(x)


def counts_to_offsets(k: Any, entry: str, threads: int, args: tuple) -> int | None:
    """The entry checks every count (negative: 1, beyond int64: 2) and writes it at offsets[i+1];
    a scan makes the offsets. The first prefix sum reaching 2**63 is an overflow (2) there: the
    sums before it are exact in uint64, whatever the later ones wrap to."""
    _, offsets, n = args
    n = int(n)
    xp = k.xp
    offsets[0] = 0
    err = k._launch(entry, threads, args)
    if n == 0:
        return err
    sums = xp.cumsum(offsets[1 : n + 1].view(xp.uint64), dtype=xp.uint64)
    over = sums >= np.uint64(1 << 63)
    first = int(xp.argmax(over))
    offsets[1 : n + 1] = sums.view(xp.int64)
    return _first(err, (first << 8) | 2 if bool(over[first]) else None)


def compact_offsets(k: Any, entry: str, threads: int, args: tuple) -> int | None:
    """The entry writes every list's length at offsets[i + 1] (start > stop: 1); then a scan."""
    _, _, offsets, n = args
    n = int(n)
    offsets[0] = 0
    err = k._launch(entry, threads, args)
    if n > 0:
        offsets[1 : n + 1] = k.xp.cumsum(offsets[1 : n + 1])
    return err


def option_compact(k: Any, entry: str, threads: int, args: tuple) -> int | None:
    """A scan of the valid entries into outindex, then the entry scatters them (see index.cu)."""
    index, _, outindex, nvalid, n = args
    n = int(n)
    nvalid[0] = 0
    if n > 0:
        outindex[:n] = k.xp.cumsum(index[:n] >= 0, dtype=k.xp.int64)
    return k._launch(entry, threads, args)


def slice_lists_by_mask(k: Any, entry: None, threads: None, args: tuple) -> int | None:
    """Stream compaction with xp: the selected lists' starts and stops, at most ``total`` of
    them; a different number of selected lists is error 1 at that number, as on the CPU."""
    starts, stops, mask, outstarts, outstops, n, total = args
    selected = k.xp.flatnonzero(mask[: int(n)])
    count = int(selected.size)
    m = min(count, int(total))
    outstarts[:m] = starts[selected[:m]]
    outstops[:m] = stops[selected[:m]]
    return None if count == int(total) else (count << 8) | 1


def slice_jagged_index(k: Any, entry: str, threads: int, args: tuple) -> int | None:
    """The entry reports the first failing list; for an index out of range (code 1; bad offsets
    are 2) the CPU reports the flat position, found here in that one list (on the host: an
    error path)."""
    starts, stops, indexoffsets, index, _, _, _ = args
    err = k._launch(entry, threads, args)
    if err is None or err & 0xFF != 1:
        return err
    w = err >> 8
    a, b = (int(x) for x in _host(indexoffsets[w : w + 2]))
    length = int(_host(stops[w : w + 1])[0]) - int(_host(starts[w : w + 1])[0])
    h = _host(index[a:b])
    j = np.where(h < 0, h + length, h)
    bad = (h != KMISSING) & ((j < 0) | (j >= length))
    return ((a + int(np.argmax(bad))) << 8) | 1
