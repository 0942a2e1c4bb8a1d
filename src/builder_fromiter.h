// Walking Python objects into the builder tree (used by from_iter and
// ArrayBuilder.append / extend).
#pragma once

#include "builder_core.h"

namespace jaggy_builder {

// Appends one Python object (any nesting of lists, tuples, dicts, None, bool, int, float,
// complex, str, bytes, NumPy scalars and arrays, datetimes, other iterables) at `slot`.
void fill(Node*& slot, PyObject* obj);

// Appends a datetime64 / timedelta64 value given as a NumPy scalar, a Python datetime,
// date or timedelta, a string, or an integer with `unit` (unit may be empty).
void add_time(Node*& slot, py::handle obj, bool is_delta, const std::string& unit);

// from_iter: see the binding's docstring in builder.cpp.
py::tuple from_iter(py::handle obj, bool allow_record);

}  // namespace jaggy_builder
