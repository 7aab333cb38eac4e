// Our data-use commitments on the trust center (issue 29, TR-11), in process on the luma demo
// with a fake clock (my_work_test.h): officers record commitments and DPF participation as
// registry objects; /trust and /api/v1/public/trust publish every one in plain words and, per
// subprocessor, what its agreements in force bind it to; a subprocessor not bound to a
// commitment that applies to it is a red flag and cannot be published without an officer's
// exception with a reason.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "accord/core/time.h"
#include "http/my_work_test.h"

namespace accord::testing::my_work {
namespace {

class DataCommitmentsApiTest : public MyWorkFixture {
 protected:
  DataCommitmentsApiTest() { http::AddTrustRoutes(router_, deps_); }

  // A public page's raw answer (no sign-in).
  std::pair<int, std::string> Public(const std::string& target) {
    http::Request req{.method = "GET", .target = target};
    std::pair<int, std::string> out;
    router_.Dispatch(std::move(req), [&out](http::Response r) { out = {r.status, r.body}; });
    return out;
  }
  json::object PublicJson() {
    auto [status, body] = Public("/api/v1/public/trust");
    EXPECT_EQ(status, 200) << body;
    return status == 200 ? json::parse(body).as_object() : json::object{};
  }
  static json::object ByName(const json::object& trust, const char* list, const std::string& name) {
    for (const auto& p : trust.at(list).as_array()) {
      if (Str(p.at("name")) == name) return p.as_object();
    }
    return {};
  }
  static std::vector<std::string> Strings(const json::value& v) {
    std::vector<std::string> out;
    for (const auto& s : v.as_array()) out.push_back(Str(s));
    return out;
  }
  // An executed agreement of `party` in force now, making the given data-use clauses.
  std::string Bind(const std::string& party, json::object data_use) {
    return Str(Post("/api/v1/parties/" + party + "/agreements",
                    {{"type", "dpa"},
                     {"title", "Data processing agreement"},
                     {"status", "executed"},
                     {"effective_at", At(Now() - days(30))},
                     {"expires_at", At(Now() + days(300))},
                     {"data_use", std::move(data_use)}})["id"]);
  }
  std::string NewParty(const std::string& name, json::object extra = {}) {
    json::object body{{"name", name}, {"kind", "subcontractor"}, {"status", "active"}};
    for (auto& [k, v] : extra) body[k] = v;
    return Str(Post("/api/v1/parties", body)["id"]);
  }
};

TEST_F(DataCommitmentsApiTest, EveryCommitmentAndClauseIsPublishedInJsonAndHtml) {
  json::object t = PublicJson();
  // The demo's four commitments, each with its statement, scope and evidence.
  std::vector<json::object> ours;
  for (const auto& c : Current("data_commitment")) ours.push_back(c);
  ASSERT_EQ(ours.size(), 4u);
  const json::array& published = t.at("commitments").as_array();
  ASSERT_EQ(published.size(), ours.size());
  auto [status, html] = Public("/trust");
  ASSERT_EQ(status, 200);
  std::set<std::string> keys;
  for (const auto& c : published) {
    keys.insert(Str(c.at("key")));
    std::string statement = Str(c.at("statement"));
    EXPECT_NE(html.find(statement), std::string::npos) << statement;
    EXPECT_FALSE(c.at("evidence").is_null());
  }
  EXPECT_EQ(keys, (std::set<std::string>{"no_sale_or_sharing", "no_advertising_use",
                                         "ai_zero_data_retention", "no_model_training"}));
  for (const auto& c : published) {
    if (c.at("key") == "no_model_training") {
      EXPECT_EQ(c.at("evidence").at("kind"), "certification");
      EXPECT_EQ(c.at("evidence").at("name"), "SOC 2 Type II");  // a public certification
    }
  }
  EXPECT_NE(html.find("Backed by our SOC 2 Type II certification"), std::string::npos);
  EXPECT_NE(html.find("Every AI provider we use is bound to it by its agreement with us"),
            std::string::npos);

  // DPF: the frameworks, status, dates and listing, as data and in words.
  const json::object& dpf = t.at("data_privacy_framework").as_object();
  EXPECT_EQ(Strings(dpf.at("frameworks")),
            (std::vector<std::string>{"eu_us", "uk_extension", "swiss_us"}));
  EXPECT_EQ(dpf.at("status"), "active");
  std::string last = Str(dpf.at("last_recertified_at")), due = Str(dpf.at("recertification_due"));
  EXPECT_GT(due, last);
  const std::vector<std::string> dpf_words = {
      "the EU-U.S. Data Privacy Framework",
      "the UK Extension to the EU-U.S. Data Privacy Framework",
      "the Swiss-U.S. Data Privacy Framework",
      "Status: active",
      "Last re-certified on " + HumanDay(last),
      "due by " + HumanDay(due),
      "href=\"https://www.dataprivacyframework.gov/list\""};
  for (const std::string& text : dpf_words) {
    EXPECT_NE(html.find(text), std::string::npos) << text;
  }

  // Per subprocessor, the clauses of its agreements in force, as data and in words: the AI
  // provider is bound as we say; the planned one shows in the Planned table.
  json::object cortex = ByName(t, "subprocessors", "Cortex AI");
  ASSERT_FALSE(cortex.empty());
  EXPECT_EQ(Strings(cortex.at("commitments")),
            (std::vector<std::string>{"no_sale_or_sharing", "no_advertising_use",
                                      "ai_zero_data_retention", "no_model_training"}));
  EXPECT_NE(html.find("No sale or sharing of customer data; No use of customer data for "
                      "advertising; Zero retention of customer data by AI models; No training "
                      "of models on customer data"),
            std::string::npos);
  EXPECT_FALSE(ByName(t, "planned", "Keystone Identity").empty());
  EXPECT_NE(html.find("<h3>Planned</h3>"), std::string::npos);
  for (const auto& list : {"subprocessors", "planned"}) {
    for (const auto& p : t.at(list).as_array()) {
      for (const auto& [key, _] : p.as_object()) {
        EXPECT_TRUE(
            (std::set<std::string>{"name", "purpose", "location", "commitments"}).contains(key))
            << key;  // no ids, contacts or our assessment
      }
    }
  }
  auto [list_status, list_html] = Public("/trust/subprocessors");
  EXPECT_EQ(list_status, 200);
  EXPECT_NE(list_html.find("Its agreement with us commits it to"), std::string::npos);
}

TEST_F(DataCommitmentsApiTest, CommitmentsAreOfficersDataWithHistory) {
  uint64_t before = f_.LedgerSize();
  json::object body{{"statement", "We delete your data within 30 days of the contract's end."},
                    {"key", "other"},
                    {"applies_to", "organisation"},
                    {"since", At(Now() - days(1))}};
  EXPECT_EQ(Call("POST", "/api/v1/data-commitments", body, "staff").status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/data-commitments", {}, "third_party_contact").status, 403);
  EXPECT_EQ(Call("GET", "/api/v1/data-commitments", {}, "auditor").status, 200);
  EXPECT_EQ(Call("GET", "/api/v1/dpf-participations", {}, "staff").status, 200);
  EXPECT_EQ(Get("/api/v1/dpf-participations?status=active").at("items").as_array().size(), 1u);
  EXPECT_EQ(Get("/api/v1/data-commitments?key=no_model_training").at("items").as_array().size(),
            1u);
  std::string id = Str(Post("/api/v1/data-commitments", body, "privacy_officer")["id"]);
  EXPECT_EQ(TypesSince(before), std::vector<std::string>{"data_commitment.created"});
  EXPECT_NE(Str(PublicJson().at("commitments").as_array().back().at("statement")).find("30 days"),
            std::string::npos);
  // Withdrawn from the page; as it was before is still readable.
  uint64_t published_at = f_.LedgerSize();
  Ok(Call("PATCH", "/api/v1/data-commitments/" + id, {{"public", false}}));
  EXPECT_EQ(PublicJson().at("commitments").as_array().size(), 4u);
  json::object then =
      Get("/api/v1/data-commitments/" + id + "?as_of=" + std::to_string(published_at));
  EXPECT_TRUE(!then.contains("public") || then.at("public") != json::value(false));

  // Bad input: the field and the reason, nothing written.
  uint64_t size = f_.LedgerSize();
  json::object bad = body;
  bad["evidence_kind"] = "certification";
  Answer a = Call("POST", "/api/v1/data-commitments", bad);
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(a.body["error"].at("details").at(0).at("field"), "evidence_id");
  bad["evidence_id"] = "crt_00000000000000000000000000";
  a = Call("POST", "/api/v1/data-commitments", bad);
  EXPECT_EQ(a.status, 422) << json::serialize(a.body);
  EXPECT_EQ(a.body["error"].at("details").at(0).at("field"), "evidence_id");
  a = Call("POST", "/api/v1/dpf-participations",
           {{"frameworks", json::array{"eu_us"}},
            {"status", "active"},
            {"last_recertified_at", At(Now())},
            {"listing_url", "http://example.org"}});
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(a.body["error"].at("details").at(0).at("field"), "listing_url");
  EXPECT_EQ(f_.LedgerSize(), size);
}

TEST_F(DataCommitmentsApiTest, AnUnboundSubprocessorIsRefusedUntilAnOfficerRecordsAnException) {
  std::string lexicon = NewParty("Lexicon AI", {{"ai_provider", true}, {"purpose", "Chat"}});
  Bind(lexicon, {{"no_model_training", true}});
  // Publishing it: refused, naming the commitment it lacks, nothing written.
  uint64_t size = f_.LedgerSize();
  Answer a = Call("PATCH", "/api/v1/parties/" + lexicon, {{"public_subprocessor", true}});
  ASSERT_EQ(a.status, 409) << json::serialize(a.body);
  std::string message = Str(a.body["error"].at("message"));
  EXPECT_NE(message.find("zero retention of customer data by AI models"), std::string::npos)
      << message;
  EXPECT_EQ(message.find("training"), std::string::npos) << message;  // that one it has
  const json::array& details = a.body["error"].at("details").as_array();
  ASSERT_EQ(details.size(), 1u);
  EXPECT_EQ(details[0].at("field"), "public_subprocessor");
  EXPECT_NE(Str(details[0].at("reason")).find("data_use.ai_zero_data_retention"),
            std::string::npos);
  EXPECT_EQ(f_.LedgerSize(), size);
  // Creating it published is refused the same way.
  a = Call("POST", "/api/v1/parties",
           {{"name", "Murmur AI"},
            {"kind", "subcontractor"},
            {"ai_provider", true},
            {"public_subprocessor", true}});
  EXPECT_EQ(a.status, 409);

  // An exception needs a reason.
  a = Call("PATCH", "/api/v1/parties/" + lexicon,
           {{"public_subprocessor", true},
            {"commitment_exceptions",
             json::array{json::object{{"commitment", "ai_zero_data_retention"}}}}});
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(Str(a.body["error"].at("details").at(0).at("field")),
            "commitment_exceptions[0].reason");
  // With one, recorded by an officer in the ledger, it is published.
  size = f_.LedgerSize();
  json::object exception{{"commitment", "ai_zero_data_retention"},
                         {"reason", "Abuse monitoring keeps prompts 30 days; legal accepted it."}};
  Ok(Call("PATCH", "/api/v1/parties/" + lexicon,
          {{"public_subprocessor", true}, {"commitment_exceptions", json::array{exception}}},
          "privacy_officer"));
  json::object event = Event(size);
  EXPECT_EQ(event.at("type"), "party.updated");
  EXPECT_EQ(event.at("actor").at("role"), "privacy_officer");
  EXPECT_EQ(event.at("payload").at("state").at("commitment_exceptions").at(0).at("reason"),
            exception.at("reason"));
  EXPECT_FALSE(ByName(PublicJson(), "subprocessors", "Lexicon AI").empty());
  // The exception is our assessment: the public page and the party's contacts never see it.
  EXPECT_EQ(Public("/trust").second.find("Abuse monitoring"), std::string::npos);
  EXPECT_TRUE(ItemAbout(Flags(), "commitment_missing", lexicon).empty());

  // Staff may not publish; a bound AI provider is published at once.
  std::string bound = NewParty("Bound AI", {{"ai_provider", true}});
  Bind(bound, {{"ai_zero_data_retention", true}, {"no_model_training", true}});
  EXPECT_EQ(
      Call("PATCH", "/api/v1/parties/" + bound, {{"public_subprocessor", true}}, "staff").status,
      403);
  Ok(Call("PATCH", "/api/v1/parties/" + bound, {{"public_subprocessor", true}}));
  EXPECT_EQ(Strings(ByName(PublicJson(), "subprocessors", "Bound AI").at("commitments")),
            (std::vector<std::string>{"ai_zero_data_retention", "no_model_training"}));
}

TEST_F(DataCommitmentsApiTest, APublishedSubprocessorThatStopsBeingBoundIsARedFlag) {
  EXPECT_EQ(Group(Flags(), "commitment_missing").at("count"), 0);
  // Published as a plain vendor, then found to be an AI provider: nothing binds it.
  std::string echo = NewParty("Echo Voice", {{"public_subprocessor", true}});
  Ok(Call("PATCH", "/api/v1/parties/" + echo, {{"ai_provider", true}}));
  json::object flags = Flags();
  std::vector<json::object> mine;
  for (auto& i : Items(flags, "commitment_missing")) {
    if (Str(i.at("id")) == echo) mine.push_back(i);
  }
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(Str(mine[0].at("title")), "Not bound to zero retention of customer data by AI models");
  EXPECT_EQ(Str(mine[1].at("title")), "Not bound to no training of models on customer data");
  EXPECT_EQ(Str(mine[0].at("party_name")), "Echo Voice");
  EXPECT_EQ(Str(mine[0].at("href")), "/parties/" + echo + "#sec-agreements");
  EXPECT_NE(Str(mine[0].at("detail")).find("The AI providers we use keep none of your data"),
            std::string::npos);
  // Bound by an agreement: the flags go; when the agreement lapses they are back.
  std::string agreement =
      Bind(echo, {{"ai_zero_data_retention", true}, {"no_model_training", true}});
  EXPECT_TRUE(ItemAbout(Flags(), "commitment_missing", echo).empty());
  Ok(Call("PATCH", "/api/v1/agreements/" + agreement, {{"status", "terminated"}}));
  EXPECT_FALSE(ItemAbout(Flags(), "commitment_missing", echo).empty());
  // A commitment to every subprocessor flags each published one that its agreements do not bind.
  Post("/api/v1/data-commitments", {{"statement", "Our vendors never sell your data."},
                                    {"key", "no_sale_or_sharing"},
                                    {"applies_to", "all_subprocessors"},
                                    {"since", At(Now() - days(1))}});
  EXPECT_TRUE(ItemAbout(Flags(), "commitment_missing", Named("party", "Relay SMS")).empty());
  EXPECT_FALSE(ItemAbout(Flags(), "commitment_missing", echo).empty());
}

}  // namespace
}  // namespace accord::testing::my_work
