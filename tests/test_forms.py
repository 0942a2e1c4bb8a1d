"""Differential tests of jaggy.forms against Awkward Array (the oracle)."""

from __future__ import annotations

import json

import awkward
import jaggy.forms as jf
import jaggy.types as jt
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# ----------------------------------------------------------------------------- data

PYTHON_VALUES = [
    [1, 2, 3],
    [1.1, 2.2],
    [True, False],
    [1 + 2j],
    [[1, 2], [], [3]],
    [[1.5, None]],
    [[1, 2], None],
    [None],
    [],
    [[[]]],
    [[[1, 2], []], [[3]]],
    ["a", "bc"],
    [b"x", b"yz"],
    [["a"], [], ["b", None]],
    [(1, "a"), (2, "b")],
    [{"x": 1, "y": [1.0]}, None],
    [{"x": 1, "y": [{"a b": 2, "z": None}]}],
    [{"a b": 1, "z": None}],
    [{"x": {"y": [None, {"z": 1}]}}],
    [{"x": 1}, {"y": 2}],
    [{}, {}],
    [1, "a", [1]],
    [1, None, 2.5],
    [1, None, "two", [3], {"x": 4}],
    [[{"x": 1.1, "y": [1]}], [], [{"x": 2.2, "y": [1, 2]}]],
]


def _awkward_forms() -> list:
    ak = awkward
    forms = [ak.Array(v).layout.form for v in PYTHON_VALUES]
    forms += [
        ak.to_regular(ak.Array(np.zeros((2, 3, 4)))).layout.form,
        ak.from_numpy(np.zeros((2, 3, 4), "i4"), regulararray=False).layout.form,
        ak.Array(np.array(["2020-01-01"], "datetime64[s]")).layout.form,
        ak.Array(np.array([1, 2], "timedelta64[15us]")).layout.form,
        ak.str.to_categorical(ak.Array(["a", "b", "a"])).layout.form,
        ak.str.to_categorical(ak.Array([1, 2, None, 1])).layout.form,
        ak.with_name(ak.Array([{"x": 1, "y": 2}]), "Point").layout.form,
        ak.with_name(ak.Array([(1, 2)]), "Pair").layout.form,
        ak.with_parameter(ak.Array([[1]]), "foo", {"a": [1, 2]}).layout.form,
        ak.to_regular(ak.Array(["ab", "cd"]), axis=1).layout.form,
    ]
    F = ak.forms
    i64 = F.NumpyForm("int64")
    forms += [
        F.EmptyForm(),
        F.EmptyForm(form_key="e"),
        F.NumpyForm("float32", (2, 3), parameters={"a": 1}, form_key="k"),
        F.NumpyForm("uint8", parameters={"__array__": "char"}),
        F.NumpyForm("int64", parameters={"__unit__": "s"}),
        F.NumpyForm("datetime64[ms]", parameters={"__unit__": "ms", "x": None}),
        F.RegularForm(i64, 3, parameters={"x": None}, form_key="q"),
        F.RegularForm(F.EmptyForm(), 0),
        F.ListForm("i32", "i32", F.EmptyForm()),
        F.ListForm("u32", "u32", i64, parameters={"__list__": "L"}),
        F.ListOffsetForm("i32", i64, parameters={"p": "q"}),
        F.RecordForm([F.NumpyForm("bool")], None),
        F.RecordForm([], None),
        F.RecordForm([], []),
        F.RecordForm([], [], parameters={"__record__": "E"}),
        F.RecordForm([i64, i64], ["x", "y"], parameters={"__record__": "int64"}),
        F.RecordForm([i64], ["x"], parameters={"__record__": "a b", "z": 1}),
        F.RecordForm([i64], ["x"], parameters={"__record__": "union"}),
        F.RecordForm([i64], None, parameters={"q": [1]}),
        F.RecordForm([i64], ["1"], parameters={"__record__": "N", "q": {"r": 1}}),
        F.IndexedForm("i64", i64),
        F.IndexedForm("u32", F.EmptyForm(), parameters={"a": 1}),
        F.IndexedForm("i32", i64, parameters={"__array__": "categorical", "b": 2}),
        F.IndexedOptionForm("i32", i64, parameters={"__array__": "categorical"}),
        F.IndexedOptionForm("i64", F.ListOffsetForm("i64", i64)),
        F.IndexedOptionForm("i64", F.ListOffsetForm("i64", i64), parameters={"x": 1}),
        F.ByteMaskedForm("i8", i64, True),
        F.ByteMaskedForm("i8", F.RegularForm(i64, 2), False, form_key="bm"),
        F.BitMaskedForm("u8", i64, False, True),
        F.BitMaskedForm("u8", F.RecordForm([i64], ["x"]), True, False),
        F.UnmaskedForm(i64),
        F.UnmaskedForm(F.UnionForm("i8", "i64", [i64, F.NumpyForm("bool")])),
        F.UnionForm("i8", "i64", [i64, F.NumpyForm("bool")]),
        F.UnionForm("i8", "u32", [i64, F.ListOffsetForm("i64", i64)], parameters={"u": 1}),
        F.IndexedOptionForm(
            "i64", F.UnionForm("i8", "i64", [i64, F.UnmaskedForm(F.NumpyForm("bool"))])
        ),
    ]
    return forms


AK_FORMS = _awkward_forms()


def check_against(ak_form: awkward.forms.Form) -> jf.Form:
    """All the differential checks for one Awkward form; returns the jaggy form."""
    form = jf.from_json(ak_form.to_json())
    for verbose in (True, False):
        assert form.to_dict(verbose=verbose) == ak_form.to_dict(verbose=verbose)
        assert json.dumps(form.to_dict(verbose)) == json.dumps(ak_form.to_dict(verbose))
    assert json.loads(form.to_json()) == json.loads(ak_form.to_json())
    back = awkward.forms.from_json(form.to_json())
    assert back.is_equal_to(ak_form, all_parameters=True, form_key=True)
    assert str(form) == str(ak_form)
    assert repr(form) == repr(ak_form).replace("awkward._nplikes.shape.", "")
    assert str(form.type) == str(ak_form.type)
    assert form.type.show(stream=None) == _show(ak_form.type)
    for attr in (
        "purelist_depth",
        "purelist_isregular",
        "minmax_depth",
        "branch_depth",
        "fields",
        "is_tuple",
        "dimension_optiontype",
        "is_numpy",
        "is_unknown",
        "is_list",
        "is_regular",
        "is_option",
        "is_indexed",
        "is_record",
        "is_union",
        "is_leaf",
    ):
        assert getattr(form, attr) == getattr(ak_form, attr), attr
    assert form.purelist_parameter("__array__") == ak_form.purelist_parameter("__array__")
    if "UnionArray" not in ak_form.to_json():  # Awkward's UnionForm.columns can raise
        assert form.columns() == ak_form.columns()
        assert form.columns("[]") == ak_form.columns("[]")
    # from_type: both libraries agree on the form they build from the type
    try:
        expected = awkward.forms.from_type(ak_form.type).to_dict()
    except TypeError:
        with pytest.raises(TypeError):
            jf.from_type(form.type)
    else:
        assert jf.from_type(form.type).to_dict() == expected
    return form


def _show(ak_type: awkward.types.Type) -> str:
    import io

    buf = io.StringIO()
    ak_type.show(stream=buf)
    return buf.getvalue()[:-1]


@pytest.mark.parametrize("ak_form", AK_FORMS, ids=[str(f.type) for f in AK_FORMS])
def test_differential(ak_form: awkward.forms.Form) -> None:
    check_against(ak_form)


@pytest.mark.parametrize("ak_form", AK_FORMS, ids=[str(f.type) for f in AK_FORMS])
def test_equality_and_copy(ak_form: awkward.forms.Form) -> None:
    form = jf.from_json(ak_form.to_json())
    same = jf.from_dict(ak_form.to_dict(verbose=False))
    assert form == same
    assert form.is_equal_to(same, all_parameters=True, form_key=True)
    copied = form.copy(form_key="other")
    assert copied == form
    assert not copied.is_equal_to(form, form_key=True) or form.form_key == "other"
    assert copied.form_key == "other"
    if form.is_unknown:
        return
    assert form.copy(parameters={"__array__": "zzz"}) != form
    more = form.copy(parameters={**form.parameters, "meta": 1})
    assert more == form  # non-type parameters are ignored...
    assert not more.is_equal_to(form, all_parameters=True)  # ...unless asked for
    assert awkward.forms.from_json(more.to_json()) == ak_form  # as Awkward says


# ----------------------------------------------------------------------------- from_dict


def test_bare_primitive_strings() -> None:
    assert jf.from_dict("float64") == jf.NumpyForm("float64")
    assert jf.from_json('"datetime64[s]"').primitive == "datetime64[s]"
    assert jf.from_dict({"class": "NumpyArray", "primitive": "int8"}).to_dict() == {
        "class": "NumpyArray",
        "primitive": "int8",
        "inner_shape": [],
        "parameters": {},
        "form_key": None,
    }


@pytest.mark.parametrize(
    "name",
    [
        "ListOffsetArray32",
        "ListOffsetArrayU32",
        "ListOffsetArray64",
        "ListArray32",
        "ListArrayU32",
        "ListArray64",
        "IndexedArray64",
        "IndexedArrayU32",
        "IndexedOptionArray32",
        "IndexedOptionArray64",
        "UnionArray8_32",
        "UnionArray8_U32",
        "UnionArray8_64",
    ],
)
def test_awkward1_class_names(name: str) -> None:
    content = {"class": "NumpyArray", "primitive": "int64", "itemsize": 8, "format": "l"}
    d: dict = {"class": name, "content": content, "has_identities": False}
    if name.startswith("ListOffset"):
        d["offsets"] = "i64"
    elif name.startswith("ListArray"):
        d["starts"] = d["stops"] = "i64"
    elif name.startswith("Indexed"):
        d["index"] = "i64"
    else:
        d.update(tags="i8", index="i64", contents=[content, "bool"])
        del d["content"]
    form = jf.from_dict(d)
    expected = awkward.forms.from_dict(d)
    assert form.to_dict() == expected.to_dict()


def test_numpy_format_only() -> None:
    form = jf.from_dict({"class": "NumpyArray", "format": "d", "itemsize": 8})
    assert form.primitive == "float64"


def test_record_contents_as_mapping() -> None:
    d = {"class": "RecordArray", "contents": {"x": "int64", "y": {"class": "EmptyArray"}}}
    form = jf.from_dict(d)
    assert form.fields == ["x", "y"]
    assert form.to_dict() == awkward.forms.from_dict(d).to_dict()
    with pytest.raises(TypeError, match="must not be mappings"):
        jf.from_dict({"class": "RecordArray", "fields": ["x"], "contents": {"x": "int64"}})


def test_unknown_sizes() -> None:
    d = {
        "class": "RegularArray",
        "size": None,
        "content": {"class": "NumpyArray", "primitive": "int8", "inner_shape": [None, 2]},
    }
    form = jf.from_dict(d)
    assert form.size is jt.unknown_length
    assert form.content.inner_shape == (jt.unknown_length, 2)
    assert form.to_dict(verbose=False) == d
    assert str(form.type) == str(awkward.forms.from_dict(d).type) == "## * ## * 2 * int8"
    assert form == jf.from_dict({**d, "size": 5})


def test_unrecognised_class() -> None:
    with pytest.raises(ValueError, match="'Nope' was not recognised"):
        jf.from_dict({"class": "Nope"})
    with pytest.raises(ValueError, match="not supported"):
        jf.from_dict({"class": "VirtualArray"})
    with pytest.raises(TypeError, match="dict or a primitive string"):
        jf.from_dict(3)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("make", "exc", "match"),
    [
        (
            lambda: jf.ListOffsetForm("i8", jf.EmptyForm()),
            ValueError,
            "ListOffsetForm 'offsets' must be one of i32, u32, i64, not 'i8'",
        ),
        (
            lambda: jf.ListOffsetForm(64, jf.EmptyForm()),
            TypeError,
            "ListOffsetForm 'offsets' must be of type str, not 64",
        ),
        (lambda: jf.ListForm("i64", "u8", jf.EmptyForm()), ValueError, "ListForm 'stops'"),
        (
            lambda: jf.IndexedOptionForm("u32", jf.EmptyForm()),
            ValueError,
            "IndexedOptionForm 'index' must be one of i32, i64",
        ),
        (lambda: jf.IndexedForm("i8", jf.EmptyForm()), ValueError, "IndexedForm 'index'"),
        (
            lambda: jf.ByteMaskedForm("u8", jf.EmptyForm(), True),
            ValueError,
            "ByteMaskedForm 'mask' must be one of i8",
        ),
        (
            lambda: jf.ByteMaskedForm("i8", jf.EmptyForm(), 1),
            TypeError,
            "ByteMaskedForm 'valid_when' must be bool",
        ),
        (
            lambda: jf.BitMaskedForm("u8", jf.EmptyForm(), True, "yes"),
            TypeError,
            "BitMaskedForm 'lsb_order' must be bool",
        ),
        (lambda: jf.UnionForm("i32", "i64", []), ValueError, "UnionForm 'tags' must be one of i8"),
        (
            lambda: jf.UnionForm("i8", "i64", [1]),
            TypeError,
            "UnionForm all 'contents' must be Form subclasses, not 1",
        ),
        (
            lambda: jf.ListOffsetForm("i64", "int64"),
            TypeError,
            "ListOffsetForm 'content' must be a Form subclass",
        ),
        (
            lambda: jf.RegularForm(jf.EmptyForm(), -1),
            TypeError,
            "RegularForm 'size' must be a non-negative int or None, not -1",
        ),
        (lambda: jf.RegularForm(jf.EmptyForm(), True), TypeError, "RegularForm 'size'"),
        (lambda: jf.NumpyForm("int65"), TypeError, "NumpyForm 'primitive'"),
        (lambda: jf.NumpyForm("int64", 3), TypeError, "NumpyForm 'inner_shape' must be iterable"),
        (lambda: jf.NumpyForm("int64", (2, -1)), TypeError, "NumpyForm 'inner_shape'"),
        (
            lambda: jf.NumpyForm("int64", parameters=[1]),
            TypeError,
            "NumpyForm 'parameters' must be of type dict or None",
        ),
        (
            lambda: jf.NumpyForm("int64", form_key=1),
            TypeError,
            "NumpyForm 'form_key' must be of type string or None",
        ),
        (lambda: jf.EmptyForm(parameters={"a": 1}), TypeError, "EmptyForm cannot contain"),
        (
            lambda: jf.RecordForm([jf.EmptyForm()], ["a", "b"]),
            ValueError,
            "RecordForm 'fields' and 'contents' must have the same length",
        ),
        (lambda: jf.RecordForm([jf.EmptyForm()], "a"), TypeError, "RecordForm 'fields'"),
        (lambda: jf.RecordForm([jf.EmptyForm()], [1]), TypeError, "RecordForm 'fields' must"),
        (lambda: jf.RecordForm(jf.EmptyForm(), None), TypeError, "RecordForm 'contents'"),
        (lambda: jf.NumpyForm("int64").copy(nope=1), TypeError, "unexpected argument 'nope'"),
    ],
)
def test_constructor_errors(make, exc, match) -> None:
    with pytest.raises(exc, match=match.replace("[", r"\[").replace("(", r"\(")):
        make()


def test_form_key_setter() -> None:
    form = jf.NumpyForm("int64")
    form.form_key = "node0"
    assert form.to_dict(verbose=False) == {
        "class": "NumpyArray",
        "primitive": "int64",
        "form_key": "node0",
    }
    with pytest.raises(TypeError, match="form_key must be None or a string"):
        form.form_key = 3  # type: ignore[assignment]


def test_misc_members() -> None:
    form = jf.from_dict(awkward.Array([{"x": [1], "y": "a"}]).layout.form.to_dict())
    assert form.content("x").content.primitive == "int64"
    assert form.field_to_index("y") == 1
    assert form.has_field("x")
    assert not form.has_field("z")
    assert form.index_to_field(0) == "x"
    with pytest.raises(KeyError):
        form.field_to_index("z")
    assert jf.NumpyForm("int64", (2, 3)).to_RegularForm().to_dict() == (
        awkward.forms.NumpyForm("int64", (2, 3)).to_RegularForm().to_dict()
    )
    assert jf.from_dtype(np.dtype(("f4", (2,)))) == jf.NumpyForm("float32", (2,))
    assert jf.NumpyForm("int16").dtype == np.dtype(np.int16)
    assert jf.NumpyForm("int16").itemsize == 2
    assert jf.primitive_to_dtype("datetime64[s]") == np.dtype("M8[s]")
    assert jf.dtype_to_primitive(np.dtype("m8[15us]")) == "timedelta64[15us]"
    assert ("__array__", "string") in jf.reserved_nominal_parameters
    with pytest.raises(TypeError, match="high-level types"):
        jf.from_type(jt.ArrayType(jt.NumpyType("int64"), 3))


# ----------------------------------------------------------------------------- hypothesis

_PARAMS = st.sampled_from(
    [
        None,
        {},
        {"foo": 1},
        {"foo": None},
        {"doc": "x y", "n": [1, 2.5, None, True]},
        {"__doc__": "hello"},
        {"__list__": "Mine"},
    ]
)
_KEYS = st.sampled_from([None, "node0", "a-b", "node12"])
_LIST_INDEX = st.sampled_from(["i32", "u32", "i64"])
_PRIMS = st.sampled_from(
    ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
     "float16", "float32", "float64", "complex64", "complex128", "datetime64[s]",
     "timedelta64[10ms]", "datetime64"]
)  # fmt: skip
_FIELDS = st.sampled_from(["x", "y", "a b", "_z", "1", "é", 'q"uote', ""])
_RECORD_NAMES = st.sampled_from(["Point", "a b", "int64", "string", "tuple", "_P1"])


def _with(kind: str, d: dict, params: dict | None, key: str | None) -> dict:
    out = {"class": kind, **d}
    if params is not None:
        out["parameters"] = params
    if key is not None:
        out["form_key"] = key
    return out


@st.composite
def _leaf(draw: st.DrawFn) -> dict | str:
    choice = draw(st.integers(0, 5))
    if choice == 0:
        return _with("EmptyArray", {}, None, draw(_KEYS))
    if choice == 1:
        return draw(_PRIMS)
    params = draw(_PARAMS)
    if choice == 2 and params is not None:
        params = {**params, "__unit__": draw(st.sampled_from(["s", "us", "15ms"]))}
    if choice == 3:
        params = {"__array__": draw(st.sampled_from(["char", "byte"]))}
    shape = draw(st.lists(st.integers(0, 4) | st.none(), max_size=2))
    return _with(
        "NumpyArray",
        {"primitive": draw(_PRIMS), "inner_shape": shape},
        params,
        draw(_KEYS),
    )


def _extend(children: st.SearchStrategy) -> st.SearchStrategy:
    p, k = _PARAMS, _KEYS

    def params_with_array(values: list[str]) -> st.SearchStrategy:
        return p | st.sampled_from(values).map(lambda v: {"__array__": v})

    record_params = p | st.builds(lambda n, q: {**(q or {}), "__record__": n}, _RECORD_NAMES, p)
    return st.one_of(
        st.builds(
            lambda c, s, pa, kk: _with("RegularArray", {"size": s, "content": c}, pa, kk),
            children, st.integers(0, 3), params_with_array(["string", "bytestring"]), k,
        ),
        st.builds(
            lambda c, i, pa, kk: _with("ListOffsetArray", {"offsets": i, "content": c}, pa, kk),
            children, _LIST_INDEX, params_with_array(["string", "bytestring", "sorted_map"]), k,
        ),
        st.builds(
            lambda c, i, pa, kk: _with("ListArray", {"starts": i, "stops": i, "content": c}, pa, kk),
            children, _LIST_INDEX, p, k,
        ),
        st.builds(
            lambda c, i, pa, kk: _with("IndexedArray", {"index": i, "content": c}, pa, kk),
            children, _LIST_INDEX, params_with_array(["categorical"]), k,
        ),
        st.builds(
            lambda c, i, pa, kk: _with("IndexedOptionArray", {"index": i, "content": c}, pa, kk),
            children, st.sampled_from(["i32", "i64"]), params_with_array(["categorical"]), k,
        ),
        st.builds(
            lambda c, v, pa, kk: _with(
                "ByteMaskedArray", {"mask": "i8", "valid_when": v, "content": c}, pa, kk
            ),
            children, st.booleans(), p, k,
        ),
        st.builds(
            lambda c, v, o, pa, kk: _with(
                "BitMaskedArray",
                {"mask": "u8", "valid_when": v, "lsb_order": o, "content": c}, pa, kk,
            ),
            children, st.booleans(), st.booleans(), p, k,
        ),
        st.builds(
            lambda c, pa, kk: _with("UnmaskedArray", {"content": c}, pa, kk), children, p, k
        ),
        st.builds(
            lambda cs, fs, tup, pa, kk: _with(
                "RecordArray",
                {"fields": None if tup else fs[: len(cs)], "contents": cs[: len(fs)]},
                pa, kk,
            ),
            st.lists(children, max_size=3), st.lists(_FIELDS, max_size=3, unique=True),
            st.booleans(), record_params, k,
        ),
        st.builds(
            lambda cs, i, pa, kk: _with(
                "UnionArray", {"tags": "i8", "index": i, "contents": cs}, pa, kk
            ),
            st.lists(children, min_size=1, max_size=3), _LIST_INDEX, p, k,
        ),
    )  # fmt: skip


FORM_DICTS = st.recursive(_leaf(), _extend, max_leaves=8)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FORM_DICTS)
def test_hypothesis_forms(d: dict | str) -> None:
    ak_form = awkward.forms.from_dict(d)
    form = check_against(ak_form)
    assert jf.from_dict(d).to_dict() == ak_form.to_dict()
    assert form == jf.from_dict(d)
