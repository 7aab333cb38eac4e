// `[status]` of the settings file (issue 27): what the status runner may reach and promises.
#include "accord/app/config.h"
#include "toml_file.h"

namespace accord::app {

Status ReadStatusConfig(const std::filesystem::path& file, storage::StatusSettings& out) {
  auto parsed = ParseTomlFile(file);
  if (!parsed.ok()) return std::move(parsed).error();
  const toml::node* node = parsed->get("status");
  if (!node) return Ok();
  const toml::table* table = node->as_table();
  if (!table) return ValidationError("status", "must be a table ([status])");
  std::vector<ErrorDetail> problems;
  for (const auto& [key, value] : *table) {
    std::string k(key.str());
    int line = static_cast<int>(value.source().begin.line);
    if (k == "allow_private_targets") {
      if (const auto* b = value.as_boolean()) {
        out.allow_private_targets = b->get();
      } else {
        problems.push_back({"status." + k, "must be true or false", line});
      }
    } else if (k == "target_percent") {
      double v = value.is_integer()          ? static_cast<double>(value.as_integer()->get())
                 : value.is_floating_point() ? value.as_floating_point()->get()
                                             : -1;
      if (v < 90 || v > 100) {
        problems.push_back({"status." + k, "must be a percentage from 90 to 100, e.g. 99.9", line});
      } else {
        out.target_percent = v;
      }
    } else if (k == "retention_days" || k == "failures_for_outage") {
      const auto* i = value.as_integer();
      int64_t lo = k == "retention_days" ? 7 : 1, hi = k == "retention_days" ? 400 : 10;
      if (!i || i->get() < lo || i->get() > hi) {
        problems.push_back(
            {"status." + k,
             "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi),
             line});
      } else {
        (k == "retention_days" ? out.retention_days : out.failures_for_outage) =
            static_cast<int>(i->get());
      }
    } else {
      problems.push_back({"status." + k,
                          "unknown key (allow_private_targets, target_percent, retention_days, "
                          "failures_for_outage)",
                          line});
    }
  }
  if (!problems.empty()) {
    return Error{ErrorCode::kValidationFailed, file.string() + ": invalid [status] settings",
                 std::move(problems)};
  }
  return Ok();
}

}  // namespace accord::app
