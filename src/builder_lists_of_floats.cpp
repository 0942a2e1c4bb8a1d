// jaggy._ext.lists_of_floats: the commonest Python input, a list of lists of floats, read in one
// pass into ListOffsetArray buffers without the general builder (same result as from_iter).
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

namespace py = pybind11;

namespace {

// (offsets int64[n + 1], values float64[total]) when obj is exactly a list of n >= 1 exact lists
// holding at least one value, every value an exact Python float; None for anything else (the
// general builder decides: ints, bools, None, subclasses, nesting, all-empty lists).
py::object lists_of_floats(py::handle obj) {
  PyObject* o = obj.ptr();
  if (!PyList_CheckExact(o)) return py::none();
  const Py_ssize_t n = PyList_GET_SIZE(o);
  if (n == 0) return py::none();
  Py_ssize_t total = 0;
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject* item = PyList_GET_ITEM(o, i);
    if (!PyList_CheckExact(item)) return py::none();
    total += PyList_GET_SIZE(item);
  }
  if (total == 0) return py::none();
  py::array_t<int64_t> offsets(n + 1);
  py::array_t<double> values(total);
  int64_t* op = offsets.mutable_data();
  double* vp = values.mutable_data();
  // only exact floats are read, and the lists are not changed while this runs (no Python code
  // is called), so the sizes counted above still hold
  int64_t k = 0;
  op[0] = 0;
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject* item = PyList_GET_ITEM(o, i);
    const Py_ssize_t m = PyList_GET_SIZE(item);
    for (Py_ssize_t j = 0; j < m; j++) {
      PyObject* v = PyList_GET_ITEM(item, j);
      if (!PyFloat_CheckExact(v)) return py::none();
      vp[k++] = PyFloat_AS_DOUBLE(v);
    }
    op[i + 1] = k;
  }
  return py::make_tuple(offsets, values);
}

}  // namespace

void register_lists_of_floats(py::module_& m) {
  m.def("lists_of_floats", &lists_of_floats, py::arg("obj"),
        "(offsets, values) of a list of lists of Python floats (int64 offsets, float64 values), "
        "or None when obj is anything else (then from_iter decides).");
}
