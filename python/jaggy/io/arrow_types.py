"""The Arrow extension type "awkward": layout node names and parameters carried through Arrow.

Arrays written with ``extensionarray=True`` wrap every Arrow type in an extension type named
``"awkward"`` whose serialized metadata (a JSON object) names the option node, the node, their
parameters and whether a record is a tuple or a scalar. Awkward Array writes and reads the same
metadata, so files and in-memory arrays move between the two libraries with their exact types.

jaggy never registers this extension type with pyarrow (Awkward does, and two registrations under
one name conflict). Reading accepts all three ways the metadata can arrive: an instance of jaggy's
class, an instance of whichever class is registered under ``"awkward"``, or a plain storage type
whose field metadata holds ``ARROW:extension:name = awkward`` (what pyarrow gives for an
unregistered extension type read from IPC or Parquet). Writing uses the registered class when there
is one, so that Awkward recognises jaggy's in-memory output.
"""

from __future__ import annotations

import json
from typing import Any

EXTENSION_NAME = "awkward"
_NAME_KEY = b"ARROW:extension:name"
_META_KEY = b"ARROW:extension:metadata"


def import_pyarrow(where: str) -> Any:
    """pyarrow, or an ImportError that names the jaggy function that needs it."""
    try:
        import pyarrow
    except ImportError:
        msg = f"jaggy.{where} needs pyarrow; install it with 'pip install pyarrow' or 'conda install -c conda-forge pyarrow'"
        raise ImportError(msg) from None
    return pyarrow


class Meta:
    """The metadata of one "awkward" extension type (plain attributes, JSON-serializable)."""

    __slots__ = ("is_nonnullable_nulltype", "mask_parameters", "mask_type", "node_parameters",
                 "node_type", "option_type", "record_is_scalar", "record_is_tuple")

    def __init__(self, d: dict) -> None:
        self.mask_type = d.get("mask_type")
        self.node_type = d.get("node_type")
        self.mask_parameters = d.get("mask_parameters")
        self.node_parameters = d.get("node_parameters")
        self.record_is_tuple = d.get("record_is_tuple")
        self.record_is_scalar = d.get("record_is_scalar")
        self.is_nonnullable_nulltype = d.get("is_nonnullable_nulltype", False)
        self.option_type = d.get("option_type", False)

    def to_dict(self) -> dict:
        return {
            "mask_type": self.mask_type,
            "node_type": self.node_type,
            "mask_parameters": self.mask_parameters,
            "node_parameters": self.node_parameters,
            "record_is_tuple": self.record_is_tuple,
            "record_is_scalar": self.record_is_scalar,
            "is_nonnullable_nulltype": self.is_nonnullable_nulltype,
            "option_type": self.option_type,
        }

    def serialize(self) -> bytes:
        return json.dumps(self.to_dict()).encode(errors="surrogatescape")


def parse_meta(serialized: bytes) -> Meta:
    return Meta(json.loads(serialized.decode(errors="surrogatescape")))


_STATE: dict[str, Any] = {}


def _jaggy_type_class(pa: Any) -> type:
    cls = _STATE.get("class")
    if cls is not None:
        return cls

    class JaggyArrowType(pa.ExtensionType):
        """jaggy's (unregistered) class for the "awkward" extension type."""

        def __init__(self, storage_type: Any, serialized: bytes) -> None:
            self._serialized = serialized
            super().__init__(storage_type, EXTENSION_NAME)

        def __arrow_ext_serialize__(self) -> bytes:
            return self._serialized

        @classmethod
        def __arrow_ext_deserialize__(cls, storage_type: Any, serialized: bytes) -> Any:
            return cls(storage_type, serialized)

        def __str__(self) -> str:
            return "ak:" + str(self.storage_type)

        # Array.from_buffers checks children against these, so they follow the storage type
        @property
        def num_buffers(self) -> int:
            return self.storage_type.num_buffers

        @property
        def num_fields(self) -> int:
            return self.storage_type.num_fields

        def field(self, i: int | str) -> Any:
            return self.storage_type.field(i)

    _STATE["class"] = JaggyArrowType
    return JaggyArrowType


def type_factory(pa: Any) -> Any:
    """A function ``(storage_type, Meta) -> extension type``: the class registered under "awkward"
    when there is one (Awkward's, once Awkward has used Arrow), else jaggy's own class."""
    registered = _STATE.get("registered")
    if registered is None:
        ours = _jaggy_type_class(pa)
        probe = ours(pa.null(), Meta({"mask_type": None, "node_type": "EmptyArray", "mask_parameters": None,
                                      "node_parameters": {}, "record_is_tuple": None,
                                      "record_is_scalar": False}).serialize())
        back = pa.ipc.read_schema(pa.schema([pa.field("p", probe)]).serialize()).field(0).type
        if isinstance(back, pa.ExtensionType) and not isinstance(back, ours):
            registered = type(back)
            _STATE["registered"] = registered
        else:
            return lambda storage, meta: ours(storage, meta.serialize())
    return lambda storage, meta: registered.__arrow_ext_deserialize__(storage, meta.serialize())


def split_type(pa: Any, arrow_type: Any, field: Any = None) -> tuple[Meta | None, Any]:
    """(awkward metadata or None, storage type) of an Arrow type, looking also at the metadata of
    the field that holds it (unregistered extension types read from files arrive that way)."""
    if isinstance(arrow_type, pa.ExtensionType):
        if arrow_type.extension_name == EXTENSION_NAME:
            return parse_meta(arrow_type.__arrow_ext_serialize__()), arrow_type.storage_type
        return split_type(pa, arrow_type.storage_type)
    if field is not None and field.metadata and field.metadata.get(_NAME_KEY) == EXTENSION_NAME.encode():
        return parse_meta(field.metadata.get(_META_KEY, b"{}")), arrow_type
    return None, arrow_type


def field_option(field: Any) -> bool | None:
    """The ``option_type`` field metadata Awkward writes on struct fields (True/False/None)."""
    meta = field.metadata
    if not meta:
        return None
    value = meta.get(b"option_type")
    return {b"True": True, b"False": False}.get(value)
