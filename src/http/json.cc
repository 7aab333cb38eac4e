#include "accord/http/json.h"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <boost/json/basic_parser_impl.hpp>
#include <unordered_set>
#include <vector>

namespace accord::http {

namespace json = boost::json;

namespace {

// Server-side failures carry database and SQL detail: log it, never send it.
bool MustMask(const Error& e) {
  if (e.code == ErrorCode::kInternal || e.code == ErrorCode::kCheckFailed) return true;
  return e.code == ErrorCode::kUnavailable && e.details.empty() &&
         e.message.find("starting up") == std::string::npos;
}

// Builds the value as boost::json::parser does, and stops at an object that repeats a key:
// Boost.JSON would keep the last one silently, so two readers of the same body could
// disagree about what was sent. Tracks where it is, to name the key's path.
class StrictHandler {
 public:
  static constexpr std::size_t max_object_size = json::object::max_size();
  static constexpr std::size_t max_array_size = json::array::max_size();
  static constexpr std::size_t max_key_size = json::string::max_size();
  static constexpr std::size_t max_string_size = json::string::max_size();

  json::value_stack st;
  std::string duplicate;  // the path of the first repeated key ("subject.kind", "tags[0].k")

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_object_begin(json::error_code&) {
    frames_.push_back(Frame{true});
    return true;
  }
  bool on_object_end(std::size_t n, json::error_code&) {
    st.push_object(n);
    frames_.pop_back();
    return Completed();
  }
  bool on_array_begin(json::error_code&) {
    frames_.push_back(Frame{false});
    return true;
  }
  bool on_array_end(std::size_t n, json::error_code&) {
    st.push_array(n);
    frames_.pop_back();
    return Completed();
  }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    st.push_chars(s);
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
    st.push_key(s);
    key_.append(s.data(), s.size());
    Frame& top = frames_.back();
    if (!top.keys.insert(key_).second) {
      duplicate = Path() + (frames_.size() > 1 ? "." : "") + key_;
      ec = json::error::syntax;
      return false;
    }
    top.key = std::move(key_);
    key_.clear();
    return true;
  }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    st.push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code&) {
    st.push_string(s);
    return Completed();
  }
  bool on_number_part(json::string_view, json::error_code&) { return true; }
  bool on_int64(std::int64_t i, json::string_view, json::error_code&) {
    st.push_int64(i);
    return Completed();
  }
  bool on_uint64(std::uint64_t u, json::string_view, json::error_code&) {
    st.push_uint64(u);
    return Completed();
  }
  bool on_double(double d, json::string_view, json::error_code&) {
    st.push_double(d);
    return Completed();
  }
  bool on_bool(bool b, json::error_code&) {
    st.push_bool(b);
    return Completed();
  }
  bool on_null(json::error_code&) {
    st.push_null();
    return Completed();
  }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

 private:
  struct Frame {
    bool is_object;
    std::string key;   // objects: the key whose value is being read
    size_t index = 0;  // arrays: the element being read
    std::unordered_set<std::string> keys;
  };

  // A value ended: the next one in an array has the next index.
  bool Completed() {
    if (!frames_.empty() && !frames_.back().is_object) ++frames_.back().index;
    return true;
  }
  // Where the innermost object sits: "", "subject", "tags[0]".
  std::string Path() const {
    std::string out;
    for (size_t i = 0; i + 1 < frames_.size(); ++i) {
      const Frame& f = frames_[i];
      if (f.is_object) {
        out += (out.empty() ? "" : ".") + f.key;
      } else {
        out += "[" + std::to_string(f.index) + "]";
      }
    }
    return out;
  }

  std::vector<Frame> frames_;
  std::string key_;  // a key arriving in parts
};

}  // namespace

Response ErrorResponse(const Error& original) {
  Error masked;
  if (MustMask(original)) {
    spdlog::error("request failed: {}", original.message);
    const bool unavailable = original.code == ErrorCode::kUnavailable;
    masked = Error{unavailable ? ErrorCode::kUnavailable : ErrorCode::kInternal,
                   unavailable ? "the service is temporarily unavailable; retry shortly"
                               : "internal error; the server log has the details",
                   {}};
  }
  const Error& error = MustMask(original) ? masked : original;
  json::array details;
  for (const auto& d : error.details) {
    json::object item{{"field", d.field}, {"reason", d.reason}};
    if (d.line) item["line"] = *d.line;
    details.push_back(std::move(item));
  }
  json::object body{{"error", json::object{{"code", CodeName(error.code)},
                                           {"message", error.message},
                                           {"details", std::move(details)}}}};
  return JsonResponse(body, HttpStatus(error.code));
}

Response JsonResponse(const json::value& body, int status) {
  Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = json::serialize(body);
  return r;
}

Response TextResponse(std::string body, std::string content_type, int status) {
  Response r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

Result<json::object> ParseJsonObject(std::string_view body) {
  json::parse_options opts;
  opts.max_depth = 64;
  json::basic_parser<StrictHandler> parser(opts);
  StrictHandler& handler = parser.handler();
  handler.st.reset();
  json::error_code ec;
  const size_t used = parser.write_some(false, body.data(), body.size(), ec);
  if (!ec && used < body.size()) ec = json::error::extra_data;
  if (!handler.duplicate.empty()) {
    // Bounded, as it is echoed back, and cut between UTF-8 sequences.
    size_t cut = std::min<size_t>(handler.duplicate.size(), 200);
    while (cut < handler.duplicate.size() && (handler.duplicate[cut] & 0xC0) == 0x80) --cut;
    std::string field = handler.duplicate.substr(0, cut);
    return Error{ErrorCode::kMalformedJson,
                 field + ": appears more than once in the same object; send each key once",
                 {ErrorDetail{field, "appears more than once in the same object", std::nullopt}}};
  }
  if (ec) {
    return Error{ErrorCode::kMalformedJson,
                 "request body is not valid JSON: " + ec.message(),
                 {ErrorDetail{"body", ec.message(), std::nullopt}}};
  }
  json::value v = handler.st.release();
  if (!v.is_object()) return ValidationError("body", "must be a JSON object");
  return std::move(v.as_object());
}

}  // namespace accord::http
