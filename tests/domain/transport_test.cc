// TP-5's vocabulary: which protocols are plaintext, how an endpoint's address is written, and
// which connections are too weak.
#include "accord/domain/transport.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "accord/domain/registry.h"

namespace accord::domain {
namespace {

namespace json = boost::json;

TEST(TransportTest, ProtocolsInClearAreMarkedPlaintext) {
  for (const char* p : {"http", "ftp", "telnet", "ldap", "postgres", "mysql"}) {
    ASSERT_NE(FindTransportProtocol(p), nullptr) << p;
    EXPECT_TRUE(FindTransportProtocol(p)->plaintext) << p;
  }
  for (const char* p : {"https", "ssh", "sftp", "ipsec", "wireguard", "openvpn", "postgres+tls",
                        "mysql+tls", "ldaps"}) {
    ASSERT_NE(FindTransportProtocol(p), nullptr) << p;
    EXPECT_FALSE(FindTransportProtocol(p)->plaintext) << p;
  }
  EXPECT_EQ(FindTransportProtocol("gopher"), nullptr);
}

TEST(TransportTest, AddressesAreUrlsOrHostAndPort) {
  auto url = ParseEndpointAddress("SFTP://files.example.com:2222/inbox");
  ASSERT_TRUE(url.ok()) << url.error().message;
  EXPECT_EQ(url->scheme, "sftp");
  EXPECT_EQ(url->host, "files.example.com");
  EXPECT_EQ(url->port, 2222);
  auto hostport = ParseEndpointAddress("db.example.com:5432");
  ASSERT_TRUE(hostport.ok());
  EXPECT_EQ(hostport->scheme, "");
  EXPECT_EQ(hostport->port, 5432);
  auto v6 = ParseEndpointAddress("https://[2001:db8::1]:8443/");
  ASSERT_TRUE(v6.ok()) << v6.error().message;
  EXPECT_EQ(v6->host, "[2001:db8::1]");
  for (const char* bad : {"", "files.example.com", "https://", "https://user:pw@host/", "host:0",
                          "host:70000", "host:port", "ht tp://x", "https://bad_host/", "1https://x",
                          "https://[zz::1]/", "host:22/path"}) {
    EXPECT_FALSE(ParseEndpointAddress(bad).ok()) << bad;
  }
}

TEST(TransportTest, TlsVersionsAreReadInTheirUsualSpellings) {
  EXPECT_EQ(CanonicalTlsVersion("TLSv1.2"), "TLS 1.2");
  EXPECT_EQ(CanonicalTlsVersion("tls 1.3"), "TLS 1.3");
  EXPECT_EQ(CanonicalTlsVersion("1.0"), "TLS 1.0");
  EXPECT_EQ(CanonicalTlsVersion("TLSv1"), "TLS 1.0");
  EXPECT_EQ(CanonicalTlsVersion("SSLv3"), "SSL 3.0");
  EXPECT_EQ(CanonicalTlsVersion("TLS 2.0"), std::nullopt);
  EXPECT_EQ(CanonicalTlsVersion("none"), std::nullopt);
}

TEST(TransportTest, PlaintextAndOldTlsAreWeak) {
  const auto& https = *FindTransportProtocol("https");
  EXPECT_EQ(TransportWeakness(*FindTransportProtocol("ftp"), std::nullopt), "plaintext");
  EXPECT_EQ(TransportWeakness(https, std::string("TLS 1.0")), "tls_below_1_2");
  EXPECT_EQ(TransportWeakness(https, std::string("TLS 1.1")), "tls_below_1_2");
  EXPECT_EQ(TransportWeakness(https, std::string("SSL 3.0")), "tls_below_1_2");
  EXPECT_EQ(TransportWeakness(https, std::string("TLS 1.2")), "");
  EXPECT_EQ(TransportWeakness(https, std::nullopt), "") << "unknown is not weak by itself";
  EXPECT_EQ(TransportWeakness(*FindTransportProtocol("sftp"), std::nullopt), "");
}

TEST(TransportTest, ASystemsEndpointsAreValidatedWithTheirPathAndMarked) {
  const KindSpec& system = *FindKind("system");
  json::object body{
      {"name", "File exchange"},
      {"environment", "staging"},
      {"contains_ephi", false},
      {"owner", "Integrations"},
      {"endpoints",
       json::array{
           json::object{{"name", "sftp"}, {"url", "sftp://sftp.example.com"}, {"protocol", "sftp"}},
           json::object{{"name", "legacy"}, {"url", "ftp.example.com:21"}, {"protocol", "ftp"}}}}};
  auto made = NewObject(system, body, "sys_1", "", TimePoint{});
  ASSERT_TRUE(made.ok()) << made.error().message;
  const json::array& endpoints = made->at("endpoints").as_array();
  EXPECT_EQ(endpoints[0].at("plaintext"), false);
  EXPECT_EQ(endpoints[1].at("plaintext"), true);

  auto field_of = [&](json::object endpoint) {
    json::object b = body;
    b["endpoints"].as_array()[1] = std::move(endpoint);
    auto r = NewObject(system, b, "sys_1", "", TimePoint{});
    return r.ok() ? std::string("ok") : r.error().details.at(0).field;
  };
  EXPECT_EQ(field_of({{"name", "x"}, {"url", "not a url"}, {"protocol", "ftp"}}),
            "endpoints[1].url");
  EXPECT_EQ(field_of({{"name", "x"}, {"url", "ftp.example.com:21"}, {"protocol", "gopher"}}),
            "endpoints[1].protocol");
  EXPECT_EQ(field_of({{"name", "x"}, {"url", "ftp://ftp.example.com"}, {"protocol", "sftp"}}),
            "endpoints[1].url")
      << "the scheme must fit the protocol";
  EXPECT_EQ(field_of({{"name", "SFTP"}, {"url", "ftp.example.com:21"}, {"protocol", "ftp"}}),
            "endpoints[1].name")
      << "names are unique within the system";
  EXPECT_EQ(field_of({{"name", "x"},
                      {"url", "ftp.example.com:21"},
                      {"protocol", "ftp"},
                      {"plaintext", false}}),
            "endpoints[1].plaintext")
      << "the server decides what is plaintext";
  EXPECT_EQ(
      field_of({{"name", "db"}, {"url", "postgres://db:5432/app"}, {"protocol", "postgres+tls"}}),
      "ok");
}

}  // namespace
}  // namespace accord::domain
