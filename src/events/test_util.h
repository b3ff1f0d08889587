// Helpers shared by the events stage's tests: run the finder over a text,
// print what it found (for failure messages), and pick one visit.
#pragma once

#include <string>

#include "attache/analyze.h"
#include "events/events.h"
#include "text/tables.h"

namespace attache::events::test_util {

inline Events Find(const std::string& text, const std::string& published = "") {
  return FindEvents(text, published, text::TablesFor("en"));
}

inline std::string Dump(const Events& e) {
  std::string out;
  for (const Visit& v : e.visits)
    out += "V " + v.visitor + " -> " + v.host_country + " place=" + v.place.value_or("-") +
           " date=" + v.date.value_or("-") + " " + v.status + " country=" + v.visitor_country.value_or("-") + "\n";
  for (const Meeting& m : e.meetings) {
    out += "M";
    for (const std::string& p : m.participants) out += " " + p;
    out += " place=" + m.place.value_or("-") + " date=" + m.date.value_or("-") + " " + m.status + "\n";
  }
  return out;
}

inline const Visit* FindVisit(const Events& e, const std::string& visitor, const std::string& host) {
  for (const Visit& v : e.visits)
    if (v.visitor == visitor && v.host_country == host) return &v;
  return nullptr;
}

}  // namespace attache::events::test_util
