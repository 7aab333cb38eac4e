// Server-rendered HTML pages (the trust center, the request form, the NDA, secret-link pages):
// escaping, the page shell with its one stylesheet and CSP, form fields and form bodies.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"
#include "accord/http/message.h"

namespace accord::http {

// Text for HTML and XML (Atom): & < > " ' escaped.
std::string HtmlEscape(std::string_view text);
// The Content-Security-Policy of a server-rendered page whose only style is one inline
// <style> element holding `css` (allowed by its hash; no script at all).
std::string HtmlPageCsp(std::string_view css);

// A public server-rendered page (trust center, request form, NDA, downloads): one inline
// stylesheet allowed by its hash, no script, every value escaped by the caller.
std::string PublicPage(const std::string& title, const std::string& body);
Response PublicHtml(std::string page, int status = 200);
// A page reached by a secret link: also never cached, and the link is not sent on as a
// Referer.
Response SecretLinkHtml(std::string page, int status = 200);
// "7 Dec 2026, 10:15 UTC" for an RFC 3339 instant: what a visitor reads (escaped).
std::string HumanMoment(std::string_view rfc3339);

// A public page that says one thing and links back to the trust center.
std::string NoticePage(const std::string& title, const std::string& text);
// The status line such a page shows (role="status").
std::string Notice(const std::string& text);
// The head of a table whose columns are `columns`; the caller adds rows and "</tbody></table>".
std::string TableHead(std::initializer_list<std::string_view> columns);

// Forms. Errors are ErrorDetails by field name; a field with one is marked and described.
// The reason given for `field` ("" when there is none).
std::string FieldError(const std::vector<ErrorDetail>& details, const std::string& field);
// The attributes that tie field `name` to its error (" aria-invalid ..."; "" without error).
std::string InvalidAttributes(const std::string& name, const std::string& error);
// The error shown beside field `name` ("" without error).
std::string ErrorText(const std::string& name, const std::string& error);
// A labelled input (type "textarea": a text area) with its error beside it, its value kept
// on a re-render.
std::string FormInput(const std::string& name, const std::string& label, const std::string& type,
                      const std::map<std::string, std::string>& values,
                      const std::vector<ErrorDetail>& errors, bool required,
                      const std::string& autocomplete = "");
// The alert above a form that has errors or a `message` ("" when it has neither).
std::string ErrorSummary(const std::vector<ErrorDetail>& errors, const std::string& message);
// An application/x-www-form-urlencoded body: name -> value (the last wins; '+' is a space).
// 400 on a malformed percent escape.
Result<std::map<std::string, std::string>> ParseForm(std::string_view body);

}  // namespace accord::http
