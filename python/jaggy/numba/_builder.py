"""``jaggy.ArrayBuilder`` inside ``@numba.njit``.

The builder is created (and snapshotted) outside compiled code; inside, each method call
goes to the compiled builder of ``jaggy._ext`` through the Python C API (the GIL is taken
for the call). A failing call (e.g. ``end_list`` without ``begin_list``) raises the same
exception as in Python.
"""

from __future__ import annotations

from typing import Any

from numba.core import cgutils, types
from numba.core.datamodel import models
from numba.extending import (
    NativeValue,
    intrinsic,
    overload_method,
    register_model,
    typeof_impl,
    unbox,
)

from jaggy.builder import ArrayBuilder


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
        super().__init__(dmm, fe_type, [("obj", types.pyobject)])


@unbox(ArrayBuilderType)
def _unbox_builder(typ: Any, obj: Any, c: Any) -> NativeValue:
    inner = c.pyapi.object_getattr_string(obj, "_builder")
    c.pyapi.decref(inner)  # kept alive by the jaggy.ArrayBuilder argument
    out = cgutils.create_struct_proxy(typ)(c.context, c.builder)
    out.obj = inner
    return NativeValue(out._getvalue(), is_error=cgutils.is_null(c.builder, inner))


def _make_call(method: str) -> Any:
    """An intrinsic calling ``builder._builder.<method>(*args)``."""

    @intrinsic
    def call(typingctx: Any, builder_t: Any, args_t: Any) -> Any:
        return _call_sig(method, builder_t, args_t)

    return call


def _call_sig(method: str, builder_t: Any, args_t: Any) -> Any:
    argtypes = list(args_t.types)

    def codegen(context: Any, builder: Any, sig: Any, args: tuple) -> Any:
        pyapi = context.get_python_api(builder)
        gil = pyapi.gil_ensure()
        ab = cgutils.create_struct_proxy(builder_t)(context, builder, value=args[0])
        values = cgutils.unpack_tuple(builder, args[1], len(argtypes))
        objs = []
        for ty, v in zip(argtypes, values):
            if isinstance(ty, types.StringLiteral):
                objs.append(pyapi.string_from_constant_string(ty.literal_value))
            else:
                objs.append(pyapi.from_native_value(ty, v))
        res = pyapi.call_method(ab.obj, method, objs)
        for o in objs:
            pyapi.decref(o)
        failed = cgutils.is_null(builder, res)
        with builder.if_then(failed, likely=False):
            pyapi.gil_release(gil)
            context.call_conv.return_exc(builder)
        pyapi.decref(res)
        pyapi.gil_release(gil)
        return context.get_dummy_value()

    return types.none(builder_t, args_t), codegen


def _method(name: str, nargs: int) -> None:
    _call = _make_call(name)
    if nargs == 0:
        @overload_method(ArrayBuilderType, name)
        def impl0(b):
            return lambda b: _call(b, ())
    elif nargs == 1:
        @overload_method(ArrayBuilderType, name)
        def impl1(b, x):
            return lambda b, x: _call(b, (x,))
    else:
        @overload_method(ArrayBuilderType, name)
        def impl_opt(b, x=None):
            if x is None or isinstance(x, (types.NoneType, types.Omitted)):
                return lambda b, x=None: _call(b, ())
            return lambda b, x=None: _call(b, (x,))


for _name in ("null", "begin_list", "end_list", "end_tuple", "end_record", "clear"):
    _method(_name, 0)
for _name in ("boolean", "integer", "real", "string", "begin_tuple", "index", "field",
              "append"):
    _method(_name, 1)
_method("begin_record", 2)


@intrinsic
def _length(typingctx: Any, builder_t: Any) -> Any:
    def codegen(context: Any, builder: Any, sig: Any, args: tuple) -> Any:
        pyapi = context.get_python_api(builder)
        gil = pyapi.gil_ensure()
        ab = cgutils.create_struct_proxy(builder_t)(context, builder, value=args[0])
        n = pyapi.object_size(ab.obj)
        pyapi.gil_release(gil)
        return n

    return types.intp(builder_t), codegen


@overload_method(ArrayBuilderType, "__len__")
def _len(b):
    return lambda b: _length(b)
