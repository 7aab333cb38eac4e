#include "my_work_text.h"

#include "accord/core/time.h"

#include <cctype>

#include "accord/domain/registry.h"
#include "accord/storage/grants.h"

namespace accord::storage::my_work_text {

namespace json = boost::json;
using domain::StateString;

std::string_view GroupTitle(std::string_view kind) {
  if (kind == "review_to_document") return "Reviews assigned to you";
  if (kind == "review_to_approve") return "Reviews waiting for your approval";
  if (kind == "grant_to_approve") return "Access requests waiting for your approval";
  if (kind == "report_request") return "Audit-report requests waiting for a decision";
  if (kind == "vendor_answer") return "New answers from third parties";
  if (kind == "change_notice") return "New change notices";
  if (kind == "soc2_to_review") return "SOC 2 reports to review";
  if (kind == "finding") return "Findings you own";
  if (kind == "entitlement_line") return "Entitlement review lines to decide";
  if (kind == "vendor_incident") return "Vendor incidents to assess";
  if (kind == "change_request") return "Changes waiting for you";
  if (kind == "breach_notice") return "Breach notices owed to customers";
  if (kind == "account_request") return "Colleague accounts asked for by third parties";
  if (kind == "questionnaire_section") return "Questionnaire sections assigned to you";
  return "Other work";
}

std::string RoleTitle(std::string_view role) {
  if (role == "security_officer") return "Security Officer";
  if (role == "privacy_officer") return "Privacy Officer";
  if (role == "staff") return "Staff";
  if (role == "auditor") return "Auditor";
  if (role == "third_party_contact") return "Third-party contact";
  return std::string(role);
}

std::string HumanDay(std::string_view time) { return accord::HumanDay(time); }

std::string HumanDates(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    std::string human = i + 10 <= text.size() ? HumanDay(text.substr(i, 10)) : "";
    if (!human.empty() && human != text.substr(i, 10)) {
      out += human;
      i += 10;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::string Severity(std::string_view severity) {
  if (severity.empty()) return "";
  std::string out(severity);
  out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out + " severity";
}

std::string Excerpt(std::string_view text) {
  constexpr size_t kMax = 160;
  std::string flat;
  for (char c : text) flat += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (flat.size() <= kMax) return flat;
  size_t cut = flat.rfind(' ', kMax);
  if (cut == std::string::npos || cut < kMax / 2) cut = kMax;
  // Never inside a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;
  return flat.substr(0, cut) + "…";
}

std::string GrantLines(const json::object& grant) { return GrantLinesText(grant, false); }

std::string LineTitle(const json::object& line) {
  std::string kind = StateString(line, "kind");
  std::string who = StateString(line, "name");
  if (who.empty()) who = StateString(line, "email");
  if (kind == "user_role") return who + " as " + RoleTitle(StateString(line, "role"));
  if (kind == "break_glass") return who + "'s emergency access";
  if (kind == "grant") {
    std::string summary = StateString(line, "summary");
    return StateString(line, "party_name") + (summary.empty() ? "" : ": " + summary);
  }
  return who;
}

json::value FindingHref(const json::object& finding) {
  if (const json::value* s = finding.if_contains("source"); s && s->is_object()) {
    if (StateString(s->as_object(), "kind") == "review") {
      std::string id = StateString(s->as_object(), "id");
      if (!id.empty()) return json::value("/reviews/" + id);
    }
  }
  std::string party = StateString(finding, "party_id");
  if (!party.empty()) return json::value("/parties/" + party);
  return nullptr;
}

std::string VendorIncidentDetail(const json::object& doc) {
  std::string impact = StateString(doc, "vendor_impact");
  std::string status = StateString(doc, "vendor_status");
  std::string out =
      "The vendor reports " +
      (impact.empty() || impact == "unknown" ? std::string("an incident") : impact + " impact");
  if (!status.empty()) out += " (" + status + ")";
  return out;
}

std::string ChangeStep(std::string_view action, bool retrospective) {
  if (retrospective) {
    return action == "approve" ? "Approve it after the fact: an emergency change already released"
                               : "Review it after the fact: an emergency change already released";
  }
  if (action == "review") return "Peer review: it was tested";
  if (action == "approve") return "Approve it: it was tested and reviewed";
  return "Release it: it is approved";
}

}  // namespace accord::storage::my_work_text
