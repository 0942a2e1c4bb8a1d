// jaggy._ext.ArrayBuilder and jaggy._ext.from_iter.
//
// The ArrayBuilder keeps a stack of open containers (lists, records, tuples). Every value
// goes into the "current slot": the root when nothing is open, the content of the open
// list, or the selected field/index of the open record/tuple. Open containers are never
// replaced while open (only the slot a value goes into is promoted or wrapped), so the
// stack can hold plain pointers into the tree.
#include <pybind11/complex.h>
#include <pybind11/pybind11.h>

#include <complex>

#include "builder_core.h"
#include "builder_fromiter.h"

namespace py = pybind11;

namespace jaggy_builder {
namespace {

class ArrayBuilder {
 public:
  ArrayBuilder(int64_t initial, double resize) {
    if (initial < 1) throw py::value_error("initial must be at least 1");
    if (resize <= 1.0) throw py::value_error("resize must be greater than 1");
    root_ = new Node(Kind::Unknown);
  }
  ~ArrayBuilder() { delete root_; }

  int64_t length() const { return completed_; }

  void clear() {
    check_idle();
    delete root_;
    root_ = new Node(Kind::Unknown);
    stack_.clear();
    completed_ = 0;
  }

  void null() {
    add_null(take_slot("null"));
    done();
  }
  void boolean(bool x) {
    Node* leaf = prepare(take_slot("boolean"), Want{Kind::Bool});
    leaf->u8.push_back(x ? 1 : 0);
    done();
  }
  void integer(py::handle x) {
    if (PyBool_Check(x.ptr()) || !PyIndex_Check(x.ptr())) {
      throw py::type_error("integer() needs an int, not " + std::string(Py_TYPE(x.ptr())->tp_name));
    }
    py::object as_int = py::reinterpret_steal<py::object>(PyNumber_Index(x.ptr()));
    if (!as_int) throw py::error_already_set();
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(as_int.ptr(), &overflow);
    if (overflow) throw py::value_error("integer " + py::repr(x).cast<std::string>() + " does not fit in int64");
    leaf_int(prepare(take_slot("integer"), Want{Kind::Int}), v);
    done();
  }
  void real(double x) {
    leaf_real(prepare(take_slot("real"), Want{Kind::Float}), x);
    done();
  }
  void complex(std::complex<double> x) {
    Node* leaf = prepare(take_slot("complex"), Want{Kind::Complex});
    leaf->f64.push_back(x.real());
    leaf->f64.push_back(x.imag());
    done();
  }
  void string(py::handle x, bool bytes) {
    const char* data;
    Py_ssize_t size;
    if (bytes) {
      if (!PyBytes_Check(x.ptr())) throw py::type_error("bytestring() needs bytes");
      data = PyBytes_AS_STRING(x.ptr());
      size = PyBytes_GET_SIZE(x.ptr());
    } else {
      if (!PyUnicode_Check(x.ptr())) throw py::type_error("string() needs a str");
      data = PyUnicode_AsUTF8AndSize(x.ptr(), &size);
      if (data == nullptr) throw py::error_already_set();
    }
    Want w{Kind::String};
    w.flag = bytes;
    Node* leaf = prepare(take_slot(bytes ? "bytestring" : "string"), w);
    leaf->u8.insert(leaf->u8.end(), reinterpret_cast<const uint8_t*>(data),
                    reinterpret_cast<const uint8_t*>(data) + size);
    leaf->i64.push_back(static_cast<int64_t>(leaf->u8.size()));
    done();
  }
  void time(py::handle x, py::object unit, bool is_delta) {
    std::string u = unit.is_none() ? std::string() : unit.cast<std::string>();
    Node*& slot = take_slot(is_delta ? "timedelta" : "datetime");
    Busy guard{busy_};
    add_time(slot, x, is_delta, u);
    done();
  }

  void append(py::handle obj) {
    // Walking `obj` may run Python code (iterators, __index__, ...); that code must not
    // call back into this builder while a slot of it is being filled.
    Node*& slot = take_slot("append");
    Busy guard{busy_};
    fill(slot, obj.ptr());
    done();
  }
  void extend(py::handle iterable) {
    py::iterator it = py::iter(iterable);
    for (py::handle item : it) append(item);
  }

  void begin_list() {
    Node* list = prepare(take_slot("begin_list"), Want{Kind::List});
    stack_.push_back(Frame{list, -1});
  }
  void end_list() {
    check_idle();
    if (stack_.empty() || stack_.back().node->kind != Kind::List) {
      throw py::value_error("called 'end_list' without 'begin_list' at the same level before it");
    }
    Node* list = stack_.back().node;
    list->i64.push_back(node_length(list->contents[0]));
    stack_.pop_back();
    done();
  }

  void begin_tuple(int64_t n) {
    if (n < 0) throw py::value_error("begin_tuple needs a non-negative number of fields");
    Want w{Kind::Tuple};
    w.arity = n;
    Node* tup = prepare(take_slot("begin_tuple"), w);
    tup->filled.assign(static_cast<size_t>(n), 0);
    stack_.push_back(Frame{tup, -1});
  }
  void index(int64_t i) {
    check_idle();
    if (stack_.empty() || stack_.back().node->kind != Kind::Tuple) {
      throw py::value_error("called 'index' without 'begin_tuple' at the same level before it");
    }
    Frame& f = stack_.back();
    int64_t n = static_cast<int64_t>(f.node->contents.size());
    if (i < 0 || i >= n) {
      throw py::value_error("'index' " + std::to_string(i) +
                            " is out of bounds for a tuple with number of fields " + std::to_string(n));
    }
    f.cur = i;
  }
  void end_tuple() {
    check_idle();
    if (stack_.empty() || stack_.back().node->kind != Kind::Tuple) {
      throw py::value_error("called 'end_tuple' without 'begin_tuple' at the same level before it");
    }
    close_fields();
  }

  void begin_record(py::object name) {
    Want w{Kind::Record};
    std::string n;
    if (!name.is_none()) {
      n = name.cast<std::string>();
      w.flag = true;
      w.name = &n;
    }
    Node* rec = prepare(take_slot("begin_record"), w);
    rec->filled.assign(rec->keys.size(), 0);
    stack_.push_back(Frame{rec, -1});
  }
  void field(const std::string& key) {
    check_idle();
    if (stack_.empty() || stack_.back().node->kind != Kind::Record) {
      throw py::value_error("called 'field' without 'begin_record' at the same level before it");
    }
    Frame& f = stack_.back();
    f.cur = record_field(f.node, key.data(), key.size());
  }
  void end_record() {
    check_idle();
    if (stack_.empty() || stack_.back().node->kind != Kind::Record) {
      throw py::value_error("called 'end_record' without 'begin_record' at the same level before it");
    }
    close_fields();
  }

  // -- raw entry points (no Python objects; used by the extern "C" functions below) ----

  void integer_raw(int64_t v) {
    leaf_int(prepare(take_slot("integer"), Want{Kind::Int}), v);
    done();
  }
  void string_raw(const char* data, size_t size, bool bytes) {
    Want w{Kind::String};
    w.flag = bytes;
    Node* leaf = prepare(take_slot(bytes ? "bytestring" : "string"), w);
    leaf->u8.insert(leaf->u8.end(), reinterpret_cast<const uint8_t*>(data),
                    reinterpret_cast<const uint8_t*>(data) + size);
    leaf->i64.push_back(static_cast<int64_t>(leaf->u8.size()));
    done();
  }
  void begin_record_raw(const char* name, size_t size, bool has_name) {
    Want w{Kind::Record};
    std::string n;
    if (has_name) {
      n.assign(name, size);
      w.flag = true;
      w.name = &n;
    }
    Node* rec = prepare(take_slot("begin_record"), w);
    rec->filled.assign(rec->keys.size(), 0);
    stack_.push_back(Frame{rec, -1});
  }
  void field_raw(const char* key, size_t size) {
    check_idle();
    if (stack_.empty() || stack_.back().node->kind != Kind::Record) {
      throw py::value_error("called 'field' without 'begin_record' at the same level before it");
    }
    Frame& f = stack_.back();
    f.cur = record_field(f.node, key, size);
  }

  // The leaf a value of kind `k` goes into when that needs no promotion, wrapping or error
  // (the slot is a node of kind `k`, or an Option of one); nullptr otherwise (then the
  // caller takes the general path). Marks the record/tuple field as filled.
  Node* quick_leaf(Kind k, Kind also = Kind::Unknown) {
    if (busy_) return nullptr;
    Node** slot;
    Frame* f = nullptr;
    if (stack_.empty()) {
      slot = &root_;
    } else {
      f = &stack_.back();
      if (f->node->kind == Kind::List) {
        slot = &f->node->contents[0];
        f = nullptr;
      } else {
        if (f->cur < 0 || f->node->filled[f->cur]) return nullptr;
        slot = &f->node->contents[f->cur];
      }
    }
    Node* n = *slot;
    Node* leaf;
    if (n->kind == k || (also != Kind::Unknown && n->kind == also)) {
      leaf = n;
    } else if (n->kind == Kind::Option &&
               (n->contents[0]->kind == k || (also != Kind::Unknown && n->contents[0]->kind == also))) {
      n->i64.push_back(node_length(n->contents[0]));
      leaf = n->contents[0];
    } else {
      return nullptr;
    }
    if (f != nullptr) f->node->filled[f->cur] = 1;
    return leaf;
  }
  // Completes a value added through quick_leaf().
  void quick_done() { done(); }

  // What take_slot() changes before a call may still fail (the selected field's "filled"
  // mark): saved before a raw call and restored when it throws, so that repeating the
  // call (through Python, to raise its exception) fails the same way.
  struct SlotState {
    Node* node = nullptr;
    int64_t cur = -1;
    uint8_t filled = 0;
  };
  SlotState save_slot() const {
    SlotState s;
    if (!stack_.empty()) {
      const Frame& f = stack_.back();
      s.node = f.node;
      s.cur = f.cur;
      if (f.cur >= 0 && static_cast<size_t>(f.cur) < f.node->filled.size()) s.filled = f.node->filled[f.cur];
    }
    return s;
  }
  void restore_slot(const SlotState& s) {
    if (s.node == nullptr || stack_.empty() || stack_.back().node != s.node) return;
    Frame& f = stack_.back();
    f.cur = s.cur;
    if (s.cur >= 0 && static_cast<size_t>(s.cur) < f.node->filled.size()) f.node->filled[s.cur] = s.filled;
  }

  py::tuple snapshot() const { return export_tree(root_, completed_, false, true); }
  std::string form() const { return export_tree(root_, completed_, false, false)[0].cast<std::string>(); }

 private:
  void check_idle() const {
    if (busy_) throw py::value_error("ArrayBuilder called re-entrantly while appending a value");
  }

  struct Busy {
    bool& flag;
    explicit Busy(bool& f) : flag(f) { flag = true; }
    ~Busy() { flag = false; }
  };

  struct Frame {
    Node* node;   // an open List, Record or Tuple
    int64_t cur;  // Record/Tuple: selected field (-1 before field()/index())
  };

  // The slot the next value or container goes into; marks record/tuple fields as filled.
  Node*& take_slot(const char* what) {
    check_idle();
    if (stack_.empty()) return root_;
    Frame& f = stack_.back();
    if (f.node->kind == Kind::List) return f.node->contents[0];
    bool is_rec = f.node->kind == Kind::Record;
    if (f.cur < 0) {
      throw py::value_error(std::string("called '") + what + "' immediately after '" +
                            (is_rec ? "begin_record'; needs 'field' or 'end_record'"
                                    : "begin_tuple'; needs 'index' or 'end_tuple'"));
    }
    if (f.node->filled[f.cur]) {
      std::string which = is_rec ? "record field \"" + f.node->keys[f.cur] + "\""
                                 : "tuple index " + std::to_string(f.cur);
      throw py::value_error(which + " filled more than once (call '" +
                            (is_rec ? "field" : "index") + "' before each value)");
    }
    f.node->filled[f.cur] = 1;
    return f.node->contents[f.cur];
  }

  void close_fields() {
    Node* n = stack_.back().node;
    for (size_t i = 0; i < n->contents.size(); i++) {
      if (!n->filled[i]) add_null(n->contents[i]);
    }
    n->length++;
    stack_.pop_back();
    done();
  }

  // A value or container at the current level is complete.
  void done() {
    if (stack_.empty()) completed_++;
  }

  Node* root_;
  std::vector<Frame> stack_;
  int64_t completed_ = 0;
  bool busy_ = false;
};

}  // namespace
}  // namespace jaggy_builder

// ---------------------------------------------------------------------------------------
// C ABI for compiled callers (jaggy.numba lowers ArrayBuilder methods to these). Each takes
// the address returned by ArrayBuilder._address() and returns 0 on success, nonzero when
// the builder rejected the call (nothing changed); the caller then repeats the call through
// Python to raise the exception. No Python API is used: callable without the GIL.

namespace {

using jaggy_builder::ArrayBuilder;

template <typename F> int32_t guarded(void* b, F&& f) {
  auto* ab = static_cast<ArrayBuilder*>(b);
  ArrayBuilder::SlotState saved = ab->save_slot();
  try {
    f(*ab);
    return 0;
  } catch (...) {
    ab->restore_slot(saved);
    return 1;
  }
}

// UTF-8 of `n` code units of width `kind` (1: Latin-1, 2: UCS-2, 4: UCS-4); false for
// surrogates and code points beyond U+10FFFF (which UTF-8 cannot encode).
bool ucs_to_utf8(const void* data, int64_t n, int32_t kind, std::string& out) {
  out.clear();
  out.reserve(static_cast<size_t>(n) * 2);
  for (int64_t i = 0; i < n; i++) {
    uint32_t c = kind == 1 ? static_cast<const uint8_t*>(data)[i]
               : kind == 2 ? static_cast<const uint16_t*>(data)[i]
                           : static_cast<const uint32_t*>(data)[i];
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      return false;
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c <= 0x10FFFF) {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      return false;
    }
  }
  return true;
}

// A text argument: `kind` 0 means `data` is UTF-8 (`n` bytes), else UCS code units.
template <typename F> int32_t with_text(const char* data, int64_t n, int32_t kind, F&& f) {
  if (n < 0) return 2;
  if (kind == 0) return f(data, static_cast<size_t>(n));
  if (kind != 1 && kind != 2 && kind != 4) return 2;
  thread_local std::string buf;
  if (!ucs_to_utf8(data, n, kind, buf)) return 2;
  return f(buf.data(), buf.size());
}

}  // namespace

extern "C" {

int32_t jaggy_ab_clear(void* b) { return guarded(b, [](ArrayBuilder& a) { a.clear(); }); }
int64_t jaggy_ab_length(void* b) { return static_cast<ArrayBuilder*>(b)->length(); }
int32_t jaggy_ab_null(void* b) { return guarded(b, [](ArrayBuilder& a) { a.null(); }); }
int32_t jaggy_ab_boolean(void* b, uint8_t x) {
  auto* a = static_cast<ArrayBuilder*>(b);
  if (jaggy_builder::Node* leaf = a->quick_leaf(jaggy_builder::Kind::Bool)) {
    leaf->u8.push_back(x != 0 ? 1 : 0);
    a->quick_done();
    return 0;
  }
  return guarded(b, [x](ArrayBuilder& a) { a.boolean(x != 0); });
}
int32_t jaggy_ab_integer(void* b, int64_t x) {
  auto* a = static_cast<ArrayBuilder*>(b);
  if (jaggy_builder::Node* leaf = a->quick_leaf(jaggy_builder::Kind::Int, jaggy_builder::Kind::Float)) {
    jaggy_builder::leaf_int(leaf, x);
    a->quick_done();
    return 0;
  }
  return guarded(b, [x](ArrayBuilder& a) { a.integer_raw(x); });
}
int32_t jaggy_ab_real(void* b, double x) {
  auto* a = static_cast<ArrayBuilder*>(b);
  if (jaggy_builder::Node* leaf = a->quick_leaf(jaggy_builder::Kind::Float)) {
    leaf->f64.push_back(x);
    a->quick_done();
    return 0;
  }
  return guarded(b, [x](ArrayBuilder& a) { a.real(x); });
}
int32_t jaggy_ab_complex(void* b, double re, double im) {
  return guarded(b, [re, im](ArrayBuilder& a) { a.complex(std::complex<double>(re, im)); });
}
int32_t jaggy_ab_string(void* b, const char* data, int64_t n, int32_t kind) {
  return with_text(data, n, kind, [b](const char* d, size_t len) {
    return guarded(b, [d, len](ArrayBuilder& a) { a.string_raw(d, len, false); });
  });
}
int32_t jaggy_ab_bytestring(void* b, const char* data, int64_t n) {
  if (n < 0) return 2;
  return guarded(b, [data, n](ArrayBuilder& a) { a.string_raw(data, static_cast<size_t>(n), true); });
}
int32_t jaggy_ab_begin_list(void* b) { return guarded(b, [](ArrayBuilder& a) { a.begin_list(); }); }
int32_t jaggy_ab_end_list(void* b) { return guarded(b, [](ArrayBuilder& a) { a.end_list(); }); }
int32_t jaggy_ab_begin_tuple(void* b, int64_t n) {
  return guarded(b, [n](ArrayBuilder& a) { a.begin_tuple(n); });
}
int32_t jaggy_ab_index(void* b, int64_t i) { return guarded(b, [i](ArrayBuilder& a) { a.index(i); }); }
int32_t jaggy_ab_end_tuple(void* b) { return guarded(b, [](ArrayBuilder& a) { a.end_tuple(); }); }
// kind -1: no name (an anonymous record).
int32_t jaggy_ab_begin_record(void* b, const char* name, int64_t n, int32_t kind) {
  if (kind < 0) return guarded(b, [](ArrayBuilder& a) { a.begin_record_raw(nullptr, 0, false); });
  return with_text(name, n, kind, [b](const char* d, size_t len) {
    return guarded(b, [d, len](ArrayBuilder& a) { a.begin_record_raw(d, len, true); });
  });
}
int32_t jaggy_ab_field(void* b, const char* key, int64_t n, int32_t kind) {
  return with_text(key, n, kind, [b](const char* d, size_t len) {
    return guarded(b, [d, len](ArrayBuilder& a) { a.field_raw(d, len); });
  });
}
int32_t jaggy_ab_end_record(void* b) { return guarded(b, [](ArrayBuilder& a) { a.end_record(); }); }

}  // extern "C"

void register_builder(py::module_& m) {
  using jaggy_builder::ArrayBuilder;
  py::class_<ArrayBuilder>(m, "ArrayBuilder",
                           "Builds an array from a sequence of calls, discovering its type as data "
                           "arrive. snapshot() returns (form_json, length, buffers).")
      .def(py::init<int64_t, double>(), py::arg("initial") = 1024, py::arg("resize") = 8)
      .def("__len__", &ArrayBuilder::length)
      .def("clear", &ArrayBuilder::clear)
      .def("null", &ArrayBuilder::null)
      .def("boolean", &ArrayBuilder::boolean, py::arg("x"))
      .def("integer", &ArrayBuilder::integer, py::arg("x"))
      .def("real", &ArrayBuilder::real, py::arg("x"))
      .def("complex", &ArrayBuilder::complex, py::arg("x"))
      .def("string", [](ArrayBuilder& b, py::handle x) { b.string(x, false); }, py::arg("x"))
      .def("bytestring", [](ArrayBuilder& b, py::handle x) { b.string(x, true); }, py::arg("x"))
      .def("datetime", [](ArrayBuilder& b, py::handle x, py::object unit) { b.time(x, unit, false); },
           py::arg("x"), py::arg("unit") = py::none())
      .def("timedelta", [](ArrayBuilder& b, py::handle x, py::object unit) { b.time(x, unit, true); },
           py::arg("x"), py::arg("unit") = py::none())
      .def("append", &ArrayBuilder::append, py::arg("obj"))
      .def("extend", &ArrayBuilder::extend, py::arg("iterable"))
      .def("begin_list", &ArrayBuilder::begin_list)
      .def("end_list", &ArrayBuilder::end_list)
      .def("begin_tuple", &ArrayBuilder::begin_tuple, py::arg("numfields"))
      .def("index", &ArrayBuilder::index, py::arg("i"))
      .def("end_tuple", &ArrayBuilder::end_tuple)
      .def("begin_record", &ArrayBuilder::begin_record, py::arg("name") = py::none())
      .def("field", &ArrayBuilder::field, py::arg("key"))
      .def("end_record", &ArrayBuilder::end_record)
      .def("form", &ArrayBuilder::form)
      .def("snapshot", &ArrayBuilder::snapshot)
      .def("_address", [](ArrayBuilder& b) { return reinterpret_cast<uintptr_t>(&b); },
           "The address of the compiled builder, for the C functions of builder_addresses() "
           "(valid while this object lives).");

  m.def(
      "builder_addresses",
      []() {
        py::dict out;
        auto add = [&out](const char* name, auto fn, const char* sig) {
          out[name] = py::make_tuple(reinterpret_cast<uintptr_t>(fn), sig);
        };
        add("jaggy_ab_clear", &jaggy_ab_clear, "int32(void*)");
        add("jaggy_ab_length", &jaggy_ab_length, "int64(void*)");
        add("jaggy_ab_null", &jaggy_ab_null, "int32(void*)");
        add("jaggy_ab_boolean", &jaggy_ab_boolean, "int32(void*, uint8)");
        add("jaggy_ab_integer", &jaggy_ab_integer, "int32(void*, int64)");
        add("jaggy_ab_real", &jaggy_ab_real, "int32(void*, float64)");
        add("jaggy_ab_complex", &jaggy_ab_complex, "int32(void*, float64, float64)");
        add("jaggy_ab_string", &jaggy_ab_string, "int32(void*, uint8*, int64, int32)");
        add("jaggy_ab_bytestring", &jaggy_ab_bytestring, "int32(void*, uint8*, int64)");
        add("jaggy_ab_begin_list", &jaggy_ab_begin_list, "int32(void*)");
        add("jaggy_ab_end_list", &jaggy_ab_end_list, "int32(void*)");
        add("jaggy_ab_begin_tuple", &jaggy_ab_begin_tuple, "int32(void*, int64)");
        add("jaggy_ab_index", &jaggy_ab_index, "int32(void*, int64)");
        add("jaggy_ab_end_tuple", &jaggy_ab_end_tuple, "int32(void*)");
        add("jaggy_ab_begin_record", &jaggy_ab_begin_record, "int32(void*, uint8*, int64, int32)");
        add("jaggy_ab_field", &jaggy_ab_field, "int32(void*, uint8*, int64, int32)");
        add("jaggy_ab_end_record", &jaggy_ab_end_record, "int32(void*)");
        return out;
      },
      "{name: (address, signature)} of the C functions that fill an ArrayBuilder from compiled "
      "code (Numba): each takes ArrayBuilder._address() and returns 0 on success, nonzero when "
      "the builder rejected the call (repeat it through Python to get the exception). Text "
      "arguments are (data, length, kind): kind 0 = UTF-8 bytes, 1/2/4 = UCS code units; "
      "begin_record's kind -1 = no name.");
  m.def("from_iter", &jaggy_builder::from_iter, py::arg("obj"), py::arg("allow_record") = true,
        "Converts Python data to (form_json, length, buffers) in Awkward's to_buffers "
        "conventions. A top-level dict (allowed with allow_record=True) becomes a length-1 "
        "record array; the caller, which knows it passed a dict, takes its element 0.");
}
