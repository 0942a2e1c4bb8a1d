// Per-entry bodies of the index and mask kernels, shared by the CPU loops and the CUDA launches.
#pragma once

#include "jaggy/common.h"
#include "jaggy/kernels_generated.h"

namespace jaggy::ops {

template <typename T>
JAGGY_HD int64_t index_validity_at(const T* index, int64_t content_len, bool allow_missing,
                                   int64_t i) {
  T v = index[i];
  if (v < T(0)) return allow_missing ? kOk : index_validity_err::negative;
  if (static_cast<int64_t>(v) >= content_len) return index_validity_err::beyond_content;
  return kOk;
}

JAGGY_HD void bytemask_to_index_at(const int8_t* mask, int64_t* index, bool valid_when, int64_t i) {
  index[i] = ((mask[i] != 0) == valid_when) ? i : -1;
}

template <typename T>
JAGGY_HD void bytemask_fill_at(const T* content, const int8_t* mask, T value, T* out, bool valid_when,
                               int64_t i) {
  const T c = content[i];  // loaded unconditionally: the select below then needs no branch
  out[i] = ((mask[i] != 0) == valid_when) ? c : value;
}

JAGGY_HD void bitmask_to_bytemask_at(const uint8_t* bitmask, int8_t* bytemask, bool valid_when,
                                     bool lsb_order, int64_t i) {
  uint8_t byte = bitmask[i >> 3];
  int shift = lsb_order ? static_cast<int>(i & 7) : 7 - static_cast<int>(i & 7);
  bool bit = ((byte >> shift) & 1) != 0;
  bytemask[i] = (bit == valid_when) ? 1 : 0;
}

template <typename T>
JAGGY_HD int64_t union_validity_at(const int8_t* tags, const T* index, const int64_t* content_lens,
                                   int64_t ncontents, int64_t i) {
  int8_t tag = tags[i];
  if (tag < 0 || tag >= ncontents) return union_validity_err::bad_tag;
  T v = index[i];
  if (v < T(0)) return union_validity_err::negative_index;
  if (static_cast<int64_t>(v) >= content_lens[tag]) return union_validity_err::beyond_content;
  return kOk;
}

}  // namespace jaggy::ops
