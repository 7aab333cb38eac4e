// The HTTP(S) listener. Every line of Boost.Beast/Asio in the server lives in this one
// translation unit because each one costs ~1 GB and 30 s to compile.
#include "accord/http/server.h"

#include <fcntl.h>
#include <openssl/ssl.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "accord/core/bytes.h"
#include "accord/core/sha256.h"
#include "accord/core/time.h"
#include "accord/http/json.h"

namespace accord::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = net::ip::tcp;
using PlainStream = beast::tcp_stream;
using TlsStream = ssl::stream<beast::tcp_stream>;
using RawResponse = bhttp::response<bhttp::string_body>;

constexpr uint32_t kHeaderLimit = 16 * 1024;
// How long a closing connection may keep sending (e.g. the rest of a rejected body) before
// we drop it; reading it avoids a TCP reset that would destroy our error response.
constexpr std::chrono::seconds kLingerTimeout{5};
constexpr std::chrono::milliseconds kAcceptRetry{100};
constexpr uint64_t kMinUploadRate = 128 * 1024;  // bytes/s a spooled body is given time for
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
constexpr std::string_view kCsp = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'";
// Mozilla "intermediate" TLS 1.2 suites; TLS 1.3 keeps OpenSSL's defaults.
constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

class SessionBase {
 public:
  virtual ~SessionBase() = default;
  virtual std::shared_ptr<SessionBase> Lock() = 0;
  // Posted onto the session's strand: closes the connection unless a request is in the handler
  // or its response is being written.
  virtual void PostStop() = 0;
  // Only when no I/O thread runs: closes the socket so pending operations complete.
  virtual void CloseDirect() = 0;
};

// State shared by the server, its listener and every connection. Connections hold it so the
// io_context outlives every socket, even one kept alive by a Reply after the Server is gone.
struct Core {
  Core(ServerOptions o, Handler h)
      : options(std::move(o)),
        handler(std::move(h)),
        clock(options.clock ? options.clock : &system_clock),
        ioc(std::max(1, options.threads)) {}

  ServerOptions options;
  Handler handler;
  SystemClock system_clock;
  const Clock* clock;  // the Date header's
  // Bodies being spooled or handled (ServerOptions::max_spooled).
  std::atomic<int> spooled{0};
  std::optional<ssl::context> tls;
  net::io_context ioc;
  std::atomic<bool> stopping{false};

  // Replies may arrive from any thread; once the gate closes they are dropped. `posting`
  // counts replies between the gate check and their post, so Stop() can wait them out.
  std::atomic<bool> gate_open{true};
  std::atomic<int> posting{0};

  // Requests handed to the handler whose response is not yet written.
  std::atomic<int> in_flight{0};
  std::mutex drain_mu;
  std::condition_variable drain_cv;

  std::mutex sessions_mu;
  std::unordered_set<SessionBase*> sessions;

  void FinishOne() {
    if (in_flight.fetch_sub(1) == 1 && stopping.load()) {
      std::lock_guard lock(drain_mu);
      drain_cv.notify_all();
    }
  }

  std::vector<std::shared_ptr<SessionBase>> Snapshot() {
    std::vector<std::shared_ptr<SessionBase>> out;
    std::lock_guard lock(sessions_mu);
    out.reserve(sessions.size());
    for (SessionBase* s : sessions) {
      if (auto locked = s->Lock()) out.push_back(std::move(locked));
    }
    return out;
  }
};

bool IsTokenChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool ValidHeader(std::string_view name, std::string_view value) {
  if (name.empty() || !std::all_of(name.begin(), name.end(), IsTokenChar)) return false;
  return std::none_of(value.begin(), value.end(),
                      [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

bool IEquals(std::string_view a, std::string_view b) { return beast::iequals(a, b); }

// Framing and connection headers belong to the server, never to a handler.
bool IsReservedHeader(std::string_view name) {
  return IEquals(name, "content-length") || IEquals(name, "transfer-encoding") ||
         IEquals(name, "connection") || IEquals(name, "keep-alive") || IEquals(name, "upgrade") ||
         IEquals(name, "trailer") || IEquals(name, "server") || IEquals(name, "date");
}

void SetDefault(RawResponse& res, bhttp::field name, std::string_view value) {
  if (res.find(name) == res.end()) res.insert(name, value);
}

void SetDefault(RawResponse& res, std::string_view name, std::string_view value) {
  if (res.find(name) == res.end()) res.insert(name, value);
}

// Handler headers win over the defaults (a page may need its own CSP or Cache-Control).
void BuildResponse(RawResponse& res, Response&& r, unsigned version, bool keep_alive, bool head,
                   bool tls, const std::string& date) {
  res = RawResponse{};
  res.version(version);
  int status = (r.status >= 200 && r.status <= 599) ? r.status : 500;
  res.result(static_cast<unsigned>(status));
  for (auto& h : r.headers) {
    if (!ValidHeader(h.name, h.value) || IsReservedHeader(h.name)) {
      spdlog::debug("http: dropped invalid or reserved response header");
      continue;
    }
    res.insert(h.name, h.value);
  }
  res.set(bhttp::field::server, "accord");
  res.set(bhttp::field::date, date);  // RFC 9110 6.6.1: an origin server with a clock sends it
  if (!r.content_type.empty() && ValidHeader("Content-Type", r.content_type)) {
    SetDefault(res, bhttp::field::content_type, r.content_type);
  }
  SetDefault(res, bhttp::field::cache_control, "no-store");
  SetDefault(res, "X-Content-Type-Options", "nosniff");
  SetDefault(res, bhttp::field::x_frame_options, "DENY");
  SetDefault(res, "Referrer-Policy", "no-referrer");
  SetDefault(res, "Content-Security-Policy", kCsp);
  SetDefault(res, "Cross-Origin-Opener-Policy", "same-origin");
  if (tls) SetDefault(res, bhttp::field::strict_transport_security, "max-age=63072000");

  if (status == 204 || status == 304) {
    // These never carry a body; prepare_payload() would throw on one.
  } else if (head) {
    res.content_length(r.body.size());
  } else {
    res.body() = std::move(r.body);
    res.prepare_payload();
  }
  res.keep_alive(keep_alive);
}

std::string RemoteAddress(const tcp::socket& socket) {
  beast::error_code ec;
  auto ep = socket.remote_endpoint(ec);
  if (ec) return {};
  auto address = ep.address();
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    return net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6()).to_string();
  }
  return address.to_string();
}

// A body being received into a temporary file: written, hashed and counted as it arrives. It
// holds one of Core::spooled's slots; until handed over, destroying it removes the file and
// gives the slot back (a failed or abandoned upload leaves nothing behind).
class SpoolFile {
 public:
  SpoolFile(std::shared_ptr<Core> core, std::filesystem::path path, int fd)
      : core_(std::move(core)), path_(std::move(path)), fd_(fd) {}
  SpoolFile(const SpoolFile&) = delete;
  SpoolFile& operator=(const SpoolFile&) = delete;
  ~SpoolFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!core_) return;  // handed over
    std::error_code ec;
    std::filesystem::remove(path_, ec);
    core_->spooled.fetch_sub(1);
  }

  void Write(const uint8_t* data, size_t n, beast::error_code& ec) {
    hasher_.Update(std::span<const uint8_t>(data, n));
    size_ += n;
    while (n > 0) {
      ssize_t w = ::write(fd_, data, n);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        ec = beast::error_code(w < 0 ? errno : EIO, beast::system_category());
        return;
      }
      data += w;
      n -= static_cast<size_t>(w);
    }
  }

  // The whole body, as the handler sees it; the slot now goes with the BodyFile.
  Result<std::shared_ptr<const BodyFile>> Finish() {
    int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0) return Error{ErrorCode::kUnavailable, CloseProblem(), {}};
    auto core = std::move(core_);
    return std::make_shared<const BodyFile>(path_, size_, HexEncode(hasher_.Final()),
                                            [core] { core->spooled.fetch_sub(1); });
  }

 private:
  static std::string CloseProblem() {
    return "the server could not finish writing the upload to its disk (" +
           std::string(std::strerror(errno)) + "); retry later";
  }

  std::shared_ptr<Core> core_;
  std::filesystem::path path_;
  int fd_;
  uint64_t size_ = 0;
  Sha256Hasher hasher_;
};

// A Beast body type whose reader writes into a SpoolFile instead of memory.
struct SpoolBody {
  using value_type = std::unique_ptr<SpoolFile>;

  class reader {
   public:
    template <bool isRequest, class Fields>
    reader(bhttp::header<isRequest, Fields>&, value_type& body) : body_(body) {}
    void init(const boost::optional<uint64_t>&, beast::error_code& ec) { ec = {}; }
    template <class ConstBufferSequence>
    size_t put(const ConstBufferSequence& buffers, beast::error_code& ec) {
      ec = {};
      size_t n = 0;
      for (auto b : beast::buffers_range_ref(buffers)) {
        body_->Write(static_cast<const uint8_t*>(b.data()), b.size(), ec);
        if (ec) return n;
        n += b.size();
      }
      return n;
    }
    void finish(beast::error_code& ec) { ec = {}; }

   private:
    value_type& body_;
  };
};

template <class S>
class ReplyState {
 public:
  explicit ReplyState(std::shared_ptr<S> session) : session_(std::move(session)) {}
  ReplyState(const ReplyState&) = delete;
  ReplyState& operator=(const ReplyState&) = delete;
  // A handler that drops its Reply without calling it still answers the client.
  ~ReplyState() {
    if (!sent_.load()) {
      session_->Deliver(ErrorResponse(Internal("the request handler did not reply")));
    }
  }

  void Send(Response r) {
    if (sent_.exchange(true)) return;  // called twice: the first reply wins
    session_->Deliver(std::move(r));
  }

 private:
  std::shared_ptr<S> session_;
  std::atomic<bool> sent_{false};
};

// One connection. Everything except Deliver() runs on the connection's strand.
template <class Stream>
class Session final : public SessionBase, public std::enable_shared_from_this<Session<Stream>> {
 public:
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

  Session(std::shared_ptr<Core> core, tcp::socket&& socket)
      : core_(std::move(core)),
        remote_(RemoteAddress(socket)),
        stream_(MakeStream(*core_, std::move(socket))) {}

  ~Session() override {
    std::lock_guard lock(core_->sessions_mu);
    core_->sessions.erase(this);
  }

  // Called from the listener's strand.
  void Start() {
    bool stopping;
    {
      // Registering and reading `stopping` under one lock means Stop() either sees this session
      // or this session sees Stop().
      std::lock_guard lock(core_->sessions_mu);
      core_->sessions.insert(this);
      stopping = core_->stopping.load();
    }
    if (stopping) return;  // the socket closes with this object
    net::dispatch(stream_.get_executor(), [self = this->shared_from_this()] { self->Begin(); });
  }

  std::shared_ptr<SessionBase> Lock() override { return this->weak_from_this().lock(); }

  void PostStop() override {
    net::post(stream_.get_executor(), [self = this->shared_from_this()] {
      if (self->state_ != State::kHandling && self->state_ != State::kWriting) self->CloseNow();
    });
  }

  void CloseDirect() override { CloseNow(); }

  // Any thread, any time: queue the response onto the strand unless the server has shut down.
  void Deliver(Response r) {
    core_->posting.fetch_add(1);
    if (core_->gate_open.load()) {
      net::dispatch(stream_.get_executor(),
                    [self = this->shared_from_this(), r = std::move(r)]() mutable {
                      self->OnReply(std::move(r));
                    });
    }
    core_->posting.fetch_sub(1);
  }

 private:
  enum class State { kHandshake, kReading, kHandling, kWriting, kClosing, kClosed };

  static Stream MakeStream(Core& core, tcp::socket&& socket) {
    if constexpr (kTls) {
      return Stream(std::move(socket), *core.tls);
    } else {
      return Stream(std::move(socket));
    }
  }

  beast::tcp_stream& Tcp() { return beast::get_lowest_layer(stream_); }
  const ServerOptions& Options() const { return core_->options; }

  template <class F>
  auto Bind(F f) {
    return beast::bind_front_handler(f, this->shared_from_this());
  }

  void Begin() {
    if (core_->stopping.load()) return CloseNow();
    beast::error_code ec;
    Tcp().socket().set_option(tcp::no_delay(true), ec);
    if constexpr (kTls) {
      state_ = State::kHandshake;
      Tcp().expires_after(Options().read_timeout);
      stream_.async_handshake(ssl::stream_base::server, Bind(&Session::OnHandshake));
    } else {
      StartRequest(true);
    }
  }

  void OnHandshake(beast::error_code ec) {
    if (state_ == State::kClosed) return;
    if (ec) {
      spdlog::debug("http: TLS handshake with {} failed: {}", remote_, ec.message());
      return CloseNow();
    }
    StartRequest(true);
  }

  // A fresh connection must send its request within read_timeout; a kept-alive one may idle for
  // idle_timeout, then the request that starts must arrive completely within read_timeout.
  void StartRequest(bool first) {
    state_ = State::kReading;
    parser_.emplace();
    spool_parser_.reset();
    parser_->header_limit(kHeaderLimit);
    // The limit depends on the route, known once the header is: until then no limit (Beast would
    // check Content-Length against it), and put() stops after the header (eager off).
    parser_->body_limit(boost::none);
    parser_->eager(false);
    body_limit_ = Options().body_limit;
    admitted_ = false;
    continue_sent_ = false;
    request_ = Request{};
    run_ = nullptr;
    early_.reset();
    if (buffer_.size() == 0 && buffer_.capacity() > 16 * 1024) buffer_.shrink_to_fit();
    receiving_ = first || buffer_.size() > 0;
    Tcp().expires_after(receiving_ ? Options().read_timeout : Options().idle_timeout);
    Parse();
  }

  void Parse() {
    if (spool_parser_) return ParseWith(*spool_parser_);
    ParseWith(*parser_);
  }

  template <class Parser>
  void ParseWith(Parser& parser) {
    beast::error_code ec;
    while (buffer_.size() > 0 && !parser.is_done()) {
      size_t used = parser.put(buffer_.data(), ec);
      buffer_.consume(used);
      if (ec && ec != bhttp::error::need_more) return RejectMalformed(ec);
      // Admit() may swap the parser, then parses on.
      if (!admitted_ && parser.is_header_done()) return Admit();
      if (ec || used == 0) break;
    }
    if (parser.is_done()) return OnRequest();
    // Only an admitted request within its limit is invited to send its body.
    if (parser.is_header_done() && !continue_sent_ && ExpectsContinue(parser.get())) {
      continue_sent_ = true;
      net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                       Bind(&Session::OnContinueWritten));
      return;
    }
    ReadMore();
  }

  // The header has arrived, no body byte is parsed yet: the admitter (the router) decides who
  // may call the route and what its body may be. A refusal is answered at once and the body is
  // never read into memory; a declared Content-Length over the route's limit is answered 413;
  // a chunked body is cut off as it passes the limit.
  void Admit() {
    admitted_ = true;
    const auto& msg = parser_->get();
    keep_alive_ = msg.keep_alive();
    version_ = msg.version() == 10 ? 10 : 11;
    head_ = msg.method() == bhttp::verb::head;
    request_.method = msg.method_string();
    request_.target = msg.target();
    for (const auto& field : msg) {
      request_.headers.push_back(
          Header{std::string(field.name_string()), std::string(field.value())});
    }
    request_.remote_address = remote_;
    request_.tls = kTls;
    const bool has_body = !parser_->is_done();

    Admission admission;
    if (Options().admit) {
      try {
        admission = Options().admit(request_);
      } catch (const std::exception& e) {
        spdlog::error("http: admitting a request threw: {}", e.what());
        return SendError(Internal("the server could not route the request"));
      }
    }
    if (admission.response) {
      if (has_body) return SendAndClose(std::move(*admission.response));
      early_ = std::move(admission.response);
      return OnRequest();
    }
    if (admission.body_limit != 0) body_limit_ = admission.body_limit;
    if (auto length = parser_->content_length(); length && *length > body_limit_) {
      return RejectMalformed(bhttp::error::body_limit);
    }
    run_ = std::move(admission.run);
    if (admission.spool && has_body) {
      if (!StartSpool()) return;
      spool_parser_->body_limit(body_limit_);
      spool_parser_->eager(true);
      // An upload on a slow link may take longer than read_timeout: it has until it would
      // arrive at kMinUploadRate.
      uint64_t expected = spool_parser_->content_length().value_or(body_limit_);
      Tcp().expires_after(Options().read_timeout + std::chrono::seconds(expected / kMinUploadRate));
    } else {
      parser_->body_limit(body_limit_);
      parser_->eager(true);
    }
    Parse();
  }

  // Takes an upload slot and a temporary file for the body; answers 503 (and returns false)
  // when every slot is taken or the file cannot be made.
  bool StartSpool() {
    const int slots = std::max(1, Options().max_spooled);
    if (core_->spooled.fetch_add(1) >= slots) {
      core_->spooled.fetch_sub(1);
      const std::string reason = "the server receives at most " + std::to_string(slots) +
                                 " at once; retry after the seconds in Retry-After";
      Response busy = ErrorResponse(Error{ErrorCode::kUnavailable,
                                          "too many uploads at once: " + reason,
                                          {ErrorDetail{"uploads", reason, std::nullopt}}});
      busy.headers.push_back({"Retry-After", "1"});
      SendAndClose(std::move(busy));
      return false;
    }
    auto path = Options().spool_dir / ("upload-" + HexEncode(RandomBytes(12)) + ".part");
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
      core_->spooled.fetch_sub(1);
      spdlog::error("http: cannot create {}: {}", path.string(), std::strerror(errno));
      SendError(Error{ErrorCode::kUnavailable,
                      "the server cannot store uploads right now (its temporary directory is "
                      "not writable); retry later",
                      {}});
      return false;
    }
    spool_parser_.emplace(std::move(*parser_), std::make_unique<SpoolFile>(core_, path, fd));
    parser_.reset();
    return true;
  }

  template <class Message>
  static bool ExpectsContinue(const Message& msg) {
    return msg.version() >= 11 && IEquals(msg[bhttp::field::expect], "100-continue");
  }

  void OnContinueWritten(beast::error_code ec, size_t) {
    if (state_ == State::kClosed) return;
    if (ec) return CloseNow();
    ReadMore();
  }

  void ReadMore() {
    stream_.async_read_some(buffer_.prepare(beast::read_size(buffer_, 64 * 1024)),
                            Bind(&Session::OnRead));
  }

  void OnRead(beast::error_code ec, size_t n) {
    if (state_ == State::kClosed) return;
    if (ec) {
      // EOF between requests is the normal end of a keep-alive connection; anything else
      // (timeout, reset, EOF inside a request) leaves nobody to answer.
      if (ec != net::error::eof && ec != ssl::error::stream_truncated) {
        spdlog::debug("http: read from {}: {}", remote_, ec.message());
      }
      return CloseNow();
    }
    buffer_.commit(n);
    if (!receiving_) {
      receiving_ = true;
      Tcp().expires_after(Options().read_timeout);
    }
    Parse();
  }

  void RejectMalformed(beast::error_code ec) {
    version_ = 11;
    head_ = false;
    if (ec.category() == beast::system_category()) {  // writing a spooled body failed
      spdlog::error("http: writing an upload from {}: {}", remote_, ec.message());
      return SendError(Error{
          ErrorCode::kUnavailable,
          "the server could not write the upload to its disk (" + ec.message() + "); retry later",
          {}});
    }
    if (ec == bhttp::error::body_limit) {
      std::string limit = std::to_string(body_limit_);
      return SendError(
          Error{ErrorCode::kPayloadTooLarge,
                "request body exceeds " + limit + " bytes",
                {ErrorDetail{"body", "exceeds the limit of " + limit + " bytes", std::nullopt}}});
    }
    if (ec == bhttp::error::header_limit) {
      std::string limit = std::to_string(kHeaderLimit);
      return SendError(
          Error{ErrorCode::kBadRequest,
                "request header exceeds " + limit + " bytes",
                {ErrorDetail{"headers", "exceed the limit of " + limit + " bytes", std::nullopt}}},
          431);
    }
    SendError(Error{ErrorCode::kBadRequest, "malformed HTTP request: " + ec.message(), {}});
  }

  void OnRequest() {
    Tcp().expires_never();  // the handler may take its time; writes get their own deadline
    if (core_->stopping.load()) {
      return SendError(Error{ErrorCode::kUnavailable, "the server is shutting down; retry", {}});
    }
    Request req = std::move(request_);
    if (spool_parser_) {
      auto file = spool_parser_->get().body()->Finish();
      spool_parser_.reset();
      if (!file.ok()) return SendError(file.error());
      req.body_file = std::move(*file);
    } else if (parser_) {
      req.body = std::move(parser_->get().body());
      parser_.reset();
    }
    Handler run = std::move(run_);
    run_ = nullptr;

    state_ = State::kHandling;
    in_flight_ = true;
    core_->in_flight.fetch_add(1);
    auto reply = std::make_shared<ReplyState<Session>>(this->shared_from_this());
    if (early_) {  // answered from the header; there was no body to read
      Response r = std::move(*early_);
      early_.reset();
      return reply->Send(std::move(r));
    }
    try {
      (run ? run : core_->handler)(std::move(req), [reply = std::move(reply)](Response r) mutable {
        reply->Send(std::move(r));
      });
    } catch (const std::exception& e) {
      spdlog::error("http: request handler threw: {}", e.what());
    } catch (...) {
      spdlog::error("http: request handler threw a non-exception");
    }
  }

  void OnReply(Response r) {
    if (state_ != State::kHandling) return FinishInFlight();  // connection already closed
    bool keep_alive = keep_alive_ && !core_->stopping.load();
    BuildResponse(res_, std::move(r), version_, keep_alive, head_, kTls, Date());
    Write(&Session::OnResponseWritten);
  }

  template <class F>
  void Write(F on_written) {
    state_ = State::kWriting;
    Tcp().expires_after(Options().read_timeout);
    bhttp::async_write(stream_, res_, Bind(on_written));
  }

  void OnResponseWritten(beast::error_code ec, size_t) {
    FinishInFlight();
    if (state_ == State::kClosed) return;
    if (ec) return CloseNow();
    bool keep_alive = res_.keep_alive();
    res_ = {};
    if (!keep_alive || core_->stopping.load()) return CloseGracefully();
    StartRequest(false);
  }

  // Errors the server answers itself (400, 413, 431, 503); the connection closes after.
  void SendError(const Error& error, int status = 0) {
    Response r = ErrorResponse(error);
    if (status != 0) r.status = status;
    SendAndClose(std::move(r));
  }

  // Answers before the body is read (or after it failed); the connection closes after, and
  // what the client still sends is discarded, never stored (Linger).
  void SendAndClose(Response r) {
    BuildResponse(res_, std::move(r), version_, false, head_, kTls, Date());
    parser_.reset();
    spool_parser_.reset();  // removes a partial upload and gives its slot back
    Write(&Session::OnErrorWritten);
  }

  std::string Date() const { return FormatHttpDate(core_->clock->Now()); }

  void OnErrorWritten(beast::error_code ec, size_t) {
    if (state_ == State::kClosed) return;
    if (ec) return CloseNow();
    res_ = {};
    Linger();
  }

  void CloseGracefully() {
    if constexpr (kTls) {
      state_ = State::kClosing;
      Tcp().expires_after(kLingerTimeout);
      stream_.async_shutdown(
          [self = this->shared_from_this()](beast::error_code) { self->CloseNow(); });
    } else {
      Linger();
    }
  }

  // Half-close, then discard whatever the client still sends until it closes too.
  void Linger() {
    state_ = State::kClosing;
    beast::error_code ec;
    Tcp().socket().shutdown(tcp::socket::shutdown_send, ec);
    Tcp().expires_after(kLingerTimeout);
    buffer_.clear();
    Discard();
  }

  void Discard() { Tcp().async_read_some(buffer_.prepare(16 * 1024), Bind(&Session::OnDiscarded)); }

  void OnDiscarded(beast::error_code ec, size_t) {
    if (state_ == State::kClosed) return;
    if (ec) return CloseNow();
    Discard();
  }

  void CloseNow() {
    if (state_ == State::kClosed) return;
    state_ = State::kClosed;
    // Buffers stay: aborted operations still reference them until their handlers run.
    Tcp().close();
  }

  void FinishInFlight() {
    if (!in_flight_) return;
    in_flight_ = false;
    core_->FinishOne();
  }

  std::shared_ptr<Core> core_;  // first: destroyed last, after the socket
  std::string remote_;
  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::request_parser<SpoolBody>> spool_parser_;  // replaces parser_ to spool
  Request request_;                // the current request's header, as the admitter saw it
  Handler run_;                    // its Admission::run
  std::optional<Response> early_;  // its answer, decided from the header (no body)
  RawResponse res_;
  State state_ = State::kReading;
  bool receiving_ = false;      // the current request has started to arrive
  bool continue_sent_ = false;  // "100 Continue" already written for this request
  bool admitted_ = false;       // the admitter has seen this request's header
  size_t body_limit_ = 0;       // the current request's body limit
  bool in_flight_ = false;      // counted in core_->in_flight
  bool keep_alive_ = false;
  bool head_ = false;
  unsigned version_ = 11;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  explicit Listener(std::shared_ptr<Core> core)
      : core_(std::move(core)),
        acceptor_(net::make_strand(core_->ioc)),
        retry_(acceptor_.get_executor()) {}

  Result<uint16_t> Open() {
    const auto& o = core_->options;
    std::string where = Display(o.host, o.port);
    beast::error_code ec;
    tcp::endpoint endpoint;
    auto address = net::ip::make_address(o.host, ec);
    if (!ec) {
      endpoint = tcp::endpoint(address, o.port);
    } else {
      tcp::resolver resolver(core_->ioc);
      auto results = resolver.resolve(o.host, std::to_string(o.port), ec);
      if (ec || results.empty()) {
        return Error{ErrorCode::kUnavailable,
                     where + ": cannot resolve host (" + Lower(ec.message()) +
                         "); use an IP address or a resolvable name",
                     {}};
      }
      endpoint = results.begin()->endpoint();
    }
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
      acceptor_.close();
      return Error{ErrorCode::kUnavailable, where + ": " + Lower(ec.message()) + Hint(ec), {}};
    }
    return acceptor_.local_endpoint().port();
  }

  void Run() {
    net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] { self->Accept(); });
  }

  void Close() {
    net::post(acceptor_.get_executor(), [self = shared_from_this()] { self->CloseDirect(); });
  }

  void CloseDirect() {
    beast::error_code ec;
    acceptor_.close(ec);
    retry_.cancel();
  }

 private:
  static std::string Display(const std::string& host, uint16_t port) {
    bool v6 = host.find(':') != std::string::npos;
    return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
  }

  static std::string Lower(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
  }

  static std::string Hint(beast::error_code ec) {
    if (ec == net::error::access_denied) {
      return " (ports below 1024 need root or CAP_NET_BIND_SERVICE; choose a port above 1023)";
    }
    if (ec == net::error::address_in_use) {
      return " (another process is listening there; stop it or choose another port)";
    }
    if (ec == boost::system::errc::address_not_available) {
      return " (no network interface has this address; check the host)";
    }
    return {};
  }

  void Accept() {
    acceptor_.async_accept(net::make_strand(core_->ioc),
                           beast::bind_front_handler(&Listener::OnAccept, shared_from_this()));
  }

  void OnAccept(beast::error_code ec, tcp::socket socket) {
    if (!acceptor_.is_open() || ec == net::error::operation_aborted) return;
    if (ec == net::error::connection_aborted) return Accept();
    if (ec) {
      // Typically out of file descriptors: back off instead of spinning.
      spdlog::warn("http: accept failed: {}", ec.message());
      retry_.expires_after(kAcceptRetry);
      retry_.async_wait([self = shared_from_this()](beast::error_code wait_ec) {
        if (!wait_ec && self->acceptor_.is_open()) self->Accept();
      });
      return;
    }
    if (core_->tls) {
      std::make_shared<Session<TlsStream>>(core_, std::move(socket))->Start();
    } else {
      std::make_shared<Session<PlainStream>>(core_, std::move(socket))->Start();
    }
    Accept();
  }

  std::shared_ptr<Core> core_;
  tcp::acceptor acceptor_;
  net::steady_timer retry_;
};

std::optional<std::string> FileProblem(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return "no such file";
  if (std::filesystem::is_directory(path, ec)) return "is a directory, expected a PEM file";
  std::ifstream in(path);
  if (!in) return "cannot be read (check its permissions)";
  return std::nullopt;
}

Status LoadTls(ssl::context& ctx, const std::filesystem::path& cert,
               const std::filesystem::path& key) {
  SSL_CTX* native = ctx.native_handle();
  ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                  ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                  ssl::context::no_compression | ssl::context::single_dh_use);
  SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
  if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1 ||
      SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1) {
    return Internal("TLS: OpenSSL rejected the protocol or cipher settings");
  }

  beast::error_code ec;
  if (auto problem = FileProblem(cert)) {
    return Internal("--tls-cert " + cert.string() + ": " + *problem);
  }
  ctx.use_certificate_chain_file(cert.string(), ec);
  if (ec) {
    return Internal("--tls-cert " + cert.string() + ": not a PEM certificate chain (" +
                    ec.message() + ")");
  }
  if (auto problem = FileProblem(key)) {
    return Internal("--tls-key " + key.string() + ": " + *problem);
  }
  ctx.use_private_key_file(key.string(), ssl::context::pem, ec);
  if (ec) {
    return Internal("--tls-key " + key.string() + ": not a PEM private key (" + ec.message() + ")");
  }
  if (SSL_CTX_check_private_key(native) != 1) {
    return Internal("--tls-key " + key.string() + ": does not match the certificate in " +
                    cert.string());
  }
  return Ok();
}

// The spool directory, owner-only when we create it, without the files of uploads that a
// crashed server left (an upload in progress writes its file continuously, so it is younger).
Status PrepareSpoolDir(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::create_directories(dir, ec)) fs::permissions(dir, fs::perms::owner_all, ec);
  if (ec || !fs::is_directory(dir)) {
    return Internal("cannot create the upload directory " + dir.string() +
                    (ec ? ": " + ec.message() : std::string()));
  }
  const auto stale = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (!name.starts_with("upload-") || !name.ends_with(".part")) continue;
    std::error_code ignored;
    if (entry.last_write_time(ignored) < stale) fs::remove(entry.path(), ignored);
  }
  return Ok();
}

}  // namespace

struct Server::Impl {
  enum class State { kNew, kRunning, kStopped };

  ServerOptions options;
  Handler handler;

  std::mutex mu;  // guards state; cv signals kStopped
  std::condition_variable cv;
  State state = State::kNew;
  std::mutex stop_mu;  // serializes Stop()

  std::shared_ptr<Core> core;
  std::shared_ptr<Listener> listener;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
  std::vector<std::thread> threads;
};

Server::Server(ServerOptions options, Handler handler) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->handler = std::move(handler);
}

Server::~Server() { Stop(); }

bool Server::tls() const { return impl_->options.tls_cert && impl_->options.tls_key; }

Result<uint16_t> Server::Start() {
  Impl& m = *impl_;
  std::lock_guard lock(m.mu);
  if (m.state != Impl::State::kNew) return Internal("the HTTP server was already started");
  if (m.options.tls_cert.has_value() != m.options.tls_key.has_value()) {
    return Internal("--tls-cert and --tls-key must be given together");
  }

  ACCORD_TRY(PrepareSpoolDir(m.options.spool_dir));
  auto core = std::make_shared<Core>(m.options, m.handler);
  if (tls()) {
    core->tls.emplace(ssl::context::tls_server);
    ACCORD_TRY(LoadTls(*core->tls, *m.options.tls_cert, *m.options.tls_key));
  }
  auto listener = std::make_shared<Listener>(core);
  auto port = listener->Open();
  if (!port) return port;

  m.core = core;
  m.listener = listener;
  m.work.emplace(core->ioc.get_executor());
  listener->Run();
  int threads = std::max(1, m.options.threads);
  m.threads.reserve(threads);
  for (int i = 0; i < threads; ++i) {
    m.threads.emplace_back([core] {
      for (;;) {
        try {
          core->ioc.run();
          return;
        } catch (const std::exception& e) {
          spdlog::error("http: I/O thread caught: {}", e.what());
        }
      }
    });
  }
  m.state = Impl::State::kRunning;
  return port;
}

void Server::Stop() {
  Impl& m = *impl_;
  std::lock_guard stop_lock(m.stop_mu);
  {
    std::lock_guard lock(m.mu);
    if (m.state == Impl::State::kStopped) return;
    if (m.state == Impl::State::kNew) {
      m.state = Impl::State::kStopped;
      m.cv.notify_all();
      return;
    }
  }
  Core& core = *m.core;

  // 1. No new connections, no new requests on idle connections.
  core.stopping.store(true);
  m.listener->Close();
  for (auto& session : core.Snapshot()) session->PostStop();

  // 2. Let requests already in the handler finish and their responses be written.
  {
    std::unique_lock lock(core.drain_mu);
    core.drain_cv.wait_for(lock, m.options.drain_timeout,
                           [&] { return core.in_flight.load() == 0; });
  }

  // 3. Stop the I/O threads, then close what is left and run the aborted operations to
  // completion here so no handler keeps a connection (and the io_context) alive in its queue.
  m.work.reset();
  core.ioc.stop();
  for (auto& t : m.threads) t.join();
  m.threads.clear();
  core.gate_open.store(false);
  while (core.posting.load() != 0) std::this_thread::yield();
  core.ioc.restart();
  m.listener->CloseDirect();
  for (auto& session : core.Snapshot()) session->CloseDirect();
  while (core.ioc.poll() > 0) {
  }
  m.listener.reset();
  m.core.reset();

  std::lock_guard lock(m.mu);
  m.state = Impl::State::kStopped;
  m.cv.notify_all();
}

void Server::Wait() {
  std::unique_lock lock(impl_->mu);
  impl_->cv.wait(lock, [&] { return impl_->state == Impl::State::kStopped; });
}

}  // namespace accord::http
