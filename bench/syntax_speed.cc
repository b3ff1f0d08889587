// bench/syntax_speed: tagging + parsing speed of a syntax model on one core.
//
//   build/attache_syntax_speed [MODEL] [FILE.conllu] [PASSES]
//
// Reads the file's words (gold tokens), then tags and parses every sentence
// PASSES times (default 3) in this thread, and prints the words per second of
// the fastest pass in CPU time of this process (std::clock, so that other
// processes on a busy machine do not count): tagging alone, and tagging + parsing (the name finder and
// lemmas are not included), and the time of the model's load (Model::Load:
// mapping the file, checking its hash and index, reading its word and lemma
// tables). Defaults: data/models/en/syntax.bin and the shared EWT test file.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <string>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/decode.h"
#include "syntax/features.h"
#include "syntax/model.h"

using namespace attache::syntax;

int main(int argc, char** argv) {
  const std::string model_path = argc > 1 ? argv[1] : ATTACHE_SOURCE_DIR "/data/models/en/syntax.bin";
  const std::string data = argc > 2 ? argv[2] : ATTACHE_SOURCE_DIR "/../shared/corpora/ud-english/en_ewt-ud-test.conllu";
  const int passes = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
  const std::clock_t l0 = std::clock();
  const auto lw0 = std::chrono::steady_clock::now();
  auto m = Model::Load(model_path);
  const double load_cpu = static_cast<double>(std::clock() - l0) / CLOCKS_PER_SEC;
  const double load_wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - lw0).count();
  if (!m.ok()) {
    std::fprintf(stderr, "syntax_speed: %s\n", m.status().ToString().c_str());
    return 1;
  }
  auto text = ReadFile(data);
  if (!text.ok()) {
    std::printf("syntax_speed: %s: skipped\n", text.status().ToString().c_str());
    return 0;
  }
  std::vector<TreebankSentence> sents;
  if (auto st = ReadConllu(text.value(), data, &sents); !st.ok()) {
    std::fprintf(stderr, "syntax_speed: %s\n", st.ToString().c_str());
    return 1;
  }
  std::size_t words = 0;
  for (const auto& s : sents) words += s.forms.size();
  double best_tag = 1e30, best_all = 1e30, wall_all = 1e30;
  std::size_t check = 0;
  std::vector<WordHashes> w;
  std::vector<int> tags, heads, labels;
  for (int p = 0; p < passes; ++p) {
    for (int parse = 0; parse < 2; ++parse) {
      const std::clock_t t0 = std::clock();
      const auto w0 = std::chrono::steady_clock::now();
      for (const auto& s : sents) {
        std::vector<std::string_view> forms(s.forms.begin(), s.forms.end());
        HashWords(forms, &w);
        TagWords(m.value(), w, &tags);
        if (parse) ParseWords(m.value(), w, tags, &heads, &labels), check += heads[1];
      }
      const double secs = static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC;
      (parse ? best_all : best_tag) = std::min(parse ? best_all : best_tag, secs);
      if (parse)
        wall_all = std::min(wall_all, std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count());
    }
  }
  std::printf("model load:         %9.2f ms CPU, %.2f ms wall\n", 1000 * load_cpu, 1000 * load_wall);
  std::printf("%zu sentences, %zu words, best of %d passes (checksum %zu)\n", sents.size(), words, passes, check);
  std::printf("tagging:            %9.0f words/s\n", words / best_tag);
  std::printf("tagging + parsing:  %9.0f words/s\n", words / best_all);
  std::printf("tagging + parsing:  %9.0f words/s of wall time (moves with the machine's load)\n", words / wall_all);
  return 0;
}
