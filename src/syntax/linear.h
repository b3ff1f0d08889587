// Syntax stage: the classifier every model part uses - an averaged
// perceptron over hashed features. A feature is a 64-bit hash; its bucket
// (the top `bits` bits of a multiplicative hash) holds one weight per class.
// Training keeps float weights and the sums for averaging; Finalize() turns
// the averaged weights into 16-bit integers with one scale, which is what is
// saved, loaded and used to predict (so a loaded model predicts exactly as the
// one that was saved).
//
// A finalized classifier keeps only its non-zero rows, packed, and finds a
// bucket's row through a rank index: per 64 buckets, a 64-bit mask of the
// buckets that have a row and the number of rows before the block. The same
// bytes are the file's layout (model.h, version 2), so a loaded model uses
// them in place, from the mapped file, with nothing parsed per weight.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
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
  bool trained() const { return rows_ != nullptr; }

  // scores[c] for every class (size classes()).
  void Score(const uint64_t* feats, std::size_t n, float* scores) const;
  // One perceptron step: raise `truth`, lower `guess` (no-op when equal).
  void Update(const uint64_t* feats, std::size_t n, int truth, int guess);
  // Ends an example (the averaging clock).
  void Tick() { ++clock_; }
  // Averaged, quantised copy (training weights dropped from the copy).
  Linear Finalized() const;

  // One block of the rank index: which of 64 buckets have a row, and how
  // many rows the blocks before it have.
  struct Block {
    uint64_t mask;
    uint32_t base;
    uint32_t zero;
  };

  // Version 2 (model.h): appends the classifier to `file` (the whole file so
  // far: sections are aligned to 64 bytes from its start).
  void Write(std::string* file) const;
  // Version 2: takes the classifier at `*offset` of `file` in place (no copy;
  // `keep` owns the bytes), checking every size and the rank index.
  bool View(std::string_view file, std::size_t* offset, std::shared_ptr<const void> keep, std::string* error);
  // Version 1 (zlib payload of bucket-numbered rows): copies and packs.
  bool ReadV1(const char*& p, const char* end, std::string* error);

 private:
  std::size_t Bucket(uint64_t f) const { return static_cast<std::size_t>((f * 0x9E3779B97F4A7C15ULL) >> shift_); }
  void Pack(const std::vector<int16_t>& dense);  // fills the owned packed form

  int bits_ = 0, classes_ = 0, shift_ = 64;
  std::vector<float> w_, u_;   // training: weights and clock-weighted sums
  double clock_ = 1;
  // finalized: views into `keep_` (the mapped file, or owned vectors)
  const Block* blocks_ = nullptr;
  const int16_t* rows_ = nullptr;
  uint32_t nrows_ = 0;
  std::shared_ptr<const void> keep_;
  float scale_ = 0;
};

// Index of the best score among classes with allowed[c] (all when null).
int Best(const float* scores, int n, const bool* allowed = nullptr);

}  // namespace attache::syntax
