// The pybind11 module jaggy._ext: generated kernel bindings plus the hand-written parts
// (ArrayBuilder / from_iter, to_list, threads).
#include <pybind11/pybind11.h>

#if defined(JAGGY_HAVE_OPENMP)
#include <omp.h>
#endif

namespace py = pybind11;

void register_kernels(py::module_& m);
void register_builder(py::module_& m);
void register_lists_of_floats(py::module_& m);
void register_tolist(py::module_& m);
void register_json_reader(py::module_& m);
void register_kernel_addresses(py::module_& m);

#ifndef JAGGY_VERSION
#define JAGGY_VERSION "dev"
#endif

PYBIND11_MODULE(_ext, m) {
  m.doc() = "jaggy's compiled kernels and builders";
  m.attr("__version__") = JAGGY_VERSION;
#if defined(JAGGY_HAVE_OPENMP)
  m.attr("openmp") = true;
  m.def("get_num_threads", []() { return omp_get_max_threads(); });
  m.def("set_num_threads", [](int n) {
    if (n < 1) throw py::value_error("number of threads must be at least 1");
    omp_set_num_threads(n);
  });
#else
  m.attr("openmp") = false;
  m.def("get_num_threads", []() { return 1; });
  m.def("set_num_threads", [](int n) {
    if (n < 1) throw py::value_error("number of threads must be at least 1");
  });
#endif
  register_kernels(m);
  register_builder(m);
  register_lists_of_floats(m);
  register_tolist(m);
  register_json_reader(m);
  register_kernel_addresses(m);
}
