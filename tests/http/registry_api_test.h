// The third-party registry over HTTP (TP-1, TP-6, TP-7) as a client sees it: a real
// `accord serve --demo` process, one per suite (RegistryApiTest), whose tests are in
// registry_api_test.cc (CRUD, bad input), document_api_test.cc, import_api_test.cc,
// registry_query_api_test.cc (as_of, search, pages) and registry_roles_api_test.cc. Every
// refused request is checked for the field it names and for leaving the ledger as it was.
// This header holds the suite's fixture and helpers.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/api_assert.h"
#include "support/api_server.h"
#include "support/shared_server_test.h"

namespace accord::testing::registry_api {

namespace json = boost::json;
inline std::string Str(const json::value& v) { return std::string(v.as_string()); }

inline std::string UrlEncode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// A small PDF-looking payload: the magic, then arbitrary binary bytes.
inline std::string PdfBytes(std::string_view tag) {
  std::string pdf = "%PDF-1.7\n";
  pdf += tag;
  pdf += std::string("\x00\x01\xFF\xFE\n%%EOF\n", 11);
  return pdf;
}
class RegistryApiTest : public SharedServerTest {
 protected:
  HttpResult Call(const std::string& method, const std::string& target,
                  const std::string& body = "", const std::string& role = "security_officer",
                  const std::string& content_type = "application/json") {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!content_type.empty()) headers.emplace_back("Content-Type", content_type);
    if (!role.empty()) headers.emplace_back("Authorization", "Bearer " + s().token(role));
    return HttpCall(s().port(), method, target, body, headers);
  }
  HttpResult CallAs(const std::string& token, const std::string& method, const std::string& target,
                    const std::string& body = "") {
    return HttpCall(s().port(), method, target, body,
                    {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + token}});
  }

  json::object Create(const std::string& target, const json::object& body,
                      const std::string& role = "security_officer") {
    HttpResult r = Call("POST", target, json::serialize(body), role);
    EXPECT_EQ(r.status, 201) << "POST " << target << " " << json::serialize(body) << ": " << r.body;
    if (r.status != 201) return {};
    return json::parse(r.body).as_object();
  }
  json::object PatchOk(const std::string& target, const json::object& body,
                       const std::string& role = "security_officer") {
    HttpResult r = Call("PATCH", target, json::serialize(body), role);
    EXPECT_EQ(r.status, 200) << "PATCH " << target << " " << json::serialize(body) << ": "
                             << r.body;
    if (r.status != 200) return {};
    return json::parse(r.body).as_object();
  }
  json::object GetObj(const std::string& target, const std::string& role = "security_officer") {
    json::value v = s().GetJson(target, role);
    return v.is_object() ? v.as_object() : json::object{};
  }
  json::array Items(const std::string& target, const std::string& role = "security_officer") {
    json::object page = GetObj(target, role);
    return page.contains("items") ? page.at("items").as_array() : json::array{};
  }
  std::vector<std::string> ItemNames(const std::string& target,
                                     const std::string& role = "security_officer") {
    std::vector<std::string> names;
    for (const auto& item : Items(target, role)) names.push_back(Str(item.at("name")));
    std::sort(names.begin(), names.end());
    return names;
  }

  std::string NewParty(const std::string& name, const std::string& kind = "customer",
                       json::object extra = {}) {
    extra["name"] = name;
    extra["kind"] = kind;
    json::object p = Create("/api/v1/parties", extra);
    return p.contains("id") ? Str(p.at("id")) : "";
  }
  // The id of the live object of `collection` with exactly this name.
  std::string IdByName(const std::string& collection, const std::string& name) {
    for (const auto& item : Items("/api/v1/" + collection + "?limit=500&q=" + UrlEncode(name))) {
      if (item.at("name") == name.c_str()) return Str(item.at("id"));
    }
    ADD_FAILURE() << "no " << collection << " named " << name;
    return "";
  }
  json::object Entry(int64_t index) {
    return GetObj("/api/v1/ledger/entries/" + std::to_string(index)).at("event").as_object();
  }

  // The ledger's size now: the checkpoint may lag by a second, so probe entries past it.
  uint64_t LedgerSize() {
    auto exists = [&](uint64_t i) {
      HttpResult r = s().Get("/api/v1/ledger/entries/" + std::to_string(i));
      EXPECT_TRUE(r.status == 200 || r.status == 404) << r.body;
      return r.status == 200;
    };
    uint64_t lo = 0;  // entries below lo exist
    HttpResult cp = s().Get("/api/v1/ledger/checkpoint");
    if (cp.status == 200) lo = json::parse(cp.body).at("size").to_number<uint64_t>();
    uint64_t hi = lo, step = 1;
    while (exists(hi)) {
      lo = hi + 1;
      hi = lo + step;
      step *= 2;
    }
    while (lo < hi) {  // entries below lo exist, hi does not
      uint64_t mid = lo + (hi - lo) / 2;
      if (exists(mid)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
  // Nothing but the demo's own expiry sweep wrote to the ledger since `before`.
  void ExpectNothingWrittenSince(uint64_t before, const std::string& what) {
    uint64_t after = LedgerSize();
    for (uint64_t i = before; i < after; ++i) {
      json::object event = Entry(static_cast<int64_t>(i));
      // The demo seeds a two-minute grant that expires by itself while the suite runs.
      EXPECT_EQ(event.at("type"), "grant.expired")
          << what << ": entry " << i << " " << json::serialize(event);
    }
  }

  std::string StagingSystem() { return IdByName("systems", "Luma platform (staging)"); }
  std::string UploadPdf(const std::string& target, const std::string& filename,
                        const std::string& bytes, const std::string& role = "security_officer") {
    HttpResult r =
        Call("POST", target + "?filename=" + UrlEncode(filename), bytes, role, "application/pdf");
    EXPECT_EQ(r.status, 201) << target << ": " << r.body;
    return r.status == 201 ? Str(json::parse(r.body).at("id")) : "";
  }
};

}  // namespace accord::testing::registry_api
