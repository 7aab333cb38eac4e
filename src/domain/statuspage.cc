#include "accord/domain/statuspage.h"

#include <boost/json.hpp>

namespace accord::domain {

namespace json = boost::json;

namespace {

// Reads string members; a null or absent member is "", anything else an error.
class Reader {
 public:
  explicit Reader(std::vector<ErrorDetail>& problems) : problems_(problems) {}
  std::string Str(const json::object& o, std::string_view key, const std::string& path) {
    const json::value* v = o.if_contains(key);
    if (v == nullptr || v->is_null()) return "";
    if (!v->is_string()) {
      problems_.push_back({path + "." + std::string(key), "must be a string", {}});
      return "";
    }
    return std::string(v->as_string());
  }
  const json::array* Arr(const json::object& o, std::string_view key, const std::string& path) {
    const json::value* v = o.if_contains(key);
    if (v == nullptr || v->is_null()) return nullptr;
    if (!v->is_array()) {
      problems_.push_back({path + "." + std::string(key), "must be an array", {}});
      return nullptr;
    }
    return &v->as_array();
  }
  const json::object* Obj(const json::value& v, const std::string& path) {
    if (!v.is_object()) {
      problems_.push_back({path, "must be an object", {}});
      return nullptr;
    }
    return &v.as_object();
  }

 private:
  std::vector<ErrorDetail>& problems_;
};

FeedComponent ReadComponent(Reader& r, const json::object& o, const std::string& path) {
  FeedComponent c;
  c.id = r.Str(o, "id", path);
  c.name = r.Str(o, "name", path);
  c.status = r.Str(o, "status", path);
  c.group_id = r.Str(o, "group_id", path);
  if (const json::value* g = o.if_contains("group"); g && g->is_bool()) c.group = g->as_bool();
  return c;
}

FeedIncident ReadIncident(Reader& r, const json::object& o, const std::string& path) {
  FeedIncident i;
  i.id = r.Str(o, "id", path);
  i.name = r.Str(o, "name", path);
  i.status = r.Str(o, "status", path);
  i.impact = r.Str(o, "impact", path);
  i.created_at = r.Str(o, "created_at", path);
  i.resolved_at = r.Str(o, "resolved_at", path);
  auto add_id = [&](const std::string& id) {
    if (id.empty()) return;
    for (const auto& have : i.component_ids) {
      if (have == id) return;
    }
    i.component_ids.push_back(id);
  };
  if (const json::array* cs = r.Arr(o, "components", path)) {
    for (size_t k = 0; k < cs->size(); ++k) {
      std::string p = path + ".components[" + std::to_string(k) + "]";
      if (const json::object* c = r.Obj((*cs)[k], p)) add_id(r.Str(*c, "id", p));
    }
  }
  if (const json::array* us = r.Arr(o, "incident_updates", path)) {
    for (size_t k = 0; k < us->size(); ++k) {
      std::string p = path + ".incident_updates[" + std::to_string(k) + "]";
      const json::object* u = r.Obj((*us)[k], p);
      if (!u) continue;
      FeedUpdate up;
      up.status = r.Str(*u, "status", p);
      up.body = r.Str(*u, "body", p);
      up.created_at = r.Str(*u, "created_at", p);
      if (const json::array* ac = r.Arr(*u, "affected_components", p)) {
        for (size_t m = 0; m < ac->size(); ++m) {
          std::string q = p + ".affected_components[" + std::to_string(m) + "]";
          if (const json::object* a = r.Obj((*ac)[m], q)) {
            up.affected.push_back(r.Str(*a, "code", q));
            add_id(up.affected.back());
          }
        }
      }
      i.updates.push_back(std::move(up));
    }
  }
  return i;
}

}  // namespace

bool IsComponentState(std::string_view s) {
  return s == "operational" || s == "degraded_performance" || s == "partial_outage" ||
         s == "major_outage" || s == "under_maintenance";
}

Result<StatusFeed> ParseStatusFeed(std::string_view text) {
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec);
  if (ec) return ValidationError("feed", "is not JSON (" + ec.message() + ")");
  if (!doc.is_object()) return ValidationError("feed", "is not a JSON object");
  const json::object& root = doc.as_object();
  const json::value* page = root.if_contains("page");
  if (page == nullptr || !page->is_object()) {
    return ValidationError("page", "is missing: not a Statuspage v2 document");
  }
  std::vector<ErrorDetail> problems;
  Reader r(problems);
  StatusFeed feed;
  feed.page_id = r.Str(page->as_object(), "id", "page");
  feed.page_name = r.Str(page->as_object(), "name", "page");
  feed.page_url = r.Str(page->as_object(), "url", "page");
  if (const json::value* st = root.if_contains("status"); st && !st->is_null()) {
    if (const json::object* o = r.Obj(*st, "status")) {
      feed.indicator = r.Str(*o, "indicator", "status");
      feed.description = r.Str(*o, "description", "status");
    }
  }
  if (const json::array* cs = r.Arr(root, "components", "")) {
    for (size_t k = 0; k < cs->size(); ++k) {
      std::string p = "components[" + std::to_string(k) + "]";
      if (const json::object* c = r.Obj((*cs)[k], p)) {
        feed.components.push_back(ReadComponent(r, *c, p));
      }
    }
  }
  for (const char* key : {"incidents", "scheduled_maintenances"}) {
    if (const json::array* is = r.Arr(root, key, "")) {
      for (size_t k = 0; k < is->size(); ++k) {
        std::string p = std::string(key) + "[" + std::to_string(k) + "]";
        if (const json::object* i = r.Obj((*is)[k], p)) {
          (std::string_view(key) == "incidents" ? feed.incidents : feed.maintenances)
              .push_back(ReadIncident(r, *i, p));
        }
      }
    }
  }
  for (auto& d : problems) {
    if (d.field.starts_with(".")) d.field.erase(0, 1);
  }
  if (!problems.empty()) {
    std::string message = problems.front().field + ": " + problems.front().reason;
    return Error{ErrorCode::kValidationFailed, std::move(message), std::move(problems)};
  }
  return feed;
}

}  // namespace accord::domain
