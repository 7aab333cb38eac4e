// A local SMS and voice provider for the channel tests, on loopback (port 0), written from the
// Twilio REST API reference (2010-04-01): POST /Accounts/{sid}/Messages.json and Calls.json
// (form-encoded, HTTP Basic auth with the account SID and auth token; 201 with the resource's
// JSON, or 4xx {code, message, more_info, status}), status callbacks posted to the
// StatusCallback URL (MessageSid/MessageStatus, CallSid/CallStatus, ErrorCode) and inbound
// messages (From, To, Body), each signed with X-Twilio-Signature. It misbehaves on demand:
// 5xx answers, slow answers, wrongly signed callbacks, callbacks for a message it never sent.
// To +15005550001 is refused as not a valid number (error 21211), as the provider's test
// credentials do.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "accord/http/server.h"

namespace accord::testing {

class TestPhoneProvider {
 public:
  explicit TestPhoneProvider(std::string account_sid = "AC00000000000000000000000000000001",
                             std::string auth_token = "test-auth-token");
  ~TestPhoneProvider();
  std::string api_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  const std::string& account_sid() const { return account_sid_; }
  const std::string& auth_token() const { return auth_token_; }

  struct Sent {
    std::string sid, resource;  // "Messages" or "Calls"
    std::string to, from, body, twiml, status_callback;
  };
  std::vector<Sent> sent() const;
  int requests() const;  // every send request, refused ones too

  // The next `count` send requests are answered `status` (a 5xx: the provider is down).
  void FailNext(int count, int status = 500);
  // Every send answers after `delay` (a slow provider).
  void SetDelay(std::chrono::milliseconds delay);
  // Callbacks are signed with a wrong token.
  void SignWrongly(bool wrong);
  // After each accepted send, report these statuses in order on a thread of its own (the
  // standalone provider, tools/phone_provider: "sent", "delivered").
  void AutoReport(std::vector<std::string> statuses);

  // Posts the status callback for a sent message or call to its StatusCallback, signed;
  // answers the HTTP status Accord gave (0: no answer).
  int Report(const std::string& sid, const std::string& status, const std::string& error_code = "");
  // A status callback for a message this provider never sent, to `url`.
  int ReportUnknown(const std::string& url);
  // An SMS from `from` to our number, posted to `url` (Accord's inbound hook), signed.
  struct Answer {
    int status = 0;
    std::string body;
  };
  Answer Inbound(const std::string& url, const std::string& from, const std::string& body);

 private:
  void Handle(http::Request&& request, http::Reply reply);
  Answer Post(const std::string& url, const std::map<std::string, std::string>& params);
  std::string account_sid_, auth_token_;
  uint16_t port_ = 0;
  mutable std::mutex mu_;
  std::vector<Sent> sent_;
  int requests_ = 0, fail_next_ = 0, fail_status_ = 500, counter_ = 0;
  std::chrono::milliseconds delay_{0};
  bool sign_wrongly_ = false;
  std::vector<std::string> auto_report_;
  std::vector<std::thread> reporters_;  // joined by the destructor
  std::unique_ptr<http::Server> server_;
};

}  // namespace accord::testing
