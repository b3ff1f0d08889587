// Syntax stage: the model of one language and its file.
//
// File format (data/models/<lang>/syntax.bin), version 2, little endian:
//   bytes 0-7    magic "ATSYNTX\0"
//   u32          format version (2)
//   u32          flags, zero
//   u64          XXH3-64 hash (xxhash, seed 0) of the payload (every byte
//                after this 32-byte header)
//   u64          payload size (the file's size less 32)
//   ...          the payload, stored as is (not compressed)
// Payload, in order: strings lang and attribution; the word table (text of
// data/models/<lang>/words.txt); the class names: UPOS tags, relations,
// entity labels (each a u32 count then u32-length-prefixed strings); the
// lemma dictionary (count, then form, UPOS index u8, lemma) and lemma rules
// (count, then UPOS u8, suffix, cut u8, append); then the four classifiers
// (tagger, parser transitions, relation labeller, entity tagger) as
// linear.h's Write lays them out: zero bytes up to the next multiple of 64
// of the file, a 16-byte head (u32 hash bits, u32 classes, f32 scale, u32
// rows), its rank index (one 16-byte block per 64 buckets: u64 mask of the
// buckets that have a row, u32 rows before the block, u32 zero) and its
// non-zero rows of i16 weights, each part 64-byte aligned. The file ends
// with the last row. Load() maps the file and checks the hash, every size
// and every index block against the bytes there are; the weights are then
// used where they lie, so loading costs one fast pass over the file.
//
// Version 1 (still read, e.g. to convert with `attache train --convert`):
// magic, u32 version (1), u32 CRC-32 (zlib) of the uncompressed payload, u64
// compressed and u64 uncompressed payload sizes, then the payload
// zlib-compressed, laid out as above up to the lemma rules;
// its classifiers are u32 bits, u32 classes, f32 scale, u32 rows, then per
// non-zero row its u32 bucket and its i16 weights.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "attache/status.h"
#include "syntax/linear.h"

namespace attache::syntax {

inline constexpr char kModelMagic[8] = {'A', 'T', 'S', 'Y', 'N', 'T', 'X', '\0'};
inline constexpr uint32_t kModelVersion = 2;  // written; 1 is still read

// How the language's tokens become syntactic words (words.txt): lines
// "suffix n't" (split a token ending so, e.g. "don't" -> "do" "n't"),
// "split -" (cut at a character, keeping it as a word: "well-known"),
// "keep U.S." (never split), "#" comments.
struct WordTable {
  std::vector<std::string> suffixes;  // lower case, longest first
  std::string split_chars;
  std::vector<std::string> keep;  // lower case
  static WordTable Parse(std::string_view text);
};

// Lemmas: a dictionary of (form, UPOS) seen in training, else the most
// frequent suffix rule for the word's UPOS and ending, else the form.
struct Lemmatizer {
  std::unordered_map<std::string, std::string> dict;  // key: form + '\t' + upos index char
  struct Rule {
    uint8_t cut;
    std::string append;
  };
  std::unordered_map<std::string, Rule> rules;  // key: upos char + suffix (1-4 chars, lower)
  std::string Lemma(std::string_view form, int upos, bool keep_case) const;
};

class Model {
 public:
  std::string lang, attribution, word_table_text;
  WordTable words;
  std::vector<std::string> upos, deprels, ner;  // class names; ner[0] = "O", then B-x, I-x
  Lemmatizer lemmas;
  Linear tagger, parser, labeller, entities;
  int propn = -1, punct = -1;  // UPOS indexes used by the lemmatiser and features

  // Maps the file read-only; a version 2 model's classifiers use the mapped
  // bytes in place (the mapping lives as long as the model or its copies).
  static Result<Model> Load(const std::string& path);
  Status Save(const std::string& path) const;  // always version 2
  std::string Serialize() const;               // the bytes of a version 2 file
  // From bytes in memory (copied; either version); `name` is for messages.
  static Result<Model> Deserialize(std::string_view file, const std::string& name);
  void Prepare();  // fills derived fields (word table, indexes) after load or training
};

}  // namespace attache::syntax
