// bench/parser_beam: does a beam help the greedy-trained parser?
//
//   build/attache_parser_beam [MODEL] [FILE.conllu] [WIDTHS...]
//
// Tags every sentence of the file (gold tokens) with the model's tagger, then
// parses it with beams of each width (default 1 2 4 8), and prints UAS and
// LAS (punctuation counted, relations compared before any ':', as the CoNLL
// 2018 scorer does) and the words parsed per CPU second for each width.
// Width 1 is the greedy parser that `attache analyze` runs. Defaults:
// data/models/en/syntax.bin and the shared EWT dev file.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/decode.h"
#include "syntax/features.h"
#include "syntax/model.h"

using namespace attache::syntax;

namespace {

std::string_view BaseRelation(std::string_view r) { return r.substr(0, r.find(':')); }

}  // namespace

int main(int argc, char** argv) {
  const std::string model_path = argc > 1 ? argv[1] : ATTACHE_SOURCE_DIR "/data/models/en/syntax.bin";
  const std::string data = argc > 2 ? argv[2] : ATTACHE_SOURCE_DIR "/../shared/corpora/ud-english/en_ewt-ud-dev.conllu";
  std::vector<int> widths;
  for (int i = 3; i < argc; ++i) widths.push_back(std::max(1, std::atoi(argv[i])));
  if (widths.empty()) widths = {1, 2, 4, 8};
  auto m = Model::Load(model_path);
  if (!m.ok()) {
    std::fprintf(stderr, "parser_beam: %s\n", m.status().ToString().c_str());
    return 1;
  }
  auto text = ReadFile(data);
  if (!text.ok()) {
    std::printf("parser_beam: %s: skipped\n", text.status().ToString().c_str());
    return 0;
  }
  std::vector<TreebankSentence> sents;
  if (auto st = ReadConllu(text.value(), data, &sents); !st.ok()) {
    std::fprintf(stderr, "parser_beam: %s\n", st.ToString().c_str());
    return 1;
  }
  std::vector<std::vector<WordHashes>> hashed(sents.size());
  std::vector<std::vector<int>> tags(sents.size());
  for (size_t i = 0; i < sents.size(); ++i) {
    std::vector<std::string_view> forms(sents[i].forms.begin(), sents[i].forms.end());
    HashWords(forms, &hashed[i]);
    MarkGazetteer(forms, m.value().lang, &hashed[i]);
    TagWords(m.value(), hashed[i], &tags[i]);
  }
  std::printf("%s: %zu sentences\n%6s %7s %7s %12s\n", data.c_str(), sents.size(), "width", "UAS", "LAS", "words/cpu-s");
  std::vector<int> heads, labels;
  for (int width : widths) {
    size_t words = 0, uas = 0, las = 0;
    const std::clock_t t0 = std::clock();
    for (size_t i = 0; i < sents.size(); ++i) {
      const TreebankSentence& t = sents[i];
      if (t.forms.empty()) continue;
      ParseWordsBeam(m.value(), hashed[i], tags[i], width, &heads, &labels);
      for (size_t k = 0; k < t.forms.size(); ++k) {
        ++words;
        const int gold = t.heads[k] < 0 ? 0 : t.heads[k];
        if (heads[k + 1] != gold) continue;
        ++uas;
        const int lab = labels[k + 1];
        if (lab >= 0 && BaseRelation(m.value().deprels[static_cast<size_t>(lab)]) == BaseRelation(t.deprels[k])) ++las;
      }
    }
    const double secs = static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC;
    std::printf("%6d %7.2f %7.2f %12.0f\n", width, 100.0 * uas / words, 100.0 * las / words, words / secs);
  }
  return 0;
}
