#pragma once
// The real `gongshi serve` as a child process on a free port, for the HTTP integration tests:
// started with posix_spawn, its first stdout line gives the port, SIGTERM stops it.

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "server/http_client.hpp"

extern char** environ;

namespace gongshi::test {

class ServerProcess {
 public:
  explicit ServerProcess(std::vector<std::string> args) {
    int out[2];
    BOOST_REQUIRE(pipe(out) == 0);
    // Its standard error (the request log, warnings) goes to a file of its own: read by log(),
    // shown when the server does not exit cleanly, removed otherwise.
    static int started = 0;
    log_path_ =
        std::filesystem::temp_directory_path() /
        ("gongshi-serve-" + std::to_string(::getpid()) + "-" + std::to_string(++started) + ".log");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log_path_.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    args.insert(args.begin(), GONGSHI_CLI);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    BOOST_REQUIRE(posix_spawn(&pid_, GONGSHI_CLI, &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    out_ = fdopen(out[0], "r");
    char line[512] = {};
    BOOST_REQUIRE_MESSAGE(fgets(line, sizeof line, out_) != nullptr,
                          "the server printed nothing; its errors: " << log());
    const std::string text = line;
    const auto colon = text.find(':', text.find("127.0.0.1"));
    BOOST_REQUIRE_MESSAGE(colon != std::string::npos, "unexpected first line: " << text);
    port_ = std::stoi(text.substr(colon + 1));
    base_ = "http://127.0.0.1:" + std::to_string(port_);
  }

  // A server still running is stopped; it must exit 0 (a crash at shutdown, or a sanitizer's
  // report in the sanitizer build, fails the test that ran it).
  ~ServerProcess() {
    if (pid_ > 0) {
      const int status = stop();
      BOOST_CHECK_MESSAGE(status == 0, "gongshi serve exited " << status << " after SIGTERM:\n"
                                                               << tail(log(), 4000));
      if (status != 0) return;  // the log stays, for whoever reads the test's output
    }
    std::error_code ec;
    std::filesystem::remove(log_path_, ec);
  }

  // What the server wrote on standard error so far.
  std::string log() const {
    std::ifstream in(log_path_);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  static std::string tail(const std::string& s, std::size_t n) {
    return s.size() <= n ? s : s.substr(s.size() - n);
  }

  // SIGTERM (unless `signal` is false: it was sent already) and wait; returns the exit status
  // (or -1 when it was stopped before).
  int stop(bool signal = true) {
    if (pid_ <= 0) return -1;
    if (signal) kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = 0;
    if (out_ != nullptr) fclose(out_);
    out_ = nullptr;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  void signal_term() { kill(pid_, SIGTERM); }

  const std::string& base() const { return base_; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }

  server::ClientResponse call(const std::string& method, const std::string& path,
                              const std::string& token = "", const std::string& body = "",
                              std::vector<std::pair<std::string, std::string>> headers = {}) const {
    if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
    if (!body.empty() && headers.end() == std::find_if(headers.begin(), headers.end(), [](auto& h) {
                           return h.first == "Content-Type";
                         })) {
      headers.emplace_back("Content-Type", "application/json");
    }
    auto r = server::http_call(method, base_ + path, headers, body, std::chrono::seconds(30));
    BOOST_REQUIRE_MESSAGE(r.ok(),
                          method << " " << path << ": " << (r.ok() ? "" : r.error().message_en));
    return std::move(r).value();
  }

 private:
  pid_t pid_ = 0;
  FILE* out_ = nullptr;
  std::filesystem::path log_path_;
  int port_ = 0;
  std::string base_;
};

// Runs the command line with `args`; returns its exit code and what it printed on standard
// output.
inline std::pair<int, std::string> run_cli_output(std::vector<std::string> args) {
  int out[2];
  if (pipe(out) != 0) return {-1, ""};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  args.insert(args.begin(), GONGSHI_CLI);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, GONGSHI_CLI, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  std::string text;
  char buf[4096];
  for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;)
    text.append(buf, static_cast<std::size_t>(n));
  close(out[0]);
  if (spawned != 0) return {-1, ""};
  int status = 0;
  waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), text};
}

// Runs the command line with `args` (and `env` added to the environment); its exit code and
// what it printed on standard output and standard error.
struct CliRun {
  int code = -1;
  std::string out, err;
};
inline CliRun run_cli_full(std::vector<std::string> args, std::vector<std::string> env = {}) {
  const auto err_path = std::filesystem::temp_directory_path() /
                        ("gongshi-cli-" + std::to_string(::getpid()) + ".err");
  int out[2];
  if (pipe(out) != 0) return {};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  args.insert(args.begin(), GONGSHI_CLI);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> envs;
  for (char** e = environ; *e != nullptr; ++e) envs.emplace_back(*e);
  for (auto& e : env) envs.push_back(e);
  std::vector<char*> envp;
  for (auto& e : envs) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, GONGSHI_CLI, &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  CliRun r;
  char buf[4096];
  for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;)
    r.out.append(buf, static_cast<std::size_t>(n));
  close(out[0]);
  if (spawned != 0) return r;
  int status = 0;
  waitpid(pid, &status, 0);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::ifstream in(err_path);
  r.err.assign((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::error_code ec;
  std::filesystem::remove(err_path, ec);
  return r;
}

// The same, its output discarded.
inline int run_cli(std::vector<std::string> args) {
  return run_cli_output(std::move(args)).first;
}

inline boost::json::value json_of(const server::ClientResponse& r) {
  boost::system::error_code ec;
  auto v = boost::json::parse(r.body, ec);
  BOOST_REQUIRE_MESSAGE(!ec, "not JSON: " << r.body.substr(0, 300));
  return v;
}

}  // namespace gongshi::test
