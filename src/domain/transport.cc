#include "accord/domain/transport.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <set>
#include <span>

#include "accord/domain/fields.h"
#include "accord/domain/registry.h"

namespace accord::domain {

namespace json = boost::json;

namespace {

constexpr std::string_view kAddressHint =
    "must be a URL such as sftp://files.example.com:22 or host:port such as db.example.com:5432";

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool IsHostLabelChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
}

bool ValidHostName(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  if (host.front() == '.' || host.front() == '-' || host.back() == '-') return false;
  if (host.find("..") != std::string_view::npos) return false;
  return std::all_of(host.begin(), host.end(), IsHostLabelChar);
}

bool ValidIpv6(std::string_view inner) {
  if (inner.size() < 2 || inner.size() > 45) return false;
  return std::all_of(inner.begin(), inner.end(), [](char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
  });
}

std::optional<int> ParsePort(std::string_view text) {
  if (text.empty() || text.size() > 5) return std::nullopt;
  int port = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    port = port * 10 + (c - '0');
  }
  if (port < 1 || port > 65535) return std::nullopt;
  return port;
}

Error AddressError(std::string reason) {
  return Error{ErrorCode::kValidationFailed, std::move(reason), {}};
}

// "host", "host:port", "[v6]", "[v6]:port" into the address.
Status ParseAuthority(std::string_view authority, EndpointAddress& out) {
  // Credentials never belong in the registry.
  if (authority.find('@') != std::string_view::npos) {
    return AddressError("must not contain a user name or password");
  }
  std::string_view host = authority, port;
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return AddressError("has an unclosed IPv6 bracket");
    if (!ValidIpv6(authority.substr(1, close - 1))) return AddressError("has a bad IPv6 address");
    host = authority.substr(0, close + 1);
    std::string_view rest = authority.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return AddressError(std::string(kAddressHint));
      port = rest.substr(1);
      if (port.empty()) return AddressError("has an empty port");
    }
  } else {
    size_t colon = authority.rfind(':');
    if (colon != std::string_view::npos) {
      host = authority.substr(0, colon);
      port = authority.substr(colon + 1);
      if (port.empty()) return AddressError("has an empty port");
    }
    if (!ValidHostName(host)) {
      return AddressError("has no valid host name (letters, digits, '-' and '.')");
    }
  }
  if (!port.empty()) {
    auto p = ParsePort(port);
    if (!p) return AddressError("has a port that is not a number from 1 to 65535");
    out.port = *p;
  }
  out.host = std::string(host);
  return Ok();
}

}  // namespace

const std::vector<TransportProtocol>& TransportProtocols() {
  static const std::vector<TransportProtocol> kProtocols = {
      {"https", false, "HTTP over TLS", {"https"}},
      {"wss", false, "WebSocket over TLS", {"wss"}},
      {"ssh", false, "Secure Shell", {"ssh"}},
      {"sftp", false, "SSH file transfer", {"sftp"}},
      {"scp", false, "SSH copy", {"scp"}},
      {"ftps", false, "FTP over TLS", {"ftps"}},
      {"ipsec", false, "IPsec VPN", {"ipsec"}},
      {"wireguard", false, "WireGuard VPN", {"wireguard"}},
      {"openvpn", false, "OpenVPN", {"openvpn"}},
      {"tls", false, "another TCP protocol inside TLS", {"tls"}},
      {"postgres+tls", false, "PostgreSQL with TLS required", {"postgres", "postgresql"}},
      {"mysql+tls", false, "MySQL with TLS required", {"mysql"}},
      {"mssql+tls", false, "SQL Server with encryption required", {"mssql", "sqlserver"}},
      {"redis+tls", false, "Redis over TLS", {"rediss"}},
      {"ldaps", false, "LDAP over TLS", {"ldaps"}},
      {"smtps", false, "SMTP over TLS", {"smtps"}},
      {"imaps", false, "IMAP over TLS", {"imaps"}},
      {"amqps", false, "AMQP over TLS", {"amqps"}},
      {"mqtts", false, "MQTT over TLS", {"mqtts"}},
      {"kafka+tls", false, "Kafka with TLS listeners", {"kafka"}},
      // In clear.
      {"http", true, "HTTP without TLS", {"http"}},
      {"ws", true, "WebSocket without TLS", {"ws"}},
      {"ftp", true, "FTP without TLS", {"ftp"}},
      {"tftp", true, "Trivial FTP", {"tftp"}},
      {"telnet", true, "Telnet", {"telnet"}},
      {"rsh", true, "remote shell", {"rsh"}},
      {"vnc", true, "VNC without a tunnel", {"vnc"}},
      {"ldap", true, "LDAP without TLS", {"ldap"}},
      {"postgres", true, "PostgreSQL without TLS", {"postgres", "postgresql"}},
      {"mysql", true, "MySQL without TLS", {"mysql"}},
      {"mssql", true, "SQL Server without encryption", {"mssql", "sqlserver"}},
      {"redis", true, "Redis without TLS", {"redis"}},
      {"smtp", true, "SMTP without TLS", {"smtp"}},
      {"imap", true, "IMAP without TLS", {"imap"}},
      {"pop3", true, "POP3 without TLS", {"pop3", "pop"}},
      {"amqp", true, "AMQP without TLS", {"amqp"}},
      {"mqtt", true, "MQTT without TLS", {"mqtt"}},
      {"kafka", true, "Kafka with plaintext listeners", {"kafka"}},
  };
  return kProtocols;
}

const TransportProtocol* FindTransportProtocol(std::string_view name) {
  for (const auto& p : TransportProtocols()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

std::vector<std::string> TransportProtocolNames() {
  std::vector<std::string> out;
  for (const auto& p : TransportProtocols()) out.emplace_back(p.name);
  return out;
}

Result<EndpointAddress> ParseEndpointAddress(std::string_view text) {
  if (text.empty()) return AddressError(std::string(kAddressHint));
  if (std::any_of(text.begin(), text.end(), [](char c) {
        return std::isspace(static_cast<unsigned char>(c)) ||
               std::iscntrl(static_cast<unsigned char>(c));
      })) {
    return AddressError("must not contain spaces or control characters");
  }
  EndpointAddress out;
  std::string_view rest = text;
  if (size_t sep = text.find("://"); sep != std::string_view::npos) {
    std::string_view scheme = text.substr(0, sep);
    bool ok =
        !scheme.empty() && std::isalpha(static_cast<unsigned char>(scheme.front())) &&
        std::all_of(scheme.begin(), scheme.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
        });
    if (!ok) return AddressError("has a malformed scheme");
    for (char c : scheme) out.scheme += Lower(c);
    rest = text.substr(sep + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (rest.empty()) return AddressError("has no host");
    ACCORD_TRY(ParseAuthority(rest, out));
    return out;
  }
  // host:port: the port is what makes it an address rather than a bare word.
  if (rest.find_first_of("/?#") != std::string_view::npos) {
    return AddressError(std::string(kAddressHint));
  }
  ACCORD_TRY(ParseAuthority(rest, out));
  if (out.port == 0) return AddressError(std::string(kAddressHint));
  return out;
}

void CheckEndpoints(const json::object& system, std::vector<ErrorDetail>& details) {
  const json::value* list = system.if_contains("endpoints");
  if (!list || !list->is_array()) return;
  std::set<std::string> names;
  const auto& items = list->as_array();
  for (size_t i = 0; i < items.size(); ++i) {
    if (!items[i].is_object()) continue;
    const json::object& e = items[i].as_object();
    std::string path = "endpoints[" + std::to_string(i) + "]";
    std::string name = Lowercase(StateString(e, "name"));
    if (!name.empty() && !names.insert(name).second) {
      details.push_back({path + ".name", "is used by another endpoint of this system", {}});
    }
    std::string url = StateString(e, "url");
    if (url.empty()) continue;  // required: ValidateFields said so
    auto address = ParseEndpointAddress(url);
    if (!address.ok()) {
      details.push_back({path + ".url", address.error().message, {}});
      continue;
    }
    const TransportProtocol* protocol = FindTransportProtocol(StateString(e, "protocol"));
    if (!protocol || address->scheme.empty()) continue;
    const auto& schemes = protocol->schemes;
    if (std::find(schemes.begin(), schemes.end(), address->scheme) == schemes.end()) {
      details.push_back({path + ".url",
                         "its scheme " + address->scheme + " does not fit the protocol " +
                             std::string(protocol->name),
                         {}});
    }
  }
}

void MarkPlaintextEndpoints(json::object& system) {
  json::value* list = system.if_contains("endpoints");
  if (!list || !list->is_array()) return;
  for (auto& item : list->as_array()) {
    if (!item.is_object()) continue;
    const TransportProtocol* p = FindTransportProtocol(StateString(item.as_object(), "protocol"));
    item.as_object()["plaintext"] = p == nullptr || p->plaintext;
  }
}

std::optional<std::string> CanonicalTlsVersion(std::string_view text) {
  std::string s;
  for (char c : text) {
    if (c != ' ' && c != '_' && c != '-') s += Lower(c);
  }
  bool ssl = s.starts_with("ssl");
  if (s.starts_with("tls")) s = s.substr(3);
  if (ssl) s = s.substr(3);
  if (s.starts_with("v")) s = s.substr(1);
  using Names = std::span<const std::pair<std::string_view, std::string_view>>;
  static const std::pair<std::string_view, std::string_view> kTls[] = {{"1", "TLS 1.0"},
                                                                       {"1.0", "TLS 1.0"},
                                                                       {"1.1", "TLS 1.1"},
                                                                       {"1.2", "TLS 1.2"},
                                                                       {"1.3", "TLS 1.3"}};
  static const std::pair<std::string_view, std::string_view> kSsl[] = {
      {"2", "SSL 2.0"}, {"2.0", "SSL 2.0"}, {"3", "SSL 3.0"}, {"3.0", "SSL 3.0"}};
  for (const auto& [k, v] : ssl ? Names(kSsl) : Names(kTls)) {
    if (s == k) return std::string(v);
  }
  return std::nullopt;
}

std::string TransportWeakness(const TransportProtocol& protocol,
                              const std::optional<std::string>& tls_version) {
  if (protocol.plaintext) return "plaintext";
  if (!tls_version) return "";
  if (tls_version->starts_with("SSL") || *tls_version == "TLS 1.0" || *tls_version == "TLS 1.1") {
    return "tls_below_1_2";
  }
  return "";
}

}  // namespace accord::domain
