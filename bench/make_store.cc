// attache_make_store: writes a synthetic store for load tests of the API.
//
//   attache_make_store --db FILE [--articles N] [--visits N] [--seed S]
//
// Articles are invented: random headlines and bodies drawn from a
// vocabulary with Zipf-distributed word frequencies, as in real text (100
// function words at the top ranks, then the 80 words of diplomatic news, then
// 20,000 other words), so full-text search walks postings of realistic
// lengths, outlets,
// languages and publication dates spread over 2015-2026, each with about
// visits/articles visit reports (more in the last articles when merging has
// left the store short of the target, so it ends with at least N visits) by actors from a pool of 20,000 people of 60 countries to 40 hosts (AZE
// among the most visited), plus a quote and a meeting. Everything goes
// through Store::Add, so merging and indexing are the real ones. Public
// headers only.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "attache/store.h"

namespace {

const char* kWords[] = {
    "minister", "talks",    "visit",    "delegation", "agreement", "energy",   "transit",  "corridor",
    "border",   "security", "trade",    "investment", "pipeline",  "railway",  "customs",  "summit",
    "president", "foreign", "cooperation", "sanctions", "grain",    "gas",      "oil",      "ports",
    "bilateral", "strategic", "partnership", "negotiations", "peace", "treaty",  "economic", "forum",
    "regional", "capital",  "embassy",  "ambassador", "officials", "statement", "ministry", "government",
    "parliament", "elections", "reform", "budget",    "tariffs",   "exports",  "imports",  "shipping",
    "water",    "electricity", "wind",  "solar",      "students",  "culture",  "museum",   "festival",
    "airline",  "flights",  "visa",     "tourism",    "banks",     "loans",    "debt",     "inflation",
    "wheat",    "cotton",   "copper",   "lithium",    "satellite", "cables",   "data",     "cyber",
    "navy",     "exercise", "monitoring", "mission",  "observers", "refugees", "aid",      "reconstruction"};

const char* kHosts[] = {"AZE", "AZE", "AZE", "AZE", "GEO", "ARM", "TUR", "KAZ", "UZB", "UKR", "MDA", "SRB",
                        "DEU", "FRA", "USA", "CHN", "IND", "BRA", "EGY", "SAU", "ARE", "QAT", "IRN", "PAK",
                        "KGZ", "TJK", "TKM", "MNG", "JPN", "KOR", "IDN", "VNM", "NGA", "KEN", "ZAF", "MEX",
                        "ARG", "CHL", "ITA", "ESP", "POL", "GBR", "CAN", "AUS"};

const char* kCountries[] = {"USA", "RUS", "TUR", "CHN", "IRN", "FRA", "DEU", "GBR", "ITA", "ESP", "POL", "NLD",
                            "BEL", "SWE", "FIN", "NOR", "DNK", "AUT", "CZE", "HUN", "ROU", "BGR", "GRC", "UKR",
                            "BLR", "KAZ", "UZB", "KGZ", "TJK", "TKM", "GEO", "ARM", "AZE", "IND", "PAK", "JPN",
                            "KOR", "SAU", "ARE", "QAT", "ISR", "EGY", "BRA", "ARG", "MEX", "CAN", "AUS", "IDN",
                            "EU",  "NATO", "UN", "OSCE", "SRB", "HRV", "SVN", "SVK", "LTU", "LVA", "EST", "MDA"};

const char* kOutlets[] = {"Example Times", "Daily Sample", "Wire Service", "Regional Review", "Capital News",
                          "Morning Post", "Evening Herald", "The Observer Test"};

const char* kStatus[] = {"past", "past", "past", "ongoing", "planned"};

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  long articles = 200000, target = 1000000;
  unsigned seed = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--db") db = next();
    else if (a == "--articles") articles = std::atol(next());
    else if (a == "--visits") target = std::atol(next());
    else if (a == "--seed") seed = static_cast<unsigned>(std::atol(next()));
    else {
      std::fprintf(stderr, "usage: attache_make_store --db FILE [--articles N] [--visits N] [--seed S]\n");
      return 2;
    }
  }
  if (db.empty() || articles <= 0 || target < 0) {
    std::fprintf(stderr, "attache_make_store: --db FILE is required; --articles and --visits positive\n");
    return 2;
  }
  auto opened = attache::Store::Open(db);
  if (!opened.ok()) {
    std::fprintf(stderr, "attache_make_store: %s\n", opened.status().ToString().c_str());
    return 1;
  }
  auto& store = *opened.value();
  std::mt19937_64 rng(seed);
  // The vocabulary by rank, and a Zipf (s = 1.07) sampler over it.
  std::vector<std::string> vocab;
  for (int i = 0; i < 100; ++i) vocab.push_back("fw" + std::to_string(i));
  for (const char* w : kWords) vocab.push_back(w);
  for (int i = 0; i < 20000; ++i) vocab.push_back("term" + std::to_string(i));
  std::vector<double> weights;
  for (size_t r = 1; r <= vocab.size(); ++r) weights.push_back(std::pow(static_cast<double>(r), -1.07));
  std::discrete_distribution<size_t> zipf(weights.begin(), weights.end());
  auto word = [&]() -> const std::string& { return vocab[zipf(rng)]; };
  auto pick = [&](auto& arr) { return arr[rng() % std::size(arr)]; };
  const int kPeople = 20000;
  std::vector<std::pair<std::string, std::string>> people;  // name, country
  for (int p = 0; p < kPeople; ++p) {
    people.emplace_back("Person" + std::to_string(p) + " Surname" + std::to_string(p * 7919 % 100003),
                        kCountries[p % std::size(kCountries)]);
  }
  const auto start = std::chrono::steady_clock::now();
  long visits = 0, per = target / articles;
  for (long n = 0; n < articles; ++n) {
    // Near the end, make up for the reports that merged into earlier visits.
    if (articles - n == std::min<long>(articles, 2000)) {
      auto c = store.Count();
      if (c.ok()) {
        const long have = static_cast<long>(c.value().visits), left = articles - n;
        per = std::max<long>(per, (target - have + left - 1) / left);
      }
    }
    attache::Analysis a;
    const int year = 2015 + static_cast<int>(rng() % 12), month = 1 + static_cast<int>(rng() % 12),
              day = 1 + static_cast<int>(rng() % 28);
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
    a.article.source = "synthetic:" + std::to_string(n);
    a.article.url = "https://synthetic.example/" + std::to_string(n);
    a.article.published = date;
    a.article.outlet = pick(kOutlets);
    a.article.lang = rng() % 10 ? "en" : "ru";
    std::string title;
    for (int w = 0; w < 7; ++w) title += std::string(w ? " " : "") + (w % 2 ? word() : std::string(pick(kWords)));
    a.article.title = title;
    std::string text;
    for (int w = 0; w < 250; ++w) {
      text += word();
      text += (w % 25 == 24) ? (w % 75 == 74 ? ".\n\n" : ". ") : " ";
    }
    text += "Story " + std::to_string(n) + ".";
    a.article.text = text;
    for (long k = 0; k < per; ++k) {
      const auto& [name, country] = people[rng() % people.size()];
      attache::Visit v;
      v.visitor = name;
      v.visitor_country = country;
      v.host_country = pick(kHosts);
      if (v.host_country == country) v.host_country = "AZE" == country ? std::string("GEO") : std::string("AZE");
      v.date = rng() % 8 ? std::optional<std::string>(date) : std::nullopt;
      v.status = pick(kStatus);
      v.codes = {"042", "CONSULT", "visit"};
      v.mentions = {static_cast<size_t>(rng() % 500)};
      a.visits.push_back(std::move(v));
    }
    attache::Quote q;
    q.speaker = people[rng() % people.size()].first;
    q.text = text.substr(0, 80);
    q.begin = 0;
    q.end = 80;
    q.cue = "said";
    q.direct = rng() % 2;
    a.quotes.push_back(q);
    attache::Meeting m;
    m.participants = {people[rng() % people.size()].first, people[rng() % people.size()].first};
    m.date = date;
    m.status = "past";
    m.codes = {"043", "CONSULT", ""};
    a.meetings.push_back(m);
    if (n % 2000 == 0 && !store.CommitBatch().ok()) return 1;
    if (n % 2000 == 0 && !store.BeginBatch().ok()) return 1;
    auto r = store.Add(a);
    if (!r.ok()) {
      std::fprintf(stderr, "attache_make_store: article %ld: %s\n", n, r.status().ToString().c_str());
      return 1;
    }
    visits += per;
    if (n % 20000 == 19999) {
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(stderr, "%ld articles, %ld visit reports, %.0f articles/s\n", n + 1, visits, (n + 1) / s);
    }
  }
  if (attache::Status st = store.CommitBatch(); !st.ok()) {
    std::fprintf(stderr, "attache_make_store: %s\n", st.ToString().c_str());
    return 1;
  }
  auto c = store.Count();
  if (c.ok()) {
    std::printf("{\"articles\":%lld,\"syndicated\":%lld,\"visits\":%lld,\"visit_reports\":%lld,\"meetings\":%lld,"
                "\"quotes\":%lld,\"actors\":%lld}\n",
                static_cast<long long>(c.value().articles), static_cast<long long>(c.value().syndicated),
                static_cast<long long>(c.value().visits), static_cast<long long>(c.value().visit_reports),
                static_cast<long long>(c.value().meetings), static_cast<long long>(c.value().quotes),
                static_cast<long long>(c.value().actors));
  }
  return 0;
}
