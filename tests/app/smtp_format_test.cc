// The email a notification becomes (RFC 5322 headers, RFC 2047 subjects, RFC 2045
// quoted-printable body) and the [smtp] settings, without a mail server; smtp_test.cc sends
// through a real one.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "accord/app/config.h"
#include "accord/app/serve.h"
#include "accord/app/smtp.h"
#include "accord/core/bytes.h"
#include "accord/core/time.h"
#include "support/temp_dir.h"

namespace accord::testing {
namespace {

TimePoint At(const char* text) { return ParseRfc3339(text).value(); }

app::SmtpConfig Config() {
  app::SmtpConfig c;
  c.host = "127.0.0.1";
  c.from = "accord@luma.example";
  return c;
}

storage::OutboxMessage Message(std::string subject, std::string body) {
  return storage::OutboxMessage{.dedupe_key = "reminder:rev_1:0:usr_1",
                                .user_id = "usr_1",
                                .recipient = "so@luma.example",
                                .subject = std::move(subject),
                                .body = std::move(body),
                                .ref_kind = "review",
                                .ref_id = "rev_1"};
}

// Splits a message into header lines (unfolded) and the body.
std::pair<std::vector<std::string>, std::string> Split(const std::string& email) {
  size_t end = email.find("\r\n\r\n");
  EXPECT_NE(end, std::string::npos);
  std::vector<std::string> headers;
  size_t pos = 0;
  while (pos < end) {
    size_t nl = email.find("\r\n", pos);
    std::string line = email.substr(pos, nl - pos);
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !headers.empty()) {
      headers.back() += line;
    } else {
      headers.push_back(line);
    }
    pos = nl + 2;
  }
  return {headers, email.substr(end + 4)};
}

std::string Header(const std::vector<std::string>& headers, const std::string& name) {
  for (const auto& h : headers) {
    if (h.rfind(name + ": ", 0) == 0) return h.substr(name.size() + 2);
  }
  return "";
}

// RFC 2045 quoted-printable, decoded (CRLF line ends kept).
std::string DecodeQp(const std::string& qp) {
  std::string out;
  for (size_t i = 0; i < qp.size(); ++i) {
    if (qp[i] != '=') {
      out += qp[i];
    } else if (qp.compare(i + 1, 2, "\r\n") == 0) {
      i += 2;
    } else {
      out += static_cast<char>(std::stoi(qp.substr(i + 1, 2), nullptr, 16));
      i += 2;
    }
  }
  return out;
}

// RFC 2047 B-encoded words, decoded and joined.
std::string DecodeWords(const std::string& value) {
  std::string out;
  size_t pos = 0;
  while ((pos = value.find("=?UTF-8?B?", pos)) != std::string::npos) {
    size_t end = value.find("?=", pos + 10);
    auto bytes = Base64Decode(value.substr(pos + 10, end - pos - 10));
    EXPECT_TRUE(bytes.ok());
    if (bytes.ok()) out += std::string(bytes->begin(), bytes->end());
    pos = end + 2;
  }
  return out;
}

TEST(SmtpFormatTest, HeadersAndAQuotedPrintableBody) {
  std::string body =
      "Security review: Relay SMS\nKind: party_review\n.a line that starts with a dot\n"
      "price = 3 dollars \n" +
      std::string(200, 'x') + "\n";
  std::string email = app::FormatEmail(Config(), Message("Due in 7 days: review", body),
                                       At("2026-12-06T03:04:05Z"));
  auto [headers, encoded] = Split(email);
  EXPECT_EQ(Header(headers, "Date"), "Sun, 06 Dec 2026 03:04:05 +0000");
  EXPECT_EQ(Header(headers, "From"), "Accord <accord@luma.example>");
  EXPECT_EQ(Header(headers, "To"), "<so@luma.example>");
  EXPECT_EQ(Header(headers, "Subject"), "Due in 7 days: review");
  EXPECT_EQ(Header(headers, "Content-Transfer-Encoding"), "quoted-printable");
  EXPECT_EQ(Header(headers, "Auto-Submitted"), "auto-generated");
  std::string id = Header(headers, "Message-ID");
  EXPECT_TRUE(id.starts_with("<") && id.ends_with("@luma.example>")) << id;
  // The same message gets the same id (a retried send is recognisably the same mail).
  EXPECT_EQ(email, app::FormatEmail(Config(), Message("Due in 7 days: review", body),
                                    At("2026-12-06T03:04:05Z")));

  size_t pos = 0;
  while (pos < encoded.size()) {
    size_t nl = encoded.find("\r\n", pos);
    ASSERT_NE(nl, std::string::npos) << "every line ends in CRLF";
    std::string line = encoded.substr(pos, nl - pos);
    EXPECT_LE(line.size(), 76u) << line;
    EXPECT_FALSE(line.starts_with(".")) << "no line needs dot-stuffing: " << line;
    EXPECT_TRUE(line.empty() || (line.back() != ' ' && line.back() != '\t')) << line;
    EXPECT_EQ(line.find('\n'), std::string::npos);
    pos = nl + 2;
  }
  std::string crlf;
  for (char c : body) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(DecodeQp(encoded), crlf);
}

TEST(SmtpFormatTest, TextCannotAddHeadersAndUnicodeSubjectsAreEncoded) {
  std::string email =
      app::FormatEmail(Config(), Message("Due\r\nBcc: attacker@evil.example\nX-Evil: 1", "body"),
                       At("2026-12-06T00:00:00Z"));
  auto [headers, body] = Split(email);
  for (const auto& h : headers) {
    EXPECT_FALSE(h.starts_with("Bcc:")) << h;
    EXPECT_FALSE(h.starts_with("X-Evil:")) << h;
  }
  EXPECT_NE(Header(headers, "Subject").find("attacker@evil.example"), std::string::npos);

  std::string subject = "Überprüfung fällig: Ærø Cloud — " + std::string(60, 'e') + " 日本";
  std::string encoded = Header(
      Split(app::FormatEmail(Config(), Message(subject, "b"), At("2026-12-06T00:00:00Z"))).first,
      "Subject");
  EXPECT_TRUE(encoded.starts_with("=?UTF-8?B?")) << encoded;
  EXPECT_EQ(DecodeWords(encoded), subject);
  // Folded into encoded words of at most 75 characters.
  std::string raw = app::FormatEmail(Config(), Message(subject, "b"), At("2026-12-06T00:00:00Z"));
  size_t start = raw.find("Subject: ");
  size_t end = raw.find("\r\nMessage-ID");
  std::string folded = raw.substr(start, end - start);
  size_t p = 0;
  while ((p = folded.find("=?UTF-8?B?", p)) != std::string::npos) {
    size_t q = folded.find("?=", p + 10);
    EXPECT_LE(q + 2 - p, 75u);
    p = q + 2;
  }
}

// RFC 2369 and RFC 8058: a list email names its one-click unsubscribe URL; others do not.
TEST(SmtpFormatTest, ListEmailsCarryOneClickUnsubscribe) {
  storage::OutboxMessage m = Message("Our subprocessor list changed", "b");
  EXPECT_EQ(Header(Split(app::FormatEmail(Config(), m, At("2026-12-06T00:00:00Z"))).first,
                   "List-Unsubscribe"),
            "");
  m.list_unsubscribe = "https://trust.luma.example/trust/subscriptions/sub_x\r\nBcc: a@b";
  auto [headers, body] = Split(app::FormatEmail(Config(), m, At("2026-12-06T00:00:00Z")));
  EXPECT_EQ(Header(headers, "List-Unsubscribe"),
            "<https://trust.luma.example/trust/subscriptions/sub_x  Bcc: a@b>");
  EXPECT_EQ(Header(headers, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
  EXPECT_EQ(Header(headers, "Bcc"), "");
}

// [trust] nda_valid_months and nda_link_days: whole numbers in range.
TEST(SmtpFormatTest, NdaTermsAreTrustSettings) {
  TempDir dir;
  std::string file = (dir.path() / "accord.toml").string();
  std::ofstream(file) << "[trust]\nnda_valid_months = 24\nnda_link_days = 7\n";
  http::TrustSettings trust;
  ASSERT_TRUE(app::ReadTrustConfig(file, trust).ok());
  EXPECT_EQ(trust.nda_valid_months, 24);
  EXPECT_EQ(trust.nda_link_days, 7);
  EXPECT_TRUE(app::CheckTrustSettings(trust).ok());
  std::ofstream(file) << "[trust]\nnda_valid_months = \"12\"\n";
  auto typed = app::ReadTrustConfig(file, trust);
  ASSERT_FALSE(typed.ok());
  EXPECT_EQ(typed.error().details.at(0).field, "trust.nda_valid_months");
  trust.nda_link_days = 0;
  auto range = app::CheckTrustSettings(trust);
  ASSERT_FALSE(range.ok());
  EXPECT_EQ(range.error().details.at(0).field, "trust.nda_link_days");
}

TEST(SmtpFormatTest, ConfigFileAndChecks) {
  TempDir dir;
  std::string password = (dir.path() / "smtp-password").string();
  std::ofstream(password) << "s3cret-Pa55\n";
  std::string file = (dir.path() / "accord.toml").string();
  std::ofstream(file) << "[smtp]\nhost = \"mail.luma.example\"\nport = 2525\nuser = \"accord\"\n"
                         "password_file = \""
                      << password
                      << "\"\nfrom = \"accord@luma.example\"\nstarttls = true\n"
                         "timeout_seconds = 20\n";
  app::SmtpConfig c;
  ASSERT_TRUE(app::ReadSmtpConfig(file, c).ok());
  EXPECT_EQ(c.host, "mail.luma.example");
  EXPECT_EQ(c.port, 2525);
  EXPECT_EQ(c.timeout, std::chrono::seconds(20));
  EXPECT_TRUE(c.password.empty());  // read when prepared, not when parsed
  ASSERT_TRUE(app::PrepareSmtpConfig(c).ok());
  EXPECT_EQ(c.password, "s3cret-Pa55");  // without the newline

  // Errors name the key and its line; a password never sits in the config file itself.
  std::ofstream(file) << "[smtp]\nhost = \"mail\"\nport = 70000\npassword = \"x\"\nsender = 1\n";
  app::SmtpConfig bad;
  auto s = app::ReadSmtpConfig(file, bad);
  ASSERT_FALSE(s.ok());
  std::vector<std::pair<std::string, int>> details;
  for (const auto& d : s.error().details) details.emplace_back(d.field, d.line.value_or(0));
  std::sort(details.begin(), details.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  EXPECT_EQ(details, (std::vector<std::pair<std::string, int>>{
                         {"smtp.port", 3}, {"smtp.password", 4}, {"smtp.sender", 5}}));

  auto field_of = [](app::SmtpConfig c) {
    auto r = app::PrepareSmtpConfig(c);
    return r.ok() ? std::string() : r.error().details.at(0).field;
  };
  app::SmtpConfig no_from = Config();
  no_from.from.clear();
  EXPECT_EQ(field_of(no_from), "smtp.from");
  app::SmtpConfig clear = Config();
  clear.host = "mail.luma.example";
  clear.user = "accord";
  clear.password_file = password;
  clear.starttls = false;
  EXPECT_EQ(field_of(clear), "smtp.starttls");  // credentials never cross the network in clear
  clear.host = "127.0.0.1";
  EXPECT_EQ(field_of(clear), "");  // a loopback relay may
  app::SmtpConfig missing = Config();
  missing.user = "accord";
  missing.password_file = dir.path() / "nope";
  EXPECT_EQ(field_of(missing), "smtp.password_file");
  EXPECT_EQ(field_of(app::SmtpConfig{}), "");  // no host: no email, nothing to check
  app::SmtpConfig looks_local = clear;
  looks_local.host = "127.mail.example.net";  // a name, not a loopback address
  EXPECT_EQ(field_of(looks_local), "smtp.starttls");
  app::SmtpConfig no_password = Config();
  no_password.user = "accord";
  EXPECT_EQ(field_of(no_password), "smtp.password_file");

  // A misspelt table is an error, not email silently off.
  std::ofstream(file) << "[stmp]\nhost = \"mail\"\n";
  http::TrustSettings trust;
  auto typo = app::ReadTrustConfig(file, trust);
  ASSERT_FALSE(typo.ok());
  EXPECT_EQ(typo.error().details.at(0).field, "stmp");
}

TEST(SmtpFormatTest, LoopbackMeansAnAddressAndPublicUrlsAreHttps) {
  for (const char* host : {"localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"}) {
    EXPECT_TRUE(app::IsLoopbackHost(host)) << host;
  }
  for (const char* host :
       {"127.mail.example.net", "localhost.evil.example", "10.0.0.1", "::2", "1270.0.0.1", ""}) {
    EXPECT_FALSE(app::IsLoopbackHost(host)) << host;
  }
  auto ok = [](const char* url) { return app::CheckTrustSettings({.public_url = url}).ok(); };
  EXPECT_TRUE(ok("https://trust.luma.example"));
  EXPECT_TRUE(ok("http://127.0.0.1:8080"));
  EXPECT_TRUE(ok("http://localhost"));
  EXPECT_FALSE(ok("http://trust.luma.example"));
  EXPECT_FALSE(ok("http://localhost.evil.example"));
  EXPECT_FALSE(ok("http://127.0.0.1@evil.example"));
  EXPECT_FALSE(ok("https://trust.luma.example/"));
  EXPECT_FALSE(app::CheckTrustSettings({.security_contact = "security@luma.example"}).ok());
  EXPECT_TRUE(app::CheckTrustSettings({.security_contact = "mailto:security@luma.example"}).ok());
}

TEST(SmtpFormatTest, ASubjectThatIsNotUtf8StillEnds) {
  std::string bad(100, static_cast<char>(0x80));  // continuation bytes only
  std::string email = app::FormatEmail(Config(), Message(bad, "b"), At("2026-12-06T00:00:00Z"));
  EXPECT_NE(email.find("Subject: =?UTF-8?B?"), std::string::npos);
  for (size_t pos = 0, nl; (nl = email.find("\r\n", pos)) != std::string::npos; pos = nl + 2) {
    if (pos >= email.find("\r\n\r\n")) break;
    EXPECT_LE(nl - pos, 76u) << email.substr(pos, nl - pos);
  }
}

}  // namespace
}  // namespace accord::testing
