#include "input/byte_stream.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <isa-l/igzip_lib.h>
#include <zlib.h>

namespace attache::input {

// ---- FdSource ---------------------------------------------------------------

FdSource::~FdSource() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

size_t FdSource::ReadFd(char* buf, size_t n) {
  while (true) {
    const ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) return static_cast<size_t>(got);
    if (errno == EINTR) continue;
    status_ = Status::IoError(std::string("read failed: ") + std::strerror(errno));
    return 0;
  }
}

std::string_view FdSource::Peek(size_t n) {
  while (pending_.size() < n && status_.ok()) {
    const size_t old = pending_.size();
    pending_.resize(n);
    const size_t got = ReadFd(pending_.data() + old, n - old);
    pending_.resize(old + got);
    if (got == 0) break;
  }
  return std::string_view(pending_).substr(0, std::min(n, pending_.size()));
}

size_t FdSource::Read(char* buf, size_t n) {
  if (!pending_.empty()) {
    const size_t k = std::min(n, pending_.size());
    std::memcpy(buf, pending_.data(), k);
    pending_.erase(0, k);
    return k;
  }
  if (!status_.ok()) return 0;
  return ReadFd(buf, n);
}

// ---- GzipSource -------------------------------------------------------------
//
// Inflated with Intel's ISA-L (igzip), about three times as fast as zlib on
// the same members: a .warc.gz is inflated on the one reading thread, so its
// speed bounds every parallel run. ISA-L checks each member's header, CRC and
// length; the members and what lies between them are walked here.

namespace {
constexpr size_t kInChunk = 64 * 1024;
}

GzipSource::GzipSource(std::unique_ptr<ByteSource> raw, uint64_t max_member_bytes)
    : raw_(std::move(raw)), max_member_bytes_(max_member_bytes), strm_(new inflate_state), in_(new char[kInChunk]) {
  isal_inflate_init(strm_.get());
  strm_->avail_in = 0;
}

GzipSource::~GzipSource() = default;

bool GzipSource::Refill() {
  const size_t got = raw_->Read(in_.get(), kInChunk);
  if (got == 0) {
    if (!raw_->status().ok()) status_ = raw_->status();
    return false;
  }
  raw_read_ += got;
  strm_->next_in = reinterpret_cast<uint8_t*>(in_.get());
  strm_->avail_in = static_cast<uint32_t>(got);
  return true;
}

namespace {
const char* InflateError(int ret) {
  switch (ret) {
    case ISAL_INVALID_BLOCK: return "invalid block";
    case ISAL_INVALID_SYMBOL: return "invalid code";
    case ISAL_INVALID_LOOKBACK: return "invalid distance too far back";
    case ISAL_INVALID_WRAPPER: return "incorrect header check";
    case ISAL_UNSUPPORTED_METHOD: return "unknown compression method";
    case ISAL_INCORRECT_CHECKSUM: return "incorrect data check";
    default: return "inflate failed";
  }
}
}  // namespace

size_t GzipSource::Read(char* buf, size_t n) {
  if (done_ || !status_.ok()) return 0;
  n = std::min<size_t>(n, 1u << 30);
  inflate_state& s = *strm_;
  while (true) {
    if (s.avail_in == 0 && !Refill()) {
      if (!status_.ok()) return 0;
      if (in_member_) {
        status_ = Status::Corrupt("truncated gzip stream (the input ends inside a compressed member)");
      }
      done_ = true;
      return 0;
    }
    if (!in_member_) {
      // Between members: a new member, NUL padding, or garbage.
      const uint8_t first = s.next_in[0];
      if (first == 0) {
        while (s.avail_in > 0 && s.next_in[0] == 0) {
          ++s.next_in;
          --s.avail_in;
        }
        continue;
      }
      if (first != 0x1f) {
        status_ = Status::Corrupt("bytes after the end of the gzip data are not gzip");
        return 0;
      }
      uint8_t* const next_in = s.next_in;
      const uint32_t avail_in = s.avail_in;
      isal_inflate_reset(&s);
      s.crc_flag = ISAL_GZIP;
      s.next_in = next_in;
      s.avail_in = avail_in;
      members_.push_back({out_total_, raw_read_ - s.avail_in});
      in_member_ = true;
      member_out_ = 0;
    }
    s.next_out = reinterpret_cast<uint8_t*>(buf);
    s.avail_out = static_cast<uint32_t>(n);
    const int ret = isal_inflate(&s);
    const size_t produced = n - s.avail_out;
    out_total_ += produced;
    member_out_ += produced;
    if (member_out_ > max_member_bytes_) {
      status_ = Status::TooLarge("gzip stream inflates past the limit of " +
                                 std::to_string(max_member_bytes_) + " bytes (a gzip bomb?)");
      return 0;
    }
    // Many members, each under the limit, add up to a bomb as well: past the
    // limit, the stream as a whole may not inflate more than kMaxStreamRatio
    // times what it has read (web pages and WARC files inflate 3 to 20 times).
    if (out_total_ > max_member_bytes_ && out_total_ / std::max<uint64_t>(raw_read_, 1) > kMaxStreamRatio) {
      status_ = Status::TooLarge("gzip stream inflates past " + std::to_string(max_member_bytes_) + " bytes at over " +
                                 std::to_string(kMaxStreamRatio) + " times its compressed size (a gzip bomb?)");
      return 0;
    }
    if (ret < 0) {
      status_ = Status::Corrupt(std::string("bad gzip data: ") + InflateError(ret));
      return 0;
    }
    if (s.block_state == ISAL_BLOCK_FINISH) in_member_ = false;
    if (produced > 0) return produced;
  }
}

bool GzipSource::MemberOffset(uint64_t out_offset, uint64_t* in_offset) const {
  for (const Member& m : members_) {
    if (m.out_start == out_offset) {
      *in_offset = m.in_start;
      return true;
    }
    if (m.out_start > out_offset) break;
  }
  return false;
}

void GzipSource::ForgetBefore(uint64_t out_offset) {
  while (members_.size() > 1 && members_[1].out_start <= out_offset) members_.pop_front();
}

// ---- BufferedReader ---------------------------------------------------------

bool BufferedReader::Fill(size_t n) {
  if (Buffered() >= n) return true;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  while (buf_.size() < n) {
    const size_t old = buf_.size();
    const size_t want = std::max(kChunk, n - old);
    buf_.resize(old + want);
    const size_t got = src_->Read(buf_.data() + old, want);
    buf_.resize(old + got);
    if (got == 0) return false;
  }
  return true;
}

std::string_view BufferedReader::Peek(size_t n) {
  Fill(n);
  return std::string_view(buf_).substr(pos_, std::min(n, Buffered()));
}

size_t BufferedReader::Read(uint64_t n, std::string* out) {
  const size_t from_buf = static_cast<size_t>(std::min<uint64_t>(n, Buffered()));
  out->append(buf_, pos_, from_buf);
  Consume(from_buf);
  size_t total = from_buf;
  while (total < n) {
    const size_t old = out->size();
    // Fill what the caller reserved first (no reallocation); beyond that,
    // grow geometrically: a resize zero-fills, so asking for the whole limit
    // at once would cost a memset of the limit for every small document.
    const size_t step = out->capacity() > old
                            ? out->capacity() - old
                            : std::max<size_t>(size_t{64} << 10, std::min<size_t>(old, size_t{16} << 20));
    const size_t want = static_cast<size_t>(std::min<uint64_t>(n - total, step));
    out->resize(old + want);
    const size_t got = src_->Read(out->data() + old, want);
    out->resize(old + got);
    if (got == 0) break;
    total += got;
    offset_ += got;
  }
  return total;
}

uint64_t BufferedReader::Skip(uint64_t n) {
  const size_t from_buf = static_cast<size_t>(std::min<uint64_t>(n, Buffered()));
  Consume(from_buf);
  uint64_t total = from_buf;
  if (total < n) {
    std::unique_ptr<char[]> scratch(new char[kChunk]);
    while (total < n) {
      const size_t got = src_->Read(scratch.get(), static_cast<size_t>(std::min<uint64_t>(n - total, kChunk)));
      if (got == 0) break;
      total += got;
      offset_ += got;
    }
  }
  return total;
}

BufferedReader::Line BufferedReader::ReadLine(size_t max, std::string* line) {
  line->clear();
  size_t scanned = 0;  // bytes after pos_ known to hold no '\n'
  while (true) {
    const size_t nl = buf_.find('\n', pos_ + scanned);
    if (nl != std::string::npos) {
      const size_t len = nl + 1 - pos_;
      if (len > max) {
        Consume(len);
        return Line::kTooLong;
      }
      line->assign(buf_, pos_, len);
      Consume(len);
      return Line::kOk;
    }
    scanned = Buffered();
    if (scanned > max) {
      // Too long: drop what is buffered and skip to the end of the line.
      Consume(scanned);
      while (true) {
        if (!Fill(1)) return Line::kTooLong;
        const size_t e = buf_.find('\n', pos_);
        if (e != std::string::npos) {
          Consume(e + 1 - pos_);
          return Line::kTooLong;
        }
        Consume(Buffered());
      }
    }
    if (!Fill(scanned + 1)) {
      if (scanned == 0) return Line::kEnd;
      line->assign(buf_, pos_, scanned);
      Consume(scanned);
      return Line::kOk;
    }
  }
}

bool BufferedReader::SkipToLineStartingWith(std::string_view marker) {
  while (true) {
    if (!Fill(marker.size())) {
      Consume(Buffered());
      return false;
    }
    std::string_view avail = std::string_view(buf_).substr(pos_);
    if (avail.substr(0, marker.size()) == marker) return true;
    std::string needle = "\n";
    needle.append(marker);
    const size_t hit = avail.find(needle);
    if (hit != std::string_view::npos) {
      Consume(hit + 1);
      return true;
    }
    // Keep the tail that could start a match, read on.
    const size_t keep = std::min(avail.size(), marker.size());
    Consume(avail.size() - keep);
    if (!Fill(Buffered() + 1)) {
      Consume(Buffered());
      return false;
    }
  }
}

uint64_t BufferedReader::SkipWithin(uint64_t n, std::string_view marker, bool* found) {
  *found = false;
  std::string needle = "\n";
  needle.append(marker);
  uint64_t done = 0;
  while (done < n) {
    const uint64_t left = n - done;
    // Enough to see a needle whose '\n' is the last byte inside the span.
    Fill(static_cast<size_t>(std::min<uint64_t>(left, kChunk)) + needle.size());
    const std::string_view avail = std::string_view(buf_).substr(pos_);
    if (avail.empty()) break;
    const size_t hit = avail.find(needle);
    if (hit != std::string_view::npos && hit + 1 < left) {
      Consume(hit + 1);
      *found = true;
      return done + hit + 1;
    }
    // Keep the tail that could start a needle, unless the stream ends here.
    size_t take = avail.size() >= needle.size() ? avail.size() - (needle.size() - 1) : 0;
    if (avail.size() < needle.size() + std::min<uint64_t>(left, kChunk)) take = avail.size();  // the stream ended
    take = static_cast<size_t>(std::min<uint64_t>(take, left));
    if (take == 0) break;
    Consume(take);
    done += take;
  }
  return done;
}

void BufferedReader::Unread(std::string_view bytes) {
  buf_.erase(0, pos_);
  buf_.insert(0, bytes);
  pos_ = 0;
  offset_ -= bytes.size();
}

// ---- InflateBuffer ----------------------------------------------------------

namespace {

Status InflateWith(std::string_view in, size_t max_out, int window_bits, std::string* out) {
  z_stream s{};
  if (inflateInit2(&s, window_bits) != Z_OK) return Status::IoError("zlib could not be initialised");
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  s.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), UINT32_MAX));
  out->clear();
  char chunk[16384];
  int ret = Z_OK;
  Status st;
  while (ret != Z_STREAM_END) {
    s.next_out = reinterpret_cast<Bytef*>(chunk);
    s.avail_out = sizeof chunk;
    ret = inflate(&s, Z_NO_FLUSH);
    out->append(chunk, sizeof chunk - s.avail_out);
    if (out->size() > max_out) {
      st = Status::TooLarge("compressed body inflates past the limit of " + std::to_string(max_out) + " bytes");
      break;
    }
    if (ret == Z_BUF_ERROR || (ret == Z_OK && s.avail_in == 0 && s.avail_out != 0)) {
      st = Status::Corrupt("truncated compressed body");
      break;
    }
    if (ret != Z_OK && ret != Z_STREAM_END) {
      st = Status::Corrupt(std::string("bad compressed body: ") + (s.msg ? s.msg : "inflate failed"));
      break;
    }
  }
  inflateEnd(&s);
  return st;
}

}  // namespace

Status InflateBuffer(std::string_view in, size_t max_out, std::string* out) {
  Status st = InflateWith(in, max_out, 15 + 32, out);  // gzip or zlib header
  if (st.ok() || st.code() == StatusCode::kTooLarge) return st;
  std::string raw;
  if (InflateWith(in, max_out, -15, &raw).ok()) {  // raw deflate, as some servers send
    *out = std::move(raw);
    return Status::Ok();
  }
  return st;
}

}  // namespace attache::input
