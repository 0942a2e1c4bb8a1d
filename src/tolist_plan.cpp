// Parsing and per-node validation of the to_list plan (see tolist_plan.h for the tuple format).
#include "tolist_plan.h"

#include <string>

namespace jaggy::tolist {

const char* kind_name(Kind kind) {
  switch (kind) {
    case LEAF: return "NumpyArray";
    case OBJLEAF: return "NumpyArray";
    case REGULAR: return "RegularArray";
    case LISTOFFSET: return "ListOffsetArray";
    case LIST: return "ListArray";
    case RECORD: return "RecordArray";
    case INDEXED: return "IndexedArray";
    case INDEXEDOPTION: return "IndexedOptionArray";
    case BYTEMASKED: return "ByteMaskedArray";
    case BITMASKED: return "BitMaskedArray";
    case UNION: return "UnionArray";
    case EMPTY: return "EmptyArray";
  }
  return "?";
}

namespace {

[[noreturn]] void bad(Kind kind, const std::string& what) {
  throw py::value_error(std::string(kind_name(kind)) + ": " + what);
}

// A 1-D, C-contiguous, native-order NumPy array, or ValueError naming the node and buffer.
py::array checked_array(const py::handle& obj, Kind kind, const char* name) {
  if (!py::isinstance<py::array>(obj)) bad(kind, std::string(name) + " must be a NumPy array");
  py::array a = py::reinterpret_borrow<py::array>(obj);
  if (a.ndim() != 1) bad(kind, std::string(name) + " must be one-dimensional");
  if (!(a.flags() & py::array::c_style)) bad(kind, std::string(name) + " must be C-contiguous");
  if (a.dtype().byteorder() == '>') bad(kind, std::string(name) + " must be in native byte order");
  return a;
}

IndexBuf index_buf(Node& node, const py::handle& obj, const char* name) {
  py::array a = checked_array(obj, node.kind, name);
  py::dtype dt = a.dtype();
  char k = dt.kind();
  auto size = dt.itemsize();
  IndexBuf buf;
  if (k == 'i' && size == 8) buf.type = IndexBuf::T::I64;
  else if (k == 'i' && size == 4) buf.type = IndexBuf::T::I32;
  else if (k == 'u' && size == 4) buf.type = IndexBuf::T::U32;
  else if (k == 'i' && size == 1) buf.type = IndexBuf::T::I8;
  else if ((k == 'u' || k == 'b') && size == 1) buf.type = IndexBuf::T::U8;
  else bad(node.kind, std::string(name) + " has unsupported dtype " + py::str(dt).cast<std::string>());
  buf.ptr = a.data();
  buf.length = a.shape(0);
  node.buffers.push_back(a);
  return buf;
}

void set_leaf_type(Node& node, const py::array& a) {
  py::dtype dt = a.dtype();
  char k = dt.kind();
  auto size = dt.itemsize();
  if (k == 'b' && size == 1) node.leaf = Leaf::Bool;
  else if (k == 'i' && size == 1) node.leaf = Leaf::I8;
  else if (k == 'i' && size == 2) node.leaf = Leaf::I16;
  else if (k == 'i' && size == 4) node.leaf = Leaf::I32;
  else if (k == 'i' && size == 8) node.leaf = Leaf::I64;
  else if (k == 'u' && size == 1) node.leaf = Leaf::U8;
  else if (k == 'u' && size == 2) node.leaf = Leaf::U16;
  else if (k == 'u' && size == 4) node.leaf = Leaf::U32;
  else if (k == 'u' && size == 8) node.leaf = Leaf::U64;
  else if (k == 'f' && size == 4) node.leaf = Leaf::F32;
  else if (k == 'f' && size == 8) node.leaf = Leaf::F64;
  else if (k == 'c' && size == 8) node.leaf = Leaf::C64;
  else if (k == 'c' && size == 16) node.leaf = Leaf::C128;
  else bad(node.kind, "unsupported dtype " + py::str(dt).cast<std::string>() + " for a fast leaf");
}

int64_t as_int(const py::handle& obj) { return py::cast<int64_t>(obj); }

py::tuple as_tuple(const py::handle& obj, Kind kind, const char* what) {
  if (!py::isinstance<py::tuple>(obj)) bad(kind, std::string(what) + " must be a tuple");
  return py::reinterpret_borrow<py::tuple>(obj);
}

// The child must have at least `needed` elements (a parent reading positions [0, needed)).
void check_content_length(const Node& parent, const Node& child, int64_t needed,
                          const std::string& which = "content") {
  if (child.length < needed) {
    bad(parent.kind, which + " length " + std::to_string(child.length) + " is shorter than " +
                         std::to_string(needed));
  }
}

Str str_kind(Kind kind, const py::handle& obj) {
  int64_t s = as_int(obj);
  if (s < 0 || s > 2) bad(kind, "bad string kind " + std::to_string(s));
  return static_cast<Str>(s);
}

void check_string_content(const Node& node) {
  if (node.str == Str::None) return;
  const Node& c = *node.children[0];
  if (c.kind != LEAF || !(c.leaf == Leaf::U8 || c.leaf == Leaf::I8 || c.leaf == Leaf::Bool)) {
    bad(node.kind, "string content must be a one-byte NumpyArray");
  }
}

}  // namespace

std::unique_ptr<Node> parse_plan(const py::handle& plan) {
  if (!py::isinstance<py::tuple>(plan)) throw py::value_error("to_list plan node must be a tuple");
  py::tuple t = py::reinterpret_borrow<py::tuple>(plan);
  if (t.size() < 2) throw py::value_error("to_list plan node is too short");
  int64_t kind_value = as_int(t[0]);
  if (kind_value < 0 || kind_value > EMPTY) {
    throw py::value_error("to_list plan has unknown node kind " + std::to_string(kind_value));
  }
  auto node = std::make_unique<Node>();
  node->kind = static_cast<Kind>(kind_value);
  Node& n = *node;
  const int64_t declared = as_int(t[1]);
  auto need = [&](size_t count) {
    if (t.size() != count) bad(n.kind, "plan tuple has " + std::to_string(t.size()) +
                                           " items, expected " + std::to_string(count));
  };
  auto child = [&](const py::handle& obj) -> Node& {
    n.children.push_back(parse_plan(obj));
    return *n.children.back();
  };

  switch (n.kind) {
    case LEAF:
    case OBJLEAF: {
      need(3);
      py::array a = checked_array(t[2], n.kind, "data");
      if (n.kind == LEAF) set_leaf_type(n, a);
      n.data = static_cast<const char*>(a.data());
      n.length = a.shape(0);
      n.array = a;
      break;
    }
    case REGULAR: {
      need(5);
      n.size = as_int(t[2]);
      n.length = declared;
      if (n.size < 0) bad(n.kind, "size " + std::to_string(n.size) + " is negative");
      if (n.length < 0) bad(n.kind, "length " + std::to_string(n.length) + " is negative");
      Node& c = child(t[3]);
      n.str = str_kind(n.kind, t[4]);
      if (n.size > 0) {
        if (n.length > c.length / n.size) {
          bad(n.kind, "length " + std::to_string(n.length) + " * size " + std::to_string(n.size) +
                          " beyond content length " + std::to_string(c.length));
        }
      }
      check_string_content(n);
      break;
    }
    case LISTOFFSET: {
      need(5);
      n.starts = index_buf(n, t[2], "offsets");
      if (n.starts.length < 1) bad(n.kind, "offsets must have at least one item");
      n.length = n.starts.length - 1;
      child(t[3]);
      n.str = str_kind(n.kind, t[4]);
      check_string_content(n);
      break;
    }
    case LIST: {
      need(6);
      n.starts = index_buf(n, t[2], "starts");
      n.stops = index_buf(n, t[3], "stops");
      n.length = n.starts.length;
      if (n.stops.length < n.length) {
        bad(n.kind, "len(stops) " + std::to_string(n.stops.length) + " < len(starts) " +
                        std::to_string(n.length));
      }
      child(t[4]);
      n.str = str_kind(n.kind, t[5]);
      check_string_content(n);
      break;
    }
    case RECORD: {
      need(4);
      n.length = declared;
      if (n.length < 0) bad(n.kind, "length " + std::to_string(n.length) + " is negative");
      py::tuple contents = as_tuple(t[3], n.kind, "contents");
      n.is_tuple = t[2].is_none();
      if (!n.is_tuple) {
        py::tuple fields = as_tuple(t[2], n.kind, "fields");
        if (fields.size() != contents.size()) bad(n.kind, "number of fields != number of contents");
        for (auto f : fields) {
          if (!py::isinstance<py::str>(f)) bad(n.kind, "field names must be str");
          PyObject* key = f.ptr();
          Py_INCREF(key);
          PyUnicode_InternInPlace(&key);
          n.keys.push_back(py::reinterpret_steal<py::object>(key));
        }
      }
      for (size_t i = 0; i < contents.size(); ++i) {
        Node& c = child(contents[i]);
        std::string which = n.is_tuple ? "field " + std::to_string(i)
                                       : "field '" + py::str(n.keys[i]).cast<std::string>() + "'";
        check_content_length(n, c, n.length, which + " content");
      }
      break;
    }
    case INDEXED:
    case INDEXEDOPTION: {
      need(4);
      n.index = index_buf(n, t[2], "index");
      n.length = n.index.length;
      child(t[3]);
      break;
    }
    case BYTEMASKED: {
      need(5);
      n.mask = index_buf(n, t[2], "mask");
      n.length = n.mask.length;
      n.valid_when = py::cast<bool>(t[3]);
      Node& c = child(t[4]);
      check_content_length(n, c, n.length);
      break;
    }
    case BITMASKED: {
      need(6);
      n.mask = index_buf(n, t[2], "mask");
      n.length = declared;
      if (n.length < 0) bad(n.kind, "length " + std::to_string(n.length) + " is negative");
      if (n.mask.length < (n.length + 7) / 8) {
        bad(n.kind, "mask has " + std::to_string(n.mask.length) + " bytes, too few for length " +
                        std::to_string(n.length));
      }
      n.valid_when = py::cast<bool>(t[3]);
      n.lsb_order = py::cast<bool>(t[4]);
      Node& c = child(t[5]);
      check_content_length(n, c, n.length);
      break;
    }
    case UNION: {
      need(5);
      n.tags = index_buf(n, t[2], "tags");
      n.index = index_buf(n, t[3], "index");
      n.length = n.tags.length;
      if (n.index.length < n.length) {
        bad(n.kind, "len(index) " + std::to_string(n.index.length) + " < len(tags) " +
                        std::to_string(n.length));
      }
      for (auto c : as_tuple(t[4], n.kind, "contents")) child(c);
      break;
    }
    case EMPTY: {
      n.length = 0;
      break;
    }
  }
  return node;
}

}  // namespace jaggy::tolist
