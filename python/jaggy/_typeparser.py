"""Recursive-descent parser for type strings (``jaggy.types.from_datashape``).

Accepts what ``str(type)`` and ``type.show()`` print, e.g.
``var * {x: float64, y: ?int64}``, ``Point[x: int64, y: int64]``,
``[var * int64, parameters={"a": 1}]``, ``categorical[type=string]``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from jaggy import types as _t

_WS = re.compile(r"\s*")
_INT = re.compile(r"[0-9]+")
_NAME = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_UNIT = re.compile(r"[^\]\[=\s]+(?=\])")
_JSON = json.JSONDecoder()


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    # ---------------------------------------------------------------- lexing

    def fail(self, expected: str) -> None:
        msg = (
            f"cannot parse type string {self.text!r}: expected {expected} at position "
            f"{self.pos} ({self.text[self.pos : self.pos + 20]!r})"
        )
        raise ValueError(msg)

    def skip(self) -> None:
        self.pos = _WS.match(self.text, self.pos).end()  # type: ignore[union-attr]

    def peek(self, literal: str) -> bool:
        self.skip()
        return self.text.startswith(literal, self.pos)

    def accept(self, literal: str) -> bool:
        if self.peek(literal):
            self.pos += len(literal)
            return True
        return False

    def expect(self, literal: str) -> None:
        if not self.accept(literal):
            self.fail(repr(literal))

    def regex(self, pattern: re.Pattern) -> str | None:
        self.skip()
        m = pattern.match(self.text, self.pos)
        if m is None:
            return None
        self.pos = m.end()
        return m.group(0)

    def json_value(self) -> Any:
        self.skip()
        try:
            value, end = _JSON.raw_decode(self.text, self.pos)
        except json.JSONDecodeError:
            self.fail("a JSON value")
        self.pos = end
        return value

    def parameters(self) -> dict:
        """``parameters={...}`` (the keyword already peeked)."""
        self.expect("parameters")
        self.expect("=")
        value = self.json_value()
        if not isinstance(value, dict):
            self.fail("a JSON object of parameters")
        return value

    def tail_parameters(self) -> dict | None:
        """``, parameters={...}`` before a closing bracket, or nothing."""
        save = self.pos
        if self.accept(",") and self.peek("parameters"):
            return self.parameters()
        self.pos = save
        return None

    # ---------------------------------------------------------------- grammar

    def parse(self) -> _t.Type:
        out = self.type()
        self.skip()
        if self.pos != len(self.text):
            self.fail("end of string")
        return out

    def type(self) -> _t.Type:
        self.skip()
        if self.accept("?"):
            return self.option_of(None)
        if self.peek("["):
            return self.bracketed_list()
        if self.peek("{"):
            return self.record_body(None, "{", "}")
        if self.peek("("):
            return self.record_body(None, "(", ")")
        if self.accept("##"):
            return self.regular(_t.unknown_length)
        size = self.regex(_INT)
        if size is not None:
            return self.regular(int(size))
        name = self.regex(_NAME)
        if name is None:
            self.fail("a type")
        return self.named(name)  # type: ignore[arg-type]

    def option_of(self, closing: str | None) -> _t.Type:
        """The content of ``?...`` or ``option[...]``.

        ``?categorical[type=T]`` prints the same whether the option or T is categorical;
        like Awkward, mark T, unless T is an option or categorical itself (then only
        marking the option gives back the same string)."""
        if self.peek("categorical"):
            save = self.pos
            self.expect("categorical")
            if self.accept("[") and self.accept("type") and self.accept("="):
                content = self.type()
                self.expect("]")
                if isinstance(content, _t.OptionType) or content.parameter("__categorical__"):
                    return _t.OptionType(content, parameters={"__categorical__": True})
                content.parameters["__categorical__"] = True
                return _t.OptionType(content)
            self.pos = save
        return _t.OptionType(self.type())

    def regular(self, size: Any) -> _t.Type:
        self.expect("*")
        return _t.RegularType(self.type(), size)

    def bracketed_list(self) -> _t.Type:
        self.expect("[")
        if self.accept("var"):
            self.expect("*")
            content = self.type()
            self.expect(",")
            out: _t.Type = _t.ListType(content, parameters=self.parameters())
        else:
            size: Any = _t.unknown_length if self.accept("##") else self.regex(_INT)
            if size is None:
                self.fail("'var' or a size")
            self.expect("*")
            content = self.type()
            self.expect(",")
            out = _t.RegularType(
                content,
                size if size is _t.unknown_length else int(size),
                parameters=self.parameters(),
            )
        self.expect("]")
        return out

    def named(self, name: str) -> _t.Type:
        if name == "var":
            self.expect("*")
            return _t.ListType(self.type())
        if name in ("string", "bytes"):
            return self.stringlike(name)
        if name in ("char", "byte"):
            return _t.NumpyType("uint8", parameters={"__array__": name})
        if name == "unknown":
            params = None
            if self.accept("["):
                params = self.parameters()
                self.expect("]")
            unknown = _t.UnknownType()
            unknown._parameters = params
            return unknown
        if name == "option":
            self.expect("[")
            out = self.option_of(",")
            params = self.tail_parameters()
            self.expect("]")
            if params:
                out.parameters.update(params)
            return out
        if name == "union":
            return self.union()
        if name == "categorical":
            self.expect("[")
            self.expect("type")
            self.expect("=")
            out = self.type()
            self.expect("]")
            out.parameters["__categorical__"] = True
            return out
        if name == "struct" and self.peek("[{"):
            self.expect("[")
            record = self.record_body(None, "{", "}")
            self.expect(",")
            record._parameters = self.parameters()
            self.expect("]")
            return record
        if name == "tuple" and self.peek("[["):
            self.expect("[")
            record = self.record_body(None, "[", "]")
            self.expect(",")
            record._parameters = self.parameters()
            self.expect("]")
            return record
        if name in ("datetime64", "timedelta64") and self.peek("["):
            save = self.pos
            self.expect("[")
            unit = self.regex(_UNIT)
            if unit is not None and _t.is_primitive(f"{name}[{unit}]"):
                self.expect("]")
                return self.numpy(f"{name}[{unit}]")
            self.pos = save
        if _t.is_primitive(name):
            return self.numpy(name)
        if self.peek("["):
            return self.record_body(name, "[", "]")
        self.fail(f"a known type name, not {name!r}")
        raise AssertionError  # unreachable

    def stringlike(self, name: str) -> _t.Type:
        array = "string" if name == "string" else "bytestring"
        inner = _t.NumpyType(
            "uint8", parameters={"__array__": "char" if name == "string" else "byte"}
        )
        if self.accept("["):
            size = self.regex(_INT)
            if size is None:
                self.fail("a size")
            self.expect("]")
            return _t.RegularType(inner, int(size), parameters={"__array__": array})  # type: ignore[arg-type]
        return _t.ListType(inner, parameters={"__array__": array})

    def numpy(self, primitive: str) -> _t.Type:
        params: dict | None = None
        if self.accept("["):
            params = {}
            if self.accept("unit"):
                self.expect("=")
                unit = self.json_value()
                params["__unit__"] = unit
                if not self.accept(","):
                    self.expect("]")
                    return _t.NumpyType(primitive, parameters=params)
            params.update(self.parameters())
            self.expect("]")
        return _t.NumpyType(primitive, parameters=params)

    def union(self) -> _t.Type:
        self.expect("[")
        contents: list[_t.Type] = []
        params = None
        while not self.peek("]"):
            if self.peek("parameters"):
                params = self.parameters()
                break
            contents.append(self.type())
            if not self.accept(","):
                break
        self.expect("]")
        return _t.UnionType(contents, parameters=params)

    def record_body(self, name: str | None, opening: str, closing: str) -> _t.RecordType:
        """Items of ``{k: t, ...}``, ``(t, ...)``, ``[[t, ...]`` or ``Name[...]``."""
        self.expect(opening)
        fields: list[str] = []
        contents: list[_t.Type] = []
        params: dict | None = None
        named_fields: bool | None = opening == "{" or None
        if opening == "(":
            named_fields = False
        while not self.peek(closing):
            if name is not None and self.peek("parameters"):
                params = self.parameters()
                break
            key = self.field_name()
            if key is not None:
                if named_fields is False:
                    self.fail("a type (tuple items have no field names)")
                named_fields = True
                fields.append(key)
            elif named_fields:
                self.fail("a field name")
            else:
                named_fields = False
            contents.append(self.type())
            if not self.accept(","):
                break
        self.expect(closing)
        record_params = {} if name is None else {"__record__": name}
        if params:
            record_params.update(params)
        return _t.RecordType(
            contents,
            fields if named_fields else None,
            parameters=record_params or None,
        )

    def field_name(self) -> str | None:
        """A ``name:`` or ``"quoted name":`` prefix, if there is one."""
        self.skip()
        save = self.pos
        if self.peek('"'):
            key = self.json_value()
        else:
            key = self.regex(_NAME)
        if key is not None and self.accept(":"):
            return key
        self.pos = save
        return None


def parse_type(text: str) -> _t.Type:
    """Parse a low-level type string into a ``jaggy.types.Type``."""
    if not isinstance(text, str):
        msg = f"a type string must be a str, not {text!r}"
        raise TypeError(msg)
    return _Parser(text).parse()
