"""jaggy.str: string functions over the strings (and bytestrings) anywhere in an array.

Awkward's ``awkward.str`` namespace with the same names, arguments and defaults. Strings are
found by walking the layout (through options, indexes, records, unions and lists) and processed
as packed offsets and UTF-8 bytes by the string kernels (``kernels/spec/strings.yaml``) and
vectorized NumPy; None stays None. Regular-expression functions use pyarrow, imported only when
they are called, so ``import jaggy.str`` does not need pyarrow.
"""

from __future__ import annotations

from jaggy.str.case import capitalize, lower, swapcase, title, upper
from jaggy.str.elementwise import join, join_element_wise
from jaggy.str.padding import (
    center,
    lpad,
    ltrim,
    ltrim_whitespace,
    rpad,
    rtrim,
    rtrim_whitespace,
    trim,
    trim_whitespace,
)
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
    extract_regex,
    find_substring,
    find_substring_regex,
    match_like,
    match_substring,
    match_substring_regex,
    starts_with,
)
from jaggy.str.sets import index_in, is_in, to_categorical
from jaggy.str.slicing import repeat, replace_slice, reverse, slice
from jaggy.str.split import (
    replace_substring,
    replace_substring_regex,
    split_pattern,
    split_pattern_regex,
    split_whitespace,
)

__all__ = [
    "capitalize", "center", "count_substring", "count_substring_regex", "ends_with", "extract_regex", "find_substring",
    "find_substring_regex", "index_in", "is_alnum", "is_alpha", "is_ascii", "is_decimal", "is_digit", "is_in",
    "is_lower", "is_numeric", "is_printable", "is_space", "is_title", "is_upper", "join", "join_element_wise",
    "length", "lower", "lpad", "ltrim", "ltrim_whitespace", "match_like", "match_substring", "match_substring_regex",
    "repeat", "replace_slice", "replace_substring", "replace_substring_regex", "reverse", "rpad", "rtrim",
    "rtrim_whitespace", "slice", "split_pattern", "split_pattern_regex", "split_whitespace", "starts_with",
    "swapcase", "title", "to_categorical", "trim", "trim_whitespace", "upper",
]
