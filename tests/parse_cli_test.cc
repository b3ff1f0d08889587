// End-to-end tests of `attache parse`: CoNLL-U round trip, page text, a bad
// model file and usage errors; `attache train --convert`. Needs the shipped English model; skips with a
// message without it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/cli_run.h"

namespace {

namespace fs = std::filesystem;

class ParseCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(fs::path(ATTACHE_SOURCE_DIR) / "data/models/en/syntax.bin"))
      GTEST_SKIP() << "no data/models/en/syntax.bin (run scripts/train-models)";
    dir_ = fs::temp_directory_path() / ("attache_parse_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }
  std::string Write(const std::string& name, const std::string& bytes) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  attache_test::RunResult Attache(const std::string& args) { return attache_test::RunAttache(dir_, args); }
  fs::path dir_;
};

std::vector<std::vector<std::string>> Rows(const std::string& conllu) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(conllu);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::istringstream l(line);
    std::string c;
    while (std::getline(l, c, '\t')) cols.push_back(c);
    rows.push_back(cols);
  }
  return rows;
}

TEST_F(ParseCli, ConlluInKeepsWordsAndSentenceBreaks) {
  const std::string in =
      "# sent_id = a\n"
      "1\tEnvoys\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tdid\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "4\tcome\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "\n"
      "1\tTalks\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tresumed\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "\n";
  const auto r = Attache("parse --conllu-in " + Write("in.conllu", in));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("# sent_id = a\n"), std::string::npos);
  const auto rows = Rows(r.out);
  ASSERT_EQ(rows.size(), 8u);  // 7 words and the range line
  EXPECT_EQ(rows[1][0], "2-3");
  EXPECT_EQ(rows[2][1], "did");
  int roots = 0;
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 10u);
    if (row[0].find('-') != std::string::npos) continue;
    EXPECT_NE(row[3], "_");
    EXPECT_NE(row[6], "_");
    EXPECT_NE(row[7], "_");
    roots += row[6] == "0";
  }
  EXPECT_EQ(roots, 2);  // one per sentence
  EXPECT_EQ(r.out.find("\n\n1\tTalks"), r.out.find("1\tTalks") - 2);

  // Its own output reads back the same words.
  const auto again = Attache("parse --conllu-in " + Write("out.conllu", r.out));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(Rows(again.out).size(), rows.size());
}

TEST_F(ParseCli, PageTextAsConlluAndJson) {
  const std::string page = Write("p.txt", "The delegation arrived in Vienna on Tuesday.\n\nIt met the chancellor.");
  auto r = Attache("parse " + page);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("# text = The delegation arrived in Vienna on Tuesday."), std::string::npos);
  EXPECT_NE(r.out.find("Offsets=26:32"), std::string::npos);  // Vienna
  r = Attache("parse --format json " + page);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"form\":\"Vienna\""), std::string::npos);
  EXPECT_NE(r.out.find("\"deprel\":\"root\""), std::string::npos);
}

TEST_F(ParseCli, BadModelAndUsageErrors) {
  fs::create_directories(dir_ / "models/en");
  Write("models/en/syntax.bin", "ATSYNTX");
  const std::string in = Write("in.conllu", "1\tHello\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
  auto r = Attache("parse --conllu-in " + in + " ; ATTACHE_MODEL_DIR=" + (dir_ / "models").string() + " " +
                   ATTACHE_BINARY + " parse --conllu-in " + in);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("models/en/syntax.bin"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("too short"), std::string::npos) << r.err;
  EXPECT_EQ(Attache("parse").exit_code, 2);
  EXPECT_EQ(Attache("parse --format xml x").exit_code, 2);
  r = Attache("parse --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--conllu-in"), std::string::npos);
  r = Attache("parse --conllu-in " + (dir_ / "missing.conllu").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("missing.conllu"), std::string::npos);
}

// `train --convert` rewrites a model in the current format: the shipped
// model (already version 2) comes out byte for byte; a bad file is refused by
// name; --out is required.
TEST_F(ParseCli, ConvertRewritesAModelInTheCurrentFormat) {
  const std::string shipped = (fs::path(ATTACHE_SOURCE_DIR) / "data/models/en/syntax.bin").string();
  const std::string out = (dir_ / "converted.bin").string();
  auto r = Attache("train --convert " + shipped + " --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto slurp = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  EXPECT_TRUE(slurp(out) == slurp(shipped));
  const std::string junk = Write("junk.bin", std::string(100, 'x'));
  r = Attache("train --convert " + junk + " --out " + (dir_ / "never.bin").string());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("junk.bin"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("magic"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "never.bin"));
  EXPECT_EQ(Attache("train --convert " + shipped).exit_code, 2);
}

}  // namespace
