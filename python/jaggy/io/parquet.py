"""Parquet files through pyarrow.parquet: to_parquet, to_parquet_row_groups, to_parquet_dataset,
from_parquet and metadata_from_parquet.

Arrays go to Arrow tables with ``jaggy.to_arrow_table`` (so the "awkward" extension metadata and
``ak:parameters`` travel in the file's Arrow schema, and Awkward reads jaggy's files with their
exact types, and the other way round). Paths go through fsspec where it is installed (URLs and
``storage_options``); plain local paths work without it.
"""

from __future__ import annotations

import fnmatch
import glob
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from typing import Any, cast

from jaggy.io.arrow_table import from_native_schema, with_metadata
from jaggy.io.arrow_types import import_pyarrow


def _import(where: str) -> tuple[Any, Any]:
    pa = import_pyarrow(where)
    try:
        import pyarrow.parquet as pq
    except ImportError:
        msg = f"jaggy.{where} needs pyarrow with Parquet support (pyarrow.parquet)"
        raise ImportError(msg) from None
    return pa, pq


def _filesystem(path: str, storage_options: Mapping | None) -> tuple[Any, str]:
    """(fsspec filesystem or None for plain local files, path inside it)."""
    try:
        import fsspec.core
    except ImportError:
        if "://" in path and not path.startswith("file://"):
            msg = f"reading or writing {path!r} needs fsspec (pip install fsspec)"
            raise ImportError(msg) from None
        return None, path.removeprefix("file://")
    fs, inner = fsspec.core.url_to_fs(path, **(storage_options or {}))
    return fs, inner


def _open(fs: Any, path: str, mode: str) -> Any:
    return open(path, mode) if fs is None else fs.open(path, mode)


_WRITE_OPTION_NAMES = ("list_to32", "string_to32", "bytestring_to32", "emptyarray_to",
                       "categorical_as_dictionary", "extensionarray", "count_nulls")


def _writer_kwargs(compression: Any, compression_level: Any, data_page_size: Any, parquet_flavor: Any,
                   parquet_version: str, parquet_page_version: str, parquet_metadata_statistics: Any,
                   parquet_dictionary_encoding: Any, parquet_byte_stream_split: Any,
                   parquet_coerce_timestamps: Any, parquet_old_int96_timestamps: Any,
                   parquet_compliant_nested: bool, parquet_extra_options: Mapping | None) -> dict:
    kwargs = {
        "compression": compression, "compression_level": compression_level, "data_page_size": data_page_size,
        "flavor": parquet_flavor, "version": parquet_version, "data_page_version": parquet_page_version,
        "write_statistics": parquet_metadata_statistics, "use_dictionary": parquet_dictionary_encoding,
        "use_byte_stream_split": parquet_byte_stream_split, "coerce_timestamps": parquet_coerce_timestamps,
        "use_deprecated_int96_timestamps": parquet_old_int96_timestamps,
        "use_compliant_nested_type": parquet_compliant_nested,
    }
    kwargs = {k: v for k, v in kwargs.items() if v is not None}
    kwargs.update(parquet_extra_options or {})
    return kwargs


def _plain_table(array: Any, where: str, extensionarray: bool, options: dict) -> Any:
    """The table without extension types; with ``extensionarray``, their metadata goes in the
    schema metadata (Awkward's ``awkward_array_metadata``)."""
    from jaggy.io.arrow import table_of

    table = table_of(array, where, False, **options)
    if extensionarray:
        ext_schema = table_of(array, where, True, empty=True, **options).schema
        table = with_metadata(import_pyarrow(where), table, ext_schema)
    return table


def _with_attrs(table: Any, array: Any) -> Any:
    """Store the array's attrs (except transient ones, whose names start with "@") in the table."""
    attrs = getattr(array, "attrs", None)
    kept = {k: v for k, v in (attrs or {}).items() if not (isinstance(k, str) and k.startswith("@"))}
    if not kept:
        return table
    return table.replace_schema_metadata({**(table.schema.metadata or {}), b"AWKWARD_ATTRS": json.dumps(kept).encode()})


def _write_tables(where: str, tables: Iterable, destination: Any, row_group_size: Any, kwargs: dict,
                  storage_options: Mapping | None) -> Any:
    _, pq = _import(where)
    fs, path = (None, destination) if not isinstance(destination, (str, os.PathLike)) else \
        _filesystem(os.fspath(destination), storage_options)
    sink = _open(fs, path, "wb") if isinstance(destination, (str, os.PathLike)) else destination
    writer = None
    try:
        for table in tables:
            if writer is None:
                writer = pq.ParquetWriter(sink, table.schema, **kwargs)
            writer.write_table(table, row_group_size=row_group_size)
        if writer is None:
            msg = f"{where}: no arrays to write"
            raise ValueError(msg)
        writer.close()
    finally:
        if sink is not destination:
            sink.close()
    return writer.writer.metadata if hasattr(writer, "writer") else None


def to_parquet(array: Any, destination: Any, *, list_to32: bool = False, string_to32: bool = True,
               bytestring_to32: bool = True, emptyarray_to: Any = None, categorical_as_dictionary: bool = False,
               extensionarray: bool = True, count_nulls: bool = True, compression: Any = "zstd",
               compression_level: Any = None, row_group_size: Any = None, data_page_size: Any = None,
               parquet_flavor: Any = None, parquet_version: str = "2.6", parquet_page_version: str = "1.0",
               parquet_metadata_statistics: Any = True, parquet_dictionary_encoding: Any = False,
               parquet_byte_stream_split: Any = False, parquet_coerce_timestamps: Any = None,
               parquet_old_int96_timestamps: Any = None, parquet_compliant_nested: bool = False,
               parquet_extra_options: Mapping | None = None, storage_options: Mapping | None = None) -> Any:
    """Write an array to a Parquet file (local path, fsspec URL or writable file object).

    The array becomes a table as in ``jaggy.to_arrow_table`` (the first seven options are that
    function's); the ``parquet_*``, compression and page options go to ``pyarrow.parquet``'s
    writer; ``row_group_size`` caps the rows per row group.

    Returns the file's ``pyarrow.parquet.FileMetaData``.

    Example:
        >>> import jaggy
        >>> jaggy.to_parquet(jaggy.Array([[1, 2], [3]]), "/tmp/jaggy-doc.parquet").num_rows
        2
    """
    _import("to_parquet")
    options = {"list_to32": list_to32, "string_to32": string_to32, "bytestring_to32": bytestring_to32,
               "emptyarray_to": emptyarray_to, "categorical_as_dictionary": categorical_as_dictionary,
               "count_nulls": count_nulls}
    table = _plain_table(array, "to_parquet", extensionarray, options)
    kwargs = _writer_kwargs(compression, compression_level, data_page_size, parquet_flavor, parquet_version,
                            parquet_page_version, parquet_metadata_statistics, parquet_dictionary_encoding,
                            parquet_byte_stream_split, parquet_coerce_timestamps, parquet_old_int96_timestamps,
                            parquet_compliant_nested, parquet_extra_options)
    table = _with_attrs(table, array)
    return _write_tables("to_parquet", [table], destination, row_group_size, kwargs, storage_options)


def to_parquet_row_groups(iterator: Iterable, destination: Any, *, list_to32: bool = False, string_to32: bool = True,
                          bytestring_to32: bool = True, emptyarray_to: Any = None,
                          categorical_as_dictionary: bool = False, extensionarray: bool = True,
                          count_nulls: bool = True, compression: Any = "zstd", compression_level: Any = None,
                          row_group_size: Any = None, data_page_size: Any = None, parquet_flavor: Any = None,
                          parquet_version: str = "2.6", parquet_page_version: str = "1.0",
                          parquet_metadata_statistics: Any = True, parquet_dictionary_encoding: Any = False,
                          parquet_byte_stream_split: Any = False, parquet_coerce_timestamps: Any = None,
                          parquet_old_int96_timestamps: Any = None, parquet_compliant_nested: bool = False,
                          parquet_extra_options: Mapping | None = None,
                          storage_options: Mapping | None = None) -> Any:
    """Write the arrays of an iterator to one Parquet file, each array as (at least) one row group.

    All arrays must have the same type. Options as in ``jaggy.to_parquet``; returns the file's
    ``FileMetaData``. Raises ValueError for an empty iterator.

    Example:
        >>> import jaggy
        >>> parts = (jaggy.Array([[1.0], []]) for _ in range(3))
        >>> jaggy.to_parquet_row_groups(parts, "/tmp/jaggy-doc-rg.parquet").num_row_groups
        3
    """
    _import("to_parquet_row_groups")
    options = {"list_to32": list_to32, "string_to32": string_to32, "bytestring_to32": bytestring_to32,
               "emptyarray_to": emptyarray_to, "categorical_as_dictionary": categorical_as_dictionary,
               "count_nulls": count_nulls}
    tables = (_with_attrs(_plain_table(a, "to_parquet_row_groups", extensionarray, options), a) for a in iterator)
    kwargs = _writer_kwargs(compression, compression_level, data_page_size, parquet_flavor, parquet_version,
                            parquet_page_version, parquet_metadata_statistics, parquet_dictionary_encoding,
                            parquet_byte_stream_split, parquet_coerce_timestamps, parquet_old_int96_timestamps,
                            parquet_compliant_nested, parquet_extra_options)
    return _write_tables("to_parquet_row_groups", tables, destination, row_group_size, kwargs, storage_options)


def _is_data_file(name: str) -> bool:
    base = name.rstrip("/").rsplit("/", 1)[-1]
    return not base.startswith(("_", ".")) and base.endswith((".parquet", ".parq", ".pq"))


def _expand(path: Any, storage_options: Mapping | None, where: str) -> tuple[Any, list[str]]:
    """(filesystem, sorted list of files) for a file, a directory, a glob or a list of them."""
    paths = [path] if isinstance(path, (str, os.PathLike)) else list(path)
    fs, out = None, cast("list[str]", [])
    for p in paths:
        fs, inner = _filesystem(os.fspath(p), storage_options)
        if fs is None:
            isdir = os.path.isdir(inner)
            found = sorted(glob.glob(inner)) if any(c in inner for c in "*?[") else [inner]
            listing = sorted(os.path.join(inner, f) for f in os.listdir(inner)) if isdir else found
        else:
            isdir = fs.isdir(inner)
            listing = sorted(fs.find(inner)) if isdir else sorted(fs.glob(inner)) if any(c in inner for c in "*?[") \
                else [inner]
        out.extend(f for f in listing if not isdir or _is_data_file(f))
    if not out:
        msg = f"{where}: no Parquet files found at {path!r}"
        raise FileNotFoundError(msg)
    return fs, out


def _leaf_paths(pa: Any, arrow_type: Any, prefix: tuple) -> list[tuple]:
    """Awkward-style field paths (records only; lists are transparent) of each Parquet leaf."""
    while True:
        if isinstance(arrow_type, pa.ExtensionType):
            arrow_type = arrow_type.storage_type
        elif pa.types.is_dictionary(arrow_type):
            arrow_type = arrow_type.value_type
        elif pa.types.is_list(arrow_type) or pa.types.is_large_list(arrow_type) or \
                pa.types.is_fixed_size_list(arrow_type):
            arrow_type = arrow_type.value_type
        else:
            break
    if pa.types.is_struct(arrow_type):
        out = []
        for i in range(arrow_type.num_fields):
            f = arrow_type.field(i)
            out.extend(_leaf_paths(pa, f.type, (*prefix, f.name)))
        return out
    if pa.types.is_map(arrow_type):
        return _leaf_paths(pa, arrow_type.key_type, prefix) + _leaf_paths(pa, arrow_type.item_type, prefix)
    return [prefix]


def _patterns(columns: Any) -> list[tuple]:
    if isinstance(columns, str):
        columns = [columns]
    out = []
    for c in columns:
        if isinstance(c, str):
            out.append(tuple(c.split(".")))
        elif isinstance(c, Iterable):
            out.append(tuple(c))
        else:
            msg = f"from_parquet: columns must be strings or lists of strings, not {type(c).__name__}"
            raise TypeError(msg)
    return out


def _select(pa: Any, pf: Any, columns: Any) -> list[str] | None:
    """The Parquet column paths whose Awkward-style paths match the patterns (None: all)."""
    if columns is None:
        return None
    schema = pf.schema_arrow
    leaves = []
    for f in schema:
        # an array that is not a record at the top is stored as one column named "": its
        # fields' paths start below it
        top = () if len(schema) == 1 and f.name == "" else (f.name,)
        leaves.extend(_leaf_paths(pa, f.type, top))
    parquet_paths = [pf.schema.column(i).path for i in range(len(pf.schema))]
    if len(leaves) != len(parquet_paths):
        msg = "from_parquet: cannot match the Arrow schema to the Parquet columns"
        raise ValueError(msg)
    patterns = _patterns(columns)
    keep = [pp for leaf, pp in zip(leaves, parquet_paths)
            if any(len(leaf) >= len(p) and all(fnmatch.fnmatchcase(a, b) for a, b in zip(leaf, p)) for p in patterns)]
    if not keep:
        msg = f"from_parquet: no column matches {columns!r}; the columns are {['.'.join(x) for x in leaves]}"
        raise ValueError(msg)
    return keep


def _row_groups_per_file(row_groups: Any, n_files: int) -> list:
    if row_groups is None:
        return [None] * n_files
    groups = list(row_groups)
    if n_files == 1 and all(isinstance(g, int) for g in groups):
        groups = [groups]
    if len(groups) != n_files or not all(g is None or all(isinstance(x, int) and x >= 0 for x in g) for g in groups):
        msg = ("from_parquet: row_groups must be a list of non-negative ints for one file, or one such list "
               "per file")
        raise ValueError(msg)
    return [None if g is None else sorted(set(g)) for g in groups]


def from_parquet(path: Any, *, columns: Any = None, row_groups: Any = None, storage_options: Mapping | None = None,
                 max_gap: int = 64_000, max_block: int = 256_000_000, footer_sample_size: int = 1_000_000,
                 generate_bitmasks: bool = False, highlevel: bool = True, behavior: Mapping | None = None,
                 attrs: Mapping | None = None) -> Any:
    """Read a Parquet file, a directory of them, a glob or a list of paths into one array.

    Parameters:
        columns: a pattern or list of patterns for the fields to read: dots separate nested
            record fields (``"y.z"``), each part may be a glob (``"x*"``, ``"y.*"``); a list of
            strings as one pattern gives the parts literally (names with dots).
        row_groups: row group numbers to read (a list per file when there are several files).
        storage_options: passed to fsspec. ``max_gap``, ``max_block``, ``footer_sample_size`` are
            accepted for compatibility (the whole column chunks are read).
        generate_bitmasks, highlevel, behavior, attrs: as in ``jaggy.from_arrow``.

    Example:
        >>> import jaggy
        >>> _ = jaggy.to_parquet(jaggy.Array([{"x": 1, "y": {"z": 2.5}}]), "/tmp/jaggy-doc2.parquet")
        >>> jaggy.from_parquet("/tmp/jaggy-doc2.parquet", columns=["y.z"]).to_list()
        [{'y': {'z': 2.5}}]

    Raises FileNotFoundError when nothing matches ``path``, ValueError for bad row groups or
    column patterns that match nothing.
    """
    from jaggy.io.arrow import _handle
    from jaggy.operations._wrap import finish

    pa, pq = _import("from_parquet")
    fs, files = _expand(path, storage_options, "from_parquet")
    groups = _row_groups_per_file(row_groups, len(files))
    tables = []
    for name, rg in zip(files, groups):
        with _open(fs, name, "rb") as f:
            pf = pq.ParquetFile(f)
            selected = _select(pa, pf, columns)
            if rg is not None and any(g >= pf.num_row_groups for g in rg):
                msg = f"from_parquet: row group {max(rg)} is out of range for {name!r} ({pf.num_row_groups} row groups)"
                raise ValueError(msg)
            tables.append(pf.read(columns=selected) if rg is None else pf.read_row_groups(rg, columns=selected))
    table = tables[0] if len(tables) == 1 else pa.concat_tables(tables)
    if attrs is None and b"AWKWARD_ATTRS" in (table.schema.metadata or {}):
        attrs = json.loads(table.schema.metadata[b"AWKWARD_ATTRS"])
    layout = _handle(table, generate_bitmasks, pa, True, schema=from_native_schema(pa, table.schema)).option
    return finish(layout, highlevel, behavior=behavior, attrs=attrs)


def metadata_from_parquet(path: Any, *, storage_options: Mapping | None = None, row_groups: Any = None,
                          ignore_metadata: bool = False, scan_files: bool = True) -> dict:
    """Describe Parquet data without reading it: a dict with ``form`` (the jaggy Form of the
    whole array), ``fs``, ``paths``, ``col_counts`` (rows per selected row group), ``columns``
    (Parquet column paths), ``uuid``, ``num_rows`` and ``num_row_groups``.

    Example:
        >>> import jaggy
        >>> _ = jaggy.to_parquet(jaggy.Array([[1, 2], [3]]), "/tmp/jaggy-doc3.parquet")
        >>> jaggy.metadata_from_parquet("/tmp/jaggy-doc3.parquet")["num_rows"]
        2
    """
    from jaggy.io.arrow import from_arrow_schema

    _, pq = _import("metadata_from_parquet")
    fs, files = _expand(path, storage_options, "metadata_from_parquet")
    groups = _row_groups_per_file(row_groups, len(files))
    counts, digest, schema, columns = cast("list[int]", []), hashlib.sha256(), None, None
    for name, rg in zip(files, groups):
        with _open(fs, name, "rb") as f:
            pf = pq.ParquetFile(f)
            md = pf.metadata
            if schema is None:
                schema = pf.schema_arrow
                columns = [pf.schema.column(i).path for i in range(len(pf.schema))]
            chosen = range(md.num_row_groups) if rg is None else rg
            counts.extend(md.row_group(i).num_rows for i in chosen)
            digest.update(name.encode())
            digest.update(str(md.num_rows).encode())
    return {
        "form": from_arrow_schema(from_native_schema(import_pyarrow("metadata_from_parquet"), schema)), "fs": fs, "paths": files, "col_counts": counts, "columns": columns,
        "uuid": digest.hexdigest(), "num_rows": sum(counts), "num_row_groups": len(counts),
    }


def to_parquet_dataset(directory: Any, filenames: Any = None, storage_options: Mapping | None = None) -> None:
    """Write ``_common_metadata`` and ``_metadata`` for a directory of Parquet files (all files in
    it, or ``filenames`` relative to it), so that readers see them as one dataset.

    Example:
        >>> import jaggy, os
        >>> os.makedirs("/tmp/jaggy-doc-ds", exist_ok=True)
        >>> _ = jaggy.to_parquet(jaggy.Array([[1.0]]), "/tmp/jaggy-doc-ds/part0.parquet")
        >>> jaggy.to_parquet_dataset("/tmp/jaggy-doc-ds")
        >>> sorted(os.listdir("/tmp/jaggy-doc-ds"))[:2]
        ['_common_metadata', '_metadata']
    """
    _, pq = _import("to_parquet_dataset")
    fs, root = _filesystem(os.fspath(directory), storage_options)
    if filenames is None:
        _, files = _expand(directory, storage_options, "to_parquet_dataset")
    else:
        files = [f"{root.rstrip('/')}/{name}" for name in filenames]
    combined, schema = None, None
    for name in files:
        with _open(fs, name, "rb") as f:
            pf = pq.ParquetFile(f)
            md = pf.metadata
            md.set_file_path(os.path.relpath(name, root) if fs is None else name[len(root.rstrip("/")) + 1:])
            if combined is None:
                combined, schema = md, pf.schema_arrow
            else:
                combined.append_row_groups(md)
    if combined is None:
        msg = "jaggy.to_parquet_dataset: no Parquet files to describe"
        raise ValueError(msg)
    compliant = any(".list.element" in combined.schema.column(i).path for i in range(len(combined.schema)))
    with _open(fs, f"{root.rstrip('/')}/_common_metadata", "wb") as f:
        pq.write_metadata(schema, f, use_compliant_nested_type=compliant)
    with _open(fs, f"{root.rstrip('/')}/_metadata", "wb") as f:
        combined.write_metadata_file(f)
