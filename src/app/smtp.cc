#include "accord/app/smtp.h"

#include <curl/curl.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>

#include "accord/app/serve.h"
#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/domain/fields.h"
#include "toml_file.h"

namespace accord::app {

namespace {

constexpr char kHex[] = "0123456789ABCDEF";

// A header value on one line: control characters (CR and LF above all) become spaces.
std::string OneLine(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return out;
}

bool IsPlainAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x20 && u < 0x7f;
  });
}

// RFC 2047 encoded words (UTF-8, base64) for a header value that is not plain ASCII, folded
// so that no word is longer than 75 characters; a UTF-8 sequence is never split.
std::string EncodeHeader(std::string_view value) {
  if (IsPlainAscii(value)) return std::string(value);
  std::string out;
  size_t i = 0;
  while (i < value.size()) {
    // 39 bytes make a 64-character word: with "Subject: " the first line stays under 76.
    size_t end = std::min(value.size(), i + 39);
    while (end < value.size() && end > i &&
           (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) {
      --end;
    }
    if (end == i) end = std::min(value.size(), i + 39);  // not UTF-8: split anyway
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64Encode(AsBytes(value.substr(i, end - i))) + "?=";
    i = end;
  }
  return out;
}

// RFC 2045 quoted-printable with CRLF line ends; a line never starts with a dot, so no
// SMTP server or client has to dot-stuff it.
std::string QuotedPrintable(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view line =
        text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t col = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      auto c = static_cast<unsigned char>(line[i]);
      bool last = i + 1 == line.size();
      bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last);
      if (col + (literal ? 1 : 3) > 75) {
        out += "=\r\n";
        col = 0;
      }
      if (col == 0 && c == '.') literal = false;
      if (literal) {
        out += static_cast<char>(c);
        col += 1;
      } else {
        out += '=';
        out += kHex[c >> 4];
        out += kHex[c & 15];
        col += 3;
      }
    }
    out += "\r\n";
    if (nl == std::string_view::npos) break;
    start = nl + 1;
    if (start == text.size()) break;
  }
  return out;
}

std::string Rfc5322Date(TimePoint t) {
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto day = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss hms{std::chrono::floor<std::chrono::seconds>(t - day)};
  std::chrono::weekday wd{day};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02u %s %04d %02ld:%02ld:%02ld +0000", kDays[wd.c_encoding()],
                static_cast<unsigned>(ymd.day()), kMonths[static_cast<unsigned>(ymd.month()) - 1],
                static_cast<int>(ymd.year()), static_cast<long>(hms.hours().count()),
                static_cast<long>(hms.minutes().count()), static_cast<long>(hms.seconds().count()));
  return buf;
}

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~CurlGlobal() { curl_global_cleanup(); }
};

void EnsureCurl() { static CurlGlobal global; }

struct Upload {
  std::string_view data;
  size_t pos = 0;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* user) {
  auto* u = static_cast<Upload*>(user);
  size_t n = std::min(size * count, u->data.size() - u->pos);
  std::copy_n(u->data.data() + u->pos, n, buffer);
  u->pos += n;
  return n;
}

struct CurlFree {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistFree {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

Status ReadSmtpConfig(const std::filesystem::path& file, SmtpConfig& out) {
  auto parsed = ParseTomlFile(file);
  if (!parsed.ok()) return std::move(parsed).error();
  const toml::table& table = *parsed;
  const toml::node* smtp_node = table.get("smtp");
  if (!smtp_node) return Ok();
  const toml::table* smtp = smtp_node->as_table();
  if (!smtp) return ValidationError("smtp", "must be a table ([smtp])");
  std::vector<ErrorDetail> problems;
  auto line = [](const toml::node& n) { return static_cast<int>(n.source().begin.line); };
  for (const auto& [key, node] : *smtp) {
    std::string k(key.str());
    std::string field = "smtp." + k;
    auto text = [&](std::string& dst) {
      if (const auto* s = node.as_string()) {
        dst = s->get();
      } else {
        problems.push_back({field, "must be a string", line(node)});
      }
    };
    if (k == "host") {
      text(out.host);
    } else if (k == "user") {
      text(out.user);
    } else if (k == "from") {
      text(out.from);
    } else if (k == "password_file" || k == "ca_file") {
      std::string path;
      text(path);
      (k == "password_file" ? out.password_file : out.ca_file) = path;
    } else if (k == "port" || k == "timeout_seconds") {
      const auto* v = node.as_integer();
      int64_t max = k == "port" ? 65535 : 600;
      if (!v || v->get() < 1 || v->get() > max) {
        problems.push_back(
            {field, "must be an integer from 1 to " + std::to_string(max), line(node)});
      } else if (k == "port") {
        out.port = static_cast<uint16_t>(v->get());
      } else {
        out.timeout = std::chrono::seconds(v->get());
      }
    } else if (k == "starttls") {
      if (const auto* b = node.as_boolean()) {
        out.starttls = b->get();
      } else {
        problems.push_back({field, "must be true or false", line(node)});
      }
    } else if (k == "password") {
      problems.push_back(
          {field, "is not read from the config file: use password_file", line(node)});
    } else {
      problems.push_back({field,
                          "unknown key (host, port, user, password_file, from, starttls, "
                          "ca_file, timeout_seconds)",
                          line(node)});
    }
  }
  if (!problems.empty()) {
    return Error{ErrorCode::kValidationFailed, file.string() + ": invalid [smtp] settings",
                 std::move(problems)};
  }
  return Ok();
}

Status PrepareSmtpConfig(SmtpConfig& c) {
  if (!c.enabled()) return Ok();
  if (c.from.empty()) return ValidationError("smtp.from", "is required to send email");
  if (!domain::IsValidEmail(c.from)) {
    return ValidationError("smtp.from", "must be an address like accord@example.com");
  }
  if (c.port == 0) return ValidationError("smtp.port", "must be from 1 to 65535");
  if (!c.user.empty() && c.password_file.empty()) {
    return ValidationError("smtp.password_file", "is required with a user (SMTP AUTH)");
  }
  if (!c.password_file.empty()) {
    if (c.user.empty()) return ValidationError("smtp.user", "is required with a password_file");
    std::ifstream in(c.password_file, std::ios::binary);
    if (!in) {
      return ValidationError("smtp.password_file", "cannot read " + c.password_file.string());
    }
    std::stringstream ss;
    ss << in.rdbuf();
    std::string password = ss.str();
    while (!password.empty() && (password.back() == '\n' || password.back() == '\r')) {
      password.pop_back();
    }
    if (password.empty()) {
      return ValidationError("smtp.password_file", c.password_file.string() + " is empty");
    }
    c.password = std::move(password);
  }
  if (!c.user.empty() && !c.starttls && !IsLoopbackHost(c.host)) {
    return ValidationError("smtp.starttls", "must be true to send credentials to " + c.host +
                                                " (they would cross the network in clear)");
  }
  if (!c.ca_file.empty() && !std::filesystem::exists(c.ca_file)) {
    return ValidationError("smtp.ca_file", c.ca_file.string() + " does not exist");
  }
  return Ok();
}

std::string FormatEmail(const SmtpConfig& config, const storage::OutboxMessage& m, TimePoint now) {
  std::string domain = config.from.substr(config.from.rfind('@') + 1);
  auto digest = Sha256(m.dedupe_key + "\n" + m.recipient);
  std::string id = HexEncode(std::span<const uint8_t>(digest.data(), 16));
  std::string out;
  out += "Date: " + Rfc5322Date(now) + "\r\n";
  out += "From: Accord <" + OneLine(config.from) + ">\r\n";
  out += "To: <" + OneLine(m.recipient) + ">\r\n";
  out += "Subject: " + EncodeHeader(OneLine(m.subject)) + "\r\n";
  out += "Message-ID: <" + id + "@" + OneLine(domain) + ">\r\n";
  out += "Auto-Submitted: auto-generated\r\n";
  if (!m.list_unsubscribe.empty()) {
    // RFC 2369 and RFC 8058: a mail client unsubscribes with one POST, no page to read.
    out += "List-Unsubscribe: <" + OneLine(m.list_unsubscribe) + ">\r\n";
    out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  }
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\n";
  out += "Content-Transfer-Encoding: quoted-printable\r\n";
  out += "\r\n";
  out += QuotedPrintable(m.body);
  return out;
}

SmtpChannel::SmtpChannel(SmtpConfig config, const Clock& clock)
    : config_(std::move(config)), clock_(clock) {
  EnsureCurl();
}

Status SmtpChannel::Send(const storage::OutboxMessage& m) {
  if (!domain::IsValidEmail(m.recipient)) {
    return ValidationError("recipient", "'" + OneLine(m.recipient) + "' is not an email address");
  }
  std::string message = FormatEmail(config_, m, clock_.Now());
  std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
  if (!curl) return Internal("curl_easy_init failed");
  CURL* h = curl.get();
  std::string url =
      "smtp://" +
      (config_.host.find(':') != std::string::npos ? "[" + config_.host + "]" : config_.host) +
      ":" + std::to_string(config_.port) + "/" +
      config_.from.substr(config_.from.rfind('@') + 1);  // EHLO name
  std::unique_ptr<curl_slist, SlistFree> rcpt(
      curl_slist_append(nullptr, ("<" + m.recipient + ">").c_str()));
  std::string from = "<" + config_.from + ">";
  Upload upload{message};
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp");
  curl_easy_setopt(h, CURLOPT_USE_SSL,
                   static_cast<long>(config_.starttls ? CURLUSESSL_ALL : CURLUSESSL_NONE));
  if (!config_.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, config_.ca_file.c_str());
  if (!config_.user.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, config_.user.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, config_.password.c_str());
  }
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_READFUNCTION, ReadUpload);
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(config_.timeout.count()));
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  CURLcode rc = curl_easy_perform(h);
  if (rc == CURLE_OK) return Ok();
  long response = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &response);
  std::string what = std::string(error[0] ? error : curl_easy_strerror(rc));
  if (response > 0) what += " (server answered " + std::to_string(response) + ")";
  std::string where = "SMTP " + config_.host + ":" + std::to_string(config_.port) + ": ";
  // Only the server refusing this message (5xx to RCPT TO, to DATA or after the data) fails
  // it for good. A refusal of the session (greeting, AUTH, MAIL FROM: a configuration or
  // server problem every message would meet), 421, or no answer at all is "unavailable":
  // the pass stops and everything waits. Other 4xx answers retry this message.
  bool sender_refused = what.find("MAIL failed") != std::string::npos ||
                        what.find("unexpected") != std::string::npos || rc == CURLE_LOGIN_DENIED;
  bool session = rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST ||
                 rc == CURLE_OPERATION_TIMEDOUT || rc == CURLE_SSL_CONNECT_ERROR ||
                 rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_USE_SSL_FAILED ||
                 rc == CURLE_GOT_NOTHING || rc == CURLE_SSL_CACERT_BADFILE || sender_refused ||
                 response == 421 || response == 0;
  if (!session && response >= 500 && response < 600) {
    return Error{ErrorCode::kValidationFailed, where + "rejected: " + what, {}};
  }
  if (session) return Error{ErrorCode::kUnavailable, where + what, {}};
  return Error{ErrorCode::kInternal, where + what, {}};
}

}  // namespace accord::app
