// Internal (extract stage, HTML metadata): person names out of bylines and
// author declarations.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/html_meta_text.h"

namespace attache::extract::meta {



// Adds the person names in a byline text to `names`. With `split_and`, "A
// and B" is two people; a name from a structured declaration is one entity.
// Pieces after the first that name the outlet or a job title are dropped.
void AddAuthorNames(std::string_view text, bool split_and, std::string_view outlet,
                    std::vector<std::string>* names);
// Drops repeated names (same words) and caps the list at kMaxAuthors.
void DedupeAuthors(std::vector<std::string>* names);

}  // namespace attache::extract::meta
