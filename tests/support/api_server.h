// A demo server process for API tests, with one bearer token per role.
#pragma once

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <string>

#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace accord::testing {

class ApiServer {
 public:
  // `log_file`: where the server's output goes (ServerProcess); "" = nowhere.
  explicit ApiServer(std::vector<std::string> extra_args = {}, std::string log_file = "");
  uint16_t port() const { return server_->port(); }
  const TempDir& dir() const { return dir_; }
  // The store the server runs on: pass it as --db to CLI commands.
  const std::string& db_url() const { return db_url_; }
  ServerProcess& process() { return *server_; }
  const std::string& token(const std::string& role) const { return tokens_.at(role); }
  // The demo account of a role: its email and its one-time printed password.
  const std::string& email(const std::string& role) const { return emails_.at(role); }
  const std::string& password(const std::string& role) const { return passwords_.at(role); }
  // Any method, as a role's bearer token ("" = anonymous); JSON body when not empty.
  HttpResult Call(const std::string& method, const std::string& target, const std::string& body,
                  const std::string& role = "security_officer");

  HttpResult Get(const std::string& target, const std::string& role = "security_officer");
  HttpResult Post(const std::string& target, const std::string& body,
                  const std::string& role = "security_officer");
  // GET + parse; fails the test on a non-200 answer.
  boost::json::value GetJson(const std::string& target,
                             const std::string& role = "security_officer");
  // The organisation's id (the subject of ledger entry 0), and a note about it: a note must
  // name a subject that exists.
  const std::string& org_id();
  std::string OrgNote(const std::string& text);
  // The ledger's size now. The checkpoint may lag by a second, so this probes
  // /api/v1/ledger/entries/{i} (binary search) as the security officer.
  uint64_t LedgerSize();
  void Stop();  // SIGTERM and wait

 private:
  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  std::map<std::string, std::string> tokens_;
  std::map<std::string, std::string> emails_;
  std::map<std::string, std::string> passwords_;
  std::string db_url_;
  std::string org_id_;
};

// The organisation id of the server on `port`, read with a ledger reader's `token`.
std::string OrgIdOf(uint16_t port, const std::string& token);
// A POST /api/v1/notes body about the organisation `org_id`.
std::string OrgNoteBody(const std::string& org_id, const std::string& text);

}  // namespace accord::testing
