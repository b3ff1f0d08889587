// html stage: a fast, forgiving HTML parser built for extraction.
//
// Parse() tokenizes UTF-8 markup in one pass and builds a compact tree in a
// few flat arrays (no allocation per node). It follows the HTML standard where
// that matters for reading articles: raw-text elements (script, style,
// textarea, title), character references, void elements, and the implied end
// tags of p, li, dd/dt, table cells, options and headings. It is not a full
// HTML5 tree builder: no foster parenting, no adoption agency; stray end tags
// are ignored. Nesting deeper than ParseOptions::max_depth is flattened onto
// the deepest kept element. Nothing here recurses.
//
// Thread-safety: a Document is an immutable value once parsed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace attache::html {

// Elements the extractor cares about by name; anything else is kOther (its
// name is still kept).
enum class Tag : uint8_t {
  kOther, kDocument, kText,
  kA, kAbbr, kAddress, kArea, kArticle, kAside, kAudio, kB, kBase, kBlockquote, kBody, kBr,
  kButton, kCanvas, kCaption, kCenter, kCite, kCode, kCol, kColgroup, kDd, kDel, kDetails, kDialog,
  kDiv, kDl, kDt, kEm, kEmbed, kFieldset, kFigcaption, kFigure, kFont, kFooter, kForm, kFrame,
  kH1, kH2, kH3, kH4, kH5, kH6, kHead, kHeader, kHgroup, kHr, kHtml, kI, kIframe, kImg, kInput,
  kIns, kKbd, kLabel, kLegend, kLi, kLink, kMain, kMark, kMath, kMenu, kMeta, kNav, kNoembed,
  kNoframes, kNoscript, kObject, kOl, kOptgroup, kOption, kP, kParam, kPicture, kPlaintext,
  kPre, kQ, kS, kSamp, kScript, kSection, kSelect, kSmall, kSource, kSpan, kStrike, kStrong,
  kStyle, kSub, kSummary, kSup, kSvg, kTable, kTbody, kTd, kTemplate, kTextarea, kTfoot, kTh,
  kThead, kTime, kTitle, kTr, kTrack, kTt, kU, kUl, kVar, kVideo, kWbr, kXmp,
  kCount
};

// Looks up a lower-case tag name; kOther when it is not one of the above.
Tag LookupTag(std::string_view lower_name);
const char* TagName(Tag t);

constexpr uint32_t kNone = UINT32_MAX;

struct Node {
  Tag tag = Tag::kOther;
  uint32_t parent = kNone;
  uint32_t first_child = kNone;
  uint32_t last_child = kNone;
  uint32_t next_sibling = kNone;
  uint32_t prev_sibling = kNone;
  // Elements: attributes [attr_begin, attr_begin + attr_count) in
  // Document::attrs, and for kOther the tag name in the string pool.
  // Text nodes: the decoded text in the string pool.
  uint32_t attr_begin = 0;
  uint32_t attr_count = 0;
  uint32_t str_begin = 0;
  uint32_t str_len = 0;
  bool is_text() const { return tag == Tag::kText; }
};

struct Attr {
  uint32_t name_begin, name_len;    // lower-case name in the pool
  uint32_t value_begin, value_len;  // decoded value in the pool
};

struct ParseOptions {
  std::size_t max_depth = 512;     // deeper nesting is flattened
  std::size_t max_nodes = 4u << 20;  // further markup is read as text of the last element
};

class Document {
 public:
  // Node 0 is the document itself.
  const Node& node(uint32_t i) const { return nodes_[i]; }
  std::size_t size() const { return nodes_.size(); }
  std::string_view text(const Node& n) const { return {pool_.data() + n.str_begin, n.str_len}; }
  std::string_view tag_name(const Node& n) const;
  // The decoded value of attribute `name` (lower case), or empty with
  // *found = false.
  std::string_view attr(const Node& n, std::string_view name, bool* found = nullptr) const;
  std::string_view attr_name(const Attr& a) const { return {pool_.data() + a.name_begin, a.name_len}; }
  std::string_view attr_value(const Attr& a) const { return {pool_.data() + a.value_begin, a.value_len}; }
  const Attr* attrs_begin(const Node& n) const { return attrs_.data() + n.attr_begin; }
  const Attr* attrs_end(const Node& n) const { return attrs_.data() + n.attr_begin + n.attr_count; }
  // Next node in document order after `i`, or kNone; with skip_children the
  // walk does not enter `i`'s subtree. Iterative, O(1) amortised.
  uint32_t Next(uint32_t i, bool skip_children = false) const;
  // Concatenated text of the subtree (no separators added), bounded by max_bytes.
  std::string InnerText(uint32_t i, std::size_t max_bytes = 1u << 20) const;

  bool depth_limited() const { return depth_limited_; }

 private:
  friend class TreeBuilder;
  std::vector<Node> nodes_;
  std::vector<Attr> attrs_;
  std::string pool_;
  bool depth_limited_ = false;
};

Document Parse(std::string_view utf8, const ParseOptions& options = {});

// Decodes character references in `s` (text or attribute value) and appends
// the result to `out`.
void AppendDecoded(std::string_view s, bool in_attribute, std::string* out);

}  // namespace attache::html
