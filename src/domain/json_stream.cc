#include "json_stream.h"

#include <boost/json/basic_parser_impl.hpp>
#include <limits>
#include <memory>

namespace accord::domain::json_stream {

namespace json = boost::json;
using boost::system::error_code;

namespace {

constexpr size_t kChunk = 256 * 1024;

struct Frame {
  bool array = false;
  std::string key;   // the current key (objects)
  size_t index = 0;  // the next element's index (arrays)
};

class Handler {
 public:
  static constexpr std::size_t max_object_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_array_size = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t max_key_size = 64 * 1024;
  static constexpr std::size_t max_string_size = 8 * 1024 * 1024;

  Handler(const std::vector<Path>& patterns, const OnValue& on_value)
      : patterns_(patterns), on_value_(on_value) {}

  Status failure = Ok();

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }

  bool on_object_begin(error_code& ec) { return Open(false, ec); }
  bool on_object_end(std::size_t n, error_code& ec) {
    if (capturing_) stack_.push_object(n);
    return Close(ec);
  }
  bool on_array_begin(error_code& ec) { return Open(true, ec); }
  bool on_array_end(std::size_t n, error_code& ec) {
    if (capturing_) stack_.push_array(n);
    return Close(ec);
  }

  bool on_key_part(json::string_view s, std::size_t, error_code&) {
    if (capturing_) {
      stack_.push_chars(s);
    } else {
      key_.append(s.data(), s.size());
    }
    return true;
  }
  bool on_key(json::string_view s, std::size_t, error_code&) {
    if (capturing_) {
      stack_.push_key(s);
    } else {
      key_.append(s.data(), s.size());
      frames_.back().key = std::move(key_);
      key_.clear();
    }
    return true;
  }

  bool on_string_part(json::string_view s, std::size_t, error_code& ec) {
    if (!partial_ && !capturing_ && !BeginScalar(ec)) return false;
    if (capturing_) stack_.push_chars(s);
    partial_ = true;
    return true;
  }
  bool on_string(json::string_view s, std::size_t, error_code& ec) {
    if (!partial_ && !capturing_ && !BeginScalar(ec)) return false;
    partial_ = false;
    if (capturing_) stack_.push_string(s);
    return EndScalar(ec);
  }
  bool on_number_part(json::string_view, error_code& ec) {
    if (!partial_ && !capturing_ && !BeginScalar(ec)) return false;
    partial_ = true;
    return true;
  }
  bool on_int64(std::int64_t v, json::string_view, error_code& ec) {
    return Scalar(ec, [&] { stack_.push_int64(v); });
  }
  bool on_uint64(std::uint64_t v, json::string_view, error_code& ec) {
    return Scalar(ec, [&] { stack_.push_uint64(v); });
  }
  bool on_double(double v, json::string_view, error_code& ec) {
    return Scalar(ec, [&] { stack_.push_double(v); });
  }
  bool on_bool(bool v, error_code& ec) {
    return Scalar(ec, [&] { stack_.push_bool(v); });
  }
  bool on_null(error_code& ec) {
    return Scalar(ec, [&] { stack_.push_null(); });
  }
  bool on_comment_part(json::string_view, error_code&) { return true; }
  bool on_comment(json::string_view, error_code&) { return true; }

 private:
  // Which pattern the value about to start is at, or -1.
  int Match() const {
    for (size_t p = 0; p < patterns_.size(); ++p) {
      const Path& path = patterns_[p];
      if (path.size() != frames_.size()) continue;
      bool same = true;
      for (size_t i = 0; i < path.size() && same; ++i) {
        same = frames_[i].array ? path[i] == "*" : path[i] == frames_[i].key;
      }
      if (same) return static_cast<int>(p);
    }
    return -1;
  }

  void StartCapture(int pattern) {
    capturing_ = true;
    pattern_ = static_cast<size_t>(pattern);
    level_ = frames_.size();
    indices_.clear();
    for (const auto& f : frames_) {
      if (f.array) indices_.push_back(f.index);
    }
    stack_.reset();
  }

  bool Deliver(error_code& ec) {
    capturing_ = false;
    json::value v = stack_.release();
    failure = on_value_(pattern_, indices_, std::move(v));
    if (!failure.ok()) {
      ec = json::error::exception;
      return false;
    }
    return true;
  }

  // A value ended at the current level: the next element of an array.
  void Advance() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
  }

  bool Open(bool array, error_code&) {
    if (!capturing_) {
      int m = Match();
      if (m >= 0) StartCapture(m);
    }
    frames_.push_back(Frame{.array = array});
    return true;
  }

  bool Close(error_code& ec) {
    frames_.pop_back();
    if (capturing_ && frames_.size() == level_ && !Deliver(ec)) return false;
    Advance();
    return true;
  }

  bool BeginScalar(error_code&) {
    int m = Match();
    if (m >= 0) StartCapture(m);
    return true;
  }

  bool EndScalar(error_code& ec) {
    if (capturing_ && frames_.size() == level_ && !Deliver(ec)) return false;
    Advance();
    return true;
  }

  template <typename Push>
  bool Scalar(error_code& ec, Push push) {
    if (!partial_ && !capturing_ && !BeginScalar(ec)) return false;
    partial_ = false;
    if (capturing_) push();
    return EndScalar(ec);
  }

  const std::vector<Path>& patterns_;
  const OnValue& on_value_;
  std::vector<Frame> frames_;
  std::string key_;
  bool partial_ = false;
  bool capturing_ = false;
  size_t pattern_ = 0, level_ = 0;
  std::vector<size_t> indices_;
  json::value_stack stack_;
};

}  // namespace

Status Stream(const ScanReader& read, const std::vector<Path>& patterns, const OnValue& on_value) {
  json::parse_options options;
  options.max_depth = 64;
  json::basic_parser<Handler> parser(options, patterns, on_value);
  auto buffer = std::make_unique<char[]>(kChunk);
  uint64_t offset = 0;
  error_code ec;
  for (;;) {
    size_t n = read(buffer.get(), kChunk);
    if (n == 0) break;
    size_t used = parser.write_some(true, buffer.get(), n, ec);
    if (ec) {
      if (!parser.handler().failure.ok()) return parser.handler().failure;
      return Error{ErrorCode::kMalformedJson,
                   "body: not JSON at byte " + std::to_string(offset + used) + ": " + ec.message(),
                   {{"body", "not JSON at byte " + std::to_string(offset + used)}}};
    }
    offset += n;
  }
  parser.write_some(false, nullptr, 0, ec);
  if (ec) {
    if (!parser.handler().failure.ok()) return parser.handler().failure;
    return Error{ErrorCode::kMalformedJson,
                 "body: the JSON ends early or is not JSON (" + std::to_string(offset) +
                     " bytes read): " + ec.message(),
                 {{"body", "incomplete JSON after " + std::to_string(offset) + " bytes"}}};
  }
  return Ok();
}

}  // namespace accord::domain::json_stream
