// Encrypted transit (TP-5): the protocols a third party may use to reach one of our systems,
// which of them carry data in clear, how an endpoint's address is written, and how weak a
// connection's transport was. Pure: the registry validates endpoints with it, the gate's
// loader marks plaintext endpoints with it, the connection record grades connections with it.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/core/result.h"

namespace accord::domain {

struct TransportProtocol {
  std::string_view name;         // "https", "postgres+tls", "ftp"
  bool plaintext;                // carries data in clear
  std::string_view description;  // for the API's schema and the portal
  // URL schemes that may name it ("postgres://… with TLS required" is postgres+tls).
  std::vector<std::string_view> schemes;
};

// Every protocol an endpoint may declare, encrypted ones first.
const std::vector<TransportProtocol>& TransportProtocols();
const TransportProtocol* FindTransportProtocol(std::string_view name);
std::vector<std::string> TransportProtocolNames();

// An endpoint's address: `scheme://host[:port][/path]` or `host:port`. Host names are
// letters, digits, '-' and '.', or an IPv4 or a bracketed IPv6 address; ports 1..65535.
struct EndpointAddress {
  std::string scheme;  // "" for host:port
  std::string host;
  int port = 0;  // 0: not given (the scheme's default)
};
// The reason it is not one, as a message ("must be a URL such as https://host/ or host:port").
Result<EndpointAddress> ParseEndpointAddress(std::string_view text);

// A system's `endpoints`: each address parses, its scheme fits its protocol, names are unique.
// Appends details with the field path ("endpoints[1].url").
void CheckEndpoints(const boost::json::object& system, std::vector<ErrorDetail>& details);
// Sets each endpoint's server-computed `plaintext` from its protocol.
void MarkPlaintextEndpoints(boost::json::object& system);

// TLS versions as connections report them: "TLSv1.2", "TLS 1.3", "1.0", "SSLv3".
// Returns the canonical name ("TLS 1.2", "SSL 3.0") or nullopt for something else.
std::optional<std::string> CanonicalTlsVersion(std::string_view text);
// What makes a connection's transport too weak for TP-5, or "" when it is not:
// "plaintext" (a protocol in clear, or no TLS on a TLS protocol), "tls_below_1_2".
std::string TransportWeakness(const TransportProtocol& protocol,
                              const std::optional<std::string>& tls_version);

}  // namespace accord::domain
