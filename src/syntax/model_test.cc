// Tests of the syntax model's file (model.h): a version 1 file written by
// hand here is still read and converts to version 2 with the same weights;
// version 2 files that are cut, padded, corrupted, inconsistent or of an
// unknown version are refused with their name and the reason.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "syntax/linear.h"
#include "syntax/model.h"

namespace attache::syntax {
namespace {

void Put32(std::string* out, uint32_t v) { out->append(reinterpret_cast<const char*>(&v), 4); }
void PutStr(std::string* out, const std::string& s) {
  Put32(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}
void PutNames(std::string* out, const std::vector<std::string>& names) {
  Put32(out, static_cast<uint32_t>(names.size()));
  for (const auto& n : names) PutStr(out, n);
}

// Weight k of bucket b in the hand-written classifiers: rows only for the
// buckets that are multiples of 3, so the index has holes.
int16_t Weight(uint32_t b, int k, int salt) { return static_cast<int16_t>(b % 3 == 0 ? salt * 100 + b * 5 - k : 0); }

// A version 1 file, laid out as model.h describes it, with 4-bit classifiers.
std::string Version1File() {
  std::string p;
  PutStr(&p, "en");
  PutStr(&p, "written for this test");
  PutStr(&p, "split -\n");
  PutNames(&p, {"NOUN", "PUNCT"});
  PutNames(&p, {"root", "punct"});
  PutNames(&p, {"O", "B-PER", "I-PER"});
  Put32(&p, 1);
  PutStr(&p, std::string("geese\t") + '\0');
  PutStr(&p, "goose");
  Put32(&p, 0);
  const int classes[4] = {2, 3, 2, 3};
  for (int salt = 0; salt < 4; ++salt) {
    Put32(&p, 4);
    Put32(&p, static_cast<uint32_t>(classes[salt]));
    const float scale = 0.25f;
    p.append(reinterpret_cast<const char*>(&scale), 4);
    Put32(&p, 6);  // buckets 0, 3, ..., 15
    for (uint32_t b = 0; b < 16; b += 3) {
      Put32(&p, b);
      for (int k = 0; k < classes[salt]; ++k) {
        const int16_t w = Weight(b, k, salt + 1);
        p.append(reinterpret_cast<const char*>(&w), 2);
      }
    }
  }
  uLongf bound = compressBound(p.size());
  std::string packed(bound, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &bound, reinterpret_cast<const Bytef*>(p.data()), p.size(), 6);
  packed.resize(bound);
  std::string out(kModelMagic, 8);
  Put32(&out, 1);
  Put32(&out, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(p.data()), p.size())));
  const uint64_t sizes[2] = {packed.size(), p.size()};
  out.append(reinterpret_cast<const char*>(sizes), 16);
  return out + packed;
}

// Every classifier of `m` scores feature f as the hand-written rows say.
void ExpectHandWrittenWeights(const Model& m) {
  const Linear* parts[4] = {&m.tagger, &m.parser, &m.labeller, &m.entities};
  for (int salt = 0; salt < 4; ++salt) {
    for (uint64_t i = 0; i < 200; ++i) {
      const uint64_t f = HashString(std::to_string(i));
      const uint32_t b = static_cast<uint32_t>((f * 0x9E3779B97F4A7C15ULL) >> 60);
      float got[8];
      parts[salt]->Score(&f, 1, got);
      for (int k = 0; k < parts[salt]->classes(); ++k)
        ASSERT_EQ(got[k], static_cast<float>(Weight(b, k, salt + 1))) << "classifier " << salt << " bucket " << b;
    }
  }
}

void RefreshHash(std::string* file) {
  const uint64_t hash = XXH3_64bits(file->data() + 32, file->size() - 32);
  std::memcpy(file->data() + 16, &hash, 8);
}

std::string Message(const Result<Model>& r) { return r.ok() ? "(loaded)" : r.status().message(); }

// Scores of several features are the exact sums of each feature's row, for
// class counts that fill the eight-class SIMD blocks, leave a tail, or are
// below one block (the parser's three moves).
TEST(SyntaxLinear, ScoresAreExactSumsOfRowsForEveryClassCount) {
  for (int classes : {2, 3, 7, 8, 9, 17, 45, 64}) {
    Linear train(10, classes);
    std::vector<uint64_t> feats;
    for (uint64_t i = 0; i < 300; ++i) feats.push_back(HashString("feature " + std::to_string(i)));
    for (int step = 0; step < 400; ++step) {
      const uint64_t* f = &feats[static_cast<std::size_t>(step * 7) % (feats.size() - 20)];
      train.Update(f, 20, step % classes, (step * 5 + 1) % classes);
      train.Tick();
    }
    const Linear m = train.Finalized();
    for (std::size_t n : {std::size_t{1}, std::size_t{2}, std::size_t{5}, std::size_t{64}, std::size_t{256}}) {
      std::vector<float> got(static_cast<std::size_t>(classes)), one(static_cast<std::size_t>(classes));
      std::vector<double> want(static_cast<std::size_t>(classes), 0.0);
      const std::size_t from = n % 17;
      m.Score(&feats[from], n, got.data());
      for (std::size_t i = 0; i < n; ++i) {
        m.Score(&feats[from + i], 1, one.data());
        for (int k = 0; k < classes; ++k) want[static_cast<std::size_t>(k)] += one[static_cast<std::size_t>(k)];
      }
      for (int k = 0; k < classes; ++k)
        ASSERT_EQ(got[static_cast<std::size_t>(k)], static_cast<float>(want[static_cast<std::size_t>(k)]))
            << classes << " classes, " << n << " features, class " << k;
    }
  }
}

TEST(SyntaxModelFile, Version1IsStillReadAndConvertsWithTheSameWeights) {
  auto v1 = Model::Deserialize(Version1File(), "v1.bin");
  ASSERT_TRUE(v1.ok()) << v1.status().ToString();
  EXPECT_EQ(v1.value().lemmas.Lemma("geese", 0, false), "goose");
  ExpectHandWrittenWeights(v1.value());

  const std::string v2 = v1.value().Serialize();
  uint32_t version = 0;
  std::memcpy(&version, v2.data() + 8, 4);
  EXPECT_EQ(version, 2u);
  auto back = Model::Deserialize(v2, "v2.bin");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectHandWrittenWeights(back.value());
  EXPECT_EQ(back.value().Serialize(), v2);

  // Saved and loaded from the file (mapped, used in place); the copy of a
  // loaded model outlives the original and still reads its weights.
  const std::string path = ::testing::TempDir() + "/attache_model_v2.bin";
  ASSERT_TRUE(back.value().Save(path).ok());
  Model copy;
  {
    auto loaded = Model::Load(path);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    copy = loaded.value();
  }
  ExpectHandWrittenWeights(copy);
  EXPECT_EQ(copy.Serialize(), v2);
  std::remove(path.c_str());
}

TEST(SyntaxModelFile, BadVersion2FilesAreRefusedWithTheirNameAndReason) {
  auto v1 = Model::Deserialize(Version1File(), "v1.bin");
  ASSERT_TRUE(v1.ok()) << v1.status().ToString();
  const std::string good = v1.value().Serialize();

  std::string v3 = good;
  v3[8] = 3;
  auto r = Model::Deserialize(v3, "v3.bin");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(Message(r).find("v3.bin"), std::string::npos);
  EXPECT_NE(Message(r).find("version 3"), std::string::npos) << Message(r);
  EXPECT_NE(Message(r).find("versions 1 and 2"), std::string::npos) << Message(r);

  std::string flags = good;
  flags[12] = 1;
  r = Model::Deserialize(flags, "flags.bin");
  EXPECT_NE(Message(r).find("flags.bin: unknown header flags"), std::string::npos) << Message(r);

  r = Model::Deserialize(good + std::string(64, '\0'), "padded.bin");
  EXPECT_NE(Message(r).find("padded.bin: truncated or padded"), std::string::npos) << Message(r);
  r = Model::Deserialize(good.substr(0, good.size() - 2), "cut.bin");
  EXPECT_NE(Message(r).find("cut.bin: truncated"), std::string::npos) << Message(r);

  // Cut, with a size that agrees: the checksum, then (hash refreshed) the
  // classifier that has lost its last row.
  std::string cut = good.substr(0, good.size() - 6);
  const uint64_t size = cut.size() - 32;
  std::memcpy(cut.data() + 24, &size, 8);
  r = Model::Deserialize(cut, "cut2.bin");
  EXPECT_NE(Message(r).find("cut2.bin: checksum mismatch"), std::string::npos) << Message(r);
  RefreshHash(&cut);
  r = Model::Deserialize(cut, "cut3.bin");
  EXPECT_NE(Message(r).find("cut3.bin: classifier rows cut short"), std::string::npos) << Message(r);

  // A flipped weight byte: the checksum.
  std::string flipped = good;
  flipped[flipped.size() - 3] ^= 0x10;
  r = Model::Deserialize(flipped, "flipped.bin");
  EXPECT_NE(Message(r).find("flipped.bin: checksum mismatch"), std::string::npos) << Message(r);

  // An index that claims a row the file does not have, hash refreshed:
  // refused before any look-up could read past the rows. The tagger's head
  // (4 bits, 2 classes) is the first 64-byte-aligned one; its index follows.
  std::string holes = good;
  std::size_t head = 64;
  const char want[8] = {4, 0, 0, 0, 2, 0, 0, 0};
  while (head + 8 <= holes.size() && std::memcmp(holes.data() + head, want, 8) != 0) head += 64;
  ASSERT_LT(head + 128, holes.size());
  holes[head + 64] ^= 0x02;  // bucket 1 of the first block
  RefreshHash(&holes);
  r = Model::Deserialize(holes, "holes.bin");
  EXPECT_NE(Message(r).find("holes.bin: classifier index"), std::string::npos) << Message(r);

  const std::string path = ::testing::TempDir() + "/attache_model_short.bin";
  std::ofstream(path, std::ios::binary) << "ATSYNTX";
  r = Model::Load(path);
  EXPECT_NE(Message(r).find(path + ": file too short"), std::string::npos) << Message(r);
  std::remove(path.c_str());
  r = Model::Load("/nonexistent/syntax.bin");
  EXPECT_NE(Message(r).find("/nonexistent/syntax.bin: cannot open"), std::string::npos) << Message(r);
}

}  // namespace
}  // namespace attache::syntax
