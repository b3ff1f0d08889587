#include "attache/status.h"

namespace attache {

const char* Status::code_name() const {
  switch (code_) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid-argument";
    case StatusCode::kNotFound: return "not-found";
    case StatusCode::kIoError: return "io-error";
    case StatusCode::kCorrupt: return "corrupt";
    case StatusCode::kTooLarge: return "too-large";
    case StatusCode::kUnsupported: return "unsupported";
    case StatusCode::kEmpty: return "empty";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(code_name()) + ": " + message_;
}

}  // namespace attache
