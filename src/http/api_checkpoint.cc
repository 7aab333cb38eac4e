// GET /.well-known/accord/checkpoint: the latest cosigned checkpoint, public like
// security.txt, so customers, auditors and `accord ledger monitor` can follow the log.
#include "accord/http/api.h"
#include "accord/http/json.h"
#include "accord/http/router.h"
#include "accord/storage/checkpoint_cosignatures.h"

namespace accord::http {

void AddCheckpointRoutes(Router& router, ApiDeps& deps) {
  router.Add(
      ReadRoute("/.well-known/accord/checkpoint", kPublic, Media("text/plain"))
          .Summary("The latest checkpoint with its witnesses' cosignatures (a C2SP signed note)")
          .Tag("ledger")
          .Handle(Sync([&deps](Context&) -> Response {
            std::optional<storage::StoredCheckpoint> cp;
            Status s = deps.store.Read([&](storage::Tx& tx) -> Status {
              auto latest = storage::LatestPublishedCheckpoint(tx);
              if (!latest.ok()) return std::move(latest).error();
              cp = std::move(*latest);
              return Ok();
            });
            if (!s.ok()) return ErrorResponse(s.error());
            if (!cp) return ErrorResponse(NotFound("no checkpoint has been signed yet"));
            return Response{.content_type = "text/plain; charset=utf-8",
                            .body = std::move(cp->note),
                            .headers = {{"Cache-Control", "no-cache"}}};
          })));
}

}  // namespace accord::http
