// The server-rendered pages' pieces: form bodies, fields that carry their errors, the shell's
// CSP and the headers of pages reached by a secret link.
#include "accord/http/html_page.h"

#include <gtest/gtest.h>

#include <string>

namespace accord::http {
namespace {

TEST(FormParsingTest, DecodesPlusAndPercentAndRefusesBadEscapes) {
  auto f = ParseForm("a=1+2&b=%C3%A9t%C3%A9&c=&d&a=3");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->at("a"), "3");
  EXPECT_EQ(f->at("b"), "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(f->at("c"), "");
  EXPECT_EQ(f->at("d"), "");
  EXPECT_FALSE(ParseForm("a=%4").ok());
  EXPECT_FALSE(ParseForm("a=%GG").ok());
}

TEST(HtmlPageTest, EscapesTextAndMarksAFieldWithItsError) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  std::string field = FormInput("email", "Email", "email", {{"email", "a<b"}},
                                {{"email", "must be an email address", {}}}, true, "email");
  EXPECT_EQ(field,
            "<label for=\"email\">Email</label><input type=\"email\" id=\"email\" "
            "name=\"email\" required autocomplete=\"email\" aria-invalid=\"true\" "
            "aria-describedby=\"email-error\" value=\"a&lt;b\"><p class=\"error\" "
            "id=\"email-error\">must be an email address</p>");
  EXPECT_EQ(FormInput("note", "Note", "textarea", {}, {}, false),
            "<label for=\"note\">Note (optional)</label><textarea id=\"note\" name=\"note\" "
            "rows=\"4\" maxlength=\"2000\"></textarea>");
  EXPECT_EQ(ErrorSummary({}, ""), "");
}

TEST(HtmlPageTest, PagesAllowOnlyTheirOwnStyleAndSecretLinksAreNotCachedOrReferred) {
  Response r = SecretLinkHtml(PublicPage("A <title>", "<main></main>"), 410);
  EXPECT_EQ(r.status, 410);
  EXPECT_NE(r.body.find("<title>A &lt;title&gt;</title>"), std::string::npos);
  auto header = [&](const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == name) return v;
    }
    return std::string();
  };
  EXPECT_EQ(header("Content-Security-Policy").rfind("default-src 'none'; style-src 'sha256-", 0),
            0u);
  EXPECT_EQ(header("Cache-Control"), "no-store");
  EXPECT_EQ(header("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(PublicHtml("x").headers.size(), 1u);
}

}  // namespace
}  // namespace accord::http
