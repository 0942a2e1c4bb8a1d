"""Differential tests of jaggy.types (and its type-string parser) against Awkward."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import awkward
import jaggy.forms as jf
import jaggy.types as jt
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from test_forms import AK_FORMS, FORM_DICTS


def _show(t: Any) -> str:
    buf = io.StringIO()
    t.show(stream=buf)
    return buf.getvalue()


# Each case builds a type from a module with Awkward's types API (awkward.types or
# jaggy.types), so that the same construction runs in both libraries.
def _cases() -> list[Callable[[Any], Any]]:
    def n(T: Any, p: str = "int64", **kw: Any) -> Any:
        return T.NumpyType(p, **kw)

    def string(T: Any) -> Any:
        char = T.NumpyType("uint8", parameters={"__array__": "char"})
        return T.ListType(char, parameters={"__array__": "string"})

    P = {"foo": 1}
    return [
        lambda T: n(T),
        lambda T: n(T, "datetime64[s]"),
        lambda T: n(T, "timedelta64[15us]"),
        lambda T: n(T, "float16", parameters=P),
        lambda T: n(T, parameters={"__unit__": "s"}),
        lambda T: n(T, parameters={"__unit__": "15us", "a": [1, None]}),
        lambda T: n(T, parameters={"x": None}),
        lambda T: n(T, parameters={"__doc__": "documented"}),
        lambda T: n(T, parameters={"__categorical__": True}),
        lambda T: n(T, "uint8", parameters={"__array__": "char"}),
        lambda T: n(T, "uint8", parameters={"__array__": "byte"}),
        lambda T: T.UnknownType(),
        lambda T: T.ListType(n(T)),
        lambda T: T.ListType(n(T), parameters=P),
        lambda T: T.ListType(T.UnknownType(), parameters={"__categorical__": True}),
        lambda T: string(T),
        lambda T: T.ListType(n(T, "uint8", parameters={"__array__": "byte"}),
                             parameters={"__array__": "bytestring"}),
        lambda T: T.RegularType(n(T, "uint8", parameters={"__array__": "char"}), 5,
                                parameters={"__array__": "string"}),
        lambda T: T.RegularType(n(T), 3),
        lambda T: T.RegularType(T.RegularType(n(T, "float32"), 3), 0, parameters=P),
        lambda T: T.OptionType(n(T)),
        lambda T: T.OptionType(n(T), parameters=P),
        lambda T: T.OptionType(T.ListType(n(T))),
        lambda T: T.OptionType(T.RegularType(n(T), 2)),
        lambda T: T.OptionType(string(T)),
        lambda T: T.OptionType(T.RecordType([n(T)], ["x"])),
        lambda T: T.OptionType(n(T), parameters={"__categorical__": True}),
        lambda T: T.OptionType(T.ListType(n(T)), parameters={"__categorical__": True}),
        lambda T: T.RecordType([n(T), T.OptionType(n(T))], ["x", "y"]),
        lambda T: T.RecordType([n(T), string(T)], None),
        lambda T: T.RecordType([], None),
        lambda T: T.RecordType([], []),
        lambda T: T.RecordType([n(T)], ["a b"]),
        lambda T: T.RecordType([n(T)], ['q"uote']),
        lambda T: T.RecordType([n(T)], ["1"]),
        lambda T: T.RecordType([n(T), n(T)], ["x", "y"], parameters={"__record__": "Point"}),
        lambda T: T.RecordType([n(T)], None, parameters={"__record__": "Pair"}),
        lambda T: T.RecordType([n(T)], ["x"], parameters={"__record__": "P", "z": 2}),
        lambda T: T.RecordType([n(T)], None, parameters={"__record__": "P", "z": 2}),
        lambda T: T.RecordType([], [], parameters={"__record__": "P", "z": 2}),
        lambda T: T.RecordType([n(T)], ["x"], parameters={"z": 2}),
        lambda T: T.RecordType([n(T)], None, parameters={"z": 2}),
        lambda T: T.RecordType([n(T)], ["x"], parameters={"__record__": "a b"}),
        lambda T: T.RecordType([n(T)], ["x"], parameters={"__record__": "string", "q": 1}),
        lambda T: T.RecordType([n(T)], ["x"], parameters={"__record__": "float64"}),
        lambda T: T.RecordType([n(T)], ["x"], parameters={"__categorical__": True}),
        lambda T: T.RecordType(
            [T.ListType(T.RecordType([n(T), T.UnknownType()], ["a", "b"])), n(T)], ["x", "y"]
        ),
        lambda T: T.UnionType([n(T), string(T)]),
        lambda T: T.UnionType([n(T), T.ListType(n(T))], parameters=P),
        lambda T: T.UnionType([]),
        lambda T: T.UnionType([T.RecordType([n(T)], ["x"]), T.OptionType(n(T))]),
    ]  # fmt: skip


CASES = _cases()


@pytest.mark.parametrize("i", range(len(CASES)))
def test_type_strings(i: int) -> None:
    mine, theirs = CASES[i](jt), CASES[i](awkward.types)
    assert str(mine) == str(theirs)
    assert _show(mine) == _show(theirs)
    assert mine.show(stream=None) + "\n" == _show(theirs)
    assert repr(mine) == repr(theirs)
    assert mine == CASES[i](jt)
    for length in (0, 5):
        assert str(jt.ArrayType(mine, length)) == str(awkward.types.ArrayType(theirs, length))
        assert _show(jt.ArrayType(mine, length)) == _show(awkward.types.ArrayType(theirs, length))
    assert str(jt.ScalarType(mine)) == str(awkward.types.ScalarType(theirs))
    assert repr(jt.ScalarType(mine)) == repr(awkward.types.ScalarType(theirs))
    # equality follows Awkward: compare each case with every other one
    for j in range(len(CASES)):
        other = CASES[j](awkward.types)
        try:
            expected = theirs == other
            all_params = theirs.is_equal_to(other, all_parameters=True)
        except ValueError:  # Awkward zips tuples of different lengths strictly
            expected = all_params = False
        assert (mine == CASES[j](jt)) == expected, (i, j)
        assert mine.is_equal_to(CASES[j](jt), all_parameters=True) == all_params, (i, j)


def test_array_type_from_arrays() -> None:
    values = [
        [[1, 2], [], [3]],
        [{"x": 1.1, "y": [None, 2]}],
        [1, "two", None],
        np.zeros((2, 3), "f4"),
    ]
    for v in values:
        arr = awkward.Array(v)
        form = jf.from_json(arr.layout.form.to_json())
        assert str(jt.ArrayType(form.type, len(arr))) == str(arr.type)
        rec = awkward.Array([{"x": 1, "y": "s"}])[0]
        assert str(jt.ScalarType(jf.from_json(arr.layout.form.to_json()).type))
        assert str(rec.type) == "{x: int64, y: string}"


def test_unknown_length() -> None:
    t = jt.ArrayType(jt.NumpyType("int64"), None)
    assert t.length is jt.unknown_length
    assert str(t) == "## * int64"
    assert t == jt.ArrayType(jt.NumpyType("int64"), 3)
    assert str(jt.RegularType(jt.NumpyType("int8"), jt.unknown_length)) == "## * int8"
    assert repr(jt.unknown_length) == "unknown_length"


def test_typestr_overrides() -> None:
    t = jt.ListType(jt.NumpyType("int64"), parameters={"__list__": "Vec"})
    r = jt.RecordType([jt.NumpyType("int64")], ["x"], parameters={"__record__": "Point"})
    assert str(t) == '[var * int64, parameters={"__list__": "Vec"}]'
    behavior = {("__typestr__", "Vec"): "vector", ("__typestr__", "Point"): "pt"}
    assert str(jt.ArrayType(t, 2, behavior)) == "2 * vector"
    assert str(jt.ArrayType(jt.ListType(r), 2, behavior)) == "2 * var * pt"
    expected = awkward.types.ArrayType(
        awkward.types.ListType(awkward.types.NumpyType("int64"), parameters={"__list__": "Vec"}),
        2,
        behavior,
    )
    assert str(jt.ArrayType(t, 2, behavior)) == str(expected)
    jt.typestr_overrides[("__typestr__", "Vec")] = "global-vector"
    try:
        assert str(t) == "global-vector"
    finally:
        del jt.typestr_overrides[("__typestr__", "Vec")]


@pytest.mark.parametrize(
    ("make", "exc", "match"),
    [
        (lambda: jt.NumpyType("int65"), TypeError, "NumpyType 'primitive'"),
        (lambda: jt.NumpyType("int64", parameters=[1]), TypeError, "NumpyType 'parameters'"),
        (lambda: jt.ListType("int64"), TypeError, "ListType 'content' must be a Type"),
        (lambda: jt.RegularType(jt.UnknownType(), -1), ValueError, "RegularType 'size'"),
        (lambda: jt.OptionType(3), TypeError, "OptionType 'content'"),
        (lambda: jt.RecordType([jt.UnknownType()], ["a", "b"]), ValueError, "same length"),
        (lambda: jt.RecordType([3], None), TypeError, "RecordType all 'contents'"),
        (lambda: jt.RecordType([], "ab"), TypeError, "RecordType 'fields'"),
        (lambda: jt.UnionType([3]), TypeError, "UnionType all 'contents'"),
        (lambda: jt.UnknownType(parameters={"a": 1}), TypeError, "cannot contain parameters"),
        (lambda: jt.ArrayType(jt.UnknownType(), -2), ValueError, "ArrayType 'length'"),
        (lambda: jt.primitive_to_dtype("nope"), TypeError, "unrecognized primitive"),
        (lambda: jt.dtype_to_primitive(np.dtype("U3")), TypeError, "unsupported dtype"),
    ],
)
def test_type_errors(make: Callable[[], Any], exc: type, match: str) -> None:
    with pytest.raises(exc, match=match):
        make()


def test_record_members() -> None:
    r = jt.RecordType([jt.NumpyType("int64"), jt.UnknownType()], ["x", "y"])
    assert r.fields == ["x", "y"]
    assert not r.is_tuple
    assert r.content("y") == jt.UnknownType()
    assert r.field_to_index("y") == 1
    assert r.index_to_field(0) == "x"
    assert r.has_field("x")
    t = jt.RecordType([jt.NumpyType("int64")], None)
    assert t.fields == ["0"]
    assert t.is_tuple


def test_primitives() -> None:
    for p in ["bool", "int8", "uint64", "float16", "complex128", "datetime64[D]", "timedelta64"]:
        assert jt.dtype_to_primitive(jt.primitive_to_dtype(p)) == p
        assert jt.is_primitive(p)
        assert jt.primitive_to_dtype(p) == awkward.types.numpytype.primitive_to_dtype(p)
    assert not jt.is_primitive("string")
    assert jt.dtype_to_primitive(np.int32) == "int32"


# ----------------------------------------------------------------------------- parsing

DATASHAPES = [
    "3 * var * int64",
    "2 * 3 * float32",
    "5 * ?int64",
    "1 * option[var * int64]",
    "2 * {x: float64, y: ?int64}",
    "2 * (int64, string)",
    "3 * Point[x: int64, y: int64]",
    "3 * Pair[int64, int64]",
    "1 * union[int64, string]",
    "0 * unknown",
    "1 * bytes",
    "1 * string[5]",
    "1 * bytes[5]",
    "1 * char",
    "2 * categorical[type=string]",
    '2 * int64[parameters={"foo": 1}]',
    '2 * [var * int64, parameters={"foo": [1, {"a": null}]}]',
    '2 * [3 * int64, parameters={"foo": 1}]',
    '2 * option[int64, parameters={"x": true}]',
    '2 * struct[{x: int64}, parameters={"a": 1}]',
    '2 * tuple[[int64, bool], parameters={"a": 1}]',
    '2 * P[x: int64, parameters={"a": 1}]',
    '2 * P[int64, parameters={"a": 1}]',
    '2 * P[parameters={"a": 1}]',
    '2 * union[int64, bool, parameters={"x": 1}]',
    '2 * {"a b": int64, "q\\"uote": ?string}',
    "2 * datetime64[s]",
    "2 * timedelta64[15us]",
    '2 * datetime64[ms][parameters={"a": 1}]',
    "2 * {}",
    "2 * ()",
    "2 * {int64: int64, var: bool}",
    "3 * var * {x: var * ?{y: union[int64, var * string]}}",
    "{x: int64, y: string}",
    "?union[?int64, ?string]",
]


@pytest.mark.parametrize("text", DATASHAPES)
def test_from_datashape(text: str) -> None:
    highlevel = text[0].isdigit()
    theirs = awkward.types.from_datashape(text, highlevel=highlevel)
    mine = jt.from_datashape(text, highlevel=highlevel)
    assert type(mine).__name__ == type(theirs).__name__
    assert str(mine) == str(theirs)
    assert repr(mine) == repr(theirs)
    assert mine.is_equal_to(jt.from_datashape(str(mine), highlevel=highlevel), all_parameters=True)
    # the multi-line form parses back too
    assert str(jt.from_datashape(mine.show(stream=None), highlevel=highlevel)) == str(mine)
    if not highlevel:
        with pytest.raises(ValueError, match="not compatible with highlevel=True"):
            jt.from_datashape(text) if text[0] != "{" else jt.from_datashape("?" + text)


# strings that Awkward prints but its own parser rejects: jaggy parses them back
JAGGY_ONLY_DATASHAPES = [
    '2 * unknown[parameters={"x": 1}]',
    '2 * int64[unit="s"]',
    '2 * int64[unit="15us", parameters={"a": 1}]',
    'datetime64[ms][unit="ms"]',
]


@pytest.mark.parametrize("text", JAGGY_ONLY_DATASHAPES)
def test_from_datashape_beyond_awkward(text: str) -> None:
    highlevel = text[0].isdigit()
    mine = jt.from_datashape(text, highlevel=highlevel)
    assert str(mine) == text
    assert str(jt.from_datashape(mine.show(stream=None), highlevel=highlevel)) == text


@pytest.mark.parametrize("text", ["", "var *", "int64]", "{x: }", "nope", "3 * [var * int64]"])
def test_from_datashape_errors(text: str) -> None:
    with pytest.raises(ValueError, match="cannot parse type string"):
        jt.from_datashape(text, highlevel=False)


@pytest.mark.parametrize("ak_form", AK_FORMS, ids=[str(f.type) for f in AK_FORMS])
def test_from_datashape_of_form_types(ak_form: awkward.forms.Form) -> None:
    text = str(ak_form.type)
    mine = jt.from_datashape(text, highlevel=False)
    assert str(mine) == text
    if "unit=" not in text and "unknown[" not in text:  # Awkward cannot parse these
        assert repr(mine) == repr(awkward.types.from_datashape(text, highlevel=False))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FORM_DICTS)
def test_hypothesis_type_strings(d: dict | str) -> None:
    ak_type = awkward.forms.from_dict(d).type
    mine = jf.from_dict(d).type
    assert str(mine) == str(ak_type)
    assert _show(mine) == _show(ak_type)
    assert mine == jf.from_dict(d).type
    text = str(ak_type)
    parsed = jt.from_datashape(text, highlevel=False)
    assert str(parsed) == text
    assert str(jt.from_datashape(parsed.show(stream=None), highlevel=False)) == text
    try:
        theirs = awkward.types.from_datashape(text, highlevel=False)
    except Exception:  # Awkward's grammar does not parse every string it prints
        return
    if str(theirs) == text:  # (nor parse them all correctly, e.g. 'float16[...]')
        assert repr(parsed) == repr(theirs)
