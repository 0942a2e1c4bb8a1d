// jaggy._ext.to_list: converts a columnar layout, described by a plan (tolist_plan.h), into Python
// objects (lists, dicts, tuples, str, bytes, int, float, complex, bool, None).
//
// Conversion is column-wise: each node fills an array of output slots `out[0..count)` for a set
// of its positions, given either as a range [start, start + count) or as a gathered list of
// positions. A node dispatches on its kind once per call, not per element: a leaf converts a run
// of numbers in one tight loop, a record converts each field for all positions and then zips
// the columns into dicts, option and union nodes gather the positions of their contents and
// scatter the results. Only list nodes recurse per list (one call per list, converting the
// list's whole run of content).
//
// Every offset, index and tag is checked against the buffer it indexes before it is followed;
// a bad one raises ValueError naming the node class and the position. Output slots are new
// references; on an error the partially filled Python containers release what they hold.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <complex>
#include <cstdint>
#include <string>
#include <vector>

#include "tolist_plan.h"

namespace py = pybind11;

namespace jaggy::tolist {
namespace {

// An owned array of new references (nullptr where empty), released on scope exit.
struct ObjBuf {
  std::vector<PyObject*> v;
  explicit ObjBuf(size_t n) : v(n, nullptr) {}
  ObjBuf(const ObjBuf&) = delete;
  ObjBuf& operator=(const ObjBuf&) = delete;
  ~ObjBuf() {
    for (PyObject* p : v) Py_XDECREF(p);
  }
  PyObject** data() { return v.data(); }
};

[[noreturn]] void fail(const Node& n, const std::string& what) {
  throw py::value_error(std::string(kind_name(n.kind)) + ": " + what);
}

inline PyObject* checked(PyObject* obj) {
  if (obj == nullptr) throw py::error_already_set();
  return obj;
}

inline PyObject** list_items(PyObject* list) { return reinterpret_cast<PyListObject*>(list)->ob_item; }

inline PyObject* new_none() {
  Py_INCREF(Py_None);
  return Py_None;
}

// Positions of a node to convert: a contiguous range or a gathered list.
struct RangePos {
  int64_t start;
  int64_t operator[](int64_t i) const { return start + i; }
};
struct GatherPos {
  const int64_t* p;
  int64_t operator[](int64_t i) const { return p[i]; }
};

template <class P>
void fill(const Node& n, P pos, int64_t count, PyObject** out);

inline void fill_range(const Node& n, int64_t start, int64_t count, PyObject** out) {
  fill(n, RangePos{start}, count, out);
}
inline void fill_gather(const Node& n, const std::vector<int64_t>& pos, PyObject** out) {
  fill(n, GatherPos{pos.data()}, static_cast<int64_t>(pos.size()), out);
}

// ---------------------------------------------------------------------------------------------
// Leaves

// NumPy bools are read as bytes (any nonzero byte is True), never as C++ bool.
struct BoolByte {
  uint8_t byte;
};
inline PyObject* box(BoolByte x) {
  PyObject* r = x.byte != 0 ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
}
inline PyObject* box(int8_t x) { return PyLong_FromLong(x); }
inline PyObject* box(int16_t x) { return PyLong_FromLong(x); }
inline PyObject* box(int32_t x) { return PyLong_FromLong(x); }
inline PyObject* box(int64_t x) { return PyLong_FromLongLong(x); }
inline PyObject* box(uint8_t x) { return PyLong_FromLong(x); }
inline PyObject* box(uint16_t x) { return PyLong_FromLong(x); }
inline PyObject* box(uint32_t x) { return PyLong_FromUnsignedLong(x); }
inline PyObject* box(uint64_t x) { return PyLong_FromUnsignedLongLong(x); }
inline PyObject* box(float x) { return PyFloat_FromDouble(x); }
inline PyObject* box(double x) { return PyFloat_FromDouble(x); }
inline PyObject* box(std::complex<float> x) { return PyComplex_FromDoubles(x.real(), x.imag()); }
inline PyObject* box(std::complex<double> x) { return PyComplex_FromDoubles(x.real(), x.imag()); }

template <class T, class P>
void fill_leaf_typed(const Node& n, P pos, int64_t count, PyObject** out) {
  const T* d = reinterpret_cast<const T*>(n.data);
  for (int64_t i = 0; i < count; ++i) out[i] = checked(box(d[pos[i]]));
}

template <class P>
void fill_leaf(const Node& n, P pos, int64_t count, PyObject** out) {
  switch (n.leaf) {
    case Leaf::Bool: return fill_leaf_typed<BoolByte>(n, pos, count, out);
    case Leaf::I8: return fill_leaf_typed<int8_t>(n, pos, count, out);
    case Leaf::I16: return fill_leaf_typed<int16_t>(n, pos, count, out);
    case Leaf::I32: return fill_leaf_typed<int32_t>(n, pos, count, out);
    case Leaf::I64: return fill_leaf_typed<int64_t>(n, pos, count, out);
    case Leaf::U8: return fill_leaf_typed<uint8_t>(n, pos, count, out);
    case Leaf::U16: return fill_leaf_typed<uint16_t>(n, pos, count, out);
    case Leaf::U32: return fill_leaf_typed<uint32_t>(n, pos, count, out);
    case Leaf::U64: return fill_leaf_typed<uint64_t>(n, pos, count, out);
    case Leaf::F32: return fill_leaf_typed<float>(n, pos, count, out);
    case Leaf::F64: return fill_leaf_typed<double>(n, pos, count, out);
    case Leaf::C64: return fill_leaf_typed<std::complex<float>>(n, pos, count, out);
    case Leaf::C128: return fill_leaf_typed<std::complex<double>>(n, pos, count, out);
  }
}

// Moves the items of a Python list of length `count` into out.
void take_items(const py::object& list, int64_t count, PyObject** out) {
  if (!PyList_Check(list.ptr()) || PyList_GET_SIZE(list.ptr()) != count) {
    throw py::value_error("NumpyArray: tolist() did not return a list of the expected length");
  }
  PyObject** items = list_items(list.ptr());
  for (int64_t i = 0; i < count; ++i) {
    Py_INCREF(items[i]);
    out[i] = items[i];
  }
}

// Leaves of dtypes without a fast path (datetime64, timedelta64, float128, ...): numpy's tolist,
// one call per run.
void fill_objleaf(const Node& n, RangePos pos, int64_t count, PyObject** out) {
  py::object part = n.array[py::slice(pos.start, pos.start + count, 1)];
  take_items(part.attr("tolist")(), count, out);
}
void fill_objleaf(const Node& n, GatherPos pos, int64_t count, PyObject** out) {
  py::array_t<int64_t> idx(count);
  int64_t* p = idx.mutable_data();
  for (int64_t i = 0; i < count; ++i) p[i] = pos[i];
  py::object part = n.array[idx];
  take_items(part.attr("tolist")(), count, out);
}

// ---------------------------------------------------------------------------------------------
// Lists (RegularArray, ListOffsetArray, ListArray), including strings and bytestrings

// The content range [s, e) of element `at` of a list node, checked against the content.
inline void list_bounds(const Node& n, int64_t at, int64_t content_length, int64_t& s, int64_t& e) {
  const char* sname = "offsets";
  const char* ename = "offsets";
  int64_t eat = at + 1;
  if (n.kind == REGULAR) {
    s = at * n.size;  // within the content: checked when the plan was parsed
    e = s + n.size;
    return;
  }
  s = n.starts[at];
  if (n.kind == LISTOFFSET) {
    e = n.starts[at + 1];
  } else {
    e = n.stops[at];
    sname = "starts";
    ename = "stops";
    eat = at;
  }
  if (s == e) return;  // an empty list reads nothing
  if (s < 0) {
    fail(n, std::string(sname) + "[" + std::to_string(at) + "]=" + std::to_string(s) +
                " is negative");
  }
  if (e < s) {
    fail(n, std::string(sname) + "[" + std::to_string(at) + "]=" + std::to_string(s) + " > " +
                ename + "[" + std::to_string(eat) + "]=" + std::to_string(e));
  }
  if (e > content_length) {
    fail(n, std::string(ename) + "[" + std::to_string(eat) + "]=" + std::to_string(e) +
                " beyond content length " + std::to_string(content_length));
  }
}

template <class P>
void fill_list(const Node& n, P pos, int64_t count, PyObject** out) {
  const Node& c = *n.children[0];
  int64_t s = 0, e = 0;
  if (n.str == Str::Utf8) {
    for (int64_t i = 0; i < count; ++i) {
      list_bounds(n, pos[i], c.length, s, e);
      out[i] = checked(PyUnicode_DecodeUTF8(c.data + s, e - s, "surrogateescape"));
    }
  } else if (n.str == Str::Bytes) {
    for (int64_t i = 0; i < count; ++i) {
      list_bounds(n, pos[i], c.length, s, e);
      out[i] = checked(PyBytes_FromStringAndSize(c.data + s, e - s));
    }
  } else {
    for (int64_t i = 0; i < count; ++i) {
      list_bounds(n, pos[i], c.length, s, e);
      PyObject* list = checked(PyList_New(e - s));
      out[i] = list;
      if (e > s) fill_range(c, s, e - s, list_items(list));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Records: every field is converted for all positions, then the columns are zipped.

template <class P>
void fill_record(const Node& n, P pos, int64_t count, PyObject** out) {
  const size_t nf = n.children.size();
  ObjBuf cols(nf * static_cast<size_t>(count));
  for (size_t k = 0; k < nf; ++k) fill(*n.children[k], pos, count, cols.data() + k * count);
  for (int64_t i = 0; i < count; ++i) {
    if (n.is_tuple) {
      PyObject* tup = checked(PyTuple_New(static_cast<Py_ssize_t>(nf)));
      out[i] = tup;
      for (size_t k = 0; k < nf; ++k) {
        PyTuple_SET_ITEM(tup, k, cols.v[k * count + i]);  // steals
        cols.v[k * count + i] = nullptr;
      }
    } else {
      PyObject* dict = checked(PyDict_New());
      out[i] = dict;
      for (size_t k = 0; k < nf; ++k) {
        if (PyDict_SetItem(dict, n.keys[k].ptr(), cols.v[k * count + i]) < 0) {
          throw py::error_already_set();
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Indexed and option nodes

// Converts content positions `gather` into the slots `slots` of out; the other slots hold None.
void fill_option_gathered(const Node& content, const std::vector<int64_t>& gather,
                          const std::vector<int64_t>& slots, int64_t count, PyObject** out) {
  if (static_cast<int64_t>(gather.size()) == count) {
    fill_gather(content, gather, out);
    return;
  }
  for (int64_t i = 0; i < count; ++i) out[i] = new_none();
  ObjBuf tmp(gather.size());
  fill_gather(content, gather, tmp.data());
  for (size_t m = 0; m < gather.size(); ++m) {
    PyObject*& slot = out[slots[m]];
    Py_DECREF(slot);
    slot = tmp.v[m];
    tmp.v[m] = nullptr;
  }
}

template <class P>
void fill_indexed(const Node& n, P pos, int64_t count, PyObject** out) {
  const Node& c = *n.children[0];
  const bool option = n.kind == INDEXEDOPTION;
  std::vector<int64_t> gather, slots;
  gather.reserve(count);
  if (option) slots.reserve(count);
  for (int64_t i = 0; i < count; ++i) {
    const int64_t at = pos[i];
    const int64_t j = n.index[at];
    if (j < 0) {
      if (option) continue;
      fail(n, "index[" + std::to_string(at) + "]=" + std::to_string(j) + " is negative");
    }
    if (j >= c.length) {
      fail(n, "index[" + std::to_string(at) + "]=" + std::to_string(j) +
                  " beyond content length " + std::to_string(c.length));
    }
    gather.push_back(j);
    if (option) slots.push_back(i);
  }
  if (option) {
    fill_option_gathered(c, gather, slots, count, out);
  } else {
    fill_gather(c, gather, out);
  }
}

// ByteMaskedArray and BitMaskedArray: element `at` is content[at] where valid, else None.
template <class P>
void fill_masked(const Node& n, P pos, int64_t count, PyObject** out) {
  const Node& c = *n.children[0];  // at least n.length long: checked when parsed
  std::vector<int64_t> gather, slots;
  gather.reserve(count);
  slots.reserve(count);
  for (int64_t i = 0; i < count; ++i) {
    const int64_t at = pos[i];
    bool bit;
    if (n.kind == BYTEMASKED) {
      bit = n.mask[at] != 0;
    } else {
      const int64_t byte = n.mask[at >> 3];
      const int shift = n.lsb_order ? static_cast<int>(at & 7) : 7 - static_cast<int>(at & 7);
      bit = ((byte >> shift) & 1) != 0;
    }
    if (bit == n.valid_when) {
      gather.push_back(at);
      slots.push_back(i);
    }
  }
  if (static_cast<int64_t>(gather.size()) == count) {
    fill(c, pos, count, out);  // nothing masked: keep the positions as they are (ranges stay ranges)
  } else {
    fill_option_gathered(c, gather, slots, count, out);
  }
}

// ---------------------------------------------------------------------------------------------
// Unions: positions are grouped by tag, each content converts its group, results are scattered.

template <class P>
void fill_union(const Node& n, P pos, int64_t count, PyObject** out) {
  const size_t nc = n.children.size();
  std::vector<std::vector<int64_t>> gather(nc), slots(nc);
  for (int64_t i = 0; i < count; ++i) {
    const int64_t at = pos[i];
    const int64_t tag = n.tags[at];
    if (tag < 0 || tag >= static_cast<int64_t>(nc)) {
      fail(n, "tags[" + std::to_string(at) + "]=" + std::to_string(tag) + " is not a tag of " +
                  std::to_string(nc) + " contents");
    }
    const int64_t j = n.index[at];
    const int64_t clen = n.children[tag]->length;
    if (j < 0 || j >= clen) {
      fail(n, "index[" + std::to_string(at) + "]=" + std::to_string(j) + " beyond content " +
                  std::to_string(tag) + " length " + std::to_string(clen));
    }
    gather[tag].push_back(j);
    slots[tag].push_back(i);
  }
  for (size_t k = 0; k < nc; ++k) {
    if (gather[k].empty()) continue;
    ObjBuf tmp(gather[k].size());
    fill_gather(*n.children[k], gather[k], tmp.data());
    for (size_t m = 0; m < gather[k].size(); ++m) {
      out[slots[k][m]] = tmp.v[m];
      tmp.v[m] = nullptr;
    }
  }
}

// ---------------------------------------------------------------------------------------------

template <class P>
void fill(const Node& n, P pos, int64_t count, PyObject** out) {
  if (count == 0) return;
  switch (n.kind) {
    case LEAF: return fill_leaf(n, pos, count, out);
    case OBJLEAF: return fill_objleaf(n, pos, count, out);
    case REGULAR:
    case LISTOFFSET:
    case LIST: return fill_list(n, pos, count, out);
    case RECORD: return fill_record(n, pos, count, out);
    case INDEXED:
    case INDEXEDOPTION: return fill_indexed(n, pos, count, out);
    case BYTEMASKED:
    case BITMASKED: return fill_masked(n, pos, count, out);
    case UNION: return fill_union(n, pos, count, out);
    case EMPTY: fail(n, "has no elements to convert");
  }
}

// Pauses Python's cyclic garbage collector while the output is built: the conversion allocates
// one container per list and record, which would otherwise trigger many collections that
// traverse the growing (acyclic) output again and again.
struct GcPause {
  bool was_enabled;
  GcPause() : was_enabled(PyGC_Disable() != 0) {}
  ~GcPause() {
    if (was_enabled) PyGC_Enable();
  }
};

py::object to_list(const py::object& plan, int64_t start, int64_t stop) {
  std::unique_ptr<Node> root = parse_plan(plan);
  GcPause gc_pause;
  if (start < 0 || stop < start || stop > root->length) {
    throw py::value_error(std::string(kind_name(root->kind)) + ": range [" +
                          std::to_string(start) + ", " + std::to_string(stop) +
                          ") is not within length " + std::to_string(root->length));
  }
  py::object result = py::reinterpret_steal<py::object>(checked(PyList_New(stop - start)));
  fill_range(*root, start, stop - start, list_items(result.ptr()));
  return result;
}

}  // namespace
}  // namespace jaggy::tolist

void register_tolist(pybind11::module_& m) {
  m.def("to_list", &jaggy::tolist::to_list, py::arg("plan"), py::arg("start"), py::arg("stop"),
        "Converts elements [start, stop) of a layout, described by a plan built in "
        "jaggy._tolist, into a list of Python objects.");
}
