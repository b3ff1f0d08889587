// Test helper: runs the attache command as a child process, measuring its
// wall time and peak resident memory (wait4's ru_maxrss), optionally feeding
// its standard input from a function and limiting the size of the files it
// may write (RLIMIT_FSIZE, with SIGXFSZ ignored so that writes fail with
// EFBIG instead of killing it).
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "tests/cli_run.h"

namespace attache_test {

struct Measured {
  int exit_code = -1;  // -1 when killed by a signal (then `signal` says which)
  int signal = 0;
  double seconds = 0;      // wall time
  double cpu_seconds = 0;  // user + system time of the child (steadier on a shared machine)
  long peak_rss_kb = 0;
  std::string out, err;
};

struct SpawnOptions {
  std::string stdin_path;                // a file for stdin (else /dev/null unless `feed`)
  std::function<void(int fd)> feed;      // writes stdin through a pipe, then returns
  long long max_file_bytes = -1;         // RLIMIT_FSIZE in the child when >= 0
  bool discard_stdout = false;           // stdout to /dev/null (big outputs)
};

// Runs ATTACHE_BINARY with `args`; stdout and stderr go to files in `dir`.
inline Measured RunMeasured(const std::filesystem::path& dir, const std::vector<std::string>& args,
                            const SpawnOptions& opt = {}) {
  const std::string out = opt.discard_stdout ? "/dev/null" : (dir / "m_stdout.txt").string();
  const std::string err = (dir / "m_stderr.txt").string();
  int pipe_fds[2] = {-1, -1};
  if (opt.feed && ::pipe(pipe_fds) != 0) return {};
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    int in = -1;
    if (opt.feed) {
      ::close(pipe_fds[1]);
      in = pipe_fds[0];
    } else {
      in = ::open(opt.stdin_path.empty() ? "/dev/null" : opt.stdin_path.c_str(), O_RDONLY);
    }
    const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || o < 0 || e < 0) _exit(126);
    ::dup2(in, 0);
    ::dup2(o, 1);
    ::dup2(e, 2);
    if (opt.max_file_bytes >= 0) {
      ::signal(SIGXFSZ, SIG_IGN);
      struct rlimit rl {};
      rl.rlim_cur = rl.rlim_max = static_cast<rlim_t>(opt.max_file_bytes);
      ::setrlimit(RLIMIT_FSIZE, &rl);
    }
    std::vector<char*> argv;
    std::string bin = ATTACHE_BINARY;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(bin.c_str(), argv.data());
    _exit(127);
  }
  if (opt.feed) {
    ::close(pipe_fds[0]);
    // The child may stop reading early (a page over the limit): writes then
    // fail with EPIPE, which the feeder takes as its cue to stop.
    auto old = ::signal(SIGPIPE, SIG_IGN);
    opt.feed(pipe_fds[1]);
    ::close(pipe_fds[1]);
    ::signal(SIGPIPE, old);
  }
  int status = 0;
  struct rusage ru {};
  ::wait4(pid, &status, 0, &ru);
  Measured m;
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  m.peak_rss_kb = ru.ru_maxrss;
  m.cpu_seconds = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                  static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  if (WIFEXITED(status)) m.exit_code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status)) m.signal = WTERMSIG(status);
  if (!opt.discard_stdout) m.out = Slurp(out);
  m.err = Slurp(err);
  return m;
}

// Writes all of `data` to `fd`; false once the reader has gone (EPIPE).
inline bool WriteAll(int fd, const char* data, size_t n) {
  while (n > 0) {
    const ssize_t w = ::write(fd, data, n);
    if (w <= 0) return false;
    data += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

}  // namespace attache_test
