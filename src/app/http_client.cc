#include "accord/app/http_client.h"

#include <curl/curl.h>

#include <memory>

namespace accord::app {
namespace {

constexpr size_t kMaxBody = 1 << 20;

struct CurlFree {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistFree {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

size_t Collect(char* data, size_t size, size_t count, void* user) {
  auto* out = static_cast<std::string*>(user);
  const size_t n = size * count;
  if (out->size() + n > kMaxBody) return 0;  // aborts the transfer
  out->append(data, n);
  return n;
}

}  // namespace

Result<HttpAnswer> HttpCall(const std::string& method, const std::string& url,
                            const std::string& body, std::chrono::milliseconds timeout,
                            const std::vector<std::string>& headers) {
  static const CURLcode global = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (global != CURLE_OK) return Internal("curl_global_init failed");
  std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
  if (!curl) return Internal("curl_easy_init failed");
  CURL* h = curl.get();
  HttpAnswer answer;
  char error[CURL_ERROR_SIZE] = {0};
  std::unique_ptr<curl_slist, SlistFree> list;
  for (const std::string& header : headers) {
    list.reset(curl_slist_append(list.release(), header.c_str()));
  }
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &answer.body);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  if (list) curl_easy_setopt(h, CURLOPT_HTTPHEADER, list.get());
  if (method == "POST") {
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  const CURLcode rc = curl_easy_perform(h);
  if (rc != CURLE_OK) {
    return Error{ErrorCode::kUnavailable,
                 url + ": " + std::string(error[0] ? error : curl_easy_strerror(rc)),
                 {}};
  }
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &answer.status);
  char* type = nullptr;
  curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &type);
  if (type != nullptr) answer.content_type = type;
  return answer;
}

}  // namespace accord::app
