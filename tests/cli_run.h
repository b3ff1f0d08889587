// Test helpers: run the attache command as a user does, and read files.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

namespace attache_test {

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

inline std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs `attache ARGS` through the shell, capturing stdout and stderr in
// files under `dir`.
inline RunResult RunAttache(const std::filesystem::path& dir, const std::string& args) {
  const auto out = dir / "stdout.txt", err = dir / "stderr.txt";
  const std::string cmd = std::string(ATTACHE_BINARY) + " " + args + " >" + out.string() + " 2>" + err.string();
  const int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

// Writes `n` page texts into `folder` (p1000.txt, p1001.txt, ...), each a
// different invented report of a visit with a quotation and `words` words
// drawn at random from `seed`, so that no two are near copies.
inline void WriteVisitPages(const std::filesystem::path& folder, int n, int words = 60, unsigned seed = 42) {
  const char* cities[] = {"Baku", "Tbilisi", "Yerevan", "Astana", "Tashkent"};
  const char* vocab[] = {"transit", "energy",  "corridor", "border",   "customs", "grain",    "railway",
                         "pipeline", "tariff", "harbour",  "treaty",   "market",  "visa",     "students",
                         "water",   "bridge",  "election", "banks",    "wheat",   "cotton",   "airline",
                         "museum",  "festival", "shipping", "copper",  "lithium", "tourism",  "schools",
                         "hospital", "cables", "satellite", "fishing", "forests", "rivers",   "mountains"};
  std::mt19937 rng(seed);
  std::filesystem::create_directories(folder);
  for (int i = 0; i < n; ++i) {
    std::string filler;
    for (int k = 0; k < words; ++k) filler += std::string(vocab[rng() % std::size(vocab)]) + (k % 12 == 11 ? ". " : " ");
    std::ofstream(folder / ("p" + std::to_string(1000 + i) + ".txt"))
        << "URL: https://example.org/news/" << i << "\n\n"
        << "Envoy " << i << " holds talks in " << cities[i % 5] << "\n\n"
        << "5 April 2024 11:20\n\n"
        << "Foreign Minister Sergei Lavrov arrived in " << cities[i % 5] << " on Monday for talks, the ministry said.\n\n"
        << "\"We expect progress,\" Lavrov told reporters in the capital.\n\n"
        << filler << "\n";
  }
}

}  // namespace attache_test
