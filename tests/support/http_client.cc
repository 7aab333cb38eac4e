#include "support/http_client.h"

#include <openssl/ssl.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <type_traits>

namespace accord::testing {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = net::ip::tcp;

constexpr std::chrono::seconds kTimeout{10};

// Runs one asynchronous operation to completion; the stream's deadline bounds it.
template <class Start>
beast::error_code RunOne(net::io_context& ioc, Start start) {
  beast::error_code result = net::error::timed_out;
  start([&result](beast::error_code ec, auto&&...) { result = ec; });
  ioc.run();
  ioc.restart();
  return result;
}

HttpResult Failure(std::string_view step, beast::error_code ec) {
  return HttpResult{0, std::string(step) + ": " + ec.message(), {}};
}

template <class Stream>
HttpResult Exchange(net::io_context& ioc, Stream& stream, uint16_t port, const std::string& method,
                    const std::string& target, std::string body,
                    const std::vector<std::pair<std::string, std::string>>& headers) {
  auto& tcp_stream = beast::get_lowest_layer(stream);
  tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), port);

  tcp_stream.expires_after(kTimeout);
  auto ec = RunOne(ioc, [&](auto handler) { tcp_stream.async_connect(endpoint, handler); });
  if (ec) return Failure("connect", ec);

  if constexpr (!std::is_same_v<Stream, beast::tcp_stream>) {
    SSL_set_tlsext_host_name(stream.native_handle(), "localhost");
    tcp_stream.expires_after(kTimeout);
    ec = RunOne(ioc,
                [&](auto handler) { stream.async_handshake(ssl::stream_base::client, handler); });
    if (ec) return Failure("TLS handshake", ec);
  }

  bhttp::request<bhttp::string_body> req;
  req.version(11);
  bhttp::verb verb = bhttp::string_to_verb(method);
  if (verb == bhttp::verb::unknown) {
    req.method_string(method);
  } else {
    req.method(verb);
  }
  req.target(target);
  req.set(bhttp::field::host, "127.0.0.1:" + std::to_string(port));
  req.body() = std::move(body);
  req.prepare_payload();
  for (const auto& [name, value] : headers) {
    if (req.find(name) != req.end()) {
      req.set(name, value);
    } else {
      req.insert(name, value);
    }
  }

  tcp_stream.expires_after(kTimeout);
  auto write_ec = RunOne(ioc, [&](auto handler) { bhttp::async_write(stream, req, handler); });

  // Even when the write failed (the server may refuse a large body early), try to read the
  // response the server sent.
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  if (verb == bhttp::verb::head) parser.skip(true);
  tcp_stream.expires_after(kTimeout);
  ec = RunOne(ioc, [&](auto handler) { bhttp::async_read(stream, buffer, parser, handler); });
  if (ec) return Failure(write_ec ? "write" : "read", write_ec ? write_ec : ec);

  auto& res = parser.get();
  HttpResult result;
  result.status = static_cast<int>(res.result_int());
  result.body = std::move(res.body());
  for (const auto& field : res) {
    result.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  tcp_stream.close();
  return result;
}

}  // namespace

std::string HttpResult::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (beast::iequals(key, name)) return value;
  }
  return {};
}

HttpResult HttpCall(uint16_t port, std::string method, std::string target, std::string body,
                    std::vector<std::pair<std::string, std::string>> headers, bool tls) {
  net::io_context ioc;
  if (tls) {
    ssl::context ctx(ssl::context::tls_client);
    ctx.set_verify_mode(ssl::verify_none);
    ssl::stream<beast::tcp_stream> stream(ioc, ctx);
    return Exchange(ioc, stream, port, method, target, std::move(body), headers);
  }
  beast::tcp_stream stream(ioc);
  return Exchange(ioc, stream, port, method, target, std::move(body), headers);
}

std::string RawExchange(uint16_t port, std::string bytes) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), port);
  stream.expires_after(kTimeout);
  auto ec = RunOne(ioc, [&](auto handler) { stream.async_connect(endpoint, handler); });
  if (ec) return {};
  ec = RunOne(ioc, [&](auto handler) { net::async_write(stream, net::buffer(bytes), handler); });

  std::string received;
  char chunk[4096];
  while (true) {
    size_t n = 0;
    ec = RunOne(ioc, [&](auto handler) {
      stream.async_read_some(net::buffer(chunk), [&n, handler](beast::error_code e, size_t got) {
        n = got;
        handler(e);
      });
    });
    received.append(chunk, n);
    if (ec) break;
  }
  return received;
}

}  // namespace accord::testing
