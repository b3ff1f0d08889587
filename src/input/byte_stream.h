// Internal (input stage): forward-only byte streams with bounded memory.
//
// FdSource reads a file descriptor; GzipSource inflates a (multi-member)
// gzip stream on top of one, remembering where each member starts so a WARC
// record can be named by its compressed offset; BufferedReader adds peeking,
// lines, bounded reads and resynchronisation. None of them read more than
// they are asked for plus one 64 KiB chunk. Not thread-safe; one reader per
// input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>


#include "attache/status.h"

struct inflate_state;  // <isa-l/igzip_lib.h>

namespace attache::input {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` (> 0) bytes into `buf` and returns how many. 0 means the
  // end of the stream, or an error when status() is not OK.
  virtual size_t Read(char* buf, size_t n) = 0;
  const Status& status() const { return status_; }
  // True when output offset `out_offset` is the first byte of a gzip member;
  // `*in_offset` is then that member's offset in the compressed input.
  virtual bool MemberOffset(uint64_t out_offset, uint64_t* in_offset) const { return false; }
  // Lets the source forget member boundaries before `out_offset`.
  virtual void ForgetBefore(uint64_t out_offset) {}

 protected:
  Status status_;
};

// Reads a file descriptor (closed on destruction when `owned`).
class FdSource : public ByteSource {
 public:
  FdSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdSource() override;
  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;
  size_t Read(char* buf, size_t n) override;
  // The first up to `n` bytes of what Read will return, without consuming.
  std::string_view Peek(size_t n);

 private:
  size_t ReadFd(char* buf, size_t n);
  int fd_;
  bool owned_;
  std::string pending_;  // peeked bytes, returned first
};

// Inflates gzip members back to back (as in .warc.gz files). A stream that
// ends inside a member is a Corrupt error; a member that inflates past
// `max_member_bytes` is a TooLarge error (a gzip bomb); NUL padding after
// the last member is ignored, other trailing bytes are Corrupt. A stream
// of many members that has inflated past `max_member_bytes` in all, at over
// kMaxStreamRatio output bytes per compressed byte, is a TooLarge error too.
class GzipSource : public ByteSource {
 public:
  static constexpr uint64_t kMaxStreamRatio = 200;
  GzipSource(std::unique_ptr<ByteSource> raw, uint64_t max_member_bytes);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;
  size_t Read(char* buf, size_t n) override;
  bool MemberOffset(uint64_t out_offset, uint64_t* in_offset) const override;
  void ForgetBefore(uint64_t out_offset) override;

 private:
  bool Refill();
  struct Member {
    uint64_t out_start, in_start;
  };
  std::unique_ptr<ByteSource> raw_;
  uint64_t max_member_bytes_;
  std::unique_ptr<inflate_state> strm_;  // ISA-L's inflater
  bool in_member_ = false;
  bool done_ = false;
  uint64_t raw_read_ = 0;    // compressed bytes read from raw_
  uint64_t out_total_ = 0;   // bytes produced
  uint64_t member_out_ = 0;  // bytes produced by the current member
  std::deque<Member> members_;
  std::unique_ptr<char[]> in_;
};

// Buffered reading on top of a ByteSource. offset() counts the source's
// output bytes consumed so far (minus any Unread).
class BufferedReader {
 public:
  explicit BufferedReader(std::unique_ptr<ByteSource> src) : src_(std::move(src)) {}

  // Up to `n` bytes from the current position without consuming them;
  // shorter only at the end of the stream or on an error.
  std::string_view Peek(size_t n);
  // Appends up to `n` bytes to `*out` and consumes them; returns the count.
  // Reads straight into `*out`, filling its reserved capacity first.
  size_t Read(uint64_t n, std::string* out);
  // Consumes up to `n` bytes; returns the count.
  uint64_t Skip(uint64_t n);

  enum class Line { kOk, kEnd, kTooLong };
  // Reads one line, its '\n' included when present, into `*line`. A line
  // longer than `max` bytes is consumed without being stored (kTooLong).
  // kEnd when nothing is left.
  Line ReadLine(size_t max, std::string* line);
  // Consumes bytes until the unread data begins with `marker` at the
  // current position or right after a '\n'.
  // Returns false (everything consumed) when there is none.
  bool SkipToLineStartingWith(std::string_view marker);
  // Consumes up to `n` bytes, but stops early, with `*found` set, where a
  // line starting with `marker` begins inside those `n` bytes (after a
  // '\n', not at the current position). Returns the count consumed; less
  // than `n` without `*found` only at the end of the stream.
  uint64_t SkipWithin(uint64_t n, std::string_view marker, bool* found);
  // Puts `bytes` back in front of the unread data.
  void Unread(std::string_view bytes);

  uint64_t offset() const { return offset_; }
  bool AtEnd() { return Peek(1).empty(); }
  const Status& status() const { return src_->status(); }
  ByteSource& source() { return *src_; }

 private:
  size_t Buffered() const { return buf_.size() - pos_; }
  // Tries to have `n` bytes buffered; false when the stream ends first.
  bool Fill(size_t n);
  void Consume(size_t n) {
    pos_ += n;
    offset_ += n;
  }
  static constexpr size_t kChunk = 64 * 1024;

  std::unique_ptr<ByteSource> src_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t offset_ = 0;
};

// Inflates a whole gzip or zlib (or raw deflate) buffer, as HTTP
// Content-Encoding carries it, into at most `max_out` bytes.
Status InflateBuffer(std::string_view in, size_t max_out, std::string* out);

}  // namespace attache::input
