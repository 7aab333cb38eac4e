#include "support/api_server.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <sstream>

#include "support/test_db.h"

namespace accord::testing {

ApiServer::ApiServer(std::vector<std::string> extra_args, std::string log_file) {
  std::vector<std::string> args = {"serve",    "--demo",   "--data-dir",
                                   dir_.str(), "--listen", "127.0.0.1:0"};
  db_url_ = TestDatabaseUrl(dir_);
  args.push_back("--db");
  args.push_back(db_url_);
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  server_ = std::make_unique<ServerProcess>(args, std::move(log_file));
  EXPECT_TRUE(server_->started()) << server_->output();
  std::istringstream lines(server_->output());
  std::string line;
  while (std::getline(lines, line)) {
    // "  officer@luma.example  password XXXX  (security_officer)"
    if (auto pw = line.find("  password "); pw != std::string::npos && line.find('@') < pw) {
      std::istringstream words(line);
      std::string email, word, password, role;
      words >> email >> word >> password >> role;
      if (role.size() > 2) role = role.substr(1, role.size() - 2);
      emails_[role] = email;
      passwords_[role] = password;
      continue;
    }
    auto colon = line.find(": acc_");
    if (colon == std::string::npos) continue;
    auto start = line.find_first_not_of(' ');
    tokens_[line.substr(start, colon - start)] = line.substr(colon + 2);
  }
  EXPECT_EQ(tokens_.size(), 5u) << server_->output();
}

HttpResult ApiServer::Get(const std::string& target, const std::string& role) {
  std::vector<std::pair<std::string, std::string>> headers;
  if (!role.empty()) headers.emplace_back("Authorization", "Bearer " + tokens_[role]);
  return HttpCall(port(), "GET", target, "", headers);
}

HttpResult ApiServer::Post(const std::string& target, const std::string& body,
                           const std::string& role) {
  std::vector<std::pair<std::string, std::string>> headers = {{"Content-Type", "application/json"}};
  if (!role.empty()) headers.emplace_back("Authorization", "Bearer " + tokens_[role]);
  return HttpCall(port(), "POST", target, body, headers);
}

HttpResult ApiServer::Call(const std::string& method, const std::string& target,
                           const std::string& body, const std::string& role) {
  std::vector<std::pair<std::string, std::string>> headers;
  if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
  if (!role.empty()) headers.emplace_back("Authorization", "Bearer " + tokens_[role]);
  return HttpCall(port(), method, target, body, headers);
}

boost::json::value ApiServer::GetJson(const std::string& target, const std::string& role) {
  HttpResult r = Get(target, role);
  EXPECT_EQ(r.status, 200) << target << ": " << r.body;
  boost::json::error_code ec;
  auto v = boost::json::parse(r.body, ec);
  EXPECT_FALSE(ec) << r.body;
  return v;
}

uint64_t ApiServer::LedgerSize() {
  auto exists = [this](uint64_t i) {
    HttpResult r = Get("/api/v1/ledger/entries/" + std::to_string(i));
    EXPECT_TRUE(r.status == 200 || r.status == 404) << r.body;
    return r.status == 200;
  };
  uint64_t lo = 0, hi = 1;  // entries below lo exist, hi - 1 is the next probe
  while (exists(hi - 1)) {
    lo = hi;
    hi *= 2;
  }
  while (lo + 1 < hi) {  // entries below lo exist, entry hi - 1 does not
    uint64_t mid = lo + (hi - lo) / 2;
    if (exists(mid - 1)) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return lo;
}

const std::string& ApiServer::org_id() {
  if (org_id_.empty()) org_id_ = OrgIdOf(port(), token("security_officer"));
  return org_id_;
}

std::string ApiServer::OrgNote(const std::string& text) { return OrgNoteBody(org_id(), text); }

std::string OrgIdOf(uint16_t port, const std::string& token) {
  HttpResult r =
      HttpCall(port, "GET", "/api/v1/ledger/entries/0", "", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(r.status, 200) << r.body;
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(r.body, ec);
  if (ec || !v.is_object()) return "";
  return std::string(v.at("event").at("subject").at("id").as_string());
}

std::string OrgNoteBody(const std::string& org_id, const std::string& text) {
  return boost::json::serialize(boost::json::object{
      {"subject", boost::json::object{{"kind", "org"}, {"id", org_id}}}, {"text", text}});
}

void ApiServer::Stop() { EXPECT_EQ(server_->Signal(SIGTERM), 0); }

}  // namespace accord::testing
