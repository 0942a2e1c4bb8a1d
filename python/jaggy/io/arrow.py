"""to_arrow / to_arrow_table / from_arrow / from_arrow_schema: jaggy arrays as Apache Arrow data.

The conversion itself lives in ``arrow_write`` (layout -> Arrow) and ``arrow_read`` (Arrow ->
layout); this module holds the public functions and the table-level rules (records as tables, the
``ak:parameters`` schema metadata that Awkward writes and reads). pyarrow is imported only inside
these functions.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import numpy as np

from jaggy import index as ix
from jaggy.backends import cpu
from jaggy.io.arrow_read import Out, read
from jaggy.io.arrow_types import field_option, import_pyarrow, split_type, type_factory
from jaggy.io.arrow_write import Options, needs_option, write
from jaggy.layout import ByteMaskedArray, RecordArray, UnmaskedArray

_OPTION_NODES = ("UnmaskedArray", "BitMaskedArray", "ByteMaskedArray", "IndexedOptionArray")


def _prepare(array: Any, where: str, pa: Any, extensionarray: bool, **options: Any) -> tuple[Any, Options]:
    from jaggy.operations.to_layout import to_layout
    from jaggy.record import Record

    layout = to_layout(array, allow_record=True, primitive_policy="error")
    record_is_scalar = isinstance(layout, Record)
    if record_is_scalar:
        layout = layout.array._getitem_range(layout.at, layout.at + 1)
    if layout.backend is not cpu:
        layout = layout.to_backend(cpu)
    factory = type_factory(pa) if extensionarray else None
    return layout, Options(pa, factory, record_is_scalar=record_is_scalar, **options)


def to_arrow(array: Any, *, list_to32: bool = False, string_to32: bool = False, bytestring_to32: bool = False,
             emptyarray_to: Any = None, categorical_as_dictionary: bool = False, extensionarray: bool = True,
             count_nulls: bool = True) -> Any:
    """Convert an array to a ``pyarrow.Array``, sharing buffers wherever Arrow's layout agrees.

    Parameters:
        array: a jaggy Array, Record or anything ``jaggy.to_layout`` accepts.
        list_to32 / string_to32 / bytestring_to32: write 32-bit offsets (``list``, ``string``,
            ``binary``) instead of 64-bit ones (``large_*``) where the data fit.
        emptyarray_to: a NumPy dtype for arrays of unknown type (default: Arrow's null type).
        categorical_as_dictionary: write ``categorical`` arrays as Arrow dictionary arrays.
        extensionarray: wrap every type in the "awkward" extension type, whose metadata keeps the
            node types and parameters (so that jaggy and Awkward read back the same type).
        count_nulls: count the missing values (otherwise Arrow counts them when it needs to).

    Returns a ``pyarrow.Array`` (an extension array when ``extensionarray``).

    Example:
        >>> import jaggy
        >>> jaggy.to_arrow(jaggy.Array([[1, 2], [], [3]]), extensionarray=False).to_pylist()
        [[1, 2], [], [3]]

    Raises ImportError when pyarrow is missing, TypeError for scalars.
    """
    pa = import_pyarrow("to_arrow")
    layout, o = _prepare(array, "to_arrow", pa, extensionarray, list_to32=list_to32, string_to32=string_to32,
                         bytestring_to32=bytestring_to32, emptyarray_to=emptyarray_to,
                         categorical_as_dictionary=categorical_as_dictionary, count_nulls=count_nulls)
    return write(layout, None, None, layout.length, o)


def _outer_field(layout: Any, name: str) -> Any:
    return layout._getitem_field(name)


def to_arrow_table(array: Any, *, list_to32: bool = False, string_to32: bool = False,
                   bytestring_to32: bool = False, emptyarray_to: Any = None,
                   categorical_as_dictionary: bool = False, extensionarray: bool = True,
                   count_nulls: bool = True) -> Any:
    """Convert an array to a ``pyarrow.Table``: one column per field of an array of records,
    otherwise a single column named ``""``.

    The options are those of ``jaggy.to_arrow``. Node types and parameters above the records are
    kept in the schema metadata (``ak:parameters``), as Awkward does.

    Example:
        >>> import jaggy
        >>> jaggy.to_arrow_table(jaggy.Array([{"x": 1}, {"x": 2}])).column_names
        ['x']
    """
    return table_of(array, "to_arrow_table", extensionarray, list_to32=list_to32, string_to32=string_to32,
                    bytestring_to32=bytestring_to32, emptyarray_to=emptyarray_to,
                    categorical_as_dictionary=categorical_as_dictionary, count_nulls=count_nulls)


def table_of(array: Any, where: str, extensionarray: bool, *, empty: bool = False, **options: Any) -> Any:
    """The table of ``to_arrow_table``; ``empty`` converts only the first 0 entries (the schema)."""
    pa = import_pyarrow(where)
    layout, o = _prepare(array, where, pa, extensionarray, **options)
    if empty:
        layout = layout._getitem_range(0, 0)
    wrappers = [layout]
    while wrappers[-1].is_option or wrappers[-1].is_indexed:
        wrappers.append(wrappers[-1].content)
    record = wrappers[-1]
    arrays, fields, metadata = [], [], None
    if record.is_record and not record.is_tuple:
        optiontype_fields = []
        for name in record.fields:
            outer = _outer_field(layout, name)
            arrays.append(write(outer, None, None, outer.length, o))
            fields.append(pa.field(name, arrays[-1].type).with_nullable(needs_option(outer)))
            if record.content(name).is_option:
                optiontype_fields.append(name)
        params: list[dict] = [{"optiontype_fields": optiontype_fields}, {"record_is_scalar": o.record_is_scalar}]
        params += [{type(w).__name__: dict(w.parameters) or None} for w in wrappers]
        metadata = {"ak:parameters": json.dumps(params)}
    else:
        arrays.append(write(layout, None, None, layout.length, o))
        fields.append(pa.field("", arrays[-1].type).with_nullable(needs_option(layout)))
    batch = pa.RecordBatch.from_arrays(arrays, schema=pa.schema(fields))
    table = pa.Table.from_batches([batch])
    return table if metadata is None else table.replace_schema_metadata(metadata)


# ---------------------------------------------------------------------------------------------
# from_arrow
# ---------------------------------------------------------------------------------------------
def _handle(obj: Any, gb: bool, pa: Any, pass_empty_field: bool = False, schema: Any = None) -> Out:
    """Convert any Arrow object; ``schema`` (for tables) overrides the types the table declares
    (same structure, extension types restored from Parquet metadata)."""
    if isinstance(obj, pa.ChunkedArray):
        chunks = [c for c in obj.chunks if len(c)]
        if not chunks:
            obj = pa.nulls(0, obj.type)
        elif len(chunks) == 1:
            obj = chunks[0]
        else:
            try:
                obj = pa.concat_arrays(chunks)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                obj = obj.unify_dictionaries().combine_chunks() if hasattr(obj, "unify_dictionaries") else \
                    pa.chunked_array(chunks).combine_chunks()
    if isinstance(obj, pa.Array):
        meta, storage = split_type(pa, obj.type)
        return read(obj, meta, storage, pa, gb)
    if isinstance(obj, pa.Table):
        batches = obj.combine_chunks().to_batches()
        if not batches:
            batches = [pa.RecordBatch.from_arrays([pa.nulls(0, f.type) for f in obj.schema], schema=obj.schema)]
        if len(batches) > 1:
            batches = [pa.Table.from_batches(batches).combine_chunks().to_batches()[0]]
        return _batch(batches[0], gb, pa, pass_empty_field, schema or batches[0].schema)
    if isinstance(obj, pa.RecordBatch):
        return _batch(obj, gb, pa, pass_empty_field, schema or obj.schema)
    msg = f"from_arrow: cannot convert {type(obj).__name__}; expected a pyarrow Array, ChunkedArray, RecordBatch or Table"
    raise TypeError(msg)


def _batch(batch: Any, gb: bool, pa: Any, pass_empty_field: bool, schema: Any) -> Out:
    if pass_empty_field and list(schema.names) == [""]:
        field = schema.field(0)
        meta, storage = split_type(pa, field.type, field)
        out = read(batch.column(0), meta, storage, pa, gb)
        return Out(out.option, out.option) if field.nullable else Out(out.plain, out.plain)
    optiontype_fields: list = []
    record_is_scalar = is_option = False
    option_params = record_params = None
    raw = (schema.metadata or {}).get(b"ak:parameters")
    if raw is not None:
        for item in json.loads(raw):
            ((key, value),) = item.items()
            if key == "optiontype_fields":
                optiontype_fields = value
            elif key == "record_is_scalar":
                record_is_scalar = value
            elif key in _OPTION_NODES:
                is_option, option_params = True, value
            elif key == "RecordArray":
                record_params = value
    missing = None
    contents = []
    for i in range(batch.num_columns):
        field = schema.field(i)
        meta, storage = split_type(pa, field.type, field)
        out = read(batch.column(i), meta, storage, pa, gb)
        if is_option:
            node = out.option
            if node.is_union:  # a union of option-type contents: missing where they are
                from jaggy._structure_util import union_is_none

                m = union_is_none(node)
            else:
                m = node.mask_as_bool(valid_when=False)
            missing = m if missing is None else missing & m
        plain = (is_option and field.name not in optiontype_fields) or not field.nullable \
            or field_option(field) is False
        contents.append(out.pick(not plain))
    node = RecordArray(contents, list(schema.names), len(batch), parameters=record_params or None)
    if record_is_scalar:
        return Out(node._getitem_at(0), node._getitem_at(0))
    if is_option and missing is None and gb:
        missing = np.zeros(node.length, np.bool_)
    if is_option and missing is None:
        node = UnmaskedArray(node, parameters=option_params or None)
    elif is_option:
        assert missing is not None  # set above
        node = ByteMaskedArray(ix.Index8._wrap(missing.view(np.int8), cpu), node, False,
                               parameters=option_params or None)
    return Out(node, node)


def from_arrow(array: Any, *, generate_bitmasks: bool = False, highlevel: bool = True,
               behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Convert Arrow data (Array, ChunkedArray, RecordBatch or Table) to a jaggy array.

    Buffers are shared with Arrow wherever the layouts agree (numeric data, 32/64-bit offsets,
    strings, validity bitmaps at byte-aligned offsets). Arrays written with the "awkward"
    extension type (by jaggy or Awkward) come back with their node types and parameters.

    Parameters:
        array: a ``pyarrow.Array``, ``ChunkedArray`` (chunks are concatenated), ``RecordBatch`` or
            ``Table`` (one record field per column).
        generate_bitmasks: give nullable Arrow data without a validity buffer an all-valid bitmask
            (BitMaskedArray) instead of an UnmaskedArray.
        highlevel, behavior, attrs: as everywhere in jaggy.

    Example:
        >>> import jaggy, pyarrow as pa
        >>> jaggy.from_arrow(pa.array([[1, 2], None])).to_list()
        [[1, 2], None]

    Raises ValueError when the Arrow buffers are inconsistent (offsets, indexes or tags out of
    range, buffers too short), TypeError for unsupported Arrow types.
    """
    from jaggy.operations._wrap import finish

    pa = import_pyarrow("from_arrow")
    out = _handle(array, generate_bitmasks, pa, pass_empty_field=True)
    if isinstance(array, (pa.Array, pa.ChunkedArray)):
        meta, _ = split_type(pa, array.type)
        if meta is None:
            # concatenated chunks lose an all-valid bitmap; a chunk with one keeps the option type
            chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
            had_bitmap = any(len(c) and c.buffers() and c.buffers()[0] is not None for c in chunks)
            if isinstance(array, pa.ChunkedArray):  # (like Awkward: no data at all reads as nullable)
                had_bitmap = had_bitmap or not any(len(c) for c in chunks)
            unmasked = isinstance(out.option, UnmaskedArray) and not (had_bitmap and isinstance(array, pa.ChunkedArray))
            layout = out.plain if unmasked else out.option
        else:
            layout = out.plain if meta.mask_type in (None, "IndexedArray") else out.option
            if meta.record_is_scalar:
                layout = layout._getitem_at(0)
    else:
        layout = out.option
    return finish(layout, highlevel, behavior=behavior, attrs=attrs)


def from_arrow_schema(schema: Any) -> Any:
    """The jaggy Form that ``from_arrow`` gives for data of this ``pyarrow.Schema``.

    Example:
        >>> import jaggy, pyarrow as pa
        >>> str(jaggy.from_arrow_schema(pa.schema([pa.field("x", pa.int64(), nullable=False)])).type)
        '{x: int64}'
    """
    pa = import_pyarrow("from_arrow_schema")
    if not isinstance(schema, pa.Schema):
        msg = f"from_arrow_schema: expected a pyarrow.Schema, not {type(schema).__name__}"
        raise TypeError(msg)
    empty = pa.RecordBatch.from_arrays([pa.nulls(0, f.type) for f in schema], schema=schema)
    layout = _handle(empty, False, pa, pass_empty_field=True).option
    return layout.form
