"""Behaviors (record/array classes by name, mixins, ufunc overrides, type strings) against Awkward.

The behavior classes are built by factories taking the library, so that their bodies are the same
for ``awkward`` and ``jaggy``: one subclasses ``awkward.Record``/``awkward.Array``, the other
``jaggy.Record``/``jaggy.Array``.
"""

from __future__ import annotations

import functools
import numbers
import sys

import awkward as awk
import jaggy
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jaggy import _behavior
from jaggy.testing.strategies import array_pairs, mixed_data, nested_data, scalars

LIBS = (awk, jaggy)


@pytest.fixture(autouse=True)
def _clean_global_behaviors():
    saved = [dict(lib.behavior) for lib in LIBS]
    yield
    for lib, old in zip(LIBS, saved):
        lib.behavior.clear()
        lib.behavior.update(old)


def point_classes(lib):
    class Point(lib.Record):
        @property
        def first(self):
            return self.x

        def pair(self, other):
            return [self.x, other]

    class PointArray(lib.Array):
        @property
        def first(self):
            return self.x

        def pair(self, other):
            return [self.x.to_list(), other]

        @property
        def broken(self):
            return self.no_such_field

    return Point, PointArray


def point_behavior(lib):
    Point, PointArray = point_classes(lib)
    return {"Point": Point, ("*", "Point"): PointArray}


def same(a, j):
    """Same values, type string and classes' names (for Arrays/Records), else equal values."""
    if isinstance(a, (awk.Array, awk.Record)):
        assert type(a).__name__ == type(j).__name__
        assert a.to_list() == j.to_list()
        assert str(a.type) == str(j.type)
        assert repr(a) == repr(j)
    else:
        assert a == j
        assert type(a) is type(j) or isinstance(a, np.generic)


# ---------------------------------------------------------------------------- record/array classes


RECORD_DATA = [
    [{"x": 1, "y": 2.5}, {"x": 3, "y": 4.5}],
    [[{"x": 1, "y": 2.5}], [], [{"x": 3, "y": 4.5}, {"x": 5, "y": 6.5}]],
    [{"x": 1, "y": 2.5}, None, {"x": 3, "y": 4.5}],
    [[[{"x": 1, "y": 2.5}]], [None, []]],
    [],
]


@pytest.mark.parametrize("data", RECORD_DATA, ids=range(len(RECORD_DATA)))
def test_record_and_array_classes(data):
    a, j = (lib.Array(data, with_name="Point", behavior=point_behavior(lib)) for lib in LIBS)
    same(a, j)
    assert str(a) == str(j)
    assert a.show(type=True, stream=None) == j.show(type=True, stream=None)
    if type(a).__name__ == "PointArray":
        same(a.first, j.first)
        assert a.pair(7) == j.pair(7)
        with pytest.raises(AttributeError, match="no_such_field"):
            j.broken
    else:
        for arr in (a, j):
            with pytest.raises(AttributeError):
                arr.first
    for i in range(len(a)):
        same(a[i], j[i])
        if isinstance(a[i], awk.Record):
            assert a[i].first == j[i].first and a[i].pair("z") == j[i].pair("z")
    assert [type(x).__name__ for x in a] == [type(x).__name__ for x in j]
    def public(x, base):
        return sorted(n for n in set(dir(x)) - set(dir(base)) if not n.startswith("_"))

    assert public(a, awk.Array) == public(j, jaggy.Array)


def test_without_behavior_and_unnamed():
    for data in RECORD_DATA[:2]:
        a, j = (lib.Array(data, with_name="Point") for lib in LIBS)
        same(a, j)
        a, j = (lib.Array(data, behavior=point_behavior(lib)) for lib in LIBS)
        same(a, j)
        assert type(j) is jaggy.Array
    # a subclass constructed directly without a behavior naming it becomes the plain class
    a, j = (point_behavior(lib)["*", "Point"]([{"x": 1}]) for lib in LIBS)
    same(a, j)


@settings(max_examples=60, deadline=None)
@given(array_pairs(nested_data(scalars("int"))), st.sampled_from(["Point", "Other"]))
def test_classes_of_named_records_hypothesis(pair, name):
    ours = []
    for lib, arr in zip(LIBS, pair):
        named = lib.with_name(arr, name)
        ours.append(lib.Array(named, behavior=point_behavior(lib)))
    a, j = ours
    same(a, j)
    for i in range(min(len(a), 4)):
        if isinstance(a[i], (awk.Array, awk.Record)):
            same(a[i], j[i])
        else:
            assert awk.to_list(a[i]) == jaggy.to_list(j[i])


@settings(max_examples=40, deadline=None)
@given(array_pairs(mixed_data()))
def test_with_name_unions_hypothesis(pair):
    a, j = (lib.with_name(arr, "Point", behavior=point_behavior(lib)) for lib, arr in zip(LIBS, pair))
    same(a, j)


def test_global_behavior_and_overlay():
    for lib in LIBS:
        lib.behavior.update(point_behavior(lib))
    a, j = (lib.Array([{"x": 1}], with_name="Point") for lib in LIBS)
    same(a, j)
    same(a[0], j[0])
    # a key mapped to None in the array's behavior hides the global entry
    a, j = (lib.Array([{"x": 1}], with_name="Point", behavior={"Point": None}) for lib in LIBS)
    same(a, j)
    same(a[0], j[0])
    # the class is chosen once: clearing the global behavior keeps existing arrays' classes
    a, j = (lib.Array([{"x": 1}], with_name="Point") for lib in LIBS)
    for lib in LIBS:
        lib.behavior.clear()
    same(a, j)
    same(a[0], j[0])


def test_list_classes_by_list_name():
    out = []
    for lib in LIBS:
        inner = lib.contents.ListOffsetArray(
            lib.index.Index64(np.array([0, 2, 2, 3])), lib.contents.NumpyArray(np.array([1.0, 2, 3])),
            parameters={"__list__": "Vec"})
        outer = lib.contents.ListOffsetArray(lib.index.Index64(np.array([0, 1, 3])), inner)

        class VecArray(lib.Array):
            def size(self):
                return len(self)

        out.append((lib.Array(inner, behavior={"Vec": VecArray}),
                    lib.Array(outer, behavior={"Vec": VecArray}),
                    lib.Array(outer, behavior={("*", "Vec"): VecArray})))
    for a, j in zip(*out):
        same(a, j)
    assert out[0][0].size() == out[1][0].size() == 3
    same(out[0][1][1], out[1][1][1])


def test_typestr_overrides():
    for lib in LIBS:
        lib.behavior["__typestr__", "Point"] = "P"
    b = {("__typestr__", "Vec"): "vector"}
    data = [[{"x": 1, "y": [1, 2]}], []]
    a, j = (lib.Array(data, with_name="Point", behavior=point_behavior(lib)) for lib in LIBS)
    same(a, j)
    same(a[0][0], j[0][0])
    assert str(a.type) == str(j.type) == "2 * var * P"
    assert str(jaggy.type(j)) == str(awk.type(a))
    assert a.show(type=True, stream=None) == j.show(type=True, stream=None)
    assert str(a[0][0].type) == str(j[0][0].type)
    a, j = (lib.Array(data, with_name="Vec", behavior=b) for lib in LIBS)
    same(a, j)  # __typestr__ is looked up by __list__ for lists, by __record__ for records
    a, j = (lib.Array(data, with_name="Point", behavior={("__typestr__", "Point"): "pt"}) for lib in LIBS)
    same(a, j)  # the array's behavior wins over the global one


def test_setting_attributes_and_class_updates():
    a, j = (lib.Array([{"x": 1}], behavior=point_behavior(lib)) for lib in LIBS)
    for arr in (a, j):
        arr._private = 3
        assert arr._private == 3
        with pytest.raises(AttributeError):
            arr.x = 5
        with pytest.raises(AttributeError):
            arr.undefined = 5
    for a_, j_ in ((a, j), (a[0], j[0])):
        for arr in (a_, j_):
            with pytest.raises(AttributeError):
                arr.nonexistent
    same(a, j)
    for arr, lib in ((a, awk), (j, jaggy)):
        arr.layout = lib.with_name(arr, "Point", highlevel=False)
    same(a, j)
    for arr in (a, j):
        arr.behavior = None
    same(a, j)
    for arr, lib in ((a, awk), (j, jaggy)):
        arr.behavior = point_behavior(lib)
    same(a, j)
    try:
        jaggy.with_field(j, jaggy.Array([2]), "y")
    except NotImplementedError:
        pass  # item assignment needs jaggy.with_field
    else:
        for arr, lib in ((a, awk), (j, jaggy)):
            arr["y"] = lib.Array([2])
        same(a, j)
        for arr, lib in ((a, awk), (j, jaggy)):
            arr["z"] = lib.Array([{"x": 1}], with_name="Point")
        same(a, j)
    with pytest.raises(TypeError, match="behavior"):
        j.behavior = 3
    with pytest.raises(TypeError, match="behavior"):
        jaggy.Array([1], behavior=3)
    r = jaggy.Record({"x": 1}, with_name="Point", behavior=point_behavior(jaggy))
    same(awk.Record({"x": 1}, with_name="Point", behavior=point_behavior(awk)), r)
    r.behavior = None
    assert type(r) is jaggy.Record


def test_with_name_cases():
    data = [[{"a": {"b": 1}, "c": [{"d": 1}]}], [], None]
    for name in ("P", None):
        a, j = (lib.with_name(lib.Array(data), name) for lib in LIBS)
        same(a, j)
    a, j = (lib.with_name(lib.with_name(lib.Array(data), "P"), None) for lib in LIBS)
    same(a, j)
    for d in ([1, 2], [], [[1.5]], ["ab"], [(1, 2)]):
        a, j = (lib.with_name(lib.Array(d), "P") for lib in LIBS)
        same(a, j)
    a, j = (lib.with_name(lib.Record({"x": 1}), "Point", behavior=point_behavior(lib)) for lib in LIBS)
    assert type(j).__name__ == type(a).__name__ == "Point"
    assert repr(a) == repr(j)
    layout = jaggy.with_name(jaggy.Array([{"x": 1}]), "P", highlevel=False)
    assert isinstance(layout, jaggy.contents.RecordArray) and layout.parameter("__record__") == "P"
    with pytest.raises(TypeError, match=r"jaggy\.with_name"):
        jaggy.with_name(jaggy.Array([{"x": 1}]), 3)


# ---------------------------------------------------------------------------- mixins


def mixin_registry(lib):
    registry = {}

    @lib.mixin_class(registry)
    class Point:
        @property
        def first(self):
            return self.x

        def pair(self, other):
            return [other, self.y]

        @lib.mixin_class_method(np.add, {"Point"})
        def add(self, other):
            return self

        @lib.mixin_class_method(np.negative)
        def neg(self):
            return self

        @lib.mixin_class_method(np.multiply, {numbers.Number})
        def mul(self, other):
            return self

    @lib.mixin_class(registry, "P4")
    class Point4(Point):
        @lib.mixin_class_method(np.subtract, {"Point"}, transpose=False)
        def sub(self, other):
            return self

    return registry


def _comparable(registry):
    def name(x):
        if isinstance(x, functools.partial):
            return "transposed " + x.args[0].__name__
        return getattr(x, "__name__", x)

    return [(tuple(name(k) for k in key) if isinstance(key, tuple) else key, name(value))
            for key, value in registry.items()]


def test_mixin_registries_match_awkward():
    regs = [mixin_registry(lib) for lib in LIBS]
    assert _comparable(regs[0]) == _comparable(regs[1])
    module = sys.modules[__name__]
    assert module.Point4Array is regs[1]["*", "P4"] and module.Point4Record is regs[1]["P4"]
    assert issubclass(regs[1]["P4"], jaggy.Record) and issubclass(regs[1]["*", "Point"], jaggy.Array)
    left, right = regs[1][np.multiply, numbers.Number, "Point"], regs[1][np.multiply, "Point", numbers.Number]
    assert left("L", "R") == right("R", "L")


@pytest.mark.parametrize("name", ["Point", "P4"])
def test_mixin_classes_on_arrays_and_records(name):
    data = [[{"x": 1, "y": 2}], [], [{"x": 3, "y": 4}, {"x": 5, "y": 6}]]
    a, j = (lib.Array(data, with_name=name, behavior=mixin_registry(lib)) for lib in LIBS)
    same(a, j)
    same(a.first, j.first)
    same(a[2], j[2])
    same(a[2][1], j[2][1])
    assert a[2][1].first == j[2][1].first
    assert a[2][1].pair(0) == j[2][1].pair(0)
    assert [x.to_list() for x in a.pair(0) if hasattr(x, "to_list")] == \
        [x.to_list() for x in j.pair(0) if hasattr(x, "to_list")]


def test_mixin_errors():
    with pytest.raises(ValueError, match="rhs"):
        jaggy.mixin_class_method(np.add, ["Point"])
    with pytest.raises(TypeError, match="registry"):
        jaggy.mixin_class(None)
    with pytest.raises(TypeError, match="class"):
        jaggy.mixin_class({})(len)
    from jaggy.behaviors import mixins, string

    assert mixins.mixin_class is jaggy.mixin_class
    assert string.StringBehavior is jaggy.Array


# ---------------------------------------------------------------------------- ufunc overrides


def recording_behavior(lib, calls):
    def named(tag):
        def fcn(*args, **kwargs):
            calls.append(tag)
            return next(x for x in args if isinstance(x, (lib.Array, lib.Record)))
        return fcn

    def generic(tag, decline=False):
        def fcn(ufunc, method, inputs, kwargs):
            calls.append((tag, ufunc.__name__, method, len(inputs)))
            if decline:
                return NotImplemented
            return next(x for x in inputs if isinstance(x, (lib.Array, lib.Record)))
        return fcn

    return {
        (np.negative, "Point"): named("neg"),
        (np.add, "Point", "Point"): named("add PP"),
        (np.add, "Point", "Vec"): named("add PV"),
        (np.multiply, "Point", numbers.Number): named("mul PN"),
        (np.multiply, numbers.Integral, "Point"): named("mul IP"),
        (np.ufunc, "Point"): generic("generic P"),
        (np.add, "Vec"): generic("unary key used generically"),
        (np.ufunc, "Decline"): generic("decline", decline=True),
    }


CASES = [
    ("negative", ["Point"]),
    ("add", ["Point", "Point"]),
    ("add", ["Point", "Vec"]),
    ("add", ["Vec", "Vec"]),
    ("multiply", ["Point", 2]),
    ("multiply", ["Point", 2.5]),
    ("multiply", [3, "Point"]),
    ("multiply", ["Point", "int64s"]),
    ("absolute", ["Point"]),
    ("subtract", ["Point", 1]),
    ("subtract", ["Vec", 1]),
    ("add", ["Decline", "Decline"]),
    ("add", ["Decline", 1]),
]


def _inputs(lib, spec):
    out = []
    for s in spec:
        if s == "int64s":
            out.append(lib.Array(np.array([10, 20])))
        elif isinstance(s, str):
            out.append(lib.Array([{"x": 1}, {"x": 2}], with_name=s))
        else:
            out.append(s)
    return out


@pytest.mark.parametrize(("ufunc", "spec"), CASES, ids=[f"{u}-{s}" for u, s in CASES])
def test_ufunc_override_chooses_like_awkward(ufunc, spec):
    ufunc = getattr(np, ufunc)
    calls_a, calls_j = [], []
    b_a, b_j = recording_behavior(awk, calls_a), recording_behavior(jaggy, calls_j)
    inputs = [x.layout if isinstance(x, jaggy.Array) else x for x in _inputs(jaggy, spec)]
    try:
        out_a = ufunc(*[awk.Array(x, behavior=b_a) if isinstance(x, awk.Array) else x
                        for x in _inputs(awk, spec)])
    except TypeError as err:
        override = _behavior.ufunc_override(ufunc, inputs, b_j)
        if override is not None:
            assert _behavior.apply_override(override, inputs, b_j) is None
        error = _behavior.nominal_type_error(ufunc, inputs)
        assert error is not None and str(error) == str(err)
        assert calls_a == calls_j
        return
    override = _behavior.ufunc_override(ufunc, inputs, b_j)
    assert override is not None
    (out_j,) = _behavior.apply_override(override, inputs, b_j)
    assert calls_a == calls_j
    assert out_a.to_list() == out_j.to_list()


def test_ufunc_override_none_cases():
    plain = jaggy.Array([{"x": 1}]).layout
    point = jaggy.with_name(plain, "Point", highlevel=False)
    assert _behavior.ufunc_override(np.add, [plain, plain], None) is None
    assert _behavior.ufunc_override(np.add, [point, point], None) is None
    assert _behavior.ufunc_override(np.add, [point, plain], {(np.add, "Point", "Point"): len}) is None
    assert _behavior.ufunc_signature(np.add, [plain, 1]) is None
    assert _behavior.ufunc_signature(np.add, [point, 1]) == (np.add, "Point", int)
    assert _behavior.nominal_type_error(np.add, [point, plain]) is None
    jaggy.behavior[np.add, "Point", "Point"] = len
    assert _behavior.ufunc_override(np.add, [point, point], None) is len
    assert _behavior.ufunc_override(np.add, [point, point], {(np.add, "Point", "Point"): None}) is None


def test_mixin_methods_through_ufunc_override():
    reg = mixin_registry(jaggy)
    p4 = jaggy.Array([{"x": 1, "y": 2}], with_name="P4", behavior=reg)
    pt = jaggy.with_name(p4, "Point")
    for ufunc, args, expected in [(np.add, [pt, p4], "transposed add"), (np.add, [p4, pt], "add"),
                                  (np.subtract, [p4, pt], "sub"), (np.negative, [p4], "neg"),
                                  (np.multiply, [p4, 2.5], "mul"), (np.multiply, [2, p4], "transposed mul")]:
        layouts = [x.layout if isinstance(x, jaggy.Array) else x for x in args]
        override = _behavior.ufunc_override(ufunc, layouts, reg)
        assert _comparable({"": override})[0][1] == expected
    assert _behavior.ufunc_override(np.subtract, [pt.layout, p4.layout], reg) is None
    override = _behavior.ufunc_override(np.multiply, [5, p4.layout], reg)
    (out,) = _behavior.apply_override(override, [5, p4.layout], reg)
    assert out.parameter("__record__") == "P4"


def test_other_hooks():
    point = jaggy.with_name(jaggy.Array([{"x": 1}]), "Point")
    jaggy.behavior[jaggy.to_list, "Point"] = "reducer"
    assert _behavior.find_record_reducer(jaggy.to_list, point.layout, None) == "reducer"
    assert _behavior.find_record_reducer(jaggy.to_list, point.layout, {(jaggy.to_list, "Point"): None}) is None

    class Base:
        pass

    class Derived(Base):
        pass

    assert _behavior.find_custom_cast(Derived(), {("__cast__", Base): "cast"}) == "cast"
    assert _behavior.find_custom_cast(3, {("__cast__", Base): "cast"}) is None
    one, two = {"a": 1}, {"a": 2, "b": 3}
    x, y = jaggy.Array([1], behavior=one), jaggy.Array([1], behavior=two)
    assert _behavior.behavior_of(x, y) == {"a": 1, "b": 3}
    assert _behavior.behavior_of(x, x) is one
    assert _behavior.behavior_of(1, jaggy.Array([1])) is None
    assert _behavior.behavior_of(x, behavior=two) is two


def test_behavior_properties_with_ufuncs():
    def classes(lib):
        class Point(lib.Record):
            @property
            def mag(self):
                return np.sqrt(self.x**2 + self.y**2)

        class PointArray(lib.Array):
            @property
            def mag(self):
                return np.sqrt(self.x**2 + self.y**2)

        return {"Point": Point, ("*", "Point"): PointArray}

    data = [[{"x": 3.0, "y": 4.0}], [], [{"x": 1.0, "y": 0.0}]]
    a, j = (lib.Array(data, with_name="Point", behavior=classes(lib)) for lib in LIBS)
    same(a.mag, j.mag)
    assert a[0][0].mag == pytest.approx(j[0][0].mag)


def test_mixin_overrides_through_ufuncs():
    data = [[{"x": 1, "y": 2}], [], [{"x": 3, "y": 4}]]
    a, j = (lib.Array(data, with_name="Point", behavior=mixin_registry(lib)) for lib in LIBS)
    same(a + a, j + j)
    same(-a, -j)
    same(a * 2, j * 2)
    same(2 * a, 2 * j)
    with pytest.raises(TypeError, match="overloads for custom types"):
        j - j


def vector_registry(lib):
    registry = {}

    @lib.mixin_class(registry)
    class Vec:
        @property
        def mag(self):
            return np.sqrt(self.x**2 + self.y**2)

        @lib.mixin_class_method(np.add, {"Vec"})
        def add(self, other):
            return lib.zip({"x": self.x + other.x, "y": self.y + other.y}, with_name="Vec")

        @lib.mixin_class_method(np.multiply, {numbers.Number})
        def mul(self, k):
            return lib.zip({"x": self.x * k, "y": self.y * k}, with_name="Vec")

        @lib.mixin_class_method(np.absolute)
        def abs(self):
            return self.mag

        @lib.mixin_class_method(np.equal, {"Vec"})
        def eq(self, other):
            return (self.x == other.x) & (self.y == other.y)

    return registry


VECTOR_CASES = [
    lambda v, lib: v + v, lambda v, lib: v * 2, lambda v, lib: 3 * v, lambda v, lib: abs(v),
    lambda v, lib: v.mag, lambda v, lib: v == v, lambda v, lib: v[0, 0] + v[0, 1],
    lambda v, lib: v[0] * 2.5, lambda v, lib: v + v[0, 0], lambda v, lib: np.sqrt(v.x) + v.mag,
    lambda v, lib: (v + v).mag, lambda v, lib: v[0, 0].mag, lambda v, lib: v - v,
    lambda v, lib: v + 1, lambda v, lib: np.sin(v), lambda v, lib: lib.zip({"x": v.x}) + 1,
    lambda v, lib: lib.with_name(v, "Other") + v,
]


@pytest.mark.parametrize("case", range(len(VECTOR_CASES)))
def test_vector_overrides_through_ufuncs(case):
    data = [[{"x": 1.0, "y": 2.0}, {"x": 3.0, "y": 4.0}], [], None, [{"x": 5.0, "y": 12.0}]]
    a, j = (lib.Array(data, with_name="Vec", behavior=vector_registry(lib)) for lib in LIBS)
    try:
        expected = VECTOR_CASES[case](a, awk)
    except (TypeError, ValueError) as err:
        with pytest.raises(type(err)) as info:
            VECTOR_CASES[case](j, jaggy)
        if isinstance(err, TypeError):
            assert str(info.value) == str(err)
        return
    same(expected, VECTOR_CASES[case](j, jaggy))


def test_generic_ufunc_handlers_and_casts():
    class Meters:
        def __init__(self, value):
            self.value = value

    def behavior(lib):
        def generic(ufunc, method, inputs, kwargs):
            if ufunc is not np.add:
                return NotImplemented
            args = [lib.without_parameters(x) if isinstance(x, lib.Array) else x for x in inputs]
            return lib.with_name(lib.zip({"x": args[0].x + args[1].x}), "Gen")

        return {(np.ufunc, "Gen"): generic, ("__cast__", Meters): lambda m: m.value}

    data = [[{"x": 1}], [], [{"x": 2}, {"x": 3}]]
    a, j = (lib.Array(data, with_name="Gen", behavior=behavior(lib)) for lib in LIBS)
    same(a + a, j + j)
    with pytest.raises(TypeError) as err_a:
        a * a
    with pytest.raises(TypeError) as err_j:
        j * j
    assert str(err_a.value) == str(err_j.value)
    x_a, x_j = (lib.Array([[1.5], [], [2.5, 3.5]], behavior=behavior(lib)) for lib in LIBS)
    same(x_a + Meters(2), x_j + Meters(2))


# ---------------------------------------------------------------------------- strings


@settings(max_examples=60, deadline=None)
@given(array_pairs(nested_data(scalars("string"), allow_records=False)))
def test_strings_print_and_iterate_like_awkward(pair):
    a, j = pair
    assert repr(a) == repr(j) and str(a) == str(j)
    assert a.show(type=True, stream=None) == j.show(type=True, stream=None)
    assert a.to_list() == j.to_list()
    for x, y in zip(a, j):
        assert type(x).__name__ == type(y).__name__
        assert awk.to_list(x) == jaggy.to_list(y)
    if len(a):
        assert type(a[0]) is type(j[0]) or type(a[0]).__name__ == type(j[0]).__name__


def test_string_elements():
    for data in (["one", "", "thrée"], [b"ab", b""], [["a", None], []]):
        a, j = awk.Array(data), jaggy.Array(data)
        same(a, j)
        assert [awk.to_list(x) for x in a] == [jaggy.to_list(y) for y in j]
        assert type(a[0]) is type(j[0]) or type(a[0]).__name__ == type(j[0]).__name__
    assert jaggy.Array(["thrée"])[0] == "thrée"
    assert list(jaggy.Array([["a", "bc"]])[0]) == ["a", "bc"]
