// My work, the dashboard's red flags and agreement renewal (issue 20) over the API, in process
// on the luma demo with a fake clock (time decides what is overdue or expired and when the
// digest goes out): my_work_api_test.cc and red_flags_api_test.cc. This header holds the
// fixture: the demo seeded, a router with the routes these screens use, and callers by role.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <string>
#include <vector>

#include "accord/app/serve.h"
#include "accord/core/time.h"
#include "accord/domain/registry.h"
#include "accord/http/api.h"
#include "accord/policy/profile.h"
#include "accord/storage/ledger_tables.h"
#include "accord/storage/registry_store.h"
#include "support/runtime_fixture.h"

namespace accord::testing::my_work {

namespace json = boost::json;
using domain::StateString;
using std::chrono::days;
using std::chrono::hours;

inline std::string Str(const json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : "";
}

// The demo's accounts by role.
inline const std::map<std::string, std::string> kEmails = {
    {"security_officer", "officer@luma.example"},
    {"privacy_officer", "privacy@luma.example"},
    {"staff", "staff@luma.example"},
    {"auditor", "auditor@luma.example"},
    {"third_party_contact", "contact@relaysms.example"}};

class MyWorkFixture : public ::testing::Test {
 protected:
  struct Answer {
    int status = 0;
    json::object body;
  };

  MyWorkFixture()
      : deps_{f_.rt().store(), f_.rt().log(), f_.clock(), metrics_, "", nullptr, &profile_} {
    auto profile = policy::LoadProfile("luma");
    EXPECT_TRUE(profile.ok());
    if (profile.ok()) profile_ = std::move(*profile);
    auto printed = app::SeedDemo(f_.rt(), profile_);
    EXPECT_TRUE(printed.ok()) << (printed.ok() ? "" : printed.error().ToString());
    for (const auto& u : Current("user")) ids_[Str(u.at("email"))] = Str(u.at("id"));
    // Bearer <user id>: the account's current role and party.
    router_.SetAuthenticator(
        [this](const http::Request& r) -> Result<std::optional<http::Principal>> {
          std::string_view h = r.HeaderValue("Authorization");
          if (!h.starts_with("Bearer ")) return std::optional<http::Principal>();
          json::object u = Object("user", std::string(h.substr(7)));
          if (Str(u["status"]) != "active") return std::optional<http::Principal>();
          return std::optional<http::Principal>(http::Principal{.id = Str(u["id"]),
                                                                .role = Str(u["role"]),
                                                                .name = Str(u["email"]),
                                                                .party_id = Str(u["party_id"])});
        });
    http::AddRegistryRoutes(router_, deps_);
    http::AddAccessRoutes(router_, deps_);
    http::AddReviewRoutes(router_, deps_);
    http::AddAgreementRenewalRoutes(router_, deps_);
    http::AddMyWorkRoutes(router_, deps_);
    http::AddRedFlagRoutes(router_, deps_);
  }

  std::string Id(const std::string& role) { return ids_[kEmails.at(role)]; }

  Answer Call(const std::string& method, const std::string& target, const json::object& body = {},
              const std::string& role = "security_officer") {
    http::Request req{.method = method, .target = target};
    if (method != "GET") {
      req.body = json::serialize(body);
      req.headers.push_back({"Content-Type", "application/json"});
    }
    if (!role.empty()) req.headers.push_back({"Authorization", "Bearer " + Id(role)});
    Answer a;
    router_.Dispatch(std::move(req), [&a](http::Response r) {
      a.status = r.status;
      boost::system::error_code ec;
      json::value v = json::parse(r.body, ec);
      if (!ec && v.is_object()) a.body = std::move(v.as_object());
    });
    return a;
  }
  json::object Ok(const Answer& a, int status = 200) {
    EXPECT_EQ(a.status, status) << json::serialize(a.body);
    return a.body;
  }
  json::object Get(const std::string& target, const std::string& role = "security_officer") {
    return Ok(Call("GET", target, {}, role));
  }
  json::object Post(const std::string& target, const json::object& body,
                    const std::string& role = "security_officer", int status = 201) {
    return Ok(Call("POST", target, body, role), status);
  }

  // The items of one group of GET /api/v1/my-work (or /red-flags) as `role` sees it.
  json::object Group(const json::object& answer, std::string_view kind) {
    for (const auto& g : answer.at("groups").as_array()) {
      if (Str(g.at("kind")) == kind) return g.as_object();
    }
    ADD_FAILURE() << "no group " << kind;
    return {};
  }
  std::vector<json::object> Items(const json::object& answer, std::string_view kind) {
    std::vector<json::object> out;
    json::object g = Group(answer, kind);
    if (!g.contains("items")) return out;
    for (const auto& i : g.at("items").as_array()) out.push_back(i.as_object());
    return out;
  }
  // The item of a group about `id`; empty when the group does not list it.
  json::object ItemAbout(const json::object& answer, std::string_view kind, const std::string& id) {
    for (auto& i : Items(answer, kind)) {
      if (Str(i.at("id")) == id) return i;
    }
    return {};
  }
  json::object Work(const std::string& role) { return Get("/api/v1/my-work?limit=100", role); }
  json::object Flags() { return Get("/api/v1/red-flags?limit=100"); }

  // --- the store ------------------------------------------------------------------------------

  json::object Run(std::function<Result<json::value>(storage::CommandContext&)> fn) {
    auto r = f_.rt().log().Execute(std::move(fn));
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().ToString());
    return r.ok() && r->is_object() ? r->as_object() : json::object{};
  }
  json::object Event(uint64_t index) {
    json::object event;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto leaf = storage::ReadLeaf(tx, index);
                      if (!leaf.ok()) return std::move(leaf).error();
                      event = json::parse(leaf->leaf).as_object();
                      return accord::Ok();
                    })
                    .ok());
    return event;
  }
  std::vector<std::string> TypesSince(uint64_t from) {
    std::vector<std::string> types;
    for (uint64_t i = from; i < f_.LedgerSize(); ++i) types.push_back(Str(Event(i).at("type")));
    return types;
  }
  std::vector<json::object> Current(const std::string& kind) {
    std::vector<json::object> out;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto page = storage::ListObjects(
                          tx, storage::ListQuery{.kind = kind, .limit = 500}, storage::Scope{});
                      if (!page.ok()) return std::move(page).error();
                      for (auto& o : page->items) out.push_back(std::move(o.doc));
                      return accord::Ok();
                    })
                    .ok());
    return out;
  }
  json::object Object(const std::string& kind, const std::string& id) {
    json::object doc;
    EXPECT_TRUE(f_.rt()
                    .store()
                    .Read([&](storage::Tx& tx) -> Status {
                      auto o = storage::GetObject(tx, kind, id, storage::Scope{});
                      if (!o.ok()) return std::move(o).error();
                      if (o->has_value()) doc = (*o)->doc;
                      return accord::Ok();
                    })
                    .ok());
    return doc;
  }
  // The id of the current object of `kind` named `name` (its name field).
  std::string Named(const std::string& kind, const std::string& name) {
    const domain::KindSpec* spec = domain::FindKind(kind);
    for (const auto& o : Current(kind)) {
      if (StateString(o, spec->name_field) == name) return Str(o.at("id"));
    }
    ADD_FAILURE() << "no " << kind << " named " << name;
    return "";
  }
  std::string At(TimePoint t) { return FormatRfc3339(t); }
  TimePoint Now() { return f_.clock().Now(); }

  RuntimeFixture f_;
  policy::Profile profile_;
  http::Metrics metrics_;
  http::ApiDeps deps_;
  http::Router router_;
  std::map<std::string, std::string> ids_;  // email -> user id
};

}  // namespace accord::testing::my_work
