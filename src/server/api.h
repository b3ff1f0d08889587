// attache's HTTP API without the HTTP: a request's path and query parameters
// become one store question (ParseApiRequest, pure: no I/O, no store), and a
// question becomes a JSON answer (RunApiRequest). The server (server.h) only
// moves bytes. Public headers only.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "attache/store.h"

namespace attache_server {

// Limits of one request's parameters.
inline constexpr size_t kMaxParams = 16;
inline constexpr size_t kMaxValueBytes = 256;    // one parameter's value
inline constexpr int kMaxRows = 1000;            // the store's cap on rows
inline constexpr int kMaxOffset = 100000;

enum class Endpoint {
  kStats,         // /api/stats
  kSearch,        // /api/search
  kArticle,       // /api/articles/{id}
  kQuotes,        // /api/quotes
  kVisits,        // /api/visits
  kVisitSources,  // /api/visits/{id}/sources
  kMeetings,      // /api/meetings
  kTimeline,      // /api/timeline
  kActors,        // /api/actors
  kBalance,       // /api/balance
};

struct ApiRequest {
  Endpoint endpoint = Endpoint::kStats;
  attache::QueryFilter filter;
  attache::BalanceQuery balance;
  int64_t id = 0;                 // kArticle, kVisitSources
  std::string person;             // kTimeline
  std::vector<int64_t> ids;       // kVisits: ids=1,2,3 (then the other filters do not apply)
  bool with_sources = false;      // kVisits: sources=1 adds each visit's source articles
  bool explain = false;           // kBalance: explain=1 adds each row's visits and their sources
};

// Why a request cannot be answered: the HTTP status, the parameter at fault
// (empty when it is the path), and a sentence for a person.
struct ApiError {
  int http_status = 400;
  std::string param;
  std::string message;
};

// {"error": message, "param": param or null, "status": http_status}
std::string ApiErrorJson(const ApiError& e);

// One parse: either a request or an error.
struct ParsedRequest {
  bool ok = false;
  ApiRequest request;
  ApiError error;
};

// Query parameters as the HTTP layer decoded them (a name may repeat).
using Params = std::multimap<std::string, std::string>;

// Turns "/api/..." and its parameters into a request. Never throws, never
// touches anything outside its arguments: any bytes in, a request or an
// error out. Unknown or repeated parameters, bad numbers, dates, statuses,
// codes and over-long values are errors naming the parameter.
ParsedRequest ParseApiRequest(std::string_view path, const Params& params);

struct ApiResponse {
  int http_status = 200;
  std::string body;  // JSON
};

// Asks the store. Lists come as {"rows": [...], "limit", "offset", "more"}.
ApiResponse RunApiRequest(const attache::Store& store, const ApiRequest& request);

}  // namespace attache_server
