// Server-rendered HTML pages (html_page.h): escaping, the public page shell and its CSP,
// form fields and form bodies.
#include "accord/http/html_page.h"

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"

namespace accord::http {

std::string HtmlEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string HtmlPageCsp(std::string_view css) {
  auto digest = Sha256(css);
  return "default-src 'none'; style-src 'sha256-" + Base64Encode(digest) +
         "'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
}

namespace {

// The public pages' one stylesheet (its hash is in their Content-Security-Policy): the portal's
// look (web/src/styles.css: its font stack, colours, spacing, the dark top bar and white cards)
// so the trust center and the portal read as one product. Below 600 px tables stack their
// cells and long words wrap, so a phone never scrolls sideways.
constexpr std::string_view kPublicCss =
    ":root{--ink:#1b2430;--muted:#4f5b69;--line:#d5dbe3;--brand:#1d4ed8;--focus:#b45309;"
    "font:16px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,"
    "sans-serif;color:var(--ink);background:#f4f6f9}*{box-sizing:border-box}"
    "body{margin:0;overflow-wrap:break-word}a{color:var(--brand)}a:hover{color:#163ea8}"
    "body>header{background:#13294b;color:#fff;padding:.75rem 1rem}"
    "body>header h1,.bar{max-width:60rem;margin:0 auto;font-size:1.4rem}"
    ".bar{font-size:1.1rem}.bar a{color:#fff;font-weight:700;text-decoration:none}"
    "main{display:block;max-width:60rem;margin:1.25rem auto;padding:1rem 1.25rem 1.5rem;"
    "background:#fff;border:1px solid var(--line);border-radius:6px}"
    "h1{font-size:1.6rem;margin:0 0 .75rem}h2{font-size:1.15rem;margin:1.5rem 0 .6rem}"
    "section:first-child h2{margin-top:.25rem}h3{font-size:1rem;margin:1rem 0 .5rem}"
    "footer{max-width:60rem;margin:0 auto 2rem;padding:0 1rem;color:var(--muted);"
    "font-size:.9rem}table{border-collapse:collapse;width:100%}td,th{text-align:left;"
    "padding:.5rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}"
    "th{font-size:.85rem;color:var(--muted);font-weight:600}"
    "label{display:block;margin-top:1em;font-weight:600}input,select,textarea{font:inherit;"
    "width:100%;max-width:32em;padding:.5rem .6rem;min-height:2.5rem;border:1px solid #8a96a6;"
    "border-radius:6px;color:var(--ink);background:#fff}input[type=checkbox]{width:auto;"
    "min-height:0;margin-right:.5em}button{font:inherit;font-weight:600;margin-top:1.25em;"
    "min-height:2.5rem;padding:.45rem 1rem;background:var(--brand);color:#fff;"
    "border:1px solid var(--brand);border-radius:6px;cursor:pointer}button:hover{"
    "background:#163ea8}:focus-visible{outline:3px solid var(--focus);outline-offset:2px}"
    ".error{color:#a11a1a;font-weight:600;margin:.25em 0 0}.notice{padding:.7rem .9rem;"
    "background:#e3eefb;color:#1e4f8a;border:1px solid #b5cdee;border-radius:6px}"
    "pre{white-space:pre-wrap;background:#f4f6f9;padding:1em;max-height:30em;overflow:auto;"
    "border:1px solid var(--line);border-radius:6px}"
    "@media (max-width:600px){main{margin:.75rem .5rem;padding:.75rem}"
    "thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
    "table,tbody,tr,td{display:block;width:100%}tr{border-bottom:1px solid var(--line);"
    "padding:.4rem 0}td{border:0;padding:.15rem 0}td:first-child{font-weight:600}}"
    // The status page (issue 27): a component's state in words and colour, its uptime bars.
    ".st{font-weight:600}.st-operational{color:#166534}.st-degraded_performance,"
    ".st-partial_outage{color:#92400e}.st-major_outage{color:#a11a1a}"
    ".st-under_maintenance{color:#1e4f8a}.bars{display:block;width:100%;height:2.2rem}"
    ".cmp{padding:.6rem 0;border-bottom:1px solid var(--line)}.cmp p{margin:.2rem 0}";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<std::string> FormDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%') {
      int hi = i + 2 < s.size() ? HexValue(s[i + 1]) : -1;
      int lo = hi >= 0 ? HexValue(s[i + 2]) : -1;
      if (lo < 0) {
        return Error{ErrorCode::kBadRequest, "malformed form body: a bad % escape", {}};
      }
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

// The bar above a page that has no header of its own (the request form, the NDA, a download):
// the way back to the trust center, in the trust center's colours.
constexpr std::string_view kTrustBar =
    "<header><p class=\"bar\"><a href=\"/trust\">Trust center</a></p></header>";

std::string PublicPage(const std::string& title, const std::string& body) {
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" +
         HtmlEscape(title) + "</title><style>" + std::string(kPublicCss) + "</style></head><body>" +
         std::string(body.starts_with("<header") ? "" : kTrustBar) + body + "</body></html>\n";
}

Response PublicHtml(std::string page, int status) {
  static const std::string kCsp = HtmlPageCsp(kPublicCss);
  Response r{.status = status, .content_type = "text/html; charset=utf-8", .body = std::move(page)};
  r.headers.push_back({"Content-Security-Policy", kCsp});
  return r;
}

Response SecretLinkHtml(std::string page, int status) {
  Response r = PublicHtml(std::move(page), status);
  r.headers.push_back({"Cache-Control", "no-store"});
  r.headers.push_back({"Referrer-Policy", "no-referrer"});
  return r;
}

std::string HumanMoment(std::string_view rfc3339) {
  std::string day = HumanDay(rfc3339);
  if (rfc3339.size() < 16 || rfc3339[10] != 'T') return HtmlEscape(day);
  return HtmlEscape(day + ", " + std::string(rfc3339.substr(11, 5)) + " UTC");
}

std::string Notice(const std::string& text) {
  return "<p class=\"notice\" role=\"status\">" + HtmlEscape(text) + "</p>";
}

std::string NoticePage(const std::string& title, const std::string& text) {
  return PublicPage(title, "<main><h1>" + HtmlEscape(title) + "</h1>" + Notice(text) +
                               "<p><a href=\"/trust\">The trust center</a></p></main>");
}

std::string TableHead(std::initializer_list<std::string_view> columns) {
  std::string out = "<table><thead><tr>";
  for (std::string_view c : columns) out += "<th scope=\"col\">" + HtmlEscape(c) + "</th>";
  return out + "</tr></thead><tbody>";
}

std::string FieldError(const std::vector<ErrorDetail>& details, const std::string& field) {
  for (const auto& d : details) {
    if (d.field == field) return d.reason;
  }
  return "";
}

std::string InvalidAttributes(const std::string& name, const std::string& error) {
  if (error.empty()) return "";
  return " aria-invalid=\"true\" aria-describedby=\"" + name + "-error\"";
}

std::string ErrorText(const std::string& name, const std::string& error) {
  if (error.empty()) return "";
  return "<p class=\"error\" id=\"" + name + "-error\">" + HtmlEscape(error) + "</p>";
}

std::string FormInput(const std::string& name, const std::string& label, const std::string& type,
                      const std::map<std::string, std::string>& values,
                      const std::vector<ErrorDetail>& errors, bool required,
                      const std::string& autocomplete) {
  auto it = values.find(name);
  std::string value = it == values.end() ? "" : it->second;
  std::string error = FieldError(errors, name);
  std::string out = "<label for=\"" + name + "\">" + HtmlEscape(label) +
                    (required ? "" : " (optional)") + "</label>";
  std::string attrs = " id=\"" + name + "\" name=\"" + name + "\"" + (required ? " required" : "") +
                      (autocomplete.empty() ? "" : " autocomplete=\"" + autocomplete + "\"") +
                      InvalidAttributes(name, error);
  if (type == "textarea") {
    out +=
        "<textarea" + attrs + " rows=\"4\" maxlength=\"2000\">" + HtmlEscape(value) + "</textarea>";
  } else {
    out += "<input type=\"" + type + "\"" + attrs + " value=\"" + HtmlEscape(value) + "\">";
  }
  return out + ErrorText(name, error);
}

std::string ErrorSummary(const std::vector<ErrorDetail>& errors, const std::string& message) {
  if (errors.empty() && message.empty()) return "";
  return "<p class=\"error\" role=\"alert\">" +
         HtmlEscape(message.empty() ? "Please correct the fields marked below." : message) + "</p>";
}

Result<std::map<std::string, std::string>> ParseForm(std::string_view body) {
  std::map<std::string, std::string> out;
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t end = body.find('&', pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view pair = body.substr(pos, end - pos);
    if (!pair.empty()) {
      size_t eq = pair.find('=');
      auto name = FormDecode(pair.substr(0, eq));
      if (!name.ok()) return std::move(name).error();
      auto value = FormDecode(eq == std::string_view::npos ? "" : pair.substr(eq + 1));
      if (!value.ok()) return std::move(value).error();
      out[std::move(*name)] = std::move(*value);
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace accord::http
