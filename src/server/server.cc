// attache serve: cpp-httplib around the API and the dashboard's files.
#include "server.h"

#include <unistd.h>

#include <chrono>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <httplib.h>

#include "attache/store.h"
#include "api.h"

#ifndef ATTACHE_DEFAULT_WEB_DIR
#define ATTACHE_DEFAULT_WEB_DIR ""
#endif

namespace attache_server {

namespace fs = std::filesystem;

namespace {

// Article text is hostile: the dashboard only ever sets it as text, and the
// policy forbids inline scripts and handlers besides.
constexpr const char* kCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

constexpr const char* kNoDashboard =
    "<!doctype html><meta charset=utf-8><title>attache</title>"
    "<p>The attache API is running (try <a href=\"/api/stats\">/api/stats</a>), but the dashboard is not built.</p>"
    "<p>Build it with <code>(cd web &amp;&amp; npm ci &amp;&amp; npm run build)</code> and restart "
    "<code>attache serve</code>, or point <code>--web DIR</code> at the built folder.</p>";

struct WebFile {
  std::string content;
  std::string type;
};

std::string ContentType(const fs::path& p) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"}, {".svg", "image/svg+xml"},
      {".png", "image/png"}, {".ico", "image/x-icon"}, {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"}, {".map", "application/json; charset=utf-8"}};
  auto it = kTypes.find(p.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

// Every regular file under `dir`, by its URL path ("/index.html").
attache::Result<std::map<std::string, WebFile>> LoadWebFiles(const std::string& dir, size_t max_bytes) {
  std::map<std::string, WebFile> out;
  if (dir.empty()) return out;
  std::error_code ec;
  size_t total = 0;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
  if (ec) return attache::Status::IoError(dir + ": cannot read the dashboard's folder: " + ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) return attache::Status::IoError(dir + ": " + ec.message());
    if (!it->is_regular_file(ec)) continue;
    const fs::path rel = fs::relative(it->path(), dir, ec);
    if (ec) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    WebFile f{s.str(), ContentType(it->path())};
    total += f.content.size();
    if (total > max_bytes) {
      return attache::Status::TooLarge(dir + ": the dashboard's files are over " + std::to_string(max_bytes) +
                                       " bytes");
    }
    out["/" + rel.generic_string()] = std::move(f);
  }
  return out;
}

// The Store of this worker thread, opened on first use.
const attache::Store* ThreadStore(const std::string& path, int timeout_ms, attache::Status* st) {
  thread_local std::unique_ptr<attache::Store> store;
  thread_local std::string store_path;
  if (!store || store_path != path) {
    store.reset();
    attache::StoreOptions o;
    o.read_only = true;
    o.query_timeout_ms = timeout_ms;
    o.check_on_open_max_bytes = 0;  // Start() checked the store once
    auto r = attache::Store::Open(path, o);
    if (!r.ok()) {
      *st = r.status();
      return nullptr;
    }
    store = std::move(r).value();
    store_path = path;
  }
  return store.get();
}

void SetJson(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body, "application/json; charset=utf-8");
}

bool IsLoopbackName(const std::string& h) { return h == "127.0.0.1" || h == "localhost" || h == "[::1]"; }

// The Host header's name part ("127.0.0.1:8080" -> "127.0.0.1").
std::string HostName(const std::string& header) {
  if (!header.empty() && header[0] == '[') {
    const size_t close = header.find(']');
    return close == std::string::npos ? header : header.substr(0, close + 1);
  }
  return header.substr(0, header.find(':'));
}

}  // namespace

struct Server::Impl {
  ServeOptions options;
  std::map<std::string, WebFile> web;  // read once; never changed after Start
  httplib::Server http;
  std::thread thread;
  int port = 0;
  bool stopped = false;

  void Routes();
};

void Server::Impl::Routes() {
  const std::string db = options.db;
  const int timeout_ms = options.timeout_ms;
  const bool loopback = IsLoopbackName(options.host);
  const std::string bind_host = options.host;

  http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                            {"Referrer-Policy", "no-referrer"},
                            {"X-Frame-Options", "DENY"},
                            {"Cross-Origin-Resource-Policy", "same-origin"},
                            {"Content-Security-Policy", kCsp}});

  // Before routing: read-only (GET and HEAD), and, on loopback, only for
  // pages that asked for a loopback name (no DNS rebinding to the API).
  http.set_pre_routing_handler([loopback, bind_host](const httplib::Request& req, httplib::Response& res) {
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      SetJson(res, 405,
              ApiErrorJson({405, "", "the API is read-only: " + req.method + " is not allowed (GET and HEAD are)"}));
      return httplib::Server::HandlerResponse::Handled;
    }
    const std::string host = HostName(req.get_header_value("Host"));
    if (loopback && !IsLoopbackName(host) && host != bind_host) {
      SetJson(res, 421, ApiErrorJson({421, "", "this server answers only to 127.0.0.1 and localhost"}));
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });

  http.Get("/api/.*", [db, timeout_ms](const httplib::Request& req, httplib::Response& res) {
    const ParsedRequest p = ParseApiRequest(req.path, req.params);
    if (!p.ok) {
      SetJson(res, p.error.http_status, ApiErrorJson(p.error));
      return;
    }
    attache::Status st;
    const attache::Store* store = ThreadStore(db, timeout_ms, &st);
    if (!store) {
      SetJson(res, 503, ApiErrorJson({503, "", "the store cannot be opened: " + st.message()}));
      return;
    }
    const ApiResponse a = RunApiRequest(*store, p.request);
    SetJson(res, a.http_status, a.body);
  });

  const std::map<std::string, WebFile>* web_files = &web;
  http.Get(".*", [web_files](const httplib::Request& req, httplib::Response& res) {
    if (web_files->empty()) {
      if (req.path == "/") {
        res.set_content(kNoDashboard, "text/html; charset=utf-8");
      } else {
        res.status = 404;
        res.set_content("not found\n", "text/plain; charset=utf-8");
      }
      return;
    }
    const std::string path = req.path == "/" ? "/index.html" : req.path;
    auto it = web_files->find(path);
    if (it == web_files->end()) {
      res.status = 404;
      res.set_content("not found\n", "text/plain; charset=utf-8");
      return;
    }
    // Vite names its assets by content hash: they never change under a name.
    res.set_header("Cache-Control", path.rfind("/assets/", 0) == 0 ? "public, max-age=31536000, immutable"
                                                                   : "no-cache");
    res.set_content(it->second.content, it->second.type.c_str());
  });

  // Errors httplib itself answers (a bad request line, an URI over its
  // length limit, a body over the payload limit) get a JSON body too.
  http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string why = "the request was refused (HTTP " + std::to_string(res.status) + ")";
    if (res.status == 413) why = "the request is too large (the API takes GET requests without a body)";
    if (res.status == 414) why = "the request's address is too long";
    if (res.status == 400) why = "a malformed request";
    if (res.status == 404) why = "not found";
    SetJson(res, res.status, ApiErrorJson({res.status, "", why}));
  });
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SetJson(res, 500, ApiErrorJson({500, "", "internal error"}));
  });
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { Stop(); }

attache::Result<std::unique_ptr<Server>> Server::Start(const ServeOptions& options) {
  if (options.db.empty()) return attache::Status::InvalidArgument("serve needs a store (--db FILE)");
  {
    // The probe also runs the quick_check (on a store up to 256 MiB): a
    // damaged store is refused before the server listens.
    attache::StoreOptions o;
    o.read_only = true;
    auto probe = attache::Store::Open(options.db, o);
    if (!probe.ok()) return probe.status();
  }
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  auto web = LoadWebFiles(options.web_dir, options.max_web_bytes);
  if (!web.ok()) return web.status();
  impl->web = std::move(web).value();

  httplib::Server& h = impl->http;
  const size_t threads = static_cast<size_t>(std::max(1, options.threads));
  h.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  const time_t secs = std::max(1, options.timeout_ms / 1000);
  h.set_read_timeout(secs);
  h.set_write_timeout(secs);
  // Small JSON answers go out at once: without TCP_NODELAY, Nagle and the
  // peer's delayed ACK hold the body of a keep-alive answer for 40 ms.
  h.set_tcp_nodelay(true);
  h.set_keep_alive_timeout(2);
  h.set_keep_alive_max_count(100);
  // SO_REUSEADDR (restart while old connections linger) but not
  // SO_REUSEPORT, which would let a second server share the port silently.
  h.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  h.set_payload_max_length(4096);  // GET has no body; anything bigger is refused (413)
  impl->Routes();

  if (options.port == 0) {
    impl->port = h.bind_to_any_port(options.host);
    if (impl->port <= 0) return attache::Status::IoError("cannot bind to " + options.host + " (any port)");
  } else {
    if (!h.bind_to_port(options.host, options.port)) {
      return attache::Status::IoError("cannot bind to " + options.host + ":" + std::to_string(options.port) +
                                      " (in use? try --port 0 for any free port)");
    }
    impl->port = options.port;
  }
  Impl* raw = impl.get();
  impl->thread = std::thread([raw] { raw->http.listen_after_bind(); });
  // stop() only works on a running server: wait until it runs.
  for (int i = 0; i < 5000 && !h.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->port; }

bool Server::has_dashboard() const { return !impl_->web.empty(); }

void Server::Stop() {
  if (!impl_ || impl_->stopped) return;
  impl_->stopped = true;
  impl_->http.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

std::string FindWebDir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) return explicit_dir;
  std::vector<fs::path> candidates;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back(exe.parent_path() / "web");
    candidates.push_back(exe.parent_path().parent_path() / "web" / "dist");
  }
  if (*ATTACHE_DEFAULT_WEB_DIR) candidates.emplace_back(ATTACHE_DEFAULT_WEB_DIR);
  for (const auto& c : candidates) {
    if (fs::is_regular_file(c / "index.html", ec)) return c.string();
  }
  return "";
}

}  // namespace attache_server
