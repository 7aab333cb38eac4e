// The third-party registry over HTTP (TP-1, TP-6, TP-7) as a client sees it: a real
// `accord serve --demo` process, one per suite. Every refused request is checked for the
// field it names and for leaving the ledger as it was.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "support/api_assert.h"
#include "support/api_server.h"
#include "support/shared_server_test.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

std::vector<std::string> ErrorFields(const json::object& e) {
  std::vector<std::string> out;
  if (!e.contains("details")) return out;
  for (const auto& d : e.at("details").as_array()) out.emplace_back(d.at("field").as_string());
  return out;
}

std::string Str(const json::value& v) { return std::string(v.as_string()); }

std::string UrlEncode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// A small PDF-looking payload: the magic, then arbitrary binary bytes.
std::string PdfBytes(std::string_view tag) {
  std::string pdf = "%PDF-1.7\n";
  pdf += tag;
  pdf += std::string("\x00\x01\xFF\xFE\n%%EOF\n", 11);
  return pdf;
}

std::vector<std::string> WithStore(std::vector<std::string> args, const ApiServer& server) {
  args.push_back("--data-dir");
  args.push_back(server.dir().str());
  args.push_back("--db");
  args.push_back(server.db_url());
  return args;
}

class RegistryApiTest : public SharedServerTest {
 protected:
  HttpResult Call(const std::string& method, const std::string& target,
                  const std::string& body = "", const std::string& role = "security_officer",
                  const std::string& content_type = "application/json") {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!content_type.empty()) headers.emplace_back("Content-Type", content_type);
    if (!role.empty()) headers.emplace_back("Authorization", "Bearer " + s().token(role));
    return HttpCall(s().port(), method, target, body, headers);
  }
  HttpResult CallAs(const std::string& token, const std::string& method, const std::string& target,
                    const std::string& body = "") {
    return HttpCall(s().port(), method, target, body,
                    {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}});
  }

  json::object Create(const std::string& target, const json::object& body,
                      const std::string& role = "security_officer") {
    HttpResult r = Call("POST", target, json::serialize(body), role);
    EXPECT_EQ(r.status, 201) << "POST " << target << " " << json::serialize(body) << ": " << r.body;
    if (r.status != 201) return {};
    return json::parse(r.body).as_object();
  }
  json::object PatchOk(const std::string& target, const json::object& body,
                       const std::string& role = "security_officer") {
    HttpResult r = Call("PATCH", target, json::serialize(body), role);
    EXPECT_EQ(r.status, 200) << "PATCH " << target << " " << json::serialize(body) << ": "
                             << r.body;
    if (r.status != 200) return {};
    return json::parse(r.body).as_object();
  }
  json::object GetObj(const std::string& target, const std::string& role = "security_officer") {
    json::value v = s().GetJson(target, role);
    return v.is_object() ? v.as_object() : json::object{};
  }
  json::array Items(const std::string& target, const std::string& role = "security_officer") {
    json::object page = GetObj(target, role);
    return page.contains("items") ? page.at("items").as_array() : json::array{};
  }
  std::vector<std::string> ItemNames(const std::string& target,
                                     const std::string& role = "security_officer") {
    std::vector<std::string> names;
    for (const auto& item : Items(target, role)) names.push_back(Str(item.at("name")));
    std::sort(names.begin(), names.end());
    return names;
  }

  std::string NewParty(const std::string& name, const std::string& kind = "customer",
                       json::object extra = {}) {
    extra["name"] = name;
    extra["kind"] = kind;
    json::object p = Create("/api/v1/parties", extra);
    return p.contains("id") ? Str(p.at("id")) : "";
  }
  // The id of the live object of `collection` with exactly this name.
  std::string IdByName(const std::string& collection, const std::string& name) {
    for (const auto& item : Items("/api/v1/" + collection + "?limit=500&q=" + UrlEncode(name))) {
      if (item.at("name") == name.c_str()) return Str(item.at("id"));
    }
    ADD_FAILURE() << "no " << collection << " named " << name;
    return "";
  }
  json::object Entry(int64_t index) {
    return GetObj("/api/v1/ledger/entries/" + std::to_string(index)).at("event").as_object();
  }

  // The ledger's size now: the checkpoint may lag by a second, so probe entries past it.
  uint64_t LedgerSize() {
    auto exists = [&](uint64_t i) {
      HttpResult r = s().Get("/api/v1/ledger/entries/" + std::to_string(i));
      EXPECT_TRUE(r.status == 200 || r.status == 404) << r.body;
      return r.status == 200;
    };
    uint64_t lo = 0;  // entries below lo exist
    HttpResult cp = s().Get("/api/v1/ledger/checkpoint");
    if (cp.status == 200) lo = json::parse(cp.body).at("size").to_number<uint64_t>();
    uint64_t hi = lo, step = 1;
    while (exists(hi)) {
      lo = hi + 1;
      hi = lo + step;
      step *= 2;
    }
    while (lo < hi) {  // entries below lo exist, hi does not
      uint64_t mid = lo + (hi - lo) / 2;
      if (exists(mid)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
  // Nothing but the demo's own expiry sweep wrote to the ledger since `before`.
  void ExpectNothingWrittenSince(uint64_t before, const std::string& what) {
    uint64_t after = LedgerSize();
    for (uint64_t i = before; i < after; ++i) {
      json::object event = Entry(static_cast<int64_t>(i));
      // The demo seeds a two-minute grant that expires by itself while the suite runs.
      EXPECT_EQ(event.at("type"), "grant.expired")
          << what << ": entry " << i << " " << json::serialize(event);
    }
  }

  std::string StagingSystem() { return IdByName("systems", "Luma platform (staging)"); }
  std::string UploadPdf(const std::string& target, const std::string& filename,
                        const std::string& bytes, const std::string& role = "security_officer") {
    HttpResult r =
        Call("POST", target + "?filename=" + UrlEncode(filename), bytes, role, "application/pdf");
    EXPECT_EQ(r.status, 201) << target << ": " << r.body;
    return r.status == 201 ? Str(json::parse(r.body).at("id")) : "";
  }
};

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
    EXPECT_EQ(GetObj(item), o);
    json::array listed = Items("/api/v1/parties/" + party + "/" + c.collection);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0], o);

    json::object patched = PatchOk(item, c.patch);
    for (const auto& [key, value] : c.patch) EXPECT_EQ(patched.at(key), value) << key;
    EXPECT_EQ(patched.at("version"), 2);
    EXPECT_EQ(Entry(patched.at("ledger_index").as_int64()).at("type"),
              json::value(c.kind + ".updated"));
    EXPECT_EQ(GetObj(item), patched);

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

// --- documents ----------------------------------------------------------------------------------

TEST_F(RegistryApiTest, DocumentsRoundTripByteForByte) {
  std::string party = NewParty("Document Holder Clinic");
  std::string agreement =
      Str(Create("/api/v1/parties/" + party + "/agreements", {{"type", "baa"}}).at("id"));
  std::string bytes = PdfBytes("first version");
  HttpResult up = Call("POST",
                       "/api/v1/agreements/" + agreement +
                           "/documents?filename=" + UrlEncode("../../BAA signed.pdf"),
                       bytes, "privacy_officer", "application/pdf");
  ASSERT_EQ(up.status, 201) << up.body;
  json::object doc = json::parse(up.body).as_object();
  std::string sha = HexEncode(Sha256(bytes));
  EXPECT_EQ(doc.at("sha256"), sha.c_str());
  EXPECT_EQ(doc.at("size"), static_cast<int64_t>(bytes.size()));
  EXPECT_EQ(doc.at("content_type"), "application/pdf");
  EXPECT_EQ(doc.at("filename"), "BAA signed.pdf");  // the path is dropped
  EXPECT_EQ(doc.at("agreement_id"), agreement.c_str());
  EXPECT_EQ(doc.at("party_id"), party.c_str());
  EXPECT_EQ(doc.at("version"), 1);
  json::object event = Entry(doc.at("ledger_index").as_int64());
  EXPECT_EQ(event.at("type"), "document.uploaded");
  EXPECT_EQ(event.at("payload").at("state").at("sha256"), sha.c_str());

  std::string id = Str(doc.at("id"));
  HttpResult content = s().Get("/api/v1/documents/" + id + "/content", "auditor");
  ASSERT_EQ(content.status, 200) << content.body;
  EXPECT_EQ(content.body, bytes);
  EXPECT_EQ(content.Header("X-Content-SHA256"), sha);
  EXPECT_EQ(content.Header("Content-Disposition"), "attachment; filename=\"BAA signed.pdf\"");
  EXPECT_EQ(content.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(content.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(GetObj("/api/v1/documents/" + id), doc);

  // A second upload is the agreement's next version; both stay listed, oldest first.
  json::object v2 =
      json::parse(Call("POST", "/api/v1/agreements/" + agreement + "/documents?filename=baa-v2.pdf",
                       PdfBytes("second version"), "security_officer",
                       "application/pdf; charset=binary")
                      .body)
          .as_object();
  EXPECT_EQ(v2.at("version"), 2);
  json::array versions = Items("/api/v1/agreements/" + agreement + "/documents");
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].at("id"), id.c_str());
  EXPECT_EQ(versions[1].at("id"), v2.at("id"));
  EXPECT_EQ(Items("/api/v1/parties/" + party + "/documents").size(), 2u);

  // A text file keeps its type; identical bytes uploaded twice are two documents.
  HttpResult txt = Call("POST", "/api/v1/parties/" + party + "/documents?filename=notes.txt",
                        "Reviewed on site.\n", "security_officer", "text/plain; charset=utf-8");
  ASSERT_EQ(txt.status, 201) << txt.body;
  EXPECT_EQ(json::parse(txt.body).at("content_type"), "text/plain");
  EXPECT_NE(UploadPdf("/api/v1/parties/" + party + "/documents", "copy.pdf", bytes), id);
}

TEST_F(RegistryApiTest, UploadsAreLimitedInSizeAndType) {
  std::string party = NewParty("Upload Limits Clinic");
  std::string agreement =
      Str(Create("/api/v1/parties/" + party + "/agreements", {{"type", "nda"}}).at("id"));
  const std::string up = "/api/v1/agreements/" + agreement + "/documents";
  uint64_t before = LedgerSize();

  std::string too_big = PdfBytes("big");
  too_big.resize(25u * 1024 * 1024 + 1, 'x');
  auto e = ExpectError(
      Call("POST", up + "?filename=big.pdf", too_big, "security_officer", "application/pdf"), 413,
      "payload_too_large");

  struct TypeCase {
    std::string content_type, filename, body, field;
  };
  const std::vector<TypeCase> cases = {
      {"text/html", "page.html", "<!DOCTYPE html><html><script>alert(1)</script></html>", "file"},
      {"text/html", "page.pdf", PdfBytes("declared html"), "content_type"},
      {"text/plain", "page.txt", "  <html><body onload=alert(1)></body></html>", "file"},
      {"image/svg+xml", "logo.svg",
       "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "file"},
      {"text/plain", "logo.txt", "<?xml version=\"1.0\"?><svg/>", "file"},
      {"application/octet-stream", "setup.exe", std::string("MZ\x90\x00\x03\x00", 6), "file"},
      {"application/pdf", "setup.pdf", std::string("MZ\x90\x00\x03\x00", 6), "file"},
      {"text/plain", "run.txt", "#!/bin/sh\nrm -rf /\n", "file"},
      {"application/pdf", "invoice.exe", PdfBytes("renamed"), "filename"},
      {"application/pdf", "invoice.html", PdfBytes("renamed"), "filename"},
      {"image/png", "scan.png", PdfBytes("not a png"), "file"},
      {"application/pdf", "empty.pdf", "", "file"},
      {"", "nothing.pdf", PdfBytes("no type"), "content_type"},
      {"application/pdf", "", PdfBytes("no name"), "filename"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.content_type + " " + c.filename);
    std::string target = up + (c.filename.empty() ? "" : "?filename=" + UrlEncode(c.filename));
    auto err = ExpectError(Call("POST", target, c.body, "security_officer", c.content_type), 422,
                           "validation_failed");
    EXPECT_EQ(FirstField(err), c.field) << json::serialize(err);
  }
  // Unknown parents are 404 even with a good document.
  ExpectError(Call("POST", "/api/v1/agreements/agr_nope/documents?filename=a.pdf", PdfBytes("x"),
                   "security_officer", "application/pdf"),
              404, "not_found");
  ExpectNothingWrittenSince(before, "refused uploads");
  EXPECT_TRUE(Items(up).empty());

  // Exactly the limit is accepted.
  std::string at_limit = PdfBytes("limit");
  at_limit.resize(25u * 1024 * 1024, 'x');
  HttpResult ok =
      Call("POST", up + "?filename=limit.pdf", at_limit, "security_officer", "application/pdf");
  ASSERT_EQ(ok.status, 201) << ok.body.substr(0, 500);
  EXPECT_EQ(json::parse(ok.body).at("size"), static_cast<int64_t>(at_limit.size()));
}

// --- CSV import and export
// -------------------------------------------------------------------------

TEST_F(RegistryApiTest, CsvImportIsAllOrNothingWithLineNumbers) {
  const std::string import = "/api/v1/parties/import";
  uint64_t before = LedgerSize();
  auto csv = [&](const std::string& target, const std::string& body,
                 const std::string& type = "text/csv") {
    return Call("POST", target, body, "security_officer", type);
  };
  auto e = ExpectError(csv(import, "name,kind\nCsv A,customer\n", "application/json"), 422,
                       "validation_failed");
  EXPECT_EQ(FirstField(e), "content_type");
  e = ExpectError(csv(import, "name,kind\nCsv A,customer\n\"Csv Unclosed,partner\n"), 422,
                  "validation_failed");
  ASSERT_FALSE(e.at("details").as_array().empty());
  EXPECT_EQ(e.at("details").at(0).at("line"), 3) << json::serialize(e);
  e = ExpectError(csv(import, "name,kind,colour\nCsv A,customer,red\n"), 422, "validation_failed");
  EXPECT_EQ(FirstField(e), "header");
  EXPECT_EQ(e.at("details").at(0).at("line"), 1);
  e = ExpectError(csv(import, "name\nCsv A\n"), 422, "validation_failed");
  EXPECT_EQ(FirstField(e), "header");
  e = ExpectError(csv(import, "name,kind\nCsv A,customer,extra\n"), 422, "validation_failed");
  EXPECT_EQ(e.at("details").at(0).at("line"), 2);
  e = ExpectError(csv(import, ""), 422, "validation_failed");
  e = ExpectError(csv(import + "?skip_invalid=maybe", "name,kind\nCsv A,customer\n"), 422,
                  "validation_failed");
  EXPECT_EQ(FirstField(e), "skip_invalid");

  const std::string file =
      "name,kind,status,infrastructure_partner,data_categories\r\n"
      "Csv Import One,customer,active,no,ephi;pii\r\n"
      "Csv Import Two,vendor,active,no,\r\n"
      "Csv Import Three,partner,onboarding,maybe,\r\n"
      "relay SMS,subcontractor,,,\r\n"
      "Csv Import Four,partner,,yes,pii\r\n"
      "csv import one,partner,,,\r\n";
  e = ExpectError(csv(import, file), 422, "validation_failed");
  std::map<int, std::string> by_line;
  for (const auto& d : e.at("details").as_array()) {
    by_line[static_cast<int>(d.at("line").as_int64())] = Str(d.at("field"));
  }
  EXPECT_EQ(by_line, (std::map<int, std::string>{
                         {3, "kind"}, {4, "infrastructure_partner"}, {5, "name"}, {7, "name"}}))
      << json::serialize(e);
  EXPECT_NE(Str(e.at("message")).find("nothing was imported"), std::string::npos);
  EXPECT_TRUE(Items("/api/v1/parties?q=csv%20import").empty());
  ExpectNothingWrittenSince(before, "refused imports");

  HttpResult skipped = csv(import + "?skip_invalid=true", file);
  ASSERT_EQ(skipped.status, 201) << skipped.body;
  json::value report = json::parse(skipped.body);
  EXPECT_EQ(report.at("imported"), 2);
  std::vector<int> lines;
  for (const auto& row : report.at("skipped").as_array()) {
    lines.push_back(static_cast<int>(row.at("line").as_int64()));
  }
  EXPECT_EQ(lines, (std::vector<int>{3, 4, 5, 7}));
  EXPECT_EQ(ItemNames("/api/v1/parties?q=csv%20import"),
            (std::vector<std::string>{"Csv Import Four", "Csv Import One"}));
  json::array one = Items("/api/v1/parties?q=csv%20import%20one");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].at("status"), "active");
  EXPECT_EQ(one[0].at("data_categories"), (json::array{"ephi", "pii"}));
  EXPECT_EQ(Entry(one[0].at("ledger_index").as_int64()).at("payload").at("source"), "csv_import");

  HttpResult out = s().Get("/api/v1/parties/export", "auditor");
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_TRUE(out.Header("Content-Type").starts_with("text/csv"));
  EXPECT_NE(out.Header("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_TRUE(out.body.starts_with("id,name,kind,")) << out.body.substr(0, 200);
  EXPECT_NE(out.body.find("Csv Import Four,partner,"), std::string::npos);
  EXPECT_NE(out.body.find("ephi;pii"), std::string::npos);
  // The export's own columns import again (id and risk_tier are recomputed).
  std::string header = out.body.substr(0, out.body.find("\r\n"));
  HttpResult again =
      csv(import, header + "\r\n,Csv Export Roundtrip,customer,,,,,,,,,,,,,high\r\n");
  EXPECT_EQ(again.status, 201) << again.body;
  ExpectError(csv(import, file, "text/csv"), 422, "validation_failed");  // now all duplicates
  ExpectError(Call("POST", import, file, "staff", "text/csv"), 403, "forbidden");
  ExpectError(s().Get("/api/v1/parties/export", "third_party_contact"), 403, "forbidden");
}

// --- as_of, search, pages ------------------------------------------------------------------------

TEST_F(RegistryApiTest, AsOfShowsTheStateBeforeLaterChanges) {
  json::object p =
      Create("/api/v1/parties", {{"name", "Asof Original Name"}, {"kind", "customer"}});
  std::string id = Str(p.at("id"));
  int64_t created = p.at("ledger_index").as_int64() + 1;  // ledger size right after creation
  PatchOk("/api/v1/parties/" + id, {{"name", "Asof Renamed Entity"}, {"status", "onboarding"}});
  std::string at = "?as_of=" + std::to_string(created);

  json::object then = GetObj("/api/v1/parties/" + id + at);
  EXPECT_EQ(then.at("name"), "Asof Original Name");
  EXPECT_EQ(then.at("status"), "prospect");
  EXPECT_EQ(then.at("version"), 1);
  EXPECT_EQ(GetObj("/api/v1/parties/" + id).at("name"), "Asof Renamed Entity");
  ExpectError(s().Get("/api/v1/parties/" + id + "?as_of=" + std::to_string(created - 1)), 404,
              "not_found");
  EXPECT_EQ(ItemNames("/api/v1/parties" + at + "&q=asof"),
            std::vector<std::string>{"Asof Original Name"});
  EXPECT_EQ(ItemNames("/api/v1/parties" + at + "&q=asof&status=prospect"),
            std::vector<std::string>{"Asof Original Name"});
  EXPECT_EQ(ItemNames("/api/v1/parties" + at + "&q=renamed"), std::vector<std::string>{});
  EXPECT_EQ(ItemNames("/api/v1/parties?q=original"), std::vector<std::string>{});
  EXPECT_EQ(ItemNames("/api/v1/parties?q=asof&status=onboarding"),
            std::vector<std::string>{"Asof Renamed Entity"});

  // An agreement executed later reads as the draft it was.
  json::object draft =
      Create("/api/v1/parties/" + id + "/agreements",
             {{"type", "baa"},
              {"effective_at", "2026-01-01"},
              {"baa",
               {{"safeguards", true},
                {"subcontractor_flow_down", true},
                {"incident_reporting", true},
                {"responsibilities", "Each party secures ePHI in its custody."}}}});
  std::string agreement = Str(draft.at("id"));
  std::string drafted = "?as_of=" + std::to_string(draft.at("ledger_index").as_int64() + 1);
  EXPECT_EQ(PatchOk("/api/v1/agreements/" + agreement, {{"status", "executed"}}).at("status"),
            "executed");
  EXPECT_EQ(GetObj("/api/v1/agreements/" + agreement + drafted).at("status"), "draft");
  json::array listed = Items("/api/v1/parties/" + id + "/agreements" + drafted);
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].at("status"), "draft");
  EXPECT_EQ(Items("/api/v1/parties/" + id + "/agreements?status=executed").size(), 1u);
  EXPECT_EQ(Items("/api/v1/parties/" + id + "/agreements" + drafted + "&status=executed").size(),
            0u);
  // The party did not exist yet when its history began: its children are 404 then too.
  ExpectError(s().Get("/api/v1/parties/" + id + "/agreements?as_of=" + std::to_string(created - 1)),
              404, "not_found");

  // Deleted objects stay visible as of a size before the delete.
  std::string contact = Str(Create("/api/v1/parties/" + id + "/contacts",
                                   {{"name", "Asof Desk"}, {"email", "desk@asof.example"}})
                                .at("id"));
  std::string before_delete = "?as_of=" + std::to_string(LedgerSize());
  ASSERT_EQ(Call("DELETE", "/api/v1/contacts/" + contact).status, 200);
  ExpectError(s().Get("/api/v1/contacts/" + contact), 404, "not_found");
  EXPECT_EQ(GetObj("/api/v1/contacts/" + contact + before_delete).at("name"), "Asof Desk");
  EXPECT_EQ(Items("/api/v1/parties/" + id + "/contacts" + before_delete).size(), 1u);
  EXPECT_TRUE(Items("/api/v1/parties/" + id + "/contacts").empty());

  std::string gone = NewParty("Asof Short Lived");
  std::string alive = "?as_of=" + std::to_string(LedgerSize());
  ASSERT_EQ(Call("DELETE", "/api/v1/parties/" + gone).status, 200);
  EXPECT_EQ(GetObj("/api/v1/parties/" + gone + alive).at("name"), "Asof Short Lived");
  EXPECT_EQ(ItemNames("/api/v1/parties" + alive + "&q=short"),
            std::vector<std::string>{"Asof Short Lived"});
  EXPECT_EQ(ItemNames("/api/v1/parties?q=short"), std::vector<std::string>{});
}

TEST_F(RegistryApiTest, SearchMatchesWordPrefixesWithoutRegardToCase) {
  NewParty("Quokka Analytics Group");
  NewParty("Analytic Quokkas Ltd", "partner");
  std::string quoll = NewParty("Quollster, Inc.");
  using V = std::vector<std::string>;
  EXPECT_EQ(ItemNames("/api/v1/parties?q=quok"),
            (V{"Analytic Quokkas Ltd", "Quokka Analytics Group"}));
  EXPECT_EQ(ItemNames("/api/v1/parties?q=QUOKKA"),
            (V{"Analytic Quokkas Ltd", "Quokka Analytics Group"}));
  EXPECT_EQ(ItemNames("/api/v1/parties?q=quo").size(), 3u);
  // Whole words only count from their start: "Analytic" is not "analytics".
  EXPECT_EQ(ItemNames("/api/v1/parties?q=analytics"),
            (V{"Harbor Health Analytics", "Quokka Analytics Group"}));
  EXPECT_EQ(ItemNames("/api/v1/parties?q=quokka%20gro"), (V{"Quokka Analytics Group"}));
  EXPECT_EQ(ItemNames("/api/v1/parties?q=group%20quok"), (V{"Quokka Analytics Group"}));
  EXPECT_EQ(ItemNames("/api/v1/parties?q=inc"), (V{"Quollster, Inc."}));
  EXPECT_EQ(ItemNames("/api/v1/parties?q=roup"), V{});  // inside a word, not a prefix
  EXPECT_EQ(ItemNames("/api/v1/parties?q=%21%21"), V{});
  EXPECT_EQ(ItemNames("/api/v1/parties?q=quok&kind=partner"), (V{"Analytic Quokkas Ltd"}));

  // A renamed party is found by its new name only.
  PatchOk("/api/v1/parties/" + quoll, {{"name", "Wombat Works"}});
  EXPECT_EQ(ItemNames("/api/v1/parties?q=quoll"), V{});
  EXPECT_EQ(ItemNames("/api/v1/parties?q=wombat"), (V{"Wombat Works"}));
  EXPECT_EQ(ItemNames("/api/v1/parties?q=quo").size(), 2u);
  // Other kinds search their own names.
  EXPECT_EQ(ItemNames("/api/v1/systems?q=STAG"), (V{"Luma platform (staging)"}));
}

TEST_F(RegistryApiTest, CursorPagesWalkEveryObjectOnce) {
  for (int i = 1; i <= 7; ++i) NewParty("Paging Test " + std::to_string(i), "partner");
  auto walk = [&](const std::string& base, int limit) {
    std::vector<std::string> ids;
    std::vector<size_t> sizes;
    std::string cursor;
    for (int page = 0; page < 200; ++page) {
      json::object v = GetObj(base + (base.find('?') == std::string::npos ? "?" : "&") + "limit=" +
                              std::to_string(limit) + (cursor.empty() ? "" : "&cursor=" + cursor));
      sizes.push_back(v.at("items").as_array().size());
      for (const auto& item : v.at("items").as_array()) ids.push_back(Str(item.at("id")));
      if (v.at("next_cursor").is_null()) break;
      cursor = Str(v.at("next_cursor"));
    }
    return std::make_pair(ids, sizes);
  };
  auto [paged, sizes] = walk("/api/v1/parties?q=paging", 3);
  EXPECT_EQ(sizes, (std::vector<size_t>{3, 3, 1}));
  EXPECT_EQ(std::set<std::string>(paged.begin(), paged.end()).size(), 7u);

  auto [all, all_sizes] = walk("/api/v1/parties", 4);
  std::set<std::string> unique(all.begin(), all.end());
  EXPECT_EQ(unique.size(), all.size()) << "a page repeated an object";
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
  json::array everything = Items("/api/v1/parties?limit=500");
  EXPECT_EQ(all.size(), everything.size());
  EXPECT_GE(all.size(), 27u);  // the demo's ~20 and this test's 7
  // Exactly a page's worth: the last page says there is nothing more.
  auto [exact, exact_sizes] = walk("/api/v1/parties?q=paging", 7);
  EXPECT_EQ(exact_sizes, (std::vector<size_t>{7}));
}

// --- who may do what
// ------------------------------------------------------------------------------

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
}  // namespace accord::testing
