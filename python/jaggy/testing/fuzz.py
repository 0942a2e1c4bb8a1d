"""Fuzzing of jaggy's entry points that take external data: ``python -m jaggy.testing.fuzz``.

Generates inputs from a seed (no Hypothesis needed, so it runs fast and long): corrupted
``from_buffers`` inputs (random forms, truncated/garbled buffers, offsets out of range or
decreasing, negative indexes, bad union tags), random Python objects for ``from_iter``, random
ArrayBuilder call sequences, random ``__getitem__`` indexes, random kernel arguments, and
``to_list``/``repr`` of arrays built from garbage. Every input must give a result or a Python
exception; the inputs run in worker processes so that a crash or a hang is seen and reported
(with the seed that reproduces it) instead of ending the run.

    python -m jaggy.testing.fuzz --n 100000          # prints the count and any failure
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

import numpy as np

PRIMITIVES = ["bool", "int8", "uint8", "int32", "uint32", "int64", "float32", "float64", "complex128"]
INDEX = ["i32", "u32", "i64"]


# ---------------------------------------------------------------------------------------------
# generators
# ---------------------------------------------------------------------------------------------
def random_form(rng: random.Random, depth: int = 0) -> dict:
    leaf = depth > 3 or rng.random() < 0.3
    if leaf:
        if rng.random() < 0.1:
            return {"class": "EmptyArray"}
        form: dict = {"class": "NumpyArray", "primitive": rng.choice(PRIMITIVES)}
        if rng.random() < 0.1:
            form["inner_shape"] = [rng.randint(0, 3)]
        return form
    kind = rng.choice(["ListOffsetArray", "ListArray", "RegularArray", "RecordArray", "IndexedArray",
                       "IndexedOptionArray", "ByteMaskedArray", "BitMaskedArray", "UnmaskedArray",
                       "UnionArray", "string"])
    child = random_form(rng, depth + 1)
    if kind == "string":
        return {"class": "ListOffsetArray", "offsets": "i64", "parameters": {"__array__": "string"},
                "content": {"class": "NumpyArray", "primitive": "uint8", "parameters": {"__array__": "char"}}}
    if kind == "ListOffsetArray":
        return {"class": kind, "offsets": rng.choice(INDEX), "content": child}
    if kind == "ListArray":
        idx = rng.choice(INDEX)
        return {"class": kind, "starts": idx, "stops": idx, "content": child}
    if kind == "RegularArray":
        return {"class": kind, "size": rng.randint(0, 4), "content": child}
    if kind == "RecordArray":
        n = rng.randint(0, 3)
        contents = [random_form(rng, depth + 1) for _ in range(n)]
        fields = None if rng.random() < 0.3 else [f"f{i}" for i in range(n)]
        return {"class": kind, "fields": fields, "contents": contents}
    simple_child = child
    if child["class"] in ("IndexedArray", "IndexedOptionArray", "ByteMaskedArray", "BitMaskedArray",
                          "UnmaskedArray", "UnionArray"):
        simple_child = {"class": "NumpyArray", "primitive": "float64"}
    if kind == "IndexedArray":
        return {"class": kind, "index": rng.choice(INDEX), "content": simple_child}
    if kind == "IndexedOptionArray":
        return {"class": kind, "index": rng.choice(["i32", "i64"]), "content": simple_child}
    if kind == "ByteMaskedArray":
        return {"class": kind, "mask": "i8", "valid_when": rng.random() < 0.5, "content": simple_child}
    if kind == "BitMaskedArray":
        return {"class": kind, "mask": "u8", "valid_when": rng.random() < 0.5,
                "lsb_order": rng.random() < 0.5, "content": simple_child}
    if kind == "UnmaskedArray":
        return {"class": kind, "content": simple_child}
    contents = [simple_child, {"class": "NumpyArray", "primitive": "int64"}]
    return {"class": "UnionArray", "tags": "i8", "index": rng.choice(INDEX), "contents": contents}


def _keys(form: dict, counter: list) -> None:
    form["form_key"] = f"node{counter[0]}"
    counter[0] += 1
    for c in form.get("contents", []) or []:
        _keys(c, counter)
    if "content" in form:
        _keys(form["content"], counter)


_ATTRS = {"NumpyArray": ["data"], "ListOffsetArray": ["offsets"], "ListArray": ["starts", "stops"],
          "IndexedArray": ["index"], "IndexedOptionArray": ["index"], "ByteMaskedArray": ["mask"],
          "BitMaskedArray": ["mask"], "UnionArray": ["tags", "index"]}


def _buffers(form: dict, rng: random.Random, out: dict) -> None:
    for attr in _ATTRS.get(form["class"], []):
        n = rng.choice([0, 1, 2, 3, 5, 8, 17, 64])
        kind = rng.random()
        if kind < 0.4:
            data = np.array([rng.randint(-3, 20) for _ in range(n)], np.int64)
        elif kind < 0.6:
            data = np.sort(np.array([rng.randint(0, 20) for _ in range(n)], np.int64))
        elif kind < 0.8:
            data = np.frombuffer(rng.randbytes(n * rng.choice([1, 4, 8])), np.uint8)
        else:
            data = np.array([rng.choice([0, 1, -1, 2**31, -(2**63), 2**62]) for _ in range(n)], np.int64)
        out[f"{form['form_key']}-{attr}"] = data.tobytes() if rng.random() < 0.5 else data
    for c in form.get("contents", []) or []:
        _buffers(c, rng, out)
    if "content" in form:
        _buffers(form["content"], rng, out)


def random_python(rng: random.Random, depth: int = 0) -> Any:
    r = rng.random()
    if depth > 4 or r < 0.35:
        return rng.choice([None, True, False, 0, -1, 2**40, 2**70, -(2**70), 1.5, float("nan"),
                           float("inf"), 1j, "", "abc", "\udcff", b"", b"\xff\x00", np.int32(3),
                           np.float32(2.5), np.datetime64("2020-01-01"), object(), ()])
    if r < 0.7:
        return [random_python(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if r < 0.85:
        return {rng.choice(["x", "y", "z", 1, ""]): random_python(rng, depth + 1) for _ in range(rng.randint(0, 3))}
    return tuple(random_python(rng, depth + 1) for _ in range(rng.randint(0, 3)))


def random_index(rng: random.Random) -> Any:
    return rng.choice([
        0, -1, 5, -100, 2**40, slice(None), slice(1, None), slice(None, None, -1), slice(None, None, 0),
        "x", "f0", ["f0", "f1"], (0,), (slice(None), 0), Ellipsis, None, [0, 1], [True, False],
        np.array([0, -1]), np.array([True]), 1.5, object(),
    ])


# ---------------------------------------------------------------------------------------------
# targets: each takes a seed, runs one input, returns normally or raises a Python exception
# ---------------------------------------------------------------------------------------------
def fuzz_from_buffers(seed: int) -> None:
    import jaggy

    rng = random.Random(seed)
    form = random_form(rng)
    _keys(form, [0])
    container: dict = {}
    _buffers(form, rng, container)
    length = rng.choice([0, 1, 2, 3, 7, 100, 2**40, -1])
    array = jaggy.from_buffers(form, length, container)
    repr(array)
    # Valid layouts can describe hundreds of millions of data-less elements (lists of records
    # without fields), which to_list/to_packed convert in time proportional to that size: the
    # fuzz looks for crashes and hangs, so it bounds the work at 1 GiB of Python objects.
    from jaggy._tolist import _plan
    from jaggy._tolist_size import check_to_list_size

    check_to_list_size(_plan(array.layout), 0, len(array), budget=1 << 30)
    array.to_list()
    jaggy.validity_error(array)
    array.layout.to_packed()


def fuzz_printing(seed: int) -> None:
    """repr/str/show/type of random ``from_buffers`` layouts, including huge data-less ones."""
    import jaggy

    rng = random.Random(seed)
    form = random_form(rng)
    _keys(form, [0])
    container: dict = {}
    _buffers(form, rng, container)
    length = rng.choice([0, 1, 2, 3, 7, 100, 2**31, 2**40])
    array = jaggy.from_buffers(form, length, container)
    str(array.type)
    repr(array)
    str(array)
    array.show(stream=None, type=True, limit_rows=rng.choice([1, 3, 20]),
               limit_cols=rng.choice([5, 40, 80]))
    if len(array):
        element = array[rng.choice([0, -1])]
        repr(element)
        str(element)


def fuzz_from_iter(seed: int) -> None:
    import jaggy

    rng = random.Random(seed)
    data = [random_python(rng) for _ in range(rng.randint(0, 5))]
    array = jaggy.from_iter(data)
    repr(array)
    out = array.to_list()
    assert len(out) == len(data)
    assert jaggy.validity_error(array) == ""


def fuzz_builder(seed: int) -> None:
    import jaggy

    rng = random.Random(seed)
    b = jaggy.ArrayBuilder()
    calls: list[Callable[[], Any]] = [
        b.null, lambda: b.integer(rng.randint(-5, 5)), lambda: b.real(rng.random()),
        lambda: b.boolean(True), lambda: b.string("s"), lambda: b.bytestring(b"b"), b.begin_list,
        b.end_list, lambda: b.begin_tuple(rng.randint(0, 3)), lambda: b.index(rng.randint(-1, 3)),
        b.end_tuple, lambda: b.begin_record(rng.choice([None, "P"])), lambda: b.field(rng.choice(["x", "y"])),
        b.end_record, lambda: b.append(random_python(rng, 3)), lambda: b.snapshot(), lambda: b.complex(1j),
    ]
    for _ in range(rng.randint(1, 30)):
        try:
            rng.choice(calls)()
        except ValueError:
            pass
    snap = b.snapshot()
    snap.to_list()
    assert jaggy.validity_error(snap) == ""


def fuzz_getitem(seed: int) -> None:
    import jaggy

    rng = random.Random(seed)
    data = [random_python(rng, 2) for _ in range(rng.randint(0, 5))]
    try:
        array = jaggy.from_iter(data)
    except Exception:
        return
    for _ in range(3):
        out = array[random_index(rng)]
        if isinstance(out, jaggy.Array):
            out.to_list()


def fuzz_kernels(seed: int) -> None:
    from jaggy import _ext
    from jaggy._kernels import KERNELS

    rng = random.Random(seed)
    name = rng.choice(sorted(KERNELS))
    spec: Any = KERNELS[name]
    args: list[Any] = []
    for a in spec["args"]:
        if "scalar" in a:
            args.append(rng.choice([0, 1, 2, 3, 10, -1, 2**40]) if a["scalar"] != "bool" else rng.random() < 0.5)
        else:
            dt = a["dtype"]
            dt = rng.choice(spec["types"][dt]) if dt in spec["types"] else dt
            n = rng.choice([0, 1, 2, 3, 5, 11])
            args.append(np.array([rng.randint(-3, 12) for _ in range(n)]).astype(dt))
    getattr(_ext, name)(*args)


TARGETS: dict[str, Callable[[int], None]] = {
    "from_buffers": fuzz_from_buffers,
    "from_iter": fuzz_from_iter,
    "builder": fuzz_builder,
    "getitem": fuzz_getitem,
    "kernels": fuzz_kernels,
    "printing": fuzz_printing,
}
_EXPECTED = (ValueError, TypeError, IndexError, KeyError, AttributeError, OverflowError,
             NotImplementedError, RecursionError, MemoryError, UnicodeError)


def _worker(target: str, seeds: range, queue: Any) -> None:
    fn = TARGETS[target]
    unexpected = []
    for seed in seeds:
        queue.put(("start", seed))
        try:
            fn(seed)
            queue.put(("ok", seed))
        except _EXPECTED:
            pass
        except AssertionError:
            unexpected.append((seed, traceback.format_exc(limit=3)))
        except Exception:
            unexpected.append((seed, traceback.format_exc(limit=3)))
    queue.put(("done", unexpected))


def run(target: str, start: int, count: int, timeout: float) -> tuple[int, list, int]:
    """Runs seeds start..start+count-1 of one target in a worker; restarts it after a crash.

    Returns the number of inputs run, the failures and the number of inputs that ran to the
    end without an exception (the rest raised one of the expected Python exceptions).
    """
    failures: list = []
    done = 0
    passed = 0
    next_seed = start
    ctx = mp.get_context("fork")
    while next_seed < start + count:
        queue = ctx.Queue()
        proc = ctx.Process(target=_worker, args=(target, range(next_seed, start + count), queue))
        proc.start()
        current = None
        while True:
            try:
                kind, value = queue.get(timeout=timeout)
            except Exception:
                proc.kill()
                proc.join()
                failures.append((current, "hang" if proc.exitcode in (None, -9) else f"crash (exit {proc.exitcode})"))
                next_seed = (current if current is not None else next_seed) + 1
                break
            if kind == "ok":
                passed += 1
            elif kind == "start":
                current = value
                done = value - start + 1
            else:
                failures.extend(value)
                proc.join()
                next_seed = start + count
                break
    return done, failures, passed


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=10_000,
                   help="inputs in total, shared equally by the targets")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--targets", default=",".join(TARGETS))
    p.add_argument("--timeout", type=float, default=20.0, help="seconds one input may take")
    args = p.parse_args(argv)
    total, all_failures = 0, []
    t0 = time.perf_counter()
    targets = args.targets.split(",")
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        p.error(f"unknown targets {unknown}; choose from {sorted(TARGETS)}")
    per_target = -(-args.n // len(targets))
    for target in targets:
        done, failures, passed = run(target, args.seed, per_target, args.timeout)
        total += done
        all_failures += [(target, seed, what) for seed, what in failures]
        crashes = sum(1 for _, what in failures if isinstance(what, str) and what.startswith("crash"))
        hangs = sum(1 for _, what in failures if what == "hang")
        print(f"{target:14s} {done:8d} inputs ({passed} ran through, {done - passed - len(failures)} "
              f"expected errors)  {crashes} crashes  {hangs} hangs  "
              f"{len(failures) - crashes - hangs} unexpected errors", flush=True)
    for target, seed, what in all_failures[:20]:
        print(f"\nFAIL {target} seed={seed}:\n{what}")
    print(f"fuzz: {total} inputs, {len(all_failures)} failures (crashes, hangs or unexpected errors) "
          f"in {time.perf_counter() - t0:.0f} s")
    return 1 if all_failures else 0


if __name__ == "__main__":
    sys.exit(main())
