// Internal (extract stage): what the body extractor (html_body.cc) reads
// from an element before its text: its kind (block, never content), its
// class and id names (page furniture or article content), and whether its
// style hides it.
#pragma once

#include <string_view>

#include "html/html.h"

namespace attache::extract::body {

// Element kinds, defined here so that the extractor's per-node loops inline
// them. Block elements break the text into paragraphs.
inline bool IsBlock(html::Tag t) {
  using html::Tag;
  switch (t) {
    case Tag::kAddress: case Tag::kArticle: case Tag::kAside: case Tag::kBlockquote: case Tag::kBody:
    case Tag::kCaption: case Tag::kCenter: case Tag::kDd: case Tag::kDetails: case Tag::kDialog:
    case Tag::kDiv: case Tag::kDl: case Tag::kDt: case Tag::kFieldset: case Tag::kFigcaption:
    case Tag::kFigure: case Tag::kFooter: case Tag::kForm: case Tag::kH1: case Tag::kH2: case Tag::kH3:
    case Tag::kH4: case Tag::kH5: case Tag::kH6: case Tag::kHeader: case Tag::kHgroup: case Tag::kHr:
    case Tag::kHtml: case Tag::kLi: case Tag::kMain: case Tag::kMenu: case Tag::kNav: case Tag::kOl:
    case Tag::kP: case Tag::kPre: case Tag::kSection: case Tag::kSummary: case Tag::kTable:
    case Tag::kTbody: case Tag::kTd: case Tag::kTfoot: case Tag::kTh: case Tag::kThead: case Tag::kTr:
    case Tag::kUl: case Tag::kDocument: case Tag::kBr:
      return true;
    default:
      return false;
  }
}

// Elements whose content is never article text.
inline bool IsNeverContent(html::Tag t) {
  using html::Tag;
  switch (t) {
    case Tag::kScript: case Tag::kStyle: case Tag::kNoscript: case Tag::kTemplate: case Tag::kHead:
    case Tag::kTitle: case Tag::kMeta: case Tag::kLink: case Tag::kButton:
    case Tag::kSelect: case Tag::kOption: case Tag::kOptgroup: case Tag::kTextarea: case Tag::kInput:
    case Tag::kLabel: case Tag::kSvg: case Tag::kMath: case Tag::kCanvas: case Tag::kIframe:
    case Tag::kObject: case Tag::kEmbed: case Tag::kAudio: case Tag::kVideo:
    case Tag::kNoembed: case Tag::kNoframes: case Tag::kFrame: case Tag::kFigcaption: case Tag::kPicture:
    case Tag::kImg:
      return true;
    default:
      return false;
  }
}

struct NameClass {
  int furniture = 0;   // furniture words seen
  int content = 0;     // content words seen
  int strong = 0;      // whole names that are strong content markers
};

// Adds what the class or id value `value` counts to `nc`: furniture words,
// content words and strong content markers (see html_body_names.cc).
void ClassifyName(std::string_view value, NameClass* nc);

// Runs of letters and digits in a class or id value.
int CountNameWords(std::string_view v);

// Whether an inline style hides the element (display:none, visibility:hidden).
bool IsHiddenStyle(std::string_view style);

}  // namespace attache::extract::body
