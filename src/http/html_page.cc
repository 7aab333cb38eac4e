// Server-rendered HTML pages (html_page.h): escaping, the public page shell and its CSP,
// form fields and form bodies.
#include "accord/http/html_page.h"

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"

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

// The public pages' one stylesheet (its hash is in their Content-Security-Policy).
constexpr std::string_view kPublicCss =
    "body{font:16px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;"
    "color:#1a1a1a}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid "
    "#ccc;padding:6px 8px;text-align:left;vertical-align:top}a{color:#0b5394}"
    "label{display:block;margin-top:1em;font-weight:600}input,select,textarea{font:inherit;"
    "width:100%;max-width:32em;padding:6px;border:1px solid #555;border-radius:4px;"
    "box-sizing:border-box}input[type=checkbox]{width:auto;margin-right:.5em}"
    "button{font:inherit;margin-top:1.5em;padding:8px 20px;background:#0b5394;color:#fff;"
    "border:0;border-radius:4px;cursor:pointer}button:focus,input:focus,select:focus,"
    "textarea:focus{outline:3px solid #f5a623;outline-offset:1px}.error{color:#a00000;"
    "font-weight:600;margin:.25em 0 0}.notice{padding:.75em 1em;background:#eef4fb;"
    "border-left:4px solid #0b5394}pre{white-space:pre-wrap;background:#f6f6f6;padding:1em;"
    "max-height:30em;overflow:auto;border:1px solid #ccc}";

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

std::string PublicPage(const std::string& title, const std::string& body) {
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" +
         HtmlEscape(title) + "</title><style>" + std::string(kPublicCss) + "</style></head><body>" +
         body + "</body></html>\n";
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
