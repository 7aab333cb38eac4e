// Helpers shared by the audit-report request and link commands (report_request_support.h):
// the request's steps and events, the emails to the requester and the staff.
#include "report_request_support.h"

#include <boost/json.hpp>

#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/domain/report_requests.h"
#include "accord/storage/outbox.h"

namespace accord::storage::report_request_support {

using domain::ActorJson;
using domain::StateString;

namespace wf = workflow::report_request;

Error NotPossible(const json::object& state, std::string_view action) {
  std::string status = StateString(state, "status");
  auto from = wf::ParseState(status);
  return Error{ErrorCode::kConflict,
               "report request " + StateString(state, "id") + " is " + status + ": " +
                   std::string(action) + " is not possible now (allowed: " +
                   (from ? wf::PossibleActions(*from) : std::string("none (final)")) + ")",
               {{"action", "not allowed while " + status, {}}}};
}

Result<std::string> StatusAfter(const json::object& state, wf::Action action) {
  auto from = wf::ParseState(StateString(state, "status"));
  auto to = from ? wf::Next(*from, action) : std::nullopt;
  if (!to) return NotPossible(state, wf::Name(action));
  return std::string(wf::Name(*to));
}

void Step(json::object& state, const std::string& action, const std::string& status,
          const domain::Actor& actor, TimePoint now, const std::string& comment) {
  std::string at = FormatRfc3339(now);
  state["status"] = status;
  json::object entry{{"action", action}, {"status", status}, {"at", at}, {"by", ActorJson(actor)}};
  if (!comment.empty()) entry["comment"] = comment;
  state["history"].as_array().push_back(std::move(entry));
  state["updated_at"] = at;
  const json::value* version = state.if_contains("version");
  state["version"] = (version && version->is_int64() ? version->as_int64() : 0) + 1;
}

Result<uint64_t> AppendRequest(CommandContext& c, const std::string& type,
                               const domain::Actor& actor, const json::object& state,
                               json::object extra) {
  extra["state"] = state;
  return c.Append(domain::Event{.type = type,
                                .actor = actor,
                                .subject = {"report_request", StateString(state, "id")},
                                .payload = std::move(extra)});
}

std::string Label(const json::object& request) {
  return domain::ReportTypeLabel(StateString(request, "report_type"));
}

std::string Requester(const json::object& request, const char* key) {
  const json::value* r = request.if_contains("requester");
  return r && r->is_object() ? StateString(r->as_object(), key) : "";
}

std::string ContactLine(const ReportRequestSettings& s) {
  if (s.security_contact.empty()) return "";
  std::string c =
      s.security_contact.starts_with("mailto:") ? s.security_contact.substr(7) : s.security_contact;
  return "\nQuestions: " + c + "\n";
}

Status MailRequester(Tx& tx, const json::object& request, const std::string& key,
                     const std::string& subject, const std::string& body, bool confidential,
                     TimePoint now) {
  OutboxMessage m{.dedupe_key = "rrq:" + StateString(request, "id") + ":" + key,
                  .channel = "email",
                  .user_id = "",
                  .recipient = Requester(request, "email"),
                  .subject = subject,
                  // No requester-typed text: the address is not verified, and the name
                  // would let anyone make us send their words to anyone.
                  .body = "Hello,\n\n" + body,
                  .ref_kind = "report_request",
                  .ref_id = StateString(request, "id"),
                  .confidential = confidential};
  auto q = QueueMessage(tx, m, now);
  if (!q.ok()) return std::move(q).error();
  return Ok();
}

Status MailStaff(Tx& tx, const std::vector<std::string>& roles, const json::object& request,
                 const std::string& key, const std::string& subject, const std::string& body,
                 TimePoint now) {
  OutboxMessage m{.dedupe_key = "rrq:" + StateString(request, "id") + ":" + key,
                  .channel = "email",
                  .subject = subject,
                  .body = body +
                          "\n\nThe request is in Accord under audit-report requests "
                          "(reference " +
                          StateString(request, "id") + ").\n",
                  .ref_kind = "report_request",
                  .ref_id = StateString(request, "id")};
  auto q = QueueForUsers(tx, roles, {}, m, now);
  if (!q.ok()) return std::move(q).error();
  return Ok();
}

Status TellDeciders(CommandContext& c, const json::object& state) {
  const json::value* link = state.if_contains("link");
  std::string how = link && link->is_object() ? StateString(link->as_object(), "how") : "";
  return MailStaff(
      c.tx(), wf::DeciderRoles(), state, "decide", "Audit-report request waiting for a decision",
      Requester(state, "email") + " (" + StateString(state, "organisation") + ", linked by " + how +
          ") asks for our " + Label(state) + ". The NDA is in place; approve or reject it.",
      c.Now());
}

}  // namespace accord::storage::report_request_support
