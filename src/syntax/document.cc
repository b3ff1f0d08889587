// Syntax stage: models found and loaded once per language, and the lazy
// per-document parses (syntax.h).
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>

#include "syntax/decode.h"
#include "syntax/model.h"
#include "attache/syntax.h"
#include "syntax/syntax.h"

#ifndef ATTACHE_MODEL_DIR
#define ATTACHE_MODEL_DIR "data/models"
#endif

namespace attache::syntax {

std::atomic<uint64_t> g_too_long{0};

namespace {

struct Loaded {
  std::unique_ptr<Model> model;
  std::string error;
};

std::mutex& Mu() {
  static std::mutex mu;
  return mu;
}

std::map<std::string, Loaded, std::less<>>& Cache() {
  static auto* cache = new std::map<std::string, Loaded, std::less<>>();
  return *cache;
}

const Loaded& LoadOnce(std::string_view lang) {
  std::lock_guard<std::mutex> lock(Mu());
  auto& cache = Cache();
  if (auto it = cache.find(lang); it != cache.end()) return it->second;
  Loaded& l = cache[std::string(lang)];
  const std::string path = ModelPath(lang);
  Result<Model> r = Model::Load(path);
  if (r.ok()) {
    l.model = std::make_unique<Model>(std::move(r).value());
  } else {
    l.error = r.status().message();
    std::fprintf(stderr, "attache: no syntax for '%.*s': %s; the finders use word patterns only\n",
                 static_cast<int>(lang.size()), lang.data(), l.error.c_str());
  }
  return l;
}

}  // namespace

std::string ModelPath(std::string_view lang) {
  const char* env = std::getenv("ATTACHE_MODEL_DIR");
  const std::string dir = env && *env ? env : ATTACHE_MODEL_DIR;
  return dir + "/" + std::string(lang) + "/syntax.bin";
}

const Model* ModelFor(std::string_view lang) { return LoadOnce(lang).model.get(); }
std::string ModelError(std::string_view lang) { return LoadOnce(lang).error; }

DocumentSyntax::DocumentSyntax(std::string_view text, const text::TextLayer& layer, std::string_view lang)
    : text_(text), layer_(layer), lang_(lang), model_(nullptr), looked_up_(false) {
  cache_.resize(layer.sentences.size());
  state_.assign(layer.sentences.size(), 0);
}

DocumentSyntax::DocumentSyntax(std::string_view text, const text::TextLayer& layer, const Model* model)
    : text_(text), layer_(layer), model_(model), looked_up_(true) {
  cache_.resize(layer.sentences.size());
  state_.assign(layer.sentences.size(), 0);
}

bool DocumentSyntax::available() const {
  if (!looked_up_) {
    looked_up_ = true;
    model_ = ModelFor(lang_);
  }
  return model_ != nullptr;
}

DocumentSyntax::~DocumentSyntax() = default;

const Sentence* DocumentSyntax::Get(std::size_t i) const {
  if (i >= state_.size() || !available()) return nullptr;
  if (state_[i] == 1) return cache_[i].get();
  if (state_[i] == 2) return nullptr;
  if (state_[i] == 3) {
    // Tagged already: the parser and the name finder read those tags.
    ParseTagged(*model_, std::move(*tagged_[i]), cache_[i].get());
    tagged_[i].reset();
    state_[i] = 1;
    ++parsed_;
    return cache_[i].get();
  }
  auto s = std::make_unique<Sentence>();
  s->words = SplitWords(*model_, text_, layer_.tokens[i]);
  if (!Analyze(*model_, s.get())) {
    state_[i] = 2;
    if (s->size() > kMaxSentenceWords) ++too_long_, ++g_too_long;
    return nullptr;
  }
  state_[i] = 1;
  ++parsed_;
  cache_[i] = std::move(s);
  return cache_[i].get();
}

const Sentence* DocumentSyntax::Tagged(std::size_t i) const {
  if (i >= state_.size() || !available()) return nullptr;
  if (state_[i] == 1 || state_[i] == 3) return cache_[i].get();
  if (state_[i] == 2) return nullptr;
  auto s = std::make_unique<Sentence>();
  s->words = SplitWords(*model_, text_, layer_.tokens[i]);
  auto t = std::make_unique<TaggedWords>();
  if (!TagKeeping(*model_, s.get(), t.get())) {
    state_[i] = 2;
    if (s->size() > kMaxSentenceWords) ++too_long_, ++g_too_long;
    return nullptr;
  }
  state_[i] = 3;
  cache_[i] = std::move(s);
  if (tagged_.size() != state_.size()) tagged_.resize(state_.size());
  tagged_[i] = std::move(t);
  return cache_[i].get();
}

int DocumentSyntax::SentenceAt(uint32_t offset) const {
  const auto& ss = layer_.sentences;
  std::size_t lo = 0, hi = ss.size();
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (ss[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < ss.size() && ss[lo].begin <= offset ? static_cast<int>(lo) : -1;
}

}  // namespace attache::syntax

namespace attache {
uint64_t SyntaxSentencesTooLong() { return syntax::g_too_long.load(); }
}  // namespace attache
