"""jaggy.from_json: JSON text (one value, or one value per line) to a columnar array."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def from_json(
    source: Any,
    *,
    line_delimited: bool = False,
    schema: Any = None,
    nan_string: str | None = None,
    posinf_string: str | None = None,
    neginf_string: str | None = None,
    complex_record_fields: tuple[str, str] | None = None,
    buffersize: int = 65536,
    initial: int = 1024,
    resize: float = 8,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """Parse JSON into an array, building its columns directly in compiled code.

    Args:
        source: the JSON text (``str`` or ``bytes``), a ``pathlib.Path`` naming a file, or a
            file-like object whose ``read(num_bytes)`` returns bytes.
        line_delimited: if true, the source holds any number of JSON values separated by
            whitespace (usually one per line) and the result has one entry per value; if false,
            it holds exactly one value and the result is that value (an array for a JSON array,
            a Record for an object, a Python scalar for a number/boolean/null).
        schema: a JSONSchema (dict or JSON text) fixing the types ahead of the parse (no type
            discovery): "type" one of "boolean", "integer", "number", "string", "array" (with
            "items"; minItems == maxItems gives a regular dimension) or "object" (with
            "properties"), optionally in a list with "null". Values of other types raise.
        nan_string, posinf_string, neginf_string: strings read as NaN, +inf and -inf.
        complex_record_fields: a pair of field names; objects with both become complex numbers.
        buffersize: bytes per read from a file-like source.
        initial, resize: accepted for Awkward compatibility (jaggy's builders grow on their own).
        highlevel: return an Array/Record (True) or a layout (False).
        behavior, attrs: attached to the result.

    Returns:
        The parsed data (see ``line_delimited``).

    Raises:
        ValueError: malformed JSON (the message gives the byte position, line and column),
            invalid UTF-8, numbers beyond float64, nesting deeper than 256 levels, repeated
            keys in an object, or values that do not match the schema.

    Integers outside int64 are read as float64.

    >>> import jaggy
    >>> jaggy.from_json('[{"x": 1, "y": [1.5]}, {"x": 2, "y": []}]').to_list()
    [{'x': 1, 'y': [1.5]}, {'x': 2, 'y': []}]
    >>> jaggy.from_json('1\\n2\\n\\n3', line_delimited=True).to_list()
    [1, 2, 3]
    """
    from jaggy import _ext
    from jaggy.io import json as js
    from jaggy.io.buffers import from_buffers

    if not isinstance(buffersize, int) or isinstance(buffersize, bool) or buffersize < 1:
        msg = f"from_json: buffersize must be a positive int, not {buffersize!r}"
        raise ValueError(msg)
    if not isinstance(initial, int) or initial < 1:
        msg = f"from_json: initial must be an int of at least 1, not {initial!r}"
        raise ValueError(msg)
    if not isinstance(resize, (int, float)) or resize <= 1:
        msg = f"from_json: resize must be a number greater than 1, not {resize!r}"
        raise ValueError(msg)
    for name, value in (("nan_string", nan_string), ("posinf_string", posinf_string),
                        ("neginf_string", neginf_string)):
        if value is not None and not isinstance(value, str):
            msg = f"from_json: {name} must be None or a str, not {type(value).__name__}"
            raise TypeError(msg)
    complex_fields = js.check_complex_fields(complex_record_fields)
    spec = None if schema is None else js.schema_spec(schema)
    data = js.read_source(source, buffersize)
    form, length, buffers = _ext.from_json(data, bool(line_delimited), spec, nan_string, posinf_string,
                                           neginf_string)
    layout = from_buffers(form, length, buffers, highlevel=False)
    if spec is not None:
        layout = js.apply_regular(layout, spec)
    if complex_fields is not None:
        layout = js.records_to_complex(layout, complex_fields)
    if not line_delimited:
        layout = layout._getitem_at(0)
    return finish(layout, highlevel, behavior=behavior, attrs=attrs)


__all__ = ["from_json"]
