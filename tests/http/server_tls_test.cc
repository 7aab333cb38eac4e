// The HTTP server over TLS: a round trip with HSTS, no client below TLS 1.2, bad key files
// refused at start with their path.
#include "accord/http/server.h"

#include <gtest/gtest.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <thread>

#include "accord/http/json.h"
#include "http/server_test.h"
#include "support/http_client.h"

namespace accord::http::server_test {
namespace {

ServerOptions TlsOpts(const fs::path& cert, const fs::path& key) {
  ServerOptions o;
  o.tls_cert = cert;
  o.tls_key = key;
  return o;
}

// Self-signed P-256 certificate for "localhost", written as PEM into a fresh directory.
class TlsFiles {
 public:
  TlsFiles() {
    dir_ = fs::temp_directory_path() /
           ("accord-http-test-" + std::to_string(getpid()) + "-" + std::to_string(++counter_));
    fs::create_directories(dir_);
    EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    X509* cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
    X509_set_pubkey(cert, key);
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509_sign(cert, key, EVP_sha256());

    FILE* f = fopen(cert_path().c_str(), "w");
    PEM_write_X509(f, cert);
    fclose(f);
    f = fopen(key_path().c_str(), "w");
    PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr);
    fclose(f);
    X509_free(cert);
    EVP_PKEY_free(key);
  }
  ~TlsFiles() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path cert_path() const { return dir_ / "cert.pem"; }
  fs::path key_path() const { return dir_ / "key.pem"; }
  fs::path dir() const { return dir_; }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
};

// A raw OpenSSL client limited to `max_version`; returns "" on success, else OpenSSL's reason.
std::string TlsConnect(uint16_t port, int max_version) {
  int fd = Connect(port);
  if (fd < 0) return "connect failed";
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  // Lift the client's own floor (Debian's openssl.cnf says TLS 1.2) so the server decides.
  SSL_CTX_set_security_level(ctx, 0);
  SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION);
  SSL_CTX_set_max_proto_version(ctx, max_version);
  SSL_CTX_set_cipher_list(ctx, "ALL:@SECLEVEL=0");
  SSL* ssl = SSL_new(ctx);
  SSL_set_fd(ssl, fd);
  ERR_clear_error();
  std::string result;
  if (SSL_connect(ssl) != 1) {
    char buf[256];
    ERR_error_string_n(ERR_get_error(), buf, sizeof buf);
    result = buf[0] ? buf : "handshake failed";
  }
  SSL_free(ssl);
  SSL_CTX_free(ctx);
  close(fd);
  return result;
}

TEST(HttpServerTest, TlsRoundTripWithHsts) {
  TlsFiles files;
  Server server(TlsOpts(files.cert_path(), files.key_path()), Echo());
  EXPECT_TRUE(server.tls());
  auto port = server.Start();
  ASSERT_TRUE(port.ok()) << port.error().message;

  auto res = HttpCall(*port, "GET", "/secure", "", {}, /*tls=*/true);
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(ParseBody(res.body)["tls"], true);
  EXPECT_EQ(res.Header("Strict-Transport-Security"), "max-age=63072000");
  EXPECT_EQ(res.Header("X-Content-Type-Options"), "nosniff");

  // HTTPS only: plain HTTP gets no answer.
  EXPECT_EQ(HttpCall(*port, "GET", "/").status, 0);
  EXPECT_EQ(HttpCall(*port, "GET", "/again", "", {}, true).status, 200);
}

TEST(HttpServerTest, TlsRefusesClientsBelowTls12) {
  TlsFiles files;
  Server server(TlsOpts(files.cert_path(), files.key_path()), Text("ok"));
  auto port = server.Start();
  ASSERT_TRUE(port.ok());

  EXPECT_EQ(TlsConnect(*port, TLS1_2_VERSION), "") << "the raw client itself works";
  EXPECT_EQ(TlsConnect(*port, TLS1_3_VERSION), "");
  std::string refused = TlsConnect(*port, TLS1_1_VERSION);
  EXPECT_NE(refused, "");
  EXPECT_NE(refused.find("protocol version"), std::string::npos)
      << "the server must refuse with a protocol_version alert, got: " << refused;
}

TEST(HttpServerTest, BadTlsFilesFailStartWithThePath) {
  TlsFiles files;
  fs::path missing = files.dir() / "missing.pem";
  {
    Server server(TlsOpts(missing, files.key_path()), Text("ok"));
    auto port = server.Start();
    ASSERT_FALSE(port.ok());
    EXPECT_NE(port.error().message.find("--tls-cert " + missing.string()), std::string::npos)
        << port.error().message;
  }
  {
    Server server(TlsOpts(files.cert_path(), missing), Text("ok"));
    auto port = server.Start();
    ASSERT_FALSE(port.ok());
    EXPECT_NE(port.error().message.find("--tls-key " + missing.string()), std::string::npos)
        << port.error().message;
  }
  {
    // A key file that is not a key.
    Server server(TlsOpts(files.cert_path(), files.cert_path()), Text("ok"));
    auto port = server.Start();
    ASSERT_FALSE(port.ok());
    EXPECT_NE(port.error().message.find("--tls-key"), std::string::npos) << port.error().message;
  }
}

}  // namespace
}  // namespace accord::http::server_test
