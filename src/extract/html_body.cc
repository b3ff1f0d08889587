// Article body extraction: content scoring over the flat HTML tree.
//
// 1. Top-down, mark subtrees that never hold article text: scripts, forms,
//    navigation, hidden elements, and elements whose class/id name them as
//    page furniture (comments, share bars, related lists, ads...).
// 2. Bottom-up, sum text and link-text lengths per element. Nodes are stored
//    in document order and a parent always precedes its children, so a
//    reverse scan visits children before parents without recursion.
// 3. Each block with enough text of its own scores its ancestors; the best
//    ancestor, discounted by link density, is the article container.
// 4. The container's text is written out block by block, dropping blocks that
//    are mostly links or are page furniture by name.
// 5. Second looks: class names that would leave no prose on the page are
//    second-guessed; a container that writes out nothing is a page of links
//    or the wrong choice (chosen again without it); a recipe's ingredient
//    list joins the text wherever the page puts it.
// This file has steps 1-3 and 5; the reading of class and id names is in
// html_body_names.cc, step 4 and the container's siblings in
// html_body_write.cc.
#include "extract/html_body.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "extract/html_body_extractor.h"
#include "extract/html_body_names.h"

namespace attache::extract {

namespace body {

using html::kNone;
using html::Node;
using html::Tag;

namespace {

// Counts characters of whitespace-collapsed text (UTF-8 lead bytes only) and
// commas.
void MeasureText(std::string_view s, uint32_t* chars, uint32_t* commas) {
  bool space = true;
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time: a whitespace byte counts when the byte before it
  // is not whitespace; other bytes count unless they continue a character.
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i ws = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))),
                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\f'))));
    const auto wsm = static_cast<unsigned>(_mm_movemask_epi8(ws));
    const auto cont = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xC0))), _mm_set1_epi8(static_cast<char>(0x80)))));
    const auto comma = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(','))));
    auto ef = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xEF)))));
    const unsigned prev_ws = ((wsm << 1) | (space ? 1u : 0u)) & 0xFFFFu;
    *chars += static_cast<uint32_t>(__builtin_popcount(wsm & ~prev_ws) + __builtin_popcount(~(wsm | cont) & 0xFFFFu));
    *commas += static_cast<uint32_t>(__builtin_popcount(comma));
    while (ef != 0) {  // full-width comma U+FF0C
      const size_t k = i + static_cast<size_t>(__builtin_ctz(ef));
      ef &= ef - 1;
      if (k + 2 < s.size() && p[k + 1] == 0xBC && p[k + 2] == 0x8C) ++*commas;
    }
    space = (wsm >> 15) & 1;
  }
#endif
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      if (!space) ++*chars;
      space = true;
      continue;
    }
    space = false;
    if ((c & 0xC0) != 0x80) ++*chars;
    if (c == ',') ++*commas;
    // Full-width and Arabic commas.
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
        static_cast<unsigned char>(s[i + 2]) == 0x8C)
      ++*commas;
  }
}

}  // namespace

std::string BodyExtractor::Run() {
  Mark();
  Measure();
  const uint32_t prose = st_[0].ptext;
  if (SkipFurniture(prose)) {
    Measure();
    // When names would leave no prose to speak of on a page that has it, the
    // names mislead: the page's own paragraphs or posts carry a class
    // that reads as furniture ("tagStyle", "comment" on every forum post,
    // "Section--Ads"). Then only elements and roles say what is furniture.
    if (prose >= 2 * kRescuedProse && st_[0].ptext < kRescuedProse) {
      for (Stats& s : st_) {
        if (s.furniture_by_name) s.furniture = false;
        s.skip = s.hard_skip;
      }
      Measure();
      SkipFurniture(prose);
      Measure();
    }
  }
  const uint32_t best = PickContainer();
  if (best == kNone) return "";
  std::vector<uint32_t> parts = WithSiblings(best);
  if (const char* needle = std::getenv("ATTACHE_DEBUG_FIND")) {
    for (uint32_t i = 1; i < doc_.size(); ++i) {
      if (!doc_.node(i).is_text() || doc_.text(doc_.node(i)).find(needle) == std::string_view::npos) continue;
      // Script data repeats the text of many pages; the markup's copy is the one to show.
      const Tag pt = doc_.node(doc_.node(i).parent).tag;
      if (pt == Tag::kScript || pt == Tag::kStyle) continue;
      for (uint32_t a = i; a != kNone; a = doc_.node(a).parent) {
        const Node& n = doc_.node(a);
        std::fprintf(stderr, "  %u <%.*s class=%.*s id=%.*s> skip=%d hard=%d furn=%d score=%.1f text=%u ptext=%u\n",
                     a, static_cast<int>(doc_.tag_name(n).size()), doc_.tag_name(n).data(),
                     static_cast<int>(doc_.attr(n, "class").size()), doc_.attr(n, "class").data(),
                     static_cast<int>(doc_.attr(n, "id").size()), doc_.attr(n, "id").data(), st_[a].skip,
                     st_[a].hard_skip, st_[a].furniture, st_[a].score, st_[a].text, st_[a].ptext);
      }
      break;
    }
  }
  if (std::getenv("ATTACHE_DEBUG_BODY")) {
    for (uint32_t p : parts) {
      const Node& n = doc_.node(p);
      std::fprintf(stderr, "part %u <%.*s class=%.*s> score=%.1f text=%u link=%u\n", p,
                   static_cast<int>(doc_.tag_name(n).size()), doc_.tag_name(n).data(),
                   static_cast<int>(doc_.attr(n, "class").size()), doc_.attr(n, "class").data(), st_[p].score,
                   st_[p].text, st_[p].link);
    }
  }
  Write(parts);
  // A container whose every block is links is a page of links (a blog post
  // that lists what the writer read): its links are its text.
  if (out_.size() < kEmptyOutput && !parts.empty()) {
    uint32_t text = 0, link = 0;
    for (uint32_t p : parts) text += st_[p].text, link += st_[p].link;
    if (text >= 2 * kRescuedProse && link * 2 > text) {
      keep_links_ = true;
      Write(parts, /*trim=*/false);  // each link's title is a short line
      keep_links_ = false;
    }
  }
  // A container that writes out nothing (a form, an overlay, a list of
  // buttons) was the wrong choice: choose again without it, once.
  if (out_.size() < kEmptyOutput && !parts.empty() && st_[0].ptext >= 2 * kRescuedProse) {
    for (uint32_t p : parts)
      for (uint32_t i = p, end = EndOf(p); i < end; ++i) st_[i].skip = true;
    for (Stats& s : st_) s.score = 0;
    Measure();
    const uint32_t again = PickContainer();
    parts.clear();
    if (again != kNone && again != 0) parts = WithSiblings(again);
    Write(parts);
  }
  const std::vector<uint32_t> ingredients = Ingredients(parts);
  if (!ingredients.empty()) {
    // Written as they are, before or after the trimmed text by their place.
    std::string body = std::move(out_);
    std::string before, after;
    for (uint32_t i : ingredients) {
      Write({i}, /*trim=*/false);
      std::string& side = parts.empty() || i < parts.front() ? before : after;
      if (!side.empty() && !out_.empty()) side.append("\n\n");
      side.append(out_);
    }
    out_ = std::move(before);
    for (std::string* piece : {&body, &after}) {
      if (out_.size() >= max_bytes_) break;  // the limit, as Break keeps it
      if (!out_.empty() && !piece->empty()) out_.append("\n\n");
      out_.append(*piece);
    }
  }
  return std::move(out_);
}

// Step 1: top-down marks (parents precede children in node order).
void BodyExtractor::Mark() {
  for (uint32_t i = 1; i < doc_.size(); ++i) {
    const Node& n = doc_.node(i);
    Stats& s = st_[i];
    const Stats& p = st_[n.parent];
    s.skip = s.hard_skip = p.hard_skip;
    s.in_link = p.in_link || n.tag == Tag::kA;
    if (n.is_text() || s.skip) continue;
    if (IsNeverContent(n.tag) || IsRubyAnnotation(n)) {
      s.skip = s.hard_skip = true;
      continue;
    }
    // Page furniture by element: skipped unless it holds the prose.
    if (n.tag == Tag::kForm || n.tag == Tag::kNav || n.tag == Tag::kAside || n.tag == Tag::kFooter ||
        n.tag == Tag::kMenu || n.tag == Tag::kDialog)
      s.furniture = true;
    if (n.attr_count == 0) continue;
    bool found = false;
    doc_.attr(n, "hidden", &found);
    if (found || doc_.attr(n, "aria-hidden") == "true" || IsHiddenStyle(doc_.attr(n, "style"))) {
      s.skip = s.hard_skip = true;
      continue;
    }
    const std::string_view role = doc_.attr(n, "role");
    const bool furniture_role = role == "navigation" || role == "complementary" || role == "banner" ||
                                role == "contentinfo" || role == "menu" || role == "dialog" || role == "alert";
    NameClass nc;
    ClassifyName(doc_.attr(n, "class"), &nc);
    // A heading's id of three or more words is an anchor made from its
    // text ("what-comes-next"), not a name of its role ("comments-title").
    const std::string_view id = doc_.attr(n, "id");
    if (!(n.tag >= Tag::kH1 && n.tag <= Tag::kH6 && CountNameWords(id) >= 3)) ClassifyName(id, &nc);
    const std::string_view itemprop = doc_.attr(n, "itemprop");
    if (itemprop == "articleBody" || itemprop == "text" || itemprop == "reviewBody") nc.strong += 2;
    s.weight = 50 * nc.strong + (nc.content > 0 ? 18 : 0) - 25 * (nc.furniture > 0 ? 1 : 0);
    // Quotations and embedded posts are content whatever their names say.
    const bool structural = n.tag == Tag::kBody || n.tag == Tag::kHtml || n.tag == Tag::kArticle ||
                            n.tag == Tag::kMain || n.tag == Tag::kBlockquote;
    if (nc.furniture > 0 && nc.content == 0 && nc.strong == 0 && !structural && !furniture_role)
      s.furniture = s.furniture_by_name = true;
    if (furniture_role) s.furniture = true;
  }
}

// The reading printed above or beside ruby text (<rt>, and the <rp>
// brackets for browsers without ruby): "漢字<rt>かんじ</rt>" reads "漢字".
bool BodyExtractor::IsRubyAnnotation(const Node& n) const {
  if (n.tag != Tag::kOther) return false;
  const std::string_view name = doc_.tag_name(n);
  return name == "rt" || name == "rp";
}

bool BodyExtractor::IsParagraphLike(Tag t) {
  return t == Tag::kP || t == Tag::kPre || t == Tag::kBlockquote || t == Tag::kLi || t == Tag::kTd ||
         t == Tag::kDd || (t >= Tag::kH2 && t <= Tag::kH6);
}

// Step 2: bottom-up sums.
void BodyExtractor::Measure() {
  for (Stats& s : st_) s.text = s.link = s.own_text = s.own_commas = s.paragraphs = s.ptext = 0;
  for (uint32_t i = static_cast<uint32_t>(doc_.size()); i-- > 1;) {
    const Node& n = doc_.node(i);
    Stats& s = st_[i];
    if (s.skip) continue;
    if (n.is_text()) {
      uint32_t chars = 0, commas = 0;
      MeasureText(doc_.text(n), &chars, &commas);
      s.text = chars;
      if (s.in_link) s.link = chars;
      // Own text goes to the nearest block ancestor.
      uint32_t b = n.parent;
      while (b != 0 && !IsBlock(doc_.node(b).tag)) b = doc_.node(b).parent;
      st_[b].own_text += chars;
      st_[b].own_commas += commas;

    } else if (n.tag == Tag::kP && s.text > 0) {
      ++s.paragraphs;
    }
    // Prose: text of blocks that hold a sentence or more of their own.
    if (!n.is_text() && IsBlock(n.tag) && s.own_text >= 80) s.ptext += s.own_text;
    Stats& p = st_[n.parent];
    p.text += s.text;
    p.link += s.link;
    p.paragraphs += s.paragraphs;
    p.ptext += s.ptext;
  }
}

// Furniture by name is skipped unless it holds most of the page's
// paragraph text, `total` (a wrapper whose class happens to name a menu or
// a meta block); a comment section with long house rules beside a short
// article holds much, but less than the rest. Needs the measures of a pass
// with nothing skipped but the never-content. Returns whether anything was
// skipped.
bool BodyExtractor::SkipFurniture(uint32_t total) {
  bool any = false;
  for (uint32_t i = 1; i < doc_.size(); ++i) {
    Stats& s = st_[i];
    if (s.hard_skip) continue;
    s.skip = st_[doc_.node(i).parent].skip;
    if (!s.skip && s.furniture && (total == 0 || s.ptext * 2 < total)) s.skip = true;
    any = any || s.skip;
  }
  return any;
}

// Step 3: blocks with text of their own score their ancestors.
uint32_t BodyExtractor::PickContainer() {
  for (uint32_t i = 1; i < doc_.size(); ++i) {
    const Node& n = doc_.node(i);
    const Stats& s = st_[i];
    if (n.is_text() || s.skip || !IsBlock(n.tag)) continue;
    if (s.own_text < 25) continue;
    const float link_density = s.text ? static_cast<float>(s.link) / s.text : 0.f;
    if (link_density > 0.5f) continue;
    float score = 1.f + static_cast<float>(s.own_commas) + std::min(static_cast<float>(s.own_text) / 100.f, 3.f);
    if (!IsParagraphLike(n.tag)) score *= 0.5f;  // text loose in a div counts, but less
    // Paragraphs credit their parent first; a div or section with loose
    // text of its own is a container itself and is credited first.
    uint32_t a = (n.tag == Tag::kLi || n.tag == Tag::kTd || n.tag == Tag::kDd) ? n.parent : i;
    if (IsParagraphLike(n.tag) || n.tag == Tag::kLi || n.tag == Tag::kTd) a = doc_.node(a).parent;
    for (int level = 0; a != kNone && a != 0 && level < 5; ++level) {
      const float divider = level == 0 ? 1.f : level == 1 ? 2.f : static_cast<float>(level * 3);
      st_[a].score += score / divider;
      a = doc_.node(a).parent;
    }
  }
  uint32_t best = kNone;
  float best_score = 0;
  for (uint32_t i = 1; i < doc_.size(); ++i) {
    Stats& s = st_[i];
    if (s.skip || (s.score <= 0 && (s.weight <= 0 || s.text < 100))) continue;
    const float link_density = s.text ? static_cast<float>(s.link) / s.text : 0.f;
    // Names vouch for an element in proportion to the text it holds.
    // A paragraph is never the container, whatever its class says ("text").
    const float bonus = IsParagraphLike(doc_.node(i).tag) && s.weight > 0
                            ? 0.f
                            : static_cast<float>(s.weight) * std::min(1.f, static_cast<float>(s.text) / 500.f);
    float final_score = (s.score + bonus) * (1.f - 0.8f * link_density);
    // The whole page is the article only when nothing inside it is.
    if (doc_.node(i).tag == Tag::kBody || doc_.node(i).tag == Tag::kHtml) final_score *= 0.5f;
    s.score = final_score;
    if (final_score > best_score) {
      best_score = final_score;
      best = i;
    }
  }
  if (best == kNone) {
    // No scored block: fall back to the body (or the whole document).
    for (uint32_t i = 1; i < doc_.size(); ++i)
      if (doc_.node(i).tag == Tag::kBody) return i;
    return 0;
  }
  if (std::getenv("ATTACHE_DEBUG_BODY")) {
    std::vector<uint32_t> top;
    for (uint32_t i = 1; i < doc_.size(); ++i)
      if (st_[i].score > 0 && !st_[i].skip) top.push_back(i);
    std::sort(top.begin(), top.end(), [&](uint32_t x, uint32_t y) { return st_[x].score > st_[y].score; });
    for (size_t k = 0; k < top.size() && k < 5; ++k) {
      const Node& n = doc_.node(top[k]);
      std::fprintf(stderr, "top %u <%.*s class=%.*s> score=%.1f text=%u link=%u weight=%d\n", top[k],
                   static_cast<int>(doc_.tag_name(n).size()), doc_.tag_name(n).data(),
                   static_cast<int>(doc_.attr(n, "class").size()), doc_.attr(n, "class").data(),
                   st_[top[k]].score, st_[top[k]].text, st_[top[k]].link, st_[top[k]].weight);
    }
  }
  // An article cut into sections scores several strong candidates: when
  // other candidates almost as good as the best share an ancestor with it,
  // that ancestor is the article.
  {
    std::vector<uint32_t> alternatives;
    for (uint32_t i = 1; i < doc_.size(); ++i)
      if (i != best && !st_[i].skip && st_[i].score >= 0.75f * best_score && !IsAncestor(i, best) &&
          !IsAncestor(best, i))
        alternatives.push_back(i);
    // Wrappers of the same block are one candidate: keep the deepest.
    if (alternatives.size() > 64) alternatives.clear();  // no clear article; keep the best
    std::vector<uint32_t> distinct;
    for (uint32_t x : alternatives) {
      bool wraps_another = false;
      for (uint32_t y : alternatives) wraps_another = wraps_another || (x != y && IsAncestor(x, y));
      if (!wraps_another) distinct.push_back(x);
    }
    alternatives.swap(distinct);
    if (alternatives.size() >= 2) {
      for (uint32_t a = doc_.node(best).parent; a != kNone && a != 0; a = doc_.node(a).parent) {
        const Tag t = doc_.node(a).tag;
        if (t == Tag::kBody || t == Tag::kHtml || st_[a].skip) break;
        int inside = 0;
        for (uint32_t alt : alternatives) inside += IsAncestor(a, alt);
        if (inside >= 2) {
          best = a;
          break;
        }
      }
    }
  }
  // Climb while the parent holds much the same text (a wrapper around the
  // container), so headings and paragraphs beside the best block come too.
  uint32_t cur = best;
  while (true) {
    const uint32_t p = doc_.node(cur).parent;
    if (p == kNone || p == 0 || st_[p].skip) break;
    const Tag pt = doc_.node(p).tag;
    if (pt == Tag::kBody || pt == Tag::kHtml) break;
    if (st_[p].text > st_[cur].text + st_[cur].text / 4 + 40) break;
    cur = p;
  }
  return cur;
}

}  // namespace body

std::string ExtractHtmlBody(const html::Document& doc, std::size_t max_bytes) {
  body::BodyExtractor ex(doc, max_bytes);
  return ex.Run();
}

}  // namespace attache::extract
