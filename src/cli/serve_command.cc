// attache serve: the store's HTTP JSON API and the web dashboard, read-only.
// Public headers only, and the server's (src/server/server.h).
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli_common.h"
#include "server.h"

namespace attache_cli {

namespace {

bool ParsePort(const std::string& s, int* out) {
  if (s.empty() || s.size() > 5) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  const int v = std::atoi(s.c_str());
  if (v > 65535) return false;
  *out = v;
  return true;
}

}  // namespace

int RunServe(const std::vector<std::string>& args) {
  attache_server::ServeOptions o;
  std::string web;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--help" || a == "-h") {
      std::puts("See `attache --help` for every command and its options.");
      return 0;
    } else if (a == "--db") {
      if (!value(&o.db)) return UsageError("--db needs a value");
    } else if (a == "--port") {
      if (!value(&v) || !ParsePort(v, &o.port)) return UsageError("--port needs a number from 0 to 65535");
    } else if (a == "--host") {
      if (!value(&o.host) || o.host.empty()) return UsageError("--host needs an address");
    } else if (a == "--web") {
      if (!value(&web)) return UsageError("--web needs a folder");
    } else if (a == "--threads") {
      unsigned long long n = 0;
      if (!value(&v) || !ParseSize(v.c_str(), &n) || n > 64) return UsageError("--threads needs a number from 1 to 64");
      o.threads = static_cast<int>(n);
    } else {
      return UsageError("unknown option '" + a + "'");
    }
  }
  if (o.db.empty()) return UsageError("--db FILE is required (the store)");
  o.web_dir = attache_server::FindWebDir(web);

  // SIGINT and SIGTERM are taken by this thread alone (sigwait below): block
  // them before any server thread starts, so every thread inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto server = attache_server::Server::Start(o);
  if (!server.ok()) {
    std::fprintf(stderr, "attache: %s\n", server.status().message().c_str());
    return 1;
  }
  if (o.host != "127.0.0.1" && o.host != "localhost" && o.host != "::1") {
    std::fprintf(stderr, "attache: warning: serving on %s, not only this machine's loopback\n", o.host.c_str());
  }
  if (!server.value()->has_dashboard()) {
    std::fprintf(stderr,
                 "attache: the dashboard is not built (no web/dist); the API works. Build it with: "
                 "(cd web && npm ci && npm run build)\n");
  }
  const std::string shown_host = o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
  std::printf("attache: serving http://%s:%d/ (Ctrl-C stops)\n", shown_host.c_str(), server.value()->port());
  std::fflush(stdout);

  int sig = 0;
  sigwait(&stop_signals, &sig);
  std::fprintf(stderr, "attache: %s: stopping\n", sig == SIGINT ? "interrupted" : "terminated");
  server.value()->Stop();
  return 0;
}

}  // namespace attache_cli
