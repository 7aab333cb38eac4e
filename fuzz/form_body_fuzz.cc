// An application/x-www-form-urlencoded body as the trust-centre and report-request forms
// receive it, and the form page that echoes the values back.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "accord/http/html_page.h"
#include "fuzz_entry.h"

namespace {

std::string FormEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

extern "C" int ACCORD_FUZZ_ENTRY(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  auto form = accord::http::ParseForm(body);
  if (!form.ok()) return 0;
  // Encoded again and parsed, the same names and values.
  std::string encoded;
  for (const auto& [name, value] : *form) {
    if (!encoded.empty()) encoded += '&';
    encoded += FormEncode(name) + "=" + FormEncode(value);
  }
  auto again = accord::http::ParseForm(encoded);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(*again == *form);
  // The page echoes the email field inside an attribute, escaped: nothing may break out of it.
  // (Once per input, not once per field: a 4 KiB body of a thousand fields made that loop
  // quadratic and the target ten times slower.)
  std::vector<accord::ErrorDetail> errors;
  std::string input = accord::http::FormInput("email", "Email", "email", *form, errors, true);
  if (auto email = form->find("email"); email != form->end()) {
    FUZZ_CHECK(input.find("value=\"" + accord::http::HtmlEscape(email->second) + "\"") !=
               std::string::npos);
  }
  for (const auto& [name, value] : *form) {
    std::string escaped = accord::http::HtmlEscape(value);
    FUZZ_CHECK(escaped.find_first_of("<>\"'") == std::string::npos);
    (void)name;
  }
  return 0;
}
