// The data model of jaggy's ArrayBuilder: a tree of growable nodes whose types are
// discovered as data arrive (unknown -> int64 -> float64 -> complex128, nulls make
// options, incompatible kinds make unions), and its export to Awkward-style Form JSON
// plus named buffers ("node<N>-data", "node<N>-offsets", ...).
//
// Invariants kept by the builder (and relied on by the exporter):
//   - an Option node never wraps an Option node;
//   - a Union node never has Option, Union or Unknown contents (a null arriving at a
//     union wraps the whole union in an Option; the exporter turns Option(Union) into a
//     Union of options, which is what Awkward's layouts require);
//   - every content element is referenced by its parent once the parent's entry is
//     complete (so "needed length" of a content = max referenced index + 1).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>

namespace jaggy_builder {

namespace py = pybind11;

enum class Kind : uint8_t {
  Unknown,    // nothing seen yet (EmptyArray)
  Bool,       // u8
  Int,        // i64
  Float,      // f64
  Complex,    // f64, interleaved (re, im)
  DateTime,   // i64, unit in `name`
  TimeDelta,  // i64, unit in `name`
  String,     // i64 offsets + u8 chars; `flag` = bytes instead of str
  List,       // i64 offsets; contents[0]
  Record,     // contents per field, `keys`; `flag` = has a name, `name`
  Tuple,      // contents per slot
  Option,     // i64 index (-1 = missing); contents[0]
  Union,      // tags (int8) + i64 index; contents
};

struct Node {
  Kind kind = Kind::Unknown;
  bool flag = false;
  std::string name;
  std::vector<uint8_t> u8;
  std::vector<int64_t> i64;
  std::vector<double> f64;
  std::vector<int8_t> tags;
  std::vector<Node*> contents;
  std::vector<std::string> keys;
  std::vector<uint8_t> filled;  // Record/Tuple: which slots the open entry has filled
  int64_t length = 0;           // Record/Tuple: completed entries

  explicit Node(Kind k) : kind(k) {
    if (k == Kind::String || k == Kind::List) i64.push_back(0);
  }
  ~Node() {
    for (Node* c : contents) delete c;
  }
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;
};

// What a value or container needs from the node it is put into.
struct Want {
  Kind kind;
  int64_t arity = 0;                 // Tuple
  bool flag = false;                 // String: bytes; Record: has a name
  const std::string* name = nullptr;  // Record name or time unit
};

int64_t node_length(const Node* n);

// Makes `slot` able to take one more element described by `w` (promoting, wrapping in
// an Option's or a Union's bookkeeping as needed) and returns the leaf node that the
// caller must append the element to. The leaf's kind may be wider than w.kind (for
// numbers: an int put into a Float or Complex node).
Node* prepare(Node*& slot, const Want& w);

// Appends a missing value at `slot`.
void add_null(Node*& slot);

// Appends numbers to a leaf returned by prepare() for Int/Float/Complex.
inline void leaf_int(Node* leaf, int64_t v) {
  if (leaf->kind == Kind::Int) {
    leaf->i64.push_back(v);
  } else if (leaf->kind == Kind::Float) {
    leaf->f64.push_back(static_cast<double>(v));
  } else {
    leaf->f64.push_back(static_cast<double>(v));
    leaf->f64.push_back(0.0);
  }
}
inline void leaf_real(Node* leaf, double v) {
  if (leaf->kind == Kind::Float) {
    leaf->f64.push_back(v);
  } else {
    leaf->f64.push_back(v);
    leaf->f64.push_back(0.0);
  }
}

// Finds (or creates, padding earlier records with nulls) the field `key` of a Record.
int64_t record_field(Node* rec, const char* key, size_t keylen);

// Exports the tree as (form_json, length, {buffer name: numpy array}). With steal=true
// the node vectors are moved into the arrays (the tree must not be used afterwards).
// `length` is the number of top-level entries to export (entries beyond it, e.g. an
// entry still open in an ArrayBuilder, are left out).
py::tuple export_tree(Node* root, int64_t length, bool steal, bool with_buffers);

}  // namespace jaggy_builder
