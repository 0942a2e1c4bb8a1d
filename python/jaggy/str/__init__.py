"""jaggy.str: string functions over the strings (and bytestrings) anywhere in an array.

Awkward's ``awkward.str`` namespace with the same names, arguments and defaults. Strings are
found by walking the layout (through options, indexes, records, unions and lists) and processed
as packed offsets and UTF-8 bytes by the string kernels (``kernels/spec/strings.yaml``) and
vectorized NumPy; None stays None. Regular-expression functions use pyarrow, imported only when
they are called.
"""

from __future__ import annotations

from jaggy.str.case import capitalize, lower, swapcase, title, upper
from jaggy.str.predicates import (
    is_alnum,
    is_alpha,
    is_ascii,
    is_decimal,
    is_digit,
    is_lower,
    is_numeric,
    is_printable,
    is_space,
    is_title,
    is_upper,
    length,
)
from jaggy.str.search import (
    count_substring,
    count_substring_regex,
    ends_with,
    find_substring,
    find_substring_regex,
    match_like,
    match_substring,
    match_substring_regex,
    starts_with,
)

__all__ = [
    "capitalize", "count_substring", "count_substring_regex", "ends_with", "find_substring", "find_substring_regex",
    "is_alnum", "is_alpha", "is_ascii", "is_decimal", "is_digit", "is_lower", "is_numeric", "is_printable",
    "is_space", "is_title", "is_upper", "length", "lower", "match_like", "match_substring", "match_substring_regex",
    "starts_with", "swapcase", "title", "upper",
]

from jaggy.str.elementwise import join, join_element_wise
from jaggy.str.slicing import repeat, replace_slice, reverse, slice
