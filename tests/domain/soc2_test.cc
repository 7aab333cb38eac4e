// A SOC 2 report's HIPAA citations (domain/soc2.h): the specifications of 45 CFR Part 164 a
// complementary user-entity control may cite, checked as text now and used by the compliance
// work later.
#include "accord/domain/soc2.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace accord::domain {
namespace {

TEST(Soc2CitationTest, AcceptsSectionsAndParagraphsInOrder) {
  for (const char* ok :
       {"164.308(a)(1)(ii)(A)", "164.308(a)(1)(ii)(D)", "164.312(d)", "164.312(a)(2)(iv)",
        "164.314(a)(1)", "164.308", "164.404(b)", "164.530(c)(1)", "164.316(b)(2)(i)"}) {
    EXPECT_FALSE(HipaaCitationProblem(ok)) << ok << ": " << *HipaaCitationProblem(ok);
  }
}

TEST(Soc2CitationTest, RefusesWhatIsNotACitationAndSaysWhy) {
  for (const char* bad :
       {"", "164", "164.", "164.3", "CC6.1", "160.103", "164.308(1)", "164.308(a)(ii)",
        "164.308(a)(1)(ii)(a)", "164.308(a)(1)(ii)(A)(1)", "164.308(A)", "164.308(a)(0)",
        "164.308(a)(1)(xxx)", "164.308 (a)", "164.308(a", "164.308()", "164.308(a)x"}) {
    auto problem = HipaaCitationProblem(bad);
    ASSERT_TRUE(problem) << bad;
    EXPECT_NE(problem->find("164"), std::string::npos) << bad << ": " << *problem;
  }
  EXPECT_EQ(*HipaaCitationProblem("164.200(a)"), "section 164.200 is not a HIPAA section");
}

TEST(Soc2CitationTest, ControlsNameTheCitationThatIsWrong) {
  boost::json::object state{
      {"user_entity_controls",
       boost::json::array{boost::json::object{{"control", "MFA"}, {"hipaa_citation", "164.312(d)"}},
                          boost::json::object{{"control", "Logs"}},
                          boost::json::object{{"control", "Keys"}, {"hipaa_citation", "CC6.1"}}}}};
  std::vector<ErrorDetail> details;
  CheckSoc2Controls(state, details);
  ASSERT_EQ(details.size(), 1u);
  EXPECT_EQ(details[0].field, "user_entity_controls[2].hipaa_citation");
}

TEST(Soc2CitationTest, APartyMayNotSendWhatOurReviewerRecords) {
  const auto& fields = Soc2ReviewerFields();
  for (const char* f : {"reviewed_at", "exceptions", "user_entity_controls", "summary"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f;
  }
}

}  // namespace
}  // namespace accord::domain
