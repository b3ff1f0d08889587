// attache/status.h: the library's one error currency.
//
// A Status is OK or carries a code and a message. Result<T> holds a value or
// a non-OK Status. No exception crosses the library's public headers; the CLI
// turns a Status into a stderr line and an exit code, the server into an HTTP
// status. Thread-safety: plain values, safe to copy between threads.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace attache {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller asked for something malformed
  kNotFound,         // a path or record that does not exist
  kIoError,          // the operating system refused a read or write
  kCorrupt,          // input that breaks its own format (bad gzip, lying WARC length)
  kTooLarge,         // input over a configured limit
  kUnsupported,      // input of a kind attache does not read (binary data)
  kEmpty,            // input with nothing to extract
};

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Corrupt(std::string m) { return {StatusCode::kCorrupt, std::move(m)}; }
  static Status TooLarge(std::string m) { return {StatusCode::kTooLarge, std::move(m)}; }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status Empty(std::string m) { return {StatusCode::kEmpty, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // A short stable name for the code ("corrupt", "too-large"), used as the
  // reason key in run summaries.
  const char* code_name() const;
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}     // NOLINT: implicit by design
  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace attache
