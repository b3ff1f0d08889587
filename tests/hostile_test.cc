// Every stage over the hostile-pages corpus (tests/hostile/pages/, written
// by tests/hostile/make_corpus.py): invalid encodings, broken markup,
// adversarial quotes and dates, broken JSON lines and WARC records. Each
// page goes through `extract` and `analyze`; then the whole corpus is
// ingested into a temporary store and questioned. Nothing may crash or
// hang, every output line is valid JSON (so valid UTF-8), stderr holds only
// attache's own lines, and what is refused is refused with the line
// tests/hostile/expect.tsv names. Runs in both passes (Release, ASan+UBSan).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/spawn.h"

namespace {

namespace fs = std::filesystem;
using attache_test::Measured;
using attache_test::RunMeasured;

const fs::path kCorpus = fs::path(ATTACHE_SOURCE_DIR) / "tests" / "hostile";

struct Expectation {
  std::string file, outcome;
};

std::vector<Expectation> Expectations() {
  std::vector<Expectation> out;
  std::ifstream in(kCorpus / "expect.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    out.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return out;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

class HostileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("attache_hostile_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs attache; checks it ended by itself, quickly, with its own lines
  // only on stderr and JSON lines on stdout (when `json_out`).
  Measured Run(const std::vector<std::string>& args, bool json_out, const std::string& what) {
    Measured m = RunMeasured(dir_, args);
    EXPECT_EQ(m.signal, 0) << what << ": killed by signal " << m.signal << "\n" << m.err;
    EXPECT_TRUE(m.exit_code == 0 || m.exit_code == 1) << what << ": exit " << m.exit_code << "\n" << m.err;
    EXPECT_LT(m.seconds, 60) << what;
    for (const std::string& l : Lines(m.err)) EXPECT_EQ(l.rfind("attache: ", 0), 0u) << what << ": " << l;
    if (json_out) {
      for (const std::string& l : Lines(m.out)) {
        // nlohmann refuses invalid UTF-8 as well as broken JSON.
        const auto j = nlohmann::json::parse(l, nullptr, /*allow_exceptions=*/false);
        EXPECT_FALSE(j.is_discarded()) << what << ": not a JSON line: " << l.substr(0, 200);
      }
    }
    return m;
  }

  fs::path dir_;
};

TEST_F(HostileTest, TheCorpusIsSmallAndEveryPageIsListed) {
  const auto expected = Expectations();
  ASSERT_GE(expected.size(), 40u);
  uintmax_t total = 0;
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(kCorpus / "pages")) {
    total += e.file_size();
    ++files;
  }
  EXPECT_EQ(files, expected.size()) << "run tests/hostile/make_corpus.py";
  EXPECT_LT(total, 1u << 20);
}

// `extract` and `analyze` over the whole folder (a process start costs a
// second under the sanitizers); then, page by page, the lines that name it.
TEST_F(HostileTest, ExtractAndAnalyzeEndOnEveryPage) {
  for (const char* cmd : {"extract", "analyze"}) {
    const Measured all = Run({cmd, (kCorpus / "pages").string()}, true, std::string(cmd) + " pages/");
    EXPECT_EQ(all.exit_code, 0) << all.err;
    for (const Expectation& e : Expectations()) {
      const std::string name = "pages/" + e.file;
      std::vector<std::string> errors;
      for (const std::string& l : Lines(all.err))
        if (l.find(name) != std::string::npos) errors.push_back(l);
      if (e.outcome == "ok") {
        EXPECT_TRUE(errors.empty()) << cmd << " " << e.file << ": " << errors.front();
      } else if (e.outcome != "any") {
        bool named = false;
        for (const std::string& l : errors) named |= l.find(e.outcome) != std::string::npos;
        EXPECT_TRUE(named) << cmd << " " << e.file << ": no line naming it with \"" << e.outcome << "\"\n" << all.err;
      }
    }
    if (std::string(cmd) != "analyze") continue;
    size_t analysed = 0;
    for (const std::string& l : Lines(all.out)) {
      const auto j = nlohmann::json::parse(l, nullptr, false);
      if (j.is_discarded()) continue;
      ++analysed;
      // Quote offsets stay inside the text they point into.
      const size_t n = j.value("text", std::string()).size();
      for (const auto& q : j.value("quotes", nlohmann::json::array())) {
        if (!q.contains("begin") || !q["begin"].is_number()) continue;
        EXPECT_LE(q["begin"].get<size_t>(), q.value("end", size_t{0})) << j.value("source", "");
        EXPECT_LE(q.value("end", size_t{0}), n) << j.value("source", "");
      }
    }
    EXPECT_GE(analysed, 40u);
  }
}

TEST_F(HostileTest, IngestAndQuestionTheWholeCorpus) {
  const std::string db = (dir_ / "hostile.db").string(), pages = (kCorpus / "pages").string();
  Measured m = Run({"ingest", "--db", db, pages}, false, "ingest");
  ASSERT_EQ(m.exit_code, 0) << m.err;
  // The pages share their prose, so most are stored as syndicated copies.
  EXPECT_NE(m.err.find("61 documents read, "), std::string::npos) << m.err;
  m = Run({"ingest", "--db", db, pages}, false, "ingest again");
  EXPECT_EQ(m.exit_code, 0) << m.err;
  EXPECT_NE(m.err.find(" 0 added, "), std::string::npos) << m.err;

  const std::vector<std::vector<std::string>> questions = {
      {"stats"},
      {"search", "Lavrov"},
      {"search", "\"\"\" OR * NEAR( ) AND -\xFF\xFE"},
      {"search", std::string(5000, '"')},
      {"quotes"},
      {"quotes", "--speaker", "Lavrov"},
      {"visits", "--host", "AZE"},
      {"visits"},
      {"meetings"},
      {"timeline", "Sergei Lavrov"},
      {"actors"},
      {"balance", "--host", "AZE", "--format", "json", "--explain"},
      {"balance", "--host", "AZE", "--by", "year", "--status", "past,ongoing,planned", "--format", "json"},
      {"export", "events"},
      {"article", "1"},
  };
  for (const auto& q : questions) {
    std::vector<std::string> args = q;
    args.insert(args.begin() + 1, {"--db", db});
    std::string what;
    for (const auto& a : q) what += a.substr(0, 40) + " ";
    const bool json_lines = q[0] != "balance";
    m = Run(args, json_lines, what);
    EXPECT_EQ(m.exit_code, 0) << what << "\n" << m.err;
    if (!json_lines) {
      EXPECT_FALSE(nlohmann::json::parse(m.out, nullptr, false).is_discarded()) << what << m.out;
    }
  }
  m = Run({"stats", "--db", db}, true, "stats");
  const auto stats = nlohmann::json::parse(m.out, nullptr, false);
  ASSERT_FALSE(stats.is_discarded()) << m.out;
  EXPECT_GE(stats.value("articles", 0) + stats.value("syndicated", 0), 25);
  EXPECT_GE(stats.value("visits", 0), 1);
}

}  // namespace
