// RegistryApiTest (registry_api_test.h): who may do what, what a third party sees, and the
// OpenAPI document of the registry's routes.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <string>
#include <vector>

#include "http/registry_api_test.h"

namespace accord::testing::registry_api {
namespace {

std::vector<std::string> WithStore(std::vector<std::string> args, const ApiServer& server) {
  args.push_back("--data-dir");
  args.push_back(server.dir().str());
  args.push_back("--db");
  args.push_back(server.db_url());
  return args;
}

// --- who may do what -----------------------------------------------------------------------

TEST_F(RegistryApiTest, RolesAreCheckedBeforeAnythingIsWritten) {
  std::string party = NewParty("Roles Check Clinic");
  uint64_t before = LedgerSize();
  const std::string body = R"({"name": "Roles Attempt", "kind": "customer"})";
  for (const char* role : {"auditor", "staff", "third_party_contact"}) {
    SCOPED_TRACE(role);
    ExpectError(Call("POST", "/api/v1/parties", body, role), 403, "forbidden");
    ExpectError(
        Call("POST", "/api/v1/systems",
             R"({"name": "R", "environment": "staging", "contains_ephi": false, "owner": "x"})",
             role),
        403, "forbidden");
  }
  for (const char* role : {"auditor", "staff"}) {
    SCOPED_TRACE(role);
    ExpectError(Call("PATCH", "/api/v1/parties/" + party, R"({"owner": "me"})", role), 403,
                "forbidden");
    ExpectError(Call("DELETE", "/api/v1/parties/" + party, "", role), 403, "forbidden");
    ExpectError(
        Call("POST", "/api/v1/parties/" + party + "/agreements", R"({"type": "nda"})", role), 403,
        "forbidden");
    ExpectError(Call("POST", "/api/v1/parties/" + party + "/contacts",
                     R"({"name": "A", "email": "a@x.example"})", role),
                403, "forbidden");
    ExpectError(Call("POST", "/api/v1/parties/" + party + "/documents?filename=a.pdf",
                     PdfBytes("x"), role, "application/pdf"),
                403, "forbidden");
    EXPECT_EQ(s().Get("/api/v1/parties/" + party, role).status, 200);
    EXPECT_EQ(s().Get("/api/v1/systems", role).status, 200);
  }
  ExpectError(s().Get("/api/v1/parties", ""), 401, "unauthenticated");
  ExpectError(Call("POST", "/api/v1/parties", body, ""), 401, "unauthenticated");
  ExpectError(s().Get("/api/v1/systems", "third_party_contact"), 403, "forbidden");
  ExpectNothingWrittenSince(before, "refused roles");
  // Either officer may keep the registry.
  EXPECT_NE(NewParty("Roles Privacy Entry"), "");
  EXPECT_EQ(Create("/api/v1/parties", {{"name", "Roles Privacy Two"}, {"kind", "partner"}},
                   "privacy_officer")
                .at("kind"),
            "partner");
}

TEST_F(RegistryApiTest, AThirdPartySeesOnlyItsOwnPartyAndNotFoundForOthers) {
  const std::string tp = "third_party_contact";
  std::string relay = IdByName("parties", "Relay SMS");
  std::string northwind = IdByName("parties", "Northwind Clinics");
  json::array nw_agreements = Items("/api/v1/parties/" + northwind + "/agreements");
  json::array nw_contacts = Items("/api/v1/parties/" + northwind + "/contacts");
  ASSERT_FALSE(nw_agreements.empty());
  ASSERT_FALSE(nw_contacts.empty());
  std::string nw_agreement = Str(nw_agreements[0].at("id"));
  std::string nw_contact = Str(nw_contacts[0].at("id"));
  std::string nw_doc = UploadPdf("/api/v1/agreements/" + nw_agreement + "/documents",
                                 "northwind-baa.pdf", PdfBytes("northwind"));

  // Lists hold only its own party.
  json::array parties = Items("/api/v1/parties?limit=500", tp);
  ASSERT_EQ(parties.size(), 1u);
  EXPECT_EQ(parties[0].at("id"), relay.c_str());
  EXPECT_TRUE(Items("/api/v1/parties?q=northwind", tp).empty());
  EXPECT_TRUE(Items("/api/v1/parties?kind=customer", tp).empty());
  // Access decisions are ours, not the party's (vendor_view_test.cc).
  ExpectError(Call("GET", "/api/v1/access/grants?party_id=" + northwind, "", tp), 403, "forbidden");
  EXPECT_EQ(GetObj("/api/v1/parties/" + relay, tp).at("name"), "Relay SMS");
  json::array own_agreements = Items("/api/v1/parties/" + relay + "/agreements", tp);
  EXPECT_FALSE(own_agreements.empty());
  for (const auto& a : own_agreements) EXPECT_EQ(a.at("party_id"), relay.c_str());

  // Everything of another party is 404, never 403: it does not exist for this caller.
  uint64_t before = LedgerSize();
  const std::vector<std::pair<std::string, std::string>> hidden = {
      {"GET", "/api/v1/parties/" + northwind},
      {"GET", "/api/v1/parties/" + northwind + "?as_of=" + std::to_string(before)},
      {"GET", "/api/v1/parties/" + northwind + "/agreements"},
      {"GET", "/api/v1/parties/" + northwind + "/contacts"},
      {"GET", "/api/v1/parties/" + northwind + "/documents"},
      {"GET", "/api/v1/agreements/" + nw_agreement},
      {"GET", "/api/v1/agreements/" + nw_agreement + "/documents"},
      {"GET", "/api/v1/contacts/" + nw_contact},
      {"GET", "/api/v1/documents/" + nw_doc},
      {"GET", "/api/v1/documents/" + nw_doc + "/content"},
      {"PATCH", "/api/v1/contacts/" + nw_contact},
      {"DELETE", "/api/v1/contacts/" + nw_contact},
      {"POST", "/api/v1/parties/" + northwind + "/contacts"},
  };
  for (const auto& [method, target] : hidden) {
    SCOPED_TRACE(method + " " + target);
    auto e = ExpectError(Call(method, target, R"({"name": "Mallory", "email": "m@x.example"})", tp),
                         404, "not_found");
    EXPECT_EQ(Str(e.at("message")).find("Northwind"), std::string::npos);
  }
  ExpectError(Call("POST", "/api/v1/parties/" + northwind + "/documents?filename=a.pdf",
                   PdfBytes("upload"), tp, "application/pdf"),
              404, "not_found");
  ExpectNothingWrittenSince(before, "another party's objects");
  EXPECT_EQ(GetObj("/api/v1/contacts/" + nw_contact).at("name"), nw_contacts[0].at("name"));

  // Its own contacts and documents it keeps itself.
  json::object mine = Create("/api/v1/parties/" + relay + "/contacts",
                             {{"name", "Relay On-call"}, {"email", "oncall@relaysms.example"}}, tp);
  EXPECT_EQ(mine.at("party_id"), relay.c_str());
  EXPECT_EQ(Entry(mine.at("ledger_index").as_int64()).at("actor").at("role"), tp.c_str());
  EXPECT_NE(UploadPdf("/api/v1/parties/" + relay + "/documents", "soc2-relay.pdf",
                      PdfBytes("relay soc2"), tp),
            "");
  ExpectError(Call("PATCH", "/api/v1/parties/" + relay, R"({"owner": "me"})", tp), 403,
              "forbidden");
}

TEST_F(RegistryApiTest, TwoThirdPartiesNeverSeeEachOther) {
  std::string second = NewParty("Isolation Second Party", "partner");
  std::string contact = Str(Create("/api/v1/parties/" + second + "/contacts",
                                   {{"name", "Second Desk"}, {"email", "desk@second.example"}})
                                .at("id"));
  auto user =
      RunAccord(WithStore({"user", "add", "--password-stdin", "--email", "desk@second.example",
                           "--role", "third_party_contact", "--party", second},
                          s()),
                "correct horse battery staple 42\n");
  ASSERT_EQ(user.exit_code, 0) << user.err;
  auto r = RunAccord(
      WithStore({"token", "create", "--user", "desk@second.example", "--name", "second"}, s()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string token = r.out.substr(r.out.rfind("acc_"));
  while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();

  HttpResult list = CallAs(token, "GET", "/api/v1/parties");
  ASSERT_EQ(list.status, 200) << list.body;
  json::array items = json::parse(list.body).at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("id"), second.c_str());
  EXPECT_EQ(CallAs(token, "GET", "/api/v1/contacts/" + contact).status, 200);

  std::string relay = IdByName("parties", "Relay SMS");
  ExpectError(CallAs(token, "GET", "/api/v1/parties/" + relay), 404, "not_found");
  ExpectError(s().Get("/api/v1/parties/" + second, "third_party_contact"), 404, "not_found");
  ExpectError(s().Get("/api/v1/contacts/" + contact, "third_party_contact"), 404, "not_found");
}

TEST_F(RegistryApiTest, OpenApiDocumentsEveryRegistryRouteOnce) {
  HttpResult r = HttpCall(s().port(), "GET", "/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  json::value doc = json::parse(r.body);
  const auto& paths = doc.at("paths").as_object();
  // OpenAPI 3.1: paths that differ only in a template's name are the same path.
  std::map<std::string, std::string> shapes;
  for (const auto& [path, item] : paths) {
    std::string shape;
    bool in_template = false;
    for (char c : std::string(path)) {
      if (c == '{') in_template = true;
      if (!in_template) shape += c;
      if (c == '}') {
        in_template = false;
        shape += "{}";
      }
    }
    auto [it, fresh] = shapes.emplace(shape, std::string(path));
    EXPECT_TRUE(fresh) << path << " and " << it->second << " are one path";
  }
  for (const char* path :
       {"/api/v1/parties", "/api/v1/parties/{id}", "/api/v1/systems",
        "/api/v1/parties/{party_id}/documents", "/api/v1/agreements/{id}/documents",
        "/api/v1/parties/import", "/api/v1/access/grants/{id}/approve"}) {
    ASSERT_TRUE(paths.contains(path)) << path;
    for (const auto& [method, op] : paths.at(path).as_object()) {
      if (op.is_object()) EXPECT_TRUE(op.as_object().contains("x-accord-roles")) << path;
    }
  }
  EXPECT_TRUE(paths.at("/api/v1/parties/{party_id}/documents").as_object().contains("post"));
}

}  // namespace
}  // namespace accord::testing::registry_api
