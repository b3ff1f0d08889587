// attache._attache: the library's Python binding (pybind11), built on the
// public headers only. The Python package (python/attache/__init__.py) wraps
// it: the functions here return JSON text, which the package turns into
// dicts, so a dict has exactly the fields of the CLI's JSON lines.
//
// Errors become attache.Error (set by the package through set_error_class)
// with the CLI's message "SOURCE: code: message" and the code's name in
// .code. The GIL is released while the library works (reading, extraction,
// analysis, storing, queries), so Python threads run in parallel.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>

#include "attache/attache.h"

namespace py = pybind11;

namespace {

py::object g_error_class = py::none();  // attache.Error, set by the package

// Raises attache.Error(message, code) for a failed Status.
[[noreturn]] void Raise(const attache::Status& st, const std::string& source) {
  const std::string msg = (source.empty() ? "" : source + ": ") + st.ToString();
  if (g_error_class.is_none()) throw std::runtime_error(msg);
  py::object exc = g_error_class(msg, st.code_name());
  PyErr_SetObject(g_error_class.ptr(), exc.ptr());
  throw py::error_already_set();
}

// A document as the input stage read it, or as a caller gave it.
struct Document {
  attache::RawDocument raw;
};

Document FromData(const py::object& data, const std::optional<std::string>& url, const std::string& source) {
  if (py::isinstance<Document>(data)) return data.cast<Document>();
  Document d;
  if (py::isinstance<py::bytes>(data)) {
    d.raw.body = data.cast<std::string>();
  } else if (py::isinstance<py::str>(data)) {
    d.raw.body = data.cast<std::string>();  // UTF-8
  } else {
    throw py::type_error("expected bytes, str or attache.Document");
  }
  d.raw.url = url.value_or("");
  d.raw.source = source;
  return d;
}

std::string ExtractJson(const Document& d, bool analyze) {
  std::string out;
  attache::Status failed;
  {
    py::gil_scoped_release release;
    auto r = attache::Extract(d.raw);
    if (!r.ok()) {
      failed = r.status();
    } else if (analyze) {
      auto an = attache::Analyze(std::move(r).value());
      if (an.ok()) out = attache::AnalysisToJson(an.value());
      else failed = an.status();
    } else {
      out = attache::ArticleToJson(r.value());
    }
  }
  if (!failed.ok()) Raise(failed, d.raw.source);
  return out;
}

// attache.read(path): the input stage on a thread of its own, handing
// documents (and per-document errors) to Python through a bounded queue, so
// memory stays bounded by a few documents whatever the input's size.
class Reader {
 public:
  struct Failure {
    std::string source;
    attache::Status status;
  };
  using Item = std::variant<Document, Failure>;

  Reader(std::string path, attache::InputLimits limits) : path_(std::move(path)) {
    thread_ = std::thread([this, limits] {
      attache::Status st = attache::ReadPath(
          path_, limits, [this](attache::RawDocument&& d) { Push(Document{std::move(d)}); },
          [this](const std::string& source, const attache::Status& s) { Push(Failure{source, s}); });
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
      final_ = st;
      cv_.notify_all();
    });
  }
  ~Reader() { Stop(); }

  // The next item; nullopt at the end. Raises when the path cannot be read.
  std::optional<Item> Next() {
    std::unique_lock<std::mutex> lock(mu_);
    {
      py::gil_scoped_release release;
      cv_.wait(lock, [this] { return !queue_.empty() || done_; });
    }
    if (!queue_.empty()) {
      Item it = std::move(queue_.front());
      queue_.pop_front();
      cv_.notify_all();
      return it;
    }
    if (!final_.ok()) {
      attache::Status st = final_;
      final_ = attache::Status::Ok();
      lock.unlock();
      Raise(st, path_);
    }
    return std::nullopt;
  }

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
      cv_.notify_all();
    }
    if (thread_.joinable()) {
      py::gil_scoped_release release;
      thread_.join();
    }
  }

 private:
  void Push(Item&& it) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return queue_.size() < kDepth || stop_; });
    if (stop_) return;  // the caller went away: drop the rest
    queue_.push_back(std::move(it));
    cv_.notify_all();
  }

  static constexpr size_t kDepth = 8;
  std::string path_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Item> queue_;
  bool done_ = false, stop_ = false;
  attache::Status final_;
  std::thread thread_;
};

attache::QueryFilter FilterFrom(const py::dict& kw) {
  attache::QueryFilter f;
  for (auto [k, v] : kw) {
    const std::string key = py::str(k);
    if (v.is_none()) continue;
    if (key == "limit") f.limit = v.cast<int>();
    else if (key == "offset") f.offset = v.cast<int>();
    else if (key == "status") {
      if (py::isinstance<py::str>(v)) f.status = {v.cast<std::string>()};
      else f.status = v.cast<std::vector<std::string>>();
    } else {
      const std::string s = v.cast<std::string>();
      if (key == "text") f.text = s;
      else if (key == "outlet") f.outlet = s;
      else if (key == "lang") f.lang = s;
      else if (key == "from_" || key == "from") f.from = s;
      else if (key == "to") f.to = s;
      else if (key == "speaker") f.speaker = s;
      else if (key == "channel") f.channel = s;
      else if (key == "host") f.host = s;
      else if (key == "visitor_country") f.visitor_country = s;
      else if (key == "person") f.person = s;
      else throw py::type_error("unknown filter '" + key + "'");
    }
  }
  return f;
}

// A store opened from Python. Calls release the GIL; one Store is used by
// one thread at a time (a lock here makes that so).
class PyStore {
 public:
  PyStore(const std::string& url, bool read_only) : url_(url) {
    attache::StoreOptions opt;
    opt.read_only = read_only;
    attache::Status failed;
    {
      py::gil_scoped_release release;
      auto r = attache::Store::Open(url, opt);
      if (r.ok()) store_ = std::move(r).value();
      else failed = r.status();
    }
    if (!failed.ok()) Raise(failed, "");
  }

  // Extracts, analyses and stores one document; returns what Add() did.
  py::dict Ingest(const Document& d) {
    if (!store_) Raise(attache::Status::InvalidArgument(url_ + ": the store is closed"), "");
    attache::Status failed;
    attache::AddResult res;
    std::string stage;
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mu_);
      auto r = attache::Extract(d.raw);
      if (!r.ok()) {
        failed = r.status();
      } else {
        auto an = attache::Analyze(std::move(r).value());
        if (!an.ok()) {
          failed = an.status();
        } else {
          auto added = store_->Add(an.value());
          if (added.ok()) res = added.value();
          else {
            failed = added.status();
            stage = "not stored: ";
          }
        }
      }
    }
    if (!failed.ok()) Raise(attache::Status(failed.code(), stage + failed.message()), d.raw.source);
    py::dict out;
    out["outcome"] = attache::AddOutcomeName(res.outcome);
    out["article_id"] = res.article_id;
    out["original_id"] = res.original_id;
    out["new_visits"] = res.new_visits;
    out["merged_visits"] = res.merged_visits;
    out["new_meetings"] = res.new_meetings;
    out["merged_meetings"] = res.merged_meetings;
    out["quotes"] = res.quotes;
    return out;
  }

  template <typename F>
  auto Call(F&& f) {
    using R = decltype(f(*store_));
    if (!store_) Raise(attache::Status::InvalidArgument(url_ + ": the store is closed"), "");
    std::optional<R> r;
    {
      py::gil_scoped_release release;
      std::lock_guard<std::mutex> lock(mu_);
      r.emplace(f(*store_));
    }
    if (!r->ok()) Raise(r->status(), "");
    return std::move(*r).value();
  }

  std::vector<std::string> Query(const std::string& what, const py::dict& kw) {
    const attache::QueryFilter f = FilterFrom(kw);
    return Call([&](attache::Store& s) -> attache::Result<attache::JsonRows> {
      if (what == "search") return s.SearchArticles(f);
      if (what == "quotes") return s.Quotes(f);
      if (what == "visits") return s.Visits(f);
      if (what == "meetings") return s.Meetings(f);
      if (what == "actors") return s.Actors(f);
      return attache::Status::InvalidArgument("unknown question '" + what + "'");
    });
  }

  std::string Balance(const std::string& host, const std::string& from, const std::string& to,
                      const std::string& by, const std::vector<std::string>& status, const std::string& blocs) {
    attache::BalanceQuery q;
    q.host = host;
    q.from = from;
    q.to = to;
    q.by = by;
    q.status = status;
    q.blocs_tsv = blocs;
    auto rows = Call([&](attache::Store& s) { return s.Balance(q); });
    return attache::BalanceToJson(rows);
  }

  py::dict Count() {
    auto c = Call([](attache::Store& s) { return s.Count(); });
    py::dict d;
    d["articles"] = c.articles;
    d["syndicated"] = c.syndicated;
    d["quotes"] = c.quotes;
    d["visits"] = c.visits;
    d["visit_reports"] = c.visit_reports;
    d["meetings"] = c.meetings;
    d["actors"] = c.actors;
    return d;
  }

  std::unique_ptr<attache::Store> store_;
  std::string url_;
  std::mutex mu_;
};

}  // namespace

PYBIND11_MODULE(_attache, m) {
  m.doc() = "attache's C++ core (use the attache package, not this module)";
  m.def("set_error_class", [](py::object cls) { g_error_class = std::move(cls); });

  py::class_<Document>(m, "Document")
      .def(py::init([](const py::object& data, std::optional<std::string> url, std::string source) {
             return FromData(data, url, source);
           }),
           py::arg("data"), py::arg("url") = py::none(), py::arg("source") = "<python>")
      .def_property_readonly("source", [](const Document& d) { return d.raw.source; })
      .def_property_readonly("url", [](const Document& d) -> py::object {
        return d.raw.url.empty() ? py::object(py::none()) : py::str(d.raw.url);
      })
      .def_property_readonly("date", [](const Document& d) -> py::object {
        return d.raw.date.empty() ? py::object(py::none()) : py::str(d.raw.date);
      })
      .def_property_readonly("body", [](const Document& d) { return py::bytes(d.raw.body); })
      .def("__repr__", [](const Document& d) {
        return "<attache.Document " + d.raw.source + " (" + std::to_string(d.raw.body.size()) + " bytes)>";
      })
      .def(py::pickle(
          [](const Document& d) {
            return py::make_tuple(d.raw.source, d.raw.url, d.raw.date, d.raw.http_charset,
                                  static_cast<int>(d.raw.kind), py::bytes(d.raw.body), d.raw.extra_json);
          },
          [](const py::tuple& t) {
            Document d;
            d.raw.source = t[0].cast<std::string>();
            d.raw.url = t[1].cast<std::string>();
            d.raw.date = t[2].cast<std::string>();
            d.raw.http_charset = t[3].cast<std::string>();
            d.raw.kind = static_cast<attache::ContentKind>(t[4].cast<int>());
            d.raw.body = t[5].cast<std::string>();
            d.raw.extra_json = t[6].cast<std::string>();
            return d;
          }));

  m.def(
      "extract_json",
      [](const py::object& data, std::optional<std::string> url, std::string source) {
        return ExtractJson(FromData(data, url, source), false);
      },
      py::arg("data"), py::arg("url") = py::none(), py::arg("source") = "<python>");
  m.def(
      "analyze_json",
      [](const py::object& data, std::optional<std::string> url, std::string source) {
        return ExtractJson(FromData(data, url, source), true);
      },
      py::arg("data"), py::arg("url") = py::none(), py::arg("source") = "<python>");

  py::class_<Reader>(m, "Reader")
      .def(py::init([](const std::string& path, size_t max_doc_bytes, uint64_t max_inflate) {
             attache::InputLimits l;
             l.max_document_bytes = max_doc_bytes;
             l.max_inflated_bytes = max_inflate;
             return std::make_unique<Reader>(path, l);
           }),
           py::arg("path"), py::arg("max_doc_bytes") = attache::InputLimits{}.max_document_bytes,
           py::arg("max_inflate") = attache::InputLimits{}.max_inflated_bytes)
      // (document, None) or (None, (source, message, code)); None at the end.
      .def("next", [](Reader& r) -> py::object {
        auto it = r.Next();
        if (!it) return py::none();
        if (auto* d = std::get_if<Document>(&*it)) return py::make_tuple(std::move(*d), py::none());
        const auto& f = std::get<Reader::Failure>(*it);
        return py::make_tuple(py::none(), py::make_tuple(f.source, f.source + ": " + f.status.ToString(),
                                                         f.status.code_name()));
      })
      .def("close", &Reader::Stop);

  py::class_<PyStore>(m, "Store")
      .def(py::init<const std::string&, bool>(), py::arg("url"), py::arg("read_only") = false)
      .def("ingest", &PyStore::Ingest, py::arg("document"))
      .def("query", &PyStore::Query)
      .def("article_json",
           [](PyStore& s, int64_t id) { return s.Call([&](attache::Store& st) { return st.ArticleJson(id); }); })
      .def("timeline",
           [](PyStore& s, const std::string& person, const py::dict& kw) {
             const attache::QueryFilter f = FilterFrom(kw);
             return s.Call([&](attache::Store& st) { return st.Timeline(person, f); });
           })
      .def("visit_sources",
           [](PyStore& s, int64_t id) { return s.Call([&](attache::Store& st) { return st.VisitSources(id); }); })
      .def("balance_json", &PyStore::Balance)
      .def("count", &PyStore::Count)
      .def("begin_batch",
           [](PyStore& s) {
             s.Call([](attache::Store& st) -> attache::Result<bool> {
               attache::Status b = st.BeginBatch();
               if (!b.ok()) return b;
               return true;
             });
           })
      .def("commit_batch",
           [](PyStore& s) {
             s.Call([](attache::Store& st) -> attache::Result<bool> {
               attache::Status b = st.CommitBatch();
               if (!b.ok()) return b;
               return true;
             });
           })
      .def("export_to",
           [](PyStore& s, const std::string& what, const std::string& format, const std::string& path) {
             s.Call([&](attache::Store& st) -> attache::Result<bool> {
               std::FILE* f = std::fopen(path.c_str(), "wb");
               if (!f) return attache::Status::IoError("cannot write " + path);
               attache::Status e = st.Export(what, format, f);
               if (std::fclose(f) != 0 && e.ok()) e = attache::Status::IoError("writing " + path + " failed");
               if (!e.ok()) return e;
               return true;
             });
           })
      .def_property_readonly("url", [](const PyStore& s) { return s.url_; })
      .def("close", [](PyStore& s) {
        py::gil_scoped_release release;
        std::lock_guard<std::mutex> lock(s.mu_);
        s.store_.reset();
      });
}
