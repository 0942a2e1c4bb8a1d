"""String behaviors: strings are plain ``jaggy.Array`` objects, so these are aliases of it."""

from __future__ import annotations

from jaggy.highlevel import Array

ByteBehavior = Array
CharBehavior = Array
ByteStringBehavior = Array
StringBehavior = Array

__all__ = ["ByteBehavior", "ByteStringBehavior", "CharBehavior", "StringBehavior"]
