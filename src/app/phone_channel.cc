#include "accord/app/phone_channel.h"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "accord/app/http_client.h"
#include "accord/app/serve.h"
#include "accord/core/bytes.h"
#include "accord/domain/fields.h"
#include "toml_file.h"

namespace accord::app {

namespace json = boost::json;

namespace {

constexpr size_t kSmsLimit = 1600;

// Cuts `text` to at most `max` bytes without splitting a UTF-8 sequence.
std::string Clip(std::string text, size_t max) {
  if (text.size() <= max) return text;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text;
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += (c == '\r' || c == '\n') ? ' ' : c;
    }
  }
  return out;
}

// The provider's error answer: {"code": 21211, "message": "...", "status": 400}.
std::string ProviderError(const HttpAnswer& a) {
  boost::system::error_code ec;
  json::value v = json::parse(a.body, ec);
  std::string out = "the provider answered " + std::to_string(a.status);
  if (ec || !v.is_object()) return out;
  const json::object& o = v.as_object();
  if (const auto* code = o.if_contains("code"); code && code->is_int64()) {
    out += " (error " + std::to_string(code->as_int64()) + ")";
  }
  if (const auto* m = o.if_contains("message"); m && m->is_string()) {
    out += ": " + Clip(std::string(m->as_string()), 200);
  }
  return out;
}

}  // namespace

std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    for (const std::string* part : {&name, &value}) {
      for (unsigned char c : *part) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
          out += static_cast<char>(c);
        } else {
          out += '%';
          out += kHex[c >> 4];
          out += kHex[c & 15];
        }
      }
      if (part == &name) out += '=';
    }
  }
  return out;
}

Status ReadPhoneConfig(const std::filesystem::path& file, const std::string& table,
                       PhoneConfig& out) {
  auto parsed = ParseTomlFile(file);
  if (!parsed.ok()) return std::move(parsed).error();
  const toml::node* node = parsed->get(table);
  if (!node) return Ok();
  const toml::table* t = node->as_table();
  if (!t) return ValidationError(table, "must be a table ([" + table + "])");
  std::vector<ErrorDetail> problems;
  for (const auto& [key, value] : *t) {
    std::string k(key.str()), field = table + "." + k;
    int line = static_cast<int>(value.source().begin.line);
    if (k == "per_minute" || k == "timeout_seconds") {
      const auto* v = value.as_integer();
      if (!v || v->get() < 1 || v->get() > 6000) {
        problems.push_back({field, "must be an integer from 1 to 6000", line});
      } else if (k == "per_minute") {
        out.per_minute = static_cast<int>(v->get());
      } else {
        out.timeout = std::chrono::seconds(std::min<int64_t>(v->get(), 600));
      }
      continue;
    }
    std::string* dst = k == "api_url"       ? &out.api_url
                       : k == "account_sid" ? &out.account_sid
                       : k == "from"        ? &out.from
                                            : nullptr;
    if (k == "auth_token") {
      problems.push_back({field, "secrets only from a file: use auth_token_file", line});
    } else if (!dst && k != "auth_token_file") {
      problems.push_back({field,
                          "unknown key (api_url, account_sid, auth_token_file, from, per_minute, "
                          "timeout_seconds)",
                          line});
    } else if (const auto* s = value.as_string()) {
      if (dst) {
        *dst = s->get();
      } else {
        out.auth_token_file = s->get();
      }
    } else {
      problems.push_back({field, "must be a string", line});
    }
  }
  if (!problems.empty()) {
    return Error{ErrorCode::kValidationFailed, file.string() + ": invalid [" + table + "] settings",
                 std::move(problems)};
  }
  return Ok();
}

Status PreparePhoneConfig(const std::string& table, PhoneConfig& c) {
  if (!c.enabled()) return Ok();
  if (!domain::IsValidE164(c.from)) {
    return ValidationError(table + ".from", "must be our E.164 number, e.g. +14155550100");
  }
  bool https = c.api_url.starts_with("https://");
  std::string host = c.api_url.starts_with("http://") ? c.api_url.substr(7) : "";
  host = host.substr(0, host.find('/'));
  if (auto colon = host.rfind(':'); colon != std::string::npos) host = host.substr(0, colon);
  if (!(https || (!host.empty() && IsLoopbackHost(host))) || c.api_url.ends_with("/")) {
    return ValidationError(table + ".api_url",
                           "must be an https:// URL without a trailing slash (http:// only on "
                           "loopback)");
  }
  if (c.auth_token_file.empty()) {
    return ValidationError(table + ".auth_token_file", "is required with an account_sid");
  }
  std::ifstream in(c.auth_token_file, std::ios::binary);
  if (!in) {
    return ValidationError(table + ".auth_token_file", "cannot read " + c.auth_token_file.string());
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string token = ss.str();
  while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) token.pop_back();
  if (token.empty()) {
    return ValidationError(table + ".auth_token_file", c.auth_token_file.string() + " is empty");
  }
  c.auth_token = std::move(token);
  return Ok();
}

std::string SmsText(const storage::OutboxMessage& m) {
  std::string text = m.subject;
  if (!m.body.empty()) text += "\n" + m.body;
  return Clip(std::move(text), kSmsLimit);
}

std::string VoiceTwiml(const storage::OutboxMessage& m) {
  return "<Response><Say>" + XmlEscape(Clip(m.subject, 500)) + "</Say></Response>";
}

PhoneChannel::PhoneChannel(std::string name, PhoneConfig config)
    : name_(std::move(name)), config_(std::move(config)) {}

Status PhoneChannel::Send(const storage::OutboxMessage& message) {
  auto r = Deliver(message);
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

Result<std::string> PhoneChannel::Deliver(const storage::OutboxMessage& m) {
  if (!domain::IsValidE164(m.recipient)) {
    return ValidationError("recipient", "is not an E.164 phone number");
  }
  bool voice = name_ == "voice";
  std::string text = voice ? m.subject : SmsText(m);
  std::vector<std::pair<std::string, std::string>> fields{{"To", m.recipient},
                                                          {"From", config_.from}};
  if (voice) {
    fields.emplace_back("Twiml", VoiceTwiml(m));
  } else {
    fields.emplace_back("Body", text);
  }
  if (!config_.status_callback.empty())
    fields.emplace_back("StatusCallback", config_.status_callback);
  std::string credentials = config_.account_sid + ":" + config_.auth_token;
  std::string url = config_.api_url + "/2010-04-01/Accounts/" + config_.account_sid +
                    (voice ? "/Calls.json" : "/Messages.json");
  auto answer =
      HttpCall("POST", url, FormEncode(fields), config_.timeout,
               {"Authorization: Basic " + Base64Encode(AsBytes(credentials)),
                "Content-Type: application/x-www-form-urlencoded", "Accept: application/json"});
  if (!answer.ok()) {
    return Error{
        ErrorCode::kUnavailable, name_ + " provider unreachable: " + answer.error().message, {}};
  }
  const HttpAnswer& a = *answer;
  if (a.status == 200 || a.status == 201) {
    boost::system::error_code ec;
    json::value v = json::parse(a.body, ec);
    const json::value* sid = !ec && v.is_object() ? v.as_object().if_contains("sid") : nullptr;
    if (!sid || !sid->is_string() || sid->as_string().empty()) {
      return Internal(name_ + " provider accepted the message but named no sid");
    }
    return std::string(sid->as_string());
  }
  std::string why = ProviderError(a);
  if (a.status >= 500 || a.status == 429 || a.status == 401 || a.status == 403) {
    // Down, busy or our credentials are wrong: every message would fail alike, so none fails;
    // they wait, visible in the outbox, until it answers.
    spdlog::warn("{}: {}", name_, why);
    return Error{ErrorCode::kUnavailable, why, {}};
  }
  if (a.status == 400 || a.status == 404 || a.status == 422) {
    return Error{ErrorCode::kValidationFailed, why, {}};  // this recipient or message: never
  }
  return Internal(why);
}

}  // namespace accord::app
