#include "accord/storage/deliveries.h"

#include <boost/json.hpp>
#include <map>

#include "accord/core/time.h"

namespace accord::storage {

namespace json = boost::json;

Status AppendOutboxHistory(Tx& tx, const std::string& message_id, std::string_view status,
                           std::string_view detail, TimePoint at) {
  auto r = tx.Exec(
      "INSERT INTO outbox_history(message_id, seq, status, at, detail) SELECT ?, "
      "COALESCE(MAX(seq), 0) + 1, ?, ?, ? FROM outbox_history WHERE message_id = ?",
      {message_id, std::string(status), FormatRfc3339(at), std::string(detail.substr(0, 500)),
       message_id});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

Result<json::array> OutboxHistory(Tx& tx, const std::string& message_id) {
  auto rows =
      tx.Query("SELECT status, at, detail FROM outbox_history WHERE message_id = ? ORDER BY seq",
               {message_id});
  if (!rows.ok()) return std::move(rows).error();
  json::array out;
  for (const auto& r : *rows) {
    out.push_back(json::object{{"status", r.Text(0)}, {"at", r.Text(1)}, {"detail", r.Text(2)}});
  }
  return out;
}

Status LinkProviderRef(Tx& tx, const std::string& message_id, const std::string& channel,
                       const std::string& provider_ref, TimePoint at) {
  auto r = tx.Exec(
      "INSERT INTO outbox_provider_refs(message_id, channel, provider_ref, delivery_status, "
      "provider_error, updated_at) VALUES (?, ?, ?, 'sent', '', ?) ON CONFLICT(message_id) DO "
      "UPDATE SET provider_ref = excluded.provider_ref, updated_at = excluded.updated_at",
      {message_id, channel, provider_ref, FormatRfc3339(at)});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

std::string DeliveryStatusOf(std::string_view s) {
  if (s == "sent") return "sent";
  if (s == "delivered" || s == "completed" || s == "read") return "delivered";
  if (s == "undelivered" || s == "failed" || s == "busy" || s == "no-answer" || s == "canceled") {
    return "failed";
  }
  return "";  // queued, accepted, sending, initiated, ringing, in-progress, ...
}

Result<std::optional<std::string>> ApplyProviderStatus(Tx& tx, const ProviderStatus& p,
                                                       TimePoint at) {
  auto row = tx.QueryOne(
      "SELECT message_id, delivery_status FROM outbox_provider_refs WHERE provider_ref = ?",
      {p.provider_ref});
  if (!row.ok()) return std::move(row).error();
  if (!row->has_value()) return std::optional<std::string>();
  std::string id = (*row)->Text(0), current = (*row)->Text(1);
  std::string next = DeliveryStatusOf(p.status);
  // Callbacks may arrive out of order or twice: an ended message stays ended.
  if (next.empty() || next == current || current == "delivered" || current == "failed") {
    return std::optional<std::string>(id);
  }
  std::string error;
  if (next == "failed") {
    error = p.status;
    if (!p.error_code.empty()) error += " (error " + p.error_code + ")";
    if (!p.error_message.empty()) error += ": " + p.error_message;
    error = error.substr(0, 300);
  }
  auto r = tx.Exec(
      "UPDATE outbox_provider_refs SET delivery_status = ?, provider_error = ?, updated_at = ? "
      "WHERE message_id = ?",
      {next, error, FormatRfc3339(at), id});
  if (!r.ok()) return std::move(r).error();
  ACCORD_TRY(AppendOutboxHistory(tx, id, next, error.empty() ? p.status : error, at));
  return std::optional<std::string>(id);
}

Status SetOptOut(Tx& tx, const std::string& channel, const std::string& address, bool opted_out,
                 TimePoint at) {
  auto r = opted_out ? tx.Exec(
                           "INSERT INTO channel_opt_outs(channel, address, opted_out_at) VALUES "
                           "(?, ?, ?) ON CONFLICT(channel, address) DO NOTHING",
                           {channel, address, FormatRfc3339(at)})
                     : tx.Exec("DELETE FROM channel_opt_outs WHERE channel = ? AND address = ?",
                               {channel, address});
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

Result<bool> IsOptedOut(Tx& tx, const std::string& channel, const std::string& address) {
  auto row = tx.QueryOne("SELECT 1 FROM channel_opt_outs WHERE channel = ? AND address = ?",
                         {channel, address});
  if (!row.ok()) return std::move(row).error();
  return row->has_value();
}

Result<json::object> DeliveryRates(Tx& tx, TimePoint from) {
  auto rows = tx.Query(
      "SELECT o.channel, substr(o.created_at, 1, 10), o.status, r.delivery_status, COUNT(*) "
      "FROM outbox o LEFT JOIN outbox_provider_refs r ON r.message_id = o.id "
      "WHERE o.created_at >= ? GROUP BY o.channel, substr(o.created_at, 1, 10), o.status, "
      "r.delivery_status ORDER BY 1, 2",
      {FormatRfc3339(from)});
  if (!rows.ok()) return std::move(rows).error();
  struct Day {
    int64_t delivered = 0, failed = 0, pending = 0;
  };
  std::map<std::string, std::map<std::string, Day>> by;
  for (const auto& r : *rows) {
    Day& d = by[r.Text(0)][r.Text(1)];
    std::string status = r.Text(2), delivery = r.IsNull(3) ? "" : r.Text(3);
    int64_t n = r.Int(4);
    if (status == "failed" || delivery == "failed") {
      d.failed += n;
    } else if (status == "sent" && (r.Text(0) == "email" || delivery == "delivered")) {
      d.delivered += n;
    } else {
      d.pending += n;
    }
  }
  json::object out;
  for (const auto& [channel, days] : by) {
    json::array series;
    for (const auto& [day, d] : days) {
      int64_t ended = d.delivered + d.failed;
      series.push_back(json::object{
          {"day", day},
          {"delivered", d.delivered},
          {"failed", d.failed},
          {"pending", d.pending},
          {"rate", ended ? json::value(static_cast<double>(d.delivered) / ended) : nullptr}});
    }
    out[channel] = std::move(series);
  }
  return out;
}

}  // namespace accord::storage
