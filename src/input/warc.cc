#include "input/warc.h"

#include <cstdint>
#include <string_view>

#include "input/sniff.h"

namespace attache::input {

namespace {

constexpr size_t kMaxHeaderLine = 64 * 1024;
constexpr size_t kMaxHeaderBytes = 1024 * 1024;
constexpr std::string_view kRecordMarker = "WARC/1.";

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

bool ParseUint(std::string_view s, uint64_t* out) {
  s = Trim(s);
  if (s.empty() || s.size() > 19) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

// Splits "Name: value" header lines; calls f(lower-case name, value).
template <typename F>
void ForEachHeader(std::string_view lines, F f) {
  size_t p = 0;
  while (p < lines.size()) {
    size_t e = lines.find('\n', p);
    if (e == std::string_view::npos) e = lines.size();
    const std::string_view line = lines.substr(p, e - p);
    p = e + 1;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    f(LowerCopy(Trim(line.substr(0, colon))), Trim(line.substr(colon + 1)));
  }
}

// The media type of a Content-Type value, lower case, without parameters.
std::string MediaType(std::string_view content_type) {
  return LowerCopy(Trim(content_type.substr(0, content_type.find(';'))));
}

std::string CharsetOf(std::string_view content_type) {
  const std::string lower = LowerCopy(content_type);
  const size_t at = lower.find("charset=");
  if (at == std::string::npos) return "";
  std::string_view v = content_type.substr(at + 8);
  v = v.substr(0, v.find(';'));
  v = Trim(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) v = v.substr(1, v.size() - 2);
  return std::string(Trim(v));
}

// Media types that can never hold a page.
bool IsBinaryMedia(std::string_view mime) {
  for (std::string_view p : {"image/", "audio/", "video/", "font/", "model/"})
    if (mime.substr(0, p.size()) == p) return true;
  for (std::string_view m : {"application/pdf", "application/octet-stream", "application/zip",
                             "application/gzip", "application/x-gzip", "application/font-woff",
                             "application/vnd.ms-fontobject", "application/x-shockwave-flash"})
    if (mime == m) return true;
  return false;
}

// Undoes chunked transfer-coding. Returns false (body untouched) when the
// body does not start like a chunked one, e.g. because the crawler already
// removed the coding but kept the header.
bool Dechunk(std::string* body) {
  std::string out;
  size_t p = 0;
  bool first = true;
  while (p < body->size()) {
    const size_t eol = body->find('\n', p);
    if (eol == std::string::npos || eol - p > 64) break;
    std::string_view line = Trim(std::string_view(*body).substr(p, eol - p));
    line = Trim(line.substr(0, line.find(';')));
    if (line.empty() || line.size() > 15) break;
    uint64_t size = 0;
    bool hex = true;
    for (char c : line) {
      const char l = Lower(c);
      if (c >= '0' && c <= '9') size = size * 16 + static_cast<uint64_t>(c - '0');
      else if (l >= 'a' && l <= 'f') size = size * 16 + static_cast<uint64_t>(l - 'a' + 10);
      else hex = false;
    }
    if (!hex) break;
    p = eol + 1;
    if (size == 0) {
      first = false;
      break;
    }
    const size_t take = static_cast<size_t>(std::min<uint64_t>(size, body->size() - p));
    if (first) {
      // Demand a well-formed first chunk before believing the coding.
      const size_t after = p + take;
      if (take != size || !(body->compare(after, 2, "\r\n") == 0 || body->compare(after, 1, "\n") == 0))
        return false;
    }
    out.append(*body, p, take);
    p += take;
    if (p < body->size() && (*body)[p] == '\r') ++p;
    if (p < body->size() && (*body)[p] == '\n') ++p;
    first = false;
  }
  if (first) return false;
  *body = std::move(out);
  return true;
}

std::string RecordSource(const std::string& name, BufferedReader* r, uint64_t start) {
  uint64_t compressed = 0;
  const uint64_t off = r->source().MemberOffset(start, &compressed) ? compressed : start;
  return name + "#" + std::to_string(off);
}

// After a record's block: up to two CRLFs, then the end or the next record.
bool AtRecordBoundary(BufferedReader* r) {
  const std::string_view p = r->Peek(8 + 5);
  size_t i = 0;
  while (i < p.size() && i < 8 && (p[i] == '\r' || p[i] == '\n')) ++i;
  const std::string_view rest = p.substr(i);
  if (!rest.empty() && rest.substr(0, 5) != std::string_view("WARC/").substr(0, rest.size())) return false;
  if (rest.empty() && !r->status().ok()) return false;
  r->Skip(i);
  return true;
}

// After a broken record whose block is in hand: continue at the next record
// header inside the block if there is one, else further on in the stream.
bool Resync(BufferedReader* r, std::string_view block) {
  std::string needle = "\n";
  needle.append(kRecordMarker);
  const size_t hit = block.find(needle);
  if (hit != std::string_view::npos) {
    r->Unread(block.substr(hit + 1));
    return true;
  }
  // The marker may straddle the end of the block and what follows it.
  const size_t tail = std::min(block.size(), needle.size() - 1);
  std::string joined(block.substr(block.size() - tail));
  joined.append(r->Peek(needle.size()));
  const size_t straddle = joined.find(needle);
  if (straddle != std::string::npos && straddle + 1 < tail) {
    r->Unread(block.substr(block.size() - tail + straddle + 1));
    return true;
  }
  return r->SkipToLineStartingWith(kRecordMarker);
}

}  // namespace

Status ParseHttpResponse(std::string* block, const InputLimits& limits, RawDocument* doc) {
  if (block->compare(0, 5, "HTTP/") != 0) return Status::Unsupported("response record does not hold an HTTP response");
  size_t end = block->find("\r\n\r\n");
  size_t body_at = end == std::string::npos ? std::string::npos : end + 4;
  const size_t lf = block->find("\n\n");
  if (lf != std::string::npos && (end == std::string::npos || lf < end)) end = lf, body_at = lf + 2;
  if (end == std::string::npos) end = body_at = block->size();
  const std::string_view head = std::string_view(*block).substr(0, end);
  const size_t sp = head.find(' ');
  uint64_t code = 0;
  if (sp == std::string_view::npos || !ParseUint(head.substr(sp + 1, 3), &code))
    return Status::Corrupt("bad HTTP status line");
  std::string content_type, transfer, content_encoding, date;
  ForEachHeader(head.substr(head.find('\n') == std::string_view::npos ? head.size() : head.find('\n') + 1),
                [&](const std::string& name, std::string_view value) {
                  if (name == "content-type") content_type = value;
                  else if (name == "transfer-encoding") transfer = LowerCopy(value);
                  else if (name == "content-encoding") content_encoding = LowerCopy(value);
                  else if (name == "date") date = value;
                });
  if (code < 200 || code > 299) return Status::Unsupported("HTTP status " + std::to_string(code) + ", not a page");
  const std::string mime = MediaType(content_type);
  if (IsBinaryMedia(mime)) return Status::Unsupported("media type " + mime + " is not a page");
  doc->http_charset = CharsetOf(content_type);
  if (mime.find("html") != std::string::npos) doc->kind = ContentKind::kHtml;
  if (doc->date.empty()) doc->date = date;
  block->erase(0, body_at);
  if (transfer.find("chunked") != std::string::npos) Dechunk(block);
  const bool gzip_magic = block->size() >= 2 && (*block)[0] == '\x1f' && (*block)[1] == '\x8b';
  if ((content_encoding.find("gzip") != std::string::npos && gzip_magic) ||
      content_encoding.find("deflate") != std::string::npos) {
    std::string inflated;
    Status st = InflateBuffer(*block, limits.max_document_bytes, &inflated);
    if (st.ok()) *block = std::move(inflated);
    else if (gzip_magic || st.code() == StatusCode::kTooLarge) return st;
    // else: deflate that does not inflate was already decoded by the crawler.
  }
  doc->body = std::move(*block);
  return Status::Ok();
}

void ReadWarc(BufferedReader* r, const std::string& name, const InputLimits& limits,
              const DocumentSink& on_doc, const ErrorSink& on_error) {
  std::string line, block;
  while (true) {
    // Blank lines between records.
    for (std::string_view p = r->Peek(1); !p.empty() && (p[0] == '\r' || p[0] == '\n'); p = r->Peek(1)) r->Skip(1);
    const uint64_t start = r->offset();
    if (r->AtEnd()) {
      if (!r->status().ok()) on_error(name + "#" + std::to_string(start), r->status());
      return;
    }
    r->source().ForgetBefore(start);
    const std::string source = RecordSource(name, r, start);
    auto fail = [&](const Status& st) {
      on_error(source, r->status().ok() ? st : r->status());
    };

    // Version line and named fields.
    if (r->ReadLine(kMaxHeaderLine, &line) != BufferedReader::Line::kOk ||
        line.compare(0, kRecordMarker.size(), kRecordMarker) != 0) {
      fail(Status::Corrupt("expected a WARC/1.x record header"));
      if (!r->status().ok() || !r->SkipToLineStartingWith(kRecordMarker)) return;
      continue;
    }
    std::string headers;
    bool header_ok = false;
    while (headers.size() <= kMaxHeaderBytes) {
      if (r->ReadLine(kMaxHeaderLine, &line) != BufferedReader::Line::kOk) break;
      if (Trim(line).empty()) {
        header_ok = true;
        break;
      }
      if ((line[0] == ' ' || line[0] == '\t') && !headers.empty()) headers.pop_back();  // folded line
      headers.append(line);
    }
    if (!header_ok) {
      fail(Status::Corrupt("truncated or oversized WARC record header"));
      if (!r->status().ok() || !r->SkipToLineStartingWith(kRecordMarker)) return;
      continue;
    }
    std::string type, uri, date, content_type;
    uint64_t length = 0;
    bool has_length = false;
    ForEachHeader(headers, [&](const std::string& field, std::string_view value) {
      if (field == "warc-type") type = LowerCopy(value);
      else if (field == "warc-target-uri") uri = value;
      else if (field == "warc-date") date = value;
      else if (field == "content-type") content_type = value;
      else if (field == "content-length") has_length = ParseUint(value, &length);
    });
    if (!has_length) {
      fail(Status::Corrupt("WARC record without a valid Content-Length"));
      if (!r->SkipToLineStartingWith(kRecordMarker)) return;
      continue;
    }
    const bool wanted = type == "response" || type == "resource";

    // The block. Records over the limit are skipped without being stored.
    // A length that runs past the next record header (or past the end of
    // the file) is a lie: the record is corrupt, and reading goes on from
    // that header, so one bad record never costs the good ones after it.
    if (length > limits.max_document_bytes) {
      bool at_header = false;
      const uint64_t skipped = r->SkipWithin(length, kRecordMarker, &at_header);
      if (at_header) {
        fail(Status::Corrupt("Content-Length of " + std::to_string(length) +
                             " bytes runs past the next record header"));
        continue;
      }
      if (skipped < length) {
        fail(Status::Corrupt("record ends before its Content-Length of " + std::to_string(length) + " bytes"));
        return;
      }
      if (wanted)
        on_error(source, Status::TooLarge("record of " + std::to_string(length) + " bytes is over the limit of " +
                                          std::to_string(limits.max_document_bytes)));
      if (!AtRecordBoundary(r)) {
        if (!wanted) fail(Status::Corrupt("Content-Length does not end at a record boundary"));
        if (!r->status().ok() || !r->SkipToLineStartingWith(kRecordMarker)) return;
      }
      continue;
    }
    block.clear();
    block.reserve(static_cast<size_t>(length));
    if (r->Read(length, &block) < length) {
      if (!r->status().ok()) return fail(r->status());
      fail(Status::Corrupt("record ends before its Content-Length of " + std::to_string(length) +
                           " bytes (truncated file or wrong length)"));
      if (!Resync(r, block)) return;
      continue;
    }
    if (!AtRecordBoundary(r)) {
      if (!r->status().ok()) return fail(r->status());
      fail(Status::Corrupt("Content-Length of " + std::to_string(length) +
                           " bytes does not end at a record boundary"));
      if (!Resync(r, block)) return;
      continue;
    }
    if (!wanted) continue;

    RawDocument doc;
    doc.source = source;
    std::string_view u = Trim(uri);
    if (u.size() >= 2 && u.front() == '<' && u.back() == '>') u = u.substr(1, u.size() - 2);
    doc.url = std::string(u);
    doc.date = date;
    Status st;
    if (type == "response") {
      st = ParseHttpResponse(&block, limits, &doc);
    } else {
      const std::string mime = MediaType(content_type);
      if (IsBinaryMedia(mime)) st = Status::Unsupported("media type " + mime + " is not a page");
      doc.http_charset = CharsetOf(content_type);
      if (mime.find("html") != std::string::npos) doc.kind = ContentKind::kHtml;
      doc.body = std::move(block);
    }
    if (st.ok()) st = FinishDocument(&doc);
    if (st.ok()) on_doc(std::move(doc));
    else on_error(source, st);
    block = std::string();
  }
}

}  // namespace attache::input
