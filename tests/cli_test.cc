// End-to-end tests of `attache extract`: the command as a user runs it, on
// inputs written here, including the hostile ones the issue lists.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "tests/cli_run.h"

namespace {

namespace fs = std::filesystem;

using attache_test::RunResult;
using attache_test::Slurp;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("attache_cli_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    const fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  RunResult Attache(const std::string& args) { return attache_test::RunAttache(dir_, args); }

  static std::string Gzip(const std::string& data) {
    z_stream zs{};
    deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&zs, data.size()) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
  }

  static int CountLines(const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
  }

  fs::path dir_;
};

const char kArticle[] =
    "<html lang=\"en\"><head><title>Talks resume in Geneva | Test Wire</title></head><body>"
    "<nav><a href=/>Home</a> <a href=/w>World</a></nav><article><h1>Talks resume in Geneva</h1>"
    "<p>Negotiators from both delegations met on Monday in Geneva, the first round since the spring, "
    "officials said after the session.</p><p>A second round is planned for the autumn, according to "
    "a statement issued by the host government, which offered to keep the venue.</p></article>"
    "<footer>Copyright Test Wire</footer></body></html>";

TEST_F(CliTest, HelpAndUsageErrors) {
  RunResult r = Attache("--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("attache extract"), std::string::npos);
  EXPECT_EQ(Attache("").exit_code, 2);
  EXPECT_EQ(Attache("frobnicate x").exit_code, 2);
  EXPECT_EQ(Attache("extract").exit_code, 2);
  EXPECT_EQ(Attache("extract --max-depth nope x").exit_code, 2);
}

TEST_F(CliTest, ExtractsArticleAndDropsChrome) {
  const std::string page = Write("page.html", kArticle);
  RunResult r = Attache("extract " + page);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(CountLines(r.out), 1);
  EXPECT_NE(r.out.find("Negotiators from both delegations"), std::string::npos);
  EXPECT_NE(r.out.find("\\n\\nA second round"), std::string::npos);
  EXPECT_EQ(r.out.find("Copyright Test Wire"), std::string::npos);
  EXPECT_EQ(r.out.find("Home"), std::string::npos);
  EXPECT_NE(r.err.find("1 documents read, 1 extracted, 0 skipped"), std::string::npos) << r.err;
}

TEST_F(CliTest, MissingPathExitsOne) {
  RunResult r = Attache("extract " + (dir_ / "nope.html").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nope.html"), std::string::npos);
}

// Each hostile document gets one stderr line naming it; the good one still
// comes out and the run exits 0.
TEST_F(CliTest, HostileDocumentsDoNotStopTheRun) {
  Write("in/a_good.html", kArticle);
  Write("in/b_empty.html", "");
  std::string binary(4096, '\0');
  std::mt19937 rng(7);
  for (auto& c : binary) c = static_cast<char>(rng());
  Write("in/c_binary.bin", binary);
  std::string gz = Gzip(kArticle);
  Write("in/d_truncated.html.gz", gz.substr(0, gz.size() / 2));
  std::string nul = kArticle;
  nul.insert(300, std::string("\0\0\0", 3));
  Write("in/e_nul.html", nul);
  std::string bad_utf8 = kArticle;
  bad_utf8.insert(300, "\xff\xfe\xc3(");
  Write("in/f_invalid_utf8.html", bad_utf8);
  std::string deep;
  for (int i = 0; i < 200000; ++i) deep += "<div>";
  deep += "<p>Deep inside the markup, a paragraph of article text that should still be found.</p>";
  Write("in/g_deep.html", deep);
  std::string big = "<html><body><p>";
  big.append(size_t{60} << 20, 'x');
  Write("in/h_big.html", big);

  RunResult r = Attache("extract " + (dir_ / "in").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("a_good.html"), std::string::npos);
  EXPECT_NE(r.out.find("e_nul.html"), std::string::npos) << "NUL bytes must not reject a page";
  EXPECT_NE(r.out.find("f_invalid_utf8.html"), std::string::npos);
  EXPECT_NE(r.out.find("Deep inside the markup"), std::string::npos);
  for (const char* name : {"b_empty.html", "c_binary.bin", "d_truncated.html.gz", "h_big.html"}) {
    EXPECT_NE(r.err.find(name), std::string::npos) << name << " not reported:\n" << r.err;
  }
  EXPECT_NE(r.err.find("skipped"), std::string::npos);
  // Output is valid JSON lines: one per extracted document.
  EXPECT_GE(CountLines(r.out), 4);
}

TEST_F(CliTest, PageTextWithUrlLine) {
  const std::string p = Write("note.txt",
                              "URL: https://example.org/a\n\nMenu\nHome\n\nLeaders agree to meet again\n\n"
                              "The two leaders agreed on Friday to meet again before the end of the year, "
                              "their offices said in a joint statement issued in the capital.\n\n"
                              "Both sides described the talks as constructive and said working groups "
                              "would prepare the next round.\n\nLeave a Reply\n");
  RunResult r = Attache("extract " + p);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"url\":\"https://example.org/a\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("The two leaders agreed"), std::string::npos);
  EXPECT_EQ(r.out.find("Leave a Reply"), std::string::npos);
}

TEST_F(CliTest, StandardInput) {
  const std::string p = Write("page.html", kArticle);
  RunResult r = Attache("extract - < " + p);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"source\":\"-\""), std::string::npos);
}

std::string WarcRecord(const std::string& type, const std::string& uri, const std::string& block) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2024-03-12T08:00:00Z\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" +
         block + "\r\n\r\n";
}

TEST_F(CliTest, WarcRecordsPerMemberGzip) {
  const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + std::string(kArticle);
  const std::string a = Gzip(WarcRecord("warcinfo", "", "software: test\r\n"));
  const std::string b = Gzip(WarcRecord("response", "https://example.org/talks", http));
  const std::string c = Gzip(WarcRecord("request", "https://example.org/talks", "GET / HTTP/1.1\r\n\r\n"));
  const std::string path = Write("crawl.warc.gz", a + b + c);
  RunResult r = Attache("extract " + path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(CountLines(r.out), 1) << r.out;
  // The record is named by the offset of its gzip member.
  EXPECT_NE(r.out.find("\"source\":\"" + path + "#" + std::to_string(a.size()) + "\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"url\":\"https://example.org/talks\""), std::string::npos);
  EXPECT_NE(r.out.find("Negotiators from both delegations"), std::string::npos);
}

TEST_F(CliTest, JsonLinesKeepOtherFields) {
  const std::string path = Write(
      "pages.jsonl",
      "{\"url\":\"https://example.org/a\",\"html\":\"<article><p>The minister arrived in the capital on Monday, "
      "officials said, for two days of talks.</p></article>\",\"crawl\":\"c1\"}\n"
      "not json\n"
      "{\"url\":\"https://example.org/b\",\"text\":\"Leaders met on Friday.\\n\\nThey agreed to meet again "
      "next month, a spokesman said after the talks.\"}\n");
  RunResult r = Attache("extract " + path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(CountLines(r.out), 2) << r.out;
  EXPECT_NE(r.out.find("\"crawl\":\"c1\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(path + ":1"), std::string::npos);
  EXPECT_NE(r.err.find(path + ":2"), std::string::npos) << r.err;
}

TEST_F(CliTest, Windows1251PageIsDecoded) {
  // "Министр прибыл" ... in windows-1251, declared by a meta tag.
  const std::string cp1251_sentence =
      "\xcc\xe8\xed\xe8\xf1\xf2\xf0 \xef\xf0\xe8\xe1\xfb\xeb \xe2 \xc1\xe0\xea\xf3, "
      "\xf1\xee\xee\xe1\xf9\xe8\xeb\xee \xec\xe8\xed\xe8\xf1\xf2\xe5\xf0\xf1\xf2\xe2\xee, "
      "\xe8 \xef\xf0\xee\xe2\xe5\xe4\xb8\xf2 \xef\xe5\xf0\xe5\xe3\xee\xe2\xee\xf0\xfb.";
  const std::string page = "<html><head><meta charset=\"windows-1251\"></head><body><article><p>" + cp1251_sentence +
                           "</p><p>" + cp1251_sentence + "</p></article></body></html>";
  RunResult r = Attache("extract " + Write("ru.html", page));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\xd0\x9c\xd0\xb8\xd0\xbd\xd0\xb8\xd1\x81\xd1\x82\xd1\x80 \xd0\xbf\xd1\x80\xd0\xb8\xd0\xb1\xd1\x8b\xd0\xbb"),
            std::string::npos)
      << r.out;
}

}  // namespace
