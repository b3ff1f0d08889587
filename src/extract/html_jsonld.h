// Internal (extract stage, HTML metadata): JSON-LD scripts parsed once and
// their article objects ranked (NewsArticle first), with accessors.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/html_meta_text.h"

namespace attache::extract::meta {

using Json = nlohmann::json;

struct JsonLd {
  std::deque<Json> docs;  // stable addresses
  std::vector<std::pair<int, const Json*>> articles;  // (rank, object), ranked later
  std::unordered_map<std::string, const Json*> by_id;
  std::string org_name;      // first NewsMediaOrganization / Organization name
  std::string website_name;  // first WebSite name
};

// Parses the <script type="application/ld+json"> nodes `scripts`.
JsonLd ParseJsonLd(const Document& doc, const std::vector<uint32_t>& scripts);
// The first article-like object (best rank first) with a usable `key`.
std::string LdString(const JsonLd& ld, const char* key, int max_rank = 2);
std::string LdPublisher(const JsonLd& ld);
// Author names with whether each came from a Person/Organization object
// (one entity, not to be split on "and").
std::vector<std::pair<std::string, bool>> LdAuthorNames(const JsonLd& ld);

}  // namespace attache::extract::meta
