"""Feather (Arrow IPC) files: ``jaggy.to_feather`` and ``jaggy.from_feather`` through pyarrow.feather."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.io.arrow_types import import_pyarrow


def _feather(where: str) -> Any:
    import_pyarrow(where)
    import pyarrow.feather

    return pyarrow.feather


def to_feather(array: Any, destination: Any, *, list_to32: bool = False, string_to32: bool = True,
               bytestring_to32: bool = True, emptyarray_to: Any = None, categorical_as_dictionary: bool = False,
               extensionarray: bool = True, count_nulls: bool = True, compression: str | None = "zstd",
               compression_level: int | None = None, chunksize: int | None = None,
               feather_version: int = 2) -> None:
    """Write an array to a Feather file (Arrow IPC format).

    Parameters:
        array: a jaggy array; records become one column per field, anything else one column
            named ``""`` (as in ``jaggy.to_arrow_table``).
        destination: a path or a writable binary file object.
        list_to32, string_to32, bytestring_to32, emptyarray_to, categorical_as_dictionary, extensionarray, count_nulls: as in ``jaggy.to_arrow_table`` (``extensionarray=True``
            keeps jaggy/Awkward node types and parameters in the file).
        compression, compression_level, chunksize, feather_version: passed to
            ``pyarrow.feather.write_feather`` (``compression`` is ``"zstd"``, ``"lz4"`` or
            ``"uncompressed"``; version 1 files cannot hold nested data).

    Returns:
        None.

    Raises:
        ImportError: pyarrow is not installed.

    >>> import jaggy
    >>> jaggy.to_feather(jaggy.Array([[1, 2], []]), "/tmp/jaggy-doc.feather")
    >>> jaggy.from_feather("/tmp/jaggy-doc.feather").to_list()
    [[1, 2], []]
    """
    from jaggy.io.arrow import to_arrow_table

    feather = _feather("to_feather")
    table = to_arrow_table(array, list_to32=list_to32, string_to32=string_to32, bytestring_to32=bytestring_to32,
                           emptyarray_to=emptyarray_to, categorical_as_dictionary=categorical_as_dictionary,
                           extensionarray=extensionarray, count_nulls=count_nulls)
    feather.write_feather(table, destination, compression=compression, compression_level=compression_level,
                          chunksize=chunksize, version=feather_version)


def from_feather(path: Any, *, columns: Any = None, use_threads: bool = True, memory_map: bool = False,
                 generate_bitmasks: bool = False, highlevel: bool = True, behavior: Mapping | None = None,
                 attrs: Mapping | None = None) -> Any:
    """Read a Feather file (Arrow IPC format) into an array.

    Parameters:
        path: a path or a readable binary file object.
        columns: the names of the columns (top-level fields) to read; None reads all.
        use_threads, memory_map: passed to ``pyarrow.feather.read_table`` (with
            ``memory_map=True`` the numeric buffers are views of the mapped file).
        generate_bitmasks, highlevel, behavior, attrs: as in ``jaggy.from_arrow``.

    Returns:
        A ``jaggy.Array``: records of the columns, or the array itself for a file written from
        an array without fields.

    Raises:
        ImportError: pyarrow is not installed. FileNotFoundError: no such file.

    >>> import jaggy
    >>> jaggy.to_feather(jaggy.Array([{"x": 1}, {"x": 2}]), "/tmp/jaggy-doc2.feather")
    >>> jaggy.from_feather("/tmp/jaggy-doc2.feather").to_list()
    [{'x': 1}, {'x': 2}]
    """
    from jaggy.io.arrow import from_arrow

    feather = _feather("from_feather")
    table = feather.read_table(path, columns=columns, use_threads=use_threads, memory_map=memory_map)
    return from_arrow(table, generate_bitmasks=generate_bitmasks, highlevel=highlevel, behavior=behavior,
                      attrs=attrs)
