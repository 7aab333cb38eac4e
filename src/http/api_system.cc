// Health, readiness and metrics: what operators and load balancers poll.
#include <boost/json.hpp>

#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/storage/ledger_tables.h"

namespace accord::http {

namespace json = boost::json;

namespace {

json::object HealthSchema() {
  return json::object{{"type", "object"},
                      {"properties", json::object{{"status", json::object{{"type", "string"}}}}}};
}

Response Healthz(ApiDeps&, Context&) {
  return TextResponse(R"({"status":"ok"})", "application/json");
}

Response Readyz(ApiDeps& deps, Context&) {
  if (deps.ready && !deps.ready->load()) {
    return ErrorResponse(Error{ErrorCode::kUnavailable, "starting up or shutting down", {}});
  }
  Status s = deps.store.Read([](storage::Tx& tx) -> Status {
    auto head = storage::ReadHead(tx);
    if (!head.ok()) return std::move(head).error();
    return Ok();
  });
  if (!s.ok()) {
    return ErrorResponse(Error{ErrorCode::kUnavailable, "the store does not answer", {}});
  }
  return JsonResponse(json::object{{"status", "ready"}});
}

Response MetricsText(ApiDeps& deps, Context&) {
  return TextResponse(deps.metrics.Render(), "text/plain; version=0.0.4");
}

}  // namespace

void AddSystemRoutes(Router& router, ApiDeps& deps) {
  router.Add(ReadRoute("/healthz", kPublic, Json(HealthSchema()))
                 .Summary("Liveness: the process is up and serving")
                 .Tag("system")
                 .Handle(deps, Healthz));
  router.Add(ReadRoute("/readyz", kPublic, Json(HealthSchema()))
                 .Summary("Readiness: the store answers and start-up has finished")
                 .Tag("system")
                 .Handle(deps, Readyz));
  router.Add(ReadRoute("/metrics", domain::kLedgerReaders, Media("text/plain"))
                 .Summary("Prometheus metrics: an integration token with the scope metrics:read "
                          "(or an officer's or auditor's credentials)")
                 .Scopes({"metrics:read"})
                 .Tag("system")
                 .Handle(deps, MetricsText));
}

}  // namespace accord::http
