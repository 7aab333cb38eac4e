// RegistryApiTest (registry_api_test.h): the parties' CSV import (all or nothing, with line
// numbers) and export.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <string>
#include <vector>

#include "http/registry_api_test.h"

namespace accord::testing::registry_api {
namespace {

// --- CSV import and export ----------------------------------------------------------------

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

}  // namespace
}  // namespace accord::testing::registry_api
