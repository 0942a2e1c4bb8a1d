// Buffer checks shared by the generated kernel bindings and the hand-written modules.
//
// Every array handed to a kernel is checked here before the kernel sees its pointer: dtype,
// native byte order, C-contiguity, one dimension, writability of outputs, and a length at least
// the one the spec declares. A failed check raises a Python exception naming the kernel and the
// argument; no kernel ever reads or writes past a buffer it was given.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <type_traits>

namespace jaggy::ext {

namespace py = pybind11;

template <typename T>
constexpr char dtype_kind() {
  if constexpr (std::is_same_v<T, bool>) return 'b';
  else if constexpr (std::is_floating_point_v<T>) return 'f';
  else if constexpr (std::is_signed_v<T>) return 'i';
  else return 'u';
}

template <typename T>
inline bool dtype_is(const py::array& a) {
  py::dtype dt = a.dtype();
  return dt.kind() == dtype_kind<T>() && dt.itemsize() == static_cast<py::ssize_t>(sizeof(T));
}

inline std::string dtype_name(const py::array& a) { return py::str(a.dtype()).cast<std::string>(); }

[[noreturn]] inline void fail(const char* kernel, const char* arg, const std::string& what) {
  throw py::value_error(std::string("kernel '") + kernel + "': argument '" + arg + "' " + what);
}

inline void check_nonnegative(int64_t value, const char* kernel, const char* arg) {
  if (value < 0) fail(kernel, arg, "must not be negative, got " + std::to_string(value));
}

// A length computed in 128 bits from a spec expression: one that does not fit int64 can never be
// satisfied by a real buffer, so it becomes INT64_MAX and the length check below fails cleanly.
inline int64_t as_length(__int128 value) {
  if (value > static_cast<__int128>(INT64_MAX)) return INT64_MAX;
  if (value < 0) return 0;
  return static_cast<int64_t>(value);
}

inline void check_array(const py::array& a, const char* kernel, const char* arg, int64_t min_len,
                        bool writable) {
  if (a.ndim() != 1) fail(kernel, arg, "must be one-dimensional");
  if (!(a.flags() & py::array::c_style)) fail(kernel, arg, "must be C-contiguous");
  char order = a.dtype().byteorder();
  if (order == '>') fail(kernel, arg, "must be in native byte order");
  if (writable && !a.writeable()) fail(kernel, arg, "must be writable");
  if (a.shape(0) < min_len) {
    fail(kernel, arg,
         "has length " + std::to_string(a.shape(0)) + ", needs at least " + std::to_string(min_len));
  }
}

template <typename T>
inline const T* in_ptr(const py::array& a, const char* kernel, const char* arg) {
  if (!dtype_is<T>(a)) fail(kernel, arg, "has dtype " + dtype_name(a) + ", which does not match");
  return static_cast<const T*>(a.data());
}

template <typename T>
inline T* out_ptr(const py::array& a, const char* kernel, const char* arg) {
  if (!dtype_is<T>(a)) fail(kernel, arg, "has dtype " + dtype_name(a) + ", which does not match");
  return static_cast<T*>(const_cast<void*>(a.data()));
}

[[noreturn]] inline void no_specialization(const char* kernel, std::initializer_list<py::array> args,
                                           const char* names) {
  std::string dts;
  for (const auto& a : args) dts += (dts.empty() ? "" : ", ") + dtype_name(a);
  throw py::type_error(std::string("kernel '") + kernel + "' has no specialization for (" + names +
                       ") of dtype (" + dts + ")");
}

}  // namespace jaggy::ext
