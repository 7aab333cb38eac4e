#include "ledger_audit_http.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <map>

#include "accord/core/bytes.h"
#include "accord/core/csv.h"
#include "accord/core/time.h"
#include "accord/domain/event.h"
#include "accord/http/schema.h"

namespace accord::http::ledger_audit {

namespace json = boost::json;

namespace {

std::string Str(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

json::value NameOrNull(const std::string& name) {
  return name.empty() ? json::value(nullptr) : json::value(name);
}

std::string Capitalised(std::string text) {
  std::replace(text.begin(), text.end(), '_', ' ');
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

// "2026-12-01" or an RFC 3339 time; a day given as `until` means up to the end of that day.
Result<std::string> TimeParam(const Context& ctx, const char* name, bool end_of_day) {
  std::string text(ctx.Query(name));
  const bool day = text.size() == 10;
  if (day) text += "T00:00:00Z";
  auto t = ParseRfc3339(text);
  if (!t.ok()) return ValidationError(name, "must be a date (YYYY-MM-DD) or an RFC 3339 time");
  if (day && end_of_day) *t += std::chrono::hours(24);
  return FormatRfc3339(*t);
}

}  // namespace

std::vector<ParamDoc> Params() {
  return {
      {"order", "query", "string", false, "oldest (default) or newest first"},
      {"from", "query", "integer", false, "oldest first: the 0-based leaf index to start at"},
      {"before", "query", "integer", false,
       "newest first: entries below this index (default: the whole ledger)"},
      {"limit", "query", "integer", false, "1-1000, default 100"},
      {"type", "query", "string", false, "filter: one event type, e.g. grant.approved"},
      {"actor", "query", "string", false, "filter: the actor's id (usr_…, tok_…, system)"},
      {"party", "query", "string", false,
       "filter: events about this party or an object filed under it (pty_…)"},
      {"since", "query", "string", false, "filter: at or after this date or RFC 3339 time"},
      {"until", "query", "string", false,
       "filter: up to the end of this date, or before this RFC 3339 time"},
  };
}

Result<EntriesQuery> ParseEntriesQuery(const Context& ctx) {
  EntriesQuery q;
  q.csv = ctx.request.HeaderValue("Accept").find("text/csv") != std::string_view::npos;
  std::string_view order = ctx.Query("order");
  if (!order.empty() && order != "oldest" && order != "newest") {
    return ValidationError("order", "must be oldest or newest");
  }
  q.newest_first = order == "newest";
  const char* cursor_name = q.newest_first ? "before" : "from";
  const char* other = q.newest_first ? "from" : "before";
  if (!ctx.Query(other).empty()) {
    return ValidationError(other, q.newest_first ? "is for order=oldest: use before"
                                                 : "is for order=newest: use from");
  }
  if (!ctx.Query(cursor_name).empty()) {
    auto v = ParseUint(ctx.Query(cursor_name), cursor_name);
    if (!v.ok()) return std::move(v).error();
    q.cursor = *v;
  }
  if (!ctx.Query("limit").empty()) {
    auto v = ParseUint(ctx.Query("limit"), "limit");
    if (!v.ok()) return std::move(v).error();
    if (*v < 1 || *v > 1000) return ValidationError("limit", "must be between 1 and 1000");
    q.limit = *v;
  }
  auto& f = q.filter;
  f.type = std::string(ctx.Query("type"));
  if (!f.type.empty() && !domain::IsValidEventType(f.type)) {
    return ValidationError("type", "must be an event type such as grant.approved");
  }
  f.actor_id = std::string(ctx.Query("actor"));
  if (f.actor_id.size() > 200) return ValidationError("actor", "must be an actor's id");
  f.party_id = std::string(ctx.Query("party"));
  if (!f.party_id.empty() && !f.party_id.starts_with("pty_")) {
    return ValidationError("party", "must be a party's id (pty_…)");
  }
  if (!ctx.Query("since").empty()) {
    auto t = TimeParam(ctx, "since", false);
    if (!t.ok()) return std::move(t).error();
    f.since = *t;
  }
  if (!ctx.Query("until").empty()) {
    auto t = TimeParam(ctx, "until", true);
    if (!t.ok()) return std::move(t).error();
    f.until = *t;
  }
  if (!f.since.empty() && !f.until.empty() && f.until <= f.since) {
    return ValidationError("until", "must be after since");
  }
  return q;
}

Result<json::object> EntryJson(storage::Tx& tx, storage::LedgerNames& names,
                               const storage::LeafRecord& leaf, const std::string* party_id) {
  json::error_code ec;
  json::value event = json::parse(leaf.leaf, ec);
  json::object out{{"index", leaf.index},
                   {"leaf", Base64Encode(AsBytes(leaf.leaf))},
                   {"leaf_hash", Base64Encode(leaf.leaf_hash)},
                   {"event", ec ? json::value(nullptr) : event},
                   {"actor_name", nullptr},
                   {"subject_name", nullptr},
                   {"party", nullptr}};
  if (ec || !event.is_object()) return out;
  const json::object& e = event.as_object();
  if (const json::value* a = e.if_contains("actor"); a && a->is_object()) {
    auto name = names.Actor(Str(a->as_object(), "id"));
    if (!name.ok()) return std::move(name).error();
    out["actor_name"] = NameOrNull(*name);
  }
  if (const json::value* s = e.if_contains("subject"); s && s->is_object()) {
    auto name = names.Subject(Str(s->as_object(), "kind"), Str(s->as_object(), "id"));
    if (!name.ok()) return std::move(name).error();
    out["subject_name"] = NameOrNull(*name);
  }
  std::string id;
  if (party_id) {
    id = *party_id;
  } else {
    auto party = tx.QueryOne("SELECT party_id FROM rm_ledger_events WHERE idx = ?",
                             {static_cast<int64_t>(leaf.index)});
    if (!party.ok()) return std::move(party).error();
    if (party->has_value()) id = (*party)->Text(0);
  }
  if (!id.empty()) {
    auto name = names.Subject("party", id);
    if (!name.ok()) return std::move(name).error();
    out["party"] = json::object{{"id", id}, {"name", NameOrNull(*name)}};
  }
  return out;
}

json::object EntrySchema() {
  using namespace schema;
  return Object({{"index", Int()},
                 {"leaf", Text("the canonical event bytes, base64")},
                 {"leaf_hash", Text("SHA-256(0x00 || leaf), base64")},
                 {"event", Object({{"type", String()},
                                   {"time", Time()},
                                   {"actor", ActorRef()},
                                   {"subject", Object({{"kind", String()}, {"id", String()}})},
                                   {"payload", AnyObject("the event's own fields")}},
                                  {{"org", String()}})},
                 {"actor_name", Nullable(Text("the account's or token's name, if any"))},
                 {"subject_name", Nullable(Text("the subject's name, if it has one"))},
                 {"party", Nullable(Object({{"id", String()}, {"name", Nullable(String())}}))}});
}

std::string EventWords(std::string_view type) {
  // The words the portal uses for the types whose key reads worst (web/src/event-words.ts).
  static const std::map<std::string, std::string, std::less<>> kWords = {
      {"auth.signed_in", "Signed in"},
      {"auth.signed_out", "Signed out"},
      {"auth.signed_out_everywhere", "Signed out everywhere"},
      {"auth.password_accepted", "Password accepted (second step next)"},
      {"auth.second_factor_accepted", "Second sign-in step accepted"},
      {"auth.sign_in_failed", "Sign-in failed"},
      {"auth.sso_linked", "Account linked to the identity provider"},
      {"auth.sso_unlinked", "Account unlinked from the identity provider"},
      {"auth.sso_unlink_refused", "Unlinking refused"},
      {"auth.sign_in_throttled", "Sign-in paused after repeated failures"},
      {"auth.sign_in_throttle_ended", "Sign-in pause ended"},
      {"auth.password_changed", "Password changed"},
      {"auth.break_glass_started", "Emergency access started"},
      {"org.created", "Organisation set up"},
      {"ledger.key_added", "Signing key recorded"},
      {"ledger.restarted", "Log restarted from a backup"},
      {"token.created", "API token created"},
      {"token.revoked", "API token revoked"},
      {"grant.requested", "Access requested"},
      {"grant.approved", "Access approved"},
      {"grant.denied", "Access denied"},
      {"grant.revoked", "Access revoked"},
      {"grant.expired", "Access ended"},
      {"user.created", "Account created"},
  };
  if (auto it = kWords.find(type); it != kWords.end()) return it->second;
  const size_t dot = type.find('.');
  if (dot == std::string_view::npos) return Capitalised(std::string(type));
  std::string verb(type.substr(dot + 1));
  std::replace(verb.begin(), verb.end(), '_', ' ');
  return Capitalised(std::string(type.substr(0, dot))) + " " + verb;
}

std::string CsvHeader() {
  std::string out;
  std::vector<std::string> header = {
      "Index",   "Time",         "Event",      "Event type", "Actor",    "Actor role", "Actor id",
      "Subject", "Subject kind", "Subject id", "Party",      "Party id", "Leaf hash"};
  AppendCsvRow(out, header);
  return out;
}

void AppendCsv(std::string& out, const json::object& entry) {
  const json::value* ev = entry.if_contains("event");
  json::object empty;
  const json::object& e = ev && ev->is_object() ? ev->as_object() : empty;
  auto member = [&](const char* key) -> const json::object& {
    const json::value* v = e.if_contains(key);
    return v && v->is_object() ? v->as_object() : empty;
  };
  const json::object& actor = member("actor");
  const json::object& subject = member("subject");
  const json::value* party = entry.if_contains("party");
  const json::object& p = party && party->is_object() ? party->as_object() : empty;
  const std::string type = Str(e, "type");
  std::vector<std::string> row = {std::to_string(entry.at("index").to_number<uint64_t>()),
                                  Str(e, "time"),
                                  EventWords(type),
                                  type,
                                  Str(entry, "actor_name"),
                                  Capitalised(Str(actor, "role")),
                                  Str(actor, "id"),
                                  Str(entry, "subject_name"),
                                  Capitalised(Str(subject, "kind")),
                                  Str(subject, "id"),
                                  Str(p, "name"),
                                  Str(p, "id"),
                                  Str(entry, "leaf_hash")};
  AppendCsvRow(out, row);
}

}  // namespace accord::http::ledger_audit
