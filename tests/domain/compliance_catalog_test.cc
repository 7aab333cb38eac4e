// The shipped compliance catalog (issue 23) against the reference list of the HIPAA Security
// Rule (tests/testdata/hipaa/), and the OSCAL catalog import against NIST's example.
#include "accord/domain/compliance_catalog.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "support/temp_dir.h"

namespace accord::domain {
namespace {

namespace json = boost::json;

json::value ReadJson(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

TEST(ComplianceCatalogTest, HoldsEverySecurityRuleSpecificationWithItsRequirement) {
  json::value ref =
      ReadJson(testing::TestdataDir() / "hipaa" / "security-rule-specifications.json");
  const Catalog& catalog = BuiltinCatalog();
  const json::array& entries = ref.at("entries").as_array();
  for (const auto& e : entries) {
    std::string citation(e.at("citation").as_string());
    const CatalogControl* c = catalog.Find(citation);
    ASSERT_NE(c, nullptr) << citation;
    EXPECT_EQ(c->framework, "hipaa");
    EXPECT_EQ(c->title, e.at("title").as_string());
    EXPECT_EQ(c->requirement, e.at("requirement").as_string()) << citation;
    EXPECT_EQ(c->kind, e.at("kind").as_string());
  }
  std::map<std::string, int> counts;
  for (const auto& c : catalog.controls()) {
    if (c.framework != "hipaa") continue;
    counts[c.kind] += 1;
    if (c.kind == "implementation_specification") counts[c.requirement] += 1;
  }
  const json::object& want = ref.at("counts").as_object();
  EXPECT_EQ(counts["standard"], want.at("standards").as_int64());
  EXPECT_EQ(counts["implementation_specification"],
            want.at("implementation_specifications").as_int64());
  EXPECT_EQ(counts["Required"], want.at("implementation_specifications_required").as_int64());
  EXPECT_EQ(counts["Addressable"], want.at("implementation_specifications_addressable").as_int64());
}

TEST(ComplianceCatalogTest, EveryHipaaControlHasAnInheritanceAnswerAndAccordsControlsAreThere) {
  const Catalog& catalog = BuiltinCatalog();
  for (const auto& c : catalog.controls()) {
    if (c.framework != "hipaa" || c.customer == Inherited::kYes) continue;
    EXPECT_FALSE(c.responsibility.empty()) << c.id << ": a customer keeps something, say what";
  }
  // Luma's Introduction: we inherit the physical safeguards from our host.
  EXPECT_EQ(catalog.Find("164.310(a)(1)")->host, Inherited::kYes);
  EXPECT_EQ(catalog.Find("164.308(b)(1)")->customer, Inherited::kPartially);
  EXPECT_FALSE(catalog.Find("164.314(b)(1)")->applicable);
  const CatalogControl* tp11 = catalog.Find("TP-11");
  ASSERT_NE(tp11, nullptr);
  EXPECT_EQ(tp11->framework, "accord");
  EXPECT_FALSE(tp11->description.empty());
}

TEST(ComplianceCatalogTest, ImportsNistsExampleOscalCatalog) {
  json::value oscal =
      ReadJson(testing::TestdataDir() / "oscal" / "examples" / "basic-catalog.json");
  auto catalog = CatalogFromOscal(oscal, "iso27002");
  ASSERT_TRUE(catalog.ok()) << catalog.error().message;
  // Every control of every group of the example, in order.
  size_t want = 0;
  for (const auto& g : oscal.at("catalog").at("groups").as_array()) {
    if (const json::value* c = g.as_object().if_contains("controls")) want += c->as_array().size();
  }
  EXPECT_GE(catalog->size(), want);
  const CatalogControl& first = catalog->controls().front();
  EXPECT_EQ(first.framework, "iso27002");
  EXPECT_FALSE(first.title.empty());
  EXPECT_FALSE(first.description.empty()) << "the statement's prose";
}

TEST(ComplianceCatalogTest, AnOscalDocumentWithoutControlsIsRefusedWithItsPath) {
  auto none = CatalogFromOscal(json::parse(R"({"component-definition": {}})"), "x");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().details.at(0).field, "catalog");
  auto untitled = CatalogFromOscal(
      json::parse(R"({"catalog": {"groups": [{"controls": [{"id": "a-1"}]}]}})"), "x");
  ASSERT_FALSE(untitled.ok());
  EXPECT_EQ(untitled.error().details.at(0).field, "catalog.groups[0].controls[0].title");
}

}  // namespace
}  // namespace accord::domain
