// The dashboard's red flags (issue 20): what is wrong now, each with where it is fixed
// (storage/red_flags.h). For the dashboard's readers: the officers and the auditor.
#include <boost/json.hpp>

#include "accord/domain/roles.h"
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/schema.h"
#include "accord/storage/red_flags.h"

namespace accord::http {

namespace json = boost::json;

namespace {

constexpr uint64_t kDefaultItems = 10;
constexpr uint64_t kMaxItems = 100;

json::object RedFlagsSchema() {
  using namespace schema;
  json::object item = Object(
      {{"kind", Enum({"agreement_missing", "soc2_missing", "review_overdue", "finding_overdue",
                      "grant_outlives_agreement", "commitment_missing"})},
       {"id", Text("what is wrong: the party (agreements, SOC 2, commitments), review, finding "
                   "or grant")},
       {"title", String()},
       {"detail", String()},
       {"party_id", Nullable(String())},
       {"party_name", Nullable(String())},
       {"agreement_id", Nullable(Text("the lapsed agreement, to renew"))},
       {"since", Nullable(Time())},
       {"days", Nullable(Int())},
       {"href", Nullable(Text("the portal path (under /app) where it is fixed"))}});
  return Object({{"at", Time()},
                 {"total", Int()},
                 {"groups", ArrayOf(Object({{"kind", String()},
                                            {"title", String()},
                                            {"count", Int()},
                                            {"items", ArrayOf(std::move(item))}}))}});
}

Response RedFlags(ApiDeps& deps, Context& ctx) {
  auto limit = ParseGroupLimit(ctx, kDefaultItems, 1, kMaxItems);
  if (!limit.ok()) return ErrorResponse(limit.error());
  if (!deps.profile) return ErrorResponse(Internal("no policy profile"));
  json::object body;
  Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
    auto flags = storage::RedFlags(tx, *deps.profile, deps.clock.Now(), *limit);
    if (!flags.ok()) return std::move(flags).error();
    body = std::move(*flags);
    return Ok();
  });
  return s.ok() ? JsonResponse(body) : ErrorResponse(s.error());
}

}  // namespace

void AddRedFlagRoutes(Router& router, ApiDeps& deps) {
  router.Add(ReadRoute("/api/v1/red-flags", domain::kLedgerReaders, Json(RedFlagsSchema()))
                 .Summary("What is wrong now: required agreements not in force, infrastructure "
                          "partners without a current SOC 2 review, overdue reviews and findings, "
                          "access that outlasts its agreement, public subprocessors not bound to "
                          "our published data-use commitments; each with where it is fixed")
                 .Tag("reviews")
                 .Query("limit", "items per group, 1-100 (default 10)", "integer")
                 .Handle(deps, RedFlags));
}

}  // namespace accord::http
