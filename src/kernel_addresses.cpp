// A table of selected compiled kernels for code outside pybind11 (Numba, ctypes, cffi):
// jaggy._ext.kernel_addresses() -> {name: (address, signature)}. Every kernel is an
// extern "C" function of kernels_generated.h; the signature string spells its C types in
// NumPy names, e.g. "int64(int64*, float64*, float64*, int64, int64, int64*)".
#include <pybind11/pybind11.h>

#include <cstdint>
#include <string>
#include <type_traits>

#include "jaggy/kernels_generated.h"

namespace py = pybind11;

namespace {

template <typename T> struct CName;
template <> struct CName<bool> { static constexpr const char* v = "bool"; };
template <> struct CName<int8_t> { static constexpr const char* v = "int8"; };
template <> struct CName<uint8_t> { static constexpr const char* v = "uint8"; };
template <> struct CName<int16_t> { static constexpr const char* v = "int16"; };
template <> struct CName<uint16_t> { static constexpr const char* v = "uint16"; };
template <> struct CName<int32_t> { static constexpr const char* v = "int32"; };
template <> struct CName<uint32_t> { static constexpr const char* v = "uint32"; };
template <> struct CName<int64_t> { static constexpr const char* v = "int64"; };
template <> struct CName<uint64_t> { static constexpr const char* v = "uint64"; };
template <> struct CName<float> { static constexpr const char* v = "float32"; };
template <> struct CName<double> { static constexpr const char* v = "float64"; };

template <typename T> std::string type_name() {
  if constexpr (std::is_pointer_v<T>) {
    return type_name<std::remove_cv_t<std::remove_pointer_t<T>>>() + "*";
  } else {
    return CName<std::remove_cv_t<T>>::v;
  }
}

template <typename R, typename... A> std::string signature_of(R (*)(A...)) {
  std::string out = type_name<R>() + "(";
  bool first = true;
  ((out += (first ? "" : ", ") + type_name<A>(), first = false), ...);
  return out + ")";
}

struct Entry {
  const char* name;
  uintptr_t address;
  std::string signature;
};

#define K(name) Entry{#name, reinterpret_cast<uintptr_t>(&jaggy_##name), signature_of(&jaggy_##name)}

}  // namespace

void register_kernel_addresses(py::module_& m) {
  m.def(
      "kernel_addresses",
      []() {
        static const Entry entries[] = {
            K(compact_offsets_int32),
            K(compact_offsets_uint32),
            K(compact_offsets_int64),
            K(counts_to_offsets_int8),
            K(counts_to_offsets_uint8),
            K(counts_to_offsets_int16),
            K(counts_to_offsets_uint16),
            K(counts_to_offsets_int32),
            K(counts_to_offsets_uint32),
            K(counts_to_offsets_int64),
            K(counts_to_offsets_uint64),
            K(local_index),
            K(offsets_to_counts_int32),
            K(offsets_to_counts_uint32),
            K(offsets_to_counts_int64),
            K(offsets_validity_int32),
            K(offsets_validity_uint32),
            K(offsets_validity_int64),
            K(reduce_all_int64),
            K(reduce_all_int32),
            K(reduce_all_bool),
            K(reduce_all_int8),
            K(reduce_all_int16),
            K(reduce_all_uint8),
            K(reduce_all_uint16),
            K(reduce_all_uint32),
            K(reduce_all_uint64),
            K(reduce_all_float32),
            K(reduce_all_float64),
            K(reduce_any_int64),
            K(reduce_any_int32),
            K(reduce_any_bool),
            K(reduce_any_int8),
            K(reduce_any_int16),
            K(reduce_any_uint8),
            K(reduce_any_uint16),
            K(reduce_any_uint32),
            K(reduce_any_uint64),
            K(reduce_any_float32),
            K(reduce_any_float64),
            K(reduce_argmax_int64),
            K(reduce_argmax_int32),
            K(reduce_argmax_bool),
            K(reduce_argmax_int8),
            K(reduce_argmax_int16),
            K(reduce_argmax_uint8),
            K(reduce_argmax_uint16),
            K(reduce_argmax_uint32),
            K(reduce_argmax_uint64),
            K(reduce_argmax_float32),
            K(reduce_argmax_float64),
            K(reduce_argmin_int64),
            K(reduce_argmin_int32),
            K(reduce_argmin_bool),
            K(reduce_argmin_int8),
            K(reduce_argmin_int16),
            K(reduce_argmin_uint8),
            K(reduce_argmin_uint16),
            K(reduce_argmin_uint32),
            K(reduce_argmin_uint64),
            K(reduce_argmin_float32),
            K(reduce_argmin_float64),
            K(reduce_count_nonzero_int64),
            K(reduce_count_nonzero_int32),
            K(reduce_count_nonzero_bool),
            K(reduce_count_nonzero_int8),
            K(reduce_count_nonzero_int16),
            K(reduce_count_nonzero_uint8),
            K(reduce_count_nonzero_uint16),
            K(reduce_count_nonzero_uint32),
            K(reduce_count_nonzero_uint64),
            K(reduce_count_nonzero_float32),
            K(reduce_count_nonzero_float64),
            K(reduce_max_int64),
            K(reduce_max_int32),
            K(reduce_max_bool),
            K(reduce_max_int8),
            K(reduce_max_int16),
            K(reduce_max_uint8),
            K(reduce_max_uint16),
            K(reduce_max_uint32),
            K(reduce_max_uint64),
            K(reduce_max_float32),
            K(reduce_max_float64),
            K(reduce_min_int64),
            K(reduce_min_int32),
            K(reduce_min_bool),
            K(reduce_min_int8),
            K(reduce_min_int16),
            K(reduce_min_uint8),
            K(reduce_min_uint16),
            K(reduce_min_uint32),
            K(reduce_min_uint64),
            K(reduce_min_float32),
            K(reduce_min_float64),
            K(reduce_prod_int64),
            K(reduce_prod_uint64),
            K(reduce_prod_float64),
            K(reduce_prod_float32),
            K(reduce_sum_int64),
            K(reduce_sum_uint64),
            K(reduce_sum_float64),
            K(reduce_sum_float32),
        };
        py::dict out;
        for (const Entry& e : entries) {
          out[py::str(e.name)] = py::make_tuple(py::int_(e.address), py::str(e.signature));
        }
        return out;
      },
      "{kernel name: (address, signature)} of selected C-ABI kernels (reductions, offsets),\n"
      "for calling them from Numba/ctypes. Every kernel returns 0 on success, else an error\n"
      "code with the failing position in its last (err_index) argument.");
}
