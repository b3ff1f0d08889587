// Internal (text stage): the language tables compiled into the library.
#pragma once

#include <cstddef>

namespace attache::text {

struct EmbeddedTable {
  const char* lang;     // "en"
  const char* name;     // "speech_verbs"
  const char* content;  // the file's text
};

extern const EmbeddedTable kEmbeddedTables[];
extern const std::size_t kEmbeddedTableCount;

}  // namespace attache::text
