"""jaggy.ArrayBuilder inside @njit through the direct C entry points.

Each sequence of calls is run three ways: compiled with a jaggy builder, the same Python
function (``.py_func``) on a jaggy builder, and compiled with Awkward's ArrayBuilder (its
own Numba extension) where Awkward supports the calls. Errors inside @njit must raise
the same exception type and message as outside.
"""

from __future__ import annotations

import re
import threading

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

numba = pytest.importorskip("numba")

import awkward as ak  # noqa: E402
import jaggy  # noqa: E402
import jaggy.numba  # noqa: E402

jaggy.numba.register()


def _same(fn, *args, awkward=True):
    """Runs ``fn`` compiled and in Python on jaggy builders (and compiled on Awkward's)."""
    b = jaggy.ArrayBuilder()
    fn(b, *args)
    p = jaggy.ArrayBuilder()
    fn.py_func(p, *args)
    out, ref = b.snapshot(), p.snapshot()
    assert out.to_list() == ref.to_list()
    assert str(out.type) == str(ref.type)
    if awkward:
        a = ak.ArrayBuilder()
        fn(a, *args)
        assert out.to_list() == a.snapshot().to_list()
        assert str(out.type) == str(a.snapshot().type)
    return out


def _same_error(fn, *args):
    """``fn`` raises the same exception compiled and in Python; builders end up equal."""
    b = jaggy.ArrayBuilder()
    with pytest.raises(Exception) as inside:
        fn(b, *args)
    p = jaggy.ArrayBuilder()
    with pytest.raises(Exception) as outside:
        fn.py_func(p, *args)
    assert type(inside.value) is type(outside.value)
    assert _message(inside.value) == _message(outside.value)
    assert b.to_list() == p.to_list()
    assert len(b) == len(p)
    return inside.value


def _message(err):
    """The exception's message without object addresses (pybind11 shows ``self``'s)."""
    return re.sub(r"0x[0-9a-f]+", "0x...", str(err))


# -- each method ----------------------------------------------------------------------


@numba.njit
def _scalars(b, n):
    for i in range(n):
        b.integer(i)
        b.real(i + 0.25)
        b.boolean(i % 2 == 0)
        b.null()
        b.complex(complex(i, -i))
        b.string("x")


def test_scalars_make_a_union():
    out = _same(_scalars, 4)
    assert len(out) == 24


@numba.njit
def _numbers(b, n):
    for i in range(n):
        b.integer(np.int32(i))
        b.integer(np.uint8(i))
        b.real(np.float32(0.5))
        b.real(i)
        if i % 3 == 0:
            b.null()


def test_numbers_promote_and_options():
    _same(_numbers, 7)


@numba.njit
def _complexes(b, n):
    for i in range(n):
        b.complex(1 + 2j)
        b.complex(i)
        b.complex(0.5)


@numba.njit
def _complex64(b):
    b.complex(np.complex64(1 + 2j))


def test_complex():
    _same(_complexes, 3)
    # Awkward's own lowering passes complex64 parts as float32 to a float64 function.
    assert _same(_complex64, awkward=False).to_list() == [1 + 2j]


@numba.njit
def _lists(b, n):
    for i in range(n):
        b.begin_list()
        for j in range(i % 4):
            b.real(j * 0.5)
        b.end_list()
        if i % 5 == 0:
            b.null()


def test_lists_with_options():
    _same(_lists, 20)


@numba.njit
def _nested(b, n):
    for i in range(n):
        b.begin_record()
        b.field("x").integer(i)
        b.field("y")
        b.begin_list()
        for j in range(i % 3):
            b.begin_record()
            b.field("a")
            b.real(j)
            if j % 2 == 0:
                b.field("b")
                b.boolean(True)
            b.end_record()
        b.end_list()
        if i % 2 == 0:
            b.field("z")
            b.string("abc")
        b.end_record()


def test_nested_records_lists_options():
    _same(_nested, 9)


@numba.njit
def _named_and_tuples(b, n):
    for i in range(n):
        b.begin_record("Point")
        b.field("t")
        b.begin_tuple(3)
        b.index(0).integer(i)
        b.index(2)
        b.string("s")
        b.end_tuple()
        b.end_record()


def test_named_records_and_tuples():
    out = _same(_named_and_tuples, 5)
    assert out.layout.parameter("__record__") == "Point"


@numba.njit
def _appends(b, n):
    for i in range(n):
        b.append(i)
        b.append(i * 0.5)
        b.append(i % 2 == 1)
        b.append(None)
        b.append(complex(0, i))
        b.append("s")


def test_append_scalars():
    _same(_appends, 3)


@numba.njit
def _appends_optional(b, xs):
    for x in xs:
        b.begin_list()
        b.append(x if x > 1.0 else None)
        b.end_list()


def test_append_optional():
    _same(_appends_optional, np.array([0.5, 1.5, 2.5, 1.0]))


@numba.njit
def _strings(b, words):
    for w in words:
        b.string(w)
    b.string("ü")
    b.string("")


def test_strings_non_ascii():
    words = ("plain", "héllo", "日本語", "emoji 😀", "mixed ascii", "")
    out = _same(_strings, words)
    assert out.to_list()[:6] == list(words)


@numba.njit
def _runtime_strings(b, n):
    for i in range(n):
        b.string("k" + str(i) + "é" * (i % 2))


def test_runtime_built_strings():
    out = _same(_runtime_strings, 4, awkward=False)
    assert out.to_list() == ["k0", "k1é", "k2", "k3é"]


@numba.njit
def _dynamic_fields(b, names, record_name):
    for i in range(3):
        b.begin_record(record_name)
        for name in names:
            b.field(name)
            b.integer(i)
        b.end_record()


def test_field_and_record_names_from_variables():
    out = _same(_dynamic_fields, ("a", "ñ", "名前", "😀"), "Rec", awkward=False)
    assert out.fields == ["a", "ñ", "名前", "😀"]
    assert out.layout.parameter("__record__") == "Rec"
    _same(_dynamic_fields, ("x", "y"), "Ünï", awkward=False)


@numba.njit
def _bytes(b, data):
    b.bytestring(data)
    b.bytestring(data)


def test_bytestring():
    out = _same(_bytes, b"\x00ab\xff", awkward=False)
    assert out.to_list() == [b"\x00ab\xff"] * 2


@numba.njit
def _times(b, x):
    b.datetime(x)
    b.datetime(x)


def test_datetime_through_python():
    x = np.datetime64("2020-01-02T03:04", "s")
    out = _same(_times, x, awkward=False)
    assert len(out) == 2


@numba.njit
def _length_and_clear(b, n):
    for i in range(n):
        b.integer(i)
    before = len(b)
    b.clear()
    b.real(1.5)
    return before, len(b)


def test_len_and_clear():
    b = jaggy.ArrayBuilder()
    b.integer(1)
    assert _length_and_clear(b, 5) == (6, 1)
    assert b.to_list() == [1.5]


def test_reused_across_calls_and_returned():
    @numba.njit
    def fill(b, n):
        for i in range(n):
            b.begin_list()
            b.integer(i)
            b.end_list()
        return b

    b = jaggy.ArrayBuilder()
    assert fill(b, 2) is b
    fill(b, 3)
    with b.list():
        b.real(0.5)
    fill(b, 1)
    assert b.to_list() == [[0], [1], [0], [1], [2], [0.5], [0]]
    assert str(b.type) == "7 * var * float64"


# -- errors ---------------------------------------------------------------------------


@numba.njit
def _end_list_alone(b):
    b.integer(1)
    b.end_list()


@numba.njit
def _field_outside(b):
    b.begin_list()
    b.field("x")


@numba.njit
def _end_record_in_list(b):
    b.begin_list()
    b.end_record()


@numba.njit
def _value_before_field(b):
    b.begin_record()
    b.real(1.0)


@numba.njit
def _field_twice(b):
    b.begin_record()
    b.field("x")
    b.integer(1)
    b.field("x")
    b.integer(2)


@numba.njit
def _tuple_index_out_of_bounds(b):
    b.begin_tuple(2)
    b.index(2)


@numba.njit
def _negative_tuple(b):
    b.begin_tuple(-1)


@numba.njit
def _end_tuple_in_record(b):
    b.begin_record()
    b.end_tuple()


@numba.njit
def _string_before_index(b):
    b.begin_tuple(1)
    b.string("é")


@numba.njit
def _append_before_field(b):
    b.begin_record()
    b.append(1.5)


@numba.njit
def _optional_append_before_field(b, x):
    b.begin_record()
    b.append(x if x > 0 else None)


@pytest.mark.parametrize(
    ("fn", "args", "words"),
    [
        (_end_list_alone, (), "end_list"),
        (_field_outside, (), "field"),
        (_end_record_in_list, (), "end_record"),
        (_value_before_field, (), "real"),
        (_field_twice, (), "more than once"),
        (_tuple_index_out_of_bounds, (), "out of bounds"),
        (_negative_tuple, (), "non-negative"),
        (_end_tuple_in_record, (), "end_tuple"),
        (_string_before_index, (), "string"),
        (_append_before_field, (), "append"),
        (_optional_append_before_field, (1.0,), "append"),
        (_optional_append_before_field, (-1.0,), "append"),
    ],
)
def test_rejected_calls_raise_as_in_python(fn, args, words):
    err = _same_error(fn, *args)
    assert isinstance(err, ValueError)
    assert words in str(err)


@numba.njit
def _integer_of_float(b):
    b.integer(1.5)


@numba.njit
def _integer_of_bool(b):
    b.integer(True)


@numba.njit
def _string_of_int(b):
    b.string(5)


@numba.njit
def _field_of_int(b):
    b.begin_record()
    b.field(3)


@pytest.mark.parametrize(
    "fn", [_integer_of_float, _integer_of_bool, _string_of_int, _field_of_int]
)
def test_wrong_types_raise_as_in_python(fn):
    err = _same_error(fn)
    assert isinstance(err, (TypeError, ValueError))


def test_integer_too_large_raises_as_in_python():
    @numba.njit
    def fill(b, x):
        b.integer(5)
        b.integer(x)

    b, p = jaggy.ArrayBuilder(), jaggy.ArrayBuilder()
    with pytest.raises(ValueError, match="does not fit in int64") as inside:
        fill(b, np.uint64(2**63 + 5))  # a uint64 inside, boxed to a Python int for Python
    with pytest.raises(ValueError, match="does not fit in int64") as outside:
        fill.py_func(p, 2**63 + 5)
    assert str(inside.value) == str(outside.value)
    assert b.to_list() == p.to_list() == [5]
    fill(b, np.uint64(2**63 - 1))
    assert b.to_list() == [5, 5, 2**63 - 1]


@numba.njit
def _lone_surrogate(b, s):
    b.integer(1)
    b.string(s)


def test_unencodable_string_raises_as_in_python():
    err = _same_error(_lone_surrogate, "a\ud800b")
    assert isinstance(err, UnicodeEncodeError)


def test_builder_usable_after_an_error():
    @numba.njit
    def fill(b, bad):
        b.begin_list()
        b.integer(1)
        b.end_list()
        if bad:
            b.end_list()

    b = jaggy.ArrayBuilder()
    with pytest.raises(ValueError, match="end_list"):
        fill(b, True)
    fill(b, False)
    assert b.to_list() == [[1], [1]]


# -- threads --------------------------------------------------------------------------


@numba.njit(nogil=True)
def _nogil_fill(b, n, bad):
    for i in range(n):
        b.begin_list()
        for j in range(i % 5):
            b.begin_record()
            b.field("v")
            b.real(j)
            b.end_record()
        b.end_list()
    if bad:
        b.end_record()
    return len(b)


def test_nogil_threads():
    builders = [jaggy.ArrayBuilder() for _ in range(4)]
    results: list = [None] * 4
    errors: list = [None] * 4

    def work(k):
        try:
            results[k] = _nogil_fill(builders[k], 2000 + k, k == 3)
        except ValueError as err:
            errors[k] = err

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results[:3] == [2000, 2001, 2002]
    assert "end_record" in str(errors[3])
    ref = jaggy.ArrayBuilder()
    _nogil_fill.py_func(ref, 2001, False)
    assert builders[1].to_list() == ref.to_list()
    assert str(builders[1].type) == str(ref.type)


# -- random call sequences (valid or not) ---------------------------------------------

_NAMES = ("a", "bé", "c")
_TEXTS = ("", "x", "ñü", "😀")


@numba.njit
def _replay(b, ops, args):
    for k in range(len(ops)):
        op, v = ops[k], args[k]
        if op == 0:
            b.null()
        elif op == 1:
            b.boolean(v % 2 == 0)
        elif op == 2:
            b.integer(v)
        elif op == 3:
            b.real(v * 0.5)
        elif op == 4:
            b.string(_TEXTS[v % 4])
        elif op == 5:
            b.begin_list()
        elif op == 6:
            b.end_list()
        elif op == 7:
            b.begin_record()
        elif op == 8:
            b.field(_NAMES[v % 3])
        elif op == 9:
            b.end_record()
        elif op == 10:
            b.begin_tuple(v % 3)
        elif op == 11:
            b.index(v % 3)
        elif op == 12:
            b.end_tuple()
        elif op == 13:
            b.append(v)
        else:
            b.complex(complex(v, 1.0))


_scalar_calls = st.tuples(st.sampled_from([0, 1, 2, 3, 4, 13, 14]), st.integers(-3, 5)).map(
    lambda c: [c])


def _concat(parts):
    return [call for part in parts for call in part]


def _containers(inner):
    lists = st.lists(inner, max_size=4).map(lambda xs: [(5, 0), *_concat(xs), (6, 0)])
    records = st.lists(st.tuples(st.integers(0, 2), inner), max_size=3, unique_by=lambda f: f[0]).map(
        lambda fs: [(7, 0), *_concat([(8, k), *v] for k, v in fs), (9, 0)])
    tuples = st.lists(inner, min_size=1, max_size=2).map(
        lambda xs: [(10, len(xs)), *_concat([(11, i), *v] for i, v in enumerate(xs)), (12, 0)])
    return lists | records | tuples


_valid_calls = st.lists(st.recursive(_scalar_calls, _containers, max_leaves=12), max_size=6).map(
    _concat)
_any_calls = st.lists(st.tuples(st.integers(0, 14), st.integers(-3, 5)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(_valid_calls | _any_calls)
def test_random_sequences_match_python(calls):
    ops = np.array([c[0] for c in calls], dtype=np.int64)
    args = np.array([c[1] for c in calls], dtype=np.int64)
    b, p = jaggy.ArrayBuilder(), jaggy.ArrayBuilder()
    inside = outside = None
    try:
        _replay(b, ops, args)
    except Exception as err:
        inside = err
    try:
        _replay.py_func(p, ops, args)
    except Exception as err:
        outside = err
    assert type(inside) is type(outside)
    assert str(inside) == str(outside)
    assert len(b) == len(p)
    assert b.to_list() == p.to_list()
    assert str(b.type) == str(p.type)
    if inside is None:  # a valid sequence: Awkward's builder makes the same array
        a = ak.ArrayBuilder()
        try:
            _replay.py_func(a, ops, args)
        except ValueError:  # Awkward's builder cannot select a slot of a tuple in a tuple
            assert 10 in ops[np.flatnonzero(ops == 10)[0] + 1:]
            return
        assert b.to_list() == a.snapshot().to_list()
        assert str(b.type) == str(a.snapshot().type)
