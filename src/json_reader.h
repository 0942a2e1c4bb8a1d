// jaggy._ext.from_json: a hand-written, iterative JSON parser that appends what it reads
// straight into the builder tree of builder_core.h (type discovery as in ArrayBuilder), or,
// with a JSONSchema, into a tree whose types are fixed ahead (no discovery; a value of
// another type is an error).
#pragma once

#include <pybind11/pybind11.h>

namespace py = pybind11;

void register_json_reader(py::module_& m);
