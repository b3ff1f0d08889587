// The tokenizer and tree builder behind html::Parse().
#include <algorithm>
#include <array>
#include <cstring>

#include "html/html.h"

namespace attache::html {

namespace {

struct TagEntry {
  const char* name;
  Tag tag;
};

// Sorted by name for binary search.
constexpr TagEntry kTags[] = {
    {"a", Tag::kA}, {"abbr", Tag::kAbbr}, {"address", Tag::kAddress}, {"area", Tag::kArea},
    {"article", Tag::kArticle}, {"aside", Tag::kAside}, {"audio", Tag::kAudio}, {"b", Tag::kB},
    {"base", Tag::kBase}, {"blockquote", Tag::kBlockquote}, {"body", Tag::kBody}, {"br", Tag::kBr},
    {"button", Tag::kButton}, {"canvas", Tag::kCanvas}, {"caption", Tag::kCaption},
    {"center", Tag::kCenter}, {"cite", Tag::kCite}, {"code", Tag::kCode}, {"col", Tag::kCol},
    {"colgroup", Tag::kColgroup}, {"dd", Tag::kDd}, {"del", Tag::kDel}, {"details", Tag::kDetails},
    {"dialog", Tag::kDialog}, {"div", Tag::kDiv}, {"dl", Tag::kDl}, {"dt", Tag::kDt}, {"em", Tag::kEm},
    {"embed", Tag::kEmbed}, {"fieldset", Tag::kFieldset}, {"figcaption", Tag::kFigcaption},
    {"figure", Tag::kFigure}, {"font", Tag::kFont}, {"footer", Tag::kFooter}, {"form", Tag::kForm},
    {"frame", Tag::kFrame}, {"h1", Tag::kH1}, {"h2", Tag::kH2}, {"h3", Tag::kH3}, {"h4", Tag::kH4},
    {"h5", Tag::kH5}, {"h6", Tag::kH6}, {"head", Tag::kHead}, {"header", Tag::kHeader},
    {"hgroup", Tag::kHgroup}, {"hr", Tag::kHr}, {"html", Tag::kHtml}, {"i", Tag::kI},
    {"iframe", Tag::kIframe}, {"img", Tag::kImg}, {"input", Tag::kInput}, {"ins", Tag::kIns},
    {"kbd", Tag::kKbd}, {"label", Tag::kLabel}, {"legend", Tag::kLegend}, {"li", Tag::kLi},
    {"link", Tag::kLink}, {"main", Tag::kMain}, {"mark", Tag::kMark}, {"math", Tag::kMath},
    {"menu", Tag::kMenu}, {"meta", Tag::kMeta}, {"nav", Tag::kNav}, {"noembed", Tag::kNoembed},
    {"noframes", Tag::kNoframes}, {"noscript", Tag::kNoscript}, {"object", Tag::kObject},
    {"ol", Tag::kOl}, {"optgroup", Tag::kOptgroup}, {"option", Tag::kOption}, {"p", Tag::kP},
    {"param", Tag::kParam}, {"picture", Tag::kPicture}, {"plaintext", Tag::kPlaintext},
    {"pre", Tag::kPre}, {"q", Tag::kQ}, {"s", Tag::kS}, {"samp", Tag::kSamp}, {"script", Tag::kScript},
    {"section", Tag::kSection}, {"select", Tag::kSelect}, {"small", Tag::kSmall},
    {"source", Tag::kSource}, {"span", Tag::kSpan}, {"strike", Tag::kStrike},
    {"strong", Tag::kStrong}, {"style", Tag::kStyle}, {"sub", Tag::kSub}, {"summary", Tag::kSummary},
    {"sup", Tag::kSup}, {"svg", Tag::kSvg}, {"table", Tag::kTable}, {"tbody", Tag::kTbody},
    {"td", Tag::kTd}, {"template", Tag::kTemplate}, {"textarea", Tag::kTextarea},
    {"tfoot", Tag::kTfoot}, {"th", Tag::kTh}, {"thead", Tag::kThead}, {"time", Tag::kTime},
    {"title", Tag::kTitle}, {"tr", Tag::kTr}, {"track", Tag::kTrack}, {"tt", Tag::kTt},
    {"u", Tag::kU}, {"ul", Tag::kUl}, {"var", Tag::kVar}, {"video", Tag::kVideo}, {"wbr", Tag::kWbr},
    {"xmp", Tag::kXmp},
};

std::array<const char*, static_cast<size_t>(Tag::kCount)> BuildNames() {
  std::array<const char*, static_cast<size_t>(Tag::kCount)> names{};
  names.fill("");
  names[static_cast<size_t>(Tag::kDocument)] = "#document";
  names[static_cast<size_t>(Tag::kText)] = "#text";
  for (const auto& e : kTags) names[static_cast<size_t>(e.tag)] = e.name;
  return names;
}

bool IsVoid(Tag t) {
  switch (t) {
    case Tag::kArea: case Tag::kBase: case Tag::kBr: case Tag::kCol: case Tag::kEmbed:
    case Tag::kHr: case Tag::kImg: case Tag::kInput: case Tag::kLink: case Tag::kMeta:
    case Tag::kParam: case Tag::kSource: case Tag::kTrack: case Tag::kWbr: case Tag::kFrame:
      return true;
    default:
      return false;
  }
}

// Elements whose content is not markup: read up to the matching end tag.
bool IsRawText(Tag t) {
  switch (t) {
    case Tag::kScript: case Tag::kStyle: case Tag::kTextarea: case Tag::kTitle: case Tag::kXmp:
    case Tag::kIframe: case Tag::kNoembed: case Tag::kNoframes: case Tag::kNoscript:
      return true;
    default:
      return false;
  }
}

// Start tags that close an open <p>.
bool ClosesP(Tag t) {
  switch (t) {
    case Tag::kAddress: case Tag::kArticle: case Tag::kAside: case Tag::kBlockquote:
    case Tag::kCenter: case Tag::kDetails: case Tag::kDialog: case Tag::kDiv: case Tag::kDl:
    case Tag::kFieldset: case Tag::kFigcaption: case Tag::kFigure: case Tag::kFooter:
    case Tag::kForm: case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5:
    case Tag::kH6: case Tag::kHeader: case Tag::kHgroup: case Tag::kHr: case Tag::kMain:
    case Tag::kMenu: case Tag::kNav: case Tag::kOl: case Tag::kP: case Tag::kPre:
    case Tag::kSection: case Tag::kSummary: case Tag::kTable: case Tag::kUl: case Tag::kLi:
    case Tag::kDd: case Tag::kDt: case Tag::kPlaintext: case Tag::kXmp:
      return true;
    default:
      return false;
  }
}

bool IsHeading(Tag t) { return t >= Tag::kH1 && t <= Tag::kH6; }

// Elements that bound the search for an element to close implicitly.
bool IsScopeBoundary(Tag t) {
  switch (t) {
    case Tag::kTable: case Tag::kTd: case Tag::kTh: case Tag::kCaption: case Tag::kHtml:
    case Tag::kTemplate: case Tag::kObject: case Tag::kButton: case Tag::kSvg: case Tag::kMath:
    case Tag::kDocument:
      return true;
    default:
      return false;
  }
}

inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Character classes for the tag scanners, one table lookup per byte.
enum : uint8_t { kSpaceC = 1, kSlashC = 2, kGtC = 4, kEqC = 8 };
constexpr std::array<uint8_t, 256> kCharClass = [] {
  std::array<uint8_t, 256> t{};
  for (unsigned char c : {' ', '\n', '\t', '\r', '\f'}) t[c] = kSpaceC;
  t['/'] = kSlashC;
  t['>'] = kGtC;
  t['='] = kEqC;
  return t;
}();
inline bool HasClass(char c, uint8_t classes) { return (kCharClass[static_cast<unsigned char>(c)] & classes) != 0; }

}  // namespace

namespace {

// Open-addressing hash of the known tag names, keyed by their first eight
// bytes and their length; built once.
class TagTable {
 public:
  TagTable() {
    for (const auto& e : kTags) {
      const std::string_view name(e.name);
      size_t h = Hash(Key(name), name.size());
      while (slots_[h].name != nullptr) h = (h + 1) & (kSize - 1);
      slots_[h] = {Key(name), static_cast<uint32_t>(name.size()), e.tag, e.name};
    }
  }
  Tag Find(std::string_view name) const {
    if (name.empty() || name.size() > kMaxLen) return Tag::kOther;
    const uint64_t key = Key(name);
    for (size_t h = Hash(key, name.size());; h = (h + 1) & (kSize - 1)) {
      const Slot& s = slots_[h];
      if (s.name == nullptr) return Tag::kOther;
      if (s.key == key && s.len == name.size() &&
          (name.size() <= 8 || std::memcmp(s.name + 8, name.data() + 8, name.size() - 8) == 0))
        return s.tag;
    }
  }

 private:
  static constexpr size_t kSize = 512;  // a power of two, well above 2x the names
  static constexpr size_t kMaxLen = 10;  // "blockquote", "figcaption"
  struct Slot {
    uint64_t key = 0;
    uint32_t len = 0;
    Tag tag = Tag::kOther;
    const char* name = nullptr;
  };
  static uint64_t Key(std::string_view s) {
    uint64_t k = 0;
    std::memcpy(&k, s.data(), std::min<size_t>(s.size(), 8));
    return k;
  }
  static size_t Hash(uint64_t key, size_t len) {
    return static_cast<size_t>(((key ^ len) * 0x9E3779B97F4A7C15ull) >> 55) & (kSize - 1);
  }
  Slot slots_[kSize];
};

}  // namespace

Tag LookupTag(std::string_view name) {
  static const TagTable kTable;
  return kTable.Find(name);
}

const char* TagName(Tag t) {
  static const auto kNames = BuildNames();
  return kNames[static_cast<size_t>(t)];
}

std::string_view Document::tag_name(const Node& n) const {
  if (n.tag == Tag::kOther) return {pool_.data() + n.str_begin, n.str_len};
  return TagName(n.tag);
}

std::string_view Document::attr(const Node& n, std::string_view name, bool* found) const {
  for (const Attr* a = attrs_begin(n); a != attrs_end(n); ++a) {
    if (attr_name(*a) == name) {
      if (found) *found = true;
      return attr_value(*a);
    }
  }
  if (found) *found = false;
  return {};
}

uint32_t Document::Next(uint32_t i, bool skip_children) const {
  const Node& n = nodes_[i];
  if (!skip_children && n.first_child != kNone) return n.first_child;
  uint32_t cur = i;
  while (cur != kNone) {
    if (nodes_[cur].next_sibling != kNone) return nodes_[cur].next_sibling;
    cur = nodes_[cur].parent;
  }
  return kNone;
}

std::string Document::InnerText(uint32_t i, std::size_t max_bytes) const {
  std::string out;
  const uint32_t stop = Next(i, true);
  for (uint32_t j = i; j != kNone && j != stop; j = Next(j)) {
    const Node& n = nodes_[j];
    if (n.is_text()) {
      out.append(text(n));
      if (out.size() >= max_bytes) break;
    }
  }
  return out;
}

class TreeBuilder {
 public:
  TreeBuilder(std::string_view src, const ParseOptions& opt, Document* doc)
      : src_(src), opt_(opt), doc_(doc) {
    doc_->nodes_.reserve(src.size() / 40 + 16);
    doc_->pool_.reserve(src.size() / 2 + 16);
    Node root;
    root.tag = Tag::kDocument;
    doc_->nodes_.push_back(root);
    stack_.reserve(64);
    stack_.push_back(0);
  }

  void Run() {
    size_t i = 0;
    const size_t n = src_.size();
    while (i < n) {
      const size_t lt = src_.find('<', i);
      if (lt == std::string_view::npos) {
        AddText(src_.substr(i), true);
        break;
      }
      if (lt > i) AddText(src_.substr(i, lt - i), true);
      i = Markup(lt);
    }
  }

 private:
  // Handles the markup at src_[lt] == '<'; returns the position after it.
  size_t Markup(size_t lt) {
    const size_t n = src_.size();
    if (lt + 1 >= n) {
      AddText("<", false);
      return n;
    }
    const char c = src_[lt + 1];
    if (c == '!') {
      if (src_.compare(lt, 4, "<!--") == 0) {
        const size_t end = src_.find("-->", lt + 4);
        return end == std::string_view::npos ? n : end + 3;
      }
      const size_t end = src_.find('>', lt + 2);
      return end == std::string_view::npos ? n : end + 1;
    }
    if (c == '?') {
      const size_t end = src_.find('>', lt + 2);
      return end == std::string_view::npos ? n : end + 1;
    }
    if (c == '/') {
      if (lt + 2 < n && IsAlpha(src_[lt + 2])) return EndTag(lt + 2);
      if (lt + 2 < n && src_[lt + 2] == '>') return lt + 3;  // "</>" is ignored
      const size_t end = src_.find('>', lt + 2);               // bogus comment
      return end == std::string_view::npos ? n : end + 1;
    }
    if (IsAlpha(c)) return StartTag(lt + 1);
    AddText("<", false);
    return lt + 1;
  }

  // Reads a tag name; `*name` gets its first 64 characters, lower-cased.
  size_t ReadName(size_t i, std::string* name) {
    const size_t n = src_.size();
    const size_t start = i;
    while (i < n && !HasClass(src_[i], kSpaceC | kSlashC | kGtC)) ++i;
    name->assign(src_.data() + start, std::min<size_t>(i - start, 64));
    for (char& c : *name) c = Lower(c);
    return i;
  }

  size_t StartTag(size_t i) {
    const size_t n = src_.size();
    i = ReadName(i, &name_);
    const Tag tag = LookupTag(name_);
    // Attributes.
    attr_scratch_.clear();
    bool self_closing = false;
    while (i < n) {
      while (i < n && (IsSpace(src_[i]) || src_[i] == '/')) {
        if (src_[i] == '/') self_closing = true;
        ++i;
      }
      if (i >= n) break;
      if (src_[i] == '>') {
        ++i;
        break;
      }
      self_closing = false;
      const size_t name_start = i;
      ++i;  // the first character belongs to the name, even '='
      while (i < n && !HasClass(src_[i], kSpaceC | kSlashC | kGtC | kEqC)) ++i;
      std::string_view aname = src_.substr(name_start, i - name_start);
      while (i < n && IsSpace(src_[i])) ++i;
      std::string_view value;
      bool has_value = false;
      if (i < n && src_[i] == '=') {
        ++i;
        while (i < n && IsSpace(src_[i])) ++i;
        if (i < n && (src_[i] == '"' || src_[i] == '\'')) {
          const char q = src_[i];
          const size_t end = src_.find(q, i + 1);
          if (end == std::string_view::npos) {
            value = src_.substr(i + 1);
            i = n;
          } else {
            value = src_.substr(i + 1, end - i - 1);
            i = end + 1;
          }
        } else {
          const size_t vstart = i;
          while (i < n && !HasClass(src_[i], kSpaceC | kGtC)) ++i;
          value = src_.substr(vstart, i - vstart);
        }
        has_value = true;
      }
      if (attr_scratch_.size() < 64) attr_scratch_.push_back({aname, has_value ? value : std::string_view()});
    }
    // Inside <svg> or <math> (foreign content) elements may close themselves
    // and "title" or "style" hold markup, not raw text.
    const bool foreign = (self_closing || IsRawText(tag)) && InForeign();
    OpenElement(tag, self_closing, self_closing && foreign);
    if (IsRawText(tag) && !foreign) return RawText(i, tag);
    if (tag == Tag::kPlaintext) {
      AddText(src_.substr(i), false);
      return n;
    }
    return i;
  }

  // Content of a raw-text element up to its end tag (case-insensitive).
  size_t RawText(size_t i, Tag tag) {
    const size_t n = src_.size();
    const std::string_view tname = TagName(tag);
    size_t j = i;
    size_t end = n;
    while (true) {
      const size_t p = src_.find("</", j);
      if (p == std::string_view::npos) break;
      size_t k = 0;
      while (k < tname.size() && p + 2 + k < n && Lower(src_[p + 2 + k]) == tname[k]) ++k;
      if (k == tname.size() &&
          (p + 2 + k >= n || IsSpace(src_[p + 2 + k]) || src_[p + 2 + k] == '>' || src_[p + 2 + k] == '/')) {
        end = p;
        break;
      }
      j = p + 2;
    }
    // Style content is never needed; titles and textareas are RCDATA.
    if (tag != Tag::kStyle && end > i)
      AddText(src_.substr(i, end - i), tag == Tag::kTitle || tag == Tag::kTextarea);
    CloseElement(tag);
    if (end >= n) return n;
    const size_t gt = src_.find('>', end);
    return gt == std::string_view::npos ? n : gt + 1;
  }

  size_t EndTag(size_t i) {
    i = ReadName(i, &name_);
    const size_t gt = src_.find('>', i);
    const size_t next = gt == std::string_view::npos ? src_.size() : gt + 1;
    Tag tag = LookupTag(name_);
    if (tag == Tag::kBr) {  // "</br>" is a line break
      attr_scratch_.clear();
      OpenElement(Tag::kBr, false);
      return next;
    }
    CloseElement(tag);
    return next;
  }

  bool InForeign() const { return Open(Tag::kSvg) + Open(Tag::kMath) > 0; }

  // How many elements with `tag` are on the stack of open elements (the
  // document node aside); lets the searches below skip hopeless scans.
  uint32_t Open(Tag tag) const { return open_[static_cast<size_t>(tag)]; }
  void Push(uint32_t id) {
    stack_.push_back(id);
    ++open_[static_cast<size_t>(doc_->nodes_[id].tag)];
  }
  // Pops the stack down to its first `k` entries.
  void Truncate(size_t k) {
    for (size_t j = k; j < stack_.size(); ++j) --open_[static_cast<size_t>(doc_->nodes_[stack_[j]].tag)];
    stack_.resize(k);
  }

  uint32_t NewNode(Tag tag) {
    const uint32_t id = static_cast<uint32_t>(doc_->nodes_.size());
    Node node;
    node.tag = tag;
    const uint32_t parent = stack_.back();
    node.parent = parent;
    Node& p = doc_->nodes_[parent];
    node.prev_sibling = p.last_child;
    if (p.last_child != kNone) doc_->nodes_[p.last_child].next_sibling = id;
    else p.first_child = id;
    p.last_child = id;
    doc_->nodes_.push_back(node);
    return id;
  }

  // Pops the stack down to (and including) the nearest open `tag`, searching
  // no further than a scope boundary when `scoped`. Returns whether found.
  bool PopTo(Tag tag, bool scoped, Tag stop_a = Tag::kCount, Tag stop_b = Tag::kCount) {
    if (Open(tag) == 0) return false;
    for (size_t k = stack_.size(); k-- > 1;) {
      const Tag t = doc_->nodes_[stack_[k]].tag;
      if (t == tag) {
        Truncate(k);
        return true;
      }
      if (t == stop_a || t == stop_b) return false;
      if (scoped && IsScopeBoundary(t)) return false;
    }
    return false;
  }

  void OpenElement(Tag tag, bool self_closing, bool self_closing_foreign = false) {
    if (doc_->nodes_.size() >= opt_.max_nodes) return;
    // Implied end tags.
    if (ClosesP(tag)) PopTo(Tag::kP, true);
    switch (tag) {
      case Tag::kLi: PopTo(Tag::kLi, true, Tag::kUl, Tag::kOl); break;
      case Tag::kDd: case Tag::kDt:
        if (!PopTo(Tag::kDd, true, Tag::kDl)) PopTo(Tag::kDt, true, Tag::kDl);
        break;
      case Tag::kTr: PopTo(Tag::kTr, false, Tag::kTable); break;
      case Tag::kTd: case Tag::kTh:
        if (!PopTo(Tag::kTd, false, Tag::kTr, Tag::kTable)) PopTo(Tag::kTh, false, Tag::kTr, Tag::kTable);
        break;
      case Tag::kOption: PopTo(Tag::kOption, true, Tag::kSelect); break;
      case Tag::kA: PopTo(Tag::kA, true); break;
      default:
        if (IsHeading(tag) && IsHeading(doc_->nodes_[stack_.back()].tag)) Truncate(stack_.size() - 1);
    }
    const uint32_t id = NewNode(tag);
    Node& node = doc_->nodes_[id];
    if (tag == Tag::kOther) {
      node.str_begin = static_cast<uint32_t>(doc_->pool_.size());
      doc_->pool_.append(name_);
      node.str_len = static_cast<uint32_t>(name_.size());
    }
    node.attr_begin = static_cast<uint32_t>(doc_->attrs_.size());
    for (const auto& [aname, avalue] : attr_scratch_) {
      Attr a;
      a.name_begin = static_cast<uint32_t>(doc_->pool_.size());
      doc_->pool_.append(aname);
      for (size_t k = a.name_begin; k < doc_->pool_.size(); ++k) doc_->pool_[k] = Lower(doc_->pool_[k]);
      a.name_len = static_cast<uint32_t>(aname.size());
      a.value_begin = static_cast<uint32_t>(doc_->pool_.size());
      if (avalue.find('&') == std::string_view::npos) doc_->pool_.append(avalue);
      else AppendDecoded(avalue, true, &doc_->pool_);
      a.value_len = static_cast<uint32_t>(doc_->pool_.size() - a.value_begin);
      doc_->attrs_.push_back(a);
    }
    doc_->nodes_[id].attr_count = static_cast<uint32_t>(attr_scratch_.size());
    if (IsVoid(tag) || (self_closing && (tag == Tag::kOther || tag == Tag::kSvg || tag == Tag::kMath)) ||
        self_closing_foreign)
      return;
    if (stack_.size() >= opt_.max_depth) {
      doc_->depth_limited_ = true;
      return;
    }
    Push(id);
  }

  void CloseElement(Tag tag) {
    if (tag == Tag::kOther) {
      // Unknown elements close by name.
      if (Open(Tag::kOther) == 0) return;
      for (size_t k = stack_.size(); k-- > 1;) {
        const Node& node = doc_->nodes_[stack_[k]];
        if (node.tag == Tag::kOther && doc_->tag_name(node) == name_) {
          Truncate(k);
          return;
        }
      }
      return;
    }
    const bool scoped = tag == Tag::kP || tag == Tag::kLi || tag == Tag::kDd || tag == Tag::kDt;
    if (IsHeading(tag)) {
      if (Open(Tag::kH1) + Open(Tag::kH2) + Open(Tag::kH3) + Open(Tag::kH4) + Open(Tag::kH5) + Open(Tag::kH6) == 0)
        return;
      for (size_t k = stack_.size(); k-- > 1;) {
        const Tag t = doc_->nodes_[stack_[k]].tag;
        if (IsHeading(t)) {
          Truncate(k);
          return;
        }
        if (IsScopeBoundary(t)) return;
      }
      return;
    }
    PopTo(tag, scoped);
  }

  void AddText(std::string_view s, bool decode) {
    if (s.empty() || doc_->nodes_.size() >= opt_.max_nodes + 1024) return;
    const uint32_t parent = stack_.back();
    Node& p = doc_->nodes_[parent];
    uint32_t id;
    if (p.last_child != kNone && doc_->nodes_[p.last_child].is_text() &&
        doc_->nodes_[p.last_child].str_begin + doc_->nodes_[p.last_child].str_len == doc_->pool_.size()) {
      id = p.last_child;  // extend the previous text node
    } else {
      id = NewNode(Tag::kText);
      doc_->nodes_[id].str_begin = static_cast<uint32_t>(doc_->pool_.size());
    }
    if (decode && s.find('&') != std::string_view::npos) AppendDecoded(s, false, &doc_->pool_);
    else doc_->pool_.append(s);
    Node& t = doc_->nodes_[id];
    t.str_len = static_cast<uint32_t>(doc_->pool_.size() - t.str_begin);
  }

  std::string_view src_;
  const ParseOptions& opt_;
  Document* doc_;
  std::vector<uint32_t> stack_;
  std::array<uint32_t, static_cast<size_t>(Tag::kCount)> open_{};
  std::string name_;
  std::vector<std::pair<std::string_view, std::string_view>> attr_scratch_;
};

Document Parse(std::string_view utf8, const ParseOptions& options) {
  Document doc;
  // Offsets are 32-bit; callers bound input far below 4 GiB.
  if (utf8.size() > (1ull << 31)) utf8 = utf8.substr(0, 1ull << 31);
  TreeBuilder builder(utf8, options, &doc);
  builder.Run();
  return doc;
}

}  // namespace attache::html
