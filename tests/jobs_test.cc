// --jobs: the worker pool (in order, bounded), the library's Extract and
// Analyze called from several threads at once, and the command with one
// worker and with four giving the same output and the same store. Every
// page here is written by the test. (scripts/test runs these under TSan too.)
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "attache/attache.h"
#include "src/cli/parallel.h"
#include "tests/cli_run.h"

namespace {

namespace fs = std::filesystem;

using attache_test::RunResult;

TEST(OrderedPoolTest, ResultsComeInOrderWithABoundedWindow) {
  for (unsigned jobs : {1u, 2u, 4u}) {
    std::atomic<int> in_flight{0}, most{0};
    std::vector<int> emitted;
    {
      attache_cli::OrderedPool<int, int> pool(
          jobs,
          [&](int& v, unsigned worker) {
            EXPECT_LT(worker, std::max(jobs, 1u));
            const int now = ++in_flight;
            for (int m = most.load(); now > m && !most.compare_exchange_weak(m, now);) {
            }
            // Uneven work, so later items often finish first.
            std::this_thread::sleep_for(std::chrono::microseconds((v * 7919) % 5 * 200));
            --in_flight;
            return v * 2;
          },
          [&](int& out) { emitted.push_back(out); }, 6);
      for (int i = 0; i < 300; ++i) pool.Submit(i);
      pool.Finish();
    }
    ASSERT_EQ(emitted.size(), 300u) << jobs;
    for (int i = 0; i < 300; ++i) ASSERT_EQ(emitted[i], 2 * i) << "jobs " << jobs;
    EXPECT_LE(most.load(), static_cast<int>(std::max(jobs, 1u)));
  }
}

// Regression (issue 12, session 4): Submit() wrote out every ready result
// before handing on the next document, so a slow writer (ingest's store)
// emptied the window in one run while the workers had nothing to do. Now a
// Submit() with room in the window emits at most one result.
TEST(OrderedPoolTest, ASubmitWithRoomEmitsAtMostOneResult) {
  std::vector<int> emitted;
  attache_cli::OrderedPool<int, int> pool(
      2, [](int& v, unsigned) { return v; }, [&](int& out) { emitted.push_back(out); }, 64);
  for (int i = 0; i < 40; ++i) {
    // Every fifth document comes after a pause in which the workers finish
    // all in flight, so that several results are ready when it comes.
    if (i % 5 == 4) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const size_t before = emitted.size();
    pool.Submit(i);
    EXPECT_LE(emitted.size(), before + 1) << "submit " << i;
  }
  pool.Finish();
  ASSERT_EQ(emitted.size(), 40u);
  for (int i = 0; i < 40; ++i) EXPECT_EQ(emitted[static_cast<size_t>(i)], i);
}

TEST(OrderedPoolTest, DestroyedWithoutFinishStopsCleanly) {
  std::atomic<int> worked{0};
  {
    attache_cli::OrderedPool<int, int> pool(
        3, [&](int& v, unsigned) { ++worked; return v; }, [](int&) {}, 4);
    for (int i = 0; i < 10; ++i) pool.Submit(i);
  }
  EXPECT_LE(worked.load(), 10);
}

// Extract and Analyze from four threads at once give what one thread gives
// (under TSan this is the check that the library has no unguarded state).
TEST(JobsTest, LibraryIsSafeForConcurrentCalls) {
  std::vector<attache::RawDocument> docs;
  for (const auto& e : fs::directory_iterator(fs::path(ATTACHE_SOURCE_DIR) / "tests/fixtures/pages")) {
    attache::RawDocument d;
    d.source = e.path().filename().string();
    d.body = attache_test::Slurp(e.path());
    docs.push_back(std::move(d));
  }
  ASSERT_FALSE(docs.empty());
  auto run = [&](const attache::RawDocument& d) {
    auto ex = attache::Extract(d);
    if (!ex.ok()) return ex.status().ToString();
    auto an = attache::Analyze(std::move(ex).value());
    return an.ok() ? attache::AnalysisToJson(an.value()) : an.status().ToString();
  };
  std::vector<std::string> expected;
  for (const auto& d : docs) expected.push_back(run(d));
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round)
        for (size_t i = 0; i < docs.size(); ++i) got[t].push_back(run(docs[(i + t) % docs.size()]));
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) {
    ASSERT_EQ(got[t].size(), 3 * docs.size());
    for (size_t k = 0; k < got[t].size(); ++k) EXPECT_EQ(got[t][k], expected[(k + t) % docs.size()]) << t << " " << k;
  }
}

class JobsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("attache_jobs_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "pages");
  }
  void TearDown() override { fs::remove_all(dir_); }
  RunResult Attache(const std::string& args) { return attache_test::RunAttache(dir_, args); }

  // Distinct visit reports, a copy of one (a duplicate), a near copy (a
  // syndicated one), pages that fail (binary, empty) and a WARC with a
  // record whose length lies: everything whose order matters.
  void WriteMixedInput(int n) {
    attache_test::WriteVisitPages(dir_ / "pages", n, 60, 7);
    fs::copy_file(dir_ / "pages" / "p1003.txt", dir_ / "pages" / "p1003-copy.txt");
    std::string near = attache_test::Slurp(dir_ / "pages" / "p1005.txt");
    near.replace(near.find("news/5"), 6, "wire/5");
    near += "Reporting by a wire service.\n";
    std::ofstream(dir_ / "pages" / "p1005-wire.txt") << near;
    std::ofstream(dir_ / "pages" / "p1010-binary.bin", std::ios::binary) << std::string("\x89PNG\r\n\x1a\n\0\0\0", 11);
    std::ofstream(dir_ / "pages" / "p1011-empty.txt") << "   \n";
    auto record = [](const std::string& uri, const std::string& body, const std::string& length) {
      const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body;
      return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
             "\r\nContent-Length: " + (length.empty() ? std::to_string(http.size()) : length) + "\r\n\r\n" + http +
             "\r\n\r\n";
    };
    std::string warc;
    for (int i = 0; i < 12; ++i) {
      const std::string page = "<html><head><title>Talks in Baku, part " + std::to_string(i) +
                               "</title></head><body><article><p>President Emmanuel Macron met Ilham Aliyev in "
                               "Baku on 3 May 2024, the presidency said in statement number " +
                               std::to_string(i * 31) + ".</p></article></body></html>";
      warc += record("https://example.net/w/" + std::to_string(i), page, i == 4 ? "1000000000000" : "");
    }
    std::ofstream(dir_ / "pages" / "p1012-crawl.warc", std::ios::binary) << warc;
  }
  std::string Pages() const { return (dir_ / "pages").string(); }

  fs::path dir_;
};

TEST_F(JobsCliTest, ExtractAndAnalyzeAreTheSameWhateverTheJobs) {
  WriteMixedInput(60);
  for (const char* cmd : {"extract", "analyze"}) {
    const RunResult one = Attache(std::string(cmd) + " --jobs 1 " + Pages());
    ASSERT_EQ(one.exit_code, 0) << one.err;
    EXPECT_GE(std::count(one.out.begin(), one.out.end(), '\n'), 70) << cmd;
    EXPECT_NE(one.err.find("runs past the next record header"), std::string::npos) << one.err;
    for (const char* jobs : {"2", "4"}) {
      const RunResult many = Attache(std::string(cmd) + " --jobs " + jobs + " " + Pages());
      EXPECT_EQ(many.exit_code, one.exit_code);
      EXPECT_TRUE(many.out == one.out) << cmd << " --jobs " << jobs << " printed other output";
      EXPECT_EQ(many.err, one.err) << cmd << " --jobs " << jobs;
    }
  }
  const RunResult bad = Attache("analyze --jobs 0 " + Pages());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--jobs"), std::string::npos) << bad.err;
}

TEST_F(JobsCliTest, IngestStoresTheSameWhateverTheJobs) {
  WriteMixedInput(60);
  // What a store holds, in the forms a user reads it.
  auto dump = [&](const std::string& db) {
    std::string all;
    for (const char* q : {"stats", "export events", "export quotes", "search --limit 1000"}) {
      const RunResult r = Attache(std::string(q) + " --db " + db);
      EXPECT_EQ(r.exit_code, 0) << q << ": " << r.err;
      all += std::string("== ") + q + "\n" + r.out;
    }
    return all;
  };
  const std::string one_db = (dir_ / "one.db").string(), four_db = (dir_ / "four.db").string();
  const RunResult one = Attache("ingest --jobs 1 --db " + one_db + " " + Pages());
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_NE(one.err.find("1 already stored, 1 syndicated"), std::string::npos) << one.err;
  const RunResult four = Attache("ingest --jobs 4 --db " + four_db + " " + Pages());
  ASSERT_EQ(four.exit_code, 0) << four.err;
  EXPECT_EQ(four.err, one.err);
  const std::string expected = dump(one_db);
  EXPECT_NE(expected.find("\"articles\":"), std::string::npos) << expected;
  EXPECT_TRUE(dump(four_db) == expected) << "the stores differ";
  // Run again in parallel: everything is found stored, nothing twice.
  const RunResult again = Attache("ingest --jobs 4 --db " + four_db + " " + Pages());
  EXPECT_NE(again.err.find(" 0 added"), std::string::npos) << again.err;
  EXPECT_TRUE(dump(four_db) == expected) << "the second run changed the store";
}

// kill -9 in the middle of a parallel ingest, twice, then the same command
// again: the store ends as one clean run with one worker leaves it.
TEST_F(JobsCliTest, KilledParallelIngestResumesToTheCleanStore) {
  attache_test::WriteVisitPages(dir_ / "pages", 200, 60, 11);
  auto dump = [&](const std::string& db) {
    std::string all;
    for (const char* q : {"stats", "export visits", "export quotes", "search --limit 1000"})
      all += Attache(std::string(q) + " --db " + db).out;
    return all;
  };
  const std::string clean_db = (dir_ / "clean.db").string(), db = (dir_ / "killed.db").string();
  ASSERT_EQ(Attache("ingest --quiet --jobs 1 --db " + clean_db + " " + Pages()).exit_code, 0);
  const std::string expected = dump(clean_db);
  for (int delay_ms : {60, 250}) {
    const pid_t pid = fork();
    if (pid == 0) {
      FILE* o = std::freopen("/dev/null", "w", stdout);
      FILE* e = std::freopen("/dev/null", "w", stderr);
      (void)o, (void)e;
      execl(ATTACHE_BINARY, ATTACHE_BINARY, "ingest", "--quiet", "--jobs", "4", "--db", db.c_str(), Pages().c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
  }
  const RunResult r = Attache("ingest --jobs 4 --db " + db + " " + Pages());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(dump(db) == expected) << "the resumed store differs from the clean one";
}

}  // namespace
