// libcurl for requests (the request line, headers and body exactly as the test gives them),
// plain sockets for raw exchanges. Beast here cost 85 s of every sanitizer build, the
// longest test source; libcurl is already a dependency of the library.
#include "support/http_client.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <mutex>

namespace accord::testing {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

constexpr long kConnectTimeoutMs = 10'000;
constexpr long kTimeoutMs = 30'000;  // the whole exchange
constexpr std::chrono::seconds kRawTimeout{10};
constexpr curl_off_t kBodyLimit = 64 * 1024 * 1024;

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

bool Has(const Headers& headers, std::string_view name) {
  for (const auto& h : headers) {
    if (IEquals(h.first, name)) return true;
  }
  return false;
}

size_t AppendBody(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

// Header lines of the final response: a status line starts the list afresh, so the fields of
// an interim answer (100 Continue) never mix in.
size_t AppendHeader(char* data, size_t size, size_t n, void* out) {
  auto* headers = static_cast<Headers*>(out);
  std::string_view line(data, size * n);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.starts_with("HTTP/")) {
    headers->clear();
  } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    headers->emplace_back(std::string(line.substr(0, colon)), std::string(value));
  }
  return size * n;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

std::string HttpResult::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (IEquals(key, name)) return value;
  }
  return {};
}

HttpResult HttpCall(uint16_t port, std::string method, std::string target, std::string body,
                    Headers headers, bool tls) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return HttpResult{0, "curl_easy_init failed", {}};
  CURL* c = curl.get();
  const std::string origin =
      std::string(tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(port);
  curl_easy_setopt(c, CURLOPT_URL, origin.c_str());
  // The target goes on the request line as given: no normalising of "..", no escaping.
  curl_easy_setopt(c, CURLOPT_REQUEST_TARGET, target.c_str());
  curl_easy_setopt(c, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
  curl_easy_setopt(c, CURLOPT_PROXY, "");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, kConnectTimeoutMs);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, kTimeoutMs);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, kBodyLimit);
  if (tls) {
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
  }
  if (method == "HEAD") {
    curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
  } else {
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
  }
  // A body goes with a Content-Length; so does an empty one on anything but GET and HEAD.
  if (!body.empty() || (method != "GET" && method != "HEAD")) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
    if (method.empty()) curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "POST");
  }

  // Exactly the caller's headers: libcurl's own defaults (Accept, a form Content-Type,
  // Expect: 100-continue for large bodies) are removed unless the caller set them.
  curl_slist* list = nullptr;
  for (const auto& [name, value] : headers) {
    std::string line = value.empty() ? name + ";" : name + ": " + value;
    list = curl_slist_append(list, line.c_str());
  }
  for (const char* name : {"Accept", "Content-Type", "Expect"}) {
    if (!Has(headers, name)) list = curl_slist_append(list, (std::string(name) + ":").c_str());
  }
  std::unique_ptr<curl_slist, ListDeleter> owned(list);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);

  HttpResult result;
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, AppendBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &result.body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, AppendHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &result.headers);
  CURLcode rc = curl_easy_perform(c);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  // A server may answer (413, 401) and close before the whole body is sent: that answer
  // counts, as it would for any client that reads while it writes.
  if (rc != CURLE_OK && status < 200) {
    return HttpResult{0, std::string("request failed: ") + curl_easy_strerror(rc), {}};
  }
  result.status = static_cast<int>(status);
  return result;
}

std::string RawExchange(uint16_t port, std::string bytes) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return {};
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return {};
  }
  const auto deadline = std::chrono::steady_clock::now() + kRawTimeout;
  auto wait = [&](short events) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, events, 0};
    return ::poll(&p, 1, static_cast<int>(left.count())) > 0;
  };
  // Write what the server takes; it may close early (that is often what a test checks).
  size_t sent = 0;
  while (sent < bytes.size() && wait(POLLOUT)) {
    ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string received;
  char chunk[4096];
  while (wait(POLLIN)) {
    ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) break;
    received.append(chunk, static_cast<size_t>(n));
  }
  ::close(fd);
  return received;
}

}  // namespace accord::testing
