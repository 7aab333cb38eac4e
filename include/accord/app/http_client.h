// A small blocking HTTP(S) client (libcurl) for the server's outgoing calls that are not
// email: witnesses (app/witnessing.h) and the ledger monitor. Every call has a deadline.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "accord/core/result.h"

namespace accord::app {

struct HttpAnswer {
  long status = 0;
  std::string content_type;
  std::string body;
};

// GET (empty method or "GET") or POST `body` to `url`, giving up after `timeout` (connection
// included). Answers of any status are returned; kUnavailable when there is no answer in
// time or the connection fails. Bodies beyond 1 MiB are refused. `headers` are
// "Name: value" lines.
Result<HttpAnswer> HttpCall(const std::string& method, const std::string& url,
                            const std::string& body, std::chrono::milliseconds timeout,
                            const std::vector<std::string>& headers = {});

}  // namespace accord::app
