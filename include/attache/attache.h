// attache/attache.h: the library's umbrella header. Include this one.
//
//   attache::ReadPath("crawl.warc.gz", {}, [](attache::RawDocument&& d) {
//     auto r = attache::Extract(d);
//     if (r.ok()) std::puts(attache::ArticleToJson(r.value()).c_str());
//   }, on_error);
#pragma once

#include "attache/analyze.h"
#include "attache/countries.h"
#include "attache/document.h"
#include "attache/extract.h"
#include "attache/input.h"
#include "attache/status.h"
#include "attache/store.h"
