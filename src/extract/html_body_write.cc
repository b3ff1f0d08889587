// The body extractor's writing out (step 4 of html_body.cc): the container's
// siblings that continue the article, a recipe's ingredients, and the text
// written block by block without link lists, labels at the edges and
// furniture paragraphs.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "extract/boilerplate.h"
#include "extract/html_body_extractor.h"
#include "extract/html_body_names.h"

namespace attache::extract::body {

using html::kNone;
using html::Node;
using html::Tag;

// Whether the subtree holds an <h1>.
bool BodyExtractor::HoldsHeadline(uint32_t root) const {
  const uint32_t end = EndOf(root);
  for (uint32_t i = root; i < end; ++i)
    if (doc_.node(i).tag == Tag::kH1) return true;
  return false;
}

// Siblings of the container that look like more of the article.
std::vector<uint32_t> BodyExtractor::WithSiblings(uint32_t best) {
  const uint32_t parent = doc_.node(best).parent;
  if (parent == kNone || parent == 0) return {best};
  const float threshold = std::max(10.f, st_[best].score * 0.2f);
  std::vector<uint32_t> children;
  size_t at = 0;
  for (uint32_t c = doc_.node(parent).first_child; c != kNone; c = doc_.node(c).next_sibling) {
    if (c == best) at = children.size();
    const Node& n = doc_.node(c);
    if (c == best || !(n.is_text() || st_[c].skip || st_[c].text == 0)) children.push_back(c);
  }
  std::vector<char> take(children.size(), 0);
  take[at] = 1;
  for (size_t k = 0; k < children.size(); ++k) {
    if (k == at) continue;
    const Node& n = doc_.node(children[k]);
    const Stats& s = st_[children[k]];
    const float link_density = static_cast<float>(s.link) / s.text;
    take[k] = (s.score >= threshold && link_density < 0.3f) ||
              (n.tag == Tag::kP && s.text > 80 && link_density < 0.25f);
  }
  // Blocks of prose right above the container (or above a part already
  // taken) open the article: a lead or intro in a block of its own, the
  // first section of an article cut into several. Not the page's header
  // with the headline (its deck is the subtitle), nor furniture kept only
  // for the prose it holds, nor a block larger than the container. Below
  // the container such blocks are more often notes, disclaimers and
  // teasers than article text.
  auto opens_article = [&](uint32_t c) {
    const Stats& s = st_[c];
    const float link_density = static_cast<float>(s.link) / s.text;
    return IsBlock(doc_.node(c).tag) && s.ptext >= 80 && s.ptext * 2 >= s.text && link_density < 0.2f &&
           !s.furniture && s.weight >= 0 && s.text <= st_[best].text && !HoldsHeadline(c);
  };
  for (size_t k = at; k-- > 0 && (take[k] || opens_article(children[k]));) take[k] = 1;
  // Below it, only more blocks of the container's own kind (same element,
  // same class) continue it: an article cut into repeated sections.
  const std::string_view kind = doc_.attr(doc_.node(best), "class");
  auto continues_article = [&](uint32_t c) {
    const Stats& s = st_[c];
    return !kind.empty() && doc_.node(c).tag == doc_.node(best).tag && doc_.attr(doc_.node(c), "class") == kind &&
           s.ptext >= 80 && s.ptext * 2 >= s.text && s.link * 5 < s.text && !s.furniture;
  };
  for (size_t k = at + 1; k < children.size() && (take[k] || continues_article(children[k])); ++k) take[k] = 1;
  std::vector<uint32_t> parts;
  for (size_t k = 0; k < children.size(); ++k)
    if (take[k]) parts.push_back(children[k]);
  return parts;
}

// A recipe's list of ingredients (a block whose class names them) belongs
// to the recipe wherever the page puts it beside the method. At most four
// blocks, outside the parts, in document order.
std::vector<uint32_t> BodyExtractor::Ingredients(const std::vector<uint32_t>& parts) {
  std::vector<uint32_t> found;
  for (uint32_t i = 1; i < doc_.size() && found.size() < 4; ++i) {
    const Node& n = doc_.node(i);
    const Stats& s = st_[i];
    if (n.is_text() || s.skip || !IsBlock(n.tag) || n.attr_count == 0) continue;
    if (!NamesIngredients(doc_.attr(n, "class"))) continue;
    bool overlaps = false;
    for (uint32_t p : parts) overlaps = overlaps || p == i || IsAncestor(p, i) || IsAncestor(i, p);
    if (!overlaps && s.text >= 30 && s.link * 2 <= s.text) found.push_back(i);
    i = EndOf(i) - 1;  // the topmost such block only
  }
  return found;
}

bool BodyExtractor::NamesIngredients(std::string_view cls) {
  constexpr std::string_view kWord = "ingredients";
  for (size_t i = 0; i + kWord.size() <= cls.size(); ++i) {
    size_t k = 0;
    while (k < kWord.size() && (cls[i + k] | 0x20) == kWord[k]) ++k;
    if (k == kWord.size()) return true;
  }
  return false;
}

// Writes the parts out, replacing what was written before; `trim` drops
// the labels at the edges.
void BodyExtractor::Write(const std::vector<uint32_t>& parts, bool trim) {
  out_.clear();
  para_.clear();
  pending_space_ = false;
  for (uint32_t p : parts) Emit(p);
  Flush();
  if (trim) TrimEdges();
}
// Step 4: writing the text out. A walk over the subtree that breaks the
// paragraph on entering and on leaving every block element.
void BodyExtractor::Emit(uint32_t root) {
  uint32_t i = root;
  while (true) {
    const Node& n = doc_.node(i);
    bool descend = false;
    if (!st_[i].skip) {
      if (n.is_text()) {
        AppendText(doc_.text(n));
      } else if (n.tag == Tag::kBr) {
        Break();
      } else if (!(IsBlock(n.tag) && DropBlock(i))) {
        if (IsBlock(n.tag)) Break();
        descend = n.first_child != kNone;
      }
    }
    if (descend) {
      i = n.first_child;
      continue;
    }
    while (true) {  // leave i, and every ancestor that has no next sibling
      const Node& m = doc_.node(i);
      if (!m.is_text() && IsBlock(m.tag)) Break();
      if (i == root) {
        Break();
        return;
      }
      if (m.next_sibling != kNone) {
        i = m.next_sibling;
        break;
      }
      i = m.parent;
    }
  }
}

// Blocks inside the container that are not article text.
bool BodyExtractor::DropBlock(uint32_t i) {
  const Node& n = doc_.node(i);
  const Stats& s = st_[i];
  if (n.tag == Tag::kH1) return true;  // the headline, reported as the title
  if (s.text == 0 || keep_links_) return false;
  const float link_density = static_cast<float>(s.link) / s.text;
  if (n.tag == Tag::kUl || n.tag == Tag::kOl || n.tag == Tag::kDl || n.tag == Tag::kDiv ||
      n.tag == Tag::kSection || n.tag == Tag::kTable) {
    if (link_density > 0.5f) return true;
    if (link_density > 0.25f && s.paragraphs == 0 && s.text < 300) return true;
  }
  if ((n.tag == Tag::kP || n.tag == Tag::kLi || (n.tag >= Tag::kH2 && n.tag <= Tag::kH6)) &&
      link_density > 0.8f && s.text < 200)
    return true;
  return false;
}

// Short lines that open or close the text without ending a sentence are
// labels, datelines of the page or widget titles ("Advertisement",
// "Related Tags", "Updated 3 hours ago"), not article prose.
bool BodyExtractor::IsLabel(std::string_view para, bool at_end) {
  if (para.size() > 90) return false;
  size_t words = 1;
  for (char c : para) words += c == ' ';
  if (words > 8) return false;
  const char last = para.back();
  if (at_end && last == ':') return true;  // introduces something that is not there
  if (last == '.' || last == '!' || last == '?' || last == '"' || last == ':' || last == ')') return false;
  // A sentence or quotation may also end in a closing quote of any
  // language (” “ ’ » «) or a full stop of Chinese or Japanese. (Not an
  // ellipsis: "You might also like…" trails off into a list.)
  for (std::string_view end : {"\u201D", "\u201C", "\u2019", "\u00BB", "\u00AB", "\u3002", "\uFF01", "\uFF1F"})
    if (para.size() >= end.size() && para.substr(para.size() - end.size()) == end) return false;
  return true;
}

void BodyExtractor::TrimEdges() {
  while (!out_.empty()) {
    const size_t end = out_.find("\n\n");
    if (end == std::string::npos || !IsLabel(std::string_view(out_).substr(0, end), false)) break;
    out_.erase(0, end + 2);
  }
  while (!out_.empty()) {
    const size_t start = out_.rfind("\n\n");
    if (start == std::string::npos) break;
    const std::string_view last = std::string_view(out_).substr(start + 2);
    if (!IsLabel(last, true) || IsSignOff(last)) break;
    out_.erase(start);
  }
}

void BodyExtractor::AppendText(std::string_view t) {
  size_t k = 0;
  while (k < t.size()) {
    // A run of characters other than whitespace is appended at once.
    size_t e = k;
    while (e < t.size()) {
      const char c = t[e];
      const bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      // U+00A0 no-break space reads as a space.
      const bool nbsp = static_cast<unsigned char>(c) == 0xC2 && e + 1 < t.size() &&
                        static_cast<unsigned char>(t[e + 1]) == 0xA0;
      if (ws || nbsp) break;
      ++e;
    }
    if (e > k) {
      if (pending_space_) {
        para_.push_back(' ');
        pending_space_ = false;
      }
      para_.append(t.data() + k, e - k);
      k = e;
      continue;
    }
    k += static_cast<unsigned char>(t[k]) == 0xC2 ? 2 : 1;  // whitespace or a no-break space
    pending_space_ = !para_.empty();
  }
}

void BodyExtractor::Break() {
  pending_space_ = false;
  if (para_.empty()) return;
  if (IsFurnitureParagraph(para_)) {
    para_.clear();
    return;
  }
  if (out_.size() < max_bytes_) {
    if (!out_.empty()) out_.append("\n\n");
    out_.append(para_);
  }
  para_.clear();
}

}  // namespace attache::extract::body
