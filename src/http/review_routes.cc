// Helpers shared by the review, finding and report routes (review_routes.h): body checks,
// the profile's role question, and the write path.
#include "review_routes.h"

#include <boost/json.hpp>

#include "accord/domain/registry.h"
#include "accord/http/json.h"
#include "accord/workflow/rules.h"

namespace accord::http::review_routes {

using domain::StateString;

Result<json::object> ParseBody(std::string_view text,
                               const std::vector<domain::FieldSpec>& fields) {
  auto body = ParseJsonObject(text);
  if (!body.ok()) return std::move(body).error();
  std::vector<ErrorDetail> details;
  json::object out;
  domain::ValidateFields(fields, *body, false, "", out, details);
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  return out;
}

std::optional<Error> Refusal(const Principal& p, const std::vector<std::string>& roles,
                             const std::string& what) {
  if (p.break_glass) {
    return Error{ErrorCode::kForbidden,
                 "not during break-glass: " + what + " is done signed in as yourself",
                 {}};
  }
  if (workflow::RoleIn(roles, p.role)) return std::nullopt;
  return Error{ErrorCode::kForbidden,
               "the profile lets only " + workflow::RoleNames(roles) + " " + what + " (TP-12)",
               {{"role", "is " + p.role, {}}}};
}

std::vector<std::string> IdList(const json::object& body, std::string_view field) {
  std::vector<std::string> out;
  if (const json::value* v = body.if_contains(field); v && v->is_array()) {
    for (const auto& x : v->as_array()) out.emplace_back(x.as_string());
  }
  return out;
}

std::optional<TimePoint> TimeOf(const json::object& body, std::string_view field) {
  auto t = ParseRfc3339(StateString(body, field));
  if (!t.ok()) return std::nullopt;
  return *t;
}

const policy::ReviewsPolicy& ReviewsPolicyOf(const ApiDeps& deps) {
  static const policy::ReviewsPolicy kDefaults;
  return deps.profile ? deps.profile->reviews : kDefaults;
}

void Submit(ApiDeps& deps, Reply reply, int status,
            std::function<Result<json::object>(storage::CommandContext&)> command) {
  deps.log.Submit(
      [command = std::move(command)](storage::CommandContext& c) -> Result<json::value> {
        auto r = command(c);
        if (!r.ok()) return std::move(r).error();
        return json::value(std::move(*r));
      },
      [reply = std::move(reply), status](Result<json::value> r) { reply(ToResponse(r, status)); });
}

}  // namespace accord::http::review_routes
