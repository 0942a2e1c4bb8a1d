// from_iter: walks Python data with the raw CPython API and appends it to a builder tree.
// The hot paths (a list of exact floats or ints going into a node that already holds
// that type) append straight into the node's vector without any dispatch.
#include "builder_fromiter.h"

#include <algorithm>
#include <cstring>

namespace jaggy_builder {

namespace {

// Python types that are looked up once (NumPy and datetime), borrowed from their modules
// which stay imported for the life of the process.
struct SlowTypes {
  PyObject* np_generic = nullptr;
  PyObject* np_bool = nullptr;
  PyObject* np_integer = nullptr;
  PyObject* np_floating = nullptr;
  PyObject* np_complex = nullptr;
  PyObject* np_datetime64 = nullptr;
  PyObject* np_timedelta64 = nullptr;
  PyObject* np_ndarray = nullptr;
  PyObject* dt_date = nullptr;  // datetime.date (datetime.datetime is a subclass)
  PyObject* dt_timedelta = nullptr;
  PyObject* jg_record = nullptr;         // jaggy.Record (iterating it gives its field names)
  PyObject* jg_layout_record = nullptr;  // jaggy.record.Record
};

const SlowTypes& slow_types() {
  static SlowTypes t = [] {
    SlowTypes s;
    py::module_ np = py::module_::import("numpy");
    py::module_ dt = py::module_::import("datetime");
    s.np_generic = np.attr("generic").cast<py::object>().release().ptr();
    s.np_bool = np.attr("bool_").cast<py::object>().release().ptr();
    s.np_integer = np.attr("integer").cast<py::object>().release().ptr();
    s.np_floating = np.attr("floating").cast<py::object>().release().ptr();
    s.np_complex = np.attr("complexfloating").cast<py::object>().release().ptr();
    s.np_datetime64 = np.attr("datetime64").cast<py::object>().release().ptr();
    s.np_timedelta64 = np.attr("timedelta64").cast<py::object>().release().ptr();
    s.np_ndarray = np.attr("ndarray").cast<py::object>().release().ptr();
    s.dt_date = dt.attr("date").cast<py::object>().release().ptr();
    s.dt_timedelta = dt.attr("timedelta").cast<py::object>().release().ptr();
    // looked up on first use, when jaggy is fully imported
    s.jg_record = py::module_::import("jaggy.highlevel").attr("Record").cast<py::object>().release().ptr();
    s.jg_layout_record = py::module_::import("jaggy.record").attr("Record").cast<py::object>().release().ptr();
    return s;
  }();
  return t;
}

bool isinstance(PyObject* obj, PyObject* type) {
  int r = PyObject_IsInstance(obj, type);
  if (r < 0) throw py::error_already_set();
  return r == 1;
}

int64_t to_int64(PyObject* obj) {
  int overflow = 0;
  long long v = PyLong_AsLongLongAndOverflow(obj, &overflow);
  if (overflow != 0) {
    throw py::value_error("integer " + py::repr(obj).cast<std::string>() +
                          " does not fit in int64 (jaggy builds int64 arrays)");
  }
  if (v == -1 && PyErr_Occurred()) throw py::error_already_set();
  return static_cast<int64_t>(v);
}

void add_bool(Node*& slot, bool v) {
  Node* leaf = prepare(slot, Want{Kind::Bool});
  leaf->u8.push_back(v ? 1 : 0);
}

void add_complex(Node*& slot, double re, double im) {
  Node* leaf = prepare(slot, Want{Kind::Complex});
  leaf->f64.push_back(re);
  leaf->f64.push_back(im);
}

void add_string(Node*& slot, const char* data, Py_ssize_t size, bool bytes) {
  Want w{Kind::String};
  w.flag = bytes;
  Node* leaf = prepare(slot, w);
  leaf->u8.insert(leaf->u8.end(), reinterpret_cast<const uint8_t*>(data),
                  reinterpret_cast<const uint8_t*>(data) + size);
  leaf->i64.push_back(static_cast<int64_t>(leaf->u8.size()));
}

// Walks a dict into a record; keys must be strings.
void fill_dict(Node*& slot, PyObject* obj) {
  Want w{Kind::Record};
  Node* rec = prepare(slot, w);
  std::fill(rec->filled.begin(), rec->filled.end(), 0);
  PyObject* key;
  PyObject* value;
  Py_ssize_t pos = 0;
  Py_ssize_t expected = 0;
  while (PyDict_Next(obj, &pos, &key, &value)) {
    if (!PyUnicode_Check(key)) {
      throw py::type_error("record field names must be str, not " +
                           std::string(Py_TYPE(key)->tp_name));
    }
    Py_ssize_t klen;
    const char* k = PyUnicode_AsUTF8AndSize(key, &klen);
    if (k == nullptr) throw py::error_already_set();
    int64_t f;
    // Fast guess: the i-th key of this dict is usually the i-th field.
    if (expected < static_cast<Py_ssize_t>(rec->keys.size()) &&
        rec->keys[expected].size() == static_cast<size_t>(klen) &&
        std::memcmp(rec->keys[expected].data(), k, static_cast<size_t>(klen)) == 0) {
      f = expected;
    } else {
      f = record_field(rec, k, static_cast<size_t>(klen));
    }
    expected = f + 1;
    rec->filled[f] = 1;
    py::object hold = py::reinterpret_borrow<py::object>(value);
    fill(rec->contents[f], value);
  }
  for (size_t i = 0; i < rec->contents.size(); i++) {
    if (!rec->filled[i]) add_null(rec->contents[i]);
  }
  rec->length++;
}

void fill_tuple(Node*& slot, PyObject* obj) {
  Want w{Kind::Tuple};
  Py_ssize_t n = PyTuple_GET_SIZE(obj);
  w.arity = n;
  Node* tup = prepare(slot, w);
  for (Py_ssize_t i = 0; i < n; i++) fill(tup->contents[i], PyTuple_GET_ITEM(obj, i));
  tup->length++;
}

// A Python list: the hot loop. Items that match the content node's current type exactly
// are appended in place.
void fill_list(Node*& slot, PyObject* obj) {
  Node* list = prepare(slot, Want{Kind::List});
  Node*& content = list->contents[0];
  for (Py_ssize_t i = 0; i < PyList_GET_SIZE(obj); i++) {
    PyObject* item = PyList_GET_ITEM(obj, i);
    Node* c = content;
    if (PyFloat_CheckExact(item)) {
      if (c->kind == Kind::Float) {
        c->f64.push_back(PyFloat_AS_DOUBLE(item));
        continue;
      }
    } else if (PyLong_CheckExact(item)) {
      if (c->kind == Kind::Int) {
        c->i64.push_back(to_int64(item));
        continue;
      }
      if (c->kind == Kind::Float) {
        c->f64.push_back(static_cast<double>(to_int64(item)));
        continue;
      }
    }
    Py_INCREF(item);
    py::object hold = py::reinterpret_steal<py::object>(item);
    fill(content, item);
  }
  list->i64.push_back(node_length(content));
}

// Any other iterable: a list of its items.
void fill_iterable(Node*& slot, PyObject* iter) {
  Node* list = prepare(slot, Want{Kind::List});
  while (PyObject* item = PyIter_Next(iter)) {
    py::object hold = py::reinterpret_steal<py::object>(item);
    fill(list->contents[0], item);
  }
  if (PyErr_Occurred()) throw py::error_already_set();
  list->i64.push_back(node_length(list->contents[0]));
}

struct RecursionGuard {
  RecursionGuard() {
    if (Py_EnterRecursiveCall(" while converting nested data in from_iter")) {
      throw py::error_already_set();
    }
  }
  ~RecursionGuard() { Py_LeaveRecursiveCall(); }
};

// Objects that are not plain Python builtins: NumPy scalars/arrays, datetimes, iterables.
void fill_other(Node*& slot, PyObject* obj) {
  const SlowTypes& t = slow_types();
  py::handle h(obj);
  if (isinstance(obj, t.np_generic)) {
    // timedelta64 is a subclass of np.integer: test the time types first.
    if (isinstance(obj, t.np_datetime64)) return add_time(slot, h, false, "");
    if (isinstance(obj, t.np_timedelta64)) return add_time(slot, h, true, "");
    if (isinstance(obj, t.np_bool)) return add_bool(slot, PyObject_IsTrue(obj) == 1);
    if (isinstance(obj, t.np_integer)) {
      py::object as_int = py::reinterpret_steal<py::object>(PyNumber_Index(obj));
      if (!as_int) throw py::error_already_set();
      Node* leaf = prepare(slot, Want{Kind::Int});
      leaf_int(leaf, to_int64(as_int.ptr()));
      return;
    }
    if (isinstance(obj, t.np_floating)) {
      double v = PyFloat_AsDouble(obj);
      if (v == -1.0 && PyErr_Occurred()) throw py::error_already_set();
      Node* leaf = prepare(slot, Want{Kind::Float});
      leaf_real(leaf, v);
      return;
    }
    if (isinstance(obj, t.np_complex)) {
      Py_complex c = PyComplex_AsCComplex(obj);
      if (PyErr_Occurred()) throw py::error_already_set();
      return add_complex(slot, c.real, c.imag);
    }
  } else if (isinstance(obj, t.np_ndarray)) {
    char kind = h.attr("dtype").attr("kind").cast<std::string>()[0];
    if (h.attr("ndim").cast<int>() == 0) {
      py::object item = h.attr("item")();
      if (kind == 'M' || kind == 'm') item = h.attr("dtype").attr("type")(h);
      return fill(slot, item.ptr());
    }
    if (kind != 'M' && kind != 'm' && kind != 'O' && kind != 'V') {
      // Numeric/bool/string arrays: tolist() gives nested Python lists of builtins.
      py::object as_list = h.attr("tolist")();
      return fill(slot, as_list.ptr());
    }
  } else if (isinstance(obj, t.dt_date)) {
    return add_time(slot, h, false, "");
  } else if (isinstance(obj, t.dt_timedelta)) {
    return add_time(slot, h, true, "");
  } else if (isinstance(obj, t.jg_record) || isinstance(obj, t.jg_layout_record)) {
    // a record is one value (a dict or tuple), not the sequence of its field names
    py::object value = h.attr("to_list")();
    return fill(slot, value.ptr());
  }
  PyObject* iter = PyObject_GetIter(obj);
  if (iter == nullptr) {
    PyErr_Clear();
    throw py::value_error("cannot convert " + py::repr(h).cast<std::string>() + " (type " +
                          std::string(Py_TYPE(obj)->tp_name) + ") to an array element");
  }
  py::object hold = py::reinterpret_steal<py::object>(iter);
  fill_iterable(slot, iter);
}

}  // namespace

void fill(Node*& slot, PyObject* obj) {
  if (PyFloat_Check(obj)) {
    Node* leaf = prepare(slot, Want{Kind::Float});
    leaf_real(leaf, PyFloat_AS_DOUBLE(obj));
  } else if (PyBool_Check(obj)) {
    add_bool(slot, obj == Py_True);
  } else if (PyLong_Check(obj)) {
    int64_t v = to_int64(obj);
    Node* leaf = prepare(slot, Want{Kind::Int});
    leaf_int(leaf, v);
  } else if (obj == Py_None) {
    add_null(slot);
  } else if (PyList_Check(obj)) {
    RecursionGuard guard;
    fill_list(slot, obj);
  } else if (PyDict_Check(obj)) {
    RecursionGuard guard;
    fill_dict(slot, obj);
  } else if (PyTuple_Check(obj)) {
    RecursionGuard guard;
    fill_tuple(slot, obj);
  } else if (PyUnicode_Check(obj)) {
    Py_ssize_t size;
    const char* data = PyUnicode_AsUTF8AndSize(obj, &size);
    if (data == nullptr) throw py::error_already_set();
    add_string(slot, data, size, false);
  } else if (PyBytes_Check(obj)) {
    add_string(slot, PyBytes_AS_STRING(obj), PyBytes_GET_SIZE(obj), true);
  } else if (PyComplex_Check(obj)) {
    add_complex(slot, PyComplex_RealAsDouble(obj), PyComplex_ImagAsDouble(obj));
  } else {
    RecursionGuard guard;
    fill_other(slot, obj);
  }
}

void add_time(Node*& slot, py::handle obj, bool is_delta, const std::string& unit) {
  py::module_ np = py::module_::import("numpy");
  py::object ctor = np.attr(is_delta ? "timedelta64" : "datetime64");
  py::object value;
  if (unit.empty()) {
    value = ctor(obj);
  } else {
    value = ctor(obj, unit);
  }
  py::tuple unit_count = np.attr("datetime_data")(value.attr("dtype"));
  std::string u = unit_count[0].cast<std::string>();
  int64_t count = unit_count[1].cast<int64_t>();
  // A unit-less value (np.datetime64("NaT")) makes a leaf of the generic unit, as in NumPy.
  if (count != 1 && u != "generic") u = std::to_string(count) + u;
  int64_t v = value.attr("astype")("int64").cast<int64_t>();
  Want w{is_delta ? Kind::TimeDelta : Kind::DateTime};
  w.name = &u;
  Node* leaf = prepare(slot, w);
  leaf->i64.push_back(v);
}

py::tuple from_iter(py::handle obj, bool allow_record) {
  Node* root = new Node(Kind::Unknown);
  int64_t length = 0;
  // `root` may be replaced by prepare(); the owner deletes whatever it is at the end, so
  // that an exception never leaks the tree.
  struct Owner {
    Node** r;
    ~Owner() { delete *r; }
  } owner{&root};
  PyObject* o = obj.ptr();
  if (PyDict_Check(o)) {
    if (!allow_record) {
      throw py::value_error("cannot produce an array from a single dict (that would be a record)");
    }
    fill(root, o);
    length = 1;
  } else if (PyUnicode_Check(o) || PyBytes_Check(o)) {
    throw py::type_error("cannot produce an array from a single string");
  } else if (PyList_Check(o) || PyTuple_Check(o)) {
    PyObject* seq = o;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    for (Py_ssize_t i = 0; i < n; i++) {
      PyObject* item = PySequence_Fast_GET_ITEM(seq, i);
      py::object hold = py::reinterpret_borrow<py::object>(item);
      fill(root, item);
      n = PySequence_Fast_GET_SIZE(seq);
    }
    length = n;
  } else {
    py::object source = py::reinterpret_borrow<py::object>(obj);
    if (py::isinstance(obj, py::module_::import("numpy").attr("ndarray"))) {
      char kind = obj.attr("dtype").attr("kind").cast<std::string>()[0];
      if (obj.attr("ndim").cast<int>() == 0) {
        throw py::type_error("cannot produce an array from a 0-dimensional NumPy array");
      }
      if (kind != 'M' && kind != 'm' && kind != 'O' && kind != 'V') source = obj.attr("tolist")();
    }
    if (PyList_Check(source.ptr())) return from_iter(source, allow_record);
    PyObject* iter = PyObject_GetIter(source.ptr());
    if (iter == nullptr) {
      PyErr_Clear();
      throw py::type_error("cannot produce an array from a non-iterable object (" +
                           py::repr(py::type::of(obj)).cast<std::string>() + ")");
    }
    py::object hold_iter = py::reinterpret_steal<py::object>(iter);
    while (PyObject* item = PyIter_Next(iter)) {
      py::object hold = py::reinterpret_steal<py::object>(item);
      fill(root, item);
      length++;
    }
    if (PyErr_Occurred()) throw py::error_already_set();
  }
  return export_tree(root, length, /*steal=*/true, /*with_buffers=*/true);
}

}  // namespace jaggy_builder
