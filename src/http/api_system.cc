// Health, readiness and metrics: what operators and load balancers poll.
#include <boost/json.hpp>

#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/storage/ledger_tables.h"

namespace accord::http {

namespace json = boost::json;

void AddSystemRoutes(Router& router, ApiDeps& deps) {
  json::object health_schema{
      {"type", "object"},
      {"properties", json::object{{"status", json::object{{"type", "string"}}}}}};
  router.Add(Route{
      .method = "GET",
      .pattern = "/healthz",
      .is_public = true,
      .summary = "Liveness: the process is up and serving",
      .tag = "system",
      .response_schema = health_schema,
      .handler =
          Sync([](Context&) { return TextResponse(R"({"status":"ok"})", "application/json"); }),
  });
  router.Add(Route{
      .method = "GET",
      .pattern = "/readyz",
      .is_public = true,
      .summary = "Readiness: the store answers and start-up has finished",
      .tag = "system",
      .response_schema = health_schema,
      .handler = Sync([&deps](Context&) {
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
      }),
  });
  router.Add(Route{
      .method = "GET",
      .pattern = "/metrics",
      .roles = kLedgerReaderRoles,
      .scopes = {"metrics:read"},
      .summary = "Prometheus metrics: an integration token with the scope metrics:read (or an "
                 "officer's or auditor's credentials)",
      .tag = "system",
      .response_type = "text/plain",
      .handler = Sync([&deps](Context&) {
        return TextResponse(deps.metrics.Render(), "text/plain; version=0.0.4");
      }),
  });
}

}  // namespace accord::http
