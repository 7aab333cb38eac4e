#include "support/phone_provider.h"

#include <boost/json.hpp>
#include <cstdio>
#include <stdexcept>
#include <thread>

#include "accord/app/http_client.h"
#include "accord/app/phone_channel.h"
#include "accord/core/bytes.h"
#include "accord/core/request_signature.h"
#include "accord/domain/fields.h"
#include "accord/http/html_page.h"

namespace accord::testing {

namespace json = boost::json;

namespace {

http::Response JsonAnswer(int status, const json::object& body) {
  return http::Response{status, "application/json", json::serialize(body), {}};
}

// The provider's error document.
http::Response Refusal(int status, int code, const std::string& message) {
  return JsonAnswer(status, json::object{{"code", code},
                                         {"message", message},
                                         {"more_info", "https://www.twilio.com/docs/errors/" +
                                                           std::to_string(code)},
                                         {"status", status}});
}

}  // namespace

TestPhoneProvider::TestPhoneProvider(std::string account_sid, std::string auth_token)
    : account_sid_(std::move(account_sid)), auth_token_(std::move(auth_token)) {
  http::ServerOptions options;
  options.port = 0;
  options.threads = 2;
  server_ = std::make_unique<http::Server>(
      options, [this](http::Request&& r, http::Reply reply) { Handle(std::move(r), reply); });
  auto port = server_->Start();
  if (!port.ok()) throw std::runtime_error("phone provider did not start");
  port_ = *port;
}

TestPhoneProvider::~TestPhoneProvider() {
  server_->Stop();
  std::vector<std::thread> reporters;
  {
    std::lock_guard lock(mu_);
    reporters.swap(reporters_);
  }
  for (auto& t : reporters) t.join();
}

void TestPhoneProvider::AutoReport(std::vector<std::string> statuses) {
  std::lock_guard lock(mu_);
  auto_report_ = std::move(statuses);
}

std::vector<TestPhoneProvider::Sent> TestPhoneProvider::sent() const {
  std::lock_guard lock(mu_);
  return sent_;
}

int TestPhoneProvider::requests() const {
  std::lock_guard lock(mu_);
  return requests_;
}

void TestPhoneProvider::FailNext(int count, int status) {
  std::lock_guard lock(mu_);
  fail_next_ = count;
  fail_status_ = status;
}

void TestPhoneProvider::SetDelay(std::chrono::milliseconds delay) {
  std::lock_guard lock(mu_);
  delay_ = delay;
}

void TestPhoneProvider::SignWrongly(bool wrong) {
  std::lock_guard lock(mu_);
  sign_wrongly_ = wrong;
}

void TestPhoneProvider::Handle(http::Request&& request, http::Reply reply) {
  std::string path = request.target.substr(0, request.target.find('?'));
  std::string prefix = "/2010-04-01/Accounts/" + account_sid_ + "/";
  std::string resource = path == prefix + "Messages.json" ? "Messages"
                         : path == prefix + "Calls.json"  ? "Calls"
                                                          : "";
  if (request.method != "POST" || resource.empty()) {
    return reply(Refusal(404, 20404, "The requested resource " + path + " was not found"));
  }
  std::chrono::milliseconds delay;
  int fail = 0;
  {
    std::lock_guard lock(mu_);
    ++requests_;
    delay = delay_;
    if (fail_next_ > 0) {
      --fail_next_;
      fail = fail_status_;
    }
  }
  if (delay.count() > 0) std::this_thread::sleep_for(delay);  // the slow provider
  if (fail) return reply(Refusal(fail, 20500, "Internal Server Error"));
  std::string credentials = account_sid_ + ":" + auth_token_;
  if (request.HeaderValue("Authorization") != "Basic " + Base64Encode(AsBytes(credentials))) {
    return reply(Refusal(401, 20003, "Authenticate"));
  }
  auto form = http::ParseForm(request.body);
  if (!form.ok()) return reply(Refusal(400, 20001, "Malformed form body"));
  auto get = [&](const char* k) { return form->count(k) ? form->at(k) : std::string(); };
  Sent s{.resource = resource,
         .to = get("To"),
         .from = get("From"),
         .body = get("Body"),
         .twiml = get("Twiml"),
         .status_callback = get("StatusCallback")};
  if (s.to.empty()) return reply(Refusal(400, 21604, "A 'To' phone number is required."));
  if (!domain::IsValidE164(s.to) || s.to == "+15005550001") {
    return reply(Refusal(400, 21211, "The 'To' number " + s.to + " is not a valid phone number."));
  }
  if (s.from.empty()) return reply(Refusal(400, 21603, "A 'From' phone number is required."));
  if (resource == "Messages" && s.body.empty()) {
    return reply(Refusal(400, 21602, "Message body is required."));
  }
  if (resource == "Calls" && s.twiml.empty() && get("Url").empty()) {
    return reply(Refusal(400, 21205, "Url or Twiml is required."));
  }
  char sid[40];
  {
    std::lock_guard lock(mu_);
    std::snprintf(sid, sizeof sid, "%s%032x", resource == "Messages" ? "SM" : "CA", ++counter_);
    s.sid = sid;
    sent_.push_back(s);
    if (!auto_report_.empty() && !s.status_callback.empty()) {
      reporters_.emplace_back([this, id = s.sid, statuses = auto_report_] {
        // After the answer has gone back, as the provider would.
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        for (const std::string& status : statuses) Report(id, status);
      });
    }
  }
  json::object body{{"sid", s.sid},
                    {"account_sid", account_sid_},
                    {"to", s.to},
                    {"from", s.from},
                    {"status", "queued"},
                    {"api_version", "2010-04-01"},
                    {"direction", "outbound-api"},
                    {"error_code", nullptr},
                    {"error_message", nullptr},
                    {"price", nullptr},
                    {"uri", prefix + resource + "/" + s.sid + ".json"}};
  if (resource == "Messages") {
    body["body"] = s.body;
    body["num_segments"] = "1";
  }
  reply(JsonAnswer(201, body));
}

TestPhoneProvider::Answer TestPhoneProvider::Post(
    const std::string& url, const std::map<std::string, std::string>& params) {
  std::string token;
  {
    std::lock_guard lock(mu_);
    token = sign_wrongly_ ? "not-the-auth-token" : auth_token_;
  }
  std::vector<std::pair<std::string, std::string>> fields(params.begin(), params.end());
  auto a = app::HttpCall("POST", url, app::FormEncode(fields), std::chrono::seconds(10),
                         {"Content-Type: application/x-www-form-urlencoded",
                          "X-Twilio-Signature: " + TwilioSignature(token, url, params)});
  if (!a.ok()) return {};
  return {static_cast<int>(a->status), a->body};
}

int TestPhoneProvider::Report(const std::string& sid, const std::string& status,
                              const std::string& error_code) {
  Sent s;
  {
    std::lock_guard lock(mu_);
    for (const Sent& x : sent_) {
      if (x.sid == sid) s = x;
    }
  }
  if (s.sid.empty() || s.status_callback.empty()) return 0;
  std::map<std::string, std::string> params{
      {"AccountSid", account_sid_}, {"From", s.from}, {"To", s.to}, {"ApiVersion", "2010-04-01"}};
  if (s.resource == "Messages") {
    params["MessageSid"] = params["SmsSid"] = sid;
    params["MessageStatus"] = params["SmsStatus"] = status;
  } else {
    params["CallSid"] = sid;
    params["CallStatus"] = status;
    params["Direction"] = "outbound-api";
  }
  if (!error_code.empty()) params["ErrorCode"] = error_code;
  return Post(s.status_callback, params).status;
}

int TestPhoneProvider::ReportUnknown(const std::string& url) {
  return Post(url, {{"AccountSid", account_sid_},
                    {"MessageSid", "SM" + std::string(32, 'f')},
                    {"MessageStatus", "delivered"},
                    {"ApiVersion", "2010-04-01"}})
      .status;
}

TestPhoneProvider::Answer TestPhoneProvider::Inbound(const std::string& url,
                                                     const std::string& from,
                                                     const std::string& body) {
  return Post(url, {{"AccountSid", account_sid_},
                    {"MessageSid", "SM" + std::string(32, 'a')},
                    {"From", from},
                    {"To", "+15005550006"},
                    {"Body", body},
                    {"NumMedia", "0"},
                    {"ApiVersion", "2010-04-01"}});
}

}  // namespace accord::testing
