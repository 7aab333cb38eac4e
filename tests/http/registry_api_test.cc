// RegistryApiTest (registry_api_test.h): create, list, get, patch and delete every kind, the
// party timeline, and bad input refused with its field and nothing written.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "http/registry_api_test.h"

namespace accord::testing::registry_api {
namespace {

// --- CRUD ---------------------------------------------------------------------------------

TEST_F(RegistryApiTest, PartyLifecycleWritesOneEventPerChange) {
  json::object p = Create("/api/v1/parties", {{"name", "Crud Vendor One"},
                                              {"kind", "subcontractor"},
                                              {"owner", "Ann"},
                                              {"data_categories", json::array{"ephi"}},
                                              {"access_level", "non_production"}});
  ASSERT_TRUE(p.contains("id"));
  std::string id = Str(p.at("id"));
  EXPECT_TRUE(id.starts_with("pty_")) << id;
  EXPECT_EQ(p.at("status"), "prospect");
  EXPECT_EQ(p.at("version"), 1);
  EXPECT_EQ(p.at("risk_tier"), "medium");
  json::object created = Entry(p.at("ledger_index").as_int64());
  EXPECT_EQ(created.at("type"), "party.created");
  EXPECT_EQ(created.at("subject").at("id"), id.c_str());
  EXPECT_EQ(created.at("payload").at("state").at("name"), "Crud Vendor One");
  EXPECT_EQ(GetObj("/api/v1/parties/" + id), p);

  json::object onboarding =
      PatchOk("/api/v1/parties/" + id, {{"status", "onboarding"}, {"legal_name", "Crud One Ltd"}});
  EXPECT_EQ(onboarding.at("version"), 2);
  EXPECT_EQ(onboarding.at("legal_name"), "Crud One Ltd");
  json::object changed = Entry(onboarding.at("ledger_index").as_int64());
  EXPECT_EQ(changed.at("type"), "party.status_changed");
  EXPECT_EQ(changed.at("actor").at("role"), "security_officer");
  auto fields = changed.at("payload").at("changed").as_array();
  EXPECT_NE(std::find(fields.begin(), fields.end(), json::value("status")), fields.end());

  json::object cleared = PatchOk("/api/v1/parties/" + id, {{"owner", nullptr}});
  EXPECT_FALSE(cleared.contains("owner"));
  EXPECT_EQ(cleared.at("version"), 3);
  EXPECT_EQ(Entry(cleared.at("ledger_index").as_int64()).at("type"), "party.updated");

  // The same values again change nothing and record nothing.
  uint64_t before = LedgerSize();
  json::object same = PatchOk("/api/v1/parties/" + id, {{"legal_name", "Crud One Ltd"}});
  EXPECT_EQ(same.at("version"), 3);
  ExpectNothingWrittenSince(before, "a PATCH without change");

  // Only a prospect may be deleted; later relationships are offboarded.
  auto e = ExpectError(Call("DELETE", "/api/v1/parties/" + id), 409, "conflict");
  EXPECT_EQ(FirstField(e), "status");
  EXPECT_EQ(PatchOk("/api/v1/parties/" + id, {{"status", "active"}}).at("status"), "active");
  EXPECT_EQ(PatchOk("/api/v1/parties/" + id, {{"status", "offboarded"}}).at("status"),
            "offboarded");
}

TEST_F(RegistryApiTest, DeletingAProspectFreesItsNameAndLeavesItsHistory) {
  std::string id = NewParty("Crud Mistake Entry");
  std::string contact = Str(Create("/api/v1/parties/" + id + "/contacts",
                                   {{"name", "Desk"}, {"email", "desk@mistake.example"}})
                                .at("id"));
  // Children first: a party with live objects is not deleted from under them.
  auto e = ExpectError(Call("DELETE", "/api/v1/parties/" + id), 409, "conflict");
  EXPECT_EQ(FirstField(e), "party");
  ASSERT_EQ(Call("DELETE", "/api/v1/contacts/" + contact).status, 200);
  HttpResult del = Call("DELETE", "/api/v1/parties/" + id);
  ASSERT_EQ(del.status, 200) << del.body;
  json::value answer = json::parse(del.body);
  EXPECT_EQ(answer.at("deleted"), true);
  json::object event = Entry(answer.at("ledger_index").as_int64());
  EXPECT_EQ(event.at("type"), "party.deleted");
  EXPECT_EQ(event.at("payload").at("name"), "Crud Mistake Entry");
  ExpectError(s().Get("/api/v1/parties/" + id), 404, "not_found");
  EXPECT_TRUE(Items("/api/v1/parties?q=mistake").empty());
  EXPECT_NE(NewParty("crud mistake entry"), "");
}

// The party page's timeline: the ledger events about a party and what is filed under it,
// newest first, in pages; a contact sees only its own party's and only kinds it may read.
TEST_F(RegistryApiTest, PartyTimelineListsItsEventsNewestFirst) {
  std::string id = NewParty("Timeline Partners", "partner");
  json::object agreement = Create("/api/v1/parties/" + id + "/agreements", {{"type", "nda"}});
  PatchOk("/api/v1/parties/" + id, {{"status", "onboarding"}});
  json::array items = Items("/api/v1/parties/" + id + "/timeline", "auditor");
  ASSERT_EQ(items.size(), 3u) << json::serialize(items);
  EXPECT_EQ(items[0].at("type"), "party.status_changed");
  EXPECT_EQ(items[1].at("type"), "agreement.created");
  EXPECT_EQ(items[1].at("subject").at("id"), agreement.at("id"));
  EXPECT_EQ(items[1].at("subject").at("name"), "nda");
  EXPECT_EQ(items[2].at("subject").at("name"), "Timeline Partners");
  EXPECT_EQ(items[2].at("type"), "party.created");
  EXPECT_EQ(items[2].at("actor").at("role"), "security_officer");
  EXPECT_GT(items[0].at("index").as_int64(), items[1].at("index").as_int64());
  // The entry is the ledger's own.
  EXPECT_EQ(Entry(items[1].at("index").as_int64()).at("type"), "agreement.created");

  json::object first = GetObj("/api/v1/parties/" + id + "/timeline?limit=2");
  ASSERT_EQ(first.at("items").as_array().size(), 2u);
  ASSERT_TRUE(first.at("next_cursor").is_string());
  json::object rest = GetObj("/api/v1/parties/" + id + "/timeline?limit=2&cursor=" +
                             std::string(first.at("next_cursor").as_string()));
  ASSERT_EQ(rest.at("items").as_array().size(), 1u);
  EXPECT_EQ(rest.at("items").as_array()[0].at("type"), "party.created");

  ExpectError(Call("GET", "/api/v1/parties/pty_nope/timeline"), 404, "not_found");
  // Our timeline of a party is not for any party's contact (vendor_view_test.cc).
  ExpectError(Call("GET", "/api/v1/parties/" + id + "/timeline", "", "third_party_contact"), 403,
              "forbidden");
  ExpectError(Call("GET", "/api/v1/parties/" + id + "/timeline?limit=0"), 422, "validation_failed");
}

struct ChildCase {
  std::string collection;  // under /api/v1/parties/{id}/
  std::string kind;        // event subject kind
  std::string prefix;
  json::object create;
  json::object patch;
};

// A read adds what the reader may do now (an agreement's allowed_actions); a write answers
// the stored state.
json::object Stored(json::object read) {
  read.erase("allowed_actions");
  return read;
}

TEST_F(RegistryApiTest, EveryChildKindHasCreateListGetPatchDelete) {
  std::string party = NewParty("Crud Child Holder", "subcontractor");
  std::string staging = StagingSystem();
  std::vector<ChildCase> cases = {
      {"services",
       "service",
       "svc_",
       {{"name", "Nightly sync"},
        {"handles_ephi", false},
        {"systems", json::array{staging.c_str()}}},
       {{"description", "Copies staging data overnight"}}},
      {"contacts",
       "contact",
       "cnt_",
       {{"name", "Jo Doe"}, {"email", "jo@child.example"}, {"phone", "+4712345678"}},
       {{"role", "incident contact"}}},
      {"agreements",
       "agreement",
       "agr_",
       {{"type", "nda"}, {"title", "Mutual NDA"}},
       {{"title", "Mutual NDA v2"}}},
      {"due-diligence",
       "due_diligence",
       "ddg_",
       {{"date", "2026-01-10"}, {"reviewer", "Security Officer"}, {"result", "passed"}},
       {{"result", "conditional"}}},
      {"controls",
       "control",
       "ctl_",
       {{"date", "2026-01-10"},
        {"reviewer", "Security Officer"},
        {"result", "passed"},
        {"name", "TLS everywhere"},
        {"type", "encryption_in_transit"}},
       {{"name", "TLS 1.3 everywhere"}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.collection);
    json::object o = Create("/api/v1/parties/" + party + "/" + c.collection, c.create);
    ASSERT_TRUE(o.contains("id"));
    std::string id = Str(o.at("id"));
    EXPECT_TRUE(id.starts_with(c.prefix)) << id;
    EXPECT_EQ(o.at("party_id"), party.c_str());
    EXPECT_EQ(Entry(o.at("ledger_index").as_int64()).at("type"), json::value(c.kind + ".created"));
    std::string item = "/api/v1/" + c.collection + "/" + id;
    EXPECT_EQ(Stored(GetObj(item)), o);
    json::array listed = Items("/api/v1/parties/" + party + "/" + c.collection);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(Stored(listed[0].as_object()), o);

    json::object patched = PatchOk(item, c.patch);
    for (const auto& [key, value] : c.patch) EXPECT_EQ(patched.at(key), value) << key;
    EXPECT_EQ(patched.at("version"), 2);
    EXPECT_EQ(Entry(patched.at("ledger_index").as_int64()).at("type"),
              json::value(c.kind + ".updated"));
    EXPECT_EQ(Stored(GetObj(item)), patched);

    HttpResult del = Call("DELETE", item);
    ASSERT_EQ(del.status, 200) << del.body;
    EXPECT_EQ(Entry(json::parse(del.body).at("ledger_index").as_int64()).at("type"),
              json::value(c.kind + ".deleted"));
    ExpectError(s().Get(item), 404, "not_found");
    EXPECT_TRUE(Items("/api/v1/parties/" + party + "/" + c.collection).empty());
  }
}

TEST_F(RegistryApiTest, SystemsHaveTheSameShape) {
  json::object sys = Create("/api/v1/systems", {{"name", "Crud Build Farm"},
                                                {"environment", "development"},
                                                {"contains_ephi", false},
                                                {"owner", "Engineering"}});
  ASSERT_TRUE(sys.contains("id"));
  std::string item = "/api/v1/systems/" + Str(sys.at("id"));
  EXPECT_TRUE(Str(sys.at("id")).starts_with("sys_"));
  EXPECT_EQ(Entry(sys.at("ledger_index").as_int64()).at("type"), "system.created");
  EXPECT_EQ(GetObj(item), sys);
  EXPECT_EQ(ItemNames("/api/v1/systems?environment=development&q=crud"),
            std::vector<std::string>{"Crud Build Farm"});
  EXPECT_EQ(PatchOk(item, {{"infrastructure", true}}).at("infrastructure"), true);
  ASSERT_EQ(Call("DELETE", item).status, 200);
  ExpectError(s().Get(item), 404, "not_found");
}

TEST_F(RegistryApiTest, ObjectsOfAnUnknownPartyAreNotFound) {
  uint64_t before = LedgerSize();
  for (const char* collection :
       {"services", "contacts", "agreements", "due-diligence", "controls", "documents"}) {
    SCOPED_TRACE(collection);
    std::string under = std::string("/api/v1/parties/pty_nope/") + collection;
    ExpectError(s().Get(under), 404, "not_found");
    if (std::string(collection) != "documents") {
      ExpectError(Call("POST", under, R"({"name": "x"})"), 404, "not_found");
    }
    std::string item = std::string("/api/v1/") + collection + "/xyz_nope";
    ExpectError(s().Get(item), 404, "not_found");
    if (std::string(collection) != "documents") {
      ExpectError(Call("PATCH", item, R"({"name": "x"})"), 404, "not_found");
      ExpectError(Call("DELETE", item), 404, "not_found");
    }
  }
  ExpectNothingWrittenSince(before, "objects of an unknown party");
}

// --- bad input -------------------------------------------------------------------------------

struct BadCase {
  std::string method;
  std::string target;
  std::string body;
  int status;
  std::string code;
  std::string field;
};

TEST_F(RegistryApiTest, BadInputIsRefusedWithTheFieldAndWritesNothing) {
  std::string party = NewParty("Bad Input Clinic");
  std::string other = NewParty("Bad Input Neighbour");
  std::string staging = StagingSystem();
  std::string agreement =
      Str(Create("/api/v1/parties/" + party + "/agreements", {{"type", "baa"}}).at("id"));
  std::string contact = Str(Create("/api/v1/parties/" + party + "/contacts",
                                   {{"name", "Desk"}, {"email", "desk@badinput.example"}})
                                .at("id"));
  std::string other_doc =
      UploadPdf("/api/v1/parties/" + other + "/documents", "soc2.pdf", PdfBytes("neighbour"));
  const std::string P = "/api/v1/parties";
  const std::string C = P + "/" + party;
  const std::vector<BadCase> cases = {
      {"POST", P, R"({"kind": "customer"})", 422, "validation_failed", "name"},
      {"POST", P, R"({"name": "X1", "kind": "customer", "colour": "red"})", 422,
       "validation_failed", "colour"},
      {"POST", P, R"({"name": "X1", "kind": "vendor"})", 422, "validation_failed", "kind"},
      {"POST", P, R"({"name": "X1", "kind": "customer", "id": "pty_mine"})", 422,
       "validation_failed", "id"},
      {"POST", P, R"({"name": "X1", "kind": "customer", "status": "gone"})", 422,
       "validation_failed", "status"},
      {"POST", P, R"({"name": "X1", "kind": "customer", "data_categories": ["ephi", "dna"]})", 422,
       "validation_failed", "data_categories[1]"},
      {"POST", P, R"({"name": "X1\nX2", "kind": "customer"})", 422, "validation_failed", "name"},
      {"POST", P, R"({"name": "", "kind": "customer"})", 422, "validation_failed", "name"},
      {"POST", P, R"({"name": "X1", "kind": "customer", "public_subprocessor": "yes"})", 422,
       "validation_failed", "public_subprocessor"},
      {"POST", P, R"({not json)", 400, "malformed_json", "body"},
      {"POST", P, "", 400, "malformed_json", "body"},
      {"POST", P, R"([{"name": "X1", "kind": "customer"}])", 422, "validation_failed", "body"},
      // Names are unique without regard to case (409 names the field).
      {"POST", P, R"({"name": "RELAY sms", "kind": "partner"})", 409, "conflict", "name"},
      {"POST", P, R"({"name": "bad input CLINIC", "kind": "partner"})", 409, "conflict", "name"},
      {"POST", "/api/v1/systems",
       R"js({"name": "luma PLATFORM (staging)", "environment": "staging", "contains_ephi": false,
           "owner": "x"})js",
       409, "conflict", "name"},
      {"POST", "/api/v1/systems", R"({"name": "S1", "environment": "staging", "owner": "x"})", 422,
       "validation_failed", "contains_ephi"},
      {"POST", "/api/v1/systems",
       R"({"name": "S1", "environment": "prod", "contains_ephi": true, "owner": "x"})", 422,
       "validation_failed", "environment"},
      {"POST", C + "/agreements",
       R"({"type": "sla", "effective_at": "2026-06-01", "expires_at": "2025-06-01"})", 422,
       "validation_failed", "expires_at"},
      {"POST", C + "/agreements",
       R"({"type": "baa", "status": "executed", "effective_at": "2026-06-01"})", 422,
       "validation_failed", "baa.safeguards"},
      {"POST", C + "/agreements", R"({"type": "contract"})", 422, "validation_failed", "type"},
      {"POST", C + "/agreements", R"({"type": "nda", "renewal_notice_days": -1})", 422,
       "validation_failed", "renewal_notice_days"},
      {"POST", C + "/agreements", R"({"type": "nda", "effective_at": "June 1st"})", 422,
       "validation_failed", "effective_at"},
      {"POST", C + "/agreements", R"({"type": "baa", "baa": {"safeguards": "yes"}})", 422,
       "validation_failed", "baa.safeguards"},
      {"POST", C + "/services",
       R"({"name": "Sync", "handles_ephi": false, "systems": ["sys_nope"]})", 422,
       "validation_failed", "systems[0]"},
      {"POST", C + "/services",
       R"({"name": "Sync", "handles_ephi": false, "systems": [")" + staging + R"(", "sys_gone"]})",
       422, "validation_failed", "systems[1]"},
      {"POST", C + "/services", R"({"name": "Sync"})", 422, "validation_failed", "handles_ephi"},
      {"POST", C + "/controls",
       R"({"date": "2026-01-01", "reviewer": "SO", "result": "passed", "name": "Change window",
           "type": "infrastructure_permission", "system_id": "sys_nope"})",
       422, "validation_failed", "system_id"},
      {"POST", C + "/controls",
       R"({"date": "2026-01-01", "reviewer": "SO", "result": "passed", "name": "Change window",
           "type": "infrastructure_permission"})",
       422, "validation_failed", "system_id"},
      {"POST", C + "/controls",
       R"({"date": "2026-01-01", "reviewer": "SO", "result": "passed", "name": "Pen test",
           "type": "penetration_test", "evidence": ["doc_nope"]})",
       422, "validation_failed", "evidence[0]"},
      // Evidence must be the party's own document, not a neighbour's.
      {"POST", C + "/controls",
       R"({"date": "2026-01-01", "reviewer": "SO", "result": "passed", "name": "Pen test",
           "type": "penetration_test", "evidence": [")" +
           other_doc + R"("]})",
       422, "validation_failed", "evidence[0]"},
      {"POST", C + "/due-diligence",
       R"({"date": "2026-01-01", "reviewer": "SO", "result": "passed", "evidence": ["doc_x"]})",
       422, "validation_failed", "evidence[0]"},
      {"POST", C + "/due-diligence",
       R"({"date": "yesterday", "reviewer": "SO", "result": "passed"})", 422, "validation_failed",
       "date"},
      {"POST", C + "/due-diligence", R"({"date": "2026-01-01", "reviewer": "SO", "result": "ok"})",
       422, "validation_failed", "result"},
      {"POST", C + "/contacts", R"({"name": "A", "email": "not-an-email"})", 422,
       "validation_failed", "email"},
      {"POST", C + "/contacts", R"({"name": "A", "email": "a@x.example", "phone": "555-0100"})",
       422, "validation_failed", "phone"},
      {"POST", C + "/contacts", R"({"name": "A", "email": "a@x.example", "party_id": "x"})", 422,
       "validation_failed", "party_id"},
      {"PATCH", C, R"({"name": "relay SMS"})", 409, "conflict", "name"},
      {"PATCH", C, R"({"status": "active"})", 422, "validation_failed", "status"},
      {"PATCH", C, R"({"status": null})", 422, "validation_failed", "status"},
      {"PATCH", C, R"({"name": null})", 422, "validation_failed", "name"},
      {"PATCH", C, R"({"risk_tier": "low"})", 422, "validation_failed", "risk_tier"},
      {"PATCH", C, R"({"kind": "vendor"})", 422, "validation_failed", "kind"},
      {"PATCH", C, R"({)", 400, "malformed_json", "body"},
      {"PATCH", "/api/v1/agreements/" + agreement, R"({"status": "expired"})", 422,
       "validation_failed", "status"},
      {"PATCH", "/api/v1/agreements/" + agreement, R"({"status": "executed"})", 422,
       "validation_failed", "effective_at"},
      {"PATCH", "/api/v1/contacts/" + contact, R"({"email": null})", 422, "validation_failed",
       "email"},
      {"PATCH", P + "/pty_nope", R"({"name": "x"})", 404, "not_found", ""},
      {"DELETE", P + "/pty_nope", "", 404, "not_found", ""},
      {"GET", P + "?as_of=yesterday", "", 422, "validation_failed", "as_of"},
      {"GET", P + "?limit=0", "", 422, "validation_failed", "limit"},
      {"GET", P + "?limit=501", "", 422, "validation_failed", "limit"},
      {"GET", P + "?cursor=not-a-cursor", "", 422, "validation_failed", "cursor"},
  };
  uint64_t before = LedgerSize();
  for (const auto& c : cases) {
    SCOPED_TRACE(c.method + " " + c.target + " " + c.body);
    auto e = ExpectError(Call(c.method, c.target, c.body), c.status, c.code);
    if (!c.field.empty()) {
      EXPECT_EQ(FirstField(e), c.field) << json::serialize(e);
      // The message leads with the field so a person sees what to fix.
      if (e.contains("message")) {
        EXPECT_NE(Str(e.at("message")).find(c.field), std::string::npos) << e.at("message");
      }
    }
  }
  ExpectNothingWrittenSince(before, "refused requests");
  // The objects the refused requests aimed at are unchanged.
  json::object p = GetObj(C);
  EXPECT_EQ(p.at("name"), "Bad Input Clinic");
  EXPECT_EQ(p.at("version"), 1);
  EXPECT_EQ(GetObj("/api/v1/agreements/" + agreement).at("status"), "draft");
  EXPECT_EQ(ItemNames("/api/v1/parties?q=x1"), std::vector<std::string>{});
}

}  // namespace
}  // namespace accord::testing::registry_api
