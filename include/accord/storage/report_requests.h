// Audit-report requests (IN-4): a request from the public form or logged by staff is linked
// to a customer or partner, NDA-gated (a click-through NDA becomes an executed `nda`
// agreement), decided by an officer and delivered by a personal, expiring, limited download
// link. Every step is a ledger event carrying the request's whole state; the links' secrets
// live only as SHA-256 hashes in `report_links`, and emails carry links, never reports.
#pragma once

#include <boost/json/object.hpp>
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "accord/core/clock.h"
#include "accord/core/result.h"
#include "accord/domain/event.h"
#include "accord/storage/event_log.h"
#include "accord/storage/throttle.h"

namespace accord::storage {

// A customer's inheritance matrix rendered for delivery (issue 23): the file a download link
// hands out.
struct RenderedReport {
  std::string filename, content_type, body;
};
// Renders the matrix of `party_id` at `now` as "html" or "csv" inside the approval's
// transaction (set by the HTTP layer, which holds the profile and the page's look).
using MatrixRenderer = std::function<Result<RenderedReport>(
    Tx& tx, TimePoint now, const std::string& party_id, const std::string& format)>;

struct ReportRequestSettings {
  std::string link_base;         // "https://trust.example.com": absolute links in emails
  std::string security_contact;  // named in emails to requesters ("" = none)
  std::string nda_text;          // the click-through NDA ("" = domain::DefaultNdaText())
  int nda_valid_months = 12;     // an accepted NDA's term
  int nda_link_days = 14;        // how long an NDA link works
  int default_link_days = 7;     // download links (approve without expires_in_days)
  int default_max_downloads = 3;
  MatrixRenderer render_matrix;  // null: inheritance-matrix requests cannot be approved
  std::string_view NdaText() const;
};

// Public forms (the request form, subscriptions): per client address, at most this many
// accepted posts per hour; per requester email and client network, this many requests per day
// (so a stranger cannot use up someone else's).
inline constexpr int kPublicPostsPerHour = 5;
inline constexpr int kRequestsPerEmailPerDay = 3;

struct RequestOrigin {
  std::string source;   // public_form | staff
  std::string address;  // the client's IP address (public form)
};

// Records a request (`fields` validated by domain::ReportRequestFields), acknowledges it to
// the requester, links it to a party (the staff's party_id, else the email's domain, else the
// exact organisation name) and runs the NDA check: an executed NDA in force → in_progress
// (the officers are told); none → an NDA link is emailed (nda_sent); no party → received
// (the workforce is told to link it). A public request from an email with an open request
// of the same report type is not recorded twice: the open one is returned.
Result<boost::json::object> SubmitReportRequest(CommandContext& c, const domain::Actor& actor,
                                                const boost::json::object& fields,
                                                const RequestOrigin& origin,
                                                const ReportRequestSettings& settings);

// One step by the workforce (body validated by domain::ReportRequestActionFields): link
// (received → the NDA check), send_nda (a new NDA link, the old one revoked), approve (an
// officer: a download link for document_id, by default the newest document of a current
// certification of the report's framework; for an inheritance-matrix request the customer's
// own matrix rendered now, only while an NDA is in force with it), reject (an officer, with a
// reason: the requester is told), cancel (with a reason), reissue (a new download link, the old one
// revoked). 409 naming the allowed actions; 403 when a non-officer approves, rejects or reissues.
Result<boost::json::object> ReportRequestAction(CommandContext& c, const domain::Actor& actor,
                                                const std::string& id,
                                                const boost::json::object& body,
                                                const ReportRequestSettings& settings);

// A link as its page shows it.
enum class LinkState { kUnknown, kValid, kExpired, kUsedUp };
struct ReportLink {
  LinkState state = LinkState::kUnknown;
  std::string id, purpose, request_id, document_id;
  TimePoint expires_at{};
  int64_t max_uses = 0, uses = 0;
  boost::json::object request;   // the request's state
  boost::json::object document;  // download links: the document's state
  // A customer questionnaire's link (questionnaire_links.h): `document` holds its filename, and
  // `refusal` says in plain words why it cannot be downloaded now ("" when it can).
  std::string refusal;
};
// purpose: "nda" | "download". A revoked link, or one whose request is no longer waiting for
// it, is kUnknown.
Result<ReportLink> FindReportLink(Tx& tx, std::string_view token, std::string_view purpose,
                                  TimePoint now);

struct NdaAcceptance {
  std::string name, email, organisation, address, user_agent;
};
// Records the acceptance of a valid NDA link: the NDA's text is stored (content addressed),
// an executed `nda` agreement with the acceptance record is created on the request's party,
// the request moves to in_progress and the officers are told. 404 for an unknown link, 410-
// like kConflict for an expired or used one. Fields are validated by the caller.
Result<boost::json::object> AcceptNda(CommandContext& c, std::string_view token,
                                      const NdaAcceptance& acceptance,
                                      const ReportRequestSettings& settings);

// Counts one download of a valid link (who: the requester; when; from which address and
// user agent) and completes the request at the first. Returns the document's state; the
// bytes are read after the commit (documents table, by sha256). A customer questionnaire's
// link returns the file itself in `content` (the questionnaire as it is now, its download
// recorded on the questionnaire too), or 403 in plain words when it may not be downloaded.
Result<boost::json::object> RecordDownload(CommandContext& c, std::string_view token,
                                           const std::string& address,
                                           const std::string& user_agent);

// The party's executed NDA in force at `now`: its agreement id, or nullopt when none (an
// expired NDA means a new one). The trust center's reports and customers' questionnaires share it.
Result<std::optional<std::string>> NdaInForce(Tx& tx, const std::string& party_id, TimePoint now);

}  // namespace accord::storage
