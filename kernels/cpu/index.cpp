// CPU loops of the index and mask kernels (kernels/spec/index.yaml).
#include "jaggy/ops/index.h"

namespace {

using jaggy::kOk;

template <typename T>
int64_t index_validity_impl(const T* index, int64_t n, int64_t content_len, bool allow_missing,
                            int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::index_validity_at(index, content_len, allow_missing, i);
  });
}

template <typename T>
int64_t option_compact_impl(const T* index, int64_t* carry, int64_t* outindex, int64_t* nvalid,
                            int64_t n, int64_t* err_index) {
  int64_t k = 0;
  for (int64_t i = 0; i < n; i++) {
    if (index[i] >= T(0)) {
      carry[k] = static_cast<int64_t>(index[i]);
      outindex[i] = k++;
    } else {
      outindex[i] = -1;
    }
  }
  nvalid[0] = k;
  return kOk;
}

int64_t bytemask_to_index_impl(const int8_t* mask, int64_t* index, int64_t n, bool valid_when,
                               int64_t* err_index) {
  jaggy::for_each(n, [&](int64_t i) { jaggy::ops::bytemask_to_index_at(mask, index, valid_when, i); });
  return kOk;
}

template <typename T>
int64_t bytemask_fill_impl(const T* content, const int8_t* mask, const T* value, T* out, int64_t n,
                           bool valid_when, int64_t* err_index) {
  const T v = value[0];
  jaggy::for_each(n, [&](int64_t i) { jaggy::ops::bytemask_fill_at(content, mask, v, out, valid_when, i); });
  return kOk;
}

int64_t bitmask_to_bytemask_impl(const uint8_t* bitmask, int8_t* bytemask, int64_t n,
                                 bool valid_when, bool lsb_order, int64_t* err_index) {
  jaggy::for_each(n, [&](int64_t i) {
    jaggy::ops::bitmask_to_bytemask_at(bitmask, bytemask, valid_when, lsb_order, i);
  });
  return kOk;
}

template <typename T>
int64_t union_validity_impl(const int8_t* tags, const T* index, const int64_t* content_lens,
                            int64_t n, int64_t ncontents, int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::union_validity_at(tags, index, content_lens, ncontents, i);
  });
}

}  // namespace

JAGGY_DEFINE_index_validity(index_validity_impl)
JAGGY_DEFINE_option_compact(option_compact_impl)
JAGGY_DEFINE_bytemask_to_index(bytemask_to_index_impl)
JAGGY_DEFINE_bytemask_fill(bytemask_fill_impl)
JAGGY_DEFINE_bitmask_to_bytemask(bitmask_to_bytemask_impl)
JAGGY_DEFINE_union_validity(union_validity_impl)
