"""The high-level ArrayBuilder and the from_iter entry point (both over ``jaggy._ext``).

The compiled builder discovers the type of the data as it arrives and exports it in
Awkward's ``to_buffers`` conventions: ``(form_json, length, buffers)``. ``snapshot()``
turns that into a ``jaggy.Array`` through ``jaggy.io.buffers.from_buffers``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from jaggy import _ext

__all__ = ["ArrayBuilder"]


def _from_iter_layout(obj: Any, allow_record: bool = True) -> tuple[str, int, dict[str, Any]]:
    """Converts Python data to ``(form_json, length, buffers)``.

    A top-level dict (allowed when ``allow_record`` is true) gives a length-1 record
    array; the caller, which knows it passed a dict, takes element 0 to get the record.
    """
    return _ext.from_iter(obj, allow_record)


class ArrayBuilder:
    """Builds an array from a sequence of calls, discovering its type as data arrive.

    Same API as ``awkward.ArrayBuilder``: ``null``, ``boolean``, ``integer``, ``real``,
    ``complex``, ``datetime``, ``timedelta``, ``string``, ``bytestring``,
    ``begin_list``/``end_list``, ``begin_tuple``/``index``/``end_tuple``,
    ``begin_record``/``field``/``end_record``, ``append``, ``extend`` and the context
    managers ``list()``, ``tuple(n)`` and ``record(name=None)``.

    Parameters:
        behavior, attrs: passed on to the arrays that ``snapshot()`` makes.
        initial: the initial capacity of the buffers (in entries).
        resize: the factor by which a full buffer grows.

    Example:
        >>> import jaggy
        >>> b = jaggy.ArrayBuilder()
        >>> with b.list():
        ...     b.integer(1)
        ...     b.real(2.5)
        >>> b.null()
        >>> out = b.snapshot()
        >>> out.to_list(), str(out.type)
        ([[1.0, 2.5], None], '2 * option[var * float64]')
    """

    def __init__(
        self,
        *,
        behavior: Any = None,
        attrs: Any = None,
        initial: int = 1024,
        resize: float = 8,
    ) -> None:
        self._builder = _ext.ArrayBuilder(initial, resize)
        self.behavior = behavior
        self.attrs = attrs

    # -- output ------------------------------------------------------------------------

    def _buffers(self) -> tuple[str, int, dict[str, Any]]:
        """The builder's content as ``(form_json, length, buffers)`` (copies)."""
        return self._builder.snapshot()

    def form(self) -> str:
        """The Form JSON of what has been built so far."""
        return self._builder.form()

    def snapshot(self) -> Any:
        """Returns a ``jaggy.Array`` of everything built so far (the builder goes on)."""
        import jaggy
        from jaggy._builder_layout import layout_from_builder

        form, length, buffers = self._builder.snapshot()
        layout = layout_from_builder(form, length, buffers)
        return jaggy.Array(layout, behavior=self.behavior, attrs=self.attrs)

    @property
    def type(self) -> Any:
        """The type of the array built so far."""
        return self.snapshot().type

    @property
    def typestr(self) -> str:
        """The type of the array built so far, as a string."""
        return str(self.type)

    def show(self, *args: Any, **kwargs: Any) -> Any:
        """Prints the array built so far (see ``jaggy.Array.show``)."""
        return self.snapshot().show(*args, **kwargs)

    def to_list(self) -> list[Any]:
        """The array built so far as Python lists and dicts."""
        return self.snapshot().to_list()

    tolist = to_list

    def to_numpy(self, allow_missing: bool = True) -> Any:
        """The array built so far as a NumPy array (when it is regular)."""
        from jaggy.operations.to_numpy import to_numpy

        return to_numpy(self.snapshot(), allow_missing=allow_missing)

    def __len__(self) -> int:
        return len(self._builder)

    def __iter__(self) -> Iterator[Any]:
        yield from self.snapshot()

    def __getitem__(self, where: Any) -> Any:
        return self.snapshot()[where]

    def __repr__(self) -> str:
        try:
            typestr = self.typestr
        except ImportError:  # jaggy.Array not importable yet: fall back to the form
            typestr = f"{len(self)} * <form {self.form()}>"
        return f"<ArrayBuilder type={typestr!r}>"

    __str__ = __repr__

    # -- filling -----------------------------------------------------------------------

    def clear(self) -> None:
        """Forgets everything built so far."""
        self._builder.clear()

    def null(self) -> None:
        """Appends a missing value (None)."""
        self._builder.null()

    def boolean(self, x: bool) -> None:
        """Appends a boolean."""
        self._builder.boolean(x)

    def integer(self, x: int) -> None:
        """Appends an integer (int64)."""
        self._builder.integer(x)

    def real(self, x: float) -> None:
        """Appends a real number (float64)."""
        self._builder.real(x)

    def complex(self, x: complex) -> None:
        """Appends a complex number (complex128)."""
        self._builder.complex(x)

    def datetime(self, x: Any, unit: str | None = None) -> None:
        """Appends a datetime64 (NumPy scalar, ``datetime``, ISO string or int + unit)."""
        self._builder.datetime(x, unit)

    def timedelta(self, x: Any, unit: str | None = None) -> None:
        """Appends a timedelta64 (NumPy scalar, ``timedelta`` or int + unit)."""
        self._builder.timedelta(x, unit)

    def string(self, x: str) -> None:
        """Appends a UTF-8 string."""
        self._builder.string(x)

    def bytestring(self, x: bytes) -> None:
        """Appends a bytestring."""
        self._builder.bytestring(x)

    def begin_list(self) -> None:
        """Starts a variable-length list; close it with ``end_list``."""
        self._builder.begin_list()

    def end_list(self) -> None:
        """Ends the list started by the matching ``begin_list``."""
        self._builder.end_list()

    def begin_tuple(self, numfields: int) -> None:
        """Starts a tuple of ``numfields`` slots; select each with ``index``."""
        self._builder.begin_tuple(numfields)

    def index(self, index: int) -> ArrayBuilder:
        """Selects the tuple slot that the next value goes into."""
        self._builder.index(index)
        return self

    def end_tuple(self) -> None:
        """Ends the tuple started by the matching ``begin_tuple``."""
        self._builder.end_tuple()

    def begin_record(self, name: str | None = None) -> None:
        """Starts a record (optionally named); select each field with ``field``."""
        self._builder.begin_record(name)

    def field(self, key: str) -> ArrayBuilder:
        """Selects the record field that the next value goes into."""
        self._builder.field(key)
        return self

    def end_record(self) -> None:
        """Ends the record started by the matching ``begin_record``."""
        self._builder.end_record()

    def append(self, obj: Any) -> None:
        """Appends any Python object, walking lists, dicts, tuples, ... like from_iter."""
        self._builder.append(obj)

    def extend(self, iterable: Iterable[Any]) -> None:
        """Appends every item of ``iterable``."""
        self._builder.extend(iterable)

    # -- context managers --------------------------------------------------------------

    class _Nested:
        def __init__(self, builder: ArrayBuilder) -> None:
            self._builder = builder

        def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
            if exc_type is None:
                self._end()

        def _end(self) -> None:
            raise NotImplementedError

    class List(_Nested):
        """Context manager for ``begin_list`` / ``end_list``."""

        def __enter__(self) -> ArrayBuilder.List:
            self._builder.begin_list()
            return self

        def _end(self) -> None:
            self._builder.end_list()

    class Tuple(_Nested):
        """Context manager for ``begin_tuple`` / ``end_tuple``."""

        def __init__(self, builder: ArrayBuilder, numfields: int) -> None:
            super().__init__(builder)
            self._numfields = numfields

        def __enter__(self) -> ArrayBuilder.Tuple:
            self._builder.begin_tuple(self._numfields)
            return self

        def _end(self) -> None:
            self._builder.end_tuple()

    class Record(_Nested):
        """Context manager for ``begin_record`` / ``end_record``."""

        def __init__(self, builder: ArrayBuilder, name: str | None) -> None:
            super().__init__(builder)
            self._name = name

        def __enter__(self) -> ArrayBuilder.Record:
            self._builder.begin_record(self._name)
            return self

        def _end(self) -> None:
            self._builder.end_record()

    def list(self) -> ArrayBuilder.List:
        """``with builder.list(): ...`` wraps the body in begin_list / end_list."""
        return ArrayBuilder.List(self)

    def tuple(self, numfields: int) -> ArrayBuilder.Tuple:
        """``with builder.tuple(n): ...`` wraps the body in begin_tuple / end_tuple."""
        return ArrayBuilder.Tuple(self, numfields)

    def record(self, name: str | None = None) -> ArrayBuilder.Record:
        """``with builder.record(): ...`` wraps the body in begin_record / end_record."""
        return ArrayBuilder.Record(self, name)
