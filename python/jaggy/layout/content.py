"""Content: the base class of the twelve layout nodes.

A layout is a tree of immutable nodes. Leaves hold data buffers (NumpyArray); inner nodes hold
Index buffers (offsets, starts/stops, index, mask, tags) that say how the children's elements are
grouped, selected or masked. Layout code reaches array functions through ``self.backend.xp``; it
never imports NumPy or CuPy itself.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from jaggy.errors import FieldNotFoundError
from jaggy.index import Index, Index64

_getitem: Any = None
_C = TypeVar("_C", bound="Content")


def _slicing_getitem() -> Any:
    global _getitem
    from jaggy._slicing import getitem

    _getitem = getitem
    return getitem


class Content:
    """Base class of layout nodes. Subclasses set the ``is_*`` flags and implement the hooks."""

    is_numpy = False
    is_unknown = False
    is_list = False
    is_regular = False
    is_option = False
    is_indexed = False
    is_record = False
    is_union = False
    is_leaf = False
    is_unmasked = False

    _parameters: dict
    _backend: Any

    # -- construction helpers ---------------------------------------------------------------
    def _init(self, parameters: dict | None, backend: Any) -> None:
        if parameters is not None and not isinstance(parameters, dict):
            msg = f"{type(self).__name__} 'parameters' must be a dict or None, not {parameters!r}"
            raise TypeError(msg)
        self._parameters = {} if parameters is None else parameters
        self._backend = backend
        self._form_cache = None

    @staticmethod
    def _check_content(cls_name: str, content: Any, arg: str = "content") -> None:
        if not isinstance(content, Content):
            msg = f"{cls_name} {arg!r} must be a Content subtype, not {content!r}"
            raise TypeError(msg)

    @staticmethod
    def _check_index(cls_name: str, index: Any, arg: str, allowed: Iterable[str]) -> None:
        allowed = tuple(allowed)
        if not isinstance(index, Index) or index.form not in allowed:
            names = ", ".join(allowed)
            got = index.form if isinstance(index, Index) else repr(index)
            msg = f"{cls_name} {arg!r} must be an Index with dtype in ({names}), not {got}"
            raise TypeError(msg)

    if TYPE_CHECKING:
        # For the type checker only: what some node classes offer. Layout code reaches these
        # after testing the is_* flags (is_numpy, is_regular, is_option, is_union, ...) rather
        # than the class, which mypy cannot follow. (``content`` is a property of list/option
        # nodes but a method of RecordArray/UnionArray, so it is not declared here.)
        @property
        def data(self) -> Any: ...  # NumpyArray

        @property
        def inner_shape(self) -> tuple[int, ...]: ...  # NumpyArray

        @property
        def size(self) -> int: ...  # RegularArray

        @property
        def contents(self) -> list[Content]: ...  # RecordArray, UnionArray

        @property
        def index(self) -> Index: ...  # IndexedArray, IndexedOptionArray, UnionArray

        @property
        def tags(self) -> Index: ...  # UnionArray

        def mask_as_bool(self, valid_when: bool = True) -> Any: ...  # options

        def project(self) -> Content: ...  # options and IndexedArray

        def to_IndexedOptionArray64(self) -> Any: ...  # options

        def to_ListOffsetArray64(self, start_at_zero: bool = False) -> Any: ...  # lists

        def to_RegularArray(self) -> Content: ...  # lists, NumpyArray

        def to_NumpyArray(self, dtype: Any = "float64") -> Content: ...  # EmptyArray

    # -- basic properties -------------------------------------------------------------------
    @property
    def backend(self) -> Any:
        return self._backend

    @property
    def parameters(self) -> dict:
        return self._parameters

    def parameter(self, key: str) -> Any:
        return self._parameters.get(key)

    @property
    def length(self) -> int:
        raise NotImplementedError

    def __len__(self) -> int:
        return self.length

    @property
    def form(self) -> Any:
        if self._form_cache is None:
            self._form_cache = self._form_with_key(lambda node: None)
        return self._form_cache

    def form_with_key(self, form_key: str = "node{id}", id_start: int = 0) -> Any:
        counter = iter(range(id_start, 1 << 62))
        return self._form_with_key(lambda node: form_key.format(id=next(counter)))

    def _form_with_key(self, getkey: Any) -> Any:
        raise NotImplementedError

    @property
    def fields(self) -> list[str]:
        return []

    @property
    def is_tuple(self) -> bool:
        return False

    @property
    def purelist_depth(self) -> int:
        return self.form.purelist_depth

    @property
    def purelist_isregular(self) -> bool:
        return self.form.purelist_isregular

    def purelist_parameter(self, key: str) -> Any:
        return self.form.purelist_parameter(key)

    @property
    def dimension_optiontype(self) -> bool:
        return self.form.dimension_optiontype

    @property
    def minmax_depth(self) -> tuple[int, int]:
        return self.form.minmax_depth

    @property
    def branch_depth(self) -> tuple[bool, int]:
        return self.form.branch_depth

    @property
    def nbytes(self) -> int:
        return sum(b.nbytes for b in self._buffers()) + sum(c.nbytes for c in self._children())

    def _buffers(self) -> list:
        return []

    def _children(self) -> list[Content]:
        return []

    def with_parameter(self, key: str, value: Any) -> Content:
        params = dict(self._parameters)
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
        return self.copy(parameters=params)

    def copy(self, *args: Any, **kwargs: Any) -> Content:
        raise NotImplementedError

    # -- element access ---------------------------------------------------------------------
    def _regular_index(self, where: Any) -> int:
        i = operator.index(where)
        n = self.length
        j = i + n if i < 0 else i
        if not 0 <= j < n:
            msg = f"index {i} is out of bounds for an array of length {n}"
            raise IndexError(msg)
        return j

    def __getitem__(self, where: Any) -> Any:
        return (_getitem or _slicing_getitem())(self, where)

    def _getitem_at(self, i: int) -> Any:
        raise NotImplementedError

    def _getitem_range(self, start: int, stop: int) -> Content:
        raise NotImplementedError

    def _getitem_field(self, name: str) -> Content:
        msg = f"no field {name!r} in an array of type {self.form.type}"
        raise FieldNotFoundError(msg)

    def _getitem_fields(self, names: list[str]) -> Content:
        msg = f"no fields {names!r} in an array of type {self.form.type}"
        raise FieldNotFoundError(msg)

    def _carry(self, carry: Index64) -> Content:
        """The elements at positions ``carry`` (checked), as a new node."""
        raise NotImplementedError

    def _check_carry(self, carry: Index64) -> None:
        if len(carry) == 0:
            return
        xp = self.backend.xp
        lo, hi = int(xp.min(carry.data)), int(xp.max(carry.data))
        if lo < 0 or hi >= self.length:
            bad = lo if lo < 0 else hi
            msg = f"index {bad} is out of bounds for an array of length {self.length}"
            raise IndexError(msg)

    # -- conversions ------------------------------------------------------------------------
    def to_list(self) -> list:
        from jaggy._tolist import to_list

        return to_list(self)

    def to_packed(self) -> Content:
        raise NotImplementedError

    def to_numpy(self, allow_missing: bool = True) -> Any:
        raise NotImplementedError

    def to_backend(self: _C, backend: Any) -> _C:
        if backend is self._backend:
            return self
        return cast(_C, self._to_backend(backend))  # each node converts to its own class

    def _to_backend(self, backend: Any) -> Content:
        raise NotImplementedError

    # -- validity ---------------------------------------------------------------------------
    def validity_error(self, path: str = "layout") -> str:
        return self._validity_error(path)

    def _validity_error(self, path: str) -> str:
        raise NotImplementedError

    def _kernel_validity(self, path: str, run: Any) -> str:
        """Runs a validity kernel; its error becomes 'at <path> (<node>): <message>'."""
        from jaggy.errors import KernelError, KernelIndexError

        try:
            run()
        except (KernelError, KernelIndexError) as err:
            return f"at {path} ({type(self).__name__}): {err}"
        return ""

    # -- repr -------------------------------------------------------------------------------
    def __repr__(self) -> str:
        return self._repr("", "", "")

    def _repr(self, indent: str, pre: str, post: str) -> str:
        raise NotImplementedError

    def _repr_params(self, indent: str) -> str:
        if not self._parameters:
            return ""
        items = "".join(
            f'\n{indent}    <parameter name={k!r}>{v!r}</parameter>' for k, v in self._parameters.items()
        )
        return f"\n{indent}<parameters>{items}\n{indent}</parameters>"


def next_path(path: str, attr: str) -> str:
    return f"{path}.{attr}"
