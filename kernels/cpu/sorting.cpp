// CPU loops of the sorting and scan kernels (kernels/spec/sorting.yaml): one list per iteration,
// lists in parallel above the threshold.
//
// Short lists (the common case of jagged data) are sorted by a branch-free sorting network:
// Batcher's odd-even merge sort for the next power of two, keeping only the comparators whose
// two positions lie inside the list (the dropped ones would only meet padding that is already
// in place). A comparison sort of short random lists spends most of its time on mispredicted
// branches; the network has none that depend on the data.
//
// argsort packs every key and its position into one unsigned integer, (key - min) << bits |
// position, when the keys of the list span few enough values (almost always): the packed
// integers are distinct, so any sort of them is a stable sort of the keys, and the network
// sorts them without carrying positions beside the keys. Lists that do not fit, long lists,
// lists with NaN and masked lists take the general path (stable sort of positions).
#include <algorithm>
#include <cstring>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "jaggy/ops/sorting.h"

namespace {

using jaggy::kOk;
using jaggy::ops::before;
using jaggy::ops::is_nan;

// Longest list sorted by a network (a power of two).
constexpr int kNet = 32;
constexpr int kNetBits = 5;  // bits of a position below kNet

// Comparators of the pruned networks for every length 0..kNet, stored one length after the other.
struct Networks {
  static constexpr int kMaxPairs = 3000;
  uint8_t pairs[kMaxPairs][2] = {};
  int start[kNet + 2] = {};

  constexpr Networks() {
    int count = 0;
    for (int m = 0; m <= kNet; m++) {
      start[m] = count;
      int width = 1;
      while (width < m) width *= 2;
      for (int p = 1; p < width; p *= 2) {
        for (int k = p; k >= 1; k /= 2) {
          for (int j = k % p; j + k < width; j += 2 * k) {
            for (int i = 0; i < k && i + j + k < width; i++) {
              const int a = i + j, b = i + j + k;
              if (a / (2 * p) == b / (2 * p) && b < m) {
                pairs[count][0] = uint8_t(a);
                pairs[count][1] = uint8_t(b);
                count++;
              }
            }
          }
        }
      }
    }
    start[kNet + 1] = count;
  }
};

constexpr Networks kNetworks{};
static_assert(kNetworks.start[kNet + 1] <= Networks::kMaxPairs, "network table too small");

// Compare-exchange without a branch: a[x] goes before a[y] afterwards. Equal values keep their
// places (so -0.0 and 0.0 are moved, never duplicated).
template <bool Asc, typename K>
inline void exchange(K* a, int x, int y) {
#if defined(__SSE2__)
  // compilers turn the selects below into branches for floats (they keep NaN and signed-zero
  // semantics); MINSD/MAXSD are exactly "q < p ? q : p" and "p > q ? p : q"
  if constexpr (std::is_same_v<K, double>) {
    const __m128d p = _mm_load_sd(a + x), q = _mm_load_sd(a + y);
    _mm_store_sd(a + x, Asc ? _mm_min_sd(q, p) : _mm_max_sd(q, p));
    _mm_store_sd(a + y, Asc ? _mm_max_sd(p, q) : _mm_min_sd(p, q));
    return;
  } else if constexpr (std::is_same_v<K, float>) {
    const __m128 p = _mm_load_ss(a + x), q = _mm_load_ss(a + y);
    _mm_store_ss(a + x, Asc ? _mm_min_ss(q, p) : _mm_max_ss(q, p));
    _mm_store_ss(a + y, Asc ? _mm_max_ss(p, q) : _mm_min_ss(p, q));
    return;
  }
#endif
  const K p = a[x], q = a[y];
  // two selects of the same comparison, written so that compilers emit min/max (floats) or
  // conditional moves (integers)
  if (Asc) {
    a[x] = q < p ? q : p;
    a[y] = q < p ? p : q;
  } else {
    a[x] = p < q ? q : p;
    a[y] = p < q ? p : q;
  }
}

// The comparators of the network for length M, for unrolling.
template <int M>
struct FixedNetwork {
  static constexpr int kSize = kNetworks.start[M + 1] - kNetworks.start[M];
  uint8_t first[kSize > 0 ? kSize : 1] = {};
  uint8_t second[kSize > 0 ? kSize : 1] = {};
  constexpr FixedNetwork() {
    for (int t = 0; t < kSize; t++) {
      first[t] = kNetworks.pairs[kNetworks.start[M] + t][0];
      second[t] = kNetworks.pairs[kNetworks.start[M] + t][1];
    }
  }
};

template <bool Asc, typename K, int M, size_t... I>
inline void unrolled_network(K* a, std::index_sequence<I...>) {
  constexpr FixedNetwork<M> net{};
  (exchange<Asc>(a, net.first[I], net.second[I]), ...);
}

#if defined(__SSE2__)
template <bool Asc>
inline void exchange_sd(__m128d* a, int x, int y) {
  const __m128d p = a[x], q = a[y];
  a[x] = Asc ? _mm_min_sd(q, p) : _mm_max_sd(q, p);
  a[y] = Asc ? _mm_max_sd(p, q) : _mm_min_sd(p, q);
}

template <bool Asc, int M, size_t... I>
inline void unrolled_network_sd(__m128d* a, std::index_sequence<I...>) {
  constexpr FixedNetwork<M> net{};
  (exchange_sd<Asc>(a, net.first[I], net.second[I]), ...);
}
#endif

// Sorts data[0:M] with the network unrolled on values held in registers.
template <bool Asc, typename K, int M>
void fixed_network_sort(K* data) {
#if defined(__SSE2__)
  if constexpr (std::is_same_v<K, double>) {
    __m128d r[M];
    for (int t = 0; t < M; t++) r[t] = _mm_load_sd(data + t);
    unrolled_network_sd<Asc, M>(r, std::make_index_sequence<FixedNetwork<M>::kSize>{});
    for (int t = 0; t < M; t++) _mm_store_sd(data + t, r[t]);
    return;
  }
#endif
  K a[M];
  for (int t = 0; t < M; t++) a[t] = data[t];
  unrolled_network<Asc, K, M>(a, std::make_index_sequence<FixedNetwork<M>::kSize>{});
  for (int t = 0; t < M; t++) data[t] = a[t];
}

// Longest list whose network is unrolled.
constexpr int kUnrolled = 16;

// Sorts a[0:m], m <= kNet.
template <bool Asc, typename K>
inline void network_sort(K* a, int64_t m) {
  switch (m) {
#define JAGGY_FIXED_CASE(M) \
  case M:                   \
    fixed_network_sort<Asc, K, M>(a); \
    return;
    JAGGY_FIXED_CASE(2) JAGGY_FIXED_CASE(3) JAGGY_FIXED_CASE(4) JAGGY_FIXED_CASE(5)
    JAGGY_FIXED_CASE(6) JAGGY_FIXED_CASE(7) JAGGY_FIXED_CASE(8) JAGGY_FIXED_CASE(9)
    JAGGY_FIXED_CASE(10) JAGGY_FIXED_CASE(11) JAGGY_FIXED_CASE(12) JAGGY_FIXED_CASE(13)
    JAGGY_FIXED_CASE(14) JAGGY_FIXED_CASE(15) JAGGY_FIXED_CASE(16)
#undef JAGGY_FIXED_CASE
    case 0:
    case 1:
      return;
    default:
      break;
  }
  const uint8_t(*c)[2] = kNetworks.pairs + kNetworks.start[m];
  const uint8_t(*end)[2] = kNetworks.pairs + kNetworks.start[m + 1];
  for (; c != end; ++c) exchange<Asc>(a, (*c)[0], (*c)[1]);
}

// Merges the sorted x[0:nx] and y[0:ny] into out, choosing each item by a select rather than a
// branch (the only branch is the loop test, predictable until one side runs out). Ties take
// the left run first (stable).
template <bool Asc, typename K>
inline void merge_runs(const K* x, int64_t nx, const K* y, int64_t ny, K* out) {
  int64_t i = 0, j = 0, k = 0;
  while (i < nx && j < ny) {
    const bool left = Asc ? !(y[j] < x[i]) : !(x[i] < y[j]);
    out[k++] = *(left ? x + i : y + j);  // a select of addresses: integer, so never a branch
    i += left;
    j += !left;
  }
  while (i < nx) out[k++] = x[i++];
  while (j < ny) out[k++] = y[j++];
}

// Sorts a[0:m] (any m, no NaN): runs of kUnrolled by the unrolled network, then bottom-up merges
// through tmp[0:m]. No comparison branches on the data, unlike std::sort, whose mispredictions
// dominate on lists of tens to hundreds of random keys.
template <bool Asc, typename K>
inline void merge_sort(K* a, int64_t m, K* tmp) {
  int64_t s = 0;
  for (; s + kUnrolled <= m; s += kUnrolled) fixed_network_sort<Asc, K, kUnrolled>(a + s);
  network_sort<Asc>(a + s, m - s);
  K* src = a;
  K* dst = tmp;
  for (int64_t w = kUnrolled; w < m; w *= 2) {
    for (int64_t lo = 0; lo < m; lo += 2 * w) {
      const int64_t mid = lo + w < m ? lo + w : m, hi = lo + 2 * w < m ? lo + 2 * w : m;
      merge_runs<Asc>(src + lo, mid - lo, src + mid, hi - mid, dst + lo);
    }
    std::swap(src, dst);
  }
  if (src != a) std::memcpy(a, src, size_t(m) * sizeof(K));
}

int64_t check_offsets(const int64_t* offsets, int64_t n, int64_t nvalues, int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::segment_ok(offsets, nvalues, i) ? kOk : int64_t(1);
  });
}

// ---------------------------------------------------------------------------------------------
// sort

// Sorts seg[0:len] in place: NaN first, then the values in order.
template <bool Asc, typename T>
void sort_one(T* seg, int64_t len) {
  if constexpr (std::is_floating_point_v<T>) {
    bool any_nan = false;
    for (int64_t j = 0; j < len; j++) any_nan |= is_nan(seg[j]);
    if (any_nan) {  // NaN first (their order among themselves does not matter: all NaN)
      int64_t nnan = 0;
      for (int64_t j = 0; j < len; j++) {
        if (is_nan(seg[j])) std::swap(seg[j], seg[nnan++]);
      }
      seg += nnan;
      len -= nnan;
    }
  }
  if (len <= kNet) {
    network_sort<Asc>(seg, len);
  } else {
    thread_local std::vector<T> scratch;
    scratch.resize(size_t(len));
    merge_sort<Asc>(seg, len, scratch.data());
  }
}

template <bool Asc, typename T>
void sort_lists(const int64_t* offsets, const T* values, T* out, int64_t n) {
  jaggy::for_each(n, [&](int64_t i) {
    const int64_t lo = offsets[i], len = offsets[i + 1] - lo;
    if (len > 0) std::memcpy(out + lo, values + lo, size_t(len) * sizeof(T));
    sort_one<Asc>(out + lo, len);
  });
}

template <typename T>
int64_t segmented_sort_impl(const int64_t* offsets, const T* values, T* out, int64_t n,
                            int64_t nvalues, bool ascending, int64_t* err_index) {
  int64_t status = check_offsets(offsets, n, nvalues, err_index);
  if (status != kOk) return status;
  if (ascending) {
    sort_lists<true>(offsets, values, out, n);
  } else {
    sort_lists<false>(offsets, values, out, n);
  }
  return kOk;
}

// ---------------------------------------------------------------------------------------------
// argsort

// An unsigned integer in the order of the (non-NaN) value x: integer order for integers, numeric
// order for floats, with -0.0 and 0.0 equal.
template <typename T>
inline uint64_t order_key(T x) {
  if constexpr (std::is_same_v<T, double>) {
    const double z = x + 0.0;  // -0.0 + 0.0 is 0.0
    uint64_t bits;
    std::memcpy(&bits, &z, sizeof bits);
    return (bits >> 63) ? ~bits : bits | (uint64_t(1) << 63);
  } else if constexpr (std::is_same_v<T, float>) {
    const float z = x + 0.0f;
    uint32_t bits;
    std::memcpy(&bits, &z, sizeof bits);
    return (bits >> 31) ? uint64_t(~bits) : uint64_t(bits | (uint32_t(1) << 31));
  } else if constexpr (std::is_signed_v<T>) {
    return uint64_t(int64_t(x)) ^ (uint64_t(1) << 63);
  } else {
    return uint64_t(x);
  }
}

// The order keys of v at the positions idx[0:m] (or 0..m-1 with Identity), descending order
// by complement, and their range.
template <bool Asc, bool Identity, typename T>
inline void order_keys(const T* v, const int64_t* idx, int64_t m, uint64_t* keys, uint64_t* lo,
                       uint64_t* hi) {
  uint64_t a = ~uint64_t(0), b = 0;
  for (int64_t t = 0; t < m; t++) {
    const uint64_t k = Asc ? order_key(v[Identity ? t : idx[t]]) : ~order_key(v[Identity ? t : idx[t]]);
    keys[t] = k;
    a = k < a ? k : a;
    b = k > b ? k : b;
  }
  *lo = a;
  *hi = b;
}

// idx[0:m] from sorted packed keys whose low bits (``low``) hold the position they came from
// (a position in idx itself unless Identity; orig[0:m] is scratch space for that case).
template <bool Identity>
inline void positions_from_keys(const uint64_t* packed, int64_t* idx, int64_t m, uint64_t low,
                                int64_t* orig) {
  if constexpr (Identity) {
    for (int64_t t = 0; t < m; t++) idx[t] = int64_t(packed[t] & low);
  } else {
    std::memcpy(orig, idx, size_t(m) * sizeof(int64_t));
    for (int64_t t = 0; t < m; t++) idx[t] = orig[packed[t] & low];
  }
}

// Stable sort of the positions idx[0:m] (increasing on entry) by their values, none NaN or
// missing. Returns false, leaving idx unchanged, when the packed keys do not fit (the caller then
// sorts by comparisons).
template <bool Asc, bool Identity, typename T>
bool packed_argsort(const T* v, int64_t* idx, int64_t m) {
  uint64_t packed[kNet];
  uint64_t lo, hi;
  order_keys<Asc, Identity>(v, idx, m, packed, &lo, &hi);
  constexpr uint64_t kLow = (uint64_t(1) << kNetBits) - 1;
  if (((hi - lo) >> (53 - kNetBits)) == 0) {
    // packed integers below 2^53 are exact as doubles, which the network sorts with MINSD/MAXSD
    // (cheaper than integer conditional moves)
    double d[kNet];
    for (int64_t t = 0; t < m; t++) d[t] = double(int64_t(((packed[t] - lo) << kNetBits) | uint64_t(t)));
    network_sort<true>(d, m);
    for (int64_t t = 0; t < m; t++) packed[t] = uint64_t(int64_t(d[t]));
  } else {
    if (((hi - lo) >> (64 - kNetBits)) != 0) return false;
    for (int64_t t = 0; t < m; t++) packed[t] = ((packed[t] - lo) << kNetBits) | uint64_t(t);
    network_sort<true>(packed, m);
  }
  int64_t orig[kNet];
  positions_from_keys<Identity>(packed, idx, m, kLow, orig);
  return true;
}

// packed_argsort for lists longer than a network: the packed (key, position) integers, distinct,
// are sorted directly (no comparison through the positions, which std::stable_sort of positions
// pays on every step). Returns false when the keys span too many values to pack.
template <bool Asc, bool Identity, typename T>
bool packed_argsort_long(const T* v, int64_t* idx, int64_t m) {
  const int bits = 64 - __builtin_clzll(uint64_t(m - 1));  // m >= 2: positions fit in bits
  thread_local std::vector<uint64_t> packed, scratch;
  thread_local std::vector<int64_t> orig;
  packed.resize(size_t(m));
  scratch.resize(size_t(m));
  uint64_t lo, hi;
  order_keys<Asc, Identity>(v, idx, m, packed.data(), &lo, &hi);
  if (bits >= 64 || ((hi - lo) >> (64 - bits)) != 0) return false;
  for (int64_t t = 0; t < m; t++) packed[size_t(t)] = ((packed[size_t(t)] - lo) << bits) | uint64_t(t);
  merge_sort<true>(packed.data(), m, scratch.data());
  if (!Identity) orig.resize(size_t(m));
  positions_from_keys<Identity>(packed.data(), idx, m, (uint64_t(1) << bits) - 1, orig.data());
  return true;
}

// Stable sort of the positions idx[0:m] (increasing on entry) by their values, none NaN or
// missing.
template <bool Asc, bool Identity, typename T>
void argsort_range(const T* v, int64_t* idx, int64_t m) {
  if (m <= 1) {
    if (Identity && m == 1) idx[0] = 0;
    return;
  }
  if (m <= kNet && packed_argsort<Asc, Identity>(v, idx, m)) return;
  if (m > kNet && packed_argsort_long<Asc, Identity>(v, idx, m)) return;
  if (Identity) {
    for (int64_t t = 0; t < m; t++) idx[t] = t;
  }
  std::stable_sort(idx, idx + m, [v](int64_t x, int64_t y) { return before(v[x], v[y], Asc); });
}

template <bool Asc, typename T>
void argsort_one(const T* v, const int8_t* mk, int64_t* o, int64_t len) {
  bool plain = mk == nullptr;
  if constexpr (std::is_floating_point_v<T>) {
    bool any_nan = false;
    for (int64_t j = 0; j < len; j++) any_nan |= is_nan(v[j]);
    plain = plain && !any_nan;
  }
  if (plain) {
    argsort_range<Asc, true>(v, o, len);
    return;
  }
  // three stable classes written in order: NaN, values, missing
  int64_t nnan = 0, nmiss = 0;
  for (int64_t j = 0; j < len; j++) {
    if (mk && mk[j] == 0) continue;
    if (is_nan(v[j])) o[nnan++] = j;
  }
  int64_t p = nnan;
  for (int64_t j = 0; j < len; j++) {
    if (mk && mk[j] == 0) {
      nmiss++;
      continue;
    }
    if (!is_nan(v[j])) o[p++] = j;
  }
  if (nmiss) {
    int64_t q = p;
    for (int64_t j = 0; j < len; j++) {
      if (mk[j] == 0) o[q++] = j;
    }
  }
  argsort_range<Asc, false>(v, o + nnan, p - nnan);
}

template <bool Asc, typename T>
void argsort_lists(const int64_t* offsets, const T* values, const int8_t* mask, int64_t* out,
                   int64_t n, int64_t nmask) {
  jaggy::for_each(n, [&](int64_t i) {
    const int64_t lo = offsets[i], len = offsets[i + 1] - lo;
    argsort_one<Asc>(values + lo, nmask ? mask + lo : nullptr, out + lo, len);
  });
}

template <typename T>
int64_t segmented_argsort_impl(const int64_t* offsets, const T* values, const int8_t* mask,
                               int64_t* out, int64_t n, int64_t nvalues, int64_t nmask,
                               bool ascending, int64_t* err_index) {
  if (nmask != 0 && nmask != nvalues) {
    *err_index = nmask;
    return jaggy::segmented_argsort_err::bad_mask;
  }
  int64_t status = check_offsets(offsets, n, nvalues, err_index);
  if (status != kOk) return status;
  if (ascending) {
    argsort_lists<true>(offsets, values, mask, out, n, nmask);
  } else {
    argsort_lists<false>(offsets, values, mask, out, n, nmask);
  }
  return kOk;
}

// ---------------------------------------------------------------------------------------------
// scan

template <typename T>
int64_t segmented_scan_impl(const int64_t* offsets, const T* values, T* out, int64_t n,
                            int64_t nvalues, int64_t op, int64_t* err_index) {
  if (op != 0 && op != 1) {
    *err_index = op;
    return jaggy::segmented_scan_err::bad_op;
  }
  int64_t status = check_offsets(offsets, n, nvalues, err_index);
  if (status != kOk) return status;
  jaggy::for_each(n, [&](int64_t i) { jaggy::ops::segmented_scan_at(offsets, values, out, op, i); });
  return kOk;
}

}  // namespace

JAGGY_DEFINE_segmented_sort(segmented_sort_impl)
JAGGY_DEFINE_segmented_argsort(segmented_argsort_impl)
JAGGY_DEFINE_segmented_scan(segmented_scan_impl)
