// Syntax stage: the averaged perceptron over hashed features (linear.h).
#include "syntax/linear.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace attache::syntax {

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
  if (!q_.empty()) {
    // Rows are scattered over a table larger than the caches: ask for all of
    // them first, so that their loads overlap, then add them up.
    const int16_t* rows[256];
    const std::size_t m = std::min<std::size_t>(n, 256);
    for (std::size_t i = 0; i < m; ++i) {
      rows[i] = &q_[Bucket(feats[i]) * c];
      __builtin_prefetch(rows[i]);
    }
    int32_t acc[256];
    for (int k = 0; k < c; ++k) acc[k] = 0;
    for (std::size_t i = 0; i < m; ++i) {
      const int16_t* row = rows[i];
      for (int k = 0; k < c; ++k) acc[k] += row[k];
    }
    for (int k = 0; k < c; ++k) scores[k] = static_cast<float>(acc[k]);
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
  out.q_.resize(avg.size());
  for (std::size_t i = 0; i < avg.size(); ++i) out.q_[i] = static_cast<int16_t>(std::lround(avg[i] / out.scale_));
  return out;
}

int Best(const float* scores, int n, const bool* allowed) {
  int best = -1;
  for (int k = 0; k < n; ++k)
    if ((!allowed || allowed[k]) && (best < 0 || scores[k] > scores[best])) best = k;
  return best;
}

// Layout: u32 bits, u32 classes, f32 scale, u32 rows, then per non-zero row
// u32 bucket and `classes` i16 weights (little endian, the host's order).
void Linear::Write(std::string* out) const {
  auto put = [out](const void* p, std::size_t n) { out->append(static_cast<const char*>(p), n); };
  const uint32_t b = bits_, c = classes_;
  put(&b, 4);
  put(&c, 4);
  put(&scale_, 4);
  uint32_t rows = 0;
  const std::size_t nb = std::size_t{1} << bits_;
  for (std::size_t r = 0; r < nb; ++r)
    for (uint32_t k = 0; k < c; ++k)
      if (q_[r * c + k]) { ++rows; break; }
  put(&rows, 4);
  for (std::size_t r = 0; r < nb; ++r) {
    bool any = false;
    for (uint32_t k = 0; k < c && !any; ++k) any = q_[r * c + k] != 0;
    if (!any) continue;
    const uint32_t r32 = static_cast<uint32_t>(r);
    put(&r32, 4);
    put(&q_[r * c], 2 * c);
  }
}

bool Linear::Read(const char*& p, const char* end, std::string* error) {
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
  w_.clear();
  u_.clear();
  q_.assign(static_cast<std::size_t>(c) << b, 0);
  for (uint32_t i = 0; i < rows; ++i) {
    uint32_t r = 0;
    if (!get(&r, 4)) return *error = "classifier rows cut short", false;
    if (r >= (1u << b)) return *error = "classifier row index out of range", false;
    if (!get(&q_[static_cast<std::size_t>(r) * c], 2 * c)) return *error = "classifier rows cut short", false;
  }
  return true;
}

}  // namespace attache::syntax
