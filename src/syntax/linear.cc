// Syntax stage: the averaged perceptron over hashed features (linear.h).
#include "syntax/linear.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace attache::syntax {

namespace {

// Bits set in x, in a dozen operations: on the generic x86-64 target,
// __builtin_popcountll is a call into libgcc.
inline int Popcount64(uint64_t x) {
  x -= (x >> 1) & 0x5555555555555555ULL;
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
  return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
}

// The rows of the buckets of m features (the bucket's rank among the
// buckets of its block that have a row, plus the block's base), prefetched;
// buckets without a row (all weights zero) are left out. Returns how many.
template <bool kPopcnt>
[[gnu::always_inline]] inline std::size_t GatherRows(const Linear::Block* blocks, const int16_t* rows, int classes,
                                                     const std::size_t* buckets, std::size_t m, const int16_t** out) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < m; ++i) {
    const Linear::Block& k = blocks[buckets[i] >> 6];
    const uint64_t bit = uint64_t{1} << (buckets[i] & 63);
    if (!(k.mask & bit)) continue;
    const uint64_t before = k.mask & (bit - 1);
    const int rank = kPopcnt ? __builtin_popcountll(before) : Popcount64(before);
    const int16_t* row = rows + static_cast<std::size_t>(k.base + static_cast<uint32_t>(rank)) * classes;
    __builtin_prefetch(row);
    out[n++] = row;
  }
  return n;
}

// The same with the popcnt instruction, which nearly every x86-64 processor
// has (chosen at run time: the build targets generic x86-64).
#if defined(__x86_64__) && !defined(__POPCNT__)
[[gnu::target("popcnt")]] std::size_t GatherRowsPopcnt(const Linear::Block* blocks, const int16_t* rows, int classes,
                                                        const std::size_t* buckets, std::size_t m, const int16_t** out) {
  return GatherRows<true>(blocks, rows, classes, buckets, m, out);
}
bool HavePopcnt() {
  static const bool have = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("popcnt") != 0;
  }();
  return have;
}
#endif

// scores[k] = the sum of rows[i][k] over the rows, k < c (exact: 32-bit
// integer sums, then floats). With eight classes or more: eight classes at
// a time in SSE2 registers (the x86-64 baseline), summed over all the rows
// before they are stored, sixteen per pass over the rows where they fit; a
// last run of fewer than eight is summed as the row's last eight classes
// (the overlap is summed again, to the same values), so that no load reads
// past a row. Fewer classes (the parser's three moves, the name finder's
// seven labels): one pass over the rows with the sums in registers. The
// plain loop, one class of one row per add, was left scalar.
#if defined(__SSE2__)
inline __m128i Lo32(__m128i v) { return _mm_srai_epi32(_mm_unpacklo_epi16(v, v), 16); }  // sign-extended
inline __m128i Hi32(__m128i v) { return _mm_srai_epi32(_mm_unpackhi_epi16(v, v), 16); }
inline __m128i Load8(const int16_t* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }

void SumEight(const int16_t* const* rows, std::size_t n, int k, float* scores) {
  __m128i lo = _mm_setzero_si128(), hi = _mm_setzero_si128();
  for (std::size_t i = 0; i < n; ++i) {
    const __m128i v = Load8(rows[i] + k);
    lo = _mm_add_epi32(lo, Lo32(v));
    hi = _mm_add_epi32(hi, Hi32(v));
  }
  _mm_storeu_ps(scores + k, _mm_cvtepi32_ps(lo));
  _mm_storeu_ps(scores + k + 4, _mm_cvtepi32_ps(hi));
}
#endif

template <int C>
void SumFew(const int16_t* const* rows, std::size_t n, float* scores) {
  int32_t acc[C] = {};
  for (std::size_t i = 0; i < n; ++i) {
    const int16_t* row = rows[i];
    for (int k = 0; k < C; ++k) acc[k] += row[k];
  }
  for (int k = 0; k < C; ++k) scores[k] = static_cast<float>(acc[k]);
}

void SumRows(const int16_t* const* rows, std::size_t n, int c, float* scores) {
  switch (c) {
    case 1: return SumFew<1>(rows, n, scores);
    case 2: return SumFew<2>(rows, n, scores);
    case 3: return SumFew<3>(rows, n, scores);
    case 4: return SumFew<4>(rows, n, scores);
    case 5: return SumFew<5>(rows, n, scores);
    case 6: return SumFew<6>(rows, n, scores);
    case 7: return SumFew<7>(rows, n, scores);
    default: break;
  }
#if defined(__SSE2__)
  int k = 0;
  for (; k + 16 <= c; k += 16) {
    __m128i a = _mm_setzero_si128(), b = a, d = a, e = a;
    for (std::size_t i = 0; i < n; ++i) {
      const __m128i v = Load8(rows[i] + k), w = Load8(rows[i] + k + 8);
      a = _mm_add_epi32(a, Lo32(v));
      b = _mm_add_epi32(b, Hi32(v));
      d = _mm_add_epi32(d, Lo32(w));
      e = _mm_add_epi32(e, Hi32(w));
    }
    _mm_storeu_ps(scores + k, _mm_cvtepi32_ps(a));
    _mm_storeu_ps(scores + k + 4, _mm_cvtepi32_ps(b));
    _mm_storeu_ps(scores + k + 8, _mm_cvtepi32_ps(d));
    _mm_storeu_ps(scores + k + 12, _mm_cvtepi32_ps(e));
  }
  if (k + 8 <= c) SumEight(rows, n, k, scores), k += 8;
  if (k < c) SumEight(rows, n, c - 8, scores);
#else
  for (int k = 0; k < c; ++k) {
    int32_t acc = 0;
    for (std::size_t i = 0; i < n; ++i) acc += rows[i][k];
    scores[k] = static_cast<float>(acc);
  }
#endif
}

}  // namespace

uint64_t HashString(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a, then a final mix
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return Mix(h, s.size());
}

Linear::Linear(int bits, int classes)
    : bits_(bits), classes_(classes), shift_(64 - bits),
      w_(static_cast<std::size_t>(classes) << bits, 0.0f), u_(w_.size(), 0.0f) {}

void Linear::Score(const uint64_t* feats, std::size_t n, float* scores) const {
  const int c = classes_;
  if (rows_) {
    // Rows are scattered over tables larger than the caches: ask for all the
    // index blocks of a step first, then all the rows, so that their loads
    // overlap, then add them up.
    const std::size_t m = std::min<std::size_t>(n, 256);
    std::size_t buckets[256];
    for (std::size_t i = 0; i < m; ++i) {
      buckets[i] = Bucket(feats[i]);
      __builtin_prefetch(&blocks_[buckets[i] >> 6]);
    }
    const int16_t* rows[256];
#if defined(__x86_64__) && !defined(__POPCNT__)
    const std::size_t k_rows = HavePopcnt() ? GatherRowsPopcnt(blocks_, rows_, c, buckets, m, rows)
                                            : GatherRows<false>(blocks_, rows_, c, buckets, m, rows);
#elif defined(__POPCNT__)
    const std::size_t k_rows = GatherRows<true>(blocks_, rows_, c, buckets, m, rows);
#else
    const std::size_t k_rows = GatherRows<false>(blocks_, rows_, c, buckets, m, rows);
#endif
    SumRows(rows, k_rows, c, scores);
    return;
  }
  for (int k = 0; k < c; ++k) scores[k] = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const float* row = &w_[Bucket(feats[i]) * c];
    for (int k = 0; k < c; ++k) scores[k] += row[k];
  }
}

void Linear::Update(const uint64_t* feats, std::size_t n, int truth, int guess) {
  if (truth == guess || w_.empty()) return;
  const float t = static_cast<float>(clock_);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t row = Bucket(feats[i]) * classes_;
    w_[row + truth] += 1;
    u_[row + truth] += t;
    if (guess >= 0) {
      w_[row + guess] -= 1;
      u_[row + guess] -= t;
    }
  }
}

Linear Linear::Finalized() const {
  Linear out;
  out.bits_ = bits_;
  out.classes_ = classes_;
  out.shift_ = shift_;
  std::vector<float> avg(w_.size());
  float mx = 0;
  for (std::size_t i = 0; i < w_.size(); ++i) {
    avg[i] = w_[i] - u_[i] / static_cast<float>(clock_);
    mx = std::max(mx, std::fabs(avg[i]));
  }
  out.scale_ = mx > 0 ? mx / 32767.0f : 1.0f;
  std::vector<int16_t> q(avg.size());
  for (std::size_t i = 0; i < avg.size(); ++i) q[i] = static_cast<int16_t>(std::lround(avg[i] / out.scale_));
  out.Pack(q);
  return out;
}

void Linear::Pack(const std::vector<int16_t>& dense) {
  struct Owned {
    std::vector<Block> blocks;
    std::vector<int16_t> rows;
  };
  auto own = std::make_shared<Owned>();
  const std::size_t nb = std::size_t{1} << bits_, c = static_cast<std::size_t>(classes_);
  own->blocks.assign((nb + 63) / 64, Block{0, 0, 0});
  uint32_t count = 0;
  for (std::size_t r = 0; r < nb; ++r) {
    Block& k = own->blocks[r >> 6];
    if ((r & 63) == 0) k.base = count;
    const int16_t* row = &dense[r * c];
    if (std::all_of(row, row + c, [](int16_t v) { return v == 0; })) continue;
    k.mask |= uint64_t{1} << (r & 63);
    own->rows.insert(own->rows.end(), row, row + c);
    ++count;
  }
  w_.clear();
  u_.clear();
  nrows_ = count;
  blocks_ = own->blocks.data();
  rows_ = own->rows.data();
  keep_ = std::move(own);
}

int Best(const float* scores, int n, const bool* allowed) {
  int best = -1;
  for (int k = 0; k < n; ++k)
    if ((!allowed || allowed[k]) && (best < 0 || scores[k] > scores[best])) best = k;
  return best;
}

namespace {

void PadTo64(std::string* file) { file->append((64 - file->size() % 64) % 64, '\0'); }
std::size_t Up64(std::size_t n) { return (n + 63) / 64 * 64; }

}  // namespace

// Version 2 layout, each part starting at a multiple of 64 bytes of the file:
// u32 bits, u32 classes, f32 scale, u32 rows; the rank index (one Block of 16
// bytes per 64 buckets); the rows, `classes` i16 weights each, in bucket
// order (little endian, the host's order).
void Linear::Write(std::string* file) const {
  auto put = [file](const void* p, std::size_t n) { file->append(static_cast<const char*>(p), n); };
  const uint32_t head[4] = {static_cast<uint32_t>(bits_), static_cast<uint32_t>(classes_), 0, nrows_};
  PadTo64(file);
  put(head, 8);
  put(&scale_, 4);
  put(&head[3], 4);
  PadTo64(file);
  put(blocks_, sizeof(Block) * (((std::size_t{1} << bits_) + 63) / 64));
  PadTo64(file);
  put(rows_, sizeof(int16_t) * nrows_ * static_cast<std::size_t>(classes_));
}

bool Linear::View(std::string_view file, std::size_t* offset, std::shared_ptr<const void> keep, std::string* error) {
  std::size_t at = Up64(*offset);
  auto need = [&](std::size_t n) { return at <= file.size() && file.size() - at >= n; };
  if (!need(16)) return *error = "classifier header cut short", false;
  uint32_t b = 0, c = 0, rows = 0;
  std::memcpy(&b, file.data() + at, 4);
  std::memcpy(&c, file.data() + at + 4, 4);
  std::memcpy(&scale_, file.data() + at + 8, 4);
  std::memcpy(&rows, file.data() + at + 12, 4);
  if (b < 4 || b > 26 || c < 1 || c > 256) return *error = "classifier sizes out of range", false;
  if (rows > (1u << b)) return *error = "classifier row count out of range", false;
  const std::size_t nblocks = ((std::size_t{1} << b) + 63) / 64;
  at = Up64(at + 16);
  if (!need(nblocks * sizeof(Block))) return *error = "classifier index cut short", false;
  const char* index = file.data() + at;
  if (reinterpret_cast<uintptr_t>(index) % alignof(Block) != 0) return *error = "classifier index misaligned", false;
  const Block* blocks = reinterpret_cast<const Block*>(index);
  // The index must count exactly the rows stored, or a look-up could read
  // past them.
  uint64_t count = 0;
  for (std::size_t i = 0; i < nblocks; ++i) {
    if (blocks[i].base != count) return *error = "classifier index inconsistent", false;
    count += static_cast<uint64_t>(Popcount64(blocks[i].mask));
  }
  if (b < 6 && (blocks[0].mask >> (1u << b)) != 0) return *error = "classifier index inconsistent", false;
  if (count != rows) return *error = "classifier index does not match its row count", false;
  at = Up64(at + nblocks * sizeof(Block));
  const std::size_t row_bytes = sizeof(int16_t) * rows * static_cast<std::size_t>(c);
  if (!need(row_bytes)) return *error = "classifier rows cut short", false;
  bits_ = static_cast<int>(b);
  classes_ = static_cast<int>(c);
  shift_ = 64 - bits_;
  w_.clear();
  u_.clear();
  nrows_ = rows;
  blocks_ = blocks;
  rows_ = reinterpret_cast<const int16_t*>(file.data() + at);
  keep_ = std::move(keep);
  *offset = at + row_bytes;
  return true;
}

// Version 1 layout (inside the zlib payload): u32 bits, u32 classes, f32
// scale, u32 rows, then per non-zero row u32 bucket and `classes` i16 weights.
bool Linear::ReadV1(const char*& p, const char* end, std::string* error) {
  auto get = [&](void* dst, std::size_t n) {
    if (static_cast<std::size_t>(end - p) < n) return false;
    std::memcpy(dst, p, n);
    p += n;
    return true;
  };
  uint32_t b = 0, c = 0, rows = 0;
  if (!get(&b, 4) || !get(&c, 4) || !get(&scale_, 4) || !get(&rows, 4)) return *error = "classifier header cut short", false;
  if (b < 4 || b > 26 || c < 1 || c > 256) return *error = "classifier sizes out of range", false;
  if (rows > (1u << b)) return *error = "classifier row count out of range", false;
  bits_ = static_cast<int>(b);
  classes_ = static_cast<int>(c);
  shift_ = 64 - bits_;
  std::vector<int16_t> q(static_cast<std::size_t>(c) << b, 0);
  for (uint32_t i = 0; i < rows; ++i) {
    uint32_t r = 0;
    if (!get(&r, 4)) return *error = "classifier rows cut short", false;
    if (r >= (1u << b)) return *error = "classifier row index out of range", false;
    if (!get(&q[static_cast<std::size_t>(r) * c], 2 * c)) return *error = "classifier rows cut short", false;
  }
  Pack(q);
  return true;
}

}  // namespace attache::syntax
