#include "input/sniff.h"

#include <algorithm>
#include <string>

namespace attache::input {

namespace {

constexpr size_t kKindSample = 4096;
constexpr size_t kBinarySample = 8192;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (Lower(s[i]) != prefix[i]) return false;
  return true;
}

std::string_view SkipUtf8Bom(std::string_view s) {
  return s.substr(0, 3) == "\xEF\xBB\xBF" ? s.substr(3) : s;
}

std::string_view SkipSpace(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (IsSpace(s[i]) || s[i] == '\0')) ++i;
  return s.substr(i);
}

enum class Wide { kNo, kUtf16Le, kUtf16Be, kUtf32 };

// UTF-16/32 by BOM, or UTF-16 by NULs in every other byte.
Wide WideEncoding(std::string_view b) {
  auto at = [&](size_t i) { return static_cast<unsigned char>(b[i]); };
  if (b.size() >= 4 && ((at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0) ||
                        (at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF)))
    return Wide::kUtf32;
  if (b.size() >= 2 && at(0) == 0xFF && at(1) == 0xFE) return Wide::kUtf16Le;
  if (b.size() >= 2 && at(0) == 0xFE && at(1) == 0xFF) return Wide::kUtf16Be;
  const size_t n = std::min(b.size(), kBinarySample) & ~size_t{1};
  if (n < 8) return Wide::kNo;
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    even += b[i] == 0;
    odd += b[i + 1] == 0;
  }
  const size_t pairs = n / 2;
  if (odd * 10 >= pairs * 4 && even * 20 < pairs) return Wide::kUtf16Le;
  if (even * 10 >= pairs * 4 && odd * 20 < pairs) return Wide::kUtf16Be;
  return Wide::kNo;
}

// The low (ASCII) bytes of UTF-16 text, for sniffing its markup.
std::string NarrowSample(std::string_view b, Wide w) {
  std::string out;
  const size_t start = (b.size() >= 2 && (static_cast<unsigned char>(b[0]) >= 0xFE)) ? 2 : 0;
  const size_t end = std::min(b.size(), start + 2 * kKindSample) & ~size_t{1};
  for (size_t i = start; i + 1 < end; i += 2) {
    const char lo = w == Wide::kUtf16Le ? b[i] : b[i + 1];
    const char hi = w == Wide::kUtf16Le ? b[i + 1] : b[i];
    out.push_back(hi == 0 ? lo : 'x');
  }
  return out;
}

const char* BinarySignature(std::string_view b) {
  static constexpr std::pair<std::string_view, const char*> kMagic[] = {
      {"\x89PNG", "PNG image"},      {"GIF87a", "GIF image"},        {"GIF89a", "GIF image"},
      {"\xFF\xD8\xFF", "JPEG image"}, {"%PDF-", "PDF document"},      {"PK\x03\x04", "ZIP archive"},
      {"\x1F\x8B", "gzip data"},     {"BZh", "bzip2 data"},          {"\xFD" "7zXZ", "xz data"},
      {"7z\xBC\xAF", "7-Zip archive"}, {"Rar!", "RAR archive"},      {"\x7F" "ELF", "executable"},
      {"wOFF", "web font"},          {"wOF2", "web font"},           {"OggS", "Ogg media"},
      {"ID3", "MP3 audio"},          {"\xD0\xCF\x11\xE0", "Office document"},
      {"\x28\xB5\x2F\xFD", "zstd data"},
  };
  for (const auto& [magic, name] : kMagic)
    if (b.substr(0, magic.size()) == magic) return name;
  if (b.size() >= 12 && b.substr(0, 4) == "RIFF") return "RIFF media";
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp") return "MP4/ISO media";
  return nullptr;
}

}  // namespace

Container SniffContainer(std::string_view head) {
  const std::string_view s = SkipSpace(SkipUtf8Bom(head));
  if (s.substr(0, 5) == "WARC/") return Container::kWarc;
  if (s.empty() || s[0] != '{') return Container::kDocument;
  // '{' then a key: a JSON object, which no page text or markup opens with.
  const std::string_view rest = SkipSpace(s.substr(1));
  return (!rest.empty() && (rest[0] == '"' || rest[0] == '}')) ? Container::kJsonLines : Container::kDocument;
}

ContentKind SniffKind(std::string_view body) {
  std::string_view s = SkipUtf8Bom(body.substr(0, kKindSample));
  // Skip whitespace and comments before the first markup.
  while (true) {
    s = SkipSpace(s);
    if (s.substr(0, 4) != "<!--") break;
    const size_t e = s.find("-->", 4);
    if (e == std::string_view::npos) return ContentKind::kHtml;  // an unclosed comment is markup
    s = s.substr(e + 3);
  }
  for (std::string_view opener : {"<!doctype", "<html", "<head", "<body", "<?xml"})
    if (StartsWithNoCase(s, opener)) return ContentKind::kHtml;
  // Count tags: '<' then a letter, '/' + letter or '!'.
  size_t tags = 0, closing = 0;
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if (s[i] != '<') continue;
    if (IsAlpha(s[i + 1]) || s[i + 1] == '!') ++tags;
    else if (s[i + 1] == '/' && IsAlpha(s[i + 2])) ++tags, ++closing;
  }
  if (!s.empty() && s[0] == '<' && s.size() > 1 && IsAlpha(s[1]) && closing > 0) return ContentKind::kHtml;
  // "High density": at least 8 tags and one per 256 bytes of the sample.
  if (tags >= 8 && tags * 256 >= s.size()) return ContentKind::kHtml;
  return ContentKind::kText;
}

Status FinishDocument(RawDocument* doc) {
  std::string& b = doc->body;
  const Wide wide = WideEncoding(b);
  if (wide == Wide::kNo) {
    if (const char* what = BinarySignature(b)) return Status::Unsupported(std::string("binary data (") + what + ")");
    const size_t n = std::min(b.size(), kBinarySample);
    size_t nul = 0, control = 0;
    for (size_t i = 0; i < n; ++i) {
      const auto c = static_cast<unsigned char>(b[i]);
      if (c == 0) ++nul;
      else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) ||
               c == 0x7F)
        ++control;
    }
    if (nul * 4 > n) return Status::Unsupported("binary data (mostly NUL bytes)");
    if (control * 100 > (n - nul) * 3) return Status::Unsupported("binary data (control bytes)");
    if (nul > 0 || b.find('\0', n) != std::string::npos) b.erase(std::remove(b.begin(), b.end(), '\0'), b.end());
    if (SkipSpace(SkipUtf8Bom(b)).empty()) return Status::Empty("empty document");
    // A leading "URL: <address>" line.
    const size_t bom = SkipUtf8Bom(b).data() - b.data();
    std::string_view rest = std::string_view(b).substr(bom);
    if (StartsWithNoCase(rest, "url:")) {
      const size_t eol = rest.find('\n');
      std::string_view addr = rest.substr(4, eol == std::string_view::npos ? std::string_view::npos : eol - 4);
      while (!addr.empty() && IsSpace(addr.front())) addr.remove_prefix(1);
      while (!addr.empty() && IsSpace(addr.back())) addr.remove_suffix(1);
      if (!addr.empty() && addr.find_first_of(" \t") == std::string_view::npos) {
        if (doc->url.empty()) doc->url = std::string(addr);
        size_t cut = eol == std::string_view::npos ? rest.size() : eol + 1;
        while (cut < rest.size() && (rest[cut] == '\n' || rest[cut] == '\r')) ++cut;  // blank lines after it
        b.erase(bom, cut);
      }
    }
    if (doc->kind == ContentKind::kUnknown) doc->kind = SniffKind(b);
  } else {
    if (b.size() <= 4) return Status::Empty("empty document");
    if (doc->kind == ContentKind::kUnknown && wide != Wide::kUtf32) doc->kind = SniffKind(NarrowSample(b, wide));
  }
  if (SkipSpace(SkipUtf8Bom(b)).empty()) return Status::Empty("empty document");
  return Status::Ok();
}

}  // namespace attache::input
