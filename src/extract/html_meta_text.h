// Internal (extract stage, HTML metadata): text and tree helpers shared by
// html_meta.cc, html_jsonld.cc, html_authors.cc and html_title.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "html/html.h"

namespace attache::extract::meta {

using html::Document;
using html::kNone;
using html::Node;
using html::Tag;

constexpr std::size_t kMaxValueBytes = 1000;
constexpr std::size_t kMaxAuthors = 10;

// ---- text
bool IsAsciiSpace(unsigned char c);
char AsciiLower(char c);
std::string Lower(std::string_view s);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
bool ContainsIgnoreCase(std::string_view s, std::string_view needle);
// Length in bytes of a Unicode space (or zero-width character) at s[i], 0
// when there is none.
std::size_t UnicodeSpaceAt(std::string_view s, std::size_t i);
// Cuts `s` to at most `max` bytes without splitting a UTF-8 sequence.
void TruncateUtf8(std::string* s, std::size_t max);
// Collapses runs of whitespace to one space, trims, caps the length.
std::string CleanText(std::string_view s, std::size_t max = kMaxValueBytes);
// For values that may still hold markup or character references (JSON-LD):
// drops tags, decodes references, cleans.
std::string CleanMarkupText(std::string_view s);
bool LooksLikeUrl(std::string_view s);
// Lower-case ASCII alphanumeric words (non-ASCII bytes kept as word bytes).
std::vector<std::string> Words(std::string_view s);
std::size_t CountWords(std::string_view s);
// Same words, ignoring case and punctuation.
bool SameWords(std::string_view a, std::string_view b);

// ---- tree
bool IsInlineTag(Tag t);
bool IsHiddenTag(Tag t);
// Visible text of a subtree, with a space at block and <br> boundaries, cleaned.
std::string ElementText(const Document& doc, uint32_t i, std::size_t max_bytes = kMaxValueBytes);
bool IsAncestor(const Document& doc, uint32_t ancestor, uint32_t node);
// True when some class token (or the id) contains one of `needles`;
// `lower_names` is NamesOf(n); `needles` are lower case.
bool NamesContain(std::string_view lower_names, std::initializer_list<std::string_view> needles);
std::string NamesOf(const Document& doc, const Node& n);
bool ClassOrIdContains(const Document& doc, const Node& n, std::initializer_list<std::string_view> needles);

}  // namespace attache::extract::meta
