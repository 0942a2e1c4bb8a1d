"""``jaggy.ArrayBuilder`` inside ``@numba.njit``.

A builder argument unboxes to (the ``jaggy.ArrayBuilder``, its compiled ``_ext`` builder,
the compiled builder's address). Each method lowers to a direct call of a C function of
``jaggy._ext.builder_addresses()`` (no GIL, no Python objects), which returns 0 on
success. A nonzero status means the builder rejected the call and changed nothing: only
then is the GIL taken and the same method called through Python, which raises the same
exception as outside Numba (the exception then propagates out of the compiled function).
Arguments of types the C functions do not take (e.g. ``integer(1.5)``, ``datetime``,
``extend``) always go through Python.

Text arguments (``string``, ``field``, ``begin_record``) pass Numba's string data: ASCII
strings as UTF-8 bytes, others as their 1/2/4-byte code units, which the C side encodes.
"""

from __future__ import annotations

from typing import Any

import llvmlite.binding
from llvmlite import ir
from numba.core import cgutils, types
from numba.core.datamodel import models
from numba.extending import (
    NativeValue,
    box,
    intrinsic,
    overload,
    overload_method,
    register_model,
    typeof_impl,
    unbox,
)

from jaggy import _ext
from jaggy.builder import ArrayBuilder

for _sym, (_address, _sig) in _ext.builder_addresses().items():
    llvmlite.binding.add_symbol(_sym, _address)


class ArrayBuilderType(types.Type):
    """The Numba type of a ``jaggy.ArrayBuilder`` argument."""

    def __init__(self) -> None:
        super().__init__(name="jaggy.ArrayBuilder")


arraybuilder_type = ArrayBuilderType()


@typeof_impl.register(ArrayBuilder)
def _typeof_builder(val: ArrayBuilder, c: Any) -> ArrayBuilderType:
    return arraybuilder_type


ArrayBuilder._numba_type_ = arraybuilder_type  # type: ignore[attr-defined]


@register_model(ArrayBuilderType)
class ArrayBuilderModel(models.StructModel):
    def __init__(self, dmm: Any, fe_type: Any) -> None:
        members = [("obj", types.pyobject), ("inner", types.pyobject), ("ptr", types.voidptr)]
        super().__init__(dmm, fe_type, members)


@unbox(ArrayBuilderType)
def _unbox_builder(typ: Any, obj: Any, c: Any) -> NativeValue:
    # Borrowed references: the jaggy.ArrayBuilder argument keeps its _builder alive.
    bld = c.builder
    inner = c.pyapi.object_getattr_string(obj, "_builder")
    ptr = cgutils.alloca_once_value(bld, cgutils.voidptr_t(None))
    failed = cgutils.alloca_once_value(bld, cgutils.true_bit)
    with cgutils.if_likely(bld, cgutils.is_not_null(bld, inner)):
        address = c.pyapi.call_method(inner, "_address", ())
        with cgutils.if_likely(bld, cgutils.is_not_null(bld, address)):
            bld.store(c.pyapi.long_as_voidptr(address), ptr)
            bld.store(cgutils.false_bit, failed)
            c.pyapi.decref(address)
        c.pyapi.decref(inner)
    out = cgutils.create_struct_proxy(typ)(c.context, bld)
    out.obj = obj
    out.inner = inner
    out.ptr = bld.load(ptr)
    return NativeValue(out._getvalue(), is_error=bld.load(failed))


@box(ArrayBuilderType)
def _box_builder(typ: Any, val: Any, c: Any) -> Any:
    ab = cgutils.create_struct_proxy(typ)(c.context, c.builder, value=val)
    c.pyapi.incref(ab.obj)
    return ab.obj


# -- lowering helpers -----------------------------------------------------------------

_I8, _I32, _I64 = ir.IntType(8), ir.IntType(32), ir.IntType(64)
_F64 = ir.DoubleType()
_VOIDPTR = cgutils.voidptr_t


_LLTYPES = {"void*": _VOIDPTR, "uint8*": _VOIDPTR, "uint8": _I8, "int32": _I32, "int64": _I64,
            "float64": _F64}


def _signature(text: str) -> ir.FunctionType:
    ret, _, args = text.partition("(")
    return ir.FunctionType(_LLTYPES[ret.strip()],
                           [_LLTYPES[a.strip()] for a in args.rstrip(")").split(",") if a.strip()])


_SIGNATURES = {name: _signature(sig) for name, (_, sig) in _ext.builder_addresses().items()}


def _entry(builder: Any, name: str) -> Any:
    fn = cgutils.get_or_insert_function(builder.module, _SIGNATURES[name], name)
    fn.attributes.add("nounwind")
    return fn


def _slow(context: Any, builder: Any, ab: Any, method: str, argtys: list, argvals: list) -> None:
    """Calls ``ab.inner.<method>(*args)`` through Python; returns the exception if it raises."""
    pyapi = context.get_python_api(builder)
    gil = pyapi.gil_ensure()
    objs = []
    for ty, v in zip(argtys, argvals):
        if isinstance(ty, (types.NoneType, types.Omitted)):
            objs.append(pyapi.make_none())
        elif isinstance(ty, types.StringLiteral):
            objs.append(pyapi.string_from_constant_string(ty.literal_value))
        else:
            context.nrt.incref(builder, ty, v)  # boxing steals a reference
            objs.append(pyapi.from_native_value(ty, v, context.get_env_manager(builder)))
    res = pyapi.call_method(ab.inner, method, objs)
    for o in objs:
        pyapi.decref(o)
    with builder.if_then(cgutils.is_null(builder, res), likely=False):
        pyapi.gil_release(gil)
        context.call_conv.return_exc(builder)
    pyapi.decref(res)
    pyapi.gil_release(gil)


def _text(context: Any, builder: Any, ty: Any, v: Any) -> list:
    """(data, length, kind) of a string: kind 0 = UTF-8 (ASCII), else code-unit width."""
    if not isinstance(ty, types.UnicodeType):
        v = context.cast(builder, v, ty, types.unicode_type)
    s = cgutils.create_struct_proxy(types.unicode_type)(context, builder, value=v)
    ascii_ = builder.icmp_unsigned("!=", s.is_ascii, s.is_ascii.type(0))
    kind = builder.select(ascii_, _I32(0), builder.trunc(s.kind, _I32)
                          if s.kind.type.width > 32 else s.kind)
    return [builder.bitcast(s.data, _VOIDPTR), context.cast(builder, s.length, types.intp,
                                                              types.int64), kind]


def _is_text(ty: Any) -> bool:
    return isinstance(ty, (types.UnicodeType, types.StringLiteral))


def _is_int(ty: Any) -> bool:
    return isinstance(ty, types.Integer) and not isinstance(ty, types.Boolean)


def _scalar_args(context: Any, builder: Any, what: str, ty: Any, v: Any) -> tuple[list, Any]:
    """The C arguments for one value and a condition for the fast call (None: always)."""
    if what == "int64":
        x = context.cast(builder, v, ty, types.int64)
        ok = None
        if ty.bitwidth >= 64 and not ty.signed:  # above INT64_MAX: Python raises the error
            ok = builder.icmp_signed(">=", x, _I64(0))
        return [x], ok
    if what == "float64":
        return [context.cast(builder, v, ty, types.float64)], None
    if what == "bool":
        return [builder.zext(context.cast(builder, v, ty, types.boolean), _I8)], None
    if what == "complex":
        if isinstance(ty, types.Complex):
            z = context.make_complex(builder, types.complex128,
                                     context.cast(builder, v, ty, types.complex128))
            return [z.real, z.imag], None
        return [context.cast(builder, v, ty, types.float64), _F64(0.0)], None
    if what == "text":
        return _text(context, builder, ty, v), None
    if what == "none":
        return [], None
    if what == "bytes":
        arr = context.make_helper(builder, ty, value=v)
        return [builder.bitcast(arr.data, _VOIDPTR), context.cast(builder, arr.nitems,
                                                                    types.intp, types.int64)], None
    msg = f"unknown argument kind {what!r}"
    raise AssertionError(msg)


def _call_entry(builder: Any, entry: str, ptr: Any, cargs: list, ok: Any) -> Any:
    fn = _entry(builder, entry)
    if ok is None:
        return builder.call(fn, [ptr, *cargs])
    status = cgutils.alloca_once_value(builder, _I32(1))
    with builder.if_then(ok, likely=True):
        builder.store(builder.call(fn, [ptr, *cargs]), status)
    return builder.load(status)


def _finish(context: Any, builder: Any, ab: Any, status: Any, method: str, argtys: list,
            argvals: list) -> None:
    failed = builder.icmp_unsigned("!=", status, _I32(0))
    with builder.if_then(failed, likely=False):
        _slow(context, builder, ab, method, argtys, argvals)


def _result(context: Any, sig: Any, args: tuple) -> Any:
    return args[0] if isinstance(sig.return_type, ArrayBuilderType) else context.get_dummy_value()


def _fast0(method: str, entry: str, extra: tuple = (), returns_builder: bool = False) -> Any:
    """An intrinsic ``f(builder)`` calling ``entry(ptr, *extra)``."""

    @intrinsic
    def call(typingctx: Any, b: Any) -> Any:
        def codegen(context: Any, builder: Any, sig: Any, args: tuple) -> Any:
            ab = cgutils.create_struct_proxy(b)(context, builder, value=args[0])
            status = _call_entry(builder, entry, ab.ptr, list(extra), None)
            _finish(context, builder, ab, status, method, [], [])
            return _result(context, sig, args)

        return (b if returns_builder else types.none)(b), codegen

    return call


def _fast1(method: str, entry: str, what: str, returns_builder: bool = False) -> Any:
    """An intrinsic ``f(builder, x)`` calling ``entry(ptr, <x as `what`>)``."""

    @intrinsic
    def call(typingctx: Any, b: Any, x: Any) -> Any:
        def codegen(context: Any, builder: Any, sig: Any, args: tuple) -> Any:
            ab = cgutils.create_struct_proxy(b)(context, builder, value=args[0])
            cargs, ok = _scalar_args(context, builder, what, x, args[1])
            status = _call_entry(builder, entry, ab.ptr, cargs, ok)
            _finish(context, builder, ab, status, method, [x], [args[1]])
            return _result(context, sig, args)

        return (b if returns_builder else types.none)(b, x), codegen

    return call


def _python_call(method: str, returns_builder: bool = False) -> Any:
    """An intrinsic ``f(builder, args_tuple)`` calling the method through Python."""

    @intrinsic
    def call(typingctx: Any, b: Any, args_t: Any) -> Any:
        argtys = list(args_t.types)

        def codegen(context: Any, builder: Any, sig: Any, args: tuple) -> Any:
            ab = cgutils.create_struct_proxy(b)(context, builder, value=args[0])
            values = cgutils.unpack_tuple(builder, args[1], len(argtys))
            _slow(context, builder, ab, method, argtys, values)
            return _result(context, sig, args)

        return (b if returns_builder else types.none)(b, args_t), codegen

    return call


# -- methods --------------------------------------------------------------------------

_APPEND_KINDS = (
    (types.Boolean, "jaggy_ab_boolean", "bool"),
    (types.Integer, "jaggy_ab_integer", "int64"),
    (types.Float, "jaggy_ab_real", "float64"),
    (types.Complex, "jaggy_ab_complex", "complex"),
    ((types.UnicodeType, types.StringLiteral), "jaggy_ab_string", "text"),
)


def _no_arg(name: str) -> None:
    fast = _fast0(name, f"jaggy_ab_{name}")

    @overload_method(ArrayBuilderType, name)
    def impl(b):
        return lambda b: fast(b)


for _name in ("null", "begin_list", "end_list", "end_tuple", "end_record", "clear"):
    _no_arg(_name)


def _one_arg(name: str, accepts: Any, what: str, returns_builder: bool = False) -> Any:
    """A typing function choosing the direct call (``accepts(type)``) or the Python one."""
    fast = _fast1(name, f"jaggy_ab_{name}", what, returns_builder)
    slow = _python_call(name, returns_builder)

    def choose(x: Any) -> Any:
        if accepts(x):
            return lambda b, x: fast(b, x)
        return lambda b, x: slow(b, (x,))

    return choose


_boolean = _one_arg("boolean", lambda t: isinstance(t, types.Boolean), "bool")
_integer = _one_arg("integer", _is_int, "int64")
_real = _one_arg("real", lambda t: _is_int(t) or isinstance(t, types.Float), "float64")
_complex = _one_arg("complex", lambda t: _is_int(t) or isinstance(t, (types.Float, types.Complex)),
                    "complex")
_string = _one_arg("string", _is_text, "text")
_bytestring = _one_arg("bytestring", lambda t: isinstance(t, types.Bytes), "bytes")
_begin_tuple = _one_arg("begin_tuple", _is_int, "int64")
_index = _one_arg("index", _is_int, "int64", returns_builder=True)
_field = _one_arg("field", _is_text, "text", returns_builder=True)


def _register_one_arg(name: str, impl: Any) -> None:
    """``builder.<name>(x)`` inside compiled code: ``impl(x)`` picks the lowering for x's type."""

    @overload_method(ArrayBuilderType, name)
    def _overload(b, x):
        return impl(x)


for _name, _impl in (("boolean", _boolean), ("integer", _integer), ("real", _real),
                     ("complex", _complex), ("string", _string), ("bytestring", _bytestring),
                     ("begin_tuple", _begin_tuple), ("index", _index), ("field", _field)):
    _register_one_arg(_name, _impl)


_begin_record_anon = _fast0("begin_record", "jaggy_ab_begin_record",
                            (_VOIDPTR(None), _I64(0), _I32(-1)))
_begin_record_named = _fast1("begin_record", "jaggy_ab_begin_record", "text")
_begin_record_slow = _python_call("begin_record")


@overload_method(ArrayBuilderType, "begin_record")
def _begin_record(b, name=None):
    if name is None or isinstance(name, (types.NoneType, types.Omitted)):
        return lambda b, name=None: _begin_record_anon(b)
    if _is_text(name):
        return lambda b, name=None: _begin_record_named(b, name)
    return lambda b, name=None: _begin_record_slow(b, (name,))


_datetime = _python_call("datetime")
_timedelta = _python_call("timedelta")
_extend = _python_call("extend")


@overload_method(ArrayBuilderType, "datetime")
def _ov_datetime(b, x, unit=None):
    return lambda b, x, unit=None: _datetime(b, (x, unit))


@overload_method(ArrayBuilderType, "timedelta")
def _ov_timedelta(b, x, unit=None):
    return lambda b, x, unit=None: _timedelta(b, (x, unit))


@overload_method(ArrayBuilderType, "extend")
def _ov_extend(b, iterable):
    return lambda b, iterable: _extend(b, (iterable,))


@intrinsic
def _append(typingctx: Any, b: Any, obj: Any) -> Any:
    """``append`` of a scalar, a string, None or an optional scalar, else through Python."""
    inner = obj.type if isinstance(obj, types.Optional) else obj
    if isinstance(inner, types.NoneType):
        kind: tuple[str, str] | None = ("jaggy_ab_null", "none")
    else:
        kind = next(((e, w) for cls, e, w in _APPEND_KINDS if isinstance(inner, cls)), None)

    def codegen(context: Any, builder: Any, sig: Any, args: tuple) -> Any:
        ab = cgutils.create_struct_proxy(b)(context, builder, value=args[0])
        if kind is None:
            _slow(context, builder, ab, "append", [obj], [args[1]])
            return context.get_dummy_value()
        if not isinstance(obj, types.Optional):
            cargs, ok = _scalar_args(context, builder, kind[1], obj, args[1])
            status = _call_entry(builder, kind[0], ab.ptr, cargs, ok)
        else:
            opt = context.make_helper(builder, obj, value=args[1])
            slot = cgutils.alloca_once(builder, _I32)
            with builder.if_else(opt.valid) as (present, missing):
                with present:
                    cargs, ok = _scalar_args(context, builder, kind[1], inner, opt.data)
                    builder.store(_call_entry(builder, kind[0], ab.ptr, cargs, ok), slot)
                with missing:
                    builder.store(_call_entry(builder, "jaggy_ab_null", ab.ptr, [], None), slot)
            status = builder.load(slot)
        _finish(context, builder, ab, status, "append", [obj], [args[1]])
        return context.get_dummy_value()

    return types.none(b, obj), codegen


@overload_method(ArrayBuilderType, "append")
def _append_method(b, obj):
    return lambda b, obj: _append(b, obj)


@intrinsic
def _length(typingctx: Any, b: Any) -> Any:
    def codegen(context: Any, builder: Any, sig: Any, args: tuple) -> Any:
        ab = cgutils.create_struct_proxy(b)(context, builder, value=args[0])
        n = builder.call(_entry(builder, "jaggy_ab_length"), [ab.ptr])
        return context.cast(builder, n, types.int64, types.intp)

    return types.intp(b), codegen


@overload_method(ArrayBuilderType, "__len__")
def _len_method(b):
    return lambda b: _length(b)


@overload(len)
def _len(b):
    if isinstance(b, ArrayBuilderType):
        return lambda b: _length(b)
    return None
