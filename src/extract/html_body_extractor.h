// Internal (extract stage): the body extractor of html_body.h, shared by
// html_body.cc (steps 1-3: marks, measures, the container, and the second
// looks) and html_body_write.cc (step 4: the parts written out).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/html.h"

namespace attache::extract::body {

struct Stats {
  uint32_t text = 0;      // characters of text in the subtree (not skipped)
  uint32_t link = 0;      // of which inside links
  uint32_t own_text = 0;  // characters of text directly in this block (not nested blocks)
  uint32_t own_commas = 0;
  uint32_t paragraphs = 0;  // <p> elements with text in the subtree
  float score = 0;
  uint32_t ptext = 0;     // characters of prose: own text of blocks with 80+ characters
  bool skip = false;
  bool hard_skip = false;   // never content, whatever it holds
  bool furniture = false;   // named as page furniture; skipped unless it holds the prose
  bool in_link = false;
  bool furniture_by_name = false;  // furniture only by its class or id
  int weight = 0;  // from class/id names
};

// Prose (characters) that a page keeps after its furniture is skipped, below
// which the furniture its class names mark is second-guessed.
constexpr uint32_t kRescuedProse = 200;
// Bytes of text below which a container wrote out nothing of use.
constexpr size_t kEmptyOutput = 25;

// One page's extraction: per-node stats over `doc`, the container, and the
// text written out (at most `max_bytes`). Used once, by ExtractHtmlBody.
class BodyExtractor {
 public:
  BodyExtractor(const html::Document& doc, size_t max_bytes) : doc_(doc), max_bytes_(max_bytes), st_(doc.size()) {}

  std::string Run();

 private:
  // html_body.cc: steps 1-3.
  void Mark();
  bool IsRubyAnnotation(const html::Node& n) const;
  static bool IsParagraphLike(html::Tag t);
  void Measure();
  bool SkipFurniture(uint32_t total);
  uint32_t PickContainer();

  // One past the last node of the subtree (nodes are in document order).
  uint32_t EndOf(uint32_t root) const {
    for (uint32_t a = root; a != html::kNone; a = doc_.node(a).parent)
      if (doc_.node(a).next_sibling != html::kNone) return doc_.node(a).next_sibling;
    return static_cast<uint32_t>(doc_.size());
  }

  // True when `a` is a proper ancestor of `n`. Walks parents: O(depth).
  bool IsAncestor(uint32_t a, uint32_t n) const {
    for (uint32_t p = doc_.node(n).parent; p != html::kNone; p = doc_.node(p).parent)
      if (p == a) return true;
    return false;
  }

  // html_body_write.cc: the parts and step 4.
  bool HoldsHeadline(uint32_t root) const;
  std::vector<uint32_t> WithSiblings(uint32_t best);
  std::vector<uint32_t> Ingredients(const std::vector<uint32_t>& parts);
  static bool NamesIngredients(std::string_view cls);
  void Write(const std::vector<uint32_t>& parts, bool trim = true);
  void Emit(uint32_t root);
  bool DropBlock(uint32_t i);
  static bool IsLabel(std::string_view para, bool at_end);
  void TrimEdges();
  void AppendText(std::string_view t);
  void Break();
  void Flush() { Break(); }

  const html::Document& doc_;
  size_t max_bytes_;
  std::vector<Stats> st_;
  std::string out_;
  std::string para_;
  bool pending_space_ = false;
  bool keep_links_ = false;  // DropBlock keeps blocks of links
};

}  // namespace attache::extract::body
