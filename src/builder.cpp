// Placeholder until the C++ ArrayBuilder lands.
#include <pybind11/pybind11.h>
void register_builder(pybind11::module_& m) {}
