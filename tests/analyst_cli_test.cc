// The analyst's questions as a user types them: countries by code in any
// case, by name, demonym or bloc; date ranges with quarters, impossible dates
// and reversed ranges; visits of unknown year; every period of a balance;
// rows with names and sources; filtered exports; per-command help. Every
// page here is written by the test.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/cli_run.h"

namespace {

namespace fs = std::filesystem;
using attache_test::RunResult;
using nlohmann::json;

// Whether the table has a line that is the period, then one or more
// columns of zeros ("2017      0      0"). Written without <regex>: this
// binary must not instantiate std::regex (see tsan.supp).
bool RowOfZeros(const std::string& table, const std::string& period) {
  for (size_t at = table.find("\n" + period + " "); at != std::string::npos;
       at = table.find("\n" + period + " ", at + 1)) {
    const size_t begin = at + 1 + period.size();
    const size_t end = table.find('\n', begin);
    if (end == std::string::npos) continue;
    const std::string rest = table.substr(begin, end - begin);
    if (rest.find('0') != std::string::npos && rest.find_first_not_of(" 0") == std::string::npos &&
        rest.find("00") == std::string::npos)
      return true;
  }
  return false;
}

class AnalystCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("attache_analyst_cli_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_ / "pages");
    // Visits to Baku in 2018 and 2022 (none between), to Yerevan in 2023,
    // and one of unknown year.
    Page("a1", "Minister visits Baku", "12 March 2018 10:00",
         "Russian Foreign Minister Sergei Lavrov arrived in Baku on Monday for talks, the ministry said.");
    Page("a2", "Secretary in Baku", "14 June 2022 09:00",
         "US Secretary of State Antony Blinken arrived in Baku on Tuesday for talks with officials.");
    Page("a3", "Premier in Baku", "20 May 2022 09:00",
         "Georgian Prime Minister Irakli Garibashvili arrived in Baku on Friday for talks.");
    Page("a4", "Minister in Yerevan", "3 February 2023 09:00",
         "Kazakh Foreign Minister Mukhtar Tileuberdi arrived in Yerevan on Friday for talks.");
    Page("a5", "President in Baku", "",
         "Turkish President Recep Tayyip Erdo\xC4\x9F" "an arrived in Baku on 5 May for talks. "
         "\"We are brothers,\" Erdo\xC4\x9F" "an told reporters.");
    db_ = new std::string((*dir_ / "record.db").string());
    RunResult r = Run("ingest --quiet --db " + *db_ + " " + (*dir_ / "pages").string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete db_;
  }
  static void Page(const std::string& name, const std::string& title, const std::string& date,
                   const std::string& body) {
    std::ofstream(*dir_ / "pages" / (name + ".txt"))
        << "URL: https://example.org/" << name << "\n\n" << title << "\n\n" << (date.empty() ? "" : date + "\n\n")
        << body << "\n\nThe talks covered transit, energy and the railway corridor. Officials said more meetings "
        << "would follow.\n";
  }
  static RunResult Run(const std::string& args) { return attache_test::RunAttache(*dir_, args); }
  static RunResult Ask(const std::string& args) { return Run(args + " --db " + *db_); }
  // The JSON lines of stdout.
  static std::vector<json> Rows(const RunResult& r) {
    std::vector<json> out;
    size_t start = 0;
    while (start < r.out.size()) {
      const size_t nl = r.out.find('\n', start);
      out.push_back(json::parse(r.out.substr(start, nl - start)));
      start = nl == std::string::npos ? r.out.size() : nl + 1;
    }
    return out;
  }
  static std::set<std::string> Visitors(const RunResult& r) {
    std::set<std::string> out;
    for (const auto& j : Rows(r)) out.insert(j["visitor"].get<std::string>());
    return out;
  }
  static fs::path* dir_;
  static std::string* db_;
};

fs::path* AnalystCliTest::dir_ = nullptr;
std::string* AnalystCliTest::db_ = nullptr;

TEST_F(AnalystCliTest, HostByCodeInAnyCaseNameOrBloc) {
  const RunResult upper = Ask("visits --host AZE");
  ASSERT_EQ(upper.exit_code, 0) << upper.err;
  EXPECT_EQ(Visitors(upper).size(), 4u) << upper.out;
  for (const char* host : {"aze", "Azerbaijan", "azerbaijan", "'the Republic of Azerbaijan'"}) {
    const RunResult r = Ask(std::string("visits --host ") + host);
    EXPECT_EQ(r.exit_code, 0) << host << ": " << r.err;
    EXPECT_EQ(r.out, upper.out) << host;
  }
  // A bloc where a set fits: the South Caucasus is AZE, ARM and GEO.
  const RunResult bloc = Ask("visits --host 'South Caucasus'");
  ASSERT_EQ(bloc.exit_code, 0) << bloc.err;
  EXPECT_EQ(Visitors(bloc).size(), 5u) << bloc.out;
  // Visitors by demonym, name and bloc.
  EXPECT_EQ(Visitors(Ask("visits --visitor-country russian")), std::set<std::string>{"Sergei Lavrov"});
  EXPECT_EQ(Visitors(Ask("visits --visitor-country Russia")), std::set<std::string>{"Sergei Lavrov"});
  EXPECT_EQ(Visitors(Ask("visits --bloc West")), std::set<std::string>{"Antony Blinken"});
  EXPECT_EQ(Visitors(Ask("visits --visitor-country west")), std::set<std::string>{"Antony Blinken"});
}

TEST_F(AnalystCliTest, AnUnknownCountryIsAnErrorNamingTheNearest) {
  RunResult r = Ask("visits --host Azerbajan");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("'Azerbajan'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Azerbaijan (AZE)"), std::string::npos) << r.err;
  r = Ask("visits --visitor-country Wset");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("West (bloc)"), std::string::npos) << r.err;
  r = Ask("balance --host Atlantis");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("'Atlantis'"), std::string::npos) << r.err;
  r = Ask("balance --host West");  // a balance has one host
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("is a bloc"), std::string::npos) << r.err;
}

TEST_F(AnalystCliTest, DateRangesQuartersImpossibleDatesAndReversedRanges) {
  EXPECT_EQ(Visitors(Ask("visits --from 2023-Q1 --to 2023-Q1")), std::set<std::string>{"Mukhtar Tileuberdi"});
  EXPECT_EQ(Visitors(Ask("visits --from 2022-q2 --to 2022-Q2")),
            (std::set<std::string>{"Antony Blinken", "Irakli Garibashvili"}));
  EXPECT_TRUE(Ask("visits --from 2022-Q3 --to 2022-Q4").out.empty());
  RunResult r = Ask("visits --from 2022-02-30");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("February 2022 has 28 days"), std::string::npos) << r.err;
  r = Ask("visits --from 2024-02-30");
  EXPECT_NE(r.err.find("February 2024 has 29 days"), std::string::npos) << r.err;
  r = Ask("visits --to 2023-13");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no month 13"), std::string::npos) << r.err;
  r = Ask("visits --from 2023-Q5");
  EXPECT_EQ(r.exit_code, 2);
  for (const char* cmd : {"visits", "meetings", "search", "quotes", "balance --host AZE", "export visits"}) {
    r = Ask(std::string(cmd) + " --from 2024 --to 2018");
    EXPECT_EQ(r.exit_code, 2) << cmd;
    EXPECT_NE(r.err.find("reversed"), std::string::npos) << cmd << ": " << r.err;
  }
}

TEST_F(AnalystCliTest, UnknownYearIsOutsideEveryRangeUnlessUndated) {
  const std::string erdogan = "Recep Tayyip Erdo\xC4\x9F" "an";
  EXPECT_EQ(Visitors(Ask("visits")).count(erdogan), 1u);
  EXPECT_EQ(Visitors(Ask("visits --from 2022")).count(erdogan), 0u);
  EXPECT_EQ(Visitors(Ask("visits --to 2030")).count(erdogan), 0u);
  const RunResult r = Ask("visits --from 2022 --undated");
  EXPECT_EQ(Visitors(r), (std::set<std::string>{"Antony Blinken", "Irakli Garibashvili", "Mukhtar Tileuberdi", erdogan}));
}

// "Newest first" puts a visit of unknown year (XXXX-05-05) by the day it was
// reported, not above every dated visit; with no publication date either, it
// comes last.
TEST_F(AnalystCliTest, VisitsOfUnknownYearDoNotLeadTheNewestFirst) {
  std::vector<std::string> dates;
  for (const auto& v : Rows(Ask("visits"))) dates.push_back(v["date"].is_string() ? v["date"].get<std::string>() : "");
  ASSERT_EQ(dates.size(), 5u);
  EXPECT_EQ(dates.back().rfind("XXXX-", 0), 0u) << dates.back();
  for (size_t i = 0; i + 2 < dates.size(); ++i) EXPECT_GE(dates[i], dates[i + 1]) << i;
  EXPECT_EQ(dates.front().rfind("2023-", 0), 0u) << dates.front();
}

// A filter a question cannot apply is an error naming the option, the
// command and its help, not an answer that silently ignores it.
TEST_F(AnalystCliTest, AnOptionTheQuestionDoesNotTakeIsAnError) {
  const std::pair<const char*, const char*> cases[] = {
      {"meetings --host aze", "--host"},       {"quotes --bloc West", "--bloc"},
      {"timeline Lavrov --status past", "--status"}, {"search Baku --person Lavrov", "--person"},
      {"actors --from 2022", "--from"},        {"stats --undated", "--undated"},
  };
  for (const auto& [args, option] : cases) {
    const RunResult r = Ask(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_TRUE(r.out.empty()) << args << ": " << r.out;
    const std::string cmd = std::string(args).substr(0, std::string(args).find(' '));
    EXPECT_NE(r.err.find("unknown option '" + std::string(option) + "' for " + cmd), std::string::npos)
        << args << ": " << r.err;
    EXPECT_NE(r.err.find("see attache " + cmd + " --help"), std::string::npos) << args << ": " << r.err;
  }
  // Nor are words after a question that takes none dropped.
  for (const char* args : {"visits Azerbaijan", "meetings Lavrov", "stats everything"}) {
    const RunResult r = Ask(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_TRUE(r.out.empty()) << args << ": " << r.out;
    EXPECT_NE(r.err.find("takes no words"), std::string::npos) << args << ": " << r.err;
  }
  EXPECT_NE(Ask("visits Azerbaijan").err.find("--host"), std::string::npos);
  // The options each question lists in its help are taken.
  EXPECT_EQ(Ask("meetings --person Lavrov --status past --from 2018 --undated").exit_code, 0);
  EXPECT_EQ(Ask("quotes --speaker Erdogan --outlet example.org --channel x --text brothers").exit_code, 0);
}

TEST_F(AnalystCliTest, BalanceHasEveryPeriodTheUndatedShareAndNames) {
  RunResult r = Ask("balance --host Azerbaijan --by year --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json b = json::parse(r.out);
  EXPECT_EQ(b["host"], "AZE");
  EXPECT_EQ(b["host_name"], "Azerbaijan");
  EXPECT_EQ(b["periods"], json({"2018", "2019", "2020", "2021", "2022"}));  // the empty years too
  EXPECT_EQ(b["visits"], 4);
  EXPECT_EQ(b["undated"], 1);
  EXPECT_DOUBLE_EQ(b["undated_share"].get<double>(), 0.25);
  std::map<std::string, std::string> bloc;
  for (const auto& row : b["rows"]) bloc[row["partner"]] = row["bloc"];
  EXPECT_EQ(bloc["GEO"], "South Caucasus");
  EXPECT_EQ(bloc["RUS"], "Russia and allies");  // a bloc has a name, not a code
  EXPECT_EQ(bloc["USA"], "West");
  EXPECT_EQ(b["rows"][0]["partner_name"], "Russia");
  for (const char* host : {"AZE", "GEO", "ARM"}) {  // "Other" is empty for every host's partners
    const std::string other = Ask(std::string("balance --format csv --host ") + host).out;
    EXPECT_EQ(other.find(",Other,"), std::string::npos) << host << ": " << other;
  }
  r = Ask("balance --host aze --by year --from 2017");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // An empty year is a row of zeros.
  EXPECT_TRUE(RowOfZeros(r.out, "2017")) << r.out;
  EXPECT_TRUE(RowOfZeros(r.out, "2019")) << r.out;
  r = Ask("balance --host aze --by year");
  EXPECT_NE(r.out.find("Undated: 1 of 4 visits (25%)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Georgia (GEO) 1"), std::string::npos) << r.out;
  // Blocs are named in words, and the columns line up under a name with
  // letters beyond ASCII ("Türkiye and the OTS"): every line of the table is
  // as long, in characters, as its header.
  EXPECT_NE(r.out.find("T\xC3\xBCrkiye and the OTS"), std::string::npos) << r.out;
  const auto chars = [](const std::string& line) {
    size_t n = 0;
    for (unsigned char c : line) n += (c & 0xC0) != 0x80;
    return n;
  };
  std::istringstream table(r.out);
  std::string line, header;
  std::getline(table, line);  // the title
  std::getline(table, header);
  while (std::getline(table, line) && !line.empty()) EXPECT_EQ(chars(line), chars(header)) << line << "\n" << header;
  r = Ask("balance --host AZE --by quarter --from 2022-Q1 --to 2022-Q4 --format csv");
  EXPECT_NE(r.out.find("2022-Q1,,,,0\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2022-Q2,GEO,Georgia,South Caucasus,1\n"), std::string::npos) << r.out;
  // --explain as text names the visitors and their articles.
  r = Ask("balance --host AZE --by year --explain");
  EXPECT_NE(r.out.find("visit "), std::string::npos);
  EXPECT_NE(r.out.find("Irakli Garibashvili"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("https://example.org/a3"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("{\""), std::string::npos) << "raw JSON in the table: " << r.out;
}

TEST_F(AnalystCliTest, RowsHaveNamesSourcesArraysAndBooleans) {
  for (const auto& v : Rows(Ask("visits"))) {
    ASSERT_TRUE(v["sources"].is_array()) << v;
    ASSERT_FALSE(v["sources"].empty()) << v;
    for (const char* k : {"id", "title", "outlet", "date", "url"}) EXPECT_TRUE(v["sources"][0].contains(k)) << k;
    EXPECT_EQ(v["host_country_name"].is_string(), true) << v;
  }
  const auto quotes = Rows(Ask("quotes"));
  ASSERT_FALSE(quotes.empty());
  EXPECT_TRUE(quotes[0]["direct"].is_boolean()) << quotes[0];
  EXPECT_TRUE(quotes[0]["sources"].is_array());
  // The timeline: arrays for people, sources on every row, an article id on
  // every row, undated rows last.
  const auto tl = Rows(Ask("timeline Erdogan"));
  ASSERT_FALSE(tl.empty());
  for (const auto& row : tl) {
    EXPECT_TRUE(row["participants"].is_array()) << row;
    EXPECT_TRUE(row["article_id"].is_number()) << row;
    EXPECT_FALSE(row["sources"].empty()) << row;
  }
}

TEST_F(AnalystCliTest, SearchRanksByRelevanceThenDate) {
  // Headline matches first, each group newest first by publication date
  // (not in storage order); the undated article last.
  std::vector<std::string> urls;
  for (const auto& row : Rows(Ask("search Baku"))) urls.push_back(row["url"].get<std::string>());
  EXPECT_EQ(urls, (std::vector<std::string>{"https://example.org/a2", "https://example.org/a3",
                                            "https://example.org/a1", "https://example.org/a5"}));
}

TEST_F(AnalystCliTest, ExportsFilterAndWriteForSpreadsheets) {
  RunResult r = Ask("export visits --host aze --from 2022 --to 2022 --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3) << r.out;  // header and two visits
  EXPECT_NE(r.out.find("https://example.org/a2"), std::string::npos) << r.out;  // sources as their urls
  EXPECT_EQ(r.out.find("[{"), std::string::npos) << "arrays are ';'-joined names: " << r.out;
  r = Ask("export visits --bloc West");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Rows(r).size(), 1u);
  r = Ask("export visits --status planned");
  EXPECT_TRUE(r.out.empty());
  r = Ask("export visits --excel");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("\xEF\xBB\xBF" "id,", 0), 0u) << r.out.substr(0, 20);
  EXPECT_NE(r.out.find("Erdo\xC4\x9F" "an"), std::string::npos);
  r = Ask("export visits --format csv --arrays json");
  EXPECT_NE(r.out.find("\"[{\"\"id\"\""), std::string::npos) << r.out;
  r = Ask("export meetings --host AZE");
  EXPECT_EQ(r.exit_code, 2);
}

TEST_F(AnalystCliTest, EveryCommandHasItsOwnHelp) {
  for (const char* cmd : {"extract", "analyze", "ingest", "parse", "train", "balance", "search", "quotes", "visits", "meetings",
                          "timeline", "actors", "article", "stats", "export", "serve"}) {
    const RunResult r = Run(std::string(cmd) + " --help");
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_EQ(r.out.rfind(std::string("Usage: attache ") + cmd, 0), 0u) << cmd << ": " << r.out;
    EXPECT_NE(r.out.find("Options:"), std::string::npos) << cmd;
    EXPECT_NE(r.out.find("Example:\n  attache " + std::string(cmd)), std::string::npos) << cmd;
  }
  const RunResult v = Run("visits --help");
  EXPECT_NE(v.out.find("--undated"), std::string::npos);
  EXPECT_NE(v.out.find("YYYY-Qn"), std::string::npos);
  EXPECT_NE(v.out.find("default 50"), std::string::npos);
  EXPECT_EQ(Run("help balance").out, Run("balance --help").out);
}

}  // namespace
