// Test helper: the seed pages of ../shared/seeds, each with its gold record
// and attache's analysis of it. Empty when the shared data is missing (the
// caller skips with a message).
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "attache/analyze.h"
#include "attache/extract.h"

namespace attache::testing {

struct SeedPage {
  nlohmann::json gold;
  Analysis analysis;
};

inline std::filesystem::path SeedsDir() { return std::filesystem::path(ATTACHE_SHARED_DIR) / "seeds"; }

inline std::vector<SeedPage> LoadSeedPages() {
  std::vector<SeedPage> out;
  std::ifstream gold(SeedsDir() / "gold.jsonl");
  std::string line;
  while (std::getline(gold, line)) {
    SeedPage page;
    page.gold = nlohmann::json::parse(line);
    std::ifstream in(SeedsDir() / page.gold["file"].get<std::string>(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    RawDocument d;
    d.source = page.gold["file"].get<std::string>();
    d.body = ss.str();
    auto ex = Extract(d);
    if (!ex.ok()) continue;
    auto an = Analyze(std::move(ex).value());
    if (!an.ok()) continue;
    page.analysis = std::move(an).value();
    out.push_back(std::move(page));
  }
  return out;
}

}  // namespace attache::testing
