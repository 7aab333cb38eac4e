// The PHI guard against its labelled corpus (tests/testdata/phi_guard): the confusion matrix
// of each part is printed; no PHI message may pass, and none of Accord's own messages may be
// refused.
#include "accord/messaging/phi_guard.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "support/build_paths.h"

namespace accord::messaging {
namespace {

struct Labelled {
  bool phi = false;
  std::string category;
  std::string text;
};

std::vector<Labelled> Load(const std::string& name) {
  std::ifstream in(testing::TestdataDirDefault() + "/phi_guard/" + name);
  EXPECT_TRUE(in) << name;
  std::vector<Labelled> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('\t'), b = line.find('\t', a + 1);
    Labelled l{line.substr(0, a) == "phi", line.substr(a + 1, b - a - 1), ""};
    std::string t = line.substr(b + 1);
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == 'n') {
        l.text += '\n';
        ++i;
      } else {
        l.text += t[i];
      }
    }
    out.push_back(std::move(l));
  }
  return out;
}

struct Matrix {
  int tp = 0, fn = 0, fp = 0, tn = 0;
  std::vector<std::string> misses;
};

Matrix Classify(const std::vector<Labelled>& corpus) {
  Matrix m;
  for (const auto& l : corpus) {
    PhiVerdict v = CheckForPhi(l.text);
    if (l.phi && v.refused) ++m.tp;
    if (l.phi && !v.refused) m.misses.push_back("missed (" + l.category + "): " + l.text), ++m.fn;
    if (!l.phi && v.refused) {
      m.misses.push_back("refused (" + l.category + ", " + std::string(v.kind) + "): " + l.text);
      ++m.fp;
    }
    if (!l.phi && !v.refused) ++m.tn;
  }
  return m;
}

void Print(const std::string& name, const Matrix& m) {
  std::cout << "PHI guard on " << name << ":\n"
            << "                 refused  passed\n"
            << "  PHI            " << m.tp << "\t  " << m.fn << "\n"
            << "  not PHI        " << m.fp << "\t  " << m.tn << "\n";
  for (const auto& s : m.misses) std::cout << "  " << s << "\n";
}

TEST(PhiGuardTest, CorpusHasNoFalseNegativeAndNoFalsePositive) {
  for (const char* part : {"corpus.tsv", "heldout.tsv"}) {
    auto corpus = Load(part);
    ASSERT_GE(corpus.size(), 100u) << part;
    Matrix m = Classify(corpus);
    Print(part, m);
    EXPECT_EQ(m.fn, 0) << part;
    EXPECT_EQ(m.fp, 0) << part;
  }
}

TEST(PhiGuardTest, CorpusIsBigEnoughAndAThirdIsHeldOut) {
  size_t dev = Load("corpus.tsv").size(), held = Load("heldout.tsv").size();
  EXPECT_GE(dev + held, 300u);
  EXPECT_NEAR(static_cast<double>(held) / (dev + held), 1.0 / 3, 0.02);
}

TEST(PhiGuardTest, RefusalNamesWhatItFoundAndPointsToSecureMessage) {
  PhiVerdict v = CheckForPhi("Patient Jane Roe, DOB 03/14/1962, needs a call.");
  ASSERT_TRUE(v.refused);
  EXPECT_EQ(v.kind, "date_of_birth");
  EXPECT_NE(v.reason.find("a date of birth"), std::string::npos);
  EXPECT_NE(v.reason.find("Secure Message"), std::string::npos);
  EXPECT_FALSE(v.reason.find("Jane") != std::string::npos) << "the reason repeats no content";
  EXPECT_FALSE(CheckForPhi("").refused);
}

TEST(PhiGuardTest, EachIdentifierKindIsNamed) {
  std::map<std::string, std::string> cases = {
      {"ssn", "SSN 123-45-6789"},
      {"medical_record_number", "MRN: 00482913"},
      {"health_plan_number", "Member ID W123456789 was denied"},
      {"account_number", "Patient account number 4481229011 is overdue"},
      {"date_of_birth", "born March 3, 1961"},
      {"date_of_care", "Mr. Roe was admitted on 2026-12-01."},
      {"health_condition", "Jane Roe was diagnosed with lupus."},
  };
  for (const auto& [kind, text] : cases) {
    PhiVerdict v = CheckForPhi(text);
    EXPECT_TRUE(v.refused) << text;
    EXPECT_EQ(v.kind, kind) << text;
  }
}

TEST(PhiGuardTest, SubjectAndBodyAreCheckedTogether) {
  EXPECT_TRUE(CheckMessageForPhi("Jane Roe", "was diagnosed with HIV").refused);
  EXPECT_FALSE(
      CheckMessageForPhi("Due in 3 days (7 Dec 2026): Annual review of Diabetes Care Partners",
                         "Annual review of Diabetes Care Partners\nStatus: open\nDue: 7 Dec "
                         "2026\nReference: rev_01jfx8k2\n")
          .refused);
}

}  // namespace
}  // namespace accord::messaging
