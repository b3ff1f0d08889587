// Test helper: a throwaway PostgreSQL server of the tests' own, started once
// per test process (initdb and pg_ctl from Debian's postgresql package in a
// temporary folder, listening on a free loopback port) and stopped when the
// process ends. initdb refuses to run as root, so as root the server runs
// as `nobody` (runuser). Each test asks for a fresh database of its own.
// Unavailable() says why there is no server (the tests then skip).
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

namespace attache_test {

class PgServer {
 public:
  // The process's server, started on first use; null when it cannot start
  // (the reason in Reason()).
  static PgServer* Get() {
    static std::unique_ptr<PgServer> server = Start();
    return server && server->ok_ ? server.get() : nullptr;
  }
  static const std::string& Reason() { return reason(); }

  ~PgServer() {
    if (!dir_.empty()) {
      (void)std::system((as_ + bin_ + "/pg_ctl -D " + dir_ + "/data -m immediate stop >/dev/null 2>&1").c_str());
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }

  // A new, empty database; its URL.
  std::string NewDatabase() {
    const std::string name = "t" + std::to_string(++databases_);
    (void)std::system((bin_ + "/psql -q -h 127.0.0.1 -p " + std::to_string(port_) + " -U attache -d postgres -c 'CREATE DATABASE " +
                       name + "' >/dev/null 2>&1")
                          .c_str());
    return Url(name);
  }
  std::string Url(const std::string& db) const {
    return "postgresql://attache@127.0.0.1:" + std::to_string(port_) + "/" + db;
  }
  int port() const { return port_; }

 private:
  static std::string& reason() {
    static std::string r;
    return r;
  }

  static std::string FindBin() {
    std::error_code ec;
    std::string best;
    for (const auto& e : std::filesystem::directory_iterator("/usr/lib/postgresql", ec)) {
      const auto bin = e.path() / "bin";
      if (std::filesystem::exists(bin / "initdb") && bin.string() > best) best = bin.string();
    }
    return best;
  }

  static int FreePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0) {
      port = ntohs(a.sin_port);
    }
    ::close(fd);
    return port;
  }

  static std::unique_ptr<PgServer> Start() {
    auto s = std::unique_ptr<PgServer>(new PgServer());
    s->bin_ = FindBin();
    if (s->bin_.empty()) {
      reason() = "no PostgreSQL server binaries under /usr/lib/postgresql (scripts/deps installs postgresql)";
      return s;
    }
    char tmpl[] = "/tmp/attache_pg_XXXXXX";
    if (!::mkdtemp(tmpl)) {
      reason() = "cannot make a temporary folder";
      return s;
    }
    s->dir_ = tmpl;
    if (::geteuid() == 0) {
      if (std::system(("chown nobody " + s->dir_ + " && command -v runuser >/dev/null").c_str()) != 0) {
        reason() = "running as root and cannot hand the server's folder to nobody";
        return s;
      }
      s->as_ = "runuser -u nobody -- ";
    }
    const std::string log = s->dir_ + "/log";
    if (std::system((s->as_ + s->bin_ + "/initdb -D " + s->dir_ + "/data -U attache --auth=trust --no-locale -E UTF8 " +
                     "--no-sync >" + log + " 2>&1")
                        .c_str()) != 0) {
      reason() = "initdb failed (see " + log + ")";
      return s;
    }
    for (int attempt = 0; attempt < 3 && !s->ok_; ++attempt) {
      s->port_ = FreePort();
      const std::string opts = "-h 127.0.0.1 -p " + std::to_string(s->port_) + " -k " + s->dir_ +
                               " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
      s->ok_ = std::system((s->as_ + s->bin_ + "/pg_ctl -D " + s->dir_ + "/data -w -t 30 -l " + s->dir_ + "/server.log -o '" + opts +
                            "' start >/dev/null 2>&1")
                               .c_str()) == 0;
    }
    if (!s->ok_) reason() = "pg_ctl could not start the server (see " + s->dir_ + "/server.log)";
    return s;
  }

  PgServer() = default;
  std::string bin_, dir_, as_;
  int port_ = 0;
  int databases_ = 0;
  bool ok_ = false;
};

}  // namespace attache_test
