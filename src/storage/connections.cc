#include "accord/storage/connections.h"

#include <arpa/inet.h>

#include <boost/json.hpp>

#include "accord/core/ids.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/domain/transport.h"
#include "accord/storage/registry_store.h"
#include "accord/storage/reviews.h"
#include "accord/workflow/finding.h"
#include "review_support.h"

namespace accord::storage {

namespace json = boost::json;
using domain::StateString;

namespace {

// A reporting system's clock may run a little ahead of ours.
constexpr auto kClockSkew = std::chrono::minutes(5);

bool IsIpAddress(const std::string& s) {
  unsigned char buf[16];
  return inet_pton(AF_INET, s.c_str(), buf) == 1 || inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

const json::object* FindByField(const json::value* list, std::string_view field,
                                std::string_view value) {
  if (!list || !list->is_array()) return nullptr;
  for (const auto& item : list->as_array()) {
    if (item.is_object() && StateString(item.as_object(), field) == value) {
      return &item.as_object();
    }
  }
  return nullptr;
}

std::string Names(const json::value* list) {
  std::string out;
  if (list && list->is_array()) {
    for (const auto& item : list->as_array()) {
      if (!item.is_object()) continue;
      out += (out.empty() ? "" : ", ") + StateString(item.as_object(), "name");
    }
  }
  return out.empty() ? "none" : out;
}

// LIKE treats % and _ as patterns: escape them (and the escape itself) in a JSON fragment.
std::string LikeFragment(std::string_view key, std::string_view value) {
  std::string out = "%";
  for (char c : json::serialize(json::object{{key, value}})) {
    if (c == '{' || c == '}') continue;
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// The finding a previous weak connection of the same grant, system, endpoint and weakness
// opened, while it stands (open or risk accepted); "" when a new one is due.
Result<std::string> StandingFinding(Tx& tx, const std::string& party_id, const json::object& con) {
  auto rows = tx.Query(
      "SELECT doc FROM rm_objects WHERE kind = 'connection' AND to_idx = ? AND party_id = ? "
      "AND tag = ? AND doc LIKE ? ESCAPE '\\' AND doc LIKE ? ESCAPE '\\' "
      "ORDER BY from_idx DESC LIMIT 20",
      {kOpenVersion, party_id, StateString(con, "weakness"),
       LikeFragment("grant_id", StateString(con, "grant_id")),
       LikeFragment("endpoint", StateString(con, "endpoint"))});
  if (!rows.ok()) return std::move(rows).error();
  for (const auto& row : *rows) {
    auto doc = domain::ParseStateDoc(row.Text(0));
    if (!doc) continue;
    bool same = StateString(*doc, "grant_id") == StateString(con, "grant_id") &&
                StateString(*doc, "system_id") == StateString(con, "system_id") &&
                StateString(*doc, "endpoint") == StateString(con, "endpoint");
    if (!same) continue;
    // The latest such connection names the finding in force for the pair.
    std::string finding_id = StateString(*doc, "finding_id");
    if (finding_id.empty()) return std::string();
    auto finding = GetObject(tx, "finding", finding_id, Scope{});
    if (!finding.ok()) return std::move(finding).error();
    if (!finding->has_value()) return std::string();
    std::string status = StateString((*finding)->doc, "status");
    bool resolved = status == workflow::finding::Name(workflow::finding::State::kResolved);
    return resolved ? std::string() : finding_id;
  }
  return std::string();
}

NewFinding WeakTransitFinding(const json::object& con, const std::string& party_name) {
  std::string weakness = StateString(con, "weakness");
  std::string where = StateString(con, "system_name") + " (" + StateString(con, "endpoint") + ")";
  std::string from = "from " + StateString(con, "source_address") + " at " +
                     StateString(con, "connected_at") + " under grant " +
                     StateString(con, "grant_id");
  if (weakness == "plaintext") {
    return NewFinding{
        .title =
            party_name + " connected in clear (" + StateString(con, "protocol") + ") to " + where,
        .description = "A connection over " + StateString(con, "protocol") + ", " + from +
                       ", carried data without encryption. TP-5: all connections and data in "
                       "transit with third parties are encrypted end to end. Move the party to "
                       "an encrypted endpoint and retire this one.",
        .severity = "high",
        .rule = "transit_plaintext"};
  }
  return NewFinding{
      .title = party_name + " connected with " + StateString(con, "tls_version") + " to " + where,
      .description = "A connection " + from + " negotiated " + StateString(con, "tls_version") +
                     ", below TLS 1.2. TP-5: all connections with third parties are encrypted "
                     "end to end with current TLS. Disable TLS 1.0 and 1.1 on the endpoint.",
      .severity = "medium",
      .rule = "transit_weak_tls"};
}

}  // namespace

const std::vector<domain::FieldSpec>& ConnectionFields() {
  using F = domain::FieldType;
  static const std::vector<domain::FieldSpec> kFields = {
      {.name = "system_id",
       .type = F::kId,
       .required = true,
       .description = "a system of the grant"},
      {.name = "endpoint",
       .type = F::kString,
       .required = true,
       .max_length = 100,
       .description = "the name of the system's endpoint used"},
      {.name = "protocol",
       .type = F::kEnum,
       .values = domain::TransportProtocolNames(),
       .description = "as observed; default: the endpoint's declared protocol"},
      {.name = "tls_version",
       .type = F::kString,
       .max_length = 20,
       .description = "where known: TLS 1.0, TLS 1.1, TLS 1.2, TLS 1.3, SSL 3.0 (TLSv1.2 also)"},
      {.name = "cipher", .type = F::kString, .max_length = 100, .description = "where known"},
      {.name = "connected_at", .type = F::kTime, .required = true},
      {.name = "source_address",
       .type = F::kString,
       .required = true,
       .max_length = 45,
       .description = "the party's IPv4 or IPv6 address"},
  };
  return kFields;
}

Result<ConnectionInput> ParseConnectionInput(const json::object& body, TimePoint now) {
  std::vector<ErrorDetail> details;
  json::object valid;
  domain::ValidateFields(ConnectionFields(), body, false, "", valid, details);
  ConnectionInput in;
  if (std::string v = StateString(valid, "tls_version"); !v.empty()) {
    in.tls_version = domain::CanonicalTlsVersion(v);
    if (!in.tls_version) {
      details.push_back({"tls_version", "must be a TLS or SSL version such as TLS 1.2", {}});
    }
  }
  std::string source = StateString(valid, "source_address");
  if (!source.empty() && !IsIpAddress(source)) {
    details.push_back({"source_address", "must be an IPv4 or IPv6 address", {}});
  }
  if (std::string at = StateString(valid, "connected_at"); !at.empty()) {
    auto t = ParseRfc3339(at);
    if (t.ok() && *t > now + kClockSkew) {
      details.push_back({"connected_at", "must not be in the future", {}});
    } else if (t.ok()) {
      in.connected_at = *t;
    }
  }
  if (!details.empty()) return domain::ValidationErrors(std::move(details));
  in.system_id = StateString(valid, "system_id");
  in.endpoint = StateString(valid, "endpoint");
  in.protocol = StateString(valid, "protocol");
  in.cipher = StateString(valid, "cipher");
  in.source_address = source;
  return in;
}

Result<json::object> RecordConnection(CommandContext& c, const domain::Actor& actor,
                                      const std::string& grant_id, const ConnectionInput& in,
                                      const policy::ReviewsPolicy& policy) {
  auto grant = review_support::Load(c.tx(), "grant", grant_id, "grant");
  if (!grant.ok()) return std::move(grant).error();
  std::string party_id = StateString(*grant, "party_id");
  if (!FindByField(grant->if_contains("lines"), "system_id", in.system_id)) {
    return ValidationError("system_id", "grant " + grant_id + " does not cover " + in.system_id);
  }
  auto system = GetObject(c.tx(), "system", in.system_id, Scope{});
  if (!system.ok()) return std::move(system).error();
  if (!system->has_value()) return ValidationError("system_id", "no system has id " + in.system_id);
  const json::object& sys = (*system)->doc;
  const json::value* endpoints = sys.if_contains("endpoints");
  const json::object* endpoint = FindByField(endpoints, "name", in.endpoint);
  if (!endpoint) {
    return ValidationError("endpoint", StateString(sys, "name") + " has no endpoint named " +
                                           in.endpoint + " (it has: " + Names(endpoints) + ")");
  }
  std::string protocol_name =
      in.protocol.empty() ? StateString(*endpoint, "protocol") : in.protocol;
  const domain::TransportProtocol* protocol = domain::FindTransportProtocol(protocol_name);
  if (!protocol) return Internal("endpoint " + in.endpoint + " has an unknown protocol");
  std::string weakness = domain::TransportWeakness(*protocol, in.tls_version);

  TimePoint now = c.Now();
  std::string at = FormatRfc3339(now);
  auto opt = [](const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); };
  json::object state{{"id", NewId("con", now)},
                     {"party_id", party_id},
                     {"grant_id", grant_id},
                     {"system_id", in.system_id},
                     {"system_name", StateString(sys, "name")},
                     {"endpoint", in.endpoint},
                     {"url", opt(StateString(*endpoint, "url"))},
                     {"protocol", protocol_name},
                     {"tls_version", opt(in.tls_version.value_or(""))},
                     {"cipher", opt(in.cipher)},
                     {"connected_at", FormatRfc3339(in.connected_at)},
                     {"source_address", in.source_address},
                     {"weakness", weakness.empty() ? "none" : weakness},
                     {"finding_id", nullptr},
                     {"recorded_by", domain::ActorJson(actor)},
                     {"created_at", at},
                     {"updated_at", at},
                     {"version", 1}};
  if (!weakness.empty()) {
    auto standing = StandingFinding(c.tx(), party_id, state);
    if (!standing.ok()) return std::move(standing).error();
    std::string finding_id = std::move(*standing);
    if (finding_id.empty()) {
      auto party_name = review_support::PartyName(c.tx(), party_id);
      if (!party_name.ok()) return std::move(party_name).error();
      NewFinding f = WeakTransitFinding(state, *party_name);
      f.party_id = party_id;
      f.source_kind = "connection";
      f.source_id = StateString(state, "id");
      auto opened = OpenFinding(c, actor, f, policy);
      if (!opened.ok()) return std::move(opened).error();
      finding_id = StateString(*opened, "id");
    }
    state["finding_id"] = finding_id;
  }
  auto index = review_support::AppendState(c, "connection", "connection.recorded", actor, state);
  if (!index.ok()) return std::move(index).error();
  state["ledger_index"] = static_cast<int64_t>(*index);
  return state;
}

}  // namespace accord::storage
