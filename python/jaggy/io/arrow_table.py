"""Tables with "awkward" extension types <-> plain Arrow tables for Parquet.

Parquet cannot hold extension types, so (as Awkward does) a table written with
``extensionarray=True`` is stored with its plain storage types, and the extension metadata of
every column goes, as one JSON object, into the schema metadata under ``awkward_array_metadata``:
``{column: {<extension metadata>, "field_name": ..., "subfield_metadata": [<same, per child>]}}``.
Reading rebuilds the extension types in the schema from it (children matched by name when a column
selection dropped some); the reader takes its type information from that schema and its buffers
from the plain arrays. Writing converts the array without extension types and takes the metadata
from the extension-typed schema of an empty slice, so nothing is copied either way.
"""

from __future__ import annotations

import json
from typing import Any

from jaggy.io.arrow_types import EXTENSION_NAME, Meta, field_option, parse_meta, type_factory

INFO_KEY = b"awkward_array_metadata"


def _subfields(pa: Any, storage: Any) -> list:
    if pa.types.is_dictionary(storage):
        return [pa.field("value", storage.value_type)]
    if storage.num_fields == 0:
        return []
    return [storage.field(i) for i in range(storage.num_fields)]


def _like(pa: Any, storage: Any, fields: list) -> Any:
    if pa.types.is_dictionary(storage):
        return pa.dictionary(storage.index_type, fields[0].type)
    if pa.types.is_fixed_size_list(storage):
        return pa.list_(fields[0], storage.list_size)
    if pa.types.is_list(storage):
        return pa.list_(fields[0])
    if pa.types.is_large_list(storage):
        return pa.large_list(fields[0])
    if pa.types.is_struct(storage):
        return pa.struct(fields)
    if pa.types.is_union(storage):
        return pa.union(fields, storage.mode, storage.type_codes)
    if storage.num_fields == 0:
        return storage
    msg = f"Arrow type {storage} is not supported in Parquet conversion"
    raise NotImplementedError(msg)


def _is_ours(pa: Any, t: Any) -> bool:
    return isinstance(t, pa.ExtensionType) and t.extension_name == EXTENSION_NAME


def _collect(pa: Any, field: Any) -> tuple[dict | None, Any]:
    """(metadata object, native field) of one field."""
    t = field.type
    if not _is_ours(pa, t):
        return None, field
    meta = parse_meta(t.__arrow_ext_serialize__()).to_dict()
    meta["field_name"] = field.name
    if field_option(field) is False:
        meta["option_type"] = "False"
    subs = _subfields(pa, t.storage_type)
    native_type = t.storage_type
    if subs:
        pairs = [_collect(pa, f) for f in subs]
        meta["subfield_metadata"] = [p[0] for p in pairs]
        native_type = _like(pa, t.storage_type, [p[1] for p in pairs])
    return meta, pa.field(field.name, native_type).with_nullable(field.nullable)


def with_metadata(pa: Any, table: Any, ext_schema: Any) -> Any:
    """A plain table with the extension metadata of ``ext_schema`` (the same table's schema as
    written with extension types) in its schema metadata."""
    info = {field.name: _collect(pa, field)[0] for field in ext_schema}
    metadata = dict(table.schema.metadata or {})
    metadata[INFO_KEY] = json.dumps(info).encode(errors="surrogatescape")
    return table.replace_schema_metadata(metadata)


def _rebuild(pa: Any, factory: Any, field: Any, meta: dict | None) -> Any:
    if meta is None:
        return field
    storage = field.type
    subs = _subfields(pa, storage)
    if subs:
        sub_meta = meta.get("subfield_metadata") or []
        if len(sub_meta) == len(subs):
            pairs = list(zip(subs, sub_meta))
        else:
            by_name = {m["field_name"]: m for m in sub_meta if m is not None}
            missing = [f.name for f in subs if f.name not in by_name]
            if missing:
                msg = f"from_parquet: the awkward metadata has no entry for field {missing[0]!r}"
                raise ValueError(msg)
            pairs = [(f, by_name[f.name]) for f in subs]
        storage = _like(pa, storage, [_rebuild(pa, factory, f, m) for f, m in pairs])
    nullable = False if meta.get("option_type") == "False" else field.nullable
    return pa.field(field.name, factory(storage, Meta(meta))).with_nullable(nullable)


def from_native_schema(pa: Any, schema: Any) -> Any:
    """The schema with the extension types that ``awkward_array_metadata`` describes."""
    metadata = schema.metadata or {}
    if INFO_KEY not in metadata:
        return schema
    info = json.loads(metadata[INFO_KEY].decode(errors="surrogatescape"))
    factory = type_factory(pa)
    fields = []
    for field in schema:
        if field.name not in info:
            msg = f"from_parquet: the awkward metadata has no entry for column {field.name!r}"
            raise ValueError(msg)
        fields.append(_rebuild(pa, factory, field, info[field.name]))
    rest = {k: v for k, v in metadata.items() if k != INFO_KEY}
    return pa.schema(fields, metadata=rest)
