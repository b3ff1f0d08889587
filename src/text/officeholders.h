// Office-holders: who held which office, when (heads of state and government,
// ministers, international organisations' heads), and the names they go by.
//
// The table is data (data/officeholders/, compiled by scripts/gen_officeholders.py
// into officeholders_table.inc). Dates are "YYYY-MM-DD" strings; `to` is the day
// the office passed to the next holder (on that day the successor holds it), and
// an empty `from`/`to` means unknown or still in office. Everything returned
// points into static tables that live for the whole program. Thread-safe: the
// index is built once, on first use.
#pragma once

#include <string>
#include <string_view>

namespace attache::text {

struct Office {
  std::string_view country;  // ISO 3166-1 alpha-3, or "EU", "NATO", "UN"
  std::string_view office;   // "President", "Prime Minister", "Foreign Minister", ...
  std::string_view name;     // the table's spelling: "Sergey Lavrov"
  std::string_view from, to;
};

// A key under which spellings of one person's name meet: diacritics, case,
// hyphens and dots fold away, and so do common romanisation variants of
// Russian and Turkic names (Sergei/Sergey, Zelensky/Zelenskyy, Aleksandr/
// Alexander, Erdoğan/Erdogan, Yevgeny/Evgeny, el-/al-, doubled letters).
// Words stay in order, separated by one space: "sergei lavrov".
std::string FoldPersonName(std::string_view name);

// The office `person_name` held on `date` ("YYYY-MM-DD", "YYYY-MM", "YYYY": any
// time in that month or year; longer strings such as "2023-02-27T10:00Z" use their
// date; "" means the latest known). The name is matched as a full name (through
// the aliases and FoldPersonName), or else as a surname ("Lavrov", "Lopez
// Obrador"; "Xi" for Chinese and Korean names) when exactly one person with it
// held an office then. Of several offices the highest wins: head of state, head
// of government, foreign minister, other ministers, anything else. nullptr when
// none is known or the date is unreadable.
const Office* OfficeOf(std::string_view person_name, std::string_view date = "");

// Who held `office` of `country` on `date` (same date forms; for a month or a
// year, the holder who took office last within it). nullptr when unknown.
const Office* HolderOf(std::string_view country, std::string_view office, std::string_view date = "");

// The table's spelling of a known person ("Sergei Lavrov" -> "Sergey Lavrov",
// "Recep Tayyip Erdogan" -> "Recep Tayyip Erdoğan"), else `name` unchanged.
std::string CanonicalName(std::string_view name);

}  // namespace attache::text
