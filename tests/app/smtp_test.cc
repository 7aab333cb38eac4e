// Email through a real SMTP server (exim4 on a loopback port, tests/support/smtp_server.h):
// STARTTLS on a certificate the client is told to trust, the outbox retrying while the
// server is down without losing a message, and `accord serve` sending its reminders.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "accord/app/smtp.h"
#include "accord/core/clock.h"
#include "accord/storage/outbox.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/runtime_fixture.h"
#include "support/smtp_server.h"
#include "support/temp_dir.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

app::SmtpConfig ConfigFor(const SmtpTestServer& server) {
  app::SmtpConfig c;
  c.host = "127.0.0.1";
  c.port = server.port();
  c.from = "accord@luma.example";
  c.ca_file = server.ca_file();
  c.timeout = std::chrono::seconds(20);
  return c;
}

storage::OutboxMessage Message(const std::string& key, const std::string& to) {
  return storage::OutboxMessage{.dedupe_key = key,
                                .user_id = "usr_1",
                                .recipient = to,
                                .subject = "Due in 7 days: Security review: Relay SMS",
                                .body = "Security review: Relay SMS\n.Review: rev_1\n",
                                .ref_kind = "review",
                                .ref_id = "rev_1"};
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(SmtpTest, DeliversOverStartTlsAndRefusesAServerItCannotTrust) {
  SmtpTestServer server;
  ASSERT_TRUE(server.started()) << server.error();
  SystemClock clock;
  app::SmtpChannel channel(ConfigFor(server), clock);
  Status sent = channel.Send(Message("k1", "so@luma.example"));
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  auto messages = server.WaitForMessages(1);
  ASSERT_EQ(messages.size(), 1u);
  const std::string& m = messages[0];
  EXPECT_TRUE(Has(m, "Subject: Due in 7 days: Security review: Relay SMS")) << m;
  EXPECT_TRUE(Has(m, "To: <so@luma.example>")) << m;
  EXPECT_TRUE(Has(m, "From: Accord <accord@luma.example>")) << m;
  EXPECT_TRUE(Has(m, "=2EReview: rev_1")) << m;  // the body arrives as sent
  // exim records the TLS session it received the message over.
  EXPECT_TRUE(Has(m, "TLS")) << m;

  // Without the certificate the client does not trust the server: nothing is sent, and the
  // outbox is told the server is unavailable (it retries later).
  app::SmtpConfig untrusted = ConfigFor(server);
  untrusted.ca_file.clear();
  app::SmtpChannel doubtful(untrusted, clock);
  Status refused = doubtful.Send(Message("k2", "so@luma.example"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable) << refused.error().message;
  // A recipient that is not an address never reaches the server.
  Status bad = channel.Send(Message("k3", "so@luma.example>\r\nRCPT TO:<x@evil.example"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kValidationFailed);
  EXPECT_EQ(server.Messages().size(), 1u);
}

TEST(SmtpTest, OutboxRetriesWhileTheServerIsDownAndLosesNothing) {
  RuntimeFixture f;
  uint16_t dead_port = 0;
  {
    SmtpTestServer gone;  // a port where a mail server was and no longer is
    ASSERT_TRUE(gone.started()) << gone.error();
    dead_port = gone.port();
  }
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(f.rt()
                    .store()
                    .Write([&](storage::Tx& tx) -> Status {
                      auto q = storage::QueueMessage(
                          tx,
                          Message("reminder:" + std::to_string(i),
                                  "officer" + std::to_string(i) + "@luma.example"),
                          f.clock().Now());
                      if (!q.ok()) return std::move(q).error();
                      return Ok();
                    })
                    .ok());
  }
  auto list = [&](const std::string& status) {
    std::vector<json::object> out;
    EXPECT_TRUE(f.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto r = storage::ListOutbox(tx, {.status = status, .limit = 100});
                      if (!r.ok()) return std::move(r).error();
                      out = std::move(r->first);
                      return Ok();
                    })
                    .ok());
    return out;
  };

  SmtpTestServer server;
  ASSERT_TRUE(server.started()) << server.error();
  app::SmtpConfig down = ConfigFor(server);
  down.port = dead_port;
  storage::OutboxDelivery failing(f.rt().store(), f.clock());
  failing.AddChannel(std::make_unique<app::SmtpChannel>(down, f.clock()));
  auto n = failing.RunOnce();
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(*n, 0);
  // The first try finds the server down and ends the pass: the others wait, untried.
  auto waiting = list("queued");
  ASSERT_EQ(waiting.size(), 3u);
  int64_t tries = 0;
  for (const auto& m : waiting) {
    tries += m.at("attempts").as_int64();
    if (m.at("attempts").as_int64() == 0) continue;
    EXPECT_TRUE(Has(std::string(m.at("last_error").as_string()), std::to_string(dead_port)))
        << json::serialize(m);
  }
  EXPECT_EQ(tries, 1);
  // Not before the back-off, then every message once the server is back.
  storage::OutboxDelivery working(f.rt().store(), f.clock());
  working.AddChannel(std::make_unique<app::SmtpChannel>(ConfigFor(server), f.clock()));
  f.clock().Advance(std::chrono::minutes(2));
  n = working.RunOnce();
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(*n, 3);
  auto messages = server.WaitForMessages(3);
  ASSERT_EQ(messages.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    std::string to = "To: <officer" + std::to_string(i) + "@luma.example>";
    EXPECT_EQ(std::count_if(messages.begin(), messages.end(),
                            [&](const std::string& m) { return Has(m, to); }),
              1)
        << to;
  }
  auto sent = list("sent");
  ASSERT_EQ(sent.size(), 3u);
  tries = 0;
  for (const auto& m : sent) tries += m.at("attempts").as_int64();
  EXPECT_EQ(tries, 4);               // one failed try, three that went
  EXPECT_EQ(*working.RunOnce(), 0);  // sent once, never again
  EXPECT_EQ(server.Messages().size(), 3u);
}

TEST(SmtpTest, ServeSendsTheDemoRemindersThroughTheConfiguredServer) {
  SmtpTestServer smtp;
  ASSERT_TRUE(smtp.started()) << smtp.error();
  TempDir dir;
  std::string config = (dir.path() / "accord.toml").string();
  {
    std::ofstream out(config);
    out << "[smtp]\nhost = \"127.0.0.1\"\nport = " << smtp.port()
        << "\nfrom = \"accord@luma.example\"\nstarttls = true\nca_file = \""
        << smtp.ca_file().string() << "\"\n";
  }
  ServerProcess server({"serve", "--demo", "--data-dir", (dir.path() / "data").string(), "--listen",
                        "127.0.0.1:0", "--config", config});
  ASSERT_TRUE(server.started()) << server.output();
  std::string token;
  {
    std::istringstream lines(server.output());
    std::string line;
    while (std::getline(lines, line)) {
      auto pos = line.find("security_officer: ");
      if (pos != std::string::npos) token = line.substr(pos + 18);
    }
  }
  ASSERT_FALSE(token.empty());
  // The demo's party review is due within 30 days: its reminder goes to the assignee.
  auto is_reminder = [](const std::string& m) {
    return Has(m, "To: <privacy@luma.example>") && Has(m, "Subject: Due in");
  };
  std::vector<std::string> messages;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    messages = smtp.WaitForMessages(messages.size() + 1, std::chrono::seconds(5));
    if (std::any_of(messages.begin(), messages.end(), is_reminder)) break;
  }
  ASSERT_FALSE(messages.empty()) << "no email arrived";
  EXPECT_TRUE(std::any_of(messages.begin(), messages.end(), is_reminder)) << messages[0];
  HttpResult sent = HttpCall(server.port(), "GET", "/api/v1/outbox?status=sent&limit=500", "",
                             {{"Authorization", "Bearer " + token}});
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_GE(json::parse(sent.body).at("items").as_array().size(), messages.size());

  // A config file with a mistake stops the server before it starts, naming the key.
  std::ofstream(config) << "[smtp]\nhost = \"127.0.0.1\"\nport = \"25\"\n";
  auto bad = RunAccord({"serve", "--data-dir", (dir.path() / "other").string(), "--listen",
                        "127.0.0.1:0", "--config", config});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_TRUE(Has(bad.err, "smtp.port")) << bad.err;
}

}  // namespace
}  // namespace accord::testing
