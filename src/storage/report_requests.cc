// Audit-report request commands (IN-4): a request is submitted (from the public form or by
// staff), linked to a customer or partner, NDA-checked, decided by an officer and delivered
// by a download link; the links themselves are used in report_links.cc.
#include "accord/storage/report_requests.h"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/domain/report_requests.h"
#include "accord/storage/documents.h"
#include "accord/storage/registry_store.h"
#include "accord/workflow/report_request.h"
#include "report_request_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::ActorJson;
using domain::StateString;
using namespace report_request_support;  // NOLINT: this file's own helpers

std::string_view ReportRequestSettings::NdaText() const {
  return nda_text.empty() ? domain::DefaultNdaText() : std::string_view(nda_text);
}

namespace {

namespace wf = workflow::report_request;

json::value OrNull(const std::string& s) {
  return s.empty() ? json::value(nullptr) : json::value(s);
}

// --- linking and the NDA check -------------------------------------------------------------

bool Linkable(const json::object& party) {
  std::string kind = StateString(party, "kind");
  return (kind == "customer" || kind == "partner") && StateString(party, "status") != "offboarded";
}

std::string LikeEscape(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

struct Match {
  std::string party_id;
  std::string how;   // email_domain | name
  std::string note;  // why nothing was linked
};

// The customers or partners whose website or a contact's email has this domain.
Result<std::set<std::string>> PartiesOfDomain(Tx& tx, const std::string& domain) {
  std::set<std::string> out;
  std::string pattern = "%" + LikeEscape(domain) + "%";
  auto rows = tx.Query(
      "SELECT kind, id, party_id, doc FROM rm_objects WHERE kind IN ('contact', 'party') AND "
      "to_idx = ? AND LOWER(doc) LIKE ? ESCAPE '\\'",
      {kOpenVersion, pattern});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& r : *rows) {
    auto doc = domain::ParseStateDoc(r.Text(3));
    if (!doc) continue;
    if (r.Text(0) == "contact") {
      if (domain::EmailDomain(StateString(*doc, "email")) == domain) out.insert(r.Text(2));
    } else if (domain::WebsiteDomain(StateString(*doc, "website")) == domain) {
      out.insert(r.Text(1));
    }
  }
  std::set<std::string> linkable;
  for (const auto& id : out) {
    auto party = GetObject(tx, "party", id, Scope{});
    if (!party.ok()) return std::move(party).error();
    if (party->has_value() && Linkable((*party)->doc)) linkable.insert(id);
  }
  return linkable;
}

Result<Match> FindParty(Tx& tx, const std::string& email, const std::string& organisation) {
  std::string domain = domain::EmailDomain(email);
  std::set<std::string> by_domain;
  if (!domain.empty() && !domain::IsPublicMailDomain(domain)) {
    auto found = PartiesOfDomain(tx, domain);
    if (!found.ok()) return std::move(found).error();
    by_domain = std::move(*found);
  }
  if (by_domain.size() == 1) return Match{*by_domain.begin(), "email_domain", ""};
  auto named = FindLiveByName(tx, "party", organisation);
  if (!named.ok()) return std::move(named).error();
  if (named->has_value()) {
    auto party = GetObject(tx, "party", **named, Scope{});
    if (!party.ok()) return std::move(party).error();
    if (party->has_value() && Linkable((*party)->doc)) {
      // The domain and the name agree: as good as a domain match. The name alone is a
      // suggestion: anyone can type it, so staff confirm it before any NDA is involved.
      if (by_domain.contains(**named)) return Match{**named, "email_domain", ""};
      if (by_domain.empty()) {
        return Match{**named, "name",
                     "matched by the organisation's name only: confirm the link (action link) "
                     "before the NDA check"};
      }
    }
  }
  if (by_domain.size() > 1) {
    return Match{"", "",
                 std::to_string(by_domain.size()) +
                     " customers or partners match the email's domain: link one by hand"};
  }
  return Match{"", "", "no customer or partner matches the email's domain or the name"};
}

Status SendNda(CommandContext& c, json::object& state, const ReportRequestSettings& settings) {
  TimePoint now = c.Now();
  auto link = IssueLink(c.tx(), "nda", StateString(state, "id"), "",
                        now + std::chrono::days(settings.nda_link_days), 1, now);
  if (!link.ok()) return std::move(link).error();
  state["nda"] = json::object{{"agreement_id", nullptr},
                              {"sent_at", FormatRfc3339(now)},
                              {"link_expires_at", FormatRfc3339(link->expires_at)},
                              {"accepted_at", nullptr}};
  return MailRequester(
      c.tx(), state, "nda:" + link->id, "Your request: please accept our NDA first",
      "Before we share our " + Label(state) +
          ", please read and accept our non-disclosure agreement here:\n\n" + settings.link_base +
          "/nda/" + link->token + "\n\nThe link is personal and works until " +
          FormatRfc3339(link->expires_at).substr(0, 10) +
          ". Once it is accepted, our security team reviews your request.\n" +
          ContactLine(settings),
      true, now);
}

// Linked: an NDA in force moves it on (nda_in_force), else one is sent (require_nda).
Status NdaCheck(CommandContext& c, json::object& state, const domain::Actor& actor,
                const ReportRequestSettings& settings) {
  auto nda = NdaInForce(c.tx(), StateString(state, "party_id"), c.Now());
  if (!nda.ok()) return std::move(nda).error();
  auto to =
      StatusAfter(state, nda->has_value() ? wf::Action::kNdaInForce : wf::Action::kRequireNda);
  if (!to.ok()) return std::move(to).error();
  if (nda->has_value()) {
    state["nda"] = json::object{{"agreement_id", **nda},
                                {"sent_at", nullptr},
                                {"link_expires_at", nullptr},
                                {"accepted_at", nullptr}};
    Step(state, "nda_checked", *to, actor, c.Now(), "executed NDA " + **nda + " is in force");
    // An officer sending a questionnaire's link approves it in the same command.
    if (StateString(state, "source") == "questionnaire") return Ok();
    return TellDeciders(c, state);
  }
  ACCORD_TRY(SendNda(c, state, settings));
  Step(state, "nda_sent", *to, actor, c.Now(), "no executed NDA in force");
  return Ok();
}

Result<json::object> LoadRequest(Tx& tx, const std::string& id) {
  auto o = GetObject(tx, "report_request", id, Scope{});
  if (!o.ok()) return std::move(o).error();
  if (!o->has_value()) return NotFound("report request " + id);
  return std::move((*o)->doc);
}

// The workforce's and the officers' actions; the requester's come through a link and the
// NDA check's follow linking.
bool ByStaff(wf::Action action) {
  wf::Taker taker = wf::TakerOf(action);
  return taker == wf::Taker::kWorkforce || taker == wf::Taker::kDecider;
}

int64_t IntOr(const json::object& body, std::string_view key, int64_t fallback) {
  const json::value* v = body.if_contains(key);
  return v && v->is_int64() ? v->as_int64() : fallback;
}

// The report a request of this type gets by default: the newest document of a certification
// of the matching framework that is valid now ("" when there is none).
Result<std::string> DefaultReport(Tx& tx, const std::string& report_type, TimePoint now) {
  std::vector<std::string> frameworks;
  if (report_type == "soc2_type2") frameworks = {"soc2_type2"};
  if (report_type == "soc2_type1") frameworks = {"soc2_type1", "soc2_type2"};
  if (report_type == "iso27001") frameworks = {"iso27001_2022"};
  if (report_type == "hitrust") frameworks = {"hitrust_r2", "hitrust_i1"};
  std::string at = FormatRfc3339(now), best;
  for (const auto& framework : frameworks) {
    auto certs = tx.Query(
        "SELECT id, doc FROM rm_objects WHERE kind = 'certification' AND to_idx = ? AND tag = ?",
        {kOpenVersion, framework});
    if (!certs.ok()) return std::move(certs).error();
    for (const auto& row : *certs) {
      auto doc = domain::ParseStateDoc(row.Text(1));
      if (!doc || StateString(*doc, "valid_from") > at || StateString(*doc, "valid_until") <= at) {
        continue;
      }
      auto docs = LiveChildren(tx, "document", "parent_id", row.Text(0));
      if (!docs.ok()) return std::move(docs).error();
      for (const auto& d : *docs) best = std::max(best, d.id);  // ids order by creation
    }
    if (!best.empty()) return best;
  }
  return best;
}

bool IsMatrixRequest(const json::object& state) {
  return StateString(state, "report_type") == "inheritance_matrix";
}

// An inheritance-matrix request (issue 23): the linked customer's own matrix, rendered now and
// stored as a document of that customer, only while an NDA is in force with it. The officer
// names no document: no other customer's matrix can go out on this request.
Result<std::string> RenderMatrix(CommandContext& c, const domain::Actor& actor,
                                 const json::object& state, const json::object& body,
                                 const ReportRequestSettings& settings) {
  if (!StateString(body, "document_id").empty()) {
    return ValidationError("document_id",
                           "must not be given: the customer's inheritance matrix is rendered "
                           "when it is sent");
  }
  std::string party_id = StateString(state, "party_id");
  auto party = GetObject(c.tx(), "party", party_id, Scope{});
  if (!party.ok()) return std::move(party).error();
  if (!party->has_value() || StateString((*party)->doc, "kind") != "customer") {
    return ValidationError("party_id",
                           "the inheritance matrix is a customer's: link the request to one");
  }
  auto nda = NdaInForce(c.tx(), party_id, c.Now());
  if (!nda.ok()) return std::move(nda).error();
  if (!nda->has_value()) {
    return Error{ErrorCode::kConflict,
                 "no NDA is in force with this customer: send one (send_nda) first",
                 {{"nda", "no executed NDA in force", std::nullopt}}};
  }
  if (!settings.render_matrix) return Internal("this server cannot render the matrix");
  std::string format = StateString(body, "format");
  auto file = settings.render_matrix(c.tx(), c.Now(), party_id, format.empty() ? "html" : format);
  if (!file.ok()) return std::move(file).error();
  auto stored = StoreDocument(c, DocumentUpload{.scope = Scope{},
                                                .actor = actor,
                                                .parent_kind = "party",
                                                .parent_id = party_id,
                                                .filename = file->filename,
                                                .content_type = file->content_type,
                                                .body = std::move(file->body)});
  if (!stored.ok()) return std::move(stored).error();
  return StateString(stored->as_object(), "id");
}

// Issues a download link for `document_id` and mails it; fills state["delivery"].
Status Deliver(CommandContext& c, json::object& state, const std::string& document_id, int64_t days,
               int64_t max_downloads, const ReportRequestSettings& settings) {
  auto doc = GetObject(c.tx(), "document", document_id, Scope{});
  if (!doc.ok()) return std::move(doc).error();
  if (!doc->has_value()) {
    return ValidationError("document_id", "no document has id " + document_id);
  }
  // A matrix request delivers only the matrix rendered for its own customer.
  if (IsMatrixRequest(state)) {
    if (StateString((*doc)->doc, "party_id") != StateString(state, "party_id")) {
      return ValidationError("document_id", "must be this customer's own inheritance matrix");
    }
  } else if (StateString((*doc)->doc, "certification_id").empty()) {
    // Only our own reports go out: a document uploaded under one of our certifications, never
    // a party's agreement or evidence.
    return ValidationError("document_id",
                           "must be a document of one of our certifications (uploaded at "
                           "/api/v1/certifications/{id}/documents)");
  }
  TimePoint now = c.Now();
  auto link = IssueLink(c.tx(), "download", StateString(state, "id"), document_id,
                        now + std::chrono::days(days), max_downloads, now);
  if (!link.ok()) return std::move(link).error();
  json::array downloads = DeliveredDownloads(state);
  state["delivery"] = json::object{{"document_id", document_id},
                                   {"filename", StateString((*doc)->doc, "filename")},
                                   {"sha256", StateString((*doc)->doc, "sha256")},
                                   {"link_id", link->id},
                                   {"expires_at", FormatRfc3339(link->expires_at)},
                                   {"max_downloads", max_downloads},
                                   {"downloads", std::move(downloads)}};
  return MailRequester(
      c.tx(), state, "download:" + link->id, "Your requested report is ready",
      "Your request for our " + Label(state) +
          " was approved. Download it here (the page has a Download button):\n\n" +
          settings.link_base + "/downloads/" + link->token + "\n\nThe link is personal: it works " +
          std::to_string(max_downloads) + (max_downloads == 1 ? " time" : " times") + " until " +
          FormatRfc3339(link->expires_at).substr(0, 10) +
          ", and every download is recorded. The report stays under the NDA you accepted.\n" +
          ContactLine(settings),
      true, now);
}

}  // namespace

Result<json::object> SubmitReportRequest(CommandContext& c, const domain::Actor& actor,
                                         const json::object& fields, const RequestOrigin& origin,
                                         const ReportRequestSettings& settings) {
  TimePoint now = c.Now();
  std::string email = domain::Lowercase(StateString(fields, "email"));
  std::string type = StateString(fields, "report_type");
  bool is_public = origin.source == "public_form";
  if (is_public) {
    ACCORD_TRY(CountPublicPost(c.tx(), ClientKey(origin.address), now, kPublicPostsPerHour,
                               std::chrono::hours(1)));
    // Per email *from this client network*: a stranger typing someone else's address uses up
    // only their own share, never the owner's (the hourly per-address limit bounds them).
    ACCORD_TRY(CountPublicPost(c.tx(), "rrq:" + email + " " + ClientKey(origin.address), now,
                               kRequestsPerEmailPerDay, std::chrono::hours(24)));
    // The same person asking again for the same report while one is open: that one.
    auto open = c.tx().Query(
        "SELECT doc FROM rm_objects WHERE kind = 'report_request' AND to_idx = ? AND tag = ? AND "
        "status IN ('received', 'nda_sent', 'in_progress') AND LOWER(doc) LIKE ? ESCAPE '\\'",
        {kOpenVersion, type, "%" + LikeEscape(email) + "%"});
    if (!open.ok()) return std::move(open).error();
    for (const auto& r : *open) {
      auto doc = domain::ParseStateDoc(r.Text(0));
      if (!doc || domain::Lowercase(Requester(*doc, "email")) != email) continue;
      // Asking again because the NDA link expired: a new link, the same request.
      const json::value* nda = doc->if_contains("nda");
      std::string expires =
          nda && nda->is_object() ? StateString(nda->as_object(), "link_expires_at") : "";
      if (StateString(*doc, "status") == "nda_sent" && !expires.empty() &&
          expires <= FormatRfc3339(now)) {
        domain::Actor system = domain::SystemActor();
        auto to = StatusAfter(*doc, wf::Action::kSendNda);
        if (!to.ok()) return std::move(to).error();
        ACCORD_TRY(SendNda(c, *doc, settings));
        Step(*doc, "nda_sent", *to, system, now,
             "asked again after the NDA link expired: a new one was sent");
        auto index = AppendRequest(c, "report_request.nda_sent", system, *doc);
        if (!index.ok()) return std::move(index).error();
      }
      return std::move(*doc);
    }
  }
  std::string id = NewId("rrq", now);
  std::string at = FormatRfc3339(now);
  json::object state{{"id", id},
                     {"requester", json::object{{"name", StateString(fields, "name")},
                                                {"email", StateString(fields, "email")}}},
                     {"organisation", StateString(fields, "organisation")},
                     {"report_type", type},
                     {"needed_by", OrNull(StateString(fields, "needed_by"))},
                     {"message", OrNull(StateString(fields, "message"))},
                     {"source", origin.source},
                     {"party_id", nullptr},
                     {"link", nullptr},
                     {"status", "received"},
                     {"nda", nullptr},
                     {"decision", nullptr},
                     {"delivery", nullptr},
                     {"history", json::array{}},
                     {"created_at", at},
                     {"updated_at", at},
                     {"version", 0}};
  // A customer's questionnaire sent by an officer (questionnaire_links.h) names it.
  if (!StateString(fields, "questionnaire_id").empty()) {
    state["questionnaire_id"] = StateString(fields, "questionnaire_id");
  }
  // Link: the staff's choice, else by domain or name.
  std::string party_id = StateString(fields, "party_id");
  Match match;
  if (!party_id.empty()) {
    auto party = GetObject(c.tx(), "party", party_id, Scope{});
    if (!party.ok()) return std::move(party).error();
    if (!party->has_value()) return ValidationError("party_id", "no party has id " + party_id);
    if (!Linkable((*party)->doc)) {
      return ValidationError("party_id", "must be a customer or partner that is not offboarded");
    }
    match = Match{party_id, "staff", ""};
  } else {
    auto found = FindParty(c.tx(), email, StateString(fields, "organisation"));
    if (!found.ok()) return std::move(found).error();
    match = std::move(*found);
  }
  // Linked for good by staff or by the email's domain; a name match waits for staff.
  bool confirmed = !match.party_id.empty() && match.how != "name";
  if (!confirmed) {
    if (!match.party_id.empty()) state["party_id"] = match.party_id;
    state["link"] =
        json::object{{"how", match.how.empty() ? json::value(nullptr) : json::value(match.how)},
                     {"note", match.note}};
  }
  Step(state, "submitted", "received", actor, now);
  json::object extra;
  if (is_public) extra["address"] = origin.address;
  auto index = AppendRequest(c, "report_request.submitted", actor, state, std::move(extra));
  if (!index.ok()) return std::move(index).error();
  // A questionnaire's link was not asked for: nothing to acknowledge.
  if (origin.source != "questionnaire") {
    ACCORD_TRY(MailRequester(c.tx(), state, "received", "We received your request",
                             "We received your request for our " + Label(state) +
                                 ". We will email you at this address about the next step.\n" +
                                 ContactLine(settings),
                             false, now));
  }
  domain::Actor system = domain::SystemActor();
  if (!confirmed) {
    ACCORD_TRY(MailStaff(c.tx(), wf::WorkforceRoles(), state, "link",
                         "Audit-report request to link",
                         StateString(state, "organisation") + " asks for our " + Label(state) +
                             ". " + match.note + ".",
                         now));
    state["ledger_index"] = static_cast<int64_t>(*index);
    return state;
  }
  state["party_id"] = match.party_id;
  state["link"] = json::object{{"how", match.how}, {"note", nullptr}};
  const domain::Actor& linker = match.how == "staff" ? actor : system;
  auto to = StatusAfter(state, wf::Action::kLink);
  if (!to.ok()) return std::move(to).error();
  Step(state, "linked", *to, linker, now, "linked by " + match.how);
  ACCORD_TRY(NdaCheck(c, state, linker, settings));
  auto linked = AppendRequest(c, "report_request.linked", linker, state);
  if (!linked.ok()) return std::move(linked).error();
  state["ledger_index"] = static_cast<int64_t>(*linked);
  return state;
}

Result<json::object> ReportRequestAction(CommandContext& c, const domain::Actor& actor,
                                         const std::string& id, const json::object& body,
                                         const ReportRequestSettings& settings) {
  auto loaded = LoadRequest(c.tx(), id);
  if (!loaded.ok()) return std::move(loaded).error();
  json::object state = std::move(*loaded);
  std::string action = StateString(body, "action");
  std::string comment = StateString(body, "comment");
  auto act = wf::ParseAction(action);
  if (!act || !ByStaff(*act)) return NotPossible(state, action);
  auto to = StatusAfter(state, *act);
  if (!to.ok()) return std::move(to).error();
  // The officers' actions are the officers'; the route refused break-glass already and
  // admits only the workforce.
  if (wf::TakerOf(*act) == wf::Taker::kDecider) {
    if (auto no = wf::RoleRefusal(actor.role, false, *act)) return *no;
  }
  TimePoint now = c.Now();
  std::string type = "report_request." + std::string(action == "link"       ? "linked"
                                                     : action == "send_nda" ? "nda_sent"
                                                     : action == "approve"  ? "approved"
                                                     : action == "reject"   ? "rejected"
                                                     : action == "cancel"   ? "cancelled"
                                                                            : "reissued");
  if (action == "link") {
    std::string party_id = StateString(body, "party_id");
    if (party_id.empty()) party_id = StateString(state, "party_id");  // confirm the suggestion
    if (party_id.empty()) return ValidationError("party_id", "is required to link");
    auto party = GetObject(c.tx(), "party", party_id, Scope{});
    if (!party.ok()) return std::move(party).error();
    if (!party->has_value()) return ValidationError("party_id", "no party has id " + party_id);
    if (!Linkable((*party)->doc)) {
      return ValidationError("party_id", "must be a customer or partner that is not offboarded");
    }
    state["party_id"] = party_id;
    state["link"] = json::object{{"how", "staff"}, {"note", nullptr}};
    Step(state, "linked", *to, actor, now, comment);
    ACCORD_TRY(NdaCheck(c, state, actor, settings));
  } else if (action == "send_nda") {
    ACCORD_TRY(SendNda(c, state, settings));
    Step(state, "nda_sent", *to, actor, now, comment.empty() ? "NDA sent again" : comment);
  } else if (action == "approve" && IsQuestionnaireRequest(state)) {
    if (!StateString(body, "document_id").empty()) {
      return ValidationError("document_id",
                             "must not be given: the customer's questionnaire is what is sent");
    }
    int64_t days = IntOr(body, "expires_in_days", settings.default_link_days);
    int64_t max = IntOr(body, "max_downloads", settings.default_max_downloads);
    ACCORD_TRY(DeliverQuestionnaire(c, state, days, max, settings));
    state["decision"] = json::object{{"action", "approved"},
                                     {"by", ActorJson(actor)},
                                     {"at", FormatRfc3339(now)},
                                     {"reason", OrNull(comment)}};
    Step(state, "approved", *to, actor, now, comment);
  } else if (action == "reissue" && IsQuestionnaireRequest(state)) {
    int64_t days = IntOr(body, "expires_in_days", settings.default_link_days);
    int64_t max = IntOr(body, "max_downloads", settings.default_max_downloads);
    ACCORD_TRY(DeliverQuestionnaire(c, state, days, max, settings));
    Step(state, "reissued", *to, actor, now, comment);
  } else if (action == "approve") {
    std::string document_id = StateString(body, "document_id");
    if (IsMatrixRequest(state)) {
      auto rendered = RenderMatrix(c, actor, state, body, settings);
      if (!rendered.ok()) return std::move(rendered).error();
      document_id = *rendered;
    } else if (document_id.empty()) {
      auto found = DefaultReport(c.tx(), StateString(state, "report_type"), now);
      if (!found.ok()) return std::move(found).error();
      document_id = *found;
    }
    if (document_id.empty()) {
      return ValidationError("document_id",
                             "is required to approve: no current certification of this report "
                             "type has a document (upload it at "
                             "/api/v1/certifications/{id}/documents)");
    }
    int64_t days = IntOr(body, "expires_in_days", settings.default_link_days);
    int64_t max = IntOr(body, "max_downloads", settings.default_max_downloads);
    ACCORD_TRY(Deliver(c, state, document_id, days, max, settings));
    state["decision"] = json::object{{"action", "approved"},
                                     {"by", ActorJson(actor)},
                                     {"at", FormatRfc3339(now)},
                                     {"reason", OrNull(comment)}};
    Step(state, "approved", *to, actor, now, comment);
  } else if (action == "reissue") {
    const json::value* d = state.if_contains("delivery");
    std::string document_id =
        d && d->is_object() ? StateString(d->as_object(), "document_id") : std::string();
    if (!StateString(body, "document_id").empty()) document_id = StateString(body, "document_id");
    if (IsMatrixRequest(state)) {
      // A new link to the same matrix, only while the NDA is still in force.
      auto nda = NdaInForce(c.tx(), StateString(state, "party_id"), now);
      if (!nda.ok()) return std::move(nda).error();
      if (!nda->has_value()) {
        return Error{ErrorCode::kConflict,
                     "no NDA is in force with this customer any more",
                     {{"nda", "no executed NDA in force", std::nullopt}}};
      }
    }
    int64_t days = IntOr(body, "expires_in_days", settings.default_link_days);
    int64_t max = IntOr(body, "max_downloads", settings.default_max_downloads);
    ACCORD_TRY(Deliver(c, state, document_id, days, max, settings));
    Step(state, "reissued", *to, actor, now, comment);
  } else {  // reject | cancel
    if (comment.empty()) {
      return ValidationError("comment", "is required to " + action + ": give the reason");
    }
    ACCORD_TRY(c.tx().Exec(
        "UPDATE report_links SET revoked_at = ? WHERE request_id = ? AND revoked_at IS NULL",
        {FormatRfc3339(now), id}));
    if (action == "reject") {
      state["decision"] = json::object{{"action", "rejected"},
                                       {"by", ActorJson(actor)},
                                       {"at", FormatRfc3339(now)},
                                       {"reason", comment}};
      ACCORD_TRY(MailRequester(c.tx(), state, "rejected", "Your request was declined",
                               "We are sorry: we cannot share our " + Label(state) +
                                   " in answer to this request.\n" + ContactLine(settings),
                               false, now));
    }
    Step(state, action, *to, actor, now, comment);
  }
  json::object extra;
  if (!comment.empty()) extra["comment"] = comment;
  auto index = AppendRequest(c, type, actor, state, std::move(extra));
  if (!index.ok()) return std::move(index).error();
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

Result<std::optional<std::string>> NdaInForce(Tx& tx, const std::string& party_id, TimePoint now) {
  auto agreements = LiveChildren(tx, "agreement", "party_id", party_id);
  if (!agreements.ok()) return std::move(agreements).error();
  std::string at = FormatRfc3339(now);
  for (const auto& a : *agreements) {
    const json::object& d = a.doc;
    if (StateString(d, "type") != "nda" || StateString(d, "status") != "executed") continue;
    std::string from = StateString(d, "effective_at"), until = StateString(d, "expires_at");
    if (!from.empty() && from > at) continue;
    if (!until.empty() && until <= at) continue;  // an expired NDA means a new NDA
    return std::optional<std::string>(a.id);
  }
  return std::optional<std::string>();
}

}  // namespace accord::storage
