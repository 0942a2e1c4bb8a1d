// The conversion plan of jaggy._ext.to_list: a small tree of nodes, one per layout node, parsed
// once from the nested tuples that python/jaggy/_tolist.py builds.
//
// Plan tuples (kind first, then the node's length as the Python side sees it):
//   (LEAF,          length, data)                          1-D contiguous NumPy buffer
//   (OBJLEAF,       length, data)                          converted by numpy's tolist (datetimes, ...)
//   (REGULAR,       length, size, content, strkind)
//   (LISTOFFSET,    length, offsets, content, strkind)
//   (LIST,          length, starts, stops, content, strkind)
//   (RECORD,        length, fields or None, (contents...))
//   (INDEXED,       length, index, content)
//   (INDEXEDOPTION, length, index, content)
//   (BYTEMASKED,    length, mask, valid_when, content)
//   (BITMASKED,     length, mask, valid_when, lsb_order, content)
//   (UNION,         length, tags, index, (contents...))
//   (EMPTY,         0)
// strkind is 0 for ordinary lists, 1 for UTF-8 strings, 2 for bytestrings; a string node's content
// must be a LEAF of one-byte items.
//
// Parsing checks everything that can be checked per node (dtypes, buffer lengths, content lengths
// against parent lengths); what has to be checked per element (offsets, indexes, tags) is checked
// by the converter when it follows it.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace jaggy::tolist {

namespace py = pybind11;

enum Kind : int {
  LEAF = 0,
  OBJLEAF = 1,
  REGULAR = 2,
  LISTOFFSET = 3,
  LIST = 4,
  RECORD = 5,
  INDEXED = 6,
  INDEXEDOPTION = 7,
  BYTEMASKED = 8,
  BITMASKED = 9,
  UNION = 10,
  EMPTY = 11,
};

// Element type of a LEAF buffer.
enum class Leaf : int { Bool, I8, I16, I32, I64, U8, U16, U32, U64, F32, F64, C64, C128 };

// Strings held by a list node.
enum class Str : int { None = 0, Utf8 = 1, Bytes = 2 };

// A read-only integer buffer of one of the index dtypes (int8, uint8, int32, uint32, int64).
struct IndexBuf {
  enum class T : int { I8, U8, I32, U32, I64 } type = T::I64;
  const void* ptr = nullptr;
  int64_t length = 0;

  int64_t operator[](int64_t i) const {
    switch (type) {
      case T::I64: return static_cast<const int64_t*>(ptr)[i];
      case T::I32: return static_cast<const int32_t*>(ptr)[i];
      case T::U32: return static_cast<const uint32_t*>(ptr)[i];
      case T::I8: return static_cast<const int8_t*>(ptr)[i];
      case T::U8: return static_cast<const uint8_t*>(ptr)[i];
    }
    return 0;
  }
};

struct Node {
  Kind kind = EMPTY;
  int64_t length = 0;  // number of elements this node has (validated against its buffers)

  // LEAF / OBJLEAF
  Leaf leaf = Leaf::F64;
  const char* data = nullptr;
  py::object array;  // the NumPy buffer (kept alive; used directly by OBJLEAF)

  // list nodes
  int64_t size = 0;  // REGULAR
  Str str = Str::None;
  IndexBuf starts, stops;  // LISTOFFSET: offsets in `starts`; LIST: starts and stops
  // INDEXED / INDEXEDOPTION: index in `index`; UNION: tags in `tags`, index in `index`
  IndexBuf index, tags;
  // BYTEMASKED / BITMASKED
  IndexBuf mask;
  bool valid_when = true;
  bool lsb_order = true;

  // RECORD
  bool is_tuple = false;
  std::vector<py::object> keys;  // field names as Python str objects

  std::vector<std::unique_ptr<Node>> children;
  std::vector<py::object> buffers;  // keeps every buffer this node points into alive
};

// Builds the node tree from a plan tuple; raises ValueError for a malformed plan.
std::unique_ptr<Node> parse_plan(const py::handle& plan);

// The layout class name a node kind stands for, for error messages.
const char* kind_name(Kind kind);

}  // namespace jaggy::tolist
