"""A strict stand-in for CuPy, so that the CUDA backend's Python code runs on every CI machine.

``FakeArray`` holds a NumPy array but is not one: like a ``cupy.ndarray`` it refuses implicit
conversion to NumPy (``numpy.asarray(fake)`` raises TypeError), refuses to be mixed with a plain
(non-0-d) ``numpy.ndarray`` in one call, and copies to the host only through ``.get()``,
``.item()``, ``.tolist()`` or ``int()``/``float()``/``bool()`` of a single element. Indexing
returns 0-d arrays, not scalars, as CuPy does. ``xp`` is the module namespace (``cupy``'s place):
every NumPy function that CuPy also has, wrapped to unwrap fake arrays and wrap results.
``FakeDeviceModule`` adapts a ``get_function`` module (tests/kernels/cuda_emu.py's emulation of
the CUDA entry points) to take fake arrays, so that ``CudaKernels(FakeDeviceModule(m), xp)``
launches the emulated kernels on the wrapped buffers.

Example::

    from jaggy.testing import fake_cupy
    a = fake_cupy.xp.arange(3)
    a + 1             # FakeArray([1, 2, 3])
    a.get()           # numpy array([0, 1, 2])
    numpy.asarray(a)  # TypeError, as with CuPy
"""

from __future__ import annotations

import functools
import types
from typing import Any

import numpy as np

__all__ = ["FakeArray", "FakeDeviceModule", "asnumpy", "xp"]

_IMPLICIT = (
    "implicit conversion to a NumPy array is not allowed "
    "(fake device array; use .get() to copy it to the host)"
)


def _mixed(where: str) -> TypeError:
    return TypeError(f"{where}: a fake device array cannot be mixed with a numpy.ndarray")


def _unwrap(x: Any, where: str) -> Any:
    """The NumPy arrays inside ``x`` (nested lists, tuples and dicts); a non-0-d numpy.ndarray
    raises TypeError, as CuPy does."""
    t = type(x)
    if t is FakeArray:
        return x._a
    if t is np.ndarray:
        if x.ndim != 0:
            raise _mixed(where)
        return x
    if t is list or t is tuple:
        return t(_unwrap(v, where) for v in x)
    if t is dict:
        return {k: _unwrap(v, where) for k, v in x.items()}
    return x


def _wrap(x: Any) -> Any:
    """Device arrays for every NumPy array or NumPy scalar in ``x`` (CuPy returns 0-d arrays
    where NumPy returns scalars)."""
    if isinstance(x, np.ndarray):
        return FakeArray(x)
    if isinstance(x, np.generic):
        return FakeArray(np.asarray(x))
    if type(x) is tuple or type(x) is list:
        return type(x)(_wrap(v) for v in x)
    return x


class _Flags:
    __slots__ = ("_f",)

    def __init__(self, flags: Any) -> None:
        self._f = flags

    def __getattr__(self, name: str) -> Any:
        return getattr(self._f, name)

    def __getitem__(self, key: str) -> Any:
        return self._f[key]


class FakeArray:
    """A device array: a NumPy buffer that host code cannot read implicitly."""

    __slots__ = ("__weakref__", "_a")
    __array_priority__ = 100.0
    _jaggy_device_ = "cuda"  # jaggy.backends.backend_of_buffer: a buffer of the 'cuda' backend

    def __init__(self, a: np.ndarray) -> None:
        self._a: Any = a

    # -- attributes --------------------------------------------------------------------------
    shape = property(lambda self: self._a.shape)
    dtype = property(lambda self: self._a.dtype)
    ndim = property(lambda self: self._a.ndim)
    size = property(lambda self: self._a.size)
    nbytes = property(lambda self: self._a.nbytes)
    itemsize = property(lambda self: self._a.itemsize)
    strides = property(lambda self: self._a.strides)
    flags = property(lambda self: _Flags(self._a.flags))
    T = property(lambda self: FakeArray(self._a.T))

    @property
    def base(self) -> Any:
        return None if self._a.base is None else FakeArray(self._a.base)

    @property
    def data(self) -> Any:
        """A stand-in for CuPy's MemoryPointer: ``.ptr`` is the buffer's address."""
        return types.SimpleNamespace(ptr=int(self._a.ctypes.data))

    def __len__(self) -> int:
        return len(self._a)

    def __repr__(self) -> str:
        return f"FakeArray({self._a!r})"

    __str__ = __repr__

    # -- to the host, explicitly -------------------------------------------------------------
    def get(self, stream: Any = None, out: Any = None) -> np.ndarray:
        return self._a.copy()

    def item(self, *args: Any) -> Any:
        return self._a.item(*args)

    def tolist(self) -> Any:
        return self._a.tolist()

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        raise TypeError(_IMPLICIT)

    def __dlpack__(self, *args: Any, **kwargs: Any) -> Any:
        return self._a.__dlpack__(*args, **kwargs)

    def __dlpack_device__(self) -> tuple[int, int]:
        return (2, 0)  # kDLCUDA, device 0

    def _scalar(self, kind: type) -> Any:
        if self._a.size != 1:
            msg = "only size-1 device arrays can be converted to Python scalars"
            raise TypeError(msg)
        return kind(self._a.reshape(()))

    def __int__(self) -> int:
        return self._scalar(int)

    def __float__(self) -> float:
        return self._scalar(float)

    def __complex__(self) -> complex:
        return self._scalar(complex)

    def __bool__(self) -> bool:
        return self._scalar(bool)

    def __iter__(self) -> Any:
        if self._a.ndim == 0:
            msg = "iteration over a 0-d array"
            raise TypeError(msg)
        return (FakeArray(self._a[i]) if self._a.ndim > 1 else FakeArray(np.asarray(self._a[i]))
                for i in range(len(self._a)))

    # -- indexing ----------------------------------------------------------------------------
    def __getitem__(self, key: Any) -> FakeArray:
        return _wrap(self._a[_unwrap(key, "__getitem__")])

    def __setitem__(self, key: Any, value: Any) -> None:
        self._a[_unwrap(key, "__setitem__")] = _unwrap(value, "__setitem__")

    # -- methods -----------------------------------------------------------------------------
    def astype(self, dtype: Any, *args: Any, copy: bool = True, **kwargs: Any) -> FakeArray:
        return FakeArray(self._a.astype(dtype, *args, copy=copy, **kwargs))

    def copy(self, order: str = "C") -> FakeArray:
        return FakeArray(self._a.copy(order))

    def view(self, *args: Any) -> FakeArray:
        return FakeArray(self._a.view(*args))

    def reshape(self, *shape: Any, **kwargs: Any) -> FakeArray:
        return FakeArray(self._a.reshape(*shape, **kwargs))

    def ravel(self, order: str = "C") -> FakeArray:
        return FakeArray(self._a.ravel(order))

    def __getattr__(self, name: str) -> Any:
        # the remaining ndarray methods (sum, max, argmax, cumsum, nonzero, fill, transpose, ...)
        method = getattr(np.ndarray, name, None)
        if method is None or not callable(method) or name.startswith("_"):
            msg = f"'FakeArray' object has no attribute {name!r}"
            raise AttributeError(msg)
        bound = getattr(self._a, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            return _wrap(bound(*_unwrap(args, name), **_unwrap(kwargs, name)))

        return call

    # -- NumPy protocols ---------------------------------------------------------------------
    def __array_ufunc__(self, ufunc: Any, method: str, *inputs: Any, **kwargs: Any) -> Any:
        where = f"numpy.{ufunc.__name__}"
        args = _unwrap(inputs, where)
        kw = _unwrap(kwargs, where)
        out = kw.get("out")
        result = getattr(ufunc, method)(*args, **kw)
        if out is not None:
            given = kwargs["out"]
            return given[0] if isinstance(given, tuple) and len(given) == 1 else given
        return _wrap(result)

    def __array_function__(self, func: Any, types_: Any, args: Any, kwargs: Any) -> Any:
        where = f"numpy.{func.__name__}"
        if func.__name__ not in _CUPY_NAMES:
            return NotImplemented
        return _wrap(func(*_unwrap(args, where), **_unwrap(kwargs, where)))


def _binary(name: str) -> Any:
    ufunc = getattr(np, name)

    def op(self: FakeArray, other: Any) -> Any:
        return ufunc(self, other)

    def rop(self: FakeArray, other: Any) -> Any:
        return ufunc(other, self)

    def unary(self: FakeArray) -> Any:
        return ufunc(self)

    return op, rop, unary


for _name, _dunder in [
    ("add", "add"), ("subtract", "sub"), ("multiply", "mul"), ("true_divide", "truediv"),
    ("floor_divide", "floordiv"), ("remainder", "mod"), ("power", "pow"),
    ("bitwise_and", "and"), ("bitwise_or", "or"), ("bitwise_xor", "xor"),
    ("left_shift", "lshift"), ("right_shift", "rshift"), ("matmul", "matmul"),
]:
    _op, _rop, _ = _binary(_name)
    setattr(FakeArray, f"__{_dunder}__", _op)
    setattr(FakeArray, f"__r{_dunder}__", _rop)

for _name, _dunder in [
    ("less", "lt"), ("less_equal", "le"), ("greater", "gt"), ("greater_equal", "ge"),
    ("equal", "eq"), ("not_equal", "ne"),
]:
    setattr(FakeArray, f"__{_dunder}__", _binary(_name)[0])

for _name, _dunder in [("negative", "neg"), ("positive", "pos"), ("absolute", "abs"),
                       ("invert", "invert")]:
    setattr(FakeArray, f"__{_dunder}__", _binary(_name)[2])
FakeArray.__hash__ = None  # type: ignore[assignment]


# -- the module namespace ----------------------------------------------------------------------
def _cupy_names() -> frozenset[str]:
    """The public names of CuPy (where it is installed: the fake offers no function that CuPy
    lacks); NumPy's otherwise."""
    try:
        import cupy
    except Exception:  # not installed, or a broken CUDA install
        return frozenset(n for n in dir(np) if not n.startswith("_"))
    return frozenset(n for n in dir(cupy) if not n.startswith("_"))


_CUPY_NAMES = _cupy_names()


def _host_input(x: Any) -> Any:
    """asarray/array accept host data (copied to the device, as CuPy does) and device arrays."""
    if type(x) is FakeArray:
        return x._a
    if type(x) is list or type(x) is tuple:
        return type(x)(_host_input(v) for v in x)
    if hasattr(x, "__array__") and not isinstance(x, np.ndarray) and type(x) is not FakeArray:
        return np.asarray(x)
    return x


def asarray(a: Any, dtype: Any = None, order: Any = None, **kwargs: Any) -> FakeArray:
    if type(a) is FakeArray and (dtype is None or np.dtype(dtype) == a.dtype):
        return a
    if type(a) is FakeArray:
        return FakeArray(a._a.astype(dtype))
    return FakeArray(np.array(_host_input(a), dtype=dtype, order=order or "K", copy=True))


def array(a: Any, dtype: Any = None, copy: bool = True, order: Any = "K", **kwargs: Any) -> FakeArray:
    if type(a) is FakeArray:
        return FakeArray(np.array(a._a, dtype=dtype, copy=copy, order=order))
    return FakeArray(np.array(_host_input(a), dtype=dtype, copy=True, order=order))


def ascontiguousarray(a: Any, dtype: Any = None) -> FakeArray:
    return FakeArray(np.ascontiguousarray(asarray(a)._a, dtype=dtype))


def asnumpy(a: Any, stream: Any = None, order: Any = "C", out: Any = None) -> np.ndarray:
    """CuPy's ``asnumpy``: a host copy of a device array (host data passes through)."""
    if type(a) is FakeArray:
        return a.get()
    return np.asarray(a, order=order)


def _wrap_function(fn: Any, name: str) -> Any:
    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        return _wrap(fn(*_unwrap(args, name), **_unwrap(kwargs, name)))

    return call


class _UFunc:
    """A NumPy ufunc that takes device arrays only (its methods too)."""

    def __init__(self, ufunc: Any) -> None:
        self._u = ufunc
        self.__name__ = ufunc.__name__

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._method("__call__", args, kwargs)

    def _method(self, method: str, args: Any, kwargs: Any) -> Any:
        where = f"cupy.{self.__name__}"
        out = kwargs.get("out")
        result = getattr(self._u, method)(*_unwrap(args, where), **_unwrap(kwargs, where))
        if out is not None:
            return out
        return _wrap(result)

    def __getattr__(self, name: str) -> Any:
        if name in ("reduce", "accumulate", "reduceat", "outer", "at"):
            return lambda *a, **k: self._method(name, a, k)
        return getattr(self._u, name)


class _Namespace(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in _CUPY_NAMES or not hasattr(np, name):
            msg = f"module 'fake_cupy.xp' has no attribute {name!r}"
            raise AttributeError(msg)
        value = getattr(np, name)
        if isinstance(value, np.ufunc):
            value = _UFunc(value)
        elif isinstance(value, type) or not callable(value):
            pass  # dtypes (int64, bool_, ...), constants (nan, inf, newaxis)
        else:
            value = _wrap_function(value, f"cupy.{name}")
        setattr(self, name, value)
        return value


xp = _Namespace("fake_cupy.xp", "CuPy's namespace over fake device arrays")
for _fn in (asarray, array, ascontiguousarray, asnumpy):
    setattr(xp, _fn.__name__, _fn)
xp.ndarray = FakeArray  # type: ignore[attr-defined]


class _DeviceFunction:
    def __init__(self, fn: Any) -> None:
        self.fn = fn

    def __call__(self, grid: Any, block: Any, args: tuple) -> Any:
        host = []
        for a in args:
            if type(a) is np.ndarray:
                raise _mixed("kernel launch")
            host.append(a._a if type(a) is FakeArray else a)
        return self.fn(grid, block, tuple(host))


class FakeDeviceModule:
    """``module.get_function(name)(grid, block, args)`` over fake device arrays: unwraps them to
    their NumPy buffers and calls ``inner`` (a module with the same convention on NumPy arrays,
    such as the CPU emulation of the CUDA entry points). A numpy.ndarray argument raises."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def get_function(self, name: str) -> _DeviceFunction:
        return _DeviceFunction(self.inner.get_function(name))
