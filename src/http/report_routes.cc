// Helpers shared by the audit-report request, report-link and subscription routes
// (report_routes.h): link problems, form checks and the group's state.
#include "report_routes.h"

#include "compliance_matrix_report.h"

#include <boost/json.hpp>
#include <chrono>
#include <mutex>

#include "accord/domain/registry.h"
#include "accord/domain/report_requests.h"
#include "accord/http/json.h"
#include "accord/storage/report_requests.h"
#include "accord/storage/throttle.h"
#include "accord/storage/trust.h"

namespace accord::http::report_routes {

Response LinkProblem(storage::LinkState state) {
  if (state == storage::LinkState::kExpired) {
    return PublicHtml(NoticePage("This link has expired",
                                 "Personal links work for a limited time. Ask us for a new one "
                                 "by requesting the report again."),
                      410);
  }
  if (state == storage::LinkState::kUsedUp) {
    return PublicHtml(NoticePage("This link has been used",
                                 "It allowed a limited number of uses and they are all used. "
                                 "Ask us for a new one."),
                      410);
  }
  return PublicHtml(
      NoticePage("Link not found", "This link is not valid. Check that it was copied whole."), 404);
}

Response LinkProblem(const Error& e) {
  if (e.code == ErrorCode::kNotFound) return LinkProblem(storage::LinkState::kUnknown);
  // A customer questionnaire's link: why it may not be downloaded, in the words it came with.
  if (e.code == ErrorCode::kForbidden) {
    return SecretLinkHtml(NoticePage("This questionnaire cannot be downloaded", e.message), 403);
  }
  if (e.code == ErrorCode::kConflict) {
    bool expired = !e.details.empty() && e.details[0].reason == "expired";
    return LinkProblem(expired ? storage::LinkState::kExpired : storage::LinkState::kUsedUp);
  }
  return ErrorResponse(e);
}

std::string Printable(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 500)) {
    auto u = static_cast<unsigned char>(c);
    out += u < 0x20 || u >= 0x7f ? '?' : c;
  }
  return out;
}

json::object FormFields(const std::map<std::string, std::string>& form,
                        const std::vector<domain::FieldSpec>& specs) {
  json::object body;
  for (const auto& spec : specs) {
    auto it = form.find(spec.name);
    if (it == form.end() || (it->second.empty() && !spec.required)) continue;
    body[spec.name] = it->second;
  }
  return body;
}

Result<json::object> Validated(const json::object& body,
                               const std::vector<domain::FieldSpec>& specs) {
  std::vector<ErrorDetail> details;
  json::object out;
  domain::ValidateFields(specs, body, false, "", out, details);
  for (const auto& [key, value] : out) {
    if (value.is_string() && domain::HasUnsafeText(value.as_string())) {
      details.push_back({std::string(key),
                         "must not contain control, line-separator or bidirectional characters",
                         {}});
    }
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  return out;
}

Response RateLimitedResponse(Response r, const Error& e) {
  if (int64_t wait = storage::RetryAfterSeconds(e); wait > 0) {
    r.headers.push_back({"Retry-After", std::to_string(wait)});
  }
  return r;
}

storage::ReportRequestSettings ReportPages::Settings() const {
  storage::ReportRequestSettings s;
  if (deps.trust) {
    // listen_url is set before `ready`; before that only a configured public URL is used.
    bool ready = deps.ready == nullptr || deps.ready->load();
    s.link_base = ready ? deps.trust->LinkBase() : deps.trust->public_url;
    s.security_contact = deps.trust->security_contact;
    s.nda_text = deps.trust->nda_text;
    s.nda_valid_months = deps.trust->nda_valid_months;
    s.nda_link_days = deps.trust->nda_link_days;
  }
  s.render_matrix = MatrixReportRenderer(deps);
  return s;
}

std::string ReportPages::Organisation() {
  MonoTime now = deps.clock.Monotonic();
  {
    std::lock_guard lock(mu_);
    if (!org_.empty() && now - org_at_ < std::chrono::seconds(5)) return org_;
  }
  std::string name;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto org = storage::OrganisationName(tx);
    if (!org.ok()) return std::move(org).error();
    name = std::move(*org);
    return Ok();
  });
  if (!s.ok() || name.empty()) return "We";
  std::lock_guard lock(mu_);
  org_ = name;
  org_at_ = now;
  return name;
}

void ReportPages::Submit(Reply reply,
                         std::function<Result<json::object>(storage::CommandContext&)> command,
                         std::function<Response(Result<json::object>)> done) {
  deps.log.Submit(
      [command = std::move(command)](storage::CommandContext& c) -> Result<json::value> {
        auto r = command(c);
        if (!r.ok()) return std::move(r).error();
        return json::value(std::move(*r));
      },
      [reply = std::move(reply), done = std::move(done)](Result<json::value> r) {
        if (!r.ok()) return reply(done(std::move(r).error()));
        reply(done(std::move(r->as_object())));
      });
}

Result<storage::ReportLink> ReportPages::Lookup(const Context& ctx, std::string_view purpose) {
  storage::ReportLink link;
  TimePoint now = deps.clock.Now();
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto l = storage::FindReportLink(tx, ctx.path_params.at("token"), purpose, now);
    if (!l.ok()) return std::move(l).error();
    link = std::move(*l);
    return Ok();
  });
  if (!s.ok()) return std::move(s).error();
  return link;
}

}  // namespace accord::http::report_routes
