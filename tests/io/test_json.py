"""from_json / to_json against Awkward: values, types, options, errors with positions, fuzzing."""

from __future__ import annotations

import io
import json
import math
import pathlib
import random
import time

import awkward as awk
import jaggy
import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, mixed_data, nested_data, numeric_lists

SLOW = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.filter_too_much]}


def same(theirs, ours):
    """Equal values (NaN-aware, through their repr) and equal types."""
    if isinstance(theirs, (awk.Array, awk.Record)):
        assert isinstance(ours, (jaggy.Array, jaggy.Record))
        assert str(ours.type) == str(theirs.type)
        assert repr(ours.to_list()) == repr(theirs.to_list())
    else:
        assert repr(ours) == repr(theirs)


def close(a, b):
    """Equal nested values, floats to 1e-15 relative (Awkward's float parsing is not exact)."""
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-15) or (math.isnan(a) and math.isnan(b))
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(close(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def both(text, **kwargs):
    return awk.from_json(text, **kwargs), jaggy.from_json(text, **kwargs)


TEXTS = [
    "[1, 2, 3]", "1", "-0", "2.5", "true", "null", '{"a": 1}', "[]", "[[], [1]]", "[{}, {}]",
    "[1, 2.5, null]", '[{"a": 1}, {"b": 2}]', '[1, "a", [2]]', "[true, 1]", '["\\ud83d\\ude00", "\\u00e9\\n\\t"]',
    "[-9223372036854775808, 9223372036854775807]",
'[[[1, 2], []], [[null]], []]',
    '  [1]  ', '{"a": {"b": {"c": [1.5, 2]}}, "d": null}', '["caf\u00e9", "", "\\"q\\" \\\\ \\/"]',
    '[{"a": 1, "b": [true, false]}, {"b": [], "a": 2}]',
]

NUMBERS = [
    "[123456789012345678901234]", "[-9223372036854775809]", "[1.5e308, -0.0, 1E2, 1e-400, 0.1, 123.456e-7]",
    "[1.7976931348623157e308, 5e-324, 0.30000000000000004, 1e22, 1e23, 9007199254740993]",
    "[1234567890123456789012.0, 1.2345678901234567890123e23, 0.000000000000000000001234, -2.5E-3]",
]


@pytest.mark.parametrize("text", NUMBERS)
def test_numbers_are_correctly_rounded(text):
    """Same types as Awkward; values as Python's json (correctly rounded; Awkward's parser is not
    always, e.g. for 123456789012345678901234)."""
    theirs, ours = both(text)
    assert str(ours.type) == str(theirs.type)
    assert ours.to_list() == json.loads(text, parse_int=float)


@pytest.mark.parametrize("text", TEXTS)
def test_from_json_matches_awkward(text):
    same(*both(text))


def test_option_of_union():
    # (Awkward 2.14 itself fails on this one: an option over a union inside a record)
    out = jaggy.from_json('[{"x": [1, null, {"y": "s"}]}, null, {"x": []}]')
    assert out.to_list() == [{"x": [1, None, {"y": "s"}]}, None, {"x": []}]
    assert str(out.type) == "3 * ?{x: var * union[?int64, ?{y: string}]}"


def test_line_delimited():
    for text in ["1\n2\n\n3\n", "1\n2\n\n3", "", "\n\n", "1 2 3", '{"a": 1}\n{"a": 2}\r\n', "[1]\n\n  [2, 3]"]:
        same(*both(text, line_delimited=True))


@st.composite
def json_documents(draw):
    data = draw(st.one_of(mixed_data(), nested_data(), numeric_lists(3)))
    try:
        return json.dumps(data, allow_nan=False)
    except (TypeError, ValueError):
        assume(False)
        return None


@settings(max_examples=150, **SLOW)
@given(json_documents())
def test_from_json_hypothesis(text):
    try:
        theirs = awk.from_json(text)
    except TypeError:
        assume(False)  # Awkward 2.14 fails on some options of unions (see test_option_of_union)
    ours = jaggy.from_json(text)
    assert str(ours.type) == str(theirs.type)
    assert close(ours.to_list(), theirs.to_list())


@settings(max_examples=100, **SLOW)
@given(array_pairs())
def test_to_json_hypothesis(pair):
    theirs, ours = pair
    options = {"nan_string": "NaN", "posinf_string": "inf", "neginf_string": "-inf", "complex_record_fields": ("r", "i"),
               "convert_bytes": lambda b: b.decode("latin-1")}
    for kwargs in ({}, options, {**options, "num_readability_spaces": 1}, {**options, "line_delimited": True},
                   {**options, "num_indent_spaces": 2}):
        try:
            expected = awk.to_json(theirs, **kwargs)
        except Exception as err:
            with pytest.raises(type(err)):
                jaggy.to_json(ours, **kwargs)
            continue
        got = jaggy.to_json(ours, **kwargs)
        assert got == expected
    text = jaggy.to_json(ours, **options)
    back = jaggy.from_json(text)
    assert str(back.type) == str(awk.from_json(text).type)
    assert back.to_list() == json.loads(text)  # exact: the parser rounds correctly (Awkward's not always)


def test_to_json_options_and_inputs(tmp_path):
    cases = [
        (awk.Array([(1, "a")]), {}),
        (awk.Array([{"é": "ü"}]), {}),
        (awk.Array([[np.nan, np.inf, -np.inf, 1.5]]), {"nan_string": "NaN", "posinf_string": "Inf", "neginf_string": "-Inf"}),
        (awk.Array([1 + 2j, 3.5 - 1j]), {"complex_record_fields": ("re", "im")}),
        (awk.Array([1, 2]), {"line_delimited": "\r\n"}),
        (awk.Array([[1, 2], [3]]), {"num_indent_spaces": 2}),
        (awk.Array([[1, 2], [3]]), {"num_readability_spaces": 2}),
        (awk.Array([b"ab", b"c"]), {"convert_bytes": lambda b: b.decode()}),
        (awk.Array([{"a": 1}, {"a": None}]), {"line_delimited": True}),
    ]
    for theirs, kwargs in cases:
        ours = jaggy.from_awkward(theirs)
        assert jaggy.to_json(ours, **kwargs) == awk.to_json(theirs, **kwargs)
    for value in (1.5, None, "abc", True, 3, np.array([[1, 2], [3, 4]])):
        assert jaggy.to_json(value) == awk.to_json(value)
    record = awk.Array([{"a": 1}, {"a": 2}])[1]
    assert jaggy.to_json(jaggy.from_awkward(awk.Array([{"a": 1}, {"a": 2}]))[1]) == awk.to_json(record)
    path = tmp_path / "out.json"
    assert jaggy.to_json(jaggy.Array([[1, 2], []]), path) is None
    assert path.read_text() == "[[1,2],[]]"
    buffer = io.StringIO()
    jaggy.to_json(jaggy.Array([[1, 2], []]), buffer, line_delimited=True)
    assert buffer.getvalue() == "[1,2]\n[]\n"


def test_to_json_errors():
    with pytest.raises(ValueError, match="Out of range float"):
        jaggy.to_json(jaggy.Array([np.nan]))
    with pytest.raises(TypeError, match="complex"):
        jaggy.to_json(jaggy.Array([1 + 1j]))
    with pytest.raises(TypeError, match="bytes"):
        jaggy.to_json(jaggy.Array([b"x"]))
    with pytest.raises(TypeError, match="unrecognized"):
        jaggy.to_json([1, 2])
    assert jaggy.to_json(jaggy.Array([1.5]), convert_other=str) == "[1.5]"


def test_from_json_options():
    same(*both('["NaN", "Inf", "-Inf", 1]', nan_string="NaN", posinf_string="Inf", neginf_string="-Inf"))
    same(*both('["NaN", "x", 1.0]', nan_string="NaN"))
    same(*both('[{"r": 1, "i": 2}, {"i": 2.5, "r": 0, "x": ""}]', complex_record_fields=("r", "i")))
    same(*both('[{"z": {"r": 1, "i": 2}, "w": 3}]', complex_record_fields=("r", "i")))
    with pytest.raises(TypeError, match="pair of strings"):
        jaggy.from_json("[1]", complex_record_fields=("r",))
    with pytest.raises(ValueError, match="integer or floating"):
        jaggy.from_json('[{"r": "a", "i": 2}]', complex_record_fields=("r", "i"))
    for kwargs in ({"buffersize": 0}, {"initial": 0}, {"resize": 1}):
        with pytest.raises(ValueError, match="from_json"):
            jaggy.from_json("[1]", **kwargs)
    assert str(jaggy.from_json("[1]", highlevel=False).form.type) == "int64"
    assert jaggy.from_json("[1]", attrs={"k": 1}).attrs == {"k": 1}


def test_sources(tmp_path):
    path = tmp_path / "data.json"
    path.write_bytes(b'{"a": [1, 2]}\n{"a": []}\n')
    expected = awk.from_json(path, line_delimited=True)
    for source in (path, io.BytesIO(path.read_bytes()), path.read_bytes(), bytearray(path.read_bytes()),
                   memoryview(path.read_bytes()), path.read_text()):
        same(expected, jaggy.from_json(source, line_delimited=True))
    small = io.BytesIO(b"[1, 2, 3, 4, 5, 6]")
    assert jaggy.from_json(small, buffersize=2).to_list() == [1, 2, 3, 4, 5, 6]
    with pytest.raises(ValueError, match="should return bytes"):
        jaggy.from_json(io.StringIO("[1]"))
    with pytest.raises(TypeError, match="source"):
        jaggy.from_json(12)


SCHEMA = {"type": "array", "items": {"type": "object", "properties": {
    "x": {"type": "number"}, "y": {"type": "array", "items": {"type": "integer"}}, "z": {"type": ["string", "null"]},
    "p": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}}, "required": ["x", "y", "z", "p"]}}


def test_schema():
    same(*both('[{"x": 1, "y": [1, 2], "z": "a", "p": [1, 2]}, {"x": 2.5, "y": [], "z": null, "p": [0, 0.5]}]',
               schema=SCHEMA))
    same(*both('[{"p": [1, 2], "y": [1], "x": 1, "w": {"deep": [1, [2]]}}]', schema=SCHEMA))
    same(*both("[1, null]", schema={"type": "array", "items": {"type": ["integer", "null"]}}))
    same(*both('["NaN", 1]', schema={"type": "array", "items": {"type": "number"}}, nan_string="NaN"))
    same(*both("[true, false]", schema=json.dumps({"type": "array", "items": {"type": "boolean"}})))
    schema = {"type": "object", "properties": {"a": {"type": "integer"}}, "required": ["a"]}
    same(*both('{"a": 1}\n{"a": 2}', schema=schema, line_delimited=True))
    same(*both('{"a": 1}', schema=schema))
    for text in ('[{"x": "s", "y": [], "z": null, "p": [1, 2]}]', '[{"x": 1, "y": [1.5], "z": null, "p": [1, 2]}]',
                 '[{"x": 1, "y": [], "z": null}]', '[{"x": 1, "y": [], "z": 3, "p": [1, 2]}]'):
        with pytest.raises(ValueError, match="schema mismatch"):
            jaggy.from_json(text, schema=SCHEMA)
    with pytest.raises(ValueError, match="minItems"):
        jaggy.from_json('[{"x": 1, "y": [], "z": null, "p": [1]}]', schema=SCHEMA)
    with pytest.raises(TypeError, match="JSONSchema"):
        jaggy.from_json("[[1]]", schema={"type": "array", "items": [{"type": "integer"}]})
    with pytest.raises(NotImplementedError, match="enum"):
        jaggy.from_json('["a"]', schema={"type": "array", "items": {"type": "string", "enum": ["a"]}})


ERRORS = [
    ("", 0, 1), ("[1, 2", 5, 1), ("[1,]", 3, 1), ('{"a" 1}', 5, 1), ("[1] x", 4, 1), ("[01]", 2, 1), ("[1.]", 3, 1),
    ("[NaN]", 1, 1), ('["a\tb"]', 3, 1), ('"\\x"', 1, 1), ('["\\ud800"]', 2, 1), ('["\\udc00"]', 2, 1), ("[1e400]", 1, 1),
    ('[{"a": 1, "a": 2}]', 10, 1), ("[1 2]", 3, 1), ("[tru]", 1, 1), ('["abc', 1, 1), ("[1,\n 2,\n }", 9, 3),
    ("{1: 2}", 1, 1), ("[-]", 1, 1), ("[1e]", 3, 1), ('["\\u12"]', 2, 1),
]


@pytest.mark.parametrize(("text", "pos", "line"), ERRORS)
def test_errors_name_the_position(text, pos, line):
    with pytest.raises(ValueError, match=rf"from_json: JSON error at byte {pos} \(line {line}, "):
        jaggy.from_json(text)


def test_error_lines_when_line_delimited():
    with pytest.raises(ValueError, match=r"at byte 11 \(line 3, column 7\)"):
        jaggy.from_json("[1]\n\n  [2, }", line_delimited=True)
    with pytest.raises(ValueError, match=r"line 2"):
        jaggy.from_json("[1]\n[2", line_delimited=True)
    with pytest.raises(ValueError, match="invalid UTF-8"):
        jaggy.from_json(b'["\xff"]')
    with pytest.raises(ValueError, match="invalid UTF-8"):
        jaggy.from_json(b'["\xed\xa0\x80"]')  # an encoded surrogate
    with pytest.raises(ValueError, match="invalid UTF-8"):
        jaggy.from_json(b'{"\xc0\x80": 1}')


def test_depth():
    deep = "[" * 200 + "]" * 200
    same(*both(deep))
    with pytest.raises(ValueError, match="nested more than 256"):
        jaggy.from_json("[" * 100000 + "]" * 100000)
    with pytest.raises(ValueError, match="nested more than 256"):
        jaggy.from_json('{"a":' * 5000 + "1" + "}" * 5000)


def test_big_integers_become_floats():
    out = jaggy.from_json("[18446744073709551615, 1]")
    assert str(out.type) == "2 * float64"
    assert out.to_list() == [1.8446744073709552e19, 1.0]


def _mutate(rng: random.Random, doc: bytes) -> bytes:
    data = bytearray(doc)
    kind = rng.randrange(6)
    if kind == 0 and data:
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == 1:
        data = data[: rng.randrange(len(data) + 1)]
    elif kind == 2 and data:
        i = rng.randrange(len(data))
        data[i:i] = rng.choice([b"[", b"{", b"]", b"}", b",", b":", b'"', b"\\", b"\xff", b"\xe2\x82", b"\x00", b"-", b"e"])
    elif kind == 3 and data:
        i, j = sorted(rng.randrange(len(data)) for _ in range(2))
        del data[i:j]
    elif kind == 4:
        depth = rng.choice([10, 255, 256, 257, 1000, 50000])
        opener = rng.choice([b"[", b'{"k":'])
        data = opener * depth + bytes(data) + rng.choice([b"]", b"}"]) * rng.randrange(depth + 1)
    else:
        i = rng.randrange(len(data) + 1)
        data[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    return bytes(data)


def test_fuzz_malformed_documents():
    rng = random.Random(20240601)
    seeds = [t.encode() for t in TEXTS] + [
        b'{"x": 1.5, "y": [1, 2, 3], "z": {"a": "str"}}\n{"x": 2, "y": [], "z": {"a": "\\u00e9"}}',
        json.dumps({"a": [{"b": [1, None, "s", 2.5e-3]}, {"c": {"d": [[], [True]]}}]}).encode(),
    ]
    start = time.perf_counter()
    outcomes = {"ok": 0, "error": 0}
    for n in range(4000):
        doc = _mutate(rng, rng.choice(seeds))
        if rng.random() < 0.3:
            doc = _mutate(rng, doc)
        for line_delimited in (False, True):
            try:
                jaggy.from_json(doc, line_delimited=line_delimited)
                outcomes["ok"] += 1
            except ValueError:
                outcomes["error"] += 1
        if n % 500 == 0:
            assert time.perf_counter() - start < 50
    assert outcomes["ok"] > 100
    assert outcomes["error"] > 1000


def test_fuzz_agrees_with_python_json_on_validity():
    rng = random.Random(7)
    seeds = [t.encode() for t in TEXTS if "e400" not in t and "1e-400" not in t]
    for _ in range(1500):
        doc = _mutate(rng, rng.choice(seeds))
        try:
            text = doc.decode("utf-8")
            parsed = json.loads(text)
            valid = not any(isinstance(v, float) and math.isinf(v) for v in _leaves(parsed))
        except (UnicodeDecodeError, ValueError, RecursionError):
            valid = False
        try:
            jaggy.from_json(doc)
            ours = True
        except ValueError as err:
            ours = False
            assert "from_json:" in str(err)
        if valid and _depth(parsed) < 256 and not _has_duplicate_keys(text) and "\\ud" not in text.lower():
            assert ours, doc
        if not valid:
            assert not ours, doc


def _leaves(x):
    if isinstance(x, list):
        for v in x:
            yield from _leaves(v)
    elif isinstance(x, dict):
        for v in x.values():
            yield from _leaves(v)
    else:
        yield x


def _depth(x):
    if isinstance(x, list):
        return 1 + max((_depth(v) for v in x), default=0)
    if isinstance(x, dict):
        return 1 + max((_depth(v) for v in x.values()), default=0)
    return 0


def _has_duplicate_keys(text):
    try:
        json.loads(text, object_pairs_hook=_no_duplicates)
    except KeyError:
        return True
    return False


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise KeyError
    return dict(pairs)


def test_path_source_is_pathlib_only(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("[1]")
    assert jaggy.from_json(pathlib.Path(path)).to_list() == [1]
    with pytest.raises(ValueError, match="JSON error"):
        jaggy.from_json(str(path))  # a str is JSON text, as in Awkward


def test_to_json_nan_strings_under_options_and_unions():
    """NaN/inf replaced by strings turns a float leaf into a union of floats and strings; the
    option, indexed and union nodes above it must still be rebuilt (options over unions become
    unions of options). Found by the Hypothesis test above."""
    leaf = awk.contents.NumpyArray(np.array([1.0, np.nan, np.inf, -np.inf]))
    union = awk.contents.UnionArray.simplified(
        awk.index.Index8(np.array([0, 1, 0, 1], np.int8)), awk.index.Index64(np.array([0, 0, 1, 1])),
        [awk.contents.NumpyArray(np.array([np.nan, 2.0])), awk.contents.NumpyArray(np.array([5, 6]))])
    layouts = [
        awk.contents.UnmaskedArray(leaf),
        awk.contents.ByteMaskedArray(awk.index.Index8(np.array([1, 0, 1, 1], np.int8)), leaf, valid_when=True),
        awk.contents.IndexedArray(awk.index.Index64(np.array([3, 1, 1])), leaf),
        awk.contents.IndexedOptionArray(awk.index.Index64(np.array([3, -1, 1])), leaf),
        union,
        awk.contents.ListOffsetArray(awk.index.Index64(np.array([0, 2, 4])), awk.contents.UnmaskedArray(leaf)),
    ]
    options = {"nan_string": "NaN", "posinf_string": "inf", "neginf_string": "-inf"}
    for layout in layouts:
        theirs = awk.Array(layout)
        ours = jaggy.from_awkward(theirs)
        assert jaggy.to_json(ours, **options) == awk.to_json(theirs, **options)
        with pytest.raises(ValueError):  # without the options, NaN is not JSON (as in Awkward)
            jaggy.to_json(ours)
