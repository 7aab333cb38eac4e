// The public audit-report request form (/trust/request): errors beside their fields, and at
// most so many posts per client address, on a server of its own.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "http/report_request_test.h"
#include "support/api_server.h"

namespace accord::testing::report_request {
namespace {

// A server of its own: the per-address counter is the point.
TEST(ReportRequestFormTest, ThePublicFormShowsErrorsBesideFieldsAndIsRateLimitedPerAddress) {
  ApiServer server;
  auto form = [&](const std::string& body) {
    return HttpCall(server.port(), "POST", "/trust/request", body,
                    {{"Content-Type", "application/x-www-form-urlencoded"}});
  };
  HttpResult page = HttpCall(server.port(), "GET", "/trust/request");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Has(page.body, "<label for=\"email\">"));
  EXPECT_TRUE(Has(page.body, "SOC 2 Type II report"));
  EXPECT_TRUE(Has(HttpCall(server.port(), "GET", "/trust").body, "href=\"/trust/request\""));

  HttpResult bad = form(FormEncode({{"name", "Kim"},
                                    {"email", "kim@@example"},
                                    {"organisation", "Kim & Co <b>"},
                                    {"report_type", "soc2_type2"}}));
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Has(bad.body, "id=\"email-error\"")) << bad.body;
  EXPECT_TRUE(Has(bad.body, "value=\"Kim &amp; Co &lt;b&gt;\"")) << "kept, escaped";
  EXPECT_EQ(form("name=%zz").status, 400);
  // A right-to-left override could disguise a link in an email or a page.
  HttpResult bidi = form(FormEncode({{"name",
                                      "Kim \xE2\x80\xAE"
                                      "moc.live"},
                                     {"email", "kim@example.org"},
                                     {"organisation", "Kim and Co"},
                                     {"report_type", "soc2_type2"}}));
  EXPECT_EQ(bidi.status, 422);
  EXPECT_TRUE(Has(bidi.body, "id=\"name-error\"")) << bidi.body;

  HttpResult ok = form(FormEncode({{"name", "Kim Lee"},
                                   {"email", "kim@example.org"},
                                   {"organisation", "Kim and Co"},
                                   {"report_type", "soc2_type2"},
                                   {"needed_by", ""}}));
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_TRUE(Has(ok.body, "Request received"));
  // Four more from this address pass; the sixth within the hour is refused and writes nothing.
  for (int i = 0; i < 4; ++i) {
    HttpResult r =
        HttpCall(server.port(), "POST", "/api/v1/public/report-requests",
                 json::serialize(json::object{{"name", "Kim Lee"},
                                              {"email", "kim" + std::to_string(i) + "@example.org"},
                                              {"organisation", "Kim and Co"},
                                              {"report_type", "iso27001"}}),
                 {{"Content-Type", "application/json"}});
    ASSERT_EQ(r.status, 202) << i << ": " << r.body;
  }
  uint64_t before = server.LedgerSize();
  HttpResult limited = HttpCall(server.port(), "POST", "/api/v1/public/report-requests",
                                json::serialize(json::object{{"name", "Kim Lee"},
                                                             {"email", "kim9@example.org"},
                                                             {"organisation", "Kim and Co"},
                                                             {"report_type", "iso27001"}}),
                                {{"Content-Type", "application/json"}});
  EXPECT_EQ(limited.status, 429) << limited.body;
  EXPECT_EQ(json::parse(limited.body).at("error").at("code"), "rate_limited");
  int retry = std::atoi(limited.Header("Retry-After").c_str());
  EXPECT_GT(retry, 0);
  EXPECT_LE(retry, 3600);
  HttpResult limited_form = form(FormEncode({{"name", "Kim Lee"},
                                             {"email", "kim10@example.org"},
                                             {"organisation", "Kim and Co"},
                                             {"report_type", "soc2_type2"}}));
  EXPECT_EQ(limited_form.status, 429);
  EXPECT_TRUE(Has(limited_form.body, "too many requests")) << limited_form.body;
  EXPECT_EQ(server.LedgerSize(), before);
  // The server keeps serving everything else.
  EXPECT_EQ(HttpCall(server.port(), "GET", "/trust").status, 200);
}

}  // namespace
}  // namespace accord::testing::report_request
