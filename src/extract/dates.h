// Internal (extract stage): dates as pages write them, to ISO 8601.
//
// Output is "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS" (seconds
// only when stated and nonzero), followed by the offset when one was given
// ("Z", "+04:00"). Nothing is guessed: no time is made up, no offset assumed.
//
// Both functions accept arbitrary bytes: they never throw, never read out of
// bounds, and run in time linear in the (capped) input length.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace attache::extract {

// A machine-readable date value (a meta tag's content, a JSON-LD
// datePublished, a <time datetime>): ISO 8601 and its common variants,
// RFC 2822 ("Mon, 27 Feb 2023 16:55:00 +0000"), Unix seconds, or anything
// FindDateInText understands.
std::optional<std::string> NormalizeDate(std::string_view value);

// The first date found in human-readable text ("Posted February 27, 2023 at
// 4:55 pm", "27.02.2023 16:55", "27 февраля 2023"). Only the first 4 KB of
// `text` are looked at.
std::optional<std::string> FindDateInText(std::string_view text);

}  // namespace attache::extract
