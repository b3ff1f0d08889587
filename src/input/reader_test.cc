// Tests of the input stage through its public entry point, ReadPath. Every
// fixture is built here, in a fresh temporary folder.
#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "attache/input.h"
#include "input/sniff.h"

namespace attache {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("attache_input_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& bytes) const {
    const fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

template <size_t N>
std::string Bytes(const char (&s)[N]) {
  return std::string(s, N - 1);
}

std::string Chunk(const std::string& data) {
  char size[32];
  std::snprintf(size, sizeof size, "%zx\r\n", data.size());
  return size + data + "\r\n";
}

std::string Gzip(const std::string& in) {
  z_stream s{};
  EXPECT_EQ(deflateInit2(&s, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&s, in.size()) + 32, '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  s.avail_in = static_cast<uInt>(in.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&s, Z_FINISH), Z_STREAM_END);
  out.resize(s.total_out);
  deflateEnd(&s);
  return out;
}

std::string Gunzip(const std::string& in) {
  z_stream s{};
  EXPECT_EQ(inflateInit2(&s, 15 + 16), Z_OK);
  std::string out;
  char buf[4096];
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  s.avail_in = static_cast<uInt>(in.size());
  int ret = Z_OK;
  while (ret == Z_OK) {
    s.next_out = reinterpret_cast<Bytef*>(buf);
    s.avail_out = sizeof buf;
    ret = inflate(&s, Z_NO_FLUSH);
    out.append(buf, sizeof buf - s.avail_out);
  }
  inflateEnd(&s);
  return out;
}

std::string Record(const std::string& type, const std::string& uri, const std::string& block,
                   long length_lie = 0, const std::string& extra = "") {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n" + extra +
         "Content-Length: " + std::to_string(static_cast<long>(block.size()) + length_lie) + "\r\n\r\n" + block +
         "\r\n\r\n";
}

std::string Http(const std::string& headers, const std::string& body, int code = 200) {
  return "HTTP/1.1 " + std::to_string(code) + " X\r\n" + headers + "\r\n" + body;
}

const std::string kPage1 = "<!DOCTYPE html><html><body><p>First page</p></body></html>";
const std::string kPage2 = "<html><head><title>Second</title></head><body><p>Two</p></body></html>";
const std::string kPage3 = "<html><body><p>Third page</p></body></html>";

// warcinfo, request, response, metadata, resource, revisit, response.
std::vector<std::string> SampleRecords() {
  return {
      Record("warcinfo", "", "software: test\r\n", 0, "Content-Type: application/warc-fields\r\n"),
      Record("request", "http://a.example/1", "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n"),
      Record("response", "<http://a.example/1>",
             Http("Content-Type: text/html; charset=windows-1251\r\nDate: Wed, 01 May 2024 10:00:00 GMT\r\n", kPage1),
             0, "Content-Type: application/http; msgtype=response\r\n"),
      Record("metadata", "http://a.example/1", "fetchTimeMs: 12\r\n"),
      Record("resource", "http://b.example/2", kPage2, 0, "Content-Type: text/html; charset=\"koi8-r\"\r\n"),
      Record("revisit", "http://a.example/1", Http("", "")),
      Record("response", "http://c.example/3", Http("Content-Type: text/html\r\n", kPage3)),
  };
}

struct ReadResult {
  Status status;
  std::vector<RawDocument> docs;
  std::vector<std::pair<std::string, Status>> errors;
  std::string Errors() const {
    std::string s;
    for (const auto& [src, st] : errors) s += src + ": " + st.ToString() + "\n";
    return s;
  }
};

ReadResult Read(const std::string& path, InputLimits limits = {}) {
  ReadResult run;
  run.status = ReadPath(
      path, limits, [&](RawDocument&& d) { run.docs.push_back(std::move(d)); },
      [&](const std::string& src, const Status& st) { run.errors.emplace_back(src, st); });
  return run;
}

void ExpectSample(const ReadResult& run, const std::string& path, const std::vector<uint64_t>& offsets) {
  ASSERT_TRUE(run.status.ok());
  EXPECT_TRUE(run.errors.empty()) << run.Errors();
  ASSERT_EQ(run.docs.size(), 3u);
  EXPECT_EQ(run.docs[0].source, path + "#" + std::to_string(offsets[0]));
  EXPECT_EQ(run.docs[0].url, "http://a.example/1");
  EXPECT_EQ(run.docs[0].date, "2024-05-01T10:00:00Z");
  EXPECT_EQ(run.docs[0].http_charset, "windows-1251");
  EXPECT_EQ(run.docs[0].kind, ContentKind::kHtml);
  EXPECT_EQ(run.docs[0].body, kPage1);
  EXPECT_EQ(run.docs[1].source, path + "#" + std::to_string(offsets[1]));
  EXPECT_EQ(run.docs[1].url, "http://b.example/2");
  EXPECT_EQ(run.docs[1].http_charset, "koi8-r");
  EXPECT_EQ(run.docs[1].body, kPage2);
  EXPECT_EQ(run.docs[2].source, path + "#" + std::to_string(offsets[2]));
  EXPECT_EQ(run.docs[2].body, kPage3);
}

TEST(InputWarcTest, PlainWarcUsesUncompressedOffsets) {
  TempDir dir;
  std::string warc;
  std::vector<uint64_t> offsets;
  for (const auto& rec : SampleRecords()) {
    if (rec.find("WARC-Type: response") != std::string::npos || rec.find("WARC-Type: resource") != std::string::npos)
      offsets.push_back(warc.size());
    warc += rec;
  }
  const std::string path = dir.Write("crawl.bin", warc);
  ExpectSample(Read(path), path, offsets);
}

TEST(InputWarcTest, PerRecordGzipUsesMemberOffsets) {
  TempDir dir;
  std::string file;
  std::vector<uint64_t> offsets;
  for (const auto& rec : SampleRecords()) {
    if (rec.find("WARC-Type: response") != std::string::npos || rec.find("WARC-Type: resource") != std::string::npos)
      offsets.push_back(file.size());
    file += Gzip(rec);
  }
  const std::string path = dir.Write("crawl.warc.gz", file);
  ReadResult run = Read(path);
  ExpectSample(run, path, offsets);
  // The offset is where a reader can start inflating that record alone.
  EXPECT_EQ(Gunzip(file.substr(offsets[1])).substr(0, 8), "WARC/1.0");
}

TEST(InputWarcTest, WholeFileGzipUsesUncompressedOffsets) {
  TempDir dir;
  std::string warc;
  std::vector<uint64_t> offsets;
  for (const auto& rec : SampleRecords()) {
    if (rec.find("WARC-Type: response") != std::string::npos || rec.find("WARC-Type: resource") != std::string::npos)
      offsets.push_back(warc.size());
    warc += rec;
  }
  const std::string path = dir.Write("whole", Gzip(warc));
  ExpectSample(Read(path), path, offsets);
}

TEST(InputWarcTest, UndoesChunkedAndGzipEncodings) {
  TempDir dir;
  const std::string chunked = Chunk("<html><body><p>Chunked ") + Chunk("content</p></body>\r\n") + "0\r\n\r\n";
  const std::string warc =
      Record("response", "http://x/1", Http("Transfer-Encoding: chunked\r\nContent-Type: text/html\r\n", chunked)) +
      Record("response", "http://x/2", Http("Content-Encoding: gzip\r\n", Gzip(kPage1))) +
      Record("response", "http://x/3", Http("Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", kPage2));
  ReadResult run = Read(dir.Write("enc.warc", warc));
  EXPECT_TRUE(run.errors.empty()) << run.Errors();
  ASSERT_EQ(run.docs.size(), 3u);
  EXPECT_EQ(run.docs[0].body, "<html><body><p>Chunked content</p></body>\r\n");
  EXPECT_EQ(run.docs[1].body, kPage1);
  EXPECT_EQ(run.docs[1].kind, ContentKind::kHtml);  // sniffed: no Content-Type
  EXPECT_EQ(run.docs[2].body, kPage2);              // the crawler had already decoded it
}

TEST(InputWarcTest, HttpErrorsAndBinaryMediaAreSkippedOnce) {
  TempDir dir;
  const std::string warc =
      Record("response", "http://x/404", Http("Content-Type: text/html\r\n", kPage1, 404)) +
      Record("response", "http://x/img", Http("Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n...")) +
      Record("response", "dns:x", "20240501100000\nx. 300 IN A 1.2.3.4\n") +
      Record("response", "http://x/ok", Http("Content-Type: text/html\r\n", kPage3));
  const std::string path = dir.Write("mixed.warc", warc);
  ReadResult run = Read(path);
  ASSERT_EQ(run.docs.size(), 1u);
  EXPECT_EQ(run.docs[0].url, "http://x/ok");
  ASSERT_EQ(run.errors.size(), 3u) << run.Errors();
  for (const auto& e : run.errors) EXPECT_EQ(e.second.code(), StatusCode::kUnsupported) << run.Errors();
  EXPECT_EQ(run.errors[0].first, path + "#0");
}

TEST(InputWarcTest, TruncatedGzipKeepsEarlierRecords) {
  TempDir dir;
  const std::string r1 = Gzip(Record("response", "http://x/1", Http("", kPage1)));
  const std::string r2 = Gzip(Record("response", "http://x/2", Http("", kPage2)));
  std::string big_page = "<html><body>";
  std::mt19937 rng(7);
  for (int i = 0; i < 4000; ++i) big_page += "<p>w" + std::to_string(rng()) + "</p>";
  const std::string r3 = Gzip(Record("response", "http://x/3", Http("", big_page)));
  const std::string path = dir.Write("cut.warc.gz", r1 + r2 + r3.substr(0, r3.size() / 2));
  ReadResult run = Read(path);
  ASSERT_EQ(run.docs.size(), 2u);
  ASSERT_EQ(run.errors.size(), 1u) << run.Errors();
  EXPECT_EQ(run.errors[0].first, path + "#" + std::to_string(r1.size() + r2.size()));
  EXPECT_EQ(run.errors[0].second.code(), StatusCode::kCorrupt);
  EXPECT_NE(run.errors[0].second.message().find("truncated"), std::string::npos);
}

TEST(InputWarcTest, LyingContentLengthSpoilsOnlyItsRecord) {
  TempDir dir;
  for (long lie : {50L, 10L, -20L}) {
    const std::string a = Record("response", "http://x/1", Http("", kPage1));
    const std::string b = Record("response", "http://x/2", Http("", kPage2), lie);
    const std::string c = Record("response", "http://x/3", Http("", kPage3));
    const std::string path = dir.Write("lie" + std::to_string(lie) + ".warc", a + b + c);
    ReadResult run = Read(path);
    ASSERT_EQ(run.docs.size(), 2u) << "lie " << lie << "\n" << run.Errors();
    EXPECT_EQ(run.docs[0].url, "http://x/1");
    EXPECT_EQ(run.docs[1].url, "http://x/3");
    EXPECT_EQ(run.docs[1].source, path + "#" + std::to_string(a.size() + b.size()));
    ASSERT_EQ(run.errors.size(), 1u) << run.Errors();
    EXPECT_EQ(run.errors[0].first, path + "#" + std::to_string(a.size()));
    EXPECT_EQ(run.errors[0].second.code(), StatusCode::kCorrupt);
  }
  // Per-record gzip: the lie crosses member boundaries; offsets stay compressed.
  const std::string a = Gzip(Record("response", "http://x/1", Http("", kPage1)));
  const std::string b = Gzip(Record("response", "http://x/2", Http("", kPage2), 70));
  const std::string c = Gzip(Record("response", "http://x/3", Http("", kPage3)));
  const std::string gz = dir.Write("lie.warc.gz", a + b + c);
  ReadResult gz_run = Read(gz);
  ASSERT_EQ(gz_run.docs.size(), 2u) << gz_run.Errors();
  EXPECT_EQ(gz_run.docs[1].source, gz + "#" + std::to_string(a.size() + b.size()));
  ASSERT_EQ(gz_run.errors.size(), 1u) << gz_run.Errors();
  EXPECT_EQ(gz_run.errors[0].first, gz + "#" + std::to_string(a.size()));
  // The last record claims more than the file holds.
  const std::string path = dir.Write("tail.warc", Record("response", "http://x/1", Http("", kPage1)) +
                                                      Record("response", "http://x/2", Http("", kPage2), 5000));
  ReadResult run = Read(path);
  EXPECT_EQ(run.docs.size(), 1u);
  ASSERT_EQ(run.errors.size(), 1u) << run.Errors();
  EXPECT_EQ(run.errors[0].second.code(), StatusCode::kCorrupt);
}

// Regression: a record claiming 10^12 bytes (far over the limit, far past
// the end) used to be skipped to the end of the file, losing every good
// record after it. It is reported as corrupt, and reading resumes at the
// next record header, in a plain WARC and in a per-record gzipped one.
TEST(InputWarcTest, HugeLyingLengthLosesOnlyItsRecord) {
  TempDir dir;
  const std::string good1 = Record("response", "http://x/1", Http("", kPage1));
  std::string liar = Record("response", "http://x/liar", Http("", kPage2));
  const std::string claimed = "Content-Length: " + std::to_string(Http("", kPage2).size());
  ASSERT_NE(liar.find(claimed), std::string::npos);
  liar.replace(liar.find(claimed), claimed.size(), "Content-Length: 1000000000000");
  const std::string good2 = Record("response", "http://x/2", Http("", kPage3));
  const std::string good3 = Record("resource", "http://x/3", kPage1, 0, "Content-Type: text/html\r\n");
  for (bool gz : {false, true}) {
    std::string file;
    std::vector<uint64_t> at;
    for (const std::string& rec : {good1, liar, good2, good3}) {
      at.push_back(file.size());
      file += gz ? Gzip(rec) : rec;
    }
    const std::string path = dir.Write(gz ? "liar.warc.gz" : "liar.warc", file);
    ReadResult run = Read(path);
    ASSERT_TRUE(run.status.ok());
    ASSERT_EQ(run.docs.size(), 3u) << (gz ? "gzip\n" : "plain\n") << run.Errors();
    EXPECT_EQ(run.docs[0].url, "http://x/1");
    EXPECT_EQ(run.docs[1].url, "http://x/2");
    EXPECT_EQ(run.docs[1].source, path + "#" + std::to_string(at[2]));
    EXPECT_EQ(run.docs[1].body, kPage3);
    EXPECT_EQ(run.docs[2].url, "http://x/3");
    ASSERT_EQ(run.errors.size(), 1u) << run.Errors();
    EXPECT_EQ(run.errors[0].first, path + "#" + std::to_string(at[1]));
    EXPECT_EQ(run.errors[0].second.code(), StatusCode::kCorrupt);
    EXPECT_NE(run.errors[0].second.message().find("runs past the next record header"), std::string::npos)
        << run.Errors();
  }
  // The same lie as the last record: corrupt, and the records before stay.
  const std::string path = dir.Write("liar_last.warc", good1 + liar);
  ReadResult run = Read(path);
  ASSERT_EQ(run.docs.size(), 1u);
  ASSERT_EQ(run.errors.size(), 1u) << run.Errors();
  EXPECT_EQ(run.errors[0].second.code(), StatusCode::kCorrupt);
}

// A record over the limit whose block holds a line that starts like a record
// header is cut there (it cannot be told from a lie without reading it all);
// the records after it are still read.
TEST(InputWarcTest, OversizedRecordWithHeaderLikeLineLosesNothingAfter) {
  TempDir dir;
  const std::string big = "<html><body>" + std::string(3000, 'x') + "</body></html>\nWARC/1.0 is a format\n" +
                          std::string(3000, 'y');
  const std::string warc = Record("response", "http://x/big", Http("", big)) +
                           Record("response", "http://x/ok", Http("", kPage1));
  InputLimits limits;
  limits.max_document_bytes = 1000;
  ReadResult run = Read(dir.Write("big2.warc", warc), limits);
  ASSERT_EQ(run.docs.size(), 1u) << run.Errors();
  EXPECT_EQ(run.docs[0].url, "http://x/ok");
  ASSERT_GE(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].second.code(), StatusCode::kCorrupt) << run.Errors();
}

TEST(InputWarcTest, OversizedRecordIsSkipped) {
  TempDir dir;
  const std::string big = "<html><body>" + std::string(5000, 'x') + "</body></html>";
  const std::string warc = Record("response", "http://x/big", Http("", big)) +
                           Record("response", "http://x/ok", Http("", kPage1));
  InputLimits limits;
  limits.max_document_bytes = 1000;
  ReadResult run = Read(dir.Write("big.warc", warc), limits);
  ASSERT_EQ(run.docs.size(), 1u);
  EXPECT_EQ(run.docs[0].url, "http://x/ok");
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].second.code(), StatusCode::kTooLarge);
}

TEST(InputJsonLinesTest, BadLineIsReportedAndOthersGoOn) {
  TempDir dir;
  const std::string jsonl =
      "{\"url\":\"http://j/1\",\"html\":\"<p>one</p>\",\"lang_hint\":\"en\",\"n\":3}\n"
      "{\"url\": \"http://j/2\", \"text\": broken\n"
      "\n"
      "{\"url\":\"http://j/4\",\"text\":\"four\"}\n"
      "{\"url\":\"http://j/5\"}\n"
      "[1,2]\n"
      "{\"text\":\"seven\"}";
  const std::string path = dir.Write("pages", jsonl);
  ReadResult run = Read(path);
  ASSERT_EQ(run.docs.size(), 3u);
  EXPECT_EQ(run.docs[0].source, path + ":1");
  EXPECT_EQ(run.docs[0].url, "http://j/1");
  EXPECT_EQ(run.docs[0].body, "<p>one</p>");
  EXPECT_EQ(run.docs[0].kind, ContentKind::kHtml);
  EXPECT_EQ(run.docs[0].extra_json, "{\"lang_hint\":\"en\",\"n\":3}");
  EXPECT_EQ(run.docs[1].source, path + ":4");
  EXPECT_EQ(run.docs[1].kind, ContentKind::kText);
  EXPECT_EQ(run.docs[1].extra_json, "");
  EXPECT_EQ(run.docs[2].source, path + ":7");
  EXPECT_EQ(run.docs[2].body, "seven");
  ASSERT_EQ(run.errors.size(), 3u) << run.Errors();
  EXPECT_EQ(run.errors[0].first, path + ":2");
  EXPECT_EQ(run.errors[1].first, path + ":5");
  EXPECT_EQ(run.errors[2].first, path + ":6");
  for (const auto& e : run.errors) EXPECT_EQ(e.second.code(), StatusCode::kCorrupt);
}

TEST(InputJsonLinesTest, GzippedAndOverlongLines) {
  TempDir dir;
  const std::string jsonl = "{\"url\":\"u1\",\"text\":\"" + std::string(3000, 'a') + "\"}\n" +
                            "{\"url\":\"u2\",\"text\":\"short\"}\n";
  InputLimits limits;
  limits.max_document_bytes = 1000;
  ReadResult run = Read(dir.Write("p.jsonl.gz", Gzip(jsonl)), limits);
  ASSERT_EQ(run.docs.size(), 1u);
  EXPECT_EQ(run.docs[0].url, "u2");
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].second.code(), StatusCode::kTooLarge);
}

TEST(InputPageTest, UrlLineTextFile) {
  TempDir dir;
  const std::string path = dir.Write("d001", "URL: https://news.example/a-visit\n\nThe minister arrived.\n");
  ReadResult run = Read(path);
  ASSERT_EQ(run.docs.size(), 1u);
  EXPECT_TRUE(run.errors.empty());
  EXPECT_EQ(run.docs[0].source, path);
  EXPECT_EQ(run.docs[0].url, "https://news.example/a-visit");
  EXPECT_EQ(run.docs[0].body, "The minister arrived.\n");
  EXPECT_EQ(run.docs[0].kind, ContentKind::kText);
}

TEST(InputPageTest, FolderIsReadRecursivelyInSortedOrder) {
  TempDir dir;
  dir.Write("b/z.html", kPage1);
  dir.Write("b/a/deep/x.gz", Gzip(kPage2));
  dir.Write("a.txt", "Plain text");
  dir.Write("c", "");
  ReadResult run = Read(dir.path());
  ASSERT_TRUE(run.status.ok());
  ASSERT_EQ(run.docs.size(), 3u);
  EXPECT_EQ(run.docs[0].source, (fs::path(dir.path()) / "a.txt").string());
  EXPECT_EQ(run.docs[1].source, (fs::path(dir.path()) / "b/a/deep/x.gz").string());
  EXPECT_EQ(run.docs[1].body, kPage2);
  EXPECT_EQ(run.docs[2].source, (fs::path(dir.path()) / "b/z.html").string());
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].second.code(), StatusCode::kEmpty);
}

TEST(InputPageTest, GzipBombStops) {
  TempDir dir;
  const std::string path = dir.Write("bomb.html.gz", Gzip("<html>" + std::string(8 << 20, ' ')));
  InputLimits limits;
  limits.max_inflated_bytes = 1 << 20;
  ReadResult run = Read(path, limits);
  EXPECT_TRUE(run.docs.empty());
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].second.code(), StatusCode::kTooLarge);
  EXPECT_NE(run.errors[0].second.message().find("gzip"), std::string::npos);
  limits = {};
  limits.max_document_bytes = 1 << 20;  // the page limit also stops it
  run = Read(path, limits);
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].second.code(), StatusCode::kTooLarge);
}

TEST(InputPageTest, TruncatedGzipPage) {
  TempDir dir;
  std::string page = "<html><body>";
  for (int i = 0; i < 2000; ++i) page += "<p>" + std::to_string(i * 7919) + "</p>";
  const std::string gz = Gzip(page);
  ReadResult run = Read(dir.Write("cut.gz", gz.substr(0, gz.size() - 100)));
  EXPECT_TRUE(run.docs.empty());
  ASSERT_EQ(run.errors.size(), 1u);
  EXPECT_EQ(run.errors[0].second.code(), StatusCode::kCorrupt);
}

TEST(InputPageTest, BinaryEmptyAndTooLarge) {
  TempDir dir;
  std::mt19937 rng(42);
  std::string random(3000, '\0');
  for (char& c : random) c = static_cast<char>(rng());
  dir.Write("1random", random);
  dir.Write("2png", Bytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR") + "rest");
  dir.Write("3empty", "");
  dir.Write("4blank", " \r\n\t\n");
  dir.Write("5big", "<html>" + std::string(5000, 'a'));
  dir.Write("6nuls", Bytes("<html><body>\0<p>Hello\0 world</p>\0</body></html>"));
  dir.Write("7utf16", Bytes("\xFF\xFE<\0h\0t\0m\0l\0>\0h\0i\0"));
  dir.Write("8invalid-utf8", "Caf\xE9 \xFF\xFE text");
  InputLimits limits;
  limits.max_document_bytes = 4000;
  ReadResult run = Read(dir.path(), limits);
  ASSERT_EQ(run.errors.size(), 5u) << run.Errors();
  EXPECT_EQ(run.errors[0].second.code(), StatusCode::kUnsupported);
  EXPECT_EQ(run.errors[1].second.code(), StatusCode::kUnsupported);
  EXPECT_EQ(run.errors[2].second.code(), StatusCode::kEmpty);
  EXPECT_EQ(run.errors[3].second.code(), StatusCode::kEmpty);
  EXPECT_EQ(run.errors[4].second.code(), StatusCode::kTooLarge);
  ASSERT_EQ(run.docs.size(), 3u);
  EXPECT_EQ(run.docs[0].body, "<html><body><p>Hello world</p></body></html>");
  EXPECT_EQ(run.docs[0].kind, ContentKind::kHtml);
  EXPECT_EQ(run.docs[1].body.size(), 18u);  // UTF-16 keeps its NULs
  EXPECT_EQ(run.docs[1].kind, ContentKind::kHtml);
  EXPECT_EQ(run.docs[2].body, "Caf\xE9 \xFF\xFE text");
}

TEST(InputPageTest, MissingPathIsTheOnlyFailure) {
  ReadResult run = Read("/nonexistent/attache/input");
  EXPECT_EQ(run.status.code(), StatusCode::kNotFound);
  EXPECT_TRUE(run.docs.empty());
  EXPECT_TRUE(run.errors.empty());
}

TEST(InputPageTest, StdinIsSniffedToo) {
  TempDir dir;
  const std::string path = dir.Write("in.warc.gz", Gzip(Record("response", "http://s/1", Http("", kPage1))) +
                                                       Gzip(Record("response", "http://s/2", Http("", kPage2))));
  const int saved = ::dup(STDIN_FILENO);
  const int fd = ::open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ::dup2(fd, STDIN_FILENO);
  ::close(fd);
  ReadResult run = Read("-");
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  ASSERT_EQ(run.docs.size(), 2u) << run.Errors();
  EXPECT_EQ(run.docs[0].source, "-#0");
  EXPECT_EQ(run.docs[1].url, "http://s/2");
}

TEST(InputSniffTest, Kinds) {
  using input::SniffKind;
  EXPECT_EQ(SniffKind("\xEF\xBB\xBF  <!DOCTYPE html><p>x"), ContentKind::kHtml);
  EXPECT_EQ(SniffKind("<!-- generated --> <HTML lang=en>"), ContentKind::kHtml);
  EXPECT_EQ(SniffKind("<div class=a><p>Hello</p></div>"), ContentKind::kHtml);
  EXPECT_EQ(SniffKind("Prices rose 3% as x < y, analysts said."), ContentKind::kText);
  std::string dense = "Menu ";
  for (int i = 0; i < 10; ++i) dense += "<a href=/x>link</a> ";
  EXPECT_EQ(SniffKind(dense), ContentKind::kHtml);
  EXPECT_EQ(input::SniffContainer("WARC/1.1\r\n"), input::Container::kWarc);
  EXPECT_EQ(input::SniffContainer("  {\"url\": 1}"), input::Container::kJsonLines);
  EXPECT_EQ(input::SniffContainer("{braces} in text"), input::Container::kDocument);
}

}  // namespace
}  // namespace attache
