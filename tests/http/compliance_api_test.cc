// Compliance status and the inheritance matrix over the API (issue 23), in process on the luma
// demo with a fake clock: a BAA expiring flips 164.308(b)(1) for that customer at exactly its
// end instant; a SOC 2 review lapsing flips TP-11; ?as_of= gives the old status; a customer's
// BAA overrides its matrix; the exports.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "accord/domain/compliance_catalog.h"
#include "accord/http/api.h"
#include "http/my_work_test.h"
#include "support/build_paths.h"
#include "support/temp_dir.h"

namespace accord::testing::my_work {
namespace {

class ComplianceApiTest : public MyWorkFixture {
 protected:
  ComplianceApiTest() { http::AddComplianceRoutes(router_, deps_); }

  std::string NewParty(const std::string& name, const std::string& kind, bool ephi,
                       bool infrastructure = false) {
    json::object body{{"name", name}, {"kind", kind}, {"status", "active"}};
    if (ephi) body["data_categories"] = json::array{"ephi"};
    if (infrastructure) body["infrastructure_partner"] = true;
    return Str(Post("/api/v1/parties", body)["id"]);
  }
  std::string Baa(const std::string& party, TimePoint expires, json::array inheritance = {}) {
    json::object checklist{{"safeguards", true},
                           {"subcontractor_flow_down", true},
                           {"incident_reporting", true},
                           {"responsibilities", "Each party secures the ePHI in its custody."}};
    if (!inheritance.empty()) checklist["inheritance"] = std::move(inheritance);
    return Str(
        Post("/api/v1/parties/" + party + "/agreements", {{"type", "baa"},
                                                          {"title", "Business associate agreement"},
                                                          {"status", "executed"},
                                                          {"effective_at", At(Now() - days(30))},
                                                          {"expires_at", At(expires)},
                                                          {"baa", checklist}})["id"]);
  }
  json::object Control(const std::string& id, const std::string& query = "") {
    return Get("/api/v1/compliance/controls/" + id + query);
  }
  std::string StatusOf(const std::string& id, const std::string& query = "") {
    return Str(Control(id, query).at("status"));
  }
  // The evidence items of one source on a control's page.
  std::vector<json::object> EvidenceOf(const json::object& page, const std::string& source) {
    std::vector<json::object> out;
    for (const auto& s : page.at("implemented_by").as_array()) {
      if (Str(s.at("source")) != source) continue;
      for (const auto& i : s.at("items").as_array()) out.push_back(i.as_object());
    }
    return out;
  }
  uint64_t Size() { return f_.LedgerSize(); }
};

TEST_F(ComplianceApiTest, EveryHipaaSpecificationHasAComputedStatus) {
  json::object list = Get("/api/v1/compliance/controls?framework=hipaa");
  const json::array& items = list.at("items").as_array();
  EXPECT_EQ(items.size(), 65u) << "22 standards and 43 specifications";
  for (const auto& i : items) {
    EXPECT_FALSE(Str(i.at("status")).empty()) << i.at("id");
  }
  EXPECT_EQ(Str(list.at("profile").at("name")), "luma");
  // Luma's host carries the physical safeguards: inherited, not "not mapped".
  EXPECT_EQ(StatusOf("164.310(a)(1)"), "inherited");
  EXPECT_EQ(StatusOf("164.314(b)(1)"), "not_applicable");
  EXPECT_EQ(StatusOf("164.308(a)(7)(ii)(A)"), "documented") << "backups: done outside Accord";
  EXPECT_EQ(StatusOf("TP-7"), "operating") << "enforced: tenant isolation";
  // Bad input: 4xx with the field.
  EXPECT_EQ(Call("GET", "/api/v1/compliance/controls?framework=iso").status, 422);
  EXPECT_EQ(Call("GET", "/api/v1/compliance/controls?as_of=0").status, 422);
  EXPECT_EQ(Call("GET", "/api/v1/compliance/controls/164.999(a)").status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/compliance/controls?party_id=pty_nobody").status, 404);
  // Staff and a party's contact may not read it.
  EXPECT_EQ(Call("GET", "/api/v1/compliance/controls", {}, "staff").status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/compliance/matrix", {}, "third_party_contact").status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/compliance/controls", {}, "auditor").status, 200);
}

TEST_F(ComplianceApiTest, ABaaExpiringFlipsTheBusinessAssociateStandardAtItsEndInstant) {
  std::string elm = NewParty("Elm Street Clinic", "customer", true);
  TimePoint end = Now() + days(10);
  std::string baa = Baa(elm, end);
  std::string mine = "?party_id=" + elm;
  json::object page = Control("164.308(b)(1)", mine);
  EXPECT_EQ(Str(page.at("status")), "operating");
  auto evidence = EvidenceOf(page, "workflow:baa_in_force");
  ASSERT_EQ(evidence.size(), 1u);
  EXPECT_EQ(Str(evidence[0].at("kind")), "agreement");
  EXPECT_EQ(Str(evidence[0].at("id")), baa);
  EXPECT_EQ(Str(evidence[0].at("party_name")), "Elm Street Clinic");
  EXPECT_TRUE(evidence[0].at("ledger_index").is_int64()) << "the entry that executed it";
  uint64_t before_expiry = Size();

  f_.clock().Set(end - std::chrono::milliseconds(1));
  EXPECT_EQ(StatusOf("164.308(b)(1)", mine), "operating");
  f_.clock().Set(end);
  page = Control("164.308(b)(1)", mine);
  EXPECT_EQ(Str(page.at("status")), "failing");
  evidence = EvidenceOf(page, "workflow:baa_in_force");
  ASSERT_EQ(evidence.size(), 1u);
  EXPECT_FALSE(evidence[0].at("ok").as_bool());
  EXPECT_EQ(Str(evidence[0].at("title")), "No BAA in force");
  // The organisation's status fails too, naming this customer among the failing evidence.
  json::object org = Control("164.308(b)(1)", "?limit=500");
  EXPECT_EQ(Str(org.at("status")), "failing");
  bool named = false;
  for (const auto& e : EvidenceOf(org, "workflow:baa_in_force")) {
    named = named || (Str(e.at("id")) == elm && !e.at("ok").as_bool());
  }
  EXPECT_TRUE(named);
  // Nothing was written: the status is read, never stored.
  EXPECT_EQ(Size(), before_expiry);
}

TEST_F(ComplianceApiTest, AsOfGivesTheStatusAtAPastLedgerPosition) {
  std::string elm = NewParty("Elm Street Clinic", "customer", true);
  std::string mine = "?party_id=" + elm;
  uint64_t without = Size();
  EXPECT_EQ(StatusOf("164.308(b)(1)", mine), "failing") << "an ePHI customer without a BAA";
  Baa(elm, Now() + days(365));
  uint64_t with = Size();
  EXPECT_EQ(StatusOf("164.308(b)(1)", mine), "operating");
  json::object then = Control("164.308(b)(1)", mine + "&as_of=" + std::to_string(without));
  EXPECT_EQ(Str(then.at("status")), "failing");
  EXPECT_EQ(then.at("as_of").as_int64(), static_cast<int64_t>(without));
  EXPECT_EQ(StatusOf("164.308(b)(1)", mine + "&as_of=" + std::to_string(with)), "operating");
  // The profile then in force is the one org.created recorded.
  EXPECT_EQ(then.at("profile").at("ledger_index").as_int64(), 0);
  EXPECT_EQ(Call("GET", "/api/v1/compliance/controls?as_of=" + std::to_string(Size() + 1)).status,
            422);
}

TEST_F(ComplianceApiTest, ASoc2ReviewLapsingFlipsTp11) {
  std::string host = NewParty("Granite Hosting", "subcontractor", false, true);
  std::string mine = "?party_id=" + host;
  EXPECT_EQ(StatusOf("TP-11", mine), "failing") << "no SOC 2 report yet";
  std::string report = Str(
      Post("/api/v1/parties/" + host + "/soc2-reports", {{"type", "type2"},
                                                         {"period_start", At(Now() - days(200))},
                                                         {"period_end", At(Now() - days(20))},
                                                         {"auditor", "Granite Assurance"},
                                                         {"opinion", "unqualified"}})["id"]);
  json::object cuec{{"control", "Customers restrict who may reach their consoles"},
                    {"owner_id", Id("security_officer")},
                    {"in_place", true},
                    {"hipaa_citation", "164.310(a)(1)"}};
  TimePoint reviewed = Now();
  Post("/api/v1/soc2-reports/" + report + "/actions",
       {{"action", "review"},
        {"reviewed_at", At(reviewed)},
        {"user_entity_controls", json::array{cuec}}},
       "security_officer", 200);
  json::object page = Control("TP-11", mine);
  EXPECT_EQ(Str(page.at("status")), "operating");
  auto evidence = EvidenceOf(page, "workflow:soc2_reviews");
  ASSERT_EQ(evidence.size(), 1u);
  EXPECT_EQ(Str(evidence[0].at("id")), report);

  // Twelve months after the review (the profile's soc2_max_age_months) it no longer counts.
  f_.clock().Set(reviewed + std::chrono::months(12));
  EXPECT_EQ(StatusOf("TP-11", mine), "operating");
  f_.clock().Set(reviewed + std::chrono::months(12) + std::chrono::milliseconds(1));
  page = Control("TP-11", mine);
  EXPECT_EQ(Str(page.at("status")), "failing");
  evidence = EvidenceOf(page, "workflow:soc2_reviews");
  ASSERT_EQ(evidence.size(), 1u);
  EXPECT_NE(Str(evidence[0].at("detail")).find("more than 12 months ago"), std::string::npos);
}

TEST_F(ComplianceApiTest, ACustomersMatrixTakesItsBaaOverridesAndOurHostsControls) {
  std::string host = NewParty("Granite Hosting", "subcontractor", false, true);
  std::string report =
      Str(Post("/api/v1/parties/" + host + "/soc2-reports", {{"type", "type1"},
                                                             {"period_end", At(Now() - days(20))},
                                                             {"auditor", "Granite Assurance"},
                                                             {"opinion", "unqualified"}})["id"]);
  Post("/api/v1/soc2-reports/" + report + "/actions",
       {{"action", "review"},
        {"user_entity_controls",
         json::array{json::object{{"control", "Customers badge their own staff in"},
                                  {"owner_id", Id("security_officer")},
                                  {"hipaa_citation", "164.310(a)(1)"}}}}},
       "security_officer", 200);
  std::string elm = NewParty("Elm Street Clinic", "customer", true);
  std::string baa = Baa(elm, Now() + days(365),
                        json::array{json::object{{"control", "164.312(b)"},
                                                 {"inherited", "partially"},
                                                 {"responsibility", "Elm reviews its own logs."}}});
  json::object m = Get("/api/v1/compliance/matrix?party_id=" + elm);
  EXPECT_EQ(Str(m.at("party").at("name")), "Elm Street Clinic");
  EXPECT_EQ(Str(m.at("baa").at("id")), baa);
  std::map<std::string, json::object> rows;
  for (const auto& r : m.at("rows").as_array()) rows[Str(r.at("control"))] = r.as_object();
  EXPECT_EQ(rows.size(), 65u);
  EXPECT_EQ(Str(rows["164.312(b)"].at("inherited")), "partially");
  EXPECT_EQ(Str(rows["164.312(b)"].at("source")), "baa");
  EXPECT_EQ(Str(rows["164.312(b)"].at("responsibility")), "Elm reviews its own logs.");
  EXPECT_EQ(Str(rows["164.312(e)(1)"].at("inherited")), "yes");
  EXPECT_EQ(Str(rows["164.312(e)(1)"].at("source")), "catalog");
  EXPECT_EQ(Str(rows["164.308(b)(1)"].at("status")), "operating");
  // Our own layer: the host's complementary user-entity control that serves the specification.
  const json::array& providers = rows["164.310(a)(1)"].at("host").at("providers").as_array();
  bool found = false;
  for (const auto& p : providers) {
    if (Str(p.at("party_id")) != host) continue;
    found = true;
    EXPECT_EQ(Str(p.at("controls").as_array().at(0)), "Customers badge their own staff in");
  }
  EXPECT_TRUE(found);
  // The organisation's default matrix keeps the catalog's answer.
  json::object defaults = Get("/api/v1/compliance/matrix");
  EXPECT_TRUE(defaults.at("party").is_null());
  for (const auto& r : defaults.at("rows").as_array()) {
    if (Str(r.at("control")) == "164.312(b)") EXPECT_EQ(Str(r.at("inherited")), "yes");
  }
  EXPECT_EQ(Call("GET", "/api/v1/compliance/matrix?party_id=pty_nobody").status, 404);
}

TEST_F(ComplianceApiTest, TheMatrixExportsAsCsvAndHtml) {
  std::string elm = NewParty("Elm <Street> Clinic", "customer", true);
  Baa(elm, Now() + days(365));
  std::string csv, html, disposition;
  for (const char* ext : {"csv", "html"}) {
    http::Request req{
        .method = "GET",
        .target = std::string("/api/v1/compliance/matrix.") + ext + "?party_id=" + elm};
    req.headers.push_back({"Authorization", "Bearer " + Id("privacy_officer")});
    router_.Dispatch(std::move(req), [&](http::Response r) {
      EXPECT_EQ(r.status, 200) << r.body;
      (std::string(ext) == "csv" ? csv : html) = r.body;
      for (const auto& [k, v] : r.headers) {
        if (k == "Content-Disposition") disposition = v;
      }
    });
  }
  EXPECT_TRUE(csv.starts_with("control,title,requirement,safeguard,inherited,"));
  EXPECT_NE(csv.find("164.308(b)(1),Business Associate Contracts and Other Arrangements,Required,"
                     "Administrative,Partially,"),
            std::string::npos)
      << csv.substr(0, 600);
  size_t lines = 0;
  for (char c : csv) lines += c == '\n';
  EXPECT_EQ(lines, 66u) << "a header and one row per specification";
  EXPECT_NE(html.find("Elm &lt;Street&gt; Clinic"), std::string::npos) << "escaped";
  EXPECT_EQ(html.find("Elm <Street>"), std::string::npos);
  EXPECT_NE(html.find("<td>164.312(e)(1)</td>"), std::string::npos);
  EXPECT_EQ(disposition, "attachment; filename=\"inheritance-matrix-" + elm + ".html\"");
}

}  // namespace
}  // namespace accord::testing::my_work

namespace accord::testing::my_work {
namespace {

// Runs tools/oscal-check (ajv with ajv-formats) on `doc` against NIST's schema `schema`.
std::string Validate(const std::string& dir, const json::object& doc, const std::string& schema) {
  std::string file = dir + "/" + schema;
  std::ofstream(file) << json::serialize(doc);
  std::string cmd = TestNode() + " " + SourceDir() + "/tools/oscal-check/check.mjs " +
                    (TestdataDir() / "oscal" / "schema" / schema).string() + " " + file + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return "popen failed";
  std::string output;
  char buf[512];
  while (fgets(buf, sizeof buf, pipe)) output += buf;
  int status = pclose(pipe);
  return status == 0 ? "" : output;
}

TEST_F(ComplianceApiTest, TheDemosOscalExportsAreValidAgainstNistsSchemas) {
  json::object ssp = Get("/api/v1/compliance/oscal/ssp");
  EXPECT_EQ(Validate(f_.dir().str(), ssp, "oscal_ssp_schema.json"), "");
  json::object cd = Get("/api/v1/compliance/oscal/component-definition");
  EXPECT_EQ(Validate(f_.dir().str(), cd, "oscal_component_schema.json"), "");
  // The validator is real: a plan without its metadata is refused.
  json::object broken = ssp;
  broken["system-security-plan"].as_object().erase("metadata");
  EXPECT_NE(Validate(f_.dir().str(), broken, "oscal_ssp_schema.json"), "");

  // 164.312(e)(1) (transmission security) is provided whole; 164.308(b)(1) is shared.
  std::map<std::string, json::object> by_control;
  for (const auto& r : ssp.at("system-security-plan")
                           .at("control-implementation")
                           .at("implemented-requirements")
                           .as_array()) {
    by_control[Str(r.at("control-id"))] = r.at("by-components").at(0).as_object();
  }
  EXPECT_EQ(by_control.size(), 65u);
  const json::object& transit = by_control["hipaa-164.312-e-1"].at("export").as_object();
  EXPECT_TRUE(transit.contains("provided"));
  EXPECT_FALSE(transit.contains("responsibilities"));
  const json::object& baa = by_control["hipaa-164.308-b-1"].at("export").as_object();
  ASSERT_TRUE(baa.contains("responsibilities"));
  EXPECT_EQ(baa.at("responsibilities").at(0).at("provided-uuid"),
            baa.at("provided").at(0).at("uuid"));
  // The same point twice is the same document.
  EXPECT_EQ(json::serialize(Get("/api/v1/compliance/oscal/ssp")), json::serialize(ssp));
}

}  // namespace
}  // namespace accord::testing::my_work

namespace accord::testing::my_work {
namespace {

TEST_F(ComplianceApiTest, TheCatalogExportsAsAValidOscalCatalogAndReadsBack) {
  json::object cat = Get("/api/v1/compliance/oscal/catalog");
  EXPECT_EQ(Validate(f_.dir().str(), cat, "oscal_catalog_schema.json"), "");
  json::object broken = cat;
  broken["catalog"].as_object()["groups"].as_array()[0].as_object().erase("title");
  EXPECT_NE(Validate(f_.dir().str(), broken, "oscal_catalog_schema.json"), "");

  // Read back: every control of the catalog, specifications nested in their standards.
  auto back = domain::CatalogFromOscal(cat, "hipaa");
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  const auto& builtin = domain::BuiltinCatalog();
  EXPECT_EQ(back->size(), builtin.size());
  const domain::CatalogControl* spec = back->Find("hipaa-164.308-b-3");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->parent, "hipaa-164.308-b-1");
  EXPECT_EQ(spec->title, builtin.Find("164.308(b)(3)")->title);
  ASSERT_NE(back->Find("accord-tp-11"), nullptr);
  EXPECT_EQ(back->Find("accord-tp-11")->description, builtin.Find("TP-11")->description);
  // The citation is each control's label.
  bool labelled = false;
  for (const auto& g : cat.at("catalog").at("groups").as_array()) {
    for (const auto& c : g.at("controls").as_array()) {
      if (Str(c.at("id")) != "hipaa-164.308-b-1") continue;
      labelled = Str(c.at("props").at(0).at("value")) == "164.308(b)(1)";
    }
  }
  EXPECT_TRUE(labelled);
  EXPECT_EQ(Call("GET", "/api/v1/compliance/oscal/catalog", {}, "staff").status, 403);
}

// The facts in memory (now) and the tables (?as_of= the same size) give the same answer.
TEST_F(ComplianceApiTest, TheStatusFromMemoryMatchesTheTables) {
  std::string elm = NewParty("Elm Street Clinic", "customer", true);
  std::string oak = NewParty("Oak Clinic", "customer", true);
  NewParty("Host", "partner", true, true);
  Baa(elm, Now() + days(100));
  Baa(oak, Now() + days(100));
  Get("/api/v1/compliance/controls");  // the facts are read here, then follow the ledger
  Ok(Call("PATCH", "/api/v1/parties/" + elm, {{"status", "offboarded"}}));
  std::string birch = NewParty("Birch Clinic", "customer", true);
  auto same = [&] {
    json::object now = Get("/api/v1/compliance/controls");
    json::object then = Get("/api/v1/compliance/controls?as_of=" + std::to_string(Size()));
    const json::array& a = now.at("items").as_array();
    const json::array& b = then.at("items").as_array();
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(json::serialize(a[i].at("implemented_by")),
                json::serialize(b[i].at("implemented_by")))
          << a[i].at("id");
      EXPECT_EQ(a[i].at("status"), b[i].at("status")) << a[i].at("id");
    }
  };
  same();
  Baa(birch, Now() + days(100));
  same();
  json::object baa = Control("164.308(b)(1)", "?limit=500");
  for (const auto& e : EvidenceOf(baa, "workflow:baa_in_force")) {
    EXPECT_NE(Str(e.at("party_id")), elm) << "offboarded: no longer counted";
  }
}

}  // namespace
}  // namespace accord::testing::my_work
