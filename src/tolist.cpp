// Placeholder until the C++ to_list lands.
#include <pybind11/pybind11.h>
void register_tolist(pybind11::module_& m) {}
