// Syntax stage: the model of one language and its file.
//
// File format (data/models/<lang>/syntax.bin), version 1, little endian:
//   bytes 0-7    magic "ATSYNTX\0"
//   u32          format version (1)
//   u32          CRC-32 (zlib) of the uncompressed payload
//   u64          payload size compressed, u64 payload size uncompressed
//   ...          the payload, zlib-compressed
// Payload, in order: strings lang and attribution; the word table (text of
// data/models/<lang>/words.txt); the class names: UPOS tags, relations,
// entity labels (each a u32 count then u32-length-prefixed strings); the
// lemma dictionary (count, then form, UPOS index u8, lemma) and lemma rules
// (count, then UPOS u8, suffix, cut u8, append); the four classifiers (tagger,
// parser transitions, relation labeller, entity tagger) as linear.h writes
// them. Every size is checked against the bytes that remain before use.
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
inline constexpr uint32_t kModelVersion = 1;

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

  static Result<Model> Load(const std::string& path);
  Status Save(const std::string& path) const;
  std::string Serialize() const;
  static Result<Model> Deserialize(std::string_view file, const std::string& name);
  void Prepare();  // fills derived fields (word table, indexes) after load or training
};

}  // namespace attache::syntax
