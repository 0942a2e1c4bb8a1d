// Type discovery (prepare / add_null) and export to Form JSON + buffers for the builder
// tree declared in builder_core.h.
#include "builder_core.h"

#include <pybind11/numpy.h>

#include <algorithm>
#include <cstring>

namespace jaggy_builder {

int64_t node_length(const Node* n) {
  switch (n->kind) {
    case Kind::Unknown:
      return 0;
    case Kind::Bool:
      return static_cast<int64_t>(n->u8.size());
    case Kind::Int:
    case Kind::DateTime:
    case Kind::TimeDelta:
      return static_cast<int64_t>(n->i64.size());
    case Kind::Float:
      return static_cast<int64_t>(n->f64.size());
    case Kind::Complex:
      return static_cast<int64_t>(n->f64.size() / 2);
    case Kind::String:
    case Kind::List:
      return static_cast<int64_t>(n->i64.size()) - 1;
    case Kind::Record:
    case Kind::Tuple:
      return n->length;
    case Kind::Option:
      return static_cast<int64_t>(n->i64.size());
    case Kind::Union:
      return static_cast<int64_t>(n->tags.size());
  }
  return 0;
}

namespace {

bool is_number(Kind k) { return k == Kind::Int || k == Kind::Float || k == Kind::Complex; }

// Widens a numeric node in place so that it can hold `want` (Int < Float < Complex).
void promote(Node* n, Kind want) {
  if (n->kind == Kind::Int && (want == Kind::Float || want == Kind::Complex)) {
    n->f64.reserve(n->i64.size() * (want == Kind::Complex ? 2 : 1));
    for (int64_t v : n->i64) {
      n->f64.push_back(static_cast<double>(v));
      if (want == Kind::Complex) n->f64.push_back(0.0);
    }
    std::vector<int64_t>().swap(n->i64);
    n->kind = want;
  } else if (n->kind == Kind::Float && want == Kind::Complex) {
    std::vector<double> out(n->f64.size() * 2, 0.0);
    for (size_t i = 0; i < n->f64.size(); i++) out[2 * i] = n->f64[i];
    n->f64.swap(out);
    n->kind = Kind::Complex;
  }
}

// Whether a plain (not Unknown/Option/Union) node can take `w`; widens numbers in place.
bool accepts(Node* n, const Want& w) {
  if (is_number(w.kind)) {
    if (!is_number(n->kind)) return false;
    promote(n, w.kind);
    return true;
  }
  if (n->kind != w.kind) return false;
  switch (w.kind) {
    case Kind::String:
      return n->flag == w.flag;
    case Kind::DateTime:
    case Kind::TimeDelta:
      return n->name == *w.name;
    case Kind::Record:
      // An unnamed record merges with any record; a named one only with the same name.
      return !w.flag || (n->flag && n->name == *w.name);
    case Kind::Tuple:
      return static_cast<int64_t>(n->contents.size()) == w.arity;
    default:
      return true;
  }
}

Node* make(const Want& w) {
  Node* n = new Node(w.kind);
  switch (w.kind) {
    case Kind::String:
      n->flag = w.flag;
      break;
    case Kind::DateTime:
    case Kind::TimeDelta:
      n->name = *w.name;
      break;
    case Kind::Record:
      n->flag = w.flag;
      if (w.flag) n->name = *w.name;
      break;
    case Kind::Tuple:
      for (int64_t i = 0; i < w.arity; i++) n->contents.push_back(new Node(Kind::Unknown));
      break;
    case Kind::List:
      n->contents.push_back(new Node(Kind::Unknown));
      break;
    default:
      break;
  }
  return n;
}

// Adds one entry for `w` to a Union node and returns the leaf to append to.
Node* union_add(Node* u, const Want& w) {
  size_t k = 0;
  for (; k < u->contents.size(); k++) {
    if (accepts(u->contents[k], w)) break;
  }
  if (k == u->contents.size()) {
    if (k >= 127) throw py::value_error("too many types in a union (at most 127)");
    u->contents.push_back(make(w));
  }
  u->tags.push_back(static_cast<int8_t>(k));
  u->i64.push_back(node_length(u->contents[k]));
  return u->contents[k];
}

}  // namespace

Node* prepare(Node*& slot, const Want& w) {
  Node* n = slot;
  switch (n->kind) {
    case Kind::Unknown:
      slot = make(w);
      delete n;
      return slot;
    case Kind::Option:
      n->i64.push_back(node_length(n->contents[0]));
      return prepare(n->contents[0], w);
    case Kind::Union:
      return union_add(n, w);
    default: {
      // Outside a union, str and bytes share one node (the first one seen sets its
      // type), as in Awkward; inside a union they are separate contents.
      if (n->kind == Kind::String && w.kind == Kind::String) return n;
      if (accepts(n, w)) return n;
      // Incompatible: this node becomes the first content of a new union.
      Node* u = new Node(Kind::Union);
      int64_t len = node_length(n);
      u->tags.assign(static_cast<size_t>(len), 0);
      u->i64.resize(static_cast<size_t>(len));
      for (int64_t i = 0; i < len; i++) u->i64[i] = i;
      u->contents.push_back(n);
      slot = u;
      return union_add(u, w);
    }
  }
}

void add_null(Node*& slot) {
  Node* n = slot;
  if (n->kind == Kind::Option) {
    n->i64.push_back(-1);
    return;
  }
  Node* o = new Node(Kind::Option);
  int64_t len = node_length(n);
  o->i64.resize(static_cast<size_t>(len) + 1);
  for (int64_t i = 0; i < len; i++) o->i64[i] = i;
  o->i64[len] = -1;
  o->contents.push_back(n);
  slot = o;
}

int64_t record_field(Node* rec, const char* key, size_t keylen) {
  size_t nf = rec->keys.size();
  for (size_t i = 0; i < nf; i++) {
    const std::string& k = rec->keys[i];
    if (k.size() == keylen && std::memcmp(k.data(), key, keylen) == 0) return static_cast<int64_t>(i);
  }
  // New field: earlier records did not have it, so they get nulls there.
  Node* c = new Node(Kind::Unknown);
  if (rec->length > 0) {
    c->kind = Kind::Option;
    c->i64.assign(static_cast<size_t>(rec->length), -1);
    c->contents.push_back(new Node(Kind::Unknown));
  }
  rec->keys.emplace_back(key, keylen);
  rec->contents.push_back(c);
  rec->filled.push_back(0);
  return static_cast<int64_t>(nf);
}

// ---------------------------------------------------------------------------------------
// Export

namespace {

void json_string(std::string& out, const std::string& s) {
  out += '"';
  for (unsigned char ch : s) {
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (ch < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", ch);
          out += buf;
        } else {
          out += static_cast<char>(ch);
        }
    }
  }
  out += '"';
}

struct Exporter {
  std::string json;
  py::dict buffers;
  int next_id = 0;
  bool steal;
  bool with_buffers;

  // Hands the first `len` elements of `v` to NumPy: moved (no copy) when allowed,
  // copied otherwise.
  template <typename T>
  py::array to_numpy(std::vector<T>& v, int64_t len, const char* dtype) {
    py::dtype dt(dtype);
    if (steal && static_cast<size_t>(len) == v.size()) {
      auto* owned = new std::vector<T>(std::move(v));
      py::capsule cap(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
      return py::array(dt, {static_cast<py::ssize_t>(len)}, {}, owned->data(), cap);
    }
    py::array out(dt, std::vector<py::ssize_t>{static_cast<py::ssize_t>(len)}, std::vector<py::ssize_t>{});
    if (len > 0) std::memcpy(out.mutable_data(), v.data(), static_cast<size_t>(len) * sizeof(T));
    return out;
  }

  template <typename T>
  void buffer(int id, const char* role, std::vector<T>& v, int64_t len, const char* dtype) {
    if (!with_buffers) return;
    std::string key = "node" + std::to_string(id) + "-" + role;
    buffers[py::str(key)] = to_numpy(v, len, dtype);
  }

  void head(const char* cls, int id) {
    json += "{\"class\": \"";
    json += cls;
    json += "\", ";
    (void)id;
  }
  void tail(int id, const char* params) {
    json += ", \"parameters\": ";
    json += params;
    json += ", \"form_key\": \"node" + std::to_string(id) + "\"}";
  }

  void numpy_leaf(int id, const char* primitive, const char* params) {
    head("NumpyArray", id);
    json += "\"primitive\": \"";
    json += primitive;
    json += "\", \"inner_shape\": []";
    tail(id, params);
  }

  // Number of elements of `content` that entries [0, len) of an index refer to.
  static int64_t needed(const std::vector<int64_t>& index, int64_t len) {
    int64_t m = -1;
    for (int64_t i = 0; i < len; i++) m = std::max(m, index[i]);
    return m + 1;
  }

  void emit(Node* n, int64_t len) {
    int id = next_id++;
    switch (n->kind) {
      case Kind::Unknown:
        head("EmptyArray", id);
        json.pop_back();
        json.pop_back();
        tail(id, "{}");
        return;
      case Kind::Bool:
        numpy_leaf(id, "bool", "{}");
        buffer(id, "data", n->u8, len, "bool");
        return;
      case Kind::Int:
        numpy_leaf(id, "int64", "{}");
        buffer(id, "data", n->i64, len, "int64");
        return;
      case Kind::Float:
        numpy_leaf(id, "float64", "{}");
        buffer(id, "data", n->f64, len, "float64");
        return;
      case Kind::Complex: {
        numpy_leaf(id, "complex128", "{}");
        if (with_buffers) {
          py::array a = to_numpy(n->f64, 2 * len, "float64");
          buffers[py::str("node" + std::to_string(id) + "-data")] = a.attr("view")("complex128");
        }
        return;
      }
      case Kind::DateTime:
      case Kind::TimeDelta: {
        std::string prim = n->kind == Kind::DateTime ? "datetime64" : "timedelta64";
        if (n->name != "generic") prim += "[" + n->name + "]";  // NumPy's unit-less dtype
        numpy_leaf(id, prim.c_str(), "{}");
        if (with_buffers) {
          py::array a = to_numpy(n->i64, len, "int64");
          buffers[py::str("node" + std::to_string(id) + "-data")] = a.attr("view")(prim);
        }
        return;
      }
      case Kind::String: {
        const char* outer = n->flag ? "{\"__array__\": \"bytestring\"}" : "{\"__array__\": \"string\"}";
        const char* inner = n->flag ? "{\"__array__\": \"byte\"}" : "{\"__array__\": \"char\"}";
        int64_t nchars = n->i64[len];
        head("ListOffsetArray", id);
        json += "\"offsets\": \"i64\", \"content\": ";
        int cid = next_id++;
        numpy_leaf(cid, "uint8", inner);
        tail(id, outer);
        buffer(id, "offsets", n->i64, len + 1, "int64");
        buffer(cid, "data", n->u8, nchars, "uint8");
        return;
      }
      case Kind::List: {
        head("ListOffsetArray", id);
        json += "\"offsets\": \"i64\", \"content\": ";
        emit(n->contents[0], n->i64[len]);
        tail(id, "{}");
        buffer(id, "offsets", n->i64, len + 1, "int64");
        return;
      }
      case Kind::Record:
      case Kind::Tuple: {
        head("RecordArray", id);
        if (n->kind == Kind::Tuple) {
          json += "\"fields\": null";
        } else {
          json += "\"fields\": [";
          for (size_t i = 0; i < n->keys.size(); i++) {
            if (i) json += ", ";
            json_string(json, n->keys[i]);
          }
          json += "]";
        }
        json += ", \"contents\": [";
        for (size_t i = 0; i < n->contents.size(); i++) {
          if (i) json += ", ";
          emit(n->contents[i], len);
        }
        json += "]";
        std::string params = "{}";
        if (n->kind == Kind::Record && n->flag) {
          params = "{\"__record__\": ";
          json_string(params, n->name);
          params += "}";
        }
        tail(id, params.c_str());
        return;
      }
      case Kind::Option: {
        Node* c = n->contents[0];
        if (c->kind == Kind::Union) {
          next_id--;
          emit_option_union(n, c, len);
          return;
        }
        head("IndexedOptionArray", id);
        json += "\"index\": \"i64\", \"content\": ";
        emit(c, needed(n->i64, len));
        tail(id, "{}");
        buffer(id, "index", n->i64, len, "int64");
        return;
      }
      case Kind::Union: {
        head("UnionArray", id);
        json += "\"tags\": \"i8\", \"index\": \"i64\", \"contents\": [";
        std::vector<int64_t> need(n->contents.size(), 0);
        for (int64_t i = 0; i < len; i++) {
          int8_t t = n->tags[i];
          need[t] = std::max(need[t], n->i64[i] + 1);
        }
        for (size_t k = 0; k < n->contents.size(); k++) {
          if (k) json += ", ";
          emit(n->contents[k], need[k]);
        }
        json += "]";
        tail(id, "{}");
        buffer(id, "tags", n->tags, len, "int8");
        buffer(id, "index", n->i64, len, "int64");
        return;
      }
    }
  }

  // Option(Union(c0, c1, ...)) is exported as Awkward's builder does: Union(IndexedOption(c0),
  // Unmasked(c1), ...). Content 0's index gets one extra -1 entry at its end, and every missing
  // value points there (tag 0); the other contents cannot be missing and are Unmasked.
  void emit_option_union(Node* opt, Node* u, int64_t len) {
    size_t nc = u->contents.size();
    std::vector<int8_t> tags(static_cast<size_t>(len));
    std::vector<int64_t> index(static_cast<size_t>(len));
    std::vector<int64_t> need(nc, 0);
    bool any_null = false;
    for (int64_t i = 0; i < len; i++) {
      int64_t j = opt->i64[i];
      if (j >= 0) {
        int8_t t = u->tags[j];
        tags[i] = t;
        index[i] = u->i64[j];
        need[t] = std::max(need[t], index[i] + 1);
      } else {
        any_null = true;
      }
    }
    for (int64_t i = 0; i < len; i++) {
      if (opt->i64[i] < 0) {
        tags[i] = 0;
        index[i] = need[0];
      }
    }
    std::vector<int64_t> first_index(static_cast<size_t>(need[0]));
    for (int64_t i = 0; i < need[0]; i++) first_index[i] = i;
    if (any_null) first_index.push_back(-1);
    bool saved = steal;
    int id = next_id++;
    head("UnionArray", id);
    json += "\"tags\": \"i8\", \"index\": \"i64\", \"contents\": [";
    for (size_t k = 0; k < nc; k++) {
      if (k) json += ", ";
      int oid = next_id++;
      if (k == 0) {
        head("IndexedOptionArray", oid);
        json += "\"index\": \"i64\", \"content\": ";
        emit(u->contents[k], need[k]);
        tail(oid, "{}");
        steal = true;
        buffer(oid, "index", first_index, static_cast<int64_t>(first_index.size()), "int64");
        steal = saved;
      } else {
        head("UnmaskedArray", oid);
        json += "\"content\": ";
        emit(u->contents[k], need[k]);
        tail(oid, "{}");
      }
    }
    json += "]";
    tail(id, "{}");
    steal = true;
    buffer(id, "tags", tags, len, "int8");
    buffer(id, "index", index, len, "int64");
    steal = saved;
  }
};

}  // namespace

// Checks, before anything is exported, that entries [0, len) of every node exist and that every
// offset, index and tag they hold points inside the child it refers to. A builder whose last call
// failed half-way (an exception inside append, say) can hold dangling entries; exporting it must
// raise, never read past a buffer.
static bool consistent(const Node* n, int64_t len) {
  if (len < 0 || node_length(n) < len) return false;
  switch (n->kind) {
    case Kind::String: {
      int64_t prev = n->i64[0];
      if (prev < 0) return false;
      for (int64_t i = 1; i <= len; i++) {
        if (n->i64[i] < prev) return false;
        prev = n->i64[i];
      }
      return prev <= static_cast<int64_t>(n->u8.size());
    }
    case Kind::List: {
      int64_t prev = n->i64[0];
      if (prev < 0) return false;
      for (int64_t i = 1; i <= len; i++) {
        if (n->i64[i] < prev) return false;
        prev = n->i64[i];
      }
      return consistent(n->contents[0], prev);
    }
    case Kind::Record:
    case Kind::Tuple:
      for (const Node* c : n->contents) {
        if (!consistent(c, len)) return false;
      }
      return true;
    case Kind::Option: {
      int64_t need = 0;
      for (int64_t i = 0; i < len; i++) need = std::max(need, n->i64[i] + 1);
      return consistent(n->contents[0], need);
    }
    case Kind::Union: {
      if (static_cast<int64_t>(n->i64.size()) < len) return false;
      std::vector<int64_t> need(n->contents.size(), 0);
      for (int64_t i = 0; i < len; i++) {
        int8_t t = n->tags[i];
        if (t < 0 || static_cast<size_t>(t) >= n->contents.size() || n->i64[i] < 0) return false;
        need[t] = std::max(need[t], n->i64[i] + 1);
      }
      for (size_t k = 0; k < n->contents.size(); k++) {
        if (!consistent(n->contents[k], need[k])) return false;
      }
      return true;
    }
    default:
      return true;
  }
}

py::tuple export_tree(Node* root, int64_t length, bool steal, bool with_buffers) {
  if (!consistent(root, length)) {
    throw py::value_error(
        "ArrayBuilder: its contents are inconsistent after an earlier failed call; "
        "call clear() before building again");
  }
  Exporter ex;
  ex.steal = steal;
  ex.with_buffers = with_buffers;
  ex.emit(root, length);
  return py::make_tuple(py::str(ex.json), length, ex.buffers);
}

}  // namespace jaggy_builder
