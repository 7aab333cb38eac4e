// What a third party's contact sees of its own organisation: its facts, services, contacts,
// agreements, documents, change notices and what our reviews ask it — never our assessment
// of it (risk tier, criticality, internal owner, due diligence, control records, access
// decisions, our own timeline, whether its change is substantial). Enforced by the API.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "support/api_assert.h"
#include "support/shared_server_test.h"

namespace accord::testing {
namespace {

namespace json = boost::json;

const std::string kContact = "third_party_contact";

class VendorViewTest : public SharedServerTest {
 protected:
  // The demo contact's party (Relay SMS), as the contact's own list names it.
  std::string Party() {
    json::value list = s().GetJson("/api/v1/parties", kContact);
    EXPECT_EQ(list.at("items").as_array().size(), 1u);
    return std::string(list.at("items").as_array().at(0).at("id").as_string());
  }
};

TEST_F(VendorViewTest, APartyReadsAsItsContactWithoutOurAssessment) {
  const std::string party = Party();
  const json::object ours = s().GetJson("/api/v1/parties/" + party).as_object();
  // The control: the demo's Relay SMS carries every internal field for the officers.
  for (const char* field : {"risk_tier", "criticality", "owner", "data_categories"}) {
    EXPECT_TRUE(ours.contains(field)) << field << " in " << json::serialize(ours);
  }
  const std::string one = "/api/v1/parties/" + party;
  for (const std::string& target :
       {one, one + "?as_of=" + std::to_string(s().LedgerSize()), std::string("/api/v1/parties"),
        std::string("/api/v1/parties?q=relay")}) {
    json::value v = s().GetJson(target, kContact);
    const json::object& theirs = v.as_object().contains("items")
                                     ? v.at("items").as_array().at(0).as_object()
                                     : v.as_object();
    for (const char* field : {"risk_tier", "criticality", "owner", "data_categories",
                              "access_level", "infrastructure_partner"}) {
      EXPECT_FALSE(theirs.contains(field)) << target << " shows " << field;
    }
    EXPECT_EQ(theirs.at("name"), ours.at("name")) << target;
    EXPECT_EQ(theirs.at("kind"), ours.at("kind")) << target;
  }
}

TEST_F(VendorViewTest, OurRecordsAboutThePartyAreForbiddenToItsContact) {
  const std::string party = Party();
  for (const std::string& target :
       {"/api/v1/parties/" + party + "/due-diligence", "/api/v1/parties/" + party + "/controls",
        "/api/v1/parties/" + party + "/timeline", "/api/v1/access/grants?party_id=" + party,
        std::string("/api/v1/access/grants")}) {
    ExpectError(s().Get(target, kContact), 403, "forbidden");
    EXPECT_EQ(s().Get(target).status, 200) << target;  // the officer's control
  }
  // One record of each, by id.
  json::value dd = s().GetJson("/api/v1/parties/" + party + "/due-diligence");
  ASSERT_FALSE(dd.at("items").as_array().empty());
  std::string id(dd.at("items").as_array().at(0).at("id").as_string());
  ExpectError(s().Get("/api/v1/due-diligence/" + id, kContact), 403, "forbidden");
  json::value grants = s().GetJson("/api/v1/access/grants?party_id=" + party);
  if (!grants.at("items").as_array().empty()) {
    std::string grant(grants.at("items").as_array().at(0).at("id").as_string());
    ExpectError(s().Get("/api/v1/access/grants/" + grant, kContact), 403, "forbidden");
  }
}

TEST_F(VendorViewTest, AChangeNoticeShowsItsContactTheChangeNotOurAssessment) {
  const std::string party = Party();
  HttpResult r = s().Post(
      "/api/v1/change-notices",
      json::serialize(json::object{{"party_id", party},
                                   {"title", "New data centre in Frankfurt"},
                                   {"description", "Messages will also be stored in Frankfurt."},
                                   {"planned_at", "2027-03-01"},
                                   {"new_data_location", "Frankfurt, Germany"}}),
      kContact);
  ASSERT_EQ(r.status, 201) << r.body;
  json::object created = json::parse(r.body).as_object();
  const std::string id(created.at("id").as_string());
  // A new data location is substantial by the profile's rules: the officers see why.
  json::object ours = s().GetJson("/api/v1/change-notices/" + id).as_object();
  EXPECT_TRUE(ours.contains("substantial_reasons")) << json::serialize(ours);
  EXPECT_TRUE(ours.contains("change_review_id")) << json::serialize(ours);
  for (const json::object& theirs :
       {created, s().GetJson("/api/v1/change-notices/" + id, kContact).as_object(),
        s().GetJson("/api/v1/change-notices?party_id=" + party, kContact)
            .at("items")
            .as_array()
            .back()
            .as_object()}) {
    EXPECT_EQ(theirs.at("title"), "New data centre in Frankfurt");
    for (const char* field : {"substantial", "substantial_reasons", "substantial_tag",
                              "change_review_id", "risk_assessment_id", "system_ids"}) {
      EXPECT_FALSE(theirs.contains(field)) << field << " in " << json::serialize(theirs);
    }
  }
  // Nor can a filter on our assessment answer the question for it.
  json::object e =
      ExpectError(s().Get("/api/v1/change-notices?substantial_tag=substantial", kContact), 422,
                  "validation_failed");
  EXPECT_EQ(FirstField(e), "substantial_tag");
}

TEST_F(VendorViewTest, WhatTheContactMustSeeAndDoStaysOpen) {
  const std::string party = Party();
  for (const std::string& target :
       {"/api/v1/parties/" + party + "/services", "/api/v1/parties/" + party + "/contacts",
        "/api/v1/parties/" + party + "/agreements", "/api/v1/parties/" + party + "/documents",
        "/api/v1/parties/" + party + "/requests", "/api/v1/change-notices?party_id=" + party}) {
    EXPECT_EQ(s().Get(target, kContact).status, 200) << target;
  }
}

}  // namespace
}  // namespace accord::testing
