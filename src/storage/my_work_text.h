// The words My work shows for its groups and items (private to storage/): plain language, no
// role or kind keys, shared by the answer (my_work.cc) and the daily digest
// (my_work_digest.cc).
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <string_view>

namespace accord::storage::my_work_text {

// "Reviews assigned to you", by the group's kind.
std::string_view GroupTitle(std::string_view kind);
// "Security Officer" for security_officer; the key itself for a role it does not know.
std::string RoleTitle(std::string_view role);
// "5 Nov 2026" for an RFC 3339 time or a date (as the portal writes dates); the text itself
// when it is neither.
std::string HumanDay(std::string_view time);
// `text` with every YYYY-MM-DD in it written as HumanDay does.
std::string HumanDates(std::string_view text);
// "High severity".
std::string Severity(std::string_view severity);
// At most 160 characters of `text` on one line, cut at a word with "…".
std::string Excerpt(std::string_view text);
// "read on Luma platform (staging); write on Developer sandbox": a grant's lines.
std::string GrantLines(const boost::json::object& grant);
// What an entitlement-review line is about: "Alex Chen as Staff", "Sam Rivera's emergency
// access", "Brightcode Studio: read on …".
std::string LineTitle(const boost::json::object& line);
// Where a finding is worked on today: the review that found it, else its party's page; null
// without either (the findings board will be its screen).
boost::json::value FindingHref(const boost::json::object& finding);
// "The vendor reports major impact (investigating)": a vendor incident's item detail.
std::string VendorIncidentDetail(const boost::json::object& incident);
// What a change request waits for from the person: "Peer review: it was tested" …
std::string ChangeStep(std::string_view action, bool retrospective);

}  // namespace accord::storage::my_work_text
