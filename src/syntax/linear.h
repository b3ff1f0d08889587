// Syntax stage: the classifier every model part uses - an averaged
// perceptron over hashed features. A feature is a 64-bit hash; its bucket
// (the top `bits` bits of a multiplicative hash) holds one weight per class.
// Training keeps float weights and the sums for averaging; Finalize() turns
// the averaged weights into 16-bit integers with one scale, which is what is
// saved, loaded and used to predict (so a loaded model predicts exactly as the
// one that was saved).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace attache::syntax {

inline uint64_t Mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h * 0xff51afd7ed558ccdULL;
}
uint64_t HashString(std::string_view s);

class Linear {
 public:
  Linear() = default;
  Linear(int bits, int classes);

  int classes() const { return classes_; }
  int bits() const { return bits_; }
  bool trained() const { return !q_.empty(); }

  // scores[c] for every class (size classes()).
  void Score(const uint64_t* feats, std::size_t n, float* scores) const;
  // One perceptron step: raise `truth`, lower `guess` (no-op when equal).
  void Update(const uint64_t* feats, std::size_t n, int truth, int guess);
  // Ends an example (the averaging clock).
  void Tick() { ++clock_; }
  // Averaged, quantised copy (training weights dropped from the copy).
  Linear Finalized() const;

  // Serialisation of a finalized model (see model.cc).
  void Write(std::string* out) const;
  bool Read(const char*& p, const char* end, std::string* error);

 private:
  std::size_t Bucket(uint64_t f) const { return static_cast<std::size_t>((f * 0x9E3779B97F4A7C15ULL) >> shift_); }

  int bits_ = 0, classes_ = 0, shift_ = 64;
  std::vector<float> w_, u_;   // training: weights and clock-weighted sums
  double clock_ = 1;
  std::vector<int16_t> q_;     // finalized
  float scale_ = 0;
};

// Index of the best score among classes with allowed[c] (all when null).
int Best(const float* scores, int n, const bool* allowed = nullptr);

}  // namespace attache::syntax
