#include "accord/app/probe.h"

#include <curl/curl.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <sys/socket.h>

#include <algorithm>
#include <ctime>
#include <memory>

#include "accord/core/net_address.h"
#include "accord/core/time.h"

namespace accord::app {

namespace {

// One transfer's state; curl holds a pointer to it while it runs.
struct Transfer {
  size_t index = 0;
  const storage::ProbeSpec* spec = nullptr;
  bool allow_private = false;
  bool refused_private = false;
  size_t max_body = 0;
  bool truncated = false;  // the body went past max_body and the rest was not read
  std::string body;
  std::string cert_not_after;  // RFC 3339
  bool cert_checked = false;
  char error[CURL_ERROR_SIZE] = {0};
  CURL* handle = nullptr;
};

void GlobalInit() {
  static const CURLcode kInit = curl_global_init(CURL_GLOBAL_DEFAULT);
  (void)kInit;
}

curl_socket_t OpenSocket(void* user, curlsocktype purpose, curl_sockaddr* address) {
  auto* t = static_cast<Transfer*>(user);
  if (purpose != CURLSOCKTYPE_IPCXN) return CURL_SOCKET_BAD;
  if (!t->allow_private && IsPrivateAddress(&address->addr)) {
    t->refused_private = true;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

size_t Collect(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  if (t->body.size() + n > t->max_body) {
    t->body.append(data, t->max_body - t->body.size());
    t->truncated = true;
    return 0;  // stops the transfer: what follows is not read
  }
  t->body.append(data, n);
  return n;
}

std::string NotAfter(const SSL* ssl) {
  X509* cert = SSL_get_peer_certificate(ssl);
  if (cert == nullptr) return "";
  std::tm tm{};
  std::string out;
  if (ASN1_TIME_to_tm(X509_get0_notAfter(cert), &tm) == 1) {
    out = FormatRfc3339(TimePoint(std::chrono::seconds(timegm(&tm))));
  }
  X509_free(cert);
  return out;
}

// The certificate is read while the connection is open: its first header line is enough.
size_t Header(char*, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  if (!t->cert_checked) {
    t->cert_checked = true;
    const curl_tlssessioninfo* info = nullptr;
    if (curl_easy_getinfo(t->handle, CURLINFO_TLS_SSL_PTR, &info) == CURLE_OK && info &&
        info->backend == CURLSSLBACKEND_OPENSSL && info->internals != nullptr) {
      t->cert_not_after = NotAfter(static_cast<const SSL*>(info->internals));
    }
  }
  return size * count;
}

void Configure(Transfer& t, const std::string& url, long timeout_ms, const std::string& ca_file) {
  CURL* h = t.handle;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
  curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, OpenSocket);
  curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, &t);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, Header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, t.error);
  curl_easy_setopt(h, CURLOPT_USERAGENT, "accord-status-probe/1");
  if (!ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, ca_file.c_str());
}

// What went wrong, in words a person reads on the status screen.
std::string Describe(const Transfer& t, CURLcode rc, long timeout_ms) {
  if (t.refused_private) return "refused: the address is loopback or private";
  switch (rc) {
    case CURLE_OPERATION_TIMEDOUT:
      return "no answer within " + std::to_string(timeout_ms) + " ms";
    case CURLE_COULDNT_CONNECT:
      return "connection refused";
    case CURLE_COULDNT_RESOLVE_HOST:
      return "the host name does not resolve";
    case CURLE_TOO_MANY_REDIRECTS:
      return "too many redirects";
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
      return std::string("TLS: ") + (t.error[0] ? t.error : curl_easy_strerror(rc));
    default:
      return t.error[0] ? t.error : curl_easy_strerror(rc);
  }
}

storage::ProbeOutcome Judge(const Transfer& t, CURLcode rc, TimePoint now,
                            const std::string& component_id) {
  storage::ProbeOutcome o;
  o.component_id = component_id;
  const storage::ProbeSpec& spec = *t.spec;
  curl_off_t micros = 0;
  curl_easy_getinfo(t.handle, CURLINFO_TOTAL_TIME_T, &micros);
  o.latency_ms = static_cast<int64_t>(micros / 1000);
  o.cert_expires_at = t.cert_not_after;
  const bool stopped_on_purpose = rc == CURLE_WRITE_ERROR && t.truncated;
  if (rc != CURLE_OK && !stopped_on_purpose) {
    o.error = Describe(t, rc, spec.timeout_ms);
    return o;
  }
  if (spec.kind == "tcp") {
    o.ok = true;
    return o;
  }
  long status = 0;
  curl_easy_getinfo(t.handle, CURLINFO_RESPONSE_CODE, &status);
  if (status != spec.expected_status) {
    o.error =
        "answered " + std::to_string(status) + ", expected " + std::to_string(spec.expected_status);
    return o;
  }
  if (!spec.body_match.empty() && t.body.find(spec.body_match) == std::string::npos) {
    o.error = "the answer does not contain \"" + spec.body_match + "\"";
    return o;
  }
  o.ok = true;
  if (!t.cert_not_after.empty()) {
    auto expires = ParseRfc3339(t.cert_not_after);
    if (expires.ok()) {
      auto days = std::chrono::duration_cast<std::chrono::hours>(*expires - now).count() / 24;
      if (days < spec.cert_min_days) {
        o.degraded = true;
        o.error = "the TLS certificate expires in " + std::to_string(std::max<int64_t>(days, 0)) +
                  " days";
      }
    }
  }
  return o;
}

struct MultiFree {
  void operator()(CURLM* m) const { curl_multi_cleanup(m); }
};

}  // namespace

std::vector<storage::ProbeOutcome> RunProbes(const std::vector<ProbeRequest>& probes,
                                             const ProbeLimits& limits, TimePoint now) {
  GlobalInit();
  std::vector<storage::ProbeOutcome> out(probes.size());
  std::vector<std::unique_ptr<Transfer>> transfers(probes.size());
  std::vector<std::string> urls(probes.size());
  std::unique_ptr<CURLM, MultiFree> multi(curl_multi_init());
  if (!multi) {
    for (size_t i = 0; i < probes.size(); ++i) {
      out[i].component_id = probes[i].component_id;
      out[i].error = "could not start the probe";
    }
    return out;
  }
  size_t next = 0, running = 0;
  auto start_more = [&] {
    while (next < probes.size() &&
           running < static_cast<size_t>(std::max(1, limits.max_parallel))) {
      const size_t i = next++;
      auto t = std::make_unique<Transfer>();
      t->index = i;
      t->spec = &probes[i].spec;
      t->allow_private = limits.allow_private;
      t->max_body = limits.max_body;
      t->handle = curl_easy_init();
      const auto& spec = probes[i].spec;
      // A TCP probe is a connection and nothing more.
      urls[i] = spec.kind == "tcp" ? "http://" + spec.target + "/" : spec.target;
      Configure(*t, urls[i], spec.timeout_ms, limits.ca_file);
      if (spec.kind == "tcp") curl_easy_setopt(t->handle, CURLOPT_CONNECT_ONLY, 1L);
      curl_easy_setopt(t->handle, CURLOPT_PRIVATE, t.get());
      curl_multi_add_handle(multi.get(), t->handle);
      transfers[i] = std::move(t);
      ++running;
    }
  };
  start_more();
  while (running > 0) {
    int still = 0;
    curl_multi_perform(multi.get(), &still);
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi.get(), &queued)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Transfer* t = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
      out[t->index] = Judge(*t, msg->data.result, now, probes[t->index].component_id);
      curl_multi_remove_handle(multi.get(), t->handle);
      curl_easy_cleanup(t->handle);
      t->handle = nullptr;
      transfers[t->index].reset();
      --running;
    }
    start_more();
    if (running > 0) curl_multi_poll(multi.get(), nullptr, 0, 200, nullptr);
  }
  return out;
}

Result<Fetched> FetchBounded(const std::string& url, const FetchLimits& limits) {
  GlobalInit();
  if (!url.starts_with("http://") && !url.starts_with("https://")) {
    return ValidationError("url", "must be an http:// or https:// URL");
  }
  storage::ProbeSpec spec;
  spec.kind = "http";
  Transfer t;
  t.spec = &spec;
  t.allow_private = limits.allow_private;
  t.max_body = limits.max_bytes;
  t.handle = curl_easy_init();
  if (t.handle == nullptr) return Internal("curl_easy_init failed");
  std::unique_ptr<CURL, void (*)(CURL*)> guard(t.handle, curl_easy_cleanup);
  const long timeout = static_cast<long>(limits.timeout.count());
  Configure(t, url, timeout, limits.ca_file);
  curl_easy_setopt(t.handle, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(t.handle, CURLOPT_MAXREDIRS, static_cast<long>(limits.max_redirects));
  curl_easy_setopt(t.handle, CURLOPT_ACCEPT_ENCODING, "");
  const CURLcode rc = curl_easy_perform(t.handle);
  if (t.truncated) {
    return Error{ErrorCode::kUnavailable,
                 "the answer is larger than " + std::to_string(limits.max_bytes) + " bytes",
                 {}};
  }
  if (rc != CURLE_OK) return Error{ErrorCode::kUnavailable, Describe(t, rc, timeout), {}};
  Fetched f;
  curl_easy_getinfo(t.handle, CURLINFO_RESPONSE_CODE, &f.status);
  char* type = nullptr;
  curl_easy_getinfo(t.handle, CURLINFO_CONTENT_TYPE, &type);
  if (type != nullptr) f.content_type = type;
  f.body = std::move(t.body);
  return f;
}

}  // namespace accord::app
