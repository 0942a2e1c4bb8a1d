// jaggy._ext.from_json: see json_reader.h.
//
// The parser is a loop over an explicit stack of open containers (no recursion, so deep
// input cannot overflow the C stack; a depth limit keeps the exported tree, which is walked
// recursively, small enough). Every value goes into the "current slot": the root, the
// content of the open list, or the selected field of the open object. Without a schema the
// slot's node is promoted/wrapped as in ArrayBuilder (prepare / add_null); with one, the
// tree is built from the schema first and a value of another type is an error.
#include "json_reader.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "builder_core.h"

namespace jaggy_json {

using jaggy_builder::Kind;
using jaggy_builder::Node;
using jaggy_builder::Want;

constexpr size_t kMaxDepth = 256;

struct ParseError {
  size_t pos;
  std::string what;
};

struct Options {
  bool line_delimited = false;
  bool strict = false;  // a schema fixed the types
  bool has_nan = false, has_posinf = false, has_neginf = false;
  std::string nan, posinf, neginf;
};

struct Frame {
  Node* node;
  int64_t field;     // open object: the field being filled (-1: not in the schema)
  int64_t expected;  // open object: the field that the next key most likely names
  bool is_record;
  bool strict;
};

inline bool is_digit(uint8_t c) { return c >= '0' && c <= '9'; }

class Parser {
 public:
  Parser(const uint8_t* data, size_t size, const Options& opt, Node*& root)
      : begin_(data), p_(data), end_(data + size), opt_(opt), root_(root) {}
  ~Parser() { delete sink_; }

  void run() {
    if (opt_.line_delimited) {
      for (;;) {
        skip_ws();
        if (p_ == end_) return;
        one_value();
        if (p_ < end_ && !is_ws(*p_)) fail("expected whitespace or a newline between JSON values");
      }
    }
    skip_ws();
    if (p_ == end_) fail("expected a JSON value, found the end of the input");
    one_value();
    skip_ws();
    if (p_ != end_) fail("unexpected data after the JSON value (use line_delimited=True for several values)");
  }

 private:
  const uint8_t* begin_;
  const uint8_t* p_;
  const uint8_t* end_;
  const Options& opt_;
  Node*& root_;
  Node* sink_ = nullptr;  // values of object fields that the schema does not name
  std::vector<Frame> stack_;
  std::string scratch_;

  [[noreturn]] void fail(const std::string& what) { throw ParseError{static_cast<size_t>(p_ - begin_), what}; }
  [[noreturn]] void fail_at(const uint8_t* at, const std::string& what) {
    throw ParseError{static_cast<size_t>(at - begin_), what};
  }

  static bool same_bytes(const uint8_t* a, const char* b, size_t n) {
    // Equal and free of what a raw string cannot hold verbatim (quote, backslash, control).
    for (size_t i = 0; i < n; i++) {
      uint8_t c = a[i];
      if (c != static_cast<uint8_t>(b[i]) || c == '"' || c == '\\' || c < 0x20) return false;
    }
    return true;
  }

  static bool is_ws(uint8_t c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
  void skip_ws() {
    while (p_ < end_ && is_ws(*p_)) ++p_;
  }

  // Whether the current slot's types are fixed (false inside a field the schema does not name).
  bool strict_here() const {
    if (stack_.empty()) return opt_.strict;
    const Frame& f = stack_.back();
    return f.strict && !(f.is_record && f.field < 0);
  }

  Node*& slot() {
    if (stack_.empty()) return root_;
    Frame& f = stack_.back();
    if (!f.is_record) return f.node->contents[0];
    if (f.field >= 0) return f.node->contents[static_cast<size_t>(f.field)];
    if (sink_ == nullptr) sink_ = new Node(Kind::Unknown);
    return sink_;
  }

  // Schema mode: the node the value of kind `k` goes to (through a nullable node).
  Node* strict_leaf(Node* n, Kind k, const uint8_t* at) {
    if (n->kind == Kind::Option) {
      n->i64.push_back(jaggy_builder::node_length(n->contents[0]));
      n = n->contents[0];
    }
    if (n->kind == k || (k == Kind::Int && n->kind == Kind::Float)) return n;
    fail_at(at, std::string("JSON schema mismatch: found ") + kind_word(k) + " where the schema expects " +
                    kind_word(n->kind));
  }

  static const char* kind_word(Kind k) {
    switch (k) {
      case Kind::Bool:
        return "a boolean";
      case Kind::Int:
        return "an integer";
      case Kind::Float:
        return "a number";
      case Kind::String:
        return "a string";
      case Kind::List:
        return "an array";
      case Kind::Record:
        return "an object";
      default:
        return "null";
    }
  }

  Node* leaf(Kind k, const uint8_t* at) { return leaf_in(slot(), k, at); }

  Node* leaf_in(Node*& s, Kind k, const uint8_t* at) {
    // Fast path: the slot already holds this kind (a plain string, list or object node).
    if (s->kind == k && !s->flag) return s;
    if (strict_here()) return strict_leaf(s, k, at);
    Want w{k};
    return jaggy_builder::prepare(s, w);
  }

  void put_null(const uint8_t* at) {
    Node*& s = slot();
    if (strict_here()) {
      if (s->kind != Kind::Option) fail_at(at, "JSON schema mismatch: found null where the schema does not allow it");
      s->i64.push_back(-1);
      return;
    }
    jaggy_builder::add_null(s);
  }

  // Inside a union an integer goes to an integer content, never into a float content (a new
  // int64 content is added if needed), as Awkward's from_json does.
  static Node* union_int(Node* u) {
    size_t k = 0;
    while (k < u->contents.size() && u->contents[k]->kind != Kind::Int) k++;
    if (k == u->contents.size()) {
      if (k >= 127) throw std::runtime_error("too many types in a union (at most 127)");
      u->contents.push_back(new Node(Kind::Int));
    }
    u->tags.push_back(static_cast<int8_t>(k));
    u->i64.push_back(jaggy_builder::node_length(u->contents[k]));
    return u->contents[k];
  }

  void put_int(int64_t v, const uint8_t* at) {
    Node*& s = slot();
    if (s->kind == Kind::Int) {
      s->i64.push_back(v);
    } else if (s->kind == Kind::Float) {
      s->f64.push_back(static_cast<double>(v));
    } else if (!strict_here() && s->kind == Kind::Union) {
      union_int(s)->i64.push_back(v);
    } else if (!strict_here() && s->kind == Kind::Option && s->contents[0]->kind == Kind::Union) {
      s->i64.push_back(jaggy_builder::node_length(s->contents[0]));
      union_int(s->contents[0])->i64.push_back(v);
    } else {
      jaggy_builder::leaf_int(leaf_in(s, Kind::Int, at), v);
    }
  }

  void put_real(double v, const uint8_t* at) {
    Node*& s = slot();
    if (s->kind == Kind::Float) {
      s->f64.push_back(v);
    } else {
      jaggy_builder::leaf_real(leaf_in(s, Kind::Float, at), v);
    }
  }

  void put_string(const uint8_t* data, size_t len, const uint8_t* at) {
    if (opt_.has_nan || opt_.has_posinf || opt_.has_neginf) {
      auto same = [&](const std::string& s) { return s.size() == len && std::memcmp(s.data(), data, len) == 0; };
      if (opt_.has_nan && same(opt_.nan)) return put_real(std::nan(""), at);
      if (opt_.has_posinf && same(opt_.posinf)) return put_real(HUGE_VAL, at);
      if (opt_.has_neginf && same(opt_.neginf)) return put_real(-HUGE_VAL, at);
    }
    Node* n = leaf(Kind::String, at);
    n->u8.insert(n->u8.end(), data, data + len);
    n->i64.push_back(static_cast<int64_t>(n->u8.size()));
  }

  void push(Node* n, bool is_record) {
    if (stack_.size() >= kMaxDepth) {
      fail("arrays and objects are nested more than " + std::to_string(kMaxDepth) + " levels deep");
    }
    bool strict = strict_here();
    stack_.push_back(Frame{n, -1, 0, is_record, strict});
  }

  void close_list() {
    Node* l = stack_.back().node;
    l->i64.push_back(jaggy_builder::node_length(l->contents[0]));
    stack_.pop_back();
  }

  void close_record() {
    Frame& f = stack_.back();
    Node* r = f.node;
    for (size_t i = 0; i < r->contents.size(); i++) {
      if (r->filled[i]) continue;
      if (f.strict) {
        if (r->contents[i]->kind != Kind::Option) {
          fail("JSON schema mismatch: the object has no field \"" + r->keys[i] + "\", which is not nullable");
        }
        r->contents[i]->i64.push_back(-1);
      } else {
        jaggy_builder::add_null(r->contents[i]);
      }
    }
    r->length++;
    stack_.pop_back();
  }

  // The key of an object entry and the ':' after it; selects the field.
  void key() {
    if (p_ == end_ || *p_ != '"') fail(p_ == end_ ? "unexpected end of the input inside an object" : "expected a string key");
    const uint8_t* at = p_;
    Frame& f = stack_.back();
    Node* r = f.node;
    int64_t nf = static_cast<int64_t>(r->keys.size());
    // Fast path: the key is the expected field's name, written without escapes.
    if (f.expected < nf) {
      const std::string& want = r->keys[f.expected];
      size_t n = want.size();
      if (static_cast<size_t>(end_ - p_) > n + 1 && p_[n + 1] == '"' && same_bytes(p_ + 1, want.data(), n)) {
        int64_t field = f.expected;
        if (r->filled[field]) fail_at(at, "field \"" + want + "\" appears more than once in an object");
        r->filled[field] = 1;
        f.expected = field + 1;
        f.field = field;
        p_ += n + 2;
        skip_ws();
        if (p_ == end_ || *p_ != ':') fail("expected ':' after an object key");
        ++p_;
        return;
      }
    }
    size_t len;
    const uint8_t* k = string(len);
    int64_t field = -1;
    if (f.expected < nf && r->keys[f.expected].size() == len &&
        std::memcmp(r->keys[f.expected].data(), k, len) == 0) {
      field = f.expected;
    } else if (f.strict) {
      for (int64_t i = 0; i < nf; i++) {
        if (r->keys[i].size() == len && std::memcmp(r->keys[i].data(), k, len) == 0) {
          field = i;
          break;
        }
      }
    } else {
      field = jaggy_builder::record_field(r, reinterpret_cast<const char*>(k), len);
    }
    if (field >= 0) {
      if (r->filled[field]) {
        fail_at(at, "field \"" + std::string(reinterpret_cast<const char*>(k), len) +
                        "\" appears more than once in an object");
      }
      r->filled[field] = 1;
      f.expected = field + 1;
    }
    f.field = field;
    skip_ws();
    if (p_ == end_ || *p_ != ':') fail("expected ':' after an object key");
    ++p_;
  }

  void one_value() {
    bool need_value = true;
    for (;;) {
      if (need_value) {
        skip_ws();
        if (p_ == end_) fail("unexpected end of the input, expected a value");
        const uint8_t* at = p_;
        switch (*p_) {
          case '[': {
            Node* l = leaf(Kind::List, at);
            push(l, false);
            ++p_;
            skip_ws();
            if (p_ < end_ && *p_ == ']') {
              ++p_;
              close_list();
              need_value = false;
            }
            continue;
          }
          case '{': {
            Node* r = leaf(Kind::Record, at);
            std::fill(r->filled.begin(), r->filled.end(), 0);
            push(r, true);
            ++p_;
            skip_ws();
            if (p_ < end_ && *p_ == '}') {
              ++p_;
              close_record();
              need_value = false;
            } else {
              key();
            }
            continue;
          }
          case '"': {
            size_t len;
            const uint8_t* s = string(len);
            put_string(s, len, at);
            break;
          }
          case 't':
            literal("true", 4);
            leaf(Kind::Bool, at)->u8.push_back(1);
            break;
          case 'f':
            literal("false", 5);
            leaf(Kind::Bool, at)->u8.push_back(0);
            break;
          case 'n':
            literal("null", 4);
            put_null(at);
            break;
          default:
            number();
        }
        need_value = false;
        continue;
      }
      if (stack_.empty()) return;
      skip_ws();
      if (p_ == end_) fail("unexpected end of the input inside an array or object");
      Frame& f = stack_.back();
      uint8_t c = *p_;
      if (c == ',') {
        ++p_;
        if (f.is_record) {
          skip_ws();
          key();
        }
        need_value = true;
      } else if (!f.is_record && c == ']') {
        ++p_;
        close_list();
      } else if (f.is_record && c == '}') {
        ++p_;
        close_record();
      } else {
        fail(f.is_record ? "expected ',' or '}' in an object" : "expected ',' or ']' in an array");
      }
    }
  }

  void literal(const char* word, size_t n) {
    if (static_cast<size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) fail("invalid literal");
    p_ += n;
  }

  void number() {
    const uint8_t* s = p_;
    bool neg = false;
    if (*p_ == '-') {
      neg = true;
      ++p_;
    }
    if (p_ == end_ || !is_digit(*p_)) fail_at(s, "invalid value");
    uint64_t mant = 0;
    int digits = 0;  // significant digits collected in mant (integer and fraction parts)
    int int_digits = 0;
    int exp10 = 0;
    if (*p_ == '0') {
      ++p_;
      int_digits = 1;
      if (p_ < end_ && is_digit(*p_)) fail("leading zeros are not allowed in numbers");
    } else {
      while (p_ < end_ && is_digit(*p_)) {
        if (digits < 19) {
          mant = mant * 10 + (*p_ - '0');
          digits++;
        } else {
          exp10++;
        }
        int_digits++;
        ++p_;
      }
    }
    bool is_float = false;
    if (p_ < end_ && *p_ == '.') {
      ++p_;
      is_float = true;
      if (p_ == end_ || !is_digit(*p_)) fail("expected a digit after the decimal point");
      while (p_ < end_ && is_digit(*p_)) {
        if (digits < 19) {
          mant = mant * 10 + (*p_ - '0');
          digits++;
          exp10--;
        }
        ++p_;
      }
    }
    bool has_exp = false;
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      is_float = true;
      has_exp = true;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || !is_digit(*p_)) fail("expected a digit in the exponent");
      while (p_ < end_ && is_digit(*p_)) ++p_;
    }
    if (!is_float && int_digits <= 19) {
      // 19 digits always fit in uint64; beyond int64 the value becomes a float.
      if (!neg && mant <= static_cast<uint64_t>(INT64_MAX)) return put_int(static_cast<int64_t>(mant), s);
      if (neg && mant <= static_cast<uint64_t>(INT64_MAX) + 1) {
        return put_int(static_cast<int64_t>(0 - mant), s);
      }
    }
    // Exact fast path (Clinger): a mantissa below 2^53 times/divided by an exact power of ten
    // is correctly rounded by one IEEE operation.
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (!has_exp && digits < 19 && mant < (1ULL << 53) && exp10 <= 0 && exp10 >= -22) {
      double v = static_cast<double>(mant) / pow10[-exp10];
      return put_real(neg ? -v : v, s);
    }
    double v;
    auto r = std::from_chars(reinterpret_cast<const char*>(s), reinterpret_cast<const char*>(p_), v);
    if (r.ec == std::errc::result_out_of_range) {
      std::string copy(reinterpret_cast<const char*>(s), static_cast<size_t>(p_ - s));
      v = std::strtod(copy.c_str(), nullptr);
      if (std::isinf(v)) fail_at(s, "number " + copy + " is out of the range of float64");
    } else if (r.ec != std::errc() || r.ptr != reinterpret_cast<const char*>(p_)) {
      fail_at(s, "invalid number");
    }
    put_real(v, s);
  }

  static int hex(uint8_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  // Length of the valid UTF-8 sequence starting at p (its first byte is >= 0x80); 0 if invalid.
  size_t utf8_length(const uint8_t* p) const {
    uint8_t c = p[0];
    size_t n;
    uint8_t lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return 0;
    }
    if (static_cast<size_t>(end_ - p) < n) return 0;
    if (p[1] < lo || p[1] > hi) return 0;
    for (size_t i = 2; i < n; i++) {
      if ((p[i] & 0xC0) != 0x80) return 0;
    }
    return n;
  }

  static bool plain8(const uint8_t* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    constexpr uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    uint64_t quote = w ^ (ones * '"');
    uint64_t bslash = w ^ (ones * '\\');
    // Classic "has a byte less than n / equal to zero" tests; a byte >= 0x80 (the `| w`)
    // also sends the block to the byte-by-byte path.
    uint64_t bad = ((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) | ((bslash - ones) & ~bslash) | w;
    return (bad & high) == 0;
  }

  // Parses a string (p_ at its opening quote); returns its UTF-8 bytes (in the input when it
  // has no escapes, else in scratch_).
  const uint8_t* string(size_t& len) {
    ++p_;
    const uint8_t* s = p_;
    for (;;) {
      while (end_ - p_ >= 8 && plain8(p_)) p_ += 8;
      if (p_ == end_) fail_at(s - 1, "unterminated string");
      uint8_t c = *p_;
      if (c == '"') {
        len = static_cast<size_t>(p_ - s);
        ++p_;
        return s;
      }
      if (c == '\\') break;
      if (c < 0x20) fail("control character in a string (it must be escaped)");
      if (c >= 0x80) {
        size_t n = utf8_length(p_);
        if (n == 0) fail("invalid UTF-8 in a string");
        p_ += n;
      } else {
        ++p_;
      }
    }
    scratch_.assign(reinterpret_cast<const char*>(s), static_cast<size_t>(p_ - s));
    for (;;) {
      if (p_ == end_) fail_at(s - 1, "unterminated string");
      uint8_t c = *p_;
      if (c == '"') {
        ++p_;
        len = scratch_.size();
        return reinterpret_cast<const uint8_t*>(scratch_.data());
      }
      if (c < 0x20) fail("control character in a string (it must be escaped)");
      if (c >= 0x80) {
        size_t n = utf8_length(p_);
        if (n == 0) fail("invalid UTF-8 in a string");
        scratch_.append(reinterpret_cast<const char*>(p_), n);
        p_ += n;
        continue;
      }
      if (c != '\\') {
        scratch_.push_back(static_cast<char>(c));
        ++p_;
        continue;
      }
      const uint8_t* esc = p_;
      ++p_;
      if (p_ == end_) fail_at(s - 1, "unterminated string");
      switch (*p_++) {
        case '"':
          scratch_.push_back('"');
          break;
        case '\\':
          scratch_.push_back('\\');
          break;
        case '/':
          scratch_.push_back('/');
          break;
        case 'b':
          scratch_.push_back('\b');
          break;
        case 'f':
          scratch_.push_back('\f');
          break;
        case 'n':
          scratch_.push_back('\n');
          break;
        case 'r':
          scratch_.push_back('\r');
          break;
        case 't':
          scratch_.push_back('\t');
          break;
        case 'u': {
          uint32_t cp = hex4(esc);
          if (cp >= 0xDC00 && cp <= 0xDFFF) fail_at(esc, "unpaired low surrogate in a \\u escape");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') fail_at(esc, "unpaired high surrogate in a \\u escape");
            const uint8_t* esc2 = p_;
            p_ += 2;
            uint32_t lo = hex4(esc2);
            if (lo < 0xDC00 || lo > 0xDFFF) fail_at(esc2, "a high surrogate must be followed by a low surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          append_utf8(cp);
          break;
        }
        default:
          fail_at(esc, "invalid escape in a string");
      }
    }
  }

  uint32_t hex4(const uint8_t* esc) {
    if (end_ - p_ < 4) fail_at(esc, "incomplete \\u escape");
    uint32_t cp = 0;
    for (int i = 0; i < 4; i++) {
      int h = hex(p_[i]);
      if (h < 0) fail_at(esc, "invalid \\u escape");
      cp = cp * 16 + static_cast<uint32_t>(h);
    }
    p_ += 4;
    return cp;
  }

  void append_utf8(uint32_t cp) {
    if (cp < 0x80) {
      scratch_.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      scratch_.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      scratch_.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      scratch_.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      scratch_.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      scratch_.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      scratch_.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      scratch_.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      scratch_.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      scratch_.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
};

// ---------------------------------------------------------------------------------------
// Schema: a tree of (kind, nullable, ...) tuples prepared by jaggy.io.json:
//   ("boolean"|"integer"|"number"|"string", nullable)
//   ("array", nullable, items)
//   ("object", nullable, [names], [specs])

Node* schema_node(py::handle spec, int depth) {
  if (depth > static_cast<int>(kMaxDepth)) throw py::value_error("from_json: the schema is nested too deeply");
  py::tuple t = py::reinterpret_borrow<py::tuple>(spec);
  std::string kind = t[0].cast<std::string>();
  bool nullable = t[1].cast<bool>();
  std::unique_ptr<Node> n;
  if (kind == "boolean") {
    n.reset(new Node(Kind::Bool));
  } else if (kind == "integer") {
    n.reset(new Node(Kind::Int));
  } else if (kind == "number") {
    n.reset(new Node(Kind::Float));
  } else if (kind == "string") {
    n.reset(new Node(Kind::String));
  } else if (kind == "array") {
    n.reset(new Node(Kind::List));
    n->contents.push_back(schema_node(t[2], depth + 1));
  } else if (kind == "object") {
    n.reset(new Node(Kind::Record));
    py::list names = t[2];
    py::list specs = t[3];
    for (size_t i = 0; i < names.size(); i++) {
      n->keys.push_back(names[i].cast<std::string>());
      n->contents.push_back(schema_node(specs[i], depth + 1));
      n->filled.push_back(0);
    }
  } else {
    throw py::value_error("from_json: unknown schema kind " + kind);
  }
  if (!nullable) return n.release();
  Node* o = new Node(Kind::Option);
  o->contents.push_back(n.release());
  return o;
}

std::string describe(const uint8_t* data, size_t size, size_t pos, const std::string& what) {
  size_t line = 1, col_start = 0;
  for (size_t i = 0; i < pos && i < size; i++) {
    if (data[i] == '\n') {
      line++;
      col_start = i + 1;
    }
  }
  return "from_json: JSON error at byte " + std::to_string(pos) + " (line " + std::to_string(line) +
         ", column " + std::to_string(pos - col_start + 1) + "): " + what;
}

py::tuple from_json(py::buffer source, bool line_delimited, py::object schema, py::object nan, py::object posinf,
                    py::object neginf) {
  py::buffer_info info = source.request();
  const uint8_t* data = static_cast<const uint8_t*>(info.ptr);
  size_t size = static_cast<size_t>(info.size) * static_cast<size_t>(info.itemsize);
  Options opt;
  opt.line_delimited = line_delimited;
  if (!nan.is_none()) opt.has_nan = true, opt.nan = nan.cast<std::string>();
  if (!posinf.is_none()) opt.has_posinf = true, opt.posinf = posinf.cast<std::string>();
  if (!neginf.is_none()) opt.has_neginf = true, opt.neginf = neginf.cast<std::string>();
  std::unique_ptr<Node> holder;
  if (schema.is_none()) {
    holder.reset(new Node(Kind::Unknown));
  } else {
    opt.strict = true;
    holder.reset(schema_node(schema, 0));
  }
  Node* root = holder.release();
  std::string error;
  bool no_memory = false;
  {
    py::gil_scoped_release release;
    try {
      Parser parser(data, size, opt, root);
      parser.run();
    } catch (const ParseError& e) {
      error = describe(data, size, e.pos, e.what);
    } catch (const std::bad_alloc&) {
      no_memory = true;
    } catch (const std::exception& e) {
      error = std::string("from_json: ") + e.what();
    }
  }
  holder.reset(root);
  if (no_memory) throw std::bad_alloc();
  if (!error.empty()) throw py::value_error(error);
  int64_t length = jaggy_builder::node_length(root);
  return jaggy_builder::export_tree(root, length, true, true);
}

}  // namespace jaggy_json

void register_json_reader(py::module_& m) {
  m.def("from_json", &jaggy_json::from_json, py::arg("source"), py::arg("line_delimited"), py::arg("schema"),
        py::arg("nan_string"), py::arg("posinf_string"), py::arg("neginf_string"),
        "Parses JSON bytes into (form_json, length, buffers); the top-level values are the entries.");
}
