// attache serve: the HTTP JSON API (api.h) and the web dashboard's files,
// read-only, on 127.0.0.1 unless told otherwise. Public headers only.
//
// Threads: requests are served from a small pool; each worker thread opens
// its own read-only Store on first use and keeps it (a Store is used by one
// thread at a time). The dashboard's files are read once at start and never
// change, so nothing mutable is shared between threads.
#pragma once

#include <memory>
#include <string>

#include "attache/status.h"

namespace attache_server {

struct ServeOptions {
  std::string db;                 // the store (opened read-only)
  std::string host = "127.0.0.1";
  int port = 8080;                // 0: any free port (Server::port() says which)
  std::string web_dir;            // the built dashboard (index.html, assets/); empty: the API only
  int threads = 16;  // a keep-alive connection holds its thread: at least the clients expected at once
  int timeout_ms = 10000;         // socket reads and writes, and each query
  size_t max_web_bytes = 32u << 20;  // the dashboard's files, all together
};

class Server {
 public:
  // Checks that the store opens, reads the dashboard's files, binds and
  // starts serving in the background. Errors: the store's (kIoError,
  // kCorrupt, kNotFound...), kIoError when the address cannot be bound,
  // kTooLarge when the web folder is over max_web_bytes.
  static attache::Result<std::unique_ptr<Server>> Start(const ServeOptions& options);
  ~Server();  // stops
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;
  // Whether the dashboard's files were found (else "/" explains how to build them).
  bool has_dashboard() const;
  // Stops accepting, finishes the requests in hand, joins the threads.
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The built dashboard's folder: `explicit_dir` when given, else the first of
// <binary's folder>/web, <binary's folder>/../web/dist and the source tree's
// web/dist that holds an index.html; empty when none does.
std::string FindWebDir(const std::string& explicit_dir);

}  // namespace attache_server
