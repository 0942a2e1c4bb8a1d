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
      .def("snapshot", &ArrayBuilder::snapshot);

  m.def("from_iter", &jaggy_builder::from_iter, py::arg("obj"), py::arg("allow_record") = true,
        "Converts Python data to (form_json, length, buffers) in Awkward's to_buffers "
        "conventions. A top-level dict (allowed with allow_record=True) becomes a length-1 "
        "record array; the caller, which knows it passed a dict, takes its element 0.");
}
