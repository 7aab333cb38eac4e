#include "accord/domain/report_requests.h"

#include <algorithm>
#include <array>

namespace accord::domain {

using F = FieldType;

const std::vector<std::string>& ReportTypes() {
  static const std::vector<std::string> kTypes = {
      "soc2_type2",       "soc2_type1",         "iso27001", "hitrust",
      "penetration_test", "inheritance_matrix", "other"};
  return kTypes;
}

std::string ReportTypeLabel(std::string_view type) {
  if (type == "soc2_type2") return "SOC 2 Type II report";
  if (type == "soc2_type1") return "SOC 2 Type I report";
  if (type == "iso27001") return "ISO/IEC 27001 certificate and statement of applicability";
  if (type == "hitrust") return "HITRUST assessment report";
  if (type == "penetration_test") return "penetration test summary";
  if (type == "inheritance_matrix") return "HIPAA inheritance matrix (what you inherit from us)";
  if (type == "customer_questionnaire") return "answers to your security questionnaire";
  return "security documentation";
}

const std::vector<FieldSpec>& ReportRequestFields(bool staff) {
  auto make = [](bool with_party) {
    std::vector<FieldSpec> fields = {
        {.name = "name", .type = F::kString, .required = true, .description = "full name"},
        {.name = "email",
         .type = F::kEmail,
         .required = true,
         .description = "where the NDA and the download link are sent"},
        {.name = "organisation", .type = F::kString, .required = true},
        {.name = "report_type", .type = F::kEnum, .required = true, .values = ReportTypes()},
        {.name = "needed_by", .type = F::kTime, .description = "YYYY-MM-DD or RFC 3339"},
        {.name = "message", .type = F::kText, .max_length = 2000},
    };
    if (with_party) {
      fields.push_back({.name = "party_id",
                        .type = F::kId,
                        .description = "link to this customer or partner at once"});
    }
    return fields;
  };
  static const std::vector<FieldSpec> kPublic = make(false);
  static const std::vector<FieldSpec> kStaff = make(true);
  return staff ? kStaff : kPublic;
}

const std::vector<FieldSpec>& ReportRequestActionFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "action",
       .type = F::kEnum,
       .required = true,
       .values = {"link", "send_nda", "approve", "reject", "cancel", "reissue"}},
      {.name = "party_id", .type = F::kId, .description = "link: the customer or partner"},
      {.name = "document_id", .type = F::kId, .description = "approve: the report to deliver"},
      {.name = "expires_in_days",
       .type = F::kInt,
       .min = 1,
       .max = 30,
       .description = "approve, reissue: how long the link works (default 7)"},
      {.name = "max_downloads",
       .type = F::kInt,
       .min = 1,
       .max = 20,
       .description = "approve, reissue: how many downloads the link allows (default 3)"},
      {.name = "format",
       .type = F::kEnum,
       .values = {"html", "csv"},
       .description = "approve an inheritance matrix: the file's format (default html)"},
      {.name = "comment",
       .type = F::kText,
       .max_length = 4000,
       .description = "required to reject or cancel: the reason"},
  };
  return kFields;
}

std::string EmailDomain(std::string_view email) {
  size_t at = email.rfind('@');
  if (at == std::string_view::npos) return "";
  return Lowercase(email.substr(at + 1));
}

bool IsPublicMailDomain(std::string_view domain) {
  static constexpr std::array<std::string_view, 34> kDomains = {
      "gmail.com",      "googlemail.com", "proton.me",    "protonmail.com", "pm.me",
      "icloud.com",     "me.com",         "mac.com",      "mail.com",       "zoho.com",
      "fastmail.com",   "hey.com",        "tutanota.com", "tuta.io",        "web.de",
      "t-online.de",    "freenet.de",     "orange.fr",    "free.fr",        "laposte.net",
      "libero.it",      "qq.com",         "163.com",      "126.com",        "naver.com",
      "mail.ru",        "comcast.net",    "verizon.net",  "att.net",        "sbcglobal.net",
      "btinternet.com", "rediffmail.com", "seznam.cz",    "wp.pl"};
  // Providers with a domain per country (hotmail.co.uk, yahoo.fr, gmx.de, ...).
  static constexpr std::array<std::string_view, 9> kProviders = {
      "hotmail.", "outlook.", "live.", "msn.", "yahoo.", "ymail.", "aol.", "gmx.", "yandex."};
  if (std::find(kDomains.begin(), kDomains.end(), domain) != kDomains.end()) return true;
  return std::any_of(kProviders.begin(), kProviders.end(),
                     [&](std::string_view p) { return domain.starts_with(p); });
}

bool HasUnsafeText(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return true;
    if (c == 0x7f) return true;
    if (c == 0xC2 && i + 1 < s.size()) {  // U+0080..U+009F: C1 controls
      auto d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0x9f) return true;
    }
    if (c == 0xE2 && i + 2 < s.size()) {
      auto d = static_cast<unsigned char>(s[i + 1]), e = static_cast<unsigned char>(s[i + 2]);
      // U+2028/2029 separators, U+202A..202E and U+2066..2069 bidirectional controls
      if (d == 0x80 && e >= 0xA8 && e <= 0xAE) return true;
      if (d == 0x81 && e >= 0xA6 && e <= 0xA9) return true;
    }
  }
  return false;
}

std::string WebsiteDomain(std::string_view website) {
  std::string_view w = website;
  if (size_t scheme = w.find("://"); scheme != std::string_view::npos) w.remove_prefix(scheme + 3);
  w = w.substr(0, w.find_first_of("/?#"));
  if (size_t at = w.rfind('@'); at != std::string_view::npos) w.remove_prefix(at + 1);
  w = w.substr(0, w.find(':'));
  std::string host = Lowercase(w);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

std::string_view DefaultNdaText() {
  return R"(MUTUAL NON-DISCLOSURE AGREEMENT (click-through)

1. Purpose. The Discloser makes its audit reports, certificates and related security
documentation ("Confidential Information") available to the Recipient solely so that the
Recipient can evaluate the Discloser's security and compliance as a current or prospective
customer or partner (the "Purpose").

2. Obligations. The Recipient will (a) use Confidential Information only for the Purpose;
(b) not disclose it to anyone other than its employees, auditors and advisers who need to
know it for the Purpose and are bound by confidentiality obligations at least as protective
as these; (c) protect it with at least reasonable care; and (d) not post it publicly or
share the download link.

3. Exclusions. These obligations do not apply to information that is or becomes public
without the Recipient's fault, was known to the Recipient without restriction before it was
disclosed, is independently developed, or is rightfully received from a third party
without restriction. The Recipient may disclose Confidential Information where the law
requires it, after notifying the Discloser where it lawfully can.

4. Return. On request the Recipient will delete or return Confidential Information.

5. Term. This agreement lasts 12 months from acceptance; the obligations for information
received during that time last 3 years after it ends.

6. No warranty, no licence. Confidential Information is provided "as is"; no licence or
other right is granted except as stated here.

7. Acceptance. By typing their name and accepting, the person accepting confirms that they
are authorised to bind the organisation named in the acceptance.
)";
}

}  // namespace accord::domain
