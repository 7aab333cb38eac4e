// `--demo`: sample data seeded once into an empty store, so a new user sees a working
// ledger at once. Later features (registry, identity) add their own demo data here.
#include <boost/json.hpp>

#include "accord/app/serve.h"
#include "accord/core/ids.h"

namespace accord::app {

namespace json = boost::json;

Result<std::string> SeedDemo(Runtime& runtime) {
  domain::Actor demo{"demo", "system"};
  std::string printed = "demo data seeded; API tokens (shown once, keep them safe):\n";
  for (const char* role :
       {"security_officer", "privacy_officer", "staff", "auditor", "third_party_contact"}) {
    auto token =
        CreateApiToken(runtime.log(), demo, std::string("demo ") + role, role, std::nullopt);
    if (!token.ok()) return std::move(token).error();
    printed += "  " + std::string(role) + ": " + token->secret + "\n";
  }
  const char* notes[] = {
      "Annual review of the partner and subcontractor list is due in Q1 (TP-10).",
      "SOC 2 Type II report of the hosting provider requested for the annual review (TP-11).",
      "Third parties have no access to production systems containing ePHI (TP-4).",
  };
  const std::string org = runtime.log().org();
  for (const char* text : notes) {
    auto r = runtime.log().Execute([&](storage::CommandContext& c) -> Result<json::value> {
      domain::Event e{.type = "note.added",
                      .actor = {"demo", "security_officer"},
                      .subject = {"org", org},
                      .payload = json::object{{"note_id", NewId("note", c.Now())}, {"text", text}}};
      auto index = c.Append(std::move(e));
      if (!index.ok()) return std::move(index).error();
      return json::value(*index);
    });
    if (!r.ok()) return std::move(r).error();
  }
  return printed;
}

}  // namespace accord::app
